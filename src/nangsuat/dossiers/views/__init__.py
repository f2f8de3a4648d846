"""Pages of the dossiers app: calls, one dossier, the lists and the public lookup."""
