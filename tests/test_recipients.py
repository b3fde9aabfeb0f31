"""Recipients under Kính gửi and Nơi nhận, from the seeds and ../shared/realdocs."""

from __future__ import annotations

import pytest

from vanban import text_document
from vanban.extractors.recipients import extract_recipients
from vanban.extractors.signature import extract_signer
from vanban.pipeline.document import TextDocument


def doc_of(text: str) -> TextDocument:
    return text_document(text)


# (text as printed, recipients expected)
LISTS = [
    (
        "Nơi nhận:\n- Bộ Nội vụ;\n- Liên đoàn TM và CN Việt Nam;\n- Thường trực Tỉnh uỷ;\n"
        "- Các Ban Đảng Tỉnh uỷ; Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã hội tỉnh;\n"
        "- C, PCVP UBND tỉnh, các phòng: CV, HCQT, TTTT;\n- Lưu: VT, NC (LTH).\n\nTM. ỦY BAN NHÂN DÂN",
        [
            "Bộ Nội vụ",
            "Liên đoàn TM và CN Việt Nam",
            "Thường trực Tỉnh uỷ",
            "Các Ban Đảng Tỉnh uỷ; Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã hội tỉnh",
            "C, PCVP UBND tỉnh, các phòng: CV, HCQT, TTTT",
        ],
    ),
    (
        "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh\nSở Nội vụ nhận được Văn bản số 310/HHDN-K4\n"
        "Nơi nhận:\n- Như trên;\n- GĐ, PGĐ Sở (đ/c Bông);\n- Lưu: VT, CCVC.Thuận.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Thị Bông",
        ["Chủ tịch Ủy ban nhân dân tỉnh", "GĐ, PGĐ Sở (đ/c Bông)"],
    ),
    (
        "Nơi nhận:\n- Như Điều 3;\n- Bộ trưởng;\n- Thứ trưởng Nguyễn Văn Hồi;\n- Sở Nội vụ các tỉnh/TP trực thuộc TW (để T/H);\n"
        "- Lưu: VT, CCHC.\nBỘ TRƯỞNG\nPhạm Thị Thanh Trà",
        ["Bộ trưởng", "Thứ trưởng Nguyễn Văn Hồi", "Sở Nội vụ các tỉnh/TP trực thuộc TW"],
    ),
    (
        "Nơi nhận:\n- Bộ Tư pháp (để báo cáo);\n- Cục Bổ trợ tư pháp - Bộ Tư pháp (để biết);\n"
        "- Sở Tư pháp các tỉnh, thành phố trực thuộc (để \nphối hợp);\n- Các Hội địa phương (để thực hiện);\n\n- Lưu: VT.\n"
        "TM. BAN THƯỜNG VỤ",
        [
            "Bộ Tư pháp",
            "Cục Bổ trợ tư pháp - Bộ Tư pháp",
            "Sở Tư pháp các tỉnh, thành phố trực thuộc",
            "Các Hội địa phương",
        ],
    ),
    (
        "Nơi nhận:\n- Như Điều 1;\n- VPCP: BTCN, các PCN, Trợ lý TTg, TGĐ Cổng TTĐT,\n các Vụ, Cục, đơn vị trực thuộc, Công báo;\n"
        "- Lưu: VT, KSTT (2).\nTHỦ TƯỚNG\nPhạm Minh Chính",
        ["VPCP: BTCN, các PCN, Trợ lý TTg, TGĐ Cổng TTĐT, các Vụ, Cục, đơn vị trực thuộc, Công báo"],
    ),
    (
        "Nơi nhận:\n- Như thành phần mời;\n- PCT. UBND tỉnh (Đ/c Phúc);\n- Phòng HCQT;\n- Lưu: VT, HCC, NC.\nTL. CHỦ TỊCH",
        ["PCT. UBND tỉnh (Đ/c Phúc)", "Phòng HCQT"],
    ),
    (
        "                       Kính gửi: Ủy ban nhân dân tỉnh.\n\n\n        Sở Tư pháp nhận được Văn bản số 2377/UBND-NCKS\n"
        "Nơi nhận:\n- Như trên;\n- Chủ tịch UBND tỉnh;\n- Lãnh đạo Sở Tư pháp;\n- Lưu: VT, HCBT.",
        ["Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh", "Lãnh đạo Sở Tư pháp"],
    ),
    (
        "Kính gửi: Sở Nội vụ tỉnh Lâm Đồng\nSở Y tế cử lãnh đạo tham gia Ban, cụ thể như sau:\n- Ông Trần Đức Trung\n"
        "Kính gửi Sở Nội vụ tỉnh Lâm Đồng tổng hợp./.\nNơi nhận:                                               GIÁM ĐỐC\n"
        "- Như trên;\n- BGĐ Sở;\n- Trang TTĐT;\n- Lưu: VT, TCCB, MTTT.",
        ["Sở Nội vụ tỉnh Lâm Đồng", "BGĐ Sở", "Trang TTĐT"],
    ),
    (
        "Kính gửi: Sở Nội vụ tỉnh Lâm Đồng\n\nNơi nhận:\n- Như trên;\n- Đ/c Trần Diệp Mỹ Dung;\n- Lưu VT, BCTĐ&TTN.",
        ["Sở Nội vụ tỉnh Lâm Đồng", "Đ/c Trần Diệp Mỹ Dung"],
    ),
    (
        "Kính gửi: Ủy ban nhân dân tỉnh, thành phố\n\nNơi nhận:                                           KT. BỘ TRƯỞNG\n"
        "- Như trên;                                          THỨ TRƯỞNG\n- Bộ trưởng (để b/c);\n- Thứ trưởng Vũ Chiến Thắng;\n"
        "- Sở Nội vụ tỉnh, thành phố;\n- Lưu: VT, TCPCP, PTG, NTQN.\n\n\n\n\n                          Vũ Chiến Thắng",
        ["Ủy ban nhân dân tỉnh, thành phố", "Bộ trưởng", "Thứ trưởng Vũ Chiến Thắng", "Sở Nội vụ tỉnh, thành phố"],
    ),
    (
        "Kính gửi:\n- Bộ Nội vụ;\n- Bộ Tài chính.\n\nThực hiện Công văn số 11902/BNV-TCPCP\nNơi nhận:\n- Như trên;\n- Bộ Nội vụ;\n"
        "- Lưu: VT.",
        ["Bộ Nội vụ", "Bộ Tài chính"],
    ),
    (
        "Nơi nhận:          TL. CHỦ TỊCH\n- Như trên;            CHÁNH VĂN PHÒNG\n- Chủ tịch UBND tỉnh;\n- LĐVP;\n- Lưu: VT, NC.Châu",
        ["Chủ tịch UBND tỉnh", "LĐVP"],
    ),
    ("Nơi nhận:\n- Như trên;\n- Giám đốc Sở (để b/c);\n- Lưu: VT, TCBC.\nKT. GIÁM ĐỐC", ["Giám đốc Sở"]),
    # one recipient over two lines after Kính gửi, the first ending with a comma (vbai/1774256810651.pdf)
    (
        "Kính gửi: Đồng chí Hồ Văn Mười, UVBCH TW Đảng, Phó Bí thư Tỉnh Ủy,\nChủ tịch Ủy ban nhân dân tỉnh Lâm Đồng\n"
        "Thực hiện Kết luận số 132-KL/TW của Bộ Chính trị",
        ["Đồng chí Hồ Văn Mười, UVBCH TW Đảng, Phó Bí thư Tỉnh Ủy, Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng"],
    ),
    # the signature's title printed between the items; purposes as a scan reads them (vbai/3980_0001 (1).pdf)
    (
        "Nơi nhận:\n- Như kính gửi;\n- TKI (để b/c đ/c Bộ trưởng);\nCỤC TRƯỞNG\n- TKŠ (để b/c đ/c Thứ trưởng); 5\n"
        "- Văn phòng Bộ Công an (đê p/h):\n- Lưu: VT, P6.",
        ["TKI", "TKŠ", "Văn phòng Bộ Công an"],
    ),
    # a note in a column beside the list (vbai/CV xin ý kiến ngoài Bộ.docx)
    (
        "Nơi nhận:\n- Như trên;\n- Cổng thông tin điện tử Chính phủ;       Để đăng dự thảo\n"
        "- Cổng thông tin điện tử Bộ Tài chính;  Thông tư xin ý kiến\n- Lưu: VT, CST.\nKT. BỘ TRƯỞNG",
        ["Cổng thông tin điện tử Chính phủ", "Cổng thông tin điện tử Bộ Tài chính"],
    ),
    # an item a scan put under "Lưu" (dangthanhthi_DAS/kh-753-…pdf)
    (
        "Nơi nhận:\n- BGH;\n- Lưu: VT, ma.\n- ĐT, CTSV và 05 khoa được chọn (th);\nF",
        ["BGH", "ĐT, CTSV và 05 khoa được chọn"],
    ),
    # "Nơi nhận" in running text is no label (vbai/36-HD_VPTW_380096.docx)
    ("Nơi nhận văn bản xác định những cơ quan, tổ chức nhận văn bản để báo cáo.\n- Để biết;", []),
    # synthetic lists in other bodies' forms
    (
        "Nơi nhận:\n- Như trên;\n- Thường trực Huyện ủy (b/c);\n- Các xã, thị trấn:\n+ UBND xã Tân Hà;\n+ UBND thị trấn Liên Nghĩa;\n"
        "- Lưu: VT.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An",
        ["Thường trực Huyện ủy", "Các xã, thị trấn", "UBND xã Tân Hà", "UBND thị trấn Liên Nghĩa"],
    ),
    (
        "Kính gửi: Viện kiểm sát nhân dân tỉnh Nghệ An.\n\nNơi nhận:\n- Như trên;\n- Chánh án TAND tỉnh (để p/h);\n- Lưu: HS, VP.",
        ["Viện kiểm sát nhân dân tỉnh Nghệ An", "Chánh án TAND tỉnh"],
    ),
    # an item wrapped onto a line of its own that ends it (dev2/2770 (08-CT-UBND)..signed_…pdf, a scan)
    (
        "Nơi nhận:\n- Phòng TM và CN Việt Nam (VCCI);\n- Cục Đầu tư nước ngoài và Trung tâm XTĐT miền\n"
        "Trung (Bộ KH-ĐT);\n- Thường trực Tỉnh ủy (b/cáo);\n- Lưu: VT, P.ThhtlvanS4.\n\"Trân Ngọc Căng",
        [
            "Phòng TM và CN Việt Nam (VCCI)",
            "Cục Đầu tư nước ngoài và Trung tâm XTĐT miền Trung (Bộ KH-ĐT)",
            "Thường trực Tỉnh ủy",
        ],
    ),
    # a scan's "~" for the dash; an item running over three lines with the next item after it
    # (dev2/575 UB.signed_…pdf, dev2/660TBUB.signed_…pdf)
    (
        "Nơi nhận:\n~ Như trên;\n- Bộ Chỉ huy: Quân sự tỉnh, Bộ đội BP tỉnh;\n- Các Sở: Lao động - Thương binh và Xã\n"
        "hội, Xây dựng, Tài chính, Kế hoạch và\nĐầu tư, Tài nguyên và Môi trường\n- Tỉnh đoàn;\n- Lưu: VT, KGVXn1014\n"
        "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nNguyễn Quốc Việt",
        [
            "Bộ Chỉ huy: Quân sự tỉnh, Bộ đội BP tỉnh",
            "Các Sở: Lao động - Thương binh và Xã hội, Xây dựng, Tài chính, Kế hoạch và Đầu tư, Tài nguyên và Môi trường",
            "Tỉnh đoàn",
        ],
    ),
    # a blank Kính gửi and the list of recipients sent with it (vbai/5689_BCA-C04.pdf, a scan)
    (
        "Kính gửi: ……………………………\nThực hiện Nghị quyết số 163/2024/QH15 …\nNơi nhận:\n- Như trên;\n"
        "- Đ/c Bộ trưởng (đề b/cáo);\n- Lưu: VT, C04(P9).\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn Long\n\nDANH SÁCH\n"
        "Danh sách các đơn vị nhận công văn\n(Kèm theo Công văn số: 5689/BCA-C04 ngày 16 tháng 12 năm 2025)\n"
        "1. UBND tỉnh Tuyên Quang\n2. UBND tỉnh Nghệ An.\nó6. UBND TP. Huế\n19..UBND tỉnh Phú Thọ\n1. Bộ Tài Chính\n"
        "3. Bộ Công thương _\n10. Văn phòng Tòa án nhân dân tối cao\n",
        [
            "Đ/c Bộ trưởng",
            "UBND tỉnh Tuyên Quang",
            "UBND tỉnh Nghệ An",
            "UBND TP. Huế",
            "UBND tỉnh Phú Thọ",
            "Bộ Tài Chính",
            "Bộ Công thương",
            "Văn phòng Tòa án nhân dân tối cao",
        ],
    ),
    # … but the signer's block after the list is not an item's rest
    (
        "Nơi nhận:\n- Như trên;\n- Sở Tài chính\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Phước Hiền",
        ["Sở Tài chính"],
    ),
]


@pytest.mark.parametrize("text, expected", LISTS)
def test_recipient_list(text, expected):
    doc = doc_of(text)
    assert extract_recipients(doc, extract_signer(doc)) == expected


def test_news_page_has_no_recipients():
    text = (
        "Văn phòng UBND tỉnh chỉ đạo các phòng, ban (Công văn số 5743 /VP-HCQT, ngày 16/11/2023).\n- Trưởng các phòng;"
    )
    doc = doc_of(text)
    assert extract_recipients(doc, extract_signer(doc)) == []
