"""Worker isolation: a document that hangs, eats memory or kills its worker fails alone; the others finish.

The misbehaving tasks below stand in for a parser stuck on a PDF; workers import them by name.
"""
from __future__ import annotations

import multiprocessing as mp
import multiprocessing.connection
import os
import signal
import time

import pandas as pd
import pytest

from pipeline.executor import GIB, Limits, process_isolated, run_dask, run_local
from pipeline.records import DocumentResult, SourceFile
from pipeline.run import RunOptions, run_extract
from test_robust_inputs import thai_pdf


# Time limit for tests whose healthy documents return in milliseconds once started (the limit counts from
# the start of the document, not of its worker): far above a healthy task on any load, and short enough that
# the hanging document's wait keeps the suite quick.
HEALTHY_LIMIT = 8.0


def misbehave(source: SourceFile) -> DocumentResult:
    """Behave as the file name says: hang, allocate without end, die by a signal, or finish."""
    name = source.source_path
    if name.startswith("hang"):
        time.sleep(3600)
    if name.startswith("hog"):
        hoard = []
        while True:
            hoard.append(bytearray(64 * 1024 * 1024))
    if name.startswith("segv"):
        os.kill(os.getpid(), signal.SIGSEGV)
    return DocumentResult(source, "ok", n_pages=os.getpid())


def sources(*names: str) -> list[SourceFile]:
    return [SourceFile(f"{i:064x}", name, f"/nowhere/{name}", 1) for i, name in enumerate(names)]


def test_hang_memory_and_crash_fail_alone():
    # The limit counts from when a worker starts on the document, so a worker slow to come up on a loaded
    # machine costs the healthy documents nothing; they only have to return, which takes milliseconds.
    # HEALTHY_LIMIT is thousands of times that, so load cannot make a healthy document time out.
    limits = Limits(seconds=HEALTHY_LIMIT, memory_bytes=int(0.5 * GIB))
    names = ("hang.pdf", "fine-1.pdf", "hog.pdf", "fine-2.pdf", "segv.pdf", "fine-3.pdf", "fine-4.pdf")
    outcomes = {o.result.source.source_path: o for o in run_local(sources(*names), 2, limits, task=misbehave)}
    assert set(outcomes) == set(names)
    assert outcomes["hang.pdf"].result.error == f"timed out after {HEALTHY_LIMIT:g} s"
    assert outcomes["hog.pdf"].result.error == "worker ran out of memory (limit 0.5 GiB)"
    assert outcomes["segv.pdf"].result.error == "worker crashed (signal SIGSEGV)"
    for name in ("hang.pdf", "hog.pdf", "segv.pdf"):
        assert outcomes[name].result.status == "failed" and outcomes[name].decided_by == "limits"
    for name in names:
        if name.startswith("fine"):
            assert outcomes[name].result.status == "ok" and outcomes[name].decided_by == "document"


def test_workers_are_reused_between_documents():
    names = [f"fine-{i}.pdf" for i in range(6)]
    pids = {o.result.n_pages for o in run_local(sources(*names), 2, Limits(), task=misbehave)}
    assert 1 <= len(pids) <= 2 and os.getpid() not in pids


def report_warm_state(source: SourceFile) -> DocumentResult:
    """Say, before doing any work, whether this worker already holds the registry loaded by the forkserver."""
    from pipeline.registry import load_registry

    return DocumentResult(source, "ok", n_pages=load_registry.cache_info().currsize)


def test_workers_start_with_reference_data_loaded():
    """The forkserver loads the dictionary and registry once; a worker's first document must not pay for it."""
    outcomes = list(run_local(sources("first.pdf"), 1, Limits(), task=report_warm_state))
    assert [o.result.n_pages for o in outcomes] == [1]


def test_peak_memory_is_measured_per_worker():
    peaks: list[int] = []
    list(run_local(sources("fine-a.pdf", "fine-b.pdf"), 1, Limits(), peak_rss=peaks, task=misbehave))
    assert len(peaks) == 1 and 10 * 1024 ** 2 < peaks[0] < 3 * GIB


def test_isolated_task_for_dask_times_out_and_recovers():
    limits = Limits(seconds=HEALTHY_LIMIT, memory_bytes=GIB)
    [hang, fine] = sources("hang.pdf", "fine.pdf")
    assert process_isolated(hang, limits, task=misbehave).result.error == f"timed out after {HEALTHY_LIMIT:g} s"
    # The hung worker was killed: the next document gets a new one, whose start-up is not charged to it.
    assert process_isolated(fine, limits, task=misbehave).result.status == "ok"


def slow_start_then_finish(source: SourceFile) -> DocumentResult:
    """A healthy document (milliseconds) behind a worker whose start-up outlasts the limit."""
    return DocumentResult(source, "ok")


def test_time_limit_counts_from_the_start_of_the_document_not_of_the_worker(monkeypatch):
    """A worker whose start-up outlasts the limit (a loaded machine) still gives the document its full time."""
    import pipeline.executor as executor

    real = executor._serve

    def sleepy_serve(conn, memory_bytes, task):  # forked child: a slow start-up, then the normal loop
        time.sleep(HEALTHY_LIMIT + 2)
        real(conn, memory_bytes, task)

    monkeypatch.setattr(executor, "_serve", sleepy_serve)
    ctx = mp.get_context("fork")
    worker = executor._Worker(ctx, Limits(seconds=HEALTHY_LIMIT), slow_start_then_finish)
    worker.submit(sources("fine.pdf")[0])
    outcome = None
    while outcome is None:
        mp.connection.wait([worker.conn, worker.process.sentinel], timeout=executor.POLL_SECONDS)
        outcome = worker.collect()
    worker.stop()
    assert outcome.result.status == "ok", outcome.result.error


def test_dask_local_cluster_isolates_too():
    names = ("hang.pdf", "fine-1.pdf", "fine-2.pdf")
    outcomes = {o.result.source.source_path: o.result
                for o in run_dask(sources(*names), Limits(seconds=HEALTHY_LIMIT), workers=2, task=misbehave)}
    seen = {name: (result.status, result.error) for name, result in outcomes.items()}
    assert outcomes["hang.pdf"].error == f"timed out after {HEALTHY_LIMIT:g} s", seen
    assert outcomes["fine-1.pdf"].status == outcomes["fine-2.pdf"].status == "ok", seen


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("small")
    for index in range(3):
        (root / f"doc-{index}.pdf").write_bytes(thai_pdf(pages=2, marker=str(index)))
    (root / "html.pdf").write_bytes(b"<html></html>")
    return root


def test_dask_executor_writes_the_same_dataset(small_corpus, tmp_path):
    local, dask = tmp_path / "local", tmp_path / "dask"
    run_extract(small_corpus, local, RunOptions(workers=2, use_cache=False, progress=False))
    run_extract(small_corpus, dask, RunOptions(workers=2, use_cache=False, progress=False, executor="dask"))
    for name in ("documents", "assessments", "measures", "units"):
        # pipeline_version is a digest of the working tree, which may change between the two runs.
        a, b = (pd.read_parquet(out / f"{name}.parquet").drop(columns="pipeline_version", errors="ignore")
                for out in (local, dask))
        pd.testing.assert_frame_equal(a, b)
    assert len(pd.read_parquet(dask / "documents.parquet")) == 4
