"""Replace string values inside JSON text without re-serialising the rest.

`fix` changes one field of a record; parsing and dumping the whole record would also
collapse duplicate keys, rewrite `1E5` as `100000.0`, `1.50` as `1.5`, `\\u00e9` as `é`,
re-indent a file, and fail on nesting that orjson reads but cannot write (issue #20).
Here the JSON text is scanned once, iteratively (no recursion limit), for the spans of
the members' string values, and only those bytes are replaced.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping

import orjson

_SPECIAL = re.compile(rb'[\[\]{}",]')
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


def string_members(data: bytes, record_depth: int) -> Iterator[tuple[int, str, int, int]]:
    """`(record index, key, start, end)` of every string-valued member of the records in `data`.

    `record_depth` 1: the document is one object (record 0); 2: an array of objects (records 0, 1, ...).
    A key given twice yields twice; JSON parsers keep the last, and so does `splice`.
    """
    stack: list[int] = []
    index, key, expecting_key, position = -1, None, False, 0
    while match := _SPECIAL.search(data, position):
        char, at = match.group(), match.start()
        position = at + 1
        if char == b'"':
            string = _STRING.match(data, at)
            if string is None:
                return  # unterminated: not JSON
            position = string.end()
            if len(stack) == record_depth and stack[-1] == ord("{"):
                if expecting_key:
                    key, expecting_key = json.loads(data[at:position]), False
                elif key is not None:
                    yield index, key, at, position
                    key = None
        elif char in b"{[":
            stack.append(char[0])
            if len(stack) == record_depth and char == b"{":
                index, key, expecting_key = index + 1, None, True
            elif len(stack) == record_depth + 1:
                key = None  # an object or array value: not a string
        elif char in b"}]":
            if stack:
                stack.pop()
        elif len(stack) == record_depth and stack[-1] == ord("{"):  # a comma between members
            key, expecting_key = None, True


def encode_string(text: str) -> bytes:
    """`text` as a JSON string; U+2028/U+2029 escaped, as readers that split lines with `splitlines()` need."""
    return orjson.dumps(text).replace("\u2028".encode(), b"\\u2028").replace("\u2029".encode(), b"\\u2029")


def splice(data: bytes, record_depth: int, changes: Mapping[tuple[int, str], str]) -> bytes | None:
    """`data` with the string value of each `(record index, key)` replaced; None if one was not found."""
    spans: dict[tuple[int, str], tuple[int, int]] = {}
    for index, key, start, end in string_members(data, record_depth):
        if (index, key) in changes:
            spans[(index, key)] = (start, end)  # the last of duplicate keys wins
    if len(spans) != len(changes):
        return None
    pieces, cursor = [], 0
    for (start, end), target in sorted((span, target) for target, span in spans.items()):
        pieces += [data[cursor:start], encode_string(changes[target])]
        cursor = end
    pieces.append(data[cursor:])
    return b"".join(pieces)
