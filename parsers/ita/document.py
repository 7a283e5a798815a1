"""Parse a normalized DocumentLayout into a ParsedDocument (type, header, scores, measures)."""
from __future__ import annotations

from normalizers.scores import parse_score
from parsers.ita import announcement, header, measures, scores, statements
from parsers.ita.doctype import classify
from parsers.ita.result_checks import expected_total
from parsers.ita.text import compact, locate, skeleton
from parsers.records import Assessment, DocumentLayout, PageLayout, ParsedDocument, Table, UnitMention


def parse_document(layout: DocumentLayout) -> ParsedDocument:
    start = header.document_start(layout.pages)
    pages = layout.pages[start:]
    tables = [t for t in layout.tables if not t.pages or t.pages[-1] >= (pages[0].number if pages else 1)]
    title = header.title_text(layout.pages, start)
    body = compact("\n".join(page.text for page in pages))
    parsed = ParsedDocument()
    parsed.doc_type, parsed.doc_type_reason = classify(title, body[:3000])
    # a refused title year: not the body's (previous) year instead
    if header.fiscal_year_unread(header.title_lines(layout.pages, start)):
        parsed.fiscal_year = None
    else:
        parsed.fiscal_year = header.fiscal_year(title) or header.fiscal_year(body[:1500])
    _unit(parsed, layout, start)

    assessed = header.assessment_year(body) or parsed.fiscal_year
    if parsed.doc_type in ("unknown", "results_announcement") and _announcement(parsed, pages, tables, assessed, title):
        return parsed
    assessment, score_warnings = _assessment(pages, tables, body, assessed)
    parsed.warnings += score_warnings
    if parsed.doc_type == "unknown" and assessment.level is None:
        assessment = Assessment()  # a bare "N คะแนน" in an unrelated document is not an ITA result
    parsed.assessment = assessment if assessment.stated() else None
    if parsed.assessment:
        first = next((v for v in (assessment.overall_score, assessment.iit, assessment.eit, assessment.eit_part1,
                                  assessment.eit_part2, assessment.oit) if v is not None), None)
        assessment.source = locate(pages, first, "คะแนน")
    parsed.indicators = scores.indicator_scores(scores.segments(pages, tables, assessed))
    parsed.questions, code_warnings = scores.question_scores(tables, assessed)
    parsed.warnings += code_warnings
    if parsed.assessment or parsed.indicators or parsed.questions:
        parsed.assessment_year = assessed
    if parsed.doc_type in ("measures", "measures_report", "development_plan"):
        parsed.measures = measures.measures(tables, pages, assessed, parsed.fiscal_year)
    return parsed


def _assessment(pages: list[PageLayout], tables: list[Table], body: str, year: int | None) -> tuple[Assessment, list[str]]:
    """The document's own results: overall score and level by meaning (statements.py); tool scores and
    points from lines and table rows. Scans keep the older patterns of scores.py first: there a score the scan
    layer refused (`#`) is the statement, refused, while statements.py would take the next score it finds
    (tests/test_scan_consistency.py); the meaning-based reading then only fills what they left."""
    scanned = any(page.ocr for page in pages)
    # a table with a column per year (`ผลปี 2566 | ผลปี 2567`) gives its tools without the other years' columns,
    # and the page lines across it are left out: a line runs both years' scores together (scores.segments)
    other_years = {id(table): scores.other_year_columns(table, year) for table in tables}
    by_year = [s for table in tables if other_years[id(table)] for row in table.rows for s in row.sources if s is not None]
    lines = [line.text for page in pages for line in page.lines if not scores.across(line.provenance, by_year)]
    pieces = lines + [" ".join(c for k, c in enumerate(row.cells) if k not in other_years[id(table)])
                      for table in tables for row in table.rows]
    legacy = scores.overall(body) or Assessment()
    # the overall row of a table by year (`คะแนนรวม | 86.71 | 85.70`) is no statement of this year's score
    text = "\n".join(lines) if by_year else "\n".join(page.text for page in pages)
    stated = statements.overall(text, year)
    if scanned or stated is None:
        assessment = legacy
        if stated is not None and assessment.level is None and assessment.overall_score is None:
            assessment = Assessment(overall_score=stated.score, level=stated.level)
    else:
        assessment = Assessment(overall_score=stated.score, level=stated.level or legacy.level)
    tool_refusals: dict[str, str] = {}
    for table in tables:
        weighted = any(word in skeleton(" ".join(table.header)) for word in statements.WEIGHTED_WORDS)
        body_rows = [row.cells for row in table.rows if row.kind != "header"]
        header_cells = table.header or (body_rows[0] if body_rows else [])
        # columns of counts (respondents, questions) and of other years are left out: no tool's score this year
        counts = statements.count_columns(header_cells, body_rows) | other_years[id(table)]
        keep = lambda cells: [c for k, c in enumerate(cells) if k not in counts]  # noqa: E731
        for reading in statements.tools_across(keep(header_cells), [keep(r) for r in body_rows], year, weighted):
            _set_tool(assessment, reading)
        rows = [" ".join(keep(row.cells)) for row in table.rows]
        for reading in statements.tools(rows, year, weighted):
            _set_tool(assessment, reading, tool_refusals)
    for reading in statements.tools(lines, year):
        _set_tool(assessment, reading, tool_refusals)
    scores.tool_scores(pieces, assessment)
    table_refused: list[str] = []
    if assessment.overall_score is None and assessment.level is None and not scanned:
        # no statement: a table of results by year (this year's row beside last year's)
        for table in tables:
            body_rows = [row.cells for row in table.rows if row.kind != "header"]
            if (by_year := statements.overall_by_year(table.header, body_rows, year)) is not None:
                assessment.overall_score, assessment.level = by_year.score, by_year.level
                table_refused = by_year.refused
                break
    if assessment.overall_score is None:
        assessment.overall_score = _checked_total(assessment, tables, year)
    refused = list(stated.refused) if stated is not None and assessment.overall_score is None else []
    refused += [why for field, why in tool_refusals.items() if getattr(assessment, field) is None]
    return assessment, refused + table_refused


