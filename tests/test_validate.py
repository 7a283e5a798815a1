"""Validation flags inconsistent facts and stays silent on consistent ones; it changes a fact only to refuse a
value two checks both contradict."""
from __future__ import annotations

import copy

from hypothesis import given
from hypothesis import strategies as st

from normalizers import catalog
from parsers.records import Assessment, DocumentLayout, IndicatorScore, Measure, ParsedDocument, QuestionScore
from pipeline.records import UnitResolution
from pipeline.validate import validate

LAYOUT = DocumentLayout("x", 1, [], [])
TOOLS = {n: catalog.tool_of_indicator(n) for n in range(1, 11)}


def indicators(scores: dict[int, float]) -> list[IndicatorScore]:
    return [IndicatorScore(n, catalog.indicator_name(n), TOOLS[n], s) for n, s in scores.items()]


def document(**kwargs) -> ParsedDocument:
    return ParsedDocument(doc_type="measures", fiscal_year=2566, assessment_year=2565, **kwargs)


def check(parsed: ParsedDocument) -> list[str]:
    before = copy.deepcopy(parsed)
    warnings = validate(LAYOUT, parsed, UnitResolution())
    assert parsed == before  # flags, never fixes
    return warnings


# Sample 01000 (2565 results, AA-F scale, weights 30/30/40).
OLD = {1: 86.48, 2: 91.47, 3: 76.75, 4: 78.35, 5: 87.32, 6: 100.0, 7: 77.15, 8: 100.0, 9: 97.12, 10: 85.47}


def test_consistent_old_document_has_no_warnings():
    parsed = document(assessment=Assessment(89.46, "A"), indicators=indicators(OLD),
                      measures=[Measure(1, 2, "กำหนดผู้รับผิดชอบ")])
    assert check(parsed) == []


def test_overall_that_disagrees_with_weighted_indicators_is_flagged():
    parsed = document(assessment=Assessment(91.46, "A"), indicators=indicators(OLD),
                      measures=[Measure(1, 2, "กำหนดผู้รับผิดชอบ")])
    (warning,) = check(parsed)
    assert "overall 91.46" in warning and "89.4" in warning


def test_level_off_the_scale_or_off_the_band_is_flagged():
    assert any("not on the 2565 scale" in w for w in check(document(assessment=Assessment(89.46, "ผ่านดี"))))
    assert any("expected A" in w for w in check(document(assessment=Assessment(89.46, "AA"))))
    new = ParsedDocument(doc_type="measures", fiscal_year=2568, assessment_year=2568,
                         assessment=Assessment(83.38, "ผ่าน"))
    assert any("pass mark" in w for w in check(new))


def test_tool_score_must_be_the_mean_of_its_indicators():
    parsed = document(assessment=Assessment(None, "A", iit=90.0), indicators=indicators(OLD))
    assert any(w.startswith("IIT 90.0 differs") for w in check(parsed))
    # With the overall 89.46, which fits the indicators' mean 84.07 and not 90.0, the printed IIT is refused.
    parsed = document(assessment=Assessment(89.46, "A", iit=90.0), indicators=indicators(OLD))
    assert validate(LAYOUT, parsed, UnitResolution())[0].startswith("IIT 90.0 not kept")
    assert parsed.assessment.iit is None


# A 2568 plan whose OIT was read from the IIT's cell (a tools table read column-wise): indicators 9-10 and the
# overall score both say OIT is 91.81, so the printed-as-read 87.26 is refused rather than published.
NEW = {1: 90.39, 2: 80.15, 3: 92.70, 4: 82.32, 5: 90.74, 6: 85.38, 7: 83.16, 8: 82.68, 9: 96.46, 10: 87.16}


def _new_plan(**tools) -> ParsedDocument:
    return ParsedDocument(doc_type="development_plan", fiscal_year=2568, assessment_year=2568,
                          assessment=Assessment(88.02, "ผ่าน", **tools), indicators=indicators(NEW),
                          measures=[Measure(1, 1, "ทดสอบ")])


def test_tool_score_both_checksums_contradict_is_refused():
    parsed = _new_plan(iit=87.26, eit_part1=84.66, eit_part2=82.82, oit=87.26)
    (warning,) = validate(LAYOUT, parsed, UnitResolution())
    assert parsed.assessment.oit is None and parsed.assessment.iit == 87.26
    assert warning.startswith("OIT 87.26 not kept") and "91.81" in warning


def test_tool_score_only_its_indicators_contradict_is_flagged_not_refused():
    # The overall agrees with neither reading of OIT: which value is wrong cannot be told, so all stay.
    parsed = _new_plan(iit=87.26, eit_part1=84.66, eit_part2=82.82, oit=87.26)
    parsed.assessment.overall_score = 90.0
    warnings = check(parsed)
    assert any(w.startswith("OIT 87.26 differs") for w in warnings)
    assert check(_new_plan(iit=87.26, eit_part1=84.66, eit_part2=82.82, oit=91.81)) == []


