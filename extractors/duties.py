"""Duties: who must do what, by when.

Three sources, in document order:

* agency headings under an implementation section (``III. TỔ CHỨC THỰC HIỆN`` →
  ``2. Sở Nội vụ`` → ``- Tham mưu …``) and duty articles (``Điều 3. Nhiệm vụ và
  quyền hạn của Ban Chỉ đạo``): each bullet or paragraph below is one duty;
* sentences that assign: ``giao / yêu cầu / đề nghị X <verb> …``, ``X <verb> …``
  (``X chủ trì, phối hợp với Y …``, ``X có trách nhiệm …``, ``X chịu trách nhiệm thi
  hành Quyết định này``), with supporting agencies after ``phối hợp với``;
* appendix tables with Nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian columns.

Structure is found with ``regex``; words (duty verbs, agency heads) with underthesea's
word segmentation, run on candidate sentences only. Knowledge lives in
extractors/data/duty_lexicon.json and duty_sections.json.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache

import regex

from vanban.pipeline.document import Table, TextDocument
from vanban.record import DocumentInfo, Duty

from . import knowledge
from .deadlines import RECURRENCES as _RECURRENCES
from .deadlines import find_cell_deadline, find_cell_recurrence, find_deadline, find_recurrence
from .gazetteer import find_provinces, province_named

_LEX = knowledge.table("duty_lexicon")
_SECTIONS = knowledge.table("duty_sections")

_VERBS = frozenset(_LEX["verbs"])
_TRIGGERS = frozenset(_LEX["triggers"])
_PREFIXES = frozenset(_LEX["agency_prefixes"])
_HEADS = frozenset(_LEX["agency_heads"])
_NOT_HEADS = frozenset(_LEX["not_heads"])
_BREAKERS = frozenset(_LEX["subject_breakers"])
_GENERIC = frozenset(_LEX["generic_groups"])
_SUPERIORS = frozenset(_LEX["superiors"])


def _alternation(phrases) -> str:
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


# A line's list marker, and its nesting level (smaller = outer).
_MARKER = regex.compile(
    r"""(?x)
    ^[ \t]*(?:
        (?P<article>Điều[ \t]+\d+[a-z]?[.:])        # Điều 3.
      | (?P<roman>[IVX]{1,5}\.)                     # IV.
      | (?P<num>\d{1,2}(?:\.\d{1,2}){0,3}[.)])      # 2.   1.1.   3)
      | (?P<letter>[a-zđ]\))                        # a)   đ)
      | (?P<dash>[-–—•*])                           # - Tham mưu …   — Phối hợp … (em dash, OCR)
      | (?P<plus>\+)                                # + Tổ chức …
    )(?:[ \t]+|(?<=^[ \t]*Điều[ \t]+\d+[a-z]?\.)[ \t]*$)   # "Điều 2." alone, its text on the next line
    """
)
_LEVELS = {"article": 0, "roman": 1, "num": 2, "letter": 5, "dash": 6, "plus": 7}

# Where the body's duties end: the Nơi nhận block (an attached charter follows the signature).
_BODY_END = regex.compile(r"(?m)^[ \t|]*Nơi[ \t]+nhận[ \t]*:")

# A heading that opens an implementation section: "III. TỔ CHỨC THỰC HIỆN", "1. Trách nhiệm thực hiện",
# also after a topic joined by "và" or a comma: "III. GIẢI PHÁP THỰC HIỆN VÀ PHÂN CÔNG NHIỆM VỤ",
# "III. PHƯƠNG HƯỚNG, NHIỆM VỤ TRONG THỜI GIAN TỚI".
_IMPLEMENTATION = regex.compile(
    r"(?xi) ^(?:[^.:;]{3,50}?(?:\s+và|,)\s+)?(?:"
    + _alternation(_SECTIONS["implementation_sections"])
    + r")\b[^.]{0,40}$"
)

# A heading that opens an assessment section, which states facts: "I. Đánh giá chung", "1. Tình hình triển khai".
_ASSESSMENT = regex.compile(r"(?xi) ^(?:" + _alternation(_SECTIONS["assessment_sections"]) + r")(?!\w)[^.]{0,80}$")

# A list marker a scan misread, before a heading: "Š. Phân công trách nhiệm" (for "5.").
_GARBLED_MARKER = regex.compile(r"^[^\s\d]{1,2}[.)]\s+")

# A duty article: "Điều 3. Nhiệm vụ và quyền hạn của Ban Chỉ đạo" → agency "Ban Chỉ đạo".
_DUTY_ARTICLE = regex.compile(
    r"(?xi) ^(?:" + _alternation(_SECTIONS["duty_articles"]) + r")\s+của\s+(?P<agency>[^.:;]{3,120}?)\s*[.:]?$"
)

# An implementation article of a legal normative document: "Điều 16. Tổ chức thực hiện", "Điều 32. Hiệu lực
# thi hành và trách nhiệm thi hành"; its other articles are standing rules, not duties.
_IMPLEMENTATION_ARTICLE = regex.compile(
    r"(?xi) ^(?P<one>" + _alternation(_SECTIONS["implementation_articles"]) + r")"
    r"(?:\s*(?:,|và)\s*(?&one))*\s*[.:]?$"
)

# A chapter, section or part heading of a legal normative document: "Chương VIII", "MỤC 2", "Chương 12.".
_CHAPTER = regex.compile(r"(?xi) ^(?:chương|mục|phần)\s+(?:[IVXLC]+|\d+)\b")

# A part heading of a report, which closes any section before it: "Phần thứ hai", "PHẦN II".
_PART = regex.compile(r"(?xi) ^phần\s+(?:thứ\s+\w+|[IVXLC]+|\d+)\s*$")

# Openers before a sentence's subject: "Theo đó, …", "Trong thời hạn 30 ngày kể từ …, …".
_OPENER = regex.compile(
    r"""(?xi)
    ^(?:(?:"""
    + _alternation(_LEX["connectors"])
    + r""")\s*,\s*                        # Theo đó,
      | (?:trong\s+thời\s+hạn|trong\s+thời\s+gian|sau\s+khi)[^,]{0,120},\s*   # Trong thời hạn 30 ngày …,
      | về\s+[^,.]{0,60}(?:,\s*[^,.]{0,40})?,\s*(?=\p{Lu})                   # Về nhiệm vụ, giải pháp cụ thể, Chánh …
      | (?:trong\s+)?quá\s+trình\s+[^,.]{0,80},\s*                         # Trong quá trình thực hiện Thông tư này,
        (?:nếu\s+có\s+[^,.]{0,40}(?:,\s*vướng\s+mắc[^,.]{0,20})?,\s*)?       # nếu có khó khăn, vướng mắc, Công an …
    )+
    """
)

# The closing article: "Chánh Văn phòng …, Giám đốc Sở … chịu trách nhiệm thi hành Quyết định này".
_CLOSING = regex.compile(
    r"""(?xis)
    (?P<agency>\S.{2,}?)\s+
    (?P<task>(?:chịu|có)\s+trách\s+nhiệm\s+thi\s+hành                     # chịu trách nhiệm thi hành
      | (?:chịu|có)\s+trách\s+nhiệm\s+thực\s+hiện\s+                          # có trách nhiệm thực hiện Thông tư này
        (?=(?:Luật|Nghị\s+định|Thông\s+tư|Nghị\s+quyết|Quyết\s+định)\s+này)
      | căn\s+cứ\s+(?:Quyết\s+định|Nghị\s+quyết|Thông\s+tư)\s+(?:này\s+)?thi\s+hành   # căn cứ Quyết định thi hành
    )
    """
)

# A generic group that ends a list of agencies: "… và Thủ trưởng các cơ quan có liên quan".
_GENERIC_TAIL = regex.compile(r"(?i)(?:\s*[,;]\s*|\s+và\s+)(?:" + _LEX["generic_tail"] + r")\s*")

# "Sở A, Sở B và các phòng" → pieces; a piece not starting with an agency word is glued back
# ("Sở Văn hóa, Thể thao và Du lịch").
_LIST_SPLIT = regex.compile(r"\s*[,;]\s*|\s+và\s+")

# "về việc" ends an agency and opens its task: "chỉ đạo các phòng … về việc tiếp tục chấn chỉnh".
_ABOUT = regex.compile(r"(?i)\s+về\s+việc\s+")

# An informational closing after the last heading: "Trân trọng thông báo kết luận … biết, thực hiện./."
_CLOSING_PARAGRAPH = regex.compile(
    r"""(?xi)
    ^(?:"""
    + _alternation(_LEX["closing_openers"])
    + r""")(?!\w)                 # Trân trọng thông báo …
    | ^[^.;:]{3,80}?\s+thông\s+báo\s+(?:để|đến|cho)\s+[^.]{3,160}?\s+biết     # Văn phòng UBND tỉnh thông báo để … biết
    """
)

_QUOTE = regex.compile(r"“[^”]{20,}”|\"[^\"\n]{20,}\"")
_ABBREV = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân"}


@dataclass
class _Block:
    """A logical paragraph: its span, its list marker kind and level, where its content starts."""

    start: int
    end: int
    content: int
    kind: str | None
    level: int


@dataclass
class _Word:
    text: str
    start: int
    end: int


def extract_duties(doc: TextDocument, info: DocumentInfo) -> list[Duty]:
    """Every duty the document assigns, in document order."""
    if info.doc_type in _LEX["non_assigning_doc_types"]:
        return []
    duties = _body_duties(doc, info)
    for table in doc.tables:
        duties += _table_duties(doc, table)
    locality = _locality(info)
    for duty in duties:
        duty.canonical_agency = _canonical(duty.agency, locality)
    return _dedupe(duties)


# --- blocks -----------------------------------------------------------------------------------


def _blocks(text: str, start: int, end: int) -> list[_Block]:
    """Lines joined into paragraphs: a marker, a blank line or a finished sentence starts a new one."""
    lines = []
    pos = start
    for line in text[start:end].split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    widths = sorted(len(text[a:b].strip()) for a, b in lines if text[a:b].strip())
    wide = widths[int(len(widths) * 0.9)] if widths else 0
    blocks: list[_Block] = []
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
            and blocks
            and stripped[1:].lstrip()[:1].isdigit()
            and not text[blocks[-1].start : blocks[-1].end].rstrip().endswith((".", ":", ";"))
        ):
            marker = None  # "giai đoạn 2020\n- 2024." — a range wrapped before its dash, not a bullet
        first = stripped[0]
        if blocks and not marker:
            prev = text[blocks[-1].start : blocks[-1].end].rstrip()
            ends_sentence = prev.endswith((".", ":", ";", "!", "?", "./."))
            short_prev = len(prev.split("\n")[-1].strip()) < 0.7 * wide
            # "Điều 2. Chức năng, nhiệm vụ của Tổ Công tác …" / "Nghiên cứu, đề xuất …": a duty article's title
            # stands alone when a full line follows (a short one is its wrapped end: "… của Ban" / "Chỉ đạo")
            titled = (
                blocks[-1].kind == "article"
                and not first.islower()
                and len(stripped) >= 0.6 * wide
                and bool(_DUTY_ARTICLE.match(regex.sub(r"\s+", " ", text[blocks[-1].content : blocks[-1].end]).strip()))
            )
            joins = first.islower() or not (ends_sentence or blank_before or short_prev or titled)
            if joins:
                blocks[-1].end = b
                blank_before = False
                continue
        if marker:
            kind = next(k for k, v in marker.groupdict().items() if v)
            level = _LEVELS[kind] + (marker[kind].count(".") - 1 if kind == "num" else 0)
            blocks.append(_Block(a, b, a + marker.end(), kind, level))
        else:
            blocks.append(_Block(a, b, a + len(line) - len(line.lstrip()), None, 9))
        blank_before = False
    return blocks


# --- words ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _segmenter():
    """underthesea loaded once, on first use (its CRF models ship with the package)."""
    from underthesea import sent_tokenize, word_tokenize

    return sent_tokenize, word_tokenize


_SPACE_RUN = regex.compile(r"\s{2,}")


def _single_spaced(sentence: str) -> tuple[str, list[int]]:
    """``sentence`` with runs of white space made one space, and each of its offsets in ``sentence``.

    A word wrapped at a line end keeps the line's trailing space ("đề \nnghị"); underthesea
    gives it back as "đề nghị", which the sentence itself does not contain.
    """
    if not _SPACE_RUN.search(sentence):
        return sentence, list(range(len(sentence) + 1))
    out, offsets = [], []
    for i, ch in enumerate(sentence):
        if ch.isspace() and i > 0 and sentence[i - 1].isspace():
            continue
        out.append(" " if ch.isspace() else ch)
        offsets.append(i)
    offsets.append(len(sentence))
    return "".join(out), offsets


@lru_cache(maxsize=4096)
def _words(sentence: str) -> tuple[_Word, ...]:
    """underthesea words with their offsets in ``sentence``."""
    single, at = _single_spaced(sentence)
    out, pos = [], 0
    for token in _segmenter()[1](single):
        i = single.find(token, pos)
        if i < 0:
            continue
        glued = _GLUED_TRIGGER.match(token)
        if glued:  # "Giao Ban" segmented as one word: the trigger, then the agency's first word
            out.append(_Word(glued["trigger"], at[i], at[i + glued.end("trigger") - 1] + 1))
            out.append(_Word(glued["rest"], at[i + glued.start("rest")], at[i + len(token) - 1] + 1))
        else:
            out.append(_Word(token, at[i], at[i + len(token) - 1] + 1))
        pos = i + len(token)
    return tuple(out)


# A trigger word glued by the segmenter to the capitalised word after it ("Giao Ban", "Yêu cầu Sở").
_GLUED_TRIGGER = regex.compile(r"(?i)^(?P<trigger>" + _alternation(_TRIGGERS) + r")\s+(?P<rest>(?-i:\p{Lu}).*)$")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (underthesea's splitter, offsets recovered)."""
    chunk = text[start:end]
    if not _SENTENCE_BREAK.search(chunk):
        return [(start, end)] if chunk.strip() else []
    single, at = _single_spaced(chunk)
    spans, pos = [], 0
    for sent in _segmenter()[0](single):
        probe = sent.strip()[:20]
        i = single.find(probe, pos) if probe else -1
        if i < 0:
            continue
        spans.append(at[i])
        pos = i + 1
    if not spans or spans[0] != 0:
        spans.insert(0, 0)
    bounds = spans[1:] + [len(chunk)]
    return [(start + a, start + b) for a, b in zip(spans, bounds) if chunk[a:b].strip()]


