"""Per-document result cache, so a re-run only processes new or changed files.

Keyed by the document's content hash (doc_id) and the pipeline version (a digest of the code and
reference data): renaming a file still hits, changing its bytes or the code misses. A document that
timed out, ran out of memory or crashed its worker is cached for those limits only, so an unchanged
re-run does not wait for it again but a run with other limits retries it. Lives under
`<output>/.cache/<version>/`; entries of other versions are pruned after a successful run.
"""
from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from pipeline.executor import Limits
from pipeline.records import DocumentResult, SourceFile


class ResultCache:
    def __init__(self, output_dir: str | os.PathLike, version: str):
        self.base = Path(output_dir) / ".cache"
        self.root = self.base / version.replace("/", "_")

    def _path(self, doc_id: str, limits: Limits | None = None) -> Path:
        suffix = f"@{limits.seconds:g}s-{limits.memory_bytes}B" if limits else ""
        return self.root / doc_id[:2] / f"{doc_id}{suffix}.pickle"

    def get(self, source: SourceFile, limits: Limits | None = None) -> DocumentResult | None:
        """The cached result for these bytes (or, failing that, for these bytes under these limits),
        re-attached to this file's path; None on a miss or a damaged entry."""
        if not source.doc_id:
            return None
        for path in (self._path(source.doc_id), self._path(source.doc_id, limits)):
            try:
                with open(path, "rb") as handle:
                    result = pickle.load(handle)
            except Exception:  # noqa: BLE001 - missing or damaged: a miss; it will be rewritten
                continue
            if isinstance(result, DocumentResult):
                return replace(result, source=source)
        return None

    def put(self, result: DocumentResult, limits: Limits | None = None) -> None:
        """Store a result; with `limits`, one the executor decided under them. Written aside then renamed,
        so a killed run never leaves a half-written entry."""
        if not result.source.doc_id:
            return
        path = self._path(result.source.doc_id, limits)
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
