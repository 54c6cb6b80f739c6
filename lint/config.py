"""Configuration: `[tool.scrapelint]` in pyproject.toml or a `scrapelint.toml`,
found by walking up from the working directory. CLI flags win over the file."""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from scrapelint.models import Severity
from scrapelint.rule import Rule, all_rules, matches

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = ("scrapelint.toml", ".scrapelint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A config file or flag that cannot be used; the message names the key."""


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Settings(BaseModel):
    """Everything a run is configured with. Keys are kebab-case in TOML."""

    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True)

    select: list[str] | None = Field(None, description="Rules to run (codes or prefixes); default: the default rules.")
    ignore: list[str] = Field(default_factory=list, description="Rules never to run.")
    extend_select: list[str] = Field(default_factory=list, description="Rules to add to the selection.")
    fail_on: Severity = Field(Severity.info, description="Lowest severity that makes the exit code 1.")
    per_path_ignores: dict[str, list[str]] = Field(default_factory=dict, description="Glob over file paths -> codes.")
    per_article_ignores: dict[str, list[str]] = Field(
        default_factory=dict, description="Glob over article URL or id -> codes."
    )
    ignore_text: list[str] = Field(default_factory=list, description="Exact strings never reported.")
    fields: dict[str, str] = Field(default_factory=dict, description="Canonical field -> your record key.")
    include: list[str] | None = Field(None, description="File globs read from directories.")
    exclude: list[str] = Field(default_factory=list, description="Path globs never read.")
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict, description="Per-rule options by code.")
    jobs: int | None = Field(None, ge=1, strict=True, description="Worker processes; default: the number of cores.")
    language: str = Field(
        "auto", description='Language of every article ("de"), or "auto": the record\'s, else detected.'
    )

    @field_validator("language")
    @classmethod
    def _language_tag(cls, value: str) -> str:
        from scrapelint.language import normalise_tag

        if value.strip().lower() == "auto":
            return "auto"
        tag = normalise_tag(value) if re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*", value.strip()) else None
        if tag is None:
            raise ValueError(f'expected "auto" or a language code such as "de", got {value!r}')
        return tag

    @property
    def fixed_language(self) -> str | None:
        """The language every article is taken to be in, or None to tell each article's own."""
        return None if self.language == "auto" else self.language

    @field_validator("ignore_text")
    @classmethod
    def _no_empty_text(cls, value: list[str]) -> list[str]:
        if any(not phrase for phrase in value):
            raise ValueError("an empty string would match everywhere (and take quadratic time)")
        return value

    @field_validator("fields")
    @classmethod
    def _known_fields(cls, value: dict[str, str]) -> dict[str, str]:
        from scrapelint.sources import FIELD_CANDIDATES

        unknown = sorted(set(value) - set(FIELD_CANDIDATES))
        if unknown:
            raise ValueError(f"unknown field {unknown[0]!r}; known: {', '.join(FIELD_CANDIDATES)}")
        return value


def override(
    settings: Settings,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    extend_select: list[str] | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    fields: Mapping[str, str] | None = None,
) -> Settings:
    """`settings` with a caller's choices on top (CLI flags, `scrapelint.Linter` arguments), re-validated.

    `select` replaces the selection; `ignore` and `extend_select` add to it; `options` (code -> key -> value)
    and `fields` (canonical field -> record key) are merged key by key. One place, so the CLI and the
    Python API select rules the same way.
    """
    data = settings.model_dump(by_alias=True)
    if select is not None:
        data["select"] = list(select)
    data["ignore"] = [*data["ignore"], *(ignore or [])]
    data["extend-select"] = [*data["extend-select"], *(extend_select or [])]
    for code, values in (options or {}).items():
        data["rules"][code] = {**data["rules"].get(code, {}), **values}
    data["fields"] = {**data["fields"], **(fields or {})}
    return parse_settings(data)


def find_config(start: Path) -> Path | None:
    """The nearest scrapelint.toml, or pyproject.toml with a [tool.scrapelint] table."""
    for directory in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return False
    try:
        tool = tomllib.loads(data.decode("utf-8")).get("tool", {})
        return isinstance(tool, dict) and "scrapelint" in tool
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return b"tool.scrapelint" in data  # ours but broken: load_config reports the error


def load_config(path: Path) -> Settings:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not UTF-8 (byte {error.start}); TOML files are UTF-8") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from error
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("scrapelint", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: tool.scrapelint: expected a table")
        prefix = "tool.scrapelint."
    else:
        prefix = ""
    return parse_settings(data, f"{path}: {prefix}")


def parse_settings(data: dict[str, Any], where: str = "") -> Settings:
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        raise ConfigError(_describe(error, where)) from None


def _describe(error: ValidationError, where: str) -> str:
    problem = error.errors()[0]
    key = ".".join(str(part) for part in problem["loc"])
    message = "unknown key" if problem["type"] == "extra_forbidden" else problem["msg"]
    return f"{where}{key}: {message}"


def resolve_rules(settings: Settings, rules: dict[str, type[Rule]] | None = None) -> list[Rule]:
    """Instantiate the selected rules with their options, validating selectors and option keys."""
    rules = all_rules() if rules is None else rules
    for selector in [*(settings.select or []), *settings.extend_select, *settings.ignore]:
        if not any(matches(code, selector) for code in rules):
            raise ConfigError(f"unknown rule selector {selector!r}")
    for code in settings.rules:
        if code not in rules:
            raise ConfigError(f"rules.{code}: no such rule")
    for key, table in (
        ("per-path-ignores", settings.per_path_ignores),
        ("per-article-ignores", settings.per_article_ignores),
    ):
        for pattern, codes in table.items():
            for selector in codes:
                if not any(matches(code, selector) for code in rules):
                    raise ConfigError(f"{key}.{pattern!r}: unknown rule selector {selector!r}")
    chosen = []
    for code, rule in rules.items():
        if settings.select is None:
            selected = rule.enabled_by_default
        else:
            selected = any(matches(code, s) for s in settings.select)
        selected = selected or any(matches(code, s) for s in settings.extend_select)
        if rule.explicit_only:
            named = code in (settings.select or []) or code in settings.extend_select or code in settings.rules
            selected = selected and named
        if selected and not any(matches(code, s) for s in settings.ignore):
            chosen.append(rule(_options(rule, settings.rules.get(code, {}))))
    return chosen


def _options(rule: type[Rule], values: dict[str, Any]) -> Any:
    # Config spells keys in kebab-case, `--option` often in snake_case; the later spelling wins.
    values = {key.replace("_", "-"): value for key, value in values.items()}
    try:
        return rule.Options.model_validate(values)
    except ValidationError as error:
        raise ConfigError(_describe(error, f"rules.{rule.code}.")) from None
