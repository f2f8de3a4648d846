"""The acceptance hook's tests stand on the contract tests' calls, councils and contracted dossiers."""

from tests.councils.conftest import _other_apps_effects, call, council, director, in_council

__all__ = ["_other_apps_effects", "call", "council", "director", "in_council"]
