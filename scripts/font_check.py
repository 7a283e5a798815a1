#!/usr/bin/env python3
"""Does the text layer read right in Thai fonts the samples do not use?

Rebuilds measures documents like the samples' (their truth files give the text: title, unit, the score
sentence `มีผลคะแนน ๘๙.๔๖ คะแนน อยู่ในระดับ A`, an indicator table, measure tables with section headings,
question codes `i๘`/`e๑๑`/`O ๒๗`, Thai digits) as flat ODF text, converts them with LibreOffice Writer
(`soffice --headless --convert-to pdf`, as the samples were: TrueType subsets, WinAnsi, Writer tables) in
each font, then reports per font:

  lines         CER of the paragraphs outside tables (title, unit, score sentence) in the layout stage's lines
  cells         CER of every measure-table cell (measure with its code, method, responsible, period) in
                the layout stage's table cells, raw
  cells+clean   the same through the normalize stage (`clean_text`): what the parser sees
  fields        `score.py` mean field accuracy of the whole pipeline on the rebuilt documents, and the
                fields below 1.000

CER as in scripts/cer_report.py: whitespace removed, digits compared as Arabic, each source string against
the best-matching span of the text. A font the samples use (Garuda by default) is the control: the
generator's own mistakes show there too.

Needs LibreOffice (`apt-get install libreoffice-writer-nogui`); measuring only, never run by the tests.

usage: python scripts/font_check.py [--fonts "Umpush,Waree"] [--docs 01000,01001] [--out DIR] [--no-pipeline]
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from cer_report import best_span_distance, squash  # noqa: E402

from normalizers import catalog  # noqa: E402
from normalizers.digits import to_thai_digits  # noqa: E402
from normalizers.thai_text import clean_text  # noqa: E402
from parsers.layout import extract_layout  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA = [SHARED / "corpus" / "sample", SHARED / "corpus" / "sample-yala"]
SAMPLE_FONTS = ["Garuda", "Kinnari", "Laksaman", "Loma", "Norasi", "Noto Sans Thai"]
OTHER_FONTS = ["Umpush", "Waree", "Sawasdee", "Purisa", "Tlwg Typo", "Tlwg Typist", "Tlwg Typewriter", "Tlwg Mono",
               "Noto Serif Thai", "Noto Looped Thai"]
# Fonts without Latin letters: Writer sets Latin in the family's Latin sibling, as the Noto Sans Thai samples do.
LATIN_SIBLING = {"Noto Sans Thai": "Noto Sans", "Noto Serif Thai": "Noto Serif", "Noto Looped Thai": "Noto Sans"}
DEFAULT_DOCS = ["01000", "01001", "01009", "01020", "02003"]  # two old-style, three new-style measure documents

def thai(value) -> str:
    return to_thai_digits(str(value))


def score_text(value: float) -> str:
    return thai(f"{value:.2f}")


def code_text(code: str) -> str:
    """`i8` → `i๘`, `e11` → `e๑๑`, `o27` → `O ๒๗`: the forms published documents print."""
    letter, number = code[0], thai(code[1:])
    return f"O {number}" if letter == "o" else f"{letter}{number}"


# ------------------------------------------------------------------ flat ODF text
FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Thai" svg:font-family="'{thai}'"/>
 <style:font-face style:name="Latin" svg:font-family="'{latin}'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="4pt"/>
  <style:text-properties style:font-name="Latin" style:font-name-asian="Thai" style:font-name-complex="Thai"
   fo:font-size="11pt" style:font-size-complex="11pt" fo:language="en" fo:country="US"
   style:language-complex="th" style:country-complex="TH"/>
 </style:default-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm"
  fo:margin-top="20mm" fo:margin-bottom="20mm" fo:margin-left="18mm" fo:margin-right="18mm"/></style:page-layout>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="15pt" style:font-size-complex="15pt" fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
 <style:style style:name="Unit" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="13pt" style:font-size-complex="13pt" fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
 <style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:margin-top="8pt"/>
  <style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
 <style:style style:name="Bold" style:family="paragraph">
  <style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
 <style:style style:name="Table" style:family="table"><style:table-properties style:width="174mm" table:align="left"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="1.5mm" fo:border="0.5pt solid #000000"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
"""
FODT_TAIL = "</office:text></office:body></office:document>\n"


