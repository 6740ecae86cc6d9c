"""The schedule interchange format of frab, pretalx and c3voc (``schedule.xml``/``.json``).

Conference apps (Giggity, EventFahrplan, ConfClerk, the congress apps, pyfahrplan) read it
offline; see docs/interop.md.
"""

from planner.exporters.frab.as_json import FrabJsonExporter
from planner.exporters.frab.as_xml import FrabXmlExporter
from planner.exporters.frab.document import Conference, build_conference

__all__ = ["Conference", "FrabJsonExporter", "FrabXmlExporter", "build_conference"]
