"""The review site on sample PDFs: every value beside its crop, doubtful documents first, opened in Chromium."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline import review
from pipeline.corrections import KEYS
from tests.support.browser import CHROMIUM, chromium, probed_copy, read_probe
from tests.support.cli import extract
from tests.support.shared import ROOT

RAW = ROOT / "data" / "raw"
SAMPLES = ["01001-measures_new.pdf", "01002-province.pdf", "01003-report.pdf"]
ARTIFACTS = ROOT / "artifacts"
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package chromium)")
pytestmark = pytest.mark.skipif(not all((RAW / s).exists() for s in SAMPLES), reason="data/raw samples missing")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("review")
    raw = base / "raw"
    raw.mkdir()
    for name in SAMPLES:
        shutil.copy(RAW / name, raw / name)
    (raw / "copy").mkdir()
    shutil.copy(RAW / SAMPLES[0], raw / "copy" / SAMPLES[0])  # same bytes: a duplicate row
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a PDF")
    curated = base / "curated"
    extract(raw, curated)
    out = base / "site"
    assert review.main(["--curated", str(curated), "--output", str(out)]) == 0  # input folder from the manifest
    return curated, out


def test_the_index_lists_every_document_failed_first_and_each_has_a_page(site):
    curated, out = site
    documents = pd.read_parquet(curated / "documents.parquet")
    index = (out / "index.html").read_text(encoding="utf-8")
    positions = {path: index.index(f">{path}</a>") for path in documents["source_path"]}
    assert min(positions, key=positions.get) == "broken.pdf"
    assert len(list((out / "doc").glob("*.html"))) == len(documents)


def test_each_value_has_its_crop_and_a_correction_line_for_each_field(site):
    curated, out = site
    documents = pd.read_parquet(curated / "documents.parquet").set_index("source_path")
    doc_id = documents.loc["01002-province.pdf", "doc_id"]
    page = (out / "doc" / f"{doc_id[:16]}.html").read_text(encoding="utf-8")
    for table in ("indicator_scores", "question_scores", "measures", "assessments"):
        frame = pd.read_parquet(curated / f"{table}.parquet")
        rows = frame[frame["doc_id"] == doc_id]
        for key in rows[KEYS[table]]:
            assert f"{doc_id},{table},{key}," in page
    boxed = 0
    for table in ("indicator_scores", "question_scores", "measures", "assessments"):
        frame = pd.read_parquet(curated / f"{table}.parquet")
        boxed += int(frame.loc[frame["doc_id"] == doc_id, "bbox"].notna().sum())
    crops = list((out / "crops").glob(f"{doc_id[:16]}-*.png"))
    assert boxed > 0 and len(crops) == boxed
    assert "#page=" in page and "file:///" in page


@needs_chromium
def test_pages_load_without_script_errors_draw_their_crops_and_render_thai(site, tmp_path):
    _, out = site
    pages = [out / "index.html", *sorted((out / "doc").glob("*.html"))]
    probe = ("(function(){var imgs=[].slice.call(document.images);var faces=[];"
             "document.fonts.forEach(function(f){faces.push(f.family+':'+f.status)});"
             "var boxes=document.querySelectorAll('input.flag');var shown=null;"
             "if(boxes.length){var b=document.querySelector('input.flag[value=failed]');b.click();"
             "shown=[].filter.call(document.querySelectorAll('#docs tbody tr'),function(r){return !r.hidden}).length;}"
             "return {images:imgs.length,drawn:imgs.filter(function(i){return i.complete&&i.naturalWidth>0}).length,"
             "faces:faces,thai:document.fonts.check('16px ReviewThai','ตรวจทานคะแนน'),shown:shown};})()")
    for page in pages:
        copy = probed_copy(page, probe)
        completed = chromium(tmp_path / "profile", "--dump-dom", copy.as_uri())
        result = read_probe(completed.stdout)
        assert result, f"{page.name} never finished loading: {completed.stderr[-1500:]}"
        assert result["errors"] == [], page.name
        seen = result["result"]
        assert seen["drawn"] == seen["images"], page.name
        assert seen["faces"] and all(face.endswith(":loaded") for face in seen["faces"]), page.name
        assert seen["thai"] is True
        if page.name == "index.html":
            assert seen["shown"] == 1  # the filter "failed" leaves broken.pdf only
        copy.unlink()
    assert any(True for _ in (out / "crops").glob("*.png"))
    ARTIFACTS.mkdir(exist_ok=True)
    documents = sorted((out / "doc").glob("*.html"), key=lambda p: -p.stat().st_size)
    for name, page, size in (("review-index.png", out / "index.html", "1100,700"),
                             ("review-document.png", documents[0], "1100,1600")):
        shot = ARTIFACTS / name
        shot.unlink(missing_ok=True)
        chromium(tmp_path / "profile", "--hide-scrollbars", f"--window-size={size}", f"--screenshot={shot}", page.as_uri())
        assert shot.exists() and shot.stat().st_size > 20_000
