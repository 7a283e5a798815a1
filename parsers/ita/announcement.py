"""Results announcements: a table (or list) of many units with their ITA results.

Recognised by structure (many rows with a name-like column and score columns in 0-100 or within the tool
weights, or a level column on the year's scale) and by its title. Columns get roles from their header words
and, where the header says nothing (scans, continuation pages), from their content: ascending integers are
the rank, the longest text the name, level words the level, numbers the scores. Weighted points (IIT of 30,
EIT of 30 or 15 + 15, OIT of 40) and raw 0-100 scores are told apart by the weights. Page furniture is not a
row: header rows repeated on each page, page numbers, continuation hints at a page foot (`11.วิทยาลัย...`),
the signature block. On scans a row that contradicts itself is re-read by parsers.scan_numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from normalizers.levels import normalize_level
from normalizers.catalog import LETTER_LEVELS, THAI_LEVELS, match_indicator
from normalizers.catalog import levels as catalog_levels
from normalizers.digits import to_arabic_digits
from parsers import scan_glued, scan_levels, scan_numbers
from parsers.scan_levels import PASSING
from parsers.scan_levels import letter_candidates, pass_word, word_level_candidates
from parsers.ocr_digits import UNREAD
from parsers.ita.result_checks import EXACT, expected_total, level_range, problems
from parsers.ita.text import compact, skeleton, tidy
from parsers.records import Assessment, PageLayout, Provenance, Table, TableRow

MIN_ROWS = 3  # unit rows a document needs to be an announcement by structure alone
NO_SCORE = re.compile(r"^[-–—.]+$")
_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
_RANK = re.compile(r"^\(?(\d{1,4})[.)]?$")
_LEADING_RANK = re.compile(r"^\s*(\d{1,4})\s*[.)]?\s+(?=\D)|^\s*(\d{1,4})[.)](?=\D)")
_DISTRICT = re.compile(r"^(?:อำเภอ|อ\.)\s*(\S.*)$")
_HINT = re.compile(r"(?:\.{2,}|…)\s*$")  # `๑๑.วิทยาลัยการอาชีพ...`: the next page's first row, announced
_SCAN_ENGINES = ("tesseract", "template")
_SCORE_TOKEN = re.compile(r"(?<![\d.])\d{1,3}\.\d{2}(?![\d.])")  # a two-decimal score, which no header prints
_TWO_DECIMALS = re.compile(r"\d{1,3}\.\d{2}")  # a score cell as ITA tables print it
_ONE_DECIMAL = re.compile(r"\d{1,3}\.\d")  # as some tables print it, or a scan that lost the last digit
POINT_FIELDS = {"IIT": "iit_points", "EIT": "eit_points", "EIT1": "eit_part1_points", "EIT2": "eit_part2_points",
                "OIT": "oit_points"}
RAW_FIELDS = {"IIT": "iit", "EIT": "eit", "EIT1": "eit_part1", "EIT2": "eit_part2", "OIT": "oit"}
_NAME_WORDS = ("ชื่อ", "หน่วยงาน", "สถานศึกษา", "องค์กรปกครอง", "อปท", "ส่วนราชการ", "โรงเรียน", "โรงพยาบาล",
               "สถานพยาบาล")


@dataclass
class Columns:
    """Column index -> role: rank, name, type, district, IIT/EIT/EIT1/EIT2/OIT, total, level."""

    roles: dict[int, str] = field(default_factory=dict)
    points: bool = False  # tool columns hold weighted points (else raw 0-100 scores)

    def of(self, role: str) -> int | None:
        return next((i for i, r in self.roles.items() if r == role), None)

    def tools(self) -> list[tuple[int, str]]:
        return [(i, r) for i, r in sorted(self.roles.items()) if r in POINT_FIELDS]


@dataclass
class Announcement:
    rows: list[Assessment]
    warnings: list[str]


def header_role(text: str) -> str | None:
    """The role a column's header names, or None."""
    key = skeleton(text).upper()
    if not key:
        return None
    if "IIT" in key:
        return "IIT"
    if "EIT" in key:
        if re.search(r"(?:สวนท|ส่วนที่)?\(?2\)?$|สวนท2", key):
            return "EIT2"
        if re.search(r"(?:สวนท|ส่วนที่)\(?1|\(1\)$|EIT1$", key):
            return "EIT1"
        return "EIT"
    if "OIT" in key:
        return "OIT"
    if key.startswith("อนดบ") or key in ("ท", "ลำดบ", "ลำดบท", "ลาดบ", "ลาดบท") or key.startswith("ลำดบ"):
        return "rank"
    if "ประเภท" in key:
        return "type"
    if key.startswith("อำเภอ") or key.startswith("อาเภอ"):
        return "district"
    if "ระดบ" in key or "ผลการประเมน" in key:
        return "level"
    if any(skeleton(w) in key for w in _NAME_WORDS):
        return "name"
    if "รวม" in key or "ITA" in key or "คะแนน" in key:
        return "total"
    return None


def parse_number(text: str) -> tuple[float | None, bool]:
    """(value, read): `-` and empty are no score (read, None); a number outside 0-100 or garbage is unread."""
    text = compact(text).replace(",", ".")
    if not text or NO_SCORE.match(text):
        return None, True
    if _NUMBER.match(text):
        value = float(text)
        return (value, True) if value <= 100 else (None, False)
    return None, False


def level_of(text: str, scanned: bool = False) -> tuple[str | None, bool]:
    """(level, on the scale): a canonical level, or a printed one outside the scale (`ปรับปรุง`) as printed.
    On scans what the cell's characters can stand for is the scan layer's (scan_levels.read_level)."""
    text = tidy(text) or ""
    if not text or NO_SCORE.match(compact(text)):
        return None, True
    if scanned:
        return scan_levels.read_level(text, _worded_letter(text))
    if found := normalize_level(text):
        return found, True
    if worded := _worded_letter(text):
        return worded
    if re.search(r"[ก-๙]", text) and len(compact(text)) <= 30:
        return text, False
    return None, True


# A letter level spelled in Thai (`บี`, `เอเอ`), as some 2566 tables print it; compared without marks (`ดี` is D)
_THAI_LETTER_NAMES = {skeleton(name): level for name, level in (("เอเอ", "AA"), ("เอ", "A"), ("บี", "B"), ("ซี", "C"),
                                                                ("ดี", "D"), ("อี", "E"), ("เอฟ", "F"))}
# A letter level with its pass word (`A (ผ่าน)`, `C ไม่ผ่าน`): on the letter scale 85 and over passes (AA, A)
_LETTER_WITH_WORD = re.compile(r"^(AA|A|B|C|D|E|F)\s*[(\[]?\s*([ก-๛\s]+?)\s*[)\]]?$")


def _worded_letter(text: str) -> tuple[str, bool] | None:
    """A letter level printed with words: spelled in Thai (`ซี`), or beside its pass word (`A (ผ่าน)`); a pass
    word that contradicts its letter (`B (ผ่าน)`) leaves the cell as printed, off the scale (warned)."""
    key = skeleton(re.sub(r"\s+", "", text))
    if key in _THAI_LETTER_NAMES:
        return _THAI_LETTER_NAMES[key], True
    if not (match := _LETTER_WITH_WORD.match(text.strip())):
        return None
    word = skeleton(re.sub(r"\s+", "", match.group(2)))
    if word not in (skeleton("ผ่าน"), skeleton("ไม่ผ่าน")):
        return None
    letter = match.group(1)
    passes = word == skeleton("ผ่าน")
    return (letter, True) if passes == (letter in PASSING) else (text, False)


