"""FMT: spacing, punctuation and encoding glitches that scrapers and careless copy-editing leave.

Every check here is a compiled regular expression plus a few context tests, so
each rule costs one linear pass over the text. Exceptions (decimals, initials,
abbreviations, domains, URLs, ellipses) are tested only where a match occurs.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator

from scrapelint.document import (
    DOMAIN_WORDS,
    Document,
    abbreviation,
    in_address,
    is_glued_sentence_end,
    token_before,
)
from scrapelint.models import Applicability, Finding, Severity
from scrapelint.rule import Rule

# Tried only where a word starts (the lookbehind), so a search over the window is linear, not quadratic.
_WORD_BEFORE = re.compile(r"(?<![\w’'.-])[\w’'.-]*\w\Z")
_WORD_AFTER = re.compile(r"\w[\w’'-]*")


def _junction(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen `[start, end)` to the words glued on either side (at most 40 characters before), so a report
    shows `Brzola ,which`."""
    low = max(0, start - 40)
    before = _WORD_BEFORE.search(text[low:start])  # a slice: a word cut by the window starts at its start
    after = _WORD_AFTER.match(text, end)
    return (low + before.start() if before else start), (after.end() if after else end)


def _is_french(doc: Document, offset: int) -> bool:
    """French puts a (thin) space before ; : ! ? — that is correct there (the paragraph's language decides)."""
    return doc.language_at(offset) == "fr"


def _holds_any(text: str, chars: str) -> bool:
    """Whether `text` holds one of `chars`; a str search per character (memchr) is 4-10x faster than a regex class."""
    return any(char in text for char in chars)


# A pattern that starts with one literal character is scanned for with a fast string search; one that starts
# with a class ("[,;:.]") is tried at every position, 2-5x slower. So a class-led pattern is split into one
# pattern per character; their matches never overlap (each match holds one of the characters, at its start).


def _per_mark(marks: str, rest: str) -> tuple[re.Pattern[str], ...]:
    """One pattern per mark: the mark, then `rest` (where `.` in a lookbehind stands for the mark)."""
    return tuple(re.compile(re.escape(mark) + rest) for mark in marks)


def _matches(patterns: tuple[re.Pattern[str], ...], text: str) -> list[re.Match[str]]:
    """The matches of all `patterns`, in text order: those of the class-led pattern they were split from."""
    return sorted((match for pattern in patterns for match in pattern.finditer(text)), key=_match_start)


def _match_start(match: re.Match[str]) -> int:
    return match.start()


# The ASCII encoder finds non-ASCII characters in C, 10x faster than a regex class scan. This error handler
# writes DEL (0x7F) for each of them, so the encoded bytes keep the text's offsets and the non-ASCII runs are
# found by a fast search for DEL (an ASCII DEL of the text shows up too, which is harmless).
codecs.register_error("scrapelint-mark-non-ascii", lambda error: ("\x7f" * (error.end - error.start), error.end))  # type: ignore[attr-defined]
_DEL_RUN = re.compile(b"\x7f\x7f*")  # not "\x7f+": a pattern must start with a literal to be searched fast


