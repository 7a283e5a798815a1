"""The data package: valid per the frictionless library, every table in CSV and Parquet, keys enforced."""
from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

frictionless = pytest.importorskip("frictionless")

from parsers.records import Assessment, IndicatorScore, Measure, ParsedDocument, Provenance  # noqa: E402
from pipeline import publish  # noqa: E402
from pipeline.load import load  # noqa: E402
from pipeline.records import DocumentResult, PageRecord, SourceFile, UnitResolution  # noqa: E402
from pipeline.schema import TABLES  # noqa: E402

BOX = Provenance(2, (56.8, 321.9, 120.5, 336.0), "๘๙.๔๖", "pdfium", 1.0)


def _result(path: str, doc_id: str, duplicate_of: str | None = None) -> DocumentResult:
    parsed = ParsedDocument(
        doc_type="measures", fiscal_year=2568, assessment_year=2567,
        assessment=Assessment(overall_score=89.46, level="ผ่านดี", source=BOX),
        indicators=[IndicatorScore(1, "การปฏิบัติหน้าที่", "IIT", 86.48, BOX), IndicatorScore(2, "การใช้งบประมาณ", "IIT", 91.0)],
        measures=[Measure(row=1, page=2, measure="เปิดเผยข้อมูล, \"ข่าวสาร\"\nทุกเดือน", codes=["o1", "o2"], source=BOX),
                  Measure(row=2, page=3, measure="No Gift Policy")])
    unit = UnitResolution(unit_id="6720215", unit_name="องค์การบริหารส่วนตำบลโคกช้าง", method="match")
    return DocumentResult(SourceFile(doc_id, path, f"/in/{path}", 10, duplicate_of=duplicate_of), "partial",
                          n_pages=3, ocr_pages=0, parsed=parsed, unit=unit, warnings=["level vs scale: ผ่าน"],
                          pages=[PageRecord(n, f"หน้า {n}", "pdfium", False, 0.9) for n in (1, 2, 3)],
                          pipeline_version="v1")


@pytest.fixture
def package(tmp_path):
    curated = tmp_path / "curated"
    failed = DocumentResult(SourceFile("", "bad.pdf", "/in/bad.pdf", 0, read_error="empty"), "failed", error="empty")
    load([_result("a.pdf", "d" * 64), _result("copy/a.pdf", "d" * 64, duplicate_of="a.pdf"), failed,
          _result("b.pdf", "e" * 64)], curated)
    out = tmp_path / "package"
    assert publish.main(["--curated", str(curated), "--output", str(out)]) == 0
    return curated, out


def test_the_package_is_valid_and_holds_every_table_in_csv_and_parquet(package):
    curated, out = package
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in descriptor["resources"]]
    assert names == [n for table in TABLES for n in (table, f"{table}-parquet")]
    for resource in descriptor["resources"]:
        if resource["name"] in TABLES:
            assert resource["schema"]["primaryKey"] and all(f["description"] for f in resource["schema"]["fields"])
    for table in TABLES:
        assert pq.read_table(out / "parquet" / f"{table}.parquet").equals(pq.read_table(curated / f"{table}.parquet"))
    assert "measures" in (out / "README.md").read_text(encoding="utf-8")


def test_csv_flattens_the_box_and_encodes_lists_as_json_and_reads_back_typed(package):
    _, out = package
    rows = frictionless.Package(str(out / "datapackage.json")).get_resource("measures").read_rows()
    assert [r["codes"] for r in rows] == [["o1", "o2"], [], ["o1", "o2"], []]
    first = rows[0]
    box = (first["bbox_x0"], first["bbox_top"], first["bbox_x1"], first["bbox_bottom"])
    assert tuple(map(float, box)) == (56.8, 321.9, 120.5, 336.0)
    assert first["measure"] == 'เปิดเผยข้อมูล, "ข่าวสาร"\nทุกเดือน' and first["page"] == 2 and first["corrected"] is False
    assert rows[1]["bbox_x0"] is None and rows[1]["engine"] is None
    with (out / "csv" / "documents.csv").open(encoding="utf-8") as handle:
        documents = list(csv.DictReader(handle))
    assert json.loads(documents[0]["warnings"]) == ["level vs scale: ผ่าน"]
    assert next(d for d in documents if d["source_path"] == "bad.pdf")["doc_id"] == ""  # the unreadable file: null, and the package is still valid


def test_a_fact_pointing_to_no_document_makes_the_package_invalid(package):
    _, out = package
    path = out / "csv" / "indicator_scores.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("d" * 64, "f" * 64), encoding="utf-8")
    report = frictionless.validate(str(out / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {error.type for task in report.tasks for error in task.errors}
