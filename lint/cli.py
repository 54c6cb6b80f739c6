"""The command line: `scrapelint check|rules|rule|schema`.

Exit codes: 0 nothing reported, 1 findings at or above `--fail-on` (with --baseline/--max-share: a gate failed),
2 usage, config or input errors, 3 an internal error (see errors.py).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TextIO, cast

import click

from scrapelint import __version__
from scrapelint.config import ConfigError, Settings, find_config, load_config, override, parse_settings, resolve_rules
from scrapelint.engine import Linter, Result, default_jobs, run
from scrapelint.errors import GuardedGroup, about, stop
from scrapelint.models import Article, Finding, Severity
from scrapelint.report import FORMATS, ReportContext, renderer
from scrapelint.rule import Rule, RuleError, all_rules
from scrapelint.sources import DEFAULT_INCLUDE, SourceOptions, read_paths
from scrapelint.summary.run import GateError, SummaryRun, summary_options

SEVERITIES = [s.value for s in Severity]


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def lint_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by `check` and `fix`: what to read, which rules, which config."""
    options = [
        # (not readable=True: an unreadable input is an ERR001 finding, and the other inputs are still linted)
        click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, readable=False)),
        click.option(
            "--select", multiple=True, help="Rules to run: codes or prefixes (DUP, DUP00, DUP002), comma-separated."
        ),
        click.option("--ignore", multiple=True, help="Rules not to run."),
        click.option(
            "--extend-select", multiple=True, help="Rules to add to the selection (e.g. off-by-default ones)."
        ),
        click.option(
            "--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Config file to use."
        ),
        click.option("--isolated", is_flag=True, help="Ignore every config file."),
        click.option(
            "--include",
            multiple=True,
            help=f"Globs of files read from directories (default: {' '.join(DEFAULT_INCLUDE[:6])} ...).",
        ),
        click.option("--exclude", multiple=True, help="Globs of paths never read."),
        click.option(
            "--stdin-format", type=click.Choice(["text", "json", "jsonl"]), help="Format of `-` (default: sniffed)."
        ),
        click.option("--text-field", help="Record key holding the article body."),
        click.option(
            "--field", "field_map", multiple=True, metavar="NAME=KEY", help="Map a field: --field published=pub_time."
        ),
        click.option(
            "--option",
            "rule_options",
            multiple=True,
            metavar="CODE.KEY=VALUE",
            help="Set a rule option (value parsed as JSON, else string).",
        ),
        click.option(
            "--dictionary",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False),
            help="Word list accepted by the spelling rules.",
        ),
        click.option(
            "--languagetool-url",
            "--languagetool",
            "languagetool_url",
            metavar="URL|local|ltp",
            help="LanguageTool for the spelling/grammar rules: a server URL, `local` (started for this run, after "
            "`scrapelint languagetool fetch`) or `ltp` (language-tool-python's own download).",
        ),
        click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: number of cores)."),
        click.option(
            "--language", help='Language of every article ("de"), or "auto" (default): the record\'s, else detected.'
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@dataclass
class Invocation:
    """What `check` and `fix` resolve from flags and config before linting."""

    settings: Settings
    linter: Linter
    sources: SourceOptions
    paths: list[str]
    jobs: int
    rules: dict[str, type[Rule]] = field(default_factory=dict)

    def results(self) -> Iterator[Result]:
        return run(self.linter, lambda: read_paths(self.paths, self.sources), self.jobs)


def resolve(**kw: Any) -> Invocation:
    """Config file, then CLI flags on top; raises ConfigError with the offending key."""
    if kw["config_path"]:
        settings = load_config(Path(kw["config_path"]))
    elif not kw["isolated"] and (found := find_config(Path.cwd())):
        settings = load_config(found)
    else:
        settings = Settings()
    settings = override(
        settings,
        select=_split(kw["select"]) if kw["select"] else None,
        ignore=_split(kw["ignore"]),
        extend_select=_split(kw["extend_select"]),
    )
    if kw["include"]:
        settings.include = _split(kw["include"])
    settings.exclude += _split(kw["exclude"])
    for mapping in kw["field_map"]:
        name, sep, key = mapping.partition("=")
        if not sep:
            raise ConfigError(f"--field {mapping!r}: expected NAME=KEY")
        settings.fields[name.strip()] = key.strip()
    if kw["text_field"]:
        settings.fields["text"] = kw["text_field"]
    if kw["language"]:
        settings.language = kw["language"]
    settings = parse_settings(settings.model_dump(by_alias=True))  # re-validate the merged result
    _apply_rule_options(settings, kw)
    linter = Linter(resolve_rules(settings), settings)
    sources = SourceOptions(
        include=tuple(settings.include) if settings.include else DEFAULT_INCLUDE,
        exclude=tuple(settings.exclude),
        stdin_format=kw["stdin_format"],
        fields=settings.fields,
    )
    jobs = kw["jobs"] or settings.jobs or default_jobs()
    paths = list(kw["paths"]) or ["-"]
    return Invocation(settings, linter, sources, paths, jobs, {rule.code: type(rule) for rule in linter.rules})


def _apply_rule_options(settings: Settings, kw: dict[str, Any]) -> None:
    """`--option CODE.KEY=VALUE`, and shorthands that set the option of that name on every rule that has it."""
    for assignment in kw["rule_options"]:
        target, sep, raw = assignment.partition("=")
        code, dot, key = target.partition(".")
        if not sep or not dot:
            raise ConfigError(f"--option {assignment!r}: expected CODE.KEY=VALUE")
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        settings.rules.setdefault(code.strip(), {})[key.strip()] = value
    for path in kw["dictionary"]:  # one error at the start, not one per article and rule
        try:
            Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"--dictionary {path}: cannot read as UTF-8 text: {error}") from None
    shorthands = {"dictionaries": list(kw["dictionary"]), "languagetool_url": kw["languagetool_url"]}
    for key, value in shorthands.items():
        if not value:
            continue
        for code, rule in all_rules().items():
            if key in rule.Options.model_fields:
                settings.rules.setdefault(code, {})[key] = value


