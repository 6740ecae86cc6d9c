"""``planner diff``: what changed between two versions of a programme, and for whom.

    >>> from planner.diff import compare, load_side, render_text
    >>> diff = compare(load_side("main:events.yaml"), load_side("events.yaml"))
    >>> print(render_text(diff))

``load_side`` reads a path or ``REV:PATH`` (from git) and runs the rules on it; ``compare``
matches sessions by key and sorts the diagnostics into introduced, resolved and unchanged;
the renderers turn the result into text, Markdown or JSON.
"""

from planner.diff.compare import (
    ChangeKind,
    FieldChange,
    PersonRef,
    ProgrammeDiff,
    SessionChange,
    Side,
    compare,
    diagnostic_identity,
    split_diagnostics,
)
from planner.diff.render import (
    MARKDOWN_MARKER,
    render_json,
    render_markdown,
    render_text,
)
from planner.diff.sources import GitRevision, SourceError, load_side, parse_spec

__all__ = [
    "MARKDOWN_MARKER",
    "ChangeKind",
    "FieldChange",
    "GitRevision",
    "PersonRef",
    "ProgrammeDiff",
    "SessionChange",
    "Side",
    "SourceError",
    "compare",
    "diagnostic_identity",
    "load_side",
    "parse_spec",
    "render_json",
    "render_markdown",
    "render_text",
    "split_diagnostics",
]
