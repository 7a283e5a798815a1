"""Results announcements printed the ways offices print them: the rows of tests/announcement_factory.py laid out
as a flowing document (title, subject, one table whose header repeats on each page, district section rows, the
signature) and printed through Word's format in LibreOffice, Chromium or WeasyPrint, in the fonts Thai offices
use. The factory draws its PDFs itself, cell by cell; these come from the printers, which wrap names, break the
table across pages, shape Thai and map glyphs as they do. The same rows must come out.

    truth = print_announcement(spec, "chromium", "TH SarabunPSK", out_pdf)   # -> list[TruthRow]
"""
from __future__ import annotations

from pathlib import Path

from tests.announcement_factory import (AnnouncementSpec, TruthRow, announcement_words, cell_texts, layout_of,
                                        rows_of, scored_rows)
from tests.variety.corpus import RENDERERS
from tests.variety.layout import Cell, Landscape, Para, Plan, Table

_TOOLS = {"iit": "IIT", "eit": "EIT", "eit1": "ส่วนที่ 1", "eit2": "ส่วนที่ 2", "oit": "OIT"}


def _label(lines: list[str]) -> str:
    """A column's header words as one cell (the factory draws them a line per cell)."""
    return "".join(line for line in lines if line)


def _header(spec: AnnouncementSpec, fields: list[str], labels: dict[str, str]) -> list[list[Cell]]:
    """One header row, or two where tools sit under a group cell: the points form's tools under
    `คะแนนตามเครื่องมือการประเมิน`, the split form's EIT parts under `EIT`."""
    if spec.form == "points":
        group, members = "คะแนนตามเครื่องมือการประเมิน", {"iit", "eit", "oit"}
    elif spec.form == "split":
        group, members = "EIT", {"eit1", "eit2"}
    else:
        return [[Cell(labels[f], bold=True, align="center") for f in fields]]
    top: list[Cell] = []
    bottom: list[Cell] = []
    at = 0
    while at < len(fields):
        if fields[at] in members:
            run = 1
            while at + run < len(fields) and fields[at + run] in members:
                run += 1
            top.append(Cell(group, colspan=run, bold=True, align="center"))
            bottom += [Cell(_TOOLS[f], bold=True, align="center") for f in fields[at:at + run]]
            at += run
        else:
            top.append(Cell(labels[fields[at]], rowspan=2, bold=True, align="center"))
            at += 1
    return [top, bottom]


def _table_size(font: str) -> int:
    """Points a clerk sets the table in: TH Sarabun's letters are small for their size (16 pt is the government
    standard); the other Thai fonts print as large at about 12 pt, and at 16 pt a narrow column breaks its
    numbers digit by digit, which no office would send out."""
    return 16 if font.startswith("TH Sarabun") else 12


def plan_of(spec: AnnouncementSpec, font: str) -> tuple[Plan, list[TruthRow]]:
    """The document and the rows a reader must find (scored ones), in order."""
    rows = rows_of(spec)
    header_rows, widths, fields = layout_of(spec)
    labels = {f: _label([row.cells[i][0] if row.cells[i] else "" for row in header_rows])
              for i, f in enumerate(fields)}
    labels.update({f: _TOOLS[f] for f in fields if f in ("iit", "eit", "oit")})
    body: list[list[Cell]] = []
    district = None
    cells = []
    for i, row in enumerate(rows):
        texts = cell_texts(spec, i, row, thai=False)  # the printers write Thai digits
        cells.append([Cell(texts[f], align="left" if f in ("name", "district", "type") else "center") for f in fields])
    header = _header(spec, fields, labels)
    if spec.has("twin"):  # two tables side by side: the first half of the rows on the left, the rest on the right
        half = (len(cells) + 1) // 2
        body = [cells[i] + (cells[i + half] if i + half < len(cells) else [Cell("") for _ in fields])
                for i in range(half)]
        header = [h + h for h in header]
        fields, widths = fields + fields, list(widths) + list(widths)
    else:
        for row, row_cells in zip(rows, cells):
            if (spec.form == "overall" or spec.has("sections")) and row.district != district:
                district = row.district
                body.append([Cell(f"อำเภอ{district}", colspan=len(fields), bold=True)])
            body.append(row_cells)
    if spec.has("footnote"):  # rows of the table under its units, across every column
        body += [[Cell("หมายเหตุ * ประเมินซ้ำตามหนังสือที่ 15/2568 ลงวันที่ 12 กันยายน 2568", colspan=len(fields))],
                 [Cell("คะแนนเต็ม 100 คะแนน ผ่านเกณฑ์ 85 คะแนนขึ้นไป", colspan=len(fields))]]
    title, subject, signature = announcement_words(spec, str)
    blocks = [Para(title, bold=True, align="center"), Para(subject, bold=True, align="center"),
              Table(header + body, header_rows=len(header), widths=list(widths), repeat_header=spec.repeat_header,
                    size=_table_size(font)),
              Para("")] + [Para(line, align="center") for line in signature]
    if spec.has("twin"):
        blocks = [Landscape()] + blocks
    plan = Plan(blocks, font=font, page_number="dash", thai_digits=spec.thai_digits)
    return plan, scored_rows(spec, rows)


def missing_printers() -> dict[str, str]:
    """Printers that cannot run here, with why."""
    return {name: why for name, r in RENDERERS.items() if (why := r.missing())}


def print_announcement(spec: AnnouncementSpec, printer: str, font: str, out: Path) -> list[TruthRow]:
    plan, truth = plan_of(spec, font)
    RENDERERS[printer].render(plan, out)
    return truth
