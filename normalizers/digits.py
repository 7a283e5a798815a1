"""Thai digits ↔ Arabic digits.

Every number, code and date in the data contract is stored with Arabic digits so that analysts can
filter and sort without knowing which digits a document used.
"""
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    """The inverse of to_arabic_digits; used to write test inputs the way documents print them."""
    return text.translate(_TO_THAI)
