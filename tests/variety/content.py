"""The content of one ITA document, drawn from a seeded random generator, independent of how it is laid out.

A `Document` holds what an analyst wants from the file (unit, years, scores, measures); the layouts in
`tests.variety.layout` print it in many ways and `tests.variety.truth` writes it as the corpus truth. All
text is kept with Arabic digits; a layout may print Thai digits.
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from rapidfuzz import fuzz

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"

FAMILIES = ("measures", "measures_report", "development_plan", "analysis")

INDICATORS = {
    1: ("การปฏิบัติหน้าที่", "IIT"), 2: ("การใช้งบประมาณ", "IIT"), 3: ("การใช้อำนาจ", "IIT"),
    4: ("การใช้ทรัพย์สินของราชการ", "IIT"), 5: ("การแก้ไขปัญหาการทุจริต", "IIT"),
    6: ("คุณภาพการดำเนินงาน", "EIT"), 7: ("ประสิทธิภาพการสื่อสาร", "EIT"),
    8: ("การปรับปรุงระบบการทำงาน", "EIT"), 9: ("การเปิดเผยข้อมูล", "OIT"), 10: ("การป้องกันการทุจริต", "OIT"),
}
TOOL_NAMES = {
    "IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
    "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
    "OIT": "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)",
}
MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
          "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
MONTHS_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
# Fiscal-year order of the months (October first), as month columns print them.
FISCAL_MONTHS = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]

SECTIONS = [
    "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ",
    "การให้บริการและระบบ E-Service",
    "ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ",
    "การป้องกันผลประโยชน์ทับซ้อนและการใช้ทรัพย์สินของราชการ",
    "การส่งเสริมวัฒนธรรมองค์กรที่ไม่ทนต่อการทุจริต",
]
MEASURE_HEADS = ["มาตรการ", "โครงการ", "กิจกรรม", "มาตรการส่งเสริม", "โครงการพัฒนา", ""]
MEASURE_TOPICS = [
    "การสร้างวัฒนธรรม No Gift Policy",
    "กำกับดูแลและตรวจสอบการใช้รถส่วนกลาง",
    "ยกระดับการเปิดเผยข้อมูลสาธารณะบนเว็บไซต์ของหน่วยงาน",
    "ป้องกันการรับสินบนในการให้บริการประชาชน",
    "ส่งเสริมการมีส่วนร่วมของประชาชนในการตรวจสอบการจัดซื้อจัดจ้าง",
    "จัดทำคู่มือการปฏิบัติงานและมาตรฐานการให้บริการ",
    "เสริมสร้างความรู้ความเข้าใจเรื่องผลประโยชน์ทับซ้อน",
    "พัฒนาช่องทางการรับเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ปรับปรุงระบบการให้บริการผ่านระบบอิเล็กทรอนิกส์ (E-Service)",
    "เผยแพร่แผนการใช้จ่ายงบประมาณประจำปีและรายงานผลการใช้จ่าย",
    "ควบคุมการยืมและการใช้ทรัพย์สินของทางราชการ",
    "ประเมินความเสี่ยงการทุจริตและกำหนดมาตรการป้องกัน",
    "เชิดชูเกียรติเจ้าหน้าที่ผู้ปฏิบัติงานดีเด่นที่มีคุณธรรม",
    "ประกาศเจตนารมณ์การต่อต้านการทุจริตของผู้บริหาร",
    "สร้างความโปร่งใสในการบริหารงานบุคคลและการเลื่อนขั้นเงินเดือน",
    "จัดทำแผนผังแสดงขั้นตอนและระยะเวลาการให้บริการประชาชน",
    "สำรวจความพึงพอใจของผู้รับบริการและนำผลมาปรับปรุงการทำงาน",
    "อบรมคุณธรรมจริยธรรมสำหรับบุคลากรทุกระดับ",
    "เผยแพร่ข้อมูลการจัดซื้อจัดจ้างรายเดือนให้สาธารณชนทราบ",
    "ตรวจสอบภายในและนำผลการตรวจสอบมาปรับปรุงการทำงาน",
    "ส่งเสริมการใช้ดุลยพินิจอย่างเป็นธรรมในการอนุมัติอนุญาต",
    "พัฒนาระบบฐานข้อมูลและการสื่อสารกับประชาชนผ่านสื่อสังคมออนไลน์",
]
MEASURE_TAILS = ["", "", "ภายในหน่วยงาน", "ประจำปี", "อย่างต่อเนื่อง", "ให้เป็นรูปธรรม"]
STEPS = [
    "แต่งตั้งคณะทำงานขับเคลื่อนมาตรการ",
    "จัดประชุมชี้แจงแนวทางการปฏิบัติงานให้บุคลากรทุกคนได้รับทราบและถือปฏิบัติ",
    "จัดทำประกาศและเผยแพร่ผ่านเว็บไซต์ของหน่วยงานและช่องทางอื่น ๆ",
    "รายงานผลการดำเนินการต่อผู้บริหารทุกไตรมาส",
    "ปรับปรุงข้อมูลบนเว็บไซต์ของหน่วยงานให้ครบถ้วนและเป็นปัจจุบัน",
    "จัดทำสื่อประชาสัมพันธ์ งดรับ งดให้ ในช่วงเทศกาล",
    "ตรวจสอบสถานะลิงก์ข้อมูลทุกเดือน",
    "นำระบบบันทึกการใช้รถและน้ำมันเชื้อเพลิงแบบออนไลน์มาใช้เพื่อความสะดวกในการตรวจสอบย้อนหลัง",
    "จัดให้มีการประเมินความเสี่ยงการทุจริตในทุกกระบวนงาน",
    "กำหนดมาตรการสำหรับการป้องกันการทุจริตและบังคับใช้จนเกิดผลสัมฤทธิ์",
    "สำรวจความพึงพอใจของผู้รับบริการและสรุปผลเสนอผู้บริหาร",
    "จัดอบรมให้ความรู้แก่เจ้าหน้าที่เรื่องการเรียกรับสินบนและผลประโยชน์ทับซ้อน",
    "เปิดช่องทางรับเรื่องร้องเรียนทางโทรศัพท์ เว็บไซต์ และเฟซบุ๊กของหน่วยงาน",
    "ติดตามและรายงานผลการแก้ไขเรื่องร้องเรียนให้ผู้ร้องทราบภายในสิบห้าวัน",
    "จัดทำทะเบียนคุมการยืมพัสดุและครุภัณฑ์ของทางราชการ",
    "เผยแพร่แผนการจัดซื้อจัดจ้างและผลการจัดซื้อจัดจ้างรายเดือน",
    "คัดเลือกบุคลากรต้นแบบด้านคุณธรรมและมอบเกียรติบัตร",
    "ทบทวนคู่มือการปฏิบัติงานให้สอดคล้องกับกฎหมายและระเบียบที่เปลี่ยนแปลง",
]
OFFICES = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม", "กองสาธารณสุขและสิ่งแวดล้อม",
           "งานวิเคราะห์นโยบายและแผน", "งานนิติการ", "งานการเจ้าหน้าที่", "งานประชาสัมพันธ์", "หน่วยตรวจสอบภายใน",
           "กองสวัสดิการสังคม", "ทุกส่วนราชการ", "สำนักปลัด กองคลัง"]
FOLLOW_UPS = ["รายงานผลการดำเนินการในการประชุมประจำเดือน", "รายงานผลต่อผู้บริหารทุกไตรมาส",
              "ติดตามผลการดำเนินงานรอบ 6 เดือน และรอบ 12 เดือน", "สรุปผลการดำเนินการเสนอนายก",
              "ประเมินผลโดยคณะกรรมการติดตามและประเมินผลแผน"]
OUTPUTS = ["จัดทำคู่มือการใช้ทรัพย์สินของราชการ 1 ฉบับ", "จัดประชุมชี้แจงบุคลากร 2 ครั้ง",
           "เผยแพร่ข้อมูลบนเว็บไซต์ครบทุกหัวข้อ", "อบรมบุคลากร จำนวน 45 คน", "ออกประกาศเจตนารมณ์ 1 ฉบับ",
           "ปรับปรุงช่องทางร้องเรียนออนไลน์แล้วเสร็จ", "ดำเนินการแล้วเสร็จตามแผน ร้อยละ 100"]
OUTCOMES = ["มีแนวทางในการกำกับดูแลทรัพย์สินทางราชการและป้องกันการสูญหาย",
            "ประชาชนได้รับทราบขั้นตอนและกระบวนการจัดซื้อจัดจ้างทุกขั้นตอน",
            "บุคลากรมีความรู้ความเข้าใจและปฏิบัติงานอย่างโปร่งใส",
            "ไม่พบเรื่องร้องเรียนการเรียกรับสินบน", "ผู้รับบริการมีความพึงพอใจเพิ่มขึ้น",
            "หน่วยงานมีระบบการทำงานที่ตรวจสอบได้"]
ANALYSES = ["ควรพัฒนาอย่างต่อเนื่อง และรักษามาตรฐานเอาไว้", "ต่ำกว่าเกณฑ์ ควรเร่งปรับปรุง",
            "ผู้รับบริการบางรายยังเห็นว่าควรปรับปรุง", "ผ่านเกณฑ์ ควรรักษามาตรฐาน"]


@dataclass
class Unit:
    name: str
    type: str
    district: str
    province: str
    core: str

    @property
    def short(self) -> str:
        abbr = {"องค์การบริหารส่วนตำบล": "อบต.", "เทศบาลตำบล": "ทต.", "เทศบาลเมือง": "ทม."}.get(self.type, "")
        return f"{abbr}{self.core}" if abbr else self.name


@dataclass
class Period:
    """A stretch of time as the document means it; `kind` says how it may be printed."""

    start: date
    end: date
    kind: str  # fiscal_year, month, month_range, multi_year, ticks
    months: list[int] = field(default_factory=list)  # fiscal-order month numbers (1-12) for tick columns


@dataclass
class Measure:
    measure: str
    codes: list[str]
    steps: list[str]
    responsible: str
    period: Period
    budget: float  # baht; 0 is printed ไม่ใช้งบประมาณ
    follow_up: str
    output: str
    outcome: str
    indicator: int | None
    section: str | None
    analysis: str = ""
    period_text: str | None = None  # as the layout printed it (set by tests.variety.layout)
    method_text: str | None = None  # the method as printed where it is not the steps numbered 1. 2. … (outlines)
    budget_stated: bool = True  # False where the budget cell printed only `-` (states nothing: normalizers.money)


@dataclass
class Document:
    family: str
    unit: Unit
    fiscal_year: int
    assessment_year: int | None
    overall: float | None
    level: str | None
    previous_overall: float | None
    tools: dict[str, float]  # iit, eit, eit_part1, eit_part2, oit (printed ones)
    indicators: dict[int, float]
    questions: dict[str, tuple[float, str, int]]  # code -> (score, text, indicator)
    measures: list[Measure]
    seed: int


def _units() -> list[dict]:
    with open(REFERENCE / "units.csv", encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle)
                if r["unit_type"] in ("องค์การบริหารส่วนตำบล", "เทศบาลตำบล", "เทศบาลเมือง")]


def _catalog(year: int) -> list[dict]:
    with open(REFERENCE / f"ita_catalog_{year}.csv", encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if r["code"] and r["tool"] in ("IIT", "EIT", "OIT")]


def level_of(score: float, year: int, tools: dict[str, float]) -> str:
    """The level on the year's scale (shared/reference/ita_rules.md section 4)."""
    if year <= 2566:
        for floor, name in ((95, "AA"), (85, "A"), (75, "B"), (65, "C"), (55, "D"), (50, "E")):
            if score >= floor:
                return name
        return "F"
    lowest = min(tools.values())
    if score >= 95 and lowest >= 95:
        return "ผ่านดีเยี่ยม"
    if score >= 85:
        return "ผ่านดี" if lowest >= 85 else "ผ่าน"
    return "ต้องปรับปรุง" if score >= 70 else "ต้องปรับปรุงโดยด่วน"


