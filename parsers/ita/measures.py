"""Measure tables → Measure rows.

Columns are mapped to roles by what their header says, whatever their order. A table printed without a
header (continued on the next page) keeps the roles of the measure table before it. Rows continued across a
page break are joined back to the row they belong to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from normalizers import catalog
from normalizers.codes import split_code_prefix
from normalizers.dates import parse_period
from parsers.ita.text import LIST_NUMBER, compact, skeleton, strip_list_number, tidy
from parsers.records import Measure, PageLayout, Provenance, Table, TableRow

# (role, compact header keywords) checked in order: the first role whose keyword is in the header wins.
_ROLES: list[tuple[str, tuple[str, ...]]] = [
    ("number", ("ลำดับ",)),
    ("analysis", ("วิเคราะห์",)),
    ("period", ("ระยะเวลา", "ช่วงเวลา", "ห้วงเวลา", "กรอบเวลา")),
    ("responsible", ("ผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "ผู้ดำเนินการ")),
    ("follow_up", ("ติดตาม",)),
    ("outcome", ("ผลลัพธ์", "ผลสัมฤทธิ์", "outcome")),
    ("output", ("ผลการดำเนินการ", "ผลการดำเนินงาน", "output", "ผลผลิต")),
    ("method", ("วิธีการ", "ขั้นตอน", "ขันตอน", "การดำเนินการ")),
    ("measure", ("มาตรการ", "โครงการ", "กิจกรรม", "แนวทาง")),
    ("indicator", ("ตัวชี้วัด",)),
]
_LETTER_CODE = re.compile(r"^\s*[iIeEoO]\s*\d{1,2}(?!\d)")
# A code glued to the text after it when the layout joined wrapped lines (`i1การปฏิบัติ…`, `07แผน…`).
_GLUED_CODE = re.compile(r"^(\s*[iIl1eEoO0]\s*\d{1,2}\*?)(?=[ก-๙])")
_SECTION_LINE = re.compile(r"^\s*\(?\d{1,2}\)\s*\S")


def column_roles(header: list[str]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for index, cell in enumerate(header):
        key = skeleton(cell).lower()
        for role, words in _ROLES:
            if any(skeleton(word).lower() in key for word in words) and role not in roles.values():
                roles[index] = role
                break
    return roles


def _is_header(cells: list[str]) -> bool:
    """Header cells are short and nearly all name a role; body cells may contain the same words."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(len(compact(c)) > 60 for c in filled):
        return False
    roles = column_roles(cells)
    return "measure" in roles.values() and len(roles) >= max(2, len(filled) - 1)


@dataclass
class _Row:
    cells: dict[str, str]  # role -> text
    page: int
    section: str | None
    source: Provenance | None = None  # the measure cell (else the row's first filled cell)


def code_prefix(text: str, year: int | None, digit_i: bool) -> tuple[list[str], str]:
    """Question codes printed before a measure (`i13 ผู้บริหาร…` → ["i13"]). A leading 1 read as an i
    (`18 ผู้บังคับ…` → i8) is trusted only in documents that print letter codes elsewhere (`digit_i`):
    elsewhere `12 จัดทำ…` is a list number."""
    if not digit_i and re.match(r"^\s*1", text):
        return [], text
    return split_code_prefix(_GLUED_CODE.sub(r"\1 ", text, count=1), year)


