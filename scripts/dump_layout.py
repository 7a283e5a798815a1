"""Dump every line and cell the layout stage reads, to prove a speed change leaves the output unchanged.

    python scripts/dump_layout.py OUT_DIR PDF_OR_FOLDER... [--jobs 2]
    python scripts/dump_layout.py --compare OLD_DIR NEW_DIR

One JSON file per PDF: per page its engine, OCR flag, quality and lines (text, box, engine, confidence),
then the logical tables (rows, cells, each cell's provenance) and the layout warnings. `--compare` lists
every file whose dump differs and exits 1 if any does. Run the dump with the old code and the new code
(e.g. a clone of the old commit), then compare.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _pdfs(args: list[str]) -> list[Path]:
    out = []
    for arg in args:
        path = Path(arg)
        out += sorted(p for p in path.rglob("*") if p.suffix.lower() == ".pdf") if path.is_dir() else [path]
    return out


def dump(path: Path) -> dict:
    from parsers.layout import extract_layout

    try:
        layout = extract_layout(path)
    except Exception as exc:  # noqa: BLE001 - an unreadable file is part of the output too
        return {"file": str(path), "error": f"{type(exc).__name__}: {exc}"}
    pages = [dataclasses.asdict(page) for page in layout.pages]
    tables = [dataclasses.asdict(table) for table in layout.tables]
    return {"file": str(path), "n_pages": layout.n_pages, "pages": pages, "tables": tables,
            "warnings": layout.warnings, "incomplete": layout.incomplete}


def _name(path: Path) -> str:
    return hashlib.sha1(str(path).encode()).hexdigest()[:12] + "-" + path.stem[:40] + ".json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--compare", action="store_true", help="compare two dump folders: OLD NEW")
    args = parser.parse_args(argv)
    if args.compare:
        old, new = (Path(p) for p in args.paths)
        names = sorted({p.name for p in old.glob("*.json")} | {p.name for p in new.glob("*.json")})
        differ = [n for n in names if not (old / n).exists() or not (new / n).exists()
                  or json.loads((old / n).read_text()) != json.loads((new / n).read_text())]
        for name in differ:
            print(f"differs: {name}")
        print(f"{len(names) - len(differ)}/{len(names)} identical")
        return 1 if differ else 0
    out = Path(args.paths[0])
    out.mkdir(parents=True, exist_ok=True)
    pdfs = _pdfs(args.paths[1:])
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for path, result in zip(pdfs, pool.map(dump, pdfs)):
            (out / _name(path)).write_text(json.dumps(result, ensure_ascii=False, indent=0))
    print(f"{len(pdfs)} files dumped to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
