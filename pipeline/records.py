"""Typed records passed between pipeline stages.

Each stage takes one of these records and returns the next one; no stage reads another
stage's internals. The chain is:

    SourceFile --layout--> DocumentLayout --normalize--> DocumentLayout (clean text)
      --parse--> ParsedDocument --resolve--> UnitResolution --validate--> DocumentResult --load--> Parquet

All records are plain dataclasses so that they pickle across worker processes and into the cache.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

DocStatus = Literal["ok", "partial", "failed"]
DocType = Literal["measures", "measures_report", "development_plan", "analysis", "unknown"]
Tool = Literal["IIT", "EIT", "OIT"]
RowKind = Literal["header", "section", "body"]


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


# ---------------------------------------------------------------- layout
@dataclass
class TextLine:
    """A line of text in reading order, with its box in pdfplumber coordinates (points, top-left origin)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class TableRow:
    cells: list[str]
    page: int  # 1-based page the row starts on
    kind: RowKind = "body"  # header rows, spanning section rows, body rows


@dataclass
class Table:
    """A logical table: rows continued across page breaks are already joined."""

    rows: list[TableRow]
    pages: list[int]  # 1-based pages the table covers
    n_cols: int
    header: list[str] = field(default_factory=list)  # column headers (joined multi-line), may be empty


@dataclass
class PageLayout:
    number: int  # 1-based
    width: float
    height: float
    lines: list[TextLine]  # every text line of the page in reading order, tables included
    ocr: bool = False  # text came from Tesseract
    text_engine: str = ""  # which engine's text was kept ("pdfium", "pdfplumber", "tesseract", "mixed")
    quality: float = 1.0  # text-quality score in [0, 1] of the kept text

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass
class DocumentLayout:
    doc_id: str
    n_pages: int
    pages: list[PageLayout]
    tables: list[Table]  # logical tables in document order
    warnings: list[str] = field(default_factory=list)
    incomplete: bool = False  # some pages could not be read (e.g. OCR needed but unavailable)

    @property
    def ocr_pages(self) -> int:
        return sum(1 for p in self.pages if p.ocr)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)


# ---------------------------------------------------------------- parse (ITA facts)
@dataclass
class Assessment:
    overall_score: float | None = None
    level: str | None = None
    iit: float | None = None
    eit: float | None = None
    eit_part1: float | None = None
    eit_part2: float | None = None
    oit: float | None = None


@dataclass
class IndicatorScore:
    indicator: int  # 1..10
    indicator_name: str  # canonical name
    tool: Tool
    score: float


@dataclass
class QuestionScore:
    code: str  # canonical: i13, e1, o34
    tool: Tool
    indicator: int | None
    score: float
    text: str | None = None
    code_corrected: bool = False  # printed code was repaired from the question text


@dataclass
class Measure:
    row: int  # order in the document, 1-based
    page: int  # 1-based
    measure: str
    section: str | None = None
    indicator: int | None = None
    codes: list[str] = field(default_factory=list)
    method: str | None = None
    responsible: str | None = None
    period_text: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    follow_up: str | None = None
    output: str | None = None
    outcome: str | None = None


@dataclass
class UnitMention:
    """A place where the document names its unit."""

    text: str  # as written, e.g. "องค์การบริหารส่วนตำบลบ่อระ" or "อบต.ดงบัง"
    where: str  # "title", "header", "body"
    district: str | None = None  # as written nearby, if any
    province: str | None = None


@dataclass
class ParsedDocument:
    doc_type: DocType = "unknown"
    doc_type_reason: str | None = None
    unit_raw: str | None = None
    unit_mentions: list[UnitMention] = field(default_factory=list)
    district_raw: str | None = None
    province_raw: str | None = None
    fiscal_year: int | None = None  # Buddhist Era
    assessment_year: int | None = None  # Buddhist Era
    assessment: Assessment | None = None
    indicators: list[IndicatorScore] = field(default_factory=list)
    questions: list[QuestionScore] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


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
    warnings: list[str] = field(default_factory=list)
    pipeline_version: str = ""
    seconds: float = 0.0
