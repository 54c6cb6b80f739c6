"""DEB008: a site's template lines, counted over the whole run (a corpus rule)."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any, cast
from urllib.parse import urlsplit

from pydantic import Field

from scrapelint.document import Document
from scrapelint.models import Finding
from scrapelint.rule import CorpusRule, RuleOptions
from scrapelint.rules.deb.body import analyse
from scrapelint.rules.deb.lexicons import normalise
from scrapelint.rules.deb.lines import _CACHED_LINE, Line, line_deletion
from scrapelint.rules.deb.text import _BYLINE, _WIRE
from scrapelint.rules.structure import sentence_like

# -- the corpus rule: a site's template lines ----------------------------------------


class SiteBoilerplateOptions(RuleOptions):
    min_articles: int = Field(4, ge=2, description="A line must recur on at least this many articles of a site.")
    min_share: float = Field(0.5, gt=0, le=1, description="...and on at least this share of the site's articles.")
    max_lines: int = Field(2_000_000, ge=10_000, description="Bound on the (site, line) counters kept in memory.")
    min_sites: int = Field(
        3, ge=2, description="A short line found on this many sites' articles is the web's furniture (a share button)."
    )


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
        self._common: dict[int, int] = {}  # line hash -> sites it is found on, where they are `min-sites` or more

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
        sites = Counter(chain.from_iterable(state.lines.values()))  # keys are counted per site: sites per key
        self._common = {key: count for key, count in sites.items() if count >= self.options.min_sites}

    def check(self, doc: Document) -> Iterable[Finding]:
        shares = self._boilerplate.get(site_of(doc)) or {}
        common = self._common
        if not shares and not common:
            return
        text = doc.text
        shared: list[tuple[int, float, int]] = []
        unshared = False  # template text sits next to the article's own text
        analysis = analyse(doc)
        lines = analysis.lines
        for index, line in enumerate(lines):
            if line.kind is not None:
                continue  # another DEB rule reports it; recurrence overrides a protected position
            if not shares and line.words > _FURNITURE_WORDS:
                unshared = True  # too long for the web's furniture, and no line of this site recurs
                continue
            key = _line_key(line.text)
            share = shares.get(key) if key is not None else None
            sites = common.get(key, 0) if key is not None and share is None and _furniture_like(line) else 0
            if share is None and not sites:
                unshared = unshared or key is not None
                continue
            shared.append((index, share or 0.0, sites))
        if not unshared:
            return  # every line is shared: a copy of another article (DUP's job), not a template around one
        found = {index for index, _, _ in shared}
        first, last = analysis.body or (len(lines), -1)
        for index, share, sites in shared:
            line = lines[index]
            if sites and first <= index <= last and not _beside_debris(lines, index, found):
                continue  # a short heading between the body's paragraphs ("Game Notes") that other sites use too
            fix_start, fix_end = line_deletion(text, line.start, line.end)
            if sites:
                message = (
                    f"this short line recurs on the articles of {sites} different sites in the run: it is page "
                    "furniture (a button, a widget's heading), not this article's text"
                )
                fix = self.replace(fix_start, fix_end, "", "unsafe", "remove the furniture line")
            else:
                message = (
                    f"this line recurs on {share:.0%} of this site's articles in the run: it is the site's template, "
                    "not this article's text"
                )
                fix = self.replace(
                    fix_start, fix_end, "", "safe" if share >= 0.8 else "unsafe", "remove the template line"
                )
            yield self.finding(doc, line.start, line.end, message, fix=fix)


_FURNITURE_WORDS = 8


def _beside_debris(lines: list[Line], index: int, found: set[int]) -> bool:
    """A line next to a line of debris, or to another recurring line: part of a widget (a share bar's buttons)."""
    return any(
        0 <= other < len(lines) and (other in found or (lines[other].kind is not None and not lines[other].protected))
        for other in (index - 1, index + 1)
    )


def _furniture_like(line: Line) -> bool:
    """What may be the web's furniture when many sites carry it: a few words, no figure, no sentence, no credit.

    Two words at least: one word alone is as often a section heading other sites use too ("Extras", "Bowling").

    Not the article's headline, byline or dateline (protected), nor a date or a wire credit ("Associated
    Press"), which the same day's syndicated stories share across sites.
    """
    return (
        not line.protected
        and 1 < line.words <= _FURNITURE_WORDS
        and not any(c.isdigit() for c in line.text)
        and not sentence_like(line.text)
        and not line.text.rstrip().endswith(":")  # a label over the article's own list or table ("New Zealand:")
        and _WIRE.fullmatch(line.text.strip().title()) is None
        and _BYLINE.match(line.text) is None
    )
