"""Post-OCR cleanup (parsers/scan_cleanup.py): the scan confusions the ITA grammar used to handle itself are
repaired or refused once, in the scan layer, and closed vocabularies snap only what OCR read closely."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.ocr_digits import UNREAD
from parsers.scan_cleanup import (clean_cell, clean_text, constrain_years, document_years, drop_debris_lines, snap_header, snap_months,
                                  refuse_garbled_years, snap_latin_months,
                                  snap_office)


@pytest.mark.parametrize("ocr, clean", [
    # tool names read with digits (parsers/ita/scores.py: _TOOL_MISREAD, `(011)` is (OIT))
    ("011 การเปิดเผยข้อมูล", "OIT การเปิดเผยข้อมูล"),
    ("(011)", "(OIT)"),
    ("0IT 97.50", "OIT 97.50"),
    ("E1T ส่วนที่ 1", "EIT ส่วนที่ 1"),
    ("lIT", "IIT"),
    # a five-digit 10000 before the score word is 100.00 (scores.py: _LOST_POINT)
    ("การปฏิบัติหน้าที่ 10000 คะแนน", "การปฏิบัติหน้าที่ 100.00 คะแนน"),
    # a score starting with 0 and a digit lost its first digit: refused (scores.py: SCORE's (?!0\d))
    ("การใช้อำนาจ 00.00 คะแนน", f"การใช้อำนาจ {UNREAD} คะแนน"),
    # digits mixed with look-alike letters are refused (scores.py: unread_mixed)
    ("2 ประสิทธิภาพการสื่อสาร ฒ0 ฒ5 คะแนน", f"2 ประสิทธิภาพการสื่อสาร {UNREAD} {UNREAD} คะแนน"),
    ("3 การใช้อำนาจ จอ.87ฒ คะแนน", f"3 การใช้อำนาจ {UNREAD} คะแนน"),
    # levels: 8 read for B, lower-case debris after a letter level, ค for ด (scores.py: _LEVEL, _fold)
    ("อยู่ในระดับ 8 ดังนี้", "อยู่ในระดับ B ดังนี้"),
    ('ะดับผลการประเมิน :"8"', 'ระดับผลการประเมิน :"B"'),  # the line's ร lost too (01011)
    ("ะดับ A", "ระดับ A"),
    ("ประดับ ผลงาน", "ประดับ ผลงาน"),
    ("ปะดับ 8 ชิ้น", "ปะดับ 8 ชิ้น"),  # ะดับ inside another word is no level word
    # คะแนน whose ค was lost at the line's start (01021, bilevel 150 dpi); inside a word it is no score word
    ("ะแนนภาพรวมของจังหวัดกาฬสินธุ์: 91.09 คะแนน", "คะแนนภาพรวมของจังหวัดกาฬสินธุ์: 91.09 คะแนน"),
    ("ะแนน 90.11", "คะแนน 90.11"),
    ("ประแนน ภาพรวม", "ประแนน ภาพรวม"),
    ("อยู่ในระดับAai", "อยู่ในระดับA"),
    ("ผลการประเมินอยู่ในระดับ ผ่านคี", "ผลการประเมินอยู่ในระดับ ผ่านดี"),
    ("อยู่ในระดับ ผ่านคีเยี่ยม", "อยู่ในระดับ ผ่านดีเยี่ยม"),
    # question codes whose letter became a sign (scores.py: _QUESTION_CODE's 1/l/| for i, 6 for e)
    ("l9 ท่านรู้แนวปฏิบัติ", "i9 ท่านรู้แนวปฏิบัติ"),
    ("611 หน่วยงานมีการเผยแพร่", "e11 หน่วยงานมีการเผยแพร่"),
    # a code's reading glued to the wording is split off (scores.py used to try each short prefix as the code)
    ("edหน่วยงานมีช่องทาง", "ed หน่วยงานมีช่องทาง"),
    ("e6*หน่วยงาน", "e6* หน่วยงาน"),
    ("[21เจ้าหน้าที่ของหน่วยงาน", "[21 เจ้าหน้าที่ของหน่วยงาน"),  # i read as a bracket
    ("6อ9หน่วยงานของท่าน", f"{UNREAD} หน่วยงานของท่าน"),
])
def test_scan_confusions_are_repaired_or_refused(ocr, clean):
    assert clean_text(ocr) == clean


@pytest.mark.parametrize("text", [
    "คะแนน 89.46 อยู่ในระดับ A", "ปีงบประมาณ พ.ศ. 2566", "เมื่อวันที่ 1 ตุลาคม 2565", "มาตรการ 111 ข้อ",
    "ค่าคะแนน 100 คะแนน", "คีย์บอร์ด", "o13 หน่วยงาน", "e1 ท่าน", "ต.ค. 66", "ITAของหน่วยงาน", "1การเผยแพร่",
    "Aการ", "OITการเปิดเผย",
])
def test_clean_text_is_left_alone(text):
    assert clean_text(text) == text


_thai_words = st.lists(st.sampled_from(["การ", "ปฏิบัติ", "หน้าที่", "ดี", "คะแนน", "ระดับ", "ผ่าน", "ค", "8", "011",
                                        "ฒ", "0", "10000", "l9", "611", "A", "a", " ", ".", "89.46", "00.00"]),
                       max_size=20).map("".join)


@given(_thai_words)
def test_clean_text_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once


@given(st.text(alphabet="กขคงจฉชซญดตถทนบปผพฟมยรลวศสหอฮะาิีึืุู่้๊๋เแโใไ ", max_size=40))
def test_thai_without_digits_or_level_words_is_unchanged(text):
    if "ระดับ" not in text:
        assert clean_text(text) == text


def test_a_cell_of_three_strokes_is_iit_but_a_line_is_not_touched():
    assert clean_cell("111")[0] == "IIT"
    assert clean_text("111") == "111"


@pytest.mark.parametrize("ocr, snapped", [
    ("สำนักปลค กองคลัง", "สำนักปลัด กองคลัง"),
    ("สำนักปลัด/กองคสัง", "สำนักปลัด/กองคลัง"),
    ("งานการเจาหนาที่", "งานการเจ้าหน้าที่"),
    ("งานวิเคราะหนโยบายและแผบ", "งานวิเคราะห์นโยบายและแผน"),
    ("สํานักปลัด", "สำนักปลัด"),  # SARA AM as NIKHAHIT + SARA AA
    ("ทุกกอง", "ทุกกอง"),
])
def test_office_names_snap_to_the_lexicon(ocr, snapped):
    assert snap_office(ocr) == (snapped, None)


def test_other_cells_are_not_snapped_and_near_misses_warn():
    for text in ("จัดทำคู่มือการปฏิบัติงาน", "1 ต.ค. 2565", "เผยแพร่ข้อมูลข่าวสาร"):
        assert snap_office(text) == (text, None)
    text, warning = snap_office("กองคลัง กองชาจ")
    assert text == "กองคลัง กองชาจ" and warning and "not snapped" in warning


@pytest.mark.parametrize("ocr, snapped", [
    ("ตุลาคน 2565", "ตุลาคม 2565"),
    ("1 ตุลาคม 2565 - 30 กันยายบ 2566", "1 ตุลาคม 2565 - 30 กันยายน 2566"),
    ("ตลอดปีงบประมาณ 2566", "ตลอดปีงบประมาณ 2566"),
    ("ตุลาคน", "ตุลาคน"),  # no digit: not a date expression
])
def test_month_names_snap_only_in_date_expressions(ocr, snapped):
    assert snap_months(ocr) == snapped


def test_document_years_are_the_ones_printed_twice():
    assert document_years(["ประจำปีงบประมาณ พ.ศ. 2569", "1 ตุลาคม 2568 - 30 กันยายน 2569", "ตุลาคม 2568",
                           "พ.ศ. 2505"]) == {2568, 2569}


@pytest.mark.parametrize("ocr, constrained", [
    ("ก.พ.ว9 ถึง มี.ค. ว9", "ก.พ.69 ถึง มี.ค. 69"),  # look-alike ว for ๖ in a two-digit year
    ("1 ตุลาคม # - 30 กันยายน 2569", "1 ตุลาคม 2568 - 30 กันยายน 2569"),  # a fiscal year: October to September
    ("1 ตุลาคม 2568 - 30 กันยายน #", "1 ตุลาคม 2568 - 30 กันยายน 2569"),
    ("1 ตุลาคม 2505- 30 กันยายน 2569", "1 ตุลาคม 2568- 30 กันยายน 2569"),
    ("ตุลาคม #", "ตุลาคม 2568"),  # a fiscal year's first quarter falls in the year before it
    ("ตุลาคม # - 30 กันยายน #", "ตุลาคม 2568 - 30 กันยายน 2569"),
    ("มี.ค. # ถึง ก.ย. #", "มี.ค. 69 ถึง ก.ย. 69"),  # abbreviated month, two-digit year as printed
    ("ธ.ค. #", "ธ.ค. 68"),
    ("ก.พ. 6ฒ ถึง มี.ค. 69", "ก.พ. 6ฒ ถึง มี.ค. 69"),  # ฒ may be ๗ or ๙: 67 and 69 both fit, left
])
def test_years_of_periods_are_read_against_the_documents_years(ocr, constrained):
    assert constrain_years(ocr, {2567, 2568, 2569} if "6ฒ" in ocr else {2568, 2569}) == constrained


@pytest.mark.parametrize("ocr, snapped", [
    ("ผ ผิดชอบ", "ผู้รับผิดชอบ"),  # ผู้รับ lost: the column would get no role
    ("ผู้ับผิดชอบ", "ผู้รับผิดชอบ"),
    ("ระยะเวลา", "ระยะเวลา"),
    ("ขั้นตอน/วิธีการปฏิบั", "ขั้นตอน/วิธีการปฏิบั"),  # holds a header word already
    ("หมายเหตุ", "หมายเหตุ"),  # a column the vocabulary does not know stays
    # the method's header with ก read ภ is the method's, not the output's that shares its tail (blind3 01003)
    ("วิธีภารดําเนินการ", "วิธีการดำเนินการ"),
    ("ผลการดําเนินภาร", "ผลการดำเนินการ"),
])
def test_ocr_header_cells_snap_to_the_column_headers(ocr, snapped):
    assert snap_header(ocr) == snapped


def test_unread_years_stay_refused_unless_the_document_reads_as_one_fiscal_year():
    assert constrain_years("ตุลาคม #", {2567, 2568, 2569}) == "ตุลาคม #"  # several fiscal years: no inference
    assert constrain_years("ตุลาคม #", {2569}) == "ตุลาคม #"
    assert constrain_years("มี.ค. #", set()) == "มี.ค. #"
    assert constrain_years("คะแนน #", {2568, 2569}) == "คะแนน #"  # not a month: never filled


@pytest.mark.parametrize("ocr, cleaned", [
    ("1 6\nผ่านเกณฑ์", "ผ่านเกณฑ์"),  # the marks of ผ่าน read as digits on a line of their own: `16ผ่าน` after a score
    ("๑ ew CA\nการใช้ทรัพย์สิน\nของทางราชการ", "การใช้ทรัพย์สิน\nของทางราชการ"),
    ("ประสิทธิภาพการ\nA\nสื่อสาร", "ประสิทธิภาพการ\nสื่อสาร"),  # a lone sign between two Thai lines
    ("ระดับ\nA", "ระดับ\nA"),  # a lone letter under Thai text may be the level: kept
    ("i1\nการปฏิบัติงาน", "i1\nการปฏิบัติงาน"),  # a code is no debris
    ("1.\nจัดทำคู่มือ", "1.\nจัดทำคู่มือ"),  # nor a list number
    ("IIT\nEIT", "IIT\nEIT"),  # nor tool names, nor a cell without Thai text
    ("1 6", "1 6"),
])
def test_debris_lines_of_a_thai_cell_are_dropped(ocr, cleaned):
    assert drop_debris_lines(ocr) == cleaned


@given(st.lists(st.sampled_from(["การปฏิบัติหน้าที่", "ผ่านเกณฑ์", "i12 ท่าน", "97.95", "1.", "ตุลาคม 2568", "IIT"]),
                min_size=1, max_size=5))
def test_lines_with_words_codes_or_numbers_are_never_dropped(lines):
    assert drop_debris_lines("\n".join(lines)) == "\n".join(lines)


@pytest.mark.parametrize("ocr, constrained", [
    ("1 ตุลาคม 25556- 30 กันยายน 2569", "1 ตุลาคม 2568- 30 กันยายน 2569"),  # a digit doubled: the range's end says
    ("1 ตุลาคม 25ว56- 30 กันยายน 2569", "1 ตุลาคม 2568- 30 กันยายน 2569"),  # a digit read as a letter
    ("1 ตุลาคม 2505- 30 กันยายน 2569", "1 ตุลาคม 2568- 30 กันยายน 2569"),  # a wrong digit: no year of the document
    ("ตุลาคม 255", "ตุลาคม 2568"),  # a digit lost: October opens fiscal year 2569
    ("มีนาคม 2570", "มีนาคม 2570"),  # a clean year next to the document's stays
    ("ม.ค. 6 ถึง เม.ย. 69", "ม.ค. 69 ถึง เม.ย. 69"),  # an abbreviation's year with a digit lost
    ("1 ม.ค. 2569", "1 ม.ค. 2569"),
    ("1 ตุลาคม 2568 - 30 กันยายน 2569", "1 ตุลาคม 2568 - 30 กันยายน 2569"),
])
def test_garbled_years_of_full_months_are_refused_then_placed_by_the_fiscal_year(ocr, constrained):
    assert constrain_years(ocr, {2568, 2569}) == constrained


def test_garbled_years_stay_refused_when_the_document_is_not_one_fiscal_year():
    assert refuse_garbled_years("ตุลาคม 25556", {2566, 2569}) == f"ตุลาคม {UNREAD}"
    assert constrain_years("ตุลาคม 25556", {2566, 2569}) == f"ตุลาคม {UNREAD}"
    assert refuse_garbled_years("ตุลาคม 25556", set()) == "ตุลาคม 25556"
    assert constrain_years("ม.ค. 6 ถึง เม.ย. 69", {2566, 2569}) == f"ม.ค. {UNREAD} ถึง เม.ย. 69"


@pytest.mark.parametrize("ocr, snapped", [
    ("A.W. 69 ถึง มิ.ย. 69", "ก.พ. 69 ถึง มิ.ย. 69"),
    ("U.A.deADมี.ค. 69", "ม.ค.deADมี.ค. 69"),
    ("NW. 68 ถึง มิ.ย. 68", "ก.พ. 68 ถึง มิ.ย. 68"),  # the first dot lost
    ("ก.พ. 69 ถึงNU. 69", "ก.พ. 69 ถึงก.ย. 69"),
    ("W.U. 66 ถึง ธ.ค. 66", "พ.ย. 66 ถึง ธ.ค. 66"),
    ("A.A. 66 ถึง ธ.ค. 66", "A.A. 66 ถึง ธ.ค. 66"),  # ก.ค., ต.ค. or ส.ค.: left as read
    ("A.W. Smith", "A.W. Smith"),  # no date around it
])
def test_month_abbreviations_read_as_latin_snap_only_to_one_month_in_a_date(ocr, snapped):
    assert snap_latin_months(ocr) == snapped


@pytest.mark.parametrize("ocr, clean", [("013E-Service", "o13 E-Service"), ("06Q&A", "o6 Q&A"),
                                        ("2566 ABC", "2566 ABC"), ("0ฯQ&A", "0ฯQ&A")])
def test_an_oit_code_glued_to_a_latin_name_is_split(ocr, clean):
    assert clean_text(ocr) == clean


def test_oit_read_with_a_seven_for_its_t_is_the_tool_not_a_number():
    assert clean_text("แบบวัดการเปิดเผยข้อมูลสาธารณะ (017)") == "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)"
    assert clean_text("117 ราย") == "117 ราย"


@pytest.mark.parametrize("ocr, cleaned", [
    ("«การเผยแพร่ ประกาศต่าง ๆ", "การเผยแพร่ ประกาศต่าง ๆ"),  # ๑. read `«` (01005, bilevel 150 dpi)
    (">. มาตรการกำกับดูแล", "มาตรการกำกับดูแล"),  # 01029
    ("< 5", "< 5"), ("«", "«"), ("ก.ย. 68", "ก.ย. 68"),  # no Thai text after it: left
])
def test_a_sign_for_a_list_number_opening_a_thai_cell_is_dropped(ocr, cleaned):
    assert clean_cell(ocr)[0] == cleaned


@pytest.mark.parametrize("ocr, cleaned", [
    # ก.ย. read `1.8` (01009): March alone would be a wrong span; refused, the period is null
    ("มี.ค. 68 ถึง1.8 68", f"มี.ค. 68 ถึง{UNREAD} 68"),
    ("ก.พ. 68 ถึง 1.8 68", f"ก.พ. 68 ถึง {UNREAD} 68"),
    ("มี.ค. 68 ถึง ก.ย. 68", "มี.ค. 68 ถึง ก.ย. 68"),
    ("A.W. 69 ถึง N.Y. 69", "ก.พ. 69 ถึง ก.ย. 69"),  # Latin letters one month stands for are that month
    ("ม.ค. 69 ถึง 1.2 ล้านบาท", "ม.ค. 69 ถึง 1.2 ล้านบาท"),  # no year after it: no month
])
def test_a_range_end_no_month_is_read_as_is_refused(ocr, cleaned):
    assert clean_cell(ocr)[0] == cleaned


def test_an_office_cell_with_specks_in_front_snaps_and_short_real_text_stays():
    # 01009 (clean 300 dpi): marks read as short tokens before the office name
    assert snap_office("เ” ขย a งานการเจ้าหน้าที่") == ("งานการเจ้าหน้าที่", None)
    assert snap_office("a กองช่าง") == ("กองช่าง", None)
    for text in ("ก ข ค ง จ", "ไม่ มีการดำเนินการ", "ผอ. ประชุม"):
        assert snap_office(text)[0] == text



def test_the_indicator_heading_word_whose_first_letters_ocr_lost_is_written_whole():
    """01010 (bilevel): `วชีวัดที6 คุณภาพการดำเนินงาน ได้คะแนน 87.12` lost ตั at the line's start, so the grammar
    did not know the line for an indicator's; written whole it reads indicator 6. Inside a line, or a word that
    only ends like it, nothing changes."""
    from parsers.ita.scores import indicator_scores

    line = clean_text("วชีวัดที6 คุณภาพการดำเนินงาน ได้คะแนน 87.12 คะแนน เป็นคะแนนจากการประเมิน")
    assert line.startswith("ตัวชี้วัดที่6 ")
    assert [(i.indicator, i.score) for i in indicator_scores([line])] == [(6, 87.12)]
    assert clean_text("ัวชีวัดที่8 การปรับปรุงการทำงาน").startswith("ตัวชี้วัดที่8 ")
    assert clean_text("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่") == "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"
    assert clean_text("การวชีวัดที") == "การวชีวัดที"


def test_a_list_number_read_as_the_repetition_sign_is_refused_not_joined():
    """`ๆ. การเผยแพร่ ประกาศต่าง ๆ…` (held-out 01000 p4: ๗. read as ๆ): ๆ repeats the word before it and never opens
    a cell, so with a point at a cell's start it is an unread list number (`#.`), which the grammar strips as one;
    as the grammar's orphan mark it had joined the measure to the row above. ๆ after a word is left alone."""
    from parsers.ita.text import strip_list_number

    assert clean_text("ๆ. การเผยแพร่ ประกาศต่าง ๆ") == f"{UNREAD}. การเผยแพร่ ประกาศต่าง ๆ"
    assert strip_list_number(clean_text("ๆ. การเผยแพร่")) == "การเผยแพร่"
    for text in ("ต่าง ๆ. การ", "ๆ เกี่ยวกับ", "#NoGiftPolicy", "# ประกาศ"):
        assert strip_list_number(clean_text(text)) == text


