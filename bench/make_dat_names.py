"""Write rules/data/dat_names.tsv, the month and weekday names DAT reads beyond rules/dat_names.py's own, from
the Unicode CLDR (through babel, a development tool here: the linter reads the file, not babel).

    pip install babel && python bench/make_dat_names.py

For each language: the months' wide names in the form a date uses (Czech "září", Finnish "syyskuuta", Greek
"Σεπτεμβρίου") and their stand-alone form ("září", "syyskuu", "Σεπτέμβριος"), lower-cased; Greek also without
its accents (headlines in capitals drop them); the weekdays likewise. A name that means another month in
another language (Croatian "listopad" is October, Czech and Polish "listopad" November) is left out, so a
name read is a month for certain. Abbreviations are left out: "led", "úno", "dec" are words too.
"""

from __future__ import annotations

import calendar
import unicodedata
from collections import defaultdict
from pathlib import Path

from babel import Locale

from scrapelint.rules import dat_names

# Neighbours of the languages in rules/dat_names.py that write the day first ("31. září 2024", "31 Eylül 2024");
# Hungarian writes the year first ("2024. szeptember 30."), which rules/dat_names.py reads with its own pattern.
LANGUAGES = ["cs", "sk", "hu", "ro", "fi", "el", "tr", "sv", "da", "nb", "nn", "uk", "bg", "sl", "et", "ca"]
OUT = Path(__file__).resolve().parents[1] / "rules" / "data" / "dat_names.tsv"


def _forms(name: str, language: str) -> set[str]:
    name = name.lower()
    forms = {name}
    if "’" in name:
        forms.add(name.replace("’", "'"))  # Catalan "d’abril", typed "d'abril"
    if language == "el":
        forms.add("".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)))
        forms = {unicodedata.normalize("NFC", form) for form in forms}
    return forms


def main() -> None:
    rows: list[tuple[str, str, int, str]] = []
    meanings: dict[tuple[str, str], set[int]] = defaultdict(set)
    for name, number in dat_names.MONTH_NUMBERS.items():  # the names read already, and English's
        meanings["month", name].add(number)
    for number, name in enumerate(calendar.month_name[1:], start=1):
        meanings["month", name.lower()].add(number)
    for name, number in dat_names.WEEKDAY_NUMBERS.items():
        meanings["weekday", name].add(number)
    for language in LANGUAGES:
        locale = Locale.parse(language)
        for kind, table, offset in (("month", locale.months, 0), ("weekday", locale.days, 0)):
            for context in ("format", "stand-alone"):
                for number, name in table[context]["wide"].items():
                    for form in _forms(name, language):
                        rows.append((language, kind, number + offset, form))
                        meanings[kind, form].add(number + offset)
    clashes = {key for key, numbers in meanings.items() if len(numbers) > 1}
    kept: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for language, kind, number, form in rows:
        if (kind, form) in clashes or " " in form:
            continue
        if form not in kept[language, kind, number]:
            kept[language, kind, number].append(form)
    lines = [
        "# language\tkind\tnumber (month 1-12, weekday 0 = Monday)\tnames, lower case",
        "# Made by bench/make_dat_names.py from the Unicode CLDR (babel); names that mean two months are left out.",
    ]
    lines += [f"{language}\t{kind}\t{number}\t{' '.join(names)}" for (language, kind, number), names in kept.items()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(kept)} rows; left out as ambiguous: {sorted(name for _, name in clashes)}")


if __name__ == "__main__":
    main()
