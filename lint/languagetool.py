"""The LanguageTool backend: a thin HTTP client for /v2/check.

Where the server comes from (`languagetool_url`, i.e. `--languagetool-url` / `--languagetool`):
- a URL the user names (`http://localhost:8081`, e.g. `scrapelint languagetool serve` or the official
  Docker image; never the public API unless named);
- `local`: the server from `scrapelint languagetool fetch`, started for this process and stopped at exit
  (lint/lt_server.py);
- `ltp`, or no URL with `LTP_PATH` / `LTP_JAR_DIR_PATH` set: the server language-tool-python downloads
  (first use, needs internet) or finds, and starts.

Requests go through one keep-alive session per process, a paragraph at a time in batches: each
paragraph's matches are cached by (server, language, text), so boilerplate repeated across a site and
the two rules that read LanguageTool (TYP001, TYP009) cost one request. Paragraphs that DEB already
marks as debris are not sent. Each paragraph is checked in its own language (`Document.language_at`).

LanguageTool counts offsets in UTF-16 code units (an emoji counts 2); findings use code points, so
every span is converted here. When LanguageTool is asked for and cannot be reached,
`LanguageToolUnavailable` (a `ConfigError`, so the CLI prints one line and exits 2) is raised when
the rule is built, before any article is read, or on the request that finds it gone mid-run (the
engine lets it through): no silent fallback, and every request has a timeout.
"""

from __future__ import annotations

import atexit
import os
import re
import weakref
from bisect import bisect_right
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import requests
from requests.adapters import HTTPAdapter

from scrapelint import spelling
from scrapelint.config import ConfigError
from scrapelint.document import Document

# LanguageTool categories -> our rule codes. Everything not listed goes to TYP009 (grammar).
CATEGORY_CODES = {"TYPOS": "TYP001"}
_SPELLER = re.compile(r"MORFOLOGIK|SPELLER|HUNSPELL|SPELLING_RULE|SPELLCHECK")
RULE_CODES = {
    "ENGLISH_WORD_REPEAT_RULE": "TYP005",
    "EN_A_VS_AN": "TYP006",
    "MORFOLOGIK_RULE_EN_US": "TYP001",
    "MORFOLOGIK_RULE_EN_GB": "TYP001",
}


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
    """Our rule code for a LanguageTool match: its spell checkers are TYP001, its other TYPOS rules are
    real-word confusions ("about it's", "then" for "than") and go to TYP009 with the grammar."""
    if rule_id in RULE_CODES:
        return RULE_CODES[rule_id]
    if category == "TYPOS" and not _SPELLER.search(rule_id):
        return "TYP009"
    return CATEGORY_CODES.get(category) or "TYP009"


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


CONNECT_TIMEOUT = 5.0  # seconds to open a connection to the server
REQUEST_TIMEOUT = 120.0  # seconds for one /v2/check answer (a cold server's first request takes ~20 s)
PARALLEL = 4  # requests in flight per process for one long article (--jobs adds processes); LanguageTool has 10 threads
BATCH_CHARS = 8_000  # paragraphs joined into one request up to about this size
_CACHE_SIZE = 1 << 15  # paragraphs whose matches are kept per process (emptied when full)
# LanguageTool's short codes -> the variant with a spell checker ("de" alone has none).
VARIANTS = {"en": "en-US", "de": "de-DE", "pt": "pt-PT", "ca": "ca-ES", "nl": "nl-NL"}
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=4)
def _tool(language: str) -> Any:
    """language-tool-python's own local server (downloaded on first use, or LTP_PATH), one per process."""
    import language_tool_python

    try:
        return language_tool_python.LanguageTool(language)
    except Exception as error:
        text = str(error)
        errno = re.search(r"\[Errno -?\d+\] ([^\"'\]\)]+)", text)
        reason = errno.group(1).strip() if errno else (text.splitlines()[0] if text else type(error).__name__)
        raise LanguageToolUnavailable(f"LanguageTool is not available through language-tool-python: {reason}") from None


