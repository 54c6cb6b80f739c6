"""rules/lexicon.py: the data files' patterns joined into one regex."""

from __future__ import annotations

import re

from scrapelint.rules.lexicon import alternation


def test_an_empty_section_matches_no_line() -> None:
    """A data section left empty must flag nothing, not every line (an empty regex matches everywhere)."""
    pattern = alternation([])
    assert pattern.search("Share this article") is None
    assert pattern.match("") is None


def test_any_entry_matches_with_the_flags_given() -> None:
    """Each entry of a section is one alternative, matched with the section's flags (captions: any case)."""
    pattern = alternation(["photo: .+", "getty images"], re.IGNORECASE)
    assert pattern.fullmatch("PHOTO: Jane Doe")
    assert pattern.fullmatch("Getty Images")
    assert not pattern.fullmatch("Share this")
