"""What held-out set 11 (docs/variety.md "Variety14") showed, as rules of meaning and structure: a count (of
respondents, questions, items) beside a tool's name or in a column of its own is no tool score; a head repeated atop
a page is parted from the cut row's rest fused with it; a heading above the head is no body row; a page foot's part
of the next page's row goes with that row."""
from __future__ import annotations

import pytest

from parsers.ita import parse_document
from parsers.ita.measures import measures
from parsers.ita.statements import count_columns, tools
from parsers.records import DocumentLayout, PageLayout, Table, TableRow, TextLine
from parsers.tables import PageTable, PageText, RawRow, build_tables


def _page(number: int, *lines: str) -> PageLayout:
    return PageLayout(number, 595, 842, [TextLine(t, 40, 40 + 20 * i, 500, 55 + 20 * i) for i, t in enumerate(lines)])


def _table(header: list[str], *rows: list[str]) -> Table:
    body = [TableRow(header, 1, "header")] + [TableRow(cells, 1) for cells in rows]
    return Table(body, [1], len(header), header)


def _tool_document(table: Table) -> DocumentLayout:
    lines = ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568",
             "องค์การบริหารส่วนตำบลบ้านกร่าง", "อำเภอเมือง จังหวัดพิษณุโลก",
             "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 ได้คะแนนรวม 86.86 คะแนน อยู่ในระดับ A"]
    lines += ["  ".join(r.cells) for r in table.rows]
    return DocumentLayout("x", 1, [_page(1, *lines)], [table])


# a tools table with columns of counts beside the score column, in the words units print
COUNT_TABLES = [
    (["เครื่องมือ", "จำนวนผู้ประเมิน (คน)", "จำนวนคำถาม", "คะแนน"],
     ["IIT", "63", "20", "86.34"], ["EIT", "98", "16", "89.36"], ["OIT", "-", "33", "85.38"]),
    (["แบบประเมิน", "ผู้ประเมิน (ราย)", "คำถาม (ข้อ)", "ผลการประเมิน"],
     ["IIT", "๖๓", "๒๐", "๘๖.๓๔"], ["EIT", "๙๘", "๑๖", "๘๙.๓๖"], ["OIT", "", "๓๓", "๘๕.๓๘"]),
]


@pytest.mark.parametrize("table", COUNT_TABLES)
def test_a_column_of_counts_beside_the_tools_scores_is_no_score(table):
    parsed = parse_document(_tool_document(_table(*table)))
    a = parsed.assessment
    assert (a.overall_score, a.level) == (86.86, "A")
    assert (a.iit, a.eit, a.oit) == (86.34, 89.36, 85.38)


def test_count_columns_need_a_count_header_and_whole_numbers():
    rows = [["IIT", "63", "86.34"], ["EIT", "98", "89.36"]]
    assert count_columns(["เครื่องมือ", "จำนวนผู้ประเมิน (คน)", "คะแนน"], rows) == {1}
    # whole numbers beside a column of scores are counts, under a header that names no score nor weight
    assert count_columns(["เครื่องมือ", "คำถามที่ใช้", "คะแนน"], rows) == {1}
    assert count_columns(["เครื่องมือ", "น้ำหนัก", "คะแนนเต็ม", "คะแนน"], [["IIT", "30", "100", "86.34"]]) == set()
    # without a column of scores beside, a header naming no count says nothing; decimals are never counts
    assert count_columns(["เครื่องมือ", "คำถามที่ใช้", "ผล"], [["IIT", "63", "86"]]) == set()
    assert count_columns(["เครื่องมือ", "จำนวน", "จำนวนคะแนน"], [["IIT", "86.34", "86.34"]]) == set()


