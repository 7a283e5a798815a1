"""Pyflakes' checks (via ruff) over the project's code.

Two branches once each added a public `line_bands`; parsers/layout.py imported both, the second shadowed the first
and every OCR'd table page raised an error that the page reader turns into a warning. A shadowed or undefined
name is found here before it costs a run.
"""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.support.shared import ROOT

PACKAGES = ["pipeline", "parsers", "normalizers", "scripts", "tests"]


def _ruff() -> list[str]:
    try:
        import ruff  # noqa: F401 - only to know it is installed
    except ImportError:
        if shutil.which("ruff") is None:
            pytest.skip("ruff is not installed (pip install -e '.[dev]')")
        return ["ruff"]
    return [sys.executable, "-m", "ruff"]


def test_no_shadowed_undefined_or_unused_names():
    completed = subprocess.run([*_ruff(), "check", "--no-cache", *PACKAGES], cwd=ROOT, capture_output=True,
                               text=True, timeout=600)  # a hang guard, not a speed test
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-2000:]
