"""Writing outputs so that a reader never sees half of one, and nothing planner did not write
is ever replaced.

- :func:`write_file`: one output. ``-`` is standard output; a FIFO, a character device
  (``/dev/stdout``, ``/dev/null``) or a socket is written through, never replaced; a
  symlink is followed and its target replaced, the link kept; anything else is written to
  a temporary file beside it and renamed over it.
- :func:`write_tree`: a folder of outputs, built aside and swapped in whole. On Linux the
  swap is one ``renameat2(RENAME_EXCHANGE)``, so the folder is never missing; elsewhere
  (or on a file system without it) the old folder is renamed away just before the new one
  comes in. Each tree holds a manifest (:data:`MANIFEST`) naming its writer and its files:
  a folder holding anything else, or written by another command, is refused, never
  replaced. Staging folders left by killed runs are removed by the next run.

Every failure is an :class:`OutputError` with a one-line message; ``usage`` says whether it
is the caller's choice of path (exit 2) rather than the system refusing (exit 1).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["MANIFEST", "OutputError", "write_atomic", "write_file", "write_tree"]

MANIFEST = ".planner-manifest.json"
"""In every folder :func:`write_tree` writes: ``{"writer": ..., "files": [...]}``."""
_STAGING = ".planner-staging-"
"""Staging folders are ``.NAME.planner-staging-PID-RANDOM`` beside the target."""


class OutputError(Exception):
    """A one-line reason why an output was not written; ``usage``: the path was refused."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def write_file(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write one output (see the module's description); raises :class:`OutputError`."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if os.fspath(path) == "-":
        _write_stream(sys.stdout.buffer, payload, "standard output")
        return
    target = Path(path)
    try:
        found = target.stat()
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise OutputError(f"cannot write {target}: {_reason(error)}") from error
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise OutputError(f"{target} is a folder; give a file name", usage=True)
    if found is not None and not stat.S_ISREG(found.st_mode):
        _write_through(target, found.st_mode, payload)
        return
    try:
        write_atomic(os.path.realpath(target), payload)
    except OSError as error:
        raise OutputError(f"cannot write {target}: {_reason(error)}") from error


def _write_stream(stream: object, payload: bytes, name: str) -> None:
    try:
        stream.write(payload)  # type: ignore[attr-defined]
        stream.flush()  # type: ignore[attr-defined]
    except OSError as error:
        raise OutputError(f"cannot write {name}: {_reason(error)}") from error


def _write_through(target: Path, mode: int, payload: bytes) -> None:
    """A pipe, terminal or device: opened and written, never replaced by a file."""
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)):
        raise OutputError(f"{target} is not a file, a pipe or a terminal", usage=True)
    try:
        with open(target, "wb") as stream:
            stream.write(payload)
    except OSError as error:
        raise OutputError(f"cannot write {target}: {_reason(error)}") from error


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name[:200]}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_tree(
    files: Iterable[tuple[str, bytes]], folder: str | os.PathLike[str], writer: str
) -> int:
    """Write ``(relative path, bytes)`` into a fresh folder and swap it in for ``folder``.

    ``writer`` names the command (``planner build``): a folder another writer made, or
    holding a file no manifest lists, is refused (naming one such entry). Returns the
    number of files written. Raises :class:`OutputError`; the old folder is then as it was.
    """
    target = Path(folder)
    check_tree(target, writer)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        clear_stale_staging(target)
        prefix = f".{target.name}{_STAGING}{os.getpid()}-"
        staging = Path(tempfile.mkdtemp(prefix=prefix, dir=target.parent))
    except OSError as error:
        raise OutputError(f"cannot write {target}: {_reason(error)}") from error
    try:
        written = _fill(staging, files, writer)
        swap_in(staging, target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write {target}: {_reason(error)}") from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written


def _fill(staging: Path, files: Iterable[tuple[str, bytes]], writer: str) -> int:
    staging.chmod(0o755)  # mkdtemp makes it private; what planner writes is for publishing
    names: list[str] = []
    for relative, data in files:
        path = staging / _safe_relative(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        names.append(relative)
    manifest = {"writer": writer, "files": sorted(names)}
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return len(names)


def _safe_relative(relative: str) -> str:
    parts = relative.split("/")
    if relative.startswith("/") or not relative or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"an exporter gave the path {relative!r}, which is not inside its folder")
    return relative


def check_tree(target: Path, writer: str) -> None:
    """Refuse a folder that ``write_tree`` must not replace (see :func:`write_tree`)."""
    here = Path.cwd().resolve()
    if target.resolve() in (here, *here.parents):
        raise OutputError(f"{target} is the current folder or above it; give a folder", usage=True)
    enclosing = _enclosing_tree(target)
    if enclosing is not None:
        owner = _manifest(enclosing)
        raise OutputError(
            f"{target} is inside {enclosing}, which {owner['writer']} wrote and replaces "
            "whole; give a folder outside it",
            usage=True,
        )
    if not target.exists() and not target.is_symlink():
        return
    if target.is_symlink() or not target.is_dir():
        raise OutputError(f"{target} is a file; give a folder", usage=True)
    _check_contents(target, writer)


def _check_contents(target: Path, writer: str) -> None:
    entries = sorted(entry.name for entry in target.iterdir())
    if not entries:
        return
    manifest = _manifest(target)
    if not manifest:
        raise OutputError(
            f"{target} holds {entries[0]}, which planner did not write; "
            "give a new or empty folder (it is replaced whole)",
            usage=True,
        )
    if manifest["writer"] != writer:
        raise OutputError(
            f"{target} holds what {manifest['writer']} wrote; give another folder", usage=True
        )
    listed = {MANIFEST, *manifest["files"]}
    for path in sorted(target.rglob("*")):
        relative = path.relative_to(target).as_posix()
        if path.is_dir() and not path.is_symlink():
            continue
        if relative not in listed:
            raise OutputError(
                f"{target} holds {relative}, which {writer} did not write; "
                "move it, or give a new folder (it is replaced whole)",
                usage=True,
            )


def _manifest(folder: Path) -> dict[str, list[str] | str]:
    try:
        found = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    ok = isinstance(found, dict) and isinstance(found.get("writer"), str)
    return found if ok and isinstance(found.get("files"), list) else {}


def _enclosing_tree(target: Path) -> Path | None:
    """The nearest folder above ``target`` that a writer of trees made, if any."""
    for parent in Path(os.path.abspath(target)).parents:
        if (parent / MANIFEST).is_file() and _manifest(parent):
            return parent
    return None


def clear_stale_staging(target: Path) -> None:
    """Remove staging folders of ``target`` left by runs that were killed (their process
    is gone), so they do not pile up beside the output, each as large as it."""
    prefix = f".{target.name}{_STAGING}"
    for entry in target.parent.iterdir():
        if not entry.name.startswith(prefix):
            continue
        pid = entry.name[len(prefix) :].partition("-")[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # an earlier run of this process finished or failed with it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def swap_in(staging: Path, target: Path) -> None:
    """Put the folder ``staging`` at ``target``; the old ``target`` is removed afterwards.

    Where the system exchanges two names at once (Linux ``renameat2``), ``target`` is
    never missing; elsewhere it is for the moment between two renames."""
    if not target.exists():
        os.replace(staging, target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the old folder
        return
    retired = staging.with_name(staging.name + "-old")
    os.replace(target, retired)
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(retired, target)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step; False when the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # only where it can help

    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))
