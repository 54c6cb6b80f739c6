"""The LanguageTool backend: protocol fixtures for the error paths, a real server for the rest.

The fixture server on the loopback interface answers with matches written by hand from the
published /v2/check API schema (`matches[]` with `message`, `replacements[].value`,
`offset`/`length` in UTF-16 code units, `rule.id`, `rule.category.id`). The live tests run
against a real LanguageTool, started once per session from the Maven-fetched jars
(`languagetool_url` fixture; the first fetch takes minutes, later runs reuse ~/.m2 and
~/.cache/scrapelint). SCRAPELINT_LANGUAGETOOL_URL names an already running server instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs

import pytest
import requests

from scrapelint import languagetool, lt_server
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
CHECK_RESPONSE: dict[str, Any] = {
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
        text = form.get("text", [""])[0]
        if TEXT not in text:
            self._send({"matches": []})
            return
        shift = len(text[: text.index(TEXT)].encode("utf-16-le")) // 2  # TEXT inside a batch of paragraphs
        matches = [{**match, "offset": match["offset"] + shift} for match in CHECK_RESPONSE["matches"]]
        self._send({**CHECK_RESPONSE, "matches": matches})

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


def test_paragraphs_are_batched_and_cached(server_url: str) -> None:
    rules = {"TYP009": {"languagetool_url": server_url}}
    text = "The council met on Tuesday to discuss the budget 🎉 for next year.\n" + TEXT + "\n"
    languagetool._PARAGRAPHS.clear()  # earlier tests sent TEXT alone
    before = len(_Handler.requests)
    findings = lint_text(text, select=["TYP009"], rules=rules)
    assert flagged(text, findings) == ["their"]  # offsets of the second paragraph of a batch, emoji before it
    assert len(_Handler.requests) == before + 1  # both paragraphs in one request
    assert _Handler.requests[-1]["text"] == [text.strip().replace("\n", "\n\n")]
    other = "The mayor spoke about the new library at length.\n" + TEXT + "\n"
    findings = lint_text(other, select=["TYP009"], rules=rules)
    assert flagged(other, findings) == ["their"]
    assert _Handler.requests[-1]["text"] == ["The mayor spoke about the new library at length."]  # TEXT: cached


def test_spelling_from_languagetool_goes_through_the_precision_layer(server_url: str) -> None:
    options = {"languagetool_url": server_url, "languagetool_english": True}
    findings = lint_text(TEXT, select=["TYP001"], rules={"TYP001": options})
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


# -- live: a real LanguageTool server --------------------------------------------------------------


@pytest.fixture(scope="session")
def languagetool_url() -> Iterator[str]:
    """A real LanguageTool for the session: SCRAPELINT_LANGUAGETOOL_URL, or the local server (Java + Maven)."""
    if os.environ.get("SCRAPELINT_LANGUAGETOOL_URL"):
        yield os.environ["SCRAPELINT_LANGUAGETOOL_URL"]
        return
    if not (shutil.which("java") and (shutil.which("mvn") or lt_server.fetched_languages())):
        pytest.skip("LanguageTool needs Java >= 17 and Maven (or SCRAPELINT_LANGUAGETOOL_URL)")
    lt_server.fetch(LIVE_LANGUAGES)  # a no-op once cached
    with lt_server.LocalServer(languages=LIVE_LANGUAGES) as server:
        yield server.url


LIVE_LANGUAGES = ("en", "de", "fr")
EMOJI_TEXT = "Party 🎉🎉 tonight 😀 at the cafe\u0301 — everyone said it was great. He go to school every day."
BRITISH_TEXT = "The colour of the harbour was grey, said Dzhugashvili. The organisation was pleased. This is a sentnce."


def test_live_grammar_spans_are_code_points_with_emoji_and_combining_marks(languagetool_url: str) -> None:
    findings = lint_text(EMOJI_TEXT, select=["TYP009"], rules={"TYP009": {"languagetool_url": languagetool_url}})
    assert flagged(EMOJI_TEXT, findings) == ["go"]
    finding = findings[0]
    assert finding.source_rule == "HE_VERB_AGR" and finding.fix.replacement == "goes"
    assert finding.column == EMOJI_TEXT.index(" go ") + 2  # three emoji before it: UTF-16 would be 3 further on


def test_live_spelling_goes_through_the_name_and_dialect_filters(languagetool_url: str) -> None:
    # LanguageTool (en-US) calls colour, harbour, grey, organisation and Dzhugashvili misspelt; TYP001 keeps the typo.
    raw = {text for m in languagetool.check(BRITISH_TEXT, languagetool_url) for text in [BRITISH_TEXT[m.start : m.end]]}
    assert {"colour", "Dzhugashvili", "sentnce"} <= raw
    options = {"languagetool_url": languagetool_url, "languagetool_english": True}
    findings = lint_text(BRITISH_TEXT, select=["TYP001"], rules={"TYP001": options})
    assert flagged(BRITISH_TEXT, findings) == ["sentnce"]
    assert findings[0].source_rule == "MORFOLOGIK_RULE_EN_US" and findings[0].fix.replacement == "sentence"
    # By default English keeps the offline speller (the benchmark's choice): same word, offline source.
    findings = lint_text(BRITISH_TEXT, select=["TYP001"], rules={"TYP001": {"languagetool_url": languagetool_url}})
    assert flagged(BRITISH_TEXT, findings) == ["sentnce"] and findings[0].source_rule != "MORFOLOGIK_RULE_EN_US"


def test_live_grammar_leaves_proper_names_alone(languagetool_url: str) -> None:
    text = "Their is no doubt about it. Fans of Barca and Bayern cheered in Sao Paolo, he said."
    raw = {m.rule_id for m in languagetool.check(text, languagetool_url)}
    findings = lint_text(text, select=["TYP009"], rules={"TYP009": {"languagetool_url": languagetool_url}})
    assert flagged(text, findings) == ["Their"]  # a confusion at a sentence start is still one
    assert "THEIR_IS" in raw and len(raw) > 1  # LanguageTool also corrected the names


def test_live_german_and_french_articles_are_checked_in_their_language(languagetool_url: str) -> None:
    german = "Ich habe ein Fehler gemacht. Die Regierung hat gestern einen neuen Beschlus gefasst."
    options = {"languagetool_url": languagetool_url}
    findings = lint_text(
        german, select=["TYP009", "TYP001"], rules={"TYP009": options, "TYP001": options}, language="de"
    )
    by_rule = {f.rule: (german[f.start : f.end], f.source_rule) for f in findings}
    assert by_rule["TYP009"] == ("ein Fehler", "OBJECT_AGREEMENT")  # a German grammar rule: sent as de-DE
    assert by_rule["TYP001"] == ("Beschlus", "GERMAN_SPELLER_RULE")
    french = "Ils sont allé à la maison hier soir. Les enfant jouent dans le jardin."
    findings = lint_text(french, select=["TYP009"], rules={"TYP009": options}, language="fr")
    assert {(french[f.start : f.end], f.source_rule) for f in findings} == {
        ("allé", "ETRE_VPPA_OU_ADJ"),
        ("Les enfant", "D_N"),
    }
    # The same French text sent as English would find none of these: the language code is what decides.
    assert not {m.rule_id for m in languagetool.check(french, languagetool_url, "en-US")} & {"ETRE_VPPA_OU_ADJ", "D_N"}


def _articles(path: Path, count: int) -> None:
    lines = []
    for number in range(count):
        text = f"Article {number} 🎉 was published today. He go to school on day {number}. The weather is fine.\n"
        lines.append(json.dumps({"id": f"a{number}", "text": text}))
    path.write_text("\n".join(lines) + "\n", "utf-8")


def _cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapelint", "check", "--isolated", *args],
        capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip


def test_live_jobs_2_against_one_server(languagetool_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _articles(corpus, 80)  # more than one chunk of 32, so the workers really run
    common = ("--select", "TYP009", "--languagetool-url", languagetool_url, "--format", "json", str(corpus))
    one, two = _cli("--jobs", "1", *common), _cli("--jobs", "2", *common)
    assert one.returncode == two.returncode == 1, one.stderr + two.stderr
    findings = json.loads(two.stdout)
    assert findings == json.loads(one.stdout)
    assert len(findings) == 80 and {f["source_rule"] for f in findings} == {"HE_VERB_AGR"}


class _DyingProxy(BaseHTTPRequestHandler):
    """Forwards to the real server, then stops answering after `budget` checks: a server gone mid-run."""

    target: ClassVar[str] = ""
    budget: ClassVar[int] = 0

    def do_GET(self) -> None:
        self._forward(requests.get(self.target + self.path, timeout=60))

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.startswith("/v2/check"):
            if _DyingProxy.budget <= 0:
                self.close_connection = True
                self.connection.shutdown(2)  # the connection drops: no answer at all
                return
            _DyingProxy.budget -= 1
        headers = {"Content-Type": self.headers.get("Content-Type", "")}
        self._forward(requests.post(self.target + self.path, data=body, headers=headers, timeout=60))

    def _forward(self, response: requests.Response) -> None:
        self.send_response(response.status_code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(response.content)))
        self.end_headers()
        self.wfile.write(response.content)

    def log_message(self, *args: object) -> None:
        pass


def test_live_server_gone_mid_run_is_one_line_and_exit_2(languagetool_url: str, tmp_path: Path) -> None:
    _DyingProxy.target, _DyingProxy.budget = languagetool_url, 3
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), _DyingProxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        corpus = tmp_path / "corpus.jsonl"
        _articles(corpus, 10)
        url = f"http://127.0.0.1:{proxy.server_address[1]}"
        result = _cli("--select", "TYP009", "--languagetool-url", url, "--jobs", "1", str(corpus))
    finally:
        proxy.shutdown()
        proxy.server_close()
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].endswith(
        f"LanguageTool at {url} stopped answering: the connection closed without an answer"
    )
    assert result.stdout.count("TYP009") == 3  # the articles checked before it went are still reported


def _java_servers() -> int:
    """LanguageTool servers running on this machine (every user's)."""
    listing = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True, check=True).stdout
    return sum("org.languagetool.server.HTTPServer" in line for line in listing.splitlines())


def test_live_check_languagetool_local_starts_and_stops_its_own_server(languagetool_url: str, tmp_path: Path) -> None:
    if os.environ.get("SCRAPELINT_LANGUAGETOOL_URL"):
        pytest.skip("the session's server is external; `local` needs the fetched jars")
    article = tmp_path / "a.txt"
    article.write_text("He go to school every day. The weather was fine.\n", "utf-8")
    before = _java_servers()
    result = _cli("--select", "TYP009", "--languagetool", "local", "--format", "json", str(article))
    assert result.returncode == 1, result.stderr
    assert [f["source_rule"] for f in json.loads(result.stdout)] == ["HE_VERB_AGR"]
    assert _java_servers() == before  # stopped when the run ended
