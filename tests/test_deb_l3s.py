"""DEB on naive news scrapes: the furniture around an article found, the article's own lines kept."""

from __future__ import annotations

from scrapelint.models import Finding

from .conftest import lint_text

ARTICLE = [
    "Ice jam floods homes in northern town",
    "By Jane Doe",
    "The premier toured the town on Sunday to view the damage caused by the river ice jam that has flooded "
    "two dozen homes since the start of the month, officials said.",
    "The jam is about six kilometres long and has been causing flooding in the area since early December, when "
    "the river froze earlier than usual after a cold snap.",
    "Residents said they had been waiting for help for weeks and that the water had reached the floors of several "
    "houses on the low streets by the river bank.",
    "The city and the province have already spent three million dollars on the ice jam, and crews will keep "
    "working through the week to open a channel in the ice.",
]
TOOLS = ["Story Tools: E-MAIL | PRINT | Text Size: S M L XL", "Related"]
STORIES = [
    "Real estate has record year across the country",
    "The resale housing market in the major cities enjoyed a record year for sales and prices in 2007, the "
    "association said on Tuesday.",
    "Hops shortage spurs microbreweries to reinvent beers",
    "A worldwide shortage of hops is forcing some microbreweries to rewrite the recipes of their best known beers.",
    "Man arrested in deadly hit-and-run",
    "A young man has been charged in connection with a hit-and-run in which an elderly man was left to die.",
    "Student fights culinary school's piercing ban",
    "A culinary school will not allow one of its students to finish her studies because she refuses to follow "
    "a new dress code.",
]


def flagged_lines(text: str, findings: list[Finding]) -> set[str]:
    """The lines of `text` that a finding overlaps."""
    out, start = set(), 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip() and any(f.start < end and f.end > start for f in findings):
            out.add(line)
        start = end + 1
    return out


def deb(lines: list[str]) -> tuple[str, set[str]]:
    text = "\n".join(lines)
    return text, flagged_lines(text, lint_text(text, select=["DEB"]))


def test_story_list_after_the_tools_bar_is_found_and_the_article_kept() -> None:
    """Headlines each over a one-sentence lead, after the share bar, are other stories: the body ends at the bar."""
    _, hit = deb([*ARTICLE, *TOOLS, *STORIES])
    assert set(STORIES) <= hit
    assert not hit & set(ARTICLE)


def test_sections_under_subheadings_after_a_debris_line_are_kept() -> None:
    """An article that goes on in several paragraphs under each subheading is not a list of stories."""
    more = []
    for number in range(3):
        more += [
            f"What the council plans for part {number + 1}",
            "The council said it would buy pumps and sandbags for the streets by the river before the thaw, and "
            "that it would ask the province to pay for half of the cost.",
            "Engineers will study whether the jam can be broken with explosives or melted with hot water, as "
            "other towns on the river have done in past winters.",
        ]
    _, hit = deb([*ARTICLE, "Advertisement", *more])
    assert not hit & set(more)
    assert not hit & set(ARTICLE)


def test_article_going_on_after_an_inline_link_is_kept() -> None:
    """A paragraph right after a "Read more:" line is the article going on, whatever follows it."""
    going_on = (
        "Meanwhile the minister said on Wednesday that the town would receive the first payments from the "
        "disaster fund next week, once the damage has been assessed by the inspectors."
    )
    _, hit = deb([*ARTICLE, "Read more: Town asks for help", going_on, *STORIES])
    assert going_on not in hit
    assert not hit & set(ARTICLE)


def test_gallery_with_credits_between_its_items_is_kept() -> None:
    """A gallery (a heading, its text, a credit, again and again) is not cut at its first credit."""
    items = []
    for name in ("Water", "Spiders", "Heights", "Crowds", "Darkness"):
        items += [
            f"The fear of {name.lower()}",
            f"Studies have found that the fear of {name.lower()} is among the most common in adults, and that it "
            "can often be treated in a few weeks with the help of a therapist.",
            "© Shutterstock",
        ]
    lines = ["The phobias most of us share", "By Jane Doe", *items]
    _, hit = deb(lines)
    assert not hit & {line for line in items if not line.startswith("©")}


