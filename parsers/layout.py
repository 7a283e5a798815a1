"""Layout stage: PDF → pages of text lines and logical tables.

pdfplumber gives the geometry (words, ruling lines, cells); the text of every line and cell is read
by both PDFium and pdfplumber and the better-scoring reading is kept (parsers/pdf_text.py). Pages
without a usable text layer are rendered and read by Tesseract (parsers/ocr.py); their ruling lines
are found in the image so the same table logic (parsers/tables.py) applies to scans.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pdfplumber
import pypdfium2 as pdfium

from normalizers.thai_text import MARKS
from parsers import ocr
from parsers.ocr_digits import Learned, cell_number
from parsers.pdf_text import choose, invented_spaces, join_lines, page_is_readable, pdfium_bounded, same_letters
from parsers.pdf_text import quality as text_quality_of
from parsers.tables import (PageTable, PageText, RawRow, build_tables, column_of, find_borderless, merge_sources,
                            merge_wrapped_rows)
from parsers.records import DocumentLayout, PageLayout, Provenance, TextLine

# OCR is bounded so a 159-page scan cannot hold a worker for many minutes; override with ITA_MAX_OCR_PAGES.
DEFAULT_MAX_OCR_PAGES = 30
LINE_TOLERANCE = 3.0  # points two words' tops may differ and still be one line
SEGMENT_GAP = 8.0  # points between words that split a line into separately read segments
# Thai marks standing on no letter: at the start of a line or after a space.
_ORPHAN_MARKS = re.compile(rf"(?:^|(?<=\s))[{MARKS}]+[ \t]*", re.MULTILINE)
_LEADING_MARKS = re.compile(rf"^\s*[{MARKS}]+[ \t]*")
GARBAGE_QUALITY = 0.3  # a text layer this bad is re-read by OCR (samples score >= 0.87, legacy fonts ~0.05)


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


class _PageReader:
    """Reads the lines and tables of one page from its words (text layer or OCR), counting engines used."""

    def __init__(self, number: int, height: float, text_page, words: list[Word], ocr_used: bool, image=None,
                 digits: Learned | None = None):
        self.number, self.height, self.words, self.ocr_used = number, height, words, ocr_used
        self.image = image  # OCR pages: the page image (rules erased) that cells are read again from
        self.digits = digits  # and its digits: font family and clearly read glyphs (parsers.ocr_digits.Learned)
        self.text_page = text_page
        self.invented = invented_spaces(text_page) if not ocr_used else []
        self.engines: Counter[str] = Counter()
        self.qualities: list[float] = []
        self.last_engine, self.last_confidence = "", 1.0  # of the latest read(): the provenance of its text

    def source(self, box, text: str) -> Provenance:
        """Provenance of the text the latest read() returned for `box`."""
        return Provenance(self.number, tuple(round(v, 2) for v in box), text, self.last_engine, self.last_confidence)

    def read(self, box, plumber_text: str, words: list[Word] | None = None, reach=(0.0, 0.0)) -> str:
        """Text of a region; `words` are its own words when known (a line segment), else found by box.

        `reach` (up, down) lets PDFium look past the box for the marks of these letters; the wider
        reading is kept only when it adds marks, never letters of a neighbouring line (tall fonts).
        """
        if self.ocr_used:
            self.engines["tesseract"] += 1
            inside = words or [w for w in self.words if _inside(w, box)]
            self.last_engine = "tesseract"
            self.last_confidence = round(min((w.conf for w in inside), default=0.0) / 100, 3)
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
            if text.strip():
                if all(w.bold for w in words):
                    bold.add(len(lines))
                engine = engines.most_common(1)[0][0] if engines else ""
                lines.append(TextLine(text, *_box(words), page=self.number, raw=text, engine=engine,
                                      confidence=confidence))
        return lines, bold

    def tables(self, found_tables) -> list[PageTable]:
        out = []
        for found in found_tables:
            extracted = found.extract() if not self.ocr_used else None
            rows = []
            for r, row in enumerate(found.rows):
                cells, sources, n_real = [], [], 0
                for c, cell in enumerate(row.cells):
                    if cell is None:
                        cells.append("")
                        sources.append(None)
                        continue
                    n_real += 1
                    plumber_text = (extracted[r][c] or "") if extracted else ""
                    text = self.read(cell, plumber_text)
                    if self.image is not None:
                        number = self._cell_number(cell, text)
                        if number != text:
                            self.last_engine = "template"
                        text = number
                    cells.append(text)
                    sources.append(self.source(cell, text) if text.strip() else None)
                row_words = [w for w in self.words if _inside(w, row.bbox)]
                bold = bool(row_words) and all(w.bold for w in row_words)
                rows.append(RawRow(cells, n_real, row.bbox[1], row.bbox[3], bold, sources))
            if rows:
                x0, top, x1, bottom = found.bbox
                out.append(PageTable(self.number, x0, top, x1, bottom, _col_edges(found), rows))
        return out

    def _cell_number(self, box, text: str) -> str:
        """OCR pages: the cell's number read again from the page image (parsers.ocr_digits.cell_number)."""
        scale = ocr.DPI / 72
        pixels = (round(box[0] * scale) + 1, round(box[1] * scale) + 1, round(box[2] * scale) - 1, round(box[3] * scale) - 1)
        return cell_number(self.image, pixels, text, self.digits)

    def borderless_tables(self) -> list[PageTable]:
        """Tables without rules, from text aligned in columns; a line with an empty first cell wraps the row above."""
        lines = [_segments(line, SEGMENT_GAP) for line in _group_lines(self.words)]
        out = []
        for starts, members in find_borderless([[_box(seg) for seg in line] for line in lines]):
            rows = []
            for index in members:
                cells = [""] * len(starts)
                sources: list[Provenance | None] = [None] * len(starts)
                for segment in lines[index]:
                    column = column_of(_box(segment), starts)
                    text = self.read(_box(segment), " ".join(w.text for w in segment), segment)
                    cells[column] = join_lines(f"{cells[column]}\n{text}")
                    sources[column] = merge_sources(sources[column], self.source(_box(segment), text))
                words = [w for seg in lines[index] for w in seg]
                _, top, _, bottom = _box(words)
                rows.append(RawRow(cells, len(starts), top, bottom, all(w.bold for w in words), sources))
            x1 = max(_box(lines[m][-1])[2] for m in members)
            table = PageTable(self.number, starts[0], rows[0].top, x1, rows[-1].bottom, starts + [x1], rows)
            out.append(merge_wrapped_rows(table))
        return out

    def engine(self) -> str:
        if self.ocr_used:
            return "tesseract"
        if len(self.engines) > 1:
            return "mixed"
        return next(iter(self.engines), "")


