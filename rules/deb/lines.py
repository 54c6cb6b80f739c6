"""A line of the page and what it is on its own (words, prose or not, lexicon kind), cached by its text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter

from scrapelint.language import prose_density
from scrapelint.rules.deb.lexicons import lexicon_kind
from scrapelint.rules.deb.text import _TERMINAL, _word_count, _words

# -- the per-document analysis ---------------------------------------------------------


@dataclass(slots=True)
class Line:
    start: int
    end: int
    text: str
    words: int
    prose: bool
    kind: str | None = None  # debris kind, None for content
    protected: bool = False  # title, byline, dateline, report credit: content whatever it looks like


_KIND = attrgetter("kind")
# white space and the invisible format characters some blogs end their lines with (U+2063 after each step)
_INVISIBLE = " \t\r\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"


def _facts(body: str) -> tuple[int, bool, str | None]:
    """What a line is on its own: its word count, whether it reads as prose, its lexicon kind."""
    words = _word_count(body)
    last = body.rstrip(_INVISIBLE)[-1:]
    terminal = last in _TERMINAL
    prose = (
        words >= 25
        or (words >= 8 and terminal)
        or (words >= _UNPUNCTUATED_PROSE and last.isalnum() and _UNPUNCTUATED.search(body) is not None)
        or (((terminal and words >= _SHORT_PROSE) or words >= _UNENDED_PROSE) and _short_prose(body))
    )
    return words, prose, lexicon_kind(body)


# Thai, Lao and Khmer end no sentence with a mark: a line in their script that ends in a letter or a figure and
# runs this long is prose (their headlines and teasers run shorter)
_UNPUNCTUATED = re.compile(r"[\u0e00-\u0eff\u1780-\u17ff]")
_UNPUNCTUATED_PROSE = 15


# Stop words tell prose from furniture in any language (jusText's signal, from stopwordsiso's lists, in
# whichever common language has most of them). A short sentence with many reads as prose: "Ein Backblech
# mit Backpapier auslegen." does, a menu or a headline of nouns does not. (Not in English, where the rules
# above were tuned on L3S-GN1 and this costs recall there.) Tuned on the tune half of trafilatura_dev.
_SHORT_PROSE = 5
_UNENDED_PROSE = 20  # words: a sentence this long full of stop words is prose without its full stop (a line
# broken before it, a link after it), as `_dense_prose` reads an intro
_STOP_DENSITY = 0.35


def _short_prose(body: str) -> bool:
    language, density = prose_density(_words(body.lower()))
    return language != "en" and density >= _STOP_DENSITY


DENSE_WORDS = 20  # words of a paragraph of prose that is the article's wherever it stands


def _dense_prose(line: Line, least: int = DENSE_WORDS) -> bool:
    """A paragraph of prose above the body, full of stop words, is the article's intro, not furniture."""
    return line.prose and line.words >= least and prose_density(_words(line.text.lower()))[1] >= _STOP_DENSITY


# Menus, footers and credits repeat across a site's pages (and across the two passes of a run): the facts
# of lines are cached per process, bounded (at most about 30 MB); paragraphs too long for the lexicon
# are not kept. Plain dicts, emptied when full: a hit is one lookup, a third of what an lru_cache's costs.
_CACHED_LINE = 400
_FACTS: dict[str, tuple[int, bool, str | None]] = {}  # lines of at most `_CACHED_LINE` characters
_LONG_FACTS: dict[str, tuple[int, bool, str | None]] = {}  # longer ones, up to 1200


def line_facts(body: str) -> tuple[int, bool, str | None]:
    """`_facts`, cached."""
    cache, size = (_FACTS, 1 << 16) if len(body) <= _CACHED_LINE else (_LONG_FACTS, 1 << 12)
    facts = cache.get(body)
    if facts is None:
        facts = _facts(body)
        if len(body) <= 1200:
            if len(cache) >= size:
                cache.clear()
            cache[body] = facts
    return facts


def line_deletion(text: str, start: int, end: int) -> tuple[int, int]:
    """The span that removes whole lines `[start, end)` with their line break, leaving no doubled blank line."""
    line_start = text.rfind("\n", 0, start) + 1
    newline = text.find("\n", end)
    after = newline
    while after != -1 and after < len(text) and text[after].isspace():
        after += 1
    if newline == -1 or after >= len(text):  # nothing follows: take the whitespace before instead
        begin = line_start
        while begin > 0 and text[begin - 1].isspace():
            begin -= 1
        return begin, len(text)
    next_line = text.rfind("\n", 0, after) + 1
    previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    before_is_blank = line_start == 0 or not text[previous_start : line_start - 1].strip()
    return line_start, next_line if before_is_blank else newline + 1
