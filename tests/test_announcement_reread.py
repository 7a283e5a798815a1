"""Scanned score cells Tesseract was unsure of (parsers/layout.py): an unsure reading of a number is kept as a
candidate for the row's checksums, never as the cell's value (issue #13, branch announce8)."""
import pytest

from parsers.layout import _unread_number


def test_an_unsure_reading_of_an_unread_cell_is_its_candidate():
    assert _unread_number("", "70.69") == "70.69"
    assert _unread_number("#", "71.16") == "71.16"
    assert _unread_number("", "๗๘.๕๖") == "78.56"
    assert _unread_number("", "7 0 . 6 9") == "70.69"


def test_a_read_cell_or_no_number_gives_no_candidate():
    assert _unread_number("93.83", "98.83") is None  # the cell was read: its reading stays
    assert _unread_number("", "ฒฒ62") is None
    assert _unread_number("", "0") is None  # a level or a rank, not a score
    assert _unread_number("", "14 '") is None
    assert _unread_number("", "78.5") is None  # one decimal: a digit lost


def test_a_hash_beside_the_pages_plain_number_is_a_candidate():
    # the template reader's `#` (a rule's remains made the cell two lines) where the page's OCR read 71.16
    assert _unread_number("#", "71.16") == "71.16"
    assert _unread_number("#", "๗๑.๑๖") == "71.16"
    assert _unread_number("#", "") is None  # no alternative: nothing to offer


def test_a_guess_and_its_alternative_are_both_readings_of_no_cost():
    """A template's guess with a digit whose rival came as close (ocr_digits: ๑ or ๓) offers both numbers as
    readings as good as each other; a plain guess offers itself."""
    from parsers import scan_numbers

    assert scan_numbers.readings(("34.96", "14.96"), 0) == [(0, 34.96), (0, 14.96)]
    assert scan_numbers.readings(("34.96",), 0) == scan_numbers.readings("34.96", 0) == [(0, 34.96)]
    # a reading that is no number offers nothing, the others still count
    assert scan_numbers.readings(("34.96", ""), 0) == [(0, 34.96)]


def test_a_guess_carries_its_rivals_as_readings_not_as_text():
    """The provenance of a guessed cell holds the best digits as its text and each rival reading in `rivals`
    (typed, never joined into the text): the reader offers all of them, best first; a total guessed with a
    rival of one decimal is read to that decimal whichever reading the row took."""
    from parsers.ita.announcement import _guess
    from parsers.ita.result_checks import _printed_step
    from parsers.records import Assessment, Provenance

    guessed = Provenance(1, (0, 0, 10, 10), "34.96", "template", 0.0, rivals=("14.96",))
    assert _guess(guessed, "#") == ("34.96", "14.96")
    assert _guess(Provenance(1, (0, 0, 10, 10), "34.96", "template", 0.0), "#") == ("34.96",)
    assert _guess(Provenance(1, (0, 0, 10, 10), "34.96", "template", 0.0, rivals=("1x.96",)), "#") is None
    assert _guess(Provenance(1, (0, 0, 10, 10), "34.96", "tesseract", 0.9, rivals=("14.96",)), "#") is None
    one_decimal = Provenance(1, (0, 0, 10, 10), "84.9", "template", 0.0, rivals=("85.9",))
    assert _printed_step(Assessment(overall_score=85.9, source=one_decimal)) == 0.1
    assert _printed_step(Assessment(overall_score=84.9, source=one_decimal)) == 0.1
    assert _printed_step(Assessment(overall_score=86.9, source=one_decimal)) == 0.01


def _sums(values: dict[str, float]) -> bool:
    """The exact-sum check of weighted points (announcement rows)."""
    return abs(values["total"] - values["iit"] - values["eit"] - values["oit"]) < 0.005


def test_the_sum_chooses_the_one_alternative_that_meets_it():
    """`34.96` guessed for a printed 14.96 (๑ read ๓, its rival as close): of the two readings only 14.96 makes
    the points add up to the total, so it is taken, the other cells as read."""
    from parsers import scan_numbers

    cells = {"total": "74.96", "iit": ("34.96", "14.96"), "eit": "25.00", "oit": "35.00"}
    assert scan_numbers.choose(cells, _sums, max_changes=0) == {"total": 74.96, "iit": 14.96, "eit": 25.0, "oit": 35.0}
    assert scan_numbers.choose(cells, _sums) == {"total": 74.96, "iit": 14.96, "eit": 25.0, "oit": 35.0}


