"""Citation resolution: a citation links to the corpus document it names, or to none when it can't be told."""

from __future__ import annotations

import pytest
from test_store import make_record, write_plan, write_report

from vanban.record import Citation
from vanban.resolve import Issuer, parse_issuer, symbol_key
from vanban.store import ingest_file, open_db, store_record


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "vanban.db")
    yield database
    database.close()


def link(db, citing_id: int, symbol: str) -> int | None:
    row = db.execute(
        "SELECT cited_document_id FROM citations WHERE citing_document_id = ? AND symbol = ?", [citing_id, symbol]
    ).fetchone()
    assert row is not None, f"no citation of {symbol} stored for document {citing_id}"
    return row[0]


@pytest.mark.parametrize(
    "symbol, key",
    [
        ("02/KH-UBND", "02/KH-UBND"),
        ("02 /kh-ubnd", "02/KH-UBND"),
        ("45/2020/NĐ-CP", "45/2020/ND-CP"),
        ("60–NQ/TU", "60-NQ/TU"),
        (None, None),
    ],
)
def test_symbol_key(symbol, key):
    assert symbol_key(symbol) == key


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Ủy ban nhân dân tỉnh Lạng Sơn", Issuer("uy ban nhan dan", "lang son", False)),
        ("UBND TỈNH LẠNG SƠN", Issuer("uy ban nhan dan", "lang son", False)),
        ("Uỷ ban nhân dân tỉnh", Issuer("uy ban nhan dan", None, True)),
        ("UBND tỉnh", Issuer("uy ban nhan dan", None, True)),
        ("Sở Nội vụ", Issuer("so noi vu", None, True)),
        ("Sở Nội vụ tỉnh Lâm Đồng", Issuer("so noi vu", "lam dong", False)),
        ("UBND TP. Hà Nội", Issuer("uy ban nhan dan", "ha noi", False)),
        ("Chính phủ", Issuer("chinh phu", None, False)),
        ("Bộ Lao động - Thương binh và Xã hội", Issuer("bo lao dong - thuong binh va xa hoi", None, False)),
        (
            "Hội đồng thẩm định, đánh giá Chỉ số cải cách hành chính tỉnh Lâm Đồng",
            Issuer("hoi dong tham dinh danh gia chi so cai cach hanh chinh", "lam dong", False),
        ),
    ],
)
def test_parse_issuer(name, expected):
    assert parse_issuer(name) == expected


PLAN = dict(doc_type="Kế hoạch", issuer="Ủy ban nhân dân tỉnh Lạng Sơn", place="Lạng Sơn", issued_date="2023-01-04")
REPORT = dict(
    doc_type="Báo cáo",
    issuer="Sở Nội vụ tỉnh Lạng Sơn",
    parent_issuer="Ủy ban nhân dân tỉnh Lạng Sơn",
    place="Lạng Sơn",
    issued_date="2023-06-20",
)
CITES_PLAN = Citation("Kế hoạch", "02/KH-UBND", number="02", issued_date="2023-01-04", issuer="UBND tỉnh", role="basis")


@pytest.mark.parametrize("plan_first", [True, False])
def test_link_in_both_arrival_orders(db, plan_first):
    plan = make_record("plan", "02/KH-UBND", **PLAN)
    report = make_record("report", "15/BC-SNV", citations=[CITES_PLAN], **REPORT)
    order = [plan, report] if plan_first else [report, plan]
    ids = {record.source.sha256: store_record(db, record, "text") for record in order}
    assert link(db, ids["report"], "02/KH-UBND") == ids["plan"]


@pytest.mark.parametrize("plan_first", [True, False])
def test_link_end_to_end_on_docx_files(db, tmp_path, plan_first):
    plan, report = tmp_path / "plan.docx", tmp_path / "report.docx"
    write_plan(plan)
    write_report(report)
    order = [plan, report] if plan_first else [report, plan]
    ids = {path.name: ingest_file(db, path).document_id for path in order}
    rows = db.execute(
        "SELECT symbol, cited_document_id FROM citations WHERE citing_document_id = ?", [ids["report.docx"]]
    ).fetchall()
    assert ("02/KH-UBND", ids["plan.docx"]) in rows


def two_provinces(db) -> dict[str, int]:
    """Kế hoạch 02/KH-UBND of Lạng Sơn (2023) and of Lâm Đồng (2024)."""
    return {
        "lang_son": store_record(db, make_record("ls", "02/KH-UBND", **PLAN), "x"),
        "lam_dong": store_record(
            db,
            make_record(
                "ld",
                "02/KH-UBND",
                doc_type="Kế hoạch",
                issuer="Ủy ban nhân dân tỉnh Lâm Đồng",
                place="Lâm Đồng",
                issued_date="2024-01-05",
            ),
            "y",
        ),
    }


