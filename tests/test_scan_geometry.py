"""Scans on oversized media boxes are read in points of paper; leaning columns are set upright."""
from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from parsers import ocr


def _pdf_with_image(page_size, image_size=(1654, 2339), image_box=None) -> pdfium.PdfDocument:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=page_size)
    x0, y0, w, h = image_box or (0, 0, *page_size)
    pdf.drawImage(ImageReader(Image.new("L", image_size, 255)), x0, y0, width=w, height=h)
    pdf.showPage()
    pdf.save()
    return pdfium.PdfDocument(out.getvalue())


def test_an_a4_scan_is_read_at_its_size():
    assert ocr.paper_scale(_pdf_with_image(A4)[0]) == 1.0


def test_a_scan_on_an_oversized_box_is_read_as_a4():
    page = _pdf_with_image((1600, 2263))[0]
    assert abs(ocr.paper_scale(page) - 2263 / 842) < 1e-6


def test_a_large_page_without_a_page_wide_image_keeps_its_points():
    page = _pdf_with_image((1600, 2263), image_size=(200, 200), image_box=(100, 100, 200, 200))[0]
    assert ocr.paper_scale(page) == 1.0  # a poster with a logo is not a scan on an oversized box


def _grid(slope: float) -> Image.Image:
    image = Image.new("L", (800, 1000), 255)
    draw = ImageDraw.Draw(image)
    for x in range(100, 701, 120):
        draw.line([(x - slope * 500, 0), (x + slope * 500, 1000)], fill=0, width=3)
    for y in range(50, 1000, 60):
        draw.line([(0, y), (800, y)], fill=0, width=2)
    return image


def test_leaning_columns_are_set_upright():
    slope = float(np.tan(np.radians(0.6)))
    leaning = _grid(slope)
    assert abs(ocr.shear_slope(leaning) - slope) < 0.003
    upright = ocr.deshear(leaning)
    assert abs(ocr.shear_slope(upright)) < 0.003


def test_upright_columns_are_left_alone():
    image = _grid(0.0)
    assert ocr.deshear(image) is image


def _cell_with_rules_inside(text: str) -> Image.Image:
    """A tall score cell (a row whose name wraps) as a deskewed 300 dpi scan gives it: the number at the top
    and the right and bottom rules two pixels inside the cell box, clear of its edge (erased a little off)."""
    from PIL import ImageFont

    from parsers.ocr_digits import FONT_DIRS

    font_path = next(p for d in FONT_DIRS for p in sorted(d.glob("Loma.*")))
    image = Image.new("L", (173, 173), 255)
    draw = ImageDraw.Draw(image)
    draw.text((22, 8), text, font=ImageFont.truetype(str(font_path), 40), fill=0)
    draw.rectangle((169, 3, 170, 170), fill=0)  # the vertical rule, 2 px wide
    draw.line((3, 170, 170, 170), fill=0)  # the rule under the row
    return image


def test_a_cell_is_read_without_the_rules_left_inside_its_box():
    from parsers.ocr_digits import cell_ink, guess_cell, read_cell

    image = _cell_with_rules_inside("๘๙.๕๖")
    box = (0, 0, image.width, image.height)
    assert read_cell(image, box) == "89.56"  # the L of the two rules was read as the cell's one glyph
    assert guess_cell(image, box) == ("89.56",)  # its readings: no digit with a close rival
    blank = Image.new("L", (173, 173), 255)
    ImageDraw.Draw(blank).rectangle((169, 3, 170, 170), fill=0)
    assert cell_ink(blank, box) is None  # a rule alone is an empty cell


def test_a_guess_is_looked_for_in_every_family_when_the_pages_own_finds_none():
    """The page's font family (learned from its clear digits) comes first; where its templates give no guess
    (here: Noto Sans Thai has no Latin digits; on scans, touching digits its templates miss) the others are
    asked. A guess is only a candidate a row's checksum may take (parsers.scan_numbers)."""
    from PIL import ImageFont

    from parsers.ocr_digits import FONT_DIRS, Learned, _template_set, guess_cell

    names = _template_set()[3]
    if "NotoSansThai" not in names:
        import pytest

        pytest.skip("fonts-noto-core not installed")
    font_path = next(p for d in FONT_DIRS for p in sorted(d.glob("Garuda.*")))
    image = Image.new("L", (200, 80), 255)
    ImageDraw.Draw(image).text((20, 15), "72.72", font=ImageFont.truetype(str(font_path), 40), fill=0)
    assert guess_cell(image, (0, 0, 200, 80), Learned(names.index("NotoSansThai"))) == ("72.72",)


def test_a_cell_is_read_without_the_broken_rule_pieces_of_a_bilevel_scan():
    """A bilevel scan breaks the rule beside a cell into dashes (each too short to be a rule alone, together
    taller than any digit) and leaves a piece of the rule below touching nothing but the cell's outer tenth;
    a thin digit `1` as tall as its neighbours, and a rank `1` alone, stay."""
    import numpy as np

    from parsers.ocr_digits import _without_rules, read_cell

    image = _cell_with_rules_inside("๒๗.๒๔")
    draw = ImageDraw.Draw(image)
    draw.rectangle((160, 0, 172, 172), fill=255)  # no solid rule: dashes instead
    for y in range(14, 160, 12):
        draw.line((168, y, 168, y + 7), fill=0)
    draw.line((20, 168, 60, 168), fill=0)  # a piece of the bottom rule
    assert read_cell(image, (0, 0, image.width, image.height)) == "27.24"
    from PIL import ImageFont

    from parsers.ocr_digits import FONT_DIRS

    font = ImageFont.truetype(str(next(p for d in FONT_DIRS for p in sorted(d.glob("Garuda.*")))), 16)
    for text in ("11.11", "1"):
        small = Image.new("L", (70, 40), 255)
        ImageDraw.Draw(small).text((10, 10), text, font=font, fill=0)
        ink = np.asarray(small) < 128
        assert (_without_rules(ink) == ink).all(), text