def test_two_combinations_meeting_the_sum_choose_nothing():
    """Two guesses each with an alternative: 14.96 + 35.00 and 34.96 + 15.00 both add up to the total. The sum
    cannot tell which digit the template misread, so no reading is taken (the row is null, warned)."""
    from parsers import scan_numbers

    cells = {"total": "74.96", "iit": ("34.96", "14.96"), "eit": "25.00", "oit": ("15.00", "35.00")}
    # each alternative alone is pinned by the sum...
    assert scan_numbers.choose({**cells, "oit": "35.00"}, _sums, max_changes=0)["iit"] == 14.96
    assert scan_numbers.choose({**cells, "iit": "34.96"}, _sums, max_changes=0)["oit"] == 15.0
    # ...both together are not
    assert scan_numbers.choose(cells, _sums, max_changes=0) is None
    assert scan_numbers.choose(cells, _sums) is None
    # a guess whose best digits already add up is still refused when its alternative does too
    assert scan_numbers.choose({"total": "74.96", "iit": ("14.96", "34.96"), "eit": "25.00", "oit": ("35.00", "15.00")},
                               _sums, max_changes=0) is None


def test_a_glyphs_rival_is_a_close_digit_of_a_pair_the_guesses_confuse():
    """ocr_digits._rival: the best template of another digit within RIVAL_MARGIN, for a pair in RIVAL_PAIRS;
    nothing for a rival far behind or of a pair the guesses were not seen to confuse."""
    import numpy as np

    from parsers import ocr_digits

    values = ("1", "3", "8", "1")
    assert ocr_digits._rival(np.array([0.80, 0.79, 0.10, 0.70]), values, 0) == "3"
    assert ocr_digits._rival(np.array([0.80, 0.60, 0.10, 0.70]), values, 0) is None
    assert ocr_digits._rival(np.array([0.10, 0.79, 0.80, 0.70]), values, 2) is None  # 8/3: not a measured pair


def _table_with(row_cells: list[str], sources: dict):
    """A scanned weighted-points table (2568: IIT 30, EIT 30, OIT 40, the total after them) of four clear rows
    and one row whose cells `sources` replaces."""
    from parsers.records import Provenance, Table, TableRow

    def scanned(cells):
        return TableRow(cells, 1, sources=[Provenance(1, (0, 0, 10, 10), c, "tesseract", 0.95) for c in cells])
    header = scanned(["ที่", "ชื่อสถานศึกษา", "IIT", "EIT", "OIT", "รวม", "ระดับ"])
    rows = [scanned([str(i + 1), f"วิทยาลัยเทคนิคทดสอบ{'กขคง'[i]}", f"{28 - i}.00", "27.00", "36.00",
                     f"{91 - i:.2f}", "ผ่านดี"]) for i in range(4)]
    odd = scanned(["5", "วิทยาลัยเทคนิคทดสอบจ", *row_cells])
    for c, source in sources.items():
        odd.sources[c] = source
    return Table([header, *rows, odd], [1], 7)


def test_a_row_takes_the_alternative_of_its_guess_that_its_sum_pins():
    """Through the announcement reader: an IIT cell neither reader took carries the template's guess `13.50`
    with its alternative 11.50 (๑ and ๓, both within IIT's 30); the EIT beside it was read unsure (so the guess
    is read with the other cells as they are). Only 11.50 makes the points add up to the total: taken. Before
    guesses carried alternatives, the cell was unreadable and the row's points null."""
    from parsers.ita.announcement import read_announcement
    from parsers.records import Provenance

    table = _table_with(["#", "30.00", "33.00", "74.50", "ต้องปรับปรุง"], {
        2: Provenance(1, (0, 0, 10, 10), "13.50", "template", 0.0, rivals=("11.50",)),
        3: Provenance(1, (0, 0, 10, 10), "30.00", "tesseract", 0.5)})
    row = next(r for r in read_announcement([], [table], 2568).rows if r.unit_raw.endswith("จ"))
    assert (row.overall_score, row.iit_points, row.eit_points, row.oit_points) == (74.5, 11.5, 30.0, 33.0)


