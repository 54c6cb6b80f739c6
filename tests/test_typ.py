"""TYP: spelling and grammar rules, on the real seed article and on small real-looking texts."""

from __future__ import annotations

import pickle

import pytest

from scrapelint import spelling
from scrapelint.config import Settings, resolve_rules
from scrapelint.engine import Linter, run
from scrapelint.fix import apply_fixes as core_apply_fixes
from scrapelint.models import Article, Finding
from scrapelint.rules.typ import Misspelling
from scrapelint.spelling.candidates import _edits1
from tests.conftest import flagged, lint_text

DEFAULT_TYP = ["TYP001", "TYP002", "TYP003", "TYP004", "TYP005", "TYP006", "TYP007"]
SEED_TITLE = "We shouldn’t overstate, but surely not dismiss horrors of gulag under Stalin"


def apply_fixes(text: str, findings: list[Finding]) -> str:
    """Apply every fix, right to left, as written; and check scrapelint's own fixer agrees."""
    fixes = sorted((f.fix for f in findings if f.fix), key=lambda fix: fix.start)
    naive = text
    for fix in reversed(fixes):
        naive = naive[: fix.start] + fix.replacement + naive[fix.end :]
    assert core_apply_fixes(text, fixes)[0] == naive
    return naive


def typ(text: str, **kw) -> list[Finding]:
    return lint_text(text, select=kw.pop("select", DEFAULT_TYP), **kw)


# -- the golden seed ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_findings(seed_text: str) -> list[Finding]:
    return typ(seed_text, title=SEED_TITLE, author="Harsh Thakor")


MUST_FIND = {
    "Proletraitis": "TYP001",
    "Yugoslavaia": "TYP001",
    "Volgoda": "TYP001",
    "supress": "TYP002",
    "Inspite": "TYP003",
    "Infact": "TYP003",
    "Wold": "TYP007",
}


def test_seed_reports_every_must_find(seed_text: str, seed_findings: list[Finding]) -> None:
    found = {(seed_text[f.start : f.end], f.rule) for f in seed_findings}
    for word, code in MUST_FIND.items():
        assert (word, code) in found, f"{word} ({code}) not reported"
    stray = [f for f in seed_findings if f.rule == "TYP004"]
    contexts = sorted(seed_text[f.start - 12 : f.end + 5] for f in stray)
    assert contexts.count("transformed t from") == 2
    assert [seed_text[f.start - 8 : f.end + 7] for f in stray].count("placing g narrow") == 2
    article = [f for f in seed_findings if f.rule == "TYP006"]
    assert [seed_text[f.start : f.end + 7] for f in article] == ["an paving"]
    assert article[0].fix is not None and article[0].fix.replacement == "and"


def test_seed_has_no_false_findings(seed_text: str, seed_findings: list[Finding]) -> None:
    expected = set(MUST_FIND) | {"t", "g", "an", "massline"}  # massline: "mass line" elsewhere in the article
    false = [seed_text[f.start : f.end] for f in seed_findings if seed_text[f.start : f.end] not in expected]
    assert len(false) <= 5, false
    assert false == []


@pytest.mark.parametrize(
    "word",
    # British spellings, Russian/Georgian/Indian names, acronyms, old place names: none is a typo.
    ["labour", "organised", "centres", "favourably", "practised", "demonising", "patronised", "endeavoured", "symbolised", "visualised", "Dzhugashvili", "Vissarionovich", "Zinoviev", "Kamenev", "Bukharin", "Furr", "Levada", "Pipiya", "Byzov", "Thakor", "CPSU", "CPC", "Tiflis", "Batum", "Gori", "Brzola", "commandism", "collectivisation", "Industrialisation"],
)  # fmt: skip
def test_seed_never_flags(word: str, seed_text: str, seed_findings: list[Finding]) -> None:
    assert word in seed_text
    assert word not in flagged(seed_text, seed_findings)


def test_findings_point_at_exact_characters(seed_text: str, seed_findings: list[Finding]) -> None:
    for f in seed_findings:
        line = seed_text.split("\n")[f.line - 1]
        assert line[f.column - 1 : f.column - 1 + (f.end - f.start)] == seed_text[f.start : f.end]
        assert f.source_rule or f.rule in ("TYP004", "TYP005", "TYP006")


