"""Page images of scans made fit for OCR: coloured ink removed, paper flattened, optionally binarised.

Office scans come on grey, unevenly lit paper with a coloured seal, a pen signature and highlighter strokes
(issue #14). Tesseract binarises a page with one global threshold (Otsu), and this project's rule finder and
digit templates use fixed grey levels: a page corner the scanner lid left at grey 160 becomes "ink" for all
three. Print is black or dark grey on every scan; what is coloured (high chroma) is never print, so it is
painted paper-white, and dividing by the paper's own brightness (a wide maximum filter) makes every paper
white. Pure functions on PIL images and numpy arrays.
"""
from __future__ import annotations

import numpy as np
from PIL import Image
from scipy import ndimage

# Chroma (max - min of R, G, B) above which a pixel is coloured ink or highlighter, not print. Black print
# under a red seal or a yellow highlighter stays dark (multiplied ink): its chroma is that of a dark pixel.
COLOUR_CHROMA = 60
# Paper is estimated over windows wider than any stroke or rule (300 dpi: 48 px ≈ 4 mm), at 1/8 size.
BACKGROUND_WINDOW = 6  # in pixels of the 1/8 picture
SAUVOLA_WINDOW, SAUVOLA_K, SAUVOLA_R = 31, 0.2, 128.0


def remove_colour(image: Image.Image) -> Image.Image:
    """Greyscale page with coloured ink (seals, pen, highlighter) painted white; grey input is returned as is."""
    if image.mode in ("L", "1"):
        return image.convert("L")
    rgb = np.asarray(image.convert("RGB"), dtype=np.int16)
    chroma = rgb.max(axis=2) - rgb.min(axis=2)
    grey = np.asarray(image.convert("L"), dtype=np.uint8).copy()
    # A coloured pixel that is dark in every channel is print seen through ink: keep it; coloured ink alone is
    # bright in at least one channel (red seal 200, blue pen 140, yellow highlighter 255).
    coloured = (chroma > COLOUR_CHROMA) & (rgb.max(axis=2) > 120)
    grey[coloured] = 255
    return Image.fromarray(grey, "L")


def flatten(image: Image.Image) -> Image.Image:
    """Greyscale page divided by its paper brightness: uneven light and grey paper become white, ink stays dark."""
    grey = np.asarray(image.convert("L"), dtype=np.float32)
    small = np.asarray(image.convert("L").reduce(8), dtype=np.float32)
    paper = ndimage.maximum_filter(small, size=BACKGROUND_WINDOW)
    paper = ndimage.uniform_filter(paper, size=BACKGROUND_WINDOW)
    zoom = (grey.shape[0] / paper.shape[0], grey.shape[1] / paper.shape[1])
    paper = ndimage.zoom(paper, zoom, order=1)[: grey.shape[0], : grey.shape[1]]
    paper = np.maximum(paper, 96.0)  # a page that is nearly all ink (a photo) is not stretched into noise
    out = np.clip(grey / paper * 255.0, 0, 255).astype(np.uint8)
    return Image.fromarray(out, "L")


def sauvola(image: Image.Image, window: int = SAUVOLA_WINDOW, k: float = SAUVOLA_K) -> Image.Image:
    """Bilevel page by Sauvola's local threshold (mean · (1 + k·(std/R − 1)) over a window)."""
    grey = np.asarray(image.convert("L"), dtype=np.float32)
    mean = ndimage.uniform_filter(grey, window)
    square = ndimage.uniform_filter(grey * grey, window)
    std = np.sqrt(np.maximum(square - mean * mean, 0))
    threshold = mean * (1 + k * (std / SAUVOLA_R - 1))
    return Image.fromarray(np.where(grey > threshold, 255, 0).astype(np.uint8), "L")


def prepare(image: Image.Image) -> Image.Image:
    """The page as OCR should see it: colour removed, paper flattened (greyscale, same size)."""
    return flatten(remove_colour(image))
