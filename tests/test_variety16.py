"""What held-out set 12, the matrix's last two misses and a generated check of long rows under a ruled head
(docs/variety.md "Variety16") showed, as rules of meaning and structure: a word that opens with ราย after a score is
no count; a row of the tools' weights (or weighted points) in a tools table turned sideways is no row of scores, and
a score under a weight is a row of its own; a page's first row holding the cells a printer moved off the last page's
last row is that row's rest; a font whose SARA AA a printer's subset maps to SARA AM is read by its own mapping; the
lines between the rules around a head are one head; lines atop a page in the columns of the table the last page
ended with are its cut row's rest."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from parsers.ita.measures import measures
from parsers.ita.statements import overall, tools_across
from parsers.layout import (Word, _aa_as_am_fonts, _across_rules, _one_head_between_rules, _page_top_rest, _remap_aa,
                            remap_aa_text)
from parsers.records import Table, TableRow
from parsers.tables import PageTable, RawRow, amount_under_amount


def test_a_line_opening_with_a_word_of_rai_after_the_score_does_not_make_it_a_count():
    """`… คะแนนรวมสุทธิ ๘๕.๒๐` then a tools table whose first head is `รายการประเมิน`: without spaces the next
    line's `ราย` read as the count noun (`63 ราย`), and an IIT score beside `ภาพรวม` was taken instead (main: 77.54)."""
    text = ("๑. ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๖\n"
            "ผลการวัดระดับคุณธรรมและความโปร่งใสของทต.ทุ่งยั้ง ปี ๒๕๖๖ ปรากฏว่าอยู่ในระดับ A โดยมีคะแนน\n"
            "รวมสุทธิ ๘๕.๒๐\n"
            "รายการประเมิน IIT EIT OIT ภาพรวมหน่วยงาน\n"
            "คะแนนที่ทำได้ ๗๗.๕๔ ๙๑.๑๒ ๘๖.๕๐ ๘๕.๒๐\n"
            "ค่าถ่วงน้ำหนัก (ร้อยละ) ๓๐ ๓๐ ๔๐ ๑๐๐\n")
    found = overall(text, 2566)
    assert (found.score, found.level) == (85.20, "A")


@pytest.mark.parametrize("after", ["ราย", "ราย ในการประเมินครั้งนี้"])
def test_a_count_of_people_is_still_no_score(after):
    assert overall(f"ผลการประเมิน ITA ปี 2567 ผู้ตอบแบบวัด 63 {after} ได้คะแนนรวม 86.10 คะแนน", 2567).score == 86.10


HEAD = ["รายการประเมิน", "IIT", "EIT", "OIT", "ภาพรวมหน่วยงาน"]
SCORES = ["คะแนนที่ทำได้", "๗๗.๕๔", "๙๑.๑๒", "๘๖.๕๐", "๘๕.๒๐"]
WEIGHTS = ["ค่าถ่วงน้ำหนัก (ร้อยละ)", "๓๐", "๓๐", "๔๐", "๑๐๐"]
POINTS = ["คะแนนถ่วงน้ำหนัก", "23.26", "27.34", "34.60", "85.20"]


@pytest.mark.parametrize("rows", [[SCORES, WEIGHTS], [WEIGHTS, SCORES], [WEIGHTS, SCORES, POINTS]])
def test_a_tools_table_turned_sideways_gives_the_score_row_whatever_its_place(rows):
    """Tools as columns, a row of scores and a row of weights (main: two rows with no year between them, nothing)."""
    found = {r.field: r.score for r in tools_across(HEAD, rows, 2566)}
    assert found == {"iit": 77.54, "eit": 91.12, "oit": 86.50}


def test_two_rows_of_scores_with_no_year_still_give_nothing():
    other = ["ปีก่อน", "80.00", "82.00", "84.00", "82.40"]
    assert tools_across(HEAD, [SCORES, other], 2566) == []