# Cheap pre-checks before word segmentation: a possible sentence break, a possible assignment.
_SENTENCE_BREAK = regex.compile(r"[.!?]\s+\S")
_TRIGGER_RE = regex.compile(r"(?i)(?<!\w)(?:" + _alternation(_TRIGGERS) + r")(?!\w)")


def _lead(sentence: str, size: int = 320) -> str:
    """The sentence's opening, cut at a space: subject, trigger and "phối hợp với …" sit there,
    and segmenting only it keeps underthesea's cost per sentence flat."""
    if len(sentence) <= size:
        return sentence
    cut = sentence.rfind(" ", 0, size)
    return sentence[: cut if cut > 0 else size]


def _candidate(sentence: str, begin: int) -> bool:
    """Worth segmenting: opens with an agency word, or holds a trigger word."""
    rest = sentence[begin:].lstrip(" -–+•*")
    prefix = _PREFIX_RE.match(rest)
    rest = rest[prefix.end() :] if prefix else rest
    return bool(_HEAD_RE.match(rest)) or bool(_TRIGGER_RE.search(sentence))


def _verb_at(words: tuple[_Word, ...], i: int) -> int:
    """Length in words of the duty verb starting at word ``i`` (0 if none)."""
    for n in (3, 2, 1):
        phrase = " ".join(w.text for w in words[i : i + n]).lower()
        if len(words[i : i + n]) == n and phrase in _VERBS:
            return n
    return 0


