"""The forms in which a sentence, a heading or a table row assigns a duty.

* ``giao / yêu cầu / đề nghị X <verb> …`` — a trigger, the agency, the task from its verb;
* ``X <verb> …`` — the subject and its duty verb (``X chủ trì, phối hợp với Y …``, ``X có trách nhiệm …``),
  with supporting agencies after ``phối hợp với``;
* ``X: <Verb> …`` — an agency label before its task;
* an agency heading (``2. Sở Nội vụ``, ``8.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành``);
* a table row under Nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian columns.

Words (duty verbs, triggers) come from underthesea's word segmentation, run on candidate sentences only;
the lexicon is extractors/data/duty_lexicon.json and duty_sections.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from vanban.pipeline.document import Table, TextDocument
from vanban.record import DocumentInfo, Duty

from . import agencies, knowledge
from .agencies import alternation
from .deadlines import find_cell_deadline, find_cell_recurrence, find_deadline, find_recurrence

_LEX = knowledge.table("duty_lexicon")
_SECTIONS = knowledge.table("duty_sections")

VERBS = frozenset(_LEX["verbs"])
_TRIGGERS = frozenset(_LEX["triggers"])


@dataclass
class Word:
    text: str
    start: int
    end: int


# Openers before a sentence's subject: "Theo đó, …", "Trong thời hạn 30 ngày kể từ …, …".
OPENER = regex.compile(
    r"""(?xi)
    ^(?:(?:"""
    + alternation(_LEX["connectors"])
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

# "về việc" ends an agency and opens its task: "chỉ đạo các phòng … về việc tiếp tục chấn chỉnh".
_ABOUT = regex.compile(r"(?i)\s+về\s+việc\s+")


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
def tokens(sentence: str) -> tuple[Word, ...]:
    """underthesea words with their offsets in ``sentence``."""
    single, at = _single_spaced(sentence)
    out, pos = [], 0
    for token in _segmenter()[1](single):
        i = single.find(token, pos)
        if i < 0:
            continue
        glued = _GLUED_TRIGGER.match(token)
        if glued:  # "Giao Ban" segmented as one word: the trigger, then the agency's first word
            out.append(Word(glued["trigger"], at[i], at[i + glued.end("trigger") - 1] + 1))
            out.append(Word(glued["rest"], at[i + glued.start("rest")], at[i + len(token) - 1] + 1))
        else:
            out.append(Word(token, at[i], at[i + len(token) - 1] + 1))
        pos = i + len(token)
    return tuple(out)


# A trigger word glued by the segmenter to the capitalised word after it ("Giao Ban", "Yêu cầu Sở").
_GLUED_TRIGGER = regex.compile(r"(?i)^(?P<trigger>" + alternation(_TRIGGERS) + r")\s+(?P<rest>(?-i:\p{Lu}).*)$")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
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
TRIGGER_RE = regex.compile(r"(?i)(?<!\w)(?:" + alternation(_TRIGGERS) + r")(?!\w)")


def opening(sentence: str, size: int = 320) -> str:
    """The sentence's opening, cut at a space: subject, trigger and "phối hợp với …" sit there,
    and segmenting only it keeps underthesea's cost per sentence flat."""
    if len(sentence) <= size:
        return sentence
    cut = sentence.rfind(" ", 0, size)
    return sentence[: cut if cut > 0 else size]


def _candidate(sentence: str, begin: int) -> bool:
    """Worth segmenting: opens with an agency word, or holds a trigger word."""
    rest = sentence[begin:].lstrip(" -–+•*")
    prefix = agencies.PREFIX_RE.match(rest)
    rest = rest[prefix.end() :] if prefix else rest
    return bool(agencies.HEAD_RE.match(rest)) or bool(TRIGGER_RE.search(sentence))


def verb_at(words: tuple[Word, ...], i: int) -> int:
    """Length in words of the duty verb starting at word ``i`` (0 if none)."""
    for n in (3, 2, 1):
        phrase = " ".join(w.text for w in words[i : i + n]).lower()
        if len(words[i : i + n]) == n and phrase in VERBS:
            return n
    return 0


def first_verb(words: tuple[Word, ...], begin: int = 0) -> int | None:
    """Index of the first lower-case duty verb from ``begin`` (a capitalised one is part of a name,
    except at the very start: "Tham mưu …")."""
    for i in range(begin, len(words)):
        if (
            (i == 0 or words[i].text[:1].islower())
            and (n := verb_at(words, i))
            and not _numbered_name(words, i + n)
            and not (i > 0 and _paper(words[i - 1]))
        ):
            return i  # (after a paper's name the verb is its title: "Quy chế tổ chức và hoạt động")
    return None


def _numbered_name(words: tuple[Word, ...], i: int) -> bool:
    """The verb ends a numbered name: "Ban Quản lý dự án đầu tư xây dựng số 1 chủ trì …"."""
    return i + 1 < len(words) and words[i].text.lower() == "số" and words[i + 1].text[:1].isdigit()


# --- sentences --------------------------------------------------------------------------------


def _issuer_statement(agency: str, info: DocumentInfo) -> bool:
    """The issuer as the subject states what it did, does or plans ("Sở Y tế cử lãnh đạo tham gia …" in its
    công văn), except in a directive document, where it is given its own part ("Ban Thường trực Ủy ban MTTQ
    Việt Nam xã xây dựng kế hoạch …" in the Ban Thường trực's Hướng dẫn)."""
    return agencies.is_issuer(agency, info) and info.doc_type not in _SELF_ASSIGNING


_SELF_ASSIGNING = frozenset(_LEX["self_assigning_doc_types"])


@dataclass
class Found:
    agency: str
    task_start: int  # offset in the sentence
    supports: list[str]
    support_task_start: int | None


def _strip_duty_frame(sentence: str, pos: int) -> int:
    """Skip "có trách nhiệm" / "có nhiệm vụ" before the task's own verb. A ground before the verb stays in
    the task, as the gold has it ("căn cứ các qui định hiện hành tại Nghị định số 126/2024/NĐ-CP … để xem xét …")."""
    m = regex.match(r"(?i)có\s+(?:trách\s+nhiệm|nhiệm\s+vụ)\s+", sentence[pos:])
    return pos + m.end() if m else pos


def _supports(sentence: str, words: tuple[Word, ...]) -> tuple[list[str], int | None]:
    """Agencies after "phối hợp với" (or "chủ trì, phối hợp"), or between "chủ trì," and "phối hợp",
    when a verb follows them (they share the task)."""
    for i, w in enumerate(words):
        if w.text.lower() != "phối hợp":
            continue
        after_lead = _after_chu_tri(sentence, words, i)
        if after_lead is not None:  # "Sở Nội vụ chủ trì, Sở Tài chính, Sở Tư pháp phối hợp tham mưu …"
            k = i + 1
            if k < len(words) and verb_at(words, k):
                named = agencies.split_list(agencies.clean(sentence[after_lead : w.start]))
                if named:
                    return named, words[k].start
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
        k = first_verb(words, j + 1)
        if k is None or k == j + 1:
            return [], None
        segment = sentence[words[j].end : words[k].start]
        if regex.search(r"(?i)(?<!\w)(?:trong|để|nhằm|về)(?!\w)", segment):
            return [], None  # "phối hợp với Bộ Nội vụ trong việc …": no shared task
        return agencies.split_list(agencies.clean(segment)), words[k].start
    return [], None


def _embedded(words: tuple[Word, ...], i: int) -> bool:
    """ "phối hợp" at word ``i`` has its own subject inside another verb's object ("Hướng dẫn các cơ sở giáo dục
    phối hợp với Ủy ban nhân dân các cấp …"), so its partners do not support the sentence's task."""
    for h in range(i - 1, -1, -1):
        if n := verb_at(words, h):
            if words[h].text.lower() in _TRIGGERS or words[h].text.lower() in _FRAME_VERBS:
                return False
            return any(w.text not in {",", "và"} for w in words[h + n : i])
    return False


# Verbs that frame a task rather than being it: "Sở X chủ trì, phối hợp …", "có trách nhiệm phối hợp …".
_FRAME_VERBS = frozenset({"chủ trì", "có trách nhiệm", "chịu trách nhiệm", "có nhiệm vụ", "tiếp tục", "chủ động"})


def _after_chu_tri(sentence: str, words: tuple[Word, ...], i: int) -> int | None:
    """Where the supporting agencies start when "chủ trì," comes before word ``i`` with names between."""
    for h in range(i - 1, 0, -1):
        if words[h].text == "," and words[h - 1].text.lower() == "chủ trì":
            return words[h].end if h + 1 < i else None
        if verb_at(words, h):
            return None
    return None


def assigning(
    sentence: str, info: DocumentInfo, statements_only: bool, subject_only: bool = False, list_item: bool = False
) -> Found | None:
    """The agency a sentence assigns a task to, by trigger ("giao X …") or subject ("X chủ trì …")."""
    opener = OPENER.match(sentence)
    begin = opener.end() if opener else 0
    if closing := _CLOSING.match(sentence, begin):
        agency = agencies.clean(closing["agency"])
        if agencies.looks_like_agency(agency, max_words=120):
            return Found(agency, closing.start("task"), [], None)
    if not _candidate(sentence, begin):
        return None
    words = tokens(opening(sentence))
    idx = [i for i, w in enumerate(words) if w.start >= begin]
    if not idx:
        return None
    first = idx[0]
    # "Cán bộ, nhân viên làm nhiệm vụ văn thư cơ quan có trách nhiệm kiểm tra …": people named by their work
    role = _ROLE_SUBJECT.match(sentence, words[first].start)
    if (
        role
        and len(role["agency"].split()) <= 12
        and first_verb(tokens(role["agency"])) is None
        and agencies.looks_like_agency(role["agency"])
        and not _issuer_statement(role["agency"], info)
    ):
        agency = agencies.clean(role["agency"] + " " + role["clause"])
        return Found(agency, role.end(), [], None)
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
        if low == "chỉ đạo" and i > first and words[i - 1].text.lower() in agencies.BARE_HEADS:
            continue  # "tham mưu cho Ban chỉ đạo tỉnh triển khai …": part of a name ("Giám đốc sở yêu cầu" is not)
        before = sentence[begin : w.start]
        if _PAST.search(before):
            return None  # "Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ban, ngành …": a past act reported, no assignment
        if not before.rstrip().endswith(":") and not agencies.speaker_is_issuer(before, info):
            speaker = agencies.speaker(before)
            if (
                low == "chỉ đạo"
                and speaker
                and first_verb(tokens(speaker)) is None
                and not before.rstrip().endswith((",", ";"))
            ):
                supports, support_start = _supports(
                    sentence, words
                )  # "…, Ủy ban nhân dân tỉnh, thành phố chỉ đạo các Hội …"
                return Found(agencies.clean(speaker), w.start, supports, support_start)
            if verb_at(words, i):
                break  # "Ủy ban nhân dân cấp tỉnh chịu trách nhiệm chỉ đạo …": a verb here, the subject's task
            return None  # "trong đó, Bộ Nội vụ đề nghị …" recites another body's request
        a = i + 1
        if a < len(words) and words[a].text.lower() == "cho":
            a += 1
        if a >= len(words):
            continue
        k = first_verb(words, a + 1)
        about = _ABOUT.search(sentence, words[a].start)
        if about and (k is None or about.start() < words[k].start):
            agency, task = sentence[words[a].start : about.start()], about.end()
        elif k is not None:
            agency, task = sentence[words[a].start : words[k].start], words[k].start
        else:
            continue
        agency = agencies.clean(agency)
        if not agencies.looks_like_agency(agency) or agencies.is_issuer(agency, info):
            continue
        if low in {"đề nghị", "kính đề nghị"} and agencies.is_superior(agency, info):
            return None
        if statements_only and (low == "kính đề nghị" or i > first and words[i - 1].text.lower() == "kính"):
            return None  # a report's "Kính đề nghị Bộ Công an xem xét, tổng hợp" asks upward
        supports, support_start = _supports(sentence, words)
        return Found(agency, _strip_duty_frame(sentence, task), supports, support_start)
    if statements_only:
        return None
    # "Sở Xây dựng: Tiếp tục duy trì …" — the agency, a colon, its task
    labelled = _LABELLED.match(sentence, words[first].start) if list_item else None
    if (
        labelled
        and agencies.looks_like_agency(labelled["agency"])
        and not _issuer_statement(labelled["agency"], info)
        and verb_at(tokens(sentence[labelled.start("task") : labelled.start("task") + 40]), 0)
    ):
        agency, heading_supports = agency_heading(labelled["agency"]) or (labelled["agency"], [])
        if heading_supports:  # "Sở Tài chính chủ trì, phối hợp Sở Nội vụ: Tham mưu …"
            return Found(agencies.clean(agency), labelled.start("task"), heading_supports, labelled.start("task"))
        supports, support_start = _supports(sentence, words)
        return Found(agencies.clean(agency), labelled.start("task"), supports, support_start)
    # X <verb> …
    k = first_verb(words, first + 1)
    if k is None:
        return None
    if _paper(words[k - 1]) or (k >= 2 and _paper(words[k - 2]) and words[k - 1].text.lower() in _TRIGGERS):
        frame = _DUTY_FRAME.search(sentence, words[k].end, len(opening(sentence)))
        if frame is None:
            return None
        k = next(
            j for j, w in enumerate(words) if w.start >= frame.start()
        )  # "…, người nộp đơn đề nghị kiểm tra …, cá nhân có liên quan có trách nhiệm thực hiện …"
    elif words[k - 1].text == "," and (frame := _DUTY_FRAME.match(sentence, _after_list_item(sentence, words[k].end))):
        k = next(
            j for j, w in enumerate(words) if w.start >= frame.start()
        )  # "Các cấp uỷ, thủ trưởng cơ quan, tổ chức đảng có trách nhiệm …"
    agency = agencies.clean(sentence[words[first].start : words[k].start])
    if not agencies.looks_like_agency(agency) or _issuer_statement(agency, info):
        return None
    if _ISSUING_ACT.match(sentence, words[k].start) and agencies.is_issuer(agency, info):
        return None  # the issuer issuing this very document
    supports, support_start = _supports(sentence, words)
    return Found(agency, _strip_duty_frame(sentence, words[k].start), supports, support_start)


# The issuer issuing the document itself, in the lead-in to its body: "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng ban
# hành Kế hoạch cải cách hành chính … như sau:", "Trường Đại học Công Thương … ban hành Kế hoạch khảo sát … như sau:".
_ISSUING_ACT = regex.compile(r"(?is)ban\s+hành\s+[^.;]*:\s*$")


_PAPERS = frozenset(_LEX["papers"])
# A subject naming people by their work, then the duty frame: "Cán bộ, nhân viên | làm nhiệm vụ văn thư
# cơ quan | có trách nhiệm | kiểm tra thể thức …".
_ROLE_SUBJECT = regex.compile(
    r"(?P<agency>[^.;:]{3,120}?)\s+(?P<clause>(?:" + alternation(_LEX["role_clauses"]) + r")\s[^.;:]{3,120}?)"
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


def _paper(word: Word) -> bool:
    """The word names a paper ("đơn", "hồ sơ"): a trigger or verb after it is part of that paper's name."""
    return word.text.lower() in _PAPERS


# A past act just before a trigger: "… đã chỉ đạo", "… đã lãnh đạo, chỉ đạo", "… cũng đã yêu cầu".
_PAST = regex.compile(r"(?i)(?<!\w)đã(?:\s+\w+){0,2}\s*,?\s*$")


# An agency label before its task: "e) Sở Xây dựng: Tiếp tục duy trì chế độ họp giao ban …".
_LABELLED = regex.compile(r"(?P<agency>[^:;.\n]{3,120}?)\s*:\s+(?P<task>\p{Lu})")


# "e) Đối với Nhà đầu tư Dự án …:" — a heading that names its agency after "Đối với".
FOR_AGENCY = regex.compile(r"(?i)^đối\s+với\s+")


# A topic label before an item's task: "Đối với dự án …:", "Về công tác …:".
TOPIC = regex.compile(r"(?i)^(?:đối\s+với|về)\s+")


def _heading_agency(title: str) -> str:
    """ "a) Bộ Nội vụ, cơ quan chủ trì triển khai Đề án:" → "Bộ Nội vụ"."""
    title = FOR_AGENCY.sub("", title.rstrip(" :."))
    title = _HEADING_REQUEST.sub("", title)
    return regex.split(r",\s*(?:cơ quan|đơn vị)\s+(?:chủ trì|thường trực|đầu mối)", title)[0]


# A request opening an agency heading: "3.8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, …".
_HEADING_REQUEST = regex.compile(r"^(?:Đề\s+nghị|Kính\s+đề\s+nghị|Yêu\s+cầu|Giao)\s+(?=\p{Lu})")

# "chủ trì, phối hợp (với) Y" closing an agency heading: "8.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành".
_HEADING_SUPPORTS = regex.compile(r"(?i)^chủ\s+trì\s*,?\s*phối\s+hợp\s+(?:với\s+)?(?P<supports>.+)$")


def agency_heading(title: str) -> tuple[str, list[str]] | None:
    """The agency (and supporting agencies) an implementation sub-heading names, if it names one:
    "2.2. Công an tỉnh", "3.9. Chủ tịch Ủy ban nhân dân địa bàn cấp xã chỉ đạo" (the verb ends the name),
    "8.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành" (lead and supports)."""
    name = _heading_agency(title)
    if not agencies.looks_like_agency(name):
        return None
    words = tokens(name)
    k = first_verb(words, 2)  # two words at least before the verb: "Ban chỉ đạo tỉnh" stays a name
    if k is None or not agencies.looks_like_agency(name[: words[k].start]):
        return name, []
    agency, rest = agencies.clean(name[: words[k].start]), name[words[k].start :]
    supports = _HEADING_SUPPORTS.match(rest)
    return agency, agencies.split_list(supports["supports"]) if supports else []


def trim(task: str) -> str:
    """A task as stored: single spaces, no trailing full stop or semicolon."""
    return regex.sub(r"\s+", " ", task).strip().rstrip("./; ").strip()


# --- tables -----------------------------------------------------------------------------------


def _column(header: list[str], names: list[str]) -> int | None:
    cells = [agencies.norm(c) for c in header]
    for name in sorted(names, key=len, reverse=True):
        for i, cell in enumerate(cells):
            if cell == name or cell.startswith(name + " ") or cell.startswith(name + "("):
                return i
    return None


# A Chủ trì cell that points elsewhere instead of naming an agency: "Theo phân công tại Quyết định số …".
_CELL_REFERENCE = regex.compile(r"(?i)^(?:theo|căn\s+cứ)\s")


def table_duties(doc: TextDocument, table: Table) -> list[Duty]:
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
        task, lead = trim(row[task_col]), agencies.clean(row[lead_col])
        if not task or not lead or agencies.is_generic(lead) or regex.fullmatch(r"[\d\s.()IVX]*", task):
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
            for agency in agencies.split_list(row[support_col]):
                duties.append(Duty(agency, "support", task, deadline, recurrence, span))
    return duties
