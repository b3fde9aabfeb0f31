"""Search as a Vietnamese analyst types it: folded without marks, exact with marks, phrases, harmless syntax.

The parser and the passage are checked on tables of real lines (from ../shared/realdocs documents); the
documents table's search box and the canned queries through a real Datasette on a real database.
"""

from __future__ import annotations

import pytest
from test_store import make_record

from vanban import read, search
from vanban.publish import make_datasette
from vanban.store import open_db, store_record

# (typed, exact index?, FTS5 query)
PARSED = [
    ("cai cach hanh chinh", False, 'NEAR("cai" "cach" "hanh" "chinh", 4)'),
    ("bàn", True, '"bàn"'),
    ("Bàn giao", True, 'NEAR("bàn" "giao", 4)'),
    ('"cải cách hành chính"', True, '"cải cách hành chính"'),
    ('"cai cach hanh chinh" nam 2025', False, '"cai cach hanh chinh" AND NEAR("nam" "2025", 4)'),
    ("ke hoach, lang son", False, 'NEAR("ke" "hoach", 4) AND NEAR("lang" "son", 4)'),
    ("02/KH-UBND", False, 'NEAR("02" "kh" "ubnd", 4)'),
    # FTS5 syntax typed by a user is text
    ('"', False, '""'),
    ('cải cách "', True, 'NEAR("cải" "cách", 4)'),
    ("NEAR(a b) AND * -x", False, 'NEAR("near" "a" "b" "and" "x", 4)'),
    # old and new tone placement both match a marked word ("Uỷ ban" and "Ủy ban" are printed alike)
    ("Uỷ ban", True, '(NEAR("ủy" "ban", 4) OR NEAR("uỷ" "ban", 4))'),
    ("hoà", True, '("hòa" OR "hoà")'),
    ("quý", True, '"quý"'),  # "u" after "q" belongs to the consonant: one spelling
    # đ is a mark: "đất" runs on the exact index, "dat" on the folded one
    ("đất đai", True, 'NEAR("đất" "đai", 4)'),
    ("dat dai", False, 'NEAR("dat" "dai", 4)'),
]


@pytest.mark.parametrize("typed, exact, fts", PARSED)
def test_parse(typed, exact, fts):
    query = search.parse(typed)
    assert (query.exact, query.fts) == (exact, fts)
    assert query.index == ("documents_fts" if exact else "documents_folded_fts")


def test_long_input_is_cut():
    query = search.parse("cai " * 10_000)
    assert len(query.words) == search.MAX_WORDS


# (text, typed, the words marked in the passage): real lines
PASSAGES = [
    (
        "- Đây mạnh công tác cải cách hành chính, nhất là cải cách thủ tục hành chính",
        "cai cach hanh chinh",
        ["cải", "cách", "hành", "chính"] * 2,  # the second within reach: cải cách thủ tục hành chính
    ),
    # "Hạnh" of the motto is not part of a match: its words are not near the others
    (
        "Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 2 tháng 12 năm 2025\nKẾ HOẠCH\nCải cách hành chính nhà nước",
        "cai cach hanh chinh",
        ["Cải", "cách", "hành", "chính"],
    ),
    # marks typed: "bàn" only, not "bản"
    (
        "cơ quan do Nhà xuất bản Chính trị quốc gia tổ chức đi thăm, bàn giao các",
        "bàn giao",
        ["bàn", "giao"],
    ),
    # a phrase marks the words in sequence only
    (
        "phép chất ma túy; công tác cai nghiện ma túy tự nguyện tại gia đình",
        '"ma tuy tu nguyen"',
        ["ma", "túy", "tự", "nguyện"],
    ),
    # old-style tone placement in the text, new style typed
    (
        "báo cáo kết quả thực hiện nhiệm vụ theo phân công của Uỷ ban bầu cử xã.",
        "ủy ban bầu cử",
        ["Uỷ", "ban", "bầu", "cử"],
    ),
]


@pytest.mark.parametrize("text, typed, marked", PASSAGES)
def test_passage_marks_the_matching_words(text, typed, marked):
    pieces = search.passage_pieces(text, search.parse(typed))
    assert [piece for piece, is_match in pieces if is_match] == marked
    html = str(search.passage(text, search.parse(typed)))
    assert html.count("<mark>") == len(marked)


def _widest_window(hits: list[tuple[int, int, str]], width: int) -> int:
    """The passage's centre by its definition, every window counted anew: the first of the first
    MAX_CENTRES hits whose ``± width`` window holds the most distinct words."""
    best, best_count = hits[0][0], 0
    for start, _, _ in hits[: search.MAX_CENTRES]:
        count = len({word for s, _, word in hits if start - width <= s <= start + width})
        if count > best_count:
            best, best_count = start, count
    return best


