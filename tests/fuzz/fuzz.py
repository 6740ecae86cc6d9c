"""A mutation fuzzer for planner: hostile programmes through every command and format.

    python -m tests.fuzz.fuzz --minutes 10 --out fuzz-findings

Seeds are the bundled events.yaml and every programme of the test suite (the fuzz corpus
included). Each case is a seed mutated either as data (a value replaced by a hostile one:
far dates, huge numbers, control characters, forged lines, odd repeat rules, paths out of
the folder) or as bytes, then run through every command and format of tests/fuzz/commands.py
in a forked process with a time and memory limit. A run that raises, exits outside 0-2,
prints a control character, runs past the time limit or dies is a finding: its programme is
written to ``--out`` with what went wrong, to be added to tests/fuzz/corpus with its fix.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import yaml

from tests.fuzz.commands import (
    BASE_PROGRAMME,
    check_outputs,
    checking_commands,
    publishing_commands,
    run,
)

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1536 * 1024 * 1024  # bytes of address space for one case's process

HOSTILE_VALUES: list[Any] = [
    "9999-12-31 23:00", "0001-01-01", "1899-12-31", "2200-01-01", "2024-02-30", "2024-13-01",
    "24:00", "23:59:60", "999999999h", "P99999999D", "PT0S", "0m", "-1h",
    "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=HOURLY;BYHOUR=25", "FREQ=MONTHLY;BYDAY=+54MO",
    "FREQ=DAILY;INTERVAL=-1", "FREQ=YEARLY;COUNT=999999", "FREQ=MINUTELY;COUNT=1000",
    "FREQ=DAILY;UNTIL=99991231", "FREQ=WEEKLY;BYSETPOS=-366;BYDAY=MO", "RRULE:FREQ=DAILY;;",
    "Title\n::error file=events.yaml,line=1::forged", "\x1b[2J\x1b]0;owned\x07", "\u202eevil",
    "# Heading\n- item @everyone <script>alert(1)</script>", "a\u2028b\u0085c", "|col|*x*_y_",
    "../../../../etc/passwd", "../../../**/*.nothing", "/dev/zero", "*", "**/*.yaml",
    "con", "nul", "lpt1", "a" * 300, "-leading", "x" * 70, "UPPER",
    "a,b;ROLE=CHAIR:mailto:x@example.org", "x@y", "https://", "javascript:alert(1)",
    10**30, -1, 0, 2**63, 1e308, float("inf"), True, None, [], {}, [[[]]], {"x": {"y": None}},
    "Etc/GMT+14", "+09:00", "Asia/Seoull", "UTC", "Pacific/Kiritimati", "America/St_Johns",
]  # fmt: skip
HOSTILE_TEXT = [
    value for value in HOSTILE_VALUES if isinstance(value, str) and not value[:1].isdigit()
] + ["", " ", "Ünïcödé 東京 🎉", "a\tb", "<b>bold</b>", '=HYPERLINK("x")', "@here", "\\"]
FREE_TEXT_KEYS = frozenset(
    {"title", "name", "description", "address", "city", "role", "short", "ref", "notes"}
)
HOSTILE_BYTES = [
    b"\x00", b"\xff\xfe", b"\t", b"\r", b"&a [*a, *a]", b"!!python/object:os.system", b"{",
    b"[", b"'", b'"', b"\n  - ", b": ", b"\xef\xbb\xbf", b"9" * 5000, b"*undefined", b"<<: *a",
]  # fmt: skip


def seeds() -> list[Path]:
    """The bundled programme and every programme the test suite holds."""
    found = [ROOT / "events.yaml", *sorted((ROOT / "tests").rglob("*.yaml"))]
    return [path for path in found if path.stat().st_size < 2_000_000]


def mutate_data(data: Any, rng: random.Random, hostile: list[Any]) -> Any:
    """Replace, drop or duplicate one value somewhere in ``data`` (in place when it can)."""
    path: list[Any] = []
    node = data
    while isinstance(node, dict | list) and node and (len(path) < 2 or rng.random() < 0.8):
        key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
        path.append((node, key))
        node = node[key]
    if not path:
        return rng.choice(hostile)
    parent, key = path[-1]
    action = rng.random()
    if action < 0.7:
        parent[key] = rng.choice(hostile)
    elif action < 0.85:
        del parent[key]
    elif isinstance(parent, list):
        parent.append(parent[key])
    else:
        parent[f"{key}-copy" if isinstance(key, str) else key] = parent[key]
    return data


def mutate_free_text(data: Any, rng: random.Random) -> Any:
    """Replace titles, names and descriptions only: the programme stays valid, so the text
    reaches every exporter."""
    places: list[tuple[dict[str, Any], str]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            places += [(node, key) for key, value in node.items() if key in FREE_TEXT_KEYS]
            stack += list(node.values())
        elif isinstance(node, list):
            stack += node
    for parent, key in rng.sample(places, min(len(places), rng.randint(1, 6))):
        parent[key] = rng.choice(HOSTILE_TEXT) + rng.choice(
            ["", " ", "x", rng.choice(HOSTILE_TEXT)]
        )
    return data


def mutate_bytes(text: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        choice = rng.random()
        if choice < 0.4:
            text = text[:at] + rng.choice(HOSTILE_BYTES) + text[at:]
        elif choice < 0.7:
            text = text[:at] + text[at + rng.randint(1, 40) :]
        else:
            other = rng.randrange(len(text) + 1)
            text = text[:at] + text[min(at, other) : max(at, other)][:2000] + text[at:]
    return text


def make_case(seed: Path, rng: random.Random) -> bytes:
    raw = seed.read_bytes()
    if rng.random() < 0.25:
        return mutate_bytes(raw, rng)
    try:
        data = yaml.safe_load(raw)
    except (yaml.YAMLError, ValueError):  # PyYAML refuses what planner reports
        return mutate_bytes(raw, rng)
    if not isinstance(data, dict):
        return mutate_bytes(raw, rng)
    if rng.random() < 0.5:
        data = mutate_free_text(data, rng)
    else:
        for _ in range(rng.randint(1, 3)):
            data = mutate_data(data, rng, HOSTILE_VALUES)
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()
    except (yaml.YAMLError, ValueError):
        return mutate_bytes(raw, rng)


def _run_case(folder: str, connection: Connection) -> None:
    """In the forked process: every command on ``folder/events.yaml``; problems sent back."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    os.chdir(folder)
    base, path, out = Path("base.yaml"), Path("events.yaml"), Path("out")
    report: dict[str, Any] = {"commands": 0, "exits": Counter(), "problems": []}
    outcomes = [run(args) for args in checking_commands(path)]
    valid = outcomes[0].exit_code == 0
    if valid:
        outcomes += [run(args) for args in publishing_commands(path, base, out)]
        report["problems"] += [f"outputs: {problem}" for problem in check_outputs(out)]
    else:
        outcomes.append(run(["ics", "-f", str(path)]))
    for outcome in outcomes:
        report["commands"] += 1
        report["exits"][outcome.exit_code] += 1
        for problem in outcome.problems():
            report["problems"].append(f"{' '.join(outcome.args)}: {problem}")
    report["valid"] = valid
    connection.send(report)
    connection.close()


