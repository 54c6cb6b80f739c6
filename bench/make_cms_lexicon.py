"""Write DEB's CMS lexicons from WordPress's and MediaWiki's own translation files, in the languages they ship.

Why: the page furniture a CMS prints around an article ("Leave a Reply", "Cancel reply", "Post Comment",
"Recent Posts") is worded by the CMS's translators, so their catalogues name it in each language exactly
as it appears on the page, on sites and in languages no dev page shows. The English msgids below are
chosen by what they are (reader-visible front-end text of WordPress core: the comment form, post and
comment navigation, widget titles, the Meta widget), never by the dev pages.

Source: Debian's `wordpress-l10n` (6.1.9+dfsg1-0+deb12u1, bookworm), WordPress core's `<locale>.mo`
catalogues in /usr/share/wordpress/wp-content/languages (63 locales; the front-end domain, without
`admin-*` and `continents-cities-*`). Get them with:

    apt-get download wordpress-l10n && dpkg-deb -x wordpress-l10n_*_all.deb /tmp/wpl10n/x
    python bench/make_cms_lexicon.py /tmp/wpl10n/x/usr/share/wordpress/wp-content/languages

Writes (deterministically: the same catalogues give the same bytes)
- rules/data/debris_ui.wordpress.txt: whole-line interface text of two words or more (DEB's "ui" kind);
- rules/data/debris_ui_weak.wordpress.txt: one-word buttons and widget titles that are also headings
  ("Archive", "Kategorien", "Suchen"): reported only off the body or next to other debris;
- the block at the end of rules/data/comment_threads.txt between the markers below: the verbs of the
  comment header "%s says:" ("sagt", "säger") and the "Reply" button under each comment, for DEB009.
A translation the hand-written weak lexicons already hold stays weak.

With `--mediawiki /usr/share/mediawiki` (Debian's `mediawiki` 1:1.39.17-1+deb12u2: `apt-get download
mediawiki && dpkg-deb -x mediawiki_*_all.deb /tmp/mw`, then /tmp/mw/usr/share/mediawiki) it also writes
rules/data/debris_ui.mediawiki.txt and debris_ui_weak.mediawiki.txt: a wiki page's skin and footer ("Jump
to navigation", "Printable version", 'Retrieved from "..."', "This page was last edited on ..."), from
MediaWiki core's and the Vector skin's i18n JSON, in the languages WordPress ships (the same ~60, not
MediaWiki's 500: the lexicon merges all languages, and each one more is one more chance to collide).
"""

from __future__ import annotations

import argparse
import gettext
import html
import json
import re
from collections.abc import Iterator
from itertools import groupby, product
from pathlib import Path

from scrapelint.rules.deb.lexicons import normalise  # the lexicon's own normalisation
from scrapelint.rules.lexicon import alternation, sections

DATA = Path(__file__).resolve().parents[1] / "rules" / "data"
PACKAGE = "wordpress-l10n 6.1.9+dfsg1-0+deb12u1 (Debian bookworm)"
MW_PACKAGE = "mediawiki 1:1.39.17-1+deb12u2 (Debian bookworm)"

