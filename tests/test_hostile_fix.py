"""Hostile input, case 1 of issue #20: a safe `fix` never empties an article.

A wire story syndicated on several pages of one site is duplication, not site
boilerplate; and whatever the rules say, `fix` itself refuses safe fixes that
would remove most of an article's text.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrapelint.config import Settings, resolve_rules
from scrapelint.document import Document
from scrapelint.engine import Linter
from scrapelint.fix import Summary, fix_article, fix_items
from scrapelint.models import Article, Finding
from scrapelint.rule import Rule

STORY = (
    "Officials approved a new budget on Tuesday after weeks of debate.\n"
    "The plan includes money for schools, roads and public transport.\n"
    "Critics said the increase would raise taxes for families next year."
)


def scrapelint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapelint", *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def test_syndicated_copies_are_not_emptied(tmp_path: Path) -> None:
    records = [{"id": i, "url": f"https://n.example/{i}", "text": STORY} for i in range(4)]
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    run = scrapelint("fix", "d.jsonl", "--isolated", cwd=tmp_path)
    assert run.returncode in (0, 1), run.stderr
    texts = [json.loads(line)["text"] for line in path.read_text().splitlines()]
    assert texts == [STORY] * 4


def _site_articles(bodies: list[str]) -> list[Article]:
    return [Article(id=str(i), text=b, url=f"https://n.example/{i}", path="d.jsonl") for i, b in enumerate(bodies)]


def _fixed(bodies: list[str], select: list[str], unsafe: bool = False) -> list[str]:
    linter = Linter(resolve_rules(Settings(select=select)), Settings(select=select))
    articles = _site_articles(bodies)
    return [
        outcome.text if outcome.text is not None else item.text  # type: ignore[union-attr]
        for item, outcome in fix_items(linter, lambda: articles, 1, unsafe)
    ]


def test_template_next_to_own_text_is_still_removed() -> None:
    pitch = "The Example Daily: news from the valley and the hills since 1921, every morning."  # (a notice's
    # phrase, "support independent journalism", would make the line DEB001's: this test is DEB008's alone)
    stories = [
        f"Story {i}: the council met on day {i} to discuss the harbour repairs.\n"
        f"Residents on street {i} asked for a decision before the winter storms."
        for i in range(5)
    ]
    fixed = _fixed([f"{story}\n{pitch}" for story in stories], ["DEB008"])
    assert fixed == stories


class EverythingIsDebris(Rule):
    """A real rule whose safe fix removes the whole body: what a too-eager rule would do."""

    code = "TST901"
    name = "everything-is-debris"
    summary = "The whole text."
    what = "Reports the whole text."
    why = "Testing the fix invariant."
    example = "x -> TST901"
    fixable = "safe"

    def check(self, doc: Document) -> Iterable[Finding]:
        if doc.text.strip():
            yield self.finding(doc, 0, len(doc.text), "all of it", fix=self.replace(0, len(doc.text)))


def test_fix_refuses_safe_fixes_that_remove_most_of_the_text() -> None:
    linter = Linter([EverythingIsDebris()])
    article = Article(id="a1", text=STORY, path="a.txt")
    result = fix_article(linter, article)
    assert result.article.text == STORY and result.guarded and not result.changed
    assert [f.fix.applicability for f in result.remaining if f.fix] == ["unsafe"]
    assert fix_article(linter, article, unsafe=True).article.text == ""  # the user asked for it
    summary = Summary()
    for item, outcome in fix_items(linter, lambda: [article], 1):
        summary.add(item, outcome)
    assert "a1" in summary.render() and "--unsafe-fixes" in summary.render()


LINES = st.sampled_from(
    [
        STORY,
        "Officials approved a new budget on Tuesday after weeks of debate.",
        "Share this article",
        "Skip to main content",
        "Accept all cookies",
        "Advertisement",
        "Read more: Council votes on the harbour plan",
        "The  mayor said the  plan was ready.",
        "Critics said the increase would raise taxes for families next year.",
        "Subscribe to our newsletter for the latest news.",
        "© 2024 Example News. All rights reserved.",
        "",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(LINES, min_size=1, max_size=6).map("\n".join), min_size=1, max_size=7))
def test_no_safe_fix_deletes_all_prose(bodies: list[str]) -> None:
    """Property: whatever mix of copies, templates and debris a site gives, no safe fix empties an article."""
    fixed = _fixed(bodies, ["DEB", "DUP", "FMT"])
    for before, after in zip(bodies, fixed, strict=True):
        if before.strip():
            assert after.strip(), before


def test_copies_of_one_article_are_not_site_boilerplate() -> None:
    """DEB008 reports template lines next to an article's own text, not the lines of an article copied whole."""
    select = ["DEB008"]
    linter = Linter(resolve_rules(Settings(select=select)), Settings(select=select))
    articles = _site_articles([STORY] * 4 + ["Officials approved a new budget on Tuesday after weeks of debate."])
    from scrapelint.engine import run

    assert [f for result in run(linter, lambda: articles) for f in result.findings] == []
