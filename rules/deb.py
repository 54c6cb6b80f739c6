"""DEB: scraping debris — page furniture that a scraper carried into the article body.

One analysis per document labels every non-blank line (lexicon hits, leftover code,
the main body, the teasers glued after it, the menus and footers around it); each
rule then reports the lines of its own kind. The analysis is linear in the text:
the lexicon is compiled once per process (a dict of exact lines plus one combined
regex per data file) and the main body is one maximum-sum pass over the lines. What a line
is on its own (word count, prose or not, lexicon kind) is cached per process by its text:
menus and footers recur across a site's pages, so most of them are judged once.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html.entities import html5
from itertools import groupby
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from pydantic import Field

from scrapelint.doc_cache import family_cache
from scrapelint.document import Document
from scrapelint.language import prose_density
from scrapelint.models import Finding, Severity
from scrapelint.rule import CorpusRule, Rule, RuleOptions
from scrapelint.rules.firstchar import FirstCharDispatch, NeedleFilter
from scrapelint.rules.kickers import kicker
from scrapelint.rules.leadcopy import copies_lead
from scrapelint.rules.lexicon import entries as lexicon_entries
from scrapelint.rules.menus import inner_menus
from scrapelint.rules.structure import item_number, structure_beside

DATA = Path(__file__).resolve().parent / "data"

# -- the lexicon (data files, compiled once per process) ---------------------------

_EDGE_JUNK = " \t\u00a0•·|»«›‹>-–—:*#~=+"


def normalise(line: str) -> str:
    """Lower-cased line, curly apostrophes straightened, spaces collapsed, bullets/arrows trimmed."""
    if line.isascii():  # (an O(1) flag) an ASCII line holds no curly apostrophe or no-break space
        if "  " not in line and line.isprintable():  # single spaces, no tab or line break: nothing to collapse
            return line.lower().strip(_EDGE_JUNK)
    else:
        line = line.replace("’", "'").replace("\u00a0", " ")
    return " ".join(line.lower().split()).strip(_EDGE_JUNK)


@dataclass(frozen=True)
class Lexicon:
    """What the data files say: exact lines and whole-line patterns, by kind."""

    exact: dict[str, str]
    whole: FirstCharDispatch  # fullmatch on the normalised line; group name = kind
    anchored: FirstCharDispatch  # `whole` without its floating patterns, for lines that hold none of their needles
    needles: re.Pattern[str]  # the literal text every floating pattern (".{0,160}\\ball rights reserved...") needs
    cased: re.Pattern[str]  # fullmatch on the line as written (photo credits)
    cased_slash: re.Pattern[str]  # more of them, each of which needs a '/' ("Jane Doe/Getty Images")
    consent: NeedleFilter  # findall in the normalised line
    consent_words: re.Pattern[str]  # `_CONSENT_WORDS`: a line with none of them cannot hold a consent phrase
    meta: FirstCharDispatch  # match at the start of the normalised line
    comments: re.Pattern[str]  # fullmatch on the normalised line: a comment section opens
    related: re.Pattern[str]  # fullmatch on the normalised line: a list of other articles follows


def _entries(name: str) -> Iterator[str]:
    """A lexicon's entries with those of its translations (rules/lexicon.py)."""
    return lexicon_entries(DATA, name)


# A part of a word that every pattern of debris_consent.txt needs ("kie" of "cookies", "bscri" of "subscribe"),
# chosen to start with a rare letter, so the scan tries few places; `lexicon()` checks each pattern holds one.
_CONSENT_PARTS = (
    *("kie", "vacy", "wsle", "box", "k you", "xim", "bscri", "blocker", "gree", "gn up", "manage", "partn"),
    *("mail", "limit", "free", "mber", "ccount", "ccept", "consent"),
)
# The same alternation with one branch per first letter ("b(?:ox|scri|locker)"): where a letter can start a
# part, the engine tries that letter's branch, not every part in turn (the scan is 15% faster, same matches).
_CONSENT_WORDS = re.compile(
    "|".join(
        f"{letter}(?:{'|'.join(part[1:] for part in parts)})"
        for letter, parts in groupby(sorted(_CONSENT_PARTS), itemgetter(0))
    )
)


def _by_kind(patterns: dict[str, list[str]]) -> re.Pattern[str]:
    """One alternation of every pattern, in a named group per kind (the first kind wins)."""
    return re.compile(
        "|".join(f"(?P<{kind}>{'|'.join(f'(?:{p})' for p in pats) or '(?!)'})" for kind, pats in patterns.items())
    )


