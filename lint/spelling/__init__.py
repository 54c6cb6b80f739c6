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

from scrapelint.spelling.candidates import MAX_WORD_LENGTH, _edits1, near_words
from scrapelint.spelling.checker import check
from scrapelint.spelling.issue import (
    GLUED_WORDS,
    KNOWN_MISSPELLING,
    MISSPELLING,
    REJECTED_WORD,
    SOURCE_BIGRAM,
    SOURCE_CODESPELL,
    SOURCE_GLUE,
    SOURCE_LEXICON,
    SOURCE_VOCABULARY,
    UNLIKELY_WORD,
    SpellIssue,
)
from scrapelint.spelling.lexicon import Lexicon, lexicon
from scrapelint.spelling.morphology import derived_from_known, detect_dialect, dialect_variant_known
from scrapelint.spelling.names import _match_case
from scrapelint.spelling.tokens import _scan
from scrapelint.spelling.verdict import verdict
from scrapelint.spelling.vocabulary import Context, Vocabulary, read_word_file

__all__ = [
    "GLUED_WORDS",
    "KNOWN_MISSPELLING",
    "MAX_WORD_LENGTH",
    "MISSPELLING",
    "REJECTED_WORD",
    "SOURCE_BIGRAM",
    "SOURCE_CODESPELL",
    "SOURCE_GLUE",
    "SOURCE_LEXICON",
    "SOURCE_VOCABULARY",
    "UNLIKELY_WORD",
    "Context",
    "Lexicon",
    "SpellIssue",
    "Vocabulary",
    "_edits1",
    "_match_case",
    "_scan",
    "check",
    "derived_from_known",
    "detect_dialect",
    "dialect_variant_known",
    "lexicon",
    "near_words",
    "read_word_file",
    "verdict",
]
