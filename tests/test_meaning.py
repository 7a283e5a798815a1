"""Facts found by meaning: score statements in many wordings, column roles in any wording and order, budgets,
multi-year and quarter periods, month ticks, merged cells and numbered paragraphs."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizers.dates import months, parse_period
from normalizers.money import parse_baht
from parsers.ita import parse_document, statements
from parsers.ita.columns import header_role, table_roles
from parsers.records import DocumentLayout, PageLayout, Table, TableRow, TextLine

D = dt.date


@pytest.mark.parametrize("sentence, score, level", [
    ("จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ. ๒๕๖๕ พบว่ามีผลคะแนน ๙๔.๕๙ คะแนน อยู่ในระดับ A ดังนี้", 94.59, "A"),
    ("ได้คะแนนรวมเท่ากับ 91.27 คะแนน ระดับ A", 91.27, "A"),
    ("ผลคะแนนภาพรวม = ๗๙.๕๐ คะแนน (ระดับ B)", 79.50, "B"),
    ("หน่วยงานอยู่ในระดับ ผ่านดี ด้วยคะแนน 92.35 คะแนน จากคะแนนเต็ม 100 คะแนน", 92.35, "ผ่านดี"),
    ("คะแนนภาพรวมหน่วย สำนักงานเทศบาลตำบลคลองปราบ ๙๒.๓๕ คะแนน ระดับผลการประเมิน ผ่านดี", 92.35, "ผ่านดี"),
    ("ผลการประเมิน ITA ของหน่วยงาน ได้รับคะแนน 88.40 คะแนน อยู่ในระดับ \"ผ่าน\"", 88.40, "ผ่าน"),
    ("ระดับผลการประเมิน: ต้องปรับปรุง (คะแนนรวม 72.10 คะแนน)", 72.10, "ต้องปรับปรุง"),
])
def test_overall_score_and_level_in_many_wordings(sentence, score, level):
    found = statements.overall(sentence, 2566)
    assert (found.score, found.level) == (score, level)


@pytest.mark.parametrize("sentence", [
    "มีผลการประเมินผ่านเกณฑ์ (๘๕ คะแนนขึ้นไป) ไม่น้อยกว่าร้อยละ ๘๔",
    "ซึ่งคะแนนในส่วนของ EIT ส่วนที่ ๑ จะคิดเป็น ๑๕ คะแนน จากคะแนนเต็ม ๑๐๐ คะแนน",
    "IIT ได้ 92.50 คะแนน EIT ได้ 88.10 คะแนน",
    "ตัวชี้วัดที่ 2 การใช้งบประมาณ ได้ 76.35 คะแนน",
    "เป้าหมายปี 2568 ได้คะแนนรวม 95 คะแนน",
])
def test_thresholds_weights_tools_indicators_and_targets_are_not_the_overall_score(sentence):
    found = statements.overall(sentence, 2566)
    assert found is None or found.score is None


def test_this_years_score_wins_over_last_years():
    text = ("ในปี พ.ศ. 2565 หน่วยงานได้คะแนนรวม 88.00 คะแนน ระดับ A ส่วนผลการประเมินปี พ.ศ. 2566 "
            "ได้คะแนนรวม 91.27 คะแนน ระดับ A")
    assert statements.overall(text, 2566).score == 91.27
    assert statements.overall(text, 2565).score == 88.00


def test_tool_scores_weights_and_points_are_told_apart_by_the_years_weights():
    rows = ["IIT | 30 | 92.50 | 27.75", "EIT ส่วนที่ 1 | 15 | 90.00 | 13.50",
            "- EIT (การรับรู้ภายนอก) : ส่วนที่ ๑ (๑๐๐.๐๐ คะแนน) และส่วนที่ ๒ (๙๑.๐๐ คะแนน)",
            "OIT (การเปิดเผยข้อมูลสาธารณะ) : 97.50 คะแนน", "๑ IIT การปฏิบัติหน้าที่ ๑๐๐ ผ่านเกณฑ์"]
    got = {r.field: (r.score, r.points) for r in statements.tools(rows, 2567)}
    assert got == {"iit": (92.50, 27.75), "eit_part1": (90.00, 13.50), "eit_part2": (91.00, None),
                   "oit": (97.50, None)}
    weighted = {r.field: (r.score, r.points) for r in statements.tools(["IIT | 27.75", "OIT | 38.00"], 2566, True)}
    assert weighted == {"iit": (None, 27.75), "oit": (None, 38.00)}


@pytest.mark.parametrize("header, role", [
    ("มาตรการ/แนวทางการดำเนินการ", "measure"), ("โครงการ/กิจกรรม/มาตรการ", "measure"),
    ("ขั้นตอน/วิธีการดำเนินการ", "method"), ("หน่วยงานที่รับผิดชอบ", "responsible"),
    ("ผู้รับผิดชอบ/ผู้ประสานงาน", "responsible"), ("ระยะเวลาดำเนินการ", "period"),
    ("ห้วงเวลาดำเนินการ", "period"), ("การกำกับติดตาม", "follow_up"), ("ผลการดำเนินการ", "output"),
    ("ผลลัพธ์ที่ได้", "outcome"), ("งบประมาณ (บาท)", "budget"), ("ที่", "number"), ("ลำดับที่", "number"),
    ("หมายเหตุ", "note"),
])
def test_header_wordings_name_their_roles(header, role):
    assert header_role(header) == role


def test_columns_without_header_words_are_known_by_their_cells():
    rows = [["1", "จัดทำคู่มือการปฏิบัติงานด้านการจัดซื้อจัดจ้างให้เป็นปัจจุบัน", "กองคลัง", "ตุลาคม 2566 - ธันวาคม 2566",
             "10,000 บาท"],
            ["2", "ประชาสัมพันธ์ช่องทางการร้องเรียนการทุจริตผ่านเว็บไซต์และเพจ", "สำนักปลัด", "มกราคม 2567",
             "ไม่ใช้งบประมาณ"],
            ["3", "อบรมเสริมสร้างคุณธรรมจริยธรรมให้แก่บุคลากรทุกระดับ", "งานการเจ้าหน้าที่", "ไตรมาส 2", "25,000"]]
    roles = table_roles(["ข้อ", "สิ่งที่จะทำ", "ใครทำ", "เมื่อไร", "ใช้เงิน"], rows)
    assert roles == {0: "number", 1: "measure", 2: "responsible", 3: "period", 4: "budget"}


@given(st.integers(0, 9_999_999))
def test_baht_amounts_read_back_in_every_print_form(amount):
    grouped = f"{amount:,}"
    thai = grouped.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    for text in (grouped, f"{grouped} บาท", f"{thai}.-", f"งบประมาณ {grouped} บาท (เงินอุดหนุน)"):
        assert parse_baht(text) == amount


@pytest.mark.parametrize("text", ["ไม่ใช้งบประมาณ", "ไม่มีงบประมาณ", "ไม่ได้ใช้งบประมาณ"])
def test_no_budget_is_zero_and_a_dash_states_nothing(text):
    assert parse_baht(text) == 0.0
    assert parse_baht("-") is None and parse_baht("") is None


def _span(period):
    return period.start, period.end


def test_multi_year_and_quarter_periods_are_fiscal_years():
    assert _span(parse_period("พ.ศ. ๒๕๖๖ - ๒๕๗๐")) == (D(2022, 10, 1), D(2027, 9, 30))
    assert _span(parse_period("ปี 2566-2570")) == (D(2022, 10, 1), D(2027, 9, 30))
    assert _span(parse_period("ไตรมาส 1-2", 2567)) == (D(2023, 10, 1), D(2024, 3, 31))
    assert _span(parse_period("ไตรมาสที่ 4", 2567)) == (D(2024, 7, 1), D(2024, 9, 30))
    assert _span(months(4, 6, 2567)) == (D(2024, 1, 1), D(2024, 3, 31))  # fiscal months 4-6: January-March


# ---------------------------------------------------------------- whole parse of built layouts
def _page(number, *lines):
    return PageLayout(number, 595, 842, [TextLine(t, 40, 40 + 20 * i, 500, 55 + 20 * i, page=number)
                                         for i, t in enumerate(lines)])


TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2567"


def test_month_ticks_under_a_two_level_header_give_the_period():
    months_row = ["", "", "ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "", ""]
    header = TableRow(["ลำดับ", "มาตรการ/กิจกรรม", "ระยะเวลาดำเนินการ", "", "", "", "", "", "ผู้รับผิดชอบ",
                       "งบประมาณ (บาท)"], 1, "header")
    body = [TableRow(["1", "จัดทำคู่มือการปฏิบัติงานด้านพัสดุ", "", "✓", "✓", "✓", "", "", "กองคลัง", "5,000"], 1),
            TableRow(["2", "อบรมคุณธรรมจริยธรรมแก่บุคลากร", "", "", "", "", "✓", "✓", "สำนักปลัด", "ไม่ใช้งบประมาณ"], 1)]
    table = Table([header, TableRow(months_row, 1, "body"), *body], [1], 10, header.cells)
    parsed = parse_document(DocumentLayout("x", 1, [_page(1, TITLE)], [table]))
    got = [(m.measure, m.period_start, m.period_end, m.budget, m.responsible) for m in parsed.measures]
    assert got == [("จัดทำคู่มือการปฏิบัติงานด้านพัสดุ", D(2023, 11, 1), D(2024, 1, 31), 5000.0, "กองคลัง"),
                   ("อบรมคุณธรรมจริยธรรมแก่บุคลากร", D(2024, 2, 1), D(2024, 3, 31), 0.0, "สำนักปลัด")]


def test_a_responsible_cell_merged_over_several_measures_is_carried_by_each():
    header = TableRow(["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ"], 1, "header")
    rows = [TableRow(["จัดทำคู่มือการปฏิบัติงาน", "ทบทวนคู่มือทุกปี", "กองคลัง"], 1, spanned=[False] * 3),
            TableRow(["เผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", "ประกาศบนเว็บไซต์", ""], 1, spanned=[False, False, True]),
            TableRow(["ตรวจสอบการใช้ทรัพย์สินของราชการ", "ทำทะเบียนคุมการยืม", ""], 1, spanned=[False, False, False])]
    table = Table([header, *rows], [1], 3, header.cells)
    parsed = parse_document(DocumentLayout("x", 1, [_page(1, TITLE)], [table]))
    assert [m.responsible for m in parsed.measures] == ["กองคลัง", "กองคลัง", None]


def test_a_measure_merged_over_activity_rows_is_one_measure_with_its_activities_in_order():
    header = TableRow(["มาตรการ", "กิจกรรม/ขั้นตอน", "ผู้รับผิดชอบ"], 1, "header")
    rows = [TableRow(["ส่งเสริมการเปิดเผยข้อมูล", "1. ปรับปรุงเว็บไซต์", "สำนักปลัด"], 1),
            TableRow(["", "2. ประชาสัมพันธ์ข่าวสาร", ""], 1, spanned=[True, False, True]),
            TableRow(["", "3. รายงานผลต่อผู้บริหาร", ""], 1, spanned=[True, False, True])]
    parsed = parse_document(DocumentLayout("x", 1, [_page(1, TITLE)], [Table([header, *rows], [1], 3, header.cells)]))
    (measure,) = parsed.measures
    assert measure.method == "1. ปรับปรุงเว็บไซต์ 2. ประชาสัมพันธ์ข่าวสาร 3. รายงานผลต่อผู้บริหาร"


def test_a_fragment_after_a_page_break_joins_the_row_before():
    header = TableRow(["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ"], 1, "header")
    rows = [TableRow(["การตรวจสอบเพื่อป้องกันการนำทรัพย์สินของราชการ", "จัดทำแบบประเมินความเสี่ยง", "กองคลัง"], 1),
            TableRow(["ไปใช้เพื่อประโยชน์ส่วนตัว", "และคู่มือการยืมทรัพย์สิน", "สำนักปลัด"], 2)]
    parsed = parse_document(DocumentLayout("x", 2, [_page(1, TITLE), _page(2)], [Table([header, *rows], [1, 2], 3,
                                                                                        header.cells)]))
    assert [m.measure for m in parsed.measures] == ["การตรวจสอบเพื่อป้องกันการนำทรัพย์สินของราชการ ไปใช้เพื่อประโยชน์ส่วนตัว"]


def test_measures_written_as_numbered_paragraphs_with_labelled_lines():
    page = _page(1, TITLE, "มาตรการที่ ๑ การเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", "วิธีการดำเนินการ: ประกาศผลการจัดซื้อจัดจ้าง",
                 "บนเว็บไซต์ทุกเดือน", "ผู้รับผิดชอบ: กองคลัง", "ระยะเวลา: ตุลาคม 2566 - กันยายน 2567",
                 "มาตรการที่ ๒ การรับเรื่องร้องเรียนการทุจริต", "วิธีการดำเนินการ: เปิดช่องทางออนไลน์",
                 "หน่วยงานรับผิดชอบ: สำนักปลัด", "ระยะเวลา: ไตรมาส 1")
    parsed = parse_document(DocumentLayout("x", 1, [page], []))
    got = [(m.measure, m.method, m.responsible, m.period_start, m.period_end) for m in parsed.measures]
    assert got == [("การเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", "ประกาศผลการจัดซื้อจัดจ้าง บนเว็บไซต์ทุกเดือน", "กองคลัง",
                    D(2023, 10, 1), D(2024, 9, 30)),
                   ("การรับเรื่องร้องเรียนการทุจริต", "เปิดช่องทางออนไลน์", "สำนักปลัด", D(2023, 10, 1), D(2023, 12, 31))]


@pytest.mark.parametrize("damaged, repaired", [
    ("ดĠาเนินการ", "ดำเนินการ"),  # SARA AM ring mapped to a Latin letter by an HTML printer
    ("กระบวนการสรูางความโปร่งใส", "กระบวนการสร้างความโปร่งใส"),  # tone mark mapped to SARA UU
    ("ระยะเวลาดาเนินการ", "ระยะเวลาดำเนินการ"),  # the ring lost without a trace
    ("สานักงานปลัด", "สำนักงานปลัด"),
    ("ประจาปีงบประมาณ", "ประจำปีงบประมาณ"),
    ("จากการประเมิน", "จากการประเมิน"),  # sound text is left alone
    ("การมีส่วนร่วมของประชาชน", "การมีส่วนร่วมของประชาชน"),
])
def test_html_printer_damage_is_repaired(damaged, repaired):
    from normalizers.thai_text import repair_thai

    assert repair_thai(damaged) == repaired


def test_pdfium_line_end_hyphen_is_no_text():
    from parsers.pdf_text import join_lines

    assert join_lines("การประชา\ufffe\nสัมพันธ์") == "การประชาสัมพันธ์"


def test_a_score_without_the_word_for_score_is_read_beside_its_level_and_refused_against_it():
    found = statements.overall("ผลสัมฤทธิ์ของอบต.หันคา อยู่ที่ 91.11 ซึ่งจัดอยู่ใน\nกลุ่ม A", 2565)
    assert (found.score, found.level) == (91.11, "A")
    assert statements.overall("1. การปฏิบัติหน้าที่ 90.29 ผ่าน", 2567) is None  # an indicator's score
    contradicted = statements.overall("คะแนน (เต็ม 1 00) ระดับผลการประเมิน ผ่านดี", 2567)
    assert contradicted.score is None and contradicted.level == "ผ่านดี"


def test_a_score_tables_total_is_taken_when_it_is_the_sum_of_the_weighted_points():
    rows = [["เครื่องมือการประเมิน", "น้ำหนัก (ร้อยละ)", "คะแนน (เต็ม 100)", "คะแนนถ่วงน้ำหนัก"],
            ["IIT", "30", "91.97", "27.59"], ["EIT ส่วนที่ 1", "15", "93.96", "14.09"],
            ["EIT ส่วนที่ 2", "15", "92.40", "13.86"], ["OIT", "40", "96.07", "38.43"], ["รวม", "100", "", "93.97"]]
    table = Table([TableRow(r, 1, "header" if i == 0 else "body") for i, r in enumerate(rows)], [1], 4, rows[0])
    title = "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568"
    a = parse_document(DocumentLayout("x", 1, [_page(1, title)], [table])).assessment
    assert (a.overall_score, a.iit, a.iit_points, a.eit_part2, a.eit_part2_points, a.oit_points) == (
        93.97, 91.97, 27.59, 92.40, 13.86, 38.43)
    rows[-1][-1] = "95.97"  # a total that is not the sum is not taken
    table = Table([TableRow(r, 1, "header" if i == 0 else "body") for i, r in enumerate(rows)], [1], 4, rows[0])
    assert parse_document(DocumentLayout("x", 1, [_page(1, title)], [table])).assessment.overall_score is None


def test_a_signature_block_does_not_continue_the_last_paragraph_measure():
    page = _page(1, TITLE, "มาตรการที่ ๑ การเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", "ผู้รับผิดชอบ: กองคลัง",
                 "(ลงชื่อ) ผู้รายงาน", "ปลัดองค์การบริหารส่วนตำบลบือเระ")
    (measure,) = parse_document(DocumentLayout("x", 1, [page], [])).measures
    assert measure.responsible == "กองคลัง"


@pytest.mark.parametrize("damaged, repaired", [
    ("หนูวยตรวจสอบภายใน", "หน่วยตรวจสอบภายใน"),  # MAI EK printed as SARA UU
    ("โครงการกำกับด่แลและตรวจสอบการใช้รถสูวนกลาง อย่างตูอเนื่อง",  # and back (on a line the dictionary reads badly)
     "โครงการกำกับดูแลและตรวจสอบการใช้รถส่วนกลาง อย่างต่อเนื่อง"),
    ("แผนปฏิบัติการปูองกันการทุจริต", "แผนปฏิบัติการป้องกันการทุจริต"),  # MAI THO printed as SARA UU
    ("ผู้รับผิดชอบ คู่มือ ความรู้ ปลูกป่า ลูกจ้าง", "ผู้รับผิดชอบ คู่มือ ความรู้ ปลูกป่า ลูกจ้าง"),  # sound words stay
    ("ผ้้ดĻาเนินการ : ท่กกอง", "ผู้ดำเนินการ : ทุกกอง"),  # WeasyPrint, TH SarabunPSK: SARA U as MAI EK, UU as MAI THO
    ("เวลาดĻาเนินการ : ต่ลาคม ๒๕๖๗", "เวลาดำเนินการ : ตุลาคม ๒๕๖๗"),
    ("หน่วยงานที่รับผิดชอบ ต้องดูแล ผู้ใหญ่ต้องรู้", "หน่วยงานที่รับผิดชอบ ต้องดูแล ผู้ใหญ่ต้องรู้"),
])
def test_confused_mark_glyphs_are_repaired_by_the_dictionary(damaged, repaired):
    from normalizers.thai_text import repair_thai

    assert repair_thai(damaged) == repaired


def test_symbol_font_glyphs_leave_no_private_use_characters():
    from normalizers.thai_text import clean_text

    assert clean_text("\uf0a8 มี \uf0fe ไม่มี") == "\u25a1 มี \u25a1 ไม่มี"


def test_a_tool_name_followed_by_a_wrapped_indicator_name_gives_no_tool_score():
    assert statements.tools(["4 IIT การใช้ 98.15 ผ่านเกณฑ์"], 2568) == []
    got = {r.field: r.score for r in statements.tools(["OIT ร้อยละ 92.50", "IIT (การรับรู้ภายใน) : 99.96 คะแนน"], 2568)}
    assert got == {"oit": 92.50, "iit": 99.96}


def test_the_measure_column_is_the_one_whose_cells_open_like_measures_wherever_it_stands():
    rows = [["กำหนดแนวทางและบังคับใช้อย่างเคร่งครัดทุกกอง", "งานวิเคราะห์นโยบายและแผน", "มกราคม 2566",
             "1. มาตรการประเมินความเสี่ยงการทุจริตและกำหนดมาตรการป้องกัน"],
            ["คัดเลือกบุคลากรต้นแบบด้านคุณธรรมและมอบเกียรติบัตร", "กองคลัง", "ต.ค. 65 ถึง ม.ค. 66",
             "2. โครงการพัฒนาช่องทางการรับเรื่องร้องเรียนการทุจริต"],
            ["สำรวจความพึงพอใจของผู้รับบริการและสรุปผลเสนอผู้บริหาร", "สำนักปลัด", "ต.ค. 65 - ก.ย. 66",
             "3. กิจกรรมส่งเสริมการใช้ดุลยพินิจอย่างเป็นธรรม"]]
    roles = table_roles(["กลไกการปฏิบัติ", "ส่วนราชการเจ้าของเรื่อง", "วันเวลา", "เรื่องที่จะขับเคลื่อน"], rows)
    assert roles[3] == "measure" and roles[0] == "method"


@pytest.mark.parametrize("order", [["IIT", "EIT ส่วนที่ 1", "EIT ส่วนที่ 2", "OIT"], ["OIT", "IIT", "EIT ส่วนที่ 2", "EIT ส่วนที่ 1"]])
def test_tools_named_in_a_run_take_the_numbers_after_them_in_order(order):
    """A tools table printed across (names in one row, scores under them) or read column by column joins the
    names, then the numbers: each tool takes the number in its place, in any order of the tools."""
    values = {"IIT": 87.26, "EIT ส่วนที่ 1": 84.66, "EIT ส่วนที่ 2": 82.82, "OIT": 91.81}
    fields = {"IIT": "iit", "EIT ส่วนที่ 1": "eit_part1", "EIT ส่วนที่ 2": "eit_part2", "OIT": "oit"}
    line = "เครื่องมือ " + " ".join(order) + " คะแนน " + " ".join(f"{values[t]:.2f}" for t in order)
    got = {r.field: r.score for r in statements.tools([line], 2568)}
    assert got == {fields[t]: values[t] for t in order}


@pytest.mark.parametrize("line", ["เครื่องมือ IIT EIT OIT คะแนน 87.26 84.66", "คะแนน IIT EIT และ OIT เฉลี่ย 88.02"])
def test_a_run_of_tool_names_with_another_count_of_numbers_gives_no_tool_score(line):
    # The last name alone would take the first tool's number (OIT = the IIT's 87.26): a wrong number.
    assert statements.tools([line], 2568) == []


def test_a_tool_named_twice_around_its_part_label_keeps_the_part():
    """`…ภายนอก ส่วนที่ ๑ (EIT) | 15 | 89.75 | 13.46`: the part label stands between the tool's Thai name and
    its code, and the row's numbers belong to that part (score and weighted points by the year's weights)."""
    rows = ["แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก ส่วนที่ ๑ (EIT) | ๑๕ | ๘๙.๗๕ | ๑๓.๔๖",
            "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก ส่วนที่ ๒ (EIT) | ๑๕ | ๘๕.๕๙ | ๑๒.๘๔",
            "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) | 30 | 91.90 | 27.57"]
    got = {r.field: (r.score, r.points) for r in statements.tools(rows, 2567)}
    assert got == {"eit_part1": (89.75, 13.46), "eit_part2": (85.59, 12.84), "iit": (91.90, 27.57)}


def test_the_assessment_named_in_full_gives_the_year_its_results_are_for():
    """A plan for fiscal 2569 that reports the 2568 assessment by its full name, without `ผลการประเมิน` before
    the year: the results are 2568's (the year the catalog of its question codes is taken from)."""
    from parsers.ita.header import assessment_year
    text = ("ตามที่สำนักงาน ป.ป.ช. ได้ดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
            "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ปรากฏว่ามีผลการประเมินเป็นคะแนน ๘๗.๙๒")
    assert assessment_year(text) == 2568
    assert assessment_year("ผลการประเมิน ITA 2567 ของหน่วยงาน") == 2567
    assert assessment_year("มาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ 2569") is None