def _first_verb(words: tuple[_Word, ...], begin: int = 0) -> int | None:
    """Index of the first lower-case duty verb from ``begin`` (a capitalised one is part of a name,
    except at the very start: "Tham mưu …")."""
    for i in range(begin, len(words)):
        if (
            (i == 0 or words[i].text[:1].islower())
            and (n := _verb_at(words, i))
            and not _numbered_name(words, i + n)
            and not (i > 0 and _paper(words[i - 1]))
        ):
            return i  # (after a paper's name the verb is its title: "Quy chế tổ chức và hoạt động")
    return None


def _numbered_name(words: tuple[_Word, ...], i: int) -> bool:
    """The verb ends a numbered name: "Ban Quản lý dự án đầu tư xây dựng số 1 chủ trì …"."""
    return i + 1 < len(words) and words[i].text.lower() == "số" and words[i + 1].text[:1].isdigit()


# --- agencies ---------------------------------------------------------------------------------


def _norm(s: str) -> str:
    return regex.sub(r"\s+", " ", s).strip(" \t\n,;:.-–").lower()


def _is_generic(agency: str) -> bool:
    """A generic group, listed, or lower case and made only of generic heads ("các cơ quan, đơn vị
    quan tâm"); a named head keeps it an agency ("Các bộ, cơ quan, địa phương")."""
    name = _norm(agency)
    if name in _GENERIC:
        return True
    if regex.search(r"\p{Lu}", agency.strip()[1:]):
        return False
    strip = (
        _PREFIX_RE if regex.search(r"(?<!\w)liên\s+quan$", name) else _QUANTIFIER_RE
    )  # "trưởng các đơn vị có liên quan"
    pieces = [strip.sub("", p) for p in _LIST_SPLIT.split(name) if p]
    return bool(pieces) and all(_vague_piece(p) for p in pieces)


def _vague_piece(piece: str) -> bool:
    """A generic head with at most a vague qualifier ("đơn vị quan tâm", "các đơn vị trên địa bàn"); a
    defining clause makes it a named group ("các cơ quan, đơn vị trực tiếp sử dụng ngân sách nhà nước")."""
    head = _GENERIC_HEAD_RE.match(piece)
    if not head:
        return False
    tail = piece[head.end() :].strip()
    return not tail or bool(_GENERIC_HEAD_RE.match(tail) or _VAGUE_QUALIFIER_RE.match(tail))


_QUANTIFIER_RE = regex.compile(r"(?i)^(?:(?:các|những|mỗi|tất\s+cả|toàn\s+thể)\s+)+")  # not a head's title
_GENERIC_HEAD_RE = regex.compile(r"(?i)^(?:" + _alternation(_LEX["generic_heads"]) + r")(?!\w)")
_VAGUE_QUALIFIER_RE = regex.compile(r"(?i)^(?:" + _alternation(_LEX["vague_qualifiers"]) + r")(?!\w)")
_PREFIX_RE = regex.compile(r"(?i)^(?:(?:" + _alternation(_PREFIXES) + r")\s+)+")
_HEAD_RE = regex.compile(r"(?i)^(?:" + _alternation(_HEADS) + r")(?!\w)")
_NOT_HEAD_RE = regex.compile(r"(?i)^(?:" + _alternation(_NOT_HEADS) + r")(?!\w)")
# A clause word inside a would-be subject; a trigger after a paper's name or "có" is a noun
# ("người nộp đơn đề nghị kiểm tra …", "hàng hóa … có yêu cầu bảo hộ …") and breaks nothing.
_BREAKER_RE = regex.compile(
    r"(?<!\w)(?<!(?:" + _alternation(_LEX["papers"] + ["có"]) + r")\s(?=" + _alternation(_TRIGGERS) + r"))"
    r"(?:" + _alternation(_BREAKERS) + r")(?!\w)"
)
_TITLES = regex.compile(
    r"(?i)^(?:chánh|phó chánh|giám đốc|phó giám đốc|chủ tịch|phó chủ tịch|bộ trưởng|thứ trưởng|trưởng|thủ trưởng|lãnh đạo)\s+"
)


def _looks_like_agency(name: str, max_words: int = 70) -> bool:
    """A named agency or group: title/quantifier words, then an agency word; no clause words."""
    name = regex.sub(r"\s+", " ", name).strip(" ,;:")
    if not name or len(name.split()) > max_words or _is_generic(name):
        return False
    prefix = _PREFIX_RE.match(name)
    rest = name[prefix.end() :] if prefix else name
    if not rest or _NOT_HEAD_RE.match(rest) or not _HEAD_RE.match(rest):
        return False
    if _BREAKER_RE.search(name):
        return False
    return name.split()[-1].lower() not in {"của", "với", "và", "các", "cho", "tại", "theo", "về"}


def _clean_agency(name: str) -> str:
    """Without a trailing generic group or punctuation."""
    name = regex.sub(r"\s+", " ", name).strip(" ,;:.-–")
    name = _TRAILING_ADVERB.sub("", name)  # "Công an tỉnh Lâm Đồng trực tiếp quản lý …"
    name = _TRAILING_RECURRENCE.sub("", name)  # "Thủ trưởng các cơ quan, đơn vị, địa phương định kỳ hằng tuần"
    name = _OWN_SCOPE.sub("", name)
    name = _APPOSITIVE_ROLE.sub("", name)  # "Phòng 5, Cục …, Bộ Công an - đơn vị thường trực Tổ Công tác …"
    name = _KINDLY.sub(
        "", name
    )  # "Ủy ban nhân dân tỉnh, thành phố quan tâm thực hiện …": "quan tâm" asks, names no one  # "Bộ Nông nghiệp và Môi trường trong phạm vi chức năng, nhiệm vụ của mình"
    cuts = [m.start() for m in regex.finditer(r"\s*[,;]\s*|\s+và\s+", name)]
    for pos in cuts:  # leftmost separator whose whole tail is one generic group
        tail = name[pos:]
        if len(tail) <= 70 and _GENERIC_TAIL.fullmatch(tail):
            return name[:pos].strip(" ,;:")
    return name


