"""Patterns for citations, built once at import from extractors/data/citation_*.json.

Everything here matches ``TextDocument.match_text`` (new-style tone placement,
same offsets as ``text``). Knowledge — type names and codes, opener words,
issuer stop words — lives in the data files; this module only turns it into
compiled ``regex`` patterns.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from . import gazetteer, knowledge


@dataclass(frozen=True)
class DocType:
    """One citable type word: the name it is recorded under and how it is cited."""

    word: str  # as printed: "Nghị định", "Văn bản"
    recorded_as: str  # the doc_type a citation printed with this word gets (Văn bản → Công văn)
    by_name: bool  # Hiến pháp, Bộ luật, Luật, Pháp lệnh: cited by name, no number needed


def _doc_types() -> list[DocType]:
    """The gazetteer's types (a legal type without a code is cited by name), plus the extra words."""
    types = [DocType(t.name, t.name, t.kind == "legal" and t.code is None) for t in gazetteer.DOC_TYPES]
    types += [DocType(row["word"], row["as"], False) for row in knowledge.table("citation_types")["extra_words"]]
    return types


DOC_TYPES = _doc_types()
TYPE_BY_WORD = {t.word.casefold(): t for t in DOC_TYPES}
PHRASES = knowledge.table("citation_phrases")


def _words_alternation(words, flags: str = "") -> str:
    """A longest-first alternation of phrases; inner spaces match any whitespace (PDF line breaks)."""
    parts = sorted(set(words), key=len, reverse=True)
    body = "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in parts)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


_TYPE_ALT = _words_alternation([t.word for t in DOC_TYPES if not t.by_name] + ["Luật"], "i")
# Words between a type word and its số that do not change the type (`Thông báo kết luận số 125-TB/TU`).
_QUALIFIER_ALT = _words_alternation(knowledge.table("citation_types")["qualifiers"], "i")
# The type word's first letter as printed; later words in any case (`Bộ Luật Hình sự`).
_LAW_ALT = (
    "(?:"
    + "|".join(
        regex.escape(w.split()[0]) + "".join(rf"\s+(?i:{regex.escape(x)})" for x in w.split()[1:])
        for w in sorted((t.word for t in DOC_TYPES if t.by_name), key=len, reverse=True)
    )
    + r"|luật(?=\s+[Ll]uật\s)"
    + ")"
)
# (and a doubled `luật` in lower case: `biện pháp thi hành luật luật sư`)

# One segment of a ký hiệu: upper-case letters and digits with at least one letter,
# `&` and a bracketed unit allowed, one trailing lower-case letter (TTr, TTg, QĐi).
_CODE = r"""
    (?=[\p{Lu}\d&]*\p{Lu})                # at least one capital letter: NQ, C04, QH15 (not the 7 of 15/7/2021)
    [\p{Lu}\d][\p{Lu}\d&]*                # NĐ, LĐVL&TN, BCTĐ&TTN
    (?:\([\p{Lu}\d]+\))?                  # CAT(PC04)
    (?:[a-zđ](?![\p{L}\d]))?              # TTr, TTg, QĐi — never a whole lower-case word
"""

# A hyphen as PDFs print it: ASCII, Unicode hyphens, or the \\x02 some fonts map their hyphen to.
_HYPHEN = r"[-\u2010\u2011\x02]"

SYMBOL = rf"""
    (?P<symbol>
      (?P<number>\d{{1,5}}|[.…_]{{1,12}})?      # 76, 02; blank in a draft: …/TTr-SNV
      (?:
        \s?{_HYPHEN}\s?(?P<party_type>{_CODE})         # Party form 60-NQ/TU: type code before the slash
        \s?/\s?(?P<party_issuer>{_CODE}(?:[-.]{_CODE})*(?:/[a-zđ]{{1,3}})?)   # TU, TĐTN-BCTĐ&TTN, VPTW/nb
      |
        \s{{0,20}}/\s?                         # 76/…, 5743 /VP-HCQT, Số:      /KH-UBND
        (?:(?P<year>(?:19|20)\d{{2}})\s?/\s?)?  # 45/2020/NĐ-CP: the year of a legal normative text
        (?P<codes>{_CODE}(?:(?:{_HYPHEN}\s?|[./]){_CODE})*)   # NĐ-CP, SNV- LĐVL&TN, NĐ-\\nCP, CGC.BT, NQ/TW
      )
    )
"""

