"""``planner validate`` on languages: a tag that is not BCP 47 is an error where it is
written (programme, people, groups, the keys of a text), and a text missing in a reader's
language is one info per text, a few texts per language, however large the programme."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from planner.cli import app
from planner.loading import load
from planner.rules import check_programme

BAD_TAGS = """\
version: 1
programme:
  name: {en: Tour, ko_KR: 투어}
  language: english
  timezone: Asia/Seoul
people:
  min: {name: Kim, language: korean, timezone: Asia/Seoul}
groups:
  g: {name: G, members: [min], language: "zh Hans"}
"""


def test_a_tag_that_is_not_bcp_47_is_an_error_at_its_place(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_TAGS, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    like = "a BCP 47 language tag (like en, es, fr, ru, ko, zh-Hans, ar or es-MX)"
    assert result.stdout.splitlines()[:4] == [
        f'{path}:3:27: error schema: "ko_KR" is not {like}',
        f'{path}:4:13: error schema: `language` should be {like}, not "english"',
        f'{path}:7:30: error schema: `language` should be {like}, not "korean"',
        f'{path}:9:42: error schema: `language` should be {like}, not "zh Hans"',
    ]


def _programme(sessions: int) -> str:
    """``sessions`` English sessions, all attended by one Korean reader."""
    lines = [
        "version: 1",
        "programme: {name: Big, timezone: Asia/Seoul, uid_domain: big.example.org}",
        "venues:",
        "  hall: {name: Hall, timezone: Asia/Seoul}",
        "people:",
        "  min: {name: Kim Min-jun, language: ko}",
        "events:",
        "  big:",
        "    title: {en: Big congress, ko: 대규모 회의}",
        "    venue: hall",
        "    participants: [min]",
        "    sessions:",
    ]
    for number in range(sessions):
        day, hour = divmod(number, 10)
        lines.append(
            f"      - {{id: s{number}, title: Talk {number}, description: About {number}., "
            f'date: 2024-{1 + day // 28:02d}-{1 + day % 28:02d}, time: "{8 + hour:02d}:00-'
            f'{8 + hour:02d}:50"}}'
        )
    return "\n".join(lines) + "\n"


def test_a_thousand_sessions_and_one_korean_reader_make_six_messages(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(_programme(1000), encoding="utf-8")
    found = check_programme(load(path), select=["missing-translation"])
    assert [d.severity.value for d in found] == ["info"] * 6
    messages = sorted(d.message for d in found)
    assert messages[0] == (
        "1995 more texts that Kim Min-jun reads have no `ko` text (titles and descriptions; "
        "the first 5 are listed above)"
    )
    assert messages[1].startswith("the description of session `big/s0` (About 0.) has no `ko`")
