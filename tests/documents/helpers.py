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