# The type code of a joint document, whose symbol lists every issuer: `102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN`.
JOINT_CODE = regex.compile(r"(?x) / \p{Lu}+LT - \p{Lu}")

# A type word on its own: `Công văn`, `Luật` (where a name may end and the next document start).
TYPE_WORD = regex.compile(rf"(?x) {_TYPE_ALT} (?![\p{{L}}])")

# A type word then its số và ký hiệu.
CITATION = regex.compile(
    rf"""(?x)
    (?<![\p{{L}}\d])
    (?P<type>{_TYPE_ALT})                       # Nghị quyết, Công văn, văn bản, Luật (Luật số 65/2020/QH14)
    (?:\s+{_QUALIFIER_ALT})?                    # Kế hoạch liên tịch số …; Thông báo kết luận số 125-TB/TU
    \s+(?:(?i:số)\s*:?\s*)?                     # "số", "số:", or nothing: Nghị định 126/2024/NĐ-CP
    (?:
      {SYMBOL}
    | (?P<symbol>(?P<number>\d{{1,4}})\s?/\s?(?P<year>(?:19|20)\d{{2}}))   # number/year only: Nghị định 30/2020
      (?![\p{{L}}\d/\-])
    )
    (?![\p{{L}}\d/])
    """
)

# The next symbol of a list sharing one type word: `các Nghị định số 45/2020/NĐ-CP, 107/2021/NĐ-CP`,
# `Quyết định số 2536/QĐ-UBND ngày 13/10/2025 và số 2537/QĐ-UBND`. Only a full symbol with its codes.
LIST_NEXT = regex.compile(
    rf"""(?x)
    (?: [ \t]*[,;][ \t]*(?:(?:và|hoặc)\s+)? | \s+(?:và|hoặc)\s+ )   # ", ", "; ", " và ", ", và "
    (?:số\s*:?\s*)?
    (?=\d)
    {SYMBOL}
    (?![\p{{L}}\d/])
    """
)

# A plural type word opening a list of its documents, each by `số …`: `tại các Công văn: số 87/HĐND-KTNS
# ngày 15/5/2024 về việc …, số 208/HĐND-KTNS …`, `đã ban hành các Quyết định: Số 418/QĐ-UBND …`.
PLURAL_LIST = regex.compile(rf"(?x) (?<![\p{{L}}]) (?P<lead>các) \s+ (?P<type>{_TYPE_ALT}) \s* : ")
# One item of such a list, up to the list's end (a sentence end, a colon ending a line, a `;` unless
# the next item follows it: `…, số 1060/BTC-QLGCS …; số 1187/BTC-ĐT …`).
LIST_ITEM = regex.compile(rf"(?x) (?<![\p{{L}}]) (?i:số) \s*:?\s* (?=\d) {SYMBOL} (?![\p{{L}}\d/])")
LIST_END = regex.compile(r"(?x) ;(?!\s*(?:và\s+)?(?i:số)\s*\d) | \.(?=\s) | :(?=\s*\n) | \n\s*\n")

# A legal normative symbol after `số` whose type word OCR lost: `phân bổ\nsố 21/2024/QĐ-TTg ngày 22/11/2024`.
# Its type is its type code's.
LEGAL_SYMBOL_ALONE = regex.compile(rf"(?x) (?<![\p{{L}}]) (?i:số) \s*:?\s* (?=\d) {SYMBOL} (?![\p{{L}}\d/])")

