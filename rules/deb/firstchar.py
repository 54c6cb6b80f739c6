"""A large alternation of whole-line patterns, tried only with the alternatives that can start the line.

Python's `re` tries every branch of an alternation in turn: the debris lexicon with its translations is
~150 patterns, and a line that matches none (most lines) pays for all of them (issue #14 made the anchored
alternation 4x longer and its `fullmatch` 8x slower). Most patterns start with a literal word, so the set
of characters a match can start with is known from the parsed pattern; per first character of the line,
a pattern of only the branches that can start with it, in their order and named groups, gives the same
`fullmatch` (a dropped branch cannot match there) at a fraction of the cost.
"""

from __future__ import annotations

import re
from typing import Any

import ahocorasick

try:  # the parser of `re` (public as sre_parse/sre_constants before 3.11, deprecated since)
    import re._constants as c  # type: ignore[import-not-found]
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as c
    import sre_parse

from scrapelint.rules.lexicon import alternation

_ANY = None  # "any character may come first": the branch is kept for every line
# A class like \\d stands in a set of first characters as its name, which no single character equals; how `re`
# tests each on a `str` pattern (sre's Py_UNICODE_ISDECIMAL, ISSPACE, ISALNUM or "_").
_CATEGORIES = {c.CATEGORY_DIGIT: "<digit>", c.CATEGORY_SPACE: "<space>", c.CATEGORY_WORD: "<word>"}
_TESTS = {"<digit>": str.isdecimal, "<space>": str.isspace, "<word>": lambda char: char.isalnum() or char == "_"}
_REPEATS = tuple(op for op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)) if op is not None)


