"""Review site: every extracted value beside a crop of the page where it was printed, doubtful documents first.

`python -m pipeline review --curated data/curated --output review [--input DIR]` writes a folder of static
pages (no network, Thai font embedded): `index.html` lists the documents ordered by what needs a look
(failed, partial, warnings, low confidence, unresolved unit) with filters; `doc/<id>.html` shows one
document: its warnings first, then each value with the crop of its `bbox` (rendered with pypdfium2 from the
source PDF), a link to the PDF page, and a ready line for data/reference/corrections.csv. The source PDFs
are found in the input folder the run recorded in `_manifest.json` (or `--input`). See docs/review.md.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pypdfium2 as pdfium

from pipeline.compare import ASSETS, font_face, load_tables
from pipeline.corrections import KEYS, UNIT_FIELDS, correction_line
from pipeline.html_safe import esc, file_link, inside, source_file

FONT_FAMILY = "ReviewThai"
LOW_CONFIDENCE = 0.8  # below it a value is listed as doubtful (OCR confidences run 0.5-0.97 on the samples)
SCALE = 2.0  # crop resolution: 144 dpi
MARGIN = (36.0, 14.0)  # points of page shown around a value's box (left/right, above/below)
STATUS_RANK = {"failed": 0, "partial": 1, "ok": 2}
# Fields shown per table, in order; a field that is null in every row of the document is left out.
FIELDS = {
    "assessments": ["unit_raw", "rank", "overall_score", "level", "iit", "eit", "eit_part1", "eit_part2", "oit",
                    "iit_points", "eit_points", "eit_part1_points", "eit_part2_points", "oit_points"],
    "indicator_scores": ["indicator", "indicator_name", "tool", "score"],
    "question_scores": ["code", "tool", "indicator", "score", "text"],
    "measures": ["section", "indicator", "codes", "measure", "method", "responsible", "period_text",
                 "period_start", "period_end", "budget", "follow_up", "output", "outcome"],
}
DOCUMENT_FIELDS = ["doc_type", "unit_raw", "unit_id", "unit_name", "district", "province", "fiscal_year",
                   "assessment_year"]
TABLE_TITLES = {"assessments": "ผลการประเมิน", "indicator_scores": "คะแนนรายตัวชี้วัด",
                "question_scores": "คะแนนรายข้อ", "measures": "มาตรการ"}
_HEX = re.compile(r"^[0-9a-f]{16,64}$")


@dataclass
class DocEntry:
    """One documents row with what the index needs to order and filter it."""

    row: dict
    page_name: str  # file name of its page in doc/
    facts: dict[str, pd.DataFrame] = field(default_factory=dict)
    pages: pd.DataFrame | None = None
    low_confidence: int = 0
    no_box: int = 0

    @property
    def warnings(self) -> list[str]:
        return [str(w) for w in (self.row.get("warnings") if self.row.get("warnings") is not None else [])]

    @property
    def flags(self) -> list[str]:
        flags = [self.row.get("status") or "failed"]
        if self.warnings:
            flags.append("warnings")
        if self.low_confidence:
            flags.append("lowconf")
        if self.row.get("status") != "failed" and not self.row.get("unit_id"):
            flags.append("unresolved")
        if self.no_box:
            flags.append("nobox")
        return flags

    def sort_key(self) -> tuple:
        return (STATUS_RANK.get(self.row.get("status"), 0), -len(self.warnings), -self.low_confidence,
                0 if "unresolved" in self.flags else 1, str(self.row.get("source_path")))


# ---------------------------------------------------------------- values
def _value(value):
    """A cell as plain Python (None for NaN/NA), so formatting and correction lines see one kind of value."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return None
    return value


def _shown(value) -> str:
    value = _value(value)
    if value is None:
        return "–"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "–"
    if isinstance(value, float):
        return f"{value:g}" if value.is_integer() else f"{value:.2f}".rstrip("0")
    return str(value)


def _bbox(row) -> tuple[float, float, float, float] | None:
    box = _value(row.get("bbox"))
    if not isinstance(box, dict) or any(_value(box.get(k)) is None for k in ("x0", "top", "x1", "bottom")):
        return None
    return box["x0"], box["top"], box["x1"], box["bottom"]


