"""The batch summary: per-site counts folded from the findings, regressions against a baseline, gates.

fold.py (the counters), model.py (the JSON shape), render.py (JSON, Markdown),
baseline.py (regressions), max_share.py (--max-share), run.py (the CLI's options and run).
"""

from scrapelint.summary.fold import BatchFold, site_of
from scrapelint.summary.model import Summary, summarize

__all__ = ["BatchFold", "Summary", "site_of", "summarize"]
