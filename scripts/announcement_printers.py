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
from tests.announcement_factory import AnnouncementSpec, shortened  # noqa: E402
from tests.announcement_printers import missing_printers, print_announcement  # noqa: E402

PRINTERS = ("docx", "chromium", "weasyprint")

# Held-out set 7 (branch announce7, 2 Dec): forms in no FORM or HELD_OUT of announcement_corpus, written before
# the reader was changed for them, measured blind first (docs/parsing.md): district section rows between unit
# rows, the rank printed last, full names with the district in the cell, one decimal, 2566 letters with pass
# words or spelled in Thai, two tables side by side on a landscape page, a footnote under the table.
HELD_OUT_7 = {
    "h7-raw-2566-sections-ranklast-passwords": AnnouncementSpec(
        form="raw", year=2566, rows=20, seed=71, province="นราธิวาส", variant="sections+rank-last+pass-words"),
    "h7-overall-2567-namedistrict-footnote": AnnouncementSpec(
        form="overall", year=2567, rows=20, seed=72, province="สงขลา", variant="name-district+footnote"),
    "h7-points-2568-onedecimal-footnote": AnnouncementSpec(
        form="points", year=2568, rows=20, seed=73, colleges=True, province="ยะลา", variant="one-decimal+footnote"),
    "h7-overall-2566-twin-thailetters": AnnouncementSpec(
        form="overall", year=2566, rows=24, seed=74, province="ปัตตานี", abbreviated=True,
        variant="twin+thai-letters"),
    "h7-split-2568-sections-ranklast": AnnouncementSpec(
        form="split", year=2568, rows=20, seed=75, province="ยะลา", abbreviated=True, variant="sections+rank-last"),
    "h7-raw-2567-onedecimal-namedistrict": AnnouncementSpec(
        form="raw", year=2567, rows=20, seed=76, province="ปัตตานี", variant="one-decimal+name-district"),
}
FORMS_ALL = {**ALL_FORMS, **HELD_OUT_7}


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
                spec = shortened(FORMS_ALL[form], rows)
                path = out_dir / f"{form}__{printer}-{font.replace(' ', '')}.pdf"
                truth = print_announcement(spec, printer, font, path)
                truth_json = json.dumps({"spec": asdict(spec), "rows": [asdict(r) for r in truth]}, ensure_ascii=False)
                for look in looks:
                    scanned = path.with_name(f"{path.stem}-{look}.pdf")
                    scanned.write_bytes(scan(path.read_bytes(), LOOKS[look], spec.seed + LOOKS[look].seed))
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
    ap.add_argument("--forms", nargs="+", default=list(ALL_FORMS), choices=list(FORMS_ALL))
    ap.add_argument("--held-out-7", action="store_true", help="the forms of HELD_OUT_7 (instead of --forms)")
    ap.add_argument("--printers", nargs="+", default=list(PRINTERS), choices=PRINTERS)
    ap.add_argument("--fonts", nargs="+", default=["TH SarabunPSK"])
    ap.add_argument("--measure", action="store_true", help="then extract into OUT_DIR-curated and print the counts")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--rows", type=int, help="at most this many rows per announcement (fewer pages to OCR)")
    ap.add_argument("--looks", nargs="+", default=[], choices=[k for k, v in LOOKS.items() if v is not None],
                    help="scan each print with these looks (announcement_corpus.LOOKS)")
    ap.add_argument("--cache", type=Path, help="measure with layouts cached here (announcement_corpus --cache)")
    a = ap.parse_args(argv)
    forms = list(HELD_OUT_7) if a.held_out_7 else a.forms
    written = write(a.out_dir, forms, a.printers, a.fonts, a.rows, a.looks)
    print(f"wrote {len(written)} announcements to {a.out_dir}")
    if a.measure and a.cache:
        print(table(measure_cached(a.out_dir, a.cache, a.workers)))
    elif a.measure:
        print(table(measure(a.out_dir, a.out_dir.with_name(a.out_dir.name + "-curated"), a.workers)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
