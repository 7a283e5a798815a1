"""Run process_document on many documents, each inside a worker process with a time and a memory limit.

A document that hangs, eats memory or crashes its worker must cost only that document: the worker is
killed and replaced, the document gets a `failed` result with a short error, and the run goes on.
Workers live for many documents (imports and reference data load once), not one process per file.

Two executors share that isolation: `run_local` (N worker processes on this machine) and `run_dask`
(tasks on a Dask distributed cluster; each task runs its document in an isolated child of the Dask worker).
Both yield `Outcome`s in completion order; the caller sorts.
"""
from __future__ import annotations

import multiprocessing as mp
import multiprocessing.connection
import os
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import psutil

from pipeline.process import process_document
from pipeline.records import DocumentResult, SourceFile
from pipeline.version import pipeline_version

GIB = 1024 ** 3
POLL_SECONDS = 0.25
# A document's time limit counts from the moment its worker starts on it, not from when it was handed
# over: a worker still starting up (forkserver, reference data) on a loaded machine must not eat a
# document's time. A worker that never starts on a job is given up after this much more.
STARTUP_GRACE_SECONDS = 300.0
_STARTED = "started"


@dataclass(frozen=True)
class Limits:
    """Per-document limits. 600 s is far above a normal 30-page document (a few seconds, under a minute with OCR)."""

    seconds: float = 600.0
    memory_bytes: int = 3 * GIB

    def memory_text(self) -> str:
        return f"{self.memory_bytes / GIB:g} GiB"


@dataclass
class Outcome:
    result: DocumentResult
    # Who decided the result, which says how long it holds: "document" (the pipeline's own result),
    # "limits" (timeout, memory or crash: holds for the same limits), "cluster" (a lost Dask task: retry).
    decided_by: str = "document"


def _failed(source: SourceFile, error: str, seconds: float, decided_by: str = "limits") -> Outcome:
    return Outcome(DocumentResult(source, "failed", error=error, pipeline_version=pipeline_version(),
                                  seconds=seconds), decided_by)


Task = Callable[[SourceFile], DocumentResult]


def _serve(conn: mp.connection.Connection, memory_bytes: int, task: Task) -> None:
    """Worker loop: receive a SourceFile, send back its DocumentResult, until the parent hangs up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # Address-space cap: a runaway allocation fails here (MemoryError) instead of swapping the machine.
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    while True:
        try:
            source = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_STARTED)
        try:
            result = task(source)
        except MemoryError:
            result = None
        conn.send(result)


class _Worker:
    """One worker process and the document it is busy with, if any."""

    def __init__(self, ctx: mp.context.BaseContext, limits: Limits, task: Task):
        self.limits, self.task = limits, task
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, limits.memory_bytes, task), name="ita-worker",
                                   daemon=True)  # never joined at exit: an idle worker would block it
        self.process.start()
        child.close()
        try:
            self.ps: psutil.Process | None = psutil.Process(self.process.pid)
        except psutil.Error:  # died at once (e.g. cannot import the pipeline); collect() reports it
            self.ps = None
        self.job: SourceFile | None = None
        self.submitted = 0.0
        self.started: float | None = None  # when the worker said it began the job
        self.peak_rss = 0

    def submit(self, source: SourceFile) -> None:
        self.job, self.submitted, self.started = source, time.monotonic(), None
        try:
            self.conn.send(source)
        except OSError:  # the worker is already dead; collect() reports it
            pass

    def _rss(self) -> int:
        """Resident memory of the worker and its children (e.g. tesseract)."""
        total = 0
        for proc in self._tree():
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                pass
        self.peak_rss = max(self.peak_rss, total)
        return total

    def collect(self) -> Outcome | None:
        """The finished job's outcome, or None while it is still running within its limits."""
        outcome = self._check()
        if outcome is not None:
            self.job = None
        return outcome

    def _check(self) -> Outcome | None:
        source = self.job
        result = False
        while result is False and self.conn.poll():
            try:
                result = self.conn.recv()
            except (EOFError, OSError):
                result = False  # worker died while sending
                break
            if result == _STARTED:
                self.started, result = time.monotonic(), False
        now = time.monotonic()
        elapsed = now - (self.started if self.started is not None else self.submitted)
        if result is None:
            return _failed(source, f"worker ran out of memory (limit {self.limits.memory_text()})", elapsed)
        if result is not False:
            return Outcome(result)
        if not self.process.is_alive() or self.conn.closed:
            self.process.join(1)
            self.conn.close()
            code = self.process.exitcode
            if code is not None and code < 0 and -code == signal.SIGKILL:
                return _failed(source, "worker was killed (out of memory?)", elapsed)
            reason = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit code {code}"
            return _failed(source, f"worker crashed ({reason})", elapsed)
        if (self.started is not None and elapsed > self.limits.seconds) or \
                now - self.submitted > self.limits.seconds + STARTUP_GRACE_SECONDS:
            self.kill()
            return _failed(source, f"timed out after {self.limits.seconds:g} s", elapsed)
        if self._rss() > self.limits.memory_bytes:
            self.kill()
            return _failed(source, f"worker ran out of memory (limit {self.limits.memory_text()})", elapsed)
        return None

    def worn_out(self) -> bool:
        """Replace a worker whose memory has crept past half the limit, so leaks never fail an innocent file."""
        return not self.process.is_alive() or self._rss() > self.limits.memory_bytes // 2

    def kill(self) -> None:
        for proc in self._tree():
            try:
                proc.kill()
            except psutil.Error:
                pass
        self.process.kill()
        self.process.join(5)
        self.conn.close()

    def _tree(self) -> list[psutil.Process]:
        """The worker's children (e.g. tesseract), then the worker itself."""
        if self.ps is None:
            return []
        try:
            return [*self.ps.children(recursive=True), self.ps]
        except psutil.Error:
            return [self.ps]

    def stop(self) -> None:
        """Hang up; an idle worker exits on EOF, a busy one is killed."""
        if self.job is not None or not self.process.is_alive():
            self.kill()
            return
        self.conn.close()
        self.process.join(5)
        if self.process.is_alive():
            self.kill()


