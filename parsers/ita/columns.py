"""Column roles of a measures table: what each column holds, from its header and from its cells.

Headers are worded many ways (`มาตรการ/แนวทางการดำเนินการ`, `ขั้นตอน/วิธีการดำเนินการ`, `ห้วงเวลาดำเนินการ`,
`ผู้รับผิดชอบ/ผู้ประสานงาน`, …) and in any order. A header cell takes the role whose keyword it names first
(`มาตรการ/แนวทางการดำเนินการ` is the measure, `ผลการดำเนินการ` the output, though both contain `การดำเนินการ`).
A column the header does not name, or a table printed without a header, is known by what its cells hold:
list numbers, office names, dates and periods, amounts of baht, ticks under month columns, long text.
"""
from __future__ import annotations

import re
from statistics import median

from normalizers import catalog
from normalizers.dates import MONTHS, names_period
from normalizers.money import parse_baht
from parsers.ita.text import compact, skeleton

# (role, header keywords); a header cell takes the role of the keyword that starts earliest in it.
ROLE_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("number", ("ลำดับ", "ลำดับที่", "No.")),
    ("analysis", ("วิเคราะห์", "ประเด็นที่ต้องพัฒนา", "ข้อบกพร่อง", "จุดอ่อน", "สภาพปัญหา")),
    ("period", ("ระยะเวลา", "ช่วงเวลา", "ห้วงเวลา", "กรอบเวลา", "ปีงบประมาณที่ดำเนินการ", "กำหนดเวลา", "เวลาดำเนินการ")),
    ("responsible", ("ผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "หน่วยงานรับผิดชอบ", "ผู้ดำเนินการ", "ผู้ประสานงาน",
                     "ผู้ปฏิบัติ", "หน่วยดำเนินการ", "ส่วนราชการที่รับผิดชอบ", "ผู้กำกับ")),
    ("budget", ("งบประมาณ", "ค่าใช้จ่าย")),
    ("follow_up", ("ติดตาม",)),
    ("outcome", ("ผลลัพธ์", "ผลสัมฤทธิ์", "outcome", "ประโยชน์ที่คาดว่าจะได้รับ")),
    ("output", ("ผลการดำเนินการ", "ผลการดำเนินงาน", "output", "ผลผลิต", "ผลการปฏิบัติ")),
    # `วิธี` (how): วิธีการ, วิธีดำเนินการ, วิธีปฏิบัติ, วิธีดำเนินงาน all head the method
    ("method", ("วิธีการ", "วิธี", "ขั้นตอน", "ขันตอน", "การดำเนินการ", "รายละเอียด", "แนวทางปฏิบัติ", "กระบวนการ")),
    ("measure", ("มาตรการ", "โครงการ", "กิจกรรม", "แนวทาง", "แผนงาน")),
    ("indicator", ("ตัวชี้วัด",)),
    ("note", ("หมายเหตุ",)),
]
_ROLE_KEYS = [(role, skeleton(word).lower()) for role, words in ROLE_WORDS for word in words]
_LONE_NUMBER_HEADERS = {"ท", "ขอ", "No", "no"}  # `ที่`, `ข้อ`, No: the list number column

# Month and quarter columns under a spanning `ระยะเวลาดำเนินการ` header, in fiscal order (October first).
_FISCAL_MONTH_ABBR = ["ตค", "พย", "ธค", "มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย"]
_FISCAL_MONTH_FULL = ["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม",
                      "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน"]
_QUARTER = re.compile(r"ไตรมาส(?:ที่)?([1-4])$|^Q([1-4])$")
_PERIOD_TITLE = re.compile(r"(?:ระยะเวลา|ห้วงเวลา|ช่วงเวลา|ดำเนินการ|ปี|พ\.?ศ\.?\d*)$")
OFFICE = re.compile(r"^(?:กอง|สำนัก|งาน|ฝ่าย|ส่วน|ทุกกอง|ทุกส่วน|ทุกฝ่าย|ทุกสำนัก|คณะ|ผู้บริหาร|นายก|ปลัด|รองปลัด|หัวหน้า|"
                     r"ผู้อำนวยการ|เจ้าหน้าที่|บุคลากร|ศูนย์|หน่วย|โรงเรียน|กลุ่มงาน)")
