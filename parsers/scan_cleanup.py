"""Post-OCR cleanup of an OCR'd page's lines and cells, so that the ITA grammar reads clean text.

What Tesseract gets wrong on Thai ITA scans is a small set of confusions, the same in every document: tool
names read as digits (`011` for OIT), `ค` for `ด` in level words (`ผ่านคี`), `8` for the level B, a five-digit
`10000` for 100.00, words mixing digits with letters that stand for Thai digits (`จอ.87`: refused as
`ocr_digits.UNREAD`), question codes whose letter became a digit sign (`l9`, `611`). They are repaired or
refused here, once, for OCR'd text only (a text layer says what it says). Closed vocabularies snap a
cell to what the document can print when OCR came close: an office name (data/reference/offices.csv), a
Thai month name. Snapping needs a high similarity; a near miss keeps the OCR text and says so.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from normalizers.catalog import THAI_LEVELS, match_indicator, tool_of_indicator
from normalizers.dates import ABBREVIATED, MONTHS, month_number
from normalizers.digits import to_arabic_digits
from normalizers.thai_text import MARKS
from parsers.ocr_digits import UNREAD
from parsers.scan_vocab import restore_words
from parsers.scan_words import correct_words

OFFICES_CSV = Path(__file__).resolve().parent.parent / "data" / "reference" / "offices.csv"
OFFICE_SIMILARITY = 0.86  # share of a cell's letters an office-name reading must get right to be snapped
OFFICE_NEAR = 0.80  # above this (and below the snap) a cell is an office name OCR damaged: kept, with a warning
MONTH_SIMILARITY = 80  # rapidfuzz ratio a word needs with a month name to be that month

# A tool name read with digits or look-alike letters: `011`/`0IT`/`OlT` → OIT, `E1T`/`El1` → EIT, `lIT`/`1IT` → IIT.
# The first sign names the tool; a word of three signs from these sets is nothing else in an ITA document.
# `611` is the code e11 and `111` may be a count, so a third sign other than T names a tool only after 0/O
# (`017`: T read as 7; no number is printed with a leading zero).
_TOOL = re.compile(r"(?<![\w.])(?:([0OoEeIl1|])[Il1|][Tt]|([0Oo])[Il1|][Il17|])(?![\w.])")
_TOOL_FIRST = {"0": "O", "O": "O", "o": "O", "E": "E", "e": "E"}
_IIT_CELL = re.compile(r"^\s*[Il1|]{3}\s*$")  # a cell of three strokes is the tool IIT (no score exceeds 100)
# A tool name read as strokes or digits where an indicator's line opens, glued to or just before the name
# (`1 111การปฏิบัติหน้าที่ 100`, `10 011 การป้องกันการทุจริต 86.33`): three look-alike signs after the line's list
# number (or its refusal), before Thai text that names one of the ten indicators, are that indicator's tool.
_TOOL_BEFORE_NAME = re.compile(r"^(\s*(?:ต\u0e31?วช[\u0e34\u0e35]\u0e49?ว\u0e31?ดที\u0e48?\s*)?(?:[\d#]{1,2}[.)]?\s*)?)[0O1Il|][1Il|][1Il|T]"
                               r"(?=\s*[\u0e01-\u0e2e\u0e40-\u0e44])")
# A word of digits mixed with letters Tesseract writes for Thai digits (ocr_digits._LOOKALIKES): the templates
# refused it, and a digit taken out of it (the 0 of `ฒ0 ฒ5`, 70.75) would be a wrong number.
_MIXED_WORD = re.compile(r"(?<!\S)(?=\S*\d)(?=\S*[อวฯงจฒญๆซ«©@])[\d.,อวฯงจฒญๆซ«©@]+(?!\S)")
# A list number read as Latin letters or signs before an indicator's name (`lo. การใช้งบประมาณ 87.57`, `©) การ…`):
# refused (`#.`), as any unread list number; the name after it is kept.
_GARBLED_LIST_NUMBER = re.compile(r"^(\s*)[A-Za-z|!©«»@]{1,3}([.)])(?=\s*[\u0e01-\u0e2e\u0e40-\u0e44])")
# A list number read as the repetition sign (`ๆ. การเผยแพร่…` for ๗.): ๆ repeats the word before it and never opens
# a cell, so at a cell's start, with a point or bracket, it is a Thai digit OCR misread: refused (`#.`), not taken
# for the rest of the row above.
_REPEAT_SIGN_NUMBER = re.compile(r"^(\s*)ๆ\s?([.)])(?=\s*[\u0e01-\u0e2e\u0e40-\u0e44])")
# The same alone in its cell (a ruled table's list-number column, `lo.` for 10.), of the signs Tesseract writes for
# digits: refused (`#.`); its row is read by the name in the next cells.
_GARBLED_NUMBER_CELL = re.compile(r"^\s*[lIoO|!©«»@]{1,3}\s*([.)])\s*$")
# A score opening its line behind up to three Thai signs glued to it, one a look-alike that ends no short word
# (`สญ่30 คะแนน` under `3. การปรับปรุงระบบการทำงาน`: ๙๗.๓๐ with ๙๗. read as letters, 01017 bilevel 200 dpi):
# refused whole; its digits alone (30) would be a wrong score. `ได้100 คะแนน` (no look-alike) is kept.
_LETTERS_BEFORE_SCORE = re.compile(r"(?m)^(\s*)(?=[^\s\d]{0,2}[ฒญซฯๆ«©@])[\u0e01-\u0e4e«©@]{1,3}\d[\d.]*(?=\s*คะแนน)")
# A number with a sign Tesseract writes for a Thai digit glued to it (`9@.78`, `85«.12`, `86.3©`): refused whole;
# its digits alone would be another number.
# (not a Latin word's: `no1@mail.com`, `12@gmail`).
_SIGN_IN_NUMBER = re.compile(r"(?<![A-Za-z\d.])\d[\d.]*[@«©][\d.@«©]*(?![A-Za-z])")
# A score before the score word with one or two signs among its digits (`95ส93 คะแนน`, `8 ง.95`): refused, so that
# the grammar neither takes it nor reaches past it for the next number.
_GARBLED_SCORE = re.compile(r"(?<![\d.])\d[\d.]*\s?[^\d\s.]{1,2}\s?[\d.]*\d(?=\s*คะแนน)")
# `10000 คะแนน`: five digits without a point before the score word can only be 100.00.
_LOST_POINT = re.compile(r"(?<![\d.])10000(?=\s*คะแนน)")
# A score starting with 0 and a digit (`00.00`: 100.00 with its 1 lost) is no score: refused.
_ZERO_SCORE = re.compile(r"(?<![\d.])0\d\.\d{1,2}(?![\d.])")
# Level statements: `ระดับ 8` is B; lower-case debris glued to a letter level (`ระดับAai`) is dropped.
_LEVEL_B = re.compile(r"(ระดับ(?:ผลการประเมิน)?\s*(?:คือ)?\s*[:\"“”']*\s*)8(?![\d.])")
# ระดับ whose ร a line's start lost (01011, colour 200 dpi: `ะดับผลการประเมิน :"8"`), where ผลการประเมิน or a
# level follows: no Thai word starts with ะ, so the grammar would not see the level word.
_LOST_RO = re.compile(r"(?<![\u0E01-\u0E4E])ะดับ(?=ผลการประเมิน|\s*(?:คือ\s*)?[:\"“”']*\s*(?:AA|[A-F8])(?![\w.]))")
# คะแนน whose ค was lost the same way (01021, bilevel 150 dpi: `ะแนนภาพรวมของจังหวัด…: 91.09 คะแนน`): the grammar
# knows the overall statement by its opening word.
_LOST_KHO = re.compile(r"(?<![\u0E01-\u0E4E])ะแนน(?=\s*(?:ภาพรวม|รวม|การประเมิน|[\d.#]))")
# ตัวชี้วัดที่ whose first letter(s) were lost at a line's start the same way (01010, bilevel: `วชีวัดที6 คุณภาพการ
# ดำเนินงาน ได้คะแนน 87.12`): no Thai word opens with วชีวัด, so the heading word is written whole for the grammar.
_LOST_TO = re.compile("(?m)^(\\s*)(?:\u0e15\u0e31?)?\u0e31?\u0e27\u0e0a[\u0e34\u0e35]\u0e49?\u0e27\u0e31?\u0e14\u0e17[\u0e34\u0e35]\u0e48?")
# ประเมิน with its ป read as บ (the tail lost: 01010, bilevel 150 dpi: `ระดับผลการบระเมิน :"8"`): no Thai word holds
# บระเมิน (nor ends with บ before ระเมิน), so the word is written whole and the level statement is known by it.
_PO_AS_BO = re.compile("บระเมิน")
# ประเมิน with a stray consonant between ม and its vowel (01026, grey 150 dpi: `ผลการประเมบินITA ของ… พ.ศ2565`):
# OCR read the vowel's base twice. No Thai word holds ประเม + a consonant + ิน, and the assessment year's
# statement is known by ผลการประเมิน.
_STRAY_IN_PRAMOEN = re.compile("ประเม[\u0e01-\u0e2e](?=\u0e34น)")
# IIT with one of its strokes lost (01014, `IT 88.94` in the tools' table): no ITA tool is called IT, and `IT`
# alone in its cell or right before a score is the tool IIT (`EIT`/`OIT` keep their first letter, ITA its A).
_IT_AS_IIT = re.compile(r"^\s*IT\s*$|(?<![\w.])IT(?=\s*\d{1,3}\.\d{2}(?![\d.]))")
_LEVEL_DEBRIS = re.compile(r"(ระดับ(?:ผลการประเมิน)?\s*(?:คือ)?\s*[:\"“”']*\s*)(AA|[A-F])[a-z]+\b")
# A question code opening a cell (alone, or before its Thai wording), its letter read as a sign: `l9`, `|9`,
# `I 9` → i9; `611` (glued) → e11.
_CODE_I = re.compile(r"^(\s*)[l|I]\s?(\d{1,2})(?!\d)(?=\s*\*?\s*(?:[\u0e01-\u0e4e]|$))")
_CODE_E = re.compile(r"^(\s*)6(\d{1,2})(?!\d)(?=\s*\*?\s+[\u0e01-\u0e4e])")
# An OIT code glued to a Latin name after it (`013E-Service`, `06Q&A`: o๑๓, o๖ with the o read as a zero): o13.
_CODE_O = re.compile(r"^(\s*)[0O](\d{1,2})(?!\d)\s?(?=\*?[A-Z][A-Za-z&\-])")
# A code's reading glued to the Thai wording after it (`edหน่วยงาน…` for e6, `[21เจ้าหน้าที่…`, `6อ9หน่วยงาน…`): two
# or three Latin letters, digits or the signs OCR makes of a letter (`[ ] | !`), holding a letter or sign, or a
# digit, a Thai look-alike of a digit and a digit, right before a
# Thai consonant or leading vowel at a cell's start, are the code's place: a space is put after them, so that the
# grammar reads the token where a code is printed (and the question by its wording when the token is no code).
# A tool or ITA glued to Thai (`ITAของ`) is a word, not a code's place; a bare number glued to Thai stays (a list
# number `1การ…` is the measure grammar's).
_GLUED_CODE = re.compile(r"^(\s*)(?!(?:IIT|EIT|OIT|ITA)(?![A-Za-z\d]))"
                         r"(\d[อวฯงจ]\d|(?=[A-Za-z\d\[\]|!]*[A-Za-z\[\]|!])[A-Za-z\d\[\]|!]{2,3})\*?(?=[\u0e01-\u0e2e\u0e40-\u0e44])")
_MARK_CLASS = f"[{MARKS}]*"


def _level_pattern(level: str) -> str:
    """A Thai level word with ด/ค interchangeable and every mark optional (OCR drops and swaps them)."""
    letters = [c for c in level if c not in MARKS]
    return _MARK_CLASS.join("[ดค]" if c == "ด" else re.escape(c) for c in letters) + _MARK_CLASS


_THAI_LEVEL = re.compile(
    r"(ระดับ[^\n\d]{0,40}?)(" + "|".join(_level_pattern(level) for level in
                                        sorted(THAI_LEVELS, key=len, reverse=True)) + ")")
_LEVEL_BY_KEY = {re.sub(f"[{MARKS}]", "", level).replace("ด", "ค"): level for level in THAI_LEVELS}


def _thai_level(match: re.Match) -> str:
    key = re.sub(f"[{MARKS}]", "", match.group(2)).replace("ด", "ค")
    return match.group(1) + _LEVEL_BY_KEY.get(key, match.group(2))


def _indicator_after(match: re.Match):
    """The indicator the text after the match names, up to its first number (or refusal), else None."""
    return match_indicator(re.split(r"[\d#]", match.string[match.end():], maxsplit=1)[0].strip())


def _tool_before_name(match: re.Match) -> str:
    """The tool of the indicator the text after the strokes names, else as read."""
    number = _indicator_after(match)
    return match.group(1) + tool_of_indicator(number) if number else match.group()


def _garbled_list_number(match: re.Match) -> str:
    """`#.` for the garbled list number when the text after it names an indicator."""
    return f"{match.group(1)}{UNREAD}{match.group(2)}" if _indicator_after(match) else match.group()


def clean_text(text: str) -> str:
    """An OCR'd line or cell with the scan confusions of ITA documents repaired or refused (see module doc)."""
    if not text:
        return text
    text = _GLUED_CODE.sub(lambda m: m.group() + " ", text)
    text = _TOOL.sub(lambda m: _TOOL_FIRST.get(m.group(1) or m.group(2), "I") + "IT", text)
    text = _TOOL_BEFORE_NAME.sub(_tool_before_name, text)
    text = _GARBLED_LIST_NUMBER.sub(_garbled_list_number, text)
    text = _REPEAT_SIGN_NUMBER.sub(rf"\g<1>{UNREAD}\g<2>", text)
    text = _SIGN_IN_NUMBER.sub(UNREAD, text)
    text = _LETTERS_BEFORE_SCORE.sub(rf"\g<1>{UNREAD}", text)
    text = _LOST_POINT.sub("100.00", text)
    text = _MIXED_WORD.sub(UNREAD, text)
    text = _GARBLED_SCORE.sub(UNREAD, text)
    text = _ZERO_SCORE.sub(UNREAD, text)
    text = _LOST_RO.sub("ระดับ", text)
    text = _LOST_KHO.sub("คะแนน", text)
    text = _LOST_TO.sub(r"\g<1>ตัวชี้วัดที่", text)
    text = _PO_AS_BO.sub("ประเมิน", text)
    text = _STRAY_IN_PRAMOEN.sub("ประเม", text)
    text = _IT_AS_IIT.sub(lambda m: m.group().replace("IT", "IIT"), text)
    text = _LEVEL_B.sub(r"\g<1>B", text)
    text = _LEVEL_DEBRIS.sub(r"\1\2", text)
    text = _THAI_LEVEL.sub(_thai_level, text)
    text = _CODE_I.sub(r"\1i\2", text)
    text = _CODE_O.sub(r"\1o\2 ", text)
    return _CODE_E.sub(r"\1e\2", text)


