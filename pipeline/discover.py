"""Discover stage: walk the input folder and identify each file by the sha256 of its bytes."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pipeline.records import SourceFile

PDF_SUFFIXES = {".pdf"}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def discover(input_dir: str | os.PathLike, all_files: bool = False) -> list[SourceFile]:
    """Every PDF under input_dir (recursively), sorted by relative path.

    Files that cannot be read are still returned (with read_error) so they get a documents row.
    Files with identical bytes get the same doc_id; all but the first carry duplicate_of.
    """
    root = Path(input_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"input folder not found: {root}")
    paths = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        # A folder named like a PDF (a botched download) is reported too, and still walked.
        for name in filenames + [d for d in dirnames if Path(d).suffix.lower() in PDF_SUFFIXES]:
            path = Path(dirpath) / name
            if all_files or path.suffix.lower() in PDF_SUFFIXES:
                paths.append(path)
    paths.sort(key=lambda p: p.relative_to(root).as_posix())
    found: list[SourceFile] = []
    first_by_hash: dict[str, str] = {}
    for path in paths:
        rel = path.relative_to(root).as_posix()
        try:
            if path.is_dir():
                raise IsADirectoryError(21, "a folder, not a file")
            doc_id = _sha256(path)
            size = path.stat().st_size
        except OSError as exc:
            reason = "broken link" if path.is_symlink() and not path.exists() else (exc.strerror or str(exc)).lower()
            found.append(SourceFile("", rel, str(path), 0, read_error=f"cannot read file: {reason}"))
            continue
        duplicate_of = first_by_hash.setdefault(doc_id, rel)
        found.append(SourceFile(doc_id, rel, str(path), size, duplicate_of=None if duplicate_of == rel else duplicate_of))
    return found
