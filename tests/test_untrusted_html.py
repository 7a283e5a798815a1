"""PDF text is untrusted: a generated PDF whose text and file name carry markup, an attribute break-out, `../`
and a `javascript:` link goes through extract, the review site and the comparison report; in Chromium nothing
of it runs, no link leaves for another scheme, and nothing is written outside the output folders."""
from __future__ import annotations

import html
import os
from pathlib import Path

import pandas as pd
import pytest

from pipeline import compare, review
from pipeline.html_safe import esc, file_link, inside, safe_stem, source_file
from tests.pdf_factory import Row, make_pdf
from tests.support.browser import CHROMIUM, chromium, probed_copy, read_probe
from tests.support.cli import extract

SCRIPT = '<script>document.title="PWNED"</script>'
ATTRIBUTE = '" onload="document.title=\'PWNED\'" x="'
LINK = 'javascript:document.title="PWNED"'
IMAGE = '<img src=x onerror="document.title=\'PWNED\'">'
# A file name cannot hold "/", so its "../" is spelled as a URL would carry it.
FILE_NAME = f"{SCRIPT} {ATTRIBUTE} {LINK} ..%2F..%2Fescape.pdf".replace("/", "%2F")
# What the page reports: its title, elements with event-handler attributes, links and scripts.
PROBE = ("(function(){var on=[].filter.call(document.querySelectorAll('*'),function(e){"
         "return [].some.call(e.attributes,function(a){return a.name.indexOf('on')===0})}).length;"
         "return {title:document.title,on:on,links:[].map.call(document.querySelectorAll('[href],[src]'),"
         "function(e){return e.getAttribute('href')||e.getAttribute('src')}),"
         "scripts:[].map.call(document.scripts,function(s){return s.getAttribute('src')||'inline'}),"
         "text:document.body.textContent.indexOf('<script>document.title')>=0};})()")


def _evil_pdf(folder: Path) -> Path:
    pages = [[
        Row([["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568"]], "heading"),
        Row([["องค์การบริหารส่วนตำบลท่าบัว อำเภอโพทะเล จังหวัดพิจิตร"]], "heading"),
        Row([["ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. 2567"]], "text"),
        Row([["คะแนนภาพรวมหน่วย องค์การบริหารส่วนตำบลท่าบัว 90.61 คะแนน ระดับผลการประเมิน ผ่านดี"]], "text"),
        Row([[f"หมายเหตุ {SCRIPT}"]], "text"),
        Row([["ลำดับ"], ["มาตรการ"], ["วิธีการดำเนินการ"], ["ผู้รับผิดชอบ"], ["ระยะเวลา"]], "header"),
        Row([["1"], ["จัดทำคู่มือ", SCRIPT], [ATTRIBUTE, "../../../tmp/x"], [LINK], ["ตุลาคม 2567"]]),
        Row([["2"], ["เปิดเผยข้อมูล", IMAGE], ["ประกาศ"], ["สำนักปลัด"], ["ตลอดปี"]]),
    ]]
    return make_pdf(folder / FILE_NAME, pages, col_widths=[40, 150, 150, 90, 70])


def _files(root: Path, skip: set[Path]) -> set[Path]:
    return {p for p in root.rglob("*") if not any(p == s or s in p.parents for s in skip)}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("untrusted")
    raw, curated, site, reports = (base / name for name in ("raw", "curated", "site", "reports"))
    raw.mkdir()
    _evil_pdf(raw)
    before = _files(base, set())
    extract(raw, curated)
    assert review.main(["--curated", str(curated), "--output", str(site)]) == 0
    assert compare.main(["--province", "พิจิตร", "--curated", str(curated), "--reports", str(reports)]) == 0
    written = _files(base, {curated, site, reports}) - before
    return base, curated, site, reports, written


def test_the_payloads_reached_the_tables(built):
    _, curated, *_ = built
    documents = pd.read_parquet(curated / "documents.parquet")
    measures = pd.read_parquet(curated / "measures.parquet")
    assert documents["source_path"].tolist() == [FILE_NAME]
    text = " ".join(measures[["measure", "method", "responsible"]].fillna("").to_numpy().ravel())
    for payload in ("<script>", '" onload=', "javascript:", "../", "onerror="):
        assert payload in text


def test_nothing_is_written_outside_the_output_folders(built):
    *_, written = built
    assert written == set()


def test_pages_escape_every_string_and_name_their_files_safely(built):
    _, _, site, reports, _ = built
    pages = [site / "index.html", *(site / "doc").glob("*.html"), *reports.glob("*.html")]
    assert len(pages) == 3
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert SCRIPT not in text and "<img src=x" not in text and '" onload="' not in text
        assert 'href="javascript:' not in text.lower() and 'src="javascript:' not in text.lower()
    assert all(inside(site, p) for p in site.rglob("*")) and all(inside(reports, p) for p in reports.rglob("*"))


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package chromium)")
def test_in_chromium_nothing_runs_and_no_link_leaves_for_another_scheme(built, tmp_path):
    _, _, site, reports, _ = built
    for page in [site / "index.html", *(site / "doc").glob("*.html"), *reports.glob("*.html")]:
        title = page.read_text(encoding="utf-8").split("<title>", 1)[1].split("</title>", 1)[0]
        copy = probed_copy(page, PROBE)
        completed = chromium(tmp_path / "profile", "--dump-dom", copy.as_uri())
        probe = read_probe(completed.stdout)
        assert probe, f"{page.name} never finished loading: {completed.stderr[-1500:]}"
        seen = probe["result"]
        assert probe["errors"] == [] and seen["title"] == html.unescape(title) != "PWNED"  # no script set it
        assert seen["on"] == 0, page.name  # no element gained an event-handler attribute
        assert seen["text"] is True  # the payload is shown as text
        assert all(not link.lower().lstrip().startswith(("javascript:", "data:text")) for link in seen["links"])
        assert [s for s in seen["scripts"] if s != "inline"] == [
            s for s in seen["scripts"] if s in ("__probe_head.js", "__probe_tail.js", "../assets/review.js",
                                                "assets/review.js")]
        copy.unlink()


def test_derived_names_and_links_cannot_leave_their_folder(tmp_path):
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (tmp_path / "outside.pdf").write_bytes(b"%PDF-1.4")
    (inputs / "sub" / "a.pdf").write_bytes(b"%PDF-1.4")
    assert source_file(inputs, "../outside.pdf") is None
    assert source_file(inputs, "sub/../../outside.pdf") is None
    assert source_file(inputs, str(tmp_path / "outside.pdf")) is None  # an absolute path is not inside either
    assert source_file(inputs, "sub/a.pdf") == (inputs / "sub" / "a.pdf").resolve()
    link = file_link(source_file(inputs, "sub/a.pdf"), 3)
    assert link.startswith("file:///") and link.endswith("#page=3")
    for text in ("../../etc/passwd", "..", "/abs/path", 'a"b<c>', "javascript:x", ""):
        stem = safe_stem(text)
        assert stem and "/" not in stem and not stem.startswith(".") and inside(tmp_path, tmp_path / stem)
    assert safe_stem("ปัตตานี") == "ปัตตานี"
    assert esc('<a href="x">\'') == "&lt;a href=&quot;x&quot;&gt;&#x27;"
    assert os.sep not in safe_stem(f"a{os.sep}b")
