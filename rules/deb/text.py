"""What DEB reads in a line's words: word counts, bylines, wire credits, dates, list items, teaser cuts."""

from __future__ import annotations

import re

from scrapelint.document import UNSPACED, has_unspaced
from scrapelint.rules.dat_names import MONTH_NUMBERS

_WORD = re.compile(rf"[{UNSPACED}]{{1,2}}|[^\W\d_{UNSPACED}]+(?:['’][^\W\d_{UNSPACED}]+)*|\d+")  # two Chinese or
# Japanese characters are a word, as in the Document (UNSPACED); lines without them are read with `_SPACED_WORD`
_SPACED_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")  # (the same words there, found faster)
# `_WORD` for ASCII text (97% of lines): the same matches, as ASCII letters and digits are exactly the Unicode
# ones an ASCII string can hold, found 30% faster than with Unicode classes.
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*|[0-9]+")


def _words(text: str) -> list[str]:
    """`_WORD.findall(text)`."""
    if text.isascii():
        return _ASCII_WORD.findall(text)
    return (_WORD if has_unspaced(text) else _SPACED_WORD).findall(text)


# The same patterns with an empty group: `findall` then lists the one shared empty string per word instead
# of a new string per word, and counts them faster.
_WORD_MARK = re.compile(rf"(?:{_WORD.pattern})()")
_SPACED_WORD_MARK = re.compile(rf"(?:{_SPACED_WORD.pattern})()")
_ASCII_WORD_MARK = re.compile(rf"(?:{_ASCII_WORD.pattern})()")


# Each ASCII character as `_ASCII_WORD` sees it: a letter, a digit, an apostrophe or a gap (a bytes table:
# `bytes.translate` is a plain table lookup, 3x faster than `str.translate`).
_CLASSES = bytes.maketrans(
    bytes(range(128)),
    bytes(
        ord("a" if chr(c).isalpha() else "0" if chr(c).isdigit() else "'" if chr(c) == "'" else " ") for c in range(128)
    ),
)


def _word_count(text: str) -> int:
    """`len(_words(text))`."""
    if not text.isascii():
        return len((_WORD_MARK if has_unspaced(text) else _SPACED_WORD_MARK).findall(text))
    if len(text) < 64:
        return len(_ASCII_WORD_MARK.findall(text))
    # A long line: count where words start, in C (2x faster). Letters joined by one apostrophe are one word.
    classes = b" " + text.encode().translate(_CLASSES)
    while b"a'a" in classes:
        classes = classes.replace(b"a'a", b"aa")  # "a'a'a" takes two rounds
    if b"0" not in classes:  # no digit (2 lines in 3): only the starts of letters after a gap or an apostrophe
        return classes.count(b" a") + classes.count(b"'a")
    starts = (b" a", b"'a", b"0a", b" 0", b"'0", b"a0")  # a letter after a non-letter, a digit after a non-digit
    return sum(map(classes.count, starts))


_TERMINAL = set(
    ".!?…:;\"'”’)»。！？」』）؟।۔॥።။"
)  # with the full stops of CJK, Arabic, Urdu, Devanagari, Ethiopic, Burmese
_NOT_A_NAME = "January|February|March|April|May|June|July|August|September|October|November|December|Then|The|This|That"
_NAME = r"[A-Z][\w.'’-]*"
# "By Harsh Thakor", "By Our Representative  The Nutrition...", "By Bhaskar Sur* Swami..."
_BYLINE = re.compile(
    rf"By\s+(?!(?:{_NOT_A_NAME})\b)(?:Our\s+\w+|{_NAME}(?:\s+(?:{_NAME}|de|van|von|bin|al|and|&)){{0,4}})\*?"
    r"(?=\s*$|\*|\u00a0|\s{2,}|\s*(?:[,|–—]|--?)\s)"
)
_REPORT_CREDIT = re.compile(
    r"\(?(?:(?:additional )?reporting|writing|editing|compiled|edited|written) by\b|contributed to this (?:report|story)",
    re.IGNORECASE,
)
# "(AP)", "The Associated Press", "Associated Press Writer", "Seattle Times staff reporter", "Express News Service"
_WIRE = re.compile(
    r"\(?(?:The )?(?:AP|AFP|Reuters|Associated Press|Agence France-Presse|PTI|IANS|UPI|Xinhua|dpa|ANI|Canadian Press|"
    r"Press Association)\)?"
    r"|(?:[A-Z][\w.&'’-]*\s+){1,5}(?:[Ss]taff )?(?:Writer|Correspondent|[Rr]eporter|News Service)",
)
# "CHARLES GOLDBERG", "Tacoma News Tribune", "Richard Beeston: Analysis": an author's or outlet's name on its own
_NAME_LINE = re.compile(r"[A-Z][\w.'’-]+:?(?: (?:[A-Z][\w.'’-]*|de|van|von|bin|al):?){1,3}")
_DATE_META = re.compile(r"(?:first |last )?(?:published|updated|posted|date|dated|time|modified)\b")
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "by",
        "as",
        "into",
        "onto",
        "than",
        "that",
        "which",
        "who",
        "whose",
        "whom",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "not",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "this",
        "these",
        "those",
        "such",
        "very",
        "more",
        "most",
        "less",
        "if",
        "when",
        "while",
        "where",
        "because",
        "although",
    ]
)
# the months of the languages DAT reads (rules/dat_names.py, the CLDR's among them), day first: "5. März 2024",
# "12 de novembro", "15 марта", "12 Ocak 2025"; and the dates of Chinese, Japanese and Korean ("2024年3月15日")
_MONTH_NAMES = "|".join(sorted({name.rstrip(".") for name in MONTH_NUMBERS}, key=len, reverse=True))
_DATE = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|"
    r"Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\d{1,2}:\d{2}\b"
    rf"|\d{{1,2}}\.? (?:de )?(?:{_MONTH_NAMES})\b)|\d{{4}}\s?[年년]\s?\d{{1,2}}\s?[月월]",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"\d")
# a review's list headings, written without a colon: the short items under them are the article's, as after "…:"
_LIST_HEADING = re.compile(
    r"(?i)(?:pros|cons|pros and cons|the good|the bad|what we like|what we don't like|vorteile|nachteile|"
    r"avantages|inconvénients|ventajas|desventajas|contras|pontos (?:positivos|negativos)|pro|contro|"
    r"voordelen|nadelen|zalety|wady|плюсы|минусы|fördelar|nackdelar)"
)
_LIST_ITEM = re.compile(r"(?:[-•*·–]|\d{1,3}[.)]|[a-z][.)]|\(\w\))\s")
_LAST_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=\S)")
_TEASER_CUT = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*(?:\(?(?:read|continue|more)\b[^\n]{0,30})?$", re.IGNORECASE)
