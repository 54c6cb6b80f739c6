"""Words that are real by derivation or dialect, not listed as such: "neoliberal", "organised"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from scrapelint.dictionary import is_word
from scrapelint.spelling.lexicon import lexicon

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
            if suffix in ("ist", "ists") and len(stem) >= 5 and _known_stem(stem + "y"):
                return True  # "dialectologist" from "dialectology", "botanist" from "botany"
    for prefix in _PREFIXES:
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            if len(rest) >= 5 and _known_stem(rest):
                return True
    return False


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


def _in_dialect(word: str, dialect: str | None) -> str:
    lex = lexicon()
    if dialect == "en-GB":
        return lex.american_to_british.get(word, word)
    if dialect == "en-US":
        return lex.british_to_american.get(word, word)
    return word
