"""Document type from the title of the document proper.

The title is the first lines of the first non-cover page; the order of the checks matters because a
report's title also contains the words of a measures title.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from parsers.ita.text import skeleton
from parsers.records import DocType

_FUZZY_TITLE = 90

# (type, compact keywords, any of which in the title decides it), checked in order.
_TITLES: list[tuple[DocType, tuple[str, ...]]] = [
    ("measures_report", ("รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม", "รายงานผลการดำเนินการตามมาตรการ",
                         "รายงานผลการดำเนินการมาตรการ", "รายงานผลการดำเนินงานตามมาตรการ",
                         "รายงานผลการดำเนินการส่งเสริมคุณธรรม")),
    ("development_plan", ("การนำผลการประเมินITAไปสู่การพัฒนา", "การนำผลการประเมินไปสู่การพัฒนา",
                          "นำผลการประเมินคุณธรรมและความโปร่งใสไปสู่การพัฒนา")),
    ("measures", ("มาตรการส่งเสริมคุณธรรม",)),
    ("analysis", ("การวิเคราะห์ผลการประเมินคุณธรรม", "การวิเคราะห์ผลการประเมินITA", "การวิเคราะห์ผลการประเมิน(ITA)",
                  "ผลการวิเคราะห์การประเมินคุณธรรม")),
]


def _shape(*parts: str | int) -> str:
    """A regex over skeleton text from Thai pieces (marks dropped as skeleton drops them); `|` inside a piece
    separates alternatives, and a gap of up to N letters is written as the int N."""
    out = []
    for part in parts:
        out.append(f".{{0,{part}}}" if isinstance(part, int) else "(?:" + "|".join(skeleton(w) for w in part.split("|")) + ")")
    return "".join(out)


# A title worded otherwise says the same things in the same order: a report of results of measures, taking the
# results somewhere (ไปสู่/ไปใช้/ไปปรับปรุง…), measures for integrity or transparency, an analysis of the results.
# Tried after every exact key above has failed, in the same order, only at the title's start (its first two
# lines or so: later lines are the body's) and only on a title that names the ITA (its words for integrity or
# transparency, or the acronym): an analysis of a corruption-risk assessment is none.
_SHAPES: list[tuple[DocType, re.Pattern]] = [
    ("measures_report", re.compile(_shape("รายงานผล", 30, "มาตรการ"))),
    ("development_plan", re.compile(_shape("นำผล", "การ|", "ประเมิน", 80, "ไป",
                                           "สู่|ใช้|ปรับปรุง|พัฒนา|ยกระดับ|ประยุกต์"))),
    ("measures", re.compile(_shape("มาตรการ", "ส่งเสริม|เสริมสร้าง|สร้าง|ยกระดับ|ขับเคลื่อน|", 8,
                                   "คุณธรรม|ความโปร่งใส|ITA"))),
    ("analysis", re.compile(_shape("วิเคราะห์", 20, "ผล", 10, "ประเมิน"))),
]
_SHAPE_SPAN = 150  # skeleton letters
_ITA_NAMED = re.compile(_shape("คุณธรรม|โปร่งใส|ITA"))


# An announcement of many units' results: `ประกาศ… เรื่อง ผลการประเมินคุณธรรม…`, `ผลการประเมิน ITA ของ
# องค์กรปกครองส่วนท้องถิ่นในเขตจังหวัด…`. Its rows decide in the end (parsers/ita/announcement.py).
_RESULTS = tuple(skeleton(k) for k in ("ผลการประเมินคุณธรรม", "ผลการประเมินITA", "ผลการประเมิน(ITA)", "ผลประเมินITA"))
_MANY_UNITS = tuple(skeleton(k) for k in ("ประกาศ", "องค์กรปกครองส่วนท้องถิ่นในเขต", "ในเขตจังหวัด", "หน่วยงานในสังกัด",
                                          "สถานศึกษาอาชีวศึกษา", "ของสถานศึกษา", "ส่วนราชการในสังกัด"))


def is_announcement_title(title_key: str) -> bool:
    """A title (skeleton) announcing the results of many units."""
    return any(k in title_key for k in _RESULTS) and any(k in title_key for k in _MANY_UNITS)


def classify(title: str, body: str) -> tuple[DocType, str | None]:
    """(type, reason) from the compact title lines; `body` (compact) is a fallback for plans and reports
    whose title lines were lost. The reason is set only for `unknown`."""
    title_key, body_key = skeleton(title), skeleton(body)
    for doc_type, keys in _TITLES:
        if any(skeleton(key) in title_key for key in keys):
            return doc_type, None
    for doc_type, shape in _SHAPES:
        if shape.search(title_key[:_SHAPE_SPAN]) and _ITA_NAMED.search(title_key):
            return doc_type, None
    for doc_type, keys in _TITLES[:2]:
        if any(skeleton(key) in body_key for key in keys):
            return doc_type, None
    # A title a scan garbled (`รายงานผลการดาเนหนนการ เพื่อส่งเสริม…`): the long report and plan titles,
    # nearly whole (the short measures title could match too much).
    for doc_type, keys in _TITLES[:2]:
        if any(fuzz.partial_ratio(skeleton(key), title_key[:300]) >= _FUZZY_TITLE for key in keys):
            return doc_type, None
    if is_announcement_title(title_key):
        return "results_announcement", None
    if not title:
        return "unknown", "no text on the first pages (scan without OCR?)"
    return "unknown", f"no known ITA title in the first lines: {title[:60]!r}"
