"""A small synthetic curated dataset (contract schema) whose comparison figures are known by construction."""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schema import TABLES

PROVINCE = "ปัตตานี"
OTHER_PROVINCE = "ยะลา"
YEAR = 2567
NAMES = {i: f"ชื่อตัวชี้วัด {i}" for i in range(1, 11)}
TOOLS = {**{i: "IIT" for i in range(1, 6)}, **{i: "EIT" for i in range(6, 9)}, 9: "OIT", 10: "OIT"}

# unit_id → (name, indicator scores 1..10 for YEAR); the lowest three are chosen to be unambiguous.
UNITS = {
    "9000001": ("องค์การบริหารส่วนตำบลหนึ่ง", [90, 80, 70, 95, 96, 97, 98, 99, 60, 91]),  # weakest 9, 3, 2
    "9000002": ("เทศบาลตำบลสอง", [50, 99, 98, 97, 96, 95, 94, 93, 92, 40]),  # weakest 10, 1, 9
    "9000003": ("เทศบาลเมืองสาม", [85, 86, 87, 88, 89, 70, 71, 72, 90, 91]),  # weakest 6, 7, 8
}
OVERALL = {"9000001": 85.5, "9000002": 91.25, "9000003": 78.0, "9000004": 88.0}
LEVEL = {"9000001": "ผ่าน", "9000002": "ผ่านดี", "9000003": "ต้องปรับปรุง", "9000004": "ผ่าน"}
REGISTRY = [("9000001", UNITS["9000001"][0]), ("9000002", UNITS["9000002"][0]), ("9000003", UNITS["9000003"][0]),
            ("9000004", "องค์การบริหารส่วนตำบลสี่"), ("9000005", "องค์การบริหารส่วนตำบลห้า")]
# question code → indicator, as the year's catalog would say
CATALOG = {"i5": 1, "i10": 3, "i8": 2, "e1": 6, "o5": 9, "o40": 10}


def _doc(doc_id, unit_id, name, doc_type, fiscal, assessment, province=PROVINCE, **extra):
    return {"doc_id": doc_id, "source_path": f"{doc_id}.pdf", "status": "ok", "doc_type": doc_type,
            "n_pages": 3, "ocr_pages": 0, "unit_raw": name, "unit_id": unit_id, "unit_name": name if unit_id else None,
            "province": province, "fiscal_year": fiscal, "assessment_year": assessment, "warnings": [], **extra}


def rows() -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    docs = tables["documents"]
    for n, (unit_id, (name, scores)) in enumerate(UNITS.items(), start=1):
        doc_id = f"d{n}"
        docs.append(_doc(doc_id, unit_id, name, "development_plan", YEAR, YEAR))
        tables["assessments"].append({"doc_id": doc_id, "unit_id": unit_id, "assessment_year": YEAR,
                                      "overall_score": OVERALL[unit_id], "level": LEVEL[unit_id]})
        for indicator, score in enumerate(scores, start=1):
            tables["indicator_scores"].append({"doc_id": doc_id, "unit_id": unit_id, "assessment_year": YEAR,
                                               "indicator": indicator, "indicator_name": NAMES[indicator],
                                               "tool": TOOLS[indicator], "score": float(score)})
    # unit 4: a measures document with an overall score only, in a year with no indicator scores
    docs.append(_doc("d4", "9000004", REGISTRY[3][1], "measures", YEAR, YEAR))
    tables["assessments"].append({"doc_id": "d4", "unit_id": "9000004", "assessment_year": YEAR,
                                  "overall_score": OVERALL["9000004"], "level": LEVEL["9000004"]})
    # unit 1 last year, and a second 2567 document for unit 1 with a conflicting overall and no indicators:
    # the document with more scores must win
    docs.append(_doc("d5", "9000001", UNITS["9000001"][0], "measures", YEAR - 1, YEAR - 1))
    tables["assessments"].append({"doc_id": "d5", "unit_id": "9000001", "assessment_year": YEAR - 1,
                                  "overall_score": 80.0, "level": "B"})
    docs.append(_doc("d6", "9000001", UNITS["9000001"][0], "measures", YEAR, YEAR))
    tables["assessments"].append({"doc_id": "d6", "unit_id": "9000001", "assessment_year": YEAR,
                                  "overall_score": 11.0, "level": None})
    # measures: unit 1 covers 9 (code o5) and 3 (indicator column) but not 2; unit 2 covers 10 and 1, not 9
    measure = {"unit_id": "9000001", "doc_id": "d6", "fiscal_year": YEAR, "page": 2}
    tables["measures"] += [
        {**measure, "row": 1, "measure": "เปิดเผยข้อมูล", "codes": ["o5"]},
        {**measure, "row": 2, "measure": "ใช้อำนาจอย่างเป็นธรรม", "indicator": 3, "codes": []},
        {**measure, "row": 3, "measure": "รหัสที่ไม่รู้จัก", "codes": ["x9"]},
    ]
    measure = {"unit_id": "9000002", "doc_id": "d2", "fiscal_year": YEAR + 1, "page": 5}
    tables["measures"] += [
        {**measure, "row": 1, "measure": "ป้องกันการทุจริต", "codes": ["o40", "i5"]},
        {**measure, "row": 2, "measure": "ปรับปรุงการทำงาน", "indicator": 8, "codes": []},
        # a measure of an older plan does not count for YEAR
        {**measure, "row": 3, "fiscal_year": YEAR - 3, "measure": "แผนเก่า", "codes": ["e1"]},
    ]
    # question scores: i8 is the weakest question (median of 40, 60 = 50)
    for doc_id, unit_id, scores in (("d1", "9000001", {"i8": 60.0, "e1": 95.0, "o5": 70.0}),
                                    ("d2", "9000002", {"i8": 40.0, "e1": 85.0, "o5": 100.0})):
        for code, score in scores.items():
            tables["question_scores"].append({"doc_id": doc_id, "unit_id": unit_id, "assessment_year": YEAR,
                                              "code": code, "tool": {"i": "IIT", "e": "EIT", "o": "OIT"}[code[0]],
                                              "indicator": CATALOG[code], "score": score, "text": f"คำถาม {code}"})
    # another province, another year: must never leak into the report
    docs.append(_doc("d9", "9100001", "เทศบาลตำบลอื่น", "development_plan", 2566, 2566, province=OTHER_PROVINCE))
    tables["assessments"].append({"doc_id": "d9", "unit_id": "9100001", "assessment_year": 2566,
                                  "overall_score": 99.0, "level": "AA"})
    # a document whose unit is not resolved, and a duplicate file
    docs.append(_doc("d7", None, "อบต.ไม่รู้จัก", "measures_report", YEAR, None, province=None))
    docs.append(_doc("d1", "9000001", UNITS["9000001"][0], "development_plan", YEAR, YEAR, duplicate_of="d1.pdf"))
    return tables


def write_curated(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in TABLES.items():
        table = pa.Table.from_pylist([{k: r.get(k) for k in schema.names} for r in rows()[name]], schema=schema)
        pq.write_table(table, folder / f"{name}.parquet")
    return folder
