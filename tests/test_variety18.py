"""Variety18 (issue #12): the font sweep's section headings. A font that sets its punctuation apart prints a list
number as `๑ )` (Noto Thai in a browser, parsers.ita.text.LIST_NUMBER); a head repeated under a heading joins two
tables into one, and the heading between them opens the next section (parsers.ita.measures._heading_between)."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from parsers.ita.text import strip_list_number
from tests.variety.check import check
from tests.variety.corpus import Spec, available_renderers, make_all
from tests.variety.fonts import font_file


@pytest.mark.parametrize("text", ["๑ ) การป้องกันผลประโยชน์ทับซ้อน", "(1 ) การป้องกันผลประโยชน์ทับซ้อน",
                                  "๒ . การป้องกันผลประโยชน์ทับซ้อน", "1) การป้องกันผลประโยชน์ทับซ้อน"])
def test_a_list_number_set_apart_from_its_point_is_stripped(text):
    assert strip_list_number(text) == "การป้องกันผลประโยชน์ทับซ้อน"


def test_an_amount_is_no_list_number():
    assert strip_list_number("12 .50 บาท") == "12 .50 บาท"


def _print(tmp_path, spec):
    from pipeline.run import RunOptions, run_extract

    make_all([spec], tmp_path / "corpus")
    run_extract(tmp_path / "corpus", tmp_path / "curated", RunOptions(workers=1, progress=False, use_cache=False))


def _skip_unless(printer, font):
    if available_renderers()[printer]:
        pytest.skip(f"{printer}: {available_renderers()[printer]}")
    if font_file(font) is None:
        pytest.skip(f"font {font} not on this machine")


@pytest.mark.parametrize("font", ["Noto Sans Thai", "Noto Serif Thai"])
def test_chromium_in_noto_thai_reads_every_section(tmp_path, font):
    """Before: measure_section 0/6 (`๒ ) กระบวนการ…` kept its number; the first heading, `๑ ) …`, not taken for
    one). Sweep seed 32001, docs/variety.md Variety18."""
    _skip_unless("chromium", font)
    spec = Spec(32001, "measures", "baseline", "chromium", font)
    _print(tmp_path, spec)
    fields = check(tmp_path / "corpus", tmp_path / "curated")[spec.file]["fields"]
    for key in ("measure_recall", "measure_precision", "measure_section"):
        ok, n = fields[key]
        assert n and ok == n, (key, fields)


def test_weasyprint_in_umpush_reads_the_heading_between_two_heads(tmp_path):
    """WeasyPrint in Umpush: the three measure tables, each under its own `N) …` heading and head, come out of the
    layout as one table with its head repeated; before, every row kept the first section (0/6). The first heading's
    own text is misread by the font's glyph map (`ป้` as `ปู `), so only the second and third are checked."""
    _skip_unless("weasyprint", "Umpush")
    spec = Spec(32001, "measures", "baseline", "weasyprint", "Umpush")
    _print(tmp_path, spec)
    truth = json.loads((tmp_path / "corpus" / "truth" / spec.file.replace(".pdf", ".json")).read_text())
    expected = [m["section"] for m in truth["measures"]]
    measures = pd.read_parquet(tmp_path / "curated" / "measures.parquet").sort_values("row")
    got = [" ".join((s or "").split()) for s in measures["section"]]
    assert len(got) == len(expected) == 6
    assert got[2:] == expected[2:]


def test_an_inherited_grid_keeps_its_number_column():
    """A page's run of lines whose number column is empty (its one numbered line sits above the run) takes the last
    page's grid: its first column is the grid's, bounded by the grid's left edge, not an empty column of no width
    (before: [94, 89, …], and the numbered line, left of 94, was neither head nor row: lost)."""
    from parsers.layout import _inherited_grid

    grid = [74, 89, 186, 287, 349, 407, 468, 525]
    own = [94, 181, 287, 349, 398, 466, 538]
    lines = [[(100, y, 170, y + 16), (200, y, 270, y + 16)] for y in range(100, 300, 20)]
    assert _inherited_grid(own, [grid], lines) == [74, 89, 186, 287, 349, 407, 468, 538]


@pytest.mark.parametrize("font", ["Tlwg Typo", "Tlwg Typist"])
def test_chromium_in_a_wide_tlwg_face_keeps_the_row_a_page_opens_with(tmp_path, font):
    """Before: recall 3/5, the fifth measure (its numbered first line atop page 3, above a run with an empty number
    column) merged into the fourth (sweep seed 32003, docs/variety.md Variety18)."""
    _skip_unless("chromium", font)
    spec = Spec(32003, "measures_report", "borderless+number_column+merged_responsible", "chromium", font)
    _print(tmp_path, spec)
    fields = check(tmp_path / "corpus", tmp_path / "curated")[spec.file]["fields"]
    for key in ("measure_recall", "measure_precision", "measure_text_exact", "measure_responsible",
                "measure_period", "measure_codes"):
        ok, n = fields[key]
        assert n and ok == n, (key, fields)
