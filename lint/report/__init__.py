"""Reporters: one module per output format, each a function of the result stream.

`render(results, out, context)` consumes `(item, findings)` results in input
order and writes to `out`; streaming formats write as results arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any, TextIO

from scrapelint.engine import Result
from scrapelint.models import Article, Finding
from scrapelint.rule import Rule


@dataclass
class ReportContext:
    rules: dict[str, type[Rule]]
    color: bool = False
    show_source: bool = False
    statistics: bool = False
    quiet: bool = False
    settings: dict[str, object] = field(default_factory=dict)
    summary: Any = None  # the batch summary's fold (scrapelint.summary.BatchFold), complete once results end


Renderer = Callable[[Iterable[Result], TextIO, ReportContext], None]


RENDERERS = {  # format -> (module in scrapelint.report, function)
    "text": ("text", "render"),
    "json": ("json_", "render"),
    "jsonl": ("json_", "render_lines"),
    "sarif": ("sarif", "render"),
    "github": ("github", "render"),
    "html": ("html", "render"),
}


def renderer(fmt: str) -> Renderer:
    """The render function of a format, imported only when that format is asked for."""
    module, function = RENDERERS[fmt]
    return getattr(import_module(f"scrapelint.report.{module}"), function)


FORMATS = tuple(RENDERERS)


def file_position(item: object, finding: Finding) -> tuple[int, int | None, int, int | None]:
    """Where a finding sits in the *file*: (line, column, end_line, end_column).

    For a text file the body is the file, so the field's position is the file's.
    For a JSON record only the record's line is known; columns are left out.
    """
    if isinstance(item, Article) and item.record is None and finding.field == "text":
        return finding.line, finding.column, finding.end_line, finding.end_column
    line = (item.line if isinstance(item, Article) else getattr(item, "line", None)) or 1
    return line, None, line, None
