"""Notices in the reader's language: a person's ``language``, else their group's, else the
programme's, without any flag; ``notify --lang`` for all; the real message over SMTP."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from planner.cli import app
from tests.changes.conftest import AFTER, BEFORE, STAMPS
from tests.changes.test_notify import _eml, _Inbox, _notify, smtp_server  # noqa: F401
from tests.conftest import check_golden

GOLDEN = Path(__file__).parent / "golden"


def _readers(text: str) -> str:
    """Ada reads Spanish; Rui has no language but his delegation reads French."""
    return text.replace("timezone: Africa/Lagos}", "timezone: Africa/Lagos, language: es}").replace(
        "members: [ada, rui]}", "members: [ada, rui], language: fr}"
    )


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(STAMPS[1]))
    for name in ("PLANNER_SMTP_USER", "PLANNER_SMTP_PASSWORD", "PLANNER_SMTP_FROM"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def readers(tmp_path: Path) -> tuple[Path, Path]:
    paths = []
    for name, text in (("before", BEFORE), ("after", AFTER)):
        path = tmp_path / name / "events.yaml"
        path.parent.mkdir()
        path.write_text(_readers(text), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def test_each_reader_gets_their_language_without_a_flag(
    runner: CliRunner, readers: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "notices"
    code, output = _notify(runner, str(readers[0]), str(readers[1]), "-o", str(out), "--groups")
    assert code == 0, output
    assert output == f"3 notices and 1 group notice in {out}/\n"  # the organiser's: English
    ada = (out / "people" / "ada.txt").read_text("utf-8")
    check_golden(GOLDEN / "ada.es.txt", ada)
    message = _eml(out / "people" / "ada.eml")
    headers = "".join(f"{k}: {v}\n" for k, v in message.items() if k != "Content-Type")
    check_golden(GOLDEN / "ada.es.eml-headers", headers)
    html = (out / "people" / "ada.html").read_text("utf-8")
    assert '<html lang="es" dir="ltr">' in html and "Estimado/a Ada Obi:" in html
    assert (out / "people" / "rui.txt").read_text("utf-8").startswith("Bonjour Rui Costa,")
    assert (out / "people" / "kim.txt").read_text("utf-8").startswith("Dear Kim Min-jun,")
    group = (out / "groups" / "delegation.txt").read_text("utf-8")
    assert group.startswith("Aux membres de Delegation,")
    assert "Membres concernés : Ada Obi et Rui Costa" in group


def test_lang_writes_every_notice_in_one_language(
    runner: CliRunner, readers: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "notices"
    code, output = _notify(runner, str(readers[0]), str(readers[1]), "-o", str(out), "--lang", "ar")
    assert code == 0, output
    for who in ("ada", "kim", "rui"):
        html = (out / "people" / f"{who}.html").read_text("utf-8")
        assert '<html lang="ar" dir="rtl">' in html, who
    kim = (out / "people" / "kim.txt").read_text("utf-8")
    assert "أُلغيت هذه الجلسة." in kim or "تغيّر الموعد أو المكان" in kim


def test_lang_without_a_catalog_is_a_usage_error(
    runner: CliRunner, readers: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "notices"
    code, output = _notify(runner, str(readers[0]), str(readers[1]), "-o", str(out), "--lang", "xx")
    assert code == 2
    assert "planner: --lang: `xx` has no catalog; languages: en, ar, es" in output
    assert not out.exists()


def test_the_spanish_message_as_the_server_receives_it(
    runner: CliRunner, readers: tuple[Path, Path], tmp_path: Path,
    smtp_server: tuple[_Inbox, int], monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:  # fmt: skip
    inbox, port = smtp_server
    monkeypatch.setenv("PLANNER_SMTP_USER", "planner")
    monkeypatch.setenv("PLANNER_SMTP_PASSWORD", "s3cret")
    args = [str(readers[0]), str(readers[1]), "-o", str(tmp_path / "n")]
    code, output = _notify(runner, *args, "--send", "--smtp", f"127.0.0.1:{port}")
    assert code == 0, output
    [ada] = [m for m in inbox.messages if "ada@" in str(m["To"])]
    assert ada["Subject"] == "Change tour: 3 cambios en su programa"
    text = ada.get_body(("plain",))
    html = ada.get_body(("html",))
    assert text is not None and html is not None
    body = text.get_content().replace("\r\n", "\n")
    assert body.startswith("Estimado/a Ada Obi:\n\nHan cambiado 3 sesiones de Change tour")
    assert "mié, 17 abr 2024 13:00\u201314:45 KST" in body
    assert "Adjuntamos su calendario actualizado (ada.ics)" in body
    assert 'lang="es"' in html.get_content()


def test_a_spanish_reader_gets_spanish_pages_from_build_without_a_flag(
    readers: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(app, ["build", "-f", str(readers[1]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    itinerary = (out / "itineraries" / "people" / "ada.md").read_text("utf-8")
    assert itinerary.startswith("# Itinerario: Ada Obi")
    assert "miércoles, 17 de abril de 2024" in itinerary
    index = (out / "es" / "index.html").read_text("utf-8")
    assert '<html lang="es" dir="ltr">' in index and "../itineraries/people/ada.md" in index
    assert (out / "fr" / "index.html").is_file()  # the delegation reads French


def test_a_travel_leg_in_the_change_feed_is_named_in_the_programmes_language() -> None:
    from planner import load
    from planner.changes.marks import leg_snapshot
    from planner.languages import language
    from tests.conftest import EVENTS_YAML

    person = load(EVENTS_YAML).people["idb-official"]
    leg = person.travel[0]
    assert leg_snapshot("uid", leg, person.name).event == "Travel: IDB official"
    assert leg_snapshot("uid", leg, person.name, language("es")).event == "Traslado: IDB official"
