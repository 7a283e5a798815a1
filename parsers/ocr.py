"""Tesseract OCR for pages without a usable text layer, keeping word boxes, plus ruling lines found in the image.

Tesseract runs in process (tesserocr, built against the system's libtesseract) or else as a subprocess (tsv
output), with OMP_THREAD_LIMIT=1 either way: one thread per core is faster than letting it spread threads over
cores that other workers use.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from parsers import scan_cells
from parsers.ocr_digits import Learned, page_font, reread_numbers
from parsers.scan_image import prepare
from PIL import Image, ImageDraw

DPI = 300
LANGUAGES = "tha+eng"
TIMEOUT_SECONDS = 120
MIN_LINE_CONFIDENCE = 70.0


class OcrUnavailable(Exception):
    """Tesseract (or its Thai data) is not installed; the message says what to install."""


@dataclass(frozen=True)
class OcrWord:
    """A word Tesseract read, with its box in page points (top-left origin) and its line key."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    line: tuple[int, int, int]  # (block, paragraph, line) as numbered by Tesseract
    conf: float


@dataclass(frozen=True)
class Rule:
    """A ruling line found in a page image, in page points. Horizontal when top == bottom."""

    x0: float
    top: float
    x1: float
    bottom: float


def check_tesseract() -> None:
    """Raise OcrUnavailable with an install hint unless tesseract with Thai is on PATH."""
    if shutil.which("tesseract") is None:
        raise OcrUnavailable("tesseract not found; install Debian packages tesseract-ocr tesseract-ocr-tha")
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OcrUnavailable(f"tesseract cannot run: {exc}") from exc
    if "tha" not in listed.stdout.split():
        raise OcrUnavailable("tesseract has no Thai data; install Debian package tesseract-ocr-tha")


A4_LONG_SIDE = 842.0  # points
OVERSIZED = 1.5  # a media box this many times A4 (past A3) holding one page-wide scan is not the paper's size


def _page_images(pdf_page):
    """(pixels wide, pixels high, points across, points down) of each image drawn on the page, in page space
    (images inside form XObjects included, their form's matrix applied)."""
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415 - object kinds only

    forms: dict[int, tuple[float, ...]] = {}  # level -> the enclosing form's matrix in page space
    for obj in pdf_page.get_objects(max_depth=4):
        own = obj.get_matrix().get()
        matrix = _compose(own, forms[obj.level - 1]) if obj.level and obj.level - 1 in forms else own
        if obj.type == pdfium_c.FPDF_PAGEOBJ_FORM:
            forms[obj.level] = matrix
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            a, b, c, d = matrix[:4]
            yield (*obj.get_px_size(), (a * a + b * b) ** 0.5, (c * c + d * d) ** 0.5)