def _page_name(doc_id, index: int, duplicate: bool = False) -> str:
    """Pages are named by the document's hash (hex only), never by its file name; a copy of another file
    shares its hash, so its page (which points to the first's) carries its row number too."""
    if not (isinstance(doc_id, str) and _HEX.match(doc_id)):
        return f"doc-{index}.html"
    return f"{doc_id[:16]}-copy{index}.html" if duplicate else f"{doc_id[:16]}.html"


def collect(tables: dict[str, pd.DataFrame]) -> list[DocEntry]:
    """Every documents row (duplicates included, pointing to the first's facts), most doubtful first."""
    entries = []
    facts_by_doc = {name: dict(tuple(tables[name].groupby("doc_id"))) for name in FIELDS}
    pages_by_doc = dict(tuple(tables["pages"].groupby("doc_id")))
    for index, row in enumerate(tables["documents"].to_dict("records")):
        row = {k: _value(v) if k != "warnings" else v for k, v in row.items()}
        entry = DocEntry(row, _page_name(row.get("doc_id"), index, bool(row.get("duplicate_of"))))
        if row.get("doc_id") and not row.get("duplicate_of"):
            entry.facts = {name: facts_by_doc[name].get(row["doc_id"], tables[name].iloc[0:0]) for name in FIELDS}
            entry.pages = pages_by_doc.get(row["doc_id"])
            for frame in entry.facts.values():
                entry.low_confidence += int((frame["confidence"] < LOW_CONFIDENCE).sum())
                entry.no_box += int(frame["bbox"].isna().sum())
        entries.append(entry)
    return sorted(entries, key=DocEntry.sort_key)


# ---------------------------------------------------------------- crops
class PageImages:
    """Renders each page of one PDF once and cuts crops from it; a PDF that changed since the run gives none."""

    def __init__(self, path: Path | None, doc_id: str | None):
        self.problem = None
        self.pdf = None
        self.images: dict[int, object] = {}
        if path is None:
            self.problem = "ไม่พบไฟล์ PDF ต้นฉบับในโฟลเดอร์ข้อมูลเข้า (ระบุด้วย --input)"
            return
        if doc_id and hashlib.sha256(path.read_bytes()).hexdigest() != doc_id:
            self.problem = "ไฟล์ PDF เปลี่ยนไปหลังการอ่าน: ไม่แสดงภาพตัด"
            return
        try:
            self.pdf = pdfium.PdfDocument(str(path))
        except Exception as exc:  # noqa: BLE001 - a PDF the site cannot open still gets its page
            self.problem = f"เปิดไฟล์ PDF ไม่ได้: {exc}"

    def crop(self, page: int, box: tuple[float, float, float, float]):
        if self.pdf is None or not 1 <= page <= len(self.pdf):
            return None
        if page not in self.images:
            self.images[page] = self.pdf[page - 1].render(scale=SCALE).to_pil().convert("RGB")
        image = self.images[page]
        x0, top, x1, bottom = box
        left, upper = max(0, (x0 - MARGIN[0]) * SCALE), max(0, (top - MARGIN[1]) * SCALE)
        right, lower = min(image.width, (x1 + MARGIN[0]) * SCALE), min(image.height, (bottom + MARGIN[1]) * SCALE)
        if right - left < 2 or lower - upper < 2:
            return None
        from PIL import ImageDraw

        crop = image.crop((int(left), int(upper), int(math.ceil(right)), int(math.ceil(lower))))
        ImageDraw.Draw(crop).rectangle(
            (x0 * SCALE - left - 2, top * SCALE - upper - 2, x1 * SCALE - left + 2, bottom * SCALE - upper + 2),
            outline=(220, 40, 40), width=2)
        return crop

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


# ---------------------------------------------------------------- pages
def _layout(title: str, body: str, depth: int) -> str:
    up = "../" * depth
    return (f'<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src \'self\' file: data:; '
            f"style-src 'self' file:; font-src data:; script-src 'self' file:\">"
            f'<title>{esc(title)}</title><link rel="stylesheet" href="{up}assets/review.css"></head>'
            f'<body>{body}<script src="{up}assets/review.js"></script></body></html>\n')


