"""The pruned alternations of rules/deb/firstchar.py find exactly what the whole alternation finds."""

from __future__ import annotations

import json
import re

import pytest

from scrapelint.rules.deb.firstchar import FirstCharDispatch, NeedleFilter, first_chars, required_literal
from scrapelint.rules.deb.lexicons import _entries, lexicon, normalise

from .conftest import SHARED_DATA


def _by_kind(patterns: dict[str, list[str]]) -> re.Pattern[str]:
    """The whole alternation, one named group per kind (the first kind wins): what the dispatch must equal."""
    return re.compile(
        "|".join(f"(?P<{kind}>{'|'.join(f'(?:{p})' for p in pats) or '(?!)'})" for kind, pats in patterns.items())
    )


PATTERNS = {
    "ui": [r"(?:share|tweet) (?:this|on \w+)", r"\d+ comments?", r"(?:\d+ )?комментари(?:и|ев)?", r"page \d+ of \d+"],
    "ad": [r"advertisement", r".{0,40}\ball rights reserved\b.{0,40}", r"©? ?(?:\d{4} )?.{0,20}\btous droits réservés"],
    "meta": [r"(?:posted|updated)(?: on)?\s*:", r"[a-z]+ min read", r"\s*tags?:"],
}
TEXTS = [
    "share this",
    "tweet on facebook",
    "12 comments",
    "١٢ comments",  # Arabic-Indic digits are \d too
    "комментарии",
    "5 комментариев",
    "page 2 of 9",
    "advertisement",
    "© 2020 the times. all rights reserved.",
    "copyright all rights reserved",
    "2019 le monde tous droits réservés",
    "© le monde tous droits réservés",
    "posted on: monday",
    "8 min read",
    "reading min read",
    "  tags: x",
    "",
    "Share This",
    "the article text, with all rights reserved in the middle of a long sentence",
]


def whole(patterns: dict[str, list[str]], flags: int = 0) -> re.Pattern[str]:
    return re.compile(_by_kind(patterns).pattern, flags)


@pytest.mark.parametrize("text", TEXTS)
def test_dispatch_matches_like_the_whole_alternation(text: str) -> None:
    dispatch, reference = FirstCharDispatch(PATTERNS), whole(PATTERNS)
    expected = reference.fullmatch(text)
    assert dispatch.fullmatch_kind(text) == (expected and expected.lastgroup)
    expected, got = reference.match(text), dispatch.match(text)
    assert (got and got.group()) == (expected and expected.group())


@pytest.mark.parametrize("text", ["k", "K", "\u212a", "ſ", "S", "é", "É", "", "Écrire un commentaire", "KOMMENTAR"])
def test_ignorecase_dispatch_compares_as_re_does(text: str) -> None:
    patterns = {"form": [r"k", r"s", r"écrire un commentaire", r"kommentar", r"\w"]}
    dispatch, reference = FirstCharDispatch(patterns, re.IGNORECASE), whole(patterns, re.IGNORECASE)
    expected = reference.fullmatch(text)
    assert dispatch.fullmatch_kind(text) == (expected and expected.lastgroup)


def test_a_floating_branch_of_an_earlier_kind_wins_as_in_the_whole_alternation() -> None:
    """`fullmatch_kind` tries the floating branches apart: the kind must still be the first that matches."""
    patterns = {"ui": [r"menu", r".{0,20}\bshare this\b.{0,20}"], "ad": [r"share this.*", r".{0,9}\bsponsored\b.*"]}
    dispatch, reference = FirstCharDispatch(patterns), whole(patterns)
    for text in ["share this now", "menu", "a sponsored post", "share this sponsored", "sponsored", "nothing", ""]:
        expected = reference.fullmatch(text)
        assert dispatch.fullmatch_kind(text) == (expected and expected.lastgroup), text
    assert dispatch.fullmatch_kind("share this now") == "ui"


def test_first_characters_and_needed_words() -> None:
    assert first_chars(r"(?:share|tweet) this") == frozenset("st")
    assert first_chars(r"\d+ comments") == frozenset({"<digit>"})
    assert first_chars(r"(?:\d+ )?comments") == frozenset({"<digit>", "c"})
    assert first_chars(r".{0,40}\bfoo") is None
    assert required_literal(r".{0,40}\ball rights reserved\b.{0,40}") == "all rights reserved"
    assert required_literal(r"(?:a|b) cookies") == " cookies"
    assert required_literal(r"cookies|newsletter") is None  # a top-level alternative needs neither


