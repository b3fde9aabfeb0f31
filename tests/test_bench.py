"""scripts/bench.py end to end on a tiny corpus: it runs and prints every figure, ending with the ratio line (no
timing asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytest.importorskip("reportlab")
pytest.importorskip("datasette")


def test_quick_bench_prints_every_figure_and_ends_with_the_ratio(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "bench.py"),
            "--quick",
            "--docs",
            "6",
            "--db-docs",
            "60",
            "--ocr-pages",
            "1",
            "--rounds",
            "1",
            "--no-realdocs",
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    for start in (
        "machine:",
        "load at the start: load average",
        "corpus: realdocs 0 files",
        "generated (no realdocs) text-layer PDFs, CPU per page, one process, cold OCR cache: raw pypdfium2",
        "generated (no realdocs) text-layer PDFs, CPU per page, one process, warm OCR cache: raw pypdfium2",
        "generated text-layer PDFs: raw pypdfium2 ",
        "generated DOCX: vanban extract_many",
        "store, StoreWriter:",
        "reindex, no-op:",
        "peak memory",
        "synthetic database: 60 documents",
        "query search [",
        "query agency_duties [",
    ):
        assert any(line.startswith(start) for line in lines), f"no line starting {start!r} in:\n{done.stdout}"
    assert any(line.startswith(("OCR, a generated scan", "OCR: skipped")) for line in lines), done.stdout
    assert not [line for line in lines if line.startswith("query ") and "HTTP" in line], done.stdout
    assert re.fullmatch(r"ratio vanban/pypdfium2 text-layer pages/s: \d\.\d\d", lines[-1]), lines[-1]
