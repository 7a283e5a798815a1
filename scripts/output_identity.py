"""Output-identity harness: the curated tables of two code trees on the same folders, compared row by row.

    python scripts/output_identity.py run --code /tmp/sp-main --out /tmp/sp-ref NAME=FOLDER...
    python scripts/output_identity.py run --code . --out /tmp/sp-new NAME=FOLDER...
    python scripts/output_identity.py compare /tmp/sp-ref /tmp/sp-new

`run` extracts each folder with the pipeline of the code tree given (run from that tree, so its own code is
imported; no cache, one worker) into OUT/NAME. `compare` reads every table (Parquet, CSV) of each OUT/NAME of
both and says, per folder, identical or which rows differ. Only run timestamps and durations are ignored:
a speed change must not change a single other value (the version hash of the code is ignored too). Extra environment for a folder: NAME=FOLDER@VAR=VALUE
(e.g. `real=/work/shared/corpus/real@ITA_MAX_OCR_PAGES=0` for the text-layer pages of the real PDFs).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

def _volatile(column: str) -> bool:
    """Columns that record when or how long a run took, or which code ran it (the version hash), not what it read."""
    name = column.lower()
    return name == "pipeline_version" or (name.endswith(("_at", "_ms", "_s", "_seconds", "_time")) or "timestamp" in name or "duration" in name
            or "elapsed" in name or name in ("run_id", "started", "finished", "processed"))


def _run(code: Path, out: Path, specs: list[str]) -> int:
    for spec in specs:
        name, _, rest = spec.partition("=")
        folder, *assignments = rest.split("@")
        env = dict(os.environ)
        # The Thai repair breaks ties between equally good mark moves in the iteration order of a set of marks,
        # which follows the per-process string hash: pin it, or two runs of one tree can differ.
        env.setdefault("PYTHONHASHSEED", "0")
        env.update(a.split("=", 1) for a in assignments)
        target = out / name
        started = time.time()
        proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", "--input", folder, "--output",
                               str(target), "--no-cache", "--workers", env.get("WORKERS", "1"), "--quiet"],
                              cwd=code, env=env, capture_output=True, text=True)
        print(f"{name}: exit {proc.returncode}, {time.time() - started:.0f} s  {proc.stdout.strip().splitlines()[-1:] }")
        if proc.returncode:
            print(proc.stderr[-2000:])
            return proc.returncode
    return 0


def _read(path: Path) -> pd.DataFrame:
    frame = pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = frame.drop(columns=[c for c in frame.columns if _volatile(c)])
    # order-independent comparison: rows as strings, sorted
    return frame.astype(str).sort_values(list(frame.columns)).reset_index(drop=True) if len(frame.columns) else frame


def _tables(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*"))
            if p.suffix in (".parquet", ".csv") and ".cache" not in p.parts}


def _compare(ref: Path, new: Path) -> int:
    failures = 0
    for name in sorted(p.name for p in ref.iterdir() if p.is_dir() and (new / p.name).is_dir()):
        a, b = _tables(ref / name), _tables(new / name)
        problems = [f"only in reference: {t}" for t in sorted(set(a) - set(b))]
        problems += [f"only in new: {t}" for t in sorted(set(b) - set(a))]
        rows = 0
        for table in sorted(set(a) & set(b)):
            x, y = _read(a[table]), _read(b[table])
            rows += len(x)
            if list(x.columns) != list(y.columns):
                problems.append(f"{table}: columns differ {set(x.columns) ^ set(y.columns)}")
                continue
            if x.equals(y):
                continue
            merged = x.merge(y, how="outer", indicator=True)
            left, right = merged[merged._merge == "left_only"], merged[merged._merge == "right_only"]
            problems.append(f"{table}: {len(left)} rows only in reference, {len(right)} only in new")
            for label, part in (("ref", left), ("new", right)):
                for _, row in part.head(5).iterrows():
                    problems.append(f"    {label}: " + " | ".join(f"{k}={v}" for k, v in row.items() if k != "_merge")[:600])
        verdict = "IDENTICAL" if not problems else "DIFFERENT"
        print(f"{name}: {verdict} ({len(a)} tables, {rows} rows)")
        for line in problems:
            print("  " + line)
        failures += bool(problems)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run")
    run.add_argument("--code", type=Path, required=True, help="code tree to run the pipeline from")
    run.add_argument("--out", type=Path, required=True)
    run.add_argument("folders", nargs="+", help="NAME=FOLDER[@VAR=VALUE...]")
    compare = sub.add_parser("compare")
    compare.add_argument("reference", type=Path)
    compare.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "run":
        return _run(args.code.resolve(), args.out.resolve(), args.folders)
    return _compare(args.reference, args.new)


if __name__ == "__main__":
    sys.exit(main())
