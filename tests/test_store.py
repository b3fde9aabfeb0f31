"""The SQLite store: schema and migrations, ingest of real files, one transaction per document, search indexes."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from docx import Document

from vanban.migrations import MIGRATIONS
from vanban.record import Citation, DocumentInfo, Duty, Record, Source
from vanban.store import ingest_file, ingest_paths, open_db, status, store_record
from vanban.version import EXTRACTOR_VERSION


def write_docx(path, left: list[str], right: list[str], title: str, subject: str, body: list[str]) -> None:
    """A DOCX laid out like an official document: header table (issuer, Số | Quốc hiệu, date), title, body."""
    doc = Document()
    header = doc.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "\n".join(left)
    header.cell(0, 1).text = "\n".join(right)
    doc.add_paragraph(title)
    doc.add_paragraph(subject)
    for paragraph in body:
        doc.add_paragraph(paragraph)
    doc.save(path)


QUOC_HIEU = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def write_plan(path) -> None:
    """Kế hoạch 02/KH-UBND of Lạng Sơn, with a TỔ CHỨC THỰC HIỆN duty for Sở Nội vụ."""
    write_docx(
        path,
        ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", "Số: 02/KH-UBND"],
        QUOC_HIEU + ["Lạng Sơn, ngày 04 tháng 01 năm 2023"],
        "KẾ HOẠCH",
        "Cải cách hành chính tỉnh Lạng Sơn năm 2023",
        [
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách "
            "hành chính nhà nước giai đoạn 2021-2030;",
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính năm 2023 như sau:",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Sở Nội vụ",
            "- Tham mưu, giúp UBND tỉnh chỉ đạo triển khai thực hiện có hiệu quả kế hoạch này, "
            "báo cáo trước ngày 15/12/2023.",
            "Nơi nhận:",
            "- Bộ Nội vụ;",
            "- Lưu: VT.",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Đương Xuân Huyền",
        ],
    )


def write_report(path) -> None:
    """Báo cáo 15/BC-SNV of Lạng Sơn's Sở Nội vụ, citing Kế hoạch 02/KH-UBND."""
    write_docx(
        path,
        ["UBND TỈNH LẠNG SƠN", "SỞ NỘI VỤ", "Số: 15/BC-SNV"],
        QUOC_HIEU + ["Lạng Sơn, ngày 20 tháng 6 năm 2023"],
        "BÁO CÁO",
        "Kết quả thực hiện cải cách hành chính 6 tháng đầu năm 2023",
        [
            "Thực hiện Kế hoạch số 02/KH-UBND ngày 04/01/2023 của UBND tỉnh về cải cách hành chính tỉnh "
            "Lạng Sơn năm 2023, Sở Nội vụ báo cáo như sau:",
            "Các nhiệm vụ đã được triển khai đầy đủ.",
            "Nơi nhận:",
            "- UBND tỉnh;",
            "- Lưu: VT.",
            "GIÁM ĐỐC",
            "Nguyễn Văn An",
        ],
    )


def make_record(sha: str, symbol: str | None = None, **document) -> Record:
    """A record as extractors would return it, for tests that need exact citations and duties."""
    citations = document.pop("citations", [])
    duties = document.pop("duties", [])
    recipients = document.pop("recipients", [])
    return Record(
        source=Source(path=f"{sha}.docx", sha256=sha, format="docx", pages=1),
        document=DocumentInfo(symbol=symbol, **document),
        citations=citations,
        duties=duties,
        recipients=recipients,
        extractor_version=EXTRACTOR_VERSION,
    )


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "vanban.db")
    yield database
    database.close()


