"""pdfplumber pages built faster: from PDFium's reading of the page where it is plain, else from pdfminer's
with characters converted without pdfplumber's generic path.

pdfplumber turns every pdfminer object into a dict by walking the object's attributes and resolving each
value recursively (`Page.process_object`). Characters are nearly all of a page's objects and their values
are plain numbers, strings and tuples, so that generic walk is a fifth of the time a text page costs before
any of our own work. `FastCharPage` builds the same dict for a character directly and leaves every other
object (lines, rects, curves, images), and characters with unusual values, to pdfplumber. The dicts are
equal key for key (tests/test_pdf_objects.py compares them on generated and, when present, real PDFs).
"""
from __future__ import annotations

import bisect
import contextlib
import importlib
import logging
import os

import ctypes

import pdfplumber
import pypdfium2.raw as pdfium_c
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar
from pdfminer.pdfinterp import PDFGraphicState
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.utils import decode_text
from pdfplumber import utils
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent
from pdfplumber.utils.exceptions import PdfminerException

from normalizers.thai_text import MARKS


_PLAIN = (int, str, type(None))
_NUMBER = {int, float}


def _numbers(values: tuple) -> bool:
    return _NUMBER.issuperset(map(type, values))


class _ActualTextAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's aggregator that also notes on each glyph the /ActualText span (`/Span <</ActualText …>> BDC`)
    it is drawn in: (span number, the span's text)."""

    span = 0
    actual = None

    def begin_tag(self, tag, props=None) -> None:
        super().begin_tag(tag, props)
        text = props.get("ActualText") if isinstance(props, dict) else None
        if isinstance(text, (bytes, str)):
            self.span += 1
            self.actual = (self.span, decode_text(text) if isinstance(text, bytes) else text)

    def end_tag(self) -> None:
        super().end_tag()
        self.actual = None

    def tag_cur_item(self) -> None:
        super().tag_cur_item()
        if self.actual is not None and self.cur_item._objs:
            self.cur_item._objs[-1].actual_text = self.actual


class FastCharPage(Page):
    """A pdfplumber page that converts plain characters itself (same keys and values as pdfplumber's)."""

    @property
    def layout(self):
        """pdfplumber's layout, read with _ActualTextAggregator."""
        if hasattr(self, "_layout"):
            return self._layout
        device = _ActualTextAggregator(self.pdf.rsrcmgr, pageno=self.page_number, laparams=self.pdf.laparams)
        try:
            PDFPageInterpreter(self.pdf.rsrcmgr, device).process_page(self.page_obj)
        except Exception as e:
            raise PdfminerException(e)
        self._layout = device.get_result()
        return self._layout

    def parse_objects(self):
        objects = super().parse_objects()
        if "char" in objects:
            objects["char"] = actual_text_chars(objects["char"])
        return objects

    def process_object(self, obj):
        out = self._process_object(obj)
        actual = getattr(obj, "actual_text", None)
        if actual is not None and isinstance(out, dict):
            out.pop("actual_text", None)
            out["_actual"] = actual
        return out

    def _process_object(self, obj):
        if type(obj) is not LTChar or self.pdf.unicode_norm is not None:
            return super().process_object(obj)
        gs, matrix, fontname = obj.graphicstate, obj.matrix, obj.fontname
        scolor = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        ncolor = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        ncs = getattr(obj, "ncs", None)
        if (type(fontname) is not str or not _numbers(matrix) or not _numbers(scolor) or not _numbers(ncolor)
                or ncs is None or type(ncs.name) is not str or type(obj.mcid) not in _PLAIN
                or type(obj.tag) not in _PLAIN):
            return super().process_object(obj)  # rare values (refs, bytes, marked content): pdfplumber's way
        mb_x0, mb_top = self.mediabox[:2]
        top = (self.height - obj.y1) + mb_top
        return {
            "matrix": matrix, "fontname": fontname, "adv": obj.adv, "upright": obj.upright,
            "x0": obj.x0 + mb_x0, "y0": obj.y0, "x1": obj.x1 + mb_x0, "y1": obj.y1,
            "width": obj.width, "height": obj.height, "size": obj.size, "mcid": obj.mcid, "tag": obj.tag,
            "object_type": "char", "page_number": self.page_number, "ncs": ncs.name, "text": obj.get_text(),
            "stroking_color": scolor, "non_stroking_color": ncolor,
            "top": top, "bottom": (self.height - obj.y0) + mb_top, "doctop": self.initial_doctop + top,
        }


# Thai vowels and marks: glyphs of a cluster that carry no letter (SARA A to PHINTHU, the leading vowels, the marks above).
_VOWELS_AND_MARKS = frozenset(chr(c) for c in [*range(0x0E30, 0x0E3B), *range(0x0E40, 0x0E46), *range(0x0E47, 0x0E4F)])


def actual_text_chars(chars: list[dict]) -> list[dict]:
    """A browser's glyphs under one /ActualText span become one character of the span's text.

    Chromium draws a Thai cluster with the font's positioned mark glyphs (a tone moved left over a narrow letter,
    a vowel set lower) and writes what they read in an /ActualText span around them; pdfminer reads the glyphs
    alone, and glyphs that are no character's in the font's cmap come out as U+0000 (Noto Sans Thai: `ที\x00`
    for ที่), a mark drawn past the next letter's origin sorts after it (`วธิ` for วิธี). The span's first glyph
    takes its text and reaches over the span's glyphs (a mark's glyph may reach past its letter's advance: the
    cluster is one unit); the others go. A span of one glyph that reads its text, an empty span, one across
    lines, or one whose glyphs read only vowels and marks (the tops of a line a browser clipped at the page's foot:
    the span's letters are not on this page) is left as pdfminer read it."""
    if not any("_actual" in c for c in chars):
        return chars
    out: list[dict] = []
    i = 0
    while i < len(chars):
        char = chars[i]
        actual = char.pop("_actual", None)
        if actual is None:
            out.append(char)
            i += 1
            continue
        group = [char]
        while i + len(group) < len(chars) and chars[i + len(group)].get("_actual") == actual:
            group.append(chars[i + len(group)])
        for other in group[1:]:
            other.pop("_actual", None)
        i += len(group)
        span_text = actual[1]
        if (len(group) == 1 and char["text"] == span_text) or not span_text.strip() \
                or all(c["text"] and _VOWELS_AND_MARKS.issuperset(c["text"]) for c in group) \
                or any(abs(c["top"] - char["top"]) > 0.5 * char["size"] for c in group):
            out.extend(group)
            continue
        merged = dict(char)
        merged["text"] = span_text
        if len(group) > 1:
            merged["x0"], merged["x1"] = min(c["x0"] for c in group), max(c["x1"] for c in group)
            merged["width"] = merged["adv"] = merged["x1"] - merged["x0"]
        if "ำ" in span_text and (aa := [c for c in group if c["text"] == "า"]):
            # the SARA AA glyph of a SARA AM drawn as two: layout.invented_spaces judges PDFium's gap after `ำ` by it
            merged["sara_aa"] = (aa[-1]["x0"], aa[-1]["x1"], aa[-1]["y0"], aa[-1]["y1"])
        out.append(merged)
    return out


# pdfminer modules that call log.debug() in their parsing loops (several times per token and operator).
_CHATTY = ("psparser", "pdfinterp", "pdfparser", "pdfdocument", "pdfpage", "converter", "cmapdb", "pdffont")


class _NoDebug:
    """A module logger without debug(): pdfminer's parser calls it millions of times per document, and even a
    disabled Logger.debug costs a method call and a level check each time (a twentieth of a page's time)."""

    def __init__(self, logger: logging.Logger):
        self._logger = logger

    def debug(self, *args, **kwargs) -> None:
        pass

    def __getattr__(self, name):  # warning(), error(), info(): the real logger
        return getattr(self._logger, name)


@contextlib.contextmanager
def quiet_pdfminer():
    """pdfminer's debug calls skipped while a document is read, unless someone asked for its debug output."""
    swapped = []
    for name in _CHATTY:
        module = importlib.import_module(f"pdfminer.{name}")
        logger = getattr(module, "log", None)
        if isinstance(logger, logging.Logger) and not logger.isEnabledFor(logging.DEBUG):
            module.log = _NoDebug(logger)
            swapped.append((module, logger))
    try:
        yield
    finally:
        for module, logger in swapped:
            module.log = logger


class PdfiumPage(FastCharPage):
    """A pdfplumber page built from PDFium's reading of the page instead of pdfminer's.

    pdfminer tokenises the whole content stream in Python, which is most of a text page's cost; PDFium has
    parsed the page already (its text is read anyway). Characters come from PDFium's text page with pdfminer's
    boxes (origin to origin + advance across; descent to descent + font size up), paths from PDFium's page
    objects painted through pdfminer's own path classifier (lines, rectangles, curves as pdfminer makes them).
    Pages that are not plain (rotated, offset media box, vertical or rotated glyphs, glyphs without Unicode,
    /ActualText clusters whose box PDFium shares out among their letters) fall back to pdfminer. Images are
    not listed: a page is only built this way when its text is readable, and images matter only to the
    decision to OCR a page that is not. ITA_PAGE_OBJECTS=pdfminer turns it off (to compare).
    """

    text_page = None  # the page's pypdfium2 PdfTextPage, set by use_pdfium
    pdfium_page = None

    def parse_objects(self):
        objects = pdfium_objects(self)
        return super().parse_objects() if objects is None else objects


def _address(pointer) -> int:
    return ctypes.c_void_p.from_buffer(pointer).value or 0


def _compose(inner: tuple, outer: tuple) -> tuple:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _matrix(obj) -> tuple:
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, m)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _colour(getter, obj) -> tuple:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return (0,)
    return (r.value / 255, g.value / 255, b.value / 255)


