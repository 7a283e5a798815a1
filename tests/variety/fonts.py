"""The Thai fonts the renderers may use: SIPA's two national fonts committed under tests/fixtures/fonts,
Angsana New where the machine has it (never committed), and the TLWG fonts of Debian's fonts-thai-tlwg."""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fonts"
COMMITTED = {"TH Sarabun New": FIXTURES / "THSarabunNew.ttf", "TH SarabunPSK": FIXTURES / "THSarabun.ttf"}
TLWG = ("Loma", "Garuda", "Norasi", "Kinnari", "Laksaman", "Sawasdee", "Umpush", "Waree")
ALL = tuple(COMMITTED) + ("Angsana New",) + TLWG


def extra_dirs() -> list[Path]:
    """Folders of extra .ttf files named by $ITA_EXTRA_FONTS (os.pathsep-separated)."""
    return [Path(p) for p in os.environ.get("ITA_EXTRA_FONTS", "").split(os.pathsep) if p and Path(p).is_dir()]


@functools.lru_cache(maxsize=None)
def font_file(family: str) -> Path | None:
    """The regular .ttf of a family, or None when the machine does not have it."""
    if family in COMMITTED:
        return COMMITTED[family] if COMMITTED[family].exists() else None
    wanted = family.replace(" ", "").lower()
    for folder in extra_dirs():
        for path in folder.glob("*.ttf"):
            if path.stem.replace(" ", "").lower() == wanted:
                return path
    if shutil.which("fc-match") is None:
        return None
    out = subprocess.run(["fc-match", "-f", "%{family}|%{file}", f"{family}:style=Regular"],
                         capture_output=True, text=True, timeout=30).stdout
    name, _, path = out.partition("|")
    return Path(path) if family.lower() in name.lower() and Path(path).exists() else None


def available() -> list[str]:
    return [f for f in ALL if font_file(f) is not None]


def fontconfig_file(folder: Path) -> Path:
    """A fonts.conf that adds the committed and extra fonts to the system's, for LibreOffice and Chromium
    (FONTCONFIG_FILE); nothing is installed on the machine."""
    dirs = [FIXTURES, *extra_dirs()]
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        + "".join(f"  <dir>{d}</dir>\n" for d in dirs)
        + f"  <cachedir>{folder / 'fontconfig-cache'}</cachedir>\n</fontconfig>\n", encoding="utf-8")
    return conf
