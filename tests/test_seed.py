"""The seed article, a real scrape with real defects, through every default rule: the acceptance test.

Each issue's quality bar is asserted directly; a golden listing (rule, position, flagged text)
catches any other change. Regenerate it with SCRAPELINT_UPDATE_GOLDEN=1 after a deliberate change.
"""

from __future__ import annotations

import os

import pytest

from scrapelint.models import Finding
from tests.conftest import ROOT, SEED_PATH, lint_text

GOLDEN = ROOT / "tests" / "golden" / "seed_findings.txt"


@pytest.fixture(scope="module")
def findings(seed_text: str) -> list[Finding]:
    return lint_text(seed_text, path=str(SEED_PATH.relative_to(ROOT)), id=str(SEED_PATH.relative_to(ROOT)))


def flagged_by(findings: list[Finding], text: str, family: str) -> list[str]:
    return [text[f.start : f.end] for f in findings if f.rule.startswith(family)]


def covers(findings: list[Finding], text: str, phrase: str, family: str, occurrence: int = 0) -> bool:
    """Some finding of the family covers the given occurrence of the phrase."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    return any(f.rule.startswith(family) and f.start <= start and end <= f.end for f in findings)


def hits(findings: list[Finding], text: str, phrase: str, family: str) -> bool:
    """Some finding of the family lies inside the first occurrence of the phrase."""
    start = text.index(phrase)
    return any(f.rule.startswith(family) and start <= f.start and f.end <= start + len(phrase) for f in findings)


def test_debris_is_found_and_content_is_not(findings: list[Finding], seed_text: str) -> None:
    assert covers(findings, seed_text, "Skip to main content", "DEB")
    teasers = seed_text[seed_text.index("Misleading ads") :].rstrip()
    deb = [f for f in findings if f.rule.startswith("DEB") and f.start >= seed_text.index("Misleading ads")]
    assert sum(f.end - f.start for f in deb if f.rule == "DEB004") >= 0.95 * len(teasers)
    assert covers(findings, seed_text, "The low price to farmer", "DEB005")
    for content in (
        "We shouldn’t overstate",
        "By Harsh Thakor",
        "Strides in USSR",
        "Stalin’s methods\n",
        "Major errors of Stalin",
        "How Russians view Stalin",
        "Harsh Thakor is a freelance journalist",
    ):
        assert not covers(findings, seed_text, content, "DEB"), content


def test_repeats_are_found_on_the_later_copy(findings: list[Finding], seed_text: str) -> None:
    block = "Stalin analysed the problem of counter-revolution with only criteria of a police paradigm"
    assert covers(findings, seed_text, block, "DUP", occurrence=1)
    assert not covers(findings, seed_text, block, "DUP", occurrence=0)
    assert covers(findings, seed_text, "Stalin’s regime exhibited heavy handed", "DUP", occurrence=1)
    assert covers(findings, seed_text, "Hard times invite hard measures.", "DUP", occurrence=1)
    assert covers(findings, seed_text, "Stalin was born on December 18th, 1878, in Gori, Georgia.", "DUP003")
    for finding in (f for f in findings if f.rule in ("DUP001", "DUP002")):
        assert finding.related is not None and finding.related.start < finding.start
        assert finding.fix is not None and finding.fix.applicability == "safe"


def test_typos_are_found_and_names_and_british_spellings_are_not(findings: list[Finding], seed_text: str) -> None:
    for typo in ("Proletraitis", "Yugoslavaia", "supress", "Inspite", "Infact", "an paving", "Volgoda", "Wold War"):
        assert hits(findings, seed_text, typo, "TYP"), typo
    typ = " | ".join(flagged_by(findings, seed_text, "TYP"))
    stray = [seed_text[f.start : f.end] for f in findings if f.rule == "TYP004"]
    assert sorted(s.strip() for s in stray) == ["g", "t", "t"]  # the second 'g' lies in the repeated block
    for word in (
        "labour",
        "organised",
        "centres",
        "favourably",
        "practised",
        "Dzhugashvili",
        "Vissarionovich",
        "Zinoviev",
        "Kamenev",
        "Bukharin",
        "Furr",
        "Levada",
        "Pipiya",
        "Byzov",
        "Thakor",
        "CPSU",
        "CPC",
        "Tiflis",
        "Batum",
        "Gori",
    ):
        assert word not in typ, word


def test_spacing_glitches_are_found(findings: list[Finding], seed_text: str) -> None:
    for glitch in ("Stalin .in", "power .Stalin", "Volgoda.Stalin", "19808.Eight", "Brzola ,which", "missed it.."):
        assert hits(findings, seed_text, glitch, "FMT"), glitch
    fmt = " | ".join(flagged_by(findings, seed_text, "FMT"))
    assert "U.S.S.R" not in fmt and "22.6%" not in fmt and "1,600" not in fmt


def test_the_impossible_year_is_found_and_valid_dates_are_not(findings: list[Finding], seed_text: str) -> None:
    [year] = [f for f in findings if f.rule.startswith("DAT")]
    assert seed_text[year.start : year.end] == "19808" and "four digits" in year.message
    assert year.fix is not None and year.fix.applicability == "unsafe" and year.fix.replacement == "1908"


def test_golden_listing(findings: list[Finding], seed_text: str) -> None:
    listing = "".join(f"{f.line}:{f.column} {f.rule} {seed_text[f.start : f.end][:60]!r}\n" for f in findings)
    if os.environ.get("SCRAPELINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(listing, "utf-8")
    assert listing == GOLDEN.read_text("utf-8")
