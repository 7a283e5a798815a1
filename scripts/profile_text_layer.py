"""Profile the pipeline on text-layer PDFs against a bare pdfplumber pass, in one process.

    python scripts/profile_text_layer.py FOLDER... [--top 25] [--repeat 2]

Runs process_document (layout, normalize, parse, resolve, validate) on every PDF that needs no OCR, then
the bare pass (pdfplumber extract_text + extract_tables per page), alternating per file and in CPU seconds so
that load from other processes hits both alike; prints both totals, their ratio, and cProfile's top functions by own
time of our pass. The figures in docs/scale.md come from here and `make bench`.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str] | None = None) -> int:
    from pipeline.bench import bare_pdfplumber
    from pipeline.discover import discover
    from pipeline.process import process_document, warm_up

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=1, help="passes over the files (best pass counts)")
    parser.add_argument("--no-profile", action="store_true", help="timings only")
    args = parser.parse_args(argv)
    warm_up()
    files = [f for folder in args.folders for f in discover(folder) if not f.duplicate_of and not f.read_error]
    text_files = []
    for source in files:
        result = process_document(source)  # warm: imports, caches of the first call
        if result.n_pages and not result.ocr_pages:
            text_files.append((source, result.n_pages))
    pages = sum(n for _, n in text_files)
    profile = cProfile.Profile()
    best_ours, best_bare = float("inf"), float("inf")
    for _ in range(args.repeat):
        ours = bare = 0.0
        for source, _ in text_files:
            started = time.process_time()
            if args.no_profile:
                process_document(source)
            else:
                profile.runcall(process_document, source)
            ours += time.process_time() - started
            started = time.process_time()
            bare_pdfplumber([source.abs_path])
            bare += time.process_time() - started
        best_ours, best_bare = min(best_ours, ours), min(best_bare, bare)
    print(f"{len(text_files)} text-layer PDFs, {pages} pages")
    print(f"CPU seconds (load from other processes counts less than in wall time): ours {best_ours:.2f} s ({best_ours / pages * 1000:.0f} ms/page)  bare {best_bare:.2f} s "
          f"({best_bare / pages * 1000:.0f} ms/page)  ratio {best_ours / best_bare:.2f}"
          + ("  (ours under cProfile)" if not args.no_profile else ""))
    if not args.no_profile:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(args.top)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
