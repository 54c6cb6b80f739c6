"""Foreign text inside English text: runs of words wordfreq has seen that no English list has (a quote), and
short lines of another language (spelling/foreign_line.py: a product list)."""

from __future__ import annotations

from bisect import bisect_left

from scrapelint.spelling.foreign_line import in_foreign_line
from scrapelint.spelling.lexicon import lexicon
from scrapelint.spelling.tokens import _FlatWords, _Tokens


def _foreign_like(token: str | None) -> bool:
    """A lower-case word wordfreq has seen in use, rarely, but no English list has: likely foreign."""
    if token is None:
        return False
    lex = lexicon()
    lower = token.lower()
    return token.islower() and lower not in lex.trusted and lower not in lex.misspellings and 0 < lex.zipf(lower) < 3.0


class _ForeignQuotes:
    """Sentences where several lower-case words are unknown are a foreign quote, not typos ("mujhe woh bachcha")."""

    def __init__(self, words: _FlatWords, guess_lines: bool = True) -> None:
        self.words = words
        self.guess_lines = guess_lines  # False when config or `--language` fixed the language

    def in_line(self, line: str, start: int, end: int) -> bool:
        """`line[start:end]` is a word of the other language of its short line (spelling/foreign_line.py)."""
        return self.guess_lines and in_foreign_line(line, start, end)

    def contains(self, masked: str, tokens: _Tokens, index: int, line_no: int) -> bool:
        if _foreign_like(tokens[index][2]) and (
            _foreign_like(self.words.at(line_no, index - 1)) or _foreign_like(self.words.at(line_no, index + 1))
        ):
            return True  # two foreign words side by side: "casus belli", "au naturel" is one
        start = tokens[index][0]
        left = max(masked.rfind(c, 0, start) for c in ".!?") + 1
        right = min((p for p in (masked.find(c, start) for c in ".!?") if p != -1), default=len(masked))
        first, last = bisect_left(tokens.starts, left), bisect_left(tokens.starts, right)
        # Foreign words are ones wordfreq has seen (its lists are multilingual web text); typos mostly are not.
        unknown = sum(_foreign_like(token) for token in tokens.words[first:last])
        return unknown >= 3 or (unknown >= 2 and unknown * 4 >= last - first)