# -- dialect -------------------------------------------------------------------------------------------


def test_dialect_detection() -> None:
    british = ["The", "organised", "labour", "movement", "honoured", "the", "centres", "of", "the", "colour", "trade."]
    american = ["The", "organized", "labor", "movement", "honored", "the", "centers", "of", "the", "color", "trade."]
    assert spelling.detect_dialect(british) == "en-GB"
    assert spelling.detect_dialect(american) == "en-US"
    assert spelling.detect_dialect(["The", "cat", "sat", "on", "the", "mat."]) is None


def test_both_dialects_accepted_and_suggestions_follow_the_article() -> None:
    text = (
        "The council organised a programme on the colour of the harbour. Its behaviour was analysed, and it "
        "was criticised for its judgement and its favourite neighbour's honour. The industrialization of "
        "the region was practiced elsewhere, and the labor of the centers was recognized."
    )
    assert typ(text) == []
    british = "The organised labour movement honoured the centres, and the neighbur was favourable."
    findings = typ(british)
    assert flagged(british, findings) == ["neighbur"]
    assert findings[0].fix.replacement == "neighbour"


def test_mixed_dialect_is_opt_in_and_points_at_the_minority_spelling() -> None:
    text = "The organised labour movement honoured the centres of the colour trade, and the color was red."
    assert typ(text) == []
    findings = lint_text(text, select=["TYP008"])
    assert flagged(text, findings) == ["color"]
    assert findings[0].fix.replacement == "colour" and findings[0].fix.applicability == "unsafe"


# -- names ------------------------------------------------------------------------------------------------


def test_names_recurring_in_title_byline_or_acronyms_are_not_typos() -> None:
    text = (
        "Ioseb Dzhugashvili was born in Gori. Later Dzhugashvili moved to Tiflis, where the RSDLP met. "
        "Sociologist Karina Pipiya said the survey by Levada was reliable, according to Zvonkov."
    )
    assert typ(text, title="Zvonkov on Stalin") == []
    assert typ(text.replace("Zvonkov", "Byzov"), author="Leonty Byzov") == []


def test_capitalised_near_miss_of_a_known_word_is_still_caught() -> None:
    text = "Towards the end he showed chauvinist tendencies towards nations like Yugoslavaia and Czechoslovakia."
    findings = typ(text)
    assert flagged(text, findings) == ["Yugoslavaia"]
    assert findings[0].fix.replacement == "Yugoslavia" and findings[0].fix.applicability == "unsafe"
    assert "Yugoslavia" in findings[0].message


def test_lowercase_typos_with_suggestions() -> None:
    text = "The goverment said the begining of the programe was a sucess, and the committe agreed."
    findings = typ(text)
    assert flagged(text, findings) == ["goverment", "begining", "programe", "sucess", "committe"]
    replacements = [f.fix.replacement for f in findings]
    assert replacements[0] == "government" and replacements[1] == "beginning"


def test_not_prose_is_skipped() -> None:
    text = (
        "Read more at https://example.com/stroy-lnk or www.exmaple.org, mail edtior@newsroom.co.uk, "
        "follow @jonhdoe and #brexitt, run pip_instal --verbos=2, or see examplle.com today."
    )
    assert typ(text) == []


def test_foreign_quote_is_not_a_list_of_typos() -> None:
    text = 'The villain yells at his cohorts "mujhe woh bachcha chahiye, zinda ya murda" and the crowd cheers.'
    assert typ(text) == []


# -- vocabulary --------------------------------------------------------------------------------------------


def test_accept_and_reject_lists() -> None:
    text = "The paper Proletariatis Brdzola and the Dzhugashvilli family utilise the press."
    rules = {"TYP001": {"accept": ["Dzhugashvilli", "Proletariatis"], "reject": ["utilise"]}}
    findings = typ(text, rules=rules)
    assert flagged(text, findings) == ["utilise"]
    assert "reject list" in findings[0].message


