"""Finds the packages under lint/ and rules/ by rule, so a new subpackage ships without an edit.

pyproject maps lint/ onto `scrapelint` and rules/ onto `scrapelint.rules`; setuptools' `packages.find` cannot
put a prefix on the names it finds, which is the one thing this file does. Everything else is in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup


def packages_under(folder: str, name: str) -> list[str]:
    """`name` and every folder below `folder` as `name.sub...` (namespace: data folders need no __init__.py)."""
    found = find_namespace_packages(folder, exclude=["*__pycache__*"])
    return [name, *(f"{name}.{sub}" for sub in found)]


setup(packages=packages_under("lint", "scrapelint") + packages_under("rules", "scrapelint.rules"))
