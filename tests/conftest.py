"""Shared helpers: the seed article and a one-call way to lint a text with chosen rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapelint.config import Settings, resolve_rules
from scrapelint.engine import Linter
from scrapelint.models import Article, Finding

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "000_e317222bdc01896f.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


def lint_text(text: str, select: list[str] | None = None, rules: dict | None = None, **fields) -> list[Finding]:
    """Lint one article body with the selected rules (default rules when `select` is None)."""
    settings = Settings(select=select, rules=rules or {})
    article = Article(id=fields.pop("id", "test"), text=text, path=fields.pop("path", "test.txt"), **fields)
    return Linter(resolve_rules(settings), settings).lint(article)


def flagged(text: str, findings: list[Finding]) -> list[str]:
    """The exact text each finding points at."""
    return [text[f.start : f.end] for f in findings]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text("utf-8")