def _context() -> mp.context.BaseContext:
    """forkserver: workers start from a clean process that has already imported the pipeline and loaded its
    reference data (fast restarts, no threads or open files inherited from the caller)."""
    # One worker per core: numerical libraries must not start a thread per core in every worker (each
    # thread reserves address space, which counts against RLIMIT_AS on a many-core machine).
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["pipeline.preload"])
    return ctx


def run_local(sources: Iterable[SourceFile], workers: int, limits: Limits,
              peak_rss: list[int] | None = None, task: Task = process_document) -> Iterator[Outcome]:
    """Process documents on `workers` worker processes; yields outcomes as they finish.

    If `peak_rss` is given, the peak resident memory of every worker that ran is appended to it.
    `task` must be a module-level function (workers import it by name).
    """
    ctx = _context()
    pending = deque(sources)
    pool: list[_Worker] = []
    try:
        while pending or any(w.job for w in pool):
            for index in range(min(workers, len(pending) + len(pool))):
                if index == len(pool):
                    pool.append(_Worker(ctx, limits, task))
                worker = pool[index]
                if worker.job is None and pending:
                    if worker.worn_out():
                        _retire(worker, peak_rss)
                        worker = pool[index] = _Worker(ctx, limits, task)
                    worker.submit(pending.popleft())
            busy = [w for w in pool if w.job]
            mp.connection.wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=POLL_SECONDS)
            for index, worker in enumerate(pool):
                if worker.job is None:
                    continue
                outcome = worker.collect()
                if outcome is None:
                    continue
                if worker.conn.closed:  # killed or died: replace before the next job
                    _retire(worker, peak_rss)
                    pool[index] = _Worker(ctx, limits, task) if pending else worker
                yield outcome
    finally:
        for worker in pool:
            _retire(worker, peak_rss)


def _retire(worker: _Worker, peak_rss: list[int] | None) -> None:
    if peak_rss is not None and worker.peak_rss:
        peak_rss.append(worker.peak_rss)
        worker.peak_rss = 0
    worker.stop()


# ---------------------------------------------------------------- Dask distributed
_local = threading.local()


def process_isolated(source: SourceFile, limits: Limits, task: Task = process_document) -> Outcome:
    """One document in an isolated worker process owned by the calling thread (a Dask task runs this)."""
    worker: _Worker | None = getattr(_local, "worker", None)
    if worker is None or worker.conn.closed or (worker.limits, worker.task) != (limits, task) or worker.worn_out():
        if worker is not None:
            worker.stop()
        try:
            worker = _local.worker = _Worker(_context(), limits, task)
        except AssertionError as exc:  # multiprocessing's own words for a daemonic parent
            if "daemonic" in str(exc):
                raise RuntimeError("this Dask worker runs tasks in a daemonic process, which cannot start the "
                                   "document's isolated worker: start dask workers with "
                                   "DASK_DISTRIBUTED__WORKER__DAEMON=False (docs/scale.md)") from exc
            raise
    worker.submit(source)
    while True:
        mp.connection.wait([worker.conn, worker.process.sentinel], timeout=POLL_SECONDS)
        outcome = worker.collect()
        if outcome is not None:
            return outcome


def run_dask(sources: Iterable[SourceFile], limits: Limits, scheduler: str | None = None,
             workers: int | None = None, task: Task = process_document) -> Iterator[Outcome]:
    """Process documents as Dask tasks: on the cluster at `scheduler` (tcp://host:port), or on a LocalCluster.

    Every machine running a Dask worker needs this project installed and the input files at the same paths.
    """
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=False,
                               dashboard_address=":0")
        client = Client(cluster)
    try:
        sources = list(sources)
        futures = client.map(process_isolated, sources, limits=limits, task=task, pure=False)
        by_key = {future.key: source for future, source in zip(futures, sources)}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - a lost Dask worker costs one document, not the run
                yield _failed(by_key[future.key], f"dask task failed: {type(exc).__name__}: {exc}", 0.0, "cluster")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
