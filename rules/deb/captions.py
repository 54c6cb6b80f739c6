"""DEB010 caption-credit: picture captions and credits standing inside or after the article's body.

Captions and credits are text about a picture the scrape no longer has: "Image copyright Getty Images",
"Image caption Protesters gathered...", "In this Sunday, Nov. 10, 2019, photograph, a long row of ...",
"(Foto: Tony Silva/Ascom-PC)". Some publishers keep captions in their text, so the rule is info and
its fix is unsafe. The words come per language from rules/data/captions.txt; a line another DEB rule
already reports (a photo credit alone, DEB003) is left to it. A line's verdict is cached by its text,
as template lines recur across a site's pages; the credit at a line's end is found with string
operations from the end, not by a regex tried at every position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from scrapelint.document import Document
from scrapelint.models import Finding, Severity
from scrapelint.rule import Rule
from scrapelint.rules.deb.body import analyse
from scrapelint.rules.deb.lexicons import DATA
from scrapelint.rules.deb.lines import line_deletion
from scrapelint.rules.lexicon import alternation
from scrapelint.rules.lexicon import sections as data_sections

_CAPTION_WORDS = 60  # a caption is a sentence or two, never a long paragraph


@dataclass(frozen=True)
class _Words:
    """rules/data/captions.txt, compiled once per process."""

    start: re.Pattern[str]  # match at the start of a line
    paren: re.Pattern[str]  # fullmatch on a line's last bracketed part, lower-cased
    labels: frozenset[str]  # "photo" of "Photo: Jane Doe"
    agencies: dict[str, tuple[str, ...]]  # "getty images" of "Jane Doe/Getty Images", by last word, longest first
    inline: re.Pattern[str]  # credits inside a line


@lru_cache(maxsize=1)
def _words() -> _Words:
    sections = data_sections(DATA / "captions.txt")

    return _Words(
        start=alternation(sections["start"], re.IGNORECASE),
        paren=alternation(sections["paren"], re.IGNORECASE),
        labels=frozenset(sections["label"]),
        agencies={
            last: tuple(sorted((a for a in sections["agency"] if a.split()[-1] == last), key=len, reverse=True))
            for last in {agency.split()[-1] for agency in sections["agency"]}
        },
        inline=alternation(sections["inline"], re.IGNORECASE),
    )


def _ends_in_credit(text: str, words: _Words) -> bool:
    """The line ends in a picture credit: "... (AP Photo/Jane Doe)", "... Photo: Jane Doe", "... /Getty Images"."""
    text = text.rstrip(" .")
    low = text.lower()
    if text.endswith(")"):
        bracket = text.rfind("(")
        if bracket > 0 and words.paren.fullmatch(low, bracket):
            return True
    colon = low.rfind(":", max(0, len(low) - 80))
    if colon > 0 and not any(mark in low[colon:] for mark in ".!?"):
        before = low[:colon].split()
        if (
            len(before) > 1
            and before[-1].lstrip("(|/–—-") in words.labels
            and (before[-1][:1] in "(|/–—-" or before[-2][-1:] in ".!?)|/–—-\"'”")
        ):
            return True  # "... stand in line. Photo: Jane Doe", not "Gift card credit: immediately"
    mark = low.rfind("©", max(0, len(low) - 50))
    if (
        mark > 0
        and low[mark - 1] not in "ãâåäðñ"  # "Ã©" is a garbled "é" (FMT008's), no credit; "festlegt© Bundesregierung" is
        and len(low[mark + 1 :].split()) <= 6
        and not any(stop in low[mark:] for stop in ".!?")
    ):
        return (
            True  # "... sorgen. © AFP / Jane Doe": a credit after the caption (a line that starts with © is a footer)
        )
    last_word = low[-30:].replace("/", " ").replace("©", " ").replace("|", " ").rsplit(None, 1)[-1:]
    for agency in words.agencies.get(last_word[0], ()) if last_word else ():
        if low.endswith(agency) and len(low) > len(agency) and not low[-len(agency) - 1].isalnum():
            head = low[: -len(agency)].rstrip()
            last = head.rsplit(None, 1)[-1] if head else ""
            return bool(head) and (
                head.endswith(("/", "|", "©")) or last.rstrip(":") in words.labels or agency == "getty images"
            )
    return False


_SIGN_OFF = re.compile(r"\(?[a-zäöüß]{2,5}(?:/[A-Za-zÄÖÜäöüß-]{2,12}){1,3}\)?")  # no space: "ssu/dpa", "kng/AFP"


def caption(text: str, words: int) -> str | None:
    """ "caption" for a caption or credit line, None otherwise."""
    if words > _CAPTION_WORDS or len(text) > 600:
        return None
    lexicon = _words()
    stripped = text.strip(" \t\u00a0•·|»-–—*")
    if _SIGN_OFF.fullmatch(stripped):
        return None  # an author's initials and the agencies: the article's sign-off, "mamk/dpa/Reuters"
    if lexicon.start.match(stripped) or (words <= 40 and _ends_in_credit(stripped, lexicon)):
        return "caption"
    return None


_SEEN: dict[str, str | None] = {}  # `caption` by line text, bounded like lines.py's line facts


def _caption_cached(text: str, words: int) -> str | None:
    found = _SEEN.get(text, "")
    if found == "":
        found = caption(text, words)
        if len(text) <= 400:
            if len(_SEEN) >= 1 << 16:
                _SEEN.clear()
            _SEEN[text] = found
    return found


class CaptionCredit(Rule):
    code = "DEB010"
    name = "caption-credit"
    summary = "Picture captions and credits left inside or after the article's body."
    what = (
        "Reports lines that are a picture's caption or credit — 'Image copyright ...', 'Image caption ...', "
        "'In this Sunday, Nov. 10, 2019, photograph, ...', a line ending in '(AP Photo/Jane Doe)' or "
        "'Getty Images' — and credits inside a line ('(Foto: Tony Silva/Ascom-PC)'). The words per language "
        "are in rules/data/captions.txt. Lines another DEB rule reports are left to it."
    )
    why = (
        "A caption describes a picture the text no longer shows; read as the article it breaks the story's "
        "flow and repeats names and dates out of place. Some publishers keep captions, so the fix is unsafe."
    )
    example = "Image copyright Getty Images\\nImage caption Protesters gathered in the square  -> both lines reported"
    severity = Severity.info
    fixable = "unsafe"

    def warm(self) -> None:
        """Before `--jobs` forks (engine.warm_up): the data file's alternations, shared by the workers."""
        _words()

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        inline = _words().inline
        for line in analyse(doc).lines:
            if line.kind is not None or line.words > _CAPTION_WORDS:
                continue  # another DEB rule reports it, or a paragraph too long for a caption
            seen = _SEEN.get(line.text, "")  # (inlined `_caption_cached`: this runs for most lines)
            if seen == "":
                seen = _caption_cached(line.text, line.words)
            if seen:
                fix_start, fix_end = line_deletion(text, line.start, line.end)
                shown = line.text if len(line.text) <= 60 else line.text[:57] + "…"
                yield self.finding(
                    doc,
                    line.start,
                    line.end,
                    f"a picture caption or credit (“{shown}”) is not the article's text",
                    fix=self.replace(fix_start, fix_end, "", "unsafe", "remove the caption"),
                )
            elif "(" in line.text:
                for match in inline.finditer(line.text):
                    start, end = line.start + match.start(), line.start + match.end()
                    yield self.finding(
                        doc,
                        start,
                        end,
                        f"a picture credit ({match.group()}) inside the text is not the article's text",
                        fix=self.delete(text, start, end, "unsafe", "remove the credit"),
                    )


RULES = [CaptionCredit]
