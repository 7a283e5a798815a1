#!/usr/bin/env python3
# Vendored copy of shared/tools/score.py (the project's field-by-field scorer) so the end-to-end test runs
# on a machine without shared/. Keep in sync with the original; do not edit the logic here.
"""Score a curated dataset against a corpus's ground truth.

usage: score.py CORPUS_DIR CURATED_DIR [--json OUT] [--only-scanned | --no-scanned]
Reads CURATED_DIR/<table>.parquet (file or dataset folder) for documents, assessments,
indicator_scores, question_scores, measures; joins on the file name of source_path.
"""
import argparse
import json
import pathlib
import re
import sys
import unicodedata

import pandas as pd
from rapidfuzz import fuzz

AR = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def norm(s):
    if s is None or (isinstance(s, float) and pd.isna(s)):
        return ""
    s = unicodedata.normalize("NFC", str(s)).translate(AR)
    return re.sub(r"\s+", "", s)


def table(cur, name):
    p = cur / f"{name}.parquet"
    if not p.exists():
        return pd.DataFrame()
    return pd.read_parquet(p)


def close(a, b):
    try:
        return a is not None and b is not None and not pd.isna(a) and abs(float(a) - float(b)) <= 0.006
    except (TypeError, ValueError):
        return False


class Tally:
    def __init__(self):
        self.ok, self.n = {}, {}

    def add(self, key, good):
        self.n[key] = self.n.get(key, 0) + 1
        self.ok[key] = self.ok.get(key, 0) + int(bool(good))

    def rate(self, key):
        return self.ok.get(key, 0) / self.n[key] if self.n.get(key) else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("curated")
    ap.add_argument("--json")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--only-scanned", action="store_true")
    g.add_argument("--no-scanned", action="store_true")
    a = ap.parse_args()
    corpus, cur = pathlib.Path(a.corpus), pathlib.Path(a.curated)
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((corpus / "truth").glob("*.json"))]
    if a.only_scanned:
        truths = [t for t in truths if t["scanned"]]
    if a.no_scanned:
        truths = [t for t in truths if not t["scanned"]]
    docs = table(cur, "documents")
    if docs.empty:
        print("no documents table")
        sys.exit(1)
    docs["file"] = docs["source_path"].map(lambda s: pathlib.PurePath(str(s)).name)
    ass, ind, qs, ms = (table(cur, n) for n in ("assessments", "indicator_scores", "question_scores", "measures"))
    T = Tally()
    for t in truths:
        d = docs[docs["file"] == t["file"]]
        T.add("listed", len(d) == 1)
        if len(d) != 1:
            continue
        d = d.iloc[0]
        doc_id = d["doc_id"]
        T.add("status_ok", d.get("status") in ("ok", "partial"))
        T.add("doc_type", d.get("doc_type") == t["doc_type"])
        T.add("fiscal_year", d.get("fiscal_year") == t["fiscal_year"])
        u = t["unit"]
        T.add("unit_name", norm(d.get("unit_name")) == norm(u["name"]))
        T.add("unit_province", norm(d.get("province")) == norm(u["province"]))
        if u.get("district"):
            T.add("unit_district", norm(d.get("district")) == norm(u["district"]))
        if t.get("assessment"):
            T.add("assessment_year", d.get("assessment_year") == t["assessment_year"])
            row = ass[ass["doc_id"] == doc_id] if not ass.empty else ass
            r = row.iloc[0] if len(row) else {}
            for k, v in t["assessment"].items():
                if v is None:
                    continue
                got = r.get(k) if len(row) else None
                T.add("level" if k == "level" else "scores", (norm(got) == norm(v)) if k == "level" else close(got, v))
        if t["indicator_scores"]:
            rows = ind[ind["doc_id"] == doc_id] if not ind.empty else ind
            got = {int(r["indicator"]): r["score"] for _, r in rows.iterrows()} if len(rows) else {}
            for k, v in t["indicator_scores"].items():
                T.add("indicator_scores", close(got.get(int(k)), v))
        if t["question_scores"]:
            rows = qs[qs["doc_id"] == doc_id] if not qs.empty else qs
            got = {str(r["code"]): r["score"] for _, r in rows.iterrows()} if len(rows) else {}
            for k, v in t["question_scores"].items():
                T.add("question_recall", close(got.get(k), v))
            for k, v in got.items():
                T.add("question_precision", close(t["question_scores"].get(k), v))
        if t["measures"] is not None:
            rows = ms[ms["doc_id"] == doc_id].to_dict("records") if not ms.empty else []
            used = set()
            for tm in t["measures"]:
                best, bi = 0, None
                for i, pm in enumerate(rows):
                    if i in used:
                        continue
                    s = fuzz.ratio(norm(pm.get("measure")), norm(tm["measure"]))
                    if s > best:
                        best, bi = s, i
                hit = bi is not None and best >= 90
                T.add("measure_recall", hit)
                if not hit:
                    continue
                used.add(bi)
                pm = rows[bi]
                T.add("measure_text_exact", norm(pm.get("measure")) == norm(tm["measure"]))
                codes = pm.get("codes")
                codes = [str(c) for c in codes] if codes is not None else []
                T.add("measure_codes", sorted(codes) == sorted(tm["codes"]))
                T.add("measure_responsible", norm(pm.get("responsible")) == norm(tm["responsible"]))
                T.add("measure_method", fuzz.ratio(norm(pm.get("method")), norm(tm["method"])) >= 95)
                ps, pe = pm.get("period_start"), pm.get("period_end")
                T.add("measure_period", str(ps)[:10] == tm["period_start"] and str(pe)[:10] == tm["period_end"])
                if tm.get("indicator"):
                    T.add("measure_indicator", pm.get("indicator") == tm["indicator"])
            for i in range(len(rows)):
                T.add("measure_precision", i in used)
    out = {k: round(T.rate(k), 4) for k in T.n}
    out["documents"] = len(truths)
    for k in sorted(T.n):
        print(f"{k:22s} {T.ok[k]:5d}/{T.n[k]:<5d} {T.rate(k):.3f}")
    if a.json:
        pathlib.Path(a.json).write_text(json.dumps(out, indent=1))
    keys = [k for k in T.n if k != "listed"]
    overall = sum(T.rate(k) for k in keys) / len(keys) if keys else 0
    print(f"mean field accuracy {overall:.3f} over {len(truths)} documents")


if __name__ == "__main__":
    main()
