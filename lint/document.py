"""An article's text analysed once: paragraphs, sentences, words and positions.

Every rule reads the same `Document`; no rule splits text again. Each analysis
is computed on first use, so a run that needs only paragraphs never tokenises.
"""

from __future__ import annotations

import codecs
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from itertools import accumulate, chain, count, islice, pairwise, repeat
from operator import add
from typing import overload

from scrapelint import language as _language
from scrapelint.models import Article


# Spans are plain slots dataclasses, not frozen ones: a document builds 100,000s of them and a frozen
# dataclass's __init__ (object.__setattr__ per field) costs twice as much. Treat them as read-only.
@dataclass(slots=True, unsafe_hash=True)
class Span:
    """A half-open range `[start, end)` of code points in the text."""

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass(slots=True, unsafe_hash=True)
class Paragraph(Span):
    index: int


@dataclass(slots=True, unsafe_hash=True)
class Sentence(Span):
    paragraph: int
    index: int


@dataclass(slots=True, unsafe_hash=True)
class Word(Span):
    sentence: int


# A non-blank line, and a block of lines up to a blank line, each matched already trimmed: from the first
# non-blank character to the last (the greedy run backs off over trailing blanks to a non-blank one).
_NONBLANK_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_BLOCK = re.compile(r"\S(?:(?:.|\n(?![ \t]*\n))*\S)?")
# Chinese and Japanese write no spaces between words: each two of their characters count as one word (their
# words average under two characters), so a sentence of them has a sentence's words for DUP's and DEB's counts.
UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
has_unspaced = re.compile(f"[{UNSPACED}]").search  # the patterns below are slower: asked only where needed
_WORD = re.compile(rf"[{UNSPACED}]{{1,2}}|[^\W{UNSPACED}]+(?:['’][^\W{UNSPACED}]+)*")
_UNSPACED_WORD_SPLIT = re.compile(f"({_WORD.pattern})")  # _WORD as a split separator: words and gaps alternate
_WORD_SPLIT = re.compile(r"(\w++(?:['’]\w++)*+)")  # the same for text without Chinese or Japanese
# The same for ASCII text, where \w is [0-9A-Za-z_] and no ’ occurs: a character set is tested faster.
_ASCII_WORD_SPLIT = re.compile(r"(\w++(?:'\w++)*+)", re.ASCII)
# Most non-ASCII texts hold only non-ASCII punctuation (curly quotes, dashes): where no non-ASCII character is a
# word character, the ASCII class finds the same words (faster). The encoder hands every non-ASCII run to this
# handler, which writes DEL for a run holding a word character (a DEL in the text only means the slower split).
_ASCII_WORD_SPLIT_CURLY = re.compile(r"(\w++(?:['’]\w++)*+)", re.ASCII)
_WORD_CHAR = re.compile(r"\w")
codecs.register_error(
    "scrapelint-mark-word-chars",
    lambda error: ("\x7f" if _WORD_CHAR.search(error.object, error.start, error.end) else "", error.end),  # type: ignore[attr-defined]
)
_MATCH_SPAN = re.Match.span


def word_split(text: str) -> list[str]:
    """Gap, word, gap, ..., word, gap of `text` in one regex split: the one word tokenisation the rules share."""
    if text.isascii():
        return _ASCII_WORD_SPLIT.split(text)
    if b"\x7f" not in text.encode("ascii", "scrapelint-mark-word-chars"):
        return _ASCII_WORD_SPLIT_CURLY.split(text)
    return (_UNSPACED_WORD_SPLIT if has_unspaced(text) else _WORD_SPLIT).split(text)


