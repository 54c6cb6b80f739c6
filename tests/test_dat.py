"""DAT rules: impossible, malformed and implausible dates in the body, and never a number that is not a date."""

from __future__ import annotations

import calendar
import json
import random
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapelint.rule import all_rules
from scrapelint.rules.dat import GRAMMAR, grammar_matches, scan
from tests.conftest import SHARED_DATA, flagged, lint_text


def dat(text: str, **fields) -> list:
    return lint_text(text, select=["DAT"], **fields)


# -- the seed ---------------------------------------------------------------------------


def test_seed_reports_the_five_digit_year_and_nothing_else(seed_text: str) -> None:
    findings = dat(seed_text)
    assert flagged(seed_text, findings) == ["19808"]
    (finding,) = findings
    assert finding.rule == "DAT001"
    assert "four digits" in finding.message and "1908" in finding.message
    assert finding.fix is not None and finding.fix.replacement == "1908"
    assert finding.fix.applicability == "unsafe"


@pytest.mark.parametrize(
    ("text", "glued", "fixed"),
    [
        ("Veröffentlicht am 10. Februar 20199. Februar 2019 von Heiko", "20199. Februar", "2019 9. Februar"),
        ("28. Juni 201914. Januar 2020 | Klaus", "201914. Januar", "2019 14. Januar"),
        ("miércoles, 4 de mayo de 202207:59 hs", "202207:59", "2022 07:59"),
    ],
)
def test_a_year_glued_to_the_next_date_or_a_time_gets_a_space_not_a_digit_dropped(
    text: str, glued: str, fixed: str
) -> None:
    """Pages that print a date twice (published, updated) or a date and its time glue them: dropping a
    digit ("probably 2019") would destroy the next date; the space is what is missing."""
    (finding,) = [f for f in dat(text) if f.rule == "DAT001"]
    assert text[finding.start : finding.end] == glued
    assert "a space is missing" in finding.message
    assert finding.fix is not None and finding.fix.applicability == "safe"
    assert fixed in text[: finding.fix.start] + finding.fix.replacement + text[finding.fix.end :]


def test_a_five_digit_year_before_a_number_that_is_no_date_is_still_a_typo() -> None:
    (finding,) = dat("He was arrested in March, 19808. 8 months later he was free.")
    assert "four digits" in finding.message and "glued" not in finding.message


def test_seed_valid_dates_are_found_but_not_reported(seed_text: str) -> None:
    found = [seed_text[h.start : h.end] for h in scan(seed_text)]
    for expected in (
        "March 5th, 1953",
        "December 18th, 1878",
        "April 1902",
        "March 1913",
        "December 1899",
        "March 21-27",
        "March 5, 1953",
    ):
        assert expected in found
    assert not any(f.start <= seed_text.index("1,600") < f.end for f in dat(seed_text))


# -- table: valid dates and non-dates are never reported -----------------------------------

VALID = [
    "He died on March 5th, 1953.",
    "She was born on 5 March 1953 in Leeds.",
    "It opened on Mar. 5, 1953, to crowds.",
    "The Sept. 11, 2001 attacks changed that.",
    "Arrested in March 1913 and again in December, 1899.",
    "It happened on the 5th of March, 1953.",
    "The file is dated 2023-03-05 and 05-Mar-2023, and 5\u00a0March\u00a02023.",
    "The form says 05/03/2023 and 12/25/2023.",
    "In Germany it was 5.3.2023.",
    "The 2023-24 budget and the 1999-00 season.",
    "In the 1930s and the 1930’s people moved.",
    "The survey ran between March 21-27.",
    "It was held 21–27 March.",
    "Prices rose in 2019.",
    "He served 2015–2019.",
    "It was a leap day, February 29, 2024.",
    "On February 29 we celebrate.",
    "He arrived on Tuesday, March 4, 2008.",
    "He arrived on Tuesday 4 March 2008.",
    "Dynasties from 2000–1500 BC were studied.",
    "In February 30 people died in the floods.",
    "In January 32 Palestinians were killed.",
    "World War 2 claimed the lives of 27 million Soviet people.",
    "India holds 40% of the wealth, with a 22.6% share in income.",
    "The survey among 1,600 respondents was published.",
    "Call (212) 555-0100 or +44 20 7946 0958 today.",
    "See ISBN 978-0-19-852663-6 and ISBN 0-19-2008-1.",
    "In March 12000 people marched.",
    "She earned $31,000 in May 2008.",
    "February 30,000 troops",  # a heading fragment: a count, not a date
    "A 31 June Smith album.",
    "Released in May 31 countries.",
    "The Sun, March 5, 2024, reported it first.",
    "There were cases in 19500 homes.",
    "Case 2019-45-12 and form 45/67/2023 are codes.",
    "He drove Route 66 June 2008 and sailed 2000–1800 BP.",
]


