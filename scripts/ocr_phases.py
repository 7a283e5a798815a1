"""CPU seconds per OCR'd page by phase, this process plus its Tesseract children, for a few scanned PDFs.

`make bench` times phases in wall-clock seconds, which on a shared machine mostly measure the load; CPU time
(`time.process_time` plus the children's user and system time from `os.times`) is what a core spends. Each
phase excludes the phases nested in it (the Tesseract process inside the cell re-reading is Tesseract's).

    python scripts/ocr_phases.py [--warm SCANS/01001-measures_new.pdf] SCANS/01002-province.pdf SCANS/01011-province.pdf ...

Numerical libraries run one thread, as in the pipeline's workers (pipeline/executor.py): OpenBLAS's threads
spinning on a shared machine cost the digit templates' products ten times their CPU, which no worker pays.
`--warm PDF` reads a scan first, untimed, so what a worker loads once (digit templates, the word lists of the
vocabularies, the tokenizer) is not charged to the pages measured; its cost is printed on its own.
"""
from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")  # before numpy loads, as pipeline/executor.py does for its workers

import importlib  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# (phase, module, function)
PHASES = (
    ("render", "parsers.ocr", "render"),
    ("colour removal", "parsers.ocr", "prepare"),
    ("deskew", "parsers.ocr", "deskew"),
    ("orientation", "parsers.ocr", "page_rotation"),
    ("deshear", "parsers.ocr", "deshear"),
    ("rules", "parsers.ocr", "find_rules"),
    ("rules", "parsers.ocr", "erase_rules"),
    ("tesseract", "parsers.ocr", "tesseract_tsv"),
    ("cells (crop, stack, choose)", "parsers.ocr", "ocr_page"),
    ("cells (crop, stack, choose)", "parsers.ocr", "ocr_cells"),
    ("digits", "parsers.ocr", "page_font"),
    ("digits", "parsers.ocr", "reread_numbers"),
    ("digits", "parsers.layout", "cell_number"),
)


def cpu() -> float:
    times = os.times()
    return time.process_time() + times.children_user + times.children_system


def main(paths: list[str]) -> int:
    from parsers.layout import extract_layout  # noqa: PLC0415

    if paths[:1] == ["--warm"]:
        warm, paths = paths[1], paths[2:]
        started = cpu()
        extract_layout(warm)
        print(f"{'warm-up document (untimed)':30s} {cpu() - started:6.2f}  CPU s, loads included")

    totals: dict[str, float] = {}
    stack: list[list[float]] = []
    pages = [0]

    def timed(phase: str, function):
        def wrapper(*args, **kwargs):
            name = f"{phase} --psm {args[2]}" if phase == "tesseract" and len(args) > 2 else phase
            stack.append([cpu(), 0.0])
            try:
                return function(*args, **kwargs)
            finally:
                started, nested = stack.pop()
                spent = cpu() - started
                totals[name] = totals.get(name, 0.0) + spent - nested
                if stack:
                    stack[-1][1] += spent
        return wrapper

    def counted(function):
        def wrapper(*args, **kwargs):
            pages[0] += 1
            return function(*args, **kwargs)
        return wrapper

    for phase, module_name, name in PHASES:
        module = importlib.import_module(module_name)
        if not hasattr(module, name):
            continue
        target = getattr(module, name)
        setattr(module, name, timed(phase, target))
    ocr = importlib.import_module("parsers.ocr")
    ocr.render = counted(ocr.render)
    started = cpu()
    for path in paths:
        extract_layout(path)
    spent = cpu() - started
    n = max(1, pages[0])
    for phase, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"{phase:30s} {seconds / n:6.2f}")
    print(f"{'other (layout, grammar-free)':30s} {(spent - sum(totals.values())) / n:6.2f}")
    print(f"{'all':30s} {spent / n:6.2f}  CPU s/page over {pages[0]} OCR'd pages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
