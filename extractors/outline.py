"""The outline of a document's body, as far as duties care: where they may stand and whose they are.

A body is read as logical paragraphs (:class:`Block`: its list marker, nesting level and span),
then walked once (:func:`parts`) to say, for each paragraph that may assign a duty, which agency
owns it when it names none itself:

* the implementation section (``III. TỔ CHỨC THỰC HIỆN``, ``Phân công nhiệm vụ`` …) and its agency
  headings (``2. Sở Nội vụ`` → each bullet below is a duty of Sở Nội vụ);
* duty articles (``Điều 3. Nhiệm vụ và quyền hạn của Ban Chỉ đạo``);
* in a legal normative document, only its implementation articles and untitled articles;
* sections that assign nothing: an assessment (``Đánh giá chung``, a report's ``Kiến nghị``), quoted
  text, an informational closing (``Trân trọng thông báo … biết, thực hiện``), everything after
  ``Nơi nhận`` (an attached charter's standing functions).

The section names are data: extractors/data/duty_sections.json.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from vanban.pipeline.document import TextDocument
from vanban.record import DocumentInfo

from . import agencies, knowledge
from .agencies import alternation
from .duty_forms import TRIGGER_RE, agency_heading, is_record_label

_LEX = knowledge.table("duty_lexicon")
_SECTIONS = knowledge.table("duty_sections")

# A line's list marker, and its nesting level (smaller = outer).
_MARKER = regex.compile(
    r"""(?x)
    ^[ \t]*(?:
        (?P<article>Điều[ \t]+\d+[a-z]?[.:])        # Điều 3.
      | (?P<roman>[IVX]{1,5}\.)                     # IV.
      | (?P<num>\d{1,2}(?:\.\d{1,2}){0,3}[.)]      # 2.   1.1.   3)
          | \d{1,2}(?:\.\d{1,2}){1,3}(?=[ \t]+\p{Lu}))  # 1.3 Xây dựng … (no closing dot)
      | (?P<paren>\(\d{1,2}\))                      # (1) Tổ chức hiệp thương lần thứ nhất
      | (?P<letter>[a-zđ]\))                        # a)   đ)
      | (?P<dash>[-–—•*])                           # - Tham mưu …   — Phối hợp … (em dash, OCR)
      | (?P<plus>\+)                                # + Tổ chức …
    )(?:[ \t]+|(?<=^[ \t]*Điều[ \t]+\d+[a-z]?\.)[ \t]*$)   # "Điều 2." alone, its text on the next line
    """
)
LEVELS = {"article": 0, "roman": 1, "num": 2, "paren": 5, "letter": 5, "dash": 6, "plus": 7}

# A line ending with a word that takes an object after it: its paragraph goes on, however short the line
# ("… ngày 24/8/2025 của" / "Chính phủ ban hành …", "Giám đốc các Sở: Tài nguyên và" / "Môi trường, …").
_OPEN_LINE_END = regex.compile(r"(?i)(?<!\w)(?:" + alternation(_LEX["open_line_ends"]) + r")$")

# A preamble clause, which runs to its ";" or ".": "Căn cứ Quyết định số 05/2026/QĐ-TTg … của Thủ tướng" / "Chính
# phủ quy định …;". A line opening the next clause ("Căn cứ …", "Xét …") starts a paragraph of its own.
_BASIS_CLAUSE = regex.compile(r"(?i)^(?:" + alternation(_LEX["basis_paragraph_openers"]) + r")(?!\w)")

# Where the body's duties end: the Nơi nhận block (an attached charter follows the signature).
_BODY_END = regex.compile(r"(?m)^[ \t|]*Nơi[ \t]+nhận[ \t]*:")

# A heading that opens an implementation section: "III. TỔ CHỨC THỰC HIỆN", "1. Trách nhiệm thực hiện",
# also after a topic joined by "và" or a comma: "III. GIẢI PHÁP THỰC HIỆN VÀ PHÂN CÔNG NHIỆM VỤ",
# "III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRONG THỜI GIAN TỚI".
_IMPLEMENTATION = regex.compile(
    r"(?xi) ^(?:[^.:;]{3,50}?(?:\s+và|,)\s+)?(?:"
    + alternation(_SECTIONS["implementation_sections"])
    + r")\b[^.]{0,40}$"
)

# A heading that opens an assessment section, which states facts: "I. Đánh giá chung", "1. Tình hình triển khai";
# or a list of attendees or members, who take part: "I. Thành phần dự họp:".
_ASSESSMENT = regex.compile(
    r"(?xi) ^(?:"
    + alternation(_SECTIONS["assessment_sections"] + _SECTIONS["attendee_sections"])
    + r")(?!\w)[^.]{0,80}$"
)

# In a report, a heading of its account of how the work was directed, which states what was done:
# "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "1. Công tác chỉ đạo của Ban chỉ đạo tỉnh".
_REPORT_ACCOUNT = regex.compile(
    r"(?xi) ^(?:" + alternation(_SECTIONS["report_account_sections"]) + r")(?!\w)[^.]{0,80}$"
)

# A list marker a scan misread, before a heading: "Š. Phân công trách nhiệm" (for "5.").
_GARBLED_MARKER = regex.compile(r"^[^\s\d]{1,2}[.)]\s+")

# A duty article: "Điều 3. Nhiệm vụ và quyền hạn của Ban Chỉ đạo" → agency "Ban Chỉ đạo".
DUTY_ARTICLE = regex.compile(
    r"(?xi) ^(?:" + alternation(_SECTIONS["duty_articles"]) + r")\s+của\s+(?P<agency>[^.:;]{3,120}?)\s*[.:]?$"
)

# An implementation article of a legal normative document: "Điều 16. Tổ chức thực hiện", "Điều 32. Hiệu lực
# thi hành và trách nhiệm thi hành"; its other articles are standing rules, not duties.
_IMPLEMENTATION_ARTICLE = regex.compile(
    r"(?xi) ^(?P<one>" + alternation(_SECTIONS["implementation_articles"]) + r")"
    r"(?:\s*(?:,|và)\s*(?&one))*\s*[.:]?$"
)

# A chapter, section or part heading of a legal normative document: "Chương VIII", "MỤC 2", "Chương 12.".
_CHAPTER = regex.compile(r"(?xi) ^(?:chương|mục|phần)\s+(?:[IVXLC]+|\d+)\b")

# A part heading of a report, which closes any section before it: "Phần thứ hai", "PHẦN II".
_PART = regex.compile(r"(?xi) ^phần\s+(?:thứ\s+\w+|[IVXLC]+|\d+)\s*$")

# An informational closing after the last heading: "Trân trọng thông báo kết luận … biết, thực hiện./."
_CLOSING_PARAGRAPH = regex.compile(
    r"""(?xi)
    ^(?:"""
    + alternation(_LEX["closing_openers"])
    + r""")(?!\w)                 # Trân trọng thông báo …
    | ^[^.;:]{3,80}?\s+thông\s+báo\s+(?:để|đến|cho)\s+[^.]{3,160}?\s+biết     # Văn phòng UBND tỉnh thông báo để … biết
    """
)

# Text quoted from another document: "“Các Bộ, ngành có trách nhiệm …”".
_QUOTE = regex.compile(r"“[^”]{20,}”|\"[^\"\n]{20,}\"")

# The closing that assigns the document's execution, wherever it stands: "… chịu trách nhiệm thi hành Thông tư này".
_CLOSING_OWN = regex.compile(
    r"(?i)(?:chịu|có)\s+trách\s+nhiệm\s+(?:thi\s+hành|thực\s+hiện)\s+"
    r"(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+định|Thông\s+tư(?:\s+liên\s+tịch)?|Nghị\s+quyết|Quyết\s+định|Lệnh)\s+này"
)


@dataclass
class Block:
    """A logical paragraph: its span, its list marker kind and level, where its content starts."""

    start: int
    end: int
    content: int
    kind: str | None
    level: int


@dataclass
class Part:
    """A paragraph that may assign, with the agency that owns it when it names none itself
    (``owner``: an agency heading or duty article above it, with the agencies its heading has supporting it).
    ``fresh``: the paragraph before it does not continue into it (a section boundary lies between);
    ``after``: the outermost heading passed over since the paragraph before ("Điều 3. Trách nhiệm của …")."""

    block: Block
    owner: str | None = None
    owner_supports: list[str] = field(default_factory=list)
    fresh: bool = False
    after: Block | None = None


def body_span(doc: TextDocument) -> tuple[int, int]:
    """Where duties may stand: from the header's end to the Nơi nhận block."""
    end = _BODY_END.search(doc.text, doc.header_end)
    return doc.header_end, end.start() if end else len(doc.text)


