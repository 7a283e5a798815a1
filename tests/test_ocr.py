"""OCR path on generated scans: image-only pages are read by Tesseract with word boxes and ruled tables,
and a run never stops when Tesseract is missing or the OCR page budget is spent."""
from __future__ import annotations

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw
from rapidfuzz import fuzz

from parsers import ocr
from parsers.layout import extract_layout
from pipeline.normalize import normalize_layout
from tests.pdf_factory import Row, make_pdf

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")

PAGE = [
    Row([["รายงานผลการดำเนินการ"]], "heading"),
    Row([["มาตรการ"], ["ผู้รับผิดชอบ"], ["ระยะเวลา"]], "header"),
    Row([["จัดทำคู่มือการปฏิบัติงาน"], ["สำนักปลัด"], ["ตุลาคม"]]),
    Row([["เผยแพร่ข้อมูลข่าวสาร"], ["กองคลัง"], ["มีนาคม"]]),
]


def _layout(path):
    return extract_layout(path, "t")


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    return make_pdf(tmp_path_factory.mktemp("scan") / "scan.pdf", [PAGE], [180, 130, 110], scanned=True, dpi=200)


@pytest.mark.slow
@needs_tesseract
def test_scanned_table_is_read_with_its_rows_and_cells(scan):
    layout = normalize_layout(_layout(scan))
    page = layout.pages[0]
    assert page.ocr and page.text_engine == "tesseract" and layout.ocr_pages == 1
    assert not layout.incomplete
    assert "รายงานผลการดำเนินการ" in page.text.replace(" ", "")
    assert len(layout.tables) == 1
    table = layout.tables[0]
    assert table.n_cols == 3
    body = [[c.replace(" ", "") for c in r.cells] for r in table.rows if r.kind == "body"]
    expected = [["จัดทำคู่มือการปฏิบัติงาน", "สำนักปลัด", "ตุลาคม"], ["เผยแพร่ข้อมูลข่าวสาร", "กองคลัง", "มีนาคม"]]
    assert [len(row) for row in body] == [3, 3]
    # Structure exactly; text within OCR's usual error (a dropped tone mark is one char in twenty).
    for got_row, want_row in zip(body, expected):
        for got, want in zip(got_row, want_row):
            assert fuzz.ratio(got, want) >= 90, (got, want)