def test_new_form_weights_with_eit_parts():
    # Sample 01008 (2568): 30 IIT, 15 + 15 EIT parts, 40 OIT.
    a = Assessment(95.28, "ผ่านดี", iit=97.11, eit_part1=97.36, eit_part2=99.16, oit=91.66)
    parsed = ParsedDocument(doc_type="development_plan", fiscal_year=2568, assessment_year=2568, assessment=a,
                            measures=[Measure(1, 3, "กิจกรรมเชิดชูเกียรติ", indicator=1)])
    assert check(parsed) == []
    a.eit_part2 = 80.0
    warnings = check(parsed)
    assert any("differs from the 2568 weighted tools" in w for w in warnings)
    assert any("needs every tool at 85" in w for w in warnings)


def test_scores_out_of_range_and_codes_outside_the_catalog():
    parsed = document(assessment=Assessment(101.0), questions=[QuestionScore("e1", "EIT", 6, 120.0)],
                      measures=[Measure(1, 1, "ทดสอบ", codes=["i45"])])
    warnings = check(parsed)
    assert "score out of range 0-100: 101.0" in warnings and "score out of range 0-100: 120.0" in warnings
    assert any(w.startswith("measure 1 code i45") for w in warnings)


def test_measures_document_without_rows_is_flagged_but_province_with_questions_is_not():
    assert check(document()) == ["no measure rows found in a measures document"]
    assert check(document(questions=[QuestionScore("e1", "EIT", 6, 89.92)])) == []


def test_parser_and_layout_warnings_are_kept():
    parsed = document(measures=[Measure(1, 1, "ทดสอบ")], warnings=["question e99: not in catalog"])
    layout = DocumentLayout("x", 1, [], [], warnings=["page 3 could not be read"])
    assert validate(layout, parsed, UnitResolution()) == ["page 3 could not be read", "question e99: not in catalog"]


score = st.floats(0, 100).map(lambda v: round(v, 2))


@given(st.lists(score, min_size=10, max_size=10), st.sampled_from([2564, 2565, 2566]))
def test_an_overall_computed_with_the_years_weights_always_passes(values, year):
    scores = dict(zip(range(1, 11), values))
    tool_means = {tool: sum(scores[n] for n in ns) / len(ns)
                  for tool, ns in (("IIT", range(1, 6)), ("EIT", range(6, 9)), ("OIT", range(9, 11)))}
    weights = catalog.weights(year)
    total = round(sum(weights[t] * tool_means[t] for t in tool_means) / 100, 2)
    parsed = ParsedDocument(doc_type="measures", assessment_year=year, assessment=Assessment(total),
                            indicators=indicators(scores), measures=[Measure(1, 1, "ทดสอบ")])
    assert check(parsed) == []
    parsed.assessment.overall_score = round(total + 0.5, 2) if total <= 99 else round(total - 0.5, 2)
    assert len(check(parsed)) == 1


def scanned(*lines: str) -> DocumentLayout:
    from parsers.records import PageLayout, TextLine
    return DocumentLayout("x", 1, [PageLayout(1, 595, 842, [TextLine(t, 0, 0, 0, 0) for t in lines], ocr=True)], [])


def test_on_a_scan_a_score_outside_the_levels_band_is_refused_with_a_warning():
    parsed = document(assessment=Assessment(79.46, "A"))  # A is 85-95: a Thai digit misread (89.46 -> 79.46)
    warnings = validate(scanned("ได้คะแนน ๗๙.๔๖ คะแนน ระดับ A"), parsed, UnitResolution())
    assert parsed.assessment.overall_score is None and parsed.assessment.level == "A"
    assert any("79.46" in w and "not kept" in w for w in warnings)
    text_layer = document(assessment=Assessment(79.46, "A"))
    validate(LAYOUT, text_layer, UnitResolution())
    assert text_layer.assessment.overall_score == 79.46  # a text layer's disagreement is only flagged


def test_on_a_scan_a_spaced_level_is_the_one_the_score_names_or_refused():
    for score, level in ((96.12, "AA"), (91.0, "A")):
        parsed = document(assessment=Assessment(score, "A"))
        validate(scanned("ระดับผลการประเมิน A A"), parsed, UnitResolution())
        assert (parsed.assessment.overall_score, parsed.assessment.level) == (score, level)
    parsed = document(assessment=Assessment(70.0, "AA"))
    warnings = validate(scanned("ระดับ A A"), parsed, UnitResolution())
    assert parsed.assessment is None  # neither reading fits the score, and the score fits neither: nothing stated
    assert any("'A A'" in w for w in warnings)
