"""Variety17 (issue #12): fonts outside the matrix. Chromium draws Thai clusters in Noto Sans / Serif Thai with
positioned mark glyphs that no cmap entry names and writes the cluster's text in an /ActualText span; the span's
text is read (parsers.pdf_objects.actual_text_chars)."""
from __future__ import annotations

import pytest

from parsers.pdf_objects import actual_text_chars
from tests.variety.check import check
from tests.variety.corpus import Spec, available_renderers, make_all
from tests.variety.fonts import font_file


def _char(text, x0, x1, top=100.0, actual=None):
    c = {"text": text, "x0": x0, "x1": x1, "width": x1 - x0, "adv": x1 - x0, "top": top, "bottom": top + 16,
         "size": 16.0}
    if actual is not None:
        c["_actual"] = actual
    return c


def test_a_span_of_glyphs_becomes_one_character_of_its_text():
    # ว, then SARA I's positioned glyph drawn past ธ's origin (U+0000: no cmap entry), then ธ ี outside any span
    chars = [_char("ว", 10, 18, actual=(1, "วิ")), _char("\x00", 19, 19.5, actual=(1, "วิ")),
             _char("ธ", 18, 26), _char("ี", 26, 26)]
    out = actual_text_chars(chars)
    assert [c["text"] for c in out] == ["วิ", "ธ", "ี"]
    assert (out[0]["x0"], out[0]["x1"], out[0]["width"]) == (10, 19.5, 9.5)
    assert all("_actual" not in c for c in out)


def test_spans_that_read_as_printed_stay_as_pdfminer_read_them():
    one = _char("ก", 10, 18, actual=(1, "ก"))
    empty = [_char("ก", 10, 18, actual=(2, " ")), _char("า", 18, 24, actual=(2, " "))]
    across = [_char("ก", 10, 18, actual=(3, "กา")), _char("า", 10, 16, top=130, actual=(3, "กา"))]
    assert [c["text"] for c in actual_text_chars([one])] == ["ก"]
    assert [c["text"] for c in actual_text_chars(empty)] == ["ก", "า"]
    assert [c["text"] for c in actual_text_chars(across)] == ["ก", "า"]
    # two spans side by side with the same text are two clusters
    twins = [_char("ส", 10, 18, actual=(4, "ส่")), _char("่", 15, 16, actual=(4, "ส่")),
             _char("ส", 30, 38, actual=(5, "ส่")), _char("่", 35, 36, actual=(5, "ส่"))]
    assert [c["text"] for c in actual_text_chars(twins)] == ["ส่", "ส่"]


@pytest.mark.parametrize("font", ["Noto Sans Thai", "Noto Serif Thai"])
def test_chromium_in_noto_thai_reads_every_measure_as_printed(tmp_path, font):
    """Before: measure text exact 0/5 and 1/6, method 0/5 and 3/6, the unit's name or the fiscal year lost (sweep
    seed 32001, docs/variety.md Variety17)."""
    from pipeline.run import RunOptions, run_extract

    if available_renderers()["chromium"]:
        pytest.skip(f"chromium: {available_renderers()['chromium']}")
    if font_file(font) is None:
        pytest.skip(f"font {font} not on this machine")
    spec = Spec(32001, "measures", "baseline", "chromium", font)
    make_all([spec], tmp_path / "corpus")
    run_extract(tmp_path / "corpus", tmp_path / "curated", RunOptions(workers=1, progress=False, use_cache=False))
    fields = check(tmp_path / "corpus", tmp_path / "curated")[spec.file]["fields"]
    for key in ("measure_recall", "measure_precision", "measure_text_exact", "measure_method", "measure_responsible",
                "measure_period", "measure_codes", "scores", "level", "indicator_scores", "unit_name",
                "fiscal_year", "doc_type"):
        ok, n = fields[key]
        assert n and ok == n, (key, fields)


