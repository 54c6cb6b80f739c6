"""Count DUP findings on edited article bodies, where nothing should repeat (the false-alarm side of DUP).

Bodies from many sites and languages:
- L3S-GN1 `clean` (headline, full text and supplemental lines of 621 English news pages), less the 15
  pages that eval_dup.py's independent check finds scraped doubled (their repeats are real);
- trafilatura_dev: for each page with two or more article snippets, the page's lines from its first
  article snippet to its last (the body as its annotator marked it: tables, lists, recipes, interviews).
Printed per corpus and per half (tune / check, by a hash of the page id as in eval_debris.py), with the
rate per 160 bodies (the issue's yardstick: at most 10 findings on 160 edited bodies). An annotator's
body is not free of repeats: some pages were scraped with a block doubled (the copy marked as article
too). The findings on pages with a block copied in its order, found by an independent check
(`doubled_block`: three lines or more of six words or more), are counted apart: there at least one
repeat is real (a doubled scrape, or a block of answers copied for a sister company).

    python bench/eval_dup_bodies.py [--show N] [--half tune] [--context 2]

`--context N` prints each shown finding with N lines around its copy and around its first copy (the
lines marked F and C): what the finding's kind is (a table's row, a teaser, a pull quote) is read there.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from datapath import data_dir
from eval_debris import half
from eval_dup import WORD, has_own_repeats

from scrapelint.engine import Linter
from scrapelint.models import Article, Finding
from scrapelint.rule import all_rules


def doubled_block(text: str, run: int = 3) -> bool:
    """An independent check: `run` lines or more (of 6+ words) that repeat, in their order, earlier lines."""
    keys = [" ".join(WORD.findall(line.lower().replace("’", "'"))) for line in text.split("\n")]
    first: dict[str, int] = {}
    length, previous = 0, -2
    for number, key in enumerate(keys):
        earlier = first.get(key) if len(key.split()) >= 6 else None
        if earlier is None:
            if key not in first and len(key.split()) >= 6:
                first[key] = number
            length = 0
            continue
        length = length + 1 if earlier == previous + 1 else 1
        previous = earlier
        if length >= run:
            return True
    return False


def in_context(text: str, finding: Finding, context: int) -> str:
    """The lines of the first copy (F) and of the copy (C), with `context` lines around each."""
    lines, shown = text.split("\n"), []
    spans = [(finding.related.line, finding.related.end_line, "F")] if finding.related else []
    for first, last, mark in [*spans, (finding.line, finding.end_line, "C")]:
        numbers = range(max(1, first - context), min(len(lines), last + context) + 1)
        shown.extend(f"    {mark if first <= n <= last else ' '}{n:5d}| {lines[n - 1][:140]}" for n in numbers)
        shown.append("    ...")
    return "\n".join(shown[:-1])


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
    parser.add_argument("--context", type=int, default=-1, help="print N lines around each copy and its first")
    args = parser.parse_args()
    rules = [rule() for code, rule in all_rules().items() if code.startswith("DUP") and rule.enabled_by_default]
    linter = Linter(rules)
    pages: Counter[tuple[str, str]] = Counter()
    findings: Counter[tuple[str, str]] = Counter()
    doubled: Counter[tuple[str, str]] = Counter()  # findings on pages with a doubled block (real repeats)
    by_rule: Counter[tuple[str, str]] = Counter()  # (half, rule)
    shown: list[str] = []
    for corpus, page_id, lang, text in bodies():
        key = (corpus, half(page_id))
        pages[key] += 1
        result = linter.lint(Article(id=page_id, text=text, path=f"{corpus}.jsonl"))
        findings[key] += len(result)
        if result and doubled_block(text):
            doubled[key] += len(result)
        by_rule.update((key[1], f.rule) for f in result)
        if args.half in (None, key[1]):
            for f in result:
                shown.append(f"{f.rule} [{corpus} {lang} {page_id}] {text[f.start : f.end][:100]!r}")
                if args.context >= 0:
                    shown[-1] += "\n" + in_context(text, f, args.context)
    print("| corpus | half | bodies | DUP findings | per 160 bodies | of which on pages with a doubled block |")
    print("|---|---|---|---|---|---|")
    for corpus in ("l3s", "trafilatura", "all"):
        for part in ("tune", "check"):
            keys = [(c, part) for c in ("l3s", "trafilatura")] if corpus == "all" else [(corpus, part)]
            n, f, d = sum(pages[k] for k in keys), sum(findings[k] for k in keys), sum(doubled[k] for k in keys)
            print(f"| {corpus} | {part} | {n} | {f} | {160 * f / max(n, 1):.1f} | {d} |")
    for part in ("tune", "check"):
        print(f"\nby rule, {part} half:", {rule: n for (half_, rule), n in sorted(by_rule.items()) if half_ == part})
    for line in shown[: args.show]:
        print(" ", line)


if __name__ == "__main__":
    main()