def test_a_row_whose_two_guesses_both_fit_keeps_its_name_and_no_numbers():
    """Two guessed cells each with an alternative, both combinations adding up to the total: the row is null
    with a warning, never one of the two."""
    from parsers.ita.announcement import read_announcement
    from parsers.records import Provenance

    table = _table_with(["#", "30.00", "#", "74.50", "ต้องปรับปรุง"], {  # 11.50 + 33.00 or 13.50 + 31.00
        2: Provenance(1, (0, 0, 10, 10), "13.50", "template", 0.0, rivals=("11.50",)),
        4: Provenance(1, (0, 0, 10, 10), "31.00", "template", 0.0, rivals=("33.00",))})
    found = read_announcement([], [table], 2568)
    row = next(r for r in found.rows if r.unit_raw.endswith("จ"))
    assert row.iit_points is None and row.oit_points is None and row.unit_raw == "วิทยาลัยเทคนิคทดสอบจ"
    assert any("ทดสอบจ" in w for w in found.warnings)
    # with one alternative only, the same row is pinned
    table = _table_with(["#", "30.00", "#", "74.50", "ต้องปรับปรุง"], {
        2: Provenance(1, (0, 0, 10, 10), "13.50", "template", 0.0, rivals=("11.50",)),
        4: Provenance(1, (0, 0, 10, 10), "33.00", "template", 0.0)})
    row = next(r for r in read_announcement([], [table], 2568).rows if r.unit_raw.endswith("จ"))
    assert (row.iit_points, row.oit_points) == (11.5, 33.0)


def _raw_2566_table(levels: list[str], oit: str = "60.70"):
    """A scanned raw-score table of 2566 (letter levels; IIT 30 %, EIT 30 %, OIT 40 %): four rows whose level
    cells hold `levels`, the first row's tools adding up to its total 70.00 (80.47, 71.92, `oit`)."""
    from parsers.records import Provenance, Table, TableRow

    def scanned(cells):
        return TableRow(cells, 1, sources=[Provenance(1, (0, 0, 10, 10), c, "tesseract", 0.95) for c in cells])
    header = scanned(["ที่", "ชื่อหน่วยงาน", "IIT", "EIT", "OIT", "คะแนนรวม", "ระดับ"])
    rows = [scanned(["1", "องค์การบริหารส่วนตำบลทดสอบก", "80.47", "71.92", oit, "70.00", levels[0]])]
    rows += [scanned([str(i + 2), f"องค์การบริหารส่วนตำบลทดสอบ{'ขคง'[i]}", "90.00", "90.00", "90.00", "90.00",
                      level]) for i, level in enumerate(levels[1:])]
    return Table([header, *rows], [1], 7)


def test_a_pass_word_whose_letter_the_scan_lost_is_decided_by_a_total_its_tools_pin():
    """Level cells `A (ผ่าน)` / `C (ไม่ผ่าน)` whose letter the scan lost or garbled (`(ไม่ผ่าน)`, `ภิ(ผ่าน)`), or
    whose pass word lost its leading vowel (`C(ม่ผ่าน)`): the pass word still narrows the letters, and the band
    of a total its tools pin exactly decides (70.00: C; 90.00: A). Before, these levels were null."""
    from parsers.ita.announcement import read_announcement

    for level in ("(ไม่ผ่าน)", "C(ม่ผ่าน)", "ซ(ไม่ผ่าน)"):
        rows = read_announcement([], [_raw_2566_table([level, "ภิ(ผ่าน)", "A", "A"])], 2566).rows
        assert [r.level for r in rows] == ["C", "A", "A", "A"], level
        assert rows[0].overall_score == 70.0


def test_a_pass_word_alone_gives_no_level_without_a_pinned_total():
    """The same `(ไม่ผ่าน)` beside an OIT the scan could not read: the total is not pinned by its tools, so no
    letter is chosen (a band holds a total only as read; it cannot also pick the level that then confirms it)."""
    from parsers.ita.announcement import read_announcement

    rows = read_announcement([], [_raw_2566_table(["(ไม่ผ่าน)", "A", "A", "A"], oit="#")], 2566).rows
    assert rows[0].level is None


