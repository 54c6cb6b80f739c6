"""Languages: every article gets one, each paragraph too, and rules run only where they know the language."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scrapelint.config import ConfigError, Settings, parse_settings, resolve_rules
from scrapelint.document import Document
from scrapelint.engine import Linter
from scrapelint.language import normalise_tag
from scrapelint.models import Article
from tests.conftest import flagged, lint_text

GERMAN = (
    "Die Bundesregierung will den Ausbau der erneuerbaren Energien in den kommenden Jahren deutlich beschleunigen.\n"
    "Wie das Wirtschaftsministerium am Dienstag mitteilte, sollen Genehmigungsverfahren für Windräder künftig "
    "nur noch halb so lange dauern wie bisher.\n"
    "Kritiker bemängeln jedoch, dass die Netze mit dem Tempo nicht Schritt halten und viele Anlagen schon heute "
    "wieder abgeschaltet werden müssen, wenn zu viel Strom erzeugt wird.\n"
)
ENGLISH_WITH_ITALIAN = (
    "We tested a dozen summer shirts over three weeks of heat, and only a few of them were worth the money.\n"
    "The best of the bunch came from a small Italian maker whose catalogue we quote below as it was sent to us.\n"
    "Camicia in lino lavato, collo alla coreana, disponibile anche nelle taglie forti e in cinque colori diversi\n"
    "Pantaloni in cotone biologico con vita elasticizzata, tasche laterali e orlo risvoltato a mano in Toscana\n"
    "Every one of them survived the washing machine, wich is more than we can say for the cheaper brands.\n"
)
TYP = ["TYP001", "TYP002", "TYP003", "TYP004", "TYP005", "TYP006", "TYP007", "TYP010"]


@pytest.mark.parametrize(
    ("raw", "tag"),
    [("pt-BR", "pt"), ("en_US", "en"), ("DE", "de"), ("German", "de"), ("fr-FR,fr;q=0.9", "fr"), ("und", None),
     ("", None), (None, None), ("zh-Hans-CN", "zh"), ("12", None)],
)  # fmt: skip
def test_record_tags_are_normalised_to_a_primary_tag(raw: object, tag: str | None) -> None:
    assert normalise_tag(raw) == tag
    assert Article(id="a", text="x", path="p", language=raw).language == tag


def test_article_language_comes_from_the_record_else_from_the_text() -> None:
    assert Document(Article(id="a", text=GERMAN, path="p")).language == "de"
    assert Document(Article(id="a", text=GERMAN, path="p", language="fr-CA")).language == "fr"
    assert Document(Article(id="a", text=GERMAN, path="p"), language="nl").language == "nl"
    assert Document(Article(id="a", text="Share | Tweet", path="p")).language == "und"  # too short to tell
    assert Document(Article(id="a", text="", path="p")).language == "und"


def test_each_paragraph_has_its_language_and_short_ones_inherit_the_article_s() -> None:
    doc = Document(Article(id="a", text=ENGLISH_WITH_ITALIAN + "Shop now\n", path="p"))
    assert doc.language == "en"
    assert [doc.language_at(p.start) for p in doc.paragraphs] == ["en", "en", "it", "it", "en", "en"]
    assert doc.languages == {"en", "it"}


def test_offline_spelling_is_not_run_on_german_text() -> None:
    assert lint_text(GERMAN, select=TYP) == []
    # A wrong record tag (a site-wide <html lang="en">) names the article's language, but a paragraph the
    # model is sure of keeps its own: still no English spelling on German paragraphs.
    assert lint_text(GERMAN, select=TYP, language="en") == []


def test_an_italian_list_in_an_english_article_is_not_spell_checked_as_english() -> None:
    findings = lint_text(ENGLISH_WITH_ITALIAN, select=TYP)
    assert flagged(ENGLISH_WITH_ITALIAN, findings) == ["wich"]
    assert {f.language for f in findings} == {"en"}


def test_language_independent_rules_still_run_on_other_languages() -> None:
    text = GERMAN.replace("Kritiker bemängeln", "Kritiker  bemängeln")
    findings = lint_text(text, select=["FMT010"])
    assert [(f.rule, f.language) for f in findings] == [("FMT010", "de")]


def test_a_fixed_language_in_config_applies_to_every_article() -> None:
    settings = parse_settings({"language": "en", "select": TYP})
    findings = Linter(resolve_rules(settings), settings).lint(Article(id="a", text=GERMAN, path="p", language="de"))
    assert findings and {f.language for f in findings} == {"en"}
    assert Settings().fixed_language is None
    assert parse_settings({"language": "pt-BR"}).fixed_language == "pt"
    with pytest.raises(ConfigError, match="language"):
        parse_settings({"language": "not a language"})


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapelint", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def test_cli_lists_languages_counts_articles_per_language_and_takes_language(tmp_path: Path) -> None:
    rows = {line.split()[0]: line for line in _cli("rules", cwd=tmp_path).stdout.splitlines() if line[:3].isupper()}
    assert " en " in rows["TYP001"] and " * " in rows["DUP001"]
    assert "Languages: en" in _cli("rule", "TYP002", cwd=tmp_path).stdout
    records = [{"id": "1", "text": GERMAN}, {"id": "2", "text": ENGLISH_WITH_ITALIAN}, {"id": "3", "text": GERMAN}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    stats = _cli("check", "a.jsonl", "--isolated", "--statistics", "--select", "TYP", cwd=tmp_path)
    assert "Articles by language: de 2, en 1" in stats.stdout
    as_english = _cli(
        "check", "a.jsonl", "--isolated", "--select", "TYP", "--language", "en", "--format", "json", cwd=tmp_path
    )
    assert {f["article"] for f in json.loads(as_english.stdout)} == {"1", "2", "3"}
