"""Layout recall on the sample corpus, measured without the ITA parser.

For every truth measure, some body row of some table must hold its measure, method and responsible
texts (rapidfuzz ratio >= 90 on whitespace-stripped text, each in some cell of the row).
Run as a script for the figures on a whole corpus:
    python tests/test_layout_recall.py ../shared/corpus/sample [--only-scanned]
"""
from __future__ import annotations

import json
import pathlib
import re
import sys

import pytest
from rapidfuzz import fuzz

from normalizers.digits import to_arabic_digits
from parsers.layout import extract_layout
from pipeline.normalize import normalize_layout
from tests.support.shared import SHARED

SAMPLE = SHARED / "corpus" / "sample"


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", "", to_arabic_digits(text or ""))


def _cell_match(truth: str | None, cells: list[str]) -> bool:
    if not truth:
        return True
    want = _norm(truth)
    return any(fuzz.ratio(want, _norm(c)) >= 90 or (len(_norm(c)) > len(want) and want in _norm(c)) for c in cells)


def document_recall(pdf: pathlib.Path, truth: dict) -> tuple[int, int, int]:
    """(truth measures found in a body row, truth measures, body rows of the measure tables)."""
    layout = normalize_layout(extract_layout(pdf, "x"))
    found = 0
    hit_tables = set()
    for measure in truth["measures"]:
        for t_index, table in enumerate(layout.tables):
            hit = next((r for r in table.rows if r.kind == "body" and _cell_match(measure["measure"], r.cells)
                        and _cell_match(measure["method"], r.cells) and _cell_match(measure["responsible"], r.cells)), None)
            if hit:
                found += 1
                hit_tables.add(t_index)
                break
    n_rows = sum(1 for i in hit_tables for r in layout.tables[i].rows if r.kind == "body")
    return found, len(truth["measures"]), n_rows


def corpus_recall(corpus: pathlib.Path, only_scanned: bool = False) -> list[tuple[str, int, int, int]]:
    out = []
    for truth_path in sorted((corpus / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        if not truth["measures"] or (only_scanned and not truth["scanned"]):
            continue
        out.append((truth["file"], *document_recall(corpus / truth["file"], truth)))
    return out


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared sample corpus not present")
@pytest.mark.parametrize("name", ["01001-measures_new.pdf", "01003-report.pdf", "01000-measures_old.pdf"])
def test_every_truth_measure_is_one_body_row(name):
    truth = json.loads((SAMPLE / "truth" / name.replace(".pdf", ".json")).read_text(encoding="utf-8"))
    found, expected, n_rows = document_recall(SAMPLE / name, truth)
    assert found == expected
    assert n_rows == expected


if __name__ == "__main__":
    results = corpus_recall(pathlib.Path(sys.argv[1]), "--only-scanned" in sys.argv)
    for name, found, expected, n_rows in results:
        print(f"{name:32s} found {found:3d}/{expected:<3d} body rows in those tables {n_rows}")
    total_found = sum(r[1] for r in results)
    total = sum(r[2] for r in results)
    print(f"recall {total_found}/{total} = {total_found / max(total, 1):.3f}")
