"""The Datasette publication: a real Datasette on a real database, every canned query, the document page, search."""

from __future__ import annotations

import json

import pytest
from test_store import make_record

from vanban.publish import DATABASE_NAME, SETTINGS, load_metadata, make_datasette
from vanban.record import Citation, Duty
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
    assert "Liên kết từ các bảng khác" in cited and "của bảng Trích dẫn" in cited  # cited by: the citations table
    assert 'class="vb-cited-by-link" href="/vanban/documents/2"' in cited
    assert "76/NQ-CP" in cited and "chưa có trong kho" in cited


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


# ---------------------------------------------------------------- dates typed either way


@pytest.mark.parametrize(
    "typed_from, typed_to, expected",
    [
        ("2023-07-01", "2023-12-31", ["2023-12-15"]),
        ("01/07/2023", "31/12/2023", ["2023-12-15"]),  # as offices write dates
        ("1/7/2023", "31.12.2023", ["2023-12-15"]),
        ("07/2023", "12/2023", ["2023-12-15"]),  # a month
        ("2024", "", ["2024-12-31"]),  # a year
        ("", "2023", ["2023-06-30", "2023-12-15"]),
    ],
)
@pytest.mark.asyncio
async def test_date_parameters_accept_day_first_and_iso(db_path, typed_from, typed_to, expected):
    ds = make_datasette(db_path)
    rows = await get_json(
        ds, "/vanban/agency_duties.json?agency=Sở+Nội+vụ&locality=&from=" + typed_from + "&to=" + typed_to
    )
    assert [r["deadline_date"] for r in rows] == expected


@pytest.mark.parametrize("typed", ["hôm nay", "2023-13-01", "31/02/2023", "01/01/23", "1.1.2023.5", "2023/01/01"])
@pytest.mark.asyncio
async def test_a_date_that_is_not_a_date_is_refused_with_a_message(db_path, typed):
    ds = make_datasette(db_path)
    response = await ds.client.get("/vanban/agency_duties.json", params={"agency": "Sở Nội vụ", "from": typed})
    assert response.status_code == 400
    assert f"«{typed}»" in response.json()["error"] and "ngày/tháng/năm" in response.json()["error"]
    page = (await ds.client.get("/vanban/agency_duties", params={"agency": "Sở Nội vụ", "from": typed})).text
    assert "không phải là ngày" in page and "31/12/2025" in page
    assert "tham mưu triển khai kế hoạch" not in page  # no rows, never every year's


# ---------------------------------------------------------------- SQL functions cannot outrun the time limit


@pytest.mark.asyncio
async def test_a_huge_string_is_never_built_nor_folded(db_path):
    """The query of issue 20 ran 175 s and grew the server past 800 MB. SQLite's length limit on the published
    connection stops printf at 50 MB (it gives NULL, and nothing reaches vanban_fold), so memory stays flat."""
    import resource

    ds = make_datasette(db_path)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB
    sql = "select length(vanban_fold(printf('%.*c', 200000000, 'á'))) as n"
    response = await ds.client.get("/vanban.json", params={"sql": sql, "_shape": "array"})
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert response.status_code == 400 or response.json() == [{"n": None}]
    assert grown_mib < 200


@pytest.mark.parametrize(
    "sql",
    [
        "select length(vanban_fold(printf('%.*c', 3000000, 'a')))",
        "select vanban_snippet(printf('%.*c', 3000000, 'a'), 'a')",
        "select vanban_fts_query(printf('%.*c', 3000000, 'a'))",
        "select vanban_key(printf('%.*c', 3000000, 'a'))",
        "select vanban_date(printf('%.*c', 3000000, '1'))",
        "select vanban_locality(printf('%.*c', 3000000, 'a'))",
        "select vanban_symbol_key(printf('%.*c', 3000000, 'a'))",
        "select vanban_search_exact(printf('%.*c', 3000000, 'a'))",
    ],
)
@pytest.mark.asyncio
async def test_plugin_functions_refuse_long_input_with_an_error(db_path, sql):
    ds = make_datasette(db_path)
    response = await ds.client.get("/vanban.json", params={"sql": sql, "_shape": "array"})
    assert response.status_code == 400
    assert "user-defined function raised exception" in response.text


