"""Measure rows from tables and paragraphs laid out other ways (issue #12): columns known by their cells,
continuations inside numbered tables, merged cells of tables without rules, headings and signatures."""
from __future__ import annotations

from parsers.ita.columns import table_roles
from parsers.ita.measures import measures
from parsers.records import PageLayout, Provenance, Table, TableRow, TextLine


def _table(header, *rows, page=1, spanned=None):
    body = [TableRow(list(cells), page, "body", spanned=list(spanned or [])) for cells in rows]
    return Table([TableRow(list(header), page, "header")] + body, [page], len(header), list(header))


def _page(number, *lines):
    return PageLayout(number, 595, 842, [TextLine(t, 40, 40 + 20 * i, 500, 55 + 20 * i, page=number)
                                         for i, t in enumerate(lines)])


def test_follow_up_output_and_outcome_columns_are_known_by_what_they_say():
    header = ["ประเด็นการพัฒนา", "รายละเอียด", "ผู้รับผิดชอบ", "ระยะเวลา", "วิธีรายงานความก้าวหน้า", "สิ่งที่ได้", "ผลที่เกิด"]
    rows = [["๑. มาตรการจัดทำคู่มือการปฏิบัติงาน", "ปรับปรุงเว็บไซต์ของหน่วยงานทุกเดือน", "กองคลัง", "ต.ค. ๖๗ - ก.ย. ๖๘",
             "รายงานผลต่อผู้บริหารทุกไตรมาส", "จัดประชุมชี้แจงบุคลากร 2 ครั้ง", "บุคลากรมีความเข้าใจและปฏิบัติงานโปร่งใส"],
            ["๒. โครงการอบรมให้ความรู้แก่บุคลากร", "จัดอบรมให้ความรู้แก่เจ้าหน้าที่", "สำนักปลัด", "ม.ค. ๖๘",
             "ติดตามผลการดำเนินงานรอบ 6 เดือน", "อบรมบุคลากร จำนวน 45 คน", "ไม่พบเรื่องร้องเรียนการเรียกรับสินบน"],
            ["๓. กิจกรรมสำรวจความพึงพอใจ", "สำรวจและสรุปผลเสนอผู้บริหาร", "กองช่าง", "ก.พ. ๖๘",
             "สรุปผลการดำเนินการเสนอนายก", "ดำเนินการแล้วเสร็จตามแผน", "ผู้รับบริการมีความพึงพอใจเพิ่มขึ้น"]]
    roles = table_roles(header, rows)
    assert roles[4] == "follow_up" and roles[5] == "output" and roles[6] == "outcome"
    # a further text column that says none of these (and stands by no output) gets no role, not a guessed one
    assert 5 not in table_roles(header[:5] + ["ข้อสังเกต"], [r[:5] + ["ควรพัฒนาอย่างต่อเนื่องและรักษามาตรฐาน"] for r in rows])


def test_an_unnumbered_cell_starting_mid_phrase_in_a_numbered_table_continues_the_row_above():
    header = ["มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ"]
    table = _table(header,
                   ["๙. โครงการกำกับดูแลและตรวจสอบการใช้รถส่วนกลาง", "๑. แต่งตั้งคณะทำงาน", "กองช่าง", "๑ ตุลาคม ๒๕๖๗ -"],
                   ["อย่างต่อเนื่อง", "๒. จัดให้มีการประเมินความเสี่ยง", "", "๓๐ กันยายน ๒๕๖๘"],
                   ["๑๐. มาตรการประเมินความเสี่ยงการทุจริต", "ทบทวนคู่มือ", "งานนิติการ", "ม.ค. ๖๘"])
    found = measures([table], [_page(1, "")], 2568, 2568)
    assert [m.measure for m in found] == ["โครงการกำกับดูแลและตรวจสอบการใช้รถส่วนกลาง อย่างต่อเนื่อง",
                                          "มาตรการประเมินความเสี่ยงการทุจริต"]
    assert str(found[0].period_start) == "2024-10-01" and str(found[0].period_end) == "2025-09-30"


def test_a_responsible_cell_printed_once_for_several_measures_in_a_table_without_rules_is_carried():
    header = ["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา"]
    rows = [["๑. มาตรการเผยแพร่แผน", "เผยแพร่ทางเว็บไซต์", "กองคลัง", "ต.ค. ๖๗ - ก.ย. ๖๘"],
            ["๒. มาตรการตรวจสอบภายใน", "ตรวจสอบทุกไตรมาส", "", ""]]
    unruled = measures([_table(header, *rows)], [_page(1, "")], 2568, 2568)
    assert [m.responsible for m in unruled] == ["กองคลัง", "กองคลัง"]
    assert unruled[1].period_start == unruled[0].period_start
    # a ruled table says which cells are merged: an empty cell that is not covered stays empty
    ruled = measures([_table(header, *rows, spanned=[False] * 4)], [_page(1, "")], 2568, 2568)
    assert ruled[1].responsible is None


