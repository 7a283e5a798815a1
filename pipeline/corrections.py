"""Corrections a person made to extracted values, re-applied on every run (data/reference/corrections.csv).

A correction names one value: the document (`doc_id`), the table, the row's `key` within the document
(see KEYS), the column (`field`) and the right `value` (empty: null). They are applied by the load stage to
the rows the parsers and validation produced, so they survive re-runs and the cache; a corrected row keeps
its provenance (where the value was printed) and gets `corrected = true`. A correction whose target no
longer exists (the document, the row or the column is gone, or the value does not fit the column) is not
dropped silently: it is listed in the run summary and in `<curated>/corrections_unapplied.csv`.
"""
from __future__ import annotations

import csv
import io
import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from pipeline.registry import REFERENCE_DIR
from pipeline.schema import PROVENANCE, TABLES

CORRECTIONS_FILE = REFERENCE_DIR / "corrections.csv"
UNAPPLIED_FILE = "corrections_unapplied.csv"
COLUMNS = ["doc_id", "table", "key", "field", "value", "note"]
# The column that tells a document's rows apart, per table; `-` (or empty) for documents: one row per file.
KEYS = {"documents": None, "assessments": "row", "indicator_scores": "indicator", "question_scores": "code",
        "measures": "row"}
# Columns a correction may not change: the row's identity and where the value was printed.
FIXED = {"doc_id", "corrected", *(name for name, _ in PROVENANCE)}
# A document's unit is decided in one place, with the registry: data/reference/unit_overrides.csv (docs/units.md).
UNIT_FIELDS = {"unit_id", "unit_name", "unit_type", "district", "province", "unit_match_score"}


class CorrectionsError(ValueError):
    """The corrections file cannot be read as corrections (its columns are missing)."""


@dataclass(frozen=True)
class Correction:
    doc_id: str
    table: str
    key: str
    field: str
    value: str
    note: str = ""
    line: int = 0  # line in the file (2 = the first after the header)

    def csv_row(self) -> dict:
        return {"doc_id": self.doc_id, "table": self.table, "key": self.key, "field": self.field,
                "value": self.value, "note": self.note}


@dataclass
class CorrectionReport:
    applied: list[Correction] = field(default_factory=list)
    unapplied: list[tuple[Correction, str]] = field(default_factory=list)  # with the reason

    def render(self) -> str:
        text = f"corrections: {len(self.applied)} applied, {len(self.unapplied)} not applied"
        if self.unapplied:
            text += f" (see {UNAPPLIED_FILE})"
        return text


def read_corrections(path: str | os.PathLike = CORRECTIONS_FILE) -> list[Correction]:
    """The corrections in the file (none when it does not exist); a file without the columns is an error."""
    path = Path(path)
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if missing := set(COLUMNS[:5]) - set(reader.fieldnames or []):
            raise CorrectionsError(f"{path} lacks the columns {', '.join(sorted(missing))} (needs {','.join(COLUMNS)})")
        return [Correction(*((row.get(c) or "").strip() for c in COLUMNS[:4]), row.get("value") or "",
                           (row.get("note") or "").strip(), line)
                for line, row in enumerate(reader, start=2) if any((v or "").strip() for v in row.values())]


def correction_line(doc_id: str, table: str, key, field_name: str, value, note: str = "") -> str:
    """One CSV line for corrections.csv that sets this value (what the review page offers to copy)."""
    out = io.StringIO()
    # "\r\n" as the terminator makes the writer quote a value holding either character
    csv.writer(out, lineterminator="\r\n").writerow([doc_id, table, key_text(table, key), field_name,
                                                   format_value(value), note])
    return out.getvalue()[:-2]


def key_text(table: str, key) -> str:
    """A row key as corrections.csv writes it: `-` for documents, `3` (not `3.0`) for a row number."""
    if KEYS.get(table) is None or key is None:
        return "-"
    text = str(key).strip()
    try:
        number = float(text)
    except ValueError:
        return text
    return str(int(number)) if number.is_integer() else text