def para(text: str, style: str | None = None) -> str:
    attr = f' text:style-name="{style}"' if style else ""
    return f"<text:p{attr}>{escape(text)}</text:p>\n"


def table(header: list[str], rows: list[list[str]], widths: list[int]) -> str:
    """A ruled Writer table; header cells bold, a one-cell row spans the table (a section row)."""
    total = sum(widths)
    out = ['<table:table table:style-name="Table">']
    out += [f'<table:table-column table:style-name="Col{w * 1000 // total}"/>' for w in widths]
    for cells, style in [(header, "Bold")] + [(r, None) for r in rows]:
        out.append("<table:table-row>")
        if len(cells) == 1:
            out.append(f'<table:table-cell table:style-name="Cell" table:number-columns-spanned="{len(widths)}">'
                       f"{para(cells[0], 'Bold')}</table:table-cell>")
            out += ["<table:covered-table-cell/>"] * (len(widths) - 1)
        else:
            for cell in cells:
                out.append(f'<table:table-cell table:style-name="Cell">{para(cell, style)}</table:table-cell>')
        out.append("</table:table-row>")
    out.append("</table:table>")
    return "\n".join(out) + "\n"


def column_styles(body: str) -> str:
    """Automatic styles for the relative column widths used in `body` (`Col<permille>`)."""
    styles = []
    for permille in sorted(set(re.findall(r'table:style-name="Col(\d+)"', body)), key=int):
        styles.append(f'<style:style style:name="Col{permille}" style:family="table-column">'
                      f'<style:table-column-properties style:column-width="{174 * int(permille) / 1000:.1f}mm"/></style:style>')
    return "\n".join(styles)


