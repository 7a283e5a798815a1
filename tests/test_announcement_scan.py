"""Scanned announcements (generated, rasterised): a score is right or null with a warning, never wrong; a
sideways page is turned upright before OCR."""
from __future__ import annotations

import shutil

import pypdfium2 as pdfium
import pytest

from parsers import ocr
from pipeline.discover import discover
from pipeline.process import process_document
from rapidfuzz import fuzz

from tests.announcement_factory import AnnouncementSpec, make_announcement, shortened
from tests.pdf_factory import ScanLook
from tests.test_announcement import FORMS, _expected

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract-ocr")


@pytest.mark.slow
@needs_tesseract
def test_scanned_announcement_never_wrong(tmp_path):
    spec = AnnouncementSpec(form="overall", year=2566, rows=14, seed=21, province="ปัตตานี", rows_per_page=14)
    truth = make_announcement(tmp_path / "scan.pdf", spec, scanned=True)
    (source,) = discover(tmp_path)
    result = process_document(source)
    assert result.parsed.doc_type == "results_announcement"
    assert len(result.parsed.results) <= len(truth)
    by_name = {"".join(r.name.split()): r for r in truth}
    for row in result.parsed.results:
        want = by_name.get("".join((row.unit_raw or "").split()))
        if want is not None and row.overall_score is not None:
            assert row.overall_score == want.total, want.name


@pytest.mark.slow
@needs_tesseract
@pytest.mark.parametrize("turn", [0, 90, 270])
def test_sideways_page_is_turned_upright(tmp_path, turn):
    spec = AnnouncementSpec(form="points", year=2568, rows=20, seed=5, colleges=True)
    make_announcement(tmp_path / "a.pdf", spec)
    page = pdfium.PdfDocument(tmp_path / "a.pdf")[0]
    image = page.render(scale=150 / 72, grayscale=True).to_pil().convert("L")
    upright, turned = ocr.upright(image.rotate(turn, expand=True, fillcolor=255))
    assert turned == turn and upright.size == image.size


# Scanner damage of the kinds real announcements show: the OVEC scan's oversized media box (an A4 scan at
# 74 pixels per inch of a 1600 x 2263 pt box), a turn and a lean of the columns, specks; a 150 dpi office scan;
# a clean 300 dpi scan (its rules, erased a pixel off their place, stayed inside every cell box).
LOOKS = {
    "oversized-box": (200, ScanLook(angle=-0.4, shear=0.008, noise=0.001, box_scale=2.6875, seed=2)),
    "office-150dpi": (150, ScanLook(angle=0.6, shear=0.006, noise=0.002, seed=1)),
    "clean-300dpi": (300, ScanLook(seed=3)),
}
ROWS = 20  # of each form: two pages (a repeated header, a page foot's hint), few pages to OCR


# (found, right) shares each case reaches: regression floors a little under what branch announce5 measured
# on 2 Dec end to end (found/right of the rows: oversized points 18/17 of 18, office 150 dpi raw 14/9 of 19,
# clean 300 dpi raw 19/19 of 19; announce4: 18/16, 14/7, 19/15, the raw form's lone letter levels lost);
# under issue #13's 0.95 for right on the 150 dpi scan; the never-wrong assertions are the contract.
FLOORS = {("points-colleges", "oversized-box"): (0.94, 0.90), ("raw-2566", "office-150dpi"): (0.70, 0.45),
          ("raw-2566", "clean-300dpi"): (0.94, 0.94)}

@pytest.mark.slow
@needs_tesseract
@pytest.mark.parametrize("form, look", [
    ("points-colleges", "oversized-box"),
    ("raw-2566", "office-150dpi"),
    ("raw-2566", "clean-300dpi"),
])
def test_scanned_announcement_row_by_row(tmp_path, form, look):
    """Every printed row checked: its unit found (name within OCR's reach), its scores right or null with a
    warning, never wrong; found and right shares at least FLOORS."""
    spec = shortened(FORMS[form], ROWS)
    dpi, damage = LOOKS[look]
    truth = [r for r in make_announcement(tmp_path / "scan.pdf", spec, scanned=True, dpi=dpi, look=damage)
             if not r.broken]  # a planted bad total is caught only where its tools are read (test_announcement)
    (source,) = discover(tmp_path)
    result = process_document(source)
    assert result.parsed.doc_type == "results_announcement"
    got = {"".join((r.unit_raw or "").split()): r for r in result.parsed.results}
    found = right = 0
    for row in truth:
        key = "".join(row.name.split())
        best = max(got, key=lambda k: fuzz.ratio(k, key), default="")
        if fuzz.ratio(best, key) < 90:
            continue
        found += 1
        read = got[best]
        want = _expected(row, spec)
        for field, value in want.items():
            assert getattr(read, field) in (None, value), (row.name, field, getattr(read, field), value)
        assert read.level in (None, row.level), (row.name, read.level)
        right += all(getattr(read, f) == v for f, v in want.items()) and read.level == row.level
    assert len(got) <= len(truth) + 1  # nothing invented (a broken row's name may read twice at most)
    found_floor, right_floor = FLOORS.get((form, look), (0.0, 0.0))
    assert found >= found_floor * len(truth) and right >= right_floor * len(truth), (found, right, len(truth))


@pytest.mark.parametrize("printed, read", [("B", ("B",)), ("AA", ("AA",)), ("C", ("C",)), ("8", ()), ("๘", ())])
def test_lone_letter_level_read_by_template(printed, read):
    """A letter level alone in a ruled cell (which Tesseract reads as nothing or `a`): read by template
    (ocr_digits.read_letter_level); a digit of the same shape (`8` beside B) is no letter."""
    from PIL import Image, ImageDraw, ImageFont

    from parsers.ocr_digits import _font_files, read_letter_level

    fonts = [f for f in _font_files() if "Garuda" in f.stem or "Loma" in f.stem]
    if not fonts:
        pytest.skip("needs a Thai font family with Latin letters (fonts-tlwg)")
    image = Image.new("L", (240, 180), 255)
    draw = ImageDraw.Draw(image)
    draw.text((20, 10), printed, font=ImageFont.truetype(str(fonts[0]), 42), fill=0)
    draw.line((0, 170, 239, 170), fill=0, width=2)  # the cell's bottom and right rules
    draw.line((235, 0, 235, 179), fill=0, width=2)
    found = read_letter_level(image, (0, 0, 240, 180))
    assert (found[0],) == read if read else found is None
