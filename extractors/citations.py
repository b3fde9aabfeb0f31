"""Citations: every other document the text cites, one entry per document.

A mention is a type word with its số và ký hiệu (`Nghị quyết số 76/NQ-CP`) or a
law cited by name (`Luật Tổ chức chính quyền địa phương`). After each mention
the extractor reads its tail — date, `của <issuer>`, trích yếu — then decides
its role from where it stands (a `Căn cứ …` clause of the preamble is a basis;
a mention inside another citation's trích yếu is a reference), and finally
merges the mentions of one document into one :class:`Citation`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from vanban.pipeline.document import TextDocument
from vanban.record import Citation, DocumentInfo

from . import citation_patterns as P
from . import gazetteer


@dataclass
class _Mention:
    """One place in the text where a document is cited."""

    start: int
    end: int  # end of the type + symbol (or law name): the recorded span
    doc_type: str
    symbol: str | None
    number: str | None = None
    year: int | None = None
    blank_key: str | None = None  # type code + issuer code of a symbol printed without its number
    name: str | None = None  # a law's name, for laws cited by name
    name_end: int = 0  # where a law's name ends, before any `số …` after it
    issued_date: str | None = None
    issuer: str | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    tail_end: int = 0
    own_tail: bool = False  # a date or issuer follows the symbol itself
    issuer_before: bool = False  # the issuer was named before the document (`của Sở X tại …`)
    lead: int | None = None  # where a list's shared words start (`các Quyết định: …`), for what precedes them
    relation: str | None = None
    role: str = "reference"
    nested: bool = False
    bare: bool = False  # `Hiến pháp` with no name nor year: a type word, a mention only of a named one

    @property
    def key(self) -> tuple:
        if self.symbol:
            return ("sym", _symbol_key(self.symbol))
        if self.blank_key:
            return ("blank", self.doc_type, self.blank_key)
        return ("name", self.doc_type.casefold(), _name_key(self.name or ""))


def extract_citations(doc: TextDocument, info: DocumentInfo) -> list[Citation]:
    """Every document cited in ``doc`` other than the document itself, in order of first mention."""
    text = doc.match_text
    mentions = _find_mentions(doc, text)
    _amending_law_symbols(mentions)
    own = _own_keys(doc, info)
    mentions = [
        m
        for m in mentions
        if m.key not in own
        and not (m.blank_key and ("own-codes", m.blank_key) in own)
        and not _own_attachment(text, m, info)
    ]
    _fix_footnote_digits(mentions, text)
    _read_tails(doc, text, mentions)
    _assign_roles(doc, info, text, mentions)
    _share_issuers(text, mentions)
    _issuers_before(doc, text, mentions, info)
    return _merge(mentions)


# ---------------------------------------------------------------- mentions


def _find_mentions(doc: TextDocument, text: str) -> list[_Mention]:
    found: list[_Mention] = []
    for m in P.CITATION.finditer(text):
        if not (m.group("number") or "").isdigit() and not _BLANK_CODES.search(
            m.group("codes") or m.group("party_type") or ""
        ):
            continue  # `pháp luật /In case …`: a blank number needs a real code after it (`văn bản số /SNV`)
        found.append(_symbol_mention(doc, m, m.start("type"), m.group("type")))
        found += _list_mentions(doc, text, m.end(), m.group("type"))
    found += _plural_list_mentions(doc, text, found)
    found += _typeless_mentions(doc, text, found)
    taken = [(m.start, m.end) for m in found]
    for m in P.LAW_BY_NAME.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        mention = _law_mention(doc, text, m)
        if mention is not None:
            found.append(mention)
    found.sort(key=lambda m: m.start)
    return found


def _plural_list_mentions(doc: TextDocument, text: str, found: list[_Mention]) -> list[_Mention]:
    """`… tại các Công văn: số 87/HĐND-KTNS ngày 15/5/2024 về việc …, số 208/HĐND-KTNS …`: each `số …` of a
    list opened by a plural type word and a colon is a document of that type, up to the list's end."""
    taken = {m.start for m in found} | {m.end for m in found}
    listed: list[_Mention] = []
    for head in P.PLURAL_LIST.finditer(text):
        end = P.LIST_END.search(text, head.end())
        for item in P.LIST_ITEM.finditer(text, head.end(), end.start() if end else len(text)):
            if not (item.group("number") or "").isdigit() or item.end("symbol") in taken:
                continue
            mention = _symbol_mention(doc, item, item.start("symbol"), head.group("type"))
            mention.lead = head.start("lead")
            listed.append(mention)
    return listed


