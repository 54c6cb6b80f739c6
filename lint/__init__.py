"""scrapelint: a data-quality linter for scraped articles."""

from scrapelint.api import CheckResult, FixResult, Linter
from scrapelint.config import ConfigError, Settings
from scrapelint.models import Article, Finding, Fix, Location, Severity

__all__ = [
    "Article",
    "CheckResult",
    "ConfigError",
    "Finding",
    "Fix",
    "FixResult",
    "Linter",
    "Location",
    "Settings",
    "Severity",
    "__version__",
]
__version__ = "0.1.0"
