"""Measure tables (and measures written as numbered paragraphs) → Measure rows.

Columns get their roles from the header and the cells (parsers/ita/columns.py), whatever their order or
wording. A table printed without a header (continued on the next page) keeps the roles of the measure table
before it. What the layout could not join across a page break is joined here: a row that starts with no
measure, or whose measure cell reads as the middle of a phrase, belongs to the row before. A cell merged
over several rows (a responsible office or a period for many measures) is carried by each row it covers;
a measure merged over several activity rows is one measure whose activities, in order, are its method.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from normalizers import catalog
from normalizers.codes import split_code_prefix
from normalizers.dates import Period, months, opens_with_period, parse_period, quarters
from normalizers.digits import to_arabic_digits
from normalizers.money import parse_baht
from parsers.ita.columns import OFFICE, SHORT_LABEL, column_roles, header_role, is_measure_table, month_of, table_roles
from parsers.ita.text import LIST_NUMBER, compact, skeleton, strip_list_number, tidy
from parsers.records import Measure, PageLayout, Provenance, Table, TableRow
from parsers.ocr_digits import UNREAD

__all__ = ["code_prefix", "column_roles", "measures"]

_LETTER_CODE = re.compile(r"^\s*[iIeEoO]\s*\d{1,2}(?!\d)")
# A code glued to the text after it when the layout joined wrapped lines (`i1การปฏิบัติ…`, `07แผน…`).
_GLUED_CODE = re.compile(r"^(\s*[iIl1eEoO0]\s*\d{1,2}\*?)(?=[ก-\u0e4e])")
_SECTION_LINE = re.compile(r"^\s*\(?\d{1,2} ?\)\s*\S")  # `1) กระบวนการ…`, `๑ ) …` in a font that sets `)` apart
# A signature line printed under a table without rules lands in its last row: `(ลงชื่อ) ผู้รายงาน` is no field.
_SIGNATURE = re.compile(r"\s*\(\s*ลงช[\u0e31-\u0e4e\s]*อ[\u0e31-\u0e4e\s]*\)")  # marks may be damaged


def _before_signature(cell: str) -> str:
    return _SIGNATURE.split(cell)[0]
# Roles whose merged cell covers several measures: each measure carries it.
_CARRIED = ("responsible", "period", "period_end", "budget", "follow_up", "indicator")
# Words no measure starts with: a cell that begins with one is the rest of a phrase cut by a page break.
_CONTINUING_WORDS = ("ไป", "และ", "หรือ", "ของ", "ที่", "ใน", "เพื่อ", "จาก", "กับ", "แก่", "ซึ่ง", "โดย", "ด้วย",
                     "แล้ว", "ไว้", "ขึ้น", "นั้น", "นี้", "อย่าง")
_ORPHAN_START = re.compile(r"^[\u0e30-\u0e3a\u0e45-\u0e4e\u0e33ๆ]")


@dataclass
class _Row:
    cells: dict[str, str]  # role -> text
    page: int
    section: str | None
    source: Provenance | None = None  # the measure cell (else the row's first filled cell)
    months: set[int] = field(default_factory=set)  # fiscal months ticked (1 = October)
    quarters: set[int] = field(default_factory=set)


def code_prefix(text: str, year: int | None, digit_i: bool) -> tuple[list[str], str]:
    """Question codes printed before a measure (`i13 ผู้บริหาร…` → ["i13"]). A leading 1 read as an i
    (`18 ผู้บังคับ…` → i8) is trusted only in documents that print letter codes elsewhere (`digit_i`):
    elsewhere `12 จัดทำ…` is a list number."""
    if not digit_i and re.match(r"^\s*1", text):
        return [], text
    return split_code_prefix(_GLUED_CODE.sub(r"\1 ", text, count=1), year)


MONTH_BAND = 3  # month or quarter names in a row from which it is the lower line of a two-level header


def _is_header(cells: list[str]) -> bool:
    """Header cells are short and nearly all open with a role's name (or form a band of months); body cells
    may contain the same words further in."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(len(compact(c)) > 60 for c in filled):
        return False
    months_named = [c for c in filled if month_of(c)]
    named = [c for c in filled if header_role(c, strict=True)]
    if len(months_named) >= MONTH_BAND:
        named += months_named
    roles = {i: header_role(c, strict=True) for i, c in enumerate(cells)}
    return len(named) >= max(2, len(filled) - 1) and ("measure" in roles.values() or len(named) == len(filled))


