"""Evaluate the DUP rules on real news text with duplicates inserted the ways scrapers make them.

    python bench/eval_dup.py            # recall, false findings, fix round-trips, speed
    python bench/eval_dup.py --show 5   # also print a few misses and false findings

Source: the `clean` text (headline + article lines) of the L3S-GN1 pages in
/work/shared/data/l3s_gn1_lines.jsonl; the headline is also given as the title.
Pages that already contain a repeated sentence (some were scraped doubled) are
listed and kept out of the "untouched" count, since their findings are real.
For every other page, one copy per kind is inserted (seeded, reproducible):

  para-double    a paragraph doubled in place            (exact)
  para-later     a paragraph copied further down          (exact)
  para-norm      that, with case/quotes/dashes/spaces/final stop changed
  sent-end       a sentence repeated as a last paragraph  (exact)
  sent-end-norm  that, changed as above, glued to the last paragraph
  sent-inline    a sentence copied into a later paragraph (exact)
  block          2-3 consecutive sentences repeated in their paragraph

A copy counts as found when a DUP001/DUP002 (DUP004 for the headline) finding covers exactly its
characters; applying every safe fix must give back the untouched page.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter
from pathlib import Path

from datapath import data_dir

from scrapelint.document import Document
from scrapelint.engine import Linter
from scrapelint.models import Article, Finding
from scrapelint.rules.dup import RULES

ROOT = Path(__file__).resolve().parent.parent
L3S = data_dir() / "l3s_gn1_lines.jsonl"
KINDS = ("para-double", "para-later", "para-norm", "sent-end", "sent-end-norm", "sent-inline", "block")
WORD = re.compile(r"\w+(?:['’]\w+)*")  # the Document's words
TERMINAL = re.compile(r"[.!?…][\"'”’)]*$")
LINTER = Linter([rule() for rule in RULES])


def lint(text: str, title: str | None = None) -> list[Finding]:
    return LINTER.lint(Article(id="eval", text=text, path="eval", title=title))


def apply_fixes(text: str, findings: list[Finding]) -> str:
    fixes = sorted((f.fix for f in findings if f.fix and f.fix.applicability == "safe"), key=lambda x: -x.start)
    for fix in fixes:
        text = text[: fix.start] + fix.replacement + text[fix.end :]
    return text


def changed(text: str, rng: random.Random) -> str:
    """A copy as a careless pipeline makes it: case, quotes, dashes, spacing, final stop."""
    swaps = [("'", "’"), ("’", "'"), ('"', "“"), ("“", '"'), ("”", '"'), (" - ", " – "), (" – ", " - ")]
    for old, new in rng.sample(swaps, 3):
        text = text.replace(old, new)
    case = rng.choice(["upper", "lower", "first", "same"])
    text = {"upper": text.upper(), "lower": text.lower(), "first": text[:1].lower() + text[1:]}.get(case, text)
    words = text.split(" ")
    if len(words) > 3:
        i = rng.randrange(1, len(words))
        words[i] = " " + words[i]  # a doubled space
    text = " ".join(words)
    if rng.random() < 0.5:
        text = text.rstrip(".!? ")
    return text.strip()


def insert(text: str, kind: str, rng: random.Random) -> tuple[str, int, int] | None:
    """`text` with one copy inserted, and the copy's span; None when the page has no fitting unit."""
    doc = Document(Article(id="x", text=text, path="x"))
    paragraphs = [p for p in doc.paragraphs if len(WORD.findall(p.text(text))) >= 8]
    sentences = [s for s in doc.sentences if len(WORD.findall(s.text(text))) >= 6]
    if kind == "sent-inline":  # a sentence, not a headline, is what gets repeated inside a paragraph
        sentences = [s for s in sentences if TERMINAL.search(text, s.start, s.end)]
    if kind.startswith("para") and paragraphs:
        p = rng.choice(paragraphs)
        copy = p.text(text)
        if kind == "para-double":
            at = p.end
        else:
            later = [q.end for q in doc.paragraphs if q.start > p.end]
            if not later:
                return None
            at = rng.choice(later)
        if kind == "para-norm":
            copy = changed(copy, rng)
        return text[:at] + "\n" + copy + text[at:], at + 1, at + 1 + len(copy)
    if kind.startswith("sent") and sentences:
        s = rng.choice(sentences)
        copy = s.text(text)
        if kind == "sent-end":
            body = text.rstrip()
            return body + "\n" + copy + text[len(body) :], len(body) + 1, len(body) + 1 + len(copy)
        if kind == "sent-end-norm":
            copy, body = changed(copy, rng), text.rstrip()
            glue = " " if TERMINAL.search(body) else "\n"  # glued to a last sentence, else on a line of its own
            return body + glue + copy + text[len(body) :], len(body) + 1, len(body) + 1 + len(copy)
        later = [t.end for t in doc.sentences if t.start > s.end and TERMINAL.search(text, t.start, t.end)]
        if not later:
            return None
        at = rng.choice(later)
        return text[:at] + " " + copy + text[at:], at + 1, at + 1 + len(copy)
    if kind == "block":
        runs = [
            doc.sentences[i : i + n]
            for n in (3, 2)
            for i in range(len(doc.sentences) - n + 1)
            if doc.sentences[i].paragraph == doc.sentences[i + n - 1].paragraph
            and TERMINAL.search(text, doc.sentences[i + n - 1].start, doc.sentences[i + n - 1].end)
            and sum(len(WORD.findall(s.text(text))) for s in doc.sentences[i : i + n]) >= 12
        ]
        if not runs:
            return None
        run = rng.choice(runs)
        copy = text[run[0].start : run[-1].end]
        return text[: run[-1].end] + " " + copy + text[run[-1].end :], run[-1].end + 1, run[-1].end + 1 + len(copy)
    return None


