"""Assessment levels → canonical strings (AA…F up to 2566; the five Thai levels from 2567)."""
from __future__ import annotations

import re

from normalizers.catalog import LETTER_LEVELS, THAI_LEVELS
from normalizers.thai_text import MARKS, repair_thai

_NOISE = re.compile(r"[\s\"'“”‘’«»:：()\[\]]|ระดับ|ผลการประเมิน|อยู่ใน")
_STRIP_MARKS = str.maketrans("", "", MARKS)


def _key(text: str) -> str:
    """Compare without marks: extraction often drops or moves them (`ผานดีเยียม`, `ผ่ำนดี`)."""
    return text.translate(_STRIP_MARKS).replace("\u0e33", "\u0e32")


_THAI_BY_KEY = sorted(((_key(level), level) for level in THAI_LEVELS), key=lambda kv: -len(kv[0]))


def normalize_level(raw: str | None) -> str | None:
    """'"ผ่านดี"', 'ผ่าน ดี เยี่ยม', 'ระดับ AA', 'a' → canonical level; None when it is none of them."""
    if not raw:
        return None
    text = _NOISE.sub("", re.split(r"คะแนน|[\d๐-๙]", repair_thai(raw))[0])
    key = _key(text)
    for level_key, level in _THAI_BY_KEY:
        if key.startswith(level_key):
            rest = key[len(level_key):]
            # `ผ่านเกณฑ์` (an indicator's pass mark) is not the level ผ่าน
            return None if rest and ("\u0e01" <= rest[0] <= "\u0e2e" or "\u0e40" <= rest[0] <= "\u0e44") else level
    upper = text.upper()
    return upper if upper in LETTER_LEVELS else None
