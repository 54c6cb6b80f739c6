"""DEB's lexicons: the data files of page-furniture phrases, compiled once per process, and a line's kind by them."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from scrapelint.rules.deb.firstchar import FirstCharDispatch, NeedleFilter
from scrapelint.rules.deb.text import _FIGURE
from scrapelint.rules.lexicon import alternation
from scrapelint.rules.lexicon import entries as lexicon_entries

DATA = Path(__file__).resolve().parent.parent / "data"  # rules/data

# -- the lexicon (data files, compiled once per process) ---------------------------

_EDGE_JUNK = " \t\u00a0•·|»«›‹>-–—:*#~=+"


def normalise(line: str) -> str:
    """Lower-cased line, curly apostrophes straightened, spaces collapsed, bullets/arrows trimmed."""
    if line.isascii():  # (an O(1) flag) an ASCII line holds no curly apostrophe or no-break space
        if "  " not in line and line.isprintable():  # single spaces, no tab or line break: nothing to collapse
            return line.lower().strip(_EDGE_JUNK)
    else:
        line = line.replace("’", "'").replace("\u00a0", " ")
        if "İ" in line:
            line = line.replace("İ", "i")  # Turkish capital I, which lower() makes "i" and a combining dot
    return " ".join(line.lower().split()).strip(_EDGE_JUNK)


@dataclass(frozen=True)
class Lexicon:
    """What the data files say: exact lines and whole-line patterns, by kind."""

    exact: dict[str, str]
    whole: FirstCharDispatch  # fullmatch on the normalised line; group name = kind
    cased: re.Pattern[str]  # fullmatch on the line as written (photo credits)
    cased_slash: re.Pattern[str]  # more of them, each of which needs a '/' ("Jane Doe/Getty Images")
    consent: NeedleFilter  # findall in the normalised line
    consent_words: re.Pattern[str]  # `_CONSENT_WORDS`: a line with none of them cannot hold a consent phrase
    meta: FirstCharDispatch  # match at the start of the normalised line
    comments: re.Pattern[str]  # fullmatch on the normalised line: a comment section opens
    related: re.Pattern[str]  # fullmatch on the normalised line: a list of other articles follows


def warm() -> None:
    """Build the lexicon and its alternations for the usual first characters of a normalised (lower-cased)
    line, once, before `--jobs` forks: ~0.05 s a process, paid once instead of once per worker."""
    lex = lexicon()
    for dispatch in (lex.whole, lex.meta):
        dispatch.warm(string.ascii_lowercase + string.digits)


def _entries(name: str) -> Iterator[str]:
    """A lexicon's entries with those of its translations (rules/lexicon.py)."""
    return lexicon_entries(DATA, name)


# A part of a word that every pattern of debris_consent.txt needs ("kie" of "cookies", "bscri" of "subscribe"),
# chosen to start with a rare letter, so the scan tries few places; `lexicon()` checks each pattern holds one.
_CONSENT_PARTS = (
    *("kie", "vacy", "wsle", "box", "k you", "xim", "bscri", "blocker", "gree", "gn up", "manage", "partn"),
    *("mail", "limit", "free", "mber", "ccount", "ccept", "consen"),  # consent, consenso, consentement
    # "Einverständnis", "Einwilligung", "Privatsphäre", "Datenschutz", "Zustimmung"; ru, tr: most start with a
    # letter that already starts a part, so the scan tries no new branch on a Latin line
    *("verst", "willig", "phär", "chutz", "zustimm", "куки", "соглас", "çerez", "wsbr"),  # "wsbr": nieuwsbrief
    # the word for cookie where a language has its own (issue #14), by a part that starts with a letter already
    # starting one, or a rare one: th, ms, ...
    *("คุกกี้", "kuki", "کوکی", "كوكيز", "الارتباط", "עוגיות", "कुकी", "কুকি", "குக்கீ"),  # fa ur ar he hi bn ta
    *("kolači", "колачић", "piškot", "бисквитк", "колачињ"),  # sr hr bs, sr, sl, bg, mk
    *("lapuk", "īkdat", "üpsis", "vafrak", "jonskap", "kakor", "väste"),  # lt, lv, et, is, no, sv, fi
    *("vidakuzi", "galetes", "üti"),  # sw, ca, hu (af "koekies" holds "kie")
)
# The same alternation with one branch per first letter ("b(?:ox|scri|locker)"): where a letter can start a
# part, the engine tries that letter's branch, not every part in turn (the scan is 15% faster, same matches).
_CONSENT_WORDS = re.compile(
    "|".join(
        f"{letter}(?:{'|'.join(part[1:] for part in parts)})"
        for letter, parts in groupby(sorted(_CONSENT_PARTS), itemgetter(0))
    )
)


