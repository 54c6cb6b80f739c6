"""CPU time of one rule family on the dev set, as `bench.py`'s per-rule rows measure it, in a tree of choice.

    python bench/bench_families.py --select DEB,DUP                       # this tree, one fresh process
    python bench/bench_families.py --rounds 5 --python /tmp/base/.venv/bin/python --python .venv/bin/python
    python bench/bench_families.py --select DEB --pipeline --python ...  # the whole pipeline, language too

With `--python`, each interpreter (a venv with its own tree installed editable: a "before" and an "after")
runs one pass in a fresh process, in turns, `--rounds` times: the machine is shared, so before and after
must meet the same load. One pass is `bench.py`'s `per_rule` (imported from this folder, so every tree is
timed by the same code): the corpus rules' first pass (`observe`, DEB008), then each rule's own `check` over
Documents analysed beforehand (untimed). The dev set is `bench.py`'s: the L3S-GN1 pages `naive` and `clean`,
plus the seed (4.97 MB).

`--pipeline` times what a user pays instead: `engine.run` with `--jobs 1` over the same records and only
the selected rules, after the engine's warm-up, so the Document analysis and the language detection and
gating these rules need are counted. Twice in one process: `cold` (the texts as scraped: per-process
caches empty, patterns compiled on first use) and `varied` (then every line of 8+ words changed as in
`bench.py`'s large corpora: the per-MB cost of a long run, once the one-time costs are paid).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import dev_records, per_rule, vary


def one_pass(select: list[str]) -> dict[str, float]:
    """CPU seconds of the corpus rules' first pass and of each selected rule's check, over the dev set."""
    records = dev_records()
    seconds, _analysis = per_rule(records, select=select)
    return {**seconds, "MB": sum(len(r["text"].encode()) for r in records) / 1e6}


def pipeline_pass(select: list[str]) -> dict[str, float]:
    """CPU seconds of the whole pipeline with only `select`, over the dev set as scraped, then varied."""
    from scrapelint.config import Settings, resolve_rules
    from scrapelint.engine import Linter, run, warm_up
    from scrapelint.models import Article
    from scrapelint.sources import SourceOptions, record_to_article

    settings = Settings(select=select)
    linter = Linter(resolve_rules(settings), settings)
    records = dev_records()
    options = SourceOptions()

    def articles(round_: int) -> list[Article]:
        varied = ({**r, "text": vary(r["text"], round_)} for r in records)
        return [record_to_article(r, "bench.jsonl", i, options, f"bench:{i}", None) for i, r in enumerate(varied)]

    cold, warm = articles(0), articles(1)
    warm_up(linter, iter(cold[:1]))  # the language model, the lexicons: loaded once per process, as in a run
    seconds = {"MB": sum(len(r["text"].encode()) for r in records) / 1e6}
    for name, batch in (("cold", cold), ("varied", warm)):
        start = time.process_time()
        for _ in run(linter, lambda batch=batch: iter(batch), 1):
            pass
        seconds[name] = time.process_time() - start
    return seconds


def totals(seconds: dict[str, float], families: list[str]) -> dict[str, float]:
    """Per family: its rules' check time, and with the first pass for DEB (DEB008 is its only corpus rule)."""
    out = {f: sum(s for code, s in seconds.items() if code.startswith(f)) for f in families}
    if "DEB" in out:
        out["DEB+observe"] = out["DEB"] + seconds.get("observe", 0.0)
    return out


def pipeline_totals(seconds: dict[str, float]) -> dict[str, float]:
    """The two timed passes of `pipeline_pass`."""
    return {key: seconds[key] for key in ("cold", "varied")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--select", default="DEB,DUP", help="Families (or rule codes), comma-separated.")
    parser.add_argument("--python", action="append", help="An interpreter to compare (repeat); default: this one.")
    parser.add_argument("--rounds", type=int, default=3, help="Passes per interpreter, in turns.")
    parser.add_argument("--pipeline", action="store_true", help="Time the whole pipeline (see above).")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    select = args.select.split(",")
    if args.child:
        print(json.dumps(pipeline_pass(select) if args.pipeline else one_pass(select)))
        return
    pythons = args.python or [sys.executable]
    runs: dict[str, list[dict[str, float]]] = {p: [] for p in pythons}
    for _ in range(args.rounds):
        for python in pythons:
            command = [python, __file__, "--child", "--select", args.select, *(["--pipeline"] * args.pipeline)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            seconds = json.loads(done.stdout.strip().splitlines()[-1])
            runs[python].append(seconds)
            row = pipeline_totals(seconds) if args.pipeline else totals(seconds, select)
            print(python, " ".join(f"{k} {v:.3f}s" for k, v in row.items()), flush=True)
    for python, passes in runs.items():
        megabytes = passes[0]["MB"]
        print(f"\n{python} ({megabytes:.2f} MB, {len(passes)} passes): min / median CPU s, MB/s at the min")
        rows = [pipeline_totals(p) if args.pipeline else totals(p, select) for p in passes]
        for key in rows[0]:
            values = [r[key] for r in rows]
            best = min(values)
            print(f"  {key:<12} {best:.3f} / {statistics.median(values):.3f}   {megabytes / best:.2f} MB/s")
        codes = sorted(k for k in passes[0] if k not in ("MB", "cold", "varied"))
        if codes:
            print("  per rule (min): " + ", ".join(f"{c} {min(p.get(c, 0.0) for p in passes):.3f}" for c in codes))


if __name__ == "__main__":
    main()
