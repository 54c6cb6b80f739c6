"""Kickers over the headline, post-to-post links, app prompts and shop widgets are debris (issue #15)."""

from __future__ import annotations

from .conftest import lint_text
from .test_deb import PARAGRAPHS, article


def reported(text: str) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start : f.end]) for f in lint_text(text, select=["DEB"])]


def test_a_section_label_over_the_headline_is_reported_and_the_headline_kept() -> None:
    for label in ("AUTO NEWS", "Company Town", "Fact Check"):
        text = "\n\n".join([label, "Council passes budget after long debate", "By Jane Doe", *PARAGRAPHS])
        assert reported(text) == [("DEB001", label)]


def test_a_short_headline_over_its_byline_is_kept() -> None:
    text = "\n\n".join(["Budget Passes", "By Jane Doe", *PARAGRAPHS])
    assert reported(text) == []


def test_the_authors_name_under_the_headline_is_no_kicker() -> None:
    """A name under the headline, over its outlet's credit, read as a section label over a headline: the safe fix
    deleted the author's name (a red-team page of a Brazilian portal)."""
    preamble = ["São Paulo terá nova linha de metrô até Guarulhos em 2026", "Fernanda Oliveira"]
    text = "\n\n".join([*preamble, "Colaboração para o UOL, em São Paulo", *PARAGRAPHS])
    assert reported(text) == []


def test_post_links_app_prompts_and_shop_widgets() -> None:
    lines = {
        "Previous Post": "DEB001",
        "Next Post: How the council spent last year's money": "DEB001",
        "Back to Gallery": "DEB001",
        "For the latest stories and breaking news, download the City News apps.": "DEB001",
        "Available from Amazon": "DEB003",
        "BGR may receive a commission": "DEB003",
        "Buy Now": "DEB003",
    }
    for line, rule in lines.items():
        assert reported(article(middle=(line,))) == [(rule, line)], line


def test_a_long_menu_between_paragraphs_is_furniture_but_an_announced_list_is_not() -> None:
    menu = ("Accountancy", "Agriculture", "Automotive", "Banking", "Catering", "Construction", "Domestic", "Education")
    text = article(middle=menu)
    assert reported(text) == [("DEB001", "\n\n".join(menu))]
    announced = ("The council listed the services it will fund:", *menu)
    assert reported(article(middle=announced)) == []
