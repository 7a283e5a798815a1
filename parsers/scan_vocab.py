"""Closed vocabulary of OCR'd measure cells: the question wordings of the ITA catalogs.

A measures document of the new form prints, as each measure, the catalog question it answers, its code in front
(`i๓* เจ้าหน้าที่ในหน่วยงานของท่าน มีการเรียกรับสินบน…`). On a scan Tesseract drops tone marks (`เจ้าหน้าที`),
inserts debris from marks read as words (`ค่า154 ญี่ A 1 วัสดุ`) and reads the code's Thai digits as Latin letters
(`e๗` → `eon`, `e๕` → `ed`), so neither text nor code survives. A cell that reads as one catalog wording within
SIMILARITY is written as the catalog prints it; the code in front is the catalog's code for that wording in the
document's years, written only where OCR read something code-like there that agrees with it (its tool's letter or
its number), so no code is invented. Anything less close is left as OCR read it. Pure functions on strings.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from normalizers.digits import to_arabic_digits
from parsers.ocr_digits import UNREAD

CATALOGS = Path(__file__).resolve().parent.parent / "data" / "reference"
SIMILARITY = 0.85  # share of a wording's letters the cell's reading of it must get right (OCR'd cells: 0.88-1.0)
LEAD = 0.05  # over the next-closest wording
MIN_LETTERS = 20  # shorter wordings (`Q&A`, `E-Service`) are names, not sentences OCR damages in predictable ways
MAX_PREFIX = 20  # characters OCR may leave before the wording (the code's reading)
MAX_SUFFIX = 3
MAX_SHORT_PREFIX = 5  # characters a code's reading takes before a short name (`013”`, `ฆ๐๑`, `o13*`)
# What Tesseract prints for each tool's letter (normalizers/codes._PREFIX, with the digit readings of scans).
_TOOL_LOOKALIKES = {"i": set("iIl1|!"), "e": set("eE6"), "o": set("oO0")}
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def wordings() -> dict[str, dict[int, set[str]]]:
    """Catalog question wordings (spaces removed) -> {year: codes printing that wording}."""
    out: dict[str, dict[int, set[str]]] = {}
    for path in sorted(CATALOGS.glob("ita_catalog_*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                key = _SPACE.sub("", row["text"])
                if len(key) >= MIN_LETTERS:
                    out.setdefault(key, {}).setdefault(int(row["year"]), set()).add(row["code"])
    return out


@lru_cache(maxsize=1)
def short_names() -> dict[str, dict[int, set[str]]]:
    """The catalogs' short wordings (the OIT's page names: `Q&A`, `E-Service`, `โครงสร้าง`), spaces removed ->
    {year: codes}: too short to snap by similarity, but read letter for letter behind a garbled code."""
    out: dict[str, dict[int, set[str]]] = {}
    for path in sorted(CATALOGS.glob("ita_catalog_*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                key = _SPACE.sub("", row["text"])
                if len(key) < MIN_LETTERS:
                    out.setdefault(key, {}).setdefault(int(row["year"]), set()).add(row["code"])
    return out


def _snap_short_name(squashed: str, years: set[int]) -> str | None:
    """`code name` for a cell that is a short catalog name read whole behind a code OCR garbled (`013” E-Service`,
    `ฆ๐๑โครงสร้าง`, `0ฯQ&A`), when the reading of the code agrees with the name's one code (`_code`); else None."""
    for name, codes in short_names().items():
        prefix = squashed[:-len(name)]
        if squashed.endswith(name) and 0 < len(prefix) <= MAX_SHORT_PREFIX \
                and len(re.findall(r"[\u0e01-\u0e2e]", prefix)) <= 1 and (code := _code(prefix, codes, years)):
            return f"{code}{'*' if '*' in prefix else ''} {_printed()[name]}"
    return None


