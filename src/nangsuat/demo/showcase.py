"""Demo good-practice models of Cần Thơ: three cases drawn from the accepted, liquidated and paid dossiers
of the demo walk, each with the enterprise's written consent, figures and photos, published. The photos
and the consent paper are drawn here (Pillow, matplotlib), nothing is downloaded. Idempotent: an agency
that already has cases is left alone."""

import datetime as dt
import io
import random
from decimal import Decimal

import matplotlib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from matplotlib.figure import Figure as Chart
from PIL import Image, ImageDraw

from nangsuat.core.models import Agency, User
from nangsuat.dossiers.models import Dossier
from nangsuat.indicators.counting import SUPPORTED_STATES
from nangsuat.showcase import services
from nangsuat.showcase.models import Case
from nangsuat.showcase.services import CaseText, Figure

from .accounts import CAN_THO

STORIES = [
    {
        "title": "Kiểm soát an toàn thực phẩm từ nguyên liệu đến bàn ăn",
        "match": ("22000", "HACCP", "VietGAP", "Truy xuất", "FSSC"),
        "summary": "Phân tích mối nguy, kiểm soát các điểm tới hạn và ghi chép theo lô giúp giảm mạnh "
        "hàng phải hủy và khiếu nại, năng suất khu sơ chế tăng gần một phần tư.",
        "applied": "Doanh nghiệp lập đội an toàn thực phẩm, phân tích mối nguy từng công đoạn, xác định các "
        "điểm kiểm soát tới hạn (nhiệt độ, thời gian, vệ sinh), bố trí lại khu sơ chế theo một chiều và "
        "ghi chép truy xuất theo từng lô nguyên liệu.",
        "narrative": "Trước khi tham gia Chương trình, khu sơ chế thường ùn ứ vào giờ cao điểm và mỗi tháng "
        "đều có lô hàng phải hủy vì không rõ nguồn gốc hoặc quá thời gian bảo quản.\n\nVới sự hỗ trợ của "
        "chuyên gia tư vấn, doanh nghiệp đo lại thời gian từng công đoạn, bố trí lại khu sơ chế và lắp "
        "nhiệt kế ghi dữ liệu cho kho lạnh. Nhân viên được đào tạo tại chỗ và tự đề xuất hơn 40 ý tưởng "
        "cải tiến trong sáu tháng.\n\nBài học: bắt đầu từ những điểm kiểm soát quan trọng nhất, đo trước và "
        "sau, và để chính người lao động làm chủ quy trình.",
        "figures": [
            ("Năng suất khu sơ chế", "1250", "1540", "suất/ca"),
            ("Hàng phải hủy", "4.8", "1.9", "%"),
            ("Chi phí năng lượng kho lạnh", "182", "151", "triệu đồng/tháng"),
        ],
        "colour": (29, 79, 145),
        "captions": ["Khu sơ chế sau khi bố trí lại theo một chiều", "Kho lạnh có nhiệt kế ghi dữ liệu"],
    },
    {
        "title": "Hệ thống quản lý chất lượng mở đường xuất khẩu",
        "match": ("9001", "14001", "50001", "ISO"),
        "summary": "Áp dụng hệ thống quản lý giúp doanh nghiệp kiểm soát nguyên liệu đầu vào, rút ngắn "
        "thời gian giao hàng và mở rộng sang thị trường xuất khẩu.",
        "applied": "Xây dựng và áp dụng hệ thống tài liệu, đánh giá nội bộ, kiểm soát nhà cung cấp và "
        "truy xuất nguồn gốc theo lô; được tổ chức chứng nhận đánh giá và cấp giấy chứng nhận.",
        "narrative": "Khách hàng nước ngoài yêu cầu bằng chứng về kiểm soát chất lượng trước khi ký hợp "
        "đồng dài hạn. Doanh nghiệp đã dùng kinh phí hỗ trợ của Chương trình để thuê tư vấn và đào tạo "
        "đội ngũ đánh giá nội bộ.\n\nSau chín tháng, thời gian xử lý khiếu nại giảm còn một phần ba và "
        "doanh nghiệp ký được hợp đồng xuất khẩu đầu tiên.\n\nBài học: hệ thống chỉ sống khi được dùng "
        "hằng ngày, không chỉ để đánh giá chứng nhận.",
        "figures": [
            ("Thời gian giao hàng", "14", "9", "ngày"),
            ("Khiếu nại của khách hàng", "21", "6", "vụ/năm"),
            ("Doanh thu xuất khẩu", "0", "3.2", "tỷ đồng"),
        ],
        "colour": (46, 125, 50),
        "captions": ["Khu kiểm tra nguyên liệu đầu vào"],
    },
    {
        "title": "5S tại kho nguyên liệu: tìm vật tư nhanh gấp bốn lần",
        "match": ("5S", "Kaizen", "Lean"),
        "summary": "Một cơ sở chế biến nhỏ giảm thất thoát nguyên liệu và thời gian chờ nhờ các công cụ "
        "cải tiến đơn giản, chi phí thấp.",
        "applied": "Sàng lọc, sắp xếp, sạch sẽ, săn sóc, sẵn sàng tại toàn bộ khu sản xuất và kho; "
        "kiểm soát trực quan bằng bảng màu và vạch sơn; đánh giá chéo hằng tháng giữa các tổ.",
        "narrative": "Kho nguyên liệu trước đây chất đống, mất nhiều thời gian tìm kiếm và có nguyên liệu "
        "quá hạn phải hủy.\n\nSau khi áp dụng, mỗi vị trí có nhãn, mỗi lô có thẻ theo dõi; thời gian tìm "
        "vật tư giảm từ gần 20 phút xuống dưới 5 phút.\n\nBài học: công cụ đơn giản, chi phí thấp nhưng "
        "cần duy trì bằng lịch đánh giá đều đặn.",
        "figures": [
            ("Thời gian tìm vật tư", "18", "4", "phút"),
            ("Nguyên liệu hủy do quá hạn", "2.6", "0.7", "%"),
        ],
        "colour": (191, 120, 0),
        "captions": [
            "Kho nguyên liệu sau khi sắp xếp",
            "Bảng kiểm soát trực quan",
            "Đánh giá chéo giữa các tổ",
        ],
    },
]


