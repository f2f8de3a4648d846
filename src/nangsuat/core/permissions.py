"""Permission decisions carry a reason, so a page can explain a missing button and a test can assert it."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Decision(True)


def deny(reason: str) -> Decision:
    return Decision(False, str(reason))


def require(decision: Decision) -> None:
    """Refuse the request (403, with the decision's reason) unless the decision allows it."""
    if not decision:
        raise PermissionDenied(decision.reason)