def test_pramoen_whose_po_ocr_read_as_bo_is_written_whole_and_the_level_read():
    """`ระดับผลการบระเมิน :"8"` (held-out 01010, bilevel 150 dpi): ป read as บ, so the level statement (and the 8 read
    for B after it) was not known; no Thai word holds บระเมิน."""
    assert clean_text('ระดับผลการบระเมิน :"8"') == 'ระดับผลการประเมิน :"B"'
    assert clean_text("ผลบระเมิน") == "ผลประเมิน"
    assert clean_text("ระบบระเบียบ") == "ระบบระเบียบ"


def test_pramoen_with_a_stray_consonant_before_its_vowel_is_written_whole_and_the_year_read():
    """`ผลการประเมบินITA … พ.ศ2565` (blind seed-23 01026, grey 150 dpi): the vowel's base read twice hid the
    assessment year's statement; no Thai word holds ประเม + a consonant + ิน."""
    from parsers.ita.header import assessment_year

    text = clean_text("1. การวิเคราะห์ผลการประเมบินITA ของทต.โนนสะอาด ปีืงบประมาณพ.ศ2565")
    assert text == "1. การวิเคราะห์ผลการประเมินITA ของทต.โนนสะอาด ปีืงบประมาณพ.ศ2565"
    assert assessment_year(text) == 2565
    assert clean_text("การประเมินผล") == "การประเมินผล"


def test_it_alone_or_before_a_score_is_the_tool_iit():
    """`IT 88.94` in a tools' table (blind seed-23 01014): one stroke of IIT lost; no tool is called IT."""
    assert clean_text("IT 88.94") == "IIT 88.94"
    assert clean_text(" IT ") == " IIT "
    for text in ("ระบบ IT ของหน่วยงาน", "ITA 88.94", "EIT 78.49", "OIT 90.63", "IT2566"):
        assert clean_text(text) == text


def test_a_score_behind_glued_look_alike_letters_at_its_lines_start_is_refused():
    """`สญ่30 คะแนน` (blind2 01017, bilevel 200 dpi): ๙๗.๓๐ with ๙๗. read as letters; 30 would be a wrong score."""
    assert clean_text("3. การปรับปรุงระบบการทำงาน\nสญ่30 คะแนน") == f"3. การปรับปรุงระบบการทำงาน\n{UNREAD} คะแนน"
    for text in ("ได้100 คะแนน", "1.การปฏิบัติหน้าที่100.00\nคะแนน", "ใหญ่30 คะแนน", "ของ 30 คะแนน"):
        assert clean_text(text) == text
