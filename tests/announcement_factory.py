"""Generate results announcements with known rows: many units' ITA results in the forms real ones take.

    spec = AnnouncementSpec(form="points", year=2568, rows=60, seed=3)
    truth = make_announcement(path, spec)     # -> list[TruthRow], one per scored row, in order

Forms: `raw` (local governments of a province: district column, raw 0-100 IIT/EIT/OIT, total, level),
`overall` (total and level only, district section rows), `points` (weighted points IIT 30 / EIT 30 / OIT 40,
their sum, the level, a two-level header), `split` (2567+: EIT ส่วนที่ 1 / ส่วนที่ 2 of 15 each). Pages carry
a page number, a continuation hint at the foot (`11.ชื่อ...`), the header repeated or not, and the last a
signature block. Names come from the unit registry (full or abbreviated) or are colleges outside it.
"""
from __future__ import annotations

import csv
import pathlib
import random
from dataclasses import dataclass, field, replace

from tests.pdf_factory import LEADING, MARGIN, Row, ScanLook, make_pdf

ROOT = pathlib.Path(__file__).resolve().parents[1]
ABBREVIATIONS = {"องค์การบริหารส่วนตำบล": "อบต.", "เทศบาลตำบล": "ทต.", "เทศบาลเมือง": "ทม.", "เทศบาลนคร": "ทน.",
                 "องค์การบริหารส่วนจังหวัด": "อบจ."}
COLLEGE_KINDS = ("วิทยาลัยเทคนิค", "วิทยาลัยการอาชีพ", "วิทยาลัยอาชีวศึกษา", "วิทยาลัยเกษตรและเทคโนโลยี")
PAGE_SPACE = 842 - 2 * MARGIN - 60  # A4 height in points, less margins and the foot's hint
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@dataclass
class TruthRow:
    name: str  # as printed
    unit_name: str | None  # registry name, None for units outside the registry
    district: str | None
    total: float | None
    level: str
    iit: float | None = None  # raw scores or weighted points, by form
    eit: float | None = None
    eit1: float | None = None
    eit2: float | None = None
    oit: float | None = None
    rank: int | None = None
    unit_type: str | None = None  # printed in a type column (variant `type-column`)
    broken: bool = False  # printed with a total that does not add up: must come out null


@dataclass
class AnnouncementSpec:
    form: str = "points"  # raw, overall, points, split
    year: int = 2568
    rows: int = 40
    seed: int = 0
    province: str = "ปัตตานี"
    abbreviated: bool = False
    colleges: bool = False
    thai_digits: bool = True
    repeat_header: bool = True
    rows_per_page: int = 24
    broken_rows: list[int] = field(default_factory=list)  # 0-based rows printed with a wrong total
    dash_rows: list[int] = field(default_factory=list)  # rows printed with `-` everywhere (no result)
    # held-out layouts the reader was not tuned on, joined with `+`: `wording` (other header words),
    # `no-rank` (no rank column), `type-column` (bare names, the unit type in a column of its own),
    # `total-first` (the total printed before the tools); held-out set 7 (scripts/announcement_printers.py
    # HELD_OUT_7): `sections` (district section rows between unit rows instead of a district column),
    # `rank-last` (the rank column printed last), `name-district` (the full name and `อำเภอX` in one cell),
    # `one-decimal` (every score printed with one decimal), `pass-words` (a 2566 letter level with its pass
    # word, `A (ผ่าน)`), `thai-letters` (the letter level spelled in Thai, `เอ`, `บี`), `footnote` (a footnote
    # row under the table and a `*` on a name it refers to), `twin` (two tables side by side, landscape)
    variant: str = ""

    @property
    def decimals(self) -> int:
        return 1 if self.has("one-decimal") else 2

    def has(self, feature: str) -> bool:
        return feature in self.variant.split("+")


