"""Evaluate the DEB rules on trafilatura's evaluation pages (644 pages, 20 languages, every genre).

Each page's `text` is linted as a careless scrape. Its author picked snippets by hand: label 1 is
article text, label 0 boilerplate. A boilerplate snippet is *found* when a DEB finding overlaps one
of its lines; an article snippet is a *false alarm* when a DEB finding overlaps one of its lines.
Printed per language group (the set's rough `lang_guess`: de, en, other) and per half of the set
(tune / check, split by a hash of the page id, as in eval_debris.py): tune on one half, report the other.
A second table groups the pages by the language scrapelint detects (the set's rough guess puts many German
pages in "other").
The corpus rule (DEB008) runs through the engine's two passes over all pages.

    python bench/eval_trafilatura.py [path/to/trafilatura_dev.jsonl] [--show N] [--half check]
    python bench/eval_trafilatura.py --lines missed   # DEB's view of each boilerplate line missed on the tune half
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter

from datapath import data_dir
from eval_debris import flagged_lines, half

from scrapelint.document import Document
from scrapelint.engine import Linter, run
from scrapelint.models import Article
from scrapelint.rule import all_rules
from scrapelint.rules.deb import analyse, lexicon_kind

DEFAULT = data_dir() / "trafilatura_dev.jsonl"


def group(lang: str) -> str:
    return lang if lang in ("de", "en") else "other"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="?", default=str(DEFAULT))
    parser.add_argument("--show", type=int, default=0, help="print N article snippets flagged and N boilerplate missed")
    parser.add_argument("--half", choices=("tune", "check"), help="show examples from this half only")
    parser.add_argument("--prefix", default="DEB", help="rules selected by this code prefix (default DEB)")
    parser.add_argument(
        "--lines",
        choices=("missed", "flagged"),
        help="print DEB's view of every boilerplate line missed / article line flagged in --half (default tune): "
        "where it stands to the body, its kind, protected or not, words, prose or not, lexicon kind",
    )
    args = parser.parse_args()
    with open(args.data, encoding="utf-8") as handle:
        pages = [json.loads(line) for line in handle]
    rules = [rule() for code, rule in all_rules().items() if code.startswith(args.prefix) and rule.enabled_by_default]
    linter = Linter(rules)
    articles = [Article(id=p["id"], url=p["url"], text=p["text"], path="trafilatura_dev.jsonl") for p in pages]

    began = time.perf_counter()
    results = [result.findings for result in run(linter, lambda: articles)]
    elapsed = time.perf_counter() - began

    counts: Counter[tuple[str, str, str]] = Counter()
    by_rule: Counter[str] = Counter()
    false_alarms: list[tuple[str, str, str]] = []
    misses: list[tuple[str, str]] = []
    by_language: Counter[tuple[str, str, str]] = Counter()  # by the page's language as scrapelint detects it
    for page, article, findings in zip(pages, articles, results, strict=True):
        hit = flagged_lines(page["text"], findings)
        if args.lines and half(page["id"]) == (args.half or "tune"):
            show_lines(page, hit, args.lines)
        key_half, key_group = half(page["id"]), group(page["lang_guess"])
        detected = Document(article).language
        for label in page["labels"]:
            flagged = [hit[i] for i in label["lines"] if i in hit]
            kind = "boilerplate" if label["label"] == 0 else "article"
            counts[key_half, key_group, kind] += 1
            by_language[key_half, detected, kind] += 1
            if flagged:
                counts[key_half, key_group, kind + " flagged"] += 1
                by_language[key_half, detected, kind + " flagged"] += 1
                by_rule[f"{kind}:{flagged[0]}"] += 1
            if args.half in (None, key_half):
                if kind == "article" and flagged:
                    false_alarms.append((flagged[0], page["lang_guess"], label["snippet"][:110]))
                elif kind == "boilerplate" and not flagged:
                    misses.append((page["lang_guess"], label["snippet"][:110]))

    print(f"{len(pages)} pages, {args.prefix} rules, {len(pages) / elapsed:.0f} pages/s\n")
    print("| half | language | boilerplate found | article snippets flagged |")
    print("|---|---|---|---|")
    for key_half in ("tune", "check"):
        for key_group in ("de", "en", "other", "all"):
            groups = ("de", "en", "other") if key_group == "all" else (key_group,)
            found = sum(counts[key_half, g, "boilerplate flagged"] for g in groups)
            boiler = sum(counts[key_half, g, "boilerplate"] for g in groups)
            flagged = sum(counts[key_half, g, "article flagged"] for g in groups)
            article = sum(counts[key_half, g, "article"] for g in groups)
            print(
                f"| {key_half} | {key_group} | {found / max(boiler, 1):.1%} ({found}/{boiler}) "
                f"| {flagged / max(article, 1):.1%} ({flagged}/{article}) |"
            )
    print("\nBy the page's language as scrapelint detects it (the set's `lang_guess` puts many German pages in")
    print("'other'), languages with 40 snippets or more on both halves:\n")
    print("| half | language | boilerplate found | article snippets flagged |")
    print("|---|---|---|---|")
    snippets: Counter[tuple[str, str]] = Counter()
    for (key_half, language, kind), count in by_language.items():
        snippets[key_half, language] += count if kind in ("boilerplate", "article") else 0
    languages = sorted({lang for _, lang in snippets if min(snippets["tune", lang], snippets["check", lang]) >= 40})
    for key_half in ("tune", "check"):
        for language in languages:
            boiler, article = by_language[key_half, language, "boilerplate"], by_language[key_half, language, "article"]
            found, flagged = (by_language[key_half, language, f"{kind} flagged"] for kind in ("boilerplate", "article"))
            print(
                f"| {key_half} | {language} | {found / max(boiler, 1):.1%} ({found}/{boiler}) "
                f"| {flagged / max(article, 1):.1%} ({flagged}/{article}) |"
            )
    print("\nby rule:", ", ".join(f"{key} {n}" for key, n in by_rule.most_common()))
    if args.show:
        print("\nArticle snippets flagged:")
        for rule, lang, snippet in false_alarms[: args.show]:
            print(f"  {rule} [{lang}] {snippet}")
        print("\nBoilerplate missed:")
        for lang, snippet in misses[: args.show]:
            print(f"  [{lang}] {snippet}")


def show_lines(page: dict, hit: dict[int, str], which: str) -> None:
    """DEB's analysis of each labelled line it got wrong on the page: where misses and false alarms come from."""
    analysis = analyse(Document(Article(id=page["id"], url=page["url"], text=page["text"], path="x")))
    starts = [0]
    for raw in page["text"].split("\n"):
        starts.append(starts[-1] + len(raw) + 1)
    body = analysis.body
    for label in page["labels"]:
        if (which == "missed") != (label["label"] == 0):
            continue
        for number in label["lines"]:
            if (number in hit) != (which == "flagged"):
                continue
            for index, line in enumerate(analysis.lines):
                if starts[number] <= line.start < starts[number + 1]:
                    where = (
                        "none" if body is None else "above" if index < body[0] else "below" if index > body[1] else "in"
                    )
                    print(
                        f"[{page['lang_guess']}] {hit.get(number, '-')} {where:5} kind={line.kind} "
                        f"protected={int(line.protected)} words={line.words} prose={int(line.prose)} "
                        f"lexicon={lexicon_kind(line.text)} | {line.text[:110]}"
                    )
                    break


if __name__ == "__main__":
    main()
