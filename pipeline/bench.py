"""`python -m pipeline bench --input DIR`: speed and memory of the whole pipeline against a bare pdfplumber pass.

On the same files, in one run: end-to-end pages/s with 1 and with N workers (no cache), a bare pdfplumber
pass (open every page, extract_text() and extract_tables(), one process), the ratio ours ÷ bare, the
scaling from 1 to N workers, an unchanged re-run (all from the cache), peak memory per worker, and the
CPU seconds per OCR page (in all, and by phase). Figures go to docs/scale.md with the machine they were measured on.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pdfplumber
import psutil

from pipeline.discover import discover
from pipeline.executor import GIB, Limits
from pipeline.records import DocumentResult
from pipeline.run import RunOptions, RunSummary, run_extract

MIB = 1024 ** 2


def bare_pdfplumber(paths: list[str], cpu: dict[str, float] | None = None) -> dict[str, float]:
    """Seconds per file for the baseline every PDF tool pays: pdfplumber text and tables of every page
    (and its CPU seconds per file into `cpu`, when given)."""
    seconds = {}
    for path in paths:
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.extract_tables()
                    page.flush_cache()
        except Exception:  # noqa: BLE001 - a file pdfplumber cannot open costs what it cost
            pass
        seconds[path] = time.perf_counter() - started
        if cpu is not None:
            cpu[path] = time.process_time() - cpu_started
    return seconds


# (phase, module, function) timed on OCR'd pages; a phase's time excludes the phases nested in it.
_OCR_PHASES = (
    ("render", "parsers.ocr", "render"),  # PDFium rendering at 300 dpi (deskew excluded)
    ("deskew", "parsers.ocr", "deskew"),
    ("rules (find, erase)", "parsers.ocr", "find_rules"),
    ("rules (find, erase)", "parsers.ocr", "erase_rules"),
    ("tesseract", "parsers.ocr", "read_page"),  # the processes, PNGs and TSVs (digit re-reading excluded)
    ("orientation", "parsers.ocr", "page_rotation"),  # asked only of pages that do not read upright
    ("digit re-reading", "parsers.ocr", "page_font"),
    ("digit re-reading", "parsers.ocr", "reread_numbers"),
    ("digit re-reading", "parsers.ocr", "drop_unsure_lines"),
    ("digit re-reading", "parsers.layout", "cell_number"),  # table cells read again from the image
)


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the tesseract CLI, when it runs)."""
    times = os.times()
    return time.process_time() + times.children_user + times.children_system


def ocr_phases(paths: list[str], warm: str | None = None) -> tuple[int, dict[str, float], float]:
    """(OCR'd pages, CPU seconds per page by phase, layout CPU seconds per OCR'd page in all) for these files,
    read in this process with the parsers/ocr.py functions wrapped in timers (exclusive of nested phases).
    CPU, not wall: on a shared machine wall time mostly measures the load. `warm` (a scan) is read first,
    untimed, so what a worker loads once (digit templates, word lists) is not charged to the pages."""
    import importlib

    from parsers.layout import extract_layout

    if warm:
        extract_layout(warm)

    totals: dict[str, float] = {}
    stack: list[list[float]] = []  # per active call: [start, time of nested timed calls]
    saved = []
    calls = {"read_page": 0}

    def timed(phase: str, name: str, function):
        def wrapper(*args, **kwargs):
            if name in calls:
                calls[name] += 1
            stack.append([_cpu(), 0.0])
            try:
                return function(*args, **kwargs)
            finally:
                started, nested = stack.pop()
                spent = _cpu() - started
                totals[phase] = totals.get(phase, 0.0) + spent - nested
                if stack:
                    stack[-1][1] += spent
        return wrapper

    for phase, module_name, name in _OCR_PHASES:
        module = importlib.import_module(module_name)
        saved.append((module, name, getattr(module, name)))
        setattr(module, name, timed(phase, name, getattr(module, name)))
    started = _cpu()
    try:
        for path in paths:
            extract_layout(path)
    finally:
        for module, name, function in saved:
            setattr(module, name, function)
    elapsed = _cpu() - started
    pages = calls["read_page"]
    if not pages:
        return 0, {}, 0.0
    return pages, {phase: seconds / pages for phase, seconds in totals.items()}, elapsed / pages


NATIONAL_PDFS = 50_000