def test_open_db_creates_schema_wal_and_records_migrations(tmp_path):
    path = tmp_path / "sub" / "vanban.db"
    db = open_db(path)
    assert {
        "documents",
        "citations",
        "duties",
        "agencies",
        "recipients",
        "files",
        "errors",
        "documents_fts",
        "duties_fts",
        "documents_folded_fts",
        "duties_folded_fts",
    } <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    applied = [row[0] for row in db.execute("SELECT id FROM schema_migrations ORDER BY id")]
    assert applied == list(range(1, len(MIGRATIONS) + 1))
    db.close()
    again = open_db(path)  # reopening applies nothing twice
    assert again.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)
    again.close()


def test_every_foreign_key_is_indexed(db):
    for table in db.tables:
        indexed = {tuple(index.columns)[0] for index in table.indexes}
        for fk in table.foreign_keys:
            assert fk.column in indexed, f"{table.name}.{fk.column} has no index"
    fks = {(fk.table, fk.column, fk.other_table) for t in db.tables for fk in t.foreign_keys}
    assert ("citations", "cited_document_id", "documents") in fks
    assert ("citations", "citing_document_id", "documents") in fks
    assert ("duties", "agency_id", "agencies") in fks


def test_ingest_real_docx_then_unchanged_then_duplicate(db, tmp_path):
    plan = tmp_path / "02-KH-UBND.docx"
    write_plan(plan)
    first = ingest_file(db, plan)
    assert first.status == "ingested", first.reason
    row = db["documents"].get(first.document_id)
    assert row["format"] == "docx" and row["extractor_version"] == EXTRACTOR_VERSION
    assert "Sở Nội vụ" in row["text"] and row["sha256"] and '"source"' in row["record"]
    if row["symbol"]:  # the header extractor has landed
        assert (row["symbol"], row["issuer"], row["issued_date"]) == (
            "02/KH-UBND",
            "Ủy ban nhân dân tỉnh Lạng Sơn",
            "2023-01-04",
        )
        assert row["label"] == "02/KH-UBND" and row["issued_year"] == 2023

    assert ingest_file(db, plan).status == "unchanged"
    copy = tmp_path / "copy of plan.docx"
    shutil.copy(plan, copy)
    duplicate = ingest_file(db, copy)
    assert (duplicate.status, duplicate.document_id) == ("duplicate", first.document_id)
    assert db["documents"].count == 1
    log = [(r["status"], r["document_id"]) for r in db.query("SELECT * FROM files ORDER BY id")]
    assert log == [("ingested", first.document_id), ("duplicate", first.document_id)]


def test_unreadable_file_becomes_an_error_row(db, tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"this is not a pdf at all")
    outcome = ingest_file(db, bad)
    assert outcome.status == "failed" and "PDF" in outcome.reason
    error = next(db.query("SELECT * FROM errors"))
    assert error["path"] == str(bad) and error["sha256"] and error["reason"] == outcome.reason and error["time"]
    assert db["documents"].count == 0
    assert next(db.query("SELECT status FROM files"))["status"] == "failed"


def test_new_extractor_version_re_extracts_in_place(db, tmp_path):
    plan = tmp_path / "plan.docx"
    write_plan(plan)
    first = ingest_file(db, plan)
    duties = db["duties"].count
    db.execute("UPDATE documents SET extractor_version = 'old'")
    db.commit()
    again = ingest_file(db, plan)
    assert (again.status, again.document_id) == ("ingested", first.document_id)
    assert db["documents"].count == 1 and db["duties"].count == duties
    assert db["documents"].get(first.document_id)["extractor_version"] == EXTRACTOR_VERSION


def test_a_failing_write_leaves_no_half_record(db):
    store_record(db, make_record("a", "02/KH-UBND"), "text one")
    broken = make_record(
        "b",
        "03/KH-UBND",
        citations=[Citation("Kế hoạch", "02/KH-UBND")],
        duties=[Duty(agency="Sở Nội vụ", role="lead", task=None)],
    )  # task NOT NULL fails mid-write
    with pytest.raises(sqlite3.IntegrityError):
        store_record(db, broken, "text two")
    assert [r["sha256"] for r in db.query("SELECT sha256 FROM documents")] == ["a"]
    assert db["citations"].count == 0
    assert db.execute("SELECT count(*) FROM documents_folded_fts").fetchone()[0] == 1