# A limit of scope between the subject and its verb belongs to neither: "Kiểm toán nhà nước, trong phạm vi
# nhiệm vụ, quyền hạn của mình, phối hợp …".
_OWN_SCOPE = regex.compile(r"(?i)\s*,?\s*trong\s+phạm\s+vi\s+[^.;]{0,80}?\s+của\s+mình\s*,?$")

# The role an agency plays, set off by a dash after its name, is no part of it: "Phòng 5, Cục Cảnh sát điều tra
# tội phạm về ma túy, Bộ Công an - đơn vị thường trực Tổ Công tác liên ngành trung ương".
_APPOSITIVE_ROLE = regex.compile(
    r"(?xi) \s+[-–]\s+(?:là\s+)?(?:đơn\s+vị|cơ\s+quan)\s+(?:thường\s+trực|đầu\s+mối|chủ\s+trì|tham\s+mưu)\b.*$"
)

_KINDLY = regex.compile(r"(?i)\s+(?:quan\s+tâm|kính)$")  # "… quan tâm thực hiện", "Công an tỉnh kính báo cáo …"

# An adverb between the subject and its verb: "Công an tỉnh Lâm Đồng trực tiếp quản lý và chỉ đạo …".
_TRAILING_ADVERB = regex.compile(r"(?i)\s+(?:" + _alternation(_LEX["agency_tail_adverbs"]) + r")$")

# A recurrence between the subject and its verb belongs to the task: "… địa phương định kỳ hằng tuần tổ chức …".
_TRAILING_RECURRENCE = regex.compile(r"(?i)\s+(?:" + _alternation(_RECURRENCES) + r")$")


def _split_agencies(segment: str) -> list[str]:
    """A list of named agencies, generic groups dropped."""
    segment = segment.strip(" ,;:")
    pieces: list[str] = []
    pos = pieces_end = 0
    for sep in [*_LIST_SPLIT.finditer(segment), None]:
        piece = segment[pos : sep.start() if sep else len(segment)]
        glue = segment[pieces_end:pos] if pieces else ""
        if piece and pieces and (not _looks_like_agency(piece) or regex.fullmatch(r"\p{Ll}+", piece)):
            pieces[-1] += glue + piece  # "Sở Nông nghiệp" + " và " + "Môi trường"; "các sở" + ", " + "ban"
        elif piece:
            pieces.append(piece)
        if piece:
            pieces_end = sep.start() if sep else len(segment)
        pos = sep.end() if sep else len(segment)
    return [p for p in pieces if _looks_like_agency(p) and not _is_generic(p)]


def _is_issuer(agency: str, info: DocumentInfo) -> bool:
    """The issuer speaking of itself ("Sở Tài chính có ý kiến", "UBND tỉnh tổ chức họp")."""
    if not info.issuer:
        return False
    a = " ".join(_ABBREV.get(w, w) for w in _norm(_TITLES.sub("", agency.strip())).split())
    issuer = " ".join(_ABBREV.get(w, w) for w in _norm(info.issuer).split())
    return bool(a) and (issuer.startswith(a) or a.startswith(issuer))


def _is_superior(agency: str, info: DocumentInfo) -> bool:
    """A request upward: a Sở asking the provincial People's Committee."""
    a = " ".join(_ABBREV.get(w, w) for w in _norm(agency).split())
    issuer = _norm(info.issuer or "")
    return a in _SUPERIORS and not issuer.startswith(("ủy ban nhân dân", "thủ tướng", "chính phủ", "bộ "))


def _speaker_is_issuer(before: str, info: DocumentInfo) -> bool:
    """Whoever asks, right before the trigger, is the issuer (or its head), or unnamed."""
    speaker = _speaker(before)
    if not speaker or not info.issuer:
        return True
    return _is_issuer(speaker, info)


def _speaker(before: str) -> str | None:
    """The agency right before a trigger, its comma-joined parts kept ("Căn cứ …, Ủy ban nhân dân tỉnh,
    thành phố" → "Ủy ban nhân dân tỉnh, thành phố"), or None when no agency stands there."""
    parts = regex.split(r"[,;]", before)
    tail = regex.findall(r"\w+|[^\w\s]", before)
    if tail and tail[-1] in _BARE_HEADS and (len(tail) == 1 or not tail[-2][:1].isupper()):
        return None  # "(ban cán sự đảng, ban chỉ đạo, …)", "trường hợp ban chỉ đạo": a lower-case name, no subject
    for k in range(min(3, len(parts)), 0, -1):
        speaker = regex.sub(r"(?i)\s+(?:vừa|đã|cũng|tiếp tục)$", "", ",".join(parts[-k:]).strip())
        if speaker and _looks_like_agency(speaker) and _HEAD_RE.match(_PREFIX_RE.sub("", speaker)):
            return speaker
    return None


# --- sentences --------------------------------------------------------------------------------


@dataclass
class _Found:
    agency: str
    task_start: int  # offset in the sentence
    supports: list[str]
    support_task_start: int | None


def _strip_duty_frame(sentence: str, pos: int) -> int:
    """Skip "có trách nhiệm" / "có nhiệm vụ" before the task's own verb. A ground before the verb stays in
    the task, as the gold has it ("căn cứ các qui định hiện hành tại Nghị định số 126/2024/NĐ-CP … để xem xét …")."""
    m = regex.match(r"(?i)có\s+(?:trách\s+nhiệm|nhiệm\s+vụ)\s+", sentence[pos:])
    return pos + m.end() if m else pos


def _supports(sentence: str, words: tuple[_Word, ...]) -> tuple[list[str], int | None]:
    """Agencies after "phối hợp với" (or "chủ trì, phối hợp"), or between "chủ trì," and "phối hợp",
    when a verb follows them (they share the task)."""
    for i, w in enumerate(words):
        if w.text.lower() != "phối hợp":
            continue
        after_lead = _after_chu_tri(sentence, words, i)
        if after_lead is not None:  # "Sở Nội vụ chủ trì, Sở Tài chính, Sở Tư pháp phối hợp tham mưu …"
            k = i + 1
            if k < len(words) and _verb_at(words, k):
                agencies = _split_agencies(_clean_agency(sentence[after_lead : w.start]))
                if agencies:
                    return agencies, words[k].start
        if _embedded(words, i):
            continue
        j = i + 1
        while j < len(words) and words[j].text.lower() in {"chặt chẽ", "chặt_chẽ"}:
            j += 1
        if j >= len(words):
            continue
        if words[j].text.lower() == "với":
            pass
        elif i >= 1 and words[i - 1].text == "," and i >= 2 and words[i - 2].text.lower() == "chủ trì":
            j -= 1  # "chủ trì, phối hợp Sở Nông nghiệp và Môi trường, Nhà Đầu tư … làm việc …"
        else:
            continue
        k = _first_verb(words, j + 1)
        if k is None or k == j + 1:
            return [], None
        segment = sentence[words[j].end : words[k].start]
        if regex.search(r"(?i)(?<!\w)(?:trong|để|nhằm|về)(?!\w)", segment):
            return [], None  # "phối hợp với Bộ Nội vụ trong việc …": no shared task
        agencies = _split_agencies(_clean_agency(segment))
        return agencies, words[k].start
    return [], None


def _embedded(words: tuple[_Word, ...], i: int) -> bool:
    """ "phối hợp" at word ``i`` has its own subject inside another verb's object ("Hướng dẫn các cơ sở giáo dục
    phối hợp với Ủy ban nhân dân các cấp …"), so its partners do not support the sentence's task."""
    for h in range(i - 1, -1, -1):
        if n := _verb_at(words, h):
            if words[h].text.lower() in _TRIGGERS or words[h].text.lower() in _FRAME_VERBS:
                return False
            return any(w.text not in {",", "và"} for w in words[h + n : i])
    return False


