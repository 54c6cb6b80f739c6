"""Signals that a capitalised word is a name or starts a sentence, and case matching for suggestions."""

from __future__ import annotations

from scrapelint.spelling.lexicon import lexicon
from scrapelint.spelling.masking import _WORD
from scrapelint.spelling.tokens import _Tokens


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘([«—–-":
        i -= 1
    return i < 0 or text[i] in "\n.!?:;"


def match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _name_words(*texts: str) -> set[str]:
    return {m.group().lower().replace("’", "'") for t in texts if t for m in _WORD.finditer(t)}


_TOP_FUNCTION_WORDS = frozenset(["the", "and", "that", "with", "this", "for", "you", "was", "are", "have", "from", "they", "what", "which", "their", "there"])  # fmt: skip


def _slip_of_function_word(lower: str, corrections: tuple[str, ...]) -> bool:
    """ "Hte" in "Hte United States": a slip of "the" is no name, whatever the capitals around it."""
    return lexicon().zipf(lower) < 3.0 and any(c.lower() in _TOP_FUNCTION_WORDS for c in corrections)


def _is_name_like(masked: str, tokens: _Tokens, index: int) -> bool:
    """A capitalised word mid-sentence next to another capitalised word ("Ricky Ponting") or common
    seen in use ("Synopsys", "Als"): not a misspelling of a common word, even one in codespell's table."""
    start, _, token = tokens[index]
    if _sentence_start(masked, start):
        return _before_unknown_capital(masked, tokens, index)
    return _next_to_capital(masked, tokens, index) or lexicon().zipf(token.lower()) >= 1.5


def _before_unknown_capital(masked: str, tokens: _Tokens, index: int) -> bool:
    """Right before a capitalised word no English word list holds: the first word of a foreign name, also at a
    sentence's start ("Bord Iascaigh Mhara", "Bord Gáis"), where "Teh Conference" is still a slip."""
    _, end, _ = tokens[index]
    if index + 1 >= len(tokens):
        return False
    n_start, _, following = tokens[index + 1]
    lex = lexicon()
    return (
        masked[end:n_start] == " "
        and following[0].isupper()
        and following.lower() not in lex.trusted
        and lex.zipf(following.lower()) < 1.0
    )


_CAPITALISED_FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "in", "on", "at", "by", "for", "from", "with", "of", "to", "and", "but", "or", "if", "as", "when", "while", "after", "before", "this", "that", "these", "those", "it", "he", "she", "we", "they", "his", "her", "its", "our", "their", "my", "your", "i"]
)  # fmt: skip


def _next_to_capital(masked: str, tokens: _Tokens, index: int) -> bool:
    """True when a capitalised neighbour sits one space away: part of a multi-word name."""
    start, end, _ = tokens[index]
    if index > 0:
        _, p_end, previous = tokens[index - 1]
        gap = masked[p_end:start]
        if previous[0].isupper() and gap.strip(" .") == "" and "\n" not in gap and len(gap) <= 2:  # noqa: SIM102
            if previous.lower() not in _CAPITALISED_FUNCTION_WORDS:  # "The Conferance" is no name
                return True
    if index + 1 < len(tokens):
        n_start, _, following = tokens[index + 1]
        gap = masked[end:n_start]
        if following[0].isupper() and gap == " " and following.lower() not in _CAPITALISED_FUNCTION_WORDS:
            return True
    return _in_list_of_names(masked, tokens, index)


def _in_list_of_names(masked: str, tokens: _Tokens, index: int) -> bool:
    """Between two capitalised words, each one comma away: a line-up or a list of names ("Subs not used:
    Cordner, Smith, Owusu")."""
    if not 0 < index < len(tokens) - 1:
        return False
    (_, p_end, previous), (start, end, _), (n_start, _, following) = (tokens[i] for i in (index - 1, index, index + 1))
    return (
        previous[0].isupper()
        and following[0].isupper()
        and masked[p_end:start] == ", "
        and masked[end:n_start] == ", "
        and previous.lower() not in _CAPITALISED_FUNCTION_WORDS
        and following.lower() not in _CAPITALISED_FUNCTION_WORDS
    )
