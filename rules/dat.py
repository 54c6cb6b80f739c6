"""DAT: dates in the body that cannot be, are garbled, or cannot be right.

One compiled grammar finds the date expressions news text uses ("March 5th, 1953",
"5 March 1953", "Mar. 5, 1953", "March 1913", "2023-03-05", "05/03/2023",
"5.3.2023", "2019-2021", "March 21-27", "Monday, 5 March 2024"), tried only
where one fast scan finds a possible start (a digit starting a number, a month or
weekday name); each match is checked with `datetime`/`calendar`, the oracle.
A general parser (dateutil, dateparser) would be called on every number and
guess a date out of prices and counts; the grammar only sees numbers next to a
month name or in a strict numeric date shape, so "27 million", "22.6%",
"1,600 respondents", phone numbers and ISBNs never reach the checks.

The scan is done once per document and shared by the five rules below.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Literal

from pydantic import Field

from scrapelint.document import Document
from scrapelint.models import Finding, Fix, Severity
from scrapelint.rule import Rule, RuleOptions
from scrapelint.rules import dat_names
from scrapelint.rules.meta import is_placeholder, parse_date

# -- the grammar ----------------------------------------------------------------

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name[1:], start=1):
    MONTHS[_name.lower()] = _number
    MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate(calendar.day_name):
    WEEKDAYS[_name.lower()] = _number
    WEEKDAYS[_name[:3].lower()] = _number
WEEKDAYS.update({"tues": 1, "thur": 3, "thurs": 3})

_MONTH = (
    r"(?<![A-Za-z])(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER"
    r"|OCTOBER|NOVEMBER|DECEMBER)"
)
_WEEKDAY = (
    r"\b(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?"
    r"|Sun(?:day)?)"
)
_ORD = r"(?:st|nd|rd|th)"
_SP = r"[ \t\u00a0\u202f\u2009]{1,3}"  # spaces, no-break and thin spaces; dates do not span lines
_DASH = r"(?:-|[ \t\u00a0]*[–—][ \t\u00a0]*)"  # "21-27", "21 – 27"
# A day is not the start of "5,000" or "5.2"; but "March 5,2024" (a missing space) is a date.
_NOTNUM_DAY = r"(?!\d|\.\d|,\d(?!\d{3}(?!\d|[.,]\d)))"
# A year after a month or day: 4-6 digits, not part of a bigger number ("1,600", "2.5").
_YEAR = r"\d{4,6}(?![\d%]|[.,]\d)"


def _named(pattern: str, prefix: str) -> str:
    return pattern.replace("(?P<", f"(?P<{prefix}")


_MDY = (  # [Monday,] March 5th[-27][, 1953]
    rf"(?:(?P<wd>{_WEEKDAY})\.?,?{_SP})?(?P<mon>{_MONTH})(?P<mdot>\.)?{_SP}"
    rf"(?P<day>\d{{1,2}})(?P<ord>{_ORD})?{_NOTNUM_DAY}"
    rf"(?:{_DASH}(?P<day2>\d{{1,2}})(?:{_ORD})?{_NOTNUM_DAY})?"
    rf"(?:(?:(?P<comma> ?,)?{_SP}|(?P<tight>,))(?P<year>{_YEAR})(?P<glue>[A-Za-z]+)?)?"
)
_DMYH = rf"(?<![\w,.$£€/-])(?P<day>\d{{1,2}})-(?P<mon>{_MONTH})-(?P<year>{_YEAR})"  # 05-Mar-2024
_DMY = (  # [Monday,] 5th[-27] [of] March[,] [1953]
    rf"(?:(?P<wd>{_WEEKDAY})\.?,?{_SP}(?:the{_SP})?)?(?<![\w,.$£€/-])(?P<day>\d{{1,2}})(?P<ord>{_ORD})?"
    rf"(?:{_DASH}(?P<day2>\d{{1,2}})(?:{_ORD})?)?(?P<gap>{_SP}(?:of{_SP})?)?(?P<mon>{_MONTH})"
    r"(?:(?P<mdot>(?:(?<=\b[A-Z][a-z]{2})|(?<=Sept))\.)|\b)"  # the dot of "Mar." - not a sentence's end
    rf"(?:(?P<comma> ?,)?{_SP}(?P<year>{_YEAR})(?P<glue>[A-Za-z]+)?)?"
)
_MY = rf"(?P<mon>{_MONTH})(?P<mdot>\.)?(?P<comma> ?,)?{_SP}(?P<year>{_YEAR})(?P<glue>[A-Za-z]+)?"
_ISO = r"(?<![\w./-])(?P<year>[12]\d{3}|0000)(?P<sep>[-/])(?P<month>\d{2})(?P=sep)(?P<day>\d{2})(?![\d/]|-\d)"
_NUM = r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>[12]\d{3})(?![\d/]|[.-]\d)"
_RANGE = (
    r"(?<![\w$£€.,/-])(?P<year>1\d{3}|20\d{2})(?:-|[ \t]*[–—][ \t]*)(?P<year2>1\d{3}|20\d{2})"
    r"(?![\d%]|[-–/.,]\d)"
)
# A five-digit "year" after in/since/until/year, ending a clause or before a clause: "arrested in 19808."
# Scanned apart from GRAMMAR, from the digits: starting at every "i", "s", "t", "d", "u", "y" made the grammar
# try most positions of the text. `_PREP_WORD` then checks the word before the year.
_PREP = re.compile(
    r" (?P<year>(?:19|20)\d{3})"  # the space first: the engine finds its candidates with a fast literal search
    r"(?=[.,;:!?)]|\s*$| (?:when|while|after|before|he|she|they|we|it|was|were|the)\b)",
    re.MULTILINE,
)
_PREP_WORD = re.compile(r"\b(?:in|since|until|till|during|year) \Z")

_YEARS = re.compile(r"(?<![\d.,])(1[0-9]{3}|20[0-9]{2})(?![\d.,]\d|\d)")
# Words that can follow a year; any other lower-case word after a 5-digit number makes it a count.
_AFTER_YEAR = frozenset(
    ["and", "or", "but", "when", "where", "while", "after", "before", "as", "at", "in", "on", "to", "the", "he", "she", "it", "they", "we", "i", "his", "her", "their", "by", "for", "with", "from", "until", "till", "during", "since", "that", "which", "who", "was", "were", "is", "are", "had", "has", "have", "said", "says", "did", "would", "will", "could", "of", "so", "then", "than", "because", "if"]
)  # fmt: skip
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_PREV_WORD = re.compile(r"([A-Za-z]+)\s*$")
_BC = re.compile(r"[ \t]*(?:BC|BCE|B\.C|BP)\b")  # "2000–1500 BC" runs backwards on purpose
# Words before a month and number that make them a date even when a capitalised word follows.
_DATE_PREPOSITIONS = frozenset(["on", "by", "until", "till", "since", "before", "after", "through"])
# "on"/"until" before a month and number make them a date whatever follows: "on 31 June last year".
_ON = frozenset(("on", "until"))
# Determiners before a month and number: "the April 31 deadline", "a Feb. 30 vote" (a count reads "In April 31 ...").
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "last", "next", "its", "his", "her", "their", "our", "same"])  # fmt: skip


# Each alternative gets its own group names, so `(?P=sep)` must name that alternative's group.
GRAMMAR = re.compile(
    # The lookahead lets the engine skip, with one set test, every position no date can start at (9x faster).
    "(?=[0-9JFMASONDTW])(?:"
    + "|".join(
        f"(?P<{name}>{_named(body, name + '_').replace('(?P=sep)', f'(?P={name}_sep)')})"
        for name, body in (
            ("mdy", _MDY),
            ("dmy", _DMY),
            ("dmyh", _DMYH),
            ("my", _MY),
            ("iso", _ISO),
            ("num", _NUM),
            ("range", _RANGE),
        )
    )
    + ")",
    re.MULTILINE,
)


@dataclass(slots=True)  # not frozen, which makes building one 2x slower; nothing changes a hit
class Part:
    """A number (or word) of a date expression with its span in the text."""

    value: int
    start: int
    end: int


@dataclass(slots=True)
class DateHit:
    """One date expression found in the text; missing parts are None."""

    form: str  # mdy, dmy, my, iso, num, range, prep
    start: int
    end: int
    year: Part | None = None
    month: Part | None = None
    day: Part | None = None
    day2: Part | None = None
    year2: Part | None = None
    weekday: Part | None = None
    ordinal: tuple[str, int, int] | None = None  # suffix, start, end
    marked: bool = False  # the day carries another language's ordinal mark ("31. září", "1er mars", "5º")
    glue: tuple[int, int] | None = None
    tight: int | None = None  # offset of a comma with no space before the year ("March 5,2024")
    gapless: int | None = None  # offset where the space between day and month is missing ("5March 2024")
    other: Part | None = None  # the second number of a numeric date (a/b order unknown)
    sep: str = ""


def _part(match: re.Match[str], group: str) -> Part | None:
    text = match.group(group)
    return None if text is None else Part(int(text), match.start(group), match.end(group))


def scan(text: str) -> list[DateHit]:
    """Every date expression of `text`, in order: one pass of the compiled grammar, one for broken years."""
    hits = _scan_grammar(text)
    prep = []
    for match in _PREP.finditer(text):
        at = match.start("year")
        word = _PREP_WORD.search(text, max(0, at - 7), at)
        if word is not None:
            year = Part(int(match.group("year")), at, match.end())
            prep.append(DateHit("prep", word.start(), match.end(), year=year))
    if prep:
        hits = sorted(hits + prep, key=_START)
    named = _scan_named(text, hits)
    if named:
        hits = sorted(hits + named, key=_START)
    return hits


def _scan_named(text: str, found: list[DateHit]) -> list[DateHit]:
    """Dates with a month name in another language (rules/dat_names.py): day first, or Hungarian's year first."""
    hits = []
    taken = {hit.start for hit in found}
    for match in dat_names.matches(text):
        if match.start("day") in taken:
            continue  # the English grammar read it from its day ("5 April 2024")
        month_number = dat_names.MONTH_NUMBERS[match.group("mon").lower()]
        named_year = int(match.group("year") or 0)
        if (
            match.start("mon") in taken
            and _valid(named_year, month_number, int(match.group("day")))
            and not match.group("wd")
        ):
            continue  # "5. April 2024": the English grammar read "April 2024" and checks it; only the day is new
            # (with a weekday, "Montag, 26. November 2024", the day and the weekday are new: checked here)
        weekday = None
        if match.group("wd"):
            weekday = Part(dat_names.WEEKDAY_NUMBERS[match.group("wd").lower()], *match.span("wd"))
        month = Part(month_number, *match.span("mon"))
        year, day = _part(match, "year"), _part(match, "day")
        assert day is not None
        marked = text.startswith(_DAY_MARKS, day.end) and day.end < match.start("mon")
        hit = DateHit("dmy", match.start(), match.end(), year=year, month=month, day=day, weekday=weekday)
        hit.marked = marked
        hits.append(hit)
    return hits


