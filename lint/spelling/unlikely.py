"""A rare real word where a common one fits the next word: "Wold War" -> "World War"."""

from __future__ import annotations

import re

from scrapelint.spelling.candidates import near_words
from scrapelint.spelling.issue import SOURCE_BIGRAM, UNLIKELY_WORD, SpellIssue
from scrapelint.spelling.lexicon import lexicon
from scrapelint.spelling.names import match_case
from scrapelint.spelling.tokens import _Tokens

# Function words make frequent bigrams with anything; they are no evidence of a set phrase.
_GLUE_WORDS = frozenset(
    ["this", "that", "than", "then", "they", "them", "their", "there", "these", "those", "what", "when", "with", "were", "have", "from", "your", "will", "been"]
)  # fmt: skip


def _title_case_line(text: str, offset: int) -> bool:
    """True when most words of the line around `offset` are capitalised (a headline)."""
    left = text.rfind("\n", 0, offset) + 1
    right = text.find("\n", offset)
    words = _LETTERS.findall(text, left, right if right != -1 else len(text))
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 10 >= len(words) * 6


_LETTERS = re.compile(r"[^\W\d_]{3,}")


def _unlikely_word(
    text: str, tokens: _Tokens, index: int, start: int, end: int, word: str, lower: str
) -> SpellIssue | None:
    """A rare real word where a common one fits the next word ("Wold War" -> "World War")."""
    lex = lexicon()
    if lex.zipf(lower) >= 3.0 or len(lower) < 4 or index + 1 >= len(tokens) or not word[0].isupper():
        return None
    next_start, _, following = tokens[index + 1]
    if not text[end:next_start].isspace() or "\n" in text[end:next_start] or not following[0].isupper():
        return None  # only capitalised phrases: "Wold War"
    if _title_case_line(text, start):
        return None  # a headline capitalises every word: "'Mad Money' Cashes In On Cast"
    following = following.lower()
    bigrams = lex.bigrams
    if f"{lower} {following}" in bigrams:
        return None
    best: tuple[int, str] | None = None
    for candidate, _ in near_words(lower, 1):
        if lex.zipf(candidate) < 4.5 or candidate not in lex.trusted or len(candidate) < 4 or candidate in _GLUE_WORDS:
            continue
        count = bigrams.get(f"{candidate} {following}", 0)
        if count >= 10_000_000 and (best is None or count > best[0]):
            best = (count, candidate)
    if best is None:
        return None
    suggestion = match_case(word, best[1])
    original_next = tokens[index + 1][2]
    message = f"'{word} {original_next}' is unusual; '{suggestion} {original_next}' is the common phrase"
    return SpellIssue(start, end, UNLIKELY_WORD, message, (suggestion,), SOURCE_BIGRAM)