def test_a_label_between_two_lines_of_furniture_is_found_and_the_article_kept() -> None:
    """A login box off the body: "Passwort:" (no lexicon knows it) between two known lines is found with them;
    the same short line standing beside the article's own lines is kept."""
    box = ["Sign in", "Passwort:", "Register", "Privacy Policy"]
    _, hit = deb([*ARTICLE, *TOOLS, *box])
    assert "Passwort:" in hit
    _, hit = deb([*ARTICLE[:2], "Passwort:", *ARTICLE[2:]])
    assert "Passwort:" not in hit
    assert not hit & set(ARTICLE)


def test_share_rows_and_site_links_are_known_and_headlines_with_the_same_words_are_not() -> None:
    """Rows of sharing services, bookmark and search labels, "Back to …" and "More articles in …" links are
    interface text; headlines that name the same services or start with the same words are not."""
    from scrapelint.rules.deb import lexicon_kind

    for line in (
        "Digg it del.icio.us AIM",
        "Post to Fark Post to del.icio.us Digg this story Post to reddit",
        "del.icio.us Digg Reddit YahooMyWeb Google Facebook What's this?",
        "BookMark at :",
        "Quick Search",
        "Back to front page »",
        "Back to Investments Headlines",
        "More articles in Soccer",
        "Other articles by Patrick Finley:",
    ):
        assert lexicon_kind(line) == "ui", line
    for line in (
        "Google and Facebook shares fall",
        "Facebook asked to pull Scrabulous game",
        "Back to school for ad men",
        "More stories from Iraq emerge",
    ):
        assert lexicon_kind(line) is None, line


def test_a_menu_bar_on_one_line_is_found_and_a_title_case_headline_is_not() -> None:
    """Five or more section names run together, every word capitalised, no sentence's end: a site's menu bar."""
    from scrapelint.rules.deb.menus import menu_bar

    assert menu_bar("SFGate Home Business Sports Entertainment Travel")
    assert menu_bar("News Home Just In Australia World Business Sport")
    assert menu_bar("HOME NEWS COMMENT BUSINESS SPORTS ENTERTAINMENT LIVING TRAVEL CLASSIFIEDS CAREERS")
    assert not menu_bar("Home Sales Rise In World Markets")
    assert not menu_bar("Sports, business and travel news from home and the world")
    menu = "News Home Just In Australia World Business Sport Entertainment"
    _, hit = deb([menu, *ARTICLE])
    assert menu in hit
    assert not hit & set(ARTICLE)


def test_comment_headings_and_empty_notices_are_known_and_a_quote_about_comment_is_not() -> None:
    """A comment section's heading, count or empty notice standing alone is interface text."""
    from scrapelint.rules.deb import lexicon_kind

    for line in (
        "Reader's Comments",
        "20 Comments on this story",
        "There are no comments posted for this article.",
        "No comments at the moment.",
        "POST COMMENT | READ COMMENTS ( No comments posted. )",
    ):
        assert lexicon_kind(line) == "ui", line
    for line in ("No comment from the minister", "Readers comment on tax plans"):
        assert lexicon_kind(line) is None, line


def test_story_list_behind_a_heading_of_one_word_is_found() -> None:
    """The list may open with a one-word section heading ("World »") after the tools bar."""
    _, hit = deb([*ARTICLE, *TOOLS, "World »", *STORIES])
    assert set(STORIES) <= hit
    assert not hit & set(ARTICLE)


def test_a_page_without_a_body_is_analysed() -> None:
    """A short page where no body is found: every line is looked at, none past the last."""
    text = "Skip to main content\n\nA calm day in the town."
    findings = lint_text(text, select=["DEB"])
    assert not [f for f in findings if f.rule.startswith("ERR")]
    assert "Skip to main content" in flagged_lines(text, findings)