def test_a_speck_between_a_numbers_digits_is_one_change():
    """`72.1'3`: a quote of the scan between two digits; the number is 72.13 at one change (for the row's
    sums to take), as a mark beside it is (`40.00่]`); a speck that no one removal explains gives nothing."""
    from parsers import scan_numbers

    assert scan_numbers.readings("72.1'3", 0) == [(1, 72.13)]
    assert scan_numbers.readings("7'2.13", 0) == [(1, 72.13)]
    assert (1, 72.13) in scan_numbers.readings("72.1'3")
    assert scan_numbers.readings("72'.'13", 0) == []
    assert scan_numbers.readings("72.1ส3", 0) == []  # a letter may be a digit: not a speck


def test_an_off_scale_improve_word_among_the_scales_own_is_its_first_word_lost():
    """On a scan, `ปรับปรุง` (OVEC's spelling, kept as printed) in a table whose other rows read ต้องปรับปรุง is
    that level with its first word lost: no level (a WRONG level kept as printed on a held-out look); in a table
    of OVEC's words it stays as printed."""
    from parsers.ita.announcement import read_announcement
    from parsers.records import Provenance, Table, TableRow

    def table(levels):
        def scanned(cells):
            return TableRow(cells, 1, sources=[Provenance(1, (0, 0, 10, 10), c, "tesseract", 0.95) for c in cells])
        header = scanned(["ที่", "ชื่อหน่วยงาน", "คะแนน", "ระดับ"])
        return Table([header, *(scanned([str(i + 1), f"องค์การบริหารส่วนตำบลทดสอบ{'กขคง'[i]}", "80.00", level])
                                for i, level in enumerate(levels))], [1], 4)
    rows = read_announcement([], [table(["ต้องปรับปรุง", "ปรับปรุง", "ต้องปรับปรุง"])], 2567).rows
    assert [r.level for r in rows] == ["ต้องปรับปรุง", None, "ต้องปรับปรุง"]
    assert rows[1].overall_score is None  # its band was its only check
    rows = read_announcement([], [table(["ผ่าน", "ปรับปรุง", "ผ่าน"])], 2567).rows
    assert rows[1].level == "ปรับปรุง"


def _overall_2566_table(rows: list[tuple]):
    """A scanned overall-only table of 2566 (letter levels spelled in Thai): rows of (total, its provenance,
    level, its provenance)."""
    from parsers.records import Provenance, Table, TableRow

    def tess(text):
        return Provenance(1, (0, 0, 10, 10), text, "tesseract", 0.95)
    header = TableRow(["ที่", "ชื่อองค์กรปกครองส่วนท้องถิ่น", "คะแนน ITA", "ระดับผลการประเมิน"], 1,
                      sources=[tess(c) for c in ("ที่", "ชื่อองค์กรปกครองส่วนท้องถิ่น", "คะแนน ITA", "ระดับผลการประเมิน")])
    body = [TableRow([str(i + 1), f"อบต.ทดสอบ{'กขคงจ'[i]}", total, level], 1,
                     sources=[tess(str(i + 1)), tess(f"อบต.ทดสอบ{'กขคงจ'[i]}"), total_source, level_source])
            for i, (total, total_source, level, level_source) in enumerate(rows)]
    return Table([header, *body], [1], 4)


def test_a_thai_letter_read_by_its_picture_is_kept_where_a_total_read_lies_in_its_band():
    """A level cell the page OCR left empty whose picture the template reader matched to `บี`
    (ocr_digits.read_thai_letter_level, engine template): one reader only, so the level is kept where the
    total beside it, as a reader read it (Tesseract, or the digit templates), lies in B's band (75-84.99), and
    is no level where it does not (a total of 59.78 beside a `บี`), nor beside a total that is only a template's
    guess (which an overall-only table never takes)."""
    from parsers.ita.announcement import read_announcement
    from parsers.records import Provenance

    def clear(text):
        return Provenance(1, (0, 0, 10, 10), text, "tesseract", 0.95)
    pictured = Provenance(1, (0, 0, 10, 10), "บี", "template", 0.9)
    table = _overall_2566_table([
        ("84.30", clear("84.30"), "บี", pictured),
        ("59.78", clear("59.78"), "บี", pictured),
        ("#", Provenance(1, (0, 0, 10, 10), "82.90", "template", 0.0), "บี", pictured),
        ("73.23", clear("73.23"), "ซี", clear("ซี")),  # Tesseract's own reading: a level as before
        ("82.90", Provenance(1, (0, 0, 10, 10), "82.90", "template", 0.6), "บี", pictured),  # read by template
    ])
    rows = read_announcement([], [table], 2566).rows
    assert [(r.overall_score, r.level) for r in rows] == [
        (84.3, "B"), (None, None), (None, None), (73.23, "C"), (82.9, "B")]


