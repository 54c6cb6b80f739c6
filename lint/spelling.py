"""The offline spelling backend and the precision layer every backend shares.

One small interface: `check(text, context) -> list[SpellIssue]`, code-point spans in,
code-point spans out. Dictionaries come from PyPI packages (no network, no Java):

- a trusted lexicon: symspellpy's 82,765-word English frequency list (SCOWL words
  seen in Google Books; British and American spellings, no common misspellings);
- word frequencies: wordfreq's large English list (321k words, names included), to
  tell a rare name from a typo and to rank suggestions;
- known misspellings: codespell's table (deterministic, near zero false flags);
- British/American pairs: codespell's en-GB -> en-US table, for dialect detection.

Everything is loaded lazily once per process (`lexicon()`), so a rule object holds
only its options and pickles in microseconds.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from itertools import accumulate
from pathlib import Path

from scrapelint.dictionary import dictionary, is_word

SOURCE_LEXICON = "scrapelint:lexicon"
SOURCE_CODESPELL = "codespell:dictionary"
SOURCE_GLUE = "scrapelint:glued"
SOURCE_BIGRAM = "scrapelint:bigram"
SOURCE_VOCABULARY = "scrapelint:vocabulary"

KNOWN_MISSPELLING = "known-misspelling"
GLUED_WORDS = "glued-words"
MISSPELLING = "misspelling"
UNLIKELY_WORD = "unlikely-word"
REJECTED_WORD = "rejected-word"


@dataclass(frozen=True, slots=True)
class SpellIssue:
    """One suspect word: `text[start:end]`, what kind of problem, and what to write instead."""

    start: int
    end: int
    kind: str
    message: str
    replacements: tuple[str, ...] = ()
    rule_id: str = SOURCE_LEXICON
    safe: bool = False


# -- vocabularies -----------------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """Project words: accepted (never flagged) and rejected (always flagged), as Vale's vocabularies.

    Entries are case-insensitive; a multi-word entry ("Harsh Thakor") accepts the phrase;
    a possessive in the text ("Thakor's") matches its entry.
    """

    accept: frozenset[str] = frozenset()
    reject: frozenset[str] = frozenset()
    phrases: re.Pattern[str] | None = None

    @classmethod
    def build(
        cls, accept: Iterable[str] = (), reject: Iterable[str] = (), files: Iterable[str | Path] = ()
    ) -> Vocabulary:
        words = [w.strip() for w in accept if w.strip()]
        for path in files:
            words.extend(read_word_file(path))
        single = frozenset(_strip_possessive(w).lower() for w in words if " " not in w)
        multi = sorted({w for w in words if " " in w}, key=len, reverse=True)
        phrases = (
            re.compile("|".join(r"\s+".join(map(re.escape, p.split())) for p in multi), re.IGNORECASE)
            if multi
            else None
        )
        rejected = frozenset(w.strip().lower() for w in reject if w.strip())
        return cls(single, rejected, phrases)


def read_word_file(path: str | Path) -> list[str]:
    """A dictionary file: one word or phrase per line; blank lines and `#` comments ignored."""
    lines = Path(path).read_text("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@dataclass
class Context:
    """What the precision layer knows about the article beyond its text."""

    title: str = ""
    byline: str = ""
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    skip_quoted: bool = False


# -- the lexicon, loaded once per process -----------------------------------------------------


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
    def bigrams(self) -> dict[str, int]:
        """Bigram counts for TYP007 (0.15 s and ~35 MB to build)."""
        return _bigram_table()

    def warm(self) -> None:
        """Build the parts loaded on first use, so forked workers share them instead of each building its own."""
        for name in ("buckets", "head_buckets", "bigrams"):
            getattr(self, name)

    def zipf(self, word: str) -> float:
        """wordfreq's Zipf scale: 0 unknown, 3 once per million words, 6 'the'-like."""
        f = self.freq.get(word)
        return math.log10(f) + 9 if f else 0.0


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


# -- word shapes ---------------------------------------------------------------------------------