_CAPTURE = re.compile(
    r"(?<!\\)\((?!\?)|\[[^\]]*\("
)  # "(" that opens a capturing group (or sits in a class: refused too)


_TOP_BAR = re.compile(r"\\.|\[(?:\\.|[^\]])*\]|[()|]")  # an escape, a character class, a bracket or a bar


def _top_branches(pattern: str) -> list[str]:
    """The alternatives of `pattern` at its top level: "a|b(?:c|d)" -> ["a", "b(?:c|d)"]."""
    branches, depth, start = [], 0, 0
    for token in _TOP_BAR.finditer(pattern):
        mark = token.group()
        depth += {"(": 1, ")": -1}.get(mark, 0)
        if mark == "|" and depth == 0:
            branches.append(pattern[start : token.start()])
            start = token.end()
    return [*branches, pattern[start:]]


def _needle(pattern: str) -> str | None:
    """The literal words a floating pattern needs: ".{0,160}\\ball rights reserved\\b.{0,160}" -> "all rights reserved"."""
    found = re.match(r"\.\{0,\d+\}(?:\\b)?([a-z ]{4,})(?![?*+{])", pattern)  # a letter before a quantifier is optional
    return found.group(1) if found and "|" not in pattern else None  # (an alternative might not need them)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Build the lexicon once per process; rules stay cheap to pickle because they hold none of it."""
    exact: dict[str, str] = {}
    whole: dict[str, list[str]] = {"ui": [], "ad": []}
    cased: list[str] = []
    cased_slash: list[str] = []
    for kind, name in (("ui", "debris_ui.txt"), ("weak", "debris_ui_weak.txt"), ("ad", "debris_ads.txt")):
        for entry in _entries(name):
            if entry.startswith("re:"):
                whole[kind if kind != "weak" else "ui"].append(entry[3:])
            elif entry.startswith("cs:"):
                cased.append(entry[3:])
            elif entry.startswith("cs/:"):
                cased_slash.append(entry[4:])
            else:
                exact.setdefault(normalise(entry), kind)
    # a capturing group would break the named groups that tell the kind; read from the patterns' text, since
    # compiling the whole alternation only to count its groups cost ~0.03 s a process (most of a small run's DEB time)
    if any(_CAPTURE.search(pattern) for patterns in whole.values() for pattern in patterns):
        raise ValueError("a pattern in the debris lexicon has a capturing group; use (?:...)")
    if any(_needle(pattern) is None for pats in whole.values() for pattern in pats if pattern.startswith(".")):
        raise ValueError("a debris pattern that starts with '.{0,n}' must go on with literal words and have no '|'")
    related = list(_entries("debris_related.txt"))
    # a heading over other articles is interface text, in every language it is known in; not one that names its
    # topic ("More stories from Iraq emerge" may be a headline): there the list under it tells
    whole["ui"].extend(pattern for pattern in related if ".{" not in pattern)
    consent = list(_entries("debris_consent.txt"))
    # each alternative of a pattern needs its own word: one without is never tried ("schrijf je in voor de
    # nieuwsbrief|newsletter ... aanmelden" was, before "wsbr")
    if missing := [
        branch for pattern in consent for branch in _top_branches(pattern) if not _CONSENT_WORDS.search(branch)
    ]:
        raise ValueError(f"consent patterns without a word of _CONSENT_WORDS, which guards them: {missing}")
    return Lexicon(
        exact=exact,
        whole=FirstCharDispatch(whole),
        cased=alternation(cased),
        cased_slash=alternation(cased_slash),
        consent=NeedleFilter(consent),
        consent_words=_CONSENT_WORDS,
        meta=FirstCharDispatch({"meta": list(_entries("debris_meta.txt"))}),
        comments=alternation(_entries("debris_comments.txt")),
        related=alternation(related),
    )


