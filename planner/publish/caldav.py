"""``planner publish caldav``: keep a CalDAV calendar in step with the programme.

    >>> report = publish_caldav("https://dav.example.org/u/tour/", programme, Selection(),
    ...                         user="u", password="...")
    >>> report.summary()   # "2 created, 1 updated, 0 deleted, 87 unchanged"

One resource per session UID (:mod:`planner.publish.caldav_items`). The calendar itself is
the state: each resource carries its marks and version, so a session that moved gets
SEQUENCE + 1 and a new LAST-MODIFIED, and one that did not is not sent at all. Writes are
guarded with ETags (``If-None-Match: *`` to create, ``If-Match`` to replace or delete), so
an event another client changed meanwhile is never overwritten blind. Only resources that
carry the programme's own mark are replaced or deleted.

The ``caldav`` package is imported when a calendar is published, never at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from planner.changes.marks import snapshots
from planner.changes.state import Record, State, Version
from planner.changes.versions import advance, revisions
from planner.exporters.base import Selection
from planner.exporters.ics import dtstamp, selected_sessions, selected_travel
from planner.exporters.ics.vevent import Rendered, VeventWriter
from planner.publish.caldav_items import Remote, parse_remote, resource, resource_name
from planner.timeline import Programme

__all__ = ["CalDavError", "Plan", "Write", "plan_caldav", "publish_caldav"]

_CONTENT_TYPE = "text/calendar; charset=utf-8"


class CalDavError(Exception):
    """The server cannot be reached, refuses the login, or refuses a write."""


@dataclass(frozen=True, slots=True)
class Write:
    uid: str
    title: str
    href: str
    data: bytes
    etag: str | None = None
    """The ETag the replaced resource must still have; None to create."""


@dataclass
class Plan:
    """What publishing will do; ``done`` is filled in as it is done."""

    create: list[Write] = field(default_factory=list)
    update: list[Write] = field(default_factory=list)
    delete: list[Remote] = field(default_factory=list)
    unchanged: int = 0
    foreign: int = 0
    """Resources in the calendar that are not this programme's: never touched."""
    calendar_missing: bool = False

    @property
    def empty(self) -> bool:
        return not (self.create or self.update or self.delete or self.calendar_missing)

    def summary(self) -> str:
        counts = (
            f"{len(self.create)} created, {len(self.update)} updated, "
            f"{len(self.delete)} deleted, {self.unchanged} unchanged"
        )
        events = "event" if self.foreign == 1 else "events"
        others = f"; {self.foreign} other {events} left alone" if self.foreign else ""
        return counts + others

    def lines(self) -> list[str]:
        """One line per write, for --dry-run and the log."""
        found = [f"create {w.title} ({w.uid})" for w in self.create]
        found += [f"update {w.title} ({w.uid})" for w in self.update]
        found += [f"delete {r.uid}" for r in self.delete]
        return found


def _state(remotes: list[Remote], programme: Programme) -> State | None:
    """The calendar's resources as a previous state, for :func:`advance`."""
    records: dict[str, Record] = {r.uid: r.record for r in remotes if r.record is not None}
    if not records:
        return None
    latest = max(record.modified for record in records.values())
    version = Version(number=1, time=latest, sessions=len(records))
    return State(
        programme=programme.name, uid_domain=programme.uid_domain,
        versions=(version,), sessions=records,
    )  # fmt: skip


def plan_caldav(
    url: str,
    programme: Programme,
    selection: Selection,
    remotes: list[Remote],
    stamp: datetime,
) -> Plan:
    """What to create, replace and delete so the calendar holds exactly the selection."""
    state = advance(_state(remotes, programme), programme, stamp)
    writer = VeventWriter(programme, stamp, revisions(state))
    found = snapshots(programme)
    on_server = {remote.uid: remote for remote in remotes}
    plan = Plan()
    wanted: set[str] = set()
    base = url.rstrip("/") + "/"
    items = [
        (rendered, session.title)
        for session in selected_sessions(programme, selection)
        if (rendered := writer.session(session)) is not None
    ]
    items += _legs(writer, programme, selection)
    for rendered, title in items:
        wanted.add(rendered.uid)
        data, digest = resource(rendered, found[rendered.uid], programme.uid_domain)
        remote = on_server.get(rendered.uid)
        if remote is None:
            plan.create.append(Write(rendered.uid, title, base + resource_name(rendered.uid), data))
        elif remote.hash != digest:
            plan.update.append(Write(rendered.uid, title, remote.href, data, remote.etag))
        else:
            plan.unchanged += 1
    plan.delete = [remote for remote in remotes if remote.uid not in wanted]
    return plan


