"""Table semantics: page tables (grids of cell texts) → logical tables of header, section and body rows.

Works on plain geometry and text, so the same logic serves text-layer pages and OCR'd scans:
- a table continues the previous one when it has the same columns (count and x-positions) and only a
  running header/footer, a page number or a short heading separates them (a heading becomes a section
  row, as does a row with a single cell spanning the table);
- header rows are the bold rows at the top of a table, rows that repeat the table's header, or (without
  bold, as on scans) a first row whose cells name columns;
- a row whose first cell is empty on a new page, that does not start a new numbered item while the row
  before it does, or that fills only some of the columns the row before filled, is the rest of the row
  cut by the page break and is joined to it;
- empty spacer rows are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from normalizers.digits import to_arabic_digits
from normalizers.unit_names import find_unit_names
from parsers.pdf_text import join_lines
from parsers.records import Provenance, Table, TableRow, TextLine

COLUMN_TOLERANCE = 4.0  # points two tables' column edges may differ and still be one table
MAX_GAP_LINES = 3  # text lines between two tables that can still be a heading, header or footer

_ITEM_START = re.compile(
    r"^\s*(?:[0-9๐-๙]{1,3}(?:[.)/]|\s|$)|[oOeEiIl0๐1๑]\s?[0-9๐-๙]|[-•*▪●]|\(?[0-9๐-๙]{1,2}\)|ข้อ\s*[0-9๐-๙]"
    r"|\.\s?[0-9๐-๙]{1,2}(?![0-9๐-๙.])"  # `. ๖มาตรการ…`: the point drawn before digits set in a fallback font
    r"|#[.)]?\s+(?=[^\s#0-9๐-๙]))"  # `# ประกาศ…`: the scan layer's refusal mark (UNREAD) where a list number was
)
_HEADING_START = re.compile(r"^\s*(?:[0-9๐-๙]{1,2}\s*[.)]|\(?[0-9๐-๙]{1,2}\)|ส่วนที่|ด้านที่|ประเด็น|ตัวชี้วัดที่)")
_PAGE_NUMBER = re.compile(r"^\s*[-–(]?\s*(?:หน้า\s*)?[0-9๐-๙]{1,3}\s*[-–)]?\s*$")
_DIGIT = re.compile(r"[0-9๐-๙]")
_SCORE = re.compile(r"[0-9๐-๙]+[.,][0-9๐-๙]+")
_HEADER_WORD = re.compile(
    r"มาตรการ|โครงการ|กิจกรรม|วิธีการ|ขั้นตอน|ผู้รับผิดชอบ|ระยะเวลา|ผลการดำเนินการ|ผลลัพธ์|ผลผลิต|ตัวชี้วัด|"
    r"คะแนน|ลำดับ|หมายเหตุ|งบประมาณ|เป้าหมาย|การติดตาม|output|outcome", re.IGNORECASE)


@dataclass
class RawRow:
    cells: list[str]  # one text per column; a spanned column holds ""
    n_real: int  # cells that are real (not swallowed by a span)
    top: float
    bottom: float
    bold: bool = False  # every character of the row is set in a bold font
    sources: list[Provenance | None] = field(default_factory=list)  # per cell, None where empty
    spanned: list[bool] = field(default_factory=list)  # per cell: covered by a merged cell (ruled tables)
    header: bool = False  # the layout found this line to be the table's header (tables without rules)


def merge_sources(first: Provenance | None, then: Provenance | None) -> Provenance | None:
    """One cell's provenance from two parts of it: boxes on one page are joined; a part on a later page (a row
    cut by a page break) adds its text but the cell keeps the box of its first page."""
    if first is None or then is None:
        return first or then
    text = f"{first.text}\n{then.text}"
    confidence = min(first.confidence, then.confidence)
    engine = first.engine if first.engine == then.engine else first.engine or then.engine
    if first.page != then.page:
        return Provenance(first.page, first.bbox, text, engine, confidence)
    a, b = first.bbox, then.bbox
    box = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
    return Provenance(first.page, box, text, engine, confidence)


def _merge_all(first: list[Provenance | None], then: list[Provenance | None]) -> list[Provenance | None]:
    width = max(len(first), len(then))
    first, then = first + [None] * (width - len(first)), then + [None] * (width - len(then))
    return [merge_sources(a, b) for a, b in zip(first, then)]


@dataclass
class PageTable:
    """A table found on one page, before any cross-page logic."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    col_edges: list[float]  # x of every column boundary, left to right (n_cols + 1 values)
    rows: list[RawRow]
    open_bottom: bool = False  # the last row's cells are not all closed by rules (a page break cut the row)
    rules_to: float = 0.0  # how far down its column rules run past its last closed row (a row cut before its bottom rule)

    @property
    def n_cols(self) -> int:
        return len(self.col_edges) - 1


@dataclass
class PageText:
    """What tables need to know about the page around them."""

    number: int
    height: float
    lines: list[TextLine]
    bold_lines: set[int] = field(default_factory=set)  # indexes of lines set entirely in bold


def _same_columns(a: PageTable, b: PageTable) -> bool:
    return a.n_cols == b.n_cols and all(abs(x - y) <= COLUMN_TOLERANCE for x, y in zip(a.col_edges, b.col_edges))


def _is_spacer(row: RawRow) -> bool:
    return not any(c.strip() for c in row.cells)


# A table's title opens with the word for table (`ตารางที่ ๑ …`, `ตาราง ๒`, `ตารางแสดง…`); a heading above a table's
# header that does not (`๒) การให้บริการ…`) is the section of the rows below.
_CAPTION = re.compile(r"^\s*ตาราง")
_PLACE_TAIL = re.compile(r"(?:(?:อำเภอ|จังหวัด|อ\.|จ\.)[\u0e01-\u0e4e]+)+")


def _is_caption(text: str) -> bool:
    """A title spanning a table above its head: `ตารางที่ 1 …`, or the unit's name alone (a unit is no
    section of the measures: a table under a repeated title row naming the unit)."""
    if _CAPTION.match(text):
        return True
    names = find_unit_names(text)
    if not names:
        return False
    rest = "".join(text.split())[len("".join(names[0].split())):]  # its district and province may follow
    return len(rest) <= 2 or bool(_PLACE_TAIL.fullmatch(rest))


def _is_section(row: RawRow, n_cols: int) -> bool:
    return n_cols > 1 and row.n_real == 1 and bool(row.cells[0].strip())