_DAY_MARKS = (".", "er", "º", "°", "ᵉʳ")  # after a day before its month: an ordinal, so the number is a day


def _START(hit: DateHit) -> int:
    return hit.start


# Where a match of GRAMMAR can start: an ASCII digit at the start of a number and followed by what a date
# needs next ("5th March", "5-7", "05/", "2019-", "1999 – 2000"), or a month or weekday name not inside a word
# with a digit on its line at most 27 characters from its start ("Wednesday, September 5").
# Each alternative below starts with a literal character, so the engine scans for them in C (4x faster than
# trying GRAMMAR at every position); GRAMMAR itself then runs at these few positions only.
_DAY_NEXT = (  # after 1-2 digits: "/", "." or "-" (a numeric date); [ordinal] and a dash, or a month, maybe after "of"
    r"[/.-]|(?:st|nd|rd|th)?(?:-|[ \t\u00a0]*[\u2013\u2014]|(?:[ \t\u00a0\u202f\u2009]{1,3}"
    r"(?:of[ \t\u00a0\u202f\u2009]{1,3})?)?[JFMASOND])"
)
_YEAR_NEXT = r"[-/]|[ \t]*[\u2013\u2014]"  # after 4 digits: an ISO date or a range
_NAMES = {
    "J": "an|un|ul|AN|UN|UL",
    "F": "eb|EB|ri",
    "M": "ar|ay|AR|AY|on",
    "A": "pr|ug|PR|UG",
    "S": "ep|EP|at|un",
    "O": "ct|CT",
    "N": "ov|OV",
    "D": "ec|EC",
    "T": "ue|hu",
    "W": "ed",
}  # months and weekdays
_STARTS = re.compile(
    "|".join(
        [rf"{digit}(?<![\w./-].)(?=\d?(?:{_DAY_NEXT})|\d{{3}}(?:{_YEAR_NEXT}))" for digit in "0123456789"]
        + [rf"{first}(?<![A-Za-z].)(?:{rest})(?=[^\d\n]{{0,24}}\d)" for first, rest in _NAMES.items()]
    )
)