def test_a_title_year_is_not_unread_because_the_next_line_starts_with_a_number():
    lines = ["รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
             "๑. ผลการประเมินในภาพรวม", "หน่วยงานได้รับผลการประเมินอยู่ในระดับ ผ่านดี ด้วยคะแนน ๘๘.๗๗ คะแนน"]
    parsed = parse_document(DocumentLayout("x", 1, [_page(1, *lines)], []))
    assert parsed.fiscal_year == 2567
    scanned = ["มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ", "พ.ศ256า6", "องค์การบริหารส่วนตำบลทุ่งแล้ง",
               "จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ. 2565 ขององค์การบริหารส่วนตำบลทุ่งแล้ง"]
    assert parse_document(DocumentLayout("x", 1, [_page(1, *scanned)], [])).fiscal_year is None


def test_question_codes_printed_in_the_column_beside_the_measure_are_its_codes():
    header = TableRow(["ที่", "ประเด็นที่ต้องพัฒนา", "มาตรการ/แนวทางการขับเคลื่อน", "ผู้รับผิดชอบหลัก"], 1, "header")
    rows = [TableRow(["๑", "o๑๒ การเปิดเผยข้อมูลการจัดซื้อจัดจ้าง", "เผยแพร่แผนการจัดซื้อจัดจ้างรายเดือนบนเว็บไซต์", "กองคลัง"], 1),
            TableRow(["๒", "i๔ การใช้ทรัพย์สินของทางราชการ", "กำหนดแนวปฏิบัติการยืมและคืนพัสดุของทางราชการ", "สำนักปลัด"], 1),
            TableRow(["๓", "การสื่อสารกับผู้รับบริการ", "จัดทำคู่มือการให้บริการประชาชน", "สำนักปลัด"], 1)]
    table = Table([header, *rows], [1], 4, header.cells)
    parsed = parse_document(DocumentLayout("x", 1, [_page(1, TITLE)], [table]))
    assert [(m.codes, m.measure) for m in parsed.measures] == [
        (["o12"], "เผยแพร่แผนการจัดซื้อจัดจ้างรายเดือนบนเว็บไซต์"),
        (["i4"], "กำหนดแนวปฏิบัติการยืมและคืนพัสดุของทางราชการ"), ([], "จัดทำคู่มือการให้บริการประชาชน")]


