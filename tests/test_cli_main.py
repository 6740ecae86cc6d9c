"""The entry point: a fast --version, commands that import only what they use, and internal
errors that say so (exit 3, one line; --debug for the traceback)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.exporters import registry
from tests.conftest import EVENTS_YAML, ROOT


def _python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )


def _modules_after(args: list[str], **env: str) -> set[str]:
    done = _python(
        "import sys\n"
        "from planner.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n",
        **env,
    )
    return set(done.stderr.split())


def test_version_is_printed_without_importing_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "planner", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout == "planner 0.1.0\n"
    loaded = _modules_after(["--version"])
    assert not {"typer", "click", "yaml", "pydantic", "planner.loading"} & loaded


def test_validate_imports_no_exporter_and_no_other_command() -> None:
    loaded = _modules_after(["validate", str(EVENTS_YAML)], PLANNER_CACHE_DIR="")  # no cache
    assert "planner.loading" in loaded and "planner.rules" in loaded  # it did validate
    exporters = {entry.exporter_path.partition(":")[0] for entry in registry.FORMATS}
    exporters -= {"planner.reporting.formats"}  # its text report is what it prints
    assert not exporters & loaded
    others = {"planner.cli.build", "planner.cli.ics", "planner.cli.itinerary", "planner.diff"}
    assert not others & loaded
    assert not {"rich", "icalendar", "tabulate", "pydantic"} & loaded
    countries = [name for name in loaded if name.startswith("holidays.countries.")]
    assert 0 < len(countries) < 20, "only the venues' countries' holidays are imported"


WELL_FORMED_NEVER_NEEDS = {
    "planner.reporting.sarif",  # another report format (it reads package metadata)
    "planner.loading.schema_errors",  # pydantic's errors as sentences: bad input only
    "planner.loading.yaml_messages",  # YAML syntax errors explained: bad input only
}


def test_validate_of_a_well_formed_file_imports_no_error_machinery() -> None:
    """Start-up kept honest without a stopwatch: what a plain run must not import."""
    loaded = _modules_after(["validate", str(EVENTS_YAML)])
    assert "planner.rules.engine" in loaded  # it did validate
    assert WELL_FORMED_NEVER_NEEDS & loaded == set()


def test_validate_imports_holidays_only_for_venues_in_a_country(tmp_path: Path) -> None:
    programme = tmp_path / "events.yaml"
    programme.write_text(
        "version: 1\nprogramme: {name: x, uid_domain: example.org}\n"
        "venues:\n  hall: {name: Hall, timezone: Europe/Paris}\n"
        "events:\n  day:\n    title: Day\n    venue: hall\n"
        '    sessions:\n      - {title: Talk, start: "2024-05-01 10:00", duration: 1h}\n'
    )
    loaded = _modules_after(["validate", str(programme)])
    assert "planner.rules.engine" in loaded
    assert not {name for name in loaded if name.split(".")[0] in {"holidays", "dateutil.easter"}}


def test_help_lists_every_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "planner", "--help"], capture_output=True, text=True, check=True
    )
    from planner.cli import COMMANDS

    for name, _ in COMMANDS:
        assert f" {name} " in done.stdout


CRASH = (
    "import planner.validation\n"
    "def broken(*args, **kwargs):\n"
    "    raise RuntimeError('a bug in planner\\nsecond line')\n"
    "planner.validation.validate_file = broken\n"
    "from planner.cli import main\n"
    "main({args!r})\n"
)


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_an_internal_error_is_exit_3_and_one_line(debug: bool) -> None:
    args = ["validate", str(EVENTS_YAML), *(["--debug"] if debug else [])]
    done = _python(CRASH.format(args=args))
    assert done.returncode == 3
    last = done.stderr.splitlines()[-1]
    assert last == (
        "planner: internal error (RuntimeError: a bug in planner); "
        "run with --debug for details, and please report it"
    )
    assert ("Traceback (most recent call last)" in done.stderr) is debug


def test_a_programme_with_errors_is_still_exit_1(tmp_path: Path) -> None:
    broken = tmp_path / "events.yaml"
    broken.write_text("version: 1\nprogramme: {name: x, timezone: Nowhere/Zone}\n")
    done = subprocess.run(
        [sys.executable, "-m", "planner", "validate", str(broken)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "args",
    [
        ["validate", str(EVENTS_YAML)],
        ["rules"],
        ["schema"],
        ["list", "venues", "-f", str(EVENTS_YAML)],
    ],
    ids=["validate", "rules", "schema", "list"],
)
def test_a_full_standard_output_is_one_line_and_exit_1(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "planner", *args], stdout=full, stderr=subprocess.PIPE,
            text=True, check=False,
        )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr == "planner: cannot write standard output: No space left on device\n"


def test_the_program_ends_quickly_but_runs_its_exit_handlers(tmp_path: Path) -> None:
    """`run` skips the interpreter's teardown, not the exit handlers (the cache is written)
    nor the exit status."""
    env = {**os.environ, "PLANNER_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "planner", "validate", str(EVENTS_YAML)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0 and "is valid" in done.stdout
    assert list((tmp_path / "holidays").glob("answers-*.json"))
    missing = subprocess.run(
        [sys.executable, "-m", "planner", "validate", str(tmp_path / "none.yaml")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert missing.returncode == 2 and "no such file" in missing.stderr
