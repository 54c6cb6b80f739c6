"""The Scrapy pipeline in a real crawl: a spider in a subprocess fetches pages from a local HTTP server.

The pages are built from the seed (the article; a scrape that caught only its site's nav and teasers)
and, when the dev data is there, from real news pages (L3S-GN1, naive and clean). Each mode is one
crawl: annotated items carry the findings the CLI reports for the same record, fixed items carry the
text `scrapelint fix` writes (the golden file for the seed), low-quality items are dropped and counted.
"""

from __future__ import annotations

import html
import itertools
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from scrapelint import Linter
from scrapelint.cli import main
from scrapelint.quality import quality_score

from .conftest import ROOT, SEED_PATH, SHARED_DATA

pytest.importorskip("scrapy")

GOLDEN_FIXED = ROOT / "tests" / "golden" / "seed_fixed.txt"
L3S = (
    next(
        (p for p in (SHARED_DATA, ROOT.parents[1] / "shared" / "data") if (p / "l3s_gn1_lines.jsonl").exists()),
        SHARED_DATA,
    )
    / "l3s_gn1_lines.jsonl"
)
FIELDS = {"text": "body", "published": "date"}
KINDS = ("dict", "item", "dataclass", "attrs")

SPIDER = """
import dataclasses, json, sys
import attrs, scrapy
from scrapy.crawler import CrawlerProcess


class ArticleItem(scrapy.Item):
    url = scrapy.Field()
    body = scrapy.Field()
    date = scrapy.Field()
    scrapelint = scrapy.Field()


@dataclasses.dataclass
class ArticleData:
    url: str
    body: str
    date: str | None = None
    scrapelint: dict | None = None


@attrs.define
class ArticleAttrs:
    url: str
    body: str
    date: str | None = None
    scrapelint: dict | None = None


KINDS = {"dict": dict, "item": ArticleItem, "dataclass": ArticleData, "attrs": ArticleAttrs}


class Pages(scrapy.Spider):
    name = "pages"

    def __init__(self, urls, **kwargs):
        super().__init__(**kwargs)
        self.urls = urls

    async def start(self):
        for request in self.start_requests():
            yield request

    def start_requests(self):
        for url in self.urls:
            yield scrapy.Request(url)

    def parse(self, response):
        kind = response.url.rsplit("kind=", 1)[1]
        body = response.css("pre#body::text").get()
        date = response.css("meta[name=date]::attr(content)").get()
        yield KINDS[kind](url=response.url, body=body, date=date)


urls, settings, stats_path = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
process = CrawlerProcess(settings)
crawler = process.create_crawler(Pages)
process.crawl(crawler, urls=urls)
process.start()
with open(stats_path, "w") as out:
    json.dump(crawler.stats.get_stats(), out, default=str)
"""


def page(text: str, date: str | None) -> bytes:
    meta = f'<meta name="date" content="{date}">' if date else ""
    body = (
        f'<html><head><meta charset="utf-8">{meta}</head><body><pre id="body">{html.escape(text)}</pre></body></html>'
    )
    return body.encode("utf-8")


def build_pages() -> dict[str, tuple[str, str | None]]:
    """Page name -> (article text, published date)."""
    seed = SEED_PATH.read_text("utf-8")
    lines = seed.split("\n")
    teasers = seed[seed.index("Misleading ads") :]
    pages = {
        "seed": (seed, "2024-03-05"),
        "nav-and-teasers": ("\n".join(lines[:2]) + "\n\n" + teasers, "2024-03-05"),
    }
    if L3S.exists():
        with L3S.open("rb") as stream:
            for number, raw in enumerate(itertools.islice(stream, 3)):
                record = orjson.loads(raw)
                pages[f"l3s-{number}-naive"] = (record["naive"], None)
                pages[f"l3s-{number}-clean"] = (record["clean"], None)
    return pages


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, dict[str, tuple[str, str | None]]]]:
    pages = build_pages()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            name = self.path.split("?", 1)[0].strip("/").removesuffix(".html")
            if name not in pages:
                self.send_error(404)
                return
            content = page(*pages[name])
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", pages
    httpd.shutdown()
    httpd.server_close()


def urls(base: str, pages: dict[str, Any]) -> list[str]:
    """The seed in every item kind; the other pages as dicts and `scrapy.Item`s."""
    return [
        f"{base}/{name}.html?kind={kind}" for name in pages for kind in (KINDS if name == "seed" else ("dict", "item"))
    ]


