"""The LanguageTool backend.

LanguageTool cannot be downloaded on these machines, so the client is tested against a
small HTTP server on the loopback interface that answers with fixtures written by hand
from the published /v2/check API schema (https://languagetool.org/http-api/ : `matches[]`
with `message`, `replacements[].value`, `offset`/`length` in UTF-16 code units, `context`,
`rule.id`, `rule.issueType`, `rule.category.id`). The real language-tool-python client
talks to it over real HTTP. `test_live_server` runs against a real LanguageTool server
when SCRAPELINT_LANGUAGETOOL_URL is set, and is skipped otherwise.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import parse_qs

import pytest

from scrapelint import languagetool
from scrapelint.config import ConfigError
from scrapelint.rules.typ import Grammar, Misspelling
from tests.conftest import flagged, lint_text

# Emoji are outside the BMP: each is 2 UTF-16 code units but 1 code point.
TEXT = "Party 🎉🎉 tonite at the club 😀 — Dzhugashvili said their is a sentnce here."


def _match(offset: int, length: int, rule_id: str, category: str, message: str, replacements: list[str]) -> dict:
    """One entry of `matches`, shaped as the /v2/check schema documents it."""
    return {
        "message": message,
        "shortMessage": "",
        "replacements": [{"value": r} for r in replacements],
        "offset": offset,
        "length": length,
        "context": {"text": TEXT, "offset": offset, "length": length},
        "sentence": TEXT,
        "type": {"typeName": "Other"},
        "rule": {
            "id": rule_id,
            "description": message,
            "issueType": "misspelling" if category == "TYPOS" else "grammar",
            "category": {"id": category, "name": category.title()},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


# UTF-16 offsets: "tonite" starts at code point 9 but code unit 11 (two emoji before it).
CHECK_RESPONSE = {
    "software": {"name": "LanguageTool", "version": "6.4", "buildDate": "2024-03-28", "apiVersion": 1, "status": ""},
    "language": {
        "name": "English (US)",
        "code": "en-US",
        "detectedLanguage": {"name": "English (US)", "code": "en-US"},
    },
    "matches": [
        _match(11, 6, "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible spelling mistake found.", ["tonight", "tonite's"]),
        _match(35, 12, "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible spelling mistake found.", ["Dzhugashvili's"]),
        _match(53, 5, "THEIR_IS", "CONFUSED_WORDS", "Did you mean 'there'?", ["there"]),
        _match(64, 7, "MORFOLOGIK_RULE_EN_US", "TYPOS", "Possible spelling mistake found.", ["sentence"]),
        _match(53, 5, "PASSIVE_VOICE", "STYLE", "Consider active voice.", []),
    ],
}
LANGUAGES = [
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
]


class _Handler(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict]] = []

    def _send(self, payload: object) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._send(LANGUAGES if self.path.startswith("/v2/languages") else {})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode("utf-8"))
        _Handler.requests.append(form)
        self._send(CHECK_RESPONSE if form.get("text", [""])[0] == TEXT else {"matches": []})

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_utf16_offsets_convert_to_code_points() -> None:
    index = languagetool.Utf16Index(TEXT)
    for word in ("tonite", "Dzhugashvili", "their", "sentnce"):
        start = TEXT.index(word)
        utf16 = len(TEXT[:start].encode("utf-16-le")) // 2
        assert index.to_codepoint(utf16) == start
        assert index.to_utf16(start) == utf16
    plain = languagetool.Utf16Index("café — naïve")  # BMP characters are one code unit each
    assert plain.to_codepoint(7) == 7 and plain.to_utf16(7) == 7


def test_parse_matches_spans_and_codes() -> None:
    matches = languagetool.parse_matches(TEXT, CHECK_RESPONSE)
    assert [TEXT[m.start : m.end] for m in matches] == ["tonite", "Dzhugashvili", "their", "sentnce", "their"]
    assert [m.code for m in matches] == ["TYP001", "TYP001", "TYP009", "TYP001", "TYP009"]
    assert matches[0].replacements == ("tonight", "tonite's") and matches[0].rule_id == "MORFOLOGIK_RULE_EN_US"
    assert languagetool.code_for("MISC", "ENGLISH_WORD_REPEAT_RULE") == "TYP005"
    assert languagetool.code_for("GRAMMAR", "EN_A_VS_AN") == "TYP006"


def test_grammar_rule_through_the_real_client(server_url: str) -> None:
    findings = lint_text(TEXT, select=["TYP009"], rules={"TYP009": {"languagetool_url": server_url}})
    # Spelling goes to TYP001, STYLE is too noisy: only the confused word is reported here.
    assert flagged(TEXT, findings) == ["their"]
    finding = findings[0]
    assert finding.source_rule == "THEIR_IS" and finding.fix.replacement == "there"
    assert finding.column == TEXT.index("their") + 1  # columns count code points, not UTF-16 units
    assert _Handler.requests[-1]["language"] == ["en-US"]


def test_spelling_from_languagetool_goes_through_the_precision_layer(server_url: str) -> None:
    findings = lint_text(TEXT, select=["TYP001"], rules={"TYP001": {"languagetool_url": server_url}})
    # "Dzhugashvili" is a name (capitalised, no near word): LanguageTool flags it, we do not.
    assert flagged(TEXT, findings) == ["tonite", "sentnce"]
    assert {f.source_rule for f in findings} == {"MORFOLOGIK_RULE_EN_US"}
    assert [f.fix.replacement for f in findings] == ["tonight", "sentence"]
    assert all(f.fix.applicability == "unsafe" for f in findings)


def test_unavailable_server_is_a_clear_error_at_start_up() -> None:
    with pytest.raises(
        languagetool.LanguageToolUnavailable, match=r"LanguageTool is not available at http://127\.0\.0\.1:9"
    ):
        Grammar(Grammar.Options(languagetool_url="http://127.0.0.1:9"))
    with pytest.raises(ConfigError, match="--languagetool-url"):
        if not (os.environ.get("LTP_PATH") or os.environ.get("LTP_JAR_DIR_PATH")):
            Grammar()
        else:  # pragma: no cover - a machine with a local LanguageTool
            raise ConfigError("--languagetool-url")
    with pytest.raises(languagetool.LanguageToolUnavailable):
        Misspelling(Misspelling.Options(languagetool_url="http://127.0.0.1:9"))


def test_cli_exits_2_with_one_line_when_languagetool_is_missing(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("He go to school.\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("LTP_PATH", "LTP_JAR_DIR_PATH")}
    result = subprocess.run(
        [sys.executable, "-m", "scrapelint", "check", "--isolated", "--select", "TYP009",
         "--languagetool-url", "http://127.0.0.1:9", str(article)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "LanguageTool is not available" in lines[0]


@pytest.mark.skipif(not os.environ.get("SCRAPELINT_LANGUAGETOOL_URL"), reason="SCRAPELINT_LANGUAGETOOL_URL not set")
def test_live_server() -> None:
    url = os.environ["SCRAPELINT_LANGUAGETOOL_URL"]
    text = "Party 🎉 tonight 😀: this is a sentnce with a error in it."
    matches = languagetool.check(text, url)
    spans = {text[m.start : m.end] for m in matches}
    assert "sentnce" in spans
    findings = lint_text(text, select=["TYP001"], rules={"TYP001": {"languagetool_url": url}})
    assert "sentnce" in flagged(text, findings)
