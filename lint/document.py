"""An article's text analysed once: paragraphs, sentences, words and positions.

Every rule reads the same `Document`; no rule splits text again. Each analysis
is computed on first use, so a run that needs only paragraphs never tokenises.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from scrapelint.models import Article


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range `[start, end)` of code points in the text."""

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Paragraph(Span):
    index: int


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    paragraph: int
    index: int


@dataclass(frozen=True, slots=True)
class Word(Span):
    sentence: int


_NONBLANK_LINE = re.compile(r"[^\n]*\S[^\n]*")
_BLOCK = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")
_WORD = re.compile(r"\w+(?:['’]\w+)*")

# Abbreviations after which a period does not end a sentence (lower-cased, no dot).
ABBREVIATIONS = frozenset(
    """mr mrs ms mx dr prof st jr sr sen rep gov gen col lt capt sgt maj cmdr adm rev fr hon pres
    vs etc eg ie cf al approx est dept univ assn bros inc ltd co corp plc llc no nos vol vols fig
    figs p pp ed eds ch sec art op jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues
    wed thu thur thurs fri sat sun mt ft rd ave blvd sq km kg cm mm lb oz hr hrs min mins viz""".split()
)

# A sentence ends at ., !, ?, … (with closing quotes or brackets) followed by
# whitespace, or at a period glued to a capitalised word ("Volgoda.Stalin").
_BOUNDARY = re.compile(
    r"""(?:[.!?…]+['"’”»)\]]*(?=\s+|$))"""
    r"""|(?:(?<=[a-z0-9)])[.!?](?=[A-Z][a-z]))"""
)
_TOKEN_BEFORE = re.compile(r"([\w.]+)\.?$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation, an initial or a number."""
    match = _TOKEN_BEFORE.search(text, max(0, dot - 20), dot + 1)
    if match is None:
        return False
    token = match.group(1)
    if "." in token.rstrip("."):
        return True  # U.S.S.R., e.g., E.H.
    bare = token.rstrip(".")
    if len(bare) == 1 and bare.isalpha() and bare.isupper():
        return True  # initial: "E. Carr"
    return bare.lower() in ABBREVIATIONS


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of `text[start:end]`, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end()
        first = match.start()
        if text[first] == "." and not text.startswith("..", first) and _is_abbreviation(text, first):
            # "Dr. Smith" continues; but "... in the U.S. The next" ends when a capital follows
            # and the abbreviation is not a title before a name.
            continue
        if first + 1 < end and text[first] == "." and text[first + 1 : first + 2].isdigit():
            continue
        _append_trimmed(text, cursor, stop, spans)
        cursor = stop
    _append_trimmed(text, cursor, end, spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _looks_hard_wrapped(text: str) -> bool:
    """Blank-line separated blocks of short lines (Markdown, e-mail) rather than one line per paragraph."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 8 or "\n\n" not in text:
        return False
    long_lines = sum(1 for line in lines if len(line) > 100)
    wrapped = sum(1 for a, b in zip(lines, lines[1:]) if 40 <= len(a) <= 100)
    return long_lines == 0 and wrapped > len(lines) * 0.6


class Document:
    """The analysed text of one field of an article (the body, by default)."""

    def __init__(self, article: Article, field: str = "text") -> None:
        self.article = article
        self.field = field
        self.text: str = article.field_text(field) or ""

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; column counts code points."""
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    @cached_property
    def lines(self) -> list[Span]:
        """Every line, blank ones included, without its newline."""
        starts = self.line_starts
        ends = [start - 1 for start in starts[1:]] + [len(self.text)]
        return [Span(start, end) for start, end in zip(starts, ends)]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Non-blank lines, trimmed; blocks between blank lines when the text is hard-wrapped."""
        text = self.text
        pattern = _BLOCK if _looks_hard_wrapped(text) else _NONBLANK_LINE
        result = []
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            while text[start].isspace():
                start += 1
            while text[end - 1].isspace():
                end -= 1
            result.append(Paragraph(start, end, len(result)))
        return result

    @cached_property
    def sentences(self) -> list[Sentence]:
        result: list[Sentence] = []
        for paragraph in self.paragraphs:
            for start, end in split_sentences(self.text, paragraph.start, paragraph.end):
                result.append(Sentence(start, end, paragraph.index, len(result)))
        return result

    @cached_property
    def words(self) -> list[Word]:
        result: list[Word] = []
        text = self.text
        for sentence in self.sentences:
            for match in _WORD.finditer(text, sentence.start, sentence.end):
                result.append(Word(match.start(), match.end(), sentence.index))
        return result

    def line_of(self, offset: int) -> Span:
        """The line containing `offset`."""
        return self.lines[bisect_right(self.line_starts, offset) - 1]

    def for_field(self, field: str) -> Document:
        """The document of another field of the same article (title, published, ...)."""
        return Document(self.article, field)
