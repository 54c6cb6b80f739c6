"""A quantity line: a figure and a unit at the start of a short line ("200 g Zucker", "2 tbsp oil", "1 TL Zimt").

An ingredient list is such lines in a run; to DEB's body finding it is the article's own content (a recipe's
ingredients), where a menu or a list of links holds no measures. The measure itself is rules/structure.py's
`QUANTITY`, which DUP's structure tests use too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from scrapelint.rules.deb.lines import _INVISIBLE  # (white space and the invisible marks some lines end in)
from scrapelint.rules.structure import EAST_ASIAN, MEASURE_HEADS, QUANTITY, TRAILING_QUANTITY, TRAILING_TAILS

MAX_WORDS = 12  # an ingredient is a short line


def quantity(text: str, words: int) -> bool:
    """Whether the line is a measure of something: a figure and a unit first, a few words in all."""
    if words > MAX_WORDS:
        return False
    if text[:1] in MEASURE_HEADS and QUANTITY.match(text) is not None:
        return True
    return (
        text.rstrip()[-1:] in TRAILING_TAILS
        and not text.isascii()
        and EAST_ASIAN.search(text) is not None
        and TRAILING_QUANTITY.fullmatch(text.strip()) is not None
    )


MIN_INGREDIENTS = 3  # quantity lines that make an ingredient list
_GAP = 3  # other lines between two of them ("Some beansprouts", a sub-heading "Seasoning:")
_STEP_HEADING_WORDS = 3  # "Directions", "Zubereitung:", "Method"


class _Line(Protocol):
    text: str
    words: int
    kind: str | None
    prose: bool


def recipes(lines: Sequence[_Line]) -> set[int]:
    """Indexes of the lines of each recipe on the page: an ingredient list (quantity lines in a run, few others
    between) and the steps after it (a short heading, then lines that end as sentences), of no debris kind."""
    kept: set[int] = set()
    run: list[int] = []
    for index, line in enumerate(lines):
        if line.kind is None and quantity(line.text, line.words):
            if run and index - run[-1] > _GAP + 1:
                _keep(lines, run, kept)
                run = []
            run.append(index)
        elif line.kind is not None:
            _keep(lines, run, kept)
            run = []
    _keep(lines, run, kept)
    return kept


def _keep(lines: Sequence[_Line], run: list[int], kept: set[int]) -> None:
    if len(run) < MIN_INGREDIENTS:
        return
    kept.update(range(run[0], run[-1] + 1))
    index = run[-1] + 1
    while index < len(lines) and lines[index].kind is None and index - run[-1] <= _GAP and not _sentence(lines[index]):
        index += 1  # the lines after the last quantity that are no sentence: "Pinch of pepper", "Directions"
    if index < len(lines) and lines[index - 1].words > _STEP_HEADING_WORDS and index - 1 > run[-1]:
        return  # no heading over the steps
    while index < len(lines) and lines[index].kind is None and (_sentence(lines[index]) or not lines[index].words):
        kept.add(index)
        index += 1
    kept.update(range(run[-1] + 1, index))


def _sentence(line: _Line) -> bool:
    return line.words >= 3 and line.text.rstrip(_INVISIBLE).rstrip("\"'”’»)")[-1:] in ".!?…"
