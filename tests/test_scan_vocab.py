"""Catalog wordings as the closed vocabulary of OCR'd measure cells (parsers/scan_vocab.py): a damaged reading
of a wording is written as the catalog prints it, its code only where OCR read an agreeing code in front, and
text that is no wording is left alone."""
from __future__ import annotations

import csv

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import scan_vocab
from parsers.scan_vocab import snap_wording

TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"


def _catalog(year: int) -> list[dict]:
    with (scan_vocab.CATALOGS / f"ita_catalog_{year}.csv").open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if len(row["text"].replace(" ", "")) >= 40]


def _unique(rows: list[dict]) -> list[dict]:
    """Rows whose wording has one code in that year."""
    codes: dict[str, set[str]] = {}
    for row in rows:
        codes.setdefault(row["text"], set()).add(row["code"])
    return [row for row in rows if len(codes[row["text"]]) == 1]


ROWS = _unique(_catalog(2568))


def _without_twins(rows: list[dict]) -> list[dict]:
    """Rows whose wording no other catalog wording comes within 0.8 of (twins are left as read, by design)."""
    from rapidfuzz.distance import Levenshtein

    keys = list(scan_vocab.wordings())
    out = []
    for row in rows:
        key = row["text"].replace(" ", "")
        if all(k == key or Levenshtein.normalized_similarity(k, key) < 0.8 for k in keys):
            out.append(row)
    return out


LONE_ROWS = _without_twins(ROWS)


def test_a_damaged_wording_behind_a_misread_code_is_written_as_the_catalog_prints_it():
    wording = "เจ้าหน้าที่ในหน่วยงานของท่าน มีการเรียกรับสินบนเพื่อแลกกับการปฏิบัติงานหรือการให้บริการหรือไม่"
    code = next(r["code"] for r in ROWS if r["text"] == wording)
    read = "(0 นา ยบ a 1 13* เจ้าหน้าทีในหน่วยงานของท่าน มีการเรียกรับสินบนเพือแลกกับการปฏิบัติงาน A 1 หรือการให้บริการหรือไม่"
    assert snap_wording(read, {2568}) == (f"{code}* {wording}", None)


def test_no_code_is_written_where_ocr_read_none_or_one_that_disagrees():
    row = next(r for r in ROWS if r["code"].startswith("i") and len(r["code"]) == 2)
    damaged = row["text"].replace("\u0e48", "", 1)
    assert snap_wording(damaged, {2568}) == (row["text"], None)  # nothing printed in front: no code
    text, _ = snap_wording("ee " + damaged, {2568})  # the letter of another tool, no number: kept as read
    assert text == "ee " + row["text"]


def test_a_code_whose_letter_ocr_lost_is_written_when_its_thai_number_agrees():
    """`i๕` read `๕` (the letter lost, the number in Thai digits): the catalog's one code for the wording holds
    that number, so it is written; another number, Thai or Arabic, writes no code."""
    row = next(r for r in ROWS if len(r["code"]) == 2 and r["code"][1] in "56789")
    thai = "๐๑๒๓๔๕๖๗๘๙"[int(row["code"][1])]
    assert snap_wording(f"{thai} {row['text']}", {2568}) == (f"{row['code']} {row['text']}", None)
    other = "๑" if row["code"][1] != "1" else "๒"
    assert snap_wording(f"{other} {row['text']}", {2568})[0] == f"{other} {row['text']}"


def test_text_that_is_no_wording_is_left_as_read():
    for text in ("จัดทำคู่มือการปฏิบัติงานและเผยแพร่ให้ประชาชนทราบทางเว็บไซต์ของหน่วยงาน",
                 "1.แต่งตั้งคณะกรรมการตรวจสอบพัสดุประจำปี 2.คณะกรรมการรายงานผล", "กองคลัง", ""):
        assert snap_wording(text, {2568}) == (text, None)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(LONE_ROWS), st.data())
