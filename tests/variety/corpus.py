"""Write a variety corpus: the same content through many layouts, renderers and fonts, with truth/<file>.json
as shared/corpus/sample has it. Used by scripts/variety_corpus.py and tests/test_variety.py."""
from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.variety import fonts
from tests.variety.content import generate
from tests.variety.layout import build, options
from tests.variety.render_html import (chromium_binary, render_chromium, render_weasyprint,
                                       weasyprint_available)
from tests.variety.truth import truth


def _docx_available() -> str | None:
    from tests.variety.render_docx import missing
    return missing()


def _render_docx(plan, out):
    from tests.variety.render_docx import render_docx
    return render_docx(plan, out)


@dataclass(frozen=True)
class Renderer:
    name: str
    render: object  # (Plan, Path) -> Path
    missing: object  # () -> str | None: why it cannot run here

RENDERERS = {
    "chromium": Renderer("chromium", render_chromium,
                         lambda: None if chromium_binary() else "Chromium is not installed"),
    "weasyprint": Renderer("weasyprint", render_weasyprint,
                           lambda: None if weasyprint_available() else "WeasyPrint (with Pango) is not installed"),
    "docx": Renderer("docx", _render_docx, _docx_available),
}


@dataclass(frozen=True)
class Spec:
    """One document of the corpus: content seed and family, layout variant, renderer, font."""

    seed: int
    family: str
    variant: str
    renderer: str
    font: str

    @property
    def file(self) -> str:
        font = self.font.replace(" ", "")
        return f"{self.seed:05d}-{self.family}-{self.variant.replace('+', '_')}-{self.renderer}-{font}.pdf"


def _prepare(spec: Spec, out_dir: Path):
    options(spec.variant)  # unknown features fail before any rendering
    adapted, plan = build(generate(spec.seed, spec.family), spec.variant, font=spec.font)
    (out_dir / "truth").mkdir(parents=True, exist_ok=True)
    record = truth(adapted, plan, file=spec.file, variant=spec.variant, renderer=spec.renderer, font=spec.font)
    (out_dir / "truth" / f"{Path(spec.file).stem}.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return plan, record


def make(spec: Spec, out_dir: Path) -> tuple[Path, dict]:
    """Render one document into out_dir and write its truth into out_dir/truth; returns (pdf, truth)."""
    plan, record = _prepare(spec, out_dir)
    return RENDERERS[spec.renderer].render(plan, out_dir / spec.file), record


def make_all(specs: list[Spec], out_dir: Path) -> dict[str, dict]:
    """Render many documents (DOCX ones through a single LibreOffice run); returns file -> truth."""
    from tests.variety.render_docx import convert, write_docx

    records, docx_files = {}, []
    with tempfile.TemporaryDirectory(prefix="variety-docx-") as tmp:
        for spec in specs:
            plan, records[spec.file] = _prepare(spec, out_dir)
            if spec.renderer == "docx":
                docx_files.append(write_docx(plan, Path(tmp) / f"{Path(spec.file).stem}.docx"))
            else:
                RENDERERS[spec.renderer].render(plan, out_dir / spec.file)
        if docx_files:
            convert(docx_files, out_dir)
    return records


def available_renderers() -> dict[str, str | None]:
    """Renderer -> None when it runs here, else why not."""
    return {name: r.missing() for name, r in RENDERERS.items()}


def available_fonts() -> list[str]:
    return fonts.available()
