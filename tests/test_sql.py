"""DuckDB views over the curated tables: what analysts query with `make sql` and notebooks with connect()."""
from __future__ import annotations

import io
import re
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from pipeline import sql
from pipeline.schema import TABLES
from tests import test_compare_data as data


@pytest.fixture
def curated(tmp_path):
    return data.write_curated(tmp_path / "curated")


def test_every_table_is_a_view_with_its_rows(curated):
    con = sql.connect(curated)
    for name in TABLES:
        expected = pq.read_table(curated / f"{name}.parquet").num_rows
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == expected


def test_views_read_the_files_in_place_so_a_new_extract_shows_at_once(curated):
    con = sql.connect(curated)
    before = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    table = pq.read_table(curated / "documents.parquet")
    pq.write_table(table.slice(0, 2), curated / "documents.parquet")
    assert before > 2 and con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


def test_missing_tables_are_empty_views_with_the_contract_columns(tmp_path):
    con = sql.connect(tmp_path)
    for name, schema in TABLES.items():
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == 0
        assert [c[0] for c in con.execute(f"SELECT * FROM {name}").description] == schema.names


def test_unit_scores_joins_scores_to_their_units(curated):
    rows = sql.connect(curated).execute(
        "SELECT unit_name, overall_score, level FROM unit_scores WHERE doc_id = 'd2'").fetchall()
    assert rows == [(data.UNITS["9000002"][0], data.OVERALL["9000002"], data.LEVEL["9000002"])]
    per_indicator = sql.connect(curated).execute(
        "SELECT indicator, score FROM unit_indicators WHERE unit_id = '9000003' ORDER BY indicator").fetchall()
    assert [score for _, score in per_indicator] == data.UNITS["9000003"][1]


def test_shell_runs_multi_line_statements_and_reports_errors_without_stopping(curated):
    out = io.StringIO()
    script = ".tables\nSELECT count(*) AS n\nFROM measures;\nSELECT nope FROM documents;\nSELECT 41 + 1 AS answer\n"
    sql.repl(sql.connect(curated), stdin=io.StringIO(script), out=out)
    text = out.getvalue()
    assert "unit_scores" in text and "question_scores" in text
    assert re.search(rf"^\s*n\n\s*{len(data.rows()['measures'])}$", text, re.M)
    assert "error:" in text and "42" in text


def test_command_line_one_shot_query(curated):
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline", "sql", "--curated", str(curated), "-c",
         "SELECT province, count(*) AS docs FROM documents GROUP BY 1 ORDER BY 2 DESC"],
        capture_output=True, text=True, timeout=1800)  # a hang guard
    assert completed.returncode == 0, completed.stderr
    assert data.PROVINCE in completed.stdout.splitlines()[1]


def test_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert sql.main(["--curated", str(tmp_path / "nope"), "-c", "SELECT 1"]) == 2
    assert "make extract" in capsys.readouterr().err


def test_cli_one_liner_names_every_table(curated):
    line = sql.cli_one_liner(curated)
    assert line.startswith("duckdb -cmd ") and all(f"CREATE VIEW {name} " in line for name in TABLES)
