"""Budget cells → baht.

Measure tables print budgets as `50,000`, `๕๐,๐๐๐.-`, `50,000 บาท`, `1.5 ล้านบาท`, or say there is none
(`ไม่ใช้งบประมาณ`, `ไม่มีงบประมาณ`: 0 baht). A dash or an empty cell states nothing (None).
"""
from __future__ import annotations

import re

from normalizers.digits import to_arabic_digits

_NONE_USED = re.compile(r"ไม่\s*(?:ได้\s*)?(?:ใช้|มี|ต้องใช้)\s*งบ")
_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?![\d,]|\.\d)")
_MILLION = re.compile(r"^\s*ล้าน")


def parse_baht(text: str | None) -> float | None:
    """The first amount of a budget cell in baht; 0.0 where the cell says no budget is used."""
    if not text or not text.strip():
        return None
    clean = re.sub(r"(?<=[\d,.])\s+(?=[\d,.])", "", to_arabic_digits(text))  # `7,` / `500.50` wrapped in a cell
    if _NONE_USED.search(clean):
        return 0.0
    match = _AMOUNT.search(clean)
    if not match:
        return None
    value = float(match.group(1).replace(",", "") + (f".{match.group(2)}" if match.group(2) else ""))
    if _MILLION.match(clean[match.end():]):
        value *= 1_000_000
    return value
