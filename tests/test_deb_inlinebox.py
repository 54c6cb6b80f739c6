"""A short article broken up by the boxes a site sets inside it keeps its paragraphs; the boxes are still found."""

from __future__ import annotations

import pytest

from .test_deb_l3s import deb

# A short news article of four paragraphs, as UK and US sites lay it out: two "READ MORE" links under the lead,
# an ad and a newsletter form between the later paragraphs, comments and a most-read list after it.
ENGLISH = {
    "head": ["Skip to content", "News", "Politics", "Sport", "Subscribe", "Log in"],
    "title": ["Council approves plan to rebuild the old river bridge", "By Fiona Grant", "Published 8 October 2024"],
    "lead": "The city council has approved a fourteen million pound plan to rebuild the old river bridge, which "
    "has been closed to traffic since 2022 after inspectors found corroded steel beneath its deck.",
    "links": [
        "READ MORE: Residents fear years of disruption as repairs stall",
        "READ MORE: Parking charges to rise across the west end",
    ],
    "second": "Councillors voted 52 to 28 in favour on Thursday. Work is expected to start next spring and to "
    "take about eighteen months.",
    "box": ["Advertisement", "Sign up to our free daily newsletter", "Enter your email", "Sign up"],
    "third": "The bridge, which was built in 1914, carries one of the main routes through the park. Cyclists and "
    "walkers will be able to use a temporary crossing during the works.",
    "tail": ["Comments", "Most read", "1. Man charged after crash on the motorway", "2. School closures announced"],
}
FRENCH = {
    "head": ["Aller au contenu", "Actualité", "Sports", "Se connecter"],
    "title": ["Le métro fermera deux week-ends en novembre", "Par Marie Le Goff", "Publié le 9 octobre 2024"],
    "lead": "Le métro de la ville sera fermé deux week-ends de suite en novembre, le temps de remplacer les "
    "aiguillages de la ligne, a annoncé mardi l'exploitant du réseau.",
    "links": ["À lire aussi : Le métro automatique fête ses trois ans"],
    "second": "Des bus de remplacement desserviront toutes les stations du métro pendant les travaux, toutes les "
    "cinq minutes, de six heures du matin à minuit.",
    "box": ["Publicité", "Inscrivez-vous à notre newsletter", "Entrez votre adresse e-mail", "Je m'inscris"],
    "third": "« Nous avons choisi les week-ends les moins chargés de l'automne », explique la direction du métro, "
    "qui promet que les travaux ne déborderont pas sur les jours de semaine.",
    "tail": ["Commentaires", "Les plus lus", "1. Un incendie dans un entrepôt du port", "2. La rentrée des classes"],
}


@pytest.mark.parametrize("page", [ENGLISH, FRENCH], ids=["en", "fr"])
def test_paragraphs_between_inline_boxes_are_the_articles(page: dict[str, object]) -> None:
    """The paragraphs after the first box are the article going on (before, they were "menu, footer or widget"
    and `--unsafe-fixes` deleted them); the boxes' own lines and the furniture around are still found."""
    paragraphs = [page["lead"], page["second"], page["third"]]
    lines = [*page["head"], *page["title"], page["lead"], *page["links"], page["second"], *page["box"]]
    _, hit = deb([*lines, page["third"], *page["tail"]])
    assert not hit & set(paragraphs)
    assert set(page["links"]) | {page["box"][0]} | set(page["tail"][:2]) <= hit


def test_prose_after_a_share_bar_or_off_the_articles_topic_is_not_taken_in() -> None:
    """Past a share bar the article has ended, and a paragraph that shares no word with it is a blurb: a site's
    self-description under the newsletter box stays furniture."""
    blurb = (
        "The Evening Courier has been published every weekday since 1891 and is owned by a trust that funds "
        "journalism across the region."
    )
    page = ENGLISH
    lines = [*page["head"], *page["title"], page["lead"], *page["links"], page["second"], *page["box"]]
    footer = ["Our titles", "The Morning Star", "The Weekly Gazette", "Privacy Policy", "Terms of Use"]
    _, hit = deb([*lines, blurb, *footer])
    assert blurb in hit
    _, hit = deb([*lines[:-4], "Share", "Tweet", "Email", page["third"], *footer])
    assert page["third"] in hit


