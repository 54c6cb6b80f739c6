"""DUP rules: duplicated paragraphs, repeated sentences and blocks, near-duplicates, the title repeated."""

from __future__ import annotations

import json
import pickle
import random
import sys
import time

import pytest

from scrapelint.document import Document
from scrapelint.engine import Linter
from scrapelint.models import Article, Finding
from scrapelint.rules.dup import RULES

from .conftest import ROOT, SHARED_DATA, flagged, lint_text

L3S = SHARED_DATA / "l3s_gn1_lines.jsonl"


def lint(
    text: str,
    codes: tuple[str, ...] = ("DUP001", "DUP002", "DUP003", "DUP004"),
    title: str | None = None,
    **options: dict,
) -> list[Finding]:
    """Run the DUP rules alone (options by code), as the engine does."""
    rules = [rule(rule.Options(**options.get(rule.code, {}))) for rule in RULES if rule.code in codes]
    return Linter(rules).lint(Article(id="t", text=text, path="t.txt", title=title))


def apply_safe_fixes(text: str, findings: list[Finding]) -> str:
    for fix in sorted((f.fix for f in findings if f.fix and f.fix.applicability == "safe"), key=lambda x: -x.start):
        text = text[: fix.start] + fix.replacement + text[fix.end :]
    return text


def related_text(text: str, finding: Finding) -> str:
    assert finding.related is not None
    return text[finding.related.start : finding.related.end]


# -- the seed article ---------------------------------------------------------------

BLOCK = (
    "Stalin analysed the problem of counter-revolution with only criteria of a police paradigm instead of the "
    "power paradigm. He overestimated the impact of agents and wreckers and underestimated the role of social "
    "forces in shaping counter-revolution. Stalin ruthlessly deployed the police force to deal with counter "
    "revolutionaries. His errors include his unscrupulous methods for dealing with counter-revolution, over "
    "emphasis placed on the importance of the productive forces, and placing g narrow Soviet interest above the "
    "proletariat in foreign policy."
)
REGIME = (
    "Stalin’s regime exhibited heavy handed and ruthless tendencies, because that it was what the very situation "
    "demanded. Hard times invite hard measures."
)
GORI = "Stalin was born on December 18th, 1878, in Gori, Georgia."
ALLOWED_NEAR = "Joseph Vissarionovich Stalin was born on December 18th, 1878 in Georgia"


def test_seed_reports_the_block_the_repeated_pair_and_the_near_duplicate(seed_text: str) -> None:
    findings = lint(seed_text)
    by_text = {seed_text[f.start : f.end]: f for f in findings}
    block = by_text[BLOCK]
    assert block.rule == "DUP002" and "block of 4 sentences" in block.message
    assert block.start == seed_text.rindex(BLOCK)  # the second copy, not the first
    assert related_text(seed_text, block) == BLOCK and block.related.start == seed_text.index(BLOCK)
    regime = by_text[REGIME]
    assert regime.rule == "DUP002" and regime.start == seed_text.rindex(REGIME) and regime.line == 57
    assert related_text(seed_text, regime) == REGIME and regime.related.line == 16
    gori = by_text[GORI]
    assert gori.rule == "DUP003" and "% similar" in gori.message and "line 8" in gori.message
    assert gori.fix is not None and gori.fix.applicability == "unsafe"
    others = [t for t in by_text if t not in (BLOCK, REGIME, GORI)]
    assert all(t.startswith(ALLOWED_NEAR) for t in others), others


def test_seed_fixes_keep_one_copy_and_change_nothing_else(seed_text: str) -> None:
    fixed = apply_safe_fixes(seed_text, lint(seed_text))
    assert fixed.count(BLOCK) == 1 and fixed.count(REGIME) == 1
    expected = seed_text.replace(" " + BLOCK, "", 1)  # the copy sits right after the first one
    expected = expected[: expected.rindex(REGIME)] + expected[expected.rindex(REGIME) + len(REGIME) + 1 :]
    assert fixed == expected
    assert fixed.count("  ") <= seed_text.count("  ") and fixed.count("\n\n\n") == seed_text.count("\n\n\n")


