"""A safe, fast YAML 1.2 reader that remembers where every value came from.

libyaml (through PyYAML's C parser) parses at C speed and gives each event its line and
column. Plain data is built straight from that event stream: no node tree is composed,
so a large file costs its data and positions only, not a second copy as nodes. PyYAML's
own constructors are skipped: they follow YAML 1.1, where ``NO`` is false and ``10:00``
is 600. Here plain scalars follow the YAML 1.2 core schema, only plain data is built (no
object tags), duplicate keys are reported, and aliases may not expand beyond a budget,
so a "billion laughs" file is refused instead of exhausting memory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

import yaml
import yaml.reader
from yaml._yaml import CParser
from yaml.composer import ComposerError
from yaml.error import Mark
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from planner.diagnostics import Diagnostic, Location, Severity
from planner.limits import MAX_INTEGER, YAML_NODES
from planner.loading.sourcemap import SourceMap, pack, pack_point, unpack
from planner.loading.yaml_scalars import (
    ALLOWED_SCALAR_TAGS,
    MAP_TAG,
    MAYBE_TYPED,
    SEQ_TAG,
    STR_TAG,
    TOO_LARGE,
    resolve_plain,
)
from planner.loading.yaml_text import DEFAULT_MAX_BYTES, Document, file_diagnostic, read_text

__all__ = ["DEFAULT_MAX_BYTES", "Document", "parse_yaml", "read_text"]

MAX_DEPTH = 64
_ALIAS_BASE_BUDGET = 100_000


def parse_yaml(
    text: str,
    file: str,
    source_map: SourceMap,
    max_nodes: int | None = None,
    *,
    whole_budget: int | None = None,
) -> Document:
    """Parse one YAML document into plain data, recording positions in ``source_map``.

    At most ``max_nodes`` keys and values are built (default: the PLANNER_MAX_YAML_NODES
    budget), so memory stays within a fixed multiple of that budget whatever the text.
    ``whole_budget`` is the programme's budget, which the message names.
    """
    document = Document(file, None)
    budget = YAML_NODES.value() if max_nodes is None else max_nodes
    builder = _Builder(CParser(text), file, source_map, budget, whole_budget or budget)
    try:
        found, data = builder.document()
    except yaml.MarkedYAMLError as error:
        from planner.loading.yaml_messages import syntax_diagnostic  # for broken files only

        # The file cannot be read: its syntax error is the one thing worth saying.
        document.diagnostics.append(syntax_diagnostic(error, file, text))
        return document
    except yaml.reader.ReaderError as error:
        from planner.loading.yaml_messages import reader_diagnostic

        document.diagnostics.append(reader_diagnostic(error, text, file))
        return document
    except yaml.YAMLError as error:
        document.diagnostics.append(file_diagnostic(file, "yaml-syntax", str(error)))
        return document
    except _BudgetExceeded as exceeded:
        document.diagnostics.extend([*builder.diagnostics, exceeded.diagnostic])
        document.nodes = budget - builder.nodes_left
        return document
    document.diagnostics.extend(builder.diagnostics)
    document.nodes = budget - builder.nodes_left
    if not found:
        document.diagnostics.append(
            file_diagnostic(file, "empty-file", "the file is empty; it needs at least `version: 1`")
        )
    document.data = data
    return document


class _BudgetExceeded(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


class _Builder:
    """Builds plain data from libyaml's events, following the YAML 1.2 core schema.

    Events are typed ``Any``: PyYAML's stubs make every mark optional, while libyaml sets
    them all; reading them unchecked also keeps this per-event loop fast.
    """

    def __init__(
        self, parser: CParser, file: str, source_map: SourceMap, budget: int, whole_budget: int
    ) -> None:
        self.next_event: Callable[[], Any] = parser.get_event
        self.file = file
        self.source_map = source_map
        self.diagnostics: list[Diagnostic] = []
        # anchor -> (value, size in nodes, where it was defined); scalars have size 1.
        self.anchors: dict[str, tuple[Any, int, Mark]] = {}
        self.open_anchors: dict[str, Mark] = {}
        self.nodes = 0
        self.expanded = 0
        self.list_item = False
        """Whether the value being built is an item of a block list (set by ``sequence``)."""
        self.nodes_left = budget
        self.whole_budget = whole_budget

    def document(self) -> tuple[bool, Any]:
        """(whether the stream holds a document, its data)."""
        self.next_event()  # stream start
        if type(self.next_event()) is StreamEndEvent:
            return False, None
        first = self.next_event()  # the document started: this is its root's first event
        self.source_map.set_root(self.file, first.start_mark.line, first.start_mark.column)
        data = self.value(first, 0)[0]
        self.next_event()  # document end
        after = self.next_event()
        if type(after) is not StreamEndEvent:
            raise ComposerError(
                "expected a single document in the stream",
                first.start_mark,
                "but found another document",
                after.start_mark,
            )
        return True, data

    def value(self, event: Any, depth: int) -> tuple[Any, int]:
        """The value that starts with ``event``, and how many nodes it stands for."""
        kind = type(event)
        if kind is ScalarEvent:
            value = self.scalar(event)
            if event.anchor is not None:
                self.define(event.anchor, event.start_mark)
                self.anchors[event.anchor] = (value, 1, event.start_mark)
            return value, 1
        if kind is AliasEvent:
            return self.alias(event)
        if depth >= MAX_DEPTH or not self.tag_allowed(event, kind):
            if depth >= MAX_DEPTH:
                nested = f"the data is nested more than {MAX_DEPTH} levels deep"
                self.error(event.start_mark, "yaml-syntax", nested)
            self.skip(event)
            return None, 1
        anchor = event.anchor
        if anchor is not None:
            self.define(anchor, event.start_mark)
            self.open_anchors[anchor] = event.start_mark
        if kind is MappingStartEvent:
            result: tuple[Any, int] = self.mapping(event, depth)
        else:
            result = self.sequence(event, depth)
        if anchor is not None:
            del self.open_anchors[anchor]
            self.anchors[anchor] = (result[0], result[1], event.start_mark)
        return result

    def define(self, anchor: str, mark: Mark) -> None:
        first = self.anchors.get(anchor, (None, 0, self.open_anchors.get(anchor)))[2]
        if first is not None:
            raise ComposerError(
                "found duplicate anchor; first occurrence", first, "second occurrence", mark
            )

    def alias(self, event: Any) -> tuple[Any, int]:
        found = self.anchors.get(event.anchor)
        if found is None:
            if event.anchor in self.open_anchors:
                self.error(
                    event.start_mark,
                    "yaml-syntax",
                    f"the alias *{event.anchor} is inside the list or mapping it names, so the "
                    "data would be nested without end",
                )
                return None, 1
            raise ComposerError(None, None, "found undefined alias", event.start_mark)
        value, size, defined = found
        if size > 1:
            self.spend_alias(defined, size)
        return value, size

    def spend_alias(self, defined: Mark, size: int) -> None:
        self.expanded += size
        if self.expanded > _ALIAS_BASE_BUDGET + 2 * self.nodes:
            raise _BudgetExceeded(
                Diagnostic(
                    "yaml-alias-limit",
                    Severity.ERROR,
                    "aliases (*name) here expand to more than "
                    f"{_ALIAS_BASE_BUDGET + 2 * self.nodes:,} values; planner refuses such a "
                    "file (a 'billion laughs' bomb) rather than filling memory",
                    self.location(defined),
                )
            )

    def refuse_nodes(self, event: Any) -> NoReturn:
        """The node budget is spent (``mapping`` and ``sequence`` count it, inline)."""
        raise _BudgetExceeded(
            Diagnostic(
                "yaml-node-limit",
                Severity.ERROR,
                f"the programme holds more than {self.whole_budget:,} YAML keys and values, "
                f"planner's budget for one programme; {YAML_NODES.how_to_raise()}",
                self.location(event.start_mark),
            )
        )

    def mapping(self, start: Any, depth: int) -> tuple[dict[str, Any], int]:
        result: dict[str, Any] = {}
        marks: dict[str, int] = {}
        size = 1
        list_item, self.list_item = self.list_item and not start.flow_style, False
        new_item = False
        """Once a list item repeats its first key, it is two items missing a `- `: say it once."""
        next_event = self.next_event
        while True:
            key_event = next_event()
            if type(key_event) is MappingEndEvent:
                break
            self.nodes_left -= 2
            if self.nodes_left < 0:
                self.refuse_nodes(key_event)
            # The usual key and value are plain scalars without an anchor: read here, saving
            # a call for each of a large file's keys and values.
            plain = type(key_event) is ScalarEvent and key_event.anchor is None
            key: str | None = key_event.value if plain else self.key(key_event)
            if key is None or key in result:
                if key is not None and list_item and key == next(iter(result)):
                    new_item = new_item or self.missing_dash(key_event, key, marks[key])
                elif key is not None and not new_item:
                    self.duplicate_key(key_event, key, marks[key])
                self.skip(next_event())
                continue
            value_event = next_event()
            if type(value_event) is not ScalarEvent or value_event.anchor is not None:
                value, value_size = self.value(value_event, depth + 1)
                size += value_size
            elif value_event.tag is None and not (  # text, as most values: kept as it is
                value_event.implicit[0]
                and (not value_event.value or value_event.value[0] in MAYBE_TYPED)
            ):
                value, size = value_event.value, size + 1
            else:
                value, size = self.scalar(value_event), size + 1
            result[key] = value
            key_mark, value_mark = key_event.start_mark, value_event.start_mark
            marks[key] = pack(key_mark.line, key_mark.column, value_mark.line, value_mark.column)
        self.nodes += size
        self.source_map.add_mapping(result, self.file, marks)
        return result, size

    def duplicate_key(self, event: Any, key: str, first: int) -> None:
        from planner.loading.yaml_messages import duplicate_key_message  # for broken files only

        line = unpack(first)[0][0] + 1
        self.error(event.start_mark, "duplicate-key", duplicate_key_message(key, line))

    def missing_dash(self, event: Any, key: str, first: int) -> bool:
        """A list item that repeats its first key: most likely a new item without its `- `."""
        from planner.loading.yaml_messages import missing_dash_message

        line = unpack(first)[0][0] + 1
        self.error(event.start_mark, "duplicate-key", missing_dash_message(key, line))
        return True

    def key(self, event: Any) -> str | None:
        """A mapping key as written (keys are text), or None (reported) when it is not text."""
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None:
                self.define(event.anchor, event.start_mark)
                self.anchors[event.anchor] = (self.scalar(event), 1, event.start_mark)
            return str(event.value)
        if kind is AliasEvent:
            found = self.anchors.get(event.anchor)
            if found is not None and found[1] == 1 and isinstance(found[0], str):
                return found[0]
        self.error(event.start_mark, "schema", "a key must be plain text, not a list or mapping")
        self.skip(event)
        return None

    def sequence(self, start: Any, depth: int) -> tuple[list[Any], int]:
        result: list[Any] = []
        marks: list[int] = []
        size = 1
        next_event = self.next_event
        while True:
            event = next_event()
            if type(event) is SequenceEndEvent:
                break
            self.nodes_left -= 1
            if self.nodes_left < 0:
                self.refuse_nodes(event)
            if type(event) is ScalarEvent and event.anchor is None:  # (as in mapping)
                value, value_size = self.scalar(event), 1
            else:
                self.list_item = not start.flow_style
                value, value_size = self.value(event, depth + 1)
                self.list_item = False
            size += value_size
            result.append(value)
            mark = event.start_mark
            marks.append(pack_point(mark.line, mark.column))
        self.nodes += size
        self.source_map.add_sequence(result, self.file, marks)
        return result, size

    def skip(self, event: Any) -> None:
        """Consume the rest of a value that is not built (too deep, or under a bad key)."""
        if not isinstance(event, CollectionStartEvent):
            return
        depth = 1
        while depth:
            kind = type(self.next_event())
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1

    def scalar(self, event: Any) -> Any:
        tag = event.tag
        value: str = event.value
        if tag is None or tag == "!":
            if not event.implicit[0]:
                return value  # quoted or block text: always a string
            return self.typed(event) if (not value or value[0] in MAYBE_TYPED) else value
        if tag == STR_TAG:
            return value
        kind = ALLOWED_SCALAR_TAGS.get(tag)
        if kind is None:
            self.refuse_tag(event)
            return None
        converted = self.typed(event)
        expected = {"int": int, "float": float, "bool": bool, "null": type(None)}[kind]
        if kind == "float" and type(converted) is int:
            return float(converted)
        if type(converted) is not expected:
            self.error(event.start_mark, "schema", f"`{value}` is not a valid {kind}")
            return None
        return converted

    def typed(self, event: Any) -> Any:
        """A plain scalar under the core schema; a number too large to use is reported."""
        converted = resolve_plain(event.value)
        if converted is TOO_LARGE:
            shown = event.value if len(event.value) <= 24 else f"{event.value[:20]}..."
            self.error(
                event.start_mark,
                "value-out-of-range",
                f"the number `{shown}` ({len(event.value):,} characters) is larger than planner "
                f"reads (at most {MAX_INTEGER:,}); quote it if it is text",
            )
            return None
        return converted

    def tag_allowed(self, event: Any, kind: type) -> bool:
        """A list or mapping may only carry its own core tag; any other is refused."""
        tag = event.tag
        if tag is None or tag == "!" or tag == (MAP_TAG if kind is MappingStartEvent else SEQ_TAG):
            return True
        self.refuse_tag(event)
        return False

    def refuse_tag(self, event: Any) -> None:
        self.error(
            event.start_mark,
            "yaml-tag",
            f"the tag `{event.tag}` is not allowed: planner reads plain data only "
            "(remove the tag, or quote the value)",
        )

    def error(self, mark: Mark, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(code, Severity.ERROR, message, self.location(mark)))

    def location(self, mark: Mark) -> Location:
        return Location(self.file, mark.line + 1, mark.column + 1)