def fiscal_bounds(fiscal_year: int) -> tuple[date, date]:
    """A Buddhist-era fiscal year runs 1 October of the year before to 30 September."""
    return date(fiscal_year - 544, 10, 1), date(fiscal_year - 543, 9, 30)


def month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def fiscal_month_date(fiscal_year: int, month: int) -> tuple[int, int]:
    """(Gregorian year, month) of a month of the fiscal year."""
    return (fiscal_year - 544 if month >= 10 else fiscal_year - 543), month


def _period(rng: random.Random, fiscal_year: int) -> Period:
    start, end = fiscal_bounds(fiscal_year)
    kind = rng.choices(["fiscal_year", "month", "month_range"], [5, 2, 3])[0]  # multi-year: a layout variant
    if kind == "fiscal_year":
        return Period(start, end, kind, list(range(1, 13)))
    first = rng.randrange(0, 12 if kind == "month" else 10)
    length = 1 if kind == "month" else rng.randint(2, min(6, 12 - first))
    months = FISCAL_MONTHS[first:first + length]
    (y0, m0), (y1, m1) = fiscal_month_date(fiscal_year, months[0]), fiscal_month_date(fiscal_year, months[-1])
    return Period(date(y0, m0, 1), month_end(y1, m1), kind, list(range(first + 1, first + length + 1)))