def measures(tables: list[Table], pages: list[PageLayout], year: int | None = None) -> list[Measure]:
    """Measure rows of every measure table, in document order; `year` is the assessment year whose
    catalog the printed codes belong to."""
    rows: list[_Row] = []
    roles: dict[int, str] | None = None
    last_table: Table | None = None
    section: str | None = None
    for table in tables:
        body = list(table.rows)
        header = table.header
        if not header and body and _is_header(body[0].cells):
            header = body.pop(0).cells
        continued = False
        if header and _is_header(header):
            roles = column_roles(header)
            section = _section_above(pages, table, header) or (section if _same_run(last_table, table) else None)
        elif roles is not None and last_table is not None and table.n_cols == last_table.n_cols \
                and _same_run(last_table, table):
            continued = True
        else:
            roles = None
            last_table = None
            continue
        for position, row in enumerate(body):
            if row.kind == "header" or _is_header(row.cells):
                continue
            cells = {roles[i]: c for i, c in enumerate(row.cells) if i in roles and _has_words(c)}
            if not cells:
                continue
            # A row with one filled cell spanning the table is a section heading, unless it is the first
            # row after a page break (then it may be the rest of a cut measure).
            only_one = len(cells) == 1 and sum(bool(c.strip()) for c in row.cells) == 1 \
                and set(cells) <= {"measure", "indicator", "number"}
            if row.kind == "section" or (only_one and not (continued and position == 0)):
                section = tidy(strip_list_number(" ".join(c for c in row.cells if c.strip())))
                continue
            if rows and ((continued and position == 0 and _is_continuation(row, rows[-1], roles)) or
                         "measure" not in cells and "indicator" not in cells):
                for role, text in cells.items():
                    rows[-1].cells[role] = f"{rows[-1].cells.get(role, '')} {text}".strip()
                continue
            rows.append(_Row(dict(cells), row.page, section, _row_source(row, roles)))
        last_table = table
    digit_i = any(_LETTER_CODE.match(row.cells.get("measure", "")) for row in rows)
    return [_measure(n, row, year, digit_i) for n, row in enumerate(rows, 1) if _measure_text(row)]


def _row_source(row: TableRow, roles: dict[int, str]) -> Provenance | None:
    by_role = {role: row.source(index) for index, role in roles.items()}
    return by_role.get("measure") or by_role.get("indicator") or next((s for s in row.sources if s), None)


def _has_words(cell: str) -> bool:
    """Rule remnants (`---`, `|`) are not content."""
    return any(ch.isalnum() for ch in cell)


def _same_run(previous: Table | None, table: Table) -> bool:
    return previous is not None and bool(previous.pages and table.pages) \
        and table.pages[0] - previous.pages[-1] in (0, 1)


def _is_continuation(row: TableRow, previous: _Row, roles: dict[int, str]) -> bool:
    """The first row of a table continued on a new page belongs to the row before the break when its
    measure cell is empty, or it lacks the list number/code every row before it had, or it leaves empty a
    column the row before filled."""
    cells = {roles[i]: c.strip() for i, c in enumerate(row.cells) if i in roles}
    key_role = "indicator" if "indicator" in cells and previous.cells.get("indicator") else "measure"
    first = cells.get(key_role, "")
    if not first:
        return True
    before = previous.cells.get(key_role, "")
    numbered = bool(LIST_NUMBER.match(before) or _LETTER_CODE.match(before))
    if numbered and not (LIST_NUMBER.match(first) or _LETTER_CODE.match(first)):
        return True
    return any(previous.cells.get(role) and not cells.get(role) for role in ("responsible", "period", "method"))


def _section_above(pages: list[PageLayout], table: Table, header: list[str]) -> str | None:
    """A `1) กระบวนการ…` heading printed right above the table's header."""
    page = next((p for p in pages if table.pages and p.number == table.pages[0]), None)
    if page is None or not header or not header[0].strip():
        return None
    start = compact(header[0])[:6]
    for index, line in enumerate(page.lines):
        if compact(line.text).startswith(start) and index > 0:
            above = page.lines[index - 1].text
            if _SECTION_LINE.match(above):
                return tidy(strip_list_number(above))
            return None
    return None


def _measure_text(row: _Row) -> str | None:
    return tidy(row.cells.get("measure"))


def _measure(number: int, row: _Row, year: int | None, digit_i: bool) -> Measure:
    text = _measure_text(row) or ""
    codes, text = code_prefix(strip_list_number(text), year, digit_i)
    text = strip_list_number(text)
    period_text = tidy(row.cells.get("period"))
    period = parse_period(period_text)
    indicator = None
    if raw := row.cells.get("indicator"):
        indicator = catalog.match_indicator(strip_list_number(raw), min_score=75)
        if indicator is None and (lead := re.match(r"^\s*(\d{1,2})", raw)) and 1 <= int(lead.group(1)) <= 10:
            indicator = int(lead.group(1))
    return Measure(
        row=number, page=row.page, measure=tidy(text) or "", section=row.section, indicator=indicator,
        codes=codes, method=tidy(row.cells.get("method")), responsible=tidy(row.cells.get("responsible")),
        period_text=period_text, period_start=period.start, period_end=period.end,
        follow_up=tidy(row.cells.get("follow_up")), output=tidy(row.cells.get("output")),
        outcome=tidy(row.cells.get("outcome")), source=row.source,
    )