def format_value(value) -> str:
    """A value as corrections.csv writes it: lists as JSON, dates ISO, null empty."""
    if hasattr(value, "tolist"):  # numpy scalars and arrays, as pandas hands them out
        value = value.tolist()
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # 2568, not 2568.0 (pandas hands out whole numbers with nulls as floats)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def parse_value(text: str, kind: pa.DataType):
    """The typed value of a correction for a column of this Arrow type; ValueError when it does not fit."""
    text = text.strip() if not pa.types.is_string(kind) else text
    if text.strip() == "":
        return None
    if pa.types.is_string(kind):
        return text
    if pa.types.is_integer(kind):
        number = float(text)
        if not number.is_integer():
            raise ValueError(f"{text!r} is not a whole number")
        return int(number)
    if pa.types.is_floating(kind):
        return float(text)
    if pa.types.is_boolean(kind):
        if text.lower() not in ("true", "false", "1", "0"):
            raise ValueError(f"{text!r} is not true/false")
        return text.lower() in ("true", "1")
    if pa.types.is_date(kind):
        return dt.date.fromisoformat(text)
    if pa.types.is_list(kind):
        items = json.loads(text) if text.startswith("[") else [t.strip() for t in text.split(";") if t.strip()]
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ValueError(f"{text!r} is not a list of strings")
        return items
    raise ValueError(f"a column of type {kind} cannot be corrected")


def _target_rows(rows: list[dict], correction: Correction) -> list[dict]:
    key_column = KEYS[correction.table]
    matches = [r for r in rows if r.get("doc_id") == correction.doc_id]
    if key_column is None:
        return matches
    wanted = key_text(correction.table, correction.key)
    return [r for r in matches if key_text(correction.table, r.get(key_column)) == wanted]


def apply_corrections(rows: dict[str, list[dict]], corrections: list[Correction]) -> CorrectionReport:
    """Apply corrections in place to the rows of each table (as pipeline.load.build_rows makes them).

    Targets are found on the values as extracted, before any correction, so a correction of a key column
    (a question code read wrongly) does not change which row another correction reaches. A later line for
    the same value wins; the earlier one is reported as superseded.
    """
    report = CorrectionReport()
    planned: dict[tuple, tuple[Correction, list[dict], object]] = {}
    known_docs = {r["doc_id"] for r in rows.get("documents", []) if r.get("doc_id")}
    for correction in corrections:
        reason, targets, value = _check(rows, correction, known_docs)
        if reason:
            report.unapplied.append((correction, reason))
            continue
        slot = (correction.doc_id, correction.table, correction.key, correction.field)
        if slot in planned:
            report.unapplied.append((planned[slot][0], f"superseded by line {correction.line}"))
        planned[slot] = (correction, targets, value)
    for correction, targets, value in planned.values():
        for row in targets:
            row[correction.field] = value
            row["corrected"] = True
        report.applied.append(correction)
    for table in KEYS:
        for row in rows.get(table, []):
            row.setdefault("corrected", False)
    return report


def _check(rows: dict[str, list[dict]], correction: Correction, known_docs: set[str]):
    """(reason it cannot apply or None, the rows it changes, the typed value)."""
    if correction.table not in KEYS:
        return f"table {correction.table!r} cannot be corrected (one of {', '.join(KEYS)})", [], None
    schema = TABLES[correction.table]
    if correction.field not in schema.names:
        return f"no column {correction.field!r} in {correction.table}", [], None
    if correction.field in FIXED:
        return f"column {correction.field!r} is the row's identity or provenance and is not corrected", [], None
    if correction.field in UNIT_FIELDS:
        return "the unit is set through data/reference/unit_overrides.csv (docs/units.md), not here", [], None
    if correction.doc_id not in known_docs:
        return "no document with this doc_id in the run", [], None
    try:
        value = parse_value(correction.value, schema.field(correction.field).type)
    except (ValueError, TypeError) as exc:
        return f"value does not fit {correction.field} ({schema.field(correction.field).type}): {exc}", [], None
    targets = _target_rows(rows.get(correction.table, []), correction)
    if not targets:
        key = KEYS[correction.table]
        return (f"no {correction.table} row with {key} {correction.key!r} in this document" if key
                else f"no {correction.table} row for this document"), [], None
    return None, targets, value


def write_unapplied(report: CorrectionReport, output_dir: str | os.PathLike) -> Path:
    """Write corrections_unapplied.csv (always, so a stale one never lingers): each line with its reason."""
    path = Path(output_dir) / UNAPPLIED_FILE
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["line", *COLUMNS, "reason"], lineterminator="\n")
        writer.writeheader()
        for correction, reason in sorted(report.unapplied, key=lambda item: item[0].line):
            writer.writerow({"line": correction.line, **correction.csv_row(), "reason": reason})
        handle.flush()
        os.fsync(handle.fileno())
    return path
