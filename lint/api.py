"""The public Python API: lint and fix articles in process, with the CLI's engine and the CLI's results.

    from scrapelint import Linter
    linter = Linter(select=["DEB", "DUP"])
    findings = linter.check({"url": "https://example.org/a", "text": "..."})
    fixed = linter.fix("Some text .")            # fixed.value is a str again
    for result in linter.check_many(records, jobs=2):
        ...

Everything here is a thin layer over `engine` (rules, the corpus rules' two passes, the worker
pool), `config` (settings, selection) and `fix` (the fix loop): a record linted here gets the
findings `scrapelint check` gives the same record in a JSONL file.
"""

from __future__ import annotations

import contextlib
import copy
import os
import pickle
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from scrapelint.config import Settings, find_config, load_config, override, resolve_rules
from scrapelint.engine import Linter as _Engine
from scrapelint.engine import corpus_rules, lint_item, map_items, observe, prepare, warm_rules
from scrapelint.fix import fix_item, with_text
from scrapelint.models import Article, Finding
from scrapelint.quality import quality_score
from scrapelint.rule import CorpusRule
from scrapelint.sources import Item, SourceOptions, record_to_article

__all__ = ["CheckResult", "FixResult", "Linter"]

_T = TypeVar("_T", Article, dict, str)

_TEXT_PATH = "<text>"  # `path` (and id) of an article given as a str
_RECORD_PATH = "<record>"  # `path` of an article given as a dict


@dataclass(frozen=True)
class CheckResult:
    """One record of `Linter.check_many`: its position in the input, the article linted and its findings.

    `article` is None when the record is not an article (no text field); its findings then hold the
    input error (ERR003), as the CLI reports it. For a dict record `article.record` holds its fields.
    """

    index: int
    article: Article | None
    findings: list[Finding]

    @property
    def quality(self) -> float:
        """The article's quality score in [0, 1] (`scrapelint.quality.quality_score`); 0 when no article."""
        return quality_score(self.findings, len(self.article.text)) if self.article is not None else 0.0