@pytest.mark.parametrize("line, score", [
    ("IIT 63 คน 86.34", 86.34), ("IIT : 63 ราย 20 ข้อ 86.34", 86.34), ("OIT ๓๓ ข้อ ได้คะแนน ๘๕.๓๘", 85.38),
    ("IIT 86.34 คะแนน ผู้ประเมิน 63 คน", 86.34),
    # counts first, then the score after the word for the tool as such
    ("(1) แบบวัด IIT : ผู้ประเมิน 63 คน คำถาม 25 ข้อ คะแนนแบบวัด 86.34", 86.34),
    ("แบบวัด EIT มีผู้ประเมิน 45 คน ได้ 88.10 คะแนน", 88.10),
])
def test_a_count_beside_its_noun_is_no_tool_score(line, score):
    assert [(r.score) for r in tools([line], 2568)] == [score]


def test_a_tool_with_only_a_count_gets_no_score():
    assert [r.score for r in tools(["IIT 63 คน"], 2568) if r.score is not None] == []


# ---------------------------------------------------------------- page breaks (parsers/tables.py, parsers/ita/measures.py)

HEAD = ["มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ"]
HEAD_LINES = ["มาตรการ/\nแนวทาง", "วิธีการ\nดำเนินการ", "ผู้รับ\nผิดชอบ", "ระยะเวลา\nดำเนินการ"]
EDGES = [50.0, 200.0, 350.0, 450.0, 550.0]


def _row(cells, top, **kw) -> RawRow:
    return RawRow(list(cells), len(cells), top, top + 16, **kw)


def _first_page(*rows: RawRow) -> PageTable:
    return PageTable(1, 50, 100, 550, 780, EDGES, [
        _row(HEAD_LINES, 100, bold=True),
        _row(["๑. มาตรการเผยแพร่ข้อมูล", "จัดทำประกาศ", "สำนักปลัด", "ตุลาคม ๒๕๖๗"], 140), *rows])


def _built(page2: PageTable, page1: PageTable | None = None):
    tables = build_tables([page1 or _first_page(_row(["๒. มาตรการควบคุมการยืม\nและการใช้ทรัพย์", "ทำทะเบียน\nคุม",
                                                       "กองคลัง", "ตุลาคม"], 740)), page2],
                          [PageText(1, 842.0, []), PageText(2, 842.0, [])])
    assert len(tables) == 1
    return [r for r in tables[0].rows if r.kind == "body"]


def test_a_repeated_head_fused_with_the_rest_of_a_cut_row_is_parted_from_it():
    """Chromium repeats the head atop the next page; with no rule under it the layout read the head's lines and the
    cut row's rest as one row. The head's lines are the head's, the rest goes on with the row the break cut."""
    fused = [f"{h}\n{rest}" for h, rest in zip(HEAD_LINES, ["สินของราชการ", "การยืม", "", "๒๕๖๗ - กันยายน ๒๕๖๘"])]
    body = _built(PageTable(2, 50, 60, 550, 200, EDGES, [
        _row(fused, 60), _row(["๓. มาตรการป้องกันสินบน", "อบรม", "งานนิติการ", "มีนาคม ๒๕๖๘"], 160)]))
    assert [r.cells[0] for r in body] == ["๑. มาตรการเผยแพร่ข้อมูล", "๒. มาตรการควบคุมการยืมและการใช้ทรัพย์สินของราชการ",
                                          "๓. มาตรการป้องกันสินบน"]
    assert body[1].cells[2] == "กองคลัง" and "ดำเนินการ" not in body[1].cells[3]


def test_a_repeated_head_over_two_rows_then_the_rest_of_a_cut_row():
    """Word's spacing parted the repeated head's lines over two rows, the second fused with the cut row's rest."""
    top = ["มาตรการ/", "วิธีการ", "ผู้รับ", "ระยะเวลา"]
    fused = ["แนวทาง\nสินของราชการ", "ดำเนินการ\nการยืม", "ผิดชอบ", "ดำเนินการ\n๒๕๖๗ - กันยายน ๒๕๖๘"]
    body = _built(PageTable(2, 50, 60, 550, 200, EDGES, [_row(top, 60), _row(fused, 76)]))
    assert [r.cells[0] for r in body][1] == "๒. มาตรการควบคุมการยืมและการใช้ทรัพย์สินของราชการ"
    assert body[1].cells[2] == "กองคลัง" and len(body) == 2


