"""Properties of the logical-table builder: whatever the rows, no text is lost or invented."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parsers.tables import PageTable, PageText, RawRow, build_tables, split_rows, wrap_rows

_CELL = st.sampled_from(["", "", "๑ จัดทำคู่มือ", "กองคลัง", "แต่งตั้งคณะกรรมการ", "ม.ค. ๖๘", "E-Service", "หน่วยงาน"])


@st.composite
def page_tables(draw):
    n_cols = draw(st.integers(2, 5))
    edges = [50.0 + 100 * i for i in range(n_cols + 1)]
    tables = []
    for page in range(1, draw(st.integers(1, 4)) + 1):
        rows = []
        for i in range(draw(st.integers(1, 5))):
            cells = draw(st.lists(_CELL, min_size=n_cols, max_size=n_cols))
            n_real = draw(st.sampled_from([1, n_cols]))
            if n_real == 1:
                cells = [cells[0]] + [""] * (n_cols - 1)
            rows.append(RawRow(cells, n_real, 100.0 + 40 * i, 130.0 + 40 * i, draw(st.booleans())))
        tables.append(PageTable(page, edges[0], 100.0, edges[-1], rows[-1].bottom, edges, rows))
    return tables


def _visible(texts) -> str:
    return "".join(sorted("".join(t.split()) for t in texts))


@given(page_tables())
def test_every_character_of_every_cell_lands_in_exactly_one_row(tables):
    pages = [PageText(t.page, 842.0, []) for t in tables]
    built = build_tables(tables, pages)
    given_chars = sorted("".join(c for row in t.rows for cell in row.cells for c in cell if not c.isspace()) for t in tables)
    got_chars = sorted("".join(c for t in built for row in t.rows for cell in row.cells for c in cell if not c.isspace()))
    assert sorted("".join(given_chars)) == got_chars
    assert all(len(row.cells) == t.n_cols for t in built for row in t.rows)
    assert all(row.page in t.pages for t in built for row in t.rows)


@given(page_tables())
def test_same_columns_on_following_pages_make_one_table(tables):
    pages = [PageText(t.page, 842.0, []) for t in tables]
    built = build_tables(tables, pages)
    assert len(built) <= 1
    if built:
        assert built[0].pages == sorted(built[0].pages)


@given(page_tables())
def test_merging_wrapped_lines_keeps_every_character(tables):
    for table in tables:
        boxes = [[(table.x0, row.top, table.x1, row.bottom)] for row in table.rows]
        merged = wrap_rows(table.rows, split_rows(boxes, [row.cells[0] for row in table.rows]))
        before = sorted(c for row in table.rows for cell in row.cells for c in cell if not c.isspace())
        after = sorted(c for row in merged for cell in row.cells for c in cell if not c.isspace())
        assert before == after
        assert len(merged) <= len(table.rows)


def test_a_first_row_naming_columns_is_a_header_without_bold():
    # As OCR gives it: no font weights, a stray digit read from noise in one cell.
    header = RawRow(["มาตรการ/โครงการ", "๐ วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา"], 4, 100, 130)
    body = RawRow(["มาตรการยกระดับการเปิดเผยข้อมูล", "๑. ตรวจสอบลิงก์", "งานนิติการ", "ก.พ. ๖๗"], 4, 130, 160)
    table = PageTable(1, 50, 100, 450, 160, [50, 150, 250, 350, 450], [header, body])
    built = build_tables([table], [PageText(1, 842.0, [])])
    assert [r.kind for r in built[0].rows] == ["header", "body"]
    assert built[0].header == ["มาตรการ/โครงการ", "๐ วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา"]


def test_a_first_row_with_a_score_stays_a_body_row():
    row = RawRow(["ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่", "คะแนน 95.50"], 2, 100, 130)
    table = PageTable(1, 50, 100, 350, 130, [50, 200, 350], [row])
    assert [r.kind for r in build_tables([table], [PageText(1, 842.0, [])])[0].rows] == ["body"]


def test_a_cut_rows_rest_that_looks_like_header_labels_on_the_next_page_is_joined_to_the_row():
    """Tables without rules: the layout marks short label-like lines under a repeated header as header lines;
    one that is none of the table's header as first printed is the rest of the row the break cut."""
    edges = [50, 150, 250, 350, 450]
    head = [RawRow(["เรื่องที่", "การ", "เจ้าของ", "ช่วง"], 4, 100, 115, header=True),
            RawRow(["พัฒนา", "ปฏิบัติ", "เรื่อง", "เวลา"], 4, 115, 130, header=True)]
    first = RawRow(["๒.๑ มาตรการอบรม", "๑. กำหนดมาตรการ", "กองการ", "มกราคม -"], 4, 130, 800)
    rest = RawRow(["จริยธรรมสำหรับ", "การป้องกัน", "ศึกษา", "มิถุนายน"], 4, 130, 145, header=True)
    more = RawRow(["บุคลากรทุกระดับ", "การทุจริต", "", "๒๕๖๖"], 4, 145, 200)
    after = RawRow(["๒.๒ โครงการสำรวจความพึงพอใจ", "๑. สำรวจ", "สำนักปลัด", "ตุลาคม ๒๕๖๕"], 4, 200, 260)
    again = [RawRow(list(r.cells), 4, r.top, r.bottom, header=True) for r in head]
    pages = [PageTable(1, 50, 100, 450, 800, edges, head + [first]),
             PageTable(2, 50, 100, 450, 260, edges, again + [rest, more, after])]
    built = build_tables(pages, [PageText(1, 842.0, []), PageText(2, 842.0, [])])
    bodies = [r for r in built[0].rows if r.kind == "body"]
    assert [r.cells[0].split()[0] for r in bodies] == ["๒.๑", "๒.๒"]
    assert "จริยธรรมสำหรับ" in bodies[0].cells[0] and "บุคลากรทุกระดับ" in bodies[0].cells[0]
    assert "๒๕๖๖" in bodies[0].cells[3]


