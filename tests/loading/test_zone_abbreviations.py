"""Zone abbreviations point at the IANA zones that use them, the programme's countries first."""

from __future__ import annotations

import pytest

from planner.timeline.abbreviations import zones_using


@pytest.mark.parametrize(
    ("abbreviation", "countries", "first"),
    [
        ("EAT", ["KE"], "Africa/Nairobi"),
        ("eat", ["TZ"], "Africa/Dar_es_Salaam"),
        ("KST", ["KR"], "Asia/Seoul"),
        ("IST", ["IN"], "Asia/Kolkata"),
        ("IST", ["IE"], "Europe/Dublin"),
        ("CET", ["FR"], "Europe/Paris"),
    ],
)
def test_the_programmes_country_comes_first(
    abbreviation: str, countries: list[str], first: str
) -> None:
    assert zones_using(abbreviation, countries)[0] == first


def test_ist_names_all_three_places_and_a_word_names_none() -> None:
    assert {"Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"} <= set(zones_using("IST"))
    assert zones_using("Nairobi") == []
