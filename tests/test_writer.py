"""The batched writer stores exactly the rows that storing one file at a time stores, in the same order."""

from __future__ import annotations

import copy
import random
import shutil
import sqlite3
from pathlib import Path

import pytest
import synth
from test_store import write_plan, write_report

from vanban.batch import extract_many
from vanban.identity import file_sha256
from vanban.store import StoreWriter, ingest_file, ingest_paths, open_db, record_error, set_document_path

# Columns that say when a row was written, not what it holds.
WHEN = {"ingested_at", "time", "applied_at"}


def database_rows(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows in rowid order (without the clock columns), and every search index's terms with
    their document, column and offset (fts5vocab), so two databases compare by content."""
    conn = sqlite3.connect(path)
    try:
        tables = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
        virtual = [name for name, sql in tables if sql.upper().startswith("CREATE VIRTUAL TABLE")]
        shadows = {f"{name}_{part}" for name in virtual for part in ("data", "idx", "docsize", "config", "content")}
        rows = {}
        for name, _ in tables:
            if name in shadows or name in virtual:
                continue
            columns = [c[1] for c in conn.execute(f"PRAGMA table_info({name})") if c[1] not in WHEN]
            rows[name] = conn.execute(f"SELECT {', '.join(columns)} FROM {name} ORDER BY rowid").fetchall()
        for name in virtual:
            conn.execute(f"CREATE VIRTUAL TABLE temp.{name}_terms USING fts5vocab(main, {name}, 'instance')")
            rows[name] = conn.execute(f"SELECT * FROM temp.{name}_terms ORDER BY 1, 2, 3, 4").fetchall()
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        rows["triggers"] = triggers.fetchall()
        return rows
    finally:
        conn.close()


def assert_same_rows(first: Path, second: Path) -> None:
    one, two = database_rows(first), database_rows(second)
    assert one.keys() == two.keys()
    for table in one:
        assert one[table] == two[table], f"{table} differs"


def both_ways(tmp_path: Path, files: list[Path], batch: int) -> tuple[Path, Path]:
    """The files extracted once (in workers, as ingest does), then stored one transaction per file by
    ``ingest_file`` and in batches of ``batch`` by a ``StoreWriter``: the two databases' paths.

    The sequence holds what a run meets: each file's record or its failure, a copy of a stored file (a
    duplicate, no record), a file stored already (unchanged, no record) and one re-extracted (its record
    again: replaced in place).
    """
    outcomes = list(extract_many(files, workers=2, keep_text=True))
    assert any(o.error for o in outcomes) and sum(o.record is not None for o in outcomes) >= 4
    copy_of_first = tmp_path / "files" / f"copy of {files[0].name}"
    shutil.copyfile(files[0], copy_of_first)
    again = next(o for o in outcomes if o.record is not None)
    sequence = [(o.path, o.record, o.text, o.error) for o in outcomes]
    sequence += [(str(copy_of_first), None, None, None), (str(files[1]), None, None, None)]
    sequence += [(again.path, again.record, again.text, None)]

    per_file, batched = tmp_path / "per-file.db", tmp_path / "batched.db"
    db = open_db(per_file)
    for path, record, text, error in copy.deepcopy(sequence):
        if error is not None:
            record_error(db, path, error, sha256=file_sha256(path))
        else:
            ingest_file(db, path, record=record, text_doc=text)
    db.close()
    db = open_db(batched)
    outcomes_seen = []
    with StoreWriter(db, batch=batch) as writer:
        for path, record, text, error in copy.deepcopy(sequence):
            sha256 = file_sha256(path) if error is not None else None
            outcomes_seen += writer.add(path, sha256=sha256, record=record, text_doc=text, error=error)
        outcomes_seen += writer.flush()
    db.close()
    assert [path for path, _ in outcomes_seen] == [path for path, *_ in sequence]  # input order, every file
    statuses = [outcome.status for _, outcome in outcomes_seen]
    assert statuses[-3:] == ["duplicate", "unchanged", "ingested"]
    assert statuses.count("failed") == sum(1 for *_, error in sequence if error)
    return per_file, batched


@pytest.fixture
def generated(tmp_path) -> list[Path]:
    """Twelve generated documents in three provinces, each citing earlier ones of its own: written newest
    first, so a citation is stored before and after the document it names; a plan and the report citing it
    (Word); a PDF that is not one."""
    folder = tmp_path / "files"
    folder.mkdir()
    files = []
    for index in reversed(range(3 * synth.CLUSTER)):
        spec = synth.random_spec(random.Random(index), index)
        files.append(synth.render_docx(spec, folder / f"{synth.file_stem(spec, index)}.docx"))
    write_report(folder / "15-BC-SNV.docx")
    write_plan(folder / "02-KH-UBND.docx")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnot a PDF at all\n")
    files += [folder / "15-BC-SNV.docx", folder / "02-KH-UBND.docx", folder / "broken.pdf"]
    return files


@pytest.mark.parametrize("batch", [1, 3, 256])
def test_batches_store_the_rows_of_one_file_at_a_time(tmp_path, generated, batch):
    per_file, batched = both_ways(tmp_path, generated, batch)
    assert_same_rows(per_file, batched)
    conn = sqlite3.connect(batched)
    linked = conn.execute("SELECT count(*) FROM citations WHERE cited_document_id IS NOT NULL").fetchone()[0]
    conn.close()
    assert linked >= 4  # citations of documents stored after them were linked too


def test_real_documents_store_the_same_rows_in_batches(tmp_path, realdocs):
    """Real Word, legacy Word and text-layer PDFs of one office (they cite each other), and a bad file."""
    folder = tmp_path / "files"
    folder.mkdir()
    vbai = realdocs / "vbai"
    files = sorted(vbai.glob("*.docx")) + sorted(vbai.glob("*.doc"))
    files += [vbai / name for name in ("QĐ 2536 SÁP NHẬP ĐLS.pdf", "tỉnh Đoàn.pdf", "CV 1925.signed.signed.pdf")]
    (folder / "empty.docx").write_bytes(b"")
    files.append(folder / "empty.docx")
    per_file, batched = both_ways(tmp_path, files, batch=5)
    assert_same_rows(per_file, batched)


def test_ingest_paths_writes_what_the_files_are_one_by_one(tmp_path, generated):
    """``ingest_paths`` (workers, then the writer) stores what ``ingest_file`` stores over the same files in the
    order ingest takes them: every file, then each copy of a stored one."""
    folder = generated[0].parent
    shutil.copyfile(generated[0], folder / "zz copy.docx")
    report = ingest_paths([folder], tmp_path / "ingest.db", progress=False, workers=2)
    assert (report.ingested, report.duplicates, len(report.failed)) == (len(generated) - 1, 1, 1)
    db = open_db(tmp_path / "one-by-one.db")
    for path in sorted(folder.iterdir()):
        ingest_file(db, path)
    db.close()
    assert_same_rows(tmp_path / "ingest.db", tmp_path / "one-by-one.db")


def test_exact_search_indexes_match_their_tables_after_replacing_and_moving(tmp_path, generated):
    """The store writes documents_fts and duties_fts itself (no triggers): after documents are stored,
    re-extracted with other text and moved, each index holds exactly what rebuilding it from its table gives."""
    db = open_db(tmp_path / "vanban.db")
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0] == 0
    outcomes = [o for o in extract_many(generated, workers=2, keep_text=True) if o.record is not None]
    with StoreWriter(db, batch=4) as writer:
        for outcome in outcomes:
            writer.add(outcome.path, record=outcome.record, text_doc=outcome.text)
        changed = copy.deepcopy(outcomes[0].record)
        changed.document.subject = "Về việc bàn giao tài sản công"
        changed.duties = changed.duties[:1]
        writer.add(outcomes[0].path, record=changed, text_doc="Biên bản bàn giao tài sản công")
    document_id = db.execute("SELECT id FROM documents WHERE path = ?", [outcomes[1].path]).fetchone()[0]
    set_document_path(db, document_id, tmp_path / "archive" / "moved.docx")
    for index in ("documents_fts", "duties_fts"):
        db.execute(f"INSERT INTO {index} ({index}) VALUES ('integrity-check')")  # raises when they differ
    before = database_rows(tmp_path / "vanban.db")
    with db.atomic():
        for index in ("documents_fts", "duties_fts"):
            db.execute(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")
    after = database_rows(tmp_path / "vanban.db")
    db.close()
    assert before["documents_fts"] == after["documents_fts"] and before["duties_fts"] == after["duties_fts"]
    found = sqlite3.connect(tmp_path / "vanban.db").execute(
        "SELECT documents.path FROM documents_fts JOIN documents ON documents.id = documents_fts.rowid "
        "WHERE documents_fts MATCH '\"biên bản bàn giao tài sản công\"'"
    )
    assert found.fetchall() == [(outcomes[0].path,)]
