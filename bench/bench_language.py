"""Choose a language detector: accuracy on short and long texts, and speed, on real pages.

Reference: trafilatura_dev's `lang_guess` for pages whose guess is a language (de, en, pt, fr, es, ...; the
"other" pages are left out), and "en" for every L3S-GN1 page. The guess is a stop-word vote over the whole
page, so on whole pages it is close to the truth; a snippet (one hand-picked line of article text, label 1)
is taken to be in its page's language, which a quote or a product name in another language sometimes is not:
the numbers are agreement with the page, a lower bound of accuracy. Buckets by length in characters.
Each detector is asked for its best language with no restriction to a set; "wrong" includes no answer.

    pip install py3langid lingua-language-detector langdetect   # the candidates
    python bench/bench_language.py [--limit N]

It also times detection inside a default run: the share of a default `scrapelint` run (all default rules,
one process) spent in detection and gating (the engine's `runs_on` and `keep`), in CPU time (the machine
is shared: wall-clock time would count the waits for a core), less the cost of reading the clock, on the trafilatura pages and on L3S-GN1 naive pages.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

# shared/ beside the clone (../shared), or two levels up from a worktree under wt/
DATA = next(
    (p / "shared" / "data" for p in Path(__file__).resolve().parents[2:4] if (p / "shared" / "data").is_dir()),
    Path("shared/data"),
)
BUCKETS = ((0, 40, "< 40 chars"), (40, 120, "40-119 chars"), (120, 400, "120-399 chars"), (400, 10**9, "400+ chars"))


def samples(limit: int) -> list[tuple[str, str, str]]:
    """(reference language, bucket, text): snippets of article text, and whole pages."""
    out: list[tuple[str, str, str]] = []
    with (DATA / "trafilatura_dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            page = json.loads(line)
            if page["lang_guess"] == "other":
                continue
            for label in page["labels"]:
                if label["label"] == 1:
                    text = label["snippet"]
                    out.append((page["lang_guess"], bucket(len(text)), text))
            out.append((page["lang_guess"], "whole page (first 3000)", page["text"][:3000]))
    with (DATA / "l3s_gn1_lines.jsonl").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= limit:
                break
            page = json.loads(line)
            for text, kind in page["lines"]:
                if kind == "fulltext" and len(text.split()) >= 3:
                    out.append(("en", bucket(len(text)), text))
    return out


def bucket(length: int) -> str:
    return next(name for low, high, name in BUCKETS if low <= length < high)


def detectors() -> dict[str, Callable[[str], str | None]]:
    found: dict[str, Callable[[str], str | None]] = {}
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        found["py3langid"] = lambda text: ident.classify(text)[0]
    except ImportError:
        print("py3langid not installed")
    try:
        from lingua import LanguageDetectorBuilder

        detector = LanguageDetectorBuilder.from_all_languages().build()

        def lingua(text: str) -> str | None:
            language = detector.detect_language_of(text)
            return language.iso_code_639_1.name.lower() if language else None

        found["lingua (high accuracy)"] = lingua
        fast = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()

        def lingua_fast(text: str) -> str | None:
            language = fast.detect_language_of(text)
            return language.iso_code_639_1.name.lower() if language else None

        found["lingua (low accuracy)"] = lingua_fast
    except ImportError:
        print("lingua-language-detector not installed")
    try:
        import langdetect

        langdetect.DetectorFactory.seed = 0

        def detect(text: str) -> str | None:
            try:
                return langdetect.detect(text).split("-")[0]
            except langdetect.LangDetectException:
                return None

        found["langdetect"] = detect
    except ImportError:
        print("langdetect not installed")
    return found


def compare(limit: int) -> None:
    data = samples(limit)
    names = [name for _, _, name in BUCKETS] + ["whole page (first 3000)"]
    sizes = Counter(b for _, b, _ in data)
    languages = Counter(lang for lang, b, _ in data if b.startswith("whole"))
    print(f"{len(data)} texts; pages per reference language: {dict(languages.most_common())}\n")
    print("| detector | " + " | ".join(f"{n} ({sizes[n]})" for n in names) + " | µs per text | load s |")
    print("|---|" + "---|" * (len(names) + 2))
    for name, detect in detectors().items():
        began = time.process_time()
        detect("warm up the model")
        load = time.process_time() - began
        right: Counter[str] = Counter()
        began = time.process_time()
        for lang, key, text in data:
            right[key] += detect(text) == lang
        per_text = (time.process_time() - began) / len(data) * 1e6
        cells = " | ".join(f"{right[n] / max(sizes[n], 1):.1%}" for n in names)
        print(f"| {name} | {cells} | {per_text:.0f} | {load:.1f} |")


def article_agreement() -> None:
    """How often the article's language (`scrapelint.language.guess_article` on the longest paragraphs, as
    `Document.language` does without a record tag) agrees with the page's `lang_guess`."""
    from scrapelint import language

    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for page in map(json.loads, (DATA / "trafilatura_dev.jsonl").open(encoding="utf-8")):
        if page["lang_guess"] == "other":
            continue
        paragraphs = [line.strip() for line in page["text"].split("\n") if line.strip()]
        total[page["lang_guess"]] += 1
        starts, ends, position = [], [], 0
        for paragraph in paragraphs:
            starts.append(position)
            ends.append(position + len(paragraph))
            position += len(paragraph) + 1
        sample = language.sample_spans("\n".join(paragraphs), starts, ends)
        right[page["lang_guess"]] += language.guess_article(sample) == page["lang_guess"]
    cells = ", ".join(f"{lang} {right[lang]}/{n}" for lang, n in total.most_common())
    print(
        f"\narticle language (longest paragraphs, {language.SAMPLE} characters) agrees with the page's on "
        f"{sum(right.values()) / sum(total.values()):.1%}: {cells}"
    )


