"""Hostile input, case 4 of issue #20: memory per line of text stays small.

`'x\\n' * 2_000_000` (4 MB, no findings) took 1.7 GB: ~850 bytes a line of per-line Python objects (a tuple per
sentence range, an int object per offset, one family's analysis held while the next one ran). The default rules
now run on 100,000 such lines with a traced peak far below that, and 10x the lines cost at most ~10x the memory.
"""

from __future__ import annotations

import tracemalloc

import pytest

from scrapelint.config import Settings, resolve_rules
from scrapelint.engine import Linter
from scrapelint.models import Article

SMALL, LARGE = 10_000, 100_000
MAX_BYTES_PER_LINE = 420  # the default rules took ~810 before issue #20, ~335 after (traced peak)


@pytest.fixture(scope="module")
def linter() -> Linter:
    settings = Settings()
    linter = Linter(resolve_rules(settings), settings)
    linter.lint(Article(id="w", text="Warm up the speling lexicon and the language model, once.\n" * 50, path="w.txt"))
    return linter


def traced_peak(linter: Linter, lines: int) -> int:
    """Peak bytes Python allocated while linting `lines` lines of "x" (models and lexicons are loaded already)."""
    article = Article(id="x", text="x\n" * lines, path="x.txt")
    tracemalloc.start()
    try:
        linter.lint(article)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_per_line_without_findings_is_bounded(linter: Linter) -> None:
    traced_peak(linter, SMALL)  # (caches filled by the first document of a kind do not count)
    small, large = traced_peak(linter, SMALL), traced_peak(linter, LARGE)
    per_line = (large - small) / (LARGE - SMALL)
    assert per_line < MAX_BYTES_PER_LINE, f"{per_line:.0f} bytes a line ({large / 2**20:.0f} MiB for {LARGE:,} lines)"
    assert large < 11 * small + 2**20, f"{LARGE:,} lines took {large / small:.1f}x the memory of {SMALL:,}"
