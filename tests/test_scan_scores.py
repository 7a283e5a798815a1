"""Refused score digits taken back only where the document's own sums confirm the template's candidate."""
from __future__ import annotations

from parsers import scan_scores
from parsers.records import DocumentLayout, PageLayout, Provenance, Table, TableRow, TextLine

# A 2566 document's ten indicators and overall score (IIT 84.60, EIT 87.00, OIT 90.00: 0.3·84.6+0.3·87+0.4·90).
INDICATORS = {1: "การปฏิบัติหน้าที่", 2: "การใช้งบประมาณ", 3: "การใช้อำนาจ", 4: "การใช้ทรัพย์สินของราชการ",
              5: "การแก้ไขปัญหาการทุจริต", 6: "คุณภาพการดำเนินงาน", 7: "ประสิทธิภาพการสื่อสาร",
              8: "การปรับปรุงระบบการทำงาน", 9: "การเปิดเผยข้อมูล", 10: "การป้องกันการทุจริต"}
SCORES = {1: 80.00, 2: 85.50, 3: 90.25, 4: 79.75, 5: 87.50, 6: 88.00, 7: 86.00, 8: 87.00, 9: 92.00, 10: 88.00}
OVERALL = 87.48


def _layout(unread: dict[int, str | None], overall: str = f"{OVERALL:.2f}", ocr: bool = True) -> DocumentLayout:
    """An indicator table (one row per indicator, the score cell refused where `unread` gives its candidate)
    and the overall-score line above it."""
    rows = []
    for n, name in INDICATORS.items():
        box = (300.0, 100.0 + 20 * n, 360.0, 118.0 + 20 * n)
        if n in unread:
            score, source = "ฉ#", Provenance(1, box, unread[n], "template", 0.0) if unread[n] else None
        else:
            score, source = f"{SCORES[n]:.2f}", Provenance(1, box, f"{SCORES[n]:.2f}", "tesseract", 0.9)
        rows.append(TableRow([f"{n}. {name}", score], 1,
                             sources=[Provenance(1, (60.0, box[1], 300.0, box[3]), name, "tesseract", 0.9), source]))
    line = TextLine(f"ได้คะแนนภาพรวม {overall} คะแนน", 60, 60, 400, 78, page=1, engine="tesseract")
    page = PageLayout(1, 595, 842, [line], ocr=ocr)
    return DocumentLayout("d", 1, [page], [Table(rows, [1], 2)])


def _score_cell(layout: DocumentLayout, n: int) -> str:
    return layout.tables[0].rows[n - 1].cells[1]


def test_a_candidate_the_overall_score_confirms_is_taken_with_its_provenance():
    layout = _layout({4: "79.75"})
    scan_scores.resolve(layout, {})
    assert _score_cell(layout, 4) == "79.75"
    source = layout.tables[0].rows[3].sources[1]
    assert (source.text, source.engine, source.confidence) == ("79.75", "template", scan_scores.CHECKED_CONFIDENCE)


def test_a_candidate_one_confused_digit_off_is_refused():
    for wrong in ("78.75", "79.25", "89.75", "19.75"):  # ๘/๙, ๒/๗ ... of the tens, units and decimals
        layout = _layout({4: wrong})
        scan_scores.resolve(layout, {})
        assert _score_cell(layout, 4) == "ฉ#", wrong


def test_nothing_is_taken_without_a_sum_to_check_it():
    layout = _layout({4: "79.75", 9: "92.00"}, overall="#")  # the overall refused too, and no candidate for it
    scan_scores.resolve(layout, {})
    assert _score_cell(layout, 4) == "ฉ#" and _score_cell(layout, 9) == "ฉ#"
    layout = _layout({4: "79.75", 5: None})  # a second refused score without a candidate
    scan_scores.resolve(layout, {})
    assert _score_cell(layout, 4) == "ฉ#"


def test_candidates_of_one_sum_are_taken_together_and_the_overall_from_the_line_words():
    layout = _layout({4: "79.75", 9: "92.00"}, overall="#")
    line = layout.pages[0].lines[0]
    scan_scores.resolve(layout, {1: [((200.0, 62.0, 240.0, 76.0), ("7.48", f"{OVERALL:.2f}"))]})
    assert _score_cell(layout, 4) == "79.75" and _score_cell(layout, 9) == "92.00"
    assert line.text == f"ได้คะแนนภาพรวม {OVERALL:.2f} คะแนน"


def test_a_tool_score_is_checked_against_the_mean_of_its_indicators():
    layout = _layout({})
    box = (300.0, 20.0, 360.0, 38.0)
    layout.tables[0].rows.insert(0, TableRow(["OIT", "#"], 1, sources=[None, Provenance(1, box, "90.00", "template", 0.0)]))
    scan_scores.resolve(layout, {})
    assert layout.tables[0].rows[0].cells[1] == "90.00"
    layout.tables[0].rows[0].cells[1] = "#"
    layout.tables[0].rows[0].sources[1] = Provenance(1, box, "96.00", "template", 0.0)
    scan_scores.resolve(layout, {})
    assert layout.tables[0].rows[0].cells[1] == "#"