def test_the_part_2568_weights_are_known_too():
    head = ["", "IIT", "EIT ส่วนที่ 1", "EIT ส่วนที่ 2", "OIT"]
    rows = [["น้ำหนัก", "30", "15", "15", "40"], ["คะแนน", "88.00", "90.10", "80.20", "91.00"]]
    assert [r.score for r in tools_across(head, rows, 2568)] == [88.0, 90.1, 80.2, 91.0]


PLAN_HEAD = ["ตัวชี้วัด", "มาตรการ", "ผลการวิเคราะห์", "วิธีการดำเนินการ", "ระยะเวลาดำเนินการ", "ผู้รับผิดชอบ"]


def _plan_table(*rows: tuple[int, str, list[str]]) -> Table:
    """A ruled table (no cell merged over another: an empty cell is empty)."""
    body = [TableRow(PLAN_HEAD, 1, "header")] + [TableRow(cells, page, kind, [], [False] * 6) for page, kind, cells in rows]
    return Table(body, sorted({p for p, _, _ in rows}), 6, PLAN_HEAD)


def test_cells_a_printer_moved_to_the_next_page_are_the_rest_of_the_last_pages_row():
    """WeasyPrint put a cut row's indicator and analysis wholly on the next page (`๑๐. การป้องกันการทุจริต` atop it)
    and the measure's and method's last words beside them; the office and period stayed at the foot of the last page.
    Main read the rest as a measure of its own (`ประชาชน อย่างต่อเนื่อง`)."""
    table = _plan_table(
        (2, "body", ["๗. ประสิทธิภาพการสื่อสาร", "กิจกรรมการสร้างวัฒนธรรม No Gift Policy", "ควรปรับปรุง",
                     "ติดตามและรายงานผล", "พฤษภาคม - กันยายน ๒๕๖๗", "งานนิติการ"]),
        (2, "body", ["", "ป้องกันการรับสินบนในการให้บริการ", "", "๑. รายงานผลการดำเนินการต่อผู้บริหารทุก",
                     "ต.ค. ๖๖ - ก.ย. ๖๗", "สำนักปลัด กองคลัง"]),
        (3, "header", PLAN_HEAD),
        (3, "body", ["๑๐. การป้องกันการทุจริต", "ประชาชน อย่างต่อเนื่อง", "ต่ำกว่าเกณฑ์ ควรเร่งปรับปรุง",
                     "ไตรมาส ๒. จัดประชุมชี้แจง", "", ""]))
    found = measures([table], [], 2566, 2567)
    assert [m.measure for m in found] == ["กิจกรรมการสร้างวัฒนธรรม No Gift Policy",
                                          "ป้องกันการรับสินบนในการให้บริการ ประชาชน อย่างต่อเนื่อง"]
    assert (found[1].indicator, found[1].responsible) == (10, "สำนักปลัด กองคลัง")


def test_a_new_measure_whose_office_and_period_a_merged_cell_carries_stays_a_measure():
    """The page's last row is whole: nothing moved, so the next page's row under a merged office is its own."""
    table = _plan_table(
        (2, "body", ["๗. ประสิทธิภาพการสื่อสาร", "กิจกรรมการสร้างวัฒนธรรม No Gift Policy", "ควรปรับปรุง",
                     "ติดตามและรายงานผล", "พฤษภาคม - กันยายน ๒๕๖๗", "งานนิติการ"]),
        (3, "header", PLAN_HEAD),
        (3, "body", ["๑๐. การป้องกันการทุจริต", "ประเมินความเสี่ยงการทุจริต", "ต่ำกว่าเกณฑ์", "จัดประชุม", "", ""]))
    assert len(measures([table], [], 2566, 2567)) == 2


def _chars(text: str, font: str) -> list[dict]:
    return [{"text": ch, "fontname": font} for ch in text]


