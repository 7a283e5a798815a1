#!/usr/bin/env python3
"""Measure results announcements printed by real printers (issue #13): the forms of
scripts/announcement_corpus.py laid out as flowing documents and printed through LibreOffice (DOCX), Chromium
and WeasyPrint in Thai office fonts (tests/announcement_printers.py), then extracted and counted per printer
and font as announcement_corpus counts them: units found, rows right, null, WRONG (must be 0), invented.

    python scripts/announcement_printers.py /tmp/annp --printers chromium docx --fonts "TH SarabunPSK" --measure
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.announcement_corpus import ALL_FORMS, measure, table  # noqa: E402
from tests.announcement_printers import missing_printers, print_announcement  # noqa: E402

PRINTERS = ("docx", "chromium", "weasyprint")


def write(out_dir: Path, forms: list[str], printers: list[str], fonts: list[str]) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    skipped = missing_printers()
    written = []
    for printer in printers:
        if printer in skipped:
            print(f"skipping {printer}: {skipped[printer]}")
            continue
        for font in fonts:
            for form in forms:
                spec = ALL_FORMS[form]
                path = out_dir / f"{form}__{printer}-{font.replace(' ', '')}.pdf"
                truth = print_announcement(spec, printer, font, path)
                path.with_suffix(".json").write_text(json.dumps(
                    {"spec": asdict(spec), "rows": [asdict(r) for r in truth]}, ensure_ascii=False))
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
    a = ap.parse_args(argv)
    written = write(a.out_dir, a.forms, a.printers, a.fonts)
    print(f"wrote {len(written)} announcements to {a.out_dir}")
    if a.measure:
        print(table(measure(a.out_dir, a.out_dir.with_name(a.out_dir.name + "-curated"), a.workers)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
