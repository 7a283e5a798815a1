"""Reading ITA facts from OCR'd text (scans3): numbers a scan damaged are refused, never mistaken for another
row's number, and the level is checked against the score. Lines are as Tesseract returned them on the
synthetic scan benchmark (`scripts/make_scans.py`)."""
from __future__ import annotations

import dataclasses

from parsers.ita import parse_document
from parsers.ita.header import fiscal_year
from parsers.ita.scores import indicator_scores, overall, segments
from parsers.scan_cleanup import clean_cell, clean_text
from parsers.ocr_digits import UNREAD
from tests.test_ita_parse import layout, page, table
from tests.test_ita_parse import table as _table


def _ocr(p):
    return dataclasses.replace(p, ocr=True)


def _scores(*lines: str, ocr: bool = True) -> dict[int, float]:
    """Indicator scores of a page of these lines; OCR'd lines go through the scan cleanup first, as the layout
    stage does (parsers/scan_cleanup.py), and the grammar reads the result."""
    pages = [_ocr(page(1, *map(clean_text, lines))) if ocr else page(1, *lines)]
    return {i.indicator: i.score for i in indicator_scores(segments(pages, []))}


def test_overall_statements_as_scans_garble_them():
    """The scan layer repairs what OCR does to overall statements, and the grammar (which no longer knows these
    confusions) then reads them: lower-case debris after a letter level, B read as 8, ค read for ด in ผ่านดี, a
    score that lost its first digit (`00.00`) refused."""
    cases = {
        "พบว่ามีผลคะแนน 86.77 คะแนนอยู่ในระดับAai": (86.77, "A"),
        "พบว่ามีผลคะแนน 78.01 คะแนน อยู่ในระดับ 8ดังนี้": (78.01, "B"),
        'คะแนนภาพรวมของจังหวัดลำพูน : 79.63 คะแนน ระดับผลการประเมิน :"8"': (79.63, "B"),
        "คะแนนภาพรวมหน่วย องค์การบริหารส่วนตำบลท่าบัว 90.61 คะแนน ระดับผลการประเมีนผ่านคี": (90.61, "ผ่านดี"),
        "พบว่ามีผลคะแนน 00.00 คะแนน อยู่ในระดับ AA": (None, "AA"),
    }
    for text, expected in cases.items():
        result = overall(clean_text(text))
        assert (result.overall_score, result.level) == expected, text
        raw = overall(text)  # the grammar alone no longer reads the scan's confusion (a letter before debris it does)
        assert "Aai" in text or raw is None or (raw.overall_score, raw.level) != expected, text


def test_a_tool_name_read_as_digits_is_not_an_indicator_score():
    # `(OIT)` read `(011)` after the heading that names indicator 9's words; `00.00` is 100.00 with its 1 lost.
    assert _scores("แบบวัดการเปิดเผยข้อมูลสาธารณะ (011)") == {}
    assert _scores("1การปฏิบัติหน้าที่00.00 คะแนน") == {}


def test_question_codes_whose_letter_became_a_sign_are_read_after_the_cleanup():
    weak = table([1], ["แบบวัด", "ตัวชี้วัด", "ข้อคำถาม", "คะแนน", "การวิเคราะห์"],
                 (1, ["IIT", "ตัวชี้วัดที่ 2", clean_cell("l 7 ท่านทราบข้อมูลเกี่ยวกับงบประมาณ")[0], "76.57", ""]),
                 (1, ["", "", clean_cell("|8 ท่านเคยเข้าไปมีส่วนร่วมในกระบวนการงบประมาณ")[0], "73.42", ""]))
    parsed = parse_document(layout([page(1, "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร", "ประจำปีงบประมาณ พ.ศ. 2568")],
                                   [weak]))
    assert [(q.code, q.score) for q in parsed.questions] == [("i7", 76.57), ("i8", 73.42)]


def test_a_refused_title_year_is_not_replaced_by_the_bodys_year():
    title = ["มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ", "พ.ศ256า6", "องค์การบริหารส่วนตำบลทุ่งแล้ง",
             "จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ. 2565 ขององค์การบริหารส่วนตำบลทุ่งแล้ง พบว่ามีผล"]
    assert parse_document(layout([_ocr(page(1, *title))])).fiscal_year is None
    title[1] = "พ1ศ12566"  # the dots of พ.ศ. read as 1: still a readable year
    assert parse_document(layout([_ocr(page(1, *title))])).fiscal_year == 2566
    # ปีงบประมาณ with its ง misread still names the title's year, not the analysed year after it
    assert fiscal_year("รายงานผลการดำเนินการ ประจำปีจบประมาณ พ.ศ. 2568 ประจำปีงบประมาณ พ.ศ. 2567") == 2568


