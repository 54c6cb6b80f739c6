"""A list of other stories the body runs into: headlines, each over a one-paragraph lead, after a tools bar.

The body is the longest run of prose, and a site's "More headlines" box (a headline, its lead, the next
headline, its lead, ...) is prose too, so the body runs on into it past the share bar or the "Related"
heading that a line of debris marks. What follows such a line is another list of stories, not more of the
article, when nearly every paragraph stands alone under a headline-shaped line: an article goes on in
paragraphs that follow one another, and a subheading heads several of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

MIN_HEADLINES = 3  # headline-shaped lines in the list
PAIRED = 0.8  # share of its paragraphs that stand right under a headline-shaped line
MIN_ARTICLE = 100  # prose words of the article before the list: at least these, or a fifth of the body's
LEAD_WORDS = 60  # a teaser's lead is one or two sentences: longer on average, it is an article's paragraphs
_TITLE_WORDS = range(2, 21)
_NOT_TITLE = (".", ",", ";", ":", "!", "?", '"', "”")  # a sentence's or a quote's end


class _Line(Protocol):
    text: str
    words: int
    prose: bool
    kind: str | None
    protected: bool


def _headline(line: _Line) -> bool:
    """A headline: a few words, not ending as a sentence ends ("B.C." ends in a full stop but is an initialism)."""
    text = line.text.rstrip()
    return line.words in _TITLE_WORDS and (not text.endswith(_NOT_TITLE) or (text[-1] == "." and text[-2:-1].isupper()))


def _shape(lines: Sequence[_Line], start: int, stop: int) -> tuple[int, int, int, int] | None:
    """(headline-shaped lines, paragraphs, paragraphs right under a headline, their words) of the free lines in
    [start, stop); None when a protected line (a title, a byline) is among them."""
    headlines = leads = paired = lead_words = 0
    previous: _Line | None = None
    for line in lines[start:stop]:
        if line.kind is not None:
            previous = None
            continue
        if line.protected:
            return None
        if line.prose and not _headline(line):
            leads += 1
            lead_words += line.words
            paired += previous is not None and _headline(previous)
        elif _headline(line):
            headlines += 1
        previous = line
    return headlines, leads, paired, lead_words


def _story_list(lines: Sequence[_Line], start: int, stop: int) -> bool:
    """The free lines in [start, stop) are headlines over one-paragraph leads, not an article's paragraphs.

    The list opens with a headline or a heading, not a paragraph: a paragraph right after the debris line is the
    article going on past an inline "Read more:" link.
    """
    opening = next((line for line in lines[start:stop] if line.kind is None), None)
    if opening is None or (opening.prose and not _headline(opening)):
        return False
    shape = _shape(lines, start, stop)
    if shape is None:
        return False
    headlines, leads, paired, lead_words = shape
    return headlines >= MIN_HEADLINES and paired >= PAIRED * leads and lead_words <= LEAD_WORDS * max(leads, 1)


def _sections(lines: Sequence[_Line], start: int, stop: int) -> bool:
    """Most paragraphs in [start, stop) stand under a heading of their own: a gallery or a list of sections, whose
    captions or credits between the items are no end of the article."""
    shape = _shape(lines, start, stop)
    return shape is not None and shape[2] * 2 > shape[1]


def story_list_start(lines: Sequence[_Line], first: int, last: int) -> int | None:
    """The index of the debris line inside the body [first, last] after which the body is a list of other stories.

    The article comes first: a fifth of the body's prose words, or 100, stand before the line (the list after it
    may be longer than a short article), and its paragraphs follow one another, not each under a heading of its
    own, as in a gallery whose credits stand between the items (the line over the body is its first heading).
    """
    prose = [line.words if line.prose and line.kind is None else 0 for line in lines[first : last + 1]]
    total = sum(prose)
    before = 0
    for offset, words in enumerate(prose):
        index = first + offset
        before += words
        line = lines[index]
        if line.kind is None or lines[index - 1].kind is not None or before < min(total / 5, MIN_ARTICLE):
            continue  # only the first of a run of debris lines, once the article is behind
        if _story_list(lines, index + 1, last + 1) and not _sections(lines, max(0, first - 1), index):
            return index
    return None