def test_needle_filter_counts_like_the_whole_alternation() -> None:
    patterns = [r"\bwe use cookies\b", r"\bcookies\b", r"\bsubscribe to (?:our )?newsletter", r"\bnews|\bletter"]
    reference, pruned = re.compile("|".join(f"(?:{p})" for p in patterns)), NeedleFilter(patterns)
    for text in ["we use cookies and cookies", "subscribe to our newsletter", "the news of the day", "nothing", ""]:
        assert pruned.findall(text) == reference.findall(text)


def test_the_consent_filter_finds_what_the_whole_consent_alternation_finds() -> None:
    # each line tries only the branches whose words it holds: the same matches, overlaps and order included
    patterns = list(_entries("debris_consent.txt"))
    reference, pruned = re.compile("|".join(f"(?:{p})" for p in patterns)), lexicon().consent
    lines = [
        "we use cookies to improve your experience. by using our site you agree to our use of cookies.",
        "wir verwenden cookies. mit der nutzung unserer website erklären sie sich einverstanden, dass wir cookies nutzen.",
        "używamy informacji zapisanych za pomocą cookies i podobnych technologii m.in. w celach reklamowych",
        "nous utilisons des cookies ; en poursuivant votre navigation, vous acceptez l'utilisation des cookies.",
        "sign up for our newsletter and never miss a story, straight to your inbox",
        "the council met on tuesday to discuss the cookie factory's new permit",
        "",
    ]
    for line in lines:
        assert pruned.findall(line) == reference.findall(line), line


def assert_lexicon_labels_as_its_whole_alternations(lines: set[str]) -> dict[str, str | None]:
    """The lexicon's dispatches label the normalised `lines` as its whole alternations do; their kinds."""
    lex = lexicon()
    reference = whole(lex.whole._patterns)
    meta = re.compile("|".join(f"(?:{p})" for p in _entries("debris_meta.txt")))
    kinds = {line: (match := reference.fullmatch(line)) and match.lastgroup for line in lines}
    assert {line: lex.whole.fullmatch_kind(line) for line in lines} == kinds
    assert {line for line in lines if lex.meta.match(line)} == set(filter(meta.match, lines))
    return kinds


def test_the_debris_lexicon_labels_lines_as_its_whole_alternation_does() -> None:
    lines = [
        "Share this article",
        "Advertisement",
        "© 2021 Example Media. All rights reserved.",
        "Alle Rechte vorbehalten.",
        "12 Kommentare",
        "Lesen Sie auch: Die Wahl in Hessen",
        "Veröffentlicht am: 3. Mai 2020",
        "Читайте также",
        "The minister said on Tuesday that the plan would go ahead.",
    ]
    assert_lexicon_labels_as_its_whole_alternations(set(map(normalise, lines)))


def test_the_debris_lexicon_labels_real_scraped_lines_as_its_whole_alternation_does() -> None:
    """Every distinct line of the 644 multilingual dev pages: the branches the dispatch drops must never matter."""
    path = SHARED_DATA / "trafilatura_dev.jsonl"
    if not path.exists():
        pytest.skip("dev data not present")
    with path.open(encoding="utf-8") as handle:
        lines = {normalise(line) for raw in handle for line in json.loads(raw)["text"].splitlines() if line.strip()}
    kinds = assert_lexicon_labels_as_its_whole_alternations(lines)
    assert sum(kind is not None for kind in kinds.values()) > 1000  # (debris lines are among them)


def test_required_needles_reads_into_groups_that_are_never_optional() -> None:
    from scrapelint.rules.deb.firstchar import required_needles

    # every match holds one of the runs returned: the notice guard (rules/deb/notices.py) skips lines with none
    assert required_needles(r"\b(?:sign up|subscribe) (?:now )?to our newsletter\b") == frozenset(["to our newsletter"])
    assert required_needles(r"\b(?:abonniere|folge) uns\b") == frozenset(["abonniere", "folge"])
    assert required_needles(r"(?:newsletter)?x+") is None  # an optional group guards nothing
    assert required_needles(r"\b(?:a|abonnieren)\b") is None  # one branch without a run of four: no guard


def test_a_lexicon_pattern_with_a_capturing_group_is_refused() -> None:
    from scrapelint.rules.deb.lexicons import _CAPTURE

    # a capturing group would shift the named groups that tell a line's kind
    assert _CAPTURE.search(r"share (this|that)") and _CAPTURE.search(r"[(]x")
    assert not _CAPTURE.search(r"share (?:this|that) \(\d+\)")
