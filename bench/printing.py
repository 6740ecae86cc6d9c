"""Time the printed and spreadsheet outputs as whole processes, against the issue's targets.

- ``planner itinerary ID --format pdf``: a 5-day itinerary (the bundled Viet Nam delegate 1)
  at most 2 s;
- ``planner pack GROUP``: a 30-member delegation's pack (a generated 5-day study tour) at
  most 20 s;
- ``planner build --pdf`` on the bundled programme at most 90 s, and ``planner build``
  without it as fast as before the site showed the programme (its figure is printed beside);
- XLSX: the same agenda written by XlsxWriter (what planner uses) and by openpyxl, in one
  process, to show why XlsxWriter was chosen.

The section it writes into bench/RESULTS.md is kept there by bench/run.py.

Usage: python bench/printing.py [--runs 3] [--out bench/RESULTS.md]
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "events.yaml"
MARK = "<!-- section: printing -->"
Command = Sequence[str]


def study_tour(members: int) -> str:
    """A 5-day tour for one delegation of ``members`` people: flights in and out, six
    sessions a day for everyone, and a breakout a day for each half of the delegation."""
    ids = [f"delegate-{n:02d}" for n in range(1, members + 1)]
    lines = [
        "version: 1",
        "programme: {name: Generated study tour, timezone: Asia/Seoul}",
        "venues:",
        "  hotel: {name: Koreana Hotel, address: 135 Sejong-daero, city: Seoul,"
        " timezone: Asia/Seoul, rooms: {hall: {name: Hall}, a: {name: Room A}, b: {name: Room B}}}",
        "people:",
    ]
    for n, person in enumerate(ids):
        lines += [
            f"  {person}:",
            f"    name: Delegate {n + 1:02d}",
            "    timezone: Asia/Ho_Chi_Minh",
            f"    email: {person}@example.org" if n < 2 else "    role: Urban planner",
            "    travel:",
            "      - {mode: flight, ref: KE 924, from: Hanoi HAN, to: Incheon ICN,"
            ' depart: "2016-10-10 00:40", depart_timezone: Asia/Ho_Chi_Minh,'
            ' arrive: "2016-10-10 07:10", arrive_timezone: Asia/Seoul}',
            "      - {mode: flight, ref: KE 683, from: Incheon ICN, to: Hanoi HAN,"
            ' depart: "2016-10-14 21:00", depart_timezone: Asia/Seoul,'
            ' arrive: "2016-10-14 23:40", arrive_timezone: Asia/Ho_Chi_Minh}',
        ]
    half = len(ids) // 2
    lines += [
        "groups:",
        f"  delegation: {{name: Generated delegation, members: [{', '.join(ids)}]}}",
        f"  first-half: {{name: First half, members: [{', '.join(ids[:half])}]}}",
        f"  second-half: {{name: Second half, members: [{', '.join(ids[half:])}]}}",
        "events:",
        "  tour:",
        "    title: Generated study tour",
        "    venue: hotel",
        "    participants: [delegation]",
        "    sessions:",
    ]
    slots = ("08:30-09:30", "09:45-11:00", "11:15-12:30", "13:30-14:45", "15:00-16:15")
    for day in range(10, 15):
        for n, slot in enumerate(slots):
            lines.append(
                f'      - {{id: s{day}-{n}, title: "Session {n + 1} of day {day - 9}, site visit'
                f' and lecture", date: 2016-10-{day}, time: "{slot}", room: hall,'
                f' description: "Notes for the session {n + 1} of the day."}}'
            )
        for half_id, room in (("first-half", "a"), ("second-half", "b")):
            lines.append(
                f"      - {{id: b{day}-{room}, title: Breakout, date: 2016-10-{day},"
                f' time: "17:45-18:30", room: {room}, participants: [{half_id}]}}'
            )
    return "\n".join(lines) + "\n"


def timed(command: Command, runs: int) -> tuple[float, float]:
    """The median wall time and CPU time (user + system, its worker processes included)
    of ``command`` run ``runs`` times (each must exit 0). On a machine shared with other
    work the wall time grows; the CPU time says what the command itself costs."""
    seconds, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        seconds.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed: {done.stderr}")
    return statistics.median(seconds), statistics.median(cpu)


def best_of(work: Callable[[], object], runs: int) -> float:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return min(seconds)


def _naive(value: object) -> object:
    """openpyxl refuses aware datetimes: the wall-clock time, as planner writes it."""
    return value.replace(tzinfo=None) if isinstance(value, datetime) else value


def xlsx_comparison(runs: int) -> list[tuple[str, float, int]]:
    """The bundled agenda, repeated to about 20,000 rows, by XlsxWriter and by openpyxl."""
    from planner.exporters.base import Selection
    from planner.exporters.itinerary.build import ScheduleBuilder
    from planner.exporters.xlsx.schedule import schedule_sheets
    from planner.exporters.xlsx.workbook import Sheet, workbook_bytes
    from planner.loading import load

    agenda = ScheduleBuilder(load(EVENTS)).agenda()
    (sheet,) = schedule_sheets(agenda)
    rows = list(sheet.rows) * (20_000 // max(len(sheet.rows), 1) + 1)
    big = Sheet(sheet.name, sheet.headings, rows[:20_000])
    del Selection

    def with_openpyxl() -> bytes:
        import openpyxl

        book = openpyxl.Workbook()
        worksheet = book.active
        worksheet.append(list(big.headings))
        for row in big.rows:
            worksheet.append([_naive(value) for value in row])
        worksheet.freeze_panes = "A2"
        worksheet.auto_filter.ref = worksheet.dimensions
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    results = []
    for name, work in (
        ("XlsxWriter (planner)", lambda: workbook_bytes([big], "bench")),
        ("openpyxl", with_openpyxl),
    ):
        seconds = best_of(work, runs)
        results.append((name, seconds, len(work())))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"))
    args = parser.parse_args(argv)
    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    planner = [sys.executable, "-m", "planner"]
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        tour = scratch / "tour.yaml"
        tour.write_text(study_tour(30), encoding="utf-8")
        figures = [
            ("planner itinerary vietnam-delegate-1 --format pdf (5 days, 5 pages)", 2.0,
             timed([*planner, "itinerary", "vietnam-delegate-1", "-f", str(EVENTS), "--format",
                    "pdf", "-o", str(scratch / "v.pdf")], args.runs)),
            ("planner pack delegation (30 members, 5 days; with QR codes)", 20.0,
             timed([*planner, "pack", "delegation", "-f", str(tour), "--base-url",
                    "https://example.org/", "-o", str(scratch / "pack.pdf")], args.runs)),
            ("planner build --pdf (bundled programme)", 90.0,
             timed([*planner, "build", "-f", str(EVENTS), "-o", str(scratch / "site-pdf"),
                    "--pdf"], 1)),
            ("planner build (bundled programme, no PDF)", None,
             timed([*planner, "build", "-f", str(EVENTS), "-o", str(scratch / "site")],
                   args.runs)),
        ]  # fmt: skip
        pages = subprocess.run(
            ["pdfinfo", str(scratch / "pack.pdf")], capture_output=True, text=True, check=False
        ).stdout
    xlsx = xlsx_comparison(args.runs)
    text = report(figures, xlsx, pages, args.runs, load)
    out = Path(args.out)
    previous = out.read_text(encoding="utf-8") if out.is_file() else ""
    out.write_text(replace_section(previous, text), encoding="utf-8")
    print(text)
    return 0


def replace_section(document: str, section: str) -> str:
    """``document`` with this benchmark's section replaced (or added at the end); the
    other benchmarks' sections, before or after it, stay as they are."""
    if MARK not in document:
        return f"{document.rstrip()}\n\n{section}" if document.strip() else section
    before, _, after = document.partition(MARK)
    following = after.find("<!-- ")
    rest = after[following:] if following >= 0 else ""
    return f"{before.rstrip()}\n\n{section}\n{rest}".rstrip() + "\n"


