"""DEB010: captions and credits inside or after the body are reported as info, with an unsafe fix."""

from __future__ import annotations

from .conftest import lint_text
from .test_deb import article


def captions(text: str) -> list[str]:
    return [text[f.start : f.end] for f in lint_text(text, select=["DEB"]) if f.rule == "DEB010"]


def test_caption_and_credit_lines_in_the_body() -> None:
    lines = (
        "Image copyright Getty Images",
        "Image caption Protesters gathered outside the council building on Tuesday",
        "In this Sunday, Nov. 10, 2019, photograph, a long row of cars waits at the border.",
        "The mayor speaks to reporters after the vote. (AP Photo/Jane Doe)",
    )
    text = article(middle=lines)
    assert captions(text) == list(lines)
    found = list(lint_text(text, select=["DEB010"]))
    assert {f.severity.value for f in found} == {"info"}
    assert {f.fix.applicability for f in found if f.fix} == {"unsafe"}


def test_a_credit_inside_a_paragraph_is_reported_alone() -> None:
    paragraph = (
        "Die Stimmung in Wolfsburg ist aktuell nicht gut, sagte der Vorstand am Dienstag. (Foto: Tony Silva/Ascom-PC)"
    )
    text = article(middle=(paragraph + " Danach ging die Sitzung weiter, und der Rat stimmte noch einmal ab.",))
    assert captions(text) == ["(Foto: Tony Silva/Ascom-PC)"]


def test_prose_about_pictures_is_no_caption() -> None:
    lines = (
        "In a statement, the Alliance of Motion Picture and Television Producers said the talks would begin.",
        "A spokesman told Reuters the deal would be signed by the end of the day.",
    )
    assert captions(article(middle=lines)) == []


def test_credits_after_a_caption_and_figure_labels_in_other_languages() -> None:
    from scrapelint.rules.deb.captions import caption

    for line in (
        "Die Skispringerin beim Training in Oberstdorf. © AFP / Jane Doe",
        "El presidente durante la rueda de prensa en Madrid (REUTERS/Juan Pérez)",
        "Abbildung 3: Die Schneehöhe im Vergleich zum Vorjahr",
        "picture alliance | Jane Doe",
    ):
        assert caption(line, len(line.split())) == "caption", line
    for line in (
        "© 2020 Example Media GmbH",  # a copyright footer: DEB001's, not a caption
        "Die Marke mit dem © wurde 1990 eingetragen, sagte der Sprecher am Montag.",
        "Reuters reported that the talks in Geneva would resume next week.",
    ):
        assert caption(line, len(line.split())) is None, line


def test_credits_in_polish_russian_and_east_asian_sites() -> None:
    from scrapelint.rules.deb.captions import caption

    for line in (
        "Fot. Jan Kowalski / PAP",
        "Фото: Агентство «Москва»",
        "Иван Петров/ТАСС",
        "图片来源：新华社",
        "写真：共同通信",
    ):
        assert caption(line, len(line.split())) == "caption", line
    for line in ("Fotografia pokazuje, jak wyglądało miasto przed wojną.", "Фотографии были сделаны в 1990 году."):
        assert caption(line, len(line.split())) is None, line


def test_an_authors_initials_and_agencies_are_a_sign_off_not_a_picture_credit() -> None:
    from scrapelint.rules.deb.captions import caption

    for line in ("mamk/dpa/Reuters", "kng/AFP", "ssu/dpa", "(dpa/lno)"):
        assert caption(line, len(line.split())) is None, line
    for line in ("Jane Doe/Getty Images", "Foto: dpa/Reuters", "picture alliance/dpa"):
        assert caption(line, len(line.split())) == "caption", line


def test_a_list_items_label_ending_in_credit_is_no_picture_credit() -> None:
    from scrapelint.rules.deb.captions import caption

    assert caption("Gift card credit: immediately", 4) is None  # a help page's refund times
    line = "The bridge under construction in 1913. Picture: Glasgow City Archives"
    assert caption(line, len(line.split())) == "caption"


def test_a_garbled_e_acute_is_no_copyright_sign() -> None:
    """ "Ã©" ends like a credit's "©": a paragraph about encodings that ends on it is no caption."""
    from scrapelint.rules.deb.captions import caption

    line = 'Always pass encoding="utf-8" to open(); that is how a file full of "Ã©" is born.'
    assert caption(line, len(line.split())) is None
    assert caption("Protesters in the square on Sunday. © AFP / Jane Doe", 10) == "caption"
    assert caption("Das Kabinett bei seiner Klausurtagung am 21. Januar© Bundesregierung/Steffen Kugler", 11)


def test_an_outlets_credit_with_a_colon_ends_a_caption() -> None:
    """ "(ABC News: Lucas Hill)", "(Reuters: Jane Doe)", "(Supplied)": how Australian and other outlets credit a
    picture (red-team round 3); a bracket that is the sentence's own aside is no credit."""
    from scrapelint.rules.deb.captions import caption

    for line in (
        "The Story Bridge is almost 85 years old. (ABC News: Lucas Hill)",
        "The mayor at the opening. (Supplied)",
    ):
        assert caption(line, len(line.split())) == "caption"
    aside = "The council met on Monday (agenda: the budget)."
    assert caption(aside, len(aside.split())) is None
