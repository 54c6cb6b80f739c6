"""What a rule is, and how rules are found.

A rule is a small class: metadata that documents it (code, name, summary,
what/why/example), its options as a pydantic model, and `check(doc)`.
Built-in and third-party rules register the same way, through the
`scrapelint.rules` entry-point group; the engine knows no rule by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib.metadata import entry_points
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from scrapelint.document import Document
from scrapelint.models import Applicability, Finding, Fix, Location, Severity

ENTRY_POINT_GROUP = "scrapelint.rules"
CODE_PATTERN = re.compile(r"^[A-Z]{2,5}\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class RuleOptions(BaseModel):
    """Base of every rule's options: unknown keys are errors; TOML may spell keys in kebab-case."""

    model_config = ConfigDict(
        extra="forbid", alias_generator=lambda name: name.replace("_", "-"), populate_by_name=True
    )


class Rule:
    """Base class of every rule. Subclasses set the class attributes and `check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    what: ClassVar[str]
    why: ClassVar[str]
    example: ClassVar[str]
    severity: ClassVar[Severity] = Severity.warning
    enabled_by_default: ClassVar[bool] = True
    fixable: ClassVar[Literal["none", "safe", "unsafe", "sometimes"]] = "none"
    # Rules that need something from outside (a server) run only when named by their exact code or
    # configured; `--select TYP` or `ALL` alone does not pull them in (as ruff does for some rules).
    explicit_only: ClassVar[bool] = False
    Options: ClassVar[type[BaseModel]] = RuleOptions
    # Languages the rule knows, as primary tags ("en", "de"); "*" for rules that do not depend on language.
    # The engine runs a rule only on documents with text in one of them and drops its findings that start in
    # a paragraph of another language (lint/language_gate.py). Text too short to tell counts as English.
    languages: ClassVar[tuple[str, ...]] = ("*",)

    def __init__(self, options: BaseModel | None = None) -> None:
        self.options: Any = options if options is not None else self.Options()

    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    # -- helpers for subclasses -------------------------------------------------

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        *,
        fix: Fix | None = None,
        related: tuple[int, int] | None = None,
        severity: Severity | None = None,
        source_rule: str | None = None,
    ) -> Finding:
        """A finding on `doc.text[start:end]`, with line/column computed from the document."""
        line, column = doc.position(start)
        end_line, end_column = doc.position(end)
        return Finding(
            rule=self.code,
            name=self.name,
            message=message,
            severity=severity or self.severity,
            path=doc.article.path,
            article=doc.article.id,
            field=doc.field,
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            fix=fix,
            related=location(doc, *related) if related else None,
            source_rule=source_rule,
        )

    @staticmethod
    def replace(
        start: int, end: int, replacement: str = "", applicability: Applicability = "safe", description: str = ""
    ) -> Fix:
        return Fix(start=start, end=end, replacement=replacement, applicability=applicability, description=description)

    @staticmethod
    def delete(text: str, start: int, end: int, applicability: Applicability = "safe", description: str = "") -> Fix:
        """A fix that deletes `text[start:end]` inside a line and leaves no double space, no space at a line's edge
        and none before punctuation (see `deletion_span`)."""
        return Rule.replace(*deletion_span(text, start, end), "", applicability, description)


class CorpusRule(Rule):
    """A rule that needs the whole run first (site boilerplate, batch vocabulary).

    The engine runs `observe` over every document (in any number of processes),
    `merge`s the partial states, hands the result to `prepare`, then calls
    `check` as usual. State must be picklable and bounded in size.
    """

    def new_state(self) -> Any:
        raise NotImplementedError

    def observe(self, state: Any, doc: Document) -> None:
        raise NotImplementedError

    def merge(self, state: Any, other: Any) -> Any:
        raise NotImplementedError

    def prepare(self, state: Any) -> None:
        raise NotImplementedError


def deletion_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete so that `text[start:end]` goes with the spaces or tabs it would leave doubled or stranded.

    Between two spaces, or at a line's start, the spaces after it go; at a line's end or before
    punctuation, the spaces before it; glued to words on both sides, nothing more.
    """
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    if after > end and (before < start or before == 0 or text[before - 1] == "\n"):
        return start, after
    if before < start and (after == len(text) or text[after] in "\n.,;:!?"):
        return before, end
    return start, end


def location(doc: Document, start: int, end: int) -> Location:
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Location(
        field=doc.field, start=start, end=end, line=line, column=column, end_line=end_line, end_column=end_column
    )


class RuleError(Exception):
    """A rule is malformed or a selector names no rule."""


@lru_cache(maxsize=1)
def all_rules() -> dict[str, type[Rule]]:
    """Every registered rule class by code, built-ins and plugins alike, sorted by code."""
    found: dict[str, type[Rule]] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = entry.load()
        except Exception as error:
            raise RuleError(f"cannot load rules from {entry.value}: {type(error).__name__}: {error}") from error
        for rule in _rule_classes(loaded):
            _validate(rule, entry.value)
            if rule.code in found and found[rule.code] is not rule:
                raise RuleError(f"rule code {rule.code} is registered twice ({entry.value})")
            found[rule.code] = rule
    return dict(sorted(found.items()))


def _rule_classes(obj: Any) -> Iterator[type[Rule]]:
    """An entry point may name one rule class, a list of them, or a module with `RULES`."""
    if isinstance(obj, type) and issubclass(obj, Rule):
        yield obj
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _rule_classes(item)
    elif hasattr(obj, "RULES"):
        yield from _rule_classes(obj.RULES)
    else:
        raise RuleError(f"entry point {obj!r} is not a rule, a list of rules or a module with RULES")


def _validate(rule: type[Rule], origin: str) -> None:
    for attribute in ("code", "name", "summary", "what", "why", "example"):
        if not getattr(rule, attribute, None):
            raise RuleError(f"rule {rule.__name__} from {origin} has no {attribute}")
    if not CODE_PATTERN.match(rule.code):
        raise RuleError(f"rule code {rule.code!r} from {origin} is not PREFIX + 3 digits")
    if not NAME_PATTERN.match(rule.name):
        raise RuleError(f"rule name {rule.name!r} from {origin} is not kebab-case")


def matches(code: str, selector: str) -> bool:
    """`DUP`, `DUP00`, `DUP002` and `ALL` select by prefix, as in ruff."""
    return selector == "ALL" or code.startswith(selector)