def _repeats_header(cells: list[str], header: list[str]) -> bool:
    """The header printed again in the body (a table of each section, a page's repeated head): two cells or more,
    each the header's own text in its column, whatever its wording."""
    filled = [(i, compact(c)) for i, c in enumerate(cells) if c.strip()]
    return len(filled) >= 2 and len(header) == len(cells) and \
        all(text == compact(header[i].replace("\n", " ")) for i, text in filled)


def _is_subheader(cells: list[str]) -> bool:
    """The second line of a two-level header: month or quarter names under a spanning period header."""
    filled = [c for c in cells if c.strip()]
    named = sum(1 for c in filled if month_of(c))
    return named >= MONTH_BAND and named >= len(filled) - 1


def _split_header(table: Table) -> tuple[list[str], list[TableRow]]:
    """The table's header (rows joined per column) and its body rows."""
    body = [row for row in table.rows if row.kind != "caption"]
    header = list(table.header)
    if header:
        while body and body[0].kind == "header":  # the layout joined these into table.header
            body.pop(0)
    elif body and _is_header(body[0].cells):
        header = body.pop(0).cells
    while body and header and body[0].kind != "section" and _is_subheader(body[0].cells):
        header = [f"{h}\n{c}" if c.strip() else h for h, c in zip(header, body.pop(0).cells)]
    return header, body


