"""Hostile files, crashes and a full disk: no file stalls the others, nothing outside the inbox is read,
nothing is left half done.

Every hostile file is made here: a FIFO named ``b.pdf``, links to /etc/passwd and to nowhere, a socket,
a 50 MB web page and a 65 MB one-line text, a 660-byte PDF with a 14,400 pt page, a PDF whose /Length
refers to itself through two objects (pdfminer loops for ever on it), a DOCX zip bomb, a DOCX whose
paragraphs need more memory than the limit, names with a newline and with a byte that is not UTF-8.
Good files go in the same batch: they must all come out, in input order from ``vanban extract``.
The limits are small (a 20 s timeout, 600 MB a worker) to keep the run short; peak memory is the
sum over every process of the run, sampled. Waits are bounded; nothing asserts on speed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_bad_input import (
    ENGLISH_TXT,
    GOOD_TXT,
    blank_scan_pdf,
    docx_with_body,
    huge_page_pdf,
    minimal_pdf,
    to_tcvn3,
    to_vni,
    zip_bomb_docx,
)
from test_watch import VANBAN, make_docx, query, running_watcher, wait_for

from vanban.clerk import printable, vietnamese
from vanban.workers import Limits, WorkerPool

TIMEOUT = 20  # --timeout of the runs here: the looping PDF costs this much of one worker
MAX_MEMORY = "600M"
PEAK_LIMIT = 2 * 1024**3  # every process of a run together
WAIT = 240.0  # seconds: the bound of any wait here (a loaded 2-core machine)
FORGED = "2026-01-01 00:00:00 đã lưu    giả mạo.pdf"  # what a newline in a name would add to the log
HAS_TESSERACT = shutil.which("tesseract") is not None


# --- the files ------------------------------------------------------------------------------------


# A table grid (4 ruled rows, 4 ruled columns): the page has a table, so pdfplumber looks at it.
_GRID = b"".join(b"72 %d m 500 %d l S " % (y, y) for y in (700, 680, 660, 640)) + b"".join(
    b"%d 640 m %d 700 l S " % (x, x) for x in (72, 200, 350, 500)
)


def length_loop_pdf() -> bytes:
    """A PDF whose content stream's /Length is ``5 0 R``, object 5 is ``6 0 R`` and object 6 is ``5 0 R``.

    pdfium reads it; pdfminer, which pdfplumber runs on a page with a table grid, loops for ever.
    """
    return minimal_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
            b"<< /Length 5 0 R >>\nstream\n"
            + _GRID
            + b"BT /F1 12 Tf 72 720 Td (Cong van so 12/UBND-VP ve viec bao cao) Tj ET"
            b"\nendstream",
            b"6 0 R",
            b"5 0 R",
        ]
    )


def write_repeated(path: Path, head: bytes, unit: bytes, size: int, tail: bytes = b"") -> None:
    """A big file made fast: ``head``, ``unit`` repeated up to ``size`` bytes, ``tail``."""
    block = unit * max(1, (1 << 20) // len(unit))
    with open(path, "wb") as fh:
        fh.write(head)
        written = len(head)
        while written < size:
            fh.write(block)
            written += len(block)
        fh.write(tail)


# name → what must become of it: ("record", a warning it carries or None) or ("failed", a phrase of the reason).
Expected = tuple[str, str | None]


def make_hostile_batch(folder: Path) -> tuple[list[Path], dict[str, Expected]]:
    """The batch, in the order it is given to ``vanban extract``: each hostile file followed by good ones."""
    folder.mkdir(parents=True, exist_ok=True)
    order: list[Path] = []
    expected: dict[str, Expected] = {}

    def add(name: str | bytes, outcome: Expected, make) -> None:
        path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
        make(path)
        order.append(path)
        expected[path.name] = outcome

    def data(content: bytes):
        return lambda path: path.write_bytes(content)

    n = iter(range(1, 100))
    good = ("record", None)
    add("b.pdf", ("failed", "named pipe (FIFO)"), os.mkfifo)
    add("01-KH-UBND.docx", good, lambda p: make_docx(p, next(n)))
    add("a.txt", ("failed", "symbolic link"), lambda p: p.symlink_to("/etc/passwd"))
    add("dangling.pdf", ("failed", "symbolic link"), lambda p: p.symlink_to(folder / "nowhere.pdf"))
    add("socket.txt", ("failed", "socket"), lambda p: socket.socket(socket.AF_UNIX).bind(str(p)))
    add("length-loop.pdf", ("failed", f"took longer than {TIMEOUT} s"), data(length_loop_pdf()))
    add("02-KH-UBND.docx", good, lambda p: make_docx(p, next(n)))
    add(
        "big.html",
        ("failed", "larger than the 20 MB limit"),
        lambda p: write_repeated(
            p, b"<html><body>", b"<p>Giao S\xe1\xbb\x9f N\xe1\xbb\x99i v\xe1\xbb\xa5.</p>\n", 50_000_000
        ),
    )
    add("one-line.txt", ("failed", "larger than the 20 MB limit"), lambda p: write_repeated(p, b"", b"a ", 65_000_000))
    add("huge-page.pdf", ("failed", "page of 14400×14400 pt is too large to OCR"), data(huge_page_pdf()))
    add("bomb.docx", ("failed", "zip bomb"), zip_bomb_docx)
    add(
        "hog.docx",
        ("failed", f"needed more than {MAX_MEMORY[:-1]} MB of memory"),
        lambda p: docx_with_body(p, b"<w:p><w:r><w:t>a</w:t></w:r></w:p>", 1_600_000),
    )
    add("03-KH-UBND.docx", good, lambda p: make_docx(p, next(n)))
    add(b"bad\xffname.txt", ("failed", "not valid UTF-8"), data(GOOD_TXT.encode()))
    add(f"ghi chú\n{FORGED}.docx", good, lambda p: make_docx(p, next(n)))
    add("utf16.txt", good, data(GOOD_TXT.encode("utf-16-le")))
    add("tcvn3.txt", ("record", "legacy TCVN3 (ABC) encoding"), data(to_tcvn3(GOOD_TXT)))
    add("vni.txt", ("record", "legacy VNI-Windows encoding"), data(to_vni(GOOD_TXT)))
    add("english.txt", ("record", "does not look Vietnamese"), data(ENGLISH_TXT.encode()))
    if HAS_TESSERACT:
        add("blank-scan.pdf", ("record", "OCR found no words"), data(blank_scan_pdf()))
    add("04-KH-UBND.docx", good, lambda p: make_docx(p, next(n)))
    return order, expected


# --- watching a run's processes -------------------------------------------------------------------


def session_processes(session: int) -> dict[int, int]:
    """pid → resident bytes of every process in ``session`` (a run started with start_new_session)."""
    found = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != b"Z":
            found[int(entry)] = int(fields[21]) * page
    return found


class PeakMemory:
    """Samples the summed resident memory of a session's processes ten times a second."""

    def __init__(self, session: int):
        self.session, self.peak, self._stop = session, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self.peak = max(self.peak, sum(session_processes(self.session).values()))

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run_sampled(command: list, timeout: float = WAIT, **kwargs) -> tuple[subprocess.CompletedProcess, int]:
    """Run ``command`` in a session of its own; its result and the peak memory of all its processes."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kwargs
    )
    sampler = PeakMemory(process.pid)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"{command[1]} did not finish within {timeout:.0f} s")
    finally:
        peak = sampler.stop()
    done = subprocess.CompletedProcess(command, process.returncode, stdout.decode(), stderr.decode())
    return done, peak


# --- vanban extract ---------------------------------------------------------------------------------


def test_hostile_batch_through_extract(tmp_path: Path) -> None:
    order, expected = make_hostile_batch(tmp_path / "batch")
    command = [VANBAN, "extract", "--workers", "2", "--timeout", str(TIMEOUT), "--max-memory", MAX_MEMORY, *order]
    done, peak = run_sampled(command)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    good = [p for p in order if expected[p.name][0] == "record"]
    assert [r["source"]["path"] for r in records] == [str(p) for p in good]  # all of them, in input order
    for record in records:
        warning = expected[Path(record["source"]["path"]).name][1]
        warnings = record["source"]["warnings"]
        assert any(warning in w for w in warnings) if warning else warnings == [], record["source"]
    lines = done.stderr.splitlines()
    failed = [p for p in order if expected[p.name][0] == "failed"]
    assert len(lines) == len(failed), done.stderr
    for path, line in zip(failed, lines):
        assert line.startswith(f"vanban: {printable(str(path))}: ") and expected[path.name][1] in line, line
    assert peak < PEAK_LIMIT, f"peak memory {peak / 1024**2:.0f} MB"


# --- the watcher --------------------------------------------------------------------------------------


def test_hostile_batch_through_the_watcher(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "data" / "vanban.db"
    order, expected = make_hostile_batch(inbox)
    command = [
        VANBAN, "watch", str(inbox), "--db", str(db), "--once", "--settle", "0.2",
        "--timeout", str(TIMEOUT), "--max-memory", MAX_MEMORY,
    ]  # fmt: skip
    done, peak = run_sampled(command, cwd=tmp_path)
    log = done.stdout + done.stderr
    assert "Traceback" not in log, log
    assert done.returncode == 1  # files failed
    assert list(inbox.iterdir()) == []
    archived = {p.name for p in (tmp_path / "archive").rglob("*")} - {time.strftime("%Y-%m-%d")}
    assert archived == {name for name, (outcome, _) in expected.items() if outcome == "record"}
    stored = dict(query(db, "select path, json_extract(record, '$.source.warnings') from documents"))
    assert sorted(Path(p).name for p in stored) == sorted(archived)
    for path, warnings in stored.items():
        warning = expected[Path(path).name][1]
        assert (warning in warnings) if warning else warnings == "[]", (path, warnings)
    reasons = dict(query(db, "select path, reason from errors"))
    for name, (outcome, phrase) in expected.items():
        if outcome != "failed":
            continue
        shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")  # bad bytes → U+FFFD
        dest = tmp_path / "failed" / shown
        assert os.path.lexists(dest), shown
        assert phrase in reasons[str(dest)], (shown, reasons.get(str(dest)))
        note = (tmp_path / "failed" / f"{shown}.error.txt").read_text(encoding="utf-8")
        assert f"reason: {reasons[str(dest)]}" in note and f"lý do: {vietnamese(reasons[str(dest)])}" in note
    assert os.path.islink(tmp_path / "failed" / "a.txt")  # the link itself, moved unread
    assert query(db, "select count(*) from documents where text like '%root:%'") == [(0,)]
    assert not any(line.startswith(FORGED) for line in log.splitlines())
    assert "ghi chú\\n2026-01-01" in log
    assert peak < PEAK_LIMIT, f"peak memory {peak / 1024**2:.0f} MB"


def test_every_reason_is_said_in_vietnamese() -> None:
    """The reasons a clerk meets have a Vietnamese wording (none falls back to 'không đọc được tệp này')."""
    reasons = [
        "not a regular file (a named pipe (FIFO)): not read",
        "not a regular file (a socket): not read",
        "a symbolic link: not followed",
        f"took longer than {TIMEOUT} s (the --timeout limit)",
        "web page of 48 MB is larger than the 20 MB limit",
        "page of 14400×14400 pt is too large to OCR (3,600 million pixels at 300 dpi; the limit is 50 million)",
        "DOCX part word/document.xml expands to 114 MB, more than the 64 MB limit (a zip bomb?)",
        "needed more than 600 MB of memory (the --max-memory limit)",
        "the file name is not valid UTF-8 text (a byte no text encoding can show): rename it",
        "no space left on the disk of failed/: the file stays in the inbox (No space left on device)",
        "the reader crashed on this file (signal SIGSEGV)",
        # what the readers say of ordinary bad files
        "encrypted PDF: a password is needed to open it",
        "PDF has no pages",
        "PDF has no text (blank pages)",
        "damaged or truncated PDF (pdfium: data format error)",
        "no text layer (scanned PDF); OCR needs tesseract-ocr-vie: apt-get install tesseract-ocr tesseract-ocr-vie",
        "empty file (0 bytes)",
        "unsupported file type '.xyz'; vanban reads .pdf, .docx, .doc, .html, .txt and scanned images (.jpg, .png, .tif)",
        "not a PDF (no %PDF- header): the file is damaged or misnamed",
        "a Word 97-2003 (.doc) file named .docx; rename it to .doc",
        "a Word .docx file named .doc; rename it to .docx",
        "not a DOCX (not a ZIP package): the file is damaged or misnamed",
        "not a readable Word document (BadZipFile: File is not a zip file)",
        "LibreOffice could not convert this .doc (damaged?): Error: source file could not be loaded",
        "binary file, not text",
        "not UTF-8 text; detected cp1250. Save it as UTF-8 and try again",
        "HTML page with no text",
        "not a JPEG, PNG or TIFF image: the file is damaged or misnamed",
        "page 2 of 30000×40000 pixels is too large to OCR",
        "cannot read PDF: ValueError: bad xref",
    ]
    said = {reason: vietnamese(reason) for reason in reasons}
    assert all(said.values()), [r for r, v in said.items() if not v]
    assert said[reasons[3]] == f"đọc quá {TIMEOUT} giây (giới hạn --timeout)"
    assert said[reasons[5]] == "trang khổ 14400×14400 pt quá lớn để nhận dạng chữ"
    assert said[reasons[9]] == "ổ đĩa chứa failed/ đã đầy: tệp được giữ lại trong thư mục nhận"


def session_survivors(session: int, timeout: float = 30.0) -> dict[int, int]:
    """The processes left in ``session`` once they have had ``timeout`` seconds to go."""
    deadline = time.monotonic() + timeout
    left = session_processes(session)
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = session_processes(session)
    return left


def test_kill_9_of_the_watcher_leaves_no_reader_behind(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "data" / "vanban.db"
    inbox.mkdir()
    (inbox / "length-loop.pdf").write_bytes(length_loop_pdf())  # keeps a worker busy until the kill
    make_docx(inbox / "05-KH-UBND.docx", 5)
    with running_watcher(inbox, db, tmp_path / "watch.log", "--timeout", "600") as watcher:
        wait_for(lambda: query(db, "select count(*) from documents") == [(1,)], "the good file stored")
        readers = set(session_processes(watcher.pid)) - {watcher.pid}
        assert len(readers) >= 2  # the two workers, one still on the looping PDF
        watcher.kill()
        watcher.wait(timeout=10)
        survivors = session_survivors(watcher.pid)
        assert survivors == {}, [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in survivors]
    assert (inbox / "length-loop.pdf").exists()  # still there for the next start


def test_a_second_watcher_on_the_same_inbox_is_refused(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "data" / "vanban.db"
    inbox.mkdir()
    log = tmp_path / "watch.log"
    with running_watcher(inbox, db, log) as first:
        wait_for(lambda: log.exists() and "theo dõi" in log.read_text(encoding="utf-8"), "the first watcher to start")
        second = subprocess.run(
            [VANBAN, "watch", str(inbox), "--db", str(tmp_path / "other.db"), "--once"],
            capture_output=True,
            text=True,
            timeout=WAIT,
        )
        assert second.returncode == 2
        assert f"pid {first.pid}" in second.stderr and "already watched by another vanban watch" in second.stderr
        make_docx(inbox / "06-KH-UBND.docx", 6)
        wait_for(lambda: query(db, "select count(*) from documents") == [(1,)], "the first watcher to store the file")
        assert first.poll() is None
    assert not (tmp_path / "other.db").exists()


# --- a full disk ------------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 1 MB tmpfs mounted for the test (skipped where mounting is not permitted)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    """Fill ``disk`` to its last byte; the filler file, to remove later."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as fh:
        for size in (65536, 1):
            with contextlib.suppress(OSError):
                while True:
                    fh.write(b"\0" * size)
    return filler


