"""Page speed at national scale: the officers' lists, a few detail pages and the API lists, served by the
production server, each measured against two floor views served by the same server.

Run with ``nangsuat bench pages --rows N`` against PostgreSQL (DATABASE_URL) with the production environment
(SECRET_KEY, MFA_ENCRYPTION_KEY). In its own agency ("bench-pages"; rebuilt unless ``--reuse`` finds N
enterprises there already) it builds N enterprises through the registry's own import (``bench/registry.py``'s
CSV: wards, VSIC sections, 10 % households, 6 % cooperatives, sizes, employees, revenue) and N/10 dossiers
(at most 100,000) with their contracts (``bench/dashboard_data.py``'s ``copy_dossiers``), then VACUUM ANALYZE.
It starts ``nangsuat serve`` (gunicorn, ``WEB_CONCURRENCY`` workers, 2 unless set, DEBUG off,
``BENCH_FLOOR_VIEWS`` on) on a free port, signs the officer in over HTTP (password, then the TOTP code) and
takes an API token, then requests every page ``--samples`` times (40), each request followed by the bare floor
view and the signed-in base template (``core/floor.py``), all pages in turn. It prints p50/p95/max, each page's
ratio to the signed-in floor, its query count (one request in-process), and the requests per second of 10
clients for 10 s on the floors, the dossier list and the API enterprise list; the figures go to
var/bench/pages-N.json. ``--compare`` prints the p95 of each page at 10,000, 100,000 and 1,000,000 rows from
those files.
"""

import datetime as dt
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from nangsuat.api.tokens import issue_token
from nangsuat.contracts.models import SupportContract
from nangsuat.core.mfa import current_totp_code, enrol_totp
from nangsuat.core.models import Agency, User
from nangsuat.core.roles import Role
from nangsuat.demo.accounts import DEMO_TOTP_SECRET
from nangsuat.dossiers.models import Dossier
from nangsuat.dossiers.states import State
from nangsuat.registry.importer import import_records, read_table
from nangsuat.registry.models import Enterprise

from . import dashboard_data, pages_report
from .registry import ensure_reference, signed_in_client, write_csv
from .rush import _free_port, _stop

AGENCY = {
    "code": "bench-pages",
    "name": "Sở KH&CN (đo tốc độ trang)",
    "parent_body": "UBND (đo hiệu năng)",
    "province_code": "92",
    "place_name": "Cần Thơ",
    "doc_symbol": "SKHCN",
}
OFFICER = "bench-pages-officer"
PASSWORD = "Bench-pages-1322"  # noqa: S105 - the bench officer of a bench agency
MAX_DOSSIERS = 100_000
SAMPLES = 40
FLOORS = [("floor: bare", "/bench-floor/bare/"), ("floor: base", "/bench-floor/base/")]
CLIENTS = 10
SECONDS = 10
# The throughput of each page is measured in ROUNDS turns of SECONDS / ROUNDS, the floors' and the pages' turns
# interleaved, so that a machine getting busier or quieter during the run weighs on each alike.
ROUNDS = 5
TIMEOUT = 120
# The registry's sorts (registry/selectors.py SORTS) in the direction its column headers first offer.
REGISTRY_SORTS = ("name", "tax_code", "ward", "vsic", "employees", "-revenue", "size", "-updated")
# The dossier list's sorts (dossiers/selectors.py SORTS), both directions of the due date.
DOSSIER_SORTS = (
    "-created",
    "-submitted",
    "due",
    "-due",
    "code",
    "state",
    "-priority",
    "enterprise",
    "content",
)


# --- The data -----------------------------------------------------------------------------------------


def _clear(agency: Agency) -> None:
    with connection.cursor() as cursor:
        for sql in (
            "DELETE FROM registry_enterpriseyear WHERE enterprise_id IN "
            "(SELECT id FROM registry_enterprise WHERE agency_id = %s)",
            "DELETE FROM registry_historicalenterprise WHERE agency_id = %s",
        ):
            cursor.execute(sql, [agency.pk])
    dashboard_data.clear_previous(agency)


