"""What the registry tells the apps above it."""

from django.dispatch import Signal

# sender=Enterprise, ids=[…]: enterprises changed in bulk (the import), which sends no ``post_save``.
enterprises_changed = Signal()
