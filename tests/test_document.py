"""Document: sentence splitting on real scrape patterns, and offsets/positions on non-ASCII text."""

from __future__ import annotations

import random
from bisect import bisect_left

import pytest

from scrapelint.document import _WORD, Document, split_sentences
from scrapelint.models import Article


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, 0, len(text))]


def doc(text: str) -> Document:
    return Document(Article(id="t", text=text, path="t.txt"))


@pytest.mark.parametrize(
    "text, expected",
    [
        # abbreviations and initials do not end a sentence
        (
            "Even bourgeois historians like E.H. Carr acknowledge this. Others agree.",
            ["Even bourgeois historians like E.H. Carr acknowledge this.", "Others agree."],
        ),
        (
            "It fell in the U.S.S.R. after his death. Then it rose.",
            ["It fell in the U.S.S.R. after his death.", "Then it rose."],
        ),
        ("Dr. Smith met Mr. Jones. They talked.", ["Dr. Smith met Mr. Jones.", "They talked."]),
        ("President John F. Kennedy spoke. It rained.", ["President John F. Kennedy spoke.", "It rained."]),
        ("See No. 5 and Fig. 3 for details.", ["See No. 5 and Fig. 3 for details."]),
        ("The U.S. Army arrived. It rained.", ["The U.S. Army arrived.", "It rained."]),
        ("At 5 p.m. tomorrow we meet. Come.", ["At 5 p.m. tomorrow we meet.", "Come."]),
        ("Spies, saboteurs, etc.) were held.", ["Spies, saboteurs, etc.) were held."]),
        # ... but an abbreviation can close a sentence before a typical first word
        ("He lives in the U.S. The next day he left.", ["He lives in the U.S.", "The next day he left."]),
        ("Apples, pears, etc. The next day it rained.", ["Apples, pears, etc.", "The next day it rained."]),
        # decimals, versions, domains
        ("Growth was 22.6% in 2016. A record.", ["Growth was 22.6% in 2016.", "A record."]),
        ("Version 2.0.1 is out. See example.com now.", ["Version 2.0.1 is out.", "See example.com now."]),
        ("It cost $1.5 billion. That is a lot.", ["It cost $1.5 billion.", "That is a lot."]),
        # quotes
        ("He said, “Go home.” Then he left.", ["He said, “Go home.”", "Then he left."]),
        ('She asked: "Why?" Nobody knew.', ['She asked: "Why?"', "Nobody knew."]),
        ('He left. "We lost," she said.', ["He left.", '"We lost," she said.']),
        # missing spaces after periods, as scrapers leave them
        (
            "He was exiled to Volgoda.Stalin escaped from exile.",
            ["He was exiled to Volgoda.", "Stalin escaped from exile."],
        ),
        ("It stood at 54 percent in 2016.A record low.", ["It stood at 54 percent in 2016.", "A record low."]),
        ("Historians like E.H.Carr agree.", ["Historians like E.H.Carr agree."]),
        # ellipses and mixed marks
        ("Wait... what happened? Nothing… Then it rang.", ["Wait... what happened?", "Nothing…", "Then it rang."]),
        ("He missed it.. Stalin lost. Really?! Yes.", ["He missed it..", "Stalin lost.", "Really?!", "Yes."]),
        ("He said “go home.”Then he left.", ["He said “go home.”", "Then he left."]),
        ("Yahoo! has a new CEO.", ["Yahoo! has a new CEO."]),
    ],
)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentences_stay_inside_paragraphs_and_offsets_point_at_text() -> None:
    text = "First line ends here\nSecond line. Two sentences.\n\nLast."
    document = doc(text)
    got = [(text[s.start : s.end], s.paragraph) for s in document.sentences]
    assert got == [("First line ends here", 0), ("Second line.", 1), ("Two sentences.", 1), ("Last.", 2)]


