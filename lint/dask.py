"""Lint and fix corpora that outgrow one machine, with Dask (`pip install scrapelint[dask]`).

    import dask.bag as db, orjson
    from scrapelint.dask import lint_bag, fix_bag
    records = db.read_text("corpus/*.jsonl.gz").map(orjson.loads)
    findings = lint_bag(records)                  # a dask.bag of finding dicts
    findings.to_dataframe().to_parquet("findings/")
    cleaned = fix_bag(records)                    # the records with their text fixed

`lint_dataframe` / `fix_dataframe` do the same for a dask.dataframe.
`lint_bag_with_summary` gives the findings and the per-site batch summary of one
pass: each partition folds its own counters, merged in a tree like the corpus state. Every
partition goes through `lint_partition` / `fix_partition`: plain functions of an
iterable of records, which Spark's `mapPartitions` can call as well.

Corpus rules (site boilerplate, batch vocabulary) run as map-reduce: each
partition observes its records (`observe_partition`), the partial states are
merged in a tree (`merge_states`), and the merged state reaches every worker
once, where it prepares that worker's copy of the rules; the findings equal a
single-machine `engine.run` over the same records.

A worker builds the linter (rules, their options, prepared corpus state) once
per process, not per partition: the graph carries a small pickled spec, and each
process keeps the linter it built from it.
"""

from __future__ import annotations

import json
import math
import operator
import threading
import uuid
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from scrapelint.config import Settings, resolve_rules
from scrapelint.engine import Linter, Result, corpus_rules, lint_item, merge_states, observe, prepare
from scrapelint.models import Finding
from scrapelint.sources import InputError, Item, SourceOptions, expand_paths, read_paths, record_to_article
from scrapelint.summary import BatchFold, summarize

try:
    import cloudpickle
    import dask
    import dask.bag as db
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError("scrapelint.dask needs Dask: pip install 'scrapelint[dask]'") from error

FAN_IN = 16  # partial corpus states merged per task of the reduction tree

# Columns of a findings dataframe; `fix` and `related` are JSON strings (or None).
FINDING_COLUMNS: dict[str, str] = {
    "rule": "object",
    "name": "object",
    "message": "object",
    "severity": "object",
    "path": "object",
    "article": "object",
    "field": "object",
    "start": "int64",
    "end": "int64",
    "line": "int64",
    "column": "int64",
    "end_line": "int64",
    "end_column": "int64",
    "fix": "object",
    "related": "object",
    "source_rule": "object",
    "language": "object",
}


# -- the linter, once per worker process ------------------------------------------------


@dataclass(frozen=True)
class LinterSpec:
    """What a worker needs to rebuild the linter: a token naming it and the pickled Linter (a few KB)."""

    token: str
    payload: bytes

    @classmethod
    def of(cls, linter: Linter) -> LinterSpec:
        return cls(uuid.uuid4().hex, cloudpickle.dumps(linter))


_LINTERS: OrderedDict[tuple[str, str], Linter] = OrderedDict()
_LOCK = threading.Lock()
BUILDS: Counter[tuple[str, str]] = Counter()  # linters this process built, by (token, stage): tests read it


def worker_linter(spec: LinterSpec, states: list[Any] | None = None) -> Linter:
    """The linter of `spec` in this process, built on first use; with `states`, its corpus rules prepared."""
    key = (spec.token, "observe" if states is None else "check")
    with _LOCK:
        linter = _LINTERS.get(key)
        if linter is None:
            linter = cloudpickle.loads(spec.payload)
            if states is not None:
                prepare(linter, states)
            _LINTERS[key] = linter
            BUILDS[key] += 1
            while len(_LINTERS) > 8:  # a long-lived worker serves many runs: keep the recent ones
                _LINTERS.popitem(last=False)
        return linter


def default_linter(settings: Settings | None = None) -> Linter:
    """The linter `scrapelint check` would use with these settings (default rules when None)."""
    settings = settings or Settings()
    return Linter(resolve_rules(settings), settings)


# -- partition functions: plain Python, usable from Spark's mapPartitions too ------------------