# Letters only: a token glued to digits or underscores ("2nd", "x86", "foo_bar") is not a word.
_WORD = re.compile(r"(?<![\w@#&])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w@&])")
# Regions that are not prose: URLs, e-mail addresses, handles, hashtags, bare domains, code.
# Each pattern runs only where its hint (a necessary part of any match) occurs: most lines have none.
# Address and domain matches start only at the start of their run of characters (the look-behinds): from
# every position inside "AB" * 40000 or "a." * 40000 each would rescan the rest, quadratic (issue #20).
_TLD = r"(?:com|org|net|edu|gov|io|co|uk|in|de|fr|ru|info|biz|tv|me|ly|us|au|ca)\b"
_NOT_PROSE = [
    (r"://|www\.", re.compile(r"(?:https?://|ftp://|www\.)\S+")),
    # Code in prose: calls "bool(x)", attributes "self.myhandle", "sys.getsizeof", interpreter lines ">>> odd = ...".
    (r"[a-z]\.[a-z_]", re.compile(r"\b[a-z_]\w*(?:\.[a-z_]\w*)+")),  # before calls: "atexit.register()"
    (r"\w\(", re.compile(r"\b\w+(?=\()")),
    (r">>>", re.compile(r">>>.*")),
    # File names: "rsyncd.conf", "nadvice.el", "libssl.so.0.9.7".
    (
        r"\.[a-z]",
        re.compile(
            r"\b[\w-]+\.(?:so|conf|cfg|ini|el|py|js|sh|pem|txt|log|gz|bz2|tar|zip|json|xml|yml|yaml|md|exe|dll|deb|rpm)\b[\w.]*"
        ),
    ),
    # File paths: "/usr/local/sbin", "etc/stunnel/x.pem"; not "and/or".
    (r"/\w", re.compile(r"(?<![\w/])~?(?:/[\w.~-]+)+/?|(?<![\w/])[\w.~-]+(?:/[\w.~-]+){2,}/?")),
    (r"@", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<!\w)@\w+")),
    (r"#", re.compile(r"(?<!\w)#\w+")),
    (r"\." + _TLD, re.compile(r"(?<![A-Za-z0-9-])(?<![A-Za-z0-9-]\.)(?:[A-Za-z0-9-]+\.)+" + _TLD)),
    (r"[_{}<>=\\|]|::|\(\)", re.compile(r"(?<!\S)[^\s_{}<>=\\|]*(?:[_{}<>=\\|]|::|\(\))\S*")),
]
_ANY_HINT = re.compile("|".join(hint for hint, _ in _NOT_PROSE))
_HINTS = [(re.compile(hint), pattern) for hint, pattern in _NOT_PROSE]
_QUOTED = re.compile(r"“[^”\n]{1,400}”|\"[^\"\n]{1,400}\"")

# Derivational affixes: a trusted stem plus one of these is a word ("commandism", "counter-").
# Inflections (-ing, -ed, -ly) are left out on purpose: "begining" is not begin + ing.
_SUFFIXES = ("ism", "isms", "ist", "ists", "ness", "less", "ship", "hood", "wise", "like", "ish")
# Verbs made from a trusted word + ize/ise ("collectivized" from "collective"), and plain plurals.
_IZE = re.compile(r"(?:iz|is)(?:e|ed|es|ing|ation|ations)$")
_PREFIXES = (
    "anti", "counter", "non", "pre", "post", "over", "under", "out", "dis", "mis", "sub",
    "super", "inter", "multi", "semi", "neo", "pseudo", "self", "ultra", "mega", "micro", "mini", "cyber",
    "un", "re", "tele", "poly", "hyper", "mono", "bio", "eco", "auto", "co",
)  # fmt: skip
# British <-> American spelling patterns, for derived words outside the tables.
_DIALECT = [
    (re.compile(p), r)
    for p, r in (
        (r"is(e|ed|es|ing|ation|ations|er|ers)$", r"iz\1"),
        (r"iz(e|ed|es|ing|ation|ations|er|ers)$", r"is\1"),
        (r"our(s|ed|ing|able|ably|ite|ites|ful|less)?$", r"or\1"),
        (r"or(s|ed|ing|able|ably|ite|ites|ful|less)?$", r"our\1"),
        (r"ys(e|ed|es|ing)$", r"yz\1"),
        (r"tre(s|d)?$", r"ter\1"),
        (r"ll(ed|ing|er|ers)$", r"l\1"),
        (r"([^l])l(ed|ing|er|ers)$", r"\1ll\2"),
        (r"ogue(s)?$", r"og\1"),
        (r"ence(s|man|men|less)?$", r"ense\1"),
        (r"ense(s|man|men|less)?$", r"ence\1"),
        (r"ae", r"e"),
        (r"oe", r"e"),
    )
]


