"""The pipeline version written to every row and used as part of the cache key.

It is the package version plus a digest of the code and reference data, so any change to
the extraction logic invalidates cached results without anyone remembering to bump a number.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from pipeline import __version__

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_HASHED = ("pipeline", "parsers", "normalizers", "data/reference")
# Applied at load, after the cache: editing it must not make every document be extracted again.
_UNHASHED = {"data/reference/corrections.csv"}


@functools.lru_cache(maxsize=1)
def pipeline_version() -> str:
    digest = hashlib.sha256()
    for top in _HASHED:
        base = PROJECT_ROOT / top
        if not base.exists():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".csv", ".json", ".txt"} and "__pycache__" not in path.parts \
                    and path.relative_to(PROJECT_ROOT).as_posix() not in _UNHASHED:
                digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
                digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"
