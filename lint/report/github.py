"""`github`: GitHub Actions workflow commands, one annotation per finding.

GitHub shows only the first annotations of a step; for big runs upload SARIF.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from scrapelint.engine import Result
from scrapelint.models import Severity
from scrapelint.report import ReportContext, file_position

LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(results: Iterable[Result], out: TextIO, context: ReportContext) -> None:
    for result in results:
        for finding in result.findings:
            line, column, end_line, end_column = file_position(result.item, finding)
            properties = [f"file={escape_property(finding.path)}", f"line={line}"]
            if end_line != line:
                properties.append(f"endLine={end_line}")
            elif column is not None and end_column is not None:
                properties += [f"endLine={end_line}", f"col={column}", f"endColumn={end_column}"]
            properties.append(f"title={escape_property(f'{finding.rule} {finding.name}')}")
            where = f"[{finding.article}] " if finding.article and finding.article != finding.path else ""
            out.write(f"::{LEVELS[finding.severity]} {','.join(properties)}::{escape_data(where + finding.message)}\n")
