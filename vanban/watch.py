"""The inbox watcher: clerks drop files into a folder, every file ends up in the database.

The model is paperless-ngx's consumer. A file is taken only once it is stable
(size and mtime unchanged for ``settle`` seconds); native file events (or
polling, for network shares) and a periodic full rescan find it. A small
process pool reads and extracts it, so one long OCR never holds up the other
files; the main process alone writes the database, then moves the original:

    INBOX/…/name.pdf  →  ARCHIVE/2026-11-22/name.pdf          (ingested or duplicate)
                      →  FAILED/name.pdf + name.pdf.error.txt  (unreadable; a row in ``errors``)

``ARCHIVE`` and ``FAILED`` default to ``archive/`` and ``failed/`` beside the
inbox (``INBOX/../archive``). Nothing is overwritten: a clash gets a
`` (2)`` suffix. The record is committed before the original moves, so a
``kill -9`` at any moment leaves the file in the inbox (not stored, or stored
and not yet moved) or in its final folder; on restart a file whose content
hash is already stored is simply archived.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import queue
import shutil
import signal
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from vanban.errors import ReadError

# Names that are never documents: office lock/owner files, OS droppings, unfinished downloads.
IGNORED_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})
IGNORED_PREFIXES = (".", "~$")  # dotfiles (incl. LibreOffice ".~lock.x.odt#"), Word owner files "~$x.docx"
IGNORED_SUFFIXES = (".part", ".crdownload", ".tmp", ".download", ".partial")

ERROR_SUFFIX = ".error.txt"
TICK = 0.1  # seconds between looks at pending files and finished jobs
STOP_GRACE = 5.0  # seconds a stop waits for files already being read before abandoning them


# --- which files are documents -------------------------------------------------------------------


def is_ignored_name(name: str) -> bool:
    """True for temporary and system files a clerk never means to file (``~$x.docx``, ``Thumbs.db`` …)."""
    lowered = name.lower()
    return lowered in IGNORED_NAMES or lowered.startswith(IGNORED_PREFIXES) or lowered.endswith(IGNORED_SUFFIXES)


@dataclass(frozen=True)
class Folders:
    """Where the watcher reads from and where the originals go."""

    inbox: Path
    archive: Path
    failed: Path

    @classmethod
    def for_inbox(
        cls, inbox: str | os.PathLike, archive: str | os.PathLike | None = None, failed: str | os.PathLike | None = None
    ) -> Folders:
        """The inbox and its ``archive/`` and ``failed/`` siblings unless given."""
        inbox = Path(inbox).resolve()
        return cls(
            inbox=inbox,
            archive=Path(archive).resolve() if archive else inbox.parent / "archive",
            failed=Path(failed).resolve() if failed else inbox.parent / "failed",
        )

    def skipped_dir(self, path: Path) -> bool:
        """A folder under the inbox that is not scanned: dot-folders, the archive and failed folders."""
        return (
            path.name.startswith(".")
            or path in (self.archive, self.failed)
            or (path.parent == self.inbox and path.name in ("archive", "failed"))
        )

    def is_candidate(self, path: Path) -> bool:
        """True if ``path`` (absolute, under the inbox) is a file the watcher should take."""
        if is_ignored_name(path.name):
            return False
        try:
            relative = path.relative_to(self.inbox)
        except ValueError:
            return False
        parent = self.inbox
        for part in relative.parts[:-1]:
            parent = parent / part
            if self.skipped_dir(parent):
                return False
        return True

    def scan(self) -> list[Path]:
        """Every candidate file in the inbox, its subfolders included."""
        found = []
        for root, dirs, files in os.walk(self.inbox):
            root_path = Path(root)
            dirs[:] = [d for d in dirs if not self.skipped_dir(root_path / d)]
            found.extend(root_path / name for name in files if not is_ignored_name(name))
        return sorted(found)


def pending_files(
    inbox: str | os.PathLike, archive: str | os.PathLike | None = None, failed: str | os.PathLike | None = None
) -> list[Path]:
    """Files waiting in the inbox, by the watcher's own rules (for ``vanban status``)."""
    folders = Folders.for_inbox(inbox, archive, failed)
    return folders.scan() if folders.inbox.is_dir() else []


# --- moving originals, never overwriting ---------------------------------------------------------


