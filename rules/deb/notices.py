"""Prose-like furniture: the notices a site words in sentences (newsletter and follow prompts, author boxes,
licence and liability notices, comment-form and privacy text, "more on this topic", subscription appeals).

Prose detection takes them for the article's own text, so the body finding cannot tell them apart; their
phrases can. The families are data (rules/data/debris_notices*.txt, one `kind:` section per family, in
every language DEB knows). A line is a notice when a phrase of a family occurs in it, anywhere in a line
of fewer than `_SHORT` words, else only at its start or twice: one phrase deep in a long paragraph may be
the article quoting it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from scrapelint.rules.deb.firstchar import required_needles
from scrapelint.rules.lexicon import lexicon_files, sections

DATA = Path(__file__).resolve().parent.parent / "data"  # rules/data
FAMILIES = {
    "newsletter": "a newsletter sign-up",
    "follow": "a follow-us or channel prompt",
    "author": "an author box",
    "licence": "a licence, liability or disclosure notice",
    "comment_form": "a comment-form or data-protection notice",
    "more": "a 'more on this topic' prompt",
    "paywall": "a subscription or support appeal",
}
_SHORT = 40  # words: below, one phrase anywhere makes the line a notice
_HEAD = 40  # characters: in a longer line, the phrase starts within its first few words


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The families as one alternation of named groups, and the guard: the literal runs every pattern holds."""
    families: dict[str, list[str]] = {}
    for path in lexicon_files(DATA, "debris_notices.txt"):
        for family, patterns in sections(path).items():
            if family not in FAMILIES:
                raise ValueError(f"{path.name}: unknown family of notice {family!r} (one of {list(FAMILIES)})")
            families.setdefault(family, []).extend(patterns)
    needles: set[str] = set()
    for patterns in families.values():
        for pattern in patterns:
            found = required_needles(pattern)
            if found is None:
                raise ValueError(f"a notice pattern without a literal run of 4+ characters: {pattern!r}")
            needles.update(found)
    # the shortest runs suffice to ask "any at all"; one branch per first character, as lexicons.py does
    needles = {need for need in needles if not any(other != need and other in need for other in needles)}
    guard = re.compile(
        "|".join(
            f"{re.escape(letter)}(?:{'|'.join(re.escape(need[1:]) for need in group)})"
            for letter, group in groupby(sorted(needles), itemgetter(0))
        )
    )
    combined = re.compile(
        "|".join(f"(?P<{family}>{'|'.join(f'(?:{p})' for p in patterns)})" for family, patterns in families.items())
    )
    if combined.groups != len(families):
        raise ValueError("a notice pattern has a capturing group; use (?:...)")
    return guard, combined


def notice_family(norm: str, spaces: int) -> str | None:
    """The family of notice the normalised line `norm` (with `spaces` spaces) is, or None."""
    guard, combined = _compiled()
    if guard.search(norm) is None:
        return None
    if spaces < _SHORT:
        found = combined.search(norm)
        return found.lastgroup if found else None
    matches = list(combined.finditer(norm))
    if len(matches) > 1 or (matches and matches[0].start() < _HEAD):
        return matches[0].lastgroup
    return None
