"""Choosing between digit readings of a scanned table row by its checksums.

OCR confuses Thai digits that look alike (๓/๘/๙, ๔/๕, ๐/๑, ๒/๖, ๗/๓...). A row of weighted points and
their total, a level and a rank, says the same thing several times; of the readings one confusion away
from what OCR gave, usually only one makes the row agree with itself. That one is taken when it is the
only agreeing reading with the fewest changes; otherwise nothing is (the caller stores null and warns).
The grammar that knows what agreeing means passes it in as `accept`.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable

# Arabic digits after normalisation, grouped by the Thai glyphs OCR mistakes for each other (๐/๑, ๒/๖, ๓/๗/๘/๙,
# ๔/๕). Symmetric: a digit read for another could be either, so both readings are weighed (one-way confusions
# would hide the rival reading that makes a choice ambiguous).
_GROUPS = ("01", "26", "3789", "45")
CONFUSIONS: dict[str, str] = {d: g.replace(d, "") for g in _GROUPS for d in g}
MAX_CHANGES = 2  # per row: more substitutions than this and any row can be made to agree
MAX_COMBINATIONS = 200_000
# A cell as the chooser sees it: its text as read, or a template's guess as its readings (ocr_digits.guess_cell:
# the best digits first, then each with one digit its glyph's close rival; Provenance.rivals)
Cell = str | tuple[str, ...]

_NUMBER = re.compile(r"\d{1,3}\.\d{2}")
_ONE_DECIMAL = re.compile(r"\d{1,3}\.\d")  # a table that prints one decimal
# What a cell's edge leaves beside its number: Thai marks, brackets, bars, quotes; never a letter, which could
# be a digit misread (`ส` for ๙).
_EDGE = r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\[\](){}|'\"`,;:!_~^*]"
# Letters too where they cannot be a digit: after the two decimals every score stops at, or before a number
# that has its two whole digits already (`ส89.64`: 189.64 is no score; a leaning column rule read as a letter).
_ANY = r"[^\d.\s]"
_JUNKED = re.compile(rf"{_EDGE}{{0,3}}(\d{{1,3}}\.\d{{2}}){_EDGE}{{1,3}}|{_EDGE}{{1,3}}(\d{{1,3}}\.\d{{2}})"
                     rf"|{_ANY}{{0,3}}((?!00)\d{{2}}\.\d{{2}}){_ANY}{{0,3}}|{_EDGE}{{0,3}}(\d{{1,3}}\.\d{{2}}){_ANY}{{1,3}}")


def _inner_speck(text: str) -> str | None:
    """A two-decimal number with one mark, bracket or quote of the scan between its digits (`72.1'3`: a speck
    of the cell read as a sign between two digits), without it; None when no one such character explains it."""
    found = {text[:i] + text[i + 1:] for i in range(1, len(text) - 1)
             if re.fullmatch(_EDGE, text[i]) and _NUMBER.fullmatch(text[:i] + text[i + 1:])}
    return found.pop() if len(found) == 1 else None


# A number whose shape the OCR bent: a stray dot or digit after the two decimals every score stops at
# (`86.01.`, `28.201`: a column rule read as `1`), its point lost (`3643`), each one change away.
_BENT = (re.compile(r"(\d{1,3}\.\d{2})[.,:;]"), re.compile(r"(\d{1,3}\.\d{2})\d"),
         re.compile(r"(\d{2})(\d{2})"))
_MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
# Tesseract's Thai model reads a Thai digit as a letter of its shape (๙ as ส/ต/ฒ/ฆ, ๗ as ซ); which digit a
# letter stands for varies (ต was ๙ or ๓), so a letter where a digit must be is any digit, one change each.
_WILD_CORE = re.compile(r"[\dก-ฮ]{1,3}\.[\dก-ฮ]{2}")
_STRAY = re.compile(r"[^\d.\s]{0,2}")
MAX_WILD = 2


def _wild_readings(text: str, max_changes: int) -> dict[float, int]:
    """Readings of a two-decimal number with Thai letters where its digits are (`81.ต่1`): each letter any
    digit, one change; stray characters before or after it one change in all (`ส0.00` is ?0.00: 0.00 too)."""
    bare = _MARKS.sub("", text)
    out: dict[float, int] = {}
    for lead in range(3):
        for trail in range(3):
            core = bare[lead:len(bare) - trail]
            if not _WILD_CORE.fullmatch(core) or not _STRAY.fullmatch(bare[:lead] + bare[len(bare) - trail:]):
                continue
            wild = [i for i, ch in enumerate(core) if not ch.isdigit() and ch != "."]
            cost = len(wild) + bool(lead or trail)
            if not wild or len(wild) > MAX_WILD or cost > max_changes:
                continue
            for digits in itertools.product("0123456789", repeat=len(wild)):
                chars = list(core)
                for i, d in zip(wild, digits):
                    chars[i] = d
                value = float("".join(chars))
                if value <= 100 and cost < out.get(value, max_changes + 1):
                    out[value] = cost
    return out


def readings(text: Cell, max_changes: int = MAX_CHANGES, wildcards: bool = False,
             decimals: int = 2) -> list[tuple[int, float]]:
    """(changes, value) for the reading of a cell and its variants with up to `max_changes` confused digits.
    A cell that is no two-decimal number gives nothing; one with a mark or bracket of the cell's edge read
    beside its number (`40.00่]`), a stray dot or digit after it (`86.01.`) or its point lost (`3643`) gives
    the number as one change. With `wildcards`, Thai letters where digits must be (`81.ต่1`) are any digit,
    one change each (only a checksum that pins every digit may take them: exact sums of several cells). A
    table that prints one decimal (`decimals` 1) has its plain numbers so, confused digits as any others.
    A guess's several readings (a tuple) each count as read, so a checksum that two of them meet chooses neither."""
    if not isinstance(text, str):
        out: dict[float, int] = {}
        for part in text:
            for n, value in readings(part, max_changes, wildcards, decimals):
                out[value] = min(n, out.get(value, n))
        return sorted(((n, v) for v, n in out.items()), key=lambda t: t[0])
    text = text.strip()
    junk = 0
    if decimals == 1:
        if not _ONE_DECIMAL.fullmatch(text):
            return []
    elif not _NUMBER.fullmatch(text):
        # a mark or a bracket of the cell's edge read beside the number (`40.00่]`): the number, one change away
        if match := _JUNKED.fullmatch(text):
            text, junk = next(g for g in match.groups() if g), 1
        elif inner := _inner_speck(text):
            text, junk = inner, 1
        elif bent := next((m for pattern in _BENT if (m := pattern.fullmatch(text))), None):
            text, junk = ".".join(bent.groups()) if len(bent.groups()) == 2 else bent.group(1), 1
        elif wildcards and (wild := _wild_readings(text, max_changes)):
            return sorted(((n, v) for v, n in wild.items()), key=lambda t: t[0])
        else:
            return []
    positions = [i for i, ch in enumerate(text) if ch in CONFUSIONS]
    out = {float(text): junk}
    for n in range(1, max_changes + 1 - junk):
        for chosen in itertools.combinations(positions, n):
            for letters in itertools.product(*(CONFUSIONS[text[i]] for i in chosen)):
                chars = list(text)
                for i, ch in zip(chosen, letters):
                    chars[i] = ch
                value = float("".join(chars))
                if value <= 100 and value not in out:
                    out[value] = n + junk
    return sorted(((n, v) for v, n in out.items()), key=lambda t: t[0])


