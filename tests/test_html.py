"""The HTML report: escaped, self-contained, and usable in a real browser (Debian's chromium via Playwright)."""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scrapelint.config import Settings, resolve_rules
from scrapelint.document import Document
from scrapelint.engine import Linter, Result, run
from scrapelint.models import Article, Finding, Severity
from scrapelint.report import ReportContext
from scrapelint.report.html import CSP, SCRIPT, STYLE, render
from scrapelint.rule import Rule, RuleError
from scrapelint.sources import InputError
from tests.conftest import ROOT, SEED_PATH

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]  # Playwright adds --headless and takes the fresh --user-data-dir as launch_persistent_context's first argument


# -- small real rules, so the report has findings whatever rule families have landed ------------------------------


class SpaceBeforePunctuation(Rule):
    code = "XTA001"
    name = "space-before-punctuation"
    summary = "Space before a comma or full stop."
    what = "Flags spaces between a word and the punctuation after it."
    why = "Extraction glitches leave them; readers see sloppy text."
    example = "power .Stalin"
    fixable = "safe"
    _pattern = re.compile(r"(?<=\w)[ \t]+(?=[,.;:!?])")

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in self._pattern.finditer(doc.text):
            yield self.finding(
                doc,
                match.start(),
                match.end(),
                "space before punctuation; delete it",
                fix=self.replace(match.start(), match.end(), "", description="delete the space"),
            )


class DoubledPeriod(Rule):
    code = "XTB001"
    name = "doubled-period"
    summary = "Two full stops where one belongs."
    what = "Flags `..` that is not part of an ellipsis."
    why = "A doubled stop is a typo."
    example = "re-division.."
    severity = Severity.error
    _pattern = re.compile(r"(?<!\.)\.\.(?!\.)")

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in self._pattern.finditer(doc.text):
            yield self.finding(
                doc,
                match.start(),
                match.end(),
                "doubled full stop",
                fix=self.replace(match.start(), match.end(), ".", "unsafe"),
            )


class LongSentence(Rule):
    code = "XTC001"
    name = "long-sentence"
    summary = "A sentence of more than 45 words."
    what = "Flags sentences longer than 45 words; other findings often sit inside them."
    why = "Run-on sentences are often two sentences glued by a lost full stop."
    example = "a 50-word sentence"
    severity = Severity.info

    def check(self, doc: Document) -> Iterator[Finding]:
        counts: dict[int, int] = {}
        for word in doc.words:
            counts[word.sentence] = counts.get(word.sentence, 0) + 1
        for i, sentence in enumerate(doc.sentences):
            if counts.get(i, 0) > 45:
                yield self.finding(doc, sentence.start, sentence.end, f"sentence of {counts[i]} words")


TEST_RULES = [SpaceBeforePunctuation, DoubledPeriod, LongSentence]


def default_rules() -> list[Rule]:
    """The project's default rules, where the registry loads (rule families land one by one)."""
    try:
        return resolve_rules(Settings())
    except RuleError:
        return []


def lint(items: list, rules: list[Rule] | None = None) -> list[Result]:
    linter = Linter(rules if rules is not None else [*default_rules(), *(rule() for rule in TEST_RULES)])
    return list(run(linter, lambda: items))


def report(results: list[Result], rules: list[type[Rule]] | None = None, **settings: object) -> str:
    out = io.StringIO()
    context = ReportContext(rules={r.code: r for r in rules or TEST_RULES}, settings=settings or {"paths": ["seeds"]})
    render(results, out, context)
    return out.getvalue()


def seed_article() -> Article:
    return Article(id=SEED_PATH.name, text=SEED_PATH.read_text("utf-8"), path=str(SEED_PATH.relative_to(ROOT)))


