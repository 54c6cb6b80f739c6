"""Would a learned line scorer beat DEB's hand-set structure? (issue #15: "the numbers decide").

DEB's analysis (rules/deb/body.py) decides by hand-set rules which lines around and inside the body are page
furniture. This script asks whether a logistic-regression scorer over the features issue #15 names does better.
It takes the lines those structural decisions own: lines no rule flags, and lines that DEB001/DEB004 flag only
as "furniture" or "headlines". Lines a lexicon, a thread or a caption flags keep their flag.

- Features of a line and its neighbours: where it stands to the body and how far; words, prose, stop-word
  density in its language, end punctuation, digits, capitals, link-like text, repetition on the page; debris
  the lexicon knows around it; the prose of the body before and after it; how many of its words the body's
  prose uses (lexical cohesion: an author box or a site blurb inside the body is off its topic); the rules'
  own verdict.
- Training is Newton's method with an L2 penalty, deterministic. It uses the tune halves of L3S-GN1 (`naive`
  pages, every line labelled) and trafilatura_dev (the snippets' lines), each corpus weighted equally.
- Printed for the check halves, with the rules' numbers first, at several thresholds. The measures are those
  of eval_debris.py (debris recall outside the headline zone, article lines flagged) and eval_trafilatura.py
  (boilerplate snippets found / article snippets flagged, per language group).

    python bench/eval_line_scorer.py [--thresholds 0.8,0.85,0.9,0.95]
"""

from __future__ import annotations

import argparse
import json
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from datapath import data_dir
from eval_debris import CAPTIONS, DEBRIS, flagged_lines, half, headline_zone

from scrapelint.document import Document
from scrapelint.engine import Linter, run
from scrapelint.language import prose_density
from scrapelint.models import Article
from scrapelint.rule import all_rules
from scrapelint.rules.deb import analyse
from scrapelint.rules.deb.lines import Line
from scrapelint.rules.deb.text import _words

STRUCTURAL = ("furniture", "headlines")  # the kinds the body finding gives (the rest come from lexicons)
LINK = re.compile(r"https?://|www\.|\.(?:com|de|org|net)\b|@")
SENTENCE_END = tuple('.!?…"”»')


@dataclass
class Row:
    corpus: str  # "l3s" or "trafilatura"
    page: str
    line: int  # the page's line number (split on newlines)
    owned: bool  # the structural decision owns this line (unflagged, or flagged as furniture/headlines only)
    flagged: bool  # the rules' verdict
    label: int | None  # 1 debris, 0 article, None unlabelled
    in_zone: bool  # L3S's headline zone
    features: list[float] | None


def stems(text: str) -> set[str]:
    """A line's longer words cut to six letters: the topic words it shares with the body, in any language."""
    return {word[:6] for word in _words(text.lower()) if len(word) >= 5}


def features(
    lines: list[Line], body: tuple[int, int] | None, index: int, seen: Counter[str], topic: Counter[str]
) -> list[float]:
    """The line's own shape, its place to the body and its neighbours (`seen`: the page's lines, counted), and
    how many of its words the body's prose uses (`topic`: the body's `stems`, counted by paragraph)."""
    line, count = lines[index], len(lines)
    first, last = body if body is not None else (count, count - 1)
    above, inside, below = index < first, first <= index <= last, index > last

    def lexicon_debris(j: int) -> bool:
        return 0 <= j < count and lines[j].kind is not None and lines[j].kind not in STRUCTURAL

    near = range(index - 3, index + 4)
    text = line.text
    _, density = prose_density(_words(text.lower()))
    tokens = text.split()
    after = before = 0.0
    debris_before = False
    if inside:
        prose = [x.words if x.prose and x.kind is None else 0 for x in lines[first : last + 1]]
        total = sum(prose) or 1
        before = sum(prose[: index - first]) / total
        after = sum(prose[index - first + 1 :]) / total
        debris_before = any(lexicon_debris(j) for j in range(first, index))
    end = text.rstrip()[-1:]
    own = stems(text)
    itself = 1 if inside and line.prose and line.kind is None else 0
    shared = sum(1 for word in own if topic[word] > itself) / len(own) if len(own) >= 4 else 0.0
    return [
        1.0,
        above,
        inside,
        below,
        body is None,
        line.protected,
        line.kind in STRUCTURAL,
        line.kind == "headlines",
        math.log1p(line.words),
        line.prose,
        end in SENTENCE_END,
        end == ":",
        2 <= line.words <= 30 and end not in ".,;:",
        sum(c.isdigit() for c in text) / max(1, len(text)),
        sum(t[:1].isupper() for t in tokens) / max(1, len(tokens)),
        density,
        lexicon_debris(index - 1) + lexicon_debris(index + 1),
        sum(lexicon_debris(j) for j in near if j != index) / 6,
        sum(lines[j].prose for j in range(index - 2, index + 3) if 0 <= j < count and j != index) / 4,
        sum(not lines[j].prose and lines[j].words <= 6 for j in near if 0 <= j < count and j != index) / 6,
        math.log1p(first - index if above else index - last if below else 0),
        after,
        before,
        inside and after < 0.1,
        debris_before,
        debris_before and after < 0.2,
        math.log1p(len(text)),
        not text[:1].isalnum(),
        LINK.search(text) is not None,
        seen[text] > 1,
        shared,
        len(own) < 4,
    ]


