"""One weighted-sum rule (result_checks.expected_total) and the digit chooser on whole rows."""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from parsers import scan_numbers
from parsers.ita.result_checks import (EXACT, MEAN_TOLERANCE, SUM_TOLERANCE, WEIGHTED_TOLERANCE, expected_total,
                                       problems)
from parsers.records import Assessment


def test_points_sum_and_a_tool_without_points_adds_nothing():
    a = Assessment(overall_score=23.14, iit_points=23.14)  # OVEC: IIT only, EIT and OIT printed `-`
    assert expected_total(a, 2568) == (23.14, SUM_TOLERANCE)
    a = Assessment(iit_points=29.0, eit_part1_points=14.0, eit_part2_points=13.5, oit_points=38.0)
    assert abs(expected_total(a, 2567)[0] - 94.5) < 1e-9


def test_raw_scores_need_every_tool_and_use_the_years_weights():
    assert expected_total(Assessment(iit=90.0, oit=80.0), 2566) is None
    total, tolerance = expected_total(Assessment(iit=90.0, eit=80.0, oit=70.0), 2566)
    assert abs(total - 79.0) < 1e-9 and tolerance == WEIGHTED_TOLERANCE


def test_tools_completed_from_indicators_are_allowed_more():
    a = Assessment(iit=90.0, oit=70.0)
    _, tolerance = expected_total(a, 2566, {"iit": 90.0, "eit": 80.0, "oit": 70.0})
    assert tolerance == MEAN_TOLERANCE


def test_problems_name_a_sum_that_does_not_hold():
    a = Assessment(overall_score=90.0, iit_points=29.0, eit_points=28.0, oit_points=33.5)
    assert any("points sum" in p for p in problems(a, 2568))
    assert not problems(replace(a, overall_score=90.5), 2568, EXACT)



@pytest.mark.parametrize("year", [2566, 2568])
def test_a_raw_row_missing_a_tool_still_bounds_its_total(year):
    """The tools read take at least their weighted share of the total and the unread ones at most their weight."""
    misread = Assessment(overall_score=87.45, eit=32.17, oit=95.39)  # EIT 72.17 with a 7 read as 3: IIT would be 132
    assert any("allow a total" in p for p in problems(misread, year))
    assert not problems(replace(misread, eit=72.17), year)  # IIT 92.1: possible
    assert any("allow a total" in p for p in problems(Assessment(overall_score=30.0, iit=95.0, eit=90.0), year))
    assert not problems(Assessment(overall_score=30.0, oit=60.0), year)  # IIT and EIT 0-100 can make up the rest
    assert not problems(Assessment(overall_score=None, eit=32.17, oit=95.39), year)

def test_a_four_cell_row_is_chosen_however_many_readings_it_has():
    """Four cells of many confusable digits (about 500,000 combinations): the exact reading is found."""
    cells = {"overall_score": "99.76", "iit_points": "29.96", "eit_points": "29.80", "oit_points": "40.00"}
    row = Assessment(level="ผ่านดีเยี่ยม")
    chosen = scan_numbers.choose(cells, lambda v: not problems(replace(row, **v), 2568, EXACT))
    assert chosen == {"overall_score": 99.76, "iit_points": 29.96, "eit_points": 29.8, "oit_points": 40.0}


def test_a_row_two_readings_satisfy_is_refused():
    cells = {"overall_score": "60.00", "iit_points": "20.00"}  # ๖/๒ confused: both 20 or both 60
    chosen = scan_numbers.choose(cells, lambda v: abs(v["overall_score"] - v["iit_points"]) < 0.005)
    assert chosen is None  # one change makes them agree two ways: neither is taken


def test_a_cells_edge_read_beside_its_number_costs_one_change():
    """`40.00่]`, `ส89.64` (189.64 is no score): the number, one change away; a letter that could be a digit
    (`ส9.50` may be 99.50) gives nothing."""
    assert scan_numbers.readings("40.00่]")[0] == (1, 40.0)
    assert scan_numbers.readings("ส89.64")[0] == (1, 89.64)
    assert scan_numbers.readings("29.61ใ")[0] == (1, 29.61)
    assert scan_numbers.readings("ส9.50") == [] and scan_numbers.readings("ส00.00") == []
    cells = {"overall_score": "99.76", "iit_points": "29.96", "eit_points": "29.80", "oit_points": "40.00่]"}
    row = Assessment(level="ผ่านดีเยี่ยม")
    chosen = scan_numbers.choose(cells, lambda v: not problems(replace(row, **v), 2568, EXACT))
    assert chosen == {"overall_score": 99.76, "iit_points": 29.96, "eit_points": 29.8, "oit_points": 40.0}


def test_a_bent_number_costs_one_change():
    """A stray dot or digit after the two decimals (`86.01.`, `28.201`: a rule read as 1) or the point lost
    (`3643`): the number, one change away; three digits are no lost point (`100` is not 1.00)."""
    assert scan_numbers.readings("86.01.")[0] == (1, 86.01)
    assert scan_numbers.readings("28.201")[0] == (1, 28.2)
    assert scan_numbers.readings("3643")[0] == (1, 36.43)
    assert scan_numbers.readings("100") == [] and scan_numbers.readings("29.9381.59ต3") == []


THAI_LETTERS_FOR_DIGITS = "สตฒฆซฝณ"  # what Tesseract's Thai model made of Thai digits in the generated scans


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 2999), min_size=3, max_size=3), st.integers(0, 3), st.integers(0, 4),
       st.sampled_from(THAI_LETTERS_FOR_DIGITS))
def test_a_letter_read_for_a_digit_is_pinned_by_an_exact_sum(cents, which, position, letter):
    """Weighted points with one digit read as a Thai letter (`81.ต่1`): the sum pins the digit, so the row
    comes back right (or, never, wrong)."""
    values = [c / 100 for c in cents]
    truth = {"iit_points": values[0], "eit_points": values[1], "oit_points": values[2] + 10,
             "overall_score": round(sum(values) + 10, 2)}
    cells = {k: f"{v:.2f}" for k, v in truth.items()}
    field = list(cells)[which]
    digits = [i for i, ch in enumerate(cells[field]) if ch.isdigit()]
    i = digits[position % len(digits)]
    cells[field] = cells[field][:i] + letter + "\u0e48" + cells[field][i + 1:]  # with a tone mark, as OCR reads it
    chosen = scan_numbers.choose(cells, lambda v: not problems(Assessment(**v), 2568, EXACT), wildcards=True)
    assert chosen == pytest.approx(truth)
    assert scan_numbers.choose(cells, lambda v: not problems(Assessment(**v), 2568, EXACT)) is None  # no wildcards


def test_a_letter_in_a_raw_scores_hundredths_is_refused():
    """Raw scores weighted (± 0.02) do not pin a tool's last digit: several readings fit, none is taken."""
    cells = {"overall_score": "82.50", "iit": "80.0ส", "eit": "85.00", "oit": "82.50"}
    chosen = scan_numbers.choose(cells, lambda v: not problems(Assessment(**v), 2566, EXACT), wildcards=True)
    assert chosen is None
