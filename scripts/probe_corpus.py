"""A second, independent generator of test documents: five hand-written ITA documents (a measures plan, two
analyses, a paragraph-style action plan, a provincial results announcement) in wordings and layouts that the
variety suite's generator (tests/variety/) does not produce, printed from HTML by headless Chromium, WeasyPrint
and LibreOffice's HTML import, in TH SarabunPSK and TH Sarabun New. Truth in the samples' format is written
beside them, from the same values the HTML is made of, so `tools/score.py` measures the pipeline on them.

    python scripts/probe_corpus.py /tmp/probe
    python -m pipeline extract --input /tmp/probe --output /tmp/probe-cur --workers 2
    python ../shared/tools/score.py /tmp/probe /tmp/probe-cur

Why a second generator: a parser tuned on one generator's documents can learn that generator's habits (its
column widths, its row heights, its sentences). These documents were written by hand, once, and are never
tuned against: they measure what generalises. LibreOffice's HTML import drops the tables' rules and shrinks
columns to their text, so its prints are borderless tables with tight columns and vertically centred cells.
Never commit the generated PDFs.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.variety import fonts  # noqa: E402
from tests.variety.render_html import chromium_binary  # noqa: E402

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
PRINTERS = ("chromium", "weasyprint", "libreoffice")
FONTS = ("TH SarabunPSK", "TH Sarabun New")


def th(value) -> str:
    """A number or text with Thai digits, as the documents print them."""
    return str(value).translate(THAI_DIGITS)


def cells(*values: str, header: bool = False) -> str:
    tag = "th" if header else "td"
    return "<tr>" + "".join(f"<{tag}>{v}</{tag}>" for v in values) + "</tr>"


@dataclass
class Probe:
    name: str
    html: str
    truth: dict = field(default_factory=dict)


def _unit(name: str, district: str, kind: str = "องค์การบริหารส่วนตำบล") -> dict:
    return {"name": name, "type": kind, "district": district, "province": "นครราชสีมา"}


def measures_plan() -> Probe:
    """A plan for fiscal 2569 answering the 2568 assessment named in full; codes in the column of issues."""
    rows = [
        ("o12", "การเปิดเผยข้อมูลการจัดซื้อจัดจ้าง",
         "เผยแพร่แผนการจัดซื้อจัดจ้างและผลการจัดซื้อจัดจ้างรายเดือนบนเว็บไซต์ของหน่วยงานให้ครบถ้วนและเป็นปัจจุบัน",
         "จัดทำสรุปผลการจัดซื้อจัดจ้างทุกเดือน แล้วนำขึ้นเว็บไซต์ภายในวันที่ 10 ของเดือนถัดไป",
         "ต.ค. 2568 - ก.ย. 2569", ("2025-10-01", "2026-09-30"), "กองคลัง"),
        ("i4", "การใช้ทรัพย์สินของทางราชการ", "กำหนดแนวปฏิบัติการยืมและคืนพัสดุครุภัณฑ์ของทางราชการ",
         "ออกคำสั่งแนวปฏิบัติ ประชาสัมพันธ์ให้บุคลากรทราบ และตรวจสอบทะเบียนการยืมทุกไตรมาส",
         "1 ธันวาคม 2568 - 31 มีนาคม 2569", ("2025-12-01", "2026-03-31"), "สำนักปลัด"),
        ("e5", "คุณภาพการดำเนินงาน", "ลดขั้นตอนและระยะเวลาการให้บริการประชาชน",
         "จัดทำคู่มือการให้บริการ ติดประกาศขั้นตอนและระยะเวลา ณ จุดบริการ และสำรวจความพึงพอใจผู้รับบริการ",
         "มกราคม - มิถุนายน 2569", ("2026-01-01", "2026-06-30"), "สำนักปลัด, กองช่าง"),
        ("", "การขับเคลื่อนจริยธรรม", "ส่งเสริมให้บุคลากรยึดมั่นในประมวลจริยธรรมของเจ้าหน้าที่ของรัฐ",
         "จัดอบรมเสริมสร้างคุณธรรมจริยธรรมแก่พนักงานและลูกจ้างอย่างน้อยปีละ 1 ครั้ง",
         "มีนาคม 2569", ("2026-03-01", "2026-03-31"), "งานการเจ้าหน้าที่ สำนักปลัด"),
    ]
    body = ["<h1>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</h1>",
            f"<h2>ประจำปีงบประมาณ พ.ศ. {th(2569)}</h2>",
            "<h2>องค์การบริหารส่วนตำบลหินโคน อำเภอจักราช จังหวัดนครราชสีมา</h2>",
            "<p>ตามที่สำนักงาน ป.ป.ช. ได้ดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
            f"ประจำปีงบประมาณ พ.ศ. {th(2568)} ปรากฏว่าองค์การบริหารส่วนตำบลหินโคนมีผลการประเมินเป็นคะแนน {th('87.64')} "
            f"อยู่ในเกณฑ์ระดับผ่านดี โดยเครื่องมือ IIT ได้ {th('91.05')} EIT ได้ {th('85.40')} และ OIT ได้ {th('86.75')} "
            "จึงได้กำหนดมาตรการเพื่อยกระดับผลการประเมิน ดังนี้</p>",
            "<table>" + cells("ที่", "ประเด็นที่ต้องพัฒนา", "มาตรการ/แนวทางการขับเคลื่อน", "วิธีปฏิบัติ", "กรอบเวลา",
                              "ผู้รับผิดชอบหลัก", header=True)]
    for number, (code, issue, measure, method, period, _, who) in enumerate(rows, 1):
        body.append(cells(th(number), f"{th(code)} {issue}".strip(), measure, th(method), th(period), who))
    body.append("</table>")
    truth = {"doc_type": "measures", "fiscal_year": 2569, "assessment_year": 2568,
             "assessment": {"overall_score": 87.64, "level": "ผ่านดี", "iit": 91.05, "eit": 85.40, "oit": 86.75},
             "indicator_scores": {}, "question_scores": {},
             "measures": [{"codes": [code] if code else [], "measure": measure, "method": method, "responsible": who,
                           "period_start": span[0], "period_end": span[1]}
                          for code, _, measure, method, _, span, who in rows],
             "unit": _unit("องค์การบริหารส่วนตำบลหินโคน", "จักราช")}
    return Probe("plan", "".join(body), truth)


_INDICATORS = [("การปฏิบัติหน้าที่", 98.60), ("การใช้งบประมาณ", 92.15), ("การใช้อำนาจ", 95.33),
               ("การใช้ทรัพย์สินของราชการ", 83.40), ("การแก้ไขปัญหาการทุจริต", 90.00), ("คุณภาพการดำเนินงาน", 89.75),
               ("ประสิทธิภาพการสื่อสาร", 87.20), ("การปรับปรุงระบบการทำงาน", 86.05), ("การเปิดเผยข้อมูล", 94.50),
               ("การป้องกันการทุจริต", 80.00)]


def analysis_2567() -> Probe:
    """The level before the score, last year's score beside it, a weighted-points table (weight, score, points)
    whose EIT rows name the part before the tool's code, and indicators numbered in a column of their own."""
    tools = [("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)", 30, 91.90, 27.57),
             ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก ส่วนที่ 1 (EIT)", 15, 89.75, 13.46),
             ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก ส่วนที่ 2 (EIT)", 15, 85.59, 12.84),
             ("แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)", 40, 87.25, 34.90)]
    body = ["<h1>รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน</h1>",
            "<h2>ขององค์การบริหารส่วนตำบลหนองตะไก้ อำเภอสูงเนิน จังหวัดนครราชสีมา</h2>",
            f"<h2>ประจำปีงบประมาณ พ.ศ. {th(2567)}</h2>", f"<p><b>{th(1)}. ผลการประเมินในภาพรวม</b></p>",
            "<p>จากการประเมินของสำนักงาน ป.ป.ช. หน่วยงานได้รับผลการประเมินอยู่ในระดับ ผ่านดี ด้วยคะแนน "
            f"{th('88.77')} คะแนน (ปีที่ผ่านมา {th('84.12')} คะแนน) โดยมีรายละเอียดคะแนนรายเครื่องมือดังตาราง</p>",
            "<table>" + cells("เครื่องมือการประเมิน", "ค่าน้ำหนัก", f"คะแนนเต็ม {th(100)}", "คะแนนถ่วงน้ำหนัก", header=True)]
    body += [cells(th(name), th(weight), th(f"{score:.2f}"), th(f"{points:.2f}")) for name, weight, score, points in tools]
    body.append(cells("รวม", th(100), "", th("88.77")) + "</table>")
    body.append(f"<p><b>{th(2)}. ผลคะแนนรายตัวชี้วัด</b></p><table>"
                + cells("ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "ค่าคะแนนที่ได้", header=True))
    body += [cells(th(n), name, th(f"{score:.2f}")) for n, (name, score) in enumerate(_INDICATORS, 1)]
    body.append(f"</table><p>จากตารางพบว่า ตัวชี้วัดที่ {th(10)} การป้องกันการทุจริต มีคะแนนต่ำสุด ควรเร่งพัฒนา</p>")
    truth = {"doc_type": "analysis", "fiscal_year": 2567, "assessment_year": 2567,
             "assessment": {"overall_score": 88.77, "level": "ผ่านดี", "iit": 91.90, "eit_part1": 89.75,
                            "eit_part2": 85.59, "oit": 87.25},
             "indicator_scores": {str(n): score for n, (_, score) in enumerate(_INDICATORS, 1)},
             "question_scores": {}, "measures": None,
             "unit": _unit("องค์การบริหารส่วนตำบลหนองตะไก้", "สูงเนิน")}
    return Probe("analysis2567", "".join(body), truth)


def announcement() -> Probe:
    """A province's table of its units' 2566 results: district column, raw tool scores, total and letter."""
    units = [("จักราช", "องค์การบริหารส่วนตำบลหินโคน", "องค์การบริหารส่วนตำบลหินโคน", 92.10, 88.40, 85.00),
             ("ขามทะเลสอ", "เทศบาลตำบลขามทะเลสอ", "เทศบาลตำบลขามทะเลสอ", 95.50, 96.20, 97.75),
             ("ประทาย", "อบต.กระทุ่มราย", "องค์การบริหารส่วนตำบลกระทุ่มราย", 80.25, 78.90, 65.50),
             ("สูงเนิน", "อบต.หนองตะไก้", "องค์การบริหารส่วนตำบลหนองตะไก้", 99.10, 95.60, 100.00)]
    body = [f"<h1>ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. {th(2566)}</h1>",
            "<h2>องค์กรปกครองส่วนท้องถิ่นในเขตจังหวัดนครราชสีมา</h2>",
            "<table>" + cells("ที่", "อำเภอ", "หน่วยงาน", "IIT", "EIT", "OIT", "คะแนนรวม", "ระดับ", header=True)]
    results = []
    for number, (district, printed, canonical, iit, eit, oit) in enumerate(units, 1):
        total = round(0.3 * iit + 0.3 * eit + 0.4 * oit + 1e-9, 2)
        level = "AA" if total >= 95 else "A" if total >= 85 else "B" if total >= 75 else "C" if total >= 65 else "D"
        body.append(cells(str(number), district, printed, th(f"{iit:.2f}"), th(f"{eit:.2f}"), th(f"{oit:.2f}"),
                          f"{total:.2f}", level))
        results.append({"name": printed, "unit_name": canonical, "overall_score": total, "level": level,
                        "iit": iit, "eit": eit, "oit": oit})
    body.append(f"</table><p>ข้อมูล ณ วันที่ {th(30)} กันยายน {th(2566)}</p>")
    truth = {"doc_type": "results_announcement", "fiscal_year": 2566, "assessment_year": 2566, "results": results}
    return Probe("announcement", "".join(body), truth)


def paragraph_plan() -> Probe:
    """Measures as numbered paragraphs with labels in words the samples do not use (วิธีดำเนินการ, ผู้ดำเนินการ,
    เวลาดำเนินการ), and last year's result stated before them."""
    items = [("จัดทำประกาศเจตนารมณ์การต่อต้านการทุจริตของผู้บริหาร",
              "ผู้บริหารลงนามประกาศและเผยแพร่ทางเว็บไซต์และบอร์ดประชาสัมพันธ์", "สำนักปลัด", "ตุลาคม 2567",
              ("2024-10-01", "2024-10-31")),
             ("ประเมินความเสี่ยงการทุจริตประจำปี", "แต่งตั้งคณะทำงาน วิเคราะห์ความเสี่ยง และจัดทำแผนบริหารความเสี่ยง",
              "ทุกกอง", "พฤศจิกายน 2567 - มกราคม 2568", ("2024-11-01", "2025-01-31")),
             ("เปิดช่องทางรับเรื่องร้องเรียนการทุจริตออนไลน์",
              "จัดทำแบบฟอร์มออนไลน์และกำหนดผู้รับผิดชอบตอบกลับภายใน 15 วัน", "งานนิติการ สำนักปลัด",
              "1 ตุลาคม 2567 - 30 กันยายน 2568", ("2024-10-01", "2025-09-30"))]
    body = [f"<h1>แผนปฏิบัติการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส</h1><h2>ประจำปีงบประมาณ {th(2568)}</h2>",
            "<h2>องค์การบริหารส่วนตำบลกระทุ่มราย อำเภอประทาย จังหวัดนครราชสีมา</h2>",
            f"<p>องค์การบริหารส่วนตำบลกระทุ่มราย ได้รับผลการประเมิน ITA ปี {th(2567)} รวม {th('78.43')} คะแนน "
            "ซึ่งต่ำกว่าเกณฑ์ (ระดับต้องปรับปรุง) จึงกำหนดแนวทางดังต่อไปนี้</p>"]
    for number, (measure, method, who, when, _) in enumerate(items, 1):
        body.append(f"<p><b>มาตรการที่ {th(number)} {measure}</b></p><p>วิธีดำเนินการ : {th(method)}</p>"
                    f"<p>ผู้ดำเนินการ : {who}</p><p>เวลาดำเนินการ : {th(when)}</p>")
    truth = {"doc_type": "measures", "fiscal_year": 2568, "assessment_year": 2567,
             "assessment": {"overall_score": 78.43, "level": "ต้องปรับปรุง"},
             "indicator_scores": {}, "question_scores": {},
             "measures": [{"codes": [], "measure": m, "method": how, "responsible": who,
                           "period_start": span[0], "period_end": span[1]} for m, how, who, _, span in items],
             "unit": _unit("องค์การบริหารส่วนตำบลกระทุ่มราย", "ประทาย")}
    return Probe("paragraphs", "".join(body), truth)


def analysis_2566() -> Probe:
    """Question codes in a column of their own (`รหัสข้อ | รายละเอียดข้อคำถาม | คะแนนที่ได้รับ`)."""
    questions = [("i1", "ท่านปฏิบัติงานตามหน้าที่ที่ได้รับมอบหมายอย่างเต็มความสามารถ", 98.21),
                 ("i2", "ท่านปฏิบัติงานโดยยึดหลักความถูกต้องตามระเบียบ", 97.05),
                 ("i3", "ท่านปฏิบัติต่อผู้มาติดต่ออย่างเท่าเทียม", 95.50),
                 ("e1", "เจ้าหน้าที่ปฏิบัติงานตามขั้นตอนและระยะเวลาที่กำหนด", 89.12),
                 ("e2", "เจ้าหน้าที่ให้ข้อมูลเกี่ยวกับการดำเนินการอย่างชัดเจน", 87.44),
                 ("o1", "โครงสร้าง", 100.00), ("o2", "ข้อมูลผู้บริหาร", 100.00), ("o3", "อำนาจหน้าที่", 0.00)]
    body = [f"<h1>การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {th(2566)}</h1>",
            "<h2>องค์การบริหารส่วนตำบลขามทะเลสอ อำเภอขามทะเลสอ จังหวัดนครราชสีมา</h2>",
            f"<p>ผลคะแนน ITA ปี {th(2566)} เท่ากับ {th('91.33')} คะแนน ระดับ A</p>",
            "<p>ตารางแสดงคะแนนรายข้อคำถามที่สำคัญ</p><table>"
            + cells("รหัสข้อ", "รายละเอียดข้อคำถาม", "คะแนนที่ได้รับ", header=True)]
    body += [cells(th(code), text, th(f"{score:.2f}")) for code, text, score in questions]
    body.append("</table>")
    truth = {"doc_type": "analysis", "fiscal_year": 2566, "assessment_year": 2566,
             "assessment": {"overall_score": 91.33, "level": "A"}, "indicator_scores": {},
             "question_scores": {code: score for code, _, score in questions}, "measures": None,
             "unit": _unit("องค์การบริหารส่วนตำบลขามทะเลสอ", "ขามทะเลสอ")}
    return Probe("analysis2566", "".join(body), truth)


PROBES = (measures_plan, analysis_2567, announcement, paragraph_plan, analysis_2566)


# ---------------------------------------------------------------- set 2 (written 2 Dec 2026, measured blind first)
def half_year_report() -> Probe:
    """A six-month report on measures: a status column, a results column, periods as `ตลอดปีงบประมาณ`, two-digit
    years (`ธ.ค. ๖๗`) and a day with an abbreviated month."""
    rows = [
        ("จัดทำและเผยแพร่ประกาศเจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy)",
         "นายกเทศมนตรีลงนามประกาศ และเผยแพร่ทางเว็บไซต์และเพจเฟซบุ๊กของเทศบาล", "เผยแพร่แล้ว 1 ฉบับ",
         "ดำเนินการแล้ว", "สำนักปลัดเทศบาล", "ต.ค. 2567 - มี.ค. 2568", ("2024-10-01", "2025-03-31")),
        ("เปิดเผยข้อมูลการใช้จ่ายงบประมาณประจำปีให้ประชาชนตรวจสอบได้",
         "สรุปผลการใช้จ่ายงบประมาณรายไตรมาส และติดประกาศ ณ ศูนย์ข้อมูลข่าวสาร", "อยู่ระหว่างรวบรวมข้อมูลไตรมาส 2",
         "อยู่ระหว่างดำเนินการ", "กองคลัง", "ตลอดปีงบประมาณ 2568", ("2024-10-01", "2025-09-30")),
        ("ส่งเสริมการมีส่วนร่วมของประชาชนในการตรวจสอบการจัดซื้อจัดจ้าง",
         "แต่งตั้งตัวแทนชุมชนร่วมเป็นคณะกรรมการตรวจรับพัสดุโครงการก่อสร้าง", "ชุมชนร่วมตรวจรับ 4 โครงการ",
         "ดำเนินการแล้ว", "กองช่าง", "ธ.ค. 67", ("2024-12-01", "2024-12-31")),
        ("อบรมพนักงานเรื่องการป้องกันผลประโยชน์ทับซ้อน",
         "จัดอบรมโดยวิทยากรจากสำนักงาน ป.ป.ช. ประจำจังหวัด", "ผู้เข้าร่วม 42 คน",
         "ดำเนินการแล้ว", "งานการเจ้าหน้าที่", "15 ม.ค. 2568", ("2025-01-15", "2025-01-15")),
    ]
    body = ["<h1>รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</h1>",
            f"<h2>รอบ {th(6)} เดือน (ตุลาคม {th(2567)} - มีนาคม {th(2568)}) ประจำปีงบประมาณ พ.ศ. {th(2568)}</h2>",
            "<h2>เทศบาลตำบลสันทรายหลวง อำเภอสันทราย จังหวัดเชียงใหม่</h2>",
            "<table>" + cells("ลำดับ", "มาตรการ/กิจกรรม", "การดำเนินงาน", "ผลการดำเนินงาน", "สถานะ", "ผู้รับผิดชอบ",
                              "ระยะเวลา", header=True)]
    for number, (measure, method, result, status, who, period, _) in enumerate(rows, 1):
        body.append(cells(th(number), measure, th(method), th(result), status, who, th(period)))
    body.append("</table><p>ลงชื่อ ผู้รายงาน</p>")
    truth = {"doc_type": "measures_report", "fiscal_year": 2568, "assessment_year": None, "assessment": None,
             "indicator_scores": {}, "question_scores": {},
             "measures": [{"codes": [], "measure": m, "method": how, "responsible": who,
                           "period_start": span[0], "period_end": span[1]} for m, how, _, _, who, _, span in rows],
             "unit": {"name": "เทศบาลตำบลสันทรายหลวง", "type": "เทศบาลตำบล", "district": "สันทราย",
                      "province": "เชียงใหม่"}}
    return Probe("report6m", "".join(body), truth)


_TOOLS_2567 = (90.00, 84.00, 82.00, 84.50, 85.70, "ผ่าน")
_TOOLS_2568 = (93.40, 88.20, 86.80, 87.50, 89.27, "ผ่านดี")
_INDICATORS_2567 = (91.50, 88.20, 90.80, 89.00, 90.50, 83.40, 82.90, 82.70, 86.00, 83.00)
_INDICATORS_2568 = (95.10, 92.30, 94.00, 91.20, 94.40, 88.90, 87.10, 86.50, 90.00, 85.00)


def analysis_two_years() -> Probe:
    """Last year's results beside this year's everywhere: a tool table with the tools as columns and one row
    per year, an indicator table with a column per year and the difference, and a sentence naming both."""
    names = [name for name, _ in _INDICATORS]
    body = ["<h1>รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ</h1>",
            f"<h2>ประจำปีงบประมาณ พ.ศ. {th(2568)}</h2>",
            "<h2>เทศบาลตำบลห้างฉัตร อำเภอห้างฉัตร จังหวัดลำปาง</h2>",
            f"<p>ผลการประเมินปี {th(2568)} ได้คะแนน {th('89.27')} คะแนน อยู่ในระดับผ่านดี "
            f"เพิ่มขึ้นจากปี {th(2567)} ซึ่งได้ {th('85.70')} คะแนน (ระดับผ่าน) รายละเอียดดังนี้</p>",
            "<table>" + cells("ปีงบประมาณ", "IIT", "EIT ส่วนที่ 1", "EIT ส่วนที่ 2", "OIT", "คะแนนรวม", "ผลการประเมิน",
                              header=True)]
    for year, values in ((2567, _TOOLS_2567), (2568, _TOOLS_2568)):
        body.append(cells(th(year), *(th(f"{v:.2f}") for v in values[:5]), values[5]))
    body.append("</table><p>คะแนนรายตัวชี้วัดเปรียบเทียบ</p><table>"
                + cells("ตัวชี้วัด", f"ปี {th(2567)}", f"ปี {th(2568)}", "ผลต่าง", header=True))
    for n, (name, old, new) in enumerate(zip(names, _INDICATORS_2567, _INDICATORS_2568), 1):
        change = new - old
        body.append(cells(f"{th(n)}. {name}", th(f"{old:.2f}"), th(f"{new:.2f}"), th(f"{change:+.2f}")))
    body.append("</table>")
    iit, part1, part2, oit, total, level = _TOOLS_2568
    truth = {"doc_type": "analysis", "fiscal_year": 2568, "assessment_year": 2568,
             "assessment": {"overall_score": total, "level": level, "iit": iit, "eit_part1": part1,
                            "eit_part2": part2, "oit": oit},
             "indicator_scores": {str(n): v for n, v in enumerate(_INDICATORS_2568, 1)},
             "question_scores": {}, "measures": None,
             "unit": {"name": "เทศบาลตำบลห้างฉัตร", "type": "เทศบาลตำบล", "district": "ห้างฉัตร", "province": "ลำปาง"}}
    return Probe("analysis2years", "".join(body), truth)


def grouped_plan() -> Probe:
    """Measures grouped under indicator rows that span the table, codes in a `ข้อ` column (two in one cell),
    periods with two-digit years and quarters, and a budget column."""
    groups = [
        (9, "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", [
            (["o15"], "เผยแพร่รายงานผลการจัดซื้อจัดจ้างประจำเดือนบนเว็บไซต์",
             "มอบหมายเจ้าหน้าที่พัสดุสรุปผลทุกสิ้นเดือนและนำขึ้นเว็บไซต์", "ต.ค. 68 - ธ.ค. 68",
             ("2025-10-01", "2025-12-31"), "กองคลัง (งานพัสดุ)", "-"),
            (["o10", "o11"], "จัดทำคู่มือการให้บริการและสถิติการให้บริการ",
             "รวบรวมขั้นตอนการให้บริการทุกงานและจัดทำสถิติรายไตรมาส", "ไตรมาสที่ 2 (ม.ค. - มี.ค. 2569)",
             ("2026-01-01", "2026-03-31"), "สำนักปลัด", "5,000"),
        ]),
        (10, "ตัวชี้วัดที่ 10 การป้องกันการทุจริต", [
            (["o28"], "ประเมินความเสี่ยงการทุจริตและจัดทำมาตรการป้องกัน",
             "ประชุมคณะทำงานวิเคราะห์ความเสี่ยงในกระบวนงานอนุมัติอนุญาต", "พ.ค. 2569",
             ("2026-05-01", "2026-05-31"), "สำนักปลัด", "-"),
        ]),
        (7, "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร", [
            (["e5"], "พัฒนาช่องทางรับฟังความคิดเห็นของประชาชนผ่านไลน์ออฟฟิเชียล",
             "เปิดบัญชีไลน์ของเทศบาลและตอบกลับภายใน 3 วันทำการ", "1 ต.ค. 68 - 30 ก.ย. 69",
             ("2025-10-01", "2026-09-30"), "กองช่าง", "2,500"),
        ]),
    ]
    body = ["<h1>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. " + th(2569) + "</h1>",
            "<h2>เทศบาลตำบลเกาะคา อำเภอเกาะคา จังหวัดลำปาง</h2>",
            f"<p>ผลการประเมิน ITA ประจำปี {th(2568)} ของเทศบาลตำบลเกาะคา ได้ {th('79.55')} คะแนน ระดับ ต้องปรับปรุง "
            "เทศบาลจึงกำหนดมาตรการตามตัวชี้วัดที่ได้คะแนนต่ำ ดังนี้</p>",
            "<table>" + cells("ข้อ", "มาตรการ", "แนวทางปฏิบัติ", "ห้วงเวลา", "ผู้รับผิดชอบ", "งบประมาณ (บาท)",
                              header=True)]
    measures = []
    for indicator, label, items in groups:
        body.append(f'<tr><td colspan="6"><b>{th(label)}</b></td></tr>')
        for codes, measure, method, period, span, who, budget in items:
            body.append(cells(th(", ".join(codes)), measure, th(method), th(period), who, th(budget)))
            measures.append({"codes": codes, "measure": measure, "method": method, "responsible": who,
                             "period_start": span[0], "period_end": span[1], "indicator": indicator})
    body.append("</table>")
    truth = {"doc_type": "measures", "fiscal_year": 2569, "assessment_year": 2568,
             "assessment": {"overall_score": 79.55, "level": "ต้องปรับปรุง"},
             "indicator_scores": {}, "question_scores": {}, "measures": measures,
             "unit": {"name": "เทศบาลตำบลเกาะคา", "type": "เทศบาลตำบล", "district": "เกาะคา", "province": "ลำปาง"}}
    return Probe("groupedplan", "".join(body), truth)


def sectioned_announcement() -> Probe:
    """A province's announcement of overall 2567 results only: district section rows spanning the table,
    abbreviated names, the five Thai levels, and a footnote under the table."""
    sections = [("อำเภอเกาะคา", [("ทต.เกาะคา", "เทศบาลตำบลเกาะคา", 96.12, "ผ่านดีเยี่ยม"),
                                 ("ทต.วังพร้าว", "เทศบาลตำบลวังพร้าว", 91.45, "ผ่านดี"),
                                 ("อบต.นาแส่ง", "องค์การบริหารส่วนตำบลนาแส่ง", 78.30, "ต้องปรับปรุง")]),
                ("อำเภอห้างฉัตร", [("ทต.ห้างฉัตร", "เทศบาลตำบลห้างฉัตร", 88.88, "ผ่านดี"),
                                   ("ทต.เมืองยาว", "เทศบาลตำบลเมืองยาว", 86.02, "ผ่าน"),
                                   ("อบต.หนองหล่ม", "องค์การบริหารส่วนตำบลหนองหล่ม", 65.77, "ต้องปรับปรุงโดยด่วน")])]
    body = ["<h1>ประกาศจังหวัดลำปาง</h1><h2>เรื่อง ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น"
            f" ประจำปีงบประมาณ พ.ศ. {th(2567)}</h2>",
            "<table>" + cells("ลำดับที่", "ชื่อหน่วยงาน", "คะแนนที่ได้", "ระดับผลการประเมิน", header=True)]
    results, number = [], 0
    for district, units in sections:
        body.append(f'<tr><td colspan="4"><b>{district}</b></td></tr>')
        for printed, canonical, total, level in units:
            number += 1
            body.append(cells(th(number), printed, th(f"{total:.2f}"), level))
            results.append({"name": printed, "unit_name": canonical, "overall_score": total, "level": level})
    body.append("</table><p>หมายเหตุ ระดับผลการประเมินตามเกณฑ์ของสำนักงาน ป.ป.ช.</p>"
                f"<p>ประกาศ ณ วันที่ {th(15)} ตุลาคม พ.ศ. {th(2567)}</p>")
    truth = {"doc_type": "results_announcement", "fiscal_year": 2567, "assessment_year": 2567, "results": results}
    return Probe("sectioned", "".join(body), truth)


def improvement_guidelines() -> Probe:
    """A plan to use the results under a title in words of its own, its scores in a two-column table with the
    level as a row, and measures whose first column names the indicator."""
    items = [(10, "ตัวชี้วัดที่ 10 การป้องกันการทุจริต", "ทบทวนแผนป้องกันการทุจริตให้ครอบคลุมความเสี่ยงทุกกระบวนงาน",
              "จัดประชุมเชิงปฏิบัติการร่วมกับหัวหน้าส่วนราชการทุกส่วน", "ทุกส่วนราชการ",
              "ธันวาคม 2568 - กุมภาพันธ์ 2569", ("2025-12-01", "2026-02-28")),
             (9, "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", "ปรับปรุงหน้าเว็บไซต์ ITA ให้มีข้อมูลครบทุกข้อและเป็นปัจจุบัน",
              "มอบหมายผู้ดูแลเว็บไซต์ตรวจสอบข้อมูลทุกสิ้นไตรมาส", "งานประชาสัมพันธ์ สำนักปลัด",
              "1 ต.ค. 68 - 30 ก.ย. 69", ("2025-10-01", "2026-09-30")),
             (8, "ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน", "นำระบบการยื่นคำร้องออนไลน์มาใช้ในงานบริการ",
              "พัฒนาแบบฟอร์มออนไลน์และประชาสัมพันธ์ให้ประชาชนทราบ", "กองช่าง",
              "มกราคม - มิถุนายน 2569", ("2026-01-01", "2026-06-30"))]
    tools = [("แบบวัด IIT", "97.20"), ("แบบวัด EIT ส่วนที่ 1", "94.20"), ("แบบวัด EIT ส่วนที่ 2", "90.60"),
             ("แบบตรวจ OIT", "88.00"), ("คะแนนรวม", "92.08"), ("ระดับผลการประเมิน", "ผ่านดี")]
    body = ["<h1>แนวทางการนำผลการประเมินคุณธรรมและความโปร่งใสไปปรับปรุงการปฏิบัติงาน</h1>",
            f"<h2>ประจำปีงบประมาณ พ.ศ. {th(2569)}</h2><h2>เทศบาลตำบลกรูด อำเภอกาญจนดิษฐ์ จังหวัดสุราษฎร์ธานี</h2>",
            f"<p>เทศบาลตำบลกรูดได้รับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {th(2568)} ดังนี้</p><table>"
            + cells("รายการ", "ผลคะแนน", header=True)]
    body += [cells(name, th(value)) for name, value in tools]
    body.append("</table><p>จึงกำหนดแนวทางการพัฒนา ดังนี้</p><table>"
                + cells("ประเด็นที่ต้องพัฒนา", "แนวทางการพัฒนา", "วิธีการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ",
                        header=True))
    body += [cells(th(label), measure, method, who, th(period)) for _, label, measure, method, who, period, _ in items]
    body.append("</table>")
    truth = {"doc_type": "development_plan", "fiscal_year": 2569, "assessment_year": 2568,
             "assessment": {"overall_score": 92.08, "level": "ผ่านดี", "iit": 97.20, "eit_part1": 94.20,
                            "eit_part2": 90.60, "oit": 88.00},
             "indicator_scores": {}, "question_scores": {},
             "measures": [{"codes": [], "measure": m, "method": how, "responsible": who, "period_start": span[0],
                           "period_end": span[1], "indicator": n} for n, _, m, how, who, _, span in items],
             "unit": {"name": "เทศบาลตำบลกรูด", "type": "เทศบาลตำบล", "district": "กาญจนดิษฐ์",
                      "province": "สุราษฎร์ธานี"}}
    return Probe("guidelines", "".join(body), truth)


PROBES_2 = (half_year_report, analysis_two_years, grouped_plan, sectioned_announcement, improvement_guidelines)
SETS = {"1": PROBES, "2": PROBES_2}


def page(html: str, font: str) -> str:
    css = (f"body {{ font-family: '{font}'; font-size: 16pt; }} @page {{ size: A4; margin: 2cm 1.8cm; }} "
           "table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #000; padding: 3px 5px; "
           "vertical-align: top; } h1, h2 { text-align: center; font-size: 18pt; margin: 4px; }")
    return f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>{css}</style></head><body>{html}</body></html>'


def render(printer: str, html: str, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="probe-") as tmp:
        source = Path(tmp) / f"{out.stem}.html"
        source.write_text(html, encoding="utf-8")
        env = dict(os.environ, FONTCONFIG_FILE=str(fonts.fontconfig_file(Path(tmp))))
        if printer == "weasyprint":
            import weasyprint
            weasyprint.HTML(string=html, base_url=tmp).write_pdf(out)
            return
        if printer == "chromium":
            cmd = [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--no-pdf-header-footer", f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", source.as_uri()]
        else:  # LibreOffice's HTML import: rules dropped, columns shrunk to their text, cells centred
            cmd = ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                   "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, str(source)]
        subprocess.run(cmd, capture_output=True, timeout=300, env=env, check=False)
        if printer == "libreoffice" and (made := Path(tmp) / f"{out.stem}.pdf").exists():
            made.replace(out)
    if not out.exists():
        raise RuntimeError(f"{printer} wrote no PDF for {out.name}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--printers", nargs="+", default=list(PRINTERS), choices=PRINTERS)
    ap.add_argument("--fonts", nargs="+", default=list(FONTS))
    ap.add_argument("--set", choices=sorted(SETS), default="1",
                    help="1: the first five documents (tests/test_probe_documents.py); 2: five more, written later")
    a = ap.parse_args()
    (a.out_dir / "truth").mkdir(parents=True, exist_ok=True)
    for make in SETS[a.set]:
        probe = make()
        for printer in a.printers:
            for font in a.fonts:
                name = f"{probe.name}-{printer}-{font.replace(' ', '')}.pdf"
                render(printer, page(probe.html, font), a.out_dir / name)
                truth = {**probe.truth, "file": name, "font": font, "printer": printer, "scanned": False,
                         "family": probe.name}
                (a.out_dir / "truth" / f"{Path(name).stem}.json").write_text(
                    json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
                print(name)


if __name__ == "__main__":
    main()
