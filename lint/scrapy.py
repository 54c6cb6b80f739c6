"""A Scrapy item pipeline: lint, clean or drop articles where they are scraped (`pip install 'scrapelint[scrapy]'`).

    # settings.py
    ITEM_PIPELINES = {"scrapelint.scrapy.ScrapelintPipeline": 300}
    SCRAPELINT_MODE = "fix"                # annotate (default) | fix | drop

Settings (all optional):

- `SCRAPELINT_FIELDS`: canonical field -> item field, e.g. `{"text": "body", "published": "date"}`;
  unmapped fields are found by the usual names (text/content/body..., date/published...).
- `SCRAPELINT_MODE`: `annotate` adds `{"quality": ..., "findings": [...]}` to the item's
  `SCRAPELINT_FINDINGS_FIELD` (default `scrapelint`; a `scrapy.Item` or dataclass must declare it);
  `fix` writes the cleaned text back (`SCRAPELINT_UNSAFE_FIXES` adds the unsafe fixes); `drop` raises
  `DropItem` when the item's quality score is below `SCRAPELINT_DROP_BELOW` (default 0.5).
- `SCRAPELINT_SELECT`, `SCRAPELINT_IGNORE`: rule selection as `--select`/`--ignore`;
  `SCRAPELINT_CONFIG`: a pyproject.toml or scrapelint.toml to read (none by default).

Every item is linted on its own, as `Linter.check` does: a crawl is a stream, so the corpus rules
(DEB008 site boilerplate) see one article at a time; run `scrapelint check` over the feed for those.
The linting runs in Twisted's thread pool (one `Linter` serves every thread), so the crawl's
downloads go on while an article is checked; the item is changed, counted or dropped back on the
reactor thread.
Stats go to the crawler's stats collector (`scrapelint/items`, `scrapelint/findings/DEB002`,
`scrapelint/dropped`, `scrapelint/fixed/FMT001`, ...), and when the spider closes the per-site summary is
logged: the same fold and Markdown table as `scrapelint check --summary summary.md`.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from scrapelint.api import FixResult, Linter
from scrapelint.engine import Result
from scrapelint.models import Article, Finding
from scrapelint.quality import quality_score
from scrapelint.summary.fold import BatchFold
from scrapelint.summary.model import summarize
from scrapelint.summary.render import to_markdown

try:
    from itemadapter import ItemAdapter
    from scrapy.exceptions import DropItem
    from scrapy.utils.defer import maybe_deferred_to_future
    from twisted.internet.threads import deferToThread
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError("scrapelint.scrapy needs Scrapy: pip install 'scrapelint[scrapy]'") from error

__all__ = ["MODES", "ScrapelintPipeline"]

MODES = ("annotate", "fix", "drop")

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Checked:
    """What linting one item found, carried from the worker thread back to the reactor thread."""

    adapter: Any
    article: Article | None
    findings: list[Finding] = field(default_factory=list)
    fixed: FixResult[Article] | None = None


class ScrapelintPipeline:
    """Lints every item that has a text field; annotates it, fixes its text, or drops it (`SCRAPELINT_MODE`).

    Items without a text field (other item types of the spider) pass through untouched and are
    counted as `scrapelint/skipped`.
    """

    def __init__(
        self,
        linter: Linter | None = None,
        mode: str = "annotate",
        drop_below: float = 0.5,
        findings_field: str = "scrapelint",
        unsafe: bool = False,
        stats: Any = None,
    ) -> None:
        """A pipeline with its own `Linter` (default rules when None); `stats` is a Scrapy stats collector."""
        if mode not in MODES:
            raise ValueError(f"SCRAPELINT_MODE must be one of {', '.join(MODES)}, got {mode!r}")
        self.linter = linter or Linter()
        self.mode = mode
        self.drop_below = drop_below
        self.findings_field = findings_field
        self.unsafe = unsafe
        self.stats = stats
        self.fold = BatchFold()
        self.crawler: Any = None
        self._warned = False

    @classmethod
    def from_crawler(cls, crawler: Any) -> ScrapelintPipeline:
        """Read the `SCRAPELINT_*` settings (see the module docs)."""
        settings = crawler.settings
        choices: dict[str, Any] = {
            "fields": settings.getdict("SCRAPELINT_FIELDS") or None,
            "ignore": settings.getlist("SCRAPELINT_IGNORE"),
        }
        if settings.getlist("SCRAPELINT_SELECT"):
            choices["select"] = settings.getlist("SCRAPELINT_SELECT")
        config = settings.get("SCRAPELINT_CONFIG")
        linter = Linter.from_config(config, **choices) if config else Linter(**choices)
        pipeline = cls(
            linter,
            mode=settings.get("SCRAPELINT_MODE", "annotate"),
            drop_below=settings.getfloat("SCRAPELINT_DROP_BELOW", 0.5),
            findings_field=settings.get("SCRAPELINT_FINDINGS_FIELD", "scrapelint"),
            unsafe=settings.getbool("SCRAPELINT_UNSAFE_FIXES", False),
            stats=crawler.stats,
        )
        pipeline.crawler = crawler
        return pipeline

    def open_spider(self, spider: Any = None) -> None:
        """Start the per-site summary of this spider's run."""
        self.fold = BatchFold()

    async def process_item(self, item: Any, spider: Any = None) -> Any:
        """Lint one item off the reactor thread, then annotate, fix or drop it (see `lint_item`)."""
        checked = await maybe_deferred_to_future(deferToThread(self._check, item))
        return self._apply(checked)

    def lint_item(self, item: Any) -> Any:
        """Lint one item in this thread: dicts, `scrapy.Item`s, dataclass and attrs items alike (through itemadapter).

        Returns the item (annotated or with its text fixed) or raises `DropItem`, as `process_item` does.
        """
        return self._apply(self._check(item))

    def _check(self, item: Any) -> _Checked:
        """The linting itself: thread-safe, touches neither the item nor the pipeline's counts."""
        adapter = ItemAdapter(item)
        article = self.linter._item(adapter.asdict())  # the record mapped as the JSONL reader maps one
        if not isinstance(article, Article):
            return _Checked(adapter, None)
        if self.mode == "fix":
            fixed = self.linter.fix(article, unsafe=self.unsafe)
            return _Checked(adapter, article, fixed.remaining, fixed)
        return _Checked(adapter, article, self.linter.check(article))

    def _apply(self, checked: _Checked) -> Any:
        """Count the findings, then change, keep or drop the item; on the reactor thread."""
        adapter, article, findings = checked.adapter, checked.article, checked.findings
        if article is None:
            self._inc("scrapelint/skipped")
            return adapter.item
        self._inc("scrapelint/items")
        self._count(article, findings)
        if checked.fixed is not None:
            if checked.fixed.changed:
                adapter[article.text_field] = checked.fixed.value.text
                self._inc("scrapelint/fixed")
                for code, count in checked.fixed.applied.items():
                    self._inc(f"scrapelint/fixed/{code}", count)
            return adapter.item
        score = quality_score(findings, len(article.text))
        if self.mode == "drop":
            if score < self.drop_below:
                self._inc("scrapelint/dropped")
                codes = Counter(f.rule for f in findings if f.family in ("DEB", "DUP"))
                worst = ", ".join(f"{code} ×{n}" for code, n in codes.most_common(3))
                raise DropItem(f"scrapelint: quality {score:.2f} < {self.drop_below} ({worst})")
            return adapter.item
        self._annotate(adapter, score, findings)
        return adapter.item

    def close_spider(self, spider: Any = None) -> None:
        """Log this run's per-site summary, as `scrapelint check --summary summary.md` writes it."""
        if self.fold.batch.articles:
            spider = spider or getattr(self.crawler, "spider", None)  # Scrapy 2.13+ no longer passes it
            name = getattr(spider, "name", None) or "spider"
            logger.info("scrapelint summary for %s:\n%s", name, to_markdown(summarize(self.fold)))

    def _annotate(self, adapter: Any, score: float, findings: list[Finding]) -> None:
        value = {
            "quality": score,
            "findings": [f.model_dump(mode="json", exclude={"path"}) for f in findings],
        }
        try:
            adapter[self.findings_field] = value
        except KeyError:  # a scrapy.Item or dataclass without that field
            if not self._warned:
                logger.warning(
                    "scrapelint: %s has no field %r to annotate; declare it (or set SCRAPELINT_FINDINGS_FIELD)",
                    type(adapter.item).__name__,
                    self.findings_field,
                )
                self._warned = True

    def _count(self, article: Article, findings: list[Finding]) -> None:
        self.fold.add(Result(article, findings))
        for finding in findings:
            self._inc(f"scrapelint/findings/{finding.rule}")

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(key, count)
