"""Spelling on text the rules were not tuned on, side by side with Harper.

The TYP thresholds are tuned on L3S-GN1 news (`bench/eval_spelling.py`). This benchmark
checks them on another corpus: the English pages of trafilatura's evaluation set (blogs,
shops, institutions, news), each page's article body = the lines of six words or more between
its first and last hand-labelled article snippet, boilerplate-labelled lines left out.

Real human misspellings are injected, non-word and real-word kept apart:
- non-word: Peter Norvig's test set (wrong spelling not a dictionary word);
  codespell's table on its own line (TYP002 reads that table, so that line is circular);
- real-word: pairs whose wrong spelling is a Hunspell word in real use (wordfreq Zipf >= 2.5), from
  Norvig's set and codespell's `dictionary_rare.txt` (manger -> manager, preformed -> performed).

Reports recall per kind, findings per 1,000 words on the untouched bodies (every one counts
against precision, though some are real typos of the pages), the same for Harper (harper-py,
American and British dialects), and TYP's speed in MB/s of CPU time on one core.

    python bench/eval_spelling_unseen.py [--data /work/shared/data] [--show 40] [--half tune|check]

`--half` keeps one half of the pages (by page id, the split of eval_debris.py): precision signals are
tuned on `tune` and checked on `check`.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

from eval_debris import half
from eval_spelling import DEFAULT_DATA, WORD, inject, load_misspellings

from scrapelint import spelling
from scrapelint.config import Settings, resolve_rules
from scrapelint.dictionary import is_word
from scrapelint.engine import Linter, run
from scrapelint.models import Article

Table = dict[str, list[str]]

# Findings on the untouched bodies judged by hand to be real defects of the pages (page id prefix -> flagged
# text): typos, doubled words, a/an slips. Every other TYP finding there counts as a false alarm.
PAGE_DEFECTS = {
    "c3646525": {"abhore", "puncuation", "everytime", "cleint", "tweek", "transfering"},
    "60c76749": {"vehavior", "adviced"},
    "1bca03b4": {"a"},  # "a a large"
    "368005b9": {"than", "the"},  # "than than", "the the"
    "2ec72b63": {"bougainvilla", "soiless"},
    "49b4030b": {"qualfified", "detailled", "colletive"},
    "6002521c": {"infact", "clases"},
    "6b327731": {"and"},  # "and and"
    "6cc7c609": {"challengeing", "amobeince"},
    "a925134e": {"an"},  # "drag an drop"
    "5cfafaef": {"a"},  # "a opening"
    "5264ca03": {"the"},  # "the the"
    "4a621c67": {"seperate"},
    "7680a47b": {"urkey", "to"},  # "Turkey" cut, "to to"
}


_WORD_LIST = ("Spelling", "Typo")  # Harper's lints from its dictionary rather than from context


def real_defect(article_id: str, flagged: str) -> bool:
    return flagged in PAGE_DEFECTS.get(article_id[:8], set())


def load_bodies(data: Path) -> list[tuple[str, str]]:
    """(id, article body) of each English page of trafilatura_dev."""
    bodies = []
    with open(data / "trafilatura_dev.jsonl", encoding="utf-8") as f:
        for line in f:
            page = json.loads(line)
            if page["lang_guess"] != "en":
                continue
            lines = page["text"].split("\n")
            article = [i for label in page["labels"] if label["label"] == 1 for i in label["lines"]]
            boiler = {i for label in page["labels"] if label["label"] == 0 for i in label["lines"]}
            if not article:
                continue
            body = [
                lines[i]
                for i in range(min(article), max(article) + 1)
                if i not in boiler and len(lines[i].split()) >= 6
            ]
            if body:
                bodies.append((page["id"], "\n".join(body)))
    return bodies


def kind_of(word: str) -> str | None:
    """ "non-word": in no word list; "real-word": a Hunspell word in real use (Zipf >= 2.5, "hove" is not
    one but "trough" is); None for the words between (in symspell's list only: "ans", "fro")."""
    lex = spelling.lexicon()
    if word not in lex.trusted and not is_word(word) and lex.zipf(word) < 3.0:
        return "non"
    if is_word(word) and lex.zipf(word) >= 2.5:
        return "real"
    return None


def codespell_pairs(name: str) -> Table:
    """correction -> [misspellings] from a codespell table, single-word corrections only."""
    table: Table = defaultdict(list)
    text = resources.files("codespell_lib").joinpath("data", name).read_text("utf-8")
    for line in text.splitlines():
        wrong, sep, right = line.partition("->")
        corrections = [c.strip() for c in right.split(",") if c.strip()]
        if sep and corrections and " " not in corrections[0] and wrong.isalpha() and wrong.islower():
            table[corrections[0].lower()].append(wrong)
    return table


def split_kinds(table: Table) -> tuple[Table, Table]:
    """(non-word pairs, real-word pairs) of a correction -> misspellings table."""
    non, real = defaultdict(list), defaultdict(list)
    for right, wrongs in table.items():
        for wrong in wrongs:
            kind = kind_of(wrong)
            if kind is not None:
                (real if kind == "real" else non)[right].append(wrong)
    return non, real


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=40, help="Print this many findings on untouched text.")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--no-harper", action="store_true")
    parser.add_argument(
        "--half", choices=("tune", "check"), help="only the pages of this half (split by page id, as eval_debris.py)"
    )
    args = parser.parse_args()

    bodies = [(i, t) for i, t in load_bodies(args.data) if args.half in (None, half(i))]
    words = sum(len(WORD.findall(text)) for _, text in bodies)
    size = sum(len(text.encode("utf-8")) for _, text in bodies)
    norvig_non, norvig_real = split_kinds(load_misspellings(args.data))
    codespell_non, _ = split_kinds(codespell_pairs("dictionary.txt"))
    _, rare_real = split_kinds(codespell_pairs("dictionary_rare.txt"))
    real: Table = defaultdict(list)
    for table in (norvig_real, rare_real):
        for right, wrongs in table.items():
            real[right].extend(wrongs)
    sources = {"non-word (Norvig)": norvig_non, "non-word (codespell, circular)": codespell_non, "real-word": real}

    # The default TYP rules (recall and precision are counted on TYP findings only, speed on TYP alone).
    settings = Settings(select=[rule.code for rule in resolve_rules(Settings()) if rule.code.startswith("TYP")])
    linter = Linter(resolve_rules(settings), settings)
    _ = spelling.lexicon(), is_word("warm")  # dictionary loading is start-up, not throughput
    list(run(linter, lambda: [Article(id="warm", text="A warm up sentence with a typo: teh.", path="warm")]))

    clean = [Article(id=i, text=t, path="trafilatura") for i, t in bodies]
    started = time.process_time()
    untouched = [
        (r.item.id, r.item.text, f) for r in run(linter, lambda: clean) for f in r.findings if f.rule.startswith("TYP")
    ]
    elapsed = time.process_time() - started
    by_rule = Counter(f.rule for _, _, f in untouched)

    harpers = {}
    if not args.no_harper:
        try:
            import harper

            harpers = {
                "Harper (American)": harper.Linter(harper.Dialect.AMERICAN),
                "Harper (British)": harper.Linter(harper.Dialect.BRITISH),
            }
        except ImportError:
            print("harper-py is not installed: pip install harper-py")

    rng = random.Random(args.seed)
    batches = {}
    for kind, table in sources.items():
        batches[kind] = [(article_id, *inject(text, table, rng, per_words=150)) for article_id, text in bodies]

    which = f", {args.half} half" if args.half else ""
    print(f"unseen corpus: {len(bodies)} English trafilatura pages{which}, {words:,} words, {size:,} bytes")
    print(f"{'':34}{'scrapelint TYP':>16}" + "".join(f"{name:>20}" for name in harpers))
    rows: dict[str, list[str]] = {}
    context_row: list[str] = []  # Harper's real-word hits by a lint other than its word list (Spelling, Typo)
    for kind, batch in batches.items():
        articles = [Article(id=i, text=t, path="inj") for i, t, _ in batch]
        total = sum(len(spans) for _, _, spans in batch)
        found = 0
        missed: list[str] = []
        for (_, _, spans), result in zip(batch, run(linter, lambda a=articles: a), strict=True):
            flagged = [(f.start, f.end) for f in result.findings if f.rule.startswith("TYP")]
            for start, end, wrong, right in spans:
                if overlaps(flagged, start, end):
                    found += 1
                else:
                    missed.append(f"{wrong}->{right}")
        row = [f"{found}/{total} = {found / total:.3f}"]
        for linter_h in harpers.values():
            hit = in_context = 0
            for _, text, spans in batch:
                lints = linter_h.lint(text, language="plaintext")
                every = [(lint.span.start, lint.span.end) for lint in lints]
                context = [(lint.span.start, lint.span.end) for lint in lints if lint.lint_kind not in _WORD_LIST]
                hit += sum(overlaps(every, s, e) for s, e, _, _ in spans)
                in_context += sum(overlaps(context, s, e) for s, e, _, _ in spans)
            row.append(f"{hit}/{total} = {hit / total:.3f}")
            if kind == "real-word":
                context_row.append(f"{in_context}/{total} = {in_context / total:.3f}")
        rows[f"recall, {kind}"] = row
        if kind == "real-word" and context_row:
            rows["  of which not a word-list miss"] = ["(all)", *context_row]
        rows[f"  missed {kind} (sample)"] = [", ".join(missed[:30])]
    fp_row = [f"{len(untouched)} = {1000 * len(untouched) / words:.2f}/1k"]
    defects = {(i, f.start, f.end) for i, t, f in untouched if real_defect(i, t[f.start : f.end])}
    false = len(untouched) - len(defects)
    false_row = [f"{false} = {1000 * false / words:.2f}/1k"]
    harper_kinds = {}
    for name, linter_h in harpers.items():
        kinds: Counter[str] = Counter()
        spell = spell_false = 0
        for article_id, text in bodies:
            known = [(s, e) for i, s, e in defects if i == article_id]
            for lint in linter_h.lint(text, language="plaintext"):
                kinds[lint.lint_kind] += 1
                if lint.lint_kind in _WORD_LIST:
                    spell += 1
                    spell_false += not overlaps(known, lint.span.start, lint.span.end)
        harper_kinds[name] = kinds
        fp_row.append(f"{spell} = {1000 * spell / words:.2f}/1k")
        false_row.append(f"{spell_false} = {1000 * spell_false / words:.2f}/1k")
    for label, row in rows.items():
        if label.startswith("  missed"):
            print(f"{label}: {row[0]}")
        else:
            print(f"{label:34}" + "".join(f"{cell:>20}" for cell in row))
    print(f"{'findings on untouched text':34}" + "".join(f"{cell:>20}" for cell in fp_row))
    print(f"{'  of which false (hand-judged)':34}" + "".join(f"{cell:>20}" for cell in false_row))
    print("  (Harper: its Spelling and Typo lints; false = not on a defect judged real above, an upper bound)")
    print(f"  scrapelint by rule: {dict(by_rule)}")
    for name, kinds in harper_kinds.items():
        print(f"  {name}, all lint kinds: {dict(kinds.most_common())}")
    print(f"speed: {size / elapsed / 1e6:.2f} MB/s of CPU time on one core, default TYP rules {settings.select}")
    for article_id, text, f in untouched[: args.show]:
        context = text[max(0, f.start - 30) : f.end + 20].replace("\n", " ")
        mark = "real" if real_defect(article_id, text[f.start : f.end]) else "FALSE"
        print(f"  {mark:5} {f.rule} {text[f.start : f.end]!r:18} …{context}…  ({article_id[:8]})")


if __name__ == "__main__":
    main()
