"""Thai dates and periods → ISO dates.

Measure tables give periods as full or abbreviated Thai months (มกราคม, ม.ค., มค.), 2- or 4-digit
Buddhist Era years, ranges with `-`, `–` or `ถึง`, a month alone, or a whole fiscal year
(`ตลอดปีงบประมาณ พ.ศ.๒๕๖๙` = 1 Oct 2568 .. 30 Sep 2569 BE). What cannot be read gives null dates and a
warning, never a guess.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from normalizers.digits import to_arabic_digits

MONTHS = {
    "มกราคม": 1, "กุมภาพันธ์": 2, "มีนาคม": 3, "เมษายน": 4, "พฤษภาคม": 5, "มิถุนายน": 6,
    "กรกฎาคม": 7, "สิงหาคม": 8, "กันยายน": 9, "ตุลาคม": 10, "พฤศจิกายน": 11, "ธันวาคม": 12,
}
# Abbreviations as (first part, second part): written `ม.ค.`, `มค.`, `ม.ค`, `มค`, `ม. ค.`, `ม . ค .`.
_ABBREVIATIONS = {
    ("ม", "ค"): 1, ("ก", "พ"): 2, ("มี", "ค"): 3, ("เม", "ย"): 4, ("พ", "ค"): 5, ("มิ", "ย"): 6,
    ("ก", "ค"): 7, ("ส", "ค"): 8, ("ก", "ย"): 9, ("ต", "ค"): 10, ("พ", "ย"): 11, ("ธ", "ค"): 12,
}
# Each month as its abbreviation is printed: 1 -> `ม.ค.`
ABBREVIATED = {n: f"{a}.{b}." for (a, b), n in _ABBREVIATIONS.items()}
_MONTH_BY_KEY = {name: n for name, n in MONTHS.items()} | {a + b: n for (a, b), n in _ABBREVIATIONS.items()}

_THAI_LETTER = "\u0e01-\u0e4e"
_FULL = "|".join(sorted(MONTHS, key=len, reverse=True))
# a font whose full stop a printer sets apart reads with a space before each dot too (`ก . ย .`: Noto Serif Thai)
_ABBR = "|".join(rf"{a}(?:\.?\s?|\s\.\s?){b}(?:\s?\.)?" for a, b in sorted(_ABBREVIATIONS, key=lambda k: -len(k[0])))
_DATE = re.compile(
    rf"(?:(?<!\d)(?P<day>[0-3]?\d)\s*)?"
    rf"(?P<month>{_FULL}|(?:(?<![{_THAI_LETTER}])|(?<=ถึง)|(?<=เดือน))(?:{_ABBR})(?![{_THAI_LETTER}]))"
    rf"\s*(?:พ\.?\s?ศ\.?\s*)?(?P<year>(?:2[56]|20)\d\d|\d\d(?!\d))?"
)
_FISCAL = re.compile(
    r"ปี\s*งบ(?:ประมาณ)?\s*(?:พ\.?\s?ศ\.?\s*)?(?P<y0>25\d\d|\d\d(?!\d))"
    r"(?:\s*(?:-|–|—|ถึง)\s*(?:พ\.?\s?ศ\.?\s*)?(?P<y1>25\d\d|\d\d(?!\d)))?"
)
# The whole fiscal year without its number: `ตลอดปีงบประมาณ`, `ตลอดทั้งปี`, `ทั้งปี`, or all its quarters (`ทั้ง 4 ไตรมาส`,
# `ครบ ๔ ไตรมาส`); a year printed after `ปี` is another rule's (`ตลอดปี 2568` is read by none: null, never a guess).
_WHOLE_FISCAL = re.compile(r"(?:ตลอด|ทั้ง)\s*(?:ทั้ง\s*)?ปี(?:\s*งบ(?:ประมาณ)?)?(?!\s*(?:พ\.?\s?ศ\.?\s*)?\d)"
                           r"|(?:ทั้ง|ครบ)\s*(?:4|สี่)\s*ไตรมาส")
# A plan over several years names only years: `พ.ศ. ๒๕๖๖ - ๒๕๗๐`, `ปี 2566-2570` (fiscal years, first to last).
_YEAR_RANGE = re.compile(
    r"(?:ปี|พ\.?\s?ศ\.?)\s*(?P<y0>25\d\d)\s*(?:-|–|—|ถึง)\s*(?:(?:ปี|พ\.?\s?ศ\.?)\s*)?(?P<y1>25\d\d)")
# Quarters of the fiscal year: ไตรมาส 1 is October to December.
_QUARTER = re.compile(r"ไตรมาส(?:ที่)?\s*(?P<q0>[1-4])(?:\s*(?:-|–|—|ถึง|และ|,)\s*(?:ไตรมาส(?:ที่)?\s*)?(?P<q1>[1-4]))?")
# A quarter named by its place (`ไตรมาสแรก`, `ไตรมาสที่สอง`, `ไตรมาสสุดท้าย`) and a half of the fiscal year (`ครึ่งปีแรก`,
# `ครึ่งปีงบประมาณหลัง`, `ครึ่งแรกของปี`, `๖ เดือนแรก`): October-March is the first half.
_QUARTER_WORDS = {"แรก": 1, "หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "สุดท้าย": 4}
_QUARTER_WORD = re.compile(r"ไตรมาส\s*(?:ที่\s*)?(?P<word>แรก|หนึ่ง|สอง|สาม|สี่|สุดท้าย)")
_HALF = re.compile(r"(?:ครึ่ง\s*(?:ปี(?:\s*งบ(?:ประมาณ)?)?\s*)?|(?:6|หก)\s*เดือน\s*)(?P<half>แรก|หลัง)")
# The fiscal year printed right after a quarter (`ไตรมาส 3/2568`, `ไตรมาสที่ 1-2 ปีงบประมาณ 2568`): it, not the document's.
# A two-digit year only after `/`, `ปี` or `พ.ศ.` (`ไตรมาส 2 30 วัน` names no year).
_AFTER_QUARTER_YEAR = re.compile(r"^\s*(?:(?:/|ปี\s*(?:งบ(?:ประมาณ)?)?|พ\.?\s?ศ\.?)\s*(?:พ\.?\s?ศ\.?\s*)?(?P<short>\d\d)(?!\d)"
                                 r"|(?:/|ปี\s*(?:งบ(?:ประมาณ)?)?)?\s*(?:พ\.?\s?ศ\.?\s*)?(?P<year>25\d\d)(?!\d))")
# Where a cell opens with such a phrase it is a period once the fiscal year is known (names_period).
_RELATIVE_OPENING = re.compile(r"^\W*(?:ภายใน|ช่วง|ใน)?\s*(?:ไตรมาส|ครึ่ง|ตลอด|ทั้ง|ครบ|6\s*เดือน|หก\s*เดือน)")
# ITA documents plan and report within these years; anything else is a misread digit (OCR reads
# ๒๕๖๖ as 2522), and a misread year is reported, never used.
PLAUSIBLE_YEARS = range(2000, 2061)  # Common Era (BE 2543-2603)


@dataclass(frozen=True)
class Period:
    start: dt.date | None
    end: dt.date | None
    warning: str | None = None


def _ce_year(text: str) -> int:
    """A printed year → Common Era: 2-digit and 25xx years are Buddhist Era, 20xx is already CE."""
    year = int(text)
    if year < 100:
        year += 2500
    return year if 1900 <= year < 2400 else year - 543


def _fiscal(be_start: int, be_end: int | None = None) -> tuple[dt.date, dt.date]:
    """Thai fiscal year Y (BE) runs from 1 October of Y-1 to 30 September of Y."""
    first, last = _ce_year(str(be_start)), _ce_year(str(be_end or be_start))
    return dt.date(first - 1, 10, 1), dt.date(last, 9, 30)


def month_number(text: str) -> int | None:
    """The month (1-12) a full or abbreviated Thai month name stands for (`ตุลาคม`, `ต.ค.`, `ตค`), None if none."""
    return _MONTH_BY_KEY.get(re.sub(r"[.\s]", "", text))


def parse_period(text: str | None, fiscal_year: int | None = None) -> Period:
    """'๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘', 'มค. ๖๖ ถึง มีค. ๖๖', 'ตุลาคม ๒๕๖๗', 'ตลอดปีงบประมาณ พ.ศ.๒๕๖๙'.

    `fiscal_year` (BE, the document's) is used only where the text names no year at all
    (`ตลอดปีงบประมาณ`, `ต.ค. - ธ.ค.`): dates are then placed in that fiscal year.
    """
    if not text or not text.strip():
        return Period(None, None)
    clean = to_arabic_digits(text)
    found = list(_DATE.finditer(clean))
    if not found and (years := _YEAR_RANGE.search(clean)):
        start, end = _fiscal(int(years["y0"]), int(years["y1"]))
        if start < end and start.year + 1 in PLAUSIBLE_YEARS and end.year in PLAUSIBLE_YEARS:
            return Period(start, end)
        return Period(None, None, f"implausible years in period {text!r}")
    if not found and (quarter := _QUARTER.search(clean)):
        printed = _AFTER_QUARTER_YEAR.match(clean[quarter.end():])
        year = _be_year(printed["year"] or printed["short"]) if printed else fiscal_year
        if printed and year - 543 not in PLAUSIBLE_YEARS:
            return Period(None, None, f"implausible fiscal year in period {text!r}")
        return quarters(int(quarter["q0"]), int(quarter["q1"] or quarter["q0"]), year, text)
    if not found and (word := _QUARTER_WORD.search(clean)):
        q = _QUARTER_WORDS[word["word"]]
        return quarters(q, q, fiscal_year, text)
    if not found and (half := _HALF.search(clean)):
        if not fiscal_year:
            return Period(None, None, f"half year without a fiscal year: {text!r}")
        return months(1, 6, fiscal_year) if half["half"] == "แรก" else months(7, 12, fiscal_year)
    if not found:
        fiscal = _FISCAL.search(clean)
        if fiscal:
            start, end = _fiscal(int(fiscal["y0"]), int(fiscal["y1"]) if fiscal["y1"] else None)
            if start.year + 1 in PLAUSIBLE_YEARS and end.year in PLAUSIBLE_YEARS and start < end:
                return Period(start, end)
            return Period(None, None, f"implausible fiscal year in period {text!r}")
        if fiscal_year and _WHOLE_FISCAL.search(clean):
            return Period(*_fiscal(fiscal_year))
        return Period(None, None, f"unreadable period: {text!r}")
    first, last = found[0], found[-1]
    m0, m1 = month_number(first["month"]), month_number(last["month"])
    y0 = _ce_year(first["year"]) if first["year"] else None
    y1 = _ce_year(last["year"]) if last["year"] else None
    if y1 is None and y0 is not None:
        y1 = y0 if m1 >= m0 else y0 + 1
    if y0 is None and y1 is not None:
        y0 = y1 if m0 <= m1 else y1 - 1
    if y0 is None and fiscal_year:
        fy_end = _ce_year(str(fiscal_year))
        y0 = fy_end - 1 if m0 >= 10 else fy_end
        y1 = fy_end - 1 if m1 >= 10 else fy_end
    if y0 is None or y1 is None:
        return Period(None, None, f"period without a year: {text!r}")
    try:
        start = dt.date(y0, m0, int(first["day"]) if first["day"] else 1)
        end = dt.date(y1, m1, int(last["day"]) if last["day"] else calendar.monthrange(y1, m1)[1])
    except ValueError as err:
        return Period(None, None, f"impossible date in period {text!r}: {err}")
    if end < start:
        return Period(None, None, f"period ends before it starts: {text!r}")
    if start.year not in PLAUSIBLE_YEARS or end.year not in PLAUSIBLE_YEARS:
        return Period(None, None, f"implausible year in period {text!r}")
    return Period(start, end)


def _be_year(text: str) -> int:
    """A printed year as Buddhist Era: `68` -> 2568."""
    year = int(text)
    return year + 2500 if year < 100 else year


def names_period(text: str | None) -> bool:
    """The text is a period: read alone (`ตุลาคม ๒๕๖๗`), or opening with a phrase that is one once the fiscal year is
    known (`ไตรมาสที่ ๒`, `ครึ่งปีหลัง`, `ตลอดทั้งปี`), not a sentence that names one later (`ติดตามผลตลอดทั้งปี`)."""
    if not text or not text.strip():
        return False
    if parse_period(text).start is not None:
        return True
    clean = to_arabic_digits(text)
    return bool(_RELATIVE_OPENING.match(clean)) and parse_period(text, 2567).start is not None


_PERIOD_OPENING = re.compile(
    rf"^\W*(?:(?:[0-3]?\d\s*)?(?:{_FULL}|{_ABBR})(?![{_THAI_LETTER}])|ตลอด|ทั้ง\s*ปี|ไตรมาส|ครึ่ง|ปี\s*งบ|(?:ปี|พ\.?\s?ศ\.?)\s*25\d\d)")


def opens_with_period(text: str | None) -> bool:
    """The text is a period from its first word (`ต.ค. 67 - ก.ย. 68`, `1 ตุลาคม 2567 - …`, `ไตรมาส 2`): no word
    stands before the date, as one does in `กองคลัง ต.ค. 67 - ก.ย. 68` or `ติดตามผลตลอดปี`."""
    clean = to_arabic_digits(text or "").strip()
    return bool(_PERIOD_OPENING.match(clean)) and names_period(clean)


def quarters(first: int, last: int, fiscal_year: int | None, text: str = "") -> Period:
    """Quarters `first`..`last` (1-4) of a fiscal year (BE): quarter 1 is October to December."""
    if not fiscal_year or not 1 <= first <= last <= 4:
        return Period(None, None, f"quarter without a fiscal year: {text!r}" if text else "quarter without a year")
    return months((first - 1) * 3 + 1, last * 3, fiscal_year)


def months(first: int, last: int, fiscal_year: int) -> Period:
    """Months `first`..`last` counted in the fiscal year (1 = October ... 12 = September) of BE `fiscal_year`."""
    def calendar_month(n: int) -> tuple[int, int]:
        month = (n + 8) % 12 + 1  # 1 -> 10, 4 -> 1, 12 -> 9
        year = _ce_year(str(fiscal_year)) - (1 if month >= 10 else 0)
        return year, month

    y0, m0 = calendar_month(first)
    y1, m1 = calendar_month(last)
    return Period(dt.date(y0, m0, 1), dt.date(y1, m1, calendar.monthrange(y1, m1)[1]))
