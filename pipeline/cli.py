"""Command line: `python -m pipeline extract --input DIR --output DIR [--workers N]` and friends."""
from __future__ import annotations

import argparse
import sys


def _extract(args: argparse.Namespace) -> int:
    from pipeline.corrections import CORRECTIONS_FILE, CorrectionsError
    from pipeline.executor import GIB, Limits
    from pipeline.run import RunOptions, run_extract

    options = RunOptions(
        workers=args.workers, limits=Limits(seconds=args.timeout, memory_bytes=int(args.memory_limit * GIB)),
        use_cache=not args.no_cache, executor=args.executor, scheduler=args.scheduler, progress=not args.quiet,
        corrections=CORRECTIONS_FILE if args.corrections is None else (args.corrections or None),
    )
    try:
        summary = run_extract(args.input, args.output, options)
    except (FileNotFoundError, CorrectionsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary.render())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description="Turn a folder of ITA PDFs into Parquet tables.")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="extract a folder of PDFs into the curated tables")
    extract.add_argument("--input", default="data/raw", help="folder of PDFs, walked recursively (default: data/raw)")
    extract.add_argument("--output", default="data/curated", help="folder for the Parquet tables (default: data/curated)")
    extract.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")
    extract.add_argument("--timeout", type=float, default=600, metavar="SECONDS",
                         help="time limit per document; a document over it is recorded as failed (default: 600)")
    extract.add_argument("--memory-limit", type=float, default=3, metavar="GIB",
                         help="memory limit per worker process in GiB (default: 3)")
    extract.add_argument("--no-cache", action="store_true",
                         help="reprocess every document instead of reusing results of unchanged files")
    extract.add_argument("--executor", choices=("local", "dask"), default="local",
                         help="local worker processes, or tasks on a Dask cluster (default: local)")
    extract.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                         help="Dask scheduler address (with --executor dask; without it a local Dask cluster)")
    extract.add_argument("--corrections", default=None, metavar="CSV",
                         help="corrections applied after parsing (default: data/reference/corrections.csv; '' for none)")
    extract.set_defaults(func=_extract)
    for name, (_, help_text) in DELEGATED.items():
        sub.add_parser(name, help=help_text, add_help=False)
    return parser


# Subcommands whose arguments live in their own module: `python -m pipeline NAME --help`.
DELEGATED = {
    "bench": ("pipeline.bench", "speed and memory benchmark"),
    "compare": ("pipeline.compare", "provincial comparison report (HTML, CSV, Parquet)"),
    "sql": ("pipeline.sql", "DuckDB shell with views over the curated tables"),
    "review": ("pipeline.review", "HTML review site: each value beside its place on the page"),
    "publish": ("pipeline.publish", "Frictionless Data Package (CSV + Parquet) of the curated tables"),
    "debug-page": ("parsers.debug_view", "draw detected lines, cells and OCR boxes on a page image"),
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in DELEGATED:
        import importlib

        module = importlib.import_module(DELEGATED[argv[0]][0])
        return module.main(argv[1:])
    args = build_parser().parse_args(argv)
    return args.func(args)
