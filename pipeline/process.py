"""Run every stage on one document. Never raises (except MemoryError, which the executor reports):
failures become a DocumentResult with status 'failed' and a short error."""
from __future__ import annotations

import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from parsers.ita import parse_document
from parsers.layout import LayoutError, extract_layout
from normalizers.thai_text import clean_text, text_quality
from pipeline.normalize import normalize_layout
from pipeline.records import DocumentResult, PageRecord, SourceFile
from pipeline.registry import load_registry
from pipeline.resolve import resolve_result_units, resolve_unit
from pipeline.triage import enabled as triage_enabled
from pipeline.triage import set_aside, triage
from pipeline.validate import validate
from pipeline.version import pipeline_version


# What a downloaded "PDF" often really is, by its first bytes.
_MAGIC = (
    (b"\xd0\xcf\x11\xe0", "a Word/Excel 97-2003 file"),
    (b"PK\x03\x04", "a ZIP archive or a Word .docx file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document"),
)


def not_a_pdf(path: str) -> str | None:
    """A short reason when the file is plainly not a PDF, judged from its first KiB (where PDF readers look)."""
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if not head:
        return "empty file (0 bytes)"
    if b"%PDF-" in head:
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return f"not a PDF (looks like {kind})"
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return "not a PDF (looks like HTML)"
    return "not a PDF (no %PDF header)"


def _layout_error(source: SourceFile, exc: Exception) -> str:
    """Name the common causes (password, no pages, cut-off download) instead of the PDF library's wording."""
    data = Path(source.abs_path).read_bytes()
    if b"/Encrypt" in data:
        return "encrypted PDF (needs a password)"
    if b"%%EOF" not in data[-1024:]:
        return "truncated PDF (the file ends before the PDF does)"
    try:
        with pdfplumber.open(source.abs_path) as pdf:
            if not pdf.pages:
                return "PDF has no pages"
    except Exception:  # noqa: BLE001 - only a second opinion; the layout error stands
        pass
    return str(exc) if isinstance(exc, LayoutError) else f"layout failed: {type(exc).__name__}: {exc}"


def warm_up() -> None:
    """Load what every document needs (Thai dictionary and tokenizer, unit registry) before the first one.

    Workers fork from a process that ran this (pipeline/executor.py), so they share it instead of each
    charging its first document about a second for it.
    """
    text_quality("มาตรการส่งเสริมคุณธรรมและความโปร่งใส")
    load_registry()


def _plain_pages(path: str, done: set[int]) -> list[PageRecord]:
    """The pages triage did not read, as PDFium's plain text (repaired; no layout, no OCR: a page without a text
    layer stays empty), so the pages table still holds every page of a document set aside."""
    out = []
    pdf = pdfium.PdfDocument(path)
    try:
        for number, page in enumerate(pdf, start=1):
            if number in done:
                continue
            text = "\n".join(filter(None, (clean_text(line) for line in
                                            page.get_textpage().get_text_range().splitlines())))
            out.append(PageRecord(number, text, "pdfium" if text else "", False,
                                  round(text_quality(text), 3) if text else 0.0))
    finally:
        pdf.close()
    return out


def process_document(source: SourceFile) -> DocumentResult:
    started, cpu_started = time.perf_counter(), time.process_time()
    version = pipeline_version()

    def failed(error: str, **counts) -> DocumentResult:
        return DocumentResult(source, "failed", error=error, pipeline_version=version,
                              seconds=time.perf_counter() - started, cpu_seconds=time.process_time() - cpu_started,
                              **counts)

    if source.read_error:
        return failed(source.read_error)
    try:
        reason = not_a_pdf(source.abs_path)
    except OSError as exc:
        return failed(f"cannot read file: {exc.strerror or exc}")
    if reason:
        return failed(reason)
    try:
        looked = triage(source.abs_path, source.doc_id) if triage_enabled() else None
        if looked is not None and not looked.relevance.ita:
            layout = looked.layout  # not an ITA document: the rest is not read
        else:
            layout = normalize_layout(extract_layout(source.abs_path, source.doc_id,
                                                     reads=looked.reads if looked else None))
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - one bad PDF must never stop a batch
        return failed(_layout_error(source, exc))
    if layout.n_pages == 0:
        return failed("PDF has no pages", n_pages=0, ocr_pages=0)
    try:
        parsed = parse_document(layout)
        if looked is not None and not looked.relevance.ita:
            parsed = set_aside(parsed, looked)
        unit = resolve_unit(parsed, source.doc_id)
        warnings = validate(layout, parsed, unit)
        result_units = resolve_result_units(parsed)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001
        return failed(f"parse failed: {type(exc).__name__}: {exc}", n_pages=layout.n_pages,
                      ocr_pages=layout.ocr_pages)
    status = "partial" if warnings or layout.incomplete else "ok"
    pages = [PageRecord(p.number, p.text, p.text_engine, p.ocr, round(p.quality, 3)) for p in layout.pages]
    if looked is not None and not looked.relevance.ita:
        pages += _plain_pages(source.abs_path, {p.page for p in pages})
    return DocumentResult(source, status, n_pages=layout.n_pages, ocr_pages=layout.ocr_pages, parsed=parsed,
                          unit=unit, result_units=result_units, pages=pages, warnings=warnings, pipeline_version=version,
                          seconds=time.perf_counter() - started, cpu_seconds=time.process_time() - cpu_started)
