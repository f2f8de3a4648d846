"""Page forms of the dossiers app, every field validated with a Vietnamese message: calls, dossiers,
the extra fields of this app's workflow actions, and the fields they share."""