def paper_scale(pdf_page) -> float:
    """Page points per point of paper: 1, unless the page is a scan placed on an oversized media box (an
    image-to-PDF tool writing a 200 dpi A4 scan at 74 pixels per inch makes a 1600 x 2263 pt page). The
    layout's measures (line tolerance, rule length, gaps) are in points of printed paper; on such a page
    they are taken against its A4 equivalent."""
    width, height = pdf_page.get_width(), pdf_page.get_height()
    long_side = max(width, height)
    if long_side < OVERSIZED * A4_LONG_SIDE:
        return 1.0
    covering = [1 for _, _, across, down in _page_images(pdf_page) if across * down >= 0.5 * width * height]
    return long_side / A4_LONG_SIDE if covering else 1.0


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """The PDF matrix applying `inner`, then `outer`."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def render(pdf_page, dpi: int = DPI):
    """The page as a greyscale PIL image at `dpi`, coloured ink removed (scan_image.prepare), straightened
    (see deskew)."""
    return deskew(prepare(pdf_page.render(scale=dpi / 72).to_pil()))


def skew_angle(image, max_degrees: float = 2.0, step: float = 0.1) -> float:
    """Rotation (degrees) that makes text lines and rules horizontal: the sharpest row profile wins.

    Scanned pages come a fraction of a degree off; that is enough to break a ruling line into pieces
    at different heights and merge neighbouring cells.
    """
    small = image.reduce(max(1, round(min(image.size) / 800)))
    ink = np.asarray(small) < 160
    height, width = ink.shape
    ys, xs = np.nonzero(ink)
    across, down = xs + 0.5 - width / 2, ys + 0.5 - height / 2  # ink pixel centres about the image's centre
    counted: dict[int, float] = {}

    def estimate(i: int) -> float:
        # Where each ink pixel lands when the image is turned i steps counter-clockwise (as Image.rotate turns
        # it), counted per row: nearly the row profile of the turned image, without drawing it
        if i not in counted:
            turn = np.radians(i * step)
            row = np.floor(height / 2 - np.sin(turn) * across + np.cos(turn) * down).astype(np.int64)
            column = np.floor(width / 2 + np.cos(turn) * across + np.sin(turn) * down).astype(np.int64)
            inside = (row >= 0) & (row < height) & (column >= 0) & (column < width)
            counted[i] = float(np.square(np.diff(np.bincount(row[inside], minlength=height).astype(np.float64))).sum())
        return counted[i]

    drawn_ink = Image.fromarray(ink.astype(np.uint8) * 255)

    def sharpness(i: int) -> float:
        rows = np.asarray(drawn_ink.rotate(i * step, fillcolor=0), dtype=np.float64).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    # Coarse to fine: every fifth angle, then every angle within one coarse step of the best (the profile's
    # sharpness rises steadily towards the true angle at this scale), ranked by the counted estimate; the turned
    # image is drawn only for the estimate's best three, which decide (0.09 -> 0.03 CPU s a page, 17 drawings
    # -> 3; the angle of drawing all 17 on the 68 suite pages, and on them turned again by 0.7 and -1.3 degrees:
    # counting alone differed once in those 204, 1.2 for 1.1)
    limit, coarse = int(max_degrees / step), 5
    best = max(range(-limit, limit + 1, coarse), key=estimate)
    fine = sorted(range(max(-limit, best - coarse), min(limit, best + coarse) + 1), key=estimate, reverse=True)
    best = max(sorted(fine[:3]), key=sharpness)
    return best * step


OSD_MIN_CONFIDENCE = 2.0  # Tesseract's orientation confidence below this is a guess: the page stays as it is
_OSD_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_OSD_CONFIDENCE = re.compile(r"Orientation confidence:\s*([\d.]+)")


def page_rotation(image, long_side: int = 1600) -> int:
    """Degrees (0, 90, 180, 270) to turn a page image clockwise so its text reads upright, from Tesseract's
    orientation detection (`--psm 0`) on a reduced copy; 0 when it is unsure or cannot tell (too little text).
    Landscape tables scanned onto portrait pages come out sideways otherwise, and are read as noise."""
    small = image.reduce(max(1, round(max(image.size) / long_side)))
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory(prefix="ita-osd-") as tmp:
        path = os.path.join(tmp, "page.png")
        small.save(path)
        try:
            done = subprocess.run(["tesseract", path, "stdout", "--psm", "0"], capture_output=True, text=True,
                                  env=env, timeout=TIMEOUT_SECONDS)
        except (OSError, subprocess.TimeoutExpired):
            return 0
    rotate, confidence = _OSD_ROTATE.search(done.stdout), _OSD_CONFIDENCE.search(done.stdout)
    if done.returncode != 0 or not rotate or not confidence or float(confidence.group(1)) < OSD_MIN_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360


UPRIGHT_CONFIDENCE = 80.0  # letter-weighted mean word confidence of a page read upright (measured 91.6-94.1)
UPRIGHT_ACROSS = 0.8  # share of a line's neighbouring words side by side (not one above the other) when upright
MIN_UPRIGHT_LETTERS = 40  # a page reading with fewer letters says nothing about the page's orientation


def reads_upright(words: list[OcrWord]) -> bool:
    """Whether Tesseract's page reading (psm 3, before unsure lines are dropped) shows an upright page: read
    with confidence, in lines that run across. A page turned 90 or 180 degrees reads at 49-61 (letter-weighted
    mean confidence); one turned 270 reads as well as upright (Tesseract finds vertical lines), but its lines
    run down the page. Tesseract's orientation detection (~1 s a page) is asked only when this fails."""
    letters = sum(len(w.text) for w in words)
    if letters < MIN_UPRIGHT_LETTERS:
        return False
    if sum(w.conf * len(w.text) for w in words) / letters < UPRIGHT_CONFIDENCE:
        return False
    across = down = 0
    for first, second in zip(words, words[1:]):
        if first.line == second.line:
            dx = abs((second.x0 + second.x1) - (first.x0 + first.x1))
            dy = abs((second.top + second.bottom) - (first.top + first.bottom))
            across, down = across + (dx > dy), down + (dx <= dy)
    return across >= UPRIGHT_ACROSS * max(1, across + down)


def upright(image):
    """The page image turned so its text reads upright (see page_rotation), and the degrees turned."""
    degrees = page_rotation(image)
    # PIL rotates counter-clockwise; Tesseract's Rotate is clockwise
    return (image.rotate(-degrees, expand=True, fillcolor=255), degrees) if degrees else (image, 0)


def deskew(image):
    """The image turned level (skew_angle): bicubic resampling, bilinear in the faster setting (fast_enabled:
    half the rotation's CPU, and Tesseract reads 1-3% of a page's words differently, docs/layout.md)."""
    angle = skew_angle(image)
    resample = 2 if fast_enabled() else 3
    return image.rotate(angle, resample=resample, fillcolor=255) if abs(angle) >= 0.05 else image


def shear_slope(image, max_degrees: float = 2.0, step: float = 0.1) -> float:
    """Horizontal shift per row (dx/dy) that makes vertical strokes and column rules upright: the sharpest
    column profile wins. A scan can lean without being turned (the sheet fed at an angle, a camera tilt):
    deskew levels the rows, and the column rules still drift by several points down a page, so a grid
    built on them breaks into pieces that no longer cross the row rules."""
    small = image.reduce(max(1, round(min(image.size) / 800)))
    ink = np.asarray(small) < 160
    height, width = ink.shape
    ys, xs = np.nonzero(ink)
    rows = np.arange(height, dtype=np.int64)
    best, best_score = 0.0, -1.0
    for i in range(int(-max_degrees / step), int(max_degrees / step) + 1):
        slope = float(np.tan(np.radians(i * step)))
        columns = 255.0 * _sheared_columns(xs, ys, rows, slope, width, height)
        score = float(np.square(np.diff(columns)).sum())
        if score > best_score:
            best, best_score = slope, score
    return best


