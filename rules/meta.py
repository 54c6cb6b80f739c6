"""META: the article's date fields (published, modified) that are missing in substance or wrong.

Metadata dates arrive in every shape scrapers emit: ISO 8601, RFC 2822 from
feeds, "March 5, 2024 10:00 AM" from bylines, Unix seconds. `parse_date` tries
the strict, fast `datetime.fromisoformat` first (most records) and falls back to
python-dateutil for the rest, accepting a result only when the string itself
names the year (dateutil fills missing parts from a default, so "Tuesday" alone
would otherwise "parse"). `email.utils` was dropped: it silently loses the zone
of "10:00 AM +0100".
"""

from __future__ import annotations

import calendar
import re
import warnings
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

from pydantic import Field

from scrapelint.document import Document
from scrapelint.models import Article, Finding, Severity
from scrapelint.rule import CorpusRule, Rule, RuleOptions
from scrapelint.rules import dat_names

DATE_FIELDS = ("published", "modified")
# Record keys under which scrapers store when they fetched the page (news-please: date_download).
SCRAPE_TIME_KEYS = (
    "date_download",
    "scraped_at",
    "crawled_at",
    "fetched_at",
    "downloaded_at",
    "retrieved_at",
    "crawl_date",
    "date_crawled",
    "scrape_date",
    "download_date",
)
_EPOCH = re.compile(r"^-?\d{9,10}(?:\.\d+)?$|^-?\d{12,13}$")
_ZERO_DATE = re.compile(r"^\s*0{1,4}[-/.]0{1,2}[-/.]0{1,4}\b|^\s*0+\s*$")
_DOTTED = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_DOT_TIME = re.compile(r"(?<=\s)(\d{1,2})\.(\d{2})\b(?!\.\d)")  # "09.12 GMT" (The Guardian) is 09:12
_TIME = re.compile(r"\d{1,2}:\d{2}")
# A date path in a news URL: /2024/03/05/ or /2024/03/ (then a slug, not more digits).
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/(?:(0[1-9]|[12]\d|3[01])/)?(?!\d)")
_UNIX_ZERO = datetime(1970, 1, 1, tzinfo=timezone.utc)
_PLACEHOLDER_DAYS = {(1, 1, 1), (1900, 1, 1), (9999, 12, 31)}
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))
# Zone abbreviations common in news bylines; dateutil leaves unknown names naive (and warns).
_HOURS = {
    "UTC": 0,
    "GMT": 0,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "IST": 5.5,
    "JST": 9,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
}
TZINFOS = {name: int(hours * 3600) for name, hours in _HOURS.items()}


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


@lru_cache(maxsize=4096)  # each field is read by several rules; feeds repeat the same strings
def parse_date(raw: str | None) -> datetime | None:
    """A metadata date string as a datetime (aware when the string has a zone), or None."""
    if not raw or not raw.strip():
        return None
    value = raw.strip()
    if _EPOCH.match(value):
        seconds = float(value) / (1000 if len(value.lstrip("-").split(".")[0]) > 11 else 1)
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    iso = value[:-1] + "+00:00" if value[-1:] in ("Z", "z") else value
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    named = dat_names.DATE.match(value)  # "5. März 2024", "12 de novembro de 2019, 14:02": dateutil reads English
    if named is not None and (found := _named_month(named, value[named.end() :])) is not None:
        return found
    return _dateutil(_DOT_TIME.sub(r"\1:\2", value), fuzzy=False)


_CLOCK = re.compile(r"[,\s]*(?:um|à|a las|às|alle|om|o)?\s*(\d{1,2})[:.h](\d{2})(?:\s*(?:uhr|h))?\s*", re.IGNORECASE)


def _named_month(match: re.Match[str], rest: str) -> datetime | None:
    """The date a month name in de, fr, es, pt, it, nl, pl or ru writes (rules/dat_names.py), with the clock time
    after it if any; None if it names no year, no such day, or other words follow."""
    clock = _CLOCK.fullmatch(rest) if rest.strip() else None
    if match.group("year") is None or (rest.strip() and clock is None):
        return None
    hour, minute = (int(clock.group(1)), int(clock.group(2))) if clock else (0, 0)
    month = dat_names.MONTH_NUMBERS[match.group("mon").lower()]
    try:
        return datetime(int(match.group("year")), month, int(match.group("day")), hour, minute)
    except ValueError:
        return None


