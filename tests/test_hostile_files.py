"""Hostile input, case 6 of issue #20: `fix` and `-o` change no byte and no file they were not asked to."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scrapelint.atomic import atomic_binary
from scrapelint.json_splice import splice


def scrapelint(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "scrapelint", *args], cwd=cwd, capture_output=True, timeout=120, check=False
    )


def test_a_changed_jsonl_record_keeps_everything_but_its_text(tmp_path: Path) -> None:
    source = tmp_path / "a.jsonl"
    line = b'{"id":1, "text":"first", "n":1E5,"x":1.50,"e":"\\u00e9","text":"Hello  world.\xe2\x80\xa8Next."}\n'
    source.write_bytes(line + b'{"id": 2, "text": "untouched  here"}\r\n')
    assert scrapelint("fix", "a.jsonl", "--isolated", "--select", "FMT010", cwd=tmp_path).returncode == 0
    first, second = source.read_bytes().split(b"\n", 1)
    # the last of duplicate keys is the text; numbers, escapes and spacing stay; U+2028 is escaped
    assert first == b'{"id":1, "text":"first", "n":1E5,"x":1.50,"e":"\\u00e9","text":"Hello world.\\u2028Next."}'
    assert second == b'{"id": 2, "text": "untouched here"}\r\n'
    assert json.loads(first)["text"] == "Hello world.\u2028Next."


def test_a_json_file_is_changed_only_in_the_fixed_strings(tmp_path: Path) -> None:
    source = tmp_path / "a.json"
    original = (
        '[\n    {"id": 1, "text": "Hello  world.", "v": 1.50, "e": "\\u00e9"},\n    {"id": 2, "text": "fine"}\n]\n'
    )
    source.write_text(original)
    assert scrapelint("fix", "a.json", "--isolated", "--select", "FMT010", cwd=tmp_path).returncode == 0
    assert source.read_text() == original.replace("Hello  world.", "Hello world.")


def test_splice_handles_nesting_that_orjson_cannot_write() -> None:
    data = b'{"deep": ' + b"[" * 2000 + b"]" * 2000 + b', "text": "a  b"}'
    assert splice(data, 1, {(0, "text"): "a b"}) == data.replace(b"a  b", b"a b")
    assert splice(b'{"title": "x"}', 1, {(0, "text"): "y"}) is None


def test_a_txt_keeps_its_final_newline_when_its_last_line_goes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"The council met on Monday to vote.\r\nAdvertisement\r\n")
    scrapelint("fix", "a.txt", "--isolated", "--select", "DEB003", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_bytes() == b"The council met on Monday to vote.\r\n"


def test_fix_writes_through_a_symlink_and_keeps_the_mode(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("Hello  world.\n")
    (tmp_path / "real.txt").chmod(0o640)
    (tmp_path / "link.txt").symlink_to("real.txt")
    scrapelint("fix", "link.txt", "--isolated", "--select", "FMT010", cwd=tmp_path)
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text() == "Hello world.\n"
    assert (tmp_path / "real.txt").stat().st_mode & 0o777 == 0o640


def test_a_new_output_respects_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with atomic_binary(tmp_path / "new.txt") as out:
            out.write(b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o644


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_an_output_that_is_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Hello  world.\n")
    fifo = tmp_path / "report"
    os.mkfifo(fifo)
    command = [sys.executable, "-m", "scrapelint", "check", "a.txt", "--isolated", "--select", "FMT", "-o", "report"]
    process = subprocess.Popen(command, cwd=tmp_path)
    with open(fifo, "rb") as reader:
        report = reader.read()
    assert process.wait(timeout=60) == 1
    assert b"FMT010" in report and fifo.is_fifo()


def test_sigterm_leaves_no_temporary_file(tmp_path: Path) -> None:
    records = "".join(json.dumps({"id": i, "text": f"Record  {i} is a plain sentence."}) + "\n" for i in range(40_000))
    (tmp_path / "a.jsonl").write_text(records)
    command = [sys.executable, "-m", "scrapelint", "fix", "a.jsonl", "--isolated", "--select", "FMT", "-j", "1"]
    process = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=60)
    assert process.returncode != 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]
    assert (tmp_path / "a.jsonl").read_text() == records


def test_stdin_is_spooled_to_disk_read_as_a_stream_and_removed(tmp_path: Path) -> None:
    spool_dir = tmp_path / "spool"
    spool_dir.mkdir()
    records = b'{"id": 1, "text": "Hello  world."}\n{"id": 2, "text": "ok"}\n'
    done = subprocess.run(
        [sys.executable, "-m", "scrapelint", "fix", "-", "--isolated", "--select", "FMT,DEB008"],
        input=records,
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "TMPDIR": str(spool_dir)},
    )
    assert done.returncode == 0 and done.stdout == records.replace(b"Hello  world.", b"Hello world.")
    assert list(spool_dir.iterdir()) == []