def _fix(value: float) -> int:
    """A coefficient in Pillow's 16.16 fixed point (libImaging/Geometry.c, affine_fixed)."""
    return int(np.floor(value * 65536.0 + 0.5))


def _sheared_columns(xs: np.ndarray, ys: np.ndarray, rows: np.ndarray, slope: float, width: int,
                     height: int) -> np.ndarray:
    """Ink pixels per column of the ink (pixels at `xs`, `ys`) sheared by `slope` about the middle row, counted
    without drawing the sheared image: exactly what Pillow's nearest-neighbour affine transform (1, slope,
    -slope * height / 2, 0, 1, 0) puts in each column. Pillow shifts each row by a whole number of pixels in
    16.16 fixed point, (a2 + y * a1) >> 16; counting the shifted ink is a tenth of the CPU of drawing it (41
    slopes a page: 0.14 -> 0.016 s, the same profiles on suite pages)."""
    a1 = _fix(slope)
    a2 = _fix(-slope * height / 2 + 0.5 + slope * 0.5)
    x = xs - ((a2 + a1 * rows) >> 16)[ys]
    inside = (x >= 0) & (x < width)
    return np.bincount(x[inside], minlength=width).astype(np.float64)


MIN_SHEAR_DEGREES = 0.25  # a smaller lean moves a column rule under 4 points down an A4 page: left as it is


def deshear(image):
    """The image with its columns upright (shear_slope), rows unmoved; unchanged when it does not lean."""
    slope = shear_slope(image)
    if abs(slope) < float(np.tan(np.radians(MIN_SHEAR_DEGREES))):
        return image
    width, height = image.size
    return image.transform((width, height), 0, (1, slope, -slope * height / 2, 0, 1, 0), resample=2, fillcolor=255)


def fast_enabled() -> bool:
    """ITA_OCR_FAST=1: the cheaper OCR setting (about 0.6-0.7 CPU s a page less; what it costs in fields is in
    docs/layout.md, "OCR cost"): ruled cells read with the page instead of on their own crops (as
    ITA_OCR_CELLS=0), bilinear deskew, and no second reading of unsure lines inverted (Tesseract's
    tessedit_do_invert)."""
    return os.environ.get("ITA_OCR_FAST", "0") == "1"


def cells_enabled() -> bool:
    """Whether ruled table cells are read on their own crops (parsers/scan_cells.py); ITA_OCR_CELLS=0 (or the
    faster setting, fast_enabled) reads them with the page, as before."""
    return os.environ.get("ITA_OCR_CELLS", "1") != "0" and not fast_enabled()


@dataclass(frozen=True)
class PageReading:
    """What OCR read on a page image: its words (points), its digits (font family and the digit pictures read
    clearly, for its table cells) and whether the reading shows an upright page (reads_upright)."""

    words: list[OcrWord]
    digits: Learned
    upright: bool


def once_enabled() -> bool:
    """Whether the cells of text tables are read by their crops only, painted over for the page pass (read_page);
    ITA_OCR_ONCE=0 reads every cell twice, page then crops, as before (for measuring the difference)."""
    return os.environ.get("ITA_OCR_ONCE", "1") != "0"


def read_page(image, dpi: int = DPI, cells=(), tables=()) -> PageReading:
    """The page image read by Tesseract. `cells` (boxes in points of the ruled tables found) are read each on its
    own crop, all in one call (read_cells), a cell's page-level reading kept where its crop reading is worse
    (scan_cells.choose: a header `ที่` read `a` on its crop, `ที` on the page). `tables` (the table of each cell,
    when known) lets the cells of a text table that their crops read surely be painted over for the page pass
    (painted_cells), so that they are read once."""
    scale = 72 / dpi
    boxes = scan_cells.inked(image, scan_cells.cell_boxes(cells, dpi, image.size)) if cells else []
    if not boxes:
        page = tsv_words(tesseract_tsv(image, dpi, 3), scale)
        digits = Learned(page_font(page, image, dpi))
        words = drop_unsure_lines(reread_numbers(page, image, dpi, font=digits.font, learned=digits))
        return PageReading(words, digits, reads_upright(page))
    cell_words, raw = read_cells(image, boxes, dpi)
    painted = painted_cells(boxes, raw, _table_of(cells, tables, dpi, image.size)) if once_enabled() else []
    page = tsv_words(tesseract_tsv(scan_cells.blank(image, painted) if painted else image, dpi, 3), scale)
    crops = [scan_cells.Crop(*box, at=0) for box in boxes]
    # Unsure lines are judged on each reading's whole lines, before cells are swapped: a page line left with one
    # cell's word (`IIT` at 65, its row's other cells taken from the crops) is no tone-mark debris.
    words = scan_cells.choose(drop_unsure_lines(page), cell_words, crops, scale)
    digits = Learned(page_font(words, image, dpi))
    return PageReading(reread_numbers(words, image, dpi, font=digits.font, learned=digits), digits,
                       reads_upright(page + raw))


def _table_of(cells, tables, dpi: int, size) -> dict[tuple[int, int, int, int], int]:
    """Each cell's pixel box (scan_cells.cell_boxes) -> the index of its table in `tables` (one per cell)."""
    out = {}
    for cell, table in zip(cells, tables):
        for box in scan_cells.cell_boxes([cell], dpi, size):
            out[box] = table
    return out


