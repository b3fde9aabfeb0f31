"""One spelling per locality and per recurrence: tables of agency names and recurrences as documents print them."""

from __future__ import annotations

import pytest

from vanban.record import DocumentInfo
from vanban.values import agency_locality, place_name, province, recurrence

MINISTRY = DocumentInfo(issuer="Bộ Nội vụ", place="Hà Nội")
GOVERNMENT = DocumentInfo(issuer="Chính phủ", place="Hà Nội")
LAM_DONG = DocumentInfo(issuer="Ủy ban nhân dân tỉnh Lâm Đồng", place="Lâm Đồng")
LAM_DONG_OFFICE = DocumentInfo(issuer="Sở Nội vụ", parent_issuer="UBND TỈNH LÂM ĐỒNG", place="Lâm Đồng")
WARD = DocumentInfo(issuer="Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường Bắc Cam Ranh", place="Bắc Cam Ranh")

# (agency as named, the document naming it, locality): names from ../shared/realdocs documents
LOCALITIES = [
    # nationwide bodies named by a ministry or the government are in no province
    ("Các tỉnh", MINISTRY, None),
    ("Ủy ban nhân dân cấp tỉnh", MINISTRY, None),
    ("Hội đồng nhân dân cấp tỉnh", GOVERNMENT, None),
    ("Ủy ban nhân dân tỉnh, thành phố", MINISTRY, None),
    ("Các Bộ, cơ quan trung ương và Ủy ban nhân dân cấp tỉnh", GOVERNMENT, None),
    # a local body named without its place by a ministry is not in the ministry's Hà Nội
    ("Sở Nội vụ", MINISTRY, None),
    # … but by a province it is that province's, however the province is written
    ("Sở Nội vụ", LAM_DONG, "Lâm Đồng"),
    ("Sở Nội vụ", LAM_DONG_OFFICE, "Lâm Đồng"),
    ("Sở Nội vụ tỉnh Lâm Đồng", LAM_DONG, "Lâm Đồng"),
    ("Sở Nội vụ tỉnh Lâm Đồng", MINISTRY, "Lâm Đồng"),
    ("Văn phòng Ủy ban nhân dân tỉnh (Trung tâm Phục vụ hành chính công) tỉnh Lâm Đồng", LAM_DONG, "Lâm Đồng"),
    ("Ủy ban nhân dân Phường 2 Bảo Lộc tỉnh Lâm Đồng", LAM_DONG, "Lâm Đồng"),
    ("Ủy ban nhân dân các xã, phường, đặc khu", LAM_DONG, "Lâm Đồng"),
    ("Trung tâm Quản lý chất lượng thành phố Hồ Chí Minh", MINISTRY, "Hồ Chí Minh"),
    ("Sở Y tế TP. Hồ Chí Minh", MINISTRY, "Hồ Chí Minh"),
    ("Sở Tài chính tỉnh Thanh Hoá", MINISTRY, "Thanh Hóa"),  # an alias spelling
    # a ward's body keeps the ward's own name
    ("Ban Thường trực Ủy ban MTTQ Việt Nam phường", WARD, "Bắc Cam Ranh"),
    ("Ban Thường trực Ủy ban MTTQ Việt Nam phường Bắc Cam Ranh", WARD, "Bắc Cam Ranh"),
    # central bodies have none
    ("Bộ Công an", LAM_DONG, None),
    ("Văn phòng Chính phủ", MINISTRY, None),
    # lower-case words after a unit are not a place ("… giám sát việc")
    ("Đoàn đại biểu Quốc hội, trong phạm vi nhiệm vụ, quyền hạn của mình, giám sát việc", MINISTRY, None),
]


@pytest.mark.parametrize("agency, info, expected", LOCALITIES)
def test_agency_locality(agency, info, expected):
    assert agency_locality(agency, info) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("tỉnh Lâm Đồng", "Lâm Đồng"),
        ("Lâm Đồng", "Lâm Đồng"),
        ("lam dong", "Lâm Đồng"),
        ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        (
            "Hội Cựu Công an nhân dân tỉnh Bình Thuận (trước sắp xếp), Hội Cựu Công an nhân dân tỉnh Đắk Nông",
            "Đắk Nông",
        ),
        ("Sở Nội vụ", None),
    ],
)
def test_province(text, expected):
    assert province(text) == expected


def test_place_name_of_a_ward():
    assert place_name("Ủy ban nhân dân xã Bảo Lâm 2") == "Bảo Lâm 2"
    assert place_name("phường") is None


@pytest.mark.parametrize(
    "printed, stored",
    [
        ("Định kỳ", "định kỳ"),
        ("định kỳ", "định kỳ"),
        ("hàng năm", "hằng năm"),
        ("Hằng năm", "hằng năm"),
        ("hằng tháng", "hằng tháng"),
        ("Định kỳ 06 tháng", "định kỳ 6 tháng"),
        ("01 lần/năm", "1 lần/năm"),
        ("định kỳ hàng quý", "định kỳ hằng quý"),
        ("Định kỳ  hằng tuần", "định kỳ hằng tuần"),
        (None, None),
    ],
)
def test_recurrence(printed, stored):
    assert recurrence(printed) == stored
