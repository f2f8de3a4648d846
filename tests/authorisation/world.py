"""A small world for the authorisation matrix: two agencies, one account per role in Cần Thơ, a call with
a council, a dossier in the council (its member has declared no conflict), a contract with a progress
report and completion evidence, the documents the workflow drew, a notification, an import job, a pending
membership claim. ``sample_ids`` names an object of each kind for the routes' parameters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.files.base import ContentFile

from nangsuat.api.tokens import issue_token
from nangsuat.budget import services as budget_services
from nangsuat.contracts.models import CompletionEvidence, CompletionRequest
from nangsuat.contracts.services import add_progress_report
from nangsuat.core.models import Agency, Job, User
from nangsuat.core.roles import Role
from nangsuat.councils import services as council_services
from nangsuat.documents.models import Document
from nangsuat.dossiers import workflow
from nangsuat.dossiers.models import Attachment, Visit, VisitPhoto
from nangsuat.notifications.models import Notification
from nangsuat.registry.models import Contact, EnterpriseMembership, EnterpriseYear
from nangsuat.registry.spreadsheets import IMPORT_JOB
from nangsuat.reports.services import create_report, sign_report
from tests.activities.factories import activity_world
from tests.core.factories import UserFactory
from tests.councils.factories import make_council, score_all
from tests.dossiers.factories import PDF_BYTES, PNG_BYTES, CallFactory, DossierFactory
from tests.indicators.factories import accepted_dossier
from tests.registry.factories import EnterpriseFactory, enterprise_user
from tests.showcase.factories import make_case

ANONYMOUS = "anonymous"
ROLES = (
    ANONYMOUS,
    Role.ENTERPRISE,
    Role.OFFICER,
    Role.DIRECTOR,
    Role.COUNCIL,
    Role.FINANCE,
    Role.CITY,
    Role.MINISTRY,
    Role.ADMIN,
)
D = dt.date


@dataclass
class World:
    users: dict[str, User]
    ids: dict[str, object] = field(default_factory=dict)


def _sign_contract(dossier, *, officer, director, secretary, scorers):
    score_all(dossier, scorers)
    workflow.perform(dossier=dossier, action="recommend", actor=secretary)
    workflow.perform(dossier=dossier, action="propose", actor=director)
    workflow.perform(
        dossier=dossier,
        action="approve",
        actor=officer,
        payload={"decision_number": "1234/QĐ-UBND", "decision_date": D(2026, 6, 1)},
    )
    workflow.perform(
        dossier=dossier,
        action="assign",
        actor=director,
        payload={"decision_number": "45/QĐ-SKHCN", "decision_date": D(2026, 6, 10)},
    )
    return workflow.perform(
        dossier=dossier,
        action="sign_contract",
        actor=director,
        payload={
            "number": "01/2026/HĐ-SKHCN",
            "signed_on": D(2026, 6, 20),
            "amount_vnd": 150_000_000,
            "deliverables": "Giấy chứng nhận ISO 9001:2015",
            "deadline": D(2026, 12, 31),
        },
    )


def build_world(can_tho: Agency, vinh_long: Agency) -> World:
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    director = UserFactory(role=Role.DIRECTOR, agency=can_tho)
    call = CallFactory(agency=can_tho)
    _council, scorers, secretary = make_council(call, officer=officer)
    enterprise = EnterpriseFactory(agency=can_tho)
    member = enterprise_user(enterprise)

    # The contract first (its dossier goes through the council), then the dossier left in the council.
    contracted = DossierFactory(call=call, enterprise=enterprise)
    workflow.perform(dossier=contracted, action="send_to_council", actor=officer)
    contracted = _sign_contract(
        contracted, officer=officer, director=director, secretary=secretary.user, scorers=scorers
    )
    contract = contracted.contract
    report = add_progress_report(
        contract=contract,
        actor=member,
        period="Quý III/2026",
        text="Đã đào tạo",
        file=ContentFile(PDF_BYTES, name="bao-cao.pdf"),
    )
    request = CompletionRequest.objects.create(contract=contract, self_assessment="Đạt", requested_by=member)
    evidence = CompletionEvidence.objects.create(
        request=request, file=ContentFile(PDF_BYTES, name="gcn.pdf"), original_name="gcn.pdf"
    )

    dossier = DossierFactory(call=call, enterprise=enterprise, title="Áp dụng 5S tại xưởng")
    attachment = Attachment(
        dossier=dossier,
        kind="business_license",
        original_name="giay-phep.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
        sha256="0" * 64,
    )
    attachment.file.save("t/giay-phep.pdf", ContentFile(PDF_BYTES), save=False)
    attachment.save()
    visit = Visit.objects.create(
        dossier=dossier,
        kind=Visit.Kind.SURVEY,
        visited_on=D(2026, 4, 10),
        participants="Đoàn khảo sát",
        findings="Đủ điều kiện",
        recorded_by=officer,
    )
    photo = VisitPhoto.objects.create(visit=visit, file=ContentFile(PNG_BYTES, name="anh.png"))
    workflow.perform(dossier=dossier, action="send_to_council", actor=officer)
    seat = scorers[0]
    council_services.declare_conflict(
        sheet=seat.sheets.get(dossier=dossier), actor=seat.user, has_conflict=False
    )

    EnterpriseYear.objects.get_or_create(enterprise=enterprise, year=2025, defaults={"employees": 40})
    contact = Contact.objects.create(enterprise=enterprise, full_name="Trần Thị Liên Hệ")
    claimant = UserFactory(role=Role.ENTERPRISE, agency=can_tho)
    claim = EnterpriseMembership.objects.create(user=claimant, enterprise=enterprise)
    job = Job.objects.create(agency=can_tho, owner=officer, kind=IMPORT_JOB, status=Job.Status.DONE)
    figures_job = Job.objects.create(
        agency=can_tho, owner=officer, kind="productivity.import", status=Job.Status.DONE
    )
    token, _raw = issue_token(user=officer, name="matrix")
    notification = Notification.objects.create(
        user=officer, dossier=dossier, verb="dossier_in_council", title="Hồ sơ chờ xử lý", url="/app/"
    )

    # The second agency: its own enterprise and dossier, which no Cần Thơ account but the ministry sees.
    DossierFactory(call=CallFactory(agency=vinh_long), enterprise=EnterpriseFactory(agency=vinh_long))

    users = {
        Role.ENTERPRISE: member,
        Role.OFFICER: officer,
        Role.DIRECTOR: director,
        Role.COUNCIL: seat.user,
        Role.FINANCE: UserFactory(role=Role.FINANCE, agency=can_tho),
        Role.CITY: UserFactory(role=Role.CITY, agency=can_tho),
        Role.MINISTRY: UserFactory(role=Role.MINISTRY, agency=None),
        Role.ADMIN: UserFactory(role=Role.ADMIN, agency=can_tho),
    }
    document = Document.objects.filter(dossier=contracted).order_by("pk").first()
    document.pdf.save("van-ban.pdf", ContentFile(PDF_BYTES))  # drawn already: no LibreOffice on a GET
    # A signed annual report to the city (the city reads it; the ministry, to which it is not addressed, does not).
    annual, _created = create_report(actor=officer, kind="annual", year=2026)
    annual = sign_report(report=annual, actor=director)
    # An estimate of the agency's, sent to Finance (which then reads it).
    estimate = budget_services.create_estimate(agency=can_tho, year=2027, actor=officer)
    budget_line = budget_services.save_line(
        estimate=estimate,
        actor=officer,
        data={"task": "council", "description": "Họp hội đồng tư vấn", "quantity": 4, "norm_vnd": 1_500_000},
    )
    budget_services.act(estimate=estimate, action="submit", actor=director)
    ids = {
        # pages
        "pk:budget": estimate.pk,
        "dossier_pk:budget:counterpart_edit": contracted.pk,  # a supported dossier: the officer records
        "line_pk": budget_line.pk,
        "estimate_id": estimate.pk,
        "pk:registry": enterprise.pk,
        "pk:registry:membership": claim.pk,
        "pk:registry:import": job.pk,
        "pk:productivity": enterprise.pk,
        "pk:productivity:import": figures_job.pk,
        "year": 2025,
        "contact_pk": contact.pk,
        "pk:dossiers": dossier.pk,
        "pk:dossiers:call": call.pk,
        "pk:dossiers:dossier_start": call.pk,
        "attachment_id": attachment.pk,
        "photo_id": photo.pk,
        "action": "recommend",
        "pk:councils": _council.pk,
        "member_pk": seat.pk,
        "dossier_pk": dossier.pk,
        "pk:contracts": contract.pk,
        "report_pk": report.pk,
        "evidence_pk": evidence.pk,
        "call_pk": call.pk,
        "pk:documents": document.pk,
        # the council member's own sheet (declared, being scored); the PDF asks for a pending one of
        # another member, so no role draws a PDF here (LibreOffice)
        "pk:documents:score_sheet": seat.sheets.get(dossier=dossier).pk,
        "pk:documents:score_sheet_pdf": scorers[1].sheets.get(dossier=dossier).pk,
        "pk:notifications": notification.pk,
        # the Tờ trình that proposed the contracted dossier; the PDF asks for a document that is not a
        # Tờ trình, so no role draws a PDF here (LibreOffice)
        "pk:submissions": contracted.city_item.proposal_id,
        "pk:submissions:decision_draft_pdf": document.pk,
        "pk:api_tokens": token.pk,
        "pk:accounts": officer.pk,
        "pk:reports": annual.pk,
        # API path parameters
        "enterprise_id": enterprise.pk,
        "call_id": call.pk,
        "dossier_id": dossier.pk,
        "council_id": _council.pk,
        "member_id": seat.pk,
        "contract_id": contract.pk,
        "document_id": document.pk,
        "fmt": "docx",
        "report_id": annual.pk,
        "tracking_code": dossier.tracking_code,
        # the indicators: one indicator's records, and the dossiers behind one figure
        "code": "enterprises_reached",
        "name": "committed",
    }
    ids.update(activity_world(can_tho, officer=officer, enterprise=enterprise))
    # a published good-practice model of the enterprise, drawn from a paid dossier, with a photo
    case = make_case(accepted_dossier(can_tho, enterprise, on=D(2026, 11, 9), state="paid"), officer)
    ids.update(
        {
            "pk:showcase": case.pk,
            "photo_id:showcase": case.photos.get().pk,
            "pk:public": case.pk,
            "photo_id:public": case.photos.get().pk,
            "pk:public:enterprise": enterprise.pk,
        }
    )
    return World(users=users, ids=ids)
