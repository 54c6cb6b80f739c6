"""Atomic writes: a temporary file in the target's folder, renamed over it at the end.

A crash, Ctrl-C or SIGTERM leaves the old file (or none), never half a file, and no
temporary file. The rename goes to the file a symlink points to (the link stays a link);
a new file gets the mode the umask gives, a replaced one keeps its mode. A target that
is not a regular file (a FIFO, /dev/null, /dev/stdout) is written directly: renaming over
a device node would replace it.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, cast

from scrapelint.errors import held_signals


def is_special(path: Path) -> bool:
    """An existing target that is not a regular file (a device, a FIFO, a socket), or any path in /dev
    (/dev/stdout names the terminal, a pipe, or the file the shell redirected to: never rename over it)."""
    if str(path).startswith("/dev/"):
        return True
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_binary(path: Path) -> Iterator[IO[bytes]]:
    """Write bytes to `path` atomically; gzip-compressed when the name ends in .gz."""
    if is_special(path):
        with open(path, "wb") as raw:
            if path.name.endswith(".gz"):
                with gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as compressed:
                    yield cast(IO[bytes], compressed)
            else:
                yield raw
        return
    target = Path(os.path.realpath(path))  # through a symlink, to the file it names
    temporary = ""
    try:
        with held_signals():  # inside the try: an interrupt held back until the name is known is cleaned up
            handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(handle, "wb") as raw:
            if path.name.endswith(".gz"):
                with gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as compressed:
                    yield cast(IO[bytes], compressed)  # a GzipFile is a binary file, typeshed aside
            else:
                yield raw
            raw.flush()
            os.fsync(raw.fileno())
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
        raise


@contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """Write text (UTF-8) to `path` atomically."""
    with atomic_binary(path) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8", errors="surrogateescape", newline="")
        try:
            yield text
            text.flush()
        finally:
            text.detach()
