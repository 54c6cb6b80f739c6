"""The verdict on one word form, the same for every article and so cached per process."""

from __future__ import annotations

from functools import lru_cache

from scrapelint.spelling.candidates import MAX_WORD_LENGTH, _is_transposition, doubling_slips, near_words, undoubled
from scrapelint.spelling.issue import GLUED_WORDS, MISSPELLING
from scrapelint.spelling.lexicon import lexicon

CAPITAL_KNOWN_ZIPF = 1.0  # a capitalised word wordfreq has seen this often is a name, not a typo


LOWER_KNOWN_ZIPF = 3.0  # a lower-case word this common is established usage ("blog", "covid")


MARGIN_ZIPF = 1.5  # a suggestion must be this much commoner than the word itself


SHORT_MARGIN_ZIPF = 2.8  # a short word in use ("giv") is a slip when a word this much commoner is one edit away


SEEN_TYPO_ZIPF = 2.0  # below this, a word wordfreq has seen may still be a web misspelling two edits from a word


SEEN_TYPO_MARGIN_ZIPF = 2.3  # ... a correction this much commoner: "tarrif" 1.2 -> "tariff" 3.5, not "glammed"


_PLURAL_STEM_ZIPF = 1.0  # a singular wordfreq has seen: in use, however rare


def _plural_of_known(word: str, z: float, capitalised: bool, in_name: bool, initial: bool) -> bool:
    """An "-s" form of a known word: in use (Zipf `z`) with a trusted stem, which Hunspell's flags leave out
    ("arounds", "jeans"); or a plural whose singular is in use and passes itself, neither being a known
    misspelling ("braais" from "braai", not "recieves")."""
    if not word.endswith("s"):
        return False
    singular = word[:-1]
    lex = lexicon()
    if z >= 2.0 and singular in lex.trusted:
        return True
    if len(word) < 6 or word.endswith("ss"):
        return False
    return (
        lex.zipf(singular) >= _PLURAL_STEM_ZIPF
        and singular not in lex.misspellings
        and word not in lex.misspellings
        and verdict(singular, capitalised, in_name, initial) is None
    )


@lru_cache(maxsize=200_000)
def verdict(
    word: str, capitalised: bool, in_name: bool = False, initial: bool = False
) -> tuple[str, tuple[str, ...]] | None:
    """(kind, suggestions) when the lower-case `word` looks misspelt; None when it passes.

    `in_name`: the word stands next to another capitalised word ("Shakun Jolly"), where only
    a long near-miss counts. `initial`: capitalised only because it starts a sentence, so a
    slip of a very common word ("Anf", "Muinutes") is caught as in lower case. The same for every article, so cached per process; the other
    context (recurrence, vocabulary) is applied by the caller before this is reached.
    """
    if len(word) > MAX_WORD_LENGTH:
        return None  # not a word (a run of letters, a hash): its edits and splits would cost time for nothing
    lex = lexicon()
    z = lex.zipf(word)
    if z >= LOWER_KNOWN_ZIPF:
        return None  # established usage; a capitalised word seen this often is a name
    if capitalised and not initial and len(word) < (12 if in_name else 6 if z < CAPITAL_KNOWN_ZIPF else 0):
        return None  # no candidate can pass the tests below: skip the search (most names end here)
    if capitalised and not initial and (len(word) <= 4 or (z >= CAPITAL_KNOWN_ZIPF and len(word) < 6)):
        return None  # a short capitalised word mid-sentence: a name ("Poom", "Bren", "Largs")
    if len(word) <= 4 and z >= 1.5:
        # A short word in use ("mts", "nite") is flagged only next to a far commoner word ("anf" -> "and").
        best = max((lex.zipf(c) for c, _ in near_words(word, 1) if c in lex.trusted), default=0.0)
        if best - z < SHORT_MARGIN_ZIPF:
            return None
    if not capitalised and len(word) >= 6 and z < 1.0:
        glued = _split_glued(word, 3.5, 5.5)
        if glued and _no_compound_reading(glued):
            return GLUED_WORDS, (glued,)
    if _plural_of_known(word, z, capitalised, in_name, initial):
        return None  # "arounds" (work-arounds), "jeans"; "braais" (braai), "tascas" (tasca), "suzanis" (suzani)
    if _split_glued(word, 3.0, 0.0):
        return None  # a closed compound: "homestand", "linemate", "grasscourt", "massline"
    n = len(word)
    max_distance = 1 if n <= 4 else 2 if n <= 9 or (capitalised and n < 12) else 3  # (a name takes 3 from 12)
    # Farther candidates count only for words wordfreq has never seen, and for long capitalised ones.
    far = (not capitalised and z < SEEN_TYPO_ZIPF and n >= 5) or (capitalised and z < CAPITAL_KNOWN_ZIPF and n >= 10)
    scored: list[tuple[int, float, str]] = []
    if far and not capitalised and z > 0.0 and word.isascii() and word.isalpha():
        # A lower-case word wordfreq has seen takes no candidate three edits away, and two only when both
        # undouble alike (below): those are looked up, not searched for among every word of its first letter.
        near = near_words(word, 1) + doubling_slips(word)
    else:
        near = near_words(word, max_distance if far else 1)
    for candidate, distance in near:
        cz = lex.zipf(candidate)
        trusted = candidate in lex.trusted
        if cz < z + MARGIN_ZIPF:
            continue
        if capitalised:
            # A capitalised unknown word is a name unless it is one slip away from a known word.
            # A slip of a very common word ("Febuary 2009") is no name, even one wordfreq has seen.
            common_slip = distance == 1 and trusted and cz >= 4.5 and cz - z >= 2.5
            if in_name:  # "Yvonne Boesterling", "Henry Okah": only a long word close to a dictionary word
                ok = trusted and n >= 12 and distance <= 3 and cz >= 2.0 and z < CAPITAL_KNOWN_ZIPF
            elif z >= CAPITAL_KNOWN_ZIPF and not initial:
                ok = common_slip  # wordfreq knows the word as a name, unless it is a slip of a common word
            else:
                ok = (
                    (distance == 1 and trusted and n >= 8 and cz >= 2.5)
                    or (initial and distance == 1 and trusted and cz >= 4.0 and cz - z >= 2.5)
                    or (
                        z < CAPITAL_KNOWN_ZIPF
                        and distance == 1
                        and _is_transposition(word, candidate)
                        and n >= 6
                        and cz >= 1.5
                    )
                    or (z < CAPITAL_KNOWN_ZIPF and distance <= 2 and trusted and n >= 10 and cz >= 2.0)
                    or (z < CAPITAL_KNOWN_ZIPF and distance <= 3 and trusted and n >= 12 and cz >= 2.0)
                )
        else:
            # A word wordfreq has seen is a rare word or a common slip; real slips of it are one edit away.
            # A web misspelling ("tarrif", seen 1.2 on the Zipf scale) is two edits from a word far commoner
            # than itself: the nearest correction's frequency decides, not the misspelling's alone.
            # A word seen in use needs a correction far commoner than itself ("glammed" 1.8 is no slip of
            # "slammed" 3.3); doubled letters are the one two-edit slip it may be ("tarrif": "tariff").
            ok = trusted and (
                (distance == 1 and (z == 0.0 or cz - z >= SEEN_TYPO_MARGIN_ZIPF))
                or (z == 0.0 and n >= 5 and (distance <= 2 or n >= 10))
                or (distance == 2 and cz - z >= SEEN_TYPO_MARGIN_ZIPF and undoubled(word) == undoubled(candidate))
            )
        if ok:
            scored.append((distance, -cz, candidate))
    if not scored:
        return None
    scored.sort()
    return MISSPELLING, tuple(c for _, _, c in scored[:3])