def to_items(
    records: Iterable[dict[str, Any]], sources: SourceOptions | None = None, path: str = "dask", partition: int = 0
) -> Iterator[Item]:
    """Records (dicts, as from JSONL or dataframe rows) as Articles, mapped as the file readers map them."""
    sources = sources or SourceOptions()
    for index, given in enumerate(records):
        record = {key: value for key, value in given.items() if not _missing(value)}
        yield record_to_article(record, path, index + 1, sources, f"{path}:{partition}:{index}", raw=None)


def _missing(value: Any) -> bool:
    """A dataframe's empty cell (None, NaN, NaT, pd.NA): the record has no such field."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


def observe_partition(
    records: Iterable[dict[str, Any]],
    linter: Linter,
    sources: SourceOptions | None = None,
    path: str = "dask",
    partition: int = 0,
) -> list[Any]:
    """Map step of the corpus rules: one partial state per corpus rule for this partition."""
    return observe(linter, to_items(records, sources, path, partition))


def finding_record(finding: Finding) -> dict[str, Any]:
    """A finding as a flat dict: `fix` and `related` as JSON strings, ready for a dataframe or Parquet."""
    data = finding.model_dump(mode="json")
    for key in ("fix", "related"):
        data[key] = json.dumps(data[key]) if data[key] is not None else None
    return data


def _results(
    records: Iterable[dict[str, Any]], linter: Linter, sources: SourceOptions | None, path: str, partition: int
) -> Iterator[Result]:
    """Each record of a partition linted, in order: the one loop both partition functions share."""
    for item in to_items(records, sources, path, partition):
        yield Result(item, lint_item(linter, item))


def lint_partition(
    records: Iterable[dict[str, Any]],
    linter: Linter,
    sources: SourceOptions | None = None,
    path: str = "dask",
    partition: int = 0,
) -> list[dict[str, Any]]:
    """Lint one partition of records: its findings, as flat dicts (see `finding_record`)."""
    results = _results(records, linter, sources, path, partition)
    return [finding_record(finding) for result in results for finding in result.findings]


def lint_summary_partition(
    records: Iterable[dict[str, Any]],
    linter: Linter,
    sources: SourceOptions | None = None,
    path: str = "dask",
    partition: int = 0,
    site_field: str | None = None,
) -> tuple[list[dict[str, Any]], BatchFold]:
    """Lint one partition and fold its summary counters in the same pass: (finding dicts, the partition's fold)."""
    fold = BatchFold(site_field=site_field)
    results = fold.watch(_results(records, linter, sources, path, partition))
    return [finding_record(finding) for result in results for finding in result.findings], fold


def merge_folds(*folds: BatchFold) -> BatchFold:
    """Reduce: partition folds added into a new one."""
    merged = BatchFold(site_field=folds[0].site_field) if folds else BatchFold()
    for fold in folds:
        merged.merge(fold)
    return merged


def fix_partition(
    records: Iterable[dict[str, Any]],
    linter: Linter,
    sources: SourceOptions | None = None,
    path: str = "dask",
    partition: int = 0,
    unsafe: bool = False,
) -> list[dict[str, Any]]:
    """Fix one partition: each record as it came, its text field replaced by the fixed text.

    A record that is not an article (no text field) comes back unchanged.
    """
    from scrapelint.fix import fix_article

    cleaned = []
    records = list(records)
    for record, item in zip(records, to_items(records, sources, path, partition), strict=False):
        if isinstance(item, InputError):
            cleaned.append(record)
            continue
        fixed = fix_article(linter, item, unsafe).article
        cleaned.append({**record, item.text_field: fixed.text})
    return cleaned


# -- Dask graphs ---------------------------------------------------------------------------


def _observe_task(
    records: Iterable[dict[str, Any]], spec: LinterSpec, sources: SourceOptions | None, path: str, partition: int
) -> list[Any]:
    return observe_partition(_rows(records), worker_linter(spec), sources, path, partition)


def _merge_task(spec: LinterSpec, *partials: list[Any]) -> list[Any]:
    return merge_states(worker_linter(spec), partials)


def _lint_task(
    records: Iterable[dict[str, Any]],
    spec: LinterSpec,
    states: list[Any] | None,
    sources: SourceOptions | None,
    path: str,
    partition: int,
) -> list[dict[str, Any]]:
    return lint_partition(_rows(records), worker_linter(spec, states), sources, path, partition)


def _fix_task(
    records: Iterable[dict[str, Any]],
    spec: LinterSpec,
    states: list[Any] | None,
    sources: SourceOptions | None,
    path: str,
    partition: int,
    unsafe: bool,
) -> list[dict[str, Any]]:
    return fix_partition(_rows(records), worker_linter(spec, states), sources, path, partition, unsafe)


def _rows(partition: Any) -> Iterable[dict[str, Any]]:
    """A bag partition is an iterable of dicts; a dataframe partition is a pandas DataFrame."""
    if hasattr(partition, "to_dict") and hasattr(partition, "columns"):
        return partition.to_dict("records")
    return partition


def _merged_states(parts: list[Any], spec: Any, linter: Linter, sources: SourceOptions | None, path: str) -> Any:
    """The corpus rules' merged state as one Delayed (a tree of merges), or None when no rule needs it."""
    if not corpus_rules(linter):
        return None
    level = [dask.delayed(_observe_task)(part, spec, sources, path, index) for index, part in enumerate(parts)]
    if not level:
        return dask.delayed(_merge_task)(spec)
    while len(level) > 1:
        level = [dask.delayed(_merge_task)(spec, *level[i : i + FAN_IN]) for i in range(0, len(level), FAN_IN)]
    return level[0]


def _graph(
    parts: list[Any], linter: Linter | None, sources: SourceOptions | None, path: str, task: Any, *extra: Any
) -> list[Any]:
    linter = linter or default_linter()
    spec = dask.delayed(LinterSpec.of(linter), pure=False)  # one node: each worker receives it once
    states = _merged_states(parts, spec, linter, sources, path)
    return [dask.delayed(task)(part, spec, states, sources, path, index, *extra) for index, part in enumerate(parts)]


def lint_bag(
    bag: db.Bag, linter: Linter | None = None, *, sources: SourceOptions | None = None, path: str = "dask"
) -> db.Bag:
    """Findings of a bag of records, as a bag of flat finding dicts (lazy: nothing runs until computed)."""
    return db.from_delayed(_graph(bag.to_delayed(), linter, sources, path, _lint_task))


def _lint_summary_task(
    records: Iterable[dict[str, Any]],
    spec: LinterSpec,
    states: list[Any] | None,
    sources: SourceOptions | None,
    path: str,
    partition: int,
    site_field: str | None,
) -> tuple[list[dict[str, Any]], BatchFold]:
    return lint_summary_partition(_rows(records), worker_linter(spec, states), sources, path, partition, site_field)


def lint_bag_with_summary(
    bag: db.Bag,
    linter: Linter | None = None,
    *,
    sources: SourceOptions | None = None,
    path: str = "dask",
    site_field: str | None = None,
) -> tuple[db.Bag, Any]:
    """Findings (a bag of finding dicts) and the batch summary (a Delayed `Summary`) from one lint pass.

    Compute them together, `dask.compute(findings, summary)`, so every partition is linted once.
    """
    parts = _graph(bag.to_delayed(), linter, sources, path, _lint_summary_task, site_field)
    findings = db.from_delayed([dask.delayed(operator.getitem)(part, 0) for part in parts])
    level = [dask.delayed(operator.getitem)(part, 1) for part in parts]
    while len(level) > 1:
        level = [dask.delayed(merge_folds)(*level[i : i + FAN_IN]) for i in range(0, len(level), FAN_IN)]
    fold = level[0] if level else dask.delayed(BatchFold)(site_field=site_field)
    summary: Any = dask.delayed(summarize)(fold, [rule.code for rule in (linter or default_linter()).rules])
    return findings, summary


def fix_bag(
    bag: db.Bag,
    linter: Linter | None = None,
    *,
    sources: SourceOptions | None = None,
    path: str = "dask",
    unsafe: bool = False,
) -> db.Bag:
    """The records of a bag with their text fixed (safe fixes; `unsafe=True` adds the unsafe ones)."""
    return db.from_delayed(_graph(bag.to_delayed(), linter, sources, path, _fix_task, unsafe))


def lint_dataframe(
    frame: Any, linter: Linter | None = None, *, sources: SourceOptions | None = None, path: str = "dask"
) -> Any:
    """Findings of a dask.dataframe of records (one row per article), as a dask.dataframe (FINDING_COLUMNS)."""
    import dask.dataframe as dd
    import pandas as pd

    meta = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in FINDING_COLUMNS.items()})
    parts = _graph(frame.to_delayed(), linter, sources, path, _lint_task)
    frames = [dask.delayed(_findings_frame)(part, meta) for part in parts]
    return dd.from_delayed(frames, meta=meta, verify_meta=False)


