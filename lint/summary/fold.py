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


@dataclass(frozen=True)
class Seen:
    """What one article adds to the counters: worked out once, added to its site's and to the batch's."""

    findings: int
    errors: int
    families: frozenset[str]
    rules: frozenset[str]
    selectors: tuple[str, ...]
    length: int
    debris: int
    score: float
    language: str

    @classmethod
    def of(cls, article: Article, findings: list[Finding], selectors: Iterable[str]) -> Seen:
        lint = [f for f in findings if not f.rule.startswith(INPUT_FAMILY)]
        codes = frozenset(f.rule for f in lint)
        length = len(article.text)
        debris = [
            (max(0, f.start), min(length, f.end))
            for f in lint
            if f.rule.startswith("DEB") and f.field in (None, "text")
        ]
        return cls(
            findings=len(lint),
            errors=len(findings) - len(lint),
            families=frozenset(code.rstrip("0123456789") for code in codes),
            rules=codes,
            selectors=tuple(s for s in selectors if any(matches(code, s) for code in codes)),
            length=length,
            debris=_union_length(debris),
            score=quality_score(lint, length),
            language=getattr(article, "language", None) or "und",
        )


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

    def add(self, seen: Seen) -> None:
        self.articles += 1
        self.input_errors += seen.errors
        self.findings += seen.findings
        self.with_findings += bool(seen.findings)
        self.families.update(seen.families)
        self.rules.update(seen.rules)
        self.selectors.update(seen.selectors)
        self.text_chars += seen.length
        self.debris_chars += seen.debris
        self.per_article[min(seen.findings, MAX_COUNT)] += 1
        self.scores[round(seen.score * 100)] += 1
        self.score_sum += seen.score
        self.low_score += seen.score < LOW_SCORE
        self.languages[seen.language] += 1

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
        seen = Seen.of(item, result.findings, self.selectors)
        site.add(seen)
        self.batch.add(seen)

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