def looks_like_header(row: RawRow, n_cols: int) -> bool:
    """A first row reads as a header without bold (OCR has none) when every column is filled with short
    text and no digits, or when most of its short cells name a column (`ผู้รับผิดชอบ`, `ระยะเวลา`) and
    none holds a score."""
    texts = [c.strip() for c in row.cells]
    # a column covered by a merged header cell (`ระยะเวลา` over its quarters) is filled by that cell
    own = [t for i, t in enumerate(texts) if t or i >= len(row.spanned) or not row.spanned[i]]
    if n_cols >= 3 and len(own) >= 3 and all(own) and not any(_DIGIT.search(t) for t in own) \
            and all(len(t) < 60 for t in own):
        return True
    filled = [t for t in texts if t]
    named = sum(1 for t in filled if _HEADER_WORD.search(t))
    short = all(len(t) < 60 and not _SCORE.search(t) for t in filled)
    return len(filled) >= 2 and short and named * 3 >= len(filled) * 2


def repeats_header(row: RawRow, header: list[str], header_rows: list[list[str]] = ()) -> bool:
    """The row repeats the table's header (joined), or one of its header rows (a two-level header repeated
    on the next page comes as two rows)."""
    text = "".join(join_lines(c) for c in row.cells)
    if not text.strip():
        return False
    wanted = ["".join(header)] if header and any(header) else []
    wanted += ["".join(cells) for cells in header_rows if any(c.strip() for c in cells)]
    return any(fuzz.ratio(text, w) >= 85 for w in wanted)


_BAND_LABEL = re.compile(r"^(?:ไตรมาส|Q)\s*(?:ที่)?\s*[0-9๐-๙]|^[ก-ฮ][\u0e31-\u0e4e]?\s?\.\s?[ก-ฮ]{1,2}\s?\.?$")


def second_level(row: RawRow, above: RawRow) -> bool:
    """The lower line of a two-level header: short labels under a header cell that spans several columns
    (`ระยะเวลาดำเนินการ` over `ต.ค. … ก.ย.` or `ไตรมาส 1–4`). Ruled tables say which columns the cell above
    spans; without rules, a band of month or quarter labels says it."""
    filled = [i for i, c in enumerate(row.cells) if c.strip()]
    if len(filled) < 2 or any(len(row.cells[i].strip()) > 30 or _SCORE.search(row.cells[i]) for i in filled):
        return False
    under: set[int] = set()
    for i, covered in enumerate(above.spanned):
        if covered and not above.cells[i].strip():
            start = next((j for j in range(i - 1, -1, -1) if not above.spanned[j]), None)
            if start is not None:
                under.update((start, i))
    if under and set(filled) <= under:
        return True
    return sum(1 for i in filled if _BAND_LABEL.match(row.cells[i].strip())) >= 3


def _header_remnant(row: RawRow, header: list[str]) -> bool:
    """Under a header repeated on a new page, a row whose every filled cell is a piece of its column's header
    (the last lines of a wrapped header cell the layout could not tell from the body)."""
    def bare(text: str) -> str:
        return re.sub(r"\s+", "", text)
    filled = [(i, bare(c)) for i, c in enumerate(row.cells) if c.strip()]
    return bool(filled) and len(header) == len(row.cells) and all(
        len(text) >= 3 and text in bare(header[i]) for i, text in filled)


def _header_atop(row: RawRow, header: list[str], done: list[str]) -> tuple[list[str], RawRow | None] | None:
    """Atop a new page, a row holding the next lines of the table's repeated header (`done`: its lines read so
    far, per column), maybe fused with the rest of the row a page break cut (no rule under the repeated head
    parted them; the head itself may come over two rows). Gives the header lines read after this row and the
    rest as a row of its own (None when the row holds header lines only); None when the row is no such piece."""
    def bare(text: str) -> str:
        return re.sub(r"\s+", "", text)
    named = [i for i, h in enumerate(header) if bare(h)]
    if len(named) < 2 or len(header) != len(row.cells):
        return None
    now, rest, gave = list(done), list(row.cells), 0
    for i in named:
        lines = row.cells[i].split("\n")
        k = max(k for k in range(len(lines) + 1) if bare(header[i]).startswith(bare(done[i] + "".join(lines[:k]))))
        now[i] = done[i] + "".join(lines[:k])
        rest[i] = "\n".join(lines[k:]).strip("\n")
        gave += bool(bare("".join(lines[:k])))
    complete = all(bare(now[i]) == bare(header[i]) for i in named)
    goes_on = any(c.strip() for c in rest)
    if not gave or gave < 2 and not any(done) or goes_on and not complete or not goes_on and complete and not any(done):
        return None  # no header lines here; a rest under an unfinished head; a whole head alone (repeats_header)
    if not goes_on:
        return now, None
    return now, RawRow(rest, row.n_real, row.top, row.bottom, row.bold, list(row.sources), list(row.spanned))


def _heading_over_head(row: RawRow, below: list[RawRow], table: Table) -> bool:
    """Before a table has a head or a body row: a row filling its first column and under half the others, right
    above a row that reads as the head, is a heading or title over the table (a word space may part one into two
    cells of a table without rules), never a body row."""
    if table.header or any(r.kind in ("body", "header") for r in table.rows):
        return False
    filled = [i for i, c in enumerate(row.cells) if c.strip()]
    nxt = next((r for r in below if not _is_spacer(r)), None)
    return bool(filled) and filled[0] == 0 and len(filled) >= 2 and len(filled) * 2 < len(row.cells) \
        and nxt is not None and looks_like_header(nxt, len(row.cells)) and not looks_like_header(row, len(row.cells))


def _header_tail(row: RawRow, above: RawRow) -> bool:
    """Before the table's first body row, under its header: a row filling under half the columns, not the
    first, with short digit-free words is the rest of the header's wrapped cells."""
    filled = [i for i, c in enumerate(row.cells) if c.strip()]
    # a body row fills its first column (the measure, its number or its indicator) nearly always
    return bool(filled) and 0 not in filled and len(filled) * 2 < len(row.cells) and all(
        len(join_lines(row.cells[i])) <= 40 and not _DIGIT.search(row.cells[i]) and i < len(above.cells)
        for i in filled)


UNRULED_TOLERANCE = 20.0  # points: the edges of a table without rules are the middles of its white space


def _ruled(table: PageTable) -> bool:
    return any(row.spanned for row in table.rows)


def _near_columns(a: PageTable, b: PageTable) -> bool:
    """Two parts of a table without rules (a heading between them ended the first): the same number of columns,
    their edges measured from different rows a little apart."""
    return not _ruled(a) and not _ruled(b) and a.n_cols == b.n_cols and \
        all(abs(x - y) <= UNRULED_TOLERANCE for x, y in zip(a.col_edges, b.col_edges))


