"""Parse a normalized DocumentLayout into a ParsedDocument. (Minimal first version; see issue 5.)"""
from __future__ import annotations

import re

from normalizers.levels import normalize_level
from normalizers.scores import parse_score
from pipeline.records import Assessment, DocumentLayout, ParsedDocument, UnitMention

_FISCAL_YEAR = re.compile(r"ปีงบประมาณ\s*(?:พ\.ศ\.)?\s*(25\d\d)")
_UNIT = re.compile(r"((?:องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด|เทศบาล(?:ตำบล|เมือง|นคร))\S+)")
_OVERALL = re.compile(r"(?:มีผลคะแนน|คะแนนการประเมินรวม|คะแนนภาพรวม\S*[^\d]{0,60}?)\s*:?\s*(\d{1,3}(?:\.\d+)?)\s*คะแนน")


def parse_document(layout: DocumentLayout) -> ParsedDocument:
    text = layout.text
    head = "\n".join(layout.pages[0].text.splitlines()[:12]) if layout.pages else ""
    parsed = ParsedDocument()
    if "รายงานผลการดำเนินการ" in head:
        parsed.doc_type = "measures_report"
    elif "การนำผลการประเมิน" in head:
        parsed.doc_type = "development_plan"
    elif "มาตรการส่งเสริมคุณธรรม" in head:
        parsed.doc_type = "measures"
    else:
        parsed.doc_type_reason = "no known title on the first page"
    if match := _FISCAL_YEAR.search(head):
        parsed.fiscal_year = int(match.group(1))
    if match := _UNIT.search(head):
        parsed.unit_raw = match.group(1)
        parsed.unit_mentions.append(UnitMention(match.group(1), "title"))
    if match := _OVERALL.search(text):
        parsed.assessment = Assessment(overall_score=parse_score(match.group(1)))
        if level := re.search(r"ระดับ\S*\s*:?\s*\"?([^\s\"]+)", text[match.end(): match.end() + 80]):
            parsed.assessment.level = normalize_level(level.group(1))
    return parsed
