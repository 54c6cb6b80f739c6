"""Start-up time of `scrapelint check one-article.txt`, as a pre-commit hook or an editor runs it.

Each configuration runs `--runs` times (default 10) as a fresh process; the median and the fastest of its wall
time and of its CPU time (user + system, from wait4) are reported. Start-up dominates a one-article run: the interpreter, the imports, the rule registry, and for the
spelling rules (TYP) the word lists. `--importtime` adds the slowest imports of a `--ignore TYP` run (one run of
`python -X importtime`, cumulative milliseconds), to see where the rest goes.

    python bench/startup.py                       # the seed article, 10 runs per configuration
    python bench/startup.py --l3s 200                # a typical news article: page 200 of the L3S dev data
    python bench/startup.py --article my.txt --runs 20 --importtime
    python -m venv /tmp/user && /tmp/user/bin/pip install . && python bench/startup.py --python /tmp/user/bin/python
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))

# Bytecode is cached as on a user's machine (pip compiles a wheel's modules at install; an editable install
# writes __pycache__ on its first run): without it every run compiles scrapelint's ~9,000 lines again.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}

CONFIGURATIONS = {
    "python -c pass (the interpreter alone)": ["-c", "pass"],
    "scrapelint --version (imports, no rules)": ["-m", "scrapelint", "--version"],
    "scrapelint check ARTICLE --ignore TYP": ["-m", "scrapelint", "check", "{article}", "--ignore", "TYP"],
    "scrapelint check ARTICLE (default rules)": ["-m", "scrapelint", "check", "{article}"],
}


def timed(python: str, args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh process: on a busy machine the CPU time is the
    steadier of the two, since waiting for a core counts in the wall time only."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [python, *args], cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    stderr = process.stderr.read() if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{args} exited {process.returncode}:\n{stderr}")
    return elapsed, usage.ru_utime + usage.ru_stime


def slowest_imports(python: str, article: Path, cwd: Path, top: int) -> list[tuple[float, str]]:
    """The `top` imports with the largest cumulative time in one `check --ignore TYP` run."""
    args = [python, "-X", "importtime", "-m", "scrapelint", "check", str(article), "--ignore", "TYP"]
    stderr = subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True, check=False).stderr
    rows = []
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, cumulative, name = line.split("|")
            if name.startswith(" ") and not name.startswith("   "):  # top level and one below
                rows.append((int(cumulative) / 1000, name.rstrip()))
    return sorted(rows, reverse=True)[:top]


PARTS = """
import time
clock = time.process_time
began = clock()
from scrapelint import spelling
imported = clock()
lexicon = spelling.lexicon()
built = clock()
parts = []
for name in ("buckets", "head_buckets", "bigrams"):
    start = clock()
    getattr(lexicon, name)
    parts.append((name, clock() - start))
print(f"  import scrapelint.spelling (pydantic, models, document)  {imported - began:.3f}s")
print(f"  lexicon(): word lists, frequencies, misspellings       {built - imported:.3f}s")
for name, seconds in parts:
    print(f"  lexicon().{name:<13} (built on first use)            {seconds:.3f}s")
"""


def lexicon_parts(python: str, cwd: Path) -> str:
    """CPU seconds of the spelling state's parts, in one fresh process."""
    return subprocess.run([python, "-c", PARTS], cwd=cwd, env=ENV, capture_output=True, text=True, check=True).stdout


NEEDS = """
import sys
from click.testing import CliRunner
from scrapelint import spelling
from scrapelint.cli import main
CliRunner().invoke(main, ["check", sys.argv[1]])
print(" ".join(n for n in ("buckets", "head_buckets", "bigrams") if n in vars(spelling.lexicon())))
"""


def lazy_needs(python: str, first: int, count: int, cwd: Path) -> list[str]:
    """Which parts built on first use each of `count` L3S pages needs, each checked in a fresh process."""
    return [
        subprocess.run(
            [python, "-c", NEEDS, str(l3s_article(index))], cwd=cwd, env=ENV, capture_output=True, text=True, check=True
        ).stdout.strip()
        for index in range(first, first + count)
    ]


def l3s_article(index: int) -> Path:
    """The clean text of one L3S page, as a .txt file (a typical news article; the seed is an unusually bad one)."""
    with (ROOT.parent / "shared" / "data" / "l3s_gn1_lines.jsonl").open(encoding="utf-8") as lines:
        page = json.loads(next(itertools.islice(lines, index, None)))
    path = Path(tempfile.gettempdir()) / f"scrapelint-startup-l3s-{index}.txt"
    path.write_text(page["clean"], encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--article", type=Path, default=SEED, help="one article (default: the seed)")
    parser.add_argument(
        "--l3s", type=int, metavar="N", help="instead, the clean text of the Nth page of the L3S dev data (0-based)"
    )
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports")
    parser.add_argument("--parts", action="store_true", help="also time the parts of the spelling lexicon")
    parser.add_argument(
        "--needs",
        type=int,
        metavar="K",
        help="also count which of K L3S pages (from --l3s, or 200) need the lazy parts",
    )
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="the interpreter to time, e.g. a fresh venv's with only `pip install .` in it (default: this one)",
    )
    args = parser.parse_args()
    article = args.article.resolve() if args.l3s is None else l3s_article(args.l3s)
    cwd = Path("/tmp") if Path("/tmp").is_dir() else ROOT  # outside the checkout: no config found by walking up
    print(f"{article.name}, {args.runs} runs each, {args.python}")
    print(f"{'configuration':<44} {'wall: median':>12} {'fastest':>8}   {'CPU: median':>11} {'fastest':>8}")
    timed(
        args.python, ["-m", "scrapelint", "check", str(article)], cwd
    )  # a first run fills the file and bytecode caches
    for label, template in CONFIGURATIONS.items():
        command = [part.replace("{article}", str(article)) for part in template]
        walls, cpus = zip(*(timed(args.python, command, cwd) for _ in range(args.runs)), strict=True)
        print(
            f"{label:<44} {statistics.median(walls):>11.3f}s {min(walls):>7.3f}s"
            f"   {statistics.median(cpus):>10.3f}s {min(cpus):>7.3f}s"
        )
    if args.parts:
        print("\nthe spelling lexicon, part by part (CPU, one process):")
        print(lexicon_parts(args.python, cwd), end="")
    if args.needs:
        first = args.l3s if args.l3s is not None else 200
        needs = lazy_needs(args.python, first, args.needs, cwd)
        print(
            f"\nL3S pages {first}-{first + args.needs - 1}, one process each: the parts built on first use they needed"
        )
        for name in ("buckets", "head_buckets", "bigrams"):
            print(f"  {name:<13} {sum(name in need.split() for need in needs)} of {len(needs)}")
    if args.importtime:
        print("\nslowest imports of `check --ignore TYP` (cumulative ms, one run):")
        for ms, name in slowest_imports(args.python, article, cwd, 15):
            print(f"  {ms:7.1f}  {name}")


if __name__ == "__main__":
    main()