# ------------------------------------------------------------------ documents from truth
def measures_old(truth: dict) -> tuple[list[str], list[list[str]]]:
    """The old family (sample 01000): analysis of each indicator, then one measure table with follow-up."""
    unit, year, prev = truth["unit"], truth["fiscal_year"], truth["assessment_year"]
    score, level = truth["assessment"]["overall_score"], truth["assessment"]["level"]
    name = unit["name"]
    lines = [
        ("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ", "Title"),
        (f"พ.ศ.{thai(year)}", "Title"),
        (name, "Unit"),
        (f"อำเภอ{unit['district']} จังหวัด{unit['province']}", "Center"),
        (f"๑. การวิเคราะห์ผลการประเมิน ITA ของ{name}", "Heading"),
        (f"ปีงบประมาณ พ.ศ. {thai(prev)}", None),
        (f"จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ. {thai(prev)} ของ{name} "
         f"พบว่ามีผลคะแนน {score_text(score)} คะแนน อยู่ในระดับ {level} ดังนี้", None),
        ("โดยวิเคราะห์ผลการประเมินแต่ละตัวชี้วัด ได้ดังนี้", None),
    ]
    body = "".join(para(t, s) for t, s in lines)
    groups = {1: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)", 6: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
              9: "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)"}
    rows = []
    for number in range(1, 11):
        if number in groups:
            rows.append([groups[number], ""])
        value = truth["indicator_scores"][str(number)]
        advice = "หน่วยงานควรรักษามาตรฐานไว้และพัฒนาอย่างต่อเนื่อง" if value >= 85 else "ควรปรับปรุงและพัฒนาให้ดีขึ้น"
        rows.append([f"{thai(number)}. {catalog.indicator_name(number)} {score_text(value)} คะแนน", advice])
    body += table(["ตัวชี้วัดของการประเมิน ITA", "ประเด็นที่ต้องแก้ไข/ปรับปรุง"], rows, [50, 50])
    body += para(f"๒. ข้อเสนอแนะในการพัฒนาคุณธรรมและความโปร่งใสในปีงบประมาณ พ.ศ. {thai(year)}", "Heading")
    cells = []
    measure_rows = []
    for number, m in enumerate(truth["measures"], start=1):
        row = [f"{thai(number)}. {m['measure']}", thai(m["method"]), m["responsible"], thai(m["period_text"]),
               thai(m.get("follow_up") or "")]
        measure_rows.append(row)
        cells.append(row)
    body += table(["มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "การติดตามผล"],
                  measure_rows, [22, 26, 18, 17, 17])
    return [body, [t for t, _ in lines]], cells


def measures_new(truth: dict) -> tuple[list[str], list[list[str]]]:
    """The new family (sample 01001): indicator score table, then a measure table per section heading."""
    unit, year = truth["unit"], truth["fiscal_year"]
    score, level = truth["assessment"]["overall_score"], truth["assessment"]["level"]
    name = unit["name"]
    lines = [
        ("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "Title"),
        (f"ประจำปีงบประมาณ พ.ศ. {thai(year)}", "Title"),
        (name, "Unit"),
        (f"อำเภอ{unit['district']} จังหวัด{unit['province']}", "Center"),
        (f"ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ "
         f"พ.ศ. {thai(truth['assessment_year'])} ของ {name}", None),
        (f"คะแนนภาพรวมหน่วย {name} {score_text(score)} คะแนน ระดับผลการประเมิน {level}", None),
    ]
    body = "".join(para(t, s) for t, s in lines)
    rows = []
    for number in range(1, 11):
        value = truth["indicator_scores"][str(number)]
        tool = "IIT" if number <= 5 else "EIT" if number <= 8 else "OIT"
        rows.append([thai(number), tool, catalog.indicator_name(number), score_text(value),
                     "ผ่านเกณฑ์" if value >= 85 else "ต้องปรับปรุง"])
    body += table(["ลำดับ", "เครื่องมือการประเมิน", "ตัวชี้วัด", "คะแนน", "ผลการประเมิน"], rows, [12, 20, 28, 18, 22])
    cells, sections = [], []
    for m in truth["measures"]:
        if not sections or sections[-1][0] != m["section"]:
            sections.append((m["section"], []))
        sections[-1][1].append(m)
    for number, (section, measures) in enumerate(sections, start=1):
        body += para(f"{thai(number)}) {section}", "Heading")
        lines.append((f"{thai(number)}) {section}", "Heading"))
        rows = []
        for m in measures:
            codes = ", ".join(code_text(c) for c in m["codes"])
            row = [f"{codes} {m['measure']}".strip(), thai(m["method"]), thai(m["period_text"]), m["responsible"]]
            rows.append(row)
            cells.append(row)
        body += table(["มาตรการ/โครงการ/กิจกรรม", "ขั้นตอน/วิธีการปฏิบัติ", "ระยะเวลา", "ผู้รับผิดชอบ"], rows, [28, 32, 20, 20])
    return [body, [t for t, _ in lines]], cells


def build(truth: dict, font: str) -> tuple[str, list[str], list[str]]:
    """(flat ODF text, paragraphs outside tables, measure-table cells) of one document."""
    make = measures_old if truth["family"] == "measures_old" else measures_new
    (body, lines), rows = make(truth)
    head = FODT_HEAD.replace("{thai}", font).replace("{latin}", LATIN_SIBLING.get(font, font))
    head = head.replace("</office:automatic-styles>", column_styles(body) + "\n</office:automatic-styles>")
    return head + body + FODT_TAIL, lines, [cell for row in rows for cell in row if cell]


# ------------------------------------------------------------------ measuring
def find_truth(doc: str) -> pathlib.Path:
    for corpus in CORPORA:
        hits = sorted((corpus / "truth").glob(f"{doc}*.json"))
        if hits:
            return hits[0]
    raise SystemExit(f"no truth file for {doc}")


def slug(font: str) -> str:
    return font.replace(" ", "")


def convert(folder: pathlib.Path) -> None:
    sources = sorted(str(p) for p in folder.glob("*.fodt"))
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(folder), *sources], check=True, capture_output=True, timeout=900)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    for source in sources:
        pathlib.Path(source).unlink()


def cer(targets: list[str], text: str) -> tuple[int, int]:
    text = squash(text)
    errors = chars = 0
    for target in map(squash, targets):
        chars += len(target)
        errors += best_span_distance(target, text)
    return errors, chars