def _repeats_table_header(found: PageTable, table: Table, header_rows: dict[int, list[list[str]]]) -> bool:
    """A table on the next page that opens by repeating this table's header continues it even where its columns
    were measured a few points off (tables without rules: the edges are the middles of the white space)."""
    first = next((row for row in found.rows if not _is_spacer(row)), None)
    return first is not None and found.n_cols == table.n_cols and bool(table.header) \
        and repeats_header(first, table.header, header_rows.get(id(table), []))


def _lines_between(page: PageText, top: float, bottom: float) -> list[int]:
    return [i for i, ln in enumerate(page.lines) if ln.top >= top - 1 and ln.bottom <= bottom + 1]


def _gap(pages: dict[int, PageText], prev: PageTable, table: PageTable) -> list[tuple[PageText, int]] | None:
    """Lines separating two tables, or None when they cannot be one table (text, other content between)."""
    if table.page == prev.page:
        page = pages[table.page]
        found = [(page, i) for i in _lines_between(page, prev.bottom, table.top)]
    elif table.page == prev.page + 1:
        before, after = pages[prev.page], pages[table.page]
        running = {line.text for line in before.lines[:3]}  # a title repeated atop every page is no heading
        found = [(before, i) for i in _lines_between(before, prev.bottom, before.height)]
        found += [(after, i) for i in _lines_between(after, 0.0, table.top) if after.lines[i].text not in running]
    else:
        return None
    found = [(p, i) for p, i in found if not _PAGE_NUMBER.match(p.lines[i].text)]
    return found if len(found) <= MAX_GAP_LINES else None


def _heading(gap: list[tuple[PageText, int]]) -> str | None:
    """Text of a section heading in a gap: bold lines or lines that start like a numbered heading."""
    texts, last = [], None
    for p, i in gap:
        line = p.lines[i]
        if i in p.bold_lines or _HEADING_START.match(line.text) or _wraps(last, line):
            texts.append(line.text.strip())
            last = line
        else:
            last = None
    return join_lines("\n".join(t for t in texts if t)) or None  # a Thai word wrapped joins with nothing


def _wraps(heading: TextLine | None, line: TextLine) -> bool:
    """The line goes on with the heading above it (a long heading wrapped, bold or not): right under it on the
    same page, no wider, starting where the heading's text starts or within its number's width."""
    if heading is None or heading.page != line.page:
        return False
    height = heading.bottom - heading.top
    return 0 <= line.top - heading.bottom <= height and heading.x0 - 2 <= line.x0 <= heading.x0 + 30 \
        and line.x1 <= heading.x1 + 2


def _join_row(into: TableRow, cells: list[str], sources: list[Provenance | None]) -> None:
    into.cells = [join_lines(f"{a}\n{b}") if b.strip() else a for a, b in zip(into.cells, cells)]
    into.sources = _merge_all(into.sources, sources)


def _last_body(table: Table) -> TableRow | None:
    """The row a page's first row may continue: the last one that is not the header or a caption printed
    again atop the page (a browser repeats a table's whole head, its `ตารางที่ …` title row too)."""
    return next((r for r in reversed(table.rows) if r.kind not in ("header", "caption")), None)


def _no_number_or_heading(text: str) -> bool:
    """Set like body text: no list number, heading word or table title of its own."""
    return not _ITEM_START.match(text) and not _HEADING_START.match(text) and not _CAPTION.match(text)


def _cut_rest(row: RawRow, previous: TableRow | None) -> bool:
    """A lone first cell opening a page under the repeated header is the rest of a numbered row cut by the
    break, not a section, when it is set like body text: not bold, no number or heading word of its own."""
    text = row.cells[0].strip()
    # a ruled cell merged across the whole table is a section row: the rest of a cut row keeps the table's grid
    across = len(row.spanned) >= 2 and all(row.spanned[1:])
    return previous is not None and previous.kind == "body" and not row.bold and not row.header and not across \
        and bool(_ITEM_START.match(previous.cells[0])) and _no_number_or_heading(text)


def _not_the_header(row: RawRow, table: Table, header_rows: dict[int, list[list[str]]]) -> bool:
    """A line the layout took for a header line on a later page (short words in every column, as the rest of a
    cut row can be) that is none of the table's header as first printed, nor a piece of it."""
    known = header_rows.get(id(table), [])
    return bool(known) and any(r.kind == "body" for r in table.rows) \
        and not repeats_header(row, table.header, known) and not _header_remnant(row, table.header)


_THAI_MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def _without_header_tail(row: RawRow, header: list[str]) -> list[str] | None:
    """Under a header repeated on a later page, the cells of the first row without the lines that end their
    column's header (`ชอบหลัก` under `งานที่รับผิด`: the layout took the header's wrapped last line for the
    body's first); None when no cell opens with one. Compared without marks (a tall head's last line, read under
    its second level's rule, may lose them); a cell that is such a line alone (a cut row's rest fills other
    columns) goes only where two cells or more are (one short word could end a header by chance)."""
    bare = lambda text: _THAI_MARKS.sub("", re.sub(r"\s+", "", text))  # noqa: E731
    out, found, whole = [], False, []
    for i, cell in enumerate(row.cells):
        first, _, rest = cell.partition("\n")
        name = bare(header[i]) if i < len(header) else ""
        if len(bare(first)) >= 3 and name != bare(first) and name.endswith(bare(first)):
            if not rest.strip():
                whole.append(i)
            out.append(rest)
            found = found or bool(rest.strip())
        else:
            out.append(cell)
    if len(whole) >= 2:
        found = True
    else:
        for i in whole:
            out[i] = row.cells[i]
    return [join_lines(c) for c in out] if found else None


def _merged_across(row: RawRow, previous: TableRow | None, page: int) -> list[bool]:
    """A cell merged down over the last rows of a page goes on over the first row of the next: the printer
    closes it at the page foot and draws its rest empty, uncovered. A ruled first body row's empty cell under a
    covered one on the page before is covered too."""
    spanned = list(row.spanned)
    if previous is None or previous.page == page or not spanned or len(previous.spanned) != len(spanned):
        return spanned
    return [s or (above and not cell.strip()) for s, above, cell in zip(spanned, previous.spanned, row.cells)]


def _wrapped_heading(row: RawRow, above: list[RawRow], table: Table) -> bool:
    """In a table without rules, a line filling the first column alone right under the section heading across
    the table, with no number or heading word of its own: the heading's wrapped second line."""
    before = next((r for r in reversed(above) if not _is_spacer(r)), None)
    text = row.cells[0].strip()
    return before is not None and bool(table.rows) and table.rows[-1].kind == "section" and not row.spanned \
        and not before.spanned and before.n_real == 1 and bool(text) and not any(c.strip() for c in row.cells[1:]) \
        and 0 <= row.top - before.bottom <= before.bottom - before.top \
        and _no_number_or_heading(text)


