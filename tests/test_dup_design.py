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
