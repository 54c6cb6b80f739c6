"""`sarif`: SARIF 2.1.0, as GitHub code scanning accepts it.

Results are collected because a SARIF log is one JSON document; the rules
block lists every rule that ran, with its docs as help text.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from typing import Any, TextIO
from urllib.parse import quote

import scrapelint
from scrapelint.engine import Result
from scrapelint.models import Finding, Severity
from scrapelint.report import ReportContext, file_position
from scrapelint.rule import Rule, all_rules

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def render(results: Iterable[Result], out: TextIO, context: ReportContext) -> None:
    sarif_results = []
    seen_rules: dict[str, type[Rule] | None] = dict(context.rules)
    for result in results:
        for finding in result.findings:
            seen_rules.setdefault(finding.rule, all_rules().get(finding.rule))  # ERR rules, plugins
            sarif_results.append(_result(result.item, finding))
    rules = [rule for rule in seen_rules.values() if rule is not None]
    index = {rule.code: i for i, rule in enumerate(rules)}
    for entry in sarif_results:
        if entry["ruleId"] in index:
            entry["ruleIndex"] = index[entry["ruleId"]]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "scrapelint",
                        "version": scrapelint.__version__,
                        "informationUri": "https://pypi.org/project/scrapelint/",
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "results": sarif_results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    text = json.dumps(log, ensure_ascii=False, indent=2)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a file name that is not UTF-8 in a message: escape it
        text = json.dumps(log, ensure_ascii=True, indent=2)
    out.write(text)
    out.write("\n")


def artifact_uri(path: str) -> str:
    """A relative URI reference for a path, as SARIF requires: spaces, %, #, ?, backslashes, line breaks and
    bytes that are not UTF-8 (kept as surrogates in the name) percent-encoded."""
    return quote(os.fsencode(path), safe="/")


def _rule(rule: type[Rule]) -> dict[str, Any]:
    help_text = f"{rule.what}\n\nWhy: {rule.why}\n\nExample: {rule.example}"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what},
        "help": {"text": help_text, "markdown": f"{rule.what}\n\n**Why:** {rule.why}\n\n**Example:** `{rule.example}`"},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled_by_default},
        "properties": {"fixable": rule.fixable},
    }


def _result(item: object, finding: Finding) -> dict[str, Any]:
    line, column, end_line, end_column = file_position(item, finding)
    region: dict[str, int] = {"startLine": line, "endLine": end_line}
    if column is not None and end_column is not None:
        region["startColumn"] = column
        region["endColumn"] = end_column
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": artifact_uri(finding.path)}, "region": region},
    }
    if finding.article and finding.article != finding.path:
        location["logicalLocations"] = [{"name": finding.article, "kind": "object"}]
    fingerprint = hashlib.sha256(
        f"{finding.rule}\0{finding.path}\0{finding.article}\0{finding.field}\0{finding.start}\0{finding.end}".encode(
            errors="surrogateescape"
        )
    ).hexdigest()[:32]
    entry: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {"scrapelint/v1": fingerprint},
        "properties": {"field": finding.field, "start": finding.start, "end": finding.end},
    }
    return entry
