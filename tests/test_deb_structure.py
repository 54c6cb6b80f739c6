"""DEB on structured content: recipes and spec lists are the article's.

Each case puts article structure where DEB looks for furniture (off the body, or between dates), and
checks that it is not reported while a real menu or list of links in the same place still is.
"""

from __future__ import annotations

import pytest

from scrapelint.rules.deb.quantities import quantity

from .conftest import lint_text

ARTICLE = [
    "Die Stadt hat am Dienstag nach einer langen Debatte den neuen Haushalt für das kommende Jahr beschlossen, "
    "wie der Bürgermeister am Abend mitteilte.",
    "Mit dem Geld sollen zwei neue Bibliotheken gebaut und die Straßen in den nördlichen Vierteln der Stadt "
    "repariert werden, die seit Jahren in einem schlechten Zustand sind.",
    "Die Opposition warf der Regierung vor, dass die Ausgaben in den nächsten zwei Jahren zu höheren Steuern "
    "für alle Bürger der Stadt führen würden.",
    "Der Bürgermeister zeigte sich dennoch zuversichtlich, dass der Plan auch die zweite Abstimmung im "
    "kommenden Monat ohne Änderungen überstehen wird.",
]
HEADLINE = ["Stadt beschließt den Haushalt nach langer Debatte", "Von Anna Schmidt"]
ENGLISH = [
    "I love making this dish on a quiet weekend, and it has become one of the family's favourite dinners over "
    "the years because it is quick to cook and easy to adapt.",
    "The only part that takes time is frying the tofu, which you can do ahead of time and keep in the fridge "
    "until you are ready to cook the noodles for the whole family.",
    "It tastes best with a little chilli on the side, and it keeps well for a day or two if you have any of it "
    "left over after dinner, which rarely happens in our house.",
]
# what stands between the article and what follows it on a blog page: buttons, a recipe card's header
BETWEEN = ["Pin", "Print", "Vegan Noodles", "Servings", "1", "servings", "Prep time", "10", "minutes", "Ingredients"]
MENU = ["Home", "Recipes", "Travel", "Lifestyle", "Reviews", "Shop", "About me", "Contact"]
RELATED = ["Spicy Fishcake Balls", "Egg Noodle Soup With Spinach", "Chicken Rice The Easy Way", "Lemon Tart"]


def reported(text: str, *lines: str) -> list[str]:
    """The given lines that a DEB finding covers."""
    findings = lint_text(text, select=["DEB"])
    return [line for line in lines if any(f.start <= text.index(line) < f.end for f in findings)]


def test_quantity_lines_in_any_language() -> None:
    for line in (
        "200 g Zucker",
        "1 TL Zimt",
        "120g yellow noodles",
        "1 1/2-2 tbsp kecap manis",
        "2 cucharadas de aceite",
    ):
        assert quantity(line, len(line.split())), line
    for line in ("2 Spieler verletzt", "10 Gründe für Berlin", "1/2 block of tofu", "2019 Annual Report"):
        assert not quantity(line, len(line.split())), line


def test_a_recipe_card_after_the_article_is_content_but_a_menu_there_is_not() -> None:
    """Ingredients (quantities and units in a run) and the steps under their heading, far below the body."""
    ingredients = ["120g yellow noodles", "120g flat rice noodles", "1 tbsp minced garlic", "Some beansprouts"]
    ingredients += ["1 1/2 tbsp sweet soy sauce", "2 tsp dark soy sauce", "1 tsp sugar", "Pinch of pepper"]
    steps = ["Directions", "Fry the diced tofu until golden.", "Remove and drain on paper towels."]
    steps += ["Stir fry the noodles with the sauce.", "Serve hot with chillies."]
    text = "\n".join([*ENGLISH, *BETWEEN, *ingredients, *steps])
    assert reported(text, "120g flat rice noodles", "2 tsp dark soy sauce", "Remove and drain on paper towels.") == []
    text = "\n".join([*ENGLISH, *BETWEEN, *MENU])
    assert reported(text, "Recipes", "Travel", "Contact") == ["Recipes", "Travel", "Contact"]


def test_a_spec_list_beside_the_article_is_content_but_topic_headlines_are_not() -> None:
    """Parallel "label: value" lines with their own labels and short values are the article's data."""
    specs = ["Art der Aufnahme: Digitalfoto", "Optik: Teleobjektiv", "Kamera: Canon EOS", "Zeitzone: MESZ"]
    specs += ["Ort: Kasberg im Frankenland", "Montierung: Skywatcher Star Adventurer"]
    text = "\n".join([*HEADLINE, *ARTICLE, "Detailangaben", *specs, "Zurück", "Weiter"])
    assert reported(text, "Optik: Teleobjektiv", "Ort: Kasberg im Frankenland") == []
    # the same place, a list of links under topic labels: headlines of other articles
    links = ["Bugatti: Erinnerung an den Sohn des Gründers", "USA: Umfrage offenbart Unterschiede im Klerus"]
    links += ["VATIKAN: Papst fordert Eltern zu mehr Offenheit auf", "USA: Neue Regeln für die Bischöfe im Land"]
    text = "\n".join([*HEADLINE, *ARTICLE, "Weitere Meldungen", *links, "Zurück", "Weiter"])
    assert reported(text, links[0], links[2]) == [links[0], links[2]]


