"""Thai dates and periods → ISO dates. (Minimal first version; see issue 3.)"""
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


@dataclass(frozen=True)
class Period:
    start: dt.date | None
    end: dt.date | None
    warning: str | None = None


def _be_year(text: str) -> int:
    year = int(text)
    if year < 100:
        year += 2500
    return year - 543


def parse_period(text: str | None) -> Period:
    if not text:
        return Period(None, None)
    clean = to_arabic_digits(text)
    pattern = r"(?:(\d{1,2})\s*)?(" + "|".join(MONTHS) + r")\s*(?:พ\.ศ\.\s*)?(\d{2,4})"
    found = re.findall(pattern, clean)
    if not found:
        return Period(None, None, f"unreadable period: {text!r}")
    day0, month0, year0 = found[0]
    day1, month1, year1 = found[-1]
    y0, m0, y1, m1 = _be_year(year0), MONTHS[month0], _be_year(year1), MONTHS[month1]
    start = dt.date(y0, m0, int(day0) if day0 else 1)
    end = dt.date(y1, m1, int(day1) if day1 else calendar.monthrange(y1, m1)[1])
    return Period(start, end)