def measures(tables: list[Table], pages: list[PageLayout], year: int | None = None,
             fiscal_year: int | None = None) -> list[Measure]:
    """Measure rows of every measure table, in document order, else of the measures written as numbered
    paragraphs; `year` is the assessment year whose catalog the printed codes belong to, `fiscal_year` the
    document's (for periods that name no year)."""
    rows: list[_Row] = []
    roles: dict[int, str] | None = None
    last_table: Table | None = None
    summed_from = 0
    section: str | None = None
    section_styles = _section_styles(pages, tables)
    for table in tables:
        header, body = _split_header(table)
        continued = False
        found = table_roles(header, [r.cells for r in body if r.kind == "body" and not _repeats_header(r.cells, header)]) \
            if header else {}
        # a "header" naming no column right after a measure table of as many columns is the rest of a cut row
        # over the table's next part, not a new table's head: its cells are too few to tell the roles
        named = column_roles(header) if header else {}
        goes_on = not named and roles is not None and last_table is not None \
            and table.n_cols == last_table.n_cols and _same_run(last_table, table)
        if header and not goes_on and is_measure_table(found, named):
            roles = found
            section = _section_above(pages, table, header) or (section if _same_run(last_table, table) else None)
            if section is None and (series := _first_of_series(body)):
                # headings numbered `1.` `2.` (the document's own shape, which alone says no section): the one above
                # the table is a section when the table's section rows go on its series
                section = _section_above(pages, table, header, series)
        elif roles is not None and last_table is not None and table.n_cols == last_table.n_cols \
                and _same_run(last_table, table):
            continued = True
        elif not header and (found := table_roles([], [r.cells for r in body])) and is_measure_table(found, {}):
            roles = found  # a table printed without a header row: roles from its cells
        else:
            roles = None
            last_table = None
            continue
        previous_in_table: TableRow | None = None
        page_of_previous = table.pages[0] if table.pages else None
        if not continued:
            summed_from = table_from = len(rows)  # the rows a total row adds up: since the last total, or all
        measure_style = _measure_style(body, roles)
        under_head = True  # no body row yet since the table's (or a section's) head
        pending: tuple[int, dict[str, str], set[int]] | None = None  # a page foot's part of the next page's row
        for position, row in enumerate(body):
            first_on_page = row.page != page_of_previous
            page_of_previous = row.page
            if row.kind == "header" or _is_header(row.cells) or _repeats_header(row.cells, header):
                # the layout joined tables of one head under each other into one: a numbered heading printed
                # between the last row and this head opens the next section
                if position > 0 and (heading := _heading_between(pages, body[position - 1], row)):
                    section = heading
                under_head = True
                continue
            cells = {roles[i]: _before_signature(c) for i, c in enumerate(row.cells) if i in roles and _has_words(c)}
            cells = {k: v for k, v in cells.items() if _has_words(v)}
            ticks = {int(roles[i].split(":")[1]) for i, c in enumerate(row.cells)
                     if i in roles and roles[i].startswith(("month:", "quarter:")) and c.strip()}
            cells = {k: v for k, v in cells.items() if not k.startswith(("month:", "quarter:", "note", "target"))}
            if not cells and not ticks:
                continue
            if pending is not None and row.page != pending[0]:
                # the part printed at the last page's foot opens this row: its cells come first
                for role, text in pending[1].items():
                    cells[role] = f"{text} {cells.get(role, '')}".strip()
                ticks |= pending[2]
            pending = None
            after = next((r for r in body[position + 1:] if r.kind == "body" and not _is_header(r.cells)
                          and not _repeats_header(r.cells, header)), None)
            if after is not None and after.page != row.page and "measure" not in cells and "indicator" not in cells \
                    and row.kind == "body" and (under_head or all(
                        i >= len(after.cells) or not after.cells[i].strip() for i, role in roles.items()
                        if role in cells)):
                # a page's last row without its measure, right under a head or filling only columns the next
                # page's first row leaves empty: a printer that moves a cut row's cells to the next page whole
                # (WeasyPrint) left the others here; they belong to that row, not to the row above
                pending = (row.page, cells, ticks)
                continue
            under_head = False
            # A row with one filled cell spanning the table is a section heading, unless it is the first
            # row after a page break (then it may be the rest of a cut measure).
            only_one = len(cells) == 1 and sum(bool(c.strip()) for c in row.cells) == 1 \
                and set(cells) <= {"measure", "indicator", "number"} and not ticks
            # A heading numbered as the document's headings are (`2) การให้บริการ…`), not as the table's
            # measures (`2.1 …`), with nothing of a measure's own beside it, is a section spilling over a column.
            style = _list_style(cells.get("measure", ""))
            heading = style in section_styles and style != measure_style and not set(cells) & _MEASURE_OWN
            if row.kind == "section" or heading or (only_one and not (continued and position == 0)):
                section = tidy(strip_list_number(" ".join(c for c in row.cells if c.strip())))
                under_head = True
                continue
            # a section's subtotal adds up the rows since the last total; the closing total all the table's rows
            if _is_total(cells, rows[summed_from:]) or _is_total(cells, rows[table_from:]) \
                    or _is_total(cells, [r for r in rows[table_from:] if r.section == section]):
                summed_from = len(rows)
                previous_in_table = row
                continue
            # The layout already judged rows cut by a page break inside one table; a table continued as a
            # separate one is judged here. Either way a measure cell that starts mid-phrase is no measure.
            cut = continued and position == 0
            # In a table whose measures carry list numbers or codes, an unnumbered measure cell that starts
            # mid-phrase is the rest of the one above (a merged cell printed over several activity rows).
            unnumbered = bool(rows) and _numbered(rows[-1]) and not _numbered(_Row(cells, row.page, None))
            if rows and ((cut and _is_continuation(row, rows[-1], roles))
                         or (row.page != rows[-1].page and _moved_rest(cells, rows[-1], rows[table_from:-1]))
                         or _is_fragment(cells, cut or first_on_page or unnumbered)
                         or ("measure" not in cells and "indicator" not in cells)):
                for role, text in cells.items():
                    if role == "number":
                        continue
                    rows[-1].cells[role] = f"{rows[-1].cells.get(role, '')} {text}".strip()
                _add_ticks(rows[-1], roles, ticks)
                previous_in_table = row
                continue
            new = _Row(dict(cells), row.page, section, _row_source(row, roles))
            _add_ticks(new, roles, ticks)
            if previous_in_table is not None and rows:
                _carry_merged(new, row, rows[-1], roles, ruled=any(r.spanned for r in body))
            rows.append(new)
            previous_in_table = row
        last_table = table
    if not rows:
        rows = _paragraph_rows(pages)
    digit_i = any(_LETTER_CODE.match(row.cells.get("measure", "")) for row in rows)
    return [_measure(n, row, year, digit_i, fiscal_year) for n, row in enumerate(rows, 1) if _measure_text(row)]


