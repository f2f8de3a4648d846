"""The project's routes, read from the URL configuration and the API's OpenAPI document, with sample ids
filled in from the world."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from nangsuat.api.site import api

# Namespaces of the project's page routes; allauth's and Django's admin are not ours to tabulate (the
# admin site is tested on its own), the JSON API is read from its OpenAPI document below.
FOREIGN_NAMESPACES = {"admin", "api"}
API_PREFIX = "/api/v1"
_PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", the key of the expected table
    pattern: str  # "dossiers/<int:pk>/"

    @property
    def namespace(self) -> str:
        return self.name.split(":", 1)[0] if ":" in self.name else ""

    def url(self, ids: dict) -> str:
        """The route's path with each parameter taken from ``ids``: ``"pk:dossiers:call"`` for the ``pk``
        of the routes named ``dossiers:call…``, else ``"pk:dossiers"`` for the namespace's, else ``"pk"``
        (the longest prefix of the route's name wins)."""

        def value(match: re.Match) -> str:
            param = match["name"]
            keys = [k for k in ids if k == param or (k.startswith(f"{param}:") and self._named(k, param))]
            return str(ids[max(keys, key=len)])

        return "/" + _PARAM.sub(value, self.pattern)

    def _named(self, key: str, param: str) -> bool:
        return self.name.startswith(key.removeprefix(f"{param}:"))


def _walk(patterns, prefix: str = "", namespace: str | None = None):
    for p in patterns:
        if isinstance(p, URLResolver):
            inner = p.namespace or namespace
            if p.namespace and namespace:
                inner = f"{namespace}:{p.namespace}"
            yield from _walk(p.url_patterns, prefix + str(p.pattern), inner)
        elif isinstance(p, URLPattern) and p.name:
            yield (f"{namespace}:{p.name}" if namespace else p.name), prefix + str(p.pattern), p.callback


def page_routes() -> list[Route]:
    """Every named route of the project's apps: namespaced ones outside FOREIGN_NAMESPACES, and routes
    without a namespace answered by a view of the project (``mfa_activate_totp``)."""
    routes = {}
    for name, pattern, callback in _walk(get_resolver().url_patterns):
        namespace = name.split(":", 1)[0] if ":" in name else ""
        ours = (
            namespace not in FOREIGN_NAMESPACES
            if namespace
            else getattr(callback, "__module__", "").startswith("nangsuat.")
        )
        if ours and name not in routes:  # the first route of a name is the one reverse() gives
            routes[name] = Route(name, pattern)
    return sorted(routes.values(), key=lambda r: r.name)


@dataclass(frozen=True)
class Operation:
    method: str
    path: str  # "/api/v1/dossiers/{dossier_id}"

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"

    def url(self, ids: dict) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: str(ids[m[1]]), self.path)


def api_operations() -> list[Operation]:
    """Every operation of the API's OpenAPI document."""
    schema = api.get_openapi_schema()
    return sorted(
        (Operation(method.upper(), path) for path, item in schema["paths"].items() for method in item),
        key=lambda o: o.key,
    )
