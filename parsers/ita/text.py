"""Small text helpers shared by the ITA parsers.

Matching is done on a "compact" form (no whitespace, Arabic digits) because extracted Thai text carries
stray spaces inside words (`ปี งบประมาณ`, `ปั ญหา`) and lines wrap at arbitrary points.
"""
from __future__ import annotations

import re

from normalizers.digits import to_arabic_digits
from parsers.ocr_digits import UNREAD
from parsers.records import PageLayout, Provenance

_SPACE = re.compile(r"\s+")
NUMBER = r"\d{1,3}(?:\.\d{1,2})?"
# `3.`, `1)`, `(1)`, and the numbers of a sub-list under a numbered heading (`2.1`, `2.1.3`) before the text.
# A printer that draws the digits in a fallback font after the rest of the run puts the point first (`. ๑ อบรม…`).
# A list number a scan left unread is the scan layer's mark (ocr_digits.UNREAD) with its point (`#. การเผยแพร่…`).
# A font that sets its punctuation apart (Noto Thai in a browser) prints a space before the point or the bracket
# (`๑ ) การป้องกัน…`, `๒ . จัดอบรม…`); a browser that lost the space after a sub-list number prints `3.2โครงการ…`.
LIST_NUMBER = re.compile(r"^\s*(?:\(?\d{1,2} ?\)|\d{1,2}(?:\.\d{1,2}){1,2}\.?(?=\s+\D|[\u0e01-\u0e2e\u0e40-\u0e44])|\d{1,2} ?\.(?!\d)"
                         rf"|\.\s?\d{{1,2}}(?![\d.])(?=\s*[^\d\s.])|{re.escape(UNREAD)}[.)](?=\s))\s*")


def compact(text: str | None) -> str:
    """Whitespace-free text with Arabic digits, for keyword and pattern matching."""
    return _SPACE.sub("", to_arabic_digits(text or ""))


_LEADING_MARKS = re.compile(r"^[\s\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]+")


def tidy(text: str | None) -> str | None:
    """Collapse whitespace and drop marks and following vowels stranded at the start (no Thai word begins
    with one; the layout sometimes pushes one into the next cell); None when nothing is left."""
    if text is None:
        return None
    text = _LEADING_MARKS.sub("", _SPACE.sub(" ", to_arabic_digits(text))).strip()
    return text or None


def strip_list_number(text: str) -> str:
    """`3. การพัฒนา…`, `1) กระบวนการ…` or `2.1 โครงการ…` → the text without its own list number."""
    return LIST_NUMBER.sub("", text, count=1)


_MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def skeleton(text: str | None) -> str:
    """Compact text without Thai above/below vowels and tone marks: keywords still match when extraction
    dropped or moved a mark (`คณธรรม`, `เพ่อื`, `ไปสู`)."""
    return _MARKS.sub("", compact(text))


_NUMBER_TOKEN = re.compile(r"\d{1,3}(?:\.\d{1,2})?")


def locate(pages: list[PageLayout], value: float | None, near: str = "") -> Provenance | None:
    """Where a number found in running text is printed: the first line holding it (preferring one whose
    compact text also holds `near`, e.g. the word for score)."""
    if value is None:
        return None
    found = None
    for page in pages:
        for line in page.lines:
            key = compact(line.text)
            if any(abs(float(token) - value) < 0.005 for token in _NUMBER_TOKEN.findall(key)):
                if not near or near in key:
                    return line.provenance
                found = found or line.provenance
    return found
