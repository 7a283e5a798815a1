"""Whole-path layout tests on generated Thai PDFs: rows and cells checked exactly."""
from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.layout import LayoutError, extract_layout
from parsers.pdf_text import join_lines, page_is_readable
from tests.pdf_factory import Row, make_pdf

A4_POINTS = (595.2756, 841.8898)

HEADER = Row([["มาตรการ/โครงการ/", "กิจกรรม"], ["วิธีการดำเนินการ"], ["ผู้รับผิดชอบ"], ["ระยะเวลา"]], "header")
WIDTHS = [140, 140, 110, 105]


def _layout(path: pathlib.Path):
    return extract_layout(path, "t")


def _body(table):
    return [r.cells for r in table.rows if r.kind == "body"]


def test_table_across_pages_is_one_table_with_sections_and_joined_rows(tmp_path):
    pages = [
        [
            Row([["มาตรการส่งเสริมคุณธรรมและความโปร่งใส"]], "heading"),
            HEADER,
            Row([["๑. กระบวนการปฏิบัติงานที่โปร่งใส"]], "section"),
            Row([["การพัฒนาระบบให้บริการ", "และระบบ E-Service"], ["๑. จัดทำ E-Service", "เพิ่มเติม"],
                 ["ทุกกอง"], ["ตุลาคม ๒๕๖๗"]]),
            Row([[""], [""], [""], [""]]),  # an empty spacer row
            Row([["จัดทำคู่มือการปฏิบัติงาน"], ["แต่งตั้งคณะกรรมการ"], ["สำนักปลัด"], ["ม.ค. ๖๘"]]),
        ],
        [
            HEADER,
            Row([[], ["และรายงานผล"], [], []]),
            Row([["๒. การให้บริการและระบบ E-Service"]], "section"),
            Row([["เผยแพร่ข้อมูลข่าวสาร"], ["ปรับปรุงเว็บไซต์"], ["กองคลัง"], ["ก.พ. ๖๘"]]),
        ],
    ]
    layout = _layout(make_pdf(tmp_path / "across.pdf", pages, WIDTHS))
    assert len(layout.tables) == 1
    table = layout.tables[0]
    assert table.pages == [1, 2] and table.n_cols == 4
    assert table.header == ["มาตรการ/โครงการ/กิจกรรม", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา"]
    assert [(r.kind, r.page) for r in table.rows] == [
        ("header", 1), ("section", 1), ("body", 1), ("body", 1), ("header", 2), ("section", 2), ("body", 2)]
    assert table.rows[1].cells == ["๑. กระบวนการปฏิบัติงานที่โปร่งใส", "", "", ""]
    assert _body(table) == [
        ["การพัฒนาระบบให้บริการและระบบ E-Service", "๑. จัดทำ E-Service เพิ่มเติม", "ทุกกอง", "ตุลาคม ๒๕๖๗"],
        ["จัดทำคู่มือการปฏิบัติงาน", "แต่งตั้งคณะกรรมการและรายงานผล", "สำนักปลัด", "ม.ค. ๖๘"],
        ["เผยแพร่ข้อมูลข่าวสาร", "ปรับปรุงเว็บไซต์", "กองคลัง", "ก.พ. ๖๘"],
    ]


def test_row_cut_mid_sentence_without_repeated_header_is_joined(tmp_path):
    pages = [
        [HEADER, Row([["๑ ผู้บังคับบัญชาใน"], ["๑.แต่งตั้งคณะกรรมการ"], ["งานวิเคราะห์และ"], ["๑ ตุลาคม ๒๕๖๘"]])],
        [Row([["หน่วยงานของท่าน"], ["ตรวจสอบพัสดุ"], ["แผน"], ["- ๓๐ กันยายน ๒๕๖๙"]]),
         Row([["๒ การเปิดเผยข้อมูล"], ["๑.รายงานผู้บริหาร"], ["งานนิติการ"], ["ม.ค. ๖๙"]])],
    ]
    layout = _layout(make_pdf(tmp_path / "cut.pdf", pages, WIDTHS))
    assert len(layout.tables) == 1
    assert _body(layout.tables[0]) == [
        ["๑ ผู้บังคับบัญชาในหน่วยงานของท่าน", "๑.แต่งตั้งคณะกรรมการตรวจสอบพัสดุ", "งานวิเคราะห์และแผน",
         "๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙"],
        ["๒ การเปิดเผยข้อมูล", "๑.รายงานผู้บริหาร", "งานนิติการ", "ม.ค. ๖๙"],
    ]
    assert [r.page for r in layout.tables[0].rows if r.kind == "body"] == [1, 2]


def test_heading_between_tables_of_same_columns_becomes_a_section_row(tmp_path):
    pages = [[
        HEADER,
        Row([["จัดทำคู่มือ"], ["แต่งตั้งคณะกรรมการ"], ["สำนักปลัด"], ["ม.ค. ๖๘"]]),
        Row([["๒) การให้บริการและระบบ E-Service"]], "heading"),
        HEADER,
        Row([["เผยแพร่ข้อมูล"], ["ปรับปรุงเว็บไซต์"], ["กองคลัง"], ["ก.พ. ๖๘"]]),
    ]]
    layout = _layout(make_pdf(tmp_path / "heading.pdf", pages, WIDTHS))
    assert len(layout.tables) == 1
    rows = layout.tables[0].rows
    assert [r.kind for r in rows] == ["header", "body", "section", "header", "body"]
    assert rows[2].cells[0] == "๒) การให้บริการและระบบ E-Service"


def test_borderless_table_rows_and_wrapped_cells(tmp_path):
    rows = [HEADER] + [
        Row([[f"มาตรการที่ {n}", "ต่อบรรทัด"], ["จัดอบรมบุคลากร"], ["กองคลัง"], [f"{n} ม.ค. ๖๘"]]) for n in "๑๒๓๔"
    ]
    layout = _layout(make_pdf(tmp_path / "borderless.pdf", [rows], WIDTHS, ruled=False))
    assert len(layout.tables) == 1
    assert _body(layout.tables[0]) == [
        [f"มาตรการที่ {n}ต่อบรรทัด", "จัดอบรมบุคลากร", "กองคลัง", f"{n} ม.ค. ๖๘"] for n in "๑๒๓๔"
    ]


def test_page_lines_include_table_text_in_reading_order(tmp_path):
    pages = [[Row([["รายงานผลคะแนน"]], "heading"), Row([["ตัวชี้วัด"], ["คะแนน"]], "header"),
              Row([["การปฏิบัติหน้าที่"], ["๙๓.๔๖"]]), Row([["การใช้อำนาจ"], ["๘๙.๗๘"]])]]
    layout = _layout(make_pdf(tmp_path / "lines.pdf", pages, [200, 100]))
    texts = [line.text for line in layout.pages[0].lines]
    assert texts == ["รายงานผลคะแนน", "ตัวชี้วัด คะแนน", "การปฏิบัติหน้าที่ ๙๓.๔๖", "การใช้อำนาจ ๘๙.๗๘"]
    assert all(line.x1 > line.x0 and line.bottom > line.top for line in layout.pages[0].lines)
    assert layout.pages[0].text_engine in ("pdfium", "mixed") and not layout.pages[0].ocr


def test_not_a_pdf_is_a_layout_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 this is not really a pdf")
    with pytest.raises(LayoutError):
        _layout(path)


def test_garbage_text_layers_are_not_readable():
    assert not page_is_readable("(cid:3)(cid:45)(cid:12) " * 30)
    assert not page_is_readable("Ã¡Ã¢Ã£ Â§Â¨ Ã¤Ã¥Ã¦ " * 20)
    assert page_is_readable("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")


@given(st.lists(st.text(alphabet="กขคงจาิีุู่้ ํ๑๒.-ABC", max_size=12), max_size=6))
def test_join_lines_keeps_every_visible_character_in_order(parts):
    text = "\n".join(parts)
    joined = join_lines(text)
    assert "\n" not in joined
    assert joined.replace(" ", "") == text.replace(" ", "").replace("\n", "")


@pytest.mark.parametrize("lines, joined", [
    ("ขั\uf70b\nนตอน", "ขั\uf70bนตอน"),  # the line ends in a tone mark as the font's PUA glyph: a word wrapped
    ("ที\uf70a\nจะดำเนินการ", "ที\uf70aจะดำเนินการ"), ("ผู\u200b\nรับบริการ", "ผู\u200bรับบริการ"),
    ("ขั้\nนตอน", "ขั้นตอน"), ("E-Service\nของหน่วยงาน", "E-Service ของหน่วยงาน"), ("ที่\n1. ข้อ", "ที่ 1. ข้อ"),
    ("๘\n๒.๗๖", "๘๒.๗๖"), ("9\n1.27", "91.27"),  # a score wrapped in a narrow column: one number, not 8 and a list
    ("ปี ๒๕๖๗\n๒. ติดตามผล", "ปี ๒๕๖๗ ๒. ติดตามผล"),  # a year then the next step stays two
])
def test_join_lines_joins_a_word_wrapped_after_a_mark_without_a_space(lines, joined):
    assert join_lines(lines) == joined


def test_engine_choice_prefers_the_undamaged_reading():
    from parsers.pdf_text import choose

    assert choose("ผู้บริหาร", "ผ(cid:3)บริหาร").engine == "pdfium"
    assert choose("การใช้อ\uf70aานาจ", "การใช้อำนาจ").engine == "pdfplumber"
    assert choose("มาตรการที ๑", "มาตรการที่ ๑").text == "มาตรการที่ ๑"  # PDFium lost a high tone mark
    # PDFium moved the hyphen; pdfplumber, damaged elsewhere, still shows where it belongs.
    assert choose("การพัฒนาระบบ E Service - ของ", "ก(cid:3)รพฒั น(cid:3)ระบบ E-Service ของ").text == "การพัฒนาระบบ E-Service ของ"
    assert choose("๒) การให้บริการและระบบ E Service -", "๒ ) การให้บรกิ ารและระบบ E - Service").text.endswith("E-Service")


def _full_comparison(pdfium_text: str, plumber_text: str) -> str:
    """The engine choice by scoring both readings, as choose() decided before its shortcut."""
    from normalizers.thai_text import repair_thai, word_fit
    from parsers.pdf_text import _CID, _RING_GAP, _put_back_hyphens, _visible, quality, same_letters

    pdfium_text = _put_back_hyphens(pdfium_text, plumber_text)
    q_pdfium, q_plumber = quality(pdfium_text), quality(plumber_text)
    fit_pdfium, fit_plumber = word_fit(repair_thai(pdfium_text)), word_fit(repair_thai(_CID.sub("", plumber_text)))
    if q_plumber == q_pdfium and fit_plumber != fit_pdfium:
        return "pdfplumber" if fit_plumber > fit_pdfium else "pdfium"
    plain = _CID.sub("", plumber_text)
    if q_plumber == q_pdfium and _RING_GAP.search(plumber_text) and not _RING_GAP.search(pdfium_text) \
            and same_letters(plumber_text, pdfium_text) and repair_thai(plain) != repair_thai(pdfium_text):
        return "pdfplumber"  # the ring PDFium's box missed, kept by pdfplumber as a gap before SARA AA
    sound_plumber, sound_pdfium = repair_thai(plain) == plain, repair_thai(pdfium_text) == pdfium_text
    if q_plumber == q_pdfium and sound_plumber != sound_pdfium:  # the reading that needed no repair
        return "pdfplumber" if sound_plumber else "pdfium"
    if q_plumber > q_pdfium or (q_plumber == q_pdfium and _visible(plumber_text) > _visible(pdfium_text)):
        return "pdfplumber"
    return "pdfium"


# pdfplumber's typical damage of a PDFium reading: doubled SARA AM, stacked tones, lost rings, spaces, cids.
_plumber_damage = st.sampled_from(["", "า", "้", " ", "(cid:3)", "", "ํา"])


@given(st.lists(st.sampled_from(["ผู้บริหาร", "คำนำ", "สูงสุด", "มาตรการ", "ที่", "ปีงบประมาณ", " ", "๑", "E-Service"]),
                min_size=1, max_size=6).map("".join),
       st.lists(st.tuples(st.integers(0, 40), _plumber_damage), max_size=4))
@settings(max_examples=300, deadline=None)
def test_engine_choice_shortcut_decides_as_the_full_comparison(clean, damage):
    """choose() skips repairing pdfplumber's reading when PDFium's scores the maximum; the answer must not change."""
    from parsers.pdf_text import choose

    damaged = clean
    for at, debris in damage:
        damaged = damaged[:at] + debris + damaged[at:]
    for pdfium_text, plumber_text in ((clean, damaged), (damaged, clean), (clean, clean)):
        assert choose(pdfium_text, plumber_text).engine == _full_comparison(pdfium_text, plumber_text)


def test_new_numbered_row_on_next_page_is_not_joined_even_with_empty_cells(tmp_path):
    pages = [
        [HEADER, Row([["๑ จัดทำคู่มือ"], ["แต่งตั้งคณะกรรมการ"], ["สำนักปลัด"], ["ม.ค. ๖๘"]])],
        [HEADER, Row([["๒ เผยแพร่ข้อมูล"], ["ปรับปรุงเว็บไซต์"], [""], ["ก.พ. ๖๘"]])],
    ]
    layout = _layout(make_pdf(tmp_path / "new-row.pdf", pages, WIDTHS))
    assert _body(layout.tables[0]) == [
        ["๑ จัดทำคู่มือ", "แต่งตั้งคณะกรรมการ", "สำนักปลัด", "ม.ค. ๖๘"],
        ["๒ เผยแพร่ข้อมูล", "ปรับปรุงเว็บไซต์", "", "ก.พ. ๖๘"],
    ]


def test_a_page_that_fails_is_recorded_and_the_others_are_kept(tmp_path, monkeypatch):
    from parsers import layout as layout_module

    pages = [[Row([["หน้าแรก"]], "heading")], [Row([["หน้าที่สอง"]], "heading")]]
    path = make_pdf(tmp_path / "two.pdf", pages, WIDTHS)
    real_read_page = layout_module.read_page

    def failing_second_page(number, *args):
        if number == 2:
            raise ValueError("damaged content stream")
        return real_read_page(number, *args)

    monkeypatch.setattr(layout_module, "read_page", failing_second_page)
    layout = _layout(path)
    assert layout.n_pages == 2 and layout.incomplete
    assert layout.pages[0].text == "หน้าแรก" and layout.pages[1].lines == []
    assert layout.warnings == ["page 2 could not be read: ValueError: damaged content stream"]


def test_debug_view_writes_the_page_image(tmp_path, capsys):
    from PIL import Image

    from parsers import debug_view

    pages = [[HEADER, Row([["จัดทำคู่มือ"], ["แต่งตั้งคณะกรรมการ"], ["สำนักปลัด"], ["ม.ค. ๖๘"]])]]
    path = make_pdf(tmp_path / "debug.pdf", pages, WIDTHS)
    assert debug_view.main(["--pdf", str(path), "--page", "1", "--out", str(tmp_path / "out"), "--dpi", "50"]) == 0
    image = Image.open(tmp_path / "out" / "debug-p1.png")
    assert all(abs(got - points * 50 / 72) <= 1 for got, points in zip(image.size, A4_POINTS))
    assert "table 1 row bold" in capsys.readouterr().out
    assert debug_view.main(["--pdf", str(path), "--page", "9", "--out", str(tmp_path / "out")]) == 1


def test_a_bold_title_repeated_atop_every_page_is_not_a_section(tmp_path):
    title = Row([["มาตรการส่งเสริมคุณธรรม อบต.ตัวอย่าง"]], "heading")
    pages = [
        [title, HEADER, Row([["จัดทำคู่มือ"], ["แต่งตั้งคณะกรรมการ"], ["สำนักปลัด"], ["ม.ค. ๖๘"]])],
        [title, HEADER, Row([["เผยแพร่ข้อมูล"], ["ปรับปรุงเว็บไซต์"], ["กองคลัง"], ["ก.พ. ๖๘"]])],
    ]
    layout = _layout(make_pdf(tmp_path / "running.pdf", pages, WIDTHS))
    assert len(layout.tables) == 1
    assert [r.kind for r in layout.tables[0].rows] == ["header", "body", "header", "body"]



def test_a_wider_reading_may_add_marks_but_not_letters():
    from parsers.pdf_text import same_letters

    assert same_letters("กระบวนการควบคุม", "กระบวนการควบคม")  # the wider box found the ุ
    assert same_letters("มาตรการที่ ๑", "มาตรการที ๑")
    # Tall glyphs of the next line (Purisa, tests/test_ita_seeds.py) are letters: the narrow reading stays.
    assert not same_letters("จังหวัดนราธิวาสปรำปีปร", "จังหวัดนราธิวาส")


def test_of_two_readings_as_good_once_repaired_the_one_needing_no_repair_is_taken():
    """PDFium's `คลง` repairs to `คลัง` alone, as pdfplumber's `คลัง` reads: the printed text is pdfplumber's, not the
    damaged one the repair may not mend once the cell's lines are joined (`กองคลง`)."""
    from parsers.pdf_text import choose

    assert choose("คลง", "คลัง").text == "คลัง"
    assert choose("คลัง", "คลง").text == "คลัง"
