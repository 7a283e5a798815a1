"""Scan page preparation (parsers/scan_image.py) and the seeded scan suite (scripts/make_scans.py)."""
from __future__ import annotations

import random

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw

from parsers.scan_image import prepare, remove_colour
from scripts import make_scans
from tests.pdf_factory import Row, make_pdf


def _page_with_seal() -> Image.Image:
    """Black print on white, a red seal over part of it, a yellow highlighter stroke over another part."""
    image = Image.new("RGB", (400, 200), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 40, 380, 50), fill=(20, 20, 20))  # a printed stroke
    draw.rectangle((20, 140, 380, 150), fill=(20, 20, 20))
    draw.ellipse((150, 10, 250, 110), outline=(200, 35, 45), width=6)  # seal ring crossing the stroke
    draw.rectangle((15, 130, 385, 160), fill=(255, 240, 60))  # highlighter ...
    draw.rectangle((20, 140, 380, 150), fill=(20, 19, 5))  # ... with the print still dark under it
    return image


def test_coloured_ink_is_removed_and_print_kept():
    grey = np.asarray(remove_colour(_page_with_seal()))
    assert grey[45, 30] < 60 and grey[145, 30] < 60  # print, also under the highlighter
    assert grey[135, 30] == 255  # highlighter alone
    assert grey[60, 152] == 255  # the seal's ring away from print


def test_prepare_gives_a_greyscale_page_of_the_same_size():
    image = prepare(_page_with_seal())
    assert image.mode == "L" and image.size == (400, 200)


@pytest.fixture(scope="module")
def text_pdf(tmp_path_factory):
    rows = [Row([["รายงานผลการดำเนินการ"]], "heading"), Row([["มาตรการ"], ["ผู้รับผิดชอบ"]], "header"),
            Row([["จัดทำคู่มือการปฏิบัติงาน"], ["สำนักปลัด"]])]
    return make_pdf(tmp_path_factory.mktemp("suite") / "doc.pdf", [rows, rows], [200, 120])


def test_scan_suite_is_seeded_and_image_only(text_pdf, tmp_path):
    outputs = []
    for folder, seed in (("a", 7), ("b", 7), ("c", 8)):
        (tmp_path / folder).mkdir()
        make_scans.scan_pdf(text_pdf, tmp_path / folder / "doc.pdf", random.Random(seed))
        outputs.append((tmp_path / folder / "doc.pdf").read_bytes())
    assert outputs[0] == outputs[1] != outputs[2]  # same seed, same bytes
    pdf = pdfium.PdfDocument(str(tmp_path / "a" / "doc.pdf"))
    assert len(pdf) == 2 and not pdf[0].get_textpage().get_text_range().strip()
    pdf.close()


def test_every_office_condition_is_drawn_within_the_issues_ranges():
    drawn = [make_scans.draw_conditions(random.Random(seed), 3) for seed in range(200)]
    assert {c.mode for c in drawn} == {"grey", "colour", "bilevel"}
    assert {c.dpi for c in drawn} <= set(make_scans.OFFICE_DPI) and min(c.dpi for c in drawn) == 150
    assert all(35 <= c.jpeg <= 90 for c in drawn)
    assert any(c.seal for c in drawn) and any(c.highlight_page is not None for c in drawn)


def test_office_damage_of_each_mode(text_pdf):
    pdf = pdfium.PdfDocument(str(text_pdf))
    clean = pdf[0].render(scale=150 / 72).to_pil().convert("RGB")
    pdf.close()
    for mode, image_mode in (("grey", "L"), ("colour", "RGB"), ("bilevel", "1")):
        conditions = make_scans.Conditions(150, mode, 50, 220.0, 30.0, 5.0, 0, True)
        damaged = make_scans.office_damage(clean, random.Random(1), conditions, 0, True)
        assert damaged.mode == image_mode and damaged.size[0] in range(clean.size[0] - 2, clean.size[0] + 3)
    colour = make_scans.office_damage(clean, random.Random(1), make_scans.Conditions(
        150, "colour", 90, 230.0, 10.0, 3.0, None, True), 0, True)
    rgb = np.asarray(colour, dtype=np.int16)
    assert ((rgb.max(axis=2) - rgb.min(axis=2)) > 60).sum() > 500  # the seal and the pen are coloured ink


def test_coloured_ink_on_grey_paper_takes_the_papers_grey():
    """White patches where a seal or highlighter was would make Tesseract take grey paper for ink."""
    image = Image.new("RGB", (400, 200), (190, 190, 190))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 40, 380, 50), fill=(20, 20, 20))
    draw.rectangle((15, 130, 385, 160), fill=(230, 240, 60))  # highlighter
    grey = np.asarray(remove_colour(image))
    assert abs(int(grey[135, 30]) - 190) <= 2 and grey[45, 30] < 60
