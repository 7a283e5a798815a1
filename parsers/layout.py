"""Layout stage: PDF → pages of text lines and logical tables.

pdfplumber gives the geometry (words, ruling lines, cells), on page objects that parsers/pdf_objects.py builds
from PDFium's reading where the page is plain (else from pdfminer's); the text of every line and cell is read
by both PDFium and pdfplumber and the better-scoring reading is kept (parsers/pdf_text.py). Pages
without a usable text layer are rendered and read by Tesseract (parsers/ocr.py); their ruling lines
are found in the image so the same table logic (parsers/tables.py) applies to scans.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import numpy as np
import pypdfium2 as pdfium
from scipy import ndimage

from normalizers.digits import to_arabic_digits
from normalizers.thai_text import MARKS, NIKHAHIT, SARA_AA, SARA_AM
from parsers import ocr, scan_cells, scan_cleanup, scan_scores, scan_vocab
from parsers.ocr_digits import (THAI_LETTER_WORDS, UNREAD, Learned, cell_ink, cell_number, guess_cell, ink_line_bands,
                                read_letter_level)
from parsers.pdf_objects import open_pdf, quiet_pdfminer, table_texts, use_pdfium
from parsers.pdf_text import choose, invented_spaces, join_lines, page_is_readable, pdfium_bounded, same_letters
from parsers.pdf_text import quality as text_quality_of
from parsers.tables import (MIN_COLUMN_GAP, UNRULED_TOLERANCE, PageTable, PageText, RawRow, build_tables, column_of, column_of_edges, find_borderless,
                            band_boxes, band_rows, find_gap_tables, header_lines, join_rows, line_bands, amount_under_amount, looks_like_header, merge_sources, repeats_header, split_rows,
                            starts_item, wrap_rows)
from parsers.records import DocumentLayout, PageLayout, Provenance, TextLine

# OCR is bounded so a 159-page scan cannot hold a worker for many minutes; override with ITA_MAX_OCR_PAGES.
DEFAULT_MAX_OCR_PAGES = 30
LINE_TOLERANCE = 3.0  # points two words' tops may differ and still be one line
SPAN_REACH = 3.0  # points a word must reach past a column edge on both sides to be a merged cell's
SEGMENT_GAP = 8.0  # points between words that split a line into separately read segments
# Thai marks standing on no letter: at the start of a line or after a space.
_ORPHAN_MARKS = re.compile(rf"(?:^|(?<=\s))[{MARKS}]+[ \t]*", re.MULTILINE)
_LEADING_MARKS = re.compile(rf"^\s*[{MARKS}]+[ \t]*")
_MARK_LINE = re.compile(rf"\r?\n[ \t]*([{MARKS}]+)[ \t]*(?=\r?\n|$)")  # a line of PDFium's reading that is marks alone
MAX_CELL_LINE_HEIGHT = 36.0  # points: a cell this tall holds one line of text (re-read alone when left empty)
LINE_PITCH = 17.0  # points: a table's line of 12-16 pt text; a cell 1.6 of it tall can hold two
MIN_LOST_LINE = 4.0  # points: the ink of a line the page reading lost is a letter's height at least
MIN_CELL_INK = 60  # dark pixels a cell needs to be worth reading again (specks and rule remains are fewer)
_THAI_DIGIT = re.compile(r"[๐-๙]")
_LETTER_LEVEL = re.compile(r"(AA|[A-F])[.,']?")  # a level of the letter scale (up to 2566), read alone in its cell
_SPECKS = re.compile(r"\s*[ก-๛]?\W{1,2}\s*")  # a short cell read as specks (`/`, `ธ .`, `เ@`)
_DASHES = re.compile(r"\s*[-–—.]+\s*")  # `-`: no score, as printed
# A letter level as a word of its own in a cell's reading (`B`, `. เอเอ`, `บี 7`), not letters inside a word
# (the บี of `อบต.กะรุบี`, the ดี of a garbled `ดตดี`)
_LEVEL_WORD = re.compile(r"(?<![A-Za-zก-๛])(?:%s)(?![A-Za-zก-๛])" % "|".join(
    sorted(("AA", "A", "B", "C", "D", "E", "F", *THAI_LETTER_WORDS), key=len, reverse=True)))
MAX_MISREAD_LEVEL = 8  # characters (spaces aside) of a level cell's reading that may be a misread letter word
MIN_LEVEL_COLUMN = 3  # cells of a column reading as a letter level for it to be a level column
_PLAIN_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
MIN_CELL_CONFIDENCE = 0.5  # OCR'd cells whose words Tesseract scores below this on average (real text: 0.85-0.95)
GARBAGE_QUALITY = 0.3  # a text layer this bad is re-read by OCR (samples score >= 0.87, legacy fonts ~0.05)


OVERREAD_LETTERS = 3  # letters PDFium may read beyond pdfplumber's count in a region before it is not trusted
_LETTER = re.compile(r"[A-Za-z0-9ก-ฮ๐-๙]")


_PUA = re.compile("[\uf700-\uf8ff]")


def _overread(pdfium_text: str, plumber_text: str) -> bool:
    """PDFium's reading holds every base letter and digit of pdfplumber's, in order, and more besides: letters
    of a neighbouring line whose glyph boxes meet the region (tall fonts set close) while their centres, which
    pdfplumber goes by, lie outside it. Not judged where pdfplumber's text is itself unmapped (PUA, cid)."""
    more, wanted = _LETTER.findall(pdfium_text), _LETTER.findall(plumber_text)
    if not wanted or len(more) <= len(wanted) or "(cid:" in plumber_text or _PUA.search(plumber_text):
        return False
    it = iter(more)
    return all(ch in it for ch in wanted)


def _foreign_mark_lines(pdfium_text: str, plumber_text: str) -> str:
    """PDFium's reading without its lines of marks alone that pdfplumber, which reads by glyph centre, does not
    see in the region as often: they stand on letters of the next line, whose glyph boxes reach into the region
    (`ใช\r\n่` over `ใช้` above `จ่าย`). Joined, they would sit on this line's last letter (`ใช่`)."""
    if not _letters(plumber_text):
        return pdfium_text

    def drop(m: re.Match) -> str:
        foreign = all(pdfium_text.count(ch) > plumber_text.count(ch) for ch in set(m.group(1)))
        return "" if foreign else m.group()
    return _MARK_LINE.sub(drop, pdfium_text)


def _letters(text: str) -> int:
    """Base letters and digits (no vowels or marks: engines disagree on those, not on letters)."""
    return len(_LETTER.findall(text))


class LayoutError(Exception):
    """The file cannot be read as a PDF; the message is shown to users as the document's error."""


@dataclass
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    bold: bool = False
    conf: float = 100.0  # Tesseract's word confidence (0-100); 100 for a text layer
    mapped: bool = False  # in a font whose SARA AA the printer mapped to SARA AM (_aa_as_am_fonts)


def max_ocr_pages() -> int:
    try:
        return int(os.environ.get("ITA_MAX_OCR_PAGES", DEFAULT_MAX_OCR_PAGES))
    except ValueError:
        return DEFAULT_MAX_OCR_PAGES


def _group_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into visual lines (by vertical centre), top to bottom, each left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        middle = (word.top + word.bottom) / 2
        if lines:
            last = lines[-1]
            last_middle = sum((w.top + w.bottom) / 2 for w in last) / len(last)
            height = max(w.bottom - w.top for w in last)
            if abs(middle - last_middle) <= max(LINE_TOLERANCE, height * 0.35):
                last.append(word)
                continue
        lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _segments(line: list[Word], gap: float) -> list[list[Word]]:
    """Runs of words with gaps under `gap`, measured from the right end of the run so far: a lone mark that
    pdfplumber makes a word of (a tone set apart from its letter) sorts inside the word it belongs to and
    must not open a gap there (the two halves then both read the SARA AM between them: `ตำ ำแหน่ง`)."""
    out = [[line[0]]]
    right = line[0].x1
    for word in line[1:]:
        if word.x0 - right > gap:
            out.append([word])
            right = word.x1
        else:
            out[-1].append(word)
            right = max(right, word.x1)
    return out


def _box(words: list[Word]) -> tuple[float, float, float, float]:
    return min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words), max(w.bottom for w in words)


