"""The benchmark runner's parts that need no large file: timing a process, the verdicts."""

from __future__ import annotations

import sys

from tests.test_bench_generate import _module

run = _module("run")


def test_a_process_is_timed_with_its_own_peak_memory() -> None:
    small = run.run_once([sys.executable, "-c", "pass"])
    big = run.run_once([sys.executable, "-c", "x = b'x' * (200 * 1024 * 1024)"])
    assert small.status == 0 and small.seconds > 0
    assert big.peak_kib - small.peak_kib > 150 * 1024


def test_the_report_states_each_target_with_its_figure() -> None:
    rows = [
        run.Row("planner validate", 10_000, 2.8, 1.5, 1.0, 120, 100),
        run.Row("planner validate", 100_000, 28, 25.0, 10.0, 1000, 1000),
        run.Row("planner ics --all -o DIR", 10_000, 0, 0, 1, 0, 1, note="command absent: skipped"),
    ]
    text = run.report(rows, 5, ["--sizes", "10000,100000"])
    assert "| planner validate | 10000 | 2.8 | 1.50 | 1.00 | 1.50 | 120 | 100 | 1.20 |" in text
    assert "command absent: skipped" in text
    assert "- time at 10,000 sessions: 1.50 (target at most 2): met" in text
    assert "- time at 100,000 sessions: 2.50 (target at most 2): MISSED" in text
    assert "- growth, 100k/10k time: 16.67 (target under 12): MISSED" in text
