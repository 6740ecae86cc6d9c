"""caldav, feedgen and smtplib are imported by the commands that use them, not by the others."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SMALL_PROGRAMME
from tests.test_cli_main import _modules_after

LAZY = {"caldav", "feedgen", "smtplib", "lxml", "niquests", "aiosmtpd"}


def test_feeds_and_notices_do_not_import_caldav_feedgen_or_smtplib(tmp_path: Path) -> None:
    file = tmp_path / "events.yaml"
    file.write_text(SMALL_PROGRAMME, encoding="utf-8")
    assert not LAZY & _modules_after(["ics", "-f", str(file), "-o", str(tmp_path / "a.ics")])
    notify = _modules_after(["notify", str(file), str(file), "-o", str(tmp_path / "n")])
    assert "planner.changes.outbox" in notify  # it did run
    assert not LAZY & notify
    built = _modules_after(["build", "-f", str(file), "-o", str(tmp_path / "site")])
    assert (tmp_path / "site" / "changes.atom").is_file()
    assert "feedgen" in built
    assert not {"caldav", "smtplib", "niquests"} & built
