"""Publish the curated tables as a Frictionless Data Package, ready for an open-data portal (CKAN, data.go.th).

`python -m pipeline publish --curated data/curated --output publish` writes `datapackage.json` (a Table Schema
per table: types, descriptions from the data contract, primary and foreign keys), each table as UTF-8 CSV
(`csv/<table>.csv`) and as Parquet (`parquet/<table>.parquet`, nested columns kept), and a README of the
dataset. In the CSV, `bbox` becomes four number columns (`bbox_x0`, `bbox_top`, `bbox_x1`, `bbox_bottom`) and
list columns (`warnings`, `codes`) are JSON arrays (Table Schema type `array`). See docs/review.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import shutil
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from pipeline.schema import TABLES

NAME = "thai-ita-documents"
TITLE = "Thai ITA documents: integrity measures, scores and their sources"
TABLE_DESCRIPTIONS = {
    "documents": "One row per input file, failures included: status, type, unit, years, validation warnings.",
    "assessments": "A unit's ITA results as a document states them (many rows for a results announcement).",
    "indicator_scores": "Score of each of the ten ITA indicators a document states.",
    "question_scores": "Score of each ITA question (i1…, e1…, o1…) a document states.",
    "measures": "One row per measure / project / activity row of a document's tables.",
    "units": "The registry units that documents matched.",
    "pages": "Every page of every document read (failed ones excepted): its text as repaired, for full-text search.",
}
# Column descriptions from the data contract (README "Data contract"); a table's own entry wins.
COLUMNS = {
    "doc_id": "sha256 hex of the source file's bytes; the key of a document's facts",
    "source_path": "path of the file relative to the input folder",
    "status": "ok, partial (read, but a check failed or pages were unreadable: see warnings) or failed (see error)",
    "error": "why the document failed, in one line",
    "doc_type": "measures, measures_report, development_plan, analysis, results_announcement or unknown",
    "doc_type_reason": "why the type is unknown (or how it was decided)",
    "n_pages": "pages in the file", "ocr_pages": "pages read with OCR",
    "unit_raw": "the unit as the document writes it",
    "unit_id": "the unit's id in the registry (DLA code for local governments, PROV-<code> for provinces); "
               "empty if unresolved",
    "unit_name": "canonical full name of the unit", "unit_type": "type of the unit",
    "district": "district of the unit, without the อำเภอ prefix", "province": "province, without the จังหวัด prefix",
    "unit_match_score": "confidence of the unit match, 0-1",
    "fiscal_year": "the ปีงบประมาณ (Buddhist Era) in the document's title",
    "assessment_year": "the ITA year (Buddhist Era) whose results the document reports",
    "warnings": "validation flags, as a JSON array of strings",
    "duplicate_of": "for a file whose bytes equal an earlier file's: that file's source_path (facts stored once)",
    "pipeline_version": "version of the code and reference data that produced the row",
    "corrected": "a value of this row was set by a person's correction (data/reference/corrections.csv)",
    "row": "order of the row in the document (1-based)", "rank": "rank as printed in a results announcement",
    "overall_score": "overall ITA score, 0-100",
    "level": "AA…F up to 2566; ผ่านดีเยี่ยม, ผ่านดี, ผ่าน, ต้องปรับปรุง, ต้องปรับปรุงโดยด่วน from 2567",
    "iit": "IIT score, 0-100", "eit": "EIT score, 0-100", "eit_part1": "EIT part 1 score, 0-100",
    "eit_part2": "EIT part 2 score, 0-100", "oit": "OIT score, 0-100",
    "iit_points": "IIT weighted points as printed", "eit_points": "EIT weighted points as printed",
    "eit_part1_points": "EIT part 1 weighted points", "eit_part2_points": "EIT part 2 weighted points",
    "oit_points": "OIT weighted points as printed",
    "indicator": "ITA indicator number, 1-10", "indicator_name": "canonical indicator name",
    "tool": "IIT, EIT or OIT", "score": "score, 0-100",
    "code": "canonical question code (i13, e1, o34)", "text": "the question as printed",
    "code_corrected": "the printed question code was recovered from the question text",
    "section": "the numbered heading the measure sits under", "codes": "question codes, as a JSON array",
    "measure": "the measure, without code prefix and list number", "method": "how it is carried out",
    "responsible": "who is responsible", "period_text": "the period as printed",
    "period_start": "first day of the period", "period_end": "last day of the period",
    "budget": "budget in baht, where a column states it (ไม่ใช้งบประมาณ is 0)",
    "follow_up": "follow-up as printed", "output": "output (ผลผลิต) as printed", "outcome": "outcome (ผลลัพธ์)",
    "page": "1-based page the value was printed on",
    "bbox_x0": "left edge of the printed value's box, PDF points from the page's left",
    "bbox_top": "top edge of the box, PDF points from the page's top",
    "bbox_x1": "right edge of the box, PDF points", "bbox_bottom": "bottom edge of the box, PDF points",
    "source_text": "the printed text the value was read from, as extracted (before normalisation)",
    "engine": "what read it: pdfium, pdfplumber, tesseract (OCR) or template (digit templates on scans)",
    "confidence": "confidence of the reading, 0-1 (1.0 for a clean text layer)",
    "registry_code": "the unit's code in the source registry",
}
TABLE_COLUMNS = {
    "measures": {"page": "1-based page the measure row starts on"},
    "pages": {"page": "1-based page number", "text": "the page's text as repaired (Thai repaired, NFC)",
              "engine": "what read the page's text: pdfium, pdfplumber, tesseract or mixed",
              "ocr": "the page was read with OCR", "quality": "text-quality score of the page, 0-1"},
    "units": {"unit_name": "canonical full name", "unit_type": "type of the unit"},
}
PRIMARY_KEYS = {
    "documents": ["source_path"], "assessments": ["doc_id", "row"], "indicator_scores": ["doc_id", "indicator"],
    "question_scores": ["doc_id", "code"], "measures": ["doc_id", "row"], "units": ["unit_id"],
    "pages": ["doc_id", "page"],
}
CONSTRAINTS = {
    "status": {"enum": ["ok", "partial", "failed"]}, "tool": {"enum": ["IIT", "EIT", "OIT"]},
    "confidence": {"minimum": 0, "maximum": 1}, "indicator": {"minimum": 1, "maximum": 10},
    "unit_match_score": {"minimum": 0, "maximum": 1},
}


def _field_type(kind: pa.DataType) -> str:
    if pa.types.is_integer(kind):
        return "integer"
    if pa.types.is_floating(kind):
        return "number"
    if pa.types.is_boolean(kind):
        return "boolean"
    if pa.types.is_date(kind):
        return "date"
    if pa.types.is_list(kind):
        return "array"
    return "string"


def flat_schema(schema: pa.Schema) -> list[tuple[str, pa.DataType]]:
    """The CSV's columns: a struct column becomes one column per member (`bbox` → `bbox_x0`, …)."""
    columns = []
    for f in schema:
        if pa.types.is_struct(f.type):
            columns += [(f"{f.name}_{member.name}", member.type) for member in f.type]
        else:
            columns.append((f.name, f.type))
    return columns