# Verbs that frame a task rather than being it: "Sở X chủ trì, phối hợp …", "có trách nhiệm phối hợp …".
_FRAME_VERBS = frozenset({"chủ trì", "có trách nhiệm", "chịu trách nhiệm", "có nhiệm vụ", "tiếp tục", "chủ động"})


def _after_chu_tri(sentence: str, words: tuple[_Word, ...], i: int) -> int | None:
    """Where the supporting agencies start when "chủ trì," comes before word ``i`` with names between."""
    for h in range(i - 1, 0, -1):
        if words[h].text == "," and words[h - 1].text.lower() == "chủ trì":
            return words[h].end if h + 1 < i else None
        if _verb_at(words, h):
            return None
    return None


def _assigning(
    sentence: str, info: DocumentInfo, statements_only: bool, subject_only: bool = False, list_item: bool = False
) -> _Found | None:
    """The agency a sentence assigns a task to, by trigger ("giao X …") or subject ("X chủ trì …")."""
    opener = _OPENER.match(sentence)
    begin = opener.end() if opener else 0
    if closing := _CLOSING.match(sentence, begin):
        agency = _clean_agency(closing["agency"])
        if _looks_like_agency(agency, max_words=120):
            return _Found(agency, closing.start("task"), [], None)
    if not _candidate(sentence, begin):
        return None
    words = _words(_lead(sentence))
    idx = [i for i, w in enumerate(words) if w.start >= begin]
    if not idx:
        return None
    first = idx[0]
    # "Cán bộ, nhân viên làm nhiệm vụ văn thư cơ quan có trách nhiệm kiểm tra …": people named by their work
    role = _ROLE_SUBJECT.match(sentence, words[first].start)
    if (
        role
        and len(role["agency"].split()) <= 12
        and _first_verb(_words(role["agency"])) is None
        and _looks_like_agency(role["agency"])
        and not _is_issuer(role["agency"], info)
    ):
        agency = _clean_agency(role["agency"] + " " + role["clause"])
        return _Found(agency, role.end(), [], None)
    # giao / yêu cầu / đề nghị X <verb> …
    for i in idx:
        w = words[i]
        low = w.text.lower()
        if (
            subject_only
            or low not in _TRIGGERS
            or not (i == first or w.text[:1].islower() or sentence[begin : w.start].rstrip().endswith(":"))
        ):
            continue  # "3. Đối với hạng mục …: Giao Ban Quản lý … chủ trì"
        if i > first and (_paper(words[i - 1]) or words[i - 1].text.lower() == "có"):
            continue  # "người nộp đơn đề nghị kiểm tra …", "hàng hóa … có yêu cầu bảo hộ": a noun, no request
        if low == "chỉ đạo" and i > first and words[i - 1].text.lower() in _BARE_HEADS:
            continue  # "tham mưu cho Ban chỉ đạo tỉnh triển khai …": part of a name ("Giám đốc sở yêu cầu" is not)
        before = sentence[begin : w.start]
        if _PAST.search(before):
            return None  # "Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ban, ngành …": a past act reported, no assignment
        if not before.rstrip().endswith(":") and not _speaker_is_issuer(before, info):
            speaker = _speaker(before)
            if (
                low == "chỉ đạo"
                and speaker
                and _first_verb(_words(speaker)) is None
                and not before.rstrip().endswith((",", ";"))
            ):
                supports, support_start = _supports(
                    sentence, words
                )  # "…, Ủy ban nhân dân tỉnh, thành phố chỉ đạo các Hội …"
                return _Found(_clean_agency(speaker), w.start, supports, support_start)
            if _verb_at(words, i):
                break  # "Ủy ban nhân dân cấp tỉnh chịu trách nhiệm chỉ đạo …": a verb here, the subject's task
            return None  # "trong đó, Bộ Nội vụ đề nghị …" recites another body's request
        a = i + 1
        if a < len(words) and words[a].text.lower() == "cho":
            a += 1
        if a >= len(words):
            continue
        k = _first_verb(words, a + 1)
        about = _ABOUT.search(sentence, words[a].start)
        if about and (k is None or about.start() < words[k].start):
            agency, task = sentence[words[a].start : about.start()], about.end()
        elif k is not None:
            agency, task = sentence[words[a].start : words[k].start], words[k].start
        else:
            continue
        agency = _clean_agency(agency)
        if not _looks_like_agency(agency) or _is_issuer(agency, info):
            continue
        if low in {"đề nghị", "kính đề nghị"} and _is_superior(agency, info):
            return None
        if statements_only and (low == "kính đề nghị" or i > first and words[i - 1].text.lower() == "kính"):
            return None  # a report's "Kính đề nghị Bộ Công an xem xét, tổng hợp" asks upward
        supports, support_start = _supports(sentence, words)
        return _Found(agency, _strip_duty_frame(sentence, task), supports, support_start)
    if statements_only:
        return None
    # "Sở Xây dựng: Tiếp tục duy trì …" — the agency, a colon, its task
    labelled = _LABELLED.match(sentence, words[first].start) if list_item else None
    if (
        labelled
        and _looks_like_agency(labelled["agency"])
        and not _is_issuer(labelled["agency"], info)
        and _verb_at(_words(sentence[labelled.start("task") : labelled.start("task") + 40]), 0)
    ):
        agency, heading_supports = _agency_heading(labelled["agency"]) or (labelled["agency"], [])
        if heading_supports:  # "Sở Tài chính chủ trì, phối hợp Sở Nội vụ: Tham mưu …"
            return _Found(_clean_agency(agency), labelled.start("task"), heading_supports, labelled.start("task"))
        supports, support_start = _supports(sentence, words)
        return _Found(_clean_agency(agency), labelled.start("task"), supports, support_start)
    # X <verb> …
    k = _first_verb(words, first + 1)
    if k is None:
        return None
    if _paper(words[k - 1]) or (k >= 2 and _paper(words[k - 2]) and words[k - 1].text.lower() in _TRIGGERS):
        frame = _DUTY_FRAME.search(sentence, words[k].end, len(_lead(sentence)))
        if frame is None:
            return None
        k = next(
            j for j, w in enumerate(words) if w.start >= frame.start()
        )  # "…, người nộp đơn đề nghị kiểm tra …, cá nhân có liên quan có trách nhiệm thực hiện …"
    elif words[k - 1].text == "," and (frame := _DUTY_FRAME.match(sentence, _after_list_item(sentence, words[k].end))):
        k = next(
            j for j, w in enumerate(words) if w.start >= frame.start()
        )  # "Các cấp uỷ, thủ trưởng cơ quan, tổ chức đảng có trách nhiệm …"
    agency = _clean_agency(sentence[words[first].start : words[k].start])
    if not _looks_like_agency(agency) or _is_issuer(agency, info):
        return None
    supports, support_start = _supports(sentence, words)
    return _Found(agency, _strip_duty_frame(sentence, words[k].start), supports, support_start)


