"""Whole-pipeline CPU time of two trees, measured in turns: the check for a speed-only change.

    python bench/bench_turns.py --python /work/wt/ref/.venv/bin/python --python .venv/bin/python [--rules]
    python bench/bench_turns.py --python ... --python ... --corpus 10     # bench.py's 10 MB corpus, --jobs 1

Each pass is a fresh process per tree (so the per-process caches of lines, words and scans start cold, as
in a real run over new pages), alternating before/after; it times `engine.run` (corpus first pass, lint,
language gate, findings) with the default rules over the dev set already parsed, after `warm_up` (the
lexicons and models are a one-time start-up cost, timed by bench/startup.py). Prints the fastest pass.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def child(fraction: float, round_: int, by_rule: bool = False) -> None:
    """One timed run in this process; prints CPU seconds, megabytes and findings (and each rule's time) as JSON."""
    from bench import dev_records, vary
    from scrapelint.config import Settings, resolve_rules
    from scrapelint.engine import Linter, run, warm_up
    from scrapelint.language import load
    from scrapelint.sources import SourceOptions, record_to_article

    records = dev_records()
    records = [{**r, "text": vary(r["text"], round_)} for r in records[: int(len(records) * fraction)]]
    settings = Settings()
    linter = Linter(resolve_rules(settings), settings)
    options = SourceOptions()
    articles = [record_to_article(r, "bench.jsonl", i, options, f"bench:{i}", None) for i, r in enumerate(records)]
    warm_up(linter, articles[:1])
    load()
    spent: dict[str, float] = defaultdict(float)
    if by_rule:
        for rule in linter.rules:
            _time_checks(rule, spent)
    start = time.process_time()
    findings = sum(len(result.findings) for result in run(linter, lambda: iter(articles), 1))
    seconds = time.process_time() - start
    megabytes = sum(len(a.text.encode()) for a in articles) / 1e6
    print(json.dumps({"cpu_seconds": seconds, "mb": megabytes, "findings": findings, "rules": spent}))


def _time_checks(rule: Any, spent: dict[str, float]) -> None:
    """Add the CPU time of each of `rule`'s checks, inside the run, to `spent[rule.code]`."""
    check = rule.check

    def timed(doc: Any) -> list[Any]:
        start = time.process_time()
        found = list(check(doc))
        spent[rule.code] += time.process_time() - start
        return found

    rule.check = timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--python", action="append", required=True, help="Two interpreters: before, after.")
    parser.add_argument("--passes", type=int, default=3, help="Passes per tree (the fastest counts).")
    parser.add_argument("--fraction", type=float, default=1.0, help="Share of the dev set (from its start).")
    parser.add_argument(
        "--round", type=int, default=0, help="bench.py's variation: 1+ makes every long line new (cold line caches)."
    )
    parser.add_argument(
        "--rules", action="store_true", help="Also time each rule's checks inside the run (fastest pass's shares)."
    )
    parser.add_argument(
        "--corpus",
        type=float,
        help="Instead: the whole pipeline (read, parse, both passes) on bench.py's corpus of this many MB, --jobs 1.",
    )
    args = parser.parse_args()
    if args.corpus:
        corpus_turns(args.python, args.passes, args.corpus)
        return
    runs: dict[str, list[dict[str, float]]] = {python: [] for python in args.python}
    for _ in range(args.passes):
        for python in args.python:
            done = subprocess.run(
                [python, __file__, "_child", str(args.fraction), str(args.round), str(int(args.rules))],
                capture_output=True,
                text=True,
                check=True,
            )
            runs[python].append(json.loads(done.stdout.strip().splitlines()[-1]))
    for python, numbers in runs.items():
        best = min(n["cpu_seconds"] for n in numbers)
        mb = numbers[0]["mb"]
        passes = ", ".join(f"{n['cpu_seconds']:.2f}" for n in numbers)
        print(
            f"{python}: fastest {best:.2f} s CPU ({mb / best:.2f} MB/s on {mb:.2f} MB; passes {passes}), "
            f"{numbers[0]['findings']:.0f} findings"
        )
        if args.rules:
            fastest = min(numbers, key=lambda n: n["cpu_seconds"])
            spent = fastest["rules"]
            families: dict[str, float] = defaultdict(float)
            for code, seconds in spent.items():
                families[code.rstrip("0123456789")] += seconds
            print("  families: " + ", ".join(f"{f} {s:.2f}" for f, s in sorted(families.items(), key=lambda x: -x[1])))
            top = sorted(spent.items(), key=lambda x: -x[1])[:12]
            print("  rules: " + ", ".join(f"{code} {s:.2f}" for code, s in top))
            print(
                f"  outside the rules' checks (engine, corpus pass, language, findings): {best - sum(spent.values()):.2f}"
            )


def corpus_turns(pythons: list[str], passes: int, size_mb: float) -> None:
    """CPU seconds of bench.py's timed run (`engine.run` over the corpus file, --jobs 1) per tree, in turns."""
    import os

    from bench import build_corpus

    workdir = Path(os.environ.get("TMPDIR", "/tmp")) / "scrapelint-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = build_corpus(size_mb, workdir)
    script = str(Path(__file__).resolve().parent / "bench.py")
    seconds: dict[str, list[float]] = {python: [] for python in pythons}
    for _ in range(passes):
        for python in pythons:
            done = subprocess.run(
                [python, script, "_child", str(corpus), "1", "default"], capture_output=True, text=True, check=True
            )
            seconds[python].append(json.loads(done.stdout.strip().splitlines()[-1])["cpu_seconds"])
    megabytes = sum(len(json.loads(line)["text"].encode()) for line in corpus.open(encoding="utf-8")) / 1e6
    for python, numbers in seconds.items():
        best = min(numbers)
        passes_text = ", ".join(f"{n:.2f}" for n in numbers)
        print(
            f"{python}: fastest {best:.2f} s CPU ({megabytes / best:.2f} MB/s on {megabytes:.2f} MB; passes {passes_text})"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["_child"]:
        child(float(sys.argv[2]), int(sys.argv[3]), sys.argv[4:5] == ["1"])
    else:
        main()
