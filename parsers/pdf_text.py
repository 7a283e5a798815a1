"""Text of a PDF region from the better of two engines, judged by a text-quality check.

PDFium honours /ActualText and reads Thai from LibreOffice/Word PDFs well; pdfplumber's chars survive
fonts whose SARA AM glyph maps to nothing. Neither is always right, so every region (a line, a cell)
is read by both and the text that scores better after repair wins; ties go to PDFium.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from normalizers.thai_text import MARKS, repair_thai, text_quality, word_fit

_CID = re.compile(r"\(cid:\d+\)")
_THAI = re.compile(r"[\u0e01-\u0e5b]")
_LINE_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")
# What a wrapped Thai word may end or start a line with before repair: Thai letters and marks, the fonts' Private
# Use Area variants of the marks (`ขั\uf70b` is ขั้: PDFium gives the glyph's code point) and zero-width characters.
_THAI_JOIN = re.compile(r"[\u0e01-\u0e5b\uf700-\uf71a\u200b-\u200d]")
_PDFIUM_HYPHEN = "\x02"  # PDFium's code for a hyphen that ends a line
_LATIN_HYPHENATED = re.compile(r"([A-Za-z]+)\s*-\s*([A-Za-z]+)")
_MARKS_AND_SPACE = re.compile(rf"[{MARKS}\s]")
_THAI_MARKS = frozenset(MARKS)
_RING_GAP = re.compile("[\u0e01-\u0e2e][\u0e48-\u0e4b]?[ \t]+\u0e32")
_NUMBERED = re.compile(r"^(?:[0-9๐-๙]{1,2}[.)]|[-•*])")
# A line that is one to three digits alone, then a line opening with digits: a number wrapped in a narrow cell
# (`๘` / `๒.๗๖` is 82.76), not a list item after a number.
_BARE_DIGITS = re.compile(r"^[0-9๐-๙]{1,3}$")
_DIGIT_START = re.compile(r"^[0-9๐-๙]")

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
    if plumber_text == pdfium_text or (q_pdfium == 1.0 and _CID.search(plumber_text)):
        # Decided without repairing pdfplumber's reading (the costly half): the same text, or PDFium's reading
        # scores the maximum and pdfplumber's has `(cid:N)` placeholders, which keep its score below it.
        return Choice(pdfium_text, "pdfium", q_pdfium)
    q_plumber = quality(plumber_text)
    if q_plumber == q_pdfium and _RING_GAP.search(plumber_text) and not _RING_GAP.search(pdfium_text) \
            and same_letters(plumber_text, pdfium_text) \
            and (ringed := repair_thai(_CID.sub("", plumber_text))) != (plain := repair_thai(pdfium_text)) \
            and word_fit(ringed) >= word_fit(plain):
        # pdfplumber kept a SARA AM's unmapped ring as a gap before SARA AA (no Thai word starts with SARA AA), where
        # PDFium, whose box missed the ring above the line, reads SARA AA alone (`นา` for นำ): the gap is the ring, where
        # the ring read into it makes words as well (a stray space in `บริห าร` is no ring)
        return Choice(_CID.sub("", plumber_text), "pdfplumber", q_plumber)
    if q_plumber == q_pdfium and (fits := (word_fit(repair_thai(_CID.sub("", plumber_text))),
                                           word_fit(repair_thai(pdfium_text))))[0] != fits[1]:
        # Both read as words: the reading whose marks sit on the right letters makes fewer, longer ones.
        if fits[0] > fits[1]:
            return Choice(_CID.sub("", plumber_text), "pdfplumber", q_plumber)
        return Choice(pdfium_text, "pdfium", q_pdfium)
    if q_plumber == q_pdfium and (sound := (repair_thai(_CID.sub("", plumber_text)) == _CID.sub("", plumber_text),
                                            repair_thai(pdfium_text) == pdfium_text))[0] != sound[1]:
        # Both repair to text as good: the reading that needed no repair is the one printed (`คลัง` against PDFium's
        # `คลง`, whose lost mark the repair puts back alone but not once the cell's lines are joined)
        if sound[0]:
            return Choice(_CID.sub("", plumber_text), "pdfplumber", q_plumber)
        return Choice(pdfium_text, "pdfium", q_pdfium)
    if q_plumber > q_pdfium or (q_plumber == q_pdfium and _visible(plumber_text) > _visible(pdfium_text)):
        return Choice(_CID.sub("", plumber_text), "pdfplumber", q_plumber)
    return Choice(pdfium_text, "pdfium", q_pdfium)


def same_letters(a: str, b: str) -> bool:
    """Equal once Thai vowel signs and tone marks above/below the line and whitespace are ignored."""
    return _MARKS_AND_SPACE.sub("", a) == _MARKS_AND_SPACE.sub("", b)


def join_lines(text: str) -> str:
    """Join the lines of a wrapped cell in reading order.

    Thai has no spaces between words, so a break between two Thai letters (a mark as the font's PUA glyph too)
    is a wrap inside a word or phrase and joins with nothing, as does a number wrapped after its first digits, as does a break after a hyphen or slash; every other break (Latin words, list items, a trailing space
    the printer kept) becomes one space.
    """
    parts = _LINE_BREAK.split(text.replace(_PDFIUM_HYPHEN, "-").replace("\ufffe", "").strip())
    out = ""
    for part in parts:
        if not part:
            continue
        if not out:
            out = part
        elif (_THAI_JOIN.match(out[-1]) and _THAI_JOIN.match(part[0]) and not _NUMBERED.match(part)) or out[-1] in "-/" \
                or (_BARE_DIGITS.match(out) and _DIGIT_START.match(part)):
            out += part
        else:
            out += " " + part
    return out


def invented_spaces(text_page, sara_aa: list[tuple[float, float, float, float]] = ()) -> list[tuple[str, str]]:
    """The spaces PDFium invents inside Thai syllables on this page, as (text before, text after) pairs.

    PDFium adds a space wherever the next glyph starts far from where the previous one ends. A producer that
    positions each Thai mark on its own (LibreOffice with Noto Looped Thai) leaves the mark's box short of the
    next letter, so PDFium reads `ข้ อมู ล`, `มี การ`, `มี .ค.`. A space is invented there when the next glyph, on the same
    line, starts within the mark's base letter or where it ends (within a tenth of the font size), not a
    space's width later; real
    spaces of such producers are characters of their own, which PDFium does not mark as generated. Each
    invented space is returned with the letters around it (up to the base letter's two predecessors and
    three letters after), in page order, which is how `pdfium_bounded` finds it again in the text of a
    region (`คู ่ มือ` needs both of its spaces removed in turn).

    A browser writes SARA AM as NIKHAHIT + SARA AA under one /ActualText `ำ`, and PDFium's box for the
    cluster stops short of the SARA AA, so it reads `ประจำ ปี` after every SARA AM. `sara_aa` holds the
    boxes (x0, x1, y0, y1, PDF space) of the SARA AA glyphs pdfminer sees on the page: a space
    after `ำ` is invented when such a glyph fills the gap, ending within a tenth of the font size of the next
    letter.
    """
    from pypdfium2 import raw

    handle = text_page.raw
    count = text_page.count_chars()
    chars = [chr(raw.FPDFText_GetUnicode(handle, i)) for i in range(count)]
    generated = [c == " " and bool(raw.FPDFText_IsGenerated(handle, i)) for i, c in enumerate(chars)]
    invented: set[int] = set()
    found: list[tuple[str, str]] = []
    for i in range(1, count - 1):
        if not generated[i] or not chars[i + 1].strip():
            continue
        base = i - 1
        while base > 0 and (chars[base] in _THAI_MARKS or base in invented):
            base -= 1
        if chars[i - 1] == "ำ" and sara_aa:
            if not _sara_aa_fills_gap(text_page, i, raw.FPDFText_GetFontSize(handle, i - 1) or 0.0, sara_aa):
                continue
        elif base == i - 1 or not _THAI.match(chars[base]) or chars[base] in _THAI_MARKS:
            continue  # no mark right before the space, or no letter under the marks
        else:
            size = raw.FPDFText_GetFontSize(handle, base) or 0.0
            left, bottom, right, top = text_page.get_charbox(base, loose=True)
            next_left, next_bottom, _, next_top = text_page.get_charbox(i + 1, loose=True)
            same_line = next_bottom < top and next_top > bottom
            if size <= 0 or not same_line or next_left - right > 0.1 * size or next_left < left - 0.1 * size:
                continue
        invented.add(i)
        kept = [j for j in range(max(0, base - 2), i) if j not in invented]
        while kept and not chars[kept[0]].strip():
            kept.pop(0)
        before = "".join(chars[j] for j in kept).split()[-1] if kept else ""
        end = i + 1
        while end < min(count, i + 4) and chars[end].strip():
            end += 1
        pair = (before, "".join(chars[i + 1 : end]))
        if pair not in found:
            found.append(pair)
    return found


def _sara_aa_fills_gap(text_page, space: int, size: float, sara_aa) -> bool:
    """Whether a SARA AA glyph stands between the `ำ` before PDFium's space and the letter after it, and ends
    where that letter starts: the gap is the glyph PDFium's cluster box left out, not a word space."""
    if size <= 0:
        return False
    _, bottom, right, top = text_page.get_charbox(space - 1, loose=True)
    next_left, next_bottom, _, next_top = text_page.get_charbox(space + 1, loose=True)
    if not (next_bottom < top and next_top > bottom) or next_left <= right:
        return False
    tolerance = 0.1 * size
    return any(right - tolerance <= x0 and x1 <= next_left + tolerance and next_left - x1 <= tolerance
               and y0 < top and y1 > bottom for x0, x1, y0, y1 in sara_aa)


def pdfium_bounded(text_page, page_height: float, x0: float, top: float, x1: float, bottom: float,
                   invented: list[tuple[str, str]] = ()) -> str:
    """PDFium text inside a box given in pdfplumber coordinates (top-left origin), without the spaces
    `invented_spaces` found on the page."""
    text = text_page.get_text_bounded(left=x0, bottom=page_height - bottom, right=x1, top=page_height - top)
    for before, after in invented:
        if " " in text:
            text = text.replace(f"{before} {after}", before + after)
    return text
