"""Benchmark scrapelint on real article text, beside datatrove's filters.

    python bench/bench.py                      # 10 MB and 100 MB, --jobs 1 and --jobs <cores>
    python bench/bench.py --sizes 10 --quick   # a smoke run
    python bench/bench.py --profile            # pyinstrument profile of one pass over the dev set

The corpus is built from the L3S-GN1 dev pages (`naive` and `clean` text, both
real scrapes) plus the seed article, repeated (and varied) to the requested size. It prints
MB/s (of UTF-8 article text) and articles/s per rule, per family and in total,
the jobs scaling, the time ratio of the two sizes (cost must be linear), and the
peak RSS of each run (memory must be flat), then a Markdown table for the README.
Each total is measured in a fresh process, so its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import defaultdict
from itertools import islice
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from datapath import data_dir  # noqa: E402

L3S = data_dir() / "l3s_gn1_lines.jsonl"
SEED = ROOT / "seeds" / "000_e317222bdc01896f.txt"
MB = 1_000_000
SEGMENT = 2_500  # articles per segment when the cost along a run is traced


# -- the corpus -------------------------------------------------------------------


def dev_records() -> list[dict[str, Any]]:
    """One pass over the dev set: every page as a careless scraper took it and as cleaned by hand, plus the seed."""
    records: list[dict[str, Any]] = []
    with L3S.open("rb") as stream:
        for raw in stream:
            page = orjson.loads(raw)
            title = next((text for text, label in page["lines"] if label == "headline"), None)
            records.extend(
                {"id": f"{page['id']}-{kind}", "url": page["url"], "title": title, "text": page[kind]}
                for kind in ("naive", "clean")
                if page[kind].strip()
            )
    records.append({"id": "seed", "url": "https://example.org/seed", "text": SEED.read_text("utf-8")})
    return records


def build_corpus(size_mb: float, directory: Path) -> Path:
    """A JSONL file of about `size_mb` MB of text: the dev records again and again, varied (ids kept unique)."""
    path = directory / f"corpus_{size_mb:g}mb_v2.jsonl"
    if path.exists():
        return path
    records = dev_records()
    written = 0
    with path.open("wb") as out:
        for round_ in range(10**6):
            for record in records:
                text = vary(record["text"], round_)
                out.write(orjson.dumps({**record, "id": f"{record['id']}#{round_}", "text": text}) + b"\n")
                written += len(text.encode())
                if written >= size_mb * MB:
                    return path
    return path


def vary(text: str, round_: int) -> str:
    """The text as scraped in round 0; in later rounds, two neighbouring inner words swapped in every line of 8+ words.

    A corpus that repeats its prose verbatim would be linted faster and faster as the per-process
    line caches warm up, flattering large inputs and a single process over many; real prose never
    repeats. One swap per line keeps the prose as it was for every rule (the same words, capitals,
    sentence ends and length) but makes each round's lines new. Short lines (menus, footers, credits)
    stay as they are: those do recur across a site's pages.
    """
    if round_ == 0:
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines):
        words = line.split(" ")
        if len(words) >= 8:
            at = 1 + (round_ * 31 + number) % (len(words) - 3)  # never the first or the last word
            words[at], words[at + 1] = words[at + 1], words[at]
            lines[number] = " ".join(words)
    return "\n".join(lines)


def text_bytes(path: Path) -> tuple[int, int]:
    total = count = 0
    with path.open("rb") as stream:
        for raw in stream:
            total += len(orjson.loads(raw)["text"].encode())
            count += 1
    return total, count


# -- selections -------------------------------------------------------------------


def selection(name: str) -> list[str] | None:
    """`default`: every default rule; `non-spelling`: the default rules but TYP (spelling/grammar)."""
    from scrapelint.rule import all_rules

    if name == "default":
        return None
    codes = [code for code, rule in all_rules().items() if rule.enabled_by_default and not code.startswith("TYP")]
    return codes or ["ERR"]


# -- one timed run of the whole pipeline, in a fresh process ------------------------------


def child_run(corpus: str, jobs: int, select: str) -> None:
    """Read, parse and lint `corpus` through `engine.run`, as `scrapelint check` does; print JSON numbers."""
    from scrapelint.config import Settings, resolve_rules
    from scrapelint.engine import Linter, run, warm_up
    from scrapelint.sources import read_paths

    started = time.perf_counter()
    settings = Settings(select=selection(select))
    linter = Linter(resolve_rules(settings), settings)
    warm_up(linter, islice(read_paths([corpus]), 1))  # one-time per-process state (lexicons), as datatrove's is
    startup = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    articles = findings = 0
    segments: list[float] = []  # CPU seconds of the check pass per SEGMENT articles (one process only)
    mark = time.process_time()
    for result in run(linter, lambda: read_paths([corpus]), jobs):
        articles += 1
        findings += len(result.findings)
        if articles % SEGMENT == 0:
            segments.append(time.process_time() - mark)
            mark = time.process_time()
    seconds = time.perf_counter() - start
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "startup_seconds": startup,
                "cpu_seconds": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime - cpu_before,
                "articles": articles,
                "findings": findings,
                "segments": segments[1:],  # the first also holds the corpus rules' whole first pass
                "rss_parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            }
        )
    )


def timed_run(corpus: Path, jobs: int, select: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "_child", str(corpus), str(jobs), select],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"benchmark child failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- per rule, on the dev set -----------------------------------------------------------


def per_rule(
    records: list[dict[str, Any]], batch: int = 200, select: list[str] | None = None
) -> tuple[dict[str, float], float]:
    """CPU seconds per rule over `records` (their own check only), and of the shared Document analysis.

    Documents are analysed once per batch (paragraphs, sentences, words, lines), as in a run where every
    rule reads the same Document; corpus rules get their first pass first (`observe`), as the engine does.
    `select` picks rules as `--select` does (default: the default rules). `bench_families.py` times with this too.
    """
    from scrapelint.config import Settings, resolve_rules
    from scrapelint.document import Document
    from scrapelint.engine import Linter, observe, prepare
    from scrapelint.rule import CorpusRule
    from scrapelint.sources import SourceOptions, record_to_article

    settings = Settings(select=select)
    rules = resolve_rules(settings)
    options = SourceOptions()
    articles = [record_to_article(r, "bench.jsonl", i, options, f"bench:{i}", None) for i, r in enumerate(records)]
    seconds: dict[str, float] = defaultdict(float)
    if any(isinstance(rule, CorpusRule) for rule in rules):
        start = time.process_time()
        linter = Linter(rules, settings)
        prepare(linter, observe(linter, articles))
        seconds["observe"] = time.process_time() - start  # the corpus rules' first pass
    analysis = 0.0
    for index in range(0, len(articles), batch):
        start = time.process_time()
        docs = []
        for article in articles[index : index + batch]:
            doc = Document(article)
            doc.paragraphs, doc.sentences, doc.words, doc.lines  # noqa: B018 - analyse once, untimed per rule
            docs.append(doc)
        analysis += time.process_time() - start
        for rule in rules:
            start = time.process_time()
            for doc in docs:
                for _ in rule.check(doc):
                    pass
            seconds[rule.code] += time.process_time() - start
    return dict(seconds), analysis


def _cpu(numbers: dict[str, Any]) -> float:
    return float(numbers["cpu_seconds"])


def datatrove_filters(records: list[dict[str, Any]]) -> dict[str, float] | None:
    """Seconds of datatrove's GopherRepetitionFilter and C4QualityFilter over the same texts, or None if missing."""
    try:
        from datatrove.data import Document as TroveDocument
        from datatrove.pipeline.filters import C4QualityFilter, GopherRepetitionFilter
    except ImportError:
        return None
    filters = {"GopherRepetitionFilter": GopherRepetitionFilter(), "C4QualityFilter": C4QualityFilter()}
    seconds = {}
    for name, trove_filter in filters.items():
        trove_filter.filter(TroveDocument(text="Warm up the tokenizer. It loads once.", id="warm"))
        start = time.process_time()
        for record in records:
            trove_filter.filter(TroveDocument(text=record["text"], id=record["id"]))
        seconds[name] = time.process_time() - start
    return seconds


