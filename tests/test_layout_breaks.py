"""Rows that page breaks, wrapped headers and printers cut apart (issue #12): each mechanism on the geometry a
browser or Word print gives, built by hand so that what is asserted could fail."""
from __future__ import annotations

from parsers.layout import Word, _PageReader, _glyph_pieces, _runs_across
from parsers.records import Provenance
from parsers.tables import PageTable, PageText, RawRow, build_tables, header_lines, second_level, split_rows

EDGES = [50.0, 150.0, 300.0, 400.0, 500.0]
HEADER = ["มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ระยะเวลา", "ผู้รับผิดชอบ"]


def _row(cells, top, **kw) -> RawRow:
    return RawRow(list(cells), len(cells), top, top + 16, **kw)


def _box(top: float, x0: float = 60.0) -> list[tuple]:
    return [(x0, top, x0 + 80, top + 16)]


def test_lines_above_the_first_list_number_are_one_cut_row():
    # page 2 of a table without rules: two lines of the row the break cut (first cell empty), then row ๓
    first_cells = ["", "", "๓. มาตรการจัดทำคู่มือ", "การปฏิบัติงาน", "๔. โครงการเผยแพร่"]
    starts = split_rows([_box(100 + 20 * i) for i in range(5)], first_cells)
    assert starts == [True, False, True, False, True]


def test_a_wrapped_header_without_bold_is_kept_apart_from_the_rows_under_it():
    rows = [_row(["ลำ", "โครงการ/กิจกรรม/", "วิธีการดำเนินการ", "หน่วยงานที่"], 100),
            _row(["ดับ", "มาตรการ", "", "รับผิดชอบ"], 118),
            _row(["", "", "เรื่องการเรียกรับสินบน", ""], 136),  # the cut row's rest: one column
            _row(["๒", "มาตรการสร้างความโปร่งใส", "ติดตามและรายงาน", "งานนิติการ"], 160)]
    assert header_lines(rows) == 2


def test_a_bold_header_takes_only_its_bold_lines():
    rows = [_row(HEADER, 100, bold=True),
            _row(["ผู้บังคับบัญชามาก", "เผยแพร่ผ่านเว็บไซต์", "", ""], 118)]  # short, no digits, but not bold
    assert header_lines(rows) == 1


def test_month_labels_under_a_spanning_period_cell_are_the_headers_second_level():
    above = RawRow(["มาตรการ", "ระยะเวลาดำเนินการ", "", "", "ผู้รับผิดชอบ"], 3, 100, 120,
                   spanned=[False, False, True, True, False])
    months = RawRow(["", "ต.ค.", "พ.ย.", "ธ.ค.", ""], 3, 120, 140, spanned=[True, False, False, False, True])
    body = RawRow(["๑. มาตรการ", "✓", "", "", "กองคลัง"], 5, 140, 160, spanned=[False] * 5)
    assert second_level(months, above)
    assert not second_level(body, above)
    unruled = RawRow(["", "ต.ค .", "มี.ค .", "ไตรมาส 1", ""], 5, 120, 140)  # no rules: the band of labels says it
    assert second_level(unruled, RawRow(above.cells, 5, 100, 120))


def test_a_repeated_two_level_header_does_not_swallow_the_cut_rows_rest():
    cols = EDGES + [560.0]
    top = ["มาตรการ", "วิธีการ", "ระยะเวลาดำเนินการ", "", "ผู้รับผิดชอบ"]
    spanned_top = [False, False, False, True, False]
    sub = ["", "", "ต.ค.", "พ.ย.", ""]
    spanned_sub = [True, True, False, False, True]

    def page_rows(body):
        return [RawRow(top, 4, 60, 80, spanned=spanned_top), RawRow(sub, 2, 80, 100, spanned=spanned_sub)] + body

    one = PageTable(1, 50, 60, 560, 800, cols, page_rows([RawRow(["๑. มาตรการเสริมสร้าง", "จัดทำประกาศ", "■", "", "งานคลัง"], 5, 100, 800, spanned=[False] * 5)]))
    two = PageTable(2, 50, 60, 560, 300, cols, page_rows([
        RawRow(["ความรู้เรื่องผลประโยชน์", "และเผยแพร่", "", "■", ""], 5, 100, 200, spanned=[False] * 5),
        RawRow(["๒. กิจกรรมพัฒนาช่องทาง", "เปิดช่องทาง", "■", "", "กองช่าง"], 5, 200, 300, spanned=[False] * 5)]))
    built = build_tables([one, two], [PageText(1, 842.0, []), PageText(2, 842.0, [])])
    assert len(built) == 1
    body = [r for r in built[0].rows if r.kind == "body"]
    assert [r.cells[0] for r in body] == ["๑. มาตรการเสริมสร้างความรู้เรื่องผลประโยชน์", "๒. กิจกรรมพัฒนาช่องทาง"]
    assert all("ต.ค." not in c for r in body for c in r.cells)


