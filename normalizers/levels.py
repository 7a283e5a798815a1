"""Assessment levels → canonical strings (AA…F up to 2566; the five Thai levels from 2567)."""
from __future__ import annotations

import re

THAI_LEVELS = ("ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุงโดยด่วน", "ต้องปรับปรุง")
LETTER_LEVELS = ("AA", "A", "B", "C", "D", "E", "F")


def normalize_level(raw: str | None) -> str | None:
    if not raw:
        return None
    text = re.sub(r"[\s\"'“”‘’:]", "", raw)
    for level in sorted(THAI_LEVELS, key=len, reverse=True):
        if text.startswith(level):
            return level
    upper = text.upper()
    for level in LETTER_LEVELS:
        if upper == level:
            return level
    return None
