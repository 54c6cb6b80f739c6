"""DEB009 comment-thread: reader comments scraped with the article, one finding per thread.

A thread is known by its structure, which is much the same in every language: a short header line
again and again ("jdoe says:", "Posted by nolasad on 01/13/08 at 12:02PM", "Comment by Dawn — January 7,
2008 @ 8:21 pm"), a timestamp ("November 19, 2019 at 6:34 am", "3 hours ago", "vor 2 Tagen"), the
comment's text, its buttons and counts ("Reply", "12 Likes"), and the form around it ("Leave a Reply").
The words of headers, timestamps and buttons come per language from rules/data/comment_threads.txt;
what makes a thread is two or more headers at a comment's distance from each other with text between,
after the article's body has begun. The comment sections that DEB's analysis finds under a heading
("Comments (14)") are threads too, and are reported here, not as navigation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from scrapelint.document import Document
from scrapelint.models import Finding
from scrapelint.rule import Rule
from scrapelint.rules.deb.body import Analysis, analyse
from scrapelint.rules.deb.lexicons import DATA, lexicon, normalise
from scrapelint.rules.deb.lines import Line, line_deletion
from scrapelint.rules.lexicon import alternation
from scrapelint.rules.lexicon import sections as data_sections
from scrapelint.rules.structure import sentence_like, string_in_code

_MAX_GAP = 8  # lines of comment text between two headers
_ANSWERED = re.compile(
    r"(?:answered|asked|beantwortet|gefragt|respondida|respondido|répondu|risposto)\b", re.IGNORECASE
)
_LEAD_WORDS = 60  # words of the body's prose above its first comment: an article says something before comments
_HEADER_WORDS = 16  # a header or timestamp is a short line
# a clock time, not a race time or a score ("2:28,29", "1:23.45"), a date ("19.05.2007") or a price ("£18.00")
_TIME = re.compile(
    r"(?<![£$€¥₹₽¢])\b\d{1,2}[:.h]\d{2}(?![,.:]\d)\s*(?:[ap]\.?m\.?|uhr|h)?\b|\b\d{1,2}\s*[ap]\.?m\.?\b", re.IGNORECASE
)
_DATE = re.compile(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.? [^\W\d_]{3,}\.? \d{4}|[^\W\d_]{3,}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})\b"
)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The data file's sections, each one alternation (compiled once per process)."""
    compiled = {
        name: alternation(pats, re.IGNORECASE) for name, pats in data_sections(DATA / "comment_threads.txt").items()
    }
    compiled["said"] = re.compile(rf"\s(?:{compiled['says'].pattern})$", re.IGNORECASE)  # the verb ends the line
    return compiled


_ANCHORS: dict[str, str | None] = {}  # by line: menus and footers recur across a site's pages (as in lines.py)
_DIGIT = re.compile(r"\d")


def anchor(text: str, words: int) -> str | None:
    """What a short line is in a thread: "header" (who wrote it), "stamp" (when), "action" (a button), "form"."""
    if words > _HEADER_WORDS or len(text) > 200:
        return None
    found = _ANCHORS.get(text, "")
    if found == "":
        found = _anchor(text, words)
        if len(_ANCHORS) >= 1 << 16:
            _ANCHORS.clear()
        _ANCHORS[text] = found
    return found


def _anchor(text: str, words: int) -> str | None:
    patterns = _patterns()
    norm = normalise(text)
    if words <= 5 and patterns["action"].fullmatch(norm):
        return "action"
    if patterns["form"].fullmatch(norm.rstrip(".!:")):
        return "form"
    # every timestamp holds a digit, and a "says" header ends in a colon unless it holds a timestamp
    digit = _DIGIT.search(text) is not None
    stamped = digit and (
        bool(_TIME.search(text) or patterns["ago"].search(norm)) or bool(words <= 10 and _DATE.search(text))
    )
    if patterns["by"].match(norm) and (stamped or words <= 6):
        return "header"  # "Posted by nolasad on 01/13/08 at 12:02PM", "Comment by Dawn"
    if (
        (stamped or text.rstrip().endswith(":"))
        and words <= 8
        and (said := patterns["said"].search(norm))
        and said.start() > 0
    ):
        return "header"  # "jdoe says:", "Anna schrieb am 3. Mai 2020 um 14:02:" (handle and verb)
    if stamped and words <= 10 and not string_in_code(text):
        return "stamp"  # "November 19, 2019 at 6:34 am", "3 hours ago", "Dawn — January 7, 2008 @ 8:21 pm"
    return None