def _is_number_cell(text: str) -> bool:
    value, read = parse_number(text)
    return value is not None or (read and bool(compact(text)))


def content_roles(rows: list[list[str]], known: dict[int, str], numbers: bool = True) -> dict[int, str]:
    """Roles for the columns the header left unnamed, from what their cells hold; score columns only with
    `numbers` (on scans a header misread leaves a column of IIT points that would pass for totals, and a
    level column holds letters read as their shapes: `8` for B)."""
    if not rows:
        return dict(known)
    n_cols = max(len(r) for r in rows)
    roles = dict(known)
    numeric: list[int] = []
    texts: dict[int, float] = {}
    for c in range(n_cols):
        if c in roles:
            continue
        cells = [r[c].strip() for r in rows if c < len(r) and r[c].strip()]
        if not cells:
            continue
        if sum(1 for t in cells if level_of(t)[0] and level_of(t)[1] or not numbers and (
                letter_candidates(t) or letter_candidates(pass_word(t)[0]))) >= 0.6 * len(cells):
            roles[c] = "level"
        elif all(_RANK.match(compact(t)) and "." not in compact(t).rstrip(".") for t in cells):
            ranks = [int(_RANK.match(compact(t)).group(1)) for t in cells]
            if "rank" not in roles.values() and ranks == sorted(ranks):
                roles[c] = "rank"
        elif sum(1 for t in cells if _is_number_cell(t)) >= 0.6 * len(cells):
            numeric.append(c)
        elif sum(1 for t in cells if re.search(r"[ก-ฮ]", t)) >= 0.6 * len(cells):
            texts[c] = sum(len(t) for t in cells) / len(cells)
    if "name" not in roles.values() and texts:
        roles[max(texts, key=texts.get)] = "name"
    if not numbers:
        return _tools_by_order(roles, numeric)
    unnamed_tools = [r for r in ("IIT", "EIT", "OIT") if r not in roles.values()]
    if numeric and "total" not in roles.values():
        roles[numeric.pop()] = "total"
    for c, role in zip(numeric, unnamed_tools if len(numeric) == len(unnamed_tools) else []):
        roles[c] = role
    return roles


_TOOL_ORDER = ("IIT", "EIT", "EIT1", "EIT2", "OIT")


def _tools_by_order(roles: dict[int, str], numeric: list[int]) -> dict[int, str]:
    """Scans: number columns whose header OCR lost, named by the order every ITA table prints its tools in
    (IIT, EIT or its two parts, OIT, then the total), when the header read names the total and some tools
    and exactly one naming fits: one unread tool between two read ones, or beside one. A wrong guess cannot
    pass: its row's points would not add up to the total, and the row is refused."""
    total = next((c for c, r in roles.items() if r == "total"), None)
    named = {c: r for c, r in roles.items() if r in _TOOL_ORDER}
    if total is None or not named:
        return roles
    unnamed = [c for c in numeric if c < total and c not in roles]
    split = any(r in ("EIT1", "EIT2") for r in named.values())
    wanted = [r for r in (("IIT", "EIT1", "EIT2", "OIT") if split else ("IIT", "EIT", "OIT"))
              if r not in named.values()]
    if len(unnamed) != len(wanted):
        return roles
    trial = dict(roles)
    trial.update(zip(unnamed, wanted))
    order = [trial[c] for c in sorted(trial) if trial[c] in _TOOL_ORDER]
    if order != sorted(order, key=_TOOL_ORDER.index) or max(c for c in trial if trial[c] in _TOOL_ORDER) > total:
        return roles
    return trial


def _header_rows(table: Table) -> tuple[list[str], int]:
    """Per-column header text and how many leading rows make it: the rows the layout marked as header, plus
    leading rows without numbers that name a column (scans mark no header)."""
    headers = [""] * table.n_cols
    count = 0
    for row in table.rows:
        is_header = row.kind == "header" or (_names_columns(row.cells) and not any(
            parse_number(c)[0] is not None for c in row.cells))
        if not is_header:
            break
        cells = _spread_spans(row, table.n_cols, first=count == 0)
        headers = [f"{h} {c}".strip() for h, c in zip(headers, cells)]
        count += 1
    return headers, count


def _spread_spans(row: TableRow, n_cols: int, first: bool) -> list[str]:
    """A header row's cells with a group label (`EIT` over ส่วนที่ 1 / ส่วนที่ 2, `คะแนนตามเครื่องมือ` over
    IIT..OIT) given to every column it spans: the layout leaves the covered cells empty. In the first header
    row a covered cell can only be covered from its left; below it, a covered cell under text is covered from
    above (a label spanning both rows), which the column keeps anyway."""
    cells = row.cells + [""] * (n_cols - len(row.cells))
    if first:
        spanned = row.spanned + [False] * (n_cols - len(row.spanned))
        for c in range(1, n_cols):
            if spanned[c] and not cells[c].strip():
                cells[c] = cells[c - 1]
    return cells


def _tool_group_totals(table: Table, n_header: int, known: dict[int, str]) -> list[int]:
    """Columns named the total only by a group label over the tools (`คะแนนตามเครื่องมือการประเมิน` spread
    over IIT..OIT, whose `คะแนน` reads as the total) and by nothing of their own below it: on a scan whose OCR
    lost a tool's own header (`วท` for OIT) such a column was taken for the total, and its OIT points (all
    under 40) fit the lowest level's band. A group that also covers a column its own header names a tool is
    a group of tools; the column's role is left to its cells (a `รวม` under the group still names the total)."""
    if n_header < 2 or not table.rows:
        return []
    first = table.rows[0]
    spread = _spread_spans(first, table.n_cols, first=True)
    own = [""] * table.n_cols  # what the rows under the first header row print in each column
    for row in table.rows[1:n_header]:
        own = [f"{o} {c}".strip() for o, c in zip(own, row.cells + [""] * (table.n_cols - len(row.cells)))]
    groups: list[list[int]] = []
    for c in range(table.n_cols):
        if c and spread[c].strip() and spread[c] == spread[c - 1] and not (first.cells[c:c + 1] or [""])[0].strip():
            groups[-1].append(c)
        else:
            groups.append([c])
    out = []
    for group in (g for g in groups if len(g) > 1):
        if not any(header_role(own[c]) in _TOOL_ORDER for c in group):
            continue
        out += [c for c in group if known.get(c) == "total" and header_role(own[c]) is None]
    return out


_EIT_PART = re.compile(r"^(?:สวนท|ส่วนที่)\(?[12๑๒]\)?$")  # `ส่วนที่ 1` under EIT: a sub-header naming a part


def _names_columns(cells: list[str]) -> bool:
    """A row of column names: most of its cells name a role (or an EIT part: a scan marks no header, and the
    sub-header row under a spanning `EIT` was read as a unit row, both parts named EIT)."""
    named = [c for c in cells if c.strip() and (header_role(c) is not None or _EIT_PART.match(skeleton(c)))]
    filled = [c for c in cells if c.strip()]
    return bool(filled) and len(named) * 2 >= len(filled) and not any(_DISTRICT.match(c.strip()) for c in filled)


_ASSIGNMENTS = {0: (), 3: ("IIT", "EIT", "OIT"), 4: ("IIT", "EIT1", "EIT2", "OIT")}
_NON_SCORE_ROLES = ("rank", "name", "type", "district", "level")


