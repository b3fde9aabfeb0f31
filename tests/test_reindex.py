"""Re-indexing: only changed files are re-extracted; ids and links survive a forced re-extraction."""

from __future__ import annotations

import random
import shutil

from synth import random_spec, render_docx, render_pdf

from vanban.reindexing import reindex_db
from vanban.store import ingest_paths, open_db


def make_corpus(folder, n=6):
    rng = random.Random(7)
    folder.mkdir()
    for i in range(n):
        spec = random_spec(rng, i)
        render = render_pdf if i % 2 else render_docx
        render(spec, folder / f"doc{i}.{'pdf' if i % 2 else 'docx'}")
    return folder


def counts(db):
    return {t: db[t].count for t in ("documents", "citations", "duties", "recipients")}


def test_noop_reindex_touches_nothing_and_changed_files_are_reextracted(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    db = open_db(tmp_path / "v.db")
    first = reindex_db(db, [corpus], workers=2, progress=False)
    assert first.extracted == 6 and not first.failed
    before = counts(db)

    again = reindex_db(db, workers=2, progress=False)
    assert (again.checked, again.unchanged, again.extracted) == (6, 6, 0)
    assert counts(db) == before

    # Same bytes, new mtime: hashed again, still unchanged.
    (corpus / "doc0.docx").touch()
    assert reindex_db(db, workers=2, progress=False).extracted == 0

    # New content at a known path: re-extracted.
    render_docx(random_spec(random.Random(99), 50), corpus / "doc0.docx")
    assert reindex_db(db, workers=2, progress=False).extracted == 1

    # Bytes already stored under another name: nothing new to extract.
    shutil.copyfile(corpus / "doc2.docx", corpus / "doc4.docx")
    assert reindex_db(db, workers=2, progress=False).extracted == 0


def test_forced_reindex_keeps_document_ids_and_citation_links(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", n=8)
    db_path = tmp_path / "v.db"
    report = ingest_paths([corpus], db_path, progress=False)
    assert report.ingested == 8
    db = open_db(db_path)
    ids = dict(db.execute("SELECT sha256, id FROM documents").fetchall())
    links = db.execute("SELECT citing_document_id, symbol, cited_document_id FROM citations ORDER BY 1, 2").fetchall()

    forced = reindex_db(db, workers=2, force=True, progress=False)
    assert forced.extracted == 8 and not forced.failed
    assert dict(db.execute("SELECT sha256, id FROM documents").fetchall()) == ids
    assert (
        db.execute("SELECT citing_document_id, symbol, cited_document_id FROM citations ORDER BY 1, 2").fetchall()
        == links
    )


def test_a_bad_file_is_reported_and_the_rest_indexed(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", n=2)
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\n")
    db = open_db(tmp_path / "v.db")
    report = reindex_db(db, [corpus], workers=2, progress=False)
    assert report.extracted == 2
    assert [path for path, _ in report.failed] == [str(corpus / "broken.pdf")]
    assert db["errors"].count == 1
