"""The public Python API (`scrapelint.Linter`): the CLI's results, in process, for str, dict and Article inputs."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import scrapelint
from scrapelint import Article, CheckResult, ConfigError, Finding, FixResult, Linter
from scrapelint.cli import main

from .conftest import ROOT, SEED_PATH

GOLDEN_FIXED = ROOT / "tests" / "golden" / "seed_fixed.txt"
SAMPLE = ROOT / "seeds" / "sample.jsonl"
SLOGAN = "Countercurrents is an independent news site funded by readers, not by advertisers."


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def key(finding: Finding) -> tuple[Any, ...]:
    """What a finding says, without where the article came from (a file for the CLI, memory for the API)."""
    fix = finding.fix.model_dump() if finding.fix else None
    return finding.rule, finding.field, finding.start, finding.end, finding.message, finding.severity, fix


def cli_findings(path: Path, *args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["check", str(path), "--isolated", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def site_corpus() -> list[dict[str, Any]]:
    """Forty articles of one site, each a different stretch of the seed's paragraphs, each ending with the
    site's slogan: the slogan is site boilerplate (DEB008) only when the articles are linted as one run."""
    paragraphs = [p for p in SEED_PATH.read_text("utf-8").split("\n\n") if len(p.split()) > 25]
    return [
        {
            "id": f"cc-{n}",
            "url": f"https://countercurrents.example/2024/{n}",
            "title": f"Article {n}",
            "body": "\n\n".join([*paragraphs[n % len(paragraphs) : n % len(paragraphs) + 3], SLOGAN]) + "\n",
        }
        for n in range(40)
    ]


# -- one article ----------------------------------------------------------------------


def test_public_names_are_exported_and_documented() -> None:
    for name in scrapelint.__all__:
        obj = getattr(scrapelint, name)
        assert name == "__version__" or obj.__doc__, name
    for method in ("check", "fix", "check_many", "from_config"):
        assert getattr(Linter, method).__doc__, method


def test_a_str_gets_the_findings_the_cli_reports_for_the_same_text(linter: Linter, seed_text: str) -> None:
    expected = cli_findings(SEED_PATH)
    findings = linter.check(seed_text)
    assert len(findings) == len(expected) > 20
    assert [key(f) for f in findings] == [key(Finding.model_validate(f)) for f in expected]


def test_a_dict_is_mapped_as_a_jsonl_record(linter: Linter, tmp_path: Path) -> None:
    records = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines() if line.strip()]
    expected = [(f["article"], *key(Finding.model_validate(f))) for f in cli_findings(SAMPLE)]
    got = [(f.article, *key(f)) for result in linter.check_many(records) for f in result.findings]
    assert got == expected
    assert any(f[1] == "META006" for f in got)  # a batch rule: the dates of the other records count
    assert any(f[1] == "META005" for f in got)  # the date fields were mapped (date_publish, date_modify)
    alone = tmp_path / "one.jsonl"
    alone.write_text(json.dumps(records[1]) + "\n", "utf-8")
    one = [(f["article"], *key(Finding.model_validate(f))) for f in cli_findings(alone)]
    assert [(f.article, *key(f)) for f in linter.check(records[1])] == one  # check(): a run of one record


def test_an_article_and_a_non_article(linter: Linter, seed_text: str) -> None:
    article = Article(id="seed", text=seed_text, path="seed.txt")
    assert [key(f) for f in linter.check(article)] == [key(f) for f in linter.check(seed_text)]
    [error] = linter.check({"headline": "no body"})
    assert error.rule == "ERR003"
    with pytest.raises(TypeError):
        linter.check(42)  # type: ignore[arg-type]


