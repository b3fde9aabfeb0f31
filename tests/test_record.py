"""The record: every `vanban extract` output validates against the schema, is NFC, and its spans index the text."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO, SHARED

from vanban.errors import ReadError
from vanban.extraction import extract_file
from vanban.pipeline.read import read

SCHEMA = json.loads((REPO / "schemas" / "document.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
SUPPORTED = {".pdf", ".docx", ".doc", ".html", ".txt"}


def real_files() -> list[Path]:
    roots = [SHARED / "seeds", *sorted((SHARED / "realdocs").glob("*"))]
    return sorted(p for root in roots if root.is_dir() for p in root.iterdir() if p.suffix.lower() in SUPPORTED)


def check_record(record: dict, text: str) -> None:
    VALIDATOR.validate(record)
    # Everything is NFC except source.path, which names the file as the file system spells it.
    dumped = json.dumps({**record, "source": {**record["source"], "path": ""}}, ensure_ascii=False)
    assert dumped == unicodedata.normalize("NFC", dumped)
    for citation in record["citations"]:
        for start, end in citation["spans"]:
            assert 0 <= start < end <= len(text)
    for duty in record["duties"]:
        if duty.get("span"):
            start, end = duty["span"]
            assert 0 <= start < end <= len(text)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban", *args], capture_output=True, text=True, timeout=300)


def test_cli_lists_every_command():
    out = run_cli("--help").stdout
    for command in ("text", "extract", "ingest", "serve", "watch", "reindex", "status"):
        assert command in out


def test_extract_prints_json_lines_that_validate(seeds):
    files = sorted(str(p) for p in seeds.glob("*.txt"))
    result = run_cli("extract", *files)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(files)
    for line, path in zip(lines, files):
        record = json.loads(line)
        assert record["source"]["path"] == path
        check_record(record, read(path).text)


@pytest.mark.realdocs
@pytest.mark.parametrize("path", real_files(), ids=lambda p: p.name)
def test_every_real_document_gives_a_valid_record_or_a_clear_error(path: Path):
    try:
        record, doc = extract_file(path)
    except ReadError as exc:
        assert exc.reason and "Traceback" not in exc.reason
        return
    assert record.to_dict() == dataclasses.asdict(record)  # the fast to_dict is asdict
    check_record(record.to_dict(), doc.text)