def test_missing_tesseract_marks_the_document_incomplete(scan, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    layout = _layout(scan)
    assert layout.incomplete and layout.ocr_pages == 0
    assert any("tesseract not found" in w for w in layout.warnings)


def test_ocr_page_budget_skips_pages_with_a_warning(scan, monkeypatch):
    monkeypatch.setenv("ITA_MAX_OCR_PAGES", "0")
    layout = _layout(scan)
    assert layout.incomplete and layout.ocr_pages == 0
    assert any("ITA_MAX_OCR_PAGES" in w for w in layout.warnings)


def test_rules_are_found_in_a_skewed_image():
    image = Image.new("L", (1200, 900), 255)
    draw = ImageDraw.Draw(image)
    for y in (100, 300, 500):
        draw.line([(100, y), (1100, y)], fill=0, width=3)
    for x in (100, 600, 1100):
        draw.line([(x, 100), (x, 500)], fill=0, width=3)
    skewed = image.rotate(0.8, fillcolor=255)
    assert abs(ocr.skew_angle(skewed) + 0.8) <= 0.15
    rules = ocr.find_rules(ocr.deskew(skewed), dpi=150)
    long_horizontal = [r for r in rules if r.top == r.bottom and r.x1 - r.x0 > 400]
    long_vertical = [r for r in rules if r.top != r.bottom and r.bottom - r.top > 150]
    assert len(long_horizontal) >= 3 and len(long_vertical) >= 3


def test_lines_tesseract_is_unsure_of_are_dropped():
    def word(text, line, conf):
        return ocr.OcrWord(text, 0, 0, 1, 1, (1, 1, line), conf)

    words = [word("เห", 1, 60), word("a", 1, 75), word("ทั้งนี้", 2, 94), word("ให้", 2, 90)]
    assert [w.text for w in ocr.drop_unsure_lines(words)] == ["ทั้งนี้", "ให้"]


def test_text_strokes_are_not_taken_for_table_rules():
    """The stacked stems of `ชี้` make a 12-point vertical run that split `ตัวชี้วัด` into two columns, and the
    serifs of `IIT` a horizontal one; rules that draw the table meet each other at both ends."""
    from parsers.ocr import Rule, table_rules

    frame = [Rule(50, 719, 534, 719), Rule(50, 738, 534, 738), Rule(50, 778, 534, 778)]
    columns = [Rule(x, 719, x, 778) for x in (50, 148, 244, 341, 534)]
    broken = [Rule(437, 719, 437, 748), Rule(437, 755, 437, 778)]  # one column rule in two pieces
    strokes = [Rule(174, 720.7, 174, 733.2), Rule(174.5, 741, 174.5, 753), Rule(56.6, 745.2, 71.3, 745.2)]
    kept = table_rules(frame + columns + broken + strokes)
    assert set(kept) == set(frame + columns + broken)


def test_a_row_rule_that_stops_short_of_the_frame_is_run_to_it():
    """A bilevel 150 dpi scan broke a row rule into pieces too short to be runs near the table's left frame
    (01024: it starts 10 points in); without that end the row's corner is missing and two measures became one
    row. A rule meeting a column rule at one end is run to the next column rule within END_REACH; an underline
    meeting none, and a rule stopping further off, are left as they are."""
    from parsers.ocr import Rule, table_rules

    frame = [Rule(51, 100, 534, 100), Rule(51, 400, 534, 400)]
    columns = [Rule(x, 100, x, 400) for x in (51, 148, 534)]
    short = Rule(62, 274, 534, 274)  # meets the right frame, stops 11 points short of the left one
    kept = table_rules(frame + columns + [short])
    assert Rule(51, 274, 62, 274) in kept and short in kept
    far = Rule(70, 274, 534, 274)  # 19 points short: not this rule's missing end
    assert set(table_rules(frame + columns + [far])) == set(frame + columns + [far])
    underline = Rule(160, 200, 200, 200)  # meets no column rule (kept as a long rule, nothing added)
    assert set(table_rules(frame + columns + [underline])) == set(frame + columns + [underline])


def test_a_stamps_ring_over_a_table_makes_no_column_and_section_broken_rules_stay():
    """A round stamp over a ruled table: its ring's left and right sides are short near-vertical runs meeting
    row rules, which split every row into extra columns (set 7's landscape twin table on the bilevel held-out
    look read as 10 columns, found 2 of 24 rows). Column rules broken by section rows that span the table,
    one of them a single row long, are the table's and stay."""
    image = Image.new("L", (1400, 1100), 255)
    draw = ImageDraw.Draw(image)
    rows = list(range(100, 1001, 50))  # 18 rows of 50 px at 200 dpi (18 points)
    sections = (4, 6)  # the rows between these rules span the table: column rules stop at them
    for y in rows:
        draw.line([(100, y), (1300, y)], fill=0, width=3)
    for x in (100, 1300):
        draw.line([(x, 100), (x, 1000)], fill=0, width=3)
    for x in (250, 800, 1000):
        for top, bottom in zip(rows, rows[1:]):
            if rows.index(top) not in sections:
                draw.line([(x, top), (x, bottom)], fill=0, width=3)
    draw.ellipse((840, 420, 1260, 840), outline=0, width=5)  # the stamp (radius 210 px): sides at x 840, 1260
    rules = ocr.find_rules(image, dpi=200)
    columns = sorted({round(r.x0 * 200 / 72) for r in rules if r.top != r.bottom})
    assert all(any(abs(c - x) <= 3 for x in (100, 250, 800, 1000, 1300)) for c in columns), columns
    assert all(any(abs(c - x) <= 3 for c in columns) for x in (100, 250, 800, 1000, 1300)), columns
    short = [r for r in rules if r.top != r.bottom and abs(r.x0 * 200 / 72 - 250) <= 3
             and 345 <= r.top * 200 / 72 <= 355]
    assert short, "the column rule one row long between two section rows is kept"


@pytest.mark.slow
@needs_tesseract
def test_scanned_office_cells_are_written_as_the_lexicon_spells_them(scan):
    """The responsible column of a scanned table comes back exactly (scan_cleanup.snap_office), and the
    cell keeps where it was printed and Tesseract as its engine."""
    table = normalize_layout(_layout(scan)).tables[0]
    body = [r for r in table.rows if r.kind == "body"]
    assert [r.cells[1].replace(" ", "") for r in body] == ["สำนักปลัด", "กองคลัง"]
    source = body[0].sources[1]
    assert source.page == 1 and source.engine == "tesseract" and 0 <= source.confidence <= 1


@pytest.mark.slow
@needs_tesseract
@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_orientation_is_asked_only_when_the_page_does_not_read_upright(tmp_path, monkeypatch, turn):
    """An upright page pays for no orientation detection (~1 s); a turned one is detected and read upright,
    its table found on the upright image."""
    import pdfplumber
    import pypdfium2 as pdfium

    from parsers.layout import _read_scan
    from tests.announcement_factory import AnnouncementSpec, make_announcement

    make_announcement(tmp_path / "a.pdf", AnnouncementSpec(form="points", year=2568, rows=8, seed=5, colleges=True))
    image = pdfium.PdfDocument(tmp_path / "a.pdf")[0].render(scale=ocr.DPI / 72, grayscale=True).to_pil().convert("L")
    asked, detect = [], ocr.page_rotation
    monkeypatch.setattr(ocr, "page_rotation", lambda img: asked.append(img.size) or detect(img))
    with pdfplumber.open(tmp_path / "a.pdf") as pdf:
        clean, rules, tables, reading, turned = _read_scan(pdf.pages[0], image.rotate(turn, expand=True, fillcolor=255))
    assert turned == turn and bool(asked) == (turn != 0)
    assert clean.size == image.size and reading.upright and rules and tables
    assert "วิทยาลัย" in "".join(w.text for w in reading.words)


@pytest.mark.slow
@needs_tesseract
@pytest.mark.skipif(not ocr._same_engine(), reason="tesserocr not built against the CLI's libtesseract")
@pytest.mark.parametrize("psm", [3, 6])
def test_in_process_tesseract_reads_as_the_cli_does(scan, psm):
    """tesserocr linked to the CLI's libtesseract gives the CLI's words, boxes and confidences: moving Tesseract in
    process changes the cost of a page, never what is read on it."""
    import pypdfium2 as pdfium  # noqa: PLC0415

    image = ocr.render(pdfium.PdfDocument(scan)[0])
    assert ocr._in_process() is not None
    assert ocr.tsv_words(ocr.tesseract_tsv(image, ocr.DPI, psm), 0.24) == ocr.tsv_words(
        ocr._cli_tsv(image, ocr.DPI, psm), 0.24)


def _lines_one_way_by_rows(dark, min_length):
    """The rule finder's first form, row by row over every run and every line found: what the faster one must
    give, line for line."""
    import numpy as np  # noqa: PLC0415

    found = []
    for y in range(dark.shape[0]):
        padded = np.concatenate(([False], dark[y], [False])).astype(np.int8)
        edges = np.flatnonzero(np.diff(padded))
        for start, end in ((int(s), int(e)) for s, e in zip(edges[::2], edges[1::2]) if e - s >= min_length):
            for i, (fy, fs, fe) in enumerate(found):
                if 0 < y - fy <= 4 and abs(fs - start) < 10 and abs(fe - end) < 10:
                    found[i] = (y, min(fs, start), max(fe, end))
                    break
            else:
                found.append((y, start, end))
    return found


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 700), st.floats(0.0, 0.95))
def test_rule_runs_are_found_as_row_by_row(seed, height, density):
    import numpy as np  # noqa: PLC0415

    rng = np.random.default_rng(seed)
    dark = rng.random((height, 90)) < density  # specks, and long runs where density is high
    for y in rng.integers(0, height, 6):  # thick and broken rules, some drifting by a row
        x0 = int(rng.integers(0, 40))
        dark[y:y + int(rng.integers(1, 4)), x0:x0 + int(rng.integers(10, 90))] = True
    assert ocr._lines_one_way(dark, 20) == _lines_one_way_by_rows(dark, 20)