def officer_of(agency: Agency) -> User:
    user, _ = User.objects.update_or_create(
        username=OFFICER,
        defaults={"role": Role.OFFICER, "agency": agency, "full_name": "Cán bộ đo tốc độ trang"},
    )
    user.email = "bench-pages@example.gov.vn"
    user.set_password(PASSWORD)
    user.save(update_fields=["password", "email"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    enrol_totp(user, DEMO_TOTP_SECRET)  # under this run's MFA_ENCRYPTION_KEY
    return user


def build(agency: Agency, rows: int, officer: User, out, var: Path) -> dict:
    """N enterprises through the registry's import, N/10 dossiers (≤ 100,000) with contracts, then
    VACUUM ANALYZE; returns the seconds of each step."""
    seconds = {}
    out.write("dọn dữ liệu lần trước…\n")
    _clear(agency)
    wards, vsic_by_section = ensure_reference()
    path = var / f"pages-{rows}.csv"
    started = time.perf_counter()
    write_csv(path, rows, wards, vsic_by_section, seed=1322)
    seconds["csv"] = round(time.perf_counter() - started, 1)
    out.write(f"nhập {rows:,} doanh nghiệp qua đường nhập của sổ doanh nghiệp…\n")
    ticks = {"next": 0}

    def progress(done: int) -> None:
        if done >= ticks["next"]:
            out.write(f"  {done:,} dòng\n")
            ticks["next"] = done + max(50_000, rows // 10)
            # Where autovacuum is off, the planner would go on believing the table empty and look each batch's
            # tax codes up by scanning the agency's whole part: every batch slower than the last.
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE registry_enterprise")

    started = time.perf_counter()
    with path.open("rb") as stream:
        result = import_records(read_table(stream, path.name), agency=agency, actor=None, progress=progress)
    seconds["import"] = round(time.perf_counter() - started, 1)
    if result.error_rows:
        out.write(f"  {result.error_rows} dòng lỗi\n")
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    ent = list(Enterprise.objects.filter(agency=agency).order_by("pk").values_list("pk", flat=True))
    dossiers = min(MAX_DOSSIERS, max(1, rows // 10))
    dashboard_data.copy_dossiers(
        agency, ent, dossiers, officer=officer, rng=random.Random(1322), out=out, code_prefix="BP"
    )
    with connection.cursor() as cursor:  # submitted and created over 2½ years, some with priority points
        cursor.execute(
            "UPDATE dossiers_dossier SET created_at = now() - (id %% 900) * interval '1 day' "
            "- (id * 37 %% 1440) * interval '1 minute', priority_points = (id * 7 %% 6) * 5 "
            "WHERE agency_id = %s",
            [agency.pk],
        )
        cursor.execute(
            "UPDATE dossiers_dossier SET submitted_at = created_at + interval '1 day', "
            "state_changed_at = created_at + interval '20 days' WHERE agency_id = %s",
            [agency.pk],
        )
    seconds["dossiers"] = round(time.perf_counter() - started, 1)
    out.write("VACUUM ANALYZE…\n")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for table in (
            "registry_enterprise",
            "registry_enterpriseyear",
            "registry_historicalenterprise",
            "dossiers_dossier",
            "contracts_supportcontract",
            "contracts_acceptance",
            "contracts_liquidation",
            "contracts_payment",
        ):
            cursor.execute(f"VACUUM ANALYZE {table}")
    seconds["vacuum_analyze"] = round(time.perf_counter() - started, 1)
    return seconds


def counts(agency: Agency) -> dict:
    enterprises = Enterprise.objects.filter(agency=agency)
    return {
        "enterprises": enterprises.count(),
        "cooperatives": enterprises.filter(kind="cooperative").count(),
        "households": enterprises.filter(kind="household").count(),
        "dossiers": Dossier.objects.filter(agency=agency).count(),
        "contracts": SupportContract.objects.filter(agency=agency).count(),
    }


# --- The pages ----------------------------------------------------------------------------------------


def _url(path: str, **params) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def chosen_values(agency: Agency) -> dict:
    """The filter values of the measured pages: the ward with most enterprises (W), the largest VSIC
    section (S), and the state officers work from, "submitted"."""
    enterprises = Enterprise.objects.filter(agency=agency)
    ward = enterprises.values("ward_id").annotate(n=Count("id")).order_by("-n", "ward_id")[0]["ward_id"]
    section = enterprises.values("vsic_section").annotate(n=Count("id")).order_by("-n")[0]["vsic_section"]
    return {"W": ward, "S": section, "state": State.SUBMITTED}


def page_list(agency: Agency, chosen: dict) -> list[tuple[str, str]]:
    """(name, path) of every page measured; the names say W and S for the ward and section chosen, so
    that runs at different sizes compare page by page."""
    ward, section, state = chosen["W"], chosen["S"], chosen["state"]
    dossiers = Dossier.objects.filter(agency=agency)
    dossier = (
        dossiers.filter(state=State.IN_PROGRESS).order_by("pk").first() or dossiers.order_by("pk").first()
    )
    reg = "/registry/enterprises/"
    pages = [
        ("registry", reg),
        ("registry ?ward=W", _url(reg, ward=ward)),
        ("registry ?kind=cooperative", _url(reg, kind="cooperative")),
        ("registry ?size=small", _url(reg, size="small")),
        ("registry ?vsic_section=S", _url(reg, vsic_section=section)),
    ]
    pages += [(f"registry ?ward=W&sort={s}", _url(reg, ward=ward, sort=s)) for s in REGISTRY_SORTS]
    pages += [
        (f"registry ?vsic_section=S&sort={s}", _url(reg, vsic_section=section, sort=s))
        for s in REGISTRY_SORTS
    ]
    pages.append(
        (
            "registry ?ward=W&kind=cooperative&sort=tax_code",
            _url(reg, ward=ward, kind="cooperative", sort="tax_code"),
        )
    )
    pages += [
        ("dossiers", "/dossiers/"),
        ("dossiers ?sort=enterprise", _url("/dossiers/", sort="enterprise")),
        ("dossiers ?sort=content", _url("/dossiers/", sort="content")),
    ]
    pages += [
        (f"dossiers ?state={state}&sort={s}", _url("/dossiers/", state=state, sort=s)) for s in DOSSIER_SORTS
    ]
    if dossier:
        pages += [
            ("dossier page", f"/dossiers/{dossier.pk}/"),
            ("enterprise page", f"/registry/enterprises/{dossier.enterprise_id}/"),
        ]
    pages += [("API enterprises", "/api/v1/enterprises"), ("API dossiers", "/api/v1/dossiers")]
    if SupportContract.objects.filter(agency=agency).exists():
        pages.append(("contracts", "/contracts/"))
    return pages


def query_counts(officer: User, token: str, pages: list[tuple[str, str]]) -> tuple[dict, dict]:
    """The queries of one request of each page and the least time they took in SQL over three requests,
    in this process (the test client), after a first request."""
    client = signed_in_client(officer)
    found, sql_ms = {}, {}
    for name, path in pages:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if path.startswith("/api/") else {}
        client.get(path, **headers)
        times = []
        for _i in range(3):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path, **headers)
            times.append(sum(float(q["time"]) for q in captured.captured_queries) * 1000)
        if response.status_code == 200:
            found[name] = len(captured)
            sql_ms[name] = round(min(times), 1)
    return found, sql_ms


# --- Over HTTP ----------------------------------------------------------------------------------------


class Browser:
    """Cookies and an optional API token over plain HTTP/1.1 to 127.0.0.1: one connection per request,
    as gunicorn's sync workers close each one."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.token = ""

    def request(
        self, method: str, path: str, form: dict | None = None, *, api: bool = False
    ) -> tuple[int, float, dict]:
        headers = {}
        if api:
            headers["Authorization"] = f"Bearer {self.token}"
        elif self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
        finally:
            conn.close()
        elapsed = time.perf_counter() - started
        if not api:
            for value in response.headers.get_all("Set-Cookie") or []:
                for key, morsel in SimpleCookie(value).items():
                    self.cookies[key] = morsel.value
        return response.status, elapsed, dict(response.headers)

    def get(self, path: str) -> tuple[int, float]:
        status, elapsed, _headers = self.request("GET", path, api=path.startswith("/api/"))
        return status, elapsed

    def sign_in(self, officer: User) -> None:
        """The sign-in form, then the TOTP step, as a person signs in."""
        self.request("GET", "/accounts/login/")
        status, _s, headers = self.request(
            "POST",
            "/accounts/login/",
            {
                "login": officer.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
            },
        )
        if status != 302 or "2fa/authenticate" not in headers.get("Location", ""):
            raise ValueError(f"Sign-in refused (HTTP {status}, {headers.get('Location')})")
        self.request("GET", "/accounts/2fa/authenticate/")
        status, _s, headers = self.request(
            "POST",
            "/accounts/2fa/authenticate/",
            {"code": current_totp_code(officer), "csrfmiddlewaretoken": self.cookies["csrftoken"]},
        )
        if status != 302:
            raise ValueError(f"TOTP step refused (HTTP {status})")
        status, _s = self.get("/bench-floor/base/")
        if status != 200:
            raise ValueError(f"The signed-in floor answered {status}: is BENCH_FLOOR_VIEWS on in the server?")


def start_server(port: int, var: Path, out) -> subprocess.Popen:
    env = {
        **os.environ,
        "NANGSUAT_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "2"),
        "DEBUG": "0",
        "LOG_LEVEL": "ERROR",
        "BENCH_FLOOR_VIEWS": "1",
    }
    log = open(var / "pages-server.log", "w")  # noqa: SIM115 - closed with the process
    # No worker replaced in the middle of the measures (production's --max-requests 2000): a fresh worker's
    # first requests load the templates again and would show as outliers of whichever page came next.
    web = subprocess.Popen(
        [sys.executable, "-m", "nangsuat", "serve", "--access-logfile", "/dev/null", "--max-requests", "0"],
        env=env,
        stdout=log,
        stderr=log,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                out.write(f"máy chủ sẵn sàng trên cổng {port}\n")
                return web
        except OSError:
            time.sleep(0.3)
    _stop([web])
    raise ValueError("nangsuat serve did not answer /healthz within 60 s (see var/bench/pages-server.log)")


def measure(browser: Browser, pages: list[tuple[str, str]], samples: int, out) -> tuple[dict, dict]:
    """Every page and floor, interleaved; returns (seconds by name, statuses other than 200 by name)."""
    workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
    for _round in range(2 * workers):  # every worker has loaded every template and query plan
        for _name, path in [*pages, *FLOORS]:
            browser.get(path)
    timings: dict[str, list[float]] = {name: [] for name, _path in [*pages, *FLOORS]}
    failures: dict[str, Counter] = {}
    order = pages_report.interleave(pages, FLOORS, samples)
    for i, (name, path) in enumerate(order):
        status, elapsed = browser.get(path)
        timings[name].append(elapsed)
        if status != 200:
            failures.setdefault(name, Counter())[str(status)] += 1
        if (i + 1) % 500 == 0:
            out.write(f"  {i + 1:,}/{len(order):,} yêu cầu\n")
    return timings, {k: dict(v) for k, v in failures.items()}


def throughput(browser: Browser, path: str, clients: int = CLIENTS, seconds: float = SECONDS) -> dict:
    """``clients`` threads requesting ``path`` one after the other for ``seconds``: answers per second."""
    done = [0] * clients
    bad = [0] * clients
    barrier = threading.Barrier(clients)

    def loop(k: int) -> None:
        barrier.wait()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                status, _elapsed = browser.get(path)
            except OSError:
                status = 0
            done[k] += 1
            bad[k] += status != 200

    threads = [threading.Thread(target=loop, args=(k,)) for k in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    ok = sum(done) - sum(bad)
    return {
        "clients": clients,
        "seconds": wall,
        "requests": sum(done),
        "not_200": sum(bad),
        "per_s": round(ok / wall, 1),
    }


def interleaved_throughput(browser: Browser, pages: list[tuple[str, str]], rounds: int = ROUNDS) -> dict:
    """``throughput`` of each page over ``rounds`` turns, every page once per turn: the sums of the turns."""
    turns: dict[str, list[dict]] = {name: [] for name, _path in pages}
    for _round in range(rounds):
        for name, path in pages:
            turns[name].append(throughput(browser, path, seconds=SECONDS / rounds))
    rates = {}
    for name, measured in turns.items():
        wall = sum(t["seconds"] for t in measured)
        ok = sum(t["requests"] - t["not_200"] for t in measured)
        rates[name] = {
            "clients": CLIENTS,
            "seconds": round(wall, 1),
            "requests": sum(t["requests"] for t in measured),
            "not_200": sum(t["not_200"] for t in measured),
            "per_s": round(ok / wall, 1),
            "rounds": [t["per_s"] for t in measured],
        }
    return rates


# --- The run ------------------------------------------------------------------------------------------


def run(*, rows: int, out, reuse: bool = False, samples: int = SAMPLES) -> dict:
    if connection.vendor != "postgresql":
        raise ValueError("Page speed is measured on PostgreSQL: set DATABASE_URL.")
    var = Path(settings.VAR_DIR) / "bench"
    var.mkdir(parents=True, exist_ok=True)
    agency, _ = Agency.objects.update_or_create(code=AGENCY["code"], defaults=AGENCY)
    officer = officer_of(agency)
    expected = min(MAX_DOSSIERS, max(1, rows // 10))
    have = counts(agency)
    build_s = None
    if reuse and have["enterprises"] == rows and have["dossiers"] == expected:
        out.write(f"dùng lại {rows:,} doanh nghiệp và {expected:,} hồ sơ đã có\n")
    else:
        build_s = build(agency, rows, officer, out, var)
        have = counts(agency)
    token = issue_token(user=officer, name="bench-pages")[1]
    chosen = chosen_values(agency)
    pages = page_list(agency, chosen)
    out.write("số truy vấn của mỗi trang…\n")
    queries, sql_ms = query_counts(officer, token, pages)
    port = _free_port()
    server = start_server(port, var, out)
    try:
        browser = Browser(port)
        browser.sign_in(officer)
        browser.token = token
        load_before = os.getloadavg()
        out.write(f"{len(pages)} trang × {samples} lần, xen kẽ với hai trang nền…\n")
        timings, failures = measure(browser, pages, samples, out)
        out.write(f"thông lượng: {CLIENTS} khách trong {SECONDS} giây mỗi trang, {ROUNDS} lượt xen kẽ…\n")
        names = dict(pages)
        rates = interleaved_throughput(
            browser,
            [*FLOORS, ("dossiers", names["dossiers"]), ("API enterprises", names["API enterprises"])],
        )
        load_after = os.getloadavg()
    finally:
        _stop([server])
    stats = pages_report.with_ratios({name: pages_report.summary_ms(t) for name, t in timings.items()})
    results = {
        "rows": rows,
        **have,
        "built_s": build_s,
        "web_workers": int(os.environ.get("WEB_CONCURRENCY", "2")),
        "cpus": os.cpu_count(),
        "samples": samples,
        "measured_on": dt.datetime.now(dt.UTC).isoformat(timespec="minutes"),
        "load_average": {
            "before": [round(x, 2) for x in load_before],
            "after": [round(x, 2) for x in load_after],
        },
        "chosen": chosen,
        "paths": dict(pages),
        "pages": stats,
        "not_200": failures,
        "queries": queries,
        "sql_ms": sql_ms,
        "throughput": rates,
        "beyond_3x_floor_p95": pages_report.beyond(stats),
    }
    (var / f"pages-{rows}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    out.write(pages_report.report(results) + "\n")
    if failures:
        out.write(f"Trả lời khác 200: {failures}\n")
    return results


def compare(*, out) -> str:
    table = pages_report.compare(Path(settings.VAR_DIR) / "bench")
    out.write(table + "\n")
    return table
