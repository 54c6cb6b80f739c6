"""DEB009: a reader-comment thread is one finding, found by its structure, and its fix keeps the article."""

from __future__ import annotations

import pytest

from scrapelint.fix import apply_fixes

from .conftest import lint_text
from .test_deb import PARAGRAPHS, article

WORDPRESS = (
    "34 thoughts on “Council passes budget after long debate”",
    "gunner1987 says:",
    "November 19, 2019 at 6:34 am",
    "The roads in the north have needed this money for years, good news at last.",
    "Reply",
    "Maria L. says:",
    "November 19, 2019 at 7:02 am",
    "I doubt the second vote will be as easy as the mayor thinks it will be.",
    "Reply",
    "Leave a Reply",
    "You must be logged in to post a comment.",
)


def threads(text: str) -> list:
    return [f for f in lint_text(text, select=["DEB"]) if f.rule == "DEB009"]


def test_a_thread_is_one_finding_and_its_safe_fix_keeps_the_article() -> None:
    text = article(after=WORDPRESS)
    found = threads(text)
    assert [text[f.start : f.end] for f in found] == ["\n\n".join(WORDPRESS)]
    assert "2 comments" in found[0].message
    fixed, _, _ = apply_fixes(text, [f.fix for f in found if f.fix and f.fix.applicability == "safe"])
    assert fixed == article()


def test_a_thread_without_a_heading_in_another_language_is_found_by_its_structure() -> None:
    thread = (
        "Evi",
        "19. Juni 2019 / 17:29",
        "Liebe Martina, das ist eine sehr edle und schicke Handtasche, ein besonderes Stück.",
        "Antworten",
        "Martina Berg",
        "19. Juni 2019 / 19:02",
        "Liebe Evi, danke für Deine charmante Rückmeldung und einen schönen Abend.",
        "Antworten",
    )
    text = article(after=thread)
    assert [text[f.start : f.end] for f in threads(text)] == ["\n\n".join(thread)]  # from the first name on


def test_dated_lines_of_the_article_are_no_thread() -> None:
    # a live blog's entries and a dateline: timestamps with text between them, inside the article's start
    entries = ("10:02 am", PARAGRAPHS[0], "10:45 am", PARAGRAPHS[1], "11:30 am", PARAGRAPHS[2])
    text = "\n\n".join(["Budget vote: live", "By Jane Doe", "March 5, 2024", *entries, PARAGRAPHS[3]])
    assert threads(text) == []
    assert threads(article()) == []


def test_a_programmes_air_dates_under_its_short_intro_are_no_thread() -> None:
    # a broadcaster's page: a one-line intro, then the programme's air date over its text and the date it is
    # available until; timestamps with text between, but the article has said nothing yet above the first
    intro = "Consumer affairs: the dubious trade in dietary supplements, and who profits from the hope it sells."
    text = "\n\n".join(
        [
            intro,
            "16.10.2019 Consumer affairs ∙ Channel Two",
            "Dubious sellers promise help with sleeping problems, joint pain, high cholesterol and even cancer. "
            "Reporters followed the money behind the pills and asked doctors what the pills really do.",
            "Available until:",
            "14.10.2020 ∙ 14:00",
            "More from the programme",
            "The silent summer: why are the insects dying out?",
            "Privacy Policy",
            "Terms of Use",
            "Contact Us",
            "Channel Two is the public broadcaster of the south-west and is funded by the licence fee that every "
            "household in the region pays, whether or not it watches.",
        ]
    )
    assert threads(text) == []


def test_two_bare_timestamps_get_an_unsafe_fix_and_a_signed_thread_a_safe_one() -> None:
    # two dates with text between and no name, button or form: maybe the article's own dated entries, so the
    # finding stands but `fix` (safe fixes only) keeps the text; the same comments signed by their authors go
    dated = (
        "November 19, 2019 at 6:34 am",
        "Good news for the roads at last.",
        "November 19, 2019 at 7:02 am",
        "I doubt the second vote will pass.",
    )
    text = article(after=dated)
    [found] = threads(text)
    assert found.fix is not None and found.fix.applicability == "unsafe"
    assert "only timestamps mark them" in found.message
    fixed, _, _ = apply_fixes(text, [f.fix for f in threads(text) if f.fix and f.fix.applicability == "safe"])
    assert fixed == text
    signed = (dated[0], "gunner1987 says:", dated[1], "Reply", dated[2], "Maria L. says:", dated[3], "Reply")
    [found] = threads(article(after=signed))
    assert found.fix is not None and found.fix.applicability == "safe"


