"""Thai text repair for text extracted from PDFs.

PDF text engines damage Thai in a handful of known ways (see docs/thai-text.md): glyph variants from
the Private Use Area, SARA AM split into NIKHAHIT + SARA AA or lost as a space, stray spaces around
combining marks, tone marks pushed past the next word. `repair_thai` undoes these without a
dictionary; `text_quality` scores what is left so that callers can choose between engines.
PyThaiNLP does the generic steps (zero-width characters, mark order, repeated marks).
Never apply NFKC/NFKD here: compatibility decomposition splits SARA AM.
"""
from __future__ import annotations

import csv
import os
import re
import tempfile
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

import nlpo3
from pythainlp.util import remove_repeat_vowels, remove_spaces_before_marks, remove_zw

from normalizers import REFERENCE_DIR
from normalizers.digits import to_arabic_digits

CONSONANTS = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮ"
UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"  # ั ิ ี ึ ื ็
LOWER_VOWELS = "\u0e38\u0e39\u0e3a"  # ุ ู ฺ
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
SIGNS = "\u0e4c\u0e4d\u0e4e"  # ์ ํ ๎
MARKS = UPPER_VOWELS + LOWER_VOWELS + TONE_MARKS + SIGNS
LEAD_VOWELS = "เแโใไ"
SARA_AA, SARA_AM, NIKHAHIT = "\u0e32", "\u0e33", "\u0e4d"
_TONE_AM = "\u0e49" + SARA_AM  # MAI THO + SARA AM, as in น้ำ

# Thai fonts keep positional glyph variants in the Private Use Area (the Microsoft/Adobe "Thai PUA"
# layout). Text extraction sometimes returns those code points instead of the real characters.
_PUA = str.maketrans({
    "\uf700": "ฐ", "\uf701": "\u0e34", "\uf702": "\u0e35", "\uf703": "\u0e36", "\uf704": "\u0e37",
    "\uf705": "\u0e48", "\uf706": "\u0e49", "\uf707": "\u0e4a", "\uf708": "\u0e4b", "\uf709": "\u0e4c",
    "\uf70a": "\u0e48", "\uf70b": "\u0e49", "\uf70c": "\u0e4a", "\uf70d": "\u0e4b", "\uf70e": "\u0e4c",
    "\uf70f": "ญ", "\uf710": "\u0e31", "\uf711": "\u0e4d", "\uf712": "\u0e47", "\uf713": "\u0e48",
    "\uf714": "\u0e49", "\uf715": "\u0e4a", "\uf716": "\u0e4b", "\uf717": "\u0e4c", "\uf718": "\u0e38",
    "\uf719": "\u0e39", "\uf71a": "\u0e3a",
    "\ufffe": "-",  # PDFium's code for a hyphen at a line break (`E\ufffeService`)
})

_THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")
_MARKUP = re.compile(r"</?(?:p|ul|ol|li|br|div|span|b|i|u|strong|em|td|tr|table|h\d)\b[^<>]*>", re.IGNORECASE)
_HSPACES = re.compile(r"[ \t\u00a0]{2,}")
# A tone mark standing alone after a space: PDFium emits the mark of an upper-vowel stack (ั้, ิ่)
# after the next space instead of on its syllable (`ขันตอน ้`, `สังให้เจ้ ่ าหน้าที่`).
_ORPHAN_TONE = re.compile(rf"[ \t]+([{TONE_MARKS}])(?![{MARKS}])[ \t]*")
# A syllable with an upper vowel and no tone mark: the host an orphaned tone mark came from.
_TONELESS_STACK = re.compile(rf"[{CONSONANTS}][\u0e31\u0e34\u0e35\u0e36\u0e37](?![{TONE_MARKS}\u0e4c])")
# SARA AM whose ring was lost as a space (`ส านักงาน`): no Thai word starts with SARA AA.
_LOST_RING = re.compile(rf"([{CONSONANTS}][{TONE_MARKS}]?) {SARA_AA}")
_LOST_RING_BEFORE_TONE = re.compile(rf"([{CONSONANTS}]) ([{TONE_MARKS}]){SARA_AA}")  # `น ้า` is `น้ำ`
# PDFium leaves a gap after a stack of marks, most often on tall consonants (`ปั ญหา`, `เปิ ดเผย`,
# `ป้ องกัน`, `มากน้ อย`).
_MARK_GAP = re.compile(rf"(\S*[{CONSONANTS}][{UPPER_VOWELS}{LOWER_VOWELS}{TONE_MARKS}\u0e4c]+) ([{CONSONANTS}{SARA_AA}{SARA_AM}\u0e30]\S*)")
# MAI HAN-AKAT closes on a final consonant, which never carries a tone mark: `ขัน้` is `ขั้น`.
_TONE_ON_FINAL = re.compile(rf"([{CONSONANTS}]\u0e31)([{CONSONANTS}])([{TONE_MARKS}])")
# A space before a vowel sign or SARA AM is never a word boundary (`ระด ับ`, `ก ำหนด`); a lead vowel
# never ends a word (`ไม่เ กิน`).
_SPACE_BEFORE_VOWEL = re.compile(rf"(?<=[{CONSONANTS}{MARKS}]) +(?=[{UPPER_VOWELS}{LOWER_VOWELS}\u0e4d{SARA_AM}])")
_SPACE_AFTER_LEAD = re.compile(rf"(?<=[{LEAD_VOWELS}]) +(?=[{CONSONANTS}])")
# Some producers put each vowel/tone mark after the next letter (`ขอ้มลู`, `วสิยัทศัน์`, `ไมเ่กิน`).
_SHIFTED_MARKS = re.compile(rf"(?<=[{CONSONANTS}{UPPER_VOWELS}{LOWER_VOWELS}{TONE_MARKS}])([{CONSONANTS}{LEAD_VOWELS}])([{UPPER_VOWELS}{LOWER_VOWELS}{TONE_MARKS}]+)")
_DOUBLED_AM = re.compile(rf"{SARA_AM}[{SARA_AA}{SARA_AM}]+")
# HTML-to-PDF printers map the SARA AM ring to a Latin letter (`ดĠาเนินการ`): ring + SARA AA is SARA AM.
_RING_AS_LATIN = re.compile(rf"([{CONSONANTS}][{TONE_MARKS}]?)[\u00c0-\u024f]{SARA_AA}")
# A vowel above or below followed by SARA AA never occurs in Thai: a tone mark the printer mapped to a
# neighbouring glyph (`สรูาง` is สร้าง); the dictionary says which tone.
_MARK_BEFORE_AA = re.compile(rf"(?<=[{CONSONANTS}])[\u0e34-\u0e39](?=[{SARA_AA}{SARA_AM}])")
# A Latin letter inside a Thai word, on a letter and before the next (`ขัĜนตอน`, `จัดซืĒอ`): the printer mapped a
# mark's shifted glyph to it as it maps the SARA AM ring (not before SARA AA or SARA AM: that is the ring's place).
_LATIN_AS_MARK = re.compile(rf"(?<=[{CONSONANTS}{UPPER_VOWELS}{LOWER_VOWELS}])[\u00c0-\u024f](?=[\u0e01-\u0e2e{LEAD_VOWELS}])")
# Soft hyphens and PDFium's U+FFFE for a hyphen at a line end are no text.
_INVISIBLE = re.compile("[\u00ad\ufffe]")


