"""The legal bases the documents cite, and the wording officers may change, as shipped.

National texts are the same in every province and are cited here once, with their exact titles and dates
(checked against the texts; the plan of Cần Thơ cites Thông tư 15/2022 with another day, the ministry's
own notice says 15 October). What belongs to a province — its plan, the authority under which its
director signs, its recipients, its own wording — is the agency's ``DocumentProfile``; a kind's bases
there replace the shipped ones.

Wording is written with ``$name`` placeholders (``string.Template``): an officer can move or drop them,
and a mistyped one prints as typed instead of failing the step.
"""

from __future__ import annotations

from string import Template

DECISION_1322 = (
    "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31 tháng 8 năm 2020 của Thủ tướng Chính phủ phê duyệt Chương "
    "trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021 - 2030;"
)
CIRCULAR_15 = (
    "Căn cứ Thông tư số 15/2022/TT-BKHCN ngày 15 tháng 10 năm 2022 của Bộ trưởng Bộ Khoa học và Công nghệ quy "
    "định quản lý Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng "
    "hóa giai đoạn 2021 - 2030;"
)
CIRCULAR_35 = (
    "Căn cứ Thông tư số 35/2021/TT-BTC ngày 19 tháng 5 năm 2021 của Bộ trưởng Bộ Tài chính quy định cơ chế "
    "quản lý tài chính thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng "
    "sản phẩm, hàng hóa giai đoạn 2021 - 2030;"
)
CIVIL_CODE = "Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015;"
LOCAL_GOVERNMENT_LAW = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"

PROGRAMME = (
    "Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn "
    "2021 - 2030"
)

# The national bases each kind cites before the province's plan (and, for a decision, the authority).
NATIONAL_BASES: dict[str, list[str]] = {
    "assignment_decision": [DECISION_1322, CIRCULAR_15, CIRCULAR_35],
    "support_contract": [CIVIL_CODE, DECISION_1322, CIRCULAR_15, CIRCULAR_35],
    "city_proposal": [DECISION_1322, CIRCULAR_15, CIRCULAR_35],
    "city_decision": [LOCAL_GOVERNMENT_LAW, DECISION_1322, CIRCULAR_15, CIRCULAR_35],
    "supplement_request": [CIRCULAR_15],
    "payment_request": [CIRCULAR_35],
    "report": [DECISION_1322, CIRCULAR_15],
}
# Kinds that cite the authority under which the director signs (a decision of the director).
SIGNED_UNDER_AUTHORITY = {"assignment_decision"}

DEFAULT_RECIPIENTS: dict[str, list[str]] = {
    "supplement_request": ["$enterprise", "Lưu: VT, QLCN"],
    "assignment_decision": ["Như Điều 3", "UBND $province (để báo cáo)", "Lưu: VT, QLCN"],
    "payment_request": ["Như trên", "$enterprise", "Lưu: VT, KHTC"],
    "city_proposal": ["Như trên", "Lưu: VT, QLCN"],
}

# Body paragraphs officers change: key → (what it is, the shipped text).
WORDING: dict[str, tuple[str, str]] = {
    "supplement_request.closing": (
        "Thông báo bổ sung: đoạn cuối",
        "Doanh nghiệp bổ sung hồ sơ trực tuyến trên Hệ thống quản lý Chương trình 1322. Quá thời hạn trên, "
        "nếu doanh nghiệp không bổ sung, hồ sơ được xem là không hợp lệ.",
    ),
    "assignment_decision.article_3": (
        "Quyết định giao: Điều 3",
        "Chánh Văn phòng Sở, Trưởng phòng Quản lý chuyên ngành, Kế toán trưởng và $enterprise chịu trách "
        "nhiệm thi hành Quyết định này. Quyết định có hiệu lực kể từ ngày ký./.",
    ),
    "support_contract.duties_a": (
        "Hợp đồng: nghĩa vụ Bên A",
        "Bên A theo dõi, kiểm tra việc thực hiện; tổ chức nghiệm thu, thanh lý và thanh toán theo quy định.",
    ),
    "support_contract.duties_b": (
        "Hợp đồng: nghĩa vụ Bên B",
        "Bên B thực hiện đúng nội dung, tiến độ; báo cáo khi được yêu cầu; cung cấp hồ sơ, minh chứng kết "
        "quả; sử dụng kinh phí đúng mục đích và hoàn trả kinh phí nếu vi phạm hợp đồng.",
    ),
    "support_contract.payment": (
        "Hợp đồng: phương thức thanh toán",
        "Bên A thanh toán một lần cho Bên B bằng chuyển khoản vào tài khoản của Bên B sau khi nhiệm vụ được "
        "nghiệm thu đạt và hai bên ký biên bản thanh lý hợp đồng, theo số kinh phí được xác định tại biên "
        "bản thanh lý.",
    ),
    "payment_request.body": (
        "Công văn đề nghị thanh toán: nội dung",
        "Căn cứ Hợp đồng hỗ trợ số $contract và Biên bản thanh lý hợp đồng số $liquidation, $agency đề nghị "
        "$treasury kiểm soát, thanh toán kinh phí hỗ trợ thực hiện nhiệm vụ thuộc Chương trình cho doanh "
        "nghiệp như sau:",
    ),
}


def say(wording: dict[str, str] | None, key: str, **values: str) -> str:
    """The agency's text for ``key`` (else the shipped one) with its ``$name`` placeholders filled."""
    text = (wording or {}).get(key) or WORDING[key][1]
    return Template(text).safe_substitute(**values)


def fill(lines: list[str], **values: str) -> list[str]:
    return [Template(line).safe_substitute(**values) for line in lines]
