"""DUP on text that repeats by design: each exemption beside a real repeat that is still reported."""

from __future__ import annotations

from .conftest import flagged, lint_text
from .test_deb import PARAGRAPHS

UNPACK = "Follow the same process to uncompress the tarball as in the OpenSSL section."


def install(tool: str, version: str) -> list[str]:
    """One section of an install guide: the same steps filled in for another tool."""
    return [
        f"Installing {tool}",
        f"Download the latest version of the {tool} source code from the project's website.",
        f"As of this writing, the latest version of {tool} is {version}.",
        UNPACK,
        f"The configure command that I recommend for {tool} is below, with the options explained after it.",
    ]


def test_a_step_two_parallel_sections_share_is_not_a_duplicate() -> None:
    text = "\n\n".join(["Secure backups", PARAGRAPHS[0], *install("stunnel", "4.05"), *install("rsync", "2.6.0")])
    assert lint_text(text, select=["DUP"]) == []


def test_the_same_step_copied_among_other_paragraphs_is_still_reported() -> None:
    text = "\n\n".join(["Secure backups", *install("stunnel", "4.05"), PARAGRAPHS[0], UNPACK, PARAGRAPHS[1]])
    assert flagged(text, lint_text(text, select=["DUP"])) == [UNPACK]


def test_a_sentence_with_a_word_swapped_is_a_near_duplicate_outside_parallel_sections() -> None:
    one = "Download the latest version of the stunnel source code from the project's website."
    two = one.replace("stunnel", "rsync")
    text = "\n\n".join(["Secure backups", one, PARAGRAPHS[0], PARAGRAPHS[1], two, PARAGRAPHS[2]])
    assert [(f.rule, text[f.start : f.end]) for f in lint_text(text, select=["DUP"])] == [("DUP003", two)]


def product(name: str, price: str, extras: str) -> list[str]:
    """A product box: the fields' names under each product, then the values."""
    return ["Produkt", name, "Stromversorgung", "USB-Akku", "Besonderheiten / Extras", extras, price, "Jetzt kaufen"]


# (longer than a short item: a cell of many words, as shops write them)
EXTRAS = "verschiedene Tempi und Modi, inkl. viel Zubehör wie Feder mit Stock, 1x Fernbedienung, 1x Schmetterling oder 1 x Klingelring"


def test_a_value_two_records_share_under_a_recurring_field_is_not_a_duplicate() -> None:
    boxes = [
        *product("HOFIT Interaktiver Ball", "37,99 EUR", EXTRAS),
        *product("Vealind Mausspielzeug", "18,99 EUR", "schön plüschig, mit eingebautem Sensor und Mausgeräusch"),
        *product("Petgeek Laserpointer", "22,99 EUR", EXTRAS),
    ]
    text = "\n\n".join(["Katzenspielzeug im Test", PARAGRAPHS[0], *boxes])
    assert lint_text(text, select=["DUP"]) == []


def test_prose_repeated_under_a_recurring_field_is_still_reported() -> None:
    review = "Der Ball rollte in unserem Test zuverlässig über Teppich und Fliesen, nur auf Kies blieb er hängen."
    boxes = [
        *product("HOFIT Interaktiver Ball", "37,99 EUR", review),
        *product("Vealind Mausspielzeug", "18,99 EUR", "schön plüschig, mit eingebautem Sensor und Mausgeräusch"),
        *product("Petgeek Laserpointer", "22,99 EUR", review),
    ]
    text = "\n\n".join(["Katzenspielzeug im Test", PARAGRAPHS[0], *boxes])
    assert flagged(text, lint_text(text, select=["DUP"])) == [review]


POST = "Ich habe den Router gestern neu gestartet, aber die Verbindung bricht nach einer Stunde immer noch ab."
REPLY = "Hast du schon die Firmware aktualisiert? Bei mir hat das nach dem letzten Update geholfen."


def test_a_post_quoting_an_earlier_post_is_not_a_duplicate() -> None:
    for marker in ("Zitat von Anna", "Quote", "Anna schrieb:"):
        thread = ["Anna schrieb:", "12.03.2021 um 14:02 Uhr", POST, "Bob schrieb:", marker, POST, REPLY]
        text = "\n\n".join(["Verbindung bricht ab", PARAGRAPHS[0], *thread])
        assert lint_text(text, select=["DUP"]) == [], marker
    text = "\n\n".join(["Verbindung bricht ab", "Anna wrote:", POST, "Bob wrote:", "> " + POST, REPLY])
    assert lint_text(text, select=["DUP"]) == []