# Whole-line interface text: the comment form, comment and post navigation, widget titles, the Meta widget.
STRONG = (
    # the comment form and the comment list's heading
    "Leave a Reply",
    "Leave a Comment",
    "Leave a comment",
    "Cancel reply",
    "Click here to cancel reply.",
    "Post Comment",
    "Submit Comment",
    "Your Comment",
    "Your email address will not be published.",
    "Mail (will not be published)",
    "Required fields are marked %s",
    "Your comment is awaiting moderation.",
    "Comments are closed.",
    "Sorry, comments are closed for this item.",
    "No Comments",
    "No comments yet.",
    "1 Comment",
    "% Comments",
    "Leave a Reply to %s",
    "One Response to %2$s",
    "Log in to Reply",
    "Log in to leave a Comment",
    'You must be <a href="%s">logged in</a> to post a comment.',
    "Sorry, you must be logged in to post a comment.",
    "Enter your password to view comments.",
    "This post is password protected. Enter the password to view comments.",
    "Show more comments",
    "Comments Off",
    'Comments Off<span class="screen-reader-text"> on %s</span>',
    "One response to %s",
    "One Response to %s",
    "Pingback:",
    # navigation between posts, pages and comment pages
    "Previous Post",
    "Next Post",
    "&laquo; Older Comments",
    "Newer Comments &raquo;",
    "&laquo; Previous Page",
    "Next Page &raquo;",
    "Previous page",
    "Next page",
    "&laquo; Older Posts",
    "Older Posts &raquo;",
    "&laquo; Newer Posts",
    "Newer Posts &raquo;",
    "Older posts",
    "Newer posts",
    "Continue reading %s",
    "Read more",
    "Read more...",
    "(more&hellip;)",
    "(more...)",
    "Filed under:",
    # widget titles and the Meta widget's links
    "Recent Posts",
    "Recent Comments",
    "Tag Cloud",
    "label\x04Search for:",
    'Entries <abbr title="Really Simple Syndication">RSS</abbr>',
    'Comments <abbr title="Really Simple Syndication">RSS</abbr>',
    "Entries (RSS)",
    "Comments (RSS)",
    "Comments Feed",
    "Powered by WordPress",
    'Valid <abbr title="eXtensible HyperText Markup Language">XHTML</abbr>',
    "Lost your password?",
    "Save my name, email, and website in this browser for the next time I comment.",  # (WordPress 4.9.6)
)

# Lines WordPress's comment form prints as one block of text: the heading with its cancel link
# (`<h3>Leave a Reply <small><a>Cancel reply</a></small></h3>`) and the notes above the fields.
JOINED = (
    ("Leave a Reply", "Cancel reply"),
    ("Leave a Comment", "Cancel reply"),
    ("Leave a comment", "Cancel reply"),
    ("Leave a Reply to %s", "Cancel reply"),
    ("Your email address will not be published.", "Required fields are marked %s"),
)

# One-word buttons and widget titles: words of ordinary prose and headings too ("Archive", "Meta").
WEAK = (
    "Archives",
    "Categories",
    "Meta",
    "Search",
    "submit button\x04Search",
    "Reply",
    "Comments",
    "Calendar",
    "Blogroll",
    "Log in",
    "Log In",
    "Log out",
    "Log Out",
    "Register",
    "meta widget link text\x04WordPress.org",
)  # (not the comment form's field labels "Name", "Email", "Website": "Web", "Nom" are words of menus and prose,
#   and on L3S's tune half they cost 4 menu lines found, for none gained)

# A wiki page's skin and footer (MediaWiki core and the Vector skin): message keys, kind by what they are.
MW_STRONG = (
    "vector-jumptonavigation",  # Jump to navigation
    "vector-jumptosearch",  # Jump to search
    "vector-jumptocontent",  # Jump to content
    "jumpto",  # Jump to:
    "printableversion",  # Printable version
    "permalink",  # Permanent link
    "whatlinkshere",  # What links here
    "recentchangeslinked-toolbox",  # Related changes
    "specialpages",  # Special pages
    "pageinfo-toolboxlink",  # Page information
    "otherlanguages",  # In other languages
    "personaltools",  # Personal tools
    "notloggedin",  # Not logged in
    "nav-login-createaccount",  # Log in / create account
    "vector-view-history",  # View history
    "viewsource",  # View source
    "randompage",  # Random page
    "mainpage-description",  # Main page
    "privacy",  # Privacy policy
    "retrievedfrom",  # Retrieved from "$1"
    "lastmodifiedat",  # This page was last edited on $1, at $2.
)
MW_WEAK = (
    "navigation",  # Navigation
    "toolbox",  # Tools
    "vector-view-edit",  # Edit
    "vector-view-view",  # Read
    "talk",  # Discussion
    "namespaces",  # Namespaces
    "views",  # Views
    "vector-languages",  # Languages
    "disclaimers",  # Disclaimers
    "createaccount",  # Create account: also a step of a how-to
    "recentchanges",  # Recent changes: also a heading of a changelog
    "currentevents",  # Current events: also a section heading
)  # (not "toc", Contents: a table of contents is the article's own structure)