# The forms the tests (and scripts/announcement_corpus.py) check every row of.
FORMS = {
    "raw-2566": AnnouncementSpec(form="raw", year=2566, rows=45, seed=11, province="ปัตตานี", broken_rows=[7]),
    "overall-abbreviated": AnnouncementSpec(form="overall", year=2566, rows=50, seed=12, province="ยะลา",
                                            abbreviated=True, repeat_header=False),
    "points-colleges": AnnouncementSpec(form="points", year=2568, rows=60, seed=13, colleges=True, province="สงขลา",
                                        dash_rows=[58, 59], broken_rows=[20]),
    "split-2567": AnnouncementSpec(form="split", year=2567, rows=40, seed=14, province="นราธิวาส", abbreviated=True,
                                   thai_digits=False),
    "overall-2567": AnnouncementSpec(form="overall", year=2567, rows=30, seed=15, province="ปัตตานี"),
}


def shortened(spec: AnnouncementSpec, rows: int | None) -> AnnouncementSpec:
    """The form with at most `rows` rows (fewer pages to OCR): planted misprints kept where they fall, rows
    without a result kept at the table's end, as the full form prints them."""
    if rows is None or rows >= spec.rows:
        return spec
    return replace(spec, rows=rows, broken_rows=[i for i in spec.broken_rows if i < rows],
                   dash_rows=[rows - (spec.rows - i) for i in spec.dash_rows])


def registry_units(province: str) -> list[dict]:
    with open(ROOT / "data/reference/units.csv", encoding="utf-8") as handle:
        return [u for u in csv.DictReader(handle) if u["province"] == province and u["unit_type"] in ABBREVIATIONS]


def letter_level(total: float) -> str:
    return next(level for floor, level in ((95, "AA"), (85, "A"), (75, "B"), (65, "C"), (55, "D"), (50, "E"), (0, "F"))
                if total >= floor)


def thai_level(total: float) -> str:
    if total >= 95:
        return "ผ่านดีเยี่ยม"
    if total >= 85:
        return "ผ่านดี"
    return "ต้องปรับปรุง" if total >= 70 else "ต้องปรับปรุงโดยด่วน"


def _rows(spec: AnnouncementSpec, rng: random.Random) -> list[TruthRow]:
    out = []
    if spec.colleges:
        places = [u["name_core"] for u in registry_units(spec.province)] or ["ปัตตานี"]
        names = [(f"{rng.choice(COLLEGE_KINDS)}{p}", None, None) for p in rng.sample(places, min(len(places), spec.rows))]
    else:
        units = rng.sample(registry_units(spec.province), spec.rows)
        if spec.form == "overall" or spec.has("sections"):
            units.sort(key=lambda u: u["district"])
        names = [(u["name_core"] if spec.has("type-column") else
                  (ABBREVIATIONS[u["unit_type"]] + u["name_core"]) if spec.abbreviated else u["unit_name"],
                  u["unit_name"], u["district"]) for u in units]
        if spec.has("name-district"):
            names = [(f"{name} อำเภอ{district}", unit_name, district) for name, unit_name, district in names]
        types = [ABBREVIATIONS[u["unit_type"]] if spec.abbreviated else u["unit_type"] for u in units]
    d = spec.decimals
    for i, (name, unit_name, district) in enumerate(names[:spec.rows]):
        if spec.form in ("points", "split"):
            iit, oit = round(rng.uniform(18, 30), d), round(rng.uniform(20, 40), d)
            if spec.form == "split":
                e1, e2 = round(rng.uniform(9, 15), d), round(rng.uniform(9, 15), d)
                total = round(iit + e1 + e2 + oit, d)
                row = TruthRow(name, unit_name, district, total, "", iit=iit, eit1=e1, eit2=e2, oit=oit)
            else:
                eit = round(rng.uniform(18, 30), d)
                row = TruthRow(name, unit_name, district, round(iit + eit + oit, d), "", iit=iit, eit=eit, oit=oit)
        elif spec.form == "raw":
            iit, eit, oit = (round(rng.uniform(60, 100), d) for _ in range(3))
            # the printed total is the weighted sum, rounded, as NACC prints it
            row = TruthRow(name, unit_name, district, round(0.3 * iit + 0.3 * eit + 0.4 * oit + 1e-9, d), "",
                           iit=iit, eit=eit, oit=oit)
        else:
            row = TruthRow(name, unit_name, district, round(rng.uniform(45, 99.9), d), "")
        row.level = letter_level(row.total) if spec.year <= 2566 else thai_level(row.total)
        if spec.has("type-column") and not spec.colleges:
            row.unit_type = types[i]
        out.append(row)
    if spec.form in ("points", "split"):
        out.sort(key=lambda r: -r.total)
    for rank, row in enumerate(out, 1):
        row.rank = rank
    return out


