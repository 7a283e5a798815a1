"""Thai text repair for text extracted from PDFs. (Minimal first version; see issue 3.)"""
from __future__ import annotations

import re
import unicodedata

from normalizers.digits import to_arabic_digits

_MARKUP = re.compile(r"</?(?:p|ul|ol|li|br|div|span|b|i|u|strong|em)\b[^>]*>", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def repair_thai(text: str) -> str:
    """Undo the damage PDF text extraction does to Thai (idempotent)."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u0e4d\u0e32", "\u0e33").replace("\u0e33\u0e32", "\u0e33")
    return text


def text_quality(text: str) -> float:
    """Share of characters that are not obviously damaged, in [0, 1]."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text if "\uf700" <= ch <= "\uf8ff" or ch == "\ufffd")
    return 1.0 - bad / len(text)


def clean_text(text: str | None) -> str | None:
    """A data-contract string: repaired Thai, Arabic digits, no markup, collapsed whitespace; None if empty."""
    if text is None:
        return None
    text = _MARKUP.sub(" ", text)
    text = to_arabic_digits(repair_thai(text))
    text = _SPACES.sub(" ", text).strip()
    return text or None
