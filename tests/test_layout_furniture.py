"""Page furniture and section rows around a page break (issue #12, variety9): the unit's name atop every page is no
heading, and a ruled cell merged across the table at a page's top is a section, not the rest of a cut row."""
from parsers.ita.measures import _running_lines, _furniture_line
from parsers.records import PageLayout, TableRow, TextLine
from parsers.tables import RawRow, _cut_rest


def _page(number: int, *texts: str) -> PageLayout:
    return PageLayout(number, 595, 842, [TextLine(t, 50, 40 + 20 * k, 500, 56 + 20 * k, number) for k, t in enumerate(texts)])


def test_a_line_atop_every_page_is_furniture_and_a_heading_is_not():
    pages = [_page(1, "องค์การบริหารส่วนตำบลสุขไพบูลย์", "มาตรการ…", "1) การส่งเสริมวัฒนธรรมองค์กร", "หน้า 1"),
             _page(2, "องค์การบริหารส่วนตำบลสุขไพบูลย์", "ตาราง", "หน้า 2")]
    running = _running_lines(pages)
    assert _furniture_line(pages[1].lines[0], running)
    assert _furniture_line(pages[1].lines[-1], running)  # `หน้า 2`: the page number
    assert not _furniture_line(pages[0].lines[2], running)


def test_a_cell_merged_across_the_table_at_a_page_top_is_a_section():
    previous = TableRow(["๓. กิจกรรมสร้างความโปร่งใส", "๑. สำรวจ", "สำนักปลัด", "กันยายน"], 2)
    section = RawRow(["ช่องทางและรูปแบบการประชาสัมพันธ์", "", "", ""], 1, 60, 80, spanned=[False, True, True, True])
    rest = RawRow(["ให้เป็นรูปธรรม", "", "", ""], 1, 60, 80)
    assert not _cut_rest(section, previous)
    assert _cut_rest(rest, previous)
