"""The fast character conversion (parsers/pdf_objects.py) gives pdfplumber's dicts exactly, object for object."""
from __future__ import annotations

import pdfplumber
import pytest

from parsers.pdf_objects import FastCharPage, open_pdf, table_texts
from tests.pdf_factory import Row, make_pdf
from tests.support.shared import SHARED

REAL = sorted((SHARED / "corpus" / "real").glob("*.pdf"))[:12]
SAMPLE = sorted((SHARED / "corpus" / "sample").glob("*.pdf"))[:6]


def _comparable(obj: dict) -> dict:
    """An image's stream is a fresh object in each opening: compare it by object number."""
    return {k: (v.objid if k == "stream" else v) for k, v in obj.items()}


def _objects(pdf, pages: int = 6) -> list[dict]:
    return [{kind: [_comparable(o) for o in objs] for kind, objs in page.objects.items()} for page in pdf.pages[:pages]]


class _GenericCharPage(FastCharPage):
    """FastCharPage with pdfplumber's generic conversion of every object: the reference for the fast path (both
    read /ActualText spans alike, parsers.pdf_objects.actual_text_chars)."""

    def _process_object(self, obj):
        return pdfplumber.page.Page.process_object(self, obj)


def _assert_same(path) -> int:
    with pdfplumber.open(path) as plain, open_pdf(path) as fast:
        assert all(type(page) is FastCharPage for page in fast.pages)
        for page in plain.pages:
            page.__class__ = _GenericCharPage
        expected, got = _objects(plain), _objects(fast)
    assert got == expected
    with open_pdf(path) as fast:
        for page in fast.pages[:6]:
            for table in page.find_tables():
                assert table_texts(table, page.chars) == table.extract()
    return sum(len(objects.get("char", [])) for objects in got)


def test_generated_pdf_gives_pdfplumbers_dicts(tmp_path):
    rows = [Row([["ลำดับ"], ["มาตรการ"], ["ผู้รับผิดชอบ"]], "header"),
            Row([["๑"], ["จัดทำคู่มือการปฏิบัติงาน", "เพื่อป้องกันการทุจริต"], ["สำนักปลัด"]]),
            Row([["2"], ["ประกาศเจตนารมณ์ No Gift Policy"], ["กองคลัง"]])]
    for family in ("Garuda", "Loma"):
        chars = _assert_same(make_pdf(tmp_path / f"{family}.pdf", [rows, rows], [40, 300, 120], family=family))
        assert chars > 100


@pytest.mark.skipif(not REAL, reason="needs shared/corpus (real and sample PDFs)")
@pytest.mark.parametrize("path", REAL + SAMPLE, ids=lambda p: p.name[:40])
def test_real_and_sample_pdfs_give_pdfplumbers_dicts(path):
    _assert_same(path)


def _pdfium_page_objects(path, pages: int = 6):
    """(pdfminer's objects, PdfiumPage's objects) of the first pages."""
    import pypdfium2 as pdfium

    from parsers.pdf_objects import PdfiumPage, use_pdfium
    document = pdfium.PdfDocument(str(path))
    try:
        with pdfplumber.open(path) as plain, pdfplumber.open(path) as built:
            out = []
            for number, (a, b) in enumerate(zip(plain.pages[:pages], built.pages[:pages])):
                page = document[number]
                use_pdfium(b, page, page.get_textpage())
                assert type(b) is PdfiumPage
                out.append((a, b))
            yield out
    finally:
        document.close()


def _same_cells(got, expected, tolerance: float = 0.1) -> bool:
    if len(got) != len(expected) or not expected:
        return False
    for a, b in zip(got, expected):
        if len(a.cells) != len(b.cells):
            return False
        if any(abs(u - v) > tolerance for ca, cb in zip(a.cells, b.cells) for u, v in zip(ca, cb)):
            return False
    return True


def _near(a: dict, b: dict) -> bool:
    """Same line box within 0.15 pt; origins within 1 pt (PDFium and pdfminer round a Latin run's advances
    differently, and the difference adds up along the run); the right edge within 1 pt where PDFium's box has a
    glyph's ink overhang (`f`) and pdfminer's its advance, a Thai mark's not at all (ink against zero advance).
    Words and cells, asserted apart, must come out the same."""
    from normalizers.thai_text import MARKS
    if any(abs(a[k] - b[k]) > 0.15 for k in ("top", "bottom")) or abs(a["x0"] - b["x0"]) > 1.0:
        return False
    return a["text"] in MARKS or abs(a["x1"] - b["x1"]) <= 1.0


def test_pdfium_page_gives_pdfminers_boxes_and_rules(tmp_path):
    """Characters where pdfminer puts them (same text and origins), and the same ruling lines and
    table cells, for a ruled table in two fonts."""
    rows = [Row([["ลำดับ"], ["มาตรการ"], ["ผู้รับผิดชอบ"]], "header"),
            Row([["๑"], ["จัดทำคู่มือการปฏิบัติงาน", "เพื่อป้องกันการทุจริต"], ["สำนักปลัด"]]),
            Row([["2"], ["ประกาศเจตนารมณ์ No Gift Policy"], ["กองคลัง"]])]
    for family in ("Garuda", "Loma"):
        path = make_pdf(tmp_path / f"{family}.pdf", [rows, rows], [40, 300, 120], family=family)
        for pages in _pdfium_page_objects(path):
            for plain, built in pages:
                expected = [c for c in plain.chars if c["text"].strip()]
                got = [c for c in built.chars if c["text"].strip()]
                assert [c["text"] for c in got] == [c["text"] for c in expected]
                assert [a["text"] for a, b in zip(got, expected) if not _near(a, b)] == []
                assert ["bold" in c["fontname"].lower() for c in got] == ["bold" in c["fontname"].lower() for c in expected]
                assert len(built.edges) == len(plain.edges) > 0
                assert _same_cells(built.find_tables(), plain.find_tables())
                assert built.extract_words() and [w["text"] for w in built.extract_words()] == [w["text"] for w in plain.extract_words()]


@pytest.mark.skipif(not SAMPLE, reason="needs shared/corpus/sample")
@pytest.mark.parametrize("path", SAMPLE[:3], ids=lambda p: p.name[:40])
def test_pdfium_page_reads_sample_tables_as_pdfminer(path):
    """On LibreOffice samples the table grid is pdfminer's (cells within 0.05 pt)."""
    for pages in _pdfium_page_objects(path, pages=3):
        for plain, built in pages:
            assert _same_cells(built.find_tables(), plain.find_tables())