def test_a_thai_letter_level_alone_in_a_cell_is_read_by_its_picture():
    """The seven Thai spellings of the letter levels, printed alone in a ruled cell of a grey scan (blurred),
    are read whole by template; the rank header `ที่` (ที is บี with a tail), a rank and a score are not."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    from parsers.ocr_digits import THAI_LETTER_WORDS, _font_files, read_thai_letter_level

    fonts = [f for f in _font_files() if f.stem == "Kinnari"]
    if not fonts:
        pytest.skip("needs the Thai font family Kinnari (fonts-tlwg)")
    font = ImageFont.truetype(str(fonts[0]), 44)

    def cell(text):
        image = Image.new("L", (400, 90), 255)
        draw = ImageDraw.Draw(image)
        draw.text((170, 8), text, font=font, fill=40)
        draw.line((0, 86, 399, 86), fill=0, width=2)  # the cell's bottom and right rules
        draw.line((396, 0, 396, 89), fill=0, width=2)
        return image.filter(ImageFilter.GaussianBlur(0.8))
    for word in THAI_LETTER_WORDS:
        found = read_thai_letter_level(cell(word), (0, 0, 400, 90))
        assert found is not None and found[0] == word, (word, found)
    for other in ("ที่", "๑๓", "๘๔.๓๐"):
        assert read_thai_letter_level(cell(other), (0, 0, 400, 90)) is None, other


def test_a_level_reading_with_a_vowel_the_level_does_not_print_is_no_level():
    """`ผ่านี` (ผ่านดี whose ด the scan lost) matches ผ่าน without its marks, but its ี is a letter of another
    level: on a scan it is no level (a WRONG ผ่าน on held-out look held-190-grey-jpeg40-reseeded); a reading
    with only the level's own marks dropped still matches, and a text layer's cell is read as before."""
    from parsers.ita.announcement import level_of

    assert level_of("ผ่านี", True) == (None, True)
    assert level_of("ผ่านดี", True) == ("ผ่านดี", True)
    assert level_of("ผ่านดีเยียม", True) == ("ผ่านดีเยี่ยม", True)
    assert level_of("ผานด", True) == ("ผ่านดี", True)
    assert level_of("ผ่าน", True) == ("ผ่าน", True)
    assert level_of("ผ่านี") == ("ผ่าน", True)
    # a vowel that no longer level holding the level's letters prints is a speck (held-175: `…ด่วีน`)
    assert level_of("ต้องปรับปรุงโดยด่วีน", True) == ("ต้องปรับปรุงโดยด่วน", True)


def test_an_empty_scanned_column_does_not_hide_two_tables_side_by_side():
    """A twin table whose scan made a column of nothing (a rule or a stamp's ring under the spanning header
    `คะแนน ITA`, one cell holding a speck `<`): 9 columns cannot be cut in two, so every left unit took the right
    part's score (a WRONG total on a held-out look, `84.30` re-read `74.30` to fit the left unit's C). Without the
    empty column the parts are read on their own."""
    from parsers.ita.announcement import read_announcement
    from parsers.records import Provenance, Table, TableRow

    def scanned(cells):
        return TableRow(cells, 1, sources=[Provenance(1, (0, 0, 10, 10), c, "tesseract", 0.95) for c in cells])
    header = scanned(["ที่", "ชื่อองค์กรปกครองส่วนท้องถิ่น", "คะแนน ITA", "", "ระดับผลการประเมิน",
                      "ที่", "ชื่อองค์กรปกครองส่วนท้องถิ่น", "คะแนน ITA", "ระดับผลการประเมิน"])
    rows = [scanned(["1", "อบต.ทดสอบก", "69.07", "", "ซี", "3", "อบต.ทดสอบค", "84.30", "บี"]),
            scanned(["2", "อบต.ทดสอบข", "51.98", "<", "อี", "4", "อบต.ทดสอบง", "97.41", "เอเอ"])]
    found = read_announcement([], [Table([header, *rows], [1], 9)], 2566).rows
    assert [(r.unit_raw, r.overall_score, r.level) for r in found] == [
        ("อบต.ทดสอบก", 69.07, "C"), ("อบต.ทดสอบข", 51.98, "E"), ("อบต.ทดสอบค", 84.3, "B"), ("อบต.ทดสอบง", 97.41, "AA")]


def test_a_scanned_units_row_with_a_level_and_empty_score_cells_is_a_row_without_numbers():
    """A scanned row naming a unit, with a level of the scale and its score cell left empty (the page OCR lost
    the number, or the layout glued it onto the name): a row of the table with null numbers and a warning, not
    dropped as a unit without a result (those print `-`, and an off-scale level with it)."""
    from parsers.ita.announcement import read_announcement
    from parsers.records import Provenance, Table, TableRow

    def scanned(cells):
        return TableRow(cells, 1, sources=[Provenance(1, (0, 0, 10, 10), c, "tesseract", 0.95) for c in cells])
    header = scanned(["ที่", "ชื่อองค์กรปกครองส่วนท้องถิ่น", "คะแนน ITA", "ระดับผลการประเมิน"])
    body = [scanned(["1", "เทศบาลตำบลทดสอบก", "80.00", "ต้องปรับปรุง"]),
            scanned(["2", "เทศบาลตำบลทดสอบข", "", "ต้องปรับปรุงโดยด่วน"]),
            scanned(["3", "เทศบาลตำบลทดสอบค", "-", "ปรับปรุง"]),  # no result
            scanned(["4", "เทศบาลตำบลทดสอบง", "90.00", "ผ่านดี"])]
    found = read_announcement([], [Table([header, *body], [1], 4)], 2567)
    assert [(r.unit_raw, r.overall_score, r.level) for r in found.rows] == [
        ("เทศบาลตำบลทดสอบก", 80.0, "ต้องปรับปรุง"), ("เทศบาลตำบลทดสอบข", None, "ต้องปรับปรุงโดยด่วน"),
        ("เทศบาลตำบลทดสอบง", 90.0, "ผ่านดี")]
    assert any("ทดสอบข" in w and "empty" in w for w in found.warnings)


def _scanned_level_table(rows):
    """A page image of a two-column table (a score, a Thai-spelled letter level) at ocr.DPI, each cell's printed
    word drawn, and the page reader's rows as the page's OCR read them: [(printed, read), (printed, read)] a row."""
    from types import SimpleNamespace

    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    from parsers import ocr
    from parsers.layout import _PageReader
    from parsers.ocr_digits import _font_files
    from parsers.records import Provenance
    from parsers.tables import PageTable, RawRow

    fonts = [f for f in _font_files() if f.stem == "Kinnari"]
    if not fonts:
        pytest.skip("needs the Thai font family Kinnari (fonts-tlwg)")
    font = ImageFont.truetype(str(fonts[0]), 44)
    scale = ocr.DPI / 72
    width, height = 96, 22  # points
    image = Image.new("L", (round(2 * width * scale), round(len(rows) * height * scale)), 255)
    draw = ImageDraw.Draw(image)
    boxes, raws = [], []
    for r, row in enumerate(rows):
        cells = [(c * width, r * height, (c + 1) * width, (r + 1) * height) for c in range(2)]
        for (printed, _), box in zip(row, cells):
            draw.text((box[0] * scale + 170, box[1] * scale + 8), printed, font=font, fill=40)
        boxes.append(SimpleNamespace(cells=cells))
        sources = [Provenance(1, box, read, "tesseract", 0.9) if read else None for (_, read), box in zip(row, cells)]
        raws.append(RawRow([read for _, read in row], 2, r * height, (r + 1) * height, sources=sources))
    image = image.filter(ImageFilter.GaussianBlur(0.8))
    table = PageTable(1, 0, 0, 2 * width, len(rows) * height, [0, width, 2 * width], raws)
    reader = _PageReader(1, len(rows) * height, None, [], True, image=image)
    reader._reread_empty_cells([SimpleNamespace(rows=boxes)], [table])
    return table.rows


def test_a_level_cell_read_as_no_level_in_a_letter_level_column_is_read_by_its_picture():
    """The twin table of Thai-spelled letter levels: a level cell the page's OCR read as junk (`a`, `0`: no level)
    in a column whose other cells read as levels is read again by its picture (ocr_digits.read_letter_level), as
    an empty cell is. The score column is no level column: a cell there read `0` stays `0`, whatever its ink."""
    rows = _scanned_level_table([
        [("73.23", "73.23"), ("ซี", "ซี")],
        [("97.33", "97.33"), ("เอเอ", "เอเอ")],
        [("76.12", "76.12"), ("บี", ". บี")],
        [("บี", "0"), ("ดี", "a")],  # a score cell whose ink is a level word: its column says it is no level
        [("59.78", "59.78"), ("บี", "0")],
    ])
    assert [row.cells for row in rows] == [
        ["73.23", "ซี"], ["97.33", "เอเอ"], ["76.12", ". บี"], ["0", "ดี"], ["59.78", "บี"]]
    assert rows[3].sources[1].engine == "template" and rows[3].sources[1].confidence > 0
    assert rows[3].sources[0].engine == "tesseract"


def test_a_column_whose_levels_the_page_left_empty_is_a_level_column_once_their_pictures_are_read():
    """Most level cells left empty by the page's OCR (read by their pictures, as empty cells are) and one read as
    junk: the column is a level column only after the empty cells were read, and then its junk cell is offered
    too (held-175's twin table: `ซ . 5`, `. เออ`, `tate` were never offered)."""
    rows = _scanned_level_table([
        [("73.23", "73.23"), ("ซี", "")],
        [("97.33", "97.33"), ("เอเอ", "")],
        [("76.12", "76.12"), ("บี", "")],
        [("51.98", "51.98"), ("ดี", "a")],
        [("59.78", "59.78"), ("บี", "บี")],
    ])
    assert [row.cells[1] for row in rows] == ["ซี", "เอเอ", "บี", "ดี", "บี"]
    assert rows[3].sources[1].engine == "template"


def test_a_column_of_few_levels_is_no_level_column():
    """Two cells reading as levels of five are no level column: the junk beside them is not offered."""
    rows = _scanned_level_table([
        [("73.23", "73.23"), ("ซี", "ซี")],
        [("97.33", "97.33"), ("เอเอ", "เอเอ")],
        [("76.12", "76.12"), ("บี", "x")],
        [("51.98", "51.98"), ("ดี", "a")],
        [("59.78", "59.78"), ("บี", "0")],
    ])
    assert [row.cells[1] for row in rows] == ["ซี", "เอเอ", "x", "a", "0"]


def test_level_words_and_misread_levels():
    from parsers.layout import _letter_level_columns, _misread_level
    from parsers.tables import RawRow

    assert _misread_level("a") and _misread_level("0") and _misread_level("ขี 3") and _misread_level("tate")
    assert not _misread_level("' เอ") and not _misread_level("7 เอฟ") and not _misread_level("B")
    assert _misread_level("7 ดตดี.")  # ดี inside a garbled word is no level word
    assert not _misread_level("อบต.ปล่องหอยและบ้านใหม่")  # too long for a level cell
    rows = [RawRow(cells, 3, 0, 0) for cells in (
        ["ที่", "ชื่อ", "ระดับผลการประเมิน"], ["1", "อบต.กะรุบี", "ซี"], ["2", "อบต.ตะโละดีอรามัน", "' เอ"],
        ["3", "อบต.ปากู", "a"], ["4", "ทต.บางปู", "เอเอ"], ["5", "อบต.ถนน", "0"], ["6", "อบต.สะกำ", "บี 7"])]
    assert _letter_level_columns(rows) == {2}  # a name's บี, ดี inside a word is no level
