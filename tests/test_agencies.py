"""Agency names (vanban.extractors.agencies): real names from ../shared/realdocs and the seeds, what they are
and which agencies a list names."""

from __future__ import annotations

import pytest

from vanban.extractors import agencies
from vanban.record import DocumentInfo

# (name as a document writes it, is it a generic group that names no agency)
GENERIC = [
    # the contract's example, and a Hướng dẫn's closing (Hướng dẫn MTTQ xã công tác Bầu cử)
    ("các cơ quan, đơn vị có liên quan", True),
    ("Thủ trưởng các cơ quan, đơn vị có liên quan", True),
    # courtesy (corpus 0037: "Sở Tư pháp đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện")
    ("các cơ quan, đơn vị quan tâm", True),
    # a bare head is no one in particular (05.signed: "Sau khi nghe các cơ quan, đơn vị báo cáo …")
    ("đơn vị", True),
    # the public (doc_000101: "các tổ chức, cá nhân có liên quan có trách nhiệm thực hiện")
    ("tổ chức, cá nhân", True),
    # the addressees as a group are given duties (Kế hoạch CCHC 2026 Lâm Đồng; vht507 "Các cơ quan, đơn vị gửi …")
    ("Các cơ quan, đơn vị, địa phương", False),
    ("Các cơ quan, đơn vị", False),
    # a named head or a defining clause (1187 BNV; Kế hoạch CCHC 2026 Lâm Đồng)
    ("Các bộ, cơ quan, địa phương", False),
    ("Các cơ quan, đơn vị trực tiếp sử dụng ngân sách nhà nước", False),
    ("các sở, ngành, địa phương liên quan", False),
]


@pytest.mark.parametrize(("name", "generic"), GENERIC)
def test_generic_groups(name: str, generic: bool) -> None:
    assert agencies.is_generic(name) is generic


# (name, does it look like an agency's name)
NAMES = [
    ("Sở Nội vụ", True),
    # people a plan names by their post (18-11-KH Lương Minh, KH Tieu ban tuyên truyền)
    ("Đồng chí Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội", True),
    ("Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội", True),
    ("Các tổ chức chính trị - xã hội xã", True),
    # "tổ chức" alone is the verb, not a head (Hướng dẫn MTTQ xã: "… các cơ quan, tổ chức có liên quan bố trí …")
    ("tổ chức hội nghị", False),
    # cut inside a bracket (QD UBND thành lập TGV.CCHC: "… Sở Khoa học và Công nghệ (phụ trách về công tác: …")
    ("Trưởng phòng/Phó Trưởng phòng …, Sở Khoa học và Công nghệ (phụ trách về công tác", False),
    # a clause, not a name (Văn bản của Sở Nội vụ)
    ("Sở Nội vụ đã tổng hợp", False),
]


@pytest.mark.parametrize(("name", "expected"), NAMES)
def test_looks_like_agency(name: str, expected: bool) -> None:
    assert agencies.looks_like_agency(name) is expected


# (agency as the record keeps it, the agencies the store links the duty to)
MEMBERS = [
    # 779qdubDLQUY KHUYEN HOC (QĐ UBND Bình Thuận): head titles fold to their body
    (
        "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Giáo dục và Đào tạo, Chủ tịch Hội đồng"
        " quản lý Quỹ Khuyến học tỉnh Bình Thuận, Chủ tịch Hội Khuyến học tỉnh Bình Thuận",
        [
            "Văn phòng Ủy ban nhân dân tỉnh",
            "Sở Nội vụ",
            "Sở Giáo dục và Đào tạo",
            "Hội đồng quản lý Quỹ Khuyến học tỉnh Bình Thuận",
            "Hội Khuyến học tỉnh Bình Thuận",
        ],
    ),
    # SCAN0097 / SCAN0098 (QĐ khen thưởng): a head shared before a colon, the generic tail left out
    (
        "Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở, ngành: Nội vụ, Tài chính, Kho bạc nhà nước tỉnh;"
        " thủ trưởng các đơn vị liên quan",
        ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Sở Tài chính", "Kho bạc nhà nước tỉnh"],
    ),
    # 51 QĐ UB (Quảng Ngãi): semicolons between members, "Sở: A, B"
    (
        "Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Tài nguyên và Môi trường, Công Thương; Giám đốc Công an tỉnh;"
        " Chủ tịch UBND huyện Nghĩa Hành",
        [
            "Văn phòng UBND tỉnh",
            "Sở Tài nguyên và Môi trường",
            "Sở Công Thương",
            "Công an tỉnh",
            "UBND huyện Nghĩa Hành",
        ],
    ),
    # a single agency is its own member; a body named by its head's title stays ("Thủ tướng Chính phủ")
    ("Sở Nội vụ", ["Sở Nội vụ"]),
    ("Thủ tướng Chính phủ", ["Thủ tướng Chính phủ"]),
    # a list with a generic group at its end (seed 003)
    (
        "Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các huyện, thành phố",
        ["các cơ quan, đơn vị", "UBND các huyện, thành phố"],
    ),
]


