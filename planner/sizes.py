"""Sizes as people write them: ``1000000``, ``10M``, ``10 MB``, ``64MiB``, ``1.5G``.

``k``, ``M``, ``G`` (with or without ``B``) are powers of 1000; ``KiB``, ``MiB``, ``GiB``
(or ``Ki``...) are powers of 1024. Anything else is refused with a sentence saying what
would be read, so a typo never silently becomes the default.
"""

from __future__ import annotations

import re

__all__ = ["SizeError", "parse_size"]

_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)(b?)", re.IGNORECASE)
_POWERS = {"": 0, "k": 1, "m": 2, "g": 3, "t": 4}
_EXAMPLES = "a whole number of bytes, or a size such as 10M, 10MB or 64MiB"


class SizeError(ValueError):
    """Text that is not a size."""


def parse_size(text: str) -> int:
    """The number of bytes ``text`` means; :class:`SizeError` when it is not a positive size."""
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise SizeError(f"`{text}` is not a size; write {_EXAMPLES}")
    number, prefix, binary, byte = match.groups()
    if binary and not prefix:
        raise SizeError(f"`{text}` is not a size; write {_EXAMPLES}")
    base = 1024 if binary else 1000
    size = int(float(number) * base ** _POWERS[prefix.lower()])
    if size < 1:
        raise SizeError(f"`{text}` is not a size of at least one byte; write {_EXAMPLES}")
    del byte  # `10M` and `10MB` mean the same
    return size