def rows(pages: list[dict], field: str, corpus: str) -> Iterator[Row]:
    """One row per line DEB's analysis sees, with the rules' verdict from a whole run (DEB008's two passes)."""
    rules = [rule() for code, rule in all_rules().items() if code.startswith("DEB") and rule.enabled_by_default]
    articles = [Article(id=p["id"], url=p["url"], text=p[field], path=f"{corpus}.jsonl") for p in pages]
    results = [result.findings for result in run(Linter(rules), lambda: articles)]
    for page, findings in zip(pages, results, strict=True):
        text = page[field]
        # DEB010 is counted apart on L3S (its captions are article text there), as in eval_debris.py
        hit = flagged_lines(text, [f for f in findings if corpus != "l3s" or f.rule != CAPTIONS])
        if corpus == "l3s":
            labels = {i: int(label in DEBRIS) for i, (raw, label) in enumerate(page["lines"]) if raw.strip()}
            zone = headline_zone(page["lines"])
        else:
            labels = {i: 1 - label["label"] for label in page["labels"] for i in label["lines"]}
            zone = range(0)
        analysis = analyse(Document(Article(id=page["id"], url=page["url"], text=text, path="x")))
        starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        seen = Counter(line.text for line in analysis.lines)
        topic: Counter[str] = Counter()
        if analysis.body is not None:
            first, last = analysis.body
            for line in analysis.lines[first : last + 1]:
                if line.prose and line.kind is None:
                    topic.update(stems(line.text))
        for index, line in enumerate(analysis.lines):
            number = bisect_right(starts, line.start) - 1
            rule = hit.get(number)
            owned = rule is None or (rule in ("DEB001", "DEB004") and line.kind in STRUCTURAL)
            yield Row(
                corpus,
                page["id"],
                number,
                owned,
                rule is not None,
                labels.get(number),
                number in zone,
                features(analysis.lines, analysis.body, index, seen, topic) if owned else None,
            )


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, penalty: float = 1.0, steps: int = 25) -> np.ndarray:
    """Weighted logistic regression by Newton's method with an L2 penalty: the same weights on every run."""
    beta = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ beta))
        gradient = x.T @ (weight * (p - y)) + penalty * beta
        hessian = (x * (weight * p * (1 - p))[:, None]).T @ x + penalty * np.eye(x.shape[1])
        beta -= np.linalg.solve(hessian, gradient)
    return beta


def measure(all_rows: list[Row], trafilatura: list[dict], verdict: dict[int, bool]) -> str:
    """The check half's numbers when the owned lines take `verdict` (by row id) and the others keep their flag."""
    flags: dict[tuple[str, str, int], bool] = {}
    for row in all_rows:
        key = (row.corpus, row.page, row.line)
        flags[key] = flags.get(key, False) or verdict.get(id(row), row.flagged)
    counts: Counter[str] = Counter()
    for row in all_rows:
        if row.corpus == "l3s" and row.label is not None:
            flagged = flags[row.corpus, row.page, row.line]
            if row.label == 1 and not row.in_zone:
                counts["debris"] += 1
                counts["debris flagged"] += flagged
            elif row.label == 0:
                counts["article"] += 1
                counts["article flagged"] += flagged
    report = (
        f"L3S recall outside the zone {counts['debris flagged'] / counts['debris']:.3f}, "
        f"article lines flagged {counts['article flagged'] / counts['article']:.2%}"
    )
    snippets: Counter[tuple[str, str]] = Counter()
    for page in trafilatura:
        group = page["lang_guess"] if page["lang_guess"] in ("de", "en") else "other"
        for label in page["labels"]:
            flagged = any(flags.get(("trafilatura", page["id"], i), False) for i in label["lines"])
            kind = "boilerplate" if label["label"] == 0 else "article"
            for key in (group, "all"):
                snippets[key, kind] += 1
                snippets[key, kind + " flagged"] += flagged
    groups = " ".join(
        f"{g} {snippets[g, 'boilerplate flagged'] / snippets[g, 'boilerplate']:.1%}"
        f"/{snippets[g, 'article flagged'] / snippets[g, 'article']:.1%}"
        for g in ("all", "de", "en", "other")
    )
    return f"{report} | trafilatura found/flagged: {groups}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--thresholds", default="0.8,0.85,0.9,0.95")
    args = parser.parse_args()
    with open(data_dir() / "l3s_gn1_lines.jsonl", encoding="utf-8") as handle:
        l3s = [json.loads(line) for line in handle]
    with open(data_dir() / "trafilatura_dev.jsonl", encoding="utf-8") as handle:
        trafilatura = [json.loads(line) for line in handle]
    every = [*rows(l3s, "naive", "l3s"), *rows(trafilatura, "text", "trafilatura")]
    pages = {page["id"]: half(page["id"]) for page in l3s + trafilatura}
    train = [r for r in every if r.owned and r.label is not None and pages[r.page] == "tune"]
    per_corpus = Counter(r.corpus for r in train)
    x = np.array([r.features for r in train], dtype=float)
    y = np.array([r.label for r in train], dtype=float)
    weight = np.array([len(train) / (2 * per_corpus[r.corpus]) for r in train])
    beta = fit(x, y, weight)
    check = [r for r in every if pages[r.page] == "check"]
    check_pages = [page for page in trafilatura if pages[page["id"]] == "check"]
    print(f"trained on {len(train)} labelled lines of the tune halves ({dict(per_corpus)}); the check halves:")
    print(f"  rules as they are:  {measure(check, check_pages, {})}")
    owned = [r for r in check if r.owned]
    scores = 1 / (1 + np.exp(-np.array([r.features for r in owned], dtype=float) @ beta))
    for threshold in map(float, args.thresholds.split(",")):
        verdict = {id(r): bool(s > threshold) for r, s in zip(owned, scores, strict=True)}
        print(f"  scorer > {threshold:<5}       {measure(check, check_pages, verdict)}")


if __name__ == "__main__":
    main()
