"""`html`: one self-contained page that shows each finding in the article it is in.

Scraped text is hostile, so nothing from an article is ever parsed as HTML:
article data travels as JSON inside `<script type="application/json">` blocks
(with `<`, `>` and `&` escaped, so no field can close the block), and the page
script builds the view with `textContent` only. A Content-Security-Policy meta
tag allows exactly the page's own inline script and style (by hash) and nothing
else: no network, no images, no frames, no forms.

The page is written as results stream in: one JSON block per article that has
findings (clean articles are only counted), then an index and the summary.
The script parses an article's block only when it is opened, and lists at most
a page of articles at a time, so a run of 10,000 articles stays responsive.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TextIO

import orjson

import scrapelint
from scrapelint.engine import Result
from scrapelint.fix import applicable, apply_fixes
from scrapelint.models import Article, Finding, Severity
from scrapelint.quality import quality_score
from scrapelint.report import ReportContext
from scrapelint.rule import Rule, RuleError, all_rules
from scrapelint.summary import BatchFold, Summary, summarize
from scrapelint.summary.render import MAX_ROWS, families_of

# Colour slot per family; other (plugin) families share the last slots.
FAMILY_COLOURS = {"DEB": 0, "DUP": 1, "TYP": 2, "FMT": 3, "DAT": 4, "META": 5, "ERR": 6}
PALETTE = ("#d35400", "#8e44ad", "#c0392b", "#2471a3", "#1e8449", "#117a65", "#707b7c", "#c2185b", "#9a7d0a", "#5d6d7e")
SEVERITY_WEIGHT = {Severity.error: 100, Severity.warning: 10, Severity.info: 1}
CHART_ROWS = 15  # rules shown in the per-rule chart; the table lists all
MAX_INPUT_ERRORS = 1000  # listed in full; the rest are counted

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_JSON_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def colour(family: str) -> int:
    """A stable palette slot for a family, so a family has one colour in every report."""
    if family in FAMILY_COLOURS:
        return FAMILY_COLOURS[family]
    return 7 + sum(map(ord, family)) % (len(PALETTE) - 7)


def script_json(value: Any) -> str:
    """JSON that is safe inside a `<script>` element: no `<`, `>` or `&` can appear in it."""
    try:
        text = orjson.dumps(value).decode()
    except TypeError:  # lone surrogates from a broken record: ASCII-escaped JSON keeps them
        text = json.dumps(value, ensure_ascii=True)
    return text.translate(_JSON_UNSAFE)


def esc(value: object) -> str:
    """HTML-escape any value for text or a quoted attribute; undecodable characters become '?'."""
    text = str(value).encode("utf-8", "replace").decode("utf-8")
    return html.escape(text, quote=True)


def utf16_offsets(text: str) -> Callable[[int], int]:
    """Map code-point offsets (the findings') to UTF-16 offsets (the browser's)."""
    astral = [match.start() for match in _ASTRAL.finditer(text)]
    if not astral:
        return lambda offset: offset
    return lambda offset: offset + bisect_left(astral, offset)


def render(results: Iterable[Result], out: TextIO, context: ReportContext) -> None:
    report = _Report(out, context)
    out.write(_head())
    for result in results:
        report.add(result)
    report.finish()


class _Report:
    """Streams article blocks out, keeping only counts and a small index entry per flagged article."""

    def __init__(self, out: TextIO, context: ReportContext) -> None:
        self.out = out
        self.context = context
        self.articles = 0
        self.clean = 0
        self.index: list[dict[str, Any]] = []
        self.scores: list[tuple[int, int]] = []
        self.by_rule: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.input_errors: list[Finding] = []  # the first MAX_INPUT_ERRORS, shown in full
        self.error_count = 0
        self.strings: dict[str, int] = {}
        self.fold: BatchFold = context.summary or BatchFold()
        self.own_fold = context.summary is None  # the CLI folds it on the way here when it wants one too

    def intern(self, value: str) -> int:
        return self.strings.setdefault(value, len(self.strings))

    def add(self, result: Result) -> None:
        if self.own_fold:
            self.fold.add(result)
        item = result.item
        if not isinstance(item, Article):
            for finding in result.findings:
                self.error_count += 1
                if len(self.input_errors) < MAX_INPUT_ERRORS:
                    self.input_errors.append(finding)
                self.by_rule[finding.rule] += 1
                self.names[finding.rule] = finding.name
            return
        self.articles += 1
        if not result.findings:
            self.clean += 1
            return
        block = f"a{len(self.index)}"
        data = script_json(_article_data(item, result.findings, self.intern))
        self.out.write(f'<script type="application/json" id="{block}">{data}</script>\n')
        counts: Counter[tuple[str, str]] = Counter()
        score = 0
        for finding in result.findings:
            counts[(finding.rule, finding.severity.value)] += 1
            self.by_rule[finding.rule] += 1
            self.names[finding.rule] = finding.name
            score += SEVERITY_WEIGHT[finding.severity]
        self.scores.append((-score, len(self.index)))
        self.index.append(
            {
                "b": block,
                "id": item.id,
                "t": item.title,
                "p": item.path if item.line is None else f"{item.path}:{item.line}",
                "u": item.url,
                "q": quality_score(result.findings, len(item.text)),
                "c": [[rule, severity, n] for (rule, severity), n in sorted(counts.items())],
            }
        )

    def finish(self) -> None:
        rules = self._rules()
        worst_first = [self.index[i] for _, i in sorted(self.scores)]
        index: dict[str, Any] = {
            "rules": {
                code: {
                    "n": self.names.get(code) or rule.name,
                    "f": _family(code),
                    "k": colour(_family(code)),
                    "s": rule.summary,
                }
                for code, rule in rules.items()
            },
            "articles": worst_first,
            "S": list(self.strings),
        }
        for code in self.by_rule.keys() - rules.keys():  # a rule that vanished from the registry
            index["rules"][code] = {"n": self.names[code], "f": _family(code), "k": colour(_family(code)), "s": ""}
        self.out.write(f'<script type="application/json" id="sl-index">{script_json(index)}</script>\n')
        self.out.write(self._summary(rules))
        self.out.write(_BODY)
        self.out.write(f"<script>{SCRIPT}</script>\n</body>\n</html>\n")

    def _rules(self) -> dict[str, type[Rule]]:
        """Every rule that ran, plus any that reported without being selected (input errors, plugins)."""
        found = dict(self.context.rules)
        try:
            registry = all_rules() if self.by_rule.keys() - found.keys() else {}
        except RuleError:  # a broken plugin was reported by the CLI already; the report still renders
            registry = {}
        for code in self.by_rule:
            if code not in found and code in registry:
                found[code] = registry[code]
        return dict(sorted(found.items()))

    def _summary(self, rules: dict[str, type[Rule]]) -> str:
        total = sum(self.by_rule.values())
        families: Counter[str] = Counter()
        for code, n in self.by_rule.items():
            families[_family(code)] += n
        family_rows = [(family, n, colour(family)) for family, n in families.most_common()]
        rule_rows = [
            (f"{code} {self.names.get(code, '')}", n, colour(_family(code)))
            for code, n in self.by_rule.most_common(CHART_ROWS)
        ]
        parts = [
            '<section id="summary" aria-label="Summary">',
            f"<h1>scrapelint report <small>v{esc(scrapelint.__version__)}</small></h1>",
            '<p class="stats">',
            f"<b>{self.articles}</b> {_plural(self.articles, 'article')} checked · "
            f"<b>{total}</b> {_plural(total, 'finding')} · "
            f"<b>{len(self.index)}</b> with findings · <b>{self.clean}</b> clean",
            f" · <b>{self.error_count}</b> {_plural(self.error_count, 'input error')}" if self.error_count else "",
            "</p>",
        ]
        if total:
            top = f" (top {CHART_ROWS})" if len(self.by_rule) > CHART_ROWS else ""
            parts += [
                '<div class="charts">',
                bar_chart("Findings per family", family_rows),
                bar_chart(f"Findings per rule{top}", rule_rows),
                "</div>",
            ]
        parts.append(site_table(summarize(self.fold)))
        parts.append(
            f"<details><summary>Rules ({len(rules)})</summary><table><thead><tr><th>Rule</th><th>Name</th>"
            "<th>Findings</th><th>Fix</th><th>What it catches</th></tr></thead><tbody>"
        )
        for code, rule in rules.items():
            parts.append(
                f'<tr><td><span class="dot c{colour(_family(code))}"></span>{esc(code)}</td>'
                f"<td>{esc(rule.name)}</td><td>{self.by_rule.get(code, 0)}</td>"
                f"<td>{esc(rule.fixable)}</td><td>{esc(rule.summary)}</td></tr>"
            )
        parts.append("</tbody></table></details>")
        parts.append("<details><summary>Settings</summary><dl>")
        for key, value in self.context.settings.items():
            listed = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else value
            shown = "default" if listed is None else listed
            parts.append(f"<dt>{esc(key)}</dt><dd>{esc(shown)}</dd>")
        parts.append("</dl></details>")
        if self.input_errors:
            parts.append(f"<details open><summary>Input errors ({self.error_count})</summary><ul>")
            for finding in self.input_errors:
                parts.append(
                    f"<li><code>{esc(finding.path)}:{finding.line}</code> {esc(finding.rule)} "
                    f"{esc(finding.message)}</li>"
                )
            if self.error_count > len(self.input_errors):
                parts.append(f"<li>… and {self.error_count - len(self.input_errors)} more</li>")
            parts.append("</ul></details>")
        parts.append("</section>\n")
        return "".join(parts)


def site_table(summary: Summary) -> str:
    """The per-site table of the batch summary, worst site first (as in `check --summary summary.md`)."""
    if not summary.sites:
        return ""
    families = families_of(summary)
    names = ["Site", "Articles", "With findings", "Debris text", "Median findings", "Quality", "Score < 0.5"]
    head = "".join(f"<th>{esc(name)}</th>" for name in [*names, *families, "Top rule", "Input errors"])
    rows = []
    for name, site in [*list(summary.sites.items())[:MAX_ROWS], ("all sites", summary.batch)]:
        top = max(site.rules.items(), key=lambda item: (item[1].articles, item[0]), default=None)
        cells = [
            name,
            site.articles,
            f"{site.share_with_findings:.0%}",
            f"{site.debris_share:.1%}",
            f"{site.median_findings:g}",
            f"{site.quality.mean:.2f}",
            f"{site.quality.share_below_half:.0%}",
            *(f"{site.families[f].share:.0%}" if f in site.families else "–" for f in families),
            f"{top[0]} {top[1].name} {top[1].share:.0%}" if top else "",
            site.input_errors or "",
        ]
        rows.append("<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in cells) + "</tr>")
    more = len(summary.sites) - MAX_ROWS
    note = f"<p>… and {more} more sites in `--summary summary.json`.</p>" if more > 0 else ""
    return (
        f'<details open id="sites"><summary>Sites ({len(summary.sites)}), worst first</summary>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{note}"
        "<p>Shares: articles with at least one finding. Quality: mean article score, 1 = nothing to remove "
        "(1 - weighted share of the text covered by DEB/DUP findings).</p></details>"
    )


def _plural(n: int, noun: str) -> str:
    return noun if n == 1 else noun + "s"


def _family(code: str) -> str:
    return code.rstrip("0123456789")


def _article_data(article: Article, findings: list[Finding], intern: Callable[[str], int]) -> dict[str, Any]:
    """What the page needs to show one article: its flagged fields and its findings.

    A finding is a row `[rule, severity, message, field, start, end, line, column, fix, related]`
    with offsets in UTF-16 (the browser's) and strings as ids into the report's string table,
    because messages and fixes repeat across thousands of findings. `ed` holds the edits that the
    safe fixes make (`scrapelint fix` without --unsafe-fixes), for the "after fix" view.
    """
    fields = {"text": article.text}
    for finding in findings:
        if finding.field and finding.field not in fields:
            value = article.field_text(finding.field)
            if value is not None:
                fields[finding.field] = value
    to16 = {name: utf16_offsets(value) for name, value in fields.items()}
    rows = []
    for finding in findings:
        row: list[Any] = [intern(finding.rule), intern(finding.severity.value), intern(finding.message)]
        convert = to16.get(finding.field or "")
        if convert is not None:
            row += [
                intern(finding.field or ""),
                convert(finding.start),
                convert(finding.end),
                finding.line,
                finding.column,
                0,
                0,
            ]
            if finding.fix is not None:
                fix = finding.fix
                row[8] = [
                    convert(fix.start),
                    convert(fix.end),
                    intern(fix.replacement),
                    intern(fix.applicability),
                    intern(fix.description),
                ]
            if finding.related is not None and finding.related.field == finding.field:
                related = finding.related
                row[9] = [related.line, convert(related.start), convert(related.end)]
        rows.append(row)
    data = {"id": article.id, "t": article.title, "u": article.url, "fields": fields, "f": rows}
    safe = [finding.fix for finding in findings if applicable(finding, unsafe=False)]
    if safe:  # the body as `scrapelint fix` writes it after its first pass, as edits of the original
        _, edits, _ = apply_fixes(article.text, safe)  # type: ignore[arg-type]
        text16 = to16["text"]
        data["ed"] = [[text16(edit.start), text16(edit.end), edit.replacement] for edit in edits]
    return data


def bar_chart(title: str, rows: list[tuple[str, int, int]]) -> str:
    """A horizontal inline-SVG bar chart: (label, count, colour slot) per row."""
    label_width, bar_width, row_height = 230, 260, 20
    top = max((n for _, n, _ in rows), default=1) or 1
    height = row_height * len(rows) + 30
    width = label_width + bar_width + 60
    parts = [
        f'<figure><svg class="chart" role="img" aria-label="{esc(title)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}"><title>{esc(title)}</title>'
        f'<text class="ct" x="0" y="16">{esc(title)}</text>'
    ]
    for i, (label, n, slot) in enumerate(rows):
        y = 28 + i * row_height
        bar = max(1, round(bar_width * n / top))
        short = label if len(label) <= 32 else label[:31] + "…"
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 12}" text-anchor="end">{esc(short)}</text>'
            f'<rect class="bar c{slot}" x="{label_width}" y="{y}" width="{bar}" height="{row_height - 6}"/>'
            f'<text x="{label_width + bar + 5}" y="{y + 12}">{n}</text>'
        )
    parts.append("</svg></figure>")
    return "".join(parts)


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def _head() -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        "<title>scrapelint report</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
    )


STYLE = """
:root{--fg:#1c2833;--muted:#5d6d7e;--line:#d5d8dc;--bg:#fff;--panel:#f4f6f7;font:14px/1.45 system-ui,sans-serif;color:var(--fg)}
body{margin:0;display:grid;grid-template-columns:minmax(240px,320px) 1fr;grid-template-areas:"sum sum" "side view";background:var(--bg)}
#summary{grid-area:sum;padding:12px 20px;border-bottom:1px solid var(--line)}
#summary h1{font-size:20px;margin:0 0 4px}#summary h1 small{color:var(--muted);font-weight:normal;font-size:12px}
.stats{margin:4px 0 8px}.charts{display:flex;flex-wrap:wrap;gap:24px}figure{margin:0}
.chart text{font-size:12px;fill:var(--fg)}.chart .ct{font-weight:600}.bar{fill:var(--c)}
details{margin:6px 0}summary{cursor:pointer;font-weight:600}table{border-collapse:collapse;margin:6px 0}
td,th{border-bottom:1px solid var(--line);padding:2px 8px;text-align:left;vertical-align:top}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{font-weight:600}dd{margin:0}
.c0{--c:#d35400}.c1{--c:#8e44ad}.c2{--c:#c0392b}.c3{--c:#2471a3}.c4{--c:#1e8449}
.c5{--c:#117a65}.c6{--c:#707b7c}.c7{--c:#c2185b}.c8{--c:#9a7d0a}.c9{--c:#5d6d7e}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;background:var(--c);margin-right:6px}
#side{grid-area:side;border-right:1px solid var(--line);padding:10px;background:var(--panel);position:sticky;top:0;
align-self:start;max-height:100vh;overflow:auto;box-sizing:border-box}
#side fieldset{border:1px solid var(--line);margin:0 0 8px;padding:4px 8px}#side legend{font-weight:600}
#side label{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#search{width:100%;box-sizing:border-box;padding:4px;margin-bottom:6px}
#visible-count{font-weight:600;margin:4px 0}
#articles{list-style:none;margin:0;padding:0}#articles button{all:unset;display:block;box-sizing:border-box;width:100%;
padding:4px 6px;border-radius:4px;cursor:pointer}#articles button:hover,#articles button:focus{background:#e5e8e8;outline:2px solid #2471a3}
#articles button[aria-current="true"]{background:#d6eaf8}.n{float:right;color:var(--muted)}.p{display:block;color:var(--muted);font-size:12px}
#view{grid-area:view;padding:12px 20px;min-width:0;display:grid;grid-template-columns:1fr minmax(220px,320px);gap:16px;align-items:start}
#view h2{margin:0 0 4px;font-size:18px}.meta{color:var(--muted);font-size:12px;margin-bottom:8px;word-break:break-all}
.field{margin:2px 0}.field b{color:var(--muted);font-weight:600;margin-right:6px}
#text{white-space:pre-wrap;word-wrap:break-word;font:15px/1.6 Georgia,serif;margin:0;padding:10px;border:1px solid var(--line);border-radius:4px}
mark.hl{background:color-mix(in srgb,var(--c) 22%,transparent);border-bottom:2px solid var(--c);color:inherit;border-radius:2px}
mark.hl:focus{outline:2px solid var(--c);outline-offset:1px}mark.hl.empty::before{content:"\\2038";color:var(--c);font-weight:bold}
mark.hl.off{background:none;border-bottom:0}mark.hl.off.empty::before{content:none}
mark.hl.sev-error{border-bottom-style:solid}mark.hl.sev-info{border-bottom-style:dotted}
#flist{margin:0;padding-left:0;list-style:none;position:sticky;top:8px;max-height:90vh;overflow:auto}
#flist li{margin:0 0 4px}#flist button.rel{border:0;background:none;font-size:12px;color:#2471a3;padding:0 10px}#flist button{all:unset;display:block;cursor:pointer;padding:4px 6px;border-left:4px solid var(--c);
background:var(--panel);border-radius:2px;width:100%;box-sizing:border-box}#flist button:focus,#flist button:hover{outline:2px solid var(--c)}
#flist li[hidden]{display:none}.code{font-weight:600;font-family:ui-monospace,monospace;font-size:12px}
.sev{font-size:11px;text-transform:uppercase;color:var(--muted);margin-left:4px}
#tip{position:fixed;z-index:10;max-width:420px;background:#1c2833;color:#fff;padding:8px 10px;border-radius:6px;
box-shadow:0 4px 16px rgba(0,0,0,.3);font-size:13px}#tip[hidden]{display:none}#tip .one+.one{border-top:1px solid #566573;margin-top:6px;padding-top:6px}
#tip .fix{color:#abebc6}#tip q,.fixview q{font-family:ui-monospace,monospace;background:rgba(255,255,255,.12)}
.tabs{margin:6px 0}.tabs button{margin-right:4px}.tabs button[aria-pressed="true"]{font-weight:700}
ins{background:#d5f5e3;text-decoration:none}del{background:#fadbd8}
.empty-state{color:var(--muted)}kbd{border:1px solid var(--line);border-radius:3px;padding:0 3px;font-size:12px}
"""

_BODY = """<nav id="side" aria-label="Filters and articles">
<input id="search" type="search" placeholder="Search articles, rules (press /)" aria-label="Search articles and rules">
<div id="filters"></div>
<p id="visible-count" aria-live="polite"></p>
<ul id="articles"></ul>
<button id="more" type="button" hidden>Show more</button>
<p class="p">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous finding, <kbd>n</kbd>/<kbd>p</kbd> next/previous article,
<kbd>/</kbd> search, <kbd>Esc</kbd> close.</p>
</nav>
<main id="view" aria-live="polite"><p class="empty-state">No findings.</p></main>
<div id="tip" role="tooltip" hidden></div>
"""

SCRIPT = r"""
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const index = JSON.parse($('sl-index').textContent);
  const rules = index.rules;
  const articles = index.articles;
  const S = index.S;
  const SEVERITIES = ['error', 'warning', 'info'];
  const PAGE = 200;
  const WEIGHT = {error: 100, warning: 10, info: 1};
  const families = [...new Set(Object.values(rules).map((r) => r.f))].sort();
  const on = {f: new Set(families), r: new Set(Object.keys(rules)), v: new Set(SEVERITIES)};
  let query = '', limit = PAGE, shown = [], current = null, data = null, cursor = -1;

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'class') node.className = value; else node.setAttribute(key, value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  };
  const rule = (code) => rules[code] || {n: '', f: code.replace(/\d+$/, ''), k: 9, s: ''};
  const passes = (code, severity) => on.r.has(code) && on.f.has(rule(code).f) && on.v.has(severity);
  const matches = (a) => !query || [a.id, a.t, a.p, a.u].some((x) => x && x.toLowerCase().includes(query))
    || a.c.some(([code]) => code.toLowerCase().includes(query) || rule(code).n.includes(query));

  // -- filters ---------------------------------------------------------------------------------
  const totals = {f: {}, r: {}, v: {}};
  for (const a of articles) for (const [code, severity, n] of a.c) {
    const f = rule(code).f;
    totals.f[f] = (totals.f[f] || 0) + n; totals.r[code] = (totals.r[code] || 0) + n; totals.v[severity] = (totals.v[severity] || 0) + n;
  }
  const box = (group, value, label, slot) => {
    const input = el('input', {type: 'checkbox', 'data-group': group, value});
    input.checked = true;
    return el('label', {title: label}, input, slot === undefined ? null : el('span', {class: 'dot c' + slot}), label);
  };
  const filters = $('filters');
  filters.append(
    el('fieldset', {id: 'filter-family'}, el('legend', null, 'Family'),
      ...families.filter((f) => totals.f[f]).map((f) => box('f', f, `${f} (${totals.f[f]})`, rules[Object.keys(rules).find((c) => rule(c).f === f)].k))),
    el('fieldset', {id: 'filter-severity'}, el('legend', null, 'Severity'),
      ...SEVERITIES.filter((v) => totals.v[v]).map((v) => box('v', v, `${v} (${totals.v[v]})`))),
    el('details', null, el('summary', null, 'Rules'), el('fieldset', {id: 'filter-rule'},
      ...Object.keys(totals.r).sort().map((c) => box('r', c, `${c} ${rule(c).n} (${totals.r[c]})`, rule(c).k)))));
  filters.addEventListener('change', (event) => {
    const input = event.target;
    on[input.dataset.group][input.checked ? 'add' : 'delete'](input.value);
    refresh();
  });
  $('search').addEventListener('input', (event) => { query = event.target.value.trim().toLowerCase(); limit = PAGE; refresh(); });
  $('more').addEventListener('click', () => { limit += PAGE; renderList(); });

  // -- article list ----------------------------------------------------------------------------
  function refresh() {
    shown = [];
    let total = 0;
    for (const a of articles) {
      if (!matches(a)) continue;
      let n = 0, score = 0;
      for (const [code, severity, k] of a.c) if (passes(code, severity)) { n += k; score += WEIGHT[severity] * k; }
      if (n) { shown.push([a, n, score]); total += n; }
    }
    shown.sort((x, y) => y[2] - x[2]);  // worst first under the current filters (stable: input order on ties)
    $('visible-count').textContent = `${total} finding${total === 1 ? '' : 's'} in ${shown.length} article${shown.length === 1 ? '' : 's'}`;
    renderList();
    applyFilters();
  }
  function renderList() {
    const list = $('articles');
    list.replaceChildren(...shown.slice(0, limit).map(([a, n]) => el('li', null,
      el('button', {type: 'button', 'data-b': a.b, 'aria-current': String(a === current)},
        el('span', {class: 'n'}, String(n)), a.t || a.id, el('span', {class: 'p'}, a.p)))));
    $('more').hidden = shown.length <= limit;
    $('more').textContent = `Show more (${shown.length - limit} left)`;
  }
  $('articles').addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (button) open(articles.find((a) => a.b === button.dataset.b));
  });

  // -- one article -----------------------------------------------------------------------------
  function highlight(container, text, items) {
    // Nested <mark>s; a finding that crosses another is split into pieces that share data-i.
    items.sort((a, b) => a.s - b.s || b.e - a.e || a.i - b.i);
    const cuts = [...new Set([0, text.length, ...items.flatMap((x) => [x.s, x.e])])].sort((a, b) => a - b);
    const stack = [];
    const top = () => (stack.length ? stack[stack.length - 1].node : container);
    const seen = new Set();
    const push = (item) => {
      const f = data.f[item.i];
      const node = el('mark', {class: `hl c${rule(f.r).k} sev-${f.v}` + (item.s === item.e ? ' empty' : ''), 'data-i': String(item.i)});
      if (!seen.has(item.i)) { seen.add(item.i); node.id = 'f' + item.i; node.tabIndex = 0; }
      top().append(node);
      stack.push({item, node});
    };
    let next = 0;
    cuts.forEach((point, c) => {
      const low = stack.findIndex((o) => o.item.e <= point);
      if (low >= 0) {
        const survivors = stack.slice(low).filter((o) => o.item.e > point).map((o) => o.item);
        stack.length = low;
        survivors.forEach(push);
      }
      while (next < items.length && items[next].s === point) {
        push(items[next]);
        if (items[next].e === point) stack.pop();
        next++;
      }
      if (c + 1 < cuts.length) top().append(text.slice(point, cuts[c + 1]));
    });
  }
  const glyphs = (s) => (/^\s+$/.test(s)  // whitespace-only: show each character
    ? s.replace(/ /g, '\u2423').replace(/\n/g, '\u21b5\n').replace(/\t/g, '\u21e5').replace(/\u00a0/g, '\u237d') : s);
  function describeFix(f, text) {
    const x = f.x;
    if (!x) return null;
    const show = (s) => el('q', null, glyphs(s));
    const old = text.slice(x.s, x.e);
    const what = x.r === '' ? ['Delete ', show(old)]
      : old === '' ? ['Insert ', show(x.r)] : ['Replace ', show(old), ' with ', show(x.r)];
    return el('div', {class: 'fix'}, `Fix (${x.a}): `, ...what, x.d ? ` — ${x.d}` : '');
  }
  function open(a, scroll = true) {
    if (!a) return;
    current = a;
    data = JSON.parse($(a.b).textContent);
    data.f = data.f.map(([r, v, m, fd, s, e, l, c, x, rel]) => ({r: S[r], v: S[v], m: S[m], fd: fd === undefined ? undefined : S[fd],
      s, e, l, c, x: x ? {s: x[0], e: x[1], r: S[x[2]], a: S[x[3]], d: S[x[4]]} : null, rel: rel ? {l: rel[0], s: rel[1], e: rel[2]} : null}));
    cursor = -1;
    const byField = {};
    data.f.forEach((f, i) => {
      if (f.fd in data.fields) {
        const len = data.fields[f.fd].length;
        const s = Math.min(Math.max(f.s, 0), len);
        (byField[f.fd] = byField[f.fd] || []).push({i, s, e: Math.min(Math.max(f.e, s), len)});
      }
    });
    const title = el('h2', null);
    if (byField.title) highlight(title, data.fields.title, byField.title); else title.textContent = data.t || data.id;
    let link = null;
    try {
      const url = new URL(data.u);
      if (url.protocol === 'http:' || url.protocol === 'https:') link = el('a', {href: url.href, rel: 'noopener noreferrer nofollow', target: '_blank'}, data.u);
    } catch (error) { /* not a URL: shown as text */ }
    const meta = el('div', {class: 'meta'}, `${a.p} · id ${data.id} · quality ${a.q}`, data.u ? ' · ' : '', link || data.u || '');
    const extra = Object.keys(data.fields).filter((name) => name !== 'text' && name !== 'title').map((name) => {
      const value = el('span', null);
      highlight(value, data.fields[name], byField[name]);
      return el('div', {class: 'field'}, el('b', null, name), value);
    });
    const text = el('pre', {id: 'text', tabindex: '-1'});
    highlight(text, data.fields.text, byField.text || []);
    const list = el('ol', {id: 'flist', 'aria-label': 'Findings'}, ...data.f.map((f, i) => el('li', {'data-i': String(i)},
      el('button', {type: 'button', 'data-i': String(i), class: `c${rule(f.r).k}`},
        el('span', {class: 'code'}, f.r), el('span', {class: 'sev'}, f.v),
        f.fd === undefined ? ' (whole article) ' : ` ${f.fd === 'text' ? '' : f.fd + ' '}${f.l}:${f.c} `, f.m),
      f.rel && f.fd === 'text' ? el('button', {type: 'button', class: 'rel', 'data-rel': String(i)}, `\u21a5 first copy, line ${f.rel.l}`) : null)));
    const edits = data.ed || [];
    const tabs = el('div', {class: 'tabs', role: 'group', 'aria-label': 'View'},
      el('button', {type: 'button', id: 'tab-findings', 'aria-pressed': 'true'}, 'Findings'),
      el('button', {type: 'button', id: 'tab-diff', 'aria-pressed': 'false', ...(edits.length ? {} : {disabled: ''})},
        `After safe fixes (${edits.length} edit${edits.length === 1 ? '' : 's'})`),
      el('button', {type: 'button', id: 'tab-fixed', 'aria-pressed': 'false', ...(edits.length ? {} : {disabled: ''})}, 'Fixed text'));
    view.replaceChildren(el('div', null, title, meta, ...extra, tabs, text), list);
    renderList();
    applyFilters();
    if (scroll && view.getBoundingClientRect().top < 0) view.scrollIntoView();
  }
  function showDiff(mode) {
    // The body as `scrapelint fix` writes it (safe fixes, first pass): removed text struck out, new text marked.
    const text = data.fields.text, node = $('text');
    for (const id of ['findings', 'diff', 'fixed']) $('tab-' + id).setAttribute('aria-pressed', String(id === mode));
    if (mode === 'findings') return open(current, false);
    const parts = [];
    let at = 0;
    for (const [s, e, r] of data.ed) {
      parts.push(text.slice(at, s));
      if (mode === 'diff') {
        if (e > s) parts.push(el('del', null, glyphs(text.slice(s, e))));
        if (r) parts.push(el('ins', null, glyphs(r)));
      } else parts.push(r);
      at = e;
    }
    parts.push(text.slice(at));
    node.replaceChildren(...parts);
    hideTip();
  }
  function showRelated(i) {
    // Select the first copy of a repeat and bring it into view.
    const {s, e} = data.f[i].rel, range = document.createRange();
    const walker = document.createTreeWalker($('text'), NodeFilter.SHOW_TEXT);
    let at = 0, started = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const end = at + node.length;
      if (!started && s <= end) { range.setStart(node, s - at); started = true; }
      if (started && e <= end) { range.setEnd(node, e - at); break; }
      at = end;
    }
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const box = range.getBoundingClientRect();
    window.scrollBy({top: box.top - window.innerHeight / 3});
  }
  function applyFilters() {
    if (!data) return;
    for (const node of document.querySelectorAll('#view mark.hl')) {
      const f = data.f[node.dataset.i];
      const ok = passes(f.r, f.v);
      node.classList.toggle('off', !ok);
      if (node.id) node.tabIndex = ok ? 0 : -1;
    }
    for (const item of document.querySelectorAll('#flist li')) {
      const f = data.f[item.dataset.i];
      item.hidden = !passes(f.r, f.v);
    }
  }

  // -- tooltip ---------------------------------------------------------------------------------
  const tip = $('tip');
  function showTip(mark) {
    const parts = [];
    for (let node = mark; node && node.matches && node.matches('mark.hl'); node = node.parentElement) {
      if (node.classList.contains('off')) continue;
      const i = Number(node.dataset.i);
      const f = data.f[i];
      const rel = f.rel ? el('div', null, `First copy at line ${f.rel}.`) : null;
      parts.push(el('div', {class: 'one'}, el('span', {class: 'code'}, `${f.r} ${rule(f.r).n}`), el('span', {class: 'sev'}, f.v),
        el('div', null, f.m), describeFix(f, data.fields[f.fd]), rel));
    }
    if (!parts.length) return hideTip();
    tip.replaceChildren(...parts);
    tip.hidden = false;
    const box = mark.getBoundingClientRect();
    const below = box.bottom + 6 + tip.offsetHeight < window.innerHeight;
    tip.style.left = Math.max(4, Math.min(box.left, window.innerWidth - tip.offsetWidth - 4)) + 'px';
    tip.style.top = (below ? box.bottom + 6 : Math.max(4, box.top - tip.offsetHeight - 6)) + 'px';
    mark.setAttribute('aria-describedby', 'tip');
  }
  function hideTip() { tip.hidden = true; }
  const view = $('view');
  view.addEventListener('mouseover', (event) => { const m = event.target.closest('mark.hl'); if (m) showTip(m); });
  view.addEventListener('mouseout', (event) => { if (event.target.closest('mark.hl') && document.activeElement !== event.target) hideTip(); });
  view.addEventListener('focusin', (event) => { if (event.target.matches('mark.hl')) showTip(event.target); });
  view.addEventListener('focusout', hideTip);
  view.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.rel) showRelated(Number(button.dataset.rel));
    else if (button.dataset.i) goTo(Number(button.dataset.i));
    else if (button.id.startsWith('tab-')) showDiff(button.id.slice(4));
  });

  // -- keyboard --------------------------------------------------------------------------------
  function goTo(i) {
    const mark = $('f' + i);
    const item = document.querySelector(`#flist li[data-i="${i}"]`);
    if (item) item.scrollIntoView({block: 'nearest'});
    if (mark) { mark.scrollIntoView({block: 'center'}); mark.focus({preventScroll: true}); showTip(mark); }
    else if (item) item.querySelector('button').focus();
  }
  function step(delta) {
    if (!data) return;
    const visible = data.f.map((f, i) => i).filter((i) => passes(data.f[i].r, data.f[i].v));
    if (!visible.length) return;
    const at = visible.indexOf(cursor);
    cursor = visible[at < 0 ? (delta > 0 ? 0 : visible.length - 1) : (at + delta + visible.length) % visible.length];
    goTo(cursor);
  }
  function stepArticle(delta) {
    if (!shown.length) return;
    const at = shown.findIndex(([a]) => a === current);
    const target = Math.min(Math.max(at + delta, 0), shown.length - 1);
    if (target >= limit) { limit = target + 1; }
    open(shown[target][0]);
    const button = document.querySelector(`#articles button[data-b="${shown[target][0].b}"]`);
    if (button) button.focus({preventScroll: true});
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { hideTip(); if (document.activeElement) document.activeElement.blur(); return; }
    if (event.target.matches('input, textarea') || event.ctrlKey || event.metaKey || event.altKey) return;
    const act = {j: () => step(1), k: () => step(-1), n: () => stepArticle(1), p: () => stepArticle(-1),
      '/': () => $('search').focus()}[event.key];
    if (act) { event.preventDefault(); act(); }
  });

  refresh();
  if (shown.length) open(shown[0][0], false);
})();
"""

CSP = "; ".join(
    [
        "default-src 'none'",
        f"script-src {_hash(SCRIPT)}",
        f"style-src {_hash(STYLE)}",
        "img-src 'none'",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
    ]
)
