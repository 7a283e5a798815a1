"""Rows a page break cuts at both ends, cells merged over a page foot, closing total rows, quarter columns without
rules (issue #12, variety7): each mechanism on geometry drawn by hand as Chromium and WeasyPrint print it, so
that what is asserted could fail."""
from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from parsers.ita.measures import _is_total, _paragraph_rows, _Row, measures
from parsers.ita.statements import overall
from parsers.records import PageLayout, Table, TableRow, TextLine
from parsers.tables import RawRow, _sub_column_gaps, header_lines, split_rows
from tests.pdf_factory import font_names

X = [50.0, 150.0, 300.0, 380.0, 460.0]  # four columns
TOP, FOOT = 60.0, 790.0  # points from the page top: where a browser's cut row's side rules start and end


def _text(pdf, regular, x, y_top, lines):
    for i, line in enumerate(lines):
        pdf.setFont(regular, 13)
        pdf.drawString(x + 4, A4[1] - (y_top + 16 + i * 17), line)


def _vrules(pdf, top, bottom, xs=X):
    for x in xs:
        pdf.line(x, A4[1] - top, x, A4[1] - bottom)


def _hrule(pdf, y, xs=X):
    pdf.line(xs[0], A4[1] - y, xs[-1], A4[1] - y)


def _browser_cut_pdf(path):
    """Page 1: header and a row whose method runs past the page foot (side rules to the foot, no bottom rule).
    Page 2: that row's rest with no rule above it, a rule, the next row, its side rules to the foot again.
    Page 3: the second row's last lines, no rule above, then the table's bottom rule."""
    regular, _ = font_names()
    pdf = canvas.Canvas(str(path), pagesize=A4)
    _hrule(pdf, 100), _hrule(pdf, 130), _vrules(pdf, 100, 130)
    for x, head in zip(X, ["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา"]):
        _text(pdf, regular, x, 105, [head])
    _vrules(pdf, 130, FOOT)
    _text(pdf, regular, X[0], 135, ["๑. จัดทำคู่มือ", "การปฏิบัติงาน"])
    _text(pdf, regular, X[1], 135, [f"ขั้นตอนที่ {n} ของงาน" for n in range(1, 30)][:36])
    _text(pdf, regular, X[2], 135, ["สำนักปลัด"])
    _text(pdf, regular, X[3], 135, ["ต.ค. ๒๕๖๗"])
    pdf.showPage()
    _vrules(pdf, TOP, 300), _hrule(pdf, 300), _vrules(pdf, 300, FOOT)
    _text(pdf, regular, X[1], TOP + 5, ["และรายงานผลต่อผู้บริหาร", "ทุกไตรมาส"])
    _text(pdf, regular, X[0], 305, ["๒. เผยแพร่ข้อมูล", "สาธารณะ"])
    _text(pdf, regular, X[1], 305, [f"กิจกรรมที่ {n} ของมาตรการ" for n in range(1, 28)])
    _text(pdf, regular, X[2], 305, ["กองคลัง"])
    _text(pdf, regular, X[3], 305, ["พ.ย. ๒๕๖๗"])
    pdf.showPage()
    _vrules(pdf, TOP, 140), _hrule(pdf, 140)
    _text(pdf, regular, X[1], TOP + 5, ["ประเมินผลเมื่อสิ้นปี"])
    pdf.showPage()
    pdf.save()
    return path


def test_a_row_cut_at_both_ends_of_a_page_keeps_its_columns_and_joins_its_row(tmp_path):
    from parsers.layout import extract_layout

    layout = extract_layout(_browser_cut_pdf(tmp_path / "cut.pdf"))
    tables = [t for t in layout.tables if any(r.kind == "body" for r in t.rows)]
    assert len(tables) == 1 and tables[0].n_cols == 4, [(t.pages, t.n_cols) for t in layout.tables]
    body = [r for r in tables[0].rows if r.kind == "body"]
    assert [r.cells[0].split()[0] for r in body] == ["๑.", "๒."], [r.cells for r in body]
    assert "ทุกไตรมาส" in body[0].cells[1] and body[0].cells[2] == "สำนักปลัด"
    assert body[1].cells[1].endswith("ประเมินผลเมื่อสิ้นปี") and body[1].cells[2] == "กองคลัง"


