"""Corrections: typed, keyed per table, marked, reported when their target is gone, and re-applied each run."""
from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.corrections import (UNAPPLIED_FILE, Correction, apply_corrections, correction_line, parse_value,
                                  read_corrections)
from tests.support.shared import ROOT

SAMPLE = ROOT / "data" / "raw" / "01002-province.pdf"


def rows() -> dict[str, list[dict]]:
    source = {"page": 1, "bbox": {"x0": 1.0, "top": 2.0, "x1": 3.0, "bottom": 4.0}, "source_text": "๘๒.๗๖",
              "engine": "pdfium", "confidence": 1.0}
    return {
        "documents": [{"doc_id": "d1", "source_path": "a.pdf", "fiscal_year": 2566},
                      {"doc_id": "d1", "source_path": "copy/a.pdf", "fiscal_year": 2566, "duplicate_of": "a.pdf"}],
        "assessments": [{"doc_id": "d1", "row": 1, "overall_score": 82.76, "level": "B", **source}],
        "indicator_scores": [{"doc_id": "d1", "indicator": i, "score": 80.0 + i, **source} for i in (1, 2)],
        "question_scores": [{"doc_id": "d1", "code": "o1", "score": 100.0, **source}],
        "measures": [{"doc_id": "d1", "row": 1, "measure": "เปิดเผยข้อมูล", "codes": ["o1"],
                      "period_start": None, **source}],
        "units": [], "pages": [],
    }


def fix(table, key, field, value, line=2, doc_id="d1") -> Correction:
    return Correction(doc_id, table, key, field, value, "", line)


def test_a_correction_changes_its_value_only_and_marks_the_row_keeping_the_provenance():
    tables = rows()
    before = rows()
    report = apply_corrections(tables, [fix("indicator_scores", "2", "score", "92.5")])
    assert [c.line for c in report.applied] == [2] and report.unapplied == []
    changed, untouched = tables["indicator_scores"][1], tables["indicator_scores"][0]
    assert changed["score"] == 92.5 and changed["corrected"] is True
    assert {k: v for k, v in changed.items() if k not in ("score", "corrected")} \
        == {k: v for k, v in before["indicator_scores"][1].items() if k != "score"}
    assert untouched == {**before["indicator_scores"][0], "corrected": False}
    assert all(r["corrected"] is False for name in ("documents", "assessments", "measures") for r in tables[name])


def test_values_are_typed_by_the_column_and_documents_use_no_key():
    tables = rows()
    report = apply_corrections(tables, [
        fix("documents", "-", "fiscal_year", "2567"), fix("measures", "1", "codes", '["o1", "o2"]', 3),
        fix("measures", "1.0", "period_start", "2023-10-01", 4), fix("assessments", "1", "level", "", 5),
        fix("question_scores", "o1", "code", "o2", 6), fix("question_scores", "o1", "score", "95", 7),
    ])
    assert report.unapplied == []
    assert [d["fiscal_year"] for d in tables["documents"]] == [2567, 2567]  # the duplicate's row too
    assert tables["measures"][0]["codes"] == ["o1", "o2"]
    assert tables["measures"][0]["period_start"] == dt.date(2023, 10, 1)
    assert tables["assessments"][0]["level"] is None
    # both corrections found the row by its code as extracted
    assert tables["question_scores"][0]["code"] == "o2" and tables["question_scores"][0]["score"] == 95.0


@pytest.mark.parametrize("correction, reason", [
    (fix("indicator_scores", "7", "score", "90"), "no indicator_scores row with indicator '7'"),
    (fix("indicator_scores", "1", "score", "90", doc_id="gone"), "no document with this doc_id"),
    (fix("indicator_scores", "1", "points", "90"), "no column 'points'"),
    (fix("indicator_scores", "1", "bbox", "1"), "identity or provenance"),
    (fix("indicator_scores", "1", "score", "ninety"), "value does not fit score"),
    (fix("measures", "1", "row", "1.5"), "not a whole number"),
    (fix("units", "-", "unit_name", "x"), "table 'units' cannot be corrected"),
    (fix("documents", "-", "unit_id", "6720215"), "unit_overrides.csv"),
])
def test_a_correction_whose_target_is_gone_is_reported_not_dropped(correction, reason):
    tables = rows()
    before = rows()
    report = apply_corrections(tables, [correction])
    assert report.applied == [] and len(report.unapplied) == 1
    assert reason in report.unapplied[0][1]
    for name in ("indicator_scores", "measures"):
        assert [{k: v for k, v in r.items() if k != "corrected"} for r in tables[name]] == before[name]


