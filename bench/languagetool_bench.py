"""LanguageTool side by side with the offline TYP rules, on real news text with injected errors.

Prose: the `clean` text of the 621 L3S-GN1 news pages, split in two halves by a hash of the page
id: `tune` (where the LanguageTool rules to keep were chosen, `--rules`) and `check` (the numbers in
the README). Errors injected into each article: non-word misspellings from Peter Norvig's test sets
(one per 150 words) and real-word errors (one per 300 words): confused words (than->then,
there->their, its->it's, lose->loose, ...) and agreement (he has->he have, it is->it are, ...).

    python bench/languagetool_bench.py --url http://localhost:8081 [--half check|tune] [--rules]
    python bench/languagetool_bench.py --local            # start the fetched server for the run

Per configuration: recall per error kind, false alarms per 1,000 words of edited text (a finding
that overlaps no injected error), and speed. Configurations: `offline` (the default TYP rules),
`LanguageTool raw` (every match of LanguageTool's default rules, no filter), `LanguageTool`
(TYP001 and TYP009 from LanguageTool, as scrapelint reports them by default) and `both` (the
default TYP rules with LanguageTool for TYP001, plus TYP009). Speed: MB/s and articles/s of the
LanguageTool pass (cold paragraph cache, one process, wall clock: the server does the work), and
of the offline rules (CPU time). `--rules` prints, per LanguageTool rule, its hits and false alarms.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_spelling import DEFAULT_DATA, inject, load_articles, load_misspellings

from scrapelint import languagetool, spelling
from scrapelint.config import Settings, resolve_rules
from scrapelint.document import Document
from scrapelint.engine import Linter
from scrapelint.models import Article, Finding, Severity
from scrapelint.rules.typ import GRAMMAR_CATEGORIES, GRAMMAR_DISABLED, GRAMMAR_ENABLED

OFFLINE = ["TYP001", "TYP002", "TYP003", "TYP004", "TYP005", "TYP006", "TYP007", "TYP010"]
WORD = re.compile(r"[A-Za-z]+")
# Real-word errors: (pattern whose group 1 is replaced, wrong word). Confusions, then agreement.
REAL_WORD = [
    (re.compile(r"\b(?:more|less|better|rather|other|higher|lower|larger)\s+(than)\b"), "then"),
    (re.compile(r"\b(there)\s+(?:is|are|was|were)\b"), "their"),
    (re.compile(r"\b(their)\s+[a-z]+s\b"), "there"),
    (re.compile(r"\b(its)\s+[a-z]+\b"), "it's"),
    (re.compile(r"\b(?:to|will|could|would|may)\s+(lose)\b"), "loose"),
    (re.compile(r"\b(affect)\b"), "effect"),
    (re.compile(r"\b(your)\s+[a-z]+\b"), "you're"),
    (re.compile(r"\b(whose)\b"), "who's"),
    (re.compile(r"\b(?:he|she|it)\s+(has)\b"), "have"),
    (re.compile(r"\b(?:he|she|it)\s+(is)\b"), "are"),
    (re.compile(r"\b(?:he|she|it)\s+(was)\b"), "were"),
    (re.compile(r"\b(?:they|we)\s+(are)\b"), "is"),
    (re.compile(r"\b(?:they|we)\s+(have)\b"), "has"),
    (re.compile(r"\b(?:the|a)\s+[a-z]+\s+(has)\s+been\b"), "have"),
]


def half_of(article_id: str) -> str:
    return "tune" if int(hashlib.md5(article_id.encode()).hexdigest(), 16) % 2 == 0 else "check"


def inject_real_words(
    text: str, spans: list[tuple[int, int, str, str]], rng: random.Random, per_words: int = 300
) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Put real-word errors at sites away from the misspellings already injected; all spans shifted to match."""
    sites = [
        (m.start(1), m.end(1), wrong)
        for pattern, wrong in REAL_WORD
        for m in pattern.finditer(text)
        if not any(s - 5 < m.end(1) and m.start(1) < e + 5 for s, e, _, _ in spans)
    ]
    budget = max(1, len(WORD.findall(text)) // per_words)
    chosen: list[tuple[int, int, str]] = []
    for site in rng.sample(sites, len(sites)):
        if len(chosen) >= budget:
            break
        if not any(s - 5 < site[1] and site[0] < e + 5 for s, e, _ in chosen):
            chosen.append(site)
    edits = [(s, e, wrong, "real-word") for s, e, wrong in chosen] + [(s, e, w, "non-word") for s, e, w, _ in spans]
    # `spans` are already in the edited text's offsets; rebuild from the edited text for the real-word ones.
    out, result, cursor, shift = [], [], 0, 0
    for start, end, wrong, kind in sorted(edits):
        if kind == "non-word":
            result.append((start + shift, end + shift, wrong, kind))
            continue
        out.append(text[cursor:start])
        out.append(wrong)
        result.append((start + shift, start + shift + len(wrong), wrong, kind))
        shift += len(wrong) - (end - start)
        cursor = end
    out.append(text[cursor:])
    return "".join(out), result


def build(data: Path, half: str, seed: int) -> list[tuple[Article, list[tuple[int, int, str, str]]]]:
    table = load_misspellings(data)
    trusted = spelling.lexicon().trusted
    rng = random.Random(seed)
    batch = []
    for article_id, text in load_articles(data):
        if half_of(article_id) != half:
            continue
        edited, spans = inject(text, table, rng)
        # a Norvig pair that is a real word (latter->later) counts as real-word; its span is kept as is
        spans = [(s, e, w, r) for s, e, w, r in spans if w.lower() not in trusted]
        edited, edits = inject_real_words(edited, spans, rng)
        batch.append((Article(id=article_id, text=edited, path="l3s", language="en"), edits))
    return batch


def linter(select: list[str], url: str | None, english: bool = False) -> Linter:
    spelling_options = {"languagetool_url": url, "languagetool_english": english}
    rules = {"TYP001": spelling_options, "TYP009": {"languagetool_url": url}} if url else {}
    settings = Settings(select=select, rules=rules)
    return Linter(resolve_rules(settings), settings)


def score(
    batch: list[tuple[Article, list[tuple[int, int, str, str]]]], findings: list[list[Finding]]
) -> tuple[Counter[str], Counter[str], int, Counter[str], Counter[str]]:
    """Hits and totals per error kind, false alarms, and per source rule: hits and false alarms."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    rule_hits: Counter[str] = Counter()
    rule_false: Counter[str] = Counter()
    false = 0
    for (_, edits), found in zip(batch, findings, strict=True):
        for start, end, _, kind in edits:
            totals[kind] += 1
            if any(f.start < end + 1 and start - 1 < f.end for f in found):
                hits[kind] += 1
        for f in found:
            source = f.source_rule or f.rule
            if any(f.start < end + 1 and start - 1 < f.end for start, end, _, _ in edits):
                rule_hits[source] += 1
            else:
                false += 1
                rule_false[source] += 1
    return hits, totals, false, rule_hits, rule_false


def _kept(finding: Finding) -> bool:
    """LanguageTool alone, with TYP009's default categories: its spelling, and grammar/confusions."""
    if finding.rule != "TYP009":
        return True
    if finding.source_rule in GRAMMAR_DISABLED:
        return False
    return finding.name in GRAMMAR_CATEGORIES or finding.source_rule in GRAMMAR_ENABLED


def show_false_alarms(
    batch: list[tuple[Article, list[tuple[int, int, str, str]]]], findings: list[list[Finding]], rules: set[str]
) -> None:
    for (article, edits), found in zip(batch, findings, strict=True):
        for f in found:
            if (f.source_rule or f.rule) in rules and not any(f.start <= e and s <= f.end for s, e, _, _ in edits):
                context = article.text[max(0, f.start - 40) : f.end + 30].replace("\n", " ")
                print(f"  {f.source_rule} {article.text[f.start : f.end]!r}: ...{context}...")


def raw_findings(article: Article, url: str) -> list[Finding]:
    """Every LanguageTool match, unfiltered, as a finding (for the `raw` configuration)."""
    doc = Document(article)
    matches = languagetool.document_matches(doc, url)
    return [
        Finding(
            rule=m.code,
            name=m.category,
            message=m.message,
            severity=Severity.info,
            path="l3s",
            article=article.id,
            start=m.start,
            end=m.end,
            line=1,
            column=1,
            end_line=1,
            end_column=1,
            source_rule=m.rule_id,
        )
        for m in matches
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--url", help="A running LanguageTool server.")
    parser.add_argument("--local", action="store_true", help="Start the fetched local server for the run.")
    parser.add_argument("--half", choices=["tune", "check"], default="check")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--limit", type=int, default=0, help="Only this many articles (quick runs).")
    parser.add_argument("--rules", action="store_true", help="Hits and false alarms per LanguageTool rule.")
    parser.add_argument(
        "--cli-jobs",
        default="",
        help="Also time `scrapelint check --select TYP001,TYP009` with these --jobs (e.g. 1,2).",
    )
    parser.add_argument("--skip-quality", action="store_true", help="Only the --cli-jobs timing.")
    parser.add_argument("--show", default="", help="Print the false alarms of these source rules (comma-separated).")
    parser.add_argument("--threads", default="1,2,4", help="Concurrent articles for the articles/s measurement.")
    args = parser.parse_args()

    server = None
    url = args.url
    if args.local:
        from scrapelint import lt_server

        server = lt_server.LocalServer(languages=("en",))
        url = server.start()
    if not url:
        parser.error("--url or --local")
    try:
        run(args, url)
    finally:
        if server:
            server.stop()


def cli_speed(batch: list[tuple[Article, list[tuple[int, int, str, str]]]], url: str, jobs: list[int]) -> None:
    """Wall time of the CLI on the batch as JSONL, each run a fresh process (cold paragraph cache)."""
    size = sum(len(a.text.encode("utf-8")) for a, _ in batch)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps({"id": a.id, "text": a.text}) + "\n" for a, _ in batch), "utf-8")
        for count in jobs:
            command = [sys.executable, "-m", "scrapelint", "check", "--isolated", "--select", "TYP001,TYP009"]
            command += ["--languagetool", url, "--jobs", str(count), "--format", "json", str(corpus)]
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            elapsed = time.perf_counter() - started
            found = len(json.loads(done.stdout)) if done.returncode in (0, 1) else f"exit {done.returncode}"
            print(
                f"cli --jobs {count}: {len(batch) / elapsed:.2f} articles/s, {size / elapsed / 1e6:.4f} MB/s "
                f"({elapsed:.0f} s wall, {found} findings)"
            )


