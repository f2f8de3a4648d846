"""Reads of the enterprise registry, with the permission scoping already applied.

Search folds Vietnamese the same way on both databases (``core.text.fold``: no diacritics, lower case,
đ → d) against the folded ``search_text`` column (name, tax code, address). Every word of the query must
appear: on SQLite anywhere in the text (LIKE), on PostgreSQL as a whole word (full-text search on the GIN
index of migration 0006); tax codes match by prefix. Both databases rank a name that starts with the
query first, then a name with a word that starts with it, then a name containing it, then the rest
(address matches). When no enterprise has every word, PostgreSQL forgives one word of several, or for a
single word looks for similar ones (trigram word similarity), which catches typos.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchVectorField, TrigramWordSimilarity
from django.db import connection
from django.db.models import Case, Func, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Collate, StrIndex

from nangsuat.core.models import User
from nangsuat.core.roles import Role
from nangsuat.core.tenancy import scope_to_agency
from nangsuat.core.text import fold

from .models import Enterprise, EnterpriseMembership

_TAX_PREFIX = re.compile(r"^[\d\-\s.]{3,16}$")
SORTS = {
    "name": ("name", "id"),
    "tax_code": ("tax_code",),
    # Wards in the official order of their codes, as statistics list them (an index serves it).
    "ward": ("ward_id", "name", "id"),
    "vsic": ("vsic_id", "name", "id"),
    "employees": ("employees", "name", "id"),
    "revenue": ("revenue_vnd", "name", "id"),
    "size": ("size_class", "name", "id"),
    "updated": ("updated_at", "id"),
}


def visible_enterprises(user: User) -> QuerySet[Enterprise]:
    """Every enterprise ``user`` may read: its agency's (all for the ministry), or for an enterprise user
    only those it acts for through a confirmed membership."""
    qs = Enterprise.objects.all()
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.role == Role.ENTERPRISE:
        return qs.filter(
            memberships__user=user, memberships__status=EnterpriseMembership.Status.CONFIRMED
        ).distinct()
    return scope_to_agency(qs, user)


class _FoldedWords(Func):
    """to_tsvector('simple', search_text), written exactly as the index expression of migration 0006 (Django's
    SearchVector adds a COALESCE that the index would not match)."""

    template = "to_tsvector('simple'::regconfig, %(expressions)s)"
    output_field = SearchVectorField()


def _is_tax_prefix(q: str) -> bool:
    return bool(_TAX_PREFIX.match(q)) and any(c.isdigit() for c in q)


def search(qs: QuerySet[Enterprise], q: str) -> QuerySet[Enterprise]:
    """Filter ``qs`` to the enterprises matching ``q`` and order them best match first."""
    q = (q or "").strip()
    if not q:
        return qs
    if _is_tax_prefix(q):
        return _tax_code_prefix(qs, re.sub(r"\D", "", q))
    folded = fold(q)
    words = [w for w in re.split(r"[^0-9a-z]+", folded) if w]
    if not words:
        return qs.none()
    phrase = " ".join(words)
    if connection.vendor != "postgresql":
        matching = qs
        for word in words:
            matching = matching.filter(search_text__contains=word)
        return _ranked(matching, phrase)
    # Whole words (Vietnamese is written in syllables): to_tsquery('simple', 'cong & ty & tnhh') on the
    # full-text GIN index of migration 0006, which reads exact words instead of rechecking rows.
    matches = _first_matches(_having_words(qs, " & ".join(words)))
    if not matches:
        if len(words) == 1:
            # One word and no such word (a typo, an unfinished word): trigram word similarity (pg_trgm's
            # %> operator on the trigram GIN index), most similar first.
            return (
                qs.filter(search_text__trigram_word_similar=phrase)
                .annotate(similarity=TrigramWordSimilarity(Value(phrase), "search_text"))
                .order_by("-similarity", "search_text", "id")
            )
        # Several words and nothing has them all: forgive one (a typo, a word the register spells
        # otherwise), i.e. every word but one.
        forgiving = " | ".join(
            "(" + " & ".join(w for j, w in enumerate(words) if j != i) + ")" for i in range(len(words))
        )
        matches = _first_matches(_having_words(qs, forgiving))
    return _ranked(_candidates(qs, matches, phrase), phrase)


def _first_matches(matching: QuerySet[Enterprise]) -> list[int]:
    """Up to SEARCH_WINDOW ids of ``matching``, read now. Asking for a window rather than whether one row
    exists matters: for LIMIT 1 PostgreSQL may walk a filter's index and compute the words of every row
    (0.35 s when nothing matches), for a window it reads the full-text index."""
    return list(matching.order_by().values_list("pk", flat=True)[:SEARCH_WINDOW])


def _having_words(qs: QuerySet[Enterprise], tsquery: str) -> QuerySet[Enterprise]:
    query = SearchQuery(tsquery, search_type="raw", config="simple")
    return qs.alias(_words=_FoldedWords("search_text")).filter(_words=query)


def _tax_code_prefix(qs: QuerySet[Enterprise], digits: str) -> QuerySet[Enterprise]:
    """Tax codes starting with ``digits``, in order, as a range of the (agency, tax code) index: digits are
    ordered alike in every collation, so [1800, 1801) holds exactly the codes starting with 1800."""

    def starting_with(prefix: str) -> Q:
        upper = _next_prefix(prefix)
        return Q(tax_code__gte=prefix, tax_code__lt=upper) if upper else Q(tax_code__gte=prefix)

    condition = starting_with(digits)
    if len(digits) > 10:  # a dependent unit's 13-digit code is stored with its dash
        condition |= starting_with(f"{digits[:10]}-{digits[10:]}")
    return qs.filter(condition).order_by("tax_code", "id")


def _next_prefix(prefix: str) -> str | None:
    """The smallest string of digits above every string starting with ``prefix`` (None after 99…9)."""
    stripped = prefix.rstrip("9")
    if not stripped or not stripped[-1].isdigit():
        return None
    return stripped[:-1] + str(int(stripped[-1]) + 1)


# On PostgreSQL a search ranks at most this many candidates of each kind (see _candidates); the list
# counts at most this many results for a search.
SEARCH_WINDOW = 500


def counted_results(q: str) -> int | None:
    """How many results a list should count for the search ``q`` (None: the list's usual cap). A word
    search on PostgreSQL ranks a window of candidates, so the list says "more than SEARCH_WINDOW"."""
    q = (q or "").strip()
    if connection.vendor != "postgresql" or not q or _is_tax_prefix(q):
        return None
    return SEARCH_WINDOW


def _candidates(qs: QuerySet[Enterprise], matches: list[int], phrase: str) -> QuerySet[Enterprise]:
    """The rows worth ranking for ``phrase``: the first SEARCH_WINDOW names starting with it, in folded
    order (read in order from the prefix index of migration 0006), and ``matches``, a window of the
    other matches. A selective query has fewer matches than that and is ranked exactly; a vague one
    ("công ty", "cần thơ") matches most of the register, and ranking all of it would read every matching
    row for a page of twenty."""
    # Names starting with the phrase (they have every word), as a range of the byte-ordered index:
    # folded text is ASCII, so every such name sorts below the phrase followed by DEL.
    key = Collate("search_text", "C")
    prefix = (
        qs.alias(key=key)
        .filter(key__gte=phrase, key__lt=phrase + "\x7f")
        .order_by("key")
        .values("pk")[:SEARCH_WINDOW]
    )
    return qs.filter(pk__in=prefix.union(qs.filter(pk__in=matches).values("pk")))


def _ranked(matching: QuerySet[Enterprise], phrase: str) -> QuerySet[Enterprise]:
    """Best first: the name starts with the query; a word of the name starts with it; the name contains
    it; then the rest (a match in the address, or words apart). Names end at the first " | "; ties are
    in folded-name order."""
    name_end = StrIndex("search_text", Value(" | "))
    return (
        matching.alias(
            _word_pos=StrIndex("search_text", Value(f" {phrase}")),
            _pos=StrIndex("search_text", Value(phrase)),
        )
        .annotate(
            match_rank=Case(
                When(search_text__startswith=phrase, then=Value(0)),
                When(Q(_word_pos__gt=0) & Q(_word_pos__lt=name_end), then=Value(1)),
                When(Q(_pos__gt=0) & Q(_pos__lt=name_end), then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            )
        )
        .order_by("match_rank", "search_text", "id")
    )


def enterprise_list(
    user: User,
    *,
    q: str = "",
    ward: str | None = None,
    vsic_section: str = "",
    kind: str = "",
    size: str = "",
    order: str = "",
) -> QuerySet[Enterprise]:
    """The officers' list (and the API's): scoped, filtered, searched, sorted; ward and VSIC joined so a
    page costs the same number of queries whatever its size. ``order`` is a key of SORTS, ``-`` for
    descending; without it, a search orders by relevance and the rest by name."""
    qs = visible_enterprises(user).select_related("ward", "vsic")
    if ward:
        qs = qs.filter(ward_id=ward)
    if vsic_section:
        qs = qs.filter(vsic_section=vsic_section.upper()[:1])
    if kind:
        qs = qs.filter(kind=kind)
    if size:
        qs = qs.filter(size_class="" if size == "unknown" else size)
    if q:
        qs = search(qs, q)
    key = (order or "").lstrip("-")
    if key in SORTS:
        prefix = "-" if order.startswith("-") else ""
        qs = qs.order_by(*(prefix + f for f in SORTS[key]))
    elif not q:
        qs = qs.order_by("name", "id")
    return qs


def enterprise_detail(user: User, pk: int) -> Enterprise:
    """One enterprise ``user`` may read, with what its page shows; raises Enterprise.DoesNotExist."""
    return (
        visible_enterprises(user)
        .select_related("ward", "vsic", "agency")
        .prefetch_related(
            "years",
            "contacts",
            Prefetch(
                "memberships", queryset=EnterpriseMembership.objects.select_related("user", "decided_by")
            ),
        )
        .get(pk=pk)
    )


def enterprises_of(user: User) -> QuerySet[Enterprise]:
    """The enterprises an enterprise user acts for (confirmed)."""
    return Enterprise.objects.filter(
        memberships__user=user, memberships__status=EnterpriseMembership.Status.CONFIRMED
    ).select_related("ward", "vsic")


def find_by_tax_code(*, agency_id: int, tax_code: str) -> Enterprise | None:
    return Enterprise.objects.filter(agency_id=agency_id, tax_code=tax_code).first()


def pending_memberships(user: User) -> QuerySet[EnterpriseMembership]:
    """Claims awaiting an officer of ``user``'s agency, oldest first."""
    qs = EnterpriseMembership.objects.filter(status=EnterpriseMembership.Status.PENDING)
    return (
        scope_to_agency(qs, user, field="enterprise__agency")
        .select_related("user", "enterprise", "enterprise__ward")
        .order_by("created_at", "id")
    )


