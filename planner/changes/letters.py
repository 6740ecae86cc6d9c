"""A notice as plain text, as HTML, and as a ready-to-send e-mail (stdlib ``email``).

Everything is reproducible: the Date header is the new version's time, the Message-ID and
the MIME boundaries are derived from the pair of versions and the recipient, so the same
two versions give the same files byte for byte. Each notice is written in its reader's
language (``notice.language``): the subject, the body and the HTML page.
"""

from __future__ import annotations

import hashlib
import textwrap
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from html import escape
from unicodedata import east_asian_width

from planner.changes.notices import Notice, NoticeItem, Span
from planner.changes.phrases import Phrases, phrases

__all__ = ["Letter", "render_html", "render_message", "render_text", "subject"]

_WIDTH = 76
"""Plain-text e-mail lines stay under 78 characters (RFC 5322 2.1.1)."""


@dataclass(frozen=True, slots=True)
class Letter:
    """What every rendering of one notice shares: the programme, the sender, the version."""

    programme: str
    """Its name (in several languages, when the programme gives them)."""
    sender: str
    """An e-mail address (``planner@example.org``) or ``Name <address>``."""
    time: datetime
    versions: str
    """The identity of the pair of versions (OLD..NEW), for Message-ID and the sent log."""
    domain: str


def _programme(notice: Notice, letter: Letter) -> str:
    return notice.language.text(letter.programme)


def subject(notice: Notice, letter: Letter) -> str:
    words = phrases(notice.language)
    programme = _programme(notice, letter)
    if len(notice.items) == 1:
        change = notice.items[0].change
        headline = words.headline(change.kinds)
        title = notice.language.text(change.title)
        return words.subject_one.format(programme=programme, title=title, headline=headline)
    count = len(notice.items)
    return words.subject_many(count).format(programme=programme, count=count)


def _greeting(notice: Notice, words: Phrases) -> str:
    template = words.greeting_group if notice.kind == "group" else words.greeting
    return template.format(name=notice.name)


def _intro(notice: Notice, letter: Letter) -> str:
    words = phrases(notice.language)
    programme = _programme(notice, letter)
    if len(notice.items) == 1:
        return words.intro_one.format(programme=programme)
    count = len(notice.items)
    return words.intro_many(count).format(programme=programme, count=count)


def _columns(text: str) -> int:
    """How many columns ``text`` takes in a fixed-width font: Hangul and Han take two."""
    return sum(2 if east_asian_width(c) in ("W", "F") else 1 for c in text)


def _span_lines(label: str, width: int, span: Span, home: str | None, words: Phrases) -> list[str]:
    """``Before: when, where``, labels padded to ``width`` columns so the times line up."""
    separator = words.lang.pgettext("separator", ", ")
    padding = " " * (width - _columns(label))
    lines = [f"  {label}{padding}{span.when}{separator}{span.where}"]
    if span.home is not None and home is not None:
        your = words.your_time.format(zone=home)
        lines.append(f"  {'':<{width}}= {span.home}{separator}{your}")
    return lines


def _sides(item: NoticeItem, words: Phrases) -> list[tuple[str, Span]]:
    """(label, span) to show: one "When" when time and place stayed, else before and now."""
    before, after = item.before, item.after
    if (
        before is not None
        and after is not None
        and (before.when, before.where)
        == (
            after.when,
            after.where,
        )
    ):
        return [(words.when, after)]
    sides = [(words.before, before), (words.after, after)]
    return [(label, span) for label, span in sides if span is not None]


def _heading(item: NoticeItem, words: Phrases) -> str:
    change, text = item.change, words.lang.text
    what = f"{text(change.title)} ({text(change.event_title)})"
    return f"* {words.label.format(label=what)}{words.headline(change.kinds)}"


def _text_item(item: NoticeItem, home: str | None, words: Phrases) -> list[str]:
    lines = [_heading(item, words)]
    if item.before is not None and item.after is not None and item.before.title != item.after.title:
        label = words.label.format(label=words.title)
        lines.append(f"  {label}{item.before.title} -> {item.after.title}")
    sides = [(words.label.format(label=label), span) for label, span in _sides(item, words)]
    width = max(_columns(label) for label, _ in sides) if sides else 0
    for label, span in sides:
        lines += _span_lines(label, width, span, home, words)
    if item.note is not None:
        lines.append(f"  {words.note(item.note)}")
    return lines


def _wrap(paragraph: str) -> list[str]:
    return textwrap.wrap(paragraph, _WIDTH, break_long_words=False, break_on_hyphens=False)


def _home(notice: Notice) -> str | None:
    """The reader's home zone as their language names its city (``Lagos``, ``라고스``);
    English keeps the zone's name (``Africa/Lagos``)."""
    if notice.home is None:
        return None
    return notice.language.formats.city(notice.home) or notice.home.key