# A document cited by its number alone (`Nghị quyết 57 và Nghị quyết 68 của Bộ Chính trị`), where `của`
# or another such citation follows.
_NUMBER_ONLY_TYPES = _words_alternation(knowledge.table("citation_types")["number_only"]["types"])
NUMBER_ONLY = regex.compile(
    rf"""(?x)
    (?<![\p{{L}}\d]) (?P<type>{_NUMBER_ONLY_TYPES}) \s+ (?:số\s+)? (?P<symbol>(?P<number>\d{{1,3}}))
    (?= \s+ (?: của \s+ \p{{Lu}} | và \s+ (?:{_NUMBER_ONLY_TYPES}) \s+ \d{{1,3}} (?![\d/\-]) ) )
    """
)

# One word or one punctuation mark, for reading a name word by word.
WORD = regex.compile(r"\s*(?:(?P<word>[\p{L}\d][\p{L}\d/&'’\-]*)|(?P<punct>\S))")

# A law cited by name: the type word; the name is read word by word (citation_mentions.law_name_end).
LAW_BY_NAME = regex.compile(
    rf"""(?x)
    (?<![\p{{L}}\d])
    (?P<type>{_LAW_ALT})        # Luật Đất đai, Bộ luật dân sự, Hiến pháp nước …, Pháp lệnh …
    (?=\s+\S)
    """
)

# The same symbol with nothing before it, for a symbol following `Luật Tổ chức Quốc hội số`.
BARE_SYMBOL = regex.compile(rf"(?x) \s+ (?i:số) \s*:?\s* {SYMBOL} (?![\p{{L}}\d/])")

# The document's own số: `Số: 02 /KH-UBND`, `Nghị quyết số: 103/2025/UBTVQH15`.
OWN_SYMBOL = regex.compile(rf"(?xm) (?:^|\s) (?i:số)\s*:\s* {SYMBOL}")

DATE = regex.compile(
    r"""(?x)
    (?P<lead>\s*,?\s*)
    (?:
      (?i:ngày)\s*(?P<d1>\d{1,2}|[.…_]{1,12})?\s*(?i:tháng)\s*(?P<m1>\d{1,2})\s*(?i:năm)\s*(?P<y1>(?:19|20)\d{2})
                                            # ngày 15 tháng 7 năm 2021; ngày    tháng 8 năm 2025
    | (?P<ngay>(?i:ngày)\s*)?
      (?P<d2>\d{1,2}|[.…_]{1,12})?\s?[/.-]\s?(?P<m2>\d{1,2})\s?[/.-]\s?(?P<y2>(?:19|20)\d{2})
                                            # ngày 15/7/2021; ngày 23 / 3 /2022; bare 13/07/2022; ngày …/8/2025
    )
    (?![\d/])
    """
)

# A date OCR has made unreadable, skipped to reach the issuer after it: `ngày 8/9/2925 của Bộ trưởng Bộ Công an`.
UNREADABLE_DATE = regex.compile(r"(?x) \s*,?\s* (?i:ngày) \s* \d{1,2} \s?/\s? \d{1,2} \s?/\s? \d{4} (?![\d/])")

# A footnote marker glued to a symbol: superscript digits or [1].
FOOTNOTE_MARK = regex.compile(r"(?x) [¹²³⁴⁵⁶⁷⁸⁹⁰]+ | \[\d{1,3}\]")

# `của` before an issuer, with an optional comma before it.
OF_ISSUER = regex.compile(r"(?x) \s*,?\s* của \s+")

TITLE_START = regex.compile(
    rf"""(?x) \s*,?\s* (?P<starter>{_words_alternation(PHRASES["title_starters"]["phrases"], "i")})
    (?![\p{{L}}])"""
)