_HEADS = frozenset(("header", "stamp"))


def thread_lines(analysis: Analysis) -> set[int]:
    """The indices of the lines in the analysis' reader-comment threads: made once per analysis and kept on it,
    though each of the five line rules asks."""
    if analysis.thread_lines is None:
        analysis.thread_lines = {
            index for first, last, _comments, _signed in threads(analysis) for index in range(first, last + 1)
        }
    return analysis.thread_lines


def threads(analysis: Analysis) -> list[tuple[int, int, int, bool]]:
    """(first line, last line, comments, signed) of each reader-comment thread among the analysis' lines, found
    once per analysis and kept on it: DEB009 reports them and the line rules leave their lines alone.

    A thread is signed when its shape makes sure of it: a commenter's name, a reply button or the form
    (`_named`), a comments heading, or three comments. Two timestamps with text between and nothing else
    may be the article's own dated entries (a programme's air dates): their fix is left to the user.
    """
    if analysis.threads is None:
        analysis.threads = _find_threads(analysis)
    return analysis.threads


def _find_threads(analysis: Analysis) -> list[tuple[int, int, int, bool]]:
    lines = analysis.lines
    # a thread starts after the body began: the lines above it need no look (nor the long ones, anywhere)
    begin = max(0, analysis.body[0] - 3) if analysis.body is not None else 0
    kinds: list[str | None] = [None] * begin
    seen = _ANCHORS.get  # (`anchor` for a line seen before is one lookup: most lines are)
    kinds += [
        (known if (known := seen(line.text, "")) != "" else anchor(line.text, line.words))
        if line.words <= _HEADER_WORDS
        else None
        for line in lines[begin:]
    ]
    found: list[tuple[int, int, int, bool]] = []
    # a stamp above the body (its dateline) starts no thread and joins none: `_thread` turns down every group
    # that starts there, and the comments under the article would go with it (most pages have no stamp at all:
    # one pass in C rules them out, not a Python step per line)
    first = analysis.body[0] if analysis.body is not None else 0
    headers = (
        [i for i, kind in enumerate(kinds) if kind in _HEADS and i >= first] if not _HEADS.isdisjoint(kinds) else []
    )
    group: list[int] = []
    for index in [*headers, None]:
        if index is not None and (not group or index - group[-1] <= _MAX_GAP + 1):
            group.append(index)
            continue
        thread = _thread(analysis, kinds, group)
        if thread is not None:
            found.append(thread)
        group = [index] if index is not None else []
    headed = [
        (first, last, 0, _signed_section(lines, kinds, first, last)) for first, last in analysis.runs(("comments",))
    ]
    return _merge(found + headed + _forms(analysis, kinds) + _replied(analysis, kinds))


def _replied(analysis: Analysis, kinds: list[str | None]) -> list[tuple[int, int, int, bool]]:
    """Under a comments heading below the body, comments that carry no date but each end in a "Reply" button
    ("Kommentare (87)" / "Hansueli" / text / "Antworten", twice or more): a thread, from the heading to the
    last button."""
    if analysis.body is None or "action" not in kinds:  # (most pages: one scan in C)
        return []
    lines, heading_of = analysis.lines, lexicon().comments
    found: list[tuple[int, int, int, bool]] = []
    for index in range(analysis.body[1] + 1, len(lines)):
        line = lines[index]
        if len(line.text) > 60 or not heading_of.fullmatch(normalise(line.text)):
            continue
        buttons: list[int] = []
        for at in range(index + 1, min(len(lines), index + 1 + _MAX_GAP * 4)):
            if kinds[at] == "action":
                if at - (buttons[-1] if buttons else index) > _MAX_GAP or not any(
                    _says(lines[i]) for i in range((buttons[-1] if buttons else index) + 1, at)
                ):
                    break  # a button with no comment over it: the section has ended
                buttons.append(at)
        if len(buttons) >= 2:
            found.append((index, buttons[-1], len(buttons), True))
    return found


def _forms(analysis: Analysis, kinds: list[str | None]) -> list[tuple[int, int, int, bool]]:
    """Runs of the comment form's lines ("2 Kommentare", "Leave a Reply", "Name (required)") after the body began."""
    if "form" not in kinds:  # (most pages: one scan in C)
        return []
    lines, begin = analysis.lines, analysis.body[0] if analysis.body is not None else 0
    runs: list[tuple[int, int, int]] = []
    for index in range(begin + 1, len(lines)):
        if kinds[index] != "form" or lines[index].protected:
            continue
        if runs and runs[-1][1] >= index - 2 and all(kinds[i] for i in range(runs[-1][1] + 1, index)):
            runs[-1] = (runs[-1][0], index, 0)
        else:
            runs.append((index, index, 0))
    return [(a, b, 0, True) for a, b, _ in runs if any(lines[i].kind is None for i in range(a, b + 1))]