def _numbered(name: str):
    """``name``, then ``stem (2).ext``, ``stem (3).ext`` …"""
    yield name
    dot = name.rfind(".")
    stem, ext = (name[:dot], name[dot:]) if dot > 0 else (name, "")
    n = 2
    while True:
        yield f"{stem} ({n}){ext}"
        n += 1


def free_path(dest_dir: Path, name: str, reserved_suffix: str = "") -> Path:
    """The first name in ``dest_dir`` not taken (``x.pdf``, ``x (2).pdf`` …), nor its ``name + reserved_suffix``."""
    for candidate in _numbered(name):
        dest = dest_dir / candidate
        if not dest.exists() and not (reserved_suffix and (dest_dir / (candidate + reserved_suffix)).exists()):
            return dest
    raise AssertionError("unreachable")


def move_no_clobber(src: Path, dest: Path, reserved_suffix: str = "") -> Path:
    """Move ``src`` to ``dest``, or to a numbered name beside it if taken; never replace a file.

    A hard link claims the name atomically, then the original is unlinked; if a
    crash left ``src`` already linked under a candidate name, that name is reused.
    Where hard links are impossible (another filesystem, some shares) the file is
    copied under a hidden name first, so a half-copied file never shows.
    ``reserved_suffix`` skips names whose ``name + suffix`` exists (``x.pdf.error.txt``).
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    for name in _numbered(dest.name):
        candidate = dest.parent / name
        if reserved_suffix and (dest.parent / (name + reserved_suffix)).exists():
            continue
        if candidate.exists():
            if os.path.samefile(src, candidate):  # linked before a crash: finish the move
                src.unlink()
                return candidate
            continue
        try:
            os.link(src, candidate)
        except FileExistsError:
            continue
        except OSError:
            return _copy_no_clobber(src, dest, reserved_suffix)
        src.unlink()
        return candidate
    raise AssertionError("unreachable")


def _copy_no_clobber(src: Path, dest: Path, reserved_suffix: str) -> Path:
    """Move across filesystems: copy to a hidden name, then rename it to the first free name."""
    hidden = dest.parent / f".{src.name}.moving"
    shutil.copy2(src, hidden)
    with open(hidden, "rb") as fh:
        os.fsync(fh.fileno())
    final = free_path(dest.parent, dest.name, reserved_suffix)
    os.replace(hidden, final)
    src.unlink()
    return final


# --- the work done in a worker process -----------------------------------------------------------


@dataclass
class Extraction:
    """What a worker sends back for one file: its hash and record, or why it could not be read."""

    path: str
    size: int = 0
    mtime_ns: int = 0
    sha256: str | None = None
    record: object | None = None  # vanban.record.Record; None when the bytes are already stored
    text_doc: object | None = None  # vanban.pipeline.document.TextDocument
    error: str | None = None  # a reason a clerk can act on
    vanished: bool = False
    seconds: float = 0.0


def _worker_init() -> None:
    """Load the pipeline once per worker; Ctrl-C is the watcher's to handle, not the workers'."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import vanban.extract  # noqa: F401  (warm import: first file is not slowed by it)


def _warm() -> None:
    """A no-op job that makes the pool start its workers now."""


def _stored(db: sqlite3.Connection, sha256: str) -> tuple[int, str] | None:
    """``(id, path)`` of the document with these bytes, extracted by this extractor version."""
    from vanban.extractors import EXTRACTOR_VERSION

    return db.execute(
        "SELECT id, path FROM documents WHERE sha256 = ? AND extractor_version = ?", [sha256, EXTRACTOR_VERSION]
    ).fetchone()


def extract_job(path: str, db_path: str) -> Extraction:
    """Hash, read and extract one file (runs in a worker). Never raises for a bad file.

    Bytes already stored are not read again: the main process only has to archive them.
    """
    from vanban.extract import extract_file, file_sha256

    started = time.perf_counter()
    result = Extraction(path)
    try:
        stat = os.stat(path)
        result.size, result.mtime_ns = stat.st_size, stat.st_mtime_ns
        result.sha256 = file_sha256(path)
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
        try:
            known = _stored(db, result.sha256)
        finally:
            db.close()
        if not known:
            result.record, result.text_doc = extract_file(path, sha256=result.sha256)
    except FileNotFoundError:
        result.vanished = True
    except ReadError as exc:
        result.error = exc.reason
    except Exception as exc:  # an extractor bug must not lose the file: it goes to failed/ with the reason
        result.error = f"internal error while extracting: {type(exc).__name__}: {exc}"
    result.seconds = time.perf_counter() - started
    return result


