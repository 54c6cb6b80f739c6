"""Readers: paths and stdin in, a stream of `Article`s (or `InputError`s) out.

Everything streams: a JSONL file is read line by line, so memory stays flat
however large it is. A broken record becomes an `InputError` with its path and
line, and the records after it are still read.
"""

from __future__ import annotations

import fnmatch
import functools
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal, cast

import orjson

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
    "language": ("language", "lang", "inLanguage"),
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
    """Files named directly, and files under directories that match include/exclude globs, sorted."""
    for raw in paths:
        if raw == "-" or not os.path.isdir(raw):
            if not _excluded(raw, options):
                yield raw
            continue
        for root, dirs, files in os.walk(raw):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded(os.path.join(root, d), options))
            for name in sorted(files):
                full = os.path.join(root, name)
                if any(fnmatch.fnmatch(name, pattern) for pattern in options.include) and not _excluded(full, options):
                    yield full


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
def stdin_bytes() -> bytes:
    """All of stdin, read once per process: a two-pass run (corpus rules) and `fix` read it again."""
    return sys.stdin.buffer.read()


def read_path(path: str, options: SourceOptions) -> Iterator[Item]:
    if path == "-":
        data = stdin_bytes()
        yield from read_bytes_stream(io.BytesIO(data), "-", options.stdin_format or sniff_format(data), options)
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
    head = data.lstrip()[:1]
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


def _parse_record(raw: bytes, path: str, line: int, options: SourceOptions, fallback_id: str) -> Iterator[Item]:
    text, problem = _decode(raw, path, line)
    if problem:
        yield problem
    try:
        record = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        yield InputError("ERR002", f"invalid JSON: {error}", path, line, raw=raw)
        return
    item = record_to_article(record, path, line, options, fallback_id, raw=raw)
    if problem and isinstance(item, Article):
        item.lossy = True
    yield item


def record_to_article(
    record: Any, path: str, line: int | None, options: SourceOptions, fallback_id: str, raw: bytes | None
) -> Item:
    """One JSON record as an Article, its fields mapped; an InputError when it is not an article."""
    if not isinstance(record, dict):
        return InputError("ERR002", f"expected a JSON object, got {type(record).__name__}", path, line, raw=raw)
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