def photo_png(colour: tuple[int, int, int], seed: int) -> bytes:
    """A drawn picture of a workshop: a shaded wall, shelves of boxes, people at work."""
    rng = random.Random(seed)
    width, height = 1200, 800
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):  # a wall fading to the floor
        shade = 0.55 + 0.45 * y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(230 - (230 - c) * shade * 0.5) for c in colour))
    draw.rectangle([0, 560, width, height], fill=(120, 124, 130))
    for x in range(0, width, 120):
        draw.line([(x, 560), (x - 200, height)], fill=(140, 144, 150), width=3)
    for i in range(5):
        left = 60 + i * 225 + rng.randint(-10, 10)
        top = rng.randint(230, 330)
        draw.rectangle([left, top, left + 170, 560], fill=colour, outline=(30, 30, 30), width=3)
        for shelf in range(top + 50, 560, 60):
            draw.line([(left + 10, shelf), (left + 160, shelf)], fill=(240, 240, 240), width=4)
            for box in range(left + 18, left + 150, 34):
                tone = rng.choice([(250, 214, 90), (235, 120, 80), (120, 190, 230), (250, 250, 250)])
                draw.rectangle([box, shelf - 28, box + 24, shelf - 2], fill=tone)
    for _person in range(3):  # workers' helmets and bodies in front of the shelves
        x = rng.randint(120, width - 120)
        draw.rectangle([x - 22, 600, x + 22, 700], fill=(40, 60, 90))
        draw.ellipse([x - 20, 555, x + 20, 595], fill=(235, 200, 160))
        draw.pieslice([x - 24, 548, x + 24, 590], 180, 360, fill=(250, 200, 30))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def consent_pdf(enterprise: str, representative: str, day: dt.date) -> bytes:
    """A one-page written consent, as the enterprise signs it."""
    matplotlib.rcParams.update({"font.family": "DejaVu Sans"})
    chart = Chart(figsize=(8.27, 11.69))
    text = (
        f"{enterprise.upper()}\n\nGIẤY ĐỒNG Ý CÔNG BỐ MÔ HÌNH ĐIỂN HÌNH\n\n"
        "Doanh nghiệp đồng ý để Sở Khoa học và Công nghệ thành phố Cần Thơ công bố trên cổng thông tin\n"
        "Chương trình 1322 nội dung đã áp dụng, kết quả bằng số liệu và hình ảnh của doanh nghiệp.\n\n"
        f"Cần Thơ, ngày {day:%d} tháng {day:%m} năm {day:%Y}\n\nĐẠI DIỆN DOANH NGHIỆP\n\n\n{representative}"
    )
    chart.text(0.5, 0.85, text, ha="center", va="top", fontsize=10, linespacing=1.6)
    out = io.BytesIO()
    chart.savefig(out, format="pdf", metadata={"CreationDate": None})
    return out.getvalue()


def seed(out) -> None:
    agency = Agency.objects.get(code=CAN_THO["code"])
    officer = User.objects.filter(username="officer", agency=agency).first()
    if officer is None:
        out.write("bỏ qua (chưa có tài khoản officer)")
        return
    if Case.objects.filter(agency=agency).exists():
        out.write("đã có")
        return
    dossiers = list(
        Dossier.objects.filter(agency=agency, state__in=SUPPORTED_STATES)
        .select_related("enterprise", "content")
        .order_by("pk")
    )
    made = 0
    for n, story in enumerate(STORIES):
        dossier = _matching(dossiers, story["match"])
        if dossier is None:
            break
        dossiers.remove(dossier)
        _publish(dossier, story, officer, n)
        made += 1
    out.write(f"{made} mô hình điển hình")


def _matching(dossiers: list[Dossier], words: tuple[str, ...]) -> Dossier | None:
    """The first dossier whose support content names one of ``words``, else the first one left."""
    named = [d for d in dossiers if d.content and any(w in d.content.name for w in words)]
    return (named or dossiers or [None])[0]


def _publish(dossier: Dossier, story: dict, officer: User, n: int) -> None:
    enterprise = dossier.enterprise
    text = CaseText(
        title=story["title"],
        summary=story["summary"],
        applied=story["applied"],
        narrative=story["narrative"],
    )
    case = services.create_case(dossier=dossier, actor=officer, text=text)
    figures = [Figure(label, Decimal(b), Decimal(a), unit) for label, b, a, unit in story["figures"]]
    services.update_case(case=case, actor=officer, text=text, figures=figures)
    for i, caption in enumerate(story["captions"]):
        png = photo_png(story["colour"], seed=n * 10 + i)
        services.add_photo(
            case=case,
            actor=officer,
            upload=SimpleUploadedFile(f"anh-{i + 1}.png", png, content_type="image/png"),
            caption=caption,
        )
    day = timezone.localdate()
    representative = enterprise.representative or "Giám đốc doanh nghiệp"
    services.record_consent(
        case=case,
        actor=officer,
        given_by=f"{representative}, Giám đốc",
        given_on=day,
        upload=SimpleUploadedFile("dong-y.pdf", consent_pdf(enterprise.name, representative, day)),
    )
    services.publish(case=case, actor=officer)
