"""Variety19 (issue #12): what the thirteenth held-out set showed (docs/variety.md "Variety19"). A tools table
with last year's and this year's column side by side gives this year's column (parsers.ita.document._assessment,
scores.other_year_columns); a title row naming the unit above a table's head is its caption, no section
(parsers.tables._is_caption)."""
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
