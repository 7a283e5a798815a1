"""Orchestrate one extraction run: discover → process each document (in parallel) → load."""
from __future__ import annotations

import os
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from pipeline.discover import discover
from pipeline.load import load
from pipeline.process import process_document
from pipeline.records import DocumentResult, SourceFile
from pipeline.resolve import write_review_file


@dataclass
class RunSummary:
    files: int = 0
    documents: int = 0
    pages: int = 0
    ocr_pages: int = 0
    status: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    tables: dict[str, int] = field(default_factory=dict)

    def render(self) -> str:
        return (
            f"files {self.files} (distinct documents {self.documents}), pages {self.pages} "
            f"(OCR {self.ocr_pages}); ok {self.status['ok']}, partial {self.status['partial']}, "
            f"failed {self.status['failed']}; {self.seconds:.1f} s\n"
            + "tables: " + ", ".join(f"{k} {v}" for k, v in self.tables.items())
        )


def _process_all(sources: list[SourceFile], workers: int, progress: bool) -> list[DocumentResult]:
    bar = tqdm(total=len(sources), unit="doc", disable=not progress, dynamic_ncols=True)
    results: list[DocumentResult] = []
    if workers <= 1:
        for source in sources:
            results.append(process_document(source))
            bar.update()
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for result in pool.map(process_document, sources):
                results.append(result)
                bar.update()
    bar.close()
    return results


def run_extract(input_dir: str | os.PathLike, output_dir: str | os.PathLike, workers: int | None = None,
                progress: bool = True) -> RunSummary:
    started = time.perf_counter()
    files = discover(input_dir)
    distinct = [f for f in files if not f.duplicate_of]
    workers = workers or os.cpu_count() or 1
    processed = {r.source.doc_id or r.source.source_path: r for r in _process_all(distinct, workers, progress)}
    results = []
    for source in files:
        first = processed[source.doc_id or source.source_path]
        results.append(first if first.source is source else DocumentResult(**{**vars(first), "source": source}))
    summary = RunSummary(files=len(files), documents=len(distinct))
    for result in results:
        summary.status[result.status] += 1
    for result in processed.values():
        summary.pages += result.n_pages or 0
        summary.ocr_pages += result.ocr_pages or 0
    summary.tables = load(results, Path(output_dir))
    write_review_file(results, Path(output_dir))
    summary.seconds = time.perf_counter() - started
    return summary
