"""Digits in scans, re-read by template matching.

Tesseract's Thai model reads Thai digits poorly (๒๕๖๗ → ๒๕๒๓ or `ade` on a clean crop, even with a digit
whitelist), and every year, score and date of a scanned ITA document is made of them. There are only ten
Thai and ten Arabic digit glyphs, so each glyph of a word that looks numeric is compared with templates
rendered from the Thai fonts installed with the project (fonts-thai-tlwg) and the word is replaced only when
every glyph matches a digit clearly. Downstream checks (years 2550-2580, scores 0-100) still apply.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from scipy import ndimage


FONT_DIRS = (Path("/usr/share/fonts/truetype/tlwg"), Path("/usr/share/fonts/opentype/tlwg"),
             Path("/usr/share/fonts/truetype/noto"))  # fonts-noto-core: Noto Sans/Serif/Looped Thai
# Folders of fonts for every script: only the Thai faces are digit templates.
_THAI_ONLY_DIRS = ("noto",)
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
GLYPH_SIZES = ((16, 22), (20, 28), (24, 34))  # width, height of the normalised glyph pictures (see _normalise)
MIN_SIMILARITY = 0.80  # correlation a glyph needs with its best template
MIN_MARGIN = 0.005  # and its lead over the best template of another digit value
# A weaker match is still clear when no other digit comes near: thick scanned print (`๘` of Loma at 200 dpi
# scores 0.79, the next digit 0.60). Measured on the scan benchmark (scripts/make_scans.py).
WEAK_SIMILARITY, WEAK_MARGIN = 0.70, 0.12
MIN_GLYPH_PIXELS = 12  # height of the smallest digit read (300 dpi: about 3 points)
MIN_FONT_GLYPHS = 6  # digits a page needs before its font family is trusted
MIN_FONT_FIT = 0.85  # mean similarity of those digits with that family's templates
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
_DIGIT = re.compile(r"[0-9๐-๙]")
_THAI_DIGIT = re.compile(r"[๐-๙]")
UNREAD = "#"  # stands for a number the page prints but that could not be read reliably
_WORD = re.compile(r"^[A-Z][a-z]{2,}$")
_NUMERIC_SHAPE = re.compile(r"^[\w.,:()\-/]{1,6}$", re.ASCII)


def _normalise(mask: np.ndarray, sizes=GLYPH_SIZES) -> np.ndarray:
    """A glyph's (or a word's: sizes=WORD_SIZES) ink, cropped and scaled into fixed boxes keeping its aspect
    ratio, as a unit vector: a coarse and a fine picture, zero-mean and weighted equally, so a similarity is the
    mean of the two correlations. The coarse one forgives stroke width and noise; the fine one sees the small
    tail that tells `๕` from `๔` (either alone misreads one of them in some font)."""
    rows, cols = np.nonzero(mask)
    crop = Image.fromarray((mask[rows.min(): rows.max() + 1, cols.min(): cols.max() + 1] * 255).astype(np.uint8))
    parts = []
    for box_w, box_h in sizes:
        scale = min(box_w / crop.width, box_h / crop.height)
        size = (max(1, round(crop.width * scale)), max(1, round(crop.height * scale)))
        canvas = Image.new("L", (box_w, box_h), 0)
        canvas.paste(crop.resize(size, Image.BILINEAR), ((box_w - size[0]) // 2, (box_h - size[1]) // 2))
        vector = np.asarray(canvas, dtype=np.float32).ravel()
        vector -= vector.mean()
        norm = np.linalg.norm(vector)
        parts.append(vector / norm if norm else vector)
    return np.concatenate(parts) / np.sqrt(len(parts))


def _font_files() -> list[Path]:
    upright = []
    for folder in FONT_DIRS:
        for path in sorted(folder.glob("*.[ot]tf")) if folder.exists() else []:
            if folder.name in _THAI_ONLY_DIRS and "Thai" not in path.stem:
                continue
            if not any(slant in path.stem for slant in ("Oblique", "Italic")):
                upright.append(path)
    return upright


def _drawn_masks(font, texts, canvas: tuple[int, int] = (140, 140), at: tuple[int, int] = (30, 20)):
    """(text, ink mask) of each text the font draws: not blank, and not the box it draws for glyphs it lacks
    (as many `\uffff` as the text has characters), so a template is never a missing glyph's box."""
    def draw(text: str) -> np.ndarray:
        image = Image.new("L", canvas, 255)
        ImageDraw.Draw(image).text(at, text, font=font, fill=0)
        return np.asarray(image) < 128
    missing: dict[int, np.ndarray] = {}
    for text in texts:
        mask = draw(text)
        if len(text) not in missing:
            missing[len(text)] = draw("\uffff" * len(text))
        if mask.any() and not np.array_equal(mask, missing[len(text)]):
            yield text, mask


@lru_cache(maxsize=1)
def _template_set() -> tuple[np.ndarray, tuple[str, ...], np.ndarray, tuple[str, ...]]:
    """(template vectors, the Arabic digit of each, the font family index of each, the family names)."""
    vectors, values, families, names = [], [], [], []
    for path in _font_files():
        family = path.stem.split("-")[0]  # Norasi and Norasi-Bold print the same digit shapes
        if family not in names:
            names.append(family)
        font = ImageFont.truetype(str(path), 64)
        for glyphs in (THAI_DIGITS, ARABIC_DIGITS):
            value_of = dict(zip(glyphs, ARABIC_DIGITS))
            for glyph, mask in _drawn_masks(font, glyphs):  # Noto Thai has no Latin digits
                vectors.append(_normalise(mask))
                values.append(value_of[glyph])
                families.append(names.index(family))
    if not vectors:
        return np.zeros((0, sum(w * h for w, h in GLYPH_SIZES)), dtype=np.float32), (), np.zeros(0, int), ()
    return np.stack(vectors), tuple(values), np.asarray(families), tuple(names)


def templates() -> tuple[np.ndarray, tuple[str, ...]]:
    """(matrix of template vectors, the Arabic digit each one stands for). Empty when no Thai font is installed."""
    matrix, values, _, _ = _template_set()
    return matrix, values


# A page's own clearly read digits become extra templates for the rest of the page (the scan's print of
# that font at that size): a glyph that clears these against the font's templates is kept as one.
LEARN_SIMILARITY, LEARN_MARGIN = 0.92, 0.06
LEARNED_MARGIN = 0.05  # a reading whose best match is a learned glyph needs this lead over every other digit


class Learned:
    """Digit pictures read clearly on one page (unit vectors, their digits), used as templates there, and
    the page's font family (page_font)."""

    def __init__(self, font: int | None = None) -> None:
        self.font = font
        self.vectors: list[np.ndarray] = []
        self.values: list[str] = []

    def add(self, vector: np.ndarray, value: str) -> None:
        self.vectors.append(vector)
        self.values.append(value)