# -- patterns of structure and markup -------------------------------------------------


_CODE_LINE = re.compile(
    r"(?:var|let|const)\s+[\w$]+\s*=.*[;{]\s*$"
    r"|function\s*[\w$]*\s*\([^)]*\)\s*\{.*"
    r"|.*\b(?:document\.(?:write|getElementById|createElement|querySelector)|window\.[\w$]+\s*=|googletag\.|gtag\(|_gaq\.push|"
    r"adsbygoogle|dataLayer\.push|addEventListener\().*"  # a line that calls an ad or analytics script
    r"|[}\]);]{1,4};?"
    r"|[.#]?[\w-]+(?:[\s,>.#:]+[\w-]+)*\s*\{\s*[\w-]+\s*:[^}]*\}?"
    r"|\{\s*\"[\w-]+\"\s*:.*"
    r"|(?:undefined|null|NaN|None|\[object Object\])"
)

# Every line `_CODE_LINE` matches has one of the characters `=(){};]`, or is one of `_CODE_VALUES`, or names
# one of the scripts in `_may_be_code`: most lines skip the costly pattern at once.
_CODE_VALUES = frozenset(["undefined", "null", "NaN", "None"])


def _may_be_code(line: str) -> bool:
    # seven `in` tests run in C at memchr speed, 2x faster than one regex character class
    return (
        "=" in line
        or "(" in line
        or ")" in line
        or "{" in line
        or "}" in line
        or ";" in line
        or "]" in line
        or line in _CODE_VALUES
        or "document." in line
        or "googletag." in line
        or "adsbygoogle" in line
        or "_gaq.push" in line
        or "dataLayer.push" in line
    )


# -- the per-document analysis ---------------------------------------------------------


_BAR = re.compile(r"\s+[|·•]\s+")


def _link_bar(norm: str) -> bool:
    """ "Terms of Use | Privacy Policy | Ad Choices": three or more short items between bars."""
    parts = _BAR.split(norm)
    if len(parts) < 3 or norm.startswith("by ") or _FIGURE.search(norm):
        return False  # "By David Richards | Monday | 07/01/2008" is a byline
    return all(0 < len(part.split()) <= 6 for part in parts)


_PLACEHOLDER = re.compile(r"(?<![\w%])%(?:\d\$)?[sd](?!\w)")  # printf's, as a CMS's template left it
_CRUMB = re.compile(r"\s+[›»→>/]\s+")  # spaced: "Å›" is a garbled "ś", not an arrow
# a site's first page, where a breadcrumb written with ">" or "/" starts ("Accueil > Aide > Livraison")
_HOME = frozenset(
    {
        *("home", "home page", "homepage", "startseite", "accueil", "inicio", "início", "portada", "página inicial"),
        *("pagina iniziale", "strona główna", "главная", "головна", "forside", "etusivu", "anasayfa", "hem"),
        *("főoldal", "úvod", "domů", "αρχική", "trang chủ", "首页", "首頁", "ホーム", "홈", "forum", "forums", "foro"),
        "fórum",
    }
)