class Tally:
    """Counts what flows past, for the exit code."""

    def __init__(self, fail_on: Severity) -> None:
        self.fail_on = fail_on
        self.failing = 0
        self.input_errors = 0

    def watch(self, results: Iterable[Result]) -> Iterator[Result]:
        for result in results:
            for finding in result.findings:
                self.count(finding)
            yield result

    def count(self, finding: Finding) -> None:
        if finding.rule.startswith("ERR"):
            self.input_errors += 1
        elif finding.severity.rank >= self.fail_on.rank:
            self.failing += 1

    def exit_code(self, exit_zero: bool = False) -> int:
        if self.input_errors:
            return 2
        return 0 if exit_zero or not self.failing else 1


def fail(message: str) -> NoReturn:
    stop(message)


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="scrapelint")  # the one place the version is kept
def main() -> None:
    """A data-quality linter for scraped articles."""


@main.command()
@lint_options
@summary_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), help="Write the report here (default: stdout)."
)
@click.option(
    "--fail-on", type=click.Choice(SEVERITIES), help="Lowest severity that makes the exit code 1 (default: info)."
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (input errors still exit 2).")
@click.option("--quiet", "-q", is_flag=True, help="Findings only, no summary.")
@click.option("--show-source", is_flag=True, help="Show the line and a caret under each finding.")
@click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: when writing to a terminal).")
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS|local",
    help="Lint on a Dask cluster (tcp://scheduler:8786), or `local` for a LocalCluster of --jobs workers.",
)
@click.option(
    "--fix",
    "apply_fixes",
    is_flag=True,
    help="Fix the files in place first (as `scrapelint fix`), then report what remains.",
)
@click.option("--unsafe-fixes", is_flag=True, help="With --fix, also apply unsafe fixes.")
def check(
    fmt: str,
    output: str | None,
    fail_on: str | None,
    exit_zero: bool,
    quiet: bool,
    show_source: bool,
    statistics: bool,
    color: bool | None,
    dask_address: str | None,
    apply_fixes: bool,
    unsafe_fixes: bool,
    **kw: Any,
) -> None:
    """Lint articles in PATHS (files, directories, or - for stdin).

    With --baseline or --max-share the exit code is the gates': 1 only when one fails.
    """
    try:
        gate = SummaryRun.pop_from(kw)
        invocation = resolve(**kw)
    except (ConfigError, RuleError, GateError) as error:
        fail(str(error))
    _check_output(output, invocation)
    tally = Tally(Severity(fail_on) if fail_on else invocation.settings.fail_on)
    out: TextIO
    with _open_output(output) as out:
        use_color = color if color is not None else (output in (None, "-") and sys.stdout.isatty())
        context = ReportContext(
            rules=invocation.rules,
            color=use_color,
            show_source=show_source,
            statistics=statistics,
            quiet=quiet,
            settings={
                "paths": invocation.paths,
                "select": invocation.settings.select,
                "jobs": invocation.jobs,
                "language": invocation.settings.language,
            },
            summary=gate.fold if gate.wanted or fmt == "html" else None,
        )
        results = invocation.results() if not dask_address else _dask_results(invocation, dask_address)
        if apply_fixes:
            results = _fixed_results(invocation, unsafe_fixes)
        if context.summary is not None:
            results = gate.fold.watch(results)
        try:
            renderer(fmt)(tally.watch(results), out, context)
        except ConfigError as error:  # a backend gone mid-run (LanguageTool stopped answering)
            fail(str(error))
        gate_failed = gate.wanted and gate.finish(invocation.rules, out if fmt == "github" else None)
    code = tally.exit_code(exit_zero)
    if gate.gated and code != 2:  # gated: the gates decide; --fail-on, when given, applies as well
        code = 0 if exit_zero else int(gate_failed or (fail_on is not None and tally.failing > 0))
    sys.exit(code)