_PAPERS = frozenset(_LEX["papers"])
# A subject naming people by their work, then the duty frame: "Cán bộ, nhân viên | làm nhiệm vụ văn thư
# cơ quan | có trách nhiệm | kiểm tra thể thức …".
_ROLE_SUBJECT = regex.compile(
    r"(?P<agency>[^.;:]{3,120}?)\s+(?P<clause>(?:" + _alternation(_LEX["role_clauses"]) + r")\s[^.;:]{3,120}?)"
    r"\s+(?:có|chịu)\s+trách\s+nhiệm\s+"
)
# The frame that ends a long subject: "…, người tố cáo vi phạm và các tổ chức, cá nhân có liên quan có trách nhiệm thực hiện …".
_DUTY_FRAME = regex.compile(r"(?i)(?<!\w)(?:có|chịu)\s+trách\s+nhiệm(?!\w)")


# A list item after a verb-like noun: "tổ chức| đảng " in "Các cấp uỷ, thủ trưởng cơ quan, tổ chức đảng có trách nhiệm".
_LIST_ITEM_TAIL = regex.compile(r"(?:\s+\w+){0,3}?\s+(?=(?:có|chịu)\s+trách\s+nhiệm(?!\w))")


def _after_list_item(sentence: str, pos: int) -> int:
    """Where a duty frame starts within three words after ``pos``, else ``pos``."""
    m = _LIST_ITEM_TAIL.match(sentence, pos)
    return m.end() if m else pos


def _paper(word: _Word) -> bool:
    """The word names a paper ("đơn", "hồ sơ"): a trigger or verb after it is part of that paper's name."""
    return word.text.lower() in _PAPERS


# A past act just before a trigger: "… đã chỉ đạo", "… đã lãnh đạo, chỉ đạo", "… cũng đã yêu cầu".
_PAST = regex.compile(r"(?i)(?<!\w)đã(?:\s+\w+){0,2}\s*,?\s*$")


# An agency label before its task: "e) Sở Xây dựng: Tiếp tục duy trì chế độ họp giao ban …".
_LABELLED = regex.compile(r"(?P<agency>[^:;.\n]{3,120}?)\s*:\s+(?P<task>\p{Lu})")


# --- body -------------------------------------------------------------------------------------


def _body_duties(doc: TextDocument, info: DocumentInfo) -> list[Duty]:
    text = doc.text
    start = doc.header_end
    end_match = _BODY_END.search(text, start)
    end = end_match.start() if end_match else len(text)
    quotes = [m.span() for m in _QUOTE.finditer(text, start, end)]
    flat = doc.match_text.replace("\n", " ")
    statements_only = info.doc_type in _LEX["statement_doc_types"]
    duties: list[Duty] = []
    impl_level: float | None = None  # level of the implementation heading we are under
    impl_fresh = False  # no block yet under that heading
    assess_level: float | None = None  # level of the assessment heading we are under
    ctx: tuple[str, int, list[str]] | None = None  # agency heading (name, level, supports) whose bullets are its duties
    article_ctx: str | None = None
    last_agency: str | None = None  # for a following paragraph that starts with a verb
    normative = _is_normative(info)
    in_force = not normative  # a normative text assigns only in its implementation and untitled articles
    title_pending = False  # "Điều 2." alone: the next line is its title, or its first sentence
    for block in _blocks(text, start, end):
        content = text[block.content : block.end]
        title = regex.sub(r"\s+", " ", content).strip()
        if any(a <= block.content < b for a, b in quotes):
            continue
        if normative:
            if block.kind == "article" or (block.kind is None and _CHAPTER.match(title)) or title_pending:
                in_force, title_pending, caption = _article_force(block, title, title_pending)
                if not in_force or caption:
                    impl_level, ctx, article_ctx, last_agency = None, None, None, None
                if caption:
                    continue
            if not in_force and not _CLOSING_OWN.search(title):
                continue
        if block.kind is None and _CLOSING_PARAGRAPH.match(title):
            impl_level, ctx, article_ctx, last_agency = None, None, None, None  # only its own sentences assign
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
            and _ASSESSMENT.match(title.rstrip(":"))
        ):
            assess_level, impl_level, ctx, last_agency = block.level, None, None, None
            continue
        if assess_level is not None:
            continue  # "I. Đánh giá chung … Nhà đầu tư triển khai … vẫn còn chậm": a finding, not a task
        if block.kind == "article":
            article_ctx, ctx, impl_level = None, None, None
            m = _DUTY_ARTICLE.match(title)
            if m:
                article_ctx = m["agency"].strip()
                continue
        if (
            block.kind in ("roman", "num", "letter", "article")
            and len(title.split()) <= 12
            and _IMPLEMENTATION.match(title.rstrip(":"))
        ):
            impl_level, ctx, impl_fresh = block.level, None, True
            continue
        if (
            block.kind is None
            and len(title.split()) <= 8
            and not title.endswith(".")
            and _IMPLEMENTATION.fullmatch(_GARBLED_MARKER.sub("", title).rstrip(":"))
        ):
            impl_level, ctx, impl_fresh = _LEVELS["num"], None, False  # "Š. Phân công trách nhiệm": a scan lost "5."
            continue
        if (
            block.kind is None
            and not statements_only
            and title.endswith(":")
            and _TRIGGER_RE.search(title)
            and _speaker_is_issuer(title[: _TRIGGER_RE.search(title).start()], info)
        ):
            impl_level, ctx = _LEVELS["roman"], None  # "Sở Tư pháp đề nghị các cơ quan, đơn vị thực hiện …:"
        if (
            impl_fresh
            and block.kind == "num"
            and block.level == impl_level
            and regex.match(r"\s*0?1[.)]", text[block.start : block.content])
        ):
            impl_level -= 0.5  # "2. Nhiệm vụ thời gian tới" → "1. Sở Nội vụ": numbering restarts inside it
        impl_fresh = False
        if impl_level is not None and block.kind in ("roman", "num", "article") and block.level <= impl_level:
            impl_level = None
        if ctx and block.kind is not None and block.level <= ctx[1]:
            ctx = None
        if (
            impl_level is not None
            and block.kind is not None
            and not title.endswith(".")
            and len(title.split()) <= 40
            and (heading := _agency_heading(title))
        ):
            ctx = (heading[0], block.level, heading[1])
            continue
        owner = ctx[0] if ctx else article_ctx
        found = _block_duties(doc, flat, block, info, owner, last_agency, statements_only, ctx[2] if ctx else [])
        duties += found
        last_agency = found[0].agency if found and owner is None else None
    return duties


def _is_normative(info: DocumentInfo) -> bool:
    """A legal normative document: a Luật, Nghị định, Thông tư …, or a Nghị quyết/Quyết định with a
    year in its symbol (29/2025/QĐ-TTg, 170/2024/QH15)."""
    return info.doc_type in _LEX["normative_doc_types"] or (
        info.doc_type in _LEX["normative_with_year_doc_types"] and info.year is not None
    )


def _article_force(block: _Block, title: str, title_pending: bool) -> tuple[bool, bool, bool]:
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


# The closing that assigns the document's execution, wherever it stands: "… chịu trách nhiệm thi hành Thông tư này".
_CLOSING_OWN = regex.compile(
    r"(?i)(?:chịu|có)\s+trách\s+nhiệm\s+(?:thi\s+hành|thực\s+hiện)\s+"
    r"(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+định|Thông\s+tư(?:\s+liên\s+tịch)?|Nghị\s+quyết|Quyết\s+định|Lệnh)\s+này"
)


# "e) Đối với Nhà đầu tư Dự án …:" — a heading that names its agency after "Đối với".
_FOR_AGENCY = regex.compile(r"(?i)^đối\s+với\s+")


