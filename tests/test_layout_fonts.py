"""Text layer of LibreOffice 7.4 PDFs in Thai fonts the samples do not use (scripts/font_check.py finds them).

The fixtures are one page each, made by Writer (`soffice --convert-to pdf`, TrueType subsets, WinAnsi) from
the text below; LibreOffice is not needed to run these tests.
"""
from __future__ import annotations

import pathlib
import re

from parsers.layout import Word, _segments, extract_layout
from parsers.pdf_text import pdfium_bounded

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
MARK = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"

# What Writer was given for lo74-noto-looped-thai.pdf.
LOOPED_LINES = [
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "คะแนนภาพรวมหน่วย องค์การบริหารส่วนตำบลท่าบัว ๙๐.๖๑ คะแนน ระดับผลการประเมิน ผ่านดี",
    "จากผลการประเมิน พบว่ามีผลคะแนน ๙๔.๕๙ คะแนน อยู่ในระดับ A ดังนี้",
    "๑) กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ",
]
LOOPED_ROWS = [
    ["มาตรการ/โครงการ/กิจกรรม", "ขั้นตอน/วิธีการปฏิบัติ", "ระยะเวลา", "ผู้รับผิดชอบ"],
    ["i๘ ผู้บังคับบัญชาในหน่วยงานของท่าน มีการสั่งให้เจ้าหน้าที่ทำในสิ่งที่เป็นการทุจริตหรือประพฤติมิชอบมากน้อยเพียงใด",
     "๑.จัดทำคู่มือการปฏิบัติงาน ๒.เผยแพร่ข้อมูลบนเว็บไซต์หน่วยงาน", "ม.ค. ๖๙ ถึง มี.ค. ๖๙", "งานวิเคราะห์นโยบายและแผน"],
    ["e๑๑ การแก้ไขปัญหาการทุจริต", "๑.แต่งตั้งคณะกรรมการตรวจสอบพัสดุประจำปี", "๑ ตุลาคม ๒๕๖๘ - ๓๐ กันยายน ๒๕๖๙", "กองคลัง"],
]


def _layout(name: str):
    path = FIXTURES / name
    return extract_layout(path, "t")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _spaces_after_marks(text: str) -> set[str]:
    """Every `letter mark(s) space next` the text holds."""
    return set(re.findall(rf"\S[{MARK}]+ \S", text))


def test_noto_looped_thai_has_no_spaces_pdfium_invents_after_marks():
    """Writer places each Thai mark of Noto Looped Thai on its own; PDFium then read a space after nearly every
    mark (`ข้ อมู ล`, `มี .ค.`, `คู ่ มือ`) and the Thai repair made it worse (`ข้ อูม ล`): 1.83 % cell CER,
    measure periods 0.07."""
    layout = _layout("lo74-noto-looped-thai.pdf")
    source = "\n".join(LOOPED_LINES + [cell for row in LOOPED_ROWS for cell in row])
    allowed = _spaces_after_marks(source)
    lines = [line.text for line in layout.pages[0].lines]
    cells = [cell for table in layout.tables for row in table.rows for cell in row.cells]
    for text in lines[:4] + cells:  # lines further down cross the table's columns
        assert _spaces_after_marks(text) <= allowed, text
    assert lines[:4] == LOOPED_LINES
    assert len(layout.tables) == 1
    rows = [row.cells for row in layout.tables[0].rows]
    assert len(rows) == len(LOOPED_ROWS)
    for got, want in zip(rows, LOOPED_ROWS):
        assert [_squash(c) for c in got] == [_squash(c) for c in want]
    assert rows[1][2] == "ม.ค. ๖๙ ถึง มี.ค. ๖๙"  # was `ม.ค. ๖๙ ถึ ง มี .ค. ๖๙`
    assert rows[1][0].endswith("ผู้บังคับบัญชาในหน่วยงานของท่าน มีการสั่งให้เจ้าหน้าที่ทำในสิ่งที่เป็นการทุจริตหรือประพฤติมิชอบมากน้อยเพียงใด")


def test_tlwg_mono_lines_do_not_take_marks_of_the_line_above():
    """Tlwg Mono's SARA U hangs into the box of the next line: lines read `ุปีงบประมาณ`, `ที่ ุกรรมการ`."""
    layout = _layout("lo74-tlwg-mono.pdf")
    lines = [line.text for line in layout.pages[0].lines]
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๘ ของ องค์การบริหารส่วนตำบลท่าบัว" in lines
    assert "สำหรับการป้องกันการทุจริต ๒๕๖๙" in lines
    assert "๓.บังคับใช้มาตรการจนเกิดผล" in lines
    for text in lines:
        assert not re.search(rf"(?:^|\s)[{MARK}]", text), text
    cells = [_squash(cell) for table in layout.tables for row in table.rows for cell in row.cells]
    assert _squash("O ๒๗ การสร้างวัฒนธรรม No Gift Policy") in cells
    assert _squash("๑.แต่งตั้งคณะกรรมการตรวจสอบพัสดุประจำปี ๒.คณะกรรมการรายงานผลการตรวจสอบพัสดุต่อผู้บริหาร") in cells


def test_segments_measure_gaps_from_the_right_end_of_the_run():
    """A lone tone mark pdfplumber makes a word of sorts inside the word it belongs to; the next word must
    not be split off as a segment of its own (both halves then read the SARA AM between them)."""
    words = [Word("หรือเลื่อนตำ", 55.4, 0, 105.4, 10), Word("่", 82.4, 0, 82.4, 10), Word("แหน่ง", 105.4, 0, 160.0, 10),
             Word("กองคลัง", 200.0, 0, 240.0, 10)]
    assert [[w.text for w in s] for s in _segments(words, 8.0)] == [["หรือเลื่อนตำ", "่", "แหน่ง"], ["กองคลัง"]]


class _FakeTextPage:
    def __init__(self, text: str):
        self.text = text

    def get_text_bounded(self, **_box) -> str:
        return self.text


def test_invented_spaces_are_removed_in_turn():
    page = _FakeTextPage("๑.จัดทำคู ่ มือการ ท่าน มี การ")
    invented = [("ำคู", "่"), ("ำคู่", "มือ"), ("มี", "การ")]
    assert pdfium_bounded(page, 800, 0, 0, 100, 100, invented) == "๑.จัดทำคู่มือการ ท่าน มีการ"
    assert pdfium_bounded(page, 800, 0, 0, 100, 100) == page.text
