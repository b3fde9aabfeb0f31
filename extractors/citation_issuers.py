"""Citation issuers: the body a text names for a cited document, after it (`… của Giám đốc Sở Nội vụ`)
or before it (`của Sở Tài chính tại Công văn số …`, `UBND tỉnh đã ban hành các Quyết định: …`), spelled
out like ``document.issuer``, and inherited by each document of a list the name governs.
"""

from __future__ import annotations

import regex

from vanban.pipeline.document import TextDocument
from vanban.record import DocumentInfo

from . import citation_patterns as P
from . import gazetteer
from .citation_mentions import Mention, iso_date


def issuer_end(text: str, pos: int, limit: int, joint: bool = False) -> int:
    """Where the body named after `của` ends: before the trích yếu's verb, a date, or punctuation.
    A joint document (`Thông tư liên tịch`) has joint issuers: `Bộ Nội vụ và Bộ Tài chính`."""
    end = pos
    words: list[str] = []
    through_ve = False
    while end < limit:
        rest = text[end:limit]
        tok = P.WORD.match(rest)
        if tok is None:
            break
        word, punct = tok.group("word"), tok.group("punct")
        after = rest[tok.end() :]
        if (
            word
            and words
            and "\n" in rest[: tok.start("word")]
            and word.isupper()
            and len(word) > 1
            and word not in P.ABBREVIATIONS
        ):
            break  # the next header line (`CỘNG HÒA XÃ HỘI …`), not the rest of the name
        if word and words and "\n" in rest[: tok.start("word")] and _LINE_LABEL.match(rest, tok.start("word")):
            break  # `… của UBND tỉnh\nKính gửi: …`
        if punct:
            nxt = P.WORD.match(after)
            nxt_word = nxt.group("word") if nxt else None
            if punct == "-" and nxt_word and nxt_word[0].isupper():
                end += tok.end()
                continue
            if punct == "," and joint and nxt_word and nxt_word[0].isupper() and words:
                end += tok.end()  # `của Ủy ban Thường vụ Quốc hội, Chính phủ và Đoàn Chủ tịch …`: every issuer
                continue
            if (
                punct == ","
                and nxt_word
                and words
                and (
                    (through_ve and nxt_word[0].islower() and nxt_word not in ("ngày", "theo", "tại", "đề"))
                    or (
                        nxt_word[0].isupper()
                        and not _starts_entity(after)
                        and not (
                            P.HEAD_TITLES.match(after.lstrip()) and not P.HEAD_TITLES.match(" ".join(words) + " X")
                        )
                    )
                )
            ):
                end += tok.end()
                continue
            break
        if not words and not (word[0].isupper() or word in P.ABBREVIATIONS):
            break
        if word == "và" and regex.match(r"\s*\p{Lu}", after) and (joint or not _starts_entity(after)):
            words.append(word)
            end += tok.end()
            continue
        stop = P.ISSUER_STOP.match(rest, tok.start("word"))
        if stop and words and f"{words[-1]} {word}" in P.ISSUER_INSIDE_PAIRS:
            stop = None  # `Cục Chuyển đổi số và …`
        if words and word[0].islower() and P.COMPLETE_ISSUER.search(" ".join(words)) and word not in P.ABBREVIATIONS:
            break  # `của Chính phủ cơ sở dữ liệu quốc gia về pháp luật`
        if through_ve:
            if (
                word == "của"
                or (word == "về" and regex.match(r"\s*việc", after))
                or (stop and word not in P.ISSUER_NAME_WORDS)
            ):
                break
        elif stop and not (len(words) == 1 and words[0] in P.ISSUER_NAME_WORDS):
            break  # `Ban chỉ đạo`, `Ban Chấp hành`: a one-word head is not yet a name
        words.append(word)
        end += tok.end()
        if not through_ve and " ".join(words).startswith(P.ISSUER_THROUGH_VE):
            through_ve = True
        if len(words) > (30 if through_ve or joint else 16):
            break
    return end


_LINE_LABEL = regex.compile(r"(?x) Kính\s+gửi | Nơi\s+nhận")


def _starts_entity(after: str) -> bool:
    """The text continues with another body or document, not the rest of this name."""
    s = after.lstrip()
    return bool(P.ORG_HEAD.match(s) or P.CITATION.match(s) or P.LAW_BY_NAME.match(s) or P.TYPE_WORD.match(s))


def normalise_issuer(raw: str) -> str | None:
    """As printed, one line, head's title dropped, abbreviations expanded, sentence case."""
    name = " ".join(raw.split()).strip(" ,;-")
    name = regex.sub(r"\s*\([^)]*\)$", "", name)
    if not name:
        return None
    titled = P.TITLE_NAMING_BODY.match(name)
    if titled:  # `Trưởng phòng Văn hóa - Xã hội Phường` → `Phòng Văn hóa - Xã hội Phường`
        name = P.BODY_OF_TITLE[_title_key(titled.group("title"))] + " " + name[titled.end() :]
    while not P.HEAD_KEEP.match(name):
        stripped = P.HEAD_TITLES.sub("", name, count=1)
        if stripped == name or not (
            P.ORG_HEAD.match(stripped) or P.ABBREVIATION.match(stripped) or P.HEAD_TITLES.match(stripped)
        ):
            break
        name = stripped  # `Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ` → `Văn phòng Chính phủ`
    name = _COMPLETE_ISSUER_SPELLING.get(name.casefold(), name)  # `Chính Phủ` → `Chính phủ`
    return gazetteer.expand_issuer(name) or None


