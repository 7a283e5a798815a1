"""Command line: `python -m pipeline extract --input DIR --output DIR [--workers N]` and friends."""
from __future__ import annotations

import argparse
import sys


def _extract(args: argparse.Namespace) -> int:
    from pipeline.run import run_extract

    try:
        summary = run_extract(args.input, args.output, workers=args.workers, progress=not args.quiet)
    except FileNotFoundError as exc:
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
    extract.set_defaults(func=_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