def _needle(pattern: str) -> str | None:
    """The literal words a floating pattern needs: ".{0,160}\\ball rights reserved\\b.{0,160}" -> "all rights reserved"."""
    found = re.match(r"\.\{0,\d+\}(?:\\b)?([a-z ]{4,})(?![?*+{])", pattern)  # a letter before a quantifier is optional
    return found.group(1) if found and "|" not in pattern else None  # (an alternative might not need them)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Build the lexicon once per process; rules stay cheap to pickle because they hold none of it."""
    exact: dict[str, str] = {}
    whole: dict[str, list[str]] = {"ui": [], "ad": []}
    cased: list[str] = []
    cased_slash: list[str] = []
    for kind, name in (("ui", "debris_ui.txt"), ("weak", "debris_ui_weak.txt"), ("ad", "debris_ads.txt")):
        for entry in _entries(name):
            if entry.startswith("re:"):
                whole[kind if kind != "weak" else "ui"].append(entry[3:])
            elif entry.startswith("cs:"):
                cased.append(entry[3:])
            elif entry.startswith("cs/:"):
                cased_slash.append(entry[4:])
            else:
                exact.setdefault(normalise(entry), kind)
    combined = _by_kind(whole)
    if combined.groups != len(whole):
        raise ValueError("a pattern in the debris lexicon has a capturing group; use (?:...)")
    needles = {pattern: _needle(pattern) for pats in whole.values() for pattern in pats if pattern.startswith(".")}
    if None in needles.values():
        raise ValueError("a debris pattern that starts with '.{0,n}' must go on with literal words and have no '|'")
    consent = list(_entries("debris_consent.txt"))
    if missing := [pattern for pattern in consent if not _CONSENT_WORDS.search(pattern)]:
        raise ValueError(f"consent patterns without a word of _CONSENT_WORDS, which guards them: {missing}")
    return Lexicon(
        exact=exact,
        whole=FirstCharDispatch(whole),
        anchored=FirstCharDispatch({kind: [p for p in pats if p not in needles] for kind, pats in whole.items()}),
        needles=re.compile("|".join(re.escape(needle) for needle in needles.values() if needle) or "(?!)"),
        cased=re.compile("|".join(f"(?:{p})" for p in cased) or "(?!)"),
        cased_slash=re.compile("|".join(f"(?:{p})" for p in cased_slash) or "(?!)"),
        consent=NeedleFilter(consent),
        consent_words=_CONSENT_WORDS,
        meta=FirstCharDispatch({"meta": list(_entries("debris_meta.txt"))}),
        comments=re.compile("|".join(f"(?:{p})" for p in _entries("debris_comments.txt"))),
        related=re.compile("|".join(f"(?:{p})" for p in _entries("debris_related.txt"))),
    )


# -- patterns of structure and markup -------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")
# `_WORD` for ASCII text (97% of lines): the same matches, as ASCII letters and digits are exactly the Unicode
# ones an ASCII string can hold, found 30% faster than with Unicode classes.
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*|[0-9]+")


def _words(text: str) -> list[str]:
    """`_WORD.findall(text)`."""
    return (_ASCII_WORD if text.isascii() else _WORD).findall(text)


# The same patterns with an empty group: `findall` then lists the one shared empty string per word instead
# of a new string per word, and counts them faster.
_WORD_MARK = re.compile(rf"(?:{_WORD.pattern})()")
_ASCII_WORD_MARK = re.compile(rf"(?:{_ASCII_WORD.pattern})()")


# Each ASCII character as `_ASCII_WORD` sees it: a letter, a digit, an apostrophe or a gap (a bytes table:
# `bytes.translate` is a plain table lookup, 3x faster than `str.translate`).
_CLASSES = bytes.maketrans(
    bytes(range(128)),
    bytes(
        ord("a" if chr(c).isalpha() else "0" if chr(c).isdigit() else "'" if chr(c) == "'" else " ") for c in range(128)
    ),
)


def _word_count(text: str) -> int:
    """`len(_words(text))`."""
    if not text.isascii():
        return len(_WORD_MARK.findall(text))
    if len(text) < 64:
        return len(_ASCII_WORD_MARK.findall(text))
    # A long line: count where words start, in C (2x faster). Letters joined by one apostrophe are one word.
    classes = b" " + text.encode().translate(_CLASSES)
    while b"a'a" in classes:
        classes = classes.replace(b"a'a", b"aa")  # "a'a'a" takes two rounds
    if b"0" not in classes:  # no digit (2 lines in 3): only the starts of letters after a gap or an apostrophe
        return classes.count(b" a") + classes.count(b"'a")
    starts = (b" a", b"'a", b"0a", b" 0", b"'0", b"a0")  # a letter after a non-letter, a digit after a non-digit
    return sum(map(classes.count, starts))


_TERMINAL = set(".!?…:;\"'”’)»")
_NOT_A_NAME = "January|February|March|April|May|June|July|August|September|October|November|December|Then|The|This|That"
_NAME = r"[A-Z][\w.'’-]*"
# "By Harsh Thakor", "By Our Representative  The Nutrition...", "By Bhaskar Sur* Swami..."
_BYLINE = re.compile(
    rf"By\s+(?!(?:{_NOT_A_NAME})\b)(?:Our\s+\w+|{_NAME}(?:\s+(?:{_NAME}|de|van|von|bin|al|and|&)){{0,4}})\*?"
    r"(?=\s*$|\*|\u00a0|\s{2,}|\s*(?:[,|–—]|--?)\s)"
)
_REPORT_CREDIT = re.compile(
    r"\(?(?:(?:additional )?reporting|writing|editing|compiled|edited|written) by\b|contributed to this (?:report|story)",
    re.IGNORECASE,
)
# "(AP)", "The Associated Press", "Associated Press Writer", "Seattle Times staff reporter", "Express News Service"
_WIRE = re.compile(
    r"\(?(?:The )?(?:AP|AFP|Reuters|Associated Press|Agence France-Presse|PTI|IANS|UPI|Xinhua|dpa|ANI|Canadian Press|"
    r"Press Association)\)?"
    r"|(?:[A-Z][\w.&'’-]*\s+){1,5}(?:[Ss]taff )?(?:Writer|Correspondent|[Rr]eporter|News Service)",
)
# "CHARLES GOLDBERG", "Tacoma News Tribune", "Richard Beeston: Analysis": an author's or outlet's name on its own
_NAME_LINE = re.compile(r"[A-Z][\w.'’-]+:?(?: (?:[A-Z][\w.'’-]*|de|van|von|bin|al):?){1,3}")
_DATE_META = re.compile(r"(?:first |last )?(?:published|updated|posted|date|dated|time|modified)\b")
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "by",
        "as",
        "into",
        "onto",
        "than",
        "that",
        "which",
        "who",
        "whose",
        "whom",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "not",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "this",
        "these",
        "those",
        "such",
        "very",
        "more",
        "most",
        "less",
        "if",
        "when",
        "while",
        "where",
        "because",
        "although",
    ]
)
_DATE = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|"
    r"Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\d{1,2}:\d{2}\b)",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"\d")