def _measure_text(rng: random.Random, topic: str) -> str:
    head, tail = rng.choice(MEASURE_HEADS), rng.choice(MEASURE_TAILS)
    return " ".join(part for part in (f"{head}{topic}" if head else topic, tail) if part)


def _coded(rng: random.Random, catalog: list[dict], topic: str, text: str, taken: set[str]) -> tuple[str, list[str]]:
    """A measure keyed to a question, as units write them: the question's own text, or a measure whose topic
    is that question's (never a code that contradicts the text beside it)."""
    free = [r for r in catalog if r["code"] not in taken and r["text"].split(" | ")[0] not in taken]
    if rng.random() < 0.4:
        row = rng.choice([r for r in free if len(r["text"].split(" | ")[0]) <= 110])
        taken.update((row["code"], row["text"].split(" | ")[0]))
        return row["text"].split(" | ")[0], [row["code"]]
    best = max(catalog, key=lambda r: fuzz.partial_ratio(topic, r["text"]))
    if fuzz.partial_ratio(topic, best["text"]) >= 85:
        return text, [best["code"]]
    row = rng.choice([r for r in free if fuzz.partial_ratio(topic, r["text"]) < 60])
    taken.add(row["code"])
    return text, [row["code"]]


def _score(rng: random.Random, low: float = 70, high: float = 100) -> float:
    value = round(rng.uniform(low, high), 2)
    return 100.0 if value > 99.2 else value


