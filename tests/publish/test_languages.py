"""``planner build`` in the readers' languages: an index per language, linked to each other,
each person's outputs in their language without a flag, and ``--lang`` for all of it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import check_golden
from tests.publish.conftest import anchors, run_build, tree

MULTILINGUAL = Path(__file__).parents[1] / "languages" / "fixtures" / "multilingual.yaml"
GOLDEN = Path(__file__).parent / "golden"
_HTML_ELEMENT = re.compile(r'<html lang="([^"]+)" dir="(ltr|rtl)">')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The multilingual programme (en; Ana reads es, Min and the visitors ko) built once."""
    folder = tmp_path_factory.mktemp("languages") / "site"
    result = run_build("-f", str(MULTILINGUAL), "-o", str(folder))
    assert result.exit_code == 0, result.output
    return folder


def _html_element(page: Path) -> tuple[str, str]:
    found = _HTML_ELEMENT.search(page.read_text("utf-8"))
    assert found is not None, page
    return found.group(1), found.group(2)


def test_an_index_per_language_of_a_reader(site: Path) -> None:
    assert _html_element(site / "index.html") == ("en", "ltr")
    assert _html_element(site / "es" / "index.html") == ("es", "ltr")
    assert _html_element(site / "ko" / "index.html") == ("ko", "ltr")
    pages = [p for p in tree(site) if p.endswith(".html") and p.count("/") <= 2]
    for folder, tag in (("", "en"), ("es/", "es"), ("ko/", "ko")):
        for kind in ("days/2016-10-11.html", "events/tour.html"):
            assert f"{folder}{kind}" in pages
            assert _html_element(site / f"{folder}{kind}")[0] == tag
    assert not (site / "fr").exists()  # nobody reads French


def test_the_indexes_link_to_each_other_in_their_own_names(site: Path) -> None:
    names = {"en": "English", "es": "Español", "ko": "한국어"}
    for index in ("index.html", "es/index.html", "ko/index.html"):
        text = (site / index).read_text("utf-8")
        nav = text[text.index('<nav class="languages"') :].split("</nav>", 1)[0]
        for tag, name in names.items():
            assert f'lang="{tag}"' in nav and f">{name}<" in nav, (index, tag)
        for href in re.findall(r'href="([^"]+)"', nav):
            target = (site / index).parent / href
            assert target.resolve().is_file(), (index, href)
            assert target.resolve().name == "index.html"


def test_every_link_of_every_language_resolves(site: Path) -> None:
    """Each language's pages reach the shared feeds, itineraries and reports from their
    folder, and every person's and group's files are linked from every index."""
    shared = {p for p in tree(site) if p.endswith((".ics", ".md", ".json", ".xml"))}
    for relative in tree(site):
        if not relative.endswith(".html") or relative.startswith("itineraries/"):
            continue
        page = site / relative
        found = anchors(page)
        for href in found.hrefs:
            if href.startswith("#"):
                assert href[1:] in found.ids, (relative, href)
                continue
            assert not urlsplit(href).scheme, (relative, href)
            target = (page.parent / unquote(href)).resolve()
            assert target.is_file(), (relative, href)
            assert site.resolve() in target.parents, (relative, href)
        if relative.endswith("index.html") and relative != "changes.html":
            linked = {
                (page.parent / unquote(h)).resolve().relative_to(site.resolve()).as_posix()
                for h in found.hrefs
                if not h.startswith("#")
            }
            people = {p for p in shared if "/people/" in p or "/groups/" in p}
            assert people <= linked, relative


def test_the_spanish_index_reads_in_spanish(site: Path) -> None:
    check_golden(GOLDEN / "index.es.html", (site / "es" / "index.html").read_text("utf-8"))


