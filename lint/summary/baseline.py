"""Regressions against the summary of an earlier run: which sites got worse, on which rule, by how much.

A site regressed on a rule (or a family) when all three hold:
- its share of articles with that finding rose by more than `points` percentage points (default 10);
- it has at least `min_articles` articles (default 20) in both runs;
- a one-sided two-proportion z-test (pooled) gives p < ALPHA / m, where m is the number of rules and
  families compared at that site (Bonferroni): a rise that large is unlikely to be chance at those
  sample sizes, even though some thirty rules are tried per site. 10 points on 20 articles is noise;
  on 300 it is a breakage. So a healthy site is flagged in at most about 1% of runs.
A family is reported only when none of its rules is, so one broken banner is one line, not two.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from scrapelint.summary.model import SiteSummary, Summary

ALPHA = 0.01  # one-sided significance level of the two-proportion test
DEFAULT_POINTS = 10.0
DEFAULT_MIN_ARTICLES = 20


def rise_p_value(before: int, n_before: int, after: int, n_after: int) -> float:
    """One-sided p-value that the share after is no higher than before (pooled two-proportion z-test)."""
    if not n_before or not n_after:
        return 1.0
    pooled = (before + after) / (n_before + n_after)
    spread = math.sqrt(pooled * (1 - pooled) * (1 / n_before + 1 / n_after))
    rise = after / n_after - before / n_before
    if spread == 0:
        return 0.0 if rise > 0 else 1.0
    return 0.5 * math.erfc(rise / spread / math.sqrt(2))


@dataclass(frozen=True)
class Regression:
    site: str
    code: str  # rule code or family
    name: str
    share: float
    articles: int
    was: float
    was_articles: int
    p_value: float

    def line(self) -> str:
        """`b.example.com: DEB002 consent-box in 64% of articles (312), was 2% (298) — regression`"""
        return (
            f"{self.site}: {self.code} {self.name} in {self.share:.0%} of articles ({self.articles}), "
            f"was {self.was:.0%} ({self.was_articles}) — regression"
        )


@dataclass
class Comparison:
    regressions: list[Regression]
    new_sites: list[str]
    vanished_sites: list[str]
    too_small: list[str]  # sites in both runs, with too few articles in one of them to judge


def compare(
    baseline: Summary,
    current: Summary,
    points: float = DEFAULT_POINTS,
    min_articles: int = DEFAULT_MIN_ARTICLES,
    alpha: float = ALPHA,
) -> Comparison:
    """Every regression of a site present in both summaries; new and vanished sites listed, not judged."""
    regressions: list[Regression] = []
    too_small: list[str] = []
    for site, now in current.sites.items():
        before = baseline.sites.get(site)
        if before is None:
            continue
        if now.articles < min_articles or before.articles < min_articles:
            too_small.append(site)
            continue
        regressions += _site_regressions(site, before, now, points, alpha, comparable(baseline, current))
    return Comparison(
        regressions=regressions,
        new_sites=sorted(current.sites.keys() - baseline.sites.keys()),
        vanished_sites=sorted(baseline.sites.keys() - current.sites.keys()),
        too_small=too_small,
    )


def comparable(baseline: Summary, current: Summary) -> Callable[[str], bool]:
    """Whether a rule or family measured the same thing in both runs.

    A rule is comparable when both runs ran it; a family when both ran the same rules of it. A rule
    switched on since the baseline is new, not a regression. Summaries without `rules_checked`
    (written by hand, or by another tool) compare everything.
    """
    if not baseline.rules_checked or not current.rules_checked:
        return lambda code: True
    before, now = set(baseline.rules_checked), set(current.rules_checked)

    def family_rules(codes: set[str], family: str) -> set[str]:
        return {code for code in codes if code.rstrip("0123456789") == family}

    def check(code: str) -> bool:
        if code.rstrip("0123456789") != code:
            return code in before and code in now
        return family_rules(before, code) == family_rules(now, code)

    return check


def _site_regressions(
    site: str, before: SiteSummary, now: SiteSummary, points: float, alpha: float, same: Callable[[str], bool]
) -> list[Regression]:
    found: list[Regression] = []
    tested = {code for table in (now.rules, before.rules, now.families, before.families) for code in table}
    alpha /= max(1, sum(map(same, tested)))  # Bonferroni: each site gets `alpha` in all
    for table_now, table_before in ((now.rules, before.rules), (now.families, before.families)):
        for code, share in table_now.items():
            if not same(code):
                continue
            old = table_before.get(code)
            was_k = old.articles if old else 0
            was = was_k / before.articles
            rise = share.articles / now.articles - was
            if rise * 100 <= points:
                continue
            p_value = rise_p_value(was_k, before.articles, share.articles, now.articles)
            if p_value >= alpha:
                continue
            if table_now is now.families and any(r.code.rstrip("0123456789") == code for r in found):
                continue  # one of its rules says it already
            name = share.name or (old.name if old else "")
            found.append(Regression(site, code, name, share.share, now.articles, was, before.articles, p_value))
    return found