@pytest.mark.realdocs
@pytest.mark.parametrize("typed", ["co quan nha nuoc", "ủy ban nhân dân", "to chuc, thuc hien", "trach nhiem", "luật"])
def test_passage_centre_on_long_real_texts(realdocs, typed):
    """The one-pass window finds the centre the definition does, on whole laws (thousands of hits)."""
    query = search.parse(typed)
    compared = 0
    for path in sorted((realdocs / "vbpl_layout_html").glob("*.html")):
        comparable = search._comparable(read(path).text, query.exact)
        hits = search._hits(comparable, query) if comparable else []
        for width in (40, 110):
            if hits:
                assert search._best_window(hits, width) == _widest_window(hits, width), (path.name, width)
                compared += 1
    assert compared >= 10  # at least five laws match each query


def test_passage_escapes_the_text():
    html = str(search.passage("Kế hoạch <script>alert(1)</script> cải cách", search.parse("cai cach")))
    assert "<script>" not in html and "&lt;script&gt;" in html and "<mark>cải</mark>" in html


# Four documents: the first is about "cải cách hành chính"; the others hold "cai", "cách", "hành", "chính"
# only scattered, in real lines (cai nghiện, cải tạo, cài đặt), as a third of the old folded hits did.
DOCUMENTS = [
    ("reform", "Kế hoạch", "Cải cách hành chính nhà nước năm 2026", "- Đây mạnh công tác cải cách hành chính."),
    (
        "drugs",
        "Báo cáo",
        "Tổng kết công tác phòng, chống ma túy năm 2025",
        "công tác cai nghiện ma túy tự nguyện tại gia đình, cộng đồng.\nBằng cách đó, đơn vị hành chính cấp xã "
        "thực hiện chính sách hỗ trợ.",
    ),
    (
        "land",
        "Luật",
        "Đất đai",
        "1. Bảo vệ, cải tạo, làm tăng độ màu mỡ của đất;\ncách thức quản lý hành chính về đất đai theo chính sách.",
    ),
    (
        "vneid",
        "Công văn",
        "Triển khai ứng dụng định danh điện tử",
        "Hướng dẫn cài đặt ứng dụng VNeID cho người dân, qua đó cách làm thủ tục hành chính theo chính sách mới. "
        "Đề nghị bàn giao hồ sơ.",
    ),
    ("books", "Công văn", "Thăm cơ quan xuất bản", "cơ quan do Nhà xuất bản Chính trị quốc gia tổ chức đi thăm."),
]


@pytest.fixture
def ds(tmp_path):
    path = tmp_path / "search.db"
    db = open_db(path)
    for sha, doc_type, subject, text in DOCUMENTS:
        store_record(db, make_record(sha, doc_type=doc_type, subject=subject), text)
    db.close()
    return make_datasette(path)


async def found(ds, typed: str) -> list[str]:
    response = await ds.client.get("/vanban/documents.json", params={"_q": typed, "_shape": "array"})
    assert response.status_code == 200, response.text[:300]
    return sorted(row["sha256"] for row in response.json())


@pytest.mark.asyncio
async def test_documents_search_box(ds):
    # without marks: folded, and the words of one term together (not cai nghiện … cải tạo … cài đặt)
    assert await found(ds, "cai cach hanh chinh") == ["reform"]
    # with marks: the marks count
    assert await found(ds, "bàn") == ["vneid"]
    assert await found(ds, "bản") == ["books"]
    assert await found(ds, "ban") == ["books", "vneid"]  # typed without marks: both
    # a quoted phrase: those words in that order
    assert await found(ds, '"hành chính cải cách"') == []
    assert await found(ds, '"cải cách hành chính"') == ["reform"]
    # groups apart
    assert await found(ds, "cai nghien, gia dinh") == ["drugs"]
    # FTS syntax is text: the ordinary result, never an error
    for typed in ['"', '""', "cải cách \"", "AND", "NEAR(", "*", "-", "cai OR"]:
        await found(ds, typed)


@pytest.mark.asyncio
async def test_documents_search_page_shows_marked_passages(ds):
    page = (await ds.client.get("/vanban/documents", params={"_q": "cai cach hanh chinh"})).text
    assert 'name="_q" value="cai cach hanh chinh"' in page
    assert "1 dòng khớp «cai cach hanh chinh»" in page and "không phân biệt dấu" in page
    assert "<mark>cải</mark> <mark>cách</mark> <mark>hành</mark> <mark>chính</mark>" in page
    page = (await ds.client.get("/vanban/documents", params={"_q": "bàn"})).text
    assert "đúng dấu" in page and "<mark>bàn</mark>" in page
    page = (await ds.client.get("/vanban/documents", params={"_q": '"'})).text
    assert "Không có từ nào để tìm" in page and "Invalid SQL" not in page


@pytest.mark.asyncio
async def test_canned_search_queries_match_the_box(ds):
    async def canned(typed):
        response = await ds.client.get("/vanban/search.json", params={"q": typed, "_shape": "array"})
        assert response.status_code == 200, response.text[:300]
        return response.json()

    rows = await canned("cai cach hanh chinh")
    assert [r["subject"] for r in rows] == ["Cải cách hành chính nhà nước năm 2026"]
    assert "cải cách hành chính" in rows[0]["passage"]
    assert [r["subject"] for r in await canned("bàn")] == ["Triển khai ứng dụng định danh điện tử"]
    for typed in ['"', "NEAR(", "a AND"]:
        await canned(typed)
