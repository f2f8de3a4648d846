"""The workflow engine: a record's lifecycle as a table of transitions and named rules.

Each app that has a lifecycle (dossiers, the budget's estimates) builds one :class:`Workflow` with its own
model, transition table, step class and signal, and registers its named permissions, conditions, effects
and action forms on it with the decorators (``wf.permission("name")``...). The engine holds no rule of its
own beyond the order below, so no app copies it.

Order inside :meth:`Workflow.perform`, all in one transaction with the record's row locked:
role → scope (the workflow's ``scope`` rule) → named permissions (403) → source state → named conditions
(409) → note → effects (may raise ``ValidationError`` → 400) → new state → audit entry → the signal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.dispatch import Signal
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from .audit import record_audit
from .errors import Conflict, Forbidden
from .permissions import ALLOW, Decision, deny

if TYPE_CHECKING:
    from .models import User


@dataclass(frozen=True)
class Transition:
    """One row of a table: from these states, by these roles, to that state, with these named rules.
    A workflow's own subclass says how its action is labelled (``label``)."""

    action: str
    sources: tuple[str, ...]
    target: str
    roles: frozenset[str]
    permissions: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    effects: tuple[str, ...] = ()
    note_required: bool = False

    @property
    def label(self) -> str:
        return self.action


def _registrar(registry: dict[str, Any], name: str, kind: str):
    def decorate(fn):
        if name in registry:
            raise RuntimeError(f"{kind} rule {name!r} registered twice")
        registry[name] = fn
        return fn

    return decorate


