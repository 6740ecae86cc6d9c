"""The cyclic collector is paused while a programme is built, and what was built is not
walked again by the first young-generation passes afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from planner.loading.collector import collector_paused


@pytest.fixture
def collector_on() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was_enabled:
            gc.disable()


def _built() -> list[dict[str, list[int]]]:
    return [{"items": [index]} for index in range(50_000)]


@pytest.mark.usefixtures("collector_on")
def test_paused_inside_enabled_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # a nested pause leaves the outer one in charge
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_what_was_built_is_old_afterwards() -> None:
    with collector_paused():
        built = _built()
    # Nothing is left in the young generations: the first pass has nothing of it to walk.
    assert gc.get_count()[0] < 100
    assert gc.get_freeze_count() == 0
    first = built[0]
    assert gc.is_tracked(first)
    assert not any(item is first for item in gc.get_objects(generation=0))
    assert any(item is first for item in gc.get_objects(generation=2))


@pytest.mark.usefixtures("collector_on")
def test_objects_frozen_by_someone_else_stay_frozen() -> None:
    kept = [{"frozen": index} for index in range(10)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            _built()
        assert gc.get_freeze_count() == frozen
        assert gc.isenabled()
    finally:
        gc.unfreeze()
    assert kept


@pytest.mark.usefixtures("collector_on")
def test_cycles_built_while_paused_are_still_collected() -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self

    with collector_paused():
        Node()
    assert gc.collect() >= 1