_TOTAL_ROW = ("รวม", "ภาพรวม", "ITA")


def _checked_total(assessment: Assessment, tables: list[Table], year: int | None) -> float | None:
    """The total of a score table (`รวม | 100 | | 93.97`), taken only when it is the sum of the tools'
    weighted points, or their scores weighted by the year's rules: the table's own checksum."""
    if (found := expected_total(assessment, year)) is None:
        return None
    expected, tolerance = found
    for table in tables:
        for row in table.rows:
            if not row.cells or not any(word in skeleton(row.cells[0]) for word in _TOTAL_ROW):
                continue
            for cell in row.cells[1:]:
                value = parse_score(cell)
                if value is not None and abs(value - expected) <= tolerance:
                    return value
    return None


def _set_tool(assessment: Assessment, reading: statements.ToolReading, refusals: dict[str, str] | None = None) -> None:
    if reading.refused:
        if refusals is not None:
            refusals.setdefault(reading.field, reading.refused)
        return
    if reading.score is not None and getattr(assessment, reading.field) is None:
        setattr(assessment, reading.field, reading.score)
    if reading.points is not None and getattr(assessment, f"{reading.field}_points") is None:
        setattr(assessment, f"{reading.field}_points", reading.points)


def _unit(parsed: ParsedDocument, layout: DocumentLayout, start: int) -> None:
    """Unit mentions; a provincial document (`…ของจังหวัดนครราชสีมา` with no local unit in its title) is
    the province's own."""
    mentions = header.unit_mentions(layout.pages, start)
    title_mentions = [m for m in mentions if m.where == "title"]
    province = header.province_unit(layout.pages, start)
    if province and not title_mentions:
        mentions.insert(0, UnitMention(f"จังหวัด{province}", "title", None, province))
    parsed.unit_mentions = mentions
    if mentions:
        first = mentions[0]
        parsed.unit_raw = first.text
        located = next((m for m in mentions if m.district or m.province), first)
        parsed.district_raw = first.district or located.district
        parsed.province_raw = first.province or located.province


def _announcement(parsed: ParsedDocument, pages, tables, year: int | None, title: str) -> bool:
    """A results announcement (by title, or by its rows of units with results): its rows, and as its own unit
    only the issuer its title names (the units in its rows are not the document's)."""
    found = announcement.read_announcement(pages, tables, year)
    if parsed.doc_type != "results_announcement" and not announcement.looks_like_announcement(found):
        return False
    if not found.rows and scores.overall(compact("\n".join(page.text for page in pages))):
        # titled like an announcement but stating one unit's results: read as a single-unit document
        parsed.doc_type, parsed.doc_type_reason = "unknown", "announcement title, one unit's results"
        return False
    parsed.doc_type, parsed.doc_type_reason = "results_announcement", None
    parsed.results = found.rows
    parsed.warnings += found.warnings
    if not found.rows:
        parsed.warnings.append("results announcement without unit rows read")
    parsed.assessment_year = year
    names = [compact(r.unit_raw) for r in found.rows]
    issuer = [m for m in parsed.unit_mentions if m.where == "title"
              and not any(compact(m.text) in n or n in compact(m.text) for n in names)]
    parsed.unit_mentions = issuer
    parsed.unit_raw = issuer[0].text if issuer else None
    parsed.district_raw = issuer[0].district if issuer else None
    parsed.province_raw = next((m.province for m in issuer if m.province), None) or announcement.title_province(title)
    return True
