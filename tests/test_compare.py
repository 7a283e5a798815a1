"""The comparison figures on a synthetic curated dataset whose answers are known by construction."""
from __future__ import annotations

import statistics
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizers import catalog
from pipeline import compare, registry
from tests import test_compare_data as data


@pytest.fixture
def curated(tmp_path, monkeypatch):
    """Synthetic tables, with the registry's unit list and the question catalog replaced by this test's own."""
    fake_registry = SimpleNamespace(
        match_province=registry.match_province,
        units_in_province=lambda province: [SimpleNamespace(unit_id=i, unit_name=n) for i, n in data.REGISTRY]
        if registry.match_province(province) == data.PROVINCE else [],
    )
    monkeypatch.setattr(compare, "registry", fake_registry)
    rows = [SimpleNamespace(code=code, indicator=indicator) for code, indicator in data.CATALOG.items()]
    fake_catalog = SimpleNamespace(catalog=lambda year: rows if year == data.YEAR else [], indicator_name=lambda n: None)
    monkeypatch.setattr(compare, "catalog", fake_catalog)
    return data.write_curated(tmp_path / "curated")


@pytest.fixture
def comparison(curated):
    return compare.build_comparison(compare.load_tables(curated), data.PROVINCE)


def by_unit(comparison) -> pd.DataFrame:
    return comparison.table.set_index("unit_id")


def test_units_are_ranked_by_overall_score_with_their_level(comparison):
    table = comparison.table
    expected = sorted(data.OVERALL, key=data.OVERALL.get, reverse=True)
    assert list(table["unit_id"]) == expected
    assert list(table["rank"]) == [1, 2, 3, 4]
    assert list(table["overall_score"]) == [data.OVERALL[u] for u in expected]
    assert list(table["level"]) == [data.LEVEL[u] for u in expected]
    assert set(table["province"]) == {data.PROVINCE} and set(table["assessment_year"]) == {data.YEAR}


def test_the_document_with_more_scores_wins_over_a_conflicting_one(comparison):
    # unit 1 has a second 2567 document claiming 11.0 with no indicator scores
    assert by_unit(comparison).loc["9000001", "overall_score"] == data.OVERALL["9000001"]
    assert by_unit(comparison).loc["9000001", "n_documents"] == 2


def test_indicator_columns_and_province_medians(comparison):
    table = by_unit(comparison)
    for unit_id, (_, scores) in data.UNITS.items():
        assert [table.loc[unit_id, f"ind_{i}"] for i in range(1, 11)] == scores
    assert table.loc["9000004", [f"ind_{i}" for i in range(1, 11)]].isna().all()
    for i in range(1, 11):
        assert comparison.medians[i] == statistics.median(scores[i - 1] for _, scores in data.UNITS.values())
    assert comparison.indicator_names == data.NAMES


def test_measures_are_checked_against_each_units_weakest_indicators(comparison):
    table = by_unit(comparison)
    assert table.loc["9000001", "weakest_indicators"] == "9,3,2"
    assert table.loc["9000001", "measure_indicators"] == "3,9"  # o5 → 9 via the catalog, 3 from its column
    assert table.loc["9000001", "weak_without_measure"] == "2"
    assert table.loc["9000002", "weakest_indicators"] == "10,1,9"
    assert table.loc["9000002", "measure_indicators"] == "1,8,10"  # the old plan's e1 (→ 6) does not count
    assert table.loc["9000002", "weak_without_measure"] == "9"
    assert table.loc["9000003", "weak_without_measure"] == "6,7,8"
    assert list(table.loc[["9000001", "9000002", "9000003"], "n_measures"]) == [3, 2, 0]


def test_change_from_the_previous_year(comparison):
    table = by_unit(comparison)
    assert comparison.previous_year == data.YEAR - 1
    assert table.loc["9000001", "previous_overall"] == 80.0
    assert table.loc["9000001", "overall_change"] == pytest.approx(data.OVERALL["9000001"] - 80.0)
    assert table.loc[["9000002", "9000003"], "previous_overall"].isna().all()


def test_weakest_questions_by_province_median(comparison):
    questions = comparison.weakest_questions
    assert list(questions["code"]) == ["i8", "o5", "e1"]
    assert list(questions["median"]) == [50.0, 85.0, 90.0]
    assert list(questions["lowest"]) == [40.0, 70.0, 85.0]


def test_completeness_lists_registry_units_without_documents(comparison):
    assert list(comparison.missing_units["unit_id"]) == ["9000005"]
    assert comparison.registry_size == len(data.REGISTRY)
    # duplicates, other provinces and unresolved documents are not the province's documents
    assert sorted(comparison.documents["doc_id"]) == ["d1", "d2", "d3", "d4", "d6"]
    assert comparison.documents.set_index("doc_id").loc["d4", "n_indicators"] == 0


@pytest.mark.parametrize("written", ["ปัตตานี", "จ.ปัตตานี", "จังหวัดปัตตานี", " จังหวัด ปัตตานี ", "Pattani", "PATTANI"])
def test_province_names_are_matched_forgivingly(curated, written):
    assert compare.build_comparison(compare.load_tables(curated), written).province == data.PROVINCE


def test_unknown_province_or_year_says_what_is_available(curated, capsys):
    tables = compare.load_tables(curated)
    with pytest.raises(compare.NoData, match=f"{data.PROVINCE} .*{data.OTHER_PROVINCE}"):
        compare.build_comparison(tables, "ภูเก็ต")
    with pytest.raises(compare.NoData, match=f"years available: {data.YEAR - 1}, {data.YEAR}"):
        compare.build_comparison(tables, data.PROVINCE, 2550)
    assert compare.main(["--province", "Phuket", "--curated", str(curated), "--reports", "x"]) == 1
    assert "available: " in capsys.readouterr().err