def test_a_closing_total_row_is_the_sum_of_the_budgets_above_and_no_measure():
    above = [_Row({"measure": "๑. ก", "budget": "๗,๕๐๐.๕๐"}, 1, None), _Row({"measure": "๒. ข", "budget": "ไม่ใช้งบประมาณ"}, 1, None),
             _Row({"measure": "๓. ค", "budget": "๑๒,๐๐๐"}, 1, None)]
    assert _is_total({"number": "รวมทั้งหมด", "budget": "๑๙,๕๐๐.๕๐"}, above)
    assert not _is_total({"number": "รวมทั้งหมด", "budget": "๑๙,๕๐๐"}, above)  # no checksum: not told apart
    assert not _is_total({"measure": "๔. ง", "budget": "๑๙,๕๐๐.๕๐", "responsible": "กองคลัง"}, above)


def test_a_total_row_in_a_ruled_table_is_dropped_and_leaves_the_last_budget_alone():
    header = ["ที่", "มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา", "งบประมาณ (บาท)"]
    rows = [TableRow(header, 1, "header")]
    budgets = ["๕,๐๐๐", "๑๒,๐๐๐", "๑๕๐,๐๐๐"]
    for n, amount in enumerate(budgets, 1):
        rows.append(TableRow([str(n), f"มาตรการส่งเสริมคุณธรรมข้อที่ {n} ของหน่วยงาน", "จัดอบรมบุคลากรทุกระดับ",
                              "สำนักปลัด", "ต.ค. ๒๕๖๗ - ก.ย. ๒๕๖๘", amount], 1, "body"))
    rows.append(TableRow(["รวม", "", "", "", "", "๑๖๗,๐๐๐"], 1, "body", spanned=[False, True, True, True, True, False]))
    found = measures([Table(rows=rows, pages=[1], n_cols=6, header=header)], [], 2568, 2568)
    assert [m.budget for m in found] == [5000.0, 12000.0, 150000.0]


def test_in_a_numbered_table_the_pages_only_numbered_line_starts_a_row_however_far_the_next_line():
    boxes = [[(60, 100, 140, 116)], [(60, 140, 140, 156)], [(60, 200, 140, 216)]]  # a wide gap before the third
    cells = ["หัวตาราง", "o ๑๐ คู่มือการปฏิบัติงาน", "ของเจ้าหน้าที่"]
    assert split_rows(boxes, cells, numbered_table=True) == [True, True, False]
    assert split_rows(boxes, cells, numbered_table=False) == [True, False, True]  # without numbers: by the gaps


def _line(cells: list[str], top: float) -> RawRow:
    return RawRow(cells, len(cells), top, top + 16)


def test_a_title_over_unnamed_sub_columns_is_a_two_level_header_whatever_its_words():
    rows = [_line(["หัวเรื่องงาน", "ผู้ดูแล", "ห้วงเวลาทำงาน", "", "", "", "ผลที่เกิด"], 100),
            _line(["", "", "ไตรมาส", "ไตรมาส", "ไตรมาส", "ไตรมาส", ""], 118),
            _line(["", "", "๑", "๒", "๓", "๔", ""], 134),
            _line(["๑. จัดทำคู่มือ", "สำนักปลัด", "✓", "", "✓", "", "มีคู่มือ ๑ เล่ม"], 156)]
    assert header_lines(rows) == 3
    body_first = [_line(["๑. จัดทำคู่มือ", "สำนักปลัด", "", "", "", "", "มีคู่มือ"], 100)] + rows[1:3]
    assert header_lines(body_first) == 0  # a numbered first line is a row, not a header


