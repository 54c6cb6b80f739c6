"""A regular inflection of a long dictionary word that Hunspell's affix flags leave out: "heartlanders",
"primarying", "yarmulked" (a verb made from a noun, an agent noun, a plural).

Unlike the suffix guessing issue #16 removed ("attu" + "ally"), the stem must be a long word in real use, and
no word one edit away may be another form of the same stem: "transfering" is a slip of "transferring",
"becomeing" of "becoming", and stays one.
"""

from __future__ import annotations

from functools import lru_cache

from scrapelint.spelling.candidates import near_words
from scrapelint.spelling.lexicon import lexicon

_SUFFIXES = ("ing", "ers", "er", "ed", "d", "s")
MIN_STEM = 6  # letters: short stems make slips ("semed" = "sem" + "ed")
STEM_ZIPF = 1.5  # the stem is a word in real use ("yarmulke" 1.9)


@lru_cache(maxsize=20_000)
def regular_inflection(word: str) -> bool:
    """Whether lower-case `word` is a long, common dictionary word plus a regular suffix, with no other form
    of that stem one edit away."""
    lex = lexicon()
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < MIN_STEM:
            continue
        if stem not in lex.trusted or lex.zipf(stem) < STEM_ZIPF:
            continue
        head = stem[:-1]  # another form of the stem one edit away makes the word a slip of it
        return not any(c != stem and c.startswith(head) for c, _ in near_words(word, 1))
    return False
