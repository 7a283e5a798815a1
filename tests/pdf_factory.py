"""Generate Thai test PDFs with known tables: ruled or borderless, spanning section rows, headings between
tables, rows cut by a page break, and scanned (image-only) pages. Other tests may import it.

    from tests.pdf_factory import Row, make_pdf
    make_pdf(path, [[Row([["ลำดับ"], ["มาตรการ"]], "header"), Row([["๑"], ["จัดทำคู่มือ", "การปฏิบัติงาน"]])]],
             col_widths=[60, 300])

Each page is a list of rows drawn top-down; a row's cells are lists of text lines. A row cut by a page
break is written as two rows, the second on the next page (usually with an empty first cell).
"""
from __future__ import annotations

import io
import pathlib
from dataclasses import dataclass

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_DIR = pathlib.Path("/usr/share/fonts/truetype/tlwg")
FONT_SIZE = 12
LEADING = 17
PADDING = 4
MARGIN = 50


@dataclass
class Row:
    """cells: text lines per column. kind: "header" (bold), "section" (one cell across all columns),
    "heading" (a bold line outside the table, which breaks the grid), "text" (a plain line outside), "body"."""

    cells: list[list[str]]
    kind: str = "body"

    @property
    def height(self) -> float:
        return max((len(lines) for lines in self.cells), default=1) * LEADING + 2 * PADDING


def font_names(family: str = "Garuda") -> tuple[str, str]:
    """Register a TLWG family (regular and bold) with reportlab; returns their names."""
    regular, bold = family, f"{family}-Bold"
    for name in (regular, bold):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    return regular, bold


def _draw_page(pdf: canvas.Canvas, rows: list[Row], col_widths: list[float], ruled: bool, family: str) -> None:
    regular, bold = font_names(family)
    y = A4[1] - MARGIN
    table_width = sum(col_widths)
    for row in rows:
        if row.kind in ("heading", "text"):
            pdf.setFont(bold if row.kind == "heading" else regular, FONT_SIZE)
            pdf.drawString(MARGIN, y - LEADING + 4, row.cells[0][0])
            y -= LEADING + 8
            continue
        top, bottom = y, y - row.height
        spans = [table_width] if row.kind == "section" else col_widths
        x = MARGIN
        pdf.setFont(bold if row.kind in ("header", "section") else regular, FONT_SIZE)
        for cell_width, lines in zip(spans, row.cells):
            if ruled:
                pdf.rect(x, bottom, cell_width, top - bottom, stroke=1, fill=0)
            for i, line in enumerate(lines):
                pdf.drawString(x + PADDING, top - PADDING - (i + 1) * LEADING + 5, line)
            x += cell_width
        y = bottom


def make_pdf(path: pathlib.Path, pages: list[list[Row]], col_widths: list[float], *, ruled: bool = True,
             family: str = "Garuda", scanned: bool = False, dpi: int = 200,
             look: ScanLook | None = None) -> pathlib.Path:
    """Write the pages; with scanned=True every page becomes a greyscale image with no text layer."""
    path = pathlib.Path(path)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for rows in pages:
        _draw_page(pdf, rows, col_widths, ruled, family)
        pdf.showPage()
    pdf.save()
    data = buffer.getvalue()
    if scanned:
        data = _as_scan(data, dpi, look)
    path.write_bytes(data)
    return path


@dataclass(frozen=True)
class ScanLook:
    """How a scanner (and the tool that made the PDF) damaged the pages: a turn of a few tenths of a degree,
    a lean of the columns (shear), noise, and a media box `box_scale` times the paper (an image-to-PDF tool
    writing a 200 dpi scan at 72 pixels per inch of box)."""

    angle: float = 0.0  # degrees
    shear: float = 0.0  # horizontal shift per row (dx/dy)
    noise: float = 0.0  # share of pixels flipped to a random grey
    box_scale: float = 1.0
    seed: int = 0


def _damaged(image, look: ScanLook):
    import random as _random  # noqa: PLC0415

    if look.shear:
        w, h = image.size
        image = image.transform((w, h), 0, (1, look.shear, -look.shear * h / 2, 0, 1, 0), resample=2, fillcolor=255)
    if look.angle:
        image = image.rotate(look.angle, resample=2, fillcolor=255)
    if look.noise:
        rng = _random.Random(look.seed)
        pixels = image.load()
        w, h = image.size
        for _ in range(int(look.noise * w * h)):
            pixels[rng.randrange(w), rng.randrange(h)] = rng.randrange(0, 256)
    return image


def _as_scan(data: bytes, dpi: int, look: ScanLook | None = None) -> bytes:
    """The same pages as images only, like a scanner makes them."""
    look = look or ScanLook()
    source = pdfium.PdfDocument(data)
    out = io.BytesIO()
    width, height = A4[0] * look.box_scale, A4[1] * look.box_scale
    pdf = canvas.Canvas(out, pagesize=(width, height))
    for page in source:
        image = _damaged(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"), look)
        pdf.drawImage(ImageReader(image), 0, 0, width=width, height=height)
        pdf.showPage()
    pdf.save()
    source.close()
    return out.getvalue()
