"""scrapelint.dask on a real LocalCluster of two worker processes: same findings as one machine, state built once."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

pytest.importorskip("dask.distributed", reason="the Dask extra is not installed: pip install 'scrapelint[dask]'")

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster

import scrapelint.dask as sdask
from scrapelint.engine import Linter, run
from scrapelint.sources import read_paths

from .test_scale import LongWord, l3s_records, linter, needs_l3s, write_jsonl

pytestmark = needs_l3s


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return list(l3s_records(60))


def key(finding: dict[str, Any]) -> str:
    return json.dumps(finding, sort_keys=True)


def single_machine(records: list[dict[str, Any]], tmp_path: Path) -> list[dict[str, Any]]:
    """The reference: `engine.run` over the same records written as one JSONL file."""
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records)
    findings = [
        sdask.finding_record(f) for r in run(linter(), lambda: read_paths([str(corpus)]), 1) for f in r.findings
    ]
    for finding in findings:
        finding["path"] = "dask"
    return sorted(findings, key=key)


def test_bag_findings_equal_a_single_machine_run(client: Client, records: list[dict[str, Any]], tmp_path: Path) -> None:
    expected = single_machine(records, tmp_path)
    bag = db.from_sequence(records, npartitions=7)
    found = sorted(sdask.lint_bag(bag, linter()).compute(), key=key)
    assert {f["rule"] for f in expected} >= {"TST901", "TST902"}  # the corpus rule found site chrome
    assert found == expected


def test_each_worker_builds_the_linter_once_not_per_partition(client: Client, records: list[dict[str, Any]]) -> None:
    partitions = 12
    sdask.lint_bag(db.from_sequence(records, npartitions=partitions), linter()).compute()
    builds = client.run(lambda: dict(sdask.BUILDS))
    assert len(builds) == 2
    latest = max(
        (token for counts in builds.values() for token, _ in counts),
        key=lambda t: sum(counts.get((t, stage), 0) for counts in builds.values() for stage in ("observe", "check")),
    )
    per_worker = [sum(n for (token, _), n in counts.items() if token == latest) for counts in builds.values()]
    assert sum(per_worker) <= 4 < partitions  # observe + check, at most once each per worker
    assert all(n <= 2 for n in per_worker)


def test_dataframe_findings_equal_the_bag_findings(client: Client, records: list[dict[str, Any]]) -> None:
    frame = dd.from_pandas(pd.DataFrame(records), npartitions=4)
    found = sdask.lint_dataframe(frame, linter()).compute()
    assert list(found.columns) == list(sdask.FINDING_COLUMNS)
    from_bag = sdask.lint_bag(db.from_sequence(records, npartitions=3), linter()).compute()
    assert sorted(found.to_dict("records"), key=key) == sorted(from_bag, key=key)


def test_a_record_without_text_is_reported_not_lost(client: Client, records: list[dict[str, Any]]) -> None:
    bag = db.from_sequence([*records[:5], {"id": "empty-shell", "title": "Hello"}], npartitions=2)
    found = sdask.lint_bag(bag, Linter([LongWord()])).compute()
    assert [f["rule"] for f in found if f["rule"].startswith("ERR")] == ["ERR003"]


def test_fix_bag_returns_every_record_with_the_fixed_text(client: Client, records: list[dict[str, Any]]) -> None:
    pytest.importorskip("scrapelint.fix", reason="lint/fix.py has not landed")
    from scrapelint.fix import fix_article
    from scrapelint.sources import SourceOptions, record_to_article

    reference = linter()
    cleaned = sdask.fix_bag(db.from_sequence(records, npartitions=5), reference).compute()
    assert [r["id"] for r in cleaned] == [r["id"] for r in records]
    assert {k for r in cleaned for k in r} == {k for r in records for k in r}  # every other field kept
    for record, fixed in zip(records, cleaned, strict=False):
        article = record_to_article(record, "dask", 1, SourceOptions(), "x", None)
        assert fixed["text"] == fix_article(reference, article).article.text


def test_cli_dask_local_reports_what_jobs_1_reports(records: list[dict[str, Any]], tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", records[:40])
    second = write_jsonl(tmp_path / "b.jsonl", records[40:80])

    def check(*flags: str) -> list[dict[str, Any]]:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapelint",
                "check",
                str(first),
                str(second),
                "--format",
                "json",
                "--isolated",
                "--exit-zero",
                *flags,
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    local = check("--jobs", "1")
    distributed = check("--dask", "local", "--jobs", "2")
    assert distributed == local
    assert orjson.dumps(local)  # findings or not, the two runs agree and the report is valid JSON


def test_partition_functions_alone_give_the_single_machine_findings(
    records: list[dict[str, Any]], tmp_path: Path
) -> None:
    """The Spark recipe of the README, without Spark: observe per partition, merge, prepare, lint per partition."""
    expected = single_machine(records, tmp_path)
    partitions = [records[i : i + 25] for i in range(0, len(records), 25)]
    observer = linter()
    states = sdask.merge_states(observer, [sdask.observe_partition(iter(p), observer) for p in partitions])
    checker = linter()
    sdask.prepare(checker, states)
    found = [f for index, p in enumerate(partitions) for f in sdask.lint_partition(iter(p), checker, partition=index)]
    assert sorted(found, key=key) == expected


def test_fix_dataframe_changes_only_the_text_column(client: Client, records: list[dict[str, Any]]) -> None:
    pytest.importorskip("scrapelint.fix", reason="lint/fix.py has not landed")
    frame = pd.DataFrame(records[:30]).assign(rank=range(30))
    frame.index = frame.index + 1000  # a user's own index must survive
    source = dd.from_pandas(frame, npartitions=3)
    fixed = sdask.fix_dataframe(source, linter()).compute()
    before = source.compute()  # as Dask holds it (string dtypes)
    pd.testing.assert_frame_equal(fixed.drop(columns="text"), before.drop(columns="text"))
    assert fixed["text"].dtype == before["text"].dtype
    from_bag = sdask.fix_bag(db.from_sequence(records[:30], npartitions=2), linter()).compute()
    assert fixed["text"].tolist() == [r["text"] for r in from_bag]
    assert (fixed["text"] != frame["text"]).any()


def test_the_summary_map_reduced_over_partitions_equals_a_single_pass(
    client: Client, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    """Per-partition folds merged in a tree give the summary `check --summary` folds in one process."""
    from scrapelint.summary import BatchFold, summarize

    corpus = write_jsonl(tmp_path / "corpus.jsonl", records)
    fold = BatchFold()
    for _ in fold.watch(run(linter(), lambda: read_paths([str(corpus)]), 1)):
        pass
    findings, summary = sdask.lint_bag_with_summary(db.from_sequence(records, npartitions=5), linter())
    found, merged = dask.compute(findings, summary)
    assert merged == summarize(fold, [rule.code for rule in linter().rules])
    assert merged.batch.articles == len(records) and len(merged.sites) > 10
    assert merged.batch.rules["TST901"].articles > 0  # the corpus rule's state reached every partition
    assert len(found) == merged.batch.findings + merged.batch.input_errors
