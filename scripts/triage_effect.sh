#!/bin/bash
# What triage saves, measured back to back on the same machine: the same folder extracted with triage off
# (every document read in full) and on, no cache; prints pages, OCR'd pages, status and wall time of each.
#   scripts/triage_effect.sh INPUT_DIR WORK_DIR [WORKERS]
# Measure on an idle machine: on a loaded one, documents can hit the 600 s time limit in either run.
set -u
INPUT=${1:?input folder}; WORK=${2:?work folder}; WORKERS=${3:-2}
cd "$(dirname "$0")/.."
for triage in 0 1; do
  echo "ITA_TRIAGE=$triage (load $(cut -d' ' -f1-3 /proc/loadavg)):"
  started=$(date +%s.%N)
  ITA_TRIAGE=$triage python -m pipeline extract --input "$INPUT" --output "$WORK/triage-$triage" --no-cache --quiet \
    --workers "$WORKERS" < /dev/null | sed 's/^/  /'
  echo "  wall $(python -c "import time; print(round(time.time() - $started, 1))") s"
done
WORK="$WORK" python - <<'PY'
import os
import pandas as pd
work = os.environ["WORK"]
off, on = (pd.read_parquet(f"{work}/triage-{t}/documents.parquet").set_index("source_path") for t in "01")
print(f"OCR'd pages: {int(off.ocr_pages.sum())} without triage, {int(on.ocr_pages.sum())} with it; "
      f"documents listed: {len(off)} / {len(on)}")
set_aside = on[on.doc_type_reason.fillna("").str.startswith("not an ITA document (triage")]
print(f"set aside by triage: {len(set_aside)}; typed differently with triage: "
      f"{int((off.doc_type != on.doc_type.reindex(off.index)).sum())}")
for path, row in set_aside.iterrows():
    print(f"  {path}: {row.doc_type_reason[:110]}")
PY
