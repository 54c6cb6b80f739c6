"""A local LanguageTool server: fetched once with Maven, started on localhost, stopped cleanly.

`scrapelint languagetool fetch` resolves `org.languagetool:languagetool-server` and the chosen
language modules from Maven Central with the `pom.xml` shipped in this package, and copies the
jars into a cache folder (`~/.cache/scrapelint/languagetool/<version>`; Maven's own cache is
`~/.m2`). That is the only download; linting never fetches anything. `serve` and
`check --languagetool local` then start `org.languagetool.server.HTTPServer` from those jars on a
loopback port, wait until it answers, and stop it (SIGTERM, then SIGKILL) when done. The server
dies with the process that started it (PR_SET_PDEATHSIG), so a killed run leaves no Java behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path
from types import TracebackType

import requests

from scrapelint.config import ConfigError

VERSION = "6.6"  # the newest release whose server runs on Java 17 here (6.6 needs Java >= 17)
DEFAULT_LANGUAGES = ("en", "de", "fr")
# Always fetched: LanguageTool's language identifier refers to Catalan, Spanish and Portuguese by code at start-up.
REQUIRED_LANGUAGES = ("ca", "en", "es", "pt")
START_TIMEOUT = 240.0  # seconds: a cold JVM loading dictionaries on a loaded 2-core machine takes 20-60 s
STOP_TIMEOUT = 15.0
_MODULE = "        <dependency><groupId>org.languagetool</groupId><artifactId>language-{code}</artifactId>"
_MODULE += "<version>${{lt.version}}</version></dependency>\n"


class ServerError(ConfigError):
    """The local server cannot be fetched or started; the message says why in one line."""


def cache_dir(version: str = VERSION) -> Path:
    """Where the jars live: $SCRAPELINT_CACHE, else $XDG_CACHE_HOME/scrapelint, else ~/.cache/scrapelint."""
    base = os.environ.get("SCRAPELINT_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    root = Path(base) if os.environ.get("SCRAPELINT_CACHE") else Path(base) / "scrapelint"
    return root / "languagetool" / version


def parse_languages(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """`en,de,fr` -> ("ca", "de", "en", "es", "fr", "pt"): primary tags, lower-case, with the required ones."""
    if value is None:
        items: list[str] = list(DEFAULT_LANGUAGES)
    elif isinstance(value, str):
        items = value.split(",")
    else:
        items = list(value)
    codes = {item.strip().lower().split("-")[0] for item in items if item.strip()}
    return tuple(sorted(codes | set(REQUIRED_LANGUAGES)))


def fetched_languages(version: str = VERSION) -> set[str]:
    """Languages whose modules are in the cache already."""
    marker = cache_dir(version) / "languages.txt"
    return set(marker.read_text("utf-8").split()) if marker.is_file() else set()


def pom_text(languages: tuple[str, ...]) -> str:
    """The shipped pom.xml with one dependency per language module."""
    template = resources.files("scrapelint").joinpath("data/languagetool/pom.xml").read_text("utf-8")
    modules = "".join(_MODULE.format(code=code) for code in languages)
    return template.replace("        <!-- language modules -->\n", modules)


def fetch(languages: tuple[str, ...], version: str = VERSION, quiet: bool = False) -> Path:
    """Copy the server's and the languages' jars into the cache (Maven, first use only); the jar folder."""
    folder = cache_dir(version)
    languages = parse_languages(languages)
    wanted = set(languages) | fetched_languages(version)
    if set(languages) <= fetched_languages(version) and (folder / "jars").is_dir():
        return folder / "jars"
    mvn = shutil.which("mvn")
    if not mvn:
        raise ServerError("Maven (mvn) is not installed: it is needed once, to fetch LanguageTool into " + str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pom.xml").write_text(pom_text(tuple(sorted(wanted))), "utf-8")
    staging = folder / "jars.new"
    shutil.rmtree(staging, ignore_errors=True)
    command = [
        mvn,
        "-B",
        "-q",
        "-f",
        str(folder / "pom.xml"),
        f"-Dlt.version={version}",
        "dependency:copy-dependencies",
    ]
    command += [f"-DoutputDirectory={staging}", "-DincludeScope=runtime"]
    if not quiet:
        print(
            f"fetching LanguageTool {version} ({', '.join(sorted(wanted))}) with Maven into {folder} ...",
            file=sys.stderr,
        )
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=3600)
    if done.returncode != 0:
        lines = [line for line in (done.stdout + done.stderr).splitlines() if "ERROR" in line] or ["(no output)"]
        raise ServerError(f"Maven could not fetch LanguageTool {version}: {lines[0].strip()}")
    shutil.rmtree(folder / "jars", ignore_errors=True)
    staging.rename(folder / "jars")
    (folder / "languages.txt").write_text("\n".join(sorted(wanted)) + "\n", "utf-8")
    return folder / "jars"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform == "linux" else None


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Ask Linux to SIGTERM the server when the thread that started it dies (no-op elsewhere)."""
    if _LIBC is not None:
        _LIBC.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class LocalServer:
    """`org.languagetool.server.HTTPServer` from the cached jars, on localhost, as a context manager."""

    def __init__(
        self,
        port: int | None = None,
        languages: tuple[str, ...] = DEFAULT_LANGUAGES,
        version: str = VERSION,
        start_timeout: float = START_TIMEOUT,
    ) -> None:
        self.port = port or free_port()
        self.languages = parse_languages(languages)
        self.version = version
        self.start_timeout = start_timeout
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = cache_dir(version) / f"server-{self.port}.log"

    def start(self) -> str:
        """Start the server and wait until /v2/languages answers; the base URL."""
        missing = set(self.languages) - fetched_languages(self.version)
        if missing:
            raise ServerError(
                f"LanguageTool {self.version} is not fetched for {', '.join(sorted(missing))}: "
                f"run `scrapelint languagetool fetch --languages {','.join(self.languages)}` once"
            )
        java = shutil.which(
            "java", path=os.path.join(os.environ["JAVA_HOME"], "bin") if "JAVA_HOME" in os.environ else None
        )
        java = java or shutil.which("java")
        if not java:
            raise ServerError("Java is not installed: the LanguageTool server needs Java >= 17")
        jars = cache_dir(self.version) / "jars"
        command = [java, "-Xss2m", "-cp", f"{jars}/*", "org.languagetool.server.HTTPServer", "--port", str(self.port)]
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent,  # noqa: PLW1509 - one libc call, nothing that takes a lock
            )
        self._wait()
        return self.url

    def _wait(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                tail = self.log.read_text("utf-8", "replace").strip().splitlines()[-1:] or ["(no output)"]
                raise ServerError(f"the LanguageTool server exited at start-up ({self.process.returncode}): {tail[0]}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(self.url + "/v2/languages", timeout=5).ok:
                    return
            time.sleep(0.5)
        self.stop()
        raise ServerError(f"the LanguageTool server did not answer within {self.start_timeout:.0f} s (log: {self.log})")

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after STOP_TIMEOUT; idempotent."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(STOP_TIMEOUT)

    def __enter__(self) -> LocalServer:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def serve(port: int, languages: tuple[str, ...]) -> None:
    """`scrapelint languagetool serve`: fetch if needed, start, block until SIGINT/SIGTERM, stop."""
    fetch(languages)
    server = LocalServer(port, languages)

    def _stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    try:
        server.start()
        print(
            f"LanguageTool {server.version} ({', '.join(server.languages)}) at {server.url} — Ctrl-C stops it",
            file=sys.stderr,
        )
        assert server.process is not None
        server.process.wait()
        raise ServerError(f"the LanguageTool server stopped on its own (log: {server.log})")
    except KeyboardInterrupt:
        print("stopping LanguageTool", file=sys.stderr)
    finally:
        server.stop()
