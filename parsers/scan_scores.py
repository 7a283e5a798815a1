"""Score digits the templates refused, taken back when the document's own sums confirm them.

A scanned score the digit templates could not read clearly is refused (`#`, or a cell of debris such as
`ล่อ.ต๒`), and its best template digits are kept as a candidate (ocr_digits.guess_cell: a cell's provenance
text, or, for a `#` inside a line or cell, `unread_guesses` below). An ITA document states its results
several times over: a tool's score is the mean of its indicators (IIT of 1-5, EIT of 6-8, OIT of 9-10), and
the overall score is the tools weighted by the year's rules (30/30/40; EIT as 15 + 15 where its two parts are
printed). A candidate is written into the text only when a relation with at most MAX_GUESSES refused values has
exactly one combination of their candidates that holds, and no relation it takes part in fails or holds
several ways; once written it counts as read for the next round. A wrong digit of the tens or units moves a
relation far past its rounding tolerance; a wrong second decimal would not, and what guards that is the
template (whose candidates are only its best digits where every glyph matches). Anything else stays refused.

What a statement is, is read from the text by meaning only as far as this needs: one score-shaped value in a
line or table row, and the rest of it an indicator's name (the catalog's), a tool label, or an overall-score
phrase. Statements read twice (a table row and its line) must agree, else the value is not used.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from normalizers.catalog import NEW_FORM_FROM, indicator_names, indicators_of, weights
from normalizers.thai_text import MARKS
from normalizers.digits import to_arabic_digits
from parsers.ocr_digits import UNREAD, guess_cell
from parsers.records import DocumentLayout, Provenance

MEAN_TOLERANCE = 0.011  # a tool against the mean of its indicators: each printed with two decimals
TOTAL_TOLERANCE = 0.02  # the overall score against its weighted tools (each rounded before weighting)
PARTS_TOLERANCE = 0.011  # EIT's two parts' mean against its indicators' (each printed with two decimals)
MIN_NAME_SCORE = 85.0  # rapidfuzz ratio of an indicator's name, marks aside
MAX_GUESSES = 3  # candidates one relation may confirm together
CHECKED_CONFIDENCE = 0.5  # provenance confidence of a template candidate the document's sums confirmed
TOOL_INDICATORS = {tool: indicators_of(tool) for tool in ("iit", "eit", "oit")}
_TOOL_KEYS = ("iit", "eit", "eit_part1", "eit_part2", "oit")
# The year's weights (ita_rules.md): IIT 30, EIT 30, OIT 40; EIT as its two parts where both are printed.
WEIGHTS = {tool.lower(): weight for tool, weight in weights(None).items()}
PART_WEIGHTS = {tool.lower(): weight for tool, weight in weights(NEW_FORM_FROM).items() if tool.startswith("EIT")}

# A score's four digits before คะแนน, never a year (25xx): its point lost (`5322 คะแนน`).
_LOST_POINT = re.compile(r"(?!25)\d{4}")
_VALUE = re.compile(rf"(?<![\d.])(?:\d{{1,3}}\.\d{{2}}|100(?:\.0{{1,2}})?|{UNREAD}|{_LOST_POINT.pattern}(?=\s*คะแนน))(?![\d.])")
_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
_YEAR_UNREAD = re.compile(rf"พ\s*\.?\s*ศ\s*\.?\s*{UNREAD}")
_FILLER = re.compile(r"ได้|ได|คะแนน|ผ่านเกณฑ์|ต้องปรับปรุง|ผ่าน|ตัวชี้?วัดที่?\s*\d{0,2}|^\s*\d{1,2}\s*[.)]?|[\s:()\"“”'.,]")
_TOOL = re.compile(r"^(IIT|EIT|OIT)(?:ส่วนที่?([12]))?$")
# `คะแนนรวม`, `คะแนนภาพรวม`, `ผลการประเมินรวม` (OCR garbles the words before รวม), then the value and คะแนน
_OVERALL = re.compile(rf"รวม[^\d{UNREAD}\n]{{0,40}}?({_VALUE.pattern})\s*คะแนน")


@dataclass
class Slot:
    """One printed value: where it is, what it reads (a number, or None for a refused one) and its candidate."""

    key: str  # "ind3", "iit", "eit_part1", "overall", ...
    value: float | None
    guesses: tuple[str, ...] = ()  # candidates of a refused value
    write: object = None  # callable(text) that puts an accepted candidate into the layout
    whole_cell: bool = False  # the candidates were read on a ruled cell's own crop, not on a word's box
    label: object = None  # callable() that writes the tool's label a row read without one (_unlabelled_tool)


# Room around a refused word's box, in its heights (left, right): Tesseract's boxes of Thai digits are off by up
# to a glyph on either side (`6.56` of 86.56 read on the box alone).
REACHES = ((0.4, 0.4), (1.0, 0.4), (0.4, 1.0))


def unread_guesses(image, words, pixels) -> list[tuple[tuple[float, float, float, float], tuple[str, ...]]]:
    """(box in points, candidate digits) of each refused number (`#`) among a page's OCR words: the template's
    best digits on the word's box with room around it, each reach of REACHES (the sums choose). `pixels` turns a
    box in points into image pixels."""
    out = []
    for word in words:
        if word.text != UNREAD:
            continue
        height = word.bottom - word.top
        found: list[str] = []
        for left, right in REACHES:
            box = (word.x0 - left * height, word.top - 0.3 * height, word.x1 + right * height, word.bottom + 0.3 * height)
            # (the guess's best digits: its rivals are for announcement rows)
            if (guess := guess_cell(image, pixels(box))) is not None and (guess := guess[0]) not in found:
                found.append(guess)
        out.append(((word.x0, word.top, word.x1, word.bottom), tuple(found)))
    return out


def _inside(inner, outer) -> bool:
    mid_x, mid_y = (inner[0] + inner[2]) / 2, (inner[1] + inner[3]) / 2
    return outer[0] - 1 <= mid_x <= outer[2] + 1 and outer[1] - 1 <= mid_y <= outer[3] + 1


def _candidates_in(box, text: str, guesses, one_line: bool) -> list[tuple[str, ...]]:
    """The candidates of the refused numbers of `text` read inside `box`, in reading order (left to right on
    `one_line`, else by line: tops within 8 points); all None unless the page's refused words there are as
    many as the text's."""
    def order(item):
        return item[0][0] if one_line else (round(item[0][1] / 8), item[0][0])
    inside = sorted(((b, g) for b, g in guesses if _inside(b, box)), key=order)
    count = text.count(UNREAD)
    return [g for _, g in inside] if len(inside) == count else [()] * count


