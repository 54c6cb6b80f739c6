"""The body is where the article goes on, not an earlier teaser of its lead in a news list above it."""

from __future__ import annotations

from scrapelint.rules.deb.leadcopy import copies_lead

from .conftest import lint_text

LEAD = (
    "The city council approved the new budget on Tuesday after a debate that lasted more than six hours, "
    "with members arguing over libraries, roads and the fire service until long after midnight in the old town hall."
)
REST = (
    "Council members said the plan would fund two new libraries and repair roads in the northern districts.",
    "Opponents argued that the spending would force a rise in local taxes within the next two years.",
)
MENU = ("Sign in", "Subscribe", "Newsletter", "Contact us", "Privacy policy")


def test_the_article_below_a_teaser_of_its_lead_is_not_flagged() -> None:
    teaser = ("Breaking News", "Council passes budget after long debate", "By Jane Doe", LEAD, "Storm closes schools")
    article = ("Council passes budget after long debate", LEAD, *REST)
    text = "\n\n".join([*teaser, *MENU, *article])
    body_start = text.rindex("Council passes budget")
    assert [f.rule for f in lint_text(text, select=["DEB"]) if f.end > body_start] == []


def test_copies_lead() -> None:
    assert copies_lead([LEAD], ["Council passes budget", LEAD.upper().lower(), *REST])
    assert not copies_lead([REST[0]], ["Council passes budget", LEAD])
