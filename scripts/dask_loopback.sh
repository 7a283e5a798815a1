#!/bin/bash
# Try the pipeline on a real multi-process Dask cluster on this machine (loopback only), and check that its
# dataset equals a local run's:  scripts/dask_loopback.sh INPUT_DIR WORK_DIR [PORT] [WORKERS]
# One `dask scheduler` process, one `dask worker` process with WORKERS worker processes (1 thread each).
set -u
INPUT=${1:?input folder}; WORK=${2:?work folder}; PORT=${3:-8811}; WORKERS=${4:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$WORK"
cd "$ROOT"
dask scheduler --host 127.0.0.1 --port "$PORT" --no-dashboard > "$WORK/scheduler.log" 2>&1 &
SCHEDULER=$!
sleep 5
# DAEMON=False: a task runs its document in a child process, which a daemonic Dask worker may not start.
DASK_DISTRIBUTED__WORKER__DAEMON=False OMP_THREAD_LIMIT=1 PYTHONPATH="$ROOT" \
  dask worker "tcp://127.0.0.1:$PORT" --host 127.0.0.1 --nworkers "$WORKERS" --nthreads 1 --no-dashboard \
  --memory-limit 0 > "$WORK/worker.log" 2>&1 &
WORKER=$!
sleep 10
started=$(date +%s)
python -m pipeline extract --executor dask --scheduler "tcp://127.0.0.1:$PORT" --input "$INPUT" \
  --output "$WORK/dask-out" --no-cache --quiet
echo "dask run: rc=$? wall $(( $(date +%s) - started )) s"
kill "$WORKER"; sleep 3; kill "$SCHEDULER"
python -m pipeline extract --input "$INPUT" --output "$WORK/local-out" --no-cache --quiet --workers "$WORKERS"
WORK="$WORK" python - <<'PY'
import os
import pyarrow.parquet as pq
work = os.environ["WORK"]
for table in ("documents", "assessments", "indicator_scores", "question_scores", "measures", "units"):
    dask = pq.read_table(f"{work}/dask-out/{table}.parquet").to_pylist()
    local = pq.read_table(f"{work}/local-out/{table}.parquet").to_pylist()
    print(f"{table}: {len(dask)} rows, {'same as' if dask == local else 'DIFFERENT from'} the local run")
PY
