"""DEB notices: prose-like furniture (sign-ups, follow prompts, author boxes, licences, comment forms) is found
by its family of phrases in every language DEB knows, while article prose that shares a word with it is kept."""

from __future__ import annotations

import pytest

from scrapelint.rules.deb.lexicons import normalise
from scrapelint.rules.deb.notices import FAMILIES, notice_family

from .conftest import flagged, lint_text
from .test_deb import PARAGRAPHS, article

FOUND = [  # (family, a notice) — none of them from the dev pages
    ("newsletter", "Sign up for our free weekly newsletter and get the best stories every Friday."),
    ("newsletter", "Die wichtigsten Nachrichten des Tages, jeden Morgen direkt in dein Postfach!"),
    ("newsletter", "Inscrivez-vous à notre newsletter pour ne rien manquer."),
    ("newsletter", "Get more Denver news by signing up for our Mile High Roundup email newsletter."),
    ("newsletter", "Tilmeld dig Politikens nyhedsbrev og få dagens vigtigste historier"),
    ("follow", "Follow the Daily Courier on Twitter and Instagram for more local news."),
    ("follow", "Folgen Sie uns auf Instagram und verpassen Sie keine Geschichte."),
    ("follow", "Did you make this recipe? Tag @jessicagavin on Instagram and hashtag it #jessicagavin"),
    ("follow", "Dziękujemy, że przeczytałaś/eś nasz artykuł do końca. Bądź na bieżąco! Obserwuj nas w Google."),
    ("follow", "¿Quieres estar informado? Únete a nuestro canal de WhatsApp desde tu celular."),
    ("author", "Maria Lopez is a freelance writer based in Madrid who covers food and travel."),
    ("author", "Schreibt seit 2015 über Digitalpolitik und lebt mit ihrer Katze in Leipzig."),
    ("licence", "Dieser Beitrag steht unter einer Creative Commons Lizenz (CC BY-SA 4.0)."),
    (
        "licence",
        "When you purchase through links on our site, we may earn an affiliate commission. Here's how it works.",
    ),
    ("licence", "Trotz sorgfältiger Prüfung übernehmen wir keine Haftung für die Inhalte externer Links."),
    ("licence", "Advertising disclosure: some of the products we review pay us a fee when you buy them."),
    ("comment_form", "Comments are moderated and will appear once approved by our editors."),
    ("comment_form", "Bitte halten Sie sich beim Kommentieren an unsere Netiquette."),
    ("more", "Das Thema könnte dich auch interessieren:"),
    ("paywall", "Your subscription will auto-renew each month until you cancel."),
    ("shop", "Liked the recipe? Add the ingredients to your basket and we deliver them tomorrow."),
    ("shop", "Unterzeichnen Sie jetzt die Petition für saubere Flüsse!"),
    ("empty", "Es gibt derzeit keine bevorstehenden Termine."),
    ("empty", "Aucun commentaire pour le moment."),
    ("paywall", "Gefällt Ihnen unser Magazin? Dann unterstützen Sie unsere Redaktion mit einer Spende."),
]

KEPT = [  # article prose that shares words with the families
    "The newsletter industry has grown quickly, analysts say, as readers tire of social media feeds.",
    "She followed the protest on Twitter before driving to the square herself.",
    "Der Autor des Gesetzes sagte, die Haftung der Betreiber müsse klarer geregelt werden.",
    "Creative industries in the region employ more than 40,000 people, the report found.",
    "Kommentare der Opposition wurden im Landtag zurückgewiesen.",
    "The writer Maria Lopez, who lives in Madrid, told the court she had never met the defendant.",
    "Los usuarios de Telegram en el país superan ya los dos millones, según el informe.",
    "Le ministre n'a fait aucun commentaire sur l'affaire avant la réunion du conseil.",
    "There are no easy answers, the minister said, but the town will rebuild the bridge.",
]


@pytest.mark.parametrize(("family", "text"), FOUND)
def test_a_notice_is_found_by_its_family(family: str, text: str) -> None:
    norm = normalise(text)
    assert notice_family(norm, norm.count(" ")) == family
    page = article(middle=(text,))
    assert flagged(page, lint_text(page, select=["DEB"])) == [text]  # DEB001, or DEB002 for a sign-up it knows


@pytest.mark.parametrize("text", KEPT)
def test_article_prose_sharing_its_words_is_kept(text: str) -> None:
    norm = normalise(text)
    assert notice_family(norm, norm.count(" ")) is None
    page = article(middle=(text,))
    assert lint_text(page, select=["DEB"]) == []


def test_a_phrase_deep_in_a_long_paragraph_is_a_quote_not_a_notice() -> None:
    quote = " ".join(PARAGRAPHS) + " One reader wrote that comments are moderated too strictly on the site."
    norm = normalise(quote)
    assert norm.count(" ") >= 40 and notice_family(norm, norm.count(" ")) is None