def _checksum_roles(body: list[list[str]], roles: dict[int, str], year: int | None) -> dict[int, str]:
    """Scans: the score columns named by what their numbers say rather than by a header OCR garbled
    (`ผลคะแน`, `พา` for IIT). Of the ways to name the number columns (one of them the total, the others the
    tools in the order every ITA table prints them: IIT, EIT or its two parts, OIT), the one under which most
    clearly read rows add up exactly (weighted points: their sum; raw scores: the year's weights), or, with
    the total alone, fall in their level's band. Taken only when it beats every other naming; otherwise the
    header's roles stay. A wrong naming cannot win: its rows would not add up."""
    level_col = next((c for c, r in roles.items() if r == "level"), None)
    numeric = []
    for c in range(max((len(r) for r in body), default=0)):
        if roles.get(c) in _NON_SCORE_ROLES:
            continue
        cells = [r[c] for r in body if c < len(r) and compact(r[c])]
        # scores print two decimals; a rank column whose order OCR broke holds whole numbers
        if sum(1 for t in cells if parse_number(t)[0] is not None and "." in t) >= max(3, 0.3 * len(cells)):
            numeric.append(c)
    if not numeric or len(numeric) > 5:
        return roles
    scored: list[tuple[int, dict[int, str]]] = []
    for total in numeric:
        tools = [c for c in numeric if c != total]
        if len(tools) not in _ASSIGNMENTS:
            continue
        naming = {total: "total", **dict(zip(tools, _ASSIGNMENTS[len(tools)]))}
        for points in ((True, False) if tools else (False,)):
            fields = POINT_FIELDS if points else RAW_FIELDS
            agree = 0
            for cells in body:
                values = {c: parse_number(cells[c])[0] if c < len(cells) else None for c in naming}
                if any(v is None for v in values.values()):
                    continue
                a = Assessment(overall_score=values[total])
                for c, role in naming.items():
                    if role != "total":
                        setattr(a, fields[role], values[c])
                level = level_of(cells[level_col], True)[0] if level_col is not None and level_col < len(cells) else None
                a.level = level
                if tools and not problems(a, year, EXACT if points else None):
                    agree += 1
                elif not tools and level_range(level) is not None and not problems(a, year):
                    agree += 1
            scored.append((agree, naming))
    scored.sort(key=lambda t: -t[0])
    named_tools = {c: r for c, r in roles.items() if r in _TOOL_ORDER}
    # namings that keep every tool the header named clearly (`EIT` read, the other headers garbled) need fewer
    # rows to agree: the header already rules out the others (a faint scan adds up on one row of twenty)
    consistent = [(n, naming) for n, naming in scored if named_tools and all(naming.get(c) == r for c, r in named_tools.items())]
    if consistent and consistent[0][0] >= 1 and (len(consistent) == 1 or consistent[1][0] < consistent[0][0]) and (
            scored[0][0] < 3 or scored[0][1] == consistent[0][1]):
        scored = consistent
    elif not scored or scored[0][0] < 3 or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return roles
    best = scored[0][1]
    kept = {c: r for c, r in roles.items() if r in _NON_SCORE_ROLES and c not in best}
    return {**kept, **best}


def _with_guesses(rows: list[TableRow]) -> list[list[str]]:
    """Body rows' cells with a template's guess where no reader took the number: only for naming the columns
    by checksums (a faint scan reads few rows whole; a wrong guess only makes its row not add up)."""
    out = []
    for row in (r for r in rows if r.kind == "body"):
        sources = list(row.sources) + [None] * (len(row.cells) - len(row.sources))
        out.append([guess[0] if parse_number(text)[0] is None
                    and (guess := _guess(source, text)) else text
                    for text, source in zip(row.cells, sources)])
    return out


def _is_scanned(table: Table) -> bool:
    """Some cell of the table was read from an image (OCR or digit templates)."""
    return any(src is not None and src.engine in _SCAN_ENGINES for r in table.rows for src in r.sources)


def table_columns(table: Table, previous: Columns | None, year: int | None = None) -> tuple[Columns | None, int]:
    """The columns of an announcement table (None if it is not one) and its number of header rows."""
    headers, n_header = _header_rows(table)
    known = {c: role for c, h in enumerate(headers) if (role := header_role(h))}
    for c in _tool_group_totals(table, n_header, known):
        del known[c]
    # a spanning header (`เครื่องมือการประเมิน ITA` over IIT..รวม) names the first column it covers only
    if list(known.values()).count("total") > 1:
        totals = [c for c, r in known.items() if r == "total"]
        for c in totals[:-1]:
            del known[c]
    body = [r.cells for r in table.rows[n_header:] if r.kind == "body"]
    if previous is not None and len(previous.roles) and max(previous.roles) < table.n_cols and all(
            previous.roles.get(c) in (None, r) for c, r in known.items()):
        # a later page: its header (none, or part of it read on a scan) agrees with the first page's columns
        roles = {**previous.roles, **known}
    else:
        scanned = _is_scanned(table)
        roles = content_roles(body, known, numbers=not scanned)
        if scanned:
            roles = _checksum_roles(_with_guesses(table.rows[n_header:]), roles, year)
    columns = Columns(roles)
    has_scores = any(r in ("total", "level", *POINT_FIELDS) for r in roles.values())
    if "name" not in roles.values() or not has_scores:
        return None, n_header
    columns.points = _holds_points(body, columns) if previous is None or known else previous.points
    return columns, n_header


def _holds_points(body: list[list[str]], columns: Columns) -> bool:
    """Tool columns hold weighted points when no value exceeds its tool's weight (IIT 30, EIT 30, OIT 40)."""
    limits = {"IIT": 30.0, "EIT": 30.0, "EIT1": 15.0, "EIT2": 15.0, "OIT": 40.0}
    values = []
    for c, role in columns.tools():
        for cells in body:
            if c < len(cells) and (value := parse_number(cells[c])[0]) is not None:
                values.append((value, limits[role]))
    return bool(values) and all(v <= limit + 1e-9 for v, limit in values)


def _split_rank(name: str) -> tuple[int | None, str]:
    """`12 วิทยาลัย…` / `๑๒.วิทยาลัย…`: a rank the layout put in the name cell."""
    if match := _LEADING_RANK.match(name):
        return int(match.group(1) or match.group(2)), name[match.end():].strip()
    return None, name


_SCAN_JUNK = re.compile(r"(?:^|\s)(?:[^\sก-ฮ]+|[ก-ฮ][^\sก-ฮ]*)(?=\s|$)")  # a word with no or one Thai letter


_GLUED_BEFORE_TYPE = re.compile(r"^[ก-ฮ](?=องค์การบริหาร|องค์กรปกครอง|เทศบาล|วิทยาลัย|โรงเรียน|โรงพยาบาล)")


