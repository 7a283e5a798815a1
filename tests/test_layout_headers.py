"""Headers the parser has no word for, told by their place and shape: a two-level header whose top row leaves
the columns under a merged cell empty, repeated on every page a browser prints."""
from __future__ import annotations

import datetime as dt

import pytest

from parsers.ita import parse_document
from parsers.layout import extract_layout
from pipeline.normalize import normalize_layout
from tests.support.browser import print_html

# Invented wordings, none in the parser's lists: the header must be found by where it stands and what it holds.
TOP = ("เรื่อง", "การปฏิบัติ", "เจ้าของเรื่อง", "ช่วงเวลาทำงาน", "ค่าใช้จ่าย (บาท)", "สิ่งที่ได้")
MEASURES = ["จัดทำคู่มือการปฏิบัติงานด้านการจัดซื้อจัดจ้างให้เป็นปัจจุบันและเผยแพร่ต่อสาธารณะ",
            "ประชาสัมพันธ์ช่องทางการร้องเรียนการทุจริตผ่านเว็บไซต์และสื่อสังคมออนไลน์",
            "อบรมเสริมสร้างคุณธรรมจริยธรรมให้แก่บุคลากรทุกระดับของหน่วยงาน",
            "ประเมินความเสี่ยงการทุจริตและกำหนดมาตรการป้องกันในกระบวนงานบริการ",
            "เปิดเผยข้อมูลการใช้จ่ายงบประมาณประจำปีบนเว็บไซต์ของหน่วยงาน"]
OFFICES = ["กองคลัง", "สำนักปลัด", "งานการเจ้าหน้าที่", "กองช่าง", "กองคลัง"]
QUARTERS = [{1, 2, 3, 4}, {2}, {3, 4}, {1}, {2, 3}]
BUDGETS = ["30,000", "ไม่ใช้งบประมาณ", "12,500", "ไม่ใช้งบประมาณ", "5,000"]
STEPS = "1. แต่งตั้งคณะทำงาน 2. จัดประชุมชี้แจง 3. ดำเนินการตามแผน 4. ติดตามผลการดำเนินงาน 5. รายงานผลต่อผู้บริหาร"


def _html() -> str:
    head = ("<thead><tr>" + "".join(f"<th rowspan=2>{h}</th>" for h in TOP[:3]) + f"<th colspan=4>{TOP[3]}</th>"
            + "".join(f"<th rowspan=2>{h}</th>" for h in TOP[4:]) + "</tr><tr>"
            + "".join(f"<th>ไตรมาส {q}</th>" for q in range(1, 5)) + "</tr></thead>")
    body = "".join(
        f"<tr><td>{i + 1}. {m}</td><td>{STEPS}</td><td>{o}</td>"
        + "".join(f"<td>{'✓' if q in ticks else ''}</td>" for q in range(1, 5))
        + f"<td>{b}</td><td>ดำเนินการแล้วเสร็จตามแผน</td></tr>"
        for i, (m, o, ticks, b) in enumerate(zip(MEASURES, OFFICES, QUARTERS, BUDGETS)))
    return f"""<html><head><meta charset="utf-8"><style>@page {{ size: A4 landscape }}
body {{ font-family: 'Garuda'; font-size: 16pt }} table {{ border-collapse: collapse; width: 100% }}
td, th {{ border: 1px solid black; padding: 6px; vertical-align: top; font-weight: normal }}
td {{ height: 150px }}</style></head><body>
<h3>รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568</h3>
<p>องค์การบริหารส่วนตำบลบือเระ อำเภอสายบุรี จังหวัดปัตตานี</p><table>{head}<tbody>{body}</tbody></table></body></html>"""


def _quarters(ticks: set[int]) -> tuple[dt.date, dt.date]:
    starts = {1: dt.date(2024, 10, 1), 2: dt.date(2025, 1, 1), 3: dt.date(2025, 4, 1), 4: dt.date(2025, 7, 1)}
    ends = {1: dt.date(2024, 12, 31), 2: dt.date(2025, 3, 31), 3: dt.date(2025, 6, 30), 4: dt.date(2025, 9, 30)}
    return starts[min(ticks)], ends[max(ticks)]


def test_a_two_level_header_in_words_nobody_listed_repeated_on_every_page_is_no_row(tmp_path):
    layout = extract_layout(print_html(_html(), tmp_path / "report.pdf"))
    assert layout.n_pages >= 2  # the rows are tall: the table and its header run over several pages
    parsed = parse_document(normalize_layout(layout))
    got = [("".join(m.measure.split()), m.responsible, m.period_start, m.period_end, m.budget) for m in parsed.measures]
    budgets = [30000.0, 0.0, 12500.0, 0.0, 5000.0]
    assert got == [(m, o, *_quarters(q), b) for m, o, q, b in zip(MEASURES, OFFICES, QUARTERS, budgets)]


