"""The distribution as users get it: built, installed outside the checkout, and run through its console script.

The tests marked `install` build the sdist and the wheel once per session and install them into fresh virtualenvs
with their real dependencies (not editable, cwd outside the checkout), so a module or data file that the build
leaves out fails here, not on a user's first call. They take a few minutes; `-m "not install"` skips them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: scrapelint depends on tomli there
    import tomli as tomllib

import scrapelint
from scrapelint.cli import rule_docs
from scrapelint.report import FORMATS
from scrapelint.rule import all_rules
from tests.conftest import ROOT

SEED = next((ROOT / "seeds").glob("*.txt"))


def run(
    args: list[str | Path], cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """A command as a user types it: no PYTHONPATH pointing into the checkout, output captured as text."""
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")} | (env or {})
    command = [str(a) for a in args]
    return subprocess.run(command, cwd=cwd, env=environ, input=stdin, capture_output=True, text=True, check=False)


def checked(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, f"{result.args}\n{result.stdout}\n{result.stderr}"
    return result


@dataclass(frozen=True)
class Dists:
    sdist: Path
    wheel: Path  # built from the sdist, as `python -m build` does
    tree_wheel: Path  # built straight from the checkout, as `pip install .` does


def build_from_tree(tree: Path, out: Path) -> Path:
    checked(run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", out, tree], cwd=out))
    [built] = out.glob("scrapelint-*.whl")
    return built


@pytest.fixture(scope="session")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Dists:
    out = tmp_path_factory.mktemp("dist")
    checked(run([sys.executable, "-m", "build", "--outdir", out, ROOT], cwd=out))
    [sdist] = out.glob("scrapelint-*.tar.gz")
    [wheel] = out.glob("scrapelint-*.whl")
    tree_wheel = build_from_tree(ROOT, tmp_path_factory.mktemp("tree-wheel"))
    return Dists(sdist, wheel, tree_wheel)


def fresh_venv(where: Path, requirement: Path) -> Path:
    """A new virtualenv with `requirement` and its real dependencies installed; returns its bin folder."""
    venv.create(where, with_pip=True)
    bin_dir = where / ("Scripts" if os.name == "nt" else "bin")
    checked(
        run([bin_dir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", requirement], where)
    )
    return bin_dir


@pytest.fixture(scope="session")
def installed(dists: Dists, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The console script of the wheel installed into a fresh venv."""
    return fresh_venv(tmp_path_factory.mktemp("venv-wheel"), dists.wheel) / "scrapelint"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A folder outside the checkout with a copy of the seed articles."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def wheel_names(wheel: Path) -> list[str]:
    return sorted(n for n in zipfile.ZipFile(wheel).namelist() if ".dist-info/" not in n)


@pytest.mark.install
def test_wheel_contains_one_import_package_with_rules_and_data(dists: Dists) -> None:
    names = zipfile.ZipFile(dists.wheel).namelist()
    assert "scrapelint/__init__.py" in names and "scrapelint/rules/__init__.py" in names
    assert not any(name.startswith(("lint/", "rules/")) for name in names)
    for folder, package in (("lint", "scrapelint"), ("rules", "scrapelint/rules")):
        for path in (ROOT / folder).rglob("*"):
            relative = path.relative_to(ROOT / folder).as_posix()
            if path.is_file() and "__pycache__" not in relative:
                assert f"{package}/{relative}" in names, f"{folder}/{relative} is not in the wheel"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(dists.wheel).read(entry_points).decode()
    assert "[scrapelint.rules]" in text and "scrapelint = scrapelint.cli:main" in text


@pytest.mark.install
def test_wheel_ships_the_languagetool_pom(dists: Dists) -> None:
    """`scrapelint languagetool fetch` reads it from the installed package, not from a checkout."""
    pom = zipfile.ZipFile(dists.wheel).read("scrapelint/data/languagetool/pom.xml").decode()
    assert "<artifactId>languagetool-server</artifactId>" in pom and "<!-- language modules -->" in pom


@pytest.mark.install
def test_sdist_builds_the_same_wheel_as_the_tree(dists: Dists) -> None:
    assert wheel_names(dists.wheel) == wheel_names(dists.tree_wheel)
    with tarfile.open(dists.sdist) as sdist:
        sdist_names = sdist.getnames()
    top = sdist_names[0].split("/")[0]
    for needed in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "CHANGELOG.md", "tests/test_seed.py"):
        assert f"{top}/{needed}" in sdist_names, needed


