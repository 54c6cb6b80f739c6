"""Word lists and frequencies from PyPI packages, loaded once per process (`lexicon()`).

symspellpy's trusted list and bigrams, wordfreq's frequencies, codespell's misspelling and
British/American tables; the parts few articles need are built on first use.
"""

from __future__ import annotations

import math
import re
from functools import cached_property, lru_cache
from importlib import resources


class Lexicon:
    """Word lists and frequencies; built by `lexicon()` once per process."""

    def __init__(self) -> None:
        import wordfreq

        self.trusted: dict[str, int] = {}
        with (
            resources.files("symspellpy")
            .joinpath("frequency_dictionary_en_82_765.txt")
            .open("r", encoding="utf-8") as f
        ):
            for line in f:
                word, _, count = line.partition(" ")
                self.trusted[word] = int(count)
        self.freq: dict[str, float] = wordfreq.get_frequency_dict("en", "large")
        self.misspellings: dict[str, tuple[str, ...]] = _codespell_table("dictionary.txt")
        accepted = resources.files("scrapelint.rules").joinpath("data", "typ_accept.txt").read_text("utf-8")
        for line in accepted.splitlines():
            if line.strip() and not line.startswith("#"):
                self.misspellings.pop(line.strip(), None)
                self.trusted.setdefault(line.strip(), 1)
        glued = resources.files("scrapelint.rules").joinpath("data", "typ_glued.tsv").read_text("utf-8")
        for line in glued.splitlines():
            if line.strip() and not line.startswith("#"):
                wrong, right = line.split("\t")
                self.misspellings[wrong.strip()] = (right.strip(),)
        self.british_to_american: dict[str, str] = {
            gb: us[0] for gb, us in _codespell_table("dictionary_en-GB_to_en-US.txt").items()
        }
        self.american_to_british = {us: gb for gb, us in self.british_to_american.items()}
        self.american_only = frozenset(self.american_to_british).difference(self.british_to_american)
        # Trusted words seen at least once per million words: accepted in any case by one set lookup.
        self.accepted_any_case = frozenset(w for w in self.trusted if self.freq.get(w, 0.0) >= 1e-6)

    # Built on first use: most articles need no suggestion and no bigram, and a one-article run (a pre-commit
    # hook) should not pay for them. `warm` builds them before `--jobs` forks, so workers share them.

    @cached_property
    def buckets(self) -> dict[tuple[str, int], list[str]]:
        """Candidate corrections, bucketed by (first letter, length) so a lookup scans ~2k words."""
        import rapidfuzz.process  # noqa: F401 - with the candidates, not inside the first lookup

        buckets: dict[tuple[str, int], list[str]] = {}
        for word in self.trusted:
            buckets.setdefault((word[0], len(word)), []).append(word)
        return buckets

    @cached_property
    def head_buckets(self) -> dict[tuple[str, int], list[str]]:
        """One-edit candidates of a-z words, bucketed by (first two letters, length): see `_one_edit_words`."""
        buckets: dict[tuple[str, int], list[str]] = {}
        for word in self.trusted:
            if len(word) >= 3 and word.isascii() and word.isalpha() and word.islower():
                buckets.setdefault((word[:2], len(word)), []).append(word)
        return buckets

    @cached_property
    def by_undoubled(self) -> dict[str, tuple[str, ...]]:
        """The ~17k trusted words with a run of one letter, under their undoubled form ("tariff" under "tarif"):
        a seen word's two-edit corrections (`doubling_slips`) by one lookup."""
        # The words and their forms found in the word list as one text: two C scans, not two calls per word.
        doubled = list(map(re.Match.group, _WITH_DOUBLE.finditer("\n".join(self.trusted))))
        forms = undoubled("\n".join(doubled)).split("\n")
        index: dict[str, list[str]] = {}
        for form, word in zip(forms, doubled, strict=True):
            index.setdefault(form, []).append(word)
        return {form: tuple(words) for form, words in index.items()}

    @cached_property
    def bigrams(self) -> dict[str, int]:
        """Bigram counts for TYP007 (0.15 s and ~35 MB to build)."""
        return _bigram_table()

    def warm(self) -> None:
        """Build the parts loaded on first use, so forked workers share them instead of each building its own."""
        for name in ("buckets", "head_buckets", "by_undoubled", "bigrams"):
            getattr(self, name)

    def zipf(self, word: str) -> float:
        """wordfreq's Zipf scale: 0 unknown, 3 once per million words, 6 'the'-like."""
        f = self.freq.get(word)
        return math.log10(f) + 9 if f else 0.0


_DOUBLED = re.compile(r"(.)\1+")
_WITH_DOUBLE = re.compile(r"^(?=[^\n]*?([^\n])\1)[^\n]*", re.MULTILINE)  # a line with a run of one letter


def undoubled(word: str) -> str:
    """`word` with each run of one letter cut to one: "tarrif" and "tariff" are both "tarif"."""
    return _DOUBLED.sub(r"\1", word)


def _bigram_table() -> dict[str, int]:
    """symspellpy's 243k English bigram counts, keyed "first second"."""
    table: dict[str, int] = {}
    path = resources.files("symspellpy").joinpath("frequency_bigramdictionary_en_243_342.txt")
    with path.open("r", encoding="utf-8") as f:
        for line in f:
            a, b, count = line.split()
            table[f"{a} {b}"] = int(count)
    return table


def _codespell_table(name: str) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    text = resources.files("codespell_lib").joinpath("data", name).read_text("utf-8")
    for line in text.splitlines():
        wrong, sep, right = line.partition("->")
        if not sep:
            continue
        if "," in right:
            table[wrong] = tuple(r.strip() for r in right.split(",") if r.strip())
        else:  # most lines: one correction, read without a generator (half the start-up cost of this table)
            right = right.strip()
            table[wrong] = (right,) if right else ()
    return table


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