@pytest.mark.parametrize("text", VALID)
def test_valid_dates_and_numbers_are_not_reported(text: str) -> None:
    assert dat(text, published="2024-06-01") == []


# -- table: impossible and malformed dates, one per format ---------------------------------

INVALID = [
    # text, rule, flagged characters
    ("He was arrested in March, 19808.Eight months later", "DAT001", "19808"),
    ("It was signed on March 5, 20008 in Paris.", "DAT001", "20008"),
    ("They met on 31 April 2019.", "DAT001", "31 April 2019"),
    ("They met on 32 March 2019.", "DAT001", "32 March 2019"),
    ("They met on April 31st, 2019.", "DAT001", "April 31st, 2019"),
    ("They met on February 30.", "DAT001", "February 30"),
    ("The deal of February 29, 2023 collapsed.", "DAT001", "February 29, 2023"),
    ("The vote on Sept. 31, 2001 was close.", "DAT001", "Sept. 31, 2001"),
    ("It was recorded on 2023-13-05.", "DAT001", "2023-13-05"),
    ("It was recorded on 2023-02-30.", "DAT001", "2023-02-30"),
    ("The form is dated 31/13/2023.", "DAT001", "31/13/2023"),
    ("The letter is dated 31.02.2023.", "DAT001", "31.02.2023"),
    ("It happened on March 5, 0000.", "DAT001", "March 5, 0000"),
    ("It happened on March 0, 2020.", "DAT001", "March 0, 2020"),
    ("They met on January 32nd.", "DAT001", "January 32nd"),
    ("He was born in 19808.", "DAT001", "19808"),
    ("He was born in 19808 when the war began.", "DAT001", "19808"),
    ("They missed the April 31 deadline.", "DAT001", "April 31"),
    ("They met on Monday, 5 March 2024.", "DAT002", "Monday, 5 March 2024"),
    ("They met on Wed., March 4, 2008.", "DAT002", "Wed., March 4, 2008"),
    ("They met on 5rd March 2024.", "DAT003", "5rd"),
    ("They met on March 22th.", "DAT003", "22th"),
    ("They met on the 11st of March.", "DAT003", "11st"),
    ("They met on March 5, 2024Officials said", "DAT003", "March 5, 2024Officials"),
    ("They met on March 5,2024 in Rome.", "DAT003", "March 5,2024"),
    ("They met on 5March 2024 in Rome.", "DAT003", "5March 2024"),
    ("He served 2019–2017 as mayor.", "DAT004", "2019–2017"),
    ("He served 2019 – 2017 as mayor.", "DAT004", "2019 – 2017"),
    ("Filed on 31-Apr-2023 in Delhi.", "DAT001", "31-Apr-2023"),
    ("The mission expires in 31 June. The report follows.", "DAT001", "31 June"),
    ("It was logged on 1988-01-32.", "DAT001", "1988-01-32"),
    ("Posted 0000-00-00 by admin", "DAT001", "0000-00-00"),
    ("WUHAN, November 31 (Xinhua) -- An official", "DAT001", "November 31"),
    ("She was hit on 31 June last year.", "DAT001", "31 June"),
    ("They travel on 10 December 10923 confident of a win.", "DAT001", "10923"),
    ("It is slated for a 13 May 16999 launch.", "DAT001", "16999"),
    ("It began with the Mon., Mar. 4, 1992 murder.", "DAT002", "Mon., Mar. 4, 1992"),
    ("The survey ran March 27-21.", "DAT004", "27-21"),
]


@pytest.mark.parametrize(("text", "rule", "span"), INVALID)
def test_impossible_and_malformed_dates_are_reported(text: str, rule: str, span: str) -> None:
    findings = [f for f in dat(text, published="2024-06-01") if f.rule == rule]
    assert flagged(text, findings) == [span]