def test_fix_returns_the_kind_it_was_given_with_the_text_scrapelint_fix_writes(
    linter: Linter, seed_text: str, tmp_path: Path
) -> None:
    written = tmp_path / "fixed.txt"
    CliRunner().invoke(main, ["fix", str(SEED_PATH), "--isolated", "-o", str(written)])
    fixed = linter.fix(seed_text)
    assert isinstance(fixed, FixResult)
    assert fixed.value == written.read_text("utf-8")
    assert fixed.changed and fixed.applied["DEB004"] >= 1
    assert all(f.fix is None or f.fix.applicability == "unsafe" for f in fixed.remaining)

    # The golden file is `scrapelint fix --select DEB,DUP,FMT` of the seed.
    golden = GOLDEN_FIXED.read_text("utf-8")
    linter = Linter(select=["DEB", "DUP", "FMT"])
    assert linter.fix(seed_text).value == golden

    record = {"id": "seed", "content": seed_text, "source": "rss", "tags": ["a", "b"]}
    cleaned = linter.fix(record).value
    assert cleaned == {**record, "content": golden}
    assert record["content"] == seed_text  # the input is not modified

    article = linter.fix(Article(id="seed", text=seed_text, path="seed.txt")).value
    assert isinstance(article, Article) and article.text == golden and article.id == "seed"

    clean = linter.fix(golden)
    assert clean.value == golden and not clean.changed


def test_a_fixed_dict_is_the_record_scrapelint_fix_writes(linter: Linter, tmp_path: Path) -> None:
    records = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines() if line.strip()]
    changed = 0
    for number, record in enumerate(records):
        source, written = tmp_path / f"in{number}.jsonl", tmp_path / f"out{number}.jsonl"
        source.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
        CliRunner().invoke(main, ["fix", str(source), "--isolated", "-o", str(written)])
        fixed = linter.fix(record)
        assert fixed.value == json.loads(written.read_text("utf-8")), record["id"]
        assert list(fixed.value) == list(record)  # same keys, same order
        changed += fixed.changed
    assert changed >= 2


def test_unsafe_fixes_only_when_asked(linter: Linter) -> None:
    text = "The Yugoslavaia crisis grew worse over the winter, and the talks in the capital went nowhere at all.\n"
    assert linter.fix(text).value == text
    assert "Yugoslavia" in linter.fix(text, unsafe=True).value


# -- configuration --------------------------------------------------------------------


def test_select_ignore_and_options(seed_text: str) -> None:
    picked = Linter(select=["DEB", "DUP"])
    assert picked.rules and all(code[:3] in ("DEB", "DUP") for code in picked.rules)
    assert {f.rule[:3] for f in picked.check(seed_text)} == {"DEB", "DUP"}
    assert "DUP003" not in Linter(select=["DUP"], ignore=["DUP003"]).rules
    assert "TYP008" in Linter(extend_select=["TYP008"]).rules
    with pytest.raises(ConfigError, match="XYZ"):
        Linter(select=["XYZ"])
    with pytest.raises(ConfigError, match="DUP001"):
        Linter(options={"DUP001": {"no-such-option": 1}})
    short = "Prices went up.\n\nPrices went up.\n"  # three words: shorter than DUP001's default min-words (5)
    assert not Linter(select=["DUP001"]).check(short)
    [repeat] = Linter(select=["DUP001"], options={"DUP001": {"min-words": 3}}).check(short)
    assert short[repeat.start : repeat.end] == "Prices went up."


def test_from_config_reads_pyproject_and_arguments_win(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.scrapelint]\nselect = ["DUP"]\nfields = { text = "body" }\n', "utf-8")
    linter = Linter.from_config(config)
    assert linter.rules and all(code.startswith("DUP") for code in linter.rules)
    [finding] = linter.check({"body": "A sentence that is long enough here.\n\nA sentence that is long enough here.\n"})
    assert finding.rule == "DUP001"
    assert Linter.from_config(config, select=["FMT001"]).rules == ["FMT001"]
    monkeypatch.chdir(tmp_path)
    assert Linter.from_config().rules == linter.rules  # found by walking up, as the CLI finds it
    (tmp_path / "pyproject.toml").write_text('[tool.scrapelint]\nselect = ["NOPE"]\n', "utf-8")
    with pytest.raises(ConfigError, match="NOPE"):
        Linter.from_config()


# -- many articles ----------------------------------------------------------------------


def as_data(results: Iterator[CheckResult]) -> list[tuple[int, str | None, list[tuple[Any, ...]]]]:
    return [(r.index, r.article.id if r.article else None, [key(f) for f in r.findings]) for r in results]