_PLACE_NAMES = REFERENCE_DIR / "units.csv"
_NLPO3_DICTIONARY = "ita-words"


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    """PyThaiNLP's dictionary plus the registry's place names: a rare name (เสม็จ, กกดู่) is a word, so the
    dictionary-driven repairs leave it alone instead of "mending" it into a commoner spelling."""
    from pythainlp.corpus import thai_words

    places = set()
    if _PLACE_NAMES.exists():
        with open(_PLACE_NAMES, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                places.update(name for name in (row["name_core"], row["district"], row["province"]) if name)
    return frozenset(thai_words()) | frozenset(places)


@lru_cache(maxsize=1)
def _dictionary_name() -> str:
    """Load the word list into nlpo3 once per process (it reads dictionaries from a file) and name it."""
    with tempfile.TemporaryDirectory(prefix="ita-words-") as folder:
        path = os.path.join(folder, "words.txt")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(sorted(w for w in _words() if w.strip() and "\n" not in w)))
        nlpo3.load_dict(path, _NLPO3_DICTIONARY)
    return _NLPO3_DICTIONARY


def _tokenize(text: str, keep_whitespace: bool) -> list[str]:
    """newmm word segmentation over the dictionary above, by nlpo3 (PyThaiNLP's Rust newmm): the repair and
    the quality score call it for every line, and the Python newmm was a quarter of the pipeline's own time."""
    tokens = nlpo3.segment(text, _dictionary_name(), safe=False, parallel=False)
    return tokens if keep_whitespace else [t.strip(" ") for t in tokens if t.strip(" ")]  # as PyThaiNLP does


class _PerToken(dict):
    """A value per raw newmm token, computed on first sight: tokens repeat across lines, so scoring a line is
    a few C-level lookups instead of stripping and testing every token in Python."""

    def __init__(self, value):
        super().__init__()
        self.value = value

    def __missing__(self, token: str) -> int:
        if len(self) >= 200_000:
            self.clear()
        value = self[token] = self.value(token)
        return value


def _counted(token: str) -> int:
    """1 for a token _segment_score counts as a word (what is left of it once spaces are stripped is no
    whitespace), else 0."""
    return 1 if token.strip() else 0


def _word_letters(min_len: int):
    def letters(token: str) -> int:
        word = token.strip(" ")
        return len(word) if word.strip() and len(word) >= min_len and word in _words() else 0
    return letters


_COUNTED = _PerToken(_counted)
_LETTERS = {2: _PerToken(_word_letters(2)), 3: _PerToken(_word_letters(3))}


def _tokens_score(tokens: list[str], min_len: int) -> tuple[int, int]:
    """_segment_score of a text from its raw tokens (keep_whitespace): the score is a sum over tokens."""
    letters = _LETTERS[min_len] if min_len in _LETTERS else _PerToken(_word_letters(min_len))
    return sum(map(letters.__getitem__, tokens)), -sum(map(_COUNTED.__getitem__, tokens))


@lru_cache(maxsize=2048)  # a line is scored in several steps in a row; token lists are large to keep
def _raw_tokens(text: str) -> tuple[str, ...]:
    """_tokenize(text, keep_whitespace=True), memoised: the repair scores a line, and windows of it, in several
    steps (coverage, the mark-move search, the dictionary fixes) and in every pass of its fixpoint loop."""
    return tuple(_tokenize(text, keep_whitespace=True))


@lru_cache(maxsize=32768)
def _stretch_score(text: str) -> tuple[int, int, bool]:
    """(letters in dictionary words of three or more, words, whether the last token is a dictionary word) of a
    stretch the mark-move search segments anew, memoised small: two stretches in five recur (the same move
    tried again after a move elsewhere, in the next repair pass, on the other engine's reading)."""
    tokens = _tokenize(text, keep_whitespace=True)
    letters, negative_words = _tokens_score(tokens, 3)
    return letters, -negative_words, bool(tokens) and _in_trie(tokens[-1])


@lru_cache(maxsize=16384)  # the fixpoint loop in repair_thai scores the same lines again
def _segment_score(text: str, min_len: int = 2) -> tuple[int, int]:
    """(Thai characters inside dictionary words of `min_len`+ letters, -number of words): higher reads better."""
    return _tokens_score(_raw_tokens(text), min_len)


def _close_mark_gap(match: re.Match) -> str:
    """Join across the gap only when it splits a word: the joined text reads as dictionary words
    while the left part alone does not."""
    left, right = match.group(1), match.group(2)
    joined = left + right
    if _segment_score(joined)[0] == len(joined) and _segment_score(left)[0] < len(left):
        return joined
    return match.group(0)


def _restore_orphans(text: str) -> str:
    """Put each orphaned tone mark back on the toneless upper-vowel syllable it came from.

    The mark lands a word or more after its syllable, so every such syllable in the preceding 40
    characters is a candidate, and so is a bare consonant right before the gap (`ได ้`); the one
    whose restored text reads most like dictionary words wins.
    """
    pos = 0
    while match := _ORPHAN_TONE.search(text, pos):
        window = max(0, match.start() - 40)
        hosts = [h.end() for h in _TONELESS_STACK.finditer(text, window, match.start())]
        if match.start() > 0 and text[match.start() - 1] in CONSONANTS:
            hosts.append(match.start())
        if not hosts:  # nowhere it can have come from: leave it for the reader
            pos = match.end()
            continue
        tone, after = match.group(1), text[match.end() : match.end() + 12]
        at = max(hosts, key=lambda h: (_segment_score(text[window:h] + tone + text[h : match.start()] + after), h))
        text = text[:at] + tone + text[at : match.start()] + text[match.end() :]
        pos = at
    return text


