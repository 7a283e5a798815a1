"""Layout stage: PDF → pages of text lines and logical tables. (Minimal first version; see issue 4.)

pdfplumber gives the geometry (ruling lines, cells); PDFium gives the text, because it honours
/ActualText and reads Thai from LibreOffice/Word PDFs correctly where pdfminer does not.
"""
from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium

from pipeline.records import DocumentLayout, PageLayout, SourceFile, Table, TableRow, TextLine


class LayoutError(Exception):
    """The file cannot be read as a PDF; the message is shown to users as the document's error."""


def _bounded_text(text_page, page_height: float, x0: float, top: float, x1: float, bottom: float) -> str:
    return text_page.get_text_bounded(left=x0, bottom=page_height - bottom, right=x1, top=page_height - top)


def extract_layout(source: SourceFile) -> DocumentLayout:
    try:
        pdf = pdfium.PdfDocument(source.abs_path)
    except pdfium.PdfiumError as exc:
        raise LayoutError(f"not a readable PDF: {exc}") from exc
    pages: list[PageLayout] = []
    tables: list[Table] = []
    try:
        with pdfplumber.open(source.abs_path) as plumber:
            for index, (ppage, fpage) in enumerate(zip(plumber.pages, pdf), start=1):
                text_page = fpage.get_textpage()
                height = float(ppage.height)
                lines = [TextLine(t, 0.0, 0.0, float(ppage.width), 0.0) for t in text_page.get_text_range().splitlines() if t.strip()]
                pages.append(PageLayout(index, float(ppage.width), height, lines, text_engine="pdfium"))
                for found in ppage.find_tables():
                    rows = []
                    for row in found.rows:
                        cells = [
                            _bounded_text(text_page, height, *cell) if cell else "" for cell in row.cells
                        ]
                        rows.append(TableRow(cells, index))
                    if rows:
                        tables.append(Table(rows, [index], max(len(r.cells) for r in rows)))
    finally:
        pdf.close()
    return DocumentLayout(source.doc_id, len(pages), pages, tables)
