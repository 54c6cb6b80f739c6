"""A spec list: a run of parallel "label: value" lines, the article's own data, not a menu.

A product's or a photo's details ("Art der Aufnahme: Digitalfoto", "Brennweite in mm: 180", "Ort: Kasberg")
come as several lines in a row, each a short label, a colon and a value. A menu's labels have no values;
a login form's fields ("Passwort:") have none either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

MIN_RUN = 3  # "label: value" lines in a row
_GAP = 1  # other lines allowed between two of them (a label whose value is empty, a sub-heading)
_PAIR = re.compile(r"([^\W\d_][^:\n]{0,30}):\s+(\S.*)")
_VALUE_WORDS = 6  # a value is a figure, a name, a few words; a headline after "Topic:" says more
_SHORT_VALUE = 3  # words of most values in a spec


class _Line(Protocol):
    text: str
    words: int
    kind: str | None


def _pair(line: _Line) -> bool:
    found = _PAIR.match(line.text) if line.kind is None and line.words <= 12 else None
    return found is not None and len(found.group(2).split()) <= _VALUE_WORDS


def spec_lists(lines: Sequence[_Line]) -> set[int]:
    """Indexes of the lines in runs of at least `MIN_RUN` "label: value" lines (up to `_GAP` others between)."""
    kept: set[int] = set()
    run: list[int] = []
    gap = 0
    for index, line in enumerate(lines):
        if line.text.find(":", 1, 32) > 0 and _pair(line):  # (most lines are out at the first test)
            run.append(index)
            gap = 0
            continue
        gap += 1
        if gap > _GAP or line.kind is not None:
            _keep(lines, run, kept)
            run, gap = [], 0
    _keep(lines, run, kept)
    return kept


def _keep(lines: Sequence[_Line], run: list[int], kept: set[int]) -> None:
    """A spec's labels differ line by line ("Optik", "Brennweite", "Ort"); a list of links under one
    recurring label ("UPI Poll: …", "Topic by: …") or a button's "Print article: Print" is no spec."""
    if len(run) < MIN_RUN:
        return
    labels = [lines[i].text.split(":", 1)[0].strip().lower() for i in run]
    if len(set(labels)) < len(labels):
        return
    values = [lines[i].text.split(":", 1)[1].lower() for i in run]
    if any(label in value or value.strip() in label for label, value in zip(labels, values, strict=True)):
        return
    if sum(len(value.split()) <= _SHORT_VALUE for value in values) * 3 < len(values) * 2:
        return  # headlines under their topics ("Sinking ship: Centro plummets as CEO resigns")
    kept.update(range(run[0], run[-1] + 1))
