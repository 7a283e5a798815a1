"""Tables printed from a browser: without grid lines, and with lines around the header only."""
from __future__ import annotations

import datetime as dt

from parsers.ita import parse_document
from parsers.layout import extract_layout
from pipeline.normalize import normalize_layout
from tests.support.browser import print_html

ROWS = [("1", "จัดทำคู่มือการปฏิบัติงานด้านการจัดซื้อจัดจ้างให้เป็นปัจจุบันและเผยแพร่ต่อสาธารณะ",
         "ทบทวนคู่มือและประกาศบนเว็บไซต์ของหน่วยงาน", "กองคลัง", "ตุลาคม 2566 - ธันวาคม 2566"),
        ("2", "ประชาสัมพันธ์ช่องทางการร้องเรียนการทุจริต", "เผยแพร่ผ่านเว็บไซต์และเพจเฟซบุ๊ก", "สำนักปลัด", "มกราคม 2567"),
        ("3", "อบรมเสริมสร้างคุณธรรมจริยธรรมให้แก่บุคลากรทุกระดับ", "จัดอบรมปีละหนึ่งครั้ง", "งานการเจ้าหน้าที่", "ไตรมาส 2")]
HEADER = ("ที่", "มาตรการ/กิจกรรม", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ")
PERIODS = [(dt.date(2023, 10, 1), dt.date(2023, 12, 31)), (dt.date(2024, 1, 1), dt.date(2024, 1, 31)),
           (dt.date(2024, 1, 1), dt.date(2024, 3, 31))]


def _html(header_rule: str, align: str) -> str:
    head = "".join(f"<th>{h}</th>" for h in HEADER)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)
    return f"""<html><head><meta charset="utf-8"><style>
body {{ font-family: 'Loma'; font-size: 14pt }} table {{ border-collapse: collapse; width: 100% }}
td, th {{ padding: 4px; vertical-align: top; text-align: {align} }} th {{ {header_rule} }}
</style></head><body><h3>มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2567</h3>
<p>องค์การบริหารส่วนตำบลบือเระ อำเภอสายบุรี จังหวัดปัตตานี</p><table><tr>{head}</tr>{body}</table></body></html>"""


def _measures(tmp_path, header_rule, align):
    pdf = print_html(_html(header_rule, align), tmp_path / "plan.pdf")
    parsed = parse_document(normalize_layout(extract_layout(pdf)))
    return [(m.measure, m.method, m.responsible, m.period_start, m.period_end) for m in parsed.measures]


def _expected():
    return [(r[1], r[2], r[3], *p) for r, p in zip(ROWS, PERIODS)]


def test_table_without_grid_lines_in_centred_cells(tmp_path):
    assert _measures(tmp_path, "", "center") == _expected()


def test_table_with_lines_around_the_header_only(tmp_path):
    assert _measures(tmp_path, "border: 1px solid black", "left") == _expected()


def test_shaded_month_cells_under_wrapped_month_headers_give_the_period(tmp_path):
    months = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
    shaded = [{1, 2, 3}, {5, 6, 7, 8}]  # month columns counted from October = 0: Nov-Jan, Mar-Jun
    head = ("<tr><th rowspan=2>มาตรการ</th><th rowspan=2>ผู้รับผิดชอบ</th><th colspan=12>ระยะเวลาดำเนินการ</th></tr><tr>"
            + "".join(f"<th style='width:18px'>{m}</th>" for m in months) + "</tr>")
    body = "".join("<tr><td>" + text + "</td><td>กองคลัง</td>" + "".join(
        "<td style='background:#888'></td>" if i in marks else "<td></td>" for i in range(12)) + "</tr>"
        for text, marks in zip(("จัดทำคู่มือการปฏิบัติงานด้านพัสดุ", "อบรมคุณธรรมจริยธรรมแก่บุคลากร"), shaded))
    html = f"""<html><head><meta charset="utf-8"><style>body {{ font-family: 'Loma'; font-size: 12pt }}
table {{ border-collapse: collapse }} td, th {{ border: 1px solid black; padding: 2px }}</style></head><body>
<h3>มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2567</h3><table>{head}{body}</table></body></html>"""
    parsed = parse_document(normalize_layout(extract_layout(print_html(html, tmp_path / "chart.pdf"))))
    got = [(m.measure, m.period_start, m.period_end) for m in parsed.measures]
    assert got == [("จัดทำคู่มือการปฏิบัติงานด้านพัสดุ", dt.date(2023, 11, 1), dt.date(2024, 1, 31)),
                   ("อบรมคุณธรรมจริยธรรมแก่บุคลากร", dt.date(2024, 3, 1), dt.date(2024, 6, 30))]


def test_a_browser_print_reads_no_space_after_sara_am(tmp_path):
    """Chromium writes SARA AM as NIKHAHIT + SARA AA under one /ActualText, and PDFium's box for it stops short of
    the SARA AA: in TH Sarabun New every `ำ` was read with a space after it (`ประจำ ปีงบประมาณ`), unless the word
    after it was printed with a space of its own, which stays."""
    text = ["มาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ พ.ศ. 2568", "เทศบาลตำบลห้างฉัตร อำเภอห้างฉัตร จังหวัดลำปาง",
            "จัดทำคู่มือการดำเนินงาน และนำผลการประเมินไปกำหนดมาตรการ", "คะแนนต่ำ ดังนี้ น้ำหนัก สำนักปลัด"]
    html = ("<html><head><meta charset='utf-8'><style>body { font-family: 'TH Sarabun New'; font-size: 16pt }"
            "</style></head><body>" + "".join(f"<p>{line}</p>" for line in text) + "</body></html>")
    layout = extract_layout(print_html(html, tmp_path / "sara-am.pdf", project_fonts=True))
    assert [line.text for line in layout.pages[0].lines] == text
