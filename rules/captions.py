"""DEB010 caption-credit: picture captions and credits standing inside or after the article's body.

Captions and credits are text about a picture the scrape no longer has: "Image copyright Getty Images",
"Image caption Protesters gathered...", "In this Sunday, Nov. 10, 2019, photograph, a long row of ...",
"(Foto: Tony Silva/Ascom-PC)". Some publishers keep captions in their text, so the rule is info and
its fix is unsafe. The words come per language from rules/data/captions.txt; a line another DEB rule
already reports (a photo credit alone, DEB003) is left to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from scrapelint.document import Document
from scrapelint.models import Finding, Severity
from scrapelint.rule import Rule
from scrapelint.rules.deb import DATA, analyse, line_deletion

_CAPTION_WORDS = 60  # a caption is a sentence or two, never a long paragraph


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The data file's sections, compiled once per process."""
    sections: dict[str, list[str]] = {}
    kind = ""
    for raw in (DATA / "captions.txt").read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("kind:"):
            kind = line.split(":", 1)[1].strip()
            sections[kind] = []
        else:
            sections[kind].append(line)
    return {
        "start": re.compile("|".join(f"(?:{p})" for p in sections["start"]), re.IGNORECASE),
        "end": re.compile(rf"(?:{'|'.join(f'(?:{p})' for p in sections['end'])})[\s.]*$", re.IGNORECASE),
        "inline": re.compile("|".join(f"(?:{p})" for p in sections["inline"]), re.IGNORECASE),
    }


def caption(text: str, words: int) -> str | None:
    """ "caption" for a caption or credit line, None otherwise."""
    if words > _CAPTION_WORDS or len(text) > 600:
        return None
    patterns = _patterns()
    stripped = text.strip(" \t\u00a0•·|»-–—*")
    if patterns["start"].match(stripped):
        return "caption"
    if words <= 40 and (found := patterns["end"].search(stripped)) is not None and found.start() > 0:
        return "caption"
    return None


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

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        inline = _patterns()["inline"]
        for line in analyse(doc).lines:
            if line.kind is not None:
                continue  # another DEB rule reports it
            if caption(line.text, line.words):
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
