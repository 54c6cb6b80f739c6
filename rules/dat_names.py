"""Dates written with month names in de, fr, es, pt, it, nl, pl and ru, for the DAT rules.

All of these write the day first: "5. März 2024", "le 3 février 2021", "12 de novembro de 2019",
"3 febbraio 2021", "3 lutego 2021", "30 февраля 2021 года", with an optional weekday before
("Montag, 5. März", "lunes 12 de noviembre"). Each is found as a day-month[-year] hit of
rules/dat.py and checked like an English date. Names are whole words, matched case-insensitively;
the forms include Polish and Russian genitives ("lutego", "февраля"), the case a date uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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


def _alternation(names: dict[str, int]) -> str:
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


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


def matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `DATE.finditer(text)`, found from their day."""
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
