"""What a scanned level cell of a results announcement can stand for: pure functions on the cell's text.

OCR reads a level cell's glyphs as other characters: a letter as the digit or bracket of its shape (`8` for B,
`(0` for C), a Thai-spelled letter among specks read from marks (`ฮ@0 ดี 7`), a word level with letters lost or
added (`ผ่านี` for ผ่านดี, `ต้องปรับปรุงโดย`), a pass word whose letter was lost (`(ไม่ผ่าน)`), the first line of a
level printed on two. These functions say which levels such a reading can be (candidates); which one the row
prints, if any, is decided by the row's checksums and the table's own levels (parsers/ita/announcement.py), never
here. Texts are a cell's text as the grammar tidied it (parsers.ita.text.tidy) unless said.
"""
from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from normalizers.catalog import LETTER_LEVELS, THAI_LEVELS
from normalizers.digits import to_arabic_digits
from normalizers.levels import normalize_level
from normalizers.thai_text import MARKS
from parsers.ocr_digits import THAI_LETTER_WORDS
from parsers.records import Provenance

PASSING = ("AA", "A")  # the letters that pass (85 and over) on the letter scale
_MARK = re.compile(f"[{MARKS}]")


def skeleton(text: str | None) -> str:
    """Whitespace-free text with Arabic digits and without Thai vowels above or below the line and tone marks
    (as parsers.ita.text.skeleton: the scan layer does not import the grammar)."""
    return _MARK.sub("", re.sub(r"\s+", "", to_arabic_digits(text or "")))


_LEVEL_SKELETONS = {skeleton(level): level for level in THAI_LEVELS}
_VOWELS_ABOVE_BELOW = re.compile(r"[\u0e34-\u0e39]")  # ิ ี ึ ื ุ ู ฺ (not tone marks, which specks mimic)


def foreign_vowel(text: str, level: str) -> bool:
    """A scanned level reading holds a vowel above or below the line that `level` does not print and that a
    longer level holding `level`'s letters does: a letter of that level whose consonant the scan lost
    (`ผ่านี` is ผ่านดี with ด lost, not ผ่าน: a WRONG level on a held-out look), so the reading is no level.
    Matching without marks (skeleton) cannot see it. A vowel no such level prints is a speck
    (`ต้องปรับปรุงโดยด่วีน`)."""
    foreign = set(_VOWELS_ABOVE_BELOW.findall(text)) - set(_VOWELS_ABOVE_BELOW.findall(level))
    return bool(foreign) and any(
        other != level and skeleton(level) in skeleton(other) and foreign & set(_VOWELS_ABOVE_BELOW.findall(other))
        for other in THAI_LEVELS)


# ไม่ผ่าน also with its leading vowel lost (`C(ม่ผ่าน)`): ม before ผ่าน is never the pass word ผ่าน
PASS_WORD = re.compile(r"^(.*?)[\s(\[]*(ไ?ม่?\s*ผ่?า่?น|ผ่?า่?น)[\s)\].,']*$")  # (specks after it: `6(ไม่ผ่าน).`)


def pass_word(text: str) -> tuple[str, bool | None]:
    """A level cell's text without the pass word printed after its letter (`8(ไม่ผ่าน)`: `8`, False), and
    whether it says the unit passed (None when it prints none)."""
    match = PASS_WORD.match((text or "").strip())
    if match is None or not match.group(1).strip():
        return text, None
    return match.group(1).strip(), not match.group(2).startswith(("ไ", "ม"))


_SPELLED_LETTERS = {"เอเอ": "AA", "เอ": "A", "บี": "B", "ซี": "C", "ดี": "D", "อี": "E", "เอฟ": "F"}


def spelled_among_specks(text: str) -> str | None:
    """A letter level spelled in Thai as one word of a scanned cell, with its vowel (`ดี`, not a `ด` whose vowel
    was lost), the cell's other words specks OCR read beside it (no two Thai letters, no Latin letter:
    `ฮ@0 ดี 7`, `พ เอเอ: ยุ`, `7 เอฟ`), as `B al` is B. The letter bands are disjoint, so a total read right
    refutes a misread letter."""
    words = [re.sub(r"^[^ก-๛]+|[^ก-๛]+$", "", w) for w in text.split()]
    spelled = [w for w in words if w in _SPELLED_LETTERS]
    if len(spelled) != 1 or re.search(r"[A-Za-z]", text):
        return None
    others = [w for w in words if w and w not in _SPELLED_LETTERS]
    if any(len(re.findall(r"[ก-ฮ]", w)) >= 2 for w in others):
        return None
    return _SPELLED_LETTERS[spelled[0]]


