"""DUP002: a sentence, or a run of sentences, repeating text from earlier in the article."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import partial

from pydantic import Field

from scrapelint.document import Document, Sentence
from scrapelint.models import Finding, Severity
from scrapelint.rule import Rule, RuleOptions
from scrapelint.rules import structure
from scrapelint.rules.dup.analysis import (
    _KGRAM,
    _MAX_CANDIDATES,
    _WHOLLY_QUOTED,
    ParagraphTexts,
    _analyse,
    _Analysis,
    _Block,
    _delete,
    _line,
    _sentence_at,
)
from scrapelint.rules.structure import (
    QUESTION_WORDS,
    known_debris,
    parallel_items,
    plain_list_item,
    quoting,
    sentence_like,
    steps,
    table_row,
    timed_entry,
    verse,
)

_CUT_WORDS = 4  # words of a sentence's end that open a paragraph cut from a copy


class RepeatedSentenceOptions(RuleOptions):
    min_words: int = Field(
        6, ge=1, description="A repeat must contain a sentence this long; shorter ones only join a repeated block."
    )
    include_quotes: bool = Field(
        False, description="Also report a sentence that is wholly a quotation repeating an earlier one."
    )


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

    def warm(self) -> None:
        """What the structure tests need of DEB, built before the first check (rules/structure.py)."""
        structure.warm()

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
        texts = ParagraphTexts(doc)
        for number, block in enumerate(blocks):
            if number not in parallel and not _by_design(doc, analysis, texts, block):
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
        """Take in the short sentences or pieces ("Mr.") just before the block that also precede its first copy.

        A paragraph that opens with the end of a sentence of the first copy is a copy cut mid-sentence (a "read
        more" that repeats the lead from where the teaser broke off): the piece is taken in too.
        """
        tokens, stops = analysis.tokens, analysis.stops
        opening = analysis.paragraphs[block.paragraph][0]
        floor = max(floor, opening)
        k = bisect_left(stops.order, block.la) - 1
        while k >= 0 and stops.order[k] >= floor:
            q = stops.order[k]
            length = block.la - q
            earlier = block.a - length
            cut = q == opening and length >= _CUT_WORDS  # (so many words in a row are no chance)
            if (
                earlier < 0
                or (earlier not in stops.members and not cut)
                or tokens[q : block.la] != tokens[earlier : block.a]
            ):
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
        first = doc.sentence_spans[2][_sentence_at(analysis, block.a)]
        titled = (  # a title (a line with no sentence's end) named inside a later line, more text after it: a
            # citation ("Köhler, M. et al. <title>. Nat Commun 16"), not a headline glued to a paragraph's end
            (block.a, block.b) == analysis.paragraphs[first]
            and not sentence_like(doc.text[slice(*analysis.span(block.a, block.b))])
            and block.la != analysis.paragraphs[block.paragraph][0]
            and block.lb != analysis.paragraphs[block.paragraph][1]
        )
        return self.finding(
            doc,
            start,
            end,
            f"repeated {what}: the same text already appears {where}"
            + (" as a title line; a citation or a link may name it on purpose" if titled else ""),
            fix=_delete(doc, start, end, block.paragraph, "unsafe" if titled else "safe", what),
            related=(first_start, first_end),
        )


def _wordless(analysis: _Analysis, sentence: Sentence) -> bool:
    a, b = analysis.sentences[sentence.index]
    return a == b


def _whole_item(analysis: _Analysis, a: int, b: int, paragraph: int) -> bool:
    """Tokens [a, b) are all of paragraph `paragraph`'s words but a list item's number before them."""
    start, end = analysis.paragraphs[paragraph]
    return b == end and (a == start or (a == start + 1 and analysis.tokens[start].isdigit()))


def _by_design(doc: Document, analysis: _Analysis, texts: ParagraphTexts, block: _Block) -> bool:
    """The copy is a quotation, DEB's, a step two lists share, a table's cell or a list's item restating a
    sentence (rules/structure.py)."""
    first = doc.sentence_spans[2][_sentence_at(analysis, block.a)]
    if first == block.paragraph:
        return False
    if block.la == analysis.paragraphs[block.paragraph][0] and quoting(texts, block.paragraph, first):
        return True  # a post that opens with an earlier one's text, quoted
    if (block.a, block.b) == analysis.paragraphs[first] and known_debris(texts[first]):
        return True  # a caption or a widget repeated: DEB reports each
    if known_debris(texts[block.paragraph]) and known_debris(texts[first]):
        return True  # both stand in lines DEB reports (a caption with its licence, twice): DEB reports each
    if table_row(texts, block.paragraph, first):
        return True  # two cells of one row of a table
    if verse(texts[block.paragraph]) and verse(texts[first]):
        return True  # a poem's or a song's refrain
    if timed_entry(texts[block.paragraph]) and timed_entry(texts[first]):
        return True  # two events of a live commentary told alike ("70' Attempt missed. …", "88' Attempt missed. …")
    if (
        _whole_item(analysis, block.la, block.lb, block.paragraph)
        and (block.a, block.b) != analysis.paragraphs[first]
        and plain_list_item(texts, block.paragraph)
    ):
        return True  # an item of a list restating a sentence of the text ("Kompensiert bis zu 50% Verschleiß")
    whole = _whole_item(analysis, block.la, block.lb, block.paragraph) and _whole_item(
        analysis, block.a, block.b, first
    )
    return whole and bool(steps(texts, [(block.paragraph, first)]))  # "3. Add salt ..." / "5. Add salt ..."
