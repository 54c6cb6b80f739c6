"""Findings per 1,000 words on article text in other languages, with all default rules.

For every trafilatura_dev page, its hand-picked article snippets (label 1) joined one per line are the
article: text a person chose as the page's content, with almost no defects. Everything reported there is
(nearly all) a false alarm. Printed per language group (the set's `lang_guess`) and per half (tune / check,
as in eval_debris.py), by rule; English pages are shown as the control. Each snippet is trimmed. The language is left to the
engine (no record tag): what detection tells is part of what is measured.

    python bench/eval_languages.py [--show N] [--half check]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from eval_debris import half

from scrapelint.config import Settings, resolve_rules
from scrapelint.engine import Linter, run
from scrapelint.models import Article

DATA = next(
    (p / "shared" / "data" for p in Path(__file__).resolve().parents[2:4] if (p / "shared" / "data").is_dir()),
    Path("shared/data"),
)


def group(lang: str) -> str:
    return lang if lang in ("de", "en", "pt", "fr") else "other"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print N findings on non-English text")
    parser.add_argument("--half", choices=("tune", "check"), help="show examples from this half only")
    args = parser.parse_args()
    pages = [json.loads(line) for line in (DATA / "trafilatura_dev.jsonl").open(encoding="utf-8")]
    articles, keys = [], []
    for page in pages:
        # (each snippet trimmed: the spaces at the edges of a person's selection are not the page's text)
        text = "\n".join(label["snippet"].strip() for label in page["labels"] if label["label"] == 1)
        if text.strip():
            articles.append(Article(id=page["id"], url=page["url"], text=text, path="trafilatura_dev.jsonl"))
            keys.append((half(page["id"]), group(page["lang_guess"]), page["lang_guess"]))
    settings = Settings()
    linter = Linter(resolve_rules(settings), settings)
    words: Counter[tuple[str, str]] = Counter()
    by_rule: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    shown = []
    for article, key, result in zip(articles, keys, run(linter, lambda: articles, jobs=1), strict=True):
        for key_half in (key[0], "both"):
            words[key_half, key[1]] += len(article.text.split())
            for finding in result.findings:
                by_rule[key_half, key[1]][finding.rule] += 1
        if key[1] != "en" and args.half in (None, key[0]):
            for finding in result.findings:
                snippet = article.text[max(0, finding.start - 30) : finding.end + 30].replace("\n", " | ")
                shown.append(f"  {finding.rule} [{key[2]}/{finding.language}] {finding.message[:70]!r} in …{snippet}…")
    print("findings per 1,000 words of article text (label-1 snippets), all default rules\n")
    print("| half | language | words | spelling (TYP) /1k | all /1k | by rule (count) |")
    print("|---|---|---|---|---|---|")
    for key_half in ("tune", "check", "both"):
        for key_group in ("de", "pt", "fr", "other", "non-en", "en"):
            groups = ("de", "pt", "fr", "other") if key_group == "non-en" else (key_group,)
            total = sum(words[key_half, g] for g in groups)
            rules: Counter[str] = Counter()
            for g in groups:
                rules.update(by_rule[key_half, g])
            typ = sum(n for code, n in rules.items() if code.startswith("TYP"))
            top = ", ".join(f"{code} {n}" for code, n in rules.most_common(6))
            print(
                f"| {key_half} | {key_group} | {total} | {typ * 1000 / max(total, 1):.2f} "
                f"| {sum(rules.values()) * 1000 / max(total, 1):.2f} | {top} |"
            )
    for line in shown[: args.show]:
        print(line)
    dates_on_whole_pages(pages, args.show)


def dates_on_whole_pages(pages: list[dict], show: int) -> None:
    """The DAT rules on the whole text of every non-English page (menus, lists, prices and counts included):
    how many dates with a month name they read, and every finding, to be judged by eye."""
    from scrapelint.rules import dat_names

    settings = Settings(select=["DAT"])
    linter = Linter(resolve_rules(settings), settings)
    words = named = 0
    found: Counter[str] = Counter()
    examples = []
    for page in pages:
        if page["lang_guess"] == "en":
            continue
        text = page["text"]
        words += len(text.split())
        named += sum(1 for _ in dat_names.matches(text))
        for finding in linter.lint(Article(id=page["id"], text=text, path="trafilatura_dev.jsonl")):
            found[finding.rule] += 1
            examples.append(f"  {finding.rule} {text[max(0, finding.start - 25) : finding.end + 15]!r}")
    print(
        f"\nDAT on whole non-English pages: {words} words, {named} dates with a month name in de/fr/es/pt/it/nl/pl/ru "
        f"read, findings: {dict(found)} ({sum(found.values()) * 1000 / max(words, 1):.3f} per 1,000 words)"
    )
    for line in examples[:show]:
        print(line)


if __name__ == "__main__":
    main()