def test_check_many_finds_site_boilerplate_across_the_run_as_the_cli_does(tmp_path: Path) -> None:
    records = site_corpus()
    linter = Linter(fields={"text": "body"})
    results = list(linter.check_many(records))
    assert [r.index for r in results] == list(range(len(records)))
    assert all(r.article is not None and r.article.record == records[r.index] for r in results)
    slogans = [f for r in results for f in r.findings if f.rule == "DEB008"]
    assert len(slogans) == len(records)  # the slogan, on every article of the site
    assert not any(f.rule == "DEB008" for f in linter.check(records[0]))  # one article alone is no site

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    expected = cli_findings(corpus, "--text-field", "body", "--jobs", "1")
    got = [(f.article, *key(f)) for r in results for f in r.findings]
    assert got == [(f["article"], *key(Finding.model_validate(f))) for f in expected]


def test_jobs_2_equals_jobs_1_and_a_generator_equals_a_list() -> None:
    records = [*site_corpus(), {"headline": "not an article"}, "A plain string article , with a stray space."]
    linter = Linter(fields={"text": "body"})
    one = as_data(linter.check_many(records, jobs=1))
    assert len(one) == len(records) > 32  # more than one chunk: the pool really runs
    assert one[-2][1] is None and one[-2][2][0][0] == "ERR003"
    assert as_data(linter.check_many(records, jobs=2)) == one
    assert as_data(linter.check_many(iter(records), jobs=1)) == one  # spooled for the corpus rules' first pass
    assert as_data(linter.check_many((r for r in records), jobs=2)) == one


def test_quality_of_a_result(linter: Linter, seed_text: str) -> None:
    [seed] = linter.check_many([seed_text])
    [clean] = linter.check_many([GOLDEN_FIXED.read_text("utf-8")])
    assert 0.0 < seed.quality < clean.quality <= 1.0


# -- threads --------------------------------------------------------------------------------


def test_one_linter_shared_by_threads_gives_each_the_sequential_results(seed_text: str) -> None:
    linter = Linter(fields={"text": "body"})
    records = site_corpus()
    texts = [seed_text, *(r["body"] for r in records[:6])]
    expected_one = [[key(f) for f in linter.check(text)] for text in texts]
    expected_many = as_data(linter.check_many(records))
    other_site = [{**r, "url": r["url"].replace("countercurrents", "other"), "body": r["body"]} for r in records[:3]]
    expected_other = as_data(linter.check_many(other_site))  # three articles: too few for DEB008
    assert not any(code == "DEB008" for _, _, keys in expected_other for code, *_ in keys)
    errors: list[BaseException] = []
    outcomes: dict[str, list[Any]] = {}

    def work(name: str) -> None:
        try:
            for _ in range(3):
                if name.startswith("one"):
                    outcomes.setdefault(name, []).append([[key(f) for f in linter.check(t)] for t in texts])
                elif name.startswith("many"):
                    outcomes.setdefault(name, []).append(as_data(linter.check_many(records)))
                else:
                    outcomes.setdefault(name, []).append(as_data(linter.check_many(other_site)))
        except BaseException as error:  # reported below, with the thread's name
            errors.append(error)

    threads = [threading.Thread(target=work, args=(name,)) for name in ("one-a", "one-b", "many-a", "other-a")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert outcomes["one-a"] == outcomes["one-b"] == [expected_one] * 3
    assert outcomes["many-a"] == [expected_many] * 3
    assert outcomes["other-a"] == [expected_other] * 3  # the other run's site state never leaked in


def test_the_first_check_builds_what_threads_would_race_to_import() -> None:
    """A Scrapy pipeline lints in a thread pool: lazy state built by two threads at once failed (a half-imported
    rapidfuzz made TYP011 crash). The first call builds it, in a fresh process where nothing else has."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from scrapelint import Linter\n"
        "from scrapelint import realword\n"
        "Linter().check('x')\n"
        "assert 'rapidfuzz.distance.OSA' in sys.modules, 'rapidfuzz not imported'\n"
        "assert realword._common_index.cache_info().currsize == 1, 'TYP011 index not built'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
