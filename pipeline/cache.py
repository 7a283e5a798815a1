"""Per-document result cache, so a re-run only processes new or changed files.

Keyed by the document's content hash (doc_id) and the pipeline version (a digest of the code and
reference data): renaming a file still hits, changing its bytes or the code misses. Lives under
`<output>/.cache/<version>/`; entries of other versions are pruned after a successful run.
"""
from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from pipeline.records import DocumentResult, SourceFile


class ResultCache:
    def __init__(self, output_dir: str | os.PathLike, version: str):
        self.base = Path(output_dir) / ".cache"
        self.root = self.base / version.replace("/", "_")

    def _path(self, doc_id: str) -> Path:
        return self.root / doc_id[:2] / f"{doc_id}.pickle"

    def get(self, source: SourceFile) -> DocumentResult | None:
        """The cached result for these bytes, re-attached to this file's path; None on a miss or a bad entry."""
        if not source.doc_id:
            return None
        try:
            with open(self._path(source.doc_id), "rb") as handle:
                result = pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a damaged entry is just a miss; it will be rewritten
            return None
        return replace(result, source=source) if isinstance(result, DocumentResult) else None

    def put(self, result: DocumentResult) -> None:
        """Write aside then rename, so a killed run never leaves a half-written entry."""
        if not result.source.doc_id:
            return
        path = self._path(result.source.doc_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self) -> None:
        """Drop entries made by other pipeline versions: they can never hit again."""
        if not self.base.is_dir():
            return
        for entry in self.base.iterdir():
            if entry != self.root:
                shutil.rmtree(entry, ignore_errors=True)
