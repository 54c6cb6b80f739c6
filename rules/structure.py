"""Structure is content: tables, parallel lists, Q&A interviews and day-by-day plans.

An article's own structure repeats short units by design: a table's header cells and row labels, a
recipe's "1 cup" items, an interview's same questions to each guest, a meal plan's "Snack" and
"Eat every 2-3 hours" under each day, a table of contents that lists the headings found below. A
linter that reads those as debris (a menu) or as duplicates (the same paragraph twice) reports the
article itself. This module tells such units apart from prose, language-independently (shape,
length, punctuation, figures), for DEB and DUP alike. For DUP also: two parallel sections that share a
step or a value (a template filled in twice), and quotations (a forum post quoting another, a sentence
quoted after a colon), which repeat text by design too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import islice, pairwise
from typing import Protocol

_TERMINAL = ".!?…。！？"
_CLOSERS = "\"'”’»)]*"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A line's shape: letters -> "a", digits -> "0", the rest kept; "Switzerland (Group D): 5th" -> "a (a a): 0a"
_SHAPE_RUNS = re.compile(r"[^\W\d_]+|\d+|\s+")

SHORT_ITEM_WORDS = 15  # a heading, cell, label or list item: a few words, not a sentence
QUESTION_WORDS = 30  # an interviewer's question


def sentence_like(text: str) -> bool:
    """The line ends as a sentence does (a full stop, '!' or '?', maybe inside quotes or brackets)."""
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _TERMINAL


def short_item(text: str) -> bool:
    """A unit of a structure rather than a paragraph of prose: a heading, cell, label, list item or question.

    Few words without a sentence's end ("Portion Fix Containers: 1 Green, 1 Red", "Gegenargument #1: ..."),
    or a question an interviewer may ask every guest.
    """
    words = len(_WORD.findall(text))
    if text.rstrip().rstrip(_CLOSERS).endswith(("?", "？")):
        return words <= QUESTION_WORDS
    question = text.find("?")
    if question > 0 and len(_WORD.findall(text, 0, question)) <= QUESTION_WORDS and words <= QUESTION_WORDS + 10:
        return True  # a question and its short answer: "Will there be a toilet on the bus? No."
    return words <= SHORT_ITEM_WORDS and not sentence_like(text)


def question(text: str, most: int = QUESTION_WORDS) -> bool:
    """A line that asks, in `most` words or fewer: an interviewer's question, an FAQ's heading."""
    return text.rstrip().rstrip(_CLOSERS).endswith(("?", "？")) and len(_WORD.findall(text)) <= most


def parallel_repeats(texts: Mapping[int, str] | Sequence[str], duplicated: dict[int, int]) -> set[int]:
    """The later copies among `duplicated` (copy -> first) that are items of a parallel structure.

    A short item repeated is structure when the text repeats several of them (two different items or
    more: a table of contents and its headings, the questions of an interview, a plan's daily items) or
    one of them three times or more (a label under each day). One short line repeated once, and any
    repeated paragraph of prose, are left to be reported.
    """
    # (No (first, text) tuple per copy, as `parallel_items` takes: 10^6 copies of one line cost 150 MB, issue #20.
    # Each different text is measured once: the copies of a doubled text are mostly the same few strings.)
    short: dict[str, bool] = {}
    items = {}
    for copy, first in duplicated.items():
        text = texts[copy]
        found = short.get(text)
        if found is None:
            found = short[text] = short_item(text)
        if found:
            items[copy] = first
    return _parallel(items)


def warm() -> None:
    """Import and build what DUP asks of DEB here (its lexicon, captions' and threads' words) now, in one
    thread: threads that first import it at once can race (engine.warm_rules). The lexicon's first-character
    alternations too (a DUP run without DEB compiled them on first use, once per worker)."""
    from scrapelint.rules.deb.lexicons import warm as warm_lexicon  # (deb imports this module)
    from scrapelint.rules.deb.notices import warm as warm_notices

    warm_lexicon()
    warm_notices()  # (`known_debris` asks DEB's notices too)
    known_debris("Buy Now")
    _opens_quote("jdoe says:")


def known_debris(text: str) -> bool:
    """DEB knows the line (a shop widget, a button in its lexicon; a picture's caption or credit; a licence or
    disclosure notice, which DEB reports wherever it stands): DEB reports it, once per line, not DUP."""
    from scrapelint.rules.deb.captions import caption  # (deb imports this module)
    from scrapelint.rules.deb.lexicons import lexicon_kind
    from scrapelint.rules.deb.notices import line_notice

    if lexicon_kind(text) is not None:
        return True
    words = len(_WORD.findall(text))
    return caption(text, words) is not None or (words >= 4 and line_notice(text, words) not in (None, "author"))


def parallel_items(copies: dict[int, tuple[int, str]]) -> set[int]:
    """`parallel_repeats` for any units: copy id -> (id of its first copy, the copy's text)."""
    return _parallel({copy: first for copy, (first, text) in copies.items() if short_item(text)})


def _parallel(items: dict[int, int]) -> set[int]:
    """The short copies (copy -> first) that are items of a parallel structure."""
    if not items:
        return set()
    per_first = Counter(items.values())
    if len(per_first) >= 2:
        return set(items)
    return {copy for copy, first in items.items() if per_first[first] >= 2}


def shape(text: str) -> str:
    """The line's shape, letters and digits folded: lines of one table or list share it."""
    return _SHAPE_RUNS.sub(lambda m: "a" if m.group()[0].isalpha() else "0" if m.group()[0].isdigit() else " ", text)


# -- structure beside the body (for DEB) ------------------------------------------------

FRACTIONS = "½¼¾⅓⅔⅛"
# A measure of something at the start of a line ("200 g Zucker", "2 tbsp oil", "1 1/2 cups", "½ TL Zimt"): units are
# mostly the same across languages (g, kg, ml, oz, cups, EL/TL, Prise, cucharadas, ...), so this needs no language.
_NUMBER = rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|\d/\d|[{FRACTIONS}])"  # "2", "0,5", "1 1/2", "1/2", "½"
QUANTITY = re.compile(
    rf"[-•*·\s]*{_NUMBER}(?:\s*[-–]\s*{_NUMBER})?\s*(?:g|gr|kg|mg|ml|cl|dl|l|oz|lbs?|"
    r"tbsps?|tsps?|tablespoons?|teaspoons?|cups?|el|tl|essl(?:öffel)?|teel(?:öffel)?|prisen?|pinch(?:es)?|"
    r"stücke?|pcs|pieces?|cloves?|zehen?|bunch(?:es)?|bund|dosen?|cans?|pkg|päckchen|packung(?:en)?|becher|"
    r"scheiben?|slices?|cs|cc|c\.|cuillères?|gousses?|pincées?|tazas?|cucharadas?|cucharaditas?|dientes?|"
    r"xícaras?|colheres?|cucchiai(?:ni)?|spicchi|eetlepels?|theelepels?|łyżk[aię]|szklank[aię]|"
    r"гр?|кг|мл|л|шт|стакан(?:а|ов)?|зубчик(?:а|ов)?|щепотк[аи]|пучок|"  # Russian
    r"su bardağı|yemek kaşığı|çay kaşığı|tatlı kaşığı|adet|paket|diş|tutam)\b"  # Turkish
    rf"|[-•*·\s]*{_NUMBER}\s*(?:ст|ч|дес)\.\s?л\.",  # Russian spoons ("3 ст. л. сахара"), which end on a stop
    re.IGNORECASE,
)
# The measure after the ingredient, as Japanese, Chinese and Korean recipes write it ("じゃがいも 3個", "しょうゆ 大さじ2",
# "面粉 200克", "간장 2큰술"): a spoon before the figure or a unit after it, at the line's end.
_CJK_UNIT = "g|kg|ml|cc|個|本|枚|片|かけ|合|カップ|克|千克|毫升|个|勺|汤匙|茶匙|根|颗|큰술|작은술|컵|개|쪽"
TRAILING_QUANTITY = re.compile(
    rf"\S.{{0,30}}?\s(?:(?:大さじ|小さじ|カップ)\s?{_NUMBER}(?:と{_NUMBER})?|{_NUMBER}\s?(?:{_CJK_UNIT}))\s*"
)
TRAILING_TAILS = frozenset("0123456789½¼¾⅓⅔⅛gl個本枚片け合プ克升个勺匙根颗술컵개쪽")  # how such a line ends
EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")  # kana, hanzi, hangul: only
# those recipes put the measure after the food ("Gewicht: 2,6 kg" in a spec sheet is no ingredient)
MEASURE_HEADS = frozenset(f"0123456789{FRACTIONS}-•*· \t")  # how a quantity line starts (a cheap test first)
_BETWEEN = 6  # other lines between two units: the header cells of a row, a sub-heading
# a line that opens with its time or minute, then words: a schedule's row ("6.30pm Regional News", "20:15 Tatort",
# "14h00 Ouverture"), a live commentary's event ("70' Attempt missed.", "90+2' Corner")
_TIMED = re.compile(
    r"\s*(?:\d{1,3}(?:\+\d{1,2})?['’′]|\d{1,2}[:.h]\d{2}\s?(?:[ap]\.?m\.?|uhr|h)?)\s+(?=[^\W\d_])", re.IGNORECASE
)
_CELL = re.compile(r"[-+−]?[$€£¥]?\s?\d[\d.,:/ ]*\s?(?:%|[$€£¥]|[kmb]n?|pts?)?")


def _structural(text: str) -> str | None:
    """What kind of structure unit a line is: an ingredient with its quantity, a schedule's row, or a table cell of
    figures."""
    head = text.lstrip(" \t-•*·+−$€£¥")[:1]
    if len(text) > 160 or not (head.isdigit() or head in FRACTIONS):
        return None  # every unit starts with a figure (a cheap test: most lines fail it)
    if QUANTITY.match(text):
        return "quantity"
    if timed_entry(text):
        return "timed"  # a schedule's row
    stripped = text.strip()
    if _CELL.fullmatch(stripped) and (any(c in stripped for c in ".,%$€£¥") or sum(map(str.isdigit, stripped)) >= 3):
        return "cell"  # "225.86", "-5.44%", "1,024" (a page number "2" is no cell)
    return None


class _Line(Protocol):
    text: str
    kind: str | None  # None: no debris kind known (a line DEB's lexicon knows stops the walk)


def structure_beside(lines: Sequence[_Line], first: int, end: int) -> set[int]:
    """Lines of a table of figures or a recipe's ingredients right before line `first` or after line `end`.

    Walking away from the body over lines of no debris kind, a structure unit keeps the walk
    going, as do up to `_BETWEEN` other lines between units (a table's header cells, a recipe's sub-heading);
    three units of one kind are needed, else nothing is kept.
    """
    kept: set[int] = set()
    for indexes in (range(first - 1, -1, -1), range(end + 1, len(lines))):
        units: dict[str, int] = {}
        run: list[int] = []
        others = 0
        for index in indexes:
            if lines[index].kind is not None:
                break
            kind = _structural(lines[index].text)
            if kind is None:
                others += any(c.isalnum() for c in lines[index].text)  # an icon glyph alone is no line between
                if others > _BETWEEN:
                    break
                run.append(index)
                continue
            others = 0
            units[kind] = units.get(kind, 0) + 1
            run.append(index)
        while run and _structural(lines[run[-1]].text) is None:
            run.pop()  # the walk ends on a unit
        if units and max(units.values()) >= 3:
            kept.update(run)
    return kept


_NUMBERED = re.compile(r"\s*(\d{1,3})[.)]\s+\S")


def item_number(text: str) -> int | None:
    """The number of a numbered list item ("3. Jim Parsons", "12) Add the flour"), else None."""
    found = _NUMBERED.match(text)
    return int(found.group(1)) if found else None


# -- templates and recurring lines (for DUP) ------------------------------------------------

TEMPLATE_ROWS = 3  # a label or an opening that heads this many lines is a template's
LABEL_MIN_WORDS = 3  # a row's label is a field's name or a question, not a speaker's name ("Morton:")
LABEL_WORDS = 12  # at most this many words before the "?" or ":" that ends a row's label
OPENING_WORDS = 5  # the words that open a templated line ("If you would like to speak to ... call 0800 ...")
RECORD_FIELDS = 4  # different short labels heading a template's rows with short values: a record's fields
FORM_LABELS = 2  # different labels heading a template's rows: the page is made of labelled rows
LIST_ITEMS = 3  # short items in a row that make a list
COPIED_RUN = 3  # this many paragraphs copied in their order are a copied block, whatever their shape


def template_rows(keys: Sequence[tuple[int, tuple[str, ...]]], full: Callable[[int], Hashable]) -> set[int]:
    """The lines that are rows of a template: (line, key) pairs -> the lines whose key heads enough rows.

    A key is a row's label ("Fees:", "Are bicycles allowed?", "Beschreibung:") or its opening words. The
    same label or opening at the head of lines that go on in `TEMPLATE_ROWS` different ways or more (`full`:
    a line's whole text, compared) is a template filled in for each item: an FAQ answered by each operator,
    the fields of each record, a form letter with a number changed. Text repeated inside such rows is a cell
    repeated by design, not a paragraph scraped twice. (A headline, its lead and a copy share their opening
    too, but in two ways only.)
    """
    heads: dict[tuple[str, ...], list[int]] = {}
    for line, key in keys:
        heads.setdefault(key, []).append(line)
    rows: set[int] = set()
    for lines in heads.values():
        if len(lines) >= TEMPLATE_ROWS and len(set(map(full, lines))) >= TEMPLATE_ROWS:
            rows.update(lines)
    return rows


def form_rows(
    keys: Sequence[tuple[int, tuple[str, ...]]], full: Callable[[int], Hashable], value_words: Callable[[int], int]
) -> set[int]:
    """Every labelled line when the page is made of labelled rows: (line, label) pairs -> lines.

    Labels are keyed "?" (three words or more: a question, a field's long name) or "s" (shorter: a field's
    name, or a speaker's). The page is made of labelled rows when `FORM_LABELS` long labels or more each head
    a template's rows (an FAQ answered per operator), or `RECORD_FIELDS` short ones or more do with values of
    a few words (`value_words`: a record's fields, "Name:", "Level:", "NPC:"; an interview's speakers answer
    at length). There a label met once or twice ("Prams / Pushchairs allowed?" for "Prams or pushchairs
    allowed?") heads a row too.
    """
    long = [(line, key) for line, key in keys if key[0] == "?"]
    rows = template_rows(long, full)
    if len({key for line, key in long if line in rows}) >= FORM_LABELS:
        return {line for line, _ in keys}
    short = [(line, key) for line, key in keys if key[0] == "s"]
    rows = template_rows(short, full)
    fields = {key for line, key in short if line in rows}
    if len(fields) >= RECORD_FIELDS:
        lengths = sorted(value_words(line) for line in rows)
        if lengths[len(lengths) // 2] <= SHORT_ITEM_WORDS:
            return {line for line, _ in keys}
    return set()


def listed(texts: Mapping[int, str] | Sequence[str], duplicated: Mapping[int, int]) -> set[int]:
    """The short copies (copy -> first) where the copy or its first is an item of a bulleted or numbered list.

    A list of the contents ("Aus dem Inhalt: – Schamanismus in den Reiki-Schriftzeichen – ...") names a
    heading found above or below it: one item of a list repeated once is the list's, not a scrape's. A list
    is `LIST_ITEMS` lines in a row that open with the same bullet (or a number).
    """
    found: set[int] = set()
    for copy, first in duplicated.items():
        if first != copy - 1 and (_in_list(texts, copy) or _in_list(texts, first)) and short_item(texts[copy]):
            found.add(copy)
    return found


def steps(texts: Mapping[int, str] | Sequence[str], pairs: Iterable[tuple[int, int]]) -> set[int]:
    """The copies of `pairs` (copy, first) where both are items of bulleted or numbered lists: a step two
    procedures share ("5. Add salt as per your taste and mix well." in a recipe and in its variant).

    Items of any length (`listed` takes short ones only). A list scraped twice is a block copied in its
    order, which the caller reports before asking.
    """
    return {copy for copy, first in pairs if copy != first + 1 and _in_list(texts, copy) and _in_list(texts, first)}


_BULLET = re.compile(r"\s*(?:([-–—•*·▪►✓✔]|\d{1,3}[.)])\s)")


def _bullet(text: str) -> str | None:
    """The line's bullet ("–", "•", any number as "1."), or None."""
    found = _BULLET.match(text)
    if found is None:
        return None
    return "1." if found.group(1)[0].isdigit() else found.group(1)


def _in_list(texts: Mapping[int, str] | Sequence[str], index: int) -> bool:
    """Line `index` is one of `LIST_ITEMS` lines in a row that open with the same bullet."""
    bullet = _bullet(texts[index])
    if bullet is None:
        return False
    run = 1
    for step in (-1, 1):
        at = index + step
        while 0 <= at < len(texts) and run < LIST_ITEMS and _bullet(texts[at]) == bullet:
            run += 1
            at += step
    return run >= LIST_ITEMS


def recurring(duplicated: Mapping[int, int]) -> set[int]:
    """The copies (copy -> first) of a line that recurs three times or more: a line under each item.

    A caption under each photo, a signature under each forum post, a product box's disclaimer, "follow the
    same steps as above" in each section: a scrape doubles a text, it does not triple one line among others.
    """
    per_first = Counter(duplicated.values())
    return {copy for copy, first in duplicated.items() if per_first[first] >= 2}


def copied_runs(duplicated: Mapping[int, int], labels: Collection[int] = ()) -> set[int]:
    """The copies (copy -> first) in a run of `COPIED_RUN` paragraphs copied in their order: a block scraped twice.

    Those are reported whatever their shape: a doubled FAQ or interview is still doubled. Copies in `labels`
    (short lines under each item: `recurring`) join a run but do not make one: two of its copies or more must
    be other lines. Two records' fields "Timer", "Extras" in a row are each record's, and the one value
    after them that the records share is no block.
    """
    found: set[int] = set()
    for copy, first in duplicated.items():
        if duplicated.get(copy - 1) == first - 1:
            continue  # not the start of a run
        length = 1
        while duplicated.get(copy + length) == first + length:
            length += 1
        run = range(copy, copy + length)
        if length >= COPIED_RUN and (not labels or sum(n not in labels for n in run) >= COPIED_RUN - 1):
            found.update(run)
    return found


SLOT_ALIKE = 0.5  # word-set similarity of two different lines that fill one slot of a template
SLOT_WORDS = 3  # words (not numbers) a line needs to be compared so
SLOT_SWAP = 2  # words (not numbers) a template's sentence changes from one filling to the next


def _lettered(words: Iterable[str]) -> set[str]:
    """The words that are not numbers: numbers alone make lines alike by chance ("37,99 EUR", "22,99 EUR")."""
    return {word for word in words if not word.isdigit()}


def alike(one: Iterable[str], other: Iterable[str]) -> bool:
    """Two lines (their normalised words) alike in most words, numbers aside: one template filled in twice."""
    one, other = _lettered(one), _lettered(other)
    if len(one) < SLOT_WORDS or len(other) < SLOT_WORDS:
        return False
    return len(one & other) >= SLOT_ALIKE * len(one | other)


def swapped(one: Iterable[str], other: Iterable[str]) -> bool:
    """Two sentences (their words) that differ only by words put in place of others: a slot filled in twice.

    Each has words the other lacks, and at most `SLOT_SWAP` of them besides numbers ("... updates KB3068708"
    / "... updates KB3075249, KB3080149"). A sentence that adds words to the other (a dateline, "by Coverity")
    is a copy edited, not a template's.
    """
    one, other = set(one), set(other)
    only_one, only_other = one - other, other - one
    if not only_one or not only_other:
        return False
    return len(_lettered(only_one)) <= SLOT_SWAP and len(_lettered(only_other)) <= SLOT_SWAP


def same_slot(
    texts: Mapping[int, str] | Sequence[str],
    duplicated: Mapping[int, int],
    copies: Iterable[int],
    words: Callable[[int], Collection[str]],
) -> set[int]:
    """The `copies` (copy -> first in `duplicated`) that fill the same slot of a repeated template as their first.

    - the line before the copy is a short label met three times or more and the copy is no sentence (a
      record's field: "Besonderheiten / Extras", then the value two products share), or
    - a line beside the copy and the line beside its first, on the same side, are two different lines alike
      in most words (a template filled in twice: "As of this writing, the latest version is 4.05." / "... is
      2.6.0."; the Windows 7 and the Windows 8 steps), and the lines matched around the two hold another such
      pair (`filled_twice`): a prose paragraph copied before a sub-heading worded like the one after its first
      is no template.
    Then the copy is a step or a value that two parallel sections share by design. A paragraph scraped twice
    has other neighbours than its first, or the same ones (a block copied in its order: a copy beside it is
    no slot).
    """
    per_first = Counter(duplicated.values())
    found: set[int] = set()
    size = len(texts)
    for copy in copies:
        first = duplicated[copy]
        label = duplicated.get(copy - 1, -1)  # the copy is a value under a field's name met three times or more
        slot = per_first[label] >= 2 and short_item(texts[copy - 1]) and not sentence_like(texts[copy])
        beside = copied = False
        for c, f in ((copy - 1, first - 1), (copy + 1, first + 1)):
            if f < 0 or c >= size or c == first or f == copy:
                continue  # (no line there, or the copy beside its first)
            label = duplicated.get(f, f)
            if duplicated.get(c) == label:  # the same line beside both: a block copied in its order, no slot,
                copied = copied or per_first[label] < 2 or not short_item(texts[c])  # unless a recurring label
                continue
            beside = beside or alike(words(c), words(f))  # two lines of one template
        # (and one more alike so around them: one alike neighbour is often chance, a sub-heading worded like another)
        slot = slot or (beside and filled_twice(copy, copy, first, size, words))
        if slot and not copied:
            found.add(copy)
    return found


TABLE_ROWS = 4  # rows of a table scraped one cell per line: its labels at a regular spacing
TABLE_COLUMNS = 6  # cells one row may hold
TABLE_REACH = 16  # rows looked at on each side of a row (a long list of short lines has no end to walk to)


def _label(text: str) -> bool:
    """A row's label or a heading: a few words, no sentence's end ("Fees", "Security features")."""
    return len(_WORD.findall(text)) <= SHORT_ITEM_WORDS and not sentence_like(text)


def table_row(texts: Mapping[int, str] | Sequence[str], copy: int, first: int) -> bool:
    """Lines `first` < `copy` are cells of one row of a table scraped one cell per line.

    A comparison table ("Fees" / one cell per product / "Security features" / ...) comes out as a label, then
    its row's cells, again and again: labels at a regular spacing. Two products' cells that share a sentence
    are the table's, not a scrape's. The row is a label before `first` (no label between the two cells) and
    the next label after `copy`, with `TABLE_ROWS` rows or more at that spacing whose cells are not all
    labels too (in a list of short lines any spacing finds labels): sections of prose seldom keep one length
    so long.
    """
    if not 0 < copy - first < TABLE_COLUMNS:
        return False
    labels: dict[int, bool] = {}  # line -> whether it is a label: each line is asked of many spacings

    def label(line: int) -> bool:
        found = labels.get(line)
        if found is None:
            found = labels[line] = _label(texts[line])
        return found

    if any(map(label, range(first + 1, copy))):
        return False
    for start in range(first - 1, max(-1, copy - TABLE_COLUMNS - 1), -1):  # the row's label
        if not label(start):
            continue
        for period in range(copy - start + 1, TABLE_COLUMNS + 2):  # the next row's label after the copy
            if start + period < len(texts) and label(start + period) and _rows(texts, start, period, label):
                return True
    return False


def _rows(texts: Mapping[int, str] | Sequence[str], start: int, period: int, label: Callable[[int], bool]) -> bool:
    """`TABLE_ROWS` rows or more with a cell that is no label, in a run of rows `period` lines long through line
    `start`, each headed by a label of its own."""
    seen: set[str] = set()
    rows = 0
    for lines in (range(start, -1, -period), range(start + period, len(texts), period)):
        for at in islice(lines, TABLE_REACH):
            text = texts[at]
            if not label(at) or text in seen:
                break
            seen.add(text)
            rows += not all(map(label, range(at + 1, min(at + period, len(texts)))))
            if rows >= TABLE_ROWS:
                return True
    return False


TEMPLATE_SLOTS = 2  # lines filled in another way that make a copied stretch a template's second filling
TEMPLATE_REACH = 12  # lines looked at on each side of a copied stretch


def filled_twice(copy: int, last: int, first: int, size: int, words: Callable[[int], Collection[str]]) -> bool:
    """Lines `copy`..`last`, a copy of the lines from `first`, are a template's second filling.

    An FAQ answered for two operators, the steps for Windows 7 and for Windows 8: beside the copy, the lines
    match those beside its first one for one, each the same line or one alike in most words (a phone number,
    a product's name changed: `alike`), and `TEMPLATE_SLOTS` of them or more differ so. A block scraped
    twice has other lines around its copy, or the same ones; one line changed beside it (a headline with the
    site's name added) is no template.
    """
    offset, slots = copy - first, 0
    for step, edge in ((-1, copy), (1, last)):
        line = edge + step
        for _ in range(TEMPLATE_REACH):
            other = line - offset
            if other < 0 or line >= size or (step < 0 and line <= first + last - copy) or (step > 0 and other >= copy):
                break
            one, two = words(line), words(other)
            if one != two:
                if not alike(one, two):
                    break
                slots += 1
            line += step
    return slots >= TEMPLATE_SLOTS


def plain_list_item(texts: Mapping[int, str] | Sequence[str], index: int) -> bool:
    """Line `index` stands among short lines without a sentence's end, on both sides: an item of a list scraped
    without its bullets ("Vorteile" / "Erhöht die Lebensdauer der Bauteile" / "Für hohe Drehzahlen geeignet")."""
    return 0 < index < len(texts) - 1 and all(map(_label, (texts[index - 1], texts[index], texts[index + 1])))


# -- quotations (for DUP) ------------------------------------------------------------------

# A line that opens a quotation in a forum post: "Zitat", "Quote", "Zitat von Anna", "Originally Posted by jdoe"
# ("Anna schrieb:", "jdoe wrote:" are a thread's headers: rules/deb/threads.py knows them per language).
_QUOTE_MARKER = re.compile(
    r"\s*(?:zitat|quote|quoting|citation|citer|cita|citação|citazione|citaat|cytat|цитата)(?:\s+(?:von|from|de|di|by|van|od)\b.{0,60})?\s*:?\s*"
    r"|\s*(?:originally posted by|ursprünglich (?:geschrieben|gepostet) von|message d'origine|mensaje original)\b.{0,60}",
    re.IGNORECASE,
)
POST_LINES = 8  # lines of one post: a header this close before a line makes it part of a post
LEAD_IN_WORDS = 4  # words before the colon that introduces a quotation or a recap: "Er antwortete:", "They are:"
_LEAD_IN = re.compile(rf"((?:[^\W_]+(?:[-'’][^\W_]+)?(?:[\s,]+|(?=:))){{1,{LEAD_IN_WORDS}}}):\s")  # (one way to match)


@lru_cache(maxsize=4096)  # (a thread's headers and stamps recur; a hostile page repeats one line 10^6 times)
def _opens_quote(text: str) -> str | None:
    """What a short line before a post's text is: "header" (who wrote it, a quote's marker), "stamp", or None."""
    from scrapelint.rules.deb.threads import anchor  # (deb imports this module)

    if len(text) > 200:
        return None
    if _QUOTE_MARKER.fullmatch(text):
        return "header"
    kind = anchor(text, len(_WORD.findall(text)))
    return kind if kind in ("header", "stamp") else None


def _introduction(texts: Mapping[int, str] | Sequence[str], number: int) -> tuple[str, ...] | None:
    """The lines that introduce line `number` as a post or a quotation (a header, maybe a timestamp), or None."""
    lines: list[str] = []
    for before in (number - 1, number - 2):
        if before < 0:
            return None
        kind = _opens_quote(texts[before])
        if kind == "header":
            return (texts[before].strip(), *lines)
        if kind != "stamp" or lines:
            return None
        lines.append(texts[before].strip())
    return None


def quoting(texts: Mapping[int, str] | Sequence[str], copy: int, first: int) -> bool:
    """Line `copy`, which repeats text of line `first`, opens a quotation or a reply that quotes it.

    Forum posts quote earlier posts: "Anna schrieb:", "Zitat von Anna", "Quote", "> ...", or a reply's header
    ("jdoe says:", a timestamp) right before the repeated text, when the first copy is in a post too (within
    `POST_LINES` after a header). A quotation is no scraping defect. The same post twice, under the same
    header and timestamp, is one (a page scraped twice), and is not a quotation.
    """
    if texts[copy].lstrip().startswith(">") and not texts[first].lstrip().startswith(">"):
        return True
    opening = _introduction(texts, copy)
    if opening is None or opening == _introduction(texts, first):
        return False
    # the first is a post too: a header shortly before it (a reader who copies the article is no thread's quote)
    return any(_opens_quote(texts[line]) == "header" for line in range(max(0, first - POST_LINES), first))


def _post_header(texts: Mapping[int, str] | Sequence[str], line: int) -> str | None:
    """The header of the post that holds line `line` (a header within `POST_LINES` before it), or None."""
    for before in range(line - 1, max(-1, line - POST_LINES - 1), -1):
        if _opens_quote(texts[before]) == "header":
            return texts[before].strip()
    return None


def replying(texts: Mapping[int, str] | Sequence[str], copy: int, first: int) -> bool:
    """Lines `copy` and `first` stand in two posts under different headers: a reader answering another in the
    other's words ("Ich bewerte deren Tun nicht …" / "Ich bewerte dein Tun nicht …"). A near copy between two
    writers is written so, not scraped (for DUP003; the same post twice has one header)."""
    one = _post_header(texts, copy)
    return one is not None and _post_header(texts, first) not in (None, one)


def lead_in(one: str, other: str) -> bool:
    """Sentence `one` is sentence `other` introduced by a few words and a colon: a quotation or a recap.

    "Er antwortete: Wo ein Leichnam ist, ...", "Long story short: ...", "They are: Heather Grant, ..." (the
    names given before): the words `one` adds to `other` are all before its colon, and `other` has no such
    lead-in of its own.
    """
    found = _LEAD_IN.match(one)
    if found is None or _LEAD_IN.match(other):
        return False
    added = {w.lower() for w in _WORD.findall(one)} - {w.lower() for w in _WORD.findall(other)}
    return bool(added) and added <= {w.lower() for w in _WORD.findall(found.group(1))}


# -- code in prose -------------------------------------------------------------------------------

# A string handed to code: a call's argument (`parse_date("`), a value (`= '`) or an item (`["`, `, "`), closed
# on its line by the same quote.
_CODE_STRING = re.compile(r"""(?:\w\(|[=\[,] ?)(["'])[^\n]*?\1""")
_REPL = ">>> "  # a Python prompt: what follows it on its line is code


def string_in_code(text: str, start: int | None = None, end: int | None = None) -> bool:
    """Whether a string in `text` is handed to code (`parse_date("2023-02-29")`, `d = '31.04.2021'`,
    `>>> parse("Feb 29, 2024")`), not written in prose: a test value, invalid on purpose. Given a span, whether
    `text[start:end]` is such a string, quotes right around it, or stands on a REPL's line; else whether the
    line `text` holds one. DAT asks it of a date, DEB009 of a line that looks like a comment's timestamp."""
    if start is None or end is None:
        return _REPL in text or _CODE_STRING.search(text) is not None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if _REPL in text[line_start : line_end if line_end >= 0 else len(text)]:
        return True
    quote = text[start - 1 : start]
    if quote not in ("'", '"') or text[end : end + 1] != quote:
        return False
    return text[line_start : start - 1].rstrip(" ")[-1:] in ("(", "=", "[", ",")


_VERSE_LINE = 60  # characters: a line of verse; hard-wrapped prose fills its lines to 65-80
_VERSE_LINES = 3


def verse(text: str) -> bool:
    """A stanza: three short lines or more, broken where a phrase ends (a mark, or a capital opening the next
    line), not where a width ran out. Its refrain repeats by design (a villanelle's, a hymn's, a song's)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < _VERSE_LINES or any(len(line) > _VERSE_LINE for line in lines):
        return False
    phrased = sum(1 for line, after in pairwise(lines) if line[-1] in ",.;:!?—–-" or after[:1].isupper())
    return phrased * 2 >= len(lines) - 1


def timed_entry(text: str) -> bool:
    """A line that opens with its time or minute: a schedule's row (DEB: structure, no menu) or a live commentary's
    event ("70' Attempt missed.", DUP: events worded alike by design)."""
    return _TIMED.match(text) is not None
