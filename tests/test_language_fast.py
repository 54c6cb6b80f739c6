"""The fast forms of the language helpers answer exactly as their plain definitions (findings depend on them)."""

from __future__ import annotations

import random
import re
from collections import Counter
from itertools import chain, repeat

import pytest

from scrapelint.language import _common_stopwords, enough_text, prose_density

LETTER = re.compile(r"[^\W\d_]")


def plain_enough(text: str, words: int, letters: int) -> bool:
    """`enough_text` as first written: a list of the letters among the first 400 characters, counted."""
    return len(text.split(None, words)) >= words and len(LETTER.findall(text, 0, 400)) >= letters


def plain_density(words: list[str]) -> tuple[str | None, float]:
    """`prose_density` as first written: a Counter of the stop words' languages, its most common."""
    counts = Counter(chain.from_iterable(map(_common_stopwords().get, words, repeat(()))))
    if not words or not counts:
        return None, 0.0
    language, count = counts.most_common(1)[0]
    return language, count / len(words)


@pytest.mark.parametrize(
    "text",
    ["", "1234 5678 9012 3456 7890", "a b c d e", "Ünïcödé wörds ärë hérë tøø, ånd sœ ärë thęsę öñęs",
     "___ ___ ___ ___ ___ ab", "中文 的 文本 也 有 字母 吗 是的", "x" * 24 + " 1 2 3 4", "x" * 25 + " 1 2 3 4",
     "1 " * 300 + "many letters past the four hundredth character of the text are not counted at all"],
)  # fmt: skip
def test_enough_text_counts_letters_as_the_plain_definition(text: str) -> None:
    for words, letters in ((5, 25), (2, 8), (1, 1)):
        assert enough_text(text, words, letters) == plain_enough(text, words, letters)


def test_enough_text_on_random_mixed_text() -> None:
    alphabet = "aé1_ -.,ß中\u0301\t\n!9Ж"
    rng = random.Random(15)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 500)))
        for words, letters in ((5, 25), (2, 8)):
            assert enough_text(text, words, letters) == plain_enough(text, words, letters), text


@pytest.mark.parametrize(
    "text",
    ["", "xyz", "the cat sat on the mat", "der die das und the and of",
     "het ist", "ist het",  # a tie: the language seen first wins, as with a Counter
     "het " * 25 + "nicht " * 25, "nicht " * 25 + "het " * 25, "the " * 30 + "der " * 30, "der " * 30 + "the " * 30,
     "le chat et la souris sont dans la maison de la voisine"],
)  # fmt: skip
def test_prose_density_matches_the_counter_form_short_and_long(text: str) -> None:
    words = text.split()
    assert prose_density(words) == plain_density(words)


def test_a_tie_goes_to_the_language_seen_first() -> None:
    assert prose_density(["het", "ist"])[0] == "nl"
    assert prose_density(["ist", "het"])[0] == "de"


def test_prose_density_reads_english_prose_as_english() -> None:
    language, density = prose_density(str.split("this is what the minister said to the press on monday"))
    assert language == "en"
    assert density >= 0.5


@pytest.mark.parametrize(
    "text",
    ["plain ascii words, with digits 123 and under_scores", "Straße und Übermaß", "l'été dernier", "x1y2z3", "",
     "mixed ascii and кириллица", "tab\tand\nnewline", "émigré café"],
)  # fmt: skip
def test_words_are_the_letter_runs_ascii_or_not(text: str) -> None:
    from scrapelint.language import _WORDS, _words

    assert _words(text) == _WORDS.findall(text)
    assert _words(text.lower()) == _WORDS.findall(text.lower())


@pytest.mark.parametrize(
    "lines",
    [[], ["one short line"], ["a" * 40, "b" * 120, "c" * 120, "d" * 90, "e" * 120], ["x" * 299, "y" * 299],
     ["menu", "x" * 350, "y" * 350, "footer"], ["tie one", "tie two", "longer line here"] * 30],
)  # fmt: skip
def test_sample_spans_picks_what_sample_picks(lines: list[str]) -> None:
    """The longest paragraphs up to 300 characters, ties in text order: the article's language is told from them."""
    from scrapelint.language import SAMPLE, sample_spans

    def sample(paragraphs: list[str]) -> str:  # the plain way: sort the paragraphs, take them up to SAMPLE
        chosen: list[str] = []
        size = 0
        for paragraph in sorted(paragraphs, key=len, reverse=True):
            if size >= SAMPLE:
                break
            chosen.append(paragraph)
            size += len(paragraph) + 1
        return "\n".join(chosen)

    text = "\n".join(lines)
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    ends = [start + len(line) for start, line in zip(starts, lines, strict=True)]
    assert sample_spans(text, starts, ends) == (sample(lines) if lines else "")