def test_seed_sentences_split_at_glued_periods(seed_text: str) -> None:
    document = doc(seed_text)
    texts = [seed_text[s.start : s.end] for s in document.sentences]
    assert any(t.endswith("exiled to Volgoda.") for t in texts)
    assert any(t.startswith("Stalin escaped from exile") for t in texts)
    assert any("U.S.S.R. after his death" in t for t in texts)  # not split inside U.S.S.R.
    assert all(t == t.strip() and t for t in texts)


def test_words_carry_their_sentence() -> None:
    text = "Stalin’s rule. Don’t go."
    document = doc(text)
    words = [(text[w.start : w.end], w.sentence) for w in document.words]
    assert words == [("Stalin’s", 0), ("rule", 0), ("Don’t", 1), ("go", 1)]


def test_positions_count_code_points_with_emoji_and_combining_marks() -> None:
    # "e" + COMBINING ACUTE is two code points; the emoji is one code point (outside the BMP).
    text = "cafe\u0301 👩 ok\nsecond 🚀 line"
    document = doc(text)
    ok = text.index("ok")
    assert document.position(ok) == (1, 9)
    assert text[ok : ok + 2] == "ok"
    rocket = text.index("🚀")
    assert document.position(rocket) == (2, 8)
    assert document.position(len(text)) == (2, len("second 🚀 line") + 1)
    assert document.lines[document.position(rocket)[0] - 1].start == text.index("second")


def test_paragraphs_are_trimmed_lines() -> None:
    text = "  Title  \n\nBody one.\nBody two.\n"
    document = doc(text)
    assert [text[p.start : p.end] for p in document.paragraphs] == ["Title", "Body one.", "Body two."]


def test_split_sentences_is_linear() -> None:
    """A long paragraph of abbreviations must not make splitting quadratic."""
    import time

    unit = "Dr. Smith met the U.S. envoy at 5 p.m. and left. "

    def best(text: str) -> float:
        times = []
        for _ in range(3):  # the best of three resists a busy machine
            start = time.process_time()
            split_sentences(text, 0, len(text))
            times.append(time.process_time() - start)
        return min(times)

    small, large = best(unit * 2000), best(unit * 8000)
    assert large < 8 * small + 0.05


def test_word_offsets_and_ranges_match_the_words() -> None:
    """The cheap forms (offsets, texts, per-sentence and per-paragraph ranges) agree with `words`."""
    text = "Stalin’s rule ended.  Don’t go!\n\n...\nE.H. Carr wrote 22.6 pages (in 1953)."
    document = doc(text)
    starts, ends = document.word_spans
    assert document.word_starts is starts
    assert [(w.start, w.end) for w in document.words] == list(zip(starts, ends, strict=False))
    assert document.word_texts == [text[a:b] for a, b in zip(starts, ends, strict=False)]
    assert document.word_texts[:4] == ["Stalin’s", "rule", "ended", "Don’t"]
    for number, (a, b) in enumerate(document.sentence_words):
        assert all(w.sentence == number for w in document.words[a:b])
    assert [document.word_texts[a:b] for a, b in document.paragraph_words] == [
        ["Stalin’s", "rule", "ended", "Don’t", "go"],
        [],
        ["E", "H", "Carr", "wrote", "22", "6", "pages", "in", "1953"],
    ]


def test_words_and_lines_read_like_lists() -> None:
    text = "One two.\nThree\n"
    document = doc(text)
    words = document.words
    assert len(words) == 3 and words[-1] == words[2] and [text[w.start : w.end] for w in words[1:]] == ["two", "Three"]
    assert words == list(words)
    lines = document.lines
    assert [text[line.start : line.end] for line in lines] == ["One two.", "Three", ""]
    assert lines[-1].start == len(text) and len(lines) == 3 and lines == list(lines)
    assert document.lines[document.position(text.index("Three"))[0] - 1] == lines[1]


def _split_per_paragraph(document: Document) -> list[tuple[int, int, int]]:
    """`(start, end, paragraph)` of each sentence, from `split_sentences` run on each paragraph alone."""
    text = document.text
    return [
        (start, end, paragraph.index)
        for paragraph in document.paragraphs
        for start, end in split_sentences(text, paragraph.start, paragraph.end)
    ]


