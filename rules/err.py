"""ERR: input errors. These rules check nothing themselves; the readers raise them
so that a broken record is reported with its path and line and the rest is linted."""

from __future__ import annotations

from collections.abc import Iterable

from scrapelint.document import Document
from scrapelint.models import Finding, Severity
from scrapelint.rule import Rule


class InputRule(Rule):
    severity = Severity.error

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()


class UnreadableInput(InputRule):
    code = "ERR001"
    name = "unreadable-input"
    summary = "A path that does not exist or cannot be read."
    what = "Reports a path given on the command line that is missing, unreadable, or a corrupt gzip stream."
    why = "A CI gate that silently skips a missing file passes when it should fail."
    example = "scrapelint check missing.jsonl  ->  missing.jsonl:1:1: ERR001 cannot read: No such file"


class InvalidJson(InputRule):
    code = "ERR002"
    name = "invalid-json"
    summary = "A JSON document or JSONL line that does not parse."
    what = "Reports a JSON file, or one line of a JSONL file, that is not valid JSON or not a JSON object."
    why = "A truncated write or a stray log line in a scrape loses that record; the rest must still be checked."
    example = 'line 3 of scrape.jsonl is `{"text": "unterminated`  ->  scrape.jsonl:3:1: ERR002 invalid JSON'


class MissingText(InputRule):
    code = "ERR003"
    name = "missing-text"
    summary = "A record with no article text field."
    what = "Reports a record that has none of the known body fields (text, maintext, content, body, ...) as a string."
    why = "The scraper produced an empty shell; or the field has a name scrapelint does not know (map it with --text-field)."
    example = '{"title": "Hello"}  ->  ERR003 no text field (tried text, maintext, content, ...)'


class InvalidEncoding(InputRule):
    code = "ERR004"
    name = "invalid-encoding"
    summary = "Bytes that are not valid UTF-8."
    what = "Reports input that is not UTF-8; the text is decoded with replacement characters and still linted."
    why = "A wrong charset in the scraper turns every accented letter into garbage downstream."
    example = "a Latin-1 file  ->  article.txt:1:1: ERR004 not valid UTF-8 at byte 1034"


class RuleCrashed(InputRule):
    code = "ERR005"
    name = "rule-crashed"
    summary = "A rule raised an exception on this article."
    what = (
        "Reports a bug in a rule (built-in or plugin): the rule's other findings are lost, the rest of the run goes on."
    )
    why = "One crashing plugin must not hide every other finding, nor pass a CI gate silently; exit code 2 says so."
    example = "scrape.jsonl:7:1: ERR005 rule XYZ001 crashed on this article: KeyError: 'x'"


RULES = [UnreadableInput, InvalidJson, MissingText, InvalidEncoding, RuleCrashed]