def test_the_same_post_twice_under_its_header_is_still_reported() -> None:
    post = ["Anna schrieb:", "12.03.2021 um 14:02 Uhr", POST]
    text = "\n\n".join(["Verbindung bricht ab", PARAGRAPHS[0], *post, "Bob schrieb:", REPLY, *post])
    assert flagged(text, lint_text(text, select=["DUP"])) == [POST]


def test_a_reader_copying_the_article_under_a_comment_header_is_still_reported() -> None:
    text = "\n\n".join(["Council passes budget", *PARAGRAPHS, "Comments", "jdoe says:", PARAGRAPHS[1]])
    assert flagged(text, lint_text(text, select=["DUP"])) == [PARAGRAPHS[1]]


SAYING = "Wo ein Leichnam ist, da sammeln sich auch die Geier und warten auf ihre Beute."


def test_a_sentence_quoted_after_a_colon_is_not_a_near_duplicate() -> None:
    text = "\n\n".join([SAYING + " " + PARAGRAPHS[0], PARAGRAPHS[1], "Er antwortete: " + SAYING, PARAGRAPHS[2]])
    assert lint_text(text, select=["DUP"]) == []


def test_a_sentence_with_words_added_elsewhere_is_still_a_near_duplicate() -> None:
    added = SAYING.replace("warten", "warten geduldig")
    text = "\n\n".join([SAYING + " " + PARAGRAPHS[0], PARAGRAPHS[1], added, PARAGRAPHS[2]])
    assert [(f.rule, text[f.start : f.end]) for f in lint_text(text, select=["DUP"])] == [("DUP003", added)]


CAPTION = "Protesters gathered outside the parliament in the rain on Monday evening. Photo: Jane Doe/Getty Images"


def test_a_caption_repeated_under_a_second_picture_is_debs_not_a_duplicate() -> None:
    second = CAPTION + ". Click on the picture to start the video."
    text = "\n\n".join(["Budget protests", PARAGRAPHS[0], CAPTION, PARAGRAPHS[1], second, PARAGRAPHS[2]])
    assert lint_text(text, select=["DUP"]) == []
    assert [f.rule for f in lint_text(text, select=["DEB010"])] == ["DEB010"]  # DEB reports the caption


def test_a_sentence_of_prose_repeated_from_a_paragraph_of_its_own_is_still_reported() -> None:
    sentence = "Protesters gathered outside the parliament in the rain on Monday evening."
    later = sentence + " Click on the picture to start the video."
    text = "\n\n".join(["Budget protests", PARAGRAPHS[0], sentence, PARAGRAPHS[1], later, PARAGRAPHS[2]])
    assert flagged(text, lint_text(text, select=["DUP"])) == [sentence]


SALT = "Add salt as per your taste and mix well, then cover the pan and cook for two more minutes."


def recipe(steps: list[str]) -> list[str]:
    return [f"{n}. {step}" for n, step in enumerate(steps, 1)]


PLAIN = ["Heat the oil in a heavy pan over a medium flame.", "Add the cumin seeds and let them splutter.", SALT]
SPICY = [
    "Dry roast the red chillies and grind them to a fine paste.",
    "Heat the oil and fry the paste until it smells fragrant.",
    "Add the tomatoes and cook them down to a thick sauce.",
    SALT,
]


def test_a_step_two_recipe_variants_share_is_not_a_duplicate() -> None:
    text = "\n\n".join(["Jeera rice", PARAGRAPHS[0], "Plain", *recipe(PLAIN), "Spicy", *recipe(SPICY)])
    assert lint_text(text, select=["DUP"]) == []
    bulleted = [f"- {step}" for step in PLAIN] + ["Spicy"] + [f"- {step}" for step in SPICY]
    text = "\n\n".join(["Jeera rice", PARAGRAPHS[0], *bulleted])
    assert lint_text(text, select=["DUP"]) == []


def test_a_step_repeated_in_prose_and_a_step_list_scraped_twice_are_still_reported() -> None:
    text = "\n\n".join(["Jeera rice", PARAGRAPHS[0], *recipe(PLAIN), PARAGRAPHS[1] + " " + SALT])
    assert flagged(text, lint_text(text, select=["DUP"])) == [SALT]
    steps = recipe(SPICY)
    text = "\n\n".join(["Jeera rice", PARAGRAPHS[0], *steps, PARAGRAPHS[1], *steps])
    (finding,) = lint_text(text, select=["DUP"])
    assert flagged(text, [finding]) == ["\n\n".join(steps)]