def _spans(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for token in _raw_tokens(text):
        spans.append((at, at + len(token)))
        at += len(token)
    return spans


def _coverage(text: str) -> float:
    """Share of Thai letters inside dictionary words of three or more letters (two-letter words are
    too easy to hit by accident to count as evidence)."""
    thai = sum(map(len, _THAI_RUN.findall(text)))
    return _segment_score(text, min_len=3)[0] / thai if thai else 1.0


def _changes_make_words(before: str, after: str, lo: int, hi: int) -> bool:
    """Every changed letter of `after` sits inside a dictionary word of three or more letters that
    is longer than the word it sat in before (`ประจำ` is never broken into `ประ|จาป`)."""
    words = _words()

    def word_at(text: str, i: int) -> str:
        a, b = next(span for span in _spans(text[lo:hi]) if span[0] <= i < span[1])
        token = text[lo + a : lo + b]
        return token if token in words else ""

    for i in (i - lo for i in range(lo, hi) if before[i] != after[i]):
        new, old = word_at(after, i), word_at(before, i)
        if len(new) < 3 or len(new) <= len(old):
            return False
    return True


def _fix_line_by_dictionary(line: str) -> str:
    """Damage only a dictionary can see: marks shifted one letter late, SARA AA printed as SARA AM
    (`หมำยเหตุ`). A line is rewritten only where the rewrite reads as longer dictionary words."""
    if not _THAI_RUN.search(line) or _segment_score(line)[0] >= 0.95 * sum(map(len, _THAI_RUN.findall(line))):
        return line
    # a printer whose SARA AA glyph first drew the `้ำ` of `น้ำ` maps every SARA AA to it (`ก้ำร`, `หน้้ำที่`): the
    # whole line read back, only where it then reads as words
    mapped = line.replace(_TONE_AM, SARA_AA)
    if mapped != line and line.count(_TONE_AM) >= 2 and _coverage(mapped) >= max(0.8, _coverage(line) + 0.15):
        line = mapped
    shifted = _SHIFTED_MARKS.sub(r"\2\1", line)
    if shifted != line and _coverage(shifted) >= max(0.9, _coverage(line) + 0.15):
        line = shifted
    else:  # lines that mix damaged and sound words: one mark at a time
        pos, words = 0, _words()
        while match := _SHIFTED_MARKS.search(line, pos):
            pos = match.start() + 1
            lo, hi = max(0, match.start() - 15), min(len(line), match.end() + 15)
            swapped = line[: match.start()] + match.group(2) + match.group(1) + line[match.end() :]
            # the swap must complete a real word around the moved mark, and read better overall
            moved_at = match.start() - 1 - lo
            word = next((swapped[lo + a : lo + b] for a, b in _spans(swapped[lo:hi]) if a <= moved_at and moved_at + 1 < b), "")
            # evidence grows as the mended word shrinks: a long word that reads better, a 3-letter
            # word gained whole, a 2-letter one (`ปี`) that also mends its neighbour
            gain3 = _segment_score(swapped[lo:hi], 3)[0] - _segment_score(line[lo:hi], 3)[0]
            gain2 = _segment_score(swapped[lo:hi])[0] - _segment_score(line[lo:hi])[0]
            better = _segment_score(swapped[lo:hi]) > _segment_score(line[lo:hi])
            # and never break a longer word the consonant already sits in (`กิจกรรมลูกเสือ`)
            old = next((line[lo + a : lo + b] for a, b in _spans(line[lo:hi]) if a <= moved_at < b), "")
            longer = len(word) > (len(old) if old in words else 0)
            if word in words and longer and (
                (len(word) >= 4 and better) or (len(word) == 3 and gain3 >= 3) or (len(word) == 2 and gain2 >= 4)
            ):
                line = swapped
    for i in [i for i, ch in enumerate(line) if ch == SARA_AM]:
        if line[i] != SARA_AM:
            continue  # already changed with a neighbour
        lo, hi = max(0, i - 12), min(len(line), i + 12)
        one = line[:i] + SARA_AA + line[i + 1 :]
        # `รำคำ` needs both changed, `ทำงำน` only the second
        nearby = one[:i] + one[i : i + 4].replace(SARA_AM, SARA_AA) + one[i + 4 :]
        next_only = line[: i + 1] + line[i + 1 : i + 4].replace(SARA_AM, SARA_AA) + line[i + 4 :]
        best = max((one, nearby, next_only), key=lambda c: _segment_score(c[lo:hi]))
        if _segment_score(best[lo:hi]) > _segment_score(line[lo:hi]) and _changes_make_words(line, best, lo, hi):
            line = best
    return line


@lru_cache(maxsize=1)
def _word_frequency() -> dict[str, int]:
    """Word counts of the Thai National Corpus (shipped with PyThaiNLP): which of two dictionary words is usual."""
    from pythainlp.corpus import tnc

    return dict(tnc.word_freqs())


def _fix_mapped_marks(line: str) -> str:
    """A vowel or a Latin letter standing where a tone mark belongs (`สรูาง`, `ขัĜนตอน`): the tone that makes
    dictionary words, the more usual word where two tones both do (`สร้าง`, not `สร่าง`)."""
    for pattern in (_MARK_BEFORE_AA, _LATIN_AS_MARK):
        line = _fix_marks_at(line, pattern)
    return line


def _fix_marks_at(line: str, pattern: re.Pattern) -> str:
    pos = 0
    while match := pattern.search(line, pos):
        pos = match.start() + 1
        lo, hi = max(0, match.start() - 12), min(len(line), match.end() + 12)
        options = [line[: match.start()] + tone + line[match.end():] for tone in TONE_MARKS]

        at = match.start()
        best = max(options, key=lambda o: (_segment_score(o[lo:hi]), _word_frequency().get(_token_at(o, at, lo, hi), 0)))
        if _segment_score(best[lo:hi]) > _segment_score(line[lo:hi]):
            line = best
    return line


# Printers with a broken font map confuse glyphs whose shapes sit at the same place: MAI EK for SARA UU and
# back (`หนูวยงาน` is หน่วยงาน, `ด่แล` is ดูแล). The dictionary decides, one mark at a time.
# SARA UU also stands for MAI THO (`ปูองกัน` is ป้องกัน), and WeasyPrint's TH SarabunPSK maps SARA U to MAI EK
# (`ท่กกอง` is ทุกกอง, `ต่ลาคม` ตุลาคม) and SARA UU to MAI THO (`ผ้้` is ผู้). SARA UU is rare enough to try at every
# place; MAI EK and MAI THO, the commonest marks, only on lines the dictionary reads badly.
_CONFUSABLE = {"\u0e39": ("\u0e48", "\u0e49"), "\u0e48": ("\u0e39", "\u0e38"), "\u0e49": ("\u0e39",)}


def _swap_confusable_marks(line: str) -> str:
    if not any(mark in line for mark in _CONFUSABLE):
        return line
    poor = _segment_score(line)[0] < 0.95 * sum(map(len, _THAI_RUN.findall(line)))
    # two tone marks on one letter never occur in Thai: one is a mapped vowel, on any line (`ผ้่รับ` is ผู้รับ)
    stacked = {j for i in range(1, len(line)) if line[i - 1] in TONE_MARKS and line[i] in TONE_MARKS for j in (i - 1, i)}
    for i in [i for i, ch in enumerate(line) if ch == "\u0e39" or ((poor or i in stacked) and ch in "\u0e48\u0e49")]:
        lo, hi = max(0, i - 12), min(len(line), i + 12)
        options = [_restacked(line[:i] + other + line[i + 1:], i) for other in _CONFUSABLE[line[i]]]
        options = [o for o in options if _segment_score(o[lo:hi]) > _segment_score(line[lo:hi])
                   and _changes_make_words(line, o, lo, hi)]
        if options:
            line = max(options, key=lambda o: (_segment_score(o[lo:hi]), _word_frequency().get(_token_at(o, i, lo, hi), 0)))
    return line


def _restacked(line: str, i: int) -> str:
    """`line` with the marks around position i in canonical order (a vowel put back where a tone stood before it)."""
    lo, hi = i, i + 1
    while lo > 0 and line[lo - 1] in MARKS:
        lo -= 1
    while hi < len(line) and line[hi] in MARKS:
        hi += 1
    return line[:lo] + _stack(line[lo:hi]) + line[hi:]


def _token_at(text: str, i: int, lo: int, hi: int) -> str:
    return next((text[lo + a: lo + b] for a, b in _spans(text[lo:hi]) if a <= i - lo < b), "")


_SHORT_AA_TOKEN = re.compile(rf"^[{CONSONANTS}][{TONE_MARKS}]?{SARA_AA}$")


def _restore_lost_am(line: str) -> str:
    """SARA AM printed as SARA AA (its ring lost without a trace: `ดาเนินการ`, `สานักงาน`, `ประจาปี`): such a
    line cuts into a consonant + SARA AA token before a stray piece; the ring comes back only where it makes
    a longer dictionary word."""
    if SARA_AA not in line:
        return line
    position, candidates = 0, []
    for token in _raw_tokens(line):
        if _SHORT_AA_TOKEN.match(token):
            candidates.append(position + len(token) - 1)
        position += len(token)
    for i in candidates:
        lo, hi = max(0, i - 12), min(len(line), i + 12)
        ringed = line[:i] + SARA_AM + line[i + 1:]
        if _segment_score(ringed[lo:hi]) > _segment_score(line[lo:hi]) and _changes_make_words(line, ringed, lo, hi):
            line = ringed
    return line


_MOVABLE = UPPER_VOWELS + LOWER_VOWELS + TONE_MARKS
_STACK_ORDER = {m: i for i, m in enumerate(LOWER_VOWELS + UPPER_VOWELS + TONE_MARKS + SIGNS)}
# Marks a broken font map gives for one another: the tones, and SARA UU printed as a tone and back
# (`ผ้รับ` ผู้รับ, `ข้อม้ล` ข้อมูล, `คู้มือ` คู่มือ, `กองช้าง` กองช่าง).
_LOOKALIKE = {"\u0e48": "\u0e49\u0e39", "\u0e49": "\u0e48\u0e39", "\u0e39": "\u0e48\u0e49"}
_STACKS = re.compile(rf"([{CONSONANTS}])([{MARKS}]{{2,}})")
_TWO_TONES = re.compile(rf"[{CONSONANTS}]([{TONE_MARKS}]{{2}})")
_MAX_MOVES = 12


@lru_cache(maxsize=1)
def _spanned_spaces() -> frozenset[tuple[str, str]]:
    """(letter before, letter after) of every space or tab inside a dictionary word (`ต่าง ๆ`, `พ.ศ. 2567`
    is none): a space between any other two letters is one no dictionary word reaches across."""
    pairs = set()
    for word in (w for w in _words() if " " in w or "\t" in w):
        for i, ch in enumerate(word):
            if ch in " \t":
                pairs.add((word[i - 1] if i else "", word[i + 1] if i + 1 < len(word) else ""))
    return frozenset(pairs)


def _in_trie(token: str) -> bool:
    """A word of the dictionary nlpo3 segments with (what _dictionary_name wrote)."""
    return token in _words() and bool(token.strip()) and "\n" not in token


class _Segmented:
    """A line's newmm tokens, and the places where the segmentation of any text that differs from the line only
    further on (or only before) starts afresh, so that a candidate of the mark-move search is segmented only
    around the letters it changed and scored with the line's own scores elsewhere.

    A cut is the start of a run of spaces right after a dictionary word that no dictionary word reaches across.
    newmm (nlpo3's one_cut) builds its word graph left to right: no edge crosses such a place (words span no
    space there, Latin, number and space tokens stop at it, clusters never hold a space, the skip over unknown
    letters stops at the first non-Thai character), and a dictionary word before it means the graph was
    resolved there (one candidate position left), which resets the graph-size limit. The text from the cut on is
    then segmented as it would be alone, and the text before it as it would be alone. Checked against whole-line
    segmentation on generated lines and on the moves of real ones (tests/test_normalizers_thai_text.py).
    """

    __slots__ = ("line", "tokens", "cuts", "cut_tokens", "letters", "counts")

    def __init__(self, line: str):
        self.line = line
        self.tokens = tokens = list(_raw_tokens(line))
        spanned = _spanned_spaces()
        letters, counts = _LETTERS[3], _COUNTED
        self.cuts, self.cut_tokens, self.letters, self.counts = [0], [0], [0], [0]
        at, total_letters, total_count = 0, 0, 0
        for k, token in enumerate(tokens):
            if k and token[0] in " \t" and _in_trie(tokens[k - 1]) \
                    and (line[at - 1], line[at + 1:at + 2]) not in spanned:
                self.cuts.append(at)
                self.cut_tokens.append(k)
                self.letters.append(total_letters)
                self.counts.append(total_count)
            total_letters += letters[token]
            total_count += counts[token]
            at += len(token)
        self.cuts.append(len(line))  # the end: a cut for any text too
        self.cut_tokens.append(len(tokens))
        self.letters.append(total_letters)
        self.counts.append(total_count)

    def score(self, min_len: int) -> tuple[int, int]:
        """_segment_score(line, min_len)."""
        if min_len == 3:
            return self.letters[-1], -self.counts[-1]
        return _tokens_score(self.tokens, min_len)

    def _split(self, text: str, near: int = 0) -> tuple[int, int, str]:
        """(index of the cut where the part segmented anew starts, of the cut where it ends, the new part)
        for a text that differs from the line in one stretch, which starts a few letters before `near` (a hint:
        any value gives the same answer, a good one sooner)."""
        line = self.line
        n = min(len(line), len(text))
        start = min(max(near - 4, 0), n)
        if line[:start] != text[:start]:
            start = 0
        while start < n and line[start] == text[start]:
            start += 1
        lo = min(max(len(line) - near - 12, 0), n - start)  # common suffix, not overlapping the prefix
        if lo and line[len(line) - lo:] != text[len(text) - lo:]:
            lo = 0
        while lo < n - start and line[len(line) - lo - 1] == text[len(text) - lo - 1]:
            lo += 1
        end_line, delta = len(line) - lo, len(text) - len(line)
        cuts = self.cuts
        # the last cut whose letters around it are unchanged: two before the change
        first = max(bisect_right(cuts, start - 2) - 1, 0)
        last = bisect_left(cuts, end_line + 1, lo=first + 1)  # the letter before the cut unchanged too
        while True:
            if last >= len(cuts) - 1:  # to the end of the text
                return first, len(cuts) - 1, text[cuts[first]:]
            stretch = text[cuts[first]:cuts[last] + delta]
            if _stretch_score(stretch)[2]:  # the new part ends on a word too: resolved at the cut
                return first, last, stretch
            last += 1

    def key_of(self, text: str, near: int = 0) -> tuple[int, int]:
        """_segment_score(text, 3), for a text that differs from the line in one stretch (near `near`)."""
        first, last, stretch = self._split(text, near)
        letters, count, _ = _stretch_score(stretch)
        return (self.letters[first] + letters + self.letters[-1] - self.letters[last],
                -(self.counts[first] + count + self.counts[-1] - self.counts[last]))

    def tokens_of(self, text: str) -> list[str]:
        """_tokenize(text, keep_whitespace=True), for a text that differs from the line in one stretch."""
        if text == self.line:
            return list(self.tokens)
        first, last, stretch = self._split(text)
        return (self.tokens[:self.cut_tokens[first]] + _tokenize(stretch, keep_whitespace=True)
                + self.tokens[self.cut_tokens[last]:])

    def token_at(self, text: str, i: int) -> str:
        """_token_at(text, i, 0, len(text))."""
        at = 0
        for token in self.tokens_of(text):
            if at <= i < at + len(token):
                return token
            at += len(token)
        return ""


RARE_WORD = 100  # Thai National Corpus count under which a short word is suspect (`คู้` 78 beside `มือ`)


def _rare_word(line: str) -> bool:
    """A word of two or three letters with a mark that the Thai National Corpus hardly knows: what a mark
    mapped to its neighbour leaves when the damaged word still splits into dictionary words (`คู้|มือ`)."""
    return any(map(_rare_in_run, _THAI_RUN.findall(line)))


@lru_cache(maxsize=65536)  # the mark-move search asks again for every run of every candidate line
def _rare_in_run(run: str) -> bool:
    counts, words = _word_frequency(), _words()
    return any(2 <= len(t) <= 3 and any(ch in MARKS for ch in t) and counts.get(t, 0) < RARE_WORD
               for t in _tokenize(run, False) if t in words)


def _stray_letters(text: str) -> int:
    """Thai characters in no dictionary word."""
    return sum(map(_strays_in_run, _THAI_RUN.findall(text)))


@lru_cache(maxsize=65536)
def _strays_in_run(run: str) -> int:
    words = _words()
    return sum(len(t) for t in _tokenize(run, False) if t not in words)


@lru_cache(maxsize=4096)  # a handful of stacks occur; the mark-move search sorts one per candidate
def _stack(marks: str) -> str:
    """Marks of one letter in canonical order (vowel below or above, then tone, then the signs)."""
    return "".join(sorted(marks, key=lambda m: _STACK_ORDER.get(m, 99)))


def _marks_of(line: str, at: int) -> str:
    end = at + 1
    while end < len(line) and line[end] in MARKS:
        end += 1
    return line[at + 1:end]


def _mark_moves(line: str, swaps: bool = True):
    """Every text one mark away from `line`: a vowel or tone dropped, or moved to the letter before or after (with
    the space an engine put after the letter it left, or without), SARA AA and SARA AM exchanged, and a pair of tone marks on one letter read as the
    vowel and tone they stand for (`ผ้่` is ผู้). Yields (text, index of the letter that received the mark, or
    of the letter after a dropped one)."""
    bases = [i for i, ch in enumerate(line) if ch in CONSONANTS]
    for k, i in enumerate(bases):
        j = i + 1
        while j < len(line) and line[j] in MARKS:
            j += 1
        marks = line[i + 1:j]
        # marks in printed order, never a set's: which of two equally good moves wins must not depend on the
        # process's string hash (PYTHONHASHSEED), or one document reads two ways on two runs
        for m in dict.fromkeys(m for m in marks if m in _MOVABLE):
            rest = marks.replace(m, "", 1)
            if any(m in _marks_of(line, b) for b in bases[k + 1:k + 3] if _THAI_RUN.fullmatch(line[i:b + 1])):
                # a mark read twice, here and on its own letter one or two letters on (`การิบริหาร`, `งานินิติ`)
                yield line[:i + 1] + rest + line[j:], i + 1
            for other in (bases[k - 1] if k else None, bases[k + 1] if k + 1 < len(bases) else None):
                if other is None or abs(other - i) > 4 or not _THAI_RUN.fullmatch(line[min(i, other):max(i, other)]):
                    continue
                e = other + 1
                while e < len(line) and line[e] in MARKS:
                    e += 1
                if any(x in _MOVABLE and (x in UPPER_VOWELS + LOWER_VOWELS) == (m in UPPER_VOWELS + LOWER_VOWELS)
                       for x in line[other + 1:e]):
                    continue  # the letter already carries a mark of that kind
                moved = _stack(line[other + 1:e] + m)
                if other < i:
                    text = line[:other + 1] + moved + line[e:i + 1] + rest + line[j:]
                    at = other + 1 + len(moved) + (i + 1 - e) + len(rest)
                    if text[at:at + 1] == " " and text[at + 1:at + 2] in CONSONANTS:
                        yield text[:at] + text[at + 1:], other  # `ข้นั ตอน`: the gap left behind is no word break
                    yield text, other
                else:
                    yield line[:i + 1] + rest + line[j:other + 1] + moved + line[e:], other - 1
        for m in dict.fromkeys(m for m in marks if m in _LOOKALIKE) if swaps else ():
            for other in _LOOKALIKE[m]:  # a glyph mapped to the code point of a mark printed at the same place
                yield line[:i + 1] + _stack(marks.replace(m, other, 1)) + line[j:], i
        if swaps and line[j:j + 1] in (SARA_AA, SARA_AM):  # SARA AA and SARA AM printed for each other (`กำร`, `สานัก`)
            yield line[:j] + (SARA_AM if line[j] == SARA_AA else SARA_AA) + line[j + 1:], i
        if swaps and _TWO_TONES.match(line, i):
            for vowel in UPPER_VOWELS + LOWER_VOWELS:
                for tone in TONE_MARKS:
                    yield line[:i + 1] + vowel + tone + line[i + 3:], i


def _relocate_marks(line: str) -> str:
    """Marks an HTML printer set on the neighbouring letter (`ข้นั ตอน`, `เส่ยี ง`, `ซ้อื`, `ส่งิ แวดล้อม`, `ผ้่`):
    on a line the dictionary reads badly, the single move that makes the line read best is taken while it
    mends a dictionary word of three or more letters longer than the one the receiving letter sat in."""
    if not _THAI_RUN.search(line):
        return line
    # marks of one letter in canonical order first (`เน่ือง` is เนื่อง, no mark to drop)
    line = _STACKS.sub(lambda m: m.group(1) + _stack(m.group(2)), line)
    if _coverage(line) >= 0.95 and not _rare_word(line):  # two-letter pieces (`งา|นิ`) are no evidence
        return line
    words = _words()
    for _ in range(_MAX_MOVES):
        segmented = _Segmented(line)
        # exchanging one sound letter for another (`ที่นำ`, `ที่นา`) only where even two-letter words fail
        swaps = segmented.score(2)[0] < 0.95 * sum(map(len, _THAI_RUN.findall(line))) or _rare_word(line)
        key, best, before = segmented.score(3), None, _stray_letters(line)
        for text, at in _mark_moves(line, swaps):
            if (k := segmented.key_of(text, at)) > key:
                new, old = segmented.token_at(text, at), segmented.token_at(line, at)
                # it completes a word longer than the one the letter sat in, or leaves fewer stray letters, and
                # never leaves more (`ปีละ` is no damaged `ปลีะ`)
                strays = _stray_letters(text)
                if new in words and strays <= before and (len(new) >= 3 and len(new) > (len(old) if old in words else 0)
                                                          or strays < before):
                    key, best = k, text
        if best is None:
            break
        line = best
    return line


# Marks a printer can drop without a trace (a glyph it could not place): the vowels above and below, the tones
# and THANTHAKHAT.
_INSERTABLE = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47" + TONE_MARKS + "\u0e4c"
_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e38\u0e39"
COMMON_WORD = 500  # Thai National Corpus count from which a short word a lost mark makes is taken on its own
_MAX_STRAY_EDITS = 8


def _letters(word: str) -> int:
    return sum(ch not in MARKS for ch in word)


def _likely_word(word: str) -> bool:
    """A word a put-back mark may make: three letters or more (`นำ` is no damaged `น้ำ`), and common, or of four
    letters and not rare, or of six the corpus does not count (compounds: `ความพึงพอใจ`; `สัตตรส`, a law's section
    number, is no damaged `สัตตรัส`)."""
    count, letters = _word_frequency().get(word, 0), _letters(word)
    if letters < 3:
        return False
    return count >= COMMON_WORD or (letters >= 4 and count >= RARE_WORD) or (letters >= 6 and count == 0)


# A person's name follows a title (`นางสาวกาญจนธัช ศรพรหม`): names are spelt as their bearers please (`ฤทธิเดช`),
# so no piece of the title's run or of the surname after it is mended.
_PERSON = re.compile(r"(?:นางสาว|นาง|นาย|เด็กชาย|เด็กหญิง|ด\.ช\.|ด\.ญ\.|ว่าที่\S*)[\u0e01-\u0e4e]+(?: [\u0e01-\u0e4e]+)?")


def _stray_spans(line: str) -> list[tuple[int, int, int]]:
    """(start, end, index among the raw tokens) of every token of Thai letters the dictionary does not hold: the
    evidence of damage the lost-mark repair needs. A piece of marks alone (a mark left over at a line's end), a
    token holding other characters (`“พอ`) and an abbreviation (`ทต.`, `ต.ค.`) are none."""
    words, out, at = _words(), [], 0
    names = [m.span() for m in _PERSON.finditer(line)] if ("นา" in line or "ด." in line or "ว่า" in line) else []
    for k, token in enumerate(_raw_tokens(line)):
        end = at + len(token)
        if token not in words and _THAI_RUN.fullmatch(token) and any(ch in CONSONANTS for ch in token) \
                and not _abbreviated(line, at, end) and not any(a <= at < b for a, b in names):
            out.append((at, end, k))
        at = end
    return out


def _abbreviated(line: str, start: int, end: int) -> bool:
    """The run of Thai letters holding line[start:end] touches a full stop: an abbreviation (`ทต.`, `ต.ค.`)."""
    while start > 0 and _THAI_RUN.match(line[start - 1]):
        start -= 1
    while end < len(line) and _THAI_RUN.match(line[end]):
        end += 1
    return line[start - 1:start] == "." or line[end:end + 1] == "."


def _window_strays(text: str) -> int:
    """Characters of a stretch in Thai tokens the dictionary does not hold, marks left alone included."""
    words = _words()
    return sum(len(t) for t in _tokenize(text, False) if t not in words and _THAI_RUN.search(t))


def _edits_at(line: str, i: int, sound: bool = False):
    """Every text one lost or misread mark away from `line` at the consonant `line[i]`: a vowel, tone or
    THANTHAKHAT put back on a letter that has none of that kind (`เกยรติ`, `ยานยนต`), a tone read twice taken
    away, a vowel read as another of its place or a mark as its lookalike (`ร้ปธรรม`), a mark moved to the next
    letter, SARA AA and SARA AM exchanged (`สารวจ`). On a letter of a `sound` dictionary word beside the piece,
    only a mark put back where the letter has none of its kind, or SARA AA and SARA AM exchanged: its own marks
    are never changed."""
    for text in _mark_edits_at(line, i, sound):
        if not _OVERFULL_STACK.search(text, max(0, i - 4), i + 6):
            yield text


# A letter with two vowels of one place or two tones (`ข้่` read `ขู่้`), or MAI HAN-AKAT with no final consonant
# after it (`สถาบันั`): no edit may make one.
_OVERFULL_STACK = re.compile(rf"[{UPPER_VOWELS}][{MARKS}]*[{UPPER_VOWELS}]|[{LOWER_VOWELS}][{MARKS}]*[{LOWER_VOWELS}]"
                             rf"|[{TONE_MARKS}\u0e4c][{MARKS}]*[{TONE_MARKS}\u0e4c]|\u0e31[{TONE_MARKS}]?(?![{CONSONANTS}])")


def _mark_edits_at(line: str, i: int, sound: bool):
    marks = _marks_of(line, i)
    j = i + 1 + len(marks)
    head, tail = line[:i + 1], line[j:]
    if line[j:j + 1] in (SARA_AA, SARA_AM):
        yield line[:j] + (SARA_AM if line[j] == SARA_AA else SARA_AA) + line[j + 1:]
    has_vowel = any(m in _VOWELS for m in marks)
    has_tone = any(m in TONE_MARKS or m == "\u0e4c" for m in marks)
    for m in _INSERTABLE:
        if (m in _VOWELS and not has_vowel) or (m not in _VOWELS and not has_tone):
            yield head + _stack(marks + m) + tail
    if sound:
        return
    for m in dict.fromkeys(marks):
        rest = marks.replace(m, "", 1)
        if m in TONE_MARKS:  # a tone read twice or left over; a vowel taken away makes other words (`ราคานี` ราคาน)
            yield head + rest + tail
        place = UPPER_VOWELS if m in UPPER_VOWELS else LOWER_VOWELS if m in LOWER_VOWELS else ""
        for other in [o for o in place if o != m and o != "\u0e3a"] + list(_LOOKALIKE.get(m, "")):
            yield head + _stack(rest + other) + tail
        if m in _MOVABLE and j < len(line) and line[j] in CONSONANTS:
            after = _marks_of(line, j)
            if not any((x in _VOWELS) == (m in _VOWELS) for x in after if x in _MOVABLE):
                yield head + rest + line[j] + _stack(after + m) + line[j + 1 + len(after):]
        b = i - 1  # the letter before, when it carries nothing of that kind (`สถาบนั` สถาบัน)
        while b >= 0 and line[b] in MARKS:
            b -= 1
        if m in _MOVABLE and b >= 0 and line[b] in CONSONANTS:
            before = line[b + 1:i]
            if not any((x in _VOWELS) == (m in _VOWELS) for x in before if x in _MOVABLE):
                yield line[:b + 1] + _stack(before + m) + line[i] + rest + tail


STRETCH = 40
SHORT_NEIGHBOUR = 3  # letters: a dictionary word beside a stray piece that a put-back mark may join to it (`สา|รวจ`)


def _candidates(line: str, ranges, start: int, end: int):
    """(text, letter edited, range start, range end, on a sound neighbour) of every single edit, and of SARA AA read
    back as SARA AM on a neighbour together with one edit of the piece (`ดา|เนน` ดำเนิน: two marks lost in one word,
    which one edit alone would mend into another word, `เน้น`)."""
    for a, b, sound in ranges:
        for i in range(a, b):
            if line[i] not in CONSONANTS:
                continue
            for text in _edits_at(line, i, sound):
                yield text, i, a, b, sound
                if sound and len(text) == len(line) and SARA_AM in text[a:b] and SARA_AA in line[a:b]:
                    for j in range(start, end):
                        if text[j] in CONSONANTS:
                            for both in _edits_at(text, j):
                                yield both, j, a, b, True


def _mend_stray_piece(line: str, start: int, end: int, k: int) -> str | None:
    """The line with one mark mended so that the stray piece line[start:end] (raw token k) becomes part of a
    likely dictionary word, or None. Letters of the piece are edited, and those of a short dictionary word right
    beside it only by a mark put back (never a longer word's, never a mark a word has), and only the
    candidate that reads clearly best is taken: one word holds the whole piece, the stretch has fewer characters in
    stray pieces by at least the piece's, and no other candidate as good makes another word nearly as common (then
    the damage does not say which)."""
    tokens = _raw_tokens(line)
    bounds = [0]
    for token in tokens:
        bounds.append(bounds[-1] + len(token))
    # the stretch judged: the piece's run of Thai letters and marks (to the nearest other character, at most
    # STRETCH characters either side), and at least three tokens either side
    lo, hi = start, end
    while lo > 0 and start - lo < STRETCH and _THAI_RUN.match(line[lo - 1]):
        lo -= 1
    while hi < len(line) and hi - end < STRETCH and _THAI_RUN.match(line[hi]):
        hi += 1
    lo = min(bounds[max(0, k - 3)], bounds[bisect_right(bounds, lo) - 1])
    hi = max(bounds[min(len(tokens), k + 4)], bounds[bisect_left(bounds, hi)])
    words, counts, found = _words(), _word_frequency(), {}
    ranges = [(start, end, False)]
    for n in (k - 1, k + 1):
        if 0 <= n < len(tokens) and tokens[n] in words and _letters(tokens[n]) <= SHORT_NEIGHBOUR \
                and _THAI_RUN.fullmatch(tokens[n]):
            ranges.append((bounds[n], bounds[n + 1], True))
    before, piece = _window_strays(line[lo:hi]), end - start
    # a text's first letters may be the tail of a word cut at a cell's or line's end (`ระจาย` of กระจาย): in its
    # first letters a mark is put back only into a word that opens the text, none a letter or two in (`กอง|คลง`
    # is three)
    run_start = len(line) - len(line.lstrip())
    for text, i, a, b, sound in _candidates(line, ranges, start, end):
        delta = len(text) - len(line)
        candidate = text[lo:hi + delta]
        if (strays := _window_strays(candidate)) > before - piece or (delta > 0 and strays):
            continue  # a mark put back must leave the stretch whole: in a run broken throughout it guesses
        # the piece in the candidate, with the neighbour a mark was put back on: one word must hold both
        p0, p1 = (start + delta, end + delta) if i < start else (start, end + delta) if i < end else (start, end)
        p0, p1 = (min(p0, a), max(p1, b + delta)) if sound else (p0, p1)
        tokens_in, at, word = _tokenize(candidate, True), lo, ""
        for token in tokens_in:
            if at <= i < at + len(token):
                word = token
                break
            at += len(token)
        if delta > 0 and (0 < at - run_start <= 2 or (at - run_start <= 2 and not any(
                ch in MARKS for ch in line[start:end]))):
            continue  # nor at its very start into a piece with no mark of its own (`จาย|ข่าว` is กระ|จาย cut)
        if word in words and at <= p0 and at + len(word) >= p1 and _likely_word(word):
            # THANTHAKHAT put back only into a common word: names drop and keep it as they please
            weak = text.count("\u0e4c") > line.count("\u0e4c") and counts.get(word, 0) < COMMON_WORD
            found.setdefault(text, (strays, sum(1 for t in tokens_in if t.strip()), counts.get(word, 0), word,
                                    weak))
    if not found:
        return None
    # fewest stray characters, then fewest words (the longer ones), then the commoner word
    ranked = sorted(found.items(), key=lambda item: (item[1][0], item[1][1], -item[1][2]))
    best, (strays, n_words, count, word, weak) = ranked[0]
    if weak:
        return None  # the likeliest reading is one not to write: none is
    for _, (other_strays, other_words, other_count, other_word, _) in ranked[1:]:
        if other_word != word and (other_strays, other_words) == (strays, n_words) and other_count * 4 > count:
            return None  # two words nearly as likely: the damage does not say which
    return best


_SPLIT_AM = re.compile(rf"{NIKHAHIT}([{TONE_MARKS}]?){SARA_AA}")


def _restore_lost_marks(line: str) -> str:
    """Marks a printer dropped without a trace or read as another (`ร้ปธรรม` รูปธรรม, `สารวจ` สำรวจ) on a line
    that is otherwise sound: each Thai piece the dictionary cannot place is mended by the one mark that makes it
    part of a likely word. A line that segments into dictionary words has no such piece and is never touched:
    damage that leaves only words (`ปฏิ|บิต|งาน`) is left as it is rather than risk rewriting sound text."""
    # SARA AM as NIKHAHIT + SARA AA (`จํานวน`) is one vowel: read as letters it would look like a stray piece
    work = _SPLIT_AM.sub(lambda m: m.group(1) + SARA_AM, line)
    changed = False
    for _ in range(_MAX_STRAY_EDITS):
        for start, end, k in _stray_spans(work):
            if (mended := _mend_stray_piece(work, start, end, k)) is not None:
                work, changed = mended, True
                break
        else:
            break
    return work if changed else line


def _may_repeat():
    """One pattern that matches wherever a step of PyThaiNLP's remove_repeat_vowels would: a text it does not
    match comes out of every step unchanged, so its two dozen substitutions are skipped. Each step's pattern
    reduced to the shortest text it matches (`[tone]+[vowel]+` to a tone then a vowel, `(ch *)+ch` for every
    non-repeating sign to one backreference), which is the same test in one pass. None (always call it) should
    PyThaiNLP rename its lists (tests/test_normalizers_thai_text.py holds the two equal)."""
    try:
        from pythainlp.util.normalize import _NOREPEAT_CHARS, above_v, below_v, follow_v, tonemarks
    except ImportError:
        return None
    return re.compile("|".join([
        "\u0e40\u0e40",  # Sara E + Sara E
        f"[{tonemarks}\u0e4c][{above_v}{below_v}]",  # tone or Thanthakhat before a vowel above or below
        f"\u0e4d[{tonemarks}]*\u0e32",  # Nikhahit (+ tones) + Sara Aa
        f"[{follow_v}][{tonemarks}]",  # follow vowel before a tone
        "[^\u0e24\u0e26]\u0e45",  # Lakkhangyao
        f"([{_NOREPEAT_CHARS}]) *\\1",  # a sign repeated, spaces between or not
        f"[{tonemarks}]{{2}}",  # a run of tone marks (the last one is kept)
    ]))


_MAY_REPEAT = _may_repeat()


def _remove_repeat_vowels(text: str) -> str:
    if _MAY_REPEAT is not None and not _MAY_REPEAT.search(text):
        return text
    return remove_repeat_vowels(text)


def _repair_once(text: str) -> str:
    text = _HSPACES.sub(" ", _MARKUP.sub(" ", remove_zw(_INVISIBLE.sub("", text))))
    text = _RING_AS_LATIN.sub(rf"\1{SARA_AM}", text)
    text = _LOST_RING_BEFORE_TONE.sub(rf"\1\2{SARA_AM}", text)
    text = _restore_orphans(text)
    text = remove_spaces_before_marks(text)
    text = _TONE_ON_FINAL.sub(r"\1\3\2", text)
    text = _LOST_RING.sub(rf"\1{SARA_AM}", text)
    text = _SPACE_BEFORE_VOWEL.sub("", text)
    text = _MARK_GAP.sub(_close_mark_gap, text)
    text = "\n".join(_relocate_marks(_restore_lost_am(_swap_confusable_marks(_fix_mapped_marks(_fix_line_by_dictionary(line))))) for line in text.split("\n"))
    text = _SPACE_AFTER_LEAD.sub("", text)
    text = _remove_repeat_vowels(text)  # also reorders marks and rebuilds SARA AM from NIKHAHIT + SARA AA
    text = _DOUBLED_AM.sub(SARA_AM, text)
    return _nfc(_HSPACES.sub(" ", text))


def _nfc(text: str) -> str:
    """NFC, except where it would lengthen the text: a composition-excluded character (`\ufb1d`) decomposes."""
    composed = unicodedata.normalize("NFC", text)
    return composed if len(composed) <= len(text) else text


_REPAIRED: dict[str, str] = {}
_REPAIRED_MAX = 50_000


def repair_thai(text: str) -> str:
    """Undo the damage PDF text extraction does to Thai. Idempotent; clean text comes out unchanged.

    Results are memoised, the output under its own key too: the layout stage repairs each reading to judge
    it, and the normalize stage cleans the chosen (already repaired) text again.
    """
    if not text:
        return text
    if (known := _REPAIRED.get(text)) is not None:
        return known
    original = text
    text = _nfc(text).translate(_PUA)
    # One step can expose work for another (a collapsed space, a rebuilt SARA AM, the next of several orphaned
    # marks), so steps repeat until nothing changes; a text seen before ends the loop should steps ever cycle.
    seen = {text}
    while (repaired := _repair_once(text)) not in seen:
        seen.add(repaired)
        text = repaired
    # marks lost without a trace last, where the steps above left a piece no word holds; what a put-back mark
    # exposes (a SARA AM to rebuild, a next piece) goes through the steps again
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if (mended := _restore_lost_marks(line)) != line:  # only the lines mended: the others stay as they came
            done = {line, mended}
            while (repaired := _repair_once(mended)) not in done:
                done.add(repaired)
                mended = repaired
            lines[index] = mended
    text = "\n".join(lines)
    if len(_REPAIRED) >= _REPAIRED_MAX:
        _REPAIRED.clear()
    _REPAIRED[original] = _REPAIRED[text] = text
    return text


# ---------------------------------------------------------------- quality
_CID = re.compile(r"\(cid:\d+\)")
# Damage markers, and letters of scripts a Thai public document does not use: a garbage text layer
# (`ϟΩϖλϟπϖϧσ`, Latin-1 mojibake) is made of them.
_BAD_CHARS = re.compile(r"[\ufffd\uf700-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\u00c0-\u024f\u0370-\u052f\u20ac]")
_INVALID_SEQUENCES = re.compile(
    "|".join([
        rf"(?:^|(?<=[^{CONSONANTS}{MARKS}]))[{MARKS}]",  # combining mark with no consonant under it
        rf"[{TONE_MARKS}]{{2,}}",  # stacked tone marks (`ผ้้`)
        rf"[{UPPER_VOWELS}]{{2,}}",  # two upper vowels
        rf"[{LOWER_VOWELS}][{UPPER_VOWELS}]|[{UPPER_VOWELS}][{LOWER_VOWELS}]",  # above and below at once
        rf"{SARA_AM}[{SARA_AA}{SARA_AM}]|{NIKHAHIT}{SARA_AA}",  # broken SARA AM (`คำานำา`)
        rf"[{LEAD_VOWELS}](?=[^{CONSONANTS}])",  # lead vowel not followed by a consonant
        rf" {SARA_AA}",  # SARA AM lost as a space
        r"(?<=[\u0e01-\u0e4e])[A-Za-z\u0100-\u024f](?=[\u0e01-\u0e4e])",  # glyph id printed as Latin
    ]),
    re.MULTILINE,
)


def _dictionary_coverage(text: str) -> float:
    """Share of Thai characters that fall inside dictionary words: catches plausible-looking but
    wrong glyph mappings (pdfplumber's `ส้งสุด` for `สูงสุด`) that no sequence rule sees."""
    runs = _THAI_RUN.findall(text)
    total = sum(len(run) for run in runs)
    if total == 0:
        return 1.0
    return sum(map(_known_letters, runs)) / total


@lru_cache(maxsize=65536)  # runs of Thai repeat across lines and pages: a tokenization each is the costly part
def _known_letters(run: str) -> int:
    words = _words()
    return sum(len(token) for token in _tokenize(run, keep_whitespace=False) if len(token) > 1 and token in words)


def text_quality(text: str) -> float:
    """0..1, higher is better: penalises damage markers, invalid Thai sequences and non-words.

    Compare scores of two engines' text for the same page or cell; the absolute value means little.
    """
    if not text or not text.strip():
        return 0.0
    n = len(re.sub(r"\s", "", text))
    bad = len(_BAD_CHARS.findall(text)) + 4 * len(_CID.findall(text)) + len(_INVALID_SEQUENCES.findall(text))
    validity = max(0.0, 1.0 - 3.0 * bad / n)
    return round(validity * (0.5 + 0.5 * _dictionary_coverage(text)), 4)


def word_fit(text: str) -> float:
    """Mean letters per word of the text's Thai runs, counting a non-word as one letter a piece: higher reads
    better. Two readings of one region that text_quality rates alike (both all dictionary words) differ here
    when one of them has its marks on the wrong letters: `สานกัป` (สาน|กัป) against `สำนัก`, `ความเสียงิ`
    (ความ|เสีย|งิ) against `ความเสี่ยง`, `ประเมนี่` against `ประเมิน`."""
    words, letters, tokens = _words(), 0, 0
    for run in _THAI_RUN.findall(text):
        for token in _tokenize(run, keep_whitespace=False):
            letters += len(token)
            tokens += 1 if token in words else len(token)
    return letters / tokens if tokens else 0.0


# ---------------------------------------------------------------- data-contract strings
_SPACES = re.compile(r"\s+")
_LEADING_MARKS = re.compile(rf"^[\s{MARKS}]+")  # a mark split off the cell above has no consonant here
# A lead vowel ends no Thai text: one after the last word is the first letter of the line below, read into this
# cell (`…ภายในหน่วยงานโ` over `โครงการ…`).
_TRAILING_LEAD = re.compile(rf"(?<=[\u0e01-\u0e4e])\s*[{LEAD_VOWELS}]+$")


# Symbol fonts (Wingdings, Symbol) put their glyphs in the Private Use Area at U+F020-U+F0FF: in ITA forms
# these are check boxes and bullets. Their meaning is the glyph, which the text cannot carry: a box stands in.
_SYMBOL_FONT = re.compile("[\uf020-\uf0ff]")
SYMBOL = "\u25a1"  # □


def clean_text(text: str | None) -> str | None:
    """A data-contract string: repaired Thai, Arabic digits, no markup, collapsed whitespace; None if empty."""
    if text is None:
        return None
    text = _SPACES.sub(" ", _MARKUP.sub(" ", _CID.sub("", _SYMBOL_FONT.sub(SYMBOL, text))))
    # the edges are trimmed before repair too, so that cleaning the result again repairs the very same text
    text = _TRAILING_LEAD.sub("", _LEADING_MARKS.sub("", _nfc(text).translate(_PUA).strip()))
    text = to_arabic_digits(repair_thai(text))
    text = _TRAILING_LEAD.sub("", _LEADING_MARKS.sub("", _SPACES.sub(" ", text).strip()))
    return text or None