@dataclass(frozen=True)
class FixResult(Generic[_T]):
    """What `Linter.fix` gives: the cleaned article in the kind it came as, and what was done to it.

    `applied` counts the fixes applied per rule code; `remaining` holds the findings of the cleaned
    text (the ones left for a person, or for `unsafe=True`).
    """

    value: _T
    applied: dict[str, int] = field(default_factory=dict)
    remaining: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether any fix was applied."""
        return bool(self.applied)


class Linter:
    """The selected rules, built once, linting articles given as `Article`, dict (a scraped record) or str.

    Safe to share between threads: the rules are built here once, and each call works on its own
    copy of the corpus rules' state (DEB008, TYP001's batch vocabulary, META's timezone habit).
    `settings` holds the resolved `Settings` (read it; build a new `Linter` to change it).
    """

    def __init__(
        self,
        select: Iterable[str] | None = None,
        *,
        ignore: Iterable[str] = (),
        extend_select: Iterable[str] = (),
        options: Mapping[str, Mapping[str, Any]] | None = None,
        fields: Mapping[str, str] | None = None,
        settings: Settings | None = None,
    ) -> None:
        """Select rules as the CLI does (`select=["DEB", "DUP002"]`, `ignore`, `extend_select`), set rule
        options (`options={"DEB008": {"min-articles": 2}}`) and map record keys (`fields={"text": "body"}`).

        These apply on top of `settings` (default: the built-in defaults; no config file is read
        unless you ask with `Linter.from_config`). Raises `ConfigError` for an unknown rule or option.
        """
        settings = override(
            settings or Settings(),
            select=list(select) if select is not None else None,
            ignore=list(ignore),
            extend_select=list(extend_select),
            options=options,
            fields=fields,
        )
        self.settings = settings
        self._engine = _Engine(resolve_rules(settings), settings)
        self._sources = SourceOptions(fields=settings.fields)
        self._warm = threading.Lock()
        self._warmed = False

    @classmethod
    def from_config(cls, path: str | os.PathLike[str] | None = None, **overrides: Any) -> Linter:
        """A linter configured from a `pyproject.toml` (`[tool.scrapelint]`) or `scrapelint.toml`.

        Without `path`, the nearest config above the working directory, as the CLI finds it (the
        defaults when there is none). Keyword arguments are those of `Linter()` and win over the file.
        """
        if path is not None:
            settings = load_config(Path(path))
        else:
            found = find_config(Path.cwd())
            settings = load_config(found) if found else Settings()
        return cls(settings=settings, **overrides)

    @property
    def rules(self) -> list[str]:
        """The codes of the selected rules, sorted."""
        return [rule.code for rule in self._engine.rules]

    # -- one article ------------------------------------------------------------------

    def check(self, article: Article | Mapping[str, Any] | str) -> list[Finding]:
        """The findings of one article, sorted by position, exactly as `scrapelint check` reports them.

        A corpus rule sees this one article as its whole run, as the CLI does for a single file.
        """
        engine = self._prepared([item := self._item(article)])
        return lint_item(engine, item)

    def fix(self, article: _T, unsafe: bool = False) -> FixResult[_T]:
        """Apply the fixes (safe ones; `unsafe=True` adds the rest) and return the article in the same kind.

        A str comes back as the cleaned str, a dict as a copy with its text field replaced, an
        `Article` as a copy with the new text (and record). The text is what `scrapelint fix` writes.
        """
        item = self._item(article)
        outcome = fix_item(self._prepared([item]), item, unsafe)
        value: Any = article
        if outcome.text is not None and isinstance(item, Article):
            if isinstance(article, str):
                value = outcome.text
            elif isinstance(article, Article):
                value = with_text(article, outcome.text)
            else:
                value = {**article, item.text_field: outcome.text}
        return FixResult(value, outcome.applied, outcome.remaining)

    # -- many articles ----------------------------------------------------------------

    def check_many(
        self, records: Iterable[Article | Mapping[str, Any] | str], *, jobs: int = 1
    ) -> Iterator[CheckResult]:
        """Lint every record, yielding a `CheckResult` per record in input order, as `scrapelint check` does.

        Streaming: records are converted and linted as they are read, and at most a bounded
        window of them is in memory. The corpus rules (site boilerplate DEB008, on by default
        TYP001's batch vocabulary) need a first pass over the whole input, so the first result
        comes once every record has been read once: a list (or any re-iterable) is read twice;
        a one-shot iterator (a generator, a stream) is spooled to a temporary file during the
        first pass, so memory stays flat and the results equal a CLI run over the same records.
        `jobs > 1` forks that many worker processes, as `--jobs` does.
        """
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, got {jobs}")
        self._warm_up()
        engine = self._fresh()
        spool = _Spool(records) if corpus_rules(engine) and iter(records) is records else None
        source = spool if spool is not None else records

        def items() -> Iterator[Item]:
            for index, record in enumerate(source):
                yield self._item(record, index)

        try:
            for index, (item, findings) in enumerate(map_items(engine, items, lint_item, jobs)):
                yield CheckResult(index, item if isinstance(item, Article) else None, findings)
        finally:
            if spool is not None:
                spool.close()

    # -- internals --------------------------------------------------------------------

    def _item(self, article: Article | Mapping[str, Any] | str, index: int | None = None) -> Item:
        """Any accepted input as the engine's item; a record is mapped as the JSON readers map one."""
        if isinstance(article, Article):
            return article
        number = None if index is None else index + 1
        suffix = "" if index is None else f":{number}"
        if isinstance(article, str):
            return Article(id=_TEXT_PATH + suffix, text=article, path=_TEXT_PATH, line=number)
        if isinstance(article, Mapping):
            record = article if isinstance(article, dict) else dict(article)
            return record_to_article(record, _RECORD_PATH, number, self._sources, _RECORD_PATH + suffix, raw=None)
        raise TypeError(f"expected an Article, a dict or a str, got {type(article).__name__}")

    def _fresh(self) -> _Engine:
        """The engine with its own copy of the (never prepared) corpus rules: one run's state stays in that run."""
        rules = [copy.deepcopy(rule) if isinstance(rule, CorpusRule) else rule for rule in self._engine.rules]
        return _Engine(rules, self.settings)

    def _prepared(self, items: list[Item]) -> _Engine:
        """A fresh engine whose corpus rules have observed `items` (the first pass of a run over them)."""
        self._warm_up()
        engine = self._fresh()
        if corpus_rules(engine):
            prepare(engine, observe(engine, items))
        return engine

    def _warm_up(self) -> None:
        """Build the rules' lazy per-process state (word lists, automata) once, even when threads race to it."""
        if self._warmed:
            return
        with self._warm:
            if not self._warmed:
                sample = Article(id="warm-up", text=_WARM_UP_TEXT, path="<warm-up>")
                engine = self._fresh()
                prepare(engine, observe(engine, [sample]))
                engine.lint(sample)
                warm_rules(engine.rules)  # what the sample did not reach, before threads race to it
                self._warmed = True


_WARM_UP_TEXT = "A short article, with a typo: teh end.\n\nIt was published on 3 March 2020."


class _Spool:
    """A one-shot iterable read twice: the first pass writes each record to a temporary file, the second reads it.

    Records must pickle (dicts, strings, Articles, dataclass and Scrapy items do).
    """

    def __init__(self, records: Iterable[Any]) -> None:
        self._records = records
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by `close`, after the second pass
        self._passes = 0

    def __iter__(self) -> Iterator[Any]:
        self._passes += 1
        if self._passes == 1:
            return self._write()
        if self._passes == 2:
            return self._read()
        raise RuntimeError("a one-shot iterator was read more than twice")  # pragma: no cover

    def _write(self) -> Iterator[Any]:
        for record in self._records:
            pickle.dump(record, self._file, pickle.HIGHEST_PROTOCOL)
            yield record
        self._file.flush()

    def _read(self) -> Iterator[Any]:
        self._file.seek(0)
        with contextlib.suppress(EOFError):  # the end of the spool
            while True:
                yield pickle.load(self._file)

    def close(self) -> None:
        self._file.close()
