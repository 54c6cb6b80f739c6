"""DUP on an article's own structure (issue #15): a table's row, a template filled in twice, a list restating
the text, a notice DEB reports; each beside a real repeat of prose that is still reported."""

from __future__ import annotations

from .conftest import flagged, lint_text
from .test_deb import PARAGRAPHS

# -- a comparison table scraped one cell per line: a row's label, then one cell per product ------------------

FEE = "0.60% per trade, lower with volume."
DEPOSIT = "Some deposit and withdrawal methods incur a fee."
ROWS = [
    ("At a glance", "Basic", "Pro"),
    ("Features", "Simple interface to buy and sell coins.", "Professional trading screen with several order types."),
    ("Fees", f"{FEE} Network fees are added. {DEPOSIT}", f"{FEE} Network fees also apply. {DEPOSIT}"),
    ("Coins supported", "170+", "170+"),
    ("Security", "Two-factor login by text message or app.", "Cold storage for most assets and vaults."),
    ("Transactions", "Buy. Sell. Send. Receive.", "Buy. Sell. Trade. Stop orders. Limit orders."),
]
TABLE = [cell for row in ROWS for cell in row]


def test_two_cells_of_one_table_row_sharing_sentences_are_not_a_duplicate() -> None:
    text = "\n".join(["Basic or Pro?", PARAGRAPHS[0], *TABLE, PARAGRAPHS[1]])
    assert lint_text(text, select=["DUP"]) == []


def test_a_paragraph_doubled_beside_a_table_is_still_reported() -> None:
    text = "\n".join(["Basic or Pro?", PARAGRAPHS[0], *TABLE, PARAGRAPHS[1], PARAGRAPHS[0]])
    assert flagged(text, lint_text(text, select=["DUP"])) == [PARAGRAPHS[0]]


MORE = [
    "The mayor thanked the members who had stayed until the vote and promised a report on the roads by spring.",
    "Local businesses welcomed the decision, though several said they would watch the tax rate closely.",
    "A second vote on the library sites is expected next month, after two public meetings in the districts.",
]


def test_a_sentence_repeated_in_the_next_paragraph_between_headings_of_prose_is_still_reported() -> None:
    """A standfirst repeated by the lead, then sections of prose under headings: no table's rows."""
    lead = f"{PARAGRAPHS[0]} {PARAGRAPHS[1]}"
    sections = ["Reactions", MORE[0], MORE[1], "What comes next", MORE[2], PARAGRAPHS[3]]
    text = "\n".join(["Budget passed", PARAGRAPHS[0], lead, "The vote", PARAGRAPHS[2], *sections])
    assert flagged(text, lint_text(text, select=["DUP"])) == [PARAGRAPHS[0]]


# -- a template filled in twice: the same answers given for two operators ------------------------------------

AIDS = [
    "Wheelchairs up to a width of 70cm and a length of 120cm unfolded, within the weight limit shown on the ramp",
    "Mobility scooters up to a width of 60cm and a length of 100cm, with a turning radius of at most 120cm",
    "Travel is free on all buses for those using a wheelchair, who have priority over everyone for its space.",
]


def operator(name: str, phone: str) -> list[str]:
    """One operator's answers: the same questions, some answers the same for each, some naming the operator."""
    return [
        f"{name} rail replacement buses",
        f"If you would like to speak to the assisted travel team, please call {phone} (Textphone).",
        "Are wheelchairs carried on the bus? All replacement buses carry the following mobility aids:",
        *AIDS,
        f"Is luggage allowed on the bus? You can travel with luggage, in line with the {name} conditions of travel.",
        f"Are dogs allowed on the replacement bus? Assistance dogs always; others at the {name} driver's discretion.",
    ]


def test_the_same_answers_given_for_two_operators_are_not_a_duplicate() -> None:
    text = "\n".join(["Replacement buses", PARAGRAPHS[0], *operator("Overground", "0343 222 1234"), PARAGRAPHS[1]])
    text += "\n" + "\n".join(operator("TfL Rail", "0800 112 3456"))
    assert lint_text(text, select=["DUP"]) == []