# A topic label before an item's task: "Đối với dự án …:", "Về công tác …:".
_TOPIC = regex.compile(r"(?i)^(?:đối\s+với|về)\s+")


def _heading_agency(title: str) -> str:
    """ "a) Bộ Nội vụ, cơ quan chủ trì triển khai Đề án:" → "Bộ Nội vụ"."""
    title = _FOR_AGENCY.sub("", title.rstrip(" :."))
    title = _HEADING_REQUEST.sub("", title)
    return regex.split(r",\s*(?:cơ quan|đơn vị)\s+(?:chủ trì|thường trực|đầu mối)", title)[0]


# A request opening an agency heading: "3.8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, …".
_HEADING_REQUEST = regex.compile(r"^(?:Đề\s+nghị|Kính\s+đề\s+nghị|Yêu\s+cầu|Giao)\s+(?=\p{Lu})")

# "chủ trì, phối hợp (với) Y" closing an agency heading: "8.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành".
_HEADING_SUPPORTS = regex.compile(r"(?i)^chủ\s+trì\s*,?\s*phối\s+hợp\s+(?:với\s+)?(?P<supports>.+)$")


def _agency_heading(title: str) -> tuple[str, list[str]] | None:
    """The agency (and supporting agencies) an implementation sub-heading names, if it names one:
    "2.2. Công an tỉnh", "3.9. Chủ tịch Ủy ban nhân dân địa bàn cấp xã chỉ đạo" (the verb ends the name),
    "8.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành" (lead and supports)."""
    name = _heading_agency(title)
    if not _looks_like_agency(name):
        return None
    words = _words(name)
    k = _first_verb(words, 2)  # two words at least before the verb: "Ban chỉ đạo tỉnh" stays a name
    if k is None or not _looks_like_agency(name[: words[k].start]):
        return name, []
    agency, rest = _clean_agency(name[: words[k].start]), name[words[k].start :]
    supports = _HEADING_SUPPORTS.match(rest)
    return agency, _split_agencies(supports["supports"]) if supports else []


def _block_duties(
    doc: TextDocument,
    flat: str,
    block: _Block,
    info: DocumentInfo,
    owner: str | None,
    last_agency: str | None,
    statements_only: bool,
    owner_supports: list[str] | None = None,
) -> list[Duty]:
    """Duties in one paragraph: its own assigning sentences, else the whole paragraph for ``owner``
    (with ``owner_supports``, the agencies its heading has supporting it).

    ``flat`` is ``doc.match_text`` with line breaks as spaces (same offsets) for matching."""
    text = flat
    if owner is not None:
        head = text[block.content : block.end]
        colon = regex.match(r"(?s)([^:]{3,200}?):\s+(\S.*)", head)
        if colon and _first_verb(_words(colon[2][:80])) == 0:
            label = _FOR_AGENCY.sub("", colon[1])
            if _looks_like_agency(label):  # "e) Đối với Nhà đầu tư Dự án …: Khẩn trương nộp …"
                return _make(doc, _clean_agency(label), block.content + colon.start(2), block.end, [], None)
            if _TOPIC.match(colon[1]):  # "+ Đối với dự án cao tốc …: Tập trung …": the task starts at its verb
                return _make(doc, owner, block.content + colon.start(2), block.end, [], None)
        if head.rstrip().endswith(":") and block.kind is None:
            return []  # an unnumbered lead-in introduces the items below it
        first_sentence = _sentences(text, block.content, block.end)[0]
        if block.kind is None and _generic_subject(text[first_sentence[0] : first_sentence[1]]):
            return []  # "Các cơ quan, đơn vị tiếp tục thực hiện …" after the heading's items: not the heading's
        if (
            block.kind is None
            and (trigger := _TRIGGER_RE.search(head))
            and _looks_like_agency(head[: trigger.start()])
            and _is_issuer(head[: trigger.start()], info)
        ):
            return _block_duties(doc, flat, block, info, None, None, statements_only)  # "Sở Tư pháp đề nghị …"
        found = _assigning(text[first_sentence[0] : first_sentence[1]], info, False, subject_only=True)
        if found and found.task_start > 0 and _norm(found.agency) not in _VERBS:  # "c) Thanh tra, kiểm tra, …": a verb
            return _duties_from(doc, found, first_sentence[0], block.end)
        return _make(doc, owner, block.content, block.end, owner_supports or [], block.content)
    duties: list[Duty] = []
    sentences = _sentences(text, block.content, block.end)
    if (
        sentences
        and (body := _after_heading(doc.text, block)) is not None
        and not _assigning(text[sentences[0][0] : sentences[0][1]], info, statements_only, list_item=True)
    ):
        sentences = _sentences(text, body, block.end)  # "2. Tăng cường công tác tuyên truyền\nCác bộ … tổ chức …"
    open_duty: list[Duty] = []
    for a, b in sentences:
        sentence = text[a:b]
        found = _assigning(sentence, info, statements_only, list_item=block.kind is not None and (a, b) == sentences[0])
        if found:
            open_duty = _duties_from(doc, found, a, b)
            duties += open_duty
        elif open_duty:
            for duty in open_duty:  # a following sentence without its own subject continues the task
                duty.task = (duty.task + " " + _trim(doc.text[a:b])).strip()
                duty.span[1] = b
        elif (
            not duties
            and last_agency
            and block.kind is None
            and (a, b) == sentences[0]
            and text[block.content : block.end].rstrip().endswith(".")
        ):
            opener = _OPENER.match(sentence)
            rest = _words(sentence[opener.end() :]) if opener else _words(sentence)
            if rest and _first_verb(rest) == 0:  # "Đồng thời, tổ chức …" continues; "Trong quá trình …, nếu …" does not
                start = a + (opener.end() if opener else 0)
                open_duty = _make(doc, last_agency, start, b, [], None)
                duties += open_duty
    return duties


HEADING_MAX_WORDS = 20


def _after_heading(text: str, block: _Block) -> int | None:
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


def _generic_subject(sentence: str) -> bool:
    """The sentence's subject, before its first verb, is a generic group ("Các cơ quan, đơn vị tiếp tục …")."""
    words = _words(_lead(sentence, 120))
    if not words or _first_verb(words) == 0:
        return False
    k = _first_verb(words, 1)
    return k is not None and _is_generic(sentence[: words[k].start])


def _duties_from(doc: TextDocument, found: _Found, sentence_start: int, end: int) -> list[Duty]:
    return _make(
        doc,
        found.agency,
        sentence_start + found.task_start,
        end,
        found.supports,
        sentence_start + found.support_task_start if found.support_task_start is not None else None,
        span_start=sentence_start,
    )


def _trim(task: str) -> str:
    return regex.sub(r"\s+", " ", task).strip().rstrip("./; ").strip()


# A head word alone names no agency: "Ban tổ chức tỉnh uỷ: BTCTU" read as "Ban" + "tổ chức …".
_BARE_HEADS = frozenset(_LEX["bare_heads"])


def _readable(task: str) -> bool:
    """Words, not scan debris: "HH v0", "00000000.ŒĐÝ\"AAAN....22.aẠCOOO" state no task."""
    return len(regex.findall(r"(?<!\w)\p{Ll}{2,}(?!\w)", task)) >= 2