_LIST_NUMBER = re.compile(r"^\(?\d{1,3}[.)]?$")
_DASH = re.compile(r"^[-–—]+$")
_TICK = re.compile(r"^[✓✔☑√/xX×✗•●■▇█*+]+$")
LONG_TEXT = 25  # characters (compact) from which a cell is running text, not a label
MIN_TEXT_MEDIAN = 12  # a column of measures or methods holds phrases, not scores or level words


_LEAD = re.compile(r"^[\W\d_]+")
HEADER_LEAD = 4  # a header names its role at once; body text that merely contains the word names it later


def header_role(cell: str, strict: bool = False) -> str | None:
    """The role a header cell names, or None. `strict`: only a keyword that opens the cell counts (to tell a
    header row from a body row that happens to contain such a word)."""
    key = _LEAD.sub("", skeleton(cell).lower())
    if not key:
        return None
    if key in _LONE_NUMBER_HEADERS:
        return "number"
    best: tuple[int, int, str] | None = None
    for role, word in _ROLE_KEYS:
        position = key.find(word.lower())
        if position >= 0 and (best is None or (position, -len(word)) < (best[0], -best[1])):
            best = (position, len(word), role)
    if best is None or (strict and best[0] > HEADER_LEAD):
        return None
    if best[2] == "method" and (later := _specific_role(key[best[0] + best[1]:])):
        return later  # `วิธีการตรวจติดตาม`: the way of following up is the follow-up, the head word says only "how"
    if best[2] in ("method", "measure") and _RESULT_HEAD.match(key):
        # `ผลที่ได้จากการดำเนินการ`, `ผลการนำมาตรการไปใช้`: a header whose head noun is the result (ผล) names what came
        # of the work, whatever work it goes on to name
        return "output"
    return best[2]


_RESULT_HEAD = re.compile(r"^ผล")  # on skeleton text (no marks)


_SPECIFIC = ("follow_up", "output", "outcome", "budget", "responsible", "period")


def _specific_role(rest: str) -> str | None:
    """A role other than the method that the rest of a header opening with a method word names (`ติดตาม`)."""
    found = [(rest.find(word), role) for role, word in _ROLE_KEYS if role in _SPECIFIC and word and word in rest]
    return min(found)[1] if found else None


def month_of(cell: str) -> str | None:
    """`month:N` (N = 1 for October … 12 for September) or `quarter:N` for a month or quarter column header."""
    # A narrow column wraps its name (`ต.ค` / `.`), and a two-level header joins the spanning title above it
    # (`ระยะเวลาดำเนินการ` / `ต.ค.`): the column is the month its header ends with.
    tail = re.sub(r"\d{2,4}$", "", compact(cell).replace(".", ""))  # `ต.ค. 66`: a month column of that year
    names = [(full, index) for index, full in enumerate(_FISCAL_MONTH_FULL, 1)] + \
            [(abbr, index) for index, abbr in enumerate(_FISCAL_MONTH_ABBR, 1)]
    for name, index in sorted(names, key=lambda item: -len(item[0])):
        if tail == name or (tail.endswith(name) and _PERIOD_TITLE.search(tail[:-len(name)])):
            return f"month:{index}"
    lines = [compact(line) for line in cell.splitlines() if line.strip()] or [compact(cell)]
    last = lines[-1]
    quarter = _QUARTER.search(last)
    if quarter:
        return f"quarter:{quarter.group(1) or quarter.group(2)}"
    return None


def column_roles(header: list[str]) -> dict[int, str]:
    """Roles named by the header, each role once (the first column naming it)."""
    roles: dict[int, str] = {}
    for index, cell in enumerate(header):
        role = month_of(cell) or header_role(cell)
        if role and (role not in roles.values() or role == "note"):
            roles[index] = role
    return roles


def _indicator_column(cells: list[str]) -> bool:
    """A `ตัวชี้วัด` column of ITA indicators (`๑. การปฏิบัติหน้าที่`), not the measure's own target."""
    named = [c for c in cells if c.strip()]
    return bool(named) and sum(catalog.match_indicator(c, min_score=75) is not None for c in named) * 2 >= len(named)


