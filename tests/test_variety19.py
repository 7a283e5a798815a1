"""Variety19 (issue #12): what the thirteenth held-out set showed (docs/variety.md "Variety19"). A tools table
with last year's and this year's column side by side gives this year's column (parsers.ita.document._assessment,
scores.other_year_columns); a title row naming the unit above a table's head is its caption, no section
(parsers.tables._is_caption); one column holding the responsible office and the period gives both
(parsers.ita.measures._who_and_when, normalizers.dates.opens_with_period). Where the layout cannot part a table of two
years (no rules: the head joins the first row), a tool row of two scores gives none, with a warning, and an indicator's
row a tool's title ran into gives no tool (parsers.ita.statements._read_tool, _indicator_item)."""
from __future__ import annotations

import pytest

from tests.variety.check import check
from tests.variety.corpus import Spec, available_renderers, make_all
from tests.variety.fonts import font_file


def _print(tmp_path, spec):
    from pipeline.run import RunOptions, run_extract

    if available_renderers()[spec.renderer]:
        pytest.skip(f"{spec.renderer}: {available_renderers()[spec.renderer]}")
    if font_file(spec.font) is None:
        pytest.skip(f"font {spec.font} not on this machine")
    make_all([spec], tmp_path / "corpus")
    run_extract(tmp_path / "corpus", tmp_path / "curated", RunOptions(workers=1, progress=False, use_cache=False))
    return check(tmp_path / "corpus", tmp_path / "curated")[spec.file]["fields"]


def _all_right(fields, keys):
    for key in keys:
        ok, n = fields[key]
        assert n and ok == n, (key, fields)


@pytest.mark.parametrize("renderer", ["docx", "chromium"])
def test_tools_of_two_years_side_by_side_give_this_years(tmp_path, renderer):
    """`เครื่องมือ | ผลปี 2566 | ผลปี 2567`, last year's column first: before, IIT, EIT and OIT were last year's
    (3 wrong numbers a print; the indicator table beside it already kept this year's column)."""
    fields = _print(tmp_path, Spec(26004, "development_plan", "held_out_13+two_year_tools", renderer, "TH SarabunPSK"))
    _all_right(fields, ("scores", "numbers_not_wrong", "level", "indicator_scores"))


@pytest.mark.parametrize("text, caption", [("เทศบาลตำบลคูเต่า", True), ("ตารางที่ 2 มาตรการ", True),
                                           ("องค์การบริหารส่วนตำบลบางแก้ว อำเภอเมือง จังหวัดพัทลุง", True),
                                           ("มาตรการของเทศบาลตำบลคูเต่าในการป้องกันการทุจริต", False),
                                           ("1. การส่งเสริมวัฒนธรรมองค์กร", False), ("การป้องกันผลประโยชน์ทับซ้อน", False)])
def test_a_title_row_naming_the_unit_is_a_caption(text, caption):
    from parsers.tables import _is_caption

    assert _is_caption(text) is caption


@pytest.mark.parametrize("renderer", ["docx", "weasyprint"])
def test_a_long_table_under_a_repeated_unit_title_row(tmp_path, renderer):
    """One table over six pages, the unit's name in a title row over its head on each: before, that row was a
    section (`เทศบาลตำบลคูเต่า`, sections 3/8 and 5/8), the head under it a measure on every page (precision 8/15,
    8/16) and a cut row's rest a measure of its own (recall 8/9)."""
    fields = _print(tmp_path, Spec(26006, "measures_report", "held_out_13+unit_caption+row_breaks", renderer,
                                   "TH SarabunPSK"))
    _all_right(fields, ("measure_recall", "measure_precision", "measure_section", "measure_method", "measure_output",
                        "measure_outcome", "measure_responsible", "measure_period", "measure_text_exact"))


