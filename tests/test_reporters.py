"""Every reporter, fed by the real engine: SARIF against its structure, GitHub commands parsed back."""

from __future__ import annotations

import importlib.util
import io
import json
import re

import jsonschema

from scrapelint.document import Document
from scrapelint.engine import Linter, Result, run
from scrapelint.models import Article
from scrapelint.report import ReportContext, renderer
from scrapelint.sources import InputError
from tests.conftest import ROOT


def _load_example_plugin():
    """The example plugin's module, loaded from its file: not via sys.path, which would also register its
    entry point (pip leaves an egg-info beside it) for every later test in this process."""
    path = ROOT / "tests" / "plugin" / "scrapelint_example_plugin" / "__init__.py"
    spec = importlib.util.spec_from_file_location("scrapelint_example_plugin", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ShoutedWord = _load_example_plugin().ShoutedWord

TEXT = 'Héllo 🙂 the MINISTER said:\n"100%, of course", and LEFT, the ROOM\nagain.'
ARTICLES = [
    Article(id="a.txt", path="a.txt", text=TEXT),
    Article(id="r1", path="s.jsonl", line=7, text="Calm MINISTER.", record={"id": "r1", "text": "Calm MINISTER."}),
]
CONTEXT = ReportContext(rules={"XMP001": ShoutedWord})


def results() -> list[Result]:
    rule = ShoutedWord(ShoutedWord.Options(min_length=4))
    items = [*ARTICLES, InputError("ERR002", "invalid JSON: unexpected end", "s.jsonl", 9)]
    return list(run(Linter([rule]), lambda: items))


def rendered(fmt: str) -> str:
    out = io.StringIO()
    renderer(fmt)(results(), out, CONTEXT)
    return out.getvalue()


def test_json_and_jsonl_carry_the_same_findings() -> None:
    findings = json.loads(rendered("json"))
    lines = [json.loads(line) for line in rendered("jsonl").splitlines()]
    assert findings == lines
    assert [f["rule"] for f in findings] == ["XMP001"] * 4 + ["ERR002"]
    assert [TEXT[f["start"] : f["end"]] for f in findings[:3]] == ["MINISTER", "LEFT", "ROOM"]


def test_text_report_lines_and_summary() -> None:
    lines = rendered("text").splitlines()
    assert lines[0] == "a.txt:1:13: XMP001 shouted word 'MINISTER'"
    assert lines[3] == "s.jsonl:r1:1:6: XMP001 shouted word 'MINISTER'"
    assert lines[4] == "s.jsonl:9:1: ERR002 invalid JSON: unexpected end"
    assert lines[-1] == "Found 5 findings in 2 articles."


# The part of the OASIS SARIF 2.1.0 schema (sarif-schema-2.1.0.json) that GitHub code scanning reads,
# transcribed: required properties, types and minimums. The full schema is not shipped on PyPI.
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "$schema": {"type": "string"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id", "shortDescription", "help"],
                                            "properties": {
                                                "id": {"type": "string"},
                                                "shortDescription": {"type": "object", "required": ["text"]},
                                                "help": {"type": "object", "required": ["text"]},
                                                "defaultConfiguration": {
                                                    "type": "object",
                                                    "properties": {
                                                        "level": {"enum": ["none", "note", "warning", "error"]}
                                                    },
                                                },
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["ruleId", "message", "locations", "level"],
                            "properties": {
                                "ruleId": {"type": "string"},
                                "ruleIndex": {"type": "integer", "minimum": 0},
                                "level": {"enum": ["none", "note", "warning", "error"]},
                                "message": {"type": "object", "required": ["text"]},
                                "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                                "locations": {
                                    "type": "array",
                                    "minItems": 1,
                                    "items": {
                                        "type": "object",
                                        "required": ["physicalLocation"],
                                        "properties": {
                                            "physicalLocation": {
                                                "type": "object",
                                                "required": ["artifactLocation", "region"],
                                                "properties": {
                                                    "artifactLocation": {"type": "object", "required": ["uri"]},
                                                    "region": {
                                                        "type": "object",
                                                        "required": ["startLine"],
                                                        "properties": {
                                                            key: {"type": "integer", "minimum": 1}
                                                            for key in (
                                                                "startLine",
                                                                "startColumn",
                                                                "endLine",
                                                                "endColumn",
                                                            )
                                                        },
                                                    },
                                                },
                                            }
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


def test_sarif_has_the_structure_code_scanning_accepts() -> None:
    log = json.loads(rendered("sarif"))
    jsonschema.validate(log, SARIF_SUBSET)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    first, *_, jsonl_hit, error = run_["results"]
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "endLine": 1,
        "startColumn": 13,
        "endColumn": 21,
    }
    # a JSONL record: the file line of the record, no columns (they would be columns of the JSON line)
    assert jsonl_hit["locations"][0]["physicalLocation"]["region"] == {"startLine": 7, "endLine": 7}
    assert jsonl_hit["locations"][0]["logicalLocations"] == [{"name": "r1", "kind": "object"}]
    assert error["ruleId"] == "ERR002" and error["level"] == "error"
    assert len({r["partialFingerprints"]["scrapelint/v1"] for r in run_["results"]}) == len(run_["results"])


COMMAND = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def _unescape(value: str) -> str:
    return value.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def parse_github(output: str) -> list[dict[str, str]]:
    parsed = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        assert match, line
        props = dict(part.split("=", 1) for part in match["props"].split(","))
        parsed.append(
            {
                **{k: _unescape(v) for k, v in props.items()},
                "level": match["level"],
                "message": _unescape(match["message"]),
            }
        )
    return parsed


def test_github_commands_parse_back_with_escaping() -> None:
    article = Article(
        id="dir,with:odd%name.txt",
        path="dir,with:odd%name.txt",
        text="A line\nThe MINISTER\nsaid 100%: yes, SHOUTED\nthere",
    )
    multi = ShoutedWord()
    findings = list(multi.check(Document(article)))
    findings[0].message = "50% of\r\nthe time: a, b"
    findings[1].end_line = 4  # a finding that spans lines
    out = io.StringIO()
    renderer("github")([Result(article, findings)], out, CONTEXT)
    first, second = parse_github(out.getvalue())
    assert first == {
        "file": "dir,with:odd%name.txt",
        "line": "2",
        "endLine": "2",
        "col": "5",
        "endColumn": "13",
        "title": "XMP001 shouted-word",
        "level": "notice",
        "message": "50% of\r\nthe time: a, b",
    }
    assert "col" not in second and second["endLine"] == "4"