def _kind(cell: str) -> str | None:
    """What one body cell holds, judged by its content alone."""
    text = compact(cell)
    if not text or _DASH.match(text):  # `-`: the cell states nothing, in any column
        return None
    if _TICK.match(text):
        return "tick"
    if _LIST_NUMBER.match(text):
        return "number"
    if len(text) <= 40 and (names_period(cell) or any(m in text for m in MONTHS)):
        return "period"
    if re.search(r"\d", text) and (parse_baht(cell) is not None and ("บาท" in text or "," in text)) \
            or re.search(r"ไม่(?:ได้)?(?:ใช้|มี)งบ", text):
        return "budget"
    if len(text) <= 60 and OFFICE.match(text):
        return "responsible"
    return "long" if len(text) >= LONG_TEXT else "short"


_MEASURE_OPENING = re.compile(r"^\W*(?:\(?\d{1,2}[.)]\s*)?(?:มาตรการ|โครงการ|กิจกรรม)")
# A question code printed before the text (`O 18 …`, `i13 …`) marks a measure keyed to the year's catalog.
_CODE_OPENING = re.compile(r"^\W*[iIeEoO]\s?\d{1,2}\*?(?!\d)(?!\s*[.)])")
# Numbered steps inside one cell (`1. … 2. …`) are a method's.
_INLINE_STEP = re.compile(r"\S\s+[2-9๒-๙][.)]\s")
MEASURE_OPENINGS = 0.4  # share of a column's cells opening like measures from which it is the measure column


_STEP_OPENING = re.compile(r"^\W*[1๑][.)]\s")


def _steps(cells: list[str]) -> float:
    """Share of a column's cells written as numbered steps."""
    filled = [c for c in cells if c.strip()]
    return sum(1 for c in filled if _STEP_OPENING.match(c) or _INLINE_STEP.search(c)) / len(filled) if filled else 0.0


def _measure_openings(cells: list[str]) -> float:
    """How much a column's cells open like measures (a measure word or a question code), less how much they
    read as numbered steps of a method."""
    filled = [c for c in cells if c.strip()]
    if not filled:
        return 0.0
    opening = sum(1 for c in filled if _MEASURE_OPENING.match(c) or _CODE_OPENING.match(c)) / len(filled)
    return opening - sum(1 for c in filled if _INLINE_STEP.search(c)) / len(filled)


# What a plan says after a measure and its method, known by the cells: reporting on it (follow-up: `รายงานผล…`,
# `ติดตาม…`, `สรุปผล…`), what was produced (output: a count of things or a completion, `2 ครั้ง`, `1 ฉบับ`,
# `แล้วเสร็จ`, `ร้อยละ 100`), or what changed (outcome: a state, under a header naming a result or a benefit).
_REPORTING = re.compile(r"^\W*(?:รายงาน|ติดตาม|สรุปผล|ประเมินผล|ตรวจติดตาม|กำกับติดตาม|ทบทวนผล|นำเสนอผล)")
_QUANTITY = re.compile(r"\d+\s*(?:ฉบับ|ครั้ง|คน|ราย|เรื่อง|แห่ง|หลักสูตร|ช่องทาง|รายการ|กิจกรรม|โครงการ|ชุด|เล่ม)|ร้อยละ|แล้วเสร็จ|ครบ")
_RESULT_HEADER = re.compile(r"^\W*(?:ผล|ประโยชน)")  # on skeleton text (no marks)
RESULT_SHARE = 0.6  # share of a column's cells that must read as reporting or as a count to take that role


def _result_role(cells: list[str], header: str, taken: set[str], after_output: bool = False) -> str | None:
    """The role of a further text column (after the measure and the method) by what its cells say; the text
    column right after the output is the outcome (reports print them side by side)."""
    filled = [compact(c) for c in cells if c.strip()]
    if not filled:
        return None
    def share(pattern):
        return sum(1 for c in filled if pattern.search(c)) / len(filled)
    if "follow_up" not in taken and share(_REPORTING) >= RESULT_SHARE:
        return "follow_up"
    result = bool(_RESULT_HEADER.match(skeleton(header))) if header else False
    if "output" not in taken and share(_QUANTITY) >= RESULT_SHARE:
        return "output"
    if (result or after_output) and "outcome" not in taken:
        return "outcome"
    if result and "output" not in taken:
        return "output"
    return None