@lru_cache(maxsize=1)
def _local_server() -> str:
    """`local`: the fetched server, started once for this process and stopped when it exits."""
    from scrapelint import lt_server

    server = lt_server.LocalServer(languages=tuple(lt_server.fetched_languages()) or lt_server.DEFAULT_LANGUAGES)
    url = server.start()
    atexit.register(server.stop)
    return url


def base_url(url: str | None) -> str:
    """The server's base URL for an option value (a URL, `local`, `ltp`, or None with LTP_PATH set)."""
    if url == "local":
        return _local_server()
    if url == "ltp" or (not url and (os.environ.get("LTP_PATH") or os.environ.get("LTP_JAR_DIR_PATH"))):
        return str(_tool("en-US")._url).removesuffix("/").removesuffix("/v2")
    if not url:
        raise LanguageToolUnavailable(
            "LanguageTool is not available: pass --languagetool-url URL, --languagetool local "
            "(after `scrapelint languagetool fetch`) or --languagetool ltp"
        )
    return url.rstrip("/").removesuffix("/v2")


_SESSIONS: dict[int, requests.Session] = {}


def _session() -> requests.Session:
    """One keep-alive session per process: a forked worker must not share its parent's sockets."""
    pid = os.getpid()
    session = _SESSIONS.get(pid)
    if session is None:
        _SESSIONS.clear()
        session = _SESSIONS[pid] = requests.Session()
        adapter = HTTPAdapter(pool_connections=2, pool_maxsize=PARALLEL)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
    return session


def _reason(error: Exception) -> str:
    """One short line for a failed request."""
    errno = re.search(r"\[Errno -?\d+\] ([^\"'\]\)]+)", str(error))
    if errno:
        return errno.group(1).strip()
    if isinstance(error, requests.Timeout):
        return f"no answer within {REQUEST_TIMEOUT:.0f} s"
    if isinstance(error, requests.ConnectionError):
        return "the connection closed without an answer"
    if isinstance(error, requests.HTTPError) and error.response is not None:
        return f"HTTP {error.response.status_code} {error.response.text.strip()[:120]}".strip()
    text = str(error)
    return text.splitlines()[0] if text else type(error).__name__


@lru_cache(maxsize=8)
def languages(url: str | None) -> frozenset[str]:
    """The language codes the server knows (short and long), asked once per process: the availability check."""
    base = base_url(url)
    try:
        response = _session().get(base + "/v2/languages", timeout=(CONNECT_TIMEOUT, 30))
        response.raise_for_status()
        entries = response.json()
    except (requests.RequestException, ValueError) as error:
        raise LanguageToolUnavailable(f"LanguageTool is not available at {base}: {_reason(error)}") from None
    return frozenset(code for entry in entries for code in (entry.get("code"), entry.get("longCode")) if code)


def ensure_available(url: str | None, language: str = "auto") -> None:
    """Raise LanguageToolUnavailable now, at start-up, rather than once per article."""
    languages(url)


def lt_language(code: str, known: frozenset[str]) -> str | None:
    """The code to send for a language tag ("de" -> "de-DE"), or None when the server does not know it."""
    if code in known and "-" in code:
        return code
    primary = code.split("-")[0].lower()
    variant = VARIANTS.get(primary)
    if variant and variant in known:
        return variant
    return primary if primary in known else None


def check(text: str, url: str | None, language: str = "en-US") -> list[LtMatch]:
    """All LanguageTool matches for `text`, offsets in code points; LanguageToolUnavailable when the server is gone."""
    base = base_url(url)
    data = {"text": text, "language": language}
    try:
        response = _session().post(base + "/v2/check", data=data, timeout=(CONNECT_TIMEOUT, REQUEST_TIMEOUT))
        response.raise_for_status()
        payload = response.json()
    except (requests.RequestException, ValueError) as error:
        raise LanguageToolUnavailable(f"LanguageTool at {base} stopped answering: {_reason(error)}") from None
    return parse_matches(text, payload)


