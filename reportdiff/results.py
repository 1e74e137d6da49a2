"""Immutable, labelled tuples of results (figures, promises, figure deltas).

A :class:`ResultTuple` is a plain tuple of result dataclasses plus a few
read-only labels (the report's ``source`` and ``year``, or the two reports'),
so that ``to_pandas()`` frames of many reports stack with ``pd.concat`` and
the collection pickles for batch runs.

>>> class Items(ResultTuple):
...     labels = ("source", "year")
>>> items = Items([], source="2019.txt", year=2019)
>>> items.source, items.year, len(items)
('2019.txt', 2019, 0)
>>> items.year = 2020
Traceback (most recent call last):
...
AttributeError: Items is immutable: cannot set 'year'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

__all__ = ["ResultTuple"]


class ResultTuple(tuple):  # type: ignore[type-arg]
    """A tuple of results with read-only labels named in :attr:`labels`."""

    #: Names of the keyword labels a subclass carries (all default to ``None``).
    labels: ClassVar[tuple[str, ...]] = ()

    def __new__(cls, items: Iterable[Any] = (), **labels: Any) -> Any:
        unknown = set(labels) - set(cls.labels)
        if unknown:
            raise TypeError(f"{cls.__name__} has no label {sorted(unknown)[0]!r}")
        self = super().__new__(cls, items)
        for name in cls.labels:
            object.__setattr__(self, name, labels.get(name))
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot set {name!r}")

    def to_dict(self) -> list[dict[str, Any]]:
        """The items' ``to_dict()``, in order."""
        return [item.to_dict() for item in self]