ACTIONS = ("Reply", "Log in to Reply")  # the buttons under each comment, for DEB009
SAYS = ('%s <span class="says">says:</span>', '<cite class="fn">%s</cite> <span class="says">says:</span>')
BEGIN = "# -- from WordPress core's translations (bench/make_cms_lexicon.py): the comment header's verb"
END = "# -- end of bench/make_cms_lexicon.py's block"

_TAG = re.compile(r"<[^>]*>")
_NO_SPACES = re.compile(r"[\u0e00-\u0e7f\u1000-\u109f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # Thai, Burmese, CJK


def catalogues(folder: Path) -> Iterator[tuple[str, dict[object, str]]]:
    """(locale, catalogue) of each front-end catalogue, in name order."""
    for path in sorted(folder.glob("*.mo")):
        if path.name.startswith(("admin-", "continents-cities-")):
            continue
        with path.open("rb") as handle:
            yield path.stem, gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]


def translations(catalogue: dict[object, str], msgid: str) -> list[str]:
    """Every form of msgid's translation (each plural form), empty when the catalogue lacks it."""
    found = [text for key, text in catalogue.items() if key == msgid or (isinstance(key, tuple) and key[0] == msgid)]
    return [text for text in found if text]


def plain(text: str) -> str:
    """The text a reader sees: tags dropped, entities decoded, normalised as the lexicon normalises."""
    text = _TAG.sub("", text).replace("&amp;", "&")
    return normalise(html.unescape(text)).rstrip(".!:")


def one_word(text: str) -> bool:
    """A word of prose in its language: no space in a script that writes spaces, or two signs in one that does not."""
    return " " not in text and (_NO_SPACES.search(text) is None or len(text) <= 2)


def entry(msgid: str, text: str) -> str | None:
    """The lexicon line of one translation: the plain text, or a `re:` pattern where a placeholder stands."""
    if msgid == "Required fields are marked %s":
        text = text.replace("%s", "*")  # WordPress fills in the asterisk, which normalise trims
    shown = plain(text)
    if not shown or shown.startswith(("#", "re:", "cs:")) or "%%" in shown:
        return None
    count = msgid == "% Comments"  # "%" is the number of comments there, "%s" / "%2$s" / "$1" a name or a title
    parts = re.split(r"%" if count else r"%(?:\d+\$)?s|\$\d", shown)
    if len(parts) == 1:
        return None if "{{" in shown or "[[" in shown or "$" in shown else shown
    literal = " ".join(part.strip() for part in parts).strip()
    if (not parts[0] and not count) or len(parts) > 3 or re.search(r"[%$]|\{\{|\[\[", literal):
        return None  # a pattern opens with a literal or a count (rules/deb/firstchar.py), and holds no other markup
    if one_word(literal) and not count:
        return None  # "Freagair %s": one word and anything after it
    pattern = (r"\d+" if count else ".{1,120}").join(re.escape(part) for part in parts)
    return "re:" + pattern + ("[.!:]?" if parts[-1] else "")  # the line's closing stop, which `plain` dropped


def says_verb(text: str) -> str | None:
    """ "sagt" of '%s <span class="says">sagt:</span>': the verb after the name, or None (name after the verb)."""
    found = re.fullmatch(r'\s*%s\s*<span class="says">([^<%]+)</span>\s*', re.sub(r"</?cite[^>]*>", "", text))
    if found is None:
        return None
    verb = " ".join(html.unescape(found.group(1)).lower().split()).strip(" :：-")
    if len(verb) < 3 and verb.isascii():
        return None  # "di": a preposition in other languages, at the end of a line
    return verb or None


