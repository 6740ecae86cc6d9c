"""Writing a site so that readers see the old one or the new one, never half of either."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from planner.output import replace_directory

__all__ = ["write_site"]


def write_site(files: Iterable[tuple[str, bytes]], target: Path) -> int:
    """Build into a temporary folder beside ``target``, then swap it in; the file count."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        count = 0
        for relative, data in files:
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            count += 1
        staging.chmod(0o755)
        replace_directory(staging, target)
        return count
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
