"""pdfplumber pages whose characters are converted from pdfminer's layout objects without the generic path.

pdfplumber turns every pdfminer object into a dict by walking the object's attributes and resolving each
value recursively (`Page.process_object`). Characters are nearly all of a page's objects and their values
are plain numbers, strings and tuples, so that generic walk is a fifth of the time a text page costs before
any of our own work. `FastCharPage` builds the same dict for a character directly and leaves every other
object (lines, rects, curves, images), and characters with unusual values, to pdfplumber. The dicts are
equal key for key (tests/test_pdf_objects.py compares them on generated and, when present, real PDFs).
"""
from __future__ import annotations

import os

import pdfplumber
from pdfminer.layout import LTChar
from pdfplumber.page import Page


_PLAIN = (int, str, type(None))


def _numbers(values) -> bool:
    return all(type(v) in (int, float) for v in values)


class FastCharPage(Page):
    """A pdfplumber page that converts plain characters itself (same keys and values as pdfplumber's)."""

    def process_object(self, obj):
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


def open_pdf(path: str | os.PathLike) -> pdfplumber.PDF:
    """pdfplumber.open, with pages that convert characters the fast way."""
    pdf = pdfplumber.open(path)
    for page in pdf.pages:
        page.__class__ = FastCharPage
    return pdf