def _path(obj, matrix: tuple) -> list[tuple] | None:
    """A PDFium path object as pdfminer's path segments (m, l, c, h), in the page's user space."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[tuple] = []
    curve: list[float] = []
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        px, py = a * x.value + c * y.value + e, b * x.value + d * y.value + f
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            out.append(("m", px, py))
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            out.append(("l", px, py))
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            curve += [px, py]
            if len(curve) == 6:
                out.append(("c", *curve))
                curve = []
        else:
            return None
        if pdfium_c.FPDFPathSegment_GetClose(segment) and not curve:
            out.append(("h",))
    return None if curve else out


def _paint_paths(device, page_objects, outer: tuple, depth: int = 0) -> bool:
    """Paint every path of these objects (forms entered) on pdfminer's device; False where one is unreadable."""
    for obj in page_objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth > 8:
                return False
            inner = [pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(pdfium_c.FPDFFormObj_CountObjects(obj))]
            if not _paint_paths(device, inner, _compose(_matrix(obj), outer), depth + 1):
                return False
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
            pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke)
            if not fill_mode.value and not stroke.value:
                continue  # painted with neither (pdfminer's `n`): not drawn
            segments = _path(obj, _compose(_matrix(obj), outer))
            if segments is None:
                return False
            width = ctypes.c_float()
            pdfium_c.FPDFPageObj_GetStrokeWidth(obj, width)
            state = PDFGraphicState()
            state.linewidth = width.value
            state.scolor = _colour(pdfium_c.FPDFPageObj_GetStrokeColor, obj)
            state.ncolor = _colour(pdfium_c.FPDFPageObj_GetFillColor, obj)
            state.dash = ([], 0)
            device.paint_path(state, bool(stroke.value), bool(fill_mode.value),
                              fill_mode.value == pdfium_c.FPDF_FILLMODE_ALTERNATE, segments)
    return True


