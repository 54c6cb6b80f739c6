"""Which language a text is in: the record's own tag, normalised, or a guess from the text.

The guess comes from py3langid (langid.py's model, 97 languages, shipped inside the wheel: nothing is
downloaded at run time). It was chosen by measuring accuracy and speed on real pages against lingua and
langdetect (bench/bench_language.py, numbers in bench/README.md): as accurate on paragraphs, 5 MB instead of
100 MB, about 50 µs a line. The model loads once per process (~0.6 s), in the parent before workers fork.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, repeat
from operator import sub
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

UNDETERMINED = "und"
# A paragraph overrides its article's language only when the model is sure of it: below these a guess on a
# line is noise ("Share this article" is en 0.75, "Pantaloni in cotone, blu navy" it 0.14).
MIN_WORDS = 5
MIN_LETTERS = 25
MIN_CONFIDENCE = 0.9  # langid's normalised probability of its best language
# An article has no other language to fall back on, and "und" is taken as English: a likely guess beats it
# ("Wasserstoff als Energieträger / E-Fuels als Lösung" is de 0.64). Below ARTICLE_MIN_CONFIDENCE the text
# is English when English function words say so (names and typos confuse the model: "The paper Proletraitis
# Brzola praised Yugoslavaia's press." is not en by it), else the model's best guess (Papiamento, which it
# does not know, comes out as some Romance language, not as English). Tuned on the tune half of trafilatura_dev.
ARTICLE_MIN_WORDS = 2
ARTICLE_MIN_LETTERS = 8
ARTICLE_MIN_CONFIDENCE = 0.5
# Frequent English words that are not also common words of the languages scrapes come in ("in", "was", "die",
# "a", "to", "is" are).
_ENGLISH = frozenset(
    ["the", "of", "and", "that", "with", "for", "this", "from", "his", "they", "were", "have", "has", "been", "which",
     "are", "said", "its", "would", "their"]
)  # fmt: skip
_WORDS = re.compile(r"[^\W\d_]+")
_ASCII_WORDS = re.compile(r"[A-Za-z]+")  # `_WORDS` on an ASCII text: the same words, found ~30% faster


def _words(text: str) -> list[str]:
    """`_WORDS.findall(text)` (the letter runs of `text`)."""
    return (_ASCII_WORDS if text.isascii() else _WORDS).findall(text)


# Characters the model reads: of an article, from its longest paragraphs; of a paragraph, its start. The model
# costs ~1 µs a character (bench/bench_language.py), and 300 characters of prose are told right 99% of the time.
SAMPLE = 300

# Tags as records write them besides ISO codes: names in English or in the language itself, ISO 639-2/3.
_NAMES = {
    "english": "en", "eng": "en", "german": "de", "deutsch": "de", "deu": "de", "ger": "de", "french": "fr",
    "français": "fr", "francais": "fr", "fra": "fr", "fre": "fr", "spanish": "es", "español": "es", "espanol": "es",
    "spa": "es", "portuguese": "pt", "português": "pt", "portugues": "pt", "por": "pt", "italian": "it",
    "italiano": "it", "ita": "it", "dutch": "nl", "nederlands": "nl", "nld": "nl", "dut": "nl", "polish": "pl",
    "polski": "pl", "pol": "pl", "russian": "ru", "русский": "ru", "rus": "ru", "chinese": "zh", "zho": "zh",
    "chi": "zh", "japanese": "ja", "jpn": "ja", "iw": "he", "in": "id", "ji": "yi",
}  # fmt: skip
_TAG = re.compile(r"[a-z]{2,3}")
_NO_LANGUAGE = frozenset(["und", "mul", "zxx", "mis", "xx", "none", "null", "unknown"])
_LETTER = re.compile(r"[^\W\d_]")


def normalise_tag(value: object) -> str | None:
    """A record's language as a primary lowercase tag: "pt-BR" -> "pt", "en_US" -> "en", "German" -> "de".

    None when the record says nothing usable ("", "und", "mul", "xx-unknown").
    """
    if not isinstance(value, str):
        return None
    raw = value.strip().lower()
    if not raw:
        return None
    if raw in _NAMES:
        return _NAMES[raw]
    primary = re.split(r"[-_.,;@\s]", raw, maxsplit=1)[0]
    primary = _NAMES.get(primary, primary)
    if primary in _NO_LANGUAGE or not _TAG.fullmatch(primary):
        return None
    return primary


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    """py3langid's model with normalised probabilities, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# A paragraph whose words are this much the article language's stop words is in that language: it is not sent
# to the model (the model is the costly part). Measured on trafilatura_dev's article snippets of 8+ words:
# German prose has a median of 0.56 German stop words (10% below 0.38), English 0.62; English stop words
# make 0.08 of German prose and 0.26 of Portuguese (10% above 0.42), German ones 0.09 of English.
SURE_DENSITY = 0.4
# Below this share of a language's stop words a paragraph of 5+ words is not in that language: looking for
# English text in a German article, only paragraphs with 0.2 English stop words or more go to the model
# (German prose has 0.08 on median; English prose 0.62, and 90% of it 0.38 or more).
CANDIDATE_DENSITY = 0.2