def test_a_heading_a_word_space_parted_above_the_head_is_a_section_not_a_body_row():
    head = HEAD + ["การติดตามผล"]
    page = PageTable(1, 50, 100, 650, 400, EDGES + [650.0], [
        _row(["๑) การให้บริการและระบบ", "E-Service", "", "", ""], 100),
        _row(head, 120),
        _row(["๑. มาตรการเผยแพร่ข้อมูล", "จัดทำประกาศ", "สำนักปลัด", "ตุลาคม ๒๕๖๗", "รายงานผล"], 140)])
    table = build_tables([page], [PageText(1, 842.0, [])])[0]
    assert table.header == head
    assert [(r.kind, r.cells[0]) for r in table.rows] == [
        ("section", "๑) การให้บริการและระบบ E-Service"), ("header", HEAD[0]), ("body", "๑. มาตรการเผยแพร่ข้อมูล")]


def _measure_table(*rows: tuple[int, str, list[str]]) -> Table:
    body = [TableRow(HEAD, 1, "header")] + [TableRow(cells, page, kind) for page, kind, cells in rows]
    return Table(body, sorted({p for p, _, _ in rows}), 4, HEAD)


def test_a_page_foot_part_of_the_next_pages_row_is_not_the_row_above():
    """WeasyPrint moves a cut row's cells whole to the next page when they do not fit, and leaves the others: the
    page's last row holds only the responsible office, the next page's first row has every cell but it."""
    table = _measure_table(
        (1, "body", ["๑. มาตรการเผยแพร่ข้อมูล", "จัดทำประกาศ", "สำนักปลัด", "ตุลาคม ๒๕๖๗"]),
        (1, "body", ["", "", "งานประชาสัมพันธ์", ""]),
        (2, "header", HEAD),
        (2, "body", ["๒. มาตรการควบคุมการยืม", "ทำทะเบียนคุม", "", "พฤศจิกายน ๒๕๖๗"]))
    found = measures([table], [], 2567, 2568)
    assert [(m.measure, m.responsible) for m in found] == [
        ("มาตรการเผยแพร่ข้อมูล", "สำนักปลัด"), ("มาตรการควบคุมการยืม", "งานประชาสัมพันธ์")]


def test_a_page_foot_part_right_under_a_head_opens_the_next_pages_row():
    table = _measure_table(
        (1, "body", ["๑. มาตรการเผยแพร่ข้อมูล", "จัดทำประกาศ", "สำนักปลัด", "ตุลาคม ๒๕๖๗"]),
        (1, "section", ["๒) การป้องกันผลประโยชน์ทับซ้อน", "", "", ""]),
        (1, "header", HEAD),
        (1, "body", ["", "", "", "๑ ตุลาคม ๒๕๖๗ -"]),
        (2, "header", HEAD),
        (2, "body", ["๒. มาตรการควบคุมการยืม", "ทำทะเบียนคุม", "กองคลัง", "๓๐ กันยายน ๒๕๖๘"]))
    found = measures([table], [], 2567, 2568)
    assert [m.measure for m in found] == ["มาตรการเผยแพร่ข้อมูล", "มาตรการควบคุมการยืม"]
    assert found[0].period_text == "ตุลาคม ๒๕๖๗" or found[0].period_start.month == 10
    assert (found[1].period_start.isoformat(), found[1].period_end.isoformat()) == ("2024-10-01", "2025-09-30")


