"""Announcements printed by real printers (LibreOffice from DOCX, Chromium, WeasyPrint) in Thai office fonts
must give the rows the factory's own drawing gives: the printers wrap names, break rows and tables across pages,
span group labels over columns (`EIT` over ส่วนที่ 1 / ส่วนที่ 2) and map Thai glyphs their own way."""
from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from parsers.records import Provenance, Table, TableRow
from parsers.ita.announcement import table_columns
from pipeline.discover import discover
from pipeline.process import process_document
from scripts.announcement_corpus import expected
from scripts.announcement_printers import HELD_OUT_7
from tests.announcement_factory import FORMS
from tests.announcement_printers import missing_printers, print_announcement
from tests.variety.fonts import font_file

# each printer once, each with a form whose header spans columns, in a font offices use
CASES = [("docx", "TH SarabunPSK", "split-2567"), ("chromium", "TH Sarabun New", "points-colleges"),
         ("weasyprint", "Garuda", "split-2567")]


@pytest.mark.parametrize("printer, font, form", CASES)
def test_every_row_of_a_printed_announcement(tmp_path, printer, font, form):
    if why := missing_printers().get(printer):
        pytest.skip(why)
    if font_file(font) is None:
        pytest.skip(f"font {font} is not installed")
    spec = FORMS[form]
    truth = print_announcement(spec, printer, font, tmp_path / "announcement.pdf")
    (source,) = discover(tmp_path)
    result = process_document(source)
    assert result.parsed.doc_type == "results_announcement"
    assert len(result.parsed.results) == len(truth)
    for row, got in zip(truth, result.parsed.results):
        assert "".join(got.unit_raw.split()) == "".join(row.name.split())
        for field, value in expected(row, spec.form).items():
            assert getattr(got, field) == value, (row.name, field)
        assert got.level == row.level


@pytest.mark.parametrize("form", sorted(HELD_OUT_7))
def test_every_row_of_a_held_out_printed_announcement(tmp_path, form):
    """Held-out set 7 printed by Chromium (text layer): section rows between units, the rank last, the district
    in the name's cell, one decimal, 2566 letters with words, two tables side by side, a footnote row."""
    if why := missing_printers().get("chromium"):
        pytest.skip(why)
    spec = HELD_OUT_7[form]
    truth = print_announcement(spec, "chromium", "TH Sarabun New", tmp_path / "announcement.pdf")
    (source,) = discover(tmp_path)
    result = process_document(source)
    assert result.parsed.doc_type == "results_announcement"
    assert len(result.parsed.results) == len(truth)  # the footnote is no row
    for row, got, unit in zip(truth, result.parsed.results, result.result_units):
        # (the name as printed, but for a vowel Chromium's text layer gives as another: `นำทวี` for นาทวี once)
        assert fuzz.ratio("".join(got.unit_raw.split()), "".join(row.name.split())) >= 95
        for field, value in expected(row, spec.form).items():
            assert getattr(got, field) == value, (row.name, field)
        assert got.level == row.level and got.rank == row.rank
        assert unit.unit_name == (row.unit_name or row.name)


def test_a_group_label_names_every_column_it_spans():
    """`EIT` printed once over its two parts: both part columns are EIT's, whatever the parts are called."""
    header = TableRow(["ที่", "ชื่อหน่วยงาน", "IIT", "EIT", "", "OIT", "รวม", "ระดับ"], 1, "header",
                      spanned=[False, False, False, False, True, False, False, False])
    parts = TableRow(["", "", "", "ส่วนที่ 1", "ส่วนที่ 2", "", "", ""], 1, "header",
                     spanned=[True, True, True, False, False, True, True, True])
    body = TableRow(["1", "อบต.บาเระเหนือ", "27.66", "9.68", "14.74", "39.80", "91.88", "ผ่านดี"], 1)
    columns, n_header = table_columns(Table([header, parts, body], [1], 8), None, 2568)
    assert n_header == 2
    assert [columns.roles.get(c) for c in range(8)] == ["rank", "name", "IIT", "EIT1", "EIT2", "OIT", "total",
                                                         "level"]


def test_a_scanned_sub_header_of_eit_parts_is_a_header_and_a_group_label_over_tools_names_no_total():
    """A scan marks no header row: the row `ส่วนที่ 1 / ส่วนที่ 2` under EIT is still the header's (it was read as
    a unit row and both parts named EIT); and `คะแนนตามเครื่องมือการประเมิน` spread over IIT..OIT names no
    column the total when a tool's own header was lost (`วท` for OIT: its points, all under 40, were taken for
    totals in the lowest level's band)."""
    def scanned(cells, spanned=None):
        return TableRow(cells, 1, spanned=spanned or [False] * len(cells),
                        sources=[Provenance(1, (0, 0, 10, 10), c, "tesseract", 0.9) for c in cells])
    header = scanned(["ชื่อหน่วยงาน", "IIT", "EIT", "", "OIT", "รวม", "ระดับ"],
                     [False, False, False, True, False, False, False])
    parts = scanned(["", "", "ส่วนที่1", "ส่วนที่2", "", "", ""])
    body = scanned(["อบต.บาเระเหนือ", "27.66", "9.68", "14.74", "39.80", "91.88", "ผ่านดี"])
    columns, n_header = table_columns(Table([header, parts, body], [1], 7), None, 2568)
    assert n_header == 2 and columns.roles.get(2) == "EIT1" and columns.roles.get(3) == "EIT2"

    group = scanned(["ที่", "ชื่อสถานศึกษา", "คะแนนตามเครื่องมือการประเมิน", "", "", "วมร", "ระดับผลการประเมิน"],
                    [False, False, False, True, True, False, False])
    tools = scanned(["", "", "", "EIT", "วท", "", ""])
    rows = [scanned([str(i + 1), f"วิทยาลัยเทคนิคทดสอบ{'กขคงจฉ'[i]}", f"{28 - i * 0.3:.2f}", f"{27 - i * 0.2:.2f}",
                     f"{36 - i * 0.5:.2f}", "#", "ผ่านดี"]) for i in range(6)]  # totals unread: no sum decides
    columns, _ = table_columns(Table([group, tools, *rows], [1], 7), None, 2568)
    assert "total" not in columns.roles.values()
