"""The parallel engine: `--jobs 2` must change nothing but the speed, and memory must not grow with the input."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from scrapelint.config import Settings, resolve_rules
from scrapelint.document import Document
from scrapelint.engine import CHUNK, Linter, Result, run
from scrapelint.models import Finding
from scrapelint.rule import CorpusRule, Rule
from scrapelint.sources import read_paths

from .conftest import SEED_PATH, SHARED_DATA

L3S = SHARED_DATA / "l3s_gn1_lines.jsonl"
needs_l3s = pytest.mark.skipif(not L3S.exists(), reason=f"dev data missing: {L3S}")


class LineSeenElsewhere(CorpusRule):
    """A real two-pass rule: a line that recurs in at least three articles of the batch (site chrome)."""

    code = "TST901"
    name = "line-seen-elsewhere"
    summary = "A line that recurs across the batch."
    what = "Reports a line found in three or more articles."
    why = "Exercises the corpus pass of the engine."
    example = "'Print this article' in every page of a site."

    def new_state(self) -> Counter[str]:
        return Counter()

    def observe(self, state: Counter[str], doc: Document) -> None:
        state.update({doc.text[line.start : line.end] for line in doc.lines if line.end - line.start > 3})

    def merge(self, state: Counter[str], other: Counter[str]) -> Counter[str]:
        state.update(other)
        return state

    def prepare(self, state: Counter[str]) -> None:
        self.common = {line for line, count in state.items() if count >= 3}

    def check(self, doc: Document) -> Iterable[Finding]:
        for line in doc.lines:
            if doc.text[line.start : line.end] in self.common:
                yield self.finding(doc, line.start, line.end, "this line recurs across the batch")


class LongWord(Rule):
    """A plain one-pass rule, so that the test does not depend on which families have landed."""

    code = "TST902"
    name = "long-word"
    summary = "A word of 15 letters or more."
    what = "Reports long words."
    why = "Gives every article some findings."
    example = "internationalisation"

    def check(self, doc: Document) -> Iterable[Finding]:
        for word in doc.words:
            if word.end - word.start >= 15:
                yield self.finding(doc, word.start, word.end, "long word")


def l3s_records(limit: int) -> Iterator[dict[str, Any]]:
    with L3S.open("rb") as stream:
        for number, raw in enumerate(stream):
            if number >= limit:
                return
            page = orjson.loads(raw)
            yield {"id": page["id"], "url": page["url"], "text": page["naive"]}
            yield {"id": page["id"] + "-clean", "url": page["url"], "text": page["clean"]}


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    with path.open("wb") as out:
        for record in records:
            out.write(orjson.dumps(record) + b"\n")
    return path


def linter() -> Linter:
    settings = Settings()
    return Linter([*resolve_rules(settings), LineSeenElsewhere(), LongWord()], settings)


def as_data(results: Iterable[Result]) -> list[tuple[str, list[dict[str, Any]]]]:
    return [(getattr(r.item, "id", "?"), [f.model_dump() for f in r.findings]) for r in results]


@needs_l3s
def test_jobs_2_gives_exactly_the_findings_of_jobs_1(tmp_path: Path) -> None:
    records = list(l3s_records(150))
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [*records, {"no_text": 1}])
    one = as_data(run(linter(), lambda: read_paths([str(corpus)]), jobs=1))
    two = as_data(run(linter(), lambda: read_paths([str(corpus)]), jobs=2))
    assert len(one) == len(records) + 1 > 4 * CHUNK  # enough for the pool to spread chunks over both workers
    assert [article for article, _ in one][:-1] == [r["id"] for r in records]  # input order kept
    assert sum(len(findings) for _, findings in one) > len(records)
    assert {f["rule"] for _, findings in one for f in findings} >= {"TST901", "TST902", "ERR003"}
    assert two == one


@needs_l3s
def test_a_one_shot_stream_is_read_once_even_with_corpus_rules() -> None:
    """stdin cannot be read twice: the engine must not lose articles when it peeks at the stream."""
    from scrapelint.models import Article

    articles = [Article(id=r["id"], text=r["text"], path="-") for r in l3s_records(60)]
    shared = iter(articles)
    results = list(run(Linter([LongWord()]), lambda: shared, jobs=2))
    assert [r.item.id for r in results] == [a.id for a in articles]


def test_a_small_input_is_linted_without_a_pool(seed_text: str) -> None:
    from scrapelint.models import Article

    article = Article(id="seed", text=seed_text, path=str(SEED_PATH))
    results = list(run(Linter([LongWord()]), lambda: [article], jobs=2))
    assert [r.item for r in results] == [article]
    assert results[0].findings == Linter([LongWord()]).lint(article)


PEAK_RSS = textwrap.dedent(
    """
    import resource, sys
    from scrapelint.config import Settings, resolve_rules
    from scrapelint.engine import Linter, run
    from scrapelint.sources import read_paths
    path, jobs = sys.argv[1], int(sys.argv[2])
    settings = Settings(select=["ERR"])
    findings = sum(len(r.findings) for r in run(Linter(resolve_rules(settings), settings),
                                                lambda: read_paths([path]), jobs))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(own, children, findings)
    """
)


def peak_rss_kib(path: Path, jobs: int) -> tuple[int, int]:
    """Peak RSS of a fresh process that lints `path` (and of its largest worker), in KiB."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, str(path), str(jobs)], capture_output=True, text=True, check=True
    )
    own, children, _ = (int(value) for value in done.stdout.split())
    return own, children


