"""What a spelling backend reports: one suspect word as a `SpellIssue`, its kind and its source."""

from __future__ import annotations

from dataclasses import dataclass

SOURCE_LEXICON = "scrapelint:lexicon"


SOURCE_CODESPELL = "codespell:dictionary"


SOURCE_GLUE = "scrapelint:glued"


SOURCE_BIGRAM = "scrapelint:bigram"


SOURCE_VOCABULARY = "scrapelint:vocabulary"


KNOWN_MISSPELLING = "known-misspelling"


GLUED_WORDS = "glued-words"


MISSPELLING = "misspelling"


UNLIKELY_WORD = "unlikely-word"


REJECTED_WORD = "rejected-word"


@dataclass(frozen=True, slots=True)
class SpellIssue:
    """One suspect word: `text[start:end]`, what kind of problem, and what to write instead."""

    start: int
    end: int
    kind: str
    message: str
    replacements: tuple[str, ...] = ()
    rule_id: str = SOURCE_LEXICON
    safe: bool = False
