"""`planner diff REV:PATH ...`: versions read from git, with their includes, through the CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from planner.cli import app
from tests.conftest import GIT_ENV

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PLANNER = str(Path(sys.executable).with_name("planner"))

ROOT_FILE = """\
version: 1
programme: {name: Git fixture, timezone: Asia/Seoul}
include: [programmes/*.yaml]
venues:
  hall: {name: Seoul Global Center, timezone: Asia/Seoul}
  casa-asia: {name: Casa Asia, timezone: Europe/Madrid}
"""

TOUR = """\
people:
  kim: {name: Kim Min-jun}
events:
  tour:
    title: Tour
    venue: hall
    participants: [kim]
    sessions:
      - {id: visit, title: Pangyo visit, date: 2024-04-17, time: "{time}"}
      - {id: night, title: Night set-up, venue: casa-asia, start: "2024-10-27 {night}", duration: 1h}
"""


# Git and planner run without the user's or the system's git settings (signing, hooks).
ENV = {**os.environ, **GIT_ENV}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=ENV, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with two commits: the visit moves and an ambiguous time is fixed."""
    repo = tmp_path_factory.mktemp("git") / "repo"
    (repo / "programmes").mkdir(parents=True)
    _git(repo, "init", "--quiet", "--initial-branch=main")
    (repo / "events.yaml").write_text(ROOT_FILE, encoding="utf-8")
    for time, night in (("14:00-16:00", "02:30"), ("15:00-17:00", "04:30")):
        tour = TOUR.replace("{time}", time).replace("{night}", night)
        (repo / "programmes/tour.yaml").write_text(tour, encoding="utf-8")
        _git(repo, "add", ".")
        _git(repo, "commit", "--quiet", "-m", f"visit at {time}")
    return repo


@pytest.fixture
def in_repo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(repo)
    for name in ("GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM"):
        monkeypatch.setenv(name, ENV[name])
    return repo


def _planner(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed `planner` command, as CI runs it."""
    return subprocess.run(
        [PLANNER, *args], cwd=repo, env=ENV, capture_output=True, text=True, check=False
    )


def _invoke(*args: str) -> Result:
    """The same command in this process: faster, for the many small cases."""
    return CliRunner().invoke(app, list(args))


def test_diff_with_the_previous_commit_follows_its_includes(repo: Path) -> None:
    result = _planner(repo, "diff", "HEAD~1:events.yaml", "events.yaml")
    assert result.returncode == 0, result.stderr
    assert "moved: Pangyo visit (tour/visit)" in result.stdout
    assert "when: Wed 17 Apr 2024 14:00-16:00 KST -> 15:00-17:00 KST" in result.stdout
    # The old ambiguous time is fixed, and named as it was in that revision.
    fixed = result.stdout.split("Fixed problems", 1)[1]
    assert "\n  HEAD~1:programmes/tour.yaml:10:67: warning ambiguous-time:" in fixed
    assert "planner-diff-" not in result.stdout


def test_two_revisions_and_the_exit_code_option(in_repo: Path) -> None:
    changed = _invoke("diff", "--exit-code", "HEAD~1:events.yaml", "HEAD:events.yaml")
    same = _invoke("diff", "--exit-code", "HEAD:./events.yaml", "events.yaml")
    assert changed.exit_code == 1 and "2 sessions changed (2 moved)" in changed.stdout
    assert same.exit_code == 0 and "No session changed." in same.stdout


def test_json_names_the_files_of_each_version(in_repo: Path) -> None:
    result = _invoke("diff", "HEAD~1:events.yaml", "events.yaml", "--format", "json")
    document = json.loads(result.stdout)
    assert document["old"]["files"] == ["HEAD~1:events.yaml", "HEAD~1:programmes/tour.yaml"]
    assert document["changes"][0]["affected"] == [{"id": "kim", "name": "Kim Min-jun"}]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("nope:events.yaml", "unknown revision `nope`"),
        ("HEAD:missing.yaml", "missing.yaml does not exist in HEAD"),
        ("HEAD:programmes", "programmes is a folder in HEAD"),
        ("missing.yaml", "no such file: missing.yaml"),
    ],
)
def test_a_version_that_cannot_be_read_is_a_clear_usage_error(
    in_repo: Path, spec: str, message: str
) -> None:
    result = _invoke("diff", spec, "events.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"planner: {message}")
    assert result.stdout == ""


def test_rev_path_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "events.yaml").write_text(ROOT_FILE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = _invoke("diff", "HEAD:events.yaml", "events.yaml")
    assert result.exit_code == 2
    assert "needs a git repository" in result.stderr
    assert "Traceback" not in result.stderr