def _owner(table: Table, row: TableRow | None, column: int) -> TableRow | None:
    """The row whose cell a merged cell covering `row` in `column` is: the nearest body row above that has the cell
    of its own (a measure merged over its activity rows is the first activity row's); None when not covered."""
    if row is None or column >= len(row.spanned) or not row.spanned[column] or row.cells[column].strip():
        return None
    body = [r for r in table.rows if r.kind == "body"]
    above = body[:next((k for k, r in enumerate(body) if r is row), len(body))]
    return next((r for r in reversed(above) if column >= len(r.spanned) or not r.spanned[column]), None)


def _join_through_spans(table: Table, into: TableRow, cells: list[str], sources: list[Provenance | None]) -> None:
    """The rest of a cut row joined to it; a column the cut row's cell there is covered in goes on with the merged
    cell's own row (the measure cell over the activity rows, the activity's rest with its own row)."""
    for column, text in enumerate(cells):
        source = sources[column] if column < len(sources) else None
        if not text.strip():
            continue
        target = _owner(table, into, column) or into
        if column >= len(target.cells):
            continue
        target.cells[column] = join_lines(f"{target.cells[column]}\n{text}")
        target.sources += [None] * (len(target.cells) - len(target.sources))
        target.sources[column] = merge_sources(target.sources[column], source)


def _continues_row(row: RawRow, previous: TableRow | None, owner: TableRow | None = None) -> bool:
    """The first body row on a new page that is the rest of the previous page's last row (`owner`: the row whose
    first cell, merged down, covers the previous row's)."""
    if previous is None or previous.kind != "body":
        return False
    first = row.cells[0].strip()
    if not first:
        return True
    if _ITEM_START.match(first):
        return False
    if amount_under_amount(previous.cells, row.cells):
        return False
    if _ITEM_START.match((owner or previous).cells[0]):
        return True
    # Only some columns carry on (the short ones, like responsible or period, ended on the last page).
    filled = [bool(c.strip()) for c in row.cells]
    before = [bool(c.strip()) for c in previous.cells]
    if not all(filled) and all(b for f, b in zip(filled, before) if f):
        return True
    # Or the page's last row held only some columns, uncovered, and this row the others: the printer moved
    # the cells whose first line did not fit to the next page whole (WeasyPrint), its first among them.
    covered = previous.spanned[0] if previous.spanned else False
    return not before[0] and not covered and any(before) and not any(f and b for f, b in zip(filled, before))


_NO_BUDGET = re.compile(r"\(?ไม่(?:ได้)?(?:ใช้|มี|ตั้ง)งบ(?:ประมาณ)?\)?")
_AMOUNT = re.compile(r"[0-9๐-๙]{1,3}(?:,\s?[0-9๐-๙]{3})+(?:\.[0-9๐-๙]{2})?")  # `150,000`, `๑๒,๐๐๐.๕๐`: a whole amount

def amount_under_amount(above: list[str], below: list[str]) -> bool:
    """A whole amount under a whole amount in one column (a total's sum under the last budget): two cells, so two
    rows, whatever else the lower one leaves empty. A wrapped amount is cut at its comma, so its parts are not whole."""
    def whole(text: str) -> bool:
        return bool(_AMOUNT.fullmatch(text.strip().split("\n")[-1].strip()))
    def value(text: str) -> bool:  # an amount, or the words for none (`ไม่ใช้งบประมาณ`: a budget of 0)
        return whole(text) or bool(_NO_BUDGET.fullmatch(re.sub(r"\s+", "", text.strip().split("\n")[-1])))
    return any(value(a) and whole(b) for a, b in zip(above, below)) or any(
        _score_pair(a.strip().split("\n")[-1].strip(), b.strip().split("\n")[0].strip()) for a, b in zip(above, below))


_BARE_NUMBER = re.compile(r"[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,2})?")
_TWO_DECIMALS = re.compile(r"[0-9๐-๙]{1,3}\.[0-9๐-๙]{2}")


def _score_pair(above: str, below: str) -> bool:
    """A cell that is a number alone over a cell that is a number alone, one of them with two decimals (a score
    under a weight, `30` over `95.22`, in a tools table without rules), that read together make no number of a score's
    size: each is a row. A date's parts have no decimals; a number a narrow column cut (`๙` over `๕.๓๑`) reads back
    as one."""
    if not (_BARE_NUMBER.fullmatch(above) and _BARE_NUMBER.fullmatch(below)
            and (_TWO_DECIMALS.fullmatch(above) or _TWO_DECIMALS.fullmatch(below))):
        return False
    joined = to_arabic_digits(above + below)
    return not (_BARE_NUMBER.fullmatch(joined) and float(joined) <= 100)


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def _aligned(segments: list[Box], starts: list[float]) -> bool:
    """Every segment starts at a column start and ends before the next column starts."""
    for seg in segments:
        column = next((i for i, x in enumerate(starts) if abs(seg[0] - x) <= COLUMN_TOLERANCE), None)
        if column is None or (column + 1 < len(starts) and seg[2] > starts[column + 1] + COLUMN_TOLERANCE):
            return False
    return True


def find_borderless(lines: list[list[Box]], min_cols: int = 3, min_rows: int = 3) -> list[tuple[list[float], list[int]]]:
    """Tables without rules: runs of lines whose text segments start at the same x positions.

    A run opens at a line with at least min_cols segments (usually the header) and goes on while
    every segment of the next line starts at one of its columns, stays inside it, and the line is
    not far below; it counts when min_rows of its lines fill min_cols columns.
    Returns (column starts, indexes of the run's lines).
    """
    found = []
    i = 0
    while i < len(lines):
        if len(lines[i]) < min_cols:
            i += 1
            continue
        starts = [seg[0] for seg in lines[i]]
        members = [i]
        while members[-1] + 1 < len(lines):
            following, last = lines[members[-1] + 1], lines[members[-1]]
            height = max(seg[3] - seg[1] for seg in last)
            if min(seg[1] for seg in following) - max(seg[3] for seg in last) > 2.5 * height:
                break
            if not _aligned(following, starts):
                break
            members.append(members[-1] + 1)
        if sum(1 for m in members if len(lines[m]) >= min_cols) >= min_rows:
            found.append((starts, members))
            i = members[-1] + 1
        else:
            i += 1
    return found


MIN_COLUMN_GAP = 5.5  # points between words that may separate two columns of a table without rules (a space
# inside Thai text at 16 pt is about 4)
ROW_GAP_EXTRA = 2.0  # points a gap between lines must exceed the usual line gap by to separate two rows


def _gaps(line: list[Box]) -> list[tuple[float, float]]:
    ordered = sorted(line)
    return [(a[2], b[0]) for a, b in zip(ordered, ordered[1:]) if b[0] - a[2] >= MIN_COLUMN_GAP]


