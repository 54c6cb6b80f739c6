"""Hostile input, cases 4, 5 and 7 of issue #20: no traceback, no crash that exits 1, nothing skipped in silence.

Exit codes: 0 clean, 1 findings, 2 usage/config/input errors, 3 internal error.
Each test runs the real command in a fresh folder.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from scrapelint.errors import ArticleCrash, GuardedGroup

RECORD = {"id": "a1", "text": "Hello  world. This is fine."}


def scrapelint(*args: str, cwd: Path, stdin: bytes | None = None, close_stdin: bool = False) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "scrapelint", *args],
        cwd=cwd,
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None and not close_stdin else None,
        capture_output=True,
        timeout=120,
        check=False,
        **({"preexec_fn": lambda: os.close(0)} if close_stdin else {}),
    )
    out, err = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Aborted!" not in err, err
    return done.returncode, out, err


def write_jsonl(path: Path, *records: dict) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))


# -- case 5: crashes ----------------------------------------------------------------------------


@pytest.mark.parametrize("offset", ["+25:00", "+99:99", "+9999"])
def test_an_impossible_zone_offset_is_a_meta001_finding(tmp_path: Path, offset: str) -> None:
    write_jsonl(tmp_path / "d.jsonl", {**RECORD, "published": f"2024-03-05T10:00:00{offset}"})
    code, out, _ = scrapelint("check", "d.jsonl", "--isolated", "--select", "META", cwd=tmp_path)
    assert code == 1 and "META001" in out and "impossible" in out


def test_file_names_that_are_not_utf8_are_reported_in_every_format(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"b\xff c#.txt")).write_text("Hello  world.\n")
    code, out, _ = scrapelint("check", ".", "--isolated", "--select", "FMT", "--format", "json", cwd=tmp_path)
    assert code == 1 and json.loads(out)[0]["path"] == "./b\udcff c#.txt"
    code, out, _ = scrapelint("check", ".", "--isolated", "--select", "FMT", "--format", "sarif", cwd=tmp_path)
    uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert code == 1 and uri == "./b%FF%20c%23.txt"
    code, _, _ = scrapelint("check", ".", "--isolated", "--select", "FMT", "-o", "r.json", cwd=tmp_path)
    assert code == 1 and (tmp_path / "r.json").read_bytes().startswith(b"./b\xff c#.txt:1:6: FMT010")


def test_fixing_one_file_named_twice_fixes_it_once(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", RECORD)
    code, _, _ = scrapelint("fix", "a.jsonl", "a.jsonl", "./a.jsonl", "--isolated", "--select", "FMT", cwd=tmp_path)
    assert code == 0 and json.loads((tmp_path / "a.jsonl").read_text())["text"] == "Hello world. This is fine."


def test_json_nested_deeper_than_orjson_writes_is_an_input_error_copied_through(tmp_path: Path) -> None:
    deep: list = []
    for _ in range(600):
        deep = [deep]
    source = tmp_path / "deep.json"
    source.write_text(json.dumps({**RECORD, "deep": deep}))
    before = source.read_bytes()
    code, _, err = scrapelint("fix", "deep.json", "--isolated", cwd=tmp_path)
    assert code == 2 and source.read_bytes() == before and "input error" in err


def test_corrupt_and_truncated_gzip_are_input_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl.gz").write_bytes(b"not gzip at all")
    packed = gzip.compress(b"".join(json.dumps(RECORD).encode() + b"\n" for _ in range(500)))
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    for name in ("bad.jsonl.gz", "cut.jsonl.gz"):
        code, _, err = scrapelint("fix", name, "--isolated", cwd=tmp_path)
        assert code == 2, err
    code, out, _ = scrapelint("check", "cut.jsonl.gz", "--fix", "--isolated", cwd=tmp_path)
    assert code == 2 and "ERR001" in out  # the report is not lost


@pytest.mark.parametrize("target", ["/nonexistent/r.json", "a.jsonl"])
def test_an_output_that_cannot_or_must_not_be_written_exits_2(tmp_path: Path, target: str) -> None:
    write_jsonl(tmp_path / "a.jsonl", RECORD)
    before = (tmp_path / "a.jsonl").read_bytes()
    code, _, err = scrapelint("check", "a.jsonl", "--isolated", "-o", target, cwd=tmp_path)
    assert code == 2 and "error" in err and (tmp_path / "a.jsonl").read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_fix_in_a_read_only_folder_exits_2(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", RECORD)
    tmp_path.chmod(0o555)
    try:
        code, _, _ = scrapelint("fix", "a.jsonl", "--isolated", cwd=tmp_path)
    finally:
        tmp_path.chmod(0o755)
    assert code == 2


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("pyproject.toml", b'[project]\nname = "x\xff"\n'),  # not ours, and not UTF-8: ignored
        ("pyproject.toml", b"tool = 5\n"),
    ],
)
def test_a_foreign_pyproject_never_breaks_a_run(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    write_jsonl(tmp_path / "a.jsonl", RECORD)
    assert scrapelint("check", "a.jsonl", "--select", "FMT", cwd=tmp_path)[0] == 1


@pytest.mark.parametrize(
    ("config", "args", "named"),
    [
        (b'select = ["FMT"]\n# \xff\n', (), "not UTF-8"),
        (b'per-path-ignores = {"*.txt" = ["NOPE1"]}\n', (), "per-path-ignores"),
        (b'per-article-ignores = {"x" = ["NOPE1"]}\n', (), "per-article-ignores"),
        (b'jobs = "4"\n', (), "jobs"),
        (b'ignore-text = [""]\n', (), "ignore-text"),
        (b"", ("--field", "nope=x"), "nope"),
    ],
)
def test_bad_config_is_one_line_naming_the_key_and_exit_2(
    tmp_path: Path, config: bytes, args: tuple[str, ...], named: str
) -> None:
    (tmp_path / "scrapelint.toml").write_bytes(config)
    write_jsonl(tmp_path / "a.jsonl", RECORD)
    code, _, err = scrapelint("check", "a.jsonl", *args, cwd=tmp_path)
    assert code == 2 and named in err and len(err.strip().splitlines()) == 1, err


def test_a_dictionary_that_is_not_utf8_is_one_error_at_start(tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_bytes(b"\xff\xfe\n")
    write_jsonl(tmp_path / "a.jsonl", RECORD, RECORD)
    code, out, err = scrapelint("check", "a.jsonl", "--isolated", "--dictionary", "words.txt", cwd=tmp_path)
    assert code == 2 and "words.txt" in err and "ERR005" not in out


def test_a_closed_stdin_is_an_input_error(tmp_path: Path) -> None:
    code, out, _ = scrapelint("check", "-", "--isolated", cwd=tmp_path, close_stdin=True)
    assert code == 2 and "stdin is closed" in out


def test_an_unexpected_exception_is_one_line_with_the_article_and_exit_3() -> None:
    @click.group(cls=GuardedGroup)
    def group() -> None:
        pass

    @group.command()
    def boom() -> None:
        raise ArticleCrash("art-7", "feed.jsonl", "ZeroDivisionError: division by zero")

    result = CliRunner().invoke(group, ["boom"])
    assert result.exit_code == 3
    assert "art-7" in result.output and "please report" in result.output and "Traceback" not in result.output


# -- case 4: special files --------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_are_err001_named_or_inside_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "f.txt")
    (folder / "z.txt").symlink_to("/dev/zero")
    (folder / "ok.txt").write_text("Hello world.\n")
    for args in (("in/f.txt", "in/z.txt"), ("in",)):
        code, out, _ = scrapelint("check", *args, "--isolated", "--select", "FMT,ERR", cwd=tmp_path)
        assert code == 2 and out.count("ERR001 not a regular file") == 2, out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_folder_or_file_is_err001_and_the_rest_is_linted(tmp_path: Path) -> None:
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "ok.txt").write_text("Hello  world.\n")
    (tmp_path / "secret.txt").write_text("x")
    (tmp_path / "in" / "locked").chmod(0)
    (tmp_path / "secret.txt").chmod(0)
    try:
        code, out, _ = scrapelint("check", "secret.txt", "in", "--isolated", "--select", "FMT,ERR", cwd=tmp_path)
    finally:
        (tmp_path / "in" / "locked").chmod(0o755)
    assert code == 2 and out.count("ERR001") == 2 and "FMT010" in out


# -- case 7: small bugs ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["[Updated] The council met on Monday.\n", "{Exclusive} The council met.\n"])
def test_stdin_text_that_starts_like_json_is_read_as_text(tmp_path: Path, text: str) -> None:
    code, out, _ = scrapelint("check", "-", "--isolated", "--select", "ERR", cwd=tmp_path, stdin=text.encode())
    assert code == 0, out


def test_a_lone_surrogate_escape_is_valid_json_read_as_a_replacement_character(tmp_path: Path) -> None:
    source = tmp_path / "s.jsonl"
    source.write_bytes(b'{"id": "s", "text": "Bad \\ud800 char  here."}\n')
    code, out, _ = scrapelint("check", "s.jsonl", "--isolated", cwd=tmp_path)
    assert code == 1 and "ERR002" not in out and "FMT007" in out
    before = source.read_bytes()
    scrapelint("fix", "s.jsonl", "--isolated", cwd=tmp_path)
    assert source.read_bytes() == before  # lossy: never written back


def test_two_zero_width_spaces_in_a_row_are_one_finding() -> None:
    from tests.conftest import lint_text

    [finding] = lint_text("Hello\u200b\u200bworld and more.", select=["FMT006"])
    assert (finding.start, finding.end) == (5, 7) and "2 invisible characters" in finding.message


def test_an_impossible_calendar_date_is_called_impossible() -> None:
    from tests.conftest import lint_text

    [finding] = lint_text("Body text.", select=["META001"], published="2023-02-30")
    assert "impossible date" in finding.message and "with a year" not in finding.message


def test_show_source_prints_a_window_not_the_whole_line(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text("word " * 60_000 + "x  y " + "word " * 60_000 + "\n")
    code, out, _ = scrapelint("check", "long.txt", "--isolated", "--select", "FMT010", "--show-source", cwd=tmp_path)
    source, caret = out.splitlines()[1:3]
    assert code == 1 and len(source) < 200 and source.startswith("1 | …") and source.endswith("…")
    assert source[caret.index("^") : caret.index("^") + 2] == "  "


def test_fix_parquet_without_pyarrow_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "a.parquet").write_bytes(b"PAR1 not really")
    block = "import sys; sys.modules['pyarrow'] = sys.modules['pyarrow.parquet'] = None; "
    done = subprocess.run(
        [sys.executable, "-c", block + "from scrapelint.cli import main; main()", "fix", "a.parquet", "--isolated"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr


def test_ctrl_c_never_exits_1(tmp_path: Path) -> None:
    """Interrupted while reading stdin (a pipe that stays open): exit 130, not click's "Aborted!" and 1."""
    import signal
    import time

    command = [sys.executable, "-m", "scrapelint", "check", "-", "--isolated", "--select", "FMT"]
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert process.stdin is not None
    process.stdin.write("Hello  world.\n")
    process.stdin.flush()
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("scrapelint-stdin-*")) and time.monotonic() < deadline:
        time.sleep(0.02)  # until stdin is being spooled
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and "interrupted" in err and "Traceback" not in err, err
    assert not list(tmp_path.glob("scrapelint-stdin-*"))


def test_sniffing_still_takes_json_for_json() -> None:
    from scrapelint.sources import sniff_format

    assert [sniff_format(d) for d in (b'["a"]', b"[]", b" [ 1 ]", b'[{"text": "a"}]', b'{"text": "a"}\n')] == [
        "json",
        "json",
        "json",
        "json",
        "jsonl",
    ]
    assert [sniff_format(d) for d in (b"[Updated] The council", b"{Exclusive} The council")] == ["text", "text"]