def test_question_codes_in_a_column_of_their_own_give_the_questions_scores():
    from parsers.ita.scores import question_scores
    header = TableRow(["รหัสข้อ", "รายละเอียดข้อคำถาม", "คะแนนที่ได้รับ"], 1, "header")
    rows = [TableRow(["i๑", "ท่านปฏิบัติงานตามหน้าที่ที่ได้รับมอบหมายอย่างเต็มความสามารถ", "๙๘.๒๑"], 1),
            TableRow(["e๒", "เจ้าหน้าที่ให้ข้อมูลเกี่ยวกับการดำเนินการอย่างชัดเจน", "๘๗.๔๔"], 1),
            TableRow(["o๓", "อำนาจหน้าที่", "๐.๐๐"], 1)]
    found, _ = question_scores([Table([header, *rows], [1], 3, header.cells)], 2566)
    assert [(q.code, q.score) for q in found] == [("i1", 98.21), ("e2", 87.44), ("o3", 0.0)]
    assert found[0].text.startswith("ท่านปฏิบัติงาน")


def test_a_tools_table_printed_across_gives_this_years_row():
    """A column per tool and a row per year (probe set 2): the assessment year's row, never last year's."""
    header = ["ปีงบประมาณ", "IIT", "EIT ส่วนที่ ๑", "EIT ส่วนที่ ๒", "OIT", "คะแนนรวม", "ผลการประเมิน"]
    rows = [["๒๕๖๗", "๙๐.๐๐", "๘๔.๐๐", "๘๒.๐๐", "๘๔.๕๐", "๘๕.๗๐", "ผ่าน"],
            ["๒๕๖๘", "๙๓.๔๐", "๘๘.๒๐", "๘๖.๘๐", "๘๗.๕๐", "๘๙.๒๗", "ผ่านดี"]]
    got = {r.field: r.score for r in statements.tools_across(header, rows, 2568)}
    assert got == {"iit": 93.40, "eit_part1": 88.20, "eit_part2": 86.80, "oit": 87.50}
    assert {r.field: r.score for r in statements.tools_across(header, rows[:1], 2567)}["iit"] == 90.00
    # two rows of values and nothing to tell their years apart: no tool is given a score
    assert statements.tools_across(header, [r[1:] for r in rows], 2568) == []
    # a header naming one tool only is no table across
    assert statements.tools_across(["เครื่องมือ", "IIT", "คะแนน"], [["", "๙๐.๐๐", "๙๐.๐๐"]], 2568) == []


