"""Load stage: DocumentResults → the six Parquet tables of the data contract, written atomically."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.records import DocumentResult
from pipeline.schema import TABLES


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
            rows["assessments"].append({**key, **year, **vars(parsed.assessment)})
        for ind in parsed.indicators:
            rows["indicator_scores"].append({**key, **year, **vars(ind)})
        for q in parsed.questions:
            rows["question_scores"].append({**key, **year, **vars(q)})
        for m in parsed.measures:
            rows["measures"].append({**key, "fiscal_year": parsed.fiscal_year, **vars(m), "codes": list(m.codes)})
    rows["units"] = sorted(units.values(), key=lambda u: u["unit_id"])
    return rows


def write_table(path: Path, table: pa.Table) -> None:
    """Write aside, fsync, then rename: a reader (or a crash) never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(results: list[DocumentResult], output_dir: str | os.PathLike) -> dict[str, int]:
    """Write all tables; returns the row count of each."""
    output = Path(output_dir)
    counts = {}
    for name, rows in build_rows(results).items():
        schema = TABLES[name]
        table = pa.Table.from_pylist([{k: r.get(k) for k in schema.names} for r in rows], schema=schema)
        write_table(output / f"{name}.parquet", table)
        counts[name] = table.num_rows
    return counts
