#!/usr/bin/env python3
"""Character error rate of each text-extraction approach on the text-layer sample PDFs.

For every truth measure text (and its method and responsible cells) of the samples' truth files, the
best-matching span of each approach's text is found with rapidfuzz (whitespace removed on both sides,
Thai digits read as Arabic) and the edit distance to the truth is summed. Approaches:

  plumber             pdfplumber `extract_text` of each page, raw
  plumber+repair      the same through `repair_thai`
  pdfium              PDFium (pypdfium2) text of each page, raw
  pdfium+repair       the same through `repair_thai`
  cell:plumber        each table cell (pdfplumber's ruled-table geometry) read by pdfplumber
  cell:plumber+repair the same through `repair_thai`
  cell:pdfium         the same cells read by PDFium (`get_text_bounded`)
  cell:pdfium+repair  the same through `repair_thai`
  layout              table cells of the layout stage (`parsers.layout.extract_layout`), raw
  layout+clean        the same cells through the normalize stage (`clean_text`): what the parser sees

Page-text approaches print table rows line by line across columns, so a multi-line cell is
interleaved with its neighbours there; their CER includes that and is an upper bound. The cell
approaches compare the two engines on the same boxes.

With `--curated DIR` it scores what a pipeline run stored instead (DIR/measures.parquet, every document of
the corpora, scans included): each truth field against the document's extracted values of that field, for
measuring OCR changes on a scan suite without reading the PDFs again.

usage: python scripts/cer_report.py [CORPUS_DIR ...] [--fields measure,method,responsible] [--curated DIR]
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import sys
import unicodedata
from collections import defaultdict

import pdfplumber
import pypdfium2
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from normalizers.digits import to_arabic_digits  # noqa: E402
from normalizers.thai_text import clean_text, repair_thai  # noqa: E402
from parsers.layout import extract_layout  # noqa: E402

DEFAULT_CORPORA = [str(pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus" / n) for n in ("sample", "sample-yala")]
APPROACHES = [
    "plumber", "plumber+repair", "pdfium", "pdfium+repair",
    "cell:plumber", "cell:plumber+repair", "cell:pdfium", "cell:pdfium+repair", "layout", "layout+clean",
]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", to_arabic_digits(unicodedata.normalize("NFC", text)))


def best_span_distance(truth: str, text: str) -> int:
    """Edit distance from `truth` to the span of `text` that matches it best."""
    if not truth:
        return 0
    hit = fuzz.partial_ratio_alignment(truth, text)
    if hit is None:
        return len(truth)
    slack = max(3, len(truth) // 10)
    best = len(truth)
    for start in range(max(0, hit.dest_start - slack), hit.dest_start + slack + 1):
        for end in range(max(start, hit.dest_end - slack), min(len(text), hit.dest_end + slack) + 1):
            best = min(best, Levenshtein.distance(truth, text[start:end], score_cutoff=best))
    return best


def _cells(pdf: pathlib.Path, document: pypdfium2.PdfDocument) -> tuple[list[str], list[str]]:
    """Text of every ruled table cell as read by pdfplumber and by PDFium."""
    plumber_cells, pdfium_cells = [], []
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages):
            textpage = document[number].get_textpage()
            for table in page.find_tables():
                for box in table.cells:
                    x0, top, x1, bottom = box
                    plumber_cells.append(page.crop(box).extract_text() or "")
                    pdfium_cells.append(textpage.get_text_bounded(
                        left=x0, bottom=page.height - bottom, right=x1, top=page.height - top))
    return plumber_cells, pdfium_cells


def approach_texts(pdf: pathlib.Path) -> dict[str, str]:
    with pdfplumber.open(pdf) as doc:
        plumber = "\n".join(page.extract_text() or "" for page in doc.pages)
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        pdfium = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
        plumber_cells, pdfium_cells = _cells(pdf, document)
    finally:
        document.close()
    layout = extract_layout(pdf, pdf.name)
    cells = [cell for table in layout.tables for row in table.rows for cell in row.cells if cell]
    return {
        "plumber": plumber,
        "plumber+repair": repair_thai(plumber),
        "pdfium": pdfium,
        "pdfium+repair": repair_thai(pdfium),
        "cell:plumber": "|".join(plumber_cells),
        "cell:plumber+repair": "|".join(map(repair_thai, plumber_cells)),
        "cell:pdfium": "|".join(pdfium_cells),
        "cell:pdfium+repair": "|".join(map(repair_thai, pdfium_cells)),
        "layout": "|".join(cells),
        "layout+clean": "|".join(clean_text(cell) or "" for cell in cells),
    }


def curated_report(corpora: list[pathlib.Path], curated: pathlib.Path, fields: list[str]) -> None:
    """CER per field of the measures a run stored (see module doc), over every document with truth measures."""
    import pandas as pd

    documents = pd.read_parquet(curated / "documents.parquet")
    measures = pd.read_parquet(curated / "measures.parquet")
    by_file = {pathlib.Path(path).name: doc for doc, path in zip(documents.doc_id, documents.source_path)}
    errors: dict[str, int] = defaultdict(int)
    chars: dict[str, int] = defaultdict(int)
    for corpus in corpora:
        for truth_path in sorted((corpus / "truth").glob("*.json")):
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
            if not truth.get("measures"):
                continue
            mine = measures[measures.doc_id == by_file.get(truth["file"])]
            for field in fields:
                column = "period_text" if field == "period" else field
                text = squash("|".join(str(v) for v in mine[column] if isinstance(v, str)))
                for measure in truth["measures"]:
                    target = squash(measure.get(column) or "")
                    if target:
                        chars[field] += len(target)
                        errors[field] += best_span_distance(target, text)
    print("| field | truth characters | CER |\n|---|---:|---:|")
    for field in fields:
        print(f"| {field} | {chars[field]} | {100 * errors[field] / max(1, chars[field]):.2f}% |")
    total = sum(errors.values()) / max(1, sum(chars.values()))
    print(f"| all | {sum(chars.values())} | {100 * total:.2f}% |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="*", default=DEFAULT_CORPORA)
    parser.add_argument("--fields", default="measure,method,responsible")
    parser.add_argument("--curated", type=pathlib.Path, help="score this run's stored measures instead")
    args = parser.parse_args()
    fields = args.fields.split(",")
    if args.curated:
        curated_report([pathlib.Path(c) for c in args.corpora], args.curated, fields)
        return
    errors: dict[tuple[str, str], int] = defaultdict(int)  # (approach, font) → edit distance
    chars: dict[str, int] = defaultdict(int)  # font → truth characters
    for corpus in map(pathlib.Path, args.corpora):
        for truth_path in sorted((corpus / "truth").glob("*.json")):
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
            if truth["scanned"] or not truth.get("measures"):
                continue
            texts = {name: squash(text) for name, text in approach_texts(corpus / truth["file"]).items()}
            font = truth["font"]
            for measure in truth["measures"]:
                for field in fields:
                    target = squash(measure.get(field) or "")
                    if not target:
                        continue
                    chars[font] += len(target)
                    for name in APPROACHES:
                        errors[name, font] += best_span_distance(target, texts[name])
            print(f"{truth['file']:28s} {font}", file=sys.stderr)
    fonts = sorted(chars)
    print("| approach | " + " | ".join(fonts) + " | all |")
    print("|---|" + "---:|" * (len(fonts) + 1))
    for name in APPROACHES:
        cells = [f"{100 * errors[name, font] / chars[font]:.2f}%" for font in fonts]
        total = sum(errors[name, font] for font in fonts) / max(1, sum(chars.values()))
        print(f"| {name} | " + " | ".join(cells) + f" | {100 * total:.2f}% |")
    print("\ntruth characters: " + ", ".join(f"{font} {chars[font]}" for font in fonts)
          + f"; fields: {', '.join(fields)}")


if __name__ == "__main__":
    main()