# Abbreviations that stand before a name or a number and so never end a sentence.
NONFINAL_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "mx", "messrs", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "capt", "sgt", "maj", "cmdr", "adm", "rev", "fr", "hon", "pres", "supt", "insp", "vs", "cf", "eg", "ie", "viz", "no", "nos", "fig", "figs", "p", "pp", "vol", "vols", "ch", "sec", "art", "op", "approx", "ca"]
)  # fmt: skip
# Abbreviations in the other languages DEB and DAT read (de, fr, es, it, nl, pl, ru), none of them an English word:
# "inkl. MwSt., zzgl. Versand", "usw.,", "w 2020 r.", "в 2020 г., когда" are no leftover marks.
_OTHER_LANGUAGES_FINAL = frozenset(
    ["usw", "bzw", "mwst", "r", "inkl", "zzgl", "evtl", "ggf", "vgl", "bzgl", "mio", "mrd", "jh", "jhd", "nr", "bspw", "ehem", "einschl", "insb", "urspr", "gegr", "allg", "mme", "mlle", "aprox", "sra", "srta", "dra", "pág", "núm", "uds", "avda", "cía", "dpto", "ecc", "dott", "pag", "avv", "enz", "bijv", "blz", "dhr", "mevr", "itd", "itp", "np", "tzn", "ul", "godz", "tys", "mln", "mld", "tj", "wg", "г", "гг", "им", "ул", "тыс", "млн", "млрд", "руб", "коп"]
)  # fmt: skip
# Abbreviations that may also close a sentence ("... and so on, etc. The next").
FINAL_ABBREVIATIONS = _OTHER_LANGUAGES_FINAL | frozenset(
    ["etc", "inc", "ltd", "co", "corp", "plc", "llc", "jr", "sr", "al", "bros", "dept", "univ", "assn", "ed", "eds", "est", "trad", "arr", "incl", "excl", "misc", "esp", "govt", "tel", "ext", "orig", "repr", "ibid", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mt", "ft", "rd", "ave", "blvd", "sq", "km", "kg", "cm", "mm", "lb", "lbs", "oz", "hr", "hrs", "min", "mins", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wisc", "wyo", "alta", "man", "ont", "que", "sask"]
)  # fmt: skip
# Every abbreviation (lower-cased, without the dot) after which a period is not a plain sentence end.
ABBREVIATIONS = NONFINAL_ABBREVIATIONS | FINAL_ABBREVIATIONS
# Abbreviations that are also common words count only when capitalised: "Mass., Ill., No. 5" but
# "he was ill. Doctors came", "the answer was no. Then".
_CAPITALISED_ONLY = frozenset(
    ["no", "art", "sec", "op", "col", "gen", "rev", "fr", "sen", "hon", "pres", "rep", "ill", "miss", "mass", "wash", "man", "del", "ind", "mont", "la", "pa", "mo", "ore", "sun", "sat", "mar", "wed", "fig", "figs", "est", "ed", "dec", "min", "mins", "con"]
)  # fmt: skip


def abbreviation(token: str) -> str | None:
    """The lower-cased abbreviation that `token` (a word before a period) is, or None."""
    bare = token.lower()
    if bare not in ABBREVIATIONS or (bare in _CAPITALISED_ONLY and not token[:1].isupper()):
        return None
    return bare


# Words that start a sentence after an initialism ("in the U.S. The next day"), but rarely follow one
# inside a name ("E.H. Carr", "U.S. Army").
_STARTERS = frozenset(
    ["The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet", "In", "On", "At", "By", "For", "From", "With", "As", "If", "When", "While", "After", "Before", "Although", "Though", "This", "That", "These", "Those", "There", "Here", "His", "Her", "Its", "Their", "Our", "My", "Your", "However", "Meanwhile", "Then", "Now", "Still", "Some", "Many", "Most", "Such", "What", "Why", "How", "Who"]
)  # fmt: skip

