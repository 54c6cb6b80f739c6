"""Write fixed articles back in the format they came in, changing nothing else.

The writer reads the input file a second time, alongside the fix results, and
copies it through: an unchanged record (or a record that failed to parse) goes
out byte for byte; a changed JSONL record is the same JSON value with only its
text field replaced (key order kept). A .txt/.md file is rewritten only when its
text changed (a UTF-8 BOM is kept). JSON files are parsed whole, as the reader
does. Output is atomic (temporary file + rename, gzip by the `.gz` name), so a
crash leaves the old file; `--backup` copies the old file to `FILE.bak` first.
"""

from __future__ import annotations

import difflib
import gzip
import io
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO, cast

import orjson

from scrapelint.atomic import atomic_binary
from scrapelint.fix import Outcome
from scrapelint.json_splice import splice
from scrapelint.sources import Format, InputError, Item, format_of, sniff_stream, stdin_spool

BOM = b"\xef\xbb\xbf"
STDOUT = "-"


def diff_lines(before: str, after: str, label: str) -> Iterator[str]:
    """A unified diff of two texts, with git's marker for a last line without a newline."""
    for line in difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{label}", f"b/{label}"
    ):
        yield line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"


class _FileOutput:
    """The rewrite of one input file: its source, where it goes, and the changes that arrive in order."""

    def __init__(
        self, path: str, fmt: Format, source: bytes | None, target: str | None, backup: bool, diff: TextIO | None
    ) -> None:
        self.path = path
        self.fmt = fmt
        self.source_bytes = source  # the source's bytes, if given; None: read the file
        self.source_path = path  # where to read it (stdin: its spooled copy)
        self.target = target  # a path, STDOUT, or None for "in place, only if changed"
        self.backup = backup
        self.diff = diff
        self.records = 0  # records seen so far: the index of the next one in a JSON array
        self.changes: dict[int, tuple[str, str]] = {}  # JSON/text: index -> (field, new text)
        self.dropped: dict[int, str] = {}  # JSON array: index -> text field of records left out (--drop-below)
        self.changed = False
        self._stack = ExitStack()
        self._source: BinaryIO | None = None
        self._sink: IO[bytes] | None = None
        self._line = 0  # JSONL lines read from the source so far
        self._parquet = _ParquetCopy() if fmt == "parquet" else None

    # -- reading the source ----------------------------------------------------

    def _open_source(self) -> BinaryIO:
        if self.source_bytes is not None:
            return io.BytesIO(self.source_bytes)
        path = self.source_path
        return cast(BinaryIO, gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb"))

    def _source_stream(self) -> BinaryIO:
        if self._source is None:
            self._source = self._stack.enter_context(self._open_source())
        return self._source

    def _read_all(self) -> bytes:
        with self._open_source() as stream:
            return stream.read()

    # -- writing ---------------------------------------------------------------

    def _open_sink(self) -> IO[bytes]:
        if self._sink is None:
            target = self.target or self.path
            if target == STDOUT:
                self._sink = sys.stdout.buffer
            else:
                if self.backup and Path(target).exists():
                    shutil.copy2(target, target + ".bak")
                self._sink = self._stack.enter_context(atomic_binary(Path(target)))
        return self._sink

    def add(self, item: Item, outcome: Outcome) -> None:
        if isinstance(item, InputError) and item.code in ("ERR001", "ERR004"):
            return  # not a record: an unreadable file, or a note on the record that follows
        index = self.records
        self.records += 1
        if outcome.text is None or isinstance(item, InputError):
            return
        self.changed = True
        if self.fmt == "jsonl" and item.line is not None:
            self._replace_line(item.line, item.text_field, outcome.text)
        elif self._parquet is not None:  # fmt == "parquet"
            self.changes[index] = (item.text_field, outcome.text)
            self._parquet.flush(self, complete=index)
        else:
            self.changes[index] = (item.text_field, outcome.text)

    def drop(self, item: Item) -> bool:
        """Leave a record out of the output; False when the format cannot (one article per file, Parquet)."""
        index = self.records
        self.records += 1
        if isinstance(item, InputError):
            return False
        if self.fmt == "jsonl" and item.line is not None:
            self.changed = True
            self._replace_line(item.line, item.text_field, None)
            return True
        if self.fmt == "json" and self._is_array():
            self.changed = True
            self.dropped[index] = item.text_field
            return True
        return False

    def _is_array(self) -> bool:
        """A JSON file holding a list of records (rather than one record)."""
        with self._open_source() as stream:
            return stream.read(4096).lstrip(BOM + b" \t\r\n").startswith(b"[")

    def _replace_line(self, number: int, text_field: str, text: str | None) -> None:
        """Copy the source up to line `number`, then write that record with its new text (None: leave it out)."""
        sink = None if self.diff else self._open_sink()
        source = self._source_stream()
        raw = b""
        while self._line < number:
            raw = source.readline()
            self._line += 1
            if self._line < number and sink is not None:
                sink.write(raw)
        if self.diff is not None:
            before = orjson.loads(raw)[text_field]
            self.diff.writelines(diff_lines(before, text or "", f"{self.path}:{number}:{text_field}"))
        elif text is not None:
            assert sink is not None
            # only the text value changes: duplicate keys, numbers as written, escapes and spacing stay
            spliced = splice(raw, 1, {(0, text_field): text})
            if spliced is None:  # (cannot happen for a record the reader parsed; kept safe)
                ending = raw[len(raw.rstrip(b"\r\n")) :]
                spliced = orjson.dumps({**orjson.loads(raw), text_field: text}) + ending
            sink.write(spliced)

    def close(self) -> None:
        """Finish the file: copy the rest, rewrite a text/JSON file that changed, commit the rename."""
        with self._stack:
            if self.fmt == "jsonl":
                self._finish_jsonl()
            elif self._parquet is not None:  # fmt == "parquet"
                self._parquet.flush(self, complete=None)
            elif self.fmt == "json":
                self._finish_whole(self._new_json)
            else:
                self._finish_whole(self._new_text)

    def abort(self, error: BaseException) -> None:
        """Drop the temporary file; the target stays as it was."""
        self._stack.__exit__(type(error), error, error.__traceback__)

    def _finish_jsonl(self) -> None:
        if self.diff is not None:
            return
        if self._sink is None and self.target is None:
            return  # in place and nothing changed: leave the file alone
        sink = self._open_sink()
        shutil.copyfileobj(self._source_stream(), sink)

    def _finish_whole(self, rewrite: Callable[[bytes], bytes]) -> None:
        if not self.changed and (self.diff is not None or self.target is None):
            return
        original = self._read_all()
        data = rewrite(original) if self.changed else original
        if self.diff is not None:
            return
        self._open_sink().write(data)

    def _new_text(self, original: bytes) -> bytes:
        _, text = self.changes[0]
        bom = BOM if original.startswith(BOM) else b""
        ending = b"\r\n" if original.endswith(b"\r\n") else b"\n" if original.endswith(b"\n") else b""
        if text and ending and not text.endswith("\n"):
            text += ending.decode()  # the last line went: the file still ends with a line break
        if self.diff is not None:
            before = original[len(bom) :].decode("utf-8")
            self.diff.writelines(diff_lines(before, text, self.path))
        return bom + text.encode("utf-8")

    def _new_json(self, original: bytes) -> bytes:
        if self.diff is None and not self.dropped:
            depth = 2 if original.lstrip(BOM + b" \t\r\n")[:1] == b"[" else 1
            spliced = splice(original, depth, {(i, key): text for i, (key, text) in self.changes.items()})
            if spliced is not None:
                return spliced  # only the changed strings: indent, numbers and escapes stay as written
        value = orjson.loads(original)
        for index, (text_field, text) in self.changes.items():
            record = value[index] if isinstance(value, list) else value
            if self.diff is not None:
                label = f"{self.path}[{index}]" if isinstance(value, list) else self.path
                self.diff.writelines(diff_lines(record[text_field], text, f"{label}:{text_field}"))
            record[text_field] = text
        if isinstance(value, list) and self.dropped:
            if self.diff is not None:
                for index, text_field in sorted(self.dropped.items()):
                    before = str(value[index].get(text_field, ""))
                    self.diff.writelines(diff_lines(before, "", f"{self.path}[{index}]:{text_field}"))
            value = [record for index, record in enumerate(value) if index not in self.dropped]
        indent = orjson.OPT_INDENT_2 if b"\n " in original.strip() else 0
        return orjson.dumps(value, option=indent) + (b"\n" if original.endswith(b"\n") else b"")


class _ParquetCopy:
    """Copy a Parquet file row group by row group, with the changed texts put in: memory holds one row group.

    Row groups are written once every record in them has arrived (or at the end), so the schema,
    the row groups and every other column come through as they were.
    """

    def __init__(self) -> None:
        self.group = 0  # the next source row group to write
        self.row = 0  # its first row
        self.writer: Any = None  # a pyarrow ParquetWriter (pyarrow is an optional extra, untyped)
        self.source: Any = None  # a pyarrow ParquetFile

    def flush(self, output: _FileOutput, complete: int | None) -> None:
        """Write the row groups that end at or before record `complete` (None: all that are left)."""
        if output.diff is None and output.target is None and not output.changed:
            return  # in place and nothing changed (yet), or unreadable (no pyarrow): leave the file alone
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.source is None:
            self.source = pq.ParquetFile(output.path)
        source = self.source
        while self.group < source.num_row_groups:
            size = source.metadata.row_group(self.group).num_rows
            if complete is not None and self.row + size > complete + 1:
                return
            table = source.read_row_group(self.group)
            changes = {i - self.row: change for i, change in output.changes.items() if self.row <= i < self.row + size}
            for offset, (text_field, text) in changes.items():
                del output.changes[self.row + offset]
                if output.diff is not None:
                    before = table.column(text_field)[offset].as_py()
                    output.diff.writelines(
                        diff_lines(before, text, f"{output.path}:{self.row + offset + 1}:{text_field}")
                    )
            if changes and output.diff is None:
                for text_field in {field for field, _ in changes.values()}:
                    index = table.schema.get_field_index(text_field)
                    values = table.column(index).to_pylist()
                    for offset, (field_name, text) in changes.items():
                        if field_name == text_field:
                            values[offset] = text
                    table = table.set_column(
                        index, table.schema.field(index), pa.array(values, table.schema.field(index).type)
                    )
            if output.diff is None:
                if self.writer is None:
                    self.writer = pq.ParquetWriter(output._open_sink(), table.schema)
                self.writer.write_table(table)
            self.group += 1
            self.row += size
        if complete is None and self.writer is not None:
            self.writer.close()


class FixWriter:
    """Routes fix outcomes, in input order, to one `_FileOutput` per input file.

    `output`: None rewrites each file in place (only files that changed; `-` goes
    to stdout); a path or `-` sends the single input there. `diff`: write a
    unified diff there instead and no file.
    """

    def __init__(
        self,
        output: str | None = None,
        backup: bool = False,
        diff: TextIO | None = None,
        stdin_format: Format | None = None,
        paths: Sequence[str] = (),
    ) -> None:
        self.output = output
        self.paths = paths  # the input files: with `output`, one that yields no record is still copied
        self.backup = backup
        self.diff = diff
        self.stdin_format = stdin_format
        self.current: _FileOutput | None = None
        self.seen: set[str] = set()

    def _open(self, path: str) -> _FileOutput:
        if path == "-":
            spooled = stdin_spool()  # copied once per process, shared with the readers
            with open(spooled, "rb") as stream:
                fmt = self.stdin_format or sniff_stream(stream)
            output = _FileOutput(path, fmt, None, self.output or STDOUT, self.backup, self.diff)
            output.source_path = spooled
            return output
        return _FileOutput(path, format_of(path), None, self.output, self.backup, self.diff)

    def drop(self, item: Item) -> bool:
        """Leave an article out of its file's output (`fix --drop-below`); False when its format cannot."""
        return self._route(item).drop(item)

    def add(self, item: Item, outcome: Outcome) -> None:
        self._route(item).add(item, outcome)

    def _route(self, item: Item) -> _FileOutput:
        """The output of the item's file, opening it (and closing the previous one) when the file changes."""
        path = item.path
        if self.current is None or self.current.path != path:
            self._close_current()
            self.current = self._open(path)
            self.seen.add(path)
        if isinstance(item, InputError) and item.code == "ERR001":
            self.current.target = None  # nothing was read, so nothing is written
        return self.current

    def _close_current(self) -> None:
        if self.current is not None:
            current, self.current = self.current, None
            current.close()

    def close(self) -> None:
        self._close_current()
        if self.output is not None:
            for path in self.paths:
                if path not in self.seen:  # an empty file: no record came, the (empty) copy is still due
                    self.current = self._open(path)
                    self.seen.add(path)
                    self._close_current()

    def __enter__(self) -> FixWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, traceback: object) -> None:
        if error is not None and self.current is not None:
            self.current.abort(error)
            self.current = None
        else:
            self.close()
