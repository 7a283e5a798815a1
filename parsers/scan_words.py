"""Dictionary-aware correction of OCR'd Thai free text (measure, method, output, outcome cells).

Tesseract misreads a letter or a mark here and there (`การถำเน็นงาน` for การดำเนินงาน, `บรีการ` for บริการ,
`ข้อมูลทิเป็น` for ข้อมูลที่เป็น, `การใช้ข่าย` for การใช้จ่าย). A reading is replaced only where the replacement
is much more likely in an ITA document than what OCR read:

* the ITA vocabulary is the words, and runs of two and three words, of the catalogs' question wordings, the
  office names and the seed documents (data/reference/ita_words.csv, scripts/build_scan_lexicon.py, each
  with its count and where it was found); a run counts only when every word of it is in PyThaiNLP's list;
* in a sentence (a cell of MIN_SENTENCE_CONSONANTS or more), a stretch of up to MAX_WINDOW of PyThaiNLP's words
  holding a piece that is no word (`ถำเน็น`, `ทิ`, a lone `ฆ`), the stretch itself never printed there, is
  replaced by the one run of the vocabulary, printed at least twice, that is within a few OCR edits of it (a
  mark lost, added or changed costs half an edit, a letter one; short stretches allow fewer edits; a close
  second candidate leaves the text as read), and only when that lessens the letters left unknown.

A real word is never a reason to edit, names (after ตำบล, วิทยาลัย…, `อบต.`) are the registry's, and at a cell's
edges nothing is dropped or completed (a break may have cut the cell). docs/layout.md has the measurements.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from normalizers.thai_text import MARKS

WORDS = Path(__file__).resolve().parent.parent / "data" / "reference" / "ita_words.csv"
MIN_COUNT = 2  # a run the vocabulary's texts print at least this often may replace a reading
MIN_LETTERS = 3
MAX_WINDOW = 4  # words of the cell tried together
MAX_STEPS = 4  # replacements in one run of letters
MARK_COST = 0.5
MIN_SENTENCE_CONSONANTS = 20  # of a cell that is a sentence (a measure, a method), not a name, office or date
_MARKS = frozenset(MARKS)
_LONE_WORDS = frozenset("ณ")
_THAI = "\u0e01-\u0e2e\u0e30-\u0e45\u0e47-\u0e4e"  # ฯ and ๆ end a run: no letter
# a run goes on over a cell's line break between Thai letters (a wrap inside a word: parsers.pdf_text.join_lines
# joins those lines with nothing), so `ประชาสัมพัน|ธ์` and `ข้อมูลทิ|เป็น` are read as the words they are
_THAI_RUN = re.compile(f"[{_THAI}]+(?:\n[{_THAI}]+)*")
_CONSONANT = re.compile(r"[\u0e01-\u0e2e]")


def _allowed(length: int) -> float:
    """Edits (marks at half) a stretch of `length` characters may differ from the vocabulary's run by."""
    if length <= 4:
        return 0.5
    if length <= 8:
        return 1.0
    if length <= 14:
        return 1.5
    return 2.0


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, int], list[str]]:
    """(every run the vocabulary's texts print -> its count, the runs that may replace a reading)."""
    if not WORDS.exists():
        return {}, []
    with WORDS.open(encoding="utf-8") as handle:
        counts = {row["run"]: int(row["count"]) for row in csv.DictReader(handle)}
    targets = [run for run, count in counts.items() if count >= MIN_COUNT and len(run) >= MIN_LETTERS]
    return counts, targets


def _cost(read: str, word: str) -> float:
    """Weighted edit distance: a mark inserted, deleted or replaced by a mark costs MARK_COST, anything else 1."""
    previous = [0.0]
    for char in word:
        previous.append(previous[-1] + (MARK_COST if char in _MARKS else 1.0))
    for a in read:
        a_cost = MARK_COST if a in _MARKS else 1.0
        row = [previous[0] + a_cost]
        for j, b in enumerate(word, 1):
            b_cost = MARK_COST if b in _MARKS else 1.0
            swap = 0.0 if a == b else (MARK_COST if a in _MARKS and b in _MARKS else 1.0)
            row.append(min(previous[j] + a_cost, row[j - 1] + b_cost, previous[j - 1] + swap))
        previous = row
    return previous[-1]


