"""All provinces side by side for the ministry: one row per agency, each indicator's value against the
agency's target, and the national total; each cell opens that agency's records."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from nangsuat.core.models import Agency
from nangsuat.core.permissions import require

from ..counting import scope_for, tallies
from ..definitions import INDICATORS
from ..forms import FigureFilters
from ..permissions import can_compare_agencies
from ..targets import targets_of


def agency_rows(user, *, year: int | None) -> tuple[list[dict], dict]:
    """One row per agency (its values and targets per indicator) and the national row (the distinct
    totals over every agency, never the sum of the rows for a distinct count)."""
    found = tallies(scope_for(user))
    agencies = list(Agency.objects.order_by("place_name", "name"))

    def value(t) -> int:
        return t.by_year.get(year, 0) if year else t.total

    rows = []
    for agency in agencies:
        targets = targets_of([agency.pk])
        cells = []
        for indicator in INDICATORS:
            t = found[indicator.code].per_agency.get(agency.pk)
            cells.append(
                {"code": indicator.code, "value": value(t) if t else 0, "target": targets[indicator.code]}
            )
        rows.append({"agency": agency, "cells": cells})
    targets = targets_of([a.pk for a in agencies])
    national = [
        {"code": i.code, "value": value(found[i.code]), "target": targets[i.code]} for i in INDICATORS
    ]
    return rows, {"cells": national}


@login_required
def ministry(request):
    require(can_compare_agencies(request.user))
    form = FigureFilters(request.GET, user=request.user)
    year = form.value("year")
    rows, national = agency_rows(request.user, year=year)
    return render(
        request,
        "indicators/ministry.html",
        {"form": form, "year": year, "rows": rows, "national": national, "indicators": INDICATORS},
    )