OPENER = regex.compile(
    rf"""(?x) (?<![\p{{L}}]) {_words_alternation(PHRASES["basis_openers"]["phrases"], "i")} (?![\p{{L}}])"""
)
# Openers that govern in mid-sentence too: `Sở Tài chính nhận được Công văn số 1185/SNV-CCVC`.
OPENER_MID_SENTENCE = regex.compile(
    rf"""(?x) {_words_alternation(PHRASES["basis_openers"]["mid_sentence"], "i")} (?![\p{{L}}])"""
)
# What may stand before a lower-case opener that opens a clause: punctuation, or `và`
# (`… tại Công văn số 1925/STC-HTDN và căn cứ Nghị định số 126/2024/NĐ-CP`).
CLAUSE_OPENING = regex.compile(r"""(?x) (?: ^ | [,;:(\-–•+] | \n\s*\n | (?<![\p{L}])(?:và|đồng\s+thời) ) \s* $""")

# A list of provisions before the document they belong to, read as one item:
# `Điều 3, khoản 2, khoản 3 Điều 4 và Điều 6 Quyết định số 28/QĐ-TTg`, `điểm e, h, l khoản 9 Điều 31`.
PROVISIONS = regex.compile(
    r"""(?x)
    (?: (?i:điều|khoản|tiểu\s+mục|mục|tiết|bước|chương|phần|phụ\s+lục) \s+ (?:\d+[a-zđ]?|[IVXLC]+) (?![\p{L}\d])   # Điều 4, khoản 2, Chương II
      | (?i:điểm) \s+ (?:[a-zđ]|\d+(?:\.\d+)?) (?![\p{L}\d])                                   # điểm e, điểm 1.2
    )
    (?: \s*,\s* (?:[a-zđ]|\d+[a-zđ]?) (?![\p{L}\d/]) )*                                       # , h, l
    """
)
# A comma that opens a new clause: `Căn cứ tình hình thực tế, đề nghị …`; list continuations do not
# (`…, các quy định chi tiết, hướng dẫn thi hành Luật Luật sư`).
NEW_CLAUSE_COMMA = regex.compile(
    rf"""(?x) ,\s+ (?!{_words_alternation(PHRASES["list_continuations"]["words"])}(?![\p{{L}}])) \p{{Ll}}"""
)

# Between two citations of one clause: they form a list (`… và Công điện số 280/CĐ-TTg`),
# or the second amends the first (`… đã được sửa đổi, bổ sung một số điều theo Luật số 65/2020/QH14`).
CONNECTOR = regex.compile(
    r"""(?x) ^ [\s,;]* (?:và|hoặc|cùng|,)? \s*
    (?: (?:đã\s+)?(?:được\s+)?sửa\s+đổi,?\s+bổ\s+sung [^;.]{0,40}? \s (?:theo|tại|bởi) \s*
      | [^;.]{0,80}? \s tại \s*                    # … và Giám đốc Sở Nội vụ tại Công văn số 437/SNV-TCCC
    )?
    (?:số\s*:?\s*)?                               # … các Luật số 43/2024/QH15, số 47/2024/QH15
    $"""
)

# Where the preamble ends and the body proper starts.
BODY_START = regex.compile(
    r"""(?xm)
    ^[ \t]*(?:
        (?:QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|NGHỊ\s+QUYẾT|CHỈ\s+THỊ|KẾT\s+LUẬN|THÔNG\s+BÁO)\s*:   # QUYẾT ĐỊNH:
      | Điều\s+1\s*[.:]                       # Điều 1.
      | (?:I|1)\s*[.)/]\s+\S                  # I. MỤC ĐÍCH, YÊU CẦU; 1. Về thẩm quyền
      | (?:Chương|CHƯƠNG|Phần|PHẦN)\s+(?:I|1|THỨ\s+NHẤT)\b
      | Nơi\s+nhận                            # the signature block
    )
    """
)

