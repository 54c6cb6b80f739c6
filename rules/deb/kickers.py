"""Kickers: the section label a site prints over its headline ("AUTO NEWS", "Company Town", "Fact Check").

A kicker is a label of one or two capitalised words, or up to three in capitals, without figures or a
sentence's end, standing right over a longer headline. DEB's analysis protects the lines over the body as the
headline and its dek; a kicker is the site's furniture, so it is given back as interface text.
"""

from __future__ import annotations

import re

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’.&-]*")
_BY = ("by", "von", "par", "por", "di")  # the word a byline opens with


def kicker(text: str, headline: str) -> bool:
    """`text` is a section label over `headline`, not a short headline over its dek."""
    if len(text) > 60:
        return False
    stripped = text.strip(" \t\u00a0•·|»«›‹>-–—:*#")
    if not stripped or stripped[-1] in ".!?,;\"'”’)" or _DIGIT.search(stripped):
        return False
    words = stripped.split()
    if not 1 <= len(words) <= 3 or len(_WORD.findall(stripped)) != len(words):
        return False
    if stripped.isupper():
        pass  # "AUTO NEWS", "NFL PLAYOFFS": a label in capitals, up to three words
    elif len(words) > 2 or not all(w[0].isupper() for w in words) or "," in stripped:
        return False  # "Slammer for Rammer", "Mirror, Mirror": a short headline, not a label
    if words[0].lower() in _BY:
        return False  # a byline
    below = headline.split()
    # the headline under it is longer and is a headline: not a sentence, a byline or a dateline
    return (
        len(below) >= max(4, len(words) + 2)
        and headline.rstrip()[-1:] not in ".,;:"
        and below[0].lower() not in _BY
        and not _DIGIT.search(headline)
    )
