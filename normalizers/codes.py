"""ITA question codes → canonical form (i13, e1, o34). (Minimal first version; see issue 3.)"""
from __future__ import annotations

import re

from normalizers.digits import to_arabic_digits

_CODE = re.compile(r"^\s*([iIl1eEoO0])\s*(\d{1,2})\s*\*?\s*$")
_PREFIX = {"i": "i", "I": "i", "l": "i", "1": "i", "e": "e", "E": "e", "o": "o", "O": "o", "0": "o"}


def normalize_code(raw: str | None) -> str | None:
    if not raw:
        return None
    match = _CODE.match(to_arabic_digits(raw))
    if not match:
        return None
    return f"{_PREFIX[match.group(1)]}{int(match.group(2))}"