def blocks(text: str, start: int, end: int) -> list[Block]:
    """Lines joined into paragraphs: a marker, a blank line or a finished sentence starts a new one."""
    lines = []
    pos = start
    for line in text[start:end].split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    widths = sorted(len(text[a:b].strip()) for a, b in lines if text[a:b].strip())
    wide = widths[int(len(widths) * 0.9)] if widths else 0
    found: list[Block] = []
    blank_before = True
    for a, b in lines:
        line = text[a:b]
        stripped = line.strip()
        if not stripped or stripped.isdigit() or set(stripped) <= set("_-–. "):
            blank_before = True
            continue
        marker = _MARKER.match(line)
        if (
            marker
            and marker["dash"]
            and found
            and stripped[1:].lstrip()[:1].isdigit()
            and not text[found[-1].start : found[-1].end].rstrip().endswith((".", ":", ";"))
        ):
            marker = None  # "giai đoạn 2020\n- 2024." — a range wrapped before its dash, not a bullet
        first = stripped[0]
        if found and not marker:
            prev = text[found[-1].start : found[-1].end].rstrip()
            ends_sentence = prev.endswith((".", ":", ";", "!", "?", "./."))
            short_prev = len(prev.split("\n")[-1].strip()) < 0.7 * wide
            # "Điều 2. Chức năng, nhiệm vụ của Tổ Công tác …" / "Nghiên cứu, đề xuất …": a duty article's title
            # stands alone when a full line follows (a short one is its wrapped end: "… của Ban" / "Chỉ đạo")
            titled = (
                found[-1].kind == "article"
                and not first.islower()
                and len(stripped) >= 0.6 * wide
                and bool(DUTY_ARTICLE.match(regex.sub(r"\s+", " ", text[found[-1].content : found[-1].end]).strip()))
            )
            joins = (
                first.islower()
                or not (ends_sentence or blank_before or short_prev or titled)
                or (not ends_sentence and not titled and _runs_on(text[found[-1].content : found[-1].end], stripped))
            )
            if joins:
                found[-1].end = b
                blank_before = False
                continue
        if marker:
            kind = next(k for k, v in marker.groupdict().items() if v)
            level = LEVELS[kind] + (len(regex.findall(r"\d+", marker[kind])) - 1 if kind == "num" else 0)
            found.append(Block(a, b, a + marker.end(), kind, level))
        else:
            found.append(Block(a, b, a + len(line) - len(line.lstrip()), None, 9))
        blank_before = False
    return found