@pytest.mark.parametrize(("agency", "expected"), MEMBERS)
def test_members_fold_head_titles_to_their_body(agency: str, expected: list[str]) -> None:
    assert agencies.members(agency) == expected


# (a list of partners after "phối hợp với", the agencies it names)
LISTS = [
    # 05.signed (UBND Quảng Ngãi): a shared head, then a company whose name holds commas, then a generic group
    (
        "các Sở: Tài chính, Kế hoạch và Đầu tư, Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi và"
        " các cơ quan, đơn vị liên quan",
        ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi"],
    ),
    # seed 000: a name with "và" inside it stays whole
    (
        "Phòng Tổng hợp, Phòng Hành chính - Quản trị và các phòng, đơn vị liên quan",
        ["Phòng Tổng hợp", "Phòng Hành chính - Quản trị"],
    ),
    # TB Kết luận kiểm tra tiến thi công: "Sở Nông nghiệp và Môi trường" is one name
    ("Sở Nông nghiệp và Môi trường, Nhà Đầu tư", ["Sở Nông nghiệp và Môi trường", "Nhà Đầu tư"]),
]


@pytest.mark.parametrize(("segment", "expected"), LISTS)
def test_split_list(segment: str, expected: list[str]) -> None:
    assert agencies.split_list(agencies.clean(segment)) == expected


# (issuer, parent issuer, agency, canonical name)
CANONICAL = [
    ("Ủy ban nhân dân tỉnh Lạng Sơn", None, "Sở Nội vụ", "Sở Nội vụ tỉnh Lạng Sơn"),
    ("Ủy ban nhân dân tỉnh Lâm Đồng", None, "UBND tỉnh", "Ủy ban nhân dân tỉnh Lâm Đồng"),
    # a body named for a level or every province has no one place (doc_000019, 1187 BNV)
    ("Ủy ban nhân dân tỉnh Lâm Đồng", None, "Ủy ban nhân dân cấp tỉnh", "Ủy ban nhân dân cấp tỉnh"),
    ("Bộ Nội vụ", None, "Các bộ, các tỉnh", "Các bộ, các tỉnh"),
]


@pytest.mark.parametrize(("issuer", "parent", "agency", "expected"), CANONICAL)
def test_canonical(issuer: str, parent: str | None, agency: str, expected: str) -> None:
    locality = agencies.document_locality(DocumentInfo(issuer=issuer, parent_issuer=parent))
    assert agencies.canonical(agency, locality) == expected


# (name as printed, body, unit, place): the split resolve.py compares issuers with
LOCALITIES = [
    ("UBND TỈNH LẠNG SƠN", "ủy ban nhân dân", "tỉnh", "lạng sơn"),
    ("UBND TP. Hà Nội", "ủy ban nhân dân", "thành phố", "hà nội"),
    ("Ủy ban nhân dân phường Bắc Cam Ranh", "ủy ban nhân dân", "phường", "bắc cam ranh"),
    ("Sở Nội vụ", "sở nội vụ", None, None),
    # "xã hội" is no commune (Bộ Lao động - Thương binh và Xã hội)
    ("Bộ Lao động - Thương binh và Xã hội", "bộ lao động - thương binh và xã hội", None, None),
]


@pytest.mark.parametrize(("name", "body", "unit", "place"), LOCALITIES)
def test_locality_parts(name: str, body: str, unit: str | None, place: str | None) -> None:
    assert agencies.locality_parts(name) == (body, unit, place)


# (agency, the document, is it its issuer speaking)
ISSUERS = [
    # the head of the issuing body is the body (CV 1925: "Giám đốc Sở Tài chính …" in a Sở Tài chính letter)
    ("Giám đốc Sở Tài chính", DocumentInfo(issuer="Sở Tài chính tỉnh Quảng Ngãi"), True),
    ("UBND tỉnh", DocumentInfo(issuer="Ủy ban nhân dân tỉnh Lâm Đồng"), True),
    ("Sở Nội vụ", DocumentInfo(issuer="Ủy ban nhân dân tỉnh Lâm Đồng"), False),
]


@pytest.mark.parametrize(("agency", "info", "expected"), ISSUERS)
def test_is_issuer(agency: str, info: DocumentInfo, expected: bool) -> None:
    assert agencies.is_issuer(agency, info) is expected