def test_a_table_without_rules_continues_on_the_next_page_though_its_columns_moved():
    first = PageTable(1, 50, 600, 500, 800, EDGES, [_row(HEADER, 600), _row(["๑. มาตรการ", "จัดทำ", "ต.ค. ๖๗", "กองคลัง"], 640)])
    moved = [e + 9 for e in EDGES]  # the edges of a table without rules are the middles of its white space
    second = PageTable(2, 59, 60, 509, 200, moved, [_row(HEADER, 60), _row(["๒. โครงการ", "ประชุม", "ม.ค. ๖๘", "กองช่าง"], 100)])
    built = build_tables([first, second], [PageText(1, 842.0, []), PageText(2, 842.0, [])])
    assert len(built) == 1 and built[0].pages == [1, 2]
    assert [r.kind for r in built[0].rows] == ["header", "body", "header", "body"]


def test_the_rest_of_a_wrapped_header_cell_is_header_not_a_row():
    rows = [_row(["มาตรการ", "วิธีการ", "ผลลัพธ์หรือผลสัมฤทธิ์ใน", ""], 100),
            _row(["", "", "การดำเนินการ (outcome)", ""], 118),
            _row(["๑. มาตรการ", "จัดทำ", "บุคลากรมีความรู้", "กองคลัง"], 140)]
    page1 = PageTable(1, 50, 100, 500, 160, EDGES, rows)
    page2 = PageTable(2, 50, 60, 500, 160, EDGES, [_row(r.cells, r.top - 40) for r in rows[:2]]
                      + [_row(["", "", "และปฏิบัติงานโปร่งใส", ""], 100)])
    built = build_tables([page1, page2], [PageText(1, 842.0, []), PageText(2, 842.0, [])])
    body = [r for r in built[0].rows if r.kind == "body"]
    assert len(body) == 1 and body[0].cells[2] == "บุคลากรมีความรู้และปฏิบัติงานโปร่งใส"


def test_clipped_glyph_tops_at_a_page_foot_are_no_line():
    assert _glyph_pieces([Word("โ", 109, 793, 115, 809), Word("่", 480, 793, 483, 809)])
    assert not _glyph_pieces([Word("ๆ", 109, 793, 115, 809)])  # MAI YAMOK stands alone in `ต่าง ๆ`
    assert not _glyph_pieces([Word("โ", 109, 793, 115, 809), Word("กอง", 200, 793, 230, 809)])


def test_a_heading_under_a_table_runs_across_its_columns():
    inner = [150.0, 300.0]
    heading = [(60, 700, 148, 716), (152, 700, 200, 716)]  # `การให้บริการและระบบ E-Service`: a word space apart
    cells = [(60, 700, 140, 716), (160, 700, 240, 716)]  # padded cells
    assert _runs_across(heading, inner)
    assert not _runs_across(cells, inner)


def test_words_in_no_cell_of_a_ruled_table_are_read_into_the_open_row():
    # the last row of a page: pdfplumber closed the shaded month cell but no cell of the measure column
    reader = _PageReader(1, 842.0, None, [Word("๒.", 60, 640, 70, 655), Word("มาตรการ", 72, 640, 120, 655),
                                          Word("■", 310, 640, 320, 655)], ocr_used=True)
    reader.ocr_used = False  # a text page, without opening one: _uncovered reads only the words
    real = [(300.0, 635.0, 330.0, 713.0)]
    box = reader._uncovered([50.0, 150.0, 300.0, 330.0], 0, (50.0, 635.0, 330.0, 713.0), real)
    assert box is not None and box[0] == 50.0 and box[2] == 150.0 and box[1] <= 640 and box[3] >= 655
    assert reader._uncovered([50.0, 150.0, 300.0, 330.0], 1, (50.0, 635.0, 330.0, 713.0), real) is None


def test_build_keeps_the_provenance_of_joined_parts():
    src = Provenance(1, (50, 700, 150, 716), "๑. มาตรการ", "pdfium", 1.0)
    rest = Provenance(2, (50, 100, 150, 116), "เสริมสร้าง", "pdfium", 1.0)
    one = PageTable(1, 50, 600, 500, 800, EDGES, [_row(HEADER, 600, bold=True),
                                                 RawRow(["๑. มาตรการ", "ก", "ต.ค. ๖๗", "กองคลัง"], 4, 700, 716, sources=[src, None, None, None])])
    two = PageTable(2, 50, 60, 500, 200, EDGES, [_row(HEADER, 60, bold=True),
                                                RawRow(["เสริมสร้าง", "", "", ""], 4, 100, 116, sources=[rest, None, None, None])])
    built = build_tables([one, two], [PageText(1, 842.0, []), PageText(2, 842.0, [])])
    body = [r for r in built[0].rows if r.kind == "body"]
    assert len(body) == 1 and body[0].sources[0].page == 1 and "เสริมสร้าง" in body[0].sources[0].text


