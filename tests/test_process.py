"""The per-document path (pipeline.process): every stage runs on a real sample, and its decisions flow through."""
from __future__ import annotations

from pathlib import Path

import pipeline.resolve
from pipeline.discover import discover
from pipeline.process import process_document

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


def _report_sample():
    return next(s for s in discover(RAW) if s.source_path == "01003-report.pdf")


def test_a_sample_goes_through_every_stage():
    result = process_document(_report_sample())
    assert result.status == "ok", result.warnings
    assert result.parsed.doc_type == "measures_report"
    assert result.unit.method == "match" and result.unit.unit_name == "องค์การบริหารส่วนตำบลห้วยสัตว์ใหญ่"
    assert len(result.parsed.measures) > 5


def test_an_override_keyed_by_doc_id_decides_the_unit(tmp_path, monkeypatch):
    source = _report_sample()
    overrides = tmp_path / "unit_overrides.csv"
    overrides.write_text(f"doc_id,unit_raw,province,unit_id,note\n{source.doc_id},,,6940708,checked by hand\n",
                         encoding="utf-8")
    monkeypatch.setattr(pipeline.resolve, "OVERRIDES_FILE", overrides)
    result = process_document(source)
    assert (result.unit.method, result.unit.unit_id) == ("override", "6940708")
    assert result.unit.unit_name == "องค์การบริหารส่วนตำบลบือเระ"