_DIALECT_ANY = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _DIALECT))


def _strip_possessive(word: str) -> str:
    for tail in ("'s", "’s", "'", "’"):
        if word.endswith(tail) and len(word) > len(tail) + 1:
            return word[: -len(tail)]
    return word


def _one_edit(a: str, b: str) -> bool:
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b) <= 1


def _is_transposition(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


@lru_cache(maxsize=100_000)
def dialect_variant_known(word: str) -> bool:
    """True when `word` is the other-dialect spelling of a known word (organised / organized)."""
    lex = lexicon()
    if word in lex.british_to_american or word in lex.american_to_british:
        return True
    if not _DIALECT_ANY.search(word):
        return False  # no dialect pattern applies: skip the thirteen substitutions
    for pattern, replacement in _DIALECT:
        variant = pattern.sub(replacement, word)
        if variant != word and (variant in lex.trusted or lex.zipf(variant) >= 3.0 or is_word(variant)):
            return True
    return False


def _known_stem(word: str) -> bool:
    """A stem for derivation: in the trusted lexicon, or a Hunspell word in use ("spectered" is not)."""
    lex = lexicon()
    return word in lex.trusted or (lex.zipf(word) >= 1.5 and is_word(word))


@lru_cache(maxsize=100_000)
def derived_from_known(word: str) -> bool:
    """A dictionary word with a derivational prefix or suffix: "neoliberal", "commandism", "uncited".

    Inflections (-ed, -ing, -ly, -s on Hunspell's own stems) are Hunspell's to decide, through its
    affix flags: guessing them ("attu" + "ally") let slips through. Plurals are guessed only for
    lexicon words Hunspell does not know ("handclaps").
    """
    trusted = lexicon().trusted
    if (
        word.endswith("s")
        and word[:-1] in trusted
        and not is_word(word[:-1])
        and len(word) >= 6
        and not re.search(r"(?:[^aeiou]y|s|x|z|ch|sh)$", word[:-1])
    ):
        return True
    ize = _IZE.search(word)
    if ize:
        stem = word[: ize.start()]
        if len(stem) >= 5 and (_known_stem(stem) or _known_stem(stem + "e")):
            return True
    for noun, adjective in (("ability", "able"), ("ibility", "ible")):
        if word.endswith(noun) and len(word) > len(noun) + 3 and _known_stem(word[: -len(noun)] + adjective):
            return True  # "deplorability" from "deplorable"
    for suffix in _SUFFIXES:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            if len(stem) >= 4 and (_known_stem(stem) or _known_stem(stem + "e")):
                return True
    for prefix in _PREFIXES:
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            if len(rest) >= 5 and _known_stem(rest):
                return True
    return False


MAX_WORD_LENGTH = 40  # longer tokens are not words; spelling work on them is skipped (issue #20)


def detect_dialect(words: Iterable[str]) -> str | None:
    """ "en-GB" or "en-US" when the article's spellings lean clearly one way (2:1, at least 2 words)."""
    lex = lexicon()
    lowers = list(map(str.lower, words))  # counted at C speed: this runs over every word of an article
    gb = sum(map(lex.british_to_american.__contains__, lowers))
    us = sum(map(lex.american_only.__contains__, lowers))
    if gb >= 2 and gb >= 2 * us:
        return "en-GB"
    if us >= 2 and us >= 2 * gb:
        return "en-US"
    return None


# -- the verdict on one word form, cached per process -------------------------------------------

CAPITAL_KNOWN_ZIPF = 1.0  # a capitalised word wordfreq has seen this often is a name, not a typo
LOWER_KNOWN_ZIPF = 3.0  # a lower-case word this common is established usage ("blog", "covid")
MARGIN_ZIPF = 1.5  # a suggestion must be this much commoner than the word itself
SHORT_MARGIN_ZIPF = 2.8  # a short word in use ("giv") is a slip when a word this much commoner is one edit away
SEEN_TYPO_ZIPF = 2.0  # below this, a word wordfreq has seen may still be a web misspelling two edits from a word
SEEN_TYPO_MARGIN_ZIPF = 2.3  # ... a correction this much commoner: "tarrif" 1.2 -> "tariff" 3.5, not "glammed"


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
    if z >= 2.0 and word.endswith("s") and word[:-1] in lex.trusted:
        return None  # an -s form in use that Hunspell's flags leave out: "arounds" (work-arounds), "jeans"
    if _split_glued(word, 3.0, 0.0):
        return None  # a closed compound: "homestand", "linemate", "grasscourt", "massline"
    n = len(word)
    max_distance = 1 if n <= 4 else 2 if n <= 9 else 3
    # Farther candidates count only for words wordfreq has never seen, and for long capitalised ones.
    far = (not capitalised and z < SEEN_TYPO_ZIPF and n >= 5) or (capitalised and z < CAPITAL_KNOWN_ZIPF and n >= 10)
    scored: list[tuple[int, float, str]] = []
    for candidate, distance in near_words(word, max_distance if far else 1):
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
                or (distance == 2 and cz - z >= SEEN_TYPO_MARGIN_ZIPF and _undoubled(word) == _undoubled(candidate))
            )
        if ok:
            scored.append((distance, -cz, candidate))
    if not scored:
        return None
    scored.sort()
    return MISSPELLING, tuple(c for _, _, c in scored[:3])