def test_an_unread_score_does_not_take_the_next_rows_number():
    lines = ["3 การใช้อำนา# คะแนน", "4 การใช้ทรัพย์สินของราชการ 100 คะแนน",
             "7 ประสิทธิภาพการสื่อสาร ฒฒ.ออ คะแนน", "คะแนน", "8 การปรับปรุงระบบการทำงาน 83.77 คะแนน"]
    assert _scores(*lines) == {4: 100.0, 8: 83.77}


def test_digits_mixed_with_lookalikes_are_refused_on_scans():
    assert _scores("2 ประสิทธิภาพการสื่อสาร ฒ0 ฒ5 คะแนน", "3 การใช้อำนาจ จอ.87ฒ คะแนน",
                   "1การปฏิบัติหน้าที่9@.78คะแนน หน่วยงานควรรักษามาตรฐาน") == {}
    # a look-alike glued to a Thai word is its letter; a garbled list number does not hide the name
    assert _scores("3 การใช้อำนาจ 100 คะแนน", "อ6 คุณภาพการดำเนินงาน 82.61 คะแนน", "lo. การใช้งบประมาณ 87.57 คะแนน",
                   "ฒ. การเปิดเผยข้อมูล 83.53 คะแนน") == {3: 100.0, 6: 82.61, 2: 87.57, 9: 83.53}


def test_a_measure_lines_list_number_is_not_a_score():
    assert _scores("สำหรับการป้องกัน การทุจริต3บังคับใช้มาตรการ", ocr=False) == {}
    assert _scores("10 การป้องกันการทุจริต 0 คะแนน", ocr=False) == {10: 0.0}


def test_a_tool_cell_read_as_digits_still_gives_the_indicator():
    """The tool read as strokes or digits (`111`, `011`) in its own cell or glued to the name on a page line: the
    scan layer writes the tool (scan_cleanup), so the grammar, which knows only the tools' names, reads the row."""
    read = [["1", "111", "การปฏิบัติหน้าที่", "100"], ["10", "011", "การป้องกันการทุจริต", "86.33"]]
    rows = table([1], ["ลำดับ", "เครื่องมือ", "ตัวชี้วัด", "คะแนน"], *[(1, [clean_cell(c)[0] for c in r]) for r in read])
    found = indicator_scores(segments([page(1)], [rows]))
    assert {i.indicator: i.score for i in found} == {1: 100.0, 10: 86.33}
    lines = ["1 111การปฏิบัติหน้าที่ 100 ผ่านเกณฑ์", "10 011 การป้องกันการทุจริต 86.33", "3 1l1 การใช้อำนาจ 85.14"]
    assert _scores(*lines) == {1: 100.0, 10: 86.33, 3: 85.14}
    assert _scores(*lines, ocr=False) == {}  # the grammar alone does not take strokes for a tool
    assert clean_text("111 คน ได้รับการอบรม") == "111 คน ได้รับการอบรม"  # strokes before no indicator's name stay


def test_a_list_number_read_as_latin_letters_is_refused_by_the_scan_layer():
    """`lo.` for a list number before an indicator's name: the scan layer refuses it (`#.`) and the grammar reads
    the row by name; the grammar alone takes no Latin letters for a list number (a Thai letter `ก.` it does)."""
    assert clean_text("lo. การใช้งบประมาณ 87.57 คะแนน") == f"{UNREAD}. การใช้งบประมาณ 87.57 คะแนน"
    assert clean_text("ok. ไปประชุมประจำเดือน") == "ok. ไปประชุมประจำเดือน"  # no indicator named: left
    assert _scores("lo. การใช้งบประมาณ 87.57 คะแนน") == {2: 87.57}
    assert _scores("lo. การใช้งบประมาณ 87.57 คะแนน", ocr=False) == {}
    assert _scores("ก. การใช้งบประมาณ 87.57 คะแนน", "(ข) การใช้อำนาจ 90.12 คะแนน", ocr=False) == {2: 87.57, 3: 90.12}
    # alone in its cell (a ruled table's list-number column), refused the same way
    rows = table([1], ["ลำดับ", "ตัวชี้วัด", "คะแนน"], (1, [clean_cell(c)[0] for c in ["lo.", "การใช้งบประมาณ", "87.57"]]))
    assert {i.indicator: i.score for i in indicator_scores(segments([page(1)], [rows]))} == {2: 87.57}


