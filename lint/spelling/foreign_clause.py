"""Clauses in another language inside English text, told by that language's stop words.

A paragraph long enough to tell is kept off the English speller by its detected language
(`Document.language_at`), but a German sentence before an English quote ("Gerade ist die neue Palette
eingetroffen. Hier etwas O-Ton: ...") or a two-word French article ("Une cible,") is too short to move the
paragraph's language. Within a clause (text between sentence punctuation, colons and quotes), two stop words of
one other language that are no English words ("ist", "und"; not "die", "also"), or one in a clause of three
words or fewer, make the clause foreign. The word being judged never counts as its own evidence.

A foreign phrase inside an English sentence ("a pastel de nata", "bratwurst mit senf", "coq au vin") has one
such word only, and often one English text uses in names ("de"): the word right after an article or a
preposition of another language is foreign when it is in use in that language.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scrapelint.language import COMMON, stopwords
from scrapelint.spelling.lexicon import lexicon

_BOUNDARY = re.compile(r"[.!?:;\"“”«»()\[\]]")
_LETTERS = re.compile(r"[^\W\d_]{2,}")  # single letters ("O-Ton") are no evidence either way
SHORT_CLAUSE = 3  # words: one foreign stop word is enough in a clause this short ("Une cible,")
STOPWORDS_NEEDED = 2


@lru_cache(maxsize=1)
def _foreign_stopwords() -> dict[str, frozenset[str]]:
    """Stop word -> the other `COMMON` languages it belongs to, for stop words that are no English word."""
    lex = lexicon()
    english = stopwords("en")
    table: dict[str, set[str]] = {}
    for language in COMMON:
        if language == "en":
            continue
        for word in stopwords(language):
            if word not in english and word not in lex.trusted:  # (accepted_any_case is a subset of trusted)
                table.setdefault(word, set()).add(language)
    return {word: frozenset(languages) for word, languages in table.items()}


REACH = 300  # characters each side: a clause is shorter, and the bound keeps a long line without punctuation linear


def in_foreign_clause(line: str, start: int, end: int) -> bool:
    """Whether `line[start:end]` sits in a clause of another language (looked for within `REACH` of it)."""
    low, high = max(0, start - REACH), min(len(line), end + REACH)
    left = max((m.end() for m in _BOUNDARY.finditer(line, low, start)), default=low)
    found = _BOUNDARY.search(line, end, high)
    right = found.start() if found else high
    words = [w.lower() for w in _LETTERS.findall(line[left:start] + " " + line[end:right])]
    table = _foreign_stopwords()
    counts: dict[str, int] = {}
    for word in words:
        for language in table.get(word, ()):
            counts[language] = counts.get(language, 0) + 1
    best = max(counts.values(), default=0)
    return best >= STOPWORDS_NEEDED or (best >= 1 and len(words) + 1 <= SHORT_CLAUSE) or _after_joiner(line, start)


# The articles and prepositions that join a foreign noun phrase ("pastel de nata", "coq au vin", "bratwurst mit
# senf"), by language; no English word among them (not "do", "no", "in").
_JOINERS = {
    **dict.fromkeys(("de",), ("es", "pt", "fr", "nl")),
    **dict.fromkeys(("del", "el", "los", "las"), ("es",)),
    **dict.fromkeys(("di", "della", "delle", "dello", "degli", "alla", "al"), ("it",)),
    **dict.fromkeys(("da",), ("it", "pt")),
    **dict.fromkeys(("dos", "das", "na", "em"), ("pt",)),
    **dict.fromkeys(("du", "des", "au", "aux", "à", "les", "le"), ("fr",)),
    **dict.fromkeys(("la",), ("fr", "es", "it")),
    **dict.fromkeys(("mit", "von", "und", "zum", "zur", "vom"), ("de",)),
    **dict.fromkeys(("van", "het", "een"), ("nl",)),
}


_WORD_BEFORE = re.compile(r"([^\W\d_]+) \Z")


def _after_joiner(line: str, start: int) -> bool:
    """Whether the word at `start` follows a joiner of another language ("de", "mit", "au") and is in use there."""
    found = _WORD_BEFORE.search(line, max(0, start - 12), start)
    languages = found and _JOINERS.get(found.group(1).lower())
    if not languages:
        return False
    word = _LETTERS.match(line, start)
    return word is not None and any(in_use(word.group().lower(), language) for language in languages)


IN_USE = 2.0  # wordfreq's Zipf scale in the named language: about once in 10 million words


def in_use(word: str, language: str) -> bool:
    """Whether wordfreq's small list of `language` has `word` in use (also asked by foreign_line.py)."""
    import wordfreq  # (its small list of the language loads on first use: ~10 ms)

    return wordfreq.zipf_frequency(word, language, wordlist="small") >= IN_USE