def _typeless_mentions(doc: TextDocument, text: str, found: list[_Mention]) -> list[_Mention]:
    """Documents cited without the usual type word and symbol: a legal symbol after `số` whose type word
    OCR lost (its type code's type), and a resolution cited by its number alone (`Nghị quyết 57 của Bộ Chính trị`)."""
    taken = [(m.start, m.end) for m in found]
    more: list[_Mention] = []
    for m in P.LEGAL_SYMBOL_ALONE.finditer(text):
        type_code = (m.group("codes") or "").split("-")[0]
        if (
            m.group("year")
            and (m.group("number") or "").isdigit()
            and gazetteer.is_type_code(type_code)
            and not any(s <= m.start("symbol") < e for s, e in taken)
        ):
            more.append(_symbol_mention(doc, m, m.start("symbol"), gazetteer.doc_type_for_code(type_code)))
    for m in P.NUMBER_ONLY.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            more.append(
                _Mention(m.start(), m.end(), " ".join(m.group("type").split()), m.group("symbol"), m.group("number"))
            )
    return more


def _amending_law_symbols(mentions: list[_Mention]) -> None:
    """`Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức số 52/2019/QH14`:
    the số ending an amending law's name is the amending law's own when it follows a list of laws
    of which no other has a số, or when the law it stands after is cited elsewhere under another số
    (`Luật Viên chức số 58/2010/QH12`). `… của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số
    27/2023/QH15 …` keeps each số with its law."""
    for amending in mentions:
        if not (amending.name and amending.symbol is None and P.AMENDING.match(amending.name)):
            continue
        inner = [n for n in mentions if amending.start < n.start < amending.end and n.name]
        if not inner or not inner[-1].symbol or inner[-1].end != amending.end:
            continue
        last = inner[-1]
        numbered_alone = len(inner) >= 2 and [n for n in inner if n.symbol] == [last]
        cited_otherwise = any(
            o.name
            and o.symbol
            and o not in inner
            and _name_key(o.name) == _name_key(last.name)
            and _symbol_key(o.symbol) != _symbol_key(last.symbol)
            for o in mentions
        )
        if numbered_alone or cited_otherwise:
            amending.symbol, amending.number, amending.year = last.symbol, last.number, last.year
            amending.name = amending.title = regex.sub(r"\s+số\s*:?\s*\S+$", "", amending.name)
            last.symbol = last.number = last.year = None
            last.end = last.name_end


_BLANK_CODES = regex.compile(r"\p{Lu}[\p{Lu}\d]")


def _list_mentions(doc: TextDocument, text: str, pos: int, type_word: str) -> list[_Mention]:
    """The further symbols of a list sharing one type word, each with its own date if printed:
    `các Nghị định số 45/2020/NĐ-CP, 107/2021/NĐ-CP`, `… ngày 13/10/2025 và số 2537/QĐ-UBND`."""
    found: list[_Mention] = []
    while True:
        date = P.DATE.match(text, pos)
        if date and _date_allowed(date):
            pos = date.end()
        nxt = P.LIST_NEXT.match(text, pos)
        if nxt is None or not (nxt.group("number") or "").isdigit():
            return found
        found.append(_symbol_mention(doc, nxt, nxt.start("symbol"), type_word))
        pos = nxt.end()


def _symbol_mention(doc: TextDocument, m: regex.Match, start: int, type_word: str) -> _Mention:
    """A mention from a match of a pattern holding the SYMBOL groups."""
    symbol_raw = doc.text[m.start("symbol") : m.end("symbol")]
    number = m.group("number")
    blank = number is None or not number.isdigit()
    codes = m.group("codes") or (f"{m.group('party_type')}/{m.group('party_issuer')}" if m.group("party_type") else "")
    type_code = m.group("party_type") or (m.group("codes") or "").split("-")[0]
    doc_type = _doc_type(type_word, type_code)
    mention = _Mention(
        start=start,
        end=m.end("symbol"),
        doc_type=doc_type,
        symbol=None if blank else _clean_symbol(symbol_raw),
        number=None if blank else number,
        year=int(m.group("year")) if m.group("year") else None,
    )
    if blank:
        mention.blank_key = _symbol_key(codes)
    return mention