@lru_cache(maxsize=64)
def stopwords(language: str) -> frozenset[str]:
    """The stop words of a language (stopwordsiso: ISO 639-1 codes, 50+ languages), empty when it has none."""
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords(language)) if stopwordsiso.has_lang(language) else frozenset()


def stopword_density(text: str, language: str) -> float | None:
    """The share of `text`'s words that are stop words of `language` (jusText's signal); None without a list."""
    words = stopwords(language)
    if not words:
        return None
    found = _words(text.lower())
    return sum(map(words.__contains__, found)) / len(found) if found else 0.0


def could_be(text: str, languages: tuple[str, ...]) -> bool:
    """Whether `text` may be in one of `languages`: False only when each has a stop-word list and the text
    holds few of their stop words (a cheap test before the model)."""
    for language in languages:
        density = stopword_density(text, language)
        if density is None or density >= CANDIDATE_DENSITY:
            return True
    return False


# The languages scrapes mostly come in, told by their stop words alone when these leave no doubt: one of them
# holds 0.4 of the words or more, and every other at least 0.2 less. On trafilatura_dev and L3S-GN1 this
# decides 88% of articles (from their longest paragraphs), each as the model does, at a tenth of its cost.
COMMON = ("en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru")
CLEAR_MIN_WORDS = 15
CLEAR_DENSITY = 0.4
CLEAR_MARGIN = 0.2


def by_stopwords(text: str) -> str | None:
    """The language of `text` when the stop words of `COMMON` languages leave no doubt, else None."""
    words = _words(text.lower())
    if len(words) < CLEAR_MIN_WORDS:
        return None
    # one lookup per word (in C: map, chain, Counter), not one per word and language
    counts = Counter(chain.from_iterable(map(_common_stopwords().get, words, repeat(()))))
    ranked: list[tuple[str | None, int]] = [*counts.most_common(2)] or [(None, 0)]
    (language, best), *rest = ranked
    second = rest[0][1] if rest else 0
    clear = best >= CLEAR_DENSITY * len(words) and second <= best - CLEAR_MARGIN * len(words)
    return language if clear else None


def prose_density(words: list[str]) -> tuple[str | None, float]:
    """The `COMMON` language with most stop words among lower-cased `words`, and their share: jusText's signal
    of prose (text written in sentences holds many), whatever the language."""
    if not words:
        return None, 0.0
    found = list(chain.from_iterable(map(_common_stopwords().get, words, repeat(()))))  # a language per hit
    if not found:
        return None, 0.0
    if len(found) > _FEW_HITS:
        language, count = Counter(found).most_common(1)[0]
    else:  # DEB asks this of every short line: a few C-level counts beat building a Counter (~35% less)
        language = max(dict.fromkeys(found), key=found.count)  # the first language seen wins a tie, as above
        count = found.count(language)
    return language, count / len(words)


_FEW_HITS = 20  # up to this many stop-word hits, `prose_density` counts each language on the list instead


@lru_cache(maxsize=1)
def _common_stopwords() -> dict[str, tuple[str, ...]]:
    """Stop word -> the `COMMON` languages it is a stop word of."""
    table: dict[str, list[str]] = {}
    for language in COMMON:
        for word in stopwords(language):
            table.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in table.items()}


def common_stopwords() -> frozenset[str]:
    """The stop words of every common language in one set: what a text's topic words are not, in any of them."""
    return _common_stopword_set()


