"""Results announcements: generated PDFs in the forms real ones take, read through the whole path; every row
is checked (unit, scores, level, rank), nothing is invented, a row whose total does not add up comes out null."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from parsers.ita.announcement import header_role, level_of, looks_like_announcement, parse_number, read_announcement
from parsers.ita.result_checks import problems
from parsers.records import Assessment, PageLayout, ParsedDocument, Provenance, Table, TableRow, TextLine
from parsers import scan_numbers
from parsers.ita import announcement
from pipeline.discover import discover
from pipeline.load import build_rows
from pipeline.process import process_document
from pipeline.resolve import resolve_result_units
from pipeline.validate import check_results
from normalizers.digits import to_arabic_digits as to_arabic, to_thai_digits
from tests.announcement_factory import FORMS, AnnouncementSpec, make_announcement

FIELDS = {"iit": "iit", "eit": "eit", "eit1": "eit_part1", "eit2": "eit_part2", "oit": "oit"}


def _run(tmp_path, spec: AnnouncementSpec, scanned: bool = False):
    truth = make_announcement(tmp_path / "announcement.pdf", spec, scanned=scanned)
    (source,) = discover(tmp_path)
    return truth, process_document(source)


def _expected(row, spec):
    points = spec.form in ("points", "split")
    want = {"overall_score": None if row.broken else row.total}
    for key, name in FIELDS.items():
        if getattr(row, key) is not None:
            want[f"{name}_points" if points else name] = None if row.broken else getattr(row, key)
    return want


@pytest.mark.parametrize("name", sorted(FORMS))
def test_every_row_of_a_text_announcement(tmp_path, name):
    spec = FORMS[name]
    truth, result = _run(tmp_path, spec)
    parsed = result.parsed
    assert parsed.doc_type == "results_announcement"
    assert parsed.assessment_year == spec.year
    assert len(parsed.results) == len(truth)  # no header, page number, hint or signature became a row
    for row, got, unit in zip(truth, parsed.results, result.result_units):
        assert "".join(got.unit_raw.split()) == "".join(row.name.split())
        assert got.rank == row.rank
        for field, value in _expected(row, spec).items():
            assert getattr(got, field) == value, (row.name, field)
        assert got.level == row.level
        if row.unit_name:
            assert unit.unit_name == row.unit_name and unit.unit_id
        else:
            assert unit.unit_id is None and unit.unit_type == "วิทยาลัย" and unit.unit_name == row.name
        if spec.form == "overall" and not spec.abbreviated:
            assert got.district_raw == row.district  # from the district section rows
        assert got.source is not None and got.source.page >= 1
    for broken in (r for r in truth if r.broken):
        assert any(broken.name in w and "not kept" in w for w in result.warnings)
    rows = build_rows([result])["assessments"]
    assert len(rows) == len(truth) and [r["row"] for r in rows] == list(range(1, len(truth) + 1))
    assert all(r["unit_raw"] for r in rows)


def test_issuer_not_a_listed_unit(tmp_path):
    _, result = _run(tmp_path, FORMS["raw-2566"])
    assert result.unit.unit_id is None or result.unit.unit_id.startswith("PROV-")
    assert result.unit.province == "ปัตตานี"


def test_header_roles():
    assert header_role("เครื่องมือการประเมิน ITA IIT") == "IIT"
    assert header_role("EIT ส่วนที่ 2") == "EIT2" and header_role("EIT ส่วนที่ 1") == "EIT1"
    assert header_role("ระดับ ผลการประเมิน") == "level" and header_role("รวม") == "total"
    assert header_role("ชื่อสถานศึกษา") == "name" and header_role("ที่") == "rank" and header_role("อำเภอ") == "district"


def test_cells():
    assert parse_number("๒๙.๖๔") == (29.64, True)
    assert parse_number("-") == (None, True)  # no score
    assert parse_number("2964") == (None, False)  # unread, never 2964
    assert level_of("ปรับปรุง") == ("ปรับปรุง", False)  # outside the scale: as printed, flagged
    assert level_of("ผ่านดีเยี่ยม") == ("ผ่านดีเยี่ยม", True)


def _row(**values) -> Assessment:
    return Assessment(unit_raw="วิทยาลัยเทคนิคกันทรลักษ์", row=1, **values)


def test_checks_catch_each_inconsistency():
    good = _row(iit_points=29.64, eit_points=27.62, oit_points=33.51, overall_score=90.77, level="ผ่านดี")
    assert problems(good, 2568) == []
    assert problems(_row(iit_points=31.0, overall_score=31.0), 2568)  # over the weight
    assert problems(_row(iit_points=29.64, eit_points=27.62, oit_points=33.51, overall_score=90.79), 2568)
    assert problems(_row(overall_score=80.0, level="ผ่านดี"), 2568)  # band
    assert problems(_row(overall_score=84.0, level="A"), 2566)
    assert not problems(_row(overall_score=23.14, iit_points=23.14, level="ปรับปรุง"), 2568)  # `-` adds nothing


def test_validation_refuses_instead_of_guessing():
    rows = [_row(overall_score=99.0, level="ผ่านดีเยี่ยม", rank=1), _row(overall_score=98.0, rank=2),
            _row(overall_score=97.0, rank=3),
            _row(iit_points=20.0, eit_points=20.0, oit_points=30.0, overall_score=75.0, rank=4)]
    warnings = check_results(rows, 2568)
    assert rows[3].overall_score is None and rows[3].iit_points is None and rows[3].unit_raw
    assert len(warnings) == 1 and "not kept" in warnings[0]
    assert rows[0].overall_score == 99.0


CONFUSABLE = st.sampled_from(sorted(scan_numbers.CONFUSIONS))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 2999), min_size=3, max_size=3), st.integers(0, 2), st.integers(0, 4))
def test_scan_chooser_repairs_one_confused_digit_or_refuses(cents, which, position):
    """A row of points with one digit misread comes back right, or not at all: never a wrong reading."""
    values = [c / 100 for c in cents]
    total = round(sum(values), 2)
    truth = {"iit_points": values[0], "eit_points": values[1], "oit_points": values[2] + 10, "overall_score": total + 10}
    cells = {k: f"{v:.2f}" for k, v in truth.items()}
    field = list(cells)[which]
    text = cells[field]
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    i = digits[position % len(digits)]
    cells[field] = text[:i] + scan_numbers.CONFUSIONS[text[i]][0] + text[i + 1:]

    def accept(found):
        return not problems(Assessment(**found), 2568, 0.005)

    chosen = scan_numbers.choose(cells, accept)
    assert chosen is None or chosen == pytest.approx(truth)


def test_scan_chooser_refuses_garbage():
    assert scan_numbers.choose({"overall_score": "9#.12"}, lambda v: True) is None
    assert scan_numbers.readings("abc") == []


def test_row_units():
    parsed = ParsedDocument(province_raw="ปัตตานี", results=[
        Assessment(unit_raw="อบต.บือเระ", row=1), Assessment(unit_raw="บือเระ", unit_type_raw="อบต.", row=2),
        Assessment(unit_raw="โรงพยาบาลปัตตานี", row=3)])
    units = resolve_result_units(parsed)
    assert units[0].unit_name == units[1].unit_name == "องค์การบริหารส่วนตำบลบือเระ"
    assert units[2].unit_id is None and units[2].unit_type == "โรงพยาบาล" and units[2].unit_name == "โรงพยาบาลปัตตานี"



def test_row_units_narrowed_by_the_province_the_other_rows_resolved_in():
    """A scan that lost the title's province: the province where the rows' units resolve (an announcement lists
    one province's units) narrows a name found in several (วังใหญ่); a damaged type cell is the type it nears."""
    names = [("บ้านโหนด", "องค์การบริหารส่วนตำบล"), ("เทพา", "เทศบาลตำบล"), ("คลองแดน", "องค์การ. บริหารส่วนตำบล"),
             ("สะบ้าย้อย", "เทศบาลตำบล"), ("วังใหญ่", "องค์การบริหารส่วนตำบล")]
    parsed = ParsedDocument(results=[Assessment(unit_raw=n, unit_type_raw=t, row=i + 1) for i, (n, t) in enumerate(names)])
    alone = resolve_result_units(ParsedDocument(results=parsed.results[4:]))
    assert alone[0].unit_id is None  # วังใหญ่ is an อบต. of several provinces
    units = resolve_result_units(parsed)
    assert all(u.unit_id and u.province == "สงขลา" for u in units), [(u.unit_name, u.province) for u in units]
    assert units[2].unit_name == "องค์การบริหารส่วนตำบลคลองแดน"

def _line(text: str, top: float) -> TextLine:
    return TextLine(text, 50, top, 500, top + 12, page=1, engine="pdfium")


def test_rows_from_aligned_lines_without_a_grid():
    """No table found: rows from lines `rank name numbers level`, roles in the header line's order; the
    signature and the date line are not rows."""
    lines = [_line("ผลการประเมิน ITA ขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัดปัตตานี", 10),
             _line("ที่ ชื่อหน่วยงาน IIT EIT OIT รวม ระดับ", 30),
             _line("1 อบต.บือเระ 29.10 28.00 38.00 95.10 ผ่านดีเยี่ยม", 50),
             _line("2 ทต.ยะรัง 27.00 28.50 36.00 91.50 ผ่านดี", 70),
             _line("3 อบต.ดอน 25.00 - 30.00 55.00 ต้องปรับปรุงโดยด่วน", 90),
             _line("ประกาศ ณ วันที่ 31 ตุลาคม พ.ศ. 2568", 110)]
    page = PageLayout(1, 595, 842, lines)
    found = read_announcement([page], [], 2568)
    assert [(r.rank, r.unit_raw, r.iit_points, r.eit_points, r.oit_points, r.overall_score, r.level)
            for r in found.rows] == [
        (1, "อบต.บือเระ", 29.10, 28.00, 38.00, 95.10, "ผ่านดีเยี่ยม"), (2, "ทต.ยะรัง", 27.00, 28.50, 36.00, 91.50, "ผ่านดี"),
        (3, "อบต.ดอน", 25.00, None, 30.00, 55.00, "ต้องปรับปรุงโดยด่วน")]
    assert looks_like_announcement(found)


def test_structure_without_header_words():
    """A table whose header names nothing: rank, name, total and level from the cells themselves."""
    rows = [TableRow([str(i), f"องค์การบริหารส่วนตำบลทดสอบ{i}", f"{95 - i:.2f}", "A"], 1) for i in range(1, 6)]
    found = read_announcement([], [Table(rows, [1], 4)], 2566)
    assert [(r.rank, r.overall_score, r.level) for r in found.rows] == [(i, 95.0 - i, "A") for i in range(1, 6)]


def test_indicator_table_is_not_an_announcement():
    rows = [TableRow([name, f"{90 + i:.2f}"], 1) for i, name in enumerate(
        ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ", "การแก้ไขปัญหาการทุจริต"])]
    table = Table([TableRow(["ตัวชี้วัด", "คะแนน"], 1, "header")] + rows, [1], 2, ["ตัวชี้วัด", "คะแนน"])
    assert not looks_like_announcement(read_announcement([], [table], 2566))


def test_comparison_ranks_units_scored_only_by_an_announcement(tmp_path):
    from pipeline.compare import build_comparison, load_tables
    from pipeline.load import load

    spec = FORMS["overall-2567"]
    (tmp_path / "in").mkdir()
    truth, result = _run(tmp_path / "in", spec)
    load([result], tmp_path / "out")
    comparison = build_comparison(load_tables(tmp_path / "out"), "ปัตตานี", 2567)
    table = comparison.table.set_index("unit_name")
    for row in truth:
        assert table.loc[row.unit_name, "overall_score"] == row.total
        assert table.loc[row.unit_name, "n_documents"] == 1
    assert list(table["overall_score"]) == sorted((r.total for r in truth), reverse=True)
    assert all("(row " in path for path in comparison.documents["source_path"])


@pytest.mark.parametrize("names", [
    ["ค่าสาธารณูปโภค", "ค่าวัสดุ", "ค่าใช้สอย", "ค่าครุภัณฑ์ (งบลงทุน)", "ค่าตอบแทน"],  # a budget table
    ["บัญชีเอกสารส่วนที่ 1 ตามข้อ", "สำเนาหนังสือรับรองผลงาน ตามข้อ", "บัญชีเอกสารส่วนที่ 2 ตามข้อ",
     "ผู้ชนะการสอบราคาจะต้องทำสัญญา ในข้อ"],  # clauses of a tender
])
def test_tables_of_other_things_are_not_announcements(names):
    """Seen on the real corpus: rows with a name and a small number are not units with results."""
    rows = [TableRow([name, f"{10 + i * 3.5:.2f}"], 1) for i, name in enumerate(names)]
    table = Table([TableRow(["รายการ", "ร้อยละ"], 1, "header")] + rows, [1], 2, ["รายการ", "ร้อยละ"])
    assert not looks_like_announcement(read_announcement([], [table], 2567))


def _scanned(cells: list[str], page: int = 1) -> TableRow:
    return TableRow(cells, page, sources=[Provenance(page, (0, 0, 10, 10), c, "tesseract", 0.9) for c in cells])


def _points_rows(n: int = 6) -> list[list[str]]:
    """Rows of a weighted-points table: rank, name, total first, IIT, EIT, OIT, level (the sums hold)."""
    rows = []
    for i in range(n):
        iit, eit, oit = 28.0 - i * 0.37, 27.5 - i * 0.21, 36.0 - i * 0.55
        rows.append([str(i + 1), f"วิทยาลัยเทคนิคทดสอบ{'กขคงจฉชซ'[i]}", f"{iit + eit + oit:.2f}", f"{iit:.2f}",
                     f"{eit:.2f}", f"{oit:.2f}", "ผ่านดี"])
    return rows


def test_scanned_score_columns_named_by_their_sums():
    """A scanned header OCR garbled (`ผลคะแน`, `พา` for IIT) names nothing: the column whose numbers are the sum
    of the others is the total, the others the tools in print order, wherever the total stands."""
    header = _scanned(["ลำดัด!)", "เพี่นวยงาน", "ผลคะแน", "พา", "EIT", "OIT", "ระดับ"])
    table = Table([header] + [_scanned(r) for r in _points_rows()], [1], 7)
    found = read_announcement([], [table], 2568)
    assert len(found.rows) == 6  # the garbled header is no row
    first = found.rows[0]
    assert (first.overall_score, first.iit_points, first.eit_points, first.oit_points) == (91.5, 28.0, 27.5, 36.0)


def test_scanned_columns_stay_unnamed_when_no_sum_decides():
    """Numbers that add up under no naming (or under two) give no scores rather than guessed roles."""
    rows = [[str(i + 1), f"วิทยาลัยเทคนิคทดสอบ{'กขคงจฉ'[i]}", "50.00", f"{20 + i}.00", "10.00", "10.00", "ผ่านดี"]
            for i in range(6)]
    found = read_announcement([], [Table([_scanned(r) for r in rows], [1], 7)], 2568)
    assert all(r.overall_score is None and r.iit_points is None for r in found.rows)


def test_repeated_scanned_header_glued_onto_a_name_is_cut():
    """A page's repeated header read into the row below it (`…ทดสอบกชื่อสถานศึกษา`, `91.50 รวม`) loses the
    header's words; the header rows themselves are not rows."""
    header = ["ที่", "ชื่อสถานศึกษา", "รวม", "IIT", "EIT", "OIT", "ระดับ"]
    rows = _points_rows()
    glued = list(rows[3])
    glued[1] += "ชือสถานศึกษา"  # OCR lost the mark, as it does
    glued[2] += " รวม"
    table = Table([_scanned(header)] + [_scanned(r) for r in rows[:3]] + [_scanned(header, 2), _scanned(glued, 2)]
                  + [_scanned(r, 2) for r in rows[4:]], [1, 2], 7)
    found = read_announcement([], [table], 2568)
    assert [r.unit_raw for r in found.rows] == [r[1] for r in rows]
    assert found.rows[3].overall_score == float(rows[3][2])


def test_scanned_level_without_the_specks_beside_it():
    assert level_of("ง al ผ่านดีเยียม", scanned=True) == ("ผ่านดีเยี่ยม", True)
    assert level_of("1 a / ผานด", scanned=True) == ("ผ่านดี", True)
    assert level_of("B al", scanned=True) == ("B", True) and level_of("AA.", scanned=True) == ("AA", True)
    assert level_of("8", scanned=True) == (None, True)  # a B read as 8 is no level


def test_scanned_lower_case_letter_is_no_level():
    """Letter levels are printed in capitals: Tesseract's `a` for a B it could not read (a Word print scanned at
    200 dpi, whose template-read total 85.79 then agreed with the A) is no level; a text layer's is its own."""
    assert level_of("a", scanned=True) == (None, True) and level_of("Aa", scanned=True) == (None, True)
    assert level_of("a") == ("A", True)
    assert level_of("B", scanned=True) == ("B", True)


def test_bare_short_name_beside_a_type_cell():
    """`ยะลา` with ทน. in a type column is a unit (two consonants are enough there, not elsewhere)."""
    rows = [TableRow(["ลำดับ", "ชื่อ", "ประเภท", "คะแนน", "ระดับ"], 1, "header")] + [
        TableRow([str(i + 1), name, kind, f"{90 - i:.2f}", "A"], 1)
        for i, (name, kind) in enumerate([("ยะลา", "ทน."), ("โรง", "อบต."), ("บือเระ", "อบต."), ("ยะหา", "ทต.")])]
    found = read_announcement([], [Table(rows, [1], 5)], 2566)
    assert [(r.unit_raw, r.unit_type_raw) for r in found.rows] == [
        ("ยะลา", "ทน."), ("โรง", "อบต."), ("บือเระ", "อบต."), ("ยะหา", "ทต.")]


def test_letter_level_read_as_a_digit_by_its_shape():
    """On the letter scale a scanned level cell is never a number: `8` is B, `(0` is C; `0` is C or D, and only
    a total its tools confirm decides which (a total alone cannot, it would be checked by what it chose)."""
    # (the shapes themselves: tests/test_scan_levels.py)
    header = _scanned(["ลำดับ", "ชื่อหน่วยงาน", "IIT", "EIT", "OIT", "คะแนนรวม", "ระดับ"])
    rows = [["1", "องค์การบริหารส่วนตำบลทดสอบก", "80.00", "80.00", "80.00", "80.00", "8"],
            ["2", "องค์การบริหารส่วนตำบลทดสอบข", "70.00", "70.00", "70.00", "70.00", "0"],
            ["3", "องค์การบริหารส่วนตำบลทดสอบค", "60.00", "60.00", "60.00", "60.00", "0"],
            ["4", "องค์การบริหารส่วนตำบลทดสอบง", "90.00", "90.00", "90.00", "90.00", "8"]]
    found = read_announcement([], [Table([header] + [_scanned(r) for r in rows], [1], 7)], 2566)
    assert [r.level for r in found.rows[:3]] == ["B", "C", "D"]
    # a B-shaped cell under a total of 90 is no level (an A read as `8`): it never overrides the numbers
    assert found.rows[3].level is None and found.rows[3].overall_score == 90.0
    # the Thai scale has no letters: there the same cell is no level
    thai = read_announcement([], [Table([header] + [_scanned(r) for r in rows], [1], 7)], 2568)
    assert all(r.level is None for r in thai.rows)


def test_scanned_misprint_is_refused_not_repaired():
    """A total printed 1.00 off its points (88.24 for 89.24), every number read clearly: a contradiction in
    the document, not a reading to choose; the row keeps its name and loses its numbers. The same total read
    by the template reader against Tesseract's reading (engine `template`: the readers disagreed) is an OCR
    choice, and the one reading its points agree with is taken."""
    header = _scanned(["ที่", "ชื่อสถานศึกษา", "IIT", "EIT", "OIT", "รวม", "ระดับ"])
    rows = [[r[0], r[1], r[3], r[4], r[5], r[2], r[6]] for r in _points_rows()]
    rows[2][5] = f"{float(rows[2][5]) - 1:.2f}"  # 8 and 9 are confusable digits
    table = Table([header] + [_scanned(r) for r in rows], [1], 7)
    found = read_announcement([], [table], 2568)
    warnings = check_results(found.rows, 2568) + found.warnings
    misprinted = found.rows[2]
    assert misprinted.unit_raw == rows[2][1] and misprinted.overall_score is None and misprinted.iit_points is None
    assert any("misprint" in w for w in warnings)
    assert all(r.overall_score == float(row[5]) for r, row in zip(found.rows, rows) if r is not misprinted)
    misread = _scanned(rows[2])
    # Tesseract read the number the points agree with (๘๙.๒๔), the template reader 88.24
    misread.sources[5] = Provenance(1, (0, 0, 10, 10), rows[2][5], "template", 0.9,
                                    alternatives=(to_thai_digits(f"{float(rows[2][5]) + 1:.2f}"),))
    found = read_announcement([], [Table([header] + [_scanned(r) for r in rows[:2]] + [misread], [1], 7)], 2568)
    assert found.rows[2].overall_score == round(float(rows[2][5]) + 1, 2)
    # the template's reading and Tesseract's own (Thai digits) agree: two readers saw the printed number, the
    # misprint is the document's and stays refused
    agreed = _scanned(rows[2])
    agreed.sources[5] = Provenance(1, (0, 0, 10, 10), rows[2][5], "template", 0.9,
                                   alternatives=(to_thai_digits(rows[2][5]),))
    # Tesseract's partial reading (`ส๘.๒๔`: ๘ as a letter) confirms nothing
    assert announcement._certain(Provenance(1, (0, 0, 10, 10), "88.24", "template", 0.5, ("๘๘.๒๔",)), "88.24")
    assert not announcement._certain(Provenance(1, (0, 0, 10, 10), "88.24", "template", 0.5, ("ส๘.๒๔",)), "88.24")
    found = read_announcement([], [Table([header] + [_scanned(r) for r in rows[:2]] + [agreed], [1], 7)], 2568)
    check_results(found.rows, 2568)
    assert found.rows[2].overall_score is None and any("misprint" in w for w in found.warnings)


def test_scanned_level_whose_second_line_was_lost():
    """`ต้องปรับปรุง` / `โดยด่วน` on two lines, the second lost by the OCR grid: read `ต้องปรับปรุง`, which is a
    level too. Where the tools confirm the total, its band decides; a total they refute decides nothing."""
    header = _scanned(["ที่", "ชื่อสถานศึกษา", "IIT", "EIT", "OIT", "รวม", "ระดับ"])
    rows = [["1", "วิทยาลัยเทคนิคทดสอบก", "25.00", "25.00", "30.00", "80.00", "ต้องปรับปรุง"],
            ["2", "วิทยาลัยเทคนิคทดสอบข", "20.00", "20.00", "28.85", "68.85", "ต้องปรับปรุง"],
            ["3", "วิทยาลัยเทคนิคทดสอบค", "20.00", "20.00", "20.00", "66.00", "ต้องปรับปรุง"],
            ["4", "วิทยาลัยเทคนิคทดสอบง", "20.00", "20.00", "25.00", "65.00", "ต้องปรับปรุงโดยด่วน"]]
    found = read_announcement([], [Table([header] + [_scanned(r) for r in rows], [1], 7)], 2568)
    check_results(found.rows, 2568)
    assert [r.level for r in found.rows] == ["ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน", None, "ต้องปรับปรุงโดยด่วน"]
    assert found.rows[1].overall_score == 68.85 and found.rows[2].overall_score is None  # 60 ≠ 66: refused


def test_scanned_level_with_letters_lost():
    """A 2567+ level cell read with letters lost or added (`ผ่านี`: ผ่านดี with its ด lost, `ต้องปรับปรุงโดย`,
    `ผ่านดีด`) is the levels it can be by its letters; the band of a total its tools pin decides, and only when
    one level fits (93.30 is ผ่านดี, not ผ่านดีเยี่ยม; 96.00 could be either). A total its tools refute, or a
    reading too short to say (`ซ . 5`), decides nothing."""
    header = _scanned(["ที่", "ชื่อสถานศึกษา", "IIT", "EIT", "OIT", "รวม", "ระดับ"])
    rows = [["1", "วิทยาลัยเทคนิคทดสอบก", "26.50", "28.20", "38.60", "93.30", "ผ่านี"],
            ["2", "วิทยาลัยเทคนิคทดสอบข", "28.00", "30.00", "38.00", "96.00", "ผ่านี"],
            ["3", "วิทยาลัยเทคนิคทดสอบค", "28.10", "29.70", "33.30", "91.10", "ดผ่านี ."],
            ["4", "วิทยาลัยเทคนิคทดสอบง", "20.36", "24.54", "22.87", "67.77", "ต้องปรับปรุงโดย"],
            ["5", "วิทยาลัยเทคนิคทดสอบจ", "20.36", "24.54", "22.87", "77.77", "ต้องปรับปรุงโดย"],
            ["6", "วิทยาลัยเทคนิคทดสอบฉ", "24.33", "26.80", "35.53", "86.66", "ผ่านดีด"],
            ["7", "วิทยาลัยเทคนิคทดสอบช", "20.00", "20.00", "25.00", "65.00", "ซ . 5"]]
    found = read_announcement([], [Table([header] + [_scanned(r) for r in rows], [1], 7)], 2568)
    check_results(found.rows, 2568)
    assert [r.level for r in found.rows] == ["ผ่านดี", None, "ผ่านดี", "ต้องปรับปรุงโดยด่วน", None, "ผ่านดี", None]
    assert found.rows[1].overall_score == 96.00 and found.rows[4].overall_score is None  # 67.77 ≠ 77.77: refused
    # a scanned title whose year was lost: the cell's letters still say which scale it prints
    unknown_year = read_announcement([], [Table([header] + [_scanned(r) for r in rows], [1], 7)], None)
    assert [r.level for r in unknown_year.rows] == [r.level for r in found.rows]


def test_scanned_pass_word_beside_a_lost_or_specked_letter():
    """Raw 2566 letter table: `6(ไม่ผ่าน).` is C's shape beside its pass word (the speck after the bracket is not
    the word's); `' (ผ่าน)` is the pass word of a letter the scan lost, so AA or A by the band of a total its
    tools pin (86.31: A), never ผ่าน, and nothing where the tools refute the total."""
    header = _scanned(["ชื่อหน่วยงาน", "IIT", "EIT", "OIT", "คะแนนรวม", "ระดับ", "ลำดับ"])
    rows = [["องค์การบริหารส่วนตำบลทดสอบก", "69.98", "71.82", "76.64", "73.20", "6(ไม่ผ่าน).", "1"],
            ["องค์การบริหารส่วนตำบลทดสอบข", "79.76", "82.63", "93.98", "86.31", "' (ผ่าน)", "2"],
            ["องค์การบริหารส่วนตำบลทดสอบค", "79.76", "82.63", "93.98", "88.31", "' (ผ่าน)", "3"],
            ["องค์การบริหารส่วนตำบลทดสอบง", "80.47", "71.92", "60.70", "70.00", "C(ไม่ผ่าน)", "4"],
            ["องค์การบริหารส่วนตำบลทดสอบจ", "74.04", "75.71", "62.77", "70.03", "C(ไม่ผ่าน)", "5"]]
    found = read_announcement([], [Table([header] + [_scanned(r) for r in rows], [1], 7)], 2566)
    check_results(found.rows, 2566)
    assert [r.level for r in found.rows] == ["C", "A", None, "C", "C"]
    assert found.rows[1].overall_score == 86.31 and found.rows[2].overall_score is None


def test_scanned_improve_word_with_its_first_word_lost_decided_by_its_tools():
    """`ปรับปรุง` among the scale's `ต้องปรับปรุง` is that level or `ต้องปรับปรุงโดยด่วน` with its first word lost:
    where the row's tools pin its total, the band says which; where they refute it, no level (as before)."""
    header = _scanned(["ที่", "ชื่อหน่วยงาน", "IIT", "EIT", "OIT", "คะแนนรวม", "ระดับ"])
    rows = [["1", "องค์การบริหารส่วนตำบลทดสอบก", "71.90", "83.10", "94.60", "84.34", "ต้องปรับปรุง"],
            ["2", "องค์การบริหารส่วนตำบลทดสอบข", "71.90", "83.10", "94.60", "84.34", "ปรับปรุ่ง"],
            ["3", "องค์การบริหารส่วนตำบลทดสอบค", "60.00", "60.00", "70.00", "64.00", "ปรับปรุง"],
            ["4", "องค์การบริหารส่วนตำบลทดสอบง", "60.00", "60.00", "70.00", "74.00", "ปรับปรุง"]]
    found = read_announcement([], [Table([header] + [_scanned(r) for r in rows], [1], 7)], 2567)
    check_results(found.rows, 2567)
    assert [r.level for r in found.rows] == ["ต้องปรับปรุง", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน", None]


def test_scanned_score_with_the_header_glued_after_it():
    """A page's repeated header read into the row's score cell (`48.02คะแนนITA`): the number, which the row's
    checks still have to confirm (its reading stays unsure); letters that are not the header stay (`23.6อ`), and
    a name cell keeps its own rule (what remains must be Thai)."""
    # (the cut itself: tests/test_scan_levels.py)
    header = _scanned(["ที่", "ชื่อหน่วยงาน", "คะแนน ITA", "ระดับ"])
    rows = [["1", "เทศบาลตำบลทดสอบก", "80.00", "ต้องปรับปรุง"], ["2", "เทศบาลตำบลทดสอบข", "48.02คะแนนITA",
            "ต้องปรับปรุงโดยด่วน"], ["3", "เทศบาลตำบลทดสอบค", "90.00", "ผ่านดี"]]
    found = read_announcement([], [Table([header] + [_scanned(r) for r in rows], [1], 4)], 2567)
    assert [r.overall_score for r in found.rows] == [80.0, 48.02, 90.0]


def test_scanned_spelled_letter_among_specks():
    """A Thai-spelled letter level standing as one word among specks OCR read beside it (`ฮ@0 ดี 7`, `พ เอเอ: ยุ`)
    is that letter, as `B al` is B; not a consonant whose vowel was lost (`ซ . 5`), not letters inside a word
    (`ดตดี`), not two spellings or a Latin letter beside one (`อี F`)."""
    assert level_of("ฮ@0 ดี 7", True) == ("D", True) and level_of("พ เอเอ: ยุ", True) == ("AA", True)
    assert level_of("7 เอฟ", True) == ("F", True) and level_of("เอ ฮ แฮ", True) == ("A", True)
    for junk in ("ซ . 5", "7 ดตดี.", "อี F", "เอเอ เอ", "ดี อบต"):
        assert level_of(junk, True) == (None, True), junk
    header = _scanned(["ที่", "ชื่อองค์กรปกครองส่วนท้องถิ่น", "คะแนน ITA", "ระดับผลการประเมิน"])
    rows = [["1", "อบต.ทดสอบก", "59.78", "ฮ@0 ดี 7"], ["2", "อบต.ทดสอบข", "92.93", "เอ ฮ แฮ"],
            ["3", "อบต.ทดสอบค", "97.41", "เอเอ"], ["4", "อบต.ทดสอบง", "72.93", "เอ ฮ แฮ"]]
    found = read_announcement([], [Table([header] + [_scanned(r) for r in rows], [1], 4)], 2566)
    check_results(found.rows, 2566)
    # the last row's letter and total disagree (A is 85-94.99): validation takes neither
    assert [(r.overall_score, r.level) for r in found.rows] == [(59.78, "D"), (92.93, "A"), (97.41, "AA"),
                                                                 (None, None)]


def test_a_stamps_words_read_into_a_name_are_cut():
    """A certified-copy stamp (`สำเนาถูกต้อง`) over a name's end, read into it: the name without it (the cut
    itself: tests/test_scan_levels.py)."""
    from parsers.ita.announcement import _clean_name

    assert _clean_name("อบต.คลองมานีจสำเนาถูกตอ") == "อบต.คลองมานีจ"
    assert _clean_name("อำเภอยิ่งอ \\สำเนาถูกต้อง ] .") == "อำเภอยิ่งอ"


def test_scanned_row_without_a_result_is_no_row():
    """A unit printed with `-` in every score cell and the off-scale `ปรับปรุง` (no result), its dashes read as
    specks (`geปร`): not a row; a row whose numbers OCR lost but whose level is on the scale stays."""
    header = _scanned(["ที่", "ชื่อสถานศึกษา", "IIT", "EIT", "OIT", "รวม", "ระดับ"])
    rows = [[r[0], r[1], r[3], r[4], r[5], r[2], r[6]] for r in _points_rows(4)]
    rows += [["5", "วิทยาลัยการอาชีพทดสอบ", "geปร", "", "", "", "ปรับปรุง"],
             ["6", "วิทยาลัยเทคนิคทดสอบฉ", "ส#", "", "", "", "ผ่านดี"]]
    found = read_announcement([], [Table([header] + [_scanned(r) for r in rows], [1], 7)], 2568)
    assert [r.unit_raw for r in found.rows] == [r[1] for r in rows[:4]] + ["วิทยาลัยเทคนิคทดสอบฉ"]


def test_scanned_row_whose_name_was_not_read_keeps_its_results():
    """A row of results whose name Tesseract read in Latin letters (`quay` for คูเต่า) is not dropped: its
    numbers are kept (checked as any row's), its unit unknown (unit_raw and unit_name null) with a warning. A
    row with no score numbers and no name (a header's remains) is still no row."""
    header = _scanned(["ที่", "ชื่อสถานศึกษา", "IIT", "EIT", "OIT", "รวม", "ระดับ"])
    rows = [[r[0], r[1], r[3], r[4], r[5], r[2], r[6]] for r in _points_rows(4)]
    rows[1][1] = "quay"
    rows.append(["", "a", "เห", "EIT", "07", "รวม", ""])
    found = read_announcement([], [Table([header] + [_scanned(r) for r in rows], [1], 7)], 2568)
    assert [r.unit_raw for r in found.rows] == [rows[0][1], None, rows[2][1], rows[3][1]]
    assert found.rows[1].overall_score == float(rows[1][5]) and found.rows[1].iit_points == float(rows[1][2])
    assert any("name was not read" in w for w in found.warnings)
    parsed = ParsedDocument(doc_type="results_announcement", results=found.rows)
    assert resolve_result_units(parsed)[1].unit_name is None


def test_scanned_row_cut_by_a_page_break_is_one_row():
    """A row a page foot cut (its name's second line and its numbers' wrapped second lines on the next page:
    `…ทดสอบ` / `ง`, `2` / `7.63`): the next page's first row, with no rank, total or level of its own and a
    name that does not open like a unit's, is its rest, not a row; the numbers joined digit to digit are
    unsure readings the row's sums must take. A real row opening the next page stays a row."""
    words = ["ที่", "ชื่อสถานศึกษา", "IIT", "EIT", "OIT", "รวม", "ระดับ"]
    header = _scanned(words)
    rows = [[r[0], r[1], r[3], r[4], r[5], r[2], r[6]] for r in _points_rows(6)]
    cut = list(rows[3])
    rest = ["", cut[1][-1:], cut[2][1:], cut[3][1:], "", "", ""]
    cut[1], cut[2], cut[3] = cut[1][:-1], cut[2][:1], cut[3][:1]
    table = Table([header] + [_scanned(r) for r in rows[:3]] + [_scanned(cut), _scanned(words, 2),
                                                               _scanned(rest, 2)] + [_scanned(r, 2) for r in rows[4:]],
                  [1, 2], 7)
    found = read_announcement([], [table], 2568)
    assert [r.unit_raw for r in found.rows] == [r[1] for r in rows]
    joined = found.rows[3]
    assert (joined.iit_points, joined.eit_points, joined.oit_points, joined.overall_score) == tuple(
        float(rows[3][c]) for c in (2, 3, 4, 5))
    assert not announcement._certain(table.rows[4].sources[2], "2")  # (a fragment alone is no number)
    # a joined number the sums refute is not taken: the row keeps its name, its numbers null
    rest[2] = "9" + rest[2][1:]
    table.rows[6] = _scanned(rest, 2)
    found = read_announcement([], [table], 2568)
    check_results(found.rows, 2568)
    assert found.rows[3].unit_raw == rows[3][1] and found.rows[3].iit_points is None and len(found.rows) == 6


def test_tesseract_reading_with_specks_beside_its_digits_bears_the_template_out():
    """Tesseract's `. 85.79` or `-71.13` beside the template's 85.79 / 71.13 saw the same digits (a speck or a
    rule's end beside them): certain, so a row of such cells that disagrees is a misprint, never repaired."""
    assert announcement._certain(Provenance(1, (0, 0, 10, 10), "85.79", "template", 0.9, (". 85.79",)), "85.79")
    assert announcement._certain(Provenance(1, (0, 0, 10, 10), "71.13", "template", 0.9, ("-71.1\n3",)), "71.13")
    assert not announcement._certain(Provenance(1, (0, 0, 10, 10), "85.79", "template", 0.9, (". 5.79",)), "85.79")


def test_letter_levels_printed_with_words():
    """2566 tables that spell the letter in Thai (`ซี`) or print its pass word beside it (`A (ผ่าน)`): the letter;
    a pass word that contradicts the letter (85 and over passes: AA, A) is the document's, kept as printed."""
    assert level_of("C (ไม่ผ่าน)") == ("C", True) and level_of("AA (ผ่าน)") == ("AA", True)
    assert level_of("ซี") == ("C", True) and level_of("เอเอ") == ("AA", True) and level_of("บี") == ("B", True)
    assert level_of("B (ผ่าน)") == ("B (ผ่าน)", False)
    assert level_of("ผ่านดี") == ("ผ่านดี", True) and level_of("ผ่าน") == ("ผ่าน", True)  # 2567 words stay


def test_two_tables_side_by_side_are_read_left_then_right():
    """A landscape page printing the list as two tables in one grid: the left table's units first, and no unit
    takes the scores of the one printed beside it."""
    header = TableRow(["ที่", "ชื่อองค์กรปกครองส่วนท้องถิ่น", "คะแนน ITA", "ระดับ"] * 2, 1, "header")
    rows = [TableRow(["1", "อบต.บาเระเหนือ", "91.88", "A", "3", "อบต.ตะโละ", "73.10", "C"], 1),
            TableRow(["2", "อบต.บือเระ", "85.02", "A", "", "", "", ""], 1)]
    found = announcement.from_tables([Table([header, *rows], [1], 8)], 2566)
    assert [(r.rank, r.unit_raw, r.overall_score, r.level) for r in found.rows] == [
        (1, "อบต.บาเระเหนือ", 91.88, "A"), (2, "อบต.บือเระ", 85.02, "A"), (3, "อบต.ตะโละ", 73.10, "C")]


def test_a_total_printed_with_one_decimal_is_the_weighted_sum_rounded():
    """Raw scores weighted give 84.88; a table of one decimal prints 84.9: consistent, where 84.8 is not. The
    step is the total's own printed text, so a two-decimal 84.92 is still held to the weighted rounding."""
    def row(total_text):
        return _row(iit=80.3, eit=85.3, oit=88.0, overall_score=float(to_arabic(total_text)),
                    source=Provenance(1, (0, 0, 1, 1), total_text))
    assert problems(row("84.9"), 2566) == [] and problems(row("๘๔.๙"), 2566) == []
    assert problems(row("84.8"), 2566)
    assert problems(row("84.92"), 2566)  # printed to two decimals: 0.04 off is too far


def test_footnote_mark_is_not_part_of_the_name():
    assert announcement._clean_name("วิทยาลัยเทคนิคยะลา*") == "วิทยาลัยเทคนิคยะลา"
    assert announcement._clean_name("อบต.บือเระ (*)") == "อบต.บือเระ"


def test_one_decimal_table_on_a_scan():
    """A table printing one decimal: its numbers are read as printed (elsewhere `69.1` lost its last digit), and
    confused digits are weighed as in any table."""
    header = ["ที่", "ชื่อสถานศึกษา", "IIT", "EIT", "OIT", "รวม", "ระดับ"]
    rows = [[str(i), "วิทยาลัยเทคนิคยะลา", "25.1", "24.2", "30.3", "79.6", "ต้องปรับปรุง"] for i in range(1, 6)]
    assert announcement.one_decimal(rows, announcement.Columns({2: "IIT", 3: "EIT", 4: "OIT", 5: "total"}))
    assert not announcement.one_decimal([r[:5] + ["79.61"] + r[6:] for r in rows] * 2,
                                        announcement.Columns({5: "total"}))
    assert (0, 79.6) in scan_numbers.readings("79.6", decimals=1) and (1, 79.0) not in scan_numbers.readings("79.6", decimals=1)
    assert scan_numbers.readings("79.6") == []  # two decimals expected: a lost digit, nothing to choose
    assert header  # (the header words a scan's table would carry)


def _guessed(page: int, text: str, guess: str) -> Provenance:
    """A scanned cell neither reader took whose provenance carries a candidate (layout: template, confidence 0)."""
    return Provenance(page, (0, 0, 10, 10), guess, "template", 0.0)


def test_scanned_guesses_need_an_exact_sum():
    """A guessed total and a guessed tool in a table whose garbled header named only EIT and the total fit the
    bound of a row missing tools and their level's band whatever their digits (a 150 dpi JPEG row read 52.50
    for 82.90): refused. Where the tools and the total pin each other, the guess is taken."""
    header = _scanned(["ลำดับ", "ชื่อหน่วยงาน", "EIT", "คะแนนรวม", "ระดับ"])
    rows = [_scanned([str(i + 1), f"องค์การบริหารส่วนตำบลทดสอบ{'กขคง'[i]}", "70.00", f"{81 + 0.3 * i:.2f}", "B"])
            for i in range(4)]
    loose = _scanned(["5", "องค์การบริหารส่วนตำบลทดสอบจ", "#", "#", "C"])
    loose.sources[2], loose.sources[3] = _guessed(1, "#", "50.00"), _guessed(1, "#", "70.00")
    found = read_announcement([], [Table([header, *rows, loose], [1], 5)], 2566)
    row = next(r for r in found.rows if r.unit_raw.endswith("จ"))
    assert row.overall_score is None and row.eit is None

    header = _scanned(["ลำดับ", "ชื่อหน่วยงาน", "IIT", "EIT", "OIT", "คะแนนรวม", "ระดับ"])
    # weighted points: their sum pins every digit of a guessed tool
    rows = [_scanned([str(i + 1), f"องค์การบริหารส่วนตำบลทดสอบ{'กขคง'[i]}", f"{24 - i}.00", "21.00", "36.00",
                      f"{81 - i:.2f}", "B"]) for i in range(4)]
    pinned = _scanned(["5", "องค์การบริหารส่วนตำบลทดสอบฉ", "19.00", "#", "36.00", "76.00", "B"])
    pinned.sources[3] = _guessed(1, "#", "21.00")
    found = read_announcement([], [Table([header, *rows, pinned], [1], 7)], 2566)
    row = next(r for r in found.rows if r.unit_raw.endswith("ฉ"))
    assert (row.overall_score, row.eit_points) == (76.0, 21.0)
    # raw scores printed to one decimal: a tool weighted 0.3 moves the total 0.03 a step of its last digit,
    # within the total's rounding: the sum cannot pin that digit (a guessed EIT 66.3 for 66.1 fitted the total
    # 76.8 on a bilevel scan), so a guess there is refused
    rows = [_scanned([str(i + 1), f"องค์การบริหารส่วนตำบลทดสอบ{'กขคง'[i]}", f"{80 + i}.0", "70.0", "90.0",
                      f"{81 + 0.3 * i:.1f}", "B"]) for i in range(4)]
    unpinned = _scanned(["6", "องค์การบริหารส่วนตำบลทดสอบช", "80.0", "#", "90.0", "81.0", "B"])
    unpinned.sources[3] = _guessed(1, "#", "70.1")
    found = read_announcement([], [Table([header, *rows, unpinned], [1], 7)], 2566)
    row = next(r for r in found.rows if r.unit_raw.endswith("ช"))
    assert row.eit is None


def test_an_overall_only_tables_guessed_total_is_refused_and_a_clear_one_kept():
    """A table of totals and levels only: a template's guess of a total can be checked by nothing but the level's
    band (and the ranking's order), which a wrong guess fits as well: refused, with a warning. A total read
    clearly beside it is kept."""
    header = _scanned(["ลำดับ", "ชื่อหน่วยงาน", "คะแนนรวม", "ระดับ"])
    rows = [_scanned([str(i + 1), f"องค์การบริหารส่วนตำบลทดสอบ{'กขคง'[i]}", f"{90 - i:.2f}", "A"]) for i in range(4)]
    guessed = _scanned(["5", "องค์การบริหารส่วนตำบลทดสอบจ", "#", "A"])
    guessed.sources[2] = _guessed(1, "#", "86.50")
    found = read_announcement([], [Table([header, *rows, guessed], [1], 4)], 2566)
    by_name = {r.unit_raw[-1]: r for r in found.rows}
    assert by_name["จ"].overall_score is None and by_name["จ"].level == "A"
    assert by_name["ง"].overall_score == 87.0
    assert any("ทดสอบจ" in w for w in found.warnings)


def test_a_scanned_pass_word_without_its_letter_is_no_level_of_the_letter_scale():
    """A 2566 table printing `A (ผ่าน)`: a stamp over the cell left the scan only `(ผ่าน)`. ผ่าน is a level of the
    later scale, not of the year's letters; taken, it was a WRONG level (held-200-bilevel-marks, announce10).
    Its level is unknown, and with nothing left to check its total by, the total is refused too (null, warned),
    never a wrong level. A letter read with its word stays."""
    header = _scanned(["ลำดับ", "ชื่อหน่วยงาน", "คะแนนรวม", "ระดับ"])
    rows = [_scanned(["1", "องค์การบริหารส่วนตำบลทดสอบก", "91.00", "A (ผ่าน)"]),
            _scanned(["2", "องค์การบริหารส่วนตำบลทดสอบข", "90.00", "(ผ่าน)"]),
            _scanned(["3", "องค์การบริหารส่วนตำบลทดสอบค", "89.00", "A (ผ่าน)"])]
    for year in (2566, None):  # (the year a scanned title gives may be lost: the table's letters decide)
        found = read_announcement([], [Table([header, *rows], [1], 4)], year)
        by_name = {r.unit_raw[-1]: r for r in found.rows}
        assert by_name["ก"].level == "A" and by_name["ค"].level == "A"
        assert by_name["ข"].level is None and by_name["ข"].overall_score is None
        assert any("ทดสอบข" in w for w in found.warnings)