def national(results: list[DocumentResult], pdfs: int = NATIONAL_PDFS, cores: tuple[int, ...] = (2, 16, 64, 256),
             efficiency: float = 1.0) -> list[tuple[str, str]]:
    """Extrapolate core-seconds per PDF as measured on this folder (its page count and scan share) to `pdfs`.

    `efficiency` is the measured scaling 1 -> N workers over N; a cluster of many workers is assumed to keep it.
    """
    done = [r for r in results if r.n_pages]
    if not done:
        return []
    per_pdf = sum(r.seconds for r in done) / len(done)
    pages = sum(r.n_pages for r in done) / len(done)
    ocr_share = sum(r.ocr_pages or 0 for r in done) / max(1, sum(r.n_pages for r in done))
    total = per_pdf * pdfs
    rows = [(f"national: {pdfs:,} PDFs like these",
             f"{pages:.1f} pages/PDF, {ocr_share:.1%} of pages OCR'd, {per_pdf:.2f} core-s/PDF: "
             f"{total / 3600:,.0f} core-hours")]
    for n in cores:
        hours = total / (n * efficiency) / 3600
        where = "1 machine" if n == (os.cpu_count() or n) else f"Dask, {n} workers"
        rows.append((f"  {where} ({n} cores)", f"{hours:,.1f} h ({hours / 24:,.1f} days)"))
    return rows


def _text_layer(results: list[DocumentResult]) -> list[DocumentResult]:
    return [r for r in results if r.n_pages and not r.ocr_pages]


def _ocr_seconds_per_page(results: list[DocumentResult], cpu: bool = False) -> tuple[int, float | None]:
    """OCR pages and their s/page: time of documents with OCR minus their text pages at the text-page rate;
    with `cpu`, the workers' CPU seconds instead of wall seconds (what issue #14's 2 s/page is about: a core's
    time, which load from other processes barely moves)."""
    def spent(r: DocumentResult) -> float:
        return r.cpu_seconds if cpu else r.seconds
    text = _text_layer(results)
    text_rate = sum(spent(r) for r in text) / max(1, sum(r.n_pages for r in text))
    scanned = [r for r in results if r.ocr_pages]
    pages = sum(r.ocr_pages for r in scanned)
    if not pages:
        return 0, None
    ocr_time = sum(spent(r) - (r.n_pages - r.ocr_pages) * text_rate for r in scanned)
    return pages, max(0.0, ocr_time) / pages


def _phases_in_worker(paths: list[str]) -> tuple[int, dict[str, float], float]:
    """ocr_phases in a process started as the pipeline's workers are (pipeline/executor.py: numerical libraries
    on one thread). In this process OpenBLAS already runs a thread per core, whose spinning costs the digit
    templates' products ten times the CPU a worker spends on them."""
    from pipeline.executor import _context  # noqa: PLC0415

    with _context().Pool(1) as pool:
        return pool.apply(ocr_phases, (paths[1:], paths[0]) if len(paths) > 1 else (paths, None))


def _timed(input_dir: Path, output: Path, options: RunOptions) -> tuple[RunSummary, float]:
    started = time.perf_counter()
    summary = run_extract(input_dir, output, options)
    return summary, time.perf_counter() - started


