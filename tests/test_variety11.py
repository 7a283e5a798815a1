"""What held-out set 10 (docs/variety.md "Variety11") showed, as rules of meaning and structure: periods as fiscal
quarters in words, the overall score from a table of results by year, a tool row merged across a two-column table at
a page's top, and the rest of a header row a page break cut."""
from __future__ import annotations

from datetime import date as D

import pytest

from normalizers.dates import months, names_period, parse_period
from parsers.ita.columns import _kind
from parsers.ita.statements import overall_by_year
from parsers.tables import PageTable, PageText, RawRow, build_tables


def _span(text, fiscal_year=None):
    p = parse_period(text, fiscal_year)
    return p.start, p.end


# text -> the months it covers, counted in the fiscal year (1 = October ... 12 = September), and that year
QUARTER_WORDS = {
    "ไตรมาสแรก": (1, 3, 2568), "ไตรมาสที่สอง": (4, 6, 2568), "ไตรมาสสุดท้าย": (10, 12, 2568),
    "ครึ่งปีแรก": (1, 6, 2568), "ครึ่งปีงบประมาณหลัง": (7, 12, 2568), "๖ เดือนแรก": (1, 6, 2568),
    "ตลอดทั้งปี": (1, 12, 2568), "ทั้ง ๔ ไตรมาส": (1, 12, 2568), "ไตรมาสที่ 1 - 4": (1, 12, 2568),
    # a fiscal year printed after the quarter is that quarter's, whatever the document's year
    "ไตรมาส ๓/๒๕๖๙": (7, 9, 2569), "ไตรมาสที่ 1-2 ปีงบประมาณ 2567": (1, 6, 2567),
}


@pytest.mark.parametrize("text", sorted(QUARTER_WORDS))
def test_periods_as_fiscal_quarters_in_words(text):
    first, last, year = QUARTER_WORDS[text]
    expected = months(first, last, year)
    assert _span(text, 2568) == (expected.start, expected.end)
    assert _span("ไตรมาสแรก", 2568) == (D(2024, 10, 1), D(2024, 12, 31))  # the fiscal year opens in October


def test_quarter_words_need_the_fiscal_year_and_a_year_after_the_words_is_no_guess():
    assert _span("ครึ่งปีหลัง") == (None, None) and parse_period("ครึ่งปีหลัง").warning
    assert _span("ไตรมาสแรก") == (None, None)
    assert _span("ตลอดปี 2568", 2568) == (None, None)  # which year 2568 is (fiscal or calendar) is not said
    # a number after a quarter is its year only as a year is printed; a misread year is refused, never used
    assert _span("ไตรมาสที่ 2 30 วัน", 2568) == (D(2025, 1, 1), D(2025, 3, 31))
    assert _span("ไตรมาส 2/68", 2567) == (D(2025, 1, 1), D(2025, 3, 31))
    assert _span("ไตรมาส 2/2522", 2568) == (None, None)


def test_a_cell_is_a_period_by_its_content_only_where_the_phrase_opens_it():
    for cell in ("ไตรมาสที่ ๒", "ครึ่งปีหลัง", "ตลอดทั้งปี", "ทั้ง 4 ไตรมาส", "ตุลาคม ๒๕๖๗"):
        assert names_period(cell) and _kind(cell) == "period", cell
    for cell in ("ติดตามผลตลอดทั้งปี", "รายงานผลทุกไตรมาส", "กองคลัง"):
        assert not names_period(cell), cell
        assert _kind(cell) != "period", cell


HEAD = ["ปีงบประมาณ", "ผลคะแนนรวม", "ระดับผลการประเมิน"]


@pytest.mark.parametrize("rows", [
    [["พ.ศ. ๒๕๖๕", "๙๓.๕๘", "A"], ["พ.ศ. ๒๕๖๖", "๘๘.๑๕", "A"]],
    [["พ.ศ. ๒๕๖๖", "๘๘.๑๕", "A"], ["พ.ศ. ๒๕๖๕", "๙๓.๕๘", "AA"]],  # this year first
])
def test_the_overall_score_of_a_table_by_year_is_the_assessment_years(rows):
    found = overall_by_year(HEAD, rows, 2566)
    assert found is not None and (found.score, found.level) == (88.15, "A")


def test_a_table_by_year_printed_across_is_read_by_its_columns():
    header = ["รายการ", "ปี ๒๕๖๗", "ปี ๒๕๖๘"]
    rows = [["ผลคะแนนที่ได้", "๘๔.๒๐", "๙๑.๒๗"], ["ระดับที่ได้รับ", "ผ่าน", "ผ่านดีเยี่ยม"]]
    found = overall_by_year(header, rows, 2568)
    assert found is not None and (found.score, found.level) == (91.27, "ผ่านดีเยี่ยม")


