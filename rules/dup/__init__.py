"""DUP: the same text twice — duplicated paragraphs, repeated sentences and blocks,
near-duplicate sentences, the title repeated in the body.

All four rules share one analysis per document (`_analyse`): the body's words,
normalised (case, curly/straight apostrophes), with their offsets, and the token
range of every sentence and paragraph. Comparing word sequences rather than raw
strings makes a copy with changed whitespace, quotes, dashes, case or trailing
punctuation equal to the original, and hashing them keeps the cost linear.
The first occurrence always stays; every finding is on a later copy, with
`related` pointing at the first.

One idea per module: `analysis` (the shared analysis), `paragraphs` (DUP001), `sentences` (DUP002),
`near` (DUP003), `title` (DUP004); what repeats by design is told apart in rules/structure.py.
"""

from __future__ import annotations

from scrapelint.rules.dup.near import NearDuplicateOptions, NearDuplicateSentence
from scrapelint.rules.dup.paragraphs import DuplicatedParagraph, DuplicatedParagraphOptions
from scrapelint.rules.dup.sentences import RepeatedSentence, RepeatedSentenceOptions
from scrapelint.rules.dup.title import TitleRepeatedInBody, TitleRepeatedOptions

__all__ = [
    "RULES",
    "DuplicatedParagraph",
    "DuplicatedParagraphOptions",
    "NearDuplicateOptions",
    "NearDuplicateSentence",
    "RepeatedSentence",
    "RepeatedSentenceOptions",
    "TitleRepeatedInBody",
    "TitleRepeatedOptions",
]

RULES = [DuplicatedParagraph, RepeatedSentence, NearDuplicateSentence, TitleRepeatedInBody]
