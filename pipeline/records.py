"""Run-level records: the files a run finds and what it made of each.

The chain of stages is:

    SourceFile --layout--> DocumentLayout --normalize--> DocumentLayout (clean text)
      --parse--> ParsedDocument --resolve--> UnitResolution --validate--> DocumentResult --load--> Parquet

DocumentLayout and ParsedDocument are the parsers' records (parsers/records.py); the ones here belong to the
pipeline. All are plain dataclasses so that they pickle across worker processes and into the cache.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from parsers.records import ParsedDocument

DocStatus = Literal["ok", "partial", "failed"]


@dataclass
class PageRecord:
    """One page as the pages table keeps it: the repaired text, so analysts can search every document."""

    page: int  # 1-based
    text: str
    engine: str
    ocr: bool
    quality: float


# ---------------------------------------------------------------- discover
@dataclass(frozen=True)
class SourceFile:
    """One input file found on disk. Files with the same bytes share a doc_id."""

    doc_id: str  # sha256 hex of the bytes ("" when the file cannot be read)
    source_path: str  # relative to the input folder, POSIX separators
    abs_path: str
    size: int
    read_error: str | None = None  # set when the bytes could not be read
    duplicate_of: str | None = None  # source_path of the first file with the same bytes


# ---------------------------------------------------------------- resolve
@dataclass
class UnitCandidate:
    unit_id: str
    unit_name: str
    district: str | None
    province: str | None
    score: float


@dataclass
class UnitResolution:
    unit_id: str | None = None
    unit_name: str | None = None
    unit_type: str | None = None
    district: str | None = None
    province: str | None = None
    registry_code: str | None = None
    score: float | None = None
    method: str | None = None  # "match", "override", "none"
    candidates: list[UnitCandidate] = field(default_factory=list)


# ---------------------------------------------------------------- result of one document
@dataclass
class DocumentResult:
    source: SourceFile
    status: DocStatus
    error: str | None = None
    n_pages: int | None = None
    ocr_pages: int | None = None
    parsed: ParsedDocument | None = None
    unit: UnitResolution | None = None
    result_units: list[UnitResolution] = field(default_factory=list)  # one per parsed.results row
    pages: list[PageRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pipeline_version: str = ""
    seconds: float = 0.0  # wall time of process_document
    cpu_seconds: float = 0.0  # its CPU time (the worker's process): what load from other processes barely moves
