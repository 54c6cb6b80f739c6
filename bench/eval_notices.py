"""Each notice and consent pattern on its own: the labelled lines it hits in both dev corpora.

DEB asks the notice phrases (rules/data/debris_notices*.txt) and the consent phrases
(rules/data/debris_consent*.txt) of single lines; whether a line is then reported depends on the rest of
the analysis. This script takes the phrases alone, as the line tests do (a notice phrase anywhere in a line
of fewer than 40 words, else in its first 120 characters; a consent phrase in a line of fewer than 30
words, or two of them in one of fewer than 80), and counts the labelled lines each pattern hits:
trafilatura_dev's article and boilerplate snippet lines, L3S-GN1's article (headline, full text,
supplemental) and debris lines. A pattern that hits article text on the tune half is a pattern to drop
or narrow; its examples are printed for the tune half only (the check half is for reporting).

    python bench/eval_notices.py [--half tune|check] [--examples N]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from datapath import data_dir
from eval_debris import half

from scrapelint.rules.deb import notices
from scrapelint.rules.deb.lexicons import _CONSENT_WORDS, DATA, normalise
from scrapelint.rules.lexicon import lexicon_files, sections

ARTICLE_L3S = {"headline", "fulltext", "supplemental"}
DEBRIS_L3S = {"not_content", "related", "comments"}


def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(name, compiled) of every notice pattern (name: file:family) and every consent pattern (file:consent)."""
    found: list[tuple[str, re.Pattern[str]]] = []
    for path in lexicon_files(DATA, "debris_notices.txt"):
        for family, entries in sections(path).items():
            for entry in entries:
                notices.needles_of(entry)  # the rule refuses a pattern without a literal run to guard it
                found.append((f"{path.name}:{family}", re.compile(entry)))
    for path in lexicon_files(DATA, "debris_consent.txt"):
        lines_ = [raw for raw in path.read_text("utf-8").splitlines() if raw.strip() and not raw.startswith("#")]
        found += [(f"{path.name}:consent", re.compile(raw)) for raw in lines_]
    return found


def lines(which: str) -> Iterator[tuple[str, str, str]]:
    """(corpus, label, text) of each labelled line in the half `which`: label "article" or "debris"."""
    with open(data_dir() / "trafilatura_dev.jsonl", encoding="utf-8") as handle:
        for raw in handle:
            page = json.loads(raw)
            if half(page["id"]) != which:
                continue
            text = page["text"].split("\n")
            for label in page["labels"]:
                kind = "article" if label["label"] == 1 else "debris"
                for number in label["lines"]:
                    if number < len(text):
                        yield f"traf-{page['lang_guess']}", kind, text[number]
    with open(data_dir() / "l3s_gn1_lines.jsonl", encoding="utf-8") as handle:
        for raw in handle:
            page = json.loads(raw)
            if half(page["id"]) != which:
                continue
            for text, label in page["lines"]:
                if label in ARTICLE_L3S or label in DEBRIS_L3S:
                    yield "l3s", "article" if label in ARTICLE_L3S else "debris", text


def hits(compiled: list[tuple[str, re.Pattern[str]]], text: str) -> list[int]:
    """Indexes of the patterns that would mark the line, under the line tests of notices.py and lexicons.py."""
    norm = normalise(text)
    spaces = norm.count(" ")
    found: list[int] = []
    if notices._FEWEST <= spaces < 150 and len(text) <= notices._LONGEST:
        head = norm if spaces < notices._SHORT else norm[: notices._HEAD]
        found += [i for i, (name, p) in enumerate(compiled) if not name.endswith(":consent") and p.search(head)]
    if spaces < 80 and _CONSENT_WORDS.search(norm):
        consent = [i for i, (name, p) in enumerate(compiled) if name.endswith(":consent") and p.search(norm)]
        if consent and (spaces < 30 or sum(len(compiled[i][1].findall(norm)) for i in consent) > 1):
            found += consent
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", choices=("tune", "check"), default="tune")
    parser.add_argument("--examples", type=int, default=3, help="article lines shown per pattern (tune half only)")
    parser.add_argument("--all", action="store_true", help="list every pattern, not only those hitting articles")
    args = parser.parse_args()
    compiled = patterns()
    per: dict[int, Counter[str]] = defaultdict(Counter)
    examples: dict[int, list[str]] = defaultdict(list)
    totals: Counter[tuple[str, ...]] = Counter()
    for corpus, label, text in lines(args.half):
        totals[corpus, label] += 1
        found = hits(compiled, text)
        if found:
            totals[corpus, label, "hit"] += 1
        for index in found:
            per[index][f"{corpus.split('-')[0]} {label}"] += 1
            if label == "article" and args.half == "tune":
                examples[index].append(f"[{corpus}] {text[:160]}")
    print(f"{args.half} half: labelled lines hit by some notice or consent pattern\n")
    print("| corpus | article lines hit | debris lines hit |")
    print("|---|---|---|")
    for corpus in sorted({key[0] for key in totals}):
        art, deb = totals[corpus, "article"], totals[corpus, "debris"]
        print(
            f"| {corpus} | {totals[corpus, 'article', 'hit']}/{art} "
            f"| {totals[corpus, 'debris', 'hit']}/{deb} ({totals[corpus, 'debris', 'hit'] / max(deb, 1):.1%}) |"
        )
    print()
    for index, (name, pattern) in enumerate(compiled):
        counts = per.get(index, Counter())
        hit_article = counts["traf article"] + counts["l3s article"]
        if hit_article or args.all:
            print(
                f"{name} art={hit_article} deb={counts['traf debris'] + counts['l3s debris']}  {pattern.pattern[:100]}"
            )
            for example in examples[index][: args.examples]:
                print(f"    {example}")


if __name__ == "__main__":
    main()
