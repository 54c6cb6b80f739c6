"""The engine's language gate: a rule runs only where it knows the language, and keeps only findings there."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from scrapelint.document import Document
from scrapelint.language import ANY, could_be, enough_text, supported
from scrapelint.models import Article, Finding
from scrapelint.rule import Rule


def runs_on(rule: Rule, doc: Document) -> bool:
    """Whether the document has any text in a language the rule knows (the article's, else any paragraph's)."""
    languages = rule.languages
    if ANY in languages or supported(languages, doc.language):
        return True
    return has_text_in(doc, languages)


def has_text_in(doc: Document, languages: tuple[str, ...]) -> bool:
    """Whether a paragraph of the document is in one of `languages` (the article's language is not).

    Only paragraphs long enough to tell, and holding enough of those languages' stop words to be in one of
    them, are guessed; the answer is kept per document and set of languages (rules share them).
    """
    cache = doc.language_presence
    found = cache.get(languages)
    if found is None:
        found = False
        text = doc.text
        starts, ends = doc.paragraph_spans
        indexes = _english_candidates(text, starts) if languages == ("en",) else range(len(starts))
        for index in indexes:
            paragraph = text[starts[index] : ends[index]]
            if (
                enough_text(paragraph)
                and could_be(paragraph, languages)
                and supported(languages, doc.paragraph_language(index))
            ):
                found = True
                break
        cache[languages] = found
    return found


# Frequent English words that are rare in other languages: a paragraph with fewer than two of them is not
# English prose. One scan of the whole text finds them (a paragraph at a time costs 5x more).
_ENGLISH_MARKERS = re.compile(r"\b(?:the|and|of|that|with|this|from|which|have|has|are|were|for|you)\b", re.IGNORECASE)


def _english_candidates(text: str, starts: Sequence[int]) -> list[int]:
    """Indexes of the paragraphs holding two or more English marker words, in order."""
    lowered = text.lower()
    if sum(map(lowered.count, (" the ", " and ", " of ", " to "))) < 2:
        return []  # (counted at memchr speed) no English prose anywhere: most pages in other languages
    hits: dict[int, int] = {}
    for match in _ENGLISH_MARKERS.finditer(text):
        index = bisect_right(starts, match.start()) - 1
        hits[index] = hits.get(index, 0) + 1
    return [index for index, count in sorted(hits.items()) if count >= 2 and index >= 0]


def keep(rule: Rule, doc: Document, findings: Iterable[Finding]) -> list[Finding]:
    """The findings that start in a paragraph whose language the rule knows (other fields: the article's),
    each labelled with that language (a language-independent rule's with the article's)."""
    languages = rule.languages
    if ANY in languages:  # the article's language: telling each paragraph's costs more than the rule
        kept = list(findings)
        if kept:
            language = doc.language
            for finding in kept:
                if finding.language is None:
                    finding.language = language  # (a plain assignment: pydantic 2.14's costs ~0.1 µs more)
        return kept
    kept = []
    for finding in findings:
        if finding.language is None:
            finding.language = doc.language_at(finding.start) if finding.field == doc.field else doc.language
        if supported(languages, finding.language):
            kept.append(finding)
    return kept


def article_language(article: Article, fixed: str | None = None) -> str:
    """The language the engine gives an article (for summaries, which see articles, not documents)."""
    return Document(article, language=fixed).language