def test_the_same_answers_copied_among_other_paragraphs_are_still_reported() -> None:
    text = "\n".join(["Replacement buses", *operator("Overground", "0343 222 1234"), PARAGRAPHS[0], *AIDS])
    text += "\n" + PARAGRAPHS[1]
    assert flagged(text, lint_text(text, select=["DUP"])) == ["\n".join(AIDS)]


def test_an_article_scraped_twice_with_its_headline_changed_once_is_still_reported() -> None:
    body = PARAGRAPHS[:4]
    text = "\n".join(["Council passes budget", *body, "Council passes budget | The Daily Example", *body])
    assert flagged(text, lint_text(text, select=["DUP"])) == ["\n".join(body)]


# -- a list scraped without its bullets, restating a sentence of the text ----------------------------------

SUITED = "Suitable for cars, trucks, motorcycles, quad bikes and bicycles"
SUMMARY = f"{SUITED}. Makes up for as much as half of the wear on the bearings."
ADVANTAGES = ["Advantages", "Wear is made up for quickly", "Parts last longer", SUITED, "Directions", PARAGRAPHS[1]]


def test_an_item_of_a_list_restating_a_sentence_is_not_a_duplicate() -> None:
    text = "\n".join(["Bearing grease", SUMMARY, PARAGRAPHS[0], *ADVANTAGES])
    assert lint_text(text, select=["DUP"]) == []


def test_the_sentence_repeated_as_a_line_of_prose_is_still_reported() -> None:
    text = "\n".join(["Bearing grease", SUMMARY, PARAGRAPHS[0], SUITED + ".", PARAGRAPHS[1]])
    assert flagged(text, lint_text(text, select=["DUP"])) == [SUITED + "."]


# -- a caption with its licence under two pictures: DEB reports each line ------------------------------------

MAP = "Map of the companies behind the letters. Click on the picture to enlarge it."


def test_a_caption_with_its_licence_under_two_pictures_is_debs_not_a_duplicate() -> None:
    first, second = f"{MAP} (As of June 2016) CC BY-SA 2.0", f"{MAP} CC BY-SA 2.0"
    text = "\n".join(["The letters", first, PARAGRAPHS[0], PARAGRAPHS[1], second, PARAGRAPHS[2]])
    assert lint_text(text, select=["DUP"]) == []
    assert {f.line for f in lint_text(text, select=["DEB"])} >= {2, 5}  # DEB reports both lines


def test_the_caption_repeated_in_a_line_of_prose_is_still_reported() -> None:
    text = "\n".join(["The letters", f"{MAP} CC BY-SA 2.0", PARAGRAPHS[0], f"{PARAGRAPHS[1]} {MAP}"])
    assert flagged(text, lint_text(text, select=["DUP"])) == [MAP]


# -- a reader answering another in the other's words -------------------------------------------------------

JUDGED = "I do not judge what they do, and I do not defend them either, but this is still a long way from journalism."
ECHO = "I do not judge what you do, and I do not defend them either, but this is still a long way from good commenting."


def test_a_reply_echoing_another_post_is_not_a_near_duplicate() -> None:
    thread = ["Anna says:", "June 26, 2016 at 2:56 pm", JUDGED, "Reply", "Bob says:", "June 27, 2016 at 9:34 pm"]
    text = "\n".join(["Budget passed", *PARAGRAPHS[:2], "Comments", *thread, "@Anna:", ECHO, "Reply"])
    assert lint_text(text, select=["DUP"]) == []


def test_a_reader_echoing_the_article_is_still_a_near_duplicate() -> None:
    thread = ["Bob says:", "June 27, 2016 at 9:34 pm", ECHO, "Reply"]
    text = "\n".join(["Budget passed", PARAGRAPHS[0], JUDGED, PARAGRAPHS[1], "Comments", *thread])
    assert [(f.rule, text[f.start : f.end]) for f in lint_text(text, select=["DUP"])] == [("DUP003", ECHO)]