def _doc_type(type_word: str, type_code: str) -> str:
    """The recorded type: the printed word in its table spelling (Văn bản → Công văn, or the code's type)."""
    entry = P.TYPE_BY_WORD.get(" ".join(type_word.split()).casefold())
    if entry is None:
        return " ".join(type_word.split())
    if entry.recorded_as != entry.word:
        return gazetteer.doc_type_for_code(type_code) or entry.recorded_as
    return entry.word


def _law_mention(doc: TextDocument, text: str, m: regex.Match) -> _Mention | None:
    """`Luật Đất đai`, `Bộ luật dân sự`, `Hiến pháp nước …`, possibly followed by `số 31/2024/QH15`."""
    type_word = P.TYPE_BY_WORD[" ".join(m.group("type").split()).casefold()].word
    name_start = m.end()
    while name_start < len(text) and text[name_start].isspace():
        name_start += 1
    first = regex.match(r"\p{L}+", text[name_start:])
    if first and first.group() in P.NOT_LAWS and type_word != "Hiến pháp":
        return None  # Đoàn Luật sư, Hội Luật gia
    before = text[max(0, m.start() - 12) : m.start()]
    if regex.search(r"(?i)(?:đoàn|hội)\s+$", before):
        return None
    name_end = _law_name_end(text, name_start, type_word)
    name = " ".join(doc.text[name_start:name_end].split()).strip(" ,")
    if _YEAR_ONLY.fullmatch(name):
        name = ""  # `Hiến pháp 2013`: a year names the Hiến pháp, it is no part of a name
    if not name and type_word != "Hiến pháp":
        return None
    mention = _Mention(
        start=m.start(),
        end=name_end if name else m.end(),
        doc_type=type_word,
        symbol=None,
        name=name or None,
        title=name or None,
    )
    mention.name_end = mention.end
    mention.bare = not name and not _YEAR_AFTER.match(text, name_end)
    sym = P.BARE_SYMBOL.match(text, name_end)
    if sym and sym.group("number") and sym.group("number").isdigit():
        mention.symbol = _clean_symbol(doc.text[sym.start("symbol") : sym.end("symbol")])
        mention.number = sym.group("number")
        mention.year = int(sym.group("year")) if sym.group("year") else None
        mention.end = sym.end("symbol")
    return mention


_YEAR_ONLY = regex.compile(r"(?:năm\s+)?(?:19|20)\d{2}")
_YEAR_AFTER = regex.compile(r"\s*(?:năm\s+)?(?:19|20)\d{2}(?!\d)")  # `Hiến pháp năm 2013` names one

_WORD = regex.compile(r"\s*(?:(?P<word>[\p{L}\d][\p{L}\d/&'’\-]*)|(?P<punct>\S))")


