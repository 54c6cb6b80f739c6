"""DEB: scraping debris — page furniture that a scraper carried into the article body.

One analysis per document labels every non-blank line (lexicon hits, leftover code, the main body, the
teasers glued after it, the menus and footers around it); each rule then reports the lines of its own kind.
One idea per file:

- `lexicons.py`: the data files of furniture phrases (rules/data/debris_*), compiled once, and a line's kind by them;
  `firstchar.py` keeps their alternations cheap.
- `text.py`: what a line's words say (word counts, bylines, wire credits, dates); `lines.py`: a line on its own.
- `body.py`: the per-document analysis, choosing the article body and marking what stands around it, with
  `kickers.py` (section labels over the headline), `leadcopy.py` (a teaser of the lead above the body) and
  `menus.py` (a run of labels inside the body).
- `line_rules.py`: DEB001-DEB007, which report the labelled lines; `markup.py`: leftover tags and entities.
- `site.py`: DEB008, a site's template lines over the whole run.
- `notices.py`: notices a site writes as sentences (newsletter, author box, licence), by phrase families per
  language; `storylist.py`: a list of other stories the body runs into; `specs.py` and `quantities.py`: spec
  lists and recipes beside the article, which are content.
- `threads.py` (DEB009, reader comment threads) and `captions.py` (DEB010), registered as entry points of their own.
"""

from __future__ import annotations

from scrapelint.rules.deb.body import analyse
from scrapelint.rules.deb.lexicons import lexicon_kind
from scrapelint.rules.deb.line_rules import (
    AdMarker,
    ConsentBox,
    LeftoverMarkup,
    MetadataLine,
    NavigationText,
    OtherArticleTeaser,
    TruncatedParagraph,
)
from scrapelint.rules.deb.lines import line_deletion, line_facts
from scrapelint.rules.deb.site import SiteBoilerplate

__all__ = [
    "RULES",
    "AdMarker",
    "ConsentBox",
    "LeftoverMarkup",
    "MetadataLine",
    "NavigationText",
    "OtherArticleTeaser",
    "SiteBoilerplate",
    "TruncatedParagraph",
    "analyse",
    "lexicon_kind",
    "line_deletion",
    "line_facts",
]

RULES = [
    NavigationText,
    ConsentBox,
    AdMarker,
    OtherArticleTeaser,
    TruncatedParagraph,
    LeftoverMarkup,
    MetadataLine,
    SiteBoilerplate,
]
