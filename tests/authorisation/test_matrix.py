"""The authorisation matrix: every page route of the project (read from the URL configuration) and every
read of the API (from its OpenAPI document), requested as anonymous and as each role, against the answers
written below. A route or an operation without an entry fails: whoever adds one writes here what each role
gets.

Pages are requested with GET only: a page that only takes a POST answers 405 (or the sign-in redirect to
anonymous), and what a POST does is for each app's own tests. The API likewise: its GET operations here;
its writes are listed in ``API_WRITES`` with the tests that refuse them to the wrong roles.

The sample ids come from ``world.build_world``: the enterprise represented by the ``enterprise`` account has
a dossier in the council (whose ``council`` member has declared no conflict) and a contract; every staff
account belongs to Cần Thơ, the ministry's to no agency.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from tests.api.conftest import ApiClient

from .routes import api_operations, page_routes
from .world import ANONYMOUS, ROLES, build_world

pytestmark = pytest.mark.django_db

SIGN_IN = 302  # a page sends anonymous visitors to the sign-in
NOT_SIGNED_IN = 401  # the API answers them 401
STAFF = ("officer", "director", "council", "finance", "city", "ministry", "admin")


def answers(default: int, *, anonymous: int = SIGN_IN, **by_role: int) -> dict[str, int]:
    """Each role's status: ``default`` unless the role is named (``anonymous``: the sign-in redirect)."""
    unknown = set(by_role) - set(ROLES)
    assert not unknown, unknown
    return {ANONYMOUS: anonymous, **{role: by_role.get(role, default) for role in ROLES[1:]}}


def everyone(status: int) -> dict[str, int]:
    return answers(status, anonymous=status)


POST_ONLY = answers(405)  # login_required first: anonymous is sent to sign in
READERS = dict(council=403, enterprise=403)  # the agency's readers: every staff role but council members

