"""Scores: overall score and level, per-tool scores, the ten indicator scores, per-question scores.

Every pattern runs on skeleton text (see text.py) so that wrapped lines, stray spaces and lost Thai marks do
not matter; numbers are untouched by it.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from normalizers import catalog
from normalizers.codes import normalize_code, resolve_code
from normalizers.levels import THAI_LEVELS, normalize_level
from normalizers.scores import parse_score
from parsers.ita.statements import count_columns, weighted_columns
from parsers.ita.text import NUMBER, compact, skeleton, tidy
from parsers.ocr_digits import UNREAD

from parsers.records import Assessment, IndicatorScore, PageLayout, Provenance, QuestionScore, Table

# What scans get wrong (a score `00.00` that lost its 1, `011` for OIT, `8` for the level B, `ค` for `ด` in level
# words, `10000` for 100.00, digits mixed with look-alike letters or signs, `l9` for i9, a tool read as strokes
# before an indicator's name) is repaired or refused by the scan layer (parsers/scan_cleanup.py) before this
# grammar sees OCR'd text.
SCORE = NUMBER

# Level names appear here without their marks, as in skeleton text.
_LEVELS = {skeleton(level): level for level in THAI_LEVELS}
_LEVEL = "(" + "|".join(sorted(_LEVELS, key=len, reverse=True)) + r"|AA|[A-F](?![A-Z]))"
_OVERALL = re.compile(
    rf"(?:มผลคะแนน|คะแนนภาพรวม|คะแนนการประเมนรวม|ผลคะแนนรวม|คะแนนรวม|ไดคะแนน(?:ITA|รวม|ภาพรวม))"
    # a score a scan left unread (the scan layer's UNREAD) is not taken but still places the level
    rf"[^\d]{{0,80}}?:?({SCORE}|{UNREAD})คะแนน")
_LEVEL_AFTER = re.compile(rf"^.{{0,40}}?ระดบ(?:ผลการประเมน)?(?:คอ)?[:\"“”']*{_LEVEL}")
_LEVEL_ALONE = re.compile(rf"ระดบผลการประเมน(?:ITA)?(?:คอ)?[:\"“”']*{_LEVEL}")
# `IIT 97.11`, `EIT ส่วนที่ 1 97.36`, `EIT (2) 99.16`, `- OIT (การเปิดเผยข้อมูลสาธารณะ) : 97.50 คะแนน`
_TOOL_LINE = re.compile(rf"^[-•*]?(?:แบบวด)?\(?(IIT|EIT|OIT)\)?(?:\([^\d)]*\))?"
                        rf"(?:\(?สวนท([12])\)?|\(([12])\))?[:=]?({SCORE})(?:คะแนน)?$")
# A score never opens with a zero before a digit (`(07)` is a tool's code a scan misread, `07` a code).
# A one-digit score is followed by `คะแนน` or nothing (else it is the list number of a measure line,
# `การทุจริต3บังคับใช้`); a score is not followed by an unread mark (the scan layer refuses a number with a
# look-alike sign glued to it, `9@.78`, and writes a tool read as strokes before a name, `111การ…`, as the tool).
# A list number of digits (or one the scan layer refused, `#`: a garbled `lo.` is made `#.` there) or a Thai letter (`ก.`, `(ก)`)
# may lead. The name holds no digit, no point, no unread number and no `คะแนน`: past a score word or an unread number
# (`3 การใช้อำนา# คะแนน` joined with the next line `4 การใช้ทรัพย์สิน…`) the next number is another row's.
_INDICATOR = re.compile(
    rf"^(?:ตวชวดท)?(?:[\d{UNREAD}]{{1,2}}[.)]?|\(?[ก-ฮ][.)])?(?:IIT|EIT|OIT)?(?P<name>(?:(?!คะแนน)[^\d.{UNREAD}]){{4,45}}?)"
    rf"(?:ไดคะแนน|ได|คะแนน|:)*(?P<score>(?!\d(?![\d.]|คะแนน|$))(?!0\d){SCORE})(?:คะแนน|$|[^\d.{UNREAD}])")
# A code's letter, or what documents type for it (`l ๒๔` for i24, `๑๒๓*` for i23, `๐๗` for o7: the printed
# forms normalizers/codes.py reads). What OCR makes of a letter (`611`, `013` in EIT's table for e13) is the scan
# layer's to repair (scan_cleanup._CODE_*) before the grammar sees the cell; one it could not is no code here.
_QUESTION_CODE = re.compile(r"^\s*([iIl|eEoO01])\s*(\d{1,2})(?!\d)\s*\*?\s*")
# A short token where the code is printed that is no code (a code a scan refused, `#`, or damaged, `em`): the
# row's question is known by its wording (_code_from_text).
_GARBLED_CODE = re.compile(r"^\s*(\S{1,4})\s+(?=\S)")
# A score cell is a number and nothing else (a cell `ฒฒ.โ26จ`, `7352.` is refused, not mined).
_SCORE_CELL = re.compile(rf"^\(?{SCORE}\)?(?:คะแนน|%)?$")


def overall(text: str) -> Assessment | None:
    """Overall score and level from the document text (first statement wins)."""
    text = skeleton(text)
    match = _OVERALL.search(text)
    if not match:  # the score may be unreadable (OCR) while the level statement is not
        level = _LEVEL_ALONE.search(text)
        return Assessment(level=_level(level.group(1))) if level else None
    garbled = not re.fullmatch(SCORE, match.group(1))
    assessment = Assessment(overall_score=None if garbled else parse_score(match.group(1)))
    if level := _LEVEL_AFTER.search(text[match.end():match.end() + 120]):
        assessment.level = _level(level.group(1))
    return assessment


def _level(found: str) -> str | None:
    return normalize_level(_LEVELS.get(found, found))


def tool_scores(lines: list[str], assessment: Assessment) -> None:
    """Fill IIT / EIT / EIT part 1-2 / OIT from `IIT 97.11`, `EIT ส่วนที่ 1 97.36` lines or table rows."""
    for line in lines:
        match = _TOOL_LINE.match(skeleton(line))
        if not match:
            continue
        tool, part = match.group(1), match.group(2) or match.group(3)
        field = tool.lower() + (f"_part{part}" if part else "")
        if getattr(assessment, field) is None:
            setattr(assessment, field, parse_score(match.group(4)))


def _printed_in(sources: list[Provenance | None], score_text: str) -> Provenance | None:
    """Of the places a segment was read from (a row's cells, a line pair), the one that prints the score."""
    wanted = score_text.replace(" ", "")
    for source in sources:
        if source is not None and wanted in compact(source.text):
            return source
    return next((s for s in sources if s is not None), None)


def indicator_scores(segments: list[tuple[str, list[Provenance | None]] | str]) -> list[IndicatorScore]:
    """Indicator scores from text segments (lines, line pairs, table rows), each a text or a (text, the places
    it was read from) pair, resolved by name; the first score found for an indicator wins, placed where it
    is printed."""
    found: dict[int, IndicatorScore] = {}
    for item in segments:
        segment, sources = item if isinstance(item, tuple) else (item, [])
        match = _INDICATOR.match(skeleton(segment))
        if not match:
            continue
        number = _indicator_by_name(match.group("name"))
        score = parse_score(match.group("score"))
        if number is None or score is None or number in found:
            continue
        found[number] = IndicatorScore(number, catalog.indicator_name(number), catalog.tool_of_indicator(number),
                                       score, _printed_in(sources, match.group("score")))
    return [found[n] for n in sorted(found)]


# Catalog indicator names (and variants) compared mark-free, like the text they are matched against.
_INDICATOR_KEYS = {skeleton(name): number for number, names in catalog.indicator_names().items() for name in names}


def _indicator_by_name(name: str, cutoff: float = 85) -> int | None:
    """Indicators are known by name: printed numbers restart per tool in some documents (seed 000)."""
    key = skeleton(name)
    if len(key) < 4:
        return None
    found = process.extractOne(key, list(_INDICATOR_KEYS), scorer=fuzz.ratio, score_cutoff=cutoff)
    return _INDICATOR_KEYS[found[0]] if found else None


def segments(pages: list[PageLayout], tables: list[Table],
             year: int | None = None) -> list[tuple[str, list[Provenance | None]]]:
    """Candidate text pieces for indicator lines, each with the places it was read from: table rows (their
    cells), lines, and each line joined with the next (a score wrapped onto the following line). A table
    with a column per year (`ปี 2567 | ปี 2566 | ผลต่าง`) gives its rows without the other years' columns (and one
    of weights and weighted points without those), and the page lines across such a table are left out: a line runs the years' numbers together, so which one is
    this year's is only known from the columns (a scan that garbled one of them would leave the other)."""
    pieces, by_year = [], []
    for table in tables:
        # columns of other years, and columns of counts (questions, respondents: statements.count_columns)
        body = [r.cells for r in table.rows if r.kind != "header"]
        # and weights and weighted points beside the scores (statements.weighted_columns: by their checksum)
        others = other_year_columns(table, year) | count_columns(table.header, body) | weighted_columns(body)
        if others:
            by_year += [s for row in table.rows for s in row.sources if s is not None]
        for row in table.rows:
            kept = [c for c in range(len(row.cells)) if c not in others]
            pieces.append((" ".join(row.cells[c] for c in kept), [row.source(c) for c in kept]))
    for page in pages:
        lines = [line for line in page.lines if not across(line.provenance, by_year)]
        for number, line in enumerate(lines):
            pieces.append((line.text, [line.provenance]))
            if number + 1 < len(lines):
                pieces.append((line.text + " " + lines[number + 1].text, [line.provenance, lines[number + 1].provenance]))
    return pieces


def across(line: Provenance, cells: list[Provenance]) -> bool:
    """Whether a page line runs through one of these table cells (same page, overlapping it vertically by most
    of the line's height, and horizontally)."""
    x0, top, x1, bottom = line.bbox
    for cell in cells:
        cx0, ctop, cx1, cbottom = cell.bbox
        if cell.page == line.page and min(bottom, cbottom) - max(top, ctop) > 0.5 * (bottom - top) \
                and min(x1, cx1) > max(x0, cx0):
            return True
    return False


_YEAR_CELL = re.compile(r"\D{0,20}(25\d\d)\D{0,20}")
# A year heading whose year a scan left unread (`ปี#`, `ปี 25#7`, `พ.ศ. #`): a year column all the same.
_UNREAD_YEAR_CELL = re.compile(rf"\D{{0,8}}(?:ป|พ\.?ศ\.?)\D{{0,2}}[\d{re.escape(UNREAD)}]{{0,3}}{re.escape(UNREAD)}"
                               rf"[\d{re.escape(UNREAD)}]{{0,3}}\D{{0,4}}")


def other_year_columns(table: Table, year: int | None) -> set[int]:
    """The columns of a table headed (its header, else its first row) by a year other than this one: the
    assessment year's column is kept where one is headed by it, else the latest year's (a document sets this
    year beside the last). A year heading left unread is another year's when this year's is read; when this
    year's is not, no year column can be told to be this year's and all are left out."""
    cells = table.header or (table.rows[0].cells if table.rows else [])
    years = {c: int(m.group(1)) for c, cell in enumerate(cells) if c and (m := _YEAR_CELL.fullmatch(compact(cell)))}
    unread = {c for c, cell in enumerate(cells) if c and c not in years and _UNREAD_YEAR_CELL.fullmatch(compact(cell))}
    if unread and years:
        return unread | {c for c, y in years.items() if y != year}
    if len(set(years.values())) < 2:
        return set()
    this = year if year in years.values() else max(years.values())
    return {c for c, y in years.items() if y != this}


def _is_question_header(cells: list[str]) -> bool:
    joined = skeleton(" ".join(cells))
    return ("ขอคำถาม" in joined or "ขอความ" in joined) and "คะแนน" in joined


def _question_code(text: str, tool: str | None, year: int | None = None) -> tuple[str | None, str]:
    """(canonical code, rest of the text) for a cell opening with a question code (`e2* หน่วยงาน…`).

    A digit standing for the letter (`19`: `1` for i) is ambiguous (`19` may be i9, or i19 with its letter
    retyped `119`): the reading whose catalog wording matches the text better wins. That is the catalog's
    meaning, so it stays here; the table's tool only rules out another tool's code."""
    match = _QUESTION_CODE.match(text)
    if not match:
        return None, text
    letter, digits = match.group(1), match.group(2)
    rest = text[match.end():]
    candidates = [letter + digits]
    if letter == "1" and len(digits) == 1:
        candidates.append("i1" + digits)
    codes = [code for code in map(normalize_code, candidates)
             if code is not None and not (tool and code[0] != tool[0].lower())]
    if not codes:
        return None, text
    if len(codes) > 1 and year is not None:
        codes.sort(key=lambda code: -catalog.question_score(code, tidy(rest), year))
    return codes[0], rest


def question_scores(tables: list[Table], year: int | None) -> tuple[list[QuestionScore], list[str]]:
    """Per-question scores from weak-point tables `แบบวัด | ตัวชี้วัด | ข้อคำถาม | คะแนน | การวิเคราะห์`,
    and warnings for printed codes that are not in the year's catalog.

    Tables continued on a new page without their header keep the columns of the table before."""
    questions: list[QuestionScore] = []
    warnings: list[str] = []
    columns: dict[str, int] | None = None
    tool: str | None = None
    indicator: int | None = None
    for table in tables:
        rows = list(table.rows)
        header = table.header or (rows[0].cells if rows else [])
        if _is_question_header(header):
            columns = _code_column(_question_columns(header), rows)
        elif columns is None or not _looks_like_continuation(rows, columns):
            columns = None
            continue
        for row in rows:
            if row.kind == "header" or _is_question_header(row.cells):
                continue
            cells = row.cells + [""] * (max(columns.values()) + 1 - len(row.cells))
            number = _indicator_cell(cells[columns["indicator"]]) if "indicator" in columns else None
            if "tool" in columns:
                # A tool cell that names no tool (a name in words, or one a scan left unreadable, `บ1`) gives
                # the tool of the row's indicator: an indicator belongs to one tool (the catalog's meaning, so it
                # stays in the grammar; the scan layer cannot know a cell is the tool's column).
                tool_text = cells[columns["tool"]]
                tool = _tool_cell(tool_text) or (catalog.tool_of_indicator(number) if tool_text.strip() else None) or tool
            if number:
                indicator = number
            question_text = cells[columns["question"]]
            if "code" in columns and cells[columns["code"]].strip():
                question_text = f"{cells[columns['code']].strip()} {question_text}"
            for text, score_text in _split_merged(question_text, cells[columns["score"]], tool):
                code, rest = _question_code(text, tool, year)
                score = parse_score(score_text) if _SCORE_CELL.match(compact(score_text)) else None
                recovered = False
                if code is None and score is not None and tool:
                    code, rest = _code_from_text(text, tool, year)
                    recovered = code is not None
                if code is None and score is not None:
                    # A row whose tool and indicator cells name nothing (`เท`, `Wine` as a scan read IIT's) may
                    # belong to another tool than the row before: a wording that names one question of the year
                    # clearly, in any tool, gives both (the catalog's meaning, so it stays in the grammar).
                    code, rest = _code_from_any_tool(text, year)
                    recovered = code is not None
                    if recovered:
                        tool = getattr(catalog.question(code, year), "tool", None) or tool
                if recovered:
                    warnings.append(f"question code {text.split()[0]!r} unreadable; {code} from its text")
                if code and score is not None:
                    resolved = resolve_code(code, year, tidy(rest))
                    if resolved.warning:
                        warnings.append(f"question {code}: {resolved.warning}")
                    if resolved.code:
                        questions.append(QuestionScore(
                            resolved.code, resolved.tool or tool, indicator or resolved.indicator, score,
                            tidy(rest), resolved.corrected or recovered, row.source(columns["score"])))
                elif questions and not code and text.strip():
                    questions[-1].text = tidy(f"{questions[-1].text or ''} {text}")
    unique = {}
    for question in questions:
        unique.setdefault(question.code, question)
    return list(unique.values()), warnings


def _code_from_text(text: str, tool: str | None, year: int | None, min_score: float = 90.0) -> tuple[str | None, str]:
    """(code, question text) for a scored row whose printed code is unreadable, when the question's wording
    clearly names one question of the tool in the year's catalog; (None, text) otherwise."""
    garbled = _GARBLED_CODE.match(text)
    starts = [garbled.end()] if garbled else []
    best: tuple[str, float, str] | None = None
    for start in starts:
        question = text[start:].strip()
        matched = _unique_question(tidy(question), year, tool, min_score)
        if matched and (best is None or matched[1] > best[1]):
            best = (matched[0], matched[1], question)
    return (best[0], best[2]) if best else (None, text)


_WORDING_LEAD = 5.0  # lead a question's wording needs over every other code's to name a code nobody printed


def _unique_question(text: str, year: int | None, tool: str | None, min_score: float) -> tuple[str, float] | None:
    """(code, score) of the one catalog question whose wording matches `text`, or None when another code's
    wording comes close: the catalog prints ท่านรู้แนวปฏิบัติ… under i19 and i23 (numbering variants), and a
    guess between them is a wrong code."""
    ranked = sorted(catalog.question_matches(text, year, tool).items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < min_score or (len(ranked) > 1 and ranked[1][1] > ranked[0][1] - _WORDING_LEAD):
        return None
    return ranked[0]


_ANY_TOOL_MIN = 95.0  # wording score a question matched across every tool needs


def _code_from_any_tool(text: str, year: int | None) -> tuple[str | None, str]:
    """`_code_from_text` against every tool of the year's catalog (IIT and EIT ask parallel questions: a close
    second of any tool is refused), with a stricter wording score."""
    return _code_from_text(text, None, year, _ANY_TOOL_MIN)


def _split_merged(question: str, score: str, tool: str | None) -> list[tuple[str, str]]:
    """Rows the layout merged (`e 1 หน่วยงาน… e 2 หน่วยงาน… | 76.12 81.05`) split back into one (question,
    score) pair per code, when the number of codes and of scores agree."""
    scores = re.findall(NUMBER, compact(score))
    if tool is None or len(scores) < 2:
        return [(question, score)]
    letter = tool[0].lower()
    starts = [m.start(1) for m in re.finditer(rf"(?:^|\s)([{letter}{letter.upper()}]\s?\d{{1,2}}\*?\s)", question)]
    if len(starts) != len(scores):
        return [(question, score)]
    bounds = starts[1:] + [len(question)]
    return [(question[a:b], value) for a, b, value in zip(starts, bounds, scores)]


def _question_columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = skeleton(cell)
        if "แบบวด" in key or "เครองมอ" in key:
            columns.setdefault("tool", index)
        elif "ขอคำถาม" in key or "ขอความ" in key:
            columns.setdefault("question", index)
        elif "ตวชวด" in key:
            columns.setdefault("indicator", index)
        elif "คะแนน" in key:
            columns.setdefault("score", index)
    columns.setdefault("question", 2)
    columns.setdefault("score", columns["question"] + 1)
    return columns


_LONE_CODE = re.compile(r"^[iIeEoO]\d{1,2}\*?$")
CODE_COLUMN_SHARE = 0.6  # of a column's filled cells that are a lone code (`i๑`, `o๒๓`) to be the codes' column


def _code_column(columns: dict[str, int], rows) -> dict[str, int]:
    """The questions' codes printed in a column of their own (`รหัสข้อ | ข้อคำถาม | คะแนน`), known by its cells:
    they are lone codes, and the question cells do not open with one."""
    if _looks_like_continuation(rows, columns):
        return columns
    for index in range(max((len(r.cells) for r in rows), default=0)):
        if index in columns.values():
            continue
        filled = [compact(r.cells[index]) for r in rows if index < len(r.cells) and r.cells[index].strip()]
        if filled and sum(bool(_LONE_CODE.match(c)) for c in filled) >= CODE_COLUMN_SHARE * len(filled):
            return {**columns, "code": index}
    return columns


def _looks_like_continuation(rows, columns) -> bool:
    return any(_QUESTION_CODE.match(r.cells[columns["question"]]) for r in rows
               if len(r.cells) > columns["question"])


def _tool_cell(text: str) -> str | None:
    match = re.search(r"(IIT|EIT|OIT)", text.upper())
    return match.group(1) if match else None


def _indicator_cell(text: str) -> int | None:
    match = re.search(r"(\d{1,2})", compact(text))
    if match and 1 <= int(match.group(1)) <= 10:
        return int(match.group(1))
    return catalog.match_indicator(text)