@pytest.mark.asyncio
async def test_plugin_functions_take_ordinary_input(db_path):
    ds = make_datasette(db_path)
    sql = (
        "select vanban_fold('Cải cách') as f, vanban_key('SỞ  NỘI VỤ') as k, vanban_date('31/12/2025') as d, "
        "vanban_locality('tỉnh Lâm Đồng') as l, vanban_search_exact('bàn') as e"
    )
    [row] = await get_json(ds, "/vanban.json?sql=" + sql)
    assert row == {"f": "cai cach", "k": "so noi vu", "d": "2025-12-31", "l": "Lâm Đồng", "e": 1}


# ---------------------------------------------------------------- values in one spelling, warnings as data

MINISTRY_TEXT = "BỘ NỘI VỤ\nCÔNG VĂN\nĐề nghị các tỉnh báo cáo định kỳ hằng năm; Ủy ban nhân dân cấp tỉnh tổng hợp."


@pytest.fixture
def values_db(tmp_path):
    """A ministry's letter to every province, a Lâm Đồng plan naming its Sở Nội vụ two ways, citations of one
    decree with and without its date, and a scan whose number came from the file name."""
    path = tmp_path / "values.db"
    db = open_db(path)
    ministry = make_record(
        "ministry",
        "4625/BNV-CCHC",
        doc_type="Công văn",
        issuer="Bộ Nội vụ",
        place="Hà Nội",
        issued_date="2025-09-10",
        duties=[
            Duty("Các tỉnh", "lead", "báo cáo kết quả cải cách hành chính", None, recurrence="Định kỳ"),
            Duty("Ủy ban nhân dân cấp tỉnh", "lead", "tổng hợp báo cáo", None, recurrence="hàng năm"),
        ],
        citations=[Citation("Nghị định", "126/2024/NĐ-CP", number="126", year=2024, issued_date="2024-10-08")],
    )
    plan = make_record(
        "plan-ld",
        "12/KH-UBND",
        doc_type="Kế hoạch",
        issuer="Ủy ban nhân dân tỉnh Lâm Đồng",
        place="Lâm Đồng",
        issued_date="2025-12-01",
        duties=[
            Duty("Sở Nội vụ", "lead", "theo dõi, đôn đốc", None, recurrence="định kỳ"),
            Duty("Sở Nội vụ tỉnh Lâm Đồng", "support", "tổng hợp kết quả", None, recurrence="hằng năm"),
        ],
        citations=[Citation("Nghị định", "126/2024/NĐ-CP", number="126", year=2024)],
    )
    plan.source.warnings.append("number 12 written by hand, unreadable by OCR (1Z, 12): taken from the file name")
    plan.source.ocr, plan.source.ocr_confidence = True, 72.5
    store_record(db, ministry, MINISTRY_TEXT)
    store_record(db, plan, "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: 12/KH-UBND\nKẾ HOẠCH")
    db.close()
    return path


@pytest.mark.asyncio
async def test_nationwide_bodies_have_no_locality_and_one_spelling_per_place(values_db):
    ds = make_datasette(values_db)
    agencies = await get_json(ds, "/vanban/agencies.json?_sort=id")
    assert {(a["canonical_name"], a["locality"]) for a in agencies} == {
        ("Các tỉnh", None),
        ("Ủy ban nhân dân cấp tỉnh", None),
        ("Sở Nội vụ", "Lâm Đồng"),
        ("Sở Nội vụ tỉnh Lâm Đồng", "Lâm Đồng"),
    }
    for typed in ("Lâm Đồng", "tỉnh Lâm Đồng", "lam dong"):
        rows = await get_json(ds, f"/vanban/agency_duties.json?agency=Sở+Nội+vụ&locality={typed}&from=&to=")
        assert [r["task"] for r in rows] == ["theo dõi, đôn đốc"]