def _key_of(rest: str) -> str | None:
    """What the words beside a value name: an indicator, a tool, or nothing this module knows."""
    bare = _FILLER.sub("", rest)
    if tool := _TOOL.match(bare):
        return tool.group(1).lower() + (f"_part{tool.group(2)}" if tool.group(2) else "")
    bare = re.sub("IIT|EIT|OIT", "", bare)  # the tool column beside an indicator's name
    if len(bare) < 4:
        return None
    found = process.extractOne(_skeleton(bare), list(_INDICATOR_KEYS), scorer=fuzz.ratio, score_cutoff=MIN_NAME_SCORE)
    return f"ind{_INDICATOR_KEYS[found[0]]}" if found else None


def _skeleton(text: str) -> str:
    """Letters without the marks OCR loses or splits (`ดำ` read `ดํา`, `ชี้` read `ชี`)."""
    return re.sub(f"[{MARKS}]", "", text.replace("\u0e4d\u0e32", "\u0e33"))


_INDICATOR_KEYS = {_skeleton(name): number for number, names in indicator_names().items() for name in names}


def _statement(text: str, candidates: list[tuple[str, ...]], put) -> list[Slot]:
    """The slot of one text (a line, a table row): its overall-score phrase, or its one value beside a name.
    `candidates` are those of the text's refused numbers in order; `put(start, length, new)` rewrites the
    text's characters from `start`."""
    unread = [m.start() for m in re.finditer(re.escape(UNREAD), text)]
    # a refused year is not a score; Thai digits as Arabic (one character for one: positions stay)
    masked = _YEAR_UNREAD.sub(lambda m: m.group(0)[:-1] + "@", to_arabic_digits(text))

    def slot(key: str, token: str, start: int) -> Slot:
        if token == UNREAD:
            guesses = candidates[unread.index(start)]
        elif _LOST_POINT.fullmatch(token):
            guesses = (f"{token[:2]}.{token[2:]}",)  # `5322 คะแนน`: ๕๓.๒๒ with its point lost, a candidate only
        else:
            return Slot(key, float(token))
        return Slot(key, None, guesses, lambda new: put(start, len(token), new))

    if overall := _OVERALL.search(masked):
        return [slot("overall", overall.group(1), overall.start(1))]
    values = list(_VALUE.finditer(masked))
    if len(values) != 1:
        return []
    key = _key_of(masked[:values[0].start()] + " " + masked[values[0].end():])
    return [slot(key, values[0].group(0), values[0].start())] if key else []