_MEASURE_OWN = {"responsible", "period", "period_end", "output", "outcome", "follow_up", "budget"}


def _is_total(cells: dict[str, str], above: list[_Row]) -> bool:
    """A row that adds up the budgets of the rows above it (`รวม … | 261,001`, a section's subtotal or the closing
    total): a short label and an amount equal to their sum (a checksum, not a word), nothing of a measure's own. It
    is no measure and no row's rest."""
    # the label may stand in any column the merged cell reached (`รวม` centred over the measure and its method)
    if "budget" not in cells or set(cells) & (_MEASURE_OWN - {"budget"}) or not above:
        return False
    if len(compact("".join(v for k, v in cells.items() if k != "budget"))) > 30:
        return False
    amount = parse_baht(cells["budget"])
    amounts = [parse_baht(row.cells.get("budget")) for row in above]
    if amount is None or not amount or any(a is None for a in amounts):
        return False
    return abs(sum(amounts) - amount) < 0.005


def _list_style(text: str) -> str | None:
    """The shape of a cell's list number (`2)` → `N)`, `2.1` → `N.N`), or None."""
    found = LIST_NUMBER.match(text)
    return re.sub(r"\d+", "N", found.group(0).strip()) if found else None


def _section_styles(pages: list[PageLayout], tables: list[Table]) -> set[str]:
    """List-number shapes the document's section headings use (`1) กระบวนการ…` lines and section rows)."""
    texts = [line.text for page in pages for line in page.lines]
    texts += [" ".join(c for c in row.cells if c.strip()) for t in tables for row in t.rows if row.kind == "section"]
    return {style for text in texts if _SECTION_LINE.match(text) and (style := _list_style(text)) is not None}


def _measure_style(body: list[TableRow], roles: dict[int, str]) -> str | None:
    """The list-number shape most of a table's measure cells open with (a tie goes to the first printed, never to set
    order), or None when not even half of them do."""
    column = next((i for i, role in roles.items() if role == "measure"), None)
    cells = [row.cells[column] for row in body if column is not None and column < len(row.cells)
             and row.kind == "body" and row.cells[column].strip()]
    styles = [s for s in map(_list_style, cells) if s is not None]
    if not styles:
        return None
    best = max(dict.fromkeys(styles), key=styles.count)
    # a shape on a few cells of a table of coded or unnumbered measures is a heading's there, not the measures'
    return best if styles.count(best) * 2 >= len(cells) else None


def _add_ticks(row: _Row, roles: dict[int, str], ticks: set[int]) -> None:
    kinds = {role.split(":")[0] for role in roles.values() if ":" in role}
    (row.quarters if "quarter" in kinds and "month" not in kinds else row.months).update(ticks)


def _numbered(row: _Row) -> bool:
    measure = row.cells.get("measure", "")
    return bool(row.cells.get("number") or LIST_NUMBER.match(measure) or _LETTER_CODE.match(measure))


