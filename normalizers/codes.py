"""ITA question codes → canonical form (i13, e1, o34), validated against the year's catalog.

Documents print codes in many damaged forms: Thai or Arabic digits, spaces (`i ๑๓`), a trailing `*`,
and a prefix letter retyped or OCR'd as a digit or look-alike (`1๒๓` = i23, `๐๗` = o7, `l ๕` = i5,
`0 ๒๓` = o23). A bare Thai number at the start of a measure cell (`๑๘ ผู้บังคับบัญชา…`) is a code
whose letter became ๑ (IIT) or ๐ (OIT). The printed code loses to the question text beside it when
they disagree (seed 004 prints the ethics question i27 as `๑๒๓*`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from normalizers import catalog
from normalizers.digits import to_arabic_digits

_PREFIX = {
    "i": "i", "I": "i", "l": "i", "1": "i", "|": "i", "І": "i", "і": "i",
    "e": "e", "E": "e", "Е": "e", "е": "e",
    "o": "o", "O": "o", "0": "o", "О": "o", "о": "o",
}
_TOOL = {"i": "IIT", "e": "EIT", "o": "OIT"}
_LETTERS = "iIl|ІіeEЕеoOОо"
_CODE = re.compile(rf"^\s*([{_LETTERS}01])\s*[.\-]?\s*(\d{{1,2}})\s*\*?\s*$")
# Upper bounds used when the year (and so its catalog) is unknown.
_MAX_ANY_YEAR = {"IIT": 30, "EIT": 15, "OIT": 43}


@dataclass(frozen=True)
class CodeResult:
    code: str | None  # canonical, e.g. "i13"; None when nothing usable was printed or recovered
    tool: str | None = None  # IIT, EIT, OIT
    indicator: int | None = None  # 1..10 when known for the year
    corrected: bool = False  # the printed code was replaced by the one the question text matches
    warning: str | None = None


def normalize_code(raw: str | None) -> str | None:
    """'i๑๓' → 'i13', '๐๑๐' → 'o10', '๑๑๙*' → 'i19', 'O ๒๒' → 'o22'; None when it is not a code."""
    if not raw:
        return None
    match = _CODE.match(to_arabic_digits(raw))
    if not match:
        return None
    number = int(match.group(2))
    if number == 0:
        return None
    return f"{_PREFIX[match.group(1)]}{number}"


def tool_of_code(code: str | None) -> str | None:
    return _TOOL.get(code[0]) if code else None


def _in_range(code: str, year: int | None) -> bool:
    tool, number = _TOOL[code[0]], int(code[1:])
    counts = catalog.question_counts(year) if year is not None else {}
    limit = counts.get(tool) or _MAX_ANY_YEAR[tool]
    return 1 <= number <= limit


def _indicator(code: str, year: int | None) -> int | None:
    row = catalog.question(code, year) if year is not None else None
    if row is not None and row.indicator is not None:
        return row.indicator
    number = int(code[1:])
    new_form = year is not None and year >= catalog.NEW_FORM_FROM
    if code[0] == "i":
        return min(5, (number - 1) // (3 if new_form else 6) + 1)
    if code[0] == "e":
        return min(8, (number - 1) // (3 if new_form else 5) + 6)
    return None


def _result(code: str, year: int | None, corrected: bool = False, warning: str | None = None) -> CodeResult:
    return CodeResult(code, _TOOL[code[0]], _indicator(code, year), corrected, warning)


def resolve_code(raw: str | None, year: int | None = None, text: str | None = None) -> CodeResult:
    """Canonical code for a printed code, checked against the year's catalog and the question text.

    The text wins only when it clearly matches another question of the catalog (fuzzy score ≥ 90)
    and matches the printed code's own wording poorly; the result then says `corrected`. A code that is valid
    for the year is never overruled by a recalled wording (catalog.may_overrule).
    """
    code = normalize_code(raw)
    valid = code is not None and _in_range(code, year)
    matched = (catalog.match_question(text, year, min_score=90.0, overruling_only=valid)
               if text and year is not None else None)
    if matched is None:
        if valid:
            return _result(code, year)
        reason = "unreadable" if code is None else f"out of range for {year}"
        return CodeResult(None, warning=f"question code {raw!r} {reason}")
    found, score = matched
    if valid and found == code:
        return _result(code, year)
    if valid and catalog.question_score(code, text, year) >= score - 10:
        return _result(code, year)
    return _result(found, year, corrected=True,
                   warning=f"question code {raw!r} corrected to {found} from its text (match {score:.0f})")


# ---------------------------------------------------------------- code prefixes of measure texts
_MARKUP = r"(?:\s*</?[a-zA-Z]+[^<>]*>\s*)*"
# One code at the start of a text: a prefix letter (or its digit look-alike) and 1-2 digits, or a bare
# 2-3 digit number whose first digit stands for the lost letter. Never `1.`/`๑)`: those are list numbers.
_ONE_CODE = re.compile(
    rf"""(?:
        (?P<letter>[{_LETTERS}])\s?[.\-]?\s?(?P<num>\d{{1,2}})
      | (?P<digit>[01])\s(?P<spaced>\d{{1,2}})
      | (?P<bare>[01]\d{{1,2}})
    )\*?(?![\d.)]|\s*[.)]\s*\d)""",
    re.VERBOSE,
)
_SEPARATOR = re.compile(r"\s*(?:,|/|และ|\s)\s*")
_HEAD = re.compile(_MARKUP + r"\s*(?:ข้อ\s*)?")


def split_codes(text: str | None, year: int | None = None) -> tuple[list[CodeResult], str]:
    """Code results printed at the start of `text` and the rest of the text (see split_code_prefix)."""
    if not text:
        return [], text or ""
    arabic = to_arabic_digits(text)
    pos = _HEAD.match(arabic).end()
    found: list[tuple[str, int]] = []  # (raw, end position)
    while True:
        match = _ONE_CODE.match(arabic, pos)
        if not match:
            break
        end = match.end()
        if end < len(arabic) and not (arabic[end].isspace() or arabic[end] in ",/<*"):
            break  # glued to a following word: not a code (`0ประกาศ`, `1st`)
        if found and (normalize_code(match.group()) is None or not _in_range(normalize_code(match.group()), year)):
            break  # a number in the measure text after the codes, not another code
        found.append((text[match.start(): end], end))
        sep = _SEPARATOR.match(arabic, end)
        pos = sep.end() if sep else end
        closing = re.match(_MARKUP, arabic[pos:])
        pos += closing.end() if closing else 0
    if not found:
        return [], text
    rest_start = found[-1][1]
    rest = re.sub(r"^(?:\s*</?[a-zA-Z]+[^<>]*>)*\s*", "", text[rest_start:])
    rest = re.sub(r"^[\s:\-–.]+", "", rest)
    single = len(found) == 1
    results = [resolve_code(raw, year, rest if single else None) for raw, _ in found]
    if any(r.code is None for r in results):
        return [], text
    return results, rest


def split_code_prefix(text: str | None, year: int | None = None) -> tuple[list[str], str]:
    """Split question codes printed before a measure: 'i๑๓ ผู้บริหาร…' → (['i13'], 'ผู้บริหาร…').

    Handles `O ๒๗ …`, `0 ๒๓ …`, `๐๑๐ …`, `e ๖ …`, `๑๑๙* …`, `<p>๐๗</p> <p>…`, `๑๘ …` (i8) and lists
    (`o๓๑, o๓๒ …`). With a year, codes outside its catalog are recovered from the text or, failing that,
    the text is returned whole with no codes. `1.`/`๑)` list numbers are never codes.
    """
    results, rest = split_codes(text, year)
    return [r.code for r in results if r.code], rest