def _non_ascii_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every run of non-ASCII characters (and of DEL characters) in `text`."""
    marked = text.encode("ascii", "scrapelint-mark-non-ascii")
    return (run.span() for run in _DEL_RUN.finditer(marked))


# -- FMT001 ---------------------------------------------------------------------

# The mark after a space; the space run and the word before it are checked in code (fast scan).
_SPACE_BEFORE = _per_mark(",;:.", r"(?<=[ \t].)")


class SpaceBeforePunctuation(Rule):
    code = "FMT001"
    name = "space-before-punctuation"
    summary = "A space stands before a comma, period, colon or semicolon."
    what = (
        "Finds a comma, period, semicolon or colon separated from the word it belongs to by a space "
        "(`Brzola ,which`, `power .Stalin`, `achieved , in part`). When the next word is glued to the "
        "mark, the space is on the wrong side and the fix moves it; a ` .` before a lower-case word "
        "(`Stalin .in the highest esteem`) is a stray period, and the (unsafe) fix removes it. Leaves alone decimals (`.45`), file "
        "extensions and domains (`.NET`, `.com`), spaced ellipses (`. . .`), emoticons, scores spaced on both "
        "sides (`5 : 1`), and `; :` in French."
    )
    why = (
        "In English the mark attaches to the word before it. A space before it is a sign of text glued "
        "together from HTML fragments or a bad OCR/copy; it also confuses sentence splitting and tokenisers."
    )
    example = "paper Brzola ,which exhibited   ->   paper Brzola, which exhibited"
    severity = Severity.warning
    fixable = "sometimes"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in _matches(_SPACE_BEFORE, text):
            mark_at = match.start()
            space = mark_at
            while space > 0 and text[space - 1] in " \t":
                space -= 1
            if space == 0 or not text[space - 1].isalnum():
                continue
            mark = text[mark_at]
            nxt = text[mark_at + 1 : mark_at + 2]
            if mark == "." and nxt == ".":
                continue  # " ..." is an ellipsis
            if nxt.isdigit():
                continue  # ".45 calibre", " ,000" in numbers
            if mark in ":;" and (not (nxt == "" or nxt.isspace()) or _is_french(doc, mark_at)):
                continue  # French spacing; emoticons ":)" and ":D"
            if mark == ":" and text[space - 1].isdigit() and text[mark_at + 2 : mark_at + 3].isdigit():
                continue  # a score or a ratio spaced on both sides: "5 : 1", "2 : 0 (1 : 0)"
            if mark == ".":
                if nxt == " " and text[mark_at + 2 : mark_at + 3] == ".":
                    continue  # spaced ellipsis ". . ."
                word = _WORD_AFTER.match(text, mark_at + 1)
                if word and (word.group().lower() in DOMAIN_WORDS or in_address(text, mark_at + 1)):
                    continue  # ".NET", ".com", " .example.org"
            if mark == "." and nxt.islower():
                # "held Stalin .in the highest esteem": the sentence goes on, so the period is a stray.
                fix = self.replace(space, mark_at + 1, " ", "unsafe", "remove the stray period")
                message = "stray '.' with a space before it, inside a sentence that goes on in lower case"
            elif nxt.isalpha():
                fix = self.replace(space, mark_at + 1, mark + " ", "safe", f"move the space after '{mark}'")
                message = f"space before '{mark}' and none after it: the space is on the wrong side of the mark"
            else:
                fix = self.replace(space, mark_at, "", "safe", f"remove the space before '{mark}'")
                message = f"space before '{mark}': the mark belongs right after the word"
            start, end = _junction(text, space, mark_at + 1)
            yield self.finding(doc, start, end, message, fix=fix)


# -- FMT002 ---------------------------------------------------------------------

# '?' glued to a capital is left to FMT009: in scrapes it is far more often a lost dash ("LONDON?The").
# A closing quote or bracket may stand between the mark and the next sentence ("home.”Then").
# (It starts with the mark's character class, so the regex engine scans for it fast.)
# The next sentence starts with a capital of any alphabet ("zraněn.Řidiči", "τραυματίες.Οι"): the pattern
# asks for a letter and then a letter or a space; `_starts_sentence` checks their case.
_GLUED_END = _per_mark(".!?", r"(?<=[^\W_].)(?:(?<![?])|(?=[”’»)]))[\"”’»)\]]?(?=[^\W\d_](?:[^\W\d_]|\s))")
# Two initials or three ("E.H.Carr"); one capital before a name is its spelling as often ("Folha de S.Paulo").
_GLUED_INITIAL = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}(?=[A-Z][a-z]{2,})")
_GLUED_INITIAL_HINT = re.compile(r"\.(?=[A-Z][a-z]{2,})")  # in every glued initial; rare, and found fast


def _glued_initials(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_GLUED_INITIAL.finditer(text)`, tried only in the 5 characters before each hint: a match is
    at most three initials ("E.H.") and ends at a hint's period (the next letter is a capital, then lower case)."""
    done = 0
    for hint in _GLUED_INITIAL_HINT.finditer(text):
        end = hint.start()
        for at in range(max(done, end - 5), end):
            if (match := _GLUED_INITIAL.match(text, at)) is not None:
                done = match.end()
                yield match
                break


def _starts_sentence(text: str, at: int) -> bool:
    """A capital at `at`, then a small letter or a space: how a sentence starts, in any cased alphabet."""
    return text[at].isupper() and (text[at + 1].islower() or text[at + 1].isspace())


class MissingSpaceAfterSentence(Rule):
    code = "FMT002"
    name = "missing-space-after-sentence"
    summary = "A sentence ends with no space before the next one (`Volgoda.Stalin`)."
    what = (
        "Finds a period or exclamation mark (possibly with a closing quote or bracket) glued to the "
        "capitalised word that starts the next sentence (`to Volgoda.Stalin escaped`, `19808.Eight "
        "months`, `in 2016.A record`, `go home.”Then`), in any alphabet with capitals (`zraněn.Řidiči`, "
        "`τραυματίες.Οι`). A `?` glued to a capital is usually a lost dash "
        "in a badly converted text, so only `?”` with a closing quote counts here (see FMT009). Not "
        "reported: abbreviations (U.S.S.R., e.g.), decimals (22.6%), version numbers, URLs, e-mail "
        "addresses, domains (RBC.ru, Amazon.Com) and file names. Two or three initials glued to a surname "
        "(`E.H.Carr`) and abbreviations glued to a name (`Dr.Smith`) are reported as info; one capital glued "
        "to a name is often its own spelling (`Folha de S.Paulo`) and is not."
    )
    why = (
        "Two sentences run together when a scraper drops the space or line break between them. Readers "
        "see one garbled word, sentence splitters see one sentence, and the glued token is not a word any "
        "search index or spelling dictionary knows."
    )
    example = "exiled to Volgoda.Stalin escaped   ->   exiled to Volgoda. Stalin escaped"
    severity = Severity.warning
    fixable = "sometimes"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in _matches(_GLUED_END, text):
            mark_at = match.start()
            at = match.end()
            if not _starts_sentence(text, at):
                continue
            if not text[at].isascii() and text[at + 1].isspace() and _in_mojibake(doc, at):
                continue  # "Ende.Â\u00a0": the capital is the first byte of a garbled no-break space, no word
            if not is_glued_sentence_end(text, mark_at):
                before = token_before(text, mark_at)
                if (
                    match.end() == mark_at + 1
                    and len(before) > 1
                    and abbreviation(before)
                    and before[0].isupper()
                    and text[mark_at + 2].isalpha()
                    and not in_address(text, mark_at)
                ):
                    start, end = _junction(text, mark_at, mark_at + 1)
                    yield self.finding(
                        doc,
                        start,
                        end,
                        f"no space after the abbreviation '{before}.'",
                        fix=self.replace(mark_at + 1, mark_at + 1, " ", "unsafe", "insert a space"),
                        severity=Severity.info,
                    )
                continue
            marks = match.group()
            # After a straight quote the space may belong before it ('said."Then' vs 'said. "Then').
            applicability: Applicability = "unsafe" if marks.endswith('"') else "safe"
            start, end = _junction(text, mark_at, match.end())
            yield self.finding(
                doc,
                start,
                end,
                f"no space after '{marks}': two sentences run together",
                fix=self.replace(match.end(), match.end(), " ", applicability, f"insert a space after '{marks}'"),
            )
        for match in _glued_initials(text):
            if in_address(text, match.start()):
                continue
            start, end = _junction(text, match.start(), match.end())
            yield self.finding(
                doc,
                start,
                end,
                f"no space between the initials '{match.group()}' and the name",
                fix=self.replace(match.end(), match.end(), " ", "unsafe", "insert a space"),
                severity=Severity.info,
            )