def _runs_on(paragraph: str, line: str) -> bool:
    """A paragraph not ended by punctuation goes on into ``line`` though its last line is short or a blank line
    follows (a scan's or a page's break): its last word wants an object, or it is a preamble clause that has not
    reached its ";" and ``line`` opens no clause of its own. A table row read as text ("… | Trung tâm QLCL; các")
    ends in any word at a cell's edge: no telling."""
    last_line = paragraph.rstrip().rsplit("\n", 1)[-1].strip()
    if "|" in last_line or "|" in line:
        return False
    if _OPEN_LINE_END.search(last_line):
        return True
    return bool(_BASIS_CLAUSE.match(paragraph.lstrip())) and not _BASIS_CLAUSE.match(line)


HEADING_MAX_WORDS = 20


def after_heading(text: str, block: Block) -> int | None:
    """Where the paragraph starts when a numbered block opens with a title line of its own.

    The title has no closing punctuation and the next line starts a sentence:
    underthesea would read the two as one sentence whose subject is the title.
    """
    if block.kind is None:
        return None
    newline = text.find("\n", block.content, block.end)
    if newline < 0:
        return None
    title = text[block.content : newline].strip()
    body = block.end - len(text[newline + 1 : block.end].lstrip())
    if not title or title[-1] in ".,;:!?…)" or len(title.split()) > HEADING_MAX_WORDS:
        return None
    if body >= block.end or not text[body].isupper():
        return None
    return body