def _clean_name(text: str) -> str:
    """The name on one line, without punctuation standing alone (scan specks read as `.`, `-`) and without
    short Latin words before it (a highlighter's streak read as `a a a a`): a unit's name is Thai."""
    text = re.sub(r"(?:^|\s)[.,\-–—'\"»«:;]+(?=\s|$)", "", re.sub(r"\s+", " ", tidy(text) or "")).strip()
    text = re.sub(r"\s*(?:\*+|\(\*+\))$", "", text)  # a footnote's mark (`อบต.X*`: see the note under the table)
    text = re.sub(r"^(?:[A-Za-z'\"|]{1,2}\s+)+(?=[ก-ฮเ-ไ])", "", text)
    # a letter glued before a unit's type word (`ลองค์การบริหาร…`, `อองค์การ…`: the rule beside the cell read
    # as a consonant): no unit's name opens with another letter before its type
    text = _GLUED_BEFORE_TYPE.sub("", text)
    # a certified-copy stamp's words (`สำเนาถูกต้อง`) over the name's end, read into it: furniture real copies carry
    text = scan_glued.without_stamp_words(text)
    if not _SCAN_JUNK.search(text):
        return text
    # on scans, specks and rule ends read as words of their own (`./]`, `7>`, a lone `ล`) between the parts
    # of a name: a word without two Thai letters is none of the name's (a number stays after แห่งที่)
    words = text.split()
    kept = [w for i, w in enumerate(words) if len(re.findall(r"[ก-ฮ]", w)) >= 2
            or re.fullmatch(r"\d{1,2}", w) and i and skeleton(words[i - 1]).endswith("ท")]
    return " ".join(kept) if kept else text


def _is_furniture(name: str) -> bool:
    key = skeleton(name)
    return bool(_HINT.search(name)) or header_role(name) is not None and len(key) < 25 \
        or key.startswith("ประกาศ") or key.startswith("หมายเหต")


