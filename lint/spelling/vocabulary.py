"""The project's own words (accept/reject lists, phrases) and the article context a check sees."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Vocabulary:
    """Project words: accepted (never flagged) and rejected (always flagged), as Vale's vocabularies.

    Entries are case-insensitive; a multi-word entry ("Harsh Thakor") accepts the phrase;
    a possessive in the text ("Thakor's") matches its entry.
    """

    accept: frozenset[str] = frozenset()
    reject: frozenset[str] = frozenset()
    phrases: re.Pattern[str] | None = None

    @classmethod
    def build(
        cls, accept: Iterable[str] = (), reject: Iterable[str] = (), files: Iterable[str | Path] = ()
    ) -> Vocabulary:
        words = [w.strip() for w in accept if w.strip()]
        for path in files:
            words.extend(read_word_file(path))
        single = frozenset(_strip_possessive(w).lower() for w in words if " " not in w)
        multi = sorted({w for w in words if " " in w}, key=len, reverse=True)
        phrases = (
            re.compile("|".join(r"\s+".join(map(re.escape, p.split())) for p in multi), re.IGNORECASE)
            if multi
            else None
        )
        rejected = frozenset(w.strip().lower() for w in reject if w.strip())
        return cls(single, rejected, phrases)


def read_word_file(path: str | Path) -> list[str]:
    """A dictionary file: one word or phrase per line; blank lines and `#` comments ignored."""
    lines = Path(path).read_text("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@dataclass
class Context:
    """What the precision layer knows about the article beyond its text."""

    title: str = ""
    byline: str = ""
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    skip_quoted: bool = False
    guess_lines: bool = True  # short lines of another language are told by the model (off when the language is fixed)


def _strip_possessive(word: str) -> str:
    for tail in ("'s", "’s", "'", "’"):
        if word.endswith(tail) and len(word) > len(tail) + 1:
            return word[: -len(tail)]
    return word