def _num(value: float | None, thai: bool, decimals: int = 2) -> str:
    if value is None:
        return "-"
    text = f"{value:.{decimals}f}"
    return text.translate(THAI_DIGITS) if thai else text


def _int(value: int, thai: bool) -> str:
    return str(value).translate(THAI_DIGITS) if thai else str(value)


def _wrap(name: str) -> list[str]:
    if name.startswith("ต้องปรับปรุง") and len(name) > 12:
        return ["ต้องปรับปรุง", name[12:]]
    for prefix in (*ABBREVIATIONS, *COLLEGE_KINDS):
        if name.startswith(prefix) and len(name) > 20:
            return [prefix, name[len(prefix):]]
    return [name]


# other header words, as other issuers print them (variant `wording`)
_OTHER_WORDS = {"rank": ["ลำดับที่"], "name": ["หน่วยงาน"], "total": ["ผลคะแนน"], "level": ["ผลการประเมิน"],
                "district": ["อำเภอ"], "type": ["ประเภท"]}


def _wrap_type(text: str) -> list[str]:
    """A full type name on two lines in its narrow column (`องค์การบริหาร` / `ส่วนตำบล`)."""
    return [text[:13], text[13:]] if text.startswith("องค์การบริหารส่วน") else [text]


def layout_of(spec: AnnouncementSpec) -> tuple[list[Row], list[float], list[str]]:
    """Header rows, column widths and the fields (in column order) of a form and its variant."""
    header, widths, fields = _base_layout(spec)
    if not spec.variant:
        return header, widths, fields
    columns = [[list(row.cells[i]) for row in header] for i in range(len(fields))]
    cols = list(zip(fields, widths, columns))
    if spec.has("sections"):  # the district is the section row's, its width goes to the name
        freed = sum(w for f, w, _ in cols if f == "district")
        cols = [(f, w + freed if f == "name" else w, h) for f, w, h in cols if f != "district"]
    if spec.has("name-district"):  # a longer name: the district column, if any, is not printed
        freed = sum(w for f, w, _ in cols if f == "district")
        cols = [(f, w + freed if f == "name" else w, h) for f, w, h in cols if f != "district"]
    if spec.has("rank-last"):
        cols = [c for c in cols if c[0] != "rank"] + [c for c in cols if c[0] == "rank"]
    if spec.has("no-rank"):  # its width goes to the level, whose words are the longest
        freed = next(w for f, w, _ in cols if f == "rank")
        cols = [(f, w + freed if f == "level" else w, h) for f, w, h in cols if f != "rank"]
    if spec.has("type-column") and not spec.colleges:
        at = next(i for i, c in enumerate(cols) if c[0] == "name") + 1
        cols.insert(at, ("type", 76.0, [["ประเภท"]] + [[""]] * (len(header) - 1)))
        cols = [(f, w - 40 if f == "name" else w, h) for f, w, h in cols]
    if spec.has("total-first"):
        tools = [c for c in cols if c[0] in ("iit", "eit", "eit1", "eit2", "oit")]
        total = [c for c in cols if c[0] == "total"]
        if tools and total:
            rest = [c for c in cols if c not in tools and c not in total]
            at = next(i for i, c in enumerate(rest) if c[0] == "level")
            cols = rest[:at] + total + tools + rest[at:]
    if spec.has("wording"):
        cols = [(f, w, [_OTHER_WORDS.get(f, h[0])] + h[1:] if len(header) == 1 or f not in ("total", "level")
                 else h[:-1] + [_OTHER_WORDS[f]]) for f, w, h in cols]
    header = [Row([h[i] for _, _, h in cols], "header") for i in range(len(header))]
    return header, [w for _, w, _ in cols], [f for f, _, _ in cols]