def _classify_scored(mask: np.ndarray, font: int | None = None, learned: Learned | None = None,
                     collect: list | None = None) -> tuple[str | None, float]:
    """(digit, similarity) of a glyph, digit None when no template matches clearly; with `font` (a family
    index, see page_font) only that family's templates count. `learned` adds the page's own digits;
    `collect` receives (vector, digit) for a glyph read clearly enough to be learned."""
    matrix, values, families, _ = _template_set()
    vector = _normalise(mask)
    scores = matrix @ vector
    if font is not None:
        keep = families == font
        scores, values = scores[keep], tuple(v for v, k in zip(values, keep) if k)
    n_font = len(values)
    if learned is not None and learned.vectors:
        scores = np.concatenate([scores, np.stack(learned.vectors) @ vector])
        values = tuple(values) + tuple(learned.values)
    best = int(np.argmax(scores))
    others = [s for s, v in zip(scores, values) if v != values[best]]
    margin = scores[best] - max(others) if others else 1.0
    clear = (scores[best] >= MIN_SIMILARITY and margin >= MIN_MARGIN) or (
        scores[best] >= WEAK_SIMILARITY and margin >= WEAK_MARGIN)
    if best >= n_font and margin < LEARNED_MARGIN:
        clear = False
    if not clear:
        # the page font's own print, degraded: a second reading against every family may name the same digit
        if font is not None and best < n_font and scores[best] >= WEAK_SIMILARITY \
                and (agreed := _agreeing_family(vector, values[best], scores[:n_font], values[:n_font])):
            return agreed, float(scores[best])
        return None, float(scores[best])
    if collect is not None and best < n_font and scores[best] >= LEARN_SIMILARITY and margin >= LEARN_MARGIN:
        collect.append((vector, values[best]))
    return values[best], float(scores[best])


def _agreeing_family(vector: np.ndarray, digit: str, font_scores: np.ndarray, font_values: tuple[str, ...]) -> str | None:
    """The page font's best digit for a glyph it reads at WEAK_SIMILARITY but not clearly, when every family's
    templates read the glyph clearly as that same digit, by RIVAL_MARGIN at least, and neither reading's
    runner-up is the digit's known rival (RIVAL_PAIRS: ๑/๓, ๔/๕); else None. The scanned print of a family can
    sit nearer a sister family's glyph (01000's ๑ of Kinnari at 150 dpi: 0.76 with Kinnari's, 0.82 with Norasi's,
    the next digit 0.10 behind), so the page font alone refuses a digit both readings name. Not learned as the
    page's template. (A page font far from the glyph, under WEAK_SIMILARITY, is no reading to agree with: taken
    then, a scanned announcement's ๙ came out 8.)"""
    matrix, values, _, _ = _template_set()
    scores = matrix @ vector
    best = int(np.argmax(scores))
    others = [x for x, v in zip(scores, values) if v != values[best]]
    margin = scores[best] - max(others) if others else 1.0
    clear = (scores[best] >= MIN_SIMILARITY and margin >= RIVAL_MARGIN) or (
        scores[best] >= WEAK_SIMILARITY and margin >= WEAK_MARGIN)
    if not clear or values[best] != digit:
        return None
    for scored, named in ((scores, values), (font_scores, font_values)):
        runner = max(((x, v) for x, v in zip(scored, named) if v != digit), default=None)
        if runner is not None and digit + runner[1] in RIVAL_PAIRS:
            return None
    return digit


def _classify(mask: np.ndarray, font: int | None = None, learned: Learned | None = None,
              collect: list | None = None) -> str | None:
    return _classify_scored(mask, font, learned, collect)[0]


def _split_touching(ink: np.ndarray, font: int | None = None, learned: Learned | None = None) -> list[str] | None:
    """Digits of a component too wide for one digit (two or three digits whose ink touches after a blurry
    print: `๗๗`, `๘๖`); None unless every piece reads clearly.

    Every cut within a third of a glyph width of the expected boundaries is tried, and the cuts whose worst
    piece reads best win: the thinnest neck of the ink is often inside a digit (`๗` is thin in its middle).
    """
    height, width = ink.shape
    if width < 1.1 * height:
        return None
    pieces = 3 if width > 2.4 * height else 2
    step = width / pieces
    reach = max(1, round(step / 3))
    windows = [range(max(2, round(k * step) - reach), min(width - 2, round(k * step) + reach + 1))
               for k in range(1, pieces)]

    @lru_cache(maxsize=None)
    def piece(start: int, stop: int) -> tuple[str | None, float]:
        return _classify_scored(ink[:, start:stop], font, learned) if ink[:, start:stop].any() else (None, 0.0)

    best: tuple[float, list[str]] | None = None
    def search(start: int, k: int, digits: list[str], worst: float) -> None:
        nonlocal best
        if k == pieces - 1:
            digit, score = piece(start, width) if width - start <= 1.3 * height else (None, 0.0)
            if digit is not None and (best is None or min(worst, score) > best[0]):
                best = (min(worst, score), digits + [digit])
            return
        for cut in windows[k]:
            if cut - start < 3 or cut - start > 1.3 * height:  # a digit is never much wider than tall
                continue
            digit, score = piece(start, cut)
            if digit is not None and (best is None or score > best[0]):
                search(cut, k + 1, digits + [digit], min(worst, score))
    search(0, 0, [], 1.0)
    return best[1] if best else None


def _glyph_boxes(ink: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Connected components as (x0, y0, x1, y1), components that overlap in x merged (a broken stroke)."""
    labels, _ = ndimage.label(ink, structure=np.ones((3, 3)))
    boxes = []
    for found in ndimage.find_objects(labels):
        if found is None:
            continue
        y, x = found
        if (y.stop - y.start) * (x.stop - x.start) < 6:  # specks of scan noise
            continue
        boxes.append([x.start, y.start, x.stop, y.stop])
    boxes.sort()
    merged: list[list[int]] = []
    for box in boxes:
        if merged:
            last = merged[-1]
            overlap = min(last[2], box[2]) - max(last[0], box[0])
            if overlap > 0.5 * min(last[2] - last[0], box[2] - box[0]):
                merged[-1] = [min(last[0], box[0]), min(last[1], box[1]), max(last[2], box[2]), max(last[3], box[3])]
                continue
        merged.append(box)
    return [tuple(b) for b in merged]


def read_number(image: Image.Image, span: tuple[int, int] | None = None, font: int | None = None,
                learned: Learned | None = None, collect: list | None = None, keep_point: bool = False) -> str | None:
    """The digits (Arabic) and decimal points in a crop of one word, or None unless every glyph is a clear digit.

    `span` (x0, x1 in the crop) is where OCR put the word: the crop may be wider so that glyphs the OCR box
    cut are seen whole; only glyphs overlapping the span are read.
    """
    return _read_ink(np.asarray(image.convert("L")) < 128, span, font, learned, collect, keep_point)


def read_cell(image: Image.Image, box: tuple[int, int, int, int], font: int | None = None,
              learned: Learned | None = None, faint: bool = True) -> str | None:
    """The number filling one table cell of a scan (`box` in image pixels), read by template alone, or None.

    Tesseract reads a short cell badly (`๘๙.๒๙` → `6๕๕๓๕.๒๕`, touching digits merged, Thai digits read as
    letters `ฒฒ.โ26จ`); the cell box from the ruling lines says where the glyphs are. Ink touching the crop's
    edge is left out: it is what remains of a ruling line (read as `1`) or a neighbour's overhanging mark.
    With `faint`, a cell the fixed ink threshold reads nothing in is read again at its own contrast (_faint_ink).
    """
    for own in (False, True)[:1 + faint]:  # the fixed threshold, then the cell's own (a faint print broke under it)
        if number := _read_crop(cell_ink(image, box, own), font, learned):
            return number
    return None


def _read_crop(crop: np.ndarray | None, font: int | None, learned: Learned | None) -> str | None:
    """The number of one cell's ink (cell_ink), its lines read one by one where it wraps, or None."""
    if crop is None:
        return None
    if len(bands := _line_bands(crop)) > 1:
        return _wrapped(crop, bands, lambda ink: _read_ink(ink, None, font, learned, keep_point=True))
    return _read_ink(_on_line(crop, bands), None, font, learned)


def _on_line(ink: np.ndarray, bands: list[tuple[int, int]]) -> np.ndarray:
    """A cell's ink without the specks off its one line of digits: a tall cell (a row a wrapped name made two or
    three lines high) holds JPEG and scanner specks far above or below its number, and a speck under a digit
    was merged with it into one glyph (they overlap in x): ๔ read as a glyph 101 px tall, no reading and no
    guess (held-150-tilt-jpeg35, announce10). Only what lies wholly outside the line's rows is left out; what
    touches them stays, so no part of a digit is lost."""
    if len(bands) != 1:
        return ink
    top, bottom = bands[0]
    labels, _ = ndimage.label(ink, structure=np.ones((3, 3)))
    off = [i + 1 for i, f in enumerate(ndimage.find_objects(labels))
           if f is not None and (f[0].stop <= top or f[0].start >= bottom)]
    return ink & ~np.isin(labels, off) if off else ink


WRAPPED_HEIGHTS = 2.0  # the tallest glyphs of a wrapped number's lines differ at most this much (one font; ๑ is short)
_WRAPPED = re.compile(r"^[0-9]{1,3}\.[0-9]{2}$")


def _line_bands(ink: np.ndarray) -> list[tuple[int, int]]:
    """(top, bottom) of each line of digits in a cell's ink: the vertical extents of its glyphs (specks and
    pieces of rules left out) merged where they overlap, kept when a digit's height tall (a band of marks alone
    is no line)."""
    labels, _ = ndimage.label(ink, structure=np.ones((3, 3)))
    # (specks and thin pieces, a rule's remains left in the cell, make no line)
    spans = sorted((y.start, y.stop) for y, x in (f for f in ndimage.find_objects(labels) if f is not None)
                   if (y.stop - y.start) * (x.stop - x.start) >= 6 and min(y.stop - y.start, x.stop - x.start) > 3)
    bands: list[list[int]] = []
    for top, bottom in spans:
        if bands and top < bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], bottom)
        else:
            bands.append([top, bottom])
    return [(top, bottom) for top, bottom in bands if bottom - top >= MIN_GLYPH_PIXELS]


