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


def _drawn_skew(image: Image.Image, max_degrees: float = 2.0, step: float = 0.1) -> float:
    """skew_angle as it was: every angle tried drawn as a turned image (the reference the search must match)."""
    small = image.reduce(max(1, round(min(image.size) / 800)))
    ink = small.point(lambda v: 255 if v < 160 else 0)
    scores: dict[int, float] = {}

    def sharpness(i: int) -> float:
        if i not in scores:
            rows = np.asarray(ink.rotate(i * step, fillcolor=0), dtype=np.float64).sum(axis=1)
            scores[i] = float(np.square(np.diff(rows)).sum())
        return scores[i]
    limit, coarse = int(max_degrees / step), 5
    best = max(range(-limit, limit + 1, coarse), key=sharpness)
    best = max(range(max(-limit, best - coarse), min(limit, best + coarse) + 1), key=sharpness)
    return best * step


def test_skew_search_finds_the_angle_drawing_every_turn_found():
    page = _page()
    for degrees in (0.0, 0.35, -0.8, 1.3, -1.9):
        turned = page.rotate(degrees, resample=3, fillcolor=255) if degrees else page
        angle = ocr.skew_angle(turned)
        assert angle == _drawn_skew(turned), degrees
        assert abs(angle + degrees) <= 0.15, degrees


def test_fast_setting_reads_cells_with_the_page_and_deskews_bilinear(monkeypatch):
    page = _page().rotate(0.8, resample=3, fillcolor=255)
    monkeypatch.delenv("ITA_OCR_CELLS", raising=False)
    monkeypatch.delenv("ITA_OCR_FAST", raising=False)
    assert ocr.cells_enabled() and not ocr.fast_enabled()
    default = ocr.deskew(page)
    monkeypatch.setenv("ITA_OCR_FAST", "1")
    assert not ocr.cells_enabled() and ocr.fast_enabled()
    fast = ocr.deskew(page)
    assert np.array_equal(np.asarray(fast), np.asarray(page.rotate(-0.8, resample=2, fillcolor=255)))
    assert not np.array_equal(np.asarray(fast), np.asarray(default))


def test_ocr_cache_keeps_the_fast_setting_s_readings_apart(monkeypatch, tmp_path):
    # a reading made without the inverted retry must not be served to the default setting, nor the reverse
    calls = []
    monkeypatch.setattr(ocr, "_tesseract_tsv", lambda image, dpi, psm: calls.append(ocr.fast_enabled()) or "tsv")
    monkeypatch.setenv("ITA_OCR_CACHE", str(tmp_path))
    monkeypatch.delenv("ITA_OCR_FAST", raising=False)
    image = _page(64, 48)
    ocr.tesseract_tsv(image, 300, 3)
    ocr.tesseract_tsv(image, 300, 3)
    monkeypatch.setenv("ITA_OCR_FAST", "1")
    ocr.tesseract_tsv(image, 300, 3)
    ocr.tesseract_tsv(image, 300, 3)
    assert calls == [False, True]
