"""OCR's cheaper computations give what the costlier ones they replace gave (issue #14's cost target)."""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from parsers import ocr
from pipeline.bench import _ocr_seconds_per_page
from pipeline.records import DocumentResult, SourceFile


def _page(width: int = 620, height: int = 877) -> Image.Image:
    """A small greyscale page of ruled rows and text-like strokes, leaning by a few pixels."""
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    rng = np.random.default_rng(7)
    for y in range(60, height - 60, 40):
        draw.line([(40, y), (width - 40, y)], fill=0, width=2)
        for x in rng.integers(50, width - 60, 12).tolist():
            draw.rectangle([x, y + 8, x + int(rng.integers(3, 14)), y + 30], fill=int(rng.integers(0, 120)))
    for x in (40, 200, width - 40):
        draw.line([(x, 60), (x, height - 60)], fill=0, width=2)
    return image.transform(image.size, 0, (1, 0.021, -0.021 * height / 2, 0, 1, 0), fillcolor=255)


def test_sheared_columns_count_what_pillow_draws():
    # the count must equal Pillow's own nearest-neighbour shear column for column at every slope searched, or
    # shear_slope could pick another slope than it did when it drew each sheared image
    image = _page()
    ink = np.asarray(image) < 160
    height, width = ink.shape
    ys, xs = np.nonzero(ink)
    drawn_ink = Image.fromarray((ink * 255).astype(np.uint8))
    for i in range(-20, 21):
        slope = float(np.tan(np.radians(i * 0.1)))
        drawn = drawn_ink.transform((width, height), 0, (1, slope, -slope * height / 2, 0, 1, 0), fillcolor=0)
        expected = np.asarray(drawn, dtype=np.int64).sum(axis=0) // 255
        counted = ocr._sheared_columns(xs, ys, np.arange(height, dtype=np.int64), slope, width, height)
        assert np.array_equal(counted, expected), i


def test_shear_slope_finds_the_lean():
    slope = ocr.shear_slope(_page())
    assert abs(slope - (-0.021)) <= 0.0018  # one search step (0.1 degrees) from the lean undone


def test_ocr_rate_can_be_counted_in_cpu_seconds():
    def result(i: int, pages: int, ocr_pages: int, seconds: float, cpu: float) -> DocumentResult:
        return DocumentResult(SourceFile("a" * 64, f"{i}.pdf", f"/x/{i}.pdf", 1), "ok", n_pages=pages,
                              ocr_pages=ocr_pages, seconds=seconds, cpu_seconds=cpu)
    # text pages at 0.1 s wall / 0.05 s CPU each; the scan's 2 text pages are taken off at that rate
    results = [result(0, 10, 0, 1.0, 0.5), result(1, 6, 4, 20.2, 8.1)]
    assert _ocr_seconds_per_page(results) == (4, (20.2 - 0.2) / 4)
    pages, cpu = _ocr_seconds_per_page(results, cpu=True)
    assert pages == 4 and abs(cpu - (8.1 - 0.1) / 4) < 1e-9
