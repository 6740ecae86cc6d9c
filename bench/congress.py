"""A congress-sized c3voc schedule.json (the 1,000-session, 70-room shape) for import timing.

    python bench/congress.py -o bench/out/congress.json [--sessions 1000] [--rooms 70]

Made-up but shaped like a real congress export: four days, talks of 30 to 120 minutes in
every room from 10:00 to 02:00, a few speakers in several sessions, Markdown abstracts,
links, tracks with colours, recording opt-outs, pretalx-style persons.
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

__all__ = ["congress"]

_CET = timezone(timedelta(hours=1))
_TRACKS = ["Security", "Hardware & Making", "Ethics, Society & Politics", "Science",
           "Art & Culture", "Entertainment", "CCC"]  # fmt: skip


def congress(sessions: int = 1000, rooms: int = 70, seed: int = 37) -> dict[str, Any]:
    rng = random.Random(seed)
    names = [f"Room {chr(65 + i % 26)}{i // 26 or ''}" for i in range(rooms)]
    people = [f"Speaker {n:04d}" for n in range(sessions * 3 // 4)]
    days: list[dict[str, Any]] = []
    made = 0
    for index in range(4):
        start = datetime(2026, 12, 27 + index, 10, 0, tzinfo=_CET)
        schedule: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
        # Round the rooms, a talk each, so that every room has its share of the day.
        clocks = {room: start + timedelta(minutes=15 * rng.randrange(4)) for room in names}
        last, quota = start + timedelta(hours=16), sessions * (index + 1) // 4
        while made < quota and min(clocks.values()) < last:
            for room in names:
                if made == quota or clocks[room] >= last:
                    continue
                length = rng.choice([30, 40, 60, 60, 90, 120])
                schedule[room].append(_event(rng, made, clocks[room], length, room, people))
                clocks[room] += timedelta(minutes=length + 15)
                made += 1
        days.append({
            "index": index + 1, "date": start.date().isoformat(),
            "day_start": start.isoformat(), "day_end": (start + timedelta(hours=18)).isoformat(),
            "rooms": schedule,
        })  # fmt: skip
    return {"schedule": {"version": "congress 1.0", "conference": {
        "acronym": "congress", "title": "Congress 2026", "start": "2026-12-27",
        "end": "2026-12-30", "daysCount": 4, "timeslot_duration": "00:05",
        "time_zone_name": "Europe/Berlin",
        "tracks": [{"name": t, "color": f"#{rng.randrange(0x1000000):06x}"} for t in _TRACKS],
        "rooms": [{"name": n, "guid": str(uuid.uuid5(uuid.NAMESPACE_URL, n))} for n in names],
        "days": days}}}  # fmt: skip


def _event(
    rng: random.Random, number: int, start: datetime, minutes: int, room: str, people: list[str]
) -> dict[str, Any]:
    speakers = rng.sample(people, rng.choice([1, 1, 1, 2, 3]))
    return {
        "guid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"congress/{number}")), "id": number + 1,
        "date": start.isoformat(), "start": start.strftime("%H:%M"),
        "duration": f"{minutes // 60:02d}:{minutes % 60:02d}", "room": room,
        "slug": f"congress-{number + 1}-talk", "url": f"https://congress.example.org/talk/{number}",
        "title": f"Talk {number}: {rng.choice(['On', 'Beyond', 'Hacking', 'Rethinking'])} "
                 f"{rng.choice(['the grid', 'rockets', 'privacy', 'satellites', 'voting'])}",
        "subtitle": "", "track": rng.choice(_TRACKS), "type": "Talk",
        "language": rng.choice(["en", "de", "de-CH"]),
        "abstract": "A **Markdown** abstract. " * rng.randrange(1, 4),
        "description": "Long description.\n\n- with\n- a list\n\n" * rng.randrange(1, 6),
        "recording_license": "", "do_not_record": rng.random() < 0.05,
        "persons": [{"code": f"P{zlib.crc32(p.encode()) % 10**6:06d}", "name": p, "biography": None}
                    for p in speakers],
        "links": [{"url": f"https://congress.example.org/slides/{number}.pdf", "title": "Slides",
                   "type": "slides"}],
        "attachments": [],
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--rooms", type=int, default=70)
    args = parser.parse_args()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(congress(args.sessions, args.rooms), ensure_ascii=False, indent=1)
    args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