def _legs(
    writer: VeventWriter, programme: Programme, selection: Selection
) -> list[tuple[Rendered, str]]:
    """The selection's travel legs (a person's or a group's), as its feed has them."""
    chosen = {(leg.person_id, leg.index) for leg in selected_travel(programme, selection)}
    found = []
    for person_id in dict.fromkeys(person_id for person_id, _ in chosen):
        person = programme.people[person_id]
        for leg, rendered in zip(person.travel, writer.travel(person), strict=True):
            if (person_id, leg.index) in chosen:
                found.append((rendered, f"{leg.title} ({person.name})"))
    return found


class _Server:
    """The few CalDAV requests publishing needs, through the ``caldav`` package."""

    def __init__(self, url: str, user: str | None, password: str | None) -> None:
        from caldav.davclient import DAVClient

        self.url = url.rstrip("/") + "/"
        client: Any = DAVClient(url=self.url, username=user, password=password)
        self.client = client
        self.calendar: Any = client.calendar(url=self.url)

    def close(self) -> None:
        """Close the client's connections (kept alive for the next request) now, rather than
        leave open sockets to the collector."""
        self.client.close()

    def exists(self) -> bool:
        from caldav.elements import dav
        from caldav.lib import error

        try:
            self.calendar.get_properties([dav.DisplayName()])
        except error.NotFoundError:
            return False
        return True

    def resources(self, domain: str) -> tuple[list[Remote], int]:
        ours, foreign = [], 0
        for item in self.calendar.search(event=True):
            found = parse_remote(str(item.url), item.etag, item.data or "", domain)
            if found is None:
                foreign += 1
            else:
                ours.append(found)
        return ours, foreign

    def make_calendar(self) -> None:
        response = self.client.mkcalendar(self.url)
        if response.status not in (200, 201):
            raise CalDavError(f"cannot create the calendar {self.url}: HTTP {response.status}")

    def put(self, write: Write) -> None:
        guard = {"If-Match": write.etag} if write.etag else {"If-None-Match": "*"}
        headers = {"Content-Type": _CONTENT_TYPE, **guard}
        response = self.client.put(write.href, write.data.decode("utf-8"), headers)
        _check(response.status, f"{write.title} ({write.href})")

    def delete(self, remote: Remote) -> None:
        headers = {"If-Match": remote.etag} if remote.etag else {}
        response = self.client.delete(remote.href, headers)
        _check(response.status, remote.href)


def _check(status: int, what: str) -> None:
    if status == 412:
        raise CalDavError(
            f"{what} changed on the server since it was read (ETag); run again to publish over it"
        )
    if status >= 300:
        raise CalDavError(f"the server refused to write {what}: HTTP {status}")


def _read(server: _Server, domain: str) -> tuple[bool, list[Remote], int]:
    exists = server.exists()
    if not exists:
        return False, [], 0
    remotes, foreign = server.resources(domain)
    return True, remotes, foreign


def publish_caldav(
    url: str,
    programme: Programme,
    selection: Selection,
    *,
    user: str | None = None,
    password: str | None = None,
    dry_run: bool = False,
    stamp: datetime | None = None,
) -> Plan:
    """Bring the calendar at ``url`` in step with the selection; the plan, done (or, with
    ``dry_run``, what would be done). Raises :class:`CalDavError`."""
    from caldav.lib import error

    server = None
    try:
        server = _Server(url, user, password)
        exists, remotes, foreign = _read(server, programme.uid_domain)
        plan = plan_caldav(url, programme, selection, remotes, stamp or dtstamp(programme))
        plan.foreign, plan.calendar_missing = foreign, not exists
        if not dry_run:
            _apply(server, plan)
    except error.AuthorizationError:
        raise CalDavError(
            f"{url} refused the login{f' of {user}' if user else ''}: wrong user or password "
            "(the password is read from PLANNER_CALDAV_PASSWORD)"
        ) from None
    except error.DAVError as failure:
        raise CalDavError(f"{url}: {failure}") from None
    except OSError as failure:
        raise CalDavError(f"cannot reach {url}: {failure}") from None
    finally:
        if server is not None:
            server.close()
    return plan


def _apply(server: _Server, plan: Plan) -> None:
    if plan.calendar_missing:
        server.make_calendar()
    for write in plan.create + plan.update:
        server.put(write)
    for remote in plan.delete:
        server.delete(remote)
