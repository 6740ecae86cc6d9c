"""Time ``planner validate`` (and the exporters) as whole processes against a floor.

The floor is the least any YAML-reading tool pays: loading the same file with PyYAML's
C loader (``yaml.load(f, Loader=yaml.CSafeLoader)``) in a fresh Python process. Every
figure is the median of several runs, the floor and the command alternating so that a
busy machine slows both alike; peak memory is the child's maximum resident set size
(``wait4``). Targets are ratios to the floor, so they hold on any machine:

- ``planner validate`` (every rule) at most 2x the floor at 10k and 100k sessions;
- its peak memory at most 1.5x the floor's;
- growth: the 100k/10k time ratio under 12.

At 10k sessions / 1k people the same run times ``planner ics --all -o DIR`` and
``planner itinerary --all -o DIR`` against the same floor, when those commands exist.

Usage: python bench/run.py [--sizes 1000,10000,100000] [--runs 5] [--out bench/RESULTS.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# bench/ is a folder of scripts, not a package: its generator is imported by path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_programme

FLOOR = (
    "import sys, yaml\n"
    "with open(sys.argv[1], encoding='utf-8') as f:\n"
    "    yaml.load(f, Loader=yaml.CSafeLoader)"
)
EXPORT_SIZE = 10_000
TARGET_TIME, TARGET_MEMORY, TARGET_GROWTH = 2.0, 1.5, 12.0
SCHEDULE_SECTION = "<!-- schedule: start -->"


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_kib: int
    status: int


@dataclass(frozen=True)
class Row:
    command: str
    sessions: int
    megabytes: float
    seconds: float
    floor_seconds: float
    peak_mib: float
    floor_peak_mib: float
    note: str = ""

    @property
    def time_ratio(self) -> float:
        return self.seconds / self.floor_seconds

    @property
    def memory_ratio(self) -> float:
        return self.peak_mib / self.floor_peak_mib


# Linux counts the memory of the process that spawns a command in the command's peak (the
# peak is taken over the life of the process, before its exec too). So commands are
# spawned by this tiny launcher (python -S, a few MiB), never by the runner itself, which
# holds a generated file in memory: every figure then carries the same small overhead.
LAUNCHER = """\
import os, sys, time
null = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
started = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=null)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - started
print(elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_once(argv: Sequence[str]) -> Sample:
    """Run a command to the end; its wall time and its own peak memory (KiB)."""
    executable = shutil.which(argv[0]) or argv[0]
    result = subprocess.run(
        [sys.executable, "-S", "-c", LAUNCHER, executable, *argv[1:]],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, peak, status = result.stdout.split()
    return Sample(float(seconds), int(peak), int(status))


def measure(
    command: Sequence[str], floor: Sequence[str], runs: int, accept: tuple[int, ...] = (0, 1)
) -> tuple[Sample, Sample]:
    """Medians of ``runs`` alternating runs of the command and of the floor.

    ``accept``: the exit statuses that mean the command did its work (validate exits 1 when
    it finds errors; an export that exits 1 wrote nothing, so its time would mean nothing).
    """
    mine: list[Sample] = []
    base: list[Sample] = []
    for _ in range(runs):
        base.append(run_once(floor))
        mine.append(run_once(command))
    if any(sample.status not in accept for sample in mine):
        raise SystemExit(f"{' '.join(command)} failed (exit {mine[-1].status})")
    return _median(mine), _median(base)


def _median(samples: list[Sample]) -> Sample:
    return Sample(
        statistics.median(s.seconds for s in samples),
        int(statistics.median(s.peak_kib for s in samples)),
        samples[-1].status,
    )


def planner_command() -> list[str]:
    found = shutil.which("planner", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "planner"]


def command_exists(planner: list[str], name: str) -> bool:
    result = subprocess.run([*planner, name, "--help"], capture_output=True, check=False)
    return result.returncode == 0


def bench_size(planner: list[str], path: Path, sessions: int, runs: int) -> Row:
    floor = [sys.executable, "-c", FLOOR, str(path)]
    mine, base = measure([*planner, "validate", str(path)], floor, runs)
    row = _row("planner validate", sessions, path, mine, base)
    return Row(**{**row.__dict__, "note": _found(planner, path)})


def _found(planner: list[str], path: Path) -> str:
    """What the rules found (the summary line), so the table shows they had work to do."""
    result = subprocess.run(
        [*planner, "validate", str(path)], capture_output=True, text=True, check=False
    )
    last = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    return last.partition(": ")[2].rstrip(".") or "no output"


def bench_exports(planner: list[str], path: Path, runs: int, scratch: Path) -> list[Row]:
    """ics and itinerary for everyone, against the floor, at 10k sessions / 1k people."""
    floor = [sys.executable, "-c", FLOOR, str(path)]
    rows = []
    for name in ("ics", "itinerary"):
        label = f"planner {name} --all -o DIR"
        if not command_exists(planner, name):
            rows.append(Row(label, EXPORT_SIZE, 0, 0, 1, 0, 1, note="command absent: skipped"))
            continue
        output = scratch / name
        command = [*planner, name, "-f", str(path), "--all", "-o", str(output)]
        mine, base = measure(command, floor, runs, accept=(0,))
        rows.append(_row(label, EXPORT_SIZE, path, mine, base))
    return rows


def _row(label: str, sessions: int, path: Path, mine: Sample, base: Sample) -> Row:
    return Row(
        label,
        sessions,
        path.stat().st_size / 1e6,
        mine.seconds,
        base.seconds,
        mine.peak_kib / 1024,
        base.peak_kib / 1024,
    )


# -- the report ------------------------------------------------------------------------------


def report(rows: list[Row], runs: int, argv: Sequence[str]) -> str:
    lines = [
        "# Benchmark results",
        "",
        "Generated by `python bench/run.py " + " ".join(argv) + "`: medians of "
        f"{runs} runs per figure, each command run as a whole process and alternated with "
        "the floor (PyYAML's C loader reading the same file in a fresh Python). "
        "Memory is the peak resident set size of the process.",
        "",
        f"Machine: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs.",
        "",
        "| command | sessions | file MB | median s | floor s | time ratio | peak MiB "
        "| floor MiB | memory ratio | found / note |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        if not row.seconds:
            lines.append(f"| {row.command} | {row.sessions} | | | | | | | | {row.note} |")
            continue
        lines.append(
            f"| {row.command} | {row.sessions} | {row.megabytes:.1f} | {row.seconds:.2f} | "
            f"{row.floor_seconds:.2f} | {row.time_ratio:.2f} | {row.peak_mib:.0f} | "
            f"{row.floor_peak_mib:.0f} | {row.memory_ratio:.2f} | {row.note} |"
        )
    lines += ["", *verdicts(rows)]
    return "\n".join(lines) + "\n"


def verdicts(rows: list[Row]) -> list[str]:
    """The targets, each with the measured figure and whether it holds."""
    found = ["## Targets", ""]
    validate = {row.sessions: row for row in rows if row.command == "planner validate"}
    for size in (10_000, 100_000):
        if size in validate:
            row = validate[size]
            found.append(_verdict(f"time at {size:,} sessions", row.time_ratio, TARGET_TIME))
            found.append(_verdict(f"memory at {size:,} sessions", row.memory_ratio, TARGET_MEMORY))
    if 10_000 in validate and 100_000 in validate:
        growth = validate[100_000].seconds / validate[10_000].seconds
        found.append(_verdict("growth, 100k/10k time", growth, TARGET_GROWTH, strict=True))
    return found


def _verdict(what: str, value: float, limit: float, *, strict: bool = False) -> str:
    held = value < limit if strict else value <= limit
    target = f"under {limit:g}" if strict else f"at most {limit:g}"
    return f"- {what}: {value:.2f} (target {target}): {'met' if held else 'MISSED'}"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    planner = planner_command()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as folder:
        scratch = Path(folder)
        for size in sizes:
            path = write_programme(scratch / f"programme-{size}.yaml", size, args.seed)
            runs = args.runs if size < 100_000 else max(3, args.runs // 2)
            rows.append(bench_size(planner, path, size, runs))
            print(_progress(rows[-1]), flush=True)
            if size == EXPORT_SIZE and not args.no_exports:
                # The exports refuse a programme with errors: time them on a clean one.
                clean = write_programme(scratch / "clean.yaml", size, args.seed, clean=True)
                for row in bench_exports(planner, clean, runs, scratch):
                    rows.append(row)
                    print(_progress(row), flush=True)
    text = report(rows, args.runs, sys.argv[1:] if argv is None else argv)
    if args.out:
        out = Path(args.out)
        # bench/schedule.py and bench/printing.py keep their own sections of the same file.
        old = out.read_text(encoding="utf-8") if out.exists() else ""
        kept = kept_sections(old)
        out.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")
        _keep_startup(out, old)
    print(text)
    return 0


def _keep_startup(out: Path, old: str) -> None:
    """bench/startup.py's section (between its markers) stays where run.py rewrites."""
    begin, end = "<!-- startup:begin -->", "<!-- startup:end -->"
    if begin in old and end in old and begin not in out.read_text(encoding="utf-8"):
        block = begin + old.split(begin, 1)[1].split(end, 1)[0] + end
        with out.open("a", encoding="utf-8") as stream:
            stream.write(f"\n## Start-up\n\n{block}\n")


def kept_sections(old: str) -> str:
    """The sections other benchmarks keep in the same file (bench/schedule.py's and
    bench/printing.py's), as they were: from the first of their markers to the end."""
    starts = [old.find(mark) for mark in (SCHEDULE_SECTION, "<!-- section:") if mark in old]
    return old[min(starts) :] if starts else ""


def _progress(row: Row) -> str:
    if not row.seconds:
        return f"{row.command} at {row.sessions}: {row.note}"
    return (
        f"{row.command} at {row.sessions}: {row.seconds:.2f} s (floor {row.floor_seconds:.2f} s, "
        f"x{row.time_ratio:.2f}), {row.peak_mib:.0f} MiB (x{row.memory_ratio:.2f})"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,10000,100000", help="Session counts.")
    parser.add_argument("--runs", type=int, default=5, help="Runs per figure (fewer at 100k).")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="bench/RESULTS.md", help="Where to write the table.")
    parser.add_argument("--no-exports", action="store_true", help="Skip ics and itinerary.")
    return parser


if __name__ == "__main__":
    sys.exit(main())