def test_a_page_foot_row_that_goes_on_the_row_above_still_does():
    """The rest of the row above (a band of a table without rules) fills columns the next page's row fills too."""
    table = _measure_table(
        (1, "body", ["๑. มาตรการเผยแพร่ข้อมูล", "จัดทำประกาศ", "สำนักปลัด", "ตุลาคม ๒๕๖๗"]),
        (1, "body", ["", "และติดตามผล", "", ""]),
        (2, "body", ["๒. มาตรการควบคุมการยืม", "ทำทะเบียนคุม", "กองคลัง", "พฤศจิกายน ๒๕๖๗"]))
    found = measures([table], [], 2567, 2568)
    assert [m.method for m in found] == ["จัดทำประกาศ และติดตามผล", "ทำทะเบียนคุม"]


def test_an_indicator_table_with_a_column_of_question_counts_gives_the_scores():
    """Each indicator's score beside how many questions it asked (main read none of the ten)."""
    names = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ", "การแก้ไขปัญหาการทุจริต",
             "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร", "การปรับปรุงระบบการทำงาน", "การเปิดเผยข้อมูล",
             "การป้องกันการทุจริต"]
    scores = [97.88, 89.64, 96.39, 94.42, 90.11, 98.90, 93.34, 95.64, 89.55, 93.71]
    rows = [[f"{n}. {name}", str(2 + n % 7), f"{v:.2f}"] for n, (name, v) in enumerate(zip(names, scores), 1)]
    table = _table(["ตัวชี้วัดการประเมิน ITA", "คำถามที่ใช้", "คะแนน"], *rows)
    parsed = parse_document(_tool_document(table))
    assert {i.indicator: i.score for i in parsed.indicators} == dict(enumerate(scores, 1))


def test_the_row_after_a_head_read_over_two_rows_is_a_body_row_not_another_head():
    top = ["มาตรการ/", "วิธีการ", "ผู้รับ", "ระยะเวลา"]
    low = ["แนวทาง", "ดำเนินการ", "ผิดชอบ", "ดำเนินการ"]
    page1 = _first_page()
    page2 = PageTable(2, 50, 60, 550, 200, EDGES, [
        _row(top, 60), _row(low, 76), _row(["๒. มาตรการป้องกันสินบน", "อบรม", "งานนิติการ", "มีนาคม ๒๕๖๘"], 100)])
    table = build_tables([page1, page2], [PageText(1, 842.0, []), PageText(2, 842.0, [])])[0]
    assert [r.kind for r in table.rows if r.page == 2] == ["header", "header", "body"]
    assert [r.cells[0] for r in table.rows if r.kind == "body"] == ["๑. มาตรการเผยแพร่ข้อมูล", "๒. มาตรการป้องกันสินบน"]


@pytest.mark.parametrize("line", ["IIT การปฏิบัติหน้าที่ 5 ข้อ 92.00", "IIT ตัวชี้วัดที่ 1 จำนวน 5 ข้อ 92.00",
                                  "IIT แบบวัด 5 ข้อ การปฏิบัติหน้าที่ 92.00"])
def test_a_count_clause_is_never_skipped_over_an_indicators_name(line):
    """The score after an indicator's name is the indicator's, whatever count stands between."""
    assert [r.score for r in tools([line], 2568) if r.score is not None] == []


# Variety15: a line of marks alone in PDFium's reading of a borderless row's segment, marks of the next line
# (`จ่าย`'s MAI EK) whose glyph box reaches up into the segment, must not land on the segment's last letter.
@pytest.mark.parametrize("pdfium_text, plumber_text, kept", [
    ("รายงานผลการใช\r\n\u0e48", "รายงานผลการใช\u0e49", "รายงานผลการใช"),  # the next line's MAI EK: dropped
    ("ขันตอน\r\n\u0e49", "ขั\u0e49นตอน", "ขันตอน\r\n\u0e49"),  # this line's own MAI THO, displaced: kept
    ("การใช\r\n\u0e48", "", "การใช\r\n\u0e48"),  # nothing to compare with: kept
])
def test_a_line_of_marks_alone_that_pdfplumber_does_not_see_is_the_next_lines(pdfium_text, plumber_text, kept):
    from parsers.layout import _foreign_mark_lines
    assert _foreign_mark_lines(pdfium_text, plumber_text) == kept