def is_normative(info: DocumentInfo) -> bool:
    """A legal normative document: a Luật, Nghị định, Thông tư …, or a Nghị quyết/Quyết định with a
    year in its symbol (29/2025/QĐ-TTg, 170/2024/QH15)."""
    return info.doc_type in _LEX["normative_doc_types"] or (
        info.doc_type in _LEX["normative_with_year_doc_types"] and info.year is not None
    )


def _article_force(block: Block, title: str, title_pending: bool) -> tuple[bool, bool, bool]:
    """For a normative text's article, chapter heading, or the line after a bare "Điều 2.": whether the
    blocks that follow assign duties, whether a title may still follow, and whether this block is a caption
    that assigns nothing itself. An implementation article ("Điều 16. Tổ chức thực hiện") or an untitled one
    ("Điều 6. Chính phủ chỉ đạo …." — a sentence, no title) assigns; a titled rule or a chapter does not."""
    if block.kind is None and _CHAPTER.match(title):
        return False, False, True
    if block.kind == "article" and not title:
        return True, True, True  # "Điều 2." alone
    if title_pending and block.kind is not None:
        return True, False, False  # "Điều 3." then "1. Nghị quyết này có hiệu lực …": untitled
    sentence = title.endswith((".", ":", ";")) and not _IMPLEMENTATION_ARTICLE.match(title)
    if sentence:
        return True, False, False
    return bool(_IMPLEMENTATION_ARTICLE.match(title)), False, title_pending


@dataclass
class _Section:
    """An implementation heading at ``level``: the blocks below belong to it until a heading as high or higher.
    When the items right under it are numbered again from 1 at its own level ("2. Nhiệm vụ thời gian tới" then "1.
    Sở Nội vụ"), they are its items, and only a higher heading ends it."""

    level: int
    fresh: bool = True  # no block yet under the heading
    restarted: bool = False

    def first_item(self, block: Block, text: str) -> None:
        if self.fresh and block.kind == "num" and block.level == self.level:
            self.restarted = bool(_FIRST_ITEM.match(text, block.start, block.content))
        self.fresh = False

    def ends_at(self, block: Block) -> bool:
        return block.kind in ("roman", "num", "article") and (
            block.level < self.level or block.level == self.level and not self.restarted
        )


# The first item of a list: "1.", "01)".
_FIRST_ITEM = regex.compile(r"\s*0?1[.)]")


