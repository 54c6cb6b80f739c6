"""How well the CI gate separates a broken site from a healthy one, and what the quality score measures.

    python bench/eval_gate.py                # all 621 L3S-GN1 pages, 200 trials per cell
    python bench/eval_gate.py --trials 50    # quicker

Data: the L3S-GN1 pages' `naive` text (what a careless scraper takes: real menus, footers,
related links), linted once each with the default rules, as they are and with one of two
breakages a site redesign brings: a cookie/newsletter banner added to the article (four
banner texts, written for this bench), or the lead paragraph repeated at the end.

1. Gate. A trial draws two disjoint random samples of n pages: the "baseline" run and the
   "new" run of one site. Healthy: both as scraped; every regression reported is a false
   alarm. Broken: a share f of the new run's articles carry the breakage; detected when the
   gate reports a regression of the right family on that site (DEB for a banner, DUP for a repeat). Defaults of `check --baseline` (10 points, 20
   articles, p < 0.01). Nothing in the gate was tuned on these pages.
2. Quality score. Per page, the score (1 - weighted share of the text DEB/DUP flag) against the
   share of the text the human labels call content (headline, full text, supplemental); and
   what `fix --drop-below 0.3` would leave out. The score's formula came before this data was
   looked at (lint/quality.py); only the rules it sums were tuned, on other halves of the data.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import orjson

from scrapelint.config import Settings, resolve_rules
from scrapelint.engine import Linter, Result, run
from scrapelint.models import Article
from scrapelint.quality import quality_score
from scrapelint.summary import BatchFold, summarize
from scrapelint.summary.baseline import compare

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = [ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data"]
DEBRIS = ("not_content", "related", "comments")
BANNERS = [
    "We use cookies to improve your experience on our site. By continuing to browse this site you agree "
    "to our use of cookies.",
    "We value your privacy. We and our partners store and access information on your device. "
    "Manage your consent preferences at any time.",
    "Sign up for our daily newsletter and get the best stories delivered straight to your inbox.",
    "You have reached your limit of free articles this month. Subscribe now to continue reading.",
]


def banner(text: str, number: int) -> str:
    return text.rstrip("\n") + "\n\n" + BANNERS[number % len(BANNERS)] + "\n"


def repeated_lead(text: str, number: int) -> str:
    paragraphs = [p for p in text.split("\n") if len(p.split()) >= 25]
    return text.rstrip("\n") + "\n" + (paragraphs[0] if paragraphs else text.split("\n")[0]) + "\n"


BREAKAGES = {"banner": banner, "repeated lead": repeated_lead}
EXPECTED = {"banner": "DEB", "repeated lead": "DUP"}  # the family a regression must name to count as detected


def lint_all(pages: list[dict], linter: Linter, variant=None) -> list[Result]:
    articles = [
        Article(
            id=str(i),
            text=variant(p["naive"], i) if variant else p["naive"],
            url="https://site.example/" + str(i),
            path="bench",
        )
        for i, p in enumerate(pages)
    ]
    return list(run(linter, lambda: articles, 1))


def summary_of(results: list[Result], codes: list[str]):
    fold = BatchFold()
    for result in results:
        fold.add(result)
    return summarize(fold, codes)


def gate(pages: list[dict], linter: Linter, trials: int, seed: int) -> list[str]:
    codes = [rule.code for rule in linter.rules]
    started = time.perf_counter()
    healthy = lint_all(pages, linter)
    broken = {name: lint_all(pages, linter, variant) for name, variant in BREAKAGES.items()}
    print(
        f"linted {len(pages)} pages x {1 + len(broken)} variants in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    rng = random.Random(seed)
    lines = [
        "| n per run | false alarms (healthy) | "
        + " | ".join(f"{name}, f={f:.0%}" for name in BREAKAGES for f in (0.25, 0.5, 1.0))
        + " |",
        "|--:|--:|" + "--:|" * (len(BREAKAGES) * 3),
    ]
    for n in (n for n in (20, 50, 150, 300) if 2 * n <= len(pages)):
        alarms = 0
        detected = {(name, f): 0 for name in BREAKAGES for f in (0.25, 0.5, 1.0)}
        for _ in range(trials):
            order = rng.sample(range(len(pages)), 2 * n)
            old, new = order[:n], order[n:]
            base = summary_of([healthy[i] for i in old], codes)
            alarms += bool(compare(base, summary_of([healthy[i] for i in new], codes)).regressions)
            for name, f in detected:
                hit = set(rng.sample(new, round(f * n)))
                current = summary_of([broken[name][i] if i in hit else healthy[i] for i in new], codes)
                regressions = compare(base, current).regressions
                detected[name, f] += any(r.code.startswith(EXPECTED[name]) for r in regressions)
        cells = [f"{alarms / trials:.1%}"] + [f"{detected[key] / trials:.0%}" for key in detected]
        lines.append(f"| {n} | " + " | ".join(cells) + " |")
    return lines


def quality(pages: list[dict], linter: Linter) -> list[str]:
    scores, content = [], []
    for page in pages:
        findings = linter.lint(Article(id=page["id"], text=page["naive"], url=page["url"], path="bench"))
        scores.append(quality_score(findings, len(page["naive"])))
        debris = sum(len(text) + 1 for text, label in page["lines"] if label in DEBRIS)
        content.append(max(0.0, 1 - debris / max(1, len(page["naive"]))))
    rho = statistics.correlation(_ranks(scores), _ranks(content))
    error = statistics.mean(abs(s - c) for s, c in zip(scores, content, strict=True))
    dropped = [c for s, c in zip(scores, content, strict=True) if s < 0.3]
    mostly = [s for s, c in zip(scores, content, strict=True) if c < 0.3]
    return [
        f"pages: {len(pages)}; Spearman rank correlation, score vs labelled content share: {rho:.2f}; "
        f"mean |score - content share|: {error:.2f}",
        f"--drop-below 0.3 drops {len(dropped)} pages; of those, {sum(c < 0.5 for c in dropped)} are more than half "
        f"debris by the labels (worst labelled content share among them: {max(dropped, default=0):.0%})",
        f"pages whose labelled content share is below 30%: {len(mostly)}; dropped by --drop-below 0.3: "
        f"{sum(s < 0.3 for s in mostly)}",
    ]


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2
        i = j + 1
    return ranks


def clean_scores(pages: list[dict], linter: Linter) -> str:
    scores = [
        quality_score(linter.lint(Article(id=p["id"], text=p["clean"], path="bench")), len(p["clean"])) for p in pages
    ]
    low = sum(s < 0.3 for s in scores)
    return f"clean texts (labelled content only): {low} of {len(scores)} score below 0.3 (would be dropped by mistake)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--limit", type=int, default=None, help="use the first N pages only")
    args = parser.parse_args()
    data = next((path for path in CANDIDATES if path.exists()), CANDIDATES[0])
    pages = [orjson.loads(line) for line in (data / "l3s_gn1_lines.jsonl").read_bytes().splitlines()][: args.limit]
    settings = Settings()
    linter = Linter(resolve_rules(settings), settings)
    print("## Gate: regressions reported (share of trials)\n")
    print("\n".join(gate(pages, linter, args.trials, args.seed)))
    print("\n## Quality score on raw pages (L3S naive text)\n")
    print("\n".join(f"- {line}" for line in quality(pages, linter)))
    print(f"- {clean_scores(pages, linter)}")


if __name__ == "__main__":
    main()