def test_measures_under_a_heading_row_that_names_an_indicator_answer_that_indicator():
    header = TableRow(["ข้อ", "มาตรการ", "แนวทางปฏิบัติ", "ผู้รับผิดชอบ"], 1, "header")
    rows = [TableRow(["ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล", "", "", ""], 1, "section"),
            TableRow(["o๑๕", "เผยแพร่รายงานผลการจัดซื้อจัดจ้างประจำเดือน", "สรุปผลทุกสิ้นเดือน", "กองคลัง"], 1),
            TableRow(["การป้องกันการทุจริต", "", "", ""], 1, "section"),
            TableRow(["o๒๘", "ประเมินความเสี่ยงการทุจริตประจำปี", "ประชุมคณะทำงาน", "สำนักปลัด"], 1),
            TableRow(["กระบวนการปฏิบัติงานที่โปร่งใส", "", "", ""], 1, "section"),
            TableRow(["๓", "จัดทำคู่มือการให้บริการประชาชน", "รวบรวมขั้นตอน", "สำนักปลัด"], 1)]
    parsed = parse_document(DocumentLayout("x", 1, [_page(1, TITLE)], [Table([header, *rows], [1], 4, header.cells)]))
    assert [(m.indicator, m.codes) for m in parsed.measures] == [(9, ["o15"]), (10, ["o28"]), (None, [])]