def _law_name_end(text: str, pos: int, type_word: str) -> int:
    """Where a law's name ends: where a known law name ends (citation_law_names.json) unless a
    capitalised word carries it on; else at a stop word, a date, punctuation, or `và Luật`; never
    on a dangling `và` (`Bộ luật Lao động và quy định của pháp luật khác`)."""
    amending = bool(P.AMENDING.match(text, pos))
    known = None if amending else P.KNOWN_LAW_NAME.match(text, pos)
    if known:
        after = _WORD.match(text, known.end())
        carried_on = (
            after
            and after.group("word")
            and after.group("word")[0].isupper()
            and not P.TYPE_WORD.match(text, after.start("word"))
        )
        if not carried_on:
            return known.end()  # `Luật Hải quan và thông báo cho …` → Hải quan
    words = 0
    end = pos
    before_conjunction = None  # where the name ends if it stops right after a `và`
    limit = min(len(text), pos + (600 if amending else 160))
    while end < limit:
        rest = text[end:limit]
        tok = _WORD.match(rest)
        if tok is None:
            break
        word, punct = tok.group("word"), tok.group("punct")
        gap = rest[: tok.start("word" if word else "punct")]
        if "\n" in gap and regex.match(r"(?i)\s*(?:[-+•]|căn\s+cứ|theo\s+đề\s+nghị)", rest):
            break
        if punct:
            if amending and punct in ",“”\"":
                end += tok.end()
                continue
            if punct == "," and not amending and words <= 2:
                nxt = _WORD.match(rest, tok.end())
                if (
                    nxt
                    and nxt.group("word")
                    and nxt.group("word")[0].islower()
                    and not P.LAW_STOP_PHRASE.match(rest[nxt.start("word") :])
                ):
                    end += tok.end()
                    continue
            break
        at = rest[tok.start("word") :]
        inside = P.LAW_INSIDE_PHRASE.match(at)
        if inside and words:
            words += len(inside.group().split())
            end += tok.start("word") + inside.end()
            before_conjunction = None
            continue
        if words and regex.fullmatch(r"(?:19|20)\d{2}", word):
            break  # a bare year ends the name: `Bộ Luật hình sự 2025 về tội …`
        if amending:
            if regex.match(r"ngày\s|;|liên\s+quan|và\s+các\s", at) and words:
                break  # `… Luật Xử lý vi phạm hành chính và các văn bản hướng dẫn …`
        elif words and P.LAW_STOP_PHRASE.match(at):
            break
        elif not words and P.LAW_STOP_PHRASE.match(at) and not regex.match(r"(?i)sửa|bổ", at):
            break
        if (
            not amending
            and word == "và"
            and regex.match(r"và\s+(?:(?:các\s+)?(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị|Quyết|Thông|Chỉ|Hiến)|\p{Ll})", at)
            and regex.match(r"và\s+\p{Lu}|và\s+các", at)
        ):
            break
        if not amending and word in ("và",) and not regex.match(r"và\s+\p{Ll}", at):
            break
        if not amending and words >= 12:
            break
        before_conjunction = end if word == "và" and not amending else None
        words += 1
        end += tok.end()
    return before_conjunction if before_conjunction is not None else end


def _clean_symbol(raw: str) -> str:
    """The symbol with spaces removed, Latin Ð read as Đ (`779 /QĐ-UBND` → `779/QĐ-UBND`)."""
    return regex.sub(r"[\u2010\u2011\x02]", "-", regex.sub(r"\s+", "", raw)).replace("Ð", "Đ")


def _symbol_key(symbol: str) -> str:
    """Spaces, hyphens and slashes do not tell symbols apart: a line-end hyphen may be lost
    (`NĐ-\\nCP` → `NĐCP`), and a Party symbol is printed both `57-NQ/TW` and `57/NQ/TW`."""
    return regex.sub(r"[\s\-\u2010\u2011\x02/]+", "", symbol).replace("Ð", "Đ").replace("ð", "đ").casefold()


def _name_key(name: str) -> str:
    """A law's name for matching: abbreviations spelled out (`Luật MTTQ Việt Nam` is `Luật Mặt trận Tổ quốc
    Việt Nam`), case, years, bracketed notes and punctuation aside."""
    name = regex.sub(r"\([^)]*\)", " ", gazetteer.expand_abbreviations(name).casefold())
    name = regex.sub(r"\bnăm\s+\d{4}\b|[,.;:“”\"]", " ", name)
    return " ".join(name.split())


def _own_keys(doc: TextDocument, info: DocumentInfo) -> set[tuple]:
    """Keys the document's own số takes: from the header extractor, else from the `Số:` line."""
    keys: set[tuple] = set()
    if info.symbol:
        keys.add(("sym", _symbol_key(info.symbol)))
    head = doc.match_text[: max(doc.header_end, 2500)]
    m = P.OWN_SYMBOL.search(head)
    if m:
        number = m.group("number")
        codes = m.group("codes") or f"{m.group('party_type')}/{m.group('party_issuer')}"
        if number and number.isdigit():
            keys.add(("sym", _symbol_key(doc.text[m.start("symbol") : m.end("symbol")])))
        keys.add(("own-codes", _symbol_key(codes)))
    if info.type_code and info.issuer_code:
        keys.add(("own-codes", _symbol_key(f"{info.type_code}-{info.issuer_code}")))
    return keys