def _narrow(gaps: list[tuple[float, float]], line: list[Box]) -> list[tuple[float, float]] | None:
    """The column gaps left once this line's text is laid over them; None when the line fills one (a heading
    or a paragraph across the columns ends the table)."""
    out = []
    for g0, g1 in gaps:
        # the text covers parts of the gap: keep its widest free stretch, judged once every word is laid over
        # it (a list number `๑.` beside the gap leaves a word space after it, narrower than the column's gap)
        free = [(g0, g1)]
        for seg in line:
            free = [piece for a, b in free for piece in ((a, min(b, seg[0])), (max(a, seg[2]), b)) if piece[1] > piece[0]] \
                if any(seg[0] < b and seg[2] > a for a, b in free) else free
        if not free or max(b - a for a, b in free) < 1.0:
            return None
        out.append(max(free, key=lambda g: g[1] - g[0]))
    return out


SPANNING_GAP = 8.0  # points: words closer than this are one run of text (a heading across the columns)


def _spans_columns(line: list[Box], gaps: list[tuple[float, float]]) -> bool:
    """One run of text (no wide space inside) reaching across two or more column gaps: a section heading."""
    ordered = sorted(line)
    if any(b[0] - a[2] >= SPANNING_GAP for a, b in zip(ordered, ordered[1:])):
        return False
    x0, x1 = ordered[0][0], max(b[2] for b in ordered)
    crossed = [(g0, g1) for g0, g1 in gaps if x0 < g0 and x1 > g1]
    # one gap crossed is enough from the first column on when that gap is wide (a group's heading, `ตัวชี้วัดที่ ๙
    # การเปิดเผยข้อมูล`, over a narrow code column): a row's cells are further apart than a word space there
    # in a table of at least four columns (three are too few to tell a heading from a paragraph's lines over a
    # page's justified spaces)
    return len(crossed) >= 2 or (len(crossed) == 1 and len(gaps) >= 3 and x0 < gaps[0][0] and crossed[0] == gaps[0]
                                 and crossed[0][1] - crossed[0][0] >= SPANNING_GAP)


def find_gap_tables(lines: list[list[Box]], min_cols: int = 3, min_rows: int = 3,
                    skip: set[int] = frozenset()) -> list[tuple[list[float], list[int], set[int]]]:
    """Tables without rules, found by the white space that runs down between their columns (cells may be
    left-, centre- or right-aligned, so their starts need not line up).

    A run opens at a line with at least min_cols separated segments (usually the header); the gaps between
    its segments are the candidate column gaps, and each following line narrows them by the text it lays
    over them; the run ends at a line that fills a gap, at a wide vertical space, or at a line in `skip`.
    A heading across the columns (one run of text over two or more gaps) is kept as a spanning line and
    narrows nothing. It counts when min_rows of its lines fill min_cols columns. Returns (column edges,
    indexes of the run's lines, the spanning ones among them); the edges are the middles of the gaps, with
    the run's left and right ends.
    """
    found = []
    i = 0
    while i < len(lines):
        gaps = _gaps(lines[i]) if i not in skip else []
        if len(gaps) + 1 < min_cols:
            i += 1
            continue
        members, spanning = [i], set()
        while members[-1] + 1 < len(lines) and members[-1] + 1 not in skip:
            following, last = lines[members[-1] + 1], lines[members[-1]]
            height = max(seg[3] - seg[1] for seg in last)
            if min(seg[1] for seg in following) - max(seg[3] for seg in last) > 2.5 * height:
                break
            if _spans_columns(following, gaps):
                spanning.add(members[-1] + 1)
                members.append(members[-1] + 1)
                continue
            narrowed = _narrow(gaps, following)
            if narrowed is None:
                break
            gaps = narrowed
            members.append(members[-1] + 1)
        while members and members[-1] in spanning:  # a heading after the table belongs to what follows
            spanning.discard(members.pop())
        body = [m for m in members if m not in spanning]
        gaps = sorted(gaps + _sub_column_gaps(gaps, lines, body))
        gaps = sorted(gaps + _aligned_gaps(gaps, lines, body))
        edges = _edges(gaps, lines, members)
        full = sum(1 for m in members if len({column_of_edges(seg, edges) for seg in lines[m]}) >= min_cols)
        if full >= min_rows:
            found.append((edges, members, spanning))
            i = members[-1] + 1
        else:
            i += 1
    return found


SUB_COLUMN_GAP = 7.0  # points of white space that split one column of a run into two under a merged header
HEAD_LINES = 6  # lines at a run's top that may hold a merged header's cell over two sub-columns


def _sub_column_gaps(gaps: list[tuple[float, float]], lines: list[list[Box]],
                     members: list[int]) -> list[tuple[float, float]]:
    """Gaps inside a column of the run that a merged header cell hides: `ระยะเวลา` centred over two narrow columns
    `เริ่ม` | `สิ้นสุด` covers the white space between them, so the run's opening line has no gap there. A stripe
    of white space inside a column, at least SUB_COLUMN_GAP wide, is a column gap when a line of the run's head
    divides the column there (the sub-headers), some line above covers one of that line's gaps (the merged cell: no
    other reason for a header to span it; centred over four quarters it covers the middle gaps only), and every
    line from that one to the run's end leaves it free, with text on both sides in at least three of them."""
    edges = _edges(gaps, lines, members)
    out = []
    for lo, hi in zip(edges, edges[1:]):
        in_column = [[seg for seg in lines[m] if lo <= (seg[0] + seg[2]) / 2 < hi] for m in members]
        first = next((k for k, segs in enumerate(in_column) if len(_gaps(segs)) > 0), None)
        if first is None or first == 0 or first >= HEAD_LINES:
            continue
        heads = _gaps(in_column[first])
        # a merged cell above covers one of the sub-headers' gaps (a title centred over four quarter columns
        # covers the middle ones only): each of that line's gaps may then be one between sub-columns
        if not any(seg[0] < g0 and seg[2] > g1 for g0, g1 in heads for segs in in_column[:first] for seg in segs):
            continue  # no merged cell above: the line's words are one cell's
        for g0, g1 in heads:
            divided = 0
            for segs in in_column[first:]:
                if (narrowed := _narrow([(g0, g1)], segs)) is None:
                    break
                (g0, g1), = narrowed
                divided += any(seg[2] <= g0 for seg in segs) and any(seg[0] >= g1 for seg in segs)
            else:
                if g1 - g0 >= SUB_COLUMN_GAP and divided >= 3:
                    out.append((g0, g1))
    return out


