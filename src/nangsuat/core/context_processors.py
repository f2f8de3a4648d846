from .navigation import items_for, split_menu


def navigation(request):
    items = items_for(getattr(request, "user", None), request.path)
    primary, more = split_menu(items)
    return {
        "nav_items": items,
        "nav_primary": primary,
        "nav_more": more,
        "nav_more_active": any(item["active"] for item in more),
    }
