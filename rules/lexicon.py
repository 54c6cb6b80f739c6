"""Where the debris lexicons live: the English file and its translations beside it.

`debris_ui.txt` is read with every `debris_ui.<lang>.txt` (`de`, `fr`, ..., or `intl` for one file that
holds several languages), in the same format. All languages are merged: a German share bar in an English
page is furniture too, and a phrase of one language is rarely a whole line of another's prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path


def lexicon_files(data: Path, name: str) -> list[Path]:
    """`data/name` first, then its translations (`stem.<lang>.txt`) in name order."""
    stem, _, suffix = name.rpartition(".")
    return [data / name, *sorted(data.glob(f"{stem}.*.{suffix}"))]


def entries(data: Path, name: str) -> Iterator[str]:
    """The non-blank, non-comment lines of a lexicon and its translations."""
    for path in lexicon_files(data, name):
        for raw in path.read_text("utf-8").splitlines():
            if raw.strip() and not raw.startswith("#"):
                yield raw.rstrip("\n")


def alternation(patterns: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """One regex of the patterns, each in its own group (a `|` inside one stays its own); none never matches."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", flags)


def sections(path: Path) -> dict[str, list[str]]:
    """A data file split at its `kind: NAME` lines: name -> the entries below it (blank and # lines skipped)."""
    found: dict[str, list[str]] = {}
    entries_of_kind: list[str] = []
    for raw in path.read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("kind:"):
            entries_of_kind = found.setdefault(line.split(":", 1)[1].strip(), [])
        else:
            entries_of_kind.append(line)
    return found
