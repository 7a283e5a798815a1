"""Variety20 (issue #12): what the fourteenth held-out set showed (docs/variety.md "Variety20"). A level word may
carry a short word before the level, a score stated for the assessment year itself is a result, a signed number is a
change (parsers.ita.statements.overall); an indicator table's weight and weighted-points columns are found by their
checksum and left out (statements.weighted_columns, scores.segments); headings numbered `1.` `2.` give the section
above a table whose section rows go on their series (parsers.ita.measures._first_of_series); a sub-list number a
browser printed without its space is a list number (parsers.ita.text.LIST_NUMBER)."""
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


@pytest.mark.parametrize("text, year, score, level", [
    # the level word with a word of its own before the level: the level makes the number a result
    ("หน่วยงานทำได้ 84.41 คะแนน ระดับผล : B", 2566, 84.41, "B"),
    ("หน่วยงานทำได้ 92.10 คะแนน และระดับที่ได้รับการจัด ผ่านดี", 2567, 92.10, "ผ่านดี"),
    # no word for "overall": the score stated for the assessment year itself is the result, last year's is not
    ("ผลการวัดปี 2566 : 80.12 คะแนน ผลการวัดปี 2567 : 91.30 คะแนน", 2567, 91.30, None),
    ("ผลการวัดปี 2567 : 91.30 คะแนน ผลการวัดปี 2566 : 80.12 คะแนน", 2567, 91.30, None),
])
def test_score_statements_read_by_their_place(text, year, score, level):
    from parsers.ita.statements import overall

    found = overall(text, year)
    assert found is not None and found.score == score and found.level == level


@pytest.mark.parametrize("text", ["ผลต่างคะแนนรวม +4.20 คะแนน จากปีก่อน", "คะแนนรวมเปลี่ยนไป -3.15 คะแนน",
                                  "ผลการวัดปี 2567 : คะแนนรวมเปลี่ยน (+8.45) คะแนน"])
def test_a_signed_number_is_a_change_not_a_score(text):
    """Before, each of these gave the change as the overall score (a wrong number)."""
    from parsers.ita.statements import overall

    found = overall(text, 2567)
    assert found is None or found.score is None


def test_a_level_word_does_not_reach_past_the_word_for_score():
    """`ระดับคะแนน … A`: the level word's own short word stops at the word for score."""
    from parsers.ita.statements import _LEVEL_AFTER, flat

    assert _LEVEL_AFTER.search(flat("ระดับคะแนน A")) is None
    assert _LEVEL_AFTER.search(flat("ระดับผล : A")).group("a") == "A"


_ROWS = [["1. การปฏิบัติหน้าที่", "6", "92.75", "5.57"], ["2. การใช้งบประมาณ", "6", "98.66", "5.92"],
         ["3. การใช้อำนาจ", "6", "98.42", "5.91"], ["4. การใช้ทรัพย์สินของราชการ", "6", "97.03", "5.82"],
         ["5. การแก้ไขปัญหาการทุจริต", "6", "92.48", "5.55"], ["6. คุณภาพการดำเนินงาน", "10", "95.61", "9.56"],
         ["7. ประสิทธิภาพการสื่อสาร", "10", "93.64", "9.36"], ["8. การปรับปรุงระบบการทำงาน", "10", "91.41", "9.14"],
         ["9. การเปิดเผยข้อมูล", "20", "88.53", "17.71"], ["10. การป้องกันการทุจริต", "20", "93.44", "18.69"],
         ["รวม", "100", "", "93.22"]]


def test_weight_and_points_columns_by_their_checksum():
    from parsers.ita.statements import weighted_columns

    assert weighted_columns(_ROWS) == {1, 3}
    # another order: the score first, the points before the weight
    assert weighted_columns([[r[0], r[2], r[3], r[1]] for r in _ROWS]) == {2, 3}
    # Thai digits, and the weights told from the scores by their sum (100) where both are whole-looking
    thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    assert weighted_columns([[c.translate(thai) for c in r] for r in _ROWS]) == {1, 3}
    # no checksum: a count column beside the scores is no weight
    assert weighted_columns([[r[0], "7", r[2]] for r in _ROWS[:10]]) == set()
    # too few rows hold it to tell: nothing is left out
    assert weighted_columns(_ROWS[:2]) == set()


def test_indicator_rows_beside_weights_give_their_scores():
    """Before, no indicator of such a table was read (a weight stood between the name and the score)."""
    from parsers.ita.scores import indicator_scores
    from parsers.ita.statements import weighted_columns

    others = weighted_columns(_ROWS)
    rows = [" ".join(c for i, c in enumerate(r) if i not in others) for r in _ROWS]
    found = {s.indicator: s.score for s in indicator_scores(rows)}
    assert found == {int(r[0].split(".")[0]): float(r[2]) for r in _ROWS[:10]}


@pytest.mark.parametrize("renderer", ["docx", "weasyprint"])
def test_indicator_table_of_weights_and_a_score_beside_last_years(tmp_path, renderer):
    """`ตัวชี้วัด | weight | score | points` and the score in a paragraph with last year's and the change: before,
    indicators 0/10 and (docx) no overall score."""
    fields = _print(tmp_path, Spec(27004, "development_plan", "held_out_14+indicator_weights+score_change", renderer,
                                   "TH SarabunPSK"))
    _all_right(fields, ("scores", "numbers_not_wrong", "level", "indicator_scores"))


