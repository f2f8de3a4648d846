"""A demo draft of Cần Thơ's annual report for 2026, drawn from the demo's records, for the officer to edit
and the director to sign. Idempotent: the agency's report of a kind and year is drafted once."""

from nangsuat.core.models import User
from nangsuat.reports.services import create_report


def seed(out) -> None:
    officer = User.objects.filter(username="officer").first()
    if officer is None:
        out.write("bỏ qua (chưa có tài khoản chuyên viên)")
        return
    report, created = create_report(actor=officer, kind="annual", year=2026)
    out.write(f"{report} ({'lập mới' if created else 'đã có'})")
