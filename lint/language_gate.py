"""The engine's language gate: a rule runs only where it knows the language, and keeps only findings there."""

from __future__ import annotations

from collections.abc import Iterable

from scrapelint.document import Document
from scrapelint.language import ANY, supported
from scrapelint.models import Article, Finding
from scrapelint.rule import Rule


def runs_on(rule: Rule, doc: Document) -> bool:
    """Whether the document has any text in a language the rule knows (the article's, else any paragraph's)."""
    languages = rule.languages
    if ANY in languages or supported(languages, doc.language):
        return True
    return any(supported(languages, language) for language in doc.languages)


def keep(rule: Rule, doc: Document, findings: Iterable[Finding]) -> list[Finding]:
    """The findings that start in a paragraph whose language the rule knows (other fields: the article's),
    each labelled with that language (a language-independent rule's with the article's)."""
    languages = rule.languages
    if ANY in languages:  # the article's language: telling each paragraph's costs more than the rule
        kept = list(findings)
        for finding in kept:
            if finding.language is None:
                finding.language = doc.language
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