class _Reader:
    """Rows of one document's announcement tables, in order, with the district and type sections above them."""

    def __init__(self, year: int | None):
        self.year = year
        self.letter_scale = catalog_levels(year) == LETTER_LEVELS
        self.one_decimal = False  # the table being read prints its scores with one decimal (one_decimal)
        self.rows: list[Assessment] = []
        self.warnings: list[str] = []
        self.district: str | None = None
        self.unit_type: str | None = None

    def section(self, text: str) -> None:
        text = _clean_name(text)
        if match := _DISTRICT.match(text):
            self.district = match.group(1).strip()
        elif skeleton(text) in {skeleton(t) for t in ("องค์การบริหารส่วนตำบล", "เทศบาลตำบล", "เทศบาลเมือง",
                                                      "เทศบาลนคร", "องค์การบริหารส่วนจังหวัด")}:
            self.unit_type = text

    def add(self, cells: list[str], sources: list[Provenance | None], columns: Columns, page: int) -> None:
        def cell(role: str) -> str:
            c = columns.of(role)
            return cells[c] if c is not None and c < len(cells) else ""

        def source(role: str) -> Provenance | None:
            c = columns.of(role)
            return sources[c] if c is not None and c < len(sources) else None

        filled = [c for c in cells if c.strip()]
        name = _clean_name(cell("name"))
        if len(filled) == 1 and name:
            self.section(name)
            return
        rank_text = compact(cell("rank"))
        rank = int(m.group(1)) if (m := _RANK.match(rank_text)) else None
        if rank is None:
            rank, name = _split_rank(name)
        # a unit's name is Thai; a stray mark or a misread header is no row. A bare name beside a type cell
        # may be short (`ยะลา`, `โรง`): the type column is what makes it a unit
        unread_name = len(re.findall(r"[ก-ฮ]", name)) < (2 if cell("type").strip() else 3)
        if _is_furniture(name) or unread_name and not self._has_result(cells, columns):
            return
        a = Assessment(unit_raw=None if unread_name else name, row=len(self.rows) + 1, rank=rank)
        if unread_name:
            # a row of results whose name the scan lost or read in Latin letters (`quay` for คูเต่า): its results
            # are kept, its unit is unknown (no name to resolve), with a warning
            self.warnings.append(f"row {a.row}: the unit's name was not read ({cell('name').strip()!r}); "
                                 "its results are kept without a unit")
        a.unit_type_raw = _clean_name(cell("type")) or self.unit_type
        a.district_raw = _clean_name(cell("district")) or self.district
        if a.district_raw and (match := _DISTRICT.match(a.district_raw)):
            a.district_raw = match.group(1)
        fields = POINT_FIELDS if columns.points else RAW_FIELDS
        score_roles = ["total"] + [r for _, r in columns.tools()]
        scanned = any(s is not None and s.engine in _SCAN_ENGINES for s in sources)
        if scanned and not any(re.search(r"[0-9#]", compact(cell(role))) for role in score_roles) \
                and ((found := level_of(cell("level"), True))[0] is None or not found[1]):
            # no digit in any score cell, no level: a header repeated on a page (`ผลคะแน`, `EIT`); or a level off
            # the scale (`ปรับปรุง`) beside `-` cells OCR read as specks (`geปร`): a unit without a result
            return
        texts: dict[str, scan_numbers.Cell] = {}
        unread = []
        guessed: set[str] = set()
        any_number = False
        targets = [("total", "overall_score")] + [(r, fields[r]) for _, r in columns.tools()]
        for role, target in targets:
            text = cell(role)
            value, read = parse_number(text)
            if scanned and _digit_lost(source(role), text, self.one_decimal):
                value, read, text = None, False, UNREAD  # lost a digit: nothing to choose from
            if value is None and (guess := _guess(source(role), text)):
                unread.append(f"{role} {text.strip()!r}")
                guessed.add(target)
                texts[target] = guess
            elif value is not None:
                any_number = True
                texts[target] = compact(text)
            elif not read:
                unread.append(f"{role} {text.strip()!r}")
                texts[target] = compact(text)
            setattr(a, target, value)
        level, on_scale = level_of(cell("level"), scanned)
        shapes, lost_letter = (), False
        if scanned and level is None and self.letter_scale:
            # the letter's shape (`8` for B), beside its pass word (`8(ไม่ผ่าน)`), which must agree with it; a pass
            # word beside a letter the scan lost (`(ไม่ผ่าน)`) allows its letters: decided below as shapes are (a
            # band its tools confirm)
            shapes, lost_letter = scan_levels.letter_shapes(cell("level"))
        pictured = scanned and level is not None and scan_levels.pictured_word(source("level"), cell("level"))
        if pictured:
            # a Thai-spelled letter (`บี`) read by its picture where the page's OCR read nothing
            # (ocr_digits.read_thai_letter_level): taken as a shape is, where its band holds the total as a
            # reader read it (never a guess, never steering the digit chooser): two readers of two cells agree
            shapes, level = (level,), None
        # a word level with letters lost (`ผ่านี`), on the word scale or where the year is unknown (a letter
        # table's word readings go with letters_only); a letter beside its pass word is a shape, above
        words = word_level_candidates(tidy(cell("level")) or "") if scanned and level is None and not shapes \
            and (not self.letter_scale or self.year is None) and columns.tools() \
            and pass_word(cell("level"))[1] is None else ()
        fragment = bool(words)
        if fragment:
            shapes = words
        if scanned and scan_levels.cut_levels(level) and columns.tools():
            # a level printed on two lines whose second the OCR grid lost (`ต้องปรับปรุง` / `โดยด่วน`): either
            # level, decided below by the total its tools confirm, never steering the digit chooser
            shapes, level = scan_levels.cut_levels(level), None
        a.level = level  # a level read by shape only (`8`) never steers the digit chooser: it is set below
        blank = scanned and not any_number and not unread and level is not None and on_scale \
            and _unit_like(name) and not any(compact(cell(role)) for role in score_roles)
        if not any_number and not unread and not blank:
            return  # `-` everywhere: the unit has no result (its default level is no assessment)
        if blank:
            # a unit's row with a level of the scale whose score cells the scan left empty (no `-`: a number
            # the page OCR lost, or one the layout glued onto the name): a row of the table, its numbers unknown
            self.warnings.append(f"row {a.row} {name}: score cells empty on the scan; numbers not read")
        if level and not on_scale:
            self.warnings.append(f"row {a.row} {name}: level {level!r} is not on the scale; kept as printed")
        a.source = source("total") or source("name")
        if scanned and not unread and problems(a, self.year) and all(
                _certain(source(role), cell(role)) for role in score_roles if compact(cell(role))):
            # every number read as printed, and still the row contradicts itself: the document's misprint,
            # not a reading to choose (validation refuses the row)
            self.warnings.append(f"row {a.row} {name}: every number read clearly and they disagree; a misprint")
        elif scanned and (unread or problems(a, self.year)):
            # what was read as printed stays; only the cells a reader was unsure of are read again
            unsure = {t: texts[t] for role, t in targets if t in texts and not _certain(source(role), cell(role))}
            # a template's guess beside other unsure cells is taken only with them as read: with a digit
            # changed anywhere the row could fit their misreadings (a print whose narrow cells lost a leading
            # digit, `8.78` and `4.68` for 18.78 and 34.68, "confirmed" the total's guess 75.41 read 35.41)
            unchanged = bool(guessed) and any(t not in guessed for t in unsure)
            if unchanged:  # (a mark or bracket of the cell's edge beside a number is not a digit: `40.00่]` is 40.00)
                unsure = {t: tuple(f"{value:.2f}" for n, value in found if n == found[0][0])
                          if (found := scan_numbers.readings(v, 0)) else v for t, v in unsure.items()}
            self._reread(a, unsure, wildcards=bool(columns.tools()) and not unchanged, unchanged=unchanged,
                         guessed={t for t in guessed if t in unsure})
        if shapes and a.overall_score is not None:
            # `8` is B, `0` is C or D: the one whose band holds the total the row's other cells confirmed (an A
            # read as `8` on a bilevel scan steered the chooser to a wrong EIT when shapes were taken first)
            fitting = [lv for lv in shapes if not problems(replace(a, level=lv), self.year)]
            # (confirmed by its tools, or read as printed: a misread total alone would pick the level that
            # then confirms it)
            confirmed = (_has_parts(a) or _certain(source("total"), cell("total"))
                         or pictured and "overall_score" not in guessed) \
                and not problems(replace(a, level=None), self.year)  # (a total its tools refute confirms nothing)
            if lost_letter or fragment:
                # no glyph of the letter, or a word with letters lost: only a total its tools pin exactly may say
                # which level it is
                confirmed = confirmed and expected_total(a, self.year) is not None
            a.level = fitting[0] if len(fitting) == 1 and confirmed else None
        if scanned and not _checkable(a, self.year):
            # nothing on the row can confirm a scanned number (no total to sum to, no level band to hold it)
            if any(getattr(a, f) is not None for f in Assessment.SCORES + Assessment.POINTS):
                self.warnings.append(f"row {a.row} {name}: scanned numbers cannot be checked; not kept")
            for f in Assessment.SCORES + Assessment.POINTS:
                setattr(a, f, None)
        elif unread:
            self.warnings.append(f"row {a.row} {name}: unreadable {', '.join(unread)}")
        self.rows.append(a)

    def improve_lost_first_word(self, start: int) -> None:
        """A scanned `ปรับปรุง` (the OVEC spelling off the scale, kept as printed) in a table whose other rows read
        the scale's `ต้องปรับปรุง` is that level with its first word lost (held-175-grey-jpeg45-marks: a WRONG
        level kept as printed): no level here, warned, and a total that only its band checked is refused with it.
        Decided by the table's own levels, as letters_only is."""
        rows = self.rows[start:]
        if not any(r.level in scan_levels.cut_levels("ต้องปรับปรุง") for r in rows):
            return
        for a in rows:
            if a.level != "ปรับปรุง":
                continue
            if (level := self._pinned_level(a, scan_levels.cut_levels("ต้องปรับปรุง"))) is not None:
                a.level = level  # which of the two, by the band of a total its tools pin exactly
                continue
            self._drop_level(a, "level 'ปรับปรุง' in a table of ต้องปรับปรุง")

    def letters_only(self, start: int) -> None:
        """A scanned table whose levels read are letters (AA-F) prints the letter scale: a word level of the later
        scale among them (`(ผ่าน)`, the pass word of an `A (ผ่าน)` whose letter a stamp hid) is no level of it.
        Such a row's level is unknown; a total that level's band was all that checked is refused with it
        (held-200-bilevel-marks raw 2566: ผ่าน kept for an A, a WRONG level, announce10). Decided by the table's
        own levels, as the year a scanned title gives may be lost."""
        rows = self.rows[start:]
        letters = sum(r.level in LETTER_LEVELS for r in rows)
        if letters < 2 or letters <= sum(r.level is not None and r.level not in LETTER_LEVELS for r in rows):
            return
        for a in rows:
            if a.level is None or a.level in LETTER_LEVELS:
                continue
            if a.level == "ผ่าน" and (letter := self._pinned_level(a, PASSING)) is not None:
                # the pass word of a passing letter the scan lost (`' (ผ่าน)`): AA or A, as a lost letter beside its
                # pass word is decided in add, by the band of a total its tools pin exactly
                a.level = letter
                continue
            self._drop_level(a, f"level {a.level!r} in a table of letter levels")

    def _pinned_level(self, a: Assessment, levels: tuple[str, ...]) -> str | None:
        """The one of `levels` whose band holds the row's total, where its tools pin that total exactly."""
        if expected_total(a, self.year) is None or problems(replace(a, level=None), self.year):
            return None
        fitting = [lv for lv in levels if not problems(replace(a, level=lv), self.year)]
        return fitting[0] if len(fitting) == 1 else None

    def _drop_level(self, a: Assessment, why: str) -> None:
        """A level the table's own levels say is misread is unknown; a total only its band checked goes with it."""
        self.warnings.append(f"row {a.row} {a.unit_raw}: {why}; not read")
        a.level = None
        if not _checkable(a, self.year):
            for f in Assessment.SCORES + Assessment.POINTS:
                setattr(a, f, None)

    @staticmethod
    def _has_result(cells: list[str], columns: Columns) -> bool:
        """Two score cells of the row hold two-decimal numbers (a header or a furniture line holds none)."""
        roles = [c for c, r in columns.roles.items() if r == "total" or r in POINT_FIELDS]
        return sum(1 for c in roles if c < len(cells) and _TWO_DECIMALS.fullmatch(compact(cells[c]))) >= 2

    def _reread(self, a: Assessment, texts: dict[str, scan_numbers.Cell], wildcards: bool = False,
                unchanged: bool = False, guessed: set[str] = frozenset()) -> None:
        """Scans: the digit reading that makes the row agree with itself and with its neighbours' order;
        `wildcards` (letters read for digits stand for any digit) only where tools and total pin each digit
        by their sum, never where a level's band is the only check. A `guessed` cell (a template's guess, an
        unsure Tesseract reading) is taken, in a table with tools, only where the row's tools and total pin it by
        their sum: the bound of a row missing tools and a level's band hold many wrong guesses (a 150 dpi JPEG
        row's guessed total 52.50 and EIT 15.55 for 82.90 and 14.55). So in an overall-only table, where the
        level's band (and a ranking's order) is the only check, a guessed total is never taken: the 21 such
        guesses measured were all right, but the template guesses right 94% of cells, so a wrong one is a
        matter of time (docs/parsing.md, announce9)."""
        previous = next((r.overall_score for r in reversed(self.rows) if r.overall_score is not None), None)

        def accept(values: dict[str, float]) -> bool:
            trial = replace(a, **values)
            if guessed and expected_total(trial, self.year) is None:
                return False
            if previous is not None and a.rank is not None and trial.overall_score is not None \
                    and self._ranked() and trial.overall_score > previous + 1e-9:
                return False
            if problems(trial, self.year, EXACT):
                return False
            # in a table of one decimal a guess must be pinned to its last digit: with that digit one more or one
            # less the row must no longer add up (raw scores weighted 0.3 move a total printed to one decimal by
            # 0.03 a step: a guessed EIT 66.3 for 66.1 fitted the total 76.8 of a bilevel scan). Two-decimal raw
            # sums do not pin it either (0.003 a step) but every guess they took was right on every set measured;
            # refusing them cost the clean 300 dpi raw scan 3 rows of 19 (docs/parsing.md, announce9: open)
            return not self.one_decimal or not any(
                not problems(replace(trial, **{f: round(values[f] + step, 2)}), self.year, EXACT)
                for f in guessed if f in values for step in (0.1, -0.1))  # (the last printed digit)

        if chosen := scan_numbers.choose(texts, accept, max_changes=0 if unchanged else scan_numbers.MAX_CHANGES,
                                         wildcards=wildcards and not self.one_decimal,
                                         decimals=1 if self.one_decimal else 2):
            for name, value in chosen.items():
                setattr(a, name, value)
        else:
            shown = {t: v if isinstance(v, str) else "|".join(v) for t, v in texts.items()}  # (a guess's readings)
            self.warnings.append(f"row {a.row} {a.unit_raw}: scanned numbers {shown} do not agree; not read")

    def _ranked(self) -> bool:
        """The table so far is a ranking: ranks ascending and totals descending (a few misreads aside). Ranks
        alone are not: local governments are numbered in registry order, whatever their scores."""
        ranked = [r for r in self.rows if r.rank is not None]
        ranks = [r.rank for r in ranked]
        totals = [r.overall_score for r in ranked if r.overall_score is not None]
        pairs = list(zip(totals, totals[1:]))
        return len(ranks) >= 2 and ranks == sorted(ranks) and len(pairs) >= 2 and \
            sum(1 for a, b in pairs if b <= a + 1e-9) >= 0.9 * len(pairs)