def test_text_pages_are_left_alone():
    layout = _layout({4: "79.75"}, ocr=False)
    scan_scores.resolve(layout, {})
    assert _score_cell(layout, 4) == "ฉ#"


def test_a_score_that_lost_its_point_is_a_candidate_for_the_sums():
    layout = _layout({})
    row = layout.tables[0].rows[9]
    row.cells[1] = "8800 คะแนน"  # ๘๘.๐๐ read without its point
    scan_scores.resolve(layout, {})
    assert row.cells[1] == "88.00 คะแนน" and row.sources[1].engine == "template"
    row.cells[1] = "8900 คะแนน"
    scan_scores.resolve(layout, {})
    assert row.cells[1] == "8900 คะแนน"
    row.cells[1] = "2568 คะแนน"  # a year, never a score
    assert scan_scores._row_slots(row, []) == []


def test_a_tool_confirmed_by_its_indicators_then_checks_the_overall_score_with_eit_in_two_parts():
    """2568: IIT 84.60 (mean of 1-5), EIT parts 86.00 and 88.00 at 15 each, OIT 90.00 (mean of 9-10)."""
    layout = _layout({}, overall="#")
    box = (300.0, 20.0, 360.0, 38.0)
    tools = [("IIT", "84.60", None), ("EITส่วนที่1", "86.00", None), ("EITส่วนที่2", "#", "88.00"), ("OIT", "#", "90.00")]
    for label, text, guess in reversed(tools):
        source = Provenance(1, box, guess, "template", 0.0) if guess else Provenance(1, box, text, "tesseract", 0.9)
        layout.tables[0].rows.insert(0, TableRow([label, text], 1, sources=[None, source]))
    overall = round(0.3 * 84.6 + 0.15 * 86 + 0.15 * 88 + 0.4 * 90, 2)
    line = layout.pages[0].lines[0]
    scan_scores.resolve(layout, {1: [((200.0, 62.0, 240.0, 76.0), (f"{overall:.2f}",))]})
    assert [row.cells[1] for row in layout.tables[0].rows[:4]] == ["84.60", "86.00", "88.00", "90.00"]
    assert line.text == f"ได้คะแนนภาพรวม {overall:.2f} คะแนน"


def _with_tools(layout: DocumentLayout, tools) -> DocumentLayout:
    """The tool rows (label, text, candidate) put above the indicator table's rows, labels read without a box."""
    box = (300.0, 20.0, 360.0, 38.0)
    for label, text, guess in reversed(tools):
        source = Provenance(1, box, guess, "template", 0.0) if guess else Provenance(1, box, text, "tesseract", 0.9)
        layout.tables[0].rows.insert(0, TableRow([label, text], 1, sources=[None, source]))
    return layout


def test_eit_in_two_parts_confirms_its_indicators():
    """EIT's parts (86.00, 88.00, 15 each) have EIT's mean, the mean of indicators 6-8 (88, 86, 87): a refused
    indicator 7 is confirmed by them without the overall score; a candidate a digit off is not."""
    for guess, want in (("86.00", "86.00"), ("88.00", "ฉ#"), ("86.50", "ฉ#")):
        layout = _with_tools(_layout({7: guess}, overall="#"), [("EITส่วนที่1", "86.00", None), ("EITส่วนที่2", "88.00", None)])
        scan_scores.resolve(layout, {})
        assert layout.tables[0].rows[2 + 6].cells[1] == want, guess


def test_a_tool_row_read_without_its_label_is_named_by_its_place_when_its_indicators_agree():
    parts = [("EITส่วนที่1", "86.00", None), ("EITส่วนที่2", "88.00", None), ("OIT", "90.00", None)]
    layout = _with_tools(_layout({}), [("", "84.60", None)] + parts)  # IIT is the mean of 1-5: 84.60
    scan_scores.resolve(layout, {})
    row = layout.tables[0].rows[0]
    assert row.cells[0] == "IIT" and row.sources[0].engine == "position"
    layout = _with_tools(_layout({}), [("", "84.70", None)] + parts)  # in IIT's place, but not IIT's mean
    scan_scores.resolve(layout, {})
    assert layout.tables[0].rows[0].cells[0] == ""
    layout = _with_tools(_layout({}), [("", "90.00", None), ("OIT", "90.00", None)])  # EIT or its part 2?
    scan_scores.resolve(layout, {})
    assert layout.tables[0].rows[0].cells[0] == ""
    layout = _with_tools(_layout({}), [("", "84.60", None), ("ตัวชี้วัด", "คะแนน", None)] + parts)  # not beside them
    scan_scores.resolve(layout, {})
    assert layout.tables[0].rows[0].cells[0] == ""
