"""``--previous URL`` that the server refuses leaves no socket open behind it."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path

from planner.changes.state import StateError, read_state
from tests.changes.test_publishing import _serving


def _refusal(url: str) -> str:
    """The message only: the error (and what it holds) is gone when this returns."""
    try:
        read_state(url)
    except StateError as error:
        return str(error)
    raise AssertionError("the state was read")


def test_a_refused_previous_url_closes_its_connection(tmp_path: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        with _serving(tmp_path) as url:
            assert "HTTP 404" in _refusal(url + "/missing/")
        gc.collect()  # an unclosed socket warns when it is collected
    leaks = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert not leaks
