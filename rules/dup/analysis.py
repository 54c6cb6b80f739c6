"""The analysis all DUP rules share, made once per document: the body's normalised words with their
offsets and the token range of every sentence and paragraph (why words, not strings: see the package)."""

from __future__ import annotations

import re
import weakref
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import chain, compress, count, repeat, starmap
from operator import add, itemgetter

from scrapelint.doc_cache import family_cache
from scrapelint.document import Document
from scrapelint.models import Fix
from scrapelint.rule import Rule, deletion_span
from scrapelint.rules.structure import (
    LABEL_MIN_WORDS,
    LABEL_WORDS,
    OPENING_WORDS,
    form_rows,
    template_rows,
)

_APOSTROPHES = ("’", "‘", "ʼ", "`", "´")
# Where a sentence-like unit may start: after terminal punctuation and a space ("Earth., Stalin"
# included), after a line break, or after a full stop glued to a capitalised word ("Volgoda.Stalin").
# Not inside URLs, numbers or abbreviations without a space ("www.lge.com", "3.5", "E.H.Carr").
# (One character class first, so the regex engine scans for candidates fast.)
_SENTENCE_GAP = re.compile(
    r"""[\n.!?…](?:(?<=\n)|(?<=[.!?…])(?<![.!?…][.!?…])(?:[.!?…]*["'”’»)\]]*[,;]?(?=\s)|(?<=[a-z].)(?=[A-Z][a-z])))"""
)
# Where every line is a paragraph, a line break always comes before a sentence start, which is a stop anyway.
# Only the first mark of a run starts a match (the look-behind): a match from a later one would end where one
# from the first does, and trying each of 80,000 dots in turn was quadratic (issue #20).
_MARK_GAP = re.compile(r"""[.!?…](?<![.!?…][.!?…])(?:[.!?…]*["'”’»)\]]*[,;]?(?=\s)|(?<=[a-z].)(?=[A-Z][a-z]))""")
_MATCH_END = re.Match.end
_HORIZONTAL_SPACE = " \t\u00a0\u2009\u202f"
_OPEN = "\"'“‘„«‹([¿¡"
_CLOSE = ".!?…:;,\"'”’»›)]"
_DOUBLE_QUOTES = re.compile(r"[\"“”„«»]")
_ASCII_DIGIT = re.compile("[0-9]")
# A sentence that is a quotation from its first character to its last (end punctuation may follow).
_WHOLLY_QUOTED = re.compile(r"""["“„«‘'].*["”»’'][.!?…]*$""", re.DOTALL)  # used with .match(text, start, end)
_WEB_ADDRESS = re.compile(r"://|www\.|@\w+\.")
_TERMINALS, _CLOSERS = ".!?…", "\"'”’»)]"  # a sentence ends in one of the first, then any of the second
_MAX_CANDIDATES = 64  # earlier positions verified per sentence: bounds pathological inputs
_KGRAM = 4  # words hashed to find where a sentence occurred before
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_LABEL_END = re.compile(r"[?:？：]")  # ends a row's label: "Fees:", "Are bicycles allowed? Yes."


class _Members:
    """A set of token indexes as one byte per token: a set of ints cost ~70 bytes per line (issue #20)."""

    __slots__ = ("_bits",)

    def __init__(self, bits: bytearray) -> None:
        self._bits = bits

    def __contains__(self, index: object) -> bool:
        bits = self._bits
        return isinstance(index, int) and 0 <= index < len(bits) and bits[index] == 1


@dataclass(frozen=True)
class _Stops:
    order: array[int]
    members: _Members