_ATTACHED_TO = regex.compile(r"(?xi) kèm \s+ theo \s* $")


def _own_attachment(text: str, m: _Mention, info: DocumentInfo) -> bool:
    """`(Kèm theo Báo cáo số /BC-UBND ngày tháng 12 năm 2025 …)` heading an appendix: a blank
    number of the document's own type names the document itself."""
    return bool(
        m.blank_key
        and info.doc_type
        and m.doc_type == info.doc_type
        and _ATTACHED_TO.search(text, max(0, m.start - 20), m.start)
    )


def _fix_footnote_digits(mentions: list[_Mention], text: str) -> None:
    """`Công văn số 1925/STC-HTDN1` where the 1 is a footnote marker read as text: drop the digit
    when the symbol without it is cited elsewhere in the document."""
    keys = {m.key for m in mentions}
    for m in mentions:
        if m.symbol and m.symbol[-1].isdigit() and m.symbol[-2:-1].isalpha():
            shorter = m.symbol[:-1]
            if ("sym", _symbol_key(shorter)) in keys and ("sym", _symbol_key(m.symbol)) not in {
                x.key for x in mentions if x is not m
            }:
                m.symbol = shorter
                m.end -= 1
                while text[m.end - 1].isspace():
                    m.end -= 1


# ---------------------------------------------------------------- tails


def _read_tails(doc: TextDocument, text: str, mentions: list[_Mention]) -> None:
    """Date, issuer and trích yếu after each mention. A mention inside an amending law's
    name (`Luật sửa đổi … của Luật Đất đai số 31/2024/QH15 … ngày 29 tháng 6 năm 2024`)
    reads no further than that name, so the date stays with the amending law."""
    bound_stack: list[int] = []
    for i, m in enumerate(mentions):
        while bound_stack and bound_stack[-1] <= m.start:
            bound_stack.pop()
        limit = min(bound_stack[-1] if bound_stack else len(text), len(text))
        if m.start < doc.header_end:
            limit = min(limit, doc.header_end)  # a citation in the V/v line ends with its line block
        boundary = _note_boundary(doc.footnotes or [], m.start, len(text))
        limit = min(limit, boundary)
        nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        _read_tail(doc, text, m, min(limit, nxt) if nxt > m.end else limit, boundary)
        if m.name and P.AMENDING.match(m.name):
            bound_stack.append(m.end)
        if m.title_span:
            _title_relation(m)


def _note_boundary(footnotes: list[tuple[int, int]], pos: int, default: int) -> int:
    """Where the text that ``pos`` stands in ends: its footnote's end, or the next footnote's start."""
    inside = next((e for s, e in footnotes if s <= pos < e), None)
    if inside is not None:
        return inside
    return min((s for s, _ in footnotes if s > pos), default=default)


def _read_tail(doc: TextDocument, text: str, m: _Mention, limit: int, boundary: int) -> None:
    pos = m.end
    mark = P.FOOTNOTE_MARK.match(text, pos)
    if mark:
        pos = mark.end()
    date = P.DATE.match(text, pos, limit)
    if date and _date_allowed(date):
        m.issued_date = _iso(date)
        pos = date.end()
        m.own_tail = True
    elif P.UNREADABLE_DATE.match(text, pos, limit):
        pos = P.UNREADABLE_DATE.match(text, pos, limit).end()  # no date, but the issuer after it
    of = P.OF_ISSUER.match(text, pos, limit)
    if of:
        joint = m.doc_type.endswith("liên tịch") or bool(m.symbol and P.JOINT_CODE.search(m.symbol))
        issuer_end = _issuer_end(text, of.end(), limit, joint=joint)
        if issuer_end > of.end():
            m.issuer = _normalise_issuer(doc.text[of.end() : issuer_end])
            pos = issuer_end
            m.own_tail = True
            paren = regex.match(r"\s*\([^()\n]{0,40}\)", text[pos:limit])
            if paren:
                pos += paren.end()
            if m.issued_date is None:
                date = P.DATE.match(text, pos, limit)
                if date and date.group("y1") or (date and date.group("ngay")):
                    m.issued_date = _iso(date)
                    pos = date.end()
    m.tail_end = pos
    starter = P.TITLE_START.match(text, pos, len(text))
    if starter and not m.name:
        start = starter.start("starter")
        end = min(_title_end(text, start), max(boundary, start))
        m.title_span = (start, end)
        m.title = " ".join(doc.text[start:end].split()) or None


