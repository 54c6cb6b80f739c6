"""Where the shared dev data lives: `shared/data` in the first folder above this file that holds one.

The main checkout sits at /work/main and helpers' worktrees at /work/wt/N; both find /work/shared/data.
"""

from __future__ import annotations

from pathlib import Path


def data_dir() -> Path:
    """The nearest `shared/data` above bench/ (the main checkout's or a worktree's parent)."""
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    return Path(__file__).resolve().parents[2] / "shared" / "data"