ink_line_bands = _line_bands  # (the lines of a text cell's ink too: parsers/layout.py, a wrapped name's lost line)


def _wrapped(ink: np.ndarray, bands: list[tuple[int, int]], read) -> str | None:
    """A number a narrow cell wrapped over lines (a word processor breaks `92.39` as `9` / `2.39`, a browser as
    `92.3` / `9`): each line read on its own (`read`: the template reading or guess of one line's ink), joined
    in line order, kept only as one two-decimal number in one font size. Read as one line, the digits came out
    in the order of their x only (the lone `9` beside or among the others), or the line the page OCR lost
    left a number short of its leading digit (`2.39`)."""
    heights = []
    for top, bottom in bands:
        rows = ink[top:bottom]
        labels, _ = ndimage.label(rows, structure=np.ones((3, 3)))
        heights.append(max(y.stop - y.start for y, _ in (f for f in ndimage.find_objects(labels) if f is not None)))
    if max(heights) > WRAPPED_HEIGHTS * min(heights):
        return None
    parts = []
    for top, bottom in bands:
        part = read(ink[top:bottom])
        if part is None:
            return None
        parts.append(part)
    number = "".join(parts)
    return number if _WRAPPED.match(number) else None


LETTERS = "ABCDEF"  # the letter levels' glyphs (AA-F, the scale up to 2566)
LETTER_MARGIN = 0.05  # a letter's lead over every other letter and every digit (B and 8, D and 0 are alike)


@lru_cache(maxsize=1)
def _letter_set() -> tuple[np.ndarray, tuple[str, ...]]:
    """(template vectors, the letter of each) of A-F in every font family that draws them."""
    vectors, values = [], []
    for path in _font_files():
        font = ImageFont.truetype(str(path), 64)
        for letter, mask in _drawn_masks(font, LETTERS):
            vectors.append(_normalise(mask))
            values.append(letter)
    if not vectors:
        return np.zeros((0, sum(w * h for w, h in GLYPH_SIZES)), dtype=np.float32), ()
    return np.stack(vectors), tuple(values)


