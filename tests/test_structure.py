"""Structure is content: tables and ingredient lists are not navigation, parallel items are not duplicates."""

from __future__ import annotations

import time

import pytest

from scrapelint.rules.structure import alike, lead_in, parallel_repeats, short_item, swapped

from .conftest import lint_text
from .test_deb import PARAGRAPHS, article

STOCKS = (
    "Ticker",
    "Security",
    "Last",
    "Change %",
    "HD",
    "Home Depot",
    "225.86",
    "-5.44%",
    "LOW",
    "Lowe's",
    "98.10",
    "-3.12%",
)
INGREDIENTS = ("Zutaten:", "300 g Mehl", "1 TL Backpulver", "100 g gemahlene Mandeln", "200 g Zucker", "1 Prise Salz")


def test_a_table_of_figures_after_the_body_is_the_articles() -> None:
    assert lint_text(article(after=STOCKS), select=["DEB"]) == []


def test_an_ingredient_list_after_the_body_is_the_articles() -> None:
    assert lint_text(article(after=INGREDIENTS), select=["DEB"]) == []


def test_a_menu_after_the_body_is_still_furniture() -> None:
    menu = ("Home", "World", "Business", "Sport", "Weather")
    text = article(after=menu)
    assert ["\n\n".join(menu)] == [text[f.start : f.end] for f in lint_text(text, select=["DEB"])]


def test_items_of_a_parallel_structure_are_not_duplicates() -> None:
    days = []
    for day in ("Monday", "Tuesday", "Wednesday"):
        days += [
            day,
            "Eat every 2-3 hours",
            "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow",
            PARAGRAPHS[0][:40] + day,
        ]
    text = "\n\n".join(["Meal plan for the week", *PARAGRAPHS[:2], *days])
    assert [f for f in lint_text(text, select=["DUP"]) if f.rule in ("DUP001", "DUP002")] == []


def test_interview_questions_asked_again_are_not_duplicates_but_prose_is() -> None:
    qa = []
    for name, answer in (("Anna", "I grew up here."), ("Boris", "I moved here in 1990."), ("Carla", "I never left.")):
        qa += [name, "Where did you grow up?", answer, "What do you think of the budget?", f"{name} thinks it is fair."]
    text = "\n\n".join(["Three voices on the budget", *PARAGRAPHS[:2], *qa, PARAGRAPHS[0]])
    found = [(f.rule, text[f.start : f.end]) for f in lint_text(text, select=["DUP"])]
    assert found == [("DUP001", PARAGRAPHS[0])]  # the repeated paragraph of prose still counts


def test_one_short_line_repeated_once_is_still_reported() -> None:
    texts = ["Intro.", "Our view on the new budget plan", "Body.", "Our view on the new budget plan"]
    assert short_item(texts[1])
    assert parallel_repeats(texts, {3: 1}) == set()


def test_a_numbered_table_of_contents_between_lead_and_body_is_content() -> None:
    lead = PARAGRAPHS[0] + " " + PARAGRAPHS[1]
    names = ("Libraries", "Roads", "Fire service", "Parks", "Taxes", "Schools", "Buses", "Housing", "Water", "Waste")
    contents = [f"{n}. {name}" for n, name in enumerate(names, 1)]
    sections = [f"{line}\n\n{PARAGRAPHS[(n + 2) % 4]} {PARAGRAPHS[n % 4]}" for n, line in enumerate(contents)]
    text = "\n\n".join(["Council passes budget", "Von Lisa Borch", lead, "Contents", *contents, *sections])
    assert lint_text(text, select=["DEB"]) == []


def test_questions_of_a_quiz_are_not_near_duplicates() -> None:
    jokes = (
        "What did one toilet say to the other toilet?",
        "You look flushed.",
        "What did one wall say to the other wall?",
        "I will meet you at the corner.",
    )
    text = "\n\n".join(["Ten jokes for children", PARAGRAPHS[0], *jokes])
    assert list(lint_text(text, select=["DUP"])) == []


