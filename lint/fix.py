"""Apply the fixes that findings carry: an Article in, a cleaned Article out.

Three promises, each tested:

- Only the characters of applied fixes change, plus the whitespace right next to
  a removed span (so that no doubled space or blank line is left where a block
  was cut out). Every edit is reported in original offsets, so this is checkable.
- Overlapping fixes are resolved deterministically: the earliest (then the
  longest) wins, the losers wait for the next pass. Passes repeat, re-linting
  the new text, until no fix applies or `MAX_PASSES` is reached, as ruff does.
  Unsafe fixes are applied in the first pass only: they are what `check` showed.
- Fixing the fixed text with safe fixes changes nothing (a fixed point).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import NamedTuple

from scrapelint.engine import Linter, input_error_finding, map_items
from scrapelint.models import Article, Finding, Fix
from scrapelint.quality import quality_score
from scrapelint.sources import InputError, Item

MAX_PASSES = 20  # lint -> fix rounds per article: most converge in two; a menu whose template lines come free one
# by one (DEB008 reports a line once no other DEB rule does) took 13 on one L3S page (ruff allows 100)
# Safe fixes that would remove more than this share of an article's words are not applied: they
# become unsafe and the summary says so. A page that is all template or all duplicate is a judgement call, and a
# safe fix must never empty an article.
MAX_SAFE_REMOVAL = 0.6


class Edit(NamedTuple):
    """`text[start:end]` (original offsets) becomes `replacement`."""

    start: int
    end: int
    replacement: str


def choose(fixes: Sequence[Fix]) -> list[tuple[Fix, list[int]]]:
    """The fixes to apply now, sorted by start (longest first on ties), none overlapping, each with the
    indexes of the input fixes it stands for.

    A fix that starts inside the span of an earlier one waits for the next pass,
    except that two overlapping deletions (typically overlapping in the whitespace
    each one takes) merge into one: every character it removes was asked to go.
    Two insertions at the same point would be ambiguous, so only the first is taken;
    identical fixes from two rules count once.
    """
    order = sorted(range(len(fixes)), key=lambda i: (fixes[i].start, -fixes[i].end, fixes[i].replacement, i))
    chosen: list[tuple[Fix, list[int]]] = []
    for index in order:
        fix = fixes[index]
        if fix.start == fix.end and not fix.replacement:
            continue  # changes nothing
        if chosen:
            last, indexes = chosen[-1]
            if fix.start < last.end or (fix.start == last.start == last.end == fix.end):
                if fix.start < last.end and not fix.replacement and not last.replacement:
                    merged = last.model_copy(update={"end": max(last.end, fix.end)})
                    chosen[-1] = (merged, [*indexes, index])
                continue
        chosen.append((fix, [index]))
    return chosen


def _removes_content(text: str, fix: Fix) -> bool:
    """A deletion of something other than whitespace (a block, a sentence, a word)."""
    return not fix.replacement and not text[fix.start : fix.end].isspace() and fix.end > fix.start


def _whitespace_only(text: str, fix: Fix) -> bool:
    """A fix that only changes whitespace (collapses a run of spaces, trims a line)."""
    return (fix.start == fix.end or text[fix.start : fix.end].isspace()) and (
        not fix.replacement or fix.replacement.isspace()
    )


def plan(text: str, fixes: Sequence[Fix]) -> list[Edit]:
    """The edits that apply `fixes` (sorted, non-overlapping) to `text`, keeping it well formed.

    A deletion of content also takes the whitespace on both sides of it and puts
    back one of the two runs: none at the start of the text, the trailing one at
    its end, otherwise the one with more line breaks (a paragraph break beats a
    line break beats a space). Deletions separated only by whitespace merge into
    one edit, so removing three teasers in a row leaves one separator, not three;
    a whitespace-only fix touching such a run is absorbed into it.
    """
    edits: list[Edit] = []
    spacing: list[bool] = []  # edits[i] came from a whitespace-only fix
    count = len(fixes)
    index = 0
    while index < count:
        fix = fixes[index]
        if not _removes_content(text, fix):
            edits.append(Edit(fix.start, fix.end, fix.replacement))
            spacing.append(_whitespace_only(text, fix))
            index += 1
            continue
        start, content_end, last = fix.start, fix.end, index
        while edits and spacing[-1] and _blank(text[edits[-1].end : start]):
            start = edits.pop().start  # the space fix just before this removal is part of its junction
            spacing.pop()
        group_end = fix.end
        while last + 1 < count and _blank(text[group_end : fixes[last + 1].start]):
            following = fixes[last + 1]
            if _removes_content(text, following):
                content_end = following.end
            elif not _whitespace_only(text, following):
                break
            group_end = max(group_end, following.end)
            last += 1
        left_bound = edits[-1].end if edits else 0
        right_bound = fixes[last + 1].start if last + 1 < count else len(text)
        end = max(group_end, content_end)
        while start > left_bound and text[start - 1].isspace():
            start -= 1
        while end < right_bound and text[end].isspace():
            end += 1
        left, right = text[start : fix.start], text[content_end:end]
        if start == 0:
            separator = ""
        elif end == len(text):
            separator = right
        elif left.count("\n") != right.count("\n"):
            separator = left if left.count("\n") > right.count("\n") else right
        else:
            separator = left or right  # "said<br> that": the one space there is keeps the words apart
        edits.append(Edit(start, end, separator))
        spacing.append(False)
        index = last + 1
    return edits


def _blank(gap: str) -> bool:
    return not gap or gap.isspace()


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """`text` with each (sorted, disjoint) edit made; linear in the length of the text."""
    pieces: list[str] = []
    cursor = 0
    for edit in edits:
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, list[Edit], list[int]]:
    """Apply the non-overlapping subset of `fixes`: (new text, edits made, indexes of the fixes applied)."""
    chosen = choose(fixes)
    edits = plan(text, [fix for fix, _ in chosen])
    return apply_edits(text, edits), edits, sorted(i for _, indexes in chosen for i in indexes)


def applicable(finding: Finding, unsafe: bool) -> bool:
    """A fix of the article body that this run may apply (other fields are never rewritten)."""
    fix = finding.fix
    return fix is not None and finding.field == "text" and (fix.applicability == "safe" or unsafe)


@dataclass
class FixedArticle:
    """The outcome of fixing one article."""

    article: Article
    applied: Counter[str] = field(default_factory=Counter)  # rule code -> fixes applied
    remaining: list[Finding] = field(default_factory=list)  # findings of the fixed text
    changed: bool = False
    score: float = 1.0  # quality score of the article as it came (`fix --drop-below`)
    guarded: bool = False  # the safe fixes would have removed too much: none was applied


def fix_article(linter: Linter, article: Article, unsafe: bool = False, max_passes: int = MAX_PASSES) -> FixedArticle:
    """Lint, apply the fixes that do not overlap, re-lint, until nothing applies (at most `max_passes` rounds)."""
    applied: Counter[str] = Counter()
    current = article
    findings = linter.lint(current)
    score = quality_score(findings, len(article.text))
    for round_ in range(max_passes):
        # unsafe fixes only from the findings `check` shows: after a first removal the rules see a new page, and
        # their new guesses (an unsafe fix is a guess) would remove text no report named; safe ones go on
        fixable = [finding for finding in findings if applicable(finding, unsafe and round_ == 0)]
        if not fixable:
            break
        text, _, chosen = apply_fixes(current.text, [finding.fix for finding in fixable])  # type: ignore[misc]
        if text == current.text:
            break
        applied.update(fixable[index].rule for index in chosen)
        current = with_text(current, text)
        findings = linter.lint(current)
    if not unsafe and removes_too_much(article.text, current.text):
        remaining = [downgraded(f) for f in linter.lint(article)]
        return FixedArticle(article, Counter(), remaining, False, score=score, guarded=True)
    return FixedArticle(current, applied, findings, current.text != article.text, score=score)


_WORD = re.compile(r"\w+")


def _words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def removes_too_much(before: str, after: str) -> bool:
    """Whether `after` lost more than `MAX_SAFE_REMOVAL` of the words of `before` (or all of them).

    Words, not characters: removing `[ad]` from `a [ad] b` takes a third of the article, not two thirds.
    """
    had, kept = _words(before), _words(after)
    return had > 0 and (kept == 0 or kept < had * (1 - MAX_SAFE_REMOVAL))


def downgraded(finding: Finding) -> Finding:
    """The finding with its safe fix made unsafe (applied only with --unsafe-fixes)."""
    if finding.fix is None or finding.fix.applicability != "safe":
        return finding
    return finding.model_copy(update={"fix": finding.fix.model_copy(update={"applicability": "unsafe"})})


def with_text(article: Article, text: str) -> Article:
    """A copy of `article` with a new body; the JSON record, if any, gets it too."""
    update: dict[str, object] = {"text": text}
    if article.record is not None:
        update["record"] = {**article.record, article.text_field: text}
    return article.model_copy(update=update)


# -- many articles, in order, in one process or many ------------------------------


@dataclass
class Outcome:
    """What fixing one item gave, small enough to send back from a worker.

    `text` is the new body, or None when it did not change; `remaining` holds
    the findings left in the fixed text (or the input error of a bad record).
    """

    text: str | None
    applied: dict[str, int]
    remaining: list[Finding]
    score: float = 1.0  # quality score of the item as it came
    guarded: bool = False  # safe fixes withheld: they would have removed most of the article


def fix_item(linter: Linter, item: Item, unsafe: bool) -> Outcome:
    """Fix one item (the per-item task of `fix_items`, run in a worker with `jobs > 1`)."""
    if isinstance(item, InputError):
        return Outcome(None, {}, [input_error_finding(item)])
    if item.lossy:  # decoded with U+FFFD replacements: writing it back would lose bytes
        findings = linter.lint(item)
        return Outcome(None, {}, findings, quality_score(findings, len(item.text)))
    result = fix_article(linter, item, unsafe)
    text = result.article.text if result.changed else None
    return Outcome(text, dict(result.applied), result.remaining, score=result.score, guarded=result.guarded)


def fix_items(
    linter: Linter, items: Callable[[], Iterable[Item]], jobs: int = 1, unsafe: bool = False
) -> Iterator[tuple[Item, Outcome]]:
    """Fix every item, in input order, exactly as `engine.run` lints them (corpus rules' first pass,
    a bounded pool of forked workers with `jobs > 1`). `items` must be callable twice when a corpus rule is selected.
    """
    return map_items(linter, items, partial(fix_item, unsafe=unsafe), jobs)


class Summary:
    """Counts for the report on stderr: fixes applied per rule, findings that remain."""

    def __init__(self) -> None:
        self.articles = 0
        self.fixed_articles = 0
        self.applied: Counter[str] = Counter()
        self.remaining: Counter[str] = Counter()
        self.unsafe_remaining = 0
        self.input_errors = 0
        self.guarded: list[str] = []  # ids of articles whose safe fixes were withheld

    def add(self, item: Item, outcome: Outcome) -> None:
        self.articles += isinstance(item, Article)
        self.fixed_articles += outcome.text is not None
        self.applied.update(outcome.applied)
        if outcome.guarded and isinstance(item, Article):
            self.guarded.append(item.id)
        for finding in outcome.remaining:
            if finding.rule.startswith("ERR"):
                self.input_errors += 1
            else:
                self.remaining[finding.rule] += 1
                self.unsafe_remaining += finding.fix is not None and finding.fix.applicability == "unsafe"

    def render(self, dry_run: bool = False) -> str:
        verb = "Would fix" if dry_run else "Fixed"
        total = sum(self.applied.values())
        lines = [
            f"{verb} {total} issue{'s' * (total != 1)} in {self.fixed_articles} of {self.articles} articles"
            + (f": {_counts(self.applied)}." if total else ".")
        ]
        left = sum(self.remaining.values())
        if left:
            hint = f" ({self.unsafe_remaining} fixable with --unsafe-fixes)" if self.unsafe_remaining else ""
            lines.append(
                f"{left} issue{'s' * (left != 1)} remain{'s' * (left == 1)}{hint}: {_counts(self.remaining)}; "
                "`scrapelint check` shows where."
            )
        else:
            lines.append("No issues remain.")
        if self.guarded:
            count = len(self.guarded)
            shown = ", ".join(self.guarded[:5]) + (", ..." if count > 5 else "")
            lines.append(
                f"{count} article{'s' * (count != 1)} left unchanged ({shown}): the safe fixes would have removed "
                f"more than {MAX_SAFE_REMOVAL:.0%} of the text; review with `scrapelint check`, or apply them "
                "with --unsafe-fixes."
            )
        if self.input_errors:
            lines.append(
                f"{self.input_errors} input error{'s' * (self.input_errors != 1)}: records that could not "
                "be read were copied through unchanged; `scrapelint check` shows them."
            )
        return "\n".join(lines)


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{code} ×{count}" for code, count in sorted(counter.items()))