def crawl(tmp_path: Path, base: str, pages: dict[str, Any], **settings: Any) -> tuple[list[dict], dict, str]:
    """Run the spider with the pipeline on: (exported items, the crawl's stats, its log)."""
    script, feed, stats = tmp_path / "crawl.py", tmp_path / "items.jsonl", tmp_path / "stats.json"
    script.write_text(SPIDER, "utf-8")
    settings = {
        "ITEM_PIPELINES": {"scrapelint.scrapy.ScrapelintPipeline": 300},
        "SCRAPELINT_FIELDS": FIELDS,
        "FEEDS": {str(feed): {"format": "jsonlines", "encoding": "utf8"}},
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO",
        **settings,
    }
    result = subprocess.run(
        [sys.executable, str(script), json.dumps(urls(base, pages)), json.dumps(settings), str(stats)],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    warned = [line for line in result.stderr.splitlines() if "Warning" in line and "scrapelint" in line.lower()]
    assert not warned, warned  # e.g. Scrapy's deprecation of pipelines that return Deferreds
    items = [json.loads(line) for line in feed.read_text("utf-8").splitlines()] if feed.exists() else []
    return items, json.loads(stats.read_text("utf-8")), result.stderr


def name_of(item: dict[str, Any]) -> str:
    return item["url"].rsplit("/", 1)[1].split(".html", 1)[0]


def what(finding: dict[str, Any]) -> tuple[Any, ...]:
    return finding["rule"], finding["field"], finding["start"], finding["end"], finding["message"]


def test_annotate_adds_the_findings_the_cli_reports_for_the_same_record(tmp_path: Path, server: Any) -> None:
    base, pages = server
    items, stats, log = crawl(tmp_path, base, pages)
    assert len(items) == len(urls(base, pages))
    assert {name_of(item) for item in items} == set(pages)
    total = 0
    for item in items:
        annotation = item.pop("scrapelint")
        record = {key: value for key, value in item.items() if value is not None}
        one = tmp_path / "one.jsonl"
        one.write_text(json.dumps(record) + "\n", "utf-8")
        args = [
            "check",
            str(one),
            "--isolated",
            "--format",
            "json",
            "--field",
            "text=body",
            "--field",
            "published=date",
        ]
        expected = json.loads(CliRunner().invoke(main, args).stdout)
        assert [what(f) for f in annotation["findings"]] == [what(f) for f in expected], name_of(item)
        assert 0.0 <= annotation["quality"] <= 1.0
        total += len(expected)
    seed = next(item for item in items if name_of(item) == "seed")
    assert seed["body"] == SEED_PATH.read_text("utf-8")  # annotate leaves the text alone
    assert stats["scrapelint/items"] == len(items)
    counted = {key: value for key, value in stats.items() if key.startswith("scrapelint/findings/")}
    assert sum(counted.values()) == total > 0
    assert counted["scrapelint/findings/DEB001"] >= len(KINDS)  # "Skip to main content" on every seed item
    assert "scrapelint summary for pages" in log and "127.0.0.1" in log


def test_fix_writes_back_the_text_scrapelint_fix_writes(tmp_path: Path, server: Any) -> None:
    base, pages = server
    items, stats, _ = crawl(tmp_path, base, pages, SCRAPELINT_MODE="fix", SCRAPELINT_SELECT=["DEB", "DUP", "FMT"])
    golden = GOLDEN_FIXED.read_text("utf-8")  # `scrapelint fix --select DEB,DUP,FMT` of the seed
    seeds = [item for item in items if name_of(item) == "seed"]
    assert len(seeds) == len(KINDS)
    assert all(item["body"] == golden for item in seeds)
    assert all("scrapelint" not in item or item["scrapelint"] is None for item in items)
    linter = Linter(select=["DEB", "DUP", "FMT"], fields=FIELDS)
    changed = 0
    for item in items:
        text, date = pages[name_of(item)]
        expected = linter.fix({"body": text, "date": date, "url": item["url"]}).value["body"]
        assert item["body"] == expected, name_of(item)
        changed += expected != text
    # the seed in every item kind, and two L3S pages where the dev data is present (the nav-and-teasers page
    # is mostly debris: `fix` withholds safe fixes that would remove most of an article)
    assert stats["scrapelint/fixed"] == changed >= len(KINDS) + (2 if L3S.exists() else 0)
    assert stats["scrapelint/fixed/DEB004"] >= len(KINDS)


def test_drop_removes_low_quality_items_and_counts_them(tmp_path: Path, server: Any) -> None:
    base, pages = server
    items, stats, log = crawl(tmp_path, base, pages, SCRAPELINT_MODE="drop", SCRAPELINT_DROP_BELOW=0.5)
    linter = Linter(fields=FIELDS)
    quality = {
        name: quality_score(linter.check({"body": text, "date": date}), len(text))
        for name, (text, date) in pages.items()
    }
    low = {name for name, score in quality.items() if score < 0.5}
    assert "nav-and-teasers" in low and "seed" not in low
    kept = [name_of(item) for item in items]
    assert set(kept) == set(pages) - low
    dropped = len(urls(base, pages)) - len(items)
    assert stats["scrapelint/dropped"] == dropped == sum(2 for name in low)  # each low page as dict and Item
    assert stats.get("item_dropped_count") == dropped  # Scrapy's own count agrees
    assert "scrapelint: quality" in log


# -- the pipeline in process: settings and edge cases, with Scrapy's own crawler and stats ---------


def pipeline_for(**settings: Any) -> Any:
    from scrapy.utils.test import get_crawler

    from scrapelint.scrapy import ScrapelintPipeline

    crawler = get_crawler(settings_dict=settings)
    crawler.stats.open_spider()
    return ScrapelintPipeline.from_crawler(crawler), crawler.stats


def test_items_without_text_pass_untouched_and_a_bad_mode_is_an_error() -> None:
    pipeline, stats = pipeline_for(SCRAPELINT_FIELDS={"text": "body"})
    item = {"title": "a listing page, not an article"}
    assert pipeline.lint_item(item) is item and item == {"title": "a listing page, not an article"}
    assert stats.get_value("scrapelint/skipped") == 1 and stats.get_value("scrapelint/items") is None
    with pytest.raises(ValueError, match="SCRAPELINT_MODE"):
        pipeline_for(SCRAPELINT_MODE="delete")


def test_an_item_class_without_the_annotation_field_is_warned_about_once(caplog: pytest.LogCaptureFixture) -> None:
    import scrapy

    class Page(scrapy.Item):
        body = scrapy.Field()

    pipeline, stats = pipeline_for(SCRAPELINT_FIELDS={"text": "body"}, SCRAPELINT_SELECT=["FMT001"])
    for _ in range(2):
        item = Page(body="A stray space , here.")
        assert dict(pipeline.lint_item(item)) == {"body": "A stray space , here."}
    assert stats.get_value("scrapelint/findings/FMT001") == 2
    assert sum("has no field 'scrapelint'" in record.message for record in caplog.records) == 1