def test_a_number_with_a_lookalike_sign_glued_to_it_is_refused_by_the_scan_layer():
    """`9@.78`, `85«.12`: a sign Tesseract writes for a Thai digit inside a number; the scan layer refuses the number
    (its digits alone would be another number), and the grammar reads clean text only."""
    assert clean_text("1การปฏิบัติหน้าที่9@.78คะแนน") == f"1การปฏิบัติหน้าที่{UNREAD}คะแนน"
    assert clean_text("2 การใช้งบประมาณ 85«.12 คะแนน") == f"2 การใช้งบประมาณ {UNREAD} คะแนน"
    assert clean_text("ติดต่อ no1@mail.com หรือ 12@gmail.com") == "ติดต่อ no1@mail.com หรือ 12@gmail.com"
    assert _scores("2 การใช้งบประมาณ 85«.12 คะแนน", "4 การใช้ทรัพย์สินของราชการ 90.10@ คะแนน") == {}
    assert _scores("2 การใช้งบประมาณ 85.12 คะแนน «การเผยแพร่") == {2: 85.12}  # a sign after a space is no digit
    # the refusal is the scan layer's: the grammar alone would take the digits before the sign
    assert _scores("4 การใช้ทรัพย์สินของราชการ 90.10@ คะแนน", ocr=False) == {4: 90.10}


def _validated(document_layout):
    """Parsed and validated, as the pipeline's stages do: on a scan the level judges the score in validation."""
    from pipeline.records import UnitResolution
    from pipeline.validate import validate
    parsed = parse_document(document_layout)
    parsed.warnings += validate(document_layout, parsed, UnitResolution())
    return parsed


def test_a_scanned_score_outside_its_levels_band_is_refused():
    statement = ["จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ. 2565", "คะแนนภาพรวมของจังหวัดประจวบคีรีขันธ์ : 52.76 คะแนน",
                 'ระดับผลการประเมิน : "B"']
    scanned = _validated(layout([_ocr(page(1, "มาตรการส่งเสริมคุณธรรม", *statement))])).assessment
    assert (scanned.overall_score, scanned.level) == (None, "B")
    printed = parse_document(layout([page(1, "มาตรการส่งเสริมคุณธรรม", *statement)]))
    # on a text layer too, a score and level that contradict each other cannot both be right: the score is
    # refused, with a warning that names both
    assert (printed.assessment.overall_score, printed.assessment.level) == (None, "B")
    assert any("52.76" in w and "B" in w for w in printed.warnings)


def test_a_spaced_level_is_chosen_by_the_scores_band_or_refused():
    def level(score: str) -> str | None:
        text = f"โคกช้าง พบว่ามีผลคะแนน {score} คะแนน อยู่ในระดับ A A"
        assessment = _validated(layout([_ocr(page(1, "มาตรการส่งเสริมคุณธรรม", text))])).assessment
        return assessment.level if assessment else None
    assert level("89.46") == "A"
    assert level("96.10") == "AA"
    assert level("#") is None


def test_a_garbled_report_title_is_still_a_report():
    from parsers.ita.doctype import classify
    from parsers.ita.text import compact
    title = compact("รายงานผลการดาเนหนนการ เพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณพ.ศ. 25ท66")
    assert classify(title, "")[0] == "measures_report"
    assert classify(compact("รายงานผลการประชุมสภา ประจำปีงบประมาณ"), "")[0] == "unknown"


def test_a_garbled_overall_score_is_refused_but_places_the_level():
    """The scan layer refuses the garbled score (UNREAD); the grammar then neither takes it nor reaches past it
    for a later number (here a tool's), and still reads the level after it."""
    for text, level in (("พบว่ามีผลคะแนน 95ส93 คะแนนอยู่ใน\nระดับAAดังนี\nคะแนนรวม 91.20 คะแนน", "AA"),
                        ('ได้รับคะแนนการประเมินรวม 8ง.95 คะแนน อยู่ในระดับ"ผ่าน" โดยผล\nคะแนนรวม 91.20 คะแนน', "ผ่าน"),
                        ("พบว่ามีผลคะแนน 95 ส93 คะแนนอยู่ใน\nระดับAAดังนี\nได้คะแนนรวม 91.20 คะแนน", "AA")):
        lines = [clean_text(line) for line in text.split("\n")]
        assessment = parse_document(layout([_ocr(page(1, "มาตรการส่งเสริมคุณธรรม", *lines))])).assessment
        assert (assessment.overall_score, assessment.level) == (None, level)


