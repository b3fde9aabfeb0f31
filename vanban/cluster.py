"""Extraction on a Dask distributed cluster: file paths go out in partitions, records come back, in input order.

The client (``vanban ingest --cluster …``, ``vanban reindex --cluster …``)
decides which files to read exactly as on one machine, then sends their paths
(or, with ``ship_bytes``, their bytes) to the cluster in partitions of a few
files (:func:`extract_on_cluster`). On each Dask worker a partition is read by a
reader process of :mod:`vanban.workers` under the same per-file time and memory
limits as on one machine, so a hostile file fails with its reason and never
takes the Dask worker with it; records (or the reason a file failed) come back,
never a database handle, and the one :class:`vanban.store.StoreWriter` of the
client stores them in input order.

A Dask worker that dies loses nothing: the scheduler runs its partitions again
on another worker (up to ``distributed.scheduler.allowed-failures`` times), and
each file's outcome is taken once, by its place in the input, so no file is
stored twice: a partition run twice gives one result to the client, and an
outcome for a place already passed is dropped. A partition that raises is
tried again ``RETRIES`` times; after that its files fail with the reason.

Workers find the files at the same path as the client (shared storage), or get
their bytes with the task (``ship_bytes``). The OCR cache location given to the
client travels with every task, so it reaches workers started before it was
chosen; unset, each worker uses its own (``vanban.dask_preload``'s
``--ocr-cache``, ``$VANBAN_OCR_CACHE``, or ``~/.cache/vanban/ocr``). Each
reader OCRs one page at a time: a Dask worker runs one reader per thread, so a
machine's threads are its cores.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import tempfile
from collections.abc import Iterable, Iterator, Sized
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from vanban.batch import WARM, Outcome, extract_one
from vanban.intake import refusal
from vanban.workers import Limits, WorkerPool

if TYPE_CHECKING:
    from distributed import Client

# The cluster as typed: "local:4" (a LocalCluster of 4 worker processes on this machine) or a scheduler's address.
_LOCAL = regex.compile(r"(?x) ^ local (?: : (?P<workers> \d+ ) )? $")  # local:2, local
_ADDRESS = regex.compile(r"(?x) ^ (?: (?P<scheme> tcp | tls | ws | wss | inproc ) :// )? (?P<host> [^\s/:]+ ) : \d+ $")

PARTITION_FILES = 8  # files in one task: few enough that a lost worker costs little and the tail stays short …
PARTITION_BYTES = 8 * 1024**2  # … and, shipping bytes, at most this much data in one task (a larger file goes alone)
PARTITIONS_PER_THREAD = 3  # tasks in flight per worker thread: a worker never waits for the client
RETRIES = 2  # a partition that raises is run again this many times before its files fail
PRELOAD = "vanban.dask_preload"  # what every worker of a LocalCluster imports first (see the README for others)


class ClusterError(Exception):
    """The cluster cannot be used: its address is wrong, it cannot be reached, or its workers run another vanban."""


@dataclass(frozen=True)
class Settings:
    """What each task carries to the workers: the per-file limits, where OCR results are cached (None: the worker's
    own setting) and the extractor version the client expects."""

    limits: Limits
    ocr_cache: str | None
    extractor_version: str


@dataclass(frozen=True)
class _File:
    """One file of a partition: its place in the input, its path, its known hash, its bytes when shipped."""

    index: int
    path: str
    sha256: str | None
    data: bytes | None = None


# --- on the workers ----------------------------------------------------------------------------------

# Reader pools idle in this worker process, each with its settings: a task borrows one, a thread each at a time.
_idle: queue.SimpleQueue[tuple[Settings, WorkerPool]] = queue.SimpleQueue()
_worker_ocr_cache: str | None = None  # this worker's own OCR cache, set by the preload's --ocr-cache


def configure_worker(ocr_cache: str | None) -> None:
    """This worker's OCR cache location, for tasks whose client set none (called by :mod:`vanban.dask_preload`)."""
    global _worker_ocr_cache
    _worker_ocr_cache = ocr_cache


def _reader_env(settings: Settings) -> dict[str, str]:
    """The readers' environment: one OCR thread each, and the OCR cache the task asks for (else the worker's)."""
    env = {"VANBAN_OCR_THREADS": "1", "OMP_THREAD_LIMIT": "1"}
    cache = settings.ocr_cache or _worker_ocr_cache or os.environ.get("VANBAN_OCR_CACHE")
    if cache:
        env["VANBAN_OCR_CACHE"] = cache
    return env


def _new_pool(settings: Settings) -> WorkerPool:
    return WorkerPool(1, settings.limits, warm=WARM, env=_reader_env(settings))


