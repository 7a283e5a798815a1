"""Does building text pages from PDFium change what the layout reads? Compare, per PDF, every line (text and
position) and every table cell that `extract_layout` gives with ITA_PAGE_OBJECTS=pdfminer and without.

    python scripts/compare_page_objects.py FOLDER... [--pages 15]

Prints each document that differs with its first differing lines or table, then the counts and the pages
that fell back to pdfminer (parsers/pdf_objects.py says which pages do). Set ITA_MAX_OCR_PAGES=0 to skip OCR.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from parsers import pdf_objects  # noqa: E402
from parsers.layout import extract_layout  # noqa: E402


def _summary(layout) -> tuple[list, list]:
    lines = [(p.number, line.text, round(line.top), round(line.x0)) for p in layout.pages for line in p.lines]
    tables = [(t.pages, t.header, [r.cells for r in t.rows]) for t in layout.tables]
    return lines, tables


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--pages", type=int, default=15, help="pages read per document (default 15)")
    args = parser.parse_args(argv)
    fallback = [0]
    build = pdf_objects.pdfium_objects

    def counted(page):
        objects = build(page)
        fallback[0] += objects is None
        return objects

    pdf_objects.pdfium_objects = counted
    same = differ = 0
    for folder in args.folders:
        for path in sorted(Path(folder).glob("*.pdf")):
            try:
                os.environ["ITA_PAGE_OBJECTS"] = "pdfminer"
                before = _summary(extract_layout(path, pages=range(1, args.pages + 1)))
                os.environ.pop("ITA_PAGE_OBJECTS")
                after = _summary(extract_layout(path, pages=range(1, args.pages + 1)))
            except Exception as exc:  # noqa: BLE001 - a file neither reads is not a difference
                print(f"unreadable {path.name}: {exc}")
                continue
            if before == after:
                same += 1
                continue
            differ += 1
            print(f"differs {path.name}: lines {len(before[0])}/{len(after[0])}, tables {len(before[1])}/{len(after[1])}")
            for old, new in [(a, b) for a, b in zip(*(x[0] for x in (before, after))) if a != b][:3]:
                print(f"  pdfminer {old}\n  pdfium   {new}")
            if before[1] != after[1]:
                old, new = next((a, b) for a, b in zip(before[1], after[1]) if a != b) if any(
                    a != b for a, b in zip(before[1], after[1])) else (before[1][-1:], after[1][-1:])
                print(f"  table pdfminer {str(old)[:300]}\n  table pdfium   {str(new)[:300]}")
    print(f"same {same}, differ {differ}; pages that fell back to pdfminer: {fallback[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
