"""The whole path on real PDFs: `python -m pipeline extract` over the committed samples in data/raw.

Checks the data contract (six tables, their schemas, one documents row per input file) and scores the
extraction field by field against the samples' truth with the project's scorer.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.schema import TABLES
from tests.support.cli import extract
from tests.support.shared import ROOT

RAW = ROOT / "data" / "raw"
TRUTH = Path(__file__).parent / "fixtures" / "truth"
SCORER = Path(__file__).parent / "support" / "score.py"

# Field accuracies the committed samples must keep (measured; see README "Quality"). Text-layer documents are
# read exactly; scanned ones depend on OCR (digits re-read by template, codes recovered from question text).
TEXT_LAYER_MINIMUM = 1.0
SCANNED_MINIMUM = {
    "status_ok": 1.0, "doc_type": 1.0, "fiscal_year": 1.0, "assessment_year": 1.0, "scores": 1.0, "level": 1.0,
    "indicator_scores": 1.0, "measure_recall": 0.85, "measure_precision": 0.85, "measure_responsible": 0.85,
    "measure_method": 0.85, "measure_period": 0.5, "question_recall": 1.0, "question_precision": 1.0,
    "unit_name": 1.0, "unit_province": 1.0,
}


@pytest.fixture(scope="module")
def curated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("curated")
    completed = extract(RAW, out)
    assert "files" in completed.stdout and "ok" in completed.stdout, completed.stdout
    return out


def _score(curated: Path, corpus: Path, *flags: str) -> dict:
    report = corpus / f"score{'-'.join(flags)}.json"
    completed = subprocess.run(
        [sys.executable, str(SCORER), str(corpus), str(curated), "--json", str(report), *flags],
        capture_output=True, text=True, timeout=1800,  # a guard against a hang, not a speed test
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    print(completed.stdout)
    return json.loads(report.read_text())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copytree(TRUTH, corpus / "truth")
    return corpus


@pytest.fixture(scope="module")
def text_layer_scores(curated, corpus) -> dict:
    return _score(curated, corpus, "--no-scanned")


@pytest.fixture(scope="module")
def scanned_scores(curated, corpus) -> dict:
    return _score(curated, corpus, "--only-scanned")


def test_every_table_of_the_contract_is_written_with_its_schema(curated):
    for name, schema in TABLES.items():
        table = pq.read_table(curated / f"{name}.parquet")
        assert table.schema.equals(schema, check_metadata=False), name
        pd.read_parquet(curated / f"{name}.parquet")  # analysts' entry point must read it


def test_every_input_file_has_exactly_one_documents_row(curated):
    documents = pd.read_parquet(curated / "documents.parquet")
    inputs = sorted(p.relative_to(RAW).as_posix() for p in RAW.rglob("*.pdf"))
    assert sorted(documents["source_path"]) == inputs
    assert documents["doc_id"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert set(documents["status"]) <= {"ok", "partial", "failed"}


def test_no_sample_page_fails_inside_the_reader(curated):
    """A page's exception becomes a warning so a batch goes on; on the samples it is a bug, never an outcome."""
    documents = pd.read_parquet(curated / "documents.parquet")
    failures = [w for ws in documents["warnings"] for w in ws if "could not be read" in w]
    assert failures == []


def test_strings_are_clean_data_contract_strings(curated):
    measures = pd.read_parquet(curated / "measures.parquet")
    documents = pd.read_parquet(curated / "documents.parquet")
    texts = pd.concat([measures[c] for c in ("measure", "method", "responsible", "period_text")]
                      + [documents["unit_raw"], documents["unit_name"]]).dropna()
    assert not texts.str.contains(r"[๐-๙]").any(), "Thai digits left in text fields"
    assert not texts.str.contains(r"<\/?(?:p|li|ul)>").any(), "markup left in text fields"
    assert not texts.str.contains(r"\s{2,}|^\s|\s$").any(), "whitespace not collapsed"


def test_text_layer_samples_are_read_exactly(text_layer_scores):
    fields = {k: v for k, v in text_layer_scores.items() if k not in ("documents", "listed")}
    assert {"doc_type", "fiscal_year", "scores", "measure_recall", "unit_name"} <= set(fields)
    assert {k: v for k, v in fields.items() if v < TEXT_LAYER_MINIMUM} == {}


@pytest.mark.parametrize("field", sorted(SCANNED_MINIMUM))
def test_scanned_samples_keep_their_accuracy(scanned_scores, field):
    assert scanned_scores.get(field) is not None, f"{field} was not scored"
    assert scanned_scores[field] >= SCANNED_MINIMUM[field], f"{field}: {scanned_scores[field]}"


def test_cli_reports_a_missing_input_folder_clearly(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "--input", str(tmp_path / "nope"), "--output", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,  # a hang guard, not a speed test
    )
    assert completed.returncode == 2
    assert "input folder not found" in completed.stderr