# -- whole documents: paragraphs, languages, batches, cache ------------------------------------------

_PARAGRAPHS: dict[tuple[str, str, str], tuple[LtMatch, ...]] = {}
_DOCUMENTS: weakref.WeakKeyDictionary[Document, dict[tuple[str | None, str], list[LtMatch]]] = (
    weakref.WeakKeyDictionary()
)


def _language_at(doc: Document, offset: int) -> str:
    """The paragraph's language by the language contract (#14), English until Document knows languages."""
    language_at = getattr(doc, "language_at", None)
    code = language_at(offset) if language_at else getattr(doc, "language", None) or doc.article.language or "en"
    if code == "und":
        code = getattr(doc, "language", None) or "und"
    return "en" if code == "und" else code


def _debris(doc: Document) -> set[int]:
    """Starts of the lines DEB marks as page furniture (its analysis is cached per document, so usually free)."""
    try:
        from scrapelint.rules import deb

        analysis = deb.analyse(doc)
    except Exception:  # DEB's internals are not a contract: without them every paragraph is sent
        return set()
    return {line.start for line in analysis.lines if line.kind is not None and not line.protected}


def document_matches(doc: Document, url: str | None, language: str = "auto") -> list[LtMatch]:
    """LanguageTool's matches for a document's text, paragraph by paragraph in each one's language, cached."""
    per_doc = _DOCUMENTS.setdefault(doc, {})
    if (url, language) in per_doc:
        return per_doc[url, language]
    known = languages(url)
    base = base_url(url)
    text = doc.text
    debris = _debris(doc)
    found: list[LtMatch] = []
    pending: dict[str, list[tuple[int, str]]] = {}
    for start, end in zip(*doc.paragraph_spans, strict=True):
        paragraph = text[start:end]
        if start in debris or not _LETTER.search(paragraph):
            continue
        code = lt_language(language if language != "auto" else _language_at(doc, start), known)
        if code is None:
            continue  # a language this server does not check
        cached = _PARAGRAPHS.get((base, code, paragraph))
        if cached is None:
            pending.setdefault(code, []).append((start, paragraph))
        else:
            found.extend(replace(m, start=m.start + start, end=m.end + start) for m in cached)
    batches = [(code, batch) for code, items in pending.items() for batch in _batches(items)]
    if len(batches) <= 1:
        results = [_check_batch(base, *batch) for batch in batches]
    else:
        with ThreadPoolExecutor(min(PARALLEL, len(batches) or 1)) as pool:
            results = list(pool.map(lambda job: _check_batch(base, *job), batches))
    for matches in results:
        found.extend(matches)
    found.sort(key=lambda m: (m.start, m.end))
    per_doc[url, language] = found
    return found


