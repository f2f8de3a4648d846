"""Workflow guards and effects of this app, registered on import (see dossiers.workflow)."""