# -- FMT003 ---------------------------------------------------------------------

_GLUED_COMMA = re.compile(r",(?<=[^\W\d_]{2},)(?=[^\W\d_]{2})")


class MissingSpaceAfterComma(Rule):
    code = "FMT003"
    name = "missing-space-after-comma"
    summary = "A comma is glued to the next word (`etc,However`)."
    what = (
        "Finds a comma between two words with no space after it (`suppress dissent etc,However we`). "
        "Numbers (`1,600`), URLs, e-mail addresses and file paths are left alone; so are semicolons, "
        "which glue words together mostly in scraped code (`true;var`), not prose."
    )
    why = (
        "The glued pair reads as one unknown word to tokenisers, search and spelling checks; it usually "
        "means a scraper joined two text nodes or a line break was lost."
    )
    example = "suppress dissent etc,However we must   ->   suppress dissent etc, However we must"
    severity = Severity.warning
    fixable = "safe"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in _GLUED_COMMA.finditer(text):
            mark_at = match.start()
            mark = text[mark_at]
            if in_address(text, mark_at):
                continue
            start, end = _junction(text, mark_at, mark_at + 1)
            yield self.finding(
                doc,
                start,
                end,
                f"no space after '{mark}': the words on either side run together",
                fix=self.replace(mark_at + 1, mark_at + 1, " ", "safe", f"insert a space after '{mark}'"),
            )


# -- FMT004 ---------------------------------------------------------------------

# Two periods exactly (three are an ellipsis); doubled commas or semicolons; a period and a comma or
# semicolon side by side. "1..10" ranges and "../" paths are not prose.
_REPEATED = re.compile(r"\.(?<!\.\.)(?:\.(?![.\d/])|[,;])|,{2,}|;{2,}|[,;](?:[,;]|\.(?!\.))")
# Every match of _REPEATED starts with two of . , ; side by side: only there is it tried (a fast scan).
_MARK_PAIR = _per_mark(".,;", r"(?=[.,;])")


def _repeated_marks(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_REPEATED.finditer(text)`, tried only where two marks meet."""
    done = 0
    for pair in _matches(_MARK_PAIR, text):
        at = pair.start()
        if at >= done and (match := _REPEATED.match(text, at)):
            done = match.end()
            yield match


_STRENGTH = {".": 2, ";": 1, ",": 0}


class RepeatedPunctuation(Rule):
    code = "FMT004"
    name = "repeated-punctuation"
    summary = "Doubled or clashing punctuation (`missed it..`, `,,`, `Earth.,`)."
    what = (
        "Finds two periods where one is meant (`missed it..`), doubled commas or semicolons, and a period "
        "next to a comma or semicolon (`on Earth., Stalin's`). An ellipsis (`...`, `…`), `?!`, and an "
        "abbreviation's period before a comma (`etc.,`, `U.S.,`) are fine."
    )
    why = (
        "Doubled marks are typing or merge slips. They read as sloppy, and `..` is not an ellipsis: "
        "readers and sentence splitters cannot tell whether a thought trails off or a sentence ended."
    )
    example = "but he missed it.. Stalin   ->   but he missed it. Stalin"
    severity = Severity.warning
    fixable = "sometimes"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in _repeated_marks(text):
            start, end = match.span()
            marks = match.group()
            if marks[0] == "." and marks[1] != ".":
                before = token_before(text, start)
                if "." in before or abbreviation(before) or (len(before) == 1 and before.isupper()):
                    continue  # "etc.,", "U.S.,", "J.,"
                if before.istitle() and len(before) <= 5 and text.endswith(", ", 0, start - len(before)):
                    continue  # a place abbreviation in a dateline: "Elie, Man., when"
                if (before.isdigit() or (before.islower() and len(before) <= 4)) and doc.language_at(start) != "en":
                    continue  # an ordinal or a short abbreviation outside English: "(34., Foulelfmeter)", "rig.,"
            if in_address(text, start):
                continue
            if len(set(marks)) == 1:
                message = f"'{marks}': the mark is repeated"
                fix = self.replace(start, end, marks[0], "safe", f"keep one '{marks[0]}'")
            else:
                keep = max(marks, key=_STRENGTH.__getitem__)
                message = f"'{marks}': two different marks side by side; one of them is a leftover"
                fix = self.replace(start, end, keep, "unsafe", f"keep only '{keep}'")
            yield self.finding(doc, start, end, message, fix=fix)


