"""The data contract: one Arrow schema per curated table (see README, "Data contract")."""
from __future__ import annotations

import pyarrow as pa

_str, _int, _float = pa.string(), pa.int32(), pa.float64()

BBOX = pa.struct([("x0", _float), ("top", _float), ("x1", _float), ("bottom", _float)])
# Where a fact was printed and how it was read (parsers.records.Provenance); on every fact table.
# `corrected` (documents and fact tables): a value of the row was set by data/reference/corrections.csv.
PROVENANCE = [("page", _int), ("bbox", BBOX), ("source_text", _str), ("engine", _str), ("confidence", _float)]

DOCUMENTS = pa.schema([
    ("doc_id", _str), ("source_path", _str), ("status", _str), ("error", _str), ("doc_type", _str),
    ("doc_type_reason", _str), ("n_pages", _int), ("ocr_pages", _int), ("unit_raw", _str), ("unit_id", _str),
    ("unit_name", _str), ("unit_type", _str), ("district", _str), ("province", _str),
    ("unit_match_score", _float), ("fiscal_year", _int), ("assessment_year", _int),
    ("warnings", pa.list_(_str)), ("duplicate_of", _str), ("pipeline_version", _str),
    ("corrected", pa.bool_()),
])
ASSESSMENTS = pa.schema([
    ("doc_id", _str), ("unit_id", _str), ("unit_raw", _str), ("unit_name", _str), ("unit_type", _str),
    ("row", _int), ("rank", _int), ("assessment_year", _int), ("overall_score", _float), ("level", _str),
    ("iit", _float), ("eit", _float), ("eit_part1", _float), ("eit_part2", _float), ("oit", _float),
    ("iit_points", _float), ("eit_points", _float), ("eit_part1_points", _float), ("eit_part2_points", _float),
    ("oit_points", _float), *PROVENANCE, ("corrected", pa.bool_()),
])
INDICATOR_SCORES = pa.schema([
    ("doc_id", _str), ("unit_id", _str), ("assessment_year", _int), ("indicator", _int),
    ("indicator_name", _str), ("tool", _str), ("score", _float), *PROVENANCE, ("corrected", pa.bool_()),
])
QUESTION_SCORES = pa.schema([
    ("doc_id", _str), ("unit_id", _str), ("assessment_year", _int), ("code", _str), ("tool", _str),
    ("indicator", _int), ("score", _float), ("text", _str), ("code_corrected", pa.bool_()), *PROVENANCE,
    ("corrected", pa.bool_()),
])
MEASURES = pa.schema([
    ("doc_id", _str), ("unit_id", _str), ("fiscal_year", _int), ("row", _int), ("section", _str),
    ("indicator", _int), ("codes", pa.list_(_str)), ("measure", _str), ("method", _str), ("responsible", _str),
    ("period_text", _str), ("period_start", pa.date32()), ("period_end", pa.date32()), ("budget", _float),
    ("follow_up", _str), ("output", _str), ("outcome", _str), *PROVENANCE, ("corrected", pa.bool_()),
])
PAGES = pa.schema([
    ("doc_id", _str), ("page", _int), ("text", _str), ("engine", _str), ("ocr", pa.bool_()), ("quality", _float),
])
UNITS = pa.schema([
    ("unit_id", _str), ("unit_name", _str), ("unit_type", _str), ("district", _str), ("province", _str),
    ("registry_code", _str),
])

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "assessments": ASSESSMENTS,
    "indicator_scores": INDICATOR_SCORES,
    "question_scores": QUESTION_SCORES,
    "measures": MEASURES,
    "units": UNITS,
    "pages": PAGES,
}
