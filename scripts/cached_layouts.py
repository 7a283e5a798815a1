"""The pipeline's stages with each PDF's layout (text, tables, OCR) kept in a cache folder, for iterating on
what comes after the layout: the ITA grammar, units, validation, the load.

    python scripts/cached_layouts.py --input SCANS --output CUR --cache /tmp/layouts
    python ../shared/tools/score.py SCANS CUR

The first run costs what `pipeline extract` costs (OCR); later runs read the layouts back (a 12-document
scan suite: ~13 min loaded, then ~17 s). The cache is keyed by the file's bytes and the pages asked for, NOT by
the code: after a change to parsers/layout.py, the scan layer (parsers/ocr*.py, parsers/scan_*.py) or
parsers/pdf_text.py, use a new cache folder. Each document goes through `pipeline.process.process_document`
(triage, normalize, parse, resolve, validate) and the tables are written by `pipeline.load.load`, as a run
without the result cache would. To compare two outputs, write them as A/NAME and B/NAME and run
`scripts/output_identity.py compare A B`.
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pipeline.process as process  # noqa: E402
import pipeline.triage as triage  # noqa: E402
from pipeline.discover import discover  # noqa: E402
from pipeline.load import load  # noqa: E402


def _cached(extract, cache: Path, stage: str):
    """`extract` (parsers.layout.extract_layout) with its result pickled under a key of the file and pages."""
    def layout(path, *args, **kwargs):
        key = hashlib.sha256(Path(path).read_bytes()
                             + repr((stage, args[:1], repr(kwargs.get("pages")))).encode()).hexdigest()[:24]
        kept = cache / f"{key}.pkl"
        if kept.exists():
            return pickle.loads(kept.read_bytes())
        found = extract(path, *args, **kwargs)
        kept.write_bytes(pickle.dumps(found))
        return found
    return layout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", required=True, type=Path)
    ap.add_argument("--output", required=True, type=Path)
    ap.add_argument("--cache", required=True, type=Path, help="folder for the pickled layouts (made if missing)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    # Set before the workers fork, so each of them reads and writes the same cache.
    process.extract_layout = _cached(process.extract_layout, args.cache, "document")
    triage.extract_layout = _cached(triage.extract_layout, args.cache, "triage")
    sources = [s for s in discover(args.input) if not s.duplicate_of]
    with get_context("fork").Pool(args.workers) as pool:
        results = pool.map(process.process_document, sources, chunksize=1)
    load(results, args.output)
    statuses = {s: sum(r.status == s for r in results) for s in ("ok", "partial", "failed")}
    print(f"{len(results)} documents: " + ", ".join(f"{s} {n}" for s, n in statuses.items()))


if __name__ == "__main__":
    main()