def test_a_spanish_reader_gets_spanish_without_a_flag(site: Path) -> None:
    itinerary = (site / "itineraries" / "people" / "ana.md").read_text("utf-8")
    assert itinerary.startswith("# Itinerario: Ana Torres")
    assert "martes, 11 de octubre de 2016" in itinerary
    feed = (site / "ics" / "people" / "ana.ics").read_text("utf-8")
    assert "X-WR-CALNAME:Ana Torres: Gira de estudio K-smart city" in feed
    # Tom reads the programme's English; the visitors read Korean.
    assert (site / "itineraries" / "people" / "tom.md").read_text("utf-8").startswith("# ")
    assert "2016년 10월 11일" in (site / "itineraries/groups/visitors.md").read_text("utf-8")


def test_lang_writes_the_whole_site_in_one_language(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_build("-f", str(MULTILINGUAL), "-o", str(out), "--lang", "es-MX")
    assert result.exit_code == 0, result.output
    assert _html_element(out / "index.html") == ("es", "ltr")
    assert not (out / "es").exists() and not (out / "ko").exists()
    assert 'class="languages"' not in (out / "index.html").read_text("utf-8")
    for who in ("people/min", "people/tom", "groups/visitors"):
        text = (out / "itineraries" / f"{who}.md").read_text("utf-8")
        assert "martes, 11 de octubre de 2016" in text, who
    assert "Programa" in (out / "agenda.md").read_text("utf-8")
    assert _html_element(out / "days" / "2016-10-11.html")[0] == "es"
    changes = (out / "changes.html").read_text("utf-8")
    assert _HTML_ELEMENT.search(changes) is not None and 'lang="es"' in changes
    assert "<h1>K-smart city study tour: cambios en el programa</h1>" in changes
    assert "Versión 1: primera publicación, 2 sesiones" in changes
    assert 'xml:lang="es"' in (out / "changes.atom").read_text("utf-8")


def test_lang_without_a_catalog_is_a_usage_error(tmp_path: Path) -> None:
    result = run_build("-f", str(MULTILINGUAL), "-o", str(tmp_path / "site"), "--lang", "de")
    assert result.exit_code == 2
    assert "planner: --lang: `de` has no catalog; languages: en, ar, es, fr" in result.output
    assert not (tmp_path / "site").exists()


def test_subscribe_links_from_a_language_folder_point_at_the_shared_feeds(
    tmp_path: Path,
) -> None:
    out = tmp_path / "site"
    base = "https://example.org/tour/"
    result = run_build("-f", str(MULTILINGUAL), "-o", str(out), "--base-url", base)
    assert result.exit_code == 0, result.output
    hrefs = anchors(out / "ko" / "index.html").hrefs
    webcal = [h for h in hrefs if h.startswith("webcal://")]
    assert "webcal://example.org/tour/ics/people/ana.ics" in webcal
    for href in webcal:
        path = urlsplit(href).path.removeprefix("/tour/")
        assert (out / unquote(path)).is_file(), href


def test_the_change_feed_reads_in_the_programmes_language(tmp_path: Path) -> None:
    """A Spanish programme's change feed: its words, and the times recorded, in Spanish."""
    source = tmp_path / "events.yaml"
    spanish = MULTILINGUAL.read_text("utf-8").replace("language: en", "language: es", 1)
    source.write_text(spanish, encoding="utf-8")
    out = tmp_path / "site"
    assert run_build("-f", str(source), "-o", str(out)).exit_code == 0
    source.write_text(spanish.replace('"09:40-11:10"', '"10:00-11:30"'), encoding="utf-8")
    result = run_build("-f", str(source), "-o", str(out), env={"SOURCE_DATE_EPOCH": "1700086400"})
    assert result.exit_code == 0, result.output
    page = (out / "changes.html").read_text("utf-8")
    assert "Versión 2: 1 sesión modificada (cambio de horario o lugar: 1)" in page
    assert (
        "cambio de horario o lugar: Energía solar en la azotea (Gira K-smart city)<br>"
        "horario: mar, 11 oct 2016 9:40\u201311:10 KST -&gt; mar, 11 oct 2016 10:00\u201311:30 KST"
    ) in page