@lru_cache(maxsize=1)
def _printed() -> dict[str, str]:
    """Spaces removed -> the wording as the catalog prints it."""
    out = {}
    for path in sorted(CATALOGS.glob("ita_catalog_*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                out.setdefault(_SPACE.sub("", row["text"]), row["text"].strip())
    return out


def _code(prefix: str, codes: dict[int, set[str]], years: set[int]) -> str | None:
    """The catalog code of the wording in the document's years (all years when none is known), when it is one
    code and the OCR'd prefix agrees with it: its first code-like sign is a look-alike of the tool's letter, or
    it holds the code's number, or it is the scan layer's refusal mark alone."""
    chosen = set().union(*(codes[y] for y in years if y in codes)) if years & codes.keys() else set().union(*codes.values())
    if len(chosen) != 1:
        return None
    code = chosen.pop()
    if re.fullmatch(rf"{re.escape(UNREAD)}[.)]?\*?", prefix):
        # the code's place refused whole by the scan layer (`# ประกาศเจตนารมณ์…`): nothing read disagrees, and the
        # wording is this one code's
        return code
    # the code stands right before the wording: debris OCR made of marks may come first (`ข ya eo* เจ้าหน้าที่…`)
    for part in {prefix, prefix.split()[-1] if prefix.split() else ""}:
        signs = re.sub(r"[^A-Za-z0-9|!\u0e50-\u0e59]", "", part)
        # the code's number may be read in Thai digits as printed (`๕` of i๕); a Thai digit is no letter's look-alike
        if signs and (signs[0] in _TOOL_LOOKALIKES[code[0]] or code[1:] in re.sub(r"\D", "", to_arabic_digits(part))):
            return code
    return None


def snap_wording(text: str, years: set[int] = frozenset()) -> tuple[str, str | None]:
    """(text, warning): an OCR'd cell that is a catalog question wording, maybe behind its code, written as the
    catalog prints it (`i3* เจ้าหน้าที่ในหน่วยงาน…`); unchanged when it is not one (no warning) or close to one
    but not close enough to be sure (a warning)."""
    squashed = _SPACE.sub("", text)
    if short := _snap_short_name(squashed, set(years)):
        return short, None
    if len(squashed) < MIN_LETTERS:
        return text, None
    table = wordings()
    # a cheap first look (whole-cell ratio) keeps the few wordings worth aligning
    found = process.extract(squashed, table.keys(), scorer=fuzz.ratio, limit=3, score_cutoff=100 * (SIMILARITY - 0.25))
    if not found:
        return text, None
    scored = []
    for key, _, _ in found:
        if len(key) > len(squashed) + MAX_SUFFIX:
            span = (0, len(squashed))
        else:
            hit = fuzz.partial_ratio_alignment(key, squashed)
            span = (hit.dest_start, hit.dest_end)
        # the span may end short of a suffix or start past the code: widen it to the cell's ends when that is closer
        start, end = span
        best = min((Levenshtein.distance(key, squashed[s:e]), e - s, s, e)
                   for s in {start, *range(min(MAX_PREFIX, len(squashed)) + 1)} for e in {end, len(squashed)})
        scored.append((1 - best[0] / len(key), key, best[2], best[3]))
    scored.sort(reverse=True)
    similarity, key, start, end = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    prefix, suffix = squashed[:start], squashed[end:]
    if len(prefix) > MAX_PREFIX or len(suffix) > MAX_SUFFIX or len(re.findall(r"[ก-ฮ]", prefix)) > 6:
        return text, None
    if similarity < SIMILARITY or similarity - runner_up < LEAD:
        # two wordings alike (a year's variant): left as read; a near miss is said
        if SIMILARITY - 0.1 <= similarity < SIMILARITY and not prefix:
            return text, f"measure {text[:40]!r}… is close to a catalog wording ({similarity:.2f}) but not snapped"
        return text, None
    wording = _printed()[key]
    if not prefix:
        return wording, None
    code = _code(_original_prefix(text, start), table[key], set(years))
    star = "*" if "*" in prefix else ""
    return (f"{code}{star} {wording}" if code else f"{_original_prefix(text, start)} {wording}"), None


_CODE_LED = re.compile(r"^[ieo]\d{1,2}\*? ")


def cut_wording(above: str, below: str, years: set[int] = frozenset()) -> bool:
    """Whether two first cells as OCR read them, the last of a page and the first of the next, are one catalog
    wording a page break cut (`ib* หน่วยงานของ` + `ท่าน มีการใช้งบ…`): joined they snap to a wording with the code
    the first one's reading agrees with, and the first alone is none. A code garbled beyond the table joining's
    list-number rule (`ib*` for i6*) left the rows apart."""
    if snap_wording(above, years)[0] != above:
        return False
    joined = f"{above.strip()} {below.strip()}"
    snapped = snap_wording(joined, years)[0]
    return snapped != joined and bool(_CODE_LED.match(snapped))


def _original_prefix(text: str, letters: int) -> str:
    """The start of `text` holding its first `letters` non-space characters (spaces kept as printed)."""
    seen = 0
    for i, char in enumerate(text):
        if seen == letters:
            return text[:i].strip()
        seen += not char.isspace()
    return text.strip()


RESTORATIONS = CATALOGS / "scan_restorations.csv"
_COMBINING = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"


@lru_cache(maxsize=1)
def _restorations() -> tuple[dict[str, str], re.Pattern | None]:
    """(misreading -> word, a pattern finding any misreading as a whole run of letters) from RESTORATIONS
    (scripts/build_scan_lexicon.py: ITA words with lost tone marks or ช read as ซ/ข, each a form no Thai word has)."""
    if not RESTORATIONS.exists():
        return {}, None
    with RESTORATIONS.open(encoding="utf-8") as handle:
        table = {row["read"]: row["word"] for row in csv.DictReader(handle)}
    if not table:
        return table, None
    alternatives = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return table, re.compile(f"(?<![เแโใไ])(?:{alternatives})(?![{_COMBINING}])")


def restore_words(text: str) -> str:
    """OCR'd Thai with the ITA words whose tone marks Tesseract dropped (`เจ้าหน้าที`, `ขันตอน`) or whose ช it
    read as ซ/ข (`มิซอบ`) written whole, where the misreading is a run of whole words of the text (PyThaiNLP's
    tokeniser: `กำหนดให` inside `กำหนดใหม่` is no misreading of กำหนดให้)."""
    table, pattern = _restorations()
    if pattern is None or not text:
        return text
    matches = list(pattern.finditer(text))
    if not matches:
        return text
    from pythainlp.tokenize import word_tokenize  # noqa: PLC0415 - loaded only for cells that need it

    bounds, at = {0}, 0
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        at += len(token)
        bounds.add(at)
    out, last = [], 0
    for match in matches:
        if match.start() in bounds and match.end() in bounds:
            out += [text[last:match.start()], table[match.group()]]
            last = match.end()
    return "".join(out) + text[last:]


# An indicator's row of a score table (`10 | OIT | การป้องกันการทุจริต | 69.51 | ต้องปรับปรุง`): its name cell,
# right after the tool cell, is one of the year's ten names. OCR cuts it short where the cell wraps and a line
# is lost (`การใช้งบ`), drops its marks, or leaves debris of marks in front (`9๑4 qe การป้องกันการทุจริต`).
INDICATOR_SIMILARITY = 88  # rapidfuzz ratio of the cell's letters to a name, or to as much of a name as it holds
INDICATOR_LEAD = 10  # over the best name of any other indicator (`การใช้` begins indicators 2, 3 and 4)
MIN_NAME_LETTERS = 5
_TOOL_CELL = re.compile(r"^\s*(IIT|EIT|OIT)\s*$")
_LIST_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.)]?\s*$")
_FIRST_THAI = re.compile(r"[\u0e01-\u0e2e]")