def _text_words(ppage) -> list[Word]:
    words = ppage.extract_words(extra_attrs=["fontname"], keep_blank_chars=False)
    return [Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"], "bold" in w["fontname"].lower()) for w in words]


def _needs_ocr(ppage, text_page) -> bool:
    """No usable text layer, but something drawn that OCR could read: an image or many curves (a scan),
    or text whose layer is garbage (legacy Thai font encodings print right but extract as `#$ก%`)."""
    pdfium_text = text_page.get_text_range()
    plumber_text = "".join(c["text"] for c in ppage.chars)
    if page_is_readable(pdfium_text) or page_is_readable(plumber_text):
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


def read_page(number: int, ppage, fpage, budget: Budget) -> PageRead:
    width, height = float(ppage.width), float(ppage.height)
    text_page = fpage.get_textpage()
    ocr_used = _needs_ocr(ppage, text_page)
    found_tables, rules, image, digits = [], [], None, None
    if ocr_used:
        if not budget.take(number):
            empty = PageLayout(number, width, height, [], ocr=False, quality=0.0)
            return PageRead(empty, [], PageText(number, height, []), [], [], [])
        image = ocr.render(fpage)
        rules = ocr.find_rules(image)
        image = ocr.erase_rules(image, rules)
        ocr_words, digits = ocr.ocr_page(image)
        words = [Word(w.text, w.x0, w.top, w.x1, w.bottom, conf=w.conf) for w in ocr_words]
        if settings := _rule_settings(rules):
            found_tables = ppage.find_tables(settings)
    else:
        words = _text_words(ppage)
        found_tables = ppage.find_tables()
    reader = _PageReader(number, height, text_page, words, ocr_used, image, digits)
    lines, bold = reader.lines()
    tables = reader.tables(found_tables) if found_tables else reader.borderless_tables()
    if reader.qualities:
        quality = sum(reader.qualities) / len(reader.qualities)
    else:
        quality = text_quality_of("\n".join(line.text for line in lines))
    page = PageLayout(number, width, height, lines, ocr=ocr_used, text_engine=reader.engine(), quality=quality)
    cells = [cell for table in found_tables for cell in table.cells]
    return PageRead(page, tables, PageText(number, height, lines, bold), words, rules, cells)


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
    warnings: list[str] = []
    unread: list[int] = []
    budget = Budget(max_ocr_pages())
    try:
        try:
            plumber = pdfplumber.open(path)
        except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on damaged files
            raise LayoutError(f"not a readable PDF: {type(exc).__name__}: {exc}") from exc
        with plumber:
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
                        read = read_page(number, ppage, fpage, budget)
                        if number not in budget.skipped:  # a page left unread is not a reading to reuse
                            reads[number] = read
                    page, tables, text = read.page, read.tables, read.text
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
    if budget.skipped:
        reason = budget.unavailable or f"OCR limit of {max_ocr_pages()} pages per document reached (ITA_MAX_OCR_PAGES)"
        warnings.append(f"{len(budget.skipped)} page(s) without a text layer were not read: {reason}")
    incomplete = bool(budget.skipped or unread)
    return DocumentLayout(doc_id, n_pages, pages, build_tables(page_tables, page_texts), warnings, incomplete)
