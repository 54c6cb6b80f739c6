"""FMT008 (mojibake) on the words of many languages: false alarms on correct text, repairs of garbled text.

The words are wordfreq's most frequent ones per language (a runtime dependency, so its data is here), written
as they are, capitalised and in capitals, in lines of ten. Correct text must give no FMT008 finding. The same
lines encoded as UTF-8 and decoded with a Western or Central-European code page (Windows-1252, Windows-1250)
are the mojibake a wrong charset makes: every garbled word must be found, and the safe repairs must give the
original text back. A lone C1 control (a Windows code page's byte read as Latin-1) is left without a repair
when the code pages read it differently; those are counted apart.

    python bench/eval_mojibake.py [--words N] [--languages cs,pl,...]

Prints per language: words, false alarms on correct text, and for each code page the garbled words, the
words touched by a repair, the words fully repaired, and wrong repairs (a character neither the original
nor the garbled word holds).
"""

from __future__ import annotations

import argparse
import time

import wordfreq

from scrapelint.document import Document
from scrapelint.fix import apply_fixes
from scrapelint.models import Article
from scrapelint.rules.fmt import Mojibake

# Latin-script languages first (the code pages' own), then scripts whose UTF-8 read as Windows-1252 ftfy repairs.
LANGUAGES = [
    "cs",
    "sk",
    "pl",
    "hu",
    "ro",
    "sl",
    "sh",
    "lt",
    "lv",
    "de",
    "fr",
    "es",
    "pt",
    "it",
    "nl",
    "ca",
    "da",
    "nb",
    "sv",
    "fi",
    "is",
    "tr",
    "id",
    "ms",
    "vi",
    "en",
    "el",
    "ru",
    "uk",
    "bg",
]
PAGES = ("sloppy-windows-1252", "sloppy-windows-1250")


def _lines(words: list[str]) -> list[str]:
    forms = [form for word in words for form in (word, word.capitalize(), word.upper())]
    return [" ".join(forms[i : i + 10]) for i in range(0, len(forms), 10)]


def _findings(rule: Mojibake, text: str) -> list:
    doc = Document(Article(id="x", text=text, path="-"))
    return list(rule.check(doc))


def _garble(line: str, page: str) -> str | None:
    try:
        return line.encode("utf-8").decode(page)
    except UnicodeDecodeError:
        return None


def main() -> None:
    import ftfy  # noqa: F401  (registers the sloppy codecs)

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    args = parser.parse_args()
    rule = Mojibake()
    print(
        f"{'lang':5} {'words':>6} {'false':>6} | "
        + " | ".join(f"{p[-4:]}: garbled found repaired wrong" for p in PAGES)
    )
    totals = {"words": 0, "false": 0}
    page_totals = {page: [0, 0, 0, 0] for page in PAGES}
    started = time.perf_counter()
    for language in args.languages.split(","):
        words = [w for w in wordfreq.top_n_list(language, args.words) if w.isalpha()]
        lines = _lines(words)
        false = sum(len(_findings(rule, line)) for line in lines)
        row = [f"{language:5} {len(words) * 3:6} {false:6}"]
        totals["words"] += len(words) * 3
        totals["false"] += false
        for page in PAGES:
            garbled = found = repaired = wrong = 0
            for line in lines:
                bad = _garble(line, page)
                if bad is None or bad == line:
                    continue
                findings = _findings(rule, bad)
                fixes = [f.fix for f in findings if f.fix is not None]
                out, _, _ = apply_fixes(bad, fixes)
                for original, before, after in zip(line.split(" "), bad.split(" "), out.split(" "), strict=False):
                    if original == before:
                        continue
                    garbled += 1
                    found += after != before
                    repaired += after == original
                    wrong += any(char not in original and char not in before for char in after)
            counts = page_totals[page]
            for i, value in enumerate((garbled, found, repaired, wrong)):
                counts[i] += value
            row.append(f"{garbled:19} {found:5} {repaired:8} {wrong:5}")
        print(" | ".join(row))
    print(
        f"all   {totals['words']:6} {totals['false']:6} | "
        + " | ".join(f"{c[0]:19} {c[1]:5} {c[2]:8} {c[3]:5}" for c in page_totals.values())
    )
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