def test_a_notice_inside_the_body_is_reported_by_deb001_with_its_family() -> None:
    box = "Trotz sorgfältiger Prüfung übernehmen wir keine Haftung für die Inhalte externer Links."
    text = article(middle=(box,))
    findings = lint_text(text, select=["DEB"])
    assert flagged(text, findings) == [box]
    assert findings[0].rule == "DEB001" and FAMILIES["licence"] in findings[0].message
    assert findings[0].fix is not None and findings[0].fix.applicability == "unsafe"


def test_an_authors_sign_off_under_the_last_paragraph_is_kept_a_box_elsewhere_is_not() -> None:
    bio = "Maria Lopez is a freelance writer based in Madrid who covers food and travel."
    signed = article(after=(bio,))
    assert lint_text(signed, select=["DEB"]) == []
    boxed = article(middle=(bio,))
    assert flagged(boxed, lint_text(boxed, select=["DEB"])) == [bio]


def test_a_notice_right_under_the_last_paragraph_is_found_though_a_sign_off_would_be_kept() -> None:
    follow = "Follow the Daily Courier on Twitter and Instagram"  # no full stop: not prose, so below the body
    text = article(after=(follow,))
    assert flagged(text, lint_text(text, select=["DEB"])) == [follow]
    sign_off = article(after=("- REUTERS",))
    assert lint_text(sign_off, select=["DEB"]) == []


def test_a_lines_notice_family_is_cached_by_its_text_and_asked_once() -> None:
    """`line_notice` answers once per line (DEB's analysis and DEB001's message both ask): a line read whole
    (fewer than 40 words) and a long paragraph read by its head only keep their own answers, asked again."""
    from scrapelint.rules.deb.notices import line_notice

    late = "x " * 150 + "Sign up for our newsletter"  # the phrase past the head of a long paragraph
    for _ in range(2):
        assert line_notice(late, 155) is None
        assert line_notice("Sign up for our newsletter today", 6) == "newsletter"
        assert line_notice("The minister said on Tuesday that the plan would go ahead.", 11) is None


@pytest.mark.parametrize(
    "quoting",
    [
        "You've seen the box a thousand times: “We use cookies to improve your experience. Accept all or manage "
        "your preferences.” Most people click the big green button to make it go away.",
        'Publishers test many messages. One newspaper found that "Subscribe to continue reading" converted twice as '
        "well as a softer request for support, according to its annual report.",
        "Die Verbraucherschützer kritisieren, dass der Hinweis „Wir verwenden Cookies“ auf vielen Seiten die "
        "Ablehnung schwerer macht als die Zustimmung.",
    ],
)
def test_a_paragraph_quoting_a_banner_or_a_paywall_is_the_articles(quoting: str) -> None:
    """An article about cookie banners or paywalls quotes their words: the safe fix deleted such paragraphs as
    "a cookie, consent, newsletter or paywall box" (red-team round 3). The banner itself is still found."""
    text = article(middle=(quoting,))
    assert not any(quoting in span for span in flagged(text, lint_text(text, select=["DEB"])))
    banner = "We use cookies to improve your experience. Accept all or manage your preferences."
    text = article(after=(banner,))
    assert banner in flagged(text, lint_text(text, select=["DEB"]))


@pytest.mark.parametrize(
    "line",
    [
        "Thanks for reading The Slow Lane! Subscribe for free to receive new posts and support my work.",
        "View this email in your browser",
        "If you enjoyed this, give it a clap and follow me for more.",
        "Enjoyed this episode? Leave us a review on Apple Podcasts.",
        "Subscribe to News24 for R75 per month to read all our stories.",
        "Only News24 subscribers can comment on this article.",
        "Transcript generated automatically. May contain errors.",
        "…see more",
        "Access Paper:",
        "5.0 of 5 bubbles",
        "Date of stay: October 2024",
    ],
)
def test_the_platforms_boxes_and_buttons_are_found(line: str) -> None:
    """What newsletter platforms, Medium, podcasts, paywalled comments, preprint and review sites print around a
    text (rules/data/debris_*.platforms.txt; red-team round 3): found after the article, which is kept."""
    text = article(after=(line,))
    found = flagged(text, lint_text(text, select=["DEB"]))
    assert any(line in span for span in found)
    assert not any(paragraph in span for span in found for paragraph in PARAGRAPHS)


def test_a_notice_beside_a_footers_menu_leaves_the_menus_fix_safe() -> None:
    """A notice in the same run as a footer's links made one finding of mixed kinds, whose fix is unsafe: the
    links lost their safe fix (red-team round 3). The notice is its own finding."""
    footer = ("Privacy Policy", "Terms of Use", "Contact Us")
    notice = "Advertising disclosure: some of the products we review pay us a fee when you buy them."
    text = article(after=(*footer, notice))
    found = {text[f.start : f.end]: f.fix.applicability for f in lint_text(text, select=["DEB"]) if f.fix}
    assert found["\n\n".join(footer)] == "safe"
    assert found[notice] == "unsafe"