def test_a_quote_box_under_a_comments_heading_inside_the_article_gets_no_safe_fix() -> None:
    # BBC's "HAVE YOUR SAY" box: one reader's quote inside the article, which goes on under it
    box = ("HAVE YOUR SAY", "Finally some common sense is surfacing after years of darkness", "Sal, NYC")
    before = tuple(
        f"{sentence} It was the longest session of the year. ({n})" for n in range(2) for sentence in PARAGRAPHS
    )
    text = "\n\n".join([*before, *box, *PARAGRAPHS[:3], "E-mail this to a friend"])
    found = threads(text)
    assert found and all(f.fix is not None and f.fix.applicability == "unsafe" for f in found)
    assert "check before removing" in found[0].message


def test_a_comment_section_ends_at_the_page_furniture() -> None:
    # comments without names or dates under a heading, then the footer, then a list of other stories: the stories
    # are headlines, not more comments with a safe fix; the unsigned comments are left for the user to check
    said = "I think the council got this right, and I said so at the meeting last week."
    comments = tuple(f"{paragraph} {said} ({n})" for n, paragraph in enumerate(PARAGRAPHS))
    stories = ("Mayor opens the new bridge", "Storm closes schools in the north", "Hospital wins national award")
    text = "\n\n".join([*PARAGRAPHS, "Comments", *comments, "Privacy Policy", *stories])
    found = lint_text(text, select=["DEB"])
    [thread] = [f for f in found if f.rule == "DEB009"]
    assert text[thread.start : thread.end].startswith("Comments") and "Privacy" not in text[thread.start : thread.end]
    assert thread.fix is not None and thread.fix.applicability == "unsafe"
    [listed] = [f for f in found if "Mayor opens" in text[f.start : f.end]]
    assert listed.rule == "DEB004" and text[listed.start : listed.end] == "\n\n".join(stories)


def test_a_threads_lines_are_reported_once_by_deb009_not_again_as_menus_or_headlines() -> None:
    # the commenter's name, date and text read as a headline list, its "Reply" as a button: one finding, the thread
    thread = (
        "3 thoughts on “Lemon drizzle cake”",
        "Anna says:",
        "March 6, 2024 at 8:12 am",
        "Made this yesterday and it was gone in an hour!",
        "Reply",
        "Claire says:",
        "March 6, 2024 at 9:30 am",
        "So glad you liked it, Anna!",
        "Reply",
        "Leave a Reply Cancel reply",
    )
    text = article(after=("Share this:", "Twitter", "Facebook", *thread))
    found = lint_text(text, select=["DEB"])
    [comments] = [f for f in found if f.rule == "DEB009"]
    others = [f for f in found if f.rule != "DEB009"]
    assert not any(f.start < comments.end and f.end > comments.start for f in others)
    assert any("Share this:" in text[f.start : f.end] for f in others)


def test_dates_passed_in_code_are_no_comment_stamps() -> None:
    # a tutorial's REPL session: two lines holding a date with its output between read as a dated thread
    session = (
        "Testing it",
        "A quick check in the REPL:",
        '>>> parse_date("Feb 29, 2024")',
        "datetime.datetime(2024, 2, 29, 0, 0)",
        '>>> parse_date("31.12.1999").year',
        "1999",
        "Summary",
        "List the formats you expect.",
    )
    assert threads(article(after=session)) == []


def test_comments_close_under_a_dated_article_are_found_and_a_dated_header_names_its_writer() -> None:
    """A condolence book under a short notice: the notice's date stands a few lines above the first comment,
    which once pulled the comments into a group "above the body" and hid them. "X schrieb am <date>:" names
    the writer, so the thread's fix is safe; the notice stays."""
    notice = [
        "Hans-Jürgen Roth",
        "12. März 1941 - 1. Oktober 2024",
        "Wir nehmen Abschied von unserem lieben Vater, der nach langer Krankheit friedlich eingeschlafen ist.",
        "Die Trauerfeier findet am Freitag, den 11. Oktober 2024, um 14 Uhr auf dem Pragfriedhof statt.",
    ]
    book = [
        "Kondolenzbuch",
        "Gisela M. schrieb am 06.10.2024:",
        "Liebe Ingrid, in Gedanken bin ich bei euch und wünsche euch viel Kraft.",
        "Familie Roth schrieb am 07.10.2024:",
        "Wir werden Hans-Jürgen als fröhlichen Nachbarn in guter Erinnerung behalten.",
    ]
    text = "\n".join([*notice, *book, "Teilen", "Impressum", "Datenschutz"])
    [found] = threads(text)
    assert found.fix is not None and found.fix.applicability == "safe"
    assert "Gisela M. schrieb am 06.10.2024:" in text[found.start : found.end]
    fixed, _, _ = apply_fixes(text, [found.fix])
    assert all(line in fixed for line in notice) and "Gisela" not in fixed


