"""A menu inside the body's span: a long run of short labels between two stretches of prose.

DEB's body is the longest run of prose, and a short menu or link list between two long stretches of
prose costs it less than the prose it would lose, so the body spans it. Such a run — many short
lines, none a sentence, none numbered, no figures, not announced by a line ending in ":" — is a
menu, not the article's list: an article's own list is announced, numbered or holds figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from scrapelint.rules.deb.lexicons import DATA
from scrapelint.rules.lexicon import entries

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


# -- a menu bar on one line ------------------------------------------------------------


@lru_cache(maxsize=1)
def section_names() -> frozenset[str]:
    """The names a news site gives its sections (rules/data/debris_sections*.txt), lower-cased."""
    return frozenset(word for entry in entries(DATA, "debris_sections.txt") for word in entry.split())


MENU_NAMES = 5  # section names on the line, at least
MENU_SHARE = 0.6  # of its words
_MENU_WORD = re.compile(r"[^\W\d_][\w.'&-]*")
_SENTENCE_END = (".", "!", "?", '"', "”", ",", ";", ":")


@lru_cache(maxsize=1 << 14)  # by the line's text: a site's menu bar recurs on each of its pages
def menu_bar(text: str) -> bool:
    """`text` is a site's menu bar on one line: five or more section names, most of its words, every word
    capitalised (a menu's items are names; a headline or a sentence has lower-case words or ends as a sentence, and
    a title-case headline names a section or two, not five)."""
    stripped = text.strip()
    if stripped.endswith(_SENTENCE_END) or len(stripped) > 400:
        return False
    words = _MENU_WORD.findall(stripped)
    if len(words) < MENU_NAMES or any(not word[0].isupper() for word in words if word not in ("&", "and")):
        return False
    sections = section_names()
    names = sum(1 for word in words if word.lower().strip(".-'&") in sections)
    return names >= MENU_NAMES and names >= MENU_SHARE * len(words)
