"""Dates written with month names in other languages than English, for the DAT rules.

de, fr, es, pt, it, nl, pl and ru are typed here; cs, sk, ro, fi, el, tr, sv, da, nb, nn, uk, bg, sl, et, ca
and hu come from the Unicode CLDR, in rules/data/dat_names.tsv (made by bench/make_dat_names.py).
All but Hungarian write the day first: "5. März 2024", "le 3 février 2021", "12 de novembro de 2019",
"3 lutego 2021", "30 февраля 2021 года", "31. září 2024", "31 Eylül 2024", "31. syyskuuta 2024", with an
optional weekday before ("Montag, 5. März", "lunes 12 de noviembre"). Hungarian writes the year first
("2024. szeptember 31."). Each is found as a day-month[-year] hit of rules/dat.py and checked like an English
date. Names are whole words, matched case-insensitively; the forms include the genitives a date uses
("lutego", "февраля", "září").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

# month number -> the names (full, genitive, and unambiguous abbreviations with their dot) per language
_MONTHS: dict[int, str] = {
    1: "januar jänner janvier enero janeiro gennaio januari stycznia styczeń января январь jan. janv. ene.",
    2: "februar feber février fevrier febrero fevereiro febbraio februari lutego luty февраля февраль feb. févr. fév.",
    3: "märz maerz mars marzo março marco maart marca marzec марта март mrz.",
    4: "april avril abril aprile kwietnia kwiecień апреля апрель avr.",
    5: "mai mayo maio maggio mei maja мая май",
    6: "juni juin junio junho giugno czerwca czerwiec июня июнь",
    7: "juli juillet julio julho luglio lipca lipiec июля июль juil.",
    8: "august août aout agosto augustus sierpnia sierpień августа август",
    9: "september septembre septiembre setiembre setembro settembre września wrzesień сентября сентябрь sept.",
    10: "oktober octobre octubre outubro ottobre października październik октября октябрь okt. oct.",
    11: "november novembre noviembre novembro listopada listopad ноября ноябрь nov.",
    12: "dezember décembre decembre diciembre dezembro dicembre december grudnia grudzień декабря декабрь dez. déc.",
}  # fmt: skip
# weekday (Monday 0) -> names
_WEEKDAYS: dict[int, str] = {
    0: "montag lundi lunes segunda-feira lunedì lunedi maandag poniedziałek понедельник",
    1: "dienstag mardi martes terça-feira terca-feira martedì martedi dinsdag wtorek вторник",
    2: "mittwoch mercredi miércoles miercoles quarta-feira mercoledì mercoledi woensdag środa среда",
    3: "donnerstag jeudi jueves quinta-feira giovedì giovedi donderdag czwartek четверг",
    4: "freitag vendredi viernes sexta-feira venerdì venerdi vrijdag piątek пятница",
    5: "samstag sonnabend samedi sábado sabado sabato zaterdag sobota суббота",
    6: "sonntag dimanche domingo domenica zondag niedziela воскресенье",
}

MONTH_NUMBERS = {name: number for number, names in _MONTHS.items() for name in names.split()}
WEEKDAY_NUMBERS = {name: number for number, names in _WEEKDAYS.items() for name in names.split()}
_CLDR = Path(__file__).resolve().parent / "data" / "dat_names.tsv"
HUNGARIAN_MONTHS: dict[str, int] = {}  # Hungarian writes the year first: its names are read in that order too


def _load_cldr() -> None:
    """Add the CLDR's names (rules/data/dat_names.tsv: language, kind, number, names) to the tables above."""
    for line in _CLDR.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        language, kind, number, names = line.split("\t")
        table = MONTH_NUMBERS if kind == "month" else WEEKDAY_NUMBERS
        for name in names.split():
            table.setdefault(name, int(number))
            if language == "hu" and kind == "month":
                HUNGARIAN_MONTHS[name] = int(number)


_load_cldr()