# The words that close the opening of a công văn or báo cáo, before its body: `…, Sở Nội vụ báo cáo như sau:`.
OPENING_END = regex.compile(r"(?x) (?<![\p{L}]) như \s+ sau \s* : ")

# An official document shows the Quốc hiệu, the Party heading or a số line near its top.
OFFICIAL_MARK = regex.compile(
    r"""(?xi) CỘNG\s+H[ÒO]A\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA | ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM | (?m:^\s*Số\s*:) """
)

# Clause boundaries for role decisions: `;` or `.` before whitespace, a colon at a line end, a blank line.
CLAUSE_BREAK = regex.compile(
    r"(?x) [;] | \.(?=\s) | :(?=\s*\n) | \n\s*\n | \n(?=\s*(?:[-+•]\s|Căn\s+cứ|Theo\s+đề\s+nghị|Điều\s+\d))"
)

RELATION_BEFORE = [
    (regex.compile(rf"(?xi) {_words_alternation([p])} \s* $"), rel) for p, rel in PHRASES["relations"]["before"]
]
RELATION_TITLE = [
    (regex.compile(rf"(?xi) ^ \s* (?:về\s+(?:việc\s+)?)? {_words_alternation([p])}"), rel)
    for p, rel in PHRASES["relations"]["title"]
]