def _dask_results(invocation: Invocation, address: str) -> Iterator[Result]:
    """`check --dask`: the same results, linted by a Dask cluster (the optional extra scrapelint[dask])."""
    try:
        from scrapelint.dask import run_dask

        return run_dask(invocation.linter, invocation.paths, invocation.sources, address, invocation.jobs)
    except (ImportError, ValueError) as error:
        fail(str(error))
        raise  # unreachable: fail exits


def _check_output(output: str | None, invocation: Invocation) -> None:
    """Refuse a report path that is one of the inputs (it would be overwritten) or in no directory."""
    if output in (None, "-"):
        return
    from scrapelint.atomic import is_special
    from scrapelint.sources import expand_paths

    target = Path(output)
    if is_special(target):
        return
    if not target.resolve().parent.is_dir():
        fail(f"--output {output}: no such directory")
    inputs = {os.path.realpath(p) for p in expand_paths(invocation.paths, invocation.sources) if p != "-"}
    if os.path.realpath(output) in inputs:
        fail(f"--output {output} is one of the inputs: the report would overwrite it")


class _open_output:
    """stdout, or a file written atomically (temp file + rename) so a report is never half-written."""

    def __init__(self, output: str | None) -> None:
        self.output = output

    def __enter__(self) -> TextIO:
        if self.output in (None, "-"):
            return sys.stdout
        from scrapelint.atomic import atomic_writer

        self._writer = atomic_writer(Path(self.output))
        return cast(TextIO, self._writer.__enter__())

    def __exit__(self, *exc: Any) -> None:
        if self.output not in (None, "-"):
            self._writer.__exit__(*exc)