@pytest.mark.parametrize(
    ("label", "link"),
    [
        ("Lesen Sie auch", "Neue Radwege für die Innenstadt beschlossen"),
        ("Leggi anche", "Dal primo novembre cambia il biglietto del tram"),
        ("À lire aussi", "Les tarifs du stationnement augmentent en janvier"),
    ],
)
def test_the_safe_fix_takes_a_read_also_label_and_its_link_together(label: str, link: str) -> None:
    """A "read also" label with the one title it links to, inside the article: the safe fix removes both (before,
    the label went and another article's title was left standing alone in the body) and keeps every paragraph."""
    from scrapelint.config import Settings, resolve_rules
    from scrapelint.engine import Linter
    from scrapelint.fix import fix_article
    from scrapelint.models import Article

    page = ENGLISH
    paragraphs = [page["lead"], page["second"], page["third"]]
    text = "\n".join([*page["title"], page["lead"], label, link, page["second"], page["third"]])
    settings = Settings()
    fixed = fix_article(Linter(resolve_rules(settings), settings), Article(id="x", text=text, path="x.txt"))
    kept = fixed.article.text.split("\n")
    assert label not in kept and link not in kept
    assert set(paragraphs) <= set(kept)


def test_a_tutorial_goes_on_past_its_code_sample_and_a_sub_heading() -> None:
    """A REPL sample, a "Summary" heading and two short items stood between the body and its last paragraph,
    which was cut off as "a menu, footer or widget" (a red-team tutorial)."""
    prose = [
        "Suppose you receive strings like 2024-02-29, Feb 29, 2024 and 29.02.2024 from three different vendors. "
        "Calling strptime with a single format will fail on two of them.",
        "The parse function of dateutil is convenient, but it guesses. Given 01/02/03 it returns January 2, 2003, "
        "which may or may not be what your vendor meant. For pipelines, explicit formats are safer.",
    ]
    sample = ["Testing it", "A quick check in the REPL:", '>>> parse_date("Feb 29, 2024")']
    sample += ["datetime.datetime(2024, 2, 29, 0, 0)", '>>> parse_date("31.12.1999").year', "1999"]
    summary = ["Summary", "List the formats you expect.", "Try them in order."]
    last = "Raise on anything else, and log the raw string so you can add the new format later."
    _, hit = deb(["How to Parse Dates Reliably in Python", *prose, *sample, *summary, last])
    assert last not in hit and not hit & set(summary)


@pytest.mark.parametrize(
    ("label", "link", "closing"),
    [
        (
            "Also read",
            "Karachi: tanker rates fixed",
            "According to water board officials the first phase ends in 2026.",
        ),
        (
            "Čítajte tiež:",
            "Parkovanie v Petržalke: prvé výsledky",
            "Primátor Matúš Vallo uviedol, že cieľom je uvoľniť ulice pre obyvateľov.",
        ),
        (  # Thai: no full stop, a paragraph is prose by its length
            "อ่านข่าวที่เกี่ยวข้อง",
            "กทม. ปลูกต้นไม้ล้านต้น ครบเป้าก่อนกำหนด",
            "ทั้งนี้ ประชาชนสามารถแสดงความคิดเห็นเกี่ยวกับการออกแบบสวนได้ทางเว็บไซต์ของสำนักงานเขตพระนคร จนถึงวันที่ 30 พฤศจิกายน 2567",
        ),
    ],
)
def test_the_articles_closing_sentence_under_a_read_also_box_is_kept(label: str, link: str, closing: str) -> None:
    """A "read also" label with its one title, then the article's short closing sentence and an ad: the sentence
    was "a link to another article", with an unsafe fix (red-team round 3, eleven languages)."""
    page = ENGLISH
    lines = [*page["head"], *page["title"], page["lead"], page["second"], label, link, closing, "Advertisement"]
    _, hit = deb([*lines, "Most read", "1. Man charged after crash on the motorway"])
    assert closing not in hit and {label, link} <= hit