PAGES: dict[str, dict[str, int]] = {
    # Public pages.
    "portal:home": everyone(200),
    "healthz": everyone(200),
    "readyz": everyone(200),
    "metrics": everyone(404),  # off unless METRICS_ENABLED, and then for METRICS_ALLOWED_IPS only
    "dossiers:public_lookup": everyone(200),
    # The public list of supported enterprises and the published good-practice models (nothing personal).
    "public:supported": everyone(200),
    "public:supported_export": everyone(200),
    "public:cases": everyone(200),
    "public:case": everyone(200),
    "public:photo": everyone(200),
    "public:enterprise": everyone(200),
    # Anyone signed in.
    "core:dashboard": answers(200),
    "notifications:list": answers(200),
    "notifications:bell": answers(200),
    "notifications:mark_read": POST_ONLY,
    "notifications:email_preference": POST_ONLY,
    "notifications:open": answers(404, officer=302),  # one's own notification only, opened at its target
    "api_tokens:list": answers(200),
    "profile:index": answers(200),
    "api_tokens:revoke": POST_ONLY,
    # TOTP enrolment: answered by the sign-in's own flow (the accounts' second-factor page).
    "mfa_activate_totp": answers(302),
    # Staff accounts: administrators only.
    "accounts:staff_list": answers(403, admin=200),
    "accounts:staff_create": answers(403, admin=200),
    "accounts:staff_set_active": POST_ONLY,
    "accounts:staff_reset_mfa": POST_ONLY,
    # The registry: the agency's readers; a council member the enterprises of the dossiers they may open;
    # an enterprise its own record.
    "registry:index": answers(302),
    "registry:enterprise_list": answers(200, **READERS),
    "registry:enterprise_export": answers(200, **READERS),
    "registry:enterprise_detail": answers(200),
    "registry:enterprise_create": answers(403, officer=200, director=200, admin=200),
    "registry:enterprise_edit": answers(403, enterprise=200, officer=200, director=200, admin=200),
    "registry:enterprise_year": POST_ONLY,
    "registry:enterprise_year_delete": POST_ONLY,
    "registry:contact_add": POST_ONLY,
    "registry:contact_delete": POST_ONLY,
    "registry:my_enterprise": answers(403, enterprise=200),
    "registry:membership_queue": answers(403, officer=200, director=200, admin=200),
    "registry:membership_decide": POST_ONLY,
    "registry:import_start": answers(403, officer=200, director=200, admin=200),
    "registry:import_template": answers(403, officer=200, director=200, admin=200),
    "registry:import_job": answers(403, officer=200, director=200, admin=200),
    # The job finished without an error file: nothing to download, for those who may see the job.
    "registry:import_errors": answers(403, officer=404, director=404, admin=404),
    # Calls and dossiers.
    "dossiers:call_list": answers(200),
    "dossiers:call_detail": answers(200),
    "dossiers:call_create": answers(403, officer=200, director=200, admin=200),
    "dossiers:call_edit": answers(403, officer=200, director=200, admin=200),
    "dossiers:call_publish": answers(302),  # a GET goes back to the call
    "dossiers:dossier_start": answers(403, enterprise=404),  # the enterprise's own, in an open call only
    "dossiers:support_hint": answers(403, enterprise=404),  # like the form it serves: an open call only
    "dossiers:dossier_list": answers(200),
    "dossiers:dossier_export": answers(200),
    "dossiers:tasks": answers(200),
    "dossiers:dossier_detail": answers(200),
    "dossiers:dossier_edit": answers(403),  # the enterprise, on a draft or a supplement only
    "dossiers:attachment_upload": answers(302),  # a GET goes back to the dossier
    "dossiers:attachment_download": answers(200),
    "dossiers:attachment_remove": answers(302),
    "dossiers:photo_download": answers(200),
    "dossiers:eligibility": answers(403, officer=200, director=200),
    "dossiers:duplicate_override": answers(302),
    # Comments: only the roles that act on a dossier (a GET goes back to the dossier).
    "dossiers:comment_add": answers(403, enterprise=302, officer=302, director=302),
    # The council's recommendation: the secretary, or an officer for them.
    "dossiers:dossier_action": answers(403, officer=200),
    # Councils: their members, the agency's officers and directors, administrators, the ministry.
    "councils:index": answers(200, enterprise=403, city=403),
    "councils:create": answers(403, officer=200),
    "councils:detail": answers(200, enterprise=404, finance=404, city=404),
    "councils:member_add": POST_ONLY,
    "councils:member_remove": POST_ONLY,
    "councils:sheet": answers(404, council=200),  # one's own sheet
    "councils:sheet_declare": POST_ONLY,
    "councils:sheet_score": POST_ONLY,
    "councils:decide": POST_ONLY,
    # Every member's sheet, only once the result is closed (not yet here).
    "councils:sheets": answers(403, enterprise=404, finance=404, city=404),
    # Contracts: their enterprise and the agency's readers; not council members.
    "contracts:list": answers(200, council=403),
    "contracts:export": answers(200, council=403),
    "contracts:detail": answers(200, council=404),
    "contracts:report_file": answers(200, council=404),
    "contracts:evidence_file": answers(200, council=404),
    "contracts:decision_file": answers(404),  # no city decision file recorded
    "contracts:progress_add": POST_ONLY,
    "contracts:completion_request": answers(403, enterprise=200, council=404),
    # The budget: the Department, Finance (once an estimate is sent to it: the sample is) and administrators
    # of the agency; nobody else learns it exists.
    "budget:estimates": answers(404, officer=200, director=200, finance=200, admin=200),
    "budget:estimate": answers(404, officer=200, director=200, finance=200, admin=200),
    "budget:estimate_xlsx": answers(404, officer=200, director=200, finance=200, admin=200),
    "budget:estimate_docx": answers(404, officer=200, director=200, finance=200, admin=200),
    "budget:appraisal_docx": answers(404),  # the sample is not appraised yet
    "budget:appraisal_xlsx": answers(404),
    "budget:year_current": answers(404, officer=200, director=200, finance=200, admin=200),
    "budget:year": answers(404, officer=200, director=200, finance=200, admin=200),
    "budget:line_add": POST_ONLY,
    "budget:line_edit": POST_ONLY,
    "budget:line_delete": POST_ONLY,
    "budget:estimate_action": POST_ONLY,
    "budget:estimate_adjust": POST_ONLY,
    "budget:allow_overrun": POST_ONLY,
    "budget:spend": POST_ONLY,
    # The enterprises' counterpart funds: the budget's readers read, the officer records (the others 403).
    "budget:counterpart_current": answers(404, officer=200, director=200, finance=200, admin=200),
    "budget:counterpart_year": answers(404, officer=200, director=200, finance=200, admin=200),
    "budget:counterpart_xlsx": answers(404, officer=200, director=200, finance=200, admin=200),
    "budget:counterpart_edit": answers(404, officer=200, director=403, finance=403, admin=403),
    # The list proposed to the city.
    "submissions:index": answers(200, enterprise=403, council=403, finance=403),
    "submissions:call": answers(200, enterprise=404, council=404, finance=404),
    "submissions:total": answers(200, enterprise=404, council=404, finance=404),
    "submissions:export": answers(200, enterprise=404, council=404, finance=404),
    "submissions:propose": POST_ONLY,
    "submissions:decision": answers(403, enterprise=404, officer=200, council=404, finance=404),
    "submissions:decision_draft": answers(200, enterprise=404, council=404, finance=404),
    "submissions:decision_draft_pdf": answers(404),
    # The document register: the sample is a document of the contract's dossier that its enterprise
    # does not receive.
    "documents:register": answers(200, council=403),
    "documents:register_mine": answers(200, council=403),
    "documents:export": answers(200, council=403),
    "documents:profile": answers(403, director=200, admin=200),
    "documents:download": answers(200, enterprise=404),
    "documents:download_pdf": answers(200, enterprise=404),
    "documents:redraw_pdf": POST_ONLY,
    # A member's scoring sheet (B8): the member once declared; staff once the council's result is closed.
    "documents:score_sheet": answers(404, council=200),
    "documents:score_sheet_pdf": answers(404),
    # Programme activities: the agency's readers read, officers and administrators write; an enterprise
    # reads the course and the event it took part in; council members read none.
    "activities:index": answers(302, council=403),
    "activities:record_list": answers(200, council=403),
    "activities:record_export": answers(200, council=403),
    "activities:record_create": answers(403, officer=200, admin=200),
    "activities:record_edit": answers(403, officer=200, admin=200),
    "activities:record_delete": answers(403, officer=200, admin=200),  # a GET asks to confirm
    "activities:course_detail": answers(200, council=403),
    "activities:participant_add": POST_ONLY,
    "activities:participant_delete": answers(403, officer=200, admin=200),
    "activities:participant_attendance": POST_ONLY,
    "activities:participant_edit": answers(403, officer=200, admin=200),
    "activities:registration": answers(403, enterprise=200),  # an enterprise registers its people
    "activities:register": POST_ONLY,
    "activities:import_start": answers(403, officer=200, admin=200),
    "activities:import_template": answers(403, officer=200, admin=200),
    "activities:import_job": answers(403, officer=200, admin=200),
    "activities:import_errors": answers(403, officer=404, admin=404),  # no error file
    "activities:event_detail": answers(200, council=403),
    "activities:event_reach": POST_ONLY,
    "activities:event_unreach": POST_ONLY,
    # Good-practice models: the Department (officers, directors) and administrators of the agency.
    "showcase:case_list": answers(403, officer=200, director=200, admin=200),
    "showcase:case_create": answers(403, officer=200, director=200, admin=200),
    "showcase:case_edit": answers(403, officer=200, director=200, admin=200),
    "showcase:photo_add": POST_ONLY,
    "showcase:photo_preview": answers(403, officer=200, director=200, admin=200),
    "showcase:photo_remove": POST_ONLY,
    "showcase:consent": POST_ONLY,
    "showcase:consent_file": answers(403, officer=200, director=200, admin=200),
    "showcase:publish": POST_ONLY,
    "showcase:withdraw": POST_ONLY,
    # Reports on the plan: the Department drafts and reads all of its agency's; the city reads the signed ones
    # addressed to it (the sample: a signed annual report), the ministry the signed reports to the ministry.
    "reports:list": answers(403, officer=200, director=200, city=200, ministry=200),
    "reports:create": answers(403, officer=200, director=200),
    "reports:detail": answers(403, officer=200, director=200, city=200, ministry=404),
    "reports:docx": answers(403, officer=200, director=200, city=200, ministry=404),
    "reports:xlsx": answers(403, officer=200, director=200, city=200, ministry=404),
    "reports:sign": answers(403, officer=302, director=302, city=302, ministry=404),  # signed: back to it
    # The dashboard of the plan's indicators: the agency's readers (the ministry every agency's); the
    # targets: the agency's director or administrator; the provinces side by side: the ministry.
    "indicators:dashboard": answers(200, **READERS),
    "indicators:records": answers(200, **READERS),
    "indicators:export": answers(200, **READERS),
    "indicators:dossiers": answers(200, **READERS),
    "indicators:targets": answers(403, director=200, admin=200),
    "indicators:provinces": answers(403, ministry=200),
    # The productivity database: the benchmark table is public (small cells suppressed outside the agency's
    # staff); an enterprise's figures are read as the enterprise is; the import is the registry managers'.
    "productivity:benchmarks": everyone(200),
    "productivity:benchmark_export": everyone(200),
    "productivity:enterprise": answers(200),
    "productivity:import_start": answers(403, officer=200, director=200, admin=200),
    "productivity:import_template": answers(403, officer=200, director=200, admin=200),
    "productivity:import_job": answers(403, officer=200, director=200, admin=200),
    "productivity:import_errors": answers(403, officer=404, director=404, admin=404),  # no error file
}

