"""The fast character conversion (parsers/pdf_objects.py) gives pdfplumber's dicts exactly, object for object."""
from __future__ import annotations

import pdfplumber
import pytest

from parsers.pdf_objects import FastCharPage, open_pdf
from tests.pdf_factory import Row, make_pdf
from tests.support.shared import SHARED

REAL = sorted((SHARED / "corpus" / "real").glob("*.pdf"))[:12]
SAMPLE = sorted((SHARED / "corpus" / "sample").glob("*.pdf"))[:6]


def _comparable(obj: dict) -> dict:
    """An image's stream is a fresh object in each opening: compare it by object number."""
    return {k: (v.objid if k == "stream" else v) for k, v in obj.items()}


def _objects(pdf, pages: int = 6) -> list[dict]:
    return [{kind: [_comparable(o) for o in objs] for kind, objs in page.objects.items()} for page in pdf.pages[:pages]]


def _assert_same(path) -> int:
    with pdfplumber.open(path) as plain, open_pdf(path) as fast:
        assert all(type(page) is FastCharPage for page in fast.pages)
        expected, got = _objects(plain), _objects(fast)
    assert got == expected
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