ISSUER_STOP = regex.compile(rf"(?x) {_words_alternation(PHRASES['issuer_stop_words']['words'])} (?![\p{{L}}])")
ISSUER_THROUGH_VE = tuple(PHRASES["issuer_names_through_ve"]["names"])
HEAD_TITLES = regex.compile(
    rf"""(?x) ^ {_words_alternation(PHRASES["head_titles"]["titles"])} \s*,?\s+ (?=\p{{Lu}}) """
)
# Words that may stand inside a body's name although they also open a trích yếu
# (`Ban chỉ đạo`, `… chuyển đổi số và Đề án 06`), and one-word heads not yet a name.
ISSUER_NAME_WORDS = frozenset(PHRASES["issuer_names_through_ve"]["words_inside"])
ISSUER_INSIDE_PAIRS = frozenset(PHRASES["issuer_names_through_ve"]["phrases_inside"])
# A head's title naming the kind of body it heads: `Trưởng phòng Văn hóa - Xã hội` → `Phòng Văn hóa - Xã hội`.
BODY_OF_TITLE = {k: v for k, v in PHRASES["head_titles"]["naming_body"].items() if not k.startswith("_")}
TITLE_NAMING_BODY = regex.compile(rf"""(?x) ^ (?P<title>{_words_alternation(BODY_OF_TITLE, "i")}) \s+ (?=\p{{Lu}}) """)
HEAD_KEEP = regex.compile(rf"""(?x) ^ {_words_alternation(PHRASES["head_titles"]["keep"])} (?![\p{{L}}]) """)
ORG_HEAD = regex.compile(
    rf"""(?x) (?<![\p{{L}}]) {_words_alternation(PHRASES["organisation_heads"]["words"])} (?![\p{{L}}]) """
)
# Where a trích yếu ends: `;`, a sentence end, a colon, a new paragraph or list item, a comma before a
# body that starts the next clause (`…, Bộ Nội vụ đề nghị …`) or before the list's next document, or a
# further ground (`… năm 2025 và đề xuất của Giám đốc Sở Tài chính tại Công văn số 286/STC-HCSN`).
TITLE_END = regex.compile(
    rf"""(?x)
      ;  |  \.(?=\s|$)  |  :(?=\s)  |  \n\s*\n
    | \n(?=\s*(?:[-+•]\s|Căn\s+cứ|Theo\s+đề\s+nghị|\d+\.\s))
    | ,\s+(?={_words_alternation(PHRASES["organisation_heads"]["words"])}\s+[^\s,;.]+\s+\p{{Ll}})
    | ,\s+(?={_TYPE_ALT}\s+(?i:số)\s*:?\s*\d)          # `…, Nghị quyết số 76/NQ-HĐND …`: the list's next document
    | \s+và\s+(?={_words_alternation(PHRASES["basis_openers"]["phrases"])}\s+của\s)   # `… và đề xuất của Giám đốc Sở …`
    """
)
# `… quy định cơ chế quản lý … quốc gia và Nghị định số 38/2023/NĐ-CP ngày 24/6/2023 của Chính phủ …`: a document
# with its own số, date and issuer after `và` is the list's next item, unless the trích yếu before it names a
# document like it, dated or of its type: `… tại Nghị định số 103/2024/NĐ-CP ngày 30/7/2024 và Nghị định số
# 104/2024/NĐ-CP ngày 31/7/2024 của Chính phủ` and `… về thực hiện Nghị quyết số 01/NQ-CP và Nghị quyết số 02/NQ-CP
# ngày 08/01/2025 của Chính phủ` are one list inside the trích yếu, while in `… ban hành Kế hoạch triển khai Nghị
# quyết 163/2024/QH15 và Quyết định số 7619/QĐ-BCA ngày 8/9/2025 của Bộ trưởng Bộ Công an …` the trích yếu ends
# at its undated back-reference.
NEXT_DATED_ITEM = regex.compile(
    rf"""(?x) \s+và\s+
    (?= (?P<type>{_TYPE_ALT}) \s+ (?i:số) \s*:?\s* \d[^\s;,]* (?:\s[^\s;,]+)?      # Nghị định số 38/2023/NĐ-CP (or `7619/QĐ- BCA`)
        \s+ ngày \s+ \d [^;]{{0,40}}? \s+ của \s )                        # ngày 24/6/2023 của
    """
)
# A document of a given type named in a trích yếu, by type word (casefolded, one space): `Nghị quyết số 01/NQ-CP`.
NUMBERED_OF_TYPE = {
    " ".join(word.split()): regex.compile(rf"(?i)(?<![\p{{L}}]){_words_alternation([word])}\s+(?:số\s*:?\s*)?\d")
    for word in {t.word.casefold() for t in DOC_TYPES} | {"luật"}
}
# A dated document in a trích yếu: `Nghị định số 103/2024/NĐ-CP ngày 30/7/2024`.
DATED_NUMBER = regex.compile(r"(?x) \d+/[^\s;,]*\p{Lu}[^\s;,]* \s+ ngày \s+ \d")
ABBREVIATIONS = frozenset(PHRASES["abbreviations"]["words"])
ABBREVIATION = regex.compile(
    rf"""(?x) (?<![\p{{L}}\-]) (?:{"|".join(regex.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True))}) (?![\p{{L}}\-]) """
)
LAW_STOP = PHRASES["law_names"]["stop_words"]
LAW_STOP_PHRASE = regex.compile(rf"(?x) ^ {_words_alternation(LAW_STOP)} (?![\p{{L}}])")
# A phrase holding a stop word that stays inside a name: `… công nghệ và đổi mới sáng tạo`.
LAW_INSIDE_PHRASE = regex.compile(rf"(?x) ^ {_words_alternation(PHRASES['law_names']['inside'])} (?![\p{{L}}])")
NOT_LAWS = frozenset(PHRASES["law_names"]["not_laws"])


def _law_names_alternation(names) -> str:
    """Known law names, longest first; a comma inside a name is optional (`Phòng chống ma túy`)."""

    def one(name: str) -> str:
        return r",?\s+".join(regex.escape(w) for w in name.replace(",", "").split())

    return "|".join(one(n) for n in sorted(set(names), key=len, reverse=True))


# A name from the known-law table at the start of a cited name: `Hải quan` in `Luật Hải quan và thông báo …`.
KNOWN_LAW_NAME = regex.compile(
    rf"""(?xi) (?:{_law_names_alternation(knowledge.table("citation_law_names")["names"])}) (?![\p{{L}}\d]) """
)
AMENDING = regex.compile(rf"(?x) {_words_alternation(PHRASES['law_names']['amending'], 'i')} (?![\p{{L}}])")

