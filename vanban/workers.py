"""Reader processes under a time limit and a memory limit, killed and replaced when they pass one.

A hostile file can hang a reader (a PDF whose ``/Length`` refers to itself loops
for ever in pdfminer) or make it allocate without bound. So every file is read
in a worker process, each the leader of its own process group; the parent
watches each job's clock and the resident memory of the worker and of what it
started (Tesseract, LibreOffice), and kills the whole group when a limit is
passed. The job comes back as a failure with the reason
(``took longer than 300 s``); a fresh worker takes the next job, and the other
workers never stop.

A worker dies with its parent (Linux ``PR_SET_PDEATHSIG``), so a ``kill -9`` of
the watcher or of ``vanban extract`` leaves no reader behind; workers are plain
subprocesses talking over two pipes, so there is no multiprocessing resource
tracker to outlive anyone either. The memory limit is also set inside each
worker as ``RLIMIT_DATA``, so an allocation past it fails at once
(``MemoryError``) instead of being caught a moment later.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import os
import resource
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

DEFAULT_TIMEOUT = 300.0  # seconds for one file
DEFAULT_MAX_MEMORY = 2 * 1024**3  # bytes for one worker and the programs it runs
MIN_MAX_MEMORY = 512 * 1024**2  # a worker needs about 300 MB once the pipeline is loaded
TICK = 0.2  # seconds between looks at the clocks and the memory of busy workers
JOBS_PER_WORKER = 200  # a worker is replaced after this many files, so leaks in native libraries stay bounded
START_FAILURES = 3  # workers in a row that die before they are ready: the jobs fail instead of looping
PR_SET_PDEATHSIG = 1  # prctl(2)


@dataclass(frozen=True)
class Limits:
    """What one file may cost: wall-clock seconds, and bytes of memory for its worker and its children."""

    timeout: float = DEFAULT_TIMEOUT
    max_memory: int = DEFAULT_MAX_MEMORY


@dataclass
class Done:
    """A finished job: its value, or why there is none (a limit passed, the worker crashed, the job raised)."""

    key: Hashable
    value: Any = None
    error: str | None = None


@dataclass
class _Job:
    key: Hashable
    func: Callable
    args: tuple


@dataclass
class _Worker:
    process: subprocess.Popen
    jobs: Connection  # parent → worker
    results: Connection  # worker → parent
    ready: bool = False
    job: _Job | None = None
    started: float = 0.0
    done: int = 0
    retiring: bool = False
    peak: int = field(default=0)  # resident bytes of the group at the last look


# --- in the worker process ----------------------------------------------------------------------


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux); elsewhere a closed pipe ends it."""
    with contextlib.suppress(AttributeError, OSError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def serve() -> None:
    """The worker's loop: ``python -c 'from vanban.workers import serve; serve()' JOBS_FD RESULTS_FD PARENT MEMORY MODULE…``.

    Receives ``(func, args)``, sends back ``("ok", value)`` or ``("error", reason)``;
    exits when the job pipe closes, or after running out of memory.
    """
    jobs_fd, results_fd, parent, max_memory, *warm = sys.argv[1:]
    _die_with_parent(int(parent))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    limit = int(max_memory)
    resource.setrlimit(resource.RLIMIT_DATA, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    jobs = Connection(int(jobs_fd), writable=False)
    results = Connection(int(results_fd), readable=False)
    for module in warm:
        importlib.import_module(module)
    results.send(("ready", os.getpid()))
    while True:
        try:
            func, args = jobs.recv()
        except EOFError:
            return
        except Exception as exc:  # a job naming a function this process cannot import
            results.send(("error", f"internal error: the job could not be loaded ({type(exc).__name__}: {exc})"))
            continue
        out_of_memory = False
        try:
            reply = ("ok", func(*args))
        except MemoryError:
            out_of_memory = True
            reply = ("error", f"needed more than {limit // 1024**2:,} MB of memory (the --max-memory limit)")
        except Exception as exc:
            reply = ("error", f"internal error: {type(exc).__name__}: {exc}")
        try:
            results.send(reply)
        except MemoryError:
            out_of_memory = True
            results.send(("error", f"needed more than {limit // 1024**2:,} MB of memory (the --max-memory limit)"))
        if out_of_memory:
            return  # the heap may be fragmented past use: a fresh worker takes the next job


# --- processes as /proc shows them ----------------------------------------------------------------


def _processes() -> dict[int, tuple[int, int, int]]:
    """pid → (parent pid, process group, resident bytes) of every process (Linux /proc); empty elsewhere."""
    page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
    found = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()  # after "pid (comm) "; comm may hold spaces
        try:
            found[int(entry)] = (int(fields[1]), int(fields[2]), int(fields[21]) * page)
        except (IndexError, ValueError):
            continue
    return found


def _family(leader: int, table: dict[int, tuple[int, int, int]]) -> set[int]:
    """The worker, its descendants, and everything in its process group."""
    members = {leader} | {pid for pid, (_, group, _) in table.items() if group == leader}
    frontier = [leader]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _, _) in table.items():
            if ppid == parent and pid not in members:
                members.add(pid)
                frontier.append(pid)
    return members


# --- the pool ----------------------------------------------------------------------------------


class WorkerPool:
    """``size`` worker processes running jobs under :class:`Limits`.

    :meth:`submit` queues a job under a key; :meth:`wait` returns the jobs that
    finished, each a :class:`Done`. Call from one thread (the one that made the
    pool: a worker's life is tied to the thread that started it). ``env`` adds
    variables to the workers' environment (a cluster's OCR cache and threads).
    """

    def __init__(
        self,
        size: int,
        limits: Limits | None = None,
        warm: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ):
        self.size = max(1, size)
        self.limits = limits or Limits()
        self.warm = warm
        self.env = dict(env or {})
        self.workers: list[_Worker] = []
        self.queue: deque[_Job] = deque()
        self.start_failures = 0
        self._finished: list[Done] = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- jobs -----------------------------------------------------------------------------------

    def submit(self, key: Hashable, func: Callable, *args) -> None:
        """Queue ``func(*args)`` (a module-level function; its arguments and value are pickled)."""
        self.queue.append(_Job(key, func, args))
        self._dispatch()

    def pending(self) -> int:
        """Jobs submitted and not yet returned by :meth:`wait`."""
        return len(self.queue) + sum(w.job is not None for w in self.workers) + len(self._finished)

    def start(self) -> None:
        """Start every worker now, so the first files are not slowed by their start."""
        while len(self.workers) < self.size:
            self.workers.append(self._spawn())

    def wait(self, timeout: float | None = None) -> list[Done]:
        """Jobs finished within ``timeout`` seconds (None: until one is), enforcing the limits meanwhile."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            self._dispatch()
            self._enforce_limits()
            if self._finished:
                finished, self._finished = self._finished, []
                return finished
            if not self.pending():
                return []
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                return []
            step = TICK if deadline is None else min(TICK, deadline - now)
            ready = wait([w.results for w in self.workers], timeout=step)
            for worker in [w for w in self.workers if w.results in ready]:
                self._receive(worker)

    def close(self) -> None:
        """Stop every worker: idle ones are told to exit, busy ones are killed (their jobs are dropped)."""
        self.queue.clear()
        for worker in self.workers:
            if worker.job is None:
                with contextlib.suppress(OSError):
                    worker.jobs.close()
        deadline = time.monotonic() + 5
        for worker in self.workers:
            if worker.job is None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    worker.process.wait(timeout=max(0.0, deadline - time.monotonic()))
            self._kill(worker)
        self.workers.clear()
        self._finished.clear()

    # -- workers --------------------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        jobs_read, jobs_write = os.pipe()
        results_read, results_write = os.pipe()
        command = [
            sys.executable,
            "-c",
            "from vanban.workers import serve; serve()",
            str(jobs_read),
            str(results_write),
            str(os.getpid()),
            str(self.limits.max_memory),
            *self.warm,
        ]
        try:
            process = subprocess.Popen(
                command,
                pass_fds=(jobs_read, results_write),
                stdin=subprocess.DEVNULL,
                stdout=sys.stderr.fileno() if _has_fileno(sys.stderr) else subprocess.DEVNULL,
                process_group=0,
                env={**os.environ, **self.env} if self.env else None,
            )
        finally:
            os.close(jobs_read)
            os.close(results_write)
        return _Worker(process, Connection(jobs_write, readable=False), Connection(results_read, writable=False))

    def _dispatch(self) -> None:
        """Give queued jobs to idle ready workers; start workers while jobs wait."""
        self.workers = [w for w in self.workers if not (w.retiring and self._reaped(w))]
        while self.queue and len([w for w in self.workers if not w.retiring]) < self.size:
            self.workers.append(self._spawn())
        for worker in self.workers:
            if not self.queue:
                return
            if worker.ready and worker.job is None and not worker.retiring:
                job = self.queue.popleft()
                try:
                    worker.jobs.send((job.func, job.args))
                except (OSError, ValueError):  # the worker died between jobs: the job waits for another
                    self.queue.appendleft(job)
                    self._retire(worker)
                    continue
                worker.job, worker.started = job, time.monotonic()

    def _receive(self, worker: _Worker) -> None:
        try:
            kind, value = worker.results.recv()
        except (EOFError, OSError):
            self._lost(worker)
            return
        except Exception as exc:  # a value that cannot be unpickled in this process
            kind, value = "error", f"internal error: the result could not be read ({type(exc).__name__}: {exc})"
        if kind == "ready":
            worker.ready = True
            self.start_failures = 0
            return
        job, worker.job = worker.job, None
        worker.done += 1
        if job is not None:
            self._finished.append(Done(job.key, value if kind == "ok" else None, None if kind == "ok" else value))
        if worker.done >= JOBS_PER_WORKER:
            self._retire(worker)

    def _lost(self, worker: _Worker) -> None:
        """The worker's pipe closed: it exited or crashed; its job (if any) fails with the reason."""
        self._kill(worker)
        self.workers.remove(worker)
        status = worker.process.returncode
        if not worker.ready:
            self.start_failures += 1
            if self.start_failures >= START_FAILURES:
                reason = f"a reader process could not start ({_status(status)})"
                self._finished.extend(Done(job.key, error=reason) for job in self.queue)
                self.queue.clear()
                self.start_failures = 0
            return
        if worker.job is not None:
            self._finished.append(Done(worker.job.key, error=f"the reader crashed on this file ({_status(status)})"))

    def _enforce_limits(self) -> None:
        busy = [w for w in self.workers if w.job is not None]
        if not busy:
            return
        now = time.monotonic()
        table = _processes()
        for worker in busy:
            if now - worker.started > self.limits.timeout:
                reason = f"took longer than {self.limits.timeout:g} s (the --timeout limit)"
            else:
                worker.peak = sum(table[pid][2] for pid in _family(worker.process.pid, table) if pid in table)
                if worker.peak <= self.limits.max_memory:
                    continue
                reason = f"needed more than {self.limits.max_memory // 1024**2:,} MB of memory (the --max-memory limit)"
            self._finished.append(Done(worker.job.key, error=reason))
            worker.job = None
            self._kill(worker, table)
            self.workers.remove(worker)

    def _retire(self, worker: _Worker) -> None:
        """No more jobs for this worker: closing its job pipe makes it exit."""
        worker.retiring = True
        with contextlib.suppress(OSError):
            worker.jobs.close()

    def _reaped(self, worker: _Worker) -> bool:
        if worker.process.poll() is None:
            return False
        self._kill(worker)
        return True

    def _kill(self, worker: _Worker, table: dict | None = None) -> None:
        """Kill the worker and everything it started, close its pipes, and reap it.

        Only before it is reaped: until then its pid, and so its process group's id, are its own.
        """
        if worker.process.returncode is None:
            table = table if table is not None else _processes()
            for pid in _family(worker.process.pid, table) - {worker.process.pid}:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.killpg(worker.process.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            worker.jobs.close()
        with contextlib.suppress(OSError):
            worker.results.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            worker.process.wait(timeout=10)


def _has_fileno(stream) -> bool:
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True


def _status(returncode: int | None) -> str:
    """``signal SIGSEGV`` or ``exit status 1``."""
    if returncode is None:
        return "still running"
    if returncode < 0:
        try:
            return f"signal {signal.Signals(-returncode).name}"
        except ValueError:
            return f"signal {-returncode}"
    return f"exit status {returncode}"
