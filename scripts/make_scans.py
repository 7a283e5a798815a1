"""Turn text-layer PDFs into scan-like, image-only PDFs with truth, to measure OCR on many documents.

By default (`--conditions office`) each document draws one office scanner, as real ITA scans come (issue
#14, and the real `ktltc__ผลประเมินITA2568.pdf`): 150-300 dpi; a grey or colour JPEG (quality 35-90) or a
bilevel CCITT page; every page skewed up to ±1.5°; grey paper, unevenly lit, textured and noisy; a coloured
seal and a pen signature on the last page (most documents); a highlighter stroke over a row of some page.
`--conditions legacy` makes the earlier uniform set (200 dpi grey JPEG q60-80, ≤0.6° skew; calibrated on the
two scanned samples 01023/01027). Everything is seeded: the same input and seed give the same bytes.

Each page is rendered with pypdfium2, damaged, and written as an image-only PDF of the original page size.
Truth JSON (from CORPUS/truth/) is copied with `"scanned": true`, so `tools/score.py OUT CURATED` scores the
result like a real corpus; OUT/conditions.tsv says what each file drew.

    python scripts/make_scans.py /work/shared/corpus/sample /tmp/scans --seed 3
    python scripts/make_scans.py /work/shared/corpus/sample-yala /tmp/scans --seed 3
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
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont
from scipy import ndimage

DPI = 200
SKEW = 0.6  # degrees, at most either way
BLUR = (0.3, 0.6)  # Gaussian radius in pixels at DPI
CONTRAST = ((40, 70), (200, 220))  # grey levels stretched to black / white (printer toner is dark and crisp)
NOISE = (3.0, 6.0)  # standard deviation of grey-level noise
JPEG_QUALITY = (60, 80)
# Calibrated on 01023/01027 (measured on the page images): background noise std ~5 grey levels, and
# 0.3-0.5 mid-grey pixels (100-200) per dark pixel (<100); a plain blur of 0.7 px already gives ~1.0.

# `--conditions office` (the default): what real office scans add (issue #14; the real
# `ktltc__ผลประเมินITA2568.pdf`): each document draws one scanner setting (grey or colour JPEG, or a bilevel
# CCITT page), a resolution, a JPEG quality, and each page its own skew; paper is grey, noisy and unevenly lit;
# the last page carries a coloured seal and a signature, and some page a highlighter stroke over a row.
OFFICE_DPI = (150, 200, 240, 300)
OFFICE_SKEW = 1.5
OFFICE_JPEG = (35, 90)
MODES = ("grey", "colour", "bilevel")
SEAL_COLOURS = ((200, 35, 45), (35, 60, 175), (120, 40, 150))
HIGHLIGHTERS = ((255, 240, 60), (140, 240, 110), (255, 150, 200))
INK = ((20, 40, 140), (25, 25, 30))
SEAL_FONT = "/usr/share/fonts/truetype/tlwg/Garuda-Bold.ttf"


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


@dataclass
class Conditions:
    """One document's scanner: drawn once per file, so every page of it looks alike (one machine, one run)."""

    dpi: int
    mode: str  # grey | colour | bilevel
    jpeg: int
    paper: float  # mean paper grey level (white = 255)
    unevenness: float  # light falloff across the page, in grey levels
    noise: float
    highlight_page: int | None  # 0-based page with a highlighter stroke over one row
    seal: bool  # seal and signature on the last page

    def describe(self) -> str:
        return (f"{self.mode} {self.dpi}dpi" + (f" q{self.jpeg}" if self.mode != "bilevel" else "")
                + (" seal" if self.seal else "") + (f" highlight p{self.highlight_page + 1}"
                                                    if self.highlight_page is not None else ""))


def draw_conditions(rng: random.Random, pages: int) -> Conditions:
    mode = rng.choice(MODES)
    return Conditions(
        dpi=rng.choice(OFFICE_DPI), mode=mode, jpeg=rng.randint(*OFFICE_JPEG), paper=rng.uniform(205, 245),
        unevenness=rng.uniform(10, 45), noise=rng.uniform(3, 9),
        highlight_page=rng.randrange(pages) if rng.random() < 0.6 else None, seal=rng.random() < 0.8)


