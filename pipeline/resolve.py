"""Resolve stage: the unit a document names → a unit of the registry. (Minimal first version; see issue 6.)"""
from __future__ import annotations

from pipeline.records import ParsedDocument, UnitResolution


def resolve_unit(parsed: ParsedDocument) -> UnitResolution:
    return UnitResolution(method="none")


def write_review_file(results: list, output_dir) -> None:
    """Write review_units.csv: documents whose unit was not resolved, with candidates (see issue 6)."""
