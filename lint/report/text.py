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
    languages: Counter[str] = Counter()
    for result in results:
        articles += isinstance(result.item, Article)
        if context.statistics and isinstance(result.item, Article):
            languages[_language(result.item, context)] += 1
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
        if languages:
            mix = ", ".join(f"{language} {count}" for language, count in languages.most_common())
            out.write(f"Articles by language: {mix}\n")
    if not context.quiet:
        _write_summary(out, sum(counts.values()), articles, sum(fixable.values()), context)


def _language(article: Article, context: ReportContext) -> str:
    """The article's language as the engine tells it (the findings carry theirs, an article without any none)."""
    from scrapelint.language_gate import article_language

    fixed = context.settings.get("language")
    return article_language(article, fixed if isinstance(fixed, str) and fixed != "auto" else None)


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


SOURCE_CONTEXT = 60  # characters shown on each side of a span: a 300 KB line is not printed once per finding


def _write_source(out: TextIO, text: str, finding: Finding, style: Callable[..., str]) -> None:
    """The span's line, cut to a window around the span (marked with …), and a caret line under the span."""
    line_start = finding.start - (finding.column - 1)
    left = max(line_start, finding.start - SOURCE_CONTEXT)
    span_end = min(finding.end, finding.start + 2 * SOURCE_CONTEXT)
    limit = span_end + SOURCE_CONTEXT
    end = text.find("\n", finding.start, limit)
    end = min(limit, len(text)) if end == -1 else end
    width = max(1, min(span_end, end) - finding.start)
    head = "…" if left > line_start else ""
    tail = "…" if end < len(text) and text[end] != "\n" else ""
    gutter = f"{finding.line} | "
    out.write(f"{gutter}{head}{text[left:end]}{tail}\n")
    out.write(" " * (len(gutter) + len(head) + finding.start - left) + style("^" * width, fg="red") + "\n")


def _write_summary(out: TextIO, total: int, articles: int, fixable: int, context: ReportContext) -> None:
    if total == 0:
        out.write(f"All checks passed ({articles} article{'s' * (articles != 1)}).\n")
        return
    out.write(f"Found {total} finding{'s' * (total != 1)} in {articles} article{'s' * (articles != 1)}.\n")
    if fixable:
        out.write(f"[*] {fixable} fixable with `scrapelint fix`.\n")