def test_messages_say_why() -> None:
    (finding,) = dat("They met on 31 April 2019.")
    assert "April has 30 days" in finding.message
    (finding,) = dat("The deal of February 29, 2023 collapsed.")
    assert "not a leap year" in finding.message
    (finding,) = dat("They met on Monday, 5 March 2024.")
    assert "Tuesday" in finding.message and "Monday" in finding.message


def test_fixes_insert_the_missing_space_and_fix_ordinals_unsafely() -> None:
    text = "They met on March 5, 2024Officials said, and on 5rd March."
    findings = dat(text)
    glued = next(f for f in findings if "glued" in f.message)
    assert glued.fix is not None and glued.fix.applicability == "safe"
    fixed = text[: glued.fix.start] + glued.fix.replacement + text[glued.fix.end :]
    assert "2024 Officials" in fixed
    ordinal = next(f for f in findings if "ordinal" in f.message)
    assert ordinal.fix is not None and ordinal.fix.applicability == "unsafe" and ordinal.fix.replacement == "th"


def test_numeric_order_option_reports_dates_valid_only_in_the_other_order() -> None:
    text = "The form is dated 12/25/2023."
    assert dat(text) == []
    findings = lint_text(text, select=["DAT001"], rules={"DAT001": {"numeric-order": "dmy"}})
    assert flagged(text, findings) == ["12/25/2023"]


# -- implausible dates against the article's own date -------------------------------------


def test_dates_far_after_publication_are_reported_but_plans_are_not() -> None:
    text = "The deal was signed on March 5, 2031. Emissions must fall by 2050. Talks resume on March 8, 2024."
    findings = dat(text, published="2024-03-05T09:00:00Z")
    assert flagged(text, findings) == ["March 5, 2031"]
    assert findings[0].rule == "DAT005" and "7 years after" in findings[0].message
    # the same text in an article from 2030 is fine
    assert dat(text, published="2030-01-01") == []


def test_numeric_dates_are_read_in_the_article_order_and_far_ones_reported() -> None:
    text = "Filed 25/12/2023, the appeal is due 03/05/2031. The next hearing is 04/06/2024."
    findings = dat(text, published="2024-01-10")
    assert flagged(text, findings) == ["03/05/2031"]


def test_future_limit_is_configurable() -> None:
    text = "It will open on March 5, 2027."
    assert dat(text, published="2024-03-05") == []
    findings = lint_text(text, select=["DAT005"], rules={"DAT005": {"max-years-ahead": 1}}, published="2024-03-05")
    assert flagged(text, findings) == ["March 5, 2027"]


# -- spans, docs, speed ---------------------------------------------------------------------


def test_offsets_are_code_points_after_non_ascii_text() -> None:
    text = "Émile — “né” 🙂 on 31 April 2019."
    (finding,) = dat(text)
    assert text[finding.start : finding.end] == "31 April 2019"
    assert finding.column == finding.start + 1


def test_every_rule_is_documented() -> None:
    for code, rule in all_rules().items():
        if code.startswith("DAT"):
            assert rule.summary and rule.what and rule.why and rule.example


def test_injected_defects_in_real_news_are_found_and_real_dates_are_not() -> None:
    """A small version of bench/eval_dates.py: real L3S-GN1 sentences, calendar as the oracle."""
    path = SHARED_DATA / "l3s_gn1_lines.jsonl"
    if not path.exists():
        pytest.skip("shared development data not present")
    rng = random.Random(3)
    pages = [json.loads(line)["clean"] for _, line in zip(range(60), path.open(encoding="utf-8"), strict=False)]
    missed = []
    for text in pages:
        assert dat(text, published="2008-06-01") == [], "a real page must not be reported"
        year = rng.randrange(1950, 2008)
        month = rng.choice([4, 6, 9, 11])
        bad = f"{calendar.month_name[month]} 31, {year}"
        injected = f"{text}\nThe hearing was set for {bad}."
        if not any(injected[f.start : f.end] == bad for f in dat(injected, published="2008-06-01")):
            missed.append(bad)
    assert missed == []


# -- properties, with the calendar as the oracle ------------------------------------------

