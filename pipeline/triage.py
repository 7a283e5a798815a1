"""Triage: look at the first pages of a document before the expensive work, and read only what is needed.

Most PDFs a crawl finds on ITA pages are not ITA documents, and OCR of their pages is most of a national
run's cost. The first pages are read (text layer, else OCR of at most the first two), normalized and
judged by parsers.ita.relevance; a document that is not an ITA document is recorded `unknown` with the
reason and the pages looked at, without reading (or OCR'ing) the rest. Every other document is read in full,
reusing the pages triage already read. `ITA_TRIAGE=0` turns triage off (every document read in full).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from parsers.ita.relevance import Relevance, judge
from parsers.layout import PageRead, extract_layout
from parsers.records import DocumentLayout, ParsedDocument
from pipeline.normalize import normalize_layout

TEXT_PAGES = 3  # first pages looked at when they have a text layer (cheap)
OCR_PAGES = 2  # at most this many of them OCR'd


def enabled() -> bool:
    return os.environ.get("ITA_TRIAGE", "1").strip().lower() not in ("0", "no", "off", "false")


@dataclass
class Triage:
    relevance: Relevance
    layout: DocumentLayout  # normalized layout of the pages looked at (n_pages is the document's)
    reads: dict[int, PageRead] = field(default_factory=dict)  # the pages read, for the full reading

    @property
    def pages(self) -> list[int]:
        return [page.number for page in self.layout.pages]

    def reason(self) -> str:
        looked = self.pages
        span = f"page {looked[0]}" if len(looked) == 1 else f"pages {looked[0]}-{looked[-1]}"
        return f"not an ITA document (triage, {span} of {self.layout.n_pages}): {self.relevance.reason}"


def triage(path: str, doc_id: str = "") -> Triage:
    """Read the first pages and judge them. Pages 1-2 first; a third only when neither needed OCR."""
    reads: dict[int, PageRead] = {}
    layout = extract_layout(path, doc_id, pages=range(1, OCR_PAGES + 1), reads=reads)
    if not any(page.ocr for page in layout.pages) and layout.n_pages > OCR_PAGES:
        layout = extract_layout(path, doc_id, pages=range(1, TEXT_PAGES + 1), reads=reads)
    layout = normalize_layout(layout)
    return Triage(judge(layout.pages), layout, reads)


def set_aside(parsed: ParsedDocument, looked: Triage) -> ParsedDocument:
    """A document triage found not to be an ITA document: `unknown` with the reason, its unit and year as the
    first pages give them, and no ITA facts (a number in a form or a budget is not an ITA score)."""
    return replace(parsed, doc_type="unknown", doc_type_reason=looked.reason(), assessment_year=None,
                   assessment=None, results=[], indicators=[], questions=[], measures=[])
