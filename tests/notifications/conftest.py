"""The notification tests stand on the documents tests' officers, director and dossiers."""

from tests.documents.conftest import _no_second_factor, director, dossier, officer, owner

__all__ = ["_no_second_factor", "director", "dossier", "officer", "owner"]
