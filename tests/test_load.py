"""Load: one set of facts per distinct document, the contract's schemas, and an all-or-nothing dataset switch."""
from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq
import pytest

from pipeline.load import COMMITTED, MANIFEST, STAGING, build_rows, load, recover
from parsers.records import Assessment, Measure, ParsedDocument
from pipeline.records import DocumentResult, SourceFile, UnitResolution
from pipeline.schema import TABLES


def result(path: str, doc_id: str, duplicate_of: str | None = None, score: float = 80.0) -> DocumentResult:
    parsed = ParsedDocument(doc_type="measures", fiscal_year=2568, assessment_year=2567,
                            assessment=Assessment(overall_score=score, level="ผ่านดี"),
                            measures=[Measure(row=1, page=1, measure="เปิดเผยข้อมูล", codes=["o1", "o2"])])
    unit = UnitResolution(unit_id="U1", unit_name="องค์การบริหารส่วนตำบลหนองน้ำใส", method="match")
    return DocumentResult(SourceFile(doc_id, path, f"/in/{path}", 10, duplicate_of=duplicate_of), "ok",
                          n_pages=1, ocr_pages=0, parsed=parsed, unit=unit, pipeline_version="v1")


def failed(path: str) -> DocumentResult:
    return DocumentResult(SourceFile("", path, f"/in/{path}", 0, read_error="cannot read file: broken link"),
                          "failed", error="cannot read file: broken link", pipeline_version="v1")


def test_duplicates_keep_their_path_but_add_no_facts():
    rows = build_rows([result("b/copy.pdf", "d1", duplicate_of="a.pdf"), failed("z.pdf"), result("a.pdf", "d1")])
    assert [r["source_path"] for r in rows["documents"]] == ["a.pdf", "b/copy.pdf", "z.pdf"]
    assert rows["documents"][1]["duplicate_of"] == "a.pdf"
    assert rows["documents"][2]["doc_id"] is None and rows["documents"][2]["status"] == "failed"
    assert len(rows["assessments"]) == len(rows["measures"]) == len(rows["units"]) == 1
    assert rows["measures"][0]["codes"] == ["o1", "o2"]


def test_tables_follow_the_contract_and_a_manifest_lists_them(tmp_path):
    counts = load([result("a.pdf", "d1"), result("b.pdf", "d2", score=61.5), failed("c.pdf")], tmp_path)
    assert counts == {"documents": 3, "assessments": 2, "indicator_scores": 0, "question_scores": 0, "pages": 0,
                      "measures": 2, "units": 1}
    for name, schema in TABLES.items():
        assert pq.read_schema(tmp_path / f"{name}.parquet").equals(schema, check_metadata=False)
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert {k: v["rows"] for k, v in manifest["tables"].items()} == counts
    assert not (tmp_path / STAGING).exists() and not (tmp_path / COMMITTED).exists()


def _rows(folder) -> dict:
    return {name: pq.read_table(folder / f"{name}.parquet").to_pylist() for name in TABLES}


@pytest.fixture
def old_and_new(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    load([result("a.pdf", "d1")], old)
    load([result("a.pdf", "d1", score=55.0), result("b.pdf", "d2")], new)
    return old, new


def test_a_staging_folder_left_by_a_killed_run_is_dropped(old_and_new):
    old, new = old_and_new
    before = _rows(old)
    shutil.copytree(new, old / STAGING)
    (old / STAGING / "measures.parquet").write_bytes(b"half-written")
    recover(old)
    assert not (old / STAGING).exists() and _rows(old) == before


def test_a_commit_interrupted_midway_is_finished(old_and_new):
    old, new = old_and_new
    shutil.copytree(new, old / COMMITTED)
    for name in ("documents", "assessments"):  # the killed run had moved these two into place
        (old / COMMITTED / f"{name}.parquet").replace(old / f"{name}.parquet")
    recover(old)
    assert not (old / COMMITTED).exists() and _rows(old) == _rows(new)
    assert json.loads((old / MANIFEST).read_text()) == json.loads((new / MANIFEST).read_text())