def test_a_span_of_which_only_a_mark_is_drawn_is_no_letter():
    """A browser clips the line under a page's foot and leaves the tops of its glyphs (`ที่`'s tone): its span's
    text names letters not on the page, which must not become a word there (the glyph pieces a line drops)."""
    chars = [_char("่", 40, 40, actual=(1, "ที่"))]
    assert [c["text"] for c in actual_text_chars(chars)] == ["่"]


def _page_chars(*specs):
    return [{"text": t, "x0": x0, "x1": x1, "top": 100.0, "size": 16.0} for t, x0, x1 in specs]


@pytest.mark.parametrize("mark_x0", [205.55, 195.9])
def test_a_mark_set_past_the_next_letter_or_before_its_own_sorts_on_its_letter(mark_x0):
    """WeasyPrint in Noto Sans Thai sets SARA I of `วิธ` at 205.55, past ธ's origin (205.18); in Noto Looped Thai
    left of ว's own origin: in x order `วธิ`, `ิวธ`. The mark goes back onto ว, before ธ."""
    from parsers.layout import _marks_on_their_letters

    chars = _page_chars(("ว", 196.94, 205.17), ("ิ", mark_x0, mark_x0), ("ธ", 205.18, 214.12))
    _marks_on_their_letters(chars)
    assert "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"])) == "วิธ"


def test_a_mark_that_sorts_on_its_letter_stays_where_it_is():
    from parsers.layout import _marks_on_their_letters

    chars = _page_chars(("ว", 196.94, 205.17), ("ิ", 205.17, 205.17), ("ธ", 205.17, 214.12), ("่", 300.0, 300.0))
    _marks_on_their_letters(chars)
    assert [c["x0"] for c in chars] == [196.94, 205.17, 205.17, 300.0]


def _read(tmp_path, spec):
    from pipeline.run import RunOptions, run_extract

    if available_renderers()[spec.renderer]:
        pytest.skip(f"{spec.renderer}: {available_renderers()[spec.renderer]}")
    if font_file(spec.font) is None:
        pytest.skip(f"font {spec.font} not on this machine")
    make_all([spec], tmp_path / "corpus")
    run_extract(tmp_path / "corpus", tmp_path / "curated", RunOptions(workers=1, progress=False, use_cache=False))
    return check(tmp_path / "corpus", tmp_path / "curated")[spec.file]["fields"]


def test_a_numbered_row_above_a_run_of_wrapped_lines_is_no_header(tmp_path):
    """Purisa at 16 pt wraps every cell of a borderless table with header lines: the white-space run opened a line
    under a row's first line (`๕. การ | โครงการจัดทำ | …`), which was then taken for a header above the run, and the
    row's second line, every cell short text, for a head: the row parted in two, its halves fragments (before:
    recall 4/8, precision 4/17, indicator 0/4; sweep seed 32002)."""
    fields = _read(tmp_path, Spec(32002, "development_plan", "header_lines+row_breaks+office_style", "weasyprint",
                                  "Purisa"))
    for key in ("measure_recall", "measure_precision", "measure_text_exact", "measure_method", "measure_period",
                "measure_codes", "measure_indicator", "scores", "level"):
        ok, n = fields[key]
        assert n and ok == n, (key, fields)


@pytest.mark.parametrize("text, start, end", [
    ("ต.ค. 65 - ก . ย . 66", "2022-10-01", "2023-09-30"),
    ("เม . ย . 68 ถึงก.ย. 68", "2025-04-01", "2025-09-30"),
    ("ธ.ค. 65ถึง ม . ค . 66", "2022-12-01", "2023-01-31"),
])
def test_month_abbreviations_with_a_space_before_each_dot(text, start, end):
    """Chromium and WeasyPrint in Noto Serif Thai set the full stop apart: `ก . ย .` (before: the period ended with
    its first month, 12/19 periods right in each printer's prints of the sweep)."""
    from normalizers.dates import parse_period

    period = parse_period(text)
    assert (str(period.start), str(period.end)) == (start, end)
