"""The JSON API under /api/v1/: one NinjaAPI, one router per app, all calling the apps' services."""

from django.urls import path
from ninja import NinjaAPI

api = NinjaAPI(
    title="Chương trình 1322 — API",
    version="1",
    description="API tích hợp của nền tảng quản lý Chương trình 1322 (Kế hoạch 14/KH-UBND).",
    urls_namespace="api",
)
api.add_router("/enterprises", "nangsuat.registry.api.router")
api.add_router("/", "nangsuat.dossiers.api.router")
api.add_router("/councils", "nangsuat.councils.api.router")
api.add_router("/", "nangsuat.contracts.api.router")
api.add_router("/documents", "nangsuat.documents.api.router")

urlpatterns = [path("", api.urls)]