@lru_cache(maxsize=1)
def offices() -> tuple[str, ...]:
    """Office names a responsible cell prints (data/reference/offices.csv), longest first."""
    with OFFICES_CSV.open(encoding="utf-8") as handle:
        names = [row["name"] for row in csv.DictReader(handle)]
    return tuple(sorted(set(names), key=len, reverse=True))


_SEPARATORS = re.compile(r"[\s/,、]+")


def _segment(letters: str, names: tuple[str, ...]) -> tuple[int, list[str]] | None:
    """(edits, names) of the cheapest cover of `letters` by a sequence of office names (each within a quarter
    of its length in edits), or None."""
    n = len(letters)
    best: list[tuple[int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, [])
    for start in range(n):
        if best[start] is None:
            continue
        cost, chosen = best[start]
        for name in names:
            slack = max(1, len(name) // 4)
            for end in range(max(start + 1, start + len(name) - slack), min(n, start + len(name) + slack) + 1):
                edits = Levenshtein.distance(letters[start:end], name, score_cutoff=slack)
                if edits > slack:
                    continue
                if best[end] is None or cost + edits < best[end][0]:
                    best[end] = (cost + edits, chosen + [name])
    return best[n]


def _nearest(letters: str) -> float:
    """Similarity (0-1, rapidfuzz ratio) of the office name, or pair of names, closest to `letters`."""
    names = offices()
    pairs = [a + b for a in names for b in names]
    return max(fuzz.ratio(letters, candidate) for candidate in (*names, *pairs)) / 100


# Up to three tokens of one or two signs before the cell's text (no office name is that short).
_LEAD_DEBRIS = re.compile(r"^\s*(?:\S{1,2}\s+){1,3}(?=\S{3})")


def _office_letters(text: str) -> str:
    """A cell's letters as office names are matched: separators gone, SARA AM printed as NIKHAHIT + SARA AA joined."""
    return _SEPARATORS.sub("", text).replace("\u0e4d\u0e32", "\u0e33")


def snap_office(text: str) -> tuple[str, str | None]:
    """(text, warning): a cell that reads as one or more office names (`สำนักปลัด กองคลัง`) written as the
    lexicon spells them, joined as printed (a slash or comma kept, else a space). A near miss keeps the OCR
    text with a warning; anything else is returned unchanged without one."""
    letters = _office_letters(text)
    if not 4 <= len(letters) <= 80 or re.search(r"\d", letters):
        return text, None
    found = _segment(letters, offices())
    if found is None and (debris := _LEAD_DEBRIS.match(text)):
        # marks and specks read as short tokens in front (`เ” ขย a งานการเจ้าหน้าที่`, 01009): the rest alone, when
        # it is office names, is the cell
        rest = _office_letters(text[debris.end():])
        if len(rest) >= 4 and (covered := _segment(rest, offices())) is not None \
                and 1 - covered[0] / len(rest) >= OFFICE_SIMILARITY:
            text, letters, found = text[debris.end():], rest, covered
    similarity = 1 - found[0] / len(letters) if found else _nearest(letters)
    if found and similarity >= OFFICE_SIMILARITY:
        glue = next((s.strip() for s in _SEPARATORS.findall(text) if s.strip()), " ")
        return glue.join(found[1]), None
    if similarity >= OFFICE_NEAR:
        return text, f"responsible {text!r} is close to the office lexicon ({similarity:.2f}) but not snapped"
    return text, None


_MONTH_WORD = re.compile(r"(?<![\u0e01-\u0e4e])[\u0e01-\u0e4e]{4,12}(?![\u0e01-\u0e4e])")
_MONTH_NAMES = tuple(MONTHS)


def snap_months(text: str) -> str:
    """Words of a date expression that OCR damaged (`ตุลาคน`, `กันยายบ`) written as the month they read closest
    to, when that month leads every other by a clear margin; only in text that holds a year or day digits."""
    if not re.search(r"\d", text):
        return text

    def snap(match: re.Match) -> str:
        word = match.group()
        if word in MONTHS:
            return word
        scores = sorted(((fuzz.ratio(word, name), name) for name in _MONTH_NAMES), reverse=True)
        (top, name), (second, _) = scores[0], scores[1]
        return name if top >= MONTH_SIMILARITY and top - second >= 10 else word
    return _MONTH_WORD.sub(snap, text)


# What Tesseract (tha+eng) reads for each letter of a month abbreviation when it takes the abbreviation for Latin
# (`ก.พ.` as `A.W.`, `พ.ย.` as `W.U.`), by its place before or after the first dot: measured by
# scripts/month_confusions.py (12 abbreviations x 6 TLWG fonts x 150/200/300 dpi x grey JPEG and bilevel).
_LATIN_FIRST = {"A": ("ก", "ค", "ต", "ส"), "N": ("ก",), "n": ("ก",), "W": ("พ",), "U": ("ม",), "H": ("ม", "มี", "มิ"),
                "a": ("ส",), "@": ("ต",), "6": ("ธ",), "5": ("ธ",), "B": ("ธ",)}
_LATIN_SECOND = {"A": ("ค",), "W": ("พ",), "Y": ("ย",), "U": ("ย",), "8": ("ย",), "J": ("ย",), "B": ("ย",)}
_LATIN_ABBREVIATION = re.compile(
    rf"(?<![A-Za-z0-9@.])([{''.join(_LATIN_FIRST)}])\s?\.?\s?([{''.join(_LATIN_SECOND)}])\s?\.")


def snap_latin_months(text: str) -> str:
    """A month abbreviation Tesseract read as Latin letters (`A.W. 69 ถึง มิ.ย. 69`) written as the one Thai
    abbreviation its letters can stand for (_LATIN_FIRST/_SECOND), in a cell that reads as a date range (`ถึง`
    or another month in it); letters that could be several months (`A.A.`: ก.ค., ต.ค. or ส.ค.) stay as read."""
    if not _DATE_CONTEXT.search(text):
        return text

    def snap(match: re.Match) -> str:
        fitting = {month_number(a + b) for a in _LATIN_FIRST[match.group(1)] for b in _LATIN_SECOND[match.group(2)]}
        fitting.discard(None)
        if len(fitting) != 1:
            return match.group()
        return ABBREVIATED[fitting.pop()]
    return _LATIN_ABBREVIATION.sub(snap, text)


# The end of a range (`มี.ค. 68 ถึง1.8 68`: ก.ย. read `1.8`, 01009) shaped as an abbreviation but of signs no
# month is read as (snap_latin_months ran first): the grammar would read the one month it sees, March alone, a
# wrong span; refused, the period is null with a warning (parsers/ita/measures).
_GARBLED_END = re.compile(r"(ถึง\s*)[A-Za-z0-9]{1,2}\s?\.\s?[A-Za-z0-9]{1,2}\.?(?=\s*\d{2}(?!\d))")


def refuse_garbled_range_end(text: str) -> str:
    """A range's end month OCR turned into Latin letters or digits no month abbreviation is read as, refused."""
    return _GARBLED_END.sub(rf"\g<1>{UNREAD}", text) if "ถึง" in text else text


# A sign Tesseract makes of a garbled list number (`๑.` read `«`, `>.`) opening a cell of Thai text: no ITA cell
# opens with one of these.
_LEAD_SIGN = re.compile(r"^\s*[«»<>©®~]+\s*[.,]?\s*(?=[\u0e01-\u0e2e\u0e40-\u0e44])")


def clean_cell(text: str) -> tuple[str, str | None]:
    """(cleaned text, warning) of an OCR'd table cell: scan confusions, lines of mark debris, a sign for a list
    number in front, ITA words OCR damaged (scan_vocab.restore_words, then scan_words.correct_words), then the
    closed vocabularies."""
    if _IIT_CELL.match(text):
        text = "IIT"
    elif found := _GARBLED_NUMBER_CELL.match(text):
        text = UNREAD + found.group(1)
    else:
        text = _LEAD_SIGN.sub("", clean_text(drop_debris_lines(text)))
        text = correct_words(restore_words(refuse_garbled_range_end(snap_latin_months(snap_months(text)))))
    return snap_office(text)


# A token of what Tesseract makes of a Thai cell's marks and specks on a line of their own: one digit, letter or
# sign (a quote after it), or two Latin letters (`ew`, `CA`, `Yo`); never a code (`e1`), a list number (`1.`) or
# a tool name.
_DEBRIS_TOKEN = re.compile("^(?:[0-9\u0e50-\u0e59A-Za-z=|!\\-][\"\u201d'\u2019]?|[A-Za-z]{2})$")
_THAI_LETTERS = re.compile(r"[\u0e01-\u0e2e]")


def drop_debris_lines(text: str) -> str:
    """A cell's lines without a Thai letter made only of debris tokens (`1 6` over `ผ่านเกณฑ์`, `A` between
    `ประสิทธิภาพการ` and `สื่อสาร`), dropped when the cell's other lines are Thai text: two or more such
    tokens, or one on a line between two Thai lines. A lone token above or below stays (a level letter)."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    thai = [bool(_THAI_LETTERS.search(line)) for line in lines]
    if not any(thai):
        return text
    keep = []
    for i, line in enumerate(lines):
        tokens = line.split()
        debris = not thai[i] and tokens and all(_DEBRIS_TOKEN.match(t) for t in tokens) and (
            len(tokens) >= 2 or (0 < i < len(lines) - 1 and thai[i - 1] and thai[i + 1]))
        if not debris:
            keep.append(line)
    return "\n".join(keep)


# Letters and signs Tesseract writes for Thai digits (ocr_digits._LOOKALIKES, with the Latin ones of the scan
# benchmark), each with the digits it stood for there.
_DIGIT_LOOKALIKES = {"ว": "6", "อ": "6", "ฯ": "6", "ง": "6", "จ": "6", "d": "6", "D": "6", "ฒ": "79", "ญ": "7",
                     "ๆ": "7", "ซ": "7", "«": "9", "e": "9", "@": "9", "©": "1"}
_ABBREVIATED_MONTH = r"(?:ม\.?ค|ก\.?พ|มี\.?ค|เม\.?ย|พ\.?ค|มิ\.?ย|ก\.?ค|ส\.?ค|ก\.?ย|ต\.?ค|พ\.?ย|ธ\.?ค)\.?"
# An abbreviated month's year with a digit lost (`ม.ค. 6`): no year (a day is printed before its month).
_ONE_DIGIT_YEAR = re.compile(rf"((?<![\u0e01-\u0e4e]){_ABBREVIATED_MONTH}\s*)[\d\u0e50-\u0e59](?=\s|$|ถึง|-|–)")
_DATE_CONTEXT = re.compile(rf"ถึง|{_ABBREVIATED_MONTH}|(?:{'|'.join(MONTHS)})")
_SHORT_YEAR = re.compile(rf"({_ABBREVIATED_MONTH}\s*)([\dวอฯงจdDฒญๆซ«e@©]{{2}})(?![\d\w])")
_YEAR = re.compile(r"(?<!\d)25\d\d(?!\d)")
_FISCAL_RANGE = re.compile(r"(ตุลาคม\s*)(\S{1,4}?)(\s*(?:-|–|ถึง)\s*(?:\d{1,2}\s*)?กันยายน\s*)(\S{1,4})(?!\S)")


def document_years(texts: list[str]) -> set[int]:
    """Buddhist years an OCR'd document prints clearly (read by template, twice or more): the fiscal year
    and the one before it, which its periods run over."""
    counts: dict[int, int] = {}
    for text in texts:
        for found in _YEAR.findall(text):
            counts[int(found)] = counts.get(int(found), 0) + 1
    return {year for year, count in counts.items() if count >= 2}


def constrain_years(text: str, years: set[int]) -> str:
    """A date expression's years read against the document's years: a two-digit year with look-alike letters
    (`มี.ค. ว9`) is the one reading that names a document year, else left; in a fiscal-year range
    `ตุลาคม X - กันยายน Y` an unread X is Y-1 and an unread Y is X+1 (a fiscal year runs October to September)."""
    if not years:
        return text
    short = {year % 100 for year in years}

    def fix_short(match: re.Match) -> str:
        token = match.group(2)
        if token.isdigit():
            return match.group()
        options = [""]
        for char in token:
            options = [o + d for o in options for d in (char if char.isdigit() else _DIGIT_LOOKALIKES.get(char, ""))]
        fitting = {o for o in options if int(o) in short}
        return match.group(1) + fitting.pop() if len(fitting) == 1 else match.group()

    def fix_range(match: re.Match) -> str:
        start, end = match.group(2), match.group(4)
        readable = [bool(re.fullmatch(r"25\d\d", y)) and int(y) in years for y in (start, end)]
        if readable == [False, True]:
            start = str(int(end) - 1)
        elif readable == [True, False]:
            end = str(int(start) + 1)
        return match.group(1) + start + match.group(3) + end
    text = _FISCAL_RANGE.sub(fix_range, _SHORT_YEAR.sub(fix_short, refuse_garbled_years(text, years)))
    return _fiscal_months(text, years)


# A full month's year as OCR garbles it: a 2 (or ๒) and 2-5 more digits or digit look-alikes (`25556-` with a
# digit doubled, `25ว56`, `255` with one lost, `2505` for 2565), up to a range sign, a space or the cell's end.
_MONTH_YEAR_TOKEN = re.compile(
    rf"((?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\s*)([2๒][\d๐-๙วอฯงจdDฒญๆซ«e@©]{{1,5}})"
    r"(?=[\s\-–]|ถึง|$)")


def refuse_garbled_years(text: str, years: set[int]) -> str:
    """A full month's year that is no year of the document (a digit doubled, lost or read as a letter: `ตุลาคม
    25556`, `ตุลาคม 255`) refused (`ตุลาคม #`), so that no date is made of it; the fiscal-year rules below may
    then give it the one year it can be. A clean four-digit year within a year of the document's is kept (a
    plan may name the year after). An abbreviated month's one-digit year (`ม.ค. 6`) is refused too."""
    if not years:
        return text

    def refuse(match: re.Match) -> str:
        token = to_arabic_digits(match.group(2))
        if token.isdigit() and len(token) == 4 and min(abs(int(token) - y) for y in years) <= 1:
            return match.group()
        return match.group(1) + UNREAD
    return _ONE_DIGIT_YEAR.sub(rf"\1{UNREAD}", _MONTH_YEAR_TOKEN.sub(refuse, text))


_FULL_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_UNREAD_YEAR = re.compile(rf"((?:{_FULL_MONTH})\s*|{_ABBREVIATED_MONTH}\s*)#(?![\d#])")
_FIRST_QUARTER = {10, 11, 12}  # October to December open the fiscal year Y in the Buddhist year Y-1


def _fiscal_months(text: str, years: set[int]) -> str:
    """A month whose year was refused (`ตุลาคม #`, `มี.ค. #`) given the year of the document's fiscal year it falls
    in, when the document's clear years are one fiscal year's two (Y-1 and Y): October to December are Y-1, the
    other months Y (a fiscal year runs October to September). Written as printed: four digits after a full month
    name, two after an abbreviation. Any other set of years leaves it refused."""
    if len(years) != 2 or max(years) - min(years) != 1:
        return text
    fiscal = max(years)

    def fill(match: re.Match) -> str:
        name = match.group(1)
        year = fiscal - 1 if month_number(name) in _FIRST_QUARTER else fiscal
        return name + (str(year) if name.strip() in MONTHS else f"{year % 100:02d}")
    return _UNREAD_YEAR.sub(fill, text)


# Column headers of ITA tables (the words parsers/ita assigns roles by): an OCR'd header cell that holds none of
# them but reads close to one (`ผ ผิดชอบ` for ผู้รับผิดชอบ) is that header. A head word that documents print as
# the start of a longer header is listed in that form too (`วิธีการดำเนินการ`): matched as a whole cell, the head
# word alone is far from the long header, and another header sharing its tail would win (blind3's 01003, bilevel
# 300 dpi: `วิธีภารดําเนินการ`, ก read ภ, was snapped to ผลการดำเนินการ, the output, and the methods were lost).
HEADER_WORDS = ("ผู้รับผิดชอบ", "ระยะเวลา", "มาตรการ", "วิธีการ", "ขั้นตอน", "ผลการดำเนินการ", "ผลลัพธ์", "ติดตาม",
                "ลำดับ", "ตัวชี้วัด", "แบบวัด", "ข้อคำถาม", "คะแนน", "การวิเคราะห์", "งบประมาณ",
                "วิธีการดำเนินการ", "ขั้นตอนการดำเนินการ", "ระยะเวลาดำเนินการ")
HEADER_SIMILARITY = 75  # rapidfuzz ratio without marks and spaces
_NO_MARKS = re.compile(f"[{MARKS}\\s]")


def _bare(text: str) -> str:
    return _NO_MARKS.sub("", text.replace("\u0e4d\u0e32", "\u0e32").replace("\u0e33", "\u0e32"))


def snap_header(text: str) -> str:
    """An OCR'd header cell written as the column header it reads closest to, when it holds none already and one
    header leads every other by 10 points; otherwise unchanged."""
    bare = _bare(text)
    if not bare or any(_bare(word) in bare for word in HEADER_WORDS):
        return text
    scores = sorted(((fuzz.ratio(bare, _bare(word)), word) for word in HEADER_WORDS), reverse=True)
    (top, word), (second, _) = scores[0], scores[1]
    return word if top >= HEADER_SIMILARITY and top - second >= 10 else text