def _dateutil(value: str, fuzzy: bool) -> datetime | None:
    """python-dateutil's reading, only when the string names a year (parsed twice with different defaults)."""
    from dateutil import parser as dateutil_parser  # here, not at start-up: most dates are ISO 8601

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an unknown zone name stays naive; META006 may say so
            dayfirst = bool(_DOTTED.match(value))  # 05.03.2024 is 5 March wherever dots are used
            first, second = (
                dateutil_parser.parse(value, default=d, tzinfos=TZINFOS, dayfirst=dayfirst, fuzzy=fuzzy)
                for d in _DEFAULTS
            )
            first.utcoffset()  # "+25:00" parses, but every use of the offset would raise (issue #20)
    except (ValueError, OverflowError, TypeError):
        return None
    if first.year != second.year:
        return None  # the string names no year
    return first if first.month == second.month else first.replace(day=1)


def _impossible_named(raw: str) -> bool:
    """A day, a month name and a year that make no date: "31. Juni 2024", "30 февраля 2021"."""
    return any(m.group("year") and _named_month(m, "") is None for m in dat_names.matches(raw))


def embedded_date(raw: str) -> datetime | None:
    """A date with a year inside other words ("Published: 5 March 2024", "Publié le 3 février 2021"), which strict
    parsers reject."""
    for named in dat_names.matches(raw):
        if named.group("year") is not None:
            return _named_month(named, "")
    return _dateutil(_DOT_TIME.sub(r"\1:\2", raw.strip()), fuzzy=True)


def is_placeholder(raw: str | None, parsed: datetime | None) -> bool:
    """A zero date, Unix time 0, 0001-01-01, 1900-01-01 or 9999-12-31: a default written where no date was found."""
    if raw and _ZERO_DATE.match(raw):
        return True
    if parsed is None:
        return False
    if (parsed.year, parsed.month, parsed.day) in _PLACEHOLDER_DAYS:
        return True
    aware = parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    try:
        return abs(aware - _UNIX_ZERO) <= timedelta(hours=14)
    except OverflowError:
        return False


def _has_time(raw: str) -> bool:
    return bool(_TIME.search(raw)) or bool(_EPOCH.match(raw.strip()))


def _naive_utc(value: datetime) -> datetime:
    return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value


def _span(raw: str) -> tuple[int, int]:
    """The field's text without surrounding whitespace."""
    start = len(raw) - len(raw.lstrip())
    return start, len(raw.rstrip())


def scrape_time(article: Article) -> tuple[datetime, str]:
    """When the page was fetched: a scrape-time field of the record when present, else now."""
    record: dict[str, Any] = article.record or {}
    for key in SCRAPE_TIME_KEYS:
        value = record.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            parsed = parse_date(str(value))
            if parsed is not None:
                return parsed, f"the scrape time ({key} {value})"
    return datetime.now(timezone.utc), "now"


class MetaRule(Rule):
    """Base of the field rules: iterate the date fields that are present."""

    def fields(self, doc: Document) -> Iterator[tuple[Document, str, datetime | None]]:
        for field in DATE_FIELDS:
            raw = doc.article.field_text(field)
            if raw and raw.strip():
                yield doc.for_field(field), raw, parse_date(raw)


class UnparseableDate(MetaRule):
    code = "META001"
    name = "unparseable-date"
    summary = "A published or modified date that is not a date."
    what = (
        "Reports a `published` or `modified` field that no date parser reads as a date with a year: ISO 8601, "
        'RFC 2822 (feeds), written dates ("March 5, 2024 10:00 AM") and Unix timestamps are all accepted.'
    )
    why = (
        'A field that says "yesterday", "Updated", or a byline instead of a date sorts the article nowhere: '
        "date filters drop it silently. It usually means the scraper's date selector hit the wrong element."
    )
    example = '"published": "2 hours ago"  ->  META001 published "2 hours ago" is not a date with a year'

    def check(self, doc: Document) -> Iterator[Finding]:
        for fdoc, raw, parsed in self.fields(doc):
            if parsed is None and not is_placeholder(raw, None):
                start, end = _span(raw)
                inside = embedded_date(raw)
                if inside is not None:
                    message = (
                        f"{fdoc.field} '{raw.strip()}' has other text around its date ({inside.date().isoformat()}); "
                        "strict date parsers downstream will reject it"
                    )
                elif _ISO_DAY.match(raw.strip()) or _impossible_named(raw):
                    message = (
                        f"{fdoc.field} '{raw.strip()}' is an impossible date (no such day, month, hour or zone offset); "
                        "date filters and sorting will drop it"
                    )
                else:
                    message = (
                        f"{fdoc.field} '{raw.strip()}' is not a date with a year; date filters and sorting will drop it"
                    )
                yield self.finding(fdoc, start, end, message)