def _base_layout(spec: AnnouncementSpec) -> tuple[list[Row], list[float], list[str]]:
    if spec.form == "raw":
        header = [Row([["ลำดับ"], ["ชื่อหน่วยงาน"], ["อำเภอ"], ["IIT"], ["EIT"], ["OIT"], ["คะแนนรวม"], ["ระดับ"]], "header")]
        return header, [36, 150, 70, 42, 42, 42, 55, 58], ["rank", "name", "district", "iit", "eit", "oit", "total", "level"]
    if spec.form == "overall":
        header = [Row([["ที่"], ["ชื่อองค์กรปกครองส่วนท้องถิ่น"], ["คะแนน ITA"], ["ระดับผลการประเมิน"]], "header")]
        return header, [36, 230, 90, 130], ["rank", "name", "total", "level"]
    if spec.form == "split":
        header = [Row([["ที่"], ["ชื่อหน่วยงาน"], ["IIT"], ["EIT", "ส่วนที่ 1"], ["EIT", "ส่วนที่ 2"], ["OIT"], ["รวม"],
                       ["ระดับ"]], "header")]
        return header, [30, 150, 42, 48, 48, 42, 48, 82], ["rank", "name", "iit", "eit1", "eit2", "oit", "total", "level"]
    # the upper header row spans the four score columns in real tables; drawn here as one word per cell so
    # no text crosses a rule
    header = [Row([["ที่"], ["ชื่อสถานศึกษา"], ["เครื่องมือ"], ["การประเมิน"], ["ITA"], [""], ["ระดับ"]], "header"),
              Row([[""], [""], ["IIT"], ["EIT"], ["OIT"], ["รวม"], ["ผลการประเมิน"]], "header")]
    return header, [30, 190, 45, 45, 45, 50, 88], ["rank", "name", "iit", "eit", "oit", "total", "level"]


def make_announcement(path: pathlib.Path, spec: AnnouncementSpec, *, scanned: bool = False, dpi: int = 200,
                      look: ScanLook | None = None) -> list[TruthRow]:
    """Write the announcement PDF (scanned: as page images at `dpi`, damaged as `look` says); returns the rows
    a reader must find (scored ones), in order."""
    rows = rows_of(spec)
    header, widths, fields = layout_of(spec)
    thai = spec.thai_digits
    title, subject, signature = announcement_words(spec, lambda n: _int(n, thai))
    intro = [Row([[title]], "heading"), Row([[subject]], "text")]
    pages: list[list[Row]] = []
    current = list(intro) + list(header)
    district = None
    count = 0
    for i, row in enumerate(rows):
        texts = cell_texts(spec, i, row, thai)
        values = {f: _wrap(t) if f in ("name", "level") else _wrap_type(t) if f == "type" else [t] for f, t in texts.items()}
        used = sum(r.height if r.kind not in ("heading", "text") else LEADING + 8 for r in current)
        if count and (count % spec.rows_per_page == 0 or used + 2 * LEADING + 30 > PAGE_SPACE):
            nxt = f"{row.name[:12]}..." if spec.has("no-rank") else f"{_int(row.rank, thai)}.{row.name[:12]}..."
            current += [Row([[""]], "text"), Row([[nxt]], "text")]
            pages.append(current)
            current = [Row([[f"- {_int(len(pages) + 1, thai)} -"]], "text")] + (list(header) if spec.repeat_header else [])
        if (spec.form == "overall" or spec.has("sections")) and row.district != district:
            district = row.district
            current.append(Row([[f"อำเภอ{district}"]], "section"))
        current.append(Row([values[f] for f in fields]))
        count += 1
    current += [Row([[""]], "text")] + [Row([[line]], "text") for line in signature]
    pages.append(current)
    make_pdf(path, pages, widths, scanned=scanned, dpi=dpi, look=look)
    return scored_rows(spec, rows)