RENDER = {
    "March 5, 1953": lambda y, m, d: f"{calendar.month_name[m]} {d}, {y}",
    "Mar. 5, 1953": lambda y, m, d: f"{calendar.month_abbr[m]}. {d}, {y}",
    "5th March 1953": lambda y, m, d: (
        f"{d}{'th' if 10 <= d <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')} {calendar.month_name[m]} {y}"
    ),
    "5 March 1953": lambda y, m, d: f"{d} {calendar.month_name[m]} {y}",
    "1953-03-05": lambda y, m, d: f"{y}-{m:02d}-{d:02d}",
    "05/03/1953": lambda y, m, d: f"{d:02d}/{m:02d}/{y}",
    "03/05/1953": lambda y, m, d: f"{m:02d}/{d:02d}/{y}",
}


@settings(max_examples=300, deadline=None)
@given(day=st.dates(min_value=date(1753, 1, 1), max_value=date(2020, 12, 31)), fmt=st.sampled_from(sorted(RENDER)))
def test_every_real_date_in_every_format_is_silent(day: date, fmt: str) -> None:
    phrase = RENDER[fmt](day.year, day.month, day.day)
    weekday = calendar.day_name[day.weekday()]
    text = f"The court met on {weekday}, {phrase}, and again later." if fmt[0].isalpha() else f"Filed {phrase}."
    assert dat(text, published="2021-01-01") == []


@settings(max_examples=300, deadline=None)
@given(
    year=st.integers(1753, 2020),
    month=st.integers(1, 12),
    past_end=st.integers(1, 3),
    fmt=st.sampled_from(["March 5, 1953", "Mar. 5, 1953", "5th March 1953", "5 March 1953", "1953-03-05"]),
)
def test_every_impossible_day_is_reported(year: int, month: int, past_end: int, fmt: str) -> None:
    day = calendar.monthrange(year, month)[1] + past_end  # 1-3 days after the month's last day
    phrase = RENDER[fmt](year, month, day)
    text = f"The court met on {phrase} and adjourned."
    assert [f.rule for f in dat(text, published="2021-01-01")] == ["DAT001"]


# -- the fast scan finds every date the grammar finds ---------------------------------------

_NUMBERS = ["5", "12", "31", "2019", "1999", "0000", "19808", "\u0665", "\u0662\u0660\u0662\u0664", "0", "99"]
_SUFFIXES = ["th", "st", "nd", "rd", "d", ""]
_GAPS = [
    " ",
    "  ",
    "    ",
    "\t",
    "\u00a0",
    "\u202f",
    "\u2009",
    "-",
    "–",
    "—",
    " – ",
    "/",
    ".",
    ",",
    ", ",
    " ,",
    " of ",
    "",
    "\n",
]
_WORDS = [
    "March",
    "Mar",
    "Mar.",
    "MARCH",
    "Sept",
    "Sept.",
    "September.",
    "SEPTEMBER",
    "May",
    "June",
    "Monday",
    "Mon",
    "Tue.",
    "Thurs",
    "Wed,",
    "Wednesday.,",
    "Sun",
    "the",
    "x",
    "in",
    "since",
    "$",
    "%",
    "Dec",
    "Nov",
    "Mark",
    "ISBN",
]
# The longest reach of a date before its first digit and across its gaps.
_LONGEST = [
    "Wednesday.,   September.   5",
    "Wednesday.,   the   5th March",
    "SEPTEMBER. ,   2024",
    "5th   of   September. ,   2024",
    "5th      –      7th March",
    "1999     —     2000",
    "Thursday, 5 March 2024",
    "31st-30th December 2023",
]


def _date_soup(rng: random.Random) -> str:
    """Numbers, ordinals, month and weekday names and separators in random order: dates, near-dates and junk."""
    parts = []
    for _ in range(rng.randint(1, 8)):
        kind = rng.random()
        if kind < 0.35:
            parts.append(rng.choice(_NUMBERS) + rng.choice(_SUFFIXES))
        elif kind < 0.7:
            parts.append(rng.choice(_WORDS))
        parts.append(rng.choice(_GAPS))
    return "".join(parts)


def _spans(matches) -> list[tuple[tuple[int, int], str | None]]:
    return [(match.span(), match.lastgroup) for match in matches]


