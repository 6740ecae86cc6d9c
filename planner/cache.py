"""planner's cache folder: what is slow to make and only changes with a package's version.

``$XDG_CACHE_HOME/planner/<kind>`` (``~/.cache/planner`` by default; ``PLANNER_CACHE_DIR``
chooses another folder, and set empty turns the cache off). Everything in it can be made
again: a file that cannot be read or written is made again in memory, never an error.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

__all__ = ["StoredAnswers", "cache_folder", "keep"]


def cache_folder(kind: str) -> Path | None:
    """The folder for ``kind`` (``catalogs``, ``holidays``), or None with the cache off."""
    chosen = os.environ.get("PLANNER_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) / kind if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "planner" / kind


def keep(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` aside and rename it in, so that two processes writing at
    once never read half a file; a folder that cannot be written is left alone."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except OSError:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # a read-only home: made again next time


class StoredAnswers:
    """Answers to questions that only change with a package's version (is 3 October a
    public holiday in Korea?), kept in the cache between runs: a run whose questions were
    all asked before need not import the package that answers them.

    Read once; what is learnt is written back when the process ends.
    """

    LIMIT = 50_000
    """More answers than this start the file afresh (a run's own answers are kept)."""

    def __init__(self, kind: str, version: str | None) -> None:
        folder = cache_folder(kind)
        self.path = folder / f"answers-{version}.json" if folder and version else None
        self._known = self._read()
        self._learnt: dict[str, Any] = {}

    def _read(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        import json

        try:
            found = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def get(self, key: str, default: Any) -> Any:
        return self._known.get(key, default)

    def put(self, key: str, value: Any) -> None:
        if not self._learnt and self.path is not None:
            import atexit

            atexit.register(self.save)
        self._known[key] = self._learnt[key] = value

    def save(self) -> None:
        """Write what was learnt (with what was known, while there is room)."""
        if self.path is None or not self._learnt:
            return
        import json

        kept = self._known if len(self._known) <= self.LIMIT else self._learnt
        keep(self.path, json.dumps(kept, ensure_ascii=False, sort_keys=True).encode())
        self._learnt = {}
