"""DUP003: a sentence that says nearly the same as an earlier one."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from itertools import chain, compress, count, repeat
from operator import countOf, ge, lt, sub

from pydantic import Field

from scrapelint.document import Document
from scrapelint.models import Finding, Severity
from scrapelint.rule import Rule, RuleOptions
from scrapelint.rules.dup.analysis import (
    _ASCII_DIGIT,
    _CLOSERS,
    _DOUBLE_QUOTES,
    _FIRST,
    _MAX_CANDIDATES,
    _SECOND,
    _TERMINALS,
    _WEB_ADDRESS,
    ParagraphTexts,
    _analyse,
    _Analysis,
    _delete,
    _line,
    _sentence_at,
)
from scrapelint.rules.dup.sentences import RepeatedSentence
from scrapelint.rules.structure import alike, lead_in, replying, swapped


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
        index_of = {sentence: j for j, (sentence, _) in enumerate(units)}
        for j in compared:
            i, words = units[j]
            size, prefix_size = len(words), prefix_sizes[j]
            if rank is None:  # rarest words first: their prefixes share few index entries (prefix filtering)
                rank = dict(zip(sorted(frequency, key=units_holding), range(len(frequency)), strict=False)).__getitem__
            prefix = sorted(map(rank, words))[:prefix_size]
            # The nearest `cap` of each list hold the nearest `cap` of their union: cap before the union, which
            # was quadratic when common words sit in every prefix (40k similar lines, issue #20).
            cap = 4 * _MAX_CANDIDATES
            candidates = set().union(*(listed[-cap:] for listed in map(index.get, prefix, repeat(no_match))))
            if len(candidates) > cap:
                candidates = set(sorted(candidates)[-cap:])  # the nearest ones
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
            # questions read alike by design (rules/structure.py): "What did one toilet say to the other?" (a
            # quiz's or interview's); asked only of a pair found, not of every sentence
            if best >= 0 and not (_question(doc, i) and _question(doc, units[best][0])):
                found.append((i, units[best][0], best_score))
        if found:  # cells of a template's rows read alike by design (rules/structure.py)
            owners = doc.sentence_spans[2]
            rows = analysis.template_rows(owners[sentence] for pair in found for sentence in pair[:2])
            texts = ParagraphTexts(doc)
            for i, original, score in found:
                if owners[i] in rows and owners[original] in rows:
                    continue
                if lead_in(_text(doc, i), _text(doc, original)):
                    continue  # the sentence quoted or recapped after a colon ("Er antwortete: ...")
                if replying(texts, owners[i], owners[original]):
                    continue  # a reader answering another post in its words
                if swapped(wordsets[index_of[i]], wordsets[index_of[original]]) and _parallel(
                    analysis, owners[i], owners[original]
                ):
                    continue  # one sentence of two parallel sections, its slot filled in two ways
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
        # (picked without a Python loop: most sentences are short lines; each with its range, as reading
        # `ranges[i]` is a Python call per sentence)
        long_enough = compress(enumerate(ranges), map(ge, lengths, repeat(min_words)))
        for i, (a, b) in long_enough:
            if i in repeated or owners[i] in duplicated:
                continue  # an exact repeat (DUP001/DUP002 report those)
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


def _parallel(analysis: _Analysis, paragraph: int, other: int) -> bool:
    """Paragraphs `paragraph` and `other` sit in parallel sections: their neighbours on one side are the same
    paragraph or two alike (a template's; rules/structure.py), and the two are not next to each other."""
    if abs(paragraph - other) < 2:
        return False
    words, size = analysis.paragraph_tokens, len(analysis.paragraphs)
    for step in (-1, 1):
        one, two = paragraph + step, other + step
        if min(one, two) >= 0 and max(one, two) < size:
            a, b = words(one), words(two)
            if (a and a == b) or alike(a, b):
                return True
    return False


def _question(doc: Document, sentence: int) -> bool:
    return _text(doc, sentence).rstrip(_CLOSERS + " ").endswith("?")


def _text(doc: Document, sentence: int) -> str:
    starts, ends, _ = doc.sentence_spans
    return doc.text[starts[sentence] : ends[sentence]]
