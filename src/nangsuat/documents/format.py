"""The layout of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I; DOMAIN-FACTS §6).

- A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm.
- Times New Roman (Unicode, TCVN 6909:2001), black; page numbers centred in the top margin from page 2.
- Quốc hiệu in capitals, bold, 12 pt; tiêu ngữ bold 13 pt with a solid rule below as wide as the text.
- Parent body in capitals 12 pt; issuing body in capitals, bold, 12 pt, a rule below a third of its width.
- "Số: 05/QĐ-SKHCN" 13 pt; place and date 14 pt italic; type name in capitals 14 pt bold; trích yếu bold.
- Body 14 pt, justified, first-line indent 1 cm, 6 pt between paragraphs, line spacing 1.15.
- Signature: authority and title in capitals bold, signer's name bold; "Nơi nhận:" 12 pt bold italic and
  the recipients 11 pt.

Everything is drawn in code with python-docx — no binary template to keep in step.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from nangsuat.core.formatting import format_date_vi
from nangsuat.core.text import without_control_characters

from .metrics import text_width_mm

FONT = "Times New Roman"
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
TEXT_WIDTH_MM = 210 - 30 - 15
BODY_PT = 13
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# The rule under the issuing body is a third to a half of its line (Phụ lục I): drawn at 40 %.
BODY_RULE_RATIO = 0.4
HEADER_LEFT_MM, HEADER_RIGHT_MM = 72, TEXT_WIDTH_MM - 72

# Type abbreviations (Phụ lục III): the part of the number after the sequence.
JUSTIFY, CENTER, LEFT, RIGHT = (
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
)


def place_and_date(place: str, day: dt.date) -> str:
    """'Cần Thơ, ngày 05 tháng 01 năm 2027' (days below 10 and months 1–2 with a leading 0)."""
    return f"{place}, {format_date_vi(day)}"


def short_agency_name(parent_body: str, agency_name: str) -> str:
    """'Sở Khoa học và Công nghệ' from 'Sở Khoa học và Công nghệ thành phố Cần Thơ' when the parent body
    already names the place."""
    name = " ".join((agency_name or "").split())
    parent = " ".join((parent_body or "").split()).lower()
    for level in ("thành phố", "tỉnh", "Thành phố", "Tỉnh"):
        idx = name.find(f" {level} ")
        if idx > 0 and name[idx + 1 :].lower() in parent:
            return name[:idx]
    return name


def issuing_body_lines(parent_body: str, agency_name: str) -> tuple[str, str]:
    """('UBND THÀNH PHỐ CẦN THƠ', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ') from the agency's full names: the
    parent body abbreviated as documents write it, the agency without the place it already names."""
    parent = " ".join((parent_body or "").split())
    for long in ("Ủy ban nhân dân", "Uỷ ban nhân dân", "ỦY BAN NHÂN DÂN"):
        if parent.startswith(long):
            parent = "UBND" + parent[len(long) :]
    return parent.upper(), short_agency_name(parent_body, agency_name).upper()


@dataclass
class Signature:
    """One signature column: authority/title lines in capitals, the signer's name, an optional note."""

    heading: list[str]
    name: str = ""
    note: str = ""
    extra: list[str] = field(default_factory=list)


# --- Low-level helpers on python-docx objects -----------------------------------------------------------


def _font_for_all_scripts(rpr) -> None:
    """Times New Roman for every script of these run properties (python-docx's ``font.name`` sets only
    w:ascii and w:hAnsi)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _run(paragraph, text: str):
    """A run of ``text``, any control character dropped: XML cannot hold one, and text typed or
    imported before the product cleaned its input may still carry one."""
    return paragraph.add_run(without_control_characters(text))


def _font(run, size: float | None = None, bold=None, italic=None, underline=None) -> None:
    run.font.name = FONT
    _font_for_all_scripts(run._element.get_or_add_rPr())
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    if italic is not None:
        run.font.italic = italic
    if underline is not None:
        run.font.underline = underline


def _spacing(paragraph, before: float = 0, after: float = 0, line: float | None = None) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing = line


def _rule(container, width_mm: float, box_mm: float, space_before: float = 0) -> None:
    """A solid horizontal rule ``width_mm`` wide, centred in a box ``box_mm`` wide: an empty, tiny
    paragraph with a bottom border and indents that leave just the rule's width."""
    p = container.add_paragraph()
    side = max((box_mm - width_mm) / 2, 0)
    fmt = p.paragraph_format
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    fmt.line_spacing = Pt(1)
    _spacing(p, before=space_before, after=0)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    mark.append(size)
    ppr.append(mark)


def _layout_table(doc, rows: int, widths_mm: list[float], grid: bool = False):
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    if grid:
        table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    if not grid:
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:w"), "0")
            el.set(qn("w:type"), "dxa")
            margins.append(el)
        tbl_pr.append(margins)
    for col, width in zip(table.columns, widths_mm, strict=True):
        col.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    return table


def _keep_rows_whole(table) -> None:
    """The header row repeats at the top of each page, and no row splits across two pages."""
    for i, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        tr_pr.append(cant_split)
        if i == 0:
            tr_pr.append(OxmlElement("w:tblHeader"))


def _cell_paragraph(cell, first: list[bool]):
    """The cell's own first paragraph the first time, a new one after."""
    if first[0]:
        first[0] = False
        return cell.paragraphs[0]
    return cell.add_paragraph()


def _page_number_field(paragraph) -> None:
    run = paragraph.add_run()
    _font(run, 13)
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "separate")):
        el = OxmlElement(tag)
        if attr:
            el.set(qn("w:fldCharType"), attr)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        run._r.append(el)
    number = paragraph.add_run("2")
    _font(number, 13)
    end = paragraph.add_run()
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), "end")
    end._r.append(fld)