def is_weak(line: str, listed_weak: bool, hand_weak: set[str]) -> bool:
    """A title chosen as weak, a one-word translation, or a line the hand-written weak lexicons hold."""
    return listed_weak or (not line.startswith("re:") and (one_word(line) or line in hand_weak))


def existing_weak() -> set[str]:
    """The entries of the hand-written weak lexicons, normalised (a strong entry must not override them)."""
    seen: set[str] = set()
    for path in sorted(DATA.glob("debris_ui_weak*.txt")):
        if path.name in ("debris_ui_weak.wordpress.txt", "debris_ui_weak.mediawiki.txt"):
            continue
        for raw in path.read_text("utf-8").splitlines():
            if raw.strip() and not raw.startswith(("#", "re:", "cs:")):
                seen.add(normalise(raw).rstrip(".!:"))
    return seen


def header(
    kind: str, what: str = "WordPress core's front-end text in every language it ships", source: str = PACKAGE
) -> str:
    return (
        f"# {what} ({kind}); generated from\n"
        f"# {source} by bench/make_cms_lexicon.py: edit that script, not this file.\n"
    )


def build(folder: Path) -> tuple[list[str], list[str], list[str], list[str]]:
    """(strong entries, weak entries, says verbs, reply buttons), each sorted and without repeats."""
    strong: set[str] = set()
    weak: set[str] = set()
    verbs: set[str] = set()
    buttons: set[str] = set()
    hand_weak = existing_weak()
    english = {msgid: msgid.split("\x04")[-1] for msgid in (*STRONG, *WEAK)}
    for _locale, catalogue in catalogues(folder):
        for first, second in JOINED:
            for one, two in [
                *product(translations(catalogue, first), translations(catalogue, second)),
                (first, second),
            ]:
                if (line := entry(first if "%" in one else second, f"{one} {two}")) is not None:
                    strong.add(line)
        for msgid in (*STRONG, *WEAK):
            for text in [*translations(catalogue, msgid), english[msgid]]:
                line = entry(msgid, text)
                if line is None:
                    continue
                (weak if is_weak(line, msgid in WEAK, hand_weak) else strong).add(line)
        for text in [text for says in SAYS for text in translations(catalogue, says)]:
            if (verb := says_verb(text)) is not None:
                verbs.add(verb)
        for msgid in ACTIONS:
            buttons |= {line for text in translations(catalogue, msgid) if (line := entry(msgid, text))}
    weak -= strong  # a word both a title and part of a phrase elsewhere: the phrase decides nothing here
    weak -= {line for line in weak if line.startswith("re:")}
    return sorted(strong), sorted(weak), sorted(verbs), sorted(line for line in buttons if not line.startswith("re:"))


def mediawiki_messages(folder: Path, languages: set[str]) -> Iterator[tuple[str, str]]:
    """(key, text) of the chosen messages of MediaWiki core and the Vector skin, English and each language."""
    wanted = set(MW_STRONG) | set(MW_WEAK)
    for sub in ("languages/i18n", "skins/Vector/i18n"):
        for path in sorted((folder / sub).glob("*.json")):
            if path.stem != "en" and path.stem not in languages:
                continue
            messages = json.loads(path.read_text("utf-8"))
            for key in sorted(wanted & messages.keys()):
                if isinstance(messages[key], str) and messages[key].strip():
                    yield key, messages[key]


def mediawiki_codes(wordpress: Path) -> set[str]:
    """MediaWiki's codes of the languages WordPress ships ("de_DE" -> "de", "pt_BR" -> "pt-br", "zh_CN" -> "zh-hans")."""
    codes: set[str] = {"zh-hans", "zh-hant"}
    for locale, _catalogue in catalogues(wordpress):
        codes |= {locale.split("_")[0].lower(), locale.replace("_", "-").lower()}
    return codes