API_READS: dict[str, dict[str, int]] = {
    "GET /api/v1/auth/me": answers(200, anonymous=NOT_SIGNED_IN),
    "GET /api/v1/enterprises": answers(200, anonymous=NOT_SIGNED_IN),  # each sees its own scope
    "GET /api/v1/enterprises/{enterprise_id}": answers(200, anonymous=NOT_SIGNED_IN),
    "GET /api/v1/calls": answers(200, anonymous=NOT_SIGNED_IN),
    "GET /api/v1/calls/{call_id}": answers(200, anonymous=NOT_SIGNED_IN),
    "GET /api/v1/dossiers": answers(200, anonymous=NOT_SIGNED_IN),
    "GET /api/v1/dossiers/{dossier_id}": answers(200, anonymous=NOT_SIGNED_IN),
    "GET /api/v1/dossiers/{dossier_id}/attachments/{attachment_id}": answers(200, anonymous=NOT_SIGNED_IN),
    "GET /api/v1/dossiers/{dossier_id}/history": answers(200, anonymous=NOT_SIGNED_IN),
    "GET /api/v1/dossiers/{dossier_id}/eligibility": answers(
        403, anonymous=NOT_SIGNED_IN, officer=200, director=200
    ),
    # The public lookup needs the enterprise's tax code too: without it, nobody learns anything.
    "GET /api/v1/public/dossiers/{tracking_code}": everyone(404),
    "GET /api/v1/public/supported": everyone(200),  # the public list: anyone, nothing personal
    "GET /api/v1/enterprises/{enterprise_id}/productivity": answers(200, anonymous=NOT_SIGNED_IN),
    "GET /api/v1/productivity/benchmarks": everyone(200),  # small cells suppressed but for the staff
    "GET /api/v1/councils": answers(200, anonymous=NOT_SIGNED_IN),
    "GET /api/v1/councils/{council_id}": answers(
        200, anonymous=NOT_SIGNED_IN, enterprise=404, finance=404, city=404
    ),
    "GET /api/v1/councils/{council_id}/dossiers": answers(
        200, anonymous=NOT_SIGNED_IN, enterprise=404, finance=404, city=404
    ),
    "GET /api/v1/councils/{council_id}/results": answers(
        200, anonymous=NOT_SIGNED_IN, enterprise=404, finance=404, city=404
    ),
    "GET /api/v1/councils/{council_id}/dossiers/{dossier_id}/score": answers(
        403, anonymous=NOT_SIGNED_IN, enterprise=404, council=200, finance=404, city=404
    ),
    "GET /api/v1/contracts": answers(200, anonymous=NOT_SIGNED_IN),
    "GET /api/v1/contracts/{contract_id}": answers(200, anonymous=NOT_SIGNED_IN, council=404),
    "GET /api/v1/documents": answers(200, anonymous=NOT_SIGNED_IN),
    "GET /api/v1/documents/{document_id}": answers(200, anonymous=NOT_SIGNED_IN, enterprise=404),
    "GET /api/v1/documents/{document_id}/{fmt}": answers(200, anonymous=NOT_SIGNED_IN, enterprise=404),
    "GET /api/v1/trainings": answers(200, anonymous=NOT_SIGNED_IN, council=403),
    "GET /api/v1/trainings/{training_id}/participants": answers(200, anonymous=NOT_SIGNED_IN, council=403),
    "GET /api/v1/experts": answers(200, anonymous=NOT_SIGNED_IN, council=403),
    "GET /api/v1/events": answers(200, anonymous=NOT_SIGNED_IN, council=403),
    "GET /api/v1/events/{event_id}/enterprises": answers(200, anonymous=NOT_SIGNED_IN, council=403),
    "GET /api/v1/certifications": answers(200, anonymous=NOT_SIGNED_IN, council=403),
    "GET /api/v1/systems": answers(200, anonymous=NOT_SIGNED_IN, council=403),
    "GET /api/v1/awards": answers(200, anonymous=NOT_SIGNED_IN, council=403),
    "GET /api/v1/reports": answers(
        403, anonymous=NOT_SIGNED_IN, officer=200, director=200, city=200, ministry=200
    ),
    "GET /api/v1/reports/{report_id}": answers(
        403, anonymous=NOT_SIGNED_IN, officer=200, director=200, city=200, ministry=404
    ),
    "GET /api/v1/reports/{report_id}/{fmt}": answers(
        403, anonymous=NOT_SIGNED_IN, officer=200, director=200, city=200, ministry=404
    ),
    "GET /api/v1/indicators": answers(200, anonymous=NOT_SIGNED_IN, council=403, enterprise=403),
    "GET /api/v1/indicators/{code}/records": answers(
        200, anonymous=NOT_SIGNED_IN, council=403, enterprise=403
    ),
    "GET /api/v1/budget/estimates": answers(
        404, anonymous=NOT_SIGNED_IN, officer=200, director=200, finance=200, admin=200
    ),
    "GET /api/v1/budget/estimates/{estimate_id}": answers(
        404, anonymous=NOT_SIGNED_IN, officer=200, director=200, finance=200, admin=200
    ),
    "GET /api/v1/budget/estimates/{estimate_id}/history": answers(
        404, anonymous=NOT_SIGNED_IN, officer=200, director=200, finance=200, admin=200
    ),
    "GET /api/v1/budget/estimates/{estimate_id}/document/{fmt}": answers(
        404, anonymous=NOT_SIGNED_IN, officer=200, director=200, finance=200, admin=200
    ),
    "GET /api/v1/budget/estimates/{estimate_id}/appraisal/{fmt}": answers(
        404, anonymous=NOT_SIGNED_IN
    ),  # the sample is not appraised yet
    "GET /api/v1/budget/counterpart-funds": answers(
        404, anonymous=NOT_SIGNED_IN, officer=200, director=200, finance=200, admin=200, enterprise=200
    ),
    # the sample dossier is in the council: not yet supported, so nobody reads a counterpart for it
    "GET /api/v1/budget/counterpart-funds/{dossier_id}": answers(404, anonymous=NOT_SIGNED_IN),
    "GET /api/v1/budget/balances": answers(
        404, anonymous=NOT_SIGNED_IN, officer=200, director=200, finance=200, admin=200
    ),
}

