"""The published site of a programme: every feed, itinerary and the agenda behind one index page."""

from planner.site.build import site_files, site_links
from planner.site.page import Links, render_index
from planner.site.write import write_site

__all__ = ["Links", "render_index", "site_files", "site_links", "write_site"]
