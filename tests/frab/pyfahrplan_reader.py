"""Run under pyfahrplan's interpreter: read a schedule.json as pyfahrplan does, offline.

pyfahrplan's Fahrplan() downloads the CCC schedules; we hand it ours instead and use its own
flattening, filtering (past talks, by room) and table printing. Prints the table, then the
flat list as JSON on the last line.
"""

import datetime
import json
import sys

from pyfahrplan.lib import Fahrplan, filter_talk, print_formatted_talks

with open(sys.argv[1], encoding="utf-8") as stream:
    schedule = json.load(stream)["schedule"]
fahrplan = Fahrplan.__new__(Fahrplan)
fahrplan.fahrplans = [schedule]
fahrplan.flatten_fahrplans()
now = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
talks = [talk for talk in fahrplan.flat_plans if filter_talk(talk, filter_past=True, now=now)]
assert len(talks) == len(fahrplan.flat_plans)
print_formatted_talks(
    talks, show_abstract=True, show_description=False, sort_by=None, reverse=False
)
print(json.dumps(fahrplan.flat_plans))