def _printed(text: str, font: str) -> list[dict]:
    """Chars as WeasyPrint's subset of Loma maps them: every SARA AA a SARA AM, a true SARA AM's ring an empty
    glyph before it."""
    out = []
    for ch in text:
        out += [{"text": "", "fontname": font}, {"text": "ำ", "fontname": font}] if ch == "ำ" \
            else [{"text": "ำ" if ch == "า" else ch, "fontname": font}]
    return out


def test_a_font_whose_sara_aa_reads_as_sara_am_is_found_and_read_by_its_own_mapping():
    text = "การดำเนินการตามมาตรการ ประจำปี " * 4
    chars = _printed(text, "ABCDEF+Loma")
    bold = _chars("รายงานผลการดำเนินการ" * 3, "GHIJKL+Loma-Bold")
    fonts = _aa_as_am_fonts(chars + bold)
    assert fonts == {"ABCDEF+Loma"}
    _remap_aa(chars + bold, fonts)
    # SARA AA again, and a true SARA AM as its parts NIKHAHIT + SARA AA (the text repair makes it one vowel)
    assert "".join(c["text"] for c in chars) == text.replace("ำ", "\u0e4d\u0e32")
    assert "".join(c["text"] for c in bold) == "รายงานผลการดำเนินการ" * 3


def test_a_font_with_sara_aa_is_never_remapped():
    chars = _chars("คำนำ การดำเนินการ จำนวน ประจำปี กำหนด " * 4, "X+Sarabun")
    assert _aa_as_am_fonts(chars) == set()
    assert _aa_as_am_fonts(_chars("คำนำ จำ", "Y+Loma")) == set()  # too little text to say


def test_pdfiums_reading_of_such_a_font_gets_the_same_mapping():
    assert remap_aa_text("กำรด\u0120ำเนินกำร ประจ\u0120ำปี") == "การดำเนินการ ประจำปี"


def _raw(cells: list[str], top: float) -> RawRow:
    return RawRow(cells, len(cells), top, top + 16)


HEAD_TOP = ["แนวทางขับเคลื่อน", "วิธีปฏิบัติตามลำดับ", "หน่วยงานที่", "ช่วงเวลา"]
HEAD_LOW = ["ความโปร่งใส", "", "ปฏิบัติจริง", "ปฏิบัติการ"]
BODY = ["๑. โครงการพัฒนายกระดับการเปิดเผยข้อมูล", "เปิดช่องทางรับเรื่องร้องเรียน", "สำนักปลัด", "๑ ตุลาคม ๒๕๖๖ - ๓๐ กันยายน ๒๕๖๗"]


def _unruled(*rows: RawRow) -> PageTable:
    return PageTable(1, 70, rows[0].top, 540, rows[-1].bottom, [70, 180, 300, 420, 540], list(rows))


def test_the_lines_between_the_rules_around_a_head_are_one_head_whatever_its_words():
    """Word's and Google Docs' styles rule a head above and below and shade it; a wrapped head cell's last line in
    words the parser does not know (`ความโปร่งใส`) was read as a row of its own, a fragment measure (main)."""
    table = _unruled(_raw(HEAD_TOP, 252), _raw(HEAD_LOW, 270), _raw(BODY, 300))
    # a rule drawn a cell at a time (Chromium's cell borders, hairline rectangles), above and below the head
    rects = [{"x0": 70 + 117.5 * k, "x1": 187.5 + 117.5 * k, "top": y, "bottom": y + 0.7}
             for y in (250.0, 292.0) for k in range(4)]
    merged = _across_rules(SimpleNamespace(lines=[], rects=rects))
    assert [(round(x0), round(x1)) for x0, _, x1 in merged] == [(70, 540), (70, 540)]
    _one_head_between_rules(table, merged)
    assert len(table.rows) == 2 and table.rows[0].header
    assert table.rows[0].cells[0] == "แนวทางขับเคลื่อน\nความโปร่งใส" and table.rows[1].cells == BODY


