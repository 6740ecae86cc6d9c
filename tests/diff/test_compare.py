"""The diff library: matching sessions, naming people, and the identity of diagnostics."""

from __future__ import annotations

from pathlib import Path

from planner.diagnostics import Diagnostic, Location, Severity
from planner.diff import ChangeKind, Side, compare, diagnostic_identity, split_diagnostics
from planner.loading import load_programme

CASES = Path(__file__).resolve().parent / "cases"


def _side(path: Path) -> Side:
    result = load_programme(path)
    return Side(path.name, result.programme, result.diagnostics)


def _changes_case() -> dict[str, tuple[ChangeKind, ...]]:
    diff = compare(_side(CASES / "changes/old.yaml"), _side(CASES / "changes/new.yaml"))
    return {change.key: change.kinds for change in diff.changes}


def _warning(line: int, message: str = "10:00 happens twice", path: str = "a.b") -> Diagnostic:
    return Diagnostic(
        "ambiguous-time", Severity.WARNING, message, Location("x.yaml", line, 3, path)
    )


def test_every_kind_of_change_is_named_once() -> None:
    kinds = _changes_case()
    assert kinds["tour/pangyo-visit"] == (ChangeKind.MOVED,)
    assert kinds["tour/dinner"] == (ChangeKind.CANCELLED,)
    assert kinds["tour/panel"] == (ChangeKind.REINSTATED,)
    assert kinds["tour/workshop"] == (ChangeKind.RETITLED, ChangeKind.PEOPLE)
    assert kinds["tour/debrief"] == (ChangeKind.REMOVED,)
    assert kinds["tour/farewell"] == (ChangeKind.ADDED,)
    assert kinds["tour/monthly-call"] == (ChangeKind.MOVED,)  # its repeat rule changed
    assert "tour/lunch" not in kinds


def test_a_session_whose_default_id_changed_with_its_date_is_moved_not_replaced() -> None:
    diff = compare(_side(CASES / "changes/old.yaml"), _side(CASES / "changes/new.yaml"))
    walk = next(c for c in diff.changes if c.title == "Closing walk")
    assert walk.kinds == (ChangeKind.MOVED, ChangeKind.ID_CHANGED)
    assert walk.previous_key == "tour/closing-walk-2024-04-18"


def test_people_affected_are_everyone_before_and_after_by_name() -> None:
    diff = compare(_side(CASES / "changes/old.yaml"), _side(CASES / "changes/new.yaml"))
    workshop = next(c for c in diff.changes if c.key == "tour/workshop")
    assert [p.name for p in workshop.people_added] == ["Choi Yu-na"]
    assert [p.name for p in workshop.people_removed] == ["Park Ji-ho"]
    assert [p.id for p in workshop.affected] == ["choi", "kim", "lee", "park"]


def test_moved_shows_local_times_with_zone_abbreviations() -> None:
    diff = compare(_side(CASES / "changes/old.yaml"), _side(CASES / "changes/new.yaml"))
    visit = next(c for c in diff.changes if c.key == "tour/pangyo-visit")
    (when,) = visit.fields
    assert (when.before, when.after) == ("Wed 17 Apr 2024 14:00-16:00 KST", "15:00-17:00 KST")


def test_identical_programmes_have_no_changes() -> None:
    side = _side(CASES / "changes/old.yaml")
    diff = compare(side, side)
    assert not diff.changes and not diff.changed


def test_a_diagnostic_that_only_moved_down_is_the_same_diagnostic() -> None:
    assert diagnostic_identity(_warning(10)) == diagnostic_identity(_warning(42))
    assert diagnostic_identity(_warning(10, path="x.sessions[1]")) == diagnostic_identity(
        _warning(12, path="x.sessions[2]")
    )
    assert diagnostic_identity(_warning(10)) != diagnostic_identity(_warning(10, "other"))


def test_locations_quoted_in_a_message_do_not_change_its_identity() -> None:
    before = _warning(5, "defined twice: here and at main:events.yaml:12:3")
    after = _warning(9, "defined twice: here and at events.yaml:15:3")
    assert diagnostic_identity(before) == diagnostic_identity(after)


def test_split_counts_repeated_diagnostics_one_by_one() -> None:
    old = [_warning(1), _warning(2)]
    new = [_warning(5), _warning(6), _warning(7), _warning(8, "new one")]
    introduced, resolved, unchanged = split_diagnostics(old, new)
    assert [d.location.line for d in introduced if d.location] == [7, 8]
    assert resolved == ()
    assert len(unchanged) == 2


def test_a_version_that_does_not_load_is_not_compared() -> None:
    diff = compare(_side(CASES / "broken/old.yaml"), _side(CASES / "broken/new.yaml"))
    assert not diff.comparable
    assert not diff.changes and not diff.introduced and not diff.resolved
    assert [d.code for d in diff.new.errors] == ["unknown-reference"]
