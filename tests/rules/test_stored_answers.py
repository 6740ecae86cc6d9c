"""Holiday and weekend answers kept in planner's cache: the same findings, without holidays.

A second run of the same programme reads its answers from the cache and need not import the
``holidays`` package; its findings are exactly those of a run without any cache, and a cache
that cannot be read or written changes nothing but the time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cache import StoredAnswers

FIXTURES = Path(__file__).resolve().parent / "fixtures"
_RUN = (
    "import sys\nfrom planner.cli import main\n"
    "try:\n    main(['validate', '--format', 'json', *sys.argv[1:]])\n"
    "except SystemExit:\n    pass\n"
    "sys.stderr.write('holidays imported: %s' % ('holidays' in sys.modules))\n"
)


def _validate(cache: str, *files: Path) -> tuple[str, bool]:
    """The JSON report of ``files`` and whether the run imported ``holidays``."""
    env = {**os.environ, "PLANNER_CACHE_DIR": cache}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *map(str, files)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout, done.stderr.endswith("True")


@pytest.mark.parametrize("fixture", ["public-holiday.yaml", "weekend.yaml"])
def test_a_second_run_reads_the_answers_and_finds_the_same(tmp_path: Path, fixture: str) -> None:
    programme = FIXTURES / fixture
    without_cache, imported = _validate("", programme)
    assert imported and '"code": "' in without_cache
    first, imported_first = _validate(str(tmp_path), programme)
    second, imported_second = _validate(str(tmp_path), programme)
    assert first == second == without_cache
    assert imported_first and not imported_second
    kept = list((tmp_path / "holidays").glob("answers-*.json"))
    assert len(kept) == 1 and json.loads(kept[0].read_text(encoding="utf-8"))


def test_a_broken_or_unwritable_cache_changes_nothing(tmp_path: Path) -> None:
    programme = FIXTURES / "public-holiday.yaml"
    expected, _ = _validate("", programme)
    _validate(str(tmp_path), programme)
    for kept in (tmp_path / "holidays").glob("answers-*.json"):
        kept.write_text('{"holiday|KR|2016-10-03": ', encoding="utf-8")  # cut short
    assert _validate(str(tmp_path), programme)[0] == expected
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert _validate(str(blocked), programme)[0] == expected


def test_answers_are_kept_by_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_CACHE_DIR", str(tmp_path))
    answers = StoredAnswers("test", "v1")
    assert answers.get("question", None) is None
    answers.put("question", "answer")
    answers.save()
    assert StoredAnswers("test", "v1").get("question", None) == "answer"
    assert StoredAnswers("test", "v2").get("question", None) is None  # another version
    monkeypatch.setenv("PLANNER_CACHE_DIR", "")  # the cache turned off
    off = StoredAnswers("test", "v1")
    off.put("question", "answer")
    off.save()
    assert off.path is None and StoredAnswers("test", "v1").get("question", None) is None