def content_roles(rows: list[list[str]], known: dict[int, str], headers: dict[int, str] | None = None) -> dict[int, str]:
    """Roles for the columns the header left unnamed, from what most of their cells hold; the first columns
    of running text the header left unnamed are the measure and then its method, further ones follow-up,
    output or outcome by what they say."""
    headers = headers or {}
    if not rows:
        return dict(known)
    n_cols = max(len(r) for r in rows)
    roles = dict(known)
    taken = set(known.values())
    text_columns = []
    for column in range(n_cols):
        if column in roles:
            continue
        cells = [r[column] for r in rows if column < len(r)]
        kinds = [k for k in map(_kind, cells) if k]
        if not kinds:
            continue
        share = {kind: kinds.count(kind) / len(kinds) for kind in set(kinds)}
        kind, most = max(share.items(), key=lambda kv: kv[1])
        if kind == "period" and most >= 0.6 and roles.get(column - 1) == "period" and "period_end" not in taken:
            # a second column of dates right after the period's: the period split into where it starts and where
            # it ends under one spanning header (`ระยะเวลา` over two columns); the period runs from one to the other
            roles[column] = "period_end"
            taken.add("period_end")
        elif kind == "period" and most >= 0.6 and roles.get(column + 1) == "period" and "period_end" not in taken:
            # the same split where the spanning header's text fell on the second column (a table without rules:
            # its words go to the column that holds their middle): this column of dates is where the period starts
            roles[column], roles[column + 1] = "period", "period_end"
            taken.add("period_end")
        elif kind in ("number", "period", "responsible", "budget") and most >= 0.6 and kind not in taken:
            roles[column] = kind
            taken.add(kind)
        elif "responsible" not in taken and _answerable(cells, share.get("responsible", 0)):
            roles[column] = "responsible"
            taken.add("responsible")
        # once a column holds the responsible offices, sentences opening with an office word (`หน่วยงานมี…`,
        # `บุคลากรมี…`) in another column are running text
        elif share.get("long", 0) + share.get("short", 0) + share.get("responsible", 0) * ("responsible" in taken) >= 0.6 and \
                median(len(compact(c)) for c in cells if c.strip()) >= MIN_TEXT_MEDIAN and not _labels(cells):
            text_columns.append(column)
    # The measure column is the one whose cells open like measures (`มาตรการ…`, `โครงการ…`, `กิจกรรม…`), where
    # one does clearly; else the first column of running text.
    if "measure" not in taken and text_columns:
        opening = {column: _measure_openings([r[column] for r in rows if column < len(r)]) for column in text_columns}
        best = max(text_columns, key=lambda column: opening[column])
        # ... or, where none does, one that does not read as numbered steps while the first column does
        if (opening[best] >= MEASURE_OPENINGS or opening[text_columns[0]] < 0) and opening[best] > opening[text_columns[0]]:
            text_columns.remove(best)
            text_columns.insert(0, best)
    # A column of ITA indicators' names (`1. การปฏิบัติหน้าที่`) is the indicator, wherever it stands.
    for column in list(text_columns):
        if "indicator" not in taken and _indicator_column([r[column] for r in rows if column < len(r)]):
            roles[column] = "indicator"
            taken.add("indicator")
            text_columns.remove(column)
    # The method is the text column written as steps (`1. … 2. …`), where one is; else the next in order.
    if "method" not in taken and len(text_columns) > 2 - ("measure" in taken):
        rest = text_columns[0 if "measure" in taken else 1:]
        steps = {column: _steps([r[column] for r in rows if column < len(r)]) for column in rest}
        best = max(rest, key=lambda column: steps[column])
        if steps[best] > steps[rest[0]]:
            text_columns.remove(best)
            text_columns.insert(text_columns.index(rest[0]), best)
    for column in text_columns:
        role = next((r for r in ("measure", "method") if r not in taken), None)
        if role is None:
            # right after the output is the outcome, unless a later column's header names a result itself (a status
            # column between them: `ผลงาน | สถานะ | ผลที่เกิด…`)
            later_result = any(_RESULT_HEADER.match(skeleton(headers.get(other, ""))) for other in text_columns
                               if other > column and other not in roles)
            # the output's neighbour counts across columns of no running text (ticks, a progress figure, a status)
            before = max((c for c in text_columns + [c for c, r in roles.items() if r in _RUNNING_ROLES] if c < column),
                         default=None)
            role = _result_role([r[column] for r in rows if column < len(r)], headers.get(column, ""), taken,
                                before is not None and roles.get(before) == "output" and not later_result)
            if role:
                roles[column] = role
                taken.add(role)
            continue
        if role == "measure" and _indicator_column([r[column] for r in rows if column < len(r)]):
            roles[column] = "indicator"
            taken.add("indicator")
            continue
        roles[column] = role
        taken.add(role)
    return roles