def test_seed_through_the_registry_with_default_rules(seed_text: str) -> None:
    findings = [f for f in lint_text(seed_text, select=["DUP"]) if f.rule.startswith("DUP")]
    assert {seed_text[f.start : f.end] for f in findings} >= {BLOCK, REGIME, GORI}


def test_a_copy_of_a_paragraph_the_seed_wraps_mid_sentence_is_one_block(seed_text: str) -> None:
    lines = seed_text.split("\n")
    wrapped = lines[27:30]  # one paragraph broken over three lines, mid-sentence
    assert not wrapped[0].endswith(".")
    copy = " ".join(wrapped)
    text = seed_text.rstrip("\n") + "\n" + copy + "\n"
    findings = [f for f in lint(text) if f.start >= len(seed_text.rstrip("\n"))]
    assert flagged(text, findings) == [copy] and findings[0].related.line == 28
    assert apply_safe_fixes(text, findings) == seed_text.rstrip("\n") + "\n"


def test_hard_wrapped_paragraphs_are_compared_whole() -> None:
    one = "Negotiators met in Addis Ababa on Tuesday\nfor the first time since talks collapsed.\n"
    two = "The meeting focused on how water would be released\nduring drought years, officials said.\n"
    three = "A further round is planned in Cairo next month,\naccording to a joint statement.\n"
    text = f"{one}\n{two}\n{three}\n{two}"
    (finding,) = lint(text)
    assert finding.rule == "DUP001" and flagged(text, [finding]) == [two.strip()] and finding.line == 10
    assert apply_safe_fixes(text, [finding]) == f"{one}\n{two}\n{three}".rstrip("\n") + "\n"


# -- duplicated paragraphs -----------------------------------------------------------

PARA_1 = "Negotiators from the three countries met in Addis Ababa on Tuesday for the first time since 2021."
PARA_2 = "Officials said the meeting focused on how water would be released during drought years."
PARA_3 = "The next round of talks is expected in Cairo before the rainy season begins."


def test_doubled_paragraph_is_reported_on_the_copy_and_fixed_with_its_line_break() -> None:
    text = f"{PARA_1}\n{PARA_2}\n{PARA_2}\n{PARA_3}\n"
    (finding,) = lint(text)
    assert finding.rule == "DUP001" and flagged(text, [finding]) == [PARA_2]
    assert finding.start == text.rindex(PARA_2) and finding.line == 3
    assert related_text(text, finding) == PARA_2 and finding.related.line == 2
    assert apply_safe_fixes(text, [finding]) == f"{PARA_1}\n{PARA_2}\n{PARA_3}\n"


def test_last_paragraph_copy_takes_the_blank_line_before_it() -> None:
    text = f"{PARA_1}\n\n{PARA_2}\n\n{PARA_1}\n"
    (finding,) = lint(text)
    assert apply_safe_fixes(text, [finding]) == f"{PARA_1}\n\n{PARA_2}\n"


@pytest.mark.parametrize(
    "copy",
    [
        PARA_1.upper(),
        PARA_1.replace(" ", "  "),
        PARA_1.rstrip("."),
        "“Don’t go,” she said — and the talks in Addis Ababa went on.",
    ],
)
def test_normalised_paragraph_copies_are_duplicates(copy: str) -> None:
    original = PARA_1 if "she said" not in copy else '"Don\'t go," she said - and the talks in Addis Ababa went on.'
    text = f"{original}\n{PARA_2}\n{copy}"
    findings = lint(text, codes=("DUP001",))
    assert flagged(text, findings) == [copy]
    assert apply_safe_fixes(text, findings) == f"{original}\n{PARA_2}"


def test_short_stock_lines_and_distinct_paragraphs_are_not_reported() -> None:
    text = f"Read more.\n{PARA_1}\nAdvertisement\n{PARA_2}\nRead more.\nAdvertisement\n{PARA_3}"
    assert lint(text) == []


def test_paragraphs_copied_in_their_order_are_one_block_with_one_fix() -> None:
    heading = "Talks in Cairo"  # a short heading copied with the block belongs to it
    body = [PARA_1, heading, PARA_2, PARA_3]
    text = "\n".join([*body, "Read the full statement on the ministry's website tomorrow.", *body]) + "\n"
    (finding,) = lint(text)
    copy = "\n".join(body)
    assert finding.rule == "DUP001" and "block of 4 paragraphs" in finding.message
    assert flagged(text, [finding]) == [copy] and finding.start == text.rindex(copy)
    assert related_text(text, finding) == copy and finding.related.line == 1
    assert apply_safe_fixes(text, [finding]) == text[: text.rindex(copy)]