def report(
    figures: Sequence[tuple[str, float | None, tuple[float, float]]],
    xlsx: Sequence[tuple[str, float, int]],
    pdfinfo: str,
    runs: int,
    load: str,
) -> str:
    found = (line.split()[-1] for line in pdfinfo.splitlines() if line.startswith("Pages"))
    pack_pages = next(found, "?")
    lines = [
        MARK,
        "## Printed and spreadsheet outputs",
        "",
        f"Generated by `python bench/printing.py --runs {runs}`: each command a whole process "
        f"(start-up included), the median of {runs} runs (`build --pdf`: one run).",
        "",
        f"Load average when it started: {load}. CPU is user + system time, worker processes "
        "included; on a busy machine the wall time exceeds it.",
        "",
        "| command | wall s | CPU s | target s | met (wall) |",
        "|---|---:|---:|---:|---|",
    ]
    for name, target, (seconds, cpu) in figures:
        goal = f"{target:.0f}" if target else ""
        met = "" if target is None else ("yes" if seconds <= target else "NO")
        lines.append(f"| {name} | {seconds:.2f} | {cpu:.2f} | {goal} | {met} |")
    lines += [
        "",
        f"The 30-member pack has {pack_pages} pages.",
        "",
        f"XLSX, the bundled agenda repeated to 20,000 rows, one process, best of {runs}:",
        "",
        "| library | seconds | bytes |",
        "|---|---:|---:|",
        *(f"| {name} | {seconds:.2f} | {size} |" for name, seconds, size in xlsx),
        "",
        "planner writes XLSX with XlsxWriter: faster here, a tenth of openpyxl's import time "
        "(`python -X importtime`), and `write_string` stores text as text whatever it begins "
        "with. openpyxl reads the files back in the tests.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
