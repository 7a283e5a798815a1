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
from tests.variety.matrix import all_specs, held_out_2_specs, held_out_3_specs, held_out_4_specs, held_out_5_specs, held_out_6_specs, held_out_7_specs, held_out_8_specs, held_out_9_specs, held_out_10_specs, held_out_11_specs, held_out_specs  # noqa: E402


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
    ap.add_argument("--held-out", action="store_true",
                    help="write the held-out wordings' documents (tests/variety/matrix.py HELD_OUT) instead")
    ap.add_argument("--held-out-2", action="store_true",
                    help="write the second held-out set's documents (tests/variety/matrix.py HELD_OUT_2) instead")
    ap.add_argument("--held-out-3", action="store_true",
                    help="write the third held-out set's documents (tests/variety/matrix.py HELD_OUT_3) instead")
    ap.add_argument("--held-out-4", action="store_true",
                    help="write the fourth held-out set's documents (tests/variety/matrix.py HELD_OUT_4) instead")
    ap.add_argument("--held-out-5", action="store_true",
                    help="write the fifth held-out set's documents (tests/variety/matrix.py HELD_OUT_5) instead")
    ap.add_argument("--held-out-6", action="store_true",
                    help="write the sixth held-out set's documents (tests/variety/matrix.py HELD_OUT_6) instead")
    ap.add_argument("--held-out-7", action="store_true",
                    help="write the seventh held-out set's documents (tests/variety/matrix.py HELD_OUT_7) instead")
    ap.add_argument("--held-out-8", action="store_true",
                    help="write the eighth held-out set's documents (tests/variety/matrix.py HELD_OUT_8) instead")
    ap.add_argument("--held-out-9", action="store_true",
                    help="write the ninth held-out set's documents (tests/variety/matrix.py HELD_OUT_9) instead")
    ap.add_argument("--held-out-10", action="store_true",
                    help="write the tenth held-out set's documents (tests/variety/matrix.py HELD_OUT_10) instead")
    ap.add_argument("--held-out-11", action="store_true",
                    help="write the eleventh held-out set's documents (tests/variety/matrix.py HELD_OUT_11) instead")
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
    if a.held_out_11:
        specs = [s for s in held_out_11_specs() if s.renderer not in missing and font_file(s.font) is not None]
    elif a.held_out_10:
        specs = [s for s in held_out_10_specs() if s.renderer not in missing and font_file(s.font) is not None]
    elif a.held_out_9:
        specs = [s for s in held_out_9_specs() if s.renderer not in missing and font_file(s.font) is not None]
    elif a.held_out_8:
        specs = [s for s in held_out_8_specs() if s.renderer not in missing and font_file(s.font) is not None]
    elif a.held_out_7:
        specs = [s for s in held_out_7_specs() if s.renderer not in missing and font_file(s.font) is not None]
    elif a.held_out_6:
        specs = [s for s in held_out_6_specs() if s.renderer not in missing and font_file(s.font) is not None]
    elif a.held_out_5:
        specs = [s for s in held_out_5_specs() if s.renderer not in missing and font_file(s.font) is not None]
    elif a.held_out_4:
        specs = [s for s in held_out_4_specs() if s.renderer not in missing and font_file(s.font) is not None]
    elif a.held_out_3:
        specs = [s for s in held_out_3_specs() if s.renderer not in missing and font_file(s.font) is not None]
    elif a.held_out_2:
        specs = [s for s in held_out_2_specs() if s.renderer not in missing and font_file(s.font) is not None]
    elif a.held_out:
        specs = [s for s in held_out_specs() if s.renderer not in missing and font_file(s.font) is not None]
    elif a.matrix:
        specs = [s for s in all_specs() if s.renderer not in missing and font_file(s.font) is not None]
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
