"""Readers: paths and stdin in, a stream of `Article`s (or `InputError`s) out.

Everything streams: a JSONL file is read line by line, so memory stays flat
however large it is. A broken record becomes an `InputError` with its path and
line, and the records after it are still read.
"""

from __future__ import annotations

import atexit
import fnmatch
import functools
import gzip
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal, cast

import orjson

from scrapelint.errors import held_signals
from scrapelint.models import Article

Format = Literal["text", "json", "jsonl", "parquet"]

SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".parquet": "parquet",  # needs pyarrow: pip install scrapelint[parquet]
}
DEFAULT_INCLUDE = tuple(f"*{suffix}{gz}" for suffix in SUFFIX_FORMATS for gz in ("", ".gz"))

# Canonical field -> record keys tried in order. Covers trafilatura (JSON output),
# news-please, newspaper3k/4k, and the usual names of Scrapy items.
FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "maintext",
        "content",
        "body",
        "article",
        "article_text",
        "articleBody",
        "article_body",
        "full_text",
        "fulltext",
        "main_text",
        "body_text",
        "plain_text",
        "raw_text",
    ),
    "id": ("id", "_id", "uuid", "doc_id", "article_id", "docid"),
    "url": ("url", "link", "source_url", "canonical_url", "article_url", "uri", "href"),
    "title": ("title", "headline", "article_title"),
    "author": ("author", "authors", "byline", "creator", "by"),
    "published": (
        "published",
        "date",
        "date_publish",
        "publish_date",
        "published_at",
        "date_published",
        "datePublished",
        "pubdate",
        "pub_date",
        "publication_date",
        "published_date",
        "publishedAt",
        "created_at",
    ),
    "modified": (
        "modified",
        "date_modify",
        "date_modified",
        "dateModified",
        "modified_at",
        "updated",
        "updated_at",
        "last_modified",
        "lastmod",
    ),
    "language": ("language", "lang", "inLanguage", "meta_lang", "locale"),
}


@dataclass
class InputError:
    """A record or file that could not be read as an article."""

    code: str
    message: str
    path: str
    line: int | None = None
    raw: bytes | None = field(default=None, repr=False)  # the record as it came, so fix copies it through


Item = Article | InputError


@dataclass
class SourceOptions:
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    stdin_format: Format | None = None
    fields: Mapping[str, str] = field(default_factory=dict)  # canonical -> the user's record key

    def candidates(self, canonical: str) -> tuple[str, ...]:
        if canonical in self.fields:
            return (self.fields[canonical],)
        return FIELD_CANDIDATES[canonical]


def format_of(path: str) -> Format:
    name = path.removesuffix(".gz")
    return SUFFIX_FORMATS.get(Path(name).suffix.lower(), "text")


def expand_paths(paths: Iterable[str], options: SourceOptions) -> Iterator[str]:
    """Files named directly, and files under directories that match include/exclude globs, sorted.

    A file named twice (or reached twice, through a link) comes once; a directory that cannot be
    listed comes as itself, so that `read_path` reports it instead of it being skipped in silence.
    """
    seen: set[str] = set()

    def first_time(path: str) -> bool:
        key = path if path == "-" else os.path.realpath(path)
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        if raw == "-" or not os.path.isdir(raw):
            if not _excluded(raw, options) and first_time(raw):
                yield raw
            continue
        unlisted: list[str] = []  # folders os.walk could not list: each becomes an ERR001
        for root, dirs, files in os.walk(raw, onerror=functools.partial(_note_unlisted, unlisted)):
            yield from filter(first_time, unlisted)
            unlisted.clear()
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded(os.path.join(root, d), options))
            for name in sorted(files):
                full = os.path.join(root, name)
                if (
                    any(fnmatch.fnmatch(name, pattern) for pattern in options.include)
                    and not _excluded(full, options)
                    and first_time(full)
                ):
                    yield full
        yield from filter(first_time, unlisted)


def _note_unlisted(unlisted: list[str], error: OSError) -> None:
    """os.walk's `onerror`: a folder it could not list, reported as ERR001 rather than skipped."""
    unlisted.append(str(error.filename))


def _excluded(path: str, options: SourceOptions) -> bool:
    normalised = path.replace(os.sep, "/")
    return any(
        fnmatch.fnmatch(normalised, pattern) or fnmatch.fnmatch(os.path.basename(normalised), pattern)
        for pattern in options.exclude
    )


def read_paths(paths: Iterable[str], options: SourceOptions | None = None) -> Iterator[Item]:
    options = options or SourceOptions()
    for path in expand_paths(paths, options):
        yield from read_path(path, options)


