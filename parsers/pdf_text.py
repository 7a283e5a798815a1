"""Text of a PDF region from the better of two engines, judged by a text-quality check.

PDFium honours /ActualText and reads Thai from LibreOffice/Word PDFs well; pdfplumber's chars survive
fonts whose SARA AM glyph maps to nothing. Neither is always right, so every region (a line, a cell)
is read by both and the text that scores better after repair wins; ties go to PDFium.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from normalizers.thai_text import repair_thai, text_quality

_CID = re.compile(r"\(cid:\d+\)")
_THAI = re.compile(r"[\u0e01-\u0e5b]")
_LINE_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")
_PDFIUM_HYPHEN = "\x02"  # PDFium's code for a hyphen that ends a line
_LATIN_HYPHENATED = re.compile(r"([A-Za-z]+)\s*-\s*([A-Za-z]+)")
_MARKS_AND_SPACE = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\s]")
_NUMBERED = re.compile(r"^(?:[0-9๐-๙]{1,2}[.)]|[-•*])")

# A page is "readable" when its text scores at least this well and holds this many Thai letters.
MIN_PAGE_QUALITY = 0.6
MIN_THAI_LETTERS = 20


@dataclass(frozen=True)
class Choice:
    text: str
    engine: str  # "pdfium" or "pdfplumber"
    quality: float


def quality(text: str) -> float:
    """text_quality after repair, with pdfminer's `(cid:N)` placeholders counted as damage."""
    if not text.strip():
        return 0.0
    cids = _CID.findall(text)
    cleaned = _CID.sub("", text)
    score = text_quality(repair_thai(cleaned)) if cleaned.strip() else 0.0
    if cids:
        damaged = sum(len(c) for c in cids)
        score *= 1.0 - damaged / len(text)
    return score


def thai_letters(text: str) -> int:
    return len(_THAI.findall(text))


def page_is_readable(text: str) -> bool:
    """False for empty text layers and for garbage ones (Latin mojibake over a scan, `(cid:N)` soup)."""
    if thai_letters(_CID.sub("", text)) < MIN_THAI_LETTERS:
        return False
    # Most pages read well before repair, and repair only removes damage: skip repairing the whole page then.
    return text_quality(text) >= MIN_PAGE_QUALITY or quality(text) >= MIN_PAGE_QUALITY


def _visible(text: str) -> int:
    return len(repair_thai(_CID.sub("", text)).replace(" ", "").replace("\r", "").replace("\n", ""))


def _visible_bound(text: str) -> int:
    """An upper bound of `_visible(text)` that needs no repair: repair_thai only removes, merges, reorders or
    swaps characters one for one (tested), so the unrepaired text is never shorter."""
    return len(_CID.sub("", text).replace(" ", "").replace("\r", "").replace("\n", ""))


def _put_back_hyphens(pdfium_text: str, plumber_text: str) -> str:
    """PDFium moves the hyphen of `E-Service` past the word (`E Service -`); pdfplumber's x order keeps
    it. Every Latin `X-Y` pdfplumber saw in the region that PDFium printed as `X Y -` is put back."""
    for left, right in set(_LATIN_HYPHENATED.findall(plumber_text)):
        moved = re.compile(rf"{re.escape(left)}\s+{re.escape(right)}\s*-")
        pdfium_text = moved.sub(f"{left}-{right}", pdfium_text)
    return pdfium_text


def choose(pdfium_text: str, plumber_text: str) -> Choice:
    """The better-scoring of two readings of the same region.

    On equal scores the reading with more characters wins: PDFium drops marks whose glyph box lies
    outside the region (tone marks set high above a vowel), while pdfplumber keeps every char whose
    centre is inside; its own damage (`ผ้้`, `คำา`) does not make it longer once repaired. When the
    readings differ in where a Latin word's hyphen sits, pdfplumber's left-to-right order is right.
    """
    pdfium_text = _put_back_hyphens(pdfium_text, plumber_text)
    q_pdfium = quality(pdfium_text)
    if plumber_text == pdfium_text or (q_pdfium == 1.0 and _visible_bound(plumber_text) <= _visible(pdfium_text)):
        # Decided without repairing pdfplumber's reading (the costly half): the same text, or PDFium's reading
        # scores the maximum and pdfplumber's cannot be longer, since repair never adds a visible character.
        return Choice(pdfium_text, "pdfium", q_pdfium)
    q_plumber = quality(plumber_text)
    if q_plumber > q_pdfium or (q_plumber == q_pdfium and _visible(plumber_text) > _visible(pdfium_text)):
        return Choice(_CID.sub("", plumber_text), "pdfplumber", q_plumber)
    return Choice(pdfium_text, "pdfium", q_pdfium)


def same_letters(a: str, b: str) -> bool:
    """Equal once Thai vowel signs and tone marks above/below the line and whitespace are ignored."""
    return _MARKS_AND_SPACE.sub("", a) == _MARKS_AND_SPACE.sub("", b)


def join_lines(text: str) -> str:
    """Join the lines of a wrapped cell in reading order.

    Thai has no spaces between words, so a break between two Thai letters is a wrap inside a word
    or phrase and joins with nothing, as does a break after a hyphen or slash; every other break (Latin words, list items, a trailing space
    the printer kept) becomes one space.
    """
    parts = _LINE_BREAK.split(text.replace(_PDFIUM_HYPHEN, "-").strip())
    out = ""
    for part in parts:
        if not part:
            continue
        if not out:
            out = part
        elif (_THAI.match(out[-1]) and _THAI.match(part[0]) and not _NUMBERED.match(part)) or out[-1] in "-/":
            out += part
        else:
            out += " " + part
    return out


def pdfium_bounded(text_page, page_height: float, x0: float, top: float, x1: float, bottom: float) -> str:
    """PDFium text inside a box given in pdfplumber coordinates (top-left origin)."""
    return text_page.get_text_bounded(left=x0, bottom=page_height - bottom, right=x1, top=page_height - top)
