"""Temporary: dump every kind's text (and document.xml) to $DOCS_OUT. Not committed."""

import datetime as dt
import io
import os
import zipfile
from pathlib import Path

import pytest
from docx import Document as open_docx

from nangsuat.documents import kinds
from nangsuat.documents.format import Head

from .helpers import EFFECT_ACTIONS, all_text, docx_of, run_effect
from .test_render import PAYLOADS, _related_records

OUT = Path(os.environ.get("DOCS_OUT", "/tmp/docs_out"))
HEAD = Head(
    parent_body="Ủy ban nhân dân thành phố Cần Thơ",
    agency_name="Sở Khoa học và Công nghệ thành phố Cần Thơ",
    place="Cần Thơ",
    number="05/QĐ-SKHCN",
    issued_on=dt.date(2027, 1, 5),
)
RICH = {
    "enterprise": {
        "name": "Công ty TNHH Mê Kông", "tax_code": "1801234567", "address": "12 Hòa Bình, Ninh Kiều",
        "representative": "Phạm Văn An", "representative_title": "Giám đốc", "phone": "0292 3333 444",
        "email": "an@mekong.vn", "bank_account": "0123456789 tại Vietcombank Cần Thơ",
    },
    "dossier": {
        "tracking_code": "CT-2027-000001", "title": "Áp dụng ISO 9001", "content": "Hệ thống quản lý",
        "call": "Đợt 1 năm 2027", "requested_support": "150.000.000 đồng", "period": "từ A đến B",
    },
    "signer": {"heading": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "name": "Trần Văn Minh"},
    "recipients": ["Như trên", "Sở Tài chính", "Lưu: VT"],
    "summary": "V/v thử", "type_name": "Công văn", "title": "Về việc thử", "body": "Dòng một\n\n  Dòng hai  ",
    "plan": "Kế hoạch số 99", "held_on_text": "ngày 02 tháng 4 năm 2027",
    "signatures": {"left": "Người trái", "right": "Người phải"},
    "received_at_text": "09 giờ 15 phút, ngày 05 tháng 01 năm 2027", "channel": "Trực tiếp",
    "attachments": [["Phiếu đăng ký", "01"], ["Báo cáo tài chính", "02"]], "due_on_text": "ngày 07 tháng 4 năm 2027",
    "submitted_by": "Phạm Văn An", "items": "- Báo cáo tài chính\n• Giấy phép", "deadline_text": "ngày 10 tháng 02 năm 2027",
    "participants": ["Nguyễn Thị Thu Hà — Chuyên viên", "Lê Văn B"],
    "checks": [["Điều kiện 1", "Đạt", "Giấy tờ"], ["Điều kiện 2", "Không đạt", ""]],
    "duplicate_note": "Trùng được chấp nhận", "valid": True, "note": "Ghi   chú", "findings": "Tốt\nRất tốt",
    "photos": 3, "contract_number": "07/HĐ-SKHCN",
    "council": {"decision": "12/QĐ-SKHCN", "name": "Hội đồng tư vấn 2027", "members": [["Lê Hoàng Phúc", "Chủ tịch"]]},
    "criteria": [["Tính khả thi", "30", "25,5"], ["Hiệu quả", "70", "60"]], "total": "85,5", "sheets": "5",
    "priority_points": "2", "passed": True, "extra_bases": ["Căn cứ thêm;"],
    "party_a": {"representative": "Trần Văn Minh", "title": "Phó Giám đốc", "address": "2 Lý Thường Kiệt"},
    "city_decision": "120/QĐ-UBND ngày 02 tháng 5 năm 2027", "amount_vnd": 150_000_000, "period_text": "12 tháng",
    "contract_deadline_text": "chậm nhất ngày 30 tháng 5 năm 2027", "assignment_decision": "03/QĐ-SKHCN",
    "signed_on_text": "ngày 01 tháng 6 năm 2027", "deliverables": "Giấy chứng nhận\nQuy trình",
    "inspection_minutes": "04/BB-SKHCN", "rating": "Xuất sắc", "acceptance_minutes": "05/BB-SKHCN",
    "result": "Đã làm xong", "contract_amount_vnd": 150_000_000, "final_amount_vnd": 140_000_000,
    "addressee": "Kho bạc Nhà nước khu vực XIX", "liquidation_minutes": "06/BB-SKHCN", "reference": "UNC 15",
    "year": 2027, "count": 2, "rows": [["1", "Công ty A (1801)", "ISO", "85,5", "150.000.000"]],
    "total_text": "150.000.000", "total_vnd": 150_000_000, "earlier_vnd": 50_000_000,
    "list_total_vnd": 200_000_000, "budget_vnd": 1_000_000_000,
}
NEGATIVE = {**RICH, "valid": False, "passed": False, "earlier_vnd": None, "rating": "", "note": "",
            "recipients": [], "signer": None, "council": {}, "members": []}


def _dump(name, content):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.txt").write_text(all_text(open_docx(io.BytesIO(content))))
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        (OUT / f"{name}.document.xml").write_bytes(z.read("word/document.xml"))


@pytest.mark.parametrize("kind", sorted(kinds.BUILDERS) + ["unknown_kind"])
def test_dump_direct(kind):
    for variant, data in (("empty", {}), ("rich", RICH), ("negative", NEGATIVE)):
        if kind == "city_proposal" and isinstance(data.get("council"), dict):
            data = {**data, "council": "Hội đồng tư vấn 2027" if data else ""}
        _dump(f"direct-{kind}-{variant}", kinds.render(kind, HEAD, data))


@pytest.mark.django_db
@pytest.mark.parametrize("effect_name", list(EFFECT_ACTIONS))
def test_dump_effect(effect_name, dossier, officer, director):
    _related_records(dossier, officer)
    actor = director if effect_name in {"assignment_decision", "support_contract", "acceptance_minutes", "liquidation_minutes"} else officer
    document = run_effect(effect_name, dossier, actor, note="Ghi chú", payload=PAYLOADS.get(effect_name))
    with document.file.open("rb") as handle:
        content = handle.read()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"effect-{effect_name}.txt").write_text(all_text(docx_of(document)))
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        (OUT / f"effect-{effect_name}.document.xml").write_bytes(z.read("word/document.xml"))
