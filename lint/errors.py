"""Failures that end a run, and the one place that turns them into a message and an exit code.

Exit codes: 0 nothing reported, 1 findings reported, 2 usage, config or input/output
errors (and a lost worker: the output is incomplete), 3 an internal error (a bug).
A crash must never look like "findings found", so nothing unexpected may exit 1:
the command group catches every exception, prints one line naming the article being
worked on, and exits 3.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import click

from scrapelint.config import ConfigError

EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it (SIGTERM exits 143)


class WorkerLost(RuntimeError):
    """A worker process died (killed, out of memory) with a chunk of articles: the run cannot be complete."""


class RunError(RuntimeError):
    """An input or output problem found mid-run (unwritable output, a corrupt file): exit 2, no traceback."""


class ArticleCrash(RuntimeError):
    """An unexpected exception while working on one article; picklable, so that a worker can send it back."""

    def __init__(self, article: str, path: str, detail: str) -> None:
        super().__init__(article, path, detail)
        self.article, self.path, self.detail = article, path, detail

    def __str__(self) -> str:
        return f"{self.detail} (article {self.article} of {self.path})"


@contextmanager
def about(article: str | None, path: str) -> Iterator[None]:
    """Name the article in any unexpected exception raised inside the block."""
    try:
        yield
    except (ArticleCrash, RunError, WorkerLost, ConfigError, OSError, click.exceptions.Exit, click.ClickException):
        raise  # (ConfigError: a backend gone mid-run, such as LanguageTool: one line and exit 2, not a crash)
    except Exception as error:
        raise ArticleCrash(article or "-", path, f"{type(error).__name__}: {error}") from error


def stop(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"scrapelint: error: {message}", err=True)
    sys.exit(code)


def report_crash(error: BaseException) -> NoReturn:
    """One line for an internal error: what, where, and where to report it; exit 3."""
    detail = str(error) if isinstance(error, ArticleCrash) else f"{type(error).__name__}: {error}"
    click.echo(f"scrapelint: internal error: {detail}; please report this bug, with the input if you can", err=True)
    sys.exit(EXIT_INTERNAL)


@contextmanager
def held_signals() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back for a few statements and delivered right after: a temporary file is created
    and its removal arranged as one step, so an interrupt cannot land between the two and leave the file."""
    if not hasattr(signal, "pthread_sigmask"):  # (Windows: no signal masks)
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _exit_on_sigterm() -> None:
    """SIGTERM unwinds the main process like Ctrl-C, so temporary files are removed; a forked worker just dies."""
    main = os.getpid()

    def handler(number: int, frame: object) -> None:
        if os.getpid() != main:
            signal.signal(number, signal.SIG_DFL)
            os.kill(os.getpid(), number)
            return
        raise SystemExit(128 + number)

    with contextlib.suppress(ValueError):  # not the main thread (an embedding application): leave it
        signal.signal(signal.SIGTERM, handler)


class GuardedGroup(click.Group):
    """A click group whose commands never leak a traceback, nor exit 1 on a crash."""

    def invoke(self, ctx: click.Context) -> Any:
        _exit_on_sigterm()
        for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 is written back as its bytes
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="surrogateescape")
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:  # click would say "Aborted!" and exit 1, the code of "findings found"
            click.echo("scrapelint: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except (WorkerLost, RunError) as error:
            stop(str(error))
        except EOFError as error:  # click would print "Aborted!" and exit 1
            stop(f"input ended early: {error}")
        except OSError as error:
            stop(f"{error.strerror or error}" + (f": {error.filename}" if error.filename else ""))
        except RecursionError as error:
            stop(f"input nested too deeply to handle: {error}")
        except Exception as error:
            report_crash(error)
