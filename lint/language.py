"""Which language a text is in: the record's own tag, normalised, or a guess from the text.

The guess comes from py3langid (langid.py's model, 97 languages, shipped inside the wheel: nothing is
downloaded at run time). It was chosen by measuring accuracy and speed on real pages against lingua and
langdetect (bench/bench_language.py, numbers in bench/README.md): as accurate on paragraphs, 5 MB instead of
100 MB, about 50 µs a line. The model loads once per process (~0.6 s), in the parent before workers fork.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

UNDETERMINED = "und"
# Below these a guess is noise ("Share this" is en 0.75, "Pantaloni in cotone" it 0.14): the text is "und".
MIN_WORDS = 5
MIN_LETTERS = 25
MIN_CONFIDENCE = 0.9  # langid's normalised probability of its best language
SAMPLE = 3000  # characters of an article's longest paragraphs that decide its language (detection is linear)

# Tags as records write them besides ISO codes: names in English or in the language itself, ISO 639-2/3.
_NAMES = {
    "english": "en", "eng": "en", "german": "de", "deutsch": "de", "deu": "de", "ger": "de", "french": "fr",
    "français": "fr", "francais": "fr", "fra": "fr", "fre": "fr", "spanish": "es", "español": "es", "espanol": "es",
    "spa": "es", "portuguese": "pt", "português": "pt", "portugues": "pt", "por": "pt", "italian": "it",
    "italiano": "it", "ita": "it", "dutch": "nl", "nederlands": "nl", "nld": "nl", "dut": "nl", "polish": "pl",
    "polski": "pl", "pol": "pl", "russian": "ru", "русский": "ru", "rus": "ru", "chinese": "zh", "zho": "zh",
    "chi": "zh", "japanese": "ja", "jpn": "ja", "iw": "he", "in": "id", "ji": "yi",
}  # fmt: skip
_TAG = re.compile(r"[a-z]{2,3}")
_NO_LANGUAGE = frozenset(["und", "mul", "zxx", "mis", "xx", "none", "null", "unknown"])
_LETTER = re.compile(r"[^\W\d_]")


def normalise_tag(value: object) -> str | None:
    """A record's language as a primary lowercase tag: "pt-BR" -> "pt", "en_US" -> "en", "German" -> "de".

    None when the record says nothing usable ("", "und", "mul", "xx-unknown").
    """
    if not isinstance(value, str):
        return None
    raw = value.strip().lower()
    if not raw:
        return None
    if raw in _NAMES:
        return _NAMES[raw]
    primary = re.split(r"[-_.,;@\s]", raw, maxsplit=1)[0]
    primary = _NAMES.get(primary, primary)
    if primary in _NO_LANGUAGE or not _TAG.fullmatch(primary):
        return None
    return primary


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    """py3langid's model with normalised probabilities, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def enough_text(text: str) -> bool:
    """Whether `text` is long enough for a guess worth acting on."""
    return len(text.split(None, MIN_WORDS)) >= MIN_WORDS and len(_LETTER.findall(text, 0, 400)) >= MIN_LETTERS


def guess(text: str, min_confidence: float = MIN_CONFIDENCE) -> str:
    """The language of `text` by the model, or "und" when it is too short or the model is unsure."""
    if not enough_text(text):
        return UNDETERMINED
    language, confidence = identifier().classify(text[:SAMPLE])
    return str(language) if confidence >= min_confidence else UNDETERMINED


def sample(paragraphs: list[str]) -> str:
    """The longest paragraphs, up to `SAMPLE` characters: prose decides, not menus (often English on any site)."""
    chosen: list[str] = []
    size = 0
    for paragraph in sorted(paragraphs, key=len, reverse=True):
        if size >= SAMPLE:
            break
        chosen.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(chosen)


ANY = "*"


def supported(languages: tuple[str, ...], language: str) -> bool:
    """Whether a rule that knows `languages` applies to text in `language`.

    "*" knows every language. Text whose language cannot be told ("und": a few words, no letters, the
    model unsure) counts as English, which is what scrapelint assumed of all text before it knew languages,
    and what a short test snippet or a headline usually is.
    """
    return ANY in languages or language in languages or (language == UNDETERMINED and "en" in languages)
