"""Ingest and reindex on a real Dask LocalCluster (2 worker processes) store what the process pool stores.

The same real documents (text-layer PDFs, Word, a scan, a broken file, a copy of
one) go through the process pool and through ``--cluster local:2``; the two
databases hold the same rows in every table. A worker killed in the middle of a
run loses and duplicates no file, and no process of a LocalCluster outlives the
command that started it.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import cloudpickle
import pytest
from distributed import Client, LocalCluster, WorkerPlugin
from test_hostile import length_loop_pdf
from test_writer import assert_same_rows

import vanban
from vanban.cluster import PRELOAD, ClusterError, connect
from vanban.store import ingest_paths
from vanban.workers import Limits

pytestmark = [pytest.mark.realdocs, pytest.mark.slow]

VANBAN = str(Path(sys.executable).with_name("vanban"))
TEXT_LAYER = ("tỉnh Đoàn.pdf", "QĐ 2536 SÁP NHẬP ĐLS.pdf", "CV 1925.signed.signed.pdf", "03-BCĐX-CAT-PC04.pdf")
WORD = ("36-HD_VPTW_380096.docx", "Quyet dinh sap nhap hoi cuu CAND.docx")
SCAN = "to trinh 511.pdf"  # two scanned pages, a number written by hand
OTHER = "10797 Tổ giúp việc CCHC.pdf"  # new content for a file already stored


def folder_of(realdocs: Path, folder: Path, names: tuple[str, ...]) -> Path:
    """A folder of real documents, a broken PDF and a second copy of the first Word file (a duplicate)."""
    folder.mkdir(parents=True)
    for name in names:
        shutil.copyfile(realdocs / "vbai" / name, folder / name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnot a PDF at all\n")
    shutil.copyfile(folder / WORD[0], folder / f"copy of {WORD[0]}")
    return folder


@pytest.fixture(scope="module")
def documents(realdocs, tmp_path_factory) -> Path:
    return folder_of(realdocs, tmp_path_factory.mktemp("cluster") / "files", TEXT_LAYER + WORD + (SCAN,))


@pytest.fixture(scope="module")
def pool_db(documents, tmp_path_factory) -> Path:
    """The documents ingested by the process pool on this machine, as before."""
    path = tmp_path_factory.mktemp("pool") / "pool.db"
    report = ingest_paths([documents], path, progress=False, workers=2)
    assert (report.ingested, report.duplicates, len(report.failed)) == (len(TEXT_LAYER + WORD) + 1, 1, 1)
    return path


def run_vanban(*args: str, marker: str) -> subprocess.CompletedProcess:
    """``vanban ARGS`` with a marker in its environment, which every process it starts inherits."""
    env = dict(os.environ, VANBAN_TEST_MARKER=marker)
    return subprocess.run([VANBAN, *args], capture_output=True, text=True, env=env, timeout=600)


def environments_with(marker: str) -> dict[str, set[str]]:
    """The command line → environment (``NAME=value`` strings) of the running processes whose environment holds
    the marker."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environ = set((entry / "environ").read_bytes().decode(errors="replace").split("\0"))
            if f"VANBAN_TEST_MARKER={marker}" in environ:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                found[f"{entry.name}: {command}"] = environ
        except OSError:
            continue
    return found


def processes_with(marker: str) -> list[str]:
    """The command lines of the running processes whose environment holds the marker."""
    return list(environments_with(marker))


