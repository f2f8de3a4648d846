from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "nangsuat.budget"
    label = "budget"
    verbose_name = "Dự toán và kinh phí của Chương trình"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from nangsuat.core.audit import label_actions
        from nangsuat.core.navigation import NavItem, add_nav_item
        from nangsuat.core.roles import Role
        from nangsuat.dossiers.selectors import read_on_dossier_page
        from nangsuat.dossiers.terms import provide_call_terms

        from . import (
            effects,  # noqa: F401  registers the estimate's rules and the contract steps' commitments
            receivers,  # noqa: F401  tells who acts next on an estimate
        )
        from .norms import call_terms

        provide_call_terms(
            call_terms
        )  # a call's rate and ceiling from the support norm in force when it opens

        read_on_dossier_page("contract", "counterpart_fund")  # the page's funding panel, in its own statement
        readers = frozenset({Role.OFFICER, Role.DIRECTOR, Role.FINANCE, Role.ADMIN})
        add_nav_item(NavItem(_("Dự toán"), "budget:estimates", readers, "/budget/", "wallet", 49))
        label_actions(
            {
                "estimate.created": _("Lập dự toán"),
                "estimate.adjusted": _("Lập dự toán điều chỉnh"),
                "estimate.line_saved": _("Cập nhật dòng dự toán"),
                "estimate.line_deleted": _("Xóa dòng dự toán"),
                "budget.committed": _("Cam kết kinh phí hợp đồng"),
                "budget.paid": _("Chi thanh toán"),
                "budget.settled": _("Điều chỉnh cam kết theo quyết toán"),
                "budget.spent": _("Chi theo dự toán"),
                "budget.overrun_allowed": _("Cho phép vượt số dư dự toán"),
                "budget.counterpart_recorded": _("Ghi nhận vốn đối ứng"),
            }
        )