def test_copies_out_of_their_order_stay_one_finding_each() -> None:
    text = f"{PARA_1}\n{PARA_2}\n{PARA_3}\nMore later.\n{PARA_2}\n{PARA_1}\n"
    assert [f.line for f in lint(text)] == [5, 6]


# -- repeated sentences and blocks ------------------------------------------------------


def test_sentence_repeated_at_the_end_of_another_paragraph() -> None:
    sentence = "The dam on the Blue Nile has divided the three countries for more than a decade."
    text = f"{sentence} {PARA_1}\n{PARA_2} {sentence}\n"
    (finding,) = lint(text)
    assert finding.rule == "DUP002" and finding.message.startswith("repeated sentence")
    assert finding.start == text.rindex(sentence) and finding.end == finding.start + len(sentence)
    assert related_text(text, finding) == sentence and finding.related.start == 0
    assert apply_safe_fixes(text, [finding]) == f"{sentence} {PARA_1}\n{PARA_2}\n"


def test_repeated_block_inside_one_paragraph_is_one_finding() -> None:
    one = "The plan was approved by parliament on Monday night."
    two = "Critics said it would not survive a court challenge."
    text = f"Opening remarks came first. {one} {two} {one} {two} Then the session closed."
    (finding,) = lint(text)
    assert flagged(text, [finding]) == [f"{one} {two}"] and "block of 2 sentences" in finding.message
    assert finding.start == text.rindex(one)
    assert apply_safe_fixes(text, [finding]) == f"Opening remarks came first. {one} {two} Then the session closed."


def test_short_sentences_join_a_block_but_are_never_reported_alone() -> None:
    text = (
        "Yes. The committee will publish its report next week in full. No.\n"
        "Yes. No. Ok.\n"
        "Later. The committee will publish its report next week in full. No.\n"
    )
    findings = lint(text)
    assert flagged(text, findings) == ["The committee will publish its report next week in full. No."]


def test_copy_glued_after_a_stop_in_lower_case_is_still_found() -> None:
    sentence = "Rescue teams reached the village after the road was cleared on Sunday."
    copy = sentence[0].lower() + sentence[1:]
    text = f"{sentence} {PARA_1}\n{PARA_2}. {copy}"
    findings = lint(text)
    assert flagged(text, findings) == [copy]
    assert apply_safe_fixes(text, findings) == f"{sentence} {PARA_1}\n{PARA_2}."


def test_quotations_repeated_on_purpose_are_left_alone_unless_asked() -> None:
    quote = "“We will not give up the river, not now and not ever.”"
    text = (
        f"The minister was defiant. {quote} Talks continue.\nAt the rally she said it again. {quote} The crowd cheered."
    )
    assert lint(text) == []
    findings = lint(text, DUP002={"include_quotes": True})
    assert flagged(text, findings) == [quote]


def test_min_words_option() -> None:
    text = "The vote was close.\nBoth sides claimed victory afterwards.\nThe vote was close."
    assert lint(text, codes=("DUP002", "DUP001")) == []
    findings = lint(text, codes=("DUP001",), DUP001={"min_words": 3})
    assert flagged(text, findings) == ["The vote was close."]


# -- near-duplicates ----------------------------------------------------------------


def test_near_duplicate_message_says_where_and_how_similar() -> None:
    first = "The storm destroyed more than two hundred homes along the northern coast on Friday."
    second = "The storm destroyed more than two hundred homes along the northern coast late on Friday."
    text = f"{first}\n{PARA_1}\n{second}"
    (finding,) = lint(text)
    assert finding.rule == "DUP003" and flagged(text, [finding]) == [second]
    assert finding.message == "near-duplicate of the sentence at line 1, 93% similar"
    assert related_text(text, finding) == first
    assert lint(text, DUP003={"threshold": 0.95}) == []
    assert lint(text, DUP003={"min_words": 20}) == []


