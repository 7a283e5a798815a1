"""Run every stage on one document. Never raises: failures become a DocumentResult with status 'failed'."""
from __future__ import annotations

import time

from parsers.ita import parse_document
from parsers.layout import LayoutError, extract_layout
from pipeline.normalize import normalize_layout
from pipeline.records import DocumentResult, SourceFile
from pipeline.resolve import resolve_unit
from pipeline.validate import validate
from pipeline.version import pipeline_version


def process_document(source: SourceFile) -> DocumentResult:
    started = time.perf_counter()
    version = pipeline_version()
    if source.read_error:
        return DocumentResult(source, "failed", error=source.read_error, pipeline_version=version)
    try:
        layout = normalize_layout(extract_layout(source))
    except LayoutError as exc:
        return DocumentResult(source, "failed", error=str(exc), pipeline_version=version,
                              seconds=time.perf_counter() - started)
    except Exception as exc:  # noqa: BLE001 - one bad PDF must never stop a batch
        return DocumentResult(source, "failed", error=f"layout failed: {type(exc).__name__}: {exc}",
                              pipeline_version=version, seconds=time.perf_counter() - started)
    try:
        parsed = parse_document(layout)
        unit = resolve_unit(parsed)
        warnings = validate(layout, parsed, unit)
    except Exception as exc:  # noqa: BLE001
        return DocumentResult(source, "failed", error=f"parse failed: {type(exc).__name__}: {exc}",
                              n_pages=layout.n_pages, ocr_pages=layout.ocr_pages,
                              pipeline_version=version, seconds=time.perf_counter() - started)
    status = "partial" if warnings or layout.incomplete else "ok"
    return DocumentResult(source, status, n_pages=layout.n_pages, ocr_pages=layout.ocr_pages, parsed=parsed,
                          unit=unit, warnings=warnings, pipeline_version=version,
                          seconds=time.perf_counter() - started)
