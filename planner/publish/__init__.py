"""The published site of a programme: every feed, itinerary and the agenda behind one index page."""

from planner.publish.build import site_files, site_links
from planner.publish.page import Links, render_index

__all__ = ["Links", "render_index", "site_files", "site_links"]
