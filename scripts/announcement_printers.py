#!/usr/bin/env python3
"""Measure results announcements printed by real printers (issue #13): the forms of
scripts/announcement_corpus.py laid out as flowing documents and printed through LibreOffice (DOCX), Chromium
and WeasyPrint in Thai office fonts (tests/announcement_printers.py), then extracted and counted per printer
and font as announcement_corpus counts them: units found, rows right, null, WRONG (must be 0), invented.

    python scripts/announcement_printers.py /tmp/annp --printers chromium docx --fonts "TH SarabunPSK" --measure
    python scripts/announcement_printers.py /tmp/annps --printers chromium docx --rows 20 \
        --looks office200 bilevel --measure --cache /tmp/annps-cache       # the prints through a scanner
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.announcement_corpus import ALL_FORMS, LOOKS, measure, measure_cached, scan, table  # noqa: E402
from tests.announcement_factory import shortened  # noqa: E402
from tests.announcement_printers import missing_printers, print_announcement  # noqa: E402

PRINTERS = ("docx", "chromium", "weasyprint")


def write(out_dir: Path, forms: list[str], printers: list[str], fonts: list[str], rows: int | None = None,
          looks: list[str] = ()) -> list[Path]:
    """Each form printed by each printer in each font; with `looks`, each print also scanned (its pages as
    damaged images only, announcement_corpus.scan), one PDF per look, the print itself not kept."""
    out_dir.mkdir(parents=True, exist_ok=True)
    skipped = missing_printers()
    written = []
    for printer in printers:
        if printer in skipped:
            print(f"skipping {printer}: {skipped[printer]}")
            continue
        for font in fonts:
            for form in forms:
                spec = shortened(ALL_FORMS[form], rows)
                path = out_dir / f"{form}__{printer}-{font.replace(' ', '')}.pdf"
                truth = print_announcement(spec, printer, font, path)
                truth_json = json.dumps({"spec": asdict(spec), "rows": [asdict(r) for r in truth]}, ensure_ascii=False)
                for look in looks:
                    scanned = path.with_name(f"{path.stem}-{look}.pdf")
                    scanned.write_bytes(scan(path.read_bytes(), LOOKS[look], spec.seed))
                    scanned.with_suffix(".json").write_text(truth_json)
                    written.append(scanned)
                if looks:
                    path.unlink()
                    continue
                path.with_suffix(".json").write_text(truth_json)
                written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--forms", nargs="+", default=list(ALL_FORMS), choices=list(ALL_FORMS))
    ap.add_argument("--printers", nargs="+", default=list(PRINTERS), choices=PRINTERS)
    ap.add_argument("--fonts", nargs="+", default=["TH SarabunPSK"])
    ap.add_argument("--measure", action="store_true", help="then extract into OUT_DIR-curated and print the counts")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--rows", type=int, help="at most this many rows per announcement (fewer pages to OCR)")
    ap.add_argument("--looks", nargs="+", default=[], choices=[k for k, v in LOOKS.items() if v is not None],
                    help="scan each print with these looks (announcement_corpus.LOOKS)")
    ap.add_argument("--cache", type=Path, help="measure with layouts cached here (announcement_corpus --cache)")
    a = ap.parse_args(argv)
    written = write(a.out_dir, a.forms, a.printers, a.fonts, a.rows, a.looks)
    print(f"wrote {len(written)} announcements to {a.out_dir}")
    if a.measure and a.cache:
        print(table(measure_cached(a.out_dir, a.cache, a.workers)))
    elif a.measure:
        print(table(measure(a.out_dir, a.out_dir.with_name(a.out_dir.name + "-curated"), a.workers)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
