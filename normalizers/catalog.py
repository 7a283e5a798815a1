"""The ITA question catalog, indicator names, tool weights and level scales per assessment year.

Read once from data/reference/ at import (see data/reference/CATALOG_PROVENANCE.md); every function
here is then a pure lookup. Years are Buddhist Era integers.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from normalizers import REFERENCE_DIR
from normalizers.digits import to_arabic_digits


# From 2567 the IIT has 15 questions, EIT is split in two parts and levels are five Thai words.
NEW_FORM_FROM = 2567


@dataclass(frozen=True)
class CatalogRow:
    year: int
    tool: str  # IIT, EIT, OIT
    code: str  # canonical, e.g. i13
    indicator: int | None
    text: str
    status: str  # how sure the row is (confirmed_*, inferred_*, ...)


def _load_catalogs() -> dict[int, tuple[CatalogRow, ...]]:
    out: dict[int, tuple[CatalogRow, ...]] = {}
    for path in sorted(REFERENCE_DIR.glob("ita_catalog_*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows = tuple(
                CatalogRow(int(r["year"]), r["tool"], r["code"], int(r["indicator"]) if r["indicator"] else None,
                           r["text"], r["status"])
                for r in csv.DictReader(f)
            )
        if rows:
            out[rows[0].year] = rows
    return out


_CATALOGS = _load_catalogs()

# Canonical indicator names (index 0) and wordings seen in documents.
_INDICATORS: dict[int, tuple[str, ...]] = {
    1: ("การปฏิบัติหน้าที่",),
    2: ("การใช้งบประมาณ",),
    3: ("การใช้อำนาจ",),
    4: ("การใช้ทรัพย์สินของราชการ", "การใช้ทรัพย์สินของทางราชการ"),
    5: ("การแก้ไขปัญหาการทุจริต",),
    6: ("คุณภาพการดำเนินงาน",),
    7: ("ประสิทธิภาพการสื่อสาร",),
    8: ("การปรับปรุงระบบการทำงาน", "การปรับปรุงการทำงาน"),
    9: ("การเปิดเผยข้อมูล", "การเปิดเผยข้อมูลสาธารณะ", "แบบวัดการเปิดเผยข้อมูลสาธารณะ"),
    10: ("การป้องกันการทุจริต",),
}
_TOOL_OF_INDICATOR = {**{n: "IIT" for n in range(1, 6)}, **{n: "EIT" for n in range(6, 9)}, 9: "OIT", 10: "OIT"}


def _key(text: str) -> str:
    """Comparison key: NFC, Arabic digits, no whitespace or punctuation (never NFKC: it splits SARA AM)."""
    text = to_arabic_digits(unicodedata.normalize("NFC", text))
    return re.sub(r"[\s\"'“”‘’()\[\]:.,;/\-–*]", "", text)


_INDICATOR_CHOICES = {(_key(name), n) for n, names in _INDICATORS.items() for name in names}


def indicator_names() -> dict[int, tuple[str, ...]]:
    """Indicator number → (canonical name, known variants...)."""
    return dict(_INDICATORS)


def indicator_name(n: int) -> str | None:
    names = _INDICATORS.get(n)
    return names[0] if names else None


def tool_of_indicator(n: int | None) -> str | None:
    return _TOOL_OF_INDICATOR.get(n) if n is not None else None


def indicators_of(tool: str) -> tuple[int, ...]:
    """The indicators whose mean is the tool's score (IIT 1-5, EIT 6-8, OIT 9-10), any case of its name."""
    return tuple(n for n, t in sorted(_TOOL_OF_INDICATOR.items()) if t == tool.upper())


def match_indicator(name: str | None, min_score: float = 85.0) -> int | None:
    """Indicator number for a printed name (`ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของทางราชการ` → 4), or None.

    A leading `ตัวชี้วัดที่ N` wins when N is 1..10; otherwise the name is fuzzy-matched.
    """
    if not name:
        return None
    text = to_arabic_digits(name)
    numbered = re.match(r"\s*ตัวชี้วัด(?:ที่)?\s*(\d{1,2})(?!\.\d)", text)
    if numbered and 1 <= int(numbered.group(1)) <= 10:
        return int(numbered.group(1))
    key = _key(re.sub(r"^\s*(?:ตัวชี้วัด(?:ที่)?\s*)?\d{0,2}\s*", "", text))
    if not key:
        return None
    exact = [n for k, n in _INDICATOR_CHOICES if k == key]
    if exact:
        return exact[0]
    choices = {k: n for k, n in _INDICATOR_CHOICES}
    best = process.extractOne(key, list(choices), scorer=fuzz.ratio)
    if best and best[1] >= min_score:
        return choices[best[0]]
    return None