CERTAIN_CONFIDENCE = 0.9  # Tesseract's confidence in a number the template reader did not read otherwise


def _certain(source: Provenance | None, text: str) -> bool:
    """A scanned number cell read as printed: a plain two-decimal number read by Tesseract with high
    confidence, that the template reader did not read otherwise (engine stays tesseract: parsers/layout.py
    marks a cell `template` when its reading differs), or that the template reader gave and Tesseract's own
    reading (kept in `alternatives`) bears out digit for digit (Thai digits where the page prints them): two
    readers that saw the same number. A row of such cells that does not add up is a misprint. (Tesseract's
    partial readings, `ส๘.๒๔`, confirm nothing: a template digit misread, ๗ as ๓, fits them too.)"""
    if source is None or not _TWO_DECIMALS.fullmatch(compact(text)):
        return False
    if source.engine == "tesseract":
        return source.confidence >= CERTAIN_CONFIDENCE
    return source.engine == "template" and source.confidence > 0 and any(
        _bears_out(own, compact(text)) for own in source.alternatives)


def _bears_out(own: str, number: str) -> bool:
    """Tesseract's reading of a cell (Thai or Arabic digits) is the template's `number`, digit for digit; specks
    it read before or after the digits (`. 85.79`, `-71.13`: no score is negative) are no digits."""
    return _EDGE_SPECKS.sub("", to_arabic_digits(compact(own)).replace(",", ".")) == number


_EDGE_SPECKS = re.compile(r"^[.\-'\":;,|_]+|[.\-'\":;,|_]+$")


def _guess(source: Provenance | None, text: str) -> tuple[str, ...] | None:
    """A scanned score cell that neither reader took can carry the template's best digits in its provenance
    (engine template, confidence 0, a text the cell does not hold: parsers/layout.py), and their close rivals
    (`rivals`): candidates for the row's checksums to accept or refuse, never a value by themselves. Its
    readings, the best digits first."""
    if source is None or source.engine != "template" or source.confidence != 0.0:
        return None
    parts = tuple(p for p in (compact(source.text), *(compact(r) for r in source.rivals)) if p)
    return parts if parts and parts[0] != compact(text) and all(_NUMBER.match(p) for p in parts) else None


def _has_parts(a: Assessment) -> bool:
    return any(getattr(a, f) is not None for f in Assessment.POINTS + ("iit", "eit", "eit_part1", "eit_part2", "oit"))


def _checkable(a: Assessment, year: int | None) -> bool:
    """A total with the parts it is the sum of, or its level: something a misread number would contradict
    (raw scores missing a tool only bound the total: a misread total and a tool that lost its first digit,
    `33.53` and `8.39` for 73.53 and 68.39, fit such a bound)."""
    if a.overall_score is None:
        return False
    return expected_total(a, year) is not None or level_range(a.level) is not None


def one_decimal(rows: list[list[str]], columns: Columns) -> bool:
    """The table prints its scores with one decimal (`87.5`): most of its score cells read so, four times as
    many as read with two. (A scan's one-decimal reading is otherwise a number that lost its last digit.)"""
    roles = [c for c, r in columns.roles.items() if r == "total" or r in POINT_FIELDS]
    texts = [compact(cells[c]) for cells in rows for c in roles if c < len(cells)]
    one = sum(1 for t in texts if _ONE_DECIMAL.fullmatch(t))
    two = sum(1 for t in texts if _TWO_DECIMALS.fullmatch(t))
    return one >= 5 and one >= 4 * two


def _digit_lost(source: Provenance | None, text: str, one_decimal: bool = False) -> bool:
    """A scanned score read with one decimal (`69.1` for 69.19: ITA tables print two; not in a table that
    prints one, `one_decimal`), or from digits on lines of their own (`21.3` / `6` / `4`: a digit of the next
    line or a rule's end, not one number)."""
    return not one_decimal and bool(_ONE_DECIMAL.fullmatch(compact(text))) or \
        source is not None and bool(re.search(r"\d[ \t]*\n[\s.]*\d", source.text))


def _header_texts(rows: list[TableRow], columns: Columns) -> dict[int, set[str]]:
    """Per column, the letters of the header as each page prints it: rows the layout marked as header, and
    on scans the rows with no digit in any score cell (a header OCR garbled, `หน วยงาน`, `ผลคะแน!`)."""
    score_cols = [c for c, r in columns.roles.items() if r == "total" or r in POINT_FIELDS]
    found: dict[int, set[str]] = {}
    pages_with_results: set[int] = set()
    level_col, name_col = columns.of("level"), columns.of("name")
    for row in rows:
        # a result prints a number of two digits or more (a lone `0` is a header's `O` or a speck)
        digits = any(re.search(r"\d.*\d|#", compact(row.cells[c])) for c in score_cols if c < len(row.cells))
        if digits:
            pages_with_results.add(row.page)
        # the header is at the page's top: rows before its first result row, not results OCR could not read
        # (a unit's row has a level even where its numbers were lost)
        level = level_of(row.cells[level_col], True)[0] if level_col is not None and level_col < len(row.cells) else None
        name = row.cells[name_col] if name_col is not None and name_col < len(row.cells) else ""
        if row.kind == "section" or not (row.kind == "header" or score_cols and not digits and level is None
                                         and row.page not in pages_with_results and not _unit_like(name)):
            continue
        for c, text in enumerate(row.cells):
            for part in [text, *text.split()]:
                if len(letters := scan_glued.letters(part)) >= 3:
                    found.setdefault(c, set()).add(letters)
    return found


