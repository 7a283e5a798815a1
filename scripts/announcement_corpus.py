#!/usr/bin/env python3
"""Measure results announcements (issue #13): generate them in every form, text layer and scanned, extract
them with `python -m pipeline extract`, and print per document: units found, rows right in every field,
rows with a null score, and WRONG values (a score or level other than the one printed; must be 0).

    python scripts/announcement_corpus.py /tmp/ann --looks text oversized office150 --measure
    python scripts/announcement_corpus.py /tmp/ann --forms held-points --looks bilevel rotated --measure

Forms are tests/test_announcement.py FORMS (the ones the reader was tuned on) and HELD_OUT below (other header
wordings, column orders, bare names with a type column, no rank column). Looks are scanner damage: the PDF is
drawn with a text layer, then every page is rendered and replaced by its (damaged) image, as a scanner would.
Seeded: the same arguments write the same PDFs.
"""
from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.announcement_factory import (ABBREVIATIONS, FORMS, AnnouncementSpec, TruthRow,  # noqa: E402
                                        make_announcement, shortened)

# Layouts and wordings the reader was not tuned on (tests/announcement_factory.py variants).
HELD_OUT = {
    "held-raw-2567-wording-norank": AnnouncementSpec(form="raw", year=2567, rows=40, seed=31, province="ยะลา",
                                                     variant="wording+no-rank"),
    "held-overall-2568-typecol": AnnouncementSpec(form="overall", year=2568, rows=36, seed=32, province="นราธิวาส",
                                                  abbreviated=True, variant="type-column"),
    "held-points-totalfirst-wording": AnnouncementSpec(form="points", year=2568, rows=44, seed=33, colleges=True,
                                                       province="ปัตตานี", variant="total-first+wording"),
    "held-split-2568-norank-typecol": AnnouncementSpec(form="split", year=2568, rows=36, seed=34, province="สงขลา",
                                                       variant="no-rank+type-column"),
    "held-raw-2566-typecol-totalfirst": AnnouncementSpec(form="raw", year=2566, rows=40, seed=35, province="ยะลา",
                                                         abbreviated=True, variant="type-column+total-first"),
}
ALL_FORMS = {**FORMS, **HELD_OUT}


@dataclass(frozen=True)
class Look:
    """How the page images are made: resolution, turn (degrees), lean of the columns, specks, a media box
    larger than the paper, JPEG quality (0: lossless), bilevel (1-bit, as office copiers send), and a page
    put sideways on landscape paper (`turn_page` 90/270)."""

    dpi: int = 300
    angle: float = 0.0
    shear: float = 0.0
    noise: float = 0.0
    box_scale: float = 1.0
    jpeg: int = 0
    bilevel: bool = False
    turn_page: int = 0
    marks: bool = False  # a highlighter stripe over a row and a round office stamp over the table's right side
    signature: bool = False  # a signer's scribble in dark ink across the table's last rows
    seed: int = 0  # added to the document's seed: other specks, another place for the stamp and stripe


