"""Spelling findings on short lines of another language inside English articles (issue #14's product list).

A page in English often holds a few short lines in another language: a list of Italian products, a German
caption, a Spanish quote. Too short for the language model to be sure of, they were spell-checked as English.
This script takes real short lines (3 to 12 words, letters only in their words) from the article snippets
of trafilatura_dev's non-English pages, puts three in a row into the middle of an English article (L3S-GN1's
`clean` text), and counts the TYP findings on them: each one is a false alarm. It also counts TYP findings on
the English text around them, which must not change, and says which languages the lines are in.

    python bench/eval_foreign_lines.py [--show N]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter

from datapath import data_dir
from eval_debris import half

from scrapelint.config import Settings, resolve_rules
from scrapelint.engine import Linter
from scrapelint.models import Article

WORDS = range(3, 13)


def foreign_lines() -> list[tuple[str, str]]:
    """(language guess, line) for every short line of a non-English article snippet."""
    found = []
    with open(data_dir() / "trafilatura_dev.jsonl", encoding="utf-8") as handle:
        for raw in handle:
            page = json.loads(raw)
            if page["lang_guess"] == "en":
                continue
            for label in page["labels"]:
                if label["label"] != 1:
                    continue
                for raw_line in label["snippet"].split("\n"):
                    line = raw_line.strip()
                    if len(line.split()) in WORDS and not any(c.isdigit() for c in line):
                        found.append((page["lang_guess"], line))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print N findings on the foreign lines")
    args = parser.parse_args()
    rng = random.Random(14)
    lines = foreign_lines()
    with open(data_dir() / "l3s_gn1_lines.jsonl", encoding="utf-8") as handle:
        pages = [json.loads(raw) for raw in handle]
    settings = Settings(select=["TYP"])
    linter = Linter(resolve_rules(settings), settings)
    counts: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    shown: list[str] = []
    for page in pages:
        paragraphs = [p for p in page["clean"].split("\n") if p.strip()]
        if len(paragraphs) < 4:
            continue
        inserted = [rng.choice(lines) for _ in range(3)]
        languages.update(language for language, _ in inserted)
        middle = len(paragraphs) // 2
        text = "\n".join([*paragraphs[:middle], *(line for _, line in inserted), *paragraphs[middle:]])
        start = len("\n".join(paragraphs[:middle])) + 1
        end = start + len("\n".join(line for _, line in inserted))
        findings = linter.lint(Article(id=page["id"], text=text, path="l3s.jsonl"))
        english = linter.lint(Article(id=page["id"], text="\n".join(paragraphs), path="l3s.jsonl"))
        key = half(page["id"])
        counts[key, "pages"] += 1
        counts[key, "words"] += sum(len(line.split()) for _, line in inserted)
        counts[key, "on foreign lines"] += sum(start <= f.start < end for f in findings)
        counts[key, "on English, with"] += sum(not start <= f.start < end for f in findings)
        counts[key, "on English, without"] += len(english)
        for f in findings:
            if start <= f.start < end and len(shown) < args.show:
                shown.append(
                    f"  {f.rule} {text[f.start : f.end]!r} in {text[text.rfind(chr(10), 0, f.start) + 1 : f.end + 40]!r}"
                )
    print(f"short non-English lines: {len(lines)}; inserted, by language: {dict(languages.most_common(8))}\n")
    print(
        "| half | pages | words of foreign lines | TYP findings on them (per 1,000 words) | on the English text, with / without them |"
    )
    print("|---|---|---|---|---|")
    for key in ("tune", "check"):
        words = counts[key, "words"]
        print(
            f"| {key} | {counts[key, 'pages']} | {words} | {counts[key, 'on foreign lines']} "
            f"({counts[key, 'on foreign lines'] * 1000 / max(words, 1):.1f}) "
            f"| {counts[key, 'on English, with']} / {counts[key, 'on English, without']} |"
        )
    for line in shown:
        print(line)


if __name__ == "__main__":
    main()
