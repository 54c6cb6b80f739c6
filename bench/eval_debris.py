"""Evaluate the DEB rules on the L3S-GN1 dev set (621 news pages, human labels per line).

For each page the rules run over the `naive` text (every line of the page, joined by
newlines, as a careless scraper takes it); a line counts as flagged when a finding
overlaps it. Printed per half of the set (tune / check, split by a hash of the page id):
- debris recall: share of `not_content`, `related` and `comments` lines flagged, and the same outside the
  headline zone (from the first headline line to the first full-text line), as the issue measures it;
- article lines flagged: share of `headline`, `fulltext` and `supplemental` lines flagged, and the share
  left once lines the lexicon knows (copyright footers, "Tags:", credits: debris by the issue) are set apart;
- findings on the `clean` text (the article alone): the aim is zero;
- articles per second over the naive pages.
DEB010 (captions and credits: info, unsafe fix, and article text by L3S's labels) is counted apart.
The corpus rule (DEB008) runs through the engine's two passes over all pages.

    python bench/eval_debris.py [path/to/l3s_gn1_lines.jsonl] [--show N] [--half tune|check]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from bisect import bisect_right
from collections import Counter

from datapath import data_dir

from scrapelint.engine import Linter, run
from scrapelint.models import Article
from scrapelint.rule import all_rules
from scrapelint.rules.deb import lexicon_kind

DEFAULT = data_dir() / "l3s_gn1_lines.jsonl"
DEBRIS = {"not_content", "related", "comments"}
CAPTIONS = "DEB010"


def half(page_id: str) -> str:
    return "tune" if hashlib.sha1(page_id.encode()).digest()[0] % 2 == 0 else "check"


def flagged_lines(text: str, findings: list) -> dict[int, str]:
    """Line index (lines split on newlines) -> code of the first rule whose finding overlaps it."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    hit: dict[int, str] = {}
    for finding in findings:
        first = bisect_right(starts, finding.start) - 1
        last = bisect_right(starts, max(finding.start, finding.end - 1)) - 1
        for index in range(first, last + 1):
            hit.setdefault(index, finding.rule)
    return hit


