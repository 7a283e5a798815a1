"""`python -m pipeline bench` prints every figure the issue asks for, measured on the given folder."""
from __future__ import annotations

import re

from pipeline.bench import bare_pdfplumber, main
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
    seconds = bare_pdfplumber([str(good), str(bad)])
    assert set(seconds) == {str(good), str(bad)} and all(s >= 0 for s in seconds.values())