def _first(items: Any) -> tuple[frozenset[str] | None, bool]:
    """The characters a match of a parsed sequence can start with (None: any), and whether it can be empty."""
    chars: set[str] = set()
    for op, arg in items:
        if op is c.LITERAL:
            return frozenset(chars | {chr(arg)}), False
        if op is c.IN:
            members: set[str] = set()
            for kind, value in arg:
                if kind is c.LITERAL:
                    members.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < 256:
                    members.update(map(chr, range(value[0], value[1] + 1)))
                elif kind is c.CATEGORY and value in _CATEGORIES:
                    members.add(_CATEGORIES[value])
                else:  # a negated class or category, a wide range: anything
                    return _ANY, False
            return frozenset(chars | members), False
        if op is c.CATEGORY and arg in _CATEGORIES:  # \\d outside brackets
            return frozenset(chars | {_CATEGORIES[arg]}), False
        if op is c.AT or op in (c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the next item decides
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = arg
            if (add_flags | del_flags) & (re.IGNORECASE | re.VERBOSE):
                return _ANY, False
            first, empty = _first(sub)
        elif op is c.BRANCH:
            first, empty = frozenset(), False
            for branch in arg[1]:
                part, part_empty = _first(branch)
                if part is None:
                    return _ANY, False
                first, empty = first | part, empty or part_empty
        elif op in _REPEATS:
            low, _high, sub = arg
            first, empty = _first(sub)
            empty = empty or low == 0
        else:  # ANY ('.'), back-references, conditionals, ...: anything
            return _ANY, False
        if first is None:
            return _ANY, False
        chars |= first
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a non-empty match of `pattern` can start with, or None when that is not known.

    Under IGNORECASE they are the pattern's own characters: `_can_start` lets `re` compare them with the text's.
    """
    parsed = sre_parse.parse(pattern, flags)
    if (parsed.state.flags & ~flags) & (re.IGNORECASE | re.VERBOSE):  # a flag set inside the pattern
        return _ANY
    chars, _empty = _first(list(parsed))
    return chars


def required_literal(pattern: str) -> str | None:
    """The longest run of literal characters every match of `pattern` holds (4 or more), or None.

    Only the top level of the pattern is read: an item there is never optional, whatever comes around it
    (".{0,80}\\balle rechte vorbehalten" -> "alle rechte vorbehalten").
    """
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    best, run = "", ""
    for op, arg in parsed:
        if op is c.LITERAL:
            run += chr(arg)
            best = max(best, run, key=len)
        elif op is not c.AT:  # a zero-width \\b does not break the run
            run = ""
    return best if len(best) >= 4 else None


def required_needles(pattern: str, least: int = 4) -> frozenset[str] | None:
    """Literal runs of `least`+ characters one of which every match of `pattern` holds, or None.

    `required_literal` reads the top level only; this one also reads into groups and alternatives that are
    never optional: "(?:sign up|subscribe) to our newsletter" -> {" to our newsletter"}, and
    "(?:abonniere|folge) uns" -> {"abonniere", "folge"} when no longer run stands at the top.
    """
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    return _needles(list(parsed), least)


def _needles(items: Any, least: int) -> frozenset[str] | None:
    """The best guard of a parsed sequence: its longest literal run, or a group all of whose branches have one."""
    best: frozenset[str] | None = None
    run = ""

    def better(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, arg in items:
        if op is c.LITERAL:
            run += chr(arg)
            if len(run) >= least:
                better(frozenset([run]))
            continue
        if op is c.AT:
            continue  # zero-width \\b does not break a run
        run = ""
        if op is c.SUBPATTERN:
            better(_needles(list(arg[3]), least))
        elif op is c.BRANCH:
            parts = [_needles(list(branch), least) for branch in arg[1]]
            if all(parts):
                better(frozenset().union(*parts))  # type: ignore[arg-type]
        elif op in _REPEATS and arg[0] >= 1:
            better(_needles(list(arg[2]), least))
    return best


_NON_ASCII = "<non-ascii>"  # stands for any character past ASCII


def _by_kind(patterns: dict[str, list[str]]) -> str:
    """One alternation of the patterns, in a named group per kind, in order (the first kind that matches wins)."""
    return "|".join(f"(?P<{kind}>{'|'.join(f'(?:{p})' for p in pats) or '(?!)'})" for kind, pats in patterns.items())


def _can_start(first: frozenset[str] | None, char: str, flags: int = 0) -> bool:
    """Whether a match whose first characters are `first` can start with `char` (or any non-ASCII one)."""
    if first is None or char in first or not char:
        return True
    if char == _NON_ASCII:  # a non-ASCII first character, or a class (all hold some); any at all ignoring case
        return bool(flags & re.IGNORECASE) or any(len(name) > 1 or name >= "\x80" for name in first)
    if any(_TESTS[name](char) for name in first if len(name) > 1):
        return True
    if flags & re.IGNORECASE:  # the engine's own case-insensitive comparison ("K" also matches the Kelvin sign)
        literal = "".join(re.escape(name) for name in first if len(name) == 1)
        return bool(literal) and re.fullmatch(f"[{literal}]", char, flags) is not None
    return False


class FirstCharDispatch:
    """`fullmatch_kind`/`match` of `(?P<kind>p1|p2...)|(?P<kind2>...)` with only the branches that can match."""

    def __init__(self, patterns: dict[str, list[str]], flags: int = 0) -> None:
        self._patterns, self._flags = patterns, flags
        self._firsts = {p: first_chars(p, flags) for pats in patterns.values() for p in pats}
        # A branch that may start anywhere (".{0,80}\\ball rights reserved") is kept only for a text that
        # holds the literal words it needs; one search for all of them, and most texts hold none.
        self._needs = {p: required_literal(p) for p, first in self._firsts.items() if first is None}
        needles = sorted({n for n in self._needs.values() if n}, key=len, reverse=True)
        self._needles = needles
        self._any_needle = re.compile("|".join(map(re.escape, needles)) or "(?!)", flags & re.IGNORECASE)
        self._by_key: dict[tuple[str, ...], re.Pattern[str]] = {}
        self._by_branches: dict[str, re.Pattern[str]] = {}  # keys that keep the same branches share one
        # `fullmatch_kind` tries the floating branches apart, in one small alternation compiled once, instead
        # of compiling each first character's alternation a second time with them (~0.05 s a process)
        self._kinds = list(patterns)
        floating = {kind: [p for p in pats if self._needs.get(p)] for kind, pats in patterns.items()}
        self._floating_source = _by_kind({kind: pats for kind, pats in floating.items() if pats})
        self._floating: re.Pattern[str] | None = None

    def _keeps(self, pattern: str, char: str, needle: bool) -> bool:
        return _can_start(self._firsts[pattern], char, self._flags) and (needle or self._needs.get(pattern) is None)

    def _compile(self, key: tuple[str, ...]) -> re.Pattern[str]:
        """The alternation of the branches that can match, in order, one named group per kind."""
        char, needle = key[0], len(key) > 1
        kept = {kind: [p for p in pats if self._keeps(p, char, needle)] for kind, pats in self._patterns.items()}
        source = _by_kind(kept)
        pattern = self._by_branches.get(source)
        if pattern is None:
            pattern = self._by_branches[source] = re.compile(source, self._flags)
        return pattern

    def _for(self, text: str, floating: bool) -> re.Pattern[str]:
        # the first character, non-ASCII ones as one (fewer alternations to compile), and, if `floating`, whether
        # the text holds a needle: then every floating branch is kept
        first = text[:1] if text[:1] < "\x80" else _NON_ASCII  # ("" for an empty text: every branch is kept)
        holds = floating and self._needles and self._any_needle.search(text) is not None
        key = (first, "needle") if holds else (first,)
        pattern = self._by_key.get(key)
        if pattern is None:
            pattern = self._by_key[key] = self._compile(key)
        return pattern

    def warm(self, chars: str) -> None:
        """Compile the alternations for lines starting with one of `chars` (and any non-ASCII character) now.

        Called before `--jobs` forks (engine.warm_up): the workers share them instead of each compiling its own.
        """
        for first in [*chars, _NON_ASCII]:
            if (first,) not in self._by_key:
                self._by_key[(first,)] = self._compile((first,))

    def fullmatch_kind(self, text: str) -> str | None:
        """The kind (group name) of the whole alternation's `fullmatch(text)`, or None.

        Without the floating branches' own alternations: the branches of a kind stand in one group and the
        groups in order, so the whole alternation's match is of the first kind any of whose branches matches;
        that is the earlier of the anchored branches' kind and the floating branches' kind.
        """
        match = self._for(text, floating=False).fullmatch(text)
        kind = match.lastgroup if match is not None else None
        if kind == self._kinds[0] or not self._needles or self._any_needle.search(text) is None:
            return kind
        floating = self._floating
        if floating is None:
            floating = self._floating = re.compile(self._floating_source, self._flags)
        other = floating.fullmatch(text)
        if other is None:
            return kind
        if kind is None or self._kinds.index(other.lastgroup or "") < self._kinds.index(kind):
            return other.lastgroup
        return kind

    def match(self, text: str) -> re.Match[str] | None:
        """Same match as the whole alternation's `match(text)` (at the start)."""
        return self._for(text, floating=True).match(text)


class NeedleFilter:
    """`findall` of an alternation `(?:p1)|(?:p2)...`; a branch that needs words is tried only on a text that
    holds them.

    A branch that no literal run at its top level guards is always tried; the others only when the text holds
    their own run. A dropped branch cannot match anywhere in it: the same matches, from the alternation of the
    branches kept (compiled once per set of them: a page's lines hold few sets). One alternation of ~100
    branches tried at every place of a line cost ~150 µs a line; finding the runs costs ~1 µs.
    """

    _MOST_SETS = 256  # alternations kept, one per set of branches a line needs

    def __init__(self, patterns: list[str]) -> None:
        self._patterns = [(pattern, required_literal(pattern)) for pattern in patterns]
        self._guards = [(index, need) for index, (_pattern, need) in enumerate(self._patterns) if need]
        # which needles a text holds, in one Aho-Corasick pass (every occurrence, overlapping ones too: the same
        # set as an `in` test per needle): 10x faster than a regex alternation of them, which the engine tries
        # at every place of the text, and than ~120 `in` tests in a Python loop
        by_needle: dict[str, list[int]] = {}
        for index, need in self._guards:
            by_needle.setdefault(need, []).append(index)
        self._needles = ahocorasick.Automaton()
        for need, indices in by_needle.items():
            self._needles.add_word(need, indices)
        if by_needle:
            self._needles.make_automaton()
        self._unguarded = alternation(p for p, need in self._patterns if need is None)
        self._by_set: dict[tuple[int, ...], re.Pattern[str]] = {}

    def findall(self, text: str) -> list[Any]:
        """Same as the whole alternation's `findall(text)`."""
        held = [indices for _end, indices in self._needles.iter(text)] if self._guards else []
        if not held:
            return self._unguarded.findall(text)
        kept = tuple(sorted({index for indices in held for index in indices}))
        pattern = self._by_set.get(kept)
        if pattern is None:
            if len(self._by_set) >= self._MOST_SETS:
                self._by_set.clear()
            chosen = set(kept)
            pattern = self._by_set[kept] = alternation(
                p for index, (p, need) in enumerate(self._patterns) if need is None or index in chosen
            )
        return pattern.findall(text)
