"""The Datasette publication: a real Datasette on a real database, every canned query, the document page, search."""

from __future__ import annotations

import pytest
from test_store import make_record

from vanban.record import Citation, Duty
from vanban.serve import DATABASE_NAME, SETTINGS, load_metadata, make_datasette
from vanban.store import open_db, store_record

PLAN_TEXT = (
    "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\nKẾ HOẠCH\nCải cách hành chính tỉnh Lạng Sơn năm 2023\n"
    "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\n"
    "1. Sở Nội vụ chủ trì tham mưu triển khai kế hoạch, báo cáo trước ngày 15/12/2023.\n"
    "2. Sở Tài chính bố trí kinh phí thực hiện trong Quý II/2023.\n"
)
REPORT_TEXT = (
    "SỞ NỘI VỤ TỈNH LẠNG SƠN\nBÁO CÁO\n"
    "Thực hiện Kế hoạch số 02/KH-UBND ngày 04/01/2023 của UBND tỉnh <script>alert('x')</script>,\n"
    "Sở Nội vụ báo cáo kết quả; đề nghị bàn giao hồ sơ cho Sở Nội vụ lưu trữ trước ngày 30/6/2023.\n"
)


def span(text: str, phrase: str) -> list[int]:
    start = text.index(phrase)
    return [start, start + len(phrase)]


@pytest.fixture
def db_path(tmp_path):
    """Three documents: a Lạng Sơn plan, a report citing it, a Lâm Đồng plan with duties for its own Sở Nội vụ."""
    path = tmp_path / "corpus.db"  # not vanban.db: the database is published as "vanban" whatever the file
    db = open_db(path)
    plan = make_record(
        "plan",
        "02/KH-UBND",
        doc_type="Kế hoạch",
        issuer="Ủy ban nhân dân tỉnh Lạng Sơn",
        place="Lạng Sơn",
        issued_date="2023-01-04",
        subject="Cải cách hành chính tỉnh Lạng Sơn năm 2023",
        citations=[
            Citation(
                "Nghị quyết",
                "76/NQ-CP",
                issued_date="2021-07-15",
                issuer="Chính phủ",
                role="basis",
                spans=[span(PLAN_TEXT, "Nghị quyết số 76/NQ-CP")],
            )
        ],
        duties=[
            Duty(
                "Sở Nội vụ",
                "lead",
                "tham mưu triển khai kế hoạch",
                "2023-12-15",
                span=span(PLAN_TEXT, "Sở Nội vụ chủ trì tham mưu triển khai kế hoạch"),
            ),
            Duty(
                "Sở Tài chính",
                "lead",
                "bố trí kinh phí thực hiện",
                "Quý II/2023",
                span=span(PLAN_TEXT, "Sở Tài chính bố trí kinh phí thực hiện"),
            ),
        ],
    )
    report = make_record(
        "report",
        "15/BC-SNV",
        doc_type="Báo cáo",
        issuer="Sở Nội vụ tỉnh Lạng Sơn",
        place="Lạng Sơn",
        issued_date="2023-06-20",
        subject="Kết quả cải cách hành chính 6 tháng đầu năm",
        citations=[
            Citation(
                "Kế hoạch",
                "02/KH-UBND",
                issued_date="2023-01-04",
                issuer="UBND tỉnh",
                role="basis",
                spans=[span(REPORT_TEXT, "Kế hoạch số 02/KH-UBND")],
            ),
            Citation("Nghị quyết", "76/NQ-CP", issued_date="2021-07-15", issuer="Chính phủ"),
        ],
        duties=[
            Duty(
                "Sở Nội vụ",
                "lead",
                "lưu trữ hồ sơ",
                "trước ngày 30/6/2023",
                span=span(REPORT_TEXT, "bàn giao hồ sơ cho Sở Nội vụ lưu trữ"),
            )
        ],
    )
    other = make_record(
        "other",
        "02/KH-UBND",
        doc_type="Kế hoạch",
        issuer="Ủy ban nhân dân tỉnh Lâm Đồng",
        place="Lâm Đồng",
        issued_date="2024-01-05",
        subject="Chuyển đổi số",
        duties=[Duty("Sở Nội vụ", "lead", "rà soát thủ tục", "năm 2024")],
    )
    ids = [
        store_record(db, record, text)
        for record, text in ((plan, PLAN_TEXT), (report, REPORT_TEXT), (other, "Kế hoạch chuyển đổi số"))
    ]
    db.execute(
        "INSERT INTO files (path, sha256, status, document_id, time, message) "
        "VALUES ('inbox/plan.docx', 'plan', 'ingested', ?, '2024-02-01T08:00:00+00:00', NULL)",
        [ids[0]],
    )
    db.execute(
        "INSERT INTO errors (path, sha256, reason, time) "
        "VALUES ('inbox/scan.pdf', 'bad', 'encrypted PDF (needs a password)', '2024-02-01T09:00:00+00:00')"
    )
    db.commit()
    db.close()
    return path