_DOUBLED = re.compile(r"(.)\1+")


def _undoubled(word: str) -> str:
    """`word` with each run of one letter cut to one: "tarrif" and "tariff" are both "tarif"."""
    return _DOUBLED.sub(r"\1", word)


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


# -- the check ------------------------------------------------------------------------------------


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """`text` with every match of `pattern` turned into spaces (offsets unchanged)."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘([«—–-":
        i -= 1
    return i < 0 or text[i] in "\n.!?:;"


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _name_words(*texts: str) -> set[str]:
    return {m.group().lower().replace("’", "'") for t in texts if t for m in _WORD.finditer(t)}


def _mask(line: str, skip_quoted: bool) -> str:
    """`line` with URLs, addresses, handles, domains, code (and quotes when asked) blanked to spaces.

    None of these regions spans a line break, so masking line by line equals masking the text.
    """
    masked = line
    if _ANY_HINT.search(line):
        for hint, pattern in _HINTS:
            if hint.search(masked):
                masked = _blank(masked, pattern)
    if skip_quoted and ('"' in line or "“" in line):
        masked = _blank(masked, _QUOTED)
    return masked


_Token = tuple[int, int, str]
# `split` on the captured word gives gap, word, gap, word, ..., gap in one linear pass without a Match object
# per word (the costly part of `finditer`); the lengths add up to every word's offsets.
_SPLIT_WORDS = re.compile("(" + _WORD.pattern + ")")


class _Tokens:
    """The words of one line; their offsets are added up only when asked (lines with suspects).

    `tokens[i]` is (start, end, word), as a Match would give.
    """

    __slots__ = ("_ends", "_starts", "pieces", "words")

    def __init__(self, pieces: tuple[str, ...]) -> None:
        self.pieces = pieces  # gap, word, gap, word, ..., gap
        self.words = pieces[1::2]
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            bounds = list(accumulate(map(len, self.pieces)))
            self._starts, self._ends = bounds[0:-1:2], bounds[1::2]
        return self._starts

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, index: int) -> _Token:
        return self.starts[index], self._ends[index], self.words[index]


# A line's scan: the masked line, its pieces (gap, word, ..., gap; None when no word is suspect, to keep the
# cache small) and the indices of its suspect words. Only tuples of strings and ints, which the garbage
# collector stops tracking: a full cache costs it nothing.
_Scan = tuple[str, tuple[str, ...] | None, tuple[int, ...]]


def _tokenise(masked: str) -> _Scan:
    """The words of one masked line, and the indices of those the fast path cannot accept.

    The ~95% of words in the trusted lexicon need one set lookup (a rare capitalised one stays a
    suspect: "Wold" in "Wold War"); only the suspects get the precision layer's slower checks.
    """
    lex = lexicon()
    pieces = tuple(_SPLIT_WORDS.split(masked))
    words = pieces[1::2]
    accepted, trusted = lex.accepted_any_case, lex.trusted
    suspects = tuple(
        [
            i
            for i, word in enumerate(words)
            if word.lower() not in accepted and (word[0].isupper() or word.lower() not in trusted)
        ]
    )  # a trusted word rarer than once per million is a suspect only when capitalised: "Wold" in "Wold War"
    return masked, pieces if suspects else None, suspects


def _pieces(scan: _Scan) -> tuple[str, ...]:
    masked, pieces, _ = scan
    return pieces if pieces is not None else tuple(_SPLIT_WORDS.split(masked))


_CACHED_LINE = 2_000  # longer lines (whole articles on one line) are scanned afresh: they rarely repeat


@lru_cache(maxsize=50_000)  # about 1 KB a line: ~50 MB when full
def _cached_scan(line: str, skip_quoted: bool) -> _Scan:
    """`_tokenise(_mask(line))`, cached per process: menus, bylines and boilerplate repeat across pages."""
    return _tokenise(_mask(line, skip_quoted))


def _scan(line: str, skip_quoted: bool) -> _Scan:
    return _cached_scan(line, skip_quoted) if len(line) <= _CACHED_LINE else _tokenise(_mask(line, skip_quoted))


def _scans(text: str, context: Context) -> list[_Scan]:
    """One scan per line of `text` (split on newlines only, so offsets add up with one per break)."""
    lines = text.split("\n")
    phrases = context.vocabulary.phrases
    if phrases is None:
        return [_scan(line, context.skip_quoted) for line in lines]
    # Accepted phrases may span a line break: blank them in the whole masked text, then tokenise its lines.
    masked = _blank("\n".join(_mask(line, context.skip_quoted) for line in lines), phrases)
    return [_tokenise(line) for line in masked.split("\n")]


def check(text: str, context: Context | None = None, eligible: set[int] | None = None) -> list[SpellIssue]:
    """Every suspect word in `text`: known misspellings, glued words, misspellings, unlikely words.

    `eligible`, when given, collects the start of every word that passed the precision layer
    (not a name, not project vocabulary, not a dialect variant): another backend's spelling
    matches are kept only there.
    """
    context = context or Context()
    lex = lexicon()
    dictionary()  # Hunspell, built on first use: in the parent process when the engine warms up, not per worker
    trusted = lex.trusted
    vocab = context.vocabulary
    scans = _scans(text, context)
    if vocab.reject:  # rejected words are suspects even when the lexicon knows them
        scans = [
            (m, pieces, tuple(sorted({*sus, *(i for i, w in enumerate(pieces[1::2]) if w.lower() in vocab.reject)})))
            for m, pieces, sus in ((scan[0], _pieces(scan), scan[2]) for scan in scans)
        ]
    if not any(sus for _, _, sus in scans):
        return []
    # A word not in the lexicon is a suspect at each occurrence, so counting suspects finds recurrences.
    counts = Counter(pieces[2 * i + 1].lower().replace("’", "'") for _, pieces, sus in scans if pieces for i in sus)
    names = _name_words(context.title, context.byline)
    words = _FlatWords(scans)
    dialect = _LazyDialect(words)
    foreign = _ForeignQuotes(words)
    issues: list[SpellIssue] = []
    offset = 0
    for line_no, (masked, pieces, suspects) in enumerate(scans):
        base = offset
        offset += len(masked) + 1
        if not suspects or pieces is None:  # a line without suspects keeps no pieces
            continue
        tokens = _Tokens(pieces)
        line = text[base : offset - 1]  # the unmasked line (an accepted phrase may have joined two)
        for index in suspects:
            issue = _check_word(
                masked, line, tokens, index, line_no, lex, trusted, vocab, counts, names, dialect,
                foreign, eligible, base,
            )  # fmt: skip
            if issue is not None:
                issues.append(issue)
    return issues


def _check_word(
    masked: str,
    line: str,
    tokens: _Tokens,
    index: int,
    line_no: int,
    lex: Lexicon,
    trusted: dict[str, int],
    vocab: Vocabulary,
    counts: Counter[str],
    names: set[str],
    dialect: _LazyDialect,
    foreign: _ForeignQuotes,
    eligible: set[int] | None,
    base: int,
) -> SpellIssue | None:
    """The precision layer on one suspect word of one line; offsets in the issue are `base` + line offsets."""
    start, end, token = tokens[index]
    if _GLYPH_AFTER.match(masked, end) or (start and masked[start - 1] == "-") or masked.startswith("-", end):
        return None  # "aren?t" (a quote lost to the charset), hyphenated coinages ("fame-hoggers")
    word = token.replace("’", "'")
    if "'" in word:
        head, _, tail = word.partition("'")
        if word.lower() in trusted:
            return None
        if tail.lower() != "s" or "'" in tail:
            return None  # O'Brien, d'Alembert, contractions: not ours to judge
        word, end = head, start + len(head)
    if len(word) < 3 or word.isupper() or not word[1:].islower() or not word.isascii():
        return None  # short tokens, acronyms, camelCase / McName, foreign words with accents
    lower = word.lower()
    if lower in vocab.reject:
        message = f"'{word}' is on the project's reject list"
        return SpellIssue(base + start, base + end, REJECTED_WORD, message, (), SOURCE_VOCABULARY)
    capitalised = word[0].isupper()
    if lower in vocab.accept:
        return None
    recurs = counts[lower] + counts[lower + "'s"] > 1
    table = lex.misspellings.get(lower)
    if table and lower not in trusted and _table_applies(masked, tokens, index, table, recurs, foreign, line_no):
        return _table_issue(base + start, base + end, word, table, dialect.value)
    if lower in trusted:
        issue = _unlikely_word(line, tokens, index, start, end, word, lower)
        return issue and replace(issue, start=base + start, end=base + end)
    # A recurring capitalised word is a name; a recurring lower-case word is a term when wordfreq knows it,
    # or when a long one recurs with no common word one edit away ("objsize" twice), or thrice with no very
    # common one ("stunnel", not "thear"): nobody makes one odd slip so often. A repeated "anf" is still reported.
    if recurs and (
        capitalised
        or (
            len(lower) > 4
            and (
                lex.freq.get(lower, 0.0) > 0
                or not _common_slip(lower, 4.0)
                or (counts[lower] >= 3 and not _common_slip(lower, 5.5))
            )
        )
        or (counts[lower] >= 3 and not _common_slip(lower, 6.0))  # "lst" thrice in a code walk-through
    ):
        return None
    if lower in names:
        return None
    in_name = capitalised and _next_to_capital(masked, tokens, index)
    initial = capitalised and not in_name and _sentence_start(masked, start)
    found = verdict(lower, capitalised, in_name, initial)  # cached per process: cheap, so asked first
    if found is None and (eligible is None or capitalised):
        return None  # nothing to report, nothing to record
    if is_word(word) or dialect_variant_known(lower) or derived_from_known(lower):
        return None  # Hunspell's words, inflected by its affix rules ("balked", "molts"), and derived ones
    if foreign.contains(masked, tokens, index, line_no):
        return None
    if eligible is not None and (found is not None or not capitalised):
        eligible.add(base + start)  # a capitalised word with no near known word is a name, whatever the backend
    if found is None:
        return None
    kind, suggestions = found
    suggestions = tuple(_match_case(word, _in_dialect(s, dialect.value)) for s in suggestions)
    if kind == GLUED_WORDS:
        message = f"'{word}' looks like two words run together: '{suggestions[0]}'"
        return SpellIssue(base + start, base + end, kind, message, suggestions, SOURCE_GLUE)
    listed = " or ".join(f"'{s}'" for s in suggestions[:2])
    how = "one letter away from" if _one_edit(lower, suggestions[0].lower()) else "close to"
    message = f"'{word}' is not in the dictionary and is {how} {listed}; probably a typo"
    return SpellIssue(base + start, base + end, kind, message, suggestions, SOURCE_LEXICON)


def _common_slip(lower: str, zipf: float) -> bool:
    """A word one edit (or one swap) from a word at least this common: a slip even when it recurs."""
    lex = lexicon()
    return any(c in lex.trusted and lex.zipf(c) >= zipf for c, _ in near_words(lower, 1))


def _table_applies(
    masked: str,
    tokens: _Tokens,
    index: int,
    table: tuple[str, ...],
    recurs: bool,
    foreign: _ForeignQuotes,
    line_no: int,
) -> bool:
    """A codespell entry counts unless the word is a name here ("Ricky Ponting") or part of a foreign quote ("woh")."""
    word = tokens[index][2]
    lower = word.lower()
    if word[0].isupper() and (
        recurs or (_is_name_like(masked, tokens, index) and not _slip_of_function_word(lower, table))
    ):
        return False
    return not (len(lower) <= 3 and foreign.contains(masked, tokens, index, line_no))


class _FlatWords:
    """Every word of the text in order, built only when a check needs words across lines."""

    def __init__(self, scans: list[_Scan]) -> None:
        self.scans = scans
        self._words: list[str] | None = None
        self._bases: list[int] = []

    def _build(self) -> list[str]:
        if self._words is None:
            self._words = []
            for scan in self.scans:
                self._bases.append(len(self._words))
                self._words.extend(_pieces(scan)[1::2])
        return self._words

    def __iter__(self) -> Iterator[str]:
        return iter(self._build())

    def at(self, line_no: int, index: int) -> str | None:
        """The word `index` places from the start of line `line_no` (negative: back into earlier lines)."""
        words = self._build()
        flat = self._bases[line_no] + index
        return words[flat] if 0 <= flat < len(words) else None


class _LazyDialect:
    """The article's dialect, detected only when a suggestion needs it."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = words
        self._value: str | bool | None = False

    @property
    def value(self) -> str | None:
        if self._value is False:
            self._value = detect_dialect(self.words)
        return self._value  # type: ignore[return-value]