def cell_texts(spec: AnnouncementSpec, i: int, row: TruthRow, thai: bool) -> dict[str, str]:
    """What each column prints for the i-th row: the planted wrong total 1.00 off; `-` in every score cell and
    the OVEC `ปรับปรุง` for a row without a result."""
    dash = i in spec.dash_rows
    texts = {"rank": _int(row.rank, thai), "name": row.name, "district": row.district or "",
             "type": row.unit_type or "", "level": "ปรับปรุง" if dash else printed_level(spec, row.level)}
    total = row.total + 1.0 if row.broken else row.total
    for key, value in (("iit", row.iit), ("eit", row.eit), ("eit1", row.eit1), ("eit2", row.eit2),
                       ("oit", row.oit), ("total", total)):
        texts[key] = _num(None if dash else value, thai, spec.decimals)
    if spec.has("footnote") and i == FOOTNOTED_ROW:
        texts["name"] += "*"
    return texts


FOOTNOTED_ROW = 3  # the row whose name carries the footnote's `*` (variant `footnote`)
THAI_LETTERS = {"AA": "เอเอ", "A": "เอ", "B": "บี", "C": "ซี", "D": "ดี", "E": "อี", "F": "เอฟ"}


def printed_level(spec: AnnouncementSpec, level: str) -> str:
    """The level as the variant prints it: `A (ผ่าน)` (pass words: 85 and over passes), `บี` (Thai letters)."""
    if level in THAI_LETTERS and spec.has("pass-words"):
        return f"{level} ({'ผ่าน' if level in ('AA', 'A') else 'ไม่ผ่าน'})"
    if level in THAI_LETTERS and spec.has("thai-letters"):
        return THAI_LETTERS[level]
    return level


def rows_of(spec: AnnouncementSpec) -> list[TruthRow]:
    """Every row the announcement prints, in order, the planted wrong totals marked."""
    rows = _rows(spec, random.Random(spec.seed))
    for i in spec.broken_rows:
        rows[i].broken = True
    return rows


def announcement_words(spec: AnnouncementSpec, number) -> tuple[str, str, list[str]]:
    """(title, subject, signature lines) of the announcement, its numbers written by `number`."""
    title = {"raw": f"ผลการประเมิน ITA ขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัด{spec.province}",
             "overall": f"ผลการประเมินคุณธรรมและความโปร่งใสขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัด{spec.province}",
             "split": f"ประกาศจังหวัด{spec.province}"}.get(spec.form, "ประกาศสำนักงานคณะกรรมการการอาชีวศึกษา")
    year = number(spec.year)
    subject = f"เรื่อง ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {year}"
    return title, subject, [f"ประกาศ ณ วันที่ {number(31)} ตุลาคม พ.ศ. {year}", "(นายสมชาย ใจดี)", "เลขาธิการคณะกรรมการ"]


def scored_rows(spec: AnnouncementSpec, rows: list[TruthRow]) -> list[TruthRow]:
    """The rows a reader must find (those with a result), ranks dropped where no rank is printed."""
    if spec.has("no-rank"):
        for row in rows:
            row.rank = None  # not printed
    return [r for i, r in enumerate(rows) if i not in spec.dash_rows]
