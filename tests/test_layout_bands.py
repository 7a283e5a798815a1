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


def test_rows_of_a_table_printing_the_office_first_start_at_the_measure_code():
    """`กองสวัสดิการ` / `สังคม`: the office's wrapped line starts no row; the lines whose measure cell opens with a
    code do. A period's `๑ ตุลาคม` is no list number."""
    from parsers.layout import _key_column
    rows = [_row("กองสวัสดิการ", "๑ ตุลาคม ๒๕๖๖", "o๒๘ โครงการพัฒนา", "๑. ตรวจสอบ", top=0),
            _row("สังคม", "- ๓๐ กันยายน", "ข้อมูลการจัดซื้อ", "๒. จัดให้มี", top=20),
            _row("", "", "", "๓. สำรวจ", top=40),
            _row("สำนักปลัด", "กรกฎาคม", "E๒ โครงการเชิดชู", "๑. จัดทำ", top=60)]
    assert _key_column(rows) == 2
    numbered = [_row("๑. มาตรการ", "กองคลัง", top=0), _row("ต่อ", "", top=20)]
    assert _key_column(numbered) == 0
