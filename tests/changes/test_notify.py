"""planner notify: notices for exactly the people a change concerns; sent once over SMTP."""

from __future__ import annotations

import email
import email.policy
import os
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import icalendar
import pytest
from typer.testing import CliRunner

from planner.cli import app
from tests.changes.conftest import STAMPS
from tests.conftest import check_golden

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(STAMPS[1]))
    for name in ("PLANNER_SMTP_USER", "PLANNER_SMTP_PASSWORD", "PLANNER_SMTP_FROM"):
        monkeypatch.delenv(name, raising=False)


def _notify(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["notify", *args])
    return result.exit_code, result.output


def _eml(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_notices_for_exactly_the_people_concerned(
    runner: CliRunner, versions: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "notices"
    code, output = _notify(runner, str(versions[0]), str(versions[1]), "-o", str(out))
    assert code == 0, output
    assert output == f"3 notices in {out}/\n"
    # sam's walk did not change: sam gets nothing.
    assert sorted(p.name for p in (out / "people").iterdir()) == [
        f"{who}.{ext}" for who in ("ada", "kim", "rui") for ext in ("eml", "html", "txt")
    ]
    for who in ("ada", "kim", "rui"):
        check_golden(GOLDEN / f"{who}.txt", (out / "people" / f"{who}.txt").read_text("utf-8"))
        message = _eml(out / "people" / f"{who}.eml")
        headers = "".join(f"{k}: {v}\n" for k, v in message.items() if k != "Content-Type")
        check_golden(GOLDEN / f"{who}.eml-headers", headers)


def test_the_eml_is_ready_to_send(
    runner: CliRunner, versions: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "notices"
    assert _notify(runner, str(versions[0]), str(versions[1]), "-o", str(out))[0] == 0
    message = _eml(out / "people" / "ada.eml")
    assert message["To"] == "Ada Obi <ada@example.org>"
    assert message["From"] == "planner@changes.example.org"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    assert "13:00\u201314:45 KST" in text.get_content()
    assert "05:00\u201306:45 WAT" in text.get_content()  # her home time, Africa/Lagos
    assert "Opening keynote" in html.get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "ada.ics"
    calendar = icalendar.Calendar.from_ical(attachment.get_content())
    sequences = {str(e["SUMMARY"]): int(e["SEQUENCE"]) for e in calendar.walk("VEVENT")}
    assert sequences == {"Pangyo visit": 1, "Cancelled: Dinner": 1, "Opening keynote": 1}
    assert _eml(out / "people" / "rui.eml")["To"] is None  # no address in the programme


def test_same_versions_give_the_same_bytes(
    runner: CliRunner, versions: tuple[Path, Path], tmp_path: Path
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        assert _notify(runner, str(versions[0]), str(versions[1]), "-o", str(out))[0] == 0
    for path in sorted(first.rglob("*.*")):
        assert path.read_bytes() == (second / path.relative_to(first)).read_bytes(), path


def test_group_notices_when_asked(
    runner: CliRunner, versions: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "notices"
    code, output = _notify(runner, str(versions[0]), str(versions[1]), "-o", str(out), "--groups")
    assert code == 0, output
    assert output == f"3 notices and 1 group notice in {out}/\n"
    text = (out / "groups" / "delegation.txt").read_text("utf-8")
    assert text.startswith("To the members of Delegation,")
    assert "Members concerned: Ada Obi, Rui Costa" in text


def test_nobody_affected_writes_nothing(
    runner: CliRunner, versions: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "notices"
    code, output = _notify(runner, str(versions[0]), str(versions[0]), "-o", str(out))
    assert (code, output) == (0, f"0 notices (nobody is affected) in {out}/\n")
    assert not (out / "people").exists()


def test_a_version_that_does_not_load(
    runner: CliRunner, versions: tuple[Path, Path], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\nprogramme: [\n", encoding="utf-8")
    code, output = _notify(runner, str(versions[0]), str(broken), "-o", str(tmp_path / "n"))
    assert code == 1
    assert "does not load" in output
    assert not (tmp_path / "n").exists()


# -- sending -------------------------------------------------------------------------------


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.logins: list[str] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        data = envelope.content  # type: ignore[attr-defined]
        message = email.message_from_bytes(data, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[_Inbox, int]]:
    pytest.importorskip("aiosmtpd")
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    inbox = _Inbox()

    def authenticate(
        server: object, session: object, envelope: object, mechanism: str, data: object
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            b"planner",
            b"s3cret",
        )
        if ok:
            inbox.logins.append("planner")
        return AuthResult(success=ok, handled=False)

    port = _free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port,
        authenticator=authenticate, auth_require_tls=False,
    )  # fmt: skip
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def test_send_once_then_refuse_then_force(
    runner: CliRunner, versions: tuple[Path, Path], tmp_path: Path,
    smtp_server: tuple[_Inbox, int], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    inbox, port = smtp_server
    monkeypatch.setenv("PLANNER_SMTP_USER", "planner")
    monkeypatch.setenv("PLANNER_SMTP_PASSWORD", "s3cret")
    out = tmp_path / "notices"
    args = [
        str(versions[0]),
        str(versions[1]),
        "-o",
        str(out),
        "--send",
        "--smtp",
        f"127.0.0.1:{port}",
    ]
    code, output = _notify(runner, *args)
    assert code == 0, output
    assert "Sent 2 via 127.0.0.1" in output and "1 without an e-mail address not sent" in output
    assert sorted(str(m["To"]) for m in inbox.messages) == [
        "Ada Obi <ada@example.org>",
        "Kim Min-jun <kim@example.org>",
    ]
    assert inbox.logins == ["planner"]
    assert inbox.messages[0].get_body(("plain",)) is not None
    code, output = _notify(runner, *args)
    assert code == 1
    assert "were all sent before; --force sends them again" in output
    assert len(inbox.messages) == 2
    code, output = _notify(runner, *args, "--force")
    assert code == 0, output
    assert len(inbox.messages) == 4


def test_a_refused_login_is_a_clear_error(
    runner: CliRunner, versions: tuple[Path, Path], tmp_path: Path,
    smtp_server: tuple[_Inbox, int], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    inbox, port = smtp_server
    monkeypatch.setenv("PLANNER_SMTP_USER", "planner")
    monkeypatch.setenv("PLANNER_SMTP_PASSWORD", "wrong")
    code, output = _notify(
        runner, str(versions[0]), str(versions[1]), "-o", str(tmp_path / "n"),
        "--send", "--smtp", f"127.0.0.1:{port}",
    )  # fmt: skip
    assert code == 1
    assert "refused the login" in output
    assert inbox.messages == []


def test_usage_errors(runner: CliRunner, versions: tuple[Path, Path], tmp_path: Path) -> None:
    base = [str(versions[0]), str(versions[1]), "-o", str(tmp_path / "n")]
    assert _notify(runner, *base, "--send")[0] == 2
    assert _notify(runner, *base, "--send", "--smtp", "nohost")[0] == 2
    assert _notify(runner, *base, "--smtp", "h:25")[0] == 2
    (tmp_path / "n").mkdir()
    (tmp_path / "n" / "mine.doc").write_text("x")
    code, output = _notify(runner, *base)
    assert code == 2 and "mine.doc" in output


def test_versions_from_git_give_the_same_bytes(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """REV:PATH as planner diff reads it; a version from git keeps its commit's time."""
    import subprocess

    from tests.changes.conftest import AFTER, BEFORE
    from tests.conftest import GIT_ENV

    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    repo = tmp_path / "repo"
    repo.mkdir()
    environment = {**os.environ, **GIT_ENV, "GIT_COMMITTER_DATE": "2024-04-14T12:00:00Z"}

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, env=environment, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    for number, text in enumerate((BEFORE, AFTER), 1):
        (repo / "events.yaml").write_text(text, encoding="utf-8")
        git("add", "events.yaml")
        git("commit", "-q", "-m", f"v{number}")
        git("tag", f"v{number}")
    monkeypatch.chdir(repo)
    outputs = []
    for name in ("a", "b"):
        code, output = _notify(
            runner, "v1:events.yaml", "v2:events.yaml", "-o", str(tmp_path / name)
        )
        assert code == 0, output
        outputs.append((tmp_path / name / "people" / "ada.eml").read_bytes())
    assert outputs[0] == outputs[1]
    assert b"Date: Sun, 14 Apr 2024 12:00:00 +0000" in outputs[0]


class _TlsInbox(_Inbox):
    def __init__(self) -> None:
        super().__init__()
        self.encrypted: list[bool] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.encrypted.append(getattr(session, "ssl", None) is not None)
        return await super().handle_DATA(server, session, envelope)


def test_starttls_when_the_server_offers_it(
    runner: CliRunner, versions: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that refuses mail before STARTTLS: planner upgrades, checking the certificate."""
    pytest.importorskip("aiosmtpd")
    import shutil
    import ssl
    import subprocess

    from aiosmtpd.controller import Controller

    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    inbox = _TlsInbox()
    port = _free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True
    )
    controller.start()
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # trust the test's own certificate
    try:
        code, output = _notify(
            runner, str(versions[0]), str(versions[1]), "-o", str(tmp_path / "n"),
            "--send", "--smtp", f"127.0.0.1:{port}",
        )  # fmt: skip
    finally:
        controller.stop()
    assert code == 0, output
    assert inbox.encrypted == [True, True]
