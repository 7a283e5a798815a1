"""Turn text-layer PDFs into scan-like, image-only PDFs with truth, to measure OCR on many documents.

The two scanned samples (01023, 01027) are one JPEG per page, greyscale, 200 dpi, A4, a fraction of a
degree off, softly blurred. This script makes the same from any text-layer PDF: each page is rendered
with pypdfium2, then damaged (seeded, so the same input and seed give the same bytes):

- a skew of up to ±SKEW degrees (the office printer/scanner feed),
- a slight Gaussian blur then a contrast stretch (toner spread, crisp dark print), Gaussian noise,
- JPEG at quality ~60-80 (what scanners write),

and written as an image-only PDF of the original page size. Truth JSON (from CORPUS/truth/) is copied
with `"scanned": true`, so `tools/score.py OUT CURATED` scores the result like a real corpus.

    python scripts/make_scans.py /work/shared/corpus/sample /tmp/scans --only province --seed 1
    python scripts/make_scans.py /work/shared/corpus/sample-yala /tmp/scans --only province
    python -m pipeline extract --input /tmp/scans --output /tmp/scans-out --workers 2
    python /work/shared/tools/score.py /tmp/scans /tmp/scans-out

Only text-layer documents are taken (truth `scanned: false`). Never commit the generated PDFs.
"""
from __future__ import annotations

import argparse
import io
import json
import random
import sys
import zlib
import time
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

DPI = 200
SKEW = 0.6  # degrees, at most either way
BLUR = (0.3, 0.6)  # Gaussian radius in pixels at DPI
CONTRAST = ((40, 70), (200, 220))  # grey levels stretched to black / white (printer toner is dark and crisp)
NOISE = (3.0, 6.0)  # standard deviation of grey-level noise
JPEG_QUALITY = (60, 80)
# Calibrated on 01023/01027 (measured on the page images): background noise std ~5 grey levels, and
# 0.3-0.5 mid-grey pixels (100-200) per dark pixel (<100); a plain blur of 0.7 px already gives ~1.0.


def damage(image: Image.Image, rng: random.Random) -> Image.Image:
    """A clean greyscale page image made to look scanned; every random choice comes from `rng`."""
    angle = rng.uniform(-SKEW, SKEW)
    image = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(*BLUR)))
    black, white = rng.uniform(*CONTRAST[0]), rng.uniform(*CONTRAST[1])
    pixels = (np.asarray(image, dtype=np.float32) - black) * (255.0 / (white - black))
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0.0, rng.uniform(*NOISE), (image.height, image.width))
    pixels = np.clip(pixels + noise, 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels, "L").save(buffer, "JPEG", quality=rng.randint(*JPEG_QUALITY))
    return Image.open(io.BytesIO(buffer.getvalue()))


def scan_pdf(source: Path, target: Path, rng: random.Random, dpi: int = DPI) -> int:
    """Write `target` as an image-only copy of `source` (one damaged JPEG per page); returns the page count."""
    pdf = pdfium.PdfDocument(str(source))
    pages = []
    try:
        for page in pdf:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            pages.append(damage(image, rng))
    finally:
        pdf.close()
    # Pillow writes L-mode JPEG images as DCTDecode streams; the page size follows from the resolution.
    # Fixed dates so the same seed gives the same bytes.
    fixed = time.gmtime(1_704_067_200)  # 2024-01-01
    pages[0].save(target, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:],
                  creationDate=fixed, modDate=fixed)
    return len(pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="folder with PDFs and truth/*.json")
    parser.add_argument("out", type=Path, help="folder for the scan-like PDFs and truth/")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dpi", type=int, default=DPI)
    parser.add_argument("--only", action="append", default=[], help="keep these families (truth `family`); repeatable")
    parser.add_argument("--with-questions", action="store_true", help="keep documents whose truth has question scores")
    args = parser.parse_args(argv)
    (args.out / "truth").mkdir(parents=True, exist_ok=True)
    made = 0
    for truth_path in sorted((args.corpus / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        if truth.get("scanned") or (args.only and truth.get("family") not in args.only):
            continue
        if args.with_questions and not truth.get("question_scores"):
            continue
        source = args.corpus / truth["file"]
        # One generator per file, seeded by the seed and the file name: a subset reproduces the same pages.
        rng = random.Random(args.seed * 1_000_003 + zlib.crc32(truth["file"].encode()))
        pages = scan_pdf(source, args.out / truth["file"], rng, args.dpi)
        truth["scanned"] = True
        (args.out / "truth" / truth_path.name).write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
        made += 1
        print(f"{truth['file']}: {pages} page(s)")
    print(f"{made} scan-like PDF(s) in {args.out}")
    return 0 if made else 1


if __name__ == "__main__":
    sys.exit(main())
