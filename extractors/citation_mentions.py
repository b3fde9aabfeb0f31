"""Citation mentions: each place where the text cites a document, found from the type words and
symbols of the knowledge base (citation_patterns.py), with the keys that tell documents apart.

A mention is a type word with its số và ký hiệu (`Nghị quyết số 76/NQ-CP`), one of a list sharing a type
word (`các Nghị định số 45/2020/NĐ-CP, 107/2021/NĐ-CP`, `tại các Công văn: số 87/HĐND-KTNS …, số
208/HĐND-KTNS …`), a document cited by its number alone or by a symbol whose type word was lost, or a
law cited by name (`Luật Tổ chức chính quyền địa phương`).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from vanban.pipeline.document import TextDocument

from . import citation_patterns as P
from . import gazetteer


@dataclass
class Mention:
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
            return ("sym", symbol_key(self.symbol))
        if self.blank_key:
            return ("blank", self.doc_type, self.blank_key)
        return ("name", self.doc_type.casefold(), name_key(self.name or ""))


def find_mentions(doc: TextDocument, text: str) -> list[Mention]:
    """Every mention in ``text`` (``doc.match_text``), in order: symbols with their lists, lists opened by a
    plural type word, documents without the usual type word or symbol, then laws cited by name."""
    found: list[Mention] = []
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


def _plural_list_mentions(doc: TextDocument, text: str, found: list[Mention]) -> list[Mention]:
    """`… tại các Công văn: số 87/HĐND-KTNS ngày 15/5/2024 về việc …, số 208/HĐND-KTNS …`: each `số …` of a
    list opened by a plural type word and a colon is a document of that type, up to the list's end."""
    taken = {m.start for m in found} | {m.end for m in found}
    listed: list[Mention] = []
    for head in P.PLURAL_LIST.finditer(text):
        end = P.LIST_END.search(text, head.end())
        for item in P.LIST_ITEM.finditer(text, head.end(), end.start() if end else len(text)):
            if not (item.group("number") or "").isdigit() or item.end("symbol") in taken:
                continue
            mention = _symbol_mention(doc, item, item.start("symbol"), head.group("type"))
            mention.lead = head.start("lead")
            listed.append(mention)
    return listed


def _typeless_mentions(doc: TextDocument, text: str, found: list[Mention]) -> list[Mention]:
    """Documents cited without the usual type word and symbol: a legal symbol after `số` whose type word
    OCR lost (its type code's type), and a resolution cited by its number alone (`Nghị quyết 57 của Bộ Chính trị`)."""
    taken = [(m.start, m.end) for m in found]
    more: list[Mention] = []
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
                Mention(m.start(), m.end(), " ".join(m.group("type").split()), m.group("symbol"), m.group("number"))
            )
    return more


def amending_law_symbols(mentions: list[Mention]) -> None:
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
            and name_key(o.name) == name_key(last.name)
            and symbol_key(o.symbol) != symbol_key(last.symbol)
            for o in mentions
        )
        if numbered_alone or cited_otherwise:
            amending.symbol, amending.number, amending.year = last.symbol, last.number, last.year
            amending.name = amending.title = regex.sub(r"\s+số\s*:?\s*\S+$", "", amending.name)
            last.symbol = last.number = last.year = None
            last.end = last.name_end


_BLANK_CODES = regex.compile(r"\p{Lu}[\p{Lu}\d]")


def _list_mentions(doc: TextDocument, text: str, pos: int, type_word: str) -> list[Mention]:
    """The further symbols of a list sharing one type word, each with its own date if printed:
    `các Nghị định số 45/2020/NĐ-CP, 107/2021/NĐ-CP`, `… ngày 13/10/2025 và số 2537/QĐ-UBND`."""
    found: list[Mention] = []
    while True:
        date = P.DATE.match(text, pos)
        if date and date_allowed(date):
            pos = date.end()
        nxt = P.LIST_NEXT.match(text, pos)
        if nxt is None or not (nxt.group("number") or "").isdigit():
            return found
        found.append(_symbol_mention(doc, nxt, nxt.start("symbol"), type_word))
        pos = nxt.end()


