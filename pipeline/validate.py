"""Validate stage: checks that flag implausible facts; a failed check makes a document partial.

Each check compares facts the document states twice (a tool score and its indicators, the overall score
and its tools, the level and the score) or a fact against the rules of the assessment year (weights,
level scale, question catalog). Warnings name the values so a reviewer can see which side is wrong.
A check only flags, except where the facts themselves say which value is wrong: a tool score that both its
indicators and the overall score contradict, and an announcement row that breaks its checksums, are
refused (null, with a warning), because a wrong number is worse than none. On a scan the level's letters
also judge the OCR'd overall score (the score's Thai digits are the weaker reading).
"""
from __future__ import annotations

import re
from statistics import mean

from normalizers import catalog
from normalizers.codes import resolve_code
from parsers.ita.result_checks import expected_total, problems as row_problems, tool_cap
from parsers.records import Assessment, DocumentLayout, ParsedDocument
from pipeline.records import UnitResolution

# Printed scores have two decimals and each side of a comparison is rounded on its own.
TOOL_TOLERANCE = 0.1
_TOOL_INDICATORS = {tool: catalog.indicators_of(tool) for tool in ("iit", "eit", "oit")}


def validate(layout: DocumentLayout, parsed: ParsedDocument, unit: UnitResolution) -> list[str]:
    """Warnings for this document: an empty list means every check passed."""
    warnings = list(layout.warnings) + list(parsed.warnings)
    warnings += _ranges(parsed)
    year = parsed.assessment_year or parsed.fiscal_year
    if parsed.assessment and any(page.ocr for page in layout.pages):
        warnings += _scanned_score_vs_level(parsed, "\n".join(page.text for page in layout.pages))
    if parsed.assessment:
        warnings += _refuse_contradicted_tools(parsed, year)
        tools = _tool_scores(parsed)
        warnings += _tools_vs_indicators(parsed)
        warnings += _overall_vs_tools(parsed.assessment, tools, year)
        warnings += _level(parsed.assessment, year)
    warnings += _codes(parsed, year)
    warnings += check_results(parsed.results, year)
    if parsed.doc_type in ("measures", "measures_report", "development_plan") \
            and not parsed.measures and not parsed.questions:
        warnings.append(f"no measure rows found in a {parsed.doc_type} document")
    return warnings


# `ระดับ A A`: Tesseract's reading of a lone A (one letter and debris) or of AA printed spaced out.
_SPACED_LEVEL = re.compile(r"ระดับ[^\n\d]{0,20}?[\s:\"“']([A-F])\s+([A-F])(?![A-Za-z])")


def _scanned_score_vs_level(parsed: ParsedDocument, text: str) -> list[str]:
    """On a scan the level's letters are read far more reliably than the score's Thai digits, so the level
    judges the score: a score outside the level's band is refused, and a level read with a stray space (`A A`)
    is the one of its two readings that the score's band names, else both are refused. (A text layer's disagreement is
    the document's own and is only flagged, by `_level`.)"""
    a = parsed.assessment
    warnings = []
    spaced = _SPACED_LEVEL.search(text)
    if spaced and a.level in (spaced.group(1) + spaced.group(2), spaced.group(1)):
        choices = {spaced.group(1), spaced.group(1) + spaced.group(2)}
        band = catalog.letter_band(a.overall_score) if a.overall_score is not None else None
        if band in choices:
            a.level = band
        else:  # either reading contradicts the score (or there is none to choose by): neither is kept
            warnings.append(f"level read '{spaced.group(1)} {spaced.group(2)}' on a scan (A or AA) and overall "
                            f"{a.overall_score} disagree: neither kept")
            a.level = a.overall_score = None
    if a.level in catalog.LETTER_FLOORS and a.overall_score is not None \
            and catalog.letter_band(a.overall_score) != a.level:
        warnings.append(f"overall {a.overall_score} read on a scan is outside level {a.level}'s band: not kept")
        a.overall_score = None
    if not a.stated():
        parsed.assessment = None
    return warnings


def _ranges(parsed: ParsedDocument) -> list[str]:
    values = []
    if parsed.assessment:
        values += [getattr(parsed.assessment, name) for name in Assessment.SCORES]
    values += [i.score for i in parsed.indicators] + [q.score for q in parsed.questions]
    return [f"score out of range 0-100: {v}" for v in values if v is not None and not 0 <= v <= 100]


def _indicator_mean(parsed: ParsedDocument, tool: str) -> float | None:
    scores = {i.indicator: i.score for i in parsed.indicators}
    wanted = _TOOL_INDICATORS[tool]
    if not all(n in scores for n in wanted):
        return None
    return mean(scores[n] for n in wanted)


def _tool_scores(parsed: ParsedDocument) -> dict[str, float]:
    """Tool scores as printed, else as the mean of their indicators (the ITA's own rule)."""
    a = parsed.assessment or Assessment()
    tools = {k: v for k, v in (("iit", a.iit), ("eit", a.eit), ("eit_part1", a.eit_part1),
                               ("eit_part2", a.eit_part2), ("oit", a.oit)) if v is not None}
    for tool in _TOOL_INDICATORS:
        if tool not in tools and not (tool == "eit" and "eit_part1" in tools):
            if (value := _indicator_mean(parsed, tool)) is not None:
                tools[tool] = value
    return tools


