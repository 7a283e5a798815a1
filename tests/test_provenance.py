"""Provenance on text-layer documents: the PDF text inside every value's box holds the value as printed, and
the pages table holds every page with its repaired text (searchable, as the README's DuckDB example does)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pdfplumber
import pypdfium2 as pdfium
import pytest

from normalizers.digits import to_arabic_digits
from normalizers.thai_text import clean_text
from tests.pdf_factory import Row, make_pdf
from tests.support.cli import extract
from tests.support.shared import ROOT

RAW = ROOT / "data" / "raw"
SCANNED = {"01023-province.pdf"}  # OCR pages: slow, and their boxes are checked by the scan tests
GIFT_UNIT = "องค์การบริหารส่วนตำบลท่าบัว"
# The README's example, run as written on the curated folder.
NO_GIFT_SQL = """
SELECT DISTINCT d.unit_name, d.province
FROM 'data/curated/pages.parquet' p
JOIN 'data/curated/documents.parquet' d USING (doc_id)
WHERE p.text ILIKE '%no gift policy%' AND d.duplicate_of IS NULL
ORDER BY d.province, d.unit_name;
"""
PUA = re.compile("[\ue000-\uf8ff]")
LOST_SARA_AM = re.compile("[\u0e01-\u0e2e] \u0e32|\u0e4d\u0e32| \u0e33")  # ทำ read as "ท า", "ทํา" or "ท ำ"


def _gift_pdf(folder: Path) -> Path:
    pages = [[
        Row([["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568"]], "heading"),
        Row([[f"{GIFT_UNIT} อำเภอโพทะเล จังหวัดพิจิตร"]], "heading"),
        Row([["ลำดับ"], ["มาตรการ"], ["วิธีการดำเนินการ"], ["ผู้รับผิดชอบ"]], "header"),
        Row([["1"], ["ประกาศนโยบาย No Gift Policy"], ["ประกาศให้บุคลากรทราบ"], ["สำนักปลัด"]]),
    ]]
    return make_pdf(folder / "gift.pdf", pages, col_widths=[40, 180, 160, 100])


@pytest.fixture(scope="module")
def curated(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("provenance")
    raw = base / "raw"
    raw.mkdir()
    for pdf in sorted(RAW.glob("*.pdf")):
        if pdf.name not in SCANNED:
            shutil.copy(pdf, raw / pdf.name)
    _gift_pdf(raw)
    out = base / "curated"
    extract(raw, out)
    return out


def _tables(curated: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(curated / f"{name}.parquet")
            for name in ("documents", "pages", "assessments", "indicator_scores", "question_scores", "measures")}


def test_pages_hold_every_page_of_every_document_read(curated):
    t = _tables(curated)
    for doc in t["documents"].itertuples():
        if doc.status == "failed" or isinstance(doc.duplicate_of, str):
            continue
        pages = t["pages"][t["pages"]["doc_id"] == doc.doc_id]
        assert sorted(pages["page"]) == list(range(1, doc.n_pages + 1)), doc.source_path
        assert int(pages["ocr"].sum()) == doc.ocr_pages


def test_text_layer_pages_hold_the_repaired_text(curated):
    pages = _tables(curated)["pages"]
    text_layer = pages[~pages["ocr"]]
    assert len(text_layer) > 10
    for page in text_layer.itertuples():
        assert not PUA.search(page.text), (page.doc_id[:8], page.page)
        assert "(cid:" not in page.text, (page.doc_id[:8], page.page)
        assert not LOST_SARA_AM.search(page.text), (page.doc_id[:8], page.page, LOST_SARA_AM.search(page.text))


def test_the_readme_query_finds_every_unit_whose_documents_mention_no_gift_policy(curated):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert NO_GIFT_SQL.strip() in readme
    found = duckdb.sql(NO_GIFT_SQL.replace("data/curated", str(curated))).fetchall()
    assert (GIFT_UNIT, "พิจิตร") in found


def _printed_forms(value: float) -> set[str]:
    forms = {f"{value:.2f}", f"{value:.1f}", f"{value:g}"}
    if float(value).is_integer():
        forms.add(str(int(value)))
    return forms


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", to_arabic_digits(text or ""))


def _letters(text: str) -> str:
    """Thai compared on its base letters: a box's text may catch a mark of the line above or below."""
    return re.sub("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", "", text)


def _box_text(pdf, document, page: int, box: dict, thai: bool) -> str:
    """The text inside the box (1 pt of slack): digits as pdfplumber reads them; Thai as PDFium reads it,
    repaired as the pipeline repairs it (pdfplumber drops SARA AA in many Thai fonts: `(cid:3)`)."""
    page_obj = pdf.pages[page - 1]
    x0, top = max(0, box["x0"] - 1), max(0, box["top"] - 1)
    x1, bottom = min(page_obj.width, box["x1"] + 1), min(page_obj.height, box["bottom"] + 1)
    if not thai:
        return _squeezed(page_obj.within_bbox((x0, top, x1, bottom)).extract_text() or "")
    height = page_obj.height
    text = document[page - 1].get_textpage().get_text_bounded(left=x0, bottom=height - bottom, right=x1,
                                                                 top=height - top)
    return _squeezed(clean_text(text))


# The value each table's box must show, and how it is compared.
CHECKED = {"assessments": "overall_score", "indicator_scores": "score", "question_scores": "score",
           "measures": "measure"}


def _box_misses(curated: Path) -> list[tuple[str, str, str, object, str]]:
    """(table, document, key, value, text in the box) for every value its box does not show."""
    t = _tables(curated)
    ocr_pages = set(map(tuple, t["pages"].loc[t["pages"]["ocr"], ["doc_id", "page"]].to_numpy()))
    paths = t["documents"].drop_duplicates("doc_id").set_index("doc_id")["source_path"]
    raw = curated.parent / "raw"
    misses = []
    for table, column in CHECKED.items():
        frame = t[table].dropna(subset=["bbox", column])
        for doc_id, rows in frame.groupby("doc_id"):
            document = pdfium.PdfDocument(str(raw / paths[doc_id]))
            with pdfplumber.open(raw / paths[doc_id]) as pdf:
                for row in rows.itertuples():
                    if (doc_id, row.page) in ocr_pages:
                        continue
                    value = getattr(row, column)
                    text = _box_text(pdf, document, int(row.page), row.bbox, thai=isinstance(value, str))
                    if isinstance(value, str):
                        printed, boxed = _letters(_squeezed(value)), _letters(text)
                        # a row cut by a page break keeps the box of its first part: a prefix of the value
                        first_part = re.sub(r"^[0-9A-Za-z.*]+", "", boxed)
                        ok = printed[:12] in boxed or (len(first_part) >= 6 and printed.startswith(first_part))
                    else:
                        ok = any(form in text for form in _printed_forms(value))
                    if not ok:
                        key = row.row if table in ("assessments", "measures") else getattr(
                            row, "indicator" if table == "indicator_scores" else "code")
                        misses.append((table, paths[doc_id], str(key), value, text[:60]))
            document.close()
    return misses


@pytest.fixture(scope="module")
def box_misses(curated) -> list[tuple]:
    return _box_misses(curated)


@pytest.mark.parametrize("table", [
    "assessments", "question_scores", "measures", "indicator_scores",
])
def test_the_text_inside_every_values_box_holds_the_value_as_printed(box_misses, table):
    misses = [miss for miss in box_misses if miss[0] == table]
    assert misses == [], "\n".join(map(str, misses))
