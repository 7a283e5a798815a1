"""What Tesseract (tha+eng, psm 7) reads for each Thai month abbreviation when it takes it for Latin letters, the
source of parsers/scan_cleanup._LATIN_FIRST/_LATIN_SECOND (issue #14, scan7).

Each abbreviation (`ก.พ.`) with a two-digit year and `ถึง` after it is drawn in six TLWG fonts (Laksaman is TH
Sarabun's metrics) at 16 pt for 150, 200 and 300 dpi, blurred half a pixel, then saved as a grey JPEG (quality
35-80) or made bilevel, brought to 300 dpi and read. Prints, for each Latin reading `X.Y.`, how often it stood
for each month (seeded: the same table every run).

    python scripts/month_confusions.py
"""
from __future__ import annotations

import collections
import io
import random
import re
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from parsers import ocr  # noqa: E402

ABBREVIATIONS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
FONTS = ("Laksaman", "Garuda", "Norasi", "Kinnari", "Loma", "Waree")
FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
LATIN = re.compile(r"^([A-Za-z@0-9]+)\s*\.?\s*([A-Za-z@0-9]+)\s*\.")


def readings(seed: int = 11) -> dict[tuple[str, str], collections.Counter]:
    rng = random.Random(seed)
    table: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for font in FONTS:
        for dpi in (150, 200, 300):
            size = int(16 / 72 * dpi)
            face = ImageFont.truetype(str(FONT_DIR / f"{font}.ttf"), size)
            for abbreviation in ABBREVIATIONS:
                for year in ("๖๘", "๖๙", "66"):
                    for look in ("grey", "bilevel"):
                        image = Image.new("L", (size * 8, int(size * 2.2)), 235)
                        ImageDraw.Draw(image).text((size // 2, size // 3), f"{abbreviation} {year} ถึง", font=face, fill=30)
                        image = image.filter(ImageFilter.GaussianBlur(0.5 * dpi / 200))
                        if look == "bilevel":
                            image = image.point(lambda v: 0 if v < 140 else 255)
                        else:
                            kept = io.BytesIO()
                            image.save(kept, "JPEG", quality=rng.randint(35, 80))
                            image = Image.open(kept).convert("L")
                        image = image.resize((image.width * 300 // dpi, image.height * 300 // dpi), Image.BICUBIC)
                        words = ocr.tsv_words(ocr.tesseract_tsv(image, 300, 7), 1.0)
                        first = " ".join(w.text for w in words).split(" ถึ")[0]
                        if found := LATIN.match(first):
                            table[(found.group(1), found.group(2))][abbreviation] += 1
    return table


def main() -> None:
    for (first, second), months in sorted(readings().items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{first}.{second}.", dict(months.most_common()))


if __name__ == "__main__":
    main()