@dataclass(eq=False)
class _Analysis:
    """The normalised words of one document and where each unit's words lie."""

    text: str
    tokens: list[str]
    starts: Sequence[int]
    words: list[str]  # the words as written: word i ends at starts[i] + len(words[i])
    sentences: Sequence[tuple[int, int]]  # token range [a, b) of each sentence of the Document
    paragraphs: Sequence[tuple[int, int]]  # token range [a, b) of each paragraph
    title: tuple[str, ...] = ()
    hard_wrapped: bool = False  # paragraphs are blocks of lines, so a line break may fall inside a sentence
    folded: str | None = field(default=None, repr=False)  # "\x00".join(tokens), when the tokens were split from it
    _indexes: dict[int, dict[tuple[str, ...], list[int]]] = field(default_factory=dict, repr=False)
    _repeated: dict[int, list[int]] = field(default_factory=dict, repr=False)  # stops whose k words came before
    blocks: dict[tuple[int, bool], list[_Block]] = field(default_factory=dict, repr=False)  # by DUP002 options

    @cached_property
    def boundaries(self) -> set[int]:
        """Token indexes that start a sentence-like unit (after . ! ? … or a line break), and the end.

        (Line breaks only in hard-wrapped text: where paragraphs are lines, the word after a break starts a
        sentence, so it is among `stops` already and never inside a sentence.)
        """
        gaps = _SENTENCE_GAP if self.hard_wrapped else _MARK_GAP
        gap_ends = map(_MATCH_END, gaps.finditer(self.text))
        result = set(map(partial(bisect_left, self.starts), gap_ends))
        result.update((0, len(self.tokens)))
        return result

    def index(self, k: int) -> dict[tuple[str, ...], list[int]]:
        """First `k` words -> stops, ascending: where a sentence could have occurred before.

        Only words that begin two stops or more are kept: a lookup of any other finds no earlier stop.
        """
        if k not in self._indexes:
            tokens, order = self.tokens, self.stops.order
            order = order[: bisect_right(order, len(tokens) - k)]
            # (The keys are made twice rather than held in a list: a tuple per stop cost ~60 bytes, issue #20.)
            counts = Counter(map(tuple, map(tokens.__getitem__, map(slice, order, map(add, order, repeat(k))))))
            index: dict[tuple[str, ...], list[int]] = {}
            repeated: list[int] = []
            if len(counts) < len(order):  # only words that begin two stops can start a repeat
                keys = map(tuple, map(tokens.__getitem__, map(slice, order, map(add, order, repeat(k)))))
                for key, position in zip(keys, order, strict=False):
                    if counts[key] > 1:
                        positions = index.get(key)
                        if positions is None:
                            index[key] = [position]
                        else:
                            positions.append(position)
                            repeated.append(position)
            self._indexes[k] = index
            self._repeated[k] = repeated
        return self._indexes[k]

    def repeated(self, k: int) -> list[int]:
        """Stops, ascending, whose first `k` words also begin an earlier stop."""
        self.index(k)
        return self._repeated[k]

    def may_repeat(self, k: int, a: int, b: int) -> bool:
        """Whether a stop in tokens [a, b) begins `k` words that also begin an earlier stop.

        A repeat of anything starting in [a, b) needs such a stop, so most sentences are ruled out
        by one bisection.
        """
        self.index(k)
        repeated = self._repeated[k]
        at = bisect_left(repeated, a)
        return at < len(repeated) and repeated[at] < b

    @cached_property
    def stops(self) -> _Stops:
        """Sentence starts and boundaries together: where a repeated run may begin."""
        bits = bytearray(len(self.tokens) + 1)  # (every stop is a token index, or the end)
        for stop in chain(self.boundaries, self.sentence_starts):
            bits[stop] = 1
        return _Stops(array("q", compress(count(), bits)), _Members(bits))

    @cached_property
    def sentence_starts(self) -> Sequence[int]:
        return _firsts(self.sentences)

    @cached_property
    def paragraph_starts(self) -> Sequence[int]:
        return _firsts(self.paragraphs)

    @cached_property
    def joined(self) -> str:
        """All tokens in one string, each after a NUL (which no word holds), and a NUL at the end."""
        inner = self.folded if self.folded is not None else "\x00".join(self.tokens)  # (one copy, not a join)
        return "\x00" + inner + "\x00"

    def runs(self, words: tuple[str, ...]) -> list[int]:
        """Token indexes, ascending, where `words` occur in a row."""
        joined, needle = self.joined, "\x00" + "\x00".join(words) + "\x00"
        result: list[int] = []
        at, token, counted = joined.find(needle), 0, 0
        while at != -1:
            token += joined.count("\x00", counted, at)  # the token after the n-th NUL has index n
            counted = at
            result.append(token)
            at = joined.find(needle, at + 1)
        return result

    @staticmethod
    def ranges_at(starts: Sequence[int], ranges: Sequence[tuple[int, int]], runs: list[int], size: int) -> list[int]:
        """Indexes, ascending, of the `ranges` (which begin at `starts`) that are one of the `runs` of `size` tokens."""
        found = []
        for run in runs:
            i = bisect_left(starts, run)
            while i < len(starts) and starts[i] == run:  # (an empty range shares its start with the next one)
                if ranges[i][1] - run == size:
                    found.append(i)
                i += 1
        return found

    @cached_property
    def duplicated_paragraphs(self) -> dict[int, int]:
        """Paragraph index -> index of the earlier paragraph with the same words (any length)."""
        first: dict[tuple[str, ...], int] = {}
        result: dict[int, int] = {}
        tokens = self.tokens
        # The keys are made twice rather than held in a list: a tuple per line cost ~60 bytes (issue #20).
        counts = Counter(map(tuple, map(tokens.__getitem__, starmap(slice, self.paragraphs))))
        if len(counts) == len(self.paragraphs):
            return result  # every paragraph differs
        for number, key in enumerate(map(tuple, map(tokens.__getitem__, starmap(slice, self.paragraphs)))):
            if not key or counts[key] == 1:
                continue
            if key in first:
                result[number] = first[key]
            else:
                first[key] = number
        return result

    def template_rows(self, numbers: Iterable[int]) -> set[int]:
        """Which of paragraphs `numbers` are rows of a template (rules/structure.py), keyed by label and opening.

        A paragraph sharing a key with one of them opens with the same words: only those are keyed, so the
        cost follows the copies found, not the length of the text.
        """
        tokens, paragraphs, firsts = self.tokens, self.paragraphs, self.paragraph_starts
        numbers = list(numbers)
        pairs = {tuple(tokens[a : a + 2]) for a, b in map(paragraphs.__getitem__, numbers) if b - a >= 2}
        if not pairs:
            return set()  # (every key has three words or more: a paragraph's first two must match one's)
        firsts_, seconds = {pair[0] for pair in pairs}, {pair[1] for pair in pairs}
        padded = tokens if firsts[-1] + 1 < len(tokens) else [*tokens, "", ""]  # (an empty last paragraph)
        alike = list(compress(count(), map(firsts_.__contains__, map(padded.__getitem__, firsts))))
        heads = map(add, map(firsts.__getitem__, alike), repeat(1))
        alike = list(compress(alike, map(seconds.__contains__, map(padded.__getitem__, heads))))
        keys = [key for number in alike for key in self._row_keys(number, opening=True)]
        rows = template_rows([key for key in keys if key[1][0] != "s"], self.paragraph_tokens) if keys else set()
        labelled = {number for number, key in keys if key[1][0] != ""}.difference(rows)
        if labelled.intersection(numbers):  # a label of its own in a page of labelled rows (an FAQ's variant)
            rows |= labelled & self.form_rows
        return rows

    @cached_property
    def form_rows(self) -> set[int]:
        """Every labelled paragraph, when the page is made of labelled rows (`form_rows`, rules/structure.py)."""
        starts, firsts, paragraphs = self.starts, self.paragraph_starts, self.paragraphs
        keys: list[tuple[int, tuple[str, ...]]] = []
        last = -1
        for mark in _LABEL_END.finditer(self.text):
            end = bisect_left(starts, mark.start())
            number = bisect_right(firsts, end - 1) - 1
            if number > last:  # (only a paragraph's first mark ends its label; most marks end no label)
                last = number
                if 0 < end - firsts[number] <= LABEL_WORDS:
                    keys.extend(self._row_keys(number, opening=False))
        if not keys:
            return set()
        values = {number: paragraphs[number][1] - paragraphs[number][0] - len(key) + 1 for number, key in keys}
        return form_rows(keys, self.paragraph_tokens, values.__getitem__)

    def _row_keys(self, number: int, opening: bool) -> list[tuple[int, tuple[str, ...]]]:
        """Paragraph `number`'s keys as a template's row: its label (and, if asked, its opening words)."""
        tokens, starts = self.tokens, self.starts
        a, b = self.paragraphs[number]
        if b - a < 2:
            return []
        keys = []
        if opening and b - a >= OPENING_WORDS + 3:
            keys.append((number, ("", *tokens[a : a + OPENING_WORDS])))
        mark = _LABEL_END.search(self.text, starts[a], starts[b - 1])
        if mark is not None:  # the label's words end at the first mark; a value follows
            end = bisect_left(starts, mark.start(), a, b)
            # ("s": under three words, a field's name or a speaker's, "Level:", "Morton:", "He said:"; rules/structure.py)
            if 0 < end - a <= LABEL_WORDS and not all(map(str.isdigit, tokens[a:end])):
                keys.append((number, ("?" if end - a >= LABEL_MIN_WORDS else "s", *tokens[a:end])))
        return keys

    def paragraph_tokens(self, number: int) -> tuple[str, ...]:
        """Paragraph `number`'s normalised words: what two paragraphs are compared by."""
        return tuple(self.tokens[slice(*self.paragraphs[number])])

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens [a, b), widened over adjoining quotes, brackets and end punctuation."""
        text, start, end = self.text, self.starts[a], self.starts[b - 1] + len(self.words[b - 1])
        while start > 0 and text[start - 1] in _OPEN:
            start -= 1
        while end < len(text) and text[end] in _CLOSE:
            end += 1
        return start, end


class ParagraphTexts(Mapping[int, str]):
    """Paragraph number -> its text, sliced when read: a list of every paragraph's text was one more copy."""

    __slots__ = ("_ends", "_starts", "_text")

    def __init__(self, doc: Document) -> None:
        self._text, (self._starts, self._ends) = doc.text, doc.paragraph_spans

    def __getitem__(self, number: int) -> str:
        return self._text[self._starts[number] : self._ends[number]]

    def __len__(self) -> int:
        return len(self._starts)

    def __iter__(self) -> Iterator[int]:
        return iter(range(len(self._starts)))


