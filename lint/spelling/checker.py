"""The check: every suspect word of a text through the precision layer, as `SpellIssue`s."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from scrapelint.dictionary import dictionary, is_word
from scrapelint.spelling.candidates import _one_edit, near_words
from scrapelint.spelling.code import CodeLines, identifier_shape
from scrapelint.spelling.foreign import _ForeignQuotes
from scrapelint.spelling.foreign_clause import in_foreign_clause
from scrapelint.spelling.inflection import regular_inflection
from scrapelint.spelling.issue import (
    GLUED_WORDS,
    KNOWN_MISSPELLING,
    REJECTED_WORD,
    SOURCE_CODESPELL,
    SOURCE_GLUE,
    SOURCE_LEXICON,
    SOURCE_VOCABULARY,
    SpellIssue,
)
from scrapelint.spelling.lexicon import Lexicon, lexicon
from scrapelint.spelling.morphology import _in_dialect, derived_from_known, detect_dialect, dialect_variant_known
from scrapelint.spelling.name_slot import in_name_slot
from scrapelint.spelling.names import (
    _is_name_like,
    _name_words,
    _next_to_capital,
    _sentence_start,
    _slip_of_function_word,
    match_case,
)
from scrapelint.spelling.taxon import taxon_epithet
from scrapelint.spelling.tokens import _FlatWords, _pieces, _scans, _Tokens
from scrapelint.spelling.unlikely import _unlikely_word
from scrapelint.spelling.verdict import verdict
from scrapelint.spelling.vocabulary import Context, Vocabulary


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
    foreign = _ForeignQuotes(words, context.guess_lines)
    code = CodeLines(text)
    issues: list[SpellIssue] = []
    hopeless = _HOPELESS
    offset = 0
    for line_no, (masked, pieces, suspects) in enumerate(scans):
        base = offset
        offset += len(masked) + 1
        if not suspects or pieces is None:  # a line without suspects keeps no pieces
            continue
        live = [i for i in suspects if not hopeless[pieces[2 * i + 1]]]
        if not live:
            continue
        tokens = _Tokens(pieces)
        line = text[base : offset - 1]  # the unmasked line (an accepted phrase may have joined two)
        for index in live:
            issue = _check_word(
                masked, line, tokens, index, line_no, lex, trusted, vocab, counts, names, dialect,
                foreign, code, eligible, base,
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
    code: CodeLines,
    eligible: set[int] | None,
    base: int,
) -> SpellIssue | None:
    """The precision layer on one suspect word of one line; offsets in the issue are `base` + line offsets."""
    start, end, token = tokens[index]
    if _GLYPH_AFTER.match(masked, end) or (start and masked[start - 1] == "-") or masked.startswith("-", end):
        return None  # "aren?t" (a quote lost to the charset), hyphenated coinages ("fame-hoggers")
    word = token.replace("’", "'")
    if "'" in word:  # a possessive ("Smith's"): `never_judged` passed over every other word with an apostrophe
        word = word.partition("'")[0]
        end = start + len(word)
    lower = word.lower()
    if lower in vocab.reject:
        message = f"'{word}' is on the project's reject list"
        return SpellIssue(base + start, base + end, REJECTED_WORD, message, (), SOURCE_VOCABULARY)
    capitalised = word[0].isupper()
    if lower in vocab.accept:
        return None
    recurs = counts[lower] + counts[lower + "'s"] > 1
    table = lex.misspellings.get(lower)
    if (
        table
        and lower not in trusted
        and _table_applies(masked, tokens, index, table, recurs, foreign, line_no)
        and not in_foreign_clause(line, start, end)
        and not foreign.in_line(line, start, end)
    ):
        return _table_issue(base + start, base + end, word, table, dialect.of(table))
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
    if lower in names or line.strip() == token or _header(line, start, end):
        return None  # a name the record gives, or a word alone on its line: a user's handle, a label, a tag; or
        # the handle that opens a comment's header ("simonw 8 hours ago | prev", "jdoe says:")
    in_name = capitalised and _next_to_capital(masked, tokens, index)
    initial = capitalised and not in_name and _sentence_start(masked, start)
    found = verdict(lower, capitalised, in_name, initial)  # cached per process: cheap, so asked first
    if found is None and (eligible is None or capitalised):
        return None  # nothing to report, nothing to record
    if is_word(word) or dialect_variant_known(lower) or derived_from_known(lower):
        return None  # Hunspell's words, inflected by its affix rules ("balked", "molts"), and derived ones
    if (
        foreign.contains(masked, tokens, index, line_no)
        or in_foreign_clause(line, start, end)
        or foreign.in_line(line, start, end)
    ):
        return None
    if not capitalised and (code.code_word(line_no, line, start, end) or (identifier_shape(lower) and code.technical)):
        return None  # a command, flag or module name: "tar xvf", "tcpd", "ctypes" on a page about code
    if not capitalised and (
        regular_inflection(lower) or taxon_epithet(line, start, end) or in_name_slot(line, start, end)
    ):
        return None  # "heartlanders" (regularly inflected), "Anolis nubilus" (a species), "called fasterer"
    if eligible is not None and (found is not None or not capitalised):
        eligible.add(base + start)  # a capitalised word with no near known word is a name, whatever the backend
    if found is None:
        return None
    kind, suggestions = found
    in_dialect = dialect.of(suggestions)
    suggestions = tuple(match_case(word, _in_dialect(s, in_dialect)) for s in suggestions)
    if kind == GLUED_WORDS:
        message = f"'{word}' looks like two words run together: '{suggestions[0]}'"
        return SpellIssue(base + start, base + end, kind, message, suggestions, SOURCE_GLUE)
    listed = " or ".join(f"'{s}'" for s in suggestions[:2])
    how = "one letter away from" if _one_edit(lower, suggestions[0].lower()) else "close to"
    message = f"'{word}' is not in the dictionary and is {how} {listed}; probably a typo"
    return SpellIssue(base + start, base + end, kind, message, suggestions, SOURCE_LEXICON)


def never_judged(token: str) -> bool:
    """Whether the checker passes a token whatever its context: a word with an apostrophe the lexicon knows or
    that is no possessive (O'Brien, d'Alembert, contractions: not ours to judge), a short token, an acronym,
    camelCase or McName, a foreign word with accents."""
    word = token.replace("’", "'")
    if "'" in word:
        head, _, tail = word.partition("'")
        if word.lower() in lexicon().trusted or tail.lower() != "s" or "'" in tail:
            return True
        word = head
    return len(word) < 3 or word.isupper() or not word[1:].islower() or not word.isascii()


class _Hopeless(dict[str, bool]):
    """`never_judged` by one dict lookup: the first third of suspects are skipped so. Filled on first sight,
    cleared when full."""

    LIMIT = 100_000  # distinct tokens

    def __missing__(self, token: str) -> bool:
        hopeless = never_judged(token)
        if len(self) >= self.LIMIT:
            self.clear()
        self[token] = hopeless
        return hopeless


_HOPELESS = _Hopeless()


# after a comment's handle: when it was posted, or its verb ("8 hours ago", "says:", "wrote:", "replied")
_AFTER_HANDLE = re.compile(
    r"\s+(?:\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|[smhdwy])\s+ago\b|"
    r"(?:says|said|wrote|writes|replied|commented)\s*:|on \w{3,9} \d{1,2}, \d{4})",
    re.IGNORECASE,
)


def _header(line: str, start: int, end: int) -> bool:
    """The word at `start`-`end` is a commenter's handle: it opens the line or follows "by", and a comment's
    header follows it ("simonw 8 hours ago", "412 points by pauldix 9 hours ago", "jdoe says:")."""
    opens = start == len(line) - len(line.lstrip()) or line.endswith("by ", 0, start)
    return opens and _AFTER_HANDLE.match(line, end) is not None


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

    def of(self, suggestions: Iterable[str]) -> str | None:
        """The dialect to write `suggestions` in: detected (from every word of the article) only when one of
        them is spelt differently in the other dialect; otherwise either dialect writes them alike."""
        lex = lexicon()
        if any(s in lex.american_to_british or s in lex.british_to_american for s in suggestions):
            return self.value
        return None


_GLYPH_AFTER = re.compile(r"[?`´'’](?:[a-z]|(?![\w]))")  # "aren?t", and a dropped g: "Doin'"


def _table_issue(start: int, end: int, word: str, corrections: tuple[str, ...], dialect: str | None) -> SpellIssue:
    lower = word.lower()
    suggestions = tuple(match_case(word, _in_dialect(c, dialect)) for c in corrections)
    glued = any(c.replace(" ", "") == lower and " " in c for c in corrections)
    if glued:
        message = f"'{word}' is two words run together: write '{suggestions[0]}'"
        kind = GLUED_WORDS
    else:
        listed = " or ".join(f"'{s}'" for s in suggestions)
        message = f"'{word}' is a common misspelling of {listed}"
        kind = KNOWN_MISSPELLING
    return SpellIssue(start, end, kind, message, suggestions, SOURCE_CODESPELL, safe=len(corrections) == 1)