@functools.cache
def stdin_spool() -> str:
    """stdin, copied once per process to a temporary file (removed at exit), then read from there as a stream.

    Memory stays flat, as for a file (holding a 39 MB stream took 172 MB), and a second pass (corpus
    rules) or `fix` reads it again.
    """
    owner = os.getpid()
    with held_signals():  # a Ctrl-C between the two would leave the file (tests/test_hostile_cli.py)
        handle, path = tempfile.mkstemp(prefix="scrapelint-stdin-", suffix=".tmp")

        def remove() -> None:
            if os.getpid() == owner and os.path.exists(path):
                os.unlink(path)

        atexit.register(remove)
    with os.fdopen(handle, "wb") as out:
        shutil.copyfileobj(sys.stdin.buffer, out, 1 << 20)
    return path


def stdin_bytes() -> bytes:
    """All of stdin (read once per process); prefer streaming `stdin_spool()`."""
    return Path(stdin_spool()).read_bytes()


def sniff_stream(stream: BinaryIO) -> Format:
    """`sniff_format` on the start of a stream (its first line, when it starts with `{`); rewinds it."""
    head = stream.read(1 << 16)
    if head.lstrip()[:1] == b"{" and b"\n" not in head.lstrip():
        head += stream.readline()
    stream.seek(0)
    return sniff_format(head)