def nearest_level(letters: str) -> str | None:
    """The level a scanned cell's letters (marks aside) are a letter or two off: one letter misread (`ฝานด`:
    the only level of that length it could be), or added or lost (`ตองปวรบปรง`; two in the long levels:
    `งตองปรบปร`, ต้องปรับปรุง with its last letter read first) when every other level is two letters further;
    else none (`สผานด` could be ผ่านดี or ผ่าน with a speck, `ผานก` ผ่าน or ผ่านดี)."""
    if len(letters) < 4:
        return None
    ranked = sorted((Levenshtein.distance(letters, key), level) for key, level in _LEVEL_SKELETONS.items())
    swapped = [level for key, level in _LEVEL_SKELETONS.items()
               if len(key) == len(letters) and sum(a != b for a, b in zip(key, letters)) == 1]
    if len(swapped) == 1:
        return swapped[0]
    (best, level), (second, _) = ranked[0], ranked[1]
    return level if 0 < best <= (2 if len(letters) >= 8 else 1) and second - best >= 2 else None


def _level_letters(text: str) -> str:
    """A level cell's Thai letters, marks aside, from its words of three letters or more (a level is one or two
    words; stray letters OCR read from marks and specks around it, `ง al`, are not)."""
    words = [w for w in text.split() if len(re.findall(r"[ก-ฮ]", w)) >= 3] or text.split()
    return skeleton(re.sub(r"[^ก-๛]", "", "".join(words)))


def read_level(text: str, worded: tuple[str, bool] | None = None) -> tuple[str | None, bool]:
    """(level, on the scale) of a scanned level cell's tidied, non-empty text: a level of the scale, OVEC's
    `ปรับปรุง` as printed (off the scale), or none, since a misread level is no level (the row's checks still
    have its numbers). `worded` is the grammar's reading of the cell as a letter printed with words (`ซี`,
    `A (ผ่าน)`), taken when on the scale. A letter level is printed in capitals: a lower-case reading (`a` for a
    B) is OCR's guess at a glyph it did not know. Thai letters are matched without their marks (OCR drops tone
    marks and reads those above the line as a line of their own: `1 a / ผานด` is ผ่านดี)."""
    first = text.split()[0]
    if not re.search(r"[ก-๛]", text) and re.search(r"[a-z]", re.sub(r"[^A-Za-z]", "", first)):
        return None, True
    if found := normalize_level(text):
        return (None, True) if foreign_vowel(text, found) else (found, True)
    if worded and worded[1]:
        # (a letter its pass word contradicts, `A(ไม่ผ่าน)` for a B a bilevel copy thickened, is a misread letter,
        # not the document's spelling: no level, the row's total may still decide)
        return worded
    if (split := pass_word(text))[1] is not None:
        letter = re.sub(r"[^A-Za-z]", "", split[0])
        if letter in LETTER_LEVELS and re.fullmatch(r"[A-Za-z.,:;'\-()\s]+", split[0]) \
                and split[1] == (letter in PASSING):
            return letter, True
        return None, True  # a shape (`8`) the row's total may still decide (letter_shapes)
    if (spelled := spelled_among_specks(text)) is not None:
        return spelled, True
    # a letter level (AA-F) as the cell's first word, with the specks OCR read beside it (`B al`, `AA.`)
    letter = re.sub(r"[^A-Za-z]", "", first)
    if letter in LETTER_LEVELS and re.fullmatch(r"[A-Za-z.,:;'\-]+", first):
        return letter, True
    letters = _level_letters(text)
    if letters in _LEVEL_SKELETONS and not foreign_vowel(text, _LEVEL_SKELETONS[letters]):
        return _LEVEL_SKELETONS[letters], True
    if (near := nearest_level(letters)) is not None and not foreign_vowel(text, near):
        return near, True
    if letters in _LEVEL_SKELETONS or near is not None:
        return None, True
    if letters != skeleton("ปรับปรุง"):  # the one level outside the scale tables print (OVEC)
        return None, True
    return "ปรับปรุง", False