def _carry_merged(new: _Row, row: TableRow, above: _Row, roles: dict[int, str], ruled: bool = True) -> None:
    """A cell merged down over this row (ruled tables say so) gives this row the value printed above. A table
    without rules cannot say so: there a responsible office or period left empty under a filled one is the
    merged cell printed once (every measure of a plan has both)."""
    for index, role in roles.items():
        covered = row.spanned[index] if index < len(row.spanned) else not ruled
        if role in ("responsible", "period", "period_end") and not ruled:
            covered = not row.cells[index].strip() if index < len(row.cells) else False
        if index < len(row.cells) and row.cells[index].strip():
            covered = False  # a printed `-` says there is none here: no merged cell's blank
        if role in _CARRIED and role not in new.cells and covered and above.cells.get(role):
            new.cells[role] = above.cells[role]
    if not new.months and not new.quarters and any(
            index < len(row.spanned) and row.spanned[index] for index, role in roles.items() if ":" in role):
        new.months, new.quarters = set(above.months), set(above.quarters)


def _moved_rest(cells: dict[str, str], above: _Row, others: list[_Row]) -> bool:
    """A page's first row that fills columns the last page's last row left empty, columns every row before that one
    filled, and leaves empty that row's own fields (its office, its period): a printer that moves the cells of a cut
    row that do not fit to the next page whole (WeasyPrint: `10. การป้องกันการทุจริต` atop the page, its measure
    begun at the foot of the last) printed the rest of that row here, not a measure of its own."""
    moved = {role for role in cells if role not in _MEASURE_OWN and not above.cells.get(role)}
    if not moved or not others or not all(r.cells.get(role) for r in others for role in moved):
        return False
    own = {role for role in _MEASURE_OWN if above.cells.get(role)}
    measure = cells.get("measure", "")
    return bool(own) and not any(cells.get(role) for role in own) \
        and not LIST_NUMBER.match(measure) and not _LETTER_CODE.match(measure)


def _is_fragment(cells: dict[str, str], after_break: bool) -> bool:
    """A measure cell that starts mid-phrase (a mark with no letter, or a word no measure starts with) right
    after a page break is the rest of the row before, never a measure of its own."""
    text = (cells.get("measure") or "").strip()
    if not after_break or not text:
        return False
    if _ORPHAN_START.match(text):
        return True
    return any(text.startswith(word) for word in _CONTINUING_WORDS) and not text.startswith(("ของขวัญ", "ที่ปรึกษา"))


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
    if cells.get("number"):
        return False  # a list number of its own: a new row
    before = previous.cells.get(key_role, "")
    numbered = bool(LIST_NUMBER.match(before) or _LETTER_CODE.match(before)) or bool(previous.cells.get("number"))
    if numbered and not (LIST_NUMBER.match(first) or _LETTER_CODE.match(first)):
        return True
    return any(previous.cells.get(role) and not cells.get(role) for role in ("responsible", "period", "method"))


_PAGE_FURNITURE = re.compile(r"^(?:[-–(]?\d{1,3}[-–)]?|หน้า\d{1,3}(?:/\d{1,3})?)$")  # `- 2 -`, `หน้า 2`, `(2)`


def _running_lines(pages: list[PageLayout]) -> set[str]:
    """Lines printed at the top or foot of two or more pages (the unit's name, the document's title, a footer),
    digits aside: page furniture, never a heading above a table."""
    seen: dict[str, set[int]] = {}
    for page in pages:
        for line in page.lines[:2] + page.lines[-2:]:
            key = re.sub(r"[0-9๐-๙]", "", compact(line.text))
            if key:
                seen.setdefault(key, set()).add(page.number)
    return {key for key, on in seen.items() if len(on) >= 2}


def _furniture_line(line, running: set[str]) -> bool:
    text = compact(line.text)
    return bool(_PAGE_FURNITURE.match(text)) or re.sub(r"[0-9๐-๙]", "", text) in running


