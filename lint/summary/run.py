"""`check --summary/--baseline/--max-share`: the options, and what runs around the report.

The CLI creates one `SummaryRun` from its options, lets the results stream through
`fold.watch` on their way to the report, then calls `finish`: it builds the summary,
compares it with the baseline, checks the --max-share gates, writes the summary files
and says what failed. With a baseline or a gate given, the run is gated: exit 1 only
when a gate fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import click
from pydantic import ValidationError

from scrapelint.summary.baseline import DEFAULT_MIN_ARTICLES, DEFAULT_POINTS, Comparison, compare
from scrapelint.summary.fold import BatchFold
from scrapelint.summary.max_share import GateError, GateFailure, MaxShare, check_gates, extra_selectors
from scrapelint.summary.model import Summary, summarize
from scrapelint.summary.render import to_json, to_markdown


def summary_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The batch-summary options of `check` (one group, so the command's signature stays small)."""
    options = [
        click.option(
            "--summary",
            "summary_paths",
            multiple=True,
            type=click.Path(dir_okay=False),
            help="Write the per-site summary here: JSON for a .json name, else Markdown (repeatable).",
        ),
        click.option(
            "--baseline",
            type=click.Path(exists=True, dir_okay=False),
            help="An earlier run's summary.json: exit 1 iff some site regressed against it.",
        ),
        click.option(
            "--max-share",
            multiple=True,
            metavar="[SITE:]RULE=SHARE",
            help="Exit 1 iff more than SHARE of the articles have a RULE (code, prefix, family) finding.",
        ),
        click.option(
            "--site-field", metavar="FIELD", help="Record field that names the site (default: the URL's host)."
        ),
        click.option(
            "--regression-points",
            type=click.FloatRange(min=0),
            default=DEFAULT_POINTS,
            show_default=True,
            help="Rise in a site's share of articles with a finding, in points, that can count as a regression.",
        ),
        click.option(
            "--min-articles",
            type=click.IntRange(min=1),
            default=DEFAULT_MIN_ARTICLES,
            show_default=True,
            help="Articles a site needs in both runs to be compared.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@dataclass
class SummaryRun:
    outputs: list[str] = field(default_factory=list)
    baseline: Summary | None = None
    gates: list[MaxShare] = field(default_factory=list)
    points: float = DEFAULT_POINTS
    min_articles: int = DEFAULT_MIN_ARTICLES
    fold: BatchFold = field(default_factory=BatchFold)
    summary: Summary | None = None
    comparison: Comparison | None = None
    failures: list[GateFailure] = field(default_factory=list)

    @classmethod
    def pop_from(cls, kw: dict[str, Any]) -> SummaryRun:
        """Take the summary options out of a command's keyword arguments; raises GateError on a bad value."""
        gates = [MaxShare.parse(text) for text in kw.pop("max_share")]
        baseline_path = kw.pop("baseline")
        baseline = None
        if baseline_path:
            try:
                baseline = Summary.model_validate_json(Path(baseline_path).read_bytes())
            except (ValidationError, ValueError) as error:
                raise GateError(f"--baseline {baseline_path}: not a scrapelint summary ({error})") from error
        return cls(
            outputs=list(kw.pop("summary_paths")),
            baseline=baseline,
            gates=gates,
            points=kw.pop("regression_points"),
            min_articles=kw.pop("min_articles"),
            fold=BatchFold(site_field=kw.pop("site_field"), selectors=extra_selectors(gates)),
        )

    @property
    def gated(self) -> bool:
        """A baseline or a --max-share gate decides the exit code."""
        return self.baseline is not None or bool(self.gates)

    @property
    def wanted(self) -> bool:
        return self.gated or bool(self.outputs)

    def finish(self, rules: Iterable[str] = (), annotations: TextIO | None = None) -> bool:
        """Summarise, compare, check, write the summary files, print one line per failure; True when a gate failed.

        `rules`: codes of the rules that ran. `annotations`: also write each failure there as a GitHub
        annotation (`--format github`).
        """
        self.summary = summary = summarize(self.fold, rules)
        if self.baseline is not None:
            self.comparison = compare(self.baseline, summary, self.points, self.min_articles)
        self.failures = check_gates(summary, self.gates)
        lines = [r.line() for r in self.comparison.regressions] if self.comparison else []
        lines += [failure.line() for failure in self.failures]
        for line in lines:
            click.echo(line, err=True)
            if annotations is not None:
                annotations.write(f"::error title=scrapelint gate::{_escape(line)}\n")
        if self.comparison:
            for label, sites in (("new", self.comparison.new_sites), ("vanished", self.comparison.vanished_sites)):
                if sites:
                    more = f" and {len(sites) - 10} more" if len(sites) > 10 else ""
                    click.echo(
                        f"{len(sites)} {label} sites since the baseline (not gated): {', '.join(sites[:10])}{more}",
                        err=True,
                    )
        for output in self.outputs:
            self._write(Path(output))
        return bool(lines)

    def _write(self, path: Path) -> None:
        from scrapelint.atomic import atomic_writer

        assert self.summary is not None
        if path.suffix.lower() == ".json":
            text = to_json(self.summary)
        else:
            text = to_markdown(self.summary, self.comparison, self.failures if self.gates else None)
        with atomic_writer(path) as out:
            out.write(text)


def _escape(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
