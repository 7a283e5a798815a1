"""The report on real PDFs: sample-yala (ten units of one province) extracted, compared, and opened in Chromium.

The numbers in the comparison table are checked against the curated tables through DuckDB, so the test holds
whatever the extraction reads today. The page is opened in headless Chromium: no script errors, every chart
drawn, the embedded Thai font loaded; the screenshot is kept in artifacts/.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from pipeline import compare
from pipeline.sql import connect
from tests.support.cli import extract
from tests.support.shared import SHARED

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CANDIDATES = [ROOT / "tests" / "fixtures" / "sample-yala", SHARED / "corpus" / "sample-yala"]
SAMPLES = next((p for p in SAMPLE_CANDIDATES if p.is_dir()), None)
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHARTS = ("chart-ranking", "chart-heatmap", "chart-versus", "chart-weakest")

pytestmark = pytest.mark.skipif(SAMPLES is None, reason=f"sample-yala PDFs not found in {SAMPLE_CANDIDATES}")


@pytest.fixture(scope="module")
def curated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("yala")
    extract(SAMPLES, out)
    return out


@pytest.fixture(scope="module")
def province(curated) -> str:
    provinces = pd.read_parquet(curated / "documents.parquet")["province"].dropna()
    assert not provinces.empty, "no sample-yala document was resolved to a province"
    return provinces.mode().iloc[0]


@pytest.fixture(scope="module")
def report(curated, province, tmp_path_factory):
    reports = tmp_path_factory.mktemp("reports")
    assert compare.main(["--province", f"จังหวัด{province}", "--curated", str(curated), "--reports", str(reports)]) == 0
    comparison = compare.build_comparison(compare.load_tables(curated), province)
    return comparison, reports / f"{compare.output_stem(comparison)}.html"


def test_table_numbers_match_the_curated_data(curated, province, report):
    comparison, html_path = report
    year = comparison.year
    con = connect(curated)
    written = pd.read_parquet(html_path.with_suffix(".parquet"))
    pd.testing.assert_frame_equal(written, comparison.table, check_dtype=False)
    assert set(written["province"]) == {province} and set(written["assessment_year"]) == {year}
    assert year == con.execute("SELECT max(assessment_year) FROM unit_scores WHERE province = ?", [province]).fetchone()[0]

    expected_units = {row[0] for row in con.execute(
        "SELECT DISTINCT unit_id FROM documents WHERE province = ? AND duplicate_of IS NULL AND unit_id IS NOT NULL "
        "AND (assessment_year = ? OR (assessment_year IS NULL AND fiscal_year IN (?, ?)))",
        [province, year, year, year + 1]).fetchall()}
    assert set(written["unit_id"].dropna()) == expected_units
    scored = written.dropna(subset=["overall_score"])
    assert scored["overall_score"].is_monotonic_decreasing and list(scored["rank"]) == sorted(scored["rank"])
    assert len(scored) > 0, "no overall score for the sample year"

    for _, row in written.dropna(subset=["unit_id"]).iterrows():
        overall = {r[0] for r in con.execute(
            "SELECT overall_score FROM unit_scores WHERE unit_id = ? AND assessment_year = ? AND overall_score IS NOT NULL",
            [row["unit_id"], year]).fetchall()}
        assert (row["overall_score"] in overall) if overall else pd.isna(row["overall_score"])
        for indicator in range(1, 11):
            values = {r[0] for r in con.execute(
                "SELECT score FROM unit_indicators WHERE unit_id = ? AND assessment_year = ? AND indicator = ?",
                [row["unit_id"], year, indicator]).fetchall()}
            value = row[f"ind_{indicator}"]
            assert (value in values) if values else pd.isna(value), (row["unit_name"], indicator)
        n_measures = con.execute(
            "SELECT count(*) FROM measures m JOIN documents d USING (doc_id) WHERE d.unit_id = ? "
            "AND (m.fiscal_year IN (?, ?) OR (m.fiscal_year IS NULL AND d.assessment_year = ?))",
            [row["unit_id"], year, year + 1, year]).fetchone()[0]
        assert row["n_measures"] == n_measures

    medians = con.execute(
        "SELECT indicator, median(score) FROM (SELECT unit_id, indicator, any_value(score) AS score FROM unit_indicators "
        "WHERE province = ? AND assessment_year = ? GROUP BY ALL) GROUP BY indicator", [province, year]).fetchall()
    for indicator, median in medians:
        if con.execute("SELECT count(DISTINCT score) FROM unit_indicators WHERE province = ? AND assessment_year = ? "
                   "AND indicator = ? GROUP BY unit_id ORDER BY 1 DESC LIMIT 1",
                   [province, year, indicator]).fetchone()[0] == 1:  # no unit with conflicting documents
            assert comparison.medians[indicator] == pytest.approx(median)


def _probe(page: str) -> str:
    """The report plus a listener for script errors and a probe that reports what was drawn."""
    head = ("<script>window.__errors=[];addEventListener('error',function(e){__errors.push(String(e.message))});"
            "addEventListener('unhandledrejection',function(e){__errors.push(String(e.reason))});</script>")
    tail = """<script>addEventListener('load',function(){document.fonts.ready.then(function(){
var faces=[];document.fonts.forEach(function(f){faces.push(f.family+':'+f.status)});
var drawn={};document.querySelectorAll('.js-plotly-plot').forEach(function(d){drawn[d.id]=d.querySelectorAll('.main-svg').length});
var p=document.createElement('pre');p.id='probe';p.textContent=JSON.stringify({errors:__errors,drawn:drawn,faces:faces,
thai:document.fonts.check('16px ReportThai','ผู้บริหารสูงสุด')});document.body.appendChild(p);});});</script>"""
    return page.replace("<head>", "<head>" + head, 1).replace("</body>", tail + "</body>", 1)


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'chromium-profile'}", "--virtual-time-budget=15000", *args],
        capture_output=True, text=True, timeout=1800, env={**os.environ, "LANG": "C.UTF-8"},
    )


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package chromium; CI installs it)")
def test_report_loads_in_chromium_without_errors_and_draws_its_charts(report, tmp_path):
    _, html_path = report
    probed = tmp_path / "probed.html"
    probed.write_text(_probe(html_path.read_text(encoding="utf-8")), encoding="utf-8")
    completed = _chromium(tmp_path, "--dump-dom", probed.as_uri())
    found = re.search(r'<pre id="probe">(.*?)</pre>', completed.stdout, re.S)
    assert found, f"the page never finished loading: {completed.stderr[-2000:]}"
    probe = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert probe["errors"] == []
    in_page = [chart for chart in CHARTS if f'id="{chart}"' in html_path.read_text(encoding="utf-8")]
    assert "chart-ranking" in in_page
    assert {chart: probe["drawn"].get(chart, 0) >= 2 for chart in in_page} == {chart: True for chart in in_page}
    assert probe["faces"] and all(face == "ReportThai:loaded" for face in probe["faces"])
    assert probe["thai"] is True

    ARTIFACTS.mkdir(exist_ok=True)
    # 500 px is the narrowest window headless Chromium lays out (a phone's 390 px would be clipped, not reflowed)
    for name, size in (("compare-report.png", "1000,3200"), ("compare-report-narrow.png", "500,2600")):
        shot = ARTIFACTS / name
        shot.unlink(missing_ok=True)
        _chromium(tmp_path, "--hide-scrollbars", f"--window-size={size}", f"--screenshot={shot}", html_path.as_uri())
        assert shot.exists() and shot.stat().st_size > 20_000
