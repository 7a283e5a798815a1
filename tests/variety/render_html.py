"""Plan -> HTML -> PDF, as a clerk prints a web page: headless Chromium (`--print-to-pdf`) or WeasyPrint."""
from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.variety import fonts
from tests.variety.layout import THAI_DIGITS, Cell, Landscape, PageBreak, Para, Plan, Portrait, Table

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_binary() -> str | None:
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def weasyprint_available() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: Pango missing
        return False
    return True


def _text(text: str, plan: Plan, arabic: bool = False) -> str:
    if plan.thai_digits and not arabic:
        text = text.translate(THAI_DIGITS)
    return html.escape(text).replace("\n", "<br>")


def _cell(cell: Cell, plan: Plan, tag: str) -> str:
    attrs = []
    if cell.rowspan > 1:
        attrs.append(f'rowspan="{cell.rowspan}"')
    if cell.colspan > 1:
        attrs.append(f'colspan="{cell.colspan}"')
    classes = [c for c, on in (("b", cell.bold), ("shade", cell.shade), ("small", cell.small), ("tint", cell.tint)) if on]
    if cell.align != "left":
        classes.append(cell.align)
    if classes:
        attrs.append(f'class="{" ".join(classes)}"')
    return f"<{tag} {' '.join(attrs)}>{_text(cell.text, plan, cell.arabic)}</{tag}>"


def _table(table: Table, plan: Plan) -> str:
    total = sum(table.widths)
    cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in table.widths)
    head = "".join(f"<tr>{''.join(_cell(c, plan, 'th') for c in row)}</tr>" for row in table.rows[:table.header_rows])
    body = "".join(f"<tr>{''.join(_cell(c, plan, 'td') for c in row)}</tr>" for row in table.rows[table.header_rows:])
    if table.repeat_header:
        inner = f"<thead>{head}</thead><tbody>{body}</tbody>"
    else:
        inner = f'<tbody class="head">{head}</tbody><tbody>{body}</tbody>'
    size = f' style="font-size:{table.size}pt"' if table.size != 16 else ""
    return f'<table class="{table.borders}"{size}><colgroup>{cols}</colgroup>{inner}</table>'


def _page_boxes(plan: Plan) -> str:
    style = "thai" if plan.thai_digits else "decimal"
    boxes = []
    if plan.page_number == "dash":
        boxes.append(f'@top-center {{ content: "- " counter(page, {style}) " -"; }}')
    elif plan.page_number == "page":
        boxes.append(f'@bottom-right {{ content: "หน้า " counter(page, {style}); }}')
    if plan.running_header:
        boxes.append(f'@top-left {{ content: "{_css_string(plan.running_header, plan)}"; font-size: 12pt; '
                     'white-space: nowrap; }}')
    if plan.footer:
        boxes.append(f'@bottom-left {{ content: "{_css_string(plan.footer, plan)}"; font-size: 12pt; }}')
    return " ".join(boxes)


def _css_string(text: str, plan: Plan) -> str:
    if plan.thai_digits:
        text = text.translate(THAI_DIGITS)
    return text.replace("\\", "\\\\").replace('"', '\\"')


def to_html(plan: Plan) -> str:
    faces = ""
    path = fonts.font_file(plan.font)
    if path is not None:
        faces = (f'@font-face {{ font-family: "{plan.font}"; src: url("{path.as_uri()}"); }}'
                 f'@font-face {{ font-family: "{plan.font}"; font-weight: bold; src: url("{path.as_uri()}"); }}')
    boxes = _page_boxes(plan)
    css = f"""
    {faces}
    @page {{ size: A4 portrait; margin: 2.2cm 2cm 2cm 2.5cm; {boxes} }}
    @page wide {{ size: A4 landscape; margin: 2cm 2cm 2cm 2cm; {boxes} }}
    body {{ font-family: "{plan.font}", serif; font-size: 16pt; line-height: 1.2; margin: 0; }}
    p {{ margin: 0 0 3pt 0; }}
    p.indent {{ text-indent: 2.5em; }}
    .center {{ text-align: center; }} .right {{ text-align: right; }} .justify {{ text-align: justify; }}
    .b {{ font-weight: bold; }}
    table {{ border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; table-layout: fixed; }}
    td, th {{ padding: 1pt 4pt; vertical-align: top; font-weight: normal; text-align: left;
             overflow-wrap: break-word; }}
    th.b {{ font-weight: bold; }}
    th.center, td.center {{ text-align: center; }} th.right, td.right {{ text-align: right; }}
    .small {{ font-size: 12pt; }}
    .tint {{ background: #d9d9d9; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
    .shade {{ background: #888; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
    table.grid td, table.grid th {{ border: 0.75pt solid #000; }}
    table.header th {{ border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000; }}
    tr {{ break-inside: auto; }}
    .pagebreak {{ break-after: page; }}
    .wide {{ page: wide; }}
    """
    if plan.style == "office":  # as Google Docs exports a document: 1.15 lines, 5pt cell padding, 1pt rules, grey head
        css += """
    body { line-height: 1.15; }
    td, th { padding: 5pt 5pt; }
    table.grid td, table.grid th { border: 1pt solid #000; }
    th { background: #f3f3f3; vertical-align: middle; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    """
    parts, wide = [], None
    for block in plan.blocks:
        if isinstance(block, Para):
            classes = [c for c, on in (("b", block.bold), ("indent", block.indent)) if on]
            if block.align != "left":
                classes.append(block.align)
            size = f' style="font-size:{block.size}pt"' if block.size != 16 else ""
            parts.append(f'<p class="{" ".join(classes)}"{size}>{_text(block.text, plan) or "&nbsp;"}</p>')
        elif isinstance(block, Table):
            parts.append(_table(block, plan))
        elif isinstance(block, PageBreak):
            parts.append('<div class="pagebreak"></div>')
        elif isinstance(block, Landscape):
            wide = len(parts)
            parts.append('<div class="wide">')
        elif isinstance(block, Portrait) and wide is not None:
            parts.append("</div>")
            wide = None
    if wide is not None:
        parts.append("</div>")
    return (f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>{css}</style></head>'
            f'<body>{"".join(parts)}</body></html>')


def render_chromium(plan: Plan, out: Path) -> Path:
    binary = chromium_binary()
    if binary is None:
        raise RuntimeError("Chromium is not installed")
    with tempfile.TemporaryDirectory(prefix="variety-chromium-") as tmp:
        page = Path(tmp) / "doc.html"
        page.write_text(to_html(plan), encoding="utf-8")
        env = dict(os.environ, FONTCONFIG_FILE=str(fonts.fontconfig_file(Path(tmp))))
        cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
               f"--print-to-pdf={out}", page.as_uri()]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, env=env)
        if not out.exists() or out.stat().st_size == 0:
            raise RuntimeError(f"Chromium wrote no PDF: {done.stderr[-500:]}")
    return out


def render_weasyprint(plan: Plan, out: Path) -> Path:
    import weasyprint

    weasyprint.HTML(string=to_html(plan), base_url=str(fonts.FIXTURES)).write_pdf(out)
    return out