def test_a_repeated_shop_widget_is_debris_not_duplicates() -> None:
    widget = ("Available from Amazon", "BGR may receive a commission on purchases made from our links.", "Buy Now")
    products = [
        "The Sony set is the best pick for most readers, with a battery that lasts two days.",
        "Bose makes the most comfortable pair we tried, though its case feels cheap.",
        "Apple's model works best with an iPhone and costs more than the others.",
    ]
    parts = [part for product in products for part in (product, *widget)]
    text = "\n\n".join(["The best headphones of the year", PARAGRAPHS[0], *parts])
    assert lint_text(text, select=["DUP"]) == []  # also when DEB is not run
    found = [(f.rule, text[f.start : f.end]) for f in lint_text(text, select=["DUP", "DEB"])]
    assert found == [("DEB003", "\n\n".join(widget))] * 3  # each widget once, as ads


OPERATORS = ("Avanti", "Chiltern", "Grand Central", "Hull Trains", "Northern")
ANSWERS = (
    "Folding cycles only. These are carried in the coach's luggage compartment.",
    "Yes, but it is at the discretion of the driver. Some coach operators do not allow animals.",
    "Folding cycles only. These are carried in the coach's luggage compartment.",
    "Only folding bikes in bags are allowed on board the replacement coaches.",
    "Yes, but it is at the discretion of the driver. Some coach operators do not allow animals.",
)


def faq(operators: tuple[str, ...] = OPERATORS) -> list[str]:
    """An FAQ answered by each operator: the same questions, answers copied between some of them."""
    lines = []
    for n, operator in enumerate(operators):
        lines += [
            operator,
            f"Are bicycles allowed on the replacement bus? {ANSWERS[n]}",
            f"If you would like to speak to the assisted travel team, please call 0800 {n}12 345 or 0800 {n}12 346.",
            f"Will there be a toilet on the bus? {ANSWERS[-n]}",
        ]
    return lines


def test_answers_repeated_in_the_rows_of_an_faq_are_not_duplicates() -> None:
    text = "\n\n".join(["Rail replacement buses, operator by operator", PARAGRAPHS[0], *faq()])
    assert lint_text(text, select=["DUP"]) == []


def test_a_question_worded_its_own_way_in_a_page_of_faq_rows_is_a_row_too() -> None:
    variant = f"Bicycles or folding bikes allowed on the bus? {ANSWERS[1]}"  # answered as another operator
    text = "\n\n".join(["Rail replacement buses, operator by operator", PARAGRAPHS[0], *faq(), "Southern", variant])
    assert lint_text(text, select=["DUP"]) == []


def test_a_paragraph_of_prose_repeated_beside_an_faq_still_counts() -> None:
    text = "\n\n".join(["Rail replacement buses", PARAGRAPHS[0], PARAGRAPHS[1], *faq(), PARAGRAPHS[1]])
    assert [(f.rule, text[f.start : f.end]) for f in lint_text(text, select=["DUP"])] == [("DUP001", PARAGRAPHS[1])]


def test_an_faq_scraped_twice_is_still_reported() -> None:
    rows = faq()[:4]
    text = "\n\n".join(["Rail replacement buses", PARAGRAPHS[0], *faq(), *rows])
    found = [text[f.start : f.end] for f in lint_text(text, select=["DUP"]) if f.rule == "DUP001"]
    # The block copied in its order counts, though its rows are a template's: the row of prose is reported
    # (a short heading, a question with its short answer are items of a structure, as on main).
    assert found == [rows[2]]


def test_a_headline_its_lead_and_a_copy_are_no_template() -> None:
    lead = "Nicole Richie and Christina Aguilera both gave birth to healthy babies on Saturday in Los Angeles."
    body = "Nicole Richie and Christina Aguilera gave birth about an hour apart at the same hospital. " + PARAGRAPHS[1]
    text = "\n\n".join(["Nicole Richie and Christina Aguilera give birth", lead, body, PARAGRAPHS[2], lead])
    assert [text[f.start : f.end] for f in lint_text(text, select=["DUP001"])] == [lead]


