"""Whole-path check on the hand-written probe documents (scripts/probe_corpus.py): a second generator whose
wordings and layouts the variety suite's does not make, printed by Chromium and WeasyPrint in TH SarabunPSK.
Every field of every document must be right: these documents are never tuned against, so a field that drops
here is a rule that does not generalise. (LibreOffice's HTML prints, borderless with tight columns, are
measured by the script, not here: their figures are in docs/probes.md.)"""
from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.support.score import close, norm
from tests.variety.check import check
from tests.variety.render_html import chromium_binary

ROOT = Path(__file__).resolve().parents[1]


def _probe_module():
    spec = importlib.util.spec_from_file_location("probe_corpus", ROOT / "scripts" / "probe_corpus.py")
    module = sys.modules.setdefault("probe_corpus", importlib.util.module_from_spec(spec))
    if not hasattr(module, "PROBES"):
        spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def probes(tmp_path_factory):
    printers = [p for p in ("chromium", "weasyprint") if p != "chromium" or chromium_binary()]
    if importlib.util.find_spec("weasyprint") is None:
        printers.remove("weasyprint")
    if not printers:
        pytest.skip("neither Chromium nor WeasyPrint is installed")
    from pipeline.run import RunOptions, run_extract

    probe = _probe_module()
    corpus = tmp_path_factory.mktemp("probe")
    (corpus / "truth").mkdir()
    for make in probe.PROBES + probe.PROBES_2:
        document = make()
        for printer in printers:
            name = f"{document.name}-{printer}.pdf"
            probe.render(printer, probe.page(document.html, "TH SarabunPSK"), corpus / name)
            truth = {**document.truth, "file": name, "scanned": False}
            (corpus / "truth" / f"{document.name}-{printer}.json").write_text(
                json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    curated = corpus.parent / f"{corpus.name}-curated"
    run_extract(corpus, curated, RunOptions(workers=2, progress=False, use_cache=False))
    yield corpus, curated
    shutil.rmtree(curated, ignore_errors=True)


def test_every_field_of_the_single_unit_probes_is_right(probes):
    corpus, curated = probes
    single = corpus / "single"
    (single / "truth").mkdir(parents=True, exist_ok=True)
    for truth in (corpus / "truth").glob("*.json"):
        if json.loads(truth.read_text(encoding="utf-8")).get("results") is None:
            shutil.copy(truth, single / "truth" / truth.name)
    wrong = {file: {k: v for k, v in record["fields"].items() if v[0] != v[1]}
             for file, record in check(single, curated).items()}
    assert {file: fields for file, fields in wrong.items() if fields} == {}


@pytest.mark.parametrize("make", ["announcement", "sectioned_announcement"])
def test_the_announcements_units_and_scores_are_right(probes, make):
    corpus, curated = probes
    documents = pd.read_parquet(curated / "documents.parquet")
    assessments = pd.read_parquet(curated / "assessments.parquet")
    document = getattr(_probe_module(), make)()
    truth = document.truth
    files = [f for f in documents.source_path if Path(f).name.startswith(f"{document.name}-")]
    assert files
    for path in files:
        doc = documents[documents.source_path == path].iloc[0]
        assert doc.doc_type == "results_announcement" and doc.assessment_year == truth["assessment_year"]
        rows = assessments[assessments.doc_id == doc.doc_id]
        assert len(rows) == len(truth["results"])
        for want in truth["results"]:
            got = rows[rows.unit_name.map(norm) == norm(want["unit_name"])]
            assert len(got) == 1, (path, want["name"])
            got = got.iloc[0]
            assert got.level == want["level"]
            for key in ("overall_score", "iit", "eit", "oit"):
                if key in want:
                    assert close(got[key], want[key]), (path, want["name"], key, got[key])


def test_no_space_is_read_after_sara_am_that_the_document_does_not_print(probes):
    """A browser writes SARA AM as NIKHAHIT + SARA AA under one /ActualText, and PDFium's box for it stops short
    of the SARA AA: every `ำ` was followed by a space (`ประจำ ปีงบประมาณ`, `จัดทำ คู่มือ`) in Chromium's prints."""
    import html as html_module
    import re

    corpus, curated = probes
    pages = pd.read_parquet(curated / "pages.parquet").merge(
        pd.read_parquet(curated / "documents.parquet")[["doc_id", "source_path"]], on="doc_id")
    after_sara_am = re.compile(r"(\S*ำ) ([ก-ฮ]\S*)")
    sources = {d.name: d for d in (make() for make in _probe_module().PROBES + _probe_module().PROBES_2)}
    checked = 0
    for path, texts in pages.groupby("source_path")["text"]:
        name, printer = Path(path).stem.rsplit("-", 1)
        if printer != "chromium":  # WeasyPrint's SARA AM is another case (docs/thai-text.md)
            continue
        printed = " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", sources[name].html)).split())
        # a space the print does not have: the two sides are printed as one word, and never apart
        invented = {f"{first} {second}" for text in texts for first, second in after_sara_am.findall(text)
                    if first + second in printed and f"{first} {second}" not in printed}
        assert invented == set(), (path, sorted(invented)[:5])
        checked += "ำ" in "".join(texts)
    assert checked  # the prints hold SARA AM at all