def _title_key(title: str) -> str:
    return next(k for k in P.BODY_OF_TITLE if k.casefold() == " ".join(title.split()).casefold())


_COMPLETE_ISSUER_SPELLING = {n.casefold(): n for n in P.PHRASES["complete_issuers"]["names"]}


def share_issuers(text: str, mentions: list[Mention]) -> None:
    """`Công điện số 968/CĐ-TTg và Công điện số 280/CĐ-TTg của Thủ tướng Chính phủ`: one `của` for the list."""
    for i in range(len(mentions) - 2, -1, -1):
        m, nxt = mentions[i], mentions[i + 1]
        if m.issuer or m.title_span or m.name:
            continue  # a law cited by name takes no `của` from the next: `Hiến pháp và Luật hoạt động giám sát của Quốc hội`
        if (
            m.symbol
            and nxt.symbol
            and _issuer_code(m.symbol)
            and _issuer_code(nxt.symbol)
            and _issuer_code(m.symbol) != _issuer_code(nxt.symbol)
        ):
            continue  # `Thông tư số 01/2018/TT-VPCP và Quyết định số 766/QĐ-TTg … của Thủ tướng Chính phủ`
        if regex.fullmatch(r"[\s,]*(?:và|hoặc|,)?\s*(?:số\s*)?", text[m.tail_end : nxt.start]) and nxt.issuer:
            m.issuer = nxt.issuer


def _issuer_code(symbol: str) -> str:
    """The issuing body's code in a symbol, its units and the type code left out: `01/2018/TT-VPCP` → `VPCP`,
    `477/BCA-H01` → `BCA`, `60-NQ/TU` → `TU`, `163/2024/QH15` → `QH15`, `30/2020` → ``."""
    if "-" in symbol.split("/", 1)[0]:
        return symbol.rsplit("/", 1)[-1]  # Party form: the issuer follows the slash
    codes = [c for c in regex.split(r"[-/]", symbol.rsplit("/", 1)[-1]) if c and not c.isdigit()]
    if codes and gazetteer.is_type_code(codes[0]) and len(codes) > 1:
        codes = codes[1:]
    return codes[0] if codes else ""


# The body that a clause names before its documents: `của Sở Tài chính tại`, `Trung tâm đã có`.
_NAMED_BODY_START = regex.compile(
    r"""(?x) (?<![\p{L}]) (?= \p{Lu} | (?:"""
    + "|".join(regex.escape(a) for a in P.ABBREVIATIONS)
    + r""") (?![\p{L}]) )"""
)

# Where a clause before a document starts: the body named in it stands after this.
_CLAUSE_BEFORE = regex.compile(r"(?x) [;:] | \.(?=\s) | \n\s*\n | (?<![\p{L}])(?:của|do|với|Ngày\s+\d[\d/]*,?) \s")


def issuers_before(doc: TextDocument, text: str, mentions: list[Mention], info: DocumentInfo) -> None:
    """The body a sentence names before its documents issued them:

    - `Theo đề nghị của Sở Nội vụ tại Công văn số 3269/SNV-CCHC`, `… của Giám đốc Sở Tài nguyên và Môi
      trường tại Tờ trình số 6326/TTr-STNMT … và Công văn số 63/STNMT-BHĐ` (each document of the list);
    - `Văn phòng UBND tỉnh ban hành Công văn số 2815/VP-HCQT`, `UBND tỉnh đã ban hành các Quyết định:
      Số 418/QĐ-UBND …, số 728/QĐ-UBND …` (each document of the list);
    - `Ngày 18/02/2025, Ủy ban nhân tỉnh đã có Công văn số 574/UBND-NCKSTTHC`: and the day it did.
    A body named by its head word alone (`Trung tâm đã có Công văn …`) is the document's own issuer
    when that is its name (`Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch`)."""
    for i, m in enumerate(mentions):
        before = m.lead if m.lead is not None else m.start
        lo = max(mentions[i - 1].tail_end if i and mentions[i - 1].tail_end <= before else 0, before - 200)
        if m.issued_date is None:
            dated = P.DATED_BEFORE.search(text, lo, before)
            if dated:
                m.issued_date = iso_date(P.DATE.match(dated.group("date")))
                subject = P.HEAD_TITLES.sub("", dated.group("subject"), count=1)
                if m.issuer is None and (P.ORG_HEAD.match(subject) or P.ABBREVIATION.match(subject)):
                    m.issuer = normalise_issuer(doc.text[dated.start("subject") : dated.end("subject")])
                    m.issuer_before = True
        if m.issuer:
            continue
        prefix = text[lo:before]
        cut = P.BEFORE_AT.search(prefix) or P.ISSUED_BEFORE.search(prefix)
        if cut:
            name = _body_before(doc, text, lo, lo + cut.start())
            if name:
                m.issuer, m.issuer_before = name, True
        elif i and mentions[i - 1].issuer_before and P.LIST_JOINER.fullmatch(text, mentions[i - 1].tail_end, m.start):
            m.issuer, m.issuer_before = mentions[i - 1].issuer, True  # the next document of the same list
    _issuers_down_list(text, mentions)
    for m in mentions:
        m.issuer = _own_short_name(m.issuer, info)