@needs_l3s
@pytest.mark.parametrize("jobs", [1, 2])
def test_memory_stays_flat_when_streaming_a_large_jsonl(tmp_path: Path, jobs: int) -> None:
    """Ten times the input must not mean more memory: the reader and the pool stream record by record."""
    records = list(l3s_records(621))  # one pass: about 5 MB of JSONL
    small = write_jsonl(tmp_path / "small.jsonl", records)
    large = write_jsonl(tmp_path / "large.jsonl", (r for _ in range(10) for r in records))
    small_own, small_workers = peak_rss_kib(small, jobs)
    large_own, large_workers = peak_rss_kib(large, jobs)
    slack = 12 * 1024  # KiB: allocator noise, far below the 47 MB the larger input adds
    assert large_own <= small_own + slack
    assert large_workers <= small_workers + slack


# -- Parquet in and out ----------------------------------------------------------------------


@needs_l3s
def test_parquet_input_gives_the_findings_of_the_same_records_as_jsonl(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra is not installed: pip install pyarrow")
    import pyarrow as pa

    records = list(l3s_records(40))
    jsonl = write_jsonl(tmp_path / "corpus.jsonl", records)
    parquet = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(records), parquet, row_group_size=16)  # several row groups
    from_jsonl = as_data(run(linter(), lambda: read_paths([str(jsonl)]), jobs=1))
    from_parquet = as_data(run(linter(), lambda: read_paths([str(parquet)]), jobs=2))
    for _, findings in [*from_jsonl, *from_parquet]:
        for finding in findings:
            finding["path"] = "corpus"
    assert from_parquet == from_jsonl
    assert [r.line for r in read_paths([str(parquet)])][:3] == [1, 2, 3]  # the row, for the report


@needs_l3s
def test_fix_writes_parquet_back_with_only_the_text_changed(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra is not installed: pip install pyarrow")
    import pyarrow as pa

    records = [{**r, "rank": index} for index, r in enumerate(l3s_records(20))]
    source = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(records), source, row_group_size=8)
    target = tmp_path / "fixed.parquet"
    done = subprocess.run(
        [sys.executable, "-m", "scrapelint", "fix", str(source), "-o", str(target), "--isolated"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    before, after = pq.read_table(source), pq.read_table(target)
    assert after.schema == before.schema
    assert pq.ParquetFile(target).num_row_groups == pq.ParquetFile(source).num_row_groups
    for column in ("id", "url", "rank"):
        assert after.column(column).to_pylist() == before.column(column).to_pylist()
    changed = [
        i
        for i, (a, b) in enumerate(
            zip(before.column("text").to_pylist(), after.column("text").to_pylist(), strict=False)
        )
        if a != b
    ]
    assert changed, "the naive L3S pages have navigation debris and spacing glitches to fix"
    assert "Fixed" in done.stderr
