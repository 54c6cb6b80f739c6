"""Spelling precision signals (#16, #14): code, other languages, species, inflections and names are no typos,
while the same slips in plain English prose still are."""

from __future__ import annotations

import pytest

from tests.conftest import lint_text


def typ_flagged(text: str, rule: str = "TYP") -> list[str]:
    return [text[f.start : f.end] for f in lint_text(text) if f.rule.startswith(rule)]


def test_command_flags_next_to_code_are_not_typos() -> None:
    text = "Extract the archive with tar [z,j]xvf archive_name.tar first. Use tar xvf for .tar files."
    assert typ_flagged(text, "TYP001") == []


def test_a_slip_in_the_prose_of_a_code_paragraph_is_still_found() -> None:
    """Only words near the code sign, in its sentence, are spared: a slip two sentences on is reported."""
    text = (
        "Set the variable with export MY_PATH=/opt/app in your shell. That is all there is to it. "
        "The other settings are explained in the manual, which has a seperate chapter for them and the "
        "readers becuase nobody rembers them."
    )
    flagged = typ_flagged(text)
    assert "seperate" in flagged and "rembers" in flagged


def test_command_line_in_a_code_block_is_code() -> None:
    text = "Project setup\npip install mypkgzz\nMYPKGZZ_API_TOKEN\nThe rest of the guide is prose."
    assert typ_flagged(text) == []


def test_bare_file_extension_is_not_a_word() -> None:
    assert typ_flagged("The tool skips files that end in .rar or .7z when it scans the folders.") == []


def test_german_sentences_before_an_english_quote_are_not_spell_checked() -> None:
    text = (
        'Gerade ist die neue Kollektion eingetroffen. Hier etwas O-Ton: "We are a small company that builds '
        'boards for surfers all over the world, and we test every one of them in the water ourselves."'
    )
    assert typ_flagged(text) == []


def test_an_english_clause_with_a_slip_is_still_checked() -> None:
    text = 'The new collection has arrived. Here is what they say: "We test evrey board in the water."'
    assert typ_flagged(text) == ["evrey"]


def test_an_italian_product_list_in_an_english_article_is_not_spell_checked_as_english() -> None:
    # issue #14's example: lines too short for the model to be sure of are Italian to it all the same, and each
    # word reported would be an Italian word in use; an English slip, in prose or in a short line, is still reported
    products = (
        "Pasta di Gragnano trafilata al bronzo",
        "Pomodori pelati San Marzano dell'Agro Sarnese-Nocerino",
        "Olio extravergine di oliva biologico",
        "Aceto balsamico di Modena invecchiato",
    )
    text = "\n\n".join(
        [
            "We tried five Italian pantry staples this month, and these were worth buying again for everyday cooking.",
            *products,
            "Each of them costs a little more than the supermarket version, but the difference is easy to taste.",
        ]
    )
    assert typ_flagged(text) == []
    assert typ_flagged(text.replace("the difference", "the diffrence")) == ["diffrence"]
    short = text.replace(products[2], "Our favourite was the olive oil from Puglia")  # a short English line
    assert typ_flagged(short.replace("olive oil", "olvie oil")) == ["olvie"]


def test_a_short_foreign_article_is_not_english() -> None:
    assert typ_flagged("Une cible,") == []


@pytest.mark.parametrize(
    "text",
    [
        "The rare tree frog (Hyla versicolorus) lives only on this island.",
        "Its variety wallichiana flowers twice a year in the garden.",
    ],
)
def test_species_epithets_are_not_typos(text: str) -> None:
    assert typ_flagged(text, "TYP001") == []


def test_regular_inflection_of_a_long_word_is_not_a_typo() -> None:
    assert typ_flagged("The coastal elites dismissed the heartlanders again this year.", "TYP001") == []


def test_doubling_slip_of_an_inflection_is_still_found() -> None:
    """ "transfering" is "transfer" + "ing" but a slip of "transferring", one edit away."""
    assert typ_flagged("Since I am transfering backup files, it takes a while.") == ["transfering"]


@pytest.mark.parametrize(
    "text",
    [
        "There is also another library called quickerer that does the same.",
        "Load the zlibby module first, then run it.",
    ],
)
def test_a_word_in_a_name_slot_is_a_name(text: str) -> None:
    assert typ_flagged(text, "TYP001") == []


@pytest.mark.parametrize(
    "text",
    [
        "Enter y at the prompt to confirm the signing.",
        "The z or j flag is optional for most archives.",
        "Which word starts with the letter t, ends with the letter t, and has t in it?",
    ],
)
def test_letters_spoken_of_are_not_stray(text: str) -> None:
    assert typ_flagged(text, "TYP004") == []


def test_a_stray_letter_in_prose_is_still_found() -> None:
    assert typ_flagged("He was placing g narrow strips on the table.", "TYP004") == ["g"]


def test_a_foreign_phrase_in_an_english_sentence_is_not_misspelt_but_a_slip_after_it_is() -> None:
    # one foreign word joins the phrase ("de", "mit"): the word after it is foreign when that language uses it
    text = (
        "We ate a pastel de nata in Belém and then walked down to the river before lunch.\n\n"
        "At the market he ordered a bratwurst mit senf and a large glass of cold apple juice."
    )
    assert typ_flagged(text) == []
    assert typ_flagged("We ate a pastel de nata in Belém and then walkd down to the river before lunch.") == ["walkd"]


def test_the_plural_of_a_loanword_in_use_is_no_typo_but_a_misspellings_plural_is() -> None:
    """ "braais" (South African English), "tascas", "suzanis": their singulars pass, so their plurals do; the
    unsafe fix wrote "enjoy their brain this weekend" (red-team round 3). "recieves" is still a misspelling."""
    text = (
        "Families enjoy their braais at the weekend, visit the old tascas of the harbour and collect suzanis "
        "from the market, while the council recieves more complaints about noise."
    )
    assert [text[f.start : f.end] for f in lint_text(text, select=["TYP"])] == ["recieves"]


def test_a_commenters_handle_in_a_comment_header_is_no_typo() -> None:
    """ "simonw 8 hours ago | prev | next", "412 points by pauldix 9 hours ago": handles, which TYP offered to
    change to "simon" and "pauli" (a red-team Hacker News page). A slip in the comment itself is still found."""
    text = "\n".join(
        [
            "412 points by pauldix 9 hours ago | hide | past | favorite | 186 comments",
            "simonw 8 hours ago | prev | next",
            "I use it for everything now, includng data journalism projects.",
        ]
    )
    assert [text[f.start : f.end] for f in lint_text(text, select=["TYP"])] == ["includng"]