def parts(doc: TextDocument, info: DocumentInfo) -> Iterator[Part]:
    """The body's paragraphs that may assign, in order, each with the agency heading or duty article it
    stands under."""
    text = doc.text
    start, end = body_span(doc)
    quotes = [m.span() for m in _QUOTE.finditer(text, start, end)]
    statements_only = info.doc_type in _LEX["statement_doc_types"]
    impl: _Section | None = None  # the implementation heading we are under
    assess_level: int | None = None  # level of the assessment heading we are under
    ctx: tuple[str, int, list[str]] | None = None  # agency heading (name, level, supports) whose bullets are its duties
    article_ctx: str | None = None
    fresh = False  # a boundary since the last paragraph yielded
    normative = is_normative(info)
    in_force = not normative  # a normative text assigns only in its implementation and untitled articles
    title_pending = False  # "Điều 2." alone: the next line is its title, or its first sentence
    passed: Block | None = None  # the outermost block passed over since the last one yielded
    for block in blocks(text, start, end):
        if passed is None or block.level < passed.level:
            passed = block
        content = text[block.content : block.end]
        title = regex.sub(r"\s+", " ", content).strip()
        if any(a <= block.content < b for a, b in quotes):
            continue
        if normative:
            if block.kind == "article" or (block.kind is None and _CHAPTER.match(title)) or title_pending:
                in_force, title_pending, caption = _article_force(block, title, title_pending)
                if not in_force or caption:
                    impl, ctx, article_ctx, fresh = None, None, None, True
                if caption:
                    continue
            if not in_force and not _CLOSING_OWN.search(title):
                continue
        if block.kind is None and _CLOSING_PARAGRAPH.match(title):
            impl, ctx, article_ctx, fresh = None, None, None, True  # only its own sentences assign
            assess_level = None  # "Trên đây là báo cáo …" closes "3. Kiến nghị, đề xuất" too
        if assess_level is not None and (
            block.kind in ("roman", "num", "article")
            and block.level <= assess_level
            or block.kind is None
            and _PART.match(title)
        ):
            assess_level = None
        if (
            block.kind in ("roman", "num", "letter")
            and len(title.split()) <= 14
            and (_ASSESSMENT.match(title.rstrip(":")) or statements_only and _REPORT_ACCOUNT.match(title.rstrip(":")))
        ):
            assess_level, impl, ctx, fresh = block.level, None, None, True
            continue
        if assess_level is not None:
            continue  # "I. Đánh giá chung … Nhà đầu tư triển khai … vẫn còn chậm": a finding, not a task
        if block.kind == "article":
            article_ctx, ctx, impl = None, None, None
            m = DUTY_ARTICLE.match(title)
            if m:  # "Điều 3. Trách nhiệm của các cơ quan, đơn vị và tổ chức liên quan" names no one
                article_ctx = None if agencies.is_generic(m["agency"]) else m["agency"].strip()
                continue
        if (
            block.kind in ("roman", "num", "letter", "article")
            and len(title.split()) <= 12
            and _IMPLEMENTATION.match(title.rstrip(":"))
        ):
            impl, ctx = _Section(block.level), None
            continue
        if (
            block.kind is None
            and len(title.split()) <= 8
            and not title.endswith(".")
            and _IMPLEMENTATION.fullmatch(_GARBLED_MARKER.sub("", title).rstrip(":"))
        ):
            impl, ctx = _Section(LEVELS["num"], fresh=False), None  # "Š. Phân công trách nhiệm": a scan lost "5."
            continue
        if (
            block.kind is None
            and not statements_only
            and title.endswith(":")
            and TRIGGER_RE.search(title)
            and agencies.speaker_is_issuer(title[: TRIGGER_RE.search(title).start()], info)
        ):
            impl, ctx = _Section(LEVELS["roman"], fresh=False), None  # "Sở Tư pháp đề nghị các cơ quan, đơn vị …:"
        if impl is not None:
            impl.first_item(block, text)
            if impl.ends_at(block):
                impl = None
        if ctx and block.kind is not None and block.level <= ctx[1]:
            ctx = None
        if (
            impl is not None
            and block.kind is not None
            and not title.endswith(".")
            and len(title.split()) <= 40
            and not is_record_label(title)
            and (heading := agency_heading(title))
        ):
            ctx = (heading[0], block.level, heading[1])
            continue
        owner = ctx[0] if ctx else article_ctx
        yield Part(block, owner, ctx[2] if ctx else [], fresh, passed if passed is not block else None)
        fresh, passed = False, None
