"""Score strings → floats in 0–100."""
from __future__ import annotations

import re

from normalizers.digits import to_arabic_digits

_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")


def parse_score(text: str | float | int | None) -> float | None:
    """'๙๘.๓๑', '98.31', '(๙๗.๓๐)', '100.00 คะแนน' → float; None when absent or outside 0–100.

    Only the first number counts: a score is never guessed from a later one.
    """
    if text is None:
        return None
    match = _NUMBER.search(to_arabic_digits(str(text)))
    if not match:
        return None
    value = float(match.group())
    return value if 0.0 <= value <= 100.0 else None
