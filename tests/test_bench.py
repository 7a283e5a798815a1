"""`python -m pipeline bench` prints every figure the issue asks for, measured on the given folder."""
from __future__ import annotations

import re
import shutil

import pytest

from pipeline.bench import bare_pdfplumber, main
from pipeline.records import DocumentResult
from test_robust_inputs import thai_pdf


def test_bench_prints_all_figures(tmp_path, capsys):
    for index in range(2):
        (tmp_path / f"doc-{index}.pdf").write_bytes(thai_pdf(pages=3, marker=str(index)))
    assert main(["--input", str(tmp_path), "--workers", "2"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"pages\s+6 \(0 by OCR\) in 2 documents", out)
    for label in ("end to end, 1 worker", "end to end, 2 workers", "scaling 1 → 2 workers", "bare pdfplumber",
                  "ours ÷ bare, text-layer pages", "unchanged re-run", "peak memory per worker"):
        assert re.search(re.escape(label) + r".*\d", out), label
    assert "2/2 from cache" in out and "no OCR pages" in out


def test_bench_refuses_an_empty_folder(tmp_path, capsys):
    assert main(["--input", str(tmp_path)]) == 2
    assert "no readable PDFs" in capsys.readouterr().out


def test_bare_pass_times_every_file_even_broken_ones(tmp_path):
    good, bad = tmp_path / "good.pdf", tmp_path / "bad.pdf"
    good.write_bytes(thai_pdf(pages=2))
    bad.write_bytes(b"<html></html>")
    cpu: dict[str, float] = {}
    seconds = bare_pdfplumber([str(good), str(bad)], cpu)
    assert set(seconds) == {str(good), str(bad)} and all(s >= 0 for s in seconds.values())
    assert set(cpu) == set(seconds) and cpu[str(good)] > 0


def test_document_result_carries_cpu_seconds(tmp_path):
    from pipeline.discover import discover
    from pipeline.process import process_document
    (tmp_path / "a.pdf").write_bytes(thai_pdf(pages=1))
    result = process_document(discover(tmp_path)[0])
    assert result.cpu_seconds > 0 and result.seconds > 0


def test_national_extrapolation_scales_core_seconds_per_pdf():
    from pipeline.bench import national
    from pipeline.records import SourceFile

    results = [DocumentResult(SourceFile("a" * 64, f"{i}.pdf", f"/x/{i}.pdf", 1), "ok", n_pages=10,
                              ocr_pages=2 * i, seconds=3.0) for i in range(2)]
    rows = dict(national(results, pdfs=1200, cores=(1, 4)))
    [(label, summary)] = [(k, v) for k, v in rows.items() if k.startswith("national")]
    assert "10.0 pages/PDF" in summary and "10.0% of pages OCR'd" in summary and "1 core-hours" in summary
    assert [v for k, v in rows.items() if "(4 cores)" in k] == ["0.2 h (0.0 days)"]  # 3600 core-s / 4 cores


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_ocr_phases_cover_every_ocr_page_and_restore_the_functions(tmp_path):
    from parsers import ocr
    from pipeline.bench import ocr_phases
    from tests.pdf_factory import Row, make_pdf

    render = ocr.render
    scan = make_pdf(tmp_path / "scan.pdf", [[Row([["มาตรการ"], ["ผู้รับผิดชอบ"]], "header")]], [180, 130],
                    scanned=True, dpi=150)
    pages, phases, per_page = ocr_phases([str(scan)])
    assert pages == 1 and {"render", "tesseract", "digit re-reading", "rules (find, erase)"} <= set(phases)
    assert all(v >= 0 for v in phases.values()) and sum(phases.values()) <= per_page + 1e-6
    assert ocr.render is render