# What OCR makes of the letter levels (AA-F) in a scanned level cell: a letter read as the digit or bracket
# of its shape (B as `8`, C as `(`, `(0` or `6` (TH Sarabun's C, a printed then scanned table), D as `0`/`O`).
# A level cell never holds a number, so on the letter scale such a cell is read as the letters it can be; `0`
# can be C or D, and the row's total decides.
_LETTER_SHAPES = {"A": "A", "4": "A", "B": "B", "8": "B", "ß": "B", "C": "C", "c": "C", "(": "C", "G": "C", "6": "C",
                  "D": "D", "0": "CD", "O": "CD", "o": "CD", "E": "E", "F": "F"}
_SHAPE_SPECKS = re.compile(r"[\s.,:;'\"`|\-_~]+")


def letter_candidates(text: str) -> tuple[str, ...]:
    """The letter levels a scanned level cell can be by the shapes of its characters (`8` is B, `(0` is C,
    `0` is C or D, `A4` is AA), specks aside; () when the cell is no lookalike of a level."""
    key = _SHAPE_SPECKS.sub("", text or "")
    key = re.sub(r"^\((?:0|O|o)$", "(", key)  # C's bow read as a bracket and a ring
    if not 1 <= len(key) <= 2 or any(ch not in _LETTER_SHAPES for ch in key):
        return ()
    if len(key) == 1:
        return tuple(level for level in LETTER_LEVELS if level in _LETTER_SHAPES[key])
    return ("AA",) if all("A" in _LETTER_SHAPES[ch] for ch in key) else ()


def letter_shapes(text: str) -> tuple[tuple[str, ...], bool]:
    """(candidates, letter lost) of a scanned letter-scale level cell that reads as no level: the letters its
    shape can be (`8` is B), those its pass word allows (`8(ไม่ผ่าน)`); a pass word read beside a letter the
    scan lost or garbled (`(ไม่ผ่าน)`, `ภิ(ผ่าน)`) still says which letters the cell can be (letter lost: only a
    total its tools pin exactly may decide among them)."""
    letter_text, passes = pass_word(text)
    if passes is None and (bare := PASS_WORD.match(text.strip())) and "(" in text:
        passes = not bare.group(2).startswith(("ไ", "ม"))  # `(ไม่ผ่าน)`: the letter before it lost
    lost_letter = not letter_candidates(letter_text) and passes is not None
    candidates = LETTER_LEVELS if lost_letter else letter_candidates(letter_text)
    return tuple(lv for lv in candidates if passes is None or passes == (lv in PASSING)), lost_letter


def _in_order(letters: str, key: str) -> bool:
    """Every one of `letters` is in `key`, in order (the others lost by the scan)."""
    rest = iter(key)
    return all(ch in rest for ch in letters)


def word_level_candidates(text: str) -> tuple[str, ...]:
    """The word-scale levels (2567+) a scanned level cell that reads as none can be, by its Thai letters (marks
    aside; words of under three letters are specks): those holding all its letters in order (letters lost:
    `ต้องปรับปรุงโดย`, `ผ่านี`) or two letters off them (`ผ่านดีด`, `ดผ่านี`), less those lacking a vowel the
    reading holds that a longer level prints (`ผ่านี` is not ผ่าน: foreign_vowel). Three letters at least
    (vowels on the line count); () when none. Which of them the row prints is for the band of a total its
    tools pin (the grammar)."""
    letters = _level_letters(text)
    if len(letters) < 3:
        return ()
    return tuple(level for key, level in _LEVEL_SKELETONS.items()
                 if (_in_order(letters, key) or Levenshtein.distance(letters, key) <= 2)
                 and not foreign_vowel(text, level))


# A scanned level that is the first line of a longer one: what it reads if the cell's second line is lost.
_CUT_LEVELS = {"ต้องปรับปรุง": ("ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน")}


def cut_levels(level: str | None) -> tuple[str, ...]:
    """The levels a scanned level can be when it is the first line of a longer one whose second line the OCR
    grid lost (`ต้องปรับปรุง` / `โดยด่วน`): itself and the longer ones; () for any other level."""
    return _CUT_LEVELS.get(level or "", ())


def pictured_word(source: Provenance | None, text: str) -> bool:
    """The cell is a Thai-spelled letter level the template reader read by its picture (engine template), not
    Tesseract's reading of it (parsers.ocr_digits.read_thai_letter_level)."""
    return source is not None and source.engine == "template" and source.confidence > 0 \
        and re.sub(r"\s+", "", to_arabic_digits(text or "")) in THAI_LETTER_WORDS
