"""DUP: the same text twice — duplicated paragraphs, repeated sentences and blocks,
near-duplicate sentences, the title repeated in the body.

All four rules share one analysis per document (`_analyse`): the body's words,
normalised (case, curly/straight apostrophes), with their offsets, and the token
range of every sentence and paragraph. Comparing word sequences rather than raw
strings makes a copy with changed whitespace, quotes, dashes, case or trailing
punctuation equal to the original, and hashing them keeps the cost linear.
The first occurrence always stays; every finding is on a later copy, with
`related` pointing at the first.
"""

from __future__ import annotations

import math
import re
import weakref
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import chain, compress, count, repeat, starmap
from operator import add, countOf, ge, itemgetter, lt, sub

from pydantic import Field

from scrapelint.doc_cache import family_cache
from scrapelint.document import Document, Sentence
from scrapelint.models import Finding, Fix, Location, Severity
from scrapelint.rule import Rule, RuleOptions, deletion_span, location
from scrapelint.rules.structure import (
    LABEL_MIN_WORDS,
    LABEL_WORDS,
    OPENING_WORDS,
    QUESTION_WORDS,
    copied_runs,
    form_rows,
    known_debris,
    listed,
    parallel_items,
    parallel_repeats,
    recurring,
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
        rows = template_rows([key for key in keys if key[1][0] != "s"], self._paragraph_words) if keys else set()
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
        return form_rows(keys, self._paragraph_words, values.__getitem__)

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

    def _paragraph_words(self, number: int) -> tuple[str, ...]:
        return tuple(self.tokens[slice(*self.paragraphs[number])])

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens [a, b), widened over adjoining quotes, brackets and end punctuation."""
        text, start, end = self.text, self.starts[a], self.starts[b - 1] + len(self.words[b - 1])
        while start > 0 and text[start - 1] in _OPEN:
            start -= 1
        while end < len(text) and text[end] in _CLOSE:
            end += 1
        return start, end


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


def _delete(doc: Document, start: int, end: int, paragraph: int, applicability: str, what: str) -> Fix:
    starts, ends = doc.paragraph_spans
    a, b = _removal(doc.text, start, end, starts[paragraph], ends[paragraph])
    return Rule.replace(a, b, "", applicability, f"delete the repeated {what}")  # type: ignore[arg-type]


def _line(doc: Document, offset: int) -> int:
    return doc.position(offset)[0]


# -- DUP001 -----------------------------------------------------------------------


class DuplicatedParagraphOptions(RuleOptions):
    min_words: int = Field(5, ge=1, description="Shorter paragraphs (stock lines like 'Read more') are not reported.")


class DuplicatedParagraph(Rule):
    code = "DUP001"
    name = "duplicated-paragraph"
    summary = "A paragraph repeats an earlier paragraph."
    what = (
        "Reports a paragraph whose words equal those of an earlier paragraph, ignoring case, spacing, "
        "curly versus straight quotes, dashes and punctuation. The later copy is reported; `related` "
        "points at the first. The safe fix deletes the copy with its line break."
    )
    why = (
        "Scrapers capture the same node twice (a lazy-loaded block, a mobile and a desktop copy, a "
        "pull quote rendered again). Readers see the text twice and models trained on it learn the "
        "repetition."
    )
    example = (
        "Negotiators met in Addis Ababa on Tuesday for the first time.\n"
        "Talks resume next week in Cairo.\n"
        "Negotiators met in Addis Ababa on Tuesday for the first time.\n"
        "(line 3 is reported: it repeats line 1)"
    )
    severity = Severity.warning
    fixable = "safe"
    Options = DuplicatedParagraphOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        analysis = _analyse(doc)
        duplicated = analysis.duplicated_paragraphs
        starts, ends = doc.paragraph_spans
        parallel = _structural_copies(doc, analysis, duplicated) if duplicated else set()
        for number, original in duplicated.items():
            a, b = analysis.paragraphs[number]
            if b - a < self.options.min_words or tuple(analysis.tokens[a:b]) == analysis.title:
                continue  # short stock line, or the title (DUP004 reports that)
            if number in parallel or known_debris(doc.text[starts[number] : ends[number]]):
                continue  # a heading, cell, question or list item repeated by design, or DEB's (rules/structure.py)
            yield self.finding(
                doc,
                starts[number],
                ends[number],
                f"paragraph duplicates the one at line {_line(doc, starts[original])}; the same text appears twice",
                fix=_delete(doc, starts[number], ends[number], number, "safe", "paragraph"),
                related=(starts[original], ends[original]),
            )


def _structural_copies(doc: Document, analysis: _Analysis, duplicated: dict[int, int]) -> set[int]:
    """Copied paragraphs (copy -> first) that repeat by design: items of a parallel structure or a list, cells
    of a template's rows, a line under each item; a paragraph doubled in place or a block of paragraphs copied
    in its order is neither of the last two (rules/structure.py)."""
    starts, ends = doc.paragraph_spans
    texts = _ParagraphTexts(doc.text, starts, ends)
    found = parallel_repeats(texts, duplicated)
    found |= listed(texts, {copy: first for copy, first in duplicated.items() if copy not in found})
    runs = copied_runs(duplicated)
    loose = [copy for copy, first in duplicated.items() if first != copy - 1 and copy not in runs and copy not in found]
    if loose:  # (the template's rows are looked for only then: most copies of a doubled text are in runs)
        found.update(recurring(duplicated).intersection(loose))
        rows = analysis.template_rows(chain(loose, map(duplicated.__getitem__, loose)))
        found.update(copy for copy in loose if copy in rows and duplicated[copy] in rows)
    return found


class _ParagraphTexts(Mapping[int, str]):
    """Paragraph number -> its text, sliced when read: a list of every paragraph's text was one more copy."""

    __slots__ = ("_ends", "_starts", "_text")

    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int]) -> None:
        self._text, self._starts, self._ends = text, starts, ends

    def __getitem__(self, number: int) -> str:
        return self._text[self._starts[number] : self._ends[number]]

    def __len__(self) -> int:
        return len(self._starts)

    def __iter__(self) -> Iterator[int]:
        return iter(range(len(self._starts)))


