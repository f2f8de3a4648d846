"""The rows the dashboard benchmark reads, generated straight into PostgreSQL with COPY: N enterprises,
N/10 support dossiers (contracts, acceptances, liquidations, payments as their states have them) and N/20
course participants, with the courses, events, certificates, experts and awards of a programme five years
in. Everything belongs to the bench agency ("bench-dashboard"), removed and rebuilt on each run."""

import datetime as dt
import random
from collections.abc import Iterable

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from nangsuat.activities.models import (
    Award,
    ConformityCertificate,
    Course,
    Event,
    EventEnterprise,
    Expert,
    Participation,
    Person,
    SystemCertificate,
)
from nangsuat.contracts.models import Acceptance, Liquidation, Payment, SupportContract
from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.dossiers.models import Call, Dossier
from nangsuat.dossiers.receivers import copy_names
from nangsuat.dossiers.services import calls as call_services
from nangsuat.dossiers.states import State
from nangsuat.reference.models import SupportContent
from nangsuat.registry.models import Enterprise

from .registry import ensure_reference

AGENCY = {
    "code": "bench-dashboard",
    "name": "Sở KH&CN (đo hiệu năng bảng điều hành)",
    "parent_body": "UBND (đo hiệu năng)",
    "province_code": "92",
    "place_name": "Cần Thơ",
    "doc_symbol": "SKHCN",
}
YEARS = (2026, 2027, 2028, 2029, 2030)
STATE_WEIGHTS = {
    State.SUBMITTED: 10,
    State.NEEDS_SUPPLEMENT: 3,
    State.VALID: 5,
    State.INVALID: 5,
    State.SURVEYED: 4,
    State.IN_COUNCIL: 4,
    State.RECOMMENDED: 3,
    State.NOT_RECOMMENDED: 5,
    State.PROPOSED: 3,
    State.APPROVED: 3,
    State.ASSIGNED: 3,
    State.CONTRACTED: 6,
    State.IN_PROGRESS: 9,
    State.COMPLETION_REQUESTED: 3,
    State.INSPECTED: 2,
    State.ACCEPTED: 4,
    State.NOT_ACCEPTED: 1,
    State.LIQUIDATED: 4,
    State.PAID: 12,
    State.WITHDRAWN: 3,
    State.TERMINATED: 2,
}
CONTRACTED = {
    State.CONTRACTED,
    State.IN_PROGRESS,
    State.COMPLETION_REQUESTED,
    State.INSPECTED,
    State.ACCEPTED,
    State.NOT_ACCEPTED,
    State.LIQUIDATED,
    State.PAID,
    State.TERMINATED,
}
ACCEPTED = {State.ACCEPTED, State.NOT_ACCEPTED, State.LIQUIDATED, State.PAID, State.TERMINATED}