def _foreign_like(token: str | None) -> bool:
    """A lower-case word wordfreq has seen in use, rarely, but no English list has: likely foreign."""
    if token is None:
        return False
    lex = lexicon()
    lower = token.lower()
    return token.islower() and lower not in lex.trusted and lower not in lex.misspellings and 0 < lex.zipf(lower) < 3.0


class _ForeignQuotes:
    """Sentences where several lower-case words are unknown are a foreign quote, not typos ("mujhe woh bachcha")."""

    def __init__(self, words: _FlatWords) -> None:
        self.words = words

    def contains(self, masked: str, tokens: _Tokens, index: int, line_no: int) -> bool:
        if _foreign_like(tokens[index][2]) and (
            _foreign_like(self.words.at(line_no, index - 1)) or _foreign_like(self.words.at(line_no, index + 1))
        ):
            return True  # two foreign words side by side: "casus belli", "au naturel" is one
        start = tokens[index][0]
        left = max(masked.rfind(c, 0, start) for c in ".!?") + 1
        right = min((p for p in (masked.find(c, start) for c in ".!?") if p != -1), default=len(masked))
        first, last = bisect_left(tokens.starts, left), bisect_left(tokens.starts, right)
        # Foreign words are ones wordfreq has seen (its lists are multilingual web text); typos mostly are not.
        unknown = sum(_foreign_like(token) for token in tokens.words[first:last])
        return unknown >= 3 or (unknown >= 2 and unknown * 4 >= last - first)


