"""Table structure without rules (issue #12, variety8): rows of vertically centred cells, column gaps judged over
a whole line, total and subtotal rows told by their sums, tick columns under a title naming the measure."""
from parsers.ita.columns import table_roles
from parsers.ita.measures import _is_total, _Row
from parsers.tables import _narrow, amount_under_amount, band_boxes, band_rows, line_bands

H = 16.0  # a line's box height at 16 pt
STEP = 21.2  # one cell's line pitch (gap 5.2)


def _line(top: float, *columns: tuple[float, float]) -> list[tuple[float, float, float, float]]:
    return [(x0, top, x1, top + H) for x0, x1 in columns]


def _centred_rows():
    """Two rows printed as LibreOffice prints HTML cells centred vertically: a three-line measure beside a two-line
    issue and a one-line number, so the lines of the row interleave half a line apart; the second row starts
    after a gap of 8.1 points (the cells' padding), wider than a cell's own line gap."""
    a, b, n = (130, 270), (65, 125), (52, 60)
    top = 100.0
    first = [_line(top, a), _line(top + STEP / 2, b), _line(top + STEP, a, n), _line(top + 1.5 * STEP, b),
             _line(top + 2 * STEP, a)]
    top2 = top + 2 * STEP + H + 8.1
    second = [_line(top2, a), _line(top2 + STEP / 2, b), _line(top2 + STEP, a, n), _line(top2 + 1.5 * STEP, b),
              _line(top2 + 2 * STEP, a)]
    return first + second


def test_lines_printed_beside_each_other_are_one_band_and_one_row():
    lines = _centred_rows()
    bands = line_bands(lines)
    assert bands == [0] * 5 + [1] * 5
    # the number sits on the row's middle line: the lines above it are its row's, not the row before's
    assert band_rows(lines, bands) == [True, False, False, False, False, True, False, False, False, False]


def test_a_band_is_read_for_columns_as_one_line():
    lines = _centred_rows()
    merged = band_boxes(lines, line_bands(lines))
    assert len(merged) == 2
    # the issue column and the measure column each one box: the white space between them runs through the band
    assert [(round(b[0]), round(b[2])) for b in merged[0]] == [(52, 60), (65, 125), (130, 270)]


def test_lines_one_under_the_other_are_left_to_the_line_logic():
    lines = [_line(100 + k * STEP, (52, 60), (65, 200)) for k in range(4)]
    assert line_bands(lines) == [0, 1, 2, 3]
    assert band_rows(lines, line_bands(lines)) is None


def test_a_header_of_interleaved_lines_alone_does_not_split_the_body_into_lines():
    """Only a header's lines interleave (a narrow column's wrapped title): the body keeps the usual line logic."""
    head = [_line(100, (52, 60)), _line(100 + STEP / 2, (65, 125), (130, 270))]
    body = [_line(140 + k * STEP, (65, 125), (130, 270)) for k in range(3)]
    lines = head + body
    assert band_rows(lines, line_bands(lines)) is None


def test_a_column_gap_keeps_its_widest_free_stretch_over_a_whole_line():
    """`๑.` beside the gap leaves a word space after it; the column's gap is the wider stretch before it."""
    gaps = [(171.0, 241.0)]
    line = [(61, 0, 190, 16), (201, 0, 211, 16), (214, 0, 320, 16)]
    assert _narrow(gaps, line) == [(190, 201)]
    assert _narrow(gaps, [(61, 0, 320, 16)]) is None


def test_an_amount_under_an_amount_is_two_rows():
    assert amount_under_amount(["๓. ส่งเสริม…", "๑๒,๐๐๐"], ["รวม", "๑๗,๐๐๐"])
    assert amount_under_amount(["๓. ส่งเสริม…", "ไม่ใช้งบประมาณ"], ["", "42,000"])
    # an amount wrapped at its comma, and text under an amount, go on with the row
    assert not amount_under_amount(["๓. ส่งเสริม…", "๑๒,"], ["ภายใน", "๐๐๐"])
    assert not amount_under_amount(["๓. ส่งเสริม…", "๑๒,๐๐๐"], ["หน่วยงาน", ""])


def _rows(*budgets: str, section: str = "ด้านที่ ๑") -> list[_Row]:
    return [_Row({"measure": f"มาตรการที่ {k}", "budget": b}, 1, section) for k, b in enumerate(budgets, 1)]


def test_a_row_adding_up_the_budgets_above_is_a_total_wherever_its_label_stands():
    above = _rows("5,000", "12,000")
    assert _is_total({"measure": "รวม", "budget": "17,000"}, above)
    assert _is_total({"method": "ยอดรวม", "budget": "๑๗,๐๐๐"}, above)  # the label centred over the method
    assert _is_total({"budget": "5,000"}, above[:1])  # a section of one measure: its subtotal
    assert not _is_total({"measure": "รวม", "budget": "18,000"}, above)  # not the sum: a measure (budget kept)
    assert not _is_total({"measure": "รวม", "budget": "17,000", "responsible": "กองคลัง"}, above)


def test_ticks_under_a_title_naming_the_measure_are_not_the_measure():
    header = ["เรื่อง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "สถานะของมาตรการ", "ผลการดำเนินการ", "ผลลัพธ์"]
    rows = [["ส่งเสริมคุณธรรมของบุคลากรในหน่วยงาน", "จัดอบรมบุคลากรทุกกอง", "กองคลัง", "✓", "จัดอบรม 2 ครั้ง", "บุคลากรเข้าใจ"],
            ["เผยแพร่ข้อมูลการจัดซื้อจัดจ้างรายเดือน", "เผยแพร่ข้อมูลบนเว็บไซต์", "สำนักปลัด", "✓", "เผยแพร่ 12 ครั้ง", "ประชาชนทราบ"],
            ["ป้องกันการรับสินบนในการให้บริการ", "ประเมินความเสี่ยงการทุจริต", "กองช่าง", "✓", "ประเมิน 1 ครั้ง", "ไม่พบเรื่องร้องเรียน"]]
    roles = table_roles(header, rows)
    assert roles.get(3) != "measure"
    assert roles.get(0) == "measure"


def test_the_text_column_after_the_output_across_tick_columns_is_the_outcome():
    """`ผลการดำเนินการ | ดำเนินการแล้ว | ยังไม่ดำเนินการ | <a title naming no role>`: ticks between the output and the
    column after it do not make that column nameless."""
    header = ["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ผลการดำเนินการ", "ดำเนินการแล้ว", "ยังไม่ดำเนินการ", "คุณค่า"]
    rows = [["มาตรการส่งเสริมคุณธรรม", "จัดอบรมบุคลากรทุกกอง", "กองคลัง", "จัดอบรม 2 ครั้ง", "✓", "", "บุคลากรมีความเข้าใจมากขึ้น"],
            ["มาตรการเผยแพร่ข้อมูล", "เผยแพร่ข้อมูลบนเว็บไซต์", "สำนักปลัด", "เผยแพร่ 12 ครั้ง", "", "✓", "ประชาชนได้รับทราบข้อมูล"],
            ["มาตรการป้องกันสินบน", "ประเมินความเสี่ยงการทุจริต", "กองช่าง", "ประเมิน 1 ครั้ง", "✓", "", "ไม่พบเรื่องร้องเรียนการทุจริต"]]
    roles = table_roles(header, rows)
    assert roles.get(3) == "output"
    assert roles.get(6) == "outcome"
