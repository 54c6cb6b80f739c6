"""A menu inside the body's span: a long run of short labels between two stretches of prose.

DEB's body is the longest run of prose, and a short menu or link list between two long stretches of
prose costs it less than the prose it would lose, so the body spans it. Such a run — many short
lines, none a sentence, none numbered, no figures, not announced by a line ending in ":" — is a
menu, not the article's list: an article's own list is announced, numbered or holds figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

MIN_RUN = 8  # lines of a menu inside the body
_LABEL_WORDS = 4
_NOT_LABEL = re.compile(r"\d|[.!?:;,]\s*$")


class _Line(Protocol):
    text: str
    words: int
    kind: str | None
    protected: bool


def _label(line: _Line) -> bool:
    return line.kind is None and not line.protected and line.words <= _LABEL_WORDS and not _NOT_LABEL.search(line.text)


def inner_menus(lines: Sequence[_Line], first: int, last: int) -> list[tuple[int, int]]:
    """Index ranges [a, b] of menu runs strictly inside the body [first, last]."""
    runs: list[tuple[int, int]] = []
    start = None
    for index in range(first + 1, last + 1):
        line = lines[index]
        if line.words <= _LABEL_WORDS and _label(line):  # (most body lines are prose: out at the first test)
            if start is None:
                start = index
            continue
        if start is not None and index - start >= MIN_RUN and not lines[start - 1].text.rstrip().endswith(":"):
            runs.append((start, index - 1))
        start = None
    return runs
