"""Rows of cells centred vertically (issue #12, variety9): a cell's list of codes wrapped over two lines is one row."""
from parsers.layout import _band_grouped
from parsers.tables import RawRow


def _row(*cells: str, top: float) -> RawRow:
    return RawRow(list(cells), len(cells), top, top + 16)


def test_codes_listed_over_two_lines_of_one_cell_keep_one_row():
    rows = [_row("o ๑๐,", "จัดทำคู่มือ", top=0), _row("o ๑๑", "สถิติ", top=21)]
    grouped = _band_grouped(rows, [True, False])
    assert grouped is not None and len(grouped) == 1
    assert grouped[0].cells[0] == "o ๑๐,\no ๑๑"


def test_two_numbered_lines_in_one_band_give_the_rows_back_to_the_line_logic():
    rows = [_row("o ๑๐", "จัดทำคู่มือ", top=0), _row("o ๑๑", "สถิติ", top=21)]
    assert _band_grouped(rows, [True, False]) is None
