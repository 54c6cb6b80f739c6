"""The built-in rules, one family per module. Each module lists its rules in `RULES`
and is registered in pyproject.toml under the `scrapelint.rules` entry-point group."""