def test_every_sub_column_gap_under_a_centred_title_splits_its_column():
    # a title centred over four quarter columns covers only the middle gap; ticks sit in every quarter
    title = [(60, 100, 120, 116), (200, 100, 300, 116)]
    subs = [(60, 120, 120, 136)] + [(160 + 45 * q, 120, 185 + 45 * q, 136) for q in range(4)]
    ticks = [(60, 140 + 20 * k, 120, 156 + 20 * k) for k in range(4)]
    lines = [title, subs] + [[ticks[k]] + [(168 + 45 * q, 140 + 20 * k, 176 + 45 * q, 156 + 20 * k) for q in range(4)]
                             for k in range(4)]
    found = _sub_column_gaps([(125, 155)], lines, list(range(len(lines))))
    assert len(found) == 3, found


def _page(texts: list[str]) -> PageLayout:
    lines = [TextLine(t, 50, 100 + 20 * i, 500, 116 + 20 * i, page=1) for i, t in enumerate(texts)]
    return PageLayout(1, 595, 842, lines)


def test_paragraph_measures_under_an_enumerating_word_without_thi_and_a_period_under_any_label():
    rows = _paragraph_rows([_page(["ข้อ ๑ ส่งเสริมการเปิดเผยข้อมูล", "วิธีการทำ: ปรับปรุงเว็บไซต์",
                                   "กำหนดเสร็จ: ตุลาคม ๒๕๖๗ - ธันวาคม ๒๕๖๗", "ข้อ ๒ ป้องกันสินบน",
                                   "วิธีการทำ: ประกาศนโยบาย", "ผู้รับผิดชอบ: สำนักปลัด"])])
    assert [r.cells.get("measure") for r in rows] == ["ส่งเสริมการเปิดเผยข้อมูล", "ป้องกันสินบน"]
    assert rows[0].cells.get("period") == "ตุลาคม ๒๕๖๗ - ธันวาคม ๒๕๖๗"
    assert "period" not in rows[1].cells


def test_a_weighted_mean_and_an_amount_of_points_are_the_overall_score():
    assert overall("หน่วยงานมีคะแนนถ่วงน้ำหนักรวม 88.10 คะแนน อยู่ในระดับ ผ่าน ปีงบประมาณ 2568", 2568).score == 88.10
    assert overall("ปี พ.ศ. 2568 ได้คะแนน จำนวน 91.20 คะแนน ระดับ ผ่านดีเยี่ยม", 2568).score == 91.20
    assert overall("น้ำหนัก 30 คะแนน", 2568) is None  # a weight is still no score
    assert overall("มีผู้เข้าร่วมจำนวน 45 คน", 2568) is None


def test_a_list_number_whose_point_a_printer_drew_first_is_still_a_list_number():
    from parsers.ita.text import strip_list_number
    from parsers.tables import starts_item

    assert strip_list_number(". ๑ อบรมคุณธรรม") == "อบรมคุณธรรม" and strip_list_number(". 3กิจกรรม") == "กิจกรรม"
    assert starts_item(". ๖มาตรการเผยแพร่") and not starts_item(".ค่าใช้จ่าย")


def test_a_list_number_the_scan_layer_refused_still_starts_a_row():
    """01001 p4: OCR refused the code before `ประกาศเจตนารมณ์…` (`# `); the line starts the next measure instead of
    going on with i11's. A `#` glued to a word or a number (a hashtag, `#1`) starts nothing."""
    from parsers.tables import starts_item

    assert starts_item("# ประกาศเจตนารมณ์") and starts_item("#. ประกาศเจตนารมณ์")
    assert not starts_item("#NoGiftPolicy") and not starts_item("#1 อันดับ") and not starts_item("#")
    boxes = [[(60, 100 + 20 * i, 140, 116 + 20 * i)] for i in range(4)]
    cells = ["11 ในหน่วยงานของท่าน", "มีเจ้าหน้าที่ที่นำทรัพย์สิน", "# ประกาศเจตนารมณ์", "นโยบายNoGiftPolicy"]
    assert split_rows(boxes, cells) == [True, False, True, False]