def flat_table(table: pa.Table) -> pa.Table:
    """The table as CSV can hold it: structs flattened, lists JSON-encoded (null stays null)."""
    arrays, names = [], []
    for f, column in zip(table.schema, table.columns):
        if pa.types.is_struct(f.type):
            combined = column.combine_chunks()
            for i, member in enumerate(f.type):
                child = combined.field(i)
                arrays.append(pa.array([v if valid else None for v, valid in
                                        zip(child.to_pylist(), combined.is_valid().to_pylist())], member.type))
                names.append(f"{f.name}_{member.name}")
        elif pa.types.is_list(f.type):
            arrays.append(pa.array([None if v is None else json.dumps(v, ensure_ascii=False)
                                    for v in column.to_pylist()], pa.string()))
            names.append(f.name)
        else:
            arrays.append(column)
            names.append(f.name)
    return pa.table(arrays, names=names)


def table_schema(name: str) -> dict:
    fields = []
    for column, kind in flat_schema(TABLES[name]):
        described = TABLE_COLUMNS.get(name, {}).get(column) or COLUMNS.get(column, "")
        entry = {"name": column, "type": _field_type(kind), "description": described}
        if pa.types.is_floating(kind):
            entry["decimalChar"] = "."
        constraints = dict(CONSTRAINTS.get(column, {}))
        if column in PRIMARY_KEYS[name]:
            constraints["required"] = True
        if constraints:
            entry["constraints"] = constraints
        fields.append(entry)
    schema = {"fields": fields, "primaryKey": PRIMARY_KEYS[name], "missingValues": [""]}
    foreign = []
    if name not in ("documents", "units"):
        foreign.append({"fields": "doc_id", "reference": {"resource": "documents", "fields": "doc_id"}})
    if name != "units" and "unit_id" in TABLES[name].names:
        foreign.append({"fields": "unit_id", "reference": {"resource": "units", "fields": "unit_id"}})
    if foreign:
        schema["foreignKeys"] = foreign
    return schema


