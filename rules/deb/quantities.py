"""A quantity line: a figure and a unit at the start of a short line ("200 g Zucker", "2 tbsp oil", "1 TL Zimt").

An ingredient list is such lines in a run; to DEB's body finding it is the article's own content (a recipe's
ingredients), where a menu or a list of links holds no measures. Units are mostly the same across languages
(g, kg, ml, l, oz, cups, EL/TL, Prise, cucharadas, ...), so this needs no language of its own.
"""

from __future__ import annotations

import re

_QUANTITY = re.compile(
    r"[-•*·\s]*(?:\d+(?:[.,/]\d+)?|[½¼¾⅓⅔⅛])(?:\s*[-–]\s*\d+)?\s*(?:g|gr|kg|mg|ml|cl|dl|l|oz|lbs?|"
    r"tbsps?|tsps?|tablespoons?|teaspoons?|cups?|el|tl|essl(?:öffel)?|teel(?:öffel)?|prisen?|pinch(?:es)?|"
    r"stücke?|pcs|pieces?|cloves?|zehen?|bunch(?:es)?|bund|dosen?|cans?|pkg|päckchen|packung(?:en)?|becher|"
    r"scheiben?|slices?|cs|cc|c\.|cuillères?|gousses?|pincées?|tazas?|cucharadas?|cucharaditas?|dientes?|"
    r"xícaras?|colheres?|cucchiai(?:ni)?|spicchi|eetlepels?|theelepels?|łyżk[aię]|szklank[aię])(?=[\s.,(]|$)",
    re.IGNORECASE,
)
MAX_WORDS = 12  # an ingredient is a short line


def quantity(text: str, words: int) -> bool:
    """Whether the line is a measure of something: a figure and a unit first, a few words in all."""
    return words <= MAX_WORDS and _QUANTITY.match(text) is not None