def test_the_fast_scan_misses_no_date_the_grammar_finds() -> None:
    """The scan tries the grammar only where a date can start; it must find exactly what the grammar finds
    everywhere ("5th-7th March", "1999 – 2000", "Wed, 5 March", Arabic-Indic digits, dates across lines)."""
    for text in _LONGEST:
        assert _spans(grammar_matches(f"On {text}.")) == _spans(GRAMMAR.finditer(f"On {text}.")) != [], text
    rng = random.Random(11)
    for _ in range(30_000):
        text = _date_soup(rng)
        assert _spans(grammar_matches(text)) == _spans(GRAMMAR.finditer(text)), text


def test_the_fast_scan_finds_every_date_of_real_pages() -> None:
    path = SHARED_DATA / "l3s_gn1_lines.jsonl"
    if not path.exists():
        pytest.skip("shared development data not present")
    found = 0
    for line in path.open(encoding="utf-8"):
        page = json.loads(line)
        for text in (page["naive"], page["clean"]):
            expected = _spans(GRAMMAR.finditer(text))
            assert _spans(grammar_matches(text)) == expected, page["id"]
            found += len(expected)
    assert found > 2500  # the pages hold about 2,900 date expressions


# -- dates in other languages (issue #14) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "rule"),
    [
        ("Der Vertrag wurde am 30. Februar 2021 unterschrieben, sagte der Sprecher.", "30. Februar 2021", "DAT001"),
        ("O relatório saiu em 31 de novembro de 2019, segundo o governo.", "31 de novembro de 2019", "DAT001"),
        ("Le décret a été publié le 31 février 2021 au Journal officiel.", "31 février 2021", "DAT001"),
        ("Закон был принят 30 февраля 2021 года, сообщили в парламенте.", "30 февраля 2021", "DAT001"),
        ("Il decreto è stato firmato il 31 aprile 2021 dal presidente.", "31 aprile 2021", "DAT001"),
        ("Ustawa została przyjęta 31 kwietnia 2021 r. przez Sejm.", "31 kwietnia 2021", "DAT001"),
        ("De wet werd op 31 juni 2021 aangenomen door de Tweede Kamer.", "31 juni 2021", "DAT001"),
        ("El lunes 12 de noviembre de 2019 se firmó el acuerdo en Madrid.", "lunes 12 de noviembre de 2019", "DAT002"),
        ("Am Montag, 5. März 2024, tagte der Ausschuss des Bundestages.", "Montag, 5. März 2024", "DAT002"),
        # a name German shares with English, after the day's dot, which the English grammar does not read
        ("Der Vertrag wurde am 31. April 2024 unterzeichnet, teilte die Firma mit.", "31. April 2024", "DAT001"),
        ("Die Messe endete am 1. November 20231. November 2023 in Hannover.", "20231. November", "DAT001"),
        # with its weekday, a German date before a name English shares is checked whole (English reads only
        # "November 2024" and no weekday there)
        ("Die Sitzung fand am Montag, 26. November 2024 statt.", "Montag, 26. November 2024", "DAT002"),
        # months from the CLDR: cs, sk, hu, ro, fi, el, tr, sv, da, nb, uk ... (rules/data/dat_names.tsv)
        ("Smlouva byla podepsána 31. září 2024 v Praze.", "31. září 2024", "DAT001"),  # cs
        ("Zákon nadobudol účinnosť 31. septembra 2023 podľa vlády.", "31. septembra 2023", "DAT001"),  # sk
        ("Sopimus allekirjoitettiin 31. kesäkuuta 2022 Helsingissä.", "31. kesäkuuta 2022", "DAT001"),  # fi
        ("Η συμφωνία υπογράφηκε στις 31 Απριλίου 2021 στην Αθήνα.", "31 Απριλίου 2021", "DAT001"),  # el
        ("Anlaşma 31 Kasım 2020 tarihinde imzalandı.", "31 Kasım 2020", "DAT001"),  # tr
        ("Avtalet undertecknades den 30 februari 2019 i Stockholm.", "30 februari 2019", "DAT001"),  # sv
        ("Aftalen blev underskrevet den 31. juni 2018 i Aarhus.", "31. juni 2018", "DAT001"),  # da/nb
        ("Contractul a fost semnat pe 31 noiembrie 2017 la Cluj.", "31 noiembrie 2017", "DAT001"),  # ro
        ("Угоду підписали 30 лютого 2016 року в Києві.", "30 лютого 2016", "DAT001"),  # uk
        ("A szerződést 2015. február 30-án írták alá.", "2015. február 30", "DAT001"),  # hu, year first
        ("Nehoda se stala 31. dubna kolem šesté hodiny ráno.", "31. dubna", "DAT001"),  # the day's dot: a date
        ("Schůze se konala v úterý 14. října 2024 odpoledne.", "úterý 14. října 2024", "DAT002"),  # a Monday
        ("Toplantı Pazartesi, 15 Ekim 2024 günü yapıldı.", "Pazartesi, 15 Ekim 2024", "DAT002"),  # a Tuesday
    ],
)
def test_dates_with_month_names_in_other_languages_are_checked(text: str, span: str, rule: str) -> None:
    findings = lint_text(text, select=["DAT"])
    assert [(f.rule, text[f.start : f.end]) for f in findings] == [(rule, span)]