def _flag_labels() -> dict[str, str]:
    return {"failed": "อ่านไม่สำเร็จ", "partial": "อ่านได้บางส่วน", "ok": "ปกติ", "warnings": "มีคำเตือน",
            "lowconf": "ความเชื่อมั่นต่ำ", "unresolved": "ไม่พบหน่วยงาน", "nobox": "ไม่มีตำแหน่ง"}


def render_index(entries: list[DocEntry], curated: Path) -> str:
    labels = _flag_labels()
    checks = "".join(f'<label><input type="checkbox" class="flag" value="{k}"> {esc(v)}</label>'
                     for k, v in labels.items())
    types = sorted({str(e.row.get("doc_type") or "unknown") for e in entries})
    options = '<option value="">ทุกประเภท</option>' + "".join(f'<option value="{esc(t)}">{esc(t)}</option>' for t in types)
    rows = []
    for e in entries:
        r = e.row
        badges = " ".join(f'<span class="badge {esc(f)}">{esc(labels.get(f, f))}</span>' for f in e.flags)
        unit = r.get("unit_name") or r.get("unit_raw") or "–"
        search = " ".join(str(r.get(k) or "") for k in ("source_path", "unit_name", "unit_raw", "province"))
        rows.append(
            f'<tr data-flags="{esc(" ".join(e.flags))}" data-type="{esc(r.get("doc_type") or "unknown")}" '
            f'data-search="{esc(search.casefold())}"><td>{badges}</td>'
            f'<td><a href="doc/{esc(e.page_name)}">{esc(r.get("source_path"))}</a></td>'
            f'<td>{esc(r.get("doc_type") or "–")}</td><td>{esc(unit)}</td><td>{esc(r.get("province") or "–")}</td>'
            f'<td>{esc(_shown(r.get("fiscal_year")))}</td><td class="n">{len(e.warnings)}</td>'
            f'<td class="n">{e.low_confidence}</td><td class="n">{e.no_box}</td></tr>')
    counts = {k: sum(1 for e in entries if k in e.flags) for k in labels}
    summary = " · ".join(f"{esc(labels[k])} {n}" for k, n in counts.items() if n)
    body = (f'<header><h1>ตรวจทานข้อมูลที่อ่านจากเอกสาร ITA</h1><p class="note">{len(entries)} ไฟล์ จาก '
            f'{esc(curated)} · {summary}</p></header><main>'
            f'<div class="filters">{checks}<select id="doctype">{options}</select>'
            f'<input id="search" type="search" placeholder="ค้นหาชื่อไฟล์ หน่วยงาน จังหวัด"></div>'
            '<p class="note">เรียงตามสิ่งที่ควรตรวจก่อน: อ่านไม่สำเร็จ อ่านได้บางส่วน จำนวนคำเตือน ค่าที่ความเชื่อมั่นต่ำ '
            'หน่วยงานที่ไม่พบในทะเบียน · เลือกหลายตัวกรอง: แสดงเอกสารที่ตรงทุกตัว</p>'
            '<div class="scroll"><table id="docs"><thead><tr><th>สถานะ</th><th>ไฟล์</th><th>ประเภท</th>'
            '<th>หน่วยงาน</th><th>จังหวัด</th><th>ปีงบประมาณ</th><th>คำเตือน</th><th>ความเชื่อมั่นต่ำ</th>'
            '<th>ไม่มีตำแหน่ง</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div></main>")
    return _layout("ตรวจทานข้อมูล ITA", body, 0)


def _fix(doc_id: str, table: str, key, field_name: str, value) -> str:
    if field_name in UNIT_FIELDS:
        return '<span class="note">แก้หน่วยงานใน data/reference/unit_overrides.csv</span>'
    line = correction_line(doc_id, table, key, field_name, value, "")
    return (f'<span class="fix"><input readonly value="{esc(line)}" aria-label="บรรทัดสำหรับ corrections.csv">'
            '<button type="button" class="copy">คัดลอก</button></span>')


class DocPage:
    """Builds one document's page, writing its crops under `crops/`."""

    def __init__(self, entry: DocEntry, output: Path, input_dir: Path | None):
        self.entry, self.output = entry, output
        self.pdf_path = source_file(input_dir, entry.row.get("source_path"))
        self.images = None
        self.n_crops = 0

    def _crop_html(self, row, label: str) -> str:
        page, box = _value(row.get("page")), _bbox(row)
        link = file_link(self.pdf_path, page)
        page_text = f"หน้า {int(page)}" if page else "ไม่ทราบหน้า"
        page_link = f'<a href="{esc(link)}" target="_blank" rel="noopener">{page_text}</a>' if link else page_text
        if box is None or page is None:
            return f'<div class="crop none">ไม่มีตำแหน่งบนหน้า · {page_link}</div>'
        if self.images is None:
            self.images = PageImages(self.pdf_path, self.entry.row.get("doc_id"))
        image = self.images.crop(int(page), box)
        if image is None:
            return f'<div class="crop none">{esc(self.images.problem or "ตำแหน่งอยู่นอกหน้า")} · {page_link}</div>'
        self.n_crops += 1
        name = f"{self.entry.page_name.removesuffix('.html')}-{self.n_crops}.png"
        target = self.output / "crops" / name
        if not inside(self.output, target):
            raise ValueError(f"crop path {target} leaves {self.output}")
        image.save(target, optimize=True)
        return (f'<div class="crop"><img src="../crops/{esc(name)}" alt="{esc(label)}" width="{image.width // 2}" '
                f'loading="lazy"><div>{page_link}</div></div>')

    def _fact_rows(self, table: str, frame: pd.DataFrame) -> str:
        doc_id = self.entry.row["doc_id"]
        fields = [f for f in FIELDS[table] if frame[f].map(_value).notna().any()]
        key_column = KEYS[table]
        cards = []
        for record in sorted(frame.to_dict("records"), key=lambda r: (_value(r.get("confidence")) or 0) >= LOW_CONFIDENCE):
            key = _value(record.get(key_column))
            confidence = _value(record.get("confidence"))
            doubtful = confidence is not None and confidence < LOW_CONFIDENCE
            lines = "".join(
                f'<tr><th>{esc(f)}</th><td class="value">{esc(_shown(record.get(f)))}</td>'
                f'<td>{_fix(doc_id, table, key, f, _value(record.get(f)))}</td></tr>' for f in fields)
            meta = (f'<p class="meta">{esc(key_column)} {esc(_shown(key))} · อ่านด้วย {esc(_value(record.get("engine")) or "–")}'
                    f' · ความเชื่อมั่น {esc(_shown(confidence))}{" · แก้แล้ว" if _value(record.get("corrected")) else ""}</p>'
                    f'<p class="source">ข้อความต้นฉบับ: <q>{esc(_value(record.get("source_text")) or "–")}</q></p>')
            cards.append(f'<div class="value-card{" doubtful" if doubtful else ""}">'
                         f'{self._crop_html(record, f"{table} {_shown(key)}")}'
                         f'<div class="fields">{meta}<table>{lines}</table></div></div>')
        return "".join(cards)

    def render(self) -> str:
        r = self.entry.row
        labels = _flag_labels()
        badges = " ".join(f'<span class="badge {esc(f)}">{esc(labels.get(f, f))}</span>' for f in self.entry.flags)
        pdf_link = file_link(self.pdf_path)
        parts = [f'<header><p><a href="../index.html">← รายการเอกสาร</a></p><h1>{esc(r.get("source_path"))}</h1>'
                 f'<p>{badges}</p><p class="note">doc_id {esc(r.get("doc_id") or "–")} · {esc(_shown(r.get("n_pages")))} หน้า'
                 f' (OCR {esc(_shown(r.get("ocr_pages")))}) · '
                 + (f'<a href="{esc(pdf_link)}" target="_blank" rel="noopener">เปิด PDF</a>' if pdf_link
                    else "ไม่พบไฟล์ PDF ต้นฉบับ") + "</p></header><main>"]
        if r.get("error"):
            parts.append(f'<section class="warnings"><h2>อ่านไม่สำเร็จ</h2><p>{esc(r["error"])}</p></section>')
        if self.entry.warnings:
            parts.append('<section class="warnings"><h2>คำเตือน</h2><ul>'
                         + "".join(f"<li>{esc(w)}</li>" for w in self.entry.warnings) + "</ul></section>")
        if r.get("duplicate_of"):
            parts.append(f'<section><p>ไฟล์นี้ซ้ำกับ {esc(r["duplicate_of"])}: ข้อมูลอยู่ที่<a href="'
                         f'{esc(_page_name(r.get("doc_id"), 0))}">หน้าของไฟล์นั้น</a></p></section>')
        if r.get("doc_id") and not r.get("duplicate_of"):
            lines = "".join(f'<tr><th>{esc(f)}</th><td class="value">{esc(_shown(r.get(f)))}</td>'
                            f'<td>{_fix(r["doc_id"], "documents", None, f, r.get(f))}</td></tr>' for f in DOCUMENT_FIELDS)
            parts.append(f'<section><h2>เอกสาร</h2><div class="scroll"><table>{lines}</table></div></section>')
        for table, frame in self.entry.facts.items():
            if len(frame):
                parts.append(f'<section><h2>{esc(TABLE_TITLES[table])} ({len(frame)})</h2>'
                             f'{self._fact_rows(table, frame)}</section>')
        if self.entry.pages is not None and len(self.entry.pages):
            texts = "".join(f'<details><summary>หน้า {int(p["page"])} · {esc(p["engine"] or "–")}'
                            f'{" · OCR" if p["ocr"] else ""} · คุณภาพ {esc(_shown(p["quality"]))}</summary>'
                            f'<pre>{esc(p["text"])}</pre></details>'
                            for p in self.entry.pages.sort_values("page").to_dict("records"))
            parts.append(f'<section><h2>ข้อความที่อ่านได้ทุกหน้า</h2>{texts}</section>')
        parts.append("</main>")
        if self.images is not None:
            self.images.close()
        return _layout(str(r.get("source_path")), "".join(parts), 1)


# ---------------------------------------------------------------- the site
def _stylesheet() -> str:
    return font_face(FONT_FAMILY) + "\n" + (ASSETS / "review.css").read_text(encoding="utf-8")


def read_input_dir(curated: Path) -> Path | None:
    """The input folder the run recorded in the curated folder's manifest, if any."""
    try:
        manifest = json.loads((curated / "_manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Path(manifest["input"]) if manifest.get("input") else None


def build_site(curated: str | Path, output: str | Path, input_dir: str | Path | None = None) -> dict[str, int]:
    """Write the review site; returns what it holds (documents, pages, crops)."""
    curated, output = Path(curated), Path(output)
    input_path = Path(input_dir) if input_dir is not None else read_input_dir(curated)
    entries = collect(load_tables(curated))
    for folder in ("doc", "crops"):
        shutil.rmtree(output / folder, ignore_errors=True)
        (output / folder).mkdir(parents=True)
    (output / "assets").mkdir(exist_ok=True)
    (output / "assets" / "review.css").write_text(_stylesheet(), encoding="utf-8")
    shutil.copyfile(ASSETS / "review.js", output / "assets" / "review.js")
    crops = 0
    for entry in entries:
        page = DocPage(entry, output, input_path)
        target = output / "doc" / entry.page_name
        if not inside(output / "doc", target):
            raise ValueError(f"page path {target} leaves {output}")
        target.write_text(page.render(), encoding="utf-8")
        crops += page.n_crops
    (output / "index.html").write_text(render_index(entries, curated), encoding="utf-8")
    return {"documents": len(entries), "crops": crops}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline review", description=__doc__.splitlines()[0])
    parser.add_argument("--curated", default="data/curated", help="folder of the curated tables (default: data/curated)")
    parser.add_argument("--output", default="review", help="folder for the site (default: review)")
    parser.add_argument("--input", default=None,
                        help="folder of the source PDFs (default: the one recorded in the curated _manifest.json)")
    args = parser.parse_args(argv)
    curated = Path(args.curated)
    if not (curated / "documents.parquet").exists():
        print(f"error: no curated tables in {str(curated)!r}; run `make extract` first", file=sys.stderr)
        return 2
    if args.input is None and read_input_dir(curated) is None:
        print("note: the manifest does not name the input folder; crops and PDF links need --input DIR",
              file=sys.stderr)
    counts = build_site(curated, args.output, args.input)
    print(f"review site: {Path(args.output) / 'index.html'} ({counts['documents']} documents, {counts['crops']} crops)")
    return 0
