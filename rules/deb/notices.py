"""Prose-like furniture: the notices a site words in sentences (newsletter and follow prompts, author boxes,
app-download prompts, licence, liability and disclosure notices, comment-form and privacy text, "more on this
topic", subscription appeals, shop and donation prompts, an empty widget's "no comments yet").

Prose detection takes them for the article's own text, so the body finding cannot tell them apart; their
phrases can. The families are data (rules/data/debris_notices*.txt, one `kind:` section per family, in
every language DEB knows). A line is a notice when a phrase of a family occurs in it, anywhere in a line
of fewer than `_SHORT` words, else only among its first words: one phrase deep in a long paragraph may be
the article quoting it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import ahocorasick

from scrapelint.rules.deb.firstchar import required_needles
from scrapelint.rules.deb.lexicons import normalise, quoted_only
from scrapelint.rules.lexicon import lexicon_files, sections

DATA = Path(__file__).resolve().parent.parent / "data"  # rules/data
FAMILIES = {
    "newsletter": "a newsletter sign-up",
    "follow": "a follow-us or channel prompt",
    "app": "an app-download prompt",
    "author": "an author box",
    "licence": "a licence, liability or disclosure notice",
    "comment_form": "a comment-form or data-protection notice",
    "more": "a 'more on this topic' prompt",
    "paywall": "a subscription or support appeal",
    "shop": "a shop, donation or petition prompt",
    "empty": "an empty widget's message",
}
_SHORT = 40  # words: below, one phrase anywhere makes the line a notice
_HEAD = 120  # characters: in a longer line, the phrase stands in its first words
_FEWEST = 3  # spaces: a notice is a sentence or a prompt of four words or more, never a menu item


@lru_cache(maxsize=1)
def _compiled() -> ahocorasick.Automaton:
    """The literal runs the patterns need (a line that holds none cannot match), each leading to the patterns
    that need it with their family: one Aho-Corasick pass finds the runs a line holds (5x faster than a regex
    alternation of them, and built in a millisecond where that takes ~30 ms to compile), and only their
    patterns are tried. A pattern is compiled when a line first holds its run (`_pattern`): most of the ~330
    are never needed by a small run, and compiling them all took ~40 ms a process."""
    by_needle: dict[str, list[tuple[str, str]]] = {}
    for path in lexicon_files(DATA, "debris_notices.txt"):
        for family, patterns in sections(path).items():
            if family not in FAMILIES:
                raise ValueError(f"{path.name}: unknown family of notice {family!r} (one of {list(FAMILIES)})")
            for pattern in patterns:
                for needle in needles_of(pattern):
                    by_needle.setdefault(needle, []).append((family, pattern))
    automaton = ahocorasick.Automaton()
    for needle, entries in by_needle.items():
        automaton.add_word(needle, entries)
    automaton.make_automaton()
    return automaton


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    """A notice pattern compiled, once per process."""
    return re.compile(pattern)


def needles_of(pattern: str) -> frozenset[str]:
    """The literal runs one of which every match of `pattern` holds (rules/deb/firstchar.py)."""
    found = required_needles(pattern)
    if found is None:
        raise ValueError(f"a notice pattern without a literal run of 4+ characters: {pattern!r}")
    return found


# Template lines recur across a site's pages: a line's answer is cached per process by its text (lines of at most
# `_CACHED_LINE` characters, the bound of DEB's line facts; a plain dict emptied when full).
_CACHED_LINE = 400
_LONGEST = 1200  # characters: a longer paragraph is the article's, whatever phrase it holds
_FOUND: dict[str, str | None] = {}
_UNSEEN = "?"


def line_notice(text: str, words: int) -> str | None:
    """The family of notice a line (of `words` words) is, or None: the one question DEB's analysis and its
    message ask, answered once per line."""
    found = _FOUND.get(text, _UNSEEN)
    if found == _UNSEEN:
        found = _line_notice(text, words)
        if len(text) <= _CACHED_LINE:
            if len(_FOUND) >= 1 << 14:
                _FOUND.clear()
            _FOUND[text] = found
    return found


def _line_notice(text: str, words: int) -> str | None:
    if len(text) > _LONGEST or not _may_hold_notice(text, words):
        return None
    norm = normalise(text)
    spaces = norm.count(" ")
    if spaces >= 150:
        return None
    family = notice_family(norm, spaces)
    if family is not None and quoted_only(norm, spaces, lambda rest: notice_family(rest, spaces)):
        return None  # a sentence about a notice ("… found that “Subscribe to continue reading” converted …")
    return family


def _may_hold_notice(text: str, words: int) -> bool:
    """Whether a line holds a run some pattern needs, on the line as it is, lower-cased (most lines need no
    normalising: curly apostrophes, no-break and doubled spaces are rare): the cheap test first."""
    low = (text if words < _SHORT else text[: 2 * _HEAD]).lower()
    if "’" in low or "\u00a0" in low or "  " in low or "\t" in low:
        low = normalise(low)
    return next(_compiled().iter(low), None) is not None


def notice_family(norm: str, spaces: int) -> str | None:
    """The family of notice the normalised line `norm` (with `spaces` spaces) is, or None."""
    if spaces < _FEWEST:
        return None
    text = norm if spaces < _SHORT else norm[:_HEAD]
    for _end, entries in _compiled().iter(text):  # most lines: no run at all
        for family, pattern in entries:
            if _pattern(pattern).search(text) is not None:
                return family
    return None


def warm() -> None:
    """Build the runs' automaton and compile every pattern before `--jobs` forks (engine.warm_up), as the
    lexicon is: ~80 ms, paid once instead of once per worker."""
    for entries in _compiled().values():
        for _family, pattern in entries:
            _pattern(pattern)