def test_a_lone_list_number_in_its_cell_starts_a_row_below_a_cut_rows_rest():
    """The first column holds only the number (`๑๐.`, the indicator's) on the page's one numbered line."""
    boxes = [[(50, 100 + 20 * i, 140, 115 + 20 * i), (150, 100 + 20 * i, 240, 115 + 20 * i)] for i in range(5)]
    starts = split_rows(boxes, ["การ", "ทำงาน", "", "๑๐.", "การ"])
    assert starts == [True, False, False, True, False]


def test_a_merged_cell_cut_by_the_page_break_covers_the_first_row_of_the_next_page():
    """A responsible cell merged over three measures, the third on the next page: the printer closes the merged
    cell at the page foot and draws its rest empty and uncovered; the empty cell is covered all the same."""
    edges = [50, 150, 250, 350]
    head = ["มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ"]
    page1 = [RawRow(head, 3, 100, 120, spanned=[False] * 3),
             RawRow(["O ๘ มาตรการเผยแพร่แผน", "๑. ตรวจสอบ", "กองคลัง"], 3, 120, 400, spanned=[False] * 3),
             RawRow(["E ๙ โครงการควบคุมการยืม", "กำหนดมาตรการ", ""], 2, 400, 780, spanned=[False, False, True])]
    page2 = [RawRow(head, 3, 60, 80, spanned=[False] * 3),
             RawRow(["I ๑๓ ผู้บริหารสูงสุด", "๑. ติดตามผล", ""], 3, 80, 300, spanned=[False] * 3),
             RawRow(["I ๗ ผู้บังคับบัญชา", "จัดทำสื่อ", "กองช่าง"], 3, 300, 500, spanned=[False] * 3)]
    built = build_tables([PageTable(1, 50, 100, 350, 780, edges, page1), PageTable(2, 50, 60, 350, 500, edges, page2)],
                         [PageText(1, 842.0, []), PageText(2, 842.0, [])])
    bodies = [r for r in built[0].rows if r.kind == "body"]
    assert [r.spanned[2] for r in bodies] == [False, True, True, False]
