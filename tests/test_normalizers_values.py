"""Digits, dates and periods, levels, scores: examples from the seeds plus properties."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizers.catalog import LETTER_FLOORS, letter_band
from normalizers.dates import MONTHS, parse_period
from normalizers.digits import to_arabic_digits, to_thai_digits
from normalizers.levels import normalize_level
from normalizers.scores import parse_score

D = dt.date


def span(text, **kw):
    period = parse_period(text, **kw)
    return period.start, period.end


@given(st.text())
def test_digits_round_trip(text):
    arabic = to_arabic_digits(text)
    assert not any("๐" <= ch <= "๙" for ch in arabic)
    assert to_arabic_digits(to_thai_digits(arabic)) == arabic
    assert len(arabic) == len(text)


@pytest.mark.parametrize("text, start, end", [
    # forms printed in the seeds
    ("๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘", D(2024, 10, 1), D(2025, 9, 30)),
    ("มค. ๖๖ ถึง มีค. ๖๖", D(2023, 1, 1), D(2023, 3, 31)),
    ("พ.ย. ๖๘ – เม.ย. ๖๙", D(2025, 11, 1), D(2026, 4, 30)),
    ("ตลอดปีงบประมาณ พ.ศ.๒๕๖๙", D(2025, 10, 1), D(2026, 9, 30)),
    ("ตุลาคม ๒๕๖๗", D(2024, 10, 1), D(2024, 10, 31)),
    ("เมษายน ๒๕๖๖", D(2023, 4, 1), D(2023, 4, 30)),
    ("26 เม.ย. 2567", D(2024, 4, 26), D(2024, 4, 26)),
    # layout variants: cell line breaks, no spaces, no dots, month names only at the end
    ("๑ ตุลาคม \n๒๕๖๕ - ๓๐ \nกันยายน \n๒๕๖๖", D(2022, 10, 1), D(2023, 9, 30)),
    ("ม.ค.68ถึงมี.ค.68", D(2025, 1, 1), D(2025, 3, 31)),
    ("ก.พ. ๖๙ ถึง มิ.ย. ๖๙", D(2026, 2, 1), D(2026, 6, 30)),
    ("มกราคม - มีนาคม 2568", D(2025, 1, 1), D(2025, 3, 31)),
    ("ตุลาคม ๒๕๖๗ – กันยายน ๒๕๖๘", D(2024, 10, 1), D(2025, 9, 30)),
    ("๑ ต.ค. - ๓๐ ก.ย. ๒๕๖๙", D(2025, 10, 1), D(2026, 9, 30)),
    ("ภายในเดือนธันวาคม 2567", D(2024, 12, 1), D(2024, 12, 31)),
    ("ปีงบประมาณ ๒๕๖๖-๒๕๖๗", D(2022, 10, 1), D(2024, 9, 30)),
    ("29 กุมภาพันธ์ 2567", D(2024, 2, 29), D(2024, 2, 29)),
])
def test_period_forms(text, start, end):
    assert span(text) == (start, end)
    assert parse_period(text).warning is None


@pytest.mark.parametrize("text", [
    "ทุกวัน", "ตลอดปี", "ต.ค. - ธ.ค.", "30 กุมภาพันธ์ 2567", "กันยายน 2568 - ตุลาคม 2567", "ตามแผน",
    "1 ตุลาคม 2522 - 30 กันยายน 2523",  # OCR misread of ๒๕๖๖/๒๕๖๗: implausible, not used
    "ปีงบประมาณ 2450",
])
def test_unreadable_periods_give_nulls_and_a_warning(text):
    period = parse_period(text)
    assert period.start is None and period.end is None and period.warning


def test_fiscal_year_fills_only_a_missing_year():
    assert span("ต.ค. - ธ.ค.", fiscal_year=2568) == (D(2024, 10, 1), D(2024, 12, 31))
    assert span("ตลอดปีงบประมาณ", fiscal_year=2568) == (D(2024, 10, 1), D(2025, 9, 30))
    assert span("ตุลาคม ๒๕๖๗", fiscal_year=2590) == (D(2024, 10, 1), D(2024, 10, 31))


def test_empty_period_has_no_warning():
    assert parse_period(None).warning is None and span(None) == (None, None)
    assert span("  ") == (None, None)


@given(st.integers(2543, 2603), st.sampled_from(sorted(MONTHS, key=MONTHS.get)), st.booleans())
def test_any_month_of_any_year(be_year, month, thai):
    year_text = to_thai_digits(str(be_year)) if thai else str(be_year)
    period = parse_period(f"{month} {year_text}")
    assert period.start == D(be_year - 543, MONTHS[month], 1)
    assert period.end.month == MONTHS[month] and period.end >= period.start


@pytest.mark.parametrize("raw, level", [
    ("AA", "AA"), ("a", "A"), (" ระดับ B ", "B"), ('"ผ่านดี"', "ผ่านดี"), ("ผ่าน ดี เยี่ยม", "ผ่านดีเยี่ยม"),
    ("ผานดีเยียม", "ผ่านดีเยี่ยม"), ("ผ่ำนดี", "ผ่านดี"), ("ต้องปรับปรุงโดยด่วน", "ต้องปรับปรุงโดยด่วน"),
    ("ต้องปรับปรุง คะแนน", "ต้องปรับปรุง"), ("ระดับ A (๘๙.๔๖)", "A"), ("ผ่าน", "ผ่าน"),
    ("ผ่านเกณฑ์", None), ("X", None), ("", None), (None, None),
])
def test_levels(raw, level):
    assert normalize_level(raw) == level


@pytest.mark.parametrize("score, level", [(100, "AA"), (95, "AA"), (94.99, "A"), (85, "A"), (84.99, "B"),
                                          (65, "C"), (54.99, "E"), (50, "E"), (49.99, "F"), (0, "F")])
def test_letter_bands_at_their_edges(score, level):
    assert letter_band(score) == level


@given(st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 2)))
def test_letter_band_is_the_highest_floor_reached(score):
    level = letter_band(score)
    assert LETTER_FLOORS[level] <= score
    assert all(floor > score for other, floor in LETTER_FLOORS.items() if floor > LETTER_FLOORS[level])


@pytest.mark.parametrize("raw, score", [
    ("๙๘.๓๑", 98.31), ("98.31", 98.31), ("๑๐๐", 100.0), ("100.00 คะแนน", 100.0), ("(๙๗.๓๐)", 97.3),
    (87.5, 87.5), ("0", 0.0), ("101", None), ("2567", None), ("-", None), (None, None),
])
def test_scores(raw, score):
    assert parse_score(raw) == score


@given(st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 2)), st.booleans())
def test_scores_round_trip_in_thai_digits(value, thai):
    text = f"{value:.2f}"
    assert parse_score(to_thai_digits(text) if thai else text) == pytest.approx(value)


@given(st.text())
def test_no_normalizer_raises_on_any_text(text):
    """One broken PDF must never stop a batch: every normalizer returns, whatever the input."""
    from normalizers.codes import resolve_code, split_code_prefix
    from normalizers.thai_text import clean_text, repair_thai, text_quality

    assert 0.0 <= text_quality(text) <= 1.0
    assert isinstance(repair_thai(text), str)
    clean_text(text)
    parse_period(text, fiscal_year=2568)
    split_code_prefix(text, 2567)
    resolve_code(text, 2566, text)
    normalize_level(text)
    parse_score(text)
