"""Rule selection: defaults, prefixes, ALL, ignore, and rules that must be named explicitly."""

from __future__ import annotations

import pytest

from scrapelint.config import ConfigError, Settings, resolve_rules
from scrapelint.rule import all_rules


def codes(**settings) -> set[str]:
    return {rule.code for rule in resolve_rules(Settings(**settings))}


def test_default_selection_is_the_rules_marked_on() -> None:
    assert codes() == {code for code, rule in all_rules().items() if rule.enabled_by_default}


def test_prefixes_select_and_ignore_wins() -> None:
    assert codes(select=["DUP"]) == {c for c in all_rules() if c.startswith("DUP")}
    assert codes(select=["DUP00"], ignore=["DUP002"]) == {c for c in all_rules() if c.startswith("DUP00")} - {"DUP002"}


def test_extend_select_adds_an_off_by_default_rule() -> None:
    off = next(code for code, rule in all_rules().items() if not rule.enabled_by_default and not rule.explicit_only)
    assert off not in codes() and off in codes(extend_select=[off])


def test_a_rule_that_needs_a_server_is_not_pulled_in_by_a_prefix() -> None:
    assert "TYP009" not in codes(select=["TYP"]) and "TYP009" not in codes(select=["ALL"])
    with pytest.raises(ConfigError, match="LanguageTool is not available"):
        resolve_rules(Settings(select=["TYP009"]))


def test_unknown_selector_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule selector 'XYZ'"):
        resolve_rules(Settings(select=["XYZ"]))


def test_findings_inside_a_block_that_is_removed_are_not_reported_twice() -> None:
    from tests.conftest import lint_text

    body = "A real first paragraph of the article, long enough to be the body of it all.\n" * 3
    teaser = "Skip  to main content"  # a UI line with a doubled space inside it
    findings = lint_text(teaser + "\n" + body, select=["DEB", "FMT"])
    assert [f.rule for f in findings if f.start < len(teaser)] == ["DEB001"]
