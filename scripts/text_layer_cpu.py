"""CPU seconds of the pipeline on text-layer PDFs against the bare pdfplumber pass, caches cold as in a worker.

    python scripts/text_layer_cpu.py FOLDER_OR_PDF... [--skip NAME...]

Unlike scripts/profile_text_layer.py, which processes every file once to warm up and then times a second pass
(so that the repair's memo answers every line of the timed pass), each document here is processed once, in
order, by one process that loaded what a worker preloads (pipeline.process.warm_up): what a bench worker pays.
Ours and the bare pass alternate per file, in process CPU time, so that load from other jobs on a shared
machine hits both alike. Documents that needed OCR are left out of both sums (their OCR still runs; `--skip`
leaves files out by name to save that time). Run it from the code tree to measure (`cd /tmp/main && python
/path/to/this/script ...` imports that tree's code).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, os.getcwd())  # the tree it is run from, not the one this script sits in
    from pipeline.bench import bare_pdfplumber
    from pipeline.discover import discover
    from pipeline.process import process_document, warm_up

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--skip", nargs="*", default=[], help="file names to leave out (e.g. the scans)")
    args = parser.parse_args(argv)
    warm_up()
    files = [f for folder in args.inputs for f in discover(folder)
             if not f.duplicate_of and not f.read_error and os.path.basename(f.abs_path) not in args.skip]
    ours = bare = 0.0
    pages = documents = 0
    for source in files:
        started = time.process_time()
        result = process_document(source)
        spent = time.process_time() - started
        started = time.process_time()
        bare_pdfplumber([source.abs_path])
        bare_spent = time.process_time() - started
        if result.n_pages and not result.ocr_pages:
            ours, bare, pages, documents = ours + spent, bare + bare_spent, pages + result.n_pages, documents + 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{documents} text-layer PDFs, {pages} pages; CPU ours {ours:.2f} s ({ours / pages * 1000:.0f} ms/page), "
          f"bare {bare:.2f} s ({bare / pages * 1000:.0f} ms/page), ratio {ours / bare:.2f}; peak RSS {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