def test_a_paragraph_copied_before_a_sub_heading_worded_like_another_is_still_reported() -> None:
    """One alike line beside a copy is chance (two sub-headings on one subject), not a template filled twice."""
    headings = ["North Korea controls the news about Kim Jong Un", "North Korea: speculation about Kim Jong Un"]
    text = "\n".join(["Kim Jong Un", PARAGRAPHS[0], headings[0], PARAGRAPHS[1], MORE[0], PARAGRAPHS[0], headings[1]])
    text += "\n" + MORE[1]
    assert flagged(text, lint_text(text, select=["DUP"])) == [PARAGRAPHS[0]]


def test_a_title_named_inside_a_citation_is_reported_with_an_unsafe_fix() -> None:
    # the safe fix cut the title out of the reference line, leaving "et al. Nat Commun 16, 9123 (2025)."
    title = "Soil microbial carbon use efficiency declines under long-term warming across European grasslands"
    citation = f"Köhler, M., Lindqvist, J. et al. {title}. Nat Commun 16, 9123 (2025)."
    body = "Warming by two degrees cut the efficiency by a fifth in six of the eight sites we sampled over ten years."
    text = "\n".join([title, body, "Cite this article", citation])
    findings = [f for f in lint_text(text, select=["DUP"]) if f.rule == "DUP002"]
    assert [f.fix.applicability for f in findings if f.fix] == ["unsafe"]


# -- a poem: its refrain repeats by design ------------------------------------------------------------------

REFRAIN = "The harbour light goes on at six each night."
STANZAS = [
    f"{REFRAIN}\nMy mother waited there for boats to come.\nThe sea gives back what it has kept from sight.",
    f"She wore her father's coat, a size too tight,\nand watched the water turning dark and numb.\n{REFRAIN}",
    "Some winters, nothing came: no sail, no kite\nof gulls above a mast, no distant drum.\n"
    "The sea gives back what it has kept from sight.",
]


def test_a_poems_refrain_is_no_repeat_but_a_sentence_repeated_in_hard_wrapped_prose_is() -> None:
    """A villanelle's refrain lines return by design: the safe fix deleted them (red-team round 3). Prose
    hard-wrapped at 72 characters is no stanza: a sentence repeated there is still reported."""
    text = "\n\n".join(["The Harbour Light", *STANZAS])
    assert lint_text(text, select=["DUP"]) == []
    wrapped = (
        "The council approved the new budget on Tuesday after a debate that lasted\n"
        "more than six hours, and members said the plan would fund two new libraries.\n"
        "Opponents argued that the spending would force a rise in local taxes."
    )
    again = "The council approved the new budget on Tuesday after a debate that lasted\nmore than six hours."
    text = "\n\n".join([wrapped, PARAGRAPHS[2], again + " Work starts in May.\nIt will take a year."])
    assert flagged(text, lint_text(text, select=["DUP"]))


def test_a_live_commentarys_events_told_alike_are_no_repeat() -> None:
    """Two events of a minute-by-minute told in the same words ("70' Attempt missed. …", "88' Attempt missed. …"):
    the safe fix cut the earlier one (red-team round 3). Without the minute marks the repeat is still reported."""
    event = "Attempt missed. Bukayo Saka (Arsenal) left footed shot from the right side of the box misses to the left."
    entries = [f"88' {event}", "85' Substitution, Arsenal. Jorginho replaces Martin Ødegaard.", f"70' {event}"]
    text = "\n\n".join(["Arsenal 2-1 Nottingham Forest: live commentary", *entries])
    assert lint_text(text, select=["DUP"]) == []
    text = "\n\n".join([PARAGRAPHS[0], event, PARAGRAPHS[1], event])
    assert lint_text(text, select=["DUP"])


def test_an_faqs_answer_given_to_two_questions_is_reported_with_an_unsafe_fix() -> None:
    """Two questions with the same answer: maybe a copy-paste slip, maybe the FAQ's own; the safe fix deleted the
    second answer and left its question unanswered (red-team round 3). Reported, the fix left to the user."""
    answer = "Yes. Sign in to your account on the library website and choose the items you want under My loans."
    faq = ["Can I renew my books online?", answer, "Can I reserve a book that is on loan?", answer]
    [found] = lint_text("\n".join(["Library card: questions and answers", *faq]), select=["DUP"])
    assert found.rule == "DUP001" and found.fix is not None and found.fix.applicability == "unsafe"
    assert "another question" in found.message
