"""A short line in another language inside an English article: an Italian product list, a German caption.

A paragraph gets its own language only when the model is sure of it (lint/language.py: five words, 0.9),
which a line of product names never makes it ("Olio extravergine di oliva biologico" is Italian at 0.47), so
such a line is spell-checked as English. For a word the speller would report, the line is asked again with a
lower bar, and the line's words must bear the model out: the word itself, or two other words of the line that
are no English words, are in use in the language it names (wordfreq's small list of that language, ~3 MB a
language, loaded on first need). An English slip in a line the model misreads is still reported.
"""

from __future__ import annotations

from functools import lru_cache

from scrapelint.language import SAMPLE, identifier
from scrapelint.spelling.foreign_clause import _LETTERS, in_use
from scrapelint.spelling.lexicon import lexicon

LINE_CONFIDENCE = 0.3  # the model's normalised probability: a guess, which the line's words must confirm
WITNESSES = 2  # other words of the line, no English words, in use in that language


def in_foreign_line(line: str, start: int, end: int) -> bool:
    """Whether `line[start:end]` is a word of the other language its line is written in."""
    language = _line_language(line[:SAMPLE])
    if language is None:
        return False
    if in_use(line[start:end].lower(), language):
        return True
    trusted = lexicon().trusted
    others = (word.lower() for word in _LETTERS.findall(line[:start] + " " + line[end:]))
    return sum(word not in trusted and in_use(word, language) for word in others) >= WITNESSES


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

    return frozenset(wordfreq.available_languages("small"))
