"""Cells of scanned tables read on their own crops (parsers/scan_cells.py): crops stacked and mapped back
exactly, empty cells skipped, and on a generated ruled scan each cell's text lands in that cell only."""
from __future__ import annotations

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont

from parsers import ocr, scan_cells
from parsers.ocr import OcrWord

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
FONT = "/usr/share/fonts/truetype/tlwg/Garuda.ttf"


def _page_with_ink(boxes):
    image = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(image)
    for x0, top, x1, bottom in boxes:
        draw.rectangle((x0 + 10, top + 10, x1 - 10, bottom - 10), fill=0)
    return image


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 900), st.integers(0, 1300), st.integers(30, 290), st.integers(30, 290)),
                min_size=1, max_size=6, unique_by=lambda t: (t[0], t[1])))
def test_a_word_in_a_crop_goes_back_to_its_place_on_the_page(raw):
    boxes = [(x, y, x + w, y + h) for x, y, w, h in raw]
    stacked, crops = scan_cells.stack(_page_with_ink(boxes), boxes)
    assert stacked.height == sum(b[3] - b[1] for b in boxes) + scan_cells.GAP * (len(boxes) - 1) + 2 * scan_cells.MARGIN
    scale = 0.24  # points per pixel at 300 dpi
    words = []
    for crop in crops:  # a word filling the middle of each crop, in points of the stack
        x0, top = scan_cells.MARGIN + 5, crop.at + 5
        x1, bottom = scan_cells.MARGIN + crop.x1 - crop.x0 - 5, crop.at + crop.bottom - crop.top - 5
        words.append(OcrWord("w", x0 * scale, top * scale, x1 * scale, bottom * scale, (1, 1, 1), 90.0))
    placed = scan_cells.place(words, crops, scale)
    assert len(placed) == len(crops)
    for word, crop in zip(placed, crops):
        assert word.x0 == pytest.approx((crop.x0 + 5) * scale) and word.top == pytest.approx((crop.top + 5) * scale)
        assert word.x1 == pytest.approx((crop.x1 - 5) * scale) and word.bottom == pytest.approx((crop.bottom - 5) * scale)
    assert len({w.line for w in placed}) == len(crops)  # a line never spans two cells


def test_empty_cells_are_not_read_and_boxes_keep_off_the_rules():
    image = _page_with_ink([(100, 100, 400, 200)])
    cells_points = [(100 * 0.24, 100 * 0.24, 400 * 0.24, 200 * 0.24), (400 * 0.24, 100 * 0.24, 700 * 0.24, 200 * 0.24)]
    boxes = scan_cells.cell_boxes(cells_points, 300, image.size)
    assert boxes[0] == (100 + scan_cells.INSET, 100 + scan_cells.INSET, 400 - scan_cells.INSET, 200 - scan_cells.INSET)
    assert scan_cells.inked(image, boxes) == [boxes[0]]
    blanked = scan_cells.blank(image, [boxes[0]])
    assert blanked.crop(boxes[0]).getextrema() == (255, 255) and image.crop(boxes[0]).getextrema()[0] == 0


@needs_tesseract
def test_each_cell_of_a_ruled_scan_reads_its_own_text_only():
    """Two cells whose texts nearly touch across the rule: the page-level reading may glue them, the cell
    reading never does."""
    image = Image.new("L", (1400, 300), 200)  # grey office paper: the stack must be filled with it, not white
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 48)
    draw.line((40, 60, 1360, 60), fill=0, width=3)
    draw.line((40, 200, 1360, 200), fill=0, width=3)
    for x in (40, 700, 1360):
        draw.line((x, 60, x, 200), fill=0, width=3)
    draw.text((60, 95), "สำนักปลัดเทศบาล", font=font, fill=0)
    draw.text((712, 95), "กองคลัง", font=font, fill=0)
    rules = ocr.find_rules(image)
    clean = ocr.erase_rules(image, rules)
    scale = 72 / 300
    cells = [(40 * scale, 60 * scale, 700 * scale, 200 * scale), (700 * scale, 60 * scale, 1360 * scale, 200 * scale)]
    words, _ = ocr.ocr_page(clean, cells=cells)
    left = "".join(w.text for w in words if w.x1 <= 700 * scale)
    right = "".join(w.text for w in words if w.x0 >= 700 * scale)
    assert all(w.x1 <= 700 * scale or w.x0 >= 700 * scale for w in words)
    assert "กองคลัง" in right.replace(" ", "") and "กอง" not in left
    assert "ปลัด" in left


