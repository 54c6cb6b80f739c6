"""Start-up: heavy state and libraries load when a rule needs them, once per process, and still before `--jobs` forks.

Each test runs in a fresh interpreter, since what it checks is what a new process has loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PLAIN = "The council approved the budget on Tuesday.\n\nThe new rules take effect in May, officials said.\n"


def fresh(code: str, tmp_path: Path) -> dict[str, object]:
    """Run `code` in a new interpreter; it prints one JSON object, returned here."""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def test_registry_and_cli_import_no_heavy_library(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "from scrapelint.cli import main\n"
        "from scrapelint.rule import all_rules\n"
        "all_rules()\n"
        "heavy = ['wordfreq', 'symspellpy', 'rapidfuzz', 'ftfy', 'dateutil', 'language_tool_python', 'pyarrow', 'dask']\n"
        "print(json.dumps({'loaded': [m for m in heavy if m in sys.modules]}))\n"
    )
    assert fresh(code, tmp_path)["loaded"] == []


def test_a_plain_article_builds_no_bigram_table_and_warm_builds_it(tmp_path: Path) -> None:
    article = tmp_path / "plain.txt"
    article.write_text(PLAIN)
    code = (
        "import json, contextlib, io\n"
        "from scrapelint import spelling\n"
        "from scrapelint.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main([ 'check', {str(article)!r}])\n"
        "lexicon = spelling.lexicon()\n"
        "parts = ('buckets', 'head_buckets', 'by_undoubled', 'bigrams')\n"
        "before = sorted(n for n in parts if n in vars(lexicon))\n"
        "lexicon.warm()\n"
        "after = sorted(n for n in parts if n in vars(lexicon))\n"
        "print(json.dumps({'before': before, 'after': after, 'bigrams': len(lexicon.bigrams)}))\n"
    )
    state = fresh(code, tmp_path)
    assert state["before"] == []  # checked, TYP on, yet nothing built that this article did not need
    assert state["after"] == ["bigrams", "buckets", "by_undoubled", "head_buckets"]
    assert int(str(state["bigrams"])) > 100_000


def test_engine_warms_the_lexicon_before_forking_workers(tmp_path: Path) -> None:
    code = (
        "import json\n"
        "from scrapelint import spelling\n"
        "from scrapelint.config import Settings, resolve_rules\n"
        "from scrapelint.engine import Linter, warm_up\n"
        "from scrapelint.models import Article\n"
        "settings = Settings()\n"
        "linter = Linter(resolve_rules(settings), settings)\n"
        f"warm_up(linter, [Article(id='a', path='a.txt', text={PLAIN!r})])\n"
        "import gc; gc.unfreeze()\n"
        "lexicon = spelling.lexicon()\n"
        "parts = ('buckets', 'head_buckets', 'by_undoubled', 'bigrams')\n"
        "print(json.dumps({'built': sorted(n for n in parts if n in vars(lexicon))}))\n"
    )
    assert fresh(code, tmp_path)["built"] == ["bigrams", "buckets", "by_undoubled", "head_buckets"]


def test_suggestions_and_unlikely_words_come_from_the_tables_built_on_first_use(tmp_path: Path) -> None:
    """A misspelling's suggestion (buckets) and an unlikely word (bigrams) are still found, in a fresh process."""
    article = tmp_path / "typos.txt"
    article.write_text("Millions died in the Second Wold War, he said.\n\nHe recieved the letter on Tuesday.\n")
    result = subprocess.run(
        [sys.executable, "-m", "scrapelint", "check", str(article), "--format", "json", "--select", "TYP"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(result.stdout)
    fixes = {f["fix"]["replacement"] for f in findings if f.get("fix")}
    assert {"received", "World"} <= fixes, findings
