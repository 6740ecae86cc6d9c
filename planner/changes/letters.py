"""A notice as plain text, as HTML, and as a ready-to-send e-mail (stdlib ``email``).

Everything is reproducible: the Date header is the new version's time, the Message-ID and
the MIME boundaries are derived from the pair of versions and the recipient, so the same
two versions give the same files byte for byte.
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

from planner.changes.notices import Notice, NoticeItem, Span
from planner.changes.phrases import ENGLISH, Phrases

__all__ = ["Letter", "render_html", "render_message", "render_text", "subject"]

_WIDTH = 76
"""Plain-text e-mail lines stay under 78 characters (RFC 5322 2.1.1)."""


@dataclass(frozen=True, slots=True)
class Letter:
    """What every rendering of one notice shares: the programme, the sender, the version."""

    programme: str
    sender: str
    """An e-mail address (``planner@example.org``) or ``Name <address>``."""
    time: datetime
    versions: str
    """The identity of the pair of versions (OLD..NEW), for Message-ID and the sent log."""
    domain: str
    phrases: Phrases = ENGLISH


def subject(notice: Notice, letter: Letter) -> str:
    phrases = letter.phrases
    if len(notice.items) == 1:
        change = notice.items[0].change
        headline = phrases.headline(change.kinds)
        return phrases.subject_one.format(
            programme=letter.programme, title=change.title, headline=headline
        )
    return phrases.subject_many.format(programme=letter.programme, count=len(notice.items))


def _greeting(notice: Notice, phrases: Phrases) -> str:
    template = phrases.greeting_group if notice.kind == "group" else phrases.greeting
    return template.format(name=notice.name)


def _intro(notice: Notice, letter: Letter) -> str:
    phrases = letter.phrases
    if len(notice.items) == 1:
        return phrases.intro_one.format(programme=letter.programme)
    return phrases.intro_many.format(programme=letter.programme, count=len(notice.items))


def _span_lines(
    label: str, width: int, span: Span, home: str | None, phrases: Phrases
) -> list[str]:
    lines = [f"  {label + ':':<{width + 1}} {span.when}, {span.where}"]
    if span.home is not None and home is not None:
        lines.append(f"  {'':<{width + 1}} = {span.home}, {phrases.your_time.format(zone=home)}")
    return lines


def _sides(item: NoticeItem, phrases: Phrases) -> list[tuple[str, Span]]:
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
        return [(phrases.when, after)]
    sides = [(phrases.before, before), (phrases.after, after)]
    return [(label, span) for label, span in sides if span is not None]


def _heading(item: NoticeItem, phrases: Phrases) -> str:
    change = item.change
    return f"* {change.title} ({change.event_title}): {phrases.headline(change.kinds)}"


def _text_item(item: NoticeItem, home: str | None, phrases: Phrases) -> list[str]:
    lines = [_heading(item, phrases)]
    if item.before is not None and item.after is not None and item.before.title != item.after.title:
        lines.append(f"  {phrases.title}: {item.before.title} -> {item.after.title}")
    sides = _sides(item, phrases)
    width = max(len(label) for label, _ in sides) if sides else 0
    for label, span in sides:
        lines += _span_lines(label, width, span, home, phrases)
    if item.note is not None:
        lines.append(f"  {getattr(phrases, item.note)}")
    return lines


def _wrap(paragraph: str) -> list[str]:
    return textwrap.wrap(paragraph, _WIDTH, break_long_words=False, break_on_hyphens=False)


def _home(notice: Notice) -> str | None:
    return notice.home.key if notice.home is not None else None


def _members(notice: Notice, phrases: Phrases) -> list[str]:
    if not notice.members:
        return []
    return [phrases.members_affected.format(names=", ".join(p.name for p in notice.members))]


def _calendar_line(attachment: str | None, phrases: Phrases) -> str:
    if attachment is None:
        return phrases.no_calendar
    return phrases.calendar_attached.format(file=attachment)


def render_text(notice: Notice, letter: Letter, attachment: str | None) -> str:
    """The notice as plain text (the .txt file and the e-mail's text part)."""
    phrases = letter.phrases
    lines = [_greeting(notice, phrases), "", *_wrap(_intro(notice, letter)), ""]
    for item in notice.items:
        lines += [*_text_item(item, _home(notice), phrases), ""]
    for paragraph in _members(notice, phrases):
        lines += [*_wrap(paragraph), ""]
    lines += [*_wrap(_calendar_line(attachment, phrases)), "", *_wrap(phrases.closing)]
    return "\n".join(lines) + "\n"


_CSS = (
    "body{font:15px/1.45 system-ui,sans-serif;color:#1d2433;max-width:40rem}"
    "table{border-collapse:collapse;margin:.3rem 0 1rem}"
    "th,td{text-align:left;vertical-align:top;padding:.25rem .6rem;border-bottom:1px solid #e6e8f0}"
    ".home{color:#667}.note{font-weight:600}"
)


def _html_span(label: str, span: Span, home: str | None, phrases: Phrases) -> str:
    extra = ""
    if span.home is not None and home is not None:
        your = escape(phrases.your_time.format(zone=home))
        extra = f'<br><span class="home">{escape(span.home)} ({your})</span>'
    return (
        f"<tr><th>{escape(label)}</th><td>{escape(span.when)}{extra}</td>"
        f"<td>{escape(span.where)}</td></tr>"
    )


def _html_item(item: NoticeItem, home: str | None, phrases: Phrases) -> str:
    change = item.change
    rows = []
    if item.before is not None and item.after is not None and item.before.title != item.after.title:
        rows.append(
            f"<tr><th>{escape(phrases.title)}</th>"
            f'<td colspan="2">{escape(item.before.title)} → {escape(item.after.title)}</td></tr>'
        )
    rows += [_html_span(label, span, home, phrases) for label, span in _sides(item, phrases)]
    note = f'<p class="note">{escape(getattr(phrases, item.note))}</p>' if item.note else ""
    return (
        f"<h2>{escape(change.title)} <small>({escape(change.event_title)}): "
        f"{escape(phrases.headline(change.kinds))}</small></h2>"
        f"{note}<table>{''.join(rows)}</table>"
    )


def render_html(notice: Notice, letter: Letter, attachment: str | None) -> str:
    """The notice as a standalone HTML page (the .html file and the e-mail's HTML part)."""
    phrases = letter.phrases
    members = "".join(f"<p>{escape(line)}</p>" for line in _members(notice, phrases))
    parts = [
        "<!doctype html>",
        f'<html lang="{escape(phrases.language)}"><head><meta charset="utf-8">',
        f"<title>{escape(subject(notice, letter))}</title><style>{_CSS}</style></head><body>",
        f"<p>{escape(_greeting(notice, phrases))}</p>",
        f"<p>{escape(_intro(notice, letter))}</p>",
        *(_html_item(item, _home(notice), phrases) for item in notice.items),
        members,
        f"<p>{escape(_calendar_line(attachment, phrases))}</p>",
        f'<p class="home">{escape(phrases.closing)}</p>',
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
