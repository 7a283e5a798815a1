"""Nothing lost: a run killed with SIGKILL leaves the previous dataset whole; re-runs give the same rows."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import pytest

from pipeline.schema import TABLES
from test_robust_inputs import thai_pdf

ROOT = Path(__file__).resolve().parent.parent
BIG = 80  # documents in the folder whose run gets killed: enough to still be running after 3 s


def extract(input_dir: Path, output_dir: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "extract", "--input", str(input_dir), "--output", str(output_dir),
         "--quiet", *extra],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )


def tables(folder: Path, drop_version: bool = False) -> dict:
    rows = {name: pq.read_table(folder / f"{name}.parquet").to_pylist() for name in TABLES}
    if drop_version:  # a digest of the working tree, which other work may change between two runs
        for row in rows["documents"]:
            row.pop("pipeline_version")
    return rows


@pytest.fixture(scope="module")
def first_dataset(tmp_path_factory):
    """A finished dataset over 3 documents, and a bigger input folder for the run that gets killed."""
    small, big, out = (tmp_path_factory.mktemp(n) for n in ("small", "big", "out"))
    for index in range(3):
        (small / f"doc-{index}.pdf").write_bytes(thai_pdf(pages=2, marker=str(index)))
    for index in range(BIG):
        (big / f"doc-{index}.pdf").write_bytes(thai_pdf(pages=6, marker=f"big {index}"))
    done = extract(small, out)
    assert done.wait(timeout=1800) == 0, done.stderr.read().decode()[-2000:]
    return small, big, out


@pytest.mark.parametrize("delay", [0.3, 1.5, 3.0])
def test_sigkill_mid_run_leaves_previous_dataset_whole(first_dataset, delay):
    small, big, out = first_dataset
    before = tables(out)
    run = extract(big, out, "--workers", "1", "--no-cache")
    time.sleep(delay)
    assert run.poll() is None, "the run finished before it could be killed; make the input bigger"
    os.killpg(run.pid, signal.SIGKILL)  # the run and its workers, as an OOM killer or a power cut would
    run.wait()
    assert tables(out) == before
    assert not any(p.suffix == ".tmp" for p in out.iterdir())


def test_run_after_a_kill_completes_and_is_idempotent(first_dataset, tmp_path):
    small, big, out = first_dataset
    run = extract(big, out, "--workers", "1", "--no-cache")
    time.sleep(1.0)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    datasets = []
    for _ in range(2):
        done = extract(big, out, "--workers", "2", "--no-cache")
        assert done.wait(timeout=1800) == 0, done.stderr.read().decode()[-2000:]
        rows = tables(out, drop_version=True)
        assert len(rows["documents"]) == BIG and all(r["status"] != "failed" for r in rows["documents"])
        datasets.append(rows)
    assert datasets[0] == datasets[1]


def test_workers_exit_when_only_the_parent_is_killed(first_dataset):
    small, big, out = first_dataset
    before = tables(out)
    run = extract(big, out, "--workers", "2", "--no-cache")
    time.sleep(2.0)
    assert run.poll() is None
    os.kill(run.pid, signal.SIGKILL)  # workers and the fork server are orphaned, not killed
    run.wait()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _group(run.pid):
        time.sleep(0.5)
    assert _group(run.pid) == [], "worker processes outlived their run"
    assert tables(out) == before


def _group(pgid: int) -> list[int]:
    """Live processes of a process group (the killed run started its own session)."""
    alive = []
    for proc in psutil.process_iter(["pid", "status"]):
        try:
            if os.getpgid(proc.pid) == pgid and proc.info["status"] != psutil.STATUS_ZOMBIE:
                alive.append(proc.pid)
        except (ProcessLookupError, psutil.Error):
            pass
    return alive
