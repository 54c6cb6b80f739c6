"""The data that flows through scrapelint: articles in, findings out."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from scrapelint.language import normalise_tag


class Severity(str, Enum):
    """How serious a finding is; ordered so that `--fail-on` can compare."""

    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.info: 0, Severity.warning: 1, Severity.error: 2}

Applicability = Literal["safe", "unsafe"]


class Article(BaseModel):
    """One scraped article, with every field of its record kept for round-trips."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = Field(None, description="The published date exactly as scraped.")
    published_at: datetime | None = Field(None, description="`published` parsed, where it parses.")
    modified: str | None = None
    modified_at: datetime | None = None
    language: str | None = None
    path: str = Field(description="The file the article came from, `-` for stdin.")
    line: int | None = Field(None, description="1-based line of the record in a JSONL file.")
    text_field: str = Field("text", description="Name of the record key that holds the body.")
    fields: dict[str, str] = Field(
        default_factory=dict,
        description="Canonical name -> record key for every mapped field (title, published, ...).",
    )
    lossy: bool = Field(False, description="Decoded with U+FFFD replacements: fix must not write it back.")
    record: dict[str, Any] | None = Field(
        None, description="The record as it came (JSON input), so that fix can write it back."
    )

    @field_validator("language", mode="before")
    @classmethod
    def _primary_tag(cls, value: object) -> str | None:
        """Records write "pt-BR", "en_US", "German", "und": rules compare primary tags ("pt", "en", "de")."""
        return normalise_tag(value)

    def field_text(self, field: str) -> str | None:
        """The text of a canonical field (`text`, `title`, `published`, ...)."""
        value = getattr(self, field, None)
        return value if isinstance(value, str) else None


class Location(BaseModel):
    """A span inside one field of an article; offsets are code points, end exclusive."""

    field: str = "text"
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class Fix(BaseModel):
    """Replace `[start, end)` of the finding's field with `replacement`."""

    start: int
    end: int
    replacement: str = ""
    applicability: Applicability = "safe"
    description: str = ""


class Finding(BaseModel):
    """One defect, pointing at the exact characters that show it."""

    rule: str = Field(description="Rule code, e.g. DUP002.")
    name: str = Field(description="Rule name in kebab-case, e.g. repeated-sentence.")
    message: str
    severity: Severity
    path: str
    article: str | None = Field(None, description="Article id.")
    field: str | None = Field("text", description="Article field the offsets refer to.")
    start: int = 0
    end: int = 0
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1
    fix: Fix | None = None
    related: Location | None = Field(None, description="E.g. the first copy of a duplicate.")
    source_rule: str | None = Field(None, description="Rule id of an external engine (LanguageTool).")
    language: str | None = Field(
        None,
        description='Language of the text ("de"; "und" when it cannot be told): for a rule that knows only some '
        "languages the paragraph's the finding starts in, for a language-independent rule the article's.",
    )

    @property
    def family(self) -> str:
        return self.rule.rstrip("0123456789")
