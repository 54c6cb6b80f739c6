"""The distribution: a built wheel maps lint/ and rules/ onto `scrapelint`, ships the rule data and entry points."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from scrapelint.cli import rule_docs
from scrapelint.rule import all_rules
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("scrapelint-*.whl")
    return built


def test_wheel_contains_one_import_package_with_rules_and_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "scrapelint/__init__.py" in names and "scrapelint/rules/__init__.py" in names
    assert not any(name.startswith(("lint/", "rules/")) for name in names)
    data_files = (
        sorted(p.name for p in (ROOT / "rules" / "data").glob("*")) if (ROOT / "rules" / "data").is_dir() else []
    )
    for name in data_files:
        assert f"scrapelint/rules/data/{name}" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[scrapelint.rules]" in text and "scrapelint = scrapelint.cli:main" in text


def test_wheel_ships_the_languagetool_pom(wheel: Path) -> None:
    """`scrapelint languagetool fetch` reads it from the installed package, not from a checkout."""
    pom = zipfile.ZipFile(wheel).read("scrapelint/data/languagetool/pom.xml").decode()
    assert "<artifactId>languagetool-server</artifactId>" in pom and "<!-- language modules -->" in pom


def test_installed_wheel_imports_and_runs_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = "import scrapelint, scrapelint.rules; from scrapelint.rule import all_rules; print(scrapelint.__file__, len(all_rules()))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    location, count = result.stdout.split()
    assert location.startswith(str(target)) and int(count) == len(all_rules())


def test_every_rule_documents_itself() -> None:
    for code, rule in all_rules().items():
        docs = rule_docs(rule)
        assert rule.what and rule.why and rule.example, code
        assert docs.startswith(f"{code} ({rule.name})") and "## Why it matters" in docs


def test_pre_commit_hook_runs_scrapelint() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text()
    assert "entry: scrapelint check" in hooks and "id: scrapelint" in hooks


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    command = 'pip install -e ".[test]" && python -m pytest'
    assert command in readme and command in ci
