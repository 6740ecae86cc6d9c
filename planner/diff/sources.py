"""Where the two versions come from: a file on disk, or ``REV:PATH`` read from git.

For ``REV:PATH`` the programme file and every YAML file beside and below it are extracted
from the revision into a temporary folder, keeping their relative layout, so that its
``include:`` globs find the same files they found in that revision. Diagnostics are then
relabelled so they name ``REV:path`` rather than the temporary folder.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import posixpath
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from planner.diagnostics import Diagnostic, Location
from planner.diff.compare import Side
from planner.validation import validate_file

__all__ = ["GitRevision", "SourceError", "load_side", "parse_spec"]

_YAML_SUFFIXES = (".yaml", ".yml")


class SourceError(Exception):
    """A version cannot be read: no such file, not a git repository, unknown revision."""


@dataclasses.dataclass(frozen=True, slots=True)
class GitRevision:
    """``REV:PATH``: PATH as git reads it (from the top of the repository, or ``./`` here)."""

    revision: str
    path: str

    def __str__(self) -> str:
        return f"{self.revision}:{self.path}"


def parse_spec(spec: str) -> Path | GitRevision:
    """An existing file stays a path; ``REV:PATH`` is a git revision; anything else fails."""
    if Path(spec).exists():
        return Path(spec)
    revision, colon, path = spec.partition(":")
    if not colon:
        raise SourceError(f"no such file: {spec}")
    if not revision or not path:
        raise SourceError(f"`{spec}` is neither a file nor REV:PATH (like main:events.yaml)")
    return GitRevision(revision, path)


# -- git -----------------------------------------------------------------------------------


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    executable = shutil.which("git")
    if executable is None:
        raise SourceError("reading REV:PATH needs git, and git is not installed")
    return subprocess.run([executable, *args], cwd=cwd, capture_output=True, check=False)


def _top_level(cwd: Path) -> Path:
    found = _git(["rev-parse", "--show-toplevel"], cwd)
    if found.returncode != 0:
        raise SourceError(f"reading REV:PATH needs a git repository, and {cwd} is not in one")
    return Path(found.stdout.decode().strip())


def _path_in_repository(path: str, top: Path, cwd: Path) -> str:
    """PATH relative to the top of the repository, as ``git show REV:PATH`` reads it."""
    if path.startswith(("./", "../")):  # git's own rule: these are relative to here
        absolute = (cwd / path).resolve()
        try:
            return absolute.relative_to(top.resolve()).as_posix()
        except ValueError:
            raise SourceError(f"{path} is outside the git repository at {top}") from None
    return posixpath.normpath(path)


def _check_revision(source: GitRevision, path: str, top: Path) -> None:
    if _git(["rev-parse", "--verify", "--quiet", f"{source.revision}^{{commit}}"], top).returncode:
        raise SourceError(f"unknown revision `{source.revision}` (in {source})")
    kind = _git(["cat-file", "-t", f"{source.revision}:{path}"], top)
    if kind.returncode != 0:
        raise SourceError(f"{path} does not exist in {source.revision}")
    if kind.stdout.decode().strip() != "blob":
        raise SourceError(f"{path} is a folder in {source.revision}; give the programme file")


def _files_to_extract(source: GitRevision, path: str, top: Path) -> list[str]:
    """The programme file and every YAML file in its folder and below (what includes can reach)."""
    folder = posixpath.dirname(path)
    command = ["ls-tree", "-r", "-z", "--name-only", source.revision, "--", folder or "."]
    listing = _git(command, top)
    if listing.returncode != 0:
        raise SourceError(f"cannot list the files of {source.revision}: {listing.stderr.decode()}")
    names = [name for name in listing.stdout.decode().split("\0") if name]
    return sorted({path, *(name for name in names if name.endswith(_YAML_SUFFIXES))})


def _safe_member(member: tarfile.TarInfo) -> bool:
    parts = PurePosixPath(member.name).parts
    return member.isfile() and not member.name.startswith("/") and ".." not in parts


def _extract(source: GitRevision, files: list[str], top: Path, target: Path) -> None:
    archive = _git(["archive", "--format=tar", source.revision, "--", *files], top)
    if archive.returncode != 0:
        raise SourceError(f"cannot read {source}: {archive.stderr.decode().strip()}")
    # Only plain files with relative names are written: no links, nothing outside `target`.
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        for member in tar.getmembers():
            data = tar.extractfile(member) if _safe_member(member) else None
            if data is None:
                continue
            destination = target.joinpath(*PurePosixPath(member.name).parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(data.read())
            # git archive stamps each file with the commit's time: keep it, so a version read
            # from git has the same time however often it is read (DTSTAMP, notices' Date).
            os.utime(destination, (member.mtime, member.mtime))


# -- relabelling ---------------------------------------------------------------------------


def _relabeller(folder: Path, revision: str) -> Callable[[str], str]:
    """Turns paths inside the temporary folder into ``REV:path`` in file names and messages."""
    prefixes = {str(folder) + os.sep, str(folder.resolve()) + os.sep}
    with contextlib.suppress(ValueError):  # another drive on Windows: no relative form
        prefixes.add(os.path.relpath(folder) + os.sep)
    ordered = sorted(prefixes, key=len, reverse=True)

    def relabel(text: str) -> str:
        for prefix in ordered:
            text = text.replace(prefix, f"{revision}:")
        return text

    return relabel


def _relabel_location(location: Location, relabel: Callable[[str], str]) -> Location:
    return dataclasses.replace(location, file=relabel(location.file))


def _relabel(diagnostic: Diagnostic, relabel: Callable[[str], str]) -> Diagnostic:
    where = diagnostic.location
    return dataclasses.replace(
        diagnostic,
        message=relabel(diagnostic.message),
        location=_relabel_location(where, relabel) if where else None,
        related=tuple(_relabel_location(loc, relabel) for loc in diagnostic.related),
    )


# -- loading -------------------------------------------------------------------------------


def _load_path(path: Path, label: str, max_bytes: int | None) -> Side:
    report = validate_file(path, max_bytes=max_bytes)
    return Side(label, report.programme, report.diagnostics)


def _load_revision(source: GitRevision, max_bytes: int | None, cwd: Path) -> Side:
    top = _top_level(cwd)
    path = _path_in_repository(source.path, top, cwd)
    _check_revision(source, path, top)
    with tempfile.TemporaryDirectory(prefix="planner-diff-") as temporary:
        folder = Path(temporary)
        _extract(source, _files_to_extract(source, path, top), top, folder)
        report = validate_file(folder.joinpath(*PurePosixPath(path).parts), max_bytes=max_bytes)
    relabel = _relabeller(folder, source.revision)
    diagnostics = tuple(_relabel(diagnostic, relabel) for diagnostic in report.diagnostics)
    # The programme's own locations still point into the (now removed) temporary folder;
    # the Side carries the relabelling for the few places a diff shows them.
    return Side(str(source), report.programme, diagnostics, relabel)


def load_side(spec: str, *, max_bytes: int | None = None, cwd: Path | None = None) -> Side:
    """Load one version (a path or ``REV:PATH``) and check it with the rules.

    Raises :class:`SourceError` when the version cannot be read at all; a version that is
    read but does not load comes back as a Side without a programme, with its diagnostics.
    """
    source = parse_spec(spec)
    if isinstance(source, Path):
        if source.is_dir():
            raise SourceError(f"{source} is a folder; give the programme file (events.yaml)")
        return _load_path(source, spec, max_bytes)
    return _load_revision(source, max_bytes, cwd or Path.cwd())