def test_an_earlier_year_can_be_chosen(curated):
    earlier = compare.build_comparison(compare.load_tables(curated), data.PROVINCE, data.YEAR - 1)
    assert list(earlier.table["unit_id"]) == ["9000001"]
    assert earlier.table["overall_score"].tolist() == [80.0] and earlier.previous_year is None


def test_cli_writes_html_csv_and_parquet_that_agree(curated, tmp_path, capsys):
    reports = tmp_path / "reports"
    assert compare.main(["--province", "จ.ปัตตานี", "--curated", str(curated), "--reports", str(reports)]) == 0
    stem = f"compare-{data.PROVINCE}-{data.YEAR}"
    written = pd.read_parquet(reports / f"{stem}.parquet")
    from_csv = pd.read_csv(reports / f"{stem}.csv", encoding="utf-8-sig", dtype={"unit_id": str})
    assert list(written["unit_id"]) == list(from_csv["unit_id"]) == sorted(data.OVERALL, key=data.OVERALL.get, reverse=True)
    assert written["overall_score"].tolist() == from_csv["overall_score"].tolist()
    page = (reports / f"{stem}.html").read_text(encoding="utf-8")
    assert "<script src=" not in page and "<link" not in page  # self-contained: works offline
    assert "@font-face" in page and "base64," in page
    for chart in ("chart-ranking", "chart-heatmap", "chart-versus", "chart-weakest"):
        assert f'id="{chart}"' in page
    assert data.UNITS["9000002"][0] in page and "ไม่พบมาตรการ" in page
    assert "4 units" in capsys.readouterr().out


def test_sql_views_see_the_same_rows(curated):
    from pipeline.sql import connect

    con = connect(curated)
    scores = con.sql("SELECT unit_id, overall_score FROM unit_scores WHERE province = ? AND assessment_year = ?",
                     params=[data.PROVINCE, data.YEAR]).fetchall()
    assert ("9000002", 91.25) in scores and ("9000001", 11.0) in scores


@given(st.lists(st.one_of(st.none(), st.floats(0, 100)), min_size=10, max_size=10), st.integers(0, 10))
def test_weakest_picks_the_lowest_present_scores(scores, n):
    series = pd.Series(scores, index=[f"ind_{i}" for i in range(1, 11)], dtype=float)
    chosen = compare._weakest(series, n)
    present = series.dropna()
    assert len(chosen) == min(n, len(present))
    others = [present[f"ind_{i}"] for i in range(1, 11) if f"ind_{i}" in present and i not in chosen]
    assert all(present[f"ind_{i}"] <= min(others, default=101) for i in chosen)


def test_a_year_without_indicator_scores_gets_notes_instead_of_empty_charts(curated):
    earlier = compare.build_comparison(compare.load_tables(curated), data.PROVINCE, data.YEAR - 1)
    page = compare.render_html(earlier)
    assert 'id="chart-ranking"' in page and 'id="chart-heatmap"' not in page
    assert page.count(compare.NOTHING_TO_DRAW) == 3


def test_indicator_names_are_the_catalogs_canonical_names():
    names = compare.indicator_names(pd.DataFrame({"indicator": [4], "indicator_name": ["การใช้ทรัพย์สินของทางราชการ"]}))
    assert names == {i: catalog.indicator_name(i) for i in range(1, 11)}


def test_units_of_a_results_announcement_are_ranked_with_the_announcement_as_their_source(curated, monkeypatch):
    """A unit whose score comes only from an announcement's row is ranked and counted, and its source shown; a row
    outside the registry (a college) keeps its printed name; a unit with its own document counts both."""
    monkeypatch.setattr(compare.registry, "load_registry", lambda: SimpleNamespace(units=[]), raising=False)
    tables = compare.load_tables(curated)
    announcement = {**{c: None for c in tables["documents"].columns}, "doc_id": "a1", "source_path": "a1.pdf",
                    "status": "ok", "doc_type": "results_announcement", "province": data.PROVINCE,
                    "fiscal_year": data.YEAR, "assessment_year": data.YEAR}
    tables["documents"] = pd.concat([tables["documents"], pd.DataFrame([announcement])], ignore_index=True)
    printed = [(1, "9000005", data.REGISTRY[4][1], 95.5, "ผ่านดีเยี่ยม"),
               (2, "9000002", data.UNITS["9000002"][0], data.OVERALL["9000002"], data.LEVEL["9000002"]),
               (3, None, "วิทยาลัยเทคนิคปัตตานี", 70.25, "ต้องปรับปรุง")]
    rows = [{**{c: None for c in tables["assessments"].columns}, "doc_id": "a1", "row": row, "unit_id": unit_id,
             "unit_raw": name, "unit_name": name, "assessment_year": data.YEAR, "overall_score": score, "level": level}
            for row, unit_id, name, score, level in printed]
    tables["assessments"] = pd.concat([tables["assessments"], pd.DataFrame(rows)], ignore_index=True)

    comparison = compare.build_comparison(tables, data.PROVINCE)
    table = comparison.table
    first = table.iloc[0]
    assert (first["unit_id"], first["overall_score"], first["level"], first["rank"]) == ("9000005", 95.5, "ผ่านดีเยี่ยม", 1)
    college = table[table["unit_name"] == "วิทยาลัยเทคนิคปัตตานี"]
    assert len(college) == 1 and college.iloc[0]["overall_score"] == 70.25 and pd.isna(college.iloc[0]["unit_id"])
    assert by_unit(comparison).loc["9000002", "n_documents"] == 2
    assert "a1.pdf (row 1)" in set(comparison.documents["source_path"])
    assert "9000005" not in set(comparison.missing_units["unit_id"])  # the announcement is its document
