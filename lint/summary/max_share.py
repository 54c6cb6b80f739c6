"""`--max-share`: batch thresholds such as "at most 5% of the articles may carry debris".

`DEB=0.05` (or `DEB=5%`) holds for the whole batch; `b.example.com:DEB002=0.1` for one site.
The left side is a rule code, a prefix (`DEB00`) or a family, matched as `--select` matches.
"""

from __future__ import annotations

from dataclasses import dataclass

from scrapelint.summary.model import SiteSummary, Summary


class GateError(ValueError):
    """A `--max-share` value that does not parse (a usage error: exit 2)."""


@dataclass(frozen=True)
class MaxShare:
    selector: str
    limit: float  # 0..1
    site: str | None = None  # None: the whole batch

    @classmethod
    def parse(cls, text: str) -> MaxShare:
        target, sep, raw = text.rpartition("=")
        site, _, selector = target.rpartition(":")
        selector = selector.strip().upper()
        try:
            limit = float(raw.strip().removesuffix("%")) / (100 if raw.strip().endswith("%") else 1)
        except ValueError:
            limit = -1.0
        if not sep or not selector or not 0 <= limit <= 1:
            raise GateError(f"--max-share {text!r}: expected [SITE:]RULE=SHARE, SHARE in 0..1 or a percentage")
        return cls(selector, limit, site.strip() or None)

    def where(self) -> str:
        return self.site or "batch"


@dataclass(frozen=True)
class GateFailure:
    gate: MaxShare
    share: float
    articles: int  # articles with such a finding
    total: int  # articles checked

    def line(self) -> str:
        return (
            f"{self.gate.where()}: {self.gate.selector} in {self.share:.1%} of articles "
            f"({self.articles} of {self.total}), above --max-share {self.gate.limit:.1%} — gate failed"
        )


def share_of(site: SiteSummary, selector: str) -> tuple[int, float]:
    """(articles, share) with at least one finding that `selector` selects."""
    for table in (site.rules, site.families, site.selectors):
        if selector in table:
            return table[selector].articles, table[selector].share
    return 0, 0.0


def extra_selectors(gates: list[MaxShare]) -> tuple[str, ...]:
    """Selectors the fold must count itself: it counts families and rules anyway, every prefix is counted here."""
    return tuple(sorted({gate.selector for gate in gates}))


def check_gates(summary: Summary, gates: list[MaxShare]) -> list[GateFailure]:
    """Every gate whose share is exceeded; a per-site gate on a site absent from the batch passes."""
    failures = []
    for gate in gates:
        site = summary.batch if gate.site is None else summary.sites.get(gate.site)
        if site is None or not site.articles:
            continue
        articles, share = share_of(site, gate.selector)
        if articles / site.articles > gate.limit:
            failures.append(GateFailure(gate, share, articles, site.articles))
    return failures