def test_wordings_with_lost_tone_marks_come_back_whole_with_their_code(row, data):
    wording = row["text"]
    marks = [i for i, char in enumerate(wording) if char in TONE_MARKS]
    lost = data.draw(st.sets(st.sampled_from(marks), max_size=min(3, len(marks))) if marks else st.just(set()))
    damaged = "".join(char for i, char in enumerate(wording) if i not in lost)
    prefix = data.draw(st.sampled_from(["", row["code"], row["code"][0] + "o"]))
    got, warning = snap_wording(f"{prefix} {damaged}".strip(), {2568})
    assert warning is None
    want = f"{row['code']} {wording}" if prefix else wording
    read = f"{prefix} {damaged}".strip()
    if got != read:  # snapped: to this wording and this code (a wording with a close twin may be left as read)
        assert got.replace(" ", "") == want.replace(" ", "")  # any year's spacing
        assert not prefix or got.split()[0] == row["code"]


def test_words_ocr_damaged_are_restored_and_correct_thai_is_not_touched():
    from parsers.scan_vocab import restore_words

    assert restore_words("กิจกรรมเชิดชูเกียรติเจ้าหน้าทีผู้ปฏิบัติงาน") == "กิจกรรมเชิดชูเกียรติเจ้าหน้าที่ผู้ปฏิบัติงาน"
    assert restore_words("ประพฤติมิซอบ อธิบายได้อย่างขัดเจน") == "ประพฤติมิชอบ อธิบายได้อย่างชัดเจน"
    for text in ("กำหนดใหม่ให้ทุกกอง", "เจ้าหน้าที่ในหน่วยงาน", "เสียงของประชาชน", ""):
        assert restore_words(text) == text


ALL_WORDINGS = sorted({row["text"] for year in (2565, 2567) for row in _catalog(year)})


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(ALL_WORDINGS), min_size=1, max_size=3), st.sampled_from(["", " "]))
def test_printed_wordings_are_never_changed(wordings, glue):
    from parsers.scan_vocab import restore_words

    text = glue.join(wordings)
    assert restore_words(text) == text


def test_every_restoration_reads_as_no_thai_word():
    from pythainlp.corpus import thai_words

    table, _ = scan_vocab._restorations()
    words = set(thai_words())
    assert table and not [read for read in table if read in words]
    assert all(read != word for read, word in table.items())


def test_an_indicator_row_gets_its_catalog_name_and_loses_a_garbled_list_number():
    from parsers.scan_vocab import snap_indicator_row

    # 02003 (clean 300 dpi): `๑` read `©`, the name's last mark lost; 01009: debris of marks before the name
    assert snap_indicator_row(["©", "IIT", "การปฏิบัติหน้าที", "85.33", "ผ่านเกณฑ์"]) == \
        ["", "IIT", "การปฏิบัติหน้าที่", "85.33", "ผ่านเกณฑ์"]
    assert snap_indicator_row(["10", "OIT", "9๑4 qe การป้องกันการทุจริต", "69.51"]) == \
        ["10", "OIT", "การป้องกันการทุจริต", "69.51"]
    # a name cut short where its cell wrapped, when its start is one indicator's only
    assert snap_indicator_row(["2", "IIT", "การใช้งบ", "94.83"])[2] == "การใช้งบประมาณ"


def test_rows_that_name_no_one_indicator_of_their_tool_are_left_as_read():
    from parsers.scan_vocab import indicator_by_name, snap_indicator_row

    for row in (["4", "IIT", "การใช้", "98.15"],  # indicators 2, 3 and 4 all begin so
                ["4", "EIT", "การใช้งบ", "98.15"],  # an IIT indicator under EIT: the row is not what it seems
                ["EIT", "ตัวชี้วัดที่8", "e11 การปฏิบัติหรือการให้บริการของเจ้าหน้าที่", "74.91"],  # a question row
                ["1", "การปฏิบัติหน้าที่", "85.33"]):  # no tool cell
        assert snap_indicator_row(row) == row
    assert indicator_by_name("การ") is None
    assert indicator_by_name("ปรับปรุงเว็บไซต์หน่วยงาน") is None



