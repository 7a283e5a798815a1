"""Triage: the first pages decide whether a document is read in full; nothing ITA is ever set aside."""
from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from parsers.ita.relevance import judge
from parsers.layout import extract_layout
from parsers.records import PageLayout, TextLine
from pipeline.discover import discover
from pipeline.process import process_document
from test_robust_inputs import FONT

FORM = [
    "แบบฟอร์มการขึ้นทะเบียนคนพิการ องค์การบริหารส่วนตำบลหนองน้ำใส",
    "ชื่อผู้ยื่นคำขอ ที่อยู่ หมู่ที่ ตำบล อำเภอ จังหวัด รหัสไปรษณีย์",
    "เอกสารประกอบการพิจารณา สำเนาบัตรประจำตัวประชาชน สำเนาทะเบียนบ้าน",
    "ลงชื่อเจ้าหน้าที่ผู้รับเรื่อง วันที่รับเรื่อง ผู้ตรวจสอบเอกสาร",
]
MEASURES = ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"] + FORM[1:]


def pages_of(*texts: str, quality: float = 1.0) -> list[PageLayout]:
    return [PageLayout(n, 595, 842, [TextLine(t, 72, 72 + 20 * i, 500, 86 + 20 * i, page=n)
                                     for i, t in enumerate(text.splitlines())], quality=quality)
            for n, text in enumerate(texts, start=1)]


@pytest.mark.parametrize("title, family", [
    ("มาตรการส่งเสริมคุณธรรมและความโปร่งใส\nประจำปีงบประมาณ พ.ศ. 2568", "measures"),
    ("การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส\nประจำปี 2567", "analysis"),
    ("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม", "measures_report"),
    ("ประกาศผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ", "results_announcement"),
    ("ผลคะแนน ITA ของสถานศึกษาในสังกัด ปี 2568\nลำดับ ชื่อหน่วยงาน คะแนน", "results_announcement"),
])
def test_family_titles_and_announcements_are_kept(title, family):
    verdict = judge(pages_of(title + "\n" + "\n".join(FORM)))
    assert verdict.ita and verdict.family == family, verdict


@pytest.mark.parametrize("wording", ["แนวทางการประเมินคุณธรรมของหน่วยงาน", "ผลการประเมิน IIT EIT OIT",
                                     "คุณธรรมและความโปรงไส"])  # the last: a scan lost a mark and misread a letter
def test_ita_wording_keeps_a_document_of_no_known_family(wording):
    verdict = judge(pages_of("\n".join(FORM[:2] + [wording] + FORM[2:])))
    assert verdict.ita, verdict


def test_anti_corruption_wording_alone_is_not_a_family():
    assert not judge(pages_of("\n".join(["แผนปฏิบัติการป้องกันการทุจริตและประพฤติมิชอบ"] + FORM))).ita
    assert not judge(pages_of("\n".join(["ยุทธศาสตร์การพัฒนา บริหารงานด้วยความโปร่งใส"] + FORM))).ita


def test_a_form_that_reads_well_is_set_aside_with_its_first_line():
    verdict = judge(pages_of("\n".join(FORM), "\n".join(FORM)))
    assert not verdict.ita and "แบบฟอร์มการขึ้นทะเบียนคนพิการ" in verdict.reason


@pytest.mark.parametrize("pages", [pages_of("แบบฟอร์ม"), pages_of("\n".join(FORM), quality=0.2), []])
def test_too_little_readable_text_is_never_a_reason_to_set_aside(pages):
    assert judge(pages).ita


def _pdf(path, text_pages: list[list[str]], image_pages: int) -> str:
    """Text pages in a Thai font, then image-only pages (what a scanner makes: they need OCR)."""
    if "Garuda" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Garuda", str(FONT)))
    pdf = canvas.Canvas(str(path))
    for lines in text_pages:
        pdf.setFont("Garuda", 14)
        for index, line in enumerate(lines):
            pdf.drawString(72, 760 - 24 * index, line)
        pdf.showPage()
    for _ in range(image_pages):
        image = Image.new("L", (600, 800), 255)
        ImageDraw.Draw(image).rectangle((100, 100, 500, 300), outline=0, width=4)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        pdf.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, width=595, height=842)
        pdf.showPage()
    pdf.save()
    return str(path)


def test_a_non_ita_document_is_recorded_without_reading_the_rest(tmp_path):
    _pdf(tmp_path / "form.pdf", [FORM] * 4, image_pages=3)
    [source] = discover(tmp_path)
    result = process_document(source)
    assert result.status == "ok" and result.n_pages == 7
    assert result.parsed.doc_type == "unknown"
    assert result.parsed.doc_type_reason.startswith("not an ITA document (triage, pages 1-3 of 7)")
    # the pages table still has every page: those triage did not read carry PDFium's plain text, none is OCR'd
    assert [p.page for p in result.pages] == list(range(1, 8)) and result.ocr_pages == 0
    assert not any(p.ocr for p in result.pages)
    unread = {p.page: p for p in result.pages[3:]}
    assert unread[4].text and unread[4].engine == "pdfium"  # the fourth text page, as plain text
    assert all(not unread[n].text and not unread[n].engine for n in (5, 6, 7))  # scans stay empty, not OCR'd
    assert not (result.parsed.indicators or result.parsed.measures or result.parsed.assessment)


def test_an_ita_document_is_read_in_full(tmp_path):
    _pdf(tmp_path / "measures.pdf", [MEASURES] + [FORM] * 3, image_pages=2)
    [source] = discover(tmp_path)
    result = process_document(source)
    assert [p.page for p in result.pages] == list(range(1, 7))
    assert result.parsed.doc_type_reason is None or "triage" not in result.parsed.doc_type_reason


def test_triage_off_reads_everything(tmp_path, monkeypatch):
    monkeypatch.setenv("ITA_TRIAGE", "0")
    _pdf(tmp_path / "form.pdf", [FORM] * 4, image_pages=1)
    [source] = discover(tmp_path)
    assert len(process_document(source).pages) == 5


def test_a_subset_then_the_rest_reads_as_one_full_reading(tmp_path):
    path = _pdf(tmp_path / "doc.pdf", [MEASURES, FORM, FORM[::-1], FORM], image_pages=0)
    reads: dict = {}
    first = extract_layout(path, pages=[1, 2], reads=reads)
    assert first.n_pages == 4 and [p.number for p in first.pages] == [1, 2] and sorted(reads) == [1, 2]
    assert extract_layout(path, reads=reads) == extract_layout(path)