FONT = "/usr/share/fonts/truetype/tlwg/Garuda.ttf"
TEXT = ["มาตรการยกระดับการเปิดเผย", "ตุลาคม ๒๕๖๕", "สำนักปลัด กองคลัง", "รายงานผลการดำเนินการ"]


def _dotted_page(seed: int, columns=(200, 620, 1040, 1460, 1880), rows=(240, 840, 1360, 2220)) -> Image.Image:
    """A 300-dpi page of a table whose thin rules bilevel scanning left as dots (2-3 pixels, 10-100 apart, as
    01005's), Thai text in its cells."""
    import random

    from PIL import ImageFont

    rng = random.Random(seed)
    image = Image.new("L", (2100, 2600), 255)
    draw = ImageDraw.Draw(image)
    for y in rows:
        x = columns[0]
        while x < columns[-1]:
            draw.rectangle((x, y, x + rng.randint(1, 5), y + 1), fill=0)
            x += rng.randint(10, 100)
    for x in columns:
        y = rows[0]
        while y < rows[-1]:
            draw.rectangle((x, y, x + 1, y + rng.randint(1, 5)), fill=0)
            y += rng.randint(10, 60)
    font = ImageFont.truetype(FONT, 44)
    for top, bottom in zip(rows, rows[1:]):
        for left, _ in zip(columns, columns[1:]):
            for line in range((bottom - top - 40) // 80):
                draw.text((left + 20, top + 25 + 80 * line), rng.choice(TEXT)[:10], font=font, fill=0)
    return image


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_table_whose_rules_bilevel_scanning_broke_into_dots_is_found(seed):
    """01005 (bilevel 150 dpi): no run of a rule is a line long, so the table was read without rows or columns."""
    columns, rows = (200, 620, 1040, 1460, 1880), (240, 840, 1360, 2220)
    rules = ocr.find_rules(_dotted_page(seed, columns, rows), dpi=300)
    to_px = 300 / 72
    vertical = sorted({round(r.x0 * to_px) for r in rules if r.top != r.bottom and r.bottom - r.top > 400})
    horizontal = sorted({round(r.top * to_px) for r in rules if r.top == r.bottom and r.x1 - r.x0 > 300})
    assert len(vertical) == len(columns) and all(abs(a - b) <= 3 for a, b in zip(vertical, columns))
    assert len(horizontal) == len(rows) and all(abs(a - b) <= 3 for a, b in zip(horizontal, rows))


def test_columns_of_text_without_rules_make_no_table():
    """Left-aligned text in columns lines its letters' stems up at one x: no isolated line, so no rule."""
    from PIL import ImageFont

    image = Image.new("L", (2100, 2600), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 44)
    for line in range(28):
        for column, left in enumerate((220, 800, 1400)):
            draw.text((left, 150 + 80 * line), TEXT[(line + column) % 4], font=font, fill=0)
    assert ocr.find_rules(image, dpi=300) == []


def test_erased_rules_are_white_unless_a_fill_is_given():
    """White reads best on most pages (01002's title year); the paper's grey is the fallback (page_pass_lost)."""
    image = Image.new("L", (800, 600), 190)
    draw = ImageDraw.Draw(image)
    draw.line([(100, 300), (700, 300)], fill=20, width=3)
    rule = [ocr.Rule(100 * 72 / 300, 300 * 72 / 300, 700 * 72 / 300, 300 * 72 / 300)]
    assert ocr.erase_rules(image, rule).getpixel((400, 300)) == 255
    grey = ocr.erase_rules(image, rule, fill=190)
    assert grey.getpixel((400, 300)) == 190 and grey.getpixel((400, 100)) == 190


def _reading(lines: list[int]):
    words = [ocr.OcrWord("คำ", 10, 10, 20, 20, (line, 0, 0), 90.0) for line in lines]
    return ocr.PageReading(words, None, True)


def _grey_page_with_title() -> Image.Image:
    """Grey paper (190) with a title's ink above a table cell full of ink."""
    image = Image.new("L", (2480, 3508), 190)
    draw = ImageDraw.Draw(image)
    draw.rectangle((300, 200, 2100, 260), fill=30)  # the title's ink, outside every cell
    draw.rectangle((300, 1000, 2100, 2000), fill=30)  # the cell's ink
    return image


def test_a_page_pass_that_read_nothing_above_a_table_is_lost():
    """Ink outside the cells and no page-pass word: Tesseract took the paper for ink (analysis2566's colour scan)."""
    cell = (250 * 72 / 300, 900 * 72 / 300, 2200 * 72 / 300, 2100 * 72 / 300)
    page = _grey_page_with_title()
    base = ocr.scan_cells.LINE_BASE
    assert ocr.page_pass_lost(page, _reading([base, base + 1]), [cell], dpi=300)
    assert not ocr.page_pass_lost(page, _reading([1, 2, 3, base]), [cell], dpi=300)  # the page pass read words


def test_a_page_whose_only_ink_is_in_its_cells_is_not_lost():
    """No page-pass word is right when all the ink is in the cells: no second reading."""
    page = _grey_page_with_title()
    ImageDraw.Draw(page).rectangle((300, 200, 2100, 260), fill=190)  # no title
    cell = (250 * 72 / 300, 900 * 72 / 300, 2200 * 72 / 300, 2100 * 72 / 300)
    assert not ocr.page_pass_lost(page, _reading([ocr.scan_cells.LINE_BASE]), [cell], dpi=300)