class Workflow:
    """A model's lifecycle. ``step_class`` is built as ``step_class(obj, actor, transition, from_state,
    note, payload)`` and handed to every effect and to the signal (``sender=model, step=step``).

    Hooks, each optional: ``scope(user, obj) -> Decision`` (may this user act on this record at all),
    ``state_label(code) -> str`` (for the 409 message), ``before_effects(obj)`` and ``after_effects(obj)``
    (stamps the model keeps: a clock cleared, the time of the change), ``wrong_state`` (the 409 message,
    with ``%(action)s`` and ``%(state)s``), ``select_related`` (fetched with the locked row)."""

    def __init__(
        self,
        *,
        name: str,
        model: type[models.Model],
        transitions: Iterable[Transition],
        step_class: type,
        signal: Signal,
        scope: Callable[[User, Any], Decision] | None = None,
        state_label: Callable[[str], str] = str,
        wrong_state: str | Promise = "",
        before_effects: Callable[[Any], None] | None = None,
        after_effects: Callable[[Any], None] | None = None,
        select_related: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.model = model
        self.transitions: tuple[Transition, ...] = tuple(transitions)
        self.by_action: dict[str, Transition] = {t.action: t for t in self.transitions}
        self.step_class = step_class
        self.signal = signal
        self.scope = scope
        self.state_label = state_label
        self.wrong_state = wrong_state
        self.before_effects = before_effects
        self.after_effects = after_effects
        self.select_related = select_related
        self.permissions: dict[str, Callable[[Any, User], Decision]] = {}
        self.conditions: dict[str, Callable[[Any], Decision]] = {}
        self.effects: dict[str, Callable[[Any], None]] = {}
        # The fields an action takes beyond its note, as a Django form class registered by the app that
        # owns the action's effects; its ``cleaned_data`` becomes the step's ``payload``.
        self.action_forms: dict[str, type] = {}

    # --- Registering named rules -----------------------------------------------------------------

    def permission(self, name: str):
        return _registrar(self.permissions, name, self.name)

    def condition(self, name: str):
        return _registrar(self.conditions, name, self.name)

    def effect(self, name: str):
        return _registrar(self.effects, name, self.name)

    def action_form(self, action: str):
        return _registrar(self.action_forms, action, self.name)

    def missing_rules(self) -> set[str]:
        """Names used in the table that no app registered (a test keeps this empty)."""
        used = {n for t in self.transitions for n in t.permissions} - self.permissions.keys()
        used |= {n for t in self.transitions for n in t.conditions} - self.conditions.keys()
        used |= {n for t in self.transitions for n in t.effects} - self.effects.keys()
        return used

    def clean_payload(self, action: str, data: dict[str, Any] | None, files=None) -> dict[str, Any]:
        """Validate an action's extra fields; raises ``ValidationError`` (→ 400 with the field names)."""
        form_class = self.action_forms.get(action)
        if form_class is None:
            return {}
        form = form_class(data=data or {}, files=files)
        if not form.is_valid():
            raise ValidationError({k: [str(m) for m in v] for k, v in form.errors.items()})
        return form.cleaned_data

    # --- Deciding ----------------------------------------------------------------------------------

    def may_act(self, user: User, obj: Any, transition: Transition) -> Decision:
        """Whether this user's role and scope allow the action at all (state aside)."""
        if not user.is_authenticated or not user.has_role(*transition.roles):
            return deny(_("Vai trò của bạn không được thực hiện thao tác này."))
        if self.scope is not None:
            decision = self.scope(user, obj)
            if not decision:
                return decision
        for name in transition.permissions:
            decision = self.permissions[name](obj, user)
            if not decision:
                return decision
        return ALLOW

    def check_conditions(self, obj: Any, transition: Transition) -> Decision:
        if obj.state not in transition.sources:
            message = str(self.wrong_state) or _("Không thể “%(action)s” khi đang ở trạng thái “%(state)s”.")
            return deny(message % {"action": transition.label, "state": self.state_label(obj.state)})
        for name in transition.conditions:
            decision = self.conditions[name](obj)
            if not decision:
                return decision
        return ALLOW

    def available_actions(self, user: User, obj: Any) -> list[tuple[Transition, Decision]]:
        """The actions this user could take now, each with whether its conditions hold (for buttons)."""
        result = []
        for t in self.transitions:
            if obj.state in t.sources and self.may_act(user, obj, t):
                result.append((t, self.check_conditions(obj, t)))
        return result

    def next_actors(self, state: str) -> list[Transition]:
        """The transitions that leave a state: who acts next (read by notifications)."""
        return [t for t in self.transitions if state in t.sources]

    # --- Acting ------------------------------------------------------------------------------------

    def perform(
        self,
        obj: Any,
        *,
        action: str,
        actor: User,
        note: str = "",
        payload: dict[str, Any] | None = None,
    ) -> Any:
        """Move a record by one action of the table. Refuses with 403 (role, scope, named permission),
        409 (wrong state, unmet condition) or 400 (unknown action, bad fields, missing note)."""
        transition = self.by_action.get(action)
        if transition is None:
            raise ValidationError({"action": _("Thao tác “%(action)s” không tồn tại.") % {"action": action}})
        note = (note or "").strip()
        with transaction.atomic():
            rows = self.model._default_manager.select_for_update()
            if self.select_related:
                rows = rows.select_related(*self.select_related)
            locked: Any = rows.get(pk=obj.pk)
            decision = self.may_act(actor, locked, transition)
            if not decision:
                raise Forbidden(decision.reason)
            decision = self.check_conditions(locked, transition)
            if not decision:
                raise Conflict(decision.reason)
            if transition.note_required and not note:
                raise ValidationError({"note": _("Vui lòng ghi rõ lý do.")})
            step = self.step_class(locked, actor, transition, locked.state, note, dict(payload or {}))
            if self.before_effects is not None:
                self.before_effects(locked)
            for name in transition.effects:
                self.effects[name](step)
            locked.state = transition.target
            if self.after_effects is not None:
                self.after_effects(locked)
            locked.save()
            record_audit(
                actor=actor,
                action=transition.action,
                target=locked,
                from_state=step.from_state,
                to_state=transition.target,
                note=note,
            )
            self.signal.send(sender=self.model, step=step)
        obj.refresh_from_db()
        return obj
