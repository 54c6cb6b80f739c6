"""The fourth performance pass changes the speed only: TYP011 on the Document's words finds what it found on its
own split of the masked text, and the two-edit corrections looked up by undoubled form are the ones the search
over every word of a first letter found.

Each test compares the new path with the old definition, kept here as the reference, on the dev pages (when they
are here) and on hand-made lines where the two tokenisations part.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import accumulate

import pytest

from scrapelint import realword, spelling
from scrapelint.document import Document
from scrapelint.models import Article
from scrapelint.rules.typ import RealWordError
from scrapelint.spelling import candidates, checker, verdict

from .conftest import SHARED_DATA

# TYP011 before this pass: its own split of the text with URLs and code blanked (spelling's line scans).
_OLD_SPLIT = re.compile(r"([A-Za-z]+(?:['’][a-z]+)?)")


def _old_find(text: str) -> Iterator[tuple[int, int, str]]:
    masked = "\n".join(spelling.scan_line(line, False)[0] for line in text.split("\n"))
    pieces = _OLD_SPLIT.split(masked)
    words = pieces[1::2]
    suspects = realword._suspects()
    gaps = realword._ADJACENT_GAPS
    for i in range(1, len(words) - 1):
        word = words[i]
        if word not in suspects or pieces[2 * i + 2] not in gaps or not words[i + 1].islower():
            continue
        previous = words[i - 1]
        left = previous.islower() and pieces[2 * i] in gaps
        likely = realword._likely(previous if left else None, word, words[i + 1])
        if likely is not None:
            start = list(accumulate(map(len, pieces)))[2 * i]
            yield start, start + len(word), likely


def _new_find(text: str) -> list[tuple[int, int, str]]:
    doc = Document(Article(id="t", path="t.txt", text=text))
    return [(f.start, f.end, f.fix.replacement) for f in RealWordError().check(doc) if f.fix is not None]


def _dev_texts(limit: int = 300) -> list[str]:
    path = SHARED_DATA / "l3s_gn1_lines.jsonl"
    if not path.exists():
        return []
    texts = []
    with path.open(encoding="utf-8") as stream:
        for raw, _ in zip(stream, range(limit), strict=False):
            page = json.loads(raw)
            texts += [page["naive"], page["clean"]]
    return texts


HAND_MADE = [
    "We hove been there before, and they hove been told.",
    "see www.example.com/we hove been and http://x.org/hove been",
    "call bool(x) hove been; the file hove.py been read",
    "The team hove  been\there, then hove\tbeen.",
    "I think thay hove been - and hove, been, hove.",
    "Ask @hove been or #hove been now; we hove been.",
]


@pytest.mark.parametrize("text", HAND_MADE)
def test_realword_on_document_words_finds_what_its_own_split_found(text: str) -> None:
    assert _new_find(text) == list(_old_find(text))


def test_realword_on_document_words_finds_what_its_own_split_found_on_dev_pages() -> None:
    texts = _dev_texts()
    if not texts:
        pytest.skip("dev data not here")
    found = 0
    for text in texts:
        old = list(_old_find(text))
        assert _new_find(text) == old
        found += len(old)
    assert found > 0  # the comparison saw findings, not only silence
    # The per-process state stays bounded: the open suspects only shrink, inside the lexicon's suspects.
    assert realword._open_suspects() < realword._suspects()


def test_the_hand_made_lines_hold_real_word_errors() -> None:
    assert _new_find(HAND_MADE[0]) == [(3, 7, "have"), (36, 40, "have")]


def _search(word: str) -> set[str]:
    """The two-edit candidates `verdict` took from the full search: same undoubled form, OSA distance 2."""
    wide = 3 if len(word) > 9 else 2
    return {
        c
        for c, d in candidates.near_words(word, wide)
        if d == 2 and candidates.undoubled(c) == candidates.undoubled(word)
    }


def test_doubling_slips_are_the_two_edit_candidates_the_search_found() -> None:
    # slips two edits from their word, both in its doubled letters (these give candidates), and others
    words = ["tarrif", "tommorow", "reccomend", "neccesary", "proffesor", "accomodation", "committment", "sucess"]
    path = SHARED_DATA / "norvig_testset.tsv"
    if path.exists():
        for row in path.read_text(encoding="utf-8").splitlines()[:3000]:
            word = row.split("\t")[0].strip().lower()
            if len(word) >= 5 and word.isascii() and word.isalpha():
                words.append(word)
    hits = 0
    for word in words:
        slips = {c for c, _ in candidates.doubling_slips(word)}
        assert slips == _search(word), word
        hits += bool(slips)
    assert hits >= 5  # "tarrif" -> "tariff", "tommorow" -> "tomorrow", ...: also where the dev data is absent


def test_a_seen_misspelling_two_edits_away_is_still_corrected() -> None:
    assert verdict.verdict("tarrif", False) == (spelling.MISSPELLING, ("tariff",))


def test_the_dialect_is_detected_only_for_a_suggestion_spelt_two_ways() -> None:
    british = ["The", "organised", "labour", "movement", "honoured", "the", "centres", "and", "the", "colour"]
    dialect = checker._LazyDialect(british)
    assert dialect.of(("house", "horse")) is None
    assert dialect._value is False  # no suggestion differs between the dialects: the article was not read
    assert dialect.of(("neighbor", "house")) == "en-GB"
