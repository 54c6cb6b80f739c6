"""`text`: `path[:article]:line:col: CODE message`, for people at a terminal."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import TextIO

import click

from scrapelint.engine import Result
from scrapelint.models import Article, Finding, Severity
from scrapelint.report import ReportContext

SEVERITY_COLOURS = {Severity.error: "red", Severity.warning: "yellow", Severity.info: "blue"}


def render(results: Iterable[Result], out: TextIO, context: ReportContext) -> None:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    fixable: Counter[str] = Counter()
    articles = 0
    for result in results:
        articles += isinstance(result.item, Article)
        for finding in result.findings:
            counts[finding.rule] += 1
            names[finding.rule] = finding.name
            fixable[finding.rule] += finding.fix is not None and finding.fix.applicability == "safe"
            if not context.statistics:
                _write_finding(out, result.item, finding, context)
    if context.statistics:
        for code, count in counts.most_common():
            marker = "[*]" if fixable[code] else "   "
            out.write(f"{count:>6}  {code:<7} {marker} {names[code]}\n")
    if not context.quiet:
        _write_summary(out, sum(counts.values()), articles, sum(fixable.values()), context)


def location_prefix(item: object, finding: Finding) -> str:
    article = ""
    if isinstance(item, Article) and item.id != item.path:
        article = f":{item.id}"
    field = f"[{finding.field}]" if finding.field not in ("text", None) else ""
    return f"{finding.path}{article}{field}:{finding.line}:{finding.column}"


def _write_finding(out: TextIO, item: object, finding: Finding, context: ReportContext) -> None:
    style = click.style if context.color else (lambda text, **kw: text)
    code = style(finding.rule, fg=SEVERITY_COLOURS[finding.severity], bold=True)
    marker = " [*]" if finding.fix is not None and finding.fix.applicability == "safe" else ""
    out.write(f"{style(location_prefix(item, finding), bold=True)}: {code}{marker} {finding.message}\n")
    if context.show_source and isinstance(item, Article) and finding.field:
        _write_source(out, item.field_text(finding.field) or "", finding, style)


def _write_source(out: TextIO, text: str, finding: Finding, style: Callable[..., str]) -> None:
    start = finding.start - (finding.column - 1)
    end = text.find("\n", start)
    line = text[start : len(text) if end == -1 else end]
    width = (finding.end - finding.start) if finding.end_line == finding.line else len(line) - finding.column + 1
    gutter = f"{finding.line} | "
    out.write(f"{gutter}{line}\n")
    out.write(" " * (len(gutter) + finding.column - 1) + style("^" * max(1, width), fg="red") + "\n")


def _write_summary(out: TextIO, total: int, articles: int, fixable: int, context: ReportContext) -> None:
    if total == 0:
        out.write(f"All checks passed ({articles} article{'s' * (articles != 1)}).\n")
        return
    out.write(f"Found {total} finding{'s' * (total != 1)} in {articles} article{'s' * (articles != 1)}.\n")
    if fixable:
        out.write(f"[*] {fixable} fixable with `scrapelint fix`.\n")
