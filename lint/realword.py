"""Real-word errors: a dictionary word where a common word one edit away fits the context ("we hove been").

No word list can see these; the words around them can. The model is symspellpy's English word
bigram counts (243k pairs, each seen at least ~6 million times in its corpus) and unigram counts,
the tables the spelling lexicon already holds, so nothing more is loaded or shipped.

Precision first (at most one false alarm in 20,000 words of edited text): a word is reported only
when all of this holds:
- it is a lower-case dictionary word, not a very common one (those are TYP010's curated
  confusions: then/than, loose/lose), followed by a lower-case word in the same clause;
- neither of its pairs with its neighbours ("we hove", "hove been") is a known pair;
- a common word one edit away forms known pairs with them ("we have", "have been"), each seen
  often enough to be evidence;
- the three words are e^12 times likelier with that word than as written (e^9 for the commonest
  words), scoring with a Markov chain over the counts, where an unseen pair gets what independence
  predicts, capped under the table's floor.

Tuned on the first half of L3S-GN1; checked on the second half and on trafilatura's English pages
(`bench/eval_spelling_unseen.py`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, islice

from scrapelint import spelling
from scrapelint.document import word_split
from scrapelint.spelling.candidates import _one_edit

SOURCE = "scrapelint:bigram-model"

# The written word: rarer than this (Zipf) to be suspected; "form" (5.1) for "from" is left alone.
MAX_WORD_ZIPF = 4.6
# The likely word: at least this common, and this much commoner than the written one.
MIN_CANDIDATE_ZIPF = 4.5
MIN_GAIN_ZIPF = 1.0
# Each of the likely word's two pairs must be seen this often (the table's floor is ~6.4 million).
MIN_PAIR_COUNT = 20_000_000
PAIR_FLOOR = 6_400_000  # the bigram table lists no pair below this count
# Bigram counts are on a larger scale than unigram counts: pairs after "is" add up to 53x its count.
PAIR_SCALE = 60.0
UNSEEN_SHARE = 0.5  # an unseen pair is taken at half of what independence predicts, at most half the floor
MIN_UNIGRAM = 10_000
# The likely word must make the three words this much more probable (natural log): e^12 ~ 160,000 times,
# about the odds against one particular slip of a common word.
MIN_LOG_RATIO = 12.0
# For the commonest words ("have", "that", "with": Zipf >= 6) the pairs are counted reliably and slips of
# them are the commonest real-word errors: e^9 (~8,000 times) suffices.
FUNCTION_WORD_ZIPF = 6.0
MIN_LOG_RATIO_FUNCTION_WORD = 9.0

# The written word and its neighbours must be words as this pattern reads them (letters, one apostrophe part);
# the tokens come from the Document's word split (`\\w+` runs), so "x86" or "2hove" is never one of them.
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_ADJACENT_GAPS = frozenset([" ", "  ", "\t"])


@dataclass(frozen=True, slots=True)
class RealWordError:
    """`text[start:end]` is the written word; `likely` the word the context asks for."""

    start: int
    end: int
    word: str
    likely: str
    message: str


def find(text: str) -> Iterator[RealWordError]:
    """Every real-word error in `text`, in order (tokenised as the Document does; nothing masked)."""
    pieces = word_split(text)
    return find_in(pieces, pieces[1::2], lambda: list(islice(accumulate(map(len, pieces)), 0, len(pieces) - 1, 2)))


def find_in(
    pieces: Sequence[str],
    words: Sequence[str],
    starts: Callable[[], Sequence[int]],
    masked: Callable[[int, int], bool] | None = None,
) -> Iterator[RealWordError]:
    """Every real-word error among `words`, in order: a Document's `word_pieces` (gap, word, ..., gap) and
    `word_texts`; `starts()` gives the words' offsets, asked only when a word is weighed in a text where
    something is masked, or reported.

    `masked(start, end)` says whether a word lies in a region that is not prose (a URL, code): such a word
    is neither judged nor a neighbour. Only the suspects are visited: they are picked out of the words in C.
    """
    _common_index()  # built on the first call: before the engine forks, when `warm_up` runs the rule once
    open_ = _open_suspects()
    last = len(words) - 1
    offsets: Sequence[int] | None = None
    for i in compress(range(len(words)), map(open_.__contains__, words)):
        word = words[i]
        if not _candidates(word):
            open_.discard(word)  # no common word one edit away that is commoner enough (most suspects): never
            continue  # visited again
        following = words[i + 1] if 0 < i < last else ""
        if (
            not following.islower()  # the word after is the stronger evidence; without it, left alone
            or pieces[2 * i + 2] not in _ADJACENT_GAPS
            or not _WORD.fullmatch(following)
        ):
            continue
        previous = words[i - 1]
        left = previous.islower() and pieces[2 * i] in _ADJACENT_GAPS and _WORD.fullmatch(previous) is not None
        if masked is not None:
            offsets = offsets or starts()
            start, after, before = offsets[i], offsets[i + 1], offsets[i - 1]
            if masked(start, start + len(word)) or masked(after, after + len(following)):
                continue
            left = left and not masked(before, before + len(previous))
        likely = _likely(previous if left else None, word, following)
        if likely is not None:
            offsets = offsets or starts()
            start = offsets[i]
            yield RealWordError(start, start + len(word), word, likely, f"'{word}' is unlikely here; '{likely}'?")


def warm() -> None:
    """Build the tables on first use now (and import what the edit test needs), once, in one thread."""
    _open_suspects(), _total(), _common_index(), _one_edit("warm", "worm")


@lru_cache(maxsize=1)
def _open_suspects() -> set[str]:
    """The suspects not yet found to have no common word one edit away: the words are filtered by this set
    in C, so a suspect without candidates costs nothing after its first sight. Only shrinks (at most ~80k)."""
    return set(_suspects())


@lru_cache(maxsize=1)
def _suspects() -> frozenset[str]:
    """The lower-case lexicon words of 3+ letters rare enough to be suspected, built once per process."""
    lex = spelling.lexicon()
    return frozenset(
        w for w in lex.trusted if len(w) >= 3 and w.isalpha() and w.islower() and lex.zipf(w) < MAX_WORD_ZIPF
    )


def _likely(previous: str | None, word: str, following: str) -> str | None:
    """The common word one edit from `word` that its neighbours ask for, or None.

    `previous` is None after punctuation or a capital ("Cats, ans dogs"): the word after decides alone.
    """
    candidates = _candidates(word)  # cached per word, and mostly empty: then nothing else is asked
    if not candidates:
        return None
    lex = spelling.lexicon()
    bigrams = lex.bigrams
    if f"{word} {following}" in bigrams or f"{previous} {word}" in bigrams:
        return None  # the written word fits one side: no evidence against it
    written: float | None = None
    best: tuple[float, str] | None = None
    for candidate in candidates:
        if bigrams.get(f"{candidate} {following}", 0) < MIN_PAIR_COUNT:
            continue
        if previous is not None and bigrams.get(f"{previous} {candidate}", 0) < MIN_PAIR_COUNT:
            continue
        if written is None:
            written = _score(previous, word, following)
        score = _score(previous, candidate, following)
        needed = MIN_LOG_RATIO_FUNCTION_WORD if lex.zipf(candidate) >= FUNCTION_WORD_ZIPF else MIN_LOG_RATIO
        if score - written >= needed and (best is None or score > best[0]):
            best = (score, candidate)
    return best[1] if best else None


def _score(previous: str | None, word: str, following: str) -> float:
    """log P(previous word following) up to a constant, as a Markov chain: count(p w) count(w n) / count(w);
    log P(word following) without a word before."""
    if previous is None:
        return math.log(_pair(word, following))
    return math.log(_pair(previous, word)) + math.log(_pair(word, following)) - math.log(_unigram(word))


def _unigram(word: str) -> float:
    return max(spelling.lexicon().trusted.get(word, 0), MIN_UNIGRAM)


def _pair(a: str, b: str) -> float:
    """A pair's count; an unseen pair gets what independence predicts, capped below the table's floor.

    An unseen pair of two common words is evidence ("they whey": both common enough that the pair would be
    listed if it were English); an unseen pair with a rare word is not, and this keeps it so.
    """
    count = spelling.lexicon().bigrams.get(f"{a} {b}")
    if count:
        return count
    expected = PAIR_SCALE * _unigram(a) * _unigram(b) / _total()
    return min(expected, PAIR_FLOOR) * UNSEEN_SHARE


@lru_cache(maxsize=1)
def _total() -> float:
    """The unigram table's total count, summed once per process."""
    return float(sum(spelling.lexicon().trusted.values()))


