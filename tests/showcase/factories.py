"""Good-practice models and a small public world: supported dossiers of two agencies, with the personal
data the public must never see."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.states import State
from nangsuat.reference.models import Ward
from nangsuat.registry.models import Contact, Enterprise
from nangsuat.showcase import services
from nangsuat.showcase.models import Case
from nangsuat.showcase.services import CaseText, Figure
from tests.core.factories import UserFactory
from tests.dossiers.factories import PDF_BYTES, CallFactory, DossierFactory
from tests.indicators.factories import accepted_dossier
from tests.reference.factories import SupportContentFactory, some_ward
from tests.registry.factories import EnterpriseFactory, enterprise_user

# Personal data of the fixture: none of these may appear on a public page, in the API or the export.
PERSONAL = {
    "representative": "Nguyễn Văn Đại Diện",
    "phone": "0912345678",
    "email": "giamdoc@dai-dien.vn",
    "contact": "Trần Thị Liên Lạc",
    "contact_phone": "0987654321",
    "contact_email": "lienlac@dai-dien.vn",
    "bank_account": "0123456789012",
    "user": "Lê Thị Người Dùng",
    "user_email": "nguoidung@dai-dien.vn",
}


def png_bytes(width: int = 40, height: int = 30, fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 80, 140)).save(out, format=fmt)
    return out.getvalue()


def photo_upload(name: str = "anh.png", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(**kwargs), content_type="image/png")


def consent_upload() -> SimpleUploadedFile:
    return SimpleUploadedFile("dong-y.pdf", PDF_BYTES, content_type="application/pdf")


TEXT = CaseText(
    title="Áp dụng 5S tại kho nguyên liệu",
    summary="Kho gọn, tìm vật tư nhanh gấp bốn lần.",
    applied="Sàng lọc, sắp xếp, sạch sẽ, săn sóc, sẵn sàng.",
    narrative="Trước đây kho chất đống.\n\nNay mỗi vị trí có nhãn.",
)


def make_case(
    dossier: Dossier, officer: User, *, consent: bool = True, photo: bool = True, publish: bool = True
) -> Case:
    case = services.create_case(dossier=dossier, actor=officer, text=TEXT)
    services.update_case(
        case=case,
        actor=officer,
        text=TEXT,
        figures=[Figure("Thời gian tìm vật tư", Decimal(18), Decimal(4), "phút")],
    )
    if photo:
        services.add_photo(case=case, actor=officer, upload=photo_upload(), caption="Kho sau khi sắp xếp")
    if consent:
        services.record_consent(
            case=case,
            actor=officer,
            given_by=f"{PERSONAL['representative']}, Giám đốc",
            given_on=dt.date(2026, 11, 20),
            upload=consent_upload(),
        )
    if publish:
        services.publish(case=case, actor=officer)
    return Case.objects.get(pk=case.pk)


@dataclass
class PublicWorld:
    can_tho: Agency
    vinh_long: Agency
    officer: User
    paid: Dossier  # Cần Thơ, ISO 9001, paid, the enterprise with personal data
    approved: Dossier  # Cần Thơ, 5S, another ward, approved
    other_agency: Dossier  # Vĩnh Long, accepted
    not_listed: Dossier  # Cần Thơ, still in the council: not on the list
    second_ward: Ward


def public_world(can_tho: Agency, vinh_long: Agency) -> PublicWorld:
    officer = UserFactory(role=Role.OFFICER, agency=can_tho)
    private = EnterpriseFactory(
        agency=can_tho,
        name="Công ty TNHH Chế biến Thủy sản Sông Hậu",
        representative=PERSONAL["representative"],
        phone=PERSONAL["phone"],
        email=PERSONAL["email"],
        bank_account=PERSONAL["bank_account"],
    )
    Contact.objects.create(
        enterprise=private,
        full_name=PERSONAL["contact"],
        phone=PERSONAL["contact_phone"],
        email=PERSONAL["contact_email"],
    )
    enterprise_user(private, full_name=PERSONAL["user"], email=PERSONAL["user_email"])
    paid = accepted_dossier(can_tho, private, on=dt.date(2026, 11, 9), state=State.PAID)

    ward = some_ward()
    second_ward, _ = Ward.objects.get_or_create(
        code="31999",
        defaults={"province_id": ward.province_id, "name": "Phường Thới An", "division_type": "Phường"},
    )
    five_s = SupportContentFactory(code="5s", name="5S — Sàng lọc, Sắp xếp")
    approved = DossierFactory(
        call=CallFactory(agency=can_tho, year=2027),
        enterprise=EnterpriseFactory(agency=can_tho, name="Hợp tác xã Rau sạch Phong Điền", ward=second_ward),
        content=five_s,
        state=State.APPROVED,
        requested_support_vnd=80_000_000,
    )
    other_agency = accepted_dossier(
        vinh_long,
        EnterpriseFactory(agency=vinh_long, name="Công ty Gốm Vĩnh Long"),
        on=dt.date(2026, 10, 1),
    )
    not_listed = DossierFactory(
        call=CallFactory(agency=can_tho),
        enterprise=EnterpriseFactory(agency=can_tho, name="Công ty Chưa Được Duyệt"),
    )
    return PublicWorld(can_tho, vinh_long, officer, paid, approved, other_agency, not_listed, second_ward)


def enterprise_of(dossier: Dossier) -> Enterprise:
    return Enterprise.objects.get(pk=dossier.enterprise_id)
