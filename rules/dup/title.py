"""DUP004: the article's title repeated inside the body."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from scrapelint.document import Document, Sentence
from scrapelint.models import Finding, Location, Severity
from scrapelint.rule import Rule, RuleOptions, location
from scrapelint.rules.dup.analysis import (
    _analyse,
    _Analysis,
    _delete,
    _line,
)
from scrapelint.rules.structure import sentence_like

_PROSE_WORDS = 12  # a sentence this long above the first occurrence is the article's (or a teaser's) prose


def _preamble(doc: Document) -> frozenset[int]:
    """Where the paragraphs start that DEB's analysis keeps above the body as the article's (headline, dek, byline)."""
    from scrapelint.rules.deb.body import preamble_starts  # (here: deb imports rules/structure.py, as dup does)

    return preamble_starts(doc)


def _prose(doc: Document, analysis: _Analysis, number: int) -> bool:
    """A paragraph of prose: a sentence's words and end (a menu bar or a tag list of as many words has none)."""
    a, b = analysis.paragraphs[number]
    if b - a < _PROSE_WORDS:
        return False
    starts, ends = doc.paragraph_spans
    return sentence_like(doc.text[starts[number] : ends[number]])


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
        "or more; ignoring case, quotes and punctuation), except the headline: one occurrence among the first "
        "`top-paragraphs` paragraphs, under no paragraph of prose (a scraped menu, a kicker), or where DEB's "
        "analysis keeps the article's headline above its body. `related` points at that headline or, when the body has none, "
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
        first = occurrences[0][2]
        # the headline: among the first paragraphs, or under no paragraph of prose (a scraped menu, a kicker), or
        # where DEB's analysis keeps the article's headline above its body (menus, teasers and tag lists above it)
        if first < self.options.top_paragraphs or not any(_prose(doc, analysis, n) for n in range(first)):
            headline: tuple[int, int, int] | None = occurrences[0]
        else:
            kept = _preamble(doc)
            starts = doc.paragraph_spans[0]
            headline = next((found for found in occurrences if starts[found[2]] in kept), None)
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
