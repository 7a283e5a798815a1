"""Scanned score cells Tesseract was unsure of (parsers/layout.py): an unsure reading of a number is kept as a
candidate for the row's checksums, never as the cell's value (issue #13, branch announce8)."""
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