class PlaceholderDate(MetaRule):
    code = "META002"
    name = "placeholder-date"
    summary = "A default standing in for a missing date: 0000-00-00, 1970-01-01, 1900-01-01."
    what = (
        "Reports `published`/`modified` values that are a zero date (0000-00-00), Unix time 0 (1970-01-01, in "
        "any time zone), 0001-01-01, 1900-01-01 or 9999-12-31."
    )
    why = (
        "These are what a database or a date library writes when no date was found; kept as real dates they "
        "put fresh articles in 1970 and corrupt every time series built on the scrape."
    )
    example = '"published": "1970-01-01T00:00:00Z"  ->  META002 a placeholder (Unix time 0), not a real date'
    severity = Severity.error

    def check(self, doc: Document) -> Iterator[Finding]:
        for fdoc, raw, parsed in self.fields(doc):
            if is_placeholder(raw, parsed):
                start, end = _span(raw)
                kind = "Unix time 0" if parsed and parsed.year in (1969, 1970) else "a default value"
                yield self.finding(
                    fdoc,
                    start,
                    end,
                    f"{fdoc.field} '{raw.strip()}' is a placeholder ({kind}), not a real date: the scraper found none",
                )


class FuturePublished(MetaRule):
    code = "META003"
    name = "date-in-future"
    summary = "A published or modified date after the page was scraped."
    what = (
        "Reports `published`/`modified` later than the scrape time (a `date_download`, `scraped_at`, "
        "`crawled_at`... field of the record) or, without one, later than now. A day of slack absorbs time "
        "zone slips."
    )
    why = (
        "A page cannot be published after it was fetched: the date is misparsed (day and month swapped, a "
        "wrong century) or an event date was taken for the publication date."
    )
    example = '"published": "2031-03-05", scraped 2024-03-06  ->  META003 published after the scrape time'
    severity = Severity.error

    def check(self, doc: Document) -> Iterator[Finding]:
        limit: datetime | None = None
        for fdoc, raw, parsed in self.fields(doc):
            if parsed is None or is_placeholder(raw, parsed):
                continue
            if limit is None:
                when, source = scrape_time(doc.article)
                limit = _naive_utc(when) + timedelta(days=1)
            if _naive_utc(parsed) > limit:
                start, end = _span(raw)
                yield self.finding(
                    fdoc,
                    start,
                    end,
                    f"{fdoc.field} '{raw.strip()}' is after {source}: a page cannot be dated after it was fetched",
                )


class PublishedBeforeWeb(MetaRule):
    code = "META004"
    name = "date-before-web"
    summary = "A web article published before the web existed (before 1990 by default)."
    what = "Reports a `published` date earlier than `min-year` (1990 by default); placeholders are left to META002."
    why = (
        "A scraped web article dated 1953 took the date of the event it describes, or a two-digit year was "
        "misread. For digitised print archives, lower `min-year` or ignore the rule for those paths."
    )
    example = '"published": "1953-03-05"  ->  META004 published 1953-03-05 is before 1990, when the web began'

    class Options(RuleOptions):
        min_year: int = Field(1990, description="The earliest plausible publication year.")

    def check(self, doc: Document) -> Iterator[Finding]:
        raw = doc.article.published
        if not raw:
            return
        parsed = parse_date(raw)
        if parsed is None or is_placeholder(raw, parsed) or parsed.year >= self.options.min_year:
            return
        fdoc = doc.for_field("published")
        start, end = _span(raw)
        yield self.finding(
            fdoc,
            start,
            end,
            f"published '{raw.strip()}' is before {self.options.min_year}: too early for a web article, "
            "probably the date of the event or a misparsed year",
        )


class ModifiedBeforePublished(MetaRule):
    code = "META005"
    name = "modified-before-published"
    summary = "A modified date earlier than the published date."
    what = (
        "Reports a `modified` date earlier than `published`. When one of the two has no time of day, or only "
        "one has a time zone, only the calendar days are compared."
    )
    why = "An article cannot be updated before it appeared: one of the two fields is misparsed or swapped."
    example = '"published": "2024-03-05", "modified": "2024-03-01"  ->  META005 modified before published'

    def check(self, doc: Document) -> Iterator[Finding]:
        article = doc.article
        if not article.published or not article.modified:
            return
        published, modified = parse_date(article.published), parse_date(article.modified)
        if published is None or modified is None:
            return
        if is_placeholder(article.published, published) or is_placeholder(article.modified, modified):
            return
        zone_mismatch = (published.tzinfo is None) != (modified.tzinfo is None)
        if _has_time(article.published) and _has_time(article.modified) and not zone_mismatch:
            before = _naive_utc(modified) < _naive_utc(published)
        else:  # compare calendar days; a day of slack when only one side has a zone
            slack = timedelta(days=1 if zone_mismatch else 0)
            before = modified.date() < published.date() - slack
        if before:
            fdoc = doc.for_field("modified")
            start, end = _span(article.modified)
            yield self.finding(
                fdoc,
                start,
                end,
                f"modified '{article.modified.strip()}' is before published '{article.published.strip()}': "
                "an article cannot be updated before it appeared",
            )