def test_a_line_under_each_item_is_not_a_duplicate_but_a_line_repeated_once_is() -> None:
    signature = "Sent from my HD7 T9292 using the free PocketPC.ch app."
    posts = [part for paragraph in PARAGRAPHS[:3] for part in (paragraph, signature)]
    assert lint_text("\n\n".join(["Forum thread", *posts]), select=["DUP"]) == []
    text = "\n\n".join(["Forum thread", *posts[:4]])
    assert [text[f.start : f.end] for f in lint_text(text, select=["DUP"])] == [signature]


def test_a_list_of_contents_naming_a_heading_is_not_a_duplicate() -> None:
    contents = ["– Shamanism in the Reiki characters", "– Shinto, Japan's shamanism", "– Rituals of healing"]
    text = "\n\n".join(["Shamanism in the Reiki characters", PARAGRAPHS[0], "Contents:", *contents, PARAGRAPHS[1]])
    assert lint_text(text, select=["DUP"]) == []


def test_fields_of_records_repeated_are_not_duplicates_but_a_dialogue_line_is() -> None:
    quests = []
    for n, (name, task) in enumerate((("Stolen Sack", 1), ("Black Eagles", 2), ("Fine Fabric", 1), ("Horns", 3))):
        quests += [
            f"Name: {name}",
            f"Level: {70 + n}",
            f"NPC: Village Chief of Town {n}",
            f"Task: {('Kill the guards and collect sacks of food and water for the village.', 'Kill 1500 eagles.', 'Bring the letter.')[task - 1]}",
            f"Reward: EXP {n + 2},300,000",
        ]
    text = "\n\n".join(["Quests of the new region", PARAGRAPHS[0], *quests])
    assert lint_text(text, select=["DUP"]) == []
    turns = ["Cleric: Peace be on you.", "Emir: Peace be on you, too.", "Cleric: How are you today, Emir?"]
    turns += ["Emir: I am in the town. Come, I am at the house of my friend.", "Cleric: Okay, I will come."]
    text = "\n\n".join(["A conversation", PARAGRAPHS[0], *turns, PARAGRAPHS[1], turns[3]])
    assert [text[f.start : f.end] for f in lint_text(text, select=["DUP001"])] == [turns[3]]


def test_a_lead_in_is_a_few_words_before_a_colon_and_only_they_are_added() -> None:
    saying = "Wo ein Leichnam ist, da sammeln sich auch die Geier."
    assert lead_in("Er antwortete: " + saying, saying)
    assert not lead_in("Er antwortete: " + saying.replace("Geier", "Raben"), saying)  # a word changed after it
    assert not lead_in("Der Pfarrer der kleinen Gemeinde antwortete: " + saying, saying)  # five words: no lead-in


def test_a_lead_in_is_looked_for_in_linear_time() -> None:
    started = time.process_time()
    for text in ("a" * 200_000, "ab " * 70_000, "a-" * 100_000 + ":"):
        assert not lead_in(text, "b")
    assert time.process_time() - started < 1.0


def _words(text: str) -> list[str]:
    return text.split()


def test_lines_alike_and_slots_swapped() -> None:
    assert alike(
        _words("as of this writing the latest version of stunnel is 4 05"),
        _words("as of this writing the latest version of rsync is 2 6 0"),
    )
    assert not alike(_words("37 99 eur"), _words("22 99 eur"))  # numbers alone make no template
    assert swapped(_words("search for updates kb3068708"), _words("search for updates kb3075249 kb3080149"))
    assert not swapped(_words("egypt beat mali"), _words("on thursday egypt beat mali"))  # words added, none swapped


@pytest.mark.parametrize("line", ["1 1/2 cups flour", "10,79 g*", "2 Dose/n Mandarinen", "½ TL Zimt", "- 200 ml Milch"])
def test_one_measure_for_deb_and_dup_reads_ingredients_in_any_language(line: str) -> None:
    from scrapelint.rules.deb.quantities import quantity
    from scrapelint.rules.structure import QUANTITY

    assert QUANTITY.match(line) and quantity(line, len(line.split()))


@pytest.mark.parametrize("line", ["2019 Olympics in review", "3 Gründe für den Umzug", "12 great places to eat"])
def test_a_number_before_a_word_is_no_measure(line: str) -> None:
    from scrapelint.rules.structure import QUANTITY

    assert QUANTITY.match(line) is None
