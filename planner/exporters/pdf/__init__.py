"""Printed documents: itineraries, agendas and delegate packs as PDF (WeasyPrint).

Built from the same schedule model as every other format, through planner's own print
HTML (:mod:`planner.exporters.pdf.document`). WeasyPrint and qrcode are imported only
when a PDF or a QR code is made.
"""

from planner.exporters.pdf.exporters import PdfAgenda, PdfItinerary, check_paper, schedule_pdf

__all__ = ["PdfAgenda", "PdfItinerary", "check_paper", "schedule_pdf"]
