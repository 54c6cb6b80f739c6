"""The summary as it is written to JSON and read back as a baseline (`scrapelint schema --summary`)."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field

from scrapelint.summary.fold import BATCH, BatchFold, SiteCounts, histogram_median

SCHEMA_VERSION = 1

FAMILY_NAMES = {
    "DEB": "scraping debris",
    "DUP": "duplication",
    "TYP": "spelling and grammar",
    "FMT": "spacing and encoding",
    "DAT": "dates",
    "META": "metadata",
    "ERR": "input errors",
}


class Share(BaseModel):
    """How many of a site's articles have at least one finding of a rule or family."""

    name: str = Field("", description="Rule name, or a family's description.")
    articles: int
    share: float = Field(description="articles / the site's articles, 0..1 (4 places).")


class Quality(BaseModel):
    """The article quality scores (see `scrapelint.quality.quality_score`) of a site."""

    mean: float
    median: float
    below_half: int = Field(description="Articles scoring below 0.5: mostly debris or repeats.")
    share_below_half: float


class SiteSummary(BaseModel):
    """One site's (or the whole batch's) counts."""

    articles: int
    with_findings: int = Field(description="Articles with at least one finding (input errors not counted).")
    share_with_findings: float
    findings: int
    median_findings: float = Field(description="Median number of findings per article.")
    findings_per_article: dict[str, int] = Field(
        description="Histogram: number of findings (capped at 1000) -> articles; merges across runs."
    )
    debris_share: float = Field(description="Share of the text's characters covered by DEB findings, 0..1.")
    text_chars: int
    debris_chars: int
    input_errors: int
    families: dict[str, Share]
    rules: dict[str, Share]
    selectors: dict[str, Share] = Field(default_factory=dict, description="Prefixes asked about by --max-share.")
    quality: Quality
    languages: dict[str, int] = Field(description="Article language (`und` when unknown) -> articles.")


class Summary(BaseModel):
    """`scrapelint check --summary summary.json`: per site and for the batch."""

    version: int = SCHEMA_VERSION
    site_field: str = Field(description="What names a site: `url` (its host) or the field given by --site-field.")
    unreadable_records: int = Field(0, description="Records that could not be read as an article.")
    rules_checked: list[str] = Field(
        default_factory=list, description="Codes of the rules that ran: a baseline compares only rules both runs ran."
    )
    batch: SiteSummary
    sites: dict[str, SiteSummary] = Field(description="Site -> its counts, worst first.")


def _share(n: int, total: int) -> float:
    return round(n / total, 4) if total else 0.0


def site_summary(counts: SiteCounts, names: dict[str, str]) -> SiteSummary:
    n = counts.articles
    return SiteSummary(
        articles=n,
        with_findings=counts.with_findings,
        share_with_findings=_share(counts.with_findings, n),
        findings=counts.findings,
        median_findings=histogram_median(counts.per_article),
        findings_per_article={str(k): v for k, v in sorted(counts.per_article.items())},
        debris_share=_share(counts.debris_chars, counts.text_chars),
        text_chars=counts.text_chars,
        debris_chars=counts.debris_chars,
        input_errors=counts.input_errors,
        families={
            family: Share(name=FAMILY_NAMES.get(family, ""), articles=k, share=_share(k, n))
            for family, k in sorted(counts.families.items())
        },
        rules={
            code: Share(name=names.get(code, ""), articles=k, share=_share(k, n))
            for code, k in sorted(counts.rules.items())
        },
        selectors={code: Share(articles=k, share=_share(k, n)) for code, k in sorted(counts.selectors.items())},
        quality=Quality(
            mean=round(counts.score_sum / n, 3) if n else 1.0,
            median=histogram_median(counts.scores) / 100 if n else 1.0,
            below_half=counts.low_score,
            share_below_half=_share(counts.low_score, n),
        ),
        languages=dict(counts.languages.most_common()),
    )


def badness(site: SiteSummary) -> tuple[float, float, float]:
    """Sort key, worst first: lowest mean quality score, then most text flagged as debris, then most flagged."""
    return (site.quality.mean, -site.debris_share, -site.share_with_findings)


def summarize(fold: BatchFold, rules_checked: Iterable[str] = ()) -> Summary:
    """The summary of a finished fold, sites worst first; `rules_checked`: the codes of the rules that ran."""
    sites = {name: site_summary(counts, fold.names) for name, counts in fold.sites.items()}
    ordered = dict(sorted(sites.items(), key=lambda item: (badness(item[1]), item[0])))
    batch = site_summary(fold.batch, fold.names)
    return Summary(
        site_field=fold.site_field or "url",
        unreadable_records=fold.unreadable,
        rules_checked=sorted(rules_checked),
        batch=batch,
        sites=ordered,
    )


__all__ = ["BATCH", "FAMILY_NAMES", "Quality", "Share", "SiteSummary", "Summary", "site_summary", "summarize"]
