"""Atomic writes: a temporary file in the target's folder, renamed over it at the end.

A crash or Ctrl-C leaves the old file (or none), never half a file.
"""

from __future__ import annotations

import gzip
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, cast


@contextmanager
def atomic_binary(path: Path) -> Iterator[IO[bytes]]:
    """Write bytes to `path` atomically; gzip-compressed when the name ends in .gz."""
    directory = path.resolve().parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as raw:
            if path.name.endswith(".gz"):
                with gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as compressed:
                    yield cast(IO[bytes], compressed)  # a GzipFile is a binary file, typeshed aside
            else:
                yield raw
            raw.flush()
            os.fsync(raw.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


@contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """Write text (UTF-8) to `path` atomically."""
    with atomic_binary(path) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        try:
            yield text
            text.flush()
        finally:
            text.detach()