def test_a_cell_tesseract_is_unsure_of_is_left_empty_with_a_warning():
    from types import SimpleNamespace

    from parsers.layout import MIN_CELL_CONFIDENCE, Word, _PageReader

    cells = [(0, 0, 100, 20), (100, 0, 200, 20)]
    found = SimpleNamespace(rows=[SimpleNamespace(cells=cells, bbox=(0, 0, 200, 20))], bbox=(0, 0, 200, 20))
    words = [Word("กองคลัง", 10, 5, 60, 15, conf=93.0),
             Word("ฒฒ", 110, 5, 130, 15, conf=30.0), Word("โ26จ", 132, 5, 160, 15, conf=45.0)]
    reader = _PageReader(1, 800, None, words, ocr_used=True)
    row = reader.tables([found])[0].rows[0]
    assert row.cells == ["กองคลัง", ""]
    assert row.sources[0].confidence == pytest.approx(0.93) and row.sources[1] is None
    assert 0.375 < MIN_CELL_CONFIDENCE and any("0.38" in w and "ฒฒ" in w for w in reader.warnings)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(10, 4000), min_size=1, max_size=40), st.sampled_from([1, 2]))
def test_cells_are_read_in_stacks_tesseract_accepts_covering_every_cell_once(heights, zoom):
    """Tesseract refuses images past 32,767 pixels: a page of many tall cells is read in several stacks."""
    boxes = [(0, 0, 100, h) for h in heights]
    parts = list(scan_cells.batches(boxes, zoom))
    assert [b for _, part in parts for b in part] == boxes
    assert [first for first, _ in parts] == [sum(len(p) for _, p in parts[:i]) for i in range(len(parts))]
    for _, part in parts:
        stacked_height = sum(b[3] - b[1] for b in part) * zoom + scan_cells.GAP * (len(part) - 1) + 2 * scan_cells.MARGIN
        assert stacked_height <= scan_cells.MAX_STACK or len(part) == 1


def _crop_words(texts, conf=92.0):
    """One word per crop, as read_cells numbers them (line key scan_cells.LINE_BASE + crop)."""
    return [OcrWord(text, 0, 0, 1, 1, (scan_cells.LINE_BASE + i, 0, 0), conf) for i, text in enumerate(texts) if text]


def test_only_cells_of_text_tables_read_surely_are_painted_over_for_the_page_pass():
    boxes = [(0, 100 * i, 500, 100 * i + 90) for i in range(6)]
    texts = ["มาตรการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน", "จัดทำคู่มือการปฏิบัติงานและเผยแพร่ให้ประชาชนทราบ",
             "กองคลัง", "๑ ต.ค. ๖๗", "", "สำนักปลัด"]
    table_of = dict.fromkeys(boxes, 0)
    painted = ocr.painted_cells(boxes, _crop_words(texts), table_of)
    assert painted == [boxes[0], boxes[1], boxes[2], boxes[5]]  # digits and an empty crop stay on the page
    assert ocr.painted_cells(boxes, _crop_words(texts, conf=80.0), table_of) == []  # read unsure: page kept
    scores = ["องค์การบริหารส่วนตำบลปะนาเระ", "92.39", "87.74", "B", "องค์การบริหารส่วนตำบลควน", "61.68"]
    assert ocr.painted_cells(boxes, _crop_words(scores), table_of) == []  # a table of short values: page kept
    assert ocr.painted_cells(boxes[:3], _crop_words(texts[:3]), table_of) == []  # a framed title, not a table


def test_a_cell_around_a_rows_own_cells_is_cut_back_to_the_heading_above_them():
    """A broken rule under a heading row: the table finder made one cell of the heading and the row below,
    around that row's own cells; read on its crop it read the row a second time. It keeps the heading only."""
    heading = (50.0, 313.0, 780.0, 515.0)
    row = [(50.0, 343.0, 173.0, 515.0), (173.0, 343.0, 294.0, 515.0), (294.0, 343.0, 416.0, 515.0)]
    above = [(50.0, 56.0, 173.0, 313.0), (173.0, 56.0, 780.0, 313.0)]
    assert scan_cells.unnested(above + [heading] + row) == above + [(50.0, 313.0, 780.0, 343.0)] + row
    # the mirror case: the inner cells reach its top
    assert scan_cells.unnested([(0.0, 0.0, 100.0, 90.0), (0.0, 0.0, 50.0, 60.0)]) == [(0.0, 60.0, 100.0, 90.0),
                                                                                      (0.0, 0.0, 50.0, 60.0)]
    # a grid of cells that do not nest, and an outer cell whose inner one touches neither edge, stay
    assert scan_cells.unnested(above + row) == above + row
    assert scan_cells.unnested([(0.0, 0.0, 100.0, 90.0), (10.0, 20.0, 50.0, 60.0)]) == [(0.0, 0.0, 100.0, 90.0),
                                                                                        (10.0, 20.0, 50.0, 60.0)]