_GLYPH_AFTER = re.compile(r"[?`´'’](?:[a-z]|(?![\w]))")  # "aren?t", and a dropped g: "Doin'"


_TOP_FUNCTION_WORDS = frozenset(["the", "and", "that", "with", "this", "for", "you", "was", "are", "have", "from", "they", "what", "which", "their", "there"])  # fmt: skip


def _slip_of_function_word(lower: str, corrections: tuple[str, ...]) -> bool:
    """ "Hte" in "Hte United States": a slip of "the" is no name, whatever the capitals around it."""
    return lexicon().zipf(lower) < 3.0 and any(c.lower() in _TOP_FUNCTION_WORDS for c in corrections)


def _is_name_like(masked: str, tokens: _Tokens, index: int) -> bool:
    """A capitalised word mid-sentence next to another capitalised word ("Ricky Ponting") or common
    seen in use ("Synopsys", "Als"): not a misspelling of a common word, even one in codespell's table."""
    start, _, token = tokens[index]
    if _sentence_start(masked, start):
        return False
    return _next_to_capital(masked, tokens, index) or lexicon().zipf(token.lower()) >= 1.5


_CAPITALISED_FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "in", "on", "at", "by", "for", "from", "with", "of", "to", "and", "but", "or", "if", "as", "when", "while", "after", "before", "this", "that", "these", "those", "it", "he", "she", "we", "they", "his", "her", "its", "our", "their", "my", "your", "i"]
)  # fmt: skip