def test_no_reading_without_a_row_per_year_or_without_this_years():
    # an indicator's `คะแนน | ระดับ` table names no year: not a table of results by year
    assert overall_by_year(["ตัวชี้วัด", "คะแนน", "ระดับ"], [["๑. การปฏิบัติหน้าที่", "๙๓.๔๕", "ผ่านเกณฑ์"],
                                                           ["๒. การใช้งบประมาณ", "๘๑.๑๗", "ต้องปรับปรุง"]], 2566) is None
    assert overall_by_year(HEAD, [["พ.ศ. ๒๕๖๔", "๙๐.๐๐", "A"], ["พ.ศ. ๒๕๖๕", "๙๓.๕๘", "A"]], 2566) is None
    assert overall_by_year(HEAD, [["พ.ศ. ๒๕๖๕", "๙๓.๕๘", "A"], ["พ.ศ. ๒๕๖๖", "๘๘.๑๕", "A"]], None) is None


def test_a_score_the_level_beside_it_contradicts_is_refused_with_a_reason():
    found = overall_by_year(HEAD, [["พ.ศ. ๒๕๖๕", "๙๓.๕๘", "A"], ["พ.ศ. ๒๕๖๖", "๖๘.๑๕", "A"]], 2566)
    assert found is not None and found.score is None and found.refused


def _row(cells, top, **kw) -> RawRow:
    return RawRow(list(cells), len(cells), top, top + 16, **kw)


def test_a_tool_row_merged_across_a_two_column_table_at_a_page_top_is_a_section():
    """Word broke the indicator table after indicator 8 and printed the OIT row, one cell merged across both
    columns, under the repeated head: it is a section row. Joined to indicator 8's row, OIT took its score."""
    edges = [50.0, 400.0, 500.0]
    head = ["ตัวชี้วัดการประเมิน ITA", "คะแนน"]
    page1 = PageTable(1, 50, 600, 500, 780, edges, [
        _row(head, 600, spanned=[False, False]),
        _row(["๗. ประสิทธิภาพการสื่อสาร", "๙๔.๗๕"], 620, spanned=[False, False]),
        _row(["๘. การปรับปรุงระบบการทำงาน", "๘๔.๑๘"], 640, spanned=[False, False])])
    page2 = PageTable(2, 50, 60, 500, 200, edges, [
        _row(head, 60, spanned=[False, False]),
        RawRow(["แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)", ""], 1, 80, 96, spanned=[False, True]),  # one cell, merged
        _row(["๙. การเปิดเผยข้อมูล", "๙๐.๒๙"], 100, spanned=[False, False])])
    built = build_tables([page1, page2], [PageText(1, 842.0, []), PageText(2, 842.0, [])])
    assert len(built) == 1
    kinds = [(r.kind, r.cells[0]) for r in built[0].rows if r.kind != "header"]
    assert ("section", "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)") in kinds
    assert ("body", "๘. การปรับปรุงระบบการทำงาน") in kinds


def test_the_rest_of_a_header_row_cut_by_a_page_break_is_the_headers():
    """A table's own head printed under a section heading at a page's foot, its lower row's last lines on the next
    page (Word lets a head row break too): those lines end their columns' header cells and are no row's."""
    edges = [50.0, 150.0, 300.0, 400.0, 480.0, 560.0]
    top = ["หัวข้อมาตรการ", "ขอบเขตการปฏิบัติ", "", "", "การรายงานผลต่อผู้บังคับบัญชา"]
    sub = ["", "วิธีการปฏิบัติโดยละเอียด", "กลุ่มงานรับผิดชอบ", "ไตรมาสที่ดำเนินการ", ""]
    cut_top = top[:4] + ["การรายงานผลต่อผู้บังคับ"]  # the same head at the page foot, its lower lines cut off
    cut_sub = ["", "วิธีการปฏิบัติโดยละเอียด", "กลุ่มงานรับผิด", "ไตรมาสที่", ""]
    grid = [False] * 5
    page1 = PageTable(1, 50, 100, 560, 780, edges, [
        _row(top, 100, spanned=grid, bold=True), _row(sub, 118, spanned=grid, bold=True),
        _row(["๑. โครงการตรวจสอบภายใน", "จัดทำประกาศ", "งานนิติการ", "กรกฎาคม ๒๕๖๗", "สรุปผลเสนอนายก"], 160,
             spanned=grid),
        _row(cut_top, 740, spanned=grid, bold=True), _row(cut_sub, 758, spanned=grid, bold=True)])
    page2 = PageTable(2, 50, 60, 560, 200, edges, [
        _row(["", "", "ชอบ", "ดำเนินการ", "บัญชา"], 60, spanned=grid),
        _row(["๒. โครงการพัฒนาระบบ", "ประชุมชี้แจง", "สำนักปลัด", "ตุลาคม ๒๕๖๖", "รายงานผลต่อผู้บริหาร"], 80,
             spanned=grid)])
    built = build_tables([page1, page2], [PageText(1, 842.0, []), PageText(2, 842.0, [])])
    body = [r for r in built[0].rows if r.kind == "body"]
    assert [r.cells[2] for r in body] == ["งานนิติการ", "สำนักปลัด"]
    assert [r.cells[4] for r in body] == ["สรุปผลเสนอนายก", "รายงานผลต่อผู้บริหาร"]
