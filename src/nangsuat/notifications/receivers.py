"""Notifications sent when a dossier moves (see dossiers.workflow.dossier_transitioned)."""
