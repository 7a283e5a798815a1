"""Score statements found by meaning, not by one sentence's shape.

Units state their results in many wordings (`ได้คะแนนรวมเท่ากับ 91.27 คะแนน ระดับ A`, `ผลคะแนนภาพรวม = 79.50
คะแนน (ระดับ B)`, `อยู่ในระดับผ่านดี ด้วยคะแนน 92.35`) and in small tables (`เครื่องมือ | คะแนน`, weighted
points of 30/15/15/40). A number is the overall score when it stands where a score stands: 0-100, beside the
word for score, near words that say "overall" or a level of the year's scale, and not next to a tool, an
indicator, a question, a threshold (`85 คะแนนขึ้นไป`), a maximum (`จากคะแนนเต็ม 100`) or a target. When several
qualify, the one stated for the assessment year wins over last year's.

Tool scores are the numbers after a tool's name (IIT/EIT/OIT or its Thai name), told apart from the tool's
weight and its weighted points by the year's weights (points = weight x score / 100: a checksum).

Every pattern runs on skeleton text (parsers/ita/text.py): no marks, no spaces, Arabic digits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from normalizers import catalog
from normalizers.catalog import LETTER_LEVELS
from normalizers.levels import THAI_LEVELS, normalize_level
from normalizers.digits import to_arabic_digits
from parsers.ita.result_checks import level_range
from parsers.ita.text import skeleton
from parsers.ocr_digits import UNREAD

# A score is printed `7`, `7.00` or `0.00`, never with a leading zero: `07` is a code or a scan's reading of one
# (`(OIT)` read `(07)`), `00.00` a score that lost its first digit.
_NUMBER = re.compile(r"(?<![\d.])(?!0\d)(\d{1,3}(?:\.\d{1,2})?)(?![\d]|\.\d)")
# A number the scan layer could not read (parsers/ocr_digits.UNREAD) still holds its place among a row's numbers.
_NUMBER_OR_UNREAD = re.compile(rf"{_NUMBER.pattern}|(?<![\d.])({re.escape(UNREAD)})")
_YEAR = re.compile(r"(?<!\d)(25[5-9]\d)(?!\d)")  # a Buddhist-era year of the ITA's era (2550s-2590s)
_SCORE_WORD = "คะแนน"
# Words that say the number is the unit's overall result (weights: how strongly).
_OVERALL_CUES = (("ภาพรวม", 3), ("คะแนนรวม", 3), ("รวม", 2), ("ITA", 1), ("ผลการประเมน", 1), ("ได", 1),
                 ("เทากบ", 1), ("=", 1))
# Right before a number: it is a bound, a weight, a share or a target, not a result.
_NOT_A_RESULT_BEFORE = re.compile(
    r"(?:(?:เตม|นอยกวา|มากกวา|ตงแต|รอยละ|เกณฑ|คดเปน|เปาหมาย|ขนตำ|สงสด|ตำสด|(?<!ถวง)นำหนก|จำนวน|ขอท|ลำดบท)[^\d]{0,6}"
    r"|ขอ|ขอ\s?[iIeEoO])$")
# ราย counts people (`63 ราย`), but a word it opens does not (`รายการ`, `รายงาน`, `รายละเอียด`): a line after a score
# may start with one, and skeleton text has no space to tell them apart
_RAI = r"ราย(?!การ|งาน|ละเอยด|ได|จาย|ชอ)"
_NOT_A_RESULT_AFTER = re.compile(rf"^(?:คะแนน)?(?:ขนไป|ขึ้นไป|ลงมา|ตอนไป|ขอ(?!ง)|คน|{_RAI}|หนวยงาน|ป(?![ก-ฮ]))|^[-–]\d")  # ข้อ, not ของ
_RANGE_END = re.compile(r"\d[-–]$")
_STATED_FOR = re.compile(r"(?<!\d)(25[5-8]\d)[^\d]{0,8}$")  # a year right before the number: the year it is for
# A sign right before a number (`+8.45`, `(-2.30)`) makes it a change between two scores, never a score; a dash after a
# digit is a range's (`_RANGE_END`).
_SIGNED = re.compile(r"(?:^|[^\d])[+\-−±]$")
_TARGET = re.compile(r"เปาหมาย|คาดหวง|มงหวง|คาดวาจะ")  # a score aimed at is no score obtained
_TOOL_CUE = re.compile(r"IIT|EIT|OIT|แบบวด|แบบตรวจ|สวนท[12]|สวนไดสวนเสย|เปดเผยขอมลสาธารณะ")
_INDICATOR_CUE = re.compile(r"ตวชวด")
# Level words as they appear in skeleton text.
_THAI_LEVEL_KEYS = sorted(((skeleton(level), level) for level in THAI_LEVELS), key=lambda kv: -len(kv[0]))
# Without marks ผ่านดี and ผ่าน + ด้วย look alike (`ผานดวย` is ผ่านด้วย; ผ่านดีด้วย is `ผานดดวย`); ผ่านเกณฑ์ is no level.
_LEVEL_WORD = r"(?:ผานดเยยม|ผานด(?!วย)|ผาน(?!เกณฑ)|ตองปรบปรงโดยดวน|ตองปรบปรง)"
# The word for level may carry a short word of its own before the level (`ระดับผล : B`, `ระดับที่ได้จัด ผ่านดี`): a few
# letters, never the word for score (a level then belongs to another number).
_LEVEL_AFTER = re.compile(
    rf"^[^\d]{{0,45}}?(?:(?:ระดบ|กลม|เกรด)(?:(?!คะแนน)[^\d]){{0,10}}?[:\"“”'(\[]*(?P<a>AA|[A-F](?![A-Za-z])|{_LEVEL_WORD})"
    rf"|[(\"“'](?P<b>{_LEVEL_WORD}|AA|[A-F])[)\"”'])")
_LEVEL_BEFORE = re.compile(
    rf"ระดบ(?:ผลการประเมน)?(?:คอ|อยท|ท)?[:\"“”'(\[]*(?P<a>AA|[A-F](?![A-Za-z])|{_LEVEL_WORD})[^\d]{{0,40}}$")
# A level of the scale a few letters after the word for level or for the result (`อยู่ระดับ A`, `อันดับผลการประเมิน
# B`, `ผลการประเมินอยู่ในระดับ A`), never a letter of a Latin word (`ผลการประเมิน ITA`).
_LEVEL_ALONE = re.compile(
    rf"(?:ระดบ|ผลการประเมน|RatingScore)[^\d\n]{{0,12}}?(?<![A-Za-z])(AA|[A-F](?![A-Za-z])|{_LEVEL_WORD})")
# Words of a share before a number (`คิดเป็นร้อยละ`): a result when a level of the scale follows it.
_SHARE_BEFORE = re.compile(r"(?:รอยละ|คดเปน)[^\d]{0,6}$")
# `จำนวน 86.09 คะแนน`: an amount of points printed as a score is (the weighted mean, `ถ่วงน้ำหนัก`, is no weight)
_AMOUNT_BEFORE = re.compile(r"จำนวน[^\d]{0,6}$")


@dataclass
class Statement:
    score: float | None
    level: str | None
    printed: str | None  # the score as printed (skeleton), for locating it on the page
    refused: list[str] = field(default_factory=list)  # why candidate scores were not taken (for warnings)


def _level(found: str | None) -> str | None:
    if not found:
        return None
    for key, level in _THAI_LEVEL_KEYS:
        if found == key:
            return level
    return normalize_level(found)


_BETWEEN_NUMBERS = re.compile(r"(?<=\d)\s+(?=\d)")


def flat(text: str) -> str:
    """Skeleton text in which numbers that only white space separated stay apart (`30 | 92.50 | 27.75`)."""
    return skeleton(_BETWEEN_NUMBERS.sub("|", to_arabic_digits(text)))


def _cue_weight(before: str) -> int:
    """How strongly the words before a number say it is the overall result: the cues after the last tool,
    indicator or question mention only (`IIT 92.50` after `คะแนนรวม…` is the tool's)."""
    last_other = max((m.end() for m in _TOOL_CUE.finditer(before)), default=-1)
    last_other = max(last_other, max((m.end() for m in _INDICATOR_CUE.finditer(before)), default=-1))
    window = before[last_other + 1:] if last_other >= 0 else before
    weight = sum(value for cue, value in _OVERALL_CUES if cue in window)
    return 0 if last_other >= 0 and weight < 3 else weight


# Indicator names as they appear in skeleton text: a number right after one is that indicator's score.
_INDICATOR_KEYS = sorted({skeleton(name) for names in catalog.indicator_names().values() for name in names if name},
                         key=len, reverse=True)


def _after_indicator_name(before: str) -> bool:
    tail = before[-50:]
    return any(key in tail for key in _INDICATOR_KEYS if len(key) >= 6)


def _fits_level(score: float, level: str | None) -> bool:
    """A score and the level printed with it must agree: a letter's band (result_checks.level_range), and the
    2567 scale's pass mark of 85 (its finer bands are unverified: ita_rules.md)."""
    if level is None:
        return True
    if level in LETTER_LEVELS:
        low, high = level_range(level)
        return low <= score <= high
    passing = level in ("ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน")
    return passing == (score >= 85)


def _year_before(text: str, start: int) -> int | None:
    years = [int(m.group(1)) for m in _YEAR.finditer(text[max(0, start - 160):start])]
    return years[-1] if years else None


def overall(text: str, year: int | None) -> Statement | None:
    """The overall score and level a document states for `year` (the assessment year), by meaning."""
    s = flat(text)
    candidates, refused = [], []
    for match in _NUMBER.finditer(s):
        value = float(match.group(1))
        if not 0 <= value <= 100:
            continue
        start, end = match.span(1)
        before, after = s[max(0, start - 70):start], s[end:end + 70]
        near_word = _SCORE_WORD in before[-30:] or after.startswith((_SCORE_WORD, ")" + _SCORE_WORD))
        level = _LEVEL_AFTER.search(after)
        # A share with a level after it (`ร้อยละ 86.09 ระดับ A`) or an amount of points (`จำนวน 86.09 คะแนน`) is a
        # result although the words before it usually say "not a result".
        result_despite_words = "." in match.group(1) and level is not None and _SHARE_BEFORE.search(before)
        result_despite_words = result_despite_words or (
            bool(re.fullmatch(r"\d{1,3}\.\d{2}", match.group(1))) and after.startswith(_SCORE_WORD)
            and bool(_AMOUNT_BEFORE.search(before)))
        if (_NOT_A_RESULT_BEFORE.search(before) and not result_despite_words) or _NOT_A_RESULT_AFTER.search(after) \
                or _RANGE_END.search(before) or _TARGET.search(before[-35:]) or _YEAR.fullmatch(match.group(1)) \
                or _after_indicator_name(before) or _SIGNED.search(before):
            continue
        stated_for = _STATED_FOR.search(before)
        if year is not None and stated_for and int(stated_for.group(1)) < year:
            continue  # `(ปี 2564 ได้ 94.14 คะแนน)`: a score stated for an earlier year is not this year's
        # `ผลการวัดปี 2567 : 93.69 คะแนน`: a score stated for the assessment year itself, no tool or indicator
        # between the year and it, says the result as the words for "overall" do
        for_this_year = (year is not None and stated_for is not None and int(stated_for.group(1)) == year
                         and not _TOOL_CUE.search(before[stated_for.end(1) - len(before):])
                         and not _INDICATOR_CUE.search(before[stated_for.end(1) - len(before):]))
        level_text = (level.group("a") or level.group("b")) if level else None
        if level_text is None and (back := _LEVEL_BEFORE.search(before)) \
                and not _NUMBER.search(before[max(0, back.start() - 25):back.start()]):
            # a level before the number is its own unless a number stands right before that level: then it is
            # that number's (`86.87 ระดับ A ซึ่งลดลงจาก … 91.77`: the level is the first score's)
            level_text = back.group("a")
        # Without the word for score, a number is a score only as one is printed (two decimals) with a level.
        if not near_word and not ("." in match.group(1) and level_text):
            continue
        if not _fits_level(value, _level(level_text)):
            # a number the printed level contradicts: one of the two is misprinted, so the score is refused
            refused.append(f"overall score {value:g} refused: the level printed with it ({_level(level_text)}) "
                           f"contradicts it")
            continue
        weight = _cue_weight(before) + (2 if level_text else 0) + (2 if for_this_year else 0)
        if weight < 2:
            continue
        weight += "." in match.group(1)
        candidates.append((weight, start, value, _level(level_text), match.group(1), _year_before(s, start)))
    if not candidates:
        level = _LEVEL_ALONE.search(s)
        return Statement(None, _level(level.group(1)) if level else None, None, refused) if level or refused else None
    years = {c[5] for c in candidates if c[5] is not None}
    if year in years:
        wanted = year
    else:  # last year's score stated too: this year's is the latest one stated
        wanted = max((y for y in years if year is None or y <= year + 1), default=None)
    if wanted is not None and len(years) > 1:
        candidates = [c for c in candidates if c[5] in (wanted, None)] or candidates
    weight, _, value, level, printed, _ = max(candidates, key=lambda c: (c[0], -c[1]))
    if level is None:
        found = _LEVEL_ALONE.search(s)
        level = _level(found.group(1)) if found else None
    return Statement(value, level, printed, refused)


# A score column's header names the score (`ผลคะแนนรวม`, `คะแนนที่ได้`), not a weight, a maximum or weighted points;
# a level column's names the level (`ระดับผลการประเมิน`) and no score.
_NOT_A_SCORE_HEADER = re.compile(r"นำหนก|เตม|ถวง|ผลตาง|เพมขน|ลดลง")
_LEVEL_CELL = re.compile(rf"^[(\"“']*(?P<a>AA|[A-F]|{_LEVEL_WORD})[)\"”']*$")
_SCORE_CELL = re.compile(r"^\(?(?!0\d)(\d{1,3}(?:\.\d{1,2})?)\)?(?:คะแนน)?$")


def overall_by_year(header: list[str], rows: list[list[str]], year: int | None) -> Statement | None:
    """The overall score and level from a table of results by year, a row per year (`ปีงบประมาณ | ผลคะแนนรวม |
    ระดับผลการประเมิน` over `พ.ศ. ๒๕๖๕ | ๙๓.๕๘ | A` and `พ.ศ. ๒๕๖๖ | ๘๘.๑๕ | A`) or a column per year (`ปี ๒๕๖๕ | ปี
    ๒๕๖๖` over a score row and a level row): the assessment year's. Columns and rows are told by what their header
    or label names (the word for score, the word for level) and every row or column of values by its year; two
    years or more, each once, or nothing (an indicator's `คะแนน | ระดับ` table names no year). The score must be
    0-100 and agree with the level beside it, else it is refused."""
    if year is None or not header:
        return None
    heads = [flat(h) for h in header]
    score_cols = [i for i, h in enumerate(heads) if _SCORE_WORD in h and not _NOT_A_SCORE_HEADER.search(h)]
    level_cols = [i for i, h in enumerate(heads) if "ระดบ" in h and _SCORE_WORD not in h]
    pairs: dict[int, tuple[str, str | None]] = {}  # year -> (score cell, level cell)
    if len(score_cols) == 1 and len(level_cols) <= 1:
        for cells in rows:
            s = [flat(c) for c in cells]
            years = {int(m.group(1)) for i, c in enumerate(s) if i not in score_cols + level_cols
                     for m in _YEAR.finditer(c)}
            if len(years) != 1 or score_cols[0] >= len(s):
                return None  # a row that is no year's: not a table of results by year
            found = years.pop()
            if found in pairs:
                return None
            level = s[level_cols[0]] if level_cols and level_cols[0] < len(s) else None
            pairs[found] = (s[score_cols[0]], level)
    else:
        columns = {i: int(m.group(1)) for i, h in enumerate(heads) if (m := _YEAR.search(h)) and len(_YEAR.findall(h)) == 1}
        labels = [flat(cells[0]) if cells else "" for cells in rows]
        score_rows = [k for k, label in enumerate(labels) if _SCORE_WORD in label and not _NOT_A_SCORE_HEADER.search(label)
                      and not _TOOL_CUE.search(label) and not _INDICATOR_CUE.search(label)]
        level_rows = [k for k, label in enumerate(labels) if "ระดบ" in label and _SCORE_WORD not in label]
        if len(columns) < 2 or len(set(columns.values())) < len(columns) or 0 in columns or len(score_rows) != 1 \
                or len(level_rows) > 1:
            return None
        for column, found in columns.items():
            cells = rows[score_rows[0]]
            level = rows[level_rows[0]] if level_rows else None
            pairs[found] = (flat(cells[column]) if column < len(cells) else "",
                            flat(level[column]) if level is not None and column < len(level) else None)
    if len(pairs) < 2 or year not in pairs:
        return None
    score_text, level_text = pairs[year]
    score = _SCORE_CELL.match(score_text)
    level_match = _LEVEL_CELL.match(level_text) if level_text else None
    level = _level(level_match.group("a")) if level_match else None
    if not score or not 0 <= float(score.group(1)) <= 100:
        return Statement(None, level, None) if level else None
    value = float(score.group(1))
    if not _fits_level(value, level):
        return Statement(None, None, None, [f"overall score {value:g} refused: the level printed with it ({level}) "
                                             f"contradicts it"])
    return Statement(value, level, score.group(1))


# ---------------------------------------------------------------- tools
_TOOL_NAMES = (
    ("IIT", r"IIT|แบบวดการรบรของผมสวนไดสวนเสยภายใน|การรบรของผมสวนไดสวนเสยภายใน"),
    ("EIT", r"EIT|แบบวดการรบรของผมสวนไดสวนเสยภายนอก|การรบรของผมสวนไดสวนเสยภายนอก"),
    ("OIT", r"OIT|แบบตรวจการเปดเผยขอมลสาธารณะ|แบบวดการเปดเผยขอมลสาธารณะ|การเปดเผยขอมลสาธารณะ"),
)
_TOOL = re.compile("|".join(f"(?P<{tool}>{pattern})" for tool, pattern in _TOOL_NAMES))
_PARTS = re.compile(r"(?:สวนท|\(|(?<![ก-ฮ])ท)([12])(?![\d.])\)?")
WEIGHTED_WORDS = ("ถวงนำหนก", "คะแนนถวง")


@dataclass
class ToolReading:
    field: str  # iit, eit, eit_part1, eit_part2, oit
    score: float | None
    points: float | None
    refused: str | None = None  # why a row naming the tool gave no score (a warning where nothing else gives one)


def _weight(field: str, year: int | None) -> float:
    weights = catalog.weights(year)
    key = field.upper()
    if key == "EIT" and "EIT" not in weights:
        return weights["EIT_PART1"] + weights["EIT_PART2"]
    return weights.get(key, weights.get("EIT", 30.0))


# What a number counts (people, items, questions, times, units) when it stands right after it (`63 ราย`, `25 ข้อ`;
# ข้อมูล and ของ are no count), in skeleton text: one list for sentences, clauses and column headers.
_COUNT_NOUNS = rf"คน|{_RAI}|ทาน|ขอ(?!ง|มล)|ครง|หนวยงาน"
# Right after a number: a count, or indicators, tools or forms counted, so it is no score.
_COUNT_AFTER = re.compile(rf"^\|?(?:{_COUNT_NOUNS}|ตวชวด|เครองมอ|แบบวด)")


def _numbers(segment: str) -> list[str]:
    """The numbers of a segment in order, a count beside its noun (`63 ราย`) left out: a count is no score."""
    return [m.group(1) or m.group(2) for m in _NUMBER_OR_UNREAD.finditer(segment)
            if not _COUNT_AFTER.match(segment[m.end():])]


# A column header naming a count: `จำนวน…` (not of points or money) or a bracketed unit of people or items.
_COUNT_HEADER = re.compile(rf"จำนวน(?!คะแนน|เงน)|\((?:{_COUNT_NOUNS})\)")
_WHOLE_OR_NONE = re.compile(r"\d{1,5}|[-–]?")


def count_columns(header: list[str], rows: list[list[str]]) -> set[int]:
    """Columns that count (respondents, questions, items) rather than score, every cell a whole number or nothing:
    the header names a count, or, beside a column headed as scores that holds scores with decimals, the header
    names neither a score nor a weight (whole numbers beside scores are counts). Their numbers are never a tool's
    or an indicator's score (`IIT | 63 | 20 | 86.34`)."""
    def values(column: int) -> list[str]:
        return [flat(cells[column]) for cells in rows if column < len(cells)]
    scored = any(_SCORE_WORD in flat(cell) and any(re.fullmatch(r"\d{1,3}\.\d{1,2}", v) for v in values(column))
                 for column, cell in enumerate(header))
    found = set()
    for column, cell in enumerate(header):
        head = flat(cell)
        counted = bool(_COUNT_HEADER.search(head)) or (
            scored and column > 0 and bool(head) and _SCORE_WORD not in head and "นำหนก" not in head)
        if counted and any(values(column)) and all(_WHOLE_OR_NONE.fullmatch(v) for v in values(column)):
            found.add(column)
    return found


_PLAIN_NUMBER = re.compile(r"(?!0\d)\d{1,3}(?:\.\d{1,2})?")


def weighted_columns(rows: list[list[str]]) -> set[int]:
    """The weight and the weighted-points columns of a table of scores (`ตัวชี้วัด | 6 | 92.75 | 5.57`), found by the
    checksum points = weight x score / 100 holding on three rows or more and on nearly every row that fills the three
    columns: their numbers are never a score. The weight is the column whose numbers sum to 100 (the year's weights
    share the whole), else the one of whole numbers beside a score of decimals; when neither tells them apart, both
    factors are left out with the points (no score is read rather than the weight)."""
    def number(cells: list[str], column: int) -> float | None:
        text = flat(cells[column]) if column < len(cells) else ""
        return float(text) if _PLAIN_NUMBER.fullmatch(text) else None
    width = max((len(cells) for cells in rows), default=0)
    for a in range(width):
        for b in range(a + 1, width):
            for c in range(width):
                if c in (a, b):
                    continue
                filled = [(x, y, z) for cells in rows
                          if None not in (x := number(cells, a), y := number(cells, b), z := number(cells, c))]
                held = [(x, y, z) for x, y, z in filled if abs(x * y / 100 - z) <= 0.006 and z > 0]
                if len(held) < 3 or len(held) < 0.8 * len(filled):
                    continue
                sums = {a: sum(x for x, _, _ in held), b: sum(y for _, y, _ in held)}
                whole = {k: all(v == int(v) for v in ([x for x, _, _ in held] if k == a else [y for _, y, _ in held]))
                         for k in (a, b)}
                weight = next((k for k in (a, b) if abs(sums[k] - 100) <= 0.5), None)
                if weight is None and whole[a] != whole[b]:
                    weight = a if whole[a] else b
                return {weight, c} if weight is not None else {a, b, c}
    return set()


_ITEM_NUMBER = re.compile(r"^\W*\d{1,2}\s?[.)]\s*")
_INDICATOR_SKELETONS = tuple(skeleton(name) for names in catalog.indicator_names().values() for name in names)


def _indicator_item(text: str) -> bool:
    """The text opens with a numbered indicator of the year's catalog (`5. การแก้ไขปัญหาการทุจริต…`)."""
    number = _ITEM_NUMBER.match(text)
    key = skeleton(text[number.end():]) if number else ""
    return bool(key) and any(key.startswith(name) for name in _INDICATOR_SKELETONS if name)


def tools(pieces: list[str], year: int | None, weighted_header: bool = False) -> list[ToolReading]:
    """Tool scores (and weighted points) from lines and table rows, in the order found; the first reading of
    each tool wins. `weighted_header`: the table's header says its numbers are weighted points."""
    found: dict[str, ToolReading] = {}
    refusals: dict[str, ToolReading] = {}
    for piece in pieces:
        s = flat(piece)
        weighted = weighted_header or any(word in s for word in WEIGHTED_WORDS)
        mentions = _one_name_each(list(_TOOL.finditer(s)), s)
        if mentions and _indicator_item(s[:mentions[0].start()]):
            continue  # an indicator's row a tool's title ran into (`5. การแก้ไขปัญหาการทุจริตแบบวัด… (EIT) | 95.19`)
        fields = []
        for index, mention in enumerate(mentions):
            stop = mentions[index + 1].start() if index + 1 < len(mentions) else len(s)
            fields += _tool_fields(mention.lastgroup, s[mention.end():stop])
        for name, numbers in _names_then_numbers(fields):
            if name not in found and (reading := _read_tool(name, numbers, year, weighted)):
                if reading.refused:
                    refusals.setdefault(name, reading)
                else:
                    found[name] = reading
    return list(found.values()) + [r for name, r in refusals.items() if name not in found]


def tools_across(header: list[str], rows: list[list[str]], year: int | None,
                 weighted: bool = False) -> list[ToolReading]:
    """Tool scores from a table printed across: a column per tool (`ปีงบประมาณ | IIT | EIT ส่วนที่ 1 | … | OIT`)
    and a row per year or one row of values. The row of the assessment year is read (else the latest year's,
    as a document sets this year beside the last); several rows with no year to tell them apart give nothing."""
    fields = {}
    for column, cell in enumerate(header):
        s = flat(cell)
        mentions = _one_name_each(list(_TOOL.finditer(s)), s)
        if len(mentions) == 1:
            tool = mentions[0].lastgroup
            part = _PARTS.search(s[mentions[0].end():]) if tool == "EIT" else None
            fields[column] = tool.lower() + (f"_part{part.group(1)}" if part else "")
    if len(set(fields.values())) < 2 or len(set(fields.values())) < len(fields):
        return []
    valued = [cells for cells in rows if sum(bool(_NUMBER.fullmatch(flat(cells[c]))) for c in fields if c < len(cells)) >= 2]
    if len(valued) > 1:  # a row of the tools' weights (`30 | 30 | 40`) or of their weighted points is no row of scores
        valued = [cells for cells in valued if not _weights_row(cells, fields, year)
                  and not any(_points_of(cells, other, fields, year) for other in valued if other is not cells)]
    if len(valued) > 1:
        by_year = {}
        for cells in valued:
            years = {int(m.group(1)) for c, cell in enumerate(cells) if c not in fields
                     for m in _YEAR.finditer(flat(cell))}
            if len(years) == 1:
                by_year[years.pop()] = cells
        if len(by_year) < len(valued):
            return []
        # this year's row, else the latest stated up to the year after it
        wanted = year if year in by_year else max((y for y in by_year if year is None or y <= year + 1), default=None)
        valued = [by_year[wanted]] if wanted is not None else []
    readings = []
    for cells in valued:
        for column, name in fields.items():
            value = flat(cells[column]) if column < len(cells) else ""
            if _NUMBER.fullmatch(value) and (reading := _read_tool(name, [value], year, weighted)):
                readings.append(reading)
    return readings


def _tool_values(cells: list[str], fields: dict[int, str]) -> dict[str, float] | None:
    """The numbers of a row under the tools' columns, or None when one of them holds no number."""
    values = {}
    for column, name in fields.items():
        value = flat(cells[column]) if column < len(cells) else ""
        if not _NUMBER.fullmatch(value):
            return None
        values[name] = float(value)
    return values


def _weights_row(cells: list[str], fields: dict[int, str], year: int | None) -> bool:
    """Every tool's number is its weight in the year's rules, printed whole: the weights, not scores."""
    values = _tool_values(cells, fields)
    return values is not None and all("." not in flat(cells[c]) and values[name] == _weight(name, year)
                                      for c, name in fields.items())


def _points_of(cells: list[str], scores: list[str], fields: dict[int, str], year: int | None) -> bool:
    """Every tool's number is its weighted points of the other row's score (points = weight x score / 100)."""
    points, given = _tool_values(cells, fields), _tool_values(scores, fields)
    return points is not None and given is not None and all(
        abs(given[name] * _weight(name, year) / 100 - points[name]) <= 0.011 for name in fields.values())


def _one_name_each(mentions: list[re.Match], s: str) -> list[re.Match]:
    """A tool named twice with only a part label between (`…ภายนอก ส่วนที่ 1 (EIT) 15 | 89.75 | 13.46`) is one
    mention, so the part label stays with the numbers after the second name."""
    kept: list[re.Match] = []
    for mention in mentions:
        if kept and mention.lastgroup == kept[-1].lastgroup \
                and not re.search(r"\d", _PARTS.sub("", s[kept[-1].end():mention.start()])):
            continue
        kept.append(mention)
    return kept


def _names_then_numbers(fields: list[tuple[str, list[str] | None]]) -> list[tuple[str, list[str]]]:
    """Tools named in a run and their numbers after the last name (`IIT EIT ส่วนที่ 1 EIT ส่วนที่ 2 OIT คะแนน
    87.26 84.66 82.82 91.81`: a tools table printed across, or read column by column) are paired in order
    when the counts agree; when they do not, no tool of the run gets a number (the last name alone would
    take the first tool's)."""
    out, run = [], []
    # one tool named twice in a row (`OIT (การเปิดเผยข้อมูลสาธารณะ) : 97.50`) is one name
    fields = [f for i, f in enumerate(fields) if i + 1 == len(fields) or f[1] is not None or fields[i + 1][0] != f[0]]
    for name, numbers in fields:
        if numbers is None:
            run.append(name)
            continue
        if not run or not numbers:
            out.append((name, numbers))
        elif len(numbers) == len(run) + 1:
            out += [(f, [n]) for f, n in zip(run + [name], numbers)]
        run = []
    return out


def _tool_fields(tool: str, segment: str) -> list[tuple[str, list[str] | None]]:
    """(field, numbers) of a tool mention: EIT's parts each with their own numbers (`EIT ส่วนที่ 1 (100.00
    คะแนน) และส่วนที่ 2 (91.00 คะแนน)`), else the tool with the numbers after it."""
    if tool == "EIT":
        parts = list(_PARTS.finditer(segment))
        if parts:
            out = []
            for index, part in enumerate(parts):
                stop = parts[index + 1].start() if index + 1 < len(parts) else len(segment)
                out.append((f"eit_part{part.group(1)}", _own_numbers(segment[part.end():stop])))
            return out
    return [(tool.lower(), _own_numbers(segment))]


_PARENTHESES = re.compile(r"\([^()]*\)")
_CONNECTORS = re.compile(r"ไดรบ|ได|มผลคะแนน|ผลคะแนน|คะแนนเฉลย|คะแนน|เทากบ|จำนวน|รอยละ|คดเปน|อยท|อยใน|ม|[-:=|,•*–]")
_MAX_GAP_LETTERS = 2  # a word left between a tool's name and a number is a name (`IIT การใช้ 98.15`: an indicator's)


_TOOL_WORD = re.compile(r"แบบวด|แบบตรวจ")
_COUNT_CLAUSE = re.compile(rf"([^\d|]{{0,24}}?)\|?\d{{1,5}}\|?(?:{_COUNT_NOUNS})")


def _own_numbers(segment: str) -> list[str] | None:
    """The numbers right after a tool's name, when only connecting words (`ได้`, `คะแนน`, `:`) or a bracketed
    description stand between; none when a name stands there (`IIT การปฏิบัติหน้าที่ 100`: an indicator's);
    None when the segment holds no number at all (a name in a run of names)."""
    first = re.search(rf"[\d{re.escape(UNREAD)}]", segment)
    if not first:
        return None
    # counts first (`ผู้ตอบ 63 คน ข้อคำถาม 25 ข้อ คะแนน 86.34`): a few words and a number beside what it counts say
    # how the tool was measured; the score comes after them. Never over an indicator's name (its score follows).
    while (count := _COUNT_CLAUSE.match(segment)) and not _INDICATOR_CUE.search(count.group(1)) \
            and not _after_indicator_name(count.group(1)):
        segment = segment[count.end():]
        first = re.search(rf"[\d{re.escape(UNREAD)}]", segment)
        if not first:
            return None
    # the word for the tool as such (`แบบวัด`, `แบบตรวจ`) names no other thing
    gap = _TOOL_WORD.sub("", _CONNECTORS.sub("", _PARENTHESES.sub("", segment[:first.start()])))
    if _INDICATOR_CUE.search(gap) or sum(1 for ch in gap if "\u0e01" <= ch <= "\u0e4f" or ch.isalpha()) > _MAX_GAP_LETTERS:
        return []
    return _numbers(segment[first.start():][:60])


def _read_tool(field: str, numbers: list[str], year: int | None, weighted: bool) -> ToolReading | None:
    """Score and points among a tool row's numbers: the tool's weight printed as a whole number is dropped;
    two numbers whose ratio is the weight are score and points."""
    weight = _weight(field, year)
    unread = UNREAD in numbers[:3]
    printed = [n for n in numbers if n != UNREAD]
    values = [float(n) for n in printed if 0 <= float(n) <= 100]
    if values and "." not in printed[0] and values[0] == weight:
        values = values[1:]  # the tool's weight column (`IIT | 30 | 92.50 | 27.75`); alone it is no score either
    values = values[:3]
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            score, points = max(a, b), min(a, b)
            if abs(score * weight / 100 - points) <= 0.011:
                return ToolReading(field, score, points)
    if not values or unread:
        return None  # with a number of the row unread, which column the one read stands in is not known
    scores = [float(n) for n in printed[:4] if re.fullmatch(r"\d{1,3}\.\d\d", n) and weight < float(n) <= 100]
    if len(set(scores)) >= 2 and not weighted:
        # two scores of one tool (last year's and this year's, their columns not told apart): which is not known
        return ToolReading(field, None, None, f"{field.upper()}: two scores in one row ({', '.join(printed[:4])}), "
                                              "this year's not known: none taken")
    if weighted and values[0] <= weight:
        return ToolReading(field, None, values[0])
    return ToolReading(field, values[0], None)