def test_a_numbered_heading_with_no_labelled_lines_is_the_section_of_the_paragraph_measures_below():
    pages = [_page(1, "1) กระบวนการปฏิบัติงานที่โปร่งใส",
                   "(1) มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง",
                   "วิธีการดำเนินการ: เผยแพร่ทางเว็บไซต์",
                   "ผู้รับผิดชอบ: กองคลัง",
                   "2) การให้บริการและระบบ E-Service",
                   "(2) โครงการพัฒนาระบบรับเรื่องร้องเรียน",
                   "ระยะเวลา: ม.ค. 68",
                   "หน่วยงานรับผิดชอบ: สำนักปลัด",
                   "(ลงช่อื ) ผู้รายงาน")]  # a printer's damaged marks: still a signature
    found = measures([], pages, 2568, 2568)
    assert [(m.section, m.responsible) for m in found] == [("กระบวนการปฏิบัติงานที่โปร่งใส", "กองคลัง"),
                                                          ("การให้บริการและระบบ E-Service", "สำนักปลัด")]


def test_a_signature_under_a_table_without_rules_is_no_part_of_its_last_row():
    header = ["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ผลลัพธ์"]
    table = _table(header, ["๑. มาตรการเผยแพร่แผน", "เผยแพร่", "กองคลัง", "บุคลากรมีความรู้ (ลงชื่อ) ผู้รายงาน"])
    assert measures([table], [_page(1, "")], 2568, 2568)[0].outcome == "บุคลากรมีความรู้"


def test_a_wrapped_section_heading_right_above_a_table_is_its_section():
    header = ["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา"]
    table = _table(header, ["๑. มาตรการเผยแพร่แผน", "เผยแพร่", "กองคลัง", "ม.ค. ๖๘"], page=2)
    table.rows[0].sources = [Provenance(2, (50, 120, 150, 136), "มาตรการ", "pdfium", 1.0)]
    page = PageLayout(2, 595, 842, [TextLine("2. มาตรการส่งเสริมคุณธรรม", 40, 40, 500, 56, page=2),
                                    TextLine("1) การป้องกันผลประโยชน์ทับซ้อนและการใช้ทรัพย์สินของ", 40, 70, 500, 86, page=2),
                                    TextLine("ราชการ", 40, 90, 100, 106, page=2)])
    assert measures([table], [page], 2568, 2568)[0].section == "การป้องกันผลประโยชน์ทับซ้อนและการใช้ทรัพย์สินของ ราชการ"


def test_the_text_column_beside_the_output_is_the_outcome():
    header = ["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ผลการดำเนินการ", "สิ่งที่เปลี่ยนแปลง"]
    rows = [["๑. มาตรการจัดทำคู่มือ", "จัดทำและเผยแพร่คู่มือ", "กองคลัง", "จัดทำคู่มือ 1 ฉบับ", "ประชาชนเข้าถึงข้อมูลได้สะดวก"],
            ["๒. โครงการอบรมบุคลากร", "จัดอบรมเจ้าหน้าที่", "สำนักปลัด", "อบรมบุคลากร 40 คน", "ผู้รับบริการพึงพอใจมากขึ้น"]]
    assert table_roles(header, rows)[4] == "outcome"


def test_a_column_of_positions_under_a_header_naming_no_role_is_the_responsible():
    """Who answers for a measure printed as a position (`ผู้อำนวยการกองช่าง`, `นิติกร`), not an office."""
    header = ["เรื่อง", "การปฏิบัติ", "ห้วงเวลา", "ผู้ทำ"]
    people = ["นิติกร", "ผู้อำนวยการกองช่าง", "นักวิเคราะห์นโยบายและแผน", "หัวหน้าสำนักปลัด"]
    rows = [[f"{i + 1}. มาตรการส่งเสริมความโปร่งใสเรื่องที่ {i + 1}", "จัดประชุมชี้แจงแนวทางการปฏิบัติงาน",
             "ต.ค. ๖๗ - ก.ย. ๖๘", who] for i, who in enumerate(people)]
    assert table_roles(header, rows)[3] == "responsible"
    got = measures([_table(header, *rows)], [_page(1, "มาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")], 2567, 2568)
    assert [m.responsible for m in got] == people


def test_a_header_naming_a_list_number_over_running_text_leaves_the_column_to_its_cells():
    """`ลำดับขั้น…` (the order of the steps) opens like `ลำดับ` (the list number) but heads the method."""
    header = ["มาตรการ", "ลำดับขั้นตอนงาน", "ผู้รับผิดชอบ", "ระยะเวลา"]
    rows = [["1. มาตรการจัดทำคู่มือการปฏิบัติงาน", "1. แต่งตั้งคณะทำงาน 2. จัดทำคู่มือและเผยแพร่", "กองคลัง", "ต.ค. ๖๗"],
            ["2. โครงการอบรมคุณธรรมจริยธรรม", "1. สำรวจความต้องการ 2. จัดอบรมบุคลากร", "สำนักปลัด", "ม.ค. ๖๘"]]
    assert table_roles(header, rows)[1] == "method"


