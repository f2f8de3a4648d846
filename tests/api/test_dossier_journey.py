"""One dossier from its draft to its payment through the API alone, each step by the token of the person
who takes it: the enterprise, the officer, the director, the council's members and its secretary. The
survey's photos, the city's decision and the completion evidence travel as multipart form data."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from nangsuat.contracts.models import CompletionEvidence, ProposedDossier
from nangsuat.core.roles import Role
from nangsuat.dossiers.models import VisitPhoto
from tests.core.factories import UserFactory
from tests.dossiers.factories import JPEG_BYTES, PDF_BYTES, PNG_BYTES
from tests.reference.factories import SupportContentFactory
from tests.registry.factories import EnterpriseFactory, enterprise_user

from .conftest import ApiClient

pytestmark = pytest.mark.django_db


def png(name: str = "anh.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG_BYTES, content_type="image/png")


def jpeg(name: str = "anh.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, JPEG_BYTES, content_type="image/jpeg")


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


class Step:
    """Posts to one dossier's transitions endpoint and checks the state it lands in."""

    def __init__(self, dossier_id: int):
        self.url = f"/api/v1/dossiers/{dossier_id}/transitions"

    def json(self, who: ApiClient, body: dict, state: str) -> dict:
        response = who.post(self.url, body)
        assert response.status_code == 200, response.json()
        assert response.json()["state"] == state
        return response.json()

    def multipart(self, who: ApiClient, body: dict, state: str) -> dict:
        response = who.upload(self.url, body)
        assert response.status_code == 200, response.json()
        assert response.json()["state"] == state
        return response.json()


