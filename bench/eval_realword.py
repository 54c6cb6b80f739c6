"""TYP011 (real-word errors) on L3S-GN1 split in halves: the first half tunes, the second checks.

For each half: findings on the untouched `clean` text (every one a false alarm unless the page
itself has the slip; printed to judge), per 20,000 words, and recall on real-word errors injected
one per 150 words (pairs whose wrong spelling is a Hunspell word in real use, from Norvig's set and
codespell's `dictionary_rare.txt`, as in `eval_spelling_unseen.py`).

    python bench/eval_realword.py [--data /work/shared/data]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

from eval_spelling import DEFAULT_DATA, WORD, inject, load_misspellings
from eval_spelling_unseen import codespell_pairs, split_kinds

from scrapelint import realword


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()

    with open(args.data / "l3s_gn1_lines.jsonl", encoding="utf-8") as f:
        texts = [page["clean"] for page in map(json.loads, f) if page.get("clean", "").strip()]
    real: dict[str, list[str]] = defaultdict(list)
    for table in (split_kinds(load_misspellings(args.data))[1], split_kinds(codespell_pairs("dictionary_rare.txt"))[1]):
        for right, wrongs in table.items():
            real[right].extend(wrongs)
    middle = len(texts) // 2
    for name, half in (("first half (tune)", texts[:middle]), ("second half (check)", texts[middle:])):
        words = sum(len(WORD.findall(text)) for text in half)
        found = [(text, error) for text in half for error in realword.find(text)]
        rng = random.Random(args.seed)
        hits = total = 0
        for text in half:
            injected, spans = inject(text, real, rng, per_words=150)
            flagged = [(e.start, e.end) for e in realword.find(injected)]
            total += len(spans)
            hits += sum(any(s < end and start < e for s, e in flagged) for start, end, _, _ in spans)
        print(
            f"{name}: {len(half)} pages, {words:,} words; "
            f"findings on untouched text {len(found)} = {20000 * len(found) / words:.2f} per 20,000 words; "
            f"real-word recall {hits}/{total} = {hits / total:.3f}"
        )
        for text, error in found:
            context = text[max(0, error.start - 40) : error.end + 30].replace("\n", " ")
            print(f"    {error.word} -> {error.likely}: …{context}…")


if __name__ == "__main__":
    main()
