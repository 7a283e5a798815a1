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

from pipeline.schema import TABLES

ASSETS = Path(__file__).resolve().parent / "report_assets"
REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference"
INDICATORS = range(1, 11)
FONT_FAMILY = "ReportThai"
SCORE_FIELDS = ["overall_score", "level", "iit", "eit", "eit_part1", "eit_part2", "oit"]
# Long unit-type prefixes and their usual abbreviations, so unit names fit on a phone's chart axis.
SHORT_PREFIXES = [
    ("องค์การบริหารส่วนตำบล", "อบต."), ("องค์การบริหารส่วนจังหวัด", "อบจ."), ("เทศบาลตำบล", "ทต."),
    ("เทศบาลเมือง", "ทม."), ("เทศบาลนคร", "ทน."),
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


def _registry():
    """The unit registry (pipeline.registry) if it provides the province look-ups, else None."""
    try:
        from pipeline import registry
    except ImportError:
        return None
    return registry if all(hasattr(registry, f) for f in ("match_province", "units_in_province")) else None


def _province_key(text: str) -> str:
    return re.sub(r"\s+", "", PROVINCE_PREFIX.sub("", str(text))).casefold()


def _reference_provinces() -> dict[str, str]:
    """Registry aliases (Thai and English names) → Thai province name, when the reference data is there."""
    path = REFERENCE / "provinces.csv"
    if not path.exists():
        return {}
    frame = pd.read_csv(path, dtype=str)
    thai = next((c for c in ("name_th", "province_th", "province") if c in frame.columns), None)
    if thai is None:
        return {}
    aliases = {}
    for column in [c for c in frame.columns if c.startswith(("name", "province"))]:
        for alias, name in zip(frame[column], frame[thai]):
            if isinstance(alias, str) and isinstance(name, str):
                aliases[_province_key(alias)] = name
    return aliases


def match_province(text: str, available: list[str]) -> str | None:
    """The province of `available` that `text` names (ปัตตานี, จ.ปัตตานี, จังหวัดปัตตานี, Pattani)."""
    candidates = []
    registry = _registry()
    if registry is not None:
        candidates.append(registry.match_province(text))
    key = _province_key(text)
    candidates.append(_reference_provinces().get(key))
    candidates.append(next((name for name in available if _province_key(name) == key), None))
    for candidate in candidates:
        if candidate:
            match = next((name for name in available if _province_key(name) == _province_key(candidate)), None)
            if match:
                return match
    return None


def registry_units(province: str) -> pd.DataFrame:
    """Units the registry lists for a province (unit_id, unit_name); empty when no registry is available."""
    rows: list[dict] = []
    registry = _registry()
    if registry is not None:
        rows = [item if isinstance(item, dict) else vars(item) for item in registry.units_in_province(province)]
    else:
        path = REFERENCE / "units.csv"
        if path.exists():
            frame = pd.read_csv(path, dtype=str)
            column = "province" if "province" in frame.columns else "province_th"
            if column in frame.columns:
                rows = frame[frame[column].map(lambda p: isinstance(p, str) and _province_key(p) == _province_key(province))].to_dict("records")
    units = pd.DataFrame(rows)
    if units.empty:
        return pd.DataFrame(columns=["unit_id", "unit_name"])
    id_col = next(c for c in ("unit_id", "lao_code", "registry_code", "code") if c in units.columns)
    name_col = next(c for c in ("unit_name", "name_full", "name") if c in units.columns)
    return units.rename(columns={id_col: "unit_id", name_col: "unit_name"})[["unit_id", "unit_name"]].astype(str)


def indicator_names(indicator_scores: pd.DataFrame) -> dict[int, str]:
    """Indicator number → Thai name: as the dataset names it, else the reference list, else a number."""
    names = {}
    path = REFERENCE / "ita_indicators.csv"
    if path.exists():
        reference = pd.read_csv(path)
        names.update(zip(reference["indicator"].astype(int), reference["name_th"]))
    named = indicator_scores.dropna(subset=["indicator", "indicator_name"])
    for indicator, group in named.groupby("indicator"):
        names[int(indicator)] = group["indicator_name"].mode().iloc[0]
    return {i: names.get(i, f"ตัวชี้วัดที่ {i}") for i in INDICATORS}


def code_indicators(year: int, question_scores: pd.DataFrame) -> dict[str, int]:
    """Question code → indicator for one assessment year: the year's catalog, else the dataset's own rows."""
    mapping: dict[str, int] = {}
    known = question_scores.dropna(subset=["code", "indicator"])
    for code, group in known[known["assessment_year"] == year].groupby("code"):
        mapping[code] = int(group["indicator"].mode().iloc[0])
    path = REFERENCE / f"ita_catalog_{year}.csv"
    if path.exists():
        catalog = pd.read_csv(path, dtype={"code": str}).dropna(subset=["code", "indicator"])
        mapping.update(zip(catalog["code"].str.lower(), catalog["indicator"].astype(int)))
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


def available_summary(documents: pd.DataFrame) -> str:
    if documents.empty:
        return "the curated tables hold no documents yet (run `make extract`)"
    provinces = documents.dropna(subset=["province"]).groupby("province").size().sort_values(ascending=False)
    if provinces.empty:
        return "no document in the curated data has a resolved province yet (see review_units.csv)"
    return "provinces with data: " + ", ".join(f"{p} ({n} documents)" for p, n in provinces.items())


def build_comparison(tables: dict[str, pd.DataFrame], province: str, year: int | None = None,
                     weak_n: int = 3) -> Comparison:
    """Everything the report shows, computed from the curated tables; raises NoData with what is available."""
    documents = tables["documents"]
    available = sorted(documents["province"].dropna().unique())
    matched = match_province(province, available)
    if matched is None:
        raise NoData(f"no data for province {province!r}; {available_summary(documents)}")
    docs = _unit_keys(documents[(documents["province"] == matched) & documents["duplicate_of"].isna()])
    in_province = set(docs["doc_id"])
    scored = {name: tables[name][tables[name]["doc_id"].isin(in_province)]
              for name in ("assessments", "indicator_scores", "question_scores", "measures")}
    years = sorted({int(y) for name in ("assessments", "indicator_scores")
                    for y in scored[name]["assessment_year"].dropna()})
    if not years:
        raise NoData(f"province {matched} has {len(docs)} documents but no assessment scores with a year; "
                     f"{available_summary(documents)}")
    if year is None:
        year = years[-1]
    elif year not in years:
        raise NoData(f"no assessment year {year} for province {matched}; years available: "
                     + ", ".join(map(str, years)))
    previous = [y for y in years if y < year]

    counts = pd.DataFrame({"doc_id": docs["doc_id"]})
    counts["n_indicators"] = counts["doc_id"].map(scored["indicator_scores"].groupby("doc_id").size()).fillna(0)
    counts["has_overall"] = counts["doc_id"].isin(scored["assessments"].dropna(subset=["overall_score"])["doc_id"])
    counts["n_questions"] = counts["doc_id"].map(scored["question_scores"].groupby("doc_id").size()).fillna(0)
    counts["n_measures"] = counts["doc_id"].map(scored["measures"].groupby("doc_id").size()).fillna(0)
    docs = docs.merge(counts, on="doc_id")
    order = docs.sort_values(["n_indicators", "has_overall", "doc_id"], ascending=[False, False, True])
    docs["doc_rank"] = docs["doc_id"].map({d: i for i, d in enumerate(order["doc_id"])})

    def assessments_of(y: int) -> pd.DataFrame:
        rows = scored["assessments"][scored["assessments"]["assessment_year"] == y]
        return _first_per_unit(rows[["doc_id", *SCORE_FIELDS]], docs, []).set_index("unit_key")[SCORE_FIELDS]

    overall = assessments_of(year)
    indicator_rows = scored["indicator_scores"][scored["indicator_scores"]["assessment_year"] == year]
    per_indicator = _first_per_unit(indicator_rows[["doc_id", "indicator", "score"]], docs, ["indicator"])
    wide = per_indicator.pivot(index="unit_key", columns="indicator", values="score").reindex(columns=list(INDICATORS))
    wide.columns = [f"ind_{i}" for i in INDICATORS]
    medians = pd.Series({i: wide[f"ind_{i}"].median() for i in INDICATORS})

    year_docs = docs[(docs["assessment_year"] == year)
                     | (docs["assessment_year"].isna() & docs["fiscal_year"].isin([year, year + 1]))]
    units = pd.Index(sorted(set(overall.index) | set(wide.index) | set(year_docs["unit_key"])))
    labels = docs.sort_values("doc_rank").groupby("unit_key").first()
    table = pd.DataFrame(index=units)
    table["province"] = matched
    table["assessment_year"] = year
    table["unit_id"] = [None if key.startswith("?") else key for key in units]
    table["unit_name"] = labels["unit_label"].reindex(units)
    table["unit_type"] = labels["unit_type"].reindex(units)
    table["district"] = labels["district"].reindex(units)
    table = table.join(overall).join(wide)
    table["rank"] = table["overall_score"].rank(ascending=False, method="min").astype("Int64")
    table["n_documents"] = year_docs.groupby("unit_key").size().reindex(units).fillna(0).astype(int)

    mapping = code_indicators(year, tables["question_scores"])
    measures = scored["measures"].merge(docs[["doc_id", "unit_key", "assessment_year"]], on="doc_id")
    measures = measures[measures["fiscal_year"].isin([year, year + 1])
                        | (measures["fiscal_year"].isna() & (measures["assessment_year"] == year))]
    covered = {key: set() for key in units}
    for key, indicator, codes in zip(measures["unit_key"], measures["indicator"], measures["codes"]):
        linked = {int(indicator)} if pd.notna(indicator) else set()
        linked |= {mapping[c] for c in (codes if codes is not None else []) if c in mapping}
        covered.setdefault(key, set()).update(linked)
    table["n_measures"] = measures.groupby("unit_key").size().reindex(units).fillna(0).astype(int)
    weakest = {key: _weakest(row, weak_n) for key, row in wide.reindex(units).iterrows()}
    table["weakest_indicators"] = [",".join(map(str, weakest[k])) for k in units]
    table["measure_indicators"] = [",".join(map(str, sorted(covered.get(k, set())))) for k in units]
    table["weak_without_measure"] = [",".join(str(i) for i in weakest[k] if i not in covered.get(k, set()))
                                     for k in units]

    table["previous_year"] = pd.Series(dtype="Int64")
    table["previous_overall"] = float("nan")
    for y in reversed(previous):  # the most recent earlier year a unit has wins
        before = assessments_of(y)["overall_score"].dropna()
        fill = table["previous_overall"].isna() & table.index.isin(before.index)
        table.loc[fill, "previous_year"] = y
        table.loc[fill, "previous_overall"] = before.reindex(table.index[fill]).values
    table["overall_change"] = table["overall_score"] - table["previous_overall"]
    table = table.sort_values(["rank", "unit_name"], na_position="last").reset_index(drop=True)
    columns = ["province", "assessment_year", "rank", "unit_id", "unit_name", "unit_type", "district",
               *SCORE_FIELDS, *wide.columns, "n_documents", "n_measures", "weakest_indicators",
               "measure_indicators", "weak_without_measure", "previous_year", "previous_overall", "overall_change"]

    questions = _first_per_unit(
        scored["question_scores"][scored["question_scores"]["assessment_year"] == year][
            ["doc_id", "code", "tool", "indicator", "score", "text"]], docs, ["code"])
    weakest_questions = (questions.groupby("code")
                         .agg(tool=("tool", "first"), indicator=("indicator", "first"), text=("text", "first"),
                              median=("score", "median"), lowest=("score", "min"), units=("unit_key", "nunique"))
                         .sort_values(["median", "code"]).head(10).reset_index())

    registry = registry_units(matched)
    with_document = set(docs["unit_id"].dropna())
    with_year_document = set(year_docs["unit_id"].dropna())
    missing = registry[~registry["unit_id"].isin(with_year_document)].copy()
    missing["any_document"] = missing["unit_id"].isin(with_document)
    return Comparison(
        province=matched, year=year, previous_year=previous[-1] if previous else None, weak_n=weak_n,
        table=table[columns], indicator_names=indicator_names(tables["indicator_scores"]), medians=medians,
        weakest_questions=weakest_questions, documents=year_docs.sort_values(["unit_label", "source_path"]),
        missing_units=missing.sort_values("unit_name"), registry_size=len(registry),
    )


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
    missing = "".join(f"<li>{html.escape(n)}</li>" for n in comp.missing_units["unit_name"])
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


def _font_face() -> str:
    faces = []
    for file, weight in (("Loma.ttf", "normal"), ("Loma-Bold.ttf", "bold")):
        data = base64.b64encode((ASSETS / "fonts" / file).read_bytes()).decode("ascii")
        faces.append(f"@font-face {{ font-family: '{FONT_FAMILY}'; font-weight: {weight}; "
                     f"src: url(data:font/ttf;base64,{data}) format('truetype'); }}")
    return "\n".join(faces)


def render_html(comp: Comparison, generated: dt.date | None = None) -> str:
    """The self-contained report page: plotly.js, the Thai font and all data are inline."""
    template = string.Template((ASSETS / "report.html").read_text(encoding="utf-8"))
    title = f"เปรียบเทียบผลการประเมิน ITA จังหวัด{comp.province} ปี {comp.year}"
    return template.substitute(
        title=html.escape(title), font_face=_font_face(), css=(ASSETS / "report.css").read_text(encoding="utf-8"),
        plotly_js=get_plotlyjs(), body=_sections(comp),
        generated=(generated or dt.date.today()).isoformat(),
    )


def output_stem(comp: Comparison) -> str:
    return f"compare-{comp.province}-{comp.year}"


def write_report(comp: Comparison, reports_dir: str | Path) -> dict[str, Path]:
    """Write the HTML report and the comparison table (CSV, Parquet); returns the paths."""
    reports = Path(reports_dir)
    reports.mkdir(parents=True, exist_ok=True)
    stem = output_stem(comp)
    paths = {"html": reports / f"{stem}.html", "csv": reports / f"{stem}.csv", "parquet": reports / f"{stem}.parquet"}
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