async def get_json(ds, path: str) -> list[dict]:
    response = await ds.client.get(path + ("&" if "?" in path else "?") + "_shape=array")
    assert response.status_code == 200, response.text[:500]
    return response.json()


def test_metadata_declares_every_canned_query():
    queries = load_metadata()["databases"][DATABASE_NAME]["queries"]
    assert {
        "search",
        "search_duties",
        "citing_symbol",
        "document_citations",
        "agency_duties",
        "missing_cited",
        "recent_ingests",
        "recent_failures",
    } <= set(queries)
    assert SETTINGS["allow_download"] is False and SETTINGS["sql_time_limit_ms"] > 0


@pytest.mark.asyncio
async def test_pages_render(db_path):
    ds = make_datasette(db_path)
    for path in [
        "/",
        "/vanban",
        "/vanban/documents",
        "/vanban/citations",
        "/vanban/duties",
        "/vanban/agencies",
        "/vanban/files",
        "/vanban/errors",
        "/vanban/documents?_facet=doc_type",
        "/vanban/search",
        "/vanban/agency_duties",
        "/vanban-static/vanban.css",
    ]:
        response = await ds.client.get(path)
        assert response.status_code == 200, path
    settings = (await ds.client.get("/-/settings.json")).json()
    assert settings["allow_download"] is False and settings["max_returned_rows"] == SETTINGS["max_returned_rows"]
    assert (await ds.client.get("/vanban.db")).status_code in (403, 404)


@pytest.mark.asyncio
async def test_citing_symbol(db_path):
    ds = make_datasette(db_path)
    rows = await get_json(ds, "/vanban/citing_symbol.json?symbol=02/kh-ubnd")
    assert [(r["symbol"], r["cited_issuer"], r["cited_document_id"]) for r in rows] == [("15/BC-SNV", "UBND tỉnh", 1)]
    rows = await get_json(ds, "/vanban/citing_symbol.json?symbol=76/NQ-CP")
    assert sorted(r["symbol"] for r in rows) == ["02/KH-UBND", "15/BC-SNV"]


@pytest.mark.asyncio
async def test_document_citations_both_ways(db_path):
    ds = make_datasette(db_path)
    rows = await get_json(ds, "/vanban/document_citations.json?id=1")
    assert [(r["direction"], r["symbol"], r["document_id"]) for r in rows] == [
        ("cites", "76/NQ-CP", None),
        ("cited by", "15/BC-SNV", 2),
    ]
    rows = await get_json(ds, "/vanban/document_citations.json?id=2")
    assert {(r["direction"], r["symbol"], r["document_id"]) for r in rows} == {
        ("cites", "02/KH-UBND", 1),
        ("cites", "76/NQ-CP", None),
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        # every Sở Nội vụ duty, any province; marks and case optional
        ("agency=Sở+Nội+vụ&locality=&from=&to=", ["2023-06-30", "2023-12-15", "2024-12-31"]),
        ("agency=so+noi+vu&locality=&from=&to=", ["2023-06-30", "2023-12-15", "2024-12-31"]),
        # one province
        ("agency=Sở+Nội+vụ&locality=Lạng+Sơn&from=&to=", ["2023-06-30", "2023-12-15"]),
        # due in the second half of 2023
        ("agency=Sở+Nội+vụ&locality=&from=2023-07-01&to=2023-12-31", ["2023-12-15"]),
        ("agency=Sở+Tài+chính&locality=&from=&to=", ["2023-06-30"]),
        ("agency=Bộ+Nội+vụ&locality=&from=&to=", []),
    ],
)
@pytest.mark.asyncio
async def test_agency_duties(db_path, query, expected):
    ds = make_datasette(db_path)
    rows = await get_json(ds, "/vanban/agency_duties.json?" + query)
    assert [r["deadline_date"] for r in rows] == expected
    assert all(r["agency"].startswith(("Sở Nội vụ", "Sở Tài chính")) for r in rows)


