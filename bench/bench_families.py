"""CPU time of one rule family on the dev set, as `bench.py`'s per-rule rows measure it, in a tree of choice.

    python bench/bench_families.py --select DEB,DUP                       # this tree, one fresh process
    python bench/bench_families.py --rounds 5 --python /tmp/base/.venv/bin/python --python .venv/bin/python

With `--python`, each interpreter (a venv with its own tree installed editable: a "before" and an "after")
runs one pass in a fresh process, in turns, `--rounds` times: the machine is shared, so before and after
must meet the same load. One pass: the corpus rules' first pass (`observe`, DEB008), then each rule's own
`check` over Documents analysed beforehand (untimed), as in `bench.py`. The dev set is `bench.py`'s: the
L3S-GN1 pages `naive` and `clean`, plus the seed (4.97 MB). Only `scrapelint` is imported, so the script
runs against any tree's package.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from datapath import data_dir  # noqa: E402

L3S = data_dir() / "l3s_gn1_lines.jsonl"
SEED = ROOT / "seeds" / "000_e317222bdc01896f.txt"


def dev_records() -> list[dict[str, Any]]:
    """`bench.py`'s dev set: every L3S-GN1 page as scraped and as cleaned by hand, plus the seed."""
    records = []
    with L3S.open(encoding="utf-8") as stream:
        for raw in stream:
            page = json.loads(raw)
            title = next((text for text, label in page["lines"] if label == "headline"), None)
            records.extend(
                {"id": f"{page['id']}-{kind}", "url": page["url"], "title": title, "text": page[kind]}
                for kind in ("naive", "clean")
                if page[kind].strip()
            )
    records.append({"id": "seed", "url": "https://example.org/seed", "text": SEED.read_text("utf-8")})
    return records


def one_pass(select: list[str], batch: int = 200) -> dict[str, float]:
    """CPU seconds of the corpus rules' first pass and of each selected rule's check, over the dev set."""
    from scrapelint.config import Settings, resolve_rules
    from scrapelint.document import Document
    from scrapelint.engine import Linter, observe, prepare
    from scrapelint.rule import CorpusRule
    from scrapelint.sources import SourceOptions, record_to_article

    settings = Settings(select=select)
    rules = resolve_rules(settings)
    options = SourceOptions()
    records = dev_records()
    articles = [record_to_article(r, "bench.jsonl", i, options, f"bench:{i}", None) for i, r in enumerate(records)]
    seconds: dict[str, float] = defaultdict(float)
    seconds["MB"] = sum(len(r["text"].encode()) for r in records) / 1e6
    if any(isinstance(rule, CorpusRule) for rule in rules):
        start = time.process_time()
        linter = Linter(rules, settings)
        prepare(linter, observe(linter, articles))
        seconds["observe"] = time.process_time() - start
    for index in range(0, len(articles), batch):
        docs = []
        for article in articles[index : index + batch]:
            doc = Document(article)
            doc.paragraphs, doc.sentences, doc.words, doc.lines  # noqa: B018 - analysed once, untimed per rule
            docs.append(doc)
        for rule in rules:
            start = time.process_time()
            for doc in docs:
                for _ in rule.check(doc):
                    pass
            seconds[rule.code] += time.process_time() - start
    return dict(seconds)


def totals(seconds: dict[str, float], families: list[str]) -> dict[str, float]:
    """Per family: its rules' check time, and with the first pass for DEB (DEB008 is its only corpus rule)."""
    out = {f: sum(s for code, s in seconds.items() if code.startswith(f)) for f in families}
    if "DEB" in out:
        out["DEB+observe"] = out["DEB"] + seconds.get("observe", 0.0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--select", default="DEB,DUP", help="Families (or rule codes), comma-separated.")
    parser.add_argument("--python", action="append", help="An interpreter to compare (repeat); default: this one.")
    parser.add_argument("--rounds", type=int, default=3, help="Passes per interpreter, in turns.")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    select = args.select.split(",")
    if args.child:
        print(json.dumps(one_pass(select)))
        return
    pythons = args.python or [sys.executable]
    runs: dict[str, list[dict[str, float]]] = {p: [] for p in pythons}
    for _ in range(args.rounds):
        for python in pythons:
            command = [python, __file__, "--child", "--select", args.select]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            seconds = json.loads(done.stdout.strip().splitlines()[-1])
            runs[python].append(seconds)
            row = totals(seconds, select)
            print(python, " ".join(f"{k} {v:.3f}s" for k, v in row.items()), flush=True)
    for python, passes in runs.items():
        megabytes = passes[0]["MB"]
        print(f"\n{python} ({megabytes:.2f} MB, {len(passes)} passes): min / median CPU s, MB/s at the min")
        rows = [totals(p, select) for p in passes]
        for key in rows[0]:
            values = [r[key] for r in rows]
            best = min(values)
            print(f"  {key:<12} {best:.3f} / {statistics.median(values):.3f}   {megabytes / best:.2f} MB/s")
        codes = sorted(k for k in passes[0] if k not in ("MB",))
        print("  per rule (min): " + ", ".join(f"{c} {min(p.get(c, 0.0) for p in passes):.3f}" for c in codes))


if __name__ == "__main__":
    main()