# --- the watcher ---------------------------------------------------------------------------------


class _EventsToQueue(FileSystemEventHandler):
    """Native (or polled) file events → paths to look at; the main loop decides."""

    def __init__(self, sink: queue.SimpleQueue):
        self.sink = sink

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            if event.event_type in ("created", "moved"):
                self.sink.put(None)  # a folder appeared: rescan it all
            return
        path = getattr(event, "dest_path", "") or event.src_path
        if event.event_type in ("created", "modified", "moved", "closed"):
            self.sink.put(os.fsdecode(path))


@dataclass
class _Pending:
    size: int
    mtime_ns: int
    since: float  # monotonic time the file was last seen changing
    crashes: int = 0  # how many times a worker died while reading it


@dataclass
class WatchStats:
    """Counts for the session, printed on exit."""

    ingested: int = 0
    duplicate: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


class Watcher:
    """One inbox, one database, one small pool of readers.

    :meth:`step` is one turn of the loop (take events, rescan when due, submit stable
    files, store finished ones); :meth:`run` turns it until :meth:`stop`.
    """

    def __init__(
        self,
        folders: Folders,
        db_path: str | os.PathLike,
        *,
        settle: float = 2.0,
        rescan: float = 60.0,
        workers: int | None = None,
        out=None,
        err=None,
    ):
        from vanban.store import open_db

        self.folders = folders
        self.db_path = str(db_path)
        self.db = open_db(self.db_path)
        self.settle = settle
        self.rescan_every = rescan
        self.workers = workers or min(2, os.cpu_count() or 1)
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.events: queue.SimpleQueue = queue.SimpleQueue()
        self.pending: dict[Path, _Pending] = {}
        self.running: dict[cf.Future, tuple[Path, _Pending, cf.ProcessPoolExecutor]] = {}
        self.stats = WatchStats()
        self._stopping = threading.Event()
        self._next_rescan = 0.0
        self._pool = self._new_pool()

    # -- pool ---------------------------------------------------------------------------------------

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        pool = cf.ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_worker_init,
            max_tasks_per_child=200,
        )
        for _ in range(self.workers):
            pool.submit(_warm)
        return pool

    def _kill_pool(self) -> None:
        """Stop the workers now, even mid-OCR (their files stay in the inbox for next time)."""
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.kill()
        for process in processes:
            process.join(timeout=5)

    # -- clerk-facing lines -------------------------------------------------------------------------

    def _say(self, kind: str, text: str, stream=None) -> None:
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        print(f"{stamp} {kind:<9} {text}", file=stream or self.out, flush=True)

    def _name(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.folders.inbox))
        except ValueError:
            return str(path)

    def _shown(self, path: Path) -> str:
        """A destination as a clerk sees it: ``archive/2026-11-22/``."""
        base = self.folders.inbox.parent
        try:
            return f"{path.parent.relative_to(base)}/"
        except ValueError:
            return f"{path.parent}/"

    # -- finding and settling files -----------------------------------------------------------------

    def _notice(self, path: Path) -> None:
        """Start (or keep) timing a file that may be a new document."""
        if path in self.pending or any(p == path for p, _, _ in self.running.values()):
            return
        if not self.folders.is_candidate(path):
            return
        try:
            stat = path.stat()
        except OSError:
            return
        if not path.is_file():
            return
        self.pending[path] = _Pending(stat.st_size, stat.st_mtime_ns, time.monotonic())

    def _take_events(self) -> None:
        while True:
            try:
                item = self.events.get_nowait()
            except queue.Empty:
                return
            if item is None:
                self._next_rescan = 0.0
            else:
                self._notice(Path(item))

    def rescan(self) -> None:
        """Look at every file in the inbox: file watchers miss events."""
        for path in self.folders.scan():
            self._notice(path)
        self._next_rescan = time.monotonic() + self.rescan_every

    def _submit_stable(self) -> None:
        now = time.monotonic()
        for path, pending in list(self.pending.items()):
            try:
                stat = path.stat()
            except OSError:
                del self.pending[path]
                continue
            if (stat.st_size, stat.st_mtime_ns) != (pending.size, pending.mtime_ns):
                pending.size, pending.mtime_ns, pending.since = stat.st_size, stat.st_mtime_ns, now
                continue
            if now - pending.since < self.settle:
                continue
            if pending.crashes and self.running:
                continue  # a file that killed a worker is retried alone, so the verdict is its own
            if any(p.crashes for _, p, _ in self.running.values()):
                break
            del self.pending[path]
            try:
                future = self._pool.submit(extract_job, str(path), self.db_path)
            except cf.process.BrokenProcessPool:  # a worker died while the pool was idle
                self._replace_pool()
                future = self._pool.submit(extract_job, str(path), self.db_path)
            self.running[future] = (path, pending, self._pool)

    # -- storing and moving -------------------------------------------------------------------------

    def _finish(self, future: cf.Future) -> None:
        path, pending, pool = self.running.pop(future)
        try:
            result: Extraction = future.result()
        except cf.process.BrokenProcessPool:
            self._worker_died(path, pending, pool)
            return
        if result.vanished:
            self._say("vanished", f"{self._name(path)} (removed before it was read)", self.err)
            return
        try:
            stat = path.stat()
        except FileNotFoundError:
            self._say("vanished", f"{self._name(path)} (removed while it was read)", self.err)
            return
        if (stat.st_size, stat.st_mtime_ns) != (result.size, result.mtime_ns):
            self._notice(path)  # changed while being read: start again with the new content
            return
        try:
            self._store(path, result)
        except Exception as exc:  # the database or a folder is unwell: keep the file, retry at next rescan
            self._say("error", f"{self._name(path)}: {type(exc).__name__}: {exc} (left in the inbox)", self.err)
            self.stats.errors.append(str(path))

    def _store(self, path: Path, result: Extraction) -> None:
        """Commit the record (or the error), then move the original to where the database says it is."""
        from vanban.store import ingest_file

        if result.error is not None:
            self._fail(path, result.sha256, result.error)
            return
        stored = _stored(self.db.conn, result.sha256)
        if stored:
            document_id, stored_path = stored[0], Path(stored[1])
            if stored_path.parent.parent == self.folders.archive and (
                not stored_path.exists() or os.path.samefile(path, stored_path)
            ):
                dest = move_no_clobber(path, stored_path)  # stored, then stopped before the move: finish it
                self._say(
                    "archived", f"{self._name(path)} = #{document_id} (stored before a restart) → {self._shown(dest)}"
                )
                return
            outcome = ingest_file(self.db, path, sha256=result.sha256)  # logs the duplicate in files
            dest = move_no_clobber(path, free_path(self._archive_dir(), path.name))
            self.stats.duplicate += 1
            self._say(
                "duplicate",
                f"{self._name(path)} = #{outcome.document_id} (same content as"
                f" {stored_path.name}) → {self._shown(dest)}",
            )
            return
        dest = free_path(self._archive_dir(), path.name)
        result.record.source.path = str(dest)  # where the original will be once this commit is done
        outcome = ingest_file(self.db, path, sha256=result.sha256, record=result.record, text_doc=result.text_doc)
        dest = move_no_clobber(path, dest)
        self.stats.ingested += 1
        self._say(
            "ingested", f"{self._name(path)} → #{outcome.document_id} {_title(result.record)} ({result.seconds:.1f} s)"
        )

    def _archive_dir(self) -> Path:
        return self.folders.archive / time.strftime("%Y-%m-%d")

    def _fail(self, path: Path, sha256: str | None, reason: str) -> None:
        """A row in ``errors`` naming where the file will be, then the file and its note in failed/."""
        from vanban.store import record_error

        dest = free_path(self.folders.failed, path.name, ERROR_SUFFIX)
        logged = self.db.execute("SELECT 1 FROM errors WHERE path = ? AND sha256 IS ?", [str(dest), sha256]).fetchone()
        if not logged:  # else: logged, then stopped before the move; the restart finishes it
            record_error(self.db, dest, reason, sha256=sha256)
        dest = move_no_clobber(path, dest, reserved_suffix=ERROR_SUFFIX)
        note = dest.with_name(dest.name + ERROR_SUFFIX)
        note.write_text(
            f"file: {path.name}\nfrom: {path}\ntime: {time.strftime('%Y-%m-%d %H:%M:%S')}\nreason: {reason}\n",
            encoding="utf-8",
        )
        self.stats.failed += 1
        self._say("failed", f"{self._name(path)}: {reason} → {self._shown(dest)}", self.err)

    def _worker_died(self, path: Path, pending: _Pending, pool: cf.ProcessPoolExecutor) -> None:
        """A reader crashed its worker: retry the file alone; if it crashes alone, it fails."""
        if pending.crashes and not self.running:
            try:
                self._fail(path, None, "the reader crashed on this file")
            except Exception as exc:
                self._say("error", f"{self._name(path)}: {type(exc).__name__}: {exc}", self.err)
        else:
            pending.crashes += 1
            pending.since = 0.0
            self.pending[path] = pending
        if pool is self._pool:
            self._replace_pool()

    def _replace_pool(self) -> None:
        self._kill_pool()
        self._pool = self._new_pool()

    # -- the loop -----------------------------------------------------------------------------------

    def step(self) -> None:
        """One turn: events, due rescan, stable files to the pool, finished files to the database."""
        self._take_events()
        if time.monotonic() >= self._next_rescan:
            self.rescan()
        self._submit_stable()
        if self.running:
            done, _ = cf.wait(list(self.running), timeout=TICK, return_when=cf.FIRST_COMPLETED)
            for future in done:
                if future in self.running:
                    self._finish(future)
        else:
            self._stopping.wait(TICK)

    def idle(self) -> bool:
        return not self.pending and not self.running

    def stop(self) -> None:
        self._stopping.set()

    def run(self, once: bool = False) -> None:
        """Turn the loop until stopped (or, with ``once``, until the inbox is empty)."""
        self.rescan()
        while not self._stopping.is_set():
            self.step()
            if once and self.idle():
                break

    def close(self) -> None:
        """Let files already being read finish for a moment, then stop the workers."""
        deadline = time.monotonic() + STOP_GRACE
        while self.running and time.monotonic() < deadline:
            done, _ = cf.wait(list(self.running), timeout=deadline - time.monotonic(), return_when=cf.FIRST_COMPLETED)
            for future in done:
                if future in self.running:
                    self._finish(future)
        self._kill_pool()
        self.db.close()


