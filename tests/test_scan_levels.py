"""The scan layer's readers of announcement cells (parsers/scan_levels.py, parsers/scan_glued.py): what a scanned
level cell's characters can stand for, and header or stamp words glued onto a cell. Which candidate a row prints
is the grammar's (tests/test_announcement.py)."""
from parsers import scan_glued, scan_levels
from parsers.ita.text import skeleton
from parsers.records import Provenance


def test_the_scan_layers_skeleton_is_the_grammars():
    for text in ("ต้องปรับปรุงโดยด่วน", "ผ่านดีเยี่ยม", " ผ่ า น ๘๕.๒๐ ", "เอเอ", "", "AA ไม่ผ่าน"):
        assert scan_levels.skeleton(text) == skeleton(text)


def test_letter_level_read_as_a_digit_by_its_shape():
    letter_candidates = scan_levels.letter_candidates
    assert letter_candidates("6") == ("C",)  # TH Sarabun's C printed, scanned, read by Tesseract
    assert letter_candidates("8 : .") == ("B",) and letter_candidates("(0") == ("C",)
    assert letter_candidates("0") == ("C", "D") and letter_candidates("A4") == ("AA",)
    assert letter_candidates("81.25") == () and letter_candidates("ผ่าน") == ()


def test_a_pass_word_narrows_the_shapes_or_stands_for_a_lost_letter():
    assert scan_levels.letter_shapes("8(ไม่ผ่าน)") == (("B",), False)
    assert scan_levels.letter_shapes("0 (ไม่ผ่าน)") == (("C", "D"), False)
    assert scan_levels.letter_shapes("(ไม่ผ่าน)") == (("B", "C", "D", "E", "F"), True)  # the letter before it lost
    assert scan_levels.letter_shapes("ภิ(ผ่าน)") == (("AA", "A"), True)
    assert scan_levels.letter_shapes("6(ไม่ผ่าน).") == (("C",), False)  # a speck after the bracket
    assert scan_levels.letter_shapes("ผ่านดี") == ((), False)
    assert scan_levels.pass_word("C(ม่ผ่าน)") == ("C", False)  # ไม่ผ่าน with its leading vowel lost


def test_word_levels_with_letters_lost():
    assert scan_levels.word_level_candidates("ผ่านี") == ("ผ่านดีเยี่ยม", "ผ่านดี")  # not ผ่าน: its ี
    assert "ต้องปรับปรุงโดยด่วน" in scan_levels.word_level_candidates("ต้องปรับปรุงโดย")
    assert scan_levels.word_level_candidates("tate") == () == scan_levels.word_level_candidates("ซ . 5")
    assert scan_levels.cut_levels("ต้องปรับปรุง") == ("ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน")
    assert scan_levels.cut_levels("ผ่าน") == () == scan_levels.cut_levels(None)


def test_scanned_readings_of_a_level_cell():
    read = scan_levels.read_level
    assert read("ง al ผ่านดีเยียม") == ("ผ่านดีเยี่ยม", True) and read("1 a / ผานด") == ("ผ่านดี", True)
    assert read("ผ่านี") == (None, True)  # ผ่านดี with ด lost, never ผ่าน (a foreign vowel)
    assert read("ฮ@0 ดี 7") == ("D", True) and read("B al") == ("B", True) and read("a") == (None, True)
    assert read("ปรับปรุง") == ("ปรับปรุง", False)  # OVEC's level off the scale, as printed
    assert read("A(ไม่ผ่าน)") == (None, True)  # a letter its pass word contradicts: a misread letter
    assert read("ซี", ("C", True)) == ("C", True)  # the grammar's reading of a Thai-spelled letter


def test_a_picture_read_level_word_is_told_from_tesseracts():
    where = (0, 0, 10, 10)
    assert scan_levels.pictured_word(Provenance(1, where, "บี", "template", 0.9), "บี")
    assert not scan_levels.pictured_word(Provenance(1, where, "บี", "tesseract", 0.9), "บี")
    assert not scan_levels.pictured_word(Provenance(1, where, "85.20", "template", 0.9), "85.20")


def test_scanned_score_with_the_header_glued_after_it():
    """`48.02คะแนนITA`: the number in a score column; letters that are not the header stay (`23.6อ`), and a name
    cell keeps its own rule (what remains must be Thai)."""
    headers = {scan_glued.letters("คะแนน ITA"), scan_glued.letters("คะแนนรวม")}
    strip = scan_glued.strip_header
    assert strip("48.02คะแนนITA", headers, number=True) == "48.02"
    assert strip("80.9คะแนน'รวม", headers, number=True) == "80.9"
    assert strip("48.02คะแนนITA", headers) == "48.02คะแนนITA"
    assert strip("23.6อ“", headers, number=True) == "23.6อ“"
    assert strip("48.02", headers, number=True) == "48.02"


class _OrderedSet(set):
    """A set that iterates in the order it was given (as a run's hash seed may order a real one)."""

    def __init__(self, items):
        super().__init__(items)
        self._order = list(items)

    def __iter__(self):
        return iter(self._order)


def test_glued_header_cut_whole_whatever_the_sets_order():
    """A level cell with its column's header glued after it (`…โดยด่วนระดับผลการประเมิน`), the page's header read as
    the whole header and as its parts: the longest is cut first, so the level is left whole, in every order."""
    parts = [scan_glued.letters(t) for t in ("ระดับผลการประเมิน", "ผลการประเมิน", "การประเมิน")]
    for order in (parts, parts[::-1], parts[1:] + parts[:1]):
        got = scan_glued.strip_header("7 ต้องปรับปรุงโดยด่วนระดับผลการประเมิน", _OrderedSet(order))
        assert got == "7 ต้องปรับปรุงโดยด่วน"


def test_a_stamps_words_read_into_a_name_are_cut():
    """A certified-copy stamp (`สำเนาถูกต้อง`) over a name's end: cut; a name it would leave under three Thai
    letters stays."""
    cut = scan_glued.without_stamp_words
    assert cut("อบต.คลองมานีจสำเนาถูกตอ") == "อบต.คลองมานีจ"
    assert cut("องค์การบริหารส่วนตำบลท่าม่วง") == "องค์การบริหารส่วนตำบลท่าม่วง"
    assert cut("อบ สำเนาถูกต้อง") == "อบ สำเนาถูกต้อง"
