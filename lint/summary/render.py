"""The summary as JSON (for machines and the next run's baseline) and as Markdown (for people and CI pages)."""

from __future__ import annotations

from scrapelint.summary.baseline import Comparison
from scrapelint.summary.max_share import GateFailure
from scrapelint.summary.model import FAMILY_NAMES, SiteSummary, Summary

MAX_ROWS = 200  # sites listed in Markdown ($GITHUB_STEP_SUMMARY takes at most 1 MiB); JSON lists all


def to_json(summary: Summary) -> str:
    return summary.model_dump_json(indent=2) + "\n"


def families_of(summary: Summary) -> list[str]:
    """The batch's families, in the usual order (DEB, DUP, TYP, ...), plugins last."""
    order = list(FAMILY_NAMES)
    present = summary.batch.families
    return sorted(present, key=lambda f: (order.index(f) if f in order else len(order), f))


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _pct(share: float) -> str:
    return f"{share:.0%}" if share >= 0.01 or share == 0 else f"{share:.1%}"


def _top_rule(site: SiteSummary) -> str:
    if not site.rules:
        return ""
    code, share = max(site.rules.items(), key=lambda item: (item[1].articles, item[0]))
    return f"{code} {share.name} {_pct(share.share)}"


def _row(name: str, site: SiteSummary, families: list[str]) -> str:
    languages = ", ".join(f"{lang} {n}" for lang, n in list(site.languages.items())[:3])
    cells = [
        name,
        str(site.articles),
        _pct(site.share_with_findings),
        _pct(site.debris_share),
        f"{site.median_findings:g}",
        f"{site.quality.mean:.2f}",
        _pct(site.quality.share_below_half),
        *(_pct(site.families[f].share) if f in site.families else "–" for f in families),
        _top_rule(site),
        str(site.input_errors) if site.input_errors else "",
        languages,
    ]
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def to_markdown(
    summary: Summary, comparison: Comparison | None = None, failures: list[GateFailure] | None = None
) -> str:
    """A heading, the gate outcome, then one table row per site, worst first (fits $GITHUB_STEP_SUMMARY)."""
    batch = summary.batch
    lines = [
        "## scrapelint summary",
        "",
        f"**{batch.articles}** articles from **{len(summary.sites)}** sites · "
        f"{batch.with_findings} with findings ({_pct(batch.share_with_findings)}) · "
        f"debris in {_pct(batch.debris_share)} of the text · "
        f"quality score mean {batch.quality.mean:.2f}, {batch.quality.below_half} below 0.5"
        + (f" · {batch.input_errors} input errors" if batch.input_errors else ""),
        "",
    ]
    if comparison is not None:
        lines += [f"### Regressions against the baseline ({len(comparison.regressions)})", ""]
        lines += [f"- {_cell(r.line())}" for r in comparison.regressions] or ["None."]
        lines.append("")
        if comparison.new_sites:
            lines += [f"New sites ({len(comparison.new_sites)}): {_cell(', '.join(comparison.new_sites))}", ""]
        if comparison.vanished_sites:
            vanished = ", ".join(comparison.vanished_sites)
            lines += [f"Vanished sites ({len(comparison.vanished_sites)}): {_cell(vanished)}", ""]
    if failures is not None:
        lines += [f"### Gates failed ({len(failures)})", ""]
        lines += [f"- {_cell(f.line())}" for f in failures] or ["None: every --max-share gate passed."]
        lines.append("")
    families = families_of(summary)
    header = [
        "Site",
        "Articles",
        "With findings",
        "Debris text",
        "Median findings",
        "Quality",
        "Score < 0.5",
        *families,
        "Top rule",
        "Input errors",
        "Languages",
    ]
    lines += [
        "### Sites, worst first",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" if i == 0 else "--:" for i in range(len(header) - 3)) + "|---|--:|---|",
    ]
    for name, site in list(summary.sites.items())[:MAX_ROWS]:
        lines.append(_row(f"`{name}`", site, families))
    lines.append(_row("**all**", batch, families))
    if len(summary.sites) > MAX_ROWS:
        lines += ["", f"… and {len(summary.sites) - MAX_ROWS} more sites in the JSON summary."]
    lines += [
        "",
        "Shares are of a site's articles with at least one finding of that family; *Debris text* is the share of "
        "characters DEB flags; *Quality* is the mean article score (1 = nothing to remove).",
        "",
    ]
    return "\n".join(lines)
