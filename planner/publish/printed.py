"""``planner build --pdf``: every itinerary as PDF and every group's pack, made in parallel.

Each PDF is a file of its own, so they are made by a pool of worker processes (one per
CPU the process may use), forked after the programme is loaded: a worker reads the
programme and the exporters it inherited, and sends back only bytes. Where processes
cannot be forked (one CPU, or no ``fork``), they are made one after the other.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import NamedTuple, Protocol

from planner.exporters.base import Exporter, Selection
from planner.timeline import Programme

__all__ = ["PACK_FOLDER", "PDF_FOLDER", "PdfOutputs", "PrintedExporter", "pdf_files"]

PDF_FOLDER = "itineraries"
"""PDF itineraries go beside the other itinerary formats: itineraries/people/ID.pdf."""
PACK_FOLDER = "packs"


class PrintedExporter(Exporter, Protocol):
    """An exporter of PDFs, which keeps the characters no installed font could draw."""

    missing_glyphs: set[str]


class PdfOutputs(NamedTuple):
    """The exporters ``build --pdf`` uses (made by the caller, which reads their warnings)."""

    itineraries: PrintedExporter
    packs: PrintedExporter


class _Job(NamedTuple):
    path: str
    make: Callable[[], bytes]
    exporter: PrintedExporter


_JOBS: list[_Job] = []
"""The jobs of the pool being run: set before the workers are forked, read by them."""


def pdf_files(
    programme: Programme, outputs: PdfOutputs, workers: int | None = None
) -> Iterator[tuple[str, bytes]]:
    """``(itineraries/people/ID.pdf, bytes)`` ... then ``(packs/ID.pdf, bytes)``, in order."""
    jobs = []
    for folder, ids in (("people", programme.people), ("groups", programme.groups)):
        for who in ids:
            selection = Selection(person=who) if folder == "people" else Selection(group=who)
            make = partial(outputs.itineraries.export, programme, selection)
            jobs.append(_Job(f"{PDF_FOLDER}/{folder}/{who}.pdf", make, outputs.itineraries))
    for group in programme.groups:
        make = partial(outputs.packs.export, programme, Selection(group=group))
        jobs.append(_Job(f"{PACK_FOLDER}/{group}.pdf", make, outputs.packs))
    count = workers if workers is not None else len(os.sched_getaffinity(0))
    if count <= 1 or len(jobs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for job in jobs:
            yield job.path, job.make()
        return
    from planner.exporters.pdf.render import prepare

    prepare()  # WeasyPrint and the fonts, loaded once here rather than in every worker
    yield from _in_parallel(jobs, count)


def _in_parallel(jobs: list[_Job], count: int) -> Iterator[tuple[str, bytes]]:
    global _JOBS
    _JOBS = jobs
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(count, mp_context=context) as pool:
            results = pool.map(_work, range(len(jobs)))
            for job, (data, missing) in zip(jobs, results, strict=True):
                job.exporter.missing_glyphs.update(missing)
                yield job.path, data
    finally:
        _JOBS = []


def _work(index: int) -> tuple[bytes, frozenset[str]]:
    """In a worker: make one PDF; its bytes and the characters no font could draw."""
    job = _JOBS[index]
    data = job.make()
    return data, frozenset(job.exporter.missing_glyphs)