@pytest.mark.parametrize(
    "citing, citation, expected",
    [
        # "của UBND tỉnh" in a Lạng Sơn document is Lạng Sơn's UBND
        (REPORT, Citation("Kế hoạch", "02/KH-UBND", issuer="UBND tỉnh"), "lang_son"),
        # the same words in a Lâm Đồng document
        (
            dict(issuer="Sở Nội vụ tỉnh Lâm Đồng", place="Lâm Đồng"),
            Citation("Kế hoạch", "02/KH-UBND", issuer="Ủy ban nhân dân tỉnh"),
            "lam_dong",
        ),
        # a named province, cited from a central body
        (dict(issuer="Bộ Nội vụ"), Citation("Kế hoạch", "02/KH-UBND", issuer="UBND tỉnh Lâm Đồng"), "lam_dong"),
        # the date alone tells them apart
        (dict(issuer="Bộ Nội vụ"), Citation("Kế hoạch", "02/KH-UBND", issued_date="2023-01-04"), "lang_son"),
        # nothing to go on: symbol only, from a body without a province
        (dict(issuer="Bộ Nội vụ"), Citation("Kế hoạch", "02/KH-UBND"), None),
        # "UBND tỉnh" from a body without a province: ambiguous
        (dict(issuer="Bộ Nội vụ"), Citation("Kế hoạch", "02/KH-UBND", issuer="UBND tỉnh"), None),
        # a third province: the corpus does not hold its plan
        (
            dict(issuer="Sở Nội vụ tỉnh Cao Bằng", place="Cao Bằng"),
            Citation("Kế hoạch", "02/KH-UBND", issuer="UBND tỉnh"),
            None,
        ),
        # Lạng Sơn's issuer but another date: a plan of another year, not in the corpus
        (REPORT, Citation("Kế hoạch", "02/KH-UBND", issuer="UBND tỉnh", issued_date="2022-01-10"), None),
        # another type with the same symbol is another document
        (REPORT, Citation("Quyết định", "02/KH-UBND", issuer="UBND tỉnh"), None),
    ],
)
def test_two_provinces_same_symbol(db, citing, citation, expected):
    ids = two_provinces(db)
    citing_id = store_record(db, make_record("citing", "1/BC-X", citations=[citation], **citing), "z")
    assert link(db, citing_id, "02/KH-UBND") == (ids[expected] if expected else None)


def test_later_arrival_makes_a_unique_link_ambiguous(db):
    """Linked to Lạng Sơn's only 02/KH-UBND; a second one from Lạng Sơn (another year) arrives: no longer sure."""
    store_record(db, make_record("ls", "02/KH-UBND", **PLAN), "x")
    citing = store_record(
        db,
        make_record("r", "15/BC-SNV", citations=[Citation("Kế hoạch", "02/KH-UBND", issuer="UBND tỉnh")], **REPORT),
        "z",
    )
    assert link(db, citing, "02/KH-UBND") is not None
    store_record(db, make_record("ls2", "02/KH-UBND", **dict(PLAN, issued_date="2024-01-03")), "w")
    assert link(db, citing, "02/KH-UBND") is None


def test_national_symbol_links_without_issuer(db):
    decree = store_record(
        db, make_record("nd", "30/2020/NĐ-CP", doc_type="Nghị định", issuer="Chính phủ", issued_date="2020-03-05"), "x"
    )
    citing = store_record(
        db, make_record("c", "1/KH-UBND", citations=[Citation("Nghị định", "30/2020/ND-CP")], **PLAN), "y"
    )
    assert link(db, citing, "30/2020/ND-CP") == decree


def test_same_document_from_two_files_links_to_the_first(db):
    first = store_record(db, make_record("pdf", "02/KH-UBND", **PLAN), "x")
    store_record(db, make_record("docx", "02/KH-UBND", **PLAN), "x")
    citing = store_record(db, make_record("r", "15/BC-SNV", citations=[CITES_PLAN], **REPORT), "z")
    assert link(db, citing, "02/KH-UBND") == first


def test_a_document_never_cites_itself(db):
    doc = store_record(
        db,
        make_record("a", "02/KH-UBND", citations=[Citation("Kế hoạch", "02/KH-UBND", issuer="UBND tỉnh")], **PLAN),
        "x",
    )
    assert link(db, doc, "02/KH-UBND") is None