@pytest.mark.asyncio
async def test_missing_cited(db_path):
    ds = make_datasette(db_path)
    rows = await get_json(ds, "/vanban/missing_cited.json")
    assert [(r["symbol"], r["citing_documents"]) for r in rows] == [("76/NQ-CP", 2)]


@pytest.mark.asyncio
async def test_recent_ingests_and_failures(db_path):
    ds = make_datasette(db_path)
    ingests = await get_json(ds, "/vanban/recent_ingests.json")
    assert [(r["status"], r["symbol"]) for r in ingests] == [("ingested", "02/KH-UBND")]
    failures = await get_json(ds, "/vanban/recent_failures.json")
    assert [(r["path"], r["reason"]) for r in failures] == [("inbox/scan.pdf", "encrypted PDF (needs a password)")]


@pytest.mark.asyncio
async def test_search_with_and_without_tone_marks(db_path):
    ds = make_datasette(db_path)

    async def exact(q: str) -> list[int]:
        return [r["id"] for r in await get_json(ds, f"/vanban/documents.json?_search={q}")]

    assert await exact("bàn") == [2]
    assert await exact("ban") == [1]  # "ỦY BAN" of document 1; the exact index keeps marks: "ban" is not "bàn"
    folded = await get_json(ds, "/vanban/search.json?q=cai+cach+hanh+chinh")
    assert sorted(r["document_id"] for r in folded) == [1, 2]
    assert any("Cải cách hành chính" in (r["passage"] or "") for r in folded)
    assert [r["document_id"] for r in await get_json(ds, "/vanban/search.json?q=chuyen+doi+so")] == [3]
    assert await get_json(ds, "/vanban/search.json?q=02/KH-UBND+\"") is not None  # FTS syntax is harmless
    duties = await get_json(ds, "/vanban/search_duties.json?q=bo+tri+kinh+phi")
    assert [r["agency"] for r in duties] == ["Sở Tài chính"]


@pytest.mark.asyncio
async def test_document_page_highlights_and_links(db_path):
    ds = make_datasette(db_path)
    page = (await ds.client.get("/vanban/documents/2")).text
    # the citation of 02/KH-UBND is a link to document 1, inside the text
    assert '<a class="vb-cite" id="cite-' in page and 'href="/vanban/documents/1"' in page
    assert 'class="vb-cites-link" href="/vanban/documents/1"' in page
    # the duty is marked; untrusted text is escaped
    assert 'class="vb-duty vb-lead"' in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(" in page
    # the citation picture: inline SVG, missing documents dashed
    assert "<svg" in page and "vb-node vb-missing" in page
    cited = (await ds.client.get("/vanban/documents/1")).text
    assert 'class="vb-cited-by-link" href="/vanban/documents/2"' in cited
    assert "76/NQ-CP" in cited and "not in the corpus" in cited


@pytest.mark.asyncio
async def test_foreign_keys_show_labels(db_path):
    ds = make_datasette(db_path)
    rows = (await ds.client.get("/vanban/citations.json?_labels=on&_shape=array")).json()
    linked = [r for r in rows if r["cited_document_id"]]
    assert linked and linked[0]["cited_document_id"]["label"] == "02/KH-UBND"


@pytest.mark.asyncio
async def test_rows_written_while_served_appear(db_path):
    ds = make_datasette(db_path)
    before = await get_json(ds, "/vanban/documents.json?_col=symbol")
    db = open_db(db_path)
    store_record(db, make_record("new", "99/TB-UBND", doc_type="Thông báo"), "Thông báo mới")
    db.close()
    after = await get_json(ds, "/vanban/documents.json?_col=symbol")
    assert len(after) == len(before) + 1