def headline_zone(lines: list[list[str]]) -> range:
    """The headline zone: from the page's first headline line to its first full-text line (byline, share bar)."""
    labels = [label for _, label in lines]
    if "headline" not in labels or "fulltext" not in labels:
        return range(0)
    return range(labels.index("headline"), labels.index("fulltext"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="?", default=str(DEFAULT))
    parser.add_argument("--show", type=int, default=0, help="print N article lines flagged and N debris lines missed")
    parser.add_argument("--no-corpus", action="store_true", help="leave out DEB008")
    parser.add_argument("--half", choices=("tune", "check"), help="list (--show) the misses of this half only")
    args = parser.parse_args()
    with open(args.data, encoding="utf-8") as handle:
        pages = [json.loads(line) for line in handle]
    rules = [  # every DEB rule on by default, the ones of other modules (comment threads, captions) too
        rule()
        for code, rule in all_rules().items()
        if code.startswith("DEB") and rule.enabled_by_default and not (args.no_corpus and code == "DEB008")
    ]
    linter = Linter(rules)

    def articles(field: str) -> list[Article]:
        return [Article(id=p["id"], url=p["url"], text=p[field], path=f"l3s/{field}.jsonl") for p in pages]

    began = time.perf_counter()
    naive = [result.findings for result in run(linter, lambda: articles("naive"))]
    elapsed = time.perf_counter() - began
    clean = [result.findings for result in run(linter, lambda: articles("clean"))]

    stats: dict[str, Counter] = {"tune": Counter(), "check": Counter()}
    by_rule: Counter = Counter()
    by_label_rule: Counter = Counter()
    false_alarms, misses = [], []
    for page, findings, clean_findings in zip(pages, naive, clean, strict=False):
        counts = stats[half(page["id"])]
        listed = args.half is None or half(page["id"]) == args.half
        # DEB010 (captions, info, unsafe fix) is counted apart: L3S labels captions article ("supplemental")
        hit = flagged_lines(page["naive"], [f for f in findings if f.rule != CAPTIONS])
        captioned = flagged_lines(page["naive"], [f for f in findings if f.rule == CAPTIONS])
        for index in set(captioned) - set(hit):
            kind = "debris" if page["lines"][index][1] in DEBRIS else "article"
            counts[f"caption_{kind}"] += 1
        zone = headline_zone(page["lines"])
        for index, (text, label) in enumerate(page["lines"]):
            if not text.strip():
                continue
            if label in DEBRIS:
                counts["debris"] += 1
                counts["debris_hit"] += index in hit
                if index not in zone:
                    counts["debris_out"] += 1
                    counts["debris_out_hit"] += index in hit
                if index not in hit and listed:
                    misses.append(("zone" if index in zone else label[:4], text))
            else:
                counts["article"] += 1
                counts["article_hit"] += index in hit
                counts[f"article_{label}"] += 1
                counts[f"article_{label}_hit"] += index in hit
                if index in hit:
                    if listed:
                        false_alarms.append((f"{label[:4]} {hit[index]}", text))
                    # copyright footers, "Tags:"/"Updated:" lines, credits, "Advertisement": L3S calls them
                    # article, the issue calls them debris
                    counts["article_hit_lexicon"] += lexicon_kind(text) is not None
                    by_label_rule[(label, hit[index])] += 1
        counts["clean_findings"] += len(clean_findings)
        counts["pages"] += 1
        by_rule.update(f.rule for f in clean_findings)
    for name, c in stats.items():
        print(
            f"{name:5} pages={c['pages']:3}  debris recall={c['debris_hit'] / c['debris']:.3f} "
            f"({c['debris_hit']}/{c['debris']})  article lines flagged={c['article_hit'] / c['article']:.4f} "
            f"({c['article_hit']}/{c['article']})  findings on clean text={c['clean_findings']}"
        )
        print(
            f"      debris recall outside the headline zone (headline to first full-text line) = "
            f"{c['debris_out_hit'] / c['debris_out']:.3f} ({c['debris_out_hit']}/{c['debris_out']})"
        )
        rest = c["article_hit"] - c["article_hit_lexicon"]
        print(
            f"      of which lexicon debris (copyright, Tags:, Updated:, credits, ads)={c['article_hit_lexicon']}; "
            f"other article lines flagged={rest / c['article']:.4f} ({rest}/{c['article']})"
        )
    for name, c in stats.items():
        print(
            f"{name:5} {CAPTIONS} caption-credit (counted apart above) adds: debris lines {c['caption_debris']}, "
            f"article lines {c['caption_article']} ({c['caption_article'] / c['article']:.4f}; mostly captions L3S calls "
            "supplemental)"
        )
    for label in ("headline", "fulltext", "supplemental"):
        total = sum(c[f"article_{label}"] for c in stats.values())
        hits = sum(c[f"article_{label}_hit"] for c in stats.values())
        rules = ", ".join(f"{rule} {n}" for (lab, rule), n in sorted(by_label_rule.items()) if lab == label)
        print(f"  {label:12} lines flagged {hits / total:.4f} ({hits}/{total}; {rules})")
    print(f"clean-text findings by rule: {dict(sorted(by_rule.items()))}")
    print(f"naive-text findings by rule: {dict(sorted(Counter(f.rule for fs in naive for f in fs).items()))}")
    print(
        f"speed: {len(pages) / elapsed:.0f} articles/s ({sum(len(p['naive']) for p in pages) / elapsed / 1e6:.2f} MB/s), one process, two passes"
    )
    if args.show:
        print("\n-- article lines flagged --")
        for label, text in false_alarms[: args.show]:
            print(f"{label} | {text[:140]}")
        print("\n-- debris lines missed ('zone': in the headline zone) --")
        for label, text in misses[: args.show]:
            print(f"{label[:4]} | {text[:140]}")
        print("\n-- findings on clean text --")
        shown = 0
        for page, findings in zip(pages, clean, strict=False):
            for f in findings:
                if shown < args.show:
                    print(f"{f.rule} | {page['clean'][f.start : f.end][:140]!r}")
                    shown += 1


if __name__ == "__main__":
    main()
