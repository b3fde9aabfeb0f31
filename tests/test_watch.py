"""The inbox watcher, end to end: the real `vanban watch` subprocess, real files, real SQLite, real Datasette.

Every wait is bounded; nothing asserts on speed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from docx import Document
from test_bad_input import encrypted_pdf

from vanban.clerk import printable
from vanban.intake import Folders, is_ignored_name, refusal
from vanban.store import ingest_paths
from vanban.watcher import free_path, move_no_clobber

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VANBAN_SHARED", REPO.parent / "shared"))  # as in conftest.py
VANBAN = str(REPO / ".venv" / "bin" / "vanban")
WAIT = 180.0  # seconds: the upper bound for any wait on the watcher (a loaded 2-core machine)

# Real text-layer PDFs from ../shared/realdocs, read in place and copied into the test inbox only.
REAL_PDFS = [
    "vbai/58_CD-VPCP_10012026_1-signed.pdf",
    "vbai/Giấy mời họp CCHC (14g ngày 22.01.2026).pdf",
    "vbai/tỉnh Đoàn.pdf",
    "vbai/Công văn số 11902 của BNV.pdf",
    "vbai/TTr BC CCHC nam 2025.pdf",
    "vbai/QĐ 2536 SÁP NHẬP ĐLS.pdf",
]


# --- making files ----------------------------------------------------------------------------------


def make_docx(path: Path, n: int) -> Path:
    """A small kế hoạch in DOCX, distinct for each ``n``."""
    doc = Document()
    for line in (
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÂM ĐỒNG",
        f"Số: {n:02d}/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        f"Lâm Đồng, ngày {n % 28 + 1} tháng 11 năm 2026",
        "KẾ HOẠCH",
        f"Triển khai công tác cải cách hành chính đợt {n} năm 2026",
        f"Giao Sở Nội vụ chủ trì, phối hợp với các sở, ngành thực hiện nhiệm vụ số {n}.",
        "CHỦ TỊCH",
        "Nguyễn Văn A",
    ):
        doc.add_paragraph(line)
    doc.save(path)
    return path


def good_files(source: Path, count: int) -> list[Path]:
    """``count`` distinct readable documents in ``source``: real PDFs when ../shared is there, DOCX otherwise."""
    source.mkdir(parents=True, exist_ok=True)
    files = []
    for relative in REAL_PDFS:
        real = SHARED / "realdocs" / relative
        if real.is_file() and len(files) < count // 3:
            copy = source / Path(relative).name
            copy.write_bytes(real.read_bytes())
            files.append(copy)
    n = 1
    while len(files) < count:
        files.append(make_docx(source / f"{n:02d}-KH-UBND.docx", n))
        n += 1
    return files


def bad_files(source: Path) -> dict[str, bytes]:
    """Unreadable files, by name: they must end in failed/ with a row in errors."""
    return {
        "corrupt.pdf": b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog",
        "empty.docx": b"",
        "misnamed.docx": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\nnot really a word file\n",
        "notes.xyz": "ghi chú của văn thư".encode(),
        "scan-locked.pdf": encrypted_pdf(),
    }


# Temporary and system files a clerk's machine leaves behind: never taken, left where they are.
IGNORED = {
    "~$01-KH-UBND.docx": b"owner",
    ".~lock.bao-cao.docx#": b"lock",
    ".DS_Store": b"\0",
    "Thumbs.db": b"\0",
    "desktop.ini": b"[.ShellClassInfo]",
    "tai-lieu.pdf.part": b"%PDF-",
    "tai-lieu.pdf.crdownload": b"%PDF-",
    "ghi.tmp": b"x",
    "van-ban.download": b"x",
}


# --- running the watcher ---------------------------------------------------------------------------


def wait_for(predicate, what: str, timeout: float = WAIT, every: float = 0.2):
    """Poll ``predicate`` until it is truthy; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