@lru_cache(maxsize=1)
def _common_stopword_set() -> frozenset[str]:
    return frozenset(_common_stopwords())


def load() -> None:
    """Load the model and the stop-word lists (~1 s), once per process: before workers fork, they share them."""
    identifier()
    _common_stopwords()


def enough_text(text: str, words: int = MIN_WORDS, letters: int = MIN_LETTERS) -> bool:
    """Whether `text` is long enough for a guess worth acting on: `words` words, `letters` letters in its
    first 400 characters."""
    return len(text.split(None, words)) >= words and _letters(letters).match(text, 0, 400) is not None


@lru_cache(maxsize=8)
def _letters(count: int) -> re.Pattern[str]:
    """Matches a text with `count` letters or more: the test of `len(_LETTER.findall(text)) >= count` in one
    call, without a string per letter (10x faster on a paragraph of 100+ characters; the gate asks it of many)."""
    return re.compile(rf"(?:[\W\d_]*{_LETTER.pattern}){{{count}}}")


def guess(text: str, min_confidence: float = MIN_CONFIDENCE) -> str:
    """The language of a paragraph by the model, or "und" when it is too short or the model is unsure."""
    if not enough_text(text):
        return UNDETERMINED
    if clear := by_stopwords(text[:SAMPLE]):
        return clear
    language, confidence = identifier().classify(text[:SAMPLE])
    return str(language) if confidence >= min_confidence else UNDETERMINED


def paragraph_guess(text: str, article: str) -> str:
    """The language of a paragraph of an article in `article`: its own where it is long enough and the
    model is sure, else the article's. Prose full of the article language's stop words skips the model."""
    if not enough_text(text):
        return article
    density = stopword_density(text, article) if article != UNDETERMINED else None
    if density is not None and density >= SURE_DENSITY:
        return article
    found = guess(text)
    return article if found == UNDETERMINED else found


def guess_article(text: str) -> str:
    """The language of a whole article (a sample of it): its likeliest, or "und" when there is too little."""
    if not enough_text(text, ARTICLE_MIN_WORDS, ARTICLE_MIN_LETTERS):
        return UNDETERMINED
    if clear := by_stopwords(text[:SAMPLE]):
        return clear
    language, confidence = identifier().classify(text[:SAMPLE])
    if confidence >= ARTICLE_MIN_CONFIDENCE or language == "en":
        return str(language)
    words = _words(text[:SAMPLE].lower())
    english_words = sum(word in _ENGLISH for word in words)
    if english_words and english_words >= 0.1 * len(words):
        return "en"
    if enough_text(text):
        return str(language)
    # A few words: the model's guess when it is a common language and no word is an English stop word
    # ("Kapitel 121 ist" is de; "Share | Tweet" is not Luxembourgish, and stays "und").
    english = stopwords("en")
    return str(language) if language in COMMON and not any(map(english.__contains__, words)) else UNDETERMINED


def sample_spans(text: str, starts: Sequence[int], ends: Sequence[int]) -> str:
    """The longest paragraphs `text[starts[i]:ends[i]]` (ties in text order), up to `SAMPLE` characters, joined
    by newlines: prose decides, not menus (often English on any site). Only the chosen ones are sliced."""
    if not starts:
        return ""
    lengths = list(map(sub, ends, starts))
    longest = max(lengths)
    if longest >= SAMPLE:  # most articles: one paragraph is enough
        index = lengths.index(longest)
        return text[starts[index] : ends[index]]
    chosen: list[str] = []
    size = 0
    for index in sorted(range(len(lengths)), key=lengths.__getitem__, reverse=True):
        if size >= SAMPLE:
            break
        chosen.append(text[starts[index] : ends[index]])
        size += lengths[index] + 1
    return "\n".join(chosen)


ANY = "*"


def supported(languages: tuple[str, ...], language: str) -> bool:
    """Whether a rule that knows `languages` applies to text in `language`.

    "*" knows every language. Text whose language cannot be told ("und": a few words, no letters, the
    model unsure) counts as English, which is what scrapelint assumed of all text before it knew languages,
    and what a short test snippet or a headline usually is.
    """
    return ANY in languages or language in languages or (language == UNDETERMINED and "en" in languages)