ALIGNED_LINES = 3  # lines whose text starts at one x, after a stripe free in every line, that part two columns
ALIGN_TOLERANCE = 2.0  # points two left-aligned cells' starts may differ by (a header cell's padding)
MIN_ALIGNED_GAP = 2.5  # points of white space a stripe of aligned starts needs (a word space is about 3-4)


def _aligned_gaps(gaps: list[tuple[float, float]], lines: list[list[Box]],
                  members: list[int]) -> list[tuple[float, float]]:
    """Gaps narrower than MIN_COLUMN_GAP that part two left-aligned columns: a printer that shrinks columns to their
    text (LibreOffice's HTML import) leaves a word space between them, and a header centred over two such columns
    (`ปี ๒๕๖๗ ปี ๒๕๖๘`) hides the wider gap of the body. What no word space does: text starting at one x in
    ALIGNED_LINES lines with text before it in the column, no word of any line of the run crossing that x, the
    stripe before it free in every line, and at least three quarters of the lines with text after the stripe
    starting there. The run's opening line (its header) must hold text on both sides, a label for each column:
    a column of repeated identical cells (`สำนัก ปลัด` on every row) aligns its second word too, under a header of
    one label."""
    edges = _edges(gaps, lines, members)
    out = []
    for lo, hi in zip(edges, edges[1:]):
        in_column = [[seg for seg in lines[m] if lo <= (seg[0] + seg[2]) / 2 < hi] for m in members]
        candidates = sorted({round(seg[0], 1) for segs in in_column for seg in segs if seg[0] > lo + MIN_COLUMN_GAP})
        for x in candidates:
            if out and out[-1][1] >= lo and abs(out[-1][1] - x) <= ALIGN_TOLERANCE:
                continue
            left = [seg[2] for segs in in_column for seg in segs if seg[0] < x - ALIGN_TOLERANCE]
            if not left or max(left) > x - MIN_ALIGNED_GAP:
                continue  # a word crosses the stripe, or runs up to it
            after = [segs for segs in in_column if any(seg[0] >= x - ALIGN_TOLERANCE for seg in segs)]
            starting = [segs for segs in after if any(abs(seg[0] - x) <= ALIGN_TOLERANCE for seg in segs)
                        and any(seg[2] <= x - MIN_ALIGNED_GAP for seg in segs)]
            head = in_column[0]
            if len(starting) >= ALIGNED_LINES and 4 * len(starting) >= 3 * len(after) \
                    and any(seg[2] <= x - MIN_ALIGNED_GAP for seg in head) and any(seg[0] >= x - ALIGN_TOLERANCE for seg in head):
                out.append((max(left), min(seg[0] for segs in after for seg in segs if seg[0] >= x - ALIGN_TOLERANCE)))
    return out


def _edges(gaps: list[tuple[float, float]], lines: list[list[Box]], members: list[int]) -> list[float]:
    x0 = min(seg[0] for m in members for seg in lines[m])
    x1 = max(seg[2] for m in members for seg in lines[m])
    return [x0] + [(g0 + g1) / 2 for g0, g1 in gaps] + [x1]


def column_of_edges(segment: Box, edges: list[float]) -> int:
    """The column (between consecutive edges) that holds the segment's middle."""
    middle = (segment[0] + segment[2]) / 2
    for index in range(len(edges) - 1):
        if middle < edges[index + 1]:
            return index
    return len(edges) - 2


# `5. การ…`, `2.6 โครงการ…`, `2.1.3 …`: a list or sub-list number opening a row, nothing else
_LIST_NUMBER = re.compile(r"^\s*(?:[0-9๐-๙]{1,2}[.)]|[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})+\.?)(?:\s|$)")  # alone in its cell too
HEADER_LABEL = 30  # characters: a header's wrapped line holds short labels


def header_lines(rows: list[RawRow]) -> int:
    """How many of a table's first lines (tables without rules, one RawRow per line) are its header: bold lines,
    or a first line that reads as a header (looks_like_header) and the lines right under it that go on
    labelling two or more of its columns with short words and no digits (`ลำ`/`ดับ`, `หน่วยงานที่`/`รับผิดชอบ`).
    A cut row's rest under a repeated header fills one or two long columns; a header's lines fill several."""
    if not rows:
        return 0
    n_cols = len(rows[0].cells)
    count = 0
    for index, row in enumerate(rows):
        filled = [i for i, c in enumerate(row.cells) if c.strip()]
        if row.bold or (index == 0 and (looks_like_header(row, n_cols) or _two_level_head(rows))):
            count += 1
            continue
        if index == 1 and count and not rows[0].bold and _two_level_head(rows):
            count += 1  # the sub-headers under the first line's title
            continue
        if count and len(filled) >= 2 and all(_BAND_NUMBER.fullmatch(row.cells[i].strip()) and rows[index - 1].cells[i].strip()
                                              for i in filled):
            count += 1  # `ไตรมาส` / `๑`: the numbers of the sub-headers above, wrapped onto a line of their own
            continue
        # a bold header's lines are all bold; an unbolded one's lines are told by their labels
        labels = count and not rows[0].bold and filled and not any(_DIGIT.search(row.cells[i]) for i in filled) and (
            (len(filled) >= 2 and all(len(row.cells[i].strip()) <= HEADER_LABEL and _labelled_above(rows[:index], i)
                                      for i in filled))
            or all(len(row.cells[i].strip()) <= 40 and _HEADER_WORD.search(row.cells[i]) for i in filled))
        if not labels:
            break
        count += 1
    return count


_BAND_NUMBER = re.compile(r"[0-9๐-๙]{1,2}")


def _two_level_head(rows: list[RawRow]) -> bool:
    """A table's first line names some columns with short labels, no digits and no list number, and the line
    under it names every column it left empty (the sub-columns under a merged title, `ระยะเวลา…` over
    `ไตรมาส`…): a two-level header, whatever its words."""
    if len(rows) < 2:
        return False
    first, second = [c.strip() for c in rows[0].cells], [c.strip() for c in rows[1].cells]
    filled = [i for i, t in enumerate(first) if t]
    empty = [i for i, t in enumerate(first) if not t]
    if len(filled) < 3 or len(empty) < 2 or starts_item(first[0]) or len(second) != len(first):
        return False
    if any(len(first[i]) >= 60 or _DIGIT.search(first[i]) for i in filled):
        return False
    return all(second[i] and len(second[i]) <= HEADER_LABEL and (not _DIGIT.search(second[i]) or _BAND_LABEL.match(second[i]))
               for i in empty) and all(len(t) <= HEADER_LABEL for t in second)


