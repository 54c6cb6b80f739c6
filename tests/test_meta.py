"""META rules: the published/modified fields, checked end to end through JSONL input and the CLI."""

from __future__ import annotations

import json
import pickle
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from scrapelint.cli import main
from scrapelint.rules.meta import MissingTimezone, is_placeholder, parse_date


def run_meta(tmp_path: Path, records: list[dict], *extra: str) -> list[dict]:
    """Lint records written as a JSONL file with the META rules; the findings as JSON."""
    path = tmp_path / "scrape.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", str(path), "--select", "META", "--format", "json", "--isolated", "--jobs", "1", *extra]
    )
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def record(n: int, **fields: str) -> dict:
    return {"id": f"a{n}", "text": "A short article body.", **fields}


def by_article(findings: list[dict]) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for finding in findings:
        out.setdefault(finding["article"], []).append((finding["rule"], finding["field"]))
    return out


def test_good_metadata_is_not_reported(tmp_path: Path) -> None:
    findings = run_meta(
        tmp_path,
        [
            record(1, published="2024-03-05T09:12:00+00:00", modified="2024-03-05T11:40:00Z"),
            record(2, date_publish="2023-11-20", date_modify="2023-11-21"),
            record(3, published="Tue, 05 Mar 2024 09:12:00 GMT"),
            record(4, published="March 5, 2024 10:00 AM +0100"),
            record(5, published="1709630000"),
            record(8, published="Tuesday 5 March 2024 09.12 GMT"),
            record(6, url="https://news.example.org/2024/03/05/dam", published="2024-03-06T01:00:00+09:00"),
            record(7, url="https://news.example.org/2024/03/dam", published="2024-04-01T00:30:00+02:00"),
        ],
    )
    assert findings == []


@pytest.mark.parametrize(
    ("fields", "rule", "field"),
    [
        ({"published": "2 hours ago"}, "META001", "published"),
        ({"published": "Updated"}, "META001", "published"),
        ({"published": "2024-03-05", "modified": "Tuesday"}, "META001", "modified"),
        ({"published": "0000-00-00"}, "META002", "published"),
        ({"published": "0000-00-00 00:00:00"}, "META002", "published"),
        ({"published": "1970-01-01T00:00:00Z"}, "META002", "published"),
        ({"published": "1969-12-31T19:00:00-05:00"}, "META002", "published"),
        ({"published": "0"}, "META002", "published"),
        ({"published": "2024-03-05", "modified": "1970-01-01"}, "META002", "modified"),
        ({"published": "2999-03-05"}, "META003", "published"),
        ({"published": "2024-03-09", "date_download": "2024-03-06T10:00:00Z"}, "META003", "published"),
        ({"published": "1953-03-05"}, "META004", "published"),
        ({"published": "2024-03-05", "modified": "2024-03-01"}, "META005", "modified"),
        ({"published": "2024-03-05T10:00:00Z", "modified": "2024-03-05T09:00:00Z"}, "META005", "modified"),
        ({"url": "https://news.example.org/world/2024/03/05/dam", "published": "2024-04-02"}, "META007", "published"),
        ({"url": "https://news.example.org/2019/06/library", "published": "2019-09-01"}, "META007", "published"),
    ],
)
def test_broken_metadata_is_reported_on_its_field(tmp_path: Path, fields: dict, rule: str, field: str) -> None:
    findings = run_meta(tmp_path, [record(1, **fields)])
    assert [(f["rule"], f["field"]) for f in findings] == [(rule, field)]
    finding = findings[0]
    raw = fields[field]
    assert raw.strip()[finding["start"] : finding["end"]] == raw.strip()
    assert raw in finding["message"]


def test_a_date_inside_other_text_is_named_in_the_message(tmp_path: Path) -> None:
    (finding,) = run_meta(tmp_path, [record(1, published="Published: 5 March 2024")])
    assert finding["rule"] == "META001" and "other text" in finding["message"] and "2024-03-05" in finding["message"]