SURE_CONFIDENCE = 85.0  # mean word confidence from which a crop's reading of Thai text stands alone
SURE_LETTERS = 2  # Thai letters it must hold (a lone `a` read for a header `ที่` is no reading to stand on)
TEXT_TABLE_LETTERS = 12.0  # Thai letters a table's inked cells read on average when it is a table of text
MIN_TEXT_TABLE_CELLS = 4  # fewer inked cells are a framed title or note, not a table of text


def painted_cells(boxes, raw: list[OcrWord], table_of: dict) -> list[tuple[int, int, int, int]]:
    """The boxes whose crop reading (`raw`: every word read_cells gave) stands alone, to paint over for the page
    pass: cells of text tables (measures, methods: most of a plan's ink) read surely, Thai letters without digits.
    The cells of tables of short values (an announcement's scores and levels, a tool table: `B`, `OIT`, `80.90`)
    stay on the page as they are, neighbours and all: at 150 dpi their page reading is the better one (`B` read
    on the page, `8` alone), and so are numbers, which the digit templates read on Tesseract's word boxes."""
    by_crop: dict[int, list[OcrWord]] = {}
    for word in raw:
        by_crop.setdefault(word.line[0] - scan_cells.LINE_BASE, []).append(word)
    letters = [sum(len(_THAI_LETTER.findall(w.text)) for w in by_crop.get(i, [])) for i in range(len(boxes))]
    per_table: dict[int, list[int]] = {}
    for index, box in enumerate(boxes):
        if box in table_of:
            per_table.setdefault(table_of[box], []).append(index)
    out = []
    for members in per_table.values():
        if len(members) < MIN_TEXT_TABLE_CELLS or sum(letters[i] for i in members) / len(members) < TEXT_TABLE_LETTERS:
            continue
        for index in members:
            mine = by_crop.get(index, [])
            if mine and letters[index] >= SURE_LETTERS and sum(w.conf for w in mine) / len(mine) >= SURE_CONFIDENCE \
                    and not any(_DIGIT.search(w.text) for w in mine):
                out.append(boxes[index])
    return out


_THAI_LETTER = re.compile(r"[ก-ฮ]")
_DIGIT = re.compile(r"[0-9๐-๙]")


def ocr_page(image, dpi: int = DPI, cells=(), tables=()) -> tuple[list[OcrWord], Learned]:
    """(words, digits) of read_page."""
    reading = read_page(image, dpi, cells, tables)
    return reading.words, reading.digits


def read_cells(image, boxes: list[tuple[int, int, int, int]], dpi: int = DPI,
               zoom: int = 1) -> tuple[list[OcrWord], list[OcrWord]]:
    """(words without unsure lines, every word) Tesseract reads in these boxes (image pixels), their crops stacked
    one under another (scan_cells.stack, enlarged `zoom` times) and read in one run (`--psm 6`: each crop's lines
    stay its lines); words in page points, line keys naming their crop (scan_cells.LINE_BASE + index)."""
    words: list[OcrWord] = []
    for first, part in scan_cells.batches(boxes, zoom):
        stacked, crops = scan_cells.stack(image, part, zoom)
        placed = scan_cells.place(tsv_words(tesseract_tsv(stacked, dpi * zoom, scan_cells.CELL_PSM), 72 / dpi),
                                  crops, 72 / dpi)
        words += [replace(w, line=(w.line[0] + first, *w.line[1:])) for w in placed]
    return drop_unsure_lines(words), words


def ocr_cells(image, boxes: list[tuple[int, int, int, int]]) -> list[list[OcrWord]]:
    """Words of single-line table cells that the page's OCR left empty (`boxes` in image pixels), read again
    in one Tesseract run (`--psm 6`) on their crops stacked one under another (read_cells); each cell's words in
    pixels of its own crop. Tesseract's page layout analysis breaks a narrow column at a table's edge into marks it
    is unsure of (a level column read `ส อ ร ชา`, dropped by drop_unsure_lines); alone, the cell reads."""
    if not boxes:
        return []
    words, _ = read_cells(image, boxes, DPI)
    out: list[list[OcrWord]] = [[] for _ in boxes]
    to_pixels = DPI / 72
    for word in words:
        index = word.line[0] - scan_cells.LINE_BASE
        x0, top = boxes[index][:2]
        out[index].append(OcrWord(word.text, word.x0 * to_pixels - x0, word.top * to_pixels - top,
                                  word.x1 * to_pixels - x0, word.bottom * to_pixels - top, word.line, word.conf))
    return out


def tsv_words(tsv: str, scale: float) -> list[OcrWord]:
    """Words of Tesseract's TSV (pixels) as OcrWords in points, `scale` points per pixel."""
    words = []
    for row in csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if len(row) < 12 or row[0] != "5":  # level 5 = word; the CLI's header row and layout rows skipped
            continue
        text = row[11].replace("|", "").strip()  # ruling lines read as "|"
        if not text:
            continue
        left, top, width, height = (int(v) for v in row[6:10])
        words.append(OcrWord(
            text, left * scale, top * scale, (left + width) * scale, (top + height) * scale,
            (int(row[2]), int(row[3]), int(row[4])), float(row[10]),
        ))
    return words


