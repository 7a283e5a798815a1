"""Orchestrate one extraction run: discover → process each new document (isolated, in parallel) → load.

Every discovered file gets a documents row, every time: results come from the cache, from a worker,
or (when the worker hung, ran out of memory or crashed) from the executor as a `failed` row.
"""
from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqdm import tqdm

from pipeline.cache import ResultCache
from pipeline.discover import discover
from pipeline.executor import Limits, Outcome, run_dask, run_local
from pipeline.corrections import CORRECTIONS_FILE, CorrectionReport, read_corrections
from pipeline.load import load_dataset
from pipeline.records import DocumentResult, SourceFile
from pipeline.resolve import write_review_file
from pipeline.version import pipeline_version


@dataclass
class RunSummary:
    files: int = 0
    documents: int = 0
    cached: int = 0
    pages: int = 0
    ocr_pages: int = 0
    status: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    tables: dict[str, int] = field(default_factory=dict)
    peak_rss: list[int] = field(default_factory=list)  # bytes, one per worker process that ran
    processed: list[DocumentResult] = field(default_factory=list)  # results made in this run (not cached)
    corrections: CorrectionReport = field(default_factory=CorrectionReport)

    def render(self) -> str:
        return (
            f"files {self.files} (distinct documents {self.documents}, from cache {self.cached}), "
            f"pages {self.pages} (OCR {self.ocr_pages}); ok {self.status['ok']}, "
            f"partial {self.status['partial']}, failed {self.status['failed']}; {self.seconds:.1f} s\n"
            + "tables: " + ", ".join(f"{k} {v}" for k, v in self.tables.items())
            + ("\n" + self.corrections.render() + "".join(
                f"\n  line {c.line}: {c.table} {c.key} {c.field}: {reason}" for c, reason in self.corrections.unapplied)
               if self.corrections.applied or self.corrections.unapplied else "")
        )


@dataclass(frozen=True)
class RunOptions:
    workers: int | None = None  # None: all cores
    limits: Limits = Limits()
    use_cache: bool = True
    executor: str = "local"  # "local" or "dask"
    scheduler: str | None = None  # Dask scheduler address; None with executor="dask": a LocalCluster
    progress: bool = True
    corrections: str | os.PathLike | None = CORRECTIONS_FILE  # None: apply none


def _outcomes(sources: list[SourceFile], options: RunOptions, peak_rss: list[int]) -> Iterator[Outcome]:
    workers = options.workers or os.cpu_count() or 1
    if options.executor == "dask":
        return run_dask(sources, options.limits, scheduler=options.scheduler, workers=workers)
    return run_local(sources, workers, options.limits, peak_rss=peak_rss)


def run_extract(input_dir: str | os.PathLike, output_dir: str | os.PathLike,
                options: RunOptions = RunOptions()) -> RunSummary:
    started = time.perf_counter()
    output = Path(output_dir)
    files = discover(input_dir)
    distinct = [f for f in files if not f.duplicate_of]
    summary = RunSummary(files=len(files), documents=len(distinct))
    cache = ResultCache(output, pipeline_version())

    by_key: dict[str, DocumentResult] = {}
    todo: list[SourceFile] = []
    for source in distinct:
        hit = cache.get(source, options.limits) if options.use_cache else None
        if hit is None:
            todo.append(source)
        else:
            by_key[source.doc_id] = hit
    summary.cached = len(by_key)

    # Biggest files first: a long scan started last would otherwise leave the other workers idle at the end.
    todo.sort(key=lambda s: (-s.size, s.source_path))
    failures = 0
    with tqdm(total=len(todo), unit="doc", disable=not options.progress, dynamic_ncols=True) as bar:
        for outcome in _outcomes(todo, options, summary.peak_rss):
            result = outcome.result
            by_key[result.source.doc_id or result.source.source_path] = result
            summary.processed.append(result)
            if result.status == "failed":
                failures += 1
                bar.set_postfix_str(f"failed {failures}", refresh=False)
            if outcome.decided_by != "cluster":
                cache.put(result, options.limits if outcome.decided_by == "limits" else None)
            bar.update()

    results = []
    for source in files:
        first = by_key[source.doc_id or source.source_path]
        results.append(first if first.source is source else replace(first, source=source))
    for result in results:
        summary.status[result.status] += 1
    for result in by_key.values():
        summary.pages += result.n_pages or 0
        summary.ocr_pages += result.ocr_pages or 0
    corrections = read_corrections(options.corrections) if options.corrections else []
    summary.tables, summary.corrections = load_dataset(results, output, corrections, input_dir)
    write_review_file(results, output)
    cache.prune()
    summary.seconds = time.perf_counter() - started
    return summary