@pytest.mark.parametrize("text, split", [
    ("กองคลัง / ต.ค. 67 - ก.ย. 68", ("กองคลัง", "ต.ค. 67 - ก.ย. 68")),
    ("กองสวัสดิการสังคม\n1 ตุลาคม 2565 - 30 กันยายน 2566", ("กองสวัสดิการสังคม", "1 ตุลาคม 2565 - 30 กันยายน 2566")),
    ("หน่วยตรวจสอบภายในต.ค. 65 - ก.ย. 66", ("หน่วยตรวจสอบภายใน", "ต.ค. 65 - ก.ย. 66")),  # lines joined, no space
    ("งานการเจ้าหน้าที่มกราคม 2567", ("งานการเจ้าหน้าที่", "มกราคม 2567")),  # not inside the last letter's marks
    ("นักวิเคราะห์นโยบายและแผน / ไตรมาส 2", ("นักวิเคราะห์นโยบายและแผน", "ไตรมาส 2")),
    ("ตลอดปีงบประมาณ พ.ศ. 2567", None), ("กองคลัง", None), ("ภายใน ต.ค. 67", None),  # no office before a period
    ("ติดตามผล 2 ครั้ง ต.ค. 67", None),
])
def test_one_cell_of_who_and_when(text, split):
    from parsers.ita.measures import _who_and_when

    assert _who_and_when(text) == split


@pytest.mark.parametrize("text, opens", [("ต.ค. 67 - ก.ย. 68", True), ("ไตรมาส 2", True), ("1 ตุลาคม 2567", True),
                                         ("กองคลัง ต.ค. 67", False), ("ติดตามผลตลอดปี", False)])
def test_a_period_from_its_first_word(text, opens):
    from normalizers.dates import opens_with_period

    assert opens_with_period(text) is opens


@pytest.mark.parametrize("spec", [Spec(26003, "measures", "held_out_13+who_when", "docx", "TH Sarabun New"),
                                  Spec(26007, "measures_report", "held_out_13+who_when+body_14+header_lines",
                                       "chromium", "TH Sarabun New")], ids=["measures-docx", "report-chromium-14pt"])
def test_responsible_and_period_in_one_column(tmp_path, spec):
    """Before: the column was the period (its office run into the date: a wrong period where `…ภายในต.ค. 65` hid its
    first month; responsible 0/7) or the responsible (`งานการเจ้าหน้าที่มกราคม 2567`; period 0/5)."""
    fields = _print(tmp_path, spec)
    _all_right(fields, ("measure_recall", "measure_precision", "measure_responsible", "measure_period",
                        "measure_text_exact"))


def test_a_tool_row_of_two_scores_gives_none_with_a_reason():
    from parsers.ita.statements import tools

    readings = tools(["EIT 86.32 87.24", "IIT | 30 | 92.50 | 27.75", "OIT 93.10"], 2567)
    by_field = {r.field: r for r in readings}
    assert by_field["eit"].score is None and by_field["eit"].refused
    assert (by_field["iit"].score, by_field["iit"].points) == (92.50, 27.75)  # a score and its points: one reading
    assert by_field["oit"].score == 93.10 and not by_field["oit"].refused


def test_a_later_row_still_gives_the_tool_a_refused_row_left_open():
    from parsers.ita.statements import tools

    assert [(r.field, r.score) for r in tools(["EIT 86.32 87.24", "EIT 87.24"], 2567)] == [("eit", 87.24)]


def test_an_indicator_row_a_tool_title_ran_into_is_no_tool():
    from parsers.ita.statements import tools

    assert tools(["5. การแก้ไขปัญหาการทุจริตแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) 95.19"], 2567) == []
    assert [(r.field, r.score) for r in tools(["(2) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) 95.19"], 2567)] \
        == [("eit", 95.19)]


@pytest.mark.parametrize("spec, right", [
    (Spec(33027, "measures", "two_year_tools+borderless", "chromium", "TH Sarabun New"), True),
    (Spec(33024, "measures", "two_year_tools+borderless", "docx", "TH SarabunPSK"), False)], ids=["read", "refused"])
def test_tools_of_two_years_without_rules(tmp_path, spec, right):
    """Before: the overall was last year's (`คะแนนภาพรวมทั้งหมด 86.71 85.70`, a row of the table by year read as a
    statement) in the Chromium print and the tools last year's, or an indicator's, in the DOCX one (3 wrong numbers).
    The DOCX print's head joins its first row, so its years are not known: its tools are refused, none wrong."""
    fields = _print(tmp_path, spec)
    _all_right(fields, ("numbers_not_wrong", "level") + (("scores",) if right else ()))