def _text_rows(grey: np.ndarray, dpi: int) -> list[tuple[int, int, int, int]]:
    """(top, bottom, left, right) in pixels of each printed line of a clean page: bands of rows with ink."""
    ink = grey < 128
    rows = ink.sum(axis=1) > 0
    bands, start = [], None
    for y, filled in enumerate(np.append(rows, False)):
        if filled and start is None:
            start = y
        elif not filled and start is not None:
            if 0.06 * dpi <= y - start <= 0.4 * dpi:
                cols = np.flatnonzero(ink[start:y].any(axis=0))
                bands.append((start, y, int(cols[0]), int(cols[-1])))
            start = None
    return bands


def highlight(page: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """A highlighter stroke (multiplied, as ink over print) across one printed row in the page's middle part."""
    rows = [r for r in _text_rows(np.asarray(page.convert("L")), dpi) if 0.2 * page.height < r[0] < 0.85 * page.height]
    if not rows:
        return page
    top, bottom, left, right = rng.choice(rows)
    colour = rng.choice(HIGHLIGHTERS)
    layer = Image.new("RGB", page.size, (255, 255, 255))
    pad = int(0.03 * dpi)
    start = left + int(rng.uniform(0, 0.3) * (right - left))
    ImageDraw.Draw(layer).rectangle((start - pad, top - pad, right + pad, bottom + pad), fill=colour)
    return ImageChops.multiply(page, layer)


def seal_and_signature(page: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """A round office seal (two rings, a word, a star; patchy ink) and a pen signature near the page bottom."""
    width, height = page.size
    colour = rng.choice(SEAL_COLOURS)
    radius = int(rng.uniform(0.55, 0.8) * dpi)
    cx = int(rng.uniform(0.45, 0.8) * width)
    cy = int(rng.uniform(0.6, 0.85) * height)
    mask = Image.new("L", page.size, 0)
    draw = ImageDraw.Draw(mask)
    stroke = max(2, dpi // 60)
    for r in (radius, int(radius * 0.78)):
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=255, width=stroke)
    try:
        font = ImageFont.truetype(SEAL_FONT, max(10, radius // 4))
        draw.text((cx, cy), "สำนักงาน", font=font, fill=255, anchor="mm")
    except OSError:
        pass
    star = [(cx + radius * 0.25 * np.cos(a) * (1 if k % 2 == 0 else 0.45),
             cy - radius * 0.45 + radius * 0.25 * np.sin(a) * (1 if k % 2 == 0 else 0.45))
            for k, a in enumerate(np.linspace(-np.pi / 2, 3.5 * np.pi / 2, 10, endpoint=False))]
    draw.polygon(star, fill=255)
    mask = mask.rotate(rng.uniform(-30, 30), center=(cx, cy))
    patchy = np.random.default_rng(rng.randrange(2**32)).uniform(0.45, 1.0, (height, width))
    alpha = np.asarray(mask, dtype=np.float32) / 255 * patchy * rng.uniform(0.6, 0.9)
    # the pen: a few joined curves across the seal's left side
    pen = Image.new("L", page.size, 0)
    points, x, y = [], cx - radius * 1.2, cy + rng.uniform(-0.3, 0.3) * radius
    for _ in range(rng.randint(12, 20)):
        x += rng.uniform(0.05, 0.2) * radius
        y += rng.uniform(-0.25, 0.25) * radius
        points.append((x, y))
    ImageDraw.Draw(pen).line(points, fill=255, width=max(2, dpi // 90), joint="curve")
    pen_alpha = np.asarray(pen, dtype=np.float32) / 255 * 0.9
    pixels = np.asarray(page.convert("RGB"), dtype=np.float32)
    for layer_alpha, ink in ((alpha, colour), (pen_alpha, rng.choice(INK))):
        pixels = pixels * (1 - layer_alpha[..., None]) + np.asarray(ink, np.float32) * layer_alpha[..., None] * (
            pixels / 255)  # multiply: ink over print keeps the print dark
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")


def office_damage(page: Image.Image, rng: random.Random, conditions: Conditions, index: int, last: bool) -> Image.Image:
    """A clean RGB page image (rendered at conditions.dpi) made to look like an office scan."""
    dpi = conditions.dpi
    if conditions.highlight_page == index:
        page = highlight(page, rng, dpi)
    if conditions.seal and last:
        page = seal_and_signature(page, rng, dpi)
    page = page.rotate(rng.uniform(-OFFICE_SKEW, OFFICE_SKEW), resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    page = page.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8) * dpi / 200))
    pixels = np.asarray(page, dtype=np.float32)
    height, width = pixels.shape[:2]
    # Paper: grey, lit unevenly (a smooth falloff from one corner, as under a scanner lid), with texture.
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    corner = rng.choice(((0, 0), (0, 1), (1, 0), (1, 1)))
    falloff = (np.abs(yy / height - corner[0]) + np.abs(xx / width - corner[1])) / 2
    numpy_rng = np.random.default_rng(rng.randrange(2**32))
    paper = conditions.paper - conditions.unevenness * falloff
    texture = ndimage.gaussian_filter(numpy_rng.normal(0, 1, (height // 8 + 1, width // 8 + 1)), 2)
    paper = paper + 6 * np.kron(texture, np.ones((8, 8)))[:height, :width]
    black = rng.uniform(25, 70)
    pixels = black + (pixels / 255.0) * (paper[..., None] - black)  # ink stays dark, white becomes the paper
    pixels += numpy_rng.normal(0.0, conditions.noise, pixels.shape[:2])[..., None]
    pixels = np.clip(pixels, 0, 255).astype(np.uint8)
    image = Image.fromarray(pixels, "RGB")
    if conditions.mode == "bilevel":
        # an office scanner's black-and-white mode: a fixed threshold, no adaptive help
        grey = np.asarray(image.convert("L"))
        return Image.fromarray(grey >= rng.uniform(0.55, 0.7) * conditions.paper).convert("1")
    if conditions.mode == "grey":
        image = image.convert("L")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=conditions.jpeg)
    return Image.open(io.BytesIO(buffer.getvalue()))


def scan_pdf(source: Path, target: Path, rng: random.Random, dpi: int = DPI, conditions: str = "office") -> str:
    """Write `target` as an image-only copy of `source` (one damaged image per page); returns what was done."""
    pdf = pdfium.PdfDocument(str(source))
    pages = []
    try:
        if conditions == "office":
            drawn = draw_conditions(rng, len(pdf))
            dpi = drawn.dpi
            for index, page in enumerate(pdf):
                image = page.render(scale=dpi / 72).to_pil().convert("RGB")
                pages.append(office_damage(image, rng, drawn, index, index == len(pdf) - 1))
            described = drawn.describe()
        else:
            for page in pdf:
                image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
                pages.append(damage(image, rng))
            described = f"legacy grey {dpi}dpi"
    finally:
        pdf.close()
    # Pillow writes L/RGB images as DCTDecode streams, bilevel ones as CCITT G4; the page size follows from the
    # resolution. Fixed dates so the same seed gives the same bytes.
    fixed = time.gmtime(1_704_067_200)  # 2024-01-01
    pages[0].save(target, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:],
                  creationDate=fixed, modDate=fixed)
    return f"{len(pages)} page(s), {described}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="folder with PDFs and truth/*.json")
    parser.add_argument("out", type=Path, help="folder for the scan-like PDFs and truth/")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dpi", type=int, default=DPI, help="resolution of --conditions legacy")
    parser.add_argument("--conditions", choices=("office", "legacy"), default="office",
                        help="office: realistic office scans (default); legacy: the earlier uniform 200 dpi grey set")
    parser.add_argument("--only", action="append", default=[], help="keep these families (truth `family`); repeatable")
    parser.add_argument("--with-questions", action="store_true", help="keep documents whose truth has question scores")
    args = parser.parse_args(argv)
    (args.out / "truth").mkdir(parents=True, exist_ok=True)
    made, drawn = 0, []
    for truth_path in sorted((args.corpus / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        if truth.get("scanned") or (args.only and truth.get("family") not in args.only):
            continue
        if args.with_questions and not truth.get("question_scores"):
            continue
        source = args.corpus / truth["file"]
        # One generator per file, seeded by the seed and the file name: a subset reproduces the same pages.
        rng = random.Random(args.seed * 1_000_003 + zlib.crc32(truth["file"].encode()))
        done = scan_pdf(source, args.out / truth["file"], rng, args.dpi, args.conditions)
        truth["scanned"] = True
        (args.out / "truth" / truth_path.name).write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
        made += 1
        drawn.append(f"{truth['file']}\t{done}")
        print(f"{truth['file']}: {done}")
    listing = args.out / "conditions.tsv"
    kept = [line for line in (listing.read_text(encoding="utf-8").splitlines() if listing.exists() else [])
            if line.split("\t")[0] not in {d.split("\t")[0] for d in drawn}]
    listing.write_text("\n".join(sorted(kept + drawn)) + "\n", encoding="utf-8")
    print(f"{made} scan-like PDF(s) in {args.out}")
    return 0 if made else 1


if __name__ == "__main__":
    sys.exit(main())