def _next_to_capital(masked: str, tokens: _Tokens, index: int) -> bool:
    """True when a capitalised neighbour sits one space away: part of a multi-word name."""
    start, end, _ = tokens[index]
    if index > 0:
        _, p_end, previous = tokens[index - 1]
        gap = masked[p_end:start]
        if previous[0].isupper() and gap.strip(" .") == "" and "\n" not in gap and len(gap) <= 2:  # noqa: SIM102
            if previous.lower() not in _CAPITALISED_FUNCTION_WORDS:  # "The Conferance" is no name
                return True
    if index + 1 < len(tokens):
        n_start, _, following = tokens[index + 1]
        gap = masked[end:n_start]
        if following[0].isupper() and gap == " " and following.lower() not in _CAPITALISED_FUNCTION_WORDS:
            return True
    return False


def _in_dialect(word: str, dialect: str | None) -> str:
    lex = lexicon()
    if dialect == "en-GB":
        return lex.american_to_british.get(word, word)
    if dialect == "en-US":
        return lex.british_to_american.get(word, word)
    return word


def _table_issue(start: int, end: int, word: str, corrections: tuple[str, ...], dialect: str | None) -> SpellIssue:
    lower = word.lower()
    suggestions = tuple(_match_case(word, _in_dialect(c, dialect)) for c in corrections)
    glued = any(c.replace(" ", "") == lower and " " in c for c in corrections)
    if glued:
        message = f"'{word}' is two words run together: write '{suggestions[0]}'"
        kind = GLUED_WORDS
    else:
        listed = " or ".join(f"'{s}'" for s in suggestions)
        message = f"'{word}' is a common misspelling of {listed}"
        kind = KNOWN_MISSPELLING
    return SpellIssue(start, end, kind, message, suggestions, SOURCE_CODESPELL, safe=len(corrections) == 1)


