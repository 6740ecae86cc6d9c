"""Two versions of a small programme: one session moved, one cancelled, one retitled, one
left alone; people with home zones and e-mails, so notices have someone to write to."""

from __future__ import annotations

from pathlib import Path

import pytest

BEFORE = """\
version: 1
programme: {name: Change tour, timezone: Asia/Seoul, uid_domain: changes.example.org}
venues:
  hall: {name: Seoul Global Center, timezone: Asia/Seoul, rooms: {a: {name: Room A}, b: {name: Room B}}}
  pangyo: {name: Pangyo Techno Valley, timezone: Asia/Seoul}
people:
  kim: {name: Kim Min-jun, email: kim@example.org, timezone: Asia/Seoul}
  ada: {name: Ada Obi, email: ada@example.org, timezone: Africa/Lagos}
  rui: {name: Rui Costa, timezone: Europe/Lisbon}
  sam: {name: Sam Lee, email: sam@example.org}
groups:
  delegation: {name: Delegation, members: [ada, rui]}
events:
  tour:
    title: Tour
    venue: hall
    sessions:
      - {id: visit, title: Pangyo visit, date: 2024-04-17, time: "10:00-11:45", venue: pangyo, participants: [delegation, kim]}
      - {id: dinner, title: Dinner, date: 2024-04-17, time: "19:00-21:00", room: a, participants: [delegation]}
      - {id: talk, title: Opening talk, date: 2024-04-18, time: "09:00-10:00", room: b, participants: [kim, ada]}
      - {id: walk, title: City walk, date: 2024-04-18, time: "14:00-16:00", participants: [sam]}
"""

AFTER = (
    BEFORE.replace('"10:00-11:45", venue: pangyo', '"13:00-14:45", venue: pangyo')
    .replace('time: "19:00-21:00", room: a,', 'time: "19:00-21:00", room: a, status: cancelled,')
    .replace("title: Opening talk", "title: Opening keynote")
)

STAMPS = (1_713_000_000, 1_713_100_000, 1_713_200_000)


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    before = tmp_path / "before" / "events.yaml"
    after = tmp_path / "after" / "events.yaml"
    for path, text in ((before, BEFORE), (after, AFTER)):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    return before, after
