"""The variety suite (issue #12): the same ITA content printed many ways must give the same facts.

One session fixture renders the documents of tests/variety/matrix.py (every layout feature alone and in
combinations, DOCX through LibreOffice, HTML through Chromium and WeasyPrint, government and TLWG fonts),
runs the pipeline over them and compares every field with the content they were made from. A renderer or
font this machine lacks is skipped with the reason. Variants the parser does not read yet are marked xfail
(strict) with the fields that failed when measured, so the mark flips when the parser is fixed.
Figures and how to run: docs/variety.md.
"""
from __future__ import annotations

import fcntl
import json
import os
import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.variety import matrix
from tests.variety.check import check
from tests.variety.content import FAMILIES, generate, level_of
from tests.variety.corpus import available_renderers, make_all
from tests.variety.fonts import font_file
from tests.variety.layout import FEATURES, build, options
from tests.variety.truth import truth

# Measured on the parser of the commit that last changed this list (`scripts/variety_corpus.py OUT --matrix --measure --known-failures` prints
# it anew); each names the fields below the minimum, right/total. Delete an entry when the parser reads that variant: strict xfail fails on XPASS.
KNOWN_FAILURES: dict[str, str] = {}


def _xfail(test_id: str):
    reason = KNOWN_FAILURES.get(test_id)
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """Render the matrix (what this machine can), run the pipeline, check every document. Built once per
    test run: under xdist the first worker builds it under a lock and the others read its results."""
    missing = {r: why for r, why in available_renderers().items() if why}
    specs = [s for s in matrix.all_specs() if s.renderer not in missing and font_file(s.font) is not None]
    if not specs:
        pytest.skip(f"no renderer available: {missing}")
    base = tmp_path_factory.getbasetemp()
    root = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "variety"
    root.mkdir(exist_ok=True)
    with open(root / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        saved = root / "results.json"
        if not saved.exists():
            saved.write_text(json.dumps(_build(specs, root), ensure_ascii=False), encoding="utf-8")
    results = json.loads(saved.read_text(encoding="utf-8"))
    for record in results.values():
        record["rows"] = [tuple(tuple(x) if isinstance(x, list) else x for x in row) for row in record["rows"]]
    return {"results": results, "missing": missing}


def _build(specs, root):
    from pipeline.run import RunOptions, run_extract

    make_all(specs, root / "corpus")
    run_extract(root / "corpus", root / "curated", RunOptions(workers=2, progress=False, use_cache=False))
    return check(root / "corpus", root / "curated")


def _verdict(corpus, key: str) -> str | None:
    specs = matrix.checks()[key]
    present = [s for s in specs if s.file in corpus["results"]]
    if not present or (key.startswith("same_rows[") and len(present) < 2):
        why = "; ".join(sorted({f"{s.renderer}: {corpus['missing'][s.renderer]}" if s.renderer in corpus["missing"]
                                else f"font {s.font} not on this machine" for s in specs if s not in present}))
        pytest.skip(f"not rendered here ({why})")
    return matrix.verdict(key, corpus["results"])


def _params(prefix: str, values) -> list:
    return [pytest.param(v, id=str(v), marks=_xfail(f"{prefix}[{v}]" if prefix else v)) for v in values]


@pytest.mark.parametrize("variant", _params("variant", [s.variant for s in matrix.variant_specs()]))
def test_variant_reads_every_field(corpus, variant):
    """Each layout feature, alone and combined: every field >= 0.98 (0.95 with unseen wordings)."""
    why = _verdict(corpus, f"variant[{variant}]")
    assert why is None, f"fields below the minimum: {why}"


@pytest.mark.parametrize("renderer", _params("renderer", matrix.RENDERERS))
def test_renderer_reads_every_field(corpus, renderer):
    why = _verdict(corpus, f"renderer[{renderer}]")
    assert why is None, f"fields below {matrix.MINIMUM}: {why}"


@pytest.mark.parametrize("font", _params("font", matrix.FONTS))
def test_font_reads_every_field(corpus, font):
    why = _verdict(corpus, f"font[{font}]")
    assert why is None, f"fields below {matrix.MINIMUM}: {why}"


@pytest.mark.parametrize("name", _params("same_rows", [n for n, *_ in matrix.SAME_CONTENT]))
def test_same_content_gives_the_same_rows_whatever_the_renderer(corpus, name):
    """Measure, responsible, period and codes of every row must not depend on the printer."""
    why = _verdict(corpus, f"same_rows[{name}]")
    assert why is None, why


@pytest.mark.parametrize("check_name", _params("", ["no_fragment_rows", "numbers_not_wrong"]))
def test_whole_corpus(corpus, check_name):
    """No extracted measure row is a fragment (matches no true measure); no number is a wrong number."""
    why = _verdict(corpus, check_name)
    assert why is None, why


# ------------------------------------------------------------------ the instrument itself (no renderer)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6), family=st.sampled_from(FAMILIES))
def test_content_is_consistent_by_the_years_rules(seed, family):
    doc = generate(seed, family)
    assert doc == generate(seed, family), "the same seed must give the same document"
    if doc.assessment_year:
        tools = doc.tools
        weights = ({"iit": 30, "eit_part1": 15, "eit_part2": 15, "oit": 40} if "eit_part1" in tools
                   else {"iit": 30, "eit": 30, "oit": 40})
        assert abs(sum(w * tools[k] for k, w in weights.items()) / 100 - doc.overall) <= 0.006
        assert abs(tools["iit"] - sum(doc.indicators[n] for n in range(1, 6)) / 5) <= 0.006
        eit = (tools["eit_part1"] + tools["eit_part2"]) / 2 if "eit_part1" in tools else tools["eit"]
        assert level_of(doc.overall, doc.assessment_year, {"iit": tools["iit"], "eit": eit, "oit": tools["oit"]}) \
            == doc.level
        assert (doc.level in ("AA", "A", "B", "C", "D", "E", "F")) == (doc.assessment_year <= 2566)
    for m in doc.measures:
        assert m.period.start <= m.period.end
    assert len({m.measure for m in doc.measures}) == len(doc.measures)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10**6), family=st.sampled_from(FAMILIES),
       features=st.lists(st.sampled_from(sorted(FEATURES)), min_size=1, max_size=3, unique=True))
