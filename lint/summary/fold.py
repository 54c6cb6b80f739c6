"""The batch summary, folded from the result stream: per-site counters, nothing per article kept.

`BatchFold.add(result)` is called once per result as the findings stream past
(CLI, HTML report, Dask partitions); `merge` adds two folds, so partitions or
processes can each fold their share and be reduced. Memory grows with the number
of sites, rules and languages, never with the number of articles: medians come
from small histograms (findings per article, quality score in hundredths).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scrapelint.engine import Result
from scrapelint.models import Article, Finding
from scrapelint.quality import _union_length, quality_score
from scrapelint.rule import matches

BATCH = "(batch)"  # name of the whole-batch row
NO_SITE = "(no site)"  # articles without a URL (or without the site field)
INPUT_FAMILY = "ERR"
MAX_COUNT = 1000  # findings per article above this share one histogram bucket
LOW_SCORE = 0.5  # "mostly debris": the summary counts articles scoring below this


def site_of(article: Article, site_field: str | None = None) -> str:
    """The site an article belongs to: the host of its URL (without `www.`), or the value of `site_field`.

    A field value that is itself a URL is reduced to its host, so `--site-field source_url` works too.
    """
    value: object = None
    if site_field:
        value = getattr(article, site_field, None) if site_field in Article.model_fields else None
        if value is None and article.record is not None:
            value = article.record.get(article.fields.get(site_field, site_field))
    else:
        value = article.url
    if not isinstance(value, str) or not value.strip():
        return NO_SITE
    value = value.strip()
    if site_field and "://" not in value:
        return value
    host = urlsplit(value if "://" in value else f"//{value}").hostname or ""
    host = host.lower().removeprefix("www.")
    return host or NO_SITE


@dataclass
class SiteCounts:
    """Counters for one site (or the whole batch); `merge` adds another's."""

    articles: int = 0
    with_findings: int = 0
    findings: int = 0
    input_errors: int = 0
    families: Counter[str] = field(default_factory=Counter)  # family -> articles with >= 1 finding of it
    rules: Counter[str] = field(default_factory=Counter)  # rule code -> articles with >= 1 finding of it
    selectors: Counter[str] = field(default_factory=Counter)  # extra selector (a prefix) -> articles matching
    text_chars: int = 0
    debris_chars: int = 0
    per_article: Counter[int] = field(default_factory=Counter)  # findings per article (capped) -> articles
    scores: Counter[int] = field(default_factory=Counter)  # quality score in hundredths -> articles
    score_sum: float = 0.0
    low_score: int = 0
    languages: Counter[str] = field(default_factory=Counter)

    def add(self, article: Article, findings: list[Finding], selectors: Iterable[str]) -> None:
        self.articles += 1
        errors = [f for f in findings if f.family == INPUT_FAMILY]
        lint = [f for f in findings if f.family != INPUT_FAMILY]
        self.input_errors += len(errors)
        self.findings += len(lint)
        self.with_findings += bool(lint)
        self.families.update({f.family for f in lint})
        codes = {f.rule for f in lint}
        self.rules.update(codes)
        self.selectors.update(s for s in selectors if any(matches(code, s) for code in codes))
        length = len(article.text)
        self.text_chars += length
        debris = [
            (max(0, f.start), min(length, f.end)) for f in lint if f.family == "DEB" and f.field in (None, "text")
        ]
        self.debris_chars += _union_length(debris)
        self.per_article[min(len(lint), MAX_COUNT)] += 1
        score = quality_score(lint, length)
        self.scores[round(score * 100)] += 1
        self.score_sum += score
        self.low_score += score < LOW_SCORE
        self.languages[getattr(article, "language", None) or "und"] += 1

    def merge(self, other: SiteCounts) -> SiteCounts:
        for name in ("articles", "with_findings", "findings", "input_errors", "text_chars", "debris_chars"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.score_sum += other.score_sum
        self.low_score += other.low_score
        for name in ("families", "rules", "selectors", "per_article", "scores", "languages"):
            getattr(self, name).update(getattr(other, name))
        return self


@dataclass
class BatchFold:
    """The whole summary state: per-site counters, the batch's, rule names, unreadable records."""

    site_field: str | None = None
    selectors: tuple[str, ...] = ()  # prefixes the gates ask about that are neither a family nor a rule
    sites: dict[str, SiteCounts] = field(default_factory=dict)
    batch: SiteCounts = field(default_factory=SiteCounts)
    names: dict[str, str] = field(default_factory=dict)  # rule code -> rule name
    unreadable: int = 0  # records that never became an article (ERR001-ERR003)

    def add(self, result: Result) -> None:
        for finding in result.findings:
            self.names.setdefault(finding.rule, finding.name)
        item = result.item
        if not isinstance(item, Article):
            self.unreadable += 1
            self.batch.input_errors += len(result.findings)
            return
        site = self.sites.get(name := site_of(item, self.site_field))
        if site is None:
            site = self.sites[name] = SiteCounts()
        site.add(item, result.findings, self.selectors)
        self.batch.add(item, result.findings, self.selectors)

    def watch(self, results: Iterable[Result]) -> Iterator[Result]:
        """Pass the results on unchanged, folding each on the way (the same pass as the report)."""
        for result in results:
            self.add(result)
            yield result

    def merge(self, other: BatchFold) -> BatchFold:
        for name, counts in other.sites.items():
            self.sites.setdefault(name, SiteCounts()).merge(counts)
        self.batch.merge(other.batch)
        for code, name in other.names.items():
            self.names.setdefault(code, name)
        self.unreadable += other.unreadable
        return self


def histogram_median(histogram: Counter[int]) -> float:
    """The median of the values a histogram counts (the mean of the two middle ones for an even total)."""
    total = sum(histogram.values())
    if not total:
        return 0.0
    middle = [(total - 1) // 2, total // 2]
    values: list[int] = []
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        while middle and middle[0] < seen:
            middle.pop(0)
            values.append(value)
    return sum(values) / 2
