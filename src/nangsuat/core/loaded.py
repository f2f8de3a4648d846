"""What a model instance held when it was read or last written, so that a save can tell whether a field
changed and skip the work that only a change needs (Django's ``Model.from_db`` documents the pattern)."""

from typing import Any


class RemembersLoaded:
    """Mixed into a model before ``models.Model``: remembers the values of ``remembered`` (attribute names:
    ``ward_id``, not ``ward``) as read from the database and after each save that writes them."""

    remembered: tuple[str, ...] = ()

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)  # type: ignore[misc]
        instance._loaded = {f: instance.__dict__[f] for f in cls.remembered if f in instance.__dict__}
        return instance

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)  # type: ignore[misc]
        written = kwargs.get("update_fields")
        if written is not None:  # a field is named by its name or its attribute name
            written = {self._meta.get_field(f).attname for f in written}  # type: ignore[attr-defined]
        self._loaded = {
            **getattr(self, "_loaded", {}),
            **{
                f: self.__dict__[f]
                for f in self.remembered
                if f in self.__dict__ and (written is None or f in written)
            },
        }

    def changed_since_loaded(self, *fields: str) -> bool:
        """Whether any of ``fields`` (of ``remembered``) differs from what the database holds as far as this
        instance knows: always on an instance that was never read nor written, or whose field was deferred."""
        loaded = getattr(self, "_loaded", {})
        return any(f not in loaded or loaded[f] != getattr(self, f) for f in fields)
