"""Page debug view: the page image with what the layout stage saw drawn on it.

    python -m pipeline debug-page --pdf path/to.pdf --page 2 [--out artifacts/debug] [--dpi 150]

Draws text lines (blue), table cells (green), ruling lines found in a scan (red) and OCR word boxes
(orange), and prints the page's lines and table rows, so a bad document can be fixed by looking.
"""
from __future__ import annotations

import argparse
import pathlib

import pdfplumber
import pypdfium2 as pdfium
from PIL import ImageDraw

from parsers import layout

COLOURS = {"line": (40, 90, 220), "cell": (20, 160, 60), "rule": (220, 30, 30), "word": (240, 140, 0)}


def draw_page(path: str, number: int, out_dir: pathlib.Path, dpi: int = 150) -> pathlib.Path:
    """Read the page with the layout stage's own reader, so the picture shows exactly what extraction used."""
    pdf = pdfium.PdfDocument(path)
    plumber = pdfplumber.open(path)
    ppage, fpage = plumber.pages[number - 1], pdf[number - 1]
    try:
        scale = dpi / 72
        image = fpage.render(scale=scale).to_pil().convert("RGB")
        draw = ImageDraw.Draw(image)

        def box(x0, top, x1, bottom, colour, width=1):
            draw.rectangle([x0 * scale, top * scale, x1 * scale, bottom * scale], outline=colour, width=width)

        read = layout.read_page(number, ppage, fpage, layout.Budget(1))
        for line in read.page.lines:
            box(line.x0, line.top, line.x1, line.bottom, COLOURS["line"])
        for rule in read.rules:
            box(rule.x0, rule.top, rule.x1, rule.bottom, COLOURS["rule"], 3)
        if read.page.ocr:
            for word in read.words:
                box(word.x0, word.top, word.x1, word.bottom, COLOURS["word"])
        for cell in read.cells:
            box(*cell, COLOURS["cell"], 2)
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{pathlib.Path(path).stem}-p{number}.png"
        image.save(target)
        page = read.page
        print(f"page {number}: engine={page.text_engine or '-'} ocr={page.ocr} quality={page.quality:.2f} "
              f"lines={len(page.lines)} tables={len(read.tables)}")
        for line in page.lines:
            print(f"  line {line.top:6.1f} {line.text}")
        for i, table in enumerate(read.tables, start=1):
            for row in table.rows:
                print(f"  table {i} row{' bold' if row.bold else ''}: {row.cells}")
        return target
    finally:
        ppage.close()
        plumber.close()
        pdf.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="debug-page", description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", required=True)
    parser.add_argument("--page", type=int, required=True, help="1-based page number")
    parser.add_argument("--out", default="artifacts/debug")
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args(argv)
    try:
        target = draw_page(args.pdf, args.page, pathlib.Path(args.out), args.dpi)
    except (OSError, IndexError, pdfium.PdfiumError) as exc:
        print(f"cannot draw page {args.page} of {args.pdf}: {exc}")
        return 1
    print(f"wrote {target}")
    return 0
