"""Evaluate the TYP rules on real prose with real misspellings injected.

Prose: the `clean` text (headline + article lines, labelled by hand) of the 621 L3S-GN1
news pages. Misspellings: Peter Norvig's test sets (real human errors). codespell's table,
one of our detectors, is not used to make the test set.

    python bench/eval_spelling.py [--data ../shared/data] [--show 30] [--all-defaults]

Reports recall on injected non-word misspellings (and, apart, on real-word ones such as
latter->later, which no dictionary can see), findings per 1,000 words on the untouched
text, and throughput in MB/s on one core (dictionary load excluded).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from scrapelint import spelling
from scrapelint.config import Settings, resolve_rules
from scrapelint.engine import Linter, run
from scrapelint.models import Article

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
TYP_DEFAULT = ["TYP001", "TYP002", "TYP003", "TYP004", "TYP005", "TYP006", "TYP007", "TYP010", "TYP011"]
WORD = re.compile(r"[A-Za-z]+")


def load_articles(data: Path) -> list[tuple[str, str]]:
    articles = []
    with open(data / "l3s_gn1_lines.jsonl", encoding="utf-8") as f:
        for line in f:
            page = json.loads(line)
            if page.get("clean", "").strip():
                articles.append((page["id"], page["clean"]))
    return articles


def load_misspellings(data: Path) -> dict[str, list[str]]:
    """correction -> [misspellings], from Norvig's test set."""
    table: dict[str, list[str]] = defaultdict(list)
    for line in (data / "norvig_testset.tsv").read_text("utf-8").splitlines():
        wrong, _, right = line.partition("\t")
        if wrong and right and wrong != right:
            table[right.strip().lower()].append(wrong.strip().lower())
    return table


def inject(text: str, table: dict[str, list[str]], rng: random.Random, per_words: int = 150, capital: bool = False):
    """Replace some words that have a known misspelling; returns new text and injected spans.

    Lower-case words by default; `capital`: capitalised ones ("The", "Conference"), case kept."""

    def eligible(word: str) -> bool:
        return word[0].isupper() and word[1:].islower() if capital else word.islower()

    sites = [m for m in WORD.finditer(text) if m.group().lower() in table and eligible(m.group())]
    budget = max(1, len(WORD.findall(text)) // per_words)
    chosen = sorted(rng.sample(sites, min(budget, len(sites))), key=lambda m: m.start())
    out, spans, cursor, shift = [], [], 0, 0
    for m in chosen:
        wrong = rng.choice(table[m.group().lower()])
        if capital:
            wrong = wrong[:1].upper() + wrong[1:]
        out.append(text[cursor : m.start()])
        start = m.start() + shift
        spans.append((start, start + len(wrong), wrong, m.group()))
        out.append(wrong)
        shift += len(wrong) - len(m.group())
        cursor = m.end()
    out.append(text[cursor:])
    return "".join(out), spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=25, help="Print this many findings on untouched text.")
    parser.add_argument("--all-defaults", action="store_true", help="Run every default rule, not only TYP.")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    settings = Settings(select=None if args.all_defaults else TYP_DEFAULT)
    linter = Linter(resolve_rules(settings), settings)
    articles = load_articles(args.data)
    table = load_misspellings(args.data)
    trusted = spelling.lexicon().trusted  # loaded before the clock starts
    _ = spelling.lexicon().bigrams  # dictionary loading is start-up, not throughput

    # 1. Untouched text: every finding counts against precision. Run as the CLI runs a batch
    #    (first pass for the corpus vocabulary, then the check), on one core.
    words = sum(len(WORD.findall(text)) for _, text in articles)
    size = sum(len(text.encode("utf-8")) for _, text in articles)
    clean = [Article(id=article_id, text=text, path="l3s") for article_id, text in articles]
    started = time.process_time()
    untouched = [
        (result.item.id, result.item.text, finding)
        for result in run(linter, lambda: clean)
        for finding in result.findings
        if finding.rule.startswith("TYP")
    ]
    elapsed = time.process_time() - started
    started = time.process_time()
    list(run(linter, lambda: clean))
    warm = time.process_time() - started
    by_rule = Counter(f.rule for _, _, f in untouched)

    # 2. Injected misspellings: recall.
    rng = random.Random(args.seed)
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    missed: list[str] = []
    batch = []
    for article_id, text in articles:
        injected, spans = inject(text, table, rng)
        batch.append((Article(id=article_id, text=injected, path="l3s"), spans, "non-word"))
        injected, spans = inject(text, table, rng, per_words=1000, capital=True)
        batch.append((Article(id=article_id + "-cap", text=injected, path="l3s"), spans, "capitalised non-word"))
    for (_article, spans, label), result in zip(batch, run(linter, lambda: [a for a, _, _ in batch]), strict=False):
        findings = [f for f in result.findings if f.rule.startswith("TYP")]
        for start, end, wrong, right in spans:
            kind = "real-word" if wrong.lower() in trusted else label
            totals[kind] += 1
            if any(f.start < end and start < f.end for f in findings):
                hits[kind] += 1
            elif kind != "real-word":
                missed.append(f"{wrong}->{right}")

    print(f"articles: {len(articles)}, words: {words:,}, bytes: {size:,}")
    print(
        f"untouched text: {len(untouched)} findings = {1000 * len(untouched) / words:.2f} per 1,000 words  {dict(by_rule)}"
    )
    for kind in ("non-word", "capitalised non-word", "real-word"):
        if totals[kind]:
            print(f"recall, {kind} misspellings: {hits[kind]}/{totals[kind]} = {hits[kind] / totals[kind]:.3f}")
    all_hits, all_total = sum(hits.values()), sum(totals.values())
    print(f"recall, all injected: {all_hits}/{all_total} = {all_hits / all_total:.3f}")
    print(
        f"speed: {size / elapsed / 1e6:.2f} MB/s of CPU time on one core, first run (word caches cold, {elapsed:.2f} s); "
        f"{size / warm / 1e6:.2f} MB/s second run"
    )
    print(f"missed non-word (sample): {', '.join(missed[:40])}")
    for article_id, text, f in untouched[: args.show]:
        context = text[max(0, f.start - 30) : f.end + 20].replace("\n", " ")
        print(f"  {f.rule} {text[f.start : f.end]!r:18} …{context}…  ({article_id[:8]})")


if __name__ == "__main__":
    main()
