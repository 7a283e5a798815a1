"""Table cells of a scanned page read by Tesseract one by one, in a single call.

Page-level OCR (`--psm 3`) finds text blocks by its own layout analysis: on a ruled table it runs a line of
text across a column rule, glues the end of one cell to the start of the next, or orders a wrapped cell's
lines wrongly, and the layout stage then puts the glued word in one cell. A cell read on its own crop
cannot mix with its neighbour (issue #14). One Tesseract process per cell costs ~0.2 s of start-up each,
so the cells' crops are stacked into one tall image, white bands between them, and read once with
`--psm 6` (a uniform block: each crop's lines stay lines of that crop); every word is mapped back to the
page by the crop its middle falls in. Pure geometry; the Tesseract calls are parsers/ocr.py's. The page's own
OCR is run with the cells of text tables that their crops read surely painted in its paper grey (blank,
ocr.painted_cells), so their text is not read twice.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image, ImageDraw

INSET = 3  # pixels a crop keeps off the cell's rules (erased rules leave grey fringes)
GAP = 48  # white pixels between two crops in the stack: wider than any line gap inside a cell
MARGIN = 24  # white pixels around the stack
MIN_INK = 40  # dark pixels a crop needs to be read at all (an empty cell reads as noise)
DARK = 160  # grey level under which a pixel is ink (the rule finder's threshold)
CELL_PSM = 6
LINE_BASE = 1_000_000  # line keys of cell words start here, so they never equal a page line's key


@dataclass(frozen=True)
class Crop:
    """One cell's crop: its box in page pixels and its vertical place in the stacked image."""

    x0: int
    top: int
    x1: int
    bottom: int
    at: int  # y of the crop's top in the stack
    zoom: int = 1  # stack pixels per page pixel (small text is read again enlarged)


NEST_TOLERANCE = 2.0  # points by which an inner cell's edge may stand off its outer cell's (one rule's width)