def _filled_columns(table: Table) -> list[int]:
    """The columns some row of the table writes a letter or a digit in (a scan's specks, `<`, are none)."""
    return [c for c in range(table.n_cols)
            if any(c < len(r.cells) and re.search(r"[0-9A-Za-zก-๙]", r.cells[c]) for r in table.rows)]


def _cut_columns(row: TableRow, columns: list[int]) -> TableRow:
    """The row with only `columns`."""
    def pick(values: list) -> list:
        return [values[c] if c < len(values) else None for c in columns] if values else values
    return replace(row, cells=[row.cells[c] if c < len(row.cells) else "" for c in columns],
                   sources=pick(row.sources), spanned=[bool(v) for v in pick(row.spanned)] if row.spanned else [])


def side_by_side(table: Table, previous: int | None = None) -> tuple[list[Table], int | None]:
    """A table printed as two (or three) side by side on a wide page (`ที่ ชื่อ คะแนน ระดับ | ที่ ชื่อ คะแนน ระดับ`):
    its parts, left to right, each read as a table of its own, so the units of the left part come first and no
    row takes the right part's scores; and the parts' width. Parts are runs of equal width whose headers name
    no role differently at the same place (a scan may lose a word of one: `ที่` read `i`), each naming a name
    and a result (total, level or tool). A table without a header (a later page) of the width of `previous`
    parts' tables is cut the same way. Otherwise the table is one."""
    if _is_scanned(table) and table.n_cols > 4 and (filled := _filled_columns(table)) != list(range(table.n_cols)):
        # a column no row writes in, header included (a scan's rule or a stamp's ring the grid took for a
        # column's edge, under a header spanning both: ที่ ชื่อ คะแนน · ระดับ | ที่ ชื่อ คะแนน ระดับ), is no column
        # of either part
        narrowed = Table([_cut_columns(r, filled) for r in table.rows], list(table.pages), len(filled),
                         [table.header[c] for c in filled if c < len(table.header)] if table.header else [])
        parts, width = side_by_side(narrowed, previous)
        if width is not None:
            return parts, width
    headers, n_header = _header_rows(table)
    roles = [header_role(h) for h in headers]
    width = None
    if n_header:
        for k in (2, 3):
            if table.n_cols % k or table.n_cols // k < 3:
                continue
            w = table.n_cols // k
            parts = [roles[i * w:(i + 1) * w] for i in range(k)]
            places = [{p[at] for p in parts} - {None} for at in range(w)]
            if all(len(named) <= 1 for named in places) and all(
                    "name" in p and any(r in ("total", "level", *POINT_FIELDS) for r in p) for p in parts):
                width = w
                break
    elif previous and table.n_cols % previous == 0 and table.n_cols > previous:
        width = previous
    if width is None:
        return [table], None

    def cut(row: TableRow, a: int, b: int) -> TableRow:
        return replace(row, cells=row.cells[a:b], sources=row.sources[a:b], spanned=row.spanned[a:b])

    bounds = [(a, a + width) for a in range(0, table.n_cols, width)]
    return [Table([cut(r, a, b) for r in table.rows], list(table.pages), width,
                  table.header[a:b] if table.header else []) for a, b in bounds], width


def from_tables(tables: list[Table], year: int | None) -> Announcement:
    reader = _Reader(year)
    previous: Columns | None = None
    parts: list[Table] = []
    width = None
    for whole in tables:
        cut, width = side_by_side(whole, width)
        parts += cut
    for table in parts:
        columns, n_header = table_columns(table, previous, year)
        if columns is None:
            continue
        previous = columns
        scanned = _is_scanned(table)
        headers = _header_texts(table.rows, columns) if scanned else {}
        score_roles = {"total", *POINT_FIELDS}
        body: list[tuple[list[str], list[Provenance | None], int] | str] = []  # rows, or a section's text
        for row in table.rows[n_header:]:
            if row.kind == "header" or _names_columns(row.cells) and not any(
                    parse_number(c)[0] is not None or _SCORE_TOKEN.search(c) for c in row.cells):
                continue  # a header repeated on a later page (a page's last row that the OCR grid glued the
                # next page's header onto holds its scores still: `93.89 IIT`)
            if row.kind == "section":
                body.append(" ".join(c for c in row.cells if c.strip()))
                continue
            cells = [scan_glued.strip_header(c, headers.get(i), columns.roles.get(i) in score_roles)
                     for i, c in enumerate(row.cells)] if headers else row.cells
            last = body[-1] if body and not isinstance(body[-1], str) else None
            if scanned and last is not None and last[2] < row.page and \
                    (joined := _cut_row(last[0], last[1], cells, list(row.sources), columns)):
                body[-1] = (*joined, last[2])  # the rest of a row the page break cut, not a row of its own
                continue
            body.append((list(cells), list(row.sources), row.page))
        reader.one_decimal = one_decimal([item[0] for item in body if not isinstance(item, str)], columns)
        start = len(reader.rows)
        for item in body:
            if isinstance(item, str):
                reader.section(item)
            else:
                reader.add(item[0], item[1], columns, item[2])
        if scanned:
            reader.letters_only(start)
            reader.improve_lost_first_word(start)
    return Announcement(reader.rows, reader.warnings)


# the first line of a number a narrow cell wrapped (`7`, `92.3`), maybe with a word the OCR grid glued on (`7 เห`)
_FRAGMENT = re.compile(r"^(\d{1,3}(?:\.\d?)?)[^\d.]*$")
_REST = re.compile(r"^\.?\d{1,4}(?:\.\d{1,2})?$")  # and its next line (`5.90`, `9`)
CUT_CONFIDENCE = 0.5  # a number joined from two pages' lines: an unsure reading, for the row's checksums only