# -- DUP002 -----------------------------------------------------------------------


class RepeatedSentenceOptions(RuleOptions):
    min_words: int = Field(
        6, ge=1, description="A repeat must contain a sentence this long; shorter ones only join a repeated block."
    )
    include_quotes: bool = Field(
        False, description="Also report a sentence that is wholly a quotation repeating an earlier one."
    )


@dataclass
class _Block:
    """A later copy: its tokens [la, lb) in `paragraph`, and the token range [a, b) of its first copy."""

    la: int
    lb: int
    paragraph: int
    a: int
    b: int


class RepeatedSentence(Rule):
    code = "DUP002"
    name = "repeated-sentence"
    summary = "A sentence, or a run of sentences, repeats text from earlier in the article."
    what = (
        "Reports a sentence whose words already occurred earlier in the article as a sentence, "
        "ignoring case, spacing, quote style and punctuation. Consecutive repeated sentences are "
        "reported as one repeated block spanning the whole copy, also when the copy sits inside one "
        "paragraph. Paragraphs repeated whole are left to DUP001. Sentences shorter than `min-words` "
        "are only reported as part of a longer block, and a sentence that is wholly a quotation is "
        "left alone unless `include-quotes` is set. The safe fix deletes the copy and one adjacent space."
    )
    why = (
        "Repeated sentences are scraping or editing debris: a node captured twice, a teaser repeated "
        "in the body, a paragraph pasted twice. They distort summaries, word counts and training data."
    )
    example = (
        "Stalin analysed the problem with a police paradigm. He overestimated the impact of agents and "
        "wreckers. Stalin analysed the problem with a police paradigm. He overestimated the impact of agents "
        "and wreckers.\n(the second pair of sentences is reported as one repeated block)"
    )
    severity = Severity.warning
    fixable = "safe"
    Options = RepeatedSentenceOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        analysis = _analyse(doc)
        blocks = self.blocks(doc)
        short = {  # short copies, which may be a question or an item of a structure (rules/structure.py)
            number: (block.a, doc.text[slice(*self.span(doc, analysis, block))])
            for number, block in enumerate(blocks)
            if block.lb - block.la <= QUESTION_WORDS
        }
        parallel = parallel_items(short) if short else set()
        if blocks:  # cells of a template's rows (rules/structure.py), in two different paragraphs
            owners = doc.sentence_spans[2]
            pairs = [(block.paragraph, owners[_sentence_at(analysis, block.a)]) for block in blocks]
            pairs = [(copy, first) if copy != first else (-1, -1) for copy, first in pairs]
            rows = analysis.template_rows(p for pair in pairs for p in pair if p >= 0)
            parallel.update(number for number, (copy, first) in enumerate(pairs) if copy in rows and first in rows)
        for number, block in enumerate(blocks):
            if number not in parallel:
                yield self._finding(doc, analysis, block)

    def blocks(self, doc: Document) -> list[_Block]:
        """Every repeated block, in text order.

        Each sentence is matched whole; when it is not, it is matched piece by piece at inner
        sentence-like breaks the splitter kept together ("Earth., Stalin's", a lower-cased
        copy glued after a full stop), so a copy is found however the text was split.
        """
        analysis = _analyse(doc)
        key = (self.options.min_words, self.options.include_quotes)
        if key not in analysis.blocks:  # DUP003 asks too, to leave exact repeats alone
            analysis.blocks[key] = self._blocks(doc, analysis)
        return analysis.blocks[key]

    def _blocks(self, doc: Document, analysis: _Analysis) -> list[_Block]:
        skip = analysis.duplicated_paragraphs
        blocks: list[_Block] = []
        open_block: _Block | None = None
        k = max(1, min(_KGRAM, self.options.min_words))
        if not analysis.may_repeat(k, 0, len(analysis.tokens)):
            return blocks  # no stop begins words seen before: no copy can start anywhere
        # Only a sentence holding a stop whose k words came before can start a copy (the others are skipped
        # unless a block is open, which they may extend): the same blocks as visiting every sentence.
        may_start_copy = sorted(set(map(partial(_sentence_at, analysis), analysis.repeated(k))))
        ranges, owners = analysis.sentences, doc.sentence_spans[2]
        i = 0
        while i < len(ranges):
            if open_block is None:
                at = bisect_left(may_start_copy, i)
                if at == len(may_start_copy):
                    break
                i = may_start_copy[at]
            a, b = ranges[i]
            if owners[i] in skip or a == b:
                open_block = None
                i += 1
                continue
            may_start = not self._exempt(doc, analysis, i)
            previous, open_block = open_block, self._match(doc, analysis, i, a, b, open_block, blocks, may_start)
            if open_block is None and may_start:
                inner = [t for t in range(a + 1, b) if t in analysis.boundaries]
                if inner:
                    open_block = previous
                    for pa, pb in zip([a, *inner], [*inner, b], strict=False):
                        open_block = self._match(doc, analysis, i, pa, pb, open_block, blocks, True)
            i += 1
        return blocks

    def _match(
        self,
        doc: Document,
        analysis: _Analysis,
        i: int,
        a: int,
        b: int,
        block: _Block | None,
        blocks: list[_Block],
        may_start: bool,
    ) -> _Block | None:
        """Extend `block` with tokens [a, b) of sentence `i`, or start a new block there; None if no repeat."""
        tokens, boundaries = analysis.tokens, analysis.stops.members
        paragraph = doc.sentence_spans[2][i]
        words, length = tokens[a:b], b - a
        if (
            block is not None
            and block.lb == a
            and block.paragraph == paragraph
            and block.b + length <= block.la
            and block.b + length in boundaries
            and tokens[block.b : block.b + length] == words
        ):
            block.lb, block.b = b, block.b + length
            return block
        if length < self.options.min_words or not may_start:
            return None
        k = max(1, min(_KGRAM, self.options.min_words))
        for position in analysis.index(k).get(tuple(words[:k]), ())[:_MAX_CANDIDATES]:
            if position + length > a:
                break
            if position + length in boundaries and tokens[position : position + length] == words:
                block = _Block(a, b, paragraph, position, position + length)
                self._extend_backwards(doc, analysis, block, blocks[-1].lb if blocks else 0)
                blocks.append(block)
                return block
        return None

    def _exempt(self, doc: Document, analysis: _Analysis, i: int) -> bool:
        """A title (DUP004 reports it) or, unless asked, a wholly quoted sentence inside a paragraph."""
        a, b = analysis.sentences[i]
        if analysis.title and tuple(analysis.tokens[a:b]) == analysis.title:
            return True
        if self.options.include_quotes:
            return False
        (starts, ends, owners), (paragraph_starts, paragraph_ends) = doc.sentence_spans, doc.paragraph_spans
        start, end, paragraph = starts[i], ends[i], owners[i]
        whole_paragraph = start == paragraph_starts[paragraph] and end == paragraph_ends[paragraph]
        return not whole_paragraph and bool(_WHOLLY_QUOTED.match(doc.text, start, end))

    @staticmethod
    def _extend_backwards(doc: Document, analysis: _Analysis, block: _Block, floor: int) -> None:
        """Take in the short sentences or pieces ("Mr.") just before the block that also precede its first copy."""
        tokens, stops = analysis.tokens, analysis.stops
        floor = max(floor, analysis.paragraphs[block.paragraph][0])
        k = bisect_left(stops.order, block.la) - 1
        while k >= 0 and stops.order[k] >= floor:
            q = stops.order[k]
            length = block.la - q
            earlier = block.a - length
            if earlier < 0 or earlier not in stops.members or tokens[q : block.la] != tokens[earlier : block.a]:
                return
            block.la, block.a = q, earlier
            k -= 1

    @staticmethod
    def span(doc: Document, analysis: _Analysis, block: _Block) -> tuple[int, int]:
        """The characters of the later copy: whole sentences where it starts or ends at one."""
        first = doc.sentences[_sentence_at(analysis, block.la)]
        last = doc.sentences[_sentence_at(analysis, block.lb - 1)]
        start, end = analysis.span(block.la, block.lb)
        start = first.start if analysis.sentences[first.index][0] == block.la else max(start, first.start)
        end = last.end if analysis.sentences[last.index][1] == block.lb else min(end, last.end)
        # A wordless sentence ("...", a stray "?") beside the copy is part of it when it is also beside the first copy.
        text, (first_start, first_end) = doc.text, analysis.span(block.a, block.b)
        if start == first.start and first.index > 0:
            before = doc.sentences[first.index - 1]
            edge = first_start
            while edge > 0 and text[edge - 1].isspace():
                edge -= 1
            beside = before.paragraph == block.paragraph and _wordless(analysis, before)
            if beside and text.endswith(before.text(text), 0, edge):
                start = before.start
        if end == last.end and last.index + 1 < len(doc.sentences):
            after = doc.sentences[last.index + 1]
            edge = first_end
            while edge < len(text) and text[edge].isspace():
                edge += 1
            beside = after.paragraph == block.paragraph and _wordless(analysis, after)
            if beside and text.startswith(after.text(text), edge):
                end = after.end
        return start, end

    def _finding(self, doc: Document, analysis: _Analysis, block: _Block) -> Finding:
        first_start, first_end = analysis.span(block.a, block.b)
        start, end = self.span(doc, analysis, block)
        count = _sentence_at(analysis, block.lb - 1) - _sentence_at(analysis, block.la) + 1
        what = "sentence" if count == 1 else f"block of {count} sentences"
        same_paragraph = doc.paragraph_spans[0][block.paragraph] <= first_start
        where = "earlier in this paragraph" if same_paragraph else f"at line {_line(doc, first_start)}"
        return self.finding(
            doc,
            start,
            end,
            f"repeated {what}: the same text already appears {where}",
            fix=_delete(doc, start, end, block.paragraph, "safe", what),
            related=(first_start, first_end),
        )


