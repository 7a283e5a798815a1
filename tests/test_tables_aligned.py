"""Columns without rules that a printer shrinks to their text (issue #12, variety9): two left-aligned columns a word
space apart, told apart by their starts lining up, not by the width of the space between them."""
from parsers.tables import find_gap_tables

H = 16.0


def _line(top: float, *columns: tuple[float, float]) -> list[tuple[float, float, float, float]]:
    return [(x0, top, x1, top + H) for x0, x1 in columns]


def _year_columns(head_gap: float):
    """`ตัวชี้วัด | ปี ๒๕๖๗ | ปี ๒๕๖๘ | ผลต่าง` as LibreOffice prints it: the year labels centred over their numbers and
    wider than them, `head_gap` points apart; the numbers 12 points apart, each column's starting at one x."""
    head = _line(100, (106, 136), (193, 199), (203, 232), (232 + head_gap, 242), (246, 274), (281, 309))
    body = [_line(124 + 24 * k, (52, 62), (66, 130 + 5 * k), (192, 223), (235, 266), (278, 308)) for k in range(10)]
    return [head] + body


def test_left_aligned_columns_a_word_space_apart_are_two_columns():
    (edges, members, _), = find_gap_tables(_year_columns(3.0))
    assert len(members) == 11
    assert len(edges) == 5  # four columns: the two years are parted at the stripe their starts line up after
    assert 223 <= edges[2] <= 235


def test_a_column_of_repeated_cells_under_one_label_is_not_split():
    """Every row's responsible office printed alike (`สำนัก ปลัด`): its second word starts at one x in every line,
    but the header holds one label over the column, so the column stays whole."""
    head = _line(100, (52, 120), (150, 200))
    body = [_line(124 + 24 * k, (52, 60 + 7 * k), (150, 172), (176, 190)) for k in range(6)]
    (edges, _, _), = find_gap_tables([head] + body, min_cols=2)
    assert len(edges) == 3


def test_starts_that_a_word_of_one_line_crosses_part_nothing():
    lines = _year_columns(3.0)
    lines[5] = _line(lines[5][0][1], (52, 62), (66, 150), (192, 250), (278, 308))  # one cell wider than its column
    (edges, _, _), = find_gap_tables(lines)
    assert len(edges) == 4


def test_a_group_heading_over_a_narrow_first_column_spans_the_table():
    """`ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล` from the code column into the measure column, its words a space apart: a heading
    across the table (it parts the runs of rows), not a code cell and a measure cell; the header above stays the
    table's."""
    head = _line(100, (64, 76), (137, 176), (261, 323), (382, 419))
    heading = _line(124, (52, 89), (92, 99), (103, 175))
    body = [_line(148 + 24 * k, (52, 76), (91, 222), (226, 346), (361, 424)) for k in range(4)]
    (edges, members, spanning), = find_gap_tables([head, heading] + body)
    assert members[0] == 0 and spanning == {1}
    assert len(edges) == 5


def test_a_row_whose_cells_sit_a_word_space_apart_is_no_heading():
    head = _line(100, (64, 76), (137, 176), (261, 323), (382, 419))
    body = [_line(124 + 24 * k, (52, 76), (91, 222), (226, 346), (361, 424)) for k in range(4)]
    body.append(_line(124 + 24 * 4, (91, 222), (226, 300)))  # a wrapped line of the measure and method only
    (_, _, spanning), = find_gap_tables([head] + body)
    assert spanning == set()
