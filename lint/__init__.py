"""scrapelint: a data-quality linter for scraped articles."""

from scrapelint.models import Article, Finding, Fix, Location, Severity

__all__ = ["Article", "Finding", "Fix", "Location", "Severity", "__version__"]
__version__ = "0.1.0"