def _best(read: str, targets: list[str]) -> str | None:
    """The one vocabulary run within the allowed edits of `read`, clearly closer than any other."""
    limit = _allowed(len(read))
    near = process.extract(read, targets, scorer=Levenshtein.distance, score_cutoff=int(2 * limit) + 1, limit=20)
    scored = sorted((_cost(read, run), run) for run, _, _ in near)
    if not scored or scored[0][0] > limit or scored[0][0] == 0:
        return None
    if len(scored) > 1 and scored[1][0] - scored[0][0] < MARK_COST:
        return None
    return scored[0][1]


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words  # noqa: PLC0415 - loaded only for OCR'd cells

    return frozenset(thai_words())


def _suspect(token: str, dictionary: frozenset[str]) -> bool:
    """A piece OCR made, not a word: no word of PyThaiNLP's list (the tokenizer's leftovers, `ถำเน็น`, `ทิ`), or
    a consonant standing alone (`ฆ` in `เปิดเผยฆข้อมูล`; `ณ` is a word). A real word the vocabulary does not
    know (`ทับซ้อน` where it printed ผลประโยชน์ทับซ้อน whole) is never a reason to change the text."""
    return token not in dictionary or (len(token) == 1 and token not in _LONE_WORDS)


def _unknown(tokens: list[str], counts: dict[str, int], dictionary: frozenset[str]) -> tuple[int, int]:
    """(letters in pieces that are no word, letters in words the vocabulary never prints): what a correction
    must lessen."""
    return (sum(len(t) for t in tokens if _suspect(t, dictionary)),
            sum(len(t) for t in tokens if t not in counts))


def _correct_run(run: str, counts: dict[str, int], targets: list[str], edges: tuple[bool, bool]) -> str:
    """One run of Thai letters: of the replacements of a stretch holding a suspect piece, the one leaving the
    fewest letters unknown (then the cheapest, then the longest: `บ|รี|การ` as บริการ, not `บรี` as บุรี), taken
    while it lessens them; so `ส่งเสวิมคุณธรรม` becomes ส่งเสริมคุณธรรม (everything known), not ส่งเสวิมีคุณธรรม
    (`มคุณธรรม` as มีคุณธรรม, one mark, leaves `เสวิ`)."""
    from pythainlp.tokenize import word_tokenize  # noqa: PLC0415 - loaded only for OCR'd cells

    dictionary = _dictionary()
    tokens = word_tokenize(run, engine="newmm")
    for _ in range(MAX_STEPS):
        suspects = [k for k, t in enumerate(tokens) if _suspect(t, dictionary)]
        if not suspects:
            break
        before = _unknown(tokens, counts, dictionary)
        options = []
        for start in range(len(tokens)):
            for end in range(start + 1, min(start + MAX_WINDOW, len(tokens)) + 1):
                window = tokens[start:end]
                read = "".join(window)
                if read in counts or not any(start <= k < end for k in suspects):
                    continue
                best = _best(read, targets)
                if best is None or _unsafe(window, best, start, end, len(tokens), dictionary, edges):
                    continue
                after = word_tokenize("".join(tokens[:start]) + best + "".join(tokens[end:]), engine="newmm")
                if (unknown := _unknown(after, counts, dictionary)) < before:
                    options.append((unknown, _cost(read, best), -len(read), after))
        if not options:
            break
        tokens = min(options, key=lambda option: option[:3])[3]
    return "".join(tokens)


