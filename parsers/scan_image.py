"""Page images of scans made fit for OCR: coloured ink removed.

Office scans come with a coloured seal, a pen signature and highlighter strokes (issue #14). Print is black or
dark grey on every scan; what is coloured (high chroma, bright in some channel) is never print, so it is painted
paper grey (the page's median, not white: white patches on grey paper make Tesseract take the paper for ink)
before the rule finder, Tesseract and the digit templates see the page. Pure functions on images.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

# Chroma (max - min of R, G, B) above which a pixel is coloured ink or highlighter, not print. Black print
# under a red seal or a yellow highlighter stays dark (multiplied ink): its chroma is that of a dark pixel.
COLOUR_CHROMA = 60


def remove_colour(image: Image.Image) -> Image.Image:
    """Greyscale page with coloured ink (seals, pen, highlighter) painted in the paper's grey; a grey page is only
    converted."""
    if image.mode != "RGB":
        return image.convert("L")
    grey = image.convert("L")
    small = np.asarray(image.reduce(8))
    if int((small.max(axis=2) - small.min(axis=2)).max()) <= COLOUR_CHROMA // 2:  # a grey scan: R = G = B
        return grey
    rgb = np.asarray(image)
    high, low = rgb.max(axis=2), rgb.min(axis=2)
    # A coloured pixel that is dark in every channel is print seen through ink: keep it; coloured ink alone is
    # bright in at least one channel (red seal 200, blue pen 140, yellow highlighter 255).
    coloured = ((high - low) > COLOUR_CHROMA) & (high > 120)
    out = np.asarray(grey).copy()
    out[coloured] = int(np.median(out[::4, ::4][~coloured[::4, ::4]])) if (~coloured).any() else 255
    return Image.fromarray(out, "L")


def prepare(image: Image.Image) -> Image.Image:
    """The page as OCR should see it: greyscale, coloured ink removed, same size. (Flattening the paper by its
    own brightness was measured too: it lightens the blurred grey of thin rules past the rule finder's
    threshold, and lost tables: docs/layout.md.)"""
    return remove_colour(image)