def _members(notice: Notice, words: Phrases) -> list[str]:
    if not notice.members:
        return []
    names = words.lang.formats.names([p.name for p in notice.members])
    return [words.members_affected.format(names=names)]


def _calendar_line(attachment: str | None, words: Phrases) -> str:
    if attachment is None:
        return words.no_calendar
    return words.calendar_attached.format(file=attachment)


def render_text(notice: Notice, letter: Letter, attachment: str | None) -> str:
    """The notice as plain text (the .txt file and the e-mail's text part)."""
    words = phrases(notice.language)
    lines = [_greeting(notice, words), "", *_wrap(_intro(notice, letter)), ""]
    for item in notice.items:
        lines += [*_text_item(item, _home(notice), words), ""]
    for paragraph in _members(notice, words):
        lines += [*_wrap(paragraph), ""]
    lines += [*_wrap(_calendar_line(attachment, words)), "", *_wrap(words.closing)]
    return "\n".join(lines) + "\n"


_CSS = (
    "body{font:15px/1.45 system-ui,sans-serif;color:#1d2433;max-width:40rem}"
    "table{border-collapse:collapse;margin:.3rem 0 1rem}"
    "th,td{text-align:left;vertical-align:top;padding:.25rem .6rem;border-bottom:1px solid #e6e8f0}"
    ".home{color:#667}.note{font-weight:600}"
)


def _html_span(label: str, span: Span, home: str | None, words: Phrases) -> str:
    extra = ""
    if span.home is not None and home is not None:
        your = escape(words.your_time.format(zone=home))
        extra = f'<br><span class="home">{escape(span.home)} ({your})</span>'
    return (
        f"<tr><th>{escape(label)}</th><td>{escape(span.when)}{extra}</td>"
        f"<td>{escape(span.where)}</td></tr>"
    )


def _html_item(item: NoticeItem, home: str | None, words: Phrases) -> str:
    change, text = item.change, words.lang.text
    rows = []
    if item.before is not None and item.after is not None and item.before.title != item.after.title:
        rows.append(
            f"<tr><th>{escape(words.title)}</th>"
            f'<td colspan="2">{escape(item.before.title)} → {escape(item.after.title)}</td></tr>'
        )
    rows += [_html_span(label, span, home, words) for label, span in _sides(item, words)]
    note = f'<p class="note">{escape(words.note(item.note))}</p>' if item.note else ""
    what = f"({text(change.event_title)})"
    return (
        f"<h2>{escape(text(change.title))} <small>"
        f"{escape(words.label.format(label=what))}{escape(words.headline(change.kinds))}"
        f"</small></h2>{note}<table>{''.join(rows)}</table>"
    )


def render_html(notice: Notice, letter: Letter, attachment: str | None) -> str:
    """The notice as a standalone HTML page (the .html file and the e-mail's HTML part)."""
    words = phrases(notice.language)
    members = "".join(f"<p>{escape(line)}</p>" for line in _members(notice, words))
    lang = notice.language
    parts = [
        "<!doctype html>",
        f'<html lang="{escape(lang.tag)}" dir="{lang.direction}"><head><meta charset="utf-8">',
        f"<title>{escape(subject(notice, letter))}</title><style>{_CSS}</style></head><body>",
        f"<p>{escape(_greeting(notice, words))}</p>",
        f"<p>{escape(_intro(notice, letter))}</p>",
        *(_html_item(item, _home(notice), words) for item in notice.items),
        members,
        f"<p>{escape(_calendar_line(attachment, words))}</p>",
        f'<p class="home">{escape(words.closing)}</p>',
        "</body></html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _token(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:24]


def render_message(
    notice: Notice, letter: Letter, calendar: bytes | None, attachment: str | None
) -> EmailMessage:
    """The e-mail: text and HTML alternatives, the person's calendar attached; addressed to
    the person when the programme gives an e-mail address."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = subject(notice, letter)
    message["From"] = letter.sender
    if notice.email:
        message["To"] = Address(display_name=notice.name, addr_spec=notice.email)
    message["Date"] = format_datetime(letter.time)
    token = _token(letter.versions, notice.kind, notice.id)
    message["Message-ID"] = f"<{token}@{letter.domain}>"
    message["X-Planner-Versions"] = letter.versions
    message.set_content(render_text(notice, letter, attachment))
    message.add_alternative(render_html(notice, letter, attachment), subtype="html")
    if calendar is not None and attachment is not None:
        message.add_attachment(calendar, maintype="text", subtype="calendar", filename=attachment)
    for index, part in enumerate(message.walk()):
        if part.is_multipart():  # the generator would pick random boundaries
            part.set_boundary(f"=_planner_{index}_{token}")
    return message