def _numbered_heading(above: list, opens=_SECTION_LINE.match) -> str | None:
    """The `1) กระบวนการ…` heading the lines `above` end with (top to bottom), or None. The heading may wrap: up to
    three lines, each close under the one before, the first numbered (as `opens` says)."""
    for count in range(1, min(3, len(above)) + 1):
        lines = above[-count:]
        if count > 1 and lines[1].top - lines[0].bottom > lines[0].bottom - lines[0].top:
            break
        if opens(lines[0].text):
            return tidy(strip_list_number(" ".join(line.text for line in lines)))
    return None


def _heading_between(pages: list[PageLayout], before: TableRow, row: TableRow) -> str | None:
    """A numbered heading printed between a table's row and the head row under it on the same page (the lines whose
    middle lies below the row's cells and above the head's: a rule may cut a line's descenders), or None; a head atop
    a new page has no such lines."""
    page = next((p for p in pages if p.number == row.page), None)
    bottoms = [src.bbox[3] for src in before.sources if src is not None and src.page == row.page]
    tops = [src.bbox[1] for src in row.sources if src is not None and src.page == row.page]
    if page is None or not bottoms or not tops:
        return None
    running = _running_lines(pages) if len(pages) > 1 else set()
    between = sorted((line for line in page.lines if max(bottoms) < (line.top + line.bottom) / 2 < min(tops)
                      and not _furniture_line(line, running)), key=lambda line: line.bottom)
    return _numbered_heading(between)


_HEADING_NUMBER = re.compile(r"\s*\(?(\d{1,2})")


def _first_of_series(body: list[TableRow]):
    """What opens the heading before a table's first section row (`2. การให้บริการ…` → `1.` of the same shape): the
    sections are numbered in one series, so the one above the table is the number before; None without a numbered
    section row."""
    first = next((row for row in body if row.kind == "section"), None)
    text = to_arabic_digits(" ".join(c for c in first.cells if c.strip())) if first is not None else ""
    style, number = _list_style(text), _HEADING_NUMBER.match(text)
    if style is None or number is None or int(number.group(1)) < 2:
        return None

    def opens(line: str) -> bool:
        found = _HEADING_NUMBER.match(to_arabic_digits(line))
        return _list_style(line) == style and found is not None and int(found.group(1)) == int(number.group(1)) - 1
    return opens


def _section_above(pages: list[PageLayout], table: Table, header: list[str], opens=_SECTION_LINE.match) -> str | None:
    """A `1) กระบวนการ…` heading printed right above the table's header (page furniture aside); `opens` says what
    opens a heading."""
    page = next((p for p in pages if table.pages and p.number == table.pages[0]), None)
    if page is None or not header or not header[0].strip():
        return None
    running = _running_lines(pages) if len(pages) > 1 else set()
    tops = [src.bbox[1] for row in table.rows[:1] for src in row.sources if src is not None and src.page == page.number]
    if tops:  # the line right above the table's first row
        above = sorted((line for line in page.lines if line.bottom <= min(tops) + 1), key=lambda line: line.bottom)
        above = [line for line in above if not _furniture_line(line, running)]
        if not above and (before := next((p for p in pages if p.number == page.number - 1), None)):
            # the table opens its page: its heading may end the page before (a browser breaks after a heading)
            above = [line for line in sorted(before.lines, key=lambda line: line.bottom)
                     if not _furniture_line(line, running)][-3:]
        return _numbered_heading(above, opens)
    start = compact(header[0])[:6]
    for index, line in enumerate(page.lines):
        if compact(line.text).startswith(start) and index > 0:
            above = page.lines[index - 1].text
            if opens(above):
                return tidy(strip_list_number(above))
            return None
    return None


# ---------------------------------------------------------------- measures written as paragraphs
_MEASURE_START = re.compile(
    r"^\s*(?:(?:มาตรการ|โครงการ|กิจกรรม|ข้อ)\s*(?:ที่)?\s*\d{1,2}\s*[:.)]?\s*|\d{1,2}\s*[.)]\s*|\(\d{1,2}\)\s*)"
    r"(?P<text>\S.*)$")  # the enumerating word with or without ที่ (`มาตรการ ๑ …`, `ข้อ ๒ …`)