def _ocr_join(words: list[Word]) -> str:
    """Tesseract splits Thai into glyph clusters: join them, keeping a space only where the gap is wide."""
    heights = sorted(w.bottom - w.top for w in words)
    space = 0.65 * max(heights[len(heights) // 2], 1.0)  # measured: gaps inside words stay under ~0.5
    text = ""
    for prev, word in zip([None] + words[:-1], words):
        if prev is not None and word.x0 - prev.x1 > space:
            text += " "
        text += word.text
    return text


def _confident(words) -> bool:
    """Tesseract's mean word confidence over a crop's words reaches a line's minimum (ocr.MIN_LINE_CONFIDENCE)."""
    return sum(w.conf for w in words) / len(words) >= ocr.MIN_LINE_CONFIDENCE


def _ocr_text(words: list[Word]) -> str:
    return "\n".join(_ocr_join(line) for line in _group_lines(words))


def _col_edges(table) -> list[float]:
    n_cols = max(len(r.cells) for r in table.rows)
    edges: list[float | None] = [None] * (n_cols + 1)
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            if cell is not None:
                edges[i] = cell[0] if edges[i] is None else min(edges[i], cell[0])
    edges[-1] = table.bbox[2]
    known = [e for e in edges if e is not None]
    return [e if e is not None else known[0] for e in edges]


def _inside(word: Word, box) -> bool:
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _letter_level_columns(rows) -> set[int]:
    """Columns of a table whose cells read as letter levels (`B`, `บี`, `. เอเอ`): at least MIN_LEVEL_COLUMN of
    them and more than half of the column's read cells. Decided by the whole column, never by one cell, so a
    number column's digits are never offered to the letter reader."""
    levels, read = Counter(), Counter()
    for row in rows:
        for c, text in enumerate(row.cells):
            if text.strip():
                read[c] += 1
                levels[c] += bool(_LEVEL_WORD.search(text))
    return {c for c, n in levels.items() if n >= MIN_LEVEL_COLUMN and 2 * n > read[c]}


def _misread_level(text: str) -> bool:
    """A short reading with no letter level in it (`a`, `0`, `ขี 3`, `tate`): in a level column, a level the
    page's OCR misread."""
    return len("".join(text.split())) <= MAX_MISREAD_LEVEL and not _LEVEL_WORD.search(text)


def _unread_number(cell_text: str, reread: str) -> str | None:
    """A second reading of a number cell left unread (empty or `#`) that gives a two-decimal number, in
    Arabic digits."""
    if "".join(cell_text.split()) not in ("", UNREAD):
        return None
    number = to_arabic_digits("".join(reread.split()).replace(",", "."))
    return number if re.fullmatch(r"\d{1,3}\.\d{2}", number) else None


def _ink_height(ink) -> int:
    """Pixel rows from a cell's first inked row to its last."""
    rows = ink.any(axis=1).nonzero()[0]
    return int(rows[-1] - rows[0]) + 1 if len(rows) else 0


def _pixels(box) -> tuple[int, int, int, int]:
    """A cell's box in points as the pixels inside its rules on the OCR image (rendered at ocr.DPI)."""
    scale = ocr.DPI / 72
    return round(box[0] * scale) + 1, round(box[1] * scale) + 1, round(box[2] * scale) - 1, round(box[3] * scale) - 1


class _PageReader:
    """Reads the lines and tables of one page from its words (text layer or OCR), counting engines used."""

    def __init__(self, number: int, height: float, text_page, words: list[Word], ocr_used: bool, image=None,
                 digits: Learned | None = None, sara_aa: list[tuple[float, float, float, float]] = ()):
        self.number, self.height, self.words, self.ocr_used = number, height, words, ocr_used
        self.image = image  # OCR pages: the page image (rules erased) that cells are read again from
        self.digits = digits  # and its digits: font family and clearly read glyphs (parsers.ocr_digits.Learned)
        self.text_page = text_page
        self.invented = invented_spaces(text_page, sara_aa) if not ocr_used else []
        self.engines: Counter[str] = Counter()
        self.qualities: list[float] = []
        self.last_engine, self.last_confidence = "", 1.0  # of the latest read(): the provenance of its text
        self.warnings: list[str] = []  # OCR pages: what the scan cleanup could not settle

    def source(self, box, text: str, engine: str | None = None, confidence: float | None = None) -> Provenance:
        """Provenance of `text` read in `box`: by default what the latest read() returned (its engine and
        confidence), else by the reader named (the digit or letter templates)."""
        return Provenance(self.number, tuple(round(v, 2) for v in box), text, engine or self.last_engine,
                          self.last_confidence if confidence is None else confidence)

    def read(self, box, plumber_text: str, words: list[Word] | None = None, reach=(0.0, 0.0)) -> str:
        """Text of a region; `words` are its own words when known (a line segment), else found by box.

        `reach` (up, down) lets PDFium look past the box for the marks of these letters; the wider
        reading is kept only when it adds marks, never letters of a neighbouring line (tall fonts).
        """
        if self.ocr_used:
            self.engines["tesseract"] += 1
            inside = words or [w for w in self.words if _inside(w, box)]
            self.last_engine = "tesseract"
            # Tesseract's mean word confidence (0-1) of the region's words
            self.last_confidence = round(sum(w.conf for w in inside) / max(1, len(inside)) / 100, 3)
            return _ocr_join(words) if words else _ocr_text(inside)
        pad = 0.5
        pdfium_text = pdfium_bounded(self.text_page, self.height, box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad,
                                     self.invented)
        if any(reach):
            wider = pdfium_bounded(self.text_page, self.height, box[0] - pad, box[1] - reach[0], box[2] + pad, box[3] + reach[1],
                                   self.invented)
            if _ORPHAN_MARKS.search(wider) and not _ORPHAN_MARKS.search(pdfium_text):
                # marks of the line above or below (a tall font's SARA U under the line above, `ุปีงบประมาณ`)
                # stand on no letter of this region: never take them in
                wider = _ORPHAN_MARKS.sub("", wider)
            if same_letters(wider, pdfium_text):
                pdfium_text = wider
        if (lead := _LEADING_MARKS.match(pdfium_text)) and not plumber_text.lstrip().startswith(lead.group().strip()):
            # a mark before any letter of the region hangs from the line above (Tlwg Mono's SARA U reaches
            # into the next line's box); pdfplumber, which reads by glyph centre, does not see it here
            pdfium_text = pdfium_text[lead.end():]
        pdfium_text = _foreign_mark_lines(pdfium_text, plumber_text)
        if any(w.mapped for w in (words or [w for w in self.words if _inside(w, box)])):
            pdfium_text = remap_aa_text(pdfium_text)  # a font whose SARA AA reads as SARA AM (_aa_as_am_fonts)
        if _letters(plumber_text) and \
                _letters(pdfium_text) > _letters(plumber_text) + max(OVERREAD_LETTERS, 0.2 * _letters(plumber_text)):
            # PDFium took letters of the next or previous line (tall glyph boxes of a font set close, Garuda in
            # WeasyPrint): `ประเมนความเสี่ยงการทจริต` over a line holding `ประเมินความ`. Not a reading of the region.
            pdfium_text = ""
        if _overread(pdfium_text, plumber_text):
            # a letter of the line below (`๘๖.๙๒ A คะแนน` over `ระดับ A`, `กองการศึกษา` over `ศึกษา`): PDFium meets
            # a glyph's box, pdfplumber takes it by its centre; the engines differ on marks, not on letters
            pdfium_text = ""
        # Judge the joined texts: PDFium sometimes breaks a line before a displaced mark (`ร\r\nูปแบบ`).
        choice = choose(join_lines(pdfium_text), join_lines(plumber_text))
        self.engines[choice.engine] += 1
        self.qualities.append(choice.quality)
        self.last_engine, self.last_confidence = choice.engine, 1.0
        return choice.text

    def lines(self) -> tuple[list[TextLine], set[int]]:
        lines, bold = [], set()
        grouped = _group_lines(self.words)
        for index, words in enumerate(grouped):
            # Thai vowels and marks below or above a line leave its word box: reach a third of the way
            # to the neighbouring lines for them (PDFium counts a glyph only when its box meets the region).
            top, bottom = _box(words)[1], _box(words)[3]
            above = top - _box(grouped[index - 1])[3] if index else 6.0
            below = _box(grouped[index + 1])[1] - bottom if index + 1 < len(grouped) else 6.0
            reach = 0.3 * (bottom - top)
            pad_top, pad_bottom = (max(0.0, min(reach, gap / 3)) for gap in (above, below))
            parts, engines, confidence = [], Counter(), 1.0
            for segment in _segments(words, SEGMENT_GAP):
                plumber_text = " ".join(w.text for w in segment)
                x0, _, x1, _ = _box(segment)
                parts.append(join_lines(self.read((x0, top, x1, bottom), plumber_text, segment, (pad_top, pad_bottom))))
                engines[self.last_engine] += 1
                confidence = min(confidence, self.last_confidence)
            text = " ".join(p for p in parts if p)
            if self.ocr_used:
                text = scan_cleanup.clean_text(text)
            if text.strip():
                if all(w.bold for w in words):
                    bold.add(len(lines))
                engine = engines.most_common(1)[0][0] if engines else ""
                lines.append(TextLine(text, *_box(words), page=self.number, raw=text, engine=engine,
                                      confidence=confidence))
        return lines, bold

    def tables(self, found_tables, fills: list[tuple] = (), chars: list[dict] = ()) -> list[PageTable]:
        out = []
        for found in found_tables:
            extracted = table_texts(found, chars) if not self.ocr_used else None
            edges = _col_edges(found)
            real = [cell for row in found.rows for cell in row.cells if cell is not None]
            rows, open_bottom = [], False
            for r, row in enumerate(found.rows):
                cells, sources, spanned, n_real = [], [], [], 0
                for c, cell in enumerate(row.cells):
                    if cell is None:
                        # No cell here: covered by a merged cell, or its rules are missing (a row a page break
                        # cut before its bottom rule). Words in no cell of the table are this cell's text.
                        cell = self._uncovered(edges, c, row.bbox, real)
                        open_bottom = open_bottom or (cell is not None and r == len(found.rows) - 1)
                    spanned.append(cell is None)
                    if cell is None:
                        cells.append("")
                        sources.append(None)
                        continue
                    n_real += 1
                    plumber_text = (extracted[r][c] or "") if extracted else ""
                    if not plumber_text and row.cells[c] is None:  # a position read from the words in no cell
                        plumber_text = _ocr_text([w for w in self.words if _inside(w, cell)])
                    text = self.read(cell, plumber_text)
                    unsure = ""
                    if self.ocr_used and text.strip() and self.last_confidence < MIN_CELL_CONFIDENCE:
                        # what Tesseract is this unsure of is noise or a guess: no value, and a warning
                        self.warnings.append(f"page {self.number}: cell at ({cell[0]:.0f}, {cell[1]:.0f}) read with "
                                             f"confidence {self.last_confidence:.2f} left empty: {text!r}")
                        unsure, text = text, ""
                    if self.image is not None:
                        number = self._cell_number(cell, text)
                        if number != text:
                            self.last_engine = "template"
                        text = self._clean_cell(number)
                    if not text.strip() and _shaded(cell, fills):
                        text = SHADED  # a month cell shaded, not ticked, under ระยะเวลาดำเนินการ
                        self.last_engine = "pdfplumber"
                    cells.append(text)
                    guess = self._cell_guess(cell, text) if self.image is not None else None
                    if guess is None and unsure and not text.strip() and (number := _unread_number(text, unsure)):
                        # the unsure reading of a number no template read, a candidate only (a tilted row's
                        # `70.69` at 0.00, `78.56` at 0.46): only a row's checksums may take it
                        guess = (number,)
                    sources.append(replace(self.source(cell, guess[0], "template", 0.0), rivals=guess[1:])
                                   if guess else self.source(cell, text) if text.strip() else None)
                row_words = [w for w in self.words if _inside(w, row.bbox)]
                bold = bool(row_words) and all(w.bold for w in row_words)
                rows.append(RawRow(cells, n_real, row.bbox[1], row.bbox[3], bold, sources, spanned))
            if rows:
                x0, top, x1, bottom = found.bbox
                out.append(PageTable(self.number, x0, top, x1, bottom, edges, rows, open_bottom))
        if self.image is not None:
            self._reread_empty_cells(found_tables, out)
        return out

    def _uncovered(self, edges: list[float], column: int, row_box, real: list) -> tuple | None:
        """The box of a grid position pdfplumber made no cell of, when words lie there that no cell holds."""
        if column + 1 >= len(edges):
            return None
        box = (edges[column], row_box[1], edges[column + 1], row_box[3])
        words = [w for w in self.words if _inside(w, box) and not any(_inside(w, cell) for cell in real)]
        if not words or self.ocr_used:
            return None
        _, top, _, bottom = _box(words)  # the grid's width (marks reach past the words), the words' height
        return box[0], max(box[1], top - 3), box[2], min(box[3], bottom + 3)

    def _clean_cell(self, text: str) -> str:
        """OCR pages: a cell's text with scan confusions repaired and closed vocabularies snapped (scan_cleanup)."""
        text, warning = scan_cleanup.clean_cell(text)
        if warning:
            self.warnings.append(f"page {self.number}: {warning}")
        return text

    def _cell_number(self, box, text: str) -> str:
        """OCR pages: the cell's number read again from the page image (parsers.ocr_digits.cell_number)."""
        return cell_number(self.image, _pixels(box), text, self.digits)

    def _reread_empty_cells(self, found_tables, tables: list[PageTable]) -> None:
        """OCR pages: cells left empty although inked whose ink is one line (the cell may be taller: a row whose
        name wraps), text cells that open with a mark (their first letter lost against the rule beside it), and
        short cells read as specks (`/`, `เ@`), read again on their own (ocr.ocr_cells); a reading Tesseract is
        unsure of (mean confidence under ocr.MIN_LINE_CONFIDENCE), or with Thai digits (Tesseract's are wrong
        one time in three: ocr_digits) stays empty; kept are Thai text and a letter level (`B`: the scale up to
        2566, which the page's OCR loses in a narrow column).
        Cells the template reader read are given Tesseract's own reading as an alternative first."""
        self._keep_tesseract_readings(tables)
        empty = []
        lost = []
        one_line = MAX_CELL_LINE_HEIGHT * ocr.DPI / 72
        first_columns = []
        for found, table in zip((f for f in found_tables if f.rows), tables):
            level_columns = _letter_level_columns(table.rows)
            first_columns.append(level_columns)
            for raw, row in zip(table.rows, found.rows):
                for c, cell in enumerate(row.cells):
                    if cell is None or not 6 <= cell[3] - cell[1] <= MAX_CELL_LINE_HEIGHT * 3:
                        continue
                    text = raw.cells[c]
                    if (number := _unread_number(text, next(iter(getattr(raw.sources[c], "alternatives", ())), ""))) \
                            and raw.sources[c].confidence > 0.0:
                        # a `#` the template reader gave where the page's OCR read a plain number (a tilted row's
                        # `71.16` beside a rule's remains that made the cell two lines): a candidate only
                        raw.sources[c] = self.source(cell, number, "template", 0.0)
                        continue
                    specks = _SPECKS.fullmatch(text) and not _DASHES.fullmatch(text)
                    if c in level_columns and self._misread_level_read(raw, c, cell, one_line):
                        continue
                    if (text.strip() or raw.sources[c] is not None) and not specks:
                        if _LEADING_MARKS.match(text):
                            empty.append((raw, c, cell))  # its first letter was lost (the rule beside it)
                        elif (below := self._lost_below(cell, text)) is not None:
                            lost.append((raw, c, cell, below))  # its last line was lost (a wrapped name's second)
                        continue
                    if not self._one_line_ink(cell, one_line):
                        continue
                    if letter := read_letter_level(self.image, _pixels(cell)):
                        # a letter level alone in its cell, which Tesseract reads as nothing or specks
                        raw.cells[c] = letter[0]
                        raw.sources[c] = self.source(cell, letter[0], "template", letter[1])
                        continue
                    empty.append((raw, c, cell))
        # a column whose levels the page's OCR left empty is a level column only once their pictures were read
        # (above): its misread cells (`ซ . 5`, `. เออ`) are offered now, as those of the columns known at first
        taken = set()
        for found, table, known in zip((f for f in found_tables if f.rows), tables, first_columns):
            for c in _letter_level_columns(table.rows) - known:
                taken |= {(id(raw), c) for raw, row in zip(table.rows, found.rows) if c < len(row.cells)
                          and row.cells[c] is not None and 6 <= row.cells[c][3] - row.cells[c][1] <= MAX_CELL_LINE_HEIGHT * 3
                          and self._misread_level_read(raw, c, row.cells[c], one_line)}
        empty = [item for item in empty if (id(item[0]), item[1]) not in taken]
        lost = [item for item in lost if (id(item[0]), item[1]) not in taken]
        for (raw, c, cell), words in zip(empty, ocr.ocr_cells(self.image, [_pixels(cell) for _, _, cell in empty])):
            if not words:
                continue
            text = self._crop_text(words)
            if (number := _unread_number(raw.cells[c], text)) is not None:
                # a number cell neither template reading took (`#`, or left empty), read by Tesseract alone: its
                # digits are a candidate (a guess, engine template, confidence 0), never the cell's text; only
                # a row's checksums may take it (parsers/ita/announcement.py), so however unsure Tesseract is
                # of it, it is offered
                if raw.sources[c] is None or raw.sources[c].confidence > 0.0:
                    raw.sources[c] = self.source(cell, number, "template", 0.0)
                continue
            if not _confident(words):
                continue
            level = _LETTER_LEVEL.fullmatch(text.strip())
            if raw.cells[c] and not level and (_LEADING_MARKS.match(text) or len(re.findall(r"[ก-ฮ]", text)) <= len(
                    re.findall(r"[ก-ฮ]", raw.cells[c]))):
                continue  # a second reading of a text cell must give back the lost letter, and lose none
            if level or re.search(r"[ก-ฮ]", text) and not _THAI_DIGIT.search(text):  # numbers are ocr_digits' to read
                self._take_crop(raw, c, cell, level.group(1) if level else text, words)
        for (raw, c, cell, below), words in zip(lost, ocr.ocr_cells(self.image, [below for *_, below in lost])):
            # specks of the scan beside the line read as words of their own (`7`, `a`, `™?`) are none of it
            words = [w for w in words if re.search(r"[ก-๛]", w.text)]
            if not words or not _confident(words):
                continue
            text = self._crop_text(words)
            # the lost line is Thai text of its own (two letters at least), not digits nor a mark left alone
            if len(re.findall(r"[ก-ฮ]", text)) >= 2 and not _THAI_DIGIT.search(text) and not re.search(r"\d", text) \
                    and not _LEADING_MARKS.match(text):
                self._take_crop(raw, c, cell, join_lines(f"{raw.cells[c]}\n{text}"), words)

    def _misread_level_read(self, raw, c: int, cell, one_line: float) -> bool:
        """A level cell of a letter-level column that the page's OCR read as something that is no level (`a`, `0`,
        `ขี 3`), read by its picture as an empty cell's is; True when the picture reader took it."""
        text = raw.cells[c]
        if not text.strip() or _SPECKS.fullmatch(text) and not _DASHES.fullmatch(text) or not _misread_level(text) \
                or not self._one_line_ink(cell, one_line) or not (letter := read_letter_level(self.image, _pixels(cell))):
            return False
        raw.cells[c] = letter[0]
        raw.sources[c] = self.source(cell, letter[0], "template", letter[1])
        return True

    def _one_line_ink(self, cell, one_line: float) -> bool:
        """The cell holds ink enough to read, one line high."""
        ink = cell_ink(self.image, _pixels(cell))
        return ink is not None and ink.sum() >= MIN_CELL_INK and _ink_height(ink) <= one_line

    def _crop_text(self, words) -> str:
        """A cell crop's Tesseract words as the cell's text: lines grouped, scan confusions repaired."""
        return self._clean_cell(join_lines("\n".join(
            scan_cleanup.clean_text(_ocr_join(line)) for line in _group_lines(
                [Word(w.text, w.x0, w.top, w.x1, w.bottom) for w in words]))))

    def _take_crop(self, raw, c: int, cell, text: str, words) -> None:
        """The cell's text is `text`, read from its crop: its provenance is Tesseract at the crop's lowest word
        confidence."""
        raw.cells[c] = text
        self.last_engine, self.last_confidence = "tesseract", round(min(w.conf for w in words) / 100, 3)
        raw.sources[c] = self.source(cell, text)

    def _lost_below(self, cell, text: str) -> tuple[int, int, int, int] | None:
        """A text cell of two lines or more whose page reading has no word on its last lines of ink: a wrapped
        unit name read as its first line only (`องค์การบริหารส่วนตำบล` / `ถนน` read `องคการบริหารสวนตำบล` at
        150 dpi; the whole cell read again alone gives the same). The box (image pixels) of the ink under the
        last line read, to read alone; None for cells with every line read. Only Thai text cells tall enough
        for two lines are looked at."""
        if cell[3] - cell[1] < 1.6 * LINE_PITCH or len(re.findall(r"[ก-ฮ]", text)) < 3:
            return None
        box = _pixels(cell)
        ink = cell_ink(self.image, box)
        if ink is None or ink.sum() < MIN_CELL_INK:
            return None
        bands = ink_line_bands(ink)
        words = [w for w in self.words if _inside(w, cell)]
        scale = 72 / ocr.DPI
        top = box[1] * scale
        read = [i for i, (a, b) in enumerate(bands)
                if any(w.top < top + b * scale and w.bottom > top + a * scale for w in words)]
        if not read or read[-1] == len(bands) - 1:
            return None
        start = bands[read[-1]][1] + 2
        if bands[-1][1] - bands[read[-1] + 1][0] < MIN_LOST_LINE * ocr.DPI / 72:
            return None
        # as wide as the lost line's ink (the rest of the cell holds only the scan's specks)
        columns = np.nonzero(ndimage.binary_opening(ink[start:], np.ones((2, 2))).any(axis=0))[0]
        if not len(columns):
            return None
        return box[0], box[1] + start, min(box[2], box[0] + int(columns[-1]) + 12), box[3]

    def _keep_tesseract_readings(self, tables: list[PageTable]) -> None:
        """OCR pages: a cell whose number the template reader gave (engine template) keeps what Tesseract read
        there as its provenance's alternative: where both readers agree the number is what the page prints (a
        row of such numbers that does not add up is the document's misprint, not a reading to choose)."""
        for table in tables:
            for raw in table.rows:
                for c, source in enumerate(raw.sources):
                    if source is None or source.engine != "template":
                        continue
                    own = _ocr_text([w for w in self.words if _inside(w, source.bbox)]).strip()
                    if own and own != source.text:
                        raw.sources[c] = replace(source, alternatives=(own,))

    def _cell_guess(self, box, text: str) -> tuple[str, ...] | None:
        """OCR pages: for a short cell whose number neither reader took, the template's best digits
        (ocr_digits.guess_cell), kept as its provenance's text (engine template, confidence 0; their close
        rivals as its `rivals`) and never as its text: a candidate only a row's checksums may accept
        (parsers/ita/announcement.py)."""
        if len(text.strip()) > 10 or _PLAIN_NUMBER.match(text.strip()):
            return None
        return guess_cell(self.image, _pixels(box), self.digits)

    def _row_of(self, segments: list[list[Word]], edges: list[float], locate) -> RawRow:
        """One text line of a table without rules as a row: each segment read into the column `locate` gives."""
        n_cols = len(edges) - 1
        cells = [""] * n_cols
        sources: list[Provenance | None] = [None] * n_cols
        for segment in segments:
            column = locate(_box(segment))
            # Marks stand above and below the word boxes (tall fonts more): reach for them as a line's reading
            # does; read() keeps the wider reading only when it adds no letters, and drops marks on no letter.
            height = _box(segment)[3] - _box(segment)[1]
            text = self.read(_box(segment), " ".join(w.text for w in segment), segment, (0.3 * height, 0.3 * height))
            if self.ocr_used:
                text = self._clean_cell(text)
            cells[column] = join_lines(f"{cells[column]}\n{text}")
            sources[column] = merge_sources(sources[column], self.source(_box(segment), text))
        words = [w for seg in segments for w in seg]
        _, top, _, bottom = _box(words)
        return RawRow(cells, n_cols, top, bottom, all(w.bold for w in words), sources)

    def _row_by_columns(self, words: list[Word], edges: list[float]) -> RawRow:
        """A line's words split into the columns between `edges` (by each word's middle), read per column. A word
        across an inner edge is a merged cell's (`ระยะเวลา` centred over `เริ่ม` | `สิ้นสุด`): it goes to the column it
        starts in, so the header reads the same on every page however the centring falls."""
        by_column: dict[int, list[Word]] = {}
        inner = edges[1:-1]
        for word in words:
            box = (word.x0, word.top, word.x1, word.bottom)
            if any(word.x0 < e - SPAN_REACH and word.x1 > e + SPAN_REACH for e in inner):
                box = (word.x0, word.top, word.x0 + 1.0, word.bottom)
            by_column.setdefault(column_of_edges(box, edges), []).append(word)
        placed = {_box(group): column for column, group in by_column.items()}
        return self._row_of(list(by_column.values()), edges, lambda box: placed.get(box, column_of_edges(box, edges)))

    def borderless_tables(self, ruled: list[PageTable] = (), grids: list[list[float]] = (),
                          foot_grids: list[list[float]] = ()) -> list[PageTable]:
        """Tables without rules, from the text outside the ruled tables: first text whose segments start at the
        same x positions (a line with an empty first cell wraps the row above), then text whose columns are
        told apart by the white space running down between them (cells aligned any way). A ruled table that
        is only its header (lines around the header only) takes the lines below it that keep to its columns."""
        claimed = [(t.x0, t.top, t.x1, t.bottom) for t in ruled]
        free = [w for w in self.words if not any(_inside(w, box) for box in claimed)]
        word_lines = _group_lines(free)
        lines = [_segments(line, SEGMENT_GAP) for line in word_lines]
        boxes = [[_box(seg) for seg in line] for line in lines]
        word_boxes = [[(w.x0, w.top, w.x1, w.bottom) for w in line] for line in word_lines]
        out, used = [], set()
        for table in ruled:
            header_only = _header_only(table)
            members = _before_signature(_lines_under(word_boxes, table, used, 2 if header_only else 1), word_lines)
            if members and not header_only and not _last_on_page(word_lines, members, self.height):
                members = []  # text under a full table is not part of it, unless a page break cut its last row
            if members:
                rows = [self._row_by_columns(word_lines[m], table.col_edges) for m in members]
                # lines between column rules that run on past the header, with no rule under them and nothing
                # after them on the page: one ruled row a page break cut before its bottom rule
                cut = header_only and table.rules_to >= max(word_boxes[m][-1][3] for m in members) - 2 \
                    and _last_on_page(word_lines, members, self.height)
                if cut:
                    head = header_lines(rows)
                    for row in rows[:head]:
                        row.header = True
                    table.rows.extend(rows[:head] + wrap_rows(rows[head:], [True] + [False] * (len(rows) - head - 1)))
                    table.open_bottom = True
                elif header_only:
                    table.rows.extend(_wrapped(rows, [word_boxes[m] for m in members], edges=table.col_edges))
                elif table.open_bottom and table.rows:  # the rest of the cut row's cells
                    table.rows[-1] = wrap_rows([table.rows[-1]] + rows, [True] + [False] * len(rows))[0]
                else:
                    table.rows.extend(wrap_rows(rows, [True] + [False] * (len(rows) - 1)))
                table.bottom = max(table.bottom, rows[-1].bottom)
                used.update(members)
        # lines printed beside each other (cells centred vertically) are one band: white space must run through
        # the band to part two columns, and a band is never cut into rows
        bands = line_bands(word_boxes)
        in_band = [[m for m, b in enumerate(bands) if b == k] for k in range(max(bands, default=-1) + 1)]
        banded = band_boxes(word_boxes, bands)
        for edges, members, spanning in find_gap_tables(banded, skip={bands[m] for m in used}):
            members = [m for k in members for m in in_band[k]]
            spanning = {m for k in spanning for m in in_band[k]}
            if not (members := _before_signature(members, word_lines)):
                continue
            edges = _inherited_grid(edges, grids, [word_boxes[m] for m in members])
            header = _header_above(word_boxes, members[0], edges, used)
            rows = [self._row_by_columns(word_lines[m], edges) for m in header]
            if any(starts_item(row.cells[0]) for row in rows):
                # a line above the run that opens a numbered item is no header: the table's first row, which the
                # run opened a line under (a wide font wraps every cell, so the row's next line reads as a head)
                members, header, rows = header + members, [], []
            pieces: list[RawRow | list[int]] = []  # runs of lines, split by headings across the columns
            for m in members:
                if m in spanning and _paragraph_between(word_lines[m], edges):
                    continue  # a paragraph's indented line between two parts of the table: no heading, no row
                if m in spanning:
                    section = self._row_of([word_lines[m]], edges, lambda box: 0)
                    pieces.append(RawRow(section.cells, 1, section.top, section.bottom, section.bold, section.sources))
                elif pieces and isinstance(pieces[-1], RawRow) and m - 1 in spanning and not starts_item(
                        word_lines[m][0].text) and _wraps_line_above(word_boxes, m, edges[1:-1]):  # its wrapped line
                    pieces[-1] = join_rows(pieces[-1], self._row_of([word_lines[m]], edges, lambda box: 0))
                elif pieces and isinstance(pieces[-1], list):
                    pieces[-1].append(m)
                else:
                    pieces.append([m])
            runs = [[self._row_by_columns(word_lines[k], edges) for k in p] if isinstance(p, list) else None
                    for p in pieces]  # beside pieces: a run's lines as rows, None for a heading
            numbered = any(starts_item(row.cells[0]) for run in runs if run for row in run)
            # cells centred vertically somewhere in the table: a piece after a heading across it may be one band
            lined = [m for m in members if m not in spanning]
            centred = len(pieces) > 1 and band_rows([word_boxes[m] for m in lined], [bands[m] for m in lined]) is not None
            for index, (piece, run) in enumerate(zip(pieces, runs)):
                if run is None:
                    rows.append(piece)
                else:  # the first run of a page of a numbered table may be a cut row's rest, no number of its own
                    rows += _wrapped(run, [word_boxes[k] for k in piece], numbered and index == 0,
                                     [bands[k] for k in piece], centred and index > 0, edges)
            out.append(PageTable(self.number, edges[0], rows[0].top, edges[-1], rows[-1].bottom, edges, rows))
            used.update(members + header)
        for starts, members in find_borderless(boxes):
            if used.intersection(members):
                continue  # lines the white-space detector already made a table of
            x1 = max(_box(lines[m][-1])[2] for m in members)
            edges = starts + [x1]
            header = _header_above(word_boxes, members[0], edges, used)
            rows = [self._row_by_columns(word_lines[m], edges) for m in header]
            body = [self._row_of(lines[m], starts + [x1], lambda b: column_of(b, starts)) for m in members]
            rows += _wrapped(body, [word_boxes[m] for m in members], edges=starts + [x1])
            out.append(PageTable(self.number, starts[0], rows[0].top, x1, rows[-1].bottom, starts + [x1], rows))
            used.update(members + header)
        limit = min([t.top for t in ruled] + [min(b[1] for b in word_boxes[m]) for m in used], default=float("inf"))
        for grid in foot_grids:
            members = _page_top_rest(word_lines, word_boxes, used, limit, grid)
            if members:
                rows = _wrapped([self._row_by_columns(word_lines[m], grid) for m in members],
                                [word_boxes[m] for m in members], edges=grid)
                out.append(PageTable(self.number, grid[0], rows[0].top, grid[-1], rows[-1].bottom, list(grid), rows))
                break
        return out

    def engine(self) -> str:
        if self.ocr_used:
            return "tesseract"
        if len(self.engines) > 1:
            return "mixed"
        return next(iter(self.engines), "")


def _ruled_table(table: PageTable) -> bool:
    return any(row.spanned for row in table.rows)


def _header_only(table: PageTable) -> bool:
    """A ruled table holding no more than a header (lines around the header only): its rows are bold, or read
    as a header, or span the table (a section heading); at most one other row."""
    others = [row for row in table.rows if row.n_real > 1 and not row.bold and not looks_like_header(row, table.n_cols)]
    return len(others) <= 1 and len(table.rows) <= 6


SHADED = "■"  # the text an empty, shaded table cell reads as (a period chart's filled month)
MIN_SHADE = 0.15  # darkness (0 white .. 1 black) from which a filled rectangle shades a cell


def _fills(ppage) -> list[tuple[float, float, float, float]]:
    """Boxes of the filled, non-white rectangles of a page (cell shading), ruling lines excepted."""
    out = []
    for rect in ppage.rects:
        if not rect.get("fill") or rect["x1"] - rect["x0"] < 3 or rect["bottom"] - rect["top"] < 3:
            continue
        color = rect.get("non_stroking_color")
        values = [v for v in color if isinstance(v, (int, float))] if isinstance(color, (list, tuple)) else \
            ([color] if isinstance(color, (int, float)) else [])
        if not values:
            continue
        darkness = (1 - values[-1]) if len(values) == 4 else 1 - sum(values) / len(values)
        if len(values) == 4:  # CMYK: ink is darkness
            darkness = max(values)
        if darkness >= MIN_SHADE:
            out.append((rect["x0"], rect["top"], rect["x1"], rect["bottom"]))
    return out


def _ground(obj) -> bool:
    """A filled, unstroked rectangle wider and taller than a rule: a cell's ground (zebra rows, a shaded month),
    whose edges are no ruling lines (cell borders are strokes or thin filled bars)."""
    return obj.get("object_type") == "rect" and bool(obj.get("fill")) and not obj.get("stroke") \
        and obj["x1"] - obj["x0"] >= 3 and obj["bottom"] - obj["top"] >= 3


def _without_grounds(ppage):
    """The page for finding ruled tables: without cells' grounds, whose edges would rule a table of every shaded
    row of a table ruled around its header only; the page itself where it has none."""
    return ppage.filter(lambda obj: not _ground(obj)) if any(_ground(r) for r in ppage.rects) else ppage


def _shaded(cell, fills) -> bool:
    """Most of the cell lies under one filled rectangle."""
    x0, top, x1, bottom = cell
    area = max((x1 - x0) * (bottom - top), 1e-6)
    for f in fills:
        w, h = min(x1, f[2]) - max(x0, f[0]), min(bottom, f[3]) - max(top, f[1])
        if w > 0 and h > 0 and w * h >= 0.6 * area:
            return True
    return False


PAGE_FOOT = 0.9  # below this share of the page height a line is a footer or page number, not content


def _last_on_page(lines: list[list[Word]], members: list[int], height: float) -> bool:
    """Nothing but a footer follows these lines on the page: they are the part of a row that a page break cut
    before its bottom rule was drawn (browsers and Word draw it on the next page)."""
    last = max(members)
    return all(min(w.top for w in line) > PAGE_FOOT * height for line in lines[last + 1:])


def _column_rules_bottom(ppage, table: PageTable) -> float:
    """How far down every rule between the table's columns runs from the table (0 where one stops at its bottom):
    a ruled row that a page break cut before its bottom rule has its column rules but no rule under it, so the
    table finder closes no cell there (WeasyPrint draws the bottom rule on the next page)."""
    inner = table.col_edges[1:-1]
    if not inner:
        return 0.0
    reach = []
    for x in inner:
        below = [e["bottom"] for e in ppage.edges if e["orientation"] == "v" and abs(e["x0"] - x) <= 2
                 and e["top"] <= table.bottom + 2 and e["bottom"] > table.bottom + 2]
        if not below:
            return 0.0
        reach.append(max(below))
    return min(reach)


def _lines_under(boxes: list[list[tuple]], table: PageTable, used: set[int], at_least: int = 2) -> list[int]:
    """Lines right below a ruled table whose words each keep inside one of its columns."""
    inner = table.col_edges[1:-1]
    members: list[int] = []
    last_bottom = table.bottom
    for index, line in enumerate(boxes):
        if index in used or min(seg[1] for seg in line) < table.bottom - 1:
            continue
        height = max(seg[3] - seg[1] for seg in line)
        if min(seg[1] for seg in line) - last_bottom > 2.5 * height:
            break
        if not _keeps_to_columns(line, table.x0, table.x1, inner) or _runs_across(line, inner):
            break
        members.append(index)
        last_bottom = max(seg[3] for seg in line)
    return members if len(members) >= at_least else []


def _keeps_to_columns(line: list[tuple], x0: float, x1: float, inner: list[float]) -> bool:
    """Every word box of the line lies within the table's width (6 pt of slack) and across no column edge
    (3 pt either side)."""
    return not any(b[0] < x0 - 6 or b[2] > x1 + 6 or any(b[0] < e - 3 < e + 3 < b[2] for e in inner) for b in line)


def _runs_across(line: list[tuple], inner: list[float]) -> bool:
    """Words in two columns with no more than a word space between them: one run of text (a heading under the
    table), not cells, whose padding keeps them further apart."""
    ordered = sorted(line)
    return any(b[0] - a[2] < MIN_COLUMN_GAP and any(a[2] <= edge <= b[0] + 3 or a[0] < edge < b[0] for edge in inner)
               and column_of_edges(a, [float("-inf")] + inner + [float("inf")]) != column_of_edges(b, [float("-inf")] + inner + [float("inf")])
               for a, b in zip(ordered, ordered[1:]))


HEADER_LINES = 3  # lines a table's header (centred, two-level) may take above its first aligned line


def _header_above(boxes: list[list[tuple]], first: int, edges: list[float], used: set[int]) -> list[int]:
    """The lines just above a table without rules that fit its columns (a header whose centred cells did not
    line up with the body): each word inside the table's width and none across a column edge."""
    inner = edges[1:-1]
    found: list[int] = []
    below = min(b[1] for b in boxes[first])
    for index in range(first - 1, max(-1, first - 1 - HEADER_LINES), -1):
        line = boxes[index]
        height = max(b[3] - b[1] for b in line)
        if index in used or below - max(b[3] for b in line) > 2.0 * height:
            break
        if not _keeps_to_columns(line, edges[0], edges[-1], inner) or _wraps_line_above(boxes, index, inner):
            break
        found.insert(0, index)
        below = min(b[1] for b in line)
    return found


_SIGNATURE_LINE = re.compile(r"^\(\s*ลงช")  # `(ลงชื่อ) ผู้รายงาน`, its marks damaged or not


def _before_signature(members: list[int], lines: list[list[Word]]) -> list[int]:
    """A table's lines up to a signature line (`(ลงชื่อ) …` under a table without rules, its words falling in
    the columns they stand over): the signature is no part of the last row."""
    for position, index in enumerate(members):
        if _SIGNATURE_LINE.match(min(lines[index], key=lambda w: w.x0).text):
            return members[:position]
    return members


PARAGRAPH_INDENT = 12.0  # points: a paragraph's first line starts this far inside the text's left edge


def _paragraph_between(line: list[Word], edges: list[float]) -> bool:
    """A line across the table that is a paragraph's first line, not a group heading: indented past the first
    column's start and not centred (headings start at it or are centred over the whole), not bold, no list
    number opening it."""
    text = " ".join(w.text for w in line)
    left, right = line[0].x0 - edges[0], edges[-1] - line[-1].x1
    return not all(w.bold for w in line) and not starts_item(text) and left > PARAGRAPH_INDENT \
        and abs(left - right) > PARAGRAPH_INDENT / 2


def _wraps_line_above(boxes: list[list[tuple]], index: int, inner: list[float]) -> bool:
    """The line goes on with a line across the columns right above it, from the same left edge and within the
    first column (a heading's wrapped last words, `รัฐ`): part of that heading, not of the header or row under it."""
    if index == 0 or not inner:
        return False
    line, above = boxes[index], boxes[index - 1]
    height = max(b[3] - b[1] for b in above)
    crosses = any(b[0] < e - 3 < e + 3 < b[2] for b in above for e in inner)
    return crosses and max(b[2] for b in line) < inner[0] and abs(min(b[0] for b in line) - min(b[0] for b in above)) <= 2 \
        and 0 <= min(b[1] for b in line) - max(b[3] for b in above) <= height


def _wrapped(rows: list[RawRow], boxes: list[list[tuple]], numbered_table: bool = False,
             bands: list[int] | None = None, centred: bool = False, edges: list[float] | None = None) -> list[RawRow]:
    """Lines of a table without rules joined into rows (parsers.tables.split_rows says where rows start). The
    header's lines at the top (parsers.tables.header_lines) are kept apart, one row each: a header repeated
    on the next page must not take in the cut row's rest printed under it. Where cells are centred vertically
    (`bands`, parsers.tables.band_rows) the bands give the rows, the header's too, and a band is one row."""
    starts = band_rows(boxes, bands, centred) if bands else None
    banded = _band_grouped(rows, starts) if starts is not None else None
    if banded is not None:
        rows = banded
    head = header_lines(rows)
    for row in rows[:head]:
        row.header = True
    if banded is not None:
        return rows
    out, start, index = rows[:head], head, head
    header_rows = [row.cells for row in rows[:head]]
    while index < len(rows):  # the header printed again inside the table (under a heading) starts no row's rest
        if not (header_rows and repeats_header(rows[index], [], header_rows)):
            index += 1
            continue
        out += _joined(rows[start:index], boxes[start:index], numbered_table and start == head, edges)
        again = max(1, header_lines(rows[index:]))
        for row in rows[index:index + again]:
            row.header = True
        out += rows[index:index + again]
        start = index = index + again
    return out + _joined(rows[start:], boxes[start:], numbered_table and start == head, edges)


def _band_grouped(rows: list[RawRow], starts: list[bool]) -> list[RawRow] | None:
    """The lines joined into the rows `starts` gives; None when a row would take in two numbered lines (the
    bands do not say the rows of this table: the line logic decides)."""
    out_rows: list[RawRow] = []
    numbers: list[int] = []
    listing = False  # the first cell's last line ended with a comma: a list of codes goes on (`o ๑๐,` / `o ๑๑`)
    for row, start in zip(rows, starts):
        number = starts_item(row.cells[0])
        if start or not out_rows or amount_under_amount(out_rows[-1].cells, row.cells):
            out_rows.append(row)
            numbers.append(number)
        else:
            out_rows[-1] = join_rows(out_rows[-1], row)
            numbers[-1] += number and not listing
        if row.cells[0].strip():
            listing = row.cells[0].rstrip().endswith(",")
    return None if any(n > 1 for n in numbers) else out_rows


# a question code (`o๒๘`, `E ๒`) or a list number with its point or bracket (`๑.`), then text: no date (`๑ ตุลาคม`)
_KEY_ITEM = re.compile(r"^\s*(?:[oOeEiI]\s?[0-9๐-๙]{1,2}(?![0-9๐-๙.])|[0-9๐-๙]{1,2}[.)]\s*[^\s0-9๐-๙])")


def _key_column(rows: list[RawRow]) -> int:
    """The column whose lines say where rows start: the first, unless it holds no list number or code and a later
    column's do, each on a line where the first column has text too (a table printing the office first: its
    wrapped `สังคม` starts no row, the measure's code does); the first line may have none (a cut row's rest whose
    code cell the printer moved to this page whole)."""
    if not rows or any(starts_item(row.cells[0]) for row in rows):
        return 0
    for column in range(1, len(rows[0].cells)):
        keyed = [row for row in rows if column < len(row.cells) and _KEY_ITEM.match(row.cells[column])]
        if len(keyed) >= 2 and all(row.cells[0].strip() or row is rows[0] for row in keyed):
            return column
    return 0


def _cell_box(row: RawRow, column: int) -> tuple | None:
    source = row.sources[column] if column < len(row.sources) else None
    return source.bbox if source is not None and row.cells[column].strip() else None


def _would_not_fit(above: tuple | None, line: tuple | None, words: list[tuple], limit: float) -> bool:
    """The line's first word in a cell would not have fitted after the cell's text on the line above (so the
    printer wrapped it there): measured against the column's right limit, a word space allowed."""
    if above is None or line is None:
        return False  # a cell read with no box (no evidence of a wrap)
    first = min((w for w in words if w[0] >= line[0] - 0.5 and w[2] <= line[2] + 0.5), key=lambda w: w[0], default=None)
    if first is None:
        return False
    space = 0.25 * (first[3] - first[1])
    return above[2] + space + (first[2] - first[0]) > limit


def _top_aligned_starts(rows: list[RawRow], boxes: list[list[tuple]], edges: list[float]):
    """split_rows' guesses corrected for cells printed from their row's top (a cell's lines follow each other): a
    column that takes up text again after a line without any starts a row (`สำนักปลัด` under lines with no office),
    and a line whose every cell shared with the line above is that cell's wrap (its first word would not have
    fitted up there: `สังคม` under `กองสวัสดิการ`, rows 19 points apart as lines are) starts none. Where list
    numbers or codes say where rows start, only the first, and only on the run's last line (a row whose coded cell
    the printer moved whole to the next page; a numbered table's head printed again under a cut row's rest stays
    with the line logic)."""
    n = min(len(edges) - 1, min(len(row.cells) for row in rows))
    right = [max((b[2] for row in rows if (b := _cell_box(row, c))), default=edges[c + 1]) for c in range(n)]
    limits = [max(edges[c + 1], right[c] + 1.0) if c == n - 1 else edges[c + 1] for c in range(n)]

    def refine(starts: list[bool], numbered: bool = False) -> list[bool]:
        out, seen = list(starts), set()
        for i, row in enumerate(rows):
            filled = {c for c in range(n) if row.cells[c].strip()}
            if i == 0:
                seen = filled
                continue
            above = rows[i - 1]
            before = {c for c in range(n) if above.cells[c].strip()}
            if filled & seen - before and (not numbered or i == len(rows) - 1):
                # a cell of this row ended a line ago and another begins; in a numbered table only on the page's
                # last line (a row whose numbered cell the printer moved whole to the next page)
                out[i] = True
            elif out[i] and not numbered and (shared := filled & before) and all(
                    _would_not_fit(_cell_box(above, c), _cell_box(row, c), boxes[i], limits[c]) for c in shared):
                out[i] = False
            seen = filled if out[i] else seen | filled
        return out
    return refine


def _joined(rows: list[RawRow], boxes: list[list[tuple]], numbered_table: bool = False,
            edges: list[float] | None = None) -> list[RawRow]:
    if not rows:
        return []
    key = _key_column(rows)
    refine = _top_aligned_starts(rows, boxes, edges) if edges and len(edges) > 2 else None
    return wrap_rows(rows, split_rows(boxes, [row.cells[key] for row in rows], numbered_table, refine))


_GLYPH_PIECES = re.compile(r"^[\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e\s]+$")


def _aa_as_am_fonts(chars: list[dict]) -> set[str]:
    """Fonts whose SARA AA glyph the printer's subset maps to SARA AM (WeasyPrint's Loma and Kinnari: `กำรจัด` for
    การจัด, the ring of a true SARA AM a glyph of its own before it): SARA AM four times or more and SARA AA never,
    over forty Thai consonants or more. No Thai text runs that long without SARA AA, its commonest vowel."""
    counts: dict[str, Counter] = {}
    for c in chars:
        text = c["text"]
        if text in (SARA_AA, SARA_AM) or "\u0e01" <= text <= "\u0e2e":
            counts.setdefault(c["fontname"], Counter())[text if text in (SARA_AA, SARA_AM) else "letter"] += 1
    return {font for font, n in counts.items() if n[SARA_AM] >= 4 and not n[SARA_AA] and n["letter"] >= 40}


def _is_ring_stand_in(text: str) -> bool:
    """What such a subset maps the SARA AM ring to: nothing, or a Latin letter (`ดĠำเนิน`)."""
    return text == "" or "\u00c0" <= text <= "\u024f"


def _remap_aa(chars: list[dict], fonts: set[str]) -> None:
    """In those fonts SARA AM is SARA AA, and the ring glyph before one is NIKHAHIT (NIKHAHIT + SARA AA is SARA AM,
    which the text repair rebuilds): the font's own mapping put right before any reading of the page."""
    for i, c in enumerate(chars):
        if c["text"] == SARA_AM and c["fontname"] in fonts:
            c["text"] = SARA_AA
            if i and chars[i - 1]["fontname"] == c["fontname"] and _is_ring_stand_in(chars[i - 1]["text"]):
                chars[i - 1]["text"] = NIKHAHIT


_RING_THEN_AM = re.compile(f"([\u00c0-\u024f])?{SARA_AM}")


def remap_aa_text(text: str) -> str:
    """The same mapping on a reading of such a font's text (PDFium's): ring stand-in + SARA AM is SARA AM, a SARA AM
    alone is SARA AA."""
    return _RING_THEN_AM.sub(lambda m: SARA_AM if m.group(1) else SARA_AA, text)


_COMBINING = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")


def _marks_on_their_letters(chars: list[dict]) -> None:
    """A zero-width mark whose origin a printer set just past the next letter's (WeasyPrint positions Noto Thai's
    marks by the font's offsets: SARA I of `มิน` at 132.1, น at 132.0) sorts after that letter in a line's x order
    (`มนิ`); Noto Looped Thai's an overhang left of its letter's origin, which sorts it before the letter (`บิร` for
    บริ). Such a mark is moved back onto the letter it follows in the stream, just before the next one; a mark that
    sorts where it belongs is left alone."""
    for i, c in enumerate(chars):
        if c["text"] not in _COMBINING or c["x1"] - c["x0"] > 0.1 * c["size"]:
            continue
        b = i - 1
        while b >= 0 and chars[b]["text"] in _COMBINING:
            b -= 1
        n = i + 1
        while n < len(chars) and chars[n]["text"] in _COMBINING:
            n += 1
        if b < 0 or n >= len(chars):
            continue
        base, following = chars[b], chars[n]
        if not ("\u0e01" <= base["text"][-1:] <= "\u0e2e") or any(
                abs(o["top"] - c["top"]) > 0.3 * c["size"] for o in (base, following)):
            continue
        if base["x0"] <= following["x0"] < c["x0"] <= base["x1"] + 0.15 * c["size"] \
                or base["x0"] - 0.5 * c["size"] <= c["x0"] < base["x0"] < following["x0"]:
            c["x0"] = c["x1"] = max(base["x0"], min(base["x1"], following["x0"]) - 0.01)


def _text_words(ppage, mapped: set[str] = frozenset()) -> list[Word]:
    words = ppage.extract_words(extra_attrs=["fontname"], keep_blank_chars=False)
    words = [Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"], "bold" in w["fontname"].lower(),
                  mapped=w["fontname"] in mapped) for w in words]
    return [w for line in _group_lines(words) if not _glyph_pieces(line) for w in line]


def _glyph_pieces(line: list[Word]) -> bool:
    """A line of nothing but Thai vowels and marks (`โ ่`): the tops of the next line's glyphs that a browser
    clipped at the page's foot. No word is made of them alone."""
    return all(_GLYPH_PIECES.match(w.text) for w in line)


def _needs_ocr(ppage, pdfium_text: str, pdfium_readable: bool) -> bool:
    """No usable text layer, but something drawn that OCR could read: an image or many curves (a scan),
    or text whose layer is garbage (legacy Thai font encodings print right but extract as `#$ก%`)."""
    if pdfium_readable:
        return False
    plumber_text = "".join(c["text"] for c in ppage.chars)
    if page_is_readable(plumber_text):
        return False
    if ppage.images or len(ppage.curves) > 200:
        return True
    return bool(ppage.chars) and max(text_quality_of(pdfium_text), text_quality_of(plumber_text)) < GARBAGE_QUALITY


def _edge(rule: ocr.Rule) -> dict:
    return dict(object_type="line", x0=rule.x0, x1=rule.x1, top=rule.top, bottom=rule.bottom,
                width=rule.x1 - rule.x0, height=rule.bottom - rule.top)


def _rule_settings(rules: list[ocr.Rule]) -> dict | None:
    horizontal = [_edge(r) for r in rules if r.top == r.bottom]
    vertical = [_edge(r) for r in rules if r.top != r.bottom]
    if len(horizontal) < 2 or len(vertical) < 2:
        return None
    # Scanned rules come in pieces (noise, faint ink): join pieces with gaps a few points wide.
    return {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
            "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal,
            "snap_tolerance": 4, "join_tolerance": 12, "intersection_tolerance": 8, "edge_min_length": 20}


class Budget:
    """How many more pages may be OCR'd in this document, and why OCR stopped if it did."""

    def __init__(self, pages: int):
        self.left = pages
        self.unavailable: str | None = None
        self.skipped: list[int] = []

    def take(self, number: int) -> bool:
        if self.unavailable is None:
            try:
                ocr.check_tesseract()
            except ocr.OcrUnavailable as exc:
                self.unavailable = str(exc)
        if self.unavailable or self.left <= 0:
            self.skipped.append(number)
            return False
        self.left -= 1
        return True


@dataclass
class PageRead:
    """One page as read, with the geometry behind it (words, rules, cells) for the debug view."""

    page: PageLayout
    tables: list[PageTable]
    text: PageText
    words: list[Word]
    rules: list[ocr.Rule]
    cells: list[tuple[float, float, float, float]]
    warnings: list[str] = field(default_factory=list)
    # OCR pages: (box, the template's candidate digits or None) of each refused number (scan_scores.resolve)
    guesses: list[tuple[tuple[float, float, float, float], str | None]] = field(default_factory=list)


def _unnested(table):
    """The table with its cells unnested (scan_cells.unnested: a cell around other cells, lost rules' doing)."""
    cells = scan_cells.unnested(table.cells)
    return table if cells == table.cells else type(table)(table.page, cells)


def _read_scan(ppage, rendered):
    """(image with columns upright and rules erased, its rules, the tables they draw, OCR's reading, degrees
    turned) of a rendered scan. The page is read as it comes; only when that reading does not look upright
    (ocr.reads_upright) is Tesseract's orientation detection asked (~1 s a page) and the page read again turned."""
    def read(image):
        image = ocr.deshear(image)
        rules = ocr.find_rules(image)
        erased = ocr.erase_rules(image, rules)
        found = ppage.find_tables(settings) if (settings := _rule_settings(rules)) else []
        found = [_unnested(table) for table in found]
        # ruled cells are read each on its own crop, so a cell's text never runs into its neighbour's
        ruled = [cell for table in found for cell in table.cells]
        cells = ruled if ocr.cells_enabled() else []
        tables = [t for t, table in enumerate(found) for _ in table.cells] if cells else []
        reading = ocr.read_page(erased, cells=cells, tables=tables)
        if rules and ocr.page_pass_lost(erased, reading, ruled):
            # white strips on grey paper made Tesseract take the paper for ink: rules in the paper's grey
            grey = ocr.erase_rules(image, rules, fill=scan_cells.paper(image))
            again = ocr.read_page(grey, cells=cells, tables=tables)
            if ocr.page_words(again) > ocr.page_words(reading):
                erased, reading = grey, again
        return erased, rules, found, reading

    first = read(rendered)
    degrees = 0 if first[3].upright else ocr.page_rotation(rendered)
    if not degrees:
        return (*first, 0)
    # PIL turns counter-clockwise; Tesseract's Rotate is clockwise
    return (*read(rendered.rotate(-degrees, expand=True, fillcolor=255)), degrees)


FOOT_SHARE = 0.8  # a table whose last row ends below this share of the page's height reaches the page's foot
_PAGE_NUMBER = re.compile(r"^(?:[-–(]?\s*[0-9๐-๙]{1,3}\s*[-–)]?|หน้า\s*[0-9๐-๙]{1,3}(?:/[0-9๐-๙]{1,3})?)$")


def _page_top_rest(word_lines: list[list[Word]], word_boxes: list[list[tuple]], used: set[int], limit: float,
                   grid: list[float]) -> list[int]:
    """The lines atop a page, above any table found on it, that keep to the columns of a table without rules the
    last page ended with (`grid`): a row cut by the page break went on here (its method's last steps, the head
    repeated above them or not) in too few lines for a table of their own. Every word inside one column; a page
    number before them is skipped; a line across a column edge, or opening a numbered item in the first column (a
    heading, a new measure), ends them."""
    inner = grid[1:-1]
    members: list[int] = []
    for index, boxes in enumerate(word_boxes):
        if index in used or min(b[1] for b in boxes) >= limit:
            break
        text = " ".join(w.text for w in word_lines[index]).strip()
        if not members and _PAGE_NUMBER.match(text):
            continue
        if not _keeps_to_columns(boxes, grid[0], grid[-1], inner):
            break
        if (boxes[0][0] < inner[0] - 3 and starts_item(word_lines[index][0].text)) if inner else True:
            break
        members.append(index)
    return members


def _inherited_grid(edges: list[float], grids: list[list[float]], lines: list[list[tuple]]) -> list[float]:
    """The previous page's grid for a table without rules that has the same outer edges and a subset of its column
    edges (each within UNRULED_TOLERANCE), where no word below the head crosses an edge it lacks: the same table
    continued, one of whose gaps this page's few lines did not show (a tick column ticked in one row only). Else
    the page's own edges."""
    for grid in grids:
        if len(grid) <= len(edges) or abs(grid[0] - edges[0]) > UNRULED_TOLERANCE \
                or abs(grid[-1] - edges[-1]) > UNRULED_TOLERANCE:
            continue
        inner = grid[1:-1]
        if not all(any(abs(e - g) <= UNRULED_TOLERANCE for g in inner) for e in edges[1:-1]):
            continue
        extra = [g for g in inner if not any(abs(e - g) <= UNRULED_TOLERANCE for e in edges[1:-1])]
        body = lines[HEADER_LINES:]  # a merged title over sub-columns crosses their edges in the head
        if body and not any(b[0] < x - 1 and b[2] > x + 1 for x in extra for line in body for b in line):
            # a first (last) column these lines leave empty (a number column whose numbered line the run did not
            # take) lies outside their own edges: the grid's outer edge bounds it, no empty column of no width
            left = grid[0] if inner[0] <= edges[0] else edges[0]
            right = grid[-1] if inner[-1] >= edges[-1] else edges[-1]
            return [left] + inner + [right]
    return edges


def read_page(number: int, ppage, fpage, budget: Budget, grids: list[list[float]] = (),
              mapped_fonts: set[str] | None = None, foot_grids: list[list[float]] = ()) -> PageRead:
    """One page's lines and tables. `mapped_fonts` gathers the document's fonts whose SARA AA reads as SARA AM
    (_aa_as_am_fonts), so a page with little text in such a font (a table of contents) is read as the others."""
    width, height = float(ppage.width), float(ppage.height)
    text_page = fpage.get_textpage()
    pdfium_text = text_page.get_text_range()
    readable = page_is_readable(pdfium_text)
    if readable:
        use_pdfium(ppage, fpage, text_page)  # PDFium's reading of the page instead of pdfminer's, where it is plain
    ocr_used = _needs_ocr(ppage, pdfium_text, readable)
    found_tables, rules, image, digits, scale = [], [], None, None, 1.0
    if ocr_used:
        if not budget.take(number):
            empty = PageLayout(number, width, height, [], ocr=False, quality=0.0)
            return PageRead(empty, [], PageText(number, height, []), [], [], [])
        scale = ocr.paper_scale(fpage)  # measured in points of paper from here; back to page points at the end
        width, height = width / scale, height / scale
        image, rules, found_tables, reading, turned = _read_scan(ppage, ocr.render(fpage, ocr.DPI / scale))
        if turned in (90, 270):  # a sideways page: its lines and cells are measured on the upright image
            width, height = height, width
        digits = reading.digits
        words = [Word(w.text, w.x0, w.top, w.x1, w.bottom, conf=w.conf) for w in reading.words]
    else:
        mapped = _aa_as_am_fonts(ppage.chars)
        if mapped_fonts is not None:
            mapped_fonts |= mapped
            mapped = mapped_fonts
        _remap_aa(ppage.chars, mapped)
        _marks_on_their_letters(ppage.chars)
        words = _text_words(ppage, mapped)
        ruling = _without_grounds(ppage)
        found_tables = _closed_at_page_foot(ruling, ruling.find_tables())
        found_tables += _cut_row_tables(ruling, found_tables)
    # the page's SARA AA glyphs: where PDFium's box of a browser's /ActualText `ำ` falls short (invented_spaces).
    # Never `ำ` itself: on a page built from PDFium's reading that `ำ` is PDFium's, widened to the next letter
    # (pdf_objects._close_sara_am), and would vouch for its own gap whatever stands in it
    sara_aa = [] if ocr_used else [(c["x0"], c["x1"], c["y0"], c["y1"]) for c in ppage.chars if c["text"] == "า"] + [
        c["sara_aa"] for c in ppage.chars if "sara_aa" in c]  # those inside a browser's /ActualText `ำ` (pdf_objects)
    reader = _PageReader(number, height, text_page, words, ocr_used, image, digits, sara_aa)
    fills = [] if ocr_used else _fills(ppage)
    lines, bold = reader.lines()
    ruled = reader.tables(found_tables, fills, [] if ocr_used else ppage.chars) if found_tables else []
    if not ocr_used:
        for table in (t for t in ruled if _header_only(t)):
            table.rules_to = _column_rules_bottom(ppage, table)
    unruled = reader.borderless_tables(ruled, () if ocr_used else grids, () if ocr_used else foot_grids)
    if not ocr_used:
        rules = _across_rules(ppage)
        for table in unruled:
            _one_head_between_rules(table, rules)
    tables = sorted(ruled + unruled, key=lambda t: t.top)
    if reader.qualities:
        quality = sum(reader.qualities) / len(reader.qualities)
    else:
        quality = text_quality_of("\n".join(line.text for line in lines))
    page = PageLayout(number, width, height, lines, ocr=ocr_used, text_engine=reader.engine(), quality=quality)
    cells = [cell for table in found_tables for cell in table.cells]
    guesses = scan_scores.unread_guesses(image, words, _pixels) if ocr_used else []
    read = PageRead(page, tables, PageText(number, height, lines, bold), words, rules, cells, reader.warnings, guesses)
    return _in_page_points(read, scale) if scale != 1.0 else read


def _across_rules(ppage) -> list[tuple[float, float, float]]:
    """Horizontal rules of the page (lines and hairline rectangles) as (x0, y, x1); a rule drawn a cell at a time
    (a browser's cell borders) is one rule where its pieces meet."""
    pieces = [(o["x0"], (o["top"] + o["bottom"]) / 2, o["x1"]) for o in ppage.lines if o["bottom"] - o["top"] < 1.5]
    pieces += [(o["x0"], (o["top"] + o["bottom"]) / 2, o["x1"]) for o in ppage.rects
               if o["bottom"] - o["top"] < 1.5 and o["x1"] - o["x0"] > 3]
    out: list[tuple[float, float, float]] = []
    for x0, y, x1 in sorted(pieces, key=lambda r: (round(r[1]), r[0])):
        if out and abs(out[-1][1] - y) < 1.0 and x0 <= out[-1][2] + 2.0:
            out[-1] = (out[-1][0], out[-1][1], max(out[-1][2], x1))
        else:
            out.append((x0, y, x1))
    return sorted(out, key=lambda r: r[1])


def _one_head_between_rules(table: PageTable, rules: list[tuple[float, float, float]]) -> None:
    """A table without column rules whose head is ruled above and below (lines around the header only, Word's and
    Google Docs' styles): every line between those two rules is the head's, one row, whatever its words. The head's
    lines are otherwise told by their words, and a wrapped head cell's last line (`ความโปร่งใส` under
    `แนวทางขับเคลื่อน`) in a wording the parser does not know is taken for a body row."""
    if len(table.rows) < 2 or not looks_like_header(table.rows[0], table.n_cols):
        return
    width = table.x1 - table.x0
    across = [y for x0, y, x1 in rules if x0 <= table.x0 + 0.05 * width and x1 >= table.x1 - 0.05 * width]
    first = table.rows[0]
    middle = (first.top + first.bottom) / 2
    above = [y for y in across if y <= middle and y >= first.top - 0.5 * (first.bottom - first.top)]
    below = [y for y in across if y > middle]
    if not above or not below:
        return
    bottom = below[0]
    inside = 1
    while inside < len(table.rows) and (table.rows[inside].top + table.rows[inside].bottom) / 2 < bottom:
        inside += 1
    if inside < 2 or inside == len(table.rows):
        return  # one row already, or nothing under the head: a ruled band that holds the whole table
    head = table.rows[0]
    for row in table.rows[1:inside]:
        head = join_rows(head, row)
    head.header = True
    table.rows[:inside] = [head]


def _closed_at_page_foot(ppage, found_tables) -> list:
    """A table whose column rules run on past its last rule to the page's foot (a page break cut its last row) has
    no cell where a merged cell reaches that row: the responsible and period merged over the last measures lose
    their whole column, and the cut row's cells under one are read from loose words, not known to be covered. Closed
    by a rule where its rules end, the table keeps every column and the cut row is a row of cells; it replaces the
    table found only where it has more columns or just that row more (a header alone keeps its own reading)."""
    height = float(ppage.height)
    out = []
    for table in found_tables:
        x0, top, x1, bottom = table.bbox
        # rules drawn on to the page's edge and past it are the printer's overflow into the foot margin (Chromium
        # paints the next page's repeated head there, clipped), not the sides of a cut row
        below = [e for e in ppage.vertical_edges if x0 - 1 <= e["x0"] <= x1 + 1 and e["top"] <= bottom + 3
                 and bottom + 3 < e["bottom"] < height - 1]
        end = min(height, max((e["bottom"] for e in below), default=bottom))
        if end < 0.85 * height or end <= bottom + 3:
            out.append(table)
            continue
        band = ppage.crop((max(0.0, x0), bottom + 1, min(float(ppage.width), x1), end), strict=False)
        if not any(len(w["text"]) >= 4 for w in band.extract_words()):
            out.append(table)  # nothing but clipped glyph tops there (a head printed into the foot margin): no row
            continue
        line = {"x0": x0, "x1": x1, "top": end, "bottom": end, "width": x1 - x0, "height": 0, "object_type": "line"}
        region = ppage.crop((max(0.0, x0 - 2), max(0.0, top - 0.5), min(float(ppage.width), x1 + 2), min(height, end + 0.5)),
                            strict=False)
        closed = [t for t in region.find_tables({"explicit_horizontal_lines": [line]}) if abs(t.bbox[1] - top) <= 2]
        wider = max(closed, key=lambda t: t.bbox[3] - t.bbox[1], default=None)
        cols = lambda t: max(len(r.cells) for r in t.rows)  # noqa: E731
        if wider is not None and (cols(wider) > cols(table) or (
                cols(wider) == cols(table) and len(table.rows) >= 2 and len(wider.rows) == len(table.rows) + 1)):
            out.append(wider)
        else:
            out.append(table)
    return out


def _cut_row_tables(ppage, found_tables) -> list:
    """Tables whose column rules a page break left without a rule above or below: a row the printer cut at both
    ends of the page (Chromium draws a broken row's side borders to the page's margins and its top and bottom
    rules nowhere on that page), or the rest of a cut row above the first rule of the page's table. The rules form
    no cell; the ends of the rules close the cells, and the first row is then the rest of the last row of the page
    before, as in any ruled table (tables.build_tables)."""
    height = float(ppage.height)
    tall = [e for e in ppage.vertical_edges if e["bottom"] - e["top"] > 20 and e["top"] < height]
    # rules inside a table found, or running on below one (a row cut before its bottom rule: rules_to), are that
    # table's; rules running down to a table's top rule from the page's top are a cut row's above it
    free = [e for e in tall if not any(t.bbox[0] - 3 <= e["x0"] <= t.bbox[2] + 3
                                       and (t.bbox[1] - 1 <= (e["top"] + e["bottom"]) / 2 <= t.bbox[3] + 1
                                            or abs(e["top"] - t.bbox[3]) <= 3)
                                       for t in found_tables)]
    bands: list[list[dict]] = []  # runs of rules one below the other without a break
    for e in sorted(free, key=lambda e: e["top"]):
        if bands and e["top"] <= max(x["bottom"] for x in bands[-1]) + 3:
            bands[-1].append(e)
        else:
            bands.append([e])
    out = []
    for band in bands:
        xs: list[float] = []
        for x in sorted(e["x0"] for e in band):
            if not xs or x - xs[-1] > 3:
                xs.append(x)
        top, bottom = max(0.0, min(e["top"] for e in band)), min(height, max(e["bottom"] for e in band))
        if len(xs) < 4 or (top > 0.15 * height and bottom < 0.85 * height):  # 3 columns; a page break cut it
            continue
        if any(abs(e["bottom"] - top) <= 3 for e in tall if not any(e is f for f in free)):
            continue  # a table's rules running on into the foot margin (the printer's overflow), not a row
        region = ppage.crop((max(0.0, xs[0] - 2), top - 0.5 if top >= 0.5 else 0.0, min(float(ppage.width), xs[-1] + 2),
                             min(height, bottom + 0.5)), strict=False)
        if not any(len(w["text"]) >= 4 for w in region.extract_words()):
            continue  # no text, or only the clipped glyph tops of a head printed into the foot margin
        line = lambda y: {"x0": xs[0], "x1": xs[-1], "top": y, "bottom": y, "width": xs[-1] - xs[0],  # noqa: E731
                          "height": 0, "object_type": "line"}
        cut = region.find_tables({"explicit_horizontal_lines": [line(top), line(bottom)]})
        out += [t for t in cut if t.bbox[1] >= top - 1 and t.bbox[3] <= bottom + 1
                and not any(t.bbox[1] < f.bbox[3] - 1 and f.bbox[1] < t.bbox[3] - 1 for f in found_tables)]
    return out


def _in_page_points(read: PageRead, scale: float) -> PageRead:
    """A page read in points of paper (ocr.paper_scale) with every box, line and provenance in the PDF's own
    points again, which is what the records promise."""
    def box(b):
        return tuple(round(v * scale, 2) for v in b)

    def source(p: Provenance | None) -> Provenance | None:
        return None if p is None else replace(p, bbox=box(p.bbox))

    lines = [TextLine(t.text, *box((t.x0, t.top, t.x1, t.bottom)), page=t.page, raw=t.raw, engine=t.engine,
                      confidence=t.confidence) for t in read.page.lines]
    page = PageLayout(read.page.number, read.page.width * scale, read.page.height * scale, lines, read.page.ocr,
                      read.page.text_engine, read.page.quality)
    tables = [PageTable(t.page, *box((t.x0, t.top, t.x1, t.bottom)), [e * scale for e in t.col_edges],
                        [RawRow(r.cells, r.n_real, r.top * scale, r.bottom * scale, r.bold,
                                [source(p) for p in r.sources], r.spanned) for r in t.rows]) for t in read.tables]
    text = PageText(read.text.number, read.text.height * scale, lines, read.text.bold_lines)
    words = [Word(w.text, *box((w.x0, w.top, w.x1, w.bottom)), w.bold, w.conf) for w in read.words]
    rules = [ocr.Rule(*box((r.x0, r.top, r.x1, r.bottom))) for r in read.rules]
    return PageRead(page, tables, text, words, rules, [box(c) for c in read.cells], read.warnings,
                    [(box(b), guess) for b, guess in read.guesses])


# Page by page, the wordings snapped in OCR'd cells (page -> [(snapped text, the cell as read)]): a cell a page
# break cut is joined after that, and its pieces must go back to what was read before the whole is snapped.
Snapped = dict[int, list[tuple[str, str]]]


def _document_vocabularies(pages: list[PageLayout], page_tables: list[PageTable]) -> tuple[list[str], Snapped]:
    """OCR'd table cells: the years of date expressions read against the years the document prints clearly
    (scan_cleanup.constrain_years), and cells that read as a catalog question wording written as the catalog
    prints it, for those years (scan_vocab.snap_wording); the warnings of near misses, and what was snapped
    (the page's snapped codes tell the joining of cut rows where a row starts)."""
    ocr_pages = {page.number for page in pages if page.ocr}
    warnings: list[str] = []
    snapped: Snapped = {}
    if not ocr_pages:
        return warnings, snapped
    texts = [line.text for page in pages if page.ocr for line in page.lines]
    years = scan_cleanup.document_years(texts)
    for t, table in enumerate(page_tables):
        if table.page in ocr_pages:
            # the page's reading is kept for a later full reading of the document (extract_layout's `reads`):
            # the document's vocabularies go on copies, so that reading sees its cells as OCR read them
            table = page_tables[t] = replace(table, rows=[replace(row, cells=list(row.cells)) for row in table.rows])
            for row in table.rows:
                row.cells[:] = [scan_cleanup.constrain_years(cell, years) for cell in row.cells]
                for c, cell in enumerate(row.cells):
                    row.cells[c], warning = scan_vocab.snap_wording(cell, years)
                    if row.cells[c] != cell:
                        snapped.setdefault(table.page, []).append((row.cells[c], cell))
                    if warning:
                        warnings.append(f"page {table.page}: {warning}")
    return warnings, snapped


def _as_read(cell: str, pieces: list[tuple[str, str]]) -> str:
    """A joined cell with every piece snapped on its own page written back as OCR read it, when the cell holds
    more than that piece (the rest of a cut cell snapped whole would print its first part twice once joined:
    `ผู้บังคับบัญชาใน` + `ผู้บังคับบัญชาในหน่วยงานของท่าน…`); a cell that is one snapped piece stays as it is."""
    whole = cell.strip()
    for snapped, read in sorted(pieces, key=lambda piece: -len(piece[0])):
        snapped = join_lines(snapped)  # as the joining of tables wrote it (a kept prefix's line breaks joined)
        if snapped != whole and snapped in cell:
            cell = cell.replace(snapped, join_lines(read), 1)
    return cell


def _join_cut_wordings(table, read: dict[str, str], ocr_pages: set[int], years: set[int]) -> None:
    """A page's last body row and the next page's first that the table joining left apart, joined when their first
    cells as OCR read them are one catalog wording a page break cut (scan_vocab.cut_wording: `ib* หน่วยงานของ`
    over `ท่าน มีการใช้งบ…`, the code garbled past the list-number rule `tables._continues_row` goes by); the
    lower row opens no item of its own. `read`: page-snapped cell -> the cell as read."""
    k = 0
    while k + 1 < len(table.rows):
        above = table.rows[k]
        at = next((j for j in range(k + 1, len(table.rows)) if table.rows[j].kind != "header"), None)
        below = table.rows[at] if at is not None else None
        if below is None or above.kind != "body" or below.kind != "body" or below.page == above.page \
                or not {above.page, below.page} <= ocr_pages or not above.cells or not below.cells:
            k += 1
            continue
        first = read.get(below.cells[0], below.cells[0])
        if first.strip() and not starts_item(first) \
                and scan_vocab.cut_wording(read.get(above.cells[0], above.cells[0]), first, years):
            cells = [read.get(c, c) for c in below.cells]
            above.cells[0] = read.get(above.cells[0], above.cells[0])
            for column, text in enumerate(cells[:len(above.cells)]):
                if text.strip():
                    above.cells[column] = join_lines(f"{above.cells[column]}\n{text}")
                    above.sources += [None] * (len(above.cells) - len(above.sources))
                    above.sources[column] = merge_sources(above.sources[column], below.source(column))
            del table.rows[at]
            continue
        k += 1


def _snap_joined_wordings(pages: list[PageLayout], tables: list, ocr_pages: set[int],
                          snapped: Snapped | None = None) -> None:
    """OCR'd cells that a page break cut in two, snapped to a catalog wording once joined (scan_vocab.snap_wording),
    and indicator rows' names (scan_vocab.snap_indicator_row):
    neither half is the whole wording the page tables were snapped against (`ew ท่านเคยใช้งาน…` on one page, `…ของ
    หน่วยงานหรือไม่` on the next), and a half snapped on its page is joined as it was read (`_as_read`), so the cell
    is snapped as a whole. Cells already snapped are catalog text and stay as they are."""
    if not ocr_pages:
        return
    years = scan_cleanup.document_years([line.text for page in pages if page.ocr for line in page.lines])
    for table in tables:
        if set(table.pages) & ocr_pages:
            pieces = [piece for page in table.pages for piece in (snapped or {}).get(page, [])]
            _join_cut_wordings(table, {join_lines(s): join_lines(r) for s, r in pieces}, ocr_pages, years)
            for row in table.rows:
                if pieces:
                    row.cells[:] = [_as_read(cell, pieces) if cell else cell for cell in row.cells]
                row.cells[:] = [scan_vocab.snap_wording(cell, years)[0] if cell else cell for cell in row.cells]
                # an indicator's row, joined first: a name cut by a page break is no name cut short
                row.cells[:] = scan_vocab.snap_indicator_row(row.cells)


def extract_layout(path: str | os.PathLike, doc_id: str = "", pages: Iterable[int] | None = None,
                   reads: dict[int, PageRead] | None = None) -> DocumentLayout:
    """The document's pages, lines and tables.

    `pages` (1-based numbers) reads only those pages (triage looks at the first ones); `n_pages` is still the
    document's. `reads` keeps every page read, by number, and reuses the pages already in it, so that a full
    reading after a look at the first pages neither reads nor OCRs them twice (their OCR counts against the
    document's OCR budget all the same).
    """
    path = os.fspath(path)
    wanted = None if pages is None else set(pages)
    reads = {} if reads is None else reads
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise LayoutError(f"not a readable PDF: {exc}") from exc
    pages: list[PageLayout] = []
    page_tables: list[PageTable] = []
    page_texts: list[PageText] = []
    guesses: dict[int, list] = {}
    warnings: list[str] = []
    unread: list[int] = []
    budget = Budget(max_ocr_pages())
    try:
        try:
            plumber = open_pdf(path)
        except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on damaged files
            raise LayoutError(f"not a readable PDF: {type(exc).__name__}: {exc}") from exc
        mapped_fonts: set[str] = set()
        with plumber, quiet_pdfminer():
            n_pages = min(len(plumber.pages), len(pdf))
            for number in range(1, n_pages + 1):
                if wanted is not None and number not in wanted:
                    continue
                ppage, fpage = plumber.pages[number - 1], None if number in reads else pdf[number - 1]
                try:
                    if fpage is None:
                        read = reads[number]
                        budget.left -= read.page.ocr
                    else:
                        # the previous page's tables without rules: a table continued here keeps its grid
                        before = reads.get(number - 1)
                        grids = [t.col_edges for t in before.tables if not _ruled_table(t)] \
                            if before is not None and not before.page.ocr else []
                        # of those, the ones that reach the page's foot: a row they cut may go on atop this page
                        foot = [t.col_edges for t in before.tables if not _ruled_table(t)
                                and t.bottom >= FOOT_SHARE * before.page.height] if grids else []
                        read = read_page(number, ppage, fpage, budget, grids, mapped_fonts, foot)
                        if number not in budget.skipped:  # a page left unread is not a reading to reuse
                            reads[number] = read
                    page, tables, text = read.page, read.tables, read.text
                    warnings += read.warnings
                    guesses[number] = read.guesses
                except Exception as exc:  # noqa: BLE001 - one bad page must not lose the document
                    warnings.append(f"page {number} could not be read: {type(exc).__name__}: {exc}")
                    unread.append(number)
                    page = PageLayout(number, float(ppage.width), float(ppage.height), [], quality=0.0)
                    tables, text = [], PageText(number, float(ppage.height), [])
                pages.append(page)
                page_tables += tables
                page_texts.append(text)
                ppage.close()
    finally:
        pdf.close()
    vocabulary_warnings, snapped = _document_vocabularies(pages, page_tables)
    warnings += vocabulary_warnings
    if budget.skipped:
        reason = budget.unavailable or f"OCR limit of {max_ocr_pages()} pages per document reached (ITA_MAX_OCR_PAGES)"
        warnings.append(f"{len(budget.skipped)} page(s) without a text layer were not read: {reason}")
    incomplete = bool(budget.skipped or unread)
    tables = build_tables(page_tables, page_texts)
    ocr_pages = {page.number for page in pages if page.ocr}
    for table in tables:
        if table.header and table.pages and table.pages[0] in ocr_pages:  # OCR'd headers: closed vocabulary
            table.header = [scan_cleanup.snap_header(cell) for cell in table.header]
    _snap_joined_wordings(pages, tables, ocr_pages, snapped)
    layout = DocumentLayout(doc_id, n_pages, pages, tables, warnings, incomplete)
    if ocr_pages:
        scan_scores.resolve(layout, guesses)
    return layout
