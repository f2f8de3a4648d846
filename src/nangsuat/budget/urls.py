from django.urls import path

from .views import balances, counterpart, estimates

app_name = "budget"

urlpatterns = [
    path("", estimates.estimate_list, name="estimates"),
    path("estimates/<int:pk>/", estimates.estimate_detail, name="estimate"),
    path("estimates/<int:pk>/lines/", estimates.line_save, name="line_add"),
    path("estimates/<int:pk>/lines/<int:line_pk>/", estimates.line_save, name="line_edit"),
    path("estimates/<int:pk>/lines/<int:line_pk>/delete/", estimates.line_delete, name="line_delete"),
    path("estimates/<int:pk>/act/<slug:action>/", estimates.estimate_action, name="estimate_action"),
    path("estimates/<int:pk>/adjust/", estimates.estimate_adjust, name="estimate_adjust"),
    path("estimates/<int:pk>/xlsx/", estimates.estimate_xlsx, name="estimate_xlsx"),
    path("estimates/<int:pk>/docx/", estimates.estimate_docx, name="estimate_docx"),
    path("estimates/<int:pk>/appraisal.docx", estimates.appraisal_docx, name="appraisal_docx"),
    path("estimates/<int:pk>/appraisal.xlsx", estimates.appraisal_xlsx, name="appraisal_xlsx"),
    path("year/", balances.budget_year, name="year_current"),
    path("year/<int:year>/", balances.budget_year, name="year"),
    path("year/<int:year>/overrun/", balances.allow_overrun, name="allow_overrun"),
    path("year/<int:year>/spend/", balances.spend, name="spend"),
    path("counterpart/", counterpart.counterpart_list, name="counterpart_current"),
    path("counterpart/<int:year>/", counterpart.counterpart_list, name="counterpart_year"),
    path("counterpart/<int:year>/xlsx/", counterpart.counterpart_xlsx, name="counterpart_xlsx"),
    path("counterpart/dossiers/<int:dossier_pk>/", counterpart.counterpart_edit, name="counterpart_edit"),
]
