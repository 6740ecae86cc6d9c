"""planner's print HTML: the pages a PDF is made from, with running headers and page numbers.

The page header names the programme (left) and whose document it is (right, from the
``string-set`` of each part's ``h1``, so a pack's member pages carry that member's name);
the footer numbers the pages. Days start on a new page; rows never split across pages and
a table's heading repeats where a day runs over. Fonts: Noto, the reader's script first
(:mod:`planner.exporters.pdf.fonts`).

A right-to-left language (Arabic) is laid out right to left: ``dir="rtl"`` on the page,
so the columns are mirrored (the times on the right), the running header's sides swap,
and the time cells stay left to right, isolated, so a span of times reads as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from planner.exporters.itinerary.as_html import HtmlRenderer, directed, escape
from planner.exporters.itinerary.model import Schedule
from planner.exporters.pdf.fonts import font_stack
from planner.exporters.pdf.words import print_words
from planner.languages import Language

__all__ = ["PAPERS", "css_string", "page", "page_numbers", "schedule_part"]

PAPERS = {"a4": "A4", "letter": "letter"}
"""``--paper`` choices and their CSS page sizes."""

_CSS = """
@page {
  size: %(size)s; margin: 20mm 12mm 16mm;
  @top-%(start)s { content: %(programme)s; font: 8pt %(fonts)s; color: #555;
    vertical-align: bottom; padding-bottom: 3mm; direction: %(direction)s; }
  @top-%(end)s { content: string(subject); font: 8pt %(fonts)s; color: #555;
    vertical-align: bottom; padding-bottom: 3mm; direction: %(direction)s; }
  @bottom-center { content: %(pages)s; font: 8pt %(fonts)s; color: #555;
    direction: %(direction)s; }
}
@page cover { @top-left { content: none; } @top-right { content: none; } }
html { font-family: %(fonts)s; font-size: 9.5pt; color: #1a1a1a; line-height: 1.3; }
body { margin: 0; }
h1 { font-size: 16pt; margin: 0 0 3mm; }
h1 .subject { string-set: subject content(); }
h1 .kind { font-weight: normal; color: #555; }
h2 { font-size: 12pt; margin: 0 0 2mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #333;
  break-after: avoid; }
h2 .events { font-weight: normal; color: #555; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
table.details { width: auto; margin: 0 0 5mm; font-size: 9.5pt; }
table.details th { font-size: 9.5pt; text-transform: none; letter-spacing: 0; color: inherit;
  padding: .2mm 5mm .2mm 0; border: 0; white-space: nowrap; }
table.details td { padding: .2mm 0; border: 0; }
.part { break-before: page; }
.part:first-child { break-before: auto; }
section.day { margin-top: 5mm; }
section.day + section.day { break-before: page; }
table { width: 100%%; border-collapse: collapse; font-size: 8.5pt; }
table.day { table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { text-align: start; vertical-align: top; padding: 1.2mm 1.5mm;
  border-bottom: .5pt solid #bbb; overflow-wrap: break-word; }
th { font-size: 7pt; text-transform: uppercase; letter-spacing: .03em; color: #444; }
th.time { width: 13%%; }
th.what { width: 28%%; }
th.where { width: 22%%; }
td.second { color: #555; }
tr.move td { background: #eef2f7; }
tr.cancelled td { color: #777; }
.badge { margin-left: 1mm; padding: 0 .8mm; font-size: 6.5pt; border: .5pt solid currentColor;
  border-radius: .6mm; text-transform: uppercase; }
.people, td.notes { color: #444; font-size: 8pt; }
td.notes details { display: none; }
footer { margin-top: 4mm; padding-top: 1.5mm; border-top: .5pt solid #999; }
a { color: inherit; text-decoration: none; }
header.with-qr { position: relative; padding-right: 40mm; min-height: 44mm; }
header.with-qr figure.qr { position: absolute; right: 0; top: 0; }
figure.qr { width: 34mm; margin: 0; text-align: center; font-size: 6.5pt; color: #444; }
figure.qr img { width: 34mm; height: 34mm; display: block; }
figure.qr .url { overflow-wrap: anywhere; color: #666; }
.cover { page: cover; text-align: center; padding-top: 25mm; }
.cover .programme { font-size: 13pt; color: #444; margin-bottom: 14mm; }
.cover .what { font-size: 12pt; color: #555; margin: 0 0 2mm; }
.cover h1 { font-size: 26pt; margin-bottom: 3mm; }
.cover .dates { font-size: 12pt; margin: 0 0 10mm; }
.cover h3 { margin-top: 6mm; }
.cover ol { display: inline-block; text-align: left; margin: 0; padding-left: 6mm; }
.cover figure.qr { margin: 12mm auto 0; width: 48mm; font-size: 8pt; }
.cover figure.qr img { width: 48mm; height: 48mm; }
.entry { break-inside: avoid; margin-bottom: 4mm; }
.entry p { margin: .6mm 0; }
.muted { color: #555; }
[dir="rtl"] td.time { direction: ltr; unicode-bidi: isolate; text-align: right; }
[dir="rtl"] table.details th { padding: .2mm 0 .2mm 5mm; }
[dir="rtl"] .badge { margin-left: 0; margin-right: 1mm; }
[dir="rtl"] header.with-qr { padding-right: 0; padding-left: 40mm; }
[dir="rtl"] header.with-qr figure.qr { right: auto; left: 0; }
[dir="rtl"] .cover ol { text-align: right; padding-left: 0; padding-right: 6mm; }
"""


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: every character but letters, digits and spaces is
    written as a hex escape, so nothing from the YAML can end the string or the rule."""
    out = []
    for char in text:
        if char.isalnum() or char == " ":
            out.append(char)
        else:
            out.append(f"\\{ord(char):x} ")
    return '"' + "".join(out) + '"'


def page_numbers(template: str) -> str:
    """``Page {page} of {pages}`` as CSS content: its words as strings, its placeholders as
    the page counters, in the order the language puts them."""
    out = []
    for piece in re.split(r"(\{pages?\})", template):
        if piece in ("{page}", "{pages}"):
            out.append(f"counter({piece[1:-1]})")
        elif piece:
            out.append(css_string(piece))
    return " ".join(out)


def page(title: str, programme: str, paper: str, parts: Iterable[str], lang: Language) -> str:
    """The whole document: ``parts`` (each a ``<section class="part">``) in printed pages,
    in ``lang``'s direction and fonts."""
    rtl = lang.direction == "rtl"
    css = _CSS % {
        "size": PAPERS[paper],
        "programme": css_string(programme),
        "fonts": font_stack(lang.tag),
        "pages": page_numbers(print_words(lang).page_of),
        "start": "right" if rtl else "left",
        "end": "left" if rtl else "right",
        "direction": lang.direction,
    }
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{escape(lang.tag)}" dir="{lang.direction}">',
            '<head>\n<meta charset="utf-8">',
            f"<title>{escape(title)}</title>\n<style>{css}</style>\n</head>\n<body>",
            *parts,
            "</body>\n</html>\n",
        ]
    )


def _details(pairs: Sequence[tuple[str, str]], lang: Language) -> str:
    """Labelled details as a two-column table: WeasyPrint lays a table out in a fraction of
    the time a CSS grid takes, and a pack has one per member."""
    rows = "".join(
        f'<tr><th scope="row">{escape(label)}</th><td>{directed(value, lang)}</td></tr>'
        for label, value in pairs
    )
    return f'<table class="details">{rows}</table>'


def schedule_part(renderer: HtmlRenderer, schedule: Schedule, aside: str = "") -> str:
    """One schedule (an itinerary or agenda) as a part that starts on a new page.

    ``aside`` (a QR code) floats beside the heading.
    """
    header = schedule.header
    label = renderer.lang.gettext("{label}: ").format(label=header.title)
    kind = label.rstrip()  # the spacing after the colon is the language's (none in Chinese)
    heading = (
        f'<h1><span class="kind">{escape(kind)}</span>{label[len(kind) :]}'
        f'<span class="subject">{escape(header.subject)}</span></h1>'
    )
    body = "\n".join(renderer.body(schedule))
    facts = _details(header.details, renderer.lang)
    opening = '<header class="with-qr">' if aside else "<header>"
    return (
        f'<section class="part">\n{opening}{aside}{heading}\n{facts}</header>\n{body}\n</section>'
    )
