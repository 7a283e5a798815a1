"""The documents of the variety suite (tests/test_variety.py), also written by
`scripts/variety_corpus.py OUT --matrix` for measuring with tools/score.py.

Every layout feature appears at least once alone and some in combination; renderers and fonts rotate over
them, and three contents are printed by every renderer (and one in every font) so that the facts read can
be compared across printers."""
from __future__ import annotations

from tests.variety.corpus import Spec

RENDERERS = ("docx", "chromium", "weasyprint")
FONTS = ("TH SarabunPSK", "TH Sarabun New", "Angsana New", "Loma", "Garuda", "Norasi", "Kinnari")

VARIANTS = [
    ("baseline", "measures"), ("borderless", "measures_report"), ("header_lines", "measures"),
    ("column_order", "measures_report"), ("number_column", "measures"), ("known_headers", "development_plan"),
    ("unseen_headers", "measures"), ("month_columns", "measures"), ("quarter_columns", "measures_report"),
    ("budget_note", "measures"), ("landscape", "measures_report"), ("paragraphs", "measures"),
    ("merged_measure", "measures_report"), ("merged_responsible", "measures"),
    ("front_matter", "development_plan"), ("furniture", "measures"), ("score_wordings", "measures"),
    ("score_tables", "development_plan"), ("row_breaks", "measures_report"), ("multi_year", "measures"),
    ("arabic_digits", "analysis"),
    ("borderless+number_column+known_headers", "measures"),
    ("month_columns+landscape+merged_measure", "measures_report"),
    ("front_matter+furniture+score_wordings", "measures"),
    ("unseen_headers+column_order+budget_note", "measures_report"),
    ("header_lines+row_breaks+merged_responsible", "development_plan"),
    ("paragraphs+front_matter+score_tables", "measures"),
]
# Contents printed by every renderer: (name, seed, family, variant).
SAME_CONTENT = [
    ("measures", 2001, "measures", "baseline"),
    ("development_plan", 2002, "development_plan", "baseline"),
    ("merged_furniture", 2003, "measures_report", "merged_measure+furniture"),
]
FONT_CONTENT = (3001, "measures", "baseline", "docx")


def variant_specs() -> list[Spec]:
    return [Spec(1000 + i, family, variant, RENDERERS[i % len(RENDERERS)], FONTS[i % len(FONTS)])
            for i, (variant, family) in enumerate(VARIANTS)]


def same_content_specs() -> dict[str, list[Spec]]:
    return {name: [Spec(seed, family, variant, r, "TH SarabunPSK") for r in RENDERERS]
            for name, seed, family, variant in SAME_CONTENT}


def font_specs() -> dict[str, Spec]:
    seed, family, variant, renderer = FONT_CONTENT
    return {font: Spec(seed, family, variant, renderer, font) for font in FONTS}


def all_specs() -> list[Spec]:
    specs = variant_specs() + [s for group in same_content_specs().values() for s in group]
    specs += list(font_specs().values())
    return list(dict.fromkeys(specs))