_LABEL = re.compile(r"^\s*[-•*]?\s*(?P<label>[^:：]{2,40}?)\s*[:：]\s*(?P<text>.*)$")
# A signature block ends the list: `(ลงชื่อ) …`, `ลงชื่อ …`, `ประกาศ ณ วันที่ …`, `จึงประกาศมาเพื่อทราบ`.
# Matched on skeleton text (parsers/ita/text.py): a printer's damage to the marks (`(ลงช่อื )`) does not hide it.
_LIST_END = re.compile("^\\(?(?:" + "|".join(skeleton(w) for w in (
    "ลงชื่อ", "ลงนาม", "ประกาศณ", "จึงประกาศ", "ผู้รายงาน", "ผู้จัดทำ", "ผู้ตรวจ", "ผู้อนุมัติ")) + ")")


def _paragraph_rows(pages: list[PageLayout]) -> list[_Row]:
    """`มาตรการที่ 1 …` (or `1. …`, `(1) …`) followed by labelled lines (`วิธีการดำเนินการ: …`,
    `ผู้รับผิดชอบ: …`, `ระยะเวลา: …`): a measure per numbered paragraph that has at least one labelled line
    naming a plan's column; unlabelled lines continue the field above them."""
    rows: list[_Row] = []
    current: _Row | None = None
    field_name: str | None = None
    section: str | None = None
    for page in pages:
        for line in page.lines:
            text = line.text.strip()
            if _LIST_END.match(skeleton(text)):
                field_name = None  # nothing after a signature line continues a measure
                continue
            label = _LABEL.match(text)
            role = header_role(label.group("label")) if label else None
            if label and role is None and current is not None and "period" not in current.cells \
                    and len(label.group("label")) <= 24 and _is_period(label.group("text")):
                role = "period"  # a label in words no list holds, over a value that is a period: the period
            if role and role not in ("measure", "number", "note", "indicator") and current is not None:
                field_name = role
                current.cells[role] = f"{current.cells.get(role, '')} {label.group('text')}".strip()
                continue
            start = _MEASURE_START.match(text)
            if start and not (current is not None and field_name == "method" and re.match(r"^\s*\d", text)
                              and not re.match(r"^\s*(?:มาตรการ|โครงการ|กิจกรรม)", text)):
                if current is not None and len(current.cells) > 1:
                    rows.append(current)
                elif current is not None:  # a numbered line with no labelled line under it: a heading
                    section = tidy(current.cells["measure"])
                current = _Row({"measure": start.group("text")}, page.number, section, line.provenance)
                field_name = "measure"
                continue
            if current is not None and field_name:
                current.cells[field_name] = f"{current.cells[field_name]} {text}".strip()
    if current is not None and len(current.cells) > 1:
        rows.append(current)
    return rows


def _is_period(text: str) -> bool:
    """The whole value reads as a period (a date, a month range, a fiscal year), not a sentence naming one."""
    return len(text) <= 60 and parse_period(text).start is not None


def _measure_text(row: _Row) -> str | None:
    return tidy(row.cells.get("measure"))


def _period(row: _Row, period_text: str | None, fiscal_year: int | None) -> Period:
    if period_text and UNREAD in period_text:
        # a date a scan left partly unread is no date: the document's fiscal year must not stand in for a
        # refused year (`ตุลาคม #` is not October of the document's year: plans name the year after)
        return Period(None, None, f"period partly unread on the scan: {period_text!r}")
    period = parse_period(period_text, fiscal_year)
    if period.start is None and fiscal_year:
        if row.months:
            return months(min(row.months), max(row.months), fiscal_year)
        if row.quarters:
            return quarters(min(row.quarters), max(row.quarters), fiscal_year)
    return period