def test_sentences_with_the_same_frame_are_not_near_duplicates() -> None:
    text = (
        "The company said it would cut 500 jobs in Ohio by the end of the year.\n"
        "The company said it would add 300 jobs in Texas by the start of next year.\n"
        "Shares in the company rose three percent on the news in early trading.\n"
        "Shares in the rival fell two percent on the news in late trading."
    )
    assert lint(text) == []


# -- the title repeated in the body -----------------------------------------------------


def test_title_at_the_top_is_fine_and_its_repeat_is_reported() -> None:
    title = "Neighbours resume talks over river dam"
    text = f"Skip to main content\n{title}\n{PARA_1}\n{PARA_2}\n{PARA_3}\nNeighbours resume talks over river dam.\n"
    (finding,) = lint(text, title=title)
    assert finding.rule == "DUP004" and finding.line == 6
    assert flagged(text, [finding]) == ["Neighbours resume talks over river dam."]
    assert related_text(text, finding) == title
    assert apply_safe_fixes(text, [finding]) == f"Skip to main content\n{title}\n{PARA_1}\n{PARA_2}\n{PARA_3}\n"
    assert lint(text.replace(f"{title}\n", "", 1), title=title)[0].related.field == "title"
    assert [f.rule for f in lint(text)] == ["DUP001"]  # no title: still a duplicated paragraph


def test_the_headline_under_a_scraped_menu_is_the_top_and_the_title_after_prose_is_a_repeat() -> None:
    # a naive scrape's menu pushes the headline past the first paragraphs: it is still the article's headline,
    # whose deletion (a safe fix) would take the article's title away
    title = "Neighbours resume talks over river dam"
    menu = "Skip to main content\nSubscribe\nLog in\nPolitics\nWorld\n"
    text = f"{menu}{title}\n{PARA_1}\n{PARA_2}\n{PARA_3}\n"
    assert lint(text, title=title) == []
    (finding,) = lint(f"{menu}{PARA_1}\n{title}\n{PARA_2}\n", title=title)  # after a paragraph of prose
    assert finding.rule == "DUP004" and "away from the top" in finding.message
    # a welcome line worded as a sentence among the menus: DEB's analysis keeps the headline above the body
    welcome = "Welcome to The Daily Herald, the city's oldest newspaper. Skip directly to the search box.\n"
    assert lint(f"{welcome}{menu}{title}\nBy Jane Doe\n{PARA_1}\n{PARA_2}\n{PARA_3}\n", title=title) == []


def test_title_found_as_a_sentence_after_runs_of_its_words_inside_longer_ones() -> None:
    """Overlapping runs of the title's words ("go go go go") and a longer sentence holding it are no repeat."""
    title = "Go go go"
    text = (
        f"{title}\n{PARA_1}\n{PARA_2}\n{PARA_3}\nGo go go go, they shouted.\nAnd then: go go go.\nThe end. Go go go!\n"
    )
    findings = lint(text, title=title)
    assert [(f.rule, f.line) for f in findings] == [("DUP004", 7)]
    assert flagged(text, findings) == ["Go go go!"]


@pytest.mark.parametrize("sigma", ["", "ΟΔΟΣ "])
def test_title_is_found_in_folded_words_with_or_without_a_final_sigma(sigma: str) -> None:
    """The title's words are matched case- and apostrophe-blind, also where lower-casing needs the whole text."""
    title = "Europe’s leaders MEET in Rome"
    text = f"{sigma}{title}\n{PARA_1}\n{PARA_2}\n{PARA_3}\nTrue. EUROPE'S LEADERS meet in Rome!\n"
    findings = lint(text, title=title)
    assert [(f.rule, f.line) for f in findings] == [("DUP004", 5)]
    assert flagged(text, findings) == ["EUROPE'S LEADERS meet in Rome!"]


# -- exactness on real text --------------------------------------------------------------


def _pages(count: int) -> list[str]:
    if not L3S.exists():
        pytest.skip("development data not available")
    with L3S.open(encoding="utf-8") as lines:
        return [json.loads(line)["clean"] for line, _ in zip(lines, range(count), strict=False)]