def measure_layout(pdf: pathlib.Path, lines: list[str], cells: list[str]) -> dict[str, tuple[int, int]]:
    layout = extract_layout(pdf, pdf.name)
    page_lines = "\n".join(line.text for page in layout.pages for line in page.lines)
    got = [cell for t in layout.tables for row in t.rows for cell in row.cells if cell]
    return {
        "lines": cer(lines, page_lines),
        "lines+clean": cer(lines, clean_text(page_lines) or ""),
        "cells": cer(cells, "|".join(got)),
        "cells+clean": cer(cells, "|".join(clean_text(c) or "" for c in got)),
    }


def run_pipeline(corpus: pathlib.Path) -> tuple[float, dict[str, float]]:
    curated = corpus / "curated"
    subprocess.run([sys.executable, "-m", "pipeline", "extract", "--input", str(corpus / "pdf"), "--output", str(curated),
                    "--workers", "2"], check=True, capture_output=True, cwd=ROOT)
    report = corpus / "score.json"
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(corpus), str(curated), "--json", str(report)],
                         check=True, capture_output=True, text=True).stdout
    mean = float(out.strip().splitlines()[-1].split()[3])
    rates = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and "/" in parts[1]:
            rates[parts[0]] = float(parts[2])
    return mean, rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fonts", default=",".join(["Garuda"] + OTHER_FONTS), help="comma-separated font families")
    parser.add_argument("--docs", default=",".join(DEFAULT_DOCS), help="truth file prefixes of measures documents")
    parser.add_argument("--out", help="keep the documents here (default: a temporary folder, removed)")
    parser.add_argument("--no-pipeline", action="store_true", help="layout CER only, no extraction and score.py")
    args = parser.parse_args()
    fonts = [f.strip() for f in args.fonts.split(",") if f.strip()]
    truths = [json.loads(find_truth(d).read_text(encoding="utf-8")) for d in args.docs.split(",")]
    if shutil.which("soffice") is None:
        raise SystemExit("soffice not found: apt-get install libreoffice-writer-nogui")
    out = pathlib.Path(args.out) if args.out else pathlib.Path(tempfile.mkdtemp(prefix="font-check-"))
    results = {}
    try:
        for font in fonts:
            corpus = out / slug(font)
            (corpus / "pdf").mkdir(parents=True, exist_ok=True)
            (corpus / "truth").mkdir(exist_ok=True)
            sources = {}
            for truth in truths:
                stem = f"{truth['file'].removesuffix('.pdf')}-{slug(font)}"
                fodt, lines, cells = build(truth, font)
                (corpus / "pdf" / f"{stem}.fodt").write_text(fodt, encoding="utf-8")
                copy = dict(truth, file=f"{stem}.pdf", font=font)
                (corpus / "truth" / f"{stem}.json").write_text(json.dumps(copy, ensure_ascii=False, indent=1), encoding="utf-8")
                sources[stem] = (lines, cells)
            convert(corpus / "pdf")
            totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            for stem, (lines, cells) in sources.items():
                for name, (errors, chars) in measure_layout(corpus / "pdf" / f"{stem}.pdf", lines, cells).items():
                    totals[name][0] += errors
                    totals[name][1] += chars
            row = {name: 100 * e / max(1, c) for name, (e, c) in totals.items()}
            if not args.no_pipeline:
                row["fields"], rates = run_pipeline(corpus)
                row["below"] = {k: v for k, v in rates.items() if v < 1.0}
            results[font] = row
            print(f"{font:18s} " + " ".join(f"{k} {v:.2f}%" if isinstance(v, float) and k != "fields" else f"{k} {v}"
                                            for k, v in row.items()), file=sys.stderr, flush=True)
    finally:
        if not args.out:
            shutil.rmtree(out, ignore_errors=True)
    names = ["lines", "lines+clean", "cells", "cells+clean"]
    print("| font | " + " | ".join(f"{n} CER" for n in names) + (" | fields | below 1.000 |" if not args.no_pipeline else " |"))
    print("|---|" + "---:|" * len(names) + ("---:|---|" if not args.no_pipeline else ""))
    for font, row in results.items():
        cells = [f"{row[n]:.2f}%" for n in names]
        if not args.no_pipeline:
            cells += [f"{row['fields']:.3f}", ", ".join(f"{k} {v:.3f}" for k, v in row["below"].items()) or "-"]
        print(f"| {font} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