# -- FMT005 ---------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\u2028\u2029]|\r(?!\n)")
# Every match of _CONTROL holds one of these (CR included): texts without any are skipped unscanned.
_CONTROL_ASCII = "".join(map(chr, [*range(0x09), *range(0x0B, 0x20), 0x7F]))
_CONTROL_ANY = _CONTROL_ASCII + "".join(map(chr, range(0x80, 0xA0))) + "\u2028\u2029"
_BREAKLIKE = "\x0b\x0c\r\x85\u2028\u2029"  # used as line breaks: between words they become a space
_CONTROL_NAMES = {
    "\x00": "NUL",
    "\x08": "backspace",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\r": "carriage return without a line feed",
    "\x1b": "escape",
    "\x7f": "delete",
    "\x85": "next line",
    "\u2028": "line separator",
    "\u2029": "paragraph separator",
}


class ControlCharacter(Rule):
    code = "FMT005"
    name = "control-character"
    summary = "A control character (NUL, ESC, vertical tab, stray CR, U+0080–U+009F, U+2028/U+2029)."
    what = (
        "Finds control characters other than tab, line feed and CR-LF: NUL, backspace, escape, form feed, "
        "vertical tab, a lone carriage return, DEL, the C1 controls U+0080–U+009F and the Unicode line and "
        "paragraph separators U+2028/U+2029 (between words they become a space; a lone carriage return, an "
        "old Mac line ending, becomes a line feed). C1 controls inside "
        "mojibake are left to FMT008, which repairs the whole sequence."
    )
    why = (
        "They are invisible or render as boxes, break JSON/XML consumers and terminals, and show that bytes "
        "were copied from a binary source or decoded with the wrong charset."
    )
    example = "Price:\\x0b$40   ->   Price: $40"
    severity = Severity.warning
    fixable = "safe"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        mojibake: list[tuple[int, int]] | None = None
        if not _holds_any(text, _CONTROL_ASCII if text.isascii() else _CONTROL_ANY):
            return
        reported = 0  # end of the last run reported: a run of one character is one finding (issue #20)
        for match in _CONTROL.finditer(text):
            start, end = match.span()
            if start < reported:
                continue
            char = match.group()
            if "\x80" <= char <= "\x9f":
                if mojibake is None:
                    mojibake = [span for span, _ in mojibake_spans(doc)]
                if any(s <= start < e for s, e in mojibake):
                    continue
            elif char != "\r":  # (a CR before a line feed is a line break, not part of a run)
                while text[end : end + 1] == char:
                    end += 1
                reported = end
            before = text[start - 1 : start]
            after = text[end : end + 1]
            if char == "\r":  # an old Mac line ending: "said.\r\rThe" is two paragraphs, not "said.The"
                fix = self.replace(start, end, "\n", "safe", "make it a line feed")
            elif char in _BREAKLIKE and before and after and not before.isspace() and not after.isspace():
                fix = self.replace(start, end, " ", "safe", "replace with a space")
            else:
                fix = self.delete(text, start, end, "safe", "delete it")
            name = _CONTROL_NAMES.get(char, "control character")
            yield self.finding(
                doc,
                start,
                end,
                (f"{end - start:,} × " if end - start > 1 else "")
                + f"{name} (U+{ord(char):04X}) in the text: invisible or shown as a box, and it breaks JSON/XML tools",
                fix=fix,
            )


# -- FMT006 ---------------------------------------------------------------------

_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_INVISIBLE_NAMES = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark / zero-width no-break space",
    "\u00ad": "soft hyphen",
    "\u180e": "Mongolian vowel separator",
}
# Scripts that need these characters (emoji sequences, Indic and Persian joiners, Thai word breaks)
# always put them between non-ASCII characters; between ASCII they are junk.
_JOINERS = "\u200b\u200c\u200d"