@pytest.mark.parametrize(
    "text",
    [
        "Am Dienstag, 5. März 2024, tagte der Ausschuss des Bundestages.",
        "Foi divulgado em 12 de novembro de 2019 pelo ministério da saúde.",
        "Le décret a été publié le 3 février 2021 au Journal officiel.",
        "Закон был принят 3 марта 2021 года, сообщили в парламенте.",
        "El martes 12 de noviembre de 2019 se firmó el acuerdo en Madrid.",
        "Es kamen 30 Mann und 12 Frauen, zusammen 42 Personen, für 31 Euro pro Kopf.",
        "Der Preis liegt bei 5 Mai-Tickets für 30 Euro und 12 März-Aktionen.",
        "Wir haben 31 Mars-Riegel und 40 Marsmissionen gezählt.",
        "Der Vertrag wurde am 30. April 2024 unterzeichnet, teilte die Firma mit.",
        "Die Sitzung fand am Dienstag, 26. November 2024 statt.",
        "Smlouva byla podepsána 30. září 2024 v Praze a platí od 1. října.",
        "Sopimus allekirjoitettiin maanantaina 30. syyskuuta 2024 Helsingissä.",
        "Η συμφωνία υπογράφηκε τη Δευτέρα 30 Σεπτεμβρίου 2024 στην Αθήνα.",
        "Anlaşma 29 Şubat 2024 tarihinde imzalandı; 31 Mart'ta yürürlüğe girdi.",
        "A szerződést 2024. február 29-én írták alá, 2024. március 31. óta érvényes.",
        "Bilet 31 lei costă, iar 30 de mai mulți oameni au venit.",  # Romanian 'mai' (more) after a count
        "Vstupné stojí 31 Kč a přišlo 40 lidí; 12 září nabízíme za 35 eur.",
        "Kaupassa oli 31 kesäkuuta-kampanjaa ja 40 euroa alennusta.",
        "Vi solgte 31 maj-billetter og 45 kroner i alt.",
    ],
)
def test_valid_foreign_dates_counts_and_prices_are_not_defects(text: str) -> None:
    assert lint_text(text, select=["DAT"]) == []


def test_a_date_passed_as_a_string_in_code_is_a_test_value_not_a_typo() -> None:
    from .conftest import lint_text

    text = 'Note that parse_date("2023-02-29") raises, as it should, while d = "2024-02-29" parses fine.'
    assert lint_text(text, select=["DAT"]) == []
    text = 'The report is dated "2023-02-30", the clerk said, and nobody noticed the impossible date.'
    assert [f.rule for f in lint_text(text, select=["DAT"])] == ["DAT001"]


def test_a_date_on_a_repl_line_or_in_a_list_of_test_values_is_code() -> None:
    # one helper (rules/structure.py's string_in_code) tells DAT and DEB009 that a string is handed to code
    from scrapelint.rules.structure import string_in_code

    text = ">>> dateparser.parse(u'31 April 2024')\nTraceback (most recent call last):"
    assert lint_text(text, select=["DAT"]) == []
    text = 'bad_dates = ["2023-02-29", "2023-02-30"]  # both must raise'
    assert lint_text(text, select=["DAT"]) == []
    assert string_in_code('parse_date("Feb 29, 2024")') and string_in_code(">>> 1 + 1")
    assert not string_in_code("Posted on Feb 29, 2024 by the editor")
    assert not string_in_code('He called it "a mess" on 31 April 2024.')
    text = 'He called the 31 April 2024 deadline "a mess".'
    assert [f.rule for f in lint_text(text, select=["DAT"])] == ["DAT001"]