@main.command("rules")
@click.option("--all", "show_all", is_flag=True, help="Also show the input-error (ERR) rules.")
def list_rules(show_all: bool) -> None:
    """List every rule: code, name, on/off by default, fix, summary."""
    for code, rule in all_rules().items():
        if code.startswith("ERR") and not show_all:
            continue
        default = "on " if rule.enabled_by_default else "off"
        fix = {"none": "    ", "safe": "fix ", "unsafe": "fix?", "sometimes": "fix~"}[rule.fixable]
        languages = ",".join(rule.languages)
        click.echo(f"{code:<7} {rule.name:<32} {default} {fix} {languages:<5} {rule.summary}")
    click.echo(
        "\nfix = safe fix, fix? = unsafe fix (--unsafe-fixes), fix~ = safe for some findings; "
        "* = any language, else the languages a rule knows. `scrapelint rule CODE` shows a rule's docs."
    )


@main.command("rule")
@click.argument("code")
def show_rule(code: str) -> None:
    """Show one rule's docs: what it does, why, example, options."""
    rule = all_rules().get(code.upper())
    if rule is None:
        fail(f"no rule {code!r}; `scrapelint rules` lists them")
    click.echo(rule_docs(rule))


def rule_docs(rule: type[Rule]) -> str:
    lines = [
        f"{rule.code} ({rule.name})",
        "",
        rule.summary,
        "",
        f"Default: {'on' if rule.enabled_by_default else 'off'}, severity {rule.severity.value}, fix: {rule.fixable}",
        "Languages: " + ("any" if "*" in rule.languages else ", ".join(rule.languages)),
        "",
        "## What it does",
        rule.what,
        "",
        "## Why it matters",
        rule.why,
        "",
        "## Example",
        rule.example,
    ]
    fields = rule.Options.model_fields
    if fields:
        lines += ["", "## Options"]
        for name, info in fields.items():
            default = info.get_default(call_default_factory=True)
            lines.append(f"- {name.replace('_', '-')} (default {default!r}): {info.description or ''}")
    return "\n".join(lines)


@main.command()
@click.option("--summary", "of_summary", is_flag=True, help="The schema of `check --summary summary.json` instead.")
def schema(of_summary: bool) -> None:
    """Print the JSON Schema of a finding (as in `--format json`), or of the batch summary."""
    from scrapelint.summary import Summary

    click.echo(json.dumps((Summary if of_summary else Finding).model_json_schema(), indent=2))


# -- fix --------------------------------------------------------------------------


@main.command("fix")
@lint_options
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the fixed input here, `-` for stdout (one input file only). Default: fix files in place.",
)
@click.option("--diff", is_flag=True, help="Print a unified diff of the fixes and write no file.")
@click.option(
    "--unsafe-fixes", is_flag=True, help="Also apply unsafe fixes (spelling suggestions, anything to confirm)."
)
@click.option("--backup", is_flag=True, help="Copy a file to FILE.bak before replacing it.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain (input errors still exit 2).")
@click.option(
    "--drop-below",
    type=click.FloatRange(0, 1),
    metavar="SCORE",
    help="Leave out articles whose quality score is below SCORE (0..1): mostly debris (JSONL, JSON arrays).",
)
def fix_command(
    output: str | None,
    diff: bool,
    unsafe_fixes: bool,
    backup: bool,
    exit_zero: bool,
    drop_below: float | None,
    **kw: Any,
) -> None:
    """Apply the fixes of findings in PATHS and write the articles back in their own format.

    Safe fixes only, unless --unsafe-fixes. Every other character, and every
    other field of a JSON record, is kept as it was. Exit 0 when no finding
    remains, 1 when some do, 2 on input errors.
    """
    from scrapelint.fix import Summary as FixSummary
    from scrapelint.sources import expand_paths
    from scrapelint.writers import FixWriter

    try:
        invocation = resolve(**kw)
    except (ConfigError, RuleError) as error:
        fail(str(error))
    files = list(expand_paths(invocation.paths, invocation.sources))
    if output and len(files) != 1:
        fail(f"--output takes one input file, got {len(files)}; without it each file is fixed in place")
    tally = Tally(invocation.settings.fail_on)
    summary = FixSummary()
    dropped: list[bool] = []  # one per article below --drop-below: True when it could be left out
    try:
        with FixWriter(output, backup, sys.stdout if diff else None, invocation.sources.stdin_format, files) as writer:
            for item, outcome in fixed_items(invocation, files, unsafe_fixes):
                with about(getattr(item, "id", None), item.path):  # a crash while writing names the record
                    if drop_below is not None and isinstance(item, Article) and outcome.score < drop_below:
                        dropped.append(writer.drop(item))
                        continue
                    writer.add(item, outcome)
                summary.add(item, outcome)
                for finding in outcome.remaining:
                    tally.count(finding)
    except ConfigError as error:  # a backend gone mid-run: the file being written is left as it was
        fail(str(error))
    click.echo(summary.render(dry_run=diff), err=True)
    if drop_below is not None:
        click.echo(_dropped_note(dropped, summary.articles + len(dropped), drop_below, diff), err=True)
    sys.exit(tally.exit_code(exit_zero) or (1 if diff and summary.fixed_articles and not exit_zero else 0))


