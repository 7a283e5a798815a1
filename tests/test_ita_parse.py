"""The ITA parser on hand-built layouts (the records the layout stage hands over), plus property tests of
its pure helpers. Texts are taken from the seeds and the samples' layouts, damage included."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.ita import parse_document
from parsers.ita.doctype import classify
from parsers.ita.measures import code_prefix, column_roles
from parsers.ita.scores import indicator_scores, overall
from parsers.ita.text import compact, skeleton, strip_list_number, tidy
from parsers.records import DocumentLayout, PageLayout, Table, TableRow, TextLine


def page(number: int, *lines: str) -> PageLayout:
    return PageLayout(number, 595, 842, [TextLine(t, 40, 40 + 20 * i, 500, 55 + 20 * i) for i, t in enumerate(lines)])


def layout(pages: list[PageLayout], tables: list[Table] | None = None) -> DocumentLayout:
    return DocumentLayout("x", len(pages), pages, tables or [])


def table(pages: list[int], header: list[str], *rows: tuple[int, list[str]]) -> Table:
    body = [TableRow(cells, p) for p, cells in rows]
    if header:
        body.insert(0, TableRow(header, pages[0], "header"))
    return Table(body, pages, len(header or rows[0][1]), header)


# ---------------------------------------------------------------- type and header
def test_doc_type_from_title_with_lost_marks():
    assert classify(compact("รายงานผลการดำเนินการเพ่อืส่งเสริมคณธรรมและความโปร่งใส"), "")[0] == "measures_report"
    assert classify(compact("การนำผลการประเมิน ITA ไปสูการพัฒนาองค์กร"), "")[0] == "development_plan"
    assert classify(compact("มาตรการส่งเสริมคณธรรมและความโปร่งใส ประจำปี งบประมาณ"), "")[0] == "measures"


def test_unknown_type_keeps_a_reason():
    doc_type, reason = classify(compact("คำสั่งแต่งตั้งคณะกรรมการ"), compact("คำสั่งแต่งตั้งคณะกรรมการ"))
    assert doc_type == "unknown" and "คำสั่ง" in reason
    assert classify("", "")[1].startswith("no text")


def test_header_unit_district_province_and_years():
    parsed = parse_document(layout([page(
        1, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปี งบประมาณ", "พ.ศ.2566", "เทศบาลตำบลนาโป่ ง",
        "อำเภอเมืองเลย จังหวัดเลย", "จากผลการประเมิน ITA ในปี งบประมาณ พ.ศ. 2565 ของทต.นาโป่ ง พบว่ามีผลคะแนน",
        "92.50 คะแนน อยู่ในระดับ A ดังนี้")]))
    assert (parsed.doc_type, parsed.fiscal_year, parsed.assessment_year) == ("measures", 2566, 2565)
    assert (parsed.unit_raw, parsed.district_raw, parsed.province_raw) == ("เทศบาลตำบลนาโป่ง", "เมืองเลย", "เลย")
    assert "ทต.นาโป่ง" in [m.text for m in parsed.unit_mentions]
    assert (parsed.assessment.overall_score, parsed.assessment.level) == (92.5, "A")


def test_a_title_whose_type_word_ocr_damaged_still_names_the_unit():
    parsed = parse_document(layout([page(
        1, "รายงานผลการดำเนินการ เพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2567",
        "องค การบริหารส่วนตำบลบ้องตี", "อำเภอไทรโยค จังหวัดกาญจนบุรี")]))
    assert parsed.unit_raw == "องค์การบริหารส่วนตำบลบ้องตี"
    assert (parsed.district_raw, parsed.province_raw) == ("ไทรโยค", "กาญจนบุรี")


def test_a_unit_name_with_a_speck_line_under_it_still_takes_its_address():
    # a scan's speck (`ส`) read as a line between the unit's name and its address
    parsed = parse_document(layout([page(
        1, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "ประจำปีงบประมาณ พ.ศ. 2567",
        "องค์การบริหารส่วนตำบลศรีมงคล", "ส", "อำเภอไทรโยค จังหวัดกาญจนบุรี")]))
    assert (parsed.unit_raw, parsed.district_raw, parsed.province_raw) == (
        "องค์การบริหารส่วนตำบลศรีมงคล", "ไทรโยค", "กาญจนบุรี")


def test_a_provinces_name_under_a_speck_line_is_the_unit_not_the_score_statements_damaged_one():
    # 01022 (grey 150 dpi): specks `5 a` between `…ภายในหน่วยงานของ` and the province's name, whose marks the
    # score statement below lost (`จังหวัดสงหบร`): the title's reading names the unit
    parsed = parse_document(layout([page(
        1, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานของ", "5 a", "จังหวัดสิงห์บุรี",
        "ประจำปีงบประมาณ พ.ศ. 2566", "คะแนนภาพรวมของจังหวัดสงหบร : 80.47 คะแนน")]))
    assert (parsed.unit_raw, parsed.province_raw) == ("จังหวัดสิงห์บุรี", "สิงห์บุรี")


def test_the_title_blocks_address_is_the_address_of_the_unit_named_below_it():
    """The title's name line OCR damaged past recognition (marks lost); the unit is named again in the statement
    under the title, with no place beside it there: the title block's address line is that unit's."""
    parsed = parse_document(layout([page(
        1, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "ประจำปีงบประมาณ พ.ศ. 2567", "องคการบรหารสวนตาบลศรมงคล",
        "อำเภอไทรโยค จังหวัดกาญจนบุรี", "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำ",
        "ปีงบประมาณ พ.ศ. 2567 ของ องค์การบริหารส่วนตำบลศรีมงคล", "คะแนนภาพรวม 86.51 คะแนน")]))
    assert (parsed.unit_raw, parsed.district_raw, parsed.province_raw) == (
        "องค์การบริหารส่วนตำบลศรีมงคล", "ไทรโยค", "กาญจนบุรี")
    # two places in the title block: none is taken for the unit
    two = parse_document(layout([page(
        1, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "อำเภอไทรโยค จังหวัดกาญจนบุรี", "อำเภอเมืองเลย จังหวัดเลย",
        "ปีงบประมาณ พ.ศ. 2567 ของ องค์การบริหารส่วนตำบลศรีมงคล")]))
    assert (two.district_raw, two.province_raw) == (None, None)


def test_report_without_scores_has_no_assessment_year():
    parsed = parse_document(layout([page(
        1, "รายงานผลการดำเนินการ เพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568",
        "องค์การบริหารส่วนตำบลห้วยสัตว์ใหญ่", "อำเภอหัวหิน จังหวัดประจวบคีรีขันธ์",
        "จากการวิเคราะห์ข้อมูลสรุปผลการประเมิน ประจำปีงบประมาณ พ.ศ. 2567 ของอบต.ห้วยสัตว์ใหญ่")]))
    assert (parsed.doc_type, parsed.fiscal_year, parsed.assessment_year) == ("measures_report", 2568, None)


def test_memo_cover_is_not_the_document():
    parsed = parse_document(layout([
        page(1, "บันทึกข้อความ", "ส่วนราชการ สำนักงานจังหวัดนครราชสีมา",
             "เรื่อง มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานของจังหวัดนครราชสีมา ประจำปีงบประมาณ พ.ศ. 2566",
             "เรียน ผู้ว่าราชการจังหวัดนครราชสีมา", "26 เม.ย. 2567"),
        page(2, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานของ", "จังหวัดลำพูน",
             "ประจำปีงบประมาณ พ.ศ. 2566", "คะแนนภาพรวมของจังหวัดลำพูน : 79.63 คะแนน", 'ระดับผลการประเมิน : "B"')]))
    assert (parsed.unit_raw, parsed.province_raw, parsed.fiscal_year) == ("จังหวัดลำพูน", "ลำพูน", 2566)
    assert (parsed.assessment.overall_score, parsed.assessment.level) == (79.63, "B")


# ---------------------------------------------------------------- scores
def test_overall_in_the_seed_forms():
    forms = {
        "จากผลการประเมิน ITA พบว่ามีผลคะแนน 94.59 คะแนน อยู่ในระดับ A ดังนี้": (94.59, "A"),
        "คะแนนภาพรวมหน่วย สำนักงานเทศบาลตำบลคลองปราบ 92.35 คะแนน ระดับผลการประเมิน ผ่านดี": (92.35, "ผ่านดี"),
        'ได้รับคะแนนการประเมินรวม 97.64 คะแนน อยู่ในระดับ"ผ่านดี" โดยผลการประเมิน': (97.64, "ผ่านดี"),
        "คะแนนภาพรวมของจังหวัดนราธิวาส : 96.52 คะแนน\nระดับผลการประเมิน : \"AA\"": (96.52, "AA"),
        "มีผลคะแนน 83.38 คะแนน ระดับผลการประเมิน ต้องปรับปรุง": (83.38, "ต้องปรับปรุง"),
    }
    for text, expected in forms.items():
        result = overall(text)
        assert (result.overall_score, result.level) == expected, text


def test_overall_rejects_an_ocr_number_with_three_decimals():
    assert overall("คะแนนภาพรวมของจังหวัดอ่างทอง : 10.135 คะแนน") is None


def test_indicators_resolved_by_name_not_printed_number():
    lines = ["แบบวัดการรับรู้ของผู้มีส่วนได้เสียภายนอก (EIT)", "1. คุณภาพการดำเนินงาน 87.66 คะแนน",
             "2. ประสิทธิภาพการสื่อสาร 85.62 คะแนน", "3. การปรับปรุงการทำงาน 83.70 คะแนน",
             "5. การแก้ไขปั ญหาการทุจริต 87.32", "ตัวชี้วัดที่ 9 การเปิ ดเผยข้อมูล ได้คะแนน 100 คะแนน",
             "4 IIT การใช้ทรัพย์สินของ ราชการ 84.93 ต้องปรับปรุง"]
    got = {i.indicator: (i.score, i.tool) for i in indicator_scores(lines)}
    assert got == {6: (87.66, "EIT"), 7: (85.62, "EIT"), 8: (83.70, "EIT"), 5: (87.32, "IIT"), 9: (100.0, "OIT"),
                   4: (84.93, "IIT")}


@pytest.mark.parametrize("this_first", [True, False])
@pytest.mark.parametrize("year", [2567, None])
def test_a_table_of_two_years_gives_this_years_indicator_scores(this_first, year):
    """`ตัวชี้วัด | ปี 2567 | ปี 2566 | ผลต่าง`: the assessment year's column (or, unknown, the latest), never last
    year's, whichever comes first; the header may be the table's first row."""
    names = ["1. การปฏิบัติหน้าที่", "6. คุณภาพการดำเนินงาน", "10. การป้องกันการทุจริต"]
    now, before = [94.40, 82.51, 95.06], [88.46, 81.18, 86.73]
    head, rows = ["ปี 2567", "ปี 2566"], [[f"{a:.2f}", f"{b:.2f}"] for a, b in zip(now, before)]
    if not this_first:
        head, rows = head[::-1], [r[::-1] for r in rows]
    two_years = table([1], [], (1, ["ตัวชี้วัด", *head, "ผลต่าง"]),
                      *[(1, [name, *r, f"{a - b:+.2f}"]) for name, r, a, b in zip(names, rows, now, before)])
    title = "การวิเคราะห์ผลการประเมิน ITA" + (f" ประจำปีงบประมาณ พ.ศ. {year}" if year else "")
    found = parse_document(layout([page(1, title)], [two_years]))
    assert {i.indicator: i.score for i in found.indicators} == {1: 94.40, 6: 82.51, 10: 95.06}


def test_an_indicator_mentioned_in_prose_is_not_a_score():
    lines = ["หน่วยงานได้มีการดำเนินการตามแบบวัด IIT ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ที่ดีเยี่ยม",
             "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ ที่ดีเยี่ยม ควรรักษามาตรฐานไว้ 2566"]
    assert indicator_scores(lines) == []


def test_tool_scores_and_weak_point_questions_across_a_page_break():
    tools = table([1], ["เครื่องมือ", "คะแนน"], (1, ["IIT", "97.11"]), (1, ["EIT ส่วนที่ 1", "97.36"]),
                  (1, ["EIT ส่วนที่ 2", "99.16"]), (1, ["OIT", "91.66"]))
    weak = table([2], ["แบบวัด", "ตัวชี้วัด", "ข้อคำถาม", "คะแนน", "การวิเคราะห์"],
                 (2, ["IIT", "ตัวชี้วัดที่ 2", "i 7 ท่านทราบข้อมูลเกี่ยวกับงบประมาณ", "76.57", "ควรปรับปรุง"]),
                 (2, ["", "", "18 ท่านเคยเข้าไปมีส่วนร่วมใน", "73.42", ""]))
    continued = Table([TableRow(["", "", "กระบวนการงบประมาณ มากน้อยเพียงใด", "", ""], 3),
                       TableRow(["", "", "1 9 หน่วยงานของท่านใช้จ่ายงบประมาณ", "79.46", ""], 3)], [3], 5)
    merged = table([3], ["แบบวัด", "ตัวชี้วัด", "ข้อคำถาม", "คะแนน", "การวิเคราะห์"],
                   (3, ["EIT", "ตัวชี้วัดที่ 6", "e 1 หน่วยงานปฏิบัติ e 2 หน่วยงานปฏิบัติอย่างเป็นธรรม",
                        "76.12 81.05", ""]))
    parsed = parse_document(layout(
        [page(1, "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร", "ประจำปีงบประมาณ พ.ศ. 2568",
              "ได้รับคะแนนการประเมินรวม 95.28 คะแนน อยู่ในระดับ\"ผ่านดี\"", "IIT 97.11", "EIT ส่วนที่ 1 97.36",
              "EIT ส่วนที่ 2 99.16", "OIT 91.66"), page(2), page(3)],
        [tools, weak, continued, merged]))
    a = parsed.assessment
    assert (a.iit, a.eit_part1, a.eit_part2, a.oit, a.eit) == (97.11, 97.36, 99.16, 91.66, None)
    got = [(q.code, q.score, q.indicator) for q in parsed.questions]
    assert got == [("i7", 76.57, 2), ("i8", 73.42, 2), ("i9", 79.46, 2), ("e1", 76.12, 6), ("e2", 81.05, 6)]
    assert parsed.questions[1].text.endswith("มากน้อยเพียงใด")


# ---------------------------------------------------------------- measures
MEASURE_HEADER = ["มาตรการ/ แนวทาง", "วิธีการดำเนิน การ", "ผู้รับผิดชอบ", "ระยะเวลา ดำเนินการ", "การติดตามผล"]


def test_measure_rows_continued_over_a_page_break_are_joined():
    first = table([2], MEASURE_HEADER,
                  (2, ["1. มีระบบและช่องทางการรับเรื่องร้องเรียน", "1. จัดทำระบบ 2. ประชาสัมพันธ์ช่องทาง",
                       "งานวิเคราะห์ นโยบายและ แผน", "ตุลาคม 2565", "รายงานผลการ ดำเนินการ"]),
                  (2, ["7. การเผย แพร่ประกาศ ต่างๆ เกี่ยวกับ", "จัดทำและเผย แพร่ข้อมูล", "งานการเจ้า หน้าที่",
                       "1 ตุลาคม 2565 - 30 กันยายน", "รายงานผลการ"]))
    rest = Table([TableRow(["การจัดซื้อจัด จ้าง", "ประกาศต่างๆ", "", "2566", "ประจำเดือน"], 3),
                  TableRow(["8. มาตรการ กำกับดูแล", "นำระบบบันทึก", "กองช่าง", "1 ตุลาคม 2565 - 30 กันยายน 2566",
                            "รายงาน"], 3)], [3], 5)
    parsed = parse_document(layout([page(1, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2566"),
                                    page(2), page(3)], [first, rest]))
    assert [m.measure for m in parsed.measures] == ["มีระบบและช่องทางการรับเรื่องร้องเรียน",
                                                    "การเผย แพร่ประกาศ ต่างๆ เกี่ยวกับ การจัดซื้อจัด จ้าง",
                                                    "มาตรการ กำกับดูแล"]
    joined = parsed.measures[1]
    assert joined.period_text == "1 ตุลาคม 2565 - 30 กันยายน 2566" and joined.period_end.year == 2023
    assert [m.row for m in parsed.measures] == [1, 2, 3] and parsed.measures[2].page == 3


def test_report_sections_output_and_outcome():
    header = ["มาตรการ/โครงการ/ กิจกรรม", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ",
              "ผลการดำเนินการ (output)", "ผลลัพธ์หรือผลสัมฤทธิ์ ในการดำเนินการ (outcome/result)"]
    t = table([1], header, (1, ["1. กระบวนการปฏิบัติงานที่โปร่งใส", "", "", "", "", ""]),
              (1, ["มาตรการกำกับดูแล", "นำระบบบันทึก", "ูกองช่าง", "มี.ค. 68 ถึง เม.ย. 68", "จัดทำคู่มือ", "มีแนวทาง"]))
    parsed = parse_document(layout([page(1, "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส")], [t]))
    (m,) = parsed.measures
    assert (m.section, m.responsible, m.output, m.outcome) == ("กระบวนการปฏิบัติงานที่โปร่งใส", "กองช่าง",
                                                               "จัดทำคู่มือ", "มีแนวทาง")


def test_section_heading_above_a_table_and_codes():
    header = ["มาตรการ/โครงการ/ กิจกรรม", "ขันตอน ้ /วิธีการปฏิบัติ", "ระยะเวลา", "ผู้รับผิดชอบ"]
    t = table([1], header, (1, ["O 27 การสร้าง วัฒนธรรม No Gift Policy", "1.จัดให้มี", "ตุลาคม 2567", "กองคลัง"]),
              (1, ["i1การปฏิบัติงานหรือให้บริการ", "1.เจ้าหน้าที่", "ตุลาคม 2567", "กองคลัง"]),
              (1, ["1 10 ในหน่วยงานของท่าน", "1.ปรับปรุง", "ตุลาคม 2567", "กองช่าง"]))
    p = page(1, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568",
             "1) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ", "มาตรการ/โครงการ/", "กิจกรรม")
    parsed = parse_document(layout([p], [t]))
    assert [(m.codes, m.measure) for m in parsed.measures] == [
        (["o27"], "การสร้าง วัฒนธรรม No Gift Policy"), (["i1"], "การปฏิบัติงานหรือให้บริการ"),
        (["i10"], "ในหน่วยงานของท่าน")]
    assert {m.section for m in parsed.measures} == {"กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ"}


def test_a_bare_leading_number_is_a_list_number_without_letter_codes():
    assert code_prefix("12 จัดทำคู่มือ", 2566, digit_i=False) == ([], "12 จัดทำคู่มือ")
    assert code_prefix("18 ผู้บังคับบัญชา", 2568, digit_i=True) == (["i8"], "ผู้บังคับบัญชา")


def test_column_roles_follow_header_meaning_in_any_order():
    names = {"measure": "มาตรการ/แนวทาง", "method": "วิธีการดำเนินการ", "responsible": "ผู้รับผิดชอบ",
             "period": "ระยะเวลาดำเนินการ", "follow_up": "การติดตามผล", "output": "ผลการดำเนินการ (output)",
             "outcome": "ผลลัพธ์หรือผลสัมฤทธิ์ (outcome)", "indicator": "ตัวชี้วัด",
             "analysis": "ผลการวิเคราะห์ตัวชี้วัดตามหลักเกณฑ์การประเมิน ITA"}
    for order in itertools.islice(itertools.permutations(names), 0, 400, 7):
        roles = column_roles([names[r] for r in order])
        assert [roles[i] for i in range(len(order))] == list(order)


# ---------------------------------------------------------------- properties of the text helpers
thai_text = st.text(alphabet=st.sampled_from(list("กขคงจนมยรลวสอะาำิีึืุูเแโไ่้๊๋์ 0123456789๑๒.")), max_size=40)


@given(thai_text)
def test_compact_and_skeleton_ignore_spacing(text):
    spaced = " ".join(text)
    assert compact(spaced) == compact(text)
    assert skeleton(spaced) == skeleton(text)
    assert not any(c.isspace() for c in compact(text))
    assert set(skeleton(text)) <= set(compact(text))


@given(thai_text)
def test_tidy_is_idempotent_and_never_starts_with_a_mark(text):
    once = tidy(text)
    assert tidy(once) == once
    assert once is None or once[0] not in "ะาำิีึืุู่้๊๋์"


@given(st.integers(1, 99), st.sampled_from([". ", ") ", "."]), st.sampled_from(["จัดทำคู่มือ", "การพัฒนาความรู้"]))
def test_list_numbers_are_dropped_but_text_kept(number, mark, text):
    assert strip_list_number(f"{number}{mark}{text}") == text
    assert strip_list_number(text) == text


def test_a_target_score_in_an_unrelated_plan_is_not_an_assessment():
    parsed = parse_document(layout([page(
        1, "แผนปฏิบัติราชการ ด้านการส่งเสริมคุณธรรม จริยธรรม", "ระยะที่ 2 (พ.ศ. 2566-2570)",
        "ตัวชี้วัด ดัชนีการรับรู้การทุจริตของประเทศไทยได้คะแนนไม่ต่ำกว่า 57 คะแนน ภายในปี 2570")]))
    assert parsed.doc_type == "unknown" and parsed.assessment is None and parsed.assessment_year is None


def test_a_unit_name_cut_at_a_line_end_is_not_a_mention_of_another_unit():
    parsed = parse_document(layout([page(
        1, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ.2566", "องค์การบริหารส่วนตำบลหนองฝ้ าย",
        "อำเภอเลาขวัญ จังหวัดกาญจนบุรี", "1. การวิเคราะห์ผลการประเมิน ITA ขององค์การบริหารส่วนตำบลหนอง",
        "ฝ้าย ปีงบประมาณ พ.ศ. 2565")]))
    assert [m.text for m in parsed.unit_mentions] == ["องค์การบริหารส่วนตำบลหนองฝ้าย"]


def test_ocr_misread_numbers_are_dropped_but_a_readable_level_is_kept():
    parsed = parse_document(layout([page(
        1, "มาตรการ ส่งเสริ่มคุณธรรมและความโปร่งใสภายในหน่วยงานของ จังหวัดอ่างทอง",
        "ประจำปีง บประ มาณ พ.ศ. 2 595", "คะแนนภาพรวมของจังหวัดอ่างทอง : 10.135 คะแนน", 'ระดับผลการประเมิน : "A"')]))
    assert parsed.fiscal_year is None
    assert (parsed.assessment.overall_score, parsed.assessment.level) == (None, "A")


def test_tool_scores_written_as_a_list_with_names():
    parsed = parse_document(layout([page(
        1, "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ พ.ศ. 2568",
        "- IIT (การรับรู้ภายใน) : 99.96 คะแนน", "- OIT (การเปิดเผยข้อมูลสาธารณะ) : 97.50 คะแนน")]))
    a = parsed.assessment
    assert (a.overall_score, a.iit, a.oit) == (None, 99.96, 97.5)


def test_years_written_without_the_word_budget():
    parsed = parse_document(layout([page(
        1, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปี พ.ศ. 2566", "องค์การบริหารส่วนตำบลนาเกาะ",
        "ผลการประเมิน ITA ปี 2565 มีผลคะแนน 85.56 คะแนน อยู่ในระดับ A")]))
    assert (parsed.fiscal_year, parsed.assessment_year) == (2566, 2565)


def test_fiscal_year_despite_glyphs_pulled_in_from_the_next_line():
    parsed = parse_document(layout([page(
        1, "รายงานผลการดำเนินการ เพื่อส่งเสริมคุณธรรมและความ", "โปร่งใสภายในหน่วยงาน ประจำปงบประมาณไฟ พ.ศ. 2568",
        "องค์การบริหารส่วนตำบลดงมะไฟ", "ผลการประเมินคุณธรรม ประจำปีงบประ",
        "มาณ พ.ศ. 2567 ขององค์การบริหารส่วนตำบลดงมะไฟ")]))
    assert (parsed.doc_type, parsed.fiscal_year) == ("measures_report", 2568)


def test_rule_remnant_rows_are_not_measures():
    t = table([1], MEASURE_HEADER, (1, ["1. จัดทำคู่มือ", "แจ้งเวียน", "สำนักปลัด", "ตุลาคม 2567", "รายงาน"]),
              (1, ["---", "--", "--", "---", ""]))
    parsed = parse_document(layout([page(1, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568")], [t]))
    assert [(m.measure, m.responsible) for m in parsed.measures] == [("จัดทำคู่มือ", "สำนักปลัด")]


def test_mentions_are_tagged_title_header_or_body():
    parsed = parse_document(layout([
        page(1, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568", "อบต.ดงบัง"),
        page(2, "องค์การบริหารส่วนตำบลดงบัง อ.ลืออำนาจ จ.อำนาจเจริญ", "ตาราง", "ที่ประชุมของเทศบาลตำบลคลองปราบ")]))
    assert [(m.text, m.where, m.district, m.province) for m in parsed.unit_mentions] == [
        ("อบต.ดงบัง", "title", None, None), ("องค์การบริหารส่วนตำบลดงบัง", "header", "ลืออำนาจ", "อำนาจเจริญ"),
        ("เทศบาลตำบลคลองปราบ", "body", None, None)]
    assert (parsed.unit_raw, parsed.district_raw, parsed.province_raw) == ("อบต.ดงบัง", "ลืออำนาจ", "อำนาจเจริญ")


words = st.sampled_from(["มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา", "แบบวัด", "ข้อคำถาม", "คะแนน", "ตัวชี้วัดที่ 6", "e1",
                         "1.", "IIT", "97.5", "ปีงบประมาณ พ.ศ. 2566", "อบต.", "เรื่อง", "เรียน", "", "---", "ำ",
                         "1 10"])
cell = st.lists(words, max_size=4).map(" ".join)


@given(st.lists(st.lists(cell, min_size=1, max_size=4), max_size=4),
       st.lists(st.tuples(st.lists(st.lists(cell, min_size=1, max_size=5), max_size=4),
                          st.lists(st.integers(1, 4), max_size=2)), max_size=4))
def test_parse_never_raises_on_odd_layouts(page_lines, raw_tables):
    pages = [page(n, *lines) for n, lines in enumerate(page_lines, 1)]
    tables = [Table([TableRow(cells, (numbers or [1])[0]) for cells in rows], numbers, max(map(len, rows), default=0))
              for rows, numbers in raw_tables]
    parsed = parse_document(layout(pages, tables))
    assert parsed.doc_type in ("measures", "measures_report", "development_plan", "analysis", "unknown")


def test_standalone_analysis_needs_an_ita_title():
    analysis = "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปี 2567"
    assert classify(compact(analysis), "")[0] == "analysis"
    assert classify(compact("การวิเคราะห์ผลการประเมินความเสี่ยงการทุจริต ประจำปี 2567"), "")[0] == "unknown"


def _scanned(cells: list[str]) -> list[str]:
    """A table row's cells as the scan layer hands OCR'd cells to the grammar (parsers/scan_cleanup.clean_cell)."""
    from parsers.scan_cleanup import clean_cell

    return [clean_cell(cell)[0] for cell in cells]


def test_a_question_code_ocr_garbled_is_recovered_from_its_text_and_flagged():
    from parsers.ita.scores import question_scores

    header = ["แบบวัด", "ตัวชี้วัด", "ข้อคำถาม", "คะแนน", "การวิเคราะห์"]
    questions, warnings = question_scores([table([1], header, (1, _scanned([
        "EIT", "ตัวชี้วัดที่ 6", "62 หน่วยงานปฏิบัติหรือให้บริการแก่ท่าน อย่างเป็นธรรมและไม่เลือกปฏิบัติ มากน้อยเพียงใด",
        "92.12", ""])), (1, _scanned([
        "", "", "em หน่วยงานปฏิบัติหรือให้บริการแก่ท่าน โดยมุ่งผลสัมฤทธิ์ และรับผิดชอบต่อหน้าที่ มากน้อยเพียงใด",
        "89.83", ""])))], 2566)
    # `62`: e read as 6, repaired by the scan layer (scan_cleanup._CODE_E); `em`: unreadable, recovered from the
    # wording by the grammar.
    assert [(q.code, q.score, q.code_corrected) for q in questions] == [("e2", 92.12, False), ("e3", 89.83, True)]
    assert len(warnings) == 1 and "from its text" in warnings[0]


def test_the_grammar_reads_no_ocr_look_alike_as_a_code_letter():
    """`6` for e is OCR's (the scan layer repairs it); the grammar takes only letters and the digits documents
    retype for them (๑ for i, ๐ for o)."""
    from parsers.ita.scores import _question_code

    assert _question_code("62 หน่วยงานปฏิบัติ", "EIT") == (None, "62 หน่วยงานปฏิบัติ")
    assert _question_code("013 หน่วยงานมีการ", "EIT") == (None, "013 หน่วยงานมีการ")
    assert _question_code("013 E-Service", "OIT")[0] == "o13"
    assert _question_code("123* การ", "IIT")[0] == "i23"


def test_scanned_weak_point_table_codes_tools_and_scores():
    """What OCR makes of a weak-point table: the tool name (`IIT` read `บ1`) and the indicator header garbled,
    codes joined to the text or with a lost letter, a score cell that is not a number."""
    from parsers.ita.scores import question_scores

    from parsers.scan_cleanup import snap_header

    # the scan layer writes the garbled header as the column it reads closest to (the grammar no longer guesses it)
    header = [snap_header(cell) for cell in ["แบบวัด", "วชี้วัด", "ข้อคำถาม", "คะแนน", "การวิเคราะห์"]]
    questions, _ = question_scores([table([1], header, (1, [
        "บ1", "ตัวชี้วัดที่ 2", "เ 7 ท่านทราบข้อมูลเกี่ยวกับงบประมาณของหน่วยงานหรือของส่วนงานที่ท่านปฏิบัติหน้าที่ มากน้อยเพียงใด",
        "89.64", ""]), (1, [
        "", "", "8 ท่านเคยเข้าไปมีส่วนร่วมในกระบวนการงบประมาณ มากน้อยเพียงใด", "7352.", ""]), (1, [
        "", "", "19 หน่วยงานของท่านใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์และคุ้มค่า มากน้อยเพียงใด", "93.47", ""]))], 2566)
    # i8's cell `7352.` is refused rather than mined for `73`; `19` is i9 by its wording, not i19.
    assert [(q.code, q.score, q.indicator) for q in questions] == [("i7", 89.64, 2), ("i9", 93.47, 2)]


def test_a_question_code_joined_to_its_text_by_ocr_is_recovered():
    from parsers.ita.scores import question_scores

    header = ["แบบวัด", "ตัวชี้วัด", "ข้อคำถาม", "คะแนน", "การวิเคราะห์"]
    # the scan layer splits the glued `ed` off (scan_cleanup._GLUED_CODE) and repairs `611` (e11)
    questions, _ = question_scores([table([1], header, (1, _scanned([
        "EIT", "ตัวชี้วัดที่ 9", "edหน่วยงานมีช่องทางเผยแพร่ข้อมูลข่าวสารที่สามารถเข้าถึงได้ง่าย มากน้อยเพียงใด", "86.23", ""])),
        (1, _scanned(["", "", "611 การปฏิบัติหรือการให้บริการของเจ้าหน้าที่ ดีขึ้นกว่าที่ผ่านมา มากน้อยเพียงใด", "90.76", ""])))],
        2566)
    assert [(q.code, q.score) for q in questions] == [("e6", 86.23), ("e11", 90.76)]


def test_fiscal_year_with_the_dots_of_be_misread():
    from parsers.ita.header import fiscal_year

    assert fiscal_year("ประจำปีงบประมาณ พ1ศ1 2566") == 2566
    assert fiscal_year("ประจำปีงบประมาณ พ,ศ. 2567") == 2567


def test_bangkok_in_an_address_is_not_the_documents_unit():
    parsed = parse_document(layout([
        page(1, "แผนปฏิบัติการป้องกันการทุจริต โรงพยาบาลพิชัย", "ประจำปีงบประมาณ พ.ศ. 2568"),
        page(2, "สำนักงานปลัดกระทรวงสาธารณสุข ถนนติวานนท์ นนทบุรี", "ติดต่อ 88/20 กรุงเทพมหานคร 10400"),
    ]))
    assert parsed.unit_raw is None and parsed.unit_mentions == []
    titled = parse_document(layout([page(1, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "กรุงเทพมหานคร",
                                          "ประจำปีงบประมาณ พ.ศ. 2567")]))
    assert titled.unit_raw == "กรุงเทพมหานคร"


def test_overall_statements_with_an_unread_score():
    """A score left unread (`#`, the scan layer's mark) still places the level; a number after ระดับ is no level.
    (Scan confusions of these statements are repaired by parsers/scan_cleanup.py: tests/test_scan_consistency.py.)"""
    result = overall("พบว่ามีผลคะแนน # คะแนน อยู่ในระดับ A ดังนี้")
    assert (result.overall_score, result.level) == (None, "A")
    assert overall("มีผลคะแนน 85.00 คะแนน อยู่ในระดับ 85 คะแนนขึ้นไป").level is None