def tesseract_tsv(image, dpi: int, psm: int) -> str:
    """Tesseract's TSV of a greyscale image: in process (tesserocr) when it is built against the same libtesseract
    as Debian's CLI, else by the CLI. Same engine, same image, same settings: the same TSV, word for word and
    confidence for confidence (measured on suite pages, psm 3 and 6), without a process, a PNG and a model load
    per call. (tesserocr's PyPI wheel bundles another Tesseract build, which read these scans worse:
    docs/layout.md; `make setup` builds it from source, `--no-binary tesserocr`.)"""
    cache = os.environ.get("ITA_OCR_CACHE")
    if cache:
        return _cached_tsv(Path(cache), image, dpi, psm)
    return _tesseract_tsv(image, dpi, psm)


def _cached_tsv(folder: Path, image, dpi: int, psm: int) -> str:
    """ITA_OCR_CACHE=FOLDER (measuring only): Tesseract's TSV kept per image, dpi and psm, so a change to what
    follows Tesseract (cells, cleanup, vocabularies, digits) is re-measured on a scan suite without reading
    again. Same image, same settings: the same TSV, so results are those of an uncached run."""
    grey = image if image.mode == "L" else image.convert("L")
    settings = (grey.size, dpi, psm, LANGUAGES) + (("no invert",) if fast_enabled() else ())
    key = hashlib.sha256(grey.tobytes() + repr(settings).encode()).hexdigest()[:32]
    kept = folder / f"{key}.tsv"
    if kept.exists():
        return kept.read_text(encoding="utf-8")
    tsv = _tesseract_tsv(grey, dpi, psm)
    folder.mkdir(parents=True, exist_ok=True)
    partial = kept.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(tsv, encoding="utf-8")
    partial.replace(kept)
    return tsv


def _tesseract_tsv(image, dpi: int, psm: int) -> str:
    api = _in_process()
    if api is not None:
        api.SetPageSegMode(psm)
        api.SetImage(image if image.mode == "L" else image.convert("L"))
        api.SetVariable("user_defined_dpi", str(dpi))
        api.SetVariable("tessedit_do_invert", "0" if fast_enabled() else "1")  # set each call: the API is reused
        try:
            if not api.Recognize():
                raise OcrUnavailable("tesseract (in process) failed to recognise the page")
            return api.GetTSVText(0)
        finally:
            # the page image and its results are let go (models stay loaded): a worker's peak 462 -> 442 MiB
            # on two suite documents, the same TSV (docs/scale.md)
            api.Clear()
    return _cli_tsv(image, dpi, psm)


_local = threading.local()


def in_process_enabled() -> bool:
    """ITA_TESSEROCR=0 reads by the CLI even when tesserocr is there (for measuring the difference)."""
    return os.environ.get("ITA_TESSEROCR", "1") != "0"


@lru_cache(maxsize=1)
def _same_engine() -> bool:
    """Whether tesserocr is importable and linked to the Tesseract the CLI runs (same version line): only then
    does it read as the CLI does."""
    try:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # read by libtesseract's OpenMP as it starts
        import tesserocr  # noqa: PLC0415 - optional; the CLI is the fallback
        cli = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, timeout=30)
    except (ImportError, OSError, subprocess.TimeoutExpired):
        return False
    first = (cli.stdout or cli.stderr).splitlines()[:1]
    return bool(first) and tesserocr.tesseract_version().splitlines()[0].strip() == first[0].strip()


def _in_process():
    """This thread's tesserocr API for LANGUAGES (models loaded once), or None to use the CLI."""
    if not in_process_enabled() or not _same_engine():
        return None
    api = getattr(_local, "api", None)
    if api is None:
        import tesserocr  # noqa: PLC0415 - _same_engine imported it first, with OMP_THREAD_LIMIT set

        api = tesserocr.PyTessBaseAPI(lang=LANGUAGES, psm=tesserocr.PSM.AUTO)
        _local.api = api
    return api


