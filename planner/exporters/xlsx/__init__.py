"""Spreadsheets: itineraries, agendas and listings as XLSX (XlsxWriter, imported lazily)."""

from planner.exporters.xlsx.exporters import XlsxAgenda, XlsxItinerary, XlsxListing, listing_xlsx

__all__ = ["XlsxAgenda", "XlsxItinerary", "XlsxListing", "listing_xlsx"]
