"""An article's quality score: how much of its text is left once debris and repeats are taken out.

One number in [0, 1] per article, so a batch can be gated or filtered ("drop what is mostly debris")
without reading findings one by one. Only the families that say "this text should not be here"
count (DEB, DUP); a typo or an odd date does not make an article unpublishable.
"""

from __future__ import annotations

from collections.abc import Iterable

from scrapelint.models import Finding, Severity

# Families whose findings mark text that does not belong in the article.
SCORED_FAMILIES = ("DEB", "DUP")
# A finding the rule is sure of counts fully; an `info` finding (a guess, a caption) counts half.
SEVERITY_WEIGHT = {Severity.error: 1.0, Severity.warning: 1.0, Severity.info: 0.5}


def quality_score(findings: Iterable[Finding], text_length: int) -> float:
    """1 - (weighted share of the body covered by DEB/DUP findings), rounded to 3 places.

    Text covered by several findings counts once, at the highest weight among them; an empty body
    scores 0.
    """
    if text_length <= 0:
        return 0.0
    full: list[tuple[int, int]] = []
    every: list[tuple[int, int]] = []
    for finding in findings:
        if finding.field not in (None, "text") or finding.family not in SCORED_FAMILIES:
            continue
        span = (max(0, finding.start), min(text_length, finding.end))
        every.append(span)
        if SEVERITY_WEIGHT[finding.severity] == 1.0:
            full.append(span)
    covered_full = _union_length(full)
    covered_half = _union_length(every) - covered_full
    return round(max(0.0, 1.0 - (covered_full + 0.5 * covered_half) / text_length), 3)


def _union_length(spans: list[tuple[int, int]]) -> int:
    """Characters covered by at least one span."""
    total = 0
    reach = 0
    for start, end in sorted(spans):
        begin = max(start, reach)
        if end > begin:
            total += end - begin
            reach = end
    return total