def test_dictionary_file_with_possessive_and_phrase(tmp_path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("# project words\nYugoslavaia's\nProletraitis Brzola\n", "utf-8")
    text = "The paper Proletraitis Brzola praised Yugoslavaia's press."
    assert flagged(text, typ(text)) == ["Proletraitis", "Yugoslavaia"]
    assert typ(text, rules={"TYP001": {"dictionaries": [str(words)]}}) == []


def test_names_many_articles_of_the_run_use_are_vocabulary() -> None:
    texts = [f"Article {i}: the Cambrigde plant reported a quarterly loss, said the spokesman." for i in range(3)]
    texts.append("Article 4: the spokesman said the Yugoslavaia office reported a quarterly loss at Cambrigde.")
    texts.append("Article 5: the spokesman said the sucess of the pnat was a surprise.")
    settings = Settings(select=["TYP001"])
    articles = [Article(id=str(i), text=t, path="batch.jsonl") for i, t in enumerate(texts)]
    results = list(run(Linter(resolve_rules(settings), settings), lambda: articles))
    assert [r.item.text[f.start : f.end] for r in results for f in r.findings] == ["Yugoslavaia", "pnat"]
    alone = typ(texts[3], select=["TYP001"])  # one article alone: no batch evidence for "Cambrigde"
    assert flagged(texts[3], alone) == ["Yugoslavaia", "Cambrigde"]


# -- deterministic checks and their fixes -----------------------------------------------------------------------


def test_known_misspelling_safe_fix() -> None:
    text = "Therefore, they could not supress capitalist restoration and recieved no support."
    findings = typ(text)
    assert flagged(text, findings) == ["supress", "recieved"]
    assert all(f.rule == "TYP002" and f.fix.applicability == "safe" for f in findings)
    assert (
        apply_fixes(text, findings)
        == "Therefore, they could not suppress capitalist restoration and received no support."
    )


def test_glued_words_safe_fix_keeps_case() -> None:
    text = "Infact even the CPC could not do it. Inspite of this, alot changed, aswell."
    findings = typ(text)
    assert [f.rule for f in findings] == ["TYP003"] * 4
    assert (
        apply_fixes(text, findings) == "In fact even the CPC could not do it. In spite of this, a lot changed, as well."
    )
    assert all(f.fix.applicability == "safe" for f in findings)


def test_stray_letter_fix_leaves_one_space() -> None:
    text = "the Soviet Union transformed t from a fragmented society, placing g narrow interests first."
    findings = typ(text)
    assert flagged(text, findings) == ["t", "g"]
    assert apply_fixes(text, findings) == (
        "the Soviet Union transformed from a fragmented society, placing narrow interests first."
    )
    assert findings[0].fix.applicability == "unsafe"


@pytest.mark.parametrize(
    "text",
    [
        "Take vitamin d daily and choose plan b if needed.",
        "It is a rock n roll band, and x marks the spot.",
        "He said i am here and a cat is there.",
    ],
)
def test_single_letters_that_are_not_stray(text: str) -> None:
    assert lint_text(text, select=["TYP004"]) == []


def test_repeated_word() -> None:
    text = "He said the the teams would meet, and and that that was fine; he had had enough."
    findings = typ(text)
    assert flagged(text, findings) == ["the", "and"]
    assert all(f.fix.applicability == "safe" for f in findings)
    assert findings[0].related is not None and findings[0].related.start == text.index("the the")
    assert apply_fixes(text, findings) == "He said the teams would meet, and that that was fine; he had had enough."
    end = "It ended with the the."
    assert apply_fixes(end, typ(end)) == "It ended with the."


def test_very_very_and_names_are_not_repeats() -> None:
    assert lint_text("It was very very cold in Walla Walla, bye bye.", select=["TYP005"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "It was a unique, unanimous and unilateral decision by a union of a one-off European utopian group.",
        "It was an unusual, uninformed and unequal step, an hour late, an historic day, a year on, an MP said.",
    ],
)
def test_article_sounds_that_are_right(text: str) -> None:
    assert lint_text(text, select=["TYP006"]) == []


def test_article_mismatch_before_a_you_sound() -> None:
    text = "It was an unique chance; it was a unusual one."
    findings = lint_text(text, select=["TYP006"])
    assert [f.fix.replacement for f in findings] == ["a", "an"]


def test_article_mismatch() -> None:
    text = "It had an deleterious impact and was a uncertain plan, an hour late, a university, a one-off, an MP."
    findings = typ(text)
    assert [text[f.start : f.end] for f in findings] == ["an", "a"]
    assert [text[f.end + 1 : f.end + 5] for f in findings] == ["dele", "unce"]
    assert [f.fix.replacement for f in findings] == ["a", "an"]
    assert all(f.fix.applicability == "unsafe" for f in findings)


def test_unlikely_word_in_capitalised_phrase() -> None:
    text = "Millions died in the Second Wold War, and the Wold Newton family, in the wold, said so."
    findings = typ(text)
    assert flagged(text, findings) == ["Wold"]
    assert findings[0].fix.replacement == "World"


# -- engineering ---------------------------------------------------------------------------------------------------


def test_rule_pickles_cheaply_and_lexicon_is_shared() -> None:
    rule = Misspelling()
    typ("A warm-up sentence with a typpo.")
    assert len(pickle.dumps(rule)) < 1000
    assert spelling.lexicon() is spelling.lexicon()


def test_cost_is_linear_in_length() -> None:
    import time

    paragraph = (
        "The Bolsheviks were left with a country in ruins and surrounded on all sides, and the goverment "
        "implemented the New Economic Policy, which lasted from 1921 to 1928. "
    )
    typ(paragraph)

    def cost(repeat: int) -> float:
        best = float("inf")
        for _ in range(3):  # the best of three: timings on a shared machine are noisy
            started = time.process_time()
            typ(paragraph * repeat)
            best = min(best, time.process_time() - started)
        return best

    small, large = cost(200), cost(1600)  # (one line: the clause around each typo is looked for in a window)
    assert large < small * 24  # 8x the text: linear is ~8x the time, quadratic would be 64x


def test_skip_quoted_leaves_quotations_alone() -> None:
    text = "He wrote “the goverment is a sucess” in his diary, and the begining was hard."
    assert flagged(text, typ(text)) == ["goverment", "sucess", "begining"]
    quiet = {code: {"skip_quoted": True} for code in ("TYP001", "TYP002", "TYP003", "TYP007")}
    assert flagged(text, typ(text, rules=quiet)) == ["begining"]


# -- line-by-line analysis (cached per line) gives the same answers as the whole text ----------------------


def test_offsets_on_later_lines_and_repeated_lines() -> None:
    line = "Menu | Home | World\n"
    text = line * 3 + "The goverment said\n\nthe begining was hard.\n" + line
    findings = typ(text)
    assert flagged(text, findings) == ["goverment", "begining"]
    assert typ(text) == findings  # the second run reads every line from the cache


def test_accepted_phrase_across_a_line_break() -> None:
    text = "The paper Proletraitis\nBrzola praised the press."
    assert flagged(text, typ(text)) == ["Proletraitis"]
    assert typ(text, rules={"TYP001": {"accept": ["Proletraitis Brzola"]}}) == []
    longer = text + " It was Wold War two for them, he said."
    findings = typ(longer, rules={code: {"accept": ["Proletraitis Brzola"]} for code in ("TYP001", "TYP007")})
    assert flagged(longer, findings) == ["Wold"]  # the joined line still reads its own words and gaps


def test_foreign_words_side_by_side_across_a_line_break() -> None:
    # "casus belli" split over two lines is still two foreign words side by side, not a typo
    text = "It was a casus\nbelli for them."
    assert typ(text, select=["TYP001"]) == []


def test_long_run_without_letters_is_linear() -> None:
    import time

    def cost(repeat: int) -> float:
        started = time.process_time()
        findings = typ("The goverment " + "1234567890 " * repeat)
        assert flagged("The goverment ", findings) == ["goverment"]
        return time.process_time() - started

    cost(100)  # (the lexicon loads once)
    small, large = min(cost(2_000) for _ in range(3)), min(cost(20_000) for _ in range(3))
    assert large < 25 * small + 0.05  # 10x the digits: linear is ~10x the time, a quadratic scan 100x


@pytest.mark.parametrize("word", ["goverment", "wrold", "hte", "sucess", "accomodate", "vologda", "xqzt", "begining"])
def test_fast_one_edit_search_finds_what_generated_edits_find(word: str) -> None:
    lex = spelling.lexicon()
    expected = {c for c in _edits1(word) if c in lex.trusted}
    assert {c for c, d in spelling.near_words(word, 1) if c in lex.trusted} == expected


def test_repeated_word_on_later_and_repeated_lines() -> None:
    text = "Share this\nHe said the the deal was done.\nShare this\nIt was of of no use.\n"
    findings = typ(text, select=["TYP005"])
    assert [(text[f.start : f.end], text[f.related.start : f.related.end]) for f in findings] == [
        ("the", "the"),
        ("of", "of"),
    ]
    assert findings[0].start == text.index("the the") + 4
    assert typ(text, select=["TYP005"]) == findings  # lines read from the cache the second time


# -- TYP010 confused words ---------------------------------------------------------------------------

CONFUSED = (
    "The minister said their would be no further delays.\n"
    "Prices rose faster then expected in the second quarter.\n"
    "The company could loose its licence.\n"
    "He said the team should of won the match.\n"
    "She was suppose to arrive on Tuesday.\n"
    "The principle reason for the delay was a shortage of staff.\n"
    "Their is no easy answer.\n"
)


def test_confused_words_are_found_exactly_and_fixed_in_the_same_case() -> None:
    findings = typ(CONFUSED, select=["TYP010"])
    assert flagged(CONFUSED, findings) == ["their", "then", "loose", "of", "suppose", "principle", "Their"]
    assert "a comparison takes 'than'" in findings[1].message
    assert apply_fixes(CONFUSED, findings) == (
        "The minister said there would be no further delays.\n"
        "Prices rose faster than expected in the second quarter.\n"
        "The company could lose its licence.\n"
        "He said the team should have won the match.\n"
        "She was supposed to arrive on Tuesday.\n"
        "The principal reason for the delay was a shortage of staff.\n"
        "There is no easy answer.\n"
    )
    assert all(f.fix is not None and f.fix.applicability == "unsafe" for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "Great Ormond Street Hospital has enlisted the might of Walt Disney to raise money.",
        "He could of course resign, the minister said.",
        "Prices were higher then, and wages lower.",
        "Prices were higher then than they are now.",
        "The knot was not loose at all, and the soil was attributed to loose sand.",
        "Their will to win was obvious; their house was sold.",
        "It was a matter of principle, he said.",
        "I suppose to some extent he is right.",
    ],
)
def test_confused_words_leave_contexts_where_both_words_read(text: str) -> None:
    assert typ(text, select=["TYP010"]) == []


