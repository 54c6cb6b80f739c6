"""Readers: every input format, gzip, directories, stdin sniffing, field mapping, bad records."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from scrapelint.models import Article
from scrapelint.sources import InputError, SourceOptions, read_bytes_stream, read_paths


def articles(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def errors(items) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


def test_text_file_is_one_article_with_the_path_as_id(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Héllo 👋\nsecond line\n", "utf-8")
    [article] = read_paths([str(path)])
    assert article.id == str(path) and article.text == "Héllo 👋\nsecond line\n" and article.record is None


def test_jsonl_records_keep_line_numbers_and_ids(tmp_path: Path) -> None:
    path = tmp_path / "scrape.jsonl"
    path.write_text(
        json.dumps({"id": "a1", "text": "one"})
        + "\n\n"
        + json.dumps({"url": "https://x.org/2", "text": "two"})
        + "\n"
        + json.dumps({"text": "three"})
        + "\n",
        "utf-8",
    )
    items = list(read_paths([str(path)]))
    assert [(a.id, a.line, a.text) for a in items] == [
        ("a1", 1, "one"),
        ("https://x.org/2", 3, "two"),
        (f"{path}:4", 4, "three"),
    ]


def test_broken_records_are_reported_with_line_and_the_rest_still_read(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(
        b'{"text": "ok 1"}\n{"text": "unterminated\n[1, 2]\n{"title": "no body"}\n{"text": "caf\xe9"}\n{"text": "ok 2"}\n'
    )
    items = list(read_paths([str(path)]))
    assert [(e.code, e.line) for e in errors(items)] == [("ERR002", 2), ("ERR002", 3), ("ERR003", 4), ("ERR004", 5)]
    assert [a.text for a in articles(items)] == ["ok 1", "caf\ufffd", "ok 2"]
    assert errors(items)[0].raw == b'{"text": "unterminated\n'


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    [error] = read_paths([str(tmp_path / "nope.jsonl")])
    assert error.code == "ERR001" and "No such file" in error.message


def test_gzip_of_every_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"plain"))
    (tmp_path / "b.json.gz").write_bytes(gzip.compress(json.dumps([{"content": "x"}, {"body": "y"}]).encode()))
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(b'{"maintext": "z"}\n'))
    texts = [a.text for a in read_paths([str(tmp_path)])]
    assert texts == ["plain", "x", "y", "z"]


def test_corrupt_gzip_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(b'{"text": "z"}\n' * 100)[:40])
    items = list(read_paths([str(tmp_path / "c.jsonl.gz")]))
    assert errors(items) and errors(items)[-1].code == "ERR001"


def test_directory_walk_honours_include_and_exclude(tmp_path: Path) -> None:
    (tmp_path / "keep").mkdir()
    (tmp_path / "skip").mkdir()
    (tmp_path / "keep" / "a.txt").write_text("a")
    (tmp_path / "keep" / "b.md").write_text("b")
    (tmp_path / "keep" / "c.csv").write_text("c")
    (tmp_path / "skip" / "d.txt").write_text("d")
    options = SourceOptions(exclude=("*/skip",))
    assert [a.text for a in read_paths([str(tmp_path)], options)] == ["a", "b"]
    options = SourceOptions(include=("*.md",))
    assert [a.text for a in read_paths([str(tmp_path)], options)] == ["b"]


def test_known_scraper_schemas_are_mapped() -> None:
    news_please = {
        "maintext": "body",
        "title": "T",
        "authors": ["A", "B"],
        "date_publish": "2023-03-05 10:00:00",
        "date_modify": "2023-03-06 10:00:00",
        "url": "https://n.org/x",
        "language": "en",
    }
    trafilatura = {
        "text": "body",
        "raw_text": "raw",
        "title": "T",
        "author": "A",
        "date": "2023-03-05",
        "id": "f1",
        "hostname": "n.org",
    }
    newspaper = {"text": "body", "title": "T", "authors": ["A"], "publish_date": "2023-03-05T10:00:00Z"}
    for record in (news_please, trafilatura, newspaper):
        stream = io.BytesIO(json.dumps(record).encode())
        [article] = read_bytes_stream(stream, "x.json", "json", SourceOptions())
        assert (article.text, article.title) == ("body", "T")
        assert article.published_at is not None and article.published_at.year == 2023
    assert (
        read_bytes_stream(io.BytesIO(json.dumps(news_please).encode()), "x", "json", SourceOptions()).__next__().author
        == "A, B"
    )


def test_user_field_mapping_wins() -> None:
    record = {"text": "teaser", "story_html": "the body", "pub_time": "2020-01-02"}
    options = SourceOptions(fields={"text": "story_html", "published": "pub_time"})
    [article] = read_bytes_stream(io.BytesIO(json.dumps(record).encode()), "x.json", "json", options)
    assert article.text == "the body" and article.text_field == "story_html" and article.published == "2020-01-02"


def test_record_is_kept_whole_for_round_trips() -> None:
    record = {"zeta": 1, "text": "t", "alpha": {"nested": [1, 2]}, "title": None}
    [article] = read_bytes_stream(io.BytesIO(json.dumps(record).encode()), "x.jsonl", "jsonl", SourceOptions())
    assert list(article.record) == ["zeta", "text", "alpha", "title"] and article.record["alpha"] == {"nested": [1, 2]}


def test_stdin_format_is_sniffed(monkeypatch) -> None:
    from scrapelint.sources import sniff_format

    assert sniff_format(b'{"text": "a"}\n{"text": "b"}\n') == "jsonl"
    assert sniff_format(b'{\n  "text": "a"\n}\n') == "json"
    assert sniff_format(b'  [{"text": "a"}]') == "json"
    assert sniff_format(b"Just an article.") == "text"
