"""Validate stage: checks that flag (never fix) implausible facts; a failed check makes a document partial."""
from __future__ import annotations

from pipeline.records import DocumentLayout, ParsedDocument, UnitResolution


def validate(layout: DocumentLayout, parsed: ParsedDocument, unit: UnitResolution) -> list[str]:
    """Warnings for this document: an empty list means every check passed."""
    warnings = list(layout.warnings) + list(parsed.warnings)
    scores = []
    if parsed.assessment:
        a = parsed.assessment
        scores += [a.overall_score, a.iit, a.eit, a.eit_part1, a.eit_part2, a.oit]
    scores += [i.score for i in parsed.indicators] + [q.score for q in parsed.questions]
    for value in scores:
        if value is not None and not 0 <= value <= 100:
            warnings.append(f"score out of range 0-100: {value}")
    return warnings