# The API's writes, not requested here: each with the tests that answer it as the wrong role, agency or
# state (a write needs data of its own, which those tests build).
API_WRITES: dict[str, str] = {
    "POST /api/v1/auth/token": "tests/api/test_auth_token.py",
    "DELETE /api/v1/auth/token": "tests/api/test_auth_token.py",
    "POST /api/v1/enterprises": "tests/api/test_enterprises.py",
    "PATCH /api/v1/enterprises/{enterprise_id}": "tests/api/test_enterprises.py",
    "PUT /api/v1/enterprises/{enterprise_id}": "tests/api/test_enterprises.py",
    "PUT /api/v1/enterprises/{enterprise_id}/productivity/{year}": "tests/productivity/test_api.py",
    "POST /api/v1/budget/estimates": "tests/budget/test_api.py",
    "POST /api/v1/budget/estimates/{estimate_id}/lines": "tests/budget/test_api.py",
    "POST /api/v1/budget/estimates/{estimate_id}/transitions": "tests/budget/test_api.py",
    "PUT /api/v1/budget/counterpart-funds/{dossier_id}": "tests/budget/test_counterpart.py",
    "POST /api/v1/calls": "tests/dossiers/test_api.py",
    "POST /api/v1/calls/{call_id}/city-proposal": "tests/contracts/test_api.py",
    "POST /api/v1/dossiers": "tests/dossiers/test_api.py",
    "PATCH /api/v1/dossiers/{dossier_id}": "tests/dossiers/test_api.py",
    "POST /api/v1/dossiers/{dossier_id}/attachments": "tests/dossiers/test_api.py",
    "DELETE /api/v1/dossiers/{dossier_id}/attachments/{attachment_id}": "tests/dossiers/test_api.py",
    "POST /api/v1/dossiers/{dossier_id}/transitions": "tests/dossiers/test_api.py",
    "PUT /api/v1/dossiers/{dossier_id}/eligibility": "tests/api/test_dossier_journey.py",
    "POST /api/v1/dossiers/{dossier_id}/duplicate-override": "tests/api/test_dossier_journey.py",
    "POST /api/v1/councils": "tests/councils/test_api.py",
    "POST /api/v1/councils/{council_id}/members": "tests/councils/test_api.py",
    "DELETE /api/v1/councils/{council_id}/members/{member_id}": "tests/councils/test_api.py",
    "POST /api/v1/councils/{council_id}/dossiers/{dossier_id}/conflict": "tests/councils/test_api.py",
    "PUT /api/v1/councils/{council_id}/dossiers/{dossier_id}/score": "tests/councils/test_api.py",
    "POST /api/v1/councils/{council_id}/dossiers/{dossier_id}/score/submit": "tests/councils/test_api.py",
    "POST /api/v1/contracts/{contract_id}/progress-reports": "tests/contracts/test_api.py",
    "POST /api/v1/trainings": "tests/activities/test_api.py",
    "POST /api/v1/trainings/{training_id}/participants": "tests/activities/test_api.py",
    "POST /api/v1/experts": "tests/activities/test_api.py",
    "POST /api/v1/events": "tests/activities/test_api.py",
    "POST /api/v1/events/{event_id}/enterprises": "tests/activities/test_api.py",
    "POST /api/v1/certifications": "tests/activities/test_api.py",
    "POST /api/v1/systems": "tests/activities/test_api.py",
    "POST /api/v1/awards": "tests/activities/test_api.py",
    "POST /api/v1/reports": "tests/reports/test_api.py",
}

