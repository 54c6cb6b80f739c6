"""DEB knows WordPress's front-end text in the languages WordPress ships (rules/data/*.wordpress.txt).

The lines come from WordPress core's own translations (bench/make_cms_lexicon.py): a comment form under a
Swedish or Czech article is found as surely as an English one, while prose that merely uses the words stays.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

from .conftest import lint_text

GERMAN = (
    "Die Stadtbibliothek bleibt in den Sommerferien an drei Tagen in der Woche länger geöffnet als sonst.",
    "Nach Angaben der Leiterin haben im vergangenen Jahr mehr Schüler als je zuvor die Lesesäle genutzt.",
    "Der Gemeinderat hat dafür zusätzliche Mittel bewilligt, die vor allem in neue Stellen fließen sollen.",
    "Ab September gelten wieder die gewohnten Öffnungszeiten, teilte die Verwaltung am Montag mit.",
)
SWEDISH = (
    "Kommunen bygger en ny cykelbana längs ån som ska stå klar innan skolorna börjar i augusti.",
    "Enligt planen ska sträckan också få belysning och flera nya bänkar där man kan vila en stund.",
    "Boende i området har länge efterfrågat en säkrare väg mellan centrum och idrottsplatsen.",
    "Arbetet beräknas kosta omkring tolv miljoner kronor och betalas delvis med statliga bidrag.",
)
CZECH = (
    "Městská knihovna prodlouží během letních prázdnin otevírací dobu o dvě hodiny denně.",
    "Podle ředitelky loni přišlo do studoven více studentů než kdykoli předtím v historii knihovny.",
    "Zastupitelstvo na to schválilo peníze navíc, které půjdou hlavně na nová pracovní místa.",
    "Od září bude knihovna opět otevřena v obvyklých hodinách, oznámil v pondělí úřad.",
)

# WordPress's comment form and post navigation, as its translators word them
GERMAN_FORM = ("Antworten abbrechen", "Kommentar abschicken")  # two lines: too few to be furniture by place alone
SWEDISH_FORM = (
    "Tidigare inlägg",
    "Följande inlägg",
    "Avbryt svar",
    "E-postadressen publiceras inte.",
    "Obligatoriska fält är märkta *",
    "Skicka kommentar",
)
CZECH_FORM = (
    "Předchozí příspěvek",
    "Napsat komentář",
    "Vaše emailová adresa nebude zveřejněna.",
    "Vyžadované informace jsou označeny *",
    "Odeslat komentář",
)


def deb_flagged(text: str) -> set[str]:
    """The lines that some DEB finding covers."""
    findings = lint_text(text, select=["DEB"])
    spans = [(f.start, f.end) for f in findings]
    flagged, offset = set(), 0
    for line in text.split("\n"):
        if line and any(start < offset + len(line) and end > offset for start, end in spans):
            flagged.add(line)
        offset += len(line) + 1
    return flagged


def page(title: str, paragraphs: tuple[str, ...], after: tuple[str, ...]) -> str:
    return "\n\n".join([title, *paragraphs, *after])


def test_a_german_wordpress_comment_form_under_the_article_is_found() -> None:
    flagged = deb_flagged(page("Bibliothek länger geöffnet", GERMAN, GERMAN_FORM))
    assert set(GERMAN_FORM) <= flagged
    assert not flagged & set(GERMAN)


def test_a_swedish_one_too_which_no_hand_written_lexicon_knows() -> None:
    flagged = deb_flagged(page("Ny cykelbana längs ån", SWEDISH, SWEDISH_FORM))
    assert set(SWEDISH_FORM) <= flagged
    assert not flagged & set(SWEDISH)


def test_and_a_czech_one() -> None:
    flagged = deb_flagged(page("Knihovna bude otevřena déle", CZECH, CZECH_FORM))
    assert set(CZECH_FORM) <= flagged
    assert not flagged & set(CZECH)


def test_a_czech_comment_thread_is_found_by_wordpress_own_header_verb() -> None:
    thread = (
        "Jana Nováková píše:",
        "Moc pěkný článek, děkuji za všechny tipy na prázdninové výlety s dětmi.",
        "Petr Dvořák píše:",
        "Souhlasím, byli jsme tam minulý týden a celé rodině se tam moc líbilo.",
    )
    text = page("Knihovna bude otevřena déle", CZECH, thread)
    found = [f for f in lint_text(text, select=["DEB"]) if f.rule == "DEB009"]
    assert [text[f.start : f.end] for f in found] == ["\n\n".join(thread)]


def test_prose_that_uses_the_words_is_not_flagged() -> None:
    prose = (
        "Die Kommentare sind geschlossen, sagte der Moderator, weil die Diskussion aus dem Ruder gelaufen war.",
        "Wer eine Antwort hinterlassen wollte, musste am Ende einen Brief an die Redaktion schreiben.",
    )
    body = (*GERMAN[:2], *prose, *GERMAN[2:])
    assert deb_flagged(page("Bibliothek länger geöffnet", body, ())) == set()


def test_a_one_word_widget_title_between_paragraphs_is_a_heading() -> None:
    # "Arkiv" and "Kategorien" are WordPress widget titles but also headings: weak, kept inside the body
    body = (*SWEDISH[:2], "Arkiv", *SWEDISH[2:])
    assert deb_flagged(page("Ny cykelbana längs ån", body, ())) == set()
    sidebar = ("Senaste inläggen", "Arkiv", "Kategorier")
    assert set(sidebar) <= deb_flagged(page("Ny cykelbana längs ån", SWEDISH, sidebar))


def test_wordpress_reply_button_signs_a_czech_thread_so_its_fix_is_safe() -> None:
    thread = (
        "Jana Nováková",
        "19. 6. 2019 v 17:29",
        "Moc pěkný článek, děkuji za všechny tipy na prázdninové výlety s dětmi.",
        "Odpovědět",
        "Petr Dvořák",
        "20. 6. 2019 v 8:02",
        "Souhlasím, byli jsme tam minulý týden a celé rodině se tam moc líbilo.",
        "Odpovědět",
    )
    text = page("Knihovna bude otevřena déle", CZECH, thread)
    found = [f for f in lint_text(text, select=["DEB"]) if f.rule == "DEB009"]
    assert len(found) == 1 and "2 comments" in found[0].message
    assert found[0].fix is not None and found[0].fix.applicability == "safe"


def test_a_german_wiki_page_skin_and_footer_are_found_from_mediawiki_own_words() -> None:
    # the title, Vector's skip links under it, MediaWiki's footer below: each line in MediaWiki's German wording
    above = ("Zur Navigation springen", "Zur Suche springen")
    below = (
        "Abgerufen von „https://wiki.example.org/index.php?title=Stadtbibliothek&oldid=4711“",
        "Diese Seite wurde zuletzt am 5. Januar 2021 um 12:00 Uhr bearbeitet.",
    )
    text = "\n\n".join(["Die Stadtbibliothek", *above, *GERMAN, *below])
    flagged = deb_flagged(text)
    assert set(above) | set(below) <= flagged
    assert not flagged & {*GERMAN, "Die Stadtbibliothek"}


def _script() -> ModuleType:
    """bench/make_cms_lexicon.py (the generator lives beside the other scripts), loaded from its file."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "bench" / "make_cms_lexicon.py"
    spec = importlib.util.spec_from_file_location("make_cms_lexicon", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generator_turns_placeholders_into_patterns_only_where_safe() -> None:
    entry = _script().entry
    assert entry("Post Comment", "Kommentar abschicken") == "kommentar abschicken"
    assert entry("% Comments", "% Kommentare") == r"re:\d+\ kommentare[.!:]?"
    reply_to = entry("Leave a Reply to %s", "Hinterlasse einen Kommentar zu %s")
    assert reply_to is not None and reply_to.startswith("re:")
    assert re.fullmatch(reply_to[3:], "hinterlasse einen kommentar zu anna.")
    assert entry("One Response to %2$s", "Egy hozzászólás a(z) %2$ bejegyzéshez") is None  # a translator's typo
    assert entry("Leave a Reply to %s", "%s antworten") is None  # a pattern must open with words
    assert entry("Leave a Reply to %s", "Freagair %s") is None  # one word, then anything: too loose


def test_the_generator_trie_matches_exactly_the_words() -> None:
    words = ["antworten", "atbildēt", "ateb", "svar", "svara", "log in to reply", "odpovědět"]
    pattern = re.compile(_script().trie(words))
    assert all(pattern.fullmatch(word) for word in words)
    assert not any(pattern.fullmatch(other) for other in ("sva", "svarar", "antwort", "log in", "ate"))


def test_the_comment_form_lines_wordpress_prints_as_one_block_are_found() -> None:
    # the heading with its cancel link, and the notes above the fields, each one line of text
    form = (
        "Leave a Reply Cancel reply",
        "Your email address will not be published. Required fields are marked *",
    )
    paragraphs = (
        "The city council approved the new budget on Tuesday after a debate that lasted more than six hours.",
        "Council members said the plan would fund two new libraries and repair roads in the northern districts.",
        "Opponents argued that the spending would force a rise in local taxes within the next two years.",
    )
    flagged = deb_flagged(page("Council passes budget", paragraphs, form))
    assert set(form) <= flagged
    assert not flagged & set(paragraphs)