_LIST_ITEM = re.compile(r"(?:[-•*·–]|\d{1,3}[.)]|[a-z][.)]|\(\w\))\s")
_LAST_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=\S)")
_TEASER_CUT = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*(?:\(?(?:read|continue|more)\b[^\n]{0,30})?$", re.IGNORECASE)

_TAG_NAMES = (
    "a|abbr|article|aside|b|blockquote|body|br|button|center|div|em|figcaption|figure|font|footer|form|h[1-6]|head|"
    "header|hr|html|i|iframe|img|input|label|li|link|meta|nav|noscript|ol|option|p|path|script|section|select|small|"
    "source|span|strong|style|sub|sup|svg|table|tbody|td|th|thead|tr|u|ul|video"
)
_INLINE_MARKUP = re.compile(
    rf"(?:(?P<tag></?(?:{_TAG_NAMES})\b(?:\s[^<>\n]{{0,300}})?/?>|<!--[^\n]{{0,500}}?-->)"
    r"|(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,30}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});)"
    r"|(?P<placeholder>\{\{[^{}\n]{0,60}\}\}|\{%[^%\n]{0,60}%\}|\$\{[^{}\n]{0,60}\}|\[object Object\]|(?<![\w$])(?-i:NaN)(?![\w])))",
    re.IGNORECASE,
)
# How every `_INLINE_MARKUP` match starts: the first character of each alternative ("NaN" is the only one
# that starts with a letter, and it is case-sensitive).
_MARKUP_STARTS = ("<", "&", "{", "$", "[", "NaN")


def _inline_markup(text: str) -> Iterator[re.Match[str]]:
    """`_INLINE_MARKUP.finditer(text)`, trying the pattern only where a match can start.

    The places are found with `str.find`, at memchr speed (a regex class scan is 10x slower); half the
    texts hold none. Tried in order, each past the end of the last match: the same matches as `finditer`.
    """
    starts: list[int] = []
    for mark in _MARKUP_STARTS:
        start = text.find(mark)
        while start != -1:
            starts.append(start)
            start = text.find(mark, start + 1)
    starts.sort()
    match, position = _INLINE_MARKUP.match, 0
    for start in starts:
        if start >= position and (found := match(text, start)) is not None:
            yield found
            position = found.end()


_CODE_LINE = re.compile(
    r"(?:var|let|const)\s+[\w$]+\s*=.*[;{]\s*$"
    r"|function\s*[\w$]*\s*\([^)]*\)\s*\{.*"
    r"|.*\b(?:document\.(?:write|getElementById|createElement|querySelector)|window\.[\w$]+\s*=|googletag\.|gtag\(|_gaq\.push|"
    r"adsbygoogle|dataLayer\.push|addEventListener\().*"  # a line that calls an ad or analytics script
    r"|[}\]);]{1,4};?"
    r"|[.#]?[\w-]+(?:[\s,>.#:]+[\w-]+)*\s*\{\s*[\w-]+\s*:[^}]*\}?"
    r"|\{\s*\"[\w-]+\"\s*:.*"
    r"|(?:undefined|null|NaN|None|\[object Object\])"
)

# Every line `_CODE_LINE` matches has one of the characters `=(){};]`, or is one of `_CODE_VALUES`, or names
# one of the scripts in `_may_be_code`: most lines skip the costly pattern at once.
_CODE_VALUES = frozenset(["undefined", "null", "NaN", "None"])


def _may_be_code(line: str) -> bool:
    # seven `in` tests run in C at memchr speed, 2x faster than one regex character class
    return (
        "=" in line
        or "(" in line
        or ")" in line
        or "{" in line
        or "}" in line
        or ";" in line
        or "]" in line
        or line in _CODE_VALUES
        or "document." in line
        or "googletag." in line
        or "adsbygoogle" in line
        or "_gaq.push" in line
        or "dataLayer.push" in line
    )


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


@dataclass
class Analysis:
    lines: list[Line]
    body: tuple[int, int] | None  # index range [first, last] of the main body in `lines`
    teasers: list[tuple[int, int]] = field(default_factory=list)  # index ranges, one per teaser
    truncated: list[tuple[int, int, bool]] = field(default_factory=list)  # (start, end, inside a teaser)
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


def analyse(doc: Document) -> Analysis:
    """Label every non-blank line of the document once; every DEB rule reads the result."""
    cached = _CACHE.get(doc)
    if cached is None:
        cached = _CACHE[doc] = _analyse(doc)
    return cached


def _facts(body: str) -> tuple[int, bool, str | None]:
    """What a line is on its own: its word count, whether it reads as prose, its lexicon kind."""
    words = _word_count(body)
    terminal = body.rstrip()[-1:] in _TERMINAL
    prose = words >= 25 or (words >= 8 and terminal) or (terminal and words >= _SHORT_PROSE and _short_prose(body))
    return words, prose, lexicon_kind(body)


# Stop words tell prose from furniture in any language (jusText's signal, from stopwordsiso's lists, in
# whichever common language has most of them). A short sentence with many reads as prose: "Ein Backblech
# mit Backpapier auslegen." does, a menu or a headline of nouns does not. (Not in English, where the rules
# above were tuned on L3S-GN1 and this costs recall there.) Tuned on the tune half of trafilatura_dev.
_SHORT_PROSE = 5
_STOP_DENSITY = 0.35


def _short_prose(body: str) -> bool:
    language, density = prose_density(_words(body.lower()))
    return language != "en" and density >= _STOP_DENSITY


def _dense_prose(line: Line) -> bool:
    """A paragraph of prose above the body, full of stop words, is the article's intro, not furniture."""
    return line.prose and line.words >= 20 and prose_density(_words(line.text.lower()))[1] >= _STOP_DENSITY


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


_BAR = re.compile(r"\s+[|·•]\s+")


def _link_bar(norm: str) -> bool:
    """ "Terms of Use | Privacy Policy | Ad Choices": three or more short items between bars."""
    parts = _BAR.split(norm)
    if len(parts) < 3 or norm.startswith("by ") or _FIGURE.search(norm):
        return False  # "By David Richards | Monday | 07/01/2008" is a byline
    return all(0 < len(part.split()) <= 6 for part in parts)


def lexicon_kind(line: str) -> str | None:
    """The debris kind a line is by the lexicon alone, or None."""
    lex = lexicon()
    if len(line) > 1200:
        return None
    norm = normalise(line)
    if not norm:
        return None
    kind = lex.exact.get(norm) or lex.exact.get(norm.rstrip(".!:"))
    if kind:
        return kind
    if len(norm) <= 200:
        # only the patterns that can start with the line's first character, and the floating ones only when
        # the line holds their words (rules/firstchar.py): the same match as the whole alternation
        match = lex.whole.fullmatch(norm)
        if match:
            return match.lastgroup
        stripped = line.strip(" \t\u00a0")
        if lex.cased.fullmatch(stripped) or ("/" in stripped and lex.cased_slash.fullmatch(stripped)):
            return "credit"
    # a cheap test before splitting (`in` runs at memchr speed, 6x faster than a regex class; and an ASCII
    # line cannot hold the two non-ASCII bars, which `in` knows at once)
    if ("|" in norm or "·" in norm or "•" in norm) and _link_bar(norm):
        return "ui"
    spaces = norm.count(" ")
    # every consent pattern needs one of `_CONSENT_WORDS`: most lines skip the long alternation at once
    if (
        spaces < 80
        and lex.consent_words.search(norm)
        and (hits := len(lex.consent.findall(norm)))
        and (hits > 1 or spaces < 30)
    ):
        return "consent"  # one phrase in a long paragraph may be quoted prose
    if spaces < 30 and lex.meta.match(norm):
        return "meta"
    if len(norm) <= 300 and _may_be_code(stripped := line.strip()) and _CODE_LINE.fullmatch(stripped):
        return "code"
    return None


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
    analysis = Analysis(lines, _main_body(lines))
    _settle_weak(analysis)
    if analysis.body is not None:
        _end_at_comments(analysis)
        _protect_preamble(analysis, doc)
        _find_teasers(analysis)
        _mark_off_body(analysis)
    _mark_related_lists(analysis)
    _find_truncated(analysis, text)
    return analysis


def _settle_weak(analysis: Analysis) -> None:
    """A word like "Video" or "Jobs" alone between paragraphs is a heading; next to debris or off the body, a button."""
    lines, body = analysis.lines, analysis.body
    for index, line in enumerate(lines):
        if line.kind != "weak":
            continue
        inside = body is not None and body[0] <= index <= body[1]
        neighbours = [lines[i].kind for i in (index - 1, index + 1) if 0 <= i < len(lines)]
        line.kind = "ui" if not inside or any(kind is not None and kind != "code" for kind in neighbours) else None


def _main_body(lines: list[Line]) -> tuple[int, int] | None:
    """The longest run of prose: a maximum-sum segment where prose counts its words and other lines cost.

    A short article can lose to a longer block of comments or of the site's blurb further down: an earlier
    block at least half as long that sits under a byline or dateline, where the best one does not, wins.
    """
    blocks: list[tuple[int, int, int]] = []  # (score, first, last): the best segment of each run above zero
    total, first, top = 0, 0, None
    listing = False  # after "Cities that top the list:" list items and table cells cost nothing
    number = -1  # so do the items of a numbered list counting up (a table of contents, steps: rules/structure.py)
    for index, line in enumerate(lines):
        if line.kind is not None:
            score, listing = -12, False
        else:
            colon = line.text.endswith(":")
            listing = colon or (listing and _list_item(line))
            if line.prose or listing:
                score = line.words if line.prose else 0
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
                    continue  # a teaser of this article above it (rules/leadcopy.py): the body goes on below
                return block[1], block[2]
    return best[1], best[2]


def _under_byline(lines: list[Line], first: int) -> bool:
    """A byline, dateline or agency credit among the few lines above `first`: where an article starts."""
    return any(
        line.kind in (None, "meta") and line.words <= 12 and (_dateline(line) or _WIRE.fullmatch(line.text))
        for line in lines[max(0, first - 4) : first]
    )


def _list_item(line: Line) -> bool:
    """An item of a list or a cell of a table: "- Paris", "2. Rome", "1990-1994", "Sheffield Wednesday"."""
    return line.words <= 4 or _LIST_ITEM.match(line.text) is not None


_NOT_TITLE = (".", ",", ";", ":")  # how a sentence or a clause ends, not a headline


def _title_like(line: Line) -> bool:
    """A headline: a few words, not a sentence that ends in a full stop."""
    return line.kind is None and 2 <= line.words <= 30 and not line.text.endswith(_NOT_TITLE)


def _dateline(line: Line) -> bool:
    """A date, time or byline under the headline: "Posted January 1, 2008", "By JOSEPH WHITE"."""
    return line.words <= 20 and _dated(line.text)


@lru_cache(maxsize=1 << 14)  # lines of at most 20 words, asked about again and again around the body's start
def _dated(text: str) -> bool:
    return bool(_BYLINE.match(text) or _DATE_META.match(normalise(text)) or _DATE.search(text))


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
        if line.protected and below.protected and kicker(line.text, below.text) and not _WIRE.fullmatch(line.text):
            line.protected, line.kind = False, "ui"  # a section label over the headline (rules/kickers.py)
    tail = lines[last + 1 : last + 3]
    if tail and tail[0].kind is None and tail[0].words <= 30:
        tail[0].protected = True  # a sign-off right under the last paragraph: "- REUTERS", "Bureau Report"
    for line in tail:
        if line.kind is None and _REPORT_CREDIT.search(line.text):
            line.protected = True


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


def _find_headline(lines: list[Line], first: int) -> int | None:
    """The headline: above the dateline nearest the body, else the nearest title-like line above the body.

    A title-like line directly above the one found is taken too: a headline over its dek or its credit.
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
    if above is not None and above.kind is None and _title_like(above):
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
                if after.kind is None:
                    after.kind = "comments"
            return


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
    for a, b in inner_menus(lines, first, last):  # a long run of labels the body spans (rules/menus.py)
        for line in lines[a : b + 1]:
            line.kind = "furniture"
    beside = structure_beside(lines, first, end)
    before = [i for i in range(first) if lines[i].kind is None and not _dense_prose(lines[i])]
    for candidates in (before, after):
        free = [i for i in candidates if not lines[i].protected and i not in beside]
        if len(free) < 3:
            continue
        # `_title_like(lines[i]) and lines[i].words >= 4`: every free line is of no kind
        headline_like = sum(1 for i in free if 4 <= lines[i].words <= 30 and not lines[i].text.endswith(_NOT_TITLE))
        kind = "headlines" if headline_like * 5 >= len(free) * 3 else "furniture"
        for i in free:
            lines[i].kind = kind


def _mark_related_lists(analysis: Analysis) -> None:
    """Under "Related stories" or "Most read", the headline-like lines that follow are links to other articles."""
    related = lexicon().related
    lines = analysis.lines
    # Marking makes no line "ui" nor takes the kind from one: the headings can be listed first.
    headings = [index for index, line in enumerate(lines) if line.kind == "ui" and len(line.text) <= 60]
    for heading in headings:
        if not related.fullmatch(normalise(lines[heading].text)):
            continue
        index = heading + 1
        while index < len(lines) and lines[index].kind in (None, "headlines", "furniture"):
            item = lines[index]
            if item.protected or item.prose or (not _title_like(item) and item.kind is None):
                break
            item.kind = "headlines"
            index += 1


def _find_truncated(analysis: Analysis, text: str) -> None:
    """Paragraphs cut mid-sentence: the last one of the body or of a teaser, or one ending in '…'/'Read more'."""
    lines = analysis.lines
    ends: dict[int, bool] = {stop: True for _, stop in analysis.teasers}
    if analysis.body is not None:
        ends[analysis.body[1]] = False
        ends.setdefault(analysis.body[1] + 1, False)  # a cut paragraph is no prose: it may fall just outside
    for index, line in enumerate(lines):
        if line.words < 12 or line.kind not in (None, "teaser"):
            continue
        if index not in ends and "…" not in line.text and "..." not in line.text:
            continue  # neither the end of a body or teaser nor a possible '…' cut: the common case, decided cheaply
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        if nxt is not None and nxt.text[:1].islower() and nxt.start - line.end == 1:
            continue  # a hard line break inside a sentence, not a cut
        cut = _TEASER_CUT.search(line.text)
        bare = line.text[: cut.start()].rstrip() if cut else line.text
        last_word = bare.split()[-1] if bare.split() else ""
        if cut is not None and cut.group().rstrip(".… ").strip():
            pass  # "… Read more": a teaser cut whatever the position
        elif index not in ends or not last_word[-1:].isalpha() or not last_word[:1].islower():
            continue
        elif not ends[index] and last_word.lower() not in _FUNCTION_WORDS:
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


# -- the rules ----------------------------------------------------------------------

MESSAGES = {
    "ui": "interface text ({what}) is page furniture, not article text",
    "consent": "a cookie, consent, newsletter or paywall box was scraped into the body",
    "ad": "an advertising or sponsored-content marker is not article text",
    "credit": "a photo credit standing alone, without its picture, is debris",
    "meta": "a metadata line ({what}) belongs in the record's fields, not in the body",
    "code": "leftover script, style or template code ({what}) is not article text",
    "furniture": "{count} line(s) outside the article's main body look like a menu, footer or widget",
    "comments": "{count} line(s) of reader comments follow the article's end",
    "headlines": "{count} headline-like line(s) outside the article's main body are links to other articles",
    "teaser": "a teaser of another article ({what}) follows the end of this one",
}


class _LineKindRule(Rule):
    """Reports runs of consecutive lines that the shared analysis gave one of `kinds`."""

    kinds: tuple[str, ...] = ()
    safe_kinds: tuple[str, ...] = ()

    def check(self, doc: Document) -> Iterable[Finding]:
        analysis = analyse(doc)
        for first, last in analysis.runs(self.kinds):
            yield self._report(doc, analysis.lines[first : last + 1])

    def _report(self, doc: Document, run: list[Line]) -> Finding:
        kinds = {line.kind or "" for line in run}
        kind = kinds.pop() if len(kinds) == 1 else "furniture"
        start, end = run[0].start, run[-1].end
        what = run[0].text if len(run[0].text) <= 60 else run[0].text[:57] + "…"
        more = f" and {len(run) - 1} more line{'s' if len(run) > 2 else ''}" if len(run) > 1 else ""
        message = MESSAGES[kind].format(what=f"“{what}”{more}", count=len(run))
        safe = all(line.kind in self.safe_kinds for line in run)
        fix_start, fix_end = line_deletion(doc.text, start, end)
        fix = self.replace(
            fix_start, fix_end, "", "safe" if safe else "unsafe", f"remove the {kind} line{'s' if len(run) > 1 else ''}"
        )
        return self.finding(doc, start, end, message + (" (safe to remove)" if safe else ""), fix=fix)


class NavigationText(_LineKindRule):
    code = "DEB001"
    name = "navigation-text"
    summary = "Menus, buttons, share bars, login prompts and footers scraped into the body."
    what = (
        "Reports lines that are interface text — 'Skip to main content', 'Share this', 'Print', 'Sign in', "
        "breadcrumbs, pagination, copyright footers — known from a lexicon (rules/data/debris_ui.txt), and runs "
        "of three or more lines around the article's main body (the longest run of prose paragraphs) that are "
        "not its headline, byline or dateline: menus, footers and widgets."
    )
    why = (
        "A reader never sees these strings as part of the story; left in, they pollute search indexes, "
        "summaries and training data, and they repeat on every page of a site."
    )
    example = (
        "Skip to main content\\n\\nStalin's legacy\\n\\nBy Harsh Thakor\\n\\nWe commemorate ...  -> line 1 reported"
    )
    fixable = "sometimes"
    kinds = ("ui", "furniture")  # comment sections: DEB009 (rules/threads.py)
    safe_kinds = ("ui",)


class ConsentBox(_LineKindRule):
    code = "DEB002"
    name = "consent-box"
    summary = "Cookie/consent banners, newsletter sign-ups and paywall notices in the body."
    what = (
        "Reports lines carrying a cookie or consent banner ('We use cookies… I agree'), a newsletter box "
        "('Sign up for our newsletter'), or a paywall notice ('You have reached your limit of free articles'), "
        "from the patterns in rules/data/debris_consent.txt."
    )
    why = "Overlays and boxes are page chrome; scraped into the text they read as if the author wrote them."
    example = "We use cookies to improve your experience. By continuing you agree to our cookie policy. I agree"
    fixable = "safe"
    kinds = ("consent",)
    safe_kinds = ("consent",)


class AdMarker(_LineKindRule):
    code = "DEB003"
    name = "ad-marker"
    summary = "'Advertisement', 'Sponsored' markers and photo credits standing alone."
    what = (
        "Reports lines that only mark an ad slot or sponsored content ('Advertisement', 'Story continues below "
        "advertisement', 'Sponsored by …') and credit lines left without their picture ('Photo: AFP', "
        "'Jane Doe/Getty Images'), from rules/data/debris_ads.txt."
    )
    why = "The ad or the picture did not survive the scrape; the label that announced it is noise in the text."
    example = "The minister resigned on Monday.\\nAdvertisement\\nHer successor ...  -> 'Advertisement' reported"
    fixable = "sometimes"
    kinds = ("ad", "credit")
    safe_kinds = ("ad",)


class OtherArticleTeaser(Rule):
    code = "DEB004"
    name = "other-article-teaser"
    summary = "Titles and leads of other articles glued after the article's end, and headline lists."
    what = (
        "Reports, one finding per teaser, the block after the article's real end where a title-like line is "
        "followed by a 'By <author>' lead, more than once (several articles glued together), and runs of "
        "headline-like lines around the main body (related, most-read and latest-news lists)."
    )
    why = (
        "Teasers make one article look like several: summaries, word counts, deduplication and topic models "
        "all go wrong, and the cut-off leads end mid-sentence."
    )
    example = (
        "...Harsh Thakor is a freelance journalist.\\n\\nMisleading ads 'manipulate, seduce, lure'\\n\\n"
        "By Our Representative  The Nutrition Advocacy ...  -> the title and its lead reported"
    )
    fixable = "sometimes"

    def check(self, doc: Document) -> Iterable[Finding]:
        analysis = analyse(doc)
        lines, text = analysis.lines, doc.text
        cuts = [line_deletion(text, lines[first].start, lines[last].end) for first, last in analysis.teasers]
        if cuts and cuts[-1][1] == len(text):
            # the block runs to the end: cut from the end of the article, one teaser after another, no overlap
            head = len(text[: lines[analysis.teasers[0][0]].start].rstrip())
            starts = [head] + [lines[first].start for first, _ in analysis.teasers[1:]]
            final = len(text) - (1 if text.endswith("\n") and head else 0)
            cuts = list(zip(starts, [*starts[1:], final], strict=False))
        for number, (first, last) in enumerate(analysis.teasers):
            start, end = lines[first].start, lines[last].end
            title = lines[first].text if len(lines[first].text) <= 60 else lines[first].text[:57] + "…"
            fix_start, fix_end = cuts[number]
            yield self.finding(
                doc,
                start,
                end,
                f"teaser {number + 1} of {len(analysis.teasers)} of other articles after this article's end "
                f"(“{title}”): a headline and a 'By <author>' lead belong to another article",
                fix=self.replace(fix_start, fix_end, "", "safe", "remove the teaser"),
            )
        for first, last in analysis.runs(("headlines",)):
            start, end = lines[first].start, lines[last].end
            fix_start, fix_end = line_deletion(text, start, end)
            yield self.finding(
                doc,
                start,
                end,
                MESSAGES["headlines"].format(count=last - first + 1),
                fix=self.replace(fix_start, fix_end, "", "unsafe", "remove the headline list"),
            )


class TruncatedParagraph(Rule):
    code = "DEB005"
    name = "truncated-paragraph"
    summary = "A paragraph cut off mid-sentence, or ending in '…' / 'Read more' as a teaser cut."
    what = (
        "Reports the unfinished last sentence of a paragraph that stops without punctuation at the end of the "
        "article's body or of a teaser ('The low price to farmer'), or that ends in an ellipsis or 'Read more'."
    )
    why = "A sentence that stops in the middle misinforms the reader and marks a scrape that lost text."
    example = "... sold for Rs 56-60 per litre, the leaders noted. The low price to farmer  -> last sentence reported"
    severity = Severity.warning
    fixable = "unsafe"

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        for start, end, in_teaser in analyse(doc).truncated:
            fragment = text[start:end]
            shown = fragment if len(fragment) <= 50 else "…" + fragment[-47:]
            where = "a teaser of another article" if in_teaser else "the paragraph"
            fix = None
            if not in_teaser:
                fix = self.delete(text, start, end, "unsafe", "remove the unfinished sentence")
            yield self.finding(doc, start, end, f"{where} stops mid-sentence (“{shown}”): text was cut", fix=fix)


class LeftoverMarkup(Rule):
    code = "DEB006"
    name = "leftover-markup"
    summary = "HTML tags and entities, template placeholders and script/style code left in the text."
    what = (
        "Reports HTML tags (<br>, <p class=...>), undecoded entities (&nbsp;, &amp;, &#8217;), template "
        "placeholders ({{title}}, ${name}, [object Object], NaN) and whole lines of JavaScript, CSS or JSON."
    )
    why = "Markup is how the page was built, not what it says; readers and models see it as garbage."
    example = "Prices rose&nbsp;3% <br> in May.  -> '&nbsp;' (fix: decode) and '<br>' reported"
    fixable = "sometimes"

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        analysis = analyse(doc)
        code_lines = [line for first, last in analysis.runs(("code",)) for line in analysis.lines[first : last + 1]]
        for line in code_lines:
            fix_start, fix_end = line_deletion(text, line.start, line.end)
            yield self.finding(
                doc,
                line.start,
                line.end,
                MESSAGES["code"].format(what=f"“{line.text[:40]}”"),
                fix=self.replace(fix_start, fix_end, "", "unsafe", "remove the code line"),
            )
        inside = iter(code_lines)
        current = next(inside, None)
        for match in _inline_markup(text):
            while current is not None and current.end < match.start():
                current = next(inside, None)
            if current is not None and current.start <= match.start() < current.end:
                continue  # already reported as a code line
            start, end = match.span()
            token = match.group()
            if match.lastgroup == "entity":
                decoded = html.unescape(token)
                if decoded == token or (token[1:] not in html5 and not token.startswith("&#")):
                    continue
                shown = "a space" if decoded == "\u00a0" else f"“{decoded}”"
                yield self.finding(
                    doc,
                    start,
                    end,
                    f"undecoded HTML entity {token} was meant to be {shown}",
                    fix=self.replace(start, end, decoded, "safe", f"decode {token}"),
                )
            elif match.lastgroup == "tag":
                yield self.finding(
                    doc,
                    start,
                    end,
                    f"HTML tag {token[:40]} left in the text",
                    fix=self.delete(text, start, end, "unsafe", "remove the tag"),
                )
            else:
                yield self.finding(doc, start, end, f"template placeholder or script value {token} was never filled in")


class MetadataLine(_LineKindRule):
    code = "DEB007"
    name = "metadata-line"
    summary = "'First Published:', 'Updated:', 'Tags:', 'Filed under:' lines inside the body."
    what = (
        "Reports lines that are page metadata — publication and update stamps, tag and category lists, "
        "reading-time notes — from rules/data/debris_meta.txt. A dateline right under the headline is kept."
    )
    why = "Metadata belongs in the record's own fields; in the body it breaks the text and repeats the fields."
    example = "First Published: March 5, 2024 10:12 IST Related Tags: Stalin, USSR  -> reported"
    fixable = "unsafe"
    kinds = ("meta",)


# -- the corpus rule: a site's template lines ----------------------------------------


class SiteBoilerplateOptions(RuleOptions):
    min_articles: int = Field(4, ge=2, description="A line must recur on at least this many articles of a site.")
    min_share: float = Field(0.5, gt=0, le=1, description="...and on at least this share of the site's articles.")
    max_lines: int = Field(2_000_000, ge=10_000, description="Bound on the (site, line) counters kept in memory.")


@dataclass
class SiteCounts:
    """First-pass state: articles per site, and on how many of them each line hash occurs."""

    docs: dict[str, int] = field(default_factory=dict)
    lines: dict[str, dict[int, int]] = field(default_factory=dict)
    size: int = 0

    def bound(self, limit: int) -> None:
        """Stay under `limit` counters: forget lines seen once, then keep the most frequent (lossy, like a sketch)."""
        if self.size <= limit:
            return
        for site, counts in self.lines.items():
            self.lines[site] = {key: count for key, count in counts.items() if count > 1}
        self.size = sum(len(counts) for counts in self.lines.values())
        if self.size > limit:
            everything = sorted(
                ((count, site, key) for site, counts in self.lines.items() for key, count in counts.items()),
                reverse=True,
            )[: limit // 2]
            self.lines = {}
            for count, site, key in everything:
                self.lines.setdefault(site, {})[key] = count
            self.size = len(everything)


def site_of(doc: Document) -> str:
    """The domain of the article's URL, else the directory it came from."""
    return _site(doc.article.url or "", doc.article.path)


@lru_cache(maxsize=1 << 12)  # each article asks twice, in the first pass and in the check
def _site(url: str, path: str) -> str:
    host = urlsplit(url).hostname if "//" in url else None
    if host:
        return host.removeprefix("www.")
    return os.path.dirname(path) or "."


class _KeyCache(dict[str, "int | None"]):
    """`_key` by line, cached, as template lines recur: a hit is a lookup in C, no Python call."""

    def __missing__(self, text: str) -> int | None:
        key = _key(text)
        if len(text) <= _CACHED_LINE:
            if len(self) >= 1 << 16:
                self.clear()
            self[text] = key
        return key


def _line_key(text: str) -> int | None:
    """The hash of a normalised line (None if too short to count); cached, as template lines recur."""
    return _KEYS[text]


def _key(text: str) -> int | None:
    norm = normalise(text)
    if len(norm) < 3:
        return None
    return int.from_bytes(hashlib.blake2b(norm.encode(), digest_size=8).digest(), "little")


_KEYS = _KeyCache()  # by line, like `_FACTS`


def _paragraph_texts(doc: Document) -> Iterable[str]:
    """The text of each of `doc.paragraphs`, maybe with spaces around it, which `_key` ignores.

    Unless the text is hard-wrapped, a paragraph is a non-blank line: splitting at newlines finds the same
    ones 5x faster than building the paragraphs, which the first pass of a run needs for nothing else.
    """
    if doc.hard_wrapped:
        text = doc.text
        return [text[span.start : span.end] for span in doc.paragraphs]
    return [line for line in doc.line_texts if line]  # blank ones have no key


class SiteBoilerplate(CorpusRule):
    code = "DEB008"
    name = "site-boilerplate"
    summary = "Lines that recur on many articles of the same site in this run: the site's template."
    what = (
        "Counts, over the whole run, on how many articles of each site (the URL's domain, else the file's "
        "directory) every normalised line occurs, then reports lines that recur on at least `min-articles` "
        "articles and `min-share` of that site's articles, unless another DEB rule already reports them."
    )
    why = (
        "Template text that no lexicon knows — a slogan, a newsletter pitch, a standing disclaimer — repeats "
        "on every page of a site; a line found on most of a site's articles is not part of any one of them."
    )
    example = "'Countercurrents is an independent news site funded by readers.' on 40 of 50 articles -> reported"
    fixable = "sometimes"
    Options = SiteBoilerplateOptions

    def __init__(self, options: Any = None) -> None:
        super().__init__(options)
        self._boilerplate: dict[str, dict[int, float]] = {}

    def new_state(self) -> SiteCounts:
        return SiteCounts()

    def observe(self, state: SiteCounts, doc: Document) -> None:
        site = site_of(doc)
        state.docs[site] = state.docs.get(site, 0) + 1
        counts = state.lines.setdefault(site, {})
        # once per line of the corpus: a line seen before costs no Python call
        keys = set(map(_KEYS.__getitem__, _paragraph_texts(doc)))
        keys.discard(None)
        known, get = len(counts), counts.get
        for key in cast("set[int]", keys):  # None discarded above
            counts[key] = get(key, 0) + 1
        state.size += len(counts) - known  # the keys new to this site
        state.bound(self.options.max_lines)

    def merge(self, state: SiteCounts, other: SiteCounts) -> SiteCounts:
        for site, docs in other.docs.items():
            state.docs[site] = state.docs.get(site, 0) + docs
        for site, counts in other.lines.items():
            mine = state.lines.setdefault(site, {})
            for key, count in counts.items():
                if key not in mine:
                    state.size += 1
                mine[key] = mine.get(key, 0) + count
        state.bound(self.options.max_lines)
        return state

    def prepare(self, state: SiteCounts) -> None:
        self._boilerplate = {}
        for site, counts in state.lines.items():
            docs = state.docs[site]
            need = max(self.options.min_articles, self.options.min_share * docs)
            found = {key: count / docs for key, count in counts.items() if count >= need}
            if found:
                self._boilerplate[site] = found

    def check(self, doc: Document) -> Iterable[Finding]:
        shares = self._boilerplate.get(site_of(doc))
        if not shares:
            return
        text = doc.text
        shared: list[tuple[Line, float]] = []
        unshared = False  # template text sits next to the article's own text
        for line in analyse(doc).lines:
            if line.kind is not None:
                continue  # another DEB rule reports it; recurrence overrides a protected position
            key = _line_key(line.text)
            share = shares.get(key) if key is not None else None
            if share is None:
                unshared = unshared or key is not None
                continue
            shared.append((line, share))
        if not unshared:
            return  # every line is shared: a copy of another article (DUP's job), not a template around one
        for line, share in shared:
            fix_start, fix_end = line_deletion(text, line.start, line.end)
            safe = share >= 0.8
            yield self.finding(
                doc,
                line.start,
                line.end,
                f"this line recurs on {share:.0%} of this site's articles in the run: it is the site's template, "
                "not this article's text",
                fix=self.replace(fix_start, fix_end, "", "safe" if safe else "unsafe", "remove the template line"),
            )


RULES = [
    NavigationText,
    ConsentBox,
    AdMarker,
    OtherArticleTeaser,
    TruncatedParagraph,
    LeftoverMarkup,
    MetadataLine,
    SiteBoilerplate,
]