def _wordless(analysis: _Analysis, sentence: Sentence) -> bool:
    a, b = analysis.sentences[sentence.index]
    return a == b


def _sentence_at(analysis: _Analysis, token: int) -> int:
    """Index of the last sentence whose token range starts at or before `token`."""
    return bisect_right(analysis.sentence_starts, token) - 1


# -- DUP003 -----------------------------------------------------------------------


class NearDuplicateOptions(RuleOptions):
    threshold: float = Field(0.7, gt=0, le=1, description="Lowest word-set (Jaccard) similarity reported, 0-1.")
    min_words: int = Field(
        8, ge=2, description="Both sentences must have at least this many words, numbers not counted."
    )
    include_quotes: bool = Field(False, description="Also compare sentences that contain quotation marks.")


class NearDuplicateSentence(Rule):
    code = "DUP003"
    name = "near-duplicate-sentence"
    summary = "A sentence says nearly the same as an earlier sentence."
    what = (
        "Reports a sentence whose set of words overlaps an earlier sentence's by at least `threshold` "
        "(Jaccard similarity), for sentences of at least `min-words` words that end like sentences. "
        "Exact repeats are left to DUP001/DUP002; sentences with quotation marks are skipped unless "
        "`include-quotes` is set, because articles legitimately paraphrase and then quote. Candidates "
        "come from an inverted index with prefix filtering, so no pair is compared needlessly. The "
        "unsafe fix deletes the later sentence; check that it adds nothing first."
    )
    why = (
        "A near-copy is usually a stitched or re-edited scrape (the same fact from two versions of the "
        "page) or sloppy writing; either way the reader gets the same statement twice."
    )
    example = (
        "Stalin was born in Georgia on December 18th, 1878 in a seminary.\n"
        "His childhood made a significant impact in shaping his life.\n"
        "Stalin was born on December 18th, 1878, in Gori, Georgia.\n"
        "(line 3 is reported: near-duplicate of the sentence at line 1, 75% similar)"
    )
    severity = Severity.info
    fixable = "unsafe"
    Options = NearDuplicateOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        analysis = _analyse(doc)
        threshold = self.options.threshold
        units = self._units(doc, analysis)
        if len(units) < 2:
            return
        wordsets = list(map(_SECOND, units))
        # questions read alike by design (rules/structure.py): "What did one toilet say to the other?"
        text, (sentence_starts, sentence_ends, _) = doc.text, doc.sentence_spans
        questions = [text[sentence_starts[i] : sentence_ends[i]].rstrip(_CLOSERS + " ").endswith("?") for i, _ in units]
        frequency = Counter(chain.from_iterable(wordsets))  # units holding each word
        units_holding = frequency.__getitem__
        # A unit whose prefix (its rarest words) would hold only words no other unit has can be this similar
        # to none, and never enters the index, so it is no candidate either: only the others are compared.
        prefix_sizes = [size - math.ceil(threshold * size) + 1 for size in map(len, wordsets)]
        only_here = map(countOf, map(map, repeat(units_holding), wordsets), repeat(1))  # its words no other has
        compared = list(compress(count(), map(lt, only_here, prefix_sizes)))
        if len(compared) < 2:
            return  # (the first one compared finds an empty index)
        rank = None  # word -> position when the rarest come first; built when a unit first needs it
        index: dict[int, list[int]] = {}  # word rank -> units whose prefix holds it
        no_match: tuple[int, ...] = ()
        found: list[tuple[int, int, float]] = []  # sentence, its near-duplicate before, similarity
        for j in compared:
            i, words = units[j]
            size, prefix_size = len(words), prefix_sizes[j]
            if rank is None:  # rarest words first: their prefixes share few index entries (prefix filtering)
                rank = dict(zip(sorted(frequency, key=units_holding), range(len(frequency)), strict=False)).__getitem__
            prefix = sorted(map(rank, words))[:prefix_size]
            # The nearest `cap` of each list hold the nearest `cap` of their union: cap before the union, which
            # was quadratic when common words sit in every prefix (40k similar lines, issue #20).
            cap = 4 * _MAX_CANDIDATES
            candidates = set().union(*(found[-cap:] for found in map(index.get, prefix, repeat(no_match))))
            if len(candidates) > 4 * _MAX_CANDIDATES:
                candidates = set(sorted(candidates)[-4 * _MAX_CANDIDATES :])  # the nearest ones
            smallest, largest = threshold * size, size / threshold
            best, best_score = -1, 0.0
            for other in candidates:
                other_words = wordsets[other]
                other_size = len(other_words)
                if other_size < smallest or other_size > largest:
                    continue
                shared = len(words & other_words)
                score = shared / (size + other_size - shared)
                if score >= threshold and (score > best_score or (score == best_score and other < best)):
                    best, best_score = other, score
            for word in prefix:
                index.setdefault(word, []).append(j)
            if best >= 0 and not (questions[j] and questions[best]):  # (a quiz's or interview's questions)
                found.append((i, units[best][0], best_score))
        if found:  # cells of a template's rows read alike by design (rules/structure.py)
            owners = doc.sentence_spans[2]
            rows = analysis.template_rows(owners[sentence] for pair in found for sentence in pair[:2])
            for i, original, score in found:
                if owners[i] not in rows or owners[original] not in rows:
                    yield self._finding(doc, i, original, score)

    def _units(self, doc: Document, analysis: _Analysis) -> list[tuple[int, frozenset[str]]]:
        """Sentences worth comparing: long, sentence-like, not exact repeats, not quotations."""
        duplicated = analysis.duplicated_paragraphs
        repeated = {  # sentences DUP002 (default options) reports, whole or in part
            i
            for block in RepeatedSentence().blocks(doc)
            for i in range(_sentence_at(analysis, block.la), _sentence_at(analysis, block.lb - 1) + 1)
        }
        seen: set[tuple[str, ...]] = set()
        units = []
        text, tokens, min_words = doc.text, analysis.tokens, self.options.min_words
        starts, ends, owners = doc.sentence_spans
        ranges = analysis.sentences
        lengths = map(sub, map(_SECOND, ranges), map(_FIRST, ranges))
        long_enough = compress(range(len(ranges)), map(ge, lengths, repeat(min_words)))
        for i in long_enough:  # (picked without a Python loop: most sentences are short lines)
            if i in repeated or owners[i] in duplicated:
                continue  # an exact repeat (DUP001/DUP002 report those)
            a, b = ranges[i]
            key = tuple(tokens[a:b])
            if key in seen:
                continue
            seen.add(key)
            # (The tests below only reject; the cheapest come first.)
            words = text[starts[i] : ends[i]]
            if words[-1] not in _TERMINALS and words.rstrip(_CLOSERS)[-1:] not in _TERMINALS:
                continue  # headings, captions and wrapped fragments read alike without being repeats
            plain = words.isascii()  # (then a digit is 0-9 and the only double quote is '"': cheaper tests)
            if not self.options.include_quotes and ('"' in words if plain else _DOUBLE_QUOTES.search(words)):
                continue
            if "://" in words or "www." in words or ("@" in words and _WEB_ADDRESS.search(words)):
                continue  # "for more information visit www.x.com" lines differ only in the address
            if (not plain or _ASCII_DIGIT.search(words)) and sum(map(str.isdigit, key)) > len(key) - min_words:
                continue  # numbers alone (scores, tables) make unrelated lines look alike
            units.append((i, frozenset(key)))
        return units

    def _finding(self, doc: Document, i: int, original: int, score: float) -> Finding:
        sentence, first = doc.sentences[i], doc.sentences[original]
        return self.finding(
            doc,
            sentence.start,
            sentence.end,
            f"near-duplicate of the sentence at line {_line(doc, first.start)}, {round(score * 100)}% similar",
            fix=_delete(doc, sentence.start, sentence.end, sentence.paragraph, "unsafe", "near-duplicate sentence"),
            related=(first.start, first.end),
        )