def _file_facts(path: Path) -> dict:
    data = path.read_bytes()
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def publish(curated: str | Path, output: str | Path) -> dict[str, int]:
    """Write the data package; returns the rows of each table."""
    curated, output = Path(curated), Path(output)
    for folder in ("csv", "parquet"):
        shutil.rmtree(output / folder, ignore_errors=True)
        (output / folder).mkdir(parents=True)
    resources, counts = [], {}
    for name, schema in TABLES.items():
        source = curated / f"{name}.parquet"
        table = pq.read_table(source, schema=schema) if source.exists() else schema.empty_table()
        counts[name] = table.num_rows
        pq.write_table(table, output / "parquet" / f"{name}.parquet")
        pacsv.write_csv(flat_table(table), output / "csv" / f"{name}.csv",
                        pacsv.WriteOptions(quoting_style="needed"))
        resources.append({
            "name": name, "path": f"csv/{name}.csv", "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "title": name, "description": TABLE_DESCRIPTIONS[name],
            **_file_facts(output / "csv" / f"{name}.csv"), "schema": table_schema(name),
        })
        resources.append({
            "name": f"{name}-parquet", "path": f"parquet/{name}.parquet", "type": "file", "format": "parquet",
            "mediatype": "application/vnd.apache.parquet", "title": f"{name} (Parquet)",
            "description": TABLE_DESCRIPTIONS[name] + " Parquet, with bbox as a struct and lists as lists.",
            **_file_facts(output / "parquet" / f"{name}.parquet"),
        })
    manifest = {}
    if (curated / "_manifest.json").exists():
        manifest = json.loads((curated / "_manifest.json").read_text(encoding="utf-8"))
    package = {
        "profile": "data-package", "name": NAME, "title": TITLE,
        "description": "Facts read from the PDFs Thai public units publish for the Integrity and Transparency "
                       "Assessment (ITA), each value with the page and box it was printed in. See README.md.",
        "version": ",".join(manifest.get("pipeline_versions") or []) or None,
        "created": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "keywords": ["ITA", "integrity", "transparency", "Thailand", "local government"],
        "resources": resources,
    }
    package = {k: v for k, v in package.items() if v is not None}
    (output / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")
    (output / "README.md").write_text(dataset_readme(counts), encoding="utf-8")
    return counts


def dataset_readme(counts: dict[str, int]) -> str:
    lines = [f"# {TITLE}", "",
             "Facts read automatically from the ITA documents Thai public units publish (integrity measures, "
             "reports on them, analyses of their scores, development plans, results announcements). Each value "
             "carries where it was printed (`page`, `bbox_*` in PDF points, top-left origin), the text it was read "
             "from (`source_text`), what read it (`engine`) and a `confidence`; `corrected` marks values a person "
             "corrected. Check a value against its source document before quoting it.", "",
             "Files: `datapackage.json` (Frictionless Data Package: a Table Schema per table with types, "
             "descriptions, primary and foreign keys), `csv/<table>.csv` (UTF-8, no BOM; empty cell = null; lists "
             "as JSON arrays; `bbox` as four columns) and `parquet/<table>.parquet` (the same rows, `bbox` a struct, "
             "lists as lists).", "",
             "Strings are Unicode NFC with Thai text repaired and Thai digits converted to Arabic digits; years are "
             "Buddhist Era integers; a document's facts are keyed by `doc_id` (sha256 of the file's bytes).", "",
             "| table | rows | primary key | what |", "|---|---|---|---|"]
    for name, n in counts.items():
        lines.append(f"| `{name}` | {n} | {', '.join(PRIMARY_KEYS[name])} | {TABLE_DESCRIPTIONS[name]} |")
    lines += ["", "## Columns", ""]
    for name in TABLES:
        lines.append(f"### `{name}`")
        lines += [f"- `{f['name']}` ({f['type']}): {f['description']}" for f in table_schema(name)["fields"]]
        lines.append("")
    lines += ["Validate with `frictionless validate datapackage.json`.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline publish", description=__doc__.splitlines()[0])
    parser.add_argument("--curated", default="data/curated", help="folder of the curated tables (default: data/curated)")
    parser.add_argument("--output", default="publish", help="folder for the data package (default: publish)")
    args = parser.parse_args(argv)
    if not (Path(args.curated) / "documents.parquet").exists():
        print(f"error: no curated tables in {args.curated!r}; run `make extract` first", file=sys.stderr)
        return 2
    counts = publish(args.curated, args.output)
    print(f"data package: {Path(args.output) / 'datapackage.json'} ("
          + ", ".join(f"{k} {v}" for k, v in counts.items()) + ")")
    return 0