def fix_dataframe(
    frame: Any,
    linter: Linter | None = None,
    *,
    sources: SourceOptions | None = None,
    path: str = "dask",
    unsafe: bool = False,
) -> Any:
    """The dataframe with its text column fixed, same columns and partitions."""
    import dask.dataframe as dd

    parts = _graph(frame.to_delayed(), linter, sources, path, _fix_frame_task, unsafe)
    return dd.from_delayed(parts, meta=frame._meta, verify_meta=False)


def _findings_frame(rows: list[dict[str, Any]], meta: Any) -> Any:
    import pandas as pd

    return pd.DataFrame(rows, columns=list(meta.columns)).astype(dict(meta.dtypes)) if rows else meta.copy()


def _fix_frame_task(
    part: Any,
    spec: LinterSpec,
    states: list[Any] | None,
    sources: SourceOptions | None,
    path: str,
    partition: int,
    unsafe: bool,
) -> Any:
    """A dataframe partition with its text column(s) fixed; index, dtypes and other columns as they were."""
    import pandas as pd

    records = part.to_dict("records")
    cleaned = fix_partition(records, worker_linter(spec, states), sources, path, partition, unsafe)
    out = part.copy()
    for column in part.columns:
        values = [record.get(column) for record in cleaned]
        if any(new is not old.get(column) for new, old in zip(values, records, strict=False)):
            out[column] = pd.Series(values, index=part.index, dtype=part[column].dtype)
    return out


