"""Language tags, CLDR formats, and the English path that never loads Babel."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from planner.languages import NoCatalog, is_language_tag, language, supported

SEOUL = ZoneInfo("Asia/Seoul")


@pytest.mark.parametrize(
    ("tag", "catalog"),
    [
        ("en", "en"),
        ("en-GB", "en"),
        ("es-MX", "es"),
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh-Hans-SG", "zh-Hans"),
        ("ar-EG", "ar"),
        ("ko-KR", "ko"),
        ("zh-TW", None),
        ("de", None),
        ("ko_KR", None),
    ],
)
def test_tags_find_their_catalog(tag: str, catalog: str | None) -> None:
    assert supported(tag) == catalog


@pytest.mark.parametrize("tag", ["en", "zh-Hans", "es-419", "sr-Latn-RS", "de-CH-1996"])
def test_well_formed_tags(tag: str) -> None:
    assert is_language_tag(tag)


@pytest.mark.parametrize(
    "tag", ["", "e", "en_US", "english-", "x-klingon", "-en", "en--GB", "english", "Korean"]
)
def test_malformed_tags(tag: str) -> None:
    assert not is_language_tag(tag)


def test_a_language_without_catalog_names_those_planner_has() -> None:
    with pytest.raises(NoCatalog, match=r"`de` has no catalog; languages: en, ar, es"):
        language("de")


@pytest.mark.parametrize(
    ("tag", "heading"),
    [
        ("en", "Tuesday 11 October 2016"),
        ("ko", "2016년 10월 11일 화요일"),
        ("es", "martes, 11 de octubre de 2016"),
        ("fr", "mardi 11 octobre 2016"),
        ("ru", "вторник, 11 октября 2016\u202fг."),  # noqa: RUF001
        ("zh-Hans", "2016年10月11日星期二"),
        ("ar", "الثلاثاء، 11 أكتوبر 2016"),
    ],
)
def test_day_headings_as_each_locale_writes_them(tag: str, heading: str) -> None:
    assert language(tag).formats.day_heading(date(2016, 10, 11)) == heading


def test_clocks_follow_the_locale() -> None:
    start = datetime(2016, 10, 11, 9, 0, tzinfo=SEOUL)
    end = datetime(2016, 10, 11, 14, 30, tzinfo=SEOUL)
    # Korean writes 12-hour times with its own words for a.m. and p.m.
    assert language("ko").formats.clock_span(start, end) == "오전 9:00 ~ 오후 2:30"
    assert language("fr").formats.clock_span(start, end) == "09:00\u2009\u2013\u200914:30"
    assert language("es").formats.clock(start) == "9:00"
    assert language("en").formats.clock_span(start, end) == "09:00\u201314:30"


def test_lists_of_names() -> None:
    names = ["Kim", "Lee", "Park"]
    assert language("en").formats.names(names) == "Kim, Lee, Park"
    assert language("es").formats.names(names) == "Kim, Lee y Park"
    assert language("zh-Hans").formats.names(names) == "Kim、Lee和Park"


def test_zone_names_in_the_reader_s_words() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    assert language("en").zone_name(tokyo) == "Asia/Tokyo"
    assert language("ko").zone_name(tokyo) == "도쿄 시간"
    assert language("ar").zone_name(tokyo) == "توقيت طوكيو"


def test_direction() -> None:
    assert language("ar").direction == "rtl"
    assert {language(tag).direction for tag in ("en", "fr", "ko", "zh-Hans")} == {"ltr"}


def test_english_outputs_never_import_babel() -> None:
    code = (
        "import sys\n"
        "from planner.exporters.base import Selection\n"
        "from planner.exporters import registry\n"
        "from planner.loading import load\n"
        "programme = load('events.yaml')\n"
        "for name in registry.names('itinerary'):\n"
        "    exporter = registry.get('itinerary', name).exporter()()\n"
        "    exporter.export(programme, Selection(person='vietnam-delegate-1'))\n"
        "assert 'babel' not in sys.modules, sorted(m for m in sys.modules if 'babel' in m)\n"
    )
    from tests.conftest import ROOT

    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