def machine() -> str:
    memory = psutil.virtual_memory().total / GIB
    load = os.getloadavg()[0]
    return f"{os.cpu_count()} cores, {memory:.0f} GiB RAM, {platform.system()} {platform.machine()}, " \
           f"Python {platform.python_version()}, load average {load:.1f} at start (other work skews scaling)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline bench", description=__doc__.splitlines()[0])
    parser.add_argument("--input", default="data/raw", help="folder of PDFs (default: data/raw)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="N for the N-worker run (default: all cores)")
    parser.add_argument("--timeout", type=float, default=600, help="time limit per document in s (default: 600)")
    parser.add_argument("--no-ocr-phases", action="store_true", help="skip timing OCR by phase")
    args = parser.parse_args(argv)
    input_dir = Path(args.input)
    files = [f for f in discover(input_dir) if not f.duplicate_of and not f.read_error]
    if not files:
        print(f"error: no readable PDFs in {input_dir}")
        return 2
    limits = Limits(seconds=args.timeout)
    print(f"benchmark: {len(files)} PDFs in {input_dir}; machine: {machine()}")

    with tempfile.TemporaryDirectory(prefix="ita-bench-") as tmp:
        base = RunOptions(limits=limits, use_cache=False, progress=False)
        one, one_s = _timed(input_dir, Path(tmp) / "one", replace(base, workers=1))
        many, many_s = _timed(input_dir, Path(tmp) / "many", replace(base, workers=args.workers))
        rerun, rerun_s = _timed(input_dir, Path(tmp) / "many",
                                replace(base, workers=args.workers, use_cache=True))
    bare_cpu: dict[str, float] = {}
    bare = bare_pdfplumber([f.abs_path for f in files], bare_cpu)

    pages = one.pages
    text = _text_layer(one.processed)
    text_pages = sum(r.n_pages for r in text)
    ours_text = sum(r.seconds for r in text)
    bare_text = sum(bare[r.source.abs_path] for r in text)
    ours_text_cpu = sum(r.cpu_seconds for r in text)
    bare_text_cpu = sum(bare_cpu[r.source.abs_path] for r in text)
    bare_all = sum(bare.values())
    ocr_pages, ocr_rate = _ocr_seconds_per_page(one.processed)
    _, ocr_cpu = _ocr_seconds_per_page(one.processed, cpu=True)
    peaks = one.peak_rss + many.peak_rss
    speedup = one_s / many_s

    rows = [
        ("pages", f"{pages} ({one.ocr_pages} by OCR) in {len(files)} documents"),
        ("end to end, 1 worker", f"{one_s:7.1f} s  {pages / one_s:6.1f} pages/s"),
        (f"end to end, {args.workers} workers", f"{many_s:7.1f} s  {pages / many_s:6.1f} pages/s"),
        (f"scaling 1 → {args.workers} workers", f"{speedup:.2f}× ({speedup / args.workers:.0%} of linear)"),
        ("bare pdfplumber, 1 process", f"{bare_all:7.1f} s  {pages / bare_all:6.1f} pages/s (text + tables)"),
        ("ours ÷ bare, whole run, 1 worker", f"{one_s / bare_all:.2f}×"),
    ]
    if text_pages and bare_text:
        rows.append(("ours ÷ bare, text-layer pages", f"{ours_text / bare_text:.2f}×  "
                     f"({text_pages} pages: {ours_text / text_pages * 1000:.0f} vs {bare_text / text_pages * 1000:.0f} ms/page)"))
        if bare_text_cpu:
            rows.append(("ours ÷ bare, text-layer pages, CPU", f"{ours_text_cpu / bare_text_cpu:.2f}×  "
                         f"({ours_text_cpu / text_pages * 1000:.0f} vs {bare_text_cpu / text_pages * 1000:.0f} ms/page of CPU; "
                         "load from other processes moves it little)"))
    rows += [
        ("unchanged re-run (cache)", f"{rerun_s:7.2f} s  ({rerun_s / many_s:.1%} of the first {args.workers}-worker run; "
                                     f"{rerun.cached}/{rerun.documents} from cache)"),
        ("peak memory per worker", f"max {max(peaks, default=0) / MIB:.0f} MiB, median "
                                   f"{statistics.median(peaks) / MIB if peaks else 0:.0f} MiB over {len(peaks)} workers"),
        ("OCR", f"{ocr_pages} pages, {ocr_cpu:.2f} CPU s/page (1 worker; its first document's loads included), "
                f"{ocr_rate:.1f} s/page wall" if ocr_rate is not None else "no OCR pages"),
        ("status (1-worker run)", ", ".join(f"{k} {v}" for k, v in sorted(one.status.items()))),
    ]
    scanned = [r.source.abs_path for r in one.processed if r.ocr_pages]
    if scanned and not args.no_ocr_phases:
        phase_pages, phases, per_page = _phases_in_worker(scanned)
        if phase_pages:
            warmed = ", the first scan read before, untimed" if len(scanned) > 1 else ""
            rows.append((f"OCR by phase ({phase_pages} pages, 1 process{warmed})",
                         f"{per_page:.2f} CPU s/page of layout: " + ", ".join(
                             f"{phase} {seconds:.2f}" for phase, seconds in sorted(phases.items(), key=lambda kv: -kv[1]))))
    rows += national(one.processed, efficiency=min(1.0, speedup / args.workers))
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    return 0
