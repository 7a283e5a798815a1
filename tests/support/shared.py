"""Where the shared material (seeds, sample corpora) is: `shared/` beside the clone, as on CI.

Set ITA_SHARED to point elsewhere. Tests that need it skip with a reason when it is absent.
"""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("ITA_SHARED", ROOT.parent / "shared"))
