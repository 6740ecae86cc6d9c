"""Sending notices over SMTP, once per pair of versions.

``smtplib`` is imported here only, and this module only when ``--send`` is given, so other
commands start as fast as before. STARTTLS is used whenever the server offers it; the user
name and password come from the environment (``PLANNER_SMTP_USER``,
``PLANNER_SMTP_PASSWORD``), never from the command line, where other users could read them.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planner.changes.outbox import Outbox, read_sent, record_sent

__all__ = ["AlreadySent", "SendError", "SmtpSettings", "parse_smtp", "send"]

_TIMEOUT_SECONDS = 60


class SendError(Exception):
    """The server cannot be reached, refuses the login, or refuses a message."""


class AlreadySent(Exception):
    """Every notice of this pair of versions was sent before (``--force`` sends again)."""


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int
    user: str | None = None
    password: str | None = None

    @classmethod
    def from_environment(cls, host: str, port: int) -> SmtpSettings:
        return cls(
            host,
            port,
            os.environ.get("PLANNER_SMTP_USER") or None,
            os.environ.get("PLANNER_SMTP_PASSWORD") or None,
        )


def parse_smtp(value: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:25`` for an IPv6 address); ValueError with the reason."""
    host, colon, port = value.rpartition(":")
    if not colon or not host or not port.isdigit() or not 0 < int(port) < 65_536:
        raise ValueError(f"--smtp wants HOST:PORT (like smtp.example.org:587), not {value!r}")
    return host.strip("[]"), int(port)


def send(
    outbox: Outbox,
    settings: SmtpSettings,
    log: Path,
    *,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
) -> list[str]:
    """Send every notice that has an address and was not sent for these versions; the
    recipients sent to (``people/kim``). Each is recorded as soon as the server takes it."""
    import smtplib

    report = progress or (lambda _: None)
    done = set() if force else set(read_sent(log).get(outbox.versions, []))
    addressed = [o for o in outbox.letters if o.message["To"]]
    waiting = [o for o in addressed if o.path not in done]
    if addressed and not waiting:
        raise AlreadySent(
            f"these notices ({outbox.versions}) were all sent before; --force sends them again"
        )
    sent: list[str] = []
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=_TIMEOUT_SECONDS) as server:
            server.ehlo()
            if server.has_extn("starttls"):
                server.starttls(context=ssl.create_default_context())
                server.ehlo()
            if settings.user is not None:
                server.login(settings.user, settings.password or "")
            for outgoing in waiting:
                server.send_message(outgoing.message)
                sent.append(outgoing.path)
                record_sent(log, outbox.versions, [outgoing.path])
                report(f"sent {outgoing.path} to {outgoing.message['To']}")
    except smtplib.SMTPAuthenticationError as error:
        raise SendError(f"the SMTP server refused the login: {_said(error)}") from None
    except smtplib.SMTPException as error:
        raise SendError(f"SMTP: {_said(error)} ({len(sent)} sent before it)") from None
    except (OSError, ssl.SSLError) as error:
        raise SendError(
            f"cannot reach {settings.host}:{settings.port}: {error.strerror or error}"
        ) from None
    return sent


def _said(error: Exception) -> str:
    message = getattr(error, "smtp_error", None)
    if isinstance(message, bytes):
        return message.decode("utf-8", "replace")
    return str(error)
