"""The DEB rules that report the lines the shared analysis labelled, and the fix that removes whole lines."""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from html.entities import html5
from itertools import groupby

from scrapelint.document import Document
from scrapelint.models import Finding, Severity
from scrapelint.rule import Rule
from scrapelint.rules.deb.body import Analysis, analyse
from scrapelint.rules.deb.lexicons import warm as warm_lexicon
from scrapelint.rules.deb.lines import Line, line_deletion
from scrapelint.rules.deb.markup import _inline_markup
from scrapelint.rules.deb.notices import FAMILIES, line_notice
from scrapelint.rules.deb.notices import warm as warm_notices
from scrapelint.rules.deb.threads import thread_lines

# -- the rules ----------------------------------------------------------------------

MESSAGES = {
    "ui": "interface text ({what}) is page furniture, not article text",
    "consent": "a cookie, consent, newsletter or paywall box was scraped into the body",
    "ad": "an advertising or sponsored-content marker is not article text",
    "credit": "a photo credit standing alone, without its picture, is debris",
    "meta": "a metadata line ({what}) belongs in the record's fields, not in the body",
    "code": "leftover script, style or template code ({what}) is not article text",
    "furniture": "{count} line(s) outside the article's main body look like a menu, footer or widget",
    "comments": "{count} line(s) of reader comments follow the article's end",
    "headlines": "{count} headline-like line(s) outside the article's main body are links to other articles",
    "teaser": "a teaser of another article ({what}) follows the end of this one",
    "notice": "{family} ({what}) is the site's furniture, not article text",
}


