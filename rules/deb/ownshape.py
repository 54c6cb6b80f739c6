"""A body that goes on below in its own shape: a forum's last post, a live blog's last entry.

DEB's body finding ends a body where its lines cost more than the prose after them earns: a post's "Reply"
button, its author's name and its date stamp cost as much as a short post says. When the lines under the body
repeat a dated template line the body itself holds more than once (the same "Posted on June #, # at #:# #"
over each post), with prose after it, the body goes on there: that is the page's next post, not a sidebar.
A template without a date ("Reply", "Share") is not enough on its own: a page's buttons recur around its
teasers too.
"""

from __future__ import annotations

import re
from collections import Counter

from scrapelint.rules.deb.lines import Line

_FIGURES = re.compile(r"\d+|\b[ap]\.?m\b\.?")  # figures and the half of the day ("9:14 am", "1:47 pm")
_ABOVE = 2  # lines above the body that may be its first post's header
_POSTS = 2  # a dated line the body holds this many times is its posts' stamp
_NAME_WORDS = 3  # a line between a template line and the prose: the author's name, at most this many words


def _shape(text: str) -> str:
    """The line with its figures masked: the template a page repeats for each post."""
    return _FIGURES.sub("#", " ".join(text.lower().split()))


def goes_on(lines: list[Line], first: int, last: int) -> int:
    """The last line of the body once it goes on over the posts below it that are in its own shape (or `last`)."""
    own = lines[max(0, first - _ABOVE) : last + 1]  # (the first post's stamp stands over the body's first line)
    shapes = Counter(_shape(line.text) for line in own if not line.prose and line.kind in (None, "weak"))
    stamps = {shape for shape, count in shapes.items() if shape.count("#") >= 2 and count >= _POSTS}  # a date, a time
    if not stamps:
        return last  # no post stamp the body repeats: an article's one dateline is no template
    end, prose = last, False
    dated: set[str] = set()  # the stamps of the post under way
    for index in range(last + 1, len(lines)):
        line = lines[index]
        if line.kind not in (None, "weak"):
            break
        if line.prose:
            if not dated:
                break
            end, prose = index, True  # a post's text under the body's own stamp
            continue
        if prose:
            dated, prose = set(), False  # the next post needs its own stamp
        shape = _shape(line.text)
        if shape in stamps:
            if shape in dated:
                break  # the same stamp twice with no text between: a list of dated links, not posts
            dated.add(shape)
        elif shape not in shapes and line.words > _NAME_WORDS:
            break  # neither the body's own button or label nor a post's name: the page's furniture starts
    return end
