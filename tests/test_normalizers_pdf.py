"""Whole path on real PDFs: engine text → repair/quality → clean text, codes and periods.

One PDF is generated here with reportlab and a TLWG Thai font; one text-layer sample with known
PDFium damage (tone marks pushed past words) is checked against its truth.
"""
from __future__ import annotations

import json
import pathlib
import sys

import pdfplumber
import pypdfium2
import pytest

from normalizers.codes import split_code_prefix
from normalizers.dates import parse_period
from normalizers.thai_text import clean_text, repair_thai, text_quality
from tests.support.shared import SHARED

FONT = pathlib.Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf")
SAMPLE = SHARED / "corpus" / "sample"
LINES = [
    "O ๒๗ การสร้างวัฒนธรรม No Gift Policy",
    "๑๘ ผู้บังคับบัญชาในหน่วยงานของท่าน มีการสั่งให้เจ้าหน้าที่ทำในสิ่งที่เป็นการทุจริต",
    "๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙",
]


@pytest.fixture(scope="module")
def thai_pdf(tmp_path_factory) -> pathlib.Path:
    if not FONT.exists():
        pytest.skip("TLWG fonts not installed")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Garuda", str(FONT)))
    path = tmp_path_factory.mktemp("pdf") / "thai.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("Garuda", 14)
    for i, line in enumerate(LINES):
        page.drawString(50, 780 - 30 * i, line)
    page.save()
    return path


def _engine_lines(path: pathlib.Path) -> dict[str, list[str]]:
    document = pypdfium2.PdfDocument(str(path))
    try:
        pdfium = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    with pdfplumber.open(path) as doc:
        plumber = doc.pages[0].extract_text()
    return {"pdfium": pdfium.splitlines(), "pdfplumber": plumber.splitlines()}


def test_generated_pdf_reads_back_into_contract_values(thai_pdf):
    engines = _engine_lines(thai_pdf)
    for i, expected in enumerate(LINES):
        readings = [repair_thai(lines[i]) for lines in engines.values() if i < len(lines)]
        best = max(readings, key=text_quality)
        assert clean_text(best) == clean_text(expected)
    codes = [split_code_prefix(clean_text(line), 2568)[0] for line in LINES[:2]]
    assert codes == [["o27"], ["i8"]]
    period = parse_period(LINES[2])
    assert (period.start.isoformat(), period.end.isoformat()) == ("2025-10-01", "2026-09-30")


@pytest.mark.skipif(not (SAMPLE / "01001-measures_new.pdf").exists(), reason="sample corpus not available")
def test_damaged_sample_cells_repair_to_under_one_percent_cer():
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "scripts"))
    from cer_report import approach_texts, best_span_distance, squash

    truth = json.loads((SAMPLE / "truth" / "01001-measures_new.json").read_text(encoding="utf-8"))
    texts = approach_texts(SAMPLE / truth["file"])
    raw, clean = squash(texts["layout"]), squash(texts["layout+clean"])
    targets = [squash(m[f]) for m in truth["measures"] for f in ("measure", "method") if m.get(f)]
    chars = sum(map(len, targets))
    raw_errors = sum(best_span_distance(t, raw) for t in targets)
    clean_errors = sum(best_span_distance(t, clean) for t in targets)
    assert raw_errors > 0  # this sample's PDFium text is damaged (`แต่งตังคณะกรรมก ้ าร`)
    assert clean_errors < raw_errors and clean_errors / chars < 0.01