@pytest.mark.parametrize("title, doc_type", [
    ("แนวทางการนำผลการประเมินคุณธรรมและความโปร่งใสไปปรับปรุงการปฏิบัติงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
     "development_plan"),
    ("แผนการนำผลการประเมิน ITA ไปใช้ในการพัฒนาหน่วยงาน", "development_plan"),
    ("รายงานผลการขับเคลื่อนมาตรการเสริมสร้างคุณธรรม รอบ ๖ เดือน", "measures_report"),
    ("มาตรการเสริมสร้างความโปร่งใสในการปฏิบัติราชการ ประจำปี ๒๕๖๘", "measures"),
    ("ผลการวิเคราะห์คะแนนผลการประเมิน ITA ประจำปี ๒๕๖๗", "analysis"),
    ("แผนอัตรากำลังสามปี พ.ศ. ๒๕๖๗ - ๒๕๖๙", "unknown"),
])
def test_titles_worded_otherwise_are_typed_by_what_they_say(title, doc_type):
    from parsers.ita.doctype import classify
    assert classify(title, "")[0] == doc_type


def test_a_plan_to_use_the_results_is_not_dated_as_the_results():
    from parsers.ita.header import assessment_year
    text = ("แนวทางการนำผลการประเมินคุณธรรมและความโปร่งใสไปปรับปรุงการปฏิบัติงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ "
            "เทศบาลตำบลกรูดได้รับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ดังนี้")
    assert assessment_year(text) == 2568


