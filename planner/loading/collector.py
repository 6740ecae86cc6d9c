"""Pausing Python's cyclic garbage collector while a large programme is built.

Loading allocates millions of small objects that all stay alive. Each automatic
generation-2 pass walks every one of them again for nothing: on a 100k-session file those
passes took half of the load time. Reference counting still frees whatever is dropped;
only cycles wait for the collector, which is enabled again afterwards.

Enabled again as it was, the collector's first young-generation passes would then walk
everything built in the block (all of it still young) and find it alive: on the 10k-session
bench that was ~0.1 s. So what the block built is first moved to the oldest generation as it
stands (``gc.freeze`` then ``gc.unfreeze``: two list splices, no pass over the objects);
cycles among it are collected by the next full pass, as any old garbage. When something
else has frozen objects (a server before it forks), they are left frozen and the collector
is simply enabled.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for a block (or, as a decorator, a function call)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():
                gc.freeze()  # everything tracked, moved aside without a pass ...
                gc.unfreeze()  # ... and back, into the oldest generation
            gc.enable()