@pytest.mark.install
def test_twine_accepts_the_distributions(dists: Dists, tmp_path: Path) -> None:
    result = checked(run([sys.executable, "-m", "twine", "check", "--strict", dists.sdist, dists.wheel], tmp_path))
    assert result.stdout.count("PASSED") == 2


@pytest.mark.install
def test_new_modules_subpackages_and_data_at_any_depth_ship_without_editing_pyproject(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__"))
    added = {
        "lint/summary_new.py": "scrapelint/summary_new.py",
        "lint/newpkg/__init__.py": "scrapelint/newpkg/__init__.py",
        "lint/newpkg/deep/mod.py": "scrapelint/newpkg/deep/mod.py",
        "lint/pom.xml": "scrapelint/pom.xml",
        "rules/data/lexicons/de/names.txt": "scrapelint/rules/data/lexicons/de/names.txt",
        "rules/extra.json": "scrapelint/rules/extra.json",
    }
    for source in added:
        (tree / source).parent.mkdir(parents=True, exist_ok=True)
        (tree / source).write_text("x = 1\n" if source.endswith(".py") else "data\n")
    out = tmp_path / "out"
    out.mkdir()
    names = zipfile.ZipFile(build_from_tree(tree, out)).namelist()
    assert set(added.values()) <= set(names)
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)


@pytest.mark.install
def test_version_is_the_one_in_the_package(installed: Path, workspace: Path) -> None:
    result = checked(run([installed, "--version"], workspace))
    assert result.stdout.strip() == f"scrapelint, version {scrapelint.__version__}"


@pytest.mark.install
@pytest.mark.parametrize("fmt", FORMATS)
def test_check_seeds_in_every_format(installed: Path, workspace: Path, fmt: str) -> None:
    result = run([installed, "check", "seeds/", "--format", fmt], workspace)
    assert result.returncode == 1, result.stderr  # the seed has real defects
    assert "Traceback" not in result.stderr
    if fmt == "json":
        findings = json.loads(result.stdout)
        assert findings and "DEB" in json.dumps(findings)
    elif fmt == "sarif":
        sarif = json.loads(result.stdout)
        assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    elif fmt == "github":
        assert re.search(r"^::(error|warning|notice) file=seeds/", result.stdout, re.M)
    elif fmt == "html":
        assert "<html" in result.stdout.lower() and "DEB001" in result.stdout
    else:
        assert "DEB001" in result.stdout and SEED.name in result.stdout


@pytest.mark.install
def test_check_reads_stdin(installed: Path, workspace: Path) -> None:
    result = run([installed, "check", "-", "--format", "json"], workspace, stdin=SEED.read_text())
    assert result.returncode == 1, result.stderr
    assert any(f["rule"] == "DEB001" for f in json.loads(result.stdout))


@pytest.mark.install
def test_fix_diff_rules_rule_and_schema(installed: Path, workspace: Path) -> None:
    diff = run([installed, "fix", "seeds/", "--diff"], workspace)
    assert (
        diff.returncode == 1 and f"+++ b/seeds/{SEED.name}" in diff.stdout and "\n-Skip to main content" in diff.stdout
    )
    assert (workspace / "seeds" / SEED.name).read_text() == SEED.read_text()  # --diff writes nothing
    listing = checked(run([installed, "rules"], workspace)).stdout
    assert all(code in listing for code in all_rules() if not code.startswith("ERR"))  # input errors are not listed
    one = checked(run([installed, "rule", "DUP002"], workspace)).stdout
    assert one.strip() == rule_docs(all_rules()["DUP002"]).strip()
    schema = json.loads(checked(run([installed, "schema"], workspace)).stdout)
    assert {"rule", "start", "end"} <= set(schema["properties"])


@pytest.mark.install
def test_installed_from_the_sdist_lints_like_the_wheel(
    dists: Dists, installed: Path, workspace: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from_sdist = fresh_venv(tmp_path_factory.mktemp("venv-sdist"), dists.sdist) / "scrapelint"
    assert checked(run([from_sdist, "--version"], workspace)).stdout == run([installed, "--version"], workspace).stdout
    ours, theirs = (run([exe, "check", "seeds/", "--format", "json"], workspace) for exe in (from_sdist, installed))
    assert ours.returncode == theirs.returncode == 1 and ours.stdout == theirs.stdout


def git(repo: Path, *args: str) -> None:
    checked(run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], repo))