@pytest.mark.asyncio
async def test_recurrence_is_stored_in_one_spelling_and_printed_in_the_record(values_db):
    ds = make_datasette(values_db)
    duties = await get_json(ds, "/vanban/duties.json?_sort=id")
    assert [d["recurrence"] for d in duties] == ["định kỳ", "hằng năm", "định kỳ", "hằng năm"]
    facet = (await ds.client.get("/vanban/duties.json?_facet=recurrence")).json()["facet_results"]["recurrence"]
    assert sorted((v["value"], v["count"]) for v in facet["results"]) == [("hằng năm", 2), ("định kỳ", 2)]
    [record] = await get_json(ds, "/vanban.json?sql=select record from documents where sha256 = 'ministry'")
    assert [d["recurrence"] for d in json.loads(record["record"])["duties"]] == ["Định kỳ", "hàng năm"]


@pytest.mark.asyncio
async def test_missing_cited_lists_a_document_once(values_db):
    ds = make_datasette(values_db)
    rows = await get_json(ds, "/vanban/missing_cited.json")
    assert [(r["symbol"], r["issued_date"], r["citing_documents"]) for r in rows] == [
        ("126/2024/NĐ-CP", "2024-10-08", 2)
    ]


@pytest.mark.asyncio
async def test_warnings_are_a_column_a_facet_and_a_flag(values_db):
    ds = make_datasette(values_db)
    rows = await get_json(ds, "/vanban/documents.json?_col=warnings&_sort=id")
    assert [json.loads(r["warnings"]) if r["warnings"] else None for r in rows] == [
        None,
        ["số lấy từ tên tệp", "OCR độ tin cậy thấp"],
    ]
    facet = (await ds.client.get("/vanban/documents.json")).json()["facet_results"]["warnings"]
    assert {v["value"] for v in facet["results"]} == {"số lấy từ tên tệp", "OCR độ tin cậy thấp"}
    filtered = await get_json(ds, "/vanban/documents.json?warnings__arraycontains=số+lấy+từ+tên+tệp")
    assert [r["symbol"] for r in filtered] == ["12/KH-UBND"]
    page = (await ds.client.get("/vanban/documents/2")).text
    assert "⚠ số lấy từ tên tệp, cần kiểm tra" in page  # beside the number in the title
    assert "Số 12 viết tay, OCR không đọc chắc (1Z, 12): số được lấy từ tên tệp." in page
    assert "⚠ OCR thấp" in page and "độ tin cậy trung bình 72%" in page
    assert "⚠" not in (await ds.client.get("/vanban/documents/1")).text.split("<h2>Sơ đồ trích dẫn</h2>")[0]


def test_migration_fills_warnings_and_one_spelling(tmp_path):
    """An old database (migrations 1-5) gets the warnings column and its localities respelled when opened."""
    from vanban.migrations import MIGRATIONS, migrate

    path = tmp_path / "old.db"
    db = open_db(path)
    plan = make_record(
        "p",
        "1/KH",
        issuer="Bộ Nội vụ",
        place="Hà Nội",
        duties=[Duty("Các tỉnh", "lead", "báo cáo", None, recurrence="Định kỳ")],
    )
    plan.source.warnings.append("the file looks truncated (no %EOF at its end); text may be missing")
    store_record(db, plan, "x")
    db.execute("UPDATE agencies SET locality = 'Hà Nội'")
    db.execute("UPDATE duties SET recurrence = 'Định kỳ'")
    db.execute("ALTER TABLE documents DROP COLUMN warnings")
    db.execute("DROP TABLE duty_agencies")  # migration 8's, absent from an old database
    db.execute("DROP VIEW duty_status")  # and migration 9's
    db.execute("DROP TABLE duty_responses")
    db.execute("DROP INDEX idx_duties_recurrence_months")  # migration 12's, which replaced migration 1's by its own
    db.execute("DROP INDEX idx_duties_deadline")
    db.execute("CREATE INDEX idx_duties_deadline_date ON duties(deadline_date)")
    db.execute("ALTER TABLE duties DROP COLUMN recurrence_months")
    db.execute("DROP INDEX idx_documents_issued_date")  # migration 11's
    db.execute("DELETE FROM schema_migrations WHERE id > 5")
    db.commit()
    done = migrate(db)
    assert done == [name for name, _ in MIGRATIONS[5:]]
    assert db.execute("SELECT warnings FROM documents").fetchone()[0] == '["tệp có thể bị thiếu"]'
    assert db.execute("SELECT canonical_name, locality FROM agencies").fetchall() == [("Các tỉnh", None)]
    assert db.execute("SELECT recurrence FROM duties").fetchall() == [("định kỳ",)]
    db.close()