# Candidate sentence ends: ., !, ?, … (with closing quotes or brackets) before whitespace or the end,
# or a single ., ! or ? glued to a capitalised word ("Volgoda.Stalin", "2016.A record").
# (Each pattern starts with the mark, not a look-behind, so the regex engine can skip ahead fast.)
# Only the first mark of a run starts a match (the look-behind), so "!" * 40000 is one linear scan, not quadratic.
_BOUNDARY = re.compile(
    r"""[.!?…](?<![.!?…][.!?…])(?:[.!?…]*['"’”»)\]]*(?=\s|$)"""
    r"""|(?<=[^\W_][.!?])['"’”»)\]]?(?=[A-Z](?:[a-z]|\s)))"""
)
# The token before a mark: skip to the last character that cannot be in it, then take the rest
# (one anchored match; a search would retry from every position of the window).
_TOKEN_BEFORE = re.compile(r"(?:.*[^\w.])?([\w.]*\w)\Z", re.DOTALL)
_OPENERS = "\"'‘“«([¿¡"
_CLOSERS = frozenset("\"'’”»)]")
# Top-level domains and file extensions: "Amazon.Com", "ASP.Net" are names, not glued sentences.
DOMAIN_WORDS = frozenset(
    ["com", "org", "net", "edu", "gov", "mil", "int", "io", "info", "biz", "tv", "uk", "us", "de", "fr", "ru", "cn", "jp", "au", "ca", "eu", "html", "htm", "php", "asp", "aspx", "jsp", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "json", "xml", "jpg", "jpeg", "png", "gif", "svg", "mp3", "mp4", "avi", "mov", "wav", "zip", "rar", "gz", "tar", "exe", "dll", "js", "py", "css", "md"]
)  # fmt: skip


def token_before(text: str, dot: int) -> str:
    """The word (with inner dots, as in "U.S" or "e.g") that ends right before `dot`."""
    match = _TOKEN_BEFORE.match(text, max(0, dot - 24), dot)
    return match.group(1) if match else ""


def is_glued_sentence_end(text: str, mark: int) -> bool:
    """True when the `.`/`!`/`?` at `mark`, glued to a capital, really ends a sentence.

    "Volgoda.Stalin", "19808.Eight", "USSR.The", "home.”Then" are; initials ("E.H.Carr"),
    abbreviations ("Dr.Smith"), domains ("Amazon.Com"), URLs, e-mail addresses and file paths are not.
    """
    before = token_before(text, mark)
    if not before or "." in before or "_" in before:
        return False
    if abbreviation(before) or (len(before) == 1 and before.islower()):
        return False  # "e.g", and brands written with a small letter ("e.Consult", "i.Sense")
    nxt = mark + 2 if text[mark + 1 : mark + 2] in _CLOSERS else mark + 1
    after = _WORD_AFTER.match(text, nxt)
    if after is None:
        return False
    if before.isupper() and not (before.isalpha() and len(before) > 1 and after.group() in _STARTERS):
        return False  # an initial ("F.Kennedy"), a code ("A4.Next"), a name ("MWC.News"); but "USSR.The"
    if after.group().lower() in DOMAIN_WORDS or _DOMAIN_TAIL.match(text, after.end()):
        return False  # "Amazon.Com", "Celebrity.MySpace.com"
    if _CODE_TAIL.match(text, after.end()):
        return False  # code: "Microsoft.Extensions.Logging", "Math.Max(a, b)"
    if len(before) <= 3 and before.islower() and _INNER_CAPITAL.search(after.group()):
        return False  # a module and its class: "io.BytesIO", "np.NaN", "os.PathLike"
    if _INNER_CAPITAL.search(before, 2) and after.group() not in _STARTERS:
        return False  # a class and its member: "UserRepository.Get", "HttpClient.Send" (not "YouTube.The")
    if text[nxt + 1 : nxt + 2].isspace() and not (before.isdigit() and len(before) >= 3) and not before[-1].islower():
        return False  # a one-letter word ("2016.A record") counts only after a word or a year
    return not in_address(text, mark)


_WORD_AFTER = re.compile(r"[^\W\d_]+")
_DOMAIN_TAIL = re.compile(r"(?:\.\w+)*\.(?:" + "|".join(sorted(DOMAIN_WORDS)) + r")\b", re.IGNORECASE)
_CODE_TAIL = re.compile(r"\.\w|\(")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_ADDRESS_MARKS = ("://", "www.", "@", "/", "\\", "=", "&")


def in_address(text: str, position: int) -> bool:
    """True when `position` lies in a whitespace-delimited token that looks like a URL, e-mail or path."""
    start = position
    limit = max(0, position - 200)
    while start > limit and not text[start - 1].isspace():
        start -= 1
    end = position
    limit = min(len(text), position + 200)
    while end < limit and not text[end].isspace():
        end += 1
    token = text[start:end]
    return any(mark in token for mark in _ADDRESS_MARKS)