# --- The document -----------------------------------------------------------------------------------------


class OfficialDocument:
    """A document laid out by Nghị định 30. Build it top to bottom, then :meth:`to_bytes`."""

    def __init__(
        self,
        *,
        parent_body: str,
        agency_name: str,
        number: str,
        place: str,
        issued_on: dt.date,
        centred_header: bool = False,
        summary_under_number: str = "",
        issuer_lines: tuple[str, str] | None = None,
        form_code: str = "",
    ):
        self.doc = new_docx()
        self._setup_page()
        self._setup_styles()
        parent, body = issuer_lines or issuing_body_lines(parent_body, agency_name)
        if form_code:
            p = self.doc.add_paragraph()
            p.alignment = RIGHT
            _spacing(p, after=4)
            _font(_run(p, f"Mẫu {form_code}"), 12, bold=True)
        self.parent, self.body = parent, body
        self.number, self.place, self.issued_on = number, place, issued_on
        if centred_header:
            self._centred_header()
        else:
            self._standard_header(summary_under_number)

    # Page and styles.
    def _setup_page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
        section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
        section.header_distance = Mm(10)
        section.different_first_page_header_footer = True
        header_p = section.header.paragraphs[0]
        header_p.alignment = CENTER
        _page_number_field(header_p)

    def _setup_styles(self) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(BODY_PT)
        _font_for_all_scripts(normal.element.get_or_add_rPr())
        fmt = normal.paragraph_format
        fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0

    # Headers.
    def _standard_header(self, summary_under_number: str) -> None:
        table = _layout_table(self.doc, 2, [HEADER_LEFT_MM, HEADER_RIGHT_MM])
        left, right = table.rows[0].cells
        p = left.paragraphs[0]
        p.alignment = CENTER
        _font(_run(p, self.parent), 12)
        p = left.add_paragraph()
        p.alignment = CENTER
        _font(_run(p, self.body), 12, bold=True)
        body_width = max(text_width_mm(line, 12, bold=True) for line in self.body.splitlines() or [""])
        _rule(left, body_width * BODY_RULE_RATIO, HEADER_LEFT_MM, space_before=4)
        p = right.paragraphs[0]
        p.alignment = CENTER
        _font(_run(p, NATIONAL_TITLE), 12, bold=True)
        p = right.add_paragraph()
        p.alignment = CENTER
        _font(_run(p, MOTTO), 13, bold=True)
        _rule(right, text_width_mm(MOTTO, 13, bold=True), HEADER_RIGHT_MM, space_before=3)
        left, right = table.rows[1].cells
        p = left.paragraphs[0]
        p.alignment = CENTER
        _spacing(p, before=8)
        _font(_run(p, f"Số: {self.number}"), 13)
        if summary_under_number:
            p = left.add_paragraph()
            p.alignment = CENTER
            _spacing(p, before=2)
            _font(_run(p, summary_under_number), 12)
        p = right.paragraphs[0]
        p.alignment = CENTER
        _spacing(p, before=8)
        _font(_run(p, place_and_date(self.place, self.issued_on)), 14, italic=True)

    def _centred_header(self) -> None:
        p = self.doc.add_paragraph()
        p.alignment = CENTER
        _font(_run(p, NATIONAL_TITLE), 13, bold=True)
        p = self.doc.add_paragraph()
        p.alignment = CENTER
        _font(_run(p, MOTTO), 14, bold=True)
        _rule(self.doc, text_width_mm(MOTTO, 14, bold=True), TEXT_WIDTH_MM, space_before=3)

    # Title and body.
    def title(self, type_name: str, summary: str = "", number_below: bool = False) -> None:
        """The document type in capitals bold (QUYẾT ĐỊNH, BIÊN BẢN...) and its trích yếu below."""
        p = self.doc.add_paragraph()
        p.alignment = CENTER
        _spacing(p, before=18, after=0)
        _font(_run(p, type_name.upper()), 14, bold=True)
        for line in [s for s in summary.split("\n") if s.strip()]:
            p = self.doc.add_paragraph()
            p.alignment = CENTER
            _font(_run(p, line.strip()), 14, bold=True)
        if number_below:
            p = self.doc.add_paragraph()
            p.alignment = CENTER
            _spacing(p, before=6)
            _font(_run(p, f"Số: {self.number}"), 13)
        else:
            # Under the trích yếu, a rule a third to a half of its longest line (Phụ lục I).
            lines = [line.strip() for line in summary.split("\n") if line.strip()] or [type_name.upper()]
            width = max(text_width_mm(line, 14, bold=True) for line in lines) * BODY_RULE_RATIO
            _rule(self.doc, width, TEXT_WIDTH_MM, space_before=7)
        self.space(6)

    def space(self, points: float = 6) -> None:
        p = self.doc.add_paragraph()
        p.paragraph_format.line_spacing = Pt(points)

    def centred(self, text: str, bold: bool = False, italic: bool = False, size: float = BODY_PT) -> None:
        p = self.doc.add_paragraph()
        p.alignment = CENTER
        _spacing(p, before=6, after=0)
        _font(_run(p, text), size, bold=bold, italic=italic)

    def para(
        self,
        text: str | list[tuple[str, dict]],
        *,
        bold: bool = False,
        italic: bool = False,
        indent: bool = True,
        align=JUSTIFY,
        size: float = BODY_PT,
        before: float = 6,
    ):
        """A body paragraph; ``text`` may be a list of (text, {"bold": True, ...}) runs."""
        p = self.doc.add_paragraph()
        p.alignment = align
        _spacing(p, before=before, after=0, line=1.15)
        if indent:
            p.paragraph_format.first_line_indent = Mm(10)
        runs = [(text, {})] if isinstance(text, str) else text
        for chunk, style in runs:
            _font(
                _run(p, chunk),
                style.get("size", size),
                bold=style.get("bold", bold),
                italic=style.get("italic", italic),
            )
        return p

    def heading(self, text: str) -> None:
        """A section heading inside the body ("Điều 1. ...", "I. THÀNH PHẦN")."""
        self.para(text, bold=True, indent=True)

    def field(self, label: str, value: str) -> None:
        """'Label: value' with the label in normal weight and the value as given."""
        self.para([(f"{label}: ", {}), (value or "…………………………", {"bold": bool(value)})], before=6)

    def bullet(self, text: str) -> None:
        self.para(f"- {text}", before=6)

    def table(self, headers: list[str], rows: list[list[str]], widths_mm: list[float], size: float = 13):
        table = _layout_table(self.doc, len(rows) + 1, widths_mm, grid=True)
        _keep_rows_whole(table)
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            p = cell.paragraphs[0]
            p.alignment = CENTER
            _spacing(p, before=2, after=2)
            _font(_run(p, text), size, bold=True)
        for row, values in zip(table.rows[1:], rows, strict=True):
            for i, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
                p = cell.paragraphs[0]
                p.alignment = CENTER if i == 0 or len(str(text)) < 12 else LEFT
                _spacing(p, before=2, after=2)
                _font(_run(p, str(text)), size)
        self.space(4)
        return table

    def picture(self, content: bytes, width_mm: float, caption: str = "") -> None:
        """An image (a chart) centred on the text width, its caption in italics below."""
        p = self.doc.add_paragraph()
        p.alignment = CENTER
        _spacing(p, before=6, after=0)
        p.paragraph_format.keep_with_next = bool(caption)
        p.add_run().add_picture(io.BytesIO(content), width=Mm(width_mm))
        if caption:
            p = self.doc.add_paragraph()
            p.alignment = CENTER
            _spacing(p, before=2, after=4)
            _font(_run(p, caption), 12, italic=True)

    def pictures(self, items: list[tuple[str, bytes]], columns: int = 2) -> None:
        """Images side by side, ``columns`` to a row, each under its caption (no borders); a row never
        splits across two pages."""
        width = TEXT_WIDTH_MM / columns
        rows = [items[i : i + columns] for i in range(0, len(items), columns)]
        table = _layout_table(self.doc, len(rows), [width] * columns)
        for row, chunk in zip(table.rows, rows, strict=True):
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            for cell, (caption, content) in zip(row.cells, chunk, strict=False):
                p = cell.paragraphs[0]
                p.alignment = CENTER
                _spacing(p, before=6, after=2)
                _font(_run(p, caption), 11, bold=True)
                p = cell.add_paragraph()
                p.alignment = CENTER
                p.add_run().add_picture(io.BytesIO(content), width=Mm(width - 4))
        self.space(4)

    # Signatures and recipients.
    def signatures(self, signatures: list[Signature], recipients: list[str] | None = None) -> None:
        # The page that carries the signature must carry some of the text too (Nghị định 30, Phụ lục I).
        if self.doc.paragraphs:
            self.doc.paragraphs[-1].paragraph_format.keep_with_next = True
        self.space(8)
        self.doc.paragraphs[-1].paragraph_format.keep_with_next = True
        columns: list[tuple[str, object]] = []
        if recipients is not None:
            columns.append(("recipients", recipients))
        columns.extend(("signature", s) for s in signatures)
        if recipients is not None and len(signatures) == 1:
            widths = [TEXT_WIDTH_MM * 0.48, TEXT_WIDTH_MM * 0.52]
        else:
            widths = [TEXT_WIDTH_MM / len(columns)] * len(columns)
        table = _layout_table(self.doc, 1, widths)
        row_pr = table.rows[0]._tr.get_or_add_trPr()
        row_pr.append(OxmlElement("w:cantSplit"))
        for cell, (kind, content) in zip(table.rows[0].cells, columns, strict=True):
            first = [True]
            if kind == "recipients":
                p = _cell_paragraph(cell, first)
                _font(_run(p, "Nơi nhận:"), 12, bold=True, italic=True)
                for line in content:
                    p = _cell_paragraph(cell, first)
                    _font(_run(p, f"- {line}"), 11)
                continue
            for line in content.heading:
                p = _cell_paragraph(cell, first)
                p.alignment = CENTER
                _font(_run(p, line.upper()), 13, bold=True)
            if content.note:
                p = _cell_paragraph(cell, first)
                p.alignment = CENTER
                _font(_run(p, content.note), 13, italic=True)
            for _i in range(3):
                p = _cell_paragraph(cell, first)
                p.paragraph_format.line_spacing = 1.15
            p = _cell_paragraph(cell, first)
            p.alignment = CENTER
            _font(_run(p, content.name or " "), 13, bold=True)
            for line in content.extra:
                p = _cell_paragraph(cell, first)
                p.alignment = CENTER
                _font(_run(p, line), 12, italic=True)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


@dataclass(frozen=True)
class Head:
    """What every document of one issuing body shares: who issues it, where, its number and date."""

    parent_body: str
    agency_name: str
    place: str
    number: str
    issued_on: dt.date

    @classmethod
    def for_agency(cls, agency, *, number: str, issued_on: dt.date) -> Head:
        return cls(
            parent_body=getattr(agency, "parent_body", "") or "",
            agency_name=getattr(agency, "name", "") or "",
            place=getattr(agency, "place_name", "") or "",
            number=number,
            issued_on=issued_on,
        )

    def document(self, **options) -> OfficialDocument:
        return OfficialDocument(
            parent_body=self.parent_body,
            agency_name=self.agency_name,
            number=self.number,
            place=self.place,
            issued_on=self.issued_on,
            **options,
        )

    @property
    def issuer(self) -> str:
        """The issuing body's name as the body text writes it ('Sở Khoa học và Công nghệ ...')."""
        return self.agency_name

    @property
    def issuer_short(self) -> str:
        """'Sở Khoa học và Công nghệ', for the signature headings and the council's issuing line."""
        return short_agency_name(self.parent_body, self.agency_name)
