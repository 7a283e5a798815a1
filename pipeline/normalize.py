"""Normalize stage: every text of a layout → repaired Thai with Arabic digits (data-contract strings)."""
from __future__ import annotations

from dataclasses import replace

from normalizers.thai_text import clean_text
from parsers.records import DocumentLayout, Table, TableRow, TextLine


def _clean(text: str) -> str:
    return clean_text(text) or ""


def normalize_layout(layout: DocumentLayout) -> DocumentLayout:
    pages = []
    for page in layout.pages:
        lines = [replace(line, text=_clean(line.text)) for line in page.lines]
        pages.append(replace(page, lines=[line for line in lines if isinstance(line, TextLine) and line.text]))
    tables = [
        Table(
            rows=[TableRow([_clean(c) for c in row.cells], row.page, row.kind, list(row.sources), list(row.spanned)) for row in table.rows],
            pages=list(table.pages),
            n_cols=table.n_cols,
            header=[_clean(h) for h in table.header],
        )
        for table in layout.tables
    ]
    return replace(layout, pages=pages, tables=tables)
