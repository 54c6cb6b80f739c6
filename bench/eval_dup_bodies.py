"""Count DUP findings on edited article bodies, where nothing should repeat (the false-alarm side of DUP).

Bodies from many sites and languages:
- L3S-GN1 `clean` (headline, full text and supplemental lines of 621 English news pages), less the 15
  pages that eval_dup.py's independent check finds scraped doubled (their repeats are real);
- trafilatura_dev: for each page with two or more article snippets, the page's lines from its first
  article snippet to its last (the body as its annotator marked it: tables, lists, recipes, interviews).
Printed per corpus and per half (tune / check, by a hash of the page id as in eval_debris.py), with the
rate per 160 bodies (the issue's yardstick: at most 10 findings on 160 edited bodies).

    python bench/eval_dup_bodies.py [--show N] [--half check]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from datapath import data_dir
from eval_debris import half
from eval_dup import has_own_repeats

from scrapelint.engine import Linter
from scrapelint.models import Article
from scrapelint.rule import all_rules


def bodies() -> list[tuple[str, str, str, str]]:
    """(corpus, page id, language, body text) for every edited body."""
    found = []
    with open(data_dir() / "l3s_gn1_lines.jsonl", encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            if page["clean"].strip() and not has_own_repeats(page["clean"]):
                found.append(("l3s", page["id"], "en", page["clean"]))
    with open(data_dir() / "trafilatura_dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            article = sorted(i for label in page["labels"] if label["label"] == 1 for i in label["lines"])
            if len({label["snippet"] for label in page["labels"] if label["label"] == 1}) < 2:
                continue
            lines = page["text"].split("\n")[article[0] : article[-1] + 1]
            found.append(("trafilatura", page["id"], page["lang_guess"], "\n".join(lines)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print N findings")
    parser.add_argument("--half", choices=("tune", "check"), help="show findings from this half only")
    args = parser.parse_args()
    rules = [rule() for code, rule in all_rules().items() if code.startswith("DUP") and rule.enabled_by_default]
    linter = Linter(rules)
    pages: Counter[tuple[str, str]] = Counter()
    findings: Counter[tuple[str, str]] = Counter()
    by_rule: Counter[str] = Counter()
    shown: list[str] = []
    for corpus, page_id, lang, text in bodies():
        key = (corpus, half(page_id))
        pages[key] += 1
        result = linter.lint(Article(id=page_id, text=text, path=f"{corpus}.jsonl"))
        findings[key] += len(result)
        by_rule.update(f.rule for f in result)
        if args.half in (None, key[1]):
            shown.extend(f"{f.rule} [{corpus} {lang} {page_id}] {text[f.start : f.end][:100]!r}" for f in result)
    print("| corpus | half | bodies | DUP findings | per 160 bodies |")
    print("|---|---|---|---|---|")
    for corpus in ("l3s", "trafilatura", "all"):
        for part in ("tune", "check"):
            keys = [(c, part) for c in ("l3s", "trafilatura")] if corpus == "all" else [(corpus, part)]
            n, f = sum(pages[k] for k in keys), sum(findings[k] for k in keys)
            print(f"| {corpus} | {part} | {n} | {f} | {160 * f / max(n, 1):.1f} |")
    print("\nby rule:", dict(sorted(by_rule.items())))
    for line in shown[: args.show]:
        print(" ", line)


if __name__ == "__main__":
    main()
