"""Facts stated in wordings and layouts no list names (issue #12): score statements found by meaning, sub-list
numbers, and table captions. Each case stands for a class, not a sentence."""
from __future__ import annotations

import pytest

from parsers.ita.statements import overall
from parsers.ita.text import strip_list_number
from parsers.tables import PageTable, PageText, RawRow, build_tables

UNIT = "องค์การบริหารส่วนตำบลหนองบัว"


@pytest.mark.parametrize("sentence", [
    f"ผลคะแนนของ{UNIT} ในปีงบประมาณ พ.ศ. 2566 คิดเป็นร้อยละ 91.27 ระดับ A",  # a share with a level is a result
    f"{UNIT} ได้ 91.27 คะแนน ผลการประเมินอยู่ระดับ A",  # the level word a few letters on, no ใน
    f"คะแนน ITA ของ{UNIT} ได้แก่ 91.27 คะแนน อันดับผลการประเมิน A",
])
def test_score_with_the_level_near_its_word(sentence):
    found = overall(sentence, 2566)
    assert (found.score, found.level) == (91.27, "A")


def test_a_share_without_a_level_is_no_score():
    assert overall("ผู้เข้าร่วมอบรมคิดเป็นร้อยละ 91.27 ของบุคลากร", 2566) is None


def test_a_latin_word_gives_no_level():
    assert overall("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566", 2566) is None


def test_last_years_score_in_brackets_is_not_this_years():
    """The reading of this year's number is damaged (a stray letter after it): null, not last year's 94.14."""
    found = overall("ปีงบประมาณ พ.ศ. 2565 ภาพรวมของอบต.หนองบัว ได้ 94.03 A คะแนน (ปี 2564 ได้ 94.14 คะแนน) "
                    "ผลการประเมินอยู่ระดับ A", 2565)
    assert found.score is None and found.level == "A"


def test_every_candidate_refused_gives_the_reasons_not_a_crash():
    found = overall("ได้คะแนน 84.92 คะแนน ระดับ AA", 2565)
    assert found.score is None and found.refused


@pytest.mark.parametrize("text, bare", [("2.1 โครงการจัดทำคู่มือ", "โครงการจัดทำคู่มือ"), ("2.10 มาตรการ", "มาตรการ"),
                                        ("3.1.2 กิจกรรม", "กิจกรรม"), ("1. การ", "การ"), ("92.50", "92.50")])
def test_sub_list_numbers_are_list_numbers(text, bare):
    assert strip_list_number(text) == bare


def _row(cells, top, bold=False):
    return RawRow(cells, sum(1 for c in cells if c) or 1, top, top + 20, bold=bold)


def test_caption_above_the_header_is_neither_section_nor_row():
    head = ["เรื่องที่ทำ", "วิธีทำ", "ผู้ทำ"]
    rows = [_row(["ตารางที่ ๑ มาตรการส่งเสริมคุณธรรม", "", ""], 100), _row(head, 120, bold=True),
            _row(["๑. มาตรการหนึ่ง", "ขั้นตอน", "กองคลัง"], 140),
            _row(["๒) การป้องกันการทุจริต", "", ""], 160),  # a heading inside the table: a section
            _row(["ตารางที่ ๒ มาตรการส่งเสริมคุณธรรม", "", ""], 180), _row(head, 200),  # caption, header again
            _row(["๒. มาตรการสอง", "ขั้นตอน", "กองช่าง"], 220)]
    table = PageTable(1, 50, 100, 550, 240, [50, 250, 450, 550], rows)
    built = build_tables([table], [PageText(1, 842.0, [])])[0]
    assert [r.kind for r in built.rows] == ["caption", "header", "body", "section", "caption", "header", "body"]
    assert built.header == head


def _page(texts):
    from parsers.records import PageLayout, TextLine

    return PageLayout(1, 595, 842, [TextLine(t, 50, 60 + 20 * i, 500, 75 + 20 * i, page=1) for i, t in enumerate(texts)])


def test_unit_name_cut_by_a_printers_lost_marks_is_read_whole():
    """`น้ำเกลี้ยง` printed with its tone marks lost and spaces in their place: the title line's pieces are the
    name, the district's pieces up to the province are the district, and the cut `อบต.นำ` of a sentence is
    dropped as a prefix of the whole name (not a second unit)."""
    from parsers.ita.header import unit_mentions

    mentions = unit_mentions([_page(["มาตรการส่งเสริมคุณธรรม", "องค์การบริหารสูวนต  าบลน  า  เกล  ยี ง",
                                     "อ  าเภอน  า  เกล  ยี ง จังหวัดศรีสะเกษ",
                                     "ในปีงบประมาณ พ.ศ.๒๕๖๗ อบต.น  า  เกล  ยี ง ได้รับคะแนนการ"])], 0)
    assert [(m.text, m.district, m.province) for m in mentions] == [
        ("องค์การบริหารส่วนตำบลนำเกลยีง", "นำเกลยีง", "ศรีสะเกษ")]


def test_a_whole_unit_name_keeps_what_follows_it_out():
    from parsers.ita.header import unit_mentions

    mentions = unit_mentions([_page(["องค์การบริหารส่วนตำบลหนองบัว ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
                                     "อำเภอเมือง จังหวัดขอนแก่น"])], 0)
    assert [(m.text, m.district, m.province) for m in mentions] == [("องค์การบริหารส่วนตำบลหนองบัว", "เมือง", "ขอนแก่น")]


def test_a_sentence_naming_the_unit_does_not_lend_it_the_next_word():
    """`…ของอบต.แม่หลอง ใน` / `ปีงบประมาณ…`: the wrapped sentence's `ใน` is no part of the name."""
    from parsers.ita.header import unit_mentions

    mentions = unit_mentions([_page(["องค์การบริหารส่วนตำบลแม่หลอง", "อำเภออมก๋อย จังหวัดเชียงใหม่",
                                     "ผลคะแนนการประเมินคุณธรรมและความโปร่งใสของอบต.แม่หลอง ใน"])], 0)
    assert {m.text for m in mentions} == {"องค์การบริหารส่วนตำบลแม่หลอง", "อบต.แม่หลอง"}


def test_a_letter_of_damage_after_a_name_does_not_drop_the_whole_name():
    from parsers.ita.header import unit_mentions

    mentions = unit_mentions([_page(["องค์การบริหารส่วนตำบลหนองโสน", "อำเภอสามง่าม จังหวัดพิจิตร",
                                     "คะแนนภาพรวมหน่วย อบต.หนองโสนะ 83.38 คะแนน"])], 0)
    assert "องค์การบริหารส่วนตำบลหนองโสน" in {m.text for m in mentions}


def test_a_level_right_after_a_score_is_that_scores_not_the_next_numbers():
    """`X … ระดับ A …, Y`: the level stands with X; Y (another year's, a comparison) does not take it."""
    got = overall("เทศบาลตำบลบือเระมีผลคะแนน 88.40 ระดับ A เมื่อเทียบกับรอบก่อนที่ได้ 90.12", 2566)
    assert (got.score, got.level) == (88.40, "A")


def test_a_score_followed_by_of_the_unit_is_a_score_not_a_count_of_items():
    """`คะแนน ของ…` (of the unit) is not `คะแนน ข้อ` (items): without marks both open with ขอ."""
    got = overall("ระดับ ผ่านดี คะแนนรวม 87.20 คะแนน ของเทศบาลตำบลบือเระ ปีงบประมาณ พ.ศ. 2568", 2568)
    assert (got.score, got.level) == (87.20, "ผ่านดี")
