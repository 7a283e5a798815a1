"""Plan -> DOCX (python-docx) -> PDF (LibreOffice headless), laid out as Word users lay out documents: rows
that may break across pages (Word's default), header rows repeated or not, merged cells, section breaks
for landscape pages, page-number fields in headers and footers."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.variety import fonts
from tests.variety.layout import THAI_DIGITS, Cell, Landscape, PageBreak, Para, Plan, Portrait, Table

SOFFICE_NAMES = ("soffice", "libreoffice")


def soffice_binary() -> str | None:
    return next((path for name in SOFFICE_NAMES if (path := shutil.which(name))), None)


def missing() -> str | None:
    try:
        import docx  # noqa: F401
    except ImportError:
        return "python-docx is not installed"
    return None if soffice_binary() else "LibreOffice (soffice) is not installed"


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn
    return qn(tag)


def _element(tag: str, **attrs):
    from docx.oxml import OxmlElement
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(_qn(f"w:{key}"), str(value))
    return el


def _font(run_properties, family: str, size: int, bold: bool = False) -> None:
    """Latin and complex-script (Thai) font and size on a w:rPr: Word and LibreOffice set Thai with the cs ones."""
    for tag in ("w:rFonts", "w:b", "w:bCs", "w:sz", "w:szCs", "w:lang"):
        for old in run_properties.findall(_qn(tag)):
            run_properties.remove(old)
    run_properties.append(_element("w:rFonts", ascii=family, hAnsi=family, cs=family, eastAsia=family))
    if bold:
        run_properties.append(_element("w:b"))
        run_properties.append(_element("w:bCs"))
    run_properties.append(_element("w:sz", val=size * 2))
    run_properties.append(_element("w:szCs", val=size * 2))
    run_properties.append(_element("w:lang", val="th-TH", bidi="th-TH"))


class DocxWriter:
    def __init__(self, plan: Plan):
        import docx
        from docx.shared import Cm

        self.plan, self.cm = plan, Cm
        self.doc = docx.Document()
        normal = self.doc.styles["Normal"]
        _font(normal.element.get_or_add_rPr(), plan.font, 16)
        normal.paragraph_format.space_after = 0
        normal.paragraph_format.space_before = 0
        normal.paragraph_format.line_spacing = 1.0
        if plan.style == "office":  # Word's own Normal style: 8 pt after every paragraph, lines 1.08 apart
            from docx.shared import Pt
            normal.paragraph_format.space_after = Pt(8)
            normal.paragraph_format.line_spacing = 1.08
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        self._margins(section)
        self._furniture(section)

    def _margins(self, section) -> None:
        cm = self.cm
        section.top_margin, section.bottom_margin = cm(2.2), cm(2)
        section.left_margin, section.right_margin = cm(2.5), cm(2)
        section.header_distance, section.footer_distance = cm(1), cm(1)

    def text(self, value: str) -> str:
        return value.translate(THAI_DIGITS) if self.plan.thai_digits else value

    def run(self, paragraph, text: str, *, bold: bool = False, size: int = 16, arabic: bool = False):
        run = paragraph.add_run(text if arabic else self.text(text))
        _font(run._element.get_or_add_rPr(), self.plan.font, size, bold)
        return run

    def _page_field(self, paragraph, size: int) -> None:
        run = self.run(paragraph, "", size=size)
        run._element.append(_element("w:fldChar", fldCharType="begin"))
        instr = _element("w:instrText")
        instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        instr.text = " PAGE \\* ThaiArabic " if self.plan.thai_digits else " PAGE "
        run._element.append(instr)
        run._element.append(_element("w:fldChar", fldCharType="end"))

    def _furniture(self, section) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        plan = self.plan
        head = section.header.paragraphs[0]
        if plan.running_header:
            self.run(head, plan.running_header + ("    " if plan.page_number == "dash" else ""), size=12)
        if plan.page_number == "dash":
            self.run(head, "- ", size=14)
            self._page_field(head, 14)
            self.run(head, " -", size=14)
            head.alignment = WD_ALIGN_PARAGRAPH.CENTER if not plan.running_header else WD_ALIGN_PARAGRAPH.RIGHT
        foot = section.footer.paragraphs[0]
        if plan.footer:
            self.run(foot, plan.footer + "    ", size=12)
        if plan.page_number == "page":
            self.run(foot, "หน้า ", size=14)
            self._page_field(foot, 14)
            foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def para(self, block: Para) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        p = self.doc.add_paragraph()
        p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                       "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[block.align]
        if block.indent:
            p.paragraph_format.first_line_indent = self.cm(1.25)
        self.run(p, block.text, bold=block.bold, size=block.size)

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def orientation(self, landscape: bool) -> None:
        from docx.enum.section import WD_ORIENT, WD_SECTION

        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        long, short = self.cm(29.7), self.cm(21)
        section.page_width, section.page_height = (long, short) if landscape else (short, long)
        self._margins(section)

    def _usable_width(self) -> int:
        section = self.doc.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    def table(self, block: Table) -> None:
        origins = _origins(block.rows)
        n_rows = max(r + cell.rowspan for (r, _), cell in origins.items())
        n_cols = len(block.widths)
        table = self.doc.add_table(rows=n_rows, cols=n_cols)
        table.autofit = False
        total, usable = sum(block.widths), self._usable_width()
        widths = [int(usable * w / total) for w in block.widths]
        for col, width in zip(table._tbl.tblGrid.findall(_qn("w:gridCol")), widths):
            col.set(_qn("w:w"), str(width // 635))  # LibreOffice lays columns out by the grid, in twips
        tbl_pr = table._tbl.tblPr
        for tag in ("w:tblW", "w:tblBorders", "w:tblLayout", "w:tblLook"):
            for old in tbl_pr.findall(_qn(tag)):
                tbl_pr.remove(old)
        borders = _element("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            on = block.borders == "grid"
            borders.append(_element(f"w:{side}", val="single" if on else "nil", sz=4, space=0, color="000000"))
        # in the schema's order (tblW, tblBorders, tblLayout): LibreOffice ignores them out of order
        for el in (_element("w:tblW", w=sum(widths) // 635, type="dxa"), borders, _element("w:tblLayout", type="fixed")):
            tbl_pr.append(el)
        for r in range(n_rows):
            tr_pr = table.rows[r]._tr.get_or_add_trPr()
            if r < block.header_rows and block.repeat_header:
                tr_pr.append(_element("w:tblHeader"))
            if not block.allow_row_break:
                tr_pr.append(_element("w:cantSplit"))
            for c in range(n_cols):
                table.cell(r, c).width = widths[c]
        for (r, c), cell in origins.items():
            target = table.cell(r, c)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            self._cell(target, cell, block, header=r < block.header_rows)

    def _cell(self, target, cell: Cell, block: Table, header: bool) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        p = target.paragraphs[0]
        p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                       "right": WD_ALIGN_PARAGRAPH.RIGHT}[cell.align]
        size = 12 if cell.small else block.size
        for i, line in enumerate(cell.text.split("\n")):
            if i:
                p = target.add_paragraph()
            self.run(p, line, bold=cell.bold, size=size, arabic=cell.arabic)
        tc_pr = target._tc.get_or_add_tcPr()
        if cell.shade or cell.tint:
            tc_pr.append(_element("w:shd", val="clear", color="auto", fill="888888" if cell.shade else "D9D9D9"))
        elif header and self.plan.style == "office":  # a Word user's header row: light blue, text centred in height
            tc_pr.append(_element("w:shd", val="clear", color="auto", fill="D9E2F3"))
            tc_pr.append(_element("w:vAlign", val="center"))
        if block.borders == "header" and header:
            edges = _element("w:tcBorders")
            for side in ("top", "bottom"):
                edges.append(_element(f"w:{side}", val="single", sz=4, space=0, color="000000"))
            tc_pr.append(edges)

    def write(self, path: Path) -> Path:
        for block in self.plan.blocks:
            if isinstance(block, Para):
                self.para(block)
            elif isinstance(block, Table):
                self.table(block)
                self.doc.add_paragraph()
            elif isinstance(block, PageBreak):
                self.page_break()
            elif isinstance(block, Landscape):
                self.orientation(True)
            elif isinstance(block, Portrait):
                self.orientation(False)
        self.doc.save(path)
        return path


def _origins(rows: list[list[Cell]]) -> dict[tuple[int, int], Cell]:
    """(row, grid column) of every cell of HTML-style rows (spanned positions omitted)."""
    taken: set[tuple[int, int]] = set()
    origins = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            origins[(r, c)] = cell
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return origins


def write_docx(plan: Plan, path: Path) -> Path:
    return DocxWriter(plan).write(path)


def convert(docx_files: list[Path], out_dir: Path) -> None:
    """One LibreOffice run converts them all (its start-up is most of the cost); a private profile keeps it
    apart from any other LibreOffice on the machine."""
    binary = soffice_binary()
    if binary is None:
        raise RuntimeError("LibreOffice is not installed")
    with tempfile.TemporaryDirectory(prefix="variety-soffice-") as tmp:
        env = dict(os.environ, FONTCONFIG_FILE=str(fonts.fontconfig_file(Path(tmp))))
        cmd = [binary, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, docx_files)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)
    for source in docx_files:
        if not (out_dir / f"{source.stem}.pdf").exists():
            raise RuntimeError(f"LibreOffice did not convert {source.name}: {done.stderr[-500:]}")


def render_docx(plan: Plan, out: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="variety-docx-") as tmp:
        source = write_docx(plan, Path(tmp) / f"{out.stem}.docx")
        convert([source], out.parent)
    return out
