"""Scientific names: the species or variety part of a binomial is Latin, not a misspelling.

"Anolis nubilus", "Its variety sanderiana", "Another variety, harrisi": a lower-case word with a Latin
ending right after a capitalised Latin-looking genus that is rare on the web (no "Thomas"), or after a rank word (variety, species, subsp.).
"""

from __future__ import annotations

import re

from scrapelint.spelling.lexicon import lexicon

_LATIN_ENDING = re.compile(r"(?:us|um|a|ae|i|ii|is|es|ensis|iana|ianum|ianus|oides|ata|ella|orum|arum|ina)$")
_GENUS = re.compile(r"[A-Z][a-z]{3,}(?:us|um|a|is|ia|es|ops|ix|ax|yx)$")
GENUS_ZIPF = 3.0  # a genus is rare on the web; a first name or surname ("Thomas", "Marcus") is not
_RANK = frozenset(["variety", "var", "species", "subspecies", "subsp", "ssp", "cultivar", "cv", "genus", "forma"])
_BEFORE = re.compile(r"([A-Za-z]+)[\s.,(]{1,3}$")


def taxon_epithet(line: str, start: int, end: int) -> bool:
    """Whether the lower-case word `line[start:end]` is the epithet of a scientific name."""
    if not _LATIN_ENDING.search(line, start, end):
        return False
    before = _BEFORE.search(line, max(0, start - 30), start)
    if before is None:
        return False
    previous = before.group(1)
    gap = line[before.end(1) : start]
    if previous.lower() in _RANK:
        return True
    return (
        gap.strip("( ") == ""
        and _GENUS.fullmatch(previous) is not None
        and lexicon().zipf(previous.lower()) < GENUS_ZIPF
    )