def runs_outside_threads(analysis: Analysis, kinds: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """`analysis.runs(kinds)` less the lines of reader-comment threads: DEB009 reports a thread once, whatever
    its lines look like (a "Reply" button, a commenter's name that reads as a headline)."""
    in_thread = thread_lines(analysis)
    for first, last in analysis.runs(kinds):
        if not in_thread:  # (most pages: no thread, every run whole)
            yield first, last
            continue
        kept = [index for index in range(first, last + 1) if index not in in_thread]
        for _, stretch in groupby(enumerate(kept), lambda pair: pair[1] - pair[0]):  # consecutive indices
            indices = [index for _, index in stretch]
            yield indices[0], indices[-1]


class _LineKindRule(Rule):
    """Reports runs of consecutive lines that the shared analysis gave one of `kinds`."""

    kinds: tuple[str, ...] = ()
    safe_kinds: tuple[str, ...] = ()

    def check(self, doc: Document) -> Iterable[Finding]:
        analysis = analyse(doc)
        for first, last in runs_outside_threads(analysis, self.kinds):
            run = analysis.lines[first : last + 1]
            if len(run) == 1 or all(line.kind != "notice" for line in run):
                yield self._report(doc, run)
                continue
            # a notice is reported with its family, apart from the menu beside it, whose fix may be safe
            for _notice, part in groupby(run, lambda line: line.kind == "notice"):
                yield self._report(doc, list(part))

    def warm(self) -> None:
        """Before `--jobs` forks (engine.warm_up): the lexicon's alternations and the notices' patterns, shared
        by the workers."""
        warm_lexicon()
        warm_notices()

    def _report(self, doc: Document, run: list[Line]) -> Finding:
        kinds = {line.kind or "" for line in run}
        kind = kinds.pop() if len(kinds) == 1 else "furniture"
        start, end = run[0].start, run[-1].end
        what = run[0].text if len(run[0].text) <= 60 else run[0].text[:57] + "…"
        more = f" and {len(run) - 1} more line{'s' if len(run) > 2 else ''}" if len(run) > 1 else ""
        family = FAMILIES.get(line_notice(run[0].text, run[0].words) or "", "a site notice") if kind == "notice" else ""
        message = MESSAGES[kind].format(what=f"“{what}”{more}", count=len(run), family=family)
        safe = all(line.kind in self.safe_kinds for line in run)
        fix_start, fix_end = line_deletion(doc.text, start, end)
        fix = self.replace(
            fix_start, fix_end, "", "safe" if safe else "unsafe", f"remove the {kind} line{'s' if len(run) > 1 else ''}"
        )
        return self.finding(doc, start, end, message + (" (safe to remove)" if safe else ""), fix=fix)


class NavigationText(_LineKindRule):
    code = "DEB001"
    name = "navigation-text"
    summary = "Menus, buttons, share bars, login prompts and footers scraped into the body."
    what = (
        "Reports lines that are interface text — 'Skip to main content', 'Share this', 'Print', 'Sign in', "
        "breadcrumbs, pagination, copyright footers — known from a lexicon (rules/data/debris_ui.txt), and runs "
        "of three or more lines around the article's main body (the longest run of prose paragraphs) that are "
        "not its headline, byline or dateline: menus, footers and widgets. Also notices a site writes as "
        "sentences, known by families of phrases per language (rules/data/debris_notices*.txt): author boxes, "
        "newsletter and follow prompts, licence, liability and affiliate notices, comment-form and privacy text."
    )
    why = (
        "A reader never sees these strings as part of the story; left in, they pollute search indexes, "
        "summaries and training data, and they repeat on every page of a site."
    )
    example = (
        "Skip to main content\\n\\nStalin's legacy\\n\\nBy Harsh Thakor\\n\\nWe commemorate ...  -> line 1 reported"
    )
    fixable = "sometimes"
    kinds = ("ui", "furniture", "notice")  # comment sections: DEB009 (rules/deb/threads.py)
    safe_kinds = ("ui",)


class ConsentBox(_LineKindRule):
    code = "DEB002"
    name = "consent-box"
    summary = "Cookie/consent banners, newsletter sign-ups and paywall notices in the body."
    what = (
        "Reports lines carrying a cookie or consent banner ('We use cookies… I agree'), a newsletter box "
        "('Sign up for our newsletter'), or a paywall notice ('You have reached your limit of free articles'), "
        "from the patterns in rules/data/debris_consent.txt."
    )
    why = "Overlays and boxes are page chrome; scraped into the text they read as if the author wrote them."
    example = "We use cookies to improve your experience. By continuing you agree to our cookie policy. I agree"
    fixable = "safe"
    kinds = ("consent",)
    safe_kinds = ("consent",)


class AdMarker(_LineKindRule):
    code = "DEB003"
    name = "ad-marker"
    summary = "'Advertisement', 'Sponsored' markers and photo credits standing alone."
    what = (
        "Reports lines that only mark an ad slot or sponsored content ('Advertisement', 'Story continues below "
        "advertisement', 'Sponsored by …') and credit lines left without their picture ('Photo: AFP', "
        "'Jane Doe/Getty Images'), from rules/data/debris_ads.txt."
    )
    why = "The ad or the picture did not survive the scrape; the label that announced it is noise in the text."
    example = "The minister resigned on Monday.\\nAdvertisement\\nHer successor ...  -> 'Advertisement' reported"
    fixable = "sometimes"
    kinds = ("ad", "credit")
    safe_kinds = ("ad",)


class OtherArticleTeaser(Rule):
    code = "DEB004"
    name = "other-article-teaser"
    summary = "Titles and leads of other articles glued after the article's end, and headline lists."
    what = (
        "Reports, one finding per teaser, the block after the article's real end where a title-like line is "
        "followed by a 'By <author>' lead, more than once (several articles glued together), and runs of "
        "headline-like lines around the main body (related, most-read and latest-news lists)."
    )
    why = (
        "Teasers make one article look like several: summaries, word counts, deduplication and topic models "
        "all go wrong, and the cut-off leads end mid-sentence."
    )
    example = (
        "...Harsh Thakor is a freelance journalist.\\n\\nMisleading ads 'manipulate, seduce, lure'\\n\\n"
        "By Our Representative  The Nutrition Advocacy ...  -> the title and its lead reported"
    )
    fixable = "sometimes"

    def check(self, doc: Document) -> Iterable[Finding]:
        analysis = analyse(doc)
        lines, text = analysis.lines, doc.text
        cuts = [line_deletion(text, lines[first].start, lines[last].end) for first, last in analysis.teasers]
        if cuts and cuts[-1][1] == len(text):
            # the block runs to the end: cut from the end of the article, one teaser after another, no overlap
            head = len(text[: lines[analysis.teasers[0][0]].start].rstrip())
            starts = [head] + [lines[first].start for first, _ in analysis.teasers[1:]]
            final = len(text) - (1 if text.endswith("\n") and head else 0)
            cuts = list(zip(starts, [*starts[1:], final], strict=False))
        for number, (first, last) in enumerate(analysis.teasers):
            start, end = lines[first].start, lines[last].end
            title = lines[first].text if len(lines[first].text) <= 60 else lines[first].text[:57] + "…"
            fix_start, fix_end = cuts[number]
            yield self.finding(
                doc,
                start,
                end,
                f"teaser {number + 1} of {len(analysis.teasers)} of other articles after this article's end "
                f"(“{title}”): a headline and a 'By <author>' lead belong to another article",
                fix=self.replace(fix_start, fix_end, "", "safe", "remove the teaser"),
            )
        for first, last in runs_outside_threads(analysis, ("headlines",)):
            start, end = lines[first].start, lines[last].end
            fix_start, fix_end = line_deletion(text, start, end)
            yield self.finding(
                doc,
                start,
                end,
                MESSAGES["headlines"].format(count=last - first + 1),
                fix=self.replace(fix_start, fix_end, "", "unsafe", "remove the headline list"),
            )


class TruncatedParagraph(Rule):
    code = "DEB005"
    name = "truncated-paragraph"
    summary = "A paragraph cut off mid-sentence, or ending in '…' / 'Read more' as a teaser cut."
    what = (
        "Reports the unfinished last sentence of a paragraph that stops without punctuation at the end of the "
        "article's body or of a teaser ('The low price to farmer'), or that ends in an ellipsis or 'Read more'."
    )
    why = "A sentence that stops in the middle misinforms the reader and marks a scrape that lost text."
    example = "... sold for Rs 56-60 per litre, the leaders noted. The low price to farmer  -> last sentence reported"
    severity = Severity.warning
    fixable = "unsafe"

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        for start, end, in_teaser in analyse(doc).truncated:
            fragment = text[start:end]
            shown = fragment if len(fragment) <= 50 else "…" + fragment[-47:]
            where = "a teaser of another article" if in_teaser else "the paragraph"
            fix = None
            if not in_teaser:
                fix = self.delete(text, start, end, "unsafe", "remove the unfinished sentence")
            yield self.finding(doc, start, end, f"{where} stops mid-sentence (“{shown}”): text was cut", fix=fix)


class LeftoverMarkup(Rule):
    code = "DEB006"
    name = "leftover-markup"
    summary = "HTML tags and entities, template placeholders and script/style code left in the text."
    what = (
        "Reports HTML tags (<br>, <p class=...>), undecoded entities (&nbsp;, &amp;, &#8217;), template "
        "placeholders ({{title}}, ${name}, [object Object], NaN) and whole lines of JavaScript, CSS or JSON."
    )
    why = "Markup is how the page was built, not what it says; readers and models see it as garbage."
    example = "Prices rose&nbsp;3% <br> in May.  -> '&nbsp;' (fix: decode) and '<br>' reported"
    fixable = "sometimes"

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        analysis = analyse(doc)
        code_lines = [line for first, last in analysis.runs(("code",)) for line in analysis.lines[first : last + 1]]
        for line in code_lines:
            fix_start, fix_end = line_deletion(text, line.start, line.end)
            yield self.finding(
                doc,
                line.start,
                line.end,
                MESSAGES["code"].format(what=f"“{line.text[:40]}”"),
                fix=self.replace(fix_start, fix_end, "", "unsafe", "remove the code line"),
            )
        inside = iter(code_lines)
        current = next(inside, None)
        for match in _inline_markup(text):
            while current is not None and current.end < match.start():
                current = next(inside, None)
            if current is not None and current.start <= match.start() < current.end:
                continue  # already reported as a code line
            start, end = match.span()
            token = match.group()
            if match.lastgroup == "entity":
                decoded = html.unescape(token)
                if decoded == token or (token[1:] not in html5 and not token.startswith("&#")):
                    continue
                shown = "a space" if decoded == "\u00a0" else f"“{decoded}”"
                yield self.finding(
                    doc,
                    start,
                    end,
                    f"undecoded HTML entity {token} was meant to be {shown}",
                    fix=self.replace(start, end, decoded, "safe", f"decode {token}"),
                )
            elif match.lastgroup == "tag":
                yield self.finding(
                    doc,
                    start,
                    end,
                    f"HTML tag {token[:40]} left in the text",
                    fix=self.delete(text, start, end, "unsafe", "remove the tag"),
                )
            else:
                yield self.finding(doc, start, end, f"template placeholder or script value {token} was never filled in")


class MetadataLine(_LineKindRule):
    code = "DEB007"
    name = "metadata-line"
    summary = "'First Published:', 'Updated:', 'Tags:', 'Filed under:' lines inside the body."
    what = (
        "Reports lines that are page metadata — publication and update stamps, tag and category lists, "
        "reading-time notes — from rules/data/debris_meta.txt. A dateline right under the headline is kept."
    )
    why = "Metadata belongs in the record's own fields; in the body it breaks the text and repeats the fields."
    example = "First Published: March 5, 2024 10:12 IST Related Tags: Stalin, USSR  -> reported"
    fixable = "unsafe"
    kinds = ("meta",)
