"""Load stage: DocumentResults → the six Parquet tables of the data contract, written atomically."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from parsers.records import Provenance
from pipeline.corrections import Correction, CorrectionReport, apply_corrections, write_unapplied
from pipeline.records import DocumentResult, UnitResolution
from pipeline.schema import TABLES


def provenance(source: Provenance | None, page: int | None = None) -> dict:
    """The provenance columns of a fact (all null when the fact has no recorded place)."""
    if source is None:
        return {"page": page, "bbox": None, "source_text": None, "engine": None, "confidence": None}
    x0, top, x1, bottom = source.bbox
    return {"page": source.page, "bbox": {"x0": x0, "top": top, "x1": x1, "bottom": bottom},
            "source_text": source.text, "engine": source.engine or None, "confidence": source.confidence}


def _fields(record) -> dict:
    """A fact record's columns: its own fields, with its provenance spread into the provenance columns."""
    values = {k: v for k, v in vars(record).items() if k != "source"}
    return {**values, **provenance(record.source, values.get("page"))}


def _assessment_row(key: dict, year: dict, assessment, unit: UnitResolution | None, unit_raw: str | None,
                    row: int) -> dict:
    values = _fields(assessment)
    values["unit_raw"] = assessment.unit_raw or unit_raw
    values["row"] = assessment.row or row
    return {**values, **key, "unit_id": unit.unit_id if unit else None,
            "unit_name": (unit.unit_name if unit else None) or None, "unit_type": unit.unit_type if unit else None,
            **year}


def build_rows(results: list[DocumentResult]) -> dict[str, list[dict]]:
    """Rows for every table. Facts come once per distinct document (duplicates share the first's doc_id)."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    units: dict[str, dict] = {}
    for result in sorted(results, key=lambda r: r.source.source_path):
        src, parsed, unit = result.source, result.parsed, result.unit
        unit_id = unit.unit_id if unit else None
        rows["documents"].append({
            "doc_id": src.doc_id or None, "source_path": src.source_path, "status": result.status,
            "error": result.error, "doc_type": parsed.doc_type if parsed else "unknown",
            "doc_type_reason": parsed.doc_type_reason if parsed else None,
            "n_pages": result.n_pages, "ocr_pages": result.ocr_pages,
            "unit_raw": parsed.unit_raw if parsed else None, "unit_id": unit_id,
            "unit_name": unit.unit_name if unit else None, "unit_type": unit.unit_type if unit else None,
            "district": unit.district if unit else None, "province": unit.province if unit else None,
            "unit_match_score": unit.score if unit else None,
            "fiscal_year": parsed.fiscal_year if parsed else None,
            "assessment_year": parsed.assessment_year if parsed else None,
            "warnings": list(result.warnings), "duplicate_of": src.duplicate_of,
            "pipeline_version": result.pipeline_version,
        })
        if parsed is None or src.duplicate_of:
            continue
        if unit_id and unit_id not in units:
            units[unit_id] = {"unit_id": unit_id, "unit_name": unit.unit_name, "unit_type": unit.unit_type,
                              "district": unit.district, "province": unit.province,
                              "registry_code": unit.registry_code}
        key = {"doc_id": src.doc_id, "unit_id": unit_id}
        year = {"assessment_year": parsed.assessment_year}
        if parsed.assessment:
            rows["assessments"].append(_assessment_row(key, year, parsed.assessment, unit, parsed.unit_raw, 1))
        for number, (stated, row_unit) in enumerate(zip(parsed.results, _padded(result.result_units, parsed.results)), 1):
            rows["assessments"].append(_assessment_row(key, year, stated, row_unit, None, number))
        for ind in parsed.indicators:
            rows["indicator_scores"].append({**key, **year, **_fields(ind)})
        for q in parsed.questions:
            rows["question_scores"].append({**key, **year, **_fields(q)})
        for m in parsed.measures:
            rows["measures"].append({**key, "fiscal_year": parsed.fiscal_year, **_fields(m), "codes": list(m.codes)})
        for page in result.pages:
            rows["pages"].append({"doc_id": src.doc_id, **vars(page)})
    rows["units"] = sorted(units.values(), key=lambda u: u["unit_id"])
    return rows


def _padded(units: list[UnitResolution], rows: list) -> list[UnitResolution | None]:
    return list(units) + [None] * (len(rows) - len(units))


STAGING = ".staging"  # tables being written; deleted if a run dies before the commit point
COMMITTED = ".commit"  # a complete new dataset waiting to be moved into place; finished by the next run
MANIFEST = "_manifest.json"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_table(path: Path, table: pa.Table) -> None:
    """Write a Parquet file and flush it to disk before anyone renames it into place."""
    pq.write_table(table, path)
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def recover(output_dir: str | os.PathLike) -> None:
    """Finish or undo a run that was killed while loading, so the dataset is one run's whole output.

    A staging folder is an unfinished write: dropped. A commit folder is a finished, fsynced dataset
    whose files were being moved into place: the moves are completed (each is an atomic rename).
    """
    output = Path(output_dir)
    shutil.rmtree(output / STAGING, ignore_errors=True)
    committed = output / COMMITTED
    if not committed.is_dir():
        return
    names = sorted(p.name for p in committed.iterdir() if p.name != MANIFEST)
    for name in names + ([MANIFEST] if (committed / MANIFEST).exists() else []):
        os.replace(committed / name, output / name)
    _fsync_dir(output)
    committed.rmdir()


def load(results: list[DocumentResult], output_dir: str | os.PathLike, corrections: list[Correction] | None = None,
         input_dir: str | os.PathLike | None = None) -> dict[str, int]:
    """Write all tables as one dataset; returns the row count of each (see `load_dataset`)."""
    return load_dataset(results, output_dir, corrections, input_dir)[0]


def load_dataset(results: list[DocumentResult], output_dir: str | os.PathLike,
                 corrections: list[Correction] | None = None,
                 input_dir: str | os.PathLike | None = None) -> tuple[dict[str, int], CorrectionReport]:
    """Write all tables as one dataset, with the corrections applied; returns the row counts and what the
    corrections did. The manifest records the input folder, so the review site can find the source PDFs.

    All tables and a manifest are written to a staging folder and fsynced; renaming that folder is the
    commit point; then each file is renamed into place. A run killed before the commit point leaves the
    previous dataset untouched; one killed after it is completed by `recover` at the start of the next.
    """
    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    recover(output)
    staging = output / STAGING
    staging.mkdir()
    counts = {}
    all_rows = build_rows(results)
    report = apply_corrections(all_rows, corrections or [])
    write_unapplied(report, staging)
    for name, rows in all_rows.items():
        schema = TABLES[name]
        table = pa.Table.from_pylist([{k: r.get(k) for k in schema.names} for r in rows], schema=schema)
        write_table(staging / f"{name}.parquet", table)
        counts[name] = table.num_rows
    versions = sorted({r.pipeline_version for r in results if r.pipeline_version})
    manifest = {"tables": {name: {"file": f"{name}.parquet", "rows": n} for name, n in counts.items()},
                "pipeline_versions": versions,
                "input": str(Path(input_dir).resolve()) if input_dir is not None else None,
                "corrections": {"applied": len(report.applied), "unapplied": len(report.unapplied)}}
    with open(staging / MANIFEST, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    _fsync_dir(staging)
    os.replace(staging, output / COMMITTED)  # commit point
    _fsync_dir(output)
    recover(output)
    return counts, report
