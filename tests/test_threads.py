"""DEB009: a reader-comment thread is one finding, found by its structure, and its fix keeps the article."""

from __future__ import annotations

from scrapelint.fix import apply_fixes

from .conftest import lint_text
from .test_deb import PARAGRAPHS, article

WORDPRESS = (
    "34 thoughts on “Council passes budget after long debate”",
    "gunner1987 says:",
    "November 19, 2019 at 6:34 am",
    "The roads in the north have needed this money for years, good news at last.",
    "Reply",
    "Maria L. says:",
    "November 19, 2019 at 7:02 am",
    "I doubt the second vote will be as easy as the mayor thinks it will be.",
    "Reply",
    "Leave a Reply",
    "You must be logged in to post a comment.",
)


def threads(text: str) -> list:
    return [f for f in lint_text(text, select=["DEB"]) if f.rule == "DEB009"]


def test_a_thread_is_one_finding_and_its_safe_fix_keeps_the_article() -> None:
    text = article(after=WORDPRESS)
    found = threads(text)
    assert [text[f.start : f.end] for f in found] == ["\n\n".join(WORDPRESS)]
    assert "2 comments" in found[0].message
    fixed, _, _ = apply_fixes(text, [f.fix for f in found if f.fix and f.fix.applicability == "safe"])
    assert fixed == article()


def test_a_thread_without_a_heading_in_another_language_is_found_by_its_structure() -> None:
    thread = (
        "Evi",
        "19. Juni 2019 / 17:29",
        "Liebe Martina, das ist eine sehr edle und schicke Handtasche, ein besonderes Stück.",
        "Antworten",
        "Martina Berg",
        "19. Juni 2019 / 19:02",
        "Liebe Evi, danke für Deine charmante Rückmeldung und einen schönen Abend.",
        "Antworten",
    )
    text = article(after=thread)
    assert [text[f.start : f.end] for f in threads(text)] == ["\n\n".join(thread[1:])]


def test_dated_lines_of_the_article_are_no_thread() -> None:
    # a live blog's entries and a dateline: timestamps with text between them, inside the article's start
    entries = ("10:02 am", PARAGRAPHS[0], "10:45 am", PARAGRAPHS[1], "11:30 am", PARAGRAPHS[2])
    text = "\n\n".join(["Budget vote: live", "By Jane Doe", "March 5, 2024", *entries, PARAGRAPHS[3]])
    assert threads(text) == []
    assert threads(article()) == []