def warm_readers(count: int, settings: Settings) -> None:
    """Start ``count`` readers now (each imports the extractors once), so the first partitions find them ready."""
    for _ in range(count):
        pool = _new_pool(settings)
        pool.start()
        _idle.put((settings, pool))


def close_readers() -> None:
    """Stop this worker's idle readers (the preload's teardown)."""
    while True:
        try:
            _, pool = _idle.get_nowait()
        except queue.Empty:
            return
        pool.close()


@contextlib.contextmanager
def _reader(settings: Settings) -> Iterator[WorkerPool]:
    """A reader pool of one process for this task: an idle one made with the same settings, else a new one."""
    try:
        made_with, pool = _idle.get_nowait()
    except queue.Empty:
        made_with, pool = settings, _new_pool(settings)
    if made_with != settings:
        pool.close()
        pool = _new_pool(settings)
    try:
        yield pool
    except BaseException:
        pool.close()
        raise
    _idle.put((settings, pool))


def _shipped(file: _File, folder: str) -> str:
    """Where a shipped file's bytes are written on the worker: its own name in a folder of its own (the name
    can confirm a number written by hand)."""
    place = Path(folder) / str(file.index)
    place.mkdir()
    local = place / Path(file.path).name
    local.write_bytes(file.data or b"")
    return str(local)


def extract_partition(files: list[_File], keep_text: bool, settings: Settings) -> list[tuple[int, Outcome]]:
    """Read and extract a partition's files in this worker's reader, each under the limits (a Dask task)."""
    from vanban.version import EXTRACTOR_VERSION

    if EXTRACTOR_VERSION != settings.extractor_version:
        reason = (
            f"this cluster worker runs extractor version {EXTRACTOR_VERSION}, the client "
            f"{settings.extractor_version}: install the same vanban on every machine"
        )
        return [(file.index, Outcome(file.path, error=reason)) for file in files]
    with tempfile.TemporaryDirectory(prefix="vanban-shipped-") as folder, _reader(settings) as pool:
        local = {file.index: _shipped(file, folder) if file.data is not None else file.path for file in files}
        for file in files:
            pool.submit(file.index, extract_one, local[file.index], keep_text, file.sha256)
        done = {}
        while pool.pending():
            for finished in pool.wait():
                done[finished.key] = finished
    results = []
    for file in files:
        finished = done[file.index]
        outcome = finished.value if finished.error is None else Outcome(file.path, error=finished.error)
        outcome.path = file.path
        if outcome.record is not None:
            outcome.record.source.path = file.path  # a shipped file was read from its copy
        results.append((file.index, outcome))
    return results


# --- on the client --------------------------------------------------------------------------------------


def _silence_dask_logs() -> None:
    """Dask's own INFO lines (workers starting, a worker lost and its tasks rescheduled) stay out of the
    command's stderr, which says what happened to each file."""
    for name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.core"):
        logging.getLogger(name).setLevel(logging.ERROR)


@contextlib.contextmanager
def connect(cluster: str) -> Iterator[Client]:
    """A Dask client for ``cluster``: ``local:N`` starts a LocalCluster of N worker processes (one thread each,
    with the preload) on this machine and stops every one of its processes on leaving; an address
    (``tcp://10.0.0.5:8786``) connects to a running scheduler. Raises :class:`ClusterError`."""
    from distributed import Client, LocalCluster

    _silence_dask_logs()
    local = _LOCAL.match(cluster.strip())
    if local:
        workers = int(local.group("workers") or 0) or _cores()
        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                preload=[PRELOAD],
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            ) as local_cluster,
            Client(local_cluster) as client,
        ):
            yield client
        return
    if not _ADDRESS.match(cluster.strip()):
        raise ClusterError(f"not a cluster: {cluster!r} (say tcp://HOST:8786 or local:N)")
    try:
        client = Client(cluster.strip(), timeout=30)
    except OSError as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {cluster}: {exc}") from None
    with client:
        _check_versions(client)
        yield client


def _cores() -> int:
    from vanban.batch import default_workers

    return default_workers()


def _worker_version() -> str:
    from vanban.version import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def _check_versions(client: Client) -> None:
    """Every worker must extract with this client's extractor version, or records would be stale as they land."""
    from vanban.version import EXTRACTOR_VERSION

    try:
        versions = client.run(_worker_version)
    except Exception as exc:  # a worker without vanban cannot even unpickle the call
        raise ClusterError(f"the cluster's workers cannot run vanban: {type(exc).__name__}: {exc}") from None
    other = {worker: version for worker, version in versions.items() if version != EXTRACTOR_VERSION}
    if other:
        worker, version = next(iter(other.items()))
        raise ClusterError(
            f"{len(other)} worker(s) run extractor version {version} ({worker}), this client {EXTRACTOR_VERSION}: "
            "install the same vanban on every machine"
        )