def _cli_tsv(image, dpi: int, psm: int) -> str:
    """Tesseract's TSV of a greyscale image, by Debian's CLI."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory(prefix="ita-ocr-") as tmp:
        path = os.path.join(tmp, "page.png")
        image.save(path, dpi=(dpi, dpi))
        try:
            done = subprocess.run(
                ["tesseract", path, "stdout", "-l", LANGUAGES, "--psm", str(psm), "--dpi", str(dpi),
                 *(["-c", "tessedit_do_invert=0"] if fast_enabled() else []), "tsv"],
                capture_output=True, text=True, env=env, timeout=TIMEOUT_SECONDS,
            )
        except FileNotFoundError as exc:
            raise OcrUnavailable("tesseract not found; install tesseract-ocr tesseract-ocr-tha") from exc
    if done.returncode != 0:
        raise OcrUnavailable(f"tesseract failed: {done.stderr.strip()[-300:]}")
    return done.stdout


def drop_unsure_lines(words: list[OcrWord], min_confidence: float = MIN_LINE_CONFIDENCE) -> list[OcrWord]:
    """Without lines Tesseract is unsure of: on Thai scans these are tone marks and vowels read as a
    line of their own (`เห a บ a ๐ wv y`), mean confidence 45-70 where real lines score 85-95."""
    by_line: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in words:
        by_line.setdefault(word.line, []).append(word)
    keep = {key for key, found in by_line.items() if sum(w.conf for w in found) / len(found) >= min_confidence}
    return [w for w in words if w.line in keep]


ROW_BAND = 256  # rows of a page image whose long dark runs are looked for at once


def _lines_one_way(dark: np.ndarray, min_length: int) -> list[tuple[int, int, int]]:
    """Horizontal ruling lines as (y, x_start, x_end), merging the rows of one thick line."""
    # only rows holding min_length dark pixels in a row can hold a line (most rows are text: short runs);
    # counted in bands of rows, so the running sums stay a few MiB
    candidates = []
    for first in range(0, dark.shape[0], ROW_BAND):
        band = dark[first:first + ROW_BAND]
        sums = np.zeros((band.shape[0], band.shape[1] + 1), dtype=np.int32)
        np.cumsum(band, axis=1, out=sums[:, 1:])
        candidates.append(first + np.flatnonzero((sums[:, min_length:] - sums[:, :-min_length] == min_length).any(axis=1)))
    candidates = np.concatenate(candidates) if candidates else np.zeros(0, dtype=np.intp)
    padded = np.zeros((len(candidates), dark.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = dark[candidates]
    rows, cols = np.nonzero(np.diff(padded, axis=1))  # row-major: each row's run starts and ends in turn
    runs_by_row: dict[int, list[tuple[int, int]]] = {}
    for y, start, end in zip(candidates[rows[::2]].tolist(), cols[::2].tolist(), cols[1::2].tolist()):
        if end - start >= min_length:
            runs_by_row.setdefault(y, []).append((start, end))
    found: list[tuple[int, int, int]] = []
    active: list[int] = []  # lines whose last row is within 4 rows: only they can take a run (found's order)
    for y in sorted(runs_by_row):
        active = [i for i in active if y - found[i][0] <= 4]
        for start, end in runs_by_row[y]:
            for i in active:
                fy, fs, fe = found[i]
                if 0 < y - fy <= 4 and abs(fs - start) < 10 and abs(fe - end) < 10:
                    found[i] = (y, min(fs, start), max(fe, end))
                    break
            else:
                found.append((y, start, end))
                active.append(len(found) - 1)
    return found


def erase_rules(image, rules: list[Rule], dpi: int = DPI, fill: int = 255):
    """A copy with the ruling lines painted over (white unless `fill` says): Tesseract reads rules touching text as
    letters. White by default: on most grey pages it reads best (scan9: 01002's title year is read `Wedd` with the
    paper's grey), but on some the white strips move Tesseract's global threshold above the paper, which it then
    takes for ink and the page pass reads nothing (page_pass_lost: then the rules are painted in the paper's grey,
    scan8/scan9)."""
    clean = image.copy()
    if not rules:
        return clean
    draw = ImageDraw.Draw(clean)
    scale = dpi / 72
    for rule in rules:
        draw.line([(rule.x0 * scale, rule.top * scale), (rule.x1 * scale, rule.bottom * scale)], fill=fill, width=7)
    return clean


LOST_PAGE_WORDS = 3  # fewer words read by the page pass where there is ink outside the cells: the page pass lost it
LOST_INK = 0.004  # share of the page outside its cells darker than the paper by INK_BELOW_PAPER: text is there
INK_BELOW_PAPER = 80


def page_words(reading: PageReading) -> int:
    """How many words of this reading the page pass gave (cell crops' words carry line keys from LINE_BASE)."""
    return sum(w.line[0] < scan_cells.LINE_BASE for w in reading.words)


def page_pass_lost(image, reading: PageReading, cells=(), dpi: int = DPI) -> bool:
    """Whether the page pass read (almost) nothing where the page has ink outside its table cells: Tesseract took
    the paper for ink (grey paper whose erased rules are white: the probe analysis2566 colour 300-dpi scan read
    "Empty page!!"). Measured on a quarter-size copy, so it costs milliseconds."""
    if page_words(reading) >= LOST_PAGE_WORDS:
        return False
    small = np.asarray(image.convert("L").reduce(4), dtype=np.int16)
    dark = small < int(np.median(small)) - INK_BELOW_PAPER
    scale = dpi / 72 / 4
    for x0, top, x1, bottom in cells:
        dark[int(top * scale):int(bottom * scale) + 1, int(x0 * scale):int(x1 * scale) + 1] = False
    return dark.mean() >= LOST_INK


def find_rules(image, dpi: int = DPI, min_points: float = 12.0) -> list[Rule]:
    """Ruling lines of a scanned table: long straight runs of dark pixels, in page points."""
    dark = np.asarray(image) < 160
    min_length = int(min_points * dpi / 72)
    scale = 72 / dpi
    # Thicken across the line so a rule drifting by a pixel (residual skew) stays one run.
    across_rows = dark | np.roll(dark, 1, axis=0) | np.roll(dark, -1, axis=0)
    across_cols = dark | np.roll(dark, 1, axis=1) | np.roll(dark, -1, axis=1)
    rules = [Rule(s * scale, y * scale, e * scale, y * scale) for y, s, e in _lines_one_way(across_rows, min_length)]
    rules += [Rule(x * scale, s * scale, x * scale, e * scale) for x, s, e in _lines_one_way(across_cols.T, min_length)]
    kept = table_rules(rules)
    if sum(r.top != r.bottom for r in kept) >= 2:
        return kept
    # no column rules: a bilevel scan may have broken thin grey rules into dots no run is long enough in
    return table_rules(rules + _dotted_grid(dark, dpi)) or kept


FAINT_INK = 0.03  # ink share (summed over 3 pixels across) along a line from which a dotted rule is looked for
# ink share 4-9 pixels either side of it, at most, relative to the line's own (01005's rules: 0.08 at most; the stems
# of one letter at one x in rows of repeated words: 0.2-0.4)
FAINT_SIDE = 0.12
FAINT_REACH = (4, 10)  # pixels either side looked at: a cell's padding; a letter's stroke has its letter there


def _isolated_peaks(profile: np.ndarray, min_ink: float = FAINT_INK) -> list[int]:
    """Indexes where a thin line of ink stands alone in this ink profile (share of dark pixels per row or column):
    at least `min_ink` over 3 pixels, and the pixels 4-9 away on both sides nearly empty. A rule printed thin and
    lost to bilevel thresholding keeps a dot every few millimetres, all on one line with nothing beside it; a
    letter's stroke has the rest of its letter beside it, and a line of text is tens of pixels of ink."""
    near, far = FAINT_REACH
    ink = np.convolve(profile, np.ones(3), "same")
    peaks: list[int] = []
    for i in np.flatnonzero(ink > min_ink).tolist():
        if i < far or i >= len(ink) - far:
            continue
        side = max(ink[i - far:i - near + 1].max(), ink[i + near:i + far].max())
        if side < FAINT_SIDE * ink[i] and ink[i] >= ink[max(0, i - 3):i + 4].max() and not (peaks and i - peaks[-1] <= 3):
            peaks.append(i)
    return peaks


def _dotted_grid(dark: np.ndarray, dpi: int) -> list[Rule]:
    """The rules of a table whose thin rules a bilevel scan broke into dots (01005 at 150 dpi: a row rule keeps 8%
    of its pixels, in dots up to 100 pixels apart, so no run of `find_rules` is long enough). Column rules are the
    isolated vertical lines of ink (_isolated_peaks over the page's columns, then again over the rows the table
    spans, where a short table's rules are not diluted by the page below it); row rules the isolated horizontal
    lines found between at least half of the neighbouring column rules at the same height. They make one grid,
    from the first to the last row rule and column rule; table_rules then keeps what meets."""
    scale = 72 / dpi
    columns, rows = _isolated_peaks(dark.mean(axis=0)), []
    for _ in range(2):
        if len(columns) < 2 or len(rows := _row_rules(dark, columns)) < 2:
            return []
        columns = _isolated_peaks(dark[rows[0]:rows[-1] + 1].mean(axis=0))
    if len(columns) < 2 or len(rows := _row_rules(dark, columns)) < 2:
        return []
    x0, x1, top, bottom = columns[0] * scale, columns[-1] * scale, rows[0] * scale, rows[-1] * scale
    return ([Rule(x0, y * scale, x1, y * scale) for y in rows]
            + [Rule(x * scale, top, x * scale, bottom) for x in columns])


def _row_rules(dark: np.ndarray, columns: list[int]) -> list[int]:
    """Heights of the isolated horizontal lines between at least half of these column rules' neighbouring pairs."""
    inset = FAINT_REACH[1]
    gaps = [(left, right) for left, right in zip(columns, columns[1:]) if right - left > 4 * inset]
    votes: dict[int, int] = {}
    for left, right in gaps:
        for y in _isolated_peaks(dark[:, left + inset:right - inset].mean(axis=1)):
            key = next((k for k in votes if abs(k - y) <= 3), y)
            votes[key] = votes.get(key, 0) + 1
    return sorted(y for y, n in votes.items() if 2 * n >= len(gaps)) if gaps else []


def _chains(rules: list[Rule], vertical: bool, gap: float = 12.0, across: float = 2.0) -> list[list[Rule]]:
    """Collinear pieces of one ruling line (noise and faint ink break a scanned rule), joined over gaps up
    to `gap` points; pieces within `across` points of each other sideways are the same line."""
    def key(r: Rule) -> tuple[float, float, float]:
        return (r.x0, r.top, r.bottom) if vertical else (r.top, r.x0, r.x1)
    chains: list[list[Rule]] = []
    ends: list[tuple[float, float, float]] = []  # (position across, start, end) of each chain
    for rule in sorted(rules, key=lambda r: key(r)[1]):
        at, start, end = key(rule)
        for i, (c_at, c_start, c_end) in enumerate(ends):
            if abs(c_at - at) <= across and start <= c_end + gap:
                chains[i].append(rule)
                ends[i] = (c_at, c_start, max(c_end, end))
                break
        else:
            chains.append([rule])
            ends.append((at, start, end))
    return chains


def _between_crossings(chain: list[Rule], horizontal: list[Rule], tolerance: float) -> list[Rule]:
    """A column rule whose chain runs past the table (a text stroke just above it, within the join gap, became
    its first piece): the part between the first and last horizontal rules it crosses, when it crosses two."""
    x = chain[0].x0
    top, bottom = min(r.top for r in chain), max(r.bottom for r in chain)
    crossings = sorted({round(h.top, 1) for h in horizontal
                        if top - tolerance <= h.top <= bottom + tolerance and h.x0 - tolerance <= x <= h.x1 + tolerance})
    if len(crossings) < 2:
        return []
    low, high = crossings[0] - tolerance, crossings[-1] + tolerance
    clipped = [Rule(r.x0, max(r.top, low), r.x1, min(r.bottom, high)) for r in chain if r.bottom > low and r.top < high]
    covered = np.zeros(int(high - low) + 1, dtype=bool)
    for r in clipped:
        covered[int(r.top - low):int(r.bottom - low) + 1] = True
    # a rule runs on between its crossings (noise breaks it for a few points); stems of letters in rows
    # stacked at one x leave most of it empty
    return clipped if covered.mean() >= 0.9 else []


STRAY_COVER = 0.25  # share of its table's height a column rule runs at its x, at least (a stamp's ring: 0.15)


def _without_stray_columns(vertical: list[Rule], tolerance: float) -> list[Rule]:
    """The column rules without strays: a round stamp over a table leaves its ring's left and right sides as two
    short near-vertical runs (40 points, two rows), each meeting row rules, which split every row of the table
    into extra columns (a landscape table of two side by side read as one of ten columns). A column rule of a
    ruled table runs at its x over most of the table: down through the body from the header row it starts in,
    broken only where a row spans it (a section row, a footnote). A chain is a stray when, at its x, rules run
    over less than STRAY_COVER of the height of the table it stands in (the verticals its run overlaps, from the
    highest top to the lowest bottom) and it reaches neither that table's top nor its bottom."""
    chains = _chains(vertical, vertical=True)
    spans = [(chain[0].x0, min(r.top for r in chain), max(r.bottom for r in chain)) for chain in chains]
    kept: list[Rule] = []
    for chain, (x, top, bottom) in zip(chains, spans):
        near = [(t, b) for _, t, b in spans if t < bottom and b > top]
        high, low = min(t for t, _ in near), max(b for _, b in near)
        if top <= high + tolerance or bottom >= low - tolerance:
            kept += chain
            continue
        covered = np.zeros(int(low - high) + 1, dtype=bool)
        for at, t, b in spans:
            if abs(at - x) <= tolerance and t < low and b > high:
                covered[int(max(t, high) - high):int(min(b, low) - high) + 1] = True
        if covered.mean() >= STRAY_COVER:
            kept += chain
    return kept


def table_rules(rules: list[Rule], tolerance: float = 3.0, long_horizontal: float = 30.0) -> list[Rule]:
    """Only the rules that draw a table: text strokes can make long dark runs too (the stacked stems of
    `ชี้` in a header make a 12-point vertical that splits `ตัวชี้วัด` into two columns, the serifs of `IIT` a
    horizontal). A vertical line is kept when both its ends meet a horizontal one, as every column line of a
    ruled table does; a horizontal line when it is long or both its ends meet vertical ones (tables without
    outer borders have only horizontal lines at their sides)."""
    horizontal = [r for r in rules if r.top == r.bottom]
    vertical = [r for r in rules if r.top != r.bottom]

    def meets_horizontal(x: float, y: float) -> bool:
        return any(abs(h.top - y) <= tolerance and h.x0 - tolerance <= x <= h.x1 + tolerance for h in horizontal)

    def meets_vertical(x: float, y: float) -> bool:
        return any(abs(v.x0 - x) <= tolerance and v.top - tolerance <= y <= v.bottom + tolerance for v in vertical)

    kept = []
    for chain in _chains(vertical, vertical=True):
        x = chain[0].x0
        top, bottom = min(r.top for r in chain), max(r.bottom for r in chain)
        if meets_horizontal(x, top) and meets_horizontal(x, bottom):
            kept += chain
        elif clipped := _between_crossings(chain, horizontal, tolerance):
            kept += clipped
    kept = _without_stray_columns(kept, tolerance)
    columns = [r for r in kept if r.top != r.bottom]
    for chain in _chains(horizontal, vertical=False):
        y = chain[0].top
        x0, x1 = min(r.x0 for r in chain), max(r.x1 for r in chain)
        if x1 - x0 >= long_horizontal or (meets_vertical(x0, y) and meets_vertical(x1, y)):
            kept += chain + _to_frame(chain, columns, tolerance)
    return kept


END_REACH = 12.0  # points a row rule may stop short of the column rule it runs to (find_rules' shortest run)


def _to_frame(chain: list[Rule], columns: list[Rule], tolerance: float) -> list[Rule]:
    """The missing end of a row rule that meets a column rule at one end and stops short of the next one at the
    other, by less than END_REACH: a bilevel scan breaks a thin rule into pieces too short to be runs, most
    often at the table's frame. Without that end the row's corner is missing and the table finder merges the
    cell with the one below (two measures in one row). A rule meeting no column rule at either end (an
    underline, a heading's rule) gets nothing."""
    y = chain[0].top
    x0, x1 = min(r.x0 for r in chain), max(r.x1 for r in chain)
    crossing = [v.x0 for v in columns if v.top - tolerance <= y <= v.bottom + tolerance]
    meets = [x for x in crossing if x0 - tolerance <= x <= x1 + tolerance]
    if not meets:
        return []
    out = []
    left = [x for x in crossing if x0 - END_REACH <= x < x0 - tolerance]
    if left and min(meets) > x0 + tolerance:
        out.append(Rule(max(left), y, x0, y))
    right = [x for x in crossing if x1 + tolerance < x <= x1 + END_REACH]
    if right and max(meets) < x1 - tolerance:
        out.append(Rule(x1, y, min(right), y))
    return out