def _split_glued(word: str, threshold: float = 3.5, anchor: float = 0.0) -> str | None:
    """ "insistshis" -> "insists his" when both halves are common words (Zipf >= `threshold`) and one
    is very common (>= `anchor`): "getsomething", not the compounds "grasscourt" or "shoeprint"."""
    if len(word) > MAX_WORD_LENGTH:
        return None  # slicing at every position of a 160,000-letter token is quadratic
    lex = lexicon()
    best: tuple[float, str] | None = None
    for i in range(2, len(word) - 2):
        a, b = word[:i], word[i:]
        if a not in lex.trusted or b not in lex.trusted or (len(a) < 3 and a not in _SHORT_HEADS):
            continue
        score = min(lex.zipf(a), lex.zipf(b))
        common = max(lex.zipf(a), lex.zipf(b)) >= anchor
        short_ok = all(len(part) > 3 or lex.zipf(part) >= 4.5 for part in (a, b) if part not in _SHORT_HEADS)
        if score >= threshold and common and short_ok and (best is None or score > best[0]):
            best = (score, f"{a} {b}")
    return best[1] if best else None


_SHORT_HEADS = frozenset({"a", "an", "as", "at", "in", "of", "on", "to", "up", "by"})


# Closed-class words do not form closed compounds: "insistshis" is two words, "backglass" may be one.
_NO_COMPOUND = frozenset(
    ["the", "a", "an", "his", "her", "hers", "their", "its", "my", "your", "our", "and", "or", "but", "nor", "of", "to", "is", "was", "are", "were", "be", "been", "has", "had", "have", "this", "that", "these", "those", "he", "she", "it", "we", "they", "you", "i", "him", "them", "me", "us", "not", "for", "with", "from", "at", "as", "if", "than", "then", "what", "which", "who", "whom", "will", "would", "can", "could", "should", "did", "does", "very", "also", "just"]
)  # fmt: skip


def _no_compound_reading(split: str) -> bool:
    """A split "a b" of a glued word is two words, not a closed compound ("smallcaps", "upsample"), when
    one half is a closed-class word or the pair is a frequent phrase in symspellpy's bigram counts."""
    a, b = split.split(" ", 1)
    return a in _NO_COMPOUND or b in _NO_COMPOUND or split in lexicon().bigrams