def build_mediawiki(folder: Path, wordpress: Path) -> tuple[list[str], list[str]]:
    """(strong entries, weak entries) of the wiki's skin and footer."""
    strong: set[str] = set()
    weak: set[str] = set()
    hand_weak = existing_weak()
    for key, text in mediawiki_messages(folder, mediawiki_codes(wordpress)):
        line = entry(key, text)
        if line is None:
            continue
        (weak if is_weak(line, key in MW_WEAK, hand_weak) else strong).add(line)
    return sorted(strong), sorted(line for line in weak - strong if not line.startswith("re:"))


def trie(words: list[str]) -> str:
    """One regex of the words, branching by leading characters ("a(?:ntworten|teb)|b(?:alas|ales)"): `re`
    tries an alternation's branches in turn, so ~170 flat words cost every short line ~170 failed tries,
    the trie a few (DEB009's anchors were 20% slower with the flat list)."""
    if "" in words:
        rest = trie([word for word in words if word])
        return f"(?:{rest})?" if rest else ""
    branches = []
    for first, group in groupby(sorted(words), key=lambda word: word[0]):
        tails = [word[1:] for word in group]
        head = re.escape(first).replace("\\ ", r"\s+") if first != " " else r"\s+"
        branches.append(head + (f"(?:{inner})" if "|" in (inner := trie(tails)) else inner) if tails != [""] else head)
    return "|".join(branches)


def write_threads(verbs: list[str], buttons: list[str]) -> None:
    """Replace (or append) the generated block at the end of comment_threads.txt."""
    path = DATA / "comment_threads.txt"
    text = path.read_text("utf-8")
    if BEGIN in text:
        text = text[: text.index(BEGIN)].rstrip("\n") + "\n"
    # only what the hand-written sections miss: every branch costs each short line a try
    path.write_text(text, "utf-8")  # the hand-written sections alone, read as DEB009 reads them
    known = {kind: alternation(patterns, re.IGNORECASE) for kind, patterns in sections(path).items()}
    verbs = [verb for verb in verbs if not known["says"].fullmatch(verb)]
    buttons = [button for button in buttons if not known["action"].fullmatch(button)]
    block = [
        "",
        BEGIN,
        f'# ("%s says:" in {PACKAGE}) and the reply button under each comment; generated, edit the script',
        "kind: says",
        f"(?:{trie(verbs)})" + r"\s*:?",
        "kind: action",
        f"(?:{trie(buttons)})",
        END,
    ]
    path.write_text(text + "\n".join(block) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("languages", type=Path, help="the folder of WordPress core's <locale>.mo files")
    parser.add_argument("--mediawiki", type=Path, help="MediaWiki's folder (/usr/share/mediawiki) for its lexicon")
    args = parser.parse_args()
    if args.mediawiki:
        mw_strong, mw_weak = build_mediawiki(args.mediawiki, args.languages)
        what = "A wiki page's skin and footer, MediaWiki core's and Vector's words in the languages WordPress ships"
        for name, kind, lines in (
            ("debris_ui.mediawiki.txt", "whole lines", mw_strong),
            ("debris_ui_weak.mediawiki.txt", "one-word titles, weak", mw_weak),
        ):
            (DATA / name).write_text(header(kind, what, MW_PACKAGE) + "\n".join(lines) + "\n", "utf-8")
        print(f"MediaWiki: {len(mw_strong)} whole lines, {len(mw_weak)} weak words")
    strong, weak, verbs, buttons = build(args.languages)
    (DATA / "debris_ui.wordpress.txt").write_text(header("whole lines") + "\n".join(strong) + "\n", "utf-8")
    (DATA / "debris_ui_weak.wordpress.txt").write_text(
        header("one-word buttons and titles, weak") + "\n".join(weak) + "\n", "utf-8"
    )
    write_threads(verbs, buttons)
    print(f"{len(strong)} whole lines, {len(weak)} weak words, {len(verbs)} 'says' verbs, {len(buttons)} reply buttons")


if __name__ == "__main__":
    main()