def _firsts(ranges: Sequence[tuple[int, int]]) -> Sequence[int]:
    """The first token of every range: the Document's own array when it has one (no int object each)."""
    firsts: Sequence[int] | None = getattr(ranges, "firsts", None)
    return firsts if firsts is not None else list(map(_FIRST, ranges))


_cache: weakref.WeakKeyDictionary[Document, _Analysis] = family_cache("DUP")  # dropped after DUP (issue #20)


def _normalise(text: str) -> str:
    text = text.lower()
    for apostrophe in _APOSTROPHES:
        if apostrophe in text:
            text = text.replace(apostrophe, "'")
    return text


_WORD = re.compile(r"\w+(?:'\w+)*")  # the Document's word pattern, after apostrophes are folded


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(_normalise(text)))


def _analyse(doc: Document) -> _Analysis:
    """The shared analysis of `doc`, computed once for all DUP rules."""
    cached = _cache.get(doc)
    if cached is not None:
        return cached
    text = doc.text
    folded: str | None = None
    starts, words = doc.word_starts, doc.word_texts  # offsets and strings only: no object per word
    if "Σ" in text:  # lower-casing depends on the context (final sigma): fold as in the whole text
        ends = doc.word_spans[1]
        folded_text = _normalise(text)
        if len(folded_text) == len(text):
            tokens = list(map(folded_text.__getitem__, map(slice, starts, ends)))
        else:  # rare: lower-casing changed lengths (e.g. "İ"); fold word by word
            tokens = [_normalise(text[start:end]) for start, end in zip(starts, ends, strict=False)]
    elif starts:  # all words at once: "\x00" is no word character, so it splits them apart again
        folded = _normalise("\x00".join(words))
        tokens = folded.split("\x00")
    else:
        tokens = []
    sentences, paragraphs = doc.sentence_words, doc.paragraph_words
    title = _words(doc.article.title) if doc.field == "text" and doc.article.title else ()
    analysis = _Analysis(text, tokens, starts, words, sentences, paragraphs, title, doc.hard_wrapped, folded)
    _cache[doc] = analysis
    return analysis


