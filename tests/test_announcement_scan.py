"""Scanned announcements (generated, rasterised): a score is right or null with a warning, never wrong; a
sideways page is turned upright before OCR."""
from __future__ import annotations

import shutil

import pypdfium2 as pdfium
import pytest

from parsers import ocr
from pipeline.discover import discover
from pipeline.process import process_document
from tests.announcement_factory import AnnouncementSpec, make_announcement

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract-ocr")


@pytest.mark.slow
@needs_tesseract
def test_scanned_announcement_never_wrong(tmp_path):
    spec = AnnouncementSpec(form="overall", year=2566, rows=14, seed=21, province="ปัตตานี", rows_per_page=14)
    truth = make_announcement(tmp_path / "scan.pdf", spec, scanned=True)
    (source,) = discover(tmp_path)
    result = process_document(source)
    assert result.parsed.doc_type == "results_announcement"
    assert len(result.parsed.results) <= len(truth)
    by_name = {"".join(r.name.split()): r for r in truth}
    for row in result.parsed.results:
        want = by_name.get("".join((row.unit_raw or "").split()))
        if want is not None and row.overall_score is not None:
            assert row.overall_score == want.total, want.name


@pytest.mark.slow
@needs_tesseract
@pytest.mark.parametrize("turn", [0, 90, 270])
def test_sideways_page_is_turned_upright(tmp_path, turn):
    spec = AnnouncementSpec(form="points", year=2568, rows=20, seed=5, colleges=True)
    make_announcement(tmp_path / "a.pdf", spec)
    page = pdfium.PdfDocument(tmp_path / "a.pdf")[0]
    image = page.render(scale=150 / 72, grayscale=True).to_pil().convert("L")
    upright, turned = ocr.upright(image.rotate(turn, expand=True, fillcolor=255))
    assert turned == turn and upright.size == image.size