@dataclass
class Tally:
    cases: int = 0
    valid: int = 0
    commands: int = 0
    exits: Counter[int] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        exits = ", ".join(f"{code}: {count}" for code, count in sorted(self.exits.items()))
        found = sum(self.findings.values())
        return (
            f"{self.cases} programmes ({self.valid} valid), {self.commands} command runs "
            f"(exit codes {exits}), {found} findings {dict(self.findings)}"
        )


def run_case(case: bytes, timeout: float) -> dict[str, Any]:
    """Run one programme in a forked process; a hang or a death is a problem too."""
    with tempfile.TemporaryDirectory(prefix="planner-fuzz-") as folder:
        Path(folder, "events.yaml").write_bytes(case)
        Path(folder, "base.yaml").write_text(BASE_PROGRAMME, encoding="utf-8")
        receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
        process = multiprocessing.get_context("fork").Process(
            target=_run_case, args=(folder, sender)
        )
        process.start()
        sender.close()
        report: dict[str, Any] | None = None
        if receiver.poll(timeout):
            try:
                report = receiver.recv()
            except EOFError:
                report = None
        process.join(1 if report is not None else 0)
        if process.is_alive():
            process.kill()
            process.join()
            return {"commands": 0, "exits": Counter(), "problems": ["hang"], "valid": False}
        if report is None:
            died = f"died (exit status {process.exitcode})"
            return {"commands": 0, "exits": Counter(), "problems": [died], "valid": False}
        return report


def fuzz(minutes: float, seed: int, out: Path, timeout: float) -> Tally:
    rng = random.Random(seed)
    sources = seeds()
    tally = Tally()
    deadline = time.monotonic() + minutes * 60
    while time.monotonic() < deadline:
        case = make_case(rng.choice(sources), rng)
        report = run_case(case, timeout)
        tally.cases += 1
        tally.valid += bool(report["valid"])
        tally.commands += report["commands"]
        tally.exits.update(report["exits"])
        if report["problems"]:
            kind = report["problems"][0].rsplit(": ", 1)[-1].split(" ")[0]
            tally.findings[kind] += 1
            out.mkdir(parents=True, exist_ok=True)
            name = f"finding-{tally.cases:05d}"
            (out / f"{name}.yaml").write_bytes(case)
            (out / f"{name}.txt").write_text("\n".join(report["problems"]) + "\n", "utf-8")
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="how long to run")
    parser.add_argument("--seed", type=int, default=0, help="random seed (runs repeat)")
    parser.add_argument("--out", type=Path, default=Path("fuzz-findings"), help="findings go here")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per programme")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    options = parser.parse_args(argv)
    if options.out.exists():
        shutil.rmtree(options.out)
    tally = fuzz(options.minutes, options.seed, options.out, options.timeout)
    if options.json:
        print(json.dumps({**tally.__dict__, "exits": dict(tally.exits)}))
    else:
        print(tally.line())
    return 1 if tally.findings else 0


if __name__ == "__main__":
    sys.exit(main())