def share_of_run(limit: int) -> None:
    """The share of a default run spent guessing languages (one process, all default rules)."""
    from scrapelint import engine, language
    from scrapelint.config import Settings, resolve_rules
    from scrapelint.engine import Linter, run
    from scrapelint.models import Article

    spent = [0.0, 0]
    # Everything the engine does for languages goes through two calls: `runs_on` (tells the article's language,
    # and looks for paragraphs in a rule's languages) and `keep` (each kept finding's paragraph language).
    # The findings a rule yields are collected before the clock starts: the rule's own time is not counted.
    runs_on, keep = engine.runs_on, engine.keep

    def timed_runs_on(rule: Any, doc: Any) -> bool:
        spent[1] += 1
        began = time.process_time()
        try:
            return runs_on(rule, doc)
        finally:
            spent[0] += time.process_time() - began

    def timed_keep(rule: Any, doc: Any, findings: Any) -> Any:
        findings = list(findings)
        spent[1] += 1
        began = time.process_time()
        try:
            return keep(rule, doc, findings)
        finally:
            spent[0] += time.process_time() - began

    engine.runs_on, engine.keep = timed_runs_on, timed_keep  # type: ignore[assignment]
    # The clock itself costs: a pair of process_time() calls per wrapped call, subtracted below.
    began = time.process_time()
    for _ in range(100_000):
        time.process_time()
        time.process_time()
    clock = (time.process_time() - began) / 100_000
    language.load()  # model and stop words, loaded once per process before forking: start-up, not part of a run
    settings = Settings()
    linter = Linter(resolve_rules(settings), settings)
    sets = {
        "trafilatura_dev": [
            Article(id=p["id"], url=p["url"], text=p["text"], path="t")
            for p in map(json.loads, (DATA / "trafilatura_dev.jsonl").open(encoding="utf-8"))
        ],
        "L3S-GN1 naive": [
            Article(id=p["id"], url=p["url"], text=p["naive"], path="l")
            for _, p in zip(
                range(limit), map(json.loads, (DATA / "l3s_gn1_lines.jsonl").open(encoding="utf-8")), strict=False
            )
        ],
    }
    print("\n| pages | articles | default run CPU s | language detection and gating CPU s | share |")
    print("|---|---|---|---|---|")
    for name, articles in sets.items():
        spent[:] = [0.0, 0]
        began = time.process_time()
        for _ in run(linter, lambda articles=articles: articles, jobs=1):
            pass
        total = time.process_time() - began
        own = spent[0] - spent[1] * clock
        print(f"| {name} | {len(articles)} | {total:.1f} | {own:.2f} | {own / total:.1%} |")
    engine.runs_on, engine.keep = runs_on, keep  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=300, help="L3S pages used (each adds ~30 English lines)")
    parser.add_argument("--skip-compare", action="store_true", help="only the share of a default run")
    args = parser.parse_args()
    if not args.skip_compare:
        compare(args.limit)
    article_agreement()
    share_of_run(args.limit)


if __name__ == "__main__":
    main()