def _slots(layout: DocumentLayout, guesses: dict[int, list]) -> list[Slot]:
    ocr_pages = {page.number for page in layout.pages if page.ocr}
    slots: list[Slot] = []
    for page in layout.pages:
        if page.number not in ocr_pages:
            continue
        for line in page.lines:
            def put(start, length, new, line=line):
                line.text = line.text[:start] + new + line.text[start + length:]
            box = (line.x0, line.top, line.x1, line.bottom)
            slots += _statement(line.text, _candidates_in(box, line.text, guesses.get(page.number, []), True), put)
    for table in layout.tables:
        keyed: list[tuple[int, list[Slot]]] = []
        for r, row in enumerate(table.rows):
            if row.page in ocr_pages and row.kind != "header":
                keyed.append((r, found := _row_slots(row, guesses.get(row.page, []))))
                slots += found
        slots += _unlabelled_tool(table, keyed)
    return slots


# The order a tool table prints its rows in: IIT, EIT (or its two parts), OIT.
TOOL_ORDERS = (("iit", "eit", "oit"), ("iit", "eit_part1", "eit_part2", "oit"))


def _unlabelled_tool(table, keyed: list[tuple[int, list[Slot]]]) -> list[Slot]:
    """The slot of a tool row whose label cell was read empty (`| 80.90` between the header and `EIT ส่วนที่ 1`):
    the one tool the table's other tool rows leave out, when the rows in order, this one among them, are that
    tool order exactly. Its label is written (`label`) only once a relation with every value known holds for it
    (resolve): the row's place says which tool it is, the arithmetic that it is one."""
    tools = {r: found[0].key for r, found in keyed if len(found) == 1 and found[0].key in _TOOL_KEYS}
    out = []
    for r, found in keyed:
        row = table.rows[r]
        empty = [c for c, cell in enumerate(row.cells) if not cell.strip() and row.sources[c] is None] \
            if len(row.sources) == len(row.cells) else []
        value = _lone_value(row)
        if found or not empty or value is None or not tools:
            continue
        run = sorted({**tools, r: None}.items())
        start = [i for i, (at, _) in enumerate(run) if at == r][0]
        for order in TOOL_ORDERS:
            # the tool rows next to this one (no other row between) must be its neighbours in the order
            for first in range(len(order) - len(run) + 1):
                window = order[first:first + len(run)]
                if all(key == window[i] for i, (_, key) in enumerate(run) if key is not None) and \
                        all(b - a == 1 for (a, _), (b, _) in zip(run, run[1:])) and len(set(tools.values())) == len(tools):
                    key = window[start]
                    out.append(Slot(key, value, label=_label_writer(row, empty[0], key)))
        if len(out) > 1:
            return []  # two orders fit: the place does not say which tool
    return out[:1] if len({s.key for s in out}) == 1 else []