def _cut_row(cells: list[str], sources: list[Provenance | None], rest: list[str],
             rest_sources: list[Provenance | None], columns: Columns) -> tuple[list[str], list] | None:
    """A scanned page's first row that is the rest of the previous page's last row (the scanner's grid cannot
    join them; a printer cut the row at the page foot): no rank, total or level of its own, a name that does
    not open like a unit's (`ตูม` of `…ตำบลเขา` / `ตูม`), and every number it holds the next line of a number
    the row above broke off (`7` / `5.90`, the cell too narrow for 75.90). Returns the joined row, numbers
    joined digit to digit with an unsure source (only the row's checksums may take them), or None."""
    def at(row: list[str], role: str) -> str:
        c = columns.of(role)
        return compact(row[c]) if c is not None and c < len(row) else ""

    if any(at(rest, role) for role in ("rank", "total", "level")) or _unit_like(_clean_name(at(rest, "name"))):
        return None
    numbers = [c for c, r in columns.roles.items() if r in POINT_FIELDS and c < len(rest) and c < len(cells)]
    continued = [c for c in numbers if compact(rest[c])]
    broken = [c for c in continued if _FRAGMENT.match(compact(cells[c]))]
    # (the cell above may also be empty, or hold no digit: a header word the OCR grid glued there)
    if not broken or not all(_REST.match(compact(rest[c])) and (
            c in broken or not re.search(r"\d", cells[c])) for c in continued):
        return None
    out, out_sources = list(cells), list(sources)
    for c in range(min(len(cells), len(rest))):
        if not rest[c].strip():
            continue
        if c in continued:
            # a cell above with no digit but some ink read (a glued word) lost this number's first line
            head = _FRAGMENT.match(compact(cells[c])).group(1) if c in broken else ""
            out[c] = head + compact(rest[c]) if c in broken or not cells[c].strip() else UNREAD
            first = sources[c] if c < len(sources) else None
            if (where := first or (rest_sources[c] if c < len(rest_sources) else None)) is not None:
                out_sources[c] = Provenance(where.page, where.bbox, out[c], "template", CUT_CONFIDENCE)
        else:
            out[c] = (tidy(f"{cells[c]}{rest[c]}") if columns.roles.get(c) == "name" else tidy(f"{cells[c]} {rest[c]}")) or ""
    return out, out_sources


# ---------------------------------------------------------------- rows from aligned lines (no grid found)
_TOKEN_NUMBER = re.compile(r"^(?:\d{1,3}\.\d{1,2}|\d{1,3}|[-–—])$")


def _line_roles(pages: list[PageLayout]) -> list[str]:
    """Score roles in the order a header line names them (`IIT EIT OIT รวม`), else []."""
    for page in pages:
        for line in page.lines:
            words = line.text.split()
            roles = [r for w in words if (r := header_role(w)) in (*POINT_FIELDS, "total")]
            if len([r for r in roles if r in POINT_FIELDS]) >= 2:
                return roles
    return []


def from_lines(pages: list[PageLayout], year: int | None) -> Announcement:
    """Rows written as lines `[rank] name number... [level]`, for pages where no table grid was found."""
    order = _line_roles(pages)
    parsed: list[tuple[list[str], Provenance]] = []
    for page in pages:
        for line in page.lines:
            tokens = line.text.split()
            level_tokens: list[str] = []
            while tokens and not _TOKEN_NUMBER.match(compact(tokens[-1])) and len(level_tokens) < 2:
                level_tokens.insert(0, tokens.pop())
            numbers: list[str] = []
            while tokens and _TOKEN_NUMBER.match(compact(tokens[-1])):
                numbers.insert(0, tokens.pop())
            rank = tokens.pop(0) if tokens and _RANK.match(compact(tokens[0])) else ""
            name = " ".join(tokens)
            if not numbers or not any("." in n for n in numbers) or len(re.findall(r"[ก-ฮ]", name)) < 3:
                continue
            parsed.append(([rank, name, *numbers, " ".join(level_tokens)], line.provenance))
    if len(parsed) < MIN_ROWS:
        return Announcement([], [])
    width = max(len(cells) for cells, _ in parsed)
    n_numbers = width - 3
    if len(order) != n_numbers and any(source.engine in _SCAN_ENGINES for _, source in parsed):
        return Announcement([], [])  # scanned lines without a header naming their numbers: roles unknown
    roles = {0: "rank", 1: "name", width - 1: "level"}
    score_roles = order if len(order) == n_numbers else (
        ["total"] if n_numbers == 1 else ["IIT", "EIT", "OIT", "total"][-n_numbers:] if n_numbers <= 4
        else ["IIT", "EIT1", "EIT2", "OIT", "total"][-n_numbers:])
    roles.update({2 + i: role for i, role in enumerate(score_roles)})
    columns = Columns(roles)
    rows = [cells[:2] + cells[2:-1] + [""] * (width - len(cells)) + cells[-1:] for cells, _ in parsed]
    columns.points = _holds_points(rows, columns)
    reader = _Reader(year)
    for cells, (_, source) in zip(rows, parsed):
        reader.add(cells, [source] * len(cells), columns, source.page)
    return Announcement(reader.rows, reader.warnings)


def read_announcement(pages: list[PageLayout], tables: list[Table], year: int | None) -> Announcement:
    """The unit rows of a document, from its tables, else from its aligned lines."""
    found = from_tables(tables, year)
    if len(found.rows) >= MIN_ROWS:
        return found
    lines = from_lines(pages, year)
    return lines if len(lines.rows) > len(found.rows) else found


_TITLE_PROVINCE = re.compile(r"จังหวัด\s*([ก-ฮเ-ไ][ก-๙]+?)(?=เรื่อง|ประจำ|ปีงบ|ผลการ|พ\.ศ|ที่|ชื่อ|[\s\d(]|$)")


def title_province(title: str) -> str | None:
    """`…ในเขตจังหวัดปัตตานี`: the province whose units the announcement lists."""
    match = _TITLE_PROVINCE.search(title or "")
    return match.group(1) if match else None


# What a unit's name starts with (or a type column says): local governments, colleges, schools, hospitals,
# offices. Budget lines, indicators and tender clauses do not.
_UNIT_WORDS = ("องค์การบริหารส่วน", "องค์กรปกครอง", "เทศบาล", "อบต", "อบจ", "ทต", "ทม", "ทน", "วิทยาลัย", "มหาวิทยาลัย",
               "โรงเรียน", "โรงพยาบาล", "สำนักงาน", "จังหวัด", "อำเภอ", "ที่ว่าการ", "กรม", "กอง", "ศูนย์", "สถาบัน",
               "สถานี", "ศาล", "เมืองพัทยา", "กรุงเทพ", "การไฟฟ้า", "การประปา", "การท่าเรือ", "ธนาคาร", "สหกรณ์")
_UNIT_WORD = re.compile("^(?:" + "|".join(_UNIT_WORDS) + ")")
SHARE = 0.6  # of the rows that must show a trait for the table to be an announcement
_UNIT_SKELETONS = tuple(skeleton(w) for w in _UNIT_WORDS)


def _unit_like(name: str) -> bool:
    """A name starting like a unit's, also as OCR reads it (marks lost: `องคการบริหาร…`)."""
    key = skeleton(compact(_clean_name(name)))
    return any(key.startswith(w) for w in _UNIT_SKELETONS if w)


def looks_like_announcement(found: Announcement) -> bool:
    """Many rows of distinct units (not indicators, budget lines or clauses), most with a result, and ITA
    evidence: levels on the year's scale, or unit names with tool scores or a total."""
    rows = found.rows
    names = [r.unit_raw for r in rows if r.unit_raw]
    if len(set(names)) < MIN_ROWS or sum(1 for r in rows if r.stated()) < SHARE * len(rows):
        return False
    if sum(1 for n in names if match_indicator(n) is not None) * 2 >= len(names):
        return False
    n = len(rows)
    on_scale = sum(1 for r in rows if r.level in LETTER_LEVELS + THAI_LEVELS)
    units = sum(1 for r in rows if _UNIT_WORD.match(compact(r.unit_raw)) or r.unit_type_raw)
    scored = sum(1 for r in rows if r.overall_score is not None or any(
        getattr(r, f) is not None for f in Assessment.POINTS + ("iit", "eit", "oit")))
    return (on_scale >= SHARE * n and units >= SHARE * n / 2) or (units >= SHARE * n and scored >= SHARE * n)