def test_a_long_cut_rest_above_the_pages_only_list_number_is_one_row():
    # a wrapped measure cell (`ของ` / `ราชการ` …) carries on over many lines before row ๕ starts
    first_cells = ["ของ", "ราชกา", "ร"] + [""] * 8 + ["๕. การ", "แก้ไข", "ปัญหา"]
    starts = split_rows([_box(100 + 28 * i) for i in range(len(first_cells))], first_cells)
    assert starts == [True] + [False] * 10 + [True, False, False]


def test_a_row_whose_first_cells_the_printer_moved_to_the_next_page_is_one_row():
    """WeasyPrint ends a page with the cells of a row that fit (district, total, level) and prints the others
    (name, tools) under the repeated header: the two parts fill complementary columns and are one row."""
    cols = [50.0, 200.0, 260.0, 300.0, 340.0, 380.0, 430.0, 500.0]
    header = ["หน่วยงาน", "อำเภอ", "IIT", "EIT", "OIT", "ผลคะแนน", "ผลการประเมิน"]
    whole = ["องค์การบริหารส่วนตำบลกาบัง", "กาบัง", "82.18", "82.34", "80.54", "81.57", "ต้องปรับปรุง"]
    one = PageTable(1, 50, 600, 500, 800, cols, [_row(header, 600, bold=True), _row(whole, 700),
                                                 _row(["", "เมืองยะลา", "", "", "", "78.19", "ต้องปรับปรุง"], 760)])
    two = PageTable(2, 50, 60, 500, 200, cols, [
        _row(header, 60, bold=True), _row(["องค์การบริหารส่วนตำบลบันนังสาเรง", "", "88.38", "80.14", "69.08", "", ""], 100),
        _row(["เทศบาลตำบลยะหา", "ยะหา", "67.79", "84.58", "72.34", "74.65", "ต้องปรับปรุง"], 140)])
    built = build_tables([one, two], [PageText(1, 842.0, []), PageText(2, 842.0, [])])
    body = [r.cells for r in built[0].rows if r.kind == "body"]
    assert body == [whole, ["องค์การบริหารส่วนตำบลบันนังสาเรง", "เมืองยะลา", "88.38", "80.14", "69.08", "78.19",
                            "ต้องปรับปรุง"], ["เทศบาลตำบลยะหา", "ยะหา", "67.79", "84.58", "72.34", "74.65", "ต้องปรับปรุง"]]