# -- reporting ---------------------------------------------------------------------------


def rate(megabytes: float, seconds: float) -> str:
    return f"{megabytes / seconds:.2f}" if seconds > 0 else "inf"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100", help="Corpus sizes in MB of text, comma-separated.")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="N for the --jobs N runs.")
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "scrapelint-bench")
    parser.add_argument(
        "--quick", action="store_true", help="Per-rule and datatrove numbers on a fifth of the dev set."
    )
    parser.add_argument("--profile", action="store_true", help="Profile one jobs=1 pass over the dev set and stop.")
    parser.add_argument("--repeat", type=int, default=3, help="Side-by-side runs on the dev set: the fastest counts.")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    records = dev_records()
    if args.quick:
        records = records[::5]
    if args.profile:
        return profile(records)
    sample_mb = sum(len(r["text"].encode()) for r in records) / MB
    print(f"dev set: {len(records)} articles, {sample_mb:.1f} MB of text (L3S-GN1 naive + clean, and the seed)")
    print("MB/s below are per core: MB of text / CPU seconds (robust to other load); wall-clock where said.")
    from scrapelint.rule import all_rules

    rule_seconds, analysis = per_rule(records)
    print(f"\n{'rule':<8} {'name':<34} {'MB/s':>8} {'articles/s':>11}")
    print(
        f"{'-':<8} {'document analysis (shared)':<34} {rate(sample_mb, analysis):>8} {len(records) / analysis:>11.0f}"
    )
    families: dict[str, float] = defaultdict(float)
    for code, seconds in sorted(rule_seconds.items()):
        name = all_rules()[code].name if code in all_rules() else "corpus rules' first pass"
        families[code.rstrip("0123456789") if code in all_rules() else code] += seconds
        print(f"{code:<8} {name:<34} {rate(sample_mb, seconds):>8} {len(records) / max(seconds, 1e-9):>11.0f}")
    print(f"\n{'family':<8} {'MB/s':>8}   (its rules' own time; document analysis shown above)")
    for family, seconds in sorted(families.items()):
        print(f"{family:<8} {rate(sample_mb, seconds):>8}")

    # Side by side, each the fastest of `--repeat` runs (as timeit does), the two sides taking turns: this
    # VM's CPU time drifts by 5-10% over minutes, and the minimum is the run least disturbed by anything else.
    sample = build_dev_sample(records, args.workdir)
    troves, ns_runs, all_runs = [], [], []
    for _ in range(args.repeat):
        troves.append(datatrove_filters(records))
        ns_runs.append(timed_run(sample, 1, "non-spelling"))
        all_runs.append(timed_run(sample, 1, "default"))
    trove = None if troves[0] is None else {name: min(t[name] for t in troves) for name in troves[0]}  # type: ignore[index]
    ours_ns, ours_all = min(ns_runs, key=_cpu), min(all_runs, key=_cpu)
    print(
        f"\nside by side on the dev set, one core, whole pipeline (read, parse, analyse, check), CPU time, "
        f"fastest of {args.repeat} runs:"
    )
    print(f"  scrapelint non-spelling rules: {rate(sample_mb, ours_ns['cpu_seconds'])} MB/s")
    print(f"  scrapelint all default rules:  {rate(sample_mb, ours_all['cpu_seconds'])} MB/s")
    trove_rate = None
    if trove is None:
        print("  datatrove: not installed (pip install datatrove regex spacy) - comparison skipped")
    else:
        for name, seconds in trove.items():
            print(f"  datatrove {name}: {rate(sample_mb, seconds)} MB/s")
        trove_rate = sample_mb / sum(trove.values())
        print(f"  datatrove both filters:        {trove_rate:.2f} MB/s")
        print(
            f"  the non-spelling rules are {sample_mb / ours_ns['cpu_seconds'] / trove_rate:.1f}x datatrove "
            "(target 10x, goal 30x)"
        )

    rows = []
    for size in [float(s) for s in args.sizes.split(",")]:
        corpus = build_corpus(size, args.workdir)
        megabytes, count = text_bytes(corpus)
        for jobs in sorted({1, args.jobs}):
            numbers = timed_run(corpus, jobs, "default")
            rows.append((size, jobs, megabytes / MB, count, numbers))
            print(
                f"\n{megabytes / MB:.0f} MB, {count} articles, --jobs {jobs}: {numbers['seconds']:.1f} s wall "
                f"({rate(megabytes / MB, numbers['seconds'])} MB/s, {count / numbers['seconds']:.0f} articles/s), "
                f"{numbers['cpu_seconds']:.1f} s CPU ({rate(megabytes / MB, numbers['cpu_seconds'])} MB/s per core), "
                f"{numbers['findings']} findings, start-up {numbers['startup_seconds']:.1f} s (not counted), peak RSS {numbers['rss_parent_mb']:.0f} MB "
                f"(+ {numbers['rss_worker_mb']:.0f} MB per worker)"
            )
    report(rows, families, analysis, sample_mb, ours_ns, ours_all, trove, trove_rate, args)
    return None