@pytest.mark.install
@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_try_repo_runs_the_shipped_hook(workspace: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    git(workspace, "init", "--quiet")
    git(workspace, "add", "seeds")
    env = {"PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    article = f"seeds/{SEED.name}"
    command = [sys.executable, "-m", "pre_commit", "try-repo", ROOT, "scrapelint", "--files", article]
    result = run(command, workspace, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout and "DEB001" in result.stdout and article in result.stdout


def github_expression(value: str, inputs: dict[str, str], context: dict[str, str]) -> str:
    """`${{ inputs.x }}` and `${{ github.x }}` substituted as the runner would (the action uses no other)."""

    def one(match: re.Match[str]) -> str:
        scope, name = match.group(1).split(".", 1)
        return inputs[name] if scope == "inputs" else context[name]

    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", one, value)


@pytest.fixture(scope="session")
def runner_temp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The runner's RUNNER_TEMP, shared by the action tests as by the steps of one job (one install)."""
    return tmp_path_factory.mktemp("runner-temp")


def run_action(workspace: Path, runner_temp: Path, given: dict[str, str]) -> Iterator[subprocess.CompletedProcess[str]]:
    """Runs action.yml's steps in `workspace` as a composite action runs them: each `run:` in bash with its `env:`,
    inputs and `github.action_path` substituted, GITHUB_ENV/GITHUB_PATH/GITHUB_OUTPUT carried between steps."""
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()} | given
    runner = workspace.parent / "runner"
    runner.mkdir(exist_ok=True)
    files = {name: runner / name.lower() for name in ("GITHUB_ENV", "GITHUB_PATH", "GITHUB_OUTPUT")}
    for file in files.values():
        file.touch()
    carried: dict[str, str] = {}
    for step in action["runs"]["steps"]:
        assert step["shell"] == "bash"
        script = github_expression(step["run"], inputs, {"action_path": str(ROOT)})
        env = {k: github_expression(str(v), inputs, {"action_path": str(ROOT)}) for k, v in step["env"].items()}
        extra_path = [line for line in files["GITHUB_PATH"].read_text().splitlines() if line]
        env |= carried | {name: str(file) for name, file in files.items()} | {"RUNNER_TEMP": str(runner_temp)}
        env["PATH"] = os.pathsep.join([*reversed(extra_path), os.environ["PATH"]])
        yield run(["bash", "-e", "-c", script], workspace, env=env)
        carried |= dict(line.split("=", 1) for line in files["GITHUB_ENV"].read_text().splitlines() if "=" in line)


@pytest.mark.install
def test_github_action_installs_from_its_checkout_writes_sarif_and_returns_the_exit_code(
    workspace: Path, runner_temp: Path
) -> None:
    install, check = run_action(workspace, runner_temp, {"paths": "seeds/", "args": "--fail-on warning"})
    assert install.returncode == 0, install.stderr
    assert check.returncode == 1, check.stderr  # scrapelint's own exit code: the seed has warnings
    sarif = json.loads((workspace / "scrapelint.sarif").read_text())
    assert sarif["runs"][0]["results"] and sarif["runs"][0]["tool"]["driver"]["version"] == scrapelint.__version__
    assert re.search(r"^::(error|warning) file=seeds/", check.stdout, re.M)  # the annotations
    outputs = (workspace.parent / "runner" / "github_output").read_text()
    assert "exit-code=1" in outputs


@pytest.mark.install
def test_github_action_without_annotations_and_a_clean_article(workspace: Path, runner_temp: Path) -> None:
    (workspace / "clean.txt").write_text("The council approved the budget on Tuesday.\n\nIt takes effect in May.\n")
    install, check = run_action(
        workspace, runner_temp, {"paths": "clean.txt", "annotations": "false", "sarif-file": "out.sarif"}
    )
    assert install.returncode == 0, install.stderr
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout == "" and json.loads((workspace / "out.sarif").read_text())["runs"][0]["results"] == []


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


def test_readme_main_command_is_the_plain_install() -> None:
    assert "pip install . && scrapelint check seeds/" in (ROOT / "README.md").read_text()


def test_version_is_kept_in_one_place() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "version" in project["dynamic"] and "version" not in project
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert f"## [{scrapelint.__version__}]" in changelog and "## [Unreleased]" in changelog