def _make(
    doc: TextDocument,
    agency: str,
    task_start: int,
    end: int,
    supports: list[str],
    support_start: int | None,
    span_start: int | None = None,
) -> list[Duty]:
    """A lead duty (plus one support duty per supporting agency) for ``doc.text[task_start:end]``."""
    task = _trim(doc.text[task_start:end])
    if not task or not agency or _norm(agency) in _BARE_HEADS or not _readable(task):
        return []
    if doc.text[task_start:end].rstrip().endswith(":") and len(task.split()) <= 8:
        return []  # "… quan tâm thực hiện một số nội dung:": a lead-in, its items are the duties
    whole = doc.text[span_start if span_start is not None else task_start : end]
    deadline, recurrence = find_deadline(whole), find_recurrence(whole)  # "Hằng năm, Công an tỉnh … xây dựng dự toán"
    span = [span_start if span_start is not None else task_start, end]
    duties = [Duty(agency=agency, role="lead", task=task, deadline=deadline, recurrence=recurrence, span=span)]
    if supports and support_start is not None:
        shared = _trim(doc.text[support_start:end])
        duties[0].task = shared
        duties += [
            Duty(agency=s, role="support", task=shared, deadline=deadline, recurrence=recurrence, span=list(span))
            for s in supports
        ]
    return duties


# --- tables -----------------------------------------------------------------------------------


def _column(header: list[str], names: list[str]) -> int | None:
    cells = [_norm(c) for c in header]
    for name in sorted(names, key=len, reverse=True):
        for i, cell in enumerate(cells):
            if cell == name or cell.startswith(name + " ") or cell.startswith(name + "("):
                return i
    return None


# A Chủ trì cell that points elsewhere instead of naming an agency: "Theo phân công tại Quyết định số …".
_CELL_REFERENCE = regex.compile(r"(?i)^(?:theo|căn\s+cứ)\s")


def _table_duties(doc: TextDocument, table: Table) -> list[Duty]:
    """One duty per row of a Nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian table."""
    cols = _SECTIONS["table_columns"]
    for h, header in enumerate(table.rows[:3]):  # noqa: B007 (h is the header row, used below)
        task_col, lead_col = _column(header, cols["task"]), _column(header, cols["lead"])
        if task_col is not None and lead_col is not None and task_col != lead_col:
            break
    else:
        return []
    support_col, deadline_col = _column(header, cols["support"]), _column(header, cols["deadline"])
    duties: list[Duty] = []
    for row in table.rows[h + 1 :]:
        if max(task_col, lead_col) >= len(row):
            continue
        task, lead = _trim(row[task_col]), _clean_agency(row[lead_col])
        if not task or not lead or _is_generic(lead) or regex.fullmatch(r"[\d\s.()IVX]*", task):
            continue
        named_lead = not _CELL_REFERENCE.match(lead)  # "Theo phân công tại Quyết định số 1441/QĐ-UBND": no name
        due = row[deadline_col].strip() if deadline_col is not None and deadline_col < len(row) else ""
        deadline = find_cell_deadline(due) if due else find_deadline(task)
        at = doc.text.find(task[:40])
        span = [at, at + len(task)] if at >= 0 else ([table.start, table.end] if table.start is not None else None)
        recurrence = find_cell_recurrence(due) or find_recurrence(task)
        if named_lead:
            duties.append(Duty(lead, "lead", task, deadline, recurrence, span))
        if support_col is not None and support_col < len(row):
            for agency in _split_agencies(row[support_col]):
                duties.append(Duty(agency, "support", task, deadline, recurrence, span))
    return duties


# --- canonical agency -------------------------------------------------------------------------

# The province ending an issuer's name: "Ủy ban nhân dân tỉnh Lâm Đồng" → "tỉnh Lâm Đồng". Only the
# unit word ignores case: the name must be capitalised ("Tỉnh ủy Tuyên Quang" is no "tỉnh ủy …").
_LOCALITY = regex.compile(r"\b(?P<loc>(?i:tỉnh|thành\s+phố)\s+\p{Lu}[\p{L} ]+?)\s*$")


def _locality(info: DocumentInfo) -> str | None:
    """The issuing province, written "tỉnh X" / "thành phố X": from the issuer's name, else the
    province the issuer or its parent names ("Tỉnh ủy Tuyên Quang" → "tỉnh Tuyên Quang")."""
    sources = [s.strip() for s in (info.issuer, info.parent_issuer) if s]
    for source in sources:
        if m := _LOCALITY.search(source):
            return regex.sub(r"\s+", " ", m["loc"])
    for source in sources:
        if found := find_provinces(source):
            province = province_named(found[-1].name)
            return province.full_name if province else None
    return None


def _canonical(agency: str, locality: str | None) -> str:
    """The agency with its locality ("Sở Nội vụ" → "Sở Nội vụ tỉnh Lâm Đồng"); groups stay as written."""
    name = " ".join(_ABBREV.get(w.lower(), w) if w.isupper() else w for w in agency.split())
    name = name[0].upper() + name[1:] if name else name
    low = name.lower()
    if not locality or low.split(" ")[0] in _PREFIXES or "," in name or ";" in name:
        return name
    place = locality.split(" ", 1)[1].lower() if " " in locality else locality.lower()
    if place in low or low.startswith(("bộ ", "chính phủ", "thủ tướng", "quốc hội")):
        return name
    if low.endswith(" tỉnh"):
        return name[: -len(" tỉnh")] + " " + locality
    return name + " " + locality


def _dedupe(duties: list[Duty]) -> list[Duty]:
    """One entry for a duty reported twice (a news title or lead repeating its body): the same agency and
    role, and one task's words are the other's, in order, over about the same stretch. Two duties whose
    tasks differ in their object ("chỉ đạo các Hội Công chứng viên …" / "chỉ đạo các Đoàn Luật sư …"),
    or a short task whose words a long one happens to hold, are both kept."""
    kept: list[tuple[Duty, frozenset[str], list[str]]] = []
    for duty in duties:
        agency = frozenset(_WORD.findall(duty.agency.lower()))
        task = [w for word in _WORD.findall(duty.task.lower()) for w in _ABBREV.get(word, word).split()]
        same = next(
            (
                k
                for k, k_agency, k_task in kept
                if k.role == duty.role and _near(k_agency, agency) and _repeats(k_task, task)
            ),
            None,
        )
        if same is None:
            kept.append((duty, agency, task))
        else:  # the body's bullet and its appendix row: the row's time cell completes the bullet
            same.deadline = same.deadline or duty.deadline
            same.recurrence = same.recurrence or duty.recurrence
    return [duty for duty, _, _ in kept]


def _near(a: frozenset[str], b: frozenset[str]) -> bool:
    """Four in five words of the smaller bag are in the other."""
    return bool(a and b) and len(a & b) >= 0.8 * min(len(a), len(b))


def _repeats(a: list[str], b: list[str]) -> bool:
    """The shorter word list is found in the longer one, in order and within one stretch of about its
    own length, but for one word in twenty ("tiếp tục chấn chỉnh … hành chính" in a title, then in the
    body with "(Công văn số 5743/VP-HCQT …)" after it)."""
    short, long = sorted((a, b), key=len)
    if not short or short == long:
        return bool(short)
    if len(short) < 6:
        return False
    blocks = [
        block
        for block in difflib.SequenceMatcher(None, short, long, autojunk=False).get_matching_blocks()
        if block.size
    ]
    if not blocks or blocks[-1].b + blocks[-1].size - blocks[0].b > 1.25 * len(short) + 2:
        return False
    return sum(block.size for block in blocks) >= len(short) - max(1, 0.05 * len(short))


_WORD = regex.compile(r"\w+")
