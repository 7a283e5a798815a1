"""Words a scan glued onto a table cell that are not the cell's: its column's header, a stamp's words.

On a scanned page the OCR grid reads the header repeated at a page's top into the row below or above
(`…ทุงใหญ่ชือสถานศึกษา`, `93.57 EIT`, `48.02คะแนนITA`), and a certified-copy stamp over a name's end into the
name (`อบต.คลองมานีจสำเนาถูกตอ`). These pure functions on a cell's text cut such words where they read as the
header (or the stamp) and something of the cell remains; which headers a column has is the grammar's to say
(parsers/ita/announcement.py).
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from parsers.scan_levels import skeleton


def letters(text: str) -> str:
    """A text's letters (Thai without marks, Latin in capitals), as headers are compared."""
    return skeleton(re.sub(r"[^ก-๛A-Za-z]", "", text)).upper()


def glued(text: str, header: str, at_end: bool) -> str | None:
    """The text without the piece at its end (or start) that reads best as `header` (ratio >= 85), or None."""
    best, best_k = 0.0, None
    for k in (range(len(text) - 1, 0, -1) if at_end else range(1, len(text))):
        piece = letters(text[k:] if at_end else text[:k])
        if len(piece) > len(header) + 2:
            break
        if len(piece) >= len(header) - 1 and (ratio := fuzz.ratio(piece, header)) >= max(85, best):
            best, best_k = ratio, k
    if best_k is None:
        return None
    while at_end and best_k < len(text) and "\u0e31" <= text[best_k] <= "\u0e4e" and text[best_k] not in "\u0e32\u0e33\u0e40\u0e41\u0e42\u0e43\u0e44\u0e45\u0e46":
        best_k += 1  # a mark belongs to the letter before the cut
    return text[:best_k].rstrip() if at_end else text[best_k:].lstrip()


_NUMBER_THEN_TEXT = re.compile(r"\s*(\d{1,3}[.,]\d{1,2})\s*(\D*[^\d\s]\D*)")


def strip_header(text: str, headers: set[str] | None, number: bool = False) -> str:
    """A scanned cell without the words of its column's header (`headers`: their letters) that the OCR grid glued
    onto it: a word, or the end or start of the text, that reads as the header, when something remains. In a
    score column (`number`) a number with the header's letters after it (`48.02คะแนนITA`) is the number: what
    remains need not be Thai, and the cell's reading stays unsure (its provenance keeps the glued text)."""
    if not headers or not text.strip():
        return text
    if number and (match := _NUMBER_THEN_TEXT.fullmatch(text)) and len(glued_letters := letters(match.group(2))) >= 4 \
            and any(fuzz.ratio(glued_letters, h) >= 85 for h in headers):
        return match.group(1)
    words = text.split()
    kept = [w for w in words if not (len(letters(w)) >= 3 and any(fuzz.ratio(letters(w), h) >= 80 for h in headers))]
    if kept and len(kept) < len(words):
        text = " ".join(kept)
    # the longest header first, so the whole header is cut before a part of it can leave the rest glued (and the
    # same cut whatever order the set iterates in: `…โดยด่วนระดับผลการประเมิน` read one way or the other by run)
    for header in sorted((h for h in headers if len(h) >= 4), key=lambda h: (-len(h), h)):
        for at_end in (True, False):
            rest = glued(text, header, at_end)
            if rest is not None and len(re.findall(r"[ก-ฮ]", rest)) >= 3:
                text = rest
    return text


_STAMP_LETTERS = letters("สำเนาถูกต้อง")


def without_stamp_words(text: str) -> str:
    """A name without a certified-copy stamp's words (`สำเนาถูกต้อง`) read into its end (furniture real copies
    carry), when three Thai letters remain."""
    if (rest := glued(text, _STAMP_LETTERS, at_end=True)) is not None and len(re.findall(r"[ก-ฮ]", rest)) >= 3:
        return rest
    return text
