"""Pathological texts for the time tests of issue #20: each a function of the length in characters.

Runs of one mark, one endless word, dotted and glued runs that regexes rescan from every position,
many near-identical sentences, control and invisible characters, and the like (after ruff's fuzzing).
"""

from __future__ import annotations

import random
from collections.abc import Callable


def _fill(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _committee(n: int) -> str:
    lines, size, i = [], 0, 0
    while size < n:
        line = f"The committee met on day {i} to discuss the budget proposal for item {i * 7}.\n"
        lines.append(line)
        size += len(line)
        i += 1
    return "".join(lines)[:n]


def _prose(n: int) -> str:
    rng = random.Random(20)
    vocabulary = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(6000)
    ]
    words: list[str] = []
    size = 0
    while size < n:
        word = rng.choice(vocabulary)
        words.append(word + (". " if rng.random() < 0.07 else " "))
        size += len(words[-1])
    return "".join(words)[:n]


PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "dots": lambda n: "." * n,
    "questions": lambda n: "?" * n,
    "bangs": lambda n: "!" * n,
    "ellipses": lambda n: "…" * n,
    "wait-bangs-x": lambda n: "Wait" + "!" * n + "x",
    "one-word": lambda n: "a" * n,
    "capital-word": lambda n: "A" + "b" * n,
    "dotted-run-domain": lambda n: _fill("a.", n) + " see example.com",
    "glued-run-email": lambda n: "Hello " + _fill("AB", n) + " write to @x now.",
    "near-duplicate-lines": _committee,
    "one-line-prose": _prose,
    "nul": lambda n: "\x00" * n,
    "short-lines": lambda n: _fill("x\n", n),
    "zero-width": lambda n: _fill("Hello\u200b\u200bworld ", n),
    "spaces": lambda n: "a" + " " * n + "b",
    "blank-lines": lambda n: "a" + "\n" * n + "b",
    "tags": lambda n: _fill("<b>", n),
    "entities": lambda n: _fill("&amp;", n),
    "quotes": lambda n: _fill('"', n),
    "brackets": lambda n: _fill("(", n),
    "digits": lambda n: "1" * n,
    "dotted-digits": lambda n: _fill("1.", n),
    "dates": lambda n: _fill("2024-03-05 ", n),
    "hyphens": lambda n: _fill("a-", n),
    "apostrophes": lambda n: _fill("a'", n),
    "commas": lambda n: _fill("a,", n),
    "mojibake": lambda n: _fill("Ã©", n),
    "replacement": lambda n: _fill("\ufffd", n),
    "urls": lambda n: "see https://" + _fill("a/", n),
    "capitals": lambda n: _fill("The ", n),
    "repeated-word": lambda n: _fill("the ", n),
    "typos-one-line": lambda n: _fill("the goverment and ", n),  # a suspect every 18 characters, no clause's end
}
