"""The contract tests stand on the council tests' calls, councils and dossiers in the council."""

from tests.councils.conftest import _other_apps_effects, call, council, director, in_council, officer

__all__ = ["_other_apps_effects", "call", "council", "director", "in_council", "officer"]
