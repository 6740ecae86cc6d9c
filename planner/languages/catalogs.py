"""The gettext catalogs shipped in the package: ``catalogs/<tag>.po``, one per language.

The ``.po`` sources are the only files: a catalog is compiled with Babel's own reader and
writer the first time a process needs it, and the compiled ``.mo`` is kept in the user's
cache (``$XDG_CACHE_HOME/planner/catalogs``, :mod:`planner.cache`), named by a hash of its
source, so an edited catalog is never read stale. This works the same from a clone installed with
``pip install -e .``, from a wheel and from a read-only site-packages (where nothing can be
written beside the sources): when the cache cannot be written the catalog is compiled in
memory.
"""

from __future__ import annotations

import gettext
import io
from functools import cache

from planner.cache import cache_folder, keep

__all__ = ["CATALOG_SUFFIX", "available", "catalog_source", "compiled", "translations"]

CATALOG_SUFFIX = ".po"
_PACKAGE = "planner.languages"
_FOLDER = "catalogs"


@cache
def available() -> tuple[str, ...]:
    """The tags of the shipped catalogs (``ar``, ``es``, ... ``zh-Hans``), sorted."""
    from importlib import resources  # (these imports wait until a catalog is asked for)

    folder = resources.files(_PACKAGE).joinpath(_FOLDER)
    names = (entry.name for entry in folder.iterdir())
    return tuple(
        sorted(n.removesuffix(CATALOG_SUFFIX) for n in names if n.endswith(CATALOG_SUFFIX))
    )


def catalog_source(tag: str) -> bytes:
    """The ``.po`` source of the catalog ``tag`` (one of :func:`available`)."""
    from importlib import resources

    return resources.files(_PACKAGE).joinpath(_FOLDER, f"{tag}{CATALOG_SUFFIX}").read_bytes()


@cache
def translations(tag: str) -> gettext.GNUTranslations:
    """The catalog ``tag``, compiled (from the cache when its source has not changed)."""
    return gettext.GNUTranslations(io.BytesIO(compiled(tag)))


def compiled(tag: str) -> bytes:
    """The ``.mo`` bytes of catalog ``tag``."""
    import hashlib

    source = catalog_source(tag)
    digest = hashlib.sha256(source).hexdigest()[:16]
    folder = cache_folder("catalogs")
    cached = folder / f"{tag}-{digest}.mo" if folder else None
    if cached is not None:
        try:
            return cached.read_bytes()
        except OSError:
            pass
    data = _compile(source)
    if cached is not None:
        keep(cached, data)  # compiled again next time if it cannot be kept: milliseconds
    return data


def _compile(source: bytes) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(source))
    out = io.BytesIO()
    write_mo(out, catalog)  # fuzzy entries are left out, as msgfmt leaves them
    return out.getvalue()

