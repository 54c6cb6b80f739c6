"""A line's words and its suspects, scanned once and cached per process (boilerplate lines repeat)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate, compress, count

from scrapelint.spelling.lexicon import lexicon
from scrapelint.spelling.masking import _WORD, _blank, _mask
from scrapelint.spelling.vocabulary import Context

_Token = tuple[int, int, str]


# `split` on the captured word gives gap, word, gap, word, ..., gap in one linear pass without a Match object
# per word (the costly part of `finditer`); the lengths add up to every word's offsets.
_SPLIT_WORDS = re.compile("(" + _WORD.pattern + ")")
# The same on an ASCII line (97% of lines), where a Unicode letter is [A-Za-z] and `\w` is [A-Za-z0-9_]: character
# sets are tested faster than Unicode categories (the split 1.5x faster; the same pieces).
_SPLIT_ASCII = re.compile(r"([A-Za-z](?<![\w@#&].)[A-Za-z]*(?:'[A-Za-z]+)*(?![\w@&]))", re.ASCII)


def _split(masked: str) -> tuple[str, ...]:
    """Gap, word, gap, word, ..., gap of a masked line."""
    return tuple((_SPLIT_ASCII if masked.isascii() else _SPLIT_WORDS).split(masked))


class _Tokens:
    """The words of one line; their offsets are added up only when asked (lines with suspects).

    `tokens[i]` is (start, end, word), as a Match would give.
    """

    __slots__ = ("_ends", "_starts", "pieces", "words")

    def __init__(self, pieces: tuple[str, ...]) -> None:
        self.pieces = pieces  # gap, word, gap, word, ..., gap
        self.words = pieces[1::2]
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            bounds = list(accumulate(map(len, self.pieces)))
            self._starts, self._ends = bounds[0:-1:2], bounds[1::2]
        return self._starts

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, index: int) -> _Token:
        return self.starts[index], self._ends[index], self.words[index]


# A line's scan: the masked line, its pieces (gap, word, ..., gap; None when no word is suspect, to keep the
# cache small) and the indices of its suspect words. Only tuples of strings and ints, which the garbage
# collector stops tracking: a full cache costs it nothing.
_Scan = tuple[str, tuple[str, ...] | None, tuple[int, ...]]


class _Suspect(dict[str, bool]):
    """Whether a word as written is a suspect, by one dict lookup: filled on first sight of each form.

    The ~95% of words in the trusted lexicon are accepted; a trusted word rarer than once per million is
    a suspect only when capitalised ("Wold" in "Wold War"). Cleared when full, so memory stays flat.
    """

    LIMIT = 100_000  # distinct word forms (~15 MB when full); a news article has ~500

    def __missing__(self, word: str) -> bool:
        lex = lexicon()
        lower = word.lower()
        suspect = lower not in lex.accepted_any_case and (word[0].isupper() or lower not in lex.trusted)
        if len(self) >= self.LIMIT:
            self.clear()
        self[word] = suspect
        return suspect


_SUSPECT = _Suspect()


def _tokenise(masked: str) -> _Scan:
    """The words of one masked line, and the indices of those the fast path cannot accept.

    Most words need one dict lookup (`_Suspect`); only the suspects get the precision layer's slower checks.
    """
    pieces = _split(masked)
    flags = list(map(_SUSPECT.__getitem__, pieces[1::2]))  # one lookup per word, in C
    if not any(flags):
        return masked, None, ()
    return masked, pieces, tuple(compress(count(), flags))


def _pieces(scan: _Scan) -> tuple[str, ...]:
    masked, pieces, _ = scan
    return pieces if pieces is not None else _split(masked)


_CACHED_LINE = 2_000  # longer lines (whole articles on one line) are scanned afresh: they rarely repeat


@lru_cache(maxsize=50_000)  # about 1 KB a line: ~50 MB when full
def _cached_scan(line: str, skip_quoted: bool) -> _Scan:
    """`_tokenise(_mask(line))`, cached per process: menus, bylines and boilerplate repeat across pages."""
    return _tokenise(_mask(line, skip_quoted))


def scan_line(line: str, skip_quoted: bool) -> _Scan:
    """A line masked (code, URLs, addresses blanked) and split into its words; cached for lines up to 2,000 chars."""
    return _cached_scan(line, skip_quoted) if len(line) <= _CACHED_LINE else _tokenise(_mask(line, skip_quoted))


def _scans(text: str, context: Context) -> list[_Scan]:
    """One scan per line of `text` (split on newlines only, so offsets add up with one per break)."""
    lines = text.split("\n")
    phrases = context.vocabulary.phrases
    if phrases is None:
        return [scan_line(line, context.skip_quoted) for line in lines]
    # Accepted phrases may span a line break: blank them in the whole masked text, then tokenise its lines.
    masked = _blank("\n".join(_mask(line, context.skip_quoted) for line in lines), phrases)
    return [_tokenise(line) for line in masked.split("\n")]


class _FlatWords:
    """Every word of the text in order, built only when a check needs words across lines."""

    def __init__(self, scans: list[_Scan]) -> None:
        self.scans = scans
        self._words: list[str] | None = None
        self._bases: list[int] = []

    def _build(self) -> list[str]:
        if self._words is None:
            self._words = []
            for scan in self.scans:
                self._bases.append(len(self._words))
                self._words.extend(_pieces(scan)[1::2])
        return self._words

    def __iter__(self) -> Iterator[str]:
        return iter(self._build())

    def at(self, line_no: int, index: int) -> str | None:
        """The word `index` places from the start of line `line_no` (negative: back into earlier lines)."""
        words = self._build()
        flat = self._bases[line_no] + index
        return words[flat] if 0 <= flat < len(words) else None