def _thread(analysis: Analysis, kinds: list[str | None], group: list[int]) -> tuple[int, int, int, bool] | None:
    """The thread a group of headers makes, or None: two comments or more, with text, after the body began."""
    lines = analysis.lines
    if len(group) < 2:
        return None
    # headers and timestamps often come in pairs ("jdoe says:" then its date): a comment is a header after text
    # a comment says something: prose, a sentence, or six words or more without a figure (a schedule's
    # places and addresses, a results table's clubs and names with their years, are no comments)
    said = {  # the lines of the group and after it that say something
        i: kinds[i] is None and _says(lines[i]) for i in range(group[0], min(len(lines), group[-1] + _MAX_GAP))
    }
    comments = 1 + sum(1 for a, b in pairwise(group) if any(said[i] for i in range(a + 1, b)))
    text = any(said.values())
    if comments < 2 or not text or comments * 2 < len(group):
        return None
    if analysis.body is not None:
        first, last = analysis.body
        if group[0] < first:
            return None  # above the body: a list of dated headlines, not comments
        if group[0] <= last:
            before = sum(line.words for line in lines[first : group[0]] if line.prose)
            total = sum(line.words for line in lines[first : last + 1] if line.prose)
            if before < 0.3 * total and before < 150:
                return None  # in the body's first part: the article's own dated entries
            if not _named(lines, kinds, group) and ((len(group) == 2 and group[-1] < last) or before < _LEAD_WORDS):
                return None  # dates in the body, no commenter's name nor button: two teasers, two quoted tweets,
                # or under the article's first lines a programme's air dates over its text
    if any(_ANSWERED.match(lines[i].text) for i in group):
        return None  # a Q&A site's answers, each "answered Jul 28, 2022 at 19:02": the page's content, not comments
    gaps = [b - a for a, b in pairwise(group)]
    start, end = group[0], min(len(lines) - 1, group[-1] + max(gaps))
    if start > 0 and all(_name_over(lines, kinds, index) for index in group):
        start -= 1  # each comment's name stands over its timestamp: the first one's too ("Марко" / "15.11. 18:42")
    comments_heading = lexicon().comments
    while start > 0 and group[0] - start < 3:
        above = lines[start - 1]
        if above.protected or not (
            above.kind == "comments"
            or kinds[start - 1] is not None
            or (len(above.text) <= 200 and comments_heading.fullmatch(normalise(above.text)))
        ):
            break
        start -= 1
    buttons = [i for i in range(group[-1] + 1, end + 1) if kinds[i] == "action"]
    if buttons and all("action" in kinds[a + 1 : b] for a, b in pairwise(group)):
        end = buttons[-1]  # each comment ends at its "Reply": the last one too, not a box after it
    while end + 1 < len(lines) and kinds[end + 1] in ("form", "action"):
        end += 1
    body_end = analysis.body[1] if analysis.body is not None else -1
    for index in range(start, min(end, body_end) + 1):
        if lines[index].protected and kinds[index] is None:
            return None  # a headline, byline or dateline of the article: not a thread's
    inside = sum(line.words for line in lines[start : end + 1] if line.prose)
    if inside * 5 > sum(line.words for line in lines if line.prose) * 3:
        return None  # most of the page's prose: a forum or Q&A page, where the posts are the content
    return start, end, comments, comments >= 3 or _named(lines, kinds, group)


_FORM_WORDS = 40  # words of prose: a comment form's instructions; more may be the article going on


def _signed_section(lines: list[Line], kinds: list[str | None], first: int, last: int) -> bool:
    """Whether the lines under a comments heading are surely the section: a comment's header, timestamp or
    button, or the form, stands among them, or no more prose than a form's instructions. A heading alone may
    open a box inside the article ("HAVE YOUR SAY", a reader's quote, then the article goes on)."""
    return (
        any(kinds[first : last + 1]) or sum(line.words for line in lines[first : last + 1] if line.prose) < _FORM_WORDS
    )


def _named(lines: list[Line], kinds: list[str | None], group: list[int]) -> bool:
    """A commenter's name ("jdoe says:") among the group's anchors, or a reply button or the form after them."""
    after = range(group[0], min(len(lines), group[-1] + _MAX_GAP))
    return any(kinds[i] == "header" for i in group) or any(kinds[i] in ("action", "form") for i in after)


