"""Print HTML to PDF with headless Chromium, as a clerk prints a web page; tests skip where it is absent."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-pdf-header-footer"]


def print_html(html: str, pdf: Path) -> Path:
    if CHROMIUM is None:
        pytest.skip("headless Chromium is not installed (Debian package chromium)")
    source = pdf.with_suffix(".html")
    source.write_text(html, encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", source.as_uri()],
                       check=True, capture_output=True, timeout=180)
    return pdf