def test_inserted_copies_in_real_articles_are_found_exactly_and_fixed_back() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from eval_dup import KINDS, has_own_repeats, insert

    rng = random.Random(7)
    found = total = 0
    for text in _pages(80):
        if has_own_repeats(text):
            continue
        assert [f for f in lint(text) if f.rule != "DUP003"] == []
        for kind in KINDS:
            made = insert(text, kind, rng)
            if made is None:
                continue
            new, start, end = made
            total += 1
            findings = lint(new)
            for f in findings:  # offsets: every finding covers characters that exist and are not blank
                assert new[f.start : f.end].strip() == new[f.start : f.end] != ""
            hit = [f for f in findings if (f.start, f.end) == (start, end) and f.rule != "DUP003"]
            if hit:
                found += 1
                assert apply_safe_fixes(new, hit) == text
    assert total > 300 and found / total >= 0.97


def test_one_megabyte_article_is_checked_in_linear_time() -> None:
    """10x the text costs about 10x the time (quadratic would be 100x: minutes at a megabyte)."""
    pages = "\n".join(_pages(700))
    rules = [rule() for rule in RULES]

    def cost(size: int) -> float:
        best = float("inf")
        for _ in range(3):  # the best of three resists a busy machine
            doc = Document(Article(id="big", text=pages[:size], path="big"))  # fresh: DUP's analysis is cached on it
            _ = doc.words  # the core's analysis, shared by every family
            began = time.process_time()
            for rule in rules:
                list(rule.check(doc))
            best = min(best, time.process_time() - began)
        return best

    small, large = cost(100_000), cost(1_000_000)
    assert large < 25 * small + 0.05


def test_rules_pickle_small_for_worker_processes() -> None:
    for rule in RULES:
        assert len(pickle.dumps(rule())) < 1000


def test_every_rule_is_documented_with_an_example_that_it_reports() -> None:
    assert [rule.code for rule in RULES] == ["DUP001", "DUP002", "DUP003", "DUP004"]
    for rule in RULES:
        assert rule.summary and len(rule.what) > 80 and len(rule.why) > 60 and rule.example
        if rule.code != "DUP004":  # its example shows a title field beside the body
            assert [f.rule for f in lint(rule.example)] == [rule.code], rule.code


def test_a_copy_cut_mid_sentence_is_one_block_from_its_first_word() -> None:
    lead = (
        "Between the Turin games of 2006 and Vancouver 2010 the relay team reached the podium four times. "
        f"{PARA_1} {PARA_3}"
    )
    cut = lead[lead.index("2006 and") :]  # a "read more" that repeats the lead from where the teaser broke off
    text = f"{lead}\n{PARA_2}\n{cut}\n"
    (finding,) = lint(text)
    assert finding.rule == "DUP002" and flagged(text, [finding]) == [cut]
    assert apply_safe_fixes(text, [finding]) == f"{lead}\n{PARA_2}\n"


def test_a_chinese_paragraph_captured_twice_is_reported() -> None:
    # Chinese has no spaces: counted by runs between commas, its paragraphs were too short to report
    paragraph = "馆长表示，图书馆将延长开放时间，周末也会举办面向儿童的阅读活动。"
    text = "\n\n".join(
        ["市政府周二宣布，位于朝阳区的新图书馆将于下月正式向公众开放。", paragraph, "许多居民对此表示欢迎。", paragraph]
    )
    [finding] = lint_text(text, select=["DUP"])
    assert finding.rule == "DUP001"
    assert text[finding.start : finding.end] == paragraph and finding.start > text.index(paragraph)


def test_a_paragraph_repeated_many_times_in_a_row_is_one_finding_and_one_fix() -> None:
    # a crawler trap link printed twelve times: a run in place, not a template's row under each item
    lead = "The council approved the budget on Tuesday after a long debate about the new library in the town."
    trap = "This link is for the Robots and should not be seen."
    tail = "The mayor said the library would open next year and that the costs were under control, as planned."
    text = "\n".join([lead, *[trap] * 12, tail])
    [finding] = lint_text(text, select=["DUP"])
    assert "appears 12 times in a row" in finding.message
    assert finding.fix is not None
    fixed = text[: finding.fix.start] + text[finding.fix.end :]
    assert fixed == "\n".join([lead, trap, tail])