def copy_rows(model, rows: Iterable[dict]) -> int:
    """COPY ``rows`` (field attname → value) into ``model``'s table; a field not given takes its default
    (``auto_now`` ones: now). Returns the count."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    now = timezone.now()
    defaults = {}
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            defaults[f.attname] = now
        elif f.has_default():
            defaults[f.attname] = f.get_default()
        else:
            defaults[f.attname] = (
                "" if (not f.null and f.get_internal_type() in ("CharField", "TextField")) else None
            )
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    count = 0
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row([row.get(f.attname, defaults[f.attname]) for f in fields])
            count += 1
    return count


def _ids(model, **filters) -> list[int]:
    return list(model.objects.filter(**filters).order_by("pk").values_list("pk", flat=True))


def clear_previous(agency: Agency) -> None:
    """The bench agency's rows, children first, in plain SQL (a million enterprises)."""
    a = agency.pk
    dossiers = "SELECT id FROM dossiers_dossier WHERE agency_id = %s"
    contracts = "SELECT id FROM contracts_supportcontract WHERE agency_id = %s"
    statements = [
        f"DELETE FROM contracts_payment WHERE contract_id IN ({contracts})",
        f"DELETE FROM contracts_liquidation WHERE contract_id IN ({contracts})",
        f"DELETE FROM contracts_acceptance WHERE contract_id IN ({contracts})",
        "DELETE FROM contracts_supportcontract WHERE agency_id = %s",
        f"DELETE FROM activities_systemcertificate WHERE agency_id = %s OR dossier_id IN ({dossiers})",
        "DELETE FROM activities_participation WHERE course_id IN (SELECT id FROM activities_course WHERE agency_id = %s)",
        "DELETE FROM activities_evententerprise WHERE event_id IN (SELECT id FROM activities_event WHERE agency_id = %s)",
        "DELETE FROM activities_expert WHERE agency_id = %s",
        "DELETE FROM activities_course WHERE agency_id = %s",
        "DELETE FROM activities_event WHERE agency_id = %s",
        "DELETE FROM activities_conformitycertificate WHERE agency_id = %s",
        "DELETE FROM activities_award WHERE agency_id = %s",
        "DELETE FROM activities_person WHERE agency_id = %s",
        "DELETE FROM dossiers_dossier WHERE agency_id = %s",
    ]
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql, [a] * sql.count("%s"))
    for model in apps.get_models():  # the calls' own rows (contents, rubric, priority rules)
        for f in model._meta.get_fields():
            if getattr(f, "related_model", None) is Call and f.many_to_one:
                model.objects.filter(**{f"{f.name}__agency": agency}).delete()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE agency_id = %s", [a])
        cursor.execute("DELETE FROM dossiers_call WHERE agency_id = %s", [a])
        cursor.execute("DELETE FROM registry_enterprise WHERE agency_id = %s", [a])


def people(agency: Agency) -> dict[str, User]:
    found = {}
    for role in (Role.OFFICER, Role.DIRECTOR):
        found[role], _ = User.objects.get_or_create(
            username=f"bench-dashboard-{role}",
            defaults={"role": role, "agency": agency, "full_name": f"Đo {role}"},
        )
    return found


def _day(rng: random.Random, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))