def read_letter_level(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[str, float] | None:
    """(a letter level alone in a scanned cell, as printed: `B`, or spelled in Thai, `บี`, its similarity), or
    None: the Latin letters glyph by glyph (_read_latin_letter), else the Thai words whole
    (read_thai_letter_level)."""
    return _read_latin_letter(image, box) or read_thai_letter_level(image, box)


def _read_latin_letter(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[str, float] | None:
    """(the letter level `A`, `AA`, `B` ... `F` alone in a scanned cell (`box` in image pixels) read by
    template, the similarity of its least clear glyph), or None. Tesseract reads a lone Latin letter in a narrow cell as nothing or as specks (`a`, `-`);
    each glyph must match a letter clearly and lead every other letter and every digit by LETTER_MARGIN."""
    crop = cell_ink(image, box)
    letters, names = _letter_set()
    digits = _template_set()[0]
    if crop is None or not len(names) or not (found := _measured_glyphs(crop, None)):
        return None
    glyphs, tallest, _ = found
    if not 1 <= len(glyphs) <= 2 or tallest < MIN_GLYPH_PIXELS or any(kind == "mark" for kind, _ in glyphs):
        return None
    text, least = "", 1.0
    for _, (x0, y0, x1, y1) in glyphs:
        vector = _normalise(crop[y0:y1, x0:x1])
        scores = letters @ vector
        best = int(np.argmax(scores))
        rivals = [s for s, v in zip(scores, names) if v != names[best]] + list(digits @ vector if len(digits) else [])
        if scores[best] < MIN_SIMILARITY or rivals and scores[best] - max(rivals) < LETTER_MARGIN:
            return None
        text, least = text + names[best], min(least, float(scores[best]))
    return (text, round(least, 3)) if text == "AA" or len(text) == 1 else None


# The letter levels spelled in Thai, as some 2566 tables print them (`บี` for B): a closed vocabulary of seven
# short words that Tesseract, in a narrow cell of a 150-200 dpi scan, reads as nothing, `a` or `tate` (set 7's
# twin table: 29 levels of 124 rows lost, announce16). Each word is matched whole, by its picture.
THAI_LETTER_WORDS = ("เอเอ", "เอ", "บี", "ซี", "ดี", "อี", "เอฟ")
# Words as short that a table prints in cells of their own, which a letter word must also lead: the rank
# column's header `ที่` (ที is บี with a tail; a bilevel scan's header cell matched บี at 0.83)
_RIVAL_WORDS = ("ที่", "ที")
WORD_SIZES = ((36, 18), (60, 30))  # width, height of a word's normalised pictures (coarse, fine)
WORD_SIMILARITY = 0.80  # correlation a cell's ink needs with the word's best template
WORD_MARGIN = 0.06  # and its lead over every other word (บี, ดี and อี differ only in the consonant's head)
WORD_ASPECT = 1.35  # the ink's width to height within this factor of the word's (a number is wider than บี)
# A weaker match is still clear when no other word comes near: เอ and เอฟ of a faint 150-175 dpi print score
# 0.75-0.78, every other word 0.45 and more behind (a rank's `๑๓` matched เอเอ at 0.57, `๑` เอ at 0.54)
WEAK_WORD_SIMILARITY, WEAK_WORD_MARGIN = 0.72, 0.30
MIN_WORD_PIXELS = 10  # height of the smallest word read (a consonant with its vowel above)


def _aspect(mask: np.ndarray) -> float:
    rows, cols = np.nonzero(mask)
    return (cols.max() - cols.min() + 1) / (rows.max() - rows.min() + 1)


@lru_cache(maxsize=1)
def _word_set() -> tuple[np.ndarray, tuple[str, ...], np.ndarray]:
    """(template vectors, the word of each, its ink's aspect) of THAI_LETTER_WORDS in every Thai font family."""
    vectors, values, aspects = [], [], []
    for path in _font_files():
        font = ImageFont.truetype(str(path), 64)
        for word, mask in _drawn_masks(font, THAI_LETTER_WORDS + _RIVAL_WORDS, canvas=(260, 160), at=(30, 30)):
            vectors.append(_normalise(mask, WORD_SIZES))
            values.append(word)
            aspects.append(_aspect(mask))
    if not vectors:
        return np.zeros((0, sum(w * h for w, h in WORD_SIZES)), dtype=np.float32), (), np.zeros(0)
    return np.stack(vectors), tuple(values), np.asarray(aspects)


def _without_specks(ink: np.ndarray) -> np.ndarray:
    """The ink without components far smaller than its largest (a scan's specks beside the word); a vowel
    above a consonant (`ี`) is a fifth of it or more and stays."""
    labels, count = ndimage.label(ink, structure=np.ones((3, 3)))
    if count <= 1:
        return ink
    sizes = ndimage.sum(ink, labels, range(1, count + 1))
    keep = [i + 1 for i, size in enumerate(sizes) if size >= 0.08 * sizes.max()]
    return np.isin(labels, keep)


def read_thai_letter_level(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[str, float] | None:
    """(a letter level spelled in Thai, `บี`, alone in a scanned cell, the similarity of its picture with the
    word's best template), or None. The closed vocabulary is THAI_LETTER_WORDS; the cell's ink must match one
    word by WORD_SIMILARITY, lead every other word by WORD_MARGIN and have its width to height (a number cell's
    ink is wider). Only a candidate: the announcement reader keeps it where a total read as printed lies in
    its band (parsers/ita/announcement.py)."""
    vectors, words, aspects = _word_set()
    read = None
    for faint in (False, True):  # a faint print (150 dpi, heavy JPEG) is taken again at its own contrast
        if (read := _read_word(cell_ink(image, box, faint), vectors, words, aspects)) is not None:
            break
    return read if read is not None and read[0] in THAI_LETTER_WORDS else None


def _read_word(crop: np.ndarray | None, vectors: np.ndarray, words: tuple[str, ...],
               aspects: np.ndarray) -> tuple[str, float] | None:
    """The word of `words` whose templates the ink matches clearly (read_thai_letter_level), or None."""
    if crop is None or not crop.any() or not len(words):
        return None
    crop = _without_specks(crop)
    rows = np.nonzero(crop.any(axis=1))[0]
    if rows.max() - rows.min() + 1 < MIN_WORD_PIXELS:
        return None
    aspect = _aspect(crop)
    scores = vectors @ _normalise(crop, WORD_SIZES)
    fits = (aspects / WORD_ASPECT <= aspect) & (aspect <= aspects * WORD_ASPECT)
    best = {}
    for score, word, fit in zip(scores, words, fits):
        if fit:
            best[word] = max(best.get(word, -1.0), float(score))
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda item: -item[1])
    word, score = ranked[0]
    # every other word, fitting the ink's shape or not, must be clearly behind
    rival = max((float(s) for s, w in zip(scores, words) if w != word), default=-1.0)
    if not (score >= WORD_SIMILARITY and score - rival >= WORD_MARGIN
            or score >= WEAK_WORD_SIMILARITY and score - rival >= WEAK_WORD_MARGIN):
        return None
    return word, round(score, 3)


RULE_SHARE = 0.6  # a straight run of ink this share of a cell's width (height) is a rule, never a digit's stroke


def _long_runs(ink: np.ndarray, length: int) -> np.ndarray:
    """The pixels of `ink` in horizontal runs of at least `length`."""
    out = np.zeros_like(ink)
    for y in np.nonzero(ink.sum(axis=1) >= length)[0]:
        row = np.concatenate([[False], ink[y], [False]])
        edges = np.flatnonzero(row[1:] != row[:-1])
        for start, stop in zip(edges[::2], edges[1::2]):
            if stop - start >= length:
                out[y, start:stop] = True
    return out


EDGE_RULE_SHARE = 0.1


def _thin_pieces(ink: np.ndarray) -> np.ndarray:
    """Broken pieces of rules (a bilevel scan's rule is a dashed line): components at most 3 px thick, lined
    up along one column (row) over 0.3 of the cell and half again the tallest other glyph (a digit `1` is as
    tall as its neighbours), or over 0.6 of the cell with nothing else in it (a rank `1` alone)."""
    labels, _ = ndimage.label(ink, structure=np.ones((3, 3)))
    boxes = [(i + 1, s) for i, s in enumerate(ndimage.find_objects(labels)) if s is not None]
    vertical, horizontal, heights = [], [], {}
    for label, (ys, xs) in boxes:
        h, w = ys.stop - ys.start, xs.stop - xs.start
        if w <= 3 and h >= 2 * w:
            vertical.append((label, xs.start, xs.stop, ys.start, ys.stop))
        elif h <= 3 and w >= 2 * h:
            horizontal.append((label, ys.start, ys.stop, xs.start, xs.stop))
        if h * w >= 6:
            heights[label] = h
    out = np.zeros_like(ink)
    for pieces, size in ((vertical, ink.shape[0]), (horizontal, ink.shape[1])):
        pieces.sort(key=lambda p: p[1])
        groups: list[list[tuple]] = []
        for piece in pieces:  # pieces whose across-ranges overlap are one line
            if groups and piece[1] < max(p[2] for p in groups[-1]):
                groups[-1].append(piece)
            else:
                groups.append([piece])
        for group in groups:
            members = {p[0] for p in group}
            span = max(p[4] for p in group) - min(p[3] for p in group)
            others = [h for label, h in heights.items() if label not in members]
            if span >= (max(0.3 * size, 1.5 * max(others)) if others else 0.6 * size):
                out |= np.isin(labels, list(members))
    return out


def _without_rules(crop: np.ndarray) -> np.ndarray:
    """A cell's ink without the table rules left in it: the page's rules are erased where the grid was found,
    but a rule a pixel or two off that place (a deskewed scan) stays inside the cell box, clear of its edge,
    and the whole L of two rules was the cell's one glyph (every score of a 300 dpi scan unread). A straight
    run across most of the cell is a rule; the specks it leaves behind are dropped with it."""
    height, width = crop.shape
    rules = _long_runs(crop, max(8, round(RULE_SHARE * width))) | _long_runs(
        crop.T, max(8, round(RULE_SHARE * height))).T
    # a piece of the rule above or below, in the cell's outer tenth where no number stands (a bilevel scan
    # breaks a rule into pieces; one touching a digit made the two one glyph)
    band = max(1, height // 10)
    edges = _long_runs(crop, max(8, round(EDGE_RULE_SHARE * width)))
    edges[band:height - band] = False
    rules |= edges
    rules |= _thin_pieces(crop & ~rules)
    if not rules.any():
        return crop
    # a rule's own blur a pixel beside it, not a digit touching it: pixels next to the rule with no ink beyond
    near = ndimage.binary_dilation(rules, structure=np.ones((3, 3)))
    kept = crop & ~rules
    labels, n = ndimage.label(kept, structure=np.ones((3, 3)))
    if n:
        sizes = ndimage.sum(kept, labels, index=np.arange(1, n + 1))
        touching = ndimage.maximum(near, labels, index=np.arange(1, n + 1))
        dropped = [i + 1 for i in range(n) if touching[i] and sizes[i] < 12]
        if dropped:
            kept &= ~np.isin(labels, dropped)
    return kept


def cell_ink(image: Image.Image, box: tuple[int, int, int, int], faint: bool = False) -> np.ndarray | None:
    """The ink of a cell's crop without what touches its edge or is a rule, or None when the cell is blank.
    `faint`: the ink as the cell's own print sets it (_faint_ink), for a cell the fixed threshold broke."""
    gray = np.asarray(image.crop(box).convert("L"))
    mask = _faint_ink(gray) if faint else gray < 128
    if mask is None:
        return None
    crop = _without_rules(mask)
    if not crop.any():
        return None
    labels, _ = ndimage.label(crop, structure=np.ones((3, 3)))
    edge = set(np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))) - {0}
    if edge:
        crop = crop & ~np.isin(labels, list(edge))
    return _without_edge_slivers(crop) if faint else crop


# A faint print (150 dpi, heavy JPEG: strokes come out grey, 130-200, with a ringing halo at 230) falls apart
# under the fixed threshold: a 26 px digit became four pieces of 8 px and no cell of such a scan was read. Its
# ink is taken again against its own contrast: lightly blurred (the ringing specks fade, a broken stroke joins)
# and cut at FAINT_SHARE of the way from the cell's paper to its darkest ink. Measured on held-out look
# held-150-tilt-jpeg35 (449 number cells of set 7): blur 1.0 px and share 0.6 read 158 cells right, 0 wrong;
# share 0.5 148, 0.4 78 with 8 wrong (strokes too thin again); blur 1.4 116 with 1 wrong (digits run together).
FAINT_BLUR = 1.0
FAINT_SHARE = 0.6
FAINT_CONTRAST = 40  # grey levels between paper and ink under which a cell holds no print to take


def _faint_ink(gray: np.ndarray) -> np.ndarray | None:
    """The ink of a cell's grey crop cut at its own contrast (see FAINT_SHARE), None for a blank cell."""
    blurred = ndimage.gaussian_filter(gray.astype(np.float32), FAINT_BLUR)
    paper, darkest = np.percentile(blurred, 75), np.percentile(blurred, 1)
    if paper - darkest < FAINT_CONTRAST:
        return None
    return blurred < paper - FAINT_SHARE * (paper - darkest)


def _without_edge_slivers(ink: np.ndarray) -> np.ndarray:
    """A faint cell's ink without the thin upright slivers at either end of its glyphs: the remains of a leaning
    column rule (2 px wide, as tall as the digits or taller), which read as no digit and, taller than the digits,
    made the decimal point look like a glyph. A digit is never that thin at 300 dpi."""
    labels, _ = ndimage.label(ink, structure=np.ones((3, 3)))
    found = [(i + 1, s) for i, s in enumerate(ndimage.find_objects(labels)) if s is not None]
    if len(found) < 2:
        return ink
    found.sort(key=lambda item: item[1][1].start)
    drop = [label for label, (ys, xs) in (found[0], found[-1])
            if xs.stop - xs.start <= 3 and ys.stop - ys.start >= max(MIN_GLYPH_PIXELS, 4 * (xs.stop - xs.start))]
    return ink & ~np.isin(labels, drop) if drop else ink


GUESS_SIMILARITY = 0.55  # a glyph's best template must reach this for a guess (clear readings need 0.70+)
_GUESS_SHAPE = re.compile(r"^[0-9]{1,3}\.[0-9]{1,2}$")  # (one decimal: a table that prints so; the row's reader
# takes a guess only in the table's own shape, scan_numbers.readings)


def guess_cell(image: Image.Image, box: tuple[int, int, int, int],
               learned: Learned | None = None) -> tuple[str, ...] | None:
    """The best template digit for every glyph of a score cell that read_cell refused (`box` in image pixels),
    when the cell reads as a two-decimal number: a candidate, not a reading. It is never the cell's text;
    only a checksum that holds with it (an announcement row's points adding up to its total) may take it
    (parsers.scan_numbers.choose). The page's font family first, then every family: the family a page's
    clear digits chose can miss a cell's touching digits (`๗๒` of Garuda at 300 dpi, read by Laksaman's
    templates), and a guess is only ever taken by a checksum. The fixed threshold first, then the cell's own
    (a faint print, see FAINT_SHARE). Its readings: the best digits first, then each with one digit its close
    rival (_guess_glyphs)."""
    font = learned.font if learned else None
    for faint in (False, True):
        crop = cell_ink(image, box, faint)
        if crop is None:
            continue
        bands = _line_bands(crop)
        wrapped = len(bands) > 1
        crop = crop if wrapped else _on_line(crop, bands)
        found = None if wrapped else _measured_glyphs(crop, None)
        for family in (font, None) if font is not None else (None,):
            if wrapped:
                text = _wrapped(crop, bands, lambda ink: _guess_text(ink, _measured_glyphs(ink, None), family))
                guess = (text,) if text else None
            else:
                guess = _guess_glyphs(crop, found, family)
            if guess:
                return guess
    return None


# A guessed digit whose best template of another digit comes this close (similarity) is offered as both: the
# templates' ๑ and ๓ differ by one loop, ๔ and ๕ by a tail, and faint 150 dpi guesses read ๓ for ๑ (`34.96` for
# 14.96, `82.34` for 82.14: rival 0.004-0.038 behind) and ๔ for ๕ (`24.6` for 25.6: 0.003-0.009). Measured on set
# 7's three held-out looks (docs/parsing.md, announce13): of the right guessed digits, a ๑ had its ๓ within 0.05
# in 34 of 72, a ๔ its ๕ in 13 of 30, a ๕ its ๔ in 13 of 60, a ๓ its ๑ never; no other pair came within 0.05
# but ๔/๙ once. A rival offered for a right digit costs a row only where both readings fit its checks.
RIVAL_MARGIN = 0.05
RIVAL_PAIRS = frozenset({"13", "31", "45", "54"})  # (best, rival) pairs the guesses were measured to confuse

def _guess_glyphs(crop: np.ndarray, found, font: int | None) -> tuple[str, ...] | None:
    """The guess, and after it each reading with one digit its close rival (RIVAL_MARGIN, RIVAL_PAIRS):
    candidates all, of which only a row's checksums may take one, and only when exactly one fits
    (parsers.scan_numbers.choose)."""
    rivals: list[str | None] = []
    text = _guess_text(crop, found, font, rivals)
    if not text or not _GUESS_SHAPE.match(text):
        return None
    others = [text[:i] + rival + text[i + 1:] for i, rival in enumerate(rivals) if rival is not None]
    return (text, *others)


def _guess_text(crop: np.ndarray, found, font: int | None, rivals: list | None = None) -> str | None:
    """The best template digit of every glyph in `found` (_measured_glyphs of `crop`), points where marks sit
    on the baseline; None for a mark above it, a speck or a glyph no template comes near. `rivals` receives,
    for each character, the digit of another value its glyph came close to (RIVAL_MARGIN), or None."""
    if not found:
        return None
    glyphs, tallest, baseline = found
    matrix, values, families, _ = _template_set()
    text = ""
    for kind, (x0, y0, x1, y1) in glyphs:
        if kind == "mark":
            if y1 < baseline - 0.25 * tallest:
                return None  # a mark above the baseline: no decimal point, no number
            text += "."
            if rivals is not None:
                rivals.append(None)
            continue
        if y1 - y0 < MIN_GLYPH_PIXELS:
            return None  # a dash or a speck
        # touching digits, told by the width against the number's tallest digit: a round `๐` is short and
        # wide (24 x 18 px beside a 28 px `๔`), and measured against its own height it was cut in two
        width, height = x1 - x0, max(y1 - y0, tallest)
        pieces = 1 if width <= 1.3 * height else 3 if width > 2.4 * height else 2
        for k in range(pieces):
            piece = crop[y0:y1, x0 + k * width // pieces:x0 + (k + 1) * width // pieces]
            if not piece.any():
                return None
            scores = matrix @ _normalise(piece)
            if font is not None:
                scores = np.where(families == font, scores, -1.0)
            best = int(np.argmax(scores))
            if scores[best] < GUESS_SIMILARITY:
                return None
            text += values[best]
            if rivals is not None:
                rivals.append(_rival(scores, values, best))
    return text


def _rival(scores: np.ndarray, values: tuple[str, ...], best: int) -> str | None:
    """The digit of another value whose best template scored within RIVAL_MARGIN of the glyph's best, when the
    pair is one the guesses confuse (RIVAL_PAIRS)."""
    other = max(((s, v) for s, v in zip(scores, values) if v != values[best]), default=None)
    if other is None or scores[best] - other[0] > RIVAL_MARGIN or values[best] + other[1] not in RIVAL_PAIRS:
        return None
    return other[1]


_PLAIN_NUMBER = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{1,2})?$")
_OCR_DIGITS = re.compile(r"^[0-9๐-๙.,]+$")


def cell_number(image: Image.Image, box: tuple[int, int, int, int], text: str, learned: Learned | None = None) -> str:
    """A scanned table cell's text with its number read again from the image (`box` in image pixels).

    A cell holding one short number (a score) is read by template (read_cell). When the template refuses,
    Tesseract's reading `text` is kept only when it is a plain number once its spaces are gone (`7 0 .23`).
    A number of Thai digits Tesseract read itself (the template turned them down; Tesseract is right only
    about 2 times in 3: `๘๖.๕๓` read `๕๑.๕๓`) is refused: a missing score is better than a wrong one. Other
    text (a date `ต.ค. ๖๖`, garbage such as `ฒฒ.โ26จ`) stays for the parsers, which only take a score cell
    that is a plain number."""
    compact = "".join(text.split())
    if len(compact) > 10 or (compact and not _DIGIT.search(compact) and UNREAD not in compact):
        return text
    font = learned.font if learned else None
    if number := read_cell(image, box, font, learned, faint=False):
        return number
    if not _PLAIN_NUMBER.match(compact) and (number := _read_crop(cell_ink(image, box, True), font, learned)):
        return number  # read at the cell's own contrast only where Tesseract read no plain number (as before)
    if _PLAIN_NUMBER.match(compact):
        crop = cell_ink(image, box)
        if "." in compact and crop is not None and len(_line_bands(crop)) > len(text.strip().splitlines()):
            # a score (a point in it) from a cell printing more lines than Tesseract read: a wrapped number whose
            # other line it lost (`1.68` of `6` / `1.68`), short of a digit, never a number by itself (a rank or
            # a level read `8` beside a speck is not one)
            return UNREAD
        return compact
    return "" if _OCR_DIGITS.match(compact) and _THAI_DIGIT.search(compact) else text


def _digit_glyphs(ink: np.ndarray, span: tuple[int, int] | None) -> list[tuple[str, tuple[int, int, int, int]]]:
    """("mark" or "glyph", box) for the ink of one number: marks are small (decimal points, or specks)."""
    boxes = _glyph_boxes(ink)
    if span is not None:
        boxes = [b for b in boxes if b[2] > span[0] and b[0] < span[1]]
    if not boxes:
        return []
    tallest = max(y1 - y0 for _, y0, _, y1 in boxes)
    return [("mark" if y1 - y0 < 0.35 * tallest else "glyph", (x0, y0, x1, y1)) for x0, y0, x1, y1 in boxes]


def _measured_glyphs(ink: np.ndarray, span: tuple[int, int] | None):
    """(glyphs of one number, height of the tallest, its baseline), or None without glyphs."""
    glyphs = _digit_glyphs(ink, span)
    if not glyphs:
        return None
    return glyphs, max(y1 - y0 for _, (_, y0, _, y1) in glyphs), max(y1 for _, (_, _, _, y1) in glyphs)


def _read_ink(ink: np.ndarray, span: tuple[int, int] | None, font: int | None = None,
              learned: Learned | None = None, collect: list | None = None, keep_point: bool = False) -> str | None:
    if not ink.any() or not len(templates()[1]):
        return None
    if not (found := _measured_glyphs(ink, span)):
        return None
    glyphs, tallest, baseline = found
    text = []
    for kind, (x0, y0, x1, y1) in glyphs:
        if kind == "mark":
            if y1 >= baseline - 0.25 * tallest:  # a small mark sitting on the baseline: a decimal point
                text.append(".")
                continue
            return None
        if y1 - y0 < MIN_GLYPH_PIXELS:  # a dash or a speck, which a stretched template can match
            return None
        glyph = ink[y0:y1, x0:x1]
        digit = _classify(glyph, font, learned, collect)
        if digit is None:
            split = _split_touching(glyph, font, learned)
            if split is None:
                return None
            text.extend(split)
            continue
        text.append(digit)
    number = "".join(text).lstrip(".")
    number = number if keep_point else number.rstrip(".")
    return number if _DIGIT.search(number) else None


def looks_numeric(text: str) -> bool:
    """OCR words worth a second reading: digits, or short Latin/punctuation runs (`ade`, `10.135`) that Thai
    digits are misread as. Thai letters never: a letter read as a digit would corrupt the text. Nor a
    capitalised word (`Gift` of `No Gift Policy` was read 0111): Thai digits come back lower case or all
    capitals (`ade`, `DD`), never as an English word."""
    if _THAI_LETTER.search(text) or _WORD.match(text):
        return False
    return bool(_DIGIT.search(text) or _NUMERIC_SHAPE.match(text))


# Letters and signs Tesseract's Thai model writes for Thai digits (scan benchmark, 241 printed numbers:
# ๖ → อ ว ฯ ง จ, ๗ → ฒ ญ ๆ ซ, ๙ → ฒ « @, ๑ → ©): next to a digit they are read again as digits. Not ต
# (๓ → ต once): it ends many words before a score (`การทุจริต ๘๑.๒๒`).
_LOOKALIKES = frozenset("อวฯงจฒญๆซ«©@")
_NUMBER_SHAPE = re.compile(r"^\d+(?:\.\d+)?$")


def _lookalike(text: str) -> bool:
    """One or two look-alike signs, with the decimal point Tesseract may glue to them (`จอ.` of 66.87)."""
    text = text.strip(".") if 0 < len(text.strip(".")) <= 2 and text.count(".") <= 1 else text
    return 0 < len(text) <= 2 and all(c in _LOOKALIKES for c in text)


def _runs(words: list, gap_points: float, lookalikes: bool = False) -> list[list[int]]:
    """Indexes of adjacent numeric-looking words on the same line: Tesseract cuts one number into
    several one-glyph words whose boxes do not match the glyphs. With `lookalikes`, Thai letters that
    stand for digits (`25อ6`, `ฒ1.8ฒ`) join a run too."""
    def glued_to_letters(index: int) -> bool:
        """A look-alike touching a Thai word is that word's letter (`อำนาจ ๖๖.๘๗`), not a digit."""
        word = words[index]
        for other in (index - 1, index + 1):
            if not 0 <= other < len(words) or words[other].line != word.line:
                continue
            near = words[other]
            gap = word.x0 - near.x1 if other < index else near.x0 - word.x1
            if gap < 0.2 * (word.bottom - word.top) and _THAI_LETTER.search(near.text) and not _lookalike(near.text):
                return True
        return False

    runs: list[list[int]] = []
    for index, word in enumerate(words):
        if not (looks_numeric(word.text) or (lookalikes and _lookalike(word.text) and not glued_to_letters(index))):
            continue
        if runs and runs[-1][-1] == index - 1:
            last = words[index - 1]
            gap = gap_points
            if lookalikes and (_lookalike(word.text) or _lookalike(last.text) or "." in (word.text, last.text)):
                # a decimal point alone: Tesseract's box of it is narrow (`๑๕` `.` `๕ฒ` are one 68.57)
                # Tesseract's box of a letter it took a digit for is off: `25` `อ6` are one ๒๕๖๖.
                gap = max(gap, 0.6 * (word.bottom - word.top))
            if last.line == word.line and word.x0 - last.x1 <= gap:
                runs[-1].append(index)
                continue
        runs.append([index])
    return runs


def _value_text(text: str) -> bool:
    """Shaped like a score or a year (`จอ.87`, `ฒ1.8ฒ`, `25อ6`, `๕๕.๕๒`) rather than a list number, a code or
    a date's day beside a letter (`2จ…`, `0อ13`). `๒๕อ` is a year too: its last two digits, glued in a bold
    print, read as one look-alike (a scan's title `พ.ศ.๒๕๖๖` read `๒๕` `อ`); read whole, the templates decide."""
    text = "".join(text.split()).strip(".")  # the points of `พ.ศ.` before a year
    return bool(re.search(r"[^.]\.[^.]", text)) or (len(text) == 4 and text[:2] in ("25", "๒๕")) \
        or (len(text) == 3 and text[:2] in ("25", "๒๕") and text[2] in _LOOKALIKES)


def _candidates(words: list, gap_points: float) -> list[tuple[list[int], bool]]:
    """(run, whether it holds digit look-alikes) for each run to read: a run with look-alikes shaped like a
    value is read whole (`25อ6` → 2566); any other is read in its plain numeric parts, as Tesseract cut them."""
    out = []
    for run in _runs(words, gap_points, lookalikes=True):
        texts = [words[i].text for i in run]
        if not any(_lookalike(t) and not looks_numeric(t) for t in texts):
            out.append((run, False))
        elif any(_DIGIT.search(t) for t in texts) and _value_text("".join(texts)):
            out.append((run, True))
        else:
            out.extend(([run[k] for k in part], False) for part in _runs([words[i] for i in run], gap_points))
    return _with_cut_decimals(out, words)


def _with_cut_decimals(candidates: list[tuple[list[int], bool]], words: list) -> list[tuple[list[int], bool]]:
    """Runs a lone point cut in two joined again, to be read whole or not at all: Tesseract's box of a point is
    narrow and low, so the gap before it measured against its own height parts `๙๒` from `.` `๒๑` (a 240 dpi
    bilevel ๙๒.๒๑); the integer part alone read clearly as 92, a wrong score. A run ending in a digit and the
    next run, a lone point and digits right after it on the same line within 0.6 of the digit's height, are one
    run with look-alikes' rule: the templates read it whole, or the value is refused."""
    out: list[tuple[list[int], bool]] = []
    for run, alike in candidates:
        if out and len(run) >= 2 and words[run[0]].text == "." and run[0] == out[-1][0][-1] + 1:
            last, point = words[out[-1][0][-1]], words[run[0]]
            if _DIGIT.search(last.text) and last.line == point.line \
                    and 0 <= point.x0 - last.x1 <= 0.6 * (last.bottom - last.top) \
                    and all(_DIGIT.search(words[i].text) for i in run[1:]):
                out[-1] = (out[-1][0] + run, True)
                continue
        out.append((run, alike))
    return out


def _crop(run: list[int], words: list, image: Image.Image, dpi: int):
    """(crop, span) of a run of words: the crop reaches past the OCR boxes."""
    scale = dpi / 72
    pad = max(2, round(1.5 * scale))
    first, last = words[run[0]], words[run[-1]]
    top, bottom = min(words[i].top for i in run), max(words[i].bottom for i in run)
    reach = int((bottom - top) * scale)  # room for a glyph the OCR box cut in half
    left, right = int(first.x0 * scale), int(last.x1 * scale)
    crop = image.crop((left - reach, int(top * scale) - pad, right + reach, int(bottom * scale) + pad))
    return crop, (reach, reach + right - left)


def _run_crops(words: list, image: Image.Image, dpi: int, gap_points: float):
    """(run, crop, span) for each run of numeric-looking words (digit look-alikes included)."""
    for run, _ in _candidates(words, gap_points):
        yield (run, *_crop(run, words, image, dpi))


def page_font(words: list, image: Image.Image, dpi: int, gap_points: float = 4.0) -> int | None:
    """The installed font family whose digits best match the numbers of a page, or None when no family
    fits well (a font the project does not ship): the digits of one document come from one font.

    Reading each glyph against every font lets another font's `๔` beat this font's `๕` (Norasi ๒๕๖๖ read
    2466); against one family the digits differ clearly."""
    matrix, _, families, names = _template_set()
    if not names:
        return None
    totals, count = np.zeros(len(names)), 0
    for _, crop, span in _run_crops(words, image, dpi, gap_points):
        ink = np.asarray(crop.convert("L")) < 128
        for kind, (x0, y0, x1, y1) in _digit_glyphs(ink, span):
            if kind != "glyph" or x1 - x0 > 1.1 * (y1 - y0):  # touching glyphs say nothing clear
                continue
            scores = matrix @ _normalise(ink[y0:y1, x0:x1])
            best = np.array([scores[families == f].max() for f in range(len(names))])
            if best.max() < WEAK_SIMILARITY:  # not a digit at all (a Latin word read as numeric)
                continue
            totals += best
            count += 1
    if count < MIN_FONT_GLYPHS:
        return None
    font = int(np.argmax(totals))
    return font if totals[font] / count >= MIN_FONT_FIT else None


def reread_numbers(words: list, image: Image.Image, dpi: int, gap_points: float = 4.0,
                   font: int | None = None, learned: Learned | None = None) -> list:
    """OCR words (with x0/top/x1/bottom in points, `line` and `text`) where each run of numeric-looking
    words is replaced by one word holding the digits read by template, when every glyph is a clear digit.
    `font` (page_font) restricts the templates to the page's font family. Digits read clearly on the page
    are learned (into `learned`, when given) and runs that failed are read once more with them."""
    learned = learned if learned is not None else Learned()
    replaced: dict[int, object] = {}
    dropped: set[int] = set()

    def attempt(run: list[int], whole_number: bool, use_learned: bool) -> bool:
        crop, span = _crop(run, words, image, dpi)
        seen: list = []
        number = _read_run(np.asarray(crop.convert("L")), span, font, learned if use_learned else None, seen)
        if number is None or (whole_number and not _NUMBER_SHAPE.match(number.rstrip("."))):
            return False
        for vector, value in seen:
            learned.add(vector, value)
        first, last = words[run[0]], words[run[-1]]
        top, bottom = min(words[i].top for i in run), max(words[i].bottom for i in run)
        replaced[run[0]] = replace(first, text=number, x1=last.x1, top=top, bottom=bottom)
        dropped.update(run[1:])
        return True

    # A run with look-alikes is read whole or not at all: `จอ.87` is 66.87, its part `.87` alone a wrong score.
    failed = [(run, alike) for run, alike in _candidates(words, gap_points) if not attempt(run, alike, False)]
    if learned.vectors:
        failed = [(run, alike) for run, alike in failed if not attempt(run, alike, True)]
    if failed:
        failed = [(run, alike) for run, alike in failed if not _glued_attempt(run, words, attempt)]
    for run, alike in failed:
        # A value (year, score) Tesseract wrote in Thai digits that the templates turned down is refused:
        # Tesseract reads ๘ as ๕, ๖ as ๒ (scan benchmark), and a wrong score is worse than none.
        if any(i in replaced or i in dropped for i in run):
            continue
        texts = [words[i].text for i in run]
        if _value_text("".join(texts)) and (alike or any(_THAI_DIGIT.search(t) for t in texts)):
            first = words[run[0]]
            replaced[run[0]] = replace(first, text=UNREAD, x1=words[run[-1]].x1)
            dropped.update(run[1:])
    out = [replaced.get(i, word) for i, word in enumerate(words) if i not in dropped]
    return _join_decimals(out)


def _read_run(grey: np.ndarray, span: tuple[int, int], font: int | None, learned: Learned | None,
              collect: list) -> str | None:
    """The number of a run's crop (`grey`, the words' `span` in it), every glyph a clear digit, or None.

    Read under the fixed ink threshold first, then, where that reads no number at all, at the crop's own contrast
    (_faint_ink, as read_cell does for a table cell): a 150 dpi bilevel or heavily compressed print breaks or
    blurs under the fixed threshold (`๘๒.๔๓` of 01005 refused, read 82.43 at its own contrast). Digits read at the
    crop's own contrast are not learned as the page's templates. A digit touching the number just outside the
    span OCR gave it (Tesseract's boxes of Thai glyphs are off by up to a glyph: `๖๙.๗` of ๖๙.๗๗) is read with
    the number (_beside), and a number that still has one beside after that is refused."""
    for faint in (False, True):
        ink = _faint_ink(grey) if faint else grey < 128
        if ink is None:
            continue
        mine: list = []
        wider = span
        for _ in range(BESIDE_TRIES + 1):
            number = _read_ink(ink, wider, font, learned, mine, keep_point=True)
            if number is None or not _value_text(number) or not (beside := _beside(ink, wider, font, learned)):
                break
            wider = (min([wider[0]] + [b[0] for b in beside]), max([wider[1]] + [b[2] for b in beside]))
            mine = []
        else:
            return None  # digits beside the number however far it is read
        if number is not None:
            if not faint:
                collect.extend(mine)
            return number
    return None


BESIDE_TRIES = 2  # a box off by more than two glyphs is no box of this number


def _beside(ink: np.ndarray, span: tuple[int, int], font: int | None,
            learned: Learned | None) -> list[tuple[int, int, int, int]]:
    """The boxes of clear digits touching the number just outside the span OCR gave it (within a third of a
    digit's height of its first or last tall glyph, of a digit's height)."""
    boxes = _glyph_boxes(ink)
    inside = [b for b in boxes if b[2] > span[0] and b[0] < span[1]]
    if not inside:
        return []
    tallest = max(b[3] - b[1] for b in inside)
    tall = [b for b in inside if b[3] - b[1] >= 0.6 * tallest]
    if not tall:
        return []
    first, last = min(b[0] for b in tall), max(b[2] for b in tall)
    out = []
    for box in boxes:
        if box in inside or box[3] - box[1] < 0.6 * tallest or box[3] - box[1] > 1.5 * tallest:
            continue
        near = 0 <= first - box[2] < 0.35 * tallest or 0 <= box[0] - last < 0.35 * tallest
        if near and _classify(ink[box[1]:box[3], box[0]:box[2]], font, learned) is not None:
            out.append(box)
    return out


def _glued_attempt(run: list[int], words: list, attempt) -> bool:
    """A run that failed read again with the look-alikes glued before it (`ที่` `ฒ` `๕.๐๑`): a look-alike
    touching a Thai word is taken for that word's letter first (`อำนาจ ๖๖.๘๗`), but when the number alone
    does not read, the templates decide whether it was the number's first digit. Read whole or not at all."""
    start = run[0]
    while start > 0 and run[0] - start < 2:
        word, after = words[start - 1], words[start]
        if not (_lookalike(word.text) and word.line == after.line
                and after.x0 - word.x1 <= 0.6 * (after.bottom - after.top)):
            break
        start -= 1
    if start == run[0] or not _value_text("".join(words[i].text for i in range(start, run[-1] + 1))):
        return False
    extended = list(range(start, run[-1] + 1))
    return attempt(extended, True, False) or attempt(extended, True, True)


def _join_decimals(words: list) -> list:
    """A number whose reading ends with its decimal point joined to the digits read just after it on the
    line (`70.` `75` → `70.75`: Tesseract left a gap after the point); a point left alone after a number of
    three digits or more is dropped."""
    out: list = []
    for word in words:
        prev = out[-1] if out else None
        if (prev is not None and _NUMBER_SHAPE.match(prev.text.rstrip(".")) and prev.text.endswith(".")
                and re.fullmatch(r"\d+", word.text) and prev.line == word.line
                and word.x0 - prev.x1 <= prev.bottom - prev.top):
            out[-1] = replace(prev, text=prev.text + word.text, x1=word.x1, bottom=max(prev.bottom, word.bottom))
            continue
        out.append(word)
    # A one- or two-digit number keeps its point: `๑.` opening a cell is a list number (the parser strips
    # `1.`, not `1`), and `70.` whose decimals were lost must not pass for the score 70.
    return [replace(w, text=w.text.rstrip(".")) if _NUMBER_SHAPE.match(w.text.rstrip(".")) and w.text.endswith(".")
            and not re.fullmatch(r"\d{1,2}\.", w.text) else w for w in out]