def _display(field: str, value) -> str:
    """A stored value as the history shows it: money in đồng, labels for codes, names for wards."""
    from nangsuat.core.formatting import format_vnd
    from nangsuat.reference.models import VsicCode, Ward

    from .models import EnterpriseKind, SizeClass

    if value in (None, ""):
        return "—"
    if field in ("revenue_vnd", "capital_vnd"):
        return format_vnd(value)
    if field == "size_class":
        return str(SizeClass(value).label) if value in SizeClass.values else value
    if field == "kind":
        return str(EnterpriseKind(value).label) if value in EnterpriseKind.values else value
    if field == "ward":
        return str(Ward.objects.filter(pk=value).values_list("name", flat=True).first() or value)
    if field == "vsic":
        name = VsicCode.objects.filter(pk=value).values_list("name", flat=True).first()
        return f"{value} — {name}" if name else str(value)
    return str(value)


def enterprise_changes(enterprise: Enterprise, *, limit: int = 50) -> list[dict]:
    """The edit history from simple-history: who, when, and each field's old → new value."""
    records = list(
        enterprise.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    labels = {f.name: f.verbose_name for f in Enterprise._meta.get_fields() if hasattr(f, "verbose_name")}
    changes = []
    for newer, older in zip(records, records[1:] + [None], strict=False):
        if len(changes) == limit:
            break
        entry = {
            "when": newer.history_date,
            "who": newer.history_user,
            "type": newer.history_type,
            "fields": [],
        }
        if older is not None:
            for change in newer.diff_against(older).changes:
                entry["fields"].append({
                    "field": change.field, "label": labels.get(change.field, change.field),
                    "old": _display(change.field, change.old), "new": _display(change.field, change.new),
                })  # fmt: skip
        if entry["fields"] or newer.history_type == "+" or older is None:
            changes.append(entry)
    return changes
