"""Replay every reproducer in tests/fuzz/corpus: each gets a clean diagnostic, quickly.

A file's first lines say what it once broke (``# finding:``) and, when it is bad input, the
diagnostic code it must now get (``# expect:``). Every command and format runs on a file
that validates; a file that does not is checked in every report format. Every crash the
fuzzer (tests/fuzz/fuzz.py) finds is added here with its fix.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.fuzz.commands import (
    BASE_PROGRAMME,
    check_outputs,
    checking_commands,
    publishing_commands,
    run,
)

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("*.yaml"))
_EXPECT = re.compile(r"^# expect: (?P<code>[a-z0-9-]+)$", re.MULTILINE)
_FINDING = re.compile(r"^# finding: \S", re.MULTILINE)
_ENV = re.compile(r"^# env: (?P<name>PLANNER_[A-Z_]+)=(?P<value>\d+)$", re.MULTILINE)
SECONDS_PER_RUN = 10.0  # generous: the machine is shared; a bad case took minutes


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_reproducer_gets_a_clean_answer(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reproducer may lower a budget (``# env: PLANNER_...=N``) to keep the suite fast."""
    head = path.read_text(encoding="utf-8")[:500]
    for setting in _ENV.finditer(head):
        monkeypatch.setenv(setting["name"], setting["value"])
    assert _FINDING.search(head), f"{path.name} does not say what it once broke"
    expected = _EXPECT.search(head)
    outcomes = []
    for args in checking_commands(path):
        started = time.monotonic()
        outcomes.append(run(args))
        assert time.monotonic() - started < SECONDS_PER_RUN, args
    for outcome in outcomes:
        assert not outcome.problems(), (outcome.args, outcome.problems(), outcome.output[-2000:])
    text = outcomes[0]
    if expected:
        assert text.exit_code == 1, text.output[-2000:]
        assert f"error {expected['code']}: " in text.output, text.output[-2000:]
        return
    assert text.exit_code == 0, text.output[-2000:]
    base = tmp_path / "base.yaml"
    base.write_text(BASE_PROGRAMME, encoding="utf-8")
    for args in publishing_commands(path, base, tmp_path / "out"):
        started = time.monotonic()
        outcome = run(args)
        assert time.monotonic() - started < SECONDS_PER_RUN, args
        assert not outcome.problems(), (outcome.args, outcome.problems(), outcome.output[-2000:])
    assert not check_outputs(tmp_path / "out")


ISSUE_11 = {
    "integer-4400-digits", "id-260-characters", "id-windows-reserved", "email-with-separators",
    "include-glob-outside", "include-outside-exists", "include-outside-missing",
    "duration-999999999h", "date-9999-12-31", "date-0001-01-01", "rrule-byhour-25",
    "rrule-byday-plus54mo", "rrule-interval-negative", "year-9998", "year-0002", "year-999",
    "rrule-never-matches", "except-removes-all", "occurrences-total", "diagnostics-million",
    "title-forges-annotation", "title-terminal-escapes", "vtimezone-long-span",
}  # fmt: skip
"""Reproducers of the findings of issue 11 (the symbolic-link loop, /dev/zero and FIFOs need
the file system, so they are in tests/loading/test_hostile_files.py)."""


def test_the_corpus_holds_every_finding_of_issue_11() -> None:
    assert {path.stem for path in CASES} >= ISSUE_11
