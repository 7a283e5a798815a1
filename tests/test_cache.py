"""Incremental runs: unchanged files come from the cache, changed or new ones are processed, rows stay equal."""
from __future__ import annotations

import pickle
import shutil

import pyarrow.parquet as pq
import pytest

from pipeline.cache import ResultCache
from pipeline.executor import Limits
from pipeline.records import DocumentResult, SourceFile
from pipeline.run import RunOptions, run_extract
from pipeline.schema import TABLES
from test_robust_inputs import thai_pdf

OPTIONS = RunOptions(workers=2, progress=False)


def tables(folder) -> dict:
    return {name: pq.read_table(folder / f"{name}.parquet").to_pylist() for name in TABLES}


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    for index in range(4):
        (root / f"doc-{index}.pdf").write_bytes(thai_pdf(pages=2, marker=str(index)))
    (root / "html.pdf").write_bytes(b"<html>moved</html>")
    return root


def test_unchanged_rerun_reads_everything_from_cache(corpus, tmp_path):
    out = tmp_path / "out"
    first = run_extract(corpus, out, OPTIONS)
    before = tables(out)
    second = run_extract(corpus, out, OPTIONS)
    assert (first.cached, second.cached) == (0, 5)
    assert tables(out) == before


def test_only_new_and_changed_files_are_processed(corpus, tmp_path):
    out = tmp_path / "out"
    run_extract(corpus, out, OPTIONS)
    (corpus / "doc-0.pdf").write_bytes(thai_pdf(pages=3, marker="changed"))
    (corpus / "doc-9.pdf").write_bytes(thai_pdf(pages=1, marker="new"))
    shutil.move(corpus / "doc-1.pdf", corpus / "renamed.pdf")  # same bytes: still a hit
    summary = run_extract(corpus, out, OPTIONS)
    assert (summary.files, summary.cached) == (6, 4)
    documents = {r["source_path"]: r for r in tables(out)["documents"]}
    assert "doc-1.pdf" not in documents and documents["renamed.pdf"]["status"] != "failed"
    assert documents["doc-0.pdf"]["n_pages"] == 3 and documents["doc-9.pdf"]["n_pages"] == 1


def test_no_cache_reprocesses_and_gives_the_same_rows(corpus, tmp_path):
    out = tmp_path / "out"
    run_extract(corpus, out, OPTIONS)
    before = tables(out)
    summary = run_extract(corpus, out, RunOptions(workers=2, progress=False, use_cache=False))
    assert summary.cached == 0 and tables(out) == before


def source(doc_id: str, path: str = "a.pdf") -> SourceFile:
    return SourceFile(doc_id, path, f"/in/{path}", 1)


def test_entries_are_per_version_and_old_versions_are_pruned(tmp_path):
    old = ResultCache(tmp_path, "0.1.0+aaaa")
    old.put(DocumentResult(source("d" * 64), "ok", n_pages=2))
    new = ResultCache(tmp_path, "0.1.0+bbbb")
    assert new.get(source("d" * 64)) is None
    new.put(DocumentResult(source("d" * 64), "ok", n_pages=5))
    new.prune()
    assert old.get(source("d" * 64)) is None
    hit = new.get(source("d" * 64, path="renamed.pdf"))
    assert hit.n_pages == 5 and hit.source.source_path == "renamed.pdf"


def test_a_damaged_entry_is_a_miss(tmp_path):
    cache = ResultCache(tmp_path, "v")
    cache.put(DocumentResult(source("e" * 64), "ok"))
    [entry] = (tmp_path / ".cache").rglob("*.pickle")
    entry.write_bytes(pickle.dumps(DocumentResult(source("e" * 64), "ok"))[:20])
    assert cache.get(source("e" * 64)) is None
    assert cache.get(source("")) is None


def test_a_timeout_holds_for_the_same_limits_only(tmp_path):
    cache = ResultCache(tmp_path, "v")
    timed_out = DocumentResult(source("f" * 64), "failed", error="timed out after 600 s")
    cache.put(timed_out, Limits(seconds=600))
    assert cache.get(source("f" * 64), Limits(seconds=600)).error == "timed out after 600 s"
    assert cache.get(source("f" * 64), Limits(seconds=1200)) is None
    assert cache.get(source("f" * 64)) is None
