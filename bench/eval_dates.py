"""Benchmark of the DAT rules on real news text with injected dates; `calendar` is the oracle.

Real sentences come from the `clean` field of the L3S-GN1 pages (shared/data). Into each page
we put, at the end of a real sentence or in place of a real date, either an impossible or
malformed date (which must be found) or a valid date / a number that is not a date (which must
not be). Every format news text uses is rendered. The untouched pages (clean and naive) are
linted too: every finding there counts against precision.

    python bench/eval_dates.py [--pages N] [--seed S]

Prints recall per kind of defect, findings on valid dates and non-dates, findings on the
untouched pages, and the speed of the grammar against python-dateutil's fuzzy parser.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import time
import warnings
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

from scrapelint.config import Settings, resolve_rules
from scrapelint.document import Document
from scrapelint.engine import Linter
from scrapelint.models import Article, Finding
from scrapelint.rules.dat import scan

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "l3s_gn1_lines.jsonl"
MONTHS = calendar.month_name[1:]
ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = list(calendar.day_name)
AFTER_WEEKDAY = re.compile(r"(?:day|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s*$")  # a real date's weekday stays put


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


# -- renderings of a (year, month, day) in the formats of news text ----------------------

FORMATS: dict[str, Callable[[int, int, int], str]] = {
    "March 5, 1953": lambda y, m, d: f"{MONTHS[m - 1]} {d}, {y}",
    "March 5th, 1953": lambda y, m, d: f"{MONTHS[m - 1]} {ordinal(d)}, {y}",
    "Mar. 5, 1953": lambda y, m, d: f"{ABBR[m - 1]} {d}, {y}",
    "5 March 1953": lambda y, m, d: f"{d} {MONTHS[m - 1]} {y}",
    "5th of March, 1953": lambda y, m, d: f"{ordinal(d)} of {MONTHS[m - 1]}, {y}",
    "March 5": lambda y, m, d: f"{MONTHS[m - 1]} {d}",
    "5 March": lambda y, m, d: f"{d} {MONTHS[m - 1]}",
    "2023-03-05": lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
}


def valid_day(rng: random.Random, lo: int = 1850, hi: int = 2008) -> date:
    start = date(lo, 1, 1).toordinal()
    return date.fromordinal(rng.randrange(start, date(hi, 6, 1).toordinal()))


def invalid_dates(rng: random.Random) -> list[tuple[str, str]]:
    """(kind, text) pairs that the calendar says are impossible or malformed."""
    out: list[tuple[str, str]] = []
    y = rng.randrange(1900, 2008)
    # day out of range for its month (30/31 in short months, 29 in February of a common year, 32+)
    month = rng.choice([2, 4, 6, 9, 11])
    last = calendar.monthrange(y, month)[1]
    day = rng.choice([*list(range(last + 1, 32)), 32, 33, 35])
    if day > 31:
        fmt = rng.choice(["March 5, 1953", "5 March 1953", "March 5th, 1953", "Mar. 5, 1953"])
    else:
        fmt = rng.choice(list(FORMATS)[:-1])
    if ((fmt.startswith("March 5") and "," not in fmt) or fmt == "5 March") and month == 2 and day == 29:
        day = 30  # February 29 without a year may be a leap day
    out.append(("day-out-of-range", FORMATS[fmt](y, month, day)))
    common = rng.choice([yy for yy in range(1900, 2008) if not calendar.isleap(yy)])
    out.append(("feb-29-common-year", rng.choice(list(FORMATS.values())[:5])(common, 2, 29)))
    # month out of range in ISO and numeric dates
    out.append(("iso-month", f"{y}-{rng.randrange(13, 20)}-{rng.randrange(1, 29):02d}"))
    iso_day = rng.choice([(4, 31), (6, 31), (2, 30), (9, 31), (11, 31), (1, 32)])
    out.append(("iso-day", f"{y}-{iso_day[0]:02d}-{iso_day[1]:02d}"))
    a, b = rng.randrange(13, 32), rng.randrange(13, 32)
    out.append(("numeric-no-reading", f"{a}/{b}/{y}"))
    out.append(("numeric-no-reading", f"{rng.choice([31, 30])}.{rng.choice([2, 13, 14])}.{y}"))
    # a five-digit year: one digit doubled or inserted
    digits = str(y)
    position = rng.randrange(1, 4)
    typo = digits[:position] + rng.choice("0123456789") + digits[position:]
    real = valid_day(rng)
    fmt5 = rng.choice(["{M} {d}, {Y}", "{M}, {Y}", "{M} {Y}", "{d} {M} {Y}", "{M} {o}, {Y}"])
    out.append(("five-digit-year", fmt5.format(M=MONTHS[real.month - 1], d=real.day, o=ordinal(real.day), Y=typo)))
    name = MONTHS[real.month - 1]
    out.append(("year-zero", rng.choice([f"{name} {real.day}, 0000", f"{real.day} {name} 0000"])))
    # weekday that does not match
    wrong = (real.weekday() + rng.randrange(1, 7)) % 7
    wd = WEEKDAYS[wrong]
    out.append(
        (
            "weekday",
            rng.choice(
                [
                    f"{wd}, {MONTHS[real.month - 1]} {real.day}, {real.year}",
                    f"{wd}, {real.day} {MONTHS[real.month - 1]} {real.year}",
                    f"{wd[:3]}., {ABBR[real.month - 1]} {real.day}, {real.year}",
                ]
            ),
        )
    )
    # malformed ordinal, glued date, reversed range
    bad_day = rng.choice([d for d in range(1, 32) if ordinal(d)[-2:] != "rd" and d not in (11, 12, 13)])
    bad = f"{bad_day}{rng.choice(['st', 'nd', 'rd'] if ordinal(bad_day).endswith('th') else ['th'])}"
    if bad == ordinal(bad_day):
        bad = f"{bad_day}rd"
    out.append(("bad-ordinal", rng.choice([f"{bad} {name}", f"{name} {bad}, {real.year}", f"the {bad} of {name}"])))
    out.append(
        (
            "glued",
            rng.choice(
                [
                    f"{name} {real.day}, {real.year}{rng.choice(['was', 'The', 'when', 'and'])}",
                    f"{name} {real.day},{real.year}",
                    f"{real.day}{name} {real.year}",
                ]
            ),
        )
    )
    out.append(("day-out-of-range", f"{calendar.monthrange(y, month)[1] + 1}-{calendar.month_abbr[month]}-{y}"))
    out.append(("far-future", f"{name} {real.day}, {rng.randrange(2015, 2100)}"))  # the pages are from 2008
    start = rng.randrange(1950, 2008)
    out.append(("reversed-range", f"{start}{rng.choice(['–', '-', ' – '])}{start - rng.randrange(1, 9)}"))
    return out


def valid_dates(rng: random.Random) -> list[tuple[str, str]]:
    """(kind, text) pairs that are valid dates, or numbers that are not dates."""
    real = valid_day(rng)
    y, m, d = real.year, real.month, real.day
    out = [(f"valid {name}", render(y, m, d)) for name, render in FORMATS.items()]
    leap = rng.choice([yy for yy in range(1900, 2008) if calendar.isleap(yy)])
    out += [
        ("valid leap day", f"February 29, {leap}"),
        ("valid month-year", f"{MONTHS[m - 1]} {y}"),
        ("valid month-comma-year", f"{MONTHS[m - 1]}, {y}"),
        ("valid weekday", f"{WEEKDAYS[real.weekday()]}, {MONTHS[m - 1]} {d}, {y}"),
        ("valid weekday dmy", f"{WEEKDAYS[real.weekday()]} {d} {MONTHS[m - 1]} {y}"),
        ("valid numeric", f"{d:02d}/{m:02d}/{y}"),
        ("valid numeric us", f"{m}/{d}/{y}"),
        ("valid dotted", f"{d}.{m}.{y}"),
        ("valid day range", f"between {MONTHS[m - 1]} {min(d, 20)}-{min(d, 20) + 6}"),
        ("valid year range", f"{y}–{y + rng.randrange(1, 9)}"),
        ("valid fiscal year", f"{y}-{(y + 1) % 100:02d}"),
        ("valid decade", f"the {y // 10 * 10}s"),
        ("valid decade apostrophe", f"the {y // 10 * 10}’s"),
        ("valid bare year", f"in {y}"),
        ("not a date: count", f"{rng.randrange(2, 99)} million"),
        ("not a date: percent", f"{rng.randrange(1, 99)}.{rng.randrange(0, 9)}%"),
        ("not a date: respondents", f"{rng.randrange(1, 9)},{rng.randrange(100, 999)} respondents"),
        ("not a date: price", f"${rng.randrange(1, 99)},{rng.randrange(100, 999)}"),
        ("not a date: phone", f"(212) 555-{rng.randrange(1000, 9999)}"),
        ("not a date: phone intl", f"+44 20 {rng.randrange(1000, 9999)} {rng.randrange(1000, 9999)}"),
        ("not a date: ISBN", f"ISBN 978-0-{rng.randrange(10, 99)}-{rng.randrange(100000, 999999)}-{rng.randrange(9)}"),
        ("valid near future", f"{MONTHS[m - 1]} {d}, {rng.randrange(2008, 2012)}"),
        ("valid dd-Mon-yyyy", f"{d:02d}-{calendar.month_abbr[m]}-{y}"),
        ("not a date: count month", f"In {MONTHS[m - 1]} {rng.randrange(32, 99)} people"),
        ("not a date: large number", f"{rng.randrange(10000, 99999)} people"),
    ]
    return out


# -- injection ------------------------------------------------------------------------


def inject(text: str, phrase: str, rng: random.Random) -> tuple[str, int, int] | None:
    """Put `phrase` into a real sentence: in place of a real date, or before a sentence's final period."""
    doc = Document(Article(id="x", text=text, path="x"))
    real = [
        hit
        for hit in scan(text)
        if hit.form in ("mdy", "dmy", "my") and not AFTER_WEEKDAY.search(text, max(0, hit.start - 12), hit.start)
    ]
    if real and rng.random() < 0.5:
        hit = rng.choice(real)
        return text[: hit.start] + phrase + text[hit.end :], hit.start, hit.start + len(phrase)
    ends = [s for s in doc.sentences if text[s.end - 1] == "." and s.end - s.start > 40]
    if not ends:
        return None
    sentence = rng.choice(ends)
    cut = sentence.end - 1
    glue = " " if phrase[0].islower() or phrase.startswith(("In ", "ISBN", "$", "(", "+")) else " on "
    return text[:cut] + glue + phrase + text[cut:], cut + len(glue), cut + len(glue) + len(phrase)