def _symbol_mention(doc: TextDocument, m: regex.Match, start: int, type_word: str) -> Mention:
    """A mention from a match of a pattern holding the SYMBOL groups."""
    symbol_raw = doc.text[m.start("symbol") : m.end("symbol")]
    number = m.group("number")
    blank = number is None or not number.isdigit()
    codes = m.group("codes") or (f"{m.group('party_type')}/{m.group('party_issuer')}" if m.group("party_type") else "")
    type_code = m.group("party_type") or (m.group("codes") or "").split("-")[0]
    doc_type = _doc_type(type_word, type_code)
    mention = Mention(
        start=start,
        end=m.end("symbol"),
        doc_type=doc_type,
        symbol=None if blank else _clean_symbol(symbol_raw),
        number=None if blank else number,
        year=int(m.group("year")) if m.group("year") else None,
    )
    if blank:
        mention.blank_key = symbol_key(codes)
    return mention


def _doc_type(type_word: str, type_code: str) -> str:
    """The recorded type: the printed word in its table spelling (Văn bản → Công văn, or the code's type)."""
    entry = P.TYPE_BY_WORD.get(" ".join(type_word.split()).casefold())
    if entry is None:
        return " ".join(type_word.split())
    if entry.recorded_as != entry.word:
        return gazetteer.doc_type_for_code(type_code) or entry.recorded_as
    return entry.word


def _law_mention(doc: TextDocument, text: str, m: regex.Match) -> Mention | None:
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
    mention = Mention(
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


def _law_name_end(text: str, pos: int, type_word: str) -> int:
    """Where a law's name ends: where a known law name ends (citation_law_names.json) unless a
    capitalised word carries it on; else at a stop word, a date, punctuation, or `và Luật`; never
    on a dangling `và` (`Bộ luật Lao động và quy định của pháp luật khác`)."""
    amending = bool(P.AMENDING.match(text, pos))
    known = None if amending else P.KNOWN_LAW_NAME.match(text, pos)
    if known:
        after = P.WORD.match(text, known.end())
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
        tok = P.WORD.match(rest)
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
                nxt = P.WORD.match(rest, tok.end())
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


def symbol_key(symbol: str) -> str:
    """Spaces, hyphens and slashes do not tell symbols apart: a line-end hyphen may be lost
    (`NĐ-\\nCP` → `NĐCP`), and a Party symbol is printed both `57-NQ/TW` and `57/NQ/TW`."""
    return regex.sub(r"[\s\-\u2010\u2011\x02/]+", "", symbol).replace("Ð", "Đ").replace("ð", "đ").casefold()


def name_key(name: str) -> str:
    """A law's name for matching: abbreviations spelled out (`Luật MTTQ Việt Nam` is `Luật Mặt trận Tổ quốc
    Việt Nam`), case, years, bracketed notes and punctuation aside."""
    name = regex.sub(r"\([^)]*\)", " ", gazetteer.expand_abbreviations(name).casefold())
    name = regex.sub(r"\bnăm\s+\d{4}\b|[,.;:“”\"]", " ", name)
    return " ".join(name.split())


def fix_footnote_digits(mentions: list[Mention], text: str) -> None:
    """`Công văn số 1925/STC-HTDN1` where the 1 is a footnote marker read as text: drop the digit
    when the symbol without it is cited elsewhere in the document."""
    keys = {m.key for m in mentions}
    for m in mentions:
        if m.symbol and m.symbol[-1].isdigit() and m.symbol[-2:-1].isalpha():
            shorter = m.symbol[:-1]
            if ("sym", symbol_key(shorter)) in keys and ("sym", symbol_key(m.symbol)) not in {
                x.key for x in mentions if x is not m
            }:
                m.symbol = shorter
                m.end -= 1
                while text[m.end - 1].isspace():
                    m.end -= 1


def date_allowed(date: regex.Match) -> bool:
    """A bare date (no `ngày`) counts only right after the symbol: `15/2022/NQ-HĐND 13/07/2022`."""
    if date.group("y1") or date.group("ngay"):
        return True
    return "," not in date.group("lead") and "\n" not in date.group("lead") and (date.group("d2") or "").isdigit()


def iso_date(date: regex.Match) -> str | None:
    """A match of ``DATE`` as ISO 8601: a day printed blank gives the month (`ngày …/8/2025` → `2025-08`)."""
    day = date.group("d1") if date.group("y1") else date.group("d2")
    month = int(date.group("m1") or date.group("m2"))
    year = int(date.group("y1") or date.group("y2"))
    if not 1 <= month <= 12:
        return None
    if day and day.isdigit() and 1 <= int(day) <= 31:
        return f"{year:04d}-{month:02d}-{int(day):02d}"
    return f"{year:04d}-{month:02d}"
