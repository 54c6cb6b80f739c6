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
    python bench/eval_dup_bodies.py --planted     # recall on copies planted in these bodies
    python bench/eval_dup_bodies.py --deferred    # repeated lines DUP leaves to DEB: does DEB report them?

`--planted` checks the other side on the same structured bodies (tables, FAQs, lists, threads), where DUP
leaves repeats of structure alone: in each trafilatura body without repeats of its own, a line of prose
(8 words or more, a sentence's end) copied to a later place, and a run of three lines copied so, each
counted found when a DUP001/DUP002 finding covers the prose line's copy.

`--deferred` checks that what DUP leaves to DEB (`structure.known_debris`: a widget or button of DEB's lexicon,
a caption, a notice) is reported by DEB's default rules where it stands: every later copy of such a line
(4 words or more), in these bodies and in the whole pages of both corpora (L3S `naive`, trafilatura `text`).

`--context N` prints each shown finding with N lines around its copy and around its first copy (the
lines marked F and C): what the finding's kind is (a table's row, a teaser, a pull quote) is read there.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter

from datapath import data_dir
from eval_debris import half
from eval_dup import TERMINAL, WORD, has_own_repeats

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


def plant(text: str, size: int, rng: random.Random) -> tuple[str, int, int] | None:
    """`text` with `size` lines, the first of them prose, copied to a later line; and the span of that prose's copy."""
    lines = text.split("\n")
    prose = [
        i
        for i, line in enumerate(lines[: len(lines) - size + 1])
        if len(WORD.findall(line)) >= 8 and TERMINAL.search(line.rstrip())
    ]
    if not prose:
        return None
    at = rng.choice(prose)
    to = rng.randrange(at + size, len(lines) + 1)
    copied = lines[at : at + size]
    new = [*lines[:to], *copied, *lines[to:]]
    start = sum(len(line) + 1 for line in new[:to])
    return "\n".join(new), start, start + len(copied[0])


def planted(linter: Linter) -> None:
    """Recall on copies planted in the trafilatura bodies, per half: one line, and a run of three lines."""
    rng = random.Random(15)
    found: Counter[tuple[str, int]] = Counter()
    total: Counter[tuple[str, int]] = Counter()
    for corpus, page_id, _lang, text in bodies():
        if corpus != "trafilatura" or has_own_repeats(text):
            continue
        for size in (1, 3):
            made = plant(text, size, rng)
            if made is None:
                continue
            new, start, end = made
            total[half(page_id), size] += 1
            result = linter.lint(Article(id=page_id, text=new, path="trafilatura.jsonl"))
            hit = any(f.rule in ("DUP001", "DUP002") and f.start <= start and end <= f.end for f in result)
            found[half(page_id), size] += hit
    print("| half | copied | bodies | found | recall |")
    print("|---|---|---|---|---|")
    for part in ("tune", "check"):
        for size in (1, 3):
            n, k = total[part, size], found[part, size]
            print(f"| {part} | {'a line' if size == 1 else 'three lines'} | {n} | {k} | {k / max(n, 1):.3f} |")


def deferred() -> None:
    """Repeated lines DUP leaves to DEB, and how many of them DEB's default rules report, per half."""
    from scrapelint.rules.structure import known_debris

    deb = Linter([rule() for code, rule in all_rules().items() if code.startswith("DEB") and rule.enabled_by_default])
    pages = [(page_id, text) for _corpus, page_id, _lang, text in bodies()]
    for name, field in (("l3s_gn1_lines.jsonl", "naive"), ("trafilatura_dev.jsonl", "text")):
        with open(data_dir() / name, encoding="utf-8") as handle:
            pages.extend((page["id"], page[field]) for page in map(json.loads, handle))
    copies: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    for page_id, text in pages:
        seen: set[str] = set()
        lines = []
        for number, line in enumerate(text.split("\n"), 1):
            key = line.strip()
            if key in seen and len(WORD.findall(key)) >= 4 and known_debris(key):
                lines.append(number)
            seen.add(key)
        if lines:
            found = deb.lint(Article(id=page_id, text=text, path="pages.jsonl"))
            copies[half(page_id)] += len(lines)
            reported[half(page_id)] += sum(any(f.line <= n <= f.end_line for f in found) for n in lines)
    for part in ("tune", "check"):
        print(f"{part}: {copies[part]} later copies of lines DUP leaves to DEB, {reported[part]} reported by DEB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print N findings")
    parser.add_argument("--half", choices=("tune", "check"), help="show findings from this half only")
    parser.add_argument("--context", type=int, default=-1, help="print N lines around each copy and its first")
    parser.add_argument("--planted", action="store_true", help="recall on copies planted in these bodies instead")
    parser.add_argument("--deferred", action="store_true", help="repeated lines left to DEB: reported by DEB?")
    args = parser.parse_args()
    rules = [rule() for code, rule in all_rules().items() if code.startswith("DUP") and rule.enabled_by_default]
    linter = Linter(rules)
    if args.planted:
        planted(linter)
        return
    if args.deferred:
        deferred()
        return
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