def _dropped_note(dropped: list[bool], articles: int, score: float, dry_run: bool) -> str:
    """`fix --drop-below`: how many articles were left out, and how many could not be (one per file)."""
    verb = "Would leave out" if dry_run else "Left out"
    note = f"{verb} {sum(dropped)} of {articles} articles with a quality score below {score:g} (mostly debris)."
    if kept := dropped.count(False):
        note += f" {kept} more scored below it but were left as they were: one article per file, or Parquet."
    return note


def fixed_items(invocation: Invocation, files: list[str], unsafe: bool) -> Iterator[Any]:
    """`(item, Outcome)` for every record of `files`, in order."""
    from scrapelint.fix import fix_items

    return fix_items(invocation.linter, lambda: read_paths(files, invocation.sources), invocation.jobs, unsafe)


def _fixed_results(invocation: Invocation, unsafe: bool) -> Iterator[Result]:
    """`check --fix`: fix every file in place, then yield what remains, as `check` reports it."""
    from scrapelint.fix import Summary as FixSummary
    from scrapelint.fix import with_text
    from scrapelint.sources import InputError, expand_paths
    from scrapelint.writers import FixWriter

    files = list(expand_paths(invocation.paths, invocation.sources))
    if "-" in files:
        fail("check --fix rewrites files in place; for stdin use `scrapelint fix -`")
    summary = FixSummary()
    with FixWriter(paths=files) as writer:
        for item, outcome in fixed_items(invocation, files, unsafe):
            writer.add(item, outcome)
            summary.add(item, outcome)
            fixed = (
                with_text(item, outcome.text) if outcome.text is not None and not isinstance(item, InputError) else item
            )
            yield Result(fixed, outcome.remaining)
    click.echo(summary.render().split("\n")[0], err=True)


@main.group("languagetool")
def languagetool_group() -> None:
    """A local LanguageTool server: fetched once with Maven (Java >= 17), then started on localhost."""


_LANGUAGES_OPTION = click.option(
    "--languages",
    default="en,de,fr",
    show_default=True,
    help="Language modules, comma-separated (or e.g. en,de,fr,es).",
)


@languagetool_group.command("fetch")
@_LANGUAGES_OPTION
def languagetool_fetch(languages: str) -> None:
    """Fetch the server and language modules into the cache (~/.cache/scrapelint); the only download."""
    from scrapelint import lt_server

    try:
        click.echo(lt_server.fetch(lt_server.parse_languages(languages)))
    except ConfigError as error:
        fail(str(error))


@languagetool_group.command("serve")
@click.option("--port", default=8081, show_default=True, type=click.IntRange(1, 65535), help="Port on localhost.")
@_LANGUAGES_OPTION
def languagetool_serve(port: int, languages: str) -> None:
    """Start LanguageTool on http://localhost:PORT (fetching it first if needed) until Ctrl-C or SIGTERM."""
    from scrapelint import lt_server

    try:
        lt_server.serve(port, lt_server.parse_languages(languages))
    except ConfigError as error:
        fail(str(error))