class InvisibleCharacter(Rule):
    code = "FMT006"
    name = "invisible-character"
    summary = "A zero-width or invisible character (zero-width space, BOM, soft hyphen, word joiner)."
    what = (
        "Finds zero-width spaces, word joiners, byte-order marks inside the text, soft hyphens and other "
        "invisible format characters. Zero-width joiners and non-joiners next to non-ASCII characters are "
        "left alone: emoji sequences (👩‍💻), Indic scripts and Persian need them, and Thai uses the "
        "zero-width space between words."
    )
    why = (
        "Invisible characters split words for search, deduplication and spell checking (`Sta\\u200blin` "
        "is not `Stalin`), and they are almost always debris from the HTML or CMS the text was scraped from."
    )
    example = "Sta\\u200blin   ->   Stalin"
    severity = Severity.warning
    fixable = "sometimes"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if text.isascii() or not _holds_any(text, _INVISIBLE_CHARS):  # isascii is O(1): the string knows
            return
        reported = 0  # a run of invisible characters is one finding, judged by the text around it (issue #20)
        for match in _INVISIBLE.finditer(text):
            start, end = match.span()
            if start < reported:
                continue
            while text[end : end + 1] and text[end] in _INVISIBLE_CHARS:
                end += 1
            reported = end
            char, run = match.group(), text[start:end]
            before = text[start - 1 : start]
            after = text[end : end + 1]
            if all(c in _JOINERS for c in run) and (_is_foreign(before) or _is_foreign(after)):
                continue
            if char == "\u00ad" and _is_foreign(before) and _in_mojibake(doc, start):
                continue  # the second byte of "Ã­" (í read as Windows-1252): FMT008 repairs the whole of it
            name = _INVISIBLE_NAMES.get(char, "invisible format character")
            between_letters = before.isalpha() and after.isalpha()
            applicability: Applicability = "unsafe" if "\u200b" in run and between_letters else "safe"
            what = f"{len(run):,} invisible characters in a row, from a " if len(run) > 1 else "invisible "
            yield self.finding(
                doc,
                start,
                end,
                f"{what}{name} (U+{ord(char):04X}): it hides in the text and splits words for search and matching",
                fix=self.delete(text, start, end, applicability, "delete it"),
                severity=Severity.info if char == "\u00ad" else None,
            )


def _in_mojibake(doc: Document, at: int) -> bool:
    return any(start <= at < end for (start, end), _ in mojibake_spans(doc))


def _is_foreign(char: str) -> bool:
    return bool(char) and ord(char) > 0x7F and not char.isspace()


# -- FMT007 ---------------------------------------------------------------------

_REPLACEMENT = re.compile("\ufffd+")


class ReplacementCharacter(Rule):
    code = "FMT007"
    name = "replacement-character"
    summary = "U+FFFD replacement characters (�): text was decoded with errors and characters were lost."
    what = "Finds each run of U+FFFD REPLACEMENT CHARACTER, the mark a decoder leaves where bytes were invalid."
    why = (
        "The original characters are gone (often quotes, dashes or accented letters), so the text cannot be "
        "repaired from itself: re-fetch or re-decode the source with the right charset."
    )
    example = "Kosovo\ufffds future   (the apostrophe was lost)"
    severity = Severity.error

    def check(self, doc: Document) -> Iterator[Finding]:
        if "\ufffd" not in doc.text:
            return
        for match in _REPLACEMENT.finditer(doc.text):
            count = match.end() - match.start()
            yield self.finding(
                doc,
                match.start(),
                match.end(),
                f"{count} replacement character{'s' if count > 1 else ''} (U+FFFD): the original text was lost"
                " when it was decoded",
            )


# -- FMT008 ---------------------------------------------------------------------

# The code pages whose reading of UTF-8 bytes makes the mojibake this rule repairs: Western (Latin-1,
# Windows-1252) and Central European (Windows-1250, ISO-8859-2). ftfy registers the "sloppy" codecs (a code
# page's undefined bytes read as C1 controls, as browsers do) and tries the same ones among its own.
_CODE_PAGES = ("sloppy-windows-1252", "sloppy-windows-1250", "latin-1", "iso-8859-2")
# The characters the upper half of these code pages (bytes 0x80-0xFF) decodes to: every such mojibake is a run
# of them (the bytes of a UTF-8 character are never ASCII). Made from the standard codecs, so that start-up
# does not import ftfy.
_MOJIBAKE_CHARS = "".join(
    sorted(
        {
            char
            for page in ("latin-1", "cp1252", "cp1250", "iso-8859-2")
            for char in bytes(range(0x80, 0x100)).decode(page, "ignore")
        }
    )
)
_MOJIBAKE_RUN = re.compile(f"[{re.escape(_MOJIBAKE_CHARS)}]+")
# The bytes of a UTF-8 character are two characters or more in any code page, and no ASCII: a lone non-ASCII
# character between ASCII ones is mojibake only as a C1 control, a Windows-1252 byte read as Latin-1 (ftfy's
# detector finds nothing else in so short a window).
_C1_CHARS = frozenset(map(chr, range(0x80, 0xA0)))
_C1 = re.compile("[\x80-\x9f]")
_C1_PAGES = ("sloppy-windows-1252", "sloppy-windows-1250")  # the code pages a C1 control may have been read from


_WORD_REACH = 20  # characters on each side of a run that ftfy is shown: the word it stands in