# Function words make frequent bigrams with anything; they are no evidence of a set phrase.
_GLUE_WORDS = frozenset(
    ["this", "that", "than", "then", "they", "them", "their", "there", "these", "those", "what", "when", "with", "were", "have", "from", "your", "will", "been"]
)  # fmt: skip


def _title_case_line(text: str, offset: int) -> bool:
    """True when most words of the line around `offset` are capitalised (a headline)."""
    left = text.rfind("\n", 0, offset) + 1
    right = text.find("\n", offset)
    words = _LETTERS.findall(text, left, right if right != -1 else len(text))
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 10 >= len(words) * 6


_LETTERS = re.compile(r"[^\W\d_]{3,}")


def _unlikely_word(
    text: str, tokens: _Tokens, index: int, start: int, end: int, word: str, lower: str
) -> SpellIssue | None:
    """A rare real word where a common one fits the next word ("Wold War" -> "World War")."""
    lex = lexicon()
    if lex.zipf(lower) >= 3.0 or len(lower) < 4 or index + 1 >= len(tokens) or not word[0].isupper():
        return None
    next_start, _, following = tokens[index + 1]
    if not text[end:next_start].isspace() or "\n" in text[end:next_start] or not following[0].isupper():
        return None  # only capitalised phrases: "Wold War"
    if _title_case_line(text, start):
        return None  # a headline capitalises every word: "'Mad Money' Cashes In On Cast"
    following = following.lower()
    bigrams = lex.bigrams
    if f"{lower} {following}" in bigrams:
        return None
    best: tuple[int, str] | None = None
    for candidate, _ in near_words(lower, 1):
        if lex.zipf(candidate) < 4.5 or candidate not in lex.trusted or len(candidate) < 4 or candidate in _GLUE_WORDS:
            continue
        count = bigrams.get(f"{candidate} {following}", 0)
        if count >= 10_000_000 and (best is None or count > best[0]):
            best = (count, candidate)
    if best is None:
        return None
    suggestion = _match_case(word, best[1])
    original_next = tokens[index + 1][2]
    message = f"'{word} {original_next}' is unusual; '{suggestion} {original_next}' is the common phrase"
    return SpellIssue(start, end, UNLIKELY_WORD, message, (suggestion,), SOURCE_BIGRAM)
