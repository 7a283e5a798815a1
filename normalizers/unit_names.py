"""Unit names as documents write them → comparable parts and keys.

Documents name their unit with the full type (องค์การบริหารส่วนตำบล…) or an abbreviation (อบต., ทต., จ.),
wrapped in noise (สำนักงาน, ศาลากลาง, นายก…) and damaged by PDF extraction (lost or swapped SARA AM, marks moved
past the next letter, spaces inside words). These pure functions turn such a mention into
type/core/district/province parts and into two keys for fuzzy matching: `name_key` (exact letters) and
`name_skeleton` (no tone marks, look-alike consonants folded) that survives the damage.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pythainlp.util import remove_repeat_vowels, remove_spaces_before_marks, remove_zw

from normalizers.digits import to_arabic_digits

SUBDISTRICT_ADMIN = "องค์การบริหารส่วนตำบล"
PROVINCIAL_ADMIN = "องค์การบริหารส่วนจังหวัด"
SUBDISTRICT_MUNI = "เทศบาลตำบล"
TOWN_MUNI = "เทศบาลเมือง"
CITY_MUNI = "เทศบาลนคร"
MUNICIPALITY = "เทศบาล"  # type family when the document omits ตำบล/เมือง/นคร
PROVINCE = "จังหวัด"
DISTRICT = "อำเภอ"
SUBDISTRICT = "ตำบล"
BANGKOK_DISTRICT = "เขต"

# Longest first, so that เทศบาลตำบล wins over เทศบาล and องค์การบริหารส่วนจังหวัด over จังหวัด.
UNIT_TYPES = (SUBDISTRICT_ADMIN, PROVINCIAL_ADMIN, SUBDISTRICT_MUNI, TOWN_MUNI, CITY_MUNI, MUNICIPALITY, PROVINCE)

_ABBREVIATIONS = {  # abbreviation letters → what they stand for
    "อบต": SUBDISTRICT_ADMIN, "อบจ": PROVINCIAL_ADMIN, "ทต": SUBDISTRICT_MUNI, "ทม": TOWN_MUNI,
    "ทน": CITY_MUNI, "จ": PROVINCE, "อ": DISTRICT, "ต": SUBDISTRICT,
}
_THAI_LETTER = "\u0e01-\u0e4e"
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # vowels above/below, tone marks, thanthakhat, nikhahit
_SPACES = re.compile(r"\s+")
# What the dictionary-free repairs act on: zero-width characters, spaces, NIKHAHIT, a doubled mark, a tone mark
# before the vowel it sits on.
_NEEDS_REPAIR = re.compile(
    f"[\u200b-\u200f\u2060\ufeff\\s\u0e4d]|([{_MARKS}])\\1|[\u0e48-\u0e4b][\u0e31\u0e34-\u0e39]")
_REPEATS = re.compile(r"(.)\1+")
_TONES = re.compile("[\u0e47-\u0e4e]")  # maitaikhu, tone marks, thanthakhat, nikhahit
# Thai consonants that look or sound alike and that OCR and typists swap; folded in the skeleton only.
_CONFUSABLE = str.maketrans("ปดถภฝฟซศษฆฑฒณฬ", "บตทพผพชสสคททนล")


def _abbreviation_pattern(letters: str) -> str:
    """`อบต` → matches อบต., อ.บ.ต., อ บ ต. and, for multi-letter ones, a bare อบต before a space or name."""
    sep = r"\s*\.?\s*"
    body = sep.join(letters)
    # After ของ/ใน ("ของอบต.") or at a non-letter boundary; never inside a word (ผอ., อดทน.).
    before = rf"(?:(?<=ของ)|(?<=ใน)|(?<![{_THAI_LETTER}]))"
    if len(letters) == 1:  # not the first letter of a dotted acronym (เทศบาลตำบลจ.ป.ร.: its จ. is no province)
        return rf"{before}{body}\s*\.(?![{_THAI_LETTER}]\.)\s*"
    return rf"{before}{body}(?:\s*\.\s*|\s+|$)"


_ABBREVIATION = re.compile("|".join(
    f"(?P<a{i}>{_abbreviation_pattern(letters)})" for i, letters in enumerate(_ABBREVIATIONS)))
_EXPANSIONS = list(_ABBREVIATIONS.values())


def _loose(word: str) -> str:
    """A regex for `word` as damaged extraction writes it: marks missing, moved or doubled, spaces inside,
    SARA AM split (ํา), lost (a space) or printed for SARA AA."""
    parts = []
    for ch in word:
        if ch == "\u0e33":
            parts.append("(?:\u0e33|\u0e4d?\\s?\u0e32|\\s)")
        elif ch == "\u0e32":
            parts.append("[\u0e32\u0e33]")
        elif re.match(f"[{_MARKS}]", ch):
            continue
        else:
            parts.append(re.escape(ch))
        parts.append(f"[{_MARKS}\\s]*")
    return "".join(parts)


_TYPE_PREFIX = re.compile("|".join(f"(?P<t{i}>{_loose(t)})" for i, t in enumerate(UNIT_TYPES)))
# อำเภอ and จังหวัด never occur inside a unit name, so they split it even where repair joined the words
# (`รัตนวาปีจังหวัด`); ตำบล and เขต do (สามตำบล, หลักเขต) and need a word boundary.
_LOCAL_TYPE = re.compile("|".join(f"(?P<t{i}>{_loose(t)})" for i, t in enumerate(UNIT_TYPES[:5])))
_THAI_WORD = re.compile(f"\\s?([{_THAI_LETTER}]+)")
_MARKER = re.compile(
    rf"(?P<kind>{_loose(DISTRICT)}|{_loose(PROVINCE)}|(?:^|(?<=[\s\.,(]))(?:{_loose(SUBDISTRICT)}|เขต))\s*")
_NOISE = re.compile(
    r"^(?:สำนักงาน|ส\s?านักงาน|สนง\.?|ที่ทำการ|ที่ท\s?าการ|ศาลากลาง|นายก|ปลัด|รองนายก|ผู้ว่าราชการ|"
    r"รองผู้ว่าราชการ|สภา|ประกาศ|(?:ของ|ใน|ณ)(?=\s|" + _TYPE_PREFIX.pattern + r"))\s*")
# Words that end a name when a mention runs on into the sentence ("…บ่อระ ปีงบประมาณ…").
_RUN_ON = re.compile(r"(?:ประจำปี|ปีงบประมาณ|พ\.ศ\.).*$")
_PUNCTUATION = re.compile(r"[.,:;()\[\]'\"“”‘’\-]")


@dataclass(frozen=True)
class UnitName:
    """A mention split into parts. `unit_type` is one of UNIT_TYPES or None when the text gives none."""

    unit_type: str | None
    core: str  # the name without type, e.g. "บือเระ"; may run on past a space ("หนอง บัวโคก", "บ่อระ พบว่า")
    district: str | None = None
    province: str | None = None


def expand_abbreviations(text: str) -> str:
    """อบต.ดงบัง → องค์การบริหารส่วนตำบลดงบัง; อ.สายบุรี จ.ปัตตานี → อำเภอสายบุรี จังหวัดปัตตานี.
    Also applies the name-safe repairs and Arabic digits, and collapses spaces."""
    text = _ABBREVIATION.sub(lambda m: _EXPANSIONS[int(m.lastgroup[1:])], _repair(text or ""))
    return _SPACES.sub(" ", text).strip()


def _repair(text: str) -> str:
    """Only the dictionary-free repairs (zero-width characters, spaces before marks, mark order, SARA AM
    rebuilt from NIKHAHIT + SARA AA): a dictionary pass would "correct" proper names (บ้านดุง → บ้านุดง)."""
    text = unicodedata.normalize("NFC", text)
    if _NEEDS_REPAIR.search(text):  # most names are clean: skip the costly steps
        text = remove_repeat_vowels(remove_spaces_before_marks(remove_zw(text)))
    return to_arabic_digits(text.replace("\u0e33\u0e32", "\u0e33"))


def strip_noise(text: str) -> str:
    """Drop leading office words and titles (สำนักงาน, ที่ทำการ, ศาลากลาง, นายก…), however many."""
    previous = None
    text = text.strip()
    while previous != text:
        previous, text = text, _NOISE.sub("", text).strip()
    return text


def split_unit_name(text: str) -> UnitName:
    """Split a mention into type, core name, district and province as written."""
    text = strip_noise(expand_abbreviations(text))
    unit_type, rest = None, text
    if match := _TYPE_PREFIX.match(text):
        unit_type = UNIT_TYPES[int(match.lastgroup[1:])]
        rest = text[match.end():].lstrip()
    parts: dict[str, str] = {}
    markers = [m for m in _MARKER.finditer(rest) if m.start() > 0 or unit_type is None]
    core = rest[:markers[0].start()] if markers else rest
    for i, marker in enumerate(markers):
        end = markers[i + 1].start() if i + 1 < len(markers) else len(rest)
        value = rest[marker.end():end].strip().split(" ")[0]
        kind = _kind(marker.group("kind"))
        if value and kind not in parts:
            parts[kind] = value
    core = _RUN_ON.sub("", core).strip(" .,:;()")
    if unit_type == PROVINCE and core:
        parts.setdefault(PROVINCE, core)
    return UnitName(unit_type, core, parts.get(DISTRICT), parts.get(PROVINCE))


def find_unit_names(text: str) -> list[str]:
    """Local-government names in running text, with the type written out in full even where the text
    abbreviated or damaged it (OCR: `มฆ้องค การบริหารส่วนตำบลบ้องตี` → `องค์การบริหารส่วนตำบลบ้องตี`)."""
    text = expand_abbreviations(text)
    names = []
    for match in _LOCAL_TYPE.finditer(text):
        if word := _THAI_WORD.match(text, match.end()):
            parts = split_unit_name(UNIT_TYPES[int(match.lastgroup[1:])] + word.group(1))
            if parts.core:
                names.append(parts.unit_type + parts.core)
    return names


def _kind(marker: str) -> str:
    if marker == BANGKOK_DISTRICT:
        return DISTRICT
    for kind in (DISTRICT, PROVINCE, SUBDISTRICT):
        if re.fullmatch(_loose(kind), marker.strip()):
            return kind
    return SUBDISTRICT


def name_key(text: str) -> str:
    """Exact-letter key: repaired, no whitespace or punctuation, no doubled characters (ป้อระะ → ป้อระ)."""
    key = _compact(text or "")
    for _ in range(3):  # repair may reorder marks that removing the spaces brought together
        again = _compact(key)
        if again == key:
            break
        key = again
    return key


def _compact(text: str) -> str:
    return _REPEATS.sub(r"\1", _PUNCTUATION.sub("", _SPACES.sub("", _repair(text))))


def name_skeleton(text: str) -> str:
    """Damage-proof key: SARA AM as SARA AA, no tone marks or signs (the marks extraction loses and moves
    most), confusable consonants folded (ป้อระะ → บอระ). Vowels stay: without them ตานี would equal ด่าน."""
    return skeleton_of_key(name_key(text))


def skeleton_of_key(key: str) -> str:
    """name_skeleton for a text already reduced by name_key (saves repairing it twice)."""
    key = key.replace("\u0e33", "\u0e32")
    return _REPEATS.sub(r"\1", _TONES.sub("", key).translate(_CONFUSABLE))


_ALL_MARKS = re.compile(f"[{_MARKS}\\s]")


def mark_free(text: str) -> str:
    """The letters a printer keeps when it loses or moves marks: no vowel above or below, no tone mark or sign,
    no space, SARA AM as SARA AA (`น้ำน้อย`, `นำน้อย`, `นาน้อย` alike). Exact consonants, unlike the
    skeleton: two place names are told apart by their letters."""
    return _ALL_MARKS.sub("", text).replace("\u0e33", "\u0e32")


def type_agrees(written: str | None, registered: str) -> bool:
    """A missing type agrees with anything; เทศบาล alone agrees with every kind of municipality."""
    if written is None:
        return True
    if written == MUNICIPALITY:
        return registered.startswith(MUNICIPALITY)
    return written == registered


TYPE_SNAP_MIN, TYPE_SNAP_LEAD = 75.0, 8.0  # fuzz ratio a damaged type cell needs, and its lead over the next type


def snap_unit_type(text: str | None) -> str | None:
    """A type written in a column of its own, as a scan damaged it (`องค์การ. บริหารส่วนตำบล`,
    `อง์การคบริหารส่วนตำบล`, `องค์การตำบล` with a wrapped line lost), as the one local-government type its
    letters are nearest to (skeletons, ratio >= 75 and 8 ahead of any other type); None when no type is that
    near, or two are (`องค์การบริหารส่วน` is ตำบล or จังหวัด: a name's type is not guessed)."""
    from rapidfuzz import fuzz  # noqa: PLC0415 - the only fuzzy function of this module

    key = name_skeleton(text or "")
    if not key:
        return None
    scores = sorted(((fuzz.ratio(key, name_skeleton(t)), t) for t in UNIT_TYPES[:5]), reverse=True)
    (best, unit_type), (second, _) = scores[0], scores[1]
    return unit_type if best >= TYPE_SNAP_MIN and best - second >= TYPE_SNAP_LEAD else None
