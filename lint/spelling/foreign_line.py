"""A short line in another language inside an English article: an Italian product list, a German caption.

A paragraph gets its own language only when the model is sure of it (lint/language.py: five words, 0.9),
which a line of product names never makes it ("Olio extravergine di oliva biologico" is Italian at 0.47), so
such a line is spell-checked as English. For a word the speller would report, the line is asked again with a
lower bar, and the word must be in use in the language the model names (wordfreq's list of that language):
the line and the word are both Italian, not an English slip in a line the model misreads.
"""

from __future__ import annotations

from functools import lru_cache

from scrapelint.language import SAMPLE, identifier

LINE_CONFIDENCE = 0.3  # the model's normalised probability: a guess, which the word itself must confirm
IN_USE = 2.0  # wordfreq's Zipf scale in the named language: about once in 10 million words


def in_foreign_line(line: str, start: int, end: int) -> bool:
    """Whether `line[start:end]` is a word of the other language its line is written in."""
    language = _line_language(line[:SAMPLE])
    return language is not None and _in_use(line[start:end].lower(), language)


@lru_cache(maxsize=4096)  # lines with a suspect: few, and a site's template lines recur
def _line_language(sample: str) -> str | None:
    """The line's language when the model leans to one other than English that wordfreq has a list of."""
    language, confidence = identifier().classify(sample)
    if language == "en" or confidence < LINE_CONFIDENCE or language not in _wordfreq_languages():
        return None
    return str(language)


@lru_cache(maxsize=1)
def _wordfreq_languages() -> frozenset[str]:
    import wordfreq

    return frozenset(wordfreq.available_languages("large"))


def _in_use(word: str, language: str) -> bool:
    import wordfreq  # (loads the language's list on first use: 0.1-0.3 s, only for pages that need it)

    return wordfreq.zipf_frequency(word, language, wordlist="large") >= IN_USE
