"""Writes of the dossiers app: calls (``calls``) and dossiers outside the workflow table (``dossiers``)."""