def test_ingest_paths_walks_folders(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    write_plan(inbox / "plan.docx")
    write_report(inbox / "sub" / "report.docx")
    (inbox / "notes.xyz").write_text("not a document")
    (inbox / "~$plan.docx").write_bytes(b"word lock file")
    (inbox / "broken.docx").write_bytes(b"not a zip")
    shutil.copy(inbox / "plan.docx", inbox / "sub" / "plan again.docx")
    db_path = tmp_path / "data" / "vanban.db"
    report = ingest_paths([inbox], db_path, progress=False)
    assert (report.ingested, report.duplicates, report.unchanged) == (2, 1, 0)
    assert [p.rsplit("/", 1)[-1] for p, _ in report.failed] == ["broken.docx"]
    again = ingest_paths([inbox], db_path, progress=False)
    assert (again.ingested, again.unchanged) == (0, 2)

    counts = status(db_path, inbox=inbox)
    assert counts["documents"] == 2 and counts["errors"] == 2 and counts["failed_today"] == 2
    assert counts["ingested_today"] == 2 and counts["pending"] >= 4  # files still in the inbox (watcher rules)


def test_search_indexes_exact_and_folded(db):
    store_record(db, make_record("a", "01/TB-UBND", subject="Thông báo bàn giao tài sản"), "Về việc bàn giao tài sản.")
    store_record(
        db,
        make_record("b", "02/KH-UBND", subject="Cải cách hành chính năm 2023"),
        "Đẩy mạnh cải cách hành chính, điều hành.",
    )

    def exact(query):
        return [r[0] for r in db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", [query])]

    def folded(query):
        return [
            r[0]
            for r in db.execute("SELECT rowid FROM documents_folded_fts WHERE documents_folded_fts MATCH ?", [query])
        ]

    assert exact("ban") == [] and exact("bàn") == [1]
    assert exact('"cải cách hành chính"') == [2] and exact('"cai cach"') == []
    assert folded('"cai cach hanh chinh"') == [2] and folded("ban") == [1]
    assert folded("dieu") == [2]  # đ → d


def test_duties_agencies_and_recipients_are_stored(db):
    duties = [
        Duty("Sở Nội vụ", "lead", "Tham mưu thực hiện kế hoạch", "Quý II/2023", span=[10, 40]),
        Duty("Sở Tài chính", "support", "Bố trí kinh phí", None),
        Duty("Sở Nội vụ", "lead", "Báo cáo kết quả", "năm 2023"),
    ]
    doc_id = store_record(
        db,
        make_record(
            "a",
            "02/KH-UBND",
            issuer="Ủy ban nhân dân tỉnh Lạng Sơn",
            place="Lạng Sơn",
            issued_date="2023-01-04",
            duties=duties,
            recipients=["Bộ Nội vụ", "Sở Tài chính"],
        ),
        "x" * 50,
    )
    rows = list(
        db.query(
            "SELECT d.agency, d.deadline_date, d.span_start, a.canonical_name, a.locality "
            "FROM duties d JOIN agencies a ON a.id = d.agency_id ORDER BY d.position"
        )
    )
    assert [(r["agency"], r["deadline_date"], r["locality"]) for r in rows] == [
        ("Sở Nội vụ", "2023-06-30", "Lạng Sơn"),
        ("Sở Tài chính", None, "Lạng Sơn"),
        ("Sở Nội vụ", "2023-12-31", "Lạng Sơn"),
    ]
    assert rows[0]["span_start"] == 10 and db["agencies"].count == 2
    assert [
        r["name"] for r in db.query("SELECT name FROM recipients WHERE document_id = ? ORDER BY position", [doc_id])
    ] == ["Bộ Nội vụ", "Sở Tài chính"]