# ---------------------------------------------------------------- question catalog
def catalog_year(year: int | None) -> int | None:
    """The catalog year used for an assessment year: the nearest one of the same form."""
    if year is None or not _CATALOGS:
        return None
    same_form = [y for y in _CATALOGS if (y >= NEW_FORM_FROM) == (year >= NEW_FORM_FROM)] or list(_CATALOGS)
    return min(same_form, key=lambda y: (abs(y - year), -y))


def catalog(year: int | None) -> tuple[CatalogRow, ...]:
    """Catalog rows for an assessment year (several rows may share a code: known wordings)."""
    found = catalog_year(year)
    return _CATALOGS.get(found, ()) if found is not None else ()


def question_counts(year: int | None) -> dict[str, int]:
    """Highest question number per tool in the year's catalog: codes above it are out of range."""
    counts: dict[str, int] = {}
    for row in catalog(year):
        counts[row.tool] = max(counts.get(row.tool, 0), int(row.code[1:]))
    return counts


def question(code: str, year: int | None) -> CatalogRow | None:
    return next((row for row in catalog(year) if row.code == code), None)


def _text_score(key: str, row_text: str) -> float:
    row_key = _key(row_text)
    score = fuzz.ratio(key, row_key)
    if len(key) > len(row_key) + 8:  # the text carries extra words after the question
        score = max(score, fuzz.partial_ratio(row_key, key) - 5)
    return score


def question_score(code: str, text: str | None, year: int | None) -> float:
    """How well (0-100) `text` matches the catalog wording(s) of `code` for the year."""
    key = _key(text or "")
    return max((_text_score(key, row.text) for row in catalog(year) if row.code == code), default=0.0)


def may_overrule(row: CatalogRow) -> bool:
    """Whether a row's wording may correct a code a document prints: any row but a recalled one (wording from
    memory, `recalled_unverified`: the reference README says never to let it override a document). Inferred rows
    may: a scan's misread digit (`๐๕` for o4) is corrected by them, and the printed code is kept wherever its own
    wording matches too (codes.resolve_code)."""
    return not row.status.startswith("recalled")


def match_question(text: str | None, year: int | None, tool: str | None = None,
                   min_score: float = 80.0, overruling_only: bool = False) -> tuple[str, float] | None:
    """(code, score 0-100) of the catalog question whose wording best matches `text`, or None.
    `overruling_only` leaves out the rows that may not overrule a printed code (`may_overrule`)."""
    if not text:
        return None
    key = _key(text)
    if len(key) < 4:
        return None
    best: tuple[str, float] | None = None
    for row in catalog(year):
        if (tool is not None and row.tool != tool) or (overruling_only and not may_overrule(row)):
            continue
        score = _text_score(key, row.text)
        if best is None or score > best[1]:
            best = (row.code, score)
    return best if best and best[1] >= min_score else None


def question_matches(text: str | None, year: int | None, tool: str | None = None) -> dict[str, float]:
    """Best wording score (0-100) of each catalog question code for `text`: the catalog holds some wordings
    under two codes (the year's variants number them differently), which one best match hides."""
    key = _key(text or "")
    if len(key) < 4:
        return {}
    scores: dict[str, float] = {}
    for row in catalog(year):
        if tool is None or row.tool == tool:
            scores[row.code] = max(scores.get(row.code, 0.0), _text_score(key, row.text))
    return scores


# ---------------------------------------------------------------- weights and levels
def weights(year: int | None) -> dict[str, float]:
    """Weight of each tool in the overall score (ita_rules.md; the seed 001 gives the 2567 split)."""
    if year is not None and year >= NEW_FORM_FROM:
        return {"IIT": 30.0, "EIT_PART1": 15.0, "EIT_PART2": 15.0, "OIT": 40.0}
    return {"IIT": 30.0, "EIT": 30.0, "OIT": 40.0}


LETTER_LEVELS = ("AA", "A", "B", "C", "D", "E", "F")
# The lowest total of each letter level (ita_rules.md §4, confirmed for the years up to 2566).
LETTER_FLOORS = {"AA": 95.0, "A": 85.0, "B": 75.0, "C": 65.0, "D": 55.0, "E": 50.0, "F": 0.0}
THAI_LEVELS = ("ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน")


def letter_band(score: float) -> str:
    """The letter level a total falls in (the scale up to 2566)."""
    return next(level for level, floor in LETTER_FLOORS.items() if score >= floor)


def levels(year: int | None) -> tuple[str, ...]:
    """The level scale of an assessment year, best first."""
    if year is not None and year >= NEW_FORM_FROM:
        return THAI_LEVELS
    return LETTER_LEVELS
