"""A bound on the findings one rule reports on one article.

A megabyte of NUL bytes or of `<b>` tags would otherwise give a million findings, each a
few kilobytes, all held at once (issue #20). Past the cap the rest are counted, not
kept, and one last finding says how many there were; `fix` applies the fixes it sees
and finds the next batch on its next pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from scrapelint.models import Finding

MAX_FINDINGS_PER_RULE = 1000  # per article: far beyond what a reader can act on


def capped(findings: Iterable[Finding], limit: int = MAX_FINDINGS_PER_RULE) -> Iterator[Finding]:
    """The first `limit` findings, then (if there were more) one finding that counts the rest."""
    iterator = iter(findings)
    for count, finding in enumerate(iterator):
        if count == limit:
            more = 1 + sum(1 for _ in iterator)
            yield finding.model_copy(
                update={
                    "message": f"and {more:,} more finding{'s' * (more != 1)} of {finding.rule} in this article, "
                    f"not listed (at most {limit:,} per rule and article)",
                    "fix": None,
                    "related": None,
                }
            )
            return
        yield finding
