"""Provincial comparison report: how one province's units compare in one assessment year, and where they are weak.

`python -m pipeline compare --province ปัตตานี [--year 2567] --curated data/curated --reports reports` reads the
curated tables and writes `reports/compare-<province>-<year>.html` (self-contained, offline, Thai font embedded)
plus the comparison table as `.csv` and `.parquet`. How each figure is computed is in docs/compare.md.
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import html
import re
import string
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import pyarrow.parquet as pq
from plotly.offline import get_plotlyjs

from normalizers import catalog
from pipeline import registry
from pipeline.html_safe import inside, safe_stem
from pipeline.schema import TABLES

ASSETS = Path(__file__).resolve().parent / "report_assets"
INDICATORS = range(1, 11)
FONT_FAMILY = "ReportThai"
SCORE_FIELDS = ["overall_score", "level", "iit", "eit", "eit_part1", "eit_part2", "oit"]
# Long unit-type prefixes and their usual abbreviations, so unit names fit on a phone's chart axis.
SHORT_PREFIXES = [
    ("องค์การบริหารส่วนตำบล", "อบต."), ("องค์การบริหารส่วนจังหวัด", "อบจ."), ("เทศบาลตำบล", "ทต."),
    ("เทศบาลเมือง", "ทม."), ("เทศบาลนคร", "ทน."),
]
TABLE_COLUMNS = [
    "province", "assessment_year", "rank", "unit_id", "unit_name", "unit_type", "district", *SCORE_FIELDS,
    *(f"ind_{i}" for i in INDICATORS), "n_documents", "n_measures", "weakest_indicators", "measure_indicators",
    "weak_without_measure", "previous_year", "previous_overall", "overall_change",
]
NOTHING_TO_DRAW = "ยังไม่มีคะแนนในข้อมูลของปีนี้"
# Document types that report on measures and carry no scores by design: not flagged as missing scores.
REPORTS_WITHOUT_SCORES = {"measures_report"}
PROVINCE_PREFIX = re.compile(r"^\s*(จังหวัด|จ\s*\.|changwat\b|province of\b)\s*", re.IGNORECASE)


class NoData(Exception):
    """The province or year asked for has no data; the message lists what is available."""


# ---------------------------------------------------------------- reading the curated tables
def load_tables(curated_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Every contract table as a DataFrame; a table not written yet is empty with the contract's columns."""
    curated = Path(curated_dir)
    tables = {}
    for name, schema in TABLES.items():
        path = curated / f"{name}.parquet"
        table = pq.read_table(path, schema=schema) if path.exists() else schema.empty_table()
        tables[name] = table.to_pandas()
    return tables


def _province_key(text: str) -> str:
    return re.sub(r"\s+", "", PROVINCE_PREFIX.sub("", str(text))).casefold()


def match_province(text: str, available: list[str]) -> str | None:
    """The province of `available` that `text` names (ปัตตานี, จ.ปัตตานี, จังหวัดปัตตานี, Pattani)."""
    key = _province_key(registry.match_province(text) or text)
    return next((name for name in available if _province_key(name) == key), None)


def registry_units(province: str) -> pd.DataFrame:
    """Units the registry lists for a province."""
    units = [{"unit_id": unit.unit_id, "unit_name": unit.unit_name} for unit in registry.units_in_province(province)]
    return pd.DataFrame(units, columns=["unit_id", "unit_name"])


def indicator_names(indicator_scores: pd.DataFrame) -> dict[int, str]:
    """Indicator number → Thai name: the catalog's canonical name, else the dataset's commonest, else a number."""
    named = indicator_scores.dropna(subset=["indicator", "indicator_name"])
    in_data = {int(i): group["indicator_name"].mode().iloc[0] for i, group in named.groupby("indicator")}
    return {i: catalog.indicator_name(i) or in_data.get(i) or f"ตัวชี้วัดที่ {i}" for i in INDICATORS}


def code_indicators(year: int, question_scores: pd.DataFrame) -> dict[str, int]:
    """Question code → indicator for one assessment year: the year's catalog, else the dataset's own rows."""
    known = question_scores.dropna(subset=["code", "indicator"])
    mapping = {code: int(group["indicator"].mode().iloc[0])
               for code, group in known[known["assessment_year"] == year].groupby("code")}
    mapping.update({row.code: row.indicator for row in catalog.catalog(year) if row.indicator is not None})
    return mapping


