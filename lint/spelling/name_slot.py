"""A word in a name slot is a name, whatever its case: "a library called fasterer", "the ctypes module".

Software, products and bands are written lower-case ("rustup", "ctypes"); what marks them as names is the
phrase around them: after "called" or "named", or before a noun that says what kind of thing is named.
"""

from __future__ import annotations

import re

_INTRODUCED = re.compile(r"\b(?:called|named|dubbed|nicknamed|titled|aka)\s+['\"“‘]?$", re.IGNORECASE)
_KIND_AFTER = re.compile(
    r"^['\"”’]?\s+(?:module|modules|library|libraries|package|packages|command|commands|plugin|plugins|"
    r"function|functions|method|methods|utility|tool|crate|crates|gem|binary|daemon|extension|framework|"
    r"toolchain|compiler|interpreter|repository|repo|app)\b",
    re.IGNORECASE,
)


def in_name_slot(line: str, start: int, end: int) -> bool:
    """Whether `line[start:end]` is introduced as a name ("called X") or followed by the kind it names ("X module")."""
    return _INTRODUCED.search(line, max(0, start - 20), start) is not None or bool(
        _KIND_AFTER.match(line[end : end + 20])
    )
