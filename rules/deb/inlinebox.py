"""The article goes on past the boxes a site sets inside it: "READ MORE" links, an ad, a newsletter form, "read also".

A news page breaks a short article up with such boxes every few paragraphs. Each box line costs the body finding
(rules/deb/body.py) as much as a menu's, so two boxes between short paragraphs cut the body at the first one,
and the paragraphs after it read as furniture. Below the body, a paragraph of prose on the article's topic that
only box lines and short labels stand apart from, or a few short lines of no kind (a sub-heading, a code sample,
a short list), is the article's: no heading of comments or of other stories stands between, and it shares words
with the body (an author's bio or a site's blurb under the article does not).
"""

from __future__ import annotations

from scrapelint.language import common_stopwords
from scrapelint.rules.deb.lexicons import lexicon, normalise
from scrapelint.rules.deb.lines import Line
from scrapelint.rules.deb.notices import line_notice
from scrapelint.rules.deb.text import _words

_BOX_KINDS = frozenset({"ui", "ad", "consent", "weak"})  # what a box inside the article is made of
_BOX_LINES = 8  # lines: a box is a few; a longer run of furniture is where the article ended
_LABEL_WORDS = 12  # a box's label, a caption or "1 of 6": no paragraph of the article
_BUTTON_WORDS = 4  # a box's button or heading ("Sign up", "Advertisement"); a longer line is the box's own or a menu
_GOES_ON_WORDS = 12  # a paragraph of the article, not a teaser's title
_CLOSING_WORDS = 8  # under a "read also" box, a short closing sentence of the article ("…, the mayor said.")
_PLAIN_GAP = 5  # short lines of no kind (a sub-heading, a code sample, a list) the article goes on past
_SHARED = 1  # a topic word the paragraph shares with the body


def past_inline_boxes(lines: list[Line], first: int, last: int) -> int:
    """The body's last line once it goes on past the inline boxes below `last` (or `last`)."""
    lex = lexicon()
    topic: set[str] | None = None
    end, gap, boxed, buttons, known, linked = last, 0, False, 0, 0, False
    for index in range(last + 1, len(lines)):
        line = lines[index]
        if line.kind is None and line.prose and line.words >= (_CLOSING_WORDS if linked else _GOES_ON_WORDS):
            if not (boxed or (known == 0 and gap <= _PLAIN_GAP)) or line_notice(line.text, line.words) is not None:
                break
            if lines[index - 1].kind == "consent":
                gap += 1  # what the newsletter brings, under its sign-up's heading: the box's own blurb
                continue
            if topic is None:
                topic = _stems(" ".join(lines[i].text for i in range(first, end + 1) if lines[i].prose))
            if not linked and len(_stems(line.text) & topic) < _SHARED:
                break  # (under a "read also" label and its one title, the article's own paragraph: no test)
            end, gap, boxed, buttons, known, linked = index, 0, False, 0, 0, False
            continue
        gap += 1
        if gap > _BOX_LINES or "©" in line.text:
            break
        if line.kind is None:
            if line.words > _LABEL_WORDS:
                break
            continue
        known += 1
        if line.kind not in _BOX_KINDS or (line.words > _BUTTON_WORDS and not _box(line)):
            break  # a menu bar, a footer's line: the page's furniture has begun
        norm = normalise(line.text)
        if lex.related.fullmatch(norm) and _one_link(lines, index):
            boxed = linked = True  # "Also read", one title, and the article goes on: a box inside it
            continue
        if lex.comments.fullmatch(norm) or lex.related.fullmatch(norm) or norm.startswith("copyright"):
            break  # comments or other stories follow, or the page's footer: the article has ended
        if _box(line):
            boxed = True
        else:
            buttons += 1
            if buttons > 1:
                break  # a share bar: where an article ends, not a box inside it
    return end


def _one_link(lines: list[Line], heading: int) -> bool:
    """Under a related heading, one title (no prose, no kind), then a paragraph of prose: a "read also" box."""
    if heading + 2 >= len(lines):
        return False
    link, after = lines[heading + 1], lines[heading + 2]
    return (
        link.kind is None
        and not link.prose
        and 2 <= link.words <= _LABEL_WORDS
        and after.kind is None
        and after.prose
        and after.words >= _CLOSING_WORDS
    )


def _box(line: Line) -> bool:
    """An ad's marker, a newsletter's sign-up, a link to another article under its label ("READ MORE: …"): the
    boxes set inside an article (a share bar or a one-word link follows it)."""
    return line.kind in ("ad", "consent") or (line.kind == "ui" and ":" in line.text and line.words >= 4)


def _stems(text: str) -> set[str]:
    """Topic words cut to five letters, a crude stem ("councillors" and "council" meet): no stop word of any
    common language ("since", "found", "years" say nothing of a topic)."""
    stop = common_stopwords()
    return {word[:5] for word in _words(text.lower()) if len(word) > 3 and word not in stop}
