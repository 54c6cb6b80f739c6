"""Structure is content: tables, parallel lists, Q&A interviews and day-by-day plans.

An article's own structure repeats short units by design: a table's header cells and row labels, a
recipe's "1 cup" items, an interview's same questions to each guest, a meal plan's "Snack" and
"Eat every 2-3 hours" under each day, a table of contents that lists the headings found below. A
linter that reads those as debris (a menu) or as duplicates (the same paragraph twice) reports the
article itself. This module tells such units apart from prose, language-independently (shape,
length, punctuation, figures), for DEB and DUP alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_TERMINAL = ".!?…。！？"
_CLOSERS = "\"'”’»)]*"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A line's shape: letters -> "a", digits -> "0", the rest kept; "Switzerland (Group D): 5th" -> "a (a a): 0a"
_SHAPE_RUNS = re.compile(r"[^\W\d_]+|\d+|\s+")

SHORT_ITEM_WORDS = 15  # a heading, cell, label or list item: a few words, not a sentence
QUESTION_WORDS = 30  # an interviewer's question


def sentence_like(text: str) -> bool:
    """The line ends as a sentence does (a full stop, '!' or '?', maybe inside quotes or brackets)."""
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _TERMINAL


def short_item(text: str) -> bool:
    """A unit of a structure rather than a paragraph of prose: a heading, cell, label, list item or question.

    Few words without a sentence's end ("Portion Fix Containers: 1 Green, 1 Red", "Gegenargument #1: ..."),
    or a question an interviewer may ask every guest.
    """
    words = len(_WORD.findall(text))
    stripped = text.rstrip().rstrip(_CLOSERS)
    if stripped.endswith(("?", "？")):
        return words <= QUESTION_WORDS
    question = text.find("?")
    if question > 0 and len(_WORD.findall(text, 0, question)) <= QUESTION_WORDS and words <= QUESTION_WORDS + 10:
        return True  # a question and its short answer: "Will there be a toilet on the bus? No."
    return words <= SHORT_ITEM_WORDS and not sentence_like(text)


def parallel_repeats(texts: Sequence[str], duplicated: dict[int, int]) -> set[int]:
    """The later copies among `duplicated` (copy -> first) that are items of a parallel structure.

    A short item repeated is structure when the text repeats several of them (two different items or
    more: a table of contents and its headings, the questions of an interview, a plan's daily items) or
    one of them three times or more (a label under each day). One short line repeated once, and any
    repeated paragraph of prose, are left to be reported.
    """
    return parallel_items({copy: (first, texts[copy]) for copy, first in duplicated.items()})


def parallel_items(copies: dict[int, tuple[int, str]]) -> set[int]:
    """`parallel_repeats` for any units: copy id -> (id of its first copy, the copy's text)."""
    items = {copy: first for copy, (first, text) in copies.items() if short_item(text)}
    if not items:
        return set()
    per_first = Counter(items.values())
    if len(per_first) >= 2:
        return set(items)
    return {copy for copy, first in items.items() if per_first[first] >= 2}


def shape(text: str) -> str:
    """The line's shape, letters and digits folded: lines of one table or list share it."""
    return _SHAPE_RUNS.sub(lambda m: "a" if m.group()[0].isalpha() else "0" if m.group()[0].isdigit() else " ", text)
