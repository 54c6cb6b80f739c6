"""DUP001: a paragraph that repeats an earlier one, unless the page's structure repeats it by design."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from pydantic import Field

from scrapelint.document import Document
from scrapelint.models import Finding, Severity
from scrapelint.rule import Rule, RuleOptions
from scrapelint.rules import structure
from scrapelint.rules.dup.analysis import (
    ParagraphTexts,
    _analyse,
    _Analysis,
    _delete,
    _line,
)
from scrapelint.rules.structure import (
    copied_runs,
    filled_twice,
    known_debris,
    listed,
    parallel_repeats,
    question,
    quoting,
    recurring,
    same_slot,
    short_item,
    steps,
    table_row,
)


class DuplicatedParagraphOptions(RuleOptions):
    min_words: int = Field(5, ge=1, description="Shorter paragraphs (stock lines like 'Read more') are not reported.")


class DuplicatedParagraph(Rule):
    code = "DUP001"
    name = "duplicated-paragraph"
    summary = "A paragraph repeats an earlier paragraph."
    what = (
        "Reports a paragraph whose words equal those of an earlier paragraph, ignoring case, spacing, "
        "curly versus straight quotes, dashes and punctuation. The later copy is reported; `related` "
        "points at the first. Consecutive paragraphs copied in their order are one finding, a repeated block, "
        "and so is a paragraph repeated again and again in place. The safe fix deletes the copies with their "
        "line breaks and keeps the first."
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

    def warm(self) -> None:
        """What the structure tests need of DEB, built before the first check (rules/structure.py)."""
        structure.warm()

    def check(self, doc: Document) -> Iterator[Finding]:
        analysis = _analyse(doc)
        duplicated = analysis.duplicated_paragraphs
        starts, ends = doc.paragraph_spans
        parallel = _structural_copies(doc, analysis, duplicated) if duplicated else set()
        reported = []
        for number in duplicated:
            a, b = analysis.paragraphs[number]
            if b - a < self.options.min_words or tuple(analysis.tokens[a:b]) == analysis.title:
                continue  # short stock line, or the title (DUP004 reports that)
            if number in parallel or known_debris(doc.text[starts[number] : ends[number]]):
                continue  # a heading, cell, question or list item repeated by design, or DEB's (rules/structure.py)
            reported.append(number)
        for first, last in _blocks(reported, duplicated):
            yield self._finding(doc, first, last, duplicated)

    def _finding(self, doc: Document, first: int, last: int, duplicated: dict[int, int]) -> Finding:
        """One finding for the copied paragraphs `first`..`last` (one paragraph, or a block copied in its order)."""
        starts, ends = doc.paragraph_spans
        start, end = starts[first], ends[last]
        related = (starts[duplicated[first]], ends[duplicated[last]])
        if first == last:
            what = "paragraph"
            message = f"paragraph duplicates the one at line {_line(doc, related[0])}; the same text appears twice"
        elif _in_place(first, last, duplicated):
            what = "copies of the paragraph"
            times = last - first + 2
            message = (
                f"paragraph at line {_line(doc, related[0])} appears {times} times in a row; the same text repeats"
            )
        else:
            what = f"block of {last - first + 1} paragraphs"
            lines = f"lines {_line(doc, related[0])}-{_line(doc, related[1])}"
            message = f"{what} duplicates {lines} in the same order; the same text appears twice"
        answer = first == last and _answers_another_question(doc, first, duplicated[first])
        if answer:
            message += " as the answer to another question; an FAQ may repeat an answer on purpose"
        fix = _delete(doc, start, end, first, "unsafe" if answer else "safe", what, last)
        return self.finding(doc, start, end, message, fix=fix, related=related)


def _answers_another_question(doc: Document, copy: int, first: int) -> bool:
    """Both copies stand right under a question, and the questions differ: an FAQ's answer given twice."""
    if copy == 0 or first == 0 or copy - 1 == first:
        return False  # (doubled in place, the copy stands under its first: no question between)
    starts, ends = doc.paragraph_spans
    asked = [doc.text[starts[p - 1] : ends[p - 1]].strip() for p in (copy, first)]
    return all(question(line, _FAQ_WORDS) for line in asked) and asked[0] != asked[1]