def test_one_dossier_from_draft_to_paid_through_the_api_alone(can_tho):
    today = timezone.localdate()
    officer = ApiClient(UserFactory(role=Role.OFFICER, agency=can_tho))
    director = ApiClient(UserFactory(role=Role.DIRECTOR, agency=can_tho))
    enterprise = EnterpriseFactory(agency=can_tho)
    owner = ApiClient(enterprise_user(enterprise))
    seats = ["chair", "vice_chair", "reviewer", "reviewer", "member", "secretary"]
    people = [UserFactory(role=Role.COUNCIL, agency=can_tho) for _ in seats]
    content = SupportContentFactory()

    # The officer opens a call.
    r = officer.post(
        "/api/v1/calls",
        {
            "year": today.year,
            "title": "Đợt đăng ký hỗ trợ năng suất",
            "budget_vnd": 2_000_000_000,
            "registration_opens": (today - dt.timedelta(days=5)).isoformat(),
            "registration_closes": (today + dt.timedelta(days=20)).isoformat(),
            "publish": True,
            "contents": [{"content_id": content.pk, "support_rate_percent": 50, "ceiling_vnd": 200_000_000}],
        },
    )
    assert r.status_code == 201, r.json()
    call = r.json()

    # a. The enterprise drafts, attaches, submits; it declared other state support, so the director
    # must accept the duplicate-support risk before the dossier is valid.
    r = owner.post(
        "/api/v1/dossiers",
        {
            "call_id": call["id"],
            "content_id": content.pk,
            "title": "Áp dụng ISO 9001:2015 tại nhà máy",
            "objectives": "Chuẩn hóa quy trình sản xuất.",
            "expected_results": "Được cấp chứng nhận ISO 9001:2015.",
            "total_cost_vnd": 300_000_000,
            "requested_support_vnd": 120_000_000,
            "period_start": (today + dt.timedelta(days=30)).isoformat(),
            "period_end": (today + dt.timedelta(days=200)).isoformat(),
            "other_state_support": True,
            "other_state_support_detail": "Hỗ trợ đào tạo 5S năm 2024 (nội dung khác)",
        },
    )
    assert r.status_code == 201, r.json()
    dossier_id = r.json()["id"]
    step = Step(dossier_id)
    for kind in call["contents"][0]["required_attachments"]:
        r = owner.upload(
            f"/api/v1/dossiers/{dossier_id}/attachments", {"kind": kind, "file": pdf(f"{kind}.pdf")}
        )
        assert r.status_code == 201, r.json()
    step.json(owner, {"action": "submit"}, "submitted")

    # The officer's eligibility checklist, then the director's duplicate-support override.
    checklist = officer.get(f"/api/v1/dossiers/{dossier_id}/eligibility").json()
    assert "hỗ trợ khác" in checklist["duplicate_reason"]
    items = [{"item": row["item"], "met": True, "evidence": "Đã đối chiếu"} for row in checklist["items"]]
    r = officer.put(f"/api/v1/dossiers/{dossier_id}/eligibility", {"items": items})
    assert r.status_code == 200, r.json()
    assert all(row["met"] for row in r.json()["items"])
    r = officer.post(f"/api/v1/dossiers/{dossier_id}/transitions", {"action": "mark_valid"})
    assert r.status_code == 409 and "lãnh đạo Sở" in r.json()["detail"]
    reason = "Hỗ trợ năm 2024 là đào tạo 5S, không trùng nội dung ISO."
    r = director.post(f"/api/v1/dossiers/{dossier_id}/duplicate-override", {"reason": reason})
    assert r.status_code == 200, r.json()
    step.json(officer, {"action": "mark_valid"}, "valid")

    # b. The survey with its photos.
    step.multipart(
        officer,
        {
            "action": "record_survey",
            "note": "Khảo sát tại cơ sở",
            "visited_on": today.isoformat(),
            "participants": "Sở KH&CN; doanh nghiệp",
            "findings": "Đúng như hồ sơ.",
            "photos": [png("nha-xuong.png"), jpeg("day-chuyen.jpg")],
        },
        "surveyed",
    )
    assert VisitPhoto.objects.filter(visit__dossier_id=dossier_id).count() == 2

    # The officer creates the council and seats its members.
    r = officer.post(
        "/api/v1/councils",
        {
            "call_id": call["id"],
            "name": "Hội đồng tư vấn xét chọn",
            "decision_number": "12/QĐ-SKHCN",
            "decision_date": today.isoformat(),
        },
    )
    assert r.status_code == 201, r.json()
    council_id = r.json()["id"]
    for user, position in zip(people, seats, strict=True):
        r = officer.post(f"/api/v1/councils/{council_id}/members", {"user_id": user.pk, "position": position})
        assert r.status_code == 201, r.json()
    council = officer.get(f"/api/v1/councils/{council_id}").json()
    assert council["eligible"] and len(council["members"]) == 6
    step.json(officer, {"action": "send_to_council"}, "in_council")

    # Each scoring member declares no conflict, scores and submits; the secretary recommends.
    for user in people[:-1]:
        member = ApiClient(user)
        base = f"/api/v1/councils/{council_id}/dossiers/{dossier_id}"
        assert member.post(f"{base}/conflict", {"has_conflict": False}).status_code == 200
        lines = [
            {"criterion": "urgency", "points": 12},
            {"criterion": "feasibility", "points": 40},
            {"criterion": "effectiveness", "points": 28},
        ]
        r = member.put(f"{base}/score", {"lines": lines})
        assert r.status_code == 200, r.json()
        assert member.post(f"{base}/score/submit").status_code == 200
    step.json(ApiClient(people[-1]), {"action": "recommend"}, "recommended")

    # c. The director proposes; the officer records the city's decision with its file.
    step.json(director, {"action": "propose"}, "proposed")
    step.multipart(
        officer,
        {
            "action": "approve",
            "decision_number": "1234/QĐ-UBND",
            "decision_date": today.isoformat(),
            "decision_file": pdf("quyet-dinh.pdf"),
        },
        "approved",
    )
    item = ProposedDossier.objects.get(dossier_id=dossier_id)
    assert item.decision_file and item.support_vnd == 120_000_000

    # d. Assignment and contract.
    step.json(
        director,
        {"action": "assign", "decision_number": "45/QĐ-SKHCN", "decision_date": today.isoformat()},
        "assigned",
    )
    step.json(
        director,
        {
            "action": "sign_contract",
            "number": "01/HĐ-SKHCN",
            "signed_on": today.isoformat(),
            "amount_vnd": 120_000_000,
            "deliverables": "Giấy chứng nhận ISO 9001:2015",
            "deadline": (today + dt.timedelta(days=150)).isoformat(),
        },
        "contracted",
    )
    contract_id = owner.get("/api/v1/contracts").json()["items"][0]["id"]

    # e. The enterprise starts, reports progress, asks for acceptance with its evidence.
    step.json(owner, {"action": "start"}, "in_progress")
    r = owner.upload(
        f"/api/v1/contracts/{contract_id}/progress-reports",
        {"period": "Quý III", "text": "Đã đào tạo nhân viên.", "file": pdf("bao-cao.pdf")},
    )
    assert r.status_code == 201, r.json()
    assert r.json()["has_file"]
    step.multipart(
        owner,
        {
            "action": "request_completion",
            "self_assessment": "Đã hoàn thành toàn bộ nội dung.",
            "evidence": [pdf("giay-chung-nhan.pdf"), png("anh-le-trao.png")],
        },
        "completion_requested",
    )
    assert CompletionEvidence.objects.filter(request__contract_id=contract_id).count() == 2

    # f–g. Inspection with photos, acceptance, liquidation, payment.
    step.multipart(
        officer,
        {
            "action": "inspect",
            "visited_on": today.isoformat(),
            "participants": "Sở KH&CN; doanh nghiệp",
            "findings": "Đã áp dụng.",
            "photos": [png("kiem-tra.png")],
        },
        "inspected",
    )
    step.json(director, {"action": "accept", "rating": "Đạt", "minutes_date": today.isoformat()}, "accepted")
    step.json(
        director,
        {"action": "liquidate", "final_amount_vnd": 120_000_000, "liquidated_on": today.isoformat()},
        "liquidated",
    )
    step.json(
        officer,
        {"action": "pay", "amount_vnd": 120_000_000, "paid_on": today.isoformat(), "reference": "UNC 01"},
        "paid",
    )

    contract = owner.get(f"/api/v1/contracts/{contract_id}").json()
    assert len(contract["progress_reports"]) == 1 and len(contract["evidence"]) == 2
    assert contract["payment"]["amount_vnd"] == 120_000_000
    history = officer.get(f"/api/v1/dossiers/{dossier_id}/history").json()
    assert [h["to_state"] for h in history if h["to_state"]] == [
        "submitted",
        "valid",
        "surveyed",
        "in_council",
        "recommended",
        "proposed",
        "approved",
        "assigned",
        "contracted",
        "in_progress",
        "completion_requested",
        "inspected",
        "accepted",
        "liquidated",
        "paid",
    ]
