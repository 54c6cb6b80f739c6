"""An earlier copy of the article's lead: a teaser of the same article in a "Breaking News" list above it.

DEB's body choice may prefer an earlier block under a byline over the longest run of prose; when that
block's prose is repeated at the start of the longer run, it is the article's teaser and the body is
where the article goes on.
"""

from __future__ import annotations

from collections.abc import Sequence

_LEAD_LINES = 6  # the lines of the later block where its lead stands


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def copies_lead(earlier: Sequence[str], later: Sequence[str]) -> bool:
    """A prose line of `earlier` (the candidate block's prose) stands again at the start of `later`."""
    lead = {_key(text) for text in later[:_LEAD_LINES]}
    return any(_key(text) in lead for text in earlier)
