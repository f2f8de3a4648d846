from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "nangsuat.registry"
    label = "registry"
    verbose_name = "Sổ doanh nghiệp"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from nangsuat.core.audit import label_actions

        label_actions(
            {
                "enterprise.created": _("Tạo hồ sơ doanh nghiệp"),
                "enterprise.updated": _("Sửa thông tin doanh nghiệp"),
                "enterprise.imported": _("Nhập doanh nghiệp từ tệp"),
                "enterprise.import_started": _("Bắt đầu nhập danh sách doanh nghiệp"),
                "enterprise.year_set": _("Cập nhật số liệu năm"),
                "enterprise.year_deleted": _("Xóa số liệu năm"),
                "enterprise.contact_added": _("Thêm người liên hệ"),
                "enterprise.contact_removed": _("Xóa người liên hệ"),
                "membership.claimed": _("Đề nghị liên kết tài khoản với doanh nghiệp"),
                "membership.confirmed": _("Xác nhận tài khoản đại diện doanh nghiệp"),
                "membership.rejected": _("Từ chối tài khoản đại diện doanh nghiệp"),
                "membership.pending": _("Đưa yêu cầu liên kết về chờ xác nhận"),
            }
        )