def breadcrumb(norm: str) -> bool:
    """ "Foro Motor › Mecánica › Ruido en la suspensión", "Startseite > Politik > Ausland": three or more short
    parts between arrows, or between ">" or "/" from the site's first page (a quote's » « is no arrow)."""
    if "«" in norm or "‹" in norm:
        return False
    parts = _CRUMB.split(norm)
    if len(parts) < 3 or not all(0 < len(part.split()) <= 8 for part in parts):
        return False
    return parts[0] in _HOME or any(f" {arrow} " in norm for arrow in "›»→")


_QUOTED = re.compile(r'"[^"]{4,}"|“[^”]{4,}”|„[^“”]{4,}[“”]|«[^»]{4,}»')
_QUOTING_WORDS = 12  # spaces: a sentence that may quote a banner ("You've seen the box: “We use cookies …”")


def quoted_only(norm: str, spaces: int, found: Callable[[str], object]) -> bool:
    """A sentence about a banner or a notice, not the thing: a sentence (`spaces` spaces in `norm`) in which
    what `found` finds stands only inside quotation marks ("You've seen the box: “We use cookies …”")."""
    if spaces < _QUOTING_WORDS or ('"' not in norm and "“" not in norm and "„" not in norm and "«" not in norm):
        return False
    unquoted = _QUOTED.sub(" ", norm)
    return unquoted != norm and not found(unquoted)


def _table_row(line: str) -> bool:
    """ "| Team | P | W | Pts |": a row of a table written with bars, which opens and closes with one (Markdown,
    html2text); a menu's bar only stands between its links."""
    stripped = line.strip()
    return stripped[:1] == "|" and stripped[-1:] == "|"


def lexicon_kind(line: str) -> str | None:
    """The debris kind a line is by the lexicon alone, or None."""
    lex = lexicon()
    if len(line) > 1200:
        return None
    norm = normalise(line)
    if not norm:
        return None
    kind = lex.exact.get(norm) or lex.exact.get(norm.rstrip(".!:：。！"))
    if kind:
        return kind
    if len(norm) <= 200:
        # only the patterns that can start with the line's first character, and the floating ones only when
        # the line holds their words (rules/deb/firstchar.py): the same match as the whole alternation
        whole = lex.whole.fullmatch_kind(norm)
        if whole is None and norm[-1] == "!":  # "Das könnte Sie auch interessieren!": the heading, exclaimed
            whole = lex.whole.fullmatch_kind(norm.rstrip("! "))
        if whole:
            return whole
        stripped = line.strip(" \t\u00a0")
        if lex.cased.fullmatch(stripped) or ("/" in stripped and lex.cased_slash.fullmatch(stripped)):
            return "credit"
    # a cheap test before splitting (`in` runs at memchr speed, 6x faster than a regex class; and an ASCII
    # line cannot hold the two non-ASCII bars, which `in` knows at once)
    if ("|" in norm or "·" in norm or "•" in norm) and _link_bar(norm) and not _table_row(line):
        return "ui"
    if "%" in norm and _PLACEHOLDER.search(norm) and norm.count(" ") < 8 and not _may_be_code(norm):
        return "ui"  # a template's unfilled placeholder: "%d Bloggern gefällt das:", "Comments on %s"
    if (" › " in norm or " » " in norm or " → " in norm or " > " in norm or " / " in norm) and breadcrumb(norm):
        return "ui"
    spaces = norm.count(" ")
    # every consent pattern needs one of `_CONSENT_WORDS`: most lines skip the long alternation at once
    if (
        spaces < 80
        and lex.consent_words.search(norm)
        and (hits := len(lex.consent.findall(norm)))
        and (hits > 1 or spaces < 30)
        and not quoted_only(norm, spaces, lex.consent.findall)
    ):
        return "consent"  # one phrase in a long paragraph may be quoted prose
    if spaces < 30 and lex.meta.match(norm):
        return "meta"
    if len(norm) <= 300 and _may_be_code(stripped := line.strip()) and _CODE_LINE.fullmatch(stripped):
        return "code"
    return None