def grammar_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `GRAMMAR.finditer(text)`, tried only where `_STARTS` finds a possible start."""
    done = 0
    match_at = GRAMMAR.match
    for start in _STARTS.finditer(text):
        at = start.start()
        if at >= done and (match := match_at(text, at)) is not None:
            done = match.end()
            yield match


def _scan_grammar(text: str) -> list[DateHit]:
    hits: list[DateHit] = []
    for match in grammar_matches(text):
        form = match.lastgroup or ""
        g = form + "_"
        if form == "dmyh":  # 05-Mar-2024
            month = Part(MONTHS[match.group(g + "mon").lower()], match.start(g + "mon"), match.end(g + "mon"))
            hits.append(
                DateHit(
                    "dmy",
                    match.start(),
                    match.end(),
                    year=_part(match, g + "year"),
                    day=_part(match, g + "day"),
                    month=month,
                )
            )
        elif form in ("mdy", "dmy", "my"):
            mon = match.group(g + "mon")
            month = Part(MONTHS[mon.lower()], match.start(g + "mon"), match.end(g + "mon"))
            wd = match.group(g + "wd") if form != "my" else None
            weekday = None
            if wd:
                weekday = Part(WEEKDAYS[wd.lower()], match.start(g + "wd"), match.end(g + "wd"))
            ordinal = None
            if form != "my" and match.group(g + "ord"):
                ordinal = (match.group(g + "ord"), match.start(g + "ord"), match.end(g + "ord"))
            glue = (match.start(g + "glue"), match.end(g + "glue")) if match.group(g + "glue") else None
            tight = match.start(g + "tight") if form == "mdy" and match.group(g + "tight") else None
            gapless = None
            if form == "dmy" and match.group(g + "gap") is None:
                if match.group(g + "year") is None:
                    continue  # "5March" alone may be a code; with a year it is a date missing a space
                gapless = match.start(g + "mon")
            hits.append(
                DateHit(
                    form,
                    match.start(),
                    match.end(),
                    year=_part(match, g + "year"),
                    month=month,
                    day=None if form == "my" else _part(match, g + "day"),
                    day2=None if form == "my" else _part(match, g + "day2"),
                    weekday=weekday,
                    ordinal=ordinal,
                    glue=glue,
                    tight=tight,
                    gapless=gapless,
                )
            )
        elif form == "iso":
            hits.append(
                DateHit(
                    form,
                    match.start(),
                    match.end(),
                    year=_part(match, g + "year"),
                    month=_part(match, g + "month"),
                    day=_part(match, g + "day"),
                    sep=match.group(g + "sep"),
                )
            )
        elif form == "num":
            if "isbn" in text[max(0, match.start() - 24) : match.start()].lower():
                continue
            hits.append(
                DateHit(
                    form,
                    match.start(),
                    match.end(),
                    year=_part(match, g + "year"),
                    day=_part(match, g + "a"),
                    other=_part(match, g + "b"),
                    sep=match.group(g + "sep"),
                )
            )
        else:  # range
            hits.append(
                DateHit(
                    form, match.start(), match.end(), year=_part(match, g + "year"), year2=_part(match, g + "year2")
                )
            )
    return hits


def analysis(doc: Document) -> list[DateHit]:
    """The scan of this document, computed once and shared by every DAT rule."""
    cached = doc.__dict__.get("_dat_hits")
    if cached is None:
        cached = doc.__dict__["_dat_hits"] = scan(doc.text)
    return cached


Problem = tuple[int, int, str, Fix | None]  # start, end, message, fix

# -- checks shared by the rules ----------------------------------------------------


def _date_shaped(hit: DateHit) -> bool:
    """A numeric date whose numbers could be a month and a day: one is 1-12, or both are at most 31."""
    first, second = (hit.month or hit.other, hit.day) if hit.form == "iso" else (hit.day, hit.other)
    assert first is not None and second is not None
    if hit.form == "iso":
        return first.value <= 12 or (second.value <= 31 and first.value <= 31)
    return min(first.value, second.value) <= 12 or max(first.value, second.value) <= 31


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year or 4, month)[1]


def _expected_suffix(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _month_name(month: int) -> str:
    return calendar.month_name[month]


def _in_code(text: str, hit: DateHit) -> bool:
    """The date is a string handed to code, `parse_date("2023-02-29")`: a test value, invalid on purpose (asked
    only of a date with a problem; the helper's module loads then)."""
    from scrapelint.rules.structure import string_in_code

    return string_in_code(text, hit.start, hit.end)


def _standalone(text: str, hit: DateHit) -> bool:
    """Whether a month and a number without a year are a date: "on February 30," is; "In February 30 people
    died" and "In February 30 Palestinians" are counts. An ordinal, a weekday, the end of a clause, a verb or
    function word next, a determiner ("the April 31 deadline") or "on"/"by"/"until" before make it a date."""
    if hit.ordinal or hit.marked or hit.weekday or text[hit.end - 1] == ".":  # "31 May." ends a sentence
        return True
    end = hit.end
    while end < len(text) and text[end] in " \t":
        end += 1
    if end >= len(text) or text[end] in ",.;:!?()[]\n\"”'’":
        return True
    before = _PREV_WORD.search(text, max(0, hit.start - 20), hit.start)
    previous = before.group(1).lower() if before else ""
    if previous in _ON or (previous in _DETERMINERS and hit.form == "mdy"):
        return True
    following = _NEXT_WORD.match(text, hit.end)
    if following is not None:
        return following.group(1) in _AFTER_YEAR
    return previous in _DATE_PREPOSITIONS


def _five_digit_is_year(text: str, hit: DateHit) -> bool:
    """A 5+ digit number after a month is a broken year when written like one ("March 5, 19808", "March, 19808",
    "5th March 19808", "on 10 December 10923", "a May 16999 launch") or followed by no noun; "In March 12000
    people" is a count."""
    assert hit.year is not None
    if hit.glue or text[hit.year.start - 2 : hit.year.start - 1] == "," or hit.ordinal:
        return True
    before = _PREV_WORD.search(text, max(0, hit.start - 20), hit.start)
    if before is not None and before.group(1).lower() in _DETERMINERS | _ON:
        return True  # "a 13 May 16999 launch", "on 10 December 10923 confident"
    following = _NEXT_WORD.match(text, hit.year.end)
    return following is None or following.group(1) in _AFTER_YEAR


def article_years(text: str) -> list[int]:
    """Every four-digit year 1000-2099 written in the text: the context for guessing a typo's year."""
    return [int(match.group(1)) for match in _YEARS.finditer(text)]


_MONTH_WORDS = frozenset([*MONTHS, *(name.rstrip(".") for name in dat_names.MONTH_NUMBERS)])
# What a page glues after a year: the next date's day and month ("20199. Februar", "201914. Januar"), or a time
# ("202221:25"): one digit or two, then a month name after a dot, or a time's minutes.
_GLUED_ON = re.compile(r"\d{4}(\d{1,2})(?:\.[ \t\u00a0]+([^\W\d_]+)|:[0-5]\d\b)")


def glued_year(text: str, start: int, end: int) -> int | None:
    """Where a five- or six-digit "year" (`start`-`end`) glued to the next date or to a time ends with what it is
    glued to ("10. Februar 20199. Februar 2019", "3 de mayo de 202221:25"), or None: the year is then its first
    four digits, and a space is missing, not a digit too many."""
    found = _GLUED_ON.match(text, start)
    if found is None or found.end(1) != end:
        return None
    if not 1900 <= int(text[start : start + 4]) <= datetime.now().year + 1:
        return None
    number = int(found.group(1))
    if found.group(2) is None:
        return found.end() if number <= 23 else None
    return found.end() if 1 <= number <= 31 and found.group(2).lower() in _MONTH_WORDS else None


def suggest_year(text: str, hit: DateHit, context: list[int]) -> int | None:
    """The year meant by a 5-digit typo: drop one digit, keep the candidate nearest the article's other years."""
    assert hit.year is not None
    digits = text[hit.year.start : hit.year.end]
    if len(digits) != 5:
        return None
    candidates = {int(digits[:i] + digits[i + 1 :]) for i in range(5)}
    candidates = {c for c in candidates if 1000 <= c <= datetime.now().year}
    if not candidates:
        return None
    if not context:
        return candidates.pop() if len(candidates) == 1 else None
    scored = sorted((min(abs(c - y) for y in context), c) for c in candidates)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


def hit_date(hit: DateHit, order: str = "auto") -> date | None:
    """The calendar date a hit names, when it has day precision and is valid."""
    if hit.year is None or hit.day is None or hit.year.value < 1:
        return None
    if hit.form in ("mdy", "dmy", "iso"):
        assert hit.month is not None
        if hit.year.value > 9999 or not _valid(hit.year.value, hit.month.value, hit.day.value):
            return None
        return date(hit.year.value, hit.month.value, hit.day.value)
    if hit.form == "num":
        assert hit.other is not None
        readings = _numeric_readings(hit, order)
        if len(readings) == 1:
            return readings[0]
    return None


def _numeric_readings(hit: DateHit, order: str) -> list[date]:
    assert hit.year is not None and hit.day is not None and hit.other is not None
    a, b, year = hit.day.value, hit.other.value, hit.year.value
    readings = []
    if order != "mdy" and _valid(year, b, a):
        readings.append(date(year, b, a))
    if order != "dmy" and _valid(year, a, b):
        readings.append(date(year, a, b))
    return list(dict.fromkeys(readings))


def article_order(hits: list[DateHit]) -> str:
    """Day-first or month-first, from the article's unambiguous numeric dates (25/12/2023 is day-first);
    `auto` when it has none or both."""
    orders = set()
    for hit in hits:
        if hit.form == "num" and hit.day and hit.other and (hit.day.value > 12) != (hit.other.value > 12):
            orders.add("dmy" if hit.day.value > 12 else "mdy")
    return orders.pop() if len(orders) == 1 else "auto"


def reference_date(doc: Document) -> date:
    """The article's own date: the later of published and modified (placeholders and dates after today
    ignored), else today. Dates well after it are in the future of the article."""
    today = datetime.now(timezone.utc).date()
    article = doc.article
    known = []
    for value, raw in ((article.published_at, article.published), (article.modified_at, article.modified)):
        parsed = value or parse_date(raw)
        if parsed is not None and not is_placeholder(raw, parsed) and parsed.date() <= today:
            known.append(parsed.date())
    return max(known, default=today)


# -- the rules --------------------------------------------------------------------


class ImpossibleDate(Rule):
    code = "DAT001"
    name = "impossible-date"
    summary = "A date that does not exist: day or month out of range, a five-digit year, year 0."
    what = (
        'Finds dates in the text whose day does not exist in their month ("31 April", "February 30", '
        '"February 29, 2023"), whose month is not 1-12 ("2023-13-05"), whose year has five or more digits '
        '("March, 19808") or is 0, and numeric dates ("31/13/2023") that are valid in neither day/month nor '
        "month/day order. Numbers that are not next to a month name and not in a strict date shape (prices, "
        "counts, percentages, phone numbers, ISBNs) are never read as dates. A year glued to the next date or to "
        'a time ("10. Februar 20199. Februar 2019", "4 de mayo de 202207:59") is reported as the missing space it '
        "is, with a safe fix that inserts it. Month names are read in English and 23 other languages "
        '("30. Februar 2021", "31 de novembro de 2019", "31. září 2024", "31 Kasım 2020", Hungarian '
        '"2015. február 30-án"; rules/dat_names.py).'
    )
    why = (
        "An impossible date is a typo or an extraction error (digits glued or doubled); it breaks date "
        "extraction and search downstream and misinforms readers. A five-digit year gets an unsafe fix "
        "suggesting the four-digit year closest to the article's other years."
    )
    example = "in March, 19808  ->  DAT001 '19808' is not a year: years have at most four digits; probably 1908"
    severity = Severity.error
    fixable = "sometimes"

    class Options(RuleOptions):
        numeric_order: Literal["auto", "dmy", "mdy"] = Field(
            "auto",
            description="How to read 05/03/2023: `dmy`/`mdy` report dates invalid in that order; `auto` reports "
            "a numeric date only when no order makes it valid.",
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        context: list[int] | None = None  # the article's years, read once and only when a typo needs them
        for hit in analysis(doc):
            if hit.form != "range" and hit.year is not None and hit.year.end - hit.year.start >= 5:
                if context is None:
                    context = article_years(text)
                problem = self._year_problem(text, hit, context)
            else:
                problem = self._problem(text, hit)
            if problem is not None and not _in_code(text, hit):
                start, end, message, fix = problem
                yield self.finding(doc, start, end, message, fix=fix)

    def _year_problem(self, text: str, hit: DateHit, context: list[int]) -> Problem | None:
        """A year of five or more digits, in a date or after "in"/"since" - unless it is a count."""
        assert hit.year is not None
        year = hit.year
        digits = text[year.start : year.end]
        if hit.form != "prep" and not _five_digit_is_year(text, hit):
            return None
        glued = glued_year(text, year.start, year.end)
        if glued is not None:
            head, rest = digits[:4], text[year.start + 4 : glued]
            return (
                year.start,
                glued,
                f"the year {head} is glued to what follows ('{rest}'): a space is missing after {head}",
                self.replace(year.start + 4, year.start + 4, " ", "safe", f"insert a space after {head}"),
            )
        guess = suggest_year(text, hit, context)
        hint = f"; probably {guess}" if guess else ""
        fix = None
        if guess:
            fix = self.replace(year.start, year.end, str(guess), "unsafe", f"replace {digits} with {guess}")
        return year.start, year.end, f"'{digits}' is not a year: years have at most four digits{hint}", fix

    def _problem(self, text: str, hit: DateHit) -> Problem | None:
        year = hit.year
        if hit.form in ("range", "prep"):
            return None
        if year is not None and year.value == 0:
            if hit.form == "iso" and not any(c.isdigit() and c != "0" for c in text[hit.start : hit.end]):
                return (
                    hit.start,
                    hit.end,
                    (f"'{text[hit.start : hit.end]}' is a zero date: a placeholder written where no date was known"),
                    None,
                )
            return hit.start, hit.end, f"year {text[year.start : year.end]} does not exist (AD 1 follows 1 BC)", None
        if hit.form in ("mdy", "dmy"):
            assert hit.month is not None and hit.day is not None
            if year is None and not _standalone(text, hit):
                return None
            return self._day_problem(text, hit, hit.day, year) or (
                self._day_problem(text, hit, hit.day2, year) if hit.day2 else None
            )
        if hit.form in ("iso", "num") and not _date_shaped(hit):
            return None  # "2019-45-12", "45/67/2023": a code or a fraction, not a date
        if hit.form == "iso":
            assert hit.month is not None and hit.day is not None and year is not None
            if not 1 <= hit.month.value <= 12:
                return (
                    hit.start,
                    hit.end,
                    (
                        f"'{text[hit.start : hit.end]}' has month {hit.month.value}, which does not exist "
                        "(year-month-day order)"
                    ),
                    None,
                )
            if not _valid(year.value, hit.month.value, hit.day.value):
                message = self._day_message(text, hit, hit.month.value, hit.day.value, year.value)
                return hit.start, hit.end, message, None
            return None
        if hit.form == "num":
            if _numeric_readings(hit, self.options.numeric_order):
                return None
            orders = {"auto": "day/month or month/day", "dmy": "day/month", "mdy": "month/day"}
            return (
                hit.start,
                hit.end,
                (f"'{text[hit.start : hit.end]}' is not a valid date in {orders[self.options.numeric_order]} order"),
                None,
            )
        return None

    def _day_problem(self, text: str, hit: DateHit, day: Part, year: Part | None) -> Problem | None:
        assert hit.month is not None
        month = hit.month.value
        check_year = year.value if year is not None else 2024  # leap year: February 29 alone is valid
        if 1 <= day.value <= calendar.monthrange(check_year, month)[1]:
            return None
        if day.value > 31 and not hit.ordinal and (year is None or day.value > 39):
            return None  # "In March 40 people", "Route 66 June 2024": a count or a name, not a day
        return hit.start, hit.end, self._day_message(text, hit, month, day.value, year.value if year else None), None

    @staticmethod
    def _day_message(text: str, hit: DateHit, month: int, day: int, year: int | None) -> str:
        shown = text[hit.start : hit.end]
        if day == 0:
            return f"'{shown}' has day 0; days start at 1"
        if month == 2 and day == 29 and year is not None:
            return f"'{shown}' does not exist: {year} is not a leap year, so February has 28 days"
        if day > 31:
            return f"'{shown}' has day {day}; no month has more than 31 days"
        if month == 2 and year is None:
            return f"'{shown}' does not exist: February has at most 29 days"
        length = calendar.monthrange(year or 2024, month)[1]
        return f"'{shown}' does not exist: {_month_name(month)} has {length} days"


# Before 1753 English dates are often Julian (Old Style), so their weekdays do not follow `calendar`.
GREGORIAN_SINCE = 1753


class WeekdayMismatch(Rule):
    code = "DAT002"
    name = "weekday-mismatch"
    summary = "A weekday that does not match the date next to it."
    what = (
        'Checks dates written with their weekday ("Monday, 5 March 2024", "Tue., March 4, 2008") against the '
        "calendar and reports the ones where the weekday is wrong. Dates before 1753 are skipped: they may be "
        "Julian (Old Style)."
    )
    why = (
        "Either the weekday or the date is wrong, and readers cannot tell which event day is meant; it is a "
        "common slip when an article is updated or a template reused."
    )
    example = "Monday, 5 March 2024  ->  DAT002 5 March 2024 was a Tuesday, not a Monday"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for hit in analysis(doc):
            if hit.weekday is None or hit.year is None or not GREGORIAN_SINCE <= hit.year.value <= 9999:
                continue
            when = hit_date(hit)
            if when is None or when.weekday() == hit.weekday.value:
                continue
            before = text[max(0, hit.start - 4) : hit.start]
            if text[hit.weekday.start : hit.weekday.end] == "Sun" and before in ("The ", "the "):
                continue  # "The Sun, March 5, 2024" is a newspaper
            actual = calendar.day_name[when.weekday()]
            written = calendar.day_name[hit.weekday.value]
            shown = text[hit.weekday.end : hit.end].lstrip(".,  ")  # noqa: B005 -- a set of characters, on purpose
            yield self.finding(
                doc, hit.start, hit.end, f"{shown} was a {actual}, not a {written}; the weekday or the date is wrong"
            )


class MalformedDate(Rule):
    code = "DAT003"
    name = "malformed-date"
    summary = 'A date with a wrong ordinal suffix ("5rd March") or a missing space ("1953was", "5March").'
    what = (
        'Reports day ordinals whose suffix does not fit the number ("5rd", "22th", "11st") next to a month '
        'name, and dates with a missing space: a year run into the next word ("March 5, 1953was"), a day '
        'glued to its month ("5March 2024"), a comma glued to the year ("March 5,2024").'
    )
    why = (
        "A mangled ordinal or a missing space defeats date extraction and looks careless; glued words are "
        "usually an extraction error where a tag boundary was dropped."
    )
    example = "on 5rd March  ->  DAT003 '5rd' has the wrong ordinal suffix: 5 is written 5th"
    fixable = "sometimes"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for hit in analysis(doc):
            if hit.ordinal is not None and hit.day is not None:
                suffix, start, end = hit.ordinal
                expected = _expected_suffix(hit.day.value)
                if suffix != expected and not (suffix == "d" and expected in ("nd", "rd")):
                    number = text[hit.day.start : hit.day.end]
                    yield self.finding(
                        doc,
                        hit.day.start,
                        end,
                        f"'{number}{suffix}' has the wrong ordinal suffix: "
                        f"{hit.day.value} is written {number}{expected}",
                        fix=self.replace(start, end, expected, "unsafe", f"write {number}{expected}"),
                    )
            if hit.tight is not None:
                yield self.finding(
                    doc,
                    hit.start,
                    hit.end,
                    "a space is missing after the comma before the year",
                    fix=self.replace(hit.tight + 1, hit.tight + 1, " ", "safe", "insert a space"),
                )
            if hit.gapless is not None:
                yield self.finding(
                    doc,
                    hit.start,
                    hit.end,
                    "the day is glued to the month: a space is missing",
                    fix=self.replace(hit.gapless, hit.gapless, " ", "safe", "insert a space"),
                )
            if hit.glue is not None and hit.year is not None:
                word = text[hit.glue[0] : hit.glue[1]]
                if word == "s" or (len(word) <= 2 and word.lower() in ("st", "nd", "rd", "th")):
                    continue
                yield self.finding(
                    doc,
                    hit.start,
                    hit.glue[1],
                    f"the date is glued to the word '{word}': "
                    f"a space is missing after {text[hit.year.start : hit.year.end]}",
                    fix=self.replace(hit.year.end, hit.year.end, " ", "safe", "insert a space"),
                )


class ReversedRange(Rule):
    code = "DAT004"
    name = "reversed-date-range"
    summary = 'A range of years or days that ends before it starts ("2019–2017", "March 27-21").'
    what = (
        'Reports year ranges ("2019–2017") and day ranges ("March 27-21", "27-21 March") whose end is '
        'earlier than their start. Two-digit ends ("2023-24") and spans of more than a century (likely codes, '
        "not years) are left alone."
    )
    why = "A backwards range is a typo in one of its ends; readers cannot tell which period is meant."
    example = "served from 2019–2017  ->  DAT004 the range 2019–2017 ends before it starts"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for hit in analysis(doc):
            shown = text[hit.start : hit.end]
            if hit.form == "range" and hit.year and hit.year2:
                if 0 < hit.year.value - hit.year2.value <= 100 and not _BC.match(text, hit.end):
                    yield self.finding(
                        doc,
                        hit.start,
                        hit.end,
                        f"the range {shown} ends before it starts ({hit.year2.value} is earlier than {hit.year.value})",
                    )
            elif hit.day2 is not None and hit.day is not None and hit.day2.value < hit.day.value:
                span_text = text[hit.day.start : hit.day2.end]
                yield self.finding(doc, hit.day.start, hit.day2.end, f"the day range {span_text} ends before it starts")


class FutureDate(Rule):
    code = "DAT005"
    name = "implausible-future-date"
    summary = "A date years after the article was published (or after today)."
    what = (
        "Reports dates with a day more than `max-years-ahead` years (5) after the article's date, and dates "
        'with a month ("March 2031") more than `max-years-ahead-month` years (10) after it. The article\'s date '
        'is the later of published and modified, or today when it has neither. Bare years ("by 2050") are '
        "targets and plans, and are never reported."
    )
    why = (
        "A news article rarely gives an exact day years ahead of its own date; such a date is usually a typo "
        'in the year ("2104" for "2014") that sorts the event into the wrong decade.'
    )
    example = "published 2024-03-05: 'on March 5, 2041'  ->  DAT005 17 years after the article's date"

    class Options(RuleOptions):
        max_years_ahead: int = Field(
            5, description="How many years after the article's date a date with a day may lie before it is reported."
        )
        max_years_ahead_month: int = Field(
            10, description='The same for a month and year without a day ("March 2031").'
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        hits = [hit for hit in analysis(doc) if hit.year is not None and hit.form in ("mdy", "dmy", "my", "iso", "num")]
        if not hits:
            return
        reference = reference_date(doc)
        order = article_order(hits)  # so that 03/05/2031 is read the way the article writes dates
        text = doc.text
        for hit in hits:
            assert hit.year is not None
            if hit.form == "my":
                if hit.year.value > 9999 or (hit.glue and len(text[hit.year.start : hit.year.end]) > 4):
                    continue
                when: date | None = date(hit.year.value, hit.month.value, 1) if hit.month and hit.year.value else None
                limit = self.options.max_years_ahead_month
            elif hit.form == "num":  # the earliest reading: 03/05/2031 is far ahead either way
                when = min(_numeric_readings(hit, order), default=None)
                limit = self.options.max_years_ahead
            else:
                when = hit_date(hit)
                limit = self.options.max_years_ahead
            if when is None or (when.year - reference.year) * 12 + when.month - reference.month <= limit * 12:
                continue
            years = when.year - reference.year
            yield self.finding(
                doc,
                hit.start,
                hit.end,
                f"'{text[hit.start : hit.end]}' is {years} years after the article's date ({reference.isoformat()}); "
                "the year is probably a typo",
            )


RULES = [ImpossibleDate, WeekdayMismatch, MalformedDate, ReversedRange, FutureDate]