def _next_word_start(text: str, position: int, end: int) -> int:
    """Offset of the first character of the next word, past whitespace and opening quotes."""
    while position < end and (text[position].isspace() or text[position] in _OPENERS):
        position += 1
    return position


def _ends_sentence(text: str, first: int, stop: int, end: int) -> bool:
    """Decide whether the punctuation `text[first:stop]`, followed by whitespace, ends a sentence."""
    nxt = _next_word_start(text, stop, end)
    if nxt >= end:
        return True
    following = text[nxt]
    if following.islower():
        return False  # "Yahoo! has", "wait... what", "e.g. the": a sentence starts with a capital
    if text[first] != "." or text.startswith("..", first):
        return True  # ! ? … and ellipses
    before = token_before(text, first)
    bare = abbreviation(before)
    if bare in NONFINAL_ABBREVIATIONS:
        return False  # "Dr. Smith", "No. 5"
    if len(before) == 1 and before.isupper():
        return False  # an initial: "E. Carr", "John F. Kennedy"
    if "." in before or bare in FINAL_ABBREVIATIONS:
        # "U.S.S.R.", "E.H.", "p.m.", "etc.": a sentence end only before a typical first word
        word = _WORD_AFTER.match(text, nxt)
        return word is not None and word.group() in _STARTERS
    return True


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of `text[start:end]`, trimmed of surrounding whitespace.

    Handles abbreviations and initials (Dr., U.S.S.R., E.H. Carr), decimals (22.6),
    closing quotes after the end mark, ellipses, and periods glued to the next
    sentence ("Volgoda.Stalin"), which scrapes produce often.
    """
    return _split_at(text, start, end, _BOUNDARY.finditer(text, start, end))


def _split_at(text: str, start: int, end: int, marks: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    """`split_sentences` given the `_BOUNDARY` matches inside `[start, end)` (found in any wider scan)."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in marks:
        first, stop = match.span()
        if stop < end and not text[stop].isspace():
            if stop + 1 >= end or not is_glued_sentence_end(text, first):
                continue  # (a capital that ends the range: "word.A" is no glued sentence)
        elif not _ends_sentence(text, first, stop, end):
            continue
        while text[cursor].isspace():  # (`_append_trimmed` inline: the match ends in a mark or a closer, or
            cursor += 1  # is empty before a capital, so only the start needs trimming)
        if cursor < stop:
            spans.append((cursor, stop))
        cursor = stop
    _append_trimmed(text, cursor, end, spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _ranges(firsts: Sequence[int], total: int) -> _Ranges:
    """Word ranges of consecutive spans that hold every word: each range ends where the next begins."""
    return _Ranges(firsts, total)


def _looks_hard_wrapped(text: str) -> bool:
    """Blank-line separated blocks of short lines (Markdown, e-mail) rather than one line per paragraph."""
    if "\n\n" not in text:  # (checked first: it is rare and rules out most texts without splitting them)
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 8:
        return False
    long_lines = sum(1 for line in lines if len(line) > 100)
    wrapped = sum(1 for a, b in pairwise(lines) if 40 <= len(a) <= 100)
    return long_lines == 0 and wrapped > len(lines) * 0.6


class Document:
    """The analysed text of one field of an article (the body, by default)."""

    def __init__(self, article: Article, field: str = "text", language: str | None = None) -> None:
        self.article = article
        self.field = field
        self.text: str = article.field_text(field) or ""
        self._fixed_language = language  # config `language = "de"` / `--language de`: every paragraph is that

    # -- language (see lint/language.py) ------------------------------------------------

    @property
    def language_fixed(self) -> bool:
        """Whether config or `--language` fixed the language of every paragraph (nothing is guessed)."""
        return self._fixed_language is not None

    @cached_property
    def language(self) -> str:
        """The article's language: fixed by config, else the record's tag, else guessed from its longest
        paragraphs; "und" when it cannot be told (too short, no letters, the model unsure)."""
        if self._fixed_language:
            return self._fixed_language
        if self.article.language:
            return self.article.language
        starts, ends = self.paragraph_spans
        return _language.guess_article(_language.sample_spans(self.text, starts, ends))

    def language_at(self, offset: int) -> str:
        """The language of the paragraph holding `offset` (or the one before a gap between paragraphs).

        A paragraph long enough to tell is guessed on its own (an Italian product list in an English
        article); a short one, or one the model is unsure of, has the article's language.
        """
        if self._fixed_language:
            return self._fixed_language
        starts = self.paragraph_spans[0]
        index = bisect_right(starts, offset) - 1
        if index < 0:
            return self.language
        return self.paragraph_language(index)

    def paragraph_language(self, index: int) -> str:
        """The language of paragraph `index`, guessed once, when first asked."""
        cache = self._paragraph_languages
        found = cache.get(index)
        if found is None:
            if self._fixed_language:
                found = self._fixed_language
            else:
                starts, ends = self.paragraph_spans
                found = _language.paragraph_guess(self.text[starts[index] : ends[index]], self.language)
            cache[index] = found
        return found

    @cached_property
    def _paragraph_languages(self) -> dict[int, str]:
        return {}

    @cached_property
    def language_presence(self) -> dict[tuple[str, ...], bool]:
        """Per set of languages, whether a paragraph is in one of them (filled by lint/language_gate.py)."""
        return {}

    @cached_property
    def languages(self) -> frozenset[str]:
        """Every language of the text: the article's and each paragraph's (guesses every long paragraph)."""
        found = {self.language}
        if not self._fixed_language:
            found.update(map(self.paragraph_language, range(len(self.paragraph_spans[0]))))
        return frozenset(found)

    @cached_property
    def line_texts(self) -> list[str]:
        """The text of every line, blank ones included, without its newline: one split, shared by all rules."""
        return self.text.split("\n")

    @cached_property
    def line_starts(self) -> list[int]:
        """Offset of the first character of every line (a running sum of the lines' lengths)."""
        lengths = map(add, map(len, self.line_texts), repeat(1))  # each line and its newline
        starts = list(accumulate(lengths, initial=0))
        starts.pop()  # (the end of the text plus one)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; column counts code points."""
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    @cached_property
    def lines(self) -> Sequence[Span]:
        """Every line, blank ones included, without its newline (each `Span` made when read: no rule reads all)."""
        return _Lines(self.line_starts, len(self.text))

    @cached_property
    def hard_wrapped(self) -> bool:
        """Whether paragraphs are blocks between blank lines (Markdown, e-mail) rather than lines."""
        return _looks_hard_wrapped(self.text)

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Non-blank lines, trimmed; blocks between blank lines when the text is hard-wrapped."""
        return list(map(Paragraph, *self.paragraph_spans, count()))

    @cached_property
    def paragraph_spans(self) -> tuple[array[int], array[int]]:
        """Start and end of every paragraph: the cheap form of `paragraphs`, for rules that need only offsets."""
        pattern = _BLOCK if self.hard_wrapped else _NONBLANK_LINE
        # Offsets live in arrays (8 bytes each) rather than lists of ints (36): `'x\n' * 2_000_000` took
        # ~850 bytes a line before (issue #20). One match at a time: a list of them cost ~100 bytes a line.
        spans = array("q", chain.from_iterable(map(_MATCH_SPAN, pattern.finditer(self.text))))
        return spans[0::2], spans[1::2]

    @cached_property
    def sentences(self) -> Sequence[Sentence]:
        """Every sentence, in text order (each `Sentence` made when read, from `sentence_spans`)."""
        return _Sentences(*self.sentence_spans)

    @property
    def sentence_spans(self) -> tuple[array[int], array[int], array[int]]:
        """Start, end and paragraph index of every sentence: the cheap form of `sentences`, no object each."""
        return self._sentence_split[:3]

    @cached_property
    def _sentence_split(self) -> tuple[array[int], array[int], array[int], array[int]]:
        """`sentence_spans`, and the index of every paragraph's first sentence."""
        text = self.text
        firsts, starts, ends, numbers = array("q"), array("q"), array("q"), array("q")
        # One scan of the whole text for end marks; a paragraph without one is a single sentence (most
        # lines of a page: menus, captions, headings). Marks never straddle paragraphs.
        marks = _BOUNDARY.finditer(text)
        mark = next(marks, None)
        mark_start = mark.start() if mark else len(text)
        for number, (start, end) in enumerate(zip(*self.paragraph_spans, strict=False)):
            firsts.append(len(starts))
            if mark_start < end:
                inside = []
                while mark is not None and mark_start < end:
                    inside.append(mark)
                    mark = next(marks, None)
                    mark_start = mark.start() if mark else len(text)
                if inside[-1].end() == end:  # a mark that ends the paragraph splits nothing off (most lines
                    inside.pop()  # that hold one sentence): `_split_at` would end the last sentence there anyway
                if inside:
                    for first, last in _split_at(text, start, end, inside):
                        starts.append(first)
                        ends.append(last)
                        numbers.append(number)
                    continue
            starts.append(start)
            ends.append(end)
            numbers.append(number)
        return starts, ends, numbers, firsts

    @cached_property
    def word_starts(self) -> array[int]:
        """Start offset of every word, in text order.

        The cheap form of `words` for rules that need only offsets: one regex split and a running sum,
        no object per word. (Words never straddle a sentence boundary, so splitting the whole text gives
        the words of every sentence in order.)
        """
        pieces = self._word_split  # gap, word, gap, ..., word, gap: a word starts at every second sum
        return array("q", islice(accumulate(map(len, pieces)), 0, len(pieces) - 1, 2))

    @cached_property
    def word_spans(self) -> tuple[array[int], array[int]]:
        """Start and end offsets of every word, in text order (ends are computed only when asked for)."""
        starts = self.word_starts
        return starts, array("q", map(add, starts, map(len, self.word_texts)))

    @cached_property
    def word_texts(self) -> list[str]:
        """The text of every word, in order: `text[start:end]` for each pair of `word_spans`."""
        return self._word_split[1::2]

    @property
    def word_pieces(self) -> list[str]:
        """Gap, word, gap, ..., word, gap: the text cut at its words (`word_texts` are every second piece)."""
        return self._word_split

    @cached_property
    def _word_split(self) -> list[str]:
        """Gaps and words alternating, from one regex split (the text is their concatenation)."""
        return word_split(self.text)

    @cached_property
    def sentence_words(self) -> Sequence[tuple[int, int]]:
        """For each sentence, the range `[a, b)` of its words' indexes in `word_starts`."""
        return _ranges(self._sentence_first_words, len(self.word_starts))

    @cached_property
    def paragraph_words(self) -> Sequence[tuple[int, int]]:
        """For each paragraph, the range `[a, b)` of its words' indexes in `word_starts`."""
        # A paragraph's first sentence starts where it starts, so it has the same first word.
        firsts = array("q", map(self._sentence_first_words.__getitem__, self._sentence_split[3]))
        return _ranges(firsts, len(self.word_starts))

    @cached_property
    def _sentence_first_words(self) -> array[int]:
        """Index in `word_starts` of each sentence's first word (or of the next word, if it has none)."""
        return array("q", map(partial(bisect_left, self.word_starts), self.sentence_spans[0]))

    @property
    def words(self) -> Sequence[Word]:
        """Every word with its sentence, as `Word` objects built only when read.

        Reading `words` tokenises the text (`word_spans`, `sentence_words`); the objects themselves are
        made only for a caller that iterates or indexes them.
        """
        self.sentence_words  # noqa: B018 - the tokenisation is part of the shared analysis
        return self._words

    @cached_property
    def _words(self) -> _Words:
        return _Words(self)

    def for_field(self, field: str) -> Document:
        """The document of another field of the same article (title, published, ...)."""
        return Document(self.article, field)


class _Words(Sequence[Word]):  # noqa: PLW1641 -- unhashable, like the list it stands for
    """`Document.words`: a read-only list of `Word` built on access from `word_spans`."""

    __slots__ = ("_doc", "_list")

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._list: list[Word] | None = None

    def __len__(self) -> int:
        return len(self._doc.word_starts)

    def __iter__(self) -> Iterator[Word]:
        if self._list is not None:
            yield from self._list
            return
        starts, ends = self._doc.word_spans
        for sentence, (a, b) in enumerate(self._doc.sentence_words):
            for i in range(a, b):
                yield Word(starts[i], ends[i], sentence)

    @overload
    def __getitem__(self, index: int) -> Word: ...
    @overload
    def __getitem__(self, index: slice) -> list[Word]: ...
    def __getitem__(self, index: int | slice) -> Word | list[Word]:
        if self._list is None:  # indexed access: build the list once
            self._list = list(self)
        return self._list[index]

    def __eq__(self, other: object) -> bool:
        return list(self) == other if isinstance(other, list | _Words) else NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))