def _cut_row_pdf(path, column_rules: bool):
    """A ruled header, then one row whose lines run to the foot of the page with its column rules drawn down
    beside them and no rule under it (the page break cut it before its bottom rule, as WeasyPrint prints it);
    with column_rules=False the same lines under a header ruled alone (lines around the header only)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tests.pdf_factory import font_names

    regular, bold = font_names("Garuda")
    pdf = canvas.Canvas(str(path), pagesize=A4)
    widths, x0, top = [90, 180, 90, 150], 50, A4[1] - 640
    edges = [x0 + sum(widths[:i]) for i in range(len(widths) + 1)]
    pdf.setFont(bold, 12)
    for x, w, text in zip(edges, widths, ["หน่วยงาน", "วิธีการดำเนินการ", "ระยะเวลา", "มาตรการ"]):
        pdf.rect(x, top - 24, w, 24)
        pdf.drawString(x + 4, top - 17, text)
    lines = [["กอง", "๑. จัดทำสื่อประชาสัมพันธ์", "พฤษภาคม", "๑. มาตรการส่งเสริม"],
             ["สวัสดิการ", "งดรับ งดให้ ในช่วงเทศกาล", "- กันยายน", "คุณธรรมและ"],
             ["สังคม", "๒. ตรวจสอบสถานะลิงก์", "๒๕๖๗", "ความโปร่งใสภายในหน่วยงาน"]]
    pdf.setFont(regular, 12)
    for i, cells in enumerate(lines):
        for x, text in zip(edges, cells):
            pdf.drawString(x + 4, top - 44 - 18 * i, text)
    if column_rules:
        for x in edges:
            pdf.line(x, top - 24, x, 40)  # down to the page's foot: no rule closes the row
    pdf.showPage()
    pdf.save()
    return path


def test_a_ruled_row_cut_before_its_bottom_rule_is_one_row_not_one_per_line(tmp_path):
    from parsers.layout import extract_layout

    layout = extract_layout(_cut_row_pdf(tmp_path / "cut.pdf", column_rules=True))
    body = [r for t in layout.tables for r in t.rows if r.kind == "body"]
    assert len(body) == 1, [r.cells for r in body]
    assert body[0].cells[0].replace(" ", "") == "กองสวัสดิการสังคม"
    assert body[0].cells[3].startswith("๑. มาตรการส่งเสริมคุณธรรมและ")
    # the same lines under a header ruled alone say nothing of one row: no rule runs down beside them
    loose = extract_layout(_cut_row_pdf(tmp_path / "loose.pdf", column_rules=False))
    assert len([r for t in loose.tables for r in t.rows if r.kind == "body"]) > 1


def _line(cells: list[tuple[str, float, float]], top: float) -> tuple[RawRow, list[tuple]]:
    """A line of a table without rules: (text, x0, x1) per column ('' for an empty cell), its word boxes."""
    sources = [Provenance(1, (x0, top, x1, top + 16), text) if text else None for text, x0, x1 in cells]
    words = [(x0, top, x1, top + 16) for text, x0, x1 in cells if text]
    return RawRow([text for text, _, _ in cells], len(cells), top, top + 16, sources=sources), words


def test_a_wrapped_office_starts_no_row_and_a_cell_taken_up_again_does():
    # the office first, top-aligned cells, rows as far apart as lines (WeasyPrint, set 8): `สังคม` would not have
    # fitted after `กองสวัสดิการ`, nor `๖๗` after the period; `สำนักปลัด` comes after lines with no office
    from parsers.layout import _joined
    edges = [75.0, 154.0, 241.0, 385.0]
    lines = [_line([("กองสวัสดิการ", 75, 132), ("ต.ค. ๖๖ - ก.ย.", 161, 224), ("o๒๘ โครงการพัฒนาเผยแพร่", 247, 369)], 641),
             _line([("สังคม", 75, 98), ("๖๗", 161, 175), ("ข้อมูลการจัดซื้อจัดจ้างรายเดือน", 247, 379)], 661),
             _line([("", 0, 0), ("", 0, 0), ("ให้สาธารณชนทราบ", 247, 330)], 680),
             _line([("สำนักปลัด", 75, 118), ("กรกฎาคม -", 161, 210), ("มาตรการส่งเสริม", 247, 320)], 700)]
    rows = _joined([row for row, _ in lines], [words for _, words in lines], edges=edges)
    assert ["".join(row.cells[0].split()) for row in rows] == ["กองสวัสดิการสังคม", "สำนักปลัด"]
    # a short office under a short one is a row of its own (`กองคลัง` would have fitted after `งานนิติการ`)
    lines[0] = _line([("งานนิติการ", 75, 110), ("ต.ค. ๖๖ - ก.ย.", 161, 224), ("o๒๘ โครงการพัฒนาเผยแพร่", 247, 369)], 641)
    lines[1] = _line([("กองคลัง", 75, 109), ("๖๗", 161, 175), ("ข้อมูลการจัดซื้อจัดจ้างรายเดือน", 247, 379)], 661)
    rows = _joined([row for row, _ in lines], [words for _, words in lines], edges=edges)
    assert [row.cells[0].strip() for row in rows][:2] == ["งานนิติการ", "กองคลัง"]


def test_an_indented_sentence_across_a_table_without_rules_is_a_paragraph_not_a_heading():
    from parsers.layout import _paragraph_between
    edges = [72.0, 200.0, 330.0, 520.0]
    sentence = [Word("นอกจากนี้", 106, 552, 149, 568), Word("หน่วยงานยังได้กำหนดมาตรการที่ดำเนินการต่อเนื่อง", 153, 552, 479, 568),
                Word("ดังนี้", 483, 552, 515, 568)]
    assert _paragraph_between(sentence, edges)
    # a heading starts at the first column (or is bold, or numbered): it stays a section row
    assert not _paragraph_between([Word("๒) การป้องกันผลประโยชน์ทับซ้อน", 106, 552, 515, 568)], edges)
    assert not _paragraph_between([Word(w.text, w.x0, w.top, w.x1, w.bottom, bold=True) for w in sentence], edges)
    assert not _paragraph_between([Word("การป้องกันผลประโยชน์ทับซ้อนและการใช้ทรัพย์สินของราชการ", 72, 552, 515, 568)], edges)
    assert not _paragraph_between([Word("การป้องกันผลประโยชน์ทับซ้อน", 200, 552, 392, 568)], edges)  # centred
