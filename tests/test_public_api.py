"""The public surface is kept on purpose: `planner.__all__` is exactly what users may import."""

from __future__ import annotations

import planner


def test_public_names() -> None:
    assert set(planner.__all__) == {
        "Diagnostic", "LoadResult", "Location", "Programme", "ProgrammeError", "Severity",
        "Summary", "load", "load_programme",
    }  # fmt: skip
    for name in planner.__all__:
        assert getattr(planner, name) is not None


def test_library_use_without_the_cli() -> None:
    from tests.conftest import EVENTS_YAML

    programme = planner.load(EVENTS_YAML)
    assert len(programme.events) >= 6
    assert len(programme.sessions) >= 40
    assert len(programme.people) >= 40
    assert len(programme.venues) >= 12
    assert len({venue.timezone.key for venue in programme.venues.values()}) >= 5
    assert any(session.repeat for session in programme.sessions)
    assert any(session.all_day for session in programme.sessions)
    assert any(person.travel for person in programme.people.values())
    assert any(set(group.members) & set(programme.groups) for group in programme.groups.values())