def test_indicator_table_of_weights_under_header_lines(tmp_path):
    fields = _print(tmp_path, Spec(27007, "measures", "held_out_14+indicator_weights+table_notes+header_lines",
                                   "chromium", "TH SarabunPSK"))
    _all_right(fields, ("indicator_scores", "numbers_not_wrong", "measure_recall", "measure_precision"))


def test_sections_numbered_with_a_point_under_the_tables_series():
    from parsers.ita.measures import _first_of_series
    from parsers.records import TableRow

    def row(kind, text):
        return TableRow(cells=[text, "", ""], kind=kind, page=1)

    opens = _first_of_series([row("body", "1.1 โครงการ"), row("section", "๒. การให้บริการ"), row("body", "2.1 ก")])
    assert opens("๑. การป้องกันผลประโยชน์ทับซ้อน") and opens("1. การป้องกัน")
    assert not opens("๒. การนำผลการประเมินไปสู่การพัฒนา") and not opens("1) การป้องกัน")
    assert _first_of_series([row("body", "1.1 โครงการ")]) is None  # no series: a lone `N.` heading says nothing
    assert _first_of_series([row("section", "การให้บริการ")]) is None


@pytest.mark.parametrize("renderer", ["docx", "chromium"])
def test_measures_numbered_under_sections_with_footnotes(tmp_path, renderer):
    """Sections headed `1.` `2.` `3.`, measures 1.1, 1.2 …, footnotes under each table: before, the first section
    was lost (5/8) and the overall score (a level word with a word of its own) not read."""
    fields = _print(tmp_path, Spec(27005, "measures", "held_out_14+section_numbers+table_notes", renderer,
                                   "TH Sarabun New"))
    _all_right(fields, ("measure_section", "measure_recall", "measure_precision", "measure_text_exact", "scores",
                        "level", "measure_responsible", "measure_period"))


def test_quarter_ticks_two_offices_and_sections_over_pages(tmp_path):
    """Chromium lost the space after `3.2` (text 7/9 before) and the first section (6/9)."""
    fields = _print(tmp_path, Spec(27008, "development_plan",
                                   "held_out_14+quarter_columns+score_change+section_numbers+two_offices+row_breaks",
                                   "chromium", "TH Sarabun New"))
    _all_right(fields, ("measure_section", "measure_text_exact", "scores", "level", "measure_responsible",
                        "measure_period", "measure_recall", "measure_precision"))


@pytest.mark.parametrize("text, rest", [("3.2โครงการพัฒนา", "โครงการพัฒนา"), ("1.1เผยแพร่ข้อมูล", "เผยแพร่ข้อมูล"),
                                        ("2.1 โครงการ", "โครงการ"), ("12.5%", "12.5%"), ("2.50", "2.50")])
def test_a_sub_list_number_without_its_space(text, rest):
    from parsers.ita.text import strip_list_number

    assert strip_list_number(text) == rest


_HEAD = ["ตัวชี้วัด ITA ที่เกี่ยวข้อง", "ประเด็นการขับเคลื่อนความโปร่งใส", "จุดที่ต้องเร่งปรับจากผลคะแนน", "รายละเอียดวิธีปฏิบัติ",
         "ผู้รับมอบหมายงาน"]


@pytest.mark.parametrize("cells, kept", [
    # the head's last line read again, marks lost, beside a cut row's rest: the rest alone is kept
    (["เกยวของ", "โปรงใส", "คะแนน", "๓. ทบทวนคู่มือการปฏิบัติงาน", ""], ["", "", "", "๓. ทบทวนคู่มือการปฏิบัติงาน", ""]),
    # one cell alone that ends its header could be the body's by chance: kept
    (["เกี่ยวข้อง", "โครงการพัฒนาระบบ", "", "๓. ทบทวนคู่มือ", "กองคลัง"], None),
    # a first line that ends its header over the cell's own text (as before)
    (["ที่เกี่ยวข้อง\n๑. การปฏิบัติหน้าที่", "โครงการ", "", "", ""], ["๑. การปฏิบัติหน้าที่", "โครงการ", "", "", ""]),
])
def test_a_repeated_heads_last_line_atop_a_cut_rows_rest(cells, kept):
    from parsers.tables import RawRow, _without_header_tail

    assert _without_header_tail(RawRow(cells, len(cells), 0.0, 10.0), _HEAD) == kept


def test_a_tall_two_level_head_repeated_over_cut_rows(tmp_path):
    """DOCX repeats the quarter-column head on every page; its tall cells' last line came again in the first row of
    each page and joined the cut row of the page before (`…ประจำปีโปรงใส`, text 5/9)."""
    fields = _print(tmp_path, Spec(27008, "development_plan",
                                   "held_out_14+quarter_columns+score_change+section_numbers+two_offices+row_breaks",
                                   "docx", "TH SarabunPSK"))
    _all_right(fields, ("measure_text_exact", "measure_section", "measure_indicator", "measure_method",
                        "measure_recall", "measure_precision", "measure_responsible", "measure_period"))
