"""Dictionary-aware correction of OCR'd Thai free text (parsers/scan_words.py): misreadings the scan suite
showed are written as the ITA vocabulary prints them, correct Thai is never changed, and a correction never
takes a damaged reading further from what was printed."""
from __future__ import annotations

import csv

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from parsers import scan_words
from parsers.scan_cleanup import clean_cell
from parsers.scan_words import correct_words
from tests.variety import content

# (OCR's reading, what was printed): measure cells of the office-scan suite (docs/layout.md, scan suite)
MISREAD = [
    ("ปรับปรุงเว็บไซต์ให้สอดคล้องกับการประเมินคุณธรรมและความโปร่งใสในการถำเน็นงานของหน่วยงานภาครัฐ",
     "ปรับปรุงเว็บไซต์ให้สอดคล้องกับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"),
    ("มาตรคการยกระตดับการเปิดเผยข้อมูล", "มาตรการยกระดับการเปิดเผยข้อมูล"),
    ("มาตรการยกระดับการเปิดเผยฆข้อมูล", "มาตรการยกระดับการเปิดเผยข้อมูล"),
    ("กิจกรรมเชิดชูเกียรติเจ้าหน้าทิผู้ปฏิบัติงานดีเด่น", "กิจกรรมเชิดชูเกียรติเจ้าหน้าที่ผู้ปฏิบัติงานดีเด่น"),
    ("จัดทำคู่มือบรีการประชาชนและเผยแพร่ประชาสัมพันธ์ให้ประชาชนทราบ",
     "จัดทำคู่มือบริการประชาชนและเผยแพร่ประชาสัมพันธ์ให้ประชาชนทราบ"),
    ("เผยแพร่ผลงานและข้อมูลทิเป็นประโยชน์ภับสาธารณชนให้เป็นปัจจุบัน",
     "เผยแพร่ผลงานและข้อมูลที่เป็นประโยชน์กับสาธารณชนให้เป็นปัจจุบัน"),
]


@pytest.mark.parametrize(("read", "printed"), MISREAD)
def test_a_misreading_is_written_as_the_vocabulary_prints_it(read, printed):
    assert correct_words(read) == printed


def test_an_ocr_cell_is_corrected_in_the_scan_layers_cleanup():
    text, _ = clean_cell("มาตรคการยกระตดับการเปิดเผยข้อมูล")
    assert text == "มาตรการยกระดับการเปิดเผยข้อมูล"


def test_a_stray_letter_before_the_next_word_stays_with_it():
    """`คู่มือบ|รีการ`: the stray บ is the start of บริการ, never dropped to make คู่มือ."""
    corrected = correct_words("จัดทำคู่มือบรีการประชาชนและเผยแพร่ประชาสัมพันธ์")
    assert corrected != "จัดทำคู่มือบรีการประชาชนและเผยแพร่ประชาสัมพันธ์"
    assert "คู่มือบ" in corrected


def _catalog_texts() -> list[str]:
    """The catalogs' wordings, but the 2565-2566 one printed with a broken SARA AM (`และคําค่า` for และคุ้มค่า,
    the ring and the AA as two characters): damaged text, no correct Thai to leave alone."""
    texts = []
    for path in sorted(scan_words.WORDS.parent.glob("ita_catalog_*.csv")):
        with path.open(encoding="utf-8") as handle:
            texts += [row["text"] for row in csv.DictReader(handle) if "\u0e4d\u0e32" not in row["text"]]
    return texts


def _unseen_correct_thai() -> list[str]:
    """Correct Thai the vocabulary was not built from: the variety suite's measures, methods and headers
    (`ทับซ้อน`, `ห้วงระยะเวลา`, `แหล่งเงิน` are words no seed prints alone; an earlier rule changed them)."""
    found = []
    for value in vars(content).values():
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, str) and sum("\u0e01" <= c <= "\u0e4e" for c in item) >= 8:
                found.append(item)
            elif isinstance(item, (list, tuple, set, frozenset)):
                stack.extend(item)
            elif isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
    return sorted(set(found))


def test_correct_thai_is_left_as_printed():
    texts = _catalog_texts() + _unseen_correct_thai()
    assert len(texts) > 300
    changed = [(t, correct_words(t)) for t in texts if correct_words(t) != t]
    assert changed == []


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_unseen_correct_thai()), st.sampled_from(["", " ", "1. ", "(2568) "]))
def test_unseen_correct_thai_with_numbers_or_spaces_around_is_left_as_printed(text, lead):
    assert correct_words(lead + text) == lead + text


_MARKS = "\u0e48\u0e49\u0e34\u0e35\u0e38\u0e39"


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_catalog_texts() + _unseen_correct_thai()), st.data())
def test_a_correction_never_takes_a_damaged_reading_further_from_the_print(text, data):
    """A mark lost, or a letter swapped for a look-alike (what Tesseract does), somewhere in correct Thai: the
    corrected text is never further (edit distance) from the printed text than OCR's reading was."""
    at = data.draw(st.integers(0, len(text) - 1))
    char = text[at]
    if char in _MARKS:
        damaged = text[:at] + text[at + 1:]
    else:
        swaps = {"ด": "ถ", "บ": "ป", "ก": "ภ", "จ": "ข", "ล": "ส", "ร": "ว", "ต": "ด"}
        assume(char in swaps)
        damaged = text[:at] + swaps[char] + text[at + 1:]
    assert Levenshtein.distance(correct_words(damaged), text) <= Levenshtein.distance(damaged, text)


def test_without_the_vocabulary_file_text_is_left_alone(monkeypatch, tmp_path):
    monkeypatch.setattr(scan_words, "WORDS", tmp_path / "missing.csv")
    scan_words._vocabulary.cache_clear()
    try:
        assert correct_words("มาตรคการยกระตดับ") == "มาตรคการยกระตดับ"
    finally:
        scan_words._vocabulary.cache_clear()


def test_unit_names_are_never_corrected():
    """Names of the registry's 7,850 units, full, abbreviated (`อบต.X`) and bare (an announcement's name column):
    their letters are no vocabulary's (`บ้านระกาศ`, `หลุ่งตะเคียน`, `จ.ป.ร.` were changed by an earlier rule)."""
    with (scan_words.WORDS.parent / "units.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names = [r["unit_name"] for r in rows] + [r["type_abbr"] + r["name_core"] for r in rows] + [r["name_core"] for r in rows]
    assert len(names) > 20000
    assert [(n, correct_words(n)) for n in names if correct_words(n) != n] == []
    assert correct_words("ประชาชนในพื้นที่ตำบลบ้านระกาศได้รับทราบข้อมูลข่าวสาร") == "ประชาชนในพื้นที่ตำบลบ้านระกาศได้รับทราบข้อมูลข่าวสาร"
