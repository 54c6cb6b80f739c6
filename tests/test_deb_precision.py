"""DEB precision on pages that are not news prose: the article's own lines kept, the debris beside them found."""

from __future__ import annotations

from .test_deb import article
from .test_threads import WORDPRESS, threads

# a results table: heats dated like comments, race times like clock times, names with years between them
RESULTS = (
    "800 m Schülerinnen A W15",
    "19.05.2007",
    "Endlauf",
    "1.",
    "Bauer, Anna 1992; Huber, Lena 1992",
    "LG Brenztal",
    "2:42,53",
    "min.",
    "2.",
    "Löffler, Michelle 1992; Maier, Eva 1993",
    "SSV Ulm 1846",
    "2:44,10",
    "min.",
    "80 m Hürden Schülerinnen A W15",
    "19.05.2007",
    "1. Zeitlauf",
    "1.",
    "Klein, Nicole 1992; Schyma, Kathrin 1992",
    "SSV Ulm 1846",
    "13,13",
    "sec.",
)


def test_a_results_table_is_no_comment_thread_but_a_thread_after_it_is() -> None:
    text = article(after=RESULTS)
    assert threads(text) == []
    text = article(after=(*RESULTS, *WORDPRESS))
    [found] = [text[f.start : f.end] for f in threads(text)]
    assert found.endswith("\n\n".join(WORDPRESS))
    assert "Bauer, Anna" not in found  # (the last heat, within a comment's distance of the thread, joins it)
