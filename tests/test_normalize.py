"""Normalisation: NFC, spaces, dropped marks, one-for-one fixes, and the offset map back to the raw text."""

from __future__ import annotations

import unicodedata

import pytest

from vanban.pipeline.normalize import fold_diacritics, fold_tones, normalize, read_legacy_glyphs

# (raw text as a reader got it, expected normalised text). Decomposed forms are
# what pdfium returns for some PDFs (luatdatdai2013.pdf: "đâ\u0301t").
CASES = [
    ("Co\u0302\u0323ng ho\u0300a", "Cộng hòa"),  # decomposed circumflex + dot below, grave
    ("gia\u0301 \u0111a\u0302\u0301t", "giá đất"),  # luatdatdai2013.pdf
    ("CO\u0323\u0302NG HO\u0300A XA\u0303 HO\u0323\u0302I", "CỘNG HÒA XÃ HỘI"),  # marks in the other order
    ("Nghi\u0323 \u0111i\u0323nh", "Nghị định"),
    ("ngày\u00a004\u00a0tháng 01", "ngày 04 tháng 01"),  # NBSP
    ("Lâm\u202fĐồng,\tngày", "Lâm Đồng, ngày"),  # narrow NBSP, tab
    ("cải cách hành chín\u00adh", "cải cách hành chính"),  # soft hyphen dropped
    ("\ufeffSố: 02/KH-UBND", "Số: 02/KH-UBND"),  # BOM dropped
    ("Số:\u200b 02", "Số: 02"),  # zero-width space dropped
    ("126/2024/NĐ\ufffeCP", "126/2024/NĐ-CP"),  # pdfium's U+FFFE hyphen (1223 TTr SNV …pdf)
    ("45/2020/NĐ\u2011CP", "45/2020/NĐ-CP"),  # non-breaking hyphen
    ("\u00d0ộc lập - Tự do", "Độc lập - Tự do"),  # eth for Đ (1187 BNV QĐ …pdf)
    ("dòng 1\r\ndòng 2\rdòng 3", "dòng 1\ndòng 2\ndòng 3"),  # CRLF and CR
    ("Độc lập – Tự do – Hạnh phúc", "Độc lập – Tự do – Hạnh phúc"),  # en dashes kept
    ("Trƣờng Đại học", "Trường Đại học"),  # a legacy font's ƣ (U+01A3) for ư
    ("ƢU TIÊN", "ƯU TIÊN"),
    ("trƣ\u0300ng", "trừng"),  # … composed with the tone after it
    ("\u0421ộng hòa \u0445ã hội", "Cộng hòa xã hội"),  # Cyrillic С and х inside Latin words (OCR layers)
    ("\u041d\u043eà", "Hoà"),  # Cyrillic Н and о before a Latin à
    ("Москва", "Москва"),  # a Cyrillic word stays Cyrillic
    ("", ""),
]


@pytest.mark.parametrize("raw, expected", CASES)
def test_normalize_text(raw: str, expected: str) -> None:
    norm = normalize(raw)
    assert norm.text == expected
    assert unicodedata.is_normalized("NFC", norm.text)


@pytest.mark.parametrize("raw, _", CASES)
def test_offsets_map_back_to_raw(raw: str, _: str) -> None:
    norm = normalize(raw)
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(raw)
    assert list(norm.offsets) == sorted(norm.offsets)
    for i, ch in enumerate(norm.text):
        cluster_start = norm.offsets[i]
        # Each output character comes from the raw cluster starting at its offset.
        assert 0 <= cluster_start < len(raw)
        if ch.isalpha():  # the raw glyph, as read when it has one reading (ƣ is ư, a Cyrillic С in "Сộng" is C)
            base = unicodedata.normalize("NFD", ch)[0]
            read = read_legacy_glyphs(raw)[cluster_start]
            assert unicodedata.normalize("NFD", read)[0] in (base, "\u00d0", "\u00f0")