_FAQ_WORDS = 15  # an FAQ's question is a heading, not a paragraph that ends asking


def _blocks(reported: list[int], duplicated: dict[int, int]) -> Iterator[tuple[int, int]]:
    """The reported copies (ascending) as (first, last) paragraphs: a block copied in its order is one.

    Two reported copies are one block when every paragraph between them is a copy too, in the order of their
    first copies (a short heading copied with them included): a node scraped twice is one defect, as a run of
    repeated sentences is one DUP002 block. So is a paragraph repeated again and again in place.
    """
    at = 0
    while at < len(reported):
        first = last = reported[at]
        in_place = duplicated[first] == first - 1  # every copy so far repeats the paragraph above the first
        at += 1
        while at < len(reported) and (
            all(duplicated.get(n) == duplicated[last] + n - last for n in range(last + 1, reported[at] + 1))
            or (in_place and reported[at] == last + 1 and duplicated[reported[at]] == first - 1)
        ):
            last = reported[at]
            in_place = in_place and duplicated[last] == first - 1
            at += 1
        yield first, last


def _in_place(first: int, last: int, duplicated: dict[int, int]) -> bool:
    """Whether the copies `first`..`last` all repeat the paragraph right above `first`: one doubled in place."""
    original = first - 1
    return all(duplicated.get(n) == original for n in range(first, last + 1))


def _structural_copies(doc: Document, analysis: _Analysis, duplicated: dict[int, int]) -> set[int]:
    """Copied paragraphs (copy -> first) that repeat by design: items of a parallel structure or a list, cells
    of a template's rows, a line under each item; a paragraph doubled in place or a block of paragraphs copied
    in its order is neither of the last two (rules/structure.py)."""
    texts = ParagraphTexts(doc)
    found = parallel_repeats(texts, duplicated)
    quoted = -2  # the last copy that quotes (with the copies that follow it in their order)
    for copy, first in duplicated.items():
        if duplicated.get(copy - 1) == first - 1:  # a run goes on: quoted if its start is
            if quoted == copy - 1:
                found.add(copy)
                quoted = copy
        elif quoting(texts, copy, first):
            found.add(copy)
            quoted = copy
    found |= listed(texts, {copy: first for copy, first in duplicated.items() if copy not in found})
    under_each = recurring(duplicated)
    runs = copied_runs(duplicated, {copy for copy in under_each if short_item(texts[copy])})  # fields' names
    found |= _filled_twice(runs, duplicated, len(texts), analysis)
    loose = [
        copy
        for copy, first in duplicated.items()
        if first != copy - 1 and duplicated.get(copy - 1) != first and copy not in runs and copy not in found
    ]  # (a copy right under its first or under another copy of it is doubled in place, whatever recurs)
    if loose:  # (the template's rows are looked for only then: most copies of a doubled text are in runs)
        found.update(under_each.intersection(loose))
        found |= steps(texts, ((copy, duplicated[copy]) for copy in loose))
        found |= same_slot(texts, duplicated, loose, analysis.paragraph_tokens)
        found.update(copy for copy in loose if table_row(texts, copy, duplicated[copy]))
        rows = analysis.template_rows(chain(loose, map(duplicated.__getitem__, loose)))
        found.update(copy for copy in loose if copy in rows and duplicated[copy] in rows)
    return found


def _filled_twice(runs: set[int], duplicated: dict[int, int], size: int, analysis: _Analysis) -> set[int]:
    """The copied runs that are a template's second filling, between lines filled in another way (an FAQ
    answered for a second operator: `filled_twice`, rules/structure.py)."""
    found: set[int] = set()
    for copy in sorted(runs):
        if copy - 1 in runs and duplicated[copy - 1] == duplicated[copy] - 1:
            continue  # not the start of a run
        last = copy
        while last + 1 in runs and duplicated[last + 1] == duplicated[last] + 1:
            last += 1
        if filled_twice(copy, last, duplicated[copy], size, analysis.paragraph_tokens):
            found.update(range(copy, last + 1))
    return found