@contextlib.contextmanager
def running_watcher(inbox: Path, db: Path, log: Path, *extra: str):
    """`vanban watch INBOX --db DB --settle 0.5 --rescan 2` as a subprocess; stopped (or killed) on exit."""
    with open(log, "ab") as out:
        process = subprocess.Popen(
            [VANBAN, "watch", str(inbox), "--db", str(db), "--settle", "0.5", "--rescan", "2", *extra],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=inbox.parent,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # its own session: the watcher and its workers only
        process.wait(timeout=10)


def query(db: Path, sql: str, params=()) -> list[tuple]:
    """Read the database the way another reader (Datasette) would, while the watcher writes."""
    if not db.exists():
        return []
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return connection.execute(sql, params).fetchall()
    except sqlite3.OperationalError:
        return []  # not migrated yet
    finally:
        connection.close()


def document_count(db: Path) -> int:
    rows = query(db, "select count(*) from documents")
    return rows[0][0] if rows else 0


def inbox_left(inbox: Path) -> list[str]:
    return sorted(p.name for p in inbox.rglob("*") if p.is_file() and not is_ignored_name(p.name))


def names_under(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".error.txt"))


def drop(path: Path, data: bytes) -> None:
    """Write a file the way a fast copy does: into place, then done."""
    path.write_bytes(data)