LOOKS = {
    "text": None,
    "clean300": Look(300),
    "office200": Look(200, angle=0.8, shear=0.004, noise=0.001, jpeg=55),
    "office150": Look(150, angle=0.6, shear=0.006, noise=0.002, jpeg=70),
    "oversized": Look(200, angle=-0.4, shear=0.008, noise=0.001, box_scale=2.6875),
    "bilevel": Look(200, angle=0.3, bilevel=True),
    "tilted": Look(200, angle=1.5, jpeg=80),
    "rotated": Look(200, angle=0.4, turn_page=90, jpeg=75),
    # held out (branch announce8, 2 Dec): written before any reader change for it and measured blind first on
    # set 7's prints (scripts/announcement_printers.py --held-out-7 --looks held-150-tilt-jpeg35): the low
    # resolution of office150, a lean the other way from tilted's, and the heaviest JPEG of any look
    "held-150-tilt-jpeg35": Look(150, angle=-1.1, shear=0.003, noise=0.001, jpeg=35),
    # held out (branch announce9, 2 Dec): written before any reader change for it, measured blind first on set
    # 7's prints: an office copier's bilevel 200 dpi with a highlighter stripe across rows (the copier turns
    # its tint into a darker band that thickens the print under it) and a round stamp over the score columns
    "held-200-bilevel-marks": Look(200, angle=0.6, shear=0.002, noise=0.0005, bilevel=True, marks=True),
    # held out (branch announce10, 2 Dec): written before any reader change for it, measured blind first on set
    # 7's prints: grey 200 dpi at JPEG 50, leaning 1.3 degrees (the way of tilted, against held-150's), and a
    # signature scribbled across the last rows of each page's table
    "held-200-grey-jpeg50-signed": Look(200, angle=1.3, shear=-0.002, noise=0.001, jpeg=50, signature=True),
    # held out (branch announce16, 4 Dec): written before any reader change for it, measured blind first on set
    # 7's prints: 175 dpi (between the other looks' resolutions), leaning -0.7 degrees, more specks than any
    # other look, JPEG 45, and the highlighter stripe and stamp of held-200-bilevel-marks on a grey scan
    "held-175-grey-jpeg45-marks": Look(175, angle=-0.7, shear=-0.004, noise=0.0015, jpeg=45, marks=True),
    # held out (branch announce17, 4 Dec): written before any reader change, measured blind first on set 7's
    # prints: 190 dpi grey, leaning 0.9 degrees, JPEG 40, marks and a signature, the damage drawn from another
    # seed (the stamp and stripe fall elsewhere than on every other marked look)
    "held-190-grey-jpeg40-reseeded": Look(190, angle=0.9, shear=0.003, noise=0.0012, jpeg=40, marks=True,
                                          signature=True, seed=5),
}