class Tags(HTMLParser):
    """Every start tag with its attributes, as the browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


HOSTILE = [
    "<script>alert('text')</script>",
    '<img src=x onerror="alert(1)">',
    "</textarea><svg onload=alert(2)>",
    "</script><script>alert(3)</script>",
    "javascript:alert(4)",
    "<!-- <a href='javascript:alert(5)'>x</a>",
    "\u2028&lt;b&gt; &amp;",
]


def hostile_article(n: int = 0) -> Article:
    body = "\n\n".join(f"Paragraph {i} , with {payload} inside .." for i, payload in enumerate(HOSTILE))
    return Article(
        id=f"<script>alert('id{n}')</script>",
        text=body,
        title=f"</title><script>alert('title')</script><img src=x onerror=alert('t{n}')> ,",
        url="javascript:alert('url')//<script>alert(1)</script>",
        path="</script><img src=x onerror=alert('path')>.jsonl",
        line=n + 1,
    )


class MessageQuotesText(Rule):
    """A rule whose message quotes the flagged text, as many real rules do."""

    code = "XTD001"
    name = "quotes-markup"
    summary = "Markup left in the text."
    what = "Flags `<` tags in the text and quotes them in the message."
    why = "Tags in the body are extraction debris."
    example = "<b>"
    _pattern = re.compile(r"<[^>]*>")

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in self._pattern.finditer(doc.text):
            yield self.finding(doc, match.start(), match.end(), f"markup {match.group()!r} left in the text")


# -- without a browser ------------------------------------------------------------------------------------------------


def test_hostile_fields_never_become_markup() -> None:
    """Every tag in the page is one the reporter wrote: no script, img, svg or event handler from the data."""
    results = lint([hostile_article(0)], [SpaceBeforePunctuation(), MessageQuotesText()])
    error = InputError(
        code="ERR001", message="<script>alert('err')</script>", path="<img src=x onerror=alert(9)>", line=3
    )
    results.append(
        Result(
            error,
            [
                Finding(
                    rule="ERR001",
                    name="invalid-json",
                    message=error.message,
                    severity=Severity.error,
                    path=error.path,
                    field=None,
                )
            ],
        )
    )
    page = report(results, [SpaceBeforePunctuation, MessageQuotesText], paths=["<script>alert('setting')</script>"])
    found = tags(page)
    assert {t for t, _ in found} <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "script",
        "section",
        "h1",
        "small",
        "p",
        "b",
        "div",
        "figure",
        "svg",
        "text",
        "rect",
        "details",
        "summary",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "span",
        "dl",
        "dt",
        "dd",
        "ul",
        "li",
        "code",
        "nav",
        "input",
        "button",
        "kbd",
        "main",
    }
    assert not any(name.startswith("on") for _, attrs in found for name in attrs)
    scripts = [attrs for tag, attrs in found if tag == "script"]
    assert sum(attrs.get("type") != "application/json" for attrs in scripts) == 1  # only the reporter's own script
    assert [t for t, _ in found].count("svg") == 2  # the two charts; the payload's <svg onload> is escaped
    assert "&lt;img src=x onerror=alert(9)&gt;" in page  # the input error's path, escaped
    assert "&lt;script&gt;alert(&#x27;setting&#x27;)&lt;/script&gt;" in page


def test_csp_allows_only_the_page_own_script_and_style() -> None:
    page = report(lint([seed_article()]))
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert meta is not None and meta.group(1) == CSP
    policy = dict(part.split(" ", 1) for part in CSP.split("; "))
    assert policy["default-src"] == "'none'"
    assert re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", policy["script-src"])
    assert re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", policy["style-src"])
    assert "unsafe" not in CSP and "http" not in CSP
    assert f"<script>{SCRIPT}</script>" in page and f"<style>{STYLE}</style>" in page  # exactly what was hashed
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # no external asset


def test_clean_articles_are_counted_not_embedded() -> None:
    """10,000 articles: only the flagged ones travel in full, and the file grows linearly."""

    def articles(n: int, flagged_every: int) -> list[Article]:
        return [
            Article(
                id=f"a{i}",
                path="big.jsonl",
                line=i + 1,
                text=(
                    f"Flagged story {i} , with a stray space."
                    if i % flagged_every == 0
                    else f"Clean story number {i} about the harbour and the weather."
                )
                * 20,
            )
            for i in range(n)
        ]

    rules = [SpaceBeforePunctuation()]
    big = report(lint(articles(10_000, 20), rules), [SpaceBeforePunctuation])
    small = report(lint(articles(1_000, 20), rules), [SpaceBeforePunctuation])
    assert "Clean story number 1 " not in big
    assert "<b>10000</b> articles checked" in big and "<b>9500</b> clean" in big
    flagged_text = 500 * len("Flagged story 0000 , with a stray space.") * 20
    findings = 500 * 20
    assert len(big) < flagged_text + 70 * findings + 100_000  # the text, a few dozen bytes a finding, the page
    clean_only = report(
        lint([a for a in articles(10_000, 20) if a.text.startswith("Clean")], rules), [SpaceBeforePunctuation]
    )
    assert len(clean_only) < 60_000
    assert len(big) < 11 * len(small)  # linear in the run, not quadratic


def test_astral_characters_shift_offsets_to_utf16() -> None:
    from scrapelint.report.html import utf16_offsets

    text = "a😀b😀c"
    to16 = utf16_offsets(text)
    assert [to16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]


def test_cli_writes_an_html_report(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from scrapelint.cli import main

    output = tmp_path / "report.html"
    result = CliRunner().invoke(
        main, ["check", str(SEED_PATH), "--isolated", "--format", "html", "-o", str(output), "--jobs", "1"]
    )
    assert result.exit_code in (0, 1), result.output
    page = output.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<b>1</b> article checked" in page


# -- in Chromium ------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    if CHROMIUM is None:
        pytest.skip("no chromium on PATH: install Debian's `chromium` (.ci/run does) to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed: pip install -e '.[test]'")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900},
            offline=True,
        )
        yield context
        context.close()


class Opened:
    """A report open in a tab, with every dialog, page error and CSP violation recorded."""

    def __init__(self, browser, page_html: str, path: Path) -> None:
        path.write_text(page_html, "utf-8")
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page()
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("#visible-count:not(:empty)")

    def count(self) -> str:
        return self.page.inner_text("#visible-count")

    def marked(self) -> dict[int, str]:
        """Finding index -> the text its highlight covers (pieces of a split finding joined)."""
        return {
            int(k): v
            for k, v in self.page.evaluate("""() => {
            const out = {};
            for (const m of document.querySelectorAll('#text mark.hl')) out[m.dataset.i] = (out[m.dataset.i] || '') + m.textContent;
            return out; }""").items()
        }


def test_seed_report_highlights_every_finding_in_place(browser, tmp_path: Path) -> None:
    results = lint([seed_article()])
    findings = results[0].findings
    text = seed_article().text
    opened = Opened(
        browser, report(results, [*{type(r) for r in default_rules()}, *TEST_RULES]), tmp_path / "seed.html"
    )
    page = opened.page
    in_text = [i for i, f in enumerate(findings) if f.field == "text"]
    assert len(in_text) >= 10
    marked = opened.marked()
    assert sorted(marked) == in_text  # as many highlighted findings as findings, each once
    assert all(marked[i] == text[findings[i].start : findings[i].end] for i in in_text)
    assert page.inner_text("#text") == text or page.evaluate("document.getElementById('text').textContent") == text
    assert page.locator("#flist li").count() == len(findings)
    assert opened.count() == f"{len(findings)} findings in 1 article"
    page.hover(f"#f{next(i for i, f in enumerate(findings) if f.rule == 'XTB001')}")  # message and fix on hover
    assert page.is_visible("#tip") and "doubled full stop" in page.inner_text("#tip")
    assert "Fix (unsafe): Replace" in page.inner_text("#tip")
    assert not opened.dialogs and not opened.errors


def test_screenshot_of_the_seed_report(browser, tmp_path: Path) -> None:
    """The screenshot the README shows. Written to docs/report.png only with SCRAPELINT_UPDATE_DOCS=1,
    so that a test run never modifies tracked files."""
    rules = default_rules()
    results = lint([seed_article()], rules) if rules else []
    if not results or not results[0].findings:
        results = lint([seed_article()])
    opened = Opened(browser, report(results, [*{type(r) for r in rules}, *TEST_RULES]), tmp_path / "shot.html")
    opened.page.set_viewport_size({"width": 1280, "height": 1200})
    opened.page.hover("#f0")  # a finding's tooltip open
    target = ROOT / "docs" / "report.png" if os.environ.get("SCRAPELINT_UPDATE_DOCS") else tmp_path / "report.png"
    opened.page.screenshot(path=str(target))
    assert target.stat().st_size > 20_000 and not opened.errors


def test_filters_change_the_visible_count(browser, tmp_path: Path) -> None:
    results = lint([seed_article()], [rule() for rule in TEST_RULES])
    findings = results[0].findings
    opened = Opened(browser, report(results), tmp_path / "filters.html")
    page = opened.page
    spaces = sum(f.rule == "XTA001" for f in findings)
    assert 0 < spaces < len(findings)
    before = opened.count()
    page.click("#filter-family input[value=XTA]")
    assert opened.count() == f"{len(findings) - spaces} findings in 1 article" != before
    assert page.locator("#text mark.hl:not(.off)[id]").count() == len(findings) - spaces
    assert page.locator("#flist li:visible").count() == len(findings) - spaces
    page.click("#filter-family input[value=XTA]")
    assert opened.count() == before
    page.click("#filter-severity input[value=info]")
    assert opened.count() == f"{sum(f.severity != Severity.info for f in findings)} findings in 1 article"
    page.fill("#search", "no-such-article")
    assert opened.count() == "0 findings in 0 articles"
    page.fill("#search", "doubled-period")  # a rule name finds the articles that have it
    assert opened.count().endswith("in 1 article")
    assert not opened.errors


def test_keyboard_moves_between_findings_and_articles(browser, tmp_path: Path) -> None:
    first = Article(id="one", text="Alpha , beta. Gamma , delta.", path="one.txt")
    second = Article(id="two", text="Only one , here.", path="two.txt", title="Second")
    results = lint([first, second], [SpaceBeforePunctuation()])
    opened = Opened(browser, report(results, [SpaceBeforePunctuation]), tmp_path / "keys.html")
    page = opened.page
    assert page.inner_text("#view h2") == "one"  # the worst article first
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "f0"
    assert page.is_visible("#tip") and "space before punctuation" in page.inner_text("#tip")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "f1"
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.id") == "f0"
    page.keyboard.press("Escape")
    assert not page.is_visible("#tip")
    page.keyboard.press("n")
    assert page.inner_text("#view h2") == "Second"
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search"
    assert not opened.errors


def test_hostile_text_does_not_execute_in_the_browser(browser, tmp_path: Path) -> None:
    articles = [hostile_article(0), hostile_article(1)]
    results = lint(articles, [SpaceBeforePunctuation(), DoubledPeriod(), MessageQuotesText()])
    page_html = report(
        results,
        [SpaceBeforePunctuation, DoubledPeriod, MessageQuotesText],
        paths=["<img src=x onerror=alert('settings')>"],
    )
    opened = Opened(browser, page_html, tmp_path / "hostile.html")
    page = opened.page
    page.keyboard.press("j")
    page.hover("#text mark.hl")
    page.keyboard.press("n")
    page.click("#flist button")
    assert page.evaluate("document.getElementById('text').textContent") in {a.text for a in articles}
    assert "<script>alert('title')</script>" in page.inner_text("#view h2")
    assert page.locator("img, iframe, textarea, object, embed, #view script, #view svg").count() == 0
    assert page.locator("a[href]").count() == 0  # a javascript: URL is shown as text, never linked
    assert page.evaluate("document.scripts.length") == len(articles) + 2
    assert page.title() == "scrapelint report"
    assert not opened.dialogs and not opened.errors


def test_overlapping_findings_stay_whole_and_readable(browser, tmp_path: Path) -> None:
    text = "😀 Héllo wörld 😀 and the rest of the line.\nSecond line 👍 ends ."
    spans = [
        (2, 13),
        (8, 20),
        (8, 13),
        (14, 14),
        (0, len(text)),
        (text.index("👍"), text.index("👍") + 1),
        (len(text) - 2, len(text) - 1),
    ]

    class Spans(Rule):
        code, name, summary, what, why, example = "XTE001", "spans", "Spans.", "Spans.", "Tests overlaps.", "x"

        def check(self, doc: Document) -> Iterator[Finding]:
            for start, end in spans:
                yield self.finding(doc, start, end, f"span {start}-{end}")

    results = lint([Article(id="o", text=text, path="o.txt")], [Spans()])
    findings = results[0].findings
    opened = Opened(browser, report(results, [Spans]), tmp_path / "overlap.html")
    marked = opened.marked()
    assert len(marked) == len(findings)
    assert all(marked[i] == text[f.start : f.end] for i, f in enumerate(findings))
    assert opened.page.evaluate("document.getElementById('text').textContent") == text
    opened.page.hover("#f1")  # inside three findings: the tip lists each
    assert opened.page.inner_text("#tip").count("XTE001") >= 2
    assert not opened.errors


def test_large_run_stays_responsive(browser, tmp_path: Path) -> None:
    articles = [
        Article(
            id=f"a{i}",
            path="big.jsonl",
            line=i + 1,
            title=f"Story {i}",
            text=f"Story {i} , told twice .. " * (1 + i % 7),
        )
        for i in range(3_000)
    ]
    results = lint(articles, [SpaceBeforePunctuation(), DoubledPeriod()])
    opened = Opened(browser, report(results, [SpaceBeforePunctuation, DoubledPeriod]), tmp_path / "big.html")
    page = opened.page
    # Responsive by construction, not by a wall-clock bound that a busy CI machine can break: the list is drawn
    # a page at a time, and a filter redraws the pages shown, not 3,000 entries.
    assert page.locator("#articles li").count() == 200  # a page at a time
    assert page.inner_text("#view h2").startswith("Story")
    page.click("#more")
    assert page.locator("#articles li").count() == 400
    page.click("#filter-family input[value=XTB]")
    assert 0 < page.locator("#articles li").count() <= 400
    assert not opened.errors


class RepeatedLine(Rule):
    """A later copy of a line is the finding; `related` points at the first copy."""

    code = "XTF001"
    name = "repeated-line"
    summary = "A line that repeats an earlier one."
    what = "Flags each later copy of a non-blank line."
    why = "Scrapers duplicate blocks."
    example = "the same line twice"

    def check(self, doc: Document) -> Iterator[Finding]:
        first: dict[str, tuple[int, int]] = {}
        for match in re.finditer(r"[^\n]+", doc.text):
            if match.group() in first:
                yield self.finding(
                    doc, match.start(), match.end(), "repeats an earlier line", related=first[match.group()]
                )
            else:
                first[match.group()] = match.span()


def test_after_fix_view_shows_what_fix_writes(browser, tmp_path: Path) -> None:
    from scrapelint.fix import fix_article

    article = Article(id="fixme", text="Alpha , beta 😀 . Gamma , delta.\n\nRead more ..\nEnd .", path="f.txt")
    rules = [SpaceBeforePunctuation(), DoubledPeriod()]
    results = lint([article], rules)
    fixed = fix_article(Linter(rules), article).article.text
    assert fixed != article.text
    opened = Opened(browser, report(results, [SpaceBeforePunctuation, DoubledPeriod]), tmp_path / "fix.html")
    page = opened.page
    page.click("#tab-fixed")
    assert page.evaluate("document.getElementById('text').textContent") == fixed
    page.click("#tab-diff")
    assert page.locator("#text del").count() == sum(f.fix.applicability == "safe" for f in results[0].findings)
    assert page.locator("#text ins").count() == 0  # deletions only: the unsafe '..' fix is not applied
    page.click("#tab-findings")
    assert len(opened.marked()) == len(results[0].findings)
    assert not opened.errors


def test_a_repeat_jumps_to_its_first_copy(browser, tmp_path: Path) -> None:
    text = "Intro line.\nSubscribe to our newsletter!\nBody text 😀 here.\nSubscribe to our newsletter!\n"
    results = lint([Article(id="rep", text=text, path="r.txt")], [RepeatedLine()])
    opened = Opened(browser, report(results, [RepeatedLine]), tmp_path / "rep.html")
    opened.page.click("#flist button.rel")
    assert opened.page.evaluate("window.getSelection().toString()") == "Subscribe to our newsletter!"
    assert (
        opened.page.evaluate("window.getSelection().anchorNode.parentElement.closest('mark')") is None
    )  # the first copy
    assert not opened.errors


class FieldSpaces(Rule):
    """Checks the title and the published field, so the report must highlight outside the body."""

    code = "XTG001"
    name = "field-space-before-punctuation"
    summary = "Space before punctuation in a metadata field."
    what = "Flags a space before `,` or `.` in the title and the published date."
    why = "Metadata is shown in listings; glitches there are the most visible."
    example = "Title ,"

    def check(self, doc: Document) -> Iterator[Finding]:
        for name in ("title", "published"):
            field = doc.for_field(name)
            for match in re.finditer(r" (?=[,.])", field.text):
                yield self.finding(field, match.start(), match.end(), f"space before punctuation in the {name}")


class Crashes(Rule):
    code, name, summary, what, why, example = "XTH001", "crashes", "Crashes.", "Raises.", "Shows ERR005.", "x"

    def check(self, doc: Document) -> Iterator[Finding]:
        raise ValueError("<img src=x onerror=alert('crash')>")


def test_title_fields_and_article_level_findings_are_shown(browser, tmp_path: Path) -> None:
    article = hostile_article(0).model_copy(update={"published": "March 5 , 1953"})
    results = lint([article], [FieldSpaces(), Crashes()])
    findings = results[0].findings
    assert {f.field for f in findings} == {"title", "published", None}  # ERR005 is about the whole article
    opened = Opened(browser, report(results, [FieldSpaces, Crashes]), tmp_path / "fields.html")
    page = opened.page
    assert page.locator("#view h2 mark.hl").count() == 1
    assert page.inner_text("#view h2") == article.title
    assert page.inner_text("#view .field mark.hl") == " "
    assert page.locator("#flist li").count() == len(findings)
    assert "(whole article)" in page.inner_text("#flist") and "alert('crash')" in page.inner_text("#flist")
    page.hover("#view h2 mark.hl")
    assert "in the title" in page.inner_text("#tip")
    assert not opened.dialogs and not opened.errors
