"""planner publish caldav against a real Radicale server (htpasswd auth, a temporary folder),
read back with an independent client: plain HTTP and icalendar, and the files Radicale keeps."""

from __future__ import annotations

import base64
import gc
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
from typer.testing import CliRunner

from planner.cli import app
from tests.changes.conftest import AFTER, BEFORE, STAMPS

pytest.importorskip("radicale")
pytest.importorskip("caldav")

USER, PASSWORD = "alice", "s3cret"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    folder = tmp_path / "radicale"
    folder.mkdir()
    users = folder / "users"
    users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    port = _free_port()
    command = [
        sys.executable, "-m", "radicale", "--config", "",
        "--server-hosts", f"127.0.0.1:{port}",
        "--auth-type", "htpasswd", "--auth-htpasswd-filename", str(users),
        "--auth-htpasswd-encryption", "plain",
        "--storage-filesystem-folder", str(folder / "store"),
    ]  # fmt: skip
    log = folder / "radicale.log"
    with log.open("wb") as stream:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stream)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"Radicale did not start: {process.stderr.read()!r}"
                    ) from None  # type: ignore[union-attr]
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/{USER}/tour/", folder / "store"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _publish(
    runner: CliRunner, url: str, file: Path, *args: str, password: str = PASSWORD
) -> tuple[int, str]:
    result = runner.invoke(
        app, ["publish", "caldav", url, "-f", str(file), "--user", USER, *args],
        env={"PLANNER_CALDAV_PASSWORD": password, "SOURCE_DATE_EPOCH": str(STAMPS[0])},
    )  # fmt: skip
    return result.exit_code, result.output


def _request(
    url: str, method: str = "GET", body: bytes | None = None, depth: str | None = None
) -> bytes:
    """The independent client: urllib and Basic auth."""
    request = urllib.request.Request(url, data=body, method=method)
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    if depth is not None:
        request.add_header("Depth", depth)
    if body is not None:
        request.add_header("Content-Type", "text/calendar; charset=utf-8")
    with urllib.request.urlopen(request, timeout=10) as response:
        data: bytes = response.read()
        return data


def _calendar(store: Path) -> dict[str, icalendar.Event]:
    """Every event Radicale keeps for the collection, read from its files."""
    folder = store / "collection-root" / USER / "tour"
    found = {}
    for path in folder.glob("*.ics"):
        for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            found[str(event["UID"])] = event
    return found


def _summary(events: dict[str, icalendar.Event]) -> dict[str, tuple[str, int]]:
    return {
        uid.split(".")[0]: (str(e["SUMMARY"]), int(e.get("SEQUENCE", 0)))
        for uid, e in events.items()
    }


FOREIGN = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//someone else//EN\r
BEGIN:VEVENT\r
UID:dentist@example.net\r
DTSTAMP:20240101T000000Z\r
DTSTART:20240417T080000Z\r
DTEND:20240417T090000Z\r
SUMMARY:Dentist\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_the_publish_cycle(runner: CliRunner, radicale: tuple[str, Path], tmp_path: Path) -> None:
    url, store = radicale
    file = tmp_path / "events.yaml"
    file.write_text(BEFORE, encoding="utf-8")

    code, output = _publish(runner, url, file)
    assert code == 0, output
    assert output.endswith(f"Published to {url}: 4 created, 0 updated, 0 deleted, 0 unchanged.\n")
    assert _summary(_calendar(store)) == {
        "visit": ("Pangyo visit", 0), "dinner": ("Dinner", 0),
        "talk": ("Opening talk", 0), "walk": ("City walk", 0),
    }  # fmt: skip
    _request(url + "dentist.ics", "PUT", FOREIGN)

    code, output = _publish(runner, url, file)
    assert (code, output) == (0, f"Nothing to write: {url} is up to date "
                                 "(0 created, 0 updated, 0 deleted, 4 unchanged; "
                                 "1 other event left alone).\n")  # fmt: skip

    file.write_text(AFTER, encoding="utf-8")
    code, output = _publish(runner, url, file, "--dry-run")
    assert code == 0, output
    assert "would update Pangyo visit (visit.tour@changes.example.org)" in output
    assert _summary(_calendar(store))["visit"] == ("Pangyo visit", 0)  # nothing written

    code, output = _publish(runner, url, file)
    assert code == 0, output
    assert "0 created, 3 updated, 0 deleted, 1 unchanged" in output
    events = _calendar(store)
    assert _summary(events) == {
        "visit": ("Pangyo visit", 1), "dinner": ("Cancelled: Dinner", 1),
        "talk": ("Opening keynote", 1), "walk": ("City walk", 0),
        "dentist@example": ("Dentist", 0),
    }  # fmt: skip
    assert events["visit.tour@changes.example.org"]["DTSTART"].dt.hour == 13

    without_walk = "\n".join(line for line in AFTER.splitlines() if "id: walk" not in line) + "\n"
    file.write_text(without_walk, encoding="utf-8")
    code, output = _publish(runner, url, file)
    assert code == 0, output
    assert "delete walk.tour@changes.example.org" in output
    assert set(_summary(_calendar(store))) == {"visit", "dinner", "talk", "dentist@example"}
    listing = _request(url, "PROPFIND", b"", depth="1").decode()
    assert "dentist.ics" in listing  # the other client's event is still served


