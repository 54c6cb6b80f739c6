"""Whether two trees report byte-identical findings on the dev sets: the check for a speed-only change.

    python bench/bench_same_findings.py --python /tmp/before/.venv/bin/python --python .venv/bin/python

Each interpreter (a venv with its tree installed) runs `scrapelint check --format jsonl` with the default rules
(TYP too: its language gate reads the same detection as DEB) and `--jobs 1` on the L3S-GN1 pages as scraped
(`naive`) and as cleaned (`clean`), on trafilatura_dev's 644 pages (their languages detected, as the file
gives no `language` field) and on the seed; the outputs are compared byte for byte.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datapath import data_dir

from bench import L3S, SEED


def inputs(directory: Path) -> list[Path]:
    """The dev sets as files `scrapelint check` reads: L3S naive and clean as JSONL, trafilatura_dev, the seed."""
    pages = [json.loads(raw) for raw in L3S.open(encoding="utf-8")]
    paths = []
    for kind in ("naive", "clean"):
        path = directory / f"l3s_{kind}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for page in pages:
                if page[kind].strip():
                    title = next((text for text, label in page["lines"] if label == "headline"), None)
                    record = {"id": f"{page['id']}-{kind}", "url": page["url"], "title": title, "text": page[kind]}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(path)
    return [*paths, data_dir() / "trafilatura_dev.jsonl", SEED]


def findings(python: str, path: Path, out: Path) -> None:
    """`scrapelint check` of `path` by the tree behind `python`, as JSONL, into `out`."""
    command = [python, "-m", "scrapelint", "check", "--isolated", "--jobs", "1", "--format", "jsonl"]
    with out.open("wb") as stream:
        subprocess.run([*command, "--exit-zero", "-q", str(path)], stdout=stream, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--python", action="append", required=True, help="Two interpreters: before, after.")
    args = parser.parse_args()
    if len(args.python) != 2:
        raise SystemExit("give --python twice: the tree before and the tree after")
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        differ = 0
        for path in inputs(directory):
            outs = [directory / f"{side}_{path.stem}.jsonl" for side in ("before", "after")]
            for python, out in zip(args.python, outs, strict=True):
                findings(python, path, out)
            same = filecmp.cmp(outs[0], outs[1], shallow=False)
            differ += not same
            lines = sum(1 for _ in outs[1].open("rb"))
            print(f"{path.name}: {lines} findings, {'identical' if same else 'DIFFERENT'}")
    raise SystemExit(1 if differ else 0)


if __name__ == "__main__":
    main()