def _removal(text: str, start: int, end: int, paragraph_start: int, paragraph_end: int) -> tuple[int, int]:
    """The span to delete to remove `[start, end)` and leave the text well formed."""
    if start != paragraph_start or end != paragraph_end:
        return deletion_span(text, start, end)  # a sentence: with the space beside it
    # A whole paragraph: from its line start to the next paragraph's line start.
    line_start = start
    while line_start > 0 and text[line_start - 1] in _HORIZONTAL_SPACE:
        line_start -= 1
    after = end
    while after < len(text) and text[after].isspace():
        after += 1
    if after < len(text):
        next_line = text.rfind("\n", end, after)
        return line_start, (next_line + 1 if next_line != -1 else after)
    before = start  # the last paragraph: take the line break before it instead
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return before, end


def _delete(
    doc: Document, start: int, end: int, paragraph: int, applicability: str, what: str, last: int | None = None
) -> Fix:
    """The fix that deletes `[start, end)` of `paragraph` (or of the paragraphs from it to `last`): whole
    paragraphs go with their line breaks, a part with the space beside it."""
    starts, ends = doc.paragraph_spans
    a, b = _removal(doc.text, start, end, starts[paragraph], ends[paragraph if last is None else last])
    return Rule.replace(a, b, "", applicability, f"delete the repeated {what}")  # type: ignore[arg-type]


def _line(doc: Document, offset: int) -> int:
    return doc.position(offset)[0]


@dataclass
class _Block:
    """A later copy: its tokens [la, lb) in `paragraph`, and the token range [a, b) of its first copy."""

    la: int
    lb: int
    paragraph: int
    a: int
    b: int


def _sentence_at(analysis: _Analysis, token: int) -> int:
    """Index of the last sentence whose token range starts at or before `token`."""
    return bisect_right(analysis.sentence_starts, token) - 1