def short_name(name: str) -> str:
    for prefix, abbreviation in SHORT_PREFIXES:
        if name.startswith(prefix):
            return abbreviation + name[len(prefix):]
    return name


# ---------------------------------------------------------------- the comparison
@dataclass
class Comparison:
    province: str
    year: int
    previous_year: int | None
    weak_n: int
    table: pd.DataFrame  # one row per unit with a score or a document: the CSV/Parquet output
    indicator_names: dict[int, str]
    medians: pd.Series  # province median per indicator
    weakest_questions: pd.DataFrame
    documents: pd.DataFrame  # the province's documents of the year, with what each one carries
    missing_units: pd.DataFrame  # registry units with no document of the year
    registry_size: int


def _unit_keys(documents: pd.DataFrame) -> pd.DataFrame:
    """A unit key and label per document: the resolved unit, else the name as written."""
    docs = documents.copy()
    label = docs["unit_name"].fillna(docs["unit_raw"])
    docs["unit_key"] = docs["unit_id"].where(docs["unit_id"].notna(), "?" + label.fillna(docs["doc_id"]))
    docs["unit_label"] = label.fillna("(ไม่ทราบชื่อหน่วยงาน)")
    return docs


def _first_per_unit(frame: pd.DataFrame, docs: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One value per unit (and key): documents with more scores win; within a tie, the lowest doc_id."""
    merged = frame.merge(docs[["doc_id", "unit_key", "doc_rank"]], on="doc_id")
    return merged.sort_values(["doc_rank"]).groupby(["unit_key", *keys], sort=False).first().reset_index()


def with_announcements(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Each row of a results announcement as a document of its own unit (`<file> (row N)`), so units whose score
    comes only from an announcement are ranked and counted too, with the announcement shown as their source.
    A row's province is its registry unit's; a row outside the registry takes the announcement's."""
    documents, assessments = tables["documents"], tables["assessments"]
    announcements = documents[documents["doc_type"] == "results_announcement"]
    if announcements.empty or assessments.empty:
        return tables
    rows = assessments[assessments["doc_id"].isin(announcements["doc_id"])].copy()
    rows = rows[rows["unit_id"].notna() | rows["unit_name"].notna()]  # a scanned row whose unit was not read
    if rows.empty:
        return tables
    parent = announcements.drop_duplicates("doc_id").set_index("doc_id")
    units = {u.unit_id: u for u in registry.load_registry().units}
    pseudo = []
    for _, r in rows.iterrows():
        doc = parent.loc[r["doc_id"]]
        unit = units.get(r["unit_id"]) if isinstance(r["unit_id"], str) else None
        pseudo.append({**{c: None for c in documents.columns},
                       "doc_id": f"{r['doc_id']}#{int(r['row'])}", "source_path": f"{doc['source_path']} (row {int(r['row'])})",
                       "status": doc["status"], "doc_type": "results_announcement", "unit_raw": r["unit_raw"],
                       "unit_id": r["unit_id"], "unit_name": r["unit_name"], "unit_type": r["unit_type"],
                       "district": unit.district if unit else None, "province": unit.province if unit else doc["province"],
                       "fiscal_year": doc["fiscal_year"], "assessment_year": r["assessment_year"]})
    rows["doc_id"] = [f"{d}#{int(n)}" for d, n in zip(rows["doc_id"], rows["row"])]
    out = dict(tables)
    out["documents"] = pd.concat([documents[~documents["doc_id"].isin(announcements["doc_id"])],
                                  pd.DataFrame(pseudo, columns=documents.columns)], ignore_index=True)
    out["assessments"] = pd.concat([assessments[~assessments["doc_id"].isin(announcements["doc_id"])], rows],
                                   ignore_index=True)
    return out


def available_summary(tables: dict[str, pd.DataFrame]) -> str:
    """What the curated data holds: each province with its number of documents and its years with scores."""
    documents = tables["documents"]
    if documents.empty:
        return "the curated tables hold no documents yet (run `make extract`)"
    located = documents.dropna(subset=["province"])
    if located.empty:
        return "no document in the curated data has a resolved province yet (see review_units.csv)"
    scored = pd.concat([tables[name][["doc_id", "assessment_year"]] for name in ("assessments", "indicator_scores")])
    years = scored.dropna().merge(located[["doc_id", "province"]], on="doc_id").groupby("province")["assessment_year"]
    years = years.apply(lambda y: "scores for " + ", ".join(str(int(v)) for v in sorted(set(y))))
    return "available: " + "; ".join(
        f"{province} ({n} document{'s' if n > 1 else ''}, {years.get(province, 'no scores')})"
        for province, n in located.groupby("province").size().items())


def build_comparison(tables: dict[str, pd.DataFrame], province: str, year: int | None = None,
                     weak_n: int = 3) -> Comparison:
    """Everything the report shows, computed from the curated tables; raises NoData with what is available."""
    tables = with_announcements(tables)
    documents = tables["documents"]
    matched = match_province(province, sorted(documents["province"].dropna().unique()))
    if matched is None:
        raise NoData(f"no data for province {province!r}; {available_summary(tables)}")
    docs = _unit_keys(documents[(documents["province"] == matched) & documents["duplicate_of"].isna()])
    facts = {name: tables[name][tables[name]["doc_id"].isin(docs["doc_id"])]
             for name in ("assessments", "indicator_scores", "question_scores", "measures")}
    years = sorted({int(y) for name in ("assessments", "indicator_scores") for y in facts[name]["assessment_year"].dropna()})
    if not years:
        fiscal = ", ".join(map(str, sorted({int(y) for y in docs["fiscal_year"].dropna()}))) or "none"
        raise NoData(f"province {matched} has {len(docs)} document(s) (fiscal years: {fiscal}) but no assessment "
                     f"scores with a year; {available_summary(tables)}")
    if year is None:
        year = years[-1]
    elif year not in years:
        raise NoData(f"no assessment year {year} for province {matched}; years available: {', '.join(map(str, years))}")
    docs = _with_counts(docs, facts)
    year_docs = docs[(docs["assessment_year"] == year)
                     | (docs["assessment_year"].isna() & docs["fiscal_year"].isin([year, year + 1]))]

    overall = _scores_of(facts["assessments"], docs, year)
    indicators = _first_per_unit(facts["indicator_scores"].loc[lambda f: f["assessment_year"] == year,
                                                                ["doc_id", "indicator", "score"]], docs, ["indicator"])
    wide = (indicators.pivot(index="unit_key", columns="indicator", values="score")
            .reindex(columns=list(INDICATORS)).rename(columns=lambda i: f"ind_{i}"))
    units = pd.Index(sorted(set(overall.index) | set(wide.index) | set(year_docs["unit_key"])))
    labels = docs.sort_values("doc_rank").groupby("unit_key").first().reindex(units)
    table = pd.DataFrame({"province": matched, "assessment_year": year,
                          "unit_id": [None if key.startswith("?") else key for key in units],
                          "unit_name": labels["unit_label"], "unit_type": labels["unit_type"],
                          "district": labels["district"]}, index=units)
    table = table.join(overall).join(wide)
    table["rank"] = table["overall_score"].rank(ascending=False, method="min").astype("Int64")
    table["n_documents"] = year_docs.groupby("unit_key").size().reindex(units).fillna(0).astype(int)
    table = table.join(_measure_coverage(facts["measures"], docs, wide.reindex(units), year, weak_n,
                                         code_indicators(year, tables["question_scores"])))
    previous = [y for y in years if y < year]
    table = table.join(_previous_scores(facts["assessments"], docs, previous, units))
    table["overall_change"] = table["overall_score"] - table["previous_overall"]
    table = table.sort_values(["rank", "unit_name"], na_position="last").reset_index(drop=True)

    registry = registry_units(matched)
    missing = registry[~registry["unit_id"].isin(year_docs["unit_id"].dropna())].copy()
    missing["any_document"] = missing["unit_id"].isin(docs["unit_id"].dropna())
    return Comparison(
        province=matched, year=year, previous_year=previous[-1] if previous else None, weak_n=weak_n,
        table=table[TABLE_COLUMNS], indicator_names=indicator_names(tables["indicator_scores"]),
        medians=pd.Series({i: wide[f"ind_{i}"].median() for i in INDICATORS}),
        weakest_questions=_weakest_questions(facts["question_scores"], docs, year),
        documents=year_docs.sort_values(["unit_label", "source_path"]),
        missing_units=missing.sort_values("unit_name"), registry_size=len(registry),
    )


def _with_counts(docs: pd.DataFrame, facts: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """What each document carries, and its rank as a source (more indicator scores first, then an overall)."""
    docs = docs.copy()
    for column, name in (("n_indicators", "indicator_scores"), ("n_questions", "question_scores"),
                         ("n_measures", "measures")):
        docs[column] = docs["doc_id"].map(facts[name].groupby("doc_id").size()).fillna(0).astype(int)
    docs["has_overall"] = docs["doc_id"].isin(facts["assessments"].dropna(subset=["overall_score"])["doc_id"])
    order = docs.sort_values(["n_indicators", "has_overall", "doc_id"], ascending=[False, False, True])
    docs["doc_rank"] = docs["doc_id"].map({doc_id: i for i, doc_id in enumerate(order["doc_id"])})
    return docs


def _scores_of(assessments: pd.DataFrame, docs: pd.DataFrame, year: int) -> pd.DataFrame:
    rows = assessments.loc[assessments["assessment_year"] == year, ["doc_id", *SCORE_FIELDS]]
    return _first_per_unit(rows, docs, []).set_index("unit_key")[SCORE_FIELDS]


def _measure_coverage(measures: pd.DataFrame, docs: pd.DataFrame, wide: pd.DataFrame, year: int, weak_n: int,
                      code_to_indicator: dict[str, int]) -> pd.DataFrame:
    """Per unit: its weakest indicators, the indicators its measures name (directly or by question code), the gap.

    A plan answering year Y's assessment is for fiscal year Y or Y+1; a measure without a year counts when its
    document is of assessment year Y.
    """
    rows = measures.merge(docs[["doc_id", "unit_key", "assessment_year"]], on="doc_id")
    rows = rows[rows["fiscal_year"].isin([year, year + 1])
                | (rows["fiscal_year"].isna() & (rows["assessment_year"] == year))]
    covered: dict[str, set[int]] = {}
    for key, indicator, codes in zip(rows["unit_key"], rows["indicator"], rows["codes"]):
        linked = covered.setdefault(key, set())
        if pd.notna(indicator):
            linked.add(int(indicator))
        linked.update(code_to_indicator[c] for c in (codes if codes is not None else []) if c in code_to_indicator)
    result = pd.DataFrame(index=wide.index)
    result["n_measures"] = rows.groupby("unit_key").size().reindex(wide.index).fillna(0).astype(int)
    weakest = {key: _weakest(scores, weak_n) for key, scores in wide.iterrows()}
    result["weakest_indicators"] = [_join(weakest[k]) for k in wide.index]
    result["measure_indicators"] = [_join(sorted(covered.get(k, set()))) for k in wide.index]
    result["weak_without_measure"] = [_join(i for i in weakest[k] if i not in covered.get(k, set())) for k in wide.index]
    return result


def _previous_scores(assessments: pd.DataFrame, docs: pd.DataFrame, previous: list[int], units: pd.Index) -> pd.DataFrame:
    """Each unit's overall score in the most recent earlier year it has one."""
    result = pd.DataFrame({"previous_year": pd.Series(pd.NA, index=units, dtype="Int64"),
                           "previous_overall": pd.Series(float("nan"), index=units)})
    for y in reversed(previous):
        before = _scores_of(assessments, docs, y)["overall_score"].dropna()
        fill = result["previous_overall"].isna() & result.index.isin(before.index)
        result.loc[fill, "previous_year"] = y
        result.loc[fill, "previous_overall"] = before.reindex(result.index[fill]).to_numpy()
    return result


def _weakest_questions(question_scores: pd.DataFrame, docs: pd.DataFrame, year: int, n: int = 10) -> pd.DataFrame:
    """The n questions with the lowest province median (one score per unit)."""
    rows = question_scores.loc[question_scores["assessment_year"] == year,
                               ["doc_id", "code", "tool", "indicator", "score", "text"]]
    per_unit = _first_per_unit(rows, docs, ["code"])
    return (per_unit.groupby("code")
            .agg(tool=("tool", "first"), indicator=("indicator", "first"), text=("text", "first"),
                 median=("score", "median"), lowest=("score", "min"), units=("unit_key", "nunique"))
            .sort_values(["median", "code"]).head(n).reset_index())


def _join(indicators) -> str:
    return ",".join(map(str, indicators))


def _weakest(scores: pd.Series, n: int) -> list[int]:
    """The unit's n lowest-scoring indicators (ties: the lower indicator number first)."""
    present = [(score, int(col.removeprefix("ind_"))) for col, score in scores.items() if pd.notna(score)]
    return [indicator for _, indicator in sorted(present)[:n]]


# ---------------------------------------------------------------- rendering
def _fmt(value, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return html.escape(str(value))


def _table_html(headers: list[str], rows: list[list[str]], css: str = "") -> str:
    """An HTML table; cells are already escaped/formatted strings."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<div class="scroll"><table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _figure_html(figure: go.Figure, div_id: str) -> str:
    figure.update_layout(font={"family": f"{FONT_FAMILY}, sans-serif", "size": 13},
                         margin={"l": 10, "r": 10, "t": 30, "b": 10}, template="plotly_white")
    figure.update_yaxes(automargin=True)
    figure.update_xaxes(automargin=True)
    return figure.to_html(full_html=False, include_plotlyjs=False, div_id=div_id,
                          config={"responsive": True, "displayModeBar": False})


def _chart_height(n_rows: int) -> int:
    return max(260, 60 + 26 * n_rows)


def _figures(comp: Comparison) -> dict[str, str]:
    """The four charts as HTML fragments; a chart with nothing to draw becomes a short note instead."""
    table = comp.table
    figures = {name: f'<p class="empty">{NOTHING_TO_DRAW}</p>' for name in ("ranking", "heatmap", "versus", "weakest")}
    scored = table.dropna(subset=["overall_score"]).iloc[::-1]  # plotly draws the first bar at the bottom
    if len(scored):
        ranking = go.Figure(go.Bar(
            x=scored["overall_score"], y=[short_name(n) for n in scored["unit_name"]], orientation="h",
            text=[_fmt(v) for v in scored["overall_score"]], textposition="inside",
            customdata=scored["level"].fillna("–"), marker_color="#2f6f9f",
            hovertemplate="%{y}: %{x:.2f} (%{customdata})<extra></extra>"))
        ranking.update_layout(height=_chart_height(len(scored)), xaxis={"range": [0, 100], "title": "คะแนนรวม"})
        figures["ranking"] = _figure_html(ranking, "chart-ranking")

    ind_cols = [f"ind_{i}" for i in INDICATORS]
    with_ind = table.dropna(subset=ind_cols, how="all").iloc[::-1]
    if len(with_ind):
        y = [short_name(n) for n in with_ind["unit_name"]]
        x = [str(i) for i in INDICATORS]
        names = [[comp.indicator_names[i] for i in INDICATORS]] * len(with_ind)
        z = with_ind[ind_cols].to_numpy(dtype=float)
        heat = go.Figure(go.Heatmap(
            z=z, x=x, y=y, colorscale="RdYlGn", zmin=min(50.0, float(pd.Series(z.ravel()).min())), zmax=100,
            text=[[_fmt(v, 1) for v in row] for row in z], texttemplate="%{text}", customdata=names,
            hovertemplate="%{y}<br>%{x}. %{customdata}: %{z:.2f}<extra></extra>",
            colorbar={"title": "คะแนน", "thickness": 10}))
        diff = z - comp.medians.reindex(list(INDICATORS)).to_numpy(dtype=float)
        span = float(pd.Series(abs(diff.ravel())).max()) or 1.0
        versus = go.Figure(go.Heatmap(
            z=diff, x=x, y=y, colorscale="RdBu", zmid=0, zmin=-span, zmax=span,
            text=[["" if pd.isna(v) else f"{v:+.1f}" for v in row] for row in diff], texttemplate="%{text}",
            customdata=names, hovertemplate="%{y}<br>%{x}. %{customdata}: %{z:+.2f} จากค่ามัธยฐาน<extra></extra>",
            colorbar={"title": "± มัธยฐาน", "thickness": 10}))
        for figure in (heat, versus):
            figure.update_layout(height=_chart_height(len(with_ind)), xaxis={"title": "ตัวชี้วัด", "side": "top"})
        medians = comp.medians.dropna().sort_values(ascending=False)
        weak = go.Figure(go.Bar(
            x=medians.values, y=[f"{i}. {comp.indicator_names[i]}" for i in medians.index], orientation="h",
            text=[_fmt(v) for v in medians.values], textposition="inside", marker_color="#c0504d",
            hovertemplate="%{y}: มัธยฐาน %{x:.2f}<extra></extra>"))
        weak.update_layout(height=_chart_height(len(medians)), xaxis={"range": [0, 100], "title": "ค่ามัธยฐานของจังหวัด"})
        figures.update(heatmap=_figure_html(heat, "chart-heatmap"), versus=_figure_html(versus, "chart-versus"),
                       weakest=_figure_html(weak, "chart-weakest"))
    return figures


def _unit_cell(name) -> str:
    """The short name (fits a phone), with the full name on hover."""
    if not isinstance(name, str):
        return "–"
    return f'<span title="{html.escape(name)}">{html.escape(short_name(name))}</span>'


def _indicator_list(codes: str, names: dict[int, str]) -> str:
    if not codes:
        return "–"
    return "<br>".join(html.escape(f"{i}. {names[int(i)]}") for i in codes.split(","))


def _sections(comp: Comparison) -> str:
    table, names = comp.table, comp.indicator_names
    figures = _figures(comp)
    n_scored = int(table["overall_score"].notna().sum())
    cards = [("หน่วยงานที่มีคะแนน", str(n_scored)),
             ("ค่ามัธยฐานคะแนนรวม", _fmt(table["overall_score"].median())),
             ("เอกสารของปีนี้", str(len(comp.documents))),
             ("หน่วยงานในทะเบียน", str(comp.registry_size) if comp.registry_size else "–")]
    parts = ['<div class="cards">' + "".join(
        f'<div class="card"><div class="value">{v}</div><div class="label">{html.escape(k)}</div></div>'
        for k, v in cards) + "</div>"]

    ranking_rows = [[_fmt(r["rank"]), _unit_cell(r["unit_name"]), _fmt(r["overall_score"]), _fmt(r["level"]),
                     _fmt(r["iit"]), _fmt(r["eit"] if pd.notna(r["eit"]) else r["eit_part1"]), _fmt(r["oit"])]
                    for _, r in table.iterrows()]
    parts.append('<section id="ranking"><h2>อันดับตามคะแนนรวม</h2>' + figures["ranking"]
                 + _table_html(["อันดับ", "หน่วยงาน", "คะแนนรวม", "ระดับ", "IIT", "EIT", "OIT"], ranking_rows, "numbers")
                 + "</section>")

    legend = "".join(f"<li>{i}. {html.escape(names[i])}</li>" for i in INDICATORS)
    parts.append('<section id="heatmap"><h2>คะแนนรายตัวชี้วัด</h2>' + figures["heatmap"]
                 + f'<ol class="legend">{legend}</ol></section>')
    median_rows = [[html.escape(f"{i}. {names[i]}"), _fmt(comp.medians[i])] for i in INDICATORS]
    parts.append('<section id="versus"><h2>เทียบกับค่ามัธยฐานของจังหวัด</h2>'
                 '<p>สีแดง: ต่ำกว่าค่ามัธยฐานของจังหวัด สีน้ำเงิน: สูงกว่า (หน่วย: คะแนน)</p>' + figures["versus"]
                 + _table_html(["ตัวชี้วัด", "ค่ามัธยฐาน"], median_rows, "numbers") + "</section>")

    question_rows = [[_fmt(q["code"]), _fmt(q["text"]), _fmt(q["median"]), _fmt(q["lowest"]), _fmt(q["units"])]
                     for _, q in comp.weakest_questions.iterrows()]
    questions = (_table_html(["ข้อ", "คำถาม", "มัธยฐาน", "ต่ำสุด", "หน่วยงาน"], question_rows, "numbers")
                 if question_rows else '<p class="empty">ไม่มีคะแนนรายข้อในข้อมูลของปีนี้</p>')
    parts.append('<section id="weakest"><h2>จุดอ่อนของจังหวัด</h2><h3>ตัวชี้วัด (ค่ามัธยฐานต่ำที่สุดอยู่บนสุด)</h3>'
                 + figures["weakest"] + "<h3>ข้อคำถามที่คะแนนต่ำที่สุด</h3>" + questions + "</section>")

    measure_rows = []
    for _, r in table.iterrows():
        if not r["weakest_indicators"]:
            status = "ไม่มีคะแนนรายตัวชี้วัด"
        elif r["n_measures"] == 0:
            status = '<span class="bad">ไม่พบมาตรการ</span>'
        elif r["weak_without_measure"]:
            status = '<span class="bad">ยังไม่ครอบคลุม</span>'
        else:
            status = '<span class="good">ครอบคลุม</span>'
        measure_rows.append([_unit_cell(r["unit_name"]), _indicator_list(r["weakest_indicators"], names),
                             _fmt(r["n_measures"]), _indicator_list(r["weak_without_measure"], names), status])
    parts.append(f'<section id="measures"><h2>มาตรการตรงกับจุดอ่อนหรือไม่</h2><p>ตัวชี้วัดที่ต่ำที่สุด {comp.weak_n} '
                 'ตัวของแต่ละหน่วยงาน เทียบกับตัวชี้วัดและข้อคำถามที่ระบุในแถวมาตรการของหน่วยงาน</p>'
                 + _table_html(["หน่วยงาน", "ตัวชี้วัดที่ต่ำที่สุด", "จำนวนมาตรการ", "จุดอ่อนที่ไม่มีมาตรการ", "สถานะ"],
                               measure_rows) + "</section>")

    doc_rows = [[_unit_cell(d["unit_label"]), _fmt(d["source_path"]), _fmt(d["doc_type"]), _fmt(d["status"]),
                 "มี" if d["has_overall"] else "ไม่มี" if d["doc_type"] in REPORTS_WITHOUT_SCORES
                 else '<span class="bad">ไม่มี</span>',
                 _fmt(int(d["n_indicators"])) + "/10", _fmt(int(d["n_questions"])), _fmt(int(d["n_measures"]))]
                for _, d in comp.documents.iterrows()]
    missing = "".join(f"<li>{html.escape(name)}{' (มีเอกสารปีอื่น)' if other_year else ''}</li>"
                      for name, other_year in zip(comp.missing_units["unit_name"], comp.missing_units["any_document"]))
    registry_note = (f"<details><summary>หน่วยงานในทะเบียนที่ไม่มีเอกสารของปีนี้ {len(comp.missing_units)} จาก "
                     f"{comp.registry_size} แห่ง</summary><ul class=\"legend\">{missing}</ul></details>"
                     if comp.registry_size else
                     "<p>ไม่มีข้อมูลทะเบียนหน่วยงานของจังหวัดนี้ จึงยังนับหน่วยงานที่ไม่มีเอกสารไม่ได้</p>")
    parts.append('<section id="completeness"><h2>ความครบถ้วนของข้อมูล</h2>' + registry_note
                 + _table_html(["หน่วยงาน", "ไฟล์", "ประเภท", "สถานะ", "คะแนนรวม", "ตัวชี้วัด", "ข้อคำถาม", "มาตรการ"],
                               doc_rows) + "</section>")

    changed = table.dropna(subset=["previous_overall"])
    if len(changed):
        change_rows = [[_unit_cell(r["unit_name"]), _fmt(r["previous_year"]), _fmt(r["previous_overall"]),
                        _fmt(r["overall_score"]), f'{r["overall_change"]:+.2f}' if pd.notna(r["overall_change"]) else "–"]
                       for _, r in changed.iterrows()]
        change = _table_html(["หน่วยงาน", "ปีก่อน", "คะแนนปีก่อน", f"คะแนนปี {comp.year}", "เปลี่ยนแปลง"], change_rows, "numbers")
    else:
        change = "<p class=\"empty\">ยังไม่มีคะแนนปีก่อนหน้าของหน่วยงานเหล่านี้ในชุดข้อมูล</p>"
    parts.append('<section id="change"><h2>เปลี่ยนแปลงจากปีก่อน</h2>' + change + "</section>")
    return "\n".join(parts)


def font_face(family: str = FONT_FAMILY) -> str:
    """@font-face rules embedding Loma (regular, bold) as data URIs, so Thai renders offline (review site too)."""
    faces = []
    for file, weight in (("Loma.ttf", "normal"), ("Loma-Bold.ttf", "bold")):
        data = base64.b64encode((ASSETS / "fonts" / file).read_bytes()).decode("ascii")
        faces.append(f"@font-face {{ font-family: '{family}'; font-weight: {weight}; "
                     f"src: url(data:font/ttf;base64,{data}) format('truetype'); }}")
    return "\n".join(faces)


def render_html(comp: Comparison, generated: dt.date | None = None) -> str:
    """The self-contained report page: plotly.js, the Thai font and all data are inline."""
    template = string.Template((ASSETS / "report.html").read_text(encoding="utf-8"))
    title = f"เปรียบเทียบผลการประเมิน ITA จังหวัด{comp.province} ปี {comp.year}"
    return template.substitute(
        title=html.escape(title), font_face=font_face(), css=(ASSETS / "report.css").read_text(encoding="utf-8"),
        plotly_js=get_plotlyjs(), body=_sections(comp),
        generated=(generated or dt.date.today()).isoformat(),
    )


def output_stem(comp: Comparison) -> str:
    """File names come from data: only a safe stem, so no name can leave the reports folder."""
    return f"compare-{safe_stem(comp.province, 'province')}-{int(comp.year)}"


def write_report(comp: Comparison, reports_dir: str | Path) -> dict[str, Path]:
    """Write the HTML report and the comparison table (CSV, Parquet); returns the paths."""
    reports = Path(reports_dir)
    reports.mkdir(parents=True, exist_ok=True)
    stem = output_stem(comp)
    paths = {"html": reports / f"{stem}.html", "csv": reports / f"{stem}.csv", "parquet": reports / f"{stem}.parquet"}
    if not all(inside(reports, path) for path in paths.values()):
        raise ValueError(f"report file names leave {reports}: {stem!r}")
    paths["html"].write_text(render_html(comp), encoding="utf-8")
    comp.table.to_csv(paths["csv"], index=False, encoding="utf-8-sig")  # BOM: Excel then reads Thai right
    pq.write_table(pa.Table.from_pandas(comp.table, preserve_index=False), paths["parquet"])
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline compare", description=__doc__.splitlines()[0])
    parser.add_argument("--province", required=True, help="province, e.g. ปัตตานี, จ.ปัตตานี, จังหวัดปัตตานี or Pattani")
    parser.add_argument("--year", type=int, default=None, help="assessment year (B.E.); default: the latest with data")
    parser.add_argument("--curated", default="data/curated", help="folder of the curated tables (default: data/curated)")
    parser.add_argument("--reports", default="reports", help="output folder (default: reports)")
    parser.add_argument("--weakest", type=int, default=3, help="how many of each unit's lowest indicators to check (default: 3)")
    args = parser.parse_args(argv)
    if not args.province.strip():
        parser.error("--province is empty; e.g. make compare PROVINCE=ปัตตานี")
    if not Path(args.curated).is_dir():
        print(f"error: no curated folder {args.curated!r}; run `make extract` first", file=sys.stderr)
        return 2
    try:
        comp = build_comparison(load_tables(args.curated), args.province, args.year, weak_n=args.weakest)
    except NoData as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    paths = write_report(comp, args.reports)
    n_units = int(comp.table["overall_score"].notna().sum())
    print(f"{comp.province} {comp.year}: {len(comp.table)} units ({n_units} with an overall score)")
    for kind, path in paths.items():
        print(f"  {kind}: {path}")
    return 0
