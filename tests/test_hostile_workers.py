"""Hostile input, case 2 of issue #20: a worker that dies (kill -9, the OOM killer) stops the run with exit 2.

`multiprocessing.Pool` never notices a lost task and the parent waited forever; the
engine's pool now reports the chunk that was lost, and the temporary report file goes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from scrapelint.document import Document
from scrapelint.engine import Linter, run
from scrapelint.errors import WorkerLost
from scrapelint.models import Article, Finding
from scrapelint.rule import Rule

PARENT = os.getpid()


class DiesInAWorker(Rule):
    """A real rule that kills its own process on one article, as the OOM killer would, only in a worker."""

    code = "TST902"
    name = "dies-in-a-worker"
    summary = "Kills its worker."
    what = "SIGKILLs the process on the article with id 'doomed' unless it is the test's own process."
    why = "Testing that a lost worker is noticed."
    example = "doomed -> the worker dies"

    def check(self, doc: Document) -> Iterable[Finding]:
        if doc.article.id == "doomed" and os.getpid() != PARENT:
            os.kill(os.getpid(), signal.SIGKILL)
        return []


def test_a_worker_killed_mid_run_raises_instead_of_hanging() -> None:
    articles = [Article(id=f"a{i}", text=f"Record {i} is a plain sentence.", path="r.jsonl") for i in range(400)]
    articles[100] = Article(id="doomed", text="This one kills its worker.", path="r.jsonl")
    began = time.monotonic()
    with pytest.raises(WorkerLost, match=r"worker process died .* of r\.jsonl"):
        list(run(Linter([DiesInAWorker()]), lambda: articles, jobs=2))
    assert time.monotonic() - began < 30


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(child) for child in handle.read().split()]
    except OSError:
        return []


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs /proc to find the worker")
def test_cli_exits_2_and_leaves_no_temporary_file_when_a_worker_is_killed(tmp_path: Path) -> None:
    records = (json.dumps({"id": i, "text": f"Record {i} is a plain sentence."}) + "\n" for i in range(60_000))
    (tmp_path / "r.jsonl").write_text("".join(records))
    command = [sys.executable, "-m", "scrapelint", "check", "r.jsonl", "--isolated", "--select", "FMT", "-j", "2"]
    process = subprocess.Popen(
        [*command, "-o", "out.json", "--format", "json"], cwd=tmp_path, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while not (workers := _children(process.pid)) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert workers, "no worker started"
        os.kill(workers[0], signal.SIGKILL)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 2, stderr
    assert "worker process died" in stderr and "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.jsonl"]  # no report, no .out.json.*.tmp