def test_a_head_naming_no_column_over_the_next_page_part_of_a_table_continues_it():
    """The rest of a cut row taken for the head of the table's next part names no column: the part goes on
    with the roles of the table before, whatever its few cells would suggest (a short office-like word)."""
    header = ["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ"]
    first = _table(header, ["1. มาตรการจัดทำคู่มือการปฏิบัติงาน", "1. แต่งตั้งคณะทำงาน", "กองคลัง", "ต.ค. ๖๗ - ก.ย. ๖๘"])
    rest = ["และเผยแพร่", "ต่อสาธารณะ", "วัฒนธรรม", "2568"]
    second = Table([TableRow(rest, 2, "header"),
                    TableRow(["ให้เป็นรูปธรรม", "บังคับใช้จนเกิดผลสัมฤทธิ์", "", "2568"], 2, "body"),
                    TableRow(["2. โครงการอบรมคุณธรรมจริยธรรม", "1. จัดอบรมบุคลากร", "กองการศึกษา", "มกราคม ๒๕๖๘"], 2, "body")],
                   [2], 4, rest)
    got = measures([first, second], [_page(1, "มาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"), _page(2)], 2567, 2568)
    assert [(m.responsible, str(m.period_start)) for m in got] == [("กองคลัง", "2024-10-01"), ("กองการศึกษา", "2025-01-01")]


def test_a_period_split_into_a_start_and_an_end_column_runs_from_one_to_the_other():
    """`ระยะเวลา` spanning two columns of dates (`เริ่ม` / `สิ้นสุด` under it, any wording): the second column of dates
    right after the period's is where it ends, not a column nobody reads."""
    header = ["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา\nเริ่ม", "สิ้นสุด"]
    rows = [["๑. มาตรการเผยแพร่แผนการจัดซื้อจัดจ้าง", "เผยแพร่ทางเว็บไซต์", "กองคลัง", "๑ ต.ค. ๒๕๖๗", "๓๐ ก.ย. ๖๘"],
            ["๒. มาตรการตรวจสอบภายใน", "ตรวจสอบทุกไตรมาส", "สำนักปลัด", "มกราคม ๒๕๖๘", "มีนาคม ๒๕๖๘"],
            ["๓. โครงการอบรมให้ความรู้", "จัดอบรมบุคลากร", "กองช่าง", "๑ พ.ค. ๒๕๖๘", "๓๑ พฤษภาคม ๒๕๖๘"]]
    assert table_roles(header, rows)[4] == "period_end"
    found = measures([_table(header, *rows)], [_page(1, "")], 2568, 2568)
    assert [(str(m.period_start), str(m.period_end)) for m in found] == [
        ("2024-10-01", "2025-09-30"), ("2025-01-01", "2025-03-31"), ("2025-05-01", "2025-05-31")]
    # one column of dates stays a period of its own (a single date is that day)
    alone = measures([_table(header[:4], *[r[:4] for r in rows])], [_page(1, "")], 2568, 2568)
    assert str(alone[1].period_start) == "2025-01-01" and str(alone[1].period_end) == "2025-01-31"


def test_a_result_header_naming_the_work_is_the_output_and_dashes_and_repeated_heads_cast_no_vote():
    # `ผล…` heads a result whatever work it names after (`…โครงการ…` would otherwise name the measure); a budget
    # column of amounts and `-` (no amount stated) is the budget; the head printed again for the next section's
    # table (a wording no list holds) is neither a vote on the roles nor a measure
    header = ["หัวข้อ", "ขั้นตอน", "ผู้รับผิดชอบ", "จำนวนเงินที่ตั้งไว้ (บาท)", "ผลการขับเคลื่อนโครงการ"]
    rows = [["๑. มาตรการเผยแพร่แผนการจัดซื้อจัดจ้าง", "เผยแพร่ทางเว็บไซต์ทุกเดือน", "กองคลัง", "๑๒,๐๐๐.๐๐",
             "ดำเนินการแล้วเสร็จ ๑๒ ครั้ง"],
            header,
            ["๒. โครงการอบรมให้ความรู้แก่บุคลากร", "จัดอบรมปีละสองครั้ง", "สำนักปลัด", "-", "อบรมบุคลากร จำนวน ๔๕ คน"],
            ["๓. กิจกรรมสำรวจความพึงพอใจ", "สำรวจและสรุปผลเสนอผู้บริหาร", "กองช่าง", "-", "ดำเนินการแล้วเสร็จ"]]
    found = measures([_table(header, *rows)], [_page(1, "")], 2568, 2568)
    assert [m.measure for m in found] == ["มาตรการเผยแพร่แผนการจัดซื้อจัดจ้าง", "โครงการอบรมให้ความรู้แก่บุคลากร",
                                          "กิจกรรมสำรวจความพึงพอใจ"]
    assert [m.budget for m in found] == [12000.0, None, None]
    assert found[1].output == "อบรมบุคลากร จำนวน 45 คน"
