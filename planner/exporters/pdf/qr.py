"""QR codes (the ``qrcode`` package, as SVG, imported only here) that subscribe a calendar.

A phone's camera opens a ``webcal://`` link in its calendar app, which subscribes to the
feed (and keeps it up to date); the ``https://`` address of the same feed is printed under
the code for whoever types it.
"""

from __future__ import annotations

import base64
from urllib.parse import quote, urlsplit

from planner.exporters.itinerary.as_html import escape

__all__ = ["feed_urls", "qr_figure", "qr_svg"]


def feed_urls(base_url: str, path: str) -> tuple[str, str]:
    """``(webcal://..., https://...)`` of the feed at ``path`` under the site's address."""
    https = base_url.rstrip("/") + "/" + quote(path)
    parts = urlsplit(https)
    return f"webcal://{parts.netloc}{parts.path}", https


def qr_svg(text: str) -> str:
    """The QR code of ``text`` (medium error correction, a 4-module quiet zone) as SVG.

    The ``qrcode`` package makes the code; the SVG draws each row's runs of dark modules
    as one rectangle apiece, a few hundred path segments rather than a square per module,
    which keeps a 30-member pack quick to print.
    """
    import qrcode  # type: ignore[import-untyped]  # only when a code is drawn

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    size = len(matrix)
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < size:
            if row[x]:
                start = x
                while x < size and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'width="{size}mm" height="{size}mm" shape-rendering="crispEdges">'
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>'
    )


def qr_figure(base_url: str, path: str, caption: str, alt: str = "QR code: {url}") -> str:
    """A ``<figure>`` with the code subscribing to the feed at ``path``, and its address.

    ``alt`` is the code's text for a screen reader, ``{url}`` its ``webcal://`` link. The
    address stays left to right in a right-to-left page (``dir="ltr"``)."""
    webcal, https = feed_urls(base_url, path)
    data = base64.b64encode(qr_svg(webcal).encode("utf-8")).decode("ascii")
    return (
        f'<figure class="qr"><img src="data:image/svg+xml;base64,{data}" '
        f'alt="{escape(alt.format(url=webcal))}"><figcaption>{escape(caption)}<br>'
        f'<span class="url" dir="ltr">{escape(https)}</span></figcaption></figure>'
    )
