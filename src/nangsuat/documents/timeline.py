"""The dossier's documents on its timeline, registered with the dossiers app's timeline sources."""

from __future__ import annotations

from nangsuat.dossiers.selectors import TimelineEntry, timeline_source

from .selectors import documents_of_dossier


@timeline_source
def dossier_documents(dossier, user) -> list[TimelineEntry]:
    """The dossier's documents this user may open (council minutes are not for the enterprise)."""
    return [
        TimelineEntry(
            doc.created_at,
            "document",
            f"{doc.get_kind_display()} {doc.number}".strip(),
            doc.signer_name,
            obj=doc,
            url=doc.get_absolute_url(),
        )
        # The timeline names each document by its own fields: none of the rows the register joins.
        for doc in documents_of_dossier(dossier, user)
        .select_related(None)
        .only("created_at", "kind", "number", "signer_name")
    ]
