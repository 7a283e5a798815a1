"""Records the parsers produce: a document's layout (pages, lines, tables) and its ITA facts.

Every text the layout reads carries its provenance (page, box, the text as extracted, the engine that
read it, a confidence), and every fact keeps the provenance of the printed text it was read from, so a
value in the curated tables can be traced to its place on the page.

The pipeline imports these records; nothing here imports the pipeline (pipeline -> parsers -> normalizers).
All records are plain dataclasses so that they pickle across worker processes and into the cache.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

DocType = Literal["measures", "measures_report", "development_plan", "analysis", "results_announcement", "unknown"]
Tool = Literal["IIT", "EIT", "OIT"]
RowKind = Literal["header", "section", "body", "caption"]
Engine = Literal["pdfium", "pdfplumber", "tesseract", "template", ""]
Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, top-left origin


@dataclass(frozen=True)
class Provenance:
    """Where a text was printed and how it was read."""

    page: int  # 1-based
    bbox: Box
    text: str  # as extracted, before normalisation
    engine: str = ""  # pdfium, pdfplumber, tesseract, template
    confidence: float = 1.0  # 1.0 for a clean text layer; the OCR confidence on scans
    # other readings of the same text: on scans, Tesseract's own where the template reader's differs, so that
    # two readers agreeing can be told from one reader overruling the other
    alternatives: tuple[str, ...] = ()
    # a template's guess (engine template, confidence 0): other readings as good as `text`, each with one digit
    # its glyph's close rival (ocr_digits.RIVAL_MARGIN); only a row's checksums choose between them
    rivals: tuple[str, ...] = ()


# ---------------------------------------------------------------- layout
@dataclass
class TextLine:
    """A line of text in reading order, with its box in pdfplumber coordinates (points, top-left origin)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    page: int = 0  # 1-based
    raw: str | None = None  # the text as extracted, before normalisation (None: same as text)
    engine: str = ""
    confidence: float = 1.0

    @property
    def provenance(self) -> Provenance:
        return Provenance(self.page, (self.x0, self.top, self.x1, self.bottom),
                          self.text if self.raw is None else self.raw, self.engine, self.confidence)


@dataclass
class TableRow:
    cells: list[str]
    page: int  # 1-based page the row starts on
    kind: RowKind = "body"  # header rows, spanning section rows, body rows, a title spanning the table above its header
    # Per cell: where its text was printed (a cell cut by a page break keeps its first part's box), or None.
    sources: list[Provenance | None] = field(default_factory=list)
    # Per cell: True where a merged cell of a row above (or to the left) covers this one (ruled tables only).
    spanned: list[bool] = field(default_factory=list)

    def source(self, column: int) -> Provenance | None:
        return self.sources[column] if column < len(self.sources) else None


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
    """A unit's results as the document states them. A results announcement states many (one per table row,
    with the unit as printed there); any other document states its own unit's, and `unit_raw` stays None."""

    overall_score: float | None = None
    level: str | None = None
    iit: float | None = None
    eit: float | None = None
    eit_part1: float | None = None
    eit_part2: float | None = None
    oit: float | None = None
    source: Provenance | None = None  # the printed overall score (else the first value read)
    # Results announcements: the row's unit and order, its rank as printed, weighted points (IIT of 30, ...).
    unit_raw: str | None = None
    unit_type_raw: str | None = None  # a type column's text (`อบต.`, `เทศบาลตำบล`), when the name omits it
    district_raw: str | None = None  # a district column or section row above the row
    row: int | None = None
    rank: int | None = None
    iit_points: float | None = None
    eit_points: float | None = None
    eit_part1_points: float | None = None
    eit_part2_points: float | None = None
    oit_points: float | None = None

    SCORES = ("overall_score", "iit", "eit", "eit_part1", "eit_part2", "oit")  # 0-100 scores
    POINTS = ("iit_points", "eit_points", "eit_part1_points", "eit_part2_points", "oit_points")  # weighted

    def stated(self) -> bool:
        """Whether any result (score, points or level) is stated."""
        return self.level is not None or any(getattr(self, name) is not None for name in self.SCORES + self.POINTS)


@dataclass
class IndicatorScore:
    indicator: int  # 1..10
    indicator_name: str  # canonical name
    tool: Tool
    score: float
    source: Provenance | None = None  # the printed score


@dataclass
class QuestionScore:
    code: str  # canonical: i13, e1, o34
    tool: Tool
    indicator: int | None
    score: float
    text: str | None = None
    code_corrected: bool = False  # printed code was repaired from the question text
    source: Provenance | None = None  # the printed score


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
    budget: float | None = None  # baht, where a column states it (`ไม่ใช้งบประมาณ` is 0)
    follow_up: str | None = None
    output: str | None = None
    outcome: str | None = None
    source: Provenance | None = None  # the measure cell (its first part when a page break cut the row)


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
    assessment: Assessment | None = None  # the document's own unit's results
    results: list[Assessment] = field(default_factory=list)  # a results announcement's rows, in order
    indicators: list[IndicatorScore] = field(default_factory=list)
    questions: list[QuestionScore] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