def _date_allowed(date: regex.Match) -> bool:
    """A bare date (no `ngày`) counts only right after the symbol: `15/2022/NQ-HĐND 13/07/2022`."""
    if date.group("y1") or date.group("ngay"):
        return True
    return "," not in date.group("lead") and "\n" not in date.group("lead") and (date.group("d2") or "").isdigit()


def _iso(date: regex.Match) -> str | None:
    day = date.group("d1") if date.group("y1") else date.group("d2")
    month = int(date.group("m1") or date.group("m2"))
    year = int(date.group("y1") or date.group("y2"))
    if not 1 <= month <= 12:
        return None
    if day and day.isdigit() and 1 <= int(day) <= 31:
        return f"{year:04d}-{month:02d}-{int(day):02d}"
    return f"{year:04d}-{month:02d}"


def _issuer_end(text: str, pos: int, limit: int, joint: bool = False) -> int:
    """Where the body named after `của` ends: before the trích yếu's verb, a date, or punctuation.
    A joint document (`Thông tư liên tịch`) has joint issuers: `Bộ Nội vụ và Bộ Tài chính`."""
    end = pos
    words: list[str] = []
    through_ve = False
    while end < limit:
        rest = text[end:limit]
        tok = _WORD.match(rest)
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
            nxt = _WORD.match(after)
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


def _title_end(text: str, start: int) -> int:
    """A trích yếu runs to the end of its clause: `;`, a sentence end, a colon, a new paragraph."""
    m = P.TITLE_END.search(text, start, min(len(text), start + 1200))
    end = m.start() if m else min(len(text), start + 1200)
    while end > start and text[end - 1] in " \n\t,”\"":
        end -= 1
    return end


def _title_relation(m: _Mention) -> None:
    for pattern, relation in P.RELATION_TITLE:
        if pattern.match(m.title or ""):
            m.relation = relation
            return


def _normalise_issuer(raw: str) -> str | None:
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


# ---------------------------------------------------------------- roles


def _assign_roles(doc: TextDocument, info: DocumentInfo, text: str, mentions: list[_Mention]) -> None:
    """basis: cited in the preamble as a ground for issuing; reference: everything else."""
    official = bool(info.doc_type or info.symbol or P.OFFICIAL_MARK.search(text[:3000]))
    body = P.BODY_START.search(text, doc.header_end)
    preamble_end = body.start() if body else len(text)
    opening_end = P.OPENING_END.search(text, doc.header_end, preamble_end)
    if opening_end:
        preamble_end = opening_end.end()  # `…, UBND tỉnh báo cáo HĐND tỉnh … như sau:` closes the opening
    breaks = [(b.start(), b.end(), b.group()) for b in P.CLAUSE_BREAK.finditer(text)]
    footnotes = doc.footnotes or []
    anchors = _footnote_anchors(text, footnotes)
    for i, m in enumerate(mentions):
        clause_start, boundary = _clause_start(breaks, m.start)
        if m.start >= doc.header_end > clause_start:
            clause_start, boundary = doc.header_end, ""  # the V/v line is no part of the body's clause
        prev = next((p for p in reversed(mentions[:i]) if p.start >= clause_start), None)
        if any(
            p.title_span and p.title_span[0] <= m.start < p.title_span[1]
            for p in mentions[:i]
            if p.start >= clause_start
        ):
            m.nested = True  # in a trích yếu, however many documents that names before it
        elif prev is not None and prev.name and P.AMENDING.match(prev.name) and m.start < prev.end:
            m.nested = True
        note = next(((s, e) for s, e in footnotes if s <= m.start < e), None)
        in_preamble = official and m.start < preamble_end and note is None
        if m.nested:
            continue
        if note is not None:
            anchor = anchors.get(note)
            if official and anchor is not None and anchor < preamble_end:
                anchor_clause = _clause_start(breaks, anchor)[0]
                m.role = "basis" if _governed(text[max(anchor_clause, doc.header_end) : anchor]) else "reference"
            _relation_before(text, m, clause_start)
            continue
        if not in_preamble:
            _relation_before(text, m, clause_start)
            continue
        prefix = text[clause_start : m.start]
        if prev is not None and not prev.nested:
            between = text[min(prev.tail_end, m.start) : m.start]
            if _governed(between):
                m.role = "basis"
            elif P.CONNECTOR.match(between):
                m.role = prev.role
            elif _governed(prefix):
                m.role = "basis"  # one opener over a list: `căn cứ … Luật Luật sư …, Điều lệ … ban hành kèm theo Quyết định số 856/QĐ-TTg`
            continue
        if _governed(prefix):
            m.role = "basis"
        elif not prefix.strip(" \n\t-+•,") or prefix.strip() == "và":
            earlier = next((p for p in reversed(mentions[:i]) if p.start < clause_start and not p.nested), None)
            if (
                earlier is not None
                and boundary == ";"
                and earlier.role == "basis"
                and _SPACES.match(text, _clause_start(breaks, earlier.start)[0]).end()
                >= _paragraph_start(text, clause_start)
            ):
                m.role = "basis"
        _relation_before(text, m, clause_start)
    first_of_list: dict[int, _Mention] = {}
    for m in mentions:
        if m.lead is not None:
            m.role = first_of_list.setdefault(m.lead, m).role  # one list, one ground: `Theo đề nghị … các Công văn: …`