def choose(cells: dict[str, Cell], accept: Callable[[dict[str, float]], bool],
           max_changes: int = MAX_CHANGES, wildcards: bool = False, decimals: int = 2) -> dict[str, float] | None:
    """The values of `cells` (field -> text as read) that `accept` takes with the fewest digit changes in
    all, when exactly one assignment has that fewest number; None when none or several do. Assignments are
    tried in order of changes (0, then 1, ...), so a row of many cells costs only the readings near it."""
    options = {field: readings(text, max_changes, wildcards, decimals) for field, text in cells.items()}
    if not options or any(not found for found in options.values()):
        return None
    fields = list(options)
    by_changes = {f: {n: [v for k, v in options[f] if k == n] for n in range(max_changes + 1)} for f in fields}
    tried = 0
    for total in range(max_changes + 1):
        found: list[dict[str, float]] = []
        for split in _splits(total, len(fields)):
            pools = [by_changes[f][n] for f, n in zip(fields, split)]
            for combo in itertools.product(*pools):
                tried += 1
                if tried > MAX_COMBINATIONS:
                    return None
                values = dict(zip(fields, combo))
                if accept(values):
                    found.append(values)
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _splits(total: int, parts: int):
    """Every way to share `total` changes among `parts` cells."""
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in _splits(total - first, parts - 1):
            yield (first, *rest)