def _title(record) -> str:
    """``Kế hoạch 02/KH-UBND`` — the type and symbol a clerk knows the document by."""
    info = getattr(record, "document", None)
    if info is None:
        return ""
    parts = [p for p in (info.doc_type, info.symbol) if p]
    if parts:
        return " ".join(parts)
    subject = (info.subject or "").strip()
    return subject[:60] + ("…" if len(subject) > 60 else "")


def watch(
    inbox: str | os.PathLike,
    db_path: str | os.PathLike = "data/vanban.db",
    poll: bool = False,
    settle: float = 2.0,
    rescan: float = 60.0,
    once: bool = False,
    *,
    archive: str | os.PathLike | None = None,
    failed: str | os.PathLike | None = None,
    workers: int | None = None,
) -> int:
    """Watch ``inbox`` and ingest every stable file into ``db_path`` until SIGTERM/SIGINT.

    ``poll`` uses polling instead of native events (network shares); ``once`` processes
    what is there and exits (status 1 if a file failed). Returns the exit status.
    """
    folders = Folders.for_inbox(inbox, archive, failed)
    if not folders.inbox.is_dir():
        print(f"vanban: inbox {inbox} is not a folder", file=sys.stderr)
        return 2
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    watcher = Watcher(folders, db_path, settle=settle, rescan=rescan, workers=workers)

    def on_signal(signum, frame):
        watcher.stop()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    observer = None
    if not once:
        observer = PollingObserver(timeout=1.0) if poll else Observer()
        observer.schedule(_EventsToQueue(watcher.events), str(folders.inbox), recursive=True)
        observer.start()
    watcher._say("watching", f"{folders.inbox} → {db_path} (archive: {folders.archive}, failed: {folders.failed})")
    try:
        watcher.run(once=once)
    finally:
        if observer is not None:
            observer.stop()
            observer.join(timeout=5)
        watcher.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        s = watcher.stats
        watcher._say("stopped", f"ingested {s.ingested}, duplicates {s.duplicate}, failed {s.failed}")
    return 1 if once and (watcher.stats.failed or watcher.stats.errors) else 0
