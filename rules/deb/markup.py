"""Leftover HTML tags, entities and template placeholders inside a line (DEB006)."""

from __future__ import annotations

import re
from collections.abc import Iterator

_TAG_NAMES = (
    "a|abbr|article|aside|b|blockquote|body|br|button|center|div|em|figcaption|figure|font|footer|form|h[1-6]|head|"
    "header|hr|html|i|iframe|img|input|label|li|link|meta|nav|noscript|ol|option|p|path|script|section|select|small|"
    "source|span|strong|style|sub|sup|svg|table|tbody|td|th|thead|tr|u|ul|video"
)
_INLINE_MARKUP = re.compile(
    rf"(?:(?P<tag></?(?:{_TAG_NAMES})\b(?:\s[^<>\n]{{0,300}})?/?>|<!--[^\n]{{0,500}}?-->)"
    r"|(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,30}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});)"
    r"|(?P<placeholder>\{\{[^{}\n]{0,60}\}\}|\{%[^%\n]{0,60}%\}|\$\{[^{}\n]{0,60}\}|\[object Object\]|\[email\s?protected\]|(?<![\w$])(?-i:NaN)(?![\w])))",
    re.IGNORECASE,
)
# How every `_INLINE_MARKUP` match starts: the first character of each alternative ("NaN" is the only one
# that starts with a letter, and it is case-sensitive).
_MARKUP_STARTS = ("<", "&", "{", "$", "[", "NaN")


def _inline_markup(text: str) -> Iterator[re.Match[str]]:
    """`_INLINE_MARKUP.finditer(text)`, trying the pattern only where a match can start.

    The places are found with `str.find`, at memchr speed (a regex class scan is 10x slower); half the
    texts hold none. Tried in order, each past the end of the last match: the same matches as `finditer`.
    """
    starts: list[int] = []
    for mark in _MARKUP_STARTS:
        start = text.find(mark)
        while start != -1:
            starts.append(start)
            start = text.find(mark, start + 1)
    starts.sort()
    match, position = _INLINE_MARKUP.match, 0
    for start in starts:
        if start >= position and (found := match(text, start)) is not None:
            yield found
            position = found.end()
