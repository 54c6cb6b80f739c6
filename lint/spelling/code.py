"""Code in prose: lines and pages that hold code signs, where an unknown word is an identifier, not a typo.

A word on a line with a code sign (snake_case, `f()`, `::`, `--flag`, a file name, `[z,j]`, backticks,
camelCase, `a=b`), or on a short command-like line next to one ("poetry add yapapi" above
"YAGNA_PAYMENT_DRIVER"), is a command, a flag or a module name ("tar xvf", "tcpd", "ebuild"). On a page with
several such lines, a word made of a known word and a one- or two-letter prefix ("ctypes", "ebuild") or of
two known words ("rustup") is an identifier too. None of this is a list of words: it is the shape of code.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scrapelint.spelling.lexicon import lexicon

_CODE_SIGN = re.compile(
    r"\b[A-Za-z0-9]+_\w"  # snake_case, CONSTANT_NAME
    r"|\b\w+\((?!s\))[^()\s]*\)"  # a call: "dict()", "bool(x)"; not "author(s)"
    r"|::|->|=>|==|!=|&&|\|\||\$\(|#!|</?[a-z]+>"
    r"|(?<!\S)--?[a-z][\w-]*"  # flags: "--with-tcp-wrappers", "-v"
    r"|\b[a-z_]\w+\.[a-z_]\w+"  # attributes and file names: "rsyncd.conf", "sys.path"
    r"|(?<![\w.])\.[a-z][a-z0-9]{0,4}\b"  # a bare extension: ".rar"
    r"|\[\w+(?:,\w+)+\]"  # "[z,j]"
    r"|`[^`\s][^`]*`"  # backticks
    r"|\b[a-z]{2,}[A-Z][a-z]"  # camelCase inside a word ("getElementById"; not "iPhone", "eBay")
    r"|\w=\S|\S=\w"  # assignments: "x=1", "'=python-3.x*'"
    r"|^(?: {4}|\t)\S"  # an indented (monospace) line
)
_SENTENCE_END = re.compile(r"[.!?:;,)\"”’]\s*$")
COMMAND_WORDS = 5  # a line this short, lower-case first and unpunctuated, next to code, is a command
TECHNICAL_LINES = 3  # a page with this many code lines is about code


_VOWEL = re.compile(r"[aeiouyAEIOUY]")
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
NEAR = 40  # characters: a word this close to a code sign, in its sentence, is part of the command


def near_sign(line: str, start: int, end: int) -> bool:
    """Whether a code sign stands within `NEAR` characters of `line[start:end]`, with no sentence break between."""
    for sign in _CODE_SIGN.finditer(line, max(0, start - NEAR - 20), min(len(line), end + NEAR)):
        if sign.end() <= start and start - sign.end() <= NEAR:
            between = line[sign.end() : start]
        elif sign.start() >= end and sign.start() - end <= NEAR:
            between = line[end : sign.start()]
        elif sign.start() < end and start < sign.end():
            return True
        else:
            continue
        if not _SENTENCE_BREAK.search(between):
            return True
    return False


def code_line(line: str) -> bool:
    """Whether `line` holds a code sign."""
    return _CODE_SIGN.search(line) is not None


def _command_like(line: str) -> bool:
    """A short line starting lower-case with no sentence punctuation at its end: "poetry add yapapi"."""
    stripped = line.strip()
    return (
        bool(stripped)
        and stripped[0].islower()
        and len(stripped.split()) <= COMMAND_WORDS
        and not (_SENTENCE_END.search(stripped))
    )


class CodeLines:
    """Which lines of a text are code, each worked out when a suspect on it or next to it asks (most lines of
    most texts never are: they hold no suspect that survived the other filters)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[str] | None = None
        self._signed: dict[int, bool] = {}
        self._technical: bool | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines

    def signed(self, line_no: int) -> bool:
        """Whether line `line_no` holds a code sign."""
        found = self._signed.get(line_no)
        if found is None:
            found = self._signed[line_no] = code_line(self.lines[line_no])
        return found

    def _neighbour(self, line_no: int, step: int) -> int | None:
        """The nearest non-blank line before (step -1) or after (step 1) `line_no`."""
        lines = self.lines
        i = line_no + step
        while 0 <= i < len(lines) and not lines[i].strip():
            i += step
        return i if 0 <= i < len(lines) else None

    def on_code_line(self, line_no: int) -> bool:
        """A line with a code sign, or a short command-like line next to one (a code block)."""
        if self.signed(line_no):
            return True
        if not _command_like(self.lines[line_no]):
            return False
        return any(
            i is not None and self.signed(i) for i in (self._neighbour(line_no, -1), self._neighbour(line_no, 1))
        )

    def code_word(self, line_no: int, line: str, start: int, end: int) -> bool:
        """Whether `line[start:end]` is code: on a short command line of a code block, in the sentence of a
        code sign and near it, or on a code line with no vowel ("xvf", "tcpd")."""
        if not self.on_code_line(line_no):
            return False
        if not self.signed(line_no) or not _VOWEL.search(line, start, end):
            return True
        return near_sign(line, start, end)

    @property
    def technical(self) -> bool:
        """A page about code: several lines hold code signs."""
        if self._technical is None:
            self._technical = sum(map(self.signed, range(len(self.lines)))) >= TECHNICAL_LINES
        return self._technical


_PARTICLES = frozenset(["up", "in", "out", "on", "off"])  # "rustup", "setup", "login": a verb and its particle


@lru_cache(maxsize=20_000)
def identifier_shape(word: str) -> bool:
    """A lower-case word made like an identifier: a known word behind a one- or two-letter prefix ("ctypes",
    "ebuild") or two known words glued, the second of four letters or a particle ("rustup")."""
    lex = lexicon()
    trusted = lex.trusted
    for cut in (1, 2):
        rest = word[cut:]
        if len(rest) >= 4 and rest in trusted and lex.zipf(rest) >= 3.0:
            return True
    for i in range(4, len(word) - 1):
        head, tail = word[:i], word[i:]
        glued = (len(tail) >= 4 or tail in _PARTICLES) and head in trusted and tail in trusted
        if glued and lex.zipf(head) >= 3.0 and lex.zipf(tail) >= 3.0:
            return True
    return False
