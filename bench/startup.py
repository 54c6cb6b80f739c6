"""Start-up time of `scrapelint check one-article.txt`, as a pre-commit hook or an editor runs it.

Each configuration runs `--runs` times (default 10) as a fresh process; the median and the fastest wall time are
reported. Start-up dominates a one-article run: the interpreter, the imports, the rule registry, and for the
spelling rules (TYP) the word lists. `--importtime` adds the slowest imports of a `--ignore TYP` run (one run of
`python -X importtime`, cumulative milliseconds), to see where the rest goes.

    python bench/startup.py                       # the seed article, 10 runs per configuration
    python bench/startup.py --article my.txt --runs 20 --importtime
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))

CONFIGURATIONS = {
    "python -c pass (the interpreter alone)": ["-c", "pass"],
    "scrapelint --version (imports, no rules)": ["-m", "scrapelint", "--version"],
    "scrapelint check ARTICLE --ignore TYP": ["-m", "scrapelint", "check", "{article}", "--ignore", "TYP"],
    "scrapelint check ARTICLE (default rules)": ["-m", "scrapelint", "check", "{article}"],
}


def timed(args: list[str], cwd: Path) -> float:
    began = time.perf_counter()
    result = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, check=False)
    elapsed = time.perf_counter() - began
    if result.returncode not in (0, 1):
        raise SystemExit(f"{args} exited {result.returncode}:\n{result.stderr.decode()}")
    return elapsed


def slowest_imports(article: Path, cwd: Path, top: int) -> list[tuple[float, str]]:
    """The `top` imports with the largest cumulative time in one `check --ignore TYP` run."""
    args = [sys.executable, "-X", "importtime", "-m", "scrapelint", "check", str(article), "--ignore", "TYP"]
    stderr = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False).stderr
    rows = []
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, cumulative, name = line.split("|")
            if name.startswith(" ") and not name.startswith("   "):  # top level and one below
                rows.append((int(cumulative) / 1000, name.rstrip()))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--article", type=Path, default=SEED, help="one article (default: the seed)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports")
    args = parser.parse_args()
    article = args.article.resolve()
    cwd = Path("/tmp") if Path("/tmp").is_dir() else ROOT  # outside the checkout: no config found by walking up
    print(f"{article.name}, {args.runs} runs each, Python {sys.version.split()[0]}")
    print(f"{'configuration':<44} {'median':>8} {'fastest':>8}")
    timed(["-m", "scrapelint", "--version"], cwd)  # a first run fills the OS file cache
    for label, template in CONFIGURATIONS.items():
        command = [part.replace("{article}", str(article)) for part in template]
        times = [timed(command, cwd) for _ in range(args.runs)]
        print(f"{label:<44} {statistics.median(times):>7.3f}s {min(times):>7.3f}s")
    if args.importtime:
        print("\nslowest imports of `check --ignore TYP` (cumulative ms, one run):")
        for ms, name in slowest_imports(article, cwd, 15):
            print(f"  {ms:7.1f}  {name}")


if __name__ == "__main__":
    main()
