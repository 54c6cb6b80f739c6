"""The LanguageTool backend, through language-tool-python.

Either a server the user names (`--languagetool-url http://localhost:8081`, e.g. the official
Docker image; never the public API unless named) or the local server language-tool-python
starts when `LTP_PATH` / `LTP_JAR_DIR_PATH` point at a LanguageTool install (Java >= 17).

LanguageTool counts offsets in UTF-16 code units (an emoji counts 2); findings use code
points, so every span is converted here. When LanguageTool is asked for and cannot be
reached, `LanguageToolUnavailable` (a `ConfigError`, so the CLI prints one line and exits 2)
is raised when the rule is built, before any article is read: no silent fallback.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from scrapelint import spelling
from scrapelint.config import ConfigError

# LanguageTool categories -> our rule codes. Everything not listed goes to TYP009 (grammar).
CATEGORY_CODES = {"TYPOS": "TYP001"}
RULE_CODES = {
    "ENGLISH_WORD_REPEAT_RULE": "TYP005",
    "EN_A_VS_AN": "TYP006",
    "MORFOLOGIK_RULE_EN_US": "TYP001",
    "MORFOLOGIK_RULE_EN_GB": "TYP001",
}
# Categories whose precision on news text is too low to report even when TYP009 is on.
NOISY_CATEGORIES = frozenset({"STYLE", "TYPOGRAPHY", "REDUNDANCY", "COLLOQUIALISMS", "PLAIN_ENGLISH", "WIKIPEDIA"})


class LanguageToolUnavailable(ConfigError):
    """LanguageTool was asked for and cannot be used; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class LtMatch:
    """One LanguageTool match with code-point offsets."""

    start: int
    end: int
    message: str
    replacements: tuple[str, ...]
    rule_id: str
    category: str
    code: str


def code_for(category: str, rule_id: str) -> str:
    """Our rule code for a LanguageTool match."""
    return RULE_CODES.get(rule_id) or CATEGORY_CODES.get(category) or "TYP009"


class Utf16Index:
    """Converts UTF-16 code-unit offsets of `text` to code-point offsets (linear set-up, log-time lookups)."""

    def __init__(self, text: str) -> None:
        # UTF-16 offset at which each astral (non-BMP) character starts.
        self._astral: list[int] = []
        shift = 0
        for index, char in enumerate(text):
            if ord(char) > 0xFFFF:
                self._astral.append(index + shift)
                shift += 1

    def to_codepoint(self, offset16: int) -> int:
        return offset16 - bisect_right(self._astral, offset16 - 1)

    def to_utf16(self, codepoint: int) -> int:
        # Each astral character before `codepoint` adds one code unit; found by walking the sorted starts.
        low, high = 0, len(self._astral)
        while low < high:
            middle = (low + high) // 2
            if self._astral[middle] - middle < codepoint:
                low = middle + 1
            else:
                high = middle
        return codepoint + low


def parse_matches(text: str, payload: dict[str, Any]) -> list[LtMatch]:
    """The `matches` of a /v2/check response, with UTF-16 offsets converted to code points."""
    index = Utf16Index(text)
    result = []
    for raw in payload.get("matches", []):
        offset, length = int(raw["offset"]), int(raw["length"])
        rule = raw.get("rule", {})
        category = rule.get("category", {}).get("id", "")
        rule_id = rule.get("id", "")
        result.append(
            LtMatch(
                start=index.to_codepoint(offset),
                end=index.to_codepoint(offset + length),
                message=raw.get("message", ""),
                replacements=tuple(r["value"] for r in raw.get("replacements", [])[:5] if "value" in r),
                rule_id=rule_id,
                category=category,
                code=code_for(category, rule_id),
            )
        )
    return result


@lru_cache(maxsize=4)
def _tool(url: str | None, language: str) -> Any:
    """One language-tool-python client per process and server (built lazily, never pickled)."""
    import language_tool_python

    if not url and not (os.environ.get("LTP_PATH") or os.environ.get("LTP_JAR_DIR_PATH")):
        raise LanguageToolUnavailable(
            "LanguageTool is not available: pass --languagetool-url URL or set LTP_PATH to a local LanguageTool install"
        )
    try:
        if url:
            return language_tool_python.LanguageTool(language, remote_server=url)
        return language_tool_python.LanguageTool(language)
    except Exception as error:
        where = url or "the local LanguageTool (LTP_PATH)"
        text = str(error)
        errno = re.search(r"\[Errno -?\d+\] ([^\"'\]\)]+)", text)
        reason = errno.group(1).strip() if errno else (text.splitlines()[0] if text else type(error).__name__)
        raise LanguageToolUnavailable(f"LanguageTool is not available at {where}: {reason}") from None


def ensure_available(url: str | None, language: str = "en-US") -> None:
    """Raise LanguageToolUnavailable now, at start-up, rather than once per article."""
    _tool(url, language)


def check(text: str, url: str | None, language: str = "en-US") -> list[LtMatch]:
    """All LanguageTool matches for `text`, offsets in code points."""
    tool = _tool(url, language)
    payload = tool._query_server(  # the raw JSON, so that offsets are converted here, lengths included
        tool._url + "check", tool._create_params(text), method="post"
    )
    return parse_matches(text, payload)


def grammar_matches(text: str, url: str | None, language: str = "en-US") -> list[LtMatch]:
    """Matches for TYP009: not spelling, not what TYP005/TYP006 already report, not the noisy categories."""
    return [m for m in check(text, url, language) if m.code == "TYP009" and m.category not in NOISY_CATEGORIES]


def spelling_issues(
    text: str, context: spelling.Context, url: str, language: str = "en-US"
) -> list[spelling.SpellIssue]:
    """TYP001 from LanguageTool's spelling matches, through our precision layer; the deterministic kinds stay ours."""
    eligible: set[int] = set()
    offline = spelling.check(text, context, eligible)
    issues = [issue for issue in offline if issue.kind != spelling.MISSPELLING]
    taken = {issue.start for issue in issues}
    for match in check(text, url, language):
        if match.code != "TYP001" or match.start not in eligible or match.start in taken:
            continue
        word = text[match.start : match.end]
        issues.append(
            spelling.SpellIssue(
                match.start,
                match.end,
                spelling.MISSPELLING,
                f"'{word}': {match.message}",
                match.replacements,
                match.rule_id,
            )
        )
    issues.sort(key=lambda issue: issue.start)
    return issues
