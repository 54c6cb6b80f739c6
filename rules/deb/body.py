"""DEB's body finding: one analysis per document labels every non-blank line, which every DEB rule reads.

It is linear in the text: the main body is one maximum-sum pass over the lines, then the preamble above it is
protected and the teasers, menus, footers and related lists around it are marked. What a line is on its own
(word count, prose or not, lexicon kind) is cached per process by its text (lines.py): menus and footers recur
across a site's pages, so most of them are judged once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, groupby
from operator import itemgetter
from weakref import WeakKeyDictionary

from scrapelint.doc_cache import family_cache
from scrapelint.document import Document
from scrapelint.language import prose_density
from scrapelint.rules.deb.inlinebox import past_inline_boxes
from scrapelint.rules.deb.kickers import kicker
from scrapelint.rules.deb.leadcopy import copies_lead
from scrapelint.rules.deb.lexicons import breadcrumb, lexicon, normalise
from scrapelint.rules.deb.lines import _FACTS, _KIND, _STOP_DENSITY, DENSE_WORDS, Line, _dense_prose, line_facts
from scrapelint.rules.deb.menus import MENU_NAMES, inner_menus, menu_bar
from scrapelint.rules.deb.notices import line_notice
from scrapelint.rules.deb.ownshape import goes_on
from scrapelint.rules.deb.quantities import quantity, recipes
from scrapelint.rules.deb.specs import spec_lists
from scrapelint.rules.deb.storylist import story_list_start
from scrapelint.rules.deb.text import (
    _BYLINE,
    _DATE,
    _DATE_META,
    _FIGURE,
    _FUNCTION_WORDS,
    _LAST_SENTENCE,
    _LIST_HEADING,
    _LIST_ITEM,
    _NAME_LINE,
    _REPORT_CREDIT,
    _TEASER_CUT,
    _WIRE,
    _words,
)
from scrapelint.rules.structure import item_number, sentence_like, structure_beside


@dataclass
class Analysis:
    lines: list[Line]
    body: tuple[int, int] | None  # index range [first, last] of the main body in `lines`
    teasers: list[tuple[int, int]] = field(default_factory=list)  # index ranges, one per teaser
    truncated: list[tuple[int, int, bool]] = field(default_factory=list)  # (start, end, inside a teaser)
    threads: list[tuple[int, int, int, bool]] | None = None  # reader-comment threads (threads.py), found on demand
    thread_lines: set[int] | None = None  # the lines of those threads, which each line rule leaves alone
    _segments: list[tuple[int, int, str]] | None = field(default=None, repr=False)

    def runs(self, kinds: tuple[str, ...]) -> list[tuple[int, int]]:
        """Index ranges [first, last] of the runs of consecutive lines whose kind is one of `kinds`.

        Made from the runs of lines of one kind, found once (after the analysis is done) for every rule.
        """
        if self._segments is None:
            self._segments = []
            index = 0
            for kind, group in groupby(map(_KIND, self.lines)):  # in C: one step per run, not per line
                size = len(list(group))
                if kind is not None:
                    self._segments.append((index, index + size - 1, kind))
                index += size
        runs: list[tuple[int, int]] = []
        for first, last, kind in self._segments:
            if kind in kinds:
                if runs and runs[-1][1] + 1 == first:
                    runs[-1] = (runs[-1][0], last)
                else:
                    runs.append((first, last))
        return runs


_CACHE: WeakKeyDictionary[Document, Analysis] = family_cache("DEB")  # dropped after DEB (issue #20)


# DUP004 asks where the article's headline is kept above the body after DEB's cache is dropped: kept till DUP's end
_PREAMBLES: WeakKeyDictionary[Document, frozenset[int]] = family_cache("DUP")


def analyse(doc: Document) -> Analysis:
    """Label every non-blank line of the document once; every DEB rule reads the result."""
    cached = _CACHE.get(doc)
    if cached is None:
        cached = _CACHE[doc] = _analyse(doc)
        _PREAMBLES[doc] = _preamble_of(cached)
    return cached


def preamble_starts(doc: Document) -> frozenset[int]:
    """Where the lines start that the analysis keeps above the body as the article's (headline, dek, byline):
    read from a small cache, not from a second analysis of a document whose DEB analysis was dropped."""
    found = _PREAMBLES.get(doc)
    return found if found is not None else _preamble_of(analyse(doc))


def _preamble_of(analysis: Analysis) -> frozenset[int]:
    if analysis.body is None:
        return frozenset()
    return frozenset(line.start for line in analysis.lines[: analysis.body[0]] if line.protected)


def _analyse(doc: Document) -> Analysis:
    text = doc.text
    # Non-blank lines, trimmed; in hard-wrapped text the Document gives whole blocks instead.
    lines: list[Line] = []
    append, cached = lines.append, _FACTS.get
    # the offsets of `doc.paragraphs`, without an object each
    for start, end in zip(*doc.paragraph_spans, strict=False):
        body = text[start:end]
        # `line_facts` inlined for a line seen before: this runs once per line of every article
        words, prose, kind = cached(body) or line_facts(body)
        append(Line(start, end, body, words, prose, kind))
    for line in lines:
        if line.kind is None and not line.prose and line.words >= MENU_NAMES and menu_bar(line.text):
            line.kind = "ui"  # a menu bar on one line (rules/deb/menus.py; a paragraph is none)
    analysis = Analysis(lines, _main_body(lines, _notices(lines)))
    if analysis.body is not None:  # a forum's or live blog's last posts, in the body's own shape (ownshape.py)
        analysis.body = (analysis.body[0], goes_on(lines, *analysis.body))
        analysis.body = (analysis.body[0], past_inline_boxes(lines, *analysis.body))
    _settle_weak(analysis)
    if analysis.body is not None:
        _end_at_comments(analysis)
        _end_at_story_list(analysis)
        _protect_preamble(analysis, doc)
        _find_teasers(analysis)
        _mark_off_body(analysis)
    _mark_related_lists(analysis)
    _mark_notices(analysis)
    _fill_gaps(analysis)
    _fill_tail(analysis)
    _find_truncated(analysis, text)
    return analysis


def _mark_notices(analysis: Analysis) -> None:
    """The lines still read as the article's that are a site's notice: an author box, a sign-up or follow prompt,
    a licence (rules/deb/notices.py). Asked last, of those lines only: most of a page is marked by then. A line
    the preamble or the sign-off guess protected is asked too: a notice's phrase says more than its position.

    An author's note right under the article's last paragraph is its sign-off ("X is a freelance journalist
    who …" closing an op-ed), the article's own; an author box elsewhere (beside it, after a share bar) is not.
    """
    lines, body = analysis.lines, analysis.body
    sign_off = -1
    if body is not None:
        last = body[1]
        sign_off = last if last + 1 >= len(lines) or not lines[last].prose else last + 1
    for index, line in enumerate(lines):
        if line.kind is not None or line.words < 4:
            continue
        family = line_notice(line.text, line.words)
        if family is None:
            continue
        if family == "author" and index in (sign_off, sign_off - 1) and index > 0 and lines[index - 1].prose:
            continue
        line.kind = "notice"


_GAP_WORDS = 8  # a label, a link, a form field: no paragraph
_RUN_KINDS = ("headlines", "comments", "furniture")  # kinds a line between two of them joins; else "furniture"


def _fill_gaps(analysis: Analysis) -> None:
    """A short line that is no prose, off the body, between two lines of debris is debris too: the link, label or
    form field of the same menu or box ("Passwort:", "Printer friendly version", "World News") that no lexicon
    knows. The article's lines off the body (its headline, byline, a table after it) are protected or stand
    beside other lines of the article. (Gaps of two lines found 5 more lines on L3S and flagged an article line.)
    Above the body, one-word lines right after a menu's item are its next items."""
    lines, body = analysis.lines, analysis.body
    first, last = body if body is not None else (len(lines), len(lines))
    for index in chain(range(1, min(first, len(lines) - 1)), range(last + 1, len(lines) - 1)):
        line = lines[index]
        if line.kind is not None or line.protected or line.prose or line.words > _GAP_WORDS:
            continue
        above, below = lines[index - 1].kind, lines[index + 1].kind
        if above is None or below is None or above == "code" or below == "code":
            continue
        line.kind = above if above == below and above in _RUN_KINDS else "furniture"
    for index in range(1, min(first, len(lines))):
        if lines[index - 1].kind in ("ui", "furniture") and _menu_item(lines[index]):
            lines[index].kind = "furniture"


_TAIL_WORDS = 4  # a link or a label ("Contact", "Alle Produkte anzeigen"); a longer line may be a table's row


def _fill_tail(analysis: Analysis) -> None:
    """Below the body, once the page's furniture has begun (a line of any kind but code), a short line that is no
    prose and not protected is more of it: a footer's link, a widget's label, a weather box's "Partly cloudy" in
    any language, left between lines no lexicon knows. Lines right under the body, before any furniture, are
    left alone: that is where an article's own table, score lines and sign-off sit. (On trafilatura_dev's tune
    half +3 boilerplate snippets, +1 article line, inside a product list already cut off; on L3S's tune half
    +49 debris lines, no article line. Up to 8 words found no more on the tune halves and flagged more.)"""
    lines, body = analysis.lines, analysis.body
    if body is None:
        return
    begun = False
    for line in lines[body[1] + 1 :]:
        if line.kind is None:
            if begun and not line.prose and not line.protected and 0 < line.words <= _TAIL_WORDS:
                line.kind = "furniture"
        elif line.kind != "code":
            begun = True


def _menu_item(line: Line) -> bool:
    """One word, no figure, of no kind and not protected: above the body, after a menu's item ("Strona główna"),
    the menu's next items ("Wiadomości", "Sport") that no lexicon knows."""
    return line.kind is None and not line.protected and line.words == 1 and _FIGURE.search(line.text) is None


def _settle_weak(analysis: Analysis) -> None:
    """A word like "Video" or "Jobs" alone between paragraphs is a heading; next to debris, off the body or
    repeated on the page, a button."""
    lines, body = analysis.lines, analysis.body
    weak = Counter(line.text for line in lines if line.kind == "weak")
    for index, line in enumerate(lines):
        if line.kind != "weak":
            continue
        if weak[line.text] > 1:
            line.kind = "ui"  # a heading is not repeated word for word; a forum's "Reply" under each post is
            continue
        inside = body is None or body[0] <= index <= body[1]  # (no body: only its neighbours tell)
        neighbours = [lines[i].kind for i in (index - 1, index + 1) if 0 <= i < len(lines)]
        line.kind = "ui" if not inside or any(kind is not None and kind != "code" for kind in neighbours) else None


_MEASURE = 2  # the score of a quantity line ("200 g Zucker") in the body finding


def _notices(lines: list[Line]) -> set[int]:
    """The paragraphs of prose that are a site's notice (a licence, a sign-up prompt: rules/deb/notices.py), which
    make no body however long: a blog's licence footer must not outweigh the recipe above it. (An author's note
    may be the article's sign-off: `_mark_notices` decides it once the body is known.)"""
    return {
        index
        for index, line in enumerate(lines)
        if line.kind is None
        and line.prose
        and line.words >= 4
        and line_notice(line.text, line.words) not in (None, "author")
    }


_AD_SLOT = -4  # an ad marker ("Check price on Amazon") costs the body no more than any short line: DEB003 reports it


def _main_body(lines: list[Line], notices: AbstractSet[int] = frozenset()) -> tuple[int, int] | None:
    """The longest run of prose: a maximum-sum segment where prose counts its words and other lines cost.

    A short article can lose to a longer block of comments or of the site's blurb further down: an earlier
    block at least half as long that sits under a byline or dateline, where the best one does not, wins.
    """
    blocks: list[tuple[int, int, int]] = []  # (score, first, last): the best segment of each run above zero
    total, first, top = 0, 0, None
    listing = False  # after "Cities that top the list:" list items and table cells cost nothing
    number = -1  # so do the items of a numbered list counting up (a table of contents, steps: rules/structure.py)
    speakers = _speakers(lines)  # and a transcript's turns count their words, however short ("WITNESS: No.")
    for index, line in enumerate(lines):
        if line.kind is not None:
            score, listing = (_AD_SLOT if line.kind == "ad" else -12), False
        else:
            colon = line.text.endswith(":") or _LIST_HEADING.fullmatch(line.text) is not None
            listing = colon or (listing and _list_item(line)) or _bulleted(lines, index)
            if quantity(line.text, line.words):
                score = _MEASURE  # an ingredient: a recipe is an article
            elif (counted := (line.prose or index in speakers) and index not in notices) or listing:
                score = line.words if counted else 0
            elif line.text[:1].isdigit() and (found := item_number(line.text)) is not None:
                score, number = (0 if found == number + 1 else -4), found
            else:
                score = -4
        if total <= 0:
            if top is not None:
                blocks.append(top)
            total, first, top = 0, index, None
        total += score
        if total > 0 and (top is None or total > top[0]):
            top = (total, first, index)
    if top is not None:
        blocks.append(top)
    if not blocks:
        return None
    best = max(blocks)
    if best[0] < 30:
        return None
    if not _under_byline(lines, best[1]):
        for block in blocks:
            if block[1] >= best[1]:
                break
            if block[0] * 2 >= best[0] and _under_byline(lines, block[1]):
                prose = [line.text for line in lines[block[1] : block[2] + 1] if line.prose]
                if copies_lead(prose, [line.text for line in lines[best[1] : best[2] + 1]]):
                    continue  # a teaser of this article above it (rules/deb/leadcopy.py): the body goes on below
                return block[1], block[2]
    return best[1], best[2]


_SPEAKER = re.compile(r"(?:[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,2}|[QA]): ")  # "MR DAVIES: ", "WITNESS: ", "Q: "
_TURNS = 3  # lines that open with one speaker's label: a transcript, not a label over a value


def _speakers(lines: list[Line]) -> set[int]:
    """The lines of a transcript's turns: each opens with a speaker's label in capitals, and a label opens three
    lines or more, two speakers or more taking turns."""
    if not any(line.text[:1].isupper() and ": " in line.text[:30] for line in lines):
        return set()  # most pages: no line can open with a label (a cheap test first)
    labels = {index: found.group() for index, line in enumerate(lines) if (found := _SPEAKER.match(line.text))}
    counts = Counter(labels.values())
    if sum(1 for count in counts.values() if count >= _TURNS) < 2:
        return set()
    return {index for index, label in labels.items() if counts[label] >= _TURNS}


def _under_byline(lines: list[Line], first: int) -> bool:
    """A byline, dateline or agency credit among the few lines above `first`: where an article starts."""
    return any(
        line.kind in (None, "meta") and line.words <= 12 and (_dateline(line) or _WIRE.fullmatch(line.text))
        for line in lines[max(0, first - 4) : first]
    )


_BULLETS = ("- ", "• ", "* ", "– ", "· ")


def _bulleted(lines: list[Line], index: int) -> bool:
    """An item of a list written with its bullets, beside another with the same bullet: the article's list (a
    season's catch under "What's in season"), which costs its body nothing, as after a line ending in ":". At the
    body's end such items add nothing either: a bulleted footer is not taken in unless prose follows it."""
    head = lines[index].text[:2]
    if head not in _BULLETS:
        return False
    return any(0 <= i < len(lines) and lines[i].text[:2] == head for i in (index - 1, index + 1))


_ITEM_WORDS = 6  # "Every part is replaceable and upgradeable": a review's pro, a table's cell (4 cut its list)


def _list_item(line: Line) -> bool:
    """An item of a list or a cell of a table: "- Paris", "2. Rome", "1990-1994", "Sheffield Wednesday"."""
    return line.words <= _ITEM_WORDS or _LIST_ITEM.match(line.text) is not None


_NOT_TITLE = (".", ",", ";", ":")  # how a sentence or a clause ends, not a headline


def _title_like(line: Line) -> bool:
    """A headline: a few words, not a sentence that ends in a full stop."""
    return line.kind is None and 2 <= line.words <= 30 and not line.text.endswith(_NOT_TITLE)


def _dateline(line: Line) -> bool:
    """A date, time or byline under the headline: "Posted January 1, 2008", "By JOSEPH WHITE"."""
    return line.words <= 20 and _dated(line.text)


@lru_cache(maxsize=1 << 14)  # lines of at most 20 words, asked about again and again around the body's start
def _dated(text: str) -> bool:
    # every branch of `_DATE` holds a digit: the scan for one is 2x cheaper than `_DATE`'s at every position
    return bool(
        _BYLINE.match(text) or _DATE_META.match(normalise(text)) or (_FIGURE.search(text) and _DATE.search(text))
    )


def _protect_preamble(analysis: Analysis, doc: Document) -> None:
    """The headline, dek, byline and dateline just above the body, and the article's title where it is given."""
    lines, (first, last) = analysis.lines, analysis.body  # type: ignore[misc]
    title = normalise(doc.article.title or "")
    if title:
        for index in range(first - 1, -1, -1):
            text = lines[index].text  # normalising never lengthens ASCII text: a shorter line cannot be the title
            if (len(text) >= len(title) or not text.isascii()) and normalise(text) == title:
                # Near the body, all between the title and the body is its preamble (dek, byline, dateline);
                # far above it (a sidebar or a results box between), the title line alone is sure.
                for line in lines[index:first] if index >= first - 40 else [lines[index]]:
                    if line.kind is None or (line.kind == "meta" and _dateline(line)):
                        line.protected = True
                        line.kind = None
                break
    for line in lines[max(0, first - 15) : first]:
        if line.kind == "meta" and _dateline(line):
            line.kind = None  # a dateline under the headline is part of the article
        if line.kind in (None, "credit") and _WIRE.fullmatch(line.text):
            line.kind, line.protected = None, True  # so is the agency's credit, whatever menu sits around it
    headline = _find_headline(lines, first)
    if headline is not None:
        dated = next((i for i in range(first - 1, headline, -1) if _dateline(lines[i])), headline)
        for index in range(headline, first):
            line = lines[index]
            if line.kind is None and (index <= dated or _dateline(line) or line.words >= 8):
                line.protected = True  # between the headline and its dateline all is byline; below, only a dek
    echo = _echoed_headline(lines, first, last)
    if echo is not None:
        _protect_echo(lines, echo, first)
    byline = next(
        (
            i
            for i in range(first - 1, max(-1, first - 41), -1)
            if lines[i].kind is None and lines[i].text.startswith("By") and _byline(lines[i])  # what `_BYLINE` needs
        ),
        None,
    )
    if byline is not None and not lines[byline].protected:
        lines[byline].protected = True  # far above the body, behind a tools bar, the byline still tops the article
        for line in lines[max(0, byline - 2) : byline][::-1]:
            if line.kind is not None or not _title_like(line):
                break
            line.protected = True  # and the headline and dek over it
    headlines = 0
    for index in range(first - 1, max(-1, first - 9), -1):
        line = lines[index]
        if line.kind is not None or line.protected:
            continue
        if _dateline(line):
            line.protected = True
        elif headlines < 3 and line.words <= 60 and (line.words >= 4 or (headlines == 0 and line.words >= 2)):
            line.protected = True
            headlines += 1
    _protect_body_heading(lines, first)
    _protect_sidebar(lines, first)
    for index in range(first - 1, max(0, first - 15), -1):
        line, above, below = lines[index], lines[index - 1], lines[index + 1]
        if (
            line.kind is None
            and above.protected
            and (below.protected or index + 1 == first)
            and _NAME_LINE.fullmatch(line.text)
        ):
            line.protected = True  # one line between the headline or byline and the body: the author, the outlet
    if lines[last].text.endswith(":"):  # "Below is the list of players invited:" — the list is the article's
        for line in lines[last + 1 : last + 300]:
            if line.kind is not None:
                break
            line.protected = True
    for index in range(max(0, first - 15), first - 1):
        line, below = lines[index], lines[index + 1]
        if (
            line.protected
            and below.protected
            and not (index > 0 and lines[index - 1].protected)  # under the headline: its author ("Fernanda Oliveira")
            and kicker(line.text, below.text)
            and not _WIRE.fullmatch(line.text)
        ):
            line.protected, line.kind = False, "ui"  # a section label over the headline (rules/deb/kickers.py)
    _protect_title_under_breadcrumb(lines, first)
    tail = lines[last + 1 : last + 3]
    if tail and tail[0].kind is None and tail[0].words <= 30 and _sign_off(tail[0]):
        tail[0].protected = True  # a sign-off right under the last paragraph: "- REUTERS", "Bureau Report"
    for line in tail:
        if line.kind is None and _REPORT_CREDIT.search(line.text):
            line.protected = True


def _protect_body_heading(lines: list[Line], first: int) -> None:
    """The body's own heading of one word ("Descripción", "Zutaten") right under its preamble; not a section's
    label ("Galleries") under a menu, nor a share button ("Del", "Сподели") under the dateline."""
    if first < 2:
        return
    heading, above = lines[first - 1], lines[first - 2]
    if (
        heading.kind is None
        and heading.words == 1
        and heading.text[:1].isupper()
        and not heading.text.endswith(_NOT_TITLE)
        and above.protected
        and not _dateline(above)
    ):
        heading.protected = True


def _protect_title_under_breadcrumb(lines: list[Line], first: int) -> None:
    """Under the breadcrumb, the page's own title and its author: a product's, a book's, a thread's, however
    far its spec list and price push the body."""
    crumb = next(
        (
            i
            for i in range(first - 1, max(-1, first - 21), -1)
            if lines[i].kind == "ui" and breadcrumb(normalise(lines[i].text))
        ),
        None,
    )
    if crumb is None or crumb + 1 >= first or not _title_like(lines[crumb + 1]):
        return
    lines[crumb + 1].protected = True
    name = lines[crumb + 2]
    if crumb + 2 < first and name.kind in (None, "ui") and name.words <= 4 and _NAME_LINE.fullmatch(name.text):
        name.kind, name.protected = None, True  # (no kicker: the title is above it)


def _sign_off(line: Line) -> bool:
    """A line under the last paragraph that ends the article: an agency or a name ("- REUTERS", "(dpa)",
    "Bureau Report", "Reporting by Jane Doe"), a last short sentence, a rule ("___") or a label over what
    follows ("On the Net:", "SCOREBOARD"). Not a prompt or a link in words ("Siehe auch", "Get our
    newsletter"): furniture."""
    text = line.text
    return (
        text[-1:] in ":.!?…"
        or text[:1] in "-–—(*_=#.…"
        or text.isupper()
        or not any(map(str.isalpha, text))
        or _NAME_LINE.fullmatch(text) is not None
        or _WIRE.search(text) is not None
        or _REPORT_CREDIT.search(text) is not None
        or _BYLINE.match(text) is not None
    )


def _protect_sidebar(lines: list[Line], first: int) -> None:
    """A lead paragraph under its byline, then a box of figures or a caption, then the rest of the story.

    The box costs the body its lead; the lead, the box and the byline above are the article's all the same,
    when no line the lexicon knows (a menu, a button) stands between the lead and the body.
    """
    for index in range(first - 1, max(0, first - 60), -1):
        line = lines[index]
        if line.kind is not None:
            return  # past a menu or a button nothing is the article's
        if not line.prose:
            continue
        byline = lines[index - 1]
        if byline.kind is None and (_byline(byline) or _dateline(byline)) and byline.words <= 20:
            for between in lines[index - 1 : first]:
                between.protected = True
            return


def _protect_echo(lines: list[Line], echo: int, first: int) -> None:
    """The headline the lead echoes, its dek above, its byline and dateline below, and prose between it and the body."""
    lines[echo].protected = True
    above = lines[echo - 1] if echo > 0 else None
    if above is not None and above.kind is None and _title_like(above) and above.words >= 3:
        above.protected = True  # a headline over its dek
    under = 0
    for line in lines[echo + 1 : first]:
        if line.kind is not None:
            under = 4  # past the tools bar, only prose is the article's
        elif (under < 4 and (line.words <= 6 or _dateline(line))) or line.prose:
            line.protected = True
        under += 1


def _content_words(text: str) -> set[str]:
    """Content words cut to five letters, a crude stem: "confrontation" and "confront" meet."""
    return {word[:5] for word in set(_words(text.lower())) - _FUNCTION_WORDS if len(word) > 2}


_STEM = itemgetter(slice(5))


def _lead_words(lowered: str) -> set[str]:
    """`_content_words` of a lower-cased text, and some stems of one or two letters, which no `_content_words` holds.

    Made in C (the lead is long): a set of the words, less the function words, each cut to five letters.
    """
    return set(map(_STEM, set(_words(lowered)) - _FUNCTION_WORDS))


def _echoed_headline(lines: list[Line], first: int, last: int) -> int | None:
    """Far above the body, the headline is the title-like line whose words the lead paragraphs repeat most."""
    text: str | None = None  # the lead's text, lower-cased, and its words: gathered only once a candidate needs them
    lead: set[str] | None = None
    best, best_score = None, 0.0
    for index in range(first - 1, max(-1, first - 41), -1):
        line = lines[index]
        if line.kind is not None or line.protected or not _title_like(line) or not 3 <= line.words <= 25:
            continue
        words = _content_words(line.text)
        if len(words) < 2:
            continue  # cannot share two words
        if text is None:
            text = " ".join(lead_line.text for lead_line in lines[first : min(last + 1, first + 5)]).lower()
        if lead is None:
            # a stem that is not in the lead's text begins none of its words: while too few are, no need of the words
            bound = sum(1 for word in words if word in text)
            if bound < 2 or bound / len(words) < 0.4 or bound / len(words) <= best_score:
                continue
            lead = _lead_words(text)
        shared = len(words & lead)
        score = shared / len(words)
        if shared >= 2 and score >= 0.4 and score > best_score:
            best, best_score = index, score
    return best


_KICKER_WORDS = 2  # "Olympische Winterspiele", "Company Town": a section's label over the headline, not its part


def _find_headline(lines: list[Line], first: int) -> int | None:
    """The headline: above the dateline nearest the body, else the nearest title-like line above the body.

    A title-like line directly above the one found is taken too: a headline over its dek or its credit, but not
    a kicker of two words (L3S: +17 / +22 debris lines on the tune / check half, one article line fewer).
    """
    window = range(first - 1, max(-1, first - 16), -1)
    date = next((i for i in window if lines[i].kind is None and _dateline(lines[i])), None)
    if date is not None:
        while date > 0 and lines[date - 1].kind is None and _dateline(lines[date - 1]):
            date -= 1
    start, least = (date, 2) if date is not None else (first, 3)
    found, examined = None, 0
    for index in range(start - 1, max(-1, start - 12), -1):
        line = lines[index]
        if line.kind is not None:
            continue
        examined += 1
        if _title_like(line) and line.words >= least:
            found = index
            break
        if examined == 4:
            break
    if found is None:
        return date
    above = lines[found - 1] if found > 0 else None
    if above is not None and above.kind is None and _title_like(above) and above.words > _KICKER_WORDS:
        return found - 1
    return found


def _end_at_comments(analysis: Analysis) -> None:
    """Reader comments are prose too: the body ends at a comment-section heading found in its later part."""
    lines, (first, last) = analysis.lines, analysis.body  # type: ignore[misc]
    comments = lexicon().comments
    words = sum(line.words for line in lines[first : last + 1] if line.prose)
    seen = 0
    for index in range(first, last + 1):
        line = lines[index]
        if line.prose and line.kind is None:
            seen += line.words
        elif (
            (seen >= 0.3 * words or seen >= 150) and len(line.text) <= 200 and comments.fullmatch(normalise(line.text))
        ):
            analysis.body = (first, index - 1)
            line.kind = "comments"  # the heading opens the thread (DEB009 reports it whole)
            for after in lines[index + 1 :]:
                if after.kind is not None:
                    break  # the section ends at the page's furniture: what follows is left to the rest of the analysis
                after.kind = "comments"
            return


def _end_at_story_list(analysis: Analysis) -> None:
    """The body ends at the tools bar or heading after which it runs into a list of other stories
    (rules/deb/storylist.py): the headlines and leads of that list are marked as a headline list."""
    lines, (first, last) = analysis.lines, analysis.body  # type: ignore[misc]
    cut = story_list_start(lines, first, last)
    if cut is None:
        return
    end = cut - 1
    while end > first and lines[end].kind is not None:
        end -= 1
    analysis.body = (first, end)
    for line in lines[cut + 1 : last + 1]:
        if line.kind is None:
            line.kind = "headlines"


def _byline(line: Line) -> bool:
    return _BYLINE.match(line.text) is not None


def _find_teasers(analysis: Analysis) -> None:
    """Other articles glued after the real end: a title-like line, then a 'By <author>' lead, more than once."""
    lines, (first, last) = analysis.lines, analysis.body  # type: ignore[misc]
    starts = [
        index - 1
        for index in range(first + 2, len(lines))
        if lines[index].text.startswith("By")  # what `_BYLINE` starts with: most lines are out at once
        and _byline(lines[index])
        and _title_like(lines[index - 1])
        and not lines[index - 1].protected
    ]
    if not starts or (len(starts) == 1 and starts[0] < len(lines) - 3):
        return
    end_of_last = max(last, starts[-1] + 1)
    for number, start in enumerate(starts):
        stop = starts[number + 1] - 1 if number + 1 < len(starts) else end_of_last
        analysis.teasers.append((start, stop))
        for line in lines[start : stop + 1]:
            line.kind = "teaser"
    analysis.body = (first, starts[0] - 1)


def _mark_off_body(analysis: Analysis) -> None:
    """Lines around the body in runs of three or more are page furniture: menus, link lists, footers.

    Between the body's end and the first line the lexicon knows, lines with figures are kept: that is
    where an article's own tables, results and score lines sit.
    """
    lines, (first, last) = analysis.lines, analysis.body  # type: ignore[misc]
    end = analysis.teasers[-1][1] if analysis.teasers else last
    tail_open = True
    after: list[int] = []
    run: list[int] = []  # in the open tail, lines between figures count only in runs of four
    for index in range(end + 1, len(lines)):
        line = lines[index]
        if line.protected:
            continue
        if tail_open and (line.kind is not None or not _FIGURE.search(line.text)):
            if line.kind is None:
                run.append(index)
                continue
            tail_open = False
        if tail_open or line.kind is not None:
            after.extend(run if len(run) >= 4 else [])
            run = []
            continue
        after.append(index)
    after.extend(run if len(run) >= 4 else [])
    # an ingredient list or a table of figures right at the body is the article's own (rules/structure.py)
    for a, b in inner_menus(lines, first, last):  # a long run of labels the body spans (rules/deb/menus.py)
        for line in lines[a : b + 1]:
            line.kind = "furniture"
    # the lines kept as tables, wrapped prose, specs and recipes are only ever taken out of a side of three free
    # lines or more: with fewer on both sides (and no protected line counts), nothing is marked, and the
    # scans below are skipped (most of a short page's lines are the body's)
    unprotected = [i for i in range(first) if lines[i].kind is None and not lines[i].protected]
    if len(unprotected) < 3 and len([i for i in after if not lines[i].protected]) < 3:
        return
    beside = structure_beside(lines, first, end)
    wrapped = _wrapped_prose(lines, first, end)
    kept = wrapped | _intro_prose(lines, first)
    before = [i for i in range(first) if lines[i].kind is None and i not in kept and not _kept_above(lines, i)]
    specs = spec_lists(lines) | recipes(lines)
    for candidates in (before, after):
        free = [
            i for i in candidates if not lines[i].protected and i not in beside and i not in wrapped and i not in specs
        ]
        if len(free) < 3:
            continue
        # `_title_like(lines[i]) and lines[i].words >= 4`: every free line is of no kind
        headline_like = sum(1 for i in free if 4 <= lines[i].words <= 30 and not lines[i].text.endswith(_NOT_TITLE))
        kind = "headlines" if headline_like * 5 >= len(free) * 3 else "furniture"
        for i in free:
            lines[i].kind = kind


_INTRO_WORDS = 12  # a sentence of an intro, not a teaser's title


def _kept_above(lines: list[Line], index: int) -> bool:
    """A paragraph of prose full of stop words above the body is the article's, not a menu's: from 20 words; from
    12 in a language other than English when it follows or leads such a paragraph (a short post's second
    paragraph), where a blurb alone between menus is a sidebar's. English keeps 20 (L3S's sidebars of leads)."""
    line = lines[index]
    if not line.prose or line.words < _INTRO_WORDS:
        return False
    language, density = prose_density(_words(line.text.lower()))
    if density < _STOP_DENSITY:
        return False
    if line.words >= DENSE_WORDS:
        return True  # `_dense_prose`, its density read once
    if language == "en":
        return False
    return any(
        0 <= near < len(lines) and lines[near].kind is None and _dense_prose(lines[near])
        for near in (index - 1, index + 1)
    )


def _intro_prose(lines: list[Line], first: int) -> set[int]:
    """Paragraphs of prose in the page's words above the body, with nothing the lexicon knows between them and
    it but ad markers and credits: the article's intro, cut from its body by a table or a product box, not a
    sidebar (a menu, a share bar or a heading of other stories stands between those and the body)."""
    kept: set[int] = set()
    for index in range(first - 1, -1, -1):
        line = lines[index]
        if line.kind is not None and line.kind not in ("ad", "credit"):
            break
        if line.kind is None and _dense_prose(line, _INTRO_WORDS):
            kept.add(index)
    return kept


_TERMINAL_MARKS = ".!?…:"
_GO_ON = (",", ";", "-", "–")  # how a line that a sentence goes on after ends
_WRAPPED_WORDS = (
    8  # a sentence broken over lines: "Kinder unter 4 Jahren werden nicht als / zahlende Personen gerechnet."
)


_TERMINAL_ENDS = tuple(_TERMINAL_MARKS)  # (made once: this runs for every line around the body)


def _goes_on(line: Line, following: Line) -> bool:
    """A hard line break inside a sentence: the line ends on a comma or a hyphen, or the next starts lower-case."""
    end = line.text.rstrip()
    return not end.endswith(_TERMINAL_ENDS) and (end.endswith(_GO_ON) or following.text.lstrip()[:1].islower())


def _wrapped_prose(lines: list[Line], first: int, end: int) -> set[int]:
    """Lines around the body that are one paragraph of prose broken over several lines (as in a <pre> block).

    A menu or a list of links breaks where each item ends; prose broken by hard line breaks runs on from
    line to line inside its sentences and ends as a sentence does.
    """
    kept: set[int] = set()
    for span in (range(first), range(end + 1, len(lines))):
        block: list[int] = []
        for index in span:
            line = lines[index]
            if line.kind is not None:
                block = []
                continue
            block.append(index)
            following = lines[index + 1] if index + 1 < len(lines) else None
            if following is not None and following.kind is None and index + 1 in span and _goes_on(line, following):
                continue
            if len(block) >= 2 and sum(lines[i].words for i in block) >= _WRAPPED_WORDS and sentence_like(line.text):
                kept.update(block)
            block = []
    return kept


def _mark_related_lists(analysis: Analysis) -> None:
    """Under "Related stories" or "Most read", the headline-like lines that follow are links to other articles."""
    related = lexicon().related
    lines = analysis.lines
    # Marking makes no line "ui" nor takes the kind from one: the headings can be listed first.
    headings = [index for index, line in enumerate(lines) if line.kind == "ui" and len(line.text) <= 60]
    for heading in headings:
        if not related.fullmatch(normalise(lines[heading].text).rstrip("! ")):
            continue
        index = heading + 1
        while index < len(lines) and lines[index].kind in (None, "headlines", "furniture"):
            item = lines[index]
            if item.protected or item.prose or (not _title_like(item) and item.kind is None) or _dangles(item):
                break
            item.kind = "headlines"
            index += 1
        if (
            index == heading + 2
            and (index == len(lines) or lines[index].kind in (None, "ad"))
            and (heading == 0 or lines[heading - 1].kind in (None, "ad"))
        ):
            lines[heading + 1].kind = "ui"  # one link under its label ("Lesen Sie auch") inside the article:
            # removed with it, or the safe fix would leave another article's title standing alone in the body
            # (among the page's furniture, the label and its link would join a run whose fix is unsafe)


def _dangles(line: Line) -> bool:
    """A line that ends on "a", "the" or "of" is a sentence broken over lines (the article's, hard-wrapped under
    the list), not a headline."""
    words = line.text.split()
    return bool(words) and words[-1].lower() in _FUNCTION_WORDS


_DANGLING = frozenset(["the", "a", "an", "of", "to", "and", "or", "on", "in", "at", "for", "with", "from", "by"])


def _cut_inside(line: Line, following: Line) -> bool:
    """A paragraph of the body that ends on "on the" and a new paragraph after it, not the same sentence broken
    over lines: the scraper lost the paragraph's end."""
    words = line.text.rsplit(None, 1)
    return len(words) == 2 and words[1] in _DANGLING and following.start - line.end > 1 and following.text[:1].isupper()


def _find_truncated(analysis: Analysis, text: str) -> None:
    """Paragraphs cut mid-sentence: the last one of the body or of a teaser, or one ending in '…'/'Read more'."""
    lines = analysis.lines
    inside = (analysis.body[0], analysis.body[1]) if analysis.body is not None else (0, 0)
    ends: dict[int, bool] = {stop: True for _, stop in analysis.teasers}
    if analysis.body is not None:
        ends[analysis.body[1]] = False
        ends.setdefault(analysis.body[1] + 1, False)  # a cut paragraph is no prose: it may fall just outside
    for index, line in enumerate(lines):
        if line.words < 12 or line.kind not in (None, "teaser"):
            continue
        cut_inside = index not in ends and inside[0] <= index < inside[1] and _cut_inside(line, lines[index + 1])
        if index not in ends and not cut_inside and "…" not in line.text and "..." not in line.text:
            continue  # neither the end of a body or teaser nor a possible cut: the common case, decided cheaply
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        if nxt is not None and nxt.text[:1].islower() and nxt.start - line.end == 1:
            continue  # a hard line break inside a sentence, not a cut
        cut = _TEASER_CUT.search(line.text)
        bare = line.text[: cut.start()].rstrip() if cut else line.text
        last_word = bare.split()[-1] if bare.split() else ""
        if cut is not None and cut.group().rstrip(".… ").strip():
            pass  # "… Read more": a teaser cut whatever the position
        elif (index not in ends and not cut_inside) or not last_word[-1:].isalpha() or not last_word[:1].islower():
            continue
        elif not ends.get(index, False) and last_word.lower() not in _FUNCTION_WORDS:
            continue  # the body's last line may just lack its full stop; a cut leaves a dangling word
        byline = _BYLINE.match(line.text)
        begin = line.start + (
            len(byline.group()) + len(line.text[byline.end() :]) - len(line.text[byline.end() :].lstrip())
            if byline
            else 0
        )
        for match in _LAST_SENTENCE.finditer(line.text, begin - line.start):
            begin = line.start + match.end()
        analysis.truncated.append((begin, line.end, line.kind == "teaser"))


# -- fixes --------------------------------------------------------------------------