def test_a_weasyprint_row_under_a_lined_head_keeps_its_own_tone_marks(tmp_path):
    """End to end on the matrix's `variant[header_lines]` document (WeasyPrint, Loma): `ใช้` at a segment's end
    above `จ่าย` read `ใช่` on main (measure_text_exact 5/6)."""
    from parsers.layout import extract_layout
    from tests.variety import matrix
    from tests.variety.corpus import available_renderers, make
    from tests.variety.fonts import font_file

    spec = next(s for s in matrix.variant_specs() if s.variant == "header_lines")
    if available_renderers()[spec.renderer] or font_file(spec.font) is None:
        pytest.skip(f"{spec.renderer} or {spec.font} not available here")
    pdf, truth = make(spec, tmp_path)
    parsed = parse_document(extract_layout(pdf))
    from normalizers.thai_text import clean_text
    got = [clean_text(m.measure).replace(" ", "") for m in parsed.measures]
    assert [m["measure"].replace(" ", "") for m in truth["measures"]] == got


# Variety15: WeasyPrint's Loma and Kinnari map a tone mark's shifted glyph to a Latin letter, as they map the SARA AM
# ring (`ขัĜนตอน`, `จัดซืĒอ`); the dictionary says which tone it was.
@pytest.mark.parametrize("damaged, repaired", [
    ("แผนผังแสดงขัĜนตอนและระยะเวลา", "แผนผังแสดงขั้นตอนและระยะเวลา"),
    ("การจัดซืĒอจัดจ้าง", "การจัดซื้อจัดจ้าง"),
    ("การใช้อĖานาจ", "การใช้อำนาจ"),  # the ring before SARA AA stays the ring
    ("ระบบ ABCÉD ของหน่วยงาน", "ระบบ ABCÉD ของหน่วยงาน"),  # a Latin word's own letter is no mark
])
def test_a_latin_letter_inside_a_thai_word_is_a_mapped_tone_mark(damaged, repaired):
    from normalizers.thai_text import repair_thai
    assert repair_thai(damaged) == repaired


# Variety15: two tone marks on one letter never occur in Thai, so on a line the dictionary otherwise reads well one
# of them is a mapped vowel (WeasyPrint Kinnari's SARA UU: `ผ้่รับบริการ` is ผู้รับบริการ), put back in stack order.
def test_two_tone_marks_on_one_letter_are_a_mapped_vowel_even_on_a_good_line():
    from normalizers.thai_text import repair_thai
    line = "มาตรการสĠารวจความพึงพอใจของผ้่รับบริการและนĠาผลมาปรับปรุงการทĠางาน ให้เป็นรูปธรรม"
    assert repair_thai(line) == "มาตรการสำรวจความพึงพอใจของผู้รับบริการและนำผลมาปรับปรุงการทำงาน ให้เป็นรูปธรรม"


# Variety15: pdfplumber keeps a SARA AM's unmapped ring as a gap before SARA AA (no Thai word starts with SARA AA);
# PDFium, whose box missed the ring above the line, reads SARA AA alone. The gap is the ring: pdfplumber's reading.
def test_a_gap_before_sara_aa_is_the_lost_ring_pdfium_did_not_see():
    from parsers.pdf_text import choose
    choice = choose("ภายในและนา", "ภายในและน  า")
    assert choice.engine == "pdfplumber"
    from normalizers.thai_text import repair_thai
    assert repair_thai(choice.text) == "ภายในและนำ"
    assert choose("ภายในและนา", "ภายในและนา").engine == "pdfium"  # the same reading: PDFium's as before
