#!/usr/bin/env python3
"""Write a variety corpus (issue #12): the same ITA content rendered many ways, PDFs plus truth/<file>.json in
the format of shared/corpus/sample, to measure the pipeline with tools/score.py:

    python scripts/variety_corpus.py /tmp/vc --variants borderless paragraphs --renderers chromium docx
    python -m pipeline extract --input /tmp/vc --output /tmp/vc-cur
    python ../shared/tools/score.py /tmp/vc /tmp/vc-cur

Without --variants every layout feature is written once per renderer (and --count contents each);
--matrix writes exactly the documents of tests/test_variety.py. Features combine with `+`.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.variety.content import FAMILIES  # noqa: E402
from tests.variety.corpus import Spec, available_renderers, make_all  # noqa: E402
from tests.variety.fonts import ALL as ALL_FONTS, font_file  # noqa: E402
from tests.variety.layout import FEATURES, options  # noqa: E402
from tests.variety import matrix  # noqa: E402
from tests.variety.matrix import all_specs  # noqa: E402

# The held-out sets, each measured blind before the parser changes it made: flag -> tests/variety/matrix.py's specs.
HELD_OUT_SETS = {"held-out": matrix.held_out_specs,
                 **{f"held-out-{n}": getattr(matrix, f"held_out_{n}_specs") for n in range(2, 15)}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=1, help="first content seed (default 1)")
    ap.add_argument("--count", type=int, default=1, help="contents per variant and renderer (default 1)")
    ap.add_argument("--variants", nargs="+", default=list(FEATURES), metavar="V",
                    help=f"layout variants, features joined with + (default: each of {', '.join(FEATURES)})")
    ap.add_argument("--renderers", nargs="+", default=["docx", "chromium", "weasyprint"],
                    choices=["docx", "chromium", "weasyprint"])
    ap.add_argument("--families", nargs="+", default=[f for f in FAMILIES], choices=list(FAMILIES))
    ap.add_argument("--fonts", nargs="+", default=None, metavar="FONT",
                    help="font families to rotate through (default: every one available here)")
    ap.add_argument("--matrix", action="store_true", help="write the test suite's documents instead")
    ap.add_argument("--font-sweep", action="store_true",
                    help="write the same contents (tests/variety/matrix.py FONT_SWEEP) through every renderer in each "
                         "font of --fonts (default: every Thai font installed here that the matrix does not use)")
    for flag in HELD_OUT_SETS:
        ap.add_argument(f"--{flag}", action="store_true",
                        help=f"write the documents of the held-out set {flag[8:] or 1} (tests/variety/matrix.py) instead")
    ap.add_argument("--measure", action="store_true",
                    help="then run the pipeline into OUT_DIR-curated and print per-document field accuracy")
    ap.add_argument("--known-failures", action="store_true",
                    help="with --matrix --measure: also print tests/test_variety.py's KNOWN_FAILURES for this parser")
    a = ap.parse_args(argv)
    for variant in a.variants:
        options(variant)
    missing = {r: why for r, why in available_renderers().items() if why and r in a.renderers}
    for r, why in missing.items():
        print(f"skipping renderer {r}: {why}", file=sys.stderr)
    fonts = [f for f in (a.fonts or ALL_FONTS) if font_file(f) is not None]
    if not fonts:
        ap.error("none of the fonts is available on this machine")
    held_out = [flag for flag in HELD_OUT_SETS if getattr(a, flag.replace("-", "_"))]
    if held_out:
        specs = [s for s in HELD_OUT_SETS[held_out[-1]]() if s.renderer not in missing and font_file(s.font) is not None]
    elif a.matrix:
        specs = [s for s in all_specs() if s.renderer not in missing and font_file(s.font) is not None]
    elif a.font_sweep:
        sweep = [f for f in (a.fonts or matrix.sweep_fonts()) if font_file(f) is not None]
        specs = [s for s in matrix.font_sweep_specs(sweep) if s.renderer not in missing and s.renderer in a.renderers]
    else:
        renderers = [r for r in a.renderers if r not in missing]
        specs, n = [], 0
        for variant in a.variants:
            families = [f for f in a.families if f != "analysis" or not _needs_measures(variant)] or a.families
            for renderer in renderers:
                for _ in range(a.count):
                    specs.append(Spec(a.seed + n, families[n % len(families)], variant, renderer,
                                      fonts[n % len(fonts)]))
                    n += 1
    started = time.perf_counter()
    make_all(specs, a.out_dir)
    print(f"wrote {len(specs)} documents to {a.out_dir} in {time.perf_counter() - started:.1f} s")
    if a.measure:
        table, results = measure(a.out_dir, a.out_dir.with_name(a.out_dir.name + "-curated"))
        print(table)
        if a.known_failures:
            from tests.variety.matrix import known_failures
            print("\nKNOWN_FAILURES: dict[str, str] = {")
            print("".join(f"    {k!r}: {v!r},\n" for k, v in sorted(known_failures(results).items())) + "}")
    return 0


def measure(corpus: Path, curated: Path) -> tuple[str, dict]:
    """Run the pipeline and give a Markdown table: one row per document, its mean field accuracy and the
    fields below issue #12's 0.98 (fragments and wrong numbers: below 1.0)."""
    from pipeline.run import RunOptions, run_extract
    from tests.variety.check import aggregate, check, failing

    run_extract(corpus, curated, RunOptions(workers=2, progress=False, use_cache=False))
    results = check(corpus, curated)
    lines = ["| variant | family | renderer | font | mean field accuracy | fields below 0.98 |", "|---|---|---|---|---|---|"]
    for file, r in results.items():
        t, fields = r["truth"], aggregate(results, [file])
        rates = [ok / n for k, (ok, n) in fields.items() if n and k != "listed"]
        bad = ", ".join(f"{k} {v}" for k, v in failing(fields, 0.98).items()) or "none"
        lines.append(f"| {t['variant']} | {t['family']} | {t['printer']} | {t['font']} | "
                     f"{sum(rates) / len(rates):.3f} | {bad} |")
    total = aggregate(results, list(results))
    lines += ["", "| field | right / total | accuracy |", "|---|---|---|"]
    lines += [f"| {k} | {ok}/{n} | {ok / n:.3f} |" for k, (ok, n) in total.items() if n]
    return "\n".join(lines), results


def _needs_measures(variant: str) -> bool:
    """Variants about measure tables say nothing on an analysis document (it has none)."""
    o = options(variant)
    return any((o.borders != "grid", o.column_order != "standard", o.number_column, o.headers != "sample",
                o.period_columns, o.budget_note, o.landscape, o.paragraphs, o.merged_measure,
                o.merged_responsible, o.long_rows, o.multi_year))


if __name__ == "__main__":
    sys.exit(main())
