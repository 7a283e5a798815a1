"""Field-by-field comparison of a curated dataset with a variety corpus's truth, per document.

The fields and their rules are those of tools/score.py (vendored as tests/support/score.py), kept per
document so a test can aggregate them by variant, renderer or font, plus what score.py does not read:
budget, follow-up, output and outcome, and the rows themselves for comparing renderers.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path, PurePath

import pandas as pd
from rapidfuzz import fuzz

from tests.support.score import close, norm

Tally = dict[str, list[int]]  # field -> [right, total]


def _add(tally: Tally, key: str, good) -> None:
    cell = tally.setdefault(key, [0, 0])
    cell[0] += int(bool(good))
    cell[1] += 1


def _absent(value) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def _number(tally: Tally, key: str, got, want) -> None:
    _add(tally, key, close(got, want))
    _add(tally, "numbers_not_wrong", _absent(got) or close(got, want))


def _text(value) -> str:
    return "" if _absent(value) else str(value)


def load_truths(corpus: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((corpus / "truth").glob("*.json"))]


def _table(curated: Path, name: str) -> pd.DataFrame:
    path = curated / f"{name}.parquet"
    return pd.read_parquet(path) if path.exists() else pd.DataFrame()


def check(corpus: Path, curated: Path) -> dict[str, dict]:
    """file -> {"fields": Tally, "rows": [extracted measure rows, normalised], "truth": truth}."""
    docs = _table(curated, "documents")
    docs["file"] = docs["source_path"].map(lambda s: PurePath(str(s)).name)
    tables = {n: _table(curated, n) for n in ("assessments", "indicator_scores", "question_scores", "measures")}
    out = {}
    for t in load_truths(corpus):
        tally: Tally = {}
        rows_out: list[tuple] = []
        d = docs[docs["file"] == t["file"]]
        _add(tally, "listed", len(d) == 1)
        if len(d) == 1:
            rows_out = _document(tally, t, d.iloc[0], tables)
        out[t["file"]] = {"fields": tally, "rows": rows_out, "truth": t}
    return out


def _of(table: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    return table[table["doc_id"] == doc_id] if not table.empty else table


def _document(tally: Tally, t: dict, d, tables: dict[str, pd.DataFrame]) -> list[tuple]:
    doc_id = d["doc_id"]
    _add(tally, "status_ok", d.get("status") in ("ok", "partial"))
    _add(tally, "doc_type", d.get("doc_type") == t["doc_type"])
    _add(tally, "fiscal_year", d.get("fiscal_year") == t["fiscal_year"])
    unit = t["unit"]
    _add(tally, "unit_name", norm(d.get("unit_name")) == norm(unit["name"]))
    _add(tally, "unit_district", norm(d.get("district")) == norm(unit["district"]))
    _add(tally, "unit_province", norm(d.get("province")) == norm(unit["province"]))
    if t.get("assessment"):
        _add(tally, "assessment_year", d.get("assessment_year") == t["assessment_year"])
        rows = _of(tables["assessments"], doc_id)
        r = rows.iloc[0] if len(rows) else {}
        for key, want in t["assessment"].items():
            got = r.get(key) if len(rows) else None
            if key == "level":
                _add(tally, "level", norm(got) == norm(want))
            else:
                _number(tally, "scores", got, want)
        # a tool score where the document printed none is a number nobody printed (variety11: an indicator's score
        # taken for OIT's across a page break), wrong whatever its value
        for key in ("iit", "eit", "eit_part1", "eit_part2", "oit"):
            if key not in t["assessment"] and len(rows) and not _absent(r.get(key)):
                _add(tally, "numbers_not_wrong", False)
    if t["indicator_scores"]:
        rows = _of(tables["indicator_scores"], doc_id)
        got = {int(r["indicator"]): r["score"] for _, r in rows.iterrows()}
        for key, want in t["indicator_scores"].items():
            _number(tally, "indicator_scores", got.get(int(key)), want)
    if t["question_scores"]:
        rows = _of(tables["question_scores"], doc_id)
        got = {str(r["code"]): r["score"] for _, r in rows.iterrows()}
        for key, want in t["question_scores"].items():
            _number(tally, "question_recall", got.get(key), want)
        for key, value in got.items():
            _add(tally, "question_precision", close(t["question_scores"].get(key), value))
    if t["measures"] is None:
        return []
    rows = _of(tables["measures"], doc_id).to_dict("records")
    used: set[int] = set()
    for tm in t["measures"]:
        best, index = 0, None
        for i, pm in enumerate(rows):
            if i not in used and (score := fuzz.ratio(norm(pm.get("measure")), norm(tm["measure"]))) > best:
                best, index = score, i
        hit = index is not None and best >= 90
        _add(tally, "measure_recall", hit)
        if not hit:
            continue
        used.add(index)
        _measure(tally, tm, rows[index])
    for i in range(len(rows)):
        _add(tally, "measure_precision", i in used)  # a row matching no true measure is a fragment
    return [_row(pm) for pm in rows]


def _measure(tally: Tally, tm: dict, pm: dict) -> None:
    _add(tally, "measure_text_exact", norm(pm.get("measure")) == norm(tm["measure"]))
    codes = pm.get("codes")
    _add(tally, "measure_codes", sorted(str(c) for c in (codes if codes is not None else [])) == sorted(tm["codes"]))
    _add(tally, "measure_responsible", norm(pm.get("responsible")) == norm(tm["responsible"]))
    _add(tally, "measure_method", fuzz.ratio(norm(pm.get("method")), norm(tm["method"])) >= 95)
    start, end = pm.get("period_start"), pm.get("period_end")
    _add(tally, "measure_period", str(start)[:10] == tm["period_start"] and str(end)[:10] == tm["period_end"])
    if tm.get("indicator"):
        _add(tally, "measure_indicator", pm.get("indicator") == tm["indicator"])
    if tm.get("section"):
        _add(tally, "measure_section", norm(pm.get("section")) == norm(tm["section"]))
    for key in ("follow_up", "output", "outcome"):
        if tm.get(key):
            _add(tally, f"measure_{key}", fuzz.ratio(norm(pm.get(key)), norm(tm[key])) >= 95)
    if tm.get("budget") is not None:
        _number(tally, "measure_budget", pm.get("budget"), tm["budget"])


def _row(pm: dict) -> tuple:
    """What must not depend on the printer: the measure, its responsible, its period."""
    return (norm(pm.get("measure")), norm(pm.get("responsible")), str(pm.get("period_start"))[:10],
            str(pm.get("period_end"))[:10], tuple(sorted(str(c) for c in (pm.get("codes") if pm.get("codes") is not None else []))))


def aggregate(results: dict[str, dict], files) -> dict[str, tuple[int, int]]:
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in files:
        for key, (ok, n) in results[f]["fields"].items():
            total[key][0] += ok
            total[key][1] += n
    return {k: (ok, n) for k, (ok, n) in sorted(total.items())}


def failing(fields: dict[str, tuple[int, int]], minimum: float) -> dict[str, str]:
    """Fields below the minimum (fragments and wrong numbers: below 1.0), as `ok/n`."""
    bad = {}
    for key, (ok, n) in fields.items():
        need = 1.0 if key in ("measure_precision", "numbers_not_wrong", "listed", "status_ok") else minimum
        if n and ok / n < need:
            bad[key] = f"{ok}/{n}"
    return bad