# -- DUP004 -----------------------------------------------------------------------


class TitleRepeatedOptions(RuleOptions):
    top_paragraphs: int = Field(
        3, ge=0, description="The title may appear once within this many first paragraphs (the headline)."
    )


class TitleRepeatedInBody(Rule):
    code = "DUP004"
    name = "title-repeated-in-body"
    summary = "The article's title appears again inside the body."
    what = (
        "Reports a paragraph or sentence of the body whose words equal the `title` field (of three words "
        "or more; ignoring case, quotes and punctuation), except one occurrence among the first `top-paragraphs` paragraphs, "
        "where a scraped headline belongs. `related` points at that headline or, when the body has none, "
        "at the title field. The safe fix deletes the repeat."
    )
    why = (
        "A headline captured again from a share box, a breadcrumb or a 'you are reading' banner is "
        "debris inside the article text."
    )
    example = (
        "title: Neighbours resume talks over river dam\n"
        "body:  Neighbours resume talks over river dam\n"
        "       Negotiators met in Addis Ababa on Tuesday for the first time.\n"
        "       Neighbours resume talks over river dam   <- reported; the first line is the headline"
    )
    severity = Severity.warning
    fixable = "safe"
    Options = TitleRepeatedOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        analysis = _analyse(doc)
        if len(analysis.title) < 3:  # "Sport", "Market report": too short to tell a repeat from a heading
            return
        title = analysis.title
        occurrences: list[tuple[int, int, int]] = []  # start, end, paragraph
        runs = analysis.runs(title)  # (found in one string by C searches, not by visiting every sentence)
        in_sentences: dict[int, list[Sentence]] = {}  # paragraph -> its sentences that equal the title
        for i in analysis.ranges_at(analysis.sentence_starts, analysis.sentences, runs, len(title)):
            sentence = doc.sentences[i]
            in_sentences.setdefault(sentence.paragraph, []).append(sentence)
        whole = set(analysis.ranges_at(analysis.paragraph_starts, analysis.paragraphs, runs, len(title)))
        for number in sorted(whole.union(in_sentences)):
            if number in whole:
                occurrences.append((doc.paragraph_spans[0][number], doc.paragraph_spans[1][number], number))
                continue
            occurrences.extend((sentence.start, sentence.end, number) for sentence in in_sentences[number])
        if not occurrences:
            return
        headline = occurrences[0] if occurrences[0][2] < self.options.top_paragraphs else None
        for start, end, number in occurrences:
            if headline is not None and start == headline[0]:
                continue
            if headline is not None:
                where = f"it already heads the article at line {_line(doc, headline[0])}"
                related = headline[0], headline[1]
                finding = self.finding(
                    doc,
                    start,
                    end,
                    f"title repeated inside the body; {where}",
                    fix=_delete(doc, start, end, number, "safe", "title"),
                    related=related,
                )
            else:
                title_doc = doc.for_field("title")
                finding = self.finding(
                    doc,
                    start,
                    end,
                    "title repeated inside the body, away from the top of the article",
                    fix=_delete(doc, start, end, number, "safe", "title"),
                )
                finding.related = _title_location(title_doc)
            yield finding


def _title_location(title_doc: Document) -> Location:
    return location(title_doc, 0, len(title_doc.text))


RULES = [DuplicatedParagraph, RepeatedSentence, NearDuplicateSentence, TitleRepeatedInBody]