def copy_dossiers(
    agency: Agency,
    ent: list[int],
    dossiers: int,
    *,
    officer: User,
    rng: random.Random,
    out,
    code_prefix: str = "BD",
) -> list:
    """Five calls (2026–2030) and ``dossiers`` dossiers of the enterprises ``ent`` in a programme's spread of
    states and support contents, with the contracts, acceptances, liquidations and payments their states
    have, all by COPY (tracking codes ``<code_prefix>-<year>-<n>``); returns the support contents used."""
    contents = list(SupportContent.objects.filter(is_active=True)[:8]) or [
        SupportContent.objects.get_or_create(code=f"bench-{i}", defaults={"name": name})[0]
        for i, name in enumerate(("ISO 9001", "5S", "Lean", "HACCP"))
    ]
    calls = [
        call_services.create_call(
            agency=agency,
            actor=officer,
            year=year,
            title=f"Đợt đăng ký hỗ trợ năm {year}",
            budget_vnd=50_000_000_000,
            contents=[{"content": c} for c in contents],
        )
        for year in YEARS
    ]
    out.write(f"{dossiers:,} hồ sơ với hợp đồng, nghiệm thu, thanh lý, thanh toán (COPY)…\n")
    today = timezone.localdate()
    states, weights = list(STATE_WEIGHTS), list(STATE_WEIGHTS.values())
    drawn = [rng.choices(states, weights)[0] for _ in range(dossiers)]
    now = timezone.now()
    with transaction.atomic():
        copy_rows(
            Dossier,
            (
                {
                    "agency_id": agency.pk,
                    "call_id": calls[n % len(calls)].pk,
                    "enterprise_id": rng.choice(ent),
                    "content_id": contents[n % len(contents)].pk,
                    "state": state,
                    "tracking_code": f"{code_prefix}-{YEARS[n % len(YEARS)]}-{n:07d}",
                    "title": f"Áp dụng hệ thống quản lý {n}",
                    "total_cost_vnd": 300_000_000,
                    "requested_support_vnd": 100_000_000 + (n % 5) * 10_000_000,
                    "submitted_at": now,
                    "state_changed_at": now,
                    "due_on": today + dt.timedelta(days=rng.randint(-20, 30))
                    if state in (State.SUBMITTED, State.NEEDS_SUPPLEMENT, State.ASSIGNED)
                    else None,
                    "form_snapshot": "{}",
                }
                for n, state in enumerate(drawn)
            ),
        )
        copy_names(Dossier.objects.filter(agency=agency))
        rows = list(
            Dossier.objects.filter(agency=agency, state__in=CONTRACTED).values_list(
                "pk", "state", "call__year"
            )
        )
        deadlines = {pk: today + dt.timedelta(days=rng.randint(-60, 300)) for pk, _state, _year in rows}
        copy_rows(
            SupportContract,
            (
                {
                    "agency_id": agency.pk,
                    "dossier_id": pk,
                    "number": f"{pk}/HĐ-ĐO",
                    "signed_on": deadlines[pk] - dt.timedelta(days=200),
                    "amount_vnd": 90_000_000,
                    "deliverables": "Chứng nhận ISO 9001:2015",
                    "deadline": deadlines[pk],
                }
                for pk, _state, _year in rows
            ),
        )
        contract_of = dict(SupportContract.objects.filter(agency=agency).values_list("dossier_id", "pk"))
        accepted = [(contract_of[pk], state, year) for pk, state, year in rows if state in ACCEPTED]
        copy_rows(
            Acceptance,
            (
                {
                    "contract_id": c,
                    "rating": "Đạt" if state != State.NOT_ACCEPTED else "Không đạt",
                    "passed": state != State.NOT_ACCEPTED,
                    "minutes_date": _day(rng, year),
                }
                for c, state, year in accepted
            ),
        )
        settled = [(c, year) for c, state, year in accepted if state in (State.LIQUIDATED, State.PAID)]
        copy_rows(
            Liquidation,
            (
                {"contract_id": c, "final_amount_vnd": 85_000_000, "liquidated_on": _day(rng, year)}
                for c, year in settled
            ),
        )
        paid = [(contract_of[pk], year) for pk, state, year in rows if state == State.PAID]
        copy_rows(
            Payment,
            (
                {
                    "contract_id": c,
                    "amount_vnd": 85_000_000,
                    "paid_on": _day(rng, year),
                    "reference": f"UNC-{c}",
                }
                for c, year in paid
            ),
        )
    return contents