def has_own_repeats(text: str) -> bool:
    """An independent, simple check: a normalised line or sentence of 6+ words occurring twice."""
    seen: set[str] = set()
    for unit in re.split(r"(?<=[.!?])\s+|\n", text):
        key = " ".join(WORD.findall(unit.lower().replace("’", "'")))
        if len(key.split()) >= 6:
            if key in seen:
                return True
            seen.add(key)
    return False


def evaluate(show: int) -> None:
    rows = [json.loads(line) for line in L3S.open(encoding="utf-8")]
    rng = random.Random(4)
    own, clean_pages, untouched_findings = [], 0, Counter()
    found, total, extra, roundtrip = Counter(), Counter(), Counter(), Counter()
    misses, false_findings = [], []
    for row in rows:
        text = row["clean"]
        title = text.split("\n", 1)[0]
        if has_own_repeats(text):
            own.append((row["id"], len(lint(text, title))))
            continue
        clean_pages += 1
        findings = lint(text, title)
        for f in findings:
            untouched_findings[f.rule] += 1
            false_findings.append((f.rule, f.message, text[f.start : f.end][:100]))
        for kind in KINDS:
            made = insert(text, kind, rng)
            if made is None:
                continue
            new, start, end = made
            total[kind] += 1
            findings = lint(new, title)
            hit = [f for f in findings if f.rule in ("DUP001", "DUP002", "DUP004") and (f.start, f.end) == (start, end)]
            if hit:
                found[kind] += 1
                if apply_fixes(new, hit) == text:
                    roundtrip[kind] += 1
            else:
                misses.append(
                    (row["id"], kind, new[start:end][:120], [(f.rule, new[f.start : f.end][:60]) for f in findings])
                )
            extra[kind] += len(findings) - len(hit)
    print(f"pages: {len(rows)}; with repeats of their own (real, excluded): {len(own)}")
    for page, n in own:
        print(f"  {page}: {n} findings")
    print(
        f"untouched pages: {clean_pages}; findings on them: {sum(untouched_findings.values())} {dict(untouched_findings)}"
    )
    print(f"{'kind':15} {'copies':>6} {'found':>6} {'recall':>7} {'fix ok':>7} {'other findings':>15}")
    for kind in KINDS:
        print(
            f"{kind:15} {total[kind]:6} {found[kind]:6} {found[kind] / max(1, total[kind]):7.3f} "
            f"{roundtrip[kind] / max(1, found[kind]):7.3f} {extra[kind]:15}"
        )
    print(
        f"{'all':15} {sum(total.values()):6} {sum(found.values()):6} "
        f"{sum(found.values()) / max(1, sum(total.values())):7.3f} "
        f"{sum(roundtrip.values()) / max(1, sum(found.values())):7.3f} {sum(extra.values()):15}"
    )
    for miss in misses[:show]:
        print("MISS", miss)
    for false in false_findings[:show]:
        print("FALSE", false)


def headline_as_title() -> None:
    """DUP004 on each L3S page as scraped (`naive`: menus above the headline) with its headline as the `title`
    field, as a scraper's record gives it: the reported lines by their L3S label. A reported headline is a
    false alarm whose safe fix deletes the article's headline; a reported debris line is a real repeat (a
    breadcrumb, a share box)."""
    rows = [json.loads(line) for line in L3S.open(encoding="utf-8")]
    labels: Counter[str] = Counter()
    pages = 0
    for row in rows:
        heads = [text for text, label in row["lines"] if label == "headline" and len(text.split()) >= 3]
        if not heads:
            continue
        pages += 1
        for finding in lint(row["naive"], title=heads[0].strip()):
            if finding.rule == "DUP004":
                labels[row["lines"][row["naive"].count("\n", 0, finding.start)][1]] += 1
    print(f"DUP004 on {pages} naive pages with their headline as title, reported lines by label: {dict(labels)}")


def speed() -> None:
    """A ~1 MB article of real sentences, and a worst case of the same few sentences over and over."""
    rows = [json.loads(line) for line in L3S.open(encoding="utf-8")]
    real = "\n".join(row["clean"] for row in rows)[:1_000_000]
    repetitive = ("\n".join(rows[0]["clean"].split("\n")[:6]) + "\n") * 400
    for label, text in (("1 MB real text", real), ("repetitive text", repetitive)):
        article = Article(id="big", text=text, path="big")
        best = float("inf")
        for _ in range(3):
            began = time.perf_counter()
            doc = Document(article)
            _ = doc.words  # the shared analysis every rule family pays for, timed apart
            split = time.perf_counter()
            findings = [f for rule in LINTER.rules for f in rule.check(doc)]
            best = min(best, time.perf_counter() - split)
            split_time = split - began
        print(
            f"{label}: {len(text) / 1e6:.2f} MB, {len(doc.sentences)} sentences, {len(findings)} findings; "
            f"DUP rules {best:.3f} s (Document split/words {split_time:.3f} s)"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, default=0, help="print this many misses and false findings")
    parser.add_argument("--no-speed", action="store_true")
    arguments = parser.parse_args()
    evaluate(arguments.show)
    headline_as_title()
    if not arguments.no_speed:
        speed()