def build_dev_sample(records: list[dict[str, Any]], directory: Path) -> Path:
    path = directory / f"dev_{len(records)}.jsonl"
    with path.open("wb") as out:
        for record in records:
            out.write(orjson.dumps(record) + b"\n")
    return path


def report(
    rows: list[Any],
    families: dict[str, float],
    analysis: float,
    sample_mb: float,
    ours_ns: dict[str, Any],
    ours_all: dict[str, Any],
    trove: dict[str, float] | None,
    trove_rate: float | None,
    args: argparse.Namespace,
) -> None:
    """The README tables: MB/s per family and in total beside datatrove, then sizes x jobs with memory."""
    by_key = {(size, jobs): numbers for size, jobs, _, _, numbers in rows}
    sizes = sorted({size for size, *_ in rows})
    print("\n## Markdown table\n")
    print(
        f"`python bench/bench.py --sizes {args.sizes} --jobs {args.jobs}` ({len(os.sched_getaffinity(0))} cores, "
        f"Python {sys.version.split()[0]}); MB = MB of UTF-8 article text; MB/s per core = MB / CPU seconds.\n"
    )
    print("| on the dev set (L3S-GN1 naive + clean, seed), one core | MB/s |\n| --- | ---: |")
    print(f"| document analysis (paragraphs, sentences, words; shared) | {rate(sample_mb, analysis)} |")
    for family, seconds in sorted(families.items()):
        label = "corpus rules' first pass" if family == "observe" else f"{family} rules (their own time)"
        print(f"| {label} | {rate(sample_mb, seconds)} |")
    print(
        f"| **non-spelling rules (DEB DUP FMT DAT META), whole pipeline** | **{rate(sample_mb, ours_ns['cpu_seconds'])}** |"
    )
    print(f"| **all default rules, whole pipeline** | **{rate(sample_mb, ours_all['cpu_seconds'])}** |")
    if trove and trove_rate:
        for name, seconds in trove.items():
            print(f"| datatrove {name} | {rate(sample_mb, seconds)} |")
        print(f"| datatrove, both filters | {trove_rate:.2f} |")
        print(f"| **non-spelling rules vs datatrove** | **{sample_mb / ours_ns['cpu_seconds'] / trove_rate:.1f}x** |")
    print("\n| corpus | --jobs | wall s | MB/s | articles/s | CPU s | MB/s per core | peak RSS parent + worker (MB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for _, jobs, mb, count, n in rows:
        print(
            f"| {mb:.0f} MB, {count} articles | {jobs} | {n['seconds']:.1f} | {rate(mb, n['seconds'])} | "
            f"{count / n['seconds']:.0f} | {n['cpu_seconds']:.1f} | {rate(mb, n['cpu_seconds'])} | "
            f"{n['rss_parent_mb']:.0f} + {n['rss_worker_mb']:.0f} |"
        )
    print()
    for size in sizes:
        if args.jobs > 1 and (size, 1) in by_key and (size, args.jobs) in by_key:
            one, many = by_key[(size, 1)], by_key[(size, args.jobs)]
            print(
                f"- jobs scaling at {size:g} MB: --jobs {args.jobs} is {one['seconds'] / many['seconds']:.2f}x "
                f"--jobs 1 in wall time (target 1.8x on 2 idle cores)"
            )
    if len(sizes) >= 2 and (sizes[0], 1) in by_key and (sizes[-1], 1) in by_key:
        small, large = by_key[(sizes[0], 1)], by_key[(sizes[-1], 1)]
        print(
            f"- linearity: {sizes[-1] / sizes[0]:g}x the text took {large['cpu_seconds'] / small['cpu_seconds']:.2f}x "
            f"the CPU time ({large['seconds'] / small['seconds']:.2f}x wall)"
        )
        if large.get("segments"):
            low, high = min(large["segments"]), max(large["segments"])
            print(
                f"- cost along the {sizes[-1]:g} MB run, --jobs 1: every {SEGMENT:,} articles took {low:.1f}-{high:.1f} s "
                f"of CPU ({len(large['segments'])} segments after the first; flat means linear)"
            )


def profile(records: list[dict[str, Any]]) -> None:
    """Where a one-core run spends its time: the whole pipeline over the dev set, under pyinstrument."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        raise SystemExit("pip install pyinstrument") from None
    from scrapelint.config import Settings, resolve_rules
    from scrapelint.engine import Linter, run, warm_up
    from scrapelint.language import load
    from scrapelint.sources import SourceOptions, record_to_article

    settings = Settings()
    linter = Linter(resolve_rules(settings), settings)
    options = SourceOptions()
    articles = [record_to_article(r, "bench.jsonl", i, options, f"bench:{i}", None) for i, r in enumerate(records)]
    warm_up(linter, articles[:1])  # one-time state (lexicons, models) is start-up, not the run: bench/startup.py
    load()
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in run(linter, lambda: iter(articles), 1):
        pass
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    if sys.argv[1:2] == ["_child"]:
        child_run(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        main()
