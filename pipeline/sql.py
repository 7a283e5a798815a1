"""DuckDB views over the curated tables, for analysts (`make sql`) and for tests and notebooks (`connect`).

The views read the Parquet files in place, so they always show the latest `make extract`. A table that has
not been written yet becomes an empty table with the contract's columns, so queries never fail on a missing
file.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import duckdb

from pipeline.schema import TABLES

# Convenience views built on the contract tables: one row per scored document with its unit's names.
DERIVED_VIEWS = {
    "unit_scores": """
        SELECT d.province, d.district, d.unit_id, coalesce(d.unit_name, d.unit_raw) AS unit_name, d.unit_type,
               a.assessment_year, a.overall_score, a.level, a.iit, a.eit, a.eit_part1, a.eit_part2, a.oit,
               d.doc_type, d.source_path, a.doc_id
        FROM assessments a JOIN documents d USING (doc_id)
    """,
    "unit_indicators": """
        SELECT d.province, d.unit_id, coalesce(d.unit_name, d.unit_raw) AS unit_name, i.assessment_year,
               i.indicator, i.indicator_name, i.tool, i.score, i.doc_id
        FROM indicator_scores i JOIN documents d USING (doc_id)
    """,
}


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(curated_dir: str | Path, database: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with one view per curated table plus the DERIVED_VIEWS."""
    curated = Path(curated_dir)
    con = duckdb.connect(database)
    for name, schema in TABLES.items():
        path = curated / f"{name}.parquet"
        if path.exists():
            con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet({_sql_string(str(path))})")
        else:
            con.register("_empty", schema.empty_table())
            con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM _empty")
            con.unregister("_empty")
    for name, query in DERIVED_VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {name} AS {query}")
    return con


def cli_one_liner(curated_dir: str | Path) -> str:
    """The equivalent command for the standalone duckdb CLI, for people who have it."""
    curated = Path(curated_dir).resolve()
    views = "; ".join(
        f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{curated / (name + '.parquet')}')" for name in TABLES
    )
    return f'duckdb -cmd "{views};"'


def _run(con: duckdb.DuckDBPyConnection, statement: str, out) -> None:
    try:
        relation = con.sql(statement)
    except duckdb.Error as exc:
        print(f"error: {exc}", file=out)
        return
    if relation is not None:
        print(relation.fetchdf().to_string(index=False, max_rows=200), file=out)


def _split_statements(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def repl(con: duckdb.DuckDBPyConnection, stdin=None, out=None) -> None:
    """A minimal shell: statements end with `;`; `.tables` lists the views; `.quit` or end of input leaves."""
    stdin, out = stdin or sys.stdin, out or sys.stdout
    interactive = stdin.isatty()
    buffer = ""
    while True:
        if interactive:
            print("sql> " if not buffer else "...> ", end="", file=out, flush=True)
        line = stdin.readline()
        if not line:
            break
        command = line.strip()
        if not buffer and command in (".quit", ".exit"):
            break
        if not buffer and command == ".tables":
            _run(con, "SELECT table_name AS view FROM information_schema.tables ORDER BY 1", out)
            continue
        buffer += line
        if buffer.rstrip().endswith(";"):
            for statement in _split_statements(buffer):
                _run(con, statement, out)
            buffer = ""
    for statement in _split_statements(buffer):
        _run(con, statement, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline sql", description=__doc__.splitlines()[0])
    parser.add_argument("--curated", default="data/curated", help="folder of the Parquet tables (default: data/curated)")
    parser.add_argument("-c", "--command", help="run these SQL statements and exit instead of opening the shell")
    args = parser.parse_args(argv)
    if not Path(args.curated).is_dir():
        print(f"error: no curated folder {args.curated!r}; run `make extract` first", file=sys.stderr)
        return 2
    con = connect(args.curated)
    if args.command:
        for statement in _split_statements(args.command):
            _run(con, statement, sys.stdout)
        return 0
    if sys.stdin.isatty():
        views = ", ".join([*TABLES, *DERIVED_VIEWS])
        print(f"DuckDB {duckdb.__version__} with views: {views}\nEnd statements with ';'. .tables lists views, .quit leaves.")
        if shutil.which("duckdb"):
            print(f"(the duckdb CLI is installed too: {cli_one_liner(args.curated)})")
    repl(con)
    return 0
