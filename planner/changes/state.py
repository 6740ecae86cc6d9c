"""The state file: each session's published version, and the history of versions.

A build writes it into its output (``planner-state.json``) and reads it back next time, so
SEQUENCE and LAST-MODIFIED rise only when a session changes. ``--previous`` reads it from
elsewhere: a path, or an ``http(s)://`` URL (a CI job that starts from a clean checkout
reads it from the published site). The file is JSON with sorted keys and no clock in it:
the same state written twice gives the same bytes.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

__all__ = [
    "STATE_FILE",
    "Change",
    "FieldText",
    "Record",
    "State",
    "StateError",
    "Version",
    "dump_state",
    "parse_state",
    "read_state",
]

STATE_FILE = "planner-state.json"
FORMAT = 1
_TIMEOUT_SECONDS = 30


class StateError(Exception):
    """A previous state that cannot be read: missing, unreachable, or not planner's."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Record(_Frozen):
    """A session as last published: its version, its marks, and its words."""

    key: str
    event: str
    title: str
    status: str
    when: str
    where: str
    marks: dict[str, str]
    sequence: int
    modified: datetime
    removed: bool = False
    """Gone from the programme; kept so that a session that comes back gets a higher SEQUENCE."""


class FieldText(_Frozen):
    field: str
    before: str
    after: str


class Change(_Frozen):
    """What one version did to one session."""

    uid: str
    key: str
    event: str
    title: str
    kinds: tuple[str, ...]
    """``planner.diff.ChangeKind`` values: moved, retitled, cancelled, added, removed ..."""
    fields: tuple[FieldText, ...] = ()
    sequence: int


class Version(_Frozen):
    """One published version that changed something (the first publishes everything)."""

    number: int
    time: datetime
    sessions: int
    """How many sessions this version publishes."""
    changes: tuple[Change, ...] = ()


class State(_Frozen):
    format: int = FORMAT
    programme: str
    uid_domain: str
    versions: tuple[Version, ...]
    sessions: dict[str, Record]

    @property
    def latest(self) -> Version:
        return self.versions[-1]


def dump_state(state: State) -> bytes:
    document = state.model_dump(mode="json")
    text = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def parse_state(data: bytes, origin: str) -> State:
    """The state in ``data``; :class:`StateError` naming ``origin`` when it is not one."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StateError(f"{origin}: not a planner state file ({error})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise StateError(f"{origin}: not a planner state file (format {FORMAT} expected)")
    try:
        state = State.model_validate(document)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        reason = first.get("ctx", {}).get("error") if first["type"] == "value_error" else None
        raise StateError(f"{origin}: {where}: {reason or first['msg']}") from None
    if not state.versions:
        raise StateError(f"{origin}: the state has no version")
    return state


def _is_url(source: str) -> bool:
    return source.startswith(("https://", "http://"))


def _fetch(url: str) -> bytes:
    import urllib.error  # only when a URL is given: urllib.request is slow to import
    import urllib.request

    if url.endswith("/"):
        url += STATE_FILE
    try:
        with urllib.request.urlopen(url, timeout=_TIMEOUT_SECONDS) as response:
            data: bytes = response.read()
            return data
    except urllib.error.HTTPError as error:
        # The error holds the response and its socket: close it, or it lingers until the
        # collector finds it (an "unclosed socket" ResourceWarning in whatever runs then).
        code = error.code
        error.close()
        raise StateError(f"cannot read the previous state at {url}: HTTP {code}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise StateError(f"cannot read the previous state at {url}: {reason}") from None


def read_state(source: str | Path) -> State:
    """The state at a path (a state file, or the folder holding one) or an http(s) URL
    (the file, or the folder with a trailing slash)."""
    text = str(source)
    if _is_url(text):
        return parse_state(_fetch(text), text)
    path = Path(source)
    if path.is_dir():
        path = path / STATE_FILE
    try:
        data = path.read_bytes()
    except OSError as error:
        raise StateError(f"cannot read the previous state {path}: {error.strerror}") from None
    return parse_state(data, str(path))