def pdfium_objects(page: PdfiumPage) -> dict[str, list[dict]] | None:
    """The page's chars, lines, rects and curves as pdfplumber dicts from PDFium, or None when it is not plain."""
    x0, y0, x1, y1 = page.mediabox
    if page.rotation or x0 or y0 or tuple(page.bbox) != (0, 0, x1, y1) or page.text_page is None:
        return None
    chars = pdfium_chars(page.text_page, float(page.height), page.page_number, float(page.initial_doctop))
    if chars is None:
        return None
    ltpage_device = PDFPageAggregator(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    identity = (1, 0, 0, 1, 0, 0)
    ltpage_device.begin_page(page.page_obj, identity)
    ltpage_device.set_ctm(identity)
    raw_page = page.pdfium_page.raw
    top = [pdfium_c.FPDFPage_GetObject(raw_page, i) for i in range(pdfium_c.FPDFPage_CountObjects(raw_page))]
    if not _paint_paths(ltpage_device, top, identity):
        return None
    ltpage_device.end_page(page.page_obj)
    objects: dict[str, list[dict]] = {}
    for obj in page.iter_layout_objects(ltpage_device.get_result()._objs):
        objects.setdefault(obj["object_type"], []).append(obj)
    objects["char"] = chars
    return objects


_HYPHENS = {0x02: "-", 0xFFFE: "-"}  # PDFium's codes for a hyphen that ends a line


def pdfium_chars(text_page, height: float, page_number: int = 1, initial_doctop: float = 0.0) -> list[dict] | None:
    """The page's characters as pdfplumber dicts, from PDFium: origin and matrix of each glyph, its font's
    advance width and descent, so that each box is the one pdfminer computes. Characters PDFium generates
    (spaces, line ends) are left out. None when a glyph has no Unicode, is rotated or is vertical."""
    raw = text_page.raw
    x, y, matrix, width = ctypes.c_double(), ctypes.c_double(), pdfium_c.FS_MATRIX(), ctypes.c_float()
    box = pdfium_c.FS_RECTF()
    one = ctypes.c_float(1.0)
    name = ctypes.create_string_buffer(256)
    fonts: dict[int, tuple] = {}
    widths: dict[tuple[int, int], float] = {}
    out = []
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        if pdfium_c.FPDFText_IsGenerated(raw, index):
            continue
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if 0xD800 <= code < 0xE000 or pdfium_c.FPDFText_HasUnicodeMapError(raw, index) == 1:
            return None
        text_object = pdfium_c.FPDFText_GetTextObject(raw, index)
        key = _address(text_object)
        font_info = fonts.get(key)
        if font_info is None:
            if not key:
                return None
            font = pdfium_c.FPDFTextObj_GetFont(text_object)
            size, ascent, descent = ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
            pdfium_c.FPDFTextObj_GetFontSize(text_object, size)
            pdfium_c.FPDFFont_GetAscent(font, one, ascent)
            pdfium_c.FPDFFont_GetDescent(font, one, descent)
            length = pdfium_c.FPDFFont_GetBaseFontName(font, name, len(name))
            # with ascent and descent, PDFium's loose box runs from the origin over the glyph's advance;
            # without them it is the glyph's ink box, and the advance is looked up by Unicode instead
            font_info = fonts[key] = (font, _address(font), size.value, descent.value,
                                      name.raw[:max(length - 1, 0)].decode("latin-1"), ascent.value != descent.value)
        font, font_key, size, descent, fontname, metric = font_info
        if metric:  # PDFium's loose box spans the glyph's own advance (its char code's width)
            pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
            advance = None
        else:
            advance = widths.get((font_key, code))
            if advance is None:
                advance = widths[font_key, code] = width.value if pdfium_c.FPDFFont_GetGlyphWidth(font, code, one, width) else 0.0
        pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
        pdfium_c.FPDFText_GetMatrix(raw, index, matrix)
        a, d = matrix.a, matrix.d
        if matrix.b or matrix.c or a <= 0 or d <= 0:
            return None
        y0 = y.value + descent * size * d
        y1 = y0 + size * d
        x0 = x.value
        if advance is None:
            x1 = max(x0, box.right)
        else:
            x1 = x0 + advance * size * a
        if advance is not None and advance <= 0 and chr(code) not in MARKS:
            # no width under this Unicode (a glyph whose ToUnicode PDFium reads differently, SARA AM drawn as
            # NIKHAHIT + SARA AA): the glyph's own box says how far it reaches
            pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
            x1 = max(x0, box.right)
        top = height - y1
        if out and chr(code) not in MARKS and out[-1]["x0"] == x0 and out[-1]["top"] == top \
                and out[-1]["text"] not in MARKS:
            # two letters at one origin: an /ActualText cluster (Chromium writes `ตำ` over ต ํ า) that PDFium
            # spreads over the cluster's box, which leaves gaps pdfminer's glyph-by-glyph boxes do not have
            return None
        out.append({
            "matrix": (a, 0.0, 0.0, d, matrix.e, matrix.f), "fontname": fontname, "adv": x1 - x0, "upright": True,
            "x0": x0, "y0": y0, "x1": x1, "y1": y1, "width": x1 - x0, "height": y1 - y0, "size": size * d,
            "mcid": None, "tag": None, "object_type": "char", "page_number": page_number, "ncs": "DeviceRGB",
            "text": _HYPHENS.get(code) or chr(code), "stroking_color": (0,), "non_stroking_color": (0,),
            "top": top, "bottom": height - y0, "doctop": initial_doctop + top,
        })
    _close_sara_am(out)
    return out


def _widen(char: dict, x1: float) -> None:
    char["x1"] = x1
    char["width"] = char["adv"] = x1 - char["x0"]


def _close_sara_am(chars: list[dict]) -> None:
    """Printers draw SARA AM as two glyphs, NIKHAHIT and SARA AA, and PDFium reports the pair as one `ำ` with
    the NIKHAHIT's zero width, which leaves a gap where the SARA AA stands (pdfminer has a char there). The
    `ำ` reaches to the next character on its line, as the pair does."""
    for char, following in zip(chars, chars[1:]):
        if char["text"] == "ำ" and char["x1"] - char["x0"] < 0.3 * char["size"] \
                and abs(following["top"] - char["top"]) < 0.5 and 0 < following["x0"] - char["x1"] < char["size"]:
            _widen(char, following["x0"])


def use_pdfium(page: Page, pdfium_page, text_page) -> None:
    """Build this page from PDFium's reading (PdfiumPage) unless ITA_PAGE_OBJECTS=pdfminer asks for pdfminer's.
    Call before the page's objects are first used."""
    if os.environ.get("ITA_PAGE_OBJECTS") == "pdfminer":
        return
    page.__class__ = PdfiumPage
    page.text_page, page.pdfium_page = text_page, pdfium_page


def open_pdf(path: str | os.PathLike) -> pdfplumber.PDF:
    """pdfplumber.open, with pages that convert characters the fast way."""
    pdf = pdfplumber.open(path)
    for page in pdf.pages:
        page.__class__ = FastCharPage
    return pdf


def _middle(char: dict) -> tuple[float, float]:
    return (char["top"] + char["bottom"]) / 2, (char["x0"] + char["x1"]) / 2


def table_texts(table, chars: list[dict]) -> list[list[str | None]]:
    """What pdfplumber's `Table.extract()` returns, without testing every character against every row.

    pdfplumber gives a cell the characters whose centre lies inside it (right and bottom edges excluded) and
    joins them with `utils.extract_text`; here the rows find their characters by bisection on the centres,
    and each cell keeps the page's order of them, so the text is the same (tests/test_pdf_objects.py).
    """
    order = sorted(range(len(chars)), key=lambda i: _middle(chars[i])[0])
    mids = [_middle(chars[i]) for i in order]
    tops = [m[0] for m in mids]
    out = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        lo, hi = bisect.bisect_left(tops, top), bisect.bisect_left(tops, bottom)
        in_row = sorted((order[k], mids[k][1], mids[k][0]) for k in range(lo, hi) if x0 <= mids[k][1] < x1)
        texts = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            inside = [chars[i] for i, h_mid, v_mid in in_row if cell[0] <= h_mid < cell[2] and cell[1] <= v_mid < cell[3]]
            texts.append(utils.extract_text(inside) if inside else "")
        out.append(texts)
    return out
