"""The fast paths of the third performance pass find exactly what the plain patterns they stand for find.

Each fast path (a pattern reordered so the regex engine can skip ahead, a cheap gate before a pattern, a
per-form cache) must change the speed only: the findings a user sees stay byte-identical. Each test compares
the fast path with the plain definition on the strings where they could part: random strings of the
characters the pattern treats specially, and the dev pages when they are here.
"""

from __future__ import annotations

import json
import random
import re

import pytest

from scrapelint.rules import dat_names, typ
from scrapelint.spelling import checker, masking, tokens

from .conftest import SHARED_DATA

# The plain definitions, as they read before the pass.
_PLAIN_WORD = re.compile(r"(?<![\w@#&])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w@&])")
_PLAIN_SPLIT = re.compile("(" + _PLAIN_WORD.pattern + ")")  # words and gaps alternating
_PLAIN_CAPITALISED = re.compile(r"(?<![\w@#])[A-Z][a-z]{2,}(?![\w@])")
_PLAIN_DOUBLE = re.compile(r"\b(\w+)([ \t]+)(\1)\b", re.IGNORECASE)
_PLAIN_DAY_MONTH = re.compile(dat_names._FROM_DAY, re.IGNORECASE)
_PLAIN_HINTS = re.compile("|".join(dict.fromkeys(hint for hint, _ in masking._NOT_PROSE)))


def _random_strings(pieces: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def _dev_lines(limit: int = 40_000) -> list[str]:
    path = SHARED_DATA / "l3s_gn1_lines.jsonl"
    if not path.exists():
        return []
    lines: dict[str, None] = {}
    with path.open(encoding="utf-8") as stream:
        for raw in stream:
            page = json.loads(raw)
            lines.update(dict.fromkeys(page["naive"].split("\n")))
            if len(lines) >= limit:
                break
    return list(lines)


WORDY = ["a", "Zb", "é", "ß", "1", "_", "@", "#", "&", "'", "’", " ", ".", "-", "x86", "\n", "ab", "Q", "ſ"]


def test_word_split_opening_with_its_letter_finds_the_same_words() -> None:
    for text in _random_strings(WORDY, 30_000, 1) + _dev_lines():
        assert tokens._SPLIT_WORDS.split(text) == _PLAIN_SPLIT.split(text), text
        if text.isascii():
            assert tokens._SPLIT_ASCII.split(text) == _PLAIN_SPLIT.split(text), text


def test_capitalised_words_of_the_first_pass_are_the_same() -> None:
    for text in _random_strings(["Abc", "ABc", "Xy", "aBcd", "@", "#", "_", "1", " ", "é", "Ünter", "."], 30_000, 2):
        assert typ._CAPITALISED.findall(text) == _PLAIN_CAPITALISED.findall(text), text


def test_the_hint_gate_lets_through_every_line_a_hint_would_mask() -> None:
    pieces = ["a", ".", "com", "(", ")", "/", "x", ":", "//", "@", "#", "_", "{", ">", "=", "\\", "|", "www", " ", "A"]
    for line in _random_strings(pieces, 30_000, 3) + _dev_lines():
        if _PLAIN_HINTS.search(line):
            assert masking._ANY_HINT.search(line), line


def test_doubled_function_words_are_found_as_by_the_plain_pattern() -> None:
    def plain(line: str) -> tuple[tuple[int, int, int, int], ...]:
        return tuple(
            (m.start(1), m.end(1), m.start(3), m.end(3))
            for m in _PLAIN_DOUBLE.finditer(line)
            if m.group(1).lower() in typ._FUNCTION_WORDS
        )

    pieces = ["the", "The", "THE", "so", "ſo", "a", "an", "had", " ", "  ", "\t", ",", "x", "1", "_", "-", "the1", "'"]
    lines = _random_strings(pieces, 30_000, 4) + _dev_lines()
    assert sum(1 for line in lines if plain(line)) > 100  # (the strings do hold doubles)
    for line in lines:
        assert typ._doubles_in(line) == plain(line), line


def test_foreign_dates_are_scanned_from_the_same_days() -> None:
    pieces = ["1", "12", "3.", "de ", "März", "mars", " ", "$", ",", "a", "-", "\u00a0", "2010", "er", ".", "/"]
    for text in _random_strings(pieces, 30_000, 5):
        fast = [(m.span(), m.groupdict()) for m in dat_names._DAY_MONTH.finditer(text)]
        assert fast == [(m.span(), m.groupdict()) for m in _PLAIN_DAY_MONTH.finditer(text)], text


@pytest.mark.parametrize("cache", [tokens._Suspect(), checker._Hopeless()])
def test_the_per_form_caches_stay_bounded(cache: dict[str, bool]) -> None:
    """A stream of ever new word forms (a hostile input, or years of news) must not grow memory without end."""
    limit = type(cache).LIMIT  # type: ignore[attr-defined]
    for number in range(limit + 5_000):
        cache[f"Qzx{number}"]  # filled on first sight
        assert len(cache) <= limit