ROOT = Path(__file__).resolve().parents[2]


def _table(rows: list[str]) -> str:
    return "\n".join(["route · role: expected → got", *rows])


@pytest.fixture
def world(settings, can_tho, vinh_long):
    settings.STAFF_MFA_REQUIRED = False  # pages are tested signed in; the TOTP step has its own tests
    cache.clear()  # throttles count per address
    return build_world(can_tho, vinh_long)


def test_every_page_route_has_an_entry():
    routes = {route.name for route in page_routes()}
    assert sorted(routes - PAGES.keys()) == [], "new routes: write what each role gets in PAGES"
    assert sorted(PAGES.keys() - routes) == [], "routes that are gone: take them out of PAGES"


def test_every_api_operation_has_an_entry():
    operations = {op.key for op in api_operations()}
    listed = API_READS.keys() | API_WRITES.keys()
    assert sorted(operations - listed) == [], "new operations: write them in API_READS or API_WRITES"
    assert sorted(listed - operations) == [], "operations that are gone: take them out"
    assert all(key.startswith("GET ") for key in API_READS)
    assert not any(key.startswith("GET ") for key in API_WRITES)
    assert all((ROOT / path).is_file() for path in API_WRITES.values())


def test_each_page_answers_each_role_as_the_table_says(world):
    clients = {role: Client() for role in ROLES}
    for role, client in clients.items():
        if role != ANONYMOUS:
            client.force_login(world.users[role])
    wrong = []
    for route in page_routes():
        url = route.url(world.ids)
        for role, expected in PAGES.get(route.name, {}).items():
            got = clients[role].get(url).status_code
            if got != expected:
                wrong.append(f"{route.name} ({url}) · {role}: {expected} → {got}")
    assert not wrong, _table(wrong)


def test_each_api_read_answers_each_role_as_the_table_says(world):
    clients = {role: ApiClient(None if role == ANONYMOUS else world.users[role]) for role in ROLES}
    wrong = []
    for operation in api_operations():
        if operation.key not in API_READS:
            continue
        url = operation.url(world.ids)
        for role, expected in API_READS[operation.key].items():
            got = clients[role].get(url).status_code
            if got != expected:
                wrong.append(f"{operation.key} ({url}) · {role}: {expected} → {got}")
    assert not wrong, _table(wrong)