_NAME_WORDS = 3


def _name_over(lines: list[Line], kinds: list[str | None], stamp: int) -> bool:
    """A commenter's name right over a timestamp: a short line of no kind, no prose, no figure."""
    if stamp == 0 or kinds[stamp] != "stamp":
        return False
    above = lines[stamp - 1]
    return (
        above.kind in (None, "furniture")
        and kinds[stamp - 1] is None
        and not above.prose
        and not above.protected
        and 0 < above.words <= _NAME_WORDS
        and _DIGIT.search(above.text) is None
    )


def _says(line: Line) -> bool:
    """A line a reader may have written: prose, a sentence, or six words or more with no figure in them."""
    return line.prose or sentence_like(line.text) or (line.words >= 6 and _DIGIT.search(line.text) is None)


def _merge(found: list[tuple[int, int, int, bool]]) -> list[tuple[int, int, int, bool]]:
    """Threads that overlap or touch are one, signed if one of them is."""
    merged: list[tuple[int, int, int, bool]] = []
    for first, last, comments, signed in sorted(found):
        if merged and first <= merged[-1][1] + 1:
            a, b, c, d = merged[-1]
            merged[-1] = (a, max(b, last), c + comments, d or signed)
        else:
            merged.append((first, last, comments, signed))
    return merged


class CommentThread(Rule):
    code = "DEB009"
    name = "comment-thread"
    summary = "A thread of reader comments scraped with the article, one finding per thread."
    what = (
        "Reports each thread of reader comments: comment headers ('jdoe says:', 'Posted by jdoe on 01/13/08 at "
        "12:02PM'), timestamps ('November 19, 2019 at 6:34 am', '3 hours ago'), buttons and counts ('Reply', "
        "'12 Likes') and the comment form ('Leave a Reply'), recognised by their repeating structure after the "
        "article's body has begun, and comment sections under a heading ('Comments (14)'), up to the page's "
        "next furniture. The words of headers and buttons per language are in rules/data/comment_threads.txt. "
        "The fix is safe when a commenter's name, a reply button or the comment form marks the thread, or it "
        "holds three comments, or it is a section under a heading with no more prose than a form's "
        "instructions; two timestamps with text between and nothing else, or a heading over prose with "
        "nothing else, get an unsafe fix (the article's own dated entries; a reader's quote box inside the "
        "article, which goes on below it)."
    )
    why = (
        "Comments are other people's text: left in, they are attributed to the author, they skew summaries, "
        "sentiment and word counts, and they carry names and opinions the article never had."
    )
    example = (
        "...the final whistle.\\n\\njdoe says:\\nNovember 19, 2019 at 6:34 am\\nGreat game!\\nReply\\n"
        "ann says:\\nNovember 19, 2019 at 7:02 am\\nAgreed.\\nReply\\nLeave a Reply  -> the thread reported once"
    )
    fixable = "sometimes"

    def warm(self) -> None:
        """Before `--jobs` forks (engine.warm_up): the data file's alternations, shared by the workers."""
        _patterns()

    def check(self, doc: Document) -> Iterable[Finding]:
        analysis = analyse(doc)
        lines: list[Line] = analysis.lines
        text = doc.text
        for first, last, comments, signed in threads(analysis):
            start, end = lines[first].start, lines[last].end
            count = last - first + 1
            if not comments and all(anchor(line.text, line.words) == "form" for line in lines[first : last + 1]):
                message = f"the reader-comment form or count (“{lines[first].text[:50]}”) is not the article's text"
                fixed = "remove the comment form"
            else:
                what = f"{comments} comments, " if comments >= 2 else ""
                message = (
                    f"a reader comment thread ({what}{count} line{'s' if count > 1 else ''}) is not the article's text"
                )
                fixed = "remove the comment thread"
            if not signed and not comments:
                message = (
                    f"{count} lines under a comments heading (“{lines[first].text[:50]}”) read like reader comments, "
                    "but no commenter's name, timestamp, reply button or form marks them: check before removing"
                )
            elif not signed:
                message = (
                    f"{count} lines of dated entries with text between read like a reader comment thread, but only "
                    "timestamps mark them (no commenter's name, reply button or form): check before removing"
                )
            fix_start, fix_end = line_deletion(text, start, end)
            fix = self.replace(fix_start, fix_end, "", "safe" if signed else "unsafe", fixed)
            yield self.finding(doc, start, end, message, fix=fix)


RULES = [CommentThread]