def test_a_year_heading_left_unread_is_last_years_column_and_the_lines_across_the_table_are_not_read():
    """A scan read `ปี ๒๕๖๗` as `ปี#` and last year's cell of indicator 9 as letters: the page line
    `9. การเปิดเผยข้อมูล 86.00 Ase/` would give last year's 86.00 as this year's."""
    from parsers.ita.scores import indicator_scores, segments
    from parsers.records import Provenance

    def row(cells, top):
        return TableRow(cells, 1, "body", [Provenance(1, (40 + 120 * i, top, 150 + 120 * i, top + 15), c)
                                           for i, c in enumerate(cells)])
    rows = [row(["ตัวชี้วัด", "ปี#", "ปี 2568", "ผลต่าง"], 100),
            row(["3. การใช้อำนาจ", "90.80", "94.00", "+3.20"], 120),
            row(["9. การเปิดเผยข้อมูล", "86.00", "Ase/", "+#"], 140)]
    lines = [TextLine("3. การใช้อำนาจ 90.80 94.00 +3.20", 40, 121, 500, 134, page=1),
             TextLine("9. การเปิดเผยข้อมูล 86.00 Ase/ +#", 40, 141, 500, 154, page=1)]
    page = PageLayout(1, 595, 842, lines)
    found = {i.indicator: i.score for i in indicator_scores(segments([page], [Table(rows, [1], 4)], 2568))}
    assert found == {3: 94.00}
    # the same table with both years read keeps this year's column too
    rows[0] = row(["ตัวชี้วัด", "ปี 2567", "ปี 2568", "ผลต่าง"], 100)
    found = {i.indicator: i.score for i in indicator_scores(segments([page], [Table(rows, [1], 4)], 2568))}
    assert found == {3: 94.00}