def test_a_product_pages_description_heading_is_the_articles_but_the_shop_buttons_are_not() -> None:
    """A shop's product page: title, price and stock, then "Beschreibung" over the text. The one-word heading
    right under the product's preamble is the body's own (before: "a menu, footer or widget")."""
    shop = ["Startseite", "Garten", "Werkzeug", "Angebote", "Warenkorb"]
    product = ["Gartenschlauch Flex 20 m mit Brause", "Art.-Nr. 0001163", "29,90 €", "Sofort lieferbar"]
    buttons = ["Menge", "1", "In den Warenkorb"]
    text = "\n".join([*shop, *product, *buttons, "Lieferbar in 2 Tagen", "Beschreibung", *ARTICLE])
    assert reported(text, "Beschreibung") == []
    assert reported(text, "In den Warenkorb") == ["In den Warenkorb"]


def test_the_title_under_a_breadcrumb_is_the_articles_far_above_the_body() -> None:
    """A book's page: the breadcrumb, the title and the author, then a spec list and the price before the text.
    The line under the breadcrumb is the page's title, however far the body is (before: "a menu")."""
    shop = ["Libri", "eBook", "Offerte", "Carrello", "Home / Libri / Narrativa italiana"]
    specs = ["Editore: La nave di Teseo", "Anno: 2020", "Pagine: 624", "Prezzo: 15,20 €", "Aggiungi al carrello"]
    text = "\n".join([*shop, "Il nome della rosa", "Umberto Eco", *specs, "Descrizione", *ARTICLE])
    assert reported(text, "Il nome della rosa", "Umberto Eco") == []
    assert reported(text, "Offerte") == ["Offerte"]


@pytest.mark.parametrize(
    "button", ["Add to cart", "Adaugă în coș", "Sepete ekle", "Lägg i varukorgen", "Přidat do košíku", "Kosárba"]
)
def test_a_shops_basket_button_is_interface_text_in_the_languages_shops_write(button: str) -> None:
    """A shop's basket button between the product's price and its text: safe to remove, in any of the
    languages (rules/data/debris_ui.shop.txt); the product's text stays."""
    findings = lint_text("\n".join(["Gartenschlauch Flex 20 m", "29,90 €", button, *ARTICLE]), select=["DEB"])
    [found] = [f for f in findings if f.rule == "DEB001"]
    assert found.fix is not None and found.fix.applicability == "safe"
    assert reported("\n".join(["Gartenschlauch Flex 20 m", "29,90 €", button, *ARTICLE]), *ARTICLE) == []


def test_urdu_paragraphs_end_at_their_full_stop_and_the_menu_above_is_found() -> None:
    """Urdu ends a sentence with "۔" (U+06D4): read as no sentence's end, no paragraph was prose, no body was
    found and the menu stayed (red-team round 3)."""
    menu = ["روزنامہ جنگ", "تازہ ترین", "پاکستان", "دنیا", "کھیل", "کاروبار"]
    body = [
        "کراچی میں پانی کی فراہمی بہتر بنانے کے لیے صوبائی حکومت نے نئے منصوبے کی منظوری دے دی ہے۔",
        "منصوبے کے تحت شہر کے مختلف علاقوں میں نئی پائپ لائنیں بچھائی جائیں گی اور پرانی لائنوں کی مرمت کی جائے گی۔",
        "حکام کے مطابق منصوبہ دو سال میں مکمل ہوگا اور اس سے لاکھوں شہریوں کو فائدہ پہنچے گا۔",
    ]
    text = "\n".join([*menu, "کراچی میں پانی کا نیا منصوبہ منظور", *body])
    assert reported(text, *menu[2:]) == menu[2:]
    assert reported(text, *body) == []


def test_a_schedule_of_timed_rows_beside_the_article_is_content() -> None:
    """A TV guide's rows ("6.30pm Regional News") above its "pick of the day" were headlines of other articles
    (red-team round 3); rows starting with a clock time are a schedule, in any language."""
    rows = ["6.00pm BBC News", "6.30pm Regional News and Weather", "7.00pm The One Show", "7.30pm EastEnders"]
    rows += ["8.00pm Would I Lie to You?", "8.30pm Mrs Brown's Boys", "9.00pm Children in Need", "Das Erste"]
    rows += ["20:15 Tatort: Die Nacht der Füchse", "21:45 Tagesthemen", "22:15 Maischberger", "23:30 Nachtmagazin"]
    text = "\n".join(["What's on TV tonight: Friday 22 November", "BBC One", *rows, "Pick of the day", *ARTICLE])
    assert reported(text, *rows) == []


def test_a_transcripts_short_turns_are_the_articles() -> None:
    """A court transcript's turns ("WITNESS: No.") are too short to read as prose: the body stopped at the first
    short answers and the rest was "a menu, footer or widget" (red-team round 3)."""
    turns = []
    for question, answer in [
        ("Were you on duty on the night of 14 March?", "Yes."),
        ("Where were you stationed?", "At the junction of Abbeydale Road and Sharrow Vale Road."),
        ("Did you see the defendant's car?", "Yes."),
        ("At what time?", "At about ten past eleven."),
        ("Was it moving?", "No."),
        ("Was anyone in it?", "No."),
    ]:
        turns += [f"MR DAVIES: {question}", f"WITNESS: {answer}"]
    intro = "The following extract is published with the permission of the court. The witness is a police officer."
    text = "\n".join(["Transcript of proceedings: R v Hallam, day 3 (extract)", intro, *turns, "THE JUDGE: Go on."])
    assert reported(text, *turns) == []
