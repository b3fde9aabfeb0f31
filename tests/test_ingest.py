"""`vanban ingest` as a clerk or a cron job runs it: every core, progress lines also into a log, duplicates once."""

from __future__ import annotations

import subprocess
import sys

import pytest

from vanban.store import open_db


@pytest.fixture
def folder(tmp_path, seeds):
    """60 text documents (a seed with its own closing line each) and one copy of the first."""
    seed = sorted(seeds.glob("*.txt"))[0].read_text(encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(60):
        (inbox / f"doc-{i:02d}.txt").write_text(seed + f"\nBản số {i + 1}.\n", encoding="utf-8")
    (inbox / "zz-copy.txt").write_bytes((inbox / "doc-00.txt").read_bytes())
    return inbox


def test_ingest_reports_progress_into_a_log_and_uses_workers(folder, tmp_path):
    db_path = tmp_path / "vanban.db"
    done = subprocess.run(
        [sys.executable, "-m", "vanban", "ingest", str(folder), "--db", str(db_path), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    # stderr is a pipe here, not a terminal: a line every 50 files and one at the end, no bar
    assert [line.split(" (")[0] for line in lines if line.startswith("ingest:")] == [
        "ingest: 50/61 files",
        "ingest: 61/61 files",
    ]
    assert "\r" not in done.stderr
    assert lines[-1] == f"ingested 60, unchanged 0, failed 0 → {db_path}"
    db = open_db(db_path)
    try:
        assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 60
        statuses = dict(db.execute("SELECT status, count(*) FROM files GROUP BY status").fetchall())
        assert statuses == {"ingested": 60, "duplicate": 1}
    finally:
        db.close()
    again = subprocess.run(
        [sys.executable, "-m", "vanban", "ingest", str(folder), "--db", str(db_path), "--quiet"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert again.stderr.splitlines() == [f"ingested 0, unchanged 60, failed 0 → {db_path}"]
