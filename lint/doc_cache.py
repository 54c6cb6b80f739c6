"""Per-document analyses shared by one rule family, dropped when the engine moves on to the next family.

A family's analysis (DEB's labelled lines, DUP's tokens and indexes) costs 100-300 bytes a line. Held until
the document itself is dropped, they added up: `'x\\n' * 2_000_000` took 1.7 GB (issue #20). The engine runs
rules grouped by family and calls `release` between families, so one family's analysis lives at a time; a
rule of another family that asks for it later (TYP009 reads DEB's) computes it again, with the same result.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

_CACHES: dict[str, list[WeakKeyDictionary[Any, Any]]] = {}


def family_cache(family: str) -> WeakKeyDictionary[Any, Any]:
    """A document -> analysis cache that `release(doc, family)` empties for that document."""
    cache: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
    _CACHES.setdefault(family, []).append(cache)
    return cache


def release(doc: object, family: str) -> None:
    """Drop what the rules of `family` cached for `doc`: they have all run on it."""
    for cache in _CACHES.get(family, ()):
        cache.pop(doc, None)
