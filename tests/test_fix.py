"""`scrapelint fix`: only fixed spans change, records round-trip, output is atomic, fixing is idempotent.

The machinery is tested with small real rules defined here (real Rule subclasses
producing real fixes); the seed article is fixed with the built-in families.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrapelint.document import Document
from scrapelint.engine import Linter
from scrapelint.fix import apply_fixes, choose, fix_article, fix_items
from scrapelint.models import Article, Finding, Fix
from scrapelint.rule import CorpusRule, Rule
from scrapelint.sources import SourceOptions, read_paths
from scrapelint.writers import FixWriter

from .conftest import ROOT, SEED_PATH

# -- small real rules -------------------------------------------------------------

AD = re.compile(r"\[ad\]")
SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
TEH = re.compile(r"\bteh\b")


class AdMarker(Rule):
    code = "TST001"
    name = "ad-marker"
    summary = "An [ad] marker."
    what = "Reports the literal `[ad]`."
    why = "Debris."
    example = "a [ad] b -> TST001"
    fixable = "safe"

    def check(self, doc: Document) -> Iterable[Finding]:
        for match in AD.finditer(doc.text):
            yield self.finding(
                doc, match.start(), match.end(), "ad marker", fix=self.replace(match.start(), match.end())
            )


class DoubleSpace(Rule):
    code = "TST002"
    name = "double-space"
    summary = "Two or more spaces between words."
    what = "Reports runs of spaces."
    why = "Glitch."
    example = "a  b -> TST002"
    fixable = "safe"

    def check(self, doc: Document) -> Iterable[Finding]:
        for match in SPACES.finditer(doc.text):
            yield self.finding(
                doc, match.start(), match.end(), "spaces", fix=self.replace(match.start(), match.end(), " ")
            )


class Teh(Rule):
    code = "TST003"
    name = "teh"
    summary = "The typo teh."
    what = "Reports `teh`."
    why = "Typo."
    example = "teh -> the"
    fixable = "unsafe"

    def check(self, doc: Document) -> Iterable[Finding]:
        for match in TEH.finditer(doc.text):
            fix = self.replace(match.start(), match.end(), "the", "unsafe")
            yield self.finding(doc, match.start(), match.end(), "typo", fix=fix)


class SiteFooter(CorpusRule):
    """Lines that recur in at least three articles of the run (a two-pass rule)."""

    code = "TST004"
    name = "site-footer"
    summary = "A line repeated across the run."
    what = "Reports lines seen in three or more articles."
    why = "Template."
    example = "(c) Site -> TST004"
    fixable = "safe"

    def new_state(self) -> Counter:
        return Counter()

    def observe(self, state: Counter, doc: Document) -> None:
        state.update({doc.text[line.start : line.end] for line in doc.lines})

    def merge(self, state: Counter, other: Counter) -> Counter:
        return state + other

    def prepare(self, state: Counter) -> None:
        self.common = {line for line, count in state.items() if count >= 3 and line.strip()}

    def check(self, doc: Document) -> Iterable[Finding]:
        for line in doc.lines:
            if doc.text[line.start : line.end] in self.common:
                yield self.finding(doc, line.start, line.end, "footer", fix=self.replace(line.start, line.end))


LINTER = Linter([AdMarker(), DoubleSpace(), Teh()])


def article(text: str) -> Article:
    return Article(id="t", text=text, path="t.txt")


# -- guarantee 1: only the spans of applied fixes change (property) ------------------

texts = st.text(alphabet="ab .\n", max_size=60)


@st.composite
def text_and_fixes(draw: st.DrawFn) -> tuple[str, list[Fix]]:
    text = draw(texts)
    fixes = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 12)))
        replacement = draw(st.sampled_from(["", "", "x", " ", "yz"]))
        fixes.append(Fix(start=start, end=end, replacement=replacement))
    return text, fixes


@given(text_and_fixes())
@settings(max_examples=400, deadline=None)
def test_only_characters_of_applied_fixes_and_the_whitespace_beside_a_removal_change(case) -> None:
    text, fixes = case
    new, edits, applied = apply_fixes(text, fixes)
    # The edits are disjoint, in order, and rebuild the new text from the old one exactly.
    rebuilt, cursor = [], 0
    for edit in edits:
        assert cursor <= edit.start <= edit.end
        rebuilt += [text[cursor : edit.start], edit.replacement]
        cursor = edit.end
    assert "".join([*rebuilt, text[cursor:]]) == new
    # Each edit covers applied fixes; beyond their spans it takes nothing but whitespace, and puts back
    # either a fix's replacement or a run of that whitespace.
    spans = [(fixes[i].start, fixes[i].end) for i in applied]
    for edit in edits:
        inside = [(s, e) for s, e in spans if edit.start <= s and e <= edit.end]
        assert inside, edit
        covered = set().union(*(range(s, e) for s, e in inside))
        assert all(text[p].isspace() for p in range(edit.start, edit.end) if p not in covered)
        assert edit.replacement in {fixes[i].replacement for i in applied} or edit.replacement.isspace()
    # A fix is left out only when it starts inside one that was applied (or is an insertion at the same
    # point as an applied one, or changes nothing).
    for index, fix in enumerate(fixes):
        if index not in applied and (fix.start, fix.end, fix.replacement) != (fix.start, fix.start, ""):
            assert any(s <= fix.start < e or s == e == fix.start == fix.end for s, e in spans)


@given(st.lists(st.sampled_from(["word", "Word.", "[ad]", " ", " ", "\n", "\n\n"]), max_size=30))
@settings(max_examples=300, deadline=None)
def test_removals_leave_no_doubled_space_or_blank_line_behind(parts: list[str]) -> None:
    text = "".join(parts)
    result = fix_article(LINTER, article(text))
    fixed = result.article.text
    if result.guarded:  # the ads are most of the text: a safe fix may not remove it all (issue #20)
        assert fixed == text
        return
    if "  " not in text:
        assert "  " not in fixed
    if "\n\n\n" not in text:
        assert "\n\n\n" not in fixed
    if not text[:1].isspace():
        assert not fixed[:1].isspace()
    assert "[ad]" not in fixed
    # Every word that was not debris is still there, in order.
    assert re.findall(r"[Ww]ord\.?", fixed) == re.findall(r"[Ww]ord\.?", text)


@given(st.lists(st.sampled_from(["teh", "cat", "[ad]", " ", "  ", "\n", "\n\n", "."]), max_size=40), st.booleans())
@settings(max_examples=300, deadline=None)
def test_fixing_is_idempotent_and_reaches_a_fixed_point(parts: list[str], unsafe: bool) -> None:
    once = fix_article(LINTER, article("".join(parts)), unsafe=unsafe)
    twice = fix_article(LINTER, once.article, unsafe=unsafe)
    assert not twice.changed and twice.article.text == once.article.text
    assert not any(f.fix and (unsafe or f.fix.applicability == "safe") for f in once.remaining)


def test_unsafe_fixes_only_when_asked_and_counted_per_rule() -> None:
    text = "teh cat  sat [ad] on teh mat"
    safe = fix_article(LINTER, article(text))
    assert safe.article.text == "teh cat sat on teh mat"
    assert safe.applied == {"TST001": 1, "TST002": 1}
    assert [f.rule for f in safe.remaining] == ["TST003", "TST003"]
    unsafe = fix_article(LINTER, article(text), unsafe=True)
    assert unsafe.article.text == "the cat sat on the mat" and not unsafe.remaining


def test_overlapping_fixes_resolve_deterministically_and_deletions_merge() -> None:
    fixes = [Fix(start=2, end=6, replacement="X"), Fix(start=0, end=4, replacement="Y"), Fix(start=8, end=9)]
    assert [indexes for _, indexes in choose(fixes)] == [[1], [2]]
    assert [indexes for _, indexes in choose(list(reversed(fixes)))] == [[1], [0]]
    # Two teasers whose deletions share the blank line between them go together.
    text = "Body.\n\nTeaser one.\n\nTeaser two.\n"
    new, _, applied = apply_fixes(text, [Fix(start=7, end=20), Fix(start=18, end=len(text) - 1)])
    assert new == "Body.\n" and applied == [0, 1]


@pytest.mark.parametrize(
    ("text", "remove", "expected"),
    [
        ("Skip to main content\n\nTitle\n\nBody.", "Skip to main content", "Title\n\nBody."),
        ("A.\n\nAd block\n\nB.", "Ad block", "A.\n\nB."),
        ("A.\nAd block\nB.", "Ad block", "A.\nB."),
        ("One. Two. One. Three.", "One.", "One. Two. Three."),
        ("Body.\n\n\nTeaser\n", "Teaser", "Body.\n"),
        ("word (ad) word", "(ad)", "word word"),
        ("The minister said<br> that it works.", "<br>", "The minister said that it works."),  # glued on one side
        ("A bell\x07 rang.", "\x07", "A bell rang."),
    ],
)
def test_a_removed_block_or_sentence_leaves_one_separator(text: str, remove: str, expected: str) -> None:
    start = text.rindex(remove)
    new, _, _ = apply_fixes(text, [Fix(start=start, end=start + len(remove))])
    assert new == expected


# -- guarantee 2: records round-trip (property), same number, same order --------------

values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
bodies = st.lists(st.sampled_from(["cat", "[ad]", " ", "  ", "\n", "é", "😀"]), max_size=12).map("".join)
records = st.builds(
    lambda extra, body, key_first: {"text": body, **extra} if key_first else {**extra, "text": body},
    st.dictionaries(st.sampled_from(["id", "url", "title", "z", "meta", "n"]), values, max_size=5),
    bodies,
    st.booleans(),
)
lines = st.lists(st.one_of(records, st.sampled_from([b'{"text": "broken', b"not json", b"[1, 2]"])), max_size=8)


def _encode(line: dict | bytes, pretty: bool) -> bytes:
    if isinstance(line, bytes):
        return line
    return orjson.dumps(line) if not pretty else orjson.dumps(line).replace(b'":', b'": ').replace(b',"', b', "')


def fix_file(path: str, output: str | None = None, unsafe: bool = False, backup: bool = False, jobs: int = 1) -> None:
    """What `scrapelint fix` does, with the test rules."""
    with FixWriter(output, backup, paths=[path]) as writer:
        for item, outcome in fix_items(LINTER, lambda: read_paths([path], SourceOptions()), jobs, unsafe):
            writer.add(item, outcome)


@given(lines, st.booleans(), st.booleans())
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_jsonl_records_keep_every_other_field_and_bad_lines_byte_for_byte(records_in, pretty: bool, gz: bool) -> None:
    raw_lines = [_encode(line, pretty) for line in records_in]
    data = b"".join(line + b"\n" for line in raw_lines)
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "in.jsonl" + (".gz" if gz else ""))
        target = os.path.join(folder, "out.jsonl" + (".gz" if gz else ""))
        opener = gzip.open if gz else open
        with opener(source, "wb") as handle:
            handle.write(data)
        fix_file(source, target)
        with opener(target, "rb") as handle:
            out_lines = handle.read().split(b"\n")
    assert out_lines[-1] == b"" and len(out_lines) - 1 == len(raw_lines)
    for before, after in zip(raw_lines, out_lines, strict=False):
        try:
            record = orjson.loads(before)
        except orjson.JSONDecodeError:
            record = None
        if not isinstance(record, dict) or ("[ad]" not in record["text"] and "  " not in record["text"]):
            assert after == before  # untouched records and unparseable lines: byte for byte
            continue
        fixed = orjson.loads(after)
        assert list(fixed) == list(record)  # key order
        assert {k: v for k, v in fixed.items() if k != "text"} == {k: v for k, v in record.items() if k != "text"}
        assert fixed["text"] == fix_article(LINTER, article(record["text"])).article.text


def test_json_array_text_file_bom_and_in_place_only_when_changed(tmp_path: Path) -> None:
    array = tmp_path / "batch.json"
    array.write_bytes(
        orjson.dumps([{"id": 1, "text": "a [ad] b"}, 7, {"text": "clean", "x": [1.5]}], option=orjson.OPT_INDENT_2)
    )
    clean = tmp_path / "clean.txt"
    clean.write_text("nothing to fix", "utf-8")
    before = clean.stat().st_mtime_ns
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfteh  cat")
    for path in (array, clean, bom):
        fix_file(str(path))
    assert orjson.loads(array.read_bytes()) == [{"id": 1, "text": "a b"}, 7, {"text": "clean", "x": [1.5]}]
    assert array.read_bytes().startswith(b"[\n  {")  # still indented
    assert clean.stat().st_mtime_ns == before
    assert bom.read_bytes() == b"\xef\xbb\xbfteh cat"


def test_a_folder_is_fixed_file_by_file_and_diff_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one [ad] two", "utf-8")
    (tmp_path / "b.jsonl").write_bytes(b'{"id": "x", "text": "three  four"}\n\n{"id": "y", "text": "ok"}\n')
    items = lambda: read_paths([str(tmp_path)], SourceOptions())  # noqa: E731
    diff = io.StringIO()
    with FixWriter(diff=diff) as writer:
        for item, outcome in fix_items(LINTER, items):
            writer.add(item, outcome)
    assert "--- a/" in diff.getvalue() and "b.jsonl:1:text" in diff.getvalue() and "+three four" in diff.getvalue()
    assert (tmp_path / "a.txt").read_text("utf-8") == "one [ad] two"
    with FixWriter() as writer:
        for item, outcome in fix_items(LINTER, items):
            writer.add(item, outcome)
    assert (tmp_path / "a.txt").read_text("utf-8") == "one two"
    # only the text value changes; the record's spacing stays as written (issue #20)
    assert (tmp_path / "b.jsonl").read_bytes() == b'{"id": "x", "text": "three four"}\n\n{"id": "y", "text": "ok"}\n'


def test_undecodable_record_is_copied_through_byte_for_byte(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    latin1 = b'{"text": "caf\xe9 [ad] here"}\n'
    source.write_bytes(latin1 + b'{"text": "b [ad]"}\n')
    fix_file(str(source))
    assert source.read_bytes() == latin1 + b'{"text": "b"}\n'


def test_a_crash_mid_file_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    original = b"".join(b'{"text": "x [ad] %d"}\n' % i for i in range(100))
    source.write_bytes(original)

    def outcomes():
        for number, pair in enumerate(fix_items(LINTER, lambda: read_paths([str(source)], SourceOptions()))):
            if number == 50:
                raise KeyboardInterrupt
            yield pair

    with pytest.raises(KeyboardInterrupt), FixWriter() as writer:
        for item, outcome in outcomes():
            writer.add(item, outcome)
    assert source.read_bytes() == original
    assert os.listdir(tmp_path) == ["in.jsonl"]  # no temporary file left behind


def test_backup_keeps_the_original_and_parallel_output_matches(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl.gz"
    original = b"".join(b'{"id": %d, "text": "x  [ad] y"}\n' % i for i in range(200))
    source.write_bytes(gzip.compress(original))
    serial = tmp_path / "serial.jsonl"
    fix_file(str(source), str(serial))
    fix_file(str(source), backup=True, jobs=2)
    assert gzip.decompress((tmp_path / "in.jsonl.gz.bak").read_bytes()) == original
    assert gzip.decompress(source.read_bytes()) == serial.read_bytes()
    assert serial.read_bytes().count(b'"text": "x y"') == 200


def test_two_pass_rules_fix_the_same_in_one_process_and_in_a_pool(tmp_path: Path) -> None:
    source = tmp_path / "site.jsonl"
    source.write_bytes(b"".join(b'{"text": "Story %d.\\n\\n(c) Site\\n\\nMore %d."}\n' % (i, i) for i in range(100)))
    outputs = []
    for jobs in (1, 2):
        target = tmp_path / f"out{jobs}.jsonl"
        linter = Linter([SiteFooter()])
        with FixWriter(str(target), paths=[str(source)]) as writer:
            for item, outcome in fix_items(linter, lambda: read_paths([str(source)], SourceOptions()), jobs):
                writer.add(item, outcome)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert orjson.loads(outputs[0].split(b"\n")[7]) == {"text": "Story 7.\n\nMore 7."}


# -- the command line, with the built-in rules --------------------------------------


def scrapelint(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scrapelint", *args], input=stdin, capture_output=True, cwd=cwd, check=False, timeout=120
    )


def test_cli_fixes_stdin_to_stdout_and_reports_on_stderr() -> None:
    result = scrapelint("fix", "-", "--isolated", "--select", "FMT001,FMT010", stdin=b"He left .She  stayed.\n")
    assert result.stdout == b"He left. She stayed.\n"
    assert b"Fixed 2 issues in 1 of 1 articles: FMT001" in result.stderr
    assert b"No issues remain." in result.stderr and result.returncode == 0


def test_cli_diff_writes_nothing_and_exit_code_says_what_remains(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Skip to main content\n\nA calm day , in teh town.\n", "utf-8")
    result = scrapelint("fix", "a.txt", "--isolated", "--diff", cwd=tmp_path)
    assert b"-Skip to main content" in result.stdout and result.returncode == 1
    assert path.read_text("utf-8").startswith("Skip")
    result = scrapelint("fix", "a.txt", "--isolated", "--select", "DEB,FMT", cwd=tmp_path)
    assert path.read_text("utf-8") == "A calm day, in teh town.\n"
    assert result.returncode == 0, result.stderr
    result = scrapelint("fix", "a.txt", "--isolated", "--select", "FMT", "-o", "-", "--exit-zero", cwd=tmp_path)
    assert result.stdout == b"A calm day, in teh town.\n" and result.returncode == 0


def test_check_fix_is_an_alias_that_reports_what_remains(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("He was arrested in March , 19808.\n", "utf-8")
    result = scrapelint("check", "a.txt", "--isolated", "--select", "FMT001,DAT001", "--fix", cwd=tmp_path)
    assert path.read_text("utf-8") == "He was arrested in March, 19808.\n"  # the year needs a human
    assert b"a.txt:1:27: DAT001" in result.stdout and result.returncode == 1
    assert b"Fixed 1 issue in 1 of 1 articles: FMT001" in result.stderr


# -- the golden seed ---------------------------------------------------------------

GOLDEN = ROOT / "tests" / "golden" / "seed_fixed.txt"
BIO_END = "Leading Light Communist Organisation for this article"


@pytest.fixture(scope="module")
def seed_fixed(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("seed")
    # The families the quality bar is about; spelling (TYP) suggestions are checked in their own tests.
    result = scrapelint("fix", str(SEED_PATH), "--isolated", "--select", "DEB,DUP,FMT", "-o", str(folder / "fixed.txt"))
    assert result.returncode in (0, 1), result.stderr
    return (folder / "fixed.txt").read_text("utf-8")


def test_seed_fixed_meets_the_quality_bar(seed_fixed: str, seed_text: str) -> None:
    assert "Skip to main content" not in seed_fixed
    assert seed_fixed.startswith("We shouldn’t overstate")
    assert seed_fixed.rstrip().endswith(BIO_END)  # no teaser of another article after the bio
    major = seed_fixed.split("Major errors of Stalin\n\n", 1)[1].split("\n", 1)[0]
    for sentence in (
        "Stalin analysed the problem of counter-revolution",
        "He overestimated the impact of agents",
        "Stalin ruthlessly deployed the police force",
        "His errors include his unscrupulous methods",
    ):
        assert major.count(sentence) == 1, sentence
    assert seed_fixed.count("Stalin’s regime exhibited heavy handed") == 1
    for glitch, mended in [
        ("power .Stalin", "power. Stalin"),
        ("Volgoda.Stalin", "Volgoda. Stalin"),
        ("2016.A record", "2016. A record"),
        ("achieved , in part", "achieved, in part"),
        ("etc,However", "etc, However"),
        ("missed it..", "missed it."),
        ("Brzola ,which", "Brzola, which"),
    ]:
        assert glitch not in seed_fixed and mended in seed_fixed
    # Where blocks were removed, one separator is left; the one doubled blank line left is the scraper's own.
    assert "  " not in seed_fixed
    assert [m.start() for m in re.finditer("\n\n\n", seed_fixed)] == [seed_fixed.index("\n\n\nPersonally I accept")]


def test_seed_fixed_keeps_every_other_sentence_character_for_character(seed_fixed: str, seed_text: str) -> None:
    body = seed_text[: seed_text.index(BIO_END) + len(BIO_END)]
    doc = Document(Article(id="seed", text=body, path="seed.txt"))
    missing = [s.text(body) for s in doc.sentences if s.text(body) not in seed_fixed]
    # What may differ: the skip link, the repeated copies (gone), and sentences with a mended glitch.
    repeated = [s for s in missing if body.count(s) > 1]
    mended = [s for s in missing if s not in repeated and s != "Skip to main content"]
    assert all(seed_fixed.count(s) == 1 for s in repeated)

    def squeeze(text: str) -> str:
        return re.sub(r"[\s.,]+", "", text)

    fixed_squeezed = squeeze(seed_fixed)
    for sentence in mended:
        assert squeeze(sentence) in fixed_squeezed, sentence
    assert len(mended) <= 25, mended


def test_golden_file_is_what_fix_produces(seed_fixed: str) -> None:
    if not GOLDEN.exists():
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(seed_fixed, "utf-8")
    assert seed_fixed == GOLDEN.read_text("utf-8"), "regenerate tests/golden/seed_fixed.txt and review the diff by hand"


def test_seed_fix_is_idempotent(seed_fixed: str, tmp_path: Path) -> None:
    path = tmp_path / "fixed.txt"
    path.write_text(seed_fixed, "utf-8")
    result = scrapelint("fix", str(path), "--isolated", "--select", "DEB,DUP,FMT", "--diff")
    assert result.stdout == b"", result.stdout.decode()[:2000]


def test_unsafe_fixes_remove_only_what_check_reported() -> None:
    # after a first removal the rules see a new page; their new guesses there (an unsafe fix is a guess) took
    # a review's specs and pros that no report had named (a red-team page: 73 lines, 18 kept)
    from difflib import SequenceMatcher

    from scrapelint.config import Settings, resolve_rules

    settings = Settings()
    linter = Linter(resolve_rules(settings), settings)
    text = (ROOT / "tests" / "pages" / "review_listicle.txt").read_text("utf-8")
    page = Article(id="review", text=text, path="review.txt")
    reported = {
        line
        for finding in linter.lint(page)
        if finding.fix is not None
        for line in range(text.count("\n", 0, finding.fix.start), text.count("\n", 0, finding.fix.end) + 1)
    }
    before, after = text.split("\n"), fix_article(linter, page, unsafe=True).article.text.split("\n")
    removed = {
        line
        for op, first, last, _, _ in SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
        if op in ("delete", "replace")
        for line in range(first, last)
    }
    assert removed and removed <= reported, [before[line] for line in sorted(removed - reported)]
