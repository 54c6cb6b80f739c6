"""DEB's line analysis is made once per article in a run, though DUP004 reads it after DEB's cache is dropped."""

from __future__ import annotations

import pytest

from scrapelint.config import Settings, resolve_rules
from scrapelint.engine import Linter
from scrapelint.models import Article
from scrapelint.rules.deb import body

PROSE = (
    "Negotiators from the three countries met in the capital on Tuesday for the first time in a year, "
    "and officials said the talks had gone better than many observers expected."
)
TITLE = "Neighbours resume talks over river dam"


def test_dup004_reads_debs_preamble_without_a_second_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    analyse = body._analyse

    def counted(doc: object) -> body.Analysis:
        calls.append(1)
        return analyse(doc)  # type: ignore[arg-type]

    monkeypatch.setattr(body, "_analyse", counted)
    # the title first below paragraphs of prose, then again: DUP004 asks where DEB keeps the headline
    paragraphs = [PROSE, PROSE.replace("Tuesday", "Monday"), PROSE.replace("three", "four"), TITLE, PROSE, TITLE]
    article = Article(id="a", path="a.txt", text="\n\n".join(paragraphs), title=TITLE)
    alone = Settings(select=["DUP004"])
    expected = [(f.start, f.end) for f in Linter(resolve_rules(alone), alone).lint(article)]
    assert expected and len(calls) == 1
    calls.clear()
    both = Settings(select=["DEB", "DUP004"])
    findings = Linter(resolve_rules(both), both).lint(article)
    assert [(f.start, f.end) for f in findings if f.rule == "DUP004"] == expected
    assert len(calls) == 1
