"""Headless Chromium for tests: print HTML to PDF as a clerk prints a web page (`print_html`), and open a page,
let it run and read back what a probe script saw (`chromium`, `probed_copy`, `read_probe`).

The probe is added to a copy of the page: a listener for script errors (and blocked resources) at the top of
<head> and, after the load event and the fonts, a <pre id="probe"> with JSON of what the page drew.
`--dump-dom` prints the DOM. Tests skip where Chromium is absent.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-pdf-header-footer"]


def print_html(html: str, pdf: Path, project_fonts: bool = False) -> Path:
    """`project_fonts`: only the fonts committed under tests/fixtures/fonts (TH Sarabun New, TH SarabunPSK)."""
    if CHROMIUM is None:
        pytest.skip("headless Chromium is not installed (Debian package chromium)")
    source = pdf.with_suffix(".html")
    source.write_text(html, encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        env = None
        if project_fonts:
            from tests.variety import fonts

            env = dict(os.environ, FONTCONFIG_FILE=str(fonts.fontconfig_file(Path(profile))))
        subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", source.as_uri()],
                       check=True, capture_output=True, timeout=1800, env=env)
    return pdf


ERRORS = ("window.__errors=[];addEventListener('error',function(e){__errors.push(String(e.message||(e.target&&(e.target.src||e.target.href))))},true);"
          "addEventListener('unhandledrejection',function(e){__errors.push(String(e.reason))});"
          "addEventListener('securitypolicyviolation',function(e){__errors.push('CSP: '+e.violatedDirective)});")


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    """Run headless Chromium with a fresh profile, no network services and no sandbox (root in CI)."""
    return subprocess.run(
        [CHROMIUM, *FLAGS, "--disable-quic", f"--user-data-dir={profile}", "--virtual-time-budget=15000", *args],
        capture_output=True, text=True, timeout=1800, env={**os.environ, "LANG": "C.UTF-8"},
    )


def probed_copy(page: Path, probe_js: str) -> Path:
    """A copy of the page beside it with the error listener and a probe (`probe_js`: an expression whose value
    is reported). The scripts are files, not inline, so a page's Content-Security-Policy lets them run."""
    head, tail = page.parent / "__probe_head.js", page.parent / "__probe_tail.js"
    head.write_text(ERRORS, encoding="utf-8")
    tail.write_text("addEventListener('load',function(){document.fonts.ready.then(function(){"
                    f"var r;try{{r={probe_js};}}catch(e){{__errors.push('probe: '+e)}}"
                    "var p=document.createElement('pre');p.id='probe';p.textContent=JSON.stringify({errors:__errors,"
                    "result:r});document.body.appendChild(p);});});", encoding="utf-8")
    text = page.read_text(encoding="utf-8")
    text = text.replace("<head>", '<head><script src="__probe_head.js"></script>', 1)
    text = text.replace("</body>", '<script src="__probe_tail.js"></script></body>', 1)
    copy = page.with_name(f"__probed-{page.name}")
    copy.write_text(text, encoding="utf-8")
    return copy


def read_probe(dom: str) -> dict | None:
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    if not found:
        return None
    text = found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return json.loads(text)
