from django.urls import path

from .views import courses, imports, records, registration

app_name = "activities"
urlpatterns = [
    path("", courses.index, name="index"),
    path("courses/<int:pk>/", courses.course_detail, name="course_detail"),
    path("courses/<int:pk>/participants/", courses.participant_add, name="participant_add"),
    path(
        "courses/<int:pk>/participants/<int:participation_pk>/edit/",
        courses.participant_edit,
        name="participant_edit",
    ),
    path(
        "courses/<int:pk>/participants/<int:participation_pk>/delete/",
        courses.participant_delete,
        name="participant_delete",
    ),
    path(
        "courses/<int:pk>/participants/<int:participation_pk>/attendance/",
        registration.participant_attendance,
        name="participant_attendance",
    ),
    path("registration/", registration.registration, name="registration"),
    path("registration/<int:pk>/", registration.register, name="register"),
    path("courses/<int:pk>/import/", imports.import_start, name="import_start"),
    path("import/template.xlsx", imports.import_template, name="import_template"),
    path("import/<int:pk>/", imports.import_job, name="import_job"),
    path("import/<int:pk>/errors.xlsx", imports.import_errors, name="import_errors"),
    path("events/<int:pk>/", records.event_detail, name="event_detail"),
    path("events/<int:pk>/enterprises/", records.event_reach, name="event_reach"),
    path("events/<int:pk>/enterprises/<int:link_pk>/delete/", records.event_unreach, name="event_unreach"),
    path("<slug:kind>/", records.record_list, name="record_list"),
    path("<slug:kind>/export.xlsx", records.record_export, name="record_export"),
    path("<slug:kind>/new/", records.record_create, name="record_create"),
    path("<slug:kind>/<int:pk>/edit/", records.record_edit, name="record_edit"),
    path("<slug:kind>/<int:pk>/delete/", records.record_delete, name="record_delete"),
]