def test_sentences_from_one_scan_equal_splitting_each_paragraph() -> None:
    """The whole-text boundary scan gives each paragraph the sentences `split_sentences` gives it alone."""
    text = "He left.A\nVolgoda.Stalin escaped. Dr. Smith came!\nNo marks here\nIt ends with U.S.\n“Quoted.” Next one?"
    document = doc(text)
    expected = _split_per_paragraph(document)
    assert [(s.start, s.end, s.paragraph) for s in document.sentences] == expected
    assert [s.index for s in document.sentences] == list(range(len(expected)))
    assert (
        text[document.sentences[0].start : document.sentences[0].end] == "He left.A"
    )  # no glued end at the line's end


def test_sentences_are_read_like_a_list_built_from_their_spans() -> None:
    text = "One. Two!\n\tThree? Four\u00a0\nFive."
    document = doc(text)
    sentences, (starts, ends, paragraphs) = document.sentences, document.sentence_spans
    assert [text[s.start : s.end] for s in sentences] == ["One.", "Two!", "Three?", "Four", "Five."]
    assert (list(starts), list(ends), list(paragraphs)) == (
        [s.start for s in sentences],
        [s.end for s in sentences],
        [0, 0, 1, 1, 2],
    )
    assert sentences[-1] == sentences[4] and sentences[1:3] == list(sentences)[1:3] and sentences == list(sentences)
    with pytest.raises(IndexError):
        sentences[5]


@pytest.mark.parametrize("seed", range(6))
def test_word_and_paragraph_ranges_match_the_word_pattern(seed: int) -> None:
    """Words (ASCII or not) are what `_WORD` finds, and each paragraph's range starts at its first word."""
    rng = random.Random(seed)
    ascii_pieces = ["don't", "rock'n'roll", "x_1", "42", "''", "'", " ", "  ", "\t", "\n", "\n\n", ". ", "!", "Dr."]
    # seeds 0, 3: ASCII text; 1, 4: non-ASCII punctuation only (curly quotes, dashes, DEL); 2, 5: non-ASCII letters too
    punctuation = ["it’s", "“", "—", "\u00a0", "’", "\x7f", "…"]
    pieces = ascii_pieces + [[], punctuation, [*punctuation, "naïve", "Σ", "²", "ǅ"]][seed % 3]
    text = "".join(rng.choice(pieces) for _ in range(400))
    assert text.isascii() == (seed % 3 == 0)
    document = doc(text)
    starts, ends = document.word_spans
    assert [text[a:b] for a, b in zip(starts, ends, strict=False)] == _WORD.findall(text) == document.word_texts
    expected = [bisect_left(starts, p.start) for p in document.paragraphs]
    assert [a for a, _ in document.paragraph_words] == expected
    assert [text[p.start : p.end] for p in document.paragraphs] == [
        line.strip() for line in text.split("\n") if line.strip()
    ]


@pytest.mark.parametrize("seed", range(4))
def test_sentences_from_one_scan_equal_splitting_each_paragraph_at_random(seed: int) -> None:
    """Marks at a paragraph's end, glued ends, quotes and abbreviations: the scan splits like `split_sentences`."""
    rng = random.Random(seed)
    words = ["word", "Next", "Dr.", "U.S.", "E.", "home.", "2016.", "A", ".", "!", "?", "…", "”", "’", ")", "“", "www.x.com", "Volgoda.Stalin", "end.”Then", "."]  # fmt: skip
    pieces = [*words, " ", " ", "  ", "\n", "\n", "\n\n", "\t"]
    text = "".join(rng.choice(pieces) for _ in range(1500))
    document = doc(text)
    expected = _split_per_paragraph(document)
    assert [(s.start, s.end, s.paragraph) for s in document.sentences] == expected
    assert all(text[s.start : s.end] == text[s.start : s.end].strip() != "" for s in document.sentences)
