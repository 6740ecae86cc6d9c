"""``planner notify``'s library: the notices of a diff as files, and sending them once.

    >>> outbox = compose(diff, sender="programme@example.org")
    >>> write_outbox(outbox, Path("notices"))     # people/ID.txt, .html, .eml (groups/ too)
    >>> send(outbox, SmtpSettings("smtp.example.org", 587), Path("notices/sent.json"))

Each person's notice carries their calendar from the new version, with SEQUENCE raised on
the sessions that changed, so opening the attachment updates the events already there.
The sent log remembers, per pair of versions, who has been sent their notice: running again
sends nothing twice (``force`` sends again), and a run cut off half-way finishes the rest.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

from planner.changes.letters import Letter, render_html, render_message, render_text
from planner.changes.marks import snapshots
from planner.changes.notices import Notice, notices
from planner.changes.state import State
from planner.changes.versions import advance, revisions
from planner.diff.compare import ProgrammeDiff
from planner.exporters.base import Selection
from planner.exporters.ics import IcsExporter, dtstamp
from planner.output import write_atomic, write_tree
from planner.timeline import Programme

__all__ = [
    "SENT_LOG",
    "WRITER",
    "Outbox",
    "Outgoing",
    "compose",
    "outbox_files",
    "programme_identity",
    "read_sent",
    "record_sent",
    "write_outbox",
]

SENT_LOG = "sent.json"
_FOLDERS = {"person": "people", "group": "groups"}


@dataclass(frozen=True, slots=True)
class Outgoing:
    notice: Notice
    path: str
    """Where its files go, without the extension: ``people/kim``."""
    text: str
    html: str
    message: EmailMessage


@dataclass(frozen=True, slots=True)
class Outbox:
    versions: str
    """``OLD..NEW``: what the two programmes hold, as short hashes."""
    letters: tuple[Outgoing, ...]


def programme_identity(programme: Programme) -> str:
    """A short hash of what notices are about: every session's marks and its people."""
    people = {session.key: sorted(session.people) for session in programme.sessions}
    parts = [
        [uid, found.marks, people[found.key]] for uid, found in sorted(snapshots(programme).items())
    ]
    encoded = json.dumps(parts, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()[:16]


def _revisions(old: Programme, new: Programme, previous: State | None, stamp: datetime) -> State:
    """The new version's SEQUENCEs: after ``previous`` (the published state) when given,
    else as if OLD had been the first version published."""
    start = previous if previous is not None else advance(None, old, dtstamp(old))
    return advance(start, new, stamp)


def _calendar(
    programme: Programme, notice: Notice, exporter: IcsExporter
) -> tuple[bytes | None, str | None]:
    known = programme.people if notice.kind == "person" else programme.groups
    if notice.id not in known:
        return None, None
    selection = (
        Selection(person=notice.id) if notice.kind == "person" else Selection(group=notice.id)
    )
    return exporter.export(programme, selection), f"{notice.id}.ics"


def compose(
    diff: ProgrammeDiff,
    *,
    sender: str | None = None,
    groups: bool = False,
    previous: State | None = None,
    lang: str | None = None,
) -> Outbox:
    """Every notice of ``diff`` rendered, each in its reader's language (``lang``: all in
    that one, calendars included); both sides must load (``diff.comparable``)."""
    old, new = diff.old.programme, diff.new.programme
    if old is None or new is None:
        raise ValueError("both versions must load to write notices")
    stamp = dtstamp(new)
    versions = f"{programme_identity(old)}..{programme_identity(new)}"
    letter = Letter(
        programme=new.name,
        sender=sender or f"planner@{new.uid_domain}",
        time=stamp,
        versions=versions,
        domain=new.uid_domain,
    )
    versions_now = revisions(_revisions(old, new, previous, stamp))
    exporters: dict[str, IcsExporter] = {}
    found = []
    for notice in notices(diff, groups=groups, lang=lang):
        # The attached calendar is in the notice's language (a group's, for its members).
        tag = notice.language.tag
        if tag not in exporters:
            exporters[tag] = IcsExporter(stamp=stamp, revisions=versions_now, lang=tag)
        calendar, name = _calendar(new, notice, exporters[tag])
        found.append(
            Outgoing(
                notice=notice,
                path=f"{_FOLDERS[notice.kind]}/{notice.id}",
                text=render_text(notice, letter, name),
                html=render_html(notice, letter, name),
                message=render_message(notice, letter, calendar, name),
            )
        )
    return Outbox(versions, tuple(found))


WRITER = "planner notify"


def outbox_files(outbox: Outbox, folder: Path) -> Iterator[tuple[str, bytes]]:
    """Every notice as .txt, .html and .eml, and the sent log of earlier runs (kept)."""
    for outgoing in outbox.letters:
        yield f"{outgoing.path}.txt", outgoing.text.encode("utf-8")
        yield f"{outgoing.path}.html", outgoing.html.encode("utf-8")
        yield f"{outgoing.path}.eml", outgoing.message.as_bytes()
    log = folder / SENT_LOG
    yield SENT_LOG, log.read_bytes() if log.is_file() else b"{}\n"


def write_outbox(outbox: Outbox, folder: Path) -> int:
    """The notices into ``folder``, swapped in whole (:func:`planner.output.write_tree`);
    raises :class:`planner.output.OutputError`. Returns the number of notices."""
    write_tree(outbox_files(outbox, folder), folder, WRITER)
    return len(outbox.letters)


def read_sent(path: Path) -> dict[str, list[str]]:
    """versions -> recipients (``people/kim``) already sent; {} when nothing was sent."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(document, dict):
        return {}
    return {str(k): [str(x) for x in v] for k, v in document.items() if isinstance(v, list)}


def record_sent(path: Path, versions: str, recipients: Sequence[str]) -> None:
    sent = read_sent(path)
    sent[versions] = sorted(set(sent.get(versions, [])) | set(recipients))
    write_atomic(path, json.dumps(sent, indent=1, sort_keys=True) + "\n")