# -- the CLI: `scrapelint check --dask ADDRESS|local` ---------------------------------------------


def _lint_items_task(
    paths: list[str], sources: SourceOptions, spec: LinterSpec, states: list[Any] | None
) -> list[Result]:
    linter = worker_linter(spec, states)
    return [Result(item, lint_item(linter, item)) for item in read_paths(paths, sources)]


def run_dask(
    linter: Linter, paths: list[str], sources: SourceOptions, address: str, workers: int = 2
) -> Iterator[Result]:
    """`engine.run` on a Dask cluster: one partition per input file, results in input order.

    `address` is a scheduler (tcp://host:8786) or `local` for a LocalCluster of `workers` processes.
    Files are read by the workers, so they must see the same paths (a shared filesystem or object store).
    Raises ValueError at once (not when iterated) for input the workers cannot read.
    """
    files = list(expand_paths(paths, sources))
    if "-" in files:
        raise ValueError("--dask reads files on the workers: stdin (-) cannot be used")
    return _run_dask(linter, files, sources, address, workers)


def _run_dask(linter: Linter, files: list[str], sources: SourceOptions, address: str, workers: int) -> Iterator[Result]:
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) if address == "local" else None
    client = Client(cluster if cluster is not None else address)
    try:
        spec = client.scatter(LinterSpec.of(linter), broadcast=True)
        states = None
        if corpus_rules(linter):
            observed = [client.submit(_observe_paths_task, [path], sources, spec, pure=False) for path in files]
            states = client.submit(_merge_task, spec, *observed, pure=False)
        futures = [client.submit(_lint_items_task, [path], sources, spec, states, pure=False) for path in files]
        for future in futures:
            yield from future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _observe_paths_task(paths: list[str], sources: SourceOptions, spec: LinterSpec) -> list[Any]:
    return observe(worker_linter(spec), read_paths(paths, sources))