@lru_cache(maxsize=100_000)
def _candidates(word: str) -> tuple[str, ...]:
    """Common dictionary words one edit (or one swap of neighbours) from `word` that `_likely` may take: commoner
    than it by `MIN_GAIN_ZIPF`, which the two words alone decide. A suspect whose near words are all about as
    common as itself ("accent", "accept") is then dropped from the open suspects at first sight instead of being
    weighed at each of its occurrences (on the dev set: 11.9k visits instead of 29.5k)."""
    index = _common_index()
    found: set[str] = set(index.get(word, ()))  # one letter inserted into `word`
    for i in range(len(word)):
        deleted = word[:i] + word[i + 1 :]
        found.update(index.get(deleted, ()))  # a letter replaced or swapped
        if deleted in index.words:
            found.add(deleted)  # one letter too many in `word`
    found.discard(word)
    zipf = spelling.lexicon().zipf
    written = zipf(word)
    return tuple(sorted(c for c in found if _one_edit(word, c) and zipf(c) - written >= MIN_GAIN_ZIPF))


class _DeletionIndex(dict[str, list[str]]):
    """Each common word under each of its one-letter deletions (SymSpell's trick): a lookup per deletion of
    the written word finds every common word one edit away, without scanning a list."""

    def __init__(self, words: list[str]) -> None:
        super().__init__()
        self.words = frozenset(words)
        for word in words:
            for i in range(len(word)):
                self.setdefault(word[:i] + word[i + 1 :], []).append(word)


@lru_cache(maxsize=1)
def _common_index() -> _DeletionIndex:
    """The ~10k a-z lexicon words common enough to be the likely word, built once per process (~0.1 s)."""
    lex = spelling.lexicon()
    return _DeletionIndex([w for w in lex.trusted if w.isascii() and w.isalpha() and lex.zipf(w) >= MIN_CANDIDATE_ZIPF])