def test_every_layout_builds_and_its_truth_matches_the_content(seed, family, features):
    variant = "+".join(features)
    adapted, plan = build(generate(seed, family), variant)
    record = truth(adapted, plan, file="x.pdf", variant=variant, renderer="none", font="none")
    assert plan.blocks
    if record["measures"] is None:
        return
    for tm, m in zip(record["measures"], adapted.measures):
        start, end = date.fromisoformat(tm["period_start"]), date.fromisoformat(tm["period_end"])
        assert start <= end
        if options(variant).period_columns:  # ticks hold whole months of the fiscal year
            assert start.day == 1 and (end + timedelta(days=1)).day == 1
        # a budget printed `-` (budget_dash, a budget of 0) states none: its truth is null
        stated = options(variant).budget_note and not (options(variant).budget_dash and m.budget == 0)
        assert (tm["budget"] is None) == (not stated)


def test_merged_cells_give_every_measure_the_groups_values():
    doc = generate(7, "measures", n_measures=8)
    adapted, _ = build(doc, "merged_responsible")
    pairs = [(m.responsible, m.period.start) for m in adapted.measures]
    assert len(set(pairs)) < len(pairs), "merged groups share their responsible office and period"


def test_multi_year_periods_run_from_the_first_to_the_last_fiscal_year():
    adapted, plan = build(generate(9, "measures"), "multi_year")
    multi = [m for m in adapted.measures if m.period.kind == "multi_year"]
    assert multi
    for m in multi:
        first, last = (int(y) for y in m.period_text.removeprefix("พ.ศ. ").split(" - "))
        assert m.period.start == date(first - 544, 10, 1) and m.period.end == date(last - 543, 9, 30)


def test_unknown_feature_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown layout feature"):
        options("baseline+sideways")


def test_rendering_is_deterministic_per_content_whatever_the_renderer_and_font():
    doc = generate(random.Random(3).randrange(10**6), "measures_report")
    a = truth(*build(doc, "merged_measure", font="Loma"), file="f", variant="v", renderer="docx", font="Loma")
    b = truth(*build(doc, "merged_measure", font="TH SarabunPSK"), file="f", variant="v", renderer="x", font="y")
    assert a["measures"] == b["measures"] and a["assessment"] == b["assessment"]


@pytest.mark.parametrize("variant", ["period_split+borderless", "period_split+header_lines"])
def test_narrow_start_and_end_columns_without_rules_stay_apart(tmp_path, variant):
    """`เริ่ม` | `สิ้นสุด` under one `ระยะเวลา` in a table without column rules: the merged header hides the white
    space between the two narrow columns, which the column finder must still see (their dates interleaved into one
    column before: period 0/5 and 5/7 of these two prints)."""
    from pipeline.run import RunOptions, run_extract
    from tests.variety.corpus import Spec

    if available_renderers()["docx"]:
        pytest.skip(f"docx: {available_renderers()['docx']}")
    spec = Spec(4 if variant.endswith("borderless") else 1, "measures", variant, "docx",
                "Garuda" if variant.endswith("borderless") else "TH Sarabun New")
    if font_file(spec.font) is None:
        pytest.skip(f"font {spec.font} not on this machine")
    make_all([spec], tmp_path / "corpus")
    run_extract(tmp_path / "corpus", tmp_path / "curated", RunOptions(workers=1, progress=False, use_cache=False))
    fields = check(tmp_path / "corpus", tmp_path / "curated")[spec.file]["fields"]
    ok, n = fields["measure_period"]
    assert n >= 5 and ok == n, fields
    assert fields["measure_recall"][0] == fields["measure_recall"][1], fields
