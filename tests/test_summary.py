"""The CI gate: a per-site summary, regressions against the last run, --max-share, fix --drop-below.

The end-to-end tests simulate the breakage the gate exists for: real articles (L3S-GN1 `clean`
texts) split over two sites; in the "new" batch every article of one site carries a cookie banner.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import orjson
import pytest

from scrapelint.models import Article, Finding, Severity
from scrapelint.summary import BatchFold, site_of, summarize
from scrapelint.summary.baseline import compare, rise_p_value
from scrapelint.summary.fold import NO_SITE, histogram_median
from scrapelint.summary.max_share import GateError, MaxShare, check_gates

from .conftest import ROOT, SHARED_DATA

# The worktree layout puts the checkout one level deeper than the main clone: look in both places.
DATA = next((p for p in (SHARED_DATA, ROOT.parent.parent / "shared" / "data") if p.exists()), SHARED_DATA)
L3S = DATA / "l3s_gn1_lines.jsonl"
needs_l3s = pytest.mark.skipif(not L3S.exists(), reason=f"dev data missing: {L3S}")

HEALTHY, BROKEN = "a.example.com", "b.example.com"
BANNER = (
    "We use cookies to improve your experience on our site. By continuing to browse this site you agree "
    "to our use of cookies. Manage your consent preferences."
)
PER_SITE = 30


def scrapelint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapelint", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


@pytest.fixture(scope="module")
def batches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """old.jsonl and new.jsonl: the same real articles, two sites; in new.jsonl the broken site has a banner."""
    folder = tmp_path_factory.mktemp("batches")
    old, new = [], []
    with L3S.open("rb") as stream:
        pages = [orjson.loads(line) for line, _ in zip(stream, range(2 * PER_SITE), strict=False)]
    for number, page in enumerate(pages):
        site = HEALTHY if number % 2 else BROKEN
        record = {"id": page["id"], "url": f"https://www.{site}/news/{number}.html", "text": page["clean"]}
        old.append(record)
        if site == BROKEN:
            record = {**record, "text": page["clean"].rstrip("\n") + "\n\n" + BANNER + "\n"}
        new.append(record)
    for name, records in (("old.jsonl", old), ("new.jsonl", new)):
        (folder / name).write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    assert scrapelint("check", "old.jsonl", "-q", "-j", "1", "--summary", "old.json", cwd=folder).returncode == 1
    return folder


# -- the simulated breakage, end to end -----------------------------------------------------------


@needs_l3s
def test_the_gate_names_the_broken_site_and_rule_and_not_the_healthy_one(batches: Path) -> None:
    run = scrapelint("check", "new.jsonl", "-q", "-j", "1", "--baseline", "old.json", cwd=batches)
    assert run.returncode == 1, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.endswith("— regression")]
    assert lines == [f"{BROKEN}: DEB002 consent-box in 100% of articles ({PER_SITE}), was 0% ({PER_SITE}) — regression"]
    assert HEALTHY not in run.stderr


@needs_l3s
def test_a_batch_against_its_own_baseline_passes_even_with_findings(batches: Path) -> None:
    run = scrapelint("check", "new.jsonl", "-q", "-j", "1", "--summary", "new.json", cwd=batches)
    assert run.returncode == 1  # ungated: findings fail, as before
    again = scrapelint("check", "new.jsonl", "-q", "-j", "1", "--baseline", "new.json", cwd=batches)
    assert again.returncode == 0, again.stderr
    assert "regression" not in again.stderr
    # --fail-on, given explicitly, still fails on findings next to the gate
    strict = scrapelint(
        "check", "new.jsonl", "-q", "-j", "1", "--baseline", "new.json", "--fail-on", "info", cwd=batches
    )
    assert strict.returncode == 1


@needs_l3s
def test_max_share_gates_the_batch_and_one_site(batches: Path) -> None:
    def gate(*shares: str) -> int:
        args = [arg for share in shares for arg in ("--max-share", share)]
        return scrapelint("check", "new.jsonl", "-q", "-j", "1", *args, cwd=batches).returncode

    assert gate("DEB=0.05") == 1  # half the batch carries the banner
    assert gate("DEB002=60%") == 0
    assert gate(f"{HEALTHY}:DEB002=0.05") == 0
    assert gate(f"{BROKEN}:DEB002=0.05") == 1
    assert gate("DEB00=0.4") == 1  # a prefix
    assert gate("DEB=nonsense") == 2


@needs_l3s
def test_the_summary_in_json_markdown_html_and_github(batches: Path) -> None:
    run = scrapelint(
        "check", "new.jsonl", "-j", "1", "--baseline", "old.json", "--format", "github",
        "--summary", "s.json", "--summary", "s.md", cwd=batches,
    )  # fmt: skip
    assert f"::error title=scrapelint gate::{BROKEN}: DEB002 consent-box in 100%25" in run.stdout
    schema = json.loads(scrapelint("schema", "--summary", cwd=batches).stdout)
    data = json.loads((batches / "s.json").read_text())
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(data, schema)
    assert list(data["sites"]) == [BROKEN, HEALTHY]  # worst first, `www.` dropped
    broken, healthy = data["sites"][BROKEN], data["sites"][HEALTHY]
    assert broken["rules"]["DEB002"] == {"name": "consent-box", "articles": PER_SITE, "share": 1.0}
    assert "DEB002" not in healthy["rules"]
    assert broken["debris_share"] > 0.01 and healthy["debris_share"] < 0.01
    assert data["batch"]["articles"] == 2 * PER_SITE
    assert broken["quality"]["mean"] < healthy["quality"]["mean"]
    markdown = (batches / "s.md").read_text()
    assert "### Regressions against the baseline (1)" in markdown
    assert markdown.index(f"| `{BROKEN}` |") < markdown.index(f"| `{HEALTHY}` |")
    html = scrapelint("check", "new.jsonl", "-j", "1", "--format", "html", cwd=batches).stdout
    table = html[html.index('id="sites"') :]
    assert table.index(BROKEN) < table.index(HEALTHY)


@needs_l3s
def test_fix_drop_below_leaves_out_articles_that_are_mostly_debris(tmp_path: Path) -> None:
    """Raw pages that are >= 80% furniture by the human labels go; every clean article stays."""
    records, heavy = [], []
    with L3S.open("rb") as stream:
        for line, _ in zip(stream, range(12), strict=False):
            page = orjson.loads(line)
            records.append({"id": page["id"] + "-clean", "text": page["clean"]})
            debris = sum(
                len(text) + 1 for text, label in page["lines"] if label in ("not_content", "related", "comments")
            )
            if debris / len(page["naive"]) >= 0.8:
                records.append({"id": page["id"] + "-raw", "text": page["naive"]})
                heavy.append(page["id"] + "-raw")
    (tmp_path / "batch.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    run = scrapelint("fix", "batch.jsonl", "-o", "clean.jsonl", "--drop-below", "0.3", "-j", "1", cwd=tmp_path)
    kept = [orjson.loads(line)["id"] for line in (tmp_path / "clean.jsonl").read_bytes().splitlines()]
    dropped = [r["id"] for r in records if r["id"] not in kept]
    assert len(heavy) >= 3 and set(dropped) <= set(heavy) and len(dropped) >= len(heavy) - 1
    assert f"Left out {len(dropped)} of {len(records)} articles with a quality score below 0.3" in run.stderr
    (tmp_path / "batch.json").write_bytes(orjson.dumps(records))  # a JSON array, fixed in place
    scrapelint("fix", "batch.json", "--drop-below", "0.3", "-j", "1", cwd=tmp_path)
    assert [r["id"] for r in orjson.loads((tmp_path / "batch.json").read_bytes())] == kept


# -- the pieces ---------------------------------------------------------------------------------


def finding(rule: str, start: int = 0, end: int = 0, severity: Severity = Severity.warning) -> Finding:
    return Finding(rule=rule, name=rule.lower(), message="", severity=severity, path="t", start=start, end=end)


def test_site_is_the_url_host_or_a_named_field() -> None:
    article = Article(id="1", text="x", path="t", url="https://WWW.Example.com:8080/a?b", record={"source": "Wire"})
    assert site_of(article) == "example.com"
    assert site_of(article, "source") == "Wire"
    assert site_of(Article(id="2", text="x", path="t")) == NO_SITE


def test_histogram_median() -> None:
    assert histogram_median(Counter({0: 3, 5: 1})) == 0
    assert histogram_median(Counter({1: 1, 3: 1})) == 2
    assert histogram_median(Counter()) == 0


def test_folds_merge_to_the_fold_of_the_whole() -> None:
    """Partitions folded apart and merged give the summary of one pass (the Dask reduce relies on it)."""
    from scrapelint.engine import Result

    results = [
        Result(Article(id=str(i), text="x" * 100, path="t", url=f"https://s{i % 3}.org/"), findings)
        for i, findings in enumerate([[finding("DEB002", 0, 50)], [], [finding("TYP001", 3, 5)]] * 4)
    ]
    whole, left, right = BatchFold(), BatchFold(), BatchFold()
    for index, result in enumerate(results):
        whole.add(result)
        (left if index < 5 else right).add(result)
    assert summarize(left.merge(right)) == summarize(whole)
    summary = summarize(whole)
    assert summary.sites["s0.org"].debris_share == 0.5
    assert summary.sites["s0.org"].quality.median == 0.5


def test_a_small_rise_or_a_small_site_is_not_a_regression() -> None:
    def summary(site_articles: int, with_banner: int):  # one site, `with_banner` articles with DEB002
        fold = BatchFold()
        for i in range(site_articles):
            findings = [finding("DEB002", 0, 10)] if i < with_banner else []
            fold.add(Result(Article(id=str(i), text="x" * 100, path="t", url="https://s.org/"), findings))
        return summarize(fold, ["DEB002"])

    from scrapelint.engine import Result

    assert not compare(summary(300, 6), summary(300, 30)).regressions  # +8 points: under the threshold
    assert not compare(summary(10, 0), summary(10, 10)).regressions  # too few articles to judge
    assert not compare(summary(20, 0), summary(20, 3)).regressions  # +15 points on 20 articles: chance
    (regression,) = compare(summary(300, 6), summary(300, 60)).regressions  # +18 points on 300: not chance
    assert regression.code == "DEB002"  # the rule, not its family as well
    assert rise_p_value(6, 300, 60, 300) < 1e-6 and rise_p_value(0, 20, 3, 20) > 0.01


def test_max_share_parses_codes_sites_and_percentages() -> None:
    assert MaxShare.parse("DEB=0.05") == MaxShare("DEB", 0.05)
    assert MaxShare.parse("news.example.com:8080:dup002=5%") == MaxShare("DUP002", 0.05, "news.example.com:8080")
    for bad in ("DEB", "DEB=2", "=0.1", "DEB=x"):
        with pytest.raises(GateError):
            MaxShare.parse(bad)
    fold = BatchFold(selectors=("DEB",))
    from scrapelint.engine import Result

    for i in range(10):
        fold.add(Result(Article(id=str(i), text="x", path="t"), [finding("DEB001")] if i == 0 else []))
    assert not check_gates(summarize(fold), [MaxShare("DEB", 0.1)])  # 10% is not above 10%
    assert check_gates(summarize(fold), [MaxShare("DEB", 0.05)])