class MissingTimezone(CorpusRule, MetaRule):
    code = "META006"
    name = "missing-timezone"
    summary = "A timestamp without a time zone where most of the batch has one."
    what = (
        "Counts, over the whole run, the `published`/`modified` timestamps that carry a time of day with and "
        "without a time zone; when most carry one, reports those that do not. Plain dates are not timestamps."
    )
    why = (
        "A zone-less time is read in whatever zone the consumer runs in, so the article shifts by hours against "
        "the rest of its batch; in a batch that mostly has zones it is an extraction slip."
    )
    example = '"published": "2024-03-05 09:12:00" among "+00:00" timestamps  ->  META006 no time zone'
    severity = Severity.info

    def __init__(self, options: Any = None) -> None:
        super().__init__(options)
        self.zoned = 0
        self.naive = 0

    def new_state(self) -> list[int]:
        return [0, 0]

    def observe(self, state: list[int], doc: Document) -> None:
        for _, raw, parsed in self.fields(doc):
            if parsed is not None and _has_time(raw) and not is_placeholder(raw, parsed):
                state[0 if parsed.tzinfo is not None else 1] += 1

    def merge(self, state: list[int], other: list[int]) -> list[int]:
        return [state[0] + other[0], state[1] + other[1]]

    def prepare(self, state: list[int]) -> None:
        self.zoned, self.naive = state

    def check(self, doc: Document) -> Iterator[Finding]:
        if self.zoned <= self.naive:
            return
        for fdoc, raw, parsed in self.fields(doc):
            if parsed is not None and parsed.tzinfo is None and _has_time(raw) and not is_placeholder(raw, parsed):
                start, end = _span(raw)
                yield self.finding(
                    fdoc,
                    start,
                    end,
                    f"{fdoc.field} '{raw.strip()}' has a time but no time zone, unlike {self.zoned} of "
                    f"{self.zoned + self.naive} timestamps in this batch; its hour is ambiguous",
                )


class UrlDateMismatch(MetaRule):
    code = "META007"
    name = "published-differs-from-url"
    summary = "A published date that disagrees with the date in the article's URL."
    what = (
        "Compares `published` with a date path in the URL (`/2024/03/05/` or `/2024/03/`) and reports a "
        "difference of more than `max-days` days (2, for time zones and late edits), or another month."
    )
    why = (
        "News sites put the publication day in the URL when the article is created; a `published` field far "
        "from it was taken from the wrong element (a related story, the crawl time, a comment)."
    )
    example = 'url .../2024/03/05/dam-talks, "published": "2024-04-02"  ->  META007 28 days after the URL date'

    class Options(RuleOptions):
        max_days: int = Field(2, description="How many days published may differ from the URL's date.")

    def check(self, doc: Document) -> Iterator[Finding]:
        article = doc.article
        if not article.url or not article.published:
            return
        match = _URL_DATE.search(article.url)
        published = parse_date(article.published)
        if match is None or published is None or is_placeholder(article.published, published):
            return
        year, month = int(match.group(1)), int(match.group(2))
        slack = timedelta(days=self.options.max_days)
        if match.group(3) is None:  # month precision only
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
            if first - slack <= published.date() <= last + slack:
                return
            shown = f"{year}-{month:02d}"
            gap = "in another month than"
        else:
            try:
                url_day = date(year, month, int(match.group(3)))
            except ValueError:
                return
            days = (published.date() - url_day).days
            if abs(days) <= slack.days:
                return
            shown = url_day.isoformat()
            gap = f"{abs(days)} days {'after' if days > 0 else 'before'}"
        start, end = _span(article.published)
        yield self.finding(
            doc.for_field("published"),
            start,
            end,
            f"published '{article.published.strip()}' is {gap} the date in the URL ({shown}): one of them is wrong",
        )


RULES = [
    UnparseableDate,
    PlaceholderDate,
    FuturePublished,
    PublishedBeforeWeb,
    ModifiedBeforePublished,
    MissingTimezone,
    UrlDateMismatch,
]