def _tools_vs_indicators(parsed: ParsedDocument) -> list[str]:
    """A printed tool score must be the mean of its indicators (EIT parts cannot be checked this way)."""
    a = parsed.assessment
    warnings = []
    for tool, printed in (("iit", a.iit), ("eit", a.eit), ("oit", a.oit)):
        expected = _indicator_mean(parsed, tool)
        if printed is not None and expected is not None and abs(printed - expected) > TOOL_TOLERANCE:
            warnings.append(f"{tool.upper()} {printed} differs from the mean of its indicators {expected:.2f}")
    return warnings


def _refuse_contradicted_tools(parsed: ParsedDocument, year: int | None) -> list[str]:
    """A printed tool score that differs from its indicators' mean is refused when the overall score agrees
    with the mean and not with the printed score: two checksums point at the same value (a score read from
    the wrong cell or line). Where they do not agree on the culprit, the value stays and is only flagged."""
    a = parsed.assessment
    if a.overall_score is None or year is None:
        return []
    warnings = []
    for tool in ("iit", "eit", "oit"):
        printed, expected = getattr(a, tool), _indicator_mean(parsed, tool)
        if printed is None or expected is None or abs(printed - expected) <= TOOL_TOLERANCE:
            continue
        tools = _tool_scores(parsed)
        with_printed = expected_total(a, year, tools)
        with_mean = expected_total(a, year, {**tools, tool: expected})
        if with_printed is None or with_mean is None:
            continue
        if abs(with_mean[0] - a.overall_score) <= with_mean[1] < abs(with_printed[0] - a.overall_score):
            setattr(a, tool, None)
            warnings.append(f"{tool.upper()} {printed} not kept: its indicators' mean {expected:.2f} and the "
                            f"overall {a.overall_score} both disagree with it")
    return warnings


def _overall_vs_tools(a: Assessment, tools: dict[str, float], year: int | None) -> list[str]:
    """The overall score is the weighted sum of the tools with the year's weights."""
    if a.overall_score is None or year is None:
        return []
    if (found := expected_total(a, year, tools)) is None:
        return []
    expected, tolerance = found
    if abs(expected - a.overall_score) > tolerance:
        return [f"overall {a.overall_score} differs from the {year} weighted tools {expected:.2f}"]
    return []


def _level(a: Assessment, year: int | None) -> list[str]:
    """The level must be on the year's scale and agree with the score (bands in ita_rules.md)."""
    if a.level is None or year is None:
        return []
    scale = catalog.levels(year)
    if a.level not in scale:
        return [f"level {a.level} is not on the {year} scale ({'/'.join(scale)})"]
    if a.overall_score is None:
        return []
    score = a.overall_score
    if a.level in catalog.LETTER_FLOORS:
        expected = catalog.letter_band(score)
        return [] if expected == a.level else [f"level {a.level} does not match score {score} (expected {expected})"]
    passing = a.level in ("ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน")
    if passing != (score >= 85):
        return [f"level {a.level} does not match score {score} (pass mark 85)"]
    printed = [v for v in (a.iit, a.eit_part1, a.eit_part2, a.oit) if v is not None]
    if a.level in ("ผ่านดีเยี่ยม", "ผ่านดี") and len(printed) == 4 and min(printed) < 85:
        return [f"level {a.level} needs every tool at 85 or more (lowest {min(printed)})"]
    return []


def _codes(parsed: ParsedDocument, year: int | None) -> list[str]:
    """Question codes on measures must exist in the year's catalog (question scores are checked when read)."""
    warnings = []
    for m in parsed.measures:
        for code in m.codes:
            if (result := resolve_code(code, year)).warning:
                warnings.append(f"measure {m.row} code {code}: {result.warning}")
    return warnings


def check_results(rows: list[Assessment], year: int | None) -> list[str]:
    """Announcement rows: a row whose points exceed their weights, do not sum to its total, whose score is out
    of 0-100 or whose level does not fit its total keeps its name and loses its numbers (null, never a wrong
    number), with a warning. Where the table is a ranking, a total above the one ranked before it is refused
    too. The 2567 tool cap on the level is only noted."""
    warnings = []
    ranked = [r for r in rows if r.rank is not None]
    ranking = len(ranked) >= 3 and [r.rank for r in ranked] == sorted(r.rank for r in ranked) and _descending(ranked)
    previous = None
    for a in rows:
        found = row_problems(a, year)
        if ranking and previous is not None and a.overall_score is not None and a.overall_score > previous + 1e-9:
            found.append(f"total {a.overall_score} above the {previous} ranked before it")
        if found:
            warnings.append(f"row {a.row} {a.unit_raw}: {'; '.join(found)}; its scores are not kept")
            for name in Assessment.SCORES + Assessment.POINTS:
                setattr(a, name, None)
            if any(p.startswith("level ") for p in found):
                a.level = None  # the level or the total is wrong, and which one cannot be told
        elif note := tool_cap(a) if year and year >= catalog.NEW_FORM_FROM else None:
            warnings.append(f"row {a.row} {a.unit_raw}: {note}")
        if a.overall_score is not None:
            previous = a.overall_score
    return warnings


def _descending(rows: list[Assessment]) -> bool:
    """Most totals not above the one before: the table is ordered by score (a few misreads aside)."""
    totals = [r.overall_score for r in rows if r.overall_score is not None]
    pairs = list(zip(totals, totals[1:]))
    return bool(pairs) and sum(1 for a, b in pairs if b <= a + 1e-9) >= 0.9 * len(pairs)
