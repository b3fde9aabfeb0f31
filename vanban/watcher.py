"""The inbox watcher: clerks drop files into a folder, every file ends up in the database or in failed/.

The model is paperless-ngx's consumer. A file is taken only once it is stable
(size and mtime unchanged for ``settle`` seconds); native file events (or
polling, for network shares) and a periodic full rescan find it. Worker
processes read and extract it, each file under a time and a memory limit
(:mod:`vanban.workers`), so a file that hangs or swells fails with its reason
and never holds up the others; the main process alone writes the database,
then moves the original:

    INBOX/…/name.pdf  →  ARCHIVE/2026-11-22/name.pdf          (ingested or duplicate)
                      →  FAILED/name.pdf + name.pdf.error.txt  (unreadable; a row in ``errors``)

Only regular files are read: a symbolic link, a FIFO, a socket or a device goes
to failed/ unopened, and so does a file whose name is not UTF-8 (renamed with
U+FFFD where its bad bytes were). One watcher per inbox: the watcher locks the
inbox folder (``flock``), and a second one finds it locked and says by whom.

``ARCHIVE`` and ``FAILED`` default to ``archive/`` and ``failed/`` beside the
inbox (``INBOX/../archive``). Nothing is overwritten: a clash gets a `` (2)``
suffix. The record is committed naming where the original is going, then the
original moves; a ``kill -9`` at any moment leaves the file in the inbox (not
stored, or stored and not yet moved) or in its final folder, and on restart a
file whose content hash is already stored is simply archived. A move that
fails (a full disk) removes its partial copy, puts the row's path back to the
inbox, and leaves the file there with an error row saying why; it is tried
again after a minute, then after longer and longer pauses.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import queue
import shutil
import signal
import sqlite3
import stat
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from vanban.clerk import for_clerk, line_kind, printable, vietnamese
from vanban.errors import ReadError
from vanban.identity import file_sha256
from vanban.intake import Folders, refusal, repaired
from vanban.store import (
    clear_errors,
    ingest_file,
    open_db,
    record_error,
    set_document_path,
    set_error_path,
    stored_document,
)
from vanban.workers import Limits, WorkerPool

ERROR_SUFFIX = ".error.txt"
MOVING_SUFFIX = ".moving"  # a copy across filesystems in progress: ".x.pdf.moving", renamed when whole
TICK = 0.1  # seconds between looks at pending files and finished jobs
STOP_GRACE = 5.0  # seconds a stop waits for files already being read before abandoning them
HOLD_FIRST = 60.0  # seconds before a file that could not be moved out of the inbox is tried again …
HOLD_LONGEST = 3600.0  # … the pause doubling each time up to this
WARM = ("vanban.extraction", "vanban.watcher")  # what a worker imports before it takes its first file


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


def _exists(path: Path) -> bool:
    """True if anything, even a dangling link, is at ``path``."""
    return os.path.lexists(path)


def free_path(dest_dir: Path, name: str, reserved_suffix: str = "") -> Path:
    """The first name in ``dest_dir`` not taken (``x.pdf``, ``x (2).pdf`` …), nor its ``name + reserved_suffix``."""
    for candidate in _numbered(name):
        dest = dest_dir / candidate
        if not _exists(dest) and not (reserved_suffix and _exists(dest_dir / (candidate + reserved_suffix))):
            return dest
    raise AssertionError("unreachable")


def _same_file(a: Path, b: Path) -> bool:
    """The same inode (links not followed)."""
    try:
        sa, sb = os.lstat(a), os.lstat(b)
    except OSError:
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def move_no_clobber(src: Path, dest: Path, reserved_suffix: str = "") -> Path:
    """Move ``src`` to ``dest``, or to a numbered name beside it if taken; never replace a file.

    A hard link claims the name atomically, then the original is unlinked; if a
    crash left ``src`` already linked under a candidate name, that name is reused.
    Where hard links are impossible (another filesystem, some shares) the file is
    copied under a hidden name first, so a half-copied file never shows, and a
    copy that fails (a full disk) is removed. Links are moved as links, never
    followed. Raises OSError when the file cannot be moved; ``src`` is then intact.
    ``reserved_suffix`` skips names whose ``name + suffix`` exists (``x.pdf.error.txt``).
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    for name in _numbered(dest.name):
        candidate = dest.parent / name
        if reserved_suffix and _exists(dest.parent / (name + reserved_suffix)):
            continue
        if _exists(candidate):
            if _same_file(src, candidate):  # linked before a crash: finish the move
                src.unlink()
                return candidate
            continue
        try:
            os.link(src, candidate, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise
            return _copy_no_clobber(src, dest, reserved_suffix)
        src.unlink()
        return candidate
    raise AssertionError("unreachable")


def _copy_no_clobber(src: Path, dest: Path, reserved_suffix: str) -> Path:
    """Move across filesystems: copy to a hidden name, then rename it to the first free name.

    A link is made again (not its target copied); a FIFO, socket or device is not
    copied at all (it has no content to keep): it is only removed from the inbox.
    """
    mode = os.lstat(src).st_mode
    if not stat.S_ISREG(mode) and not stat.S_ISLNK(mode):
        src.unlink()
        return dest
    hidden = dest.parent / f".{dest.name}{MOVING_SUFFIX}"
    try:
        if stat.S_ISLNK(mode):
            hidden.unlink(missing_ok=True)
            os.symlink(os.readlink(src), hidden)
        else:
            shutil.copy2(src, hidden)
            with open(hidden, "rb") as fh:
                os.fsync(fh.fileno())
        final = free_path(dest.parent, dest.name, reserved_suffix)
        os.replace(hidden, final)
    except BaseException:
        with contextlib.suppress(OSError):
            hidden.unlink()
        raise
    src.unlink()
    return final


def _write_whole(path: Path, text: str) -> None:
    """Write a small file under a hidden name, then rename it: never a half-written note; nothing left on failure."""
    hidden = path.with_name(f".{path.name}{MOVING_SUFFIX}")
    try:
        hidden.write_text(text, encoding="utf-8")
        os.replace(hidden, path)
    except BaseException:
        with contextlib.suppress(OSError):
            hidden.unlink()
        raise


def remove_partial_copies(folder: Path, depth: int = 1) -> list[Path]:
    """Delete the hidden ``.x.moving`` copies a killed watcher left in ``folder`` (and its subfolders, to ``depth``)."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if (
            entry.name.startswith(".")
            and entry.name.endswith(MOVING_SUFFIX)
            and not entry.is_dir(follow_symlinks=False)
        ):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        elif depth > 0 and entry.is_dir(follow_symlinks=False):
            removed += remove_partial_copies(Path(entry.path), depth - 1)
    return removed


# --- one watcher per inbox -----------------------------------------------------------------------


class InboxError(Exception):
    """The inbox cannot be watched (missing, or watched already); the message is the line a clerk reads."""


class InboxLocked(Exception):
    """Another watcher holds the inbox's lock."""

    def __init__(self, inbox: Path, holder: str | None):
        super().__init__(f"{inbox} is already watched by another vanban watch (pid {holder or '?'})")
        self.inbox, self.holder = inbox, holder


def lock_inbox(inbox: Path) -> int:
    """Lock the inbox folder itself (``flock``), and return the descriptor that holds the lock.

    No file is added to the clerks' folder, and the kernel releases the lock when
    this process ends, even by ``kill -9``. Raises :class:`InboxLocked` when another
    watcher holds it.
    """
    fd = os.open(inbox, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise InboxLocked(inbox, lock_holder(inbox)) from None
    return fd


def lock_holder(folder: Path) -> str | None:
    """The pid holding a ``flock`` on ``folder``, from /proc/locks (Linux): ``1: FLOCK ADVISORY WRITE 1234 fe:00:260072 …``."""
    info = os.stat(folder)
    inode = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    try:
        with open("/proc/locks", encoding="ascii") as locks:
            for line in locks:
                fields = line.split()
                if fields[1:2] == ["FLOCK"] and fields[5:6] == [inode]:
                    return fields[4]
    except OSError:
        pass
    return None


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


def extract_job(path: str, db_path: str) -> Extraction:
    """Hash, read and extract one file (runs in a worker). Never raises for a bad file.

    The file is looked at again first (``lstat``): it may have become a link or a
    FIFO since the watcher saw it. Bytes already stored are not read again: the
    main process only has to archive them.
    """
    from vanban.extraction import extract_file

    started = time.perf_counter()
    result = Extraction(path)
    try:
        result.error = refusal(path)
        if result.error is None:
            info = os.lstat(path)
            result.size, result.mtime_ns = info.st_size, info.st_mtime_ns
            result.sha256 = file_sha256(path)
            db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
            try:
                known = stored_document(db, result.sha256)
            finally:
                db.close()
            if not (known and known.current):
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


@dataclass
class _Held:
    until: float  # monotonic time before which the file is left alone
    pause: float  # the pause that led there (doubled next time)


@dataclass
class WatchStats:
    """Counts for the session, printed on exit."""

    ingested: int = 0
    duplicate: int = 0
    failed: int = 0
    held: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def all_stored(self) -> bool:
        """Every file taken was stored (or was a duplicate): none failed, none is held in the inbox."""
        return not (self.failed or self.errors or self.held)


class Watcher:
    """One inbox, one database, a small pool of reader processes.

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
        limits: Limits | None = None,
        out=None,
        err=None,
    ):
        self.folders = folders
        self.db_path = str(db_path)
        self.db = open_db(self.db_path)
        self.settle = settle
        self.rescan_every = rescan
        self.limits = limits or Limits()
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.events: queue.SimpleQueue = queue.SimpleQueue()
        self.pending: dict[Path, _Pending] = {}
        self.running: dict[Path, _Pending] = {}
        self.held: dict[Path, _Held] = {}
        self.stats = WatchStats()
        self._stopping = threading.Event()
        self._next_rescan = 0.0
        self.pool = WorkerPool(workers or min(2, os.cpu_count() or 1), self.limits, warm=WARM)
        self.pool.start()

    # -- clerk-facing lines -------------------------------------------------------------------------

    def _say(self, kind: str, text: str, stream=None) -> None:
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        print(f"{stamp} {line_kind(kind)} {text}", file=stream or self.out, flush=True)

    def _name(self, path: Path) -> str:
        """The file as the clerk dropped it (``phong-ke-toan/x.pdf``), printable whatever its name holds."""
        try:
            return printable(str(path.relative_to(self.folders.inbox)))
        except ValueError:
            return printable(str(path))

    def _shown(self, path: Path) -> str:
        """A destination as a clerk sees it: ``archive/2026-11-22/``."""
        base = self.folders.inbox.parent
        try:
            return printable(f"{path.parent.relative_to(base)}/")
        except ValueError:
            return printable(f"{path.parent}/")

    def _folder(self, folder: Path) -> str:
        """``archive/`` or ``failed/`` (or its full path when it is elsewhere)."""
        return self._shown(folder / "x")

    # -- finding and settling files -----------------------------------------------------------------

    def _notice(self, path: Path) -> None:
        """Start (or keep) timing a file that may be a new document; links and FIFOs too (to refuse them)."""
        if path in self.pending or path in self.running:
            return
        held = self.held.get(path)
        if held is not None and time.monotonic() < held.until:
            return
        if not self.folders.is_candidate(path):
            return
        try:
            info = os.lstat(path)
        except OSError:
            return
        if stat.S_ISDIR(info.st_mode):
            return
        self.pending[path] = _Pending(info.st_size, info.st_mtime_ns, time.monotonic())

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
                info = os.lstat(path)
            except OSError:
                del self.pending[path]
                continue
            if (info.st_size, info.st_mtime_ns) != (pending.size, pending.mtime_ns):
                pending.size, pending.mtime_ns, pending.since = info.st_size, info.st_mtime_ns, now
                continue
            if now - pending.since < self.settle:
                continue
            del self.pending[path]
            reason = refusal(path)
            if reason is not None:  # a link, a FIFO, a socket, a device, a name that is not UTF-8: never opened
                self._settle_failure(path, None, reason)
                continue
            self.running[path] = pending
            self.pool.submit(path, extract_job, str(path), self.db_path)

    # -- storing and moving -------------------------------------------------------------------------

    def _finish(self, path: Path, result: Extraction | None, error: str | None) -> None:
        """A worker is done with ``path``: store the record (or the failure), then move the file."""
        self.running.pop(path, None)
        if result is None:  # the worker passed a limit or crashed: the file fails with that reason
            self._settle_failure(path, None, error or "the reader crashed on this file")
            return
        if result.vanished:
            self._say("vanished", f"{self._name(path)} (xóa trước khi đọc) [removed before it was read]", self.err)
            return
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            self._say("vanished", f"{self._name(path)} (xóa trong khi đọc) [removed while it was read]", self.err)
            return
        if (info.st_size, info.st_mtime_ns) != (result.size, result.mtime_ns):
            self._notice(path)  # changed while being read: start again with the new content
            return
        if result.error is not None:
            self._settle_failure(path, result.sha256, result.error)
            return
        try:
            self._store(path, result)
        except Exception as exc:  # the database or a folder is unwell: keep the file, try it again later
            self._hold(path, f"cannot store it: {type(exc).__name__}: {exc}; the file stays in the inbox")
            self.stats.errors.append(str(path))

    def _settle_failure(self, path: Path, sha256: str | None, reason: str) -> None:
        if not _exists(path):
            self._say("vanished", f"{self._name(path)} (xóa trong khi đọc) [removed while it was read]", self.err)
            return
        try:
            self._fail(path, sha256, reason)
        except Exception as exc:  # the database is unwell: keep the file, try it again later
            self._hold(path, f"cannot store it: {type(exc).__name__}: {exc}; the file stays in the inbox")
            self.stats.errors.append(str(path))

    def _store(self, path: Path, result: Extraction) -> None:
        """Commit the record, then move the original where the database says it is."""
        stored = stored_document(self.db, result.sha256)
        if stored and stored.current:
            stored_path = Path(stored.path)
            unmoved = stored.path == str(path)  # stored, then held in the inbox (a full disk)
            interrupted = stored_path.parent.parent == self.folders.archive and (
                not _exists(stored_path) or _same_file(path, stored_path)
            )  # stored, then stopped before the move
            if unmoved or interrupted:
                dest = stored_path if interrupted else free_path(self._archive_dir(), path.name)
                moved = self._archive(path, stored.id, dest)
                if moved is not None:
                    self._say("archived", f"{self._name(path)} = #{stored.id} (đã lưu trước đó) → {self._shown(moved)}")
                return
            outcome = ingest_file(self.db, path, sha256=result.sha256)  # logs the duplicate in files
            dest = self._move_out(path, free_path(self._archive_dir(), path.name), self.folders.archive)
            if dest is None:
                return
            self.stats.duplicate += 1
            self._say(
                "duplicate",
                f"{self._name(path)} = #{outcome.document_id} (trùng nội dung với {printable(stored_path.name)})"
                f" → {self._shown(dest)}",
            )
            return
        dest = free_path(self._archive_dir(), path.name)
        result.record.source.path = str(dest)  # where the original will be once this commit is done
        outcome = ingest_file(self.db, path, sha256=result.sha256, record=result.record, text_doc=result.text_doc)
        if self._archive(path, outcome.document_id, dest) is None:
            return
        self.stats.ingested += 1
        seconds = f"{result.seconds:.1f}".replace(".", ",")
        self._say("ingested", f"{self._name(path)} → #{outcome.document_id} {_title(result.record)} ({seconds} giây)")

    def _archive(self, path: Path, document_id: int, dest: Path) -> Path | None:
        """Move a stored document's file to ``dest``, the row following it; None (the file held) if it cannot move."""
        set_document_path(self.db, document_id, dest)
        try:
            moved = move_no_clobber(path, dest)
        except OSError as exc:
            set_document_path(self.db, document_id, path)  # rolled back: the file is still in the inbox
            self._hold(path, self._cannot_move(exc, self.folders.archive))
            return None
        if moved != dest:
            set_document_path(self.db, document_id, moved)
        self._released(path)
        return moved

    def _move_out(self, path: Path, dest: Path, folder: Path) -> Path | None:
        """Move a file out of the inbox; None (the file held) if it cannot move."""
        try:
            moved = move_no_clobber(path, dest)
        except OSError as exc:
            self._hold(path, self._cannot_move(exc, folder))
            return None
        self._released(path)
        return moved

    def _archive_dir(self) -> Path:
        return self.folders.archive / time.strftime("%Y-%m-%d")

    def _fail(self, path: Path, sha256: str | None, reason: str) -> None:
        """A row in ``errors`` naming where the file will be, then the file and its note in failed/."""
        dest = free_path(self.folders.failed, repaired(path.name), ERROR_SUFFIX)
        logged = self.db.execute(
            "SELECT id FROM errors WHERE path = ? AND sha256 IS ? ORDER BY id DESC", [str(dest), sha256]
        ).fetchone()
        error_id = logged[0] if logged else record_error(self.db, dest, reason, sha256=sha256).error_id
        try:
            moved = move_no_clobber(path, dest, reserved_suffix=ERROR_SUFFIX)
        except OSError as exc:
            held = self._cannot_move(exc, self.folders.failed)
            set_error_path(self.db, error_id, path, f"{reason}; {held}")  # the row says where the file is
            self._hold(path, held, log=False)
            return
        if moved != dest:
            set_error_path(self.db, error_id, moved, reason)
        dest = moved
        self._released(path)
        self.stats.failed += 1
        try:
            _write_whole(dest.with_name(dest.name + ERROR_SUFFIX), self._note(path, reason))
        except OSError as exc:
            self._say(
                "error", f"{self._name(path)}: {for_clerk(self._cannot_move(exc, self.folders.failed))}", self.err
            )
        self._say("failed", f"{self._name(path)}: {for_clerk(reason)} → {self._shown(dest)}", self.err)

    def _note(self, path: Path, reason: str) -> str:
        """The failed file's ``.error.txt``: why, in Vietnamese, with the English for support."""
        return (
            f"tệp: {printable(repaired(path.name))}\n"
            f"từ: {printable(repaired(str(path)))}\n"
            f"lúc: {time.strftime('%Y-%m-%d %H:%M:%S')}\n"
            f"lý do: {vietnamese(reason) or 'không đọc được tệp này'}\n"
            f"reason: {printable(reason)}\n"
        )

    def _cannot_move(self, exc: OSError, folder: Path) -> str:
        """Why a file stays in the inbox (English, for the errors table; :mod:`vanban.clerk` says it in Vietnamese)."""
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return f"no space left on the disk of {self._folder(folder)}: the file stays in the inbox ({exc.strerror})"
        return f"cannot move it to {self._folder(folder)}: {exc.strerror or exc}; the file stays in the inbox"

    def _released(self, path: Path) -> None:
        """The file has left the inbox: forget that it was held there, and the error rows that said so."""
        self.held.pop(path, None)
        clear_errors(self.db, path)

    def _hold(self, path: Path, reason: str, log: bool = True) -> None:
        """Leave a file in the inbox for a while (a full disk, a database that cannot be written), saying why."""
        previous = self.held.get(path)
        pause = min(previous.pause * 2, HOLD_LONGEST) if previous else HOLD_FIRST
        self.held[path] = _Held(time.monotonic() + pause, pause)
        self.stats.held += 1
        if log:
            with contextlib.suppress(Exception):  # the database may be what is failing
                clear_errors(self.db, path)
                record_error(self.db, path, reason)
        self._say("held", f"{self._name(path)}: {for_clerk(reason)}", self.err)

    # -- the loop -----------------------------------------------------------------------------------

    def step(self) -> None:
        """One turn: events, due rescan, stable files to the workers, finished files to the database."""
        self._take_events()
        if time.monotonic() >= self._next_rescan:
            self.rescan()
        self._submit_stable()
        if self.running:
            for done in self.pool.wait(TICK):
                self._finish(done.key, done.value, done.error)
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
            for done in self.pool.wait(deadline - time.monotonic()):
                self._finish(done.key, done.value, done.error)
        self.pool.close()
        self.db.close()


def _title(record) -> str:
    """``Kế hoạch 02/KH-UBND`` — the type and symbol a clerk knows the document by."""
    info = getattr(record, "document", None)
    if info is None:
        return ""
    parts = [p for p in (info.doc_type, info.symbol) if p]
    if parts:
        return printable(" ".join(parts))
    subject = (info.subject or "").strip()
    return printable(subject[:60] + ("…" if len(subject) > 60 else ""))


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
    limits: Limits | None = None,
) -> WatchStats:
    """Watch ``inbox`` and ingest every stable file into ``db_path`` until SIGTERM/SIGINT; a line per file on stdout.

    ``poll`` uses polling instead of native events (network shares); ``once`` processes
    what is there and returns. Raises :class:`InboxError` when the inbox is missing or
    already watched.
    """
    folders = Folders.for_inbox(inbox, archive, failed)
    if not folders.inbox.is_dir():
        raise InboxError(f"thư mục nhận {inbox} không tồn tại [inbox {inbox} is not a folder]")
    try:
        lock = lock_inbox(folders.inbox)
    except InboxLocked as exc:
        raise InboxError(
            f"thư mục {printable(str(inbox))} đã có một tiến trình vanban watch khác theo dõi"
            f" (pid {exc.holder or '?'}); mỗi thư mục nhận chỉ một tiến trình [{printable(str(exc))}]"
        ) from None
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    for folder in (folders.archive, folders.failed):
        remove_partial_copies(folder)
    watcher = Watcher(folders, db_path, settle=settle, rescan=rescan, workers=workers, limits=limits)

    def on_signal(signum, frame):
        watcher.stop()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    observer = None
    if not once:
        observer = PollingObserver(timeout=1.0) if poll else Observer()
        observer.schedule(_EventsToQueue(watcher.events), str(folders.inbox), recursive=True)
        observer.start()
    watcher._say(
        "watching",
        f"{printable(str(folders.inbox))} → {printable(str(db_path))} (lưu trữ: {printable(str(folders.archive))},"
        f" lỗi: {printable(str(folders.failed))}; mỗi tệp tối đa {watcher.limits.timeout:g} giây"
        f" và {watcher.limits.max_memory // 1024**2:,} MB bộ nhớ)",
    )
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
        watcher._say(
            "stopped",
            f"đã lưu {s.ingested}, trùng {s.duplicate}, lỗi {s.failed}, tạm giữ {s.held}"
            f" [ingested {s.ingested}, duplicates {s.duplicate}, failed {s.failed}, held {s.held}]",
        )
        os.close(lock)
    return watcher.stats