def _word(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the word around `start`..`end` (up to `_WORD_REACH` characters on each side)."""
    first, last = start, end
    while first > 0 and start - first < _WORD_REACH and not text[first - 1].isspace():
        first -= 1
    while last < len(text) and last - end < _WORD_REACH and not text[last].isspace():
        last += 1
    return first, last


def _in_its_word(text: str, start: int, end: int) -> str | None:
    """ftfy's repair of the run `start`..`end` read inside its word, when the repair changes the run only."""
    import ftfy
    from ftfy.badness import BADNESS_RE

    first, last = _word(text, start, end)
    if (first, last) == (start, end) or not BADNESS_RE.search(text, first, last):
        return None
    before, after = text[first:start], text[end:last]
    repaired = ftfy.fix_encoding(text[first:last])
    if repaired == text[first:last] or not repaired.startswith(before) or not repaired.endswith(after):
        return None
    return repaired[len(before) : len(repaired) - len(after)] or None


def _latin_letters(text: str) -> bool:
    return text.isalpha() and all(unicodedata.name(char, "").startswith("LATIN") for char in text)


def _misfit(before: str, run: str, after: str) -> bool:
    """Whether a run with the character on each side of it cannot be a spelling: a
    mark between two letters ("Å‚a", "Ă­t"), a capital right after a small letter ("jÄ™", "idiÄŤi"), or capitals
    alone before a small letter ("ĂĽber")."""
    if len(run) >= 2 and run.isupper() and run.isalpha() and after.islower():
        return True
    chars = before + run + after
    for i in range(1, len(chars)):
        one, two = chars[i - 1], chars[i]
        if two.isupper() and one.islower():
            return True
        if i + 1 < len(chars) and not two.isalpha() and one.isalpha() and chars[i + 1].isalpha():
            return True
    return False


def _utf8_in_word(text: str, start: int, end: int) -> str | None:
    """The letter(s) the run `start`..`end` is the UTF-8 of, read back through one of `_CODE_PAGES`, when that
    is certain: the run sits in a word and cannot be spelt so (`_misfit`), and its reading is Latin letters of
    the word's case that leave the word clean to ftfy's detector. ftfy's own detector misses Central-European
    runs ("ZarzÄ…d", "AlejÄ™", "ŽidiÄŤi") that look like a capital and a mark."""
    from ftfy.badness import is_bad

    before, after = text[start - 1 : start], text[end : end + 1]
    if not (before.isalpha() or after.isalpha()) or not _misfit(before, text[start:end], after):
        return None
    run = text[start:end]
    for page in _CODE_PAGES:
        try:
            repaired = run.encode(page).decode("utf-8")
        except UnicodeError:
            continue
        if not _latin_letters(repaired):
            continue
        if (before.islower() and not repaired.islower()) or (
            before.isupper() and after.isupper() and not repaired.isupper()
        ):
            continue  # "NESTLÉ®" is no "NESTLɮ"
        if not is_bad(before + repaired + after):  # (the word may hold other runs, repaired on their own)
            return repaired
    return None


def _c1_readings(char: str) -> list[str]:
    """What a C1 control stands for in the code pages it may have been read from (the defined readings)."""
    readings = {char.encode("latin-1").decode(page) for page in _C1_PAGES}
    return sorted(reading for reading in readings if not _C1.fullmatch(reading))


def _mojibake(text: str) -> Iterator[tuple[tuple[int, int], str | None]]:
    """Spans that ftfy's detector calls mojibake, with ftfy's repair of each.

    ftfy's detector regex runs only around runs of the code pages' characters (every such mojibake
    contains one), which keeps the rule fast on clean text. A lone C1 control that the code pages read
    differently (0x9C is 'œ' in Windows-1252 and 'ś' in Windows-1250) gets no repair: which is meant is a guess.
    """
    if text.isascii():
        return
    import ftfy  # here, not at start-up: ASCII text and runs without FMT never need it
    from ftfy.badness import BADNESS_RE

    # Every run is non-ASCII: it is searched for only inside the text's non-ASCII runs (10x faster); a lone
    # letter between ASCII ones ("é", "ř": most of the runs of text in Latin letters) is none.
    c1 = _C1_CHARS
    runs = (
        run
        for first, last in _non_ascii_spans(text)
        if last - first > 1 or text[first] in c1
        for run in _MOJIBAKE_RUN.finditer(text, first, last)
    )
    for run in runs:
        start, end = run.span()
        found: str | None = None
        if BADNESS_RE.search(text, max(0, start - 1), end + 1):
            found = ftfy.fix_encoding(text[start:end])
        if found in (None, text[start:end]) and end - start >= 2:
            # "Å‚" is mojibake to ftfy only inside "rozkÅ‚ady"; a lone "é" or "ü" (a run of one) is never any
            found = _in_its_word(text, start, end) or _utf8_in_word(text, start, end)
        if found is None or found == text[start:end]:
            continue
        repaired = found
        # Trim characters the repair kept as they were, so the span is exactly the garbled part.
        while len(repaired) > 1 and text[start] == repaired[0]:
            start, repaired = start + 1, repaired[1:]
        while len(repaired) > 1 and text[end - 1] == repaired[-1]:
            end, repaired = end - 1, repaired[:-1]
        if _C1.fullmatch(text[start:end]) and len(_c1_readings(text[start])) != 1:
            yield (start, end), None
            continue
        yield (start, end), repaired


def mojibake_spans(doc: Document) -> list[tuple[tuple[int, int], str | None]]:
    """The document's mojibake, found once and shared: FMT008 reports it, FMT005 and FMT006 leave the control
    characters and soft hyphens inside it alone (one defect, one finding)."""
    found = doc.__dict__.get("_fmt_mojibake")
    if found is None:
        found = doc.__dict__["_fmt_mojibake"] = list(_mojibake(doc.text))
    return found


class Mojibake(Rule):
    code = "FMT008"
    name = "mojibake"
    summary = "Mojibake: UTF-8 text decoded with the wrong charset (`â€™` for ’, `Ã©` for é)."
    what = (
        "Uses ftfy's detector (the same one `ftfy.fix_text` trusts) to find sequences such as `â€™`, "
        "`Ã©` or `Â£` that are UTF-8 bytes read as Windows-1252 or Latin-1, and offers ftfy's repair. "
        "Central-European letters garbled so (`ZarzÄ…d`, `AlejÄ™`) or read as Windows-1250/ISO-8859-2 "
        "(`Ĺ˝idiÄŤi`), which the detector misses, are read back through ftfy's codecs where the reading is "
        "certain: the run cannot be spelt so in its word (a mark between letters, a capital after a small "
        "letter) and reads as Latin letters of the word's case. A C1 control that the Windows code pages read "
        "differently (0x9C: `œ` in Windows-1252, `ś` in Windows-1250) is reported without a repair."
    )
    why = (
        "Mojibake is unreadable, breaks search and deduplication (`cafÃ©` ≠ `café`), and shows the page "
        "was decoded with the wrong charset — the same defect usually affects the whole scrape."
    )
    example = "didnâ€™t   ->   didn’t"
    severity = Severity.error
    fixable = "safe"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for (start, end), repaired in mojibake_spans(doc):
            if repaired is None:
                readings = " or ".join(f"'{reading}'" for reading in _c1_readings(text[start]))
                yield self.finding(
                    doc,
                    start,
                    end,
                    f"control character U+{ord(text[start]):04X}: a Windows code page's byte read as Latin-1; it "
                    f"stands for {readings}, depending on the code page (re-decode the source with its charset)",
                )
                continue
            quoted = _QUOTED_ALONE.fullmatch(text, max(0, start - 1), min(len(text), end + 1)) is not None
            yield self.finding(
                doc,
                start,
                end,
                f"mojibake '{text[start:end]}' (UTF-8 read with the wrong charset); it should read '{repaired}'"
                + (" (it stands alone in quotation marks: maybe quoted as an example)" if quoted else ""),
                fix=self.replace(
                    start, end, repaired, "unsafe" if quoted else "safe", f"replace with '{repaired}' (ftfy)"
                ),
            )


# a run alone between quotation marks: a text about mojibake quoting it ("a file full of "Ã©" is born")
_QUOTED_ALONE = re.compile(r"[\"“'‘«„`][^\s\"”'’»`]+[\"”'’»“`]")


# -- FMT009 ---------------------------------------------------------------------

# "Kosovo?s", "don?t", "I?m": a curly apostrophe the charset conversion turned into '?'.
_LOST_APOSTROPHE = re.compile(r"\?(?<=[^\W\d_]\?)(?=(?:s|t|re|ve|ll|d|m)\b)")
# "â??", "â?¦": the first byte of a UTF-8 quote or dash survived as 'â', the others became '?'.
_LOST_BYTES = re.compile(r"â\?+[^\sA-Za-z0-9]?")
# " ? " between words and "LONDON?The" (a lost dash), " ?Word" (a lost opening quote): reported only
# where the text already shows lost apostrophes, since a real question mark can look the same.
# It starts with the literal '?' (a fast scan); the three cases exclude one another, `quote` names the last.
_LOST_DASH_OR_QUOTE = re.compile(r"\?(?:(?<=\w \?)(?= \w)|(?<=\w\?)(?=[A-Z])|(?<=\s\?)(?P<quote>)(?=[A-Za-z]))")


class LostCharacter(Rule):
    code = "FMT009"
    name = "question-mark-for-lost-character"
    summary = "A '?' stands where a charset conversion lost a curly quote or dash (`Kosovo?s future`)."
    what = (
        "Finds question marks that cannot be punctuation: inside a word before s/t/re/ve/ll/d/m "
        "(`Kosovo?s`, `didn?t`), after a stray `â` (`â??`). In a text that shows such lost apostrophes, "
        "a `?` between spaced words or glued to a capital (`2008 ? The`, `LONDON?The`, a lost dash) or "
        "before a word (`?Persian Gulf`, a lost quote) is reported as info. URLs with query strings are left alone."
    )
    why = (
        "Converting text to a charset without curly quotes and dashes (ASCII, Latin-1) replaces them with "
        "'?'. Readers stumble, and search and spelling see `Kosovo?s` as an unknown word."
    )
    example = "on Kosovo?s future   ->   on Kosovo’s future"
    severity = Severity.warning
    fixable = "unsafe"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        evidence = False
        for match in _LOST_APOSTROPHE.finditer(text):
            at = match.start()
            if in_address(text, at):
                continue
            evidence = True
            start, end = _junction(text, at, at + 1)
            yield self.finding(
                doc,
                start,
                end,
                "'?' inside a word: an apostrophe was lost in a charset conversion",
                fix=self.replace(at, at + 1, "’", "unsafe", "restore the apostrophe"),
            )
        for match in _LOST_BYTES.finditer(text):
            evidence = True
            yield self.finding(
                doc,
                match.start(),
                match.end(),
                f"'{match.group()}': a quote or dash lost in a charset conversion (its UTF-8 bytes became '?')",
            )
        if not evidence:
            return
        for match in _LOST_DASH_OR_QUOTE.finditer(text):
            at = match.end() - 1
            if in_address(text, at) or _is_french(doc, at):
                continue
            quote = match.group("quote") is not None
            yield self.finding(
                doc,
                at,
                at + 1,
                "'?' where an opening quote was probably lost in a charset conversion"
                if quote
                else "'?' where a dash was probably lost in a charset conversion",
                severity=Severity.info,
            )


# -- FMT010 ---------------------------------------------------------------------

_HSPACE = "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
# Candidates only: runs of two or more, any tab or Unicode space, and a space before a line end.
_SPACE_RUN = re.compile(f"{_HSPACE}{{2,}}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]| (?=\r?\n|\\Z)")
_ODD_SPACES = "\t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_SINGLE_OK = frozenset(" \u00a0\u2009\u202f\u3000")  # a lone space, no-break space, thin space


def _describe(run: str) -> str:
    if "\t" in run:
        return "a tab"
    odd = [c for c in run if c != " "]
    if odd:
        return f"a {'no-break space' if odd[0] == chr(0xA0) else f'U+{ord(odd[0]):04X} space'}"
    return f"{len(run)} spaces"


class IrregularWhitespace(Rule):
    code = "FMT010"
    name = "irregular-whitespace"
    summary = "Runs of spaces, tabs or stray no-break spaces inside a line, or invisible trailing space."
    what = (
        "Finds, within a line: runs of two or more spaces, tabs, and unusual Unicode spaces between words; "
        "no-break spaces next to another space or at the start or end of a line (`By Harsh Thakor\\u00a0`); "
        "and trailing spaces. A single no-break or thin space between words (`10\\u00a0km`) is typography "
        "and is fine."
    )
    why = (
        "Scrapers leave `&nbsp;` padding and layout whitespace behind. It does not show on screen but breaks "
        "exact matching, deduplication and diffs, and makes two equal sentences look different."
    )
    example = "By Our Representative\\u00a0 The report   ->   By Our Representative The report"
    severity = Severity.info
    fixable = "safe"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        odd = "\t" if text.isascii() else _ODD_SPACES  # the only odd space in ASCII is the tab
        if not (
            "  " in text
            or " \n" in text
            or ("\r" in text and " \r" in text)
            or text.endswith(" ")
            or _holds_any(text, odd)
        ):
            return  # none of the candidates below can occur: fast string searches rule most texts out
        columns: dict[int, bool] = {}  # line number -> laid out in columns
        for match in _SPACE_RUN.finditer(text):
            start, end = match.span()
            run = match.group()
            before = text[start - 1] if start > 0 else "\n"
            after = text[end] if end < len(text) else "\n"
            line_start, line_end = before in "\n\r", after in "\n\r"
            if line_start and line_end:
                continue  # a blank line
            if line_end:
                message = f"trailing whitespace ({_describe(run)}) at the end of the line"
                fix = self.replace(start, end, "", "safe", "delete it")
            elif line_start:
                if run.strip(" \t") == "":
                    continue  # ordinary indentation
                message = f"{_describe(run)} at the start of the line"
                fix = self.replace(start, end, "", "safe", "delete it")
            else:
                if len(run) == 1 and run in _SINGLE_OK:
                    continue
                if run.strip(" \t") == "" and _in_columns(doc, start, columns):
                    continue  # the gap between two cells of a table laid out with tabs or spaces
                message = f"irregular whitespace inside a line: {_describe(run)} where one space belongs"
                fix = self.replace(start, end, " ", "safe", "replace with one space")
            yield self.finding(doc, start, end, message, fix=fix)


_CELL_GAP = re.compile(r"(?<=\S)(?:\t|  +)(?=\S)")  # a tab, or two spaces or more, between two cells


def _in_columns(doc: Document, at: int, columns: dict[int, bool]) -> bool:
    """Whether the line holding `at` is a row of a table laid out with tabs or runs of spaces, as the nearest
    non-blank line above or below it is: two gaps or more between cells in both ("Arsenal    38    84" under
    "Team    P    Pts"), or a tab between cells in both ("Price:<tab>$98" over "Weight:<tab>172 g")."""
    lines = doc.line_texts
    number = bisect_right(doc.line_starts, at) - 1
    if number not in columns:
        line = _layout(lines[number])
        above = next((lines[i] for i in range(number - 1, -1, -1) if lines[i].strip()), "")
        below = next((lines[i] for i in range(number + 1, len(lines)) if lines[i].strip()), "")
        columns[number] = line != (0, False) and any(_rows_alike(line, _layout(near)) for near in (above, below))
    return columns[number]


def _layout(line: str) -> tuple[int, bool]:
    """The gaps between the cells of a line, and whether one of them is a tab."""
    gaps = _CELL_GAP.findall(line)
    return len(gaps), any("\t" in gap for gap in gaps)


def _rows_alike(one: tuple[int, bool], two: tuple[int, bool]) -> bool:
    return (one[0] >= 2 and two[0] >= 2) or (one[1] and two[1])


RULES = [
    SpaceBeforePunctuation,
    MissingSpaceAfterSentence,
    MissingSpaceAfterComma,
    RepeatedPunctuation,
    ControlCharacter,
    InvisibleCharacter,
    ReplacementCharacter,
    Mojibake,
    LostCharacter,
    IrregularWhitespace,
]