def test_without_a_rule_under_the_head_nothing_is_joined():
    table = _unruled(_raw(HEAD_TOP, 252), _raw(HEAD_LOW, 270), _raw(BODY, 300))
    _one_head_between_rules(table, [(70, 250.0, 540)])
    assert len(table.rows) == 3


def test_a_first_row_that_is_no_head_is_never_joined_to_the_next():
    """A table continued on a new page without its head: the first ruled band is a cut row's rest."""
    table = _unruled(_raw(BODY, 252), _raw(["", "และติดตามผล", "", ""], 270), _raw(BODY, 300))
    _one_head_between_rules(table, [(70, 250.0, 540), (70, 292.0, 540)])
    assert len(table.rows) == 3


@pytest.mark.parametrize("above, below", [(["น้ำหนักคะแนน", "๓๐", "๓๐", "๔๐"], ["ผลคะแนนที่ทำได้", "๙๕.๒๒", "๙๒.๓๕", "๙๔.๗๘"]),
                                          (["คะแนน", "95.22", "92.35", "94.78"], ["น้ำหนัก", "30", "30", "40"])])
def test_a_score_under_a_weight_in_a_table_without_rules_is_a_row_of_its_own(above, below):
    """A number never wraps onto a line of its own: the weights line and the scores line of a tools table turned
    sideways are two rows (main joined them, `๓๐๙๕.๒๒`, and read no tool)."""
    assert amount_under_amount(above, below)


@pytest.mark.parametrize("above, below", [(["", "๑ ตุลาคม", ""], ["", "๒๕๖๖ -", ""]), (["", "๒๕๖๖", ""], ["", "๓๐", ""]),
                                          (["", "ร้อยละ", ""], ["", "๘๐.๐๐", ""])])
def test_a_date_or_a_phrase_wrapped_over_lines_stays_one_cell(above, below):
    assert not amount_under_amount(above, below)


GRID = [70.0, 180.0, 310.0, 385.0, 455.0, 525.0]


def _line(*words: tuple[str, float, float], top: float) -> list[Word]:
    return [Word(text, x0, top, x1, top + 16) for text, x0, x1 in words]


def _rest(lines: list[list[Word]], used: set[int] = frozenset(), limit: float = 1e9) -> list[int]:
    return _page_top_rest(lines, [[(w.x0, w.top, w.x1, w.bottom) for w in line] for line in lines], set(used), limit, GRID)


def test_lines_atop_a_page_in_the_columns_of_the_table_the_last_page_ended_with_are_its_cut_rows_rest():
    """Word breaks a long row of a table ruled around its head only: its method's last steps atop the next page, in
    too few lines for a table of their own, were lost (main: method 79/96 in the generated check)."""
    lines = [_line(("-", 290, 294), ("๓", 296, 300), ("-", 302, 306), top=30),  # the page number
             _line(("ร้องเรียนให้ผู้ร้องทราบ", 185, 300), top=60),
             _line(("ภายในสิบห้าวัน", 185, 260), ("๔.", 262, 270), ("กำหนด", 272, 300), top=78),
             _line(("๒)", 72, 80), ("การให้บริการและระบบ", 82, 250), ("E-Service", 255, 300), top=300)]
    assert _rest(lines, used={3}, limit=300) == [1, 2]


def test_a_paragraph_or_a_new_numbered_row_atop_the_page_is_no_rest():
    across = [_line(("ข้อความย่อหน้าที่พาดผ่านหลายคอลัมน์", 75, 400), top=60)]
    assert _rest(across) == []
    numbered = [_line(("๕.", 72, 80), ("อบรมคุณธรรม", 82, 170), top=60)]
    assert _rest(numbered) == []


def test_a_number_a_narrow_column_cut_over_two_lines_stays_one_cell():
    """Word cuts `๙๕.๓๑` in a narrow percent column as `๙` over `๕.๓๑`: read together they are one number."""
    assert not amount_under_amount(["", "๙"], ["", "๕.๓๑"])