# Columns that may print the question codes a measure answers when its own cell does not: a column of the
# issues to improve (`ประเด็นที่ต้องพัฒนา | o12 การเปิดเผยข้อมูลการจัดซื้อจัดจ้าง`) or a `ข้อ` column (`o12`).
_CODE_COLUMNS = ("analysis", "number")


def _codes_beside(row: _Row, year: int | None, digit_i: bool) -> list[str]:
    for role in _CODE_COLUMNS:
        cell = row.cells.get(role)
        if cell and (role != "number" or _LETTER_CODE.match(cell)):  # a list number (`12`, `05`) is no code
            codes, _ = code_prefix(strip_list_number(tidy(cell) or ""), year, digit_i)
            if codes:
                return codes
    return []


def _indicator(row: _Row) -> int | None:
    """The ITA indicator a measure answers: its indicator column, else an issue cell or the heading of the group
    it stands under that names an indicator (`ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล` spanning the table, or the name
    alone)."""
    if raw := row.cells.get("indicator"):
        indicator = catalog.match_indicator(strip_list_number(raw), min_score=75)
        if indicator is None and (lead := re.match(r"^\s*(\d{1,2})", raw)) and 1 <= int(lead.group(1)) <= 10:
            indicator = int(lead.group(1))
        return indicator
    for named in (row.cells.get("analysis"), row.section):
        if named and (indicator := catalog.match_indicator(strip_list_number(tidy(named) or ""))):
            return indicator
    return None


# Who answers for a measure, as a cell names them: an office (columns.OFFICE) or a position (นักวิเคราะห์…, นิติกร).
_WHO = re.compile(rf"{OFFICE.pattern}|^(?:นัก|ผู้|นิติกร)")
_LEADING_VOWELS = "เแโใไ"


def _who_and_when(text: str | None) -> tuple[str, str] | None:
    """A cell holding the responsible office and then the period (`กองคลัง / ต.ค. 67 - ก.ย. 68`, or a line each, as
    one column `ผู้รับผิดชอบ/ระยะเวลา` prints them): the office, and the period read whole from where it opens."""
    text = (text or "").strip()
    if not _WHO.match(text):
        return None
    for i in range(2, len(text)):
        # the period opens on a digit or a consonant (not a vowel or mark of the office's last letter)
        if (text[i].isdigit() or "ก" <= text[i] <= "ฮ" or text[i] in _LEADING_VOWELS) and text[i - 1] not in _LEADING_VOWELS \
                and opens_with_period(text[i:]):
            head = text[:i].strip(" /|,\n")
            if head and not re.search(r"\d", head) and len(compact(head)) <= SHORT_LABEL:
                return head, text[i:].strip()
            return None
    return None


def _measure(number: int, row: _Row, year: int | None, digit_i: bool, fiscal_year: int | None) -> Measure:
    text = _measure_text(row) or ""
    codes, text = code_prefix(strip_list_number(text), year, digit_i)
    codes = codes or _codes_beside(row, year, digit_i)
    text = strip_list_number(text)
    responsible = row.cells.get("responsible")
    period_text = tidy(" - ".join(t for t in (row.cells.get("period"), row.cells.get("period_end")) if t and t.strip()))
    # one column of who and when: the one the table has holds both
    if not period_text and (split := _who_and_when(responsible)):
        responsible, period_text = split[0], tidy(split[1])
    elif not (responsible or "").strip() and not row.cells.get("period_end") and (split := _who_and_when(period_text)):
        responsible, period_text = split[0], tidy(split[1])
    period = _period(row, period_text, fiscal_year)
    indicator = _indicator(row)
    return Measure(
        row=number, page=row.page, measure=tidy(text) or "", section=row.section, indicator=indicator,
        codes=codes, method=tidy(row.cells.get("method")), responsible=tidy(responsible),
        period_text=period_text, period_start=period.start, period_end=period.end,
        budget=parse_baht(row.cells.get("budget")),
        follow_up=tidy(row.cells.get("follow_up")), output=tidy(row.cells.get("output")),
        outcome=tidy(row.cells.get("outcome")), source=row.source,
    )
