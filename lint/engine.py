"""The engine: run the selected rules over each article, in one process or many.

Articles flow in, `(item, findings)` pairs flow out in input order. Rules are
built once per process; a worker receives them once, at start-up.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import gc
import multiprocessing
import os
import sys
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import accumulate, chain, islice
from typing import Any

from scrapelint.config import ConfigError, Settings
from scrapelint.doc_cache import release
from scrapelint.document import Document
from scrapelint.errors import WorkerLost, about
from scrapelint.language import load as load_language_data
from scrapelint.language_gate import keep, runs_on
from scrapelint.limits import capped
from scrapelint.models import Article, Finding, Severity
from scrapelint.rule import CorpusRule, Rule, all_rules, matches
from scrapelint.sources import InputError, Item

CHUNK = 32  # articles per task sent to a worker: large enough to amortise pickling


@dataclass
class Result:
    item: Item
    findings: list[Finding]


@dataclass
class Linter:
    """The selected rules plus the suppressions that apply after them."""

    rules: list[Rule]
    settings: Settings = field(default_factory=Settings)

    def lint(self, article: Article) -> list[Finding]:
        doc = Document(article, language=self.settings.fixed_language)
        findings: list[Finding] = []
        family = "-"
        for rule in self._rules_for(article):
            if not rule.code.startswith(family):  # (rules come sorted by code, so grouped by family)
                release(doc, family)  # its shared analysis is done with: one family's at a time (issue #20)
                family = rule.code.rstrip("0123456789")
            try:
                if runs_on(rule, doc):
                    findings.extend(keep(rule, doc, capped(rule.check(doc))))
            except ConfigError:  # a backend gone mid-run (LanguageTool): the run stops with one line, exit 2
                raise
            except Exception as error:  # a rule bug must not hide the other findings
                findings.append(internal_error(article, rule, error))
        findings = drop_moot(self._drop_ignored_text(article, findings))
        findings.sort(key=lambda f: (f.field != "text", f.field or "", f.start, f.end, f.rule))
        return findings

    def _rules_for(self, article: Article) -> list[Rule]:
        ignored = [
            codes for pattern, codes in self.settings.per_path_ignores.items() if fnmatch.fnmatch(article.path, pattern)
        ] + [
            codes
            for pattern, codes in self.settings.per_article_ignores.items()
            if fnmatch.fnmatch(article.id, pattern) or (article.url and fnmatch.fnmatch(article.url, pattern))
        ]
        if not ignored:
            return self.rules
        selectors = [code for codes in ignored for code in codes]
        return [rule for rule in self.rules if not any(matches(rule.code, s) for s in selectors)]

    def _drop_ignored_text(self, article: Article, findings: list[Finding]) -> list[Finding]:
        """Drop findings that lie inside an occurrence of an `ignore-text` string."""
        if not findings or not self.settings.ignore_text:
            return findings
        allowed: list[tuple[int, int]] = []
        for phrase in self.settings.ignore_text:
            position = article.text.find(phrase)
            while position != -1:
                allowed.append((position, position + len(phrase)))
                position = article.text.find(phrase, position + 1)
        return [f for f in findings if f.field != "text" or not any(s <= f.start and f.end <= e for s, e in allowed)]


MOOT_MIN_LENGTH = 20  # a removal this long is a block (a line, a sentence), not a character


def drop_moot(findings: list[Finding]) -> list[Finding]:
    """Drop findings of other families inside a block that a safe fix removes whole.

    A stray space inside a teaser of another article, or a typo inside the second copy of a
    repeated paragraph, is noise: the block goes, and its own finding already says why.
    """
    removals: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        if (
            f.field == "text"
            and f.fix is not None
            and f.fix.applicability == "safe"
            and not f.fix.replacement.strip()
            and f.fix.end - f.fix.start >= MOOT_MIN_LENGTH
        ):
            removals.setdefault(f.family, []).append((f.fix.start, f.fix.end))
    if not removals:
        return findings
    # per family: starts sorted, and the furthest end reached by any removal starting at or before each
    index: dict[str, tuple[list[int], list[int]]] = {}
    for family, spans in removals.items():
        spans.sort()
        furthest = list(accumulate((end for _, end in spans), max))
        index[family] = ([start for start, _ in spans], furthest)

    def moot(finding: Finding) -> bool:
        if finding.field != "text":
            return False
        for family, (starts, furthest) in index.items():
            position = bisect_right(starts, finding.start) - 1
            if family != finding.family and position >= 0 and furthest[position] >= finding.end:
                return True
        return False

    return [finding for finding in findings if not moot(finding)]


def input_error_finding(error: InputError) -> Finding:
    rule = all_rules()[error.code]
    line = error.line or 1
    return Finding(
        rule=rule.code,
        name=rule.name,
        message=error.message,
        severity=Severity.error,
        path=error.path,
        article=None,
        field=None,
        line=line,
        end_line=line,
    )


def internal_error(article: Article, rule: Rule, error: Exception) -> Finding:
    return Finding(
        rule="ERR005",
        name="rule-crashed",
        message=f"rule {rule.code} crashed on this article: {type(error).__name__}: {error}",
        severity=Severity.error,
        path=article.path,
        article=article.id,
        field=None,
        line=article.line or 1,
        end_line=article.line or 1,
    )


def lint_item(linter: Linter, item: Item) -> list[Finding]:
    """The findings of one item: its lint, or the input error it is."""
    if isinstance(item, InputError):
        return [input_error_finding(item)]
    return linter.lint(item)


# -- parallel execution ---------------------------------------------------------
#
# The parent reads and parses; `jobs - 1` forked workers and the parent itself lint
# chunks of articles. Workers send back only the findings (the parent still holds the
# articles it sent). The parent keeps every worker QUEUED chunks ahead and lints a
# chunk itself only when they are: on two cores, the parent's own share of the work
# (reading, parsing, pickling, unpickling findings) then costs nothing extra, where a
# parent feeding two workers competes with them for the cores. At most WINDOW chunks
# per process are held, so a 1 GB input never piles up in memory.

# Measured on 10 MB with --jobs 2: with two chunks queued a worker sat idle ~0.5 s of 4.4 (it ran dry while the
# parent linted a long chunk); with four, ~0.35 s, all of it the pickling between tasks.
QUEUED = 4  # chunks submitted and not done, per worker, so that a worker never runs dry while the parent lints one
WINDOW = 8  # chunks held per process (in flight, or done and waiting for the ones before them)

_worker_linter: Linter | None = None


def _init_worker(linter: Linter) -> None:
    global _worker_linter  # noqa: PLW0603 -- the per-process state a pool initializer sets, by design
    _worker_linter = linter


def _task_chunk(chunk: list[Item], task: Task) -> list[Any]:
    assert _worker_linter is not None
    return _task_chunk_with(_worker_linter, chunk, task)


def _task_chunk_with(linter: Linter, chunk: list[Item], task: Task) -> list[Any]:
    results = []
    for item in chunk:
        with about(item.id if isinstance(item, Article) else None, item.path):  # a crash names its article
            results.append(task(linter, item))
    return results


def _observe_chunk(chunk: list[Item]) -> list[Any]:
    assert _worker_linter is not None
    return observe(_worker_linter, chunk)


def _chunks(items: Iterable[Item], size: int = CHUNK) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def corpus_rules(linter: Linter) -> list[CorpusRule]:
    return [rule for rule in linter.rules if isinstance(rule, CorpusRule)]


def observe(linter: Linter, items: Iterable[Item]) -> list[Any]:
    """First pass of the corpus rules over some items: one partial state per corpus rule."""
    rules = corpus_rules(linter)
    states = [rule.new_state() for rule in rules]
    for item in items:
        if isinstance(item, Article):
            with about(item.id, item.path):
                doc = Document(item)
                for rule, state in zip(rules, states, strict=False):
                    rule.observe(state, doc)
    return states


def merge_states(linter: Linter, partials: Iterable[list[Any]]) -> list[Any]:
    """Reduce: partial states (from any number of processes or partitions) folded into one per corpus rule."""
    rules = corpus_rules(linter)
    states = [rule.new_state() for rule in rules]
    for partial in partials:
        states = [rule.merge(state, part) for rule, state, part in zip(rules, states, partial, strict=False)]
    return states


def prepare(linter: Linter, states: list[Any]) -> None:
    """Hand the merged states to the corpus rules, before the check pass."""
    for rule, state in zip(corpus_rules(linter), states, strict=False):
        rule.prepare(state)


Task = Callable[[Linter, Item], Any]  # a module-level function (or a partial of one): workers unpickle it


def run(linter: Linter, items: Callable[[], Iterable[Item]], jobs: int = 1) -> Iterator[Result]:
    """Lint every item, in input order; `items` is called once, or twice when a corpus rule needs a first pass."""
    for item, findings in map_items(linter, items, lint_item, jobs):
        yield Result(item, findings)


GC_THRESHOLD = 50_000  # allocations between young-generation collections during a run (CPython's default: 700)
# Seconds a thread holds the GIL before another may take it (CPython's default: 0.005). Measured on 10 MB with
# --jobs 2: the worker's idle time between chunks fell from ~0.35 s to ~0.16 s, the wall time by ~5%.
SWITCH_INTERVAL = 0.0005


def map_items(
    linter: Linter, items: Callable[[], Iterable[Item]], task: Task, jobs: int = 1
) -> Iterator[tuple[Item, Any]]:
    """`(item, task(linter, item))` for every item, in input order, after the corpus rules' first pass.

    With `jobs > 1` the work is spread over a pool of forked processes; an input
    of one chunk or less is done in-process, since a pool would only add start-up.
    A run allocates millions of short-lived offsets, spans and strings that reference
    counting frees; at the default threshold the cycle collector would also scan them
    every 700 allocations (about 4% of the time), so the run raises it and restores it.
    With workers, the parent's pool threads (which hand chunks to the workers and take
    their findings) wait for the GIL while the parent lints: a shorter switch interval
    lets them in before a worker runs dry or blocks on a full pipe.
    """
    threshold, interval = gc.get_threshold(), sys.getswitchinterval()
    gc.set_threshold(GC_THRESHOLD, *threshold[1:])
    if jobs > 1:
        sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        yield from _map_items(linter, items, task, jobs)
    finally:
        gc.set_threshold(*threshold)
        sys.setswitchinterval(interval)


def _map_items(
    linter: Linter, items: Callable[[], Iterable[Item]], task: Task, jobs: int
) -> Iterator[tuple[Item, Any]]:
    two_pass = bool(corpus_rules(linter))
    opened: list[Iterator[Item]] = [iter(items())]
    head: list[Item] = []
    if jobs > 1:
        head = list(islice(opened[0], CHUNK + 1))
        opened[0] = chain(head, opened[0])
        if len(head) <= CHUNK:
            jobs, items = 1, lambda: head

    def stream() -> Iterable[Item]:
        """The first pass reads the stream already opened (stdin cannot be read twice); later passes reopen."""
        return opened.pop() if opened else items()

    if jobs <= 1:
        if two_pass:
            prepare(linter, observe(linter, stream()))
        for item in stream():
            with about(item.id if isinstance(item, Article) else None, item.path):
                result = task(linter, item)
            yield item, result
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    warm_up(linter, head)
    workers = jobs - 1  # the parent is the last of the `jobs` processes
    if two_pass:
        with _pool(context, workers, linter) as pool:
            local = functools.partial(observe, linter)
            partials = (partial for _, partial in _in_order(pool, _observe_chunk, local, _chunks(stream()), workers))
            prepare(linter, merge_states(linter, partials))
    with _pool(context, workers, linter) as pool:  # forked after prepare
        remote = functools.partial(_task_chunk, task=task)
        local = functools.partial(_task_chunk_with, linter, task=task)
        for chunk, results in _in_order(pool, remote, local, _chunks(stream()), workers):
            yield from zip(chunk, results, strict=False)


@contextlib.contextmanager
def _pool(context: Any, workers: int, linter: Linter) -> Iterator[ProcessPoolExecutor]:
    """A pool of forked workers that notices a dead one (`multiprocessing.Pool` would wait for its task forever).

    On any exit but the normal one (a lost worker, Ctrl-C, the consumer stopping), queued chunks are
    cancelled and the workers are not waited for.
    """
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(linter,))
    try:
        yield pool
    except BaseException:
        processes = list((getattr(pool, "_processes", None) or {}).values())  # private, but stable since 3.8
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(Exception):
                process.terminate()
        raise
    pool.shutdown(wait=True)


def warm_up(linter: Linter, sample: Iterable[Item]) -> None:
    """Build the rules' lazy per-process state (word lists, automata) once, in the parent, before forking.

    Forked workers then share it copy-on-write instead of each building its own (seconds and
    hundreds of MB per worker for a spelling lexicon); `gc.freeze` keeps the collector from
    touching, and so copying, those shared pages.
    """
    with contextlib.suppress(Exception):
        load_language_data()  # the language model and stop words, shared by the workers
    article = next((item for item in sample if isinstance(item, Article)), None)
    if article is not None:
        doc = Document(article)
        for rule in linter.rules:
            if isinstance(rule, CorpusRule):
                continue  # not prepared yet
            with contextlib.suppress(Exception):  # a crash is reported where the article is really linted
                for _ in rule.check(doc):
                    pass
    warm_rules(linter.rules)  # state built on first use that the sample article may not have reached
    gc.freeze()


def warm_rules(rules: Iterable[Rule]) -> None:
    """Call each rule's `warm()`: its lazy state (lexicon parts, models, and the imports they need) built now,
    in one thread, not first by several threads at once (a lazy import raced by threads can fail)."""
    for rule in rules:
        warm = getattr(rule, "warm", None)
        if callable(warm):
            with contextlib.suppress(Exception):
                warm()


def _in_order(
    pool: Any,
    remote: Callable[[list[Item]], Any],
    local: Callable[[list[Item]], Any],
    chunks: Iterable[list[Item]],
    workers: int,
) -> Iterator[tuple[list[Item], Any]]:
    """`(chunk, function(chunk))` in input order, each chunk done by a worker (`remote`) or by the parent (`local`).

    A chunk goes to the pool while fewer than QUEUED chunks per worker are waiting there; otherwise the
    parent does it at once. Done chunks are handed on as soon as every chunk before them is done.
    """
    pending: deque[tuple[list[Item], Any]] = deque()  # (chunk, Future or its result)
    for chunk in chunks:
        waiting = sum(1 for _, result in pending if isinstance(result, Future) and not result.done())
        if waiting < QUEUED * workers:
            try:
                pending.append((chunk, pool.submit(remote, chunk)))
            except BrokenProcessPool:  # a worker died: name the first chunk it took down
                for entry in pending:
                    _take(entry)
                _take((chunk, _broken()))
        else:
            pending.append((chunk, _Done(local(chunk))))
        while pending and (len(pending) > WINDOW * (workers + 1) or _ready(pending[0][1])):
            yield _take(pending.popleft())
    while pending:
        yield _take(pending.popleft())


@dataclass
class _Done:
    value: Any


def _ready(result: Any) -> bool:
    return isinstance(result, _Done) or result.done()


def _take(entry: tuple[list[Item], Any]) -> tuple[list[Item], Any]:
    chunk, result = entry
    if isinstance(result, _Done):
        return chunk, result.value
    try:
        return chunk, result.result()
    except BrokenProcessPool:
        raise WorkerLost(f"a worker process died (killed, or out of memory) while linting {_describe(chunk)}") from None


def _broken() -> Future[Any]:
    future: Future[Any] = Future()
    future.set_exception(BrokenProcessPool("the pool is broken"))
    return future


def _describe(chunk: list[Item]) -> str:
    """Where a chunk's articles came from: the file, and the ids or lines of the first and last."""
    first, last = chunk[0], chunk[-1]

    def name(item: Item) -> str:
        return f"article {item.id}" if isinstance(item, Article) else f"line {item.line or 1}"

    return f"{len(chunk)} articles of {first.path}, from {name(first)} to {name(last)}; the output is incomplete"