def read_path(path: str, options: SourceOptions) -> Iterator[Item]:
    if path == "-":
        if sys.stdin is None:
            yield InputError("ERR001", "cannot read: stdin is closed", path)
            return
        with open(stdin_spool(), "rb") as spooled:
            yield from read_bytes_stream(spooled, "-", options.stdin_format or sniff_stream(spooled), options)
        return
    problem = not_a_file(path)
    if problem:
        yield InputError("ERR001", problem, path)
        return
    if format_of(path) == "parquet":
        yield from _read_parquet(path, options)
        return
    try:
        stream = cast(BinaryIO, gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb"))  # noqa: SIM115
    except OSError as error:
        yield InputError("ERR001", f"cannot read: {error.strerror or error}", path)
        return
    with stream:
        yield from read_bytes_stream(stream, path, format_of(path), options)


def not_a_file(path: str) -> str | None:
    """Why `path` cannot be read as a file, or None: reading /dev/zero would never end, a FIFO would block."""
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            os.listdir(path)  # the reason it was not listed
            return "cannot read: a directory that could not be listed"
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket"
    return f"not a regular file ({kind}): not read"


def _read_parquet(path: str, options: SourceOptions) -> Iterator[Item]:
    """One article per row, streamed a batch at a time (never the whole file); `line` is the 1-based row."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield InputError("ERR001", "cannot read Parquet without pyarrow: pip install 'scrapelint[parquet]'", path)
        return
    row = 0
    try:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
            for record in batch.to_pylist():
                row += 1
                yield record_to_article(record, path, row, options, f"{path}:{row}", raw=None)
    except (OSError, ValueError) as error:  # pyarrow's ArrowInvalid is a ValueError
        yield InputError("ERR001", f"cannot read Parquet: {error}", path, row + 1 if row else None)


def sniff_format(data: bytes) -> Format:
    stripped = data.lstrip()
    head, second = stripped[:1], stripped[1:].lstrip()[:1]
    if head == b"[" and second and second not in b'{["-0123456789tfn]"':
        return "text"  # "[Updated] The council ..." is an article, not a JSON array
    if head == b"{" and second and second not in b'"}':
        return "text"  # "{Exclusive} ..." likewise
    if head == b"[":
        return "json"
    if head == b"{":
        first_line = data.lstrip().split(b"\n", 1)[0]
        try:
            orjson.loads(first_line)
            return "jsonl"
        except orjson.JSONDecodeError:
            return "json"
    return "text"


def read_bytes_stream(stream: BinaryIO, path: str, fmt: Format, options: SourceOptions) -> Iterator[Item]:
    try:
        if fmt == "jsonl":
            yield from _read_jsonl(stream, path, options)
        elif fmt == "json":
            yield from _read_json(stream.read(), path, options)
        else:
            yield from _read_text(stream.read(), path)
    except (OSError, EOFError, zlib.error) as error:
        yield InputError("ERR001", f"cannot read: {error}", path)


def _decode(data: bytes, path: str, line: int | None) -> tuple[str, InputError | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        where = f"at byte {error.start}"
        problem = InputError("ERR004", f"not valid UTF-8 {where}; decoded with U+FFFD replacements", path, line)
        return data.decode("utf-8", errors="replace"), problem


def _read_text(data: bytes, path: str) -> Iterator[Item]:
    text, problem = _decode(data, path, 1)
    if problem:
        yield problem
    text = text.removeprefix("\ufeff")
    yield Article(id=path, text=text, path=path, lossy=problem is not None)


def _read_jsonl(stream: BinaryIO, path: str, options: SourceOptions) -> Iterator[Item]:
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        yield from _parse_record(raw, path, number, options, f"{path}:{number}")


def _read_json(data: bytes, path: str, options: SourceOptions) -> Iterator[Item]:
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        yield InputError("ERR002", f"invalid JSON: {error}", path, getattr(error, "lineno", None), raw=data)
        return
    records = value if isinstance(value, list) else [value]
    for index, record in enumerate(records):
        fallback = path if not isinstance(value, list) else f"{path}[{index}]"
        yield record_to_article(record, path, None, options, fallback, raw=None)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # (a valid pair is one character once parsed)


def _parse_record(raw: bytes, path: str, line: int, options: SourceOptions, fallback_id: str) -> Iterator[Item]:
    text, problem = _decode(raw, path, line)
    if problem:
        yield problem
    lone_surrogate = False
    try:
        record = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        try:  # orjson rejects "\ud800", which is valid JSON (a lone surrogate escape): read it as U+FFFD (FMT007)
            record = json.loads(_LONE_SURROGATE.sub("\ufffd", json.dumps(json.loads(text), ensure_ascii=False)))
            lone_surrogate = True
        except ValueError:
            yield InputError("ERR002", f"invalid JSON: {error}", path, line, raw=raw)
            return
    item = record_to_article(record, path, line, options, fallback_id, raw=raw)
    if (problem or lone_surrogate) and isinstance(item, Article):
        item.lossy = True  # fix must not write it back (a lone surrogate cannot be encoded)
    yield item


MAX_DEPTH = 200  # JSON nesting: orjson reads 1024 levels but cannot write 256, and pickling to a worker fails


def _too_deep(value: Any, limit: int) -> bool:
    """Whether lists and objects nest more than `limit` levels (an iterative walk: no recursion limit)."""
    stack = [(value, 1)]
    while stack:
        current, depth = stack.pop()
        if depth > limit:
            return True
        children = current.values() if isinstance(current, dict) else current
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def record_to_article(
    record: Any, path: str, line: int | None, options: SourceOptions, fallback_id: str, raw: bytes | None
) -> Item:
    """One JSON record as an Article, its fields mapped; an InputError when it is not an article."""
    if not isinstance(record, dict):
        return InputError("ERR002", f"expected a JSON object, got {type(record).__name__}", path, line, raw=raw)
    if (raw is None or raw.count(b"[") + raw.count(b"{") > MAX_DEPTH) and _too_deep(record, MAX_DEPTH):
        message = f"nested more than {MAX_DEPTH} levels deep: not an article record; copied through as it is"
        return InputError("ERR002", message, path, line, raw=raw)
    mapped: dict[str, str] = {}
    values: dict[str, str | None] = {}
    for canonical in FIELD_CANDIDATES:
        key, value = _first_present(record, options.candidates(canonical))
        if key is not None:
            mapped[canonical] = key
        values[canonical] = _as_text(value)
    text_key = mapped.get("text")
    if text_key is None or not isinstance(record[text_key], str):
        tried = ", ".join(options.candidates("text"))
        detail = f"field {text_key!r} is not a string" if text_key else f"no text field (tried {tried})"
        return InputError("ERR003", detail, path, line, raw=raw)
    return Article(
        id=values["id"] or values["url"] or fallback_id,
        text=record[text_key],
        url=values["url"],
        title=values["title"],
        author=values["author"],
        published=values["published"],
        published_at=parse_timestamp(values["published"]),
        modified=values["modified"],
        modified_at=parse_timestamp(values["modified"]),
        language=values["language"],
        path=path,
        line=line,
        text_field=text_key,
        fields=mapped,
        record=record,
    )


def _first_present(record: dict[str, Any], keys: Iterable[str]) -> tuple[str | None, Any]:
    for key in keys:
        if key in record and record[key] is not None:
            return key, record[key]
    return None, None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(str(item) for item in value if item is not None) or None
    return str(value)


def parse_timestamp(value: str | None) -> datetime | None:
    """An ISO 8601 timestamp ('2023-03-05', '2023-03-05T10:00:00Z', '2023-03-05 10:00:00'), else None."""
    if not value:
        return None
    candidate = value.strip()
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(candidate)
    except ValueError:
        return None
