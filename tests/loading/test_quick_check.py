"""The quick check agrees with pydantic: whatever it accepts, pydantic accepts unchanged.

The quick check (planner/model/quick.py) reads well-formed entries without pydantic; it may
refuse more than pydantic (the entry is then read by pydantic), never less, and what it
builds must hold the same values as the pydantic model. Checked on every entry of every
programme in the repository and on entries changed at random (hypothesis).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import planner.model
from planner.loading.sourcemap import SourceMap
from planner.loading.yaml12 import parse_yaml
from planner.model.generate_shapes import TARGET, render, shaped_models
from planner.model.quick import SECTIONS, Record, quick_validate
from planner.rules.settings import settings_model

ROOT = Path(__file__).resolve().parents[2]
MODELS = {model.__name__: model for model in shaped_models()}


def _programmes() -> list[Path]:
    found = [path for path in ROOT.rglob("*.yaml") if not _skipped(path)]
    return sorted(found)


def _skipped(path: Path) -> bool:
    parts = set(path.relative_to(ROOT).parts)
    return bool(parts & {".venv", ".tools", "node_modules", ".git", "artifacts"})


def _entries(path: Path) -> list[tuple[str, Any]]:
    """(model name, raw entry) of every entry the loader would check in ``path``."""
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"), str(path), SourceMap()).data
    except (UnicodeDecodeError, ValueError, RecursionError):
        return []
    if not isinstance(data, dict):
        return []
    found: list[tuple[str, Any]] = []
    if "programme" in data:
        found.append(("ProgrammeSettings", data["programme"]))
        rules = data["programme"].get("rules") if isinstance(data["programme"], dict) else None
        found += _rule_entries(rules)
    for section, model in SECTIONS.items():
        entries = data.get(section)
        if isinstance(entries, dict):
            found += [(model, raw) for raw in entries.values()]
    return found


def _rule_entries(rules: Any) -> list[tuple[str, Any]]:
    from planner.rules.registry import RULES

    found: list[tuple[str, Any]] = []
    if not isinstance(rules, dict):
        return found
    for code, value in rules.items():
        if code == "travel-times" and isinstance(value, list):
            found += [("TravelTimeEntry", item) for item in value]
        elif code in RULES and isinstance(value, dict):
            settings = {key: item for key, item in value.items() if key != "severity"}
            found.append((RULES[code].settings_name, settings))
    return found


def _plain(value: Any) -> Any:
    """A record or a pydantic model as nested plain values, to compare the two."""
    if isinstance(value, Record):
        return (value.record_of, {name: _plain(item) for name, item in vars(value).items()})
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        return (type(value).__name__, {name: _plain(getattr(value, name)) for name in fields})
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return (type(value).__name__, value)


def _agrees(model_name: str, raw: Any) -> bool:
    """Asserts the property; returns whether the quick check accepted ``raw``."""
    quick = quick_validate(model_name, raw)
    if quick is None:
        return False
    model = MODELS[model_name]
    try:
        validated = model.model_validate(raw)
    except ValidationError as error:
        pytest.fail(f"the quick check accepted what pydantic refuses ({model_name}): {error}")
    assert _plain(quick) == _plain(validated), model_name
    return True


def test_the_shapes_file_is_generated_from_the_current_models() -> None:
    assert TARGET.read_text(encoding="utf-8") == render(), (
        "planner/model/shapes.json is stale: run python -m planner.model.generate_shapes"
    )


def test_every_rule_names_a_settings_model() -> None:
    from planner.rules.registry import RULES

    for rule in RULES.values():
        assert settings_model(rule.settings_name).__name__ in MODELS


def test_every_entry_of_every_programme_is_read_alike(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import write_programme  # a large programme, with mistakes on purpose

    generated = tmp_path / "generated.yaml"
    write_programme(generated, 600)
    accepted = refused = 0
    for path in [*_programmes(), generated]:
        for model_name, raw in _entries(path):
            if _agrees(model_name, raw):
                accepted += 1
            else:
                refused += 1
    # Nearly every entry is well formed: the quick check must take them, or it saves nothing.
    assert accepted > 700, (accepted, refused)
    assert refused < accepted / 10, (accepted, refused)


def _valid_entries() -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for name in ("events.yaml", "tests/itinerary/fixtures/delegation.yaml"):
        found += [entry for entry in _entries(ROOT / name) if quick_validate(*entry)]
    return found


VALID = _valid_entries()
_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(
        ["", "x-a", "2016-10-11", "09:00", "con", "a\n", "é", "1h30m", "UTC", "#ffffff"]
    ),
)
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(VALID), st.data())
def test_changed_entries_are_never_accepted_wrongly(entry: tuple[str, Any], data: Any) -> None:
    model_name, raw = entry
    changed = dict(raw)
    keys = sorted({*changed, *(key for _, key, _, _ in _fields(model_name))})
    key = data.draw(st.sampled_from(keys))
    if data.draw(st.booleans()) and key in changed:
        del changed[key]
    else:
        changed[key] = data.draw(_VALUES)
    _agrees(model_name, changed)


def _fields(model_name: str) -> list[tuple[str, str, Any, Any]]:
    from planner.model.quick import _MODELS

    return [tuple(field) for field in _MODELS[model_name]["fields"]]  # type: ignore[misc]


def test_validate_reads_a_well_formed_programme_without_pydantic(tmp_path: Path) -> None:
    code = (
        "import sys; from planner.cli import main\n"
        "try:\n    main(['validate', sys.argv[1], '--format', 'json'])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'pydantic'))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "events.yaml")],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert found.stdout.strip().splitlines()[-1] == "[]", found.stdout[-500:]


def test_a_record_is_read_only() -> None:
    record = quick_validate("Track", {"name": "Energy"})
    assert record is not None and record.name == "Energy" and record.color is None
    with pytest.raises(AttributeError):
        record.name = "Water"  # type: ignore[misc]


def test_the_models_stay_importable_from_planner_model() -> None:
    assert planner.model.Session.__name__ == "Session"
    with pytest.raises(AttributeError):
        planner.model.Nothing  # noqa: B018


def test_a_validator_in_a_field_type_leaves_that_field_to_pydantic() -> None:
    """The JSON Schema does not show an ``AfterValidator``: the generator must see it."""
    from typing import Annotated

    from pydantic import AfterValidator, Field

    from planner.model.fields import Id, Model
    from planner.model.generate_shapes import shape

    class Shouting(Model):
        loud: Annotated[str, AfterValidator(str.upper)]
        louder: list[Annotated[str, AfterValidator(str.upper)]] = Field(default_factory=list)
        quiet: str
        ids: list[Id] = Field(default_factory=list)

    properties = shape(Shouting)["properties"]
    assert properties["loud"] == properties["louder"] == {"x-validated": True}
    assert properties["quiet"] == {"type": "string"}
    assert properties["ids"] != {"x-validated": True}  # the ids' own rule, followed

    class Shared(Model):
        tags: list[str] = []  # noqa: RUF012 - the mistake this test is about

    with pytest.raises(ValueError, match="mutable default"):
        shape(Shared)  # one list for every record: refused
