import io

from docx import Document as open_docx

from nangsuat.documents.models import Document
from nangsuat.dossiers import workflow

EFFECT_ACTIONS = {
    "receipt_slip": "submit",
    "supplement_request_letter": "request_supplement",
    "validity_minutes": "mark_valid",
    "survey_minutes": "record_survey",
    "council_minutes": "recommend",
    "assignment_decision": "assign",
    "support_contract": "sign_contract",
    "inspection_minutes": "inspect",
    "acceptance_minutes": "accept",
    "liquidation_minutes": "liquidate",
    "payment_request": "pay",
}


def run_effect(name: str, dossier, actor, *, note: str = "", payload: dict | None = None) -> Document:
    """Run one document effect as its workflow step would, and return the document it issued."""
    transition = workflow.BY_ACTION[EFFECT_ACTIONS[name]]
    step = workflow.Step(dossier, actor, transition, dossier.state, note, dict(payload or {}))
    workflow.EFFECTS[name](step)
    return Document.objects.filter(dossier=dossier).latest("id")


def docx_of(document: Document):
    with document.file.open("rb") as handle:
        return open_docx(io.BytesIO(handle.read()))


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]

    def cells(table):
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    cells(inner)

    for table in doc.tables:
        cells(table)
    return "\n".join(parts)


def all_runs(doc):
    yield from (r for p in doc.paragraphs for r in p.runs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from (r for p in cell.paragraphs for r in p.runs)


def assert_decree_format(doc, *, number: str, day, place: str = "Cần Thơ") -> None:
    """The layout every issued document keeps (Nghị định 30, Phụ lục I): A4 and its margins, Times New
    Roman throughout, the national title and motto, the number, the place and date, no page number on
    page 1."""
    from docx.shared import Mm

    from nangsuat.documents.format import place_and_date

    text = all_text(doc)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert f"Số: {number}" in text
    assert place_and_date(place, day) in text
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    mm = {name: round(getattr(section, f"{name}_margin").mm) for name in ("top", "bottom", "left", "right")}
    assert 20 <= mm["top"] <= 25 and 20 <= mm["bottom"] <= 25
    assert 30 <= mm["left"] <= 35 and 15 <= mm["right"] <= 20
    assert doc.styles["Normal"].font.name == "Times New Roman"
    runs = [r for r in all_runs(doc) if r.text.strip()]
    assert runs and all(r.font.name == "Times New Roman" for r in runs)
    assert all(13 <= r.font.size.pt <= 14 for r in runs if r.text.startswith("Số: "))
    national = next(r for r in runs if r.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert national.bold and 12 <= national.font.size.pt <= 13
    motto = next(r for r in runs if r.text == "Độc lập - Tự do - Hạnh phúc")
    assert motto.bold and 13 <= motto.font.size.pt <= 14
    assert section.different_first_page_header_footer  # no page number on page 1
