"""Whole path on generated PDFs: a misspelled unit title lands on its registry unit; an unknown one is reviewed."""
from __future__ import annotations

import csv

import pandas as pd

from pipeline.run import RunOptions, run_extract
from tests.pdf_factory import Row, make_pdf


def _title_page(unit_line: str, body_unit: str) -> list[Row]:
    lines = ["มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖", unit_line,
             "อำเภอสายบุรี จังหวัดปัตตานี", f"จากผลการประเมิน ITA ของ{body_unit} พบว่ามีผลคะแนน ๙๔.๕๙ คะแนน"]
    return [Row([[line]], "text") for line in lines]


def test_generated_documents_resolve_or_go_to_review(tmp_path):
    raw, curated = tmp_path / "raw", tmp_path / "curated"
    raw.mkdir()
    # seed 000 spells its unit ปือระ in the title and บ่อระ in the body; the registry name is บือเระ.
    # Loma: reportlab drops the tone marks of Garuda (องคการบริหารสวนตำบล), which the parser does not read yet.
    make_pdf(raw / "misspelled.pdf", [_title_page("องค์การบริหารส่วนตำบลปือระ", "องค์การบริหารส่วนตำบลบ่อระ")],
             col_widths=[480], ruled=False, family="Loma")
    make_pdf(raw / "unknown.pdf", [_title_page("องค์การบริหารส่วนตำบลซูเปอร์แมนทดสอบ", "อบต.ซูเปอร์แมนทดสอบ")],
             col_widths=[480], ruled=False, family="Loma")
    run_extract(raw, curated, RunOptions(workers=1, use_cache=False, progress=False))
    docs = pd.read_parquet(curated / "documents.parquet").set_index("source_path")
    found = docs.loc["misspelled.pdf"]
    assert (found["unit_id"], found["unit_name"], found["district"], found["province"]) == (
        "6940708", "องค์การบริหารส่วนตำบลบือเระ", "สายบุรี", "ปัตตานี")
    unknown = docs.loc["unknown.pdf"]
    assert pd.isna(unknown["unit_id"]) and unknown["province"] == "ปัตตานี"
    with open(curated / "review_units.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["source_path"] for r in rows] == ["unknown.pdf"]
    assert "ซูเปอร์แมนทดสอบ" in rows[0]["unit_raw"]
