"""Drop-to-visible latency of the inbox watcher: how long a clerk waits before a dropped PDF is in the database.

Starts the real ``vanban watch`` on a temporary inbox, drops a text-layer PDF
``--drops`` times (each copy made distinct by a trailing PDF comment, so none
is a duplicate), and times each from the start of the write until a reader
of the database (as Datasette is) sees the new row. Prints p50/p95; the
settle delay is part of the latency by design.

    .venv/bin/python scripts/measure_latency.py [--drops 20] [--settle 2] [--pdf FILE] [--poll]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VANBAN = REPO / ".venv" / "bin" / "vanban"
DEFAULT_PDF = REPO.parent / "shared" / "realdocs" / "vbai" / "tỉnh Đoàn.pdf"  # 2 pages, text layer
TIMEOUT = 120.0  # seconds for any single drop to show up


def visible_documents(db: Path) -> int:
    """Rows in ``documents`` as another reader sees them (0 before the schema exists)."""
    if not db.exists():
        return 0
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        connection.close()


def wait_for_count(db: Path, count: int, timeout: float = TIMEOUT) -> float:
    """Wait until ``count`` documents are visible; return the time they were (perf_counter)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if visible_documents(db) >= count:
            return time.perf_counter()
        time.sleep(0.01)
    raise SystemExit(f"timed out: {count} documents not visible after {timeout:.0f} s")


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, round(p / 100 * len(ordered) + 0.4999))
    return ordered[min(rank, len(ordered)) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drops", type=int, default=20)
    parser.add_argument("--settle", type=float, default=2.0, help="the watcher's --settle (default: its default)")
    parser.add_argument("--pdf", type=Path, default=DEFAULT_PDF, help="a text-layer PDF to drop")
    parser.add_argument("--poll", action="store_true", help="measure the polling observer instead")
    args = parser.parse_args()
    pdf = args.pdf.read_bytes()

    with tempfile.TemporaryDirectory(prefix="vanban-latency-") as tmp:
        place = Path(tmp)
        inbox, db = place / "inbox", place / "data" / "vanban.db"
        inbox.mkdir()
        command = [
            str(VANBAN),
            "watch",
            str(inbox),
            "--db",
            str(db),
            "--settle",
            str(args.settle),
            "--rescan",
            "60",
            *(["--poll"] if args.poll else []),
        ]
        with open(place / "watch.log", "wb") as log:
            watcher = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            # A first drop that is not counted: the workers have loaded the pipeline after it.
            (inbox / "warm-up.pdf").write_bytes(pdf + b"\n% warm-up\n")
            wait_for_count(db, 1)
            latencies = []
            for i in range(args.drops):
                data = pdf + f"\n% drop {i}\n".encode()
                started = time.perf_counter()
                (inbox / f"drop-{i:02d}.pdf").write_bytes(data)
                latencies.append(wait_for_count(db, i + 2) - started)
                time.sleep(0.2)
        finally:
            watcher.send_signal(signal.SIGTERM)
            try:
                watcher.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(watcher.pid, signal.SIGKILL)
        log_text = (place / "watch.log").read_text(encoding="utf-8")

    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
    print(
        f"{len(latencies)} drops of {args.pdf.name} ({len(pdf) // 1024} KiB), settle {args.settle:g} s,"
        f" {'polling' if args.poll else 'native events'}"
    )
    print(f"drop → visible: p50 {p50:.2f} s, p95 {p95:.2f} s, min {min(latencies):.2f} s, max {max(latencies):.2f} s")
    print(f"minus settle:   p50 {p50 - args.settle:.2f} s, p95 {p95 - args.settle:.2f} s")
    if re.search(r"(?m)^\S+ \S+ (failed|error) ", log_text):
        print("watcher log reports failures:\n" + log_text, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