def dangling_rows(db: Path) -> list[str]:
    """Paths the database names for a document or a failed file where there is no file."""
    rows = query(db, "select path from documents union all select path from errors")
    return [p for (p,) in rows if not os.path.lexists(p)]


def moving_files(*folders: Path) -> list[str]:
    return [str(p) for folder in folders for p in folder.rglob("*") if p.name.endswith(".moving")]


def test_full_disk_leaves_files_in_the_inbox_and_no_half_done_move(tmp_path: Path, small_disk: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "data" / "vanban.db"
    inbox.mkdir()
    archive, failed = small_disk / "archive", small_disk / "failed"
    make_docx(inbox / "07-KH-UBND.docx", 7)
    (inbox / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(200_000))  # unreadable, and too big to fit
    command = [
        VANBAN, "watch", str(inbox), "--db", str(db), "--once", "--settle", "0.2",
        "--archive", str(archive), "--failed", str(failed),
    ]  # fmt: skip
    filler = fill(small_disk)
    first = subprocess.run(command, capture_output=True, text=True, timeout=WAIT)
    log = first.stdout + first.stderr
    assert "Traceback" not in log, log
    assert first.returncode == 1
    assert sorted(p.name for p in inbox.iterdir()) == ["07-KH-UBND.docx", "corrupt.pdf"]
    assert moving_files(small_disk) == []
    assert dangling_rows(db) == []
    [(document_path,)] = query(db, "select path from documents")
    assert document_path == str(inbox.resolve() / "07-KH-UBND.docx")  # rolled back: where the file is
    reasons = dict(query(db, "select path, reason from errors"))
    assert reasons[str(inbox.resolve() / "07-KH-UBND.docx")].startswith("no space left on the disk of")
    assert "damaged or truncated PDF" in reasons[str(inbox.resolve() / "corrupt.pdf")]
    assert "no space left on the disk of" in reasons[str(inbox.resolve() / "corrupt.pdf")]
    assert len(re.findall(r"(?m) tạm giữ +\S+: ổ đĩa chứa \S+ đã đầy", log)) == 2

    filler.unlink()
    second = subprocess.run(command, capture_output=True, text=True, timeout=WAIT)
    assert second.returncode == 1, second.stdout + second.stderr  # corrupt.pdf failed
    assert list(inbox.iterdir()) == []
    assert moving_files(small_disk) == [] and dangling_rows(db) == []
    [(document_path,)] = query(db, "select path from documents")
    assert Path(document_path).parent.parent == archive.resolve()
    assert [Path(p).name for (p,) in query(db, "select path from errors")] == ["corrupt.pdf"]
    assert (failed / "corrupt.pdf.error.txt").is_file()


# --- the worker pool itself -------------------------------------------------------------------------

MARKER = "vanban-test-memory-child"


def processes_with(marker: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        with contextlib.suppress(OSError):
            if entry.isdigit() and marker.encode() in Path(f"/proc/{entry}/cmdline").read_bytes():
                found.append(int(entry))
    return found


def test_pool_limits_each_job_and_the_others_go_on() -> None:
    hog = f"import time; x = b'x' * (300 * 2**20); time.sleep(60)  # {MARKER}"
    with WorkerPool(2, Limits(timeout=3, max_memory=512 * 1024**2)) as pool:
        pool.submit("sleeps", time.sleep, 60)
        pool.submit("quick", os.getpid)
        pool.submit(
            "children", subprocess.run, ["sh", "-c", f'"$0" -c "{hog}" & "$0" -c "{hog}" & wait', sys.executable]
        )
        pool.submit("crashes", signal.raise_signal, signal.SIGKILL)
        pool.submit("raises", int, "mười")
        results = {}
        deadline = time.monotonic() + WAIT
        while pool.pending() and time.monotonic() < deadline:
            results.update((done.key, done) for done in pool.wait(1.0))
    assert results["sleeps"].error == "took longer than 3 s (the --timeout limit)"
    assert isinstance(results["quick"].value, int) and results["quick"].error is None
    assert results["children"].error == "needed more than 512 MB of memory (the --max-memory limit)"
    assert results["crashes"].error == "the reader crashed on this file (signal SIGKILL)"
    assert results["raises"].error.startswith("internal error: ValueError: invalid literal for int()")
    assert processes_with(MARKER) == []  # the job's own children were killed with its worker