# ---------------------------------------------------------------- pages in Vietnamese, exports for Excel


@pytest.mark.asyncio
async def test_pages_are_in_vietnamese(db_path):
    ds = make_datasette(db_path)
    home = (await ds.client.get("/")).text
    for table in ("Văn bản", "Trích dẫn", "Nhiệm vụ", "Cơ quan", "Nơi nhận", "Nhật ký nhập tệp", "Tệp lỗi"):
        assert f">{table}</a>" in home  # every table, not the first five
    assert 'lang="vi"' in home
    documents = (await ds.client.get("/vanban/documents")).text
    assert '<details class="vb-notes">' in documents  # the column notes are folded away
    assert documents.index('class="rows-and-columns"') < documents.index("Xuất dữ liệu")
    for text in ("Tìm:", "Số và ký hiệu", "Ngày ban hành", "04/01/2023", "Tải về", "Lọc"):
        assert text in documents
    for english in ("This data as", "Advanced export", "rows where", "sorted by", "Powered by"):
        assert english not in documents
    page = (await ds.client.get("/vanban/documents/2")).text
    for text in (
        "Sơ đồ trích dẫn",
        "Văn bản này dẫn (2)",
        "Được dẫn bởi (0)",
        "Nhiệm vụ được giao (1)",
        "chủ trì",
        "căn cứ",
        "dẫn chiếu",
        "ngày 20/06/2023",
        "ngày 04/01/2023",
        "Toàn văn",
    ):
        assert text in page
    for english in ("Citation neighbourhood", "Cites (", "Duties (", ">lead<", ">basis<", "not in the corpus"):
        assert english not in page
    duties = (await ds.client.get("/vanban/agency_duties?agency=Sở+Nội+vụ&locality=&from=&to=")).text
    assert "Từ ngày (ngày/tháng/năm)" in duties and "15/12/2023" in duties and "chủ trì" in duties
    # a facet label wraps between words, never inside one (Datasette's own style breaks anywhere)
    css = (await ds.client.get("/vanban-static/vanban.css")).text
    assert ".facet-info ul.tight-bullets li, .facet-info ul.tight-bullets a { word-break: normal;" in css
    assert 'href="/vanban-static/vanban.css"' in documents and 'class="facet-info' in documents
    files = (await ds.client.get("/vanban/files")).text
    assert "01/02/2024 15:00:00" in files  # 08:00 UTC, shown in Vietnam's time
    assert "đã nhập" in files


@pytest.mark.asyncio
async def test_xlsx_export_opens_with_vietnamese_text_and_dates(db_path):
    import io
    import zipfile
    from xml.etree import ElementTree

    ds = make_datasette(db_path)
    response = await ds.client.get("/vanban/documents.xlsx?_sort=id")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="documents.xlsx"' in response.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as book:
        assert book.testzip() is None
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    ns = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rows = sheet.findall(".//x:row", ns)
    header = ["".join(c.itertext()) for c in rows[0]]
    assert "Số và ký hiệu" in header and "Trích yếu" in header and "Ngày ban hành" in header
    first = dict(zip(header, rows[1]))
    assert "".join(first["Trích yếu"].itertext()) == "Cải cách hành chính tỉnh Lạng Sơn năm 2023"
    date_cell = first["Ngày ban hành"]
    assert date_cell.get("s") == "2" and date_cell.find("x:v", ns).text == "44930"  # 2023-01-04 as an Excel date
    duties = await ds.client.get("/vanban/agency_duties.xlsx?agency=Sở+Nội+vụ&locality=&from=&to=")
    assert duties.status_code == 200 and duties.content[:2] == b"PK"


def test_every_plugin_function_is_capped():
    from vanban.datasette_plugin import MAX_FUNCTION_CHARS, SQL_FUNCTIONS, capped

    for name, _, function in SQL_FUNCTIONS:
        with pytest.raises(ValueError, match="longer than"):
            capped(function)("a" * (MAX_FUNCTION_CHARS + 1), *([""] * (function.__code__.co_argcount - 1)))
        assert name.startswith("vanban_")