def test_confused_words_close_together_and_in_text_whose_case_folding_changes_its_length() -> None:
    text = "It cost more then a year ago and less then expected. Their is more."
    assert flagged(text, typ(text, select=["TYP010"])) == ["then", "then", "Their"]
    folded = "İstanbul: prices rose faster then expected."  # "İ".lower() is two characters
    assert flagged(folded, typ(folded, select=["TYP010"])) == ["then"]


def test_red_team_names_handles_and_derived_words_are_no_typos() -> None:
    # a forum user's handle alone on its line, an Irish agency's name at a sentence's start, a word derived
    # regularly ("dialectology" -> "dialectologist"): all reported before, with suggestions that would mangle them
    from .conftest import lint_text

    for text in (
        "Great advice, thanks everyone for the quick answers.\npwnguin\nI had the same problem with my bike last year.",
        "Bord Iascaigh Mhara, the State's seafood agency, has funded a programme to restore oyster reefs.",
        "Pascale Erhart, a dialectologist at the university, says the decline of the dialect is real.",
    ):
        assert [f.rule for f in lint_text(text, select=["TYP"])] == [], text
    # the same slips inside a sentence are still reported
    text = "The pwnguin swam away, and the Teh Conference opened, said a dialectologyst from the university."
    assert [text[f.start : f.end] for f in lint_text(text, select=["TYP"])] == ["pwnguin", "dialectologyst"]


def test_surnames_in_a_line_up_are_names() -> None:
    from .conftest import lint_text

    text = "Subs not used: Hughes, Cordner, Owusu, Patel. The home side never looked like losing after the break."
    assert lint_text(text, select=["TYP"]) == []
