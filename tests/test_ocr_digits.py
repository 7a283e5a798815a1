"""Template reading of digits in scans (parsers.ocr_digits): Tesseract's Thai model misreads them."""
from __future__ import annotations

import random

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from parsers.ocr_digits import FONT_DIRS, looks_numeric, read_number, templates

FONTS = [p for d in FONT_DIRS if d.exists() for p in sorted(d.glob("*.ttf"))
         if p.stem in ("Garuda", "Kinnari", "Laksaman", "Loma", "Norasi", "Waree-Bold")]
pytestmark = pytest.mark.skipif(not FONTS, reason="fonts-thai-tlwg not installed (make setup installs it)")


def scan_of(text: str, font_path, size: int = 42, speckle: float = 0.0, seed: int = 0) -> Image.Image:
    """The text as a scan shows it: blurred, with a share `speckle` of pixels flipped."""
    font = ImageFont.truetype(str(font_path), size)
    image = Image.new("L", (40 + size * len(text), size * 2), 255)
    ImageDraw.Draw(image).text((20, size // 3), text, font=font, fill=0)
    image = image.filter(ImageFilter.GaussianBlur(0.8))
    rng = random.Random(seed)
    pixels = image.load()
    for _ in range(int(image.width * image.height * speckle)):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        pixels[x, y] = 255 - pixels[x, y]
    return image


NUMBERS = [("๒๕๖๗", "2567"), ("๙๐.๑๙", "90.19"), ("๔๕", "45"), ("๑๐๐.๐๐", "100.00"), ("๓๘", "38"), ("2566", "2566")]
SANS_FONTS = [f for f in FONTS if f.stem in ("Garuda", "Loma", "Kinnari", "Waree-Bold")]


@pytest.mark.parametrize("font", SANS_FONTS, ids=lambda p: p.stem)
@pytest.mark.parametrize(("printed", "expected"), NUMBERS)
def test_thai_and_arabic_digits_are_read(font, printed, expected):
    assert read_number(scan_of(printed, font)) == expected


@pytest.mark.parametrize("font", FONTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("speckle", [0.0, 0.005])
def test_a_number_is_read_right_or_refused_never_misread(font, speckle):
    """Refusing keeps Tesseract's reading, which later range checks judge; a confident wrong digit would not be."""
    for seed, (printed, expected) in enumerate(NUMBERS):
        assert read_number(scan_of(printed, font, speckle=speckle, seed=seed)) in (expected, None), printed


@pytest.mark.parametrize("word", ["Policy", "FAQ", "ทุกกอง"])
def test_words_that_are_not_numbers_are_refused(word):
    font = FONTS[0]
    assert read_number(scan_of(word, font)) is None


def test_only_digit_like_ocr_words_are_read_again():
    assert looks_numeric("๒๕๒๒") and looks_numeric("ade") and looks_numeric("10.135")
    assert not looks_numeric("ตุลาคม") and not looks_numeric("อ") and not looks_numeric("E-Service-long-word")


def test_templates_cover_every_digit_value():
    assert set(templates()[1]) == set("0123456789")