def _marked(image, seed: int):
    """The page with a reader's marks on it: a highlighter stripe (a grey band that darkens what lies under it)
    across two rows a third of the way down, and a round stamp (ring, inner ring, a word) over the right half
    of the table, in the grey a blue stamp scans as. Placed by the seed, the same for the same arguments."""
    import random

    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    rng = random.Random(seed)
    w, h = image.size
    pixels = np.asarray(image, dtype=np.float32)
    top = int(h * rng.uniform(0.28, 0.4))
    band = slice(top, top + int(h * 0.022))
    pixels[band] = pixels[band] * 0.62  # a tint multiplies what it covers
    marked = Image.fromarray(pixels.clip(0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(marked)
    cx, cy, r = int(w * rng.uniform(0.6, 0.75)), int(h * rng.uniform(0.45, 0.6)), int(w * 0.09)
    stroke = max(2, w // 400)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=110, width=stroke)
    draw.ellipse((cx - int(0.72 * r), cy - int(0.72 * r), cx + int(0.72 * r), cy + int(0.72 * r)), outline=110,
                 width=max(1, stroke // 2))
    font_path = "/usr/share/fonts/truetype/tlwg/Garuda.ttf"
    try:
        font = ImageFont.truetype(font_path, max(12, r // 4))
    except OSError:
        font = ImageFont.load_default()
    draw.text((cx - int(0.6 * r), cy - r // 8), "สำเนาถูกต้อง", fill=110, font=font)
    return marked


def _signed(image, seed: int):
    """The page with a signature over its table's last rows: a few looping pen strokes (dark, 3-4 px, as a
    ballpoint scans) from a third to two thirds across, centred on the table's bottom rule (the lowest image row
    that is dark over half the page's width; the page's lower part when it has none). Placed by the seed."""
    import math
    import random

    import numpy as np
    from PIL import ImageDraw

    rng = random.Random(seed * 7 + 3)
    w, h = image.size
    dark = (np.asarray(image) < 128).mean(axis=1)
    ruled = np.flatnonzero(dark > 0.5)
    bottom = int(ruled[-1]) if len(ruled) else int(h * 0.75)
    signed = image.copy()
    draw = ImageDraw.Draw(signed)
    x0, x1 = int(w * rng.uniform(0.3, 0.4)), int(w * rng.uniform(0.58, 0.68))
    height = int(h * 0.035)
    for stroke in range(3):
        points = []
        loops = rng.uniform(3.0, 5.0)
        phase = rng.uniform(0, math.pi)
        for i in range(121):
            t = i / 120
            x = x0 + (x1 - x0) * t + 0.04 * w * math.sin(2 * math.pi * loops * t + phase) * (0.4 + stroke * 0.2)
            y = bottom - height * (0.4 - 0.3 * stroke) + height * math.cos(2 * math.pi * loops * t + phase) * 0.8
            points.append((x, y))
        draw.line(points, fill=rng.randint(20, 60), width=rng.randint(3, 4), joint="curve")
    return signed


def scan(data: bytes, look: Look, seed: int) -> bytes:
    """The PDF's pages as images only, damaged as `look` says."""
    import pypdfium2 as pdfium
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from tests.pdf_factory import ScanLook, _damaged

    source = pdfium.PdfDocument(data)
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for page in source:
        image = page.render(scale=look.dpi / 72, grayscale=True).to_pil().convert("L")
        if look.marks:
            image = _marked(image, seed)
        if look.signature:
            image = _signed(image, seed)
        image = _damaged(image, ScanLook(angle=look.angle, shear=look.shear, noise=look.noise, seed=seed))
        # A4 as the paper; a landscape page (two tables side by side) keeps its own orientation
        size = (A4[1], A4[0]) if page.get_width() > page.get_height() else (A4[0], A4[1])
        if look.turn_page:
            image = image.rotate(look.turn_page, expand=True, fillcolor=255)
            size = (A4[1], A4[0])
        if look.bilevel:
            image = image.point(lambda v: 255 if v > 150 else 0).convert("1")
        width, height = size[0] * look.box_scale, size[1] * look.box_scale
        pdf.setPageSize((width, height))
        if look.jpeg:
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=look.jpeg)
            buffer.seek(0)
            image = Image.open(buffer)
        pdf.drawImage(ImageReader(image), 0, 0, width=width, height=height)
        pdf.showPage()
    pdf.save()
    source.close()
    return out.getvalue()


def write(out_dir: Path, forms: list[str], looks: list[str], rows: int | None = None) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for look_name in looks:
        for form in forms:
            spec = shortened(ALL_FORMS[form], rows)
            path = out_dir / f"{form}__{look_name}.pdf"
            truth = make_announcement(path, spec)
            if (look := LOOKS[look_name]) is not None:
                path.write_bytes(scan(path.read_bytes(), look, spec.seed + look.seed))
            path.with_suffix(".json").write_text(json.dumps(
                {"spec": asdict(spec), "rows": [asdict(r) for r in truth]}, ensure_ascii=False))
            written.append(path)
    return written


def expected(row: TruthRow, form: str) -> dict[str, float | None]:
    """The fields a row must carry: its total and its tools (weighted points or raw scores); a planted bad
    total must come out null."""
    points = form in ("points", "split")
    want = {"overall_score": None if row.broken else row.total}
    for key, name in (("iit", "iit"), ("eit", "eit"), ("eit1", "eit_part1"), ("eit2", "eit_part2"), ("oit", "oit")):
        if getattr(row, key) is not None:
            want[f"{name}_points" if points else name] = None if row.broken else getattr(row, key)
    return want


def _value(x):
    """A Parquet cell as Python: NaN/NA is None."""
    try:
        return None if x is None or x != x else x
    except (TypeError, ValueError):
        return x


def _key(name: str | None) -> str:
    return "".join((name or "").split())


def _similar(a: str, b: str) -> float:
    """How alike two printed names are, also without the marks OCR drops or adds (`ทามวง` is ท่าม่วง)."""
    from rapidfuzz import fuzz

    from parsers.ita.text import skeleton

    return max(fuzz.ratio(a, b), fuzz.ratio(skeleton(a), skeleton(b)))


def _place(name: str) -> str:
    """A unit's name without its type words, full or abbreviated, as OCR may read them (marks lost)."""
    from parsers.ita.text import skeleton

    key = skeleton(_key(name))
    for word in sorted({skeleton(w) for pair in ABBREVIATIONS.items() for w in pair}, key=len, reverse=True):
        if key.startswith(word):
            return key[len(word):]
    return key


def measure_document(truth: dict, rows: list[dict]) -> dict:
    """Counts for one document: rows matched by name (each printed row to at most one read row), in document
    order; then a printed row left unmatched takes the one read row standing between its matched neighbours
    whose name is still like its own (a garbled name, `ท้านบ` for ทำนบ): counted `garbled`, not found, and its
    numbers checked like any row's, so a wrong score on a garbled row shows. Read rows left over are invented."""
    from parsers.ita.text import skeleton  # without marks, which OCR drops

    form = truth["spec"]["form"]
    # a name read as its type alone (`องค์การบริหารส่วนตำบล`, its place on a line the OCR lost) identifies no unit
    bare_types = {skeleton(_key(w).rstrip(".")) for pair in ABBREVIATIONS.items() for w in pair}
    keys = {i: _key(r["unit_raw"]) for i, r in enumerate(rows)}
    left = {i: k for i, k in keys.items() if skeleton(k.rstrip(".")) not in bare_types}
    counts = dict(rows=len(truth["rows"]), found=0, right=0, null=0, wrong=0, level_wrong=0, invented=0,
                  unit_name=0, garbled=0)
    wrong_examples: list = []
    truth_rows = [TruthRow(**t) for t in truth["rows"]]
    pairs: dict[int, int] = {}
    position = 0  # rows are matched in document order, within a few rows of the last match: names that
    # differ in one place word (บ่อแดง / รำแดง, the place lost by OCR) are not paired across the table
    for n, row in enumerate(truth_rows):
        key = _key(row.name)
        window = [i for i in left if position <= i < position + 6]
        # bare names repeat across types (ทม.ยะลา, อบต.ยะลา): a row resolved to another unit is not this one
        window = [i for i in window if not (row.unit_name and rows[i].get("unit_id")
                                            and rows[i].get("unit_name") != row.unit_name)]
        best = max(window, key=lambda i: _similar(left[i], key), default=None)
        if best is None or _similar(left[best], key) < 90 and rows[best].get("unit_name") != row.unit_name:
            continue
        del left[best]
        pairs[n] = best
        position = best + 1
    garbled: dict[int, int] = {}
    unread = {i for i in keys if i not in left and i not in pairs.values()}  # names read as a bare type
    for n, row in enumerate(truth_rows):
        if n in pairs:
            continue
        before_n = max((m for m in pairs if m < n), default=-1)
        after_n = min((m for m in pairs if m > n), default=len(truth_rows))
        before, after = pairs.get(before_n, -1), pairs.get(after_n, len(rows))
        between = [i for i in (*left, *unread) if before < i < after and i not in garbled.values()]
        # the place name, without the type every row shares (`องค์การบริหารส่วนตำบล`), must still look alike;
        # or the gap is one printed row and one read row between matched neighbours
        best = max(between, key=lambda i: _similar(_place(keys[i]), _place(row.name)), default=None)
        one_to_one = len(between) == 1 and after_n - before_n == 2
        if best is not None and (_similar(_place(keys[best]), _place(row.name)) >= 60 or one_to_one):
            garbled[n] = best
            left.pop(best, None)
    for n, i in [*pairs.items(), *garbled.items()]:
        _score(truth_rows[n], truth["rows"][n], rows[i], form, counts, wrong_examples, n in garbled)
    counts["invented"] = len(left)
    counts["invented_rows"] = [(rows[i].get("row"), rows[i].get("unit_raw")) for i in left]
    counts["examples"] = wrong_examples[:5]
    return counts


def _score(row: TruthRow, t: dict, got: dict, form: str, counts: dict, wrong_examples: list, garbled: bool) -> None:
    """One printed row against the row read for it."""
    counts["garbled" if garbled else "found"] += 1
    want = expected(row, form)
    tools = [f for f in want if f != "overall_score"]
    if row.broken and got.get("overall_score") is not None and abs(got["overall_score"] - row.total - 1.0) < 0.005 \
            and tools and any(got.get(f) is None for f in tools):
        # the misprint kept as printed with some of its tools unread: nothing on the row could show it is one,
        # and the number is what the document prints (docs/parsing.md: a lone total is kept); its tools are
        # counted as any row's
        counts["misprint_kept"] = counts.get("misprint_kept", 0) + 1
        want = {**expected(TruthRow(**{**t, "broken": False}), form), "overall_score": row.total + 1.0}
    elif row.broken and got.get("overall_score") is not None and abs(got["overall_score"] - row.total) < 0.005:
        # a total printed one off, "repaired" on a scan to the reading its points agree with: a misprint read
        # clearly must come out null (announcement._certain); counted apart so a regression shows
        counts["repaired"] = counts.get("repaired", 0) + 1
        want = expected(TruthRow(**{**t, "broken": False}), form)
    nulls = wrong = 0
    for field, value in want.items():
        value_got = got.get(field)
        if value_got is None:
            nulls += value is not None
        elif value is None or abs(value_got - value) > 0.005:
            wrong += 1
            wrong_examples.append((row.name, field, value_got, value))
    level_got = got.get("level")
    if level_got and level_got != row.level:
        counts["level_wrong"] += 1
        wrong_examples.append((row.name, "level", level_got, row.level))
    counts["wrong"] += wrong
    if garbled:
        return
    counts["null"] += bool(nulls)
    counts["right"] += not nulls and not wrong and level_got == row.level
    if row.unit_name:
        counts["unit_name"] += got.get("unit_name") == row.unit_name
    else:
        counts["unit_name"] += got.get("unit_id") is None and _key(got.get("unit_name")) == _key(row.name)


def measure(in_dir: Path, out_dir: Path, workers: int) -> list[tuple[str, dict]]:
    import pandas as pd

    subprocess.run([sys.executable, "-m", "pipeline", "extract", "--input", str(in_dir), "--output", str(out_dir),
                    "--workers", str(workers), "--quiet", "--no-cache"], check=True, cwd=ROOT)
    documents = pd.read_parquet(out_dir / "documents.parquet")
    assessments = pd.read_parquet(out_dir / "assessments.parquet")
    results = []
    for _, doc in documents.sort_values("source_path").iterrows():
        truth_path = in_dir / Path(doc["source_path"]).with_suffix(".json")
        if not truth_path.exists():
            continue
        truth = json.loads(truth_path.read_text())
        rows = [{k: _value(v) for k, v in r.items()} for r in
                assessments[assessments["doc_id"] == doc["doc_id"]].sort_values("row").to_dict("records")]
        counts = measure_document(truth, rows)
        counts["doc_type"] = doc["doc_type"]
        results.append((Path(doc["source_path"]).stem, counts))
    return results


def _layout(args: tuple[Path, Path]) -> Path:
    """The normalized layout of one PDF, pickled in the cache folder (the slow part: OCR)."""
    import pickle

    from parsers.layout import extract_layout
    from pipeline.process import normalize_layout

    pdf, cached = args
    if not cached.exists():
        cached.write_bytes(pickle.dumps(normalize_layout(extract_layout(pdf))))
    return cached


def measure_cached(in_dir: Path, cache: Path, workers: int, cached_only: bool = False) -> list[tuple[str, dict]]:
    """As `measure`, with each PDF's layout computed once and kept in `cache`: the grammar, units and
    validation run again on every call (for iterating on parsers/ita; report figures with `measure`)."""
    import hashlib
    import pickle
    from multiprocessing import Pool

    from parsers.ita import parse_document
    from pipeline.load import build_rows
    from pipeline.process import DocumentResult, resolve_result_units, resolve_unit, validate
    from pipeline.discover import discover

    cache.mkdir(parents=True, exist_ok=True)
    sources = {Path(s.abs_path): s for s in discover(in_dir)}
    jobs = [(path, cache / (hashlib.sha256(path.read_bytes()).hexdigest()[:20] + ".pkl")) for path in sorted(sources)]
    if cached_only:
        jobs = [(path, cached) for path, cached in jobs if cached.exists()]
    with Pool(workers) as pool:
        pool.map(_layout, jobs, chunksize=1)
    results = []
    for path, cached in jobs:
        layout = pickle.loads(cached.read_bytes())
        parsed = parse_document(layout)
        unit = resolve_unit(parsed, None)
        warnings = validate(layout, parsed, unit)
        result = DocumentResult(sources[path], "ok", n_pages=layout.n_pages, parsed=parsed, unit=unit,
                                result_units=resolve_result_units(parsed), warnings=warnings)
        rows = [{k: _value(v) for k, v in r.items()} for r in build_rows([result])["assessments"]]
        truth = json.loads(path.with_suffix(".json").read_text())
        counts = measure_document(truth, sorted(rows, key=lambda r: r["row"] or 0))
        counts["doc_type"] = parsed.doc_type
        results.append((path.stem, counts))
    return results


def table(results: list[tuple[str, dict]]) -> str:
    lines = [f"{'document':48} {'type':>4} {'rows':>4} {'found':>5} {'right':>5} {'null':>4} {'WRONG':>5} "
             f"{'lvlX':>4} {'inv':>3} {'unit':>4}"]
    sums: dict[str, dict[str, int]] = {}
    for name, c in results:
        ok = "ok" if c["doc_type"] == "results_announcement" else "NO"
        lines.append(f"{name:48} {ok:>4} {c['rows']:4} {c['found']:5} {c['right']:5} {c['null']:4} {c['wrong']:5} "
                     f"{c['level_wrong']:4} {c['invented']:3} {c['unit_name']:4}")
        for example in c["examples"]:
            lines.append(f"    WRONG {example}")
        for row in c.get("invented_rows", []):
            lines.append(f"    unpaired row {row}")
        look = name.split("__")[-1]
        total = sums.setdefault(look, {})
        for k in ("rows", "found", "right", "null", "wrong", "level_wrong", "invented", "repaired", "misprint_kept",
                  "garbled"):
            total[k] = total.get(k, 0) + c.get(k, 0)
    lines.append("")
    for look, t in sums.items():
        lines.append(f"{look:12} rows {t['rows']:4}  found {t['found']:4} ({t['found'] / t['rows']:.3f})  right "
                     f"{t['right']:4} ({t['right'] / t['rows']:.3f})  null {t['null']:3}  WRONG {t['wrong']} "
                     f"level WRONG {t['level_wrong']}  garbled names {t['garbled']}  invented {t['invented']}  misprint repaired {t['repaired']}  "
                     f"kept as printed {t['misprint_kept']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--forms", nargs="+", default=list(ALL_FORMS), choices=list(ALL_FORMS))
    ap.add_argument("--looks", nargs="+", default=["text"], choices=list(LOOKS))
    ap.add_argument("--measure", action="store_true", help="then extract into OUT_DIR-curated and print the counts")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rows", type=int, help="at most this many rows per announcement (fewer pages to OCR)")
    ap.add_argument("--cache", type=Path, help="measure with layouts cached in this folder (fast re-runs of the "
                    "grammar; figures to report come from the full extract without it)")
    ap.add_argument("--cached-only", action="store_true", help="with --cache: only the PDFs already cached")
    ap.add_argument("--no-write", action="store_true", help="measure the PDFs already in OUT_DIR")
    a = ap.parse_args(argv)
    if not a.no_write:
        written = write(a.out_dir, a.forms, a.looks, a.rows)
        print(f"wrote {len(written)} announcements to {a.out_dir}")
    if a.measure and a.cache:
        print(table(measure_cached(a.out_dir, a.cache, a.workers, a.cached_only)))
    elif a.measure:
        print(table(measure(a.out_dir, a.out_dir.with_name(a.out_dir.name + "-curated"), a.workers)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