def file_log(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT path, status FROM files ORDER BY id").fetchall()
    finally:
        conn.close()


def test_cluster_ingest_and_reindex_store_the_rows_of_the_process_pool(realdocs, documents, pool_db, tmp_path):
    """``vanban ingest --cluster local:2`` stores the rows the process pool stores (OCR cached where
    ``--ocr-cache`` says, on the workers); ``vanban reindex --cluster`` skips unchanged files and re-extracts a
    changed one as the pool does; no process of the LocalCluster is left once each command ends."""
    db, ocr_cache = tmp_path / "cluster.db", tmp_path / "ocr-cache"
    marker = uuid.uuid4().hex
    done = run_vanban(
        "ingest", str(documents), "--db", str(db), "--cluster", "local:2", "--ocr-cache", str(ocr_cache), marker=marker
    )
    assert processes_with(marker) == []
    assert done.returncode == 1, done.stderr  # the broken PDF
    assert "broken.pdf: damaged or truncated PDF" in done.stderr
    assert f"ingested {len(TEXT_LAYER + WORD) + 1}, unchanged 0, failed 1" in done.stderr
    assert_same_rows(pool_db, db)
    assert list(ocr_cache.rglob("*.tsv")), "the scan's pages were not OCR'd into the --ocr-cache of the workers"

    done = run_vanban("reindex", "--db", str(db), "--cluster", "local:2", marker=marker)
    assert done.returncode == 0, done.stderr
    assert "0 re-extracted, 7 unchanged" in done.stderr  # every document, none sent to the cluster

    copy_of_pool = tmp_path / "pool.db"
    shutil.copyfile(pool_db, copy_of_pool)
    changed = documents / TEXT_LAYER[0]
    original = changed.read_bytes()
    try:
        shutil.copyfile(realdocs / "vbai" / OTHER, changed)  # the file's content changes under its path
        done = run_vanban("reindex", "--db", str(db), "--cluster", "local:2", marker=marker)
        assert processes_with(marker) == []
        assert done.returncode == 0, done.stderr
        assert "1 re-extracted, 6 unchanged" in done.stderr
        report = vanban.reindex(copy_of_pool, workers=2)
        assert (report.extracted, report.unchanged) == (1, 6)
    finally:
        changed.write_bytes(original)
    assert_same_rows(copy_of_pool, db)


def test_ctrl_c_stops_the_cluster_and_leaves_no_process(documents, tmp_path):
    """Ctrl-C (SIGINT) while the workers read: the command ends with status 130 and takes every process of its
    LocalCluster with it (scheduler, nannies, workers, their readers). Each reader OCRs one page at a time."""
    marker = uuid.uuid4().hex
    env = dict(os.environ, VANBAN_TEST_MARKER=marker)
    command = [VANBAN, "ingest", str(documents), "--db", str(tmp_path / "stopped.db"), "--cluster", "local:2"]
    command += ["--ocr-cache", str(tmp_path / "ocr-cache")]  # a cold cache: the scan keeps a worker busy
    process = subprocess.Popen(
        command,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        while not (readers := {k: v for k, v in environments_with(marker).items() if "vanban.workers" in k}):
            assert process.poll() is None, process.stderr.read()
            time.sleep(0.2)
        assert all("VANBAN_OCR_THREADS=1" in environ for environ in readers.values())
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=120)
    finally:
        process.kill()
    assert process.returncode == 130
    assert processes_with(marker) == []


class KillOnce(WorkerPlugin):
    """Kills its worker's process (``os._exit``, no goodbye to the scheduler) when the worker starts its second
    task, on the first worker to get there: one real kill in the middle of a run, after results came back."""

    name = "kill-once"

    def __init__(self, marker: str):
        self.marker = marker
        self.started = 0

    def transition(self, key, start, finish, **kwargs):
        if finish != "executing":
            return
        self.started += 1
        if self.started < 2:
            return
        try:
            fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return
        os.write(fd, str(key).encode())
        os.close(fd)
        os._exit(1)


cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test module


def test_a_worker_killed_mid_run_loses_and_duplicates_no_file(realdocs, tmp_path):
    """One of two workers dies in the middle of the run, with a partition in hand: the scheduler runs it again
    elsewhere and every file is stored once, the rows those of the process pool."""
    files = folder_of(realdocs, tmp_path / "files", TEXT_LAYER + WORD)
    killed = tmp_path / "killed"
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, preload=[PRELOAD], dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        client.register_plugin(KillOnce(str(killed)))
        report = vanban.ingest(tmp_path / "cluster.db", [files], cluster=cluster.scheduler_address)
    assert killed.exists(), "no worker was killed: the test did not test anything"
    assert (report.ingested, report.duplicates, len(report.failed)) == (len(TEXT_LAYER + WORD), 1, 1)
    logged = file_log(tmp_path / "cluster.db")
    assert sorted(path for path, _ in logged) == sorted(str(f) for f in files.iterdir())  # each once
    ingest_paths([files], tmp_path / "pool.db", progress=False, workers=2)
    assert_same_rows(tmp_path / "pool.db", tmp_path / "cluster.db")


def test_shipped_bytes_store_what_the_files_at_their_paths_store(realdocs, tmp_path):
    """``ship_bytes``: each file's bytes go with its task and are read from a copy under the file's own name
    (which can confirm a handwritten number); the records keep the client's paths."""
    files = folder_of(realdocs, tmp_path / "files", TEXT_LAYER[:2] + WORD[:1])
    ingest_paths([files], tmp_path / "shipped.db", progress=False, cluster="local:2", ship_bytes=True)
    ingest_paths([files], tmp_path / "pool.db", progress=False, workers=2)
    assert_same_rows(tmp_path / "pool.db", tmp_path / "shipped.db")


def test_the_per_file_limits_hold_on_the_workers(seeds, tmp_path):
    """A PDF that loops for ever in pdfminer fails on a Dask worker with the time limit the client gave, and the
    file beside it is stored: the reader is replaced, the Dask worker goes on."""
    files = tmp_path / "files"
    files.mkdir()
    (files / "loop.pdf").write_bytes(length_loop_pdf())
    seed = sorted(seeds.glob("*.txt"))[0]
    shutil.copyfile(seed, files / seed.name)
    report = ingest_paths([files], tmp_path / "limits.db", progress=False, cluster="local:2", limits=Limits(timeout=5))
    assert report.ingested == 1
    assert report.failed == [(str(files / "loop.pdf"), "took longer than 5 s (the --timeout limit)")]


@pytest.mark.parametrize("address", ["tcp://no such host:8786", "localhost", "local:two"])
def test_a_cluster_that_is_not_one_is_a_clear_error(address, tmp_path):
    with pytest.raises(ClusterError, match="not a cluster"), connect(address):
        pass