@pytest.mark.parametrize(
    "raw, word, raw_word",
    [
        ("Căn cứ Nghi\u0323 \u0111i\u0323nh số 30", "Nghị định", "Nghi\u0323 \u0111i\u0323nh"),
        ("A\u00adB Kế hoạch", "Kế hoạch", "Kế hoạch"),
        ("x\r\nQuyết định", "Quyết định", "Quyết định"),
    ],
)
def test_raw_span(raw: str, word: str, raw_word: str) -> None:
    norm = normalize(raw)
    start = norm.text.index(word)
    raw_start, raw_end = norm.raw_span(start, start + len(word))
    assert raw[raw_start:raw_end] == raw_word


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Cộng hoà", "Cộng hòa"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("hoàn thành", "hoàn thành"),  # inside a syllable: same in both styles
        ("quý II", "quý II"),  # "qu" + ý: not a tone position
        ("CỘNG HOÀ", "CỘNG HÒA"),
        ("Thuỷ lợi; thuỷ.", "Thủy lợi; thủy."),  # every syllable, before punctuation and at the end
        ("QUÝ, Quỳ, hoà.", "QUÝ, Quỳ, hòa."),  # after Q too
        ("khoẻ khoẻ", "khỏe khỏe"),  # two in a row
        ("hoàx", "hoàx"),  # a letter follows: not a syllable's end
    ],
)
def test_fold_tones(text: str, expected: str) -> None:
    assert fold_tones(text) == expected
    assert len(fold_tones(text)) == len(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ủy ban nhân dân tỉnh Lâm Đồng", "Uy ban nhan dan tinh Lam Dong"),
        ("Nghị định", "Nghi dinh"),
    ],
)
def test_fold_diacritics(text: str, expected: str) -> None:
    assert fold_diacritics(text) == expected


def _fold_by_definition(text: str) -> str:
    """fold_diacritics as defined: the whole text's NFD without its combining marks, recomposed."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def test_fold_diacritics_character_by_character_is_the_definition(seeds) -> None:
    """The per-character table folds every code point, and whole texts (marks in any order, decomposed text,
    Hangul jamo and two-part Indic vowels that recompose), exactly as the definition does."""
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert [fold_diacritics(c) for c in everything] == [_fold_by_definition(c) for c in everything]
    texts = [
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        unicodedata.normalize("NFD", "Độc lập - Tự do - Hạnh phúc"),
        "a\u0323\u0302\u0301 o\u0301\u031b u\u0309\u031b\u0323",  # marks in every order
        "\u1100\u1161\u11a8 \u0bc6\u0bbe \u0301alone",  # jamo, Tamil o, a mark with no letter
    ]
    texts += [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
    for text in texts:
        assert fold_diacritics(text) == _fold_by_definition(text)


def _normalize_by_clusters(raw: str) -> tuple[str, list[int]]:
    """normalize() as defined, one grapheme cluster at a time: (text, offsets)."""
    from vanban.pipeline import normalize as module

    read = read_legacy_glyphs(raw)
    out, offsets, i = [], [], 0
    while i < len(raw):
        ch = module._REPLACE.get(read[i], read[i])
        if read[i] in module._DROP:
            i += 1
        elif ch in module._SPACE or ch in module._NEWLINE:
            out.append(" " if ch in module._SPACE else "\n")
            offsets.append(i)
            i += 2 if raw[i : i + 2] == "\r\n" else 1
        else:
            j = i + 1
            while j < len(raw) and unicodedata.combining(raw[j]):
                j += 1
            for c in unicodedata.normalize("NFC", ch + read[i + 1 : j]):
                out.append(c)
                offsets.append(i)
            i = j
    return "".join(out), [*offsets, len(raw)]


TRICKY = [
    "Ủy ban nhân dân\r\ntỉnh Lâm Đồng",  # a line of plain NFC text copied whole
    unicodedata.normalize("NFD", "Cộng hòa xã hội chủ nghĩa"),  # every letter a cluster with its marks
    "Ðộc lập\u00a0–\u00a0Tự do\u00ad",  # replaced, spaces, dropped
    "Trƣờng Сộng e\u0301\u0323 o\u031b\u0300",  # legacy glyphs, marks in any order
    "\u1100\u1161\u11a8 \u212b \u0958 \u0bc6\u0bbe \u0301x",  # jamo, singletons, exclusions, a mark alone
    "a\r\rb\u2028c\x85d\ufffee\u2010f\tg\x0c",
]


def test_normalize_copies_plain_runs_as_cluster_by_cluster_would(seeds) -> None:
    texts = TRICKY + [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
    texts += [text.replace("\n", "\r\n") for text in texts] + [unicodedata.normalize("NFD", text) for text in texts]
    for text in texts:
        done = normalize(text)
        assert (done.text, list(done.offsets)) == _normalize_by_clusters(text)
