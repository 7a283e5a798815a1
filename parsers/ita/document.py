"""Parse a normalized DocumentLayout into a ParsedDocument (type, header, scores, measures)."""
from __future__ import annotations

from parsers.ita import announcement, header, measures, scores
from parsers.ita.doctype import classify
from parsers.ita.text import compact, locate
from parsers.records import Assessment, DocumentLayout, ParsedDocument, UnitMention


def parse_document(layout: DocumentLayout) -> ParsedDocument:
    start = header.document_start(layout.pages)
    pages = layout.pages[start:]
    tables = [t for t in layout.tables if not t.pages or t.pages[-1] >= (pages[0].number if pages else 1)]
    title = header.title_text(layout.pages, start)
    body = compact("\n".join(page.text for page in pages))
    parsed = ParsedDocument()
    parsed.doc_type, parsed.doc_type_reason = classify(title, body[:3000])
    if header.fiscal_year_unread(title):  # a refused title year: not the body's (previous) year instead
        parsed.fiscal_year = None
    else:
        parsed.fiscal_year = header.fiscal_year(title) or header.fiscal_year(body[:1500])
    _unit(parsed, layout, start)

    assessed = header.assessment_year(body) or parsed.fiscal_year
    if parsed.doc_type in ("unknown", "results_announcement") and _announcement(parsed, pages, tables, assessed, title):
        return parsed
    assessment = scores.overall(body) or Assessment()
    scores.tool_scores([line.text for page in pages for line in page.lines] +
                       [" ".join(row.cells) for table in tables for row in table.rows], assessment)
    if any(page.ocr for page in pages):
        scores.reconcile_scanned(assessment, "\n".join(page.text for page in pages))
    if parsed.doc_type == "unknown" and assessment.level is None:
        assessment = Assessment()  # a bare "N คะแนน" in an unrelated document is not an ITA result
    parsed.assessment = assessment if assessment.stated() else None
    if parsed.assessment:
        first = next((v for v in (assessment.overall_score, assessment.iit, assessment.eit, assessment.eit_part1,
                                  assessment.eit_part2, assessment.oit) if v is not None), None)
        assessment.source = locate(pages, first, "คะแนน")
    parsed.indicators = scores.indicator_scores(scores.segments(pages, tables))
    parsed.questions, code_warnings = scores.question_scores(tables, assessed)
    parsed.warnings += code_warnings
    if parsed.assessment or parsed.indicators or parsed.questions:
        parsed.assessment_year = assessed
    if parsed.doc_type in ("measures", "measures_report", "development_plan"):
        parsed.measures = measures.measures(tables, pages, assessed)
    return parsed


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