def test_a_garbled_tool_cell_does_not_carry_the_previous_tools_questions():
    """A table of EIT questions, then one whose `IIT` and `ตัวชี้วัดที่ 6` cells a scan garbled (`เท`, `Wine`):
    the questions are IIT's, found by a wording that names one question of the year clearly (here i20-i22,
    codes garbled `[20`); `ท่านรู้แนวปฏิบัติ…` is printed under i19 and i23 (numbering variants) and is refused."""
    from parsers.ita.scores import question_scores
    from parsers.scan_cleanup import snap_header

    # the cells as the scan layer hands them to the grammar (`[21เจ้าหน้าที่…` split as `[21 เจ้าหน้าที่…`)
    header = [snap_header(cell) for cell in ["แบบวัด", "วชี้วัด", "ข้อคำถาม", "คะแนน", "การวิเคราะห์"]]

    def table(pages, header, *rows):
        return _table(pages, header, *((page, [clean_cell(cell)[0] for cell in cells]) for page, cells in rows))
    questions, _ = question_scores([table([1], header, (1, [
        "EIT", "ตัวชี้วัดที่ 7", "67 หน่วยงานมีการเผยแพร่ข้อมูลข่าวสารที่ประชาชนหรือผู้รับบริการควรได้รับทราบอย่างชัดเจน มากน้อยเพียงใด",
        "83.33", ""])), table([2], header, (2, [
        "เท", "Wine", "iowท่านรู้แนวปฏิบัติของหน่วยงานของท่านเกี่ยวกับการใช้ทรัพย์สินของราชการที่ถูกต้อง มากน้อยเพียงใด",
        "99.58", ""]), (2, [
        "", "", "[20 ขั้นตอนการขออนุญาตเพื่อยืมทรัพย์สินของราชการ ไปใช้ปฏิบัติงานมีความสะดวกมากน้อยเพียงใด", "98.48", ""]), (2, [
        "", "", "[21เจ้าหน้าที่ของหน่วยงานท่าน มีการขออนุญาตยืมทรัพย์สินของราชการไปใช้ปฏิบัติงานอย่างถูกต้องมากน้อยเพียงใด",
        "99.15", ""]))], 2566)
    assert [(q.code, q.score) for q in questions] == [("e7", 83.33), ("i20", 98.48), ("i21", 99.15)]


def test_a_score_of_five_digits_that_lost_its_point_is_100():
    assert _scores("ตัวชี้วัดที่8 การปรับปรุงการทำงาน ได้คะแนน 10000 คะแนน เป็นคะแนนจากการ") == {8: 100.0}
    assert _scores("ตัวชี้วัดที่8 การปรับปรุงการทำงาน ได้คะแนน 10000 บาท") == {}


def test_a_weights_column_and_a_misread_tool_code_are_no_scores_when_the_scores_are_unread():
    """A weighted-points table on a 150-dpi scan whose Thai-digit scores the scan layer refused (`#`): the
    weights (30, 15, 40 read 50) are all that is left of each row, and `(OIT)` was read `(07)`. None of these
    is a tool's or an indicator's score; a number among unread ones cannot say which column it stands in."""
    from parsers.ita import statements
    lines = ["แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน(IT) 30 # #", "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอกส่วนที่1 ๑๕ # #",
             "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (07) ๕๐ # #", "9 การเปิดเผยข้อมูล #", "10 การป้องกันการทุจริต 80.00"]
    assert statements.tools(lines, 2567) == []
    assert _scores(*lines) == {10: 80.0}
    # with the score and its points both read, the row is read as before
    found = statements.tools(["แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) 30 91.90 27.57"], 2567)
    assert [(r.field, r.score, r.points) for r in found] == [("iit", 91.90, 27.57)]


def test_a_period_a_scan_left_partly_unread_gets_no_date_from_the_documents_year():
    """`ตุลาคม #` (the year refused) is not October of the document's fiscal year: plans of 2568 run in 2569."""
    from parsers.ita.measures import _period, _Row  # noqa: PLC0415

    row = _Row.__new__(_Row)
    assert _period(row, f"ตุลาคม {UNREAD}", 2568).start is None
    assert _period(row, f"1 ตุลาคม {UNREAD} - 30 กันยายน {UNREAD}", 2568).end is None
    assert _period(row, "ตุลาคม 2568", 2568).start.isoformat() == "2025-10-01"
