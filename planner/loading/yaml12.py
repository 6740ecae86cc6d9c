"""A safe, fast YAML 1.2 reader that remembers where every value came from.

libyaml (through PyYAML's C parser) builds the node tree at C speed and keeps each node's
line and column. PyYAML's own constructors are skipped: they follow YAML 1.1, where
``NO`` is false and ``10:00`` is 600. Here plain scalars follow the YAML 1.2 core schema,
only plain data is built (no object tags), duplicate keys are reported, and aliases may
not expand beyond a budget, so a "billion laughs" file is refused instead of exhausting
memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml.reader
from yaml._yaml import CParser
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from planner.diagnostics import Diagnostic, Location, Severity
from planner.loading.sourcemap import SourceMap, pack, pack_point, unpack

__all__ = ["DEFAULT_MAX_BYTES", "Document", "parse_yaml", "read_text"]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
_ALIAS_BASE_BUDGET = 100_000

_PLAIN = "?"
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ALLOWED_SCALAR_TAGS = {
    _STR: "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
}

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")
# First characters of every plain scalar the core schema reads as something other than text.
_MAYBE_TYPED = frozenset("-+.0123456789nNtTfF~")


class _NodeParser(CParser):
    """libyaml's composer with resolution deferred to :class:`_Builder`."""

    def resolve(self, kind: type[Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _MAP if kind is MappingNode else _SEQ

    def descend_resolver(self, parent: Node | None, index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


@dataclass
class Document:
    """One parsed file: its data (None when unreadable) and what went wrong."""

    file: str
    data: Any
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_text(path: Path, display: str, max_bytes: int) -> tuple[str | None, Diagnostic | None]:
    """The file's text, or a diagnostic saying why it cannot be read as UTF-8 YAML."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, _file_diagnostic(
                display,
                "file-too-large",
                f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes; raise the "
                "limit with --max-file-size or the PLANNER_MAX_FILE_SIZE environment variable",
            )
        raw = path.read_bytes()
    except OSError as error:
        return None, _file_diagnostic(display, "include-error", f"cannot read the file: {error}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n")
        column = error.start - (before.rfind(b"\n") + 1)
        return None, Diagnostic(
            "encoding",
            Severity.ERROR,
            f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8",
            Location(display, line + 1, column + 1),
        )
    return text.removeprefix("\ufeff"), None


def _file_diagnostic(file: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, Location(file, 1, 1))


def parse_yaml(text: str, file: str, source_map: SourceMap) -> Document:
    """Parse one YAML document into plain data, recording positions in ``source_map``."""
    document = Document(file, None)
    try:
        root = _NodeParser(text).get_single_node()
    except yaml.MarkedYAMLError as error:
        document.diagnostics.append(_syntax_diagnostic(error, file))
        return document
    except yaml.reader.ReaderError as error:
        document.diagnostics.append(_reader_diagnostic(error, text, file))
        return document
    except yaml.YAMLError as error:
        document.diagnostics.append(_file_diagnostic(file, "yaml-syntax", str(error)))
        return document
    if root is None:
        document.diagnostics.append(
            _file_diagnostic(
                file, "empty-file", "the file is empty; it needs at least `version: 1`"
            )
        )
        return document
    source_map.set_root(file, root.start_mark.line, root.start_mark.column)
    builder = _Builder(file, source_map, document.diagnostics)
    try:
        document.data = builder.build(root, 0)
    except _AliasBudgetExceeded as exceeded:
        document.data = None
        document.diagnostics.append(exceeded.diagnostic)
    return document


def _syntax_diagnostic(error: yaml.MarkedYAMLError, file: str) -> Diagnostic:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "the YAML cannot be read"
    message = f"YAML syntax error: {problem}"
    if error.context and error.context_mark is not None and error.context_mark is not mark:
        message += f" ({error.context} at line {error.context_mark.line + 1})"
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    return Diagnostic("yaml-syntax", Severity.ERROR, message, Location(file, line + 1, column + 1))


def _reader_diagnostic(error: yaml.reader.ReaderError, text: str, file: str) -> Diagnostic:
    before = text[: error.position]
    line = before.count("\n")
    column = error.position - (before.rfind("\n") + 1)
    code = (
        error.character
        if isinstance(error.character, int)
        else ord(str(error.character)[:1] or " ")
    )
    return Diagnostic(
        "yaml-syntax",
        Severity.ERROR,
        f"the file contains the control character 0x{code:02x}, which YAML does not allow; "
        "remove it",
        Location(file, line + 1, column + 1),
    )


class _AliasBudgetExceeded(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


class _Builder:
    """Turns libyaml's nodes into plain data, following the YAML 1.2 core schema."""

    def __init__(self, file: str, source_map: SourceMap, diagnostics: list[Diagnostic]) -> None:
        self.file = file
        self.source_map = source_map
        self.diagnostics = diagnostics
        self.built: dict[int, tuple[Any, int]] = {}
        self.nodes = 0
        self.expanded = 0

    def build(self, node: Node, depth: int) -> Any:
        return self._node(node, depth)[0]

    def _node(self, node: Node, depth: int) -> tuple[Any, int]:
        """The value and the number of nodes it stands for once aliases are expanded."""
        if type(node) is ScalarNode:
            return self._scalar(node), 1
        seen = self.built.get(id(node))
        if seen is not None:
            self._spend_alias(node, seen[1])
            return seen
        if depth >= MAX_DEPTH:
            self._error(
                node, "yaml-syntax", f"the data is nested more than {MAX_DEPTH} levels deep"
            )
            return None, 1
        if node.tag not in (_MAP, _SEQ) or (node.tag == _MAP) != (type(node) is MappingNode):
            self._refuse_tag(node)
            return None, 1
        result: tuple[Any, int]
        if isinstance(node, MappingNode):
            result = self._mapping(node, depth)
        else:
            assert isinstance(node, SequenceNode)
            result = self._sequence(node, depth)
        self.built[id(node)] = result
        return result

    def _spend_alias(self, node: Node, size: int) -> None:
        self.expanded += size
        if self.expanded > _ALIAS_BASE_BUDGET + 2 * self.nodes:
            raise _AliasBudgetExceeded(
                Diagnostic(
                    "yaml-alias-limit",
                    Severity.ERROR,
                    "aliases (*name) here expand to more than "
                    f"{_ALIAS_BASE_BUDGET + 2 * self.nodes:,} values; planner refuses such a "
                    "file (a 'billion laughs' bomb) rather than filling memory",
                    self._location(node),
                )
            )

    def _mapping(self, node: MappingNode, depth: int) -> tuple[dict[str, Any], int]:
        result: dict[str, Any] = {}
        marks: dict[str, int] = {}
        size = 1
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                self._error(key_node, "schema", "a key must be plain text, not a list or mapping")
                continue
            key = key_node.value
            key_mark = key_node.start_mark
            if key in result:
                first_line = unpack(marks[key])[0][0] + 1
                self._error(
                    key_node,
                    "duplicate-key",
                    f"the key `{key}` appears twice in this mapping (first at line {first_line}); "
                    "remove or rename one",
                )
                continue
            value, value_size = self._node(value_node, depth + 1)
            size += value_size
            result[key] = value
            value_mark = value_node.start_mark
            marks[key] = pack(key_mark.line, key_mark.column, value_mark.line, value_mark.column)
        self.nodes += size
        self.source_map.add_mapping(result, self.file, marks)
        return result, size

    def _sequence(self, node: SequenceNode, depth: int) -> tuple[list[Any], int]:
        result: list[Any] = []
        marks: list[int] = []
        size = 1
        for item_node in node.value:
            value, value_size = self._node(item_node, depth + 1)
            size += value_size
            result.append(value)
            mark = item_node.start_mark
            marks.append(pack_point(mark.line, mark.column))
        self.nodes += size
        self.source_map.add_sequence(result, self.file, marks)
        return result, size

    def _scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        value: str = node.value
        if tag == _PLAIN:
            return _resolve_plain(value) if (not value or value[0] in _MAYBE_TYPED) else value
        if tag == _STR:
            return value
        kind = _ALLOWED_SCALAR_TAGS.get(tag)
        if kind is None:
            self._refuse_tag(node)
            return None
        converted = _resolve_plain(value)
        expected = {"int": int, "float": float, "bool": bool, "null": type(None)}[kind]
        if kind == "float" and type(converted) is int:
            return float(converted)
        if type(converted) is not expected:
            self._error(node, "schema", f"`{value}` is not a valid {kind}")
            return None
        return converted

    def _refuse_tag(self, node: Node) -> None:
        self._error(
            node,
            "yaml-tag",
            f"the tag `{node.tag}` is not allowed: planner reads plain data only "
            "(remove the tag, or quote the value)",
        )

    def _error(self, node: Node, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(code, Severity.ERROR, message, self._location(node)))

    def _location(self, node: Node) -> Location:
        mark = node.start_mark
        return Location(self.file, mark.line + 1, mark.column + 1)


def _resolve_plain(value: str) -> Any:
    """YAML 1.2 core schema: the few plain scalars that are not text."""
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    if _OCT.fullmatch(value):
        return int(value[2:], 8)
    if _HEX.fullmatch(value):
        return int(value[2:], 16)
    if _INF.fullmatch(value):
        return float("-inf") if value[0] == "-" else float("inf")
    if _NAN.fullmatch(value):
        return float("nan")
    return value