def _letters_of(text: str) -> str:
    """Thai letters and vowels without the marks OCR drops or splits, spaces removed."""
    return re.sub(f"[\\s{_COMBINING}]", "", text.replace("\u0e4d\u0e32", "\u0e33"))


@lru_cache(maxsize=1)
def _indicator_keys() -> tuple[tuple[int, str, str], ...]:
    """(number, letters, the name as the catalog prints it) of every indicator name and its variants."""
    from normalizers.catalog import indicator_names  # noqa: PLC0415 - keeps the module light
    return tuple((n, _letters_of(name), name) for n, names in indicator_names().items() for name in names)


def indicator_by_name(text: str) -> tuple[int, str] | None:
    """(number, catalog name) of the indicator a cell names, read from its first Thai letter on (debris in front
    is dropped): the cell's letters against each name whole, or against the name's start when the cell holds
    less (a name cut short). One indicator must lead every other by INDICATOR_LEAD."""
    first = _FIRST_THAI.search(text)
    if first is None:
        return None
    key = _letters_of(text[first.start():])
    if len(key) < MIN_NAME_LETTERS:
        return None
    best: dict[int, tuple[float, str]] = {}
    for number, letters, printed in _indicator_keys():
        score = fuzz.ratio(key, letters)
        if len(key) < len(letters):
            score = max(score, fuzz.ratio(key, letters[:len(key)]))
        if score > best.get(number, (-1.0, ""))[0]:
            best[number] = (score, printed)
    ranked = sorted(best.items(), key=lambda item: -item[1][0])
    (number, (score, printed)), runner_up = ranked[0], ranked[1][1][0] if len(ranked) > 1 else 0.0
    if score < INDICATOR_SIMILARITY or score - runner_up < INDICATOR_LEAD:
        return None
    return number, printed


def snap_indicator_row(cells: list[str]) -> list[str]:
    """An OCR'd table row that is an indicator's row, its name cell written as the catalog prints the name and
    a garbled list number in front of the tool cell (`©` for ๑) left out: the row holds one tool cell, the cell
    after it names one indicator (indicator_by_name) and that indicator is the tool's. Any other row is
    returned as it is. (Indicators are known by name; a list number is no part of what is read from the row.)"""
    from normalizers.catalog import tool_of_indicator  # noqa: PLC0415
    tools = [c for c, cell in enumerate(cells) if _TOOL_CELL.match(cell or "")]
    if len(tools) != 1 or tools[0] + 1 >= len(cells):
        return cells
    tool, at = cells[tools[0]].strip(), tools[0] + 1
    found = indicator_by_name(cells[at] or "")
    if found is None or tool_of_indicator(found[0]) != tool:
        return cells
    out = list(cells)
    out[at] = found[1]
    for c in range(tools[0]):
        if out[c] and not _LIST_NUMBER.match(out[c]) and not _FIRST_THAI.search(out[c]):
            out[c] = ""
    return out