def test_a_row_cut_under_a_repeated_caption_and_header_is_joined_not_a_fragment_or_a_section(tmp_path):
    """A browser repeats a table's whole head on the next page, its `ตารางที่ …` title row too; the rest of the
    row the page break cut comes under it, in the first column alone or in several."""
    long = [f"{m} " * 6 for m in MEASURES[:4]]  # first cells taller than a page's remaining room
    head = ("<thead><tr><th colspan=4>ตารางที่ 1 มาตรการส่งเสริมคุณธรรมและความโปร่งใส</th></tr><tr>"
            + "".join(f"<th>{h}</th>" for h in ("เรื่อง", "การปฏิบัติ", "เจ้าของเรื่อง", "ช่วงเวลาทำงาน")) + "</tr></thead>")
    body = "".join(f"<tr><td>{i + 1}. {m}</td><td>จัดประชุมชี้แจง</td><td>{o}</td><td>ตุลาคม 2567 - กันยายน 2568</td></tr>"
                   for i, (m, o) in enumerate(zip(long, OFFICES)))
    html = f"""<html><head><meta charset="utf-8"><style>body {{ font-family: 'Loma'; font-size: 16pt }}
table {{ border-collapse: collapse; width: 100% }} td, th {{ border: 1px solid black; padding: 4px; vertical-align: top }}
td:first-child {{ width: 45% }}</style></head><body>
<h3>มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568</h3>
<p>องค์การบริหารส่วนตำบลบือเระ อำเภอสายบุรี จังหวัดปัตตานี</p><table>{head}<tbody>{body}</tbody></table></body></html>"""
    layout = extract_layout(print_html(html, tmp_path / "captioned.pdf"))
    assert layout.n_pages >= 2
    parsed = parse_document(normalize_layout(layout))
    assert ["".join(m.measure.split()) for m in parsed.measures] == ["".join(m.split()) for m in long]
    assert [m.responsible for m in parsed.measures] == OFFICES[:4]
    assert not any(m.section for m in parsed.measures)


HEADINGS = ["การเสริมสร้างวัฒนธรรมองค์กรด้านความซื่อสัตย์สุจริตและการปฏิบัติหน้าที่ตามหลักธรรมาภิบาลของบุคลากรทุกระดับในหน่วยงาน",
            "การเปิดเผยข้อมูลข่าวสารของทางราชการและการเสริมสร้างช่องทางการมีส่วนร่วมของประชาชนในการติดตามตรวจสอบการดำเนินงานภาครัฐ"]


@pytest.mark.parametrize("rules", ["border: 1px solid black", ""], ids=["ruled", "without_rules"])
def test_a_heading_wrapped_onto_two_lines_above_its_table_is_the_whole_section(tmp_path, rules):
    """Headings set in plain weight (nothing says bold), long enough to wrap: the second line is part of it."""
    parts = []
    for s, heading in enumerate(HEADINGS):
        body = "".join(f"<tr><td>{s + 1}.{i + 1} {MEASURES[s * 2 + i]}</td><td>จัดประชุมชี้แจง</td>"
                       f"<td>{OFFICES[s * 2 + i]}</td><td>ตุลาคม 2567 - กันยายน 2568</td></tr>" for i in range(2))
        parts.append(f"<p>{s + 1}) {heading}</p><table><tr>"
                     + "".join(f"<th>{h}</th>" for h in ("เรื่อง", "การปฏิบัติ", "เจ้าของเรื่อง", "ช่วงเวลาทำงาน"))
                     + f"</tr>{body}</table>")
    html = f"""<html><head><meta charset="utf-8"><style>body {{ font-family: 'Loma'; font-size: 16pt }}
table {{ border-collapse: collapse; width: 100% }} td, th {{ {rules}; padding: 4px; vertical-align: top; font-weight: normal }}
td:first-child {{ width: 40% }}</style></head><body>
<h3>มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568</h3>
<p>องค์การบริหารส่วนตำบลบือเระ อำเภอสายบุรี จังหวัดปัตตานี</p>{''.join(parts)}</body></html>"""
    parsed = parse_document(normalize_layout(extract_layout(print_html(html, tmp_path / "sections.pdf"))))
    bare = lambda text: "".join((text or "").split())  # noqa: E731 - a line break may leave a space
    assert [(bare(m.measure), bare(m.section)) for m in parsed.measures] == [
        (bare(MEASURES[k]), bare(HEADINGS[k // 2])) for k in range(4)]
