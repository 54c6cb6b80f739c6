"""Issue #16: Hunspell decides what is a word; rare valid words, compounds and real-word errors."""

from __future__ import annotations

import pytest

from scrapelint import realword, spelling
from scrapelint.dictionary import is_word
from tests.conftest import lint_text


def typ_flagged(text: str, rule: str = "TYP") -> list[str]:
    return [text[f.start : f.end] for f in lint_text(text) if f.rule.startswith(rule)]


@pytest.mark.parametrize("word", ["balk", "balked", "balking", "molt", "overdrew"])
def test_rare_valid_words_are_not_flagged(word: str) -> None:
    assert is_word(word)
    assert typ_flagged(f"The board members {word} and the rest of the story is told here.") == []


@pytest.mark.parametrize(
    ("typo", "right"), [("attually", "actually"), ("semed", "seemed"), ("tarrif", "tariff"), ("cisting", "casting")]
)
def test_slips_that_suffix_guessing_let_through_are_found(typo: str, right: str) -> None:
    """ "attually" is no "attu" + "ally": Hunspell's affix flags decide, and the correction is offered."""
    text = f"The company said it would {typo} raise the price of steel next year."
    findings = [f for f in lint_text(text) if f.rule == "TYP001"]
    assert [text[f.start : f.end] for f in findings] == [typo]
    assert right in findings[0].message


@pytest.mark.parametrize("word", ["smallcaps", "backglass", "upsample"])
def test_closed_compounds_are_not_glued_words(word: str) -> None:
    assert typ_flagged(f"The designers chose {word} for the new edition of the magazine.", "TYP003") == []


def test_glued_function_word_is_still_found() -> None:
    assert typ_flagged("New boss Roy Hodgson insistshis chairman is prepared to wait.", "TYP003") == ["insistshis"]


def test_a_term_used_three_times_is_not_a_typo() -> None:
    text = "We run stunnel on the server. Then stunnel signs the request, and stunnel starts."
    assert "stunnel" not in typ_flagged(text)


def test_file_paths_are_not_prose() -> None:
    assert typ_flagged("Install it into /usr/local/sbin and check the rest of the folders.") == []


def test_other_scripts_are_no_dictionary_words() -> None:
    assert not is_word("слово")


def test_real_word_error_names_the_likely_word() -> None:
    text = "We hove been there before, and the children were happy."
    findings = [f for f in lint_text(text) if f.rule == "TYP011"]
    assert [(text[f.start : f.end], f.message) for f in findings] == [("hove", "'hove' is unlikely here; 'have'?")]
    assert findings[0].severity.value == "info"
    assert findings[0].fix is not None and findings[0].fix.replacement == "have"


@pytest.mark.parametrize(
    "text",
    [
        "A spoonful of whey protein in the morning keeps him going.",
        "The witch cast a spell on the village.",
        "Prices of wheat and barley fell after the harvest.",
    ],
)
def test_real_words_in_their_place_are_left_alone(text: str) -> None:
    assert list(realword.find(text)) == []


def test_seed_has_no_real_word_findings(seed_text: str) -> None:
    assert [f for f in lint_text(seed_text) if f.rule == "TYP011"] == []


def test_dictionary_is_built_once_per_process() -> None:
    from scrapelint import dictionary

    assert dictionary.dictionary() is dictionary.dictionary()
    assert spelling.lexicon() is spelling.lexicon()


def test_code_in_prose_is_not_checked() -> None:
    text = "Bind it to self.myhandle, use atexit.register() and call bool(x) first.\n>>> odd = lambda lst : objsizee(lst)\n"
    assert typ_flagged(text) == []


def test_a_short_name_used_thrice_is_a_variable_not_a_slip() -> None:
    assert typ_flagged("Assign to lst here. Then lst is based on lst itself.") == []


def test_an_odd_word_used_twice_is_a_term_but_a_repeated_slip_is_not() -> None:
    terms = "We count it with objsize here. Then objsize reports the total for every object."
    assert typ_flagged(terms) == []
    slips = "The mayor said anf the council agreed. Then the judge anf the jury left anf went home."
    assert typ_flagged(slips) == ["anf", "anf", "anf"]


def test_an_ability_noun_of_a_dictionary_adjective_is_a_word() -> None:
    assert typ_flagged("Nobody doubted the deplorability of their conduct at the meeting.") == []