def test_a_later_line_for_the_same_value_wins_and_the_earlier_is_reported():
    tables = rows()
    report = apply_corrections(tables, [fix("indicator_scores", "1", "score", "70", 2),
                                        fix("indicator_scores", "1", "score", "71", 3)])
    assert tables["indicator_scores"][0]["score"] == 71.0
    assert [(c.line, reason) for c, reason in report.unapplied] == [(2, "superseded by line 3")]


@given(st.one_of(st.text(), st.floats(allow_nan=False, allow_infinity=False), st.integers(-10**6, 10**6),
                 st.lists(st.text(alphabet="abcio0123456789ก", max_size=4), max_size=4), st.dates()))
def test_the_line_the_review_page_offers_reads_back_as_the_same_value(value):
    kind = (pa.string() if isinstance(value, str) else pa.float64() if isinstance(value, float)
            else pa.int32() if isinstance(value, int) else pa.list_(pa.string()) if isinstance(value, list)
            else pa.date32())
    line = correction_line("d1", "measures", 3, "x", value, "ตรวจแล้ว")
    parsed = next(csv.reader([line]))
    assert parsed[:4] == ["d1", "measures", "3", "x"] and parsed[5] == "ตรวจแล้ว"
    expected = None if value == "" else value
    if isinstance(value, str) and value.strip() == "" and value != "":
        expected = None
    assert parse_value(parsed[4], kind) == expected


def _extract(input_dir: Path, output: Path, corrections: Path) -> str:
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "--input", str(input_dir), "--output", str(output),
         "--quiet", "--workers", "1", "--corrections", str(corrections)],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return completed.stdout


def _tables(curated: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(curated / f"{name}.parquet")
            for name in ("documents", "assessments", "indicator_scores", "question_scores", "measures")}


@pytest.mark.skipif(not SAMPLE.exists(), reason="data/raw sample not present")
def test_a_correction_of_a_sample_value_changes_it_on_the_next_run_and_nothing_else(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    corrections = tmp_path / "corrections.csv"
    corrections.write_text("doc_id,table,key,field,value,note\n", encoding="utf-8")
    curated = tmp_path / "curated"
    _extract(raw, curated, corrections)
    before = _tables(curated)
    target = before["indicator_scores"].iloc[0]
    line = correction_line(target["doc_id"], "indicator_scores", target["indicator"], "score",
                           round(target["score"] - 1.25, 2), "checked against the PDF")
    stale = correction_line(target["doc_id"], "question_scores", "i99", "score", 50)
    corrections.write_text(f"doc_id,table,key,field,value,note\n{line}\n{stale}\n", encoding="utf-8")

    summary = _extract(raw, curated, corrections)
    after = _tables(curated)
    assert "corrections: 1 applied, 1 not applied" in summary and "i99" in summary
    unapplied = list(csv.DictReader((curated / UNAPPLIED_FILE).open(encoding="utf-8")))
    assert [(u["key"], u["line"]) for u in unapplied] == [("i99", "3")]
    assert read_corrections(corrections)[0].note == "checked against the PDF"
    for name, frame in before.items():
        changed = after[name]
        assert list(changed.columns) == list(frame.columns) and len(changed) == len(frame)
        marked = changed["corrected"].to_numpy()
        if name != "indicator_scores":
            assert not marked.any()
            pd.testing.assert_frame_equal(changed, frame)
            continue
        assert marked.tolist() == [True] + [False] * (len(frame) - 1)
        assert changed["score"].iloc[0] == pytest.approx(target["score"] - 1.25)
        expected = frame.copy()
        expected.loc[0, "score"] = changed["score"].iloc[0]
        expected.loc[0, "corrected"] = True
        pd.testing.assert_frame_equal(changed, expected)  # provenance (page, bbox, source_text) kept