def test_a_cell_a_page_break_cut_is_snapped_whole_once_joined():
    """The rest of a cell a page break cut (the wording without its first words) reads close enough to the whole
    wording to be snapped on its own page; joined as snapped, the cell would print its first words twice. The
    pieces are joined as OCR read them, then the whole is snapped once (parsers/layout)."""
    from parsers import layout
    from parsers.records import PageLayout
    from parsers.tables import PageTable, PageText, RawRow, build_tables

    wording = next(row["text"] for row in LONE_ROWS if len(row["text"].replace(" ", "")) >= 80)
    cut = next(i for i in range(len(wording) // 10, len(wording)) if "\u0e01" <= wording[i] <= "\u0e2e")
    head, rest = wording[:cut], wording[cut:]
    assert snap_wording(rest, {2568})[0] == wording  # the rest alone is snapped whole on its page
    edges = [50.0, 100.0, 400.0, 500.0]
    page1 = PageTable(1, 50, 600, 500, 800, edges, [RawRow(["๑.", head, "กองคลัง"], 3, 600, 800)])
    page2 = PageTable(2, 50, 60, 500, 120, edges, [RawRow(["", rest, ""], 1, 60, 120)])
    pages = [PageLayout(n, 595.0, 842.0, [], ocr=True) for n in (1, 2)]
    page_tables = [page1, page2]
    warnings, snapped = layout._document_vocabularies(pages, page_tables)
    assert page2.rows[0].cells[1] == rest  # the page's own reading is left as read (a later reading reuses it)
    tables = build_tables(page_tables, [PageText(1, 842.0, []), PageText(2, 842.0, [])])
    layout._snap_joined_wordings(pages, tables, {1, 2}, snapped)
    body = [row for row in tables[0].rows if row.kind == "body"]
    assert [row.cells[1] for row in body] == [wording]


def test_a_snapped_piece_is_found_in_its_joined_cell_whatever_its_line_breaks():
    """A piece snapped with the lines OCR read in front kept (`1 15ท่านเชื่อมั่น\\nใ` before a shorter catalog
    wording) has its breaks joined when the tables are built; it is still found there and written back as read."""
    from parsers.layout import _as_read
    from parsers.pdf_text import join_lines

    snapped = "1 15ท่านเชื่อมั่น\nใ แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"
    read = "1 15ท่านเชื่อมั่น\nในกระบวนการ\nจัดการเรื่องร้อง\nเรียนการทุจริตและ\nประพฤติมิชอบ"
    joined = join_lines(f"{snapped}\nภายในหน่วยงานของท่านมากน้อยเพียงใด")
    assert _as_read(joined, [(snapped, read)]) == join_lines(f"{read}\nภายในหน่วยงานของท่านมากน้อยเพียงใด")
    assert _as_read(join_lines(snapped), [(snapped, read)]) == join_lines(snapped)  # the piece alone stays snapped


def test_a_code_refused_whole_by_the_scan_layer_is_the_catalog_code_of_its_wording():
    """`# ประกาศ…` (01001 p5: OCR refused the printed code, the scan layer wrote its mark): nothing read disagrees
    with the catalog's one code for the wording, so it is written; a `#` before text that is no wording stays."""
    row = ROWS[0]
    assert snap_wording(f"# {row['text']}", {2568}) == (f"{row['code']} {row['text']}", None)
    text = "# จัดทำคู่มือการปฏิบัติงานและเผยแพร่ให้ประชาชนทราบทางเว็บไซต์ของหน่วยงาน"
    assert snap_wording(text, {2568}) == (text, None)


def test_a_short_catalog_name_behind_a_garbled_code_gets_its_code():
    """`013” E-Service`, `ฆ๐๑โครงสร้าง`, `0ฯQ&A` (held-out 01013, dev 01001): the OIT's page names are too short to
    snap by similarity, but read letter for letter behind a code reading that agrees with the name's one code they
    are written `code name`, so the measure is the name and the code is found. Nothing is written where the code's
    reading disagrees or is absent, or where the years give the name two codes (Q&A: o8 in 2566, o6 in 2568)."""
    assert snap_wording("013” E-Service", {2568}) == ("o13 E-Service", None)
    assert snap_wording("ฆ๐๑โครงสร้าง", {2568}) == ("o1 โครงสร้าง", None)
    assert snap_wording("0ฯQ&A", {2568}) == ("o6 Q&A", None)
    for text in ("E-Service", "x Q&A", "กอง E-Service", "ข่าวประชาสัมพันธ์"):
        assert snap_wording(text, {2568}) == (text, None)
    assert snap_wording("0ฯQ&A", {2566, 2568}) == ("0ฯQ&A", None)


def test_the_code_right_before_a_wording_is_read_past_mark_debris_in_front():
    """`ข ya eo* เจ้าหน้าที่…` (01013 p9): marks read as letters before the code; the code is the prefix's last
    token, and it agrees with the wording's one code."""
    row = next(r for r in LONE_ROWS if r["code"].startswith("e"))
    assert snap_wording(f"ข ya eo* {row['text']}", {2568}) == (f"{row['code']}* {row['text']}", None)
    assert snap_wording(f"ข ya * {row['text']}", {2568})[0] == f"ข ya * {row['text']}"


def test_rows_a_page_break_cut_are_joined_when_their_first_cells_are_one_wording():
    """`ib* หน่วยงานของ` ending page 8 and `ท่าน มีการใช้งบ…` opening page 9 (01013): the code's 6 read `b` is no
    list number, so the table joining took the rest for a row of its own (every column filled). Joined as read
    they are the catalog's i6 wording behind an agreeing code: one row. A whole wording above the rest stays a row of its own."""
    from parsers import layout
    from parsers.records import PageLayout
    from parsers.tables import PageTable, PageText, RawRow, build_tables

    row = next(r for r in LONE_ROWS if r["code"] not in ("i1", "i11") and r["code"].startswith("i")
               and len(r["text"].replace(" ", "")) >= 60)
    wording = row["text"]
    cut = next(i for i in range(len(wording) // 6, len(wording)) if wording[i] == " " or "\u0e01" <= wording[i] <= "\u0e2e")
    head, rest = wording[:cut], wording[cut:]

    def run(first: str, second: str) -> list[list[str]]:
        edges = [50.0, 300.0, 400.0, 500.0]
        page1 = PageTable(1, 50, 600, 500, 800, edges, [RawRow([first, "1.เจ้าหน้าที่ผู้รับผิด", "งานวิเคราะห์"], 3, 600, 800)])
        page2 = PageTable(2, 50, 60, 500, 120, edges, [RawRow([second, "ชอบดำเนินการ", "นโยบายและแผน"], 3, 60, 120)])
        pages = [PageLayout(n, 595.0, 842.0, [], ocr=True) for n in (1, 2)]
        page_tables = [page1, page2]
        _, snapped = layout._document_vocabularies(pages, page_tables)
        tables = build_tables(page_tables, [PageText(1, 842.0, []), PageText(2, 842.0, [])])
        layout._snap_joined_wordings(pages, tables, {1, 2}, snapped)
        return [r.cells for r in tables[0].rows if r.kind == "body"]

    code = row["code"].replace("6", "b") if "6" in row["code"] else row["code"][0] + "b"
    assert run(f"{code}* {head}", rest) == [[f"{row['code']}* {wording}", "1.เจ้าหน้าที่ผู้รับผิดชอบดำเนินการ",
                                             "งานวิเคราะห์นโยบายและแผน"]]
    # a measure of its own above the rest (no wording with it) stays a row of its own
    assert len(run(f"{code}* จัดทำคู่มือการปฏิบัติงานและเผยแพร่ให้ประชาชนทราบทางเว็บไซต์ของหน่วยงาน", rest)) == 2