def _unsafe(window: list[str], best: str, start: int, end: int, n_tokens: int, dictionary,
            edges: tuple[bool, bool]) -> bool:
    """A replacement that drops a stray piece's letters where the piece belongs with the text beyond it (the next
    word: `คู่มือบ|รีการ` is คู่มือ บริการ, not คู่มือ; or the cell's other part, a page or row break having cut the
    cell: `edges` says the run opens or closes the cell), or that completes the cell's last word (`ประชาสัมพัน`
    and `ธ์ให้…` in the cell's next part): a guess at text OCR did not lose."""
    read = "".join(window)
    opens, closes = edges
    if end == n_tokens and closes and len(best) > len(read) and best.startswith(read):
        return True
    if len(_CONSONANT.findall(best)) >= len(_CONSONANT.findall(read)):
        return False
    return (_suspect(window[0], dictionary) and (start > 0 or opens)) \
        or (_suspect(window[-1], dictionary) and (end < n_tokens or closes))


# A proper name follows these (a unit, a place, a college): its letters are the registry's business
# (pipeline/resolve.py), never the vocabulary's (`ตำบลบ้านระกาศ` is no damaged บ้านประกาศ).
_NAME_LEAD = re.compile(r"(?:ตำบล|อำเภอ|จังหวัด|เทศบาล|นคร|วิทยาลัย|โรงเรียน|โรงพยาบาล|หมู่บ้าน|มหาวิทยาลัย)")
_NAME_ABBREVIATION = re.compile(r"(?:^|[^\u0e01-\u0e4e])(?:อบต|อบจ|ทต|ทม|ทน|อ|จ|ต)\.\s*$")


def _fix(match: re.Match, counts: dict[str, int], targets: list[str]) -> str:
    """The run corrected, its line breaks kept where they stood (later stages read a cell's lines)."""
    text, read = match.string, match.group()
    run = read.replace("\n", "")
    fixed = _fix_run(run, match, text, counts, targets)
    if fixed == run:
        return read
    breaks, at = [], 0
    for line in read.split("\n")[:-1]:
        at += len(line)
        breaks.append(at)
    return _with_breaks(run, fixed, breaks)


def _with_breaks(run: str, fixed: str, breaks: list[int]) -> str:
    """`fixed` with a line break where each of `breaks` (positions in `run`) falls once `run` is edited into it."""
    moved = []
    for position in breaks:
        for tag, i1, i2, j1, j2 in Levenshtein.opcodes(run, fixed):
            if i1 <= position < i2 or (position == i2 == len(run)):
                moved.append(j1 + min(position - i1, j2 - j1) if tag in ("equal", "replace") else j1)
                break
    for position in sorted(moved, reverse=True):
        fixed = fixed[:position] + "\n" + fixed[position:]
    return fixed


def _fix_run(run: str, match: re.Match, text: str, counts: dict[str, int], targets: list[str]) -> str:
    """The run (its line breaks taken out) corrected up to a name's lead word, told whether it opens or closes
    the cell."""
    if _NAME_ABBREVIATION.search(text[:match.start()]) or text[match.end():match.end() + 1] == ".":
        return run  # `อบต.X`, `จ.X`: a name; `จ.` itself an abbreviation, no stray letter
    edges = (not text[:match.start()].strip(), not text[match.end():].strip())
    lead = _NAME_LEAD.search(run)
    if lead:
        return _correct_run(run[:lead.end()], counts, targets, (edges[0], False)) + run[lead.end():] \
            if lead.start() else run
    return _correct_run(run, counts, targets, edges)


def correct_words(text: str) -> str:
    """OCR'd Thai text with the stretches the ITA vocabulary reads much more likely written as it prints them.
    Only sentences: a cell of fewer consonants is a name, an office or a date (a bare unit name in an
    announcement's name column, `บ้านระกาศ`), whose vocabularies are others."""
    counts, targets = _vocabulary()
    if not targets or not text or len(_CONSONANT.findall(text)) < MIN_SENTENCE_CONSONANTS:
        return text
    return _THAI_RUN.sub(lambda m: _fix(m, counts, targets), text)