class _Sentences(Sequence[Sentence]):  # noqa: PLW1641 -- unhashable, like the list it stands for
    """`Document.sentences`: a read-only list of `Sentence`, each made from `sentence_spans` on access."""

    __slots__ = ("_ends", "_paragraphs", "_starts")

    def __init__(self, starts: Sequence[int], ends: Sequence[int], paragraphs: Sequence[int]) -> None:
        self._starts, self._ends, self._paragraphs = starts, ends, paragraphs

    def __len__(self) -> int:
        return len(self._starts)

    def __iter__(self) -> Iterator[Sentence]:
        return map(Sentence, self._starts, self._ends, self._paragraphs, count())

    @overload
    def __getitem__(self, index: int) -> Sentence: ...
    @overload
    def __getitem__(self, index: slice) -> list[Sentence]: ...
    def __getitem__(self, index: int | slice) -> Sentence | list[Sentence]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._starts)))]
        if index < 0:
            index += len(self._starts)
        if not 0 <= index < len(self._starts):
            raise IndexError("sentence index out of range")
        return Sentence(self._starts[index], self._ends[index], self._paragraphs[index], index)

    def __eq__(self, other: object) -> bool:
        return list(self) == other if isinstance(other, list | _Sentences) else NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))


class _Ranges(Sequence[tuple[int, int]]):  # noqa: PLW1641 -- unhashable, like the list it stands for
    """`sentence_words`/`paragraph_words`: ranges `(firsts[i], firsts[i + 1])` made on access.

    A list of tuples cost ~100 bytes per line of text (issue #20); this holds only the list of firsts.
    """

    __slots__ = ("firsts", "total")

    def __init__(self, firsts: Sequence[int], total: int) -> None:
        self.firsts, self.total = firsts, total  # `firsts` is shared: read it, never change it

    def __len__(self) -> int:
        return len(self.firsts)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        firsts = self.firsts
        return zip(firsts, chain(islice(firsts, 1, None), (self.total,)), strict=False)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, int]]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.firsts)))]
        firsts = self.firsts
        first = firsts[index]  # raises IndexError like a list
        following = index + 1 if index >= 0 else len(firsts) + index + 1
        return first, firsts[following] if following < len(firsts) else self.total

    def __eq__(self, other: object) -> bool:
        return list(self) == other if isinstance(other, list | _Ranges) else NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))


class _Lines(Sequence[Span]):  # noqa: PLW1641 -- unhashable, like the list it stands for
    """`Document.lines`: a read-only list of line `Span`s, each made from `line_starts` on access."""

    __slots__ = ("_length", "_starts")

    def __init__(self, starts: list[int], length: int) -> None:
        self._starts, self._length = starts, length

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Span: ...
    @overload
    def __getitem__(self, index: slice) -> list[Span]: ...
    def __getitem__(self, index: int | slice) -> Span | list[Span]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._starts)))]
        starts = self._starts
        start = starts[index]  # raises IndexError like a list
        following = index + 1 if index >= 0 else len(starts) + index + 1
        return Span(start, starts[following] - 1 if following < len(starts) else self._length)

    def __eq__(self, other: object) -> bool:
        return list(self) == other if isinstance(other, list | _Lines) else NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))