def _batches(items: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Paragraphs grouped into requests of about BATCH_CHARS each, in order."""
    batches: list[list[tuple[int, str]]] = [[]]
    size = 0
    for item in items:
        if batches[-1] and size + len(item[1]) > BATCH_CHARS:
            batches.append([])
            size = 0
        batches[-1].append(item)
        size += len(item[1]) + 2
    return batches


def _check_batch(base: str, code: str, batch: list[tuple[int, str]]) -> list[LtMatch]:
    """One request for a batch of paragraphs (joined by blank lines); the matches in document offsets, cached."""
    joined = "\n\n".join(paragraph for _, paragraph in batch)
    matches = check(joined, base, code)
    result: list[LtMatch] = []
    at = 0
    index = 0
    for start, paragraph in batch:
        end = at + len(paragraph)
        own: list[LtMatch] = []
        while index < len(matches) and matches[index].start < end:
            match = matches[index]
            index += 1
            if match.start >= at and match.end <= end:  # one that spans two paragraphs is not about either
                own.append(replace(match, start=match.start - at, end=match.end - at))
        if len(_PARAGRAPHS) >= _CACHE_SIZE:
            _PARAGRAPHS.clear()
        _PARAGRAPHS[base, code, paragraph] = tuple(own)
        result.extend(replace(m, start=m.start + start, end=m.end + start) for m in own)
        at = end + 2
    return result


def grammar_matches(
    doc: Document,
    url: str | None,
    language: str = "auto",
    categories: tuple[str, ...] = ("GRAMMAR", "CONFUSED_WORDS"),
    disabled_rules: tuple[str, ...] = (),
    enabled_rules: tuple[str, ...] = (),
) -> list[LtMatch]:
    """Matches for TYP009: not spelling, not what TYP005/TYP006 report; the chosen categories, rules on top.

    A match on a proper name alone ("Barca" -> "Barça", "Sao Paolo") is not reported in English text:
    names are spelt as their owners and the article's house style spell them.
    """
    text = doc.text
    return [
        m
        for m in document_matches(doc, url, language)
        if m.code == "TYP009"
        and m.rule_id not in disabled_rules
        and ("*" in categories or m.category in categories or m.rule_id in enabled_rules)
        and not (_is_english(doc, m.start, language) and _names_only(text, m.start, m.end))
    ]


_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")


def _names_only(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is capitalised words only, not just the first word of a sentence."""
    words = _WORDS.findall(text[start:end])
    if not words or not all(word[0].isupper() for word in words):
        return False
    before = text[max(0, start - 40) : start].rstrip(" \t\"'“‘(")
    return len(words) > 1 or not (before == "" or before.endswith(("\n", ".", "!", "?", ":")))


def spelling_issues(
    doc: Document, context: spelling.Context, url: str, language: str = "auto", english: bool = False
) -> list[spelling.SpellIssue]:
    """TYP001 with LanguageTool: its speller where the offline one cannot go, through a precision layer.

    English paragraphs keep the offline speller: on the news benchmark LanguageTool's English speller
    added 0.6 false alarms per 1,000 words (sports and trade jargon, names) for 0.4 points of recall.
    With `english`, its English matches are taken too, through the offline precision layer (names,
    dialects, project vocabulary). Other languages go through a smaller layer: a word that recurs, is
    in the title or byline, is an acronym or holds a digit is taken for a name or a term.
    """
    text = doc.text
    matches = [m for m in document_matches(doc, url, language) if m.code == "TYP001"]
    in_english = {m.start for m in matches if _is_english(doc, m.start, language)}
    eligible: set[int] = set()
    offline = spelling.check(text, context, eligible if english else None)
    issues = [
        issue
        for issue in offline
        if (not english or issue.kind != spelling.MISSPELLING) and _is_english(doc, issue.start, language)
    ]
    taken = {issue.start for issue in issues}
    words = _word_counts(text) if len(in_english) < len(matches) else None
    names = {w.lower() for w in re.findall(r"\w+", f"{context.title} {context.byline}")}
    for match in matches:
        word = text[match.start : match.end]
        if match.start in taken:
            continue
        if match.start in in_english:
            if not english or match.start not in eligible:
                continue
        elif words is not None and not _plausible_foreign_typo(word, words, names, context):
            continue
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


def _is_english(doc: Document, offset: int, language: str) -> bool:
    code = language if language != "auto" else _language_at(doc, offset)
    return code.split("-")[0].lower() == "en"


def _word_counts(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def _plausible_foreign_typo(word: str, counts: Counter[str], names: set[str], context: spelling.Context) -> bool:
    """The small precision layer for languages other than English: names and terms are not typos."""
    lower = word.lower()
    if len(word) < 3 or word.isupper() or any(char.isdigit() for char in word) or not word[1:].islower():
        return False
    if counts.get(lower, 0) > 1 or lower in names:
        return False
    return lower not in context.vocabulary.accept