def _lone_value(row) -> float | None:
    """The row's one value, when its only text is one score (read, or confirmed earlier), else None."""
    texts = [to_arabic_digits(cell.strip()) for cell in row.cells if cell.strip()]
    if len(texts) != 1 or not _VALUE.fullmatch(texts[0]) or UNREAD in texts[0] or _LOST_POINT.fullmatch(texts[0]):
        return None
    return float(texts[0])


def _label_writer(row, column: int, key: str):
    """Writes the tool's label into the row's empty label cell; its provenance is the value's cell (nothing was
    read where the label is), engine `position`."""
    def write() -> None:
        label = "EIT ส่วนที่ " + key[-1] if key.startswith("eit_part") else key.upper()
        value = next(s for s in row.sources if s is not None)
        row.cells[column] = label
        row.sources[column] = Provenance(value.page, value.bbox, "", "position", CHECKED_CONFIDENCE)
    return write


def _row_slots(row, guesses) -> list[Slot]:
    """A table row's statement, its cells joined. A cell whose whole reading was refused (debris, or empty)
    and whose provenance holds the template's candidate (layout: engine template, confidence 0) stands as one
    refused value with that candidate; a `#` inside a cell takes the candidate of the page's refused word there."""
    texts, whole, candidates = [], set(), []
    for c, cell in enumerate(row.cells):
        source = row.sources[c] if c < len(row.sources) else None
        if source is not None and source.engine == "template" and source.confidence == 0.0 \
                and not _NUMBER.fullmatch(to_arabic_digits(cell.strip())):
            texts.append(UNREAD)
            whole.add(c)
            candidates.append((source.text,))  # (the guess's best digits: its rivals are for announcement rows)
            continue
        texts.append(cell)
        candidates += _candidates_in(source.bbox, cell, guesses, False) if source is not None else [()] * cell.count(UNREAD)
    starts = [sum(len(t) + 1 for t in texts[:c]) for c in range(len(texts))]

    def put(start: int, length: int, new: str) -> None:
        c = max(k for k in range(len(texts)) if starts[k] <= start)
        source = row.sources[c]
        if c in whole:
            row.cells[c], text = new, new
        else:
            at = start - starts[c]
            row.cells[c] = row.cells[c][:at] + new + row.cells[c][at + length:]
            text = source.text
        row.sources[c] = Provenance(source.page, source.bbox, text, "template", CHECKED_CONFIDENCE)

    slots = _statement(" ".join(texts), candidates, put)
    wholes = {(row.sources[c].text,) for c in whole}
    for slot in slots:
        slot.whole_cell = slot.guesses in wholes
    return slots


@dataclass
class _Value:
    """A key's printed value as the document reads it: a number, or the candidates of its refused prints."""

    slots: list[Slot]
    value: float | None
    options: tuple[str, ...]


def _relations(values: dict[str, _Value]) -> list[tuple[list[tuple[str, float]], float]]:
    """(terms (key, coefficient), tolerance) of each relation Σ coefficient·value = 0 the document's values
    make: a tool and the mean of its indicators, the overall score and its tools."""
    out = []
    means: dict[str, list[tuple[str, float]]] = {}
    for tool, numbers in TOOL_INDICATORS.items():
        keys = [f"ind{n}" for n in numbers]
        if all(k in values for k in keys):
            means[tool] = [(k, 1 / len(keys)) for k in keys]
            if tool in values:
                out.append(([(tool, -1.0)] + means[tool], MEAN_TOLERANCE))
    if "eit" not in values and "eit_part1" in values and "eit_part2" in values and "eit" in means:
        # EIT printed in its two parts of equal weight (PART_WEIGHTS): their mean is EIT, the mean of 6-8
        share = {part: weight / sum(PART_WEIGHTS.values()) for part, weight in PART_WEIGHTS.items()}
        out.append(([(part, -c) for part, c in share.items()] + means["eit"], PARTS_TOLERANCE))
    if "overall" not in values:
        return out
    terms: list[tuple[str, float]] = [("overall", -1.0)]
    for tool, weight in WEIGHTS.items():
        if tool == "eit" and "eit_part1" in values and "eit_part2" in values:
            terms += [(part, weight / 100) for part, weight in PART_WEIGHTS.items()]
        elif tool in values:
            terms.append((tool, weight / 100))
        elif tool in means:
            terms += [(key, c * weight / 100) for key, c in means[tool]]
        else:
            return out
    out.append((terms, TOTAL_TOLERANCE))
    return out


