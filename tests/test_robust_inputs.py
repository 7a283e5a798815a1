"""Bad inputs, generated here, through the real CLI: every file gets a documents row with the right status/error.

Runs with a PATH that has no tesseract, so image-only pages meet "no OCR available" (and the test stays fast).
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
FONT = Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf")
THAI_LINES = [
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "องค์การบริหารส่วนตำบลหนองน้ำใส อำเภอเมือง",
    "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
]


def thai_pdf(pages: int = 2, encrypt=None, marker: str = "") -> bytes:
    """A small text-layer PDF in a TLWG Thai font (reportlab embeds it)."""
    if "Garuda" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Garuda", str(FONT)))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=encrypt)
    for number in range(1, pages + 1):
        pdf.setFont("Garuda", 14)
        for index, line in enumerate(THAI_LINES + [f"หน้า {number} {marker}"]):
            pdf.drawString(72, 760 - 24 * index, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def minimal_pdf(objects: list[str]) -> bytes:
    """A hand-built PDF with a correct xref table (for structures reportlab will not write, e.g. no pages)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def image_only_pdf() -> bytes:
    """One page that is only a picture of Thai-looking text (no text layer)."""
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    for row in range(12):
        draw.rectangle((100, 120 + row * 60, 1100, 150 + row * 60), fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()


def many_pages_pdf(count: int) -> bytes:
    pdf = pdfium.PdfDocument.new()
    for _ in range(count):
        pdf.new_page(100, 100)
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>มาตรการ</w:document>")
    return buffer.getvalue()


# file name → (expected status, expected error or None); "ok|partial" means "read, not failed".
EXPECTED = {
    "html.pdf": ("failed", "not a PDF (looks like HTML)"),
    "word97.pdf": ("failed", "not a PDF (looks like a Word/Excel 97-2003 file)"),
    "word.pdf": ("failed", "not a PDF (looks like a ZIP archive or a Word .docx file)"),
    "empty.pdf": ("failed", "empty file (0 bytes)"),
    "truncated.pdf": ("failed", "truncated PDF (the file ends before the PDF does)"),
    "locked.pdf": ("failed", "encrypted PDF (needs a password)"),
    "open-encrypted.pdf": ("ok|partial", None),
    "zero-pages.pdf": ("failed", "PDF has no pages"),
    "scan-no-ocr.pdf": ("partial", None),
    "pages-2000.pdf": ("ok|partial", None),
    "a-first.pdf": ("ok|partial", None),
    "copies/same bytes.pdf": ("ok|partial", None),
    "มาตรการ ส่งเสริม (ฉบับที่ 1) #2 & 'x' $y.PDF": ("ok|partial", None),
    "dangling.pdf": ("failed", "cannot read file: broken link"),
    "folder.pdf": ("failed", "cannot read file: a folder, not a file"),
}


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad inputs")
    text = thai_pdf()
    files = {
        "html.pdf": b"<!DOCTYPE html>\n<html><head><title>404</title></head><body>Not Found</body></html>",
        "word97.pdf": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024),
        "word.pdf": docx_bytes(),
        "empty.pdf": b"",
        "truncated.pdf": thai_pdf(marker="cut")[:1500],
        "locked.pdf": thai_pdf(encrypt=StandardEncryption("secret", ownerPassword="owner"), marker="locked"),
        "open-encrypted.pdf": thai_pdf(encrypt=StandardEncryption("", ownerPassword="owner"), marker="open"),
        "zero-pages.pdf": minimal_pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]),
        "scan-no-ocr.pdf": image_only_pdf(),
        "pages-2000.pdf": many_pages_pdf(2000),
        "a-first.pdf": text,
        "copies/same bytes.pdf": text,
        "มาตรการ ส่งเสริม (ฉบับที่ 1) #2 & 'x' $y.PDF": thai_pdf(marker="thai name"),
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (root / "dangling.pdf").symlink_to(root / "gone-away.pdf")
    (root / "folder.pdf").mkdir()
    (root / "notes.txt").write_text("not a PDF by name: not an input")
    return root


@pytest.fixture(scope="module")
def documents(bad_corpus, tmp_path_factory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("curated")
    no_tesseract = tmp_path_factory.mktemp("empty-path")
    env = dict(os.environ, PATH=str(no_tesseract))
    assert shutil.which("tesseract", path=env["PATH"]) is None
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "--input", str(bad_corpus), "--output", str(out),
         "--quiet", "--workers", "2", "--timeout", "300"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return pd.read_parquet(out / "documents.parquet").set_index("source_path")


def test_every_input_has_exactly_one_row(documents):
    assert sorted(documents.index) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_status_and_error(documents, name):
    status, error = EXPECTED[name]
    row = documents.loc[name]
    assert row["status"] in status.split("|"), (row["status"], row["error"])
    if error is None:
        assert pd.isna(row["error"])
    else:
        assert row["error"] == error


def test_errors_are_short_and_never_tracebacks(documents):
    errors = documents["error"].dropna()
    assert len(errors) >= 8
    assert all("Traceback" not in e and "\n" not in e and len(e) < 120 for e in errors)


def test_same_bytes_make_one_document_with_both_paths(documents):
    first, copy = documents.loc["a-first.pdf"], documents.loc["copies/same bytes.pdf"]
    assert copy["doc_id"] == first["doc_id"]
    assert copy["duplicate_of"] == "a-first.pdf" and pd.isna(first["duplicate_of"])
    assert documents["doc_id"].dropna().value_counts()[first["doc_id"]] == 2


def test_scan_without_ocr_says_why(documents):
    row = documents.loc["scan-no-ocr.pdf"]
    assert row["n_pages"] == 1
    assert any("tesseract" in w for w in row["warnings"]), list(row["warnings"])


def test_large_page_count_is_read_in_full(documents):
    assert documents.loc["pages-2000.pdf", "n_pages"] == 2000