_RUNNING_ROLES = ("measure", "method", "follow_up", "output", "outcome")  # columns of running text
SHORT_LABEL = 40  # characters (compact): an office or a position, not a sentence


def _labels(cells: list[str]) -> bool:
    """A column of a few short labels said again and again (a status: `ดำเนินการแล้ว`, `อยู่ระหว่างดำเนินการ`): a
    category, not the running text of a measure, its method or its results (measures and results are each their
    own)."""
    filled = [compact(c) for c in cells if c.strip()]
    return len(filled) >= 4 and len(set(filled)) * 2 <= len(filled) and max(map(len, filled)) <= LONG_TEXT


def _answerable(cells: list[str], offices: float) -> bool:
    """A column of who answers for the work: short labels without digits, a third of them or more opening like
    an office or a position (`ผู้อำนวยการกองช่าง`, `หัวหน้า…`) and the others titles of the same kind
    (`นิติกร`, `นักวิเคราะห์นโยบายและแผน`): the cells of no other role look like that."""
    filled = [compact(c) for c in cells if c.strip()]
    return bool(filled) and offices * 3 >= 1 and all(len(c) <= SHORT_LABEL and not re.search(r"\d", c) for c in filled)


def _numbers_column(cells: list[str]) -> bool:
    """A list-number column holds numbers (or nothing), not running text."""
    kinds = [k for k in map(_kind, cells) if k]
    return not kinds or kinds.count("number") * 2 >= len(kinds) or \
        median(len(compact(c)) for c in cells if c.strip()) < MIN_TEXT_MEDIAN


def table_roles(header: list[str], rows: list[list[str]]) -> dict[int, str]:
    """Roles of every column: the header's, checked and completed by the cells."""
    roles = column_roles(header)
    _measure_by_cells(roles, rows)
    for column, role in list(roles.items()):
        cells = [r[column] for r in rows if column < len(r)]
        if role == "indicator" and cells and not _indicator_column(cells):
            roles[column] = "target"  # `ตัวชี้วัด/เป้าหมาย` of the measure itself
        if role == "number" and not _numbers_column(cells):
            del roles[column]  # `ลำดับขั้น…` over running text names steps, not the list number: the cells say
        elif role in _RUNNING_ROLES and _tick_column(cells):
            del roles[column]  # ticks under a title naming the measure (`สถานะของมาตรการ` over done / not done)
    return content_roles(rows, roles, dict(enumerate(header)))


def _tick_column(cells: list[str]) -> bool:
    """A column of ticks (and empty cells): no running text, whatever its header says."""
    kinds = [_kind(c) for c in cells if c.strip()]
    return bool(kinds) and kinds.count("tick") * 5 >= len(kinds) * 3


def _measure_by_cells(roles: dict[int, str], rows: list[list[str]]) -> None:
    """A header may name the measure by a word that also heads methods (`แนวทางลงมือปฏิบัติ`: "the way to act"):
    where the column it names reads as numbered steps and an unnamed text column before it opens like measures
    (codes, `โครงการ…`), that one is the measure and the named one its method."""
    named = next((c for c, r in roles.items() if r == "measure"), None)
    if named is None:
        return
    cells = lambda column: [r[column] for r in rows if column < len(r)]  # noqa: E731
    own = _measure_openings(cells(named))
    if own >= 0 and _steps(cells(named)) < 0.5:
        return
    for column in range(named):
        text = [c for c in cells(column) if c.strip()]
        if column in roles or not text or median(len(compact(c)) for c in text) < MIN_TEXT_MEDIAN:
            continue
        if _measure_openings(text) >= MEASURE_OPENINGS and _measure_openings(text) > own:
            roles[column] = "measure"
            if "method" in roles.values():
                del roles[named]
            else:
                roles[named] = "method"
            return


def is_measure_table(roles: dict[int, str], header_roles: dict[int, str]) -> bool:
    """A measure column and something a plan says of it. Where the header named no measure column, the
    cells must show a responsible office or a period too (a table of scores has long text, not those)."""
    values = set(roles.values())
    timed = any(v.startswith(("month:", "quarter:")) for v in values)
    if "measure" not in values:
        return False
    if "measure" not in header_roles.values():
        return bool(values & {"responsible", "period"}) or timed
    return bool(values & {"method", "responsible", "period", "output", "outcome", "follow_up", "budget"}) or timed
