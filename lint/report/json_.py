"""`json`: one JSON array of findings; `jsonl`: one finding per line, streamed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from scrapelint.engine import Result
from scrapelint.report import ReportContext


def render(results: Iterable[Result], out: TextIO, context: ReportContext) -> None:
    out.write("[")
    first = True
    for result in results:
        for finding in result.findings:
            out.write("\n  " if first else ",\n  ")
            out.write(finding.model_dump_json())
            first = False
    out.write("\n]\n" if not first else "]\n")


def render_lines(results: Iterable[Result], out: TextIO, context: ReportContext) -> None:
    for result in results:
        for finding in result.findings:
            out.write(finding.model_dump_json())
            out.write("\n")