def generate(
    agency: Agency, *, enterprises: int, dossiers: int, participants: int, out, seed: int = 1322
) -> dict:
    rng = random.Random(seed)
    wards, vsic_by_section = ensure_reference()
    vsic = [(s, codes[0]) for s, codes in vsic_by_section.items()]
    sizes = ["micro", "micro", "small", "small", "medium", "large"]
    out.write(f"{enterprises:,} doanh nghiệp (COPY)…\n")
    with transaction.atomic():
        copy_rows(
            Enterprise,
            (
                {
                    "agency_id": agency.pk,
                    "tax_code": f"7{n:09d}",
                    "name": f"Công ty TNHH Đo chỉ tiêu {n}",
                    "kind": "company",
                    "vsic_id": vsic[n % len(vsic)][1],
                    "vsic_section": vsic[n % len(vsic)][0],
                    "ward_id": wards[n % len(wards)][0],
                    "size_class": sizes[n % len(sizes)],
                    "search_text": f"cong ty tnhh do chi tieu {n} 7{n:09d}",
                }
                for n in range(enterprises)
            ),
        )
    ent = _ids(Enterprise, agency=agency)
    officer = people(agency)[Role.OFFICER]
    contents = copy_dossiers(agency, ent, dossiers, officer=officer, rng=rng, out=out)
    out.write(f"{participants:,} học viên, khóa học, hoạt động, chứng nhận (COPY)…\n")
    with transaction.atomic():
        n_courses = max(10, participants // 50)
        kinds = ["manager", "manager", "awareness", "expert", "other"]
        copy_rows(
            Course,
            (
                {
                    "agency_id": agency.pk,
                    "title": f"Khóa đào tạo đo hiệu năng {n}",
                    "kind": kinds[n % len(kinds)],
                    "year": YEARS[n % len(YEARS)],
                    "starts_on": _day(rng, YEARS[n % len(YEARS)]),
                    "ends_on": _day(rng, YEARS[n % len(YEARS)]),
                    "registration_open": False,
                }
                for n in range(n_courses)
            ),
        )
        courses = _ids(Course, agency=agency)
        copy_rows(
            Person,
            (
                {"agency_id": agency.pk, "full_name": f"Học viên {n}", "name_key": f"hoc vien {n}|"}
                for n in range(participants)
            ),
        )
        persons = _ids(Person, agency=agency)

        def participations():
            for n, person in enumerate(persons):
                for course in rng.sample(courses, 2 if n % 3 == 0 else 1):  # a third attend two courses
                    yield {
                        "course_id": course,
                        "person_id": person,
                        "full_name": f"Học viên {n}",
                        "is_manager": n % 4 != 0,
                        "enterprise_id": rng.choice(ent),
                        "attended": n % 13 != 0,
                        "registered_online": False,
                    }

        counts = {"participations": copy_rows(Participation, participations())}
        n_events = max(10, enterprises // 2000)
        copy_rows(
            Event,
            (
                {
                    "agency_id": agency.pk,
                    "title": f"Hội nghị phổ biến {n}",
                    "kind": "conference",
                    "held_on": _day(rng, YEARS[n % len(YEARS)]),
                }
                for n in range(n_events)
            ),
        )
        events = _ids(Event, agency=agency)
        counts["event_links"] = copy_rows(
            EventEnterprise,
            ({"event_id": e, "enterprise_id": x} for e in events for x in rng.sample(ent, 600)),
        )
        counts["systems"] = copy_rows(
            SystemCertificate,
            (
                {
                    "agency_id": agency.pk,
                    "enterprise_id": rng.choice(ent),
                    "content_id": contents[n % len(contents)].pk,
                    "certificate_number": f"HT-{n}",
                    "issued_on": _day(rng, YEARS[n % len(YEARS)]),
                }
                for n in range(enterprises // 30)
            ),
        )
        groups = ["Gạo", "Nước mắm", "Cá tra", "Bánh tráng", "Trái cây sấy", "Phân bón"]
        counts["conformity"] = copy_rows(
            ConformityCertificate,
            (
                {
                    "agency_id": agency.pk,
                    "enterprise_id": ent[n % 5000],
                    "kind": "standard" if n % 2 else "regulation",
                    "product_group": groups[n % len(groups)],
                    "product_group_key": groups[n % len(groups)].lower(),
                    "standard_code": "TCVN",
                    "issued_on": _day(rng, YEARS[n % len(YEARS)]),
                }
                for n in range(enterprises // 100)
            ),
        )
        counts["experts"] = copy_rows(
            Expert,
            (
                {
                    "agency_id": agency.pk,
                    "person_id": persons[n % (len(persons) // 2)],
                    "certificate_number": f"CG-{n}",
                    "certified_on": _day(rng, YEARS[n % len(YEARS)]),
                    "level": "national",
                }
                for n in range(max(10, participants // 50))
            ),
        )
        counts["awards"] = copy_rows(
            Award,
            (
                {
                    "agency_id": agency.pk,
                    "kind": "national_quality",
                    "year": YEARS[n % len(YEARS)],
                    "title": "Giải thưởng Chất lượng Quốc gia",
                    "enterprise_id": ent[(n * 7) % len(ent)],
                }
                for n in range(max(10, enterprises // 2000))
            ),
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return counts
