"""`json`: one JSON array of findings; `jsonl`: one finding per line, streamed."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from pydantic_core import PydanticSerializationError

from scrapelint.engine import Result
from scrapelint.models import Finding
from scrapelint.report import ReportContext


def dump(finding: Finding) -> str:
    """The finding as compact JSON; a file name that is not UTF-8 (its bytes kept as surrogates) as `\\udcff`."""
    try:
        return finding.model_dump_json()
    except PydanticSerializationError:
        return json.dumps(finding.model_dump(mode="python"), separators=(",", ":"), default=str)


def render(results: Iterable[Result], out: TextIO, context: ReportContext) -> None:
    out.write("[")
    first = True
    for result in results:
        for finding in result.findings:
            out.write("\n  " if first else ",\n  ")
            out.write(dump(finding))
            first = False
    out.write("\n]\n" if not first else "]\n")


def render_lines(results: Iterable[Result], out: TextIO, context: ReportContext) -> None:
    for result in results:
        for finding in result.findings:
            out.write(dump(finding))
            out.write("\n")
