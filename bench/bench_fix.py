"""Benchmark `scrapelint fix` against `scrapelint check` on the same large JSONL.

    python bench/bench_fix.py                 # 100 MB, --jobs 1
    python bench/bench_fix.py --sizes 10,100 --jobs 2
    python bench/bench_fix.py --eval          # what fix keeps and removes on the labelled L3S pages

The corpus is bench/bench.py's: the L3S-GN1 dev pages (`naive` and `clean`) plus
the seed, cycled to the requested size. Each command runs in a fresh process;
the script prints wall time, MB/s of article text and the process's peak RSS
(fix streams record by record, so its memory must not grow with the input), and
checks that the output has as many lines as the input.

`--eval` fixes the `naive` text of each L3S-GN1 page (safe fixes, default
rules) and compares line by line with the human labels: the share of article
lines (headline, full text, supplemental) still there character for character,
the share of debris lines (navigation, related links, comments) removed, and
the pages where a second fix would still change something (must be none).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import L3S, MB, build_corpus, text_bytes

CONTENT = {"headline", "fulltext", "supplemental"}


def evaluate(unsafe: bool = False) -> None:
    """Line-level effect of `fix` on the labelled dev pages."""
    import orjson

    from scrapelint.config import Settings, resolve_rules
    from scrapelint.engine import Linter
    from scrapelint.fix import fix_article, fix_items
    from scrapelint.models import Article

    pages = [orjson.loads(raw) for raw in L3S.open("rb")]
    articles = [Article(id=page["id"], text=page["naive"], path="l3s.jsonl", url=page["url"]) for page in pages]
    linter = Linter(resolve_rules(Settings()), Settings())
    squeeze = re.compile(r"[\s.,;:]+")
    kept = kept_loosely = content = removed = debris = unstable = 0
    for page, (_, outcome) in zip(pages, fix_items(linter, lambda: articles, unsafe=unsafe), strict=False):
        fixed = outcome.text if outcome.text is not None else page["naive"]
        lines = set(fixed.split("\n"))
        loose_lines = {squeeze.sub("", line) for line in lines}
        loose = squeeze.sub("", fixed)
        for text, label in page["lines"]:
            if not text.strip():
                continue
            if label in CONTENT:
                content += 1
                kept += text in lines
                kept_loosely += squeeze.sub("", text) in loose
            else:
                debris += 1
                removed += text not in lines and squeeze.sub("", text) not in loose_lines
        if outcome.text is not None:
            again = fix_article(linter, Article(id=page["id"], text=fixed, path="l3s.jsonl", url=page["url"]), unsafe)
            unstable += again.changed
    print(
        f"{'safe and unsafe' if unsafe else 'safe'} fixes; pages: {len(pages)}; article lines: {content}; debris lines: {debris}"
    )
    print(
        f"article lines kept character for character: {kept / content:.1%} "
        f"(ignoring whitespace and punctuation fixes: {kept_loosely / content:.1%})"
    )
    print(f"debris lines removed: {removed / debris:.1%}")
    print(f"pages a second fix would change: {unstable}")


def measure(command: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one run of `command`, in its own process.

    CPU time is the fair figure on a shared machine; wall time is what a user waits.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100", help="Corpus sizes in MB of text, comma-separated.")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--select", default=None, help="Rules to run (default: the default rules).")
    parser.add_argument("--workdir", default=None, help="Where to build the corpus (default: a temp folder).")
    parser.add_argument("--eval", action="store_true", help="Measure what fix keeps and removes on the L3S pages.")
    parser.add_argument("--unsafe-fixes", action="store_true", help="With --eval: apply unsafe fixes too.")
    args = parser.parse_args()
    if args.eval:
        evaluate(args.unsafe_fixes)
        return
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="scrapelint-bench-fix-"))
    workdir.mkdir(parents=True, exist_ok=True)
    base = [sys.executable, "-m", "scrapelint"]
    flags = ["--isolated", "--jobs", str(args.jobs), *(["--select", args.select] if args.select else [])]
    rows = []
    for size in (float(s) for s in args.sizes.split(",")):
        corpus = build_corpus(size, workdir)
        text, articles = text_bytes(corpus)
        output = workdir / "fixed.jsonl"
        check = measure([*base, "check", str(corpus), *flags, "--statistics", "--exit-zero"])
        fix = measure([*base, "fix", str(corpus), *flags, "-o", str(output), "--exit-zero"])
        with corpus.open("rb") as a, output.open("rb") as b:
            assert sum(1 for _ in a) == sum(1 for _ in b), "fix must write one line per input line"
        rows.append((size, articles, text / MB, check, fix))
        output.unlink()
    print(f"jobs={args.jobs} select={args.select or 'default'}")
    print(
        "| text MB | articles | check s (CPU s) | check MB/CPU-s | check RSS MB "
        "| fix s (CPU s) | fix MB/CPU-s | fix RSS MB | fix/check CPU |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for _, articles, mb, (check_s, check_cpu, check_rss), (fix_s, fix_cpu, fix_rss) in rows:
        print(
            f"| {mb:.0f} | {articles} | {check_s:.0f} ({check_cpu:.0f}) | {mb / check_cpu:.2f} | {check_rss:.0f} "
            f"| {fix_s:.0f} ({fix_cpu:.0f}) | {mb / fix_cpu:.2f} | {fix_rss:.0f} | {fix_cpu / check_cpu:.2f} |"
        )


if __name__ == "__main__":
    main()
