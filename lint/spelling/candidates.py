"""Candidate corrections: the trusted words a few edits from a suspect, found fast."""

from __future__ import annotations

from functools import lru_cache

from scrapelint.spelling.lexicon import Lexicon, lexicon, undoubled


def _one_edit(a: str, b: str) -> bool:
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b) <= 1


def _is_transposition(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


MAX_WORD_LENGTH = 40  # longer tokens are not words; spelling work on them is skipped (issue #20)


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _edits1(word: str) -> set[str]:
    """Every string one deletion, swap of neighbours, replacement or insertion away (Norvig's edits1)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _ALPHABET]
    inserts = [a + c + b for a, b in splits for c in _ALPHABET]
    edits = set(deletes + swaps + replaces + inserts)
    edits.discard(word)
    return edits


def _one_edit_words(word: str, lex: Lexicon) -> set[str]:
    """The trusted a-z words one edit from `word` (a-z, 4+ letters), as `_edits1` would find them, faster.

    An edit after the second letter keeps the first two: those words are found by rapidfuzz's OSA
    distance over the few hundred trusted words with the same two letters and a length one apart.
    The ~110 edits of the first two letters are generated and looked up.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    n, head, a, b = len(word), word[:2], word[0], word[1]
    found: set[str] = set()
    for length in (n - 1, n, n + 1):
        bucket = lex.head_buckets.get((head, length))
        if bucket:
            found.update(
                c for c, d, _ in process.extract(word, bucket, scorer=OSA.distance, score_cutoff=1, limit=None)
            )
    rest = word[2:]
    edits = [word[1:], a + rest, b + a + rest, a + word[2] + b + word[3:]]  # deletions, swaps
    for c in _ALPHABET:
        edits += (c + word[1:], a + c + rest, c + word, a + c + word[1:])  # replacements, insertions
    found.update(filter(lex.trusted.__contains__, edits))
    found.discard(word)
    return found


@lru_cache(maxsize=200_000)
def near_words(word: str, max_distance: int) -> tuple[tuple[str, int], ...]:
    """Trusted words within `max_distance` edits (OSA: transpositions count 1), and any word wordfreq
    knows one swap of neighbouring letters away ("volgoda" -> "vologda")."""
    if len(word) > MAX_WORD_LENGTH:
        return ()  # no word is this long: "b" * 200000 would cost seconds of edits
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    lex = lexicon()
    n = len(word)
    plain = n >= 4 and word.isascii() and word.isalpha() and word.islower()
    if plain:  # also for farther searches, which scan only words with the same first letter: "sutomatic"
        found = [(c, 1) for c in sorted(_one_edit_words(word, lex))]
    elif max_distance == 1:  # a short word: ~54n generated edits, each a hash lookup
        found = [(c, 1) for c in filter(lex.trusted.__contains__, _edits1(word))]
    else:
        found = []
    for length in range(n - max_distance, n + max_distance + 1) if max_distance > 1 else ():
        bucket = lex.buckets.get((word[0], length))
        if not bucket:
            continue
        for candidate, distance, _ in process.extract(
            word, bucket, scorer=OSA.distance, score_cutoff=max_distance, limit=None
        ):
            if candidate != word and (distance > 1 or not plain):
                found.append((candidate, int(distance)))
    seen = {candidate for candidate, _ in found}
    for i in range(n - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swapped != word and swapped not in seen and swapped in lex.freq:
            found.append((swapped, 1))
    return tuple(found)


@lru_cache(maxsize=50_000)
def doubling_slips(word: str) -> tuple[tuple[str, int], ...]:
    """The trusted words two edits (OSA) from `word` that undouble alike ("tarrif": "tariff").

    For a word wordfreq has seen these are the only two-edit corrections `verdict` takes: one lookup finds
    them, where `near_words(word, 2)` scans every trusted word of its first letter and nearby lengths.
    """
    from rapidfuzz.distance import OSA

    form = undoubled(word)
    lex = lexicon()
    twins = lex.by_undoubled.get(form, ())
    if form in lex.trusted:
        twins = (*twins, form)
    return tuple((twin, 2) for twin in twins if OSA.distance(word, twin) == 2)