def _alternation(names: Iterable[str]) -> str:
    """A pattern matching any of `names`, the longest first, written as a trie ("ma(?:i|rs|rzo)"): the engine
    tries a branch per letter, not per name (330 names made the flat alternation a third of DAT's scan)."""
    tails: dict[str, list[str]] = {}
    for name in names:
        if name:
            tails.setdefault(name[0], []).append(name[1:])
    branches = []
    for head, rest in sorted(tails.items()):
        inner = _alternation(rest)
        if not inner:
            branches.append(re.escape(head))
        elif "" in rest:
            branches.append(f"{re.escape(head)}(?:{inner})?")
        else:
            branches.append(f"{re.escape(head)}(?:{inner})" if "|" in inner else re.escape(head) + inner)
    return "|".join(branches)


_SP = r"[ \t\u00a0\u202f\u2009]{1,3}"
_WEEKDAY = rf"(?<![\w-])(?P<wd>{_alternation(WEEKDAY_NUMBERS)}),?{_SP}(?:(?:le|el|den|der|am|il|o){_SP})?"
_FROM_DAY = (
    rf"(?<![\w.,$£€/-])(?P<day>\d{{1,2}})(?:\.|er|º|°|ᵉʳ)?{_SP}(?:de{_SP})?"
    rf"(?P<mon>{_alternation(MONTH_NUMBERS)})(?:(?<=\.)|(?![\w-]))"
    rf"(?:,?{_SP}(?:(?:de|del){_SP})?(?P<year>\d{{4,6}})(?![\d%]|[.,]\d))?"
)
# [weekday[,]] [le|el|den|am] day[.|er|º|°] [de] month [[de|del] year [года|г.|r.]]
DATE = re.compile(rf"(?:{_WEEKDAY})?{_FROM_DAY}", re.IGNORECASE)
# The scan looks for the day and month, which start with a digit the engine skips to in C; the weekday
# before a date is looked for behind each one found (trying the weekday names at every position was most
# of the cost).
# Its day's first digit comes before the look-behind on the character before it (the same matches): a pattern
# that opens with `\d` lets the engine skip to the next digit in C (2x faster on the dev pages).
_DAY_MONTH = re.compile(
    _FROM_DAY.replace(r"(?<![\w.,$£€/-])(?P<day>\d{1,2})", r"(?P<day>\d(?<![\w.,$£€/-]\d)\d?)"), re.IGNORECASE
)
_WEEKDAY_BEFORE = re.compile(rf"{_WEEKDAY}\Z", re.IGNORECASE)
_WEEKDAY_REACH = 40  # characters: the longest weekday name, a comma and an article, with spaces
# Every match holds a day followed by a space and a letter: the cheap test that rules most texts out.
_HINT = re.compile(r"\d\.?[ \t\u00a0\u202f\u2009]+(?:de[ \t]+)?[^\W\d_]")


# Hungarian: year. month day. or day-suffix ("2024. szeptember 30.", "2024. március 5-én"); no weekday before.
# Hungarian writes its months in small letters, so "in 2023. November 30 people" (English) is not one.
YEAR_FIRST = re.compile(
    rf"(?P<year>\d(?<![\w.,/-]\d)\d{{3}})\.{_SP}(?P<mon>{_alternation(HUNGARIAN_MONTHS)})(?![\w-]){_SP}"
    r"(?P<day>\d{1,2})(?=[.-])(?P<wd>(?!))?"
)


# Where a Hungarian date can start: the dot after four digits (a literal the engine scans for in C, 20x faster
# than trying `YEAR_FIRST` at every digit).
_YEAR_DOT = re.compile(r"\.(?<=\d\d\d\d\.)[ \t\u00a0\u202f\u2009]")


def matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `DATE.finditer(text)`, found from their day, then those of `YEAR_FIRST`."""
    yield from _day_first(text)
    for dot in _YEAR_DOT.finditer(text):
        match = YEAR_FIRST.match(text, dot.start() - 4)
        if match is not None:
            yield match


def _day_first(text: str) -> Iterator[re.Match[str]]:
    if text.isascii() and not _HINT.search(text):
        return
    done = 0  # where the last match ended: a weekday before a date may not reach into it
    for found in _DAY_MONTH.finditer(text):
        start = found.start()
        weekday = _WEEKDAY_BEFORE.search(text, max(done, start - _WEEKDAY_REACH), start)
        match = DATE.match(text, weekday.start() if weekday else start)
        if match is None or match.end() != found.end():  # (cannot happen: the same pattern from the same day)
            match = DATE.match(text, start)
        if match is not None:
            done = match.end()
            yield match