def lint(linter: Linter, text: str, published: str | None = None) -> list[Finding]:
    return linter.lint(Article(id="x", text=text, path="x", published=published))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=621)
    parser.add_argument("--quiet", action="store_true", help="print the summary only")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    detail: Callable[..., None] = (lambda *_: None) if args.quiet else print
    pages = [json.loads(line) for line in DATA.open(encoding="utf-8")][: args.pages]
    settings = Settings(select=["DAT"])
    linter = Linter(resolve_rules(settings), settings)

    # 1. untouched pages: every finding is noise unless the page really has a broken date
    noise = Counter()
    real_dates = 0
    for page in pages:
        for key in ("clean", "naive"):
            real_dates += len(scan(page[key])) if key == "clean" else 0
            for finding in lint(linter, page[key], "2008-06-01"):
                noise[key] += 1
                detail(f"untouched {key}: {finding.rule} {page[key][finding.start : finding.end]!r}: {finding.message}")

    # 2. injected defects and injected valid dates
    found, total = Counter(), Counter()
    valid_hits, valid_total = Counter(), Counter()
    stray = 0
    for page in pages:
        text = page["clean"]
        for kind, phrase in invalid_dates(rng):
            placed = inject(text, phrase, rng)
            if placed is None:
                continue
            new, start, end = placed
            findings = lint(linter, new, "2008-06-01")
            total[kind] += 1
            hit = [f for f in findings if f.start < end and f.end > start]
            if hit:
                found[kind] += 1
            else:
                detail(f"missed {kind}: {phrase!r} in {new[max(0, start - 40) : end + 40]!r}")
            stray += len(findings) - len(hit)
        for kind, phrase in valid_dates(rng):
            placed = inject(text, phrase, rng)
            if placed is None:
                continue
            new, start, end = placed
            findings = lint(linter, new, "2008-06-01")
            valid_total[kind] += 1
            bad = [f for f in findings if f.start < end and f.end > start]
            if bad:
                valid_hits[kind] += 1
                detail(f"false alarm {kind}: {new[max(0, start - 40) : end + 40]!r}: {bad[0].rule} {bad[0].message}")
            stray += len(findings) - len(bad)

    print("\n## Injected impossible / malformed dates (recall)")
    for kind in sorted(total):
        print(f"  {kind:24} {found[kind]:5}/{total[kind]:<5} {found[kind] / total[kind]:.3f}")
    all_found, all_total = sum(found.values()), sum(total.values())
    print(f"  {'ALL':24} {all_found:5}/{all_total:<5} {all_found / all_total:.3f}")
    print("\n## Injected valid dates and non-dates (findings on them; target 0)")
    for kind in sorted(valid_total):
        if valid_hits[kind]:
            print(f"  {kind:28} {valid_hits[kind]}/{valid_total[kind]}")
    print(f"  ALL {sum(valid_hits.values())} findings on {sum(valid_total.values())} valid dates/non-dates")
    print(f"  findings elsewhere in injected pages: {stray}")
    print(
        f"\n## Untouched pages: {real_dates} date expressions in clean text; findings clean={noise['clean']} "
        f"naive={noise['naive']}"
    )

    # 3. speed: the grammar against python-dateutil's fuzzy parser on the same sentences
    texts = [page["naive"] for page in pages]
    chars = sum(map(len, texts))
    began = time.perf_counter()
    for text in texts:
        scan(text)
    grammar = time.perf_counter() - began
    print(f"\n## Speed: grammar scan {chars / grammar / 1e6:.1f} M chars/s over {chars / 1e6:.1f} M chars")
    warnings.simplefilter("ignore")  # dateutil warns about every unknown time zone name in fuzzy mode
    try:
        from dateutil import parser as dateutil_parser
    except ImportError:  # pragma: no cover
        return
    sentences = [
        text[s.start : s.end] for text in texts[:100] for s in Document(Article(id="x", text=text, path="x")).sentences
    ]
    began = time.perf_counter()
    dated = 0
    for sentence in sentences:
        try:
            dateutil_parser.parse(sentence, fuzzy=True, default=__import__("datetime").datetime(1, 1, 1))
            dated += 1
        except (ValueError, OverflowError):
            pass
    fuzzy = time.perf_counter() - began
    sub = sum(map(len, sentences))
    began = time.perf_counter()
    with_grammar = sum(1 for sentence in sentences if scan(sentence))
    grammar_sub = time.perf_counter() - began
    print(
        f"  on {len(sentences)} sentences of 100 pages: dateutil fuzzy {sub / fuzzy / 1e6:.2f} M chars/s, "
        f"grammar {sub / grammar_sub / 1e6:.2f} M chars/s; dateutil 'finds a date' in {dated} sentences, "
        f"the grammar in {with_grammar}"
    )


if __name__ == "__main__":
    main()
