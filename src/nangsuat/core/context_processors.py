from django.urls import NoReverseMatch, reverse

from .navigation import NAV_ITEMS


def navigation(request):
    user = getattr(request, "user", None)
    items = []
    if user is not None and user.is_authenticated:
        for item in NAV_ITEMS:
            if user.role not in item.roles:
                continue
            try:
                url = reverse(item.url_name)
            except NoReverseMatch:
                continue
            active = bool(item.prefix) and request.path.startswith(item.prefix)
            items.append({"label": item.label, "url": url, "active": active})
    return {"nav_items": items}
