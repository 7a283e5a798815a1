"""Question codes: every printed form seen in the seeds, catalog validation and recovery from the text."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizers import catalog
from normalizers.codes import normalize_code, resolve_code, split_code_prefix, split_codes
from normalizers.digits import to_thai_digits


@pytest.mark.parametrize("raw, code", [
    ("๐๗", "o7"), ("O๒๒", "o22"), ("1๒๓", "i23"), ("๑๑๙*", "i19"), ("๐๑๐", "o10"), ("e๑๑", "e11"),
    ("i๑๓", "i13"), ("i ๑๓", "i13"), ("I13", "i13"), ("l5", "i5"), ("E๑๕", "e15"), ("o34", "o34"),
    ("O๓๔", "o34"), ("๐๓๔", "o34"), ("0 ๒๓", "o23"), ("e ๖", "e6"), ("O-27", "o27"),
])
def test_printed_forms(raw, code):
    assert normalize_code(raw) == code


@pytest.mark.parametrize("raw", [None, "", "x1", "๑๐๐", "i0", "2567", "ตัวชี้วัด", "1.", "๑๒๓๔"])
def test_non_codes(raw):
    assert normalize_code(raw) is None


@given(st.sampled_from("ieo"), st.integers(1, 43), st.booleans(), st.booleans())
def test_any_code_round_trips_through_thai_digits_and_spacing(prefix, number, thai, spaced):
    digits = to_thai_digits(str(number)) if thai else str(number)
    raw = prefix.upper() + (" " if spaced else "") + digits + "*"
    assert normalize_code(raw) == f"{prefix}{number}"


def test_codes_are_checked_against_the_years_catalog():
    assert resolve_code("i๒๓", 2566).code == "i23"  # 30 IIT questions up to 2566
    result = resolve_code("i๒๓", 2567)  # 15 from 2567
    assert result.code is None and "out of range" in result.warning
    assert resolve_code("o๔๓", 2566).code == "o43"
    assert resolve_code("o๔๓", 2568).code is None
    ok = resolve_code("i๑๓", 2567)
    assert (ok.tool, ok.indicator, ok.corrected) == ("IIT", 5, False)
    assert resolve_code("e๑๑", 2566).indicator == 8


def test_a_misprinted_code_is_recovered_from_its_question_text():
    # seed 004 prints the ethics question as ๑๒๓*; its own later table calls it i๒๗
    text = "ท่านทราบเกี่ยวกับมาตรฐานทางจริยธรรมหรือประมวลจริยธรรมสำหรับเจ้าหน้าที่ของหน่วยงานท่าน มากน้อย เพียงใด"
    result = resolve_code("๑๒๓*", 2566, text)
    assert (result.code, result.corrected) == ("i27", True)
    assert "i27" in result.warning


def test_an_out_of_range_code_is_recovered_from_its_text():
    text = "ผู้บริหารสูงสุดของหน่วยงานของท่านให้ความสำคัญกับการแก้ไขปัญหาการทุจริตและประพฤติมิชอบมากน้อยเพียงใด"
    result = resolve_code("i๒๓", 2567, text)
    assert (result.code, result.corrected) == ("i13", True)


def test_text_that_agrees_keeps_the_printed_code():
    text = "การสร้างวัฒนธรรม No Gift Policy"
    assert resolve_code("O ๒๗", 2568, text) == resolve_code("o27", 2568)
    # a measure of the unit's own wording does not overrule the printed code
    assert resolve_code("o27", 2568, "จัดอบรมให้ความรู้แก่บุคลากร").code == "o27"


@pytest.mark.parametrize("text, codes, rest", [
    ("i๑๓ ผู้บริหารสูงสุดของหน่วยงาน", ["i13"], "ผู้บริหารสูงสุดของหน่วยงาน"),
    ("O ๒๗ การสร้างวัฒนธรรม No Gift Policy", ["o27"], "การสร้างวัฒนธรรม No Gift Policy"),
    ("0 ๒๓ ช่องทางแจ้งเรื่องร้องเรียน", ["o23"], "ช่องทางแจ้งเรื่องร้องเรียน"),
    ("๐๑๐ คู่มือหรือแนวทางการปฏิบัติงาน", ["o10"], "คู่มือหรือแนวทางการปฏิบัติงาน"),
    ("e ๖ เจ้าหน้าที่ที่สามารถสื่อสาร", ["e6"], "เจ้าหน้าที่ที่สามารถสื่อสาร"),
    ("0 ๑๐* คู่มือ", ["o10"], "คู่มือ"),
    ("<p>๐๗</p>\t<p>แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน</p>", ["o7"], "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน</p>"),
    ("๑๘ ผู้บังคับบัญชาในหน่วยงานของท่าน", ["i8"], "ผู้บังคับบัญชาในหน่วยงานของท่าน"),  # letter printed as ๑
    ("1 ๖ หน่วยงานของท่าน", ["i6"], "หน่วยงานของท่าน"),
    ("l ๕ ในหน่วยงานของท่าน", ["i5"], "ในหน่วยงานของท่าน"),
    ("115 ท่านเชื่อมั่นในกระบวนการ", ["i15"], "ท่านเชื่อมั่นในกระบวนการ"),
    ("o๓๑, o๓๒ รายงาน ๑๐ ฉบับ", ["o31", "o32"], "รายงาน ๑๐ ฉบับ"),
])
def test_split_code_prefix(text, codes, rest):
    assert split_code_prefix(text, 2568) == (codes, rest)


@pytest.mark.parametrize("text", [
    "๑. จัดให้มีการประเมินเสี่ยง",  # list numbers are never codes
    "1.จัดให้มีการประเมินเสี่ยง",
    "๑) กระบวนการปฏิบัติงาน",
    "๑๐๐ คะแนน",
    "๒๕๖๘ ปีงบประมาณ",
    "E-Service ของหน่วยงาน",
    "Q&A",
    "",
])
def test_split_code_prefix_leaves_other_texts_whole(text):
    assert split_code_prefix(text, 2568) == ([], text)


def test_split_codes_reports_corrections():
    text = "ท่านทราบเกี่ยวกับมาตรฐานทางจริยธรรมหรือประมวลจริยธรรมสำหรับเจ้าหน้าที่ของหน่วยงานท่าน มากน้อยเพียงใด"
    results, rest = split_codes("๑๒๓* " + text, 2566)
    assert [(r.code, r.corrected) for r in results] == [("i27", True)] and rest == text


def test_prefix_invalid_for_the_year_is_not_split():
    assert split_code_prefix("๑๑๙* ท่านรู้แนวปฏิบัติ", 2568) == ([], "๑๑๙* ท่านรู้แนวปฏิบัติ")
    assert split_code_prefix("๑๑๙* ท่านรู้แนวปฏิบัติ", 2566) == (["i19"], "ท่านรู้แนวปฏิบัติ")


def test_catalog_shapes_per_year():
    assert catalog.question_counts(2566) == {"IIT": 30, "EIT": 15, "OIT": 43}
    assert catalog.question_counts(2567) == {"IIT": 15, "EIT": 9, "OIT": 35}
    assert catalog.question_counts(2564) == catalog.question_counts(2566)  # nearest year of the same form
    assert catalog.question_counts(2570) == catalog.question_counts(2567)
    codes_2567 = {row.code for row in catalog.catalog(2567)}
    assert {f"i{n}" for n in range(1, 16)} <= codes_2567 and {f"o{n}" for n in range(1, 36)} <= codes_2567
    assert all(row.indicator in range(1, 11) for row in catalog.catalog(2567))


def test_indicators():
    assert catalog.match_indicator("การใช้ทรัพย์สินของทางราชการ") == 4
    assert catalog.match_indicator("การใช้ทรัพย์สินของราชการ") == 4
    assert catalog.match_indicator("การปรับปรุงการทำงาน") == 8
    assert catalog.match_indicator("แบบวัดการเปิดเผยข้อมูลสาธารณะ") == 9
    assert catalog.match_indicator("การป้องกันการทุจรติ") == 10  # damaged marks still match
    assert catalog.match_indicator("ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร") == 7
    assert catalog.match_indicator("ผู้รับผิดชอบ") is None
    assert [catalog.tool_of_indicator(n) for n in (1, 5, 6, 8, 9, 10, 11)] == ["IIT", "IIT", "EIT", "EIT", "OIT", "OIT", None]
    assert catalog.indicator_name(4) == "การใช้ทรัพย์สินของราชการ"
    assert len(catalog.indicator_names()) == 10


def test_weights_and_levels_by_year():
    assert catalog.weights(2566) == {"IIT": 30.0, "EIT": 30.0, "OIT": 40.0}
    assert sum(catalog.weights(2567).values()) == 100.0 and catalog.weights(2567)["EIT_PART1"] == 15.0
    assert catalog.levels(2566)[0] == "AA" and catalog.levels(2567)[0] == "ผ่านดีเยี่ยม"


def test_a_valid_code_is_not_overruled_by_a_recalled_wording():
    # the 2566 EIT wordings are recalled, not read off a document (reference README: never let them override one)
    text = ("เจ้าหน้าที่ของหน่วยงานที่ท่านติดต่อ ให้ข้อมูลเกี่ยวกับการดำเนินการ/ให้บริการแก่ท่านอย่างตรงไปตรงมา "
            "โดยไม่ปิดบังหรือบิดเบือนข้อมูล มากน้อยเพียงใด")
    kept = resolve_code("e๑", 2566, text)
    assert (kept.code, kept.corrected) == ("e1", False)
    # an out-of-range code has nothing printed worth keeping: the recalled wording still names it
    assert resolve_code("e๒๙", 2566, text).code == "e3"
    # an inferred row still corrects (2568 is 2567's numbering): a scan's misread digit is caught by the wording
    text = "ผู้บริหารสูงสุดของหน่วยงานของท่านให้ความสำคัญกับการแก้ไขปัญหาการทุจริตและประพฤติมิชอบมากน้อยเพียงใด"
    assert resolve_code("i๕", 2568, text).code == "i13"
