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

One idea per module: `issue` (what is reported), `vocabulary` (project words, context),
`lexicon` (word lists), `masking` (code, URLs and other non-prose), `tokens` (a line's
words and suspects), `candidates` (corrections a few edits away), `morphology` (derived
and dialect forms), `names`, `foreign` (foreign quotes), `verdict` (one word form),
`unlikely` (rare word in a common phrase) and `checker` (the check itself).
"""

from scrapelint.spelling.candidates import near_words
from scrapelint.spelling.checker import check
from scrapelint.spelling.issue import (
    GLUED_WORDS,
    KNOWN_MISSPELLING,
    MISSPELLING,
    REJECTED_WORD,
    UNLIKELY_WORD,
    SpellIssue,
)
from scrapelint.spelling.lexicon import lexicon
from scrapelint.spelling.morphology import detect_dialect
from scrapelint.spelling.names import match_case
from scrapelint.spelling.tokens import scan_line
from scrapelint.spelling.vocabulary import Context, Vocabulary

__all__ = [
    "GLUED_WORDS",
    "KNOWN_MISSPELLING",
    "MISSPELLING",
    "REJECTED_WORD",
    "UNLIKELY_WORD",
    "Context",
    "SpellIssue",
    "Vocabulary",
    "check",
    "detect_dialect",
    "lexicon",
    "match_case",
    "near_words",
    "scan_line",
]