@pytest.mark.parametrize(
    "stamp", ["3 ore fa", "2 dni temu", "5 uur geleden", "för 2 timmar sedan", "3 saat önce", "před 2 dny", "2h trước"]
)
def test_how_long_ago_a_comment_was_posted_is_its_timestamp_in_more_languages(stamp: str) -> None:
    from scrapelint.rules.deb.threads import anchor

    assert anchor(f"Marco {stamp}", 3) == "stamp"
    assert anchor(stamp, 3) == "stamp"


def test_a_qa_sites_answers_are_no_comment_thread() -> None:
    """Answers each signed "answered <date>" with their Share and "Add a comment" buttons: a Q&A page's content;
    the safe fix of a "thread" deleted the second answer (a red-team StackExchange page)."""
    question = [
        "How do I keep a sourdough starter alive while on holiday for three weeks?",
        "Asked 2 years, 3 months ago",
        "I'm going away for three weeks in August and nobody can feed my starter. Can I put it in the fridge, or "
        "will it die while I am away? I have read that you can dry it, but that sounds like a lot of work.",
    ]
    answers = []
    for number, (name, text) in enumerate(
        [
            ("Jolenealaska", "Feed it, let it sit for an hour, then put it in the fridge in a jar with a loose lid."),
            ("Tom W", "A stiffer starter lasts longer in the fridge, so feed it at half hydration before you go."),
        ]
    ):
        answers += [str(31 - number), text, "Share", "Improve this answer", "Follow"]
        answers += [f"answered Jul {28 + number}, 2022 at 19:02", name, "Add a comment"]
    text = "\n".join([*question, "2 Answers", *answers, "Your Answer", "Post Your Answer"])
    assert threads(text) == []


def test_prices_in_a_councils_minutes_are_no_comment_timestamps() -> None:
    """A payments list ("hire of hall – £18.00") read as clock times, and parish-council minutes as a comment
    thread (red-team round 3)."""
    from scrapelint.rules.deb.threads import anchor

    assert anchor("Kettleby Village Hall – hire of hall – £18.00", 8) is None
    assert anchor("E.ON – street lighting – €96.34", 6) is None
    assert anchor("Posted at 18.00", 3) == "stamp"


def test_a_thread_starts_at_its_first_commenters_name_and_ends_at_its_last_reply_button() -> None:
    """Each comment's name over its timestamp: the first name was left in the body, and the box after the last
    "Reply" went with the thread (red-team round 3)."""
    thread = [
        "Marko",
        "15.11.2024. 18:42",
        "Finally! We have been waiting ten years for this line.",
        "Reply",
        "Dragana",
        "15.11.2024. 19:05",
        "And what about the line to Borča, when does that one open?",
        "Reply",
    ]
    text = article(after=("Comments (2)", *thread, "Most read", "Weather: snow is coming to Serbia this weekend"))
    [found] = threads(text)
    assert text[found.start : found.end] == "\n\n".join(["Comments (2)", *thread])


def test_comments_without_dates_each_ending_in_a_reply_button_are_a_thread() -> None:
    """A Swiss portal's comments carry no date: a name, the comment, "Antworten", under "Kommentare (87)". They
    were only part of an unsafe block of furniture (red-team round 3)."""
    section = [
        "Kommentare (87)",
        "Hansueli",
        "Endlich! Das hätte man schon vor zwanzig Jahren machen sollen.",
        "Antworten",
        "Zürcher",
        "Und wer zahlt das? Wir Steuerzahler natürlich.",
        "Antworten",
    ]
    text = article(after=(*section, "Datenschutz", "Impressum"))
    [found] = threads(text)
    assert text[found.start : found.end] == "\n\n".join(section)
    assert found.fix is not None and found.fix.applicability == "safe"