def unnested(cells: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """A table's cells (points) with no cell holding another: a grid's cells never nest, but where a scan lost
    rule pieces (a broken rule under a heading row, the column rules below it) the table finder makes a cell
    of the heading and the row under it together, around that row's own cells. Read on its crop, that cell
    read the row's text a second time (every glyph twice in the row: `กการรพพััฒฒนนาา`). It is cut back to the
    part off its inner cells, above them when they reach its bottom, below them when they reach its top; an
    outer cell whose inner ones touch neither edge stays as it is."""
    out = []
    for cell in cells:
        x0, top, x1, bottom = cell
        inner = [c for c in cells if c != cell and c[0] >= x0 - NEST_TOLERANCE and c[2] <= x1 + NEST_TOLERANCE
                 and c[1] >= top - NEST_TOLERANCE and c[3] <= bottom + NEST_TOLERANCE]
        if inner and all(abs(c[3] - bottom) <= NEST_TOLERANCE for c in inner) \
                and (cut := min(c[1] for c in inner)) > top + NEST_TOLERANCE:
            cell = (x0, top, x1, cut)
        elif inner and all(abs(c[1] - top) <= NEST_TOLERANCE for c in inner) \
                and (cut := max(c[3] for c in inner)) < bottom - NEST_TOLERANCE:
            cell = (x0, cut, x1, bottom)
        out.append(cell)
    return out


def cell_boxes(cells, dpi: int, size: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """Cells (x0, top, x1, bottom in points) as pixel boxes inside the image, inset off their rules; boxes
    that are too small to hold a glyph are dropped."""
    scale = dpi / 72
    out = []
    for x0, top, x1, bottom in cells:
        box = (max(0, round(x0 * scale) + INSET), max(0, round(top * scale) + INSET),
               min(size[0], round(x1 * scale) - INSET), min(size[1], round(bottom * scale) - INSET))
        if box[2] - box[0] >= 8 and box[3] - box[1] >= 8:
            out.append(box)
    return out


def inked(image: Image.Image, boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """The boxes that hold some ink, in reading order (top to bottom, left to right)."""
    dark = np.asarray(image) < DARK
    keep = [b for b in boxes if int(dark[b[1]:b[3], b[0]:b[2]].sum()) >= MIN_INK]
    return sorted(set(keep), key=lambda b: (b[1], b[0]))


def paper(image: Image.Image) -> int:
    """The page's paper grey (its median pixel: most of a page is paper). Stacks and blanked cells are filled
    with it: white patches on grey paper make Tesseract's global threshold take the paper for ink (a grey
    office scan's stack read as no word at all)."""
    return int(np.median(np.asarray(image.reduce(4))))


def stack(image: Image.Image, boxes: list[tuple[int, int, int, int]], zoom: int = 1) -> tuple[Image.Image, list[Crop]]:
    """One image of the page's paper holding every box's crop (enlarged `zoom` times), left-aligned, one under
    the other."""
    width = max(b[2] - b[0] for b in boxes) * zoom + 2 * MARGIN
    height = sum(b[3] - b[1] for b in boxes) * zoom + GAP * (len(boxes) - 1) + 2 * MARGIN
    out = Image.new("L", (width, height), paper(image))
    crops, y = [], MARGIN
    for box in boxes:
        crop = image.crop(box)
        if zoom != 1:
            crop = crop.resize((crop.width * zoom, crop.height * zoom), Image.LANCZOS)
        out.paste(crop, (MARGIN, y))
        crops.append(Crop(*box, at=y, zoom=zoom))
        y += crop.height + GAP
    return out, crops


MAX_STACK = 30_000  # pixels: Tesseract refuses images past 32,767 pixels high


def batches(boxes: list[tuple[int, int, int, int]], zoom: int = 1):
    """(index of the first box, boxes) runs of boxes whose stack stays under MAX_STACK pixels high."""
    first, height = 0, 2 * MARGIN
    for i, box in enumerate(boxes):
        grown = (box[3] - box[1]) * zoom + GAP
        if i > first and height + grown > MAX_STACK:
            yield first, boxes[first:i]
            first, height = i, 2 * MARGIN
        height += grown
    if first < len(boxes):
        yield first, boxes[first:]


def place(words: list, crops: list[Crop], scale: float) -> list:
    """OcrWords of the stacked image (points of the stack, `scale` points per pixel) moved to the page: each to
    the crop holding its middle, clipped to it; line keys made unique per crop. Words outside every crop
    (noise in a gap) are dropped."""
    starts = [c.at for c in crops]
    out = []
    for word in words:
        middle = (word.top + word.bottom) / 2 / scale
        index = bisect_right(starts, middle + GAP / 2) - 1
        if index < 0:
            continue
        crop = crops[index]
        x0, x1 = (crop.x0 + (word.x0 / scale - MARGIN) / crop.zoom, crop.x0 + (word.x1 / scale - MARGIN) / crop.zoom)
        top, bottom = (crop.top + (word.top / scale - crop.at) / crop.zoom, crop.top + (word.bottom / scale - crop.at) / crop.zoom)
        if not (crop.x0 - 2 <= (x0 + x1) / 2 <= crop.x1 + 2 and crop.top - GAP / 2 <= (top + bottom) / 2 <= crop.bottom + GAP / 2):
            continue
        x0, x1 = max(x0, crop.x0), min(x1, crop.x1)
        top, bottom = max(top, crop.top), min(bottom, crop.bottom)
        block, paragraph, line = word.line
        out.append(replace(word, x0=x0 * scale, x1=x1 * scale, top=top * scale, bottom=bottom * scale,
                           line=(LINE_BASE + index, block * 1000 + paragraph, line)))
    return out


MIN_LETTERS = 0.8  # share of the page reading's letters a cell reading must keep to replace it
CONFIDENCE_SLACK = 3.0  # points of mean word confidence a cell reading may lose against the page reading


def choose(page_words: list, cell_words: list, crops: list[Crop], scale: float) -> list:
    """Words of a first reading with each cell's words replaced by a second reading of its crop (`cell_words`,
    line keys naming the crop), unless that reading lost letters (a lone `IIT`) or is clearly less sure (a short
    date read as English, `U.A.deAD`): then the first reading of that cell stays. (ocr.read_page: a cell's crop
    read again enlarged, when its first reading was empty or unsure.)"""
    by_crop: dict[int, list] = {}
    for word in cell_words:
        by_crop.setdefault(word.line[0] - LINE_BASE, []).append(word)
    replaced: set[int] = set()
    taken = []
    for index, crop in enumerate(crops):
        inside = [i for i, w in enumerate(page_words)
                  if crop.x0 <= (w.x0 + w.x1) / 2 / scale <= crop.x1 and crop.top <= (w.top + w.bottom) / 2 / scale <= crop.bottom]
        mine = by_crop.get(index, [])
        if not mine:
            continue
        theirs = [page_words[i] for i in inside]
        if theirs:
            letters = sum(len(w.text) for w in mine), sum(len(w.text) for w in theirs)
            confidence = (sum(w.conf for w in mine) / len(mine), sum(w.conf for w in theirs) / len(theirs))
            if letters[0] < MIN_LETTERS * letters[1] or confidence[0] < confidence[1] - CONFIDENCE_SLACK:
                continue
        replaced.update(inside)
        taken += mine
    return [w for i, w in enumerate(page_words) if i not in replaced] + taken


def blank(image: Image.Image, boxes: list[tuple[int, int, int, int]]) -> Image.Image:
    """A copy of the page with these boxes painted over in its paper grey (what the page-level OCR is left to
    read)."""
    out = image.copy()
    draw = ImageDraw.Draw(out)
    fill = paper(image)
    for box in boxes:
        draw.rectangle((box[0], box[1], box[2] - 1, box[3] - 1), fill=fill)
    return out