def _footnote_anchors(text: str, footnotes: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """Each footnote → where its marker stands in the text (`… của Chính phủ¹ và …` for the note `¹ …`):
    a document cited in a footnote is cited where its marker is, a ground when that is a ground's place."""
    anchors: dict[tuple[int, int], int] = {}
    for note in footnotes:
        mark = P.FOOTNOTE_MARK.match(text, note[0])
        if not mark:
            continue
        for found in regex.finditer(rf"(?<=\S){regex.escape(mark.group())}(?![\d¹²³⁴⁵⁶⁷⁸⁹⁰])", text):
            if not any(s <= found.start() < e for s, e in footnotes):
                anchors[note] = found.start()
                break
    return anchors


_SPACES = regex.compile(r"\s*")


def _clause_start(breaks: list[tuple[int, int, str]], pos: int) -> tuple[int, str]:
    start, kind = 0, ""
    for _b_start, b_end, b_text in breaks:
        if b_end > pos:
            break
        start, kind = b_end, b_text
    return start, kind


def _paragraph_start(text: str, pos: int) -> int:
    ends = [
        m.end() for m in regex.finditer(r"\n\s*\n|\n(?=\s*(?:[-+•]\s|Căn\s+cứ|Theo\s+đề\s+nghị))|[.:]\s*\n", text[:pos])
    ]
    return ends[-1] if ends else 0


def _governed(prefix: str) -> bool:
    """An opener stands in the clause before the citation, with no new clause in between.
    A lower-case opener must open a clause (`đề nghị Sở Nội vụ căn cứ …` is no ground), and a
    list of provisions before the document is one item (`Căn cứ Điều 3, khoản 2 Điều 4 …`), and so is
    a bracketed note (`Luật Luật sư năm 2006 (được sửa đổi, bổ sung năm 2012), …`)."""
    last = None
    for opener in P.OPENER.finditer(prefix):
        if (
            opener.group()[0].isupper()
            or P.OPENER_MID_SENTENCE.match(opener.group())
            or P.CLAUSE_OPENING.search(prefix, 0, opener.start())
        ):
            last = opener
    if last is None:
        return False
    between = P.PROVISIONS.sub("Điều", regex.sub(r"\([^()]*\)", " ", prefix[last.end() :]))
    return not P.NEW_CLAUSE_COMMA.search(between)


def _relation_before(text: str, m: _Mention, clause_start: int) -> None:
    if m.relation:
        return
    before = text[max(clause_start, m.start - 60) : m.start]
    for pattern, relation in P.RELATION_BEFORE:
        if pattern.search(before):
            m.relation = relation
            return


# ---------------------------------------------------------------- issuers


def _share_issuers(text: str, mentions: list[_Mention]) -> None:
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


def _issuers_before(doc: TextDocument, text: str, mentions: list[_Mention], info: DocumentInfo) -> None:
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
                m.issued_date = _iso(P.DATE.match(dated.group("date")))
                subject = P.HEAD_TITLES.sub("", dated.group("subject"), count=1)
                if m.issuer is None and (P.ORG_HEAD.match(subject) or P.ABBREVIATION.match(subject)):
                    m.issuer = _normalise_issuer(doc.text[dated.start("subject") : dated.end("subject")])
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
    for m in mentions:
        m.issuer = _own_short_name(m.issuer, info)


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
        end = _issuer_end(text, at, cut)
        if end > at and not text[end:cut].strip(" \n\t,") and len(text[at:end].split()) <= 16:
            return _normalise_issuer(doc.text[at:end])
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
        end = _issuer_end(text, at, cut)
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


# ---------------------------------------------------------------- merge


def _short_law_names(mentions: list[_Mention]) -> None:
    """`Luật Bầu cử` where the document cites `Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân`:
    a law's name that begins the name of exactly one other law the document cites is that law, shortened."""
    named = {(m.doc_type, _name_key(m.name)): m for m in mentions if m.name and not P.AMENDING.match(m.name)}
    for m in mentions:
        if not m.name or m.symbol or P.AMENDING.match(m.name):
            continue
        key = _name_key(m.name)
        longer = [
            full for (doc_type, name), full in named.items() if doc_type == m.doc_type and name.startswith(key + " ")
        ]
        if len({_name_key(f.name) for f in longer}) == 1:
            m.name, m.title = longer[0].name, longer[0].title


def _numbers_alone(mentions: list[_Mention]) -> None:
    """`Nghị quyết số 163 của Quốc hội` where the document cites `Nghị quyết số 163/2024/QH15`: a document
    cited by its number alone is the one document of its type and number that the text cites in full."""
    full = [m for m in mentions if m.symbol and m.number and m.symbol != m.number]
    for m in mentions:
        if m.symbol and m.symbol == m.number:
            same = {f.key for f in full if f.doc_type == m.doc_type and f.number.lstrip("0") == m.number.lstrip("0")}
            if len(same) == 1:
                twin = next(f for f in full if f.key in same)
                m.symbol, m.year = twin.symbol, twin.year


def _merge(mentions: list[_Mention]) -> list[Citation]:
    """One Citation per document; a law cited by name joins the same law cited with its số.
    A bare `Hiến pháp` (no name, no year) is no citation by itself (CONTRACT: type plus name);
    it is one more mention of the Hiến pháp the document names elsewhere."""
    by_key: dict[tuple, Citation] = {}
    named_laws: dict[tuple, tuple] = {}
    for m in mentions:
        if m.symbol and m.name:
            named_laws[("name", m.doc_type.casefold(), _name_key(m.name))] = m.key
    _short_law_names(mentions)
    _numbers_alone(mentions)
    for m in mentions:
        if m.bare:
            continue
        key = named_laws.get(m.key, m.key)
        c = by_key.get(key)
        if c is None:
            by_key[key] = Citation(
                doc_type=m.doc_type,
                symbol=m.symbol,
                number=m.number,
                year=m.year,
                issued_date=m.issued_date,
                issuer=m.issuer,
                title=m.title,
                role=m.role,
                mentions=1,
                spans=[[m.start, m.end]],
                relation=m.relation,
            )
            continue
        c.mentions += 1
        c.spans.append([m.start, m.end])
        if m.symbol and (
            c.symbol is None or m.symbol.count("-") > c.symbol.count("-") and m.symbol.count("/") == c.symbol.count("/")
        ):
            c.symbol, c.number, c.year = m.symbol, m.number, m.year  # the fullest printing: NĐ-CP over NĐCP
        c.issued_date = c.issued_date or m.issued_date
        c.issuer = c.issuer or m.issuer
        c.title = c.title or m.title
        c.relation = c.relation or m.relation
        if m.role == "basis":
            c.role = "basis"
    constitution = next((c for c in by_key.values() if c.doc_type == "Hiến pháp"), None)
    for m in mentions:
        if m.bare and constitution is not None:
            constitution.mentions += 1
            constitution.spans = sorted(constitution.spans + [[m.start, m.end]])
            if m.role == "basis":
                constitution.role = "basis"
    return list(by_key.values())
