"""The ten ITA indicators and fuzzy lookup of an indicator by its printed name.

Documents number indicators inconsistently (seed 000 restarts EIT at 1), so an indicator is known by its
name, never by its printed number. Local until `normalizers.catalog` provides the same lookup.
"""
from __future__ import annotations

from rapidfuzz import fuzz, process

from parsers.ita.text import skeleton

CANONICAL = {
    1: "การปฏิบัติหน้าที่",
    2: "การใช้งบประมาณ",
    3: "การใช้อำนาจ",
    4: "การใช้ทรัพย์สินของราชการ",
    5: "การแก้ไขปัญหาการทุจริต",
    6: "คุณภาพการดำเนินงาน",
    7: "ประสิทธิภาพการสื่อสาร",
    8: "การปรับปรุงระบบการทำงาน",
    9: "การเปิดเผยข้อมูล",
    10: "การป้องกันการทุจริต",
}
_VARIANTS = {
    4: ["การใช้ทรัพย์สินของทางราชการ"],
    8: ["การปรับปรุงการทำงาน"],
    9: ["การเปิดเผยข้อมูลสาธารณะ"],
}
_CHOICES = {skeleton(name): number for number, name in CANONICAL.items()}
_CHOICES.update({skeleton(v): number for number, names in _VARIANTS.items() for v in names})


def tool_of(indicator: int) -> str:
    return "IIT" if indicator <= 5 else "EIT" if indicator <= 8 else "OIT"


def match_indicator(name: str, cutoff: float = 85) -> int | None:
    """The indicator number whose name (or a known variant) `name` spells, allowing small damage."""
    key = skeleton(name)
    if len(key) < 5:
        return None
    found = process.extractOne(key, list(_CHOICES), scorer=fuzz.ratio, score_cutoff=cutoff)
    return _CHOICES[found[0]] if found else None
