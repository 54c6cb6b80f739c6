"""A third-party rule: flags words written in capitals that are not acronyms."""

from __future__ import annotations

import re
from collections.abc import Iterable

from scrapelint.document import Document
from scrapelint.models import Finding, Severity
from scrapelint.rule import Rule, RuleOptions

SHOUTED = re.compile(r"\b[A-Z]{3,}\b")


class Options(RuleOptions):
    min_length: int = 6


class ShoutedWord(Rule):
    code = "XMP001"
    name = "shouted-word"
    summary = "A word in capitals."
    what = "Reports words of `min-length` (default six) or more capital letters."
    why = "Shouting reads as spam."
    example = "BREAKING news  ->  XMP001 shouted word"
    severity = Severity.info
    fixable = "unsafe"
    Options = Options

    def check(self, doc: Document) -> Iterable[Finding]:
        for match in SHOUTED.finditer(doc.text):
            if len(match.group()) >= self.options.min_length:
                word = match.group()
                fix = self.replace(match.start(), match.end(), word.capitalize(), "unsafe", "lower-case it")
                yield self.finding(doc, match.start(), match.end(), f"shouted word {word!r}", fix=fix)