def generate(seed: int, family: str | None = None, *, n_measures: int | None = None) -> Document:
    """One document's content; the same seed always gives the same document."""
    rng = random.Random(seed)
    family = family or rng.choice(FAMILIES)
    row = rng.choice(_units())
    unit = Unit(row["unit_name"], row["unit_type"], row["district"], row["province"], row["name_core"])
    if family == "measures":
        assessment = rng.choice([2565, 2566, 2567, 2568])
        fiscal = assessment + 1 if assessment <= 2566 else assessment
    elif family == "measures_report":
        fiscal, assessment = rng.choice([2566, 2567, 2568]), None
    else:
        assessment = rng.choice([2566, 2567, 2568])
        fiscal = assessment
    year = assessment or fiscal
    indicators, tools, overall, level, previous, questions = {}, {}, None, None, None, {}
    if assessment:
        floor = rng.choice([62, 72, 80, 88])
        indicators = {n: _score(rng, floor) for n in INDICATORS}
        mean = lambda ns: round(sum(indicators[n] for n in ns) / len(ns), 2)  # noqa: E731
        iit, eit, oit = mean(range(1, 6)), mean(range(6, 9)), mean(range(9, 11))
        if year >= 2568:
            part1 = round(min(100.0, max(0.0, eit + rng.uniform(-3, 3))), 2)
            part2 = round(min(100.0, 2 * eit - part1), 2)
            tools = {"iit": iit, "eit_part1": part1, "eit_part2": part2, "oit": oit}
            overall = round(0.3 * iit + 0.15 * part1 + 0.15 * part2 + 0.4 * oit, 2)
        else:
            tools = {"iit": iit, "eit": eit, "oit": oit}
            overall = round(0.3 * iit + 0.3 * eit + 0.4 * oit, 2)
        level = level_of(overall, year, {"iit": iit, "eit": eit, "oit": oit})
        previous = round(min(99.0, max(50.0, overall + rng.uniform(-9, 6))), 2)
        if family == "analysis":
            catalog = [r for r in _catalog(year) if r["tool"] in ("IIT", "EIT")]
            for r in rng.sample(catalog, rng.randint(4, 7)):
                questions[r["code"]] = (_score(rng, 50, 90), r["text"].split(" | ")[0], int(r["indicator"] or 0))
    measures: list[Measure] = []
    if family != "analysis":
        count = n_measures or rng.randint(5, 9)
        topics = rng.sample(MEASURE_TOPICS, count)  # distinct topics: no two measures a fuzzy match apart
        catalog = _catalog(year) if year >= 2567 and family == "measures" else []
        taken: set[str] = set()  # each question (code and text) once per document
        sections = rng.sample(SECTIONS, 3) if family in ("measures", "measures_report") and rng.random() < 0.6 else []
        weak = sorted(indicators, key=indicators.get)[:count] if family == "development_plan" else []
        for i in range(count):
            steps = rng.sample(STEPS, rng.choice([1, 2, 2, 3]))
            text, codes = _measure_text(rng, topics[i]), []
            if catalog:
                text, codes = _coded(rng, catalog, topics[i], text, taken)
            measures.append(Measure(
                measure=text,
                codes=codes,
                steps=steps,
                responsible=rng.choice(OFFICES),
                period=_period(rng, fiscal),
                budget=rng.choice([0.0, 0.0, 5000.0, 12000.0, 30000.0, 150000.0, 7500.5]),
                follow_up=rng.choice(FOLLOW_UPS),
                output=rng.choice(OUTPUTS),
                outcome=rng.choice(OUTCOMES),
                indicator=sorted(weak)[i % len(weak)] if weak else None,
                section=sections[i * len(sections) // count] if sections else None,
                analysis=rng.choice(ANALYSES),
            ))
        if family == "development_plan":
            measures.sort(key=lambda m: m.indicator)
    return Document(family, unit, fiscal, assessment, overall, level, previous, tools, indicators, questions,
                    measures, seed)