_ISSUING_VERB = _words_alternation(PHRASES["issuing_verbs"]["words"])
# What stands between a body and the `tại`/`theo` before its document: `UBND tỉnh đã có chỉ đạo tại`,
# `Sở Nội vụ có ý kiến thống nhất theo`.
BEFORE_AT = regex.compile(
    rf"""(?x) [\s,]* (?:(?:đã|vừa)\s+)? (?:{_words_alternation(PHRASES["issuing_verbs"]["before_at"])}\s+)? (?:tại|theo)
    (?:\s+\p{{Ll}}+){{0,2}} \s* $     # `của Bộ Tài chính tại nội dung các Công văn: …`"""
)

# A body said to issue the document named next: `Văn phòng UBND tỉnh ban hành Công văn số 2815/VP-HCQT`,
# or the list after a colon: `UBND tỉnh Lâm Đồng đã ban hành: Quyết định số 2139/QĐ-UBND …`.
ISSUED_BEFORE = regex.compile(rf"(?x) \s+ (?:đã\s+|vừa\s+)? {_ISSUING_VERB} \s* :? \s* $")
# Between two documents of one list: `Tờ trình số 1002/TTr-BTC ngày … và văn bản số 295/BTC-KBNN`.
LIST_JOINER = regex.compile(r"(?x) [\s,]* (?:và|hoặc)? \s* (?:các\s+)? (?:số\s*:?\s*)?")
# Between two documents of a list whose items each carry their own trích yếu, closed by a semicolon:
# `Kế hoạch số 853/KH-UBND ngày 24/01/2025 tổ chức chiến dịch …; Kế hoạch số 2104/KH-UBND ngày 05/3/2025 …`.
ITEM_JOINER = regex.compile(r"(?x) \s* ; \s* (?:và\s+)?")

# A sentence opening with the date on which a body issued the document named next:
# `Ngày 18/02/2025, Ủy ban nhân tỉnh đã có Công văn số 574/UBND-NCKSTTHC`,
# `; ngày 08/9/2025, Bộ trưởng Bộ Công an đã ban hành Quyết định số 7619/QĐ-BCA`.
DATED_BEFORE = regex.compile(
    rf"""(?x)
    (?<= (?: ^ | [.;:,] | \n ) [ \t]* )       # opens a sentence or clause
    (?: (?:Đến|Vào) \s+ )?                     # `Đến ngày 05/9/2025, Ban Chấp hành … có Công văn số 40/HCCV`
    (?P<date> (?i:ngày) \s*
        (?: \d{{1,2}} \s?[/.-]\s? \d{{1,2}} \s?[/.-]\s? (?:19|20)\d{{2}}                 # 18/02/2025
      | \d{{1,2}} \s+ (?i:tháng) \s+ \d{{1,2}} \s+ (?i:năm) \s+ (?:19|20)\d{{2}} ) )   # 12 tháng 6 năm 2025
    \s*,?\s*                                  # `ngày\n08/9/2025 Sở Tư pháp ban hành …` prints no comma
    (?P<subject> (?: [^;.\n] | \n(?!\s*\n) ){{2,120}}? )   # the body: Ủy ban nhân dân tỉnh, Bộ Tư pháp
    \s+ (?:đã\s+|vừa\s+)? {_ISSUING_VERB} \s* $
    """
)

# A body whose name is complete, so that a lower-case word after it opens the trích yếu:
# `của Chính phủ cơ sở dữ liệu quốc gia về pháp luật`, `của Ủy ban Thường vụ Quốc hội …`.
COMPLETE_ISSUER = regex.compile(
    rf"""(?x) (?<![\p{{L}}]) {_words_alternation(PHRASES["complete_issuers"]["names"])} $"""
)