def _partitions(
    paths: Iterator[str],
    hashes: dict[str, str],
    follow_symlinks: bool,
    ship_bytes: bool,
    size: int,
    refused: dict[int, Outcome],
) -> Iterator[list[_File]]:
    """The files to send, ``size`` at a time (fewer bytes than PARTITION_BYTES when shipping); a path that is not
    a regular file is refused here, unopened, into ``refused``."""
    batch: list[_File] = []
    weight = 0
    for index, path in enumerate(paths):
        reason = refusal(path, follow_symlinks, hint=True)
        if reason is not None:
            refused[index] = Outcome(path, error=reason)
            continue
        data = None
        if ship_bytes:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                refused[index] = Outcome(path, error=f"cannot open: {exc.strerror or exc}")
                continue
            if batch and weight + len(data) > PARTITION_BYTES:
                yield batch
                batch, weight = [], 0
            weight += len(data)
        batch.append(_File(index, path, hashes.get(path), data))
        if len(batch) >= size:
            yield batch
            batch, weight = [], 0
    if batch:
        yield batch


def extract_on_cluster(
    paths: Iterable[str | os.PathLike],
    client: Client,
    *,
    keep_text: bool = False,
    limits: Limits | None = None,
    follow_symlinks: bool = False,
    hashes: dict[str, str] | None = None,
    ship_bytes: bool = False,
    ocr_cache: str | None = None,
    partition: int = PARTITION_FILES,
) -> Iterator[Outcome]:
    """Yield an Outcome per path, in input order, reading the files on the cluster's workers.

    :func:`vanban.batch.extract_many`'s contract on a cluster: at most
    ``PARTITIONS_PER_THREAD`` partitions per worker thread are in flight, so
    memory stays flat however long the iterable is. Partitions hold
    ``partition`` files, fewer when a known number of paths would leave a
    worker thread idle.
    """
    from distributed import as_completed

    from vanban.version import EXTRACTOR_VERSION

    settings = Settings(limits or Limits(), ocr_cache, EXTRACTOR_VERSION)
    in_flight = PARTITIONS_PER_THREAD * max(1, sum(client.nthreads().values()))
    if isinstance(paths, Sized):
        partition = min(partition, -(-len(paths) // in_flight))
    refused: dict[int, Outcome] = {}
    results: dict[int, Outcome] = {}
    outstanding: dict[str, list[_File]] = {}  # future key → its files
    remaining = _partitions(
        (os.fspath(p) for p in paths), hashes or {}, follow_symlinks, ship_bytes, max(1, partition), refused
    )
    finished = as_completed()
    yielded = 0
    exhausted = False
    while True:
        while not exhausted and len(outstanding) < in_flight:
            files = next(remaining, None)
            if files is None:
                exhausted = True
                break
            future = client.submit(extract_partition, files, keep_text, settings, retries=RETRIES, pure=False)
            outstanding[future.key] = files
            finished.add(future)
        results.update(refused)
        refused.clear()
        while yielded in results:
            yield results.pop(yielded)
            yielded += 1
        if exhausted and not outstanding:
            if results:  # a gap would mean a file lost: never silently
                raise RuntimeError(f"files {sorted(results)[:5]} … came back but file {yielded} did not")
            return
        future = next(finished)
        files = outstanding.pop(future.key)
        try:
            for index, outcome in future.result():
                if index >= yielded:
                    results.setdefault(index, outcome)
        except Exception as exc:  # the partition failed RETRIES + 1 times, or its workers kept dying
            reason = f"the cluster could not read this file: {type(exc).__name__}: {exc}"
            results.update((file.index, Outcome(file.path, error=reason)) for file in files)
        future.release()


def extract_many_on(cluster: str, paths: Iterable[str | os.PathLike], **options) -> Iterator[Outcome]:
    """:func:`extract_on_cluster` on a cluster given as ``local:N`` or an address, connected only when there is
    a file to read, and left (a LocalCluster stopped) when the outcomes end or the generator is closed."""
    if not (_LOCAL.match(cluster.strip()) or _ADDRESS.match(cluster.strip())):
        raise ClusterError(f"not a cluster: {cluster!r} (say tcp://HOST:8786 or local:N)")
    paths = iter(paths)
    first = next(paths, None)
    if first is None:
        return
    todo = [first, *paths]
    with connect(cluster) as client:
        yield from extract_on_cluster(todo, client, **options)