def _labelled_above(rows: list[RawRow], column: int) -> bool:
    """The header's first line names this column, or the one beside it that a merged cell spans with it: the
    sub-headers `เริ่ม` | `สิ้นสุด` under `ระยะเวลา`, whose words fall in one of the two columns."""
    first = rows[0].cells
    # a header line under the first already naming the column (a sub-header under a title merged over several
    # columns, `กลุ่มงานรับ` under `ขั้นตอนและกำหนดการ`): this line goes on with that label
    return bool(first[column].strip()) or any(r.cells[column].strip() for r in rows[1:] if column < len(r.cells)) or any(
        0 <= j < len(first) and first[j].strip() and not any(r.cells[column].strip() for r in rows)
        for j in (column - 1, column + 1))


def starts_item(text: str) -> bool:
    """A first cell that opens with a list number, code or bullet (a row of a numbered table starts here)."""
    return bool(text.strip()) and bool(_ITEM_START.match(text))


def split_rows(line_boxes: list[list[Box]], first_cells: list[str], numbered_table: bool = False,
               refine=None) -> list[bool]:
    """Which lines of a table without rules start a row: one whose first cell holds a list number, else (when
    the table has no such numbers) one set apart by more than the usual gap between lines, else one whose
    first cell is filled (the rest of a cell wraps below it with that cell empty). Lines above the first
    numbered one (their first cell empty, or the page's only number a plain `5. …`) are the rest of a row cut
    by the page break: one row; so are all the lines when none is numbered in a table whose rows are
    (`numbered_table`: the lines a page of such a table opens with, above a heading across it); in such a table
    a page's only numbered line starts a row and the lines under it go on with it, however far apart (a cell
    printed a line lower than its neighbours). `refine(starts, numbered)` (from the lines' cells,
    parsers.layout) may correct the guesses."""
    numbered = [starts_item(text) for text in first_cells]
    first = next((i for i, n in enumerate(numbered) if n), None)
    refine = refine or (lambda starts, numbered=False: starts)
    if first is None and numbered_table:  # a numbered table's lines without a number: the rest of a cut row
        return refine([index == 0 for index in range(len(first_cells))], True)
    if first is not None and (first == 0 or sum(numbered) >= 2 or not any(c.strip() for c in first_cells[:first])
                              or _LIST_NUMBER.match(first_cells[first]) or numbered_table):
        return refine([index == 0 or numbered[index] for index in range(len(first_cells))], True)
    tops = [min(seg[1] for seg in line) for line in line_boxes]
    bottoms = [max(seg[3] for seg in line) for line in line_boxes]
    gaps = [tops[i] - bottoms[i - 1] for i in range(1, len(tops))]
    if gaps:
        usual = sorted(gaps)[len(gaps) // 3]
        spaced = [True] + [gap > usual + ROW_GAP_EXTRA for gap in gaps]
        if 2 <= sum(spaced) < len(spaced):
            return refine(spaced)
    return refine([index == 0 or bool(text.strip()) for index, text in enumerate(first_cells)])


BAND_OVERLAP = 0.25  # share of a line's height it must reach into the line above to be printed beside it


def line_bands(lines: list[list[Box]]) -> list[int]:
    """Per line (top to bottom), the band it is printed in: a line that reaches well into the lines above it, in
    other columns only (no box over theirs), stands beside them, not under them. Cells centred vertically in a
    row of unequal cells interleave so (a two-line cell's lines half a line off a three-line cell's); a row's band
    is then its tallest cell, and the cells centred in it belong to it. Lines one under the other are bands of
    their own."""
    out: list[int] = []
    band: list[int] = []
    for index, line in enumerate(lines):
        top, height = min(b[1] for b in line), max(b[3] - b[1] for b in line)
        bottom = max((b[3] for m in band for b in lines[m]), default=float("-inf"))
        beside = band and bottom - top > BAND_OVERLAP * height and not any(
            a[0] < b[2] and b[0] < a[2] for m in band for a in lines[m] if a[3] > top for b in line)
        if beside:
            band.append(index)
        else:
            band = [index]
        out.append(out[-1] + (not beside) if out else 0)
    return out


def band_boxes(lines: list[list[Box]], bands: list[int]) -> list[list[Box]]:
    """Each band's text as one line: the lines' boxes, x-runs that overlap merged (white space must run through
    the whole band to be a column gap). A band of one line keeps its boxes as they are."""
    groups: dict[int, list[list[Box]]] = {}
    for line, band in zip(lines, bands):
        groups.setdefault(band, []).append(line)
    out = []
    for band in sorted(groups):
        members = groups[band]
        if len(members) == 1:
            out.append(list(members[0]))
            continue
        merged: list[list[float]] = []
        for b in sorted(b for line in members for b in line):
            if merged and b[0] < merged[-1][2]:
                merged[-1] = [merged[-1][0], min(merged[-1][1], b[1]), max(merged[-1][2], b[2]), max(merged[-1][3], b[3])]
            else:
                merged.append(list(b))
        out.append([tuple(b) for b in merged])
    return out


def band_rows(lines: list[list[Box]], bands: list[int], centred: bool = False) -> list[bool] | None:
    """Which lines start a row in a table whose cells are centred vertically (some band holds several lines):
    a band starts a row unless it sits under the band above no further than a wrapped cell's line gap (the
    gap between two lines of one column inside one band, so surely one cell's) and ROW_GAP_EXTRA: a row whose
    cells all have an odd or all an even number of lines does not interleave, its lines are bands one under
    the other at the cell's line gap. None (the usual line logic applies) when no band below the first holds
    several lines, or none holds two lines of one column to measure the gap by. `centred`: the table's other
    lines already show centred cells, so a band of several lines at the top is a row too (the part of a table
    after a heading across it)."""
    if not any(bands[i] == bands[i - 1] and (centred or bands[i] != bands[0]) for i in range(1, len(bands))):
        return None  # no band of several lines below the first (a header's own lines may interleave)
    leading = []
    for i, line in enumerate(lines):
        for j in range(i + 1, len(lines)):
            if bands[j] != bands[i]:
                break
            leading += [b[1] - a[3] for a in line for b in lines[j]
                        if a[0] < b[2] and b[0] < a[2] and b[1] > a[3]]
    if not leading:
        return None  # no wrapped cell inside a band says how far apart one cell's lines are
    limit = min(leading) + ROW_GAP_EXTRA
    starts, top_of, bottom_of = [], {}, {}
    for line, band in zip(lines, bands):
        top_of[band] = min(top_of.get(band, float("inf")), min(b[1] for b in line))
        bottom_of[band] = max(bottom_of.get(band, float("-inf")), max(b[3] for b in line))
    for index, band in enumerate(bands):
        if index and bands[index - 1] == band:
            starts.append(False)
        elif index == 0:
            starts.append(True)
        else:
            starts.append(top_of[band] - bottom_of[bands[index - 1]] > limit)
    return starts


def column_of(segment: Box, starts: list[float]) -> int:
    return min(range(len(starts)), key=lambda i: abs(segment[0] - starts[i]))


def join_rows(above: RawRow, below: RawRow) -> RawRow:
    """A row and the line below that continues it (a cell wrapped onto another line, or a row's part cut off)."""
    cells = [f"{a}\n{b}" if b.strip() else a for a, b in zip(above.cells, below.cells)]
    return RawRow(cells, above.n_real, above.top, below.bottom, above.bold, _merge_all(above.sources, below.sources),
                  above.spanned)


def wrap_rows(rows: list[RawRow], starts: list[bool]) -> list[RawRow]:
    """Lines of a table without rules as rows: a line that does not start a row (`starts`, see split_rows)
    continues the row above, unless it sets an amount under the row's own (amount_under_amount)."""
    out: list[RawRow] = []
    for row, start in zip(rows, starts):
        if out and not start and not amount_under_amount(out[-1].cells, row.cells):
            out[-1] = join_rows(out[-1], row)
        else:
            out.append(row)
    return out


def build_tables(page_tables: list[PageTable], pages: list[PageText]) -> list[Table]:
    """Logical tables in document order from the tables found page by page."""
    by_number = {p.number: p for p in pages}
    tables: list[Table] = []
    header_rows: dict[int, list[list[str]]] = {}  # per table: its header rows as first printed
    last: PageTable | None = None
    for found in page_tables:
        gap = _gap(by_number, last, found) if last is not None and (
            _same_columns(last, found) or _repeats_table_header(found, tables[-1], header_rows)
            or _near_columns(last, found)) else None
        if gap is None:
            tables.append(Table(rows=[], pages=[], n_cols=found.n_cols))
        current = tables[-1]
        # the table's rows so far end on an earlier page (a head alone may open this one: lines around the
        # header only make the head and the body two tables of the page)
        new_page = (body := _last_body(current)) is not None and body.page != found.page
        if gap and (heading := _heading(gap)):
            current.rows.append(TableRow([heading] + [""] * (found.n_cols - 1), found.page, "section"))
            new_page = False
        if found.page not in current.pages:
            current.pages.append(found.page)
        at_top = True
        header_above: RawRow | None = None  # this page's last header row, while still at the table's top
        head_done = [""] * found.n_cols  # the repeated header's lines read so far atop this page (_header_atop)
        head_atop = False  # a repeated header's rows were read atop this page by _header_atop
        for index, row in enumerate(found.rows):
            if _is_spacer(row):
                continue
            if new_page and at_top and current.header and \
                    (split := _header_atop(row, current.header, head_done)) is not None:
                head_done, rest = split
                piece = [join_lines(c) for c in row.cells] if rest is None else list(current.header)
                current.rows.append(TableRow(piece, found.page, "header", list(row.sources)))
                head_atop = True
                if rest is None:
                    continue
                row = rest
            cells = [join_lines(c) for c in row.cells]
            known = header_rows.get(id(current), [])  # the header rows as first printed (grows with them)
            if new_page and _is_section(row, found.n_cols) and _cut_rest(row, _last_body(current)):
                new_page = at_top = False
                _join_row(_last_body(current), cells, row.sources)
                continue
            if _heading_over_head(row, found.rows[index + 1:], current):
                # a heading a word space parted into two cells, the table's head right under it
                text = " ".join(c for c in cells if c.strip())
                kind = "caption" if _is_caption(text) else "section"
                current.rows.append(TableRow([text] + [""] * (found.n_cols - 1), found.page, kind, list(row.sources)))
                continue
            if _wrapped_heading(row, found.rows[:index], current):
                current.rows[-1].cells[0] = join_lines(f"{current.rows[-1].cells[0]}\n{cells[0]}")
                current.rows[-1].sources = _merge_all(current.rows[-1].sources, row.sources)
                continue
            if _is_section(row, found.n_cols):
                # a title spanning the table above its header row (`ตารางที่ 1 …`) names the table: no section
                below = next((r for r in found.rows[index + 1:] if not _is_spacer(r)), None)
                caption = not row.header and _is_caption(cells[0]) and below is not None \
                    and not _is_section(below, found.n_cols) and (
                    at_top and (not current.rows or below.header or below.bold)
                    or repeats_header(below, current.header, known))
                kind = "caption" if caption else "section"
                current.rows.append(TableRow(cells, found.page, kind, list(row.sources), list(row.spanned)))
                if kind == "caption":
                    continue
                at_top = new_page = False
                continue
            # the header printed again under a heading inside the table (HTML prints a table's head on every page
            # and a new table under each heading) is no row of the table wherever it stands
            repeated = repeats_header(row, current.header, known)
            # right under a header row (a table's own head printed again under a section heading inside it; a head
            # row the page break cut, its rest atop the next page) the wrapped ends of its cells are the header's too
            under_header = bool(current.rows) and current.rows[-1].kind == "header"
            is_header = (row.header and not _not_the_header(row, current, header_rows)) \
                or (current.header and repeated) or (under_header and _header_remnant(row, current.header)) \
                or at_top and (
                row.bold or repeated
                or (all(r.kind in ("caption", "section") for r in current.rows) and looks_like_header(row, found.n_cols))
                or (header_above is not None and second_level(row, header_above))
                or (header_above is not None and _header_remnant(row, current.header))
                or (header_above is not None and not any(r.kind == "body" for r in current.rows)
                    and _header_tail(row, header_above))
            )
            if is_header:
                header_above = row
                if not any(r.kind == "body" for r in current.rows):
                    header_rows.setdefault(id(current), []).append(cells)
                if not current.header or not any(r.kind == "body" for r in current.rows):
                    current.header = [join_lines(f"{h}\n{c}") for h, c in zip(current.header or [""] * len(cells), cells)]
                current.rows.append(TableRow(cells, found.page, "header", list(row.sources), list(row.spanned)))
                continue
            if at_top and (header_above is not None or head_atop) and any(r.kind == "body" for r in current.rows):
                cells = _without_header_tail(row, current.header) or cells
            at_top = False
            spanned = list(row.spanned)
            if new_page:
                new_page = False
                previous = _last_body(current)
                if _continues_row(row, previous, _owner(current, previous, 0)):
                    _join_through_spans(current, previous, cells, row.sources)
                    # without rules a cut row's rest may come as several rows (a line the layout took for the
                    # head's, then the others): the next row may go on with it too
                    new_page = not _ruled(found)
                    continue
                spanned = _merged_across(row, previous, found.page)
            current.rows.append(TableRow(cells, found.page, "body", list(row.sources), spanned))
        last = found
    return [t for t in tables if t.rows]