def test_dates_with_a_month_name_in_another_language_are_read_as_dates(tmp_path: Path) -> None:
    # dateutil reads English month names only: "5. März 2024" was "other text around 2024-05-01"
    findings = run_meta(
        tmp_path,
        [
            record(1, published="5. März 2024", modified="12. März 2024, 14:02 Uhr"),
            record(2, published="12 de novembro de 2019"),
            record(3, published="3 febbraio 2021", modified="3 lutego 2021"),
            record(4, published="Montag, 5. März 2024"),
            record(5, published="3 Oct. 2024 10:00 AM"),
        ],
    )
    assert findings == []
    # read, they are checked like any date: the modified one before the published one, and a day no month has
    findings = run_meta(
        tmp_path, [record(1, published="5. März 2024", modified="1. März 2024"), record(2, published="31. Juni 2024")]
    )
    assert [(f["rule"], f["field"]) for f in findings] == [("META005", "modified"), ("META001", "published")]
    assert "impossible date" in findings[1]["message"]
    (finding,) = run_meta(tmp_path, [record(1, published="Publié le 3 février 2021 par Jean")])
    assert "other text" in finding["message"] and "2021-02-03" in finding["message"]


def test_placeholder_is_not_also_reported_as_unparseable_or_too_old(tmp_path: Path) -> None:
    findings = run_meta(tmp_path, [record(1, published="0000-00-00", modified="1970-01-01T00:00:00")])
    assert sorted(f["rule"] for f in findings) == ["META002", "META002"]


def test_same_day_without_time_is_not_modified_before_published(tmp_path: Path) -> None:
    findings = run_meta(tmp_path, [record(1, published="2024-03-05T10:00:00Z", modified="2024-03-05")])
    assert findings == []


def test_min_year_option(tmp_path: Path) -> None:
    records = [record(1, published="1995-06-01")]
    assert run_meta(tmp_path, records) == []
    findings = run_meta(tmp_path, records, "--option", "META004.min-year=2000")
    assert [f["rule"] for f in findings] == ["META004"]


def test_timezone_less_timestamp_reported_only_when_most_of_the_batch_has_zones(tmp_path: Path) -> None:
    zoned = [record(n, published=f"2024-03-0{n}T09:00:00+01:00") for n in range(1, 4)]
    naive = record(9, published="2024-03-05 09:00:00")
    findings = run_meta(tmp_path, [*zoned, naive])
    assert [(f["rule"], f["article"], f["severity"]) for f in findings] == [("META006", "a9", "info")]
    # a batch that mostly has no zone: nothing to say; plain dates are not timestamps
    mostly_naive = [record(n, published=f"2024-03-0{n} 09:00:00") for n in range(1, 4)]
    assert run_meta(tmp_path, [*mostly_naive, record(8, published="2024-03-05T09:00:00Z")]) == []
    assert run_meta(tmp_path, [*zoned, record(7, published="2024-03-05")]) == []


def test_timezone_rule_state_is_small_and_pickles() -> None:
    rule = MissingTimezone()
    state = rule.merge(rule.new_state(), [3, 1])
    rule.prepare(state)
    assert len(pickle.dumps(rule)) < 2000 and pickle.loads(pickle.dumps(rule)).zoned == 3


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-05T09:12:00Z", datetime(2024, 3, 5, 9, 12, tzinfo=timezone.utc)),
        ("Tue, 05 Mar 2024 09:12:00 GMT", datetime(2024, 3, 5, 9, 12, tzinfo=timezone.utc)),
        ("March 5, 2024", datetime(2024, 3, 5)),
        ("5 March 2024 10:00", datetime(2024, 3, 5, 10, 0)),
        ("1709630000", datetime(2024, 3, 5, 9, 13, 20, tzinfo=timezone.utc)),
        ("1709630000000", datetime(2024, 3, 5, 9, 13, 20, tzinfo=timezone.utc)),
        ("yesterday", None),
        ("Tuesday", None),
        ("", None),
    ],
)
def test_parse_date(raw: str, expected: datetime | None) -> None:
    assert parse_date(raw) == expected


def test_placeholders() -> None:
    assert is_placeholder("0000-00-00", None)
    assert is_placeholder("1970-01-01", parse_date("1970-01-01"))
    assert not is_placeholder("1970-01-03", parse_date("1970-01-03"))
    assert not is_placeholder("2024-03-05", parse_date("2024-03-05"))