def drop_slowly(path: Path, data: bytes, chunks: int = 8, pause: float = 0.25) -> None:
    """Write a file in chunks with pauses shorter than --settle, like a copy over a slow share."""
    size = -(-len(data) // chunks)
    with open(path, "wb") as fh:
        for start in range(0, len(data), size):
            fh.write(data[start : start + size])
            fh.flush()
            os.fsync(fh.fileno())
            time.sleep(pause)


@pytest.fixture
def place(tmp_path: Path) -> dict[str, Path]:
    """A clerk's folder: inbox/, with archive/ and failed/ beside it, and the database."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (tmp_path / "source").mkdir()
    return {
        "inbox": inbox,
        "archive": tmp_path / "archive",
        "failed": tmp_path / "failed",
        "db": tmp_path / "data" / "vanban.db",
        "log": tmp_path / "watch.log",
        "source": tmp_path / "source",
    }


# --- tests -----------------------------------------------------------------------------------------

IGNORED_NAME_CASES = [
    ("~$01-KH-UBND.docx", True),
    (".~lock.bao-cao.docx#", True),
    (".DS_Store", True),
    ("Thumbs.db", True),
    ("desktop.ini", True),
    ("tai-lieu.pdf.part", True),
    ("tai-lieu.pdf.crdownload", True),
    ("ghi.TMP", True),
    ("van-ban.download", True),
    (".hidden.pdf", True),
    ("02-KH-UBND.pdf", False),
    ("Quyết định 932.docx", False),
    ("CV 1925.signed.signed.pdf", False),
    ("tmp-bao-cao.pdf", False),
    ("~bao-cao.pdf", False),
]


@pytest.mark.parametrize(("name", "ignored"), IGNORED_NAME_CASES)
def test_ignored_names(name: str, ignored: bool) -> None:
    assert is_ignored_name(name) is ignored


def test_folders_skip_archive_and_failed_inside_the_inbox(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    for relative in (
        "a.pdf",
        "archive/2026-11-22/b.pdf",
        "failed/c.pdf",
        "phong-ke-toan/d.docx",
        ".git/e.pdf",
        "Thumbs.db",
    ):
        (inbox / relative).parent.mkdir(parents=True, exist_ok=True)
        (inbox / relative).write_bytes(b"x")
    folders = Folders.for_inbox(inbox, archive=inbox / "archive", failed=inbox / "failed")
    assert [p.relative_to(folders.inbox).as_posix() for p in folders.scan()] == ["a.pdf", "phong-ke-toan/d.docx"]
    assert not folders.is_candidate(folders.inbox / "archive" / "2026-11-22" / "b.pdf")
    assert folders.is_candidate(folders.inbox / "phong-ke-toan" / "d.docx")
    default = Folders.for_inbox(inbox)
    assert (default.archive, default.failed) == (tmp_path.resolve() / "archive", tmp_path.resolve() / "failed")


def test_move_never_overwrites(tmp_path: Path) -> None:
    dest = tmp_path / "archive"
    moved = []
    for content in (b"one", b"two", b"three"):
        src = tmp_path / "bao-cao.final.pdf"
        src.write_bytes(content)
        moved.append(move_no_clobber(src, dest / src.name))
        assert not src.exists()
    assert [p.name for p in moved] == ["bao-cao.final.pdf", "bao-cao.final (2).pdf", "bao-cao.final (3).pdf"]
    assert [p.read_bytes() for p in moved] == [b"one", b"two", b"three"]
    # A crash between linking and unlinking: the next move finishes it rather than making a copy.
    src = tmp_path / "x.pdf"
    src.write_bytes(b"x")
    os.link(src, dest / "x.pdf")
    assert move_no_clobber(src, dest / "x.pdf") == dest / "x.pdf" and not src.exists()
    assert sorted(p.name for p in dest.iterdir()) == [
        "bao-cao.final (2).pdf",
        "bao-cao.final (3).pdf",
        "bao-cao.final.pdf",
        "x.pdf",
    ]
    # A failed file's note reserves its name: the next file named so does not take a name with a note.
    (dest / "y.pdf.error.txt").write_text("reason: x")
    src.write_bytes(b"y")
    assert free_path(dest, "x.pdf") == dest / "x (2).pdf"
    assert free_path(dest, "y.pdf", ".error.txt") == dest / "y (2).pdf"


def test_batch_with_bad_slow_and_ignored_files_is_all_accounted_for(place) -> None:
    inbox, db = place["inbox"], place["db"]
    good = good_files(place["source"], 16)
    bad = bad_files(place["source"])
    slow = make_docx(place["source"] / "99-KH-UBND-cham.docx", 99)
    with running_watcher(inbox, db, place["log"]) as process:
        for name, data in IGNORED.items():
            drop(inbox / name, data)
        for i, path in enumerate(good):
            drop(inbox / path.name, path.read_bytes())
            if i == 5:
                drop_slowly(inbox / slow.name, slow.read_bytes())
            if i == 10:
                for name, data in bad.items():
                    drop(inbox / name, data)
        wanted = sorted([p.name for p in good] + [slow.name])
        wait_for(
            lambda: names_under(place["archive"]) == wanted and names_under(place["failed"]) == sorted(bad),
            "every file archived or failed",
        )
        assert process.poll() is None
    assert process.returncode == 0  # SIGTERM is a clean stop
    assert inbox_left(inbox) == []
    assert sorted(p.name for p in inbox.iterdir()) == sorted(IGNORED)  # temporary files are not touched
    assert document_count(db) == len(good) + 1
    failed_rows = query(db, "select path, reason from errors")
    assert sorted({Path(p).name for p, _ in failed_rows}) == sorted(bad)
    for name in bad:
        note = place["failed"] / f"{name}.error.txt"
        assert "lý do:" in note.read_text(encoding="utf-8") and "reason:" in note.read_text(encoding="utf-8")
    assert "encrypted" in (place["failed"] / "scan-locked.pdf.error.txt").read_text(encoding="utf-8")
    assert {p.parent.name for p in place["archive"].rglob("*") if p.is_file()} == {time.strftime("%Y-%m-%d")}
    log = place["log"].read_text(encoding="utf-8")
    assert len(re.findall(r"(?m)^[\d-]+ [\d:]+ đã lưu +\S", log)) == len(good) + 1
    assert re.search(r"(?m)^[\d-]+ [\d:]+ lỗi +scan-locked\.pdf: PDF có mật khẩu.*\[encrypted PDF", log)
    # The slow file was taken whole: its record is the real document, not a damaged fragment.
    assert query(db, "select count(*) from documents where text like '%đợt 99 năm 2026%'") == [(1,)]


def test_kill_9_mid_batch_then_restart_loses_and_doubles_nothing(place) -> None:
    inbox, db = place["inbox"], place["db"]
    good = good_files(place["source"], 20)
    for path in good:
        drop(inbox / path.name, path.read_bytes())
    drop(inbox / "corrupt.pdf", bad_files(place["source"])["corrupt.pdf"])
    for kill_after in (1, 4):
        with running_watcher(inbox, db, place["log"]) as process:
            wait_for(lambda n=kill_after: document_count(db) >= n, f"{kill_after} documents stored")
            time.sleep(0.1 * kill_after)
            process.kill()  # kill -9 of the watcher itself, wherever it is
            process.wait(timeout=10)
        assert query(db, "pragma integrity_check") == [("ok",)]
    with running_watcher(inbox, db, place["log"]):
        wait_for(lambda: inbox_left(inbox) == [], "the inbox to empty after the restart")
        wait_for(lambda: document_count(db) == len(good), "every good file stored")
    assert document_count(db) == len(good)
    assert query(db, "select count(distinct sha256) from documents") == [(len(good),)]
    assert query(db, "pragma foreign_key_check") == []
    assert set(names_under(place["archive"])) == {p.name for p in good}
    assert names_under(place["failed"]) == ["corrupt.pdf"]


def test_same_file_twice_is_one_record(place) -> None:
    inbox, db = place["inbox"], place["db"]
    original = make_docx(place["source"] / "05-KH-UBND.docx", 5)
    with running_watcher(inbox, db, place["log"]):
        drop(inbox / "05-KH-UBND.docx", original.read_bytes())
        wait_for(lambda: document_count(db) == 1 and inbox_left(inbox) == [], "the first copy stored")
        drop(inbox / "05-KH-UBND (ban sao).docx", original.read_bytes())
        wait_for(lambda: inbox_left(inbox) == [], "the second copy archived")
    assert document_count(db) == 1
    assert names_under(place["archive"]) == ["05-KH-UBND (ban sao).docx", "05-KH-UBND.docx"]
    assert re.search(r"(?m) trùng +05-KH-UBND \(ban sao\)\.docx = #1", place["log"].read_text(encoding="utf-8"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_running_datasette_sees_new_documents(place) -> None:
    inbox, db = place["inbox"], place["db"]
    source = place["source"]
    port = free_port()
    url = f"http://127.0.0.1:{port}/{db.stem}/documents.json?_shape=array&_col=path"

    def rows() -> list | None:
        if server.poll() is not None:
            pytest.fail(f"vanban serve exited: {serve_log.read_text(encoding='utf-8')[-800:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except OSError:
            return None

    with running_watcher(inbox, db, place["log"]):
        wait_for(db.exists, "the watcher to create the database")
        serve_log = place["log"].with_name("serve.log")
        with open(serve_log, "wb") as log:
            server = subprocess.Popen(
                [VANBAN, "serve", "--db", str(db), "--port", str(port)],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            wait_for(lambda: rows() is not None, "Datasette to answer", timeout=60)
            assert rows() == []
            drop(inbox / "07-KH-UBND.docx", make_docx(source / "07-KH-UBND.docx", 7).read_bytes())
            seen = wait_for(lambda: rows(), "Datasette to show the new document")
            assert len(seen) == 1
            drop(inbox / "08-KH-UBND.docx", make_docx(source / "08-KH-UBND.docx", 8).read_bytes())
            assert len(wait_for(lambda: (r := rows()) and len(r) == 2 and r, "the second document")) == 2
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=10)


def run_once(inbox: Path, db: Path) -> str:
    """`vanban watch --once`: process what is in the inbox and exit; its log."""
    done = subprocess.run(
        [VANBAN, "watch", str(inbox), "--db", str(db), "--settle", "0.2", "--once"],
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    return done.stdout + done.stderr


def test_restart_finishes_a_move_interrupted_after_the_commit(place) -> None:
    inbox, db, archive, failed = place["inbox"], place["db"], place["archive"], place["failed"]
    make_docx(inbox / "03-KH-UBND.docx", 3)
    (inbox / "corrupt.pdf").write_bytes(bad_files(place["source"])["corrupt.pdf"])
    run_once(inbox, db)
    [stored] = query(db, "select path from documents")
    archived = Path(stored[0])
    assert archived.parent.parent == archive.resolve() and archived.is_file()
    # The state a kill -9 leaves between the commit and the move: the record is stored, the file still in the inbox.
    archived.rename(inbox / archived.name)
    (failed / "corrupt.pdf").rename(inbox / "corrupt.pdf")
    (failed / "corrupt.pdf.error.txt").unlink()
    log = run_once(inbox, db)
    assert "(đã lưu trước đó)" in log
    assert archived.is_file() and names_under(archive) == ["03-KH-UBND.docx"]
    assert names_under(failed) == ["corrupt.pdf"] and inbox_left(inbox) == []
    assert document_count(db) == 1 and query(db, "select count(*) from errors") == [(1,)]
    # Killed between linking into the archive and unlinking from the inbox: the same file in both places.
    os.link(archived, inbox / archived.name)
    assert "(đã lưu trước đó)" in run_once(inbox, db)
    assert names_under(archive) == ["03-KH-UBND.docx"] and inbox_left(inbox) == []


# --- names a clerk sees, paths the watcher refuses ----------------------------------------------------

PRINTABLE_CASES = [
    ("Quyết định 932.docx", "Quyết định 932.docx"),
    ("x\n2026-01-01 00:00:00 đã lưu    giả.pdf", "x\\n2026-01-01 00:00:00 đã lưu    giả.pdf"),
    ("a\rb\tc", "a\\rb\\tc"),
    ("bao\udcffcao.pdf", "bao\\xffcao.pdf"),  # a byte that is not UTF-8, as os.listdir gives it
    ("hóa đơn\u202efdp.exe", "hóa đơn\\u202efdp.exe"),  # a right-to-left override would disguise the name
    ("\x1b[31mđỏ", "\\x1b[31mđỏ"),  # a terminal escape
]


@pytest.mark.parametrize(("name", "shown"), PRINTABLE_CASES)
def test_printable_names(name: str, shown: str) -> None:
    assert printable(name) == shown


def test_refusals(tmp_path: Path) -> None:
    regular = tmp_path / "01-KH-UBND.docx"
    make_docx(regular, 1)
    link = tmp_path / "a.txt"
    link.symlink_to("/etc/passwd")
    dangling = tmp_path / "dangling.pdf"
    dangling.symlink_to(tmp_path / "nowhere.pdf")
    fifo = tmp_path / "b.pdf"
    os.mkfifo(fifo)
    assert refusal(regular) is None and refusal(tmp_path) is None and refusal(tmp_path / "missing.pdf") is None
    assert refusal(link) == "a symbolic link: not followed"
    assert refusal(link, hint=True) == "a symbolic link: not followed (--follow-symlinks reads what it points to)"
    assert refusal(link, follow_symlinks=True) is None
    assert refusal(dangling, follow_symlinks=True) == "a symbolic link to a file that does not exist"
    assert refusal(fifo) == refusal(fifo, follow_symlinks=True) == "not a regular file (a named pipe (FIFO)): not read"
    assert refusal(os.fsdecode(os.fsencode(tmp_path) + b"/bad\xff.txt")).startswith("the file name is not valid UTF-8")


def test_ingest_refuses_links_unless_told_to_follow_them(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    target = make_docx(tmp_path / "elsewhere.docx", 9)
    (folder / "link.docx").symlink_to(target)
    os.mkfifo(folder / "b.pdf")
    db = tmp_path / "vanban.db"
    report = ingest_paths([folder], db, progress=False)
    assert report.ingested == 0
    assert sorted((Path(p).name, r.split(":")[0]) for p, r in report.failed) == [
        ("b.pdf", "not a regular file (a named pipe (FIFO))"),
        ("link.docx", "a symbolic link"),
    ]
    report = ingest_paths([folder], db, progress=False, follow_symlinks=True)
    assert report.ingested == 1 and [Path(p).name for p, _ in report.failed] == ["b.pdf"]
    assert query(db, "select path from documents") == [(str(target.resolve()),)]  # the file read, not the link
