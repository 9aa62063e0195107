"""Coding posting files on data frames: ``classify --input`` for many files, Parquet, or more rows than one
process should hold, in this process (``local``) or on Dask (``dask``: a ``LocalCluster`` sized to the
machine, or any cluster by its scheduler's address).

Every input check runs before a worker starts. The output appears only when complete: it is written into a
temporary folder beside the target and put in place at the end, so a failed run leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import logging
import os
import resource
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import dask
import pandas as pd
from dask.diagnostics import ProgressBar
from dask.utils import parse_bytes
from distributed import Client, LocalCluster, progress

from careerclusters.base.errors import CareerClustersError
from careerclusters.classifier import files
from careerclusters.classifier.distributed import classify_dataframe, model_file, reset_work, work_done
from careerclusters.classifier.service import Kind

Engine = Literal["local", "dask"]


@dataclass(frozen=True)
class Coded:
    """What a run did: rows, the distinct cells its workers classified (a title counts once per worker), the
    wall time, the worker time spent classifying, and each worker's peak memory."""

    rows: int
    distinct: int
    seconds: float
    classifying: float
    peak_mb: tuple[float, ...]

    @property
    def outside_share(self) -> float:
        """The share of the workers' time not spent classifying: reading, writing, scheduling, waiting."""
        available = self.seconds * len(self.peak_mb)
        return max(0.0, 1 - self.classifying / available) if available else 0.0


def classify_files(db_path: Path, spec: str, column: str, output: Path, *, kind: Kind = "occupation", k: int = 5,
                   engine: Engine = "local", scheduler: str | None = None, workers: int | None = None,
                   partition_size: str | None = None, raw: bool = False, encoding: str | None = None,
                   say: Callable[[str], None] = lambda _: None, show_progress: bool = False) -> Coded:
    """Classify ``column`` of the files ``spec`` names into ``output`` (a .csv file or a .parquet folder)."""
    if engine == "local" and (scheduler or workers):
        raise CareerClustersError("--scheduler and --workers need --engine dask")
    if scheduler and workers:
        raise CareerClustersError("--workers sizes a local cluster; the cluster at --scheduler has its own workers")
    size = _partition_size(partition_size)
    inputs = files.open_inputs(spec, column, kind, encoding)
    fmt = files.check_output(output, inputs)
    say(f"read {inputs.read_as}")
    model = model_file(db_path, kind)
    partial = output.resolve().with_name(f".{output.name}.partial")  # absolute, for workers elsewhere
    _remove(partial)
    with _engine(engine, scheduler, workers, say) as client:
        started = time.perf_counter()
        _each_worker(client, reset_work)
        count = 1 if client is None else len(client.nthreads())
        try:
            frame = classify_dataframe(files.read(inputs, size or files.default_partition_size(inputs, count)),
                                       column, kind, k, model=model)
            _compute(client, files.write(frame, partial, fmt, raw), show_progress)
        except (pd.errors.ParserError, UnicodeError) as exc:  # a malformed row: Dask reads the rows only now
            _remove(partial)
            message = str(exc).rpartition("Original Message:")[2]
            raise CareerClustersError(f"{spec}: {' '.join(message.split())}") from None
        except BaseException:
            _remove(partial)
            raise
        seconds = time.perf_counter() - started
        done = _each_worker(client, work_done)
        peaks = _each_worker(client, peak_mb)
    files.finish(partial, output, fmt)
    return Coded(int(sum(d["rows"] for d in done)), int(sum(d["distinct"] for d in done)), seconds,
                 sum(d["seconds"] for d in done), tuple(peaks))


def _partition_size(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        if parse_bytes(value) < 1 << 20:
            raise ValueError
    except ValueError:
        raise CareerClustersError(f"--partition-size {value!r}: give a size of at least 1MB, such as 64MB") from None
    return value


@contextlib.contextmanager
def _engine(engine: Engine, scheduler: str | None, workers: int | None, say: Callable[[str], None]
            ) -> Iterator[Client | None]:
    """None for this process alone; else a client of the cluster at ``scheduler``, or of a new local cluster
    of ``workers`` processes (one per core by default: classifying is Python, one thread per process)."""
    if engine == "local":
        yield None
        return
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise CareerClustersError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
        with client:
            say(f"dask cluster at {scheduler}: {len(client.scheduler_info()['workers'])} workers; "
                f"dashboard {client.dashboard_link}")
            yield client
        return
    count = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        say(f"dask local cluster: {count} worker{'s' if count > 1 else ''}")
        yield client


def _compute(client: Client | None, job: Any, show_progress: bool) -> None:
    if client is None:
        with ProgressBar(out=sys.stderr) if show_progress else contextlib.nullcontext():
            dask.compute(job, scheduler="synchronous")
        return
    futures = client.compute(job)
    if show_progress:
        with contextlib.redirect_stdout(sys.stderr):
            progress(futures)
    client.gather(futures)


def _each_worker(client: Client | None, fn: Callable[[], Any]) -> list[Any]:
    """``fn()`` in this process (no client), or on every worker of the cluster."""
    return [fn()] if client is None else list(client.run(fn).values())


def peak_mb() -> float:
    """This process's peak resident memory in MB. On Linux from ``VmHWM``, which starts afresh when a process
    starts a program (``ru_maxrss`` keeps the peak of the process it was forked from)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == "darwin" else 1024)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