def _merged(slots: list[Slot]) -> dict[str, _Value]:
    """Values by key, a key printed with disagreeing numbers left out. A refused print's options are the
    candidates of its ruled cells' own crops where there are any (a word's box may cut a glyph: `1.76`), else
    of every print."""
    by_key: dict[str, list[Slot]] = {}
    for slot in slots:
        by_key.setdefault(slot.key, []).append(slot)
    out = {}
    for key, found in by_key.items():
        known = {s.value for s in found if s.value is not None}
        if len(known) > 1:
            continue
        refused = [s for s in found if s.value is None]
        cells = [g for s in refused if s.whole_cell for g in s.guesses]
        options = tuple(dict.fromkeys(cells or [g for s in refused for g in s.guesses]))
        out[key] = _Value(found, next(iter(known)) if known else None, options)
    return out


def resolve(layout: DocumentLayout, guesses: dict[int, list]) -> list[str]:
    """Write into `layout` every candidate its sums confirm (see the module's docstring); the notes of what
    was taken. A candidate confirmed counts as read for the next round (a tool confirmed by its indicators
    then checks the overall score)."""
    values = _merged(_slots(layout, guesses))
    notes: list[str] = []
    while accepted := _confirmed(values):
        for key, text in accepted.items():
            for slot in values[key].slots:  # the same print read as a line and as a table row
                if slot.value is None and slot.write is not None:
                    slot.write(text)
            values[key].value = float(text)
            notes.append(f"{key} {text} read from its template candidate: the document's sums confirm it")
    for key, value in values.items():
        labels = [s for s in value.slots if s.label is not None]
        if labels and len(value.slots) == len(labels) and _holds(key, values):
            for slot in labels:
                slot.label()
            notes.append(f"{key} label written by its row's place among the tool rows: its indicators' mean confirms it")
    return notes


def _holds(key: str, values: dict[str, _Value]) -> bool:
    """Whether some relation holding `key`, every value in it known, holds."""
    for terms, tolerance in _relations(values):
        if any(k == key for k, _ in terms) and all(values[k].value is not None for k, _ in terms):
            if abs(sum(c * values[k].value for k, c in terms)) <= tolerance:
                return True
    return False


def _confirmed(values: dict[str, _Value]) -> dict[str, str]:
    """Candidates (key -> text) that a relation confirms as the one combination of candidates making it hold,
    and that no relation contradicts (none holds, or several do)."""
    supported: dict[str, set[str]] = {}
    contradicted: set[str] = set()
    for terms, tolerance in _relations(values):
        unknown = list(dict.fromkeys(key for key, _ in terms if values[key].value is None))
        if not unknown or len(unknown) > MAX_GUESSES or any(not values[k].options for k in unknown):
            continue
        holding = []
        for combo in itertools.product(*(values[k].options for k in unknown)):
            chosen = dict(zip(unknown, combo))
            total = sum(c * (values[k].value if values[k].value is not None else float(chosen[k])) for k, c in terms)
            if abs(total) <= tolerance:
                holding.append(chosen)
        if len(holding) == 1:
            for key, text in holding[0].items():
                supported.setdefault(key, set()).add(text)
        else:
            contradicted.update(unknown)
    return {key: next(iter(texts)) for key, texts in supported.items() if key not in contradicted and len(texts) == 1}