def run(args: argparse.Namespace, url: str) -> None:
    batch = build(args.data, args.half, args.seed)
    if args.limit:
        batch = batch[: args.limit]
    words = sum(len(WORD.findall(a.text)) for a, _ in batch)
    size = sum(len(a.text.encode("utf-8")) for a, _ in batch)
    print(f"half: {args.half}, articles: {len(batch)}, words: {words:,}, MB: {size / 1e6:.2f}, url: {url}")
    languagetool.ensure_available(url)
    languagetool.check("Warm up the server.", url, "en-US")
    if args.cli_jobs:
        cli_speed(batch, url, [int(j) for j in args.cli_jobs.split(",")])
    if args.skip_quality:
        return

    # Speed of the LanguageTool pass: cold paragraph cache, `threads` articles in flight at once.
    speeds = []
    for threads in [int(t) for t in args.threads.split(",")]:
        languagetool._PARAGRAPHS.clear()
        languagetool._DOCUMENTS.clear()
        started = time.perf_counter()
        with ThreadPoolExecutor(threads) as pool:
            raw = list(pool.map(lambda item: raw_findings(item[0], url), batch))
        elapsed = time.perf_counter() - started
        speeds.append(
            f"{threads} in flight: {len(batch) / elapsed:.1f} articles/s, {size / elapsed / 1e6:.3f} MB/s ({elapsed:.0f} s)"
        )
    started = time.perf_counter()
    raw = [raw_findings(a, url) for a, _ in batch]
    cached = time.perf_counter() - started

    categories = {f.source_rule: f.name for found in raw for f in found}
    offline = linter(OFFLINE, None)
    started = time.process_time()
    offline_findings = [offline.lint(a) for a, _ in batch]
    offline_cpu = time.process_time() - started
    both = linter([*OFFLINE, "TYP009"], url)
    english = linter([*OFFLINE, "TYP009"], url, english=True)
    configurations: list[tuple[str, list[list[Finding]]]] = [
        ("LanguageTool, all its default rules", raw),
        ("offline (default TYP rules)", offline_findings),
        ("LanguageTool, spelling + TYP009's categories", [[f for f in found if _kept(f)] for found in raw]),
        ("both (TYP rules + TYP009; TYP001 offline in English)", [both.lint(a) for a, _ in batch]),
        ("both, with LanguageTool's English speller in TYP001", [english.lint(a) for a, _ in batch]),
    ]

    print("\n| configuration | non-word recall | real-word recall | false alarms / 1,000 words |")
    print("|---|---|---|---|")
    for name, findings in configurations:
        hits, totals, false, rule_hits, rule_false = score(batch, findings)
        recall = [f"{hits[k] / totals[k]:.3f} ({hits[k]}/{totals[k]})" for k in ("non-word", "real-word")]
        print(f"| {name} | {recall[0]} | {recall[1]} | {1000 * false / words:.2f} ({false}) |")
        if args.show and name.startswith("both ("):
            show_false_alarms(batch, findings, set(args.show.split(",")))
        if args.rules and name.startswith(("LanguageTool, all", "both (")):
            print(f"\n  {name}: per source rule, hits / false alarms (most false alarms first)")
            for rule, count in sorted(rule_false.items(), key=lambda item: -item[1])[:40]:
                print(f"    {rule:40} {categories.get(rule, ''):24} {rule_hits[rule]:4} / {count}")
            keep = sorted(rule for rule in rule_hits if rule not in rule_false)
            shown = ", ".join(f"{r} ({categories.get(r, '')}) {rule_hits[r]}" for r in keep)
            print(f"    only hits: {shown}\n")
    print("\nspeed, LanguageTool pass (wall clock, cold paragraph cache, one process): " + "; ".join(speeds))
    print(f"speed, LanguageTool pass with a warm paragraph cache: {len(batch) / cached:.0f} articles/s")
    print(f"speed, offline TYP rules: {size / offline_cpu / 1e6:.2f} MB/s of CPU on one core")
    print(json.dumps({"words": words, "bytes": size}))


if __name__ == "__main__":
    main()