def test_a_selection_publishes_only_its_sessions(
    runner: CliRunner, radicale: tuple[str, Path], tmp_path: Path
) -> None:
    url, store = radicale
    file = tmp_path / "events.yaml"
    file.write_text(BEFORE, encoding="utf-8")
    code, output = _publish(runner, url, file, "--person", "sam")
    assert code == 0, output
    assert set(_summary(_calendar(store))) == {"walk"}


def test_a_wrong_password_writes_nothing(
    runner: CliRunner, radicale: tuple[str, Path], tmp_path: Path
) -> None:
    url, store = radicale
    file = tmp_path / "events.yaml"
    file.write_text(BEFORE, encoding="utf-8")
    code, output = _publish(runner, url, file, password="wrong")
    assert code == 1
    assert "refused the login of alice: wrong user or password" in output
    assert "Traceback" not in output
    assert not (store / "collection-root" / USER / "tour").exists()


def test_no_server_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    file = tmp_path / "events.yaml"
    file.write_text(BEFORE, encoding="utf-8")
    code, output = _publish(runner, f"http://127.0.0.1:{_free_port()}/alice/tour/", file)
    assert code == 1
    assert "cannot reach" in output


def test_a_write_over_a_changed_resource_is_refused(
    runner: CliRunner, radicale: tuple[str, Path], tmp_path: Path
) -> None:
    """ETags guard every write: a resource changed since it was read is not overwritten."""
    from planner import load
    from planner.publish.caldav import CalDavError, Write, _Server

    url, store = radicale
    file = tmp_path / "events.yaml"
    file.write_text(BEFORE, encoding="utf-8")
    assert _publish(runner, url, file)[0] == 0
    server = _Server(url, USER, PASSWORD)
    try:
        ours = server.resources(load(file).uid_domain)[0]
        [visit] = [r for r in ours if r.uid.startswith("visit.")]
        stale = Write(visit.uid, "Pangyo visit", visit.href, FOREIGN, etag='"not-the-etag"')
        with pytest.raises(CalDavError, match="changed on the server since it was read"):
            server.put(stale)
    finally:
        server.close()  # its kept-alive connection must not outlive the test
    assert _summary(_calendar(store))["visit"] == ("Pangyo visit", 0)


def test_publishing_leaves_no_connection_open(
    runner: CliRunner, radicale: tuple[str, Path], tmp_path: Path
) -> None:
    """The client's kept-alive connections are closed when publishing ends, not left to the
    collector (an "unclosed socket" ResourceWarning in whichever test runs next)."""
    url, _ = radicale
    file = tmp_path / "events.yaml"
    file.write_text(BEFORE, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        for password in (PASSWORD, "wrong"):
            code, output = _publish(runner, url, file, password=password)
            assert code == (0 if password == PASSWORD else 1), output
        gc.collect()
    leaks = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert not leaks
