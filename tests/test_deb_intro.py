"""DEB's body: an article's intro cut from its body by a table or a product box is the article's; a paragraph
cut from it by a menu or a share bar is not."""

from __future__ import annotations

from .conftest import flagged, lint_text

INTRO = [
    "Die meisten Katzen freuen sich über ein wildes Spiel, und elektronisches Spielzeug ist dafür besonders praktisch.",
    "Wir haben uns deshalb verschiedene Spielzeuge angeschaut und sagen dir, welches davon unser Favorit ist.",
]
TABLE = [f"{name} {number}" for number in range(1, 9) for name in ("Modell", "Preis-Leistungs-Sieger")]
BODY_DE = [
    "Elektronisches Spielzeug bewegt sich von allein und weckt so den Spieltrieb und den Jagdinstinkt der Katze, "
    "die damit auch dann beschäftigt ist, wenn sie viele Stunden am Tag allein in der Wohnung bleiben muss.",
    "Gemütliche Katzen werden dadurch animiert, sich mehr zu bewegen, was sich positiv auf ihre Gesundheit auswirkt, "
    "und verspielte Katzen haben endlich einen Gegner, der nie müde wird und immer wieder von vorne anfängt.",
    "Wichtig ist, dass das Spielzeug robust ist und keine kleinen Teile hat, die die Katze verschlucken könnte, denn "
    "gerade beim wilden Spiel beißen und kratzen viele Tiere kräftig zu und reißen lose Teile schnell ab.",
]


def test_an_intro_above_a_table_is_the_articles_a_paragraph_above_a_menu_is_not() -> None:
    sidebar = "Unsere Redaktion stellt jeden Monat die besten Produkte für Hund und Katze vor, getestet im Alltag."
    page = "\n".join(["Startseite", "Kontakt", sidebar, "Teilen", "Drucken", *INTRO, *TABLE, *BODY_DE])
    shown = " | ".join(flagged(page, lint_text(page, select=["DEB"])))
    assert all(line not in shown for line in INTRO)  # only a table between it and the body
    assert sidebar in shown  # a share bar between it and the body


def test_a_long_sentence_full_of_stop_words_is_prose_without_its_full_stop() -> None:
    from scrapelint.rules.deb import line_facts

    wrapped = (
        "Es gibt verschiedene Möglichkeiten, die Dateien zwischen einem alten Computer und einem modernen "
        "Rechner auszutauschen, und ich möchte hier eine davon"
    )
    nouns = (
        "Startseite Politik Wirtschaft Sport Kultur Wissen Reise Auto Digital Karriere Gesundheit Familie "
        "Bildung Immobilien Leserbriefe Archiv Podcasts Videos Bilder Wetter Horoskop"
    )
    assert 20 <= line_facts(wrapped)[0] < 25 and line_facts(wrapped)[1]  # cut at a line break: still a sentence
    assert 20 <= line_facts(nouns)[0] < 25 and not line_facts(nouns)[1]  # a menu of as many words
