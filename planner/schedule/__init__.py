"""``planner schedule``: place the open sessions so that every rule holds (OR-Tools CP-SAT).

The stages, each in its own module:

- ``problem``: the problem as plain data (tasks on a step grid, choices of venue and room,
  restrictions, separations, precedences, costs), each constraint with its reason in words;
- ``build``, ``fixed``, ``owntime``: that problem from the resolved programme and the rules'
  settings (``settings``): errors are hard, warnings cost;
- ``model``, ``solve``: the CP-SAT model, solved deterministically; when nothing fits, the
  smallest set of reasons, from the solver's assumptions; ``explain`` words it;
- ``writeback``: the placements written into the YAML text at the located keys;
- ``run``: all of it as :func:`schedule_file`, checked with ``planner validate``;
- ``report``: the placements as a table, and the change as a diff.

OR-Tools is imported only when a model is built, so other commands do not pay for it.
"""

from planner.schedule.run import (
    Impossible,
    OutOfTime,
    Placed,
    ReopenError,
    ScheduleResult,
    schedule_file,
)
from planner.schedule.solve import Placement
from planner.schedule.writeback import Edited, WriteBackError

__all__ = [
    "Edited",
    "Impossible",
    "OutOfTime",
    "Placed",
    "Placement",
    "ReopenError",
    "ScheduleResult",
    "WriteBackError",
    "schedule_file",
]
