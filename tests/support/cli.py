"""Run the pipeline's CLI as a user would, for whole-path tests."""
import subprocess
import sys
from pathlib import Path

from tests.support.shared import ROOT


def extract(input_dir: Path, output_dir: Path) -> subprocess.CompletedProcess:
    """`python -m pipeline extract` on a folder; fails the test with the end of stderr if the run fails."""
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", "--input", str(input_dir), "--output", str(output_dir), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return completed
