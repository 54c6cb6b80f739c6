"""The command line as a user runs it: a real process, a real plugin installed through its entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PLUGIN_SOURCE = ROOT / "tests" / "plugin"
SHOUTY = "The MINISTER spoke today.\nNothing else happened.\n"


@pytest.fixture(scope="session")
def plugin_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plugin, pip-installed (entry point and all) into a folder of its own."""
    target = tmp_path_factory.mktemp("plugin-site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(PLUGIN_SOURCE)],
        check=True,
        capture_output=True,
    )
    return target


def scrapelint(*args: str, stdin: str | None = None, cwd: Path | None = None, plugin: Path | None = None):
    env = dict(os.environ)
    if plugin is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(plugin), env.get("PYTHONPATH", "")]))
    return subprocess.run(
        [sys.executable, "-m", "scrapelint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )


def test_plugin_rule_is_registered_listed_documented_and_run(plugin_dir: Path, tmp_path: Path) -> None:
    listing = scrapelint("rules", plugin=plugin_dir)
    assert "XMP001" in listing.stdout and "shouted-word" in listing.stdout
    docs = scrapelint("rule", "XMP001", plugin=plugin_dir)
    assert "Shouting reads as spam." in docs.stdout and "min-length" in docs.stdout
    (tmp_path / "a.txt").write_text(SHOUTY)
    result = scrapelint("check", "a.txt", "--select", "XMP", "--isolated", cwd=tmp_path, plugin=plugin_dir)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "a.txt:1:5: XMP001 shouted word 'MINISTER'"


def test_clean_input_exits_zero_and_says_so(plugin_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Nothing shouted here.\n")
    result = scrapelint("check", "a.txt", "--select", "XMP", "--isolated", cwd=tmp_path, plugin=plugin_dir)
    assert result.returncode == 0 and "All checks passed (1 article)." in result.stdout


def test_stdin_jsonl_github_format(plugin_dir: Path) -> None:
    records = json.dumps({"id": "r1", "text": SHOUTY}) + "\n" + json.dumps({"id": "r2", "text": "calm"}) + "\n"
    result = scrapelint(
        "check", "-", "--select", "XMP", "--isolated", "--format", "github", stdin=records, plugin=plugin_dir
    )
    assert result.returncode == 1
    assert result.stdout == "::notice file=-,line=1,title=XMP001 shouted-word::[r1] shouted word 'MINISTER'\n"


def test_json_output_points_at_the_exact_characters(plugin_dir: Path, tmp_path: Path) -> None:
    text = "Première ligne 🙂 e\u0301té.\nLe GOUVERNEMENT a parlé.\n"
    (tmp_path / "fr.txt").write_text(text, "utf-8")
    result = scrapelint(
        "check", "fr.txt", "--select", "XMP001", "--isolated", "--format", "json", cwd=tmp_path, plugin=plugin_dir
    )
    [finding] = json.loads(result.stdout)
    assert text[finding["start"] : finding["end"]] == "GOUVERNEMENT"
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (2, 4, 2, 16)
    assert finding["fix"] == {
        "start": finding["start"],
        "end": finding["end"],
        "replacement": "Gouvernement",
        "applicability": "unsafe",
        "description": "lower-case it",
    }


def test_input_errors_exit_two_after_linting_the_rest(plugin_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "scrape.jsonl").write_text('{"text": "fine"}\n{oops\n' + json.dumps({"text": SHOUTY}) + "\n")
    result = scrapelint(
        "check", "scrape.jsonl", "missing.txt", "--select", "XMP", "--isolated", cwd=tmp_path, plugin=plugin_dir
    )
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert lines[0].startswith("scrape.jsonl:2:1: ERR002 invalid JSON")
    assert lines[1] == "scrape.jsonl:scrape.jsonl:3:1:5: XMP001 shouted word 'MINISTER'"
    assert lines[2].startswith("missing.txt:1:1: ERR001 cannot read")
    assert "Traceback" not in result.stderr


def test_exit_zero_and_fail_on(plugin_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SHOUTY)
    base = ("check", "a.txt", "--select", "XMP", "--isolated")
    assert scrapelint(*base, "--exit-zero", cwd=tmp_path, plugin=plugin_dir).returncode == 0
    assert scrapelint(*base, "--fail-on", "warning", cwd=tmp_path, plugin=plugin_dir).returncode == 0  # XMP001 is info
    assert scrapelint(*base, "--fail-on", "info", cwd=tmp_path, plugin=plugin_dir).returncode == 1


def test_config_discovered_by_walking_up_and_cli_wins(plugin_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.scrapelint]\nselect = ["XMP"]\n[tool.scrapelint.rules.XMP001]\nmin-length = 20\n'
    )
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "x.txt").write_text(SHOUTY)
    assert scrapelint("check", "x.txt", cwd=nested, plugin=plugin_dir).returncode == 0  # MINISTER is shorter than 20
    overridden = scrapelint("check", "x.txt", "--option", "XMP001.min_length=6", cwd=nested, plugin=plugin_dir)
    assert overridden.returncode == 1
    assert (
        scrapelint(
            "check", "x.txt", "--ignore", "XMP001", "--option", "XMP001.min_length=6", cwd=nested, plugin=plugin_dir
        ).returncode
        == 0
    )


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[tool.scrapelint]\nselekt = ["DUP"]\n', "tool.scrapelint.selekt: unknown key"),
        (
            '[tool.scrapelint]\nfail-on = "fatal"\n',
            "tool.scrapelint.fail-on: Input should be 'info', 'warning' or 'error'",
        ),
        ('[tool.scrapelint]\nselect = ["NOPE"]\n', "unknown rule selector 'NOPE'"),
        ("[tool.scrapelint.rules.XMP001]\nmin-lenght = 3\n", "rules.XMP001.min-lenght: unknown key"),
        (
            '[tool.scrapelint.rules.XMP001]\nmin-length = "long"\n',
            "rules.XMP001.min-length: Input should be a valid integer",
        ),
        ("[tool.scrapelint\n", "invalid TOML"),
    ],
)
def test_config_errors_name_the_key_and_exit_two(plugin_dir: Path, tmp_path: Path, config: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(config)
    (tmp_path / "a.txt").write_text("text")
    result = scrapelint("check", "a.txt", cwd=tmp_path, plugin=plugin_dir)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr


def test_scrapelint_toml_and_isolated(plugin_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "scrapelint.toml").write_text('select = ["XMP"]\nignore-text = ["MINISTER"]\n')
    (tmp_path / "a.txt").write_text(SHOUTY)
    assert scrapelint("check", "a.txt", cwd=tmp_path, plugin=plugin_dir).returncode == 0  # ignore-text suppresses it
    isolated = scrapelint("check", "a.txt", "--isolated", "--select", "XMP", cwd=tmp_path, plugin=plugin_dir)
    assert isolated.returncode == 1


def test_per_article_and_per_path_ignores(plugin_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "scrapelint.toml").write_text(
        'select = ["XMP"]\n[per-article-ignores]\n"https://shouty.example/*" = ["XMP001"]\n'
        '[per-path-ignores]\n"legacy/*" = ["XMP"]\n'
    )
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.txt").write_text(SHOUTY)
    records = [{"url": "https://shouty.example/a", "text": SHOUTY}, {"url": "https://calm.example/b", "text": SHOUTY}]
    (tmp_path / "s.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    result = scrapelint("check", "s.jsonl", "legacy", "--format", "json", cwd=tmp_path, plugin=plugin_dir)
    assert [f["article"] for f in json.loads(result.stdout)] == ["https://calm.example/b"]


def test_schema_is_the_finding_model() -> None:
    schema = json.loads(scrapelint("schema").stdout)
    assert schema["title"] == "Finding"
    assert {"rule", "name", "message", "severity", "start", "end", "line", "column", "fix", "related"} <= set(
        schema["properties"]
    )


def test_unknown_rule_docs_is_a_usage_error() -> None:
    result = scrapelint("rule", "ZZZ999")
    assert result.returncode == 2 and "no rule 'ZZZ999'" in result.stderr


def test_show_source_and_statistics(plugin_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SHOUTY + "ANOTHER SHOUTED line.\n")
    shown = scrapelint(
        "check", "a.txt", "--isolated", "--select", "XMP", "--show-source", cwd=tmp_path, plugin=plugin_dir
    )
    assert "1 | The MINISTER spoke today.\n        ^^^^^^^^\n" in shown.stdout
    stats = scrapelint(
        "check", "a.txt", "--isolated", "--select", "XMP", "--statistics", cwd=tmp_path, plugin=plugin_dir
    )
    assert stats.stdout.splitlines()[0].split() == ["3", "XMP001", "shouted-word"]


def test_output_file_is_written(plugin_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SHOUTY)
    result = scrapelint(
        "check",
        "a.txt",
        "--isolated",
        "--select",
        "XMP",
        "--format",
        "sarif",
        "-o",
        "out.sarif",
        cwd=tmp_path,
        plugin=plugin_dir,
    )
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads((tmp_path / "out.sarif").read_text())["version"] == "2.1.0"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_stdin_is_linted_whole_when_a_corpus_rule_needs_two_passes(jobs: str) -> None:
    """stdin can be read only once; the first pass (DEB008) must not leave the second pass empty."""
    body = "A real paragraph of the article, long enough to be its body and nothing else at all."
    records = "".join(json.dumps({"id": str(i), "text": f"Skip to main content\n{body} {i}"}) + "\n" for i in range(40))
    result = scrapelint("check", "-", "--select", "DEB", "--isolated", "-j", jobs, "--format", "json", stdin=records)
    assert [f["article"] for f in json.loads(result.stdout)] == [str(i) for i in range(40)]
