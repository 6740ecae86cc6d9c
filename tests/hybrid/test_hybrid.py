"""Hybrid sessions: people who join a session in a room online (``remote:``)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from planner.cli import app
from planner.validation import validate_file

NAIROBI = Path(__file__).parent / "nairobi.yaml"


def _codes(path: Path) -> list[tuple[str, str]]:
    report = validate_file(path)
    return [(d.code, d.message) for d in report.diagnostics]


def test_the_nairobi_panel_warns_only_of_the_night_in_bogota() -> None:
    found = _codes(NAIROBI)
    assert [code for code, _ in found] == ["night-session"], found
    message = found[0][1]
    assert "Ana María Restrepo in America/Bogota" in message
    assert "06:00-07:30" in message and "Maria Santos" not in message


def test_seated_speakers_would_overfill_the_room_and_miss_their_flight(tmp_path: Path) -> None:
    seated = tmp_path / "events.yaml"
    seated.write_text(NAIROBI.read_text().replace("        remote: [ana, maria]\n", ""))
    codes = sorted(code for code, _ in _codes(seated))
    assert "over-capacity" in codes and "outside-presence" in codes
    assert "night-session" not in codes  # both are now in the room, at 14:00 in Nairobi


def test_a_remote_speaker_reads_the_link_not_the_room() -> None:
    result = CliRunner().invoke(app, ["itinerary", "ana", "-f", str(NAIROBI), "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    rows = json.loads(result.stdout)
    rows = rows if isinstance(rows, list) else rows["items"]
    panel = next(row for row in rows if "Panel" in row["title"])
    assert panel["online_url"] == "https://meet.example.org/panel"
    assert panel.get("room_name") is None and panel.get("venue_name") is None


def test_a_seated_official_reads_the_room() -> None:
    result = CliRunner().invoke(
        app, ["itinerary", "wanjiru", "-f", str(NAIROBI), "--format", "markdown"]
    )
    assert result.exit_code == 0, result.output
    assert "Tsavo Room" in result.stdout


def test_the_agenda_marks_remote_speakers() -> None:
    result = CliRunner().invoke(app, ["agenda", "-f", str(NAIROBI), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert "Ana María Restrepo (online)" in result.stdout


def test_feeds_show_the_link_to_who_joins_online_and_the_room_to_who_sits_in_it() -> None:
    from icalendar import Calendar

    def panel(person: str) -> dict[str, str]:
        result = CliRunner().invoke(app, ["ics", "--person", person, "-f", str(NAIROBI)])
        assert result.exit_code == 0, result.output
        events = Calendar.from_ical(result.stdout_bytes).walk("VEVENT")
        found = next(e for e in events if str(e["SUMMARY"]).startswith("Panel"))
        return {key: str(found.get(key)) for key in ("UID", "LOCATION", "URL")}

    remote, seated = panel("ana"), panel("wanjiru")
    assert remote["LOCATION"] == "Online"
    assert remote["URL"] == "https://meet.example.org/panel"
    assert seated["LOCATION"].startswith("Tsavo Room, Kenyatta International Convention Centre")
    assert remote["UID"] == seated["UID"]  # one session, seen from two places


def test_a_hybrid_session_still_occupies_its_room(tmp_path: Path) -> None:
    clash = tmp_path / "events.yaml"
    text = NAIROBI.read_text()
    extra = (
        '      - {id: briefing, title: Press briefing, date: 2024-03-05, time: "15:00-16:00",\n'
        "         room: tsavo, participants: [otieno]}\n"
    )
    clash.write_text(text + extra)
    found = _codes(clash)
    assert any(
        code == "room-double-booked" and "Press briefing" in message for code, message in found
    ), found
