"""Pure functions on strings: Thai text repair, digits, dates, question codes, levels, scores, unit names.

No I/O at call time (reference catalogs are read once from data/reference/ at import).
"""

from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"