def _issuers_down_list(text: str, mentions: list[Mention]) -> None:
    """The body named before the first document of a list whose items end in semicolons issued each later
    item whose symbol carries the same issuing code: `UBND tỉnh ban hành Kế hoạch số 853/KH-UBND … ; Kế
    hoạch số 2104/KH-UBND …; Luật Phòng, chống ma túy; Kế hoạch số 3488/KH-UBND …`. A law cited by name
    or another body's document between items keeps the list going; a sentence or an item that opens
    otherwise ends it. Documents named inside an item's trích yếu are not items."""
    listed: Mention | None = None
    reach = 0
    for m in mentions:
        if m.start < reach:
            continue  # `… thực hiện Nghị quyết số 93/NQ-CP …` inside the item before
        if listed and not (
            P.ITEM_JOINER.fullmatch(text, reach, m.start) or P.LIST_JOINER.fullmatch(text, reach, m.start)
        ):
            listed = None
        if m.issuer_before and m.symbol and _issuer_code(m.symbol):
            listed = m
        elif listed and m.issuer is None and m.symbol and _issuer_code(m.symbol) == _issuer_code(listed.symbol or ""):
            m.issuer, m.issuer_before = listed.issuer, True
        reach = max(reach, m.tail_end, m.title_span[1] if m.title_span else 0)


def _body_before(doc: TextDocument, text: str, lo: int, cut: int) -> str | None:
    """The body named last before ``cut``: the leftmost start in the clause from which a name reads
    up to ``cut`` (`Đối với Hội Tin học, Sở Thông tin và Truyền thông có …` → the Sở). Several bodies listed there are joint
    issuers (`của Đoàn Luật sư tỉnh Lâm Đồng (cũ), Đoàn Luật sư tỉnh Bình Thuận (cũ) tại Đơn đề nghị …`)."""
    clause, after_of = lo, False
    for b in _CLAUSE_BEFORE.finditer(text, lo, cut):
        clause, after_of = b.end(), b.group().startswith("của")
    for start in _NAMED_BODY_START.finditer(text, clause, cut):
        at = start.start()
        if not _opens_body(text[at:cut]):
            continue
        end = issuer_end(text, at, cut)
        if end > at and not text[end:cut].strip(" \n\t,") and len(text[at:end].split()) <= 16:
            return normalise_issuer(doc.text[at:end])
        names = _bodies_listed(doc, text, at, cut) if after_of else []
        if names:
            return ", ".join(names)
    return None


# Between two bodies of a list: a bracketed note, then a comma or `và`.
_BODY_SEPARATOR = regex.compile(r"(?x) (?P<note> \s* \( [^()\n]{1,20} \) )? \s* (?: , | \s và ) \s+")


def _opens_body(text: str) -> bool:
    """The text starts with a body's name, or a head's title before one (`Giám đốc Sở …`, `Trưởng phòng …`)."""
    rest = P.HEAD_TITLES.sub("", text, count=1)
    return bool(P.ORG_HEAD.match(rest) or P.ABBREVIATION.match(rest) or P.TITLE_NAMING_BODY.match(text))


def _bodies_listed(doc: TextDocument, text: str, at: int, cut: int) -> list[str]:
    """Each body of a comma list of two or more that runs up to ``cut``, its bracketed note kept (`… (cũ)`);
    the last alone after `và`, which joins a proposer to the body whose document follows."""
    names: list[str] = []
    joined_by_and = False
    while at < cut:
        end = issuer_end(text, at, cut)
        if end <= at:
            return []
        sep = _BODY_SEPARATOR.match(text, end, cut)
        note = regex.match(r"\s*\([^()\n]{1,20}\)", text[end:cut])
        name_end = end + note.end() if note else end
        names.append(" ".join(doc.text[at:name_end].split()))
        if not sep or not _opens_body(text[sep.end() : cut]):
            if len(names) < 2 or text[name_end:cut].strip():
                return []
            return names[-1:] if joined_by_and else names  # `của Hội … và Sở Nội vụ tại Tờ trình` is the Sở's
        joined_by_and = "và" in sep.group()
        at = sep.end()
    return []


def _own_short_name(issuer: str | None, info: DocumentInfo) -> str | None:
    """A body named by its head word alone is the document's own issuer when that is its name."""
    if issuer and info.issuer and P.ORG_HEAD.fullmatch(issuer) and info.issuer.startswith(issuer + " "):
        return info.issuer
    return issuer
