"""The forms in which a sentence, a heading or a table row assigns a duty.

Sentence forms, as spaCy ``Matcher`` token patterns (:data:`FORMS`) over underthesea's words, each word
classed from the lexicon (extractors/data/duty_lexicon.json): a ``TRIGGER`` (giao, yêu cầu, đề nghị,
chỉ đạo …), a duty ``VERB`` (chủ trì, tham mưu, tổ chức, có trách nhiệm …), or a word of a name:

* ``assign``   — ``giao / yêu cầu / đề nghị X <verb> …``: a trigger, the agency, the task from its verb;
* ``subject``  — ``X <verb> …`` (``X chủ trì …``, ``X có trách nhiệm …``);
* ``label``    — ``X: <Verb> …``, an agency label before its task;
* ``partners`` — ``… phối hợp với Y <verb> …`` and ``X chủ trì, Y phối hợp <verb> …``: the supporting agencies.

A match is a candidate; the named vetoes (:data:`VETOES`) say when it assigns nothing (a request recited
from another body, a past act, a request upward, the issuer's own statement …). Other forms:

* the closing article (``… chịu trách nhiệm thi hành Quyết định này``), whose agency list may be long;
* an agency heading (``2. Sở Nội vụ``, ``8.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành``);
* a task written as a record (``1.1. Xây dựng …`` / ``- Đơn vị chủ trì: …`` / ``- Thời gian hoàn thành: …``);
* a table row under Nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

import regex
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from vanban.pipeline.document import Table, TextDocument
from vanban.record import DocumentInfo, Duty

from . import agencies, knowledge
from .agencies import alternation
from .deadlines import find_cell_deadline, find_cell_recurrence, find_deadline, find_recurrence

_LEX = knowledge.table("duty_lexicon")
_SECTIONS = knowledge.table("duty_sections")

VERBS = frozenset(_LEX["verbs"])
TRIGGERS = frozenset(_LEX["triggers"])
_PAPERS = frozenset(_LEX["papers"])
_SELF_ASSIGNING = frozenset(_LEX["self_assigning_doc_types"])
# Verbs that frame a task rather than being it: "Sở X chủ trì, phối hợp …", "có trách nhiệm phối hợp …".
_FRAME_VERBS = frozenset(_LEX["frame_verbs"])


# --- words ------------------------------------------------------------------------------------


@dataclass
class Word:
    text: str
    start: int
    end: int


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


# A trigger word glued by the segmenter to the capitalised word after it ("Giao Ban", "Yêu cầu Sở").
_GLUED_TRIGGER = regex.compile(r"(?i)^(?P<trigger>" + alternation(TRIGGERS) + r")\s+(?P<rest>(?-i:\p{Lu}).*)$")


# A name's last word glued by the segmenter to the first word of a duty verb of several words, the
# rest of which follows: "Sở Dân tộc và Tôn giáo lấy ý kiến các cơ quan" → "Tôn giáo lấy", "ý kiến".
# Only a verb the sentence completes splits a word, so "Tờ trình số 182" and "Ủy ban bầu cử" stay whole.
_LONG_VERB = regex.compile(r"(?i)(?:" + alternation(v for v in VERBS if " " in v) + r")(?!\w)")
_SYLLABLE_START = regex.compile(r"(?<=\s)\S")


def _glued_verb(single: str, i: int, token: str) -> int | None:
    """Where in ``token`` (at ``single[i:]``) a duty verb of several words begins that the segmenter
    glued to the capitalised name before it, or None."""
    if not token[:1].isupper():
        return None
    for syllable in _SYLLABLE_START.finditer(token):
        verb = _LONG_VERB.match(single, i + syllable.start())
        if verb is not None and verb.end() > i + len(token):
            return syllable.start()
    return None


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
        verb = _glued_verb(single, i, token)
        if glued:  # "Giao Ban" segmented as one word: the trigger, then the agency's first word
            out.append(Word(glued["trigger"], at[i], at[i + glued.end("trigger") - 1] + 1))
            out.append(Word(glued["rest"], at[i + glued.start("rest")], at[i + len(token) - 1] + 1))
        elif verb is not None:  # "Tôn giáo lấy": the name's word, then the verb's first word
            out.append(Word(token[:verb].rstrip(), at[i], at[i + len(token[:verb].rstrip()) - 1] + 1))
            out.append(Word(token[verb:], at[i + verb], at[i + len(token) - 1] + 1))
        else:
            out.append(Word(token, at[i], at[i + len(token) - 1] + 1))
        pos = i + len(token)
    return tuple(out)


# Cheap pre-checks before word segmentation: a possible sentence break, a possible assignment.
_SENTENCE_BREAK = regex.compile(r"[.!?]\s+\S")
TRIGGER_RE = regex.compile(r"(?i)(?<!\w)(?:" + alternation(TRIGGERS) + r")(?!\w)")


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


def opening(sentence: str, size: int = 320) -> str:
    """The sentence's opening, cut at a space: subject, trigger and "phối hợp với …" sit there,
    and segmenting only it keeps underthesea's cost per sentence flat."""
    if len(sentence) <= size:
        return sentence
    cut = sentence.rfind(" ", 0, size)
    return sentence[: cut if cut > 0 else size]


def verb_at(words: tuple[Word, ...], i: int) -> int:
    """Length in words of the duty verb starting at word ``i`` (0 if none)."""
    for n in (3, 2, 1):
        phrase = " ".join(w.text for w in words[i : i + n]).lower()
        if len(words[i : i + n]) == n and phrase in VERBS:
            return n
    return 0


def _is_verb(words: tuple[Word, ...], i: int) -> bool:
    """Word ``i`` opens a duty verb: a lexicon verb in lower case (or the sentence's first word: "Tham mưu …")
    that no rule of :data:`NOT_A_VERB` reads as part of a name."""
    n = verb_at(words, i)
    return bool(n and (i == 0 or words[i].text[:1].islower())) and not _not_a_verb(words, i, n)


def _not_a_verb(words: tuple[Word, ...], i: int, n: int) -> str | None:
    """The name of the rule by which the verb or trigger at word ``i`` (``n`` words long) is part of a name."""
    return next((name for name, rule in NOT_A_VERB.items() if rule(words, i, n)), None)


def _numbered_name(words: tuple[Word, ...], i: int, n: int) -> bool:
    """The verb ends a numbered name: "Ban Quản lý dự án đầu tư xây dựng số 1 chủ trì …"."""
    j = i + n
    return j + 1 < len(words) and words[j].text.lower() == "số" and words[j + 1].text[:1].isdigit()


def _paper_title(words: tuple[Word, ...], i: int, n: int) -> bool:
    """After a paper's name ("đơn", "hồ sơ", "quy chế"), the verb is its title: "Quy chế tổ chức và hoạt động",
    "người nộp đơn đề nghị kiểm tra …"."""
    return i > 0 and _paper(words[i - 1])


def _inside_name(words: tuple[Word, ...], i: int, n: int) -> bool:
    """The word before and the verb make an agency head of the lexicon: "Ban chỉ đạo tỉnh", "Các cơ quan tham mưu,
    giúp việc"."""
    return i > 0 and f"{words[i - 1].text} {words[i].text}".lower() in agencies.HEADS


def _opens_agency_head(words: tuple[Word, ...], i: int, n: int) -> bool:
    """The verb and the words after it spell a longer agency head of the lexicon: "phối hợp với các tổ chức chính
    trị - xã hội, tổ chức thành viên của Mặt trận kiểm tra …", "Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã
    hội xã cử đại diện …"."""
    verb = " ".join(w.text for w in words[i : i + n]).lower()
    following = " ".join(w.text for w in words[i : i + 8]).lower()
    return any(
        head.startswith(verb + " ") and (following == head or following.startswith(head + " "))
        for head in _VERB_LED_HEADS
    )


# The agency heads that open with a duty verb: "tổ chức chính trị - xã hội", "tổ chức thành viên".
_VERB_LED_HEADS = tuple(h for h in agencies.HEADS if any(" ".join(h.split()[:k]) in VERBS for k in (1, 2, 3)))


def _list_noun(words: tuple[Word, ...], i: int, n: int) -> bool:
    """A generic head in a list of them is a noun: "các cơ quan, tổ chức có liên quan", "thủ trưởng cơ quan, tổ
    chức đảng"."""
    return (
        i >= 2
        and agencies.is_generic_head(words[i].text)
        and words[i - 1].text == ","
        and agencies.is_generic_head(words[i - 2].text)
    )


NOT_A_VERB: dict[str, Callable[[tuple[Word, ...], int, int], bool]] = {
    "numbered name": _numbered_name,
    "paper's title": _paper_title,
    "inside a name": _inside_name,
    "agency head": _opens_agency_head,
    "list noun": _list_noun,
}
"""The named rules by which a lexicon verb or trigger reads as part of a name (tests/test_duties.py shows each)."""


def first_verb(words: tuple[Word, ...], begin: int = 0) -> int | None:
    """Index of the first duty verb from ``begin`` (see :func:`_is_verb`)."""
    return next((i for i in range(begin, len(words)) if _is_verb(words, i)), None)


def _paper(word: Word) -> bool:
    """The word names a paper ("đơn", "hồ sơ"): a trigger or verb after it is part of that paper's name."""
    return word.text.lower() in _PAPERS


# --- the forms, as token patterns -------------------------------------------------------------

Token.set_extension("duty", default="", force=True)

_VERB_TAGS = ["VERB", "TRIGGER VERB"]
_TRIGGER_TAGS = ["TRIGGER", "TRIGGER VERB"]
_NAME_WORD = {"_": {"duty": {"NOT_IN": _VERB_TAGS}}, "OP": "+"}  # the words of a name: no duty verb among them
_NAME_REST = {"_": {"duty": {"NOT_IN": _VERB_TAGS}}, "OP": "*"}
_ANY = {}  # a name's first word may read as a verb: "Thanh tra tỉnh", "Tổ chức …" is then rejected as a name
_VERB = {"_": {"duty": {"IN": _VERB_TAGS}}}

FORMS: dict[str, list[list[dict]]] = {
    # "Giao Sở Nội vụ chuẩn bị …", "đề nghị cho Ủy ban nhân dân tỉnh khẩn trương xây dựng …"
    "assign": [[{"_": {"duty": {"IN": _TRIGGER_TAGS}}}, {"LOWER": "cho", "OP": "?"}, _ANY, _NAME_REST, _VERB]],
    # "Sở Tài chính bố trí kinh phí …", "Tổ giúp việc có trách nhiệm tham mưu …"
    "subject": [[_ANY, _NAME_REST, _VERB]],
    # "… phối hợp (chặt chẽ) với Sở Tư pháp, Sở Tài chính thẩm định …"; "chủ trì, phối hợp Sở Nông nghiệp … làm việc"
    "partners": [
        [{"LOWER": "phối hợp"}, {"LOWER": "chặt chẽ", "OP": "*"}, {"LOWER": "với"}, _NAME_WORD, _VERB],
        [{"LOWER": "chủ trì"}, {"ORTH": ","}, {"LOWER": "phối hợp"}, _NAME_WORD, _VERB],
    ],
    # … or a colon ending the sentence, before the items they share: "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với
    # các sở, ngành và địa phương:"
    "partners_listed": [
        [{"LOWER": "phối hợp"}, {"LOWER": "chặt chẽ", "OP": "*"}, {"LOWER": "với"}, _NAME_WORD, {"ORTH": ":"}],
        [{"LOWER": "chủ trì"}, {"ORTH": ","}, {"LOWER": "phối hợp"}, _NAME_WORD, {"ORTH": ":"}],
    ],
    # "Sở Nội vụ chủ trì, Sở Tài chính, Sở Tư pháp phối hợp tham mưu …"
    "partners_between": [[{"LOWER": "chủ trì"}, {"ORTH": ","}, _NAME_WORD, {"LOWER": "phối hợp"}, _VERB]],
}


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    matcher = Matcher(_vocab())
    for name, patterns in FORMS.items():
        matcher.add(name, patterns)
    return matcher


@lru_cache(maxsize=1)
def _vocab():
    return spacy.blank("xx").vocab  # no model: nothing is downloaded


@dataclass
class _Match:
    form: str
    start: int  # first word of the match
    end: int  # one past its last word (the verb)


def _tagged(sentence: str, words: tuple[Word, ...]) -> Doc:
    """The words as a spaCy Doc, each classed ``TRIGGER``, ``VERB``, both, or neither."""
    doc = Doc(
        _vocab(),
        words=[w.text for w in words],
        spaces=[i + 1 < len(words) and words[i + 1].start > w.end for i, w in enumerate(words)],
    )
    for i, w in enumerate(words):
        tags = []
        if w.text.lower() in TRIGGERS and not _inside_name(words, i, 1):
            tags.append("TRIGGER")
        if _is_verb(words, i):
            tags.append("VERB")
        doc[i]._.duty = " ".join(tags)
    return doc


def _matches(sentence: str, words: tuple[Word, ...]) -> list[_Match]:
    """Every form's matches, the shortest at each start (a name ends at the first verb), in word order."""
    doc = _tagged(sentence, words)
    shortest: dict[tuple[str, int], int] = {}
    for match_id, start, end in _matcher()(doc):
        key = (_vocab().strings[match_id], start)
        shortest[key] = min(end, shortest.get(key, end))
    return sorted((_Match(form, start, end) for (form, start), end in shortest.items()), key=lambda m: m.start)


# --- what comes before the subject ------------------------------------------------------------

# Openers before a sentence's subject: "Theo đó, …", "Trong thời hạn 30 ngày kể từ …, …".
OPENER = regex.compile(
    r"""(?xi)
    ^(?:(?:"""
    + alternation(_LEX["step_labels"])
    + r""")\s+\d{1,2}\s*[:.](?:\s*:)?\s*             # Bước 1:
      | (?:"""
    + alternation(_LEX["connectors"])
    + r""")\s*,\s*                        # Theo đó,
      | (?:trong\s+thời\s+hạn|trong\s+thời\s+gian|sau\s+khi)[^,]{0,120},\s*   # Trong thời hạn 30 ngày …,
      | về\s+[^,.]{0,60}(?:,\s*[^,.]{0,40})?,\s*(?=\p{Lu})                   # Về nhiệm vụ, giải pháp cụ thể, Chánh …
      | (?:trong\s+)?quá\s+trình\s+[^,.]{0,80},\s*                         # Trong quá trình thực hiện Thông tư này,
        (?:nếu\s+có\s+[^,.]{0,40}(?:,\s*vướng\s+mắc[^,.]{0,20})?,\s*)?       # nếu có khó khăn, vướng mắc, Công an …
    )+
    """
)

# A clause of ground or condition before the subject, up to a comma or "thì": "Căn cứ quy định của Luật Công chứng
# năm 2024, Ủy ban nhân dân tỉnh, thành phố chỉ đạo …", "Trường hợp …, thì Chủ tịch Ủy ban MTTQ Việt Nam cấp xã chủ trì …".
_GROUND = regex.compile(r"(?i)^(?:" + alternation(_LEX["ground_clauses"]) + r")(?!\w)")
_GROUND_END = regex.compile(r"(?i),\s*(?:thì\s+)?|\s+thì\s+")


def subject_start(sentence: str) -> int:
    """Where a sentence's subject may start: after its connectors ("Theo đó, …") and a clause of ground or
    condition that ends where an agency's name begins."""
    opener = OPENER.match(sentence)
    begin = opener.end() if opener else 0
    if _GROUND.match(sentence, begin):
        for end in _GROUND_END.finditer(sentence, begin, min(len(sentence), begin + 400)):
            if agencies.starts_with_head(sentence[end.end() :]) and sentence[end.end() : end.end() + 1].isupper():
                return end.end()
    return begin


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

# "có trách nhiệm" / "có nhiệm vụ" before the task's own verb, no part of the task.
_DUTY_FRAME_WORDS = regex.compile(r"(?i)có\s+(?:trách\s+nhiệm|nhiệm\s+vụ)\s+")

# A preposition among the partners names the purpose of a partnership, not a shared task: "phối hợp với Bộ Nội
# vụ trong việc …".
_PURPOSE = regex.compile(r"(?i)(?<!\w)(?:trong|để|nhằm|về)(?!\w)")


# --- vetoes -----------------------------------------------------------------------------------


@dataclass
class Candidate:
    """A form matched in a sentence, for the vetoes to judge: the words before its trigger or verb
    (``before``), the agency it names, the trigger word if any."""

    sentence: str
    words: tuple[Word, ...]
    info: DocumentInfo
    agency: str
    before: str = ""
    trigger: str | None = None
    trigger_at: int | None = None  # index of the trigger word
    statements_only: bool = False


def _past_act(c: Candidate) -> bool:
    """A past act reported, not assigned: "Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ban, ngành …"."""
    return c.trigger is not None and bool(_PAST.search(c.before))


# A past act just before a trigger: "… đã chỉ đạo", "… đã lãnh đạo, chỉ đạo", "… cũng đã yêu cầu".
_PAST = regex.compile(r"(?i)(?<!\w)đã(?:\s+\w+){0,2}\s*,?\s*$")


def _request_upward(c: Candidate) -> bool:
    """A body asking its superior (a Sở asking the provincial People's Committee) assigns nothing:
    "Sở Nội vụ kính đề nghị UBND tỉnh giao Sở Tài chính thẩm định …"."""
    return c.trigger in {"đề nghị", "kính đề nghị"} and agencies.is_superior(c.agency, c.info)


def _report_asks(c: Candidate) -> bool:
    """A report's "Kính đề nghị Bộ Công an xem xét, tổng hợp" asks upward."""
    kindly = c.trigger == "kính đề nghị" or (
        c.trigger_at is not None and c.trigger_at > 0 and c.words[c.trigger_at - 1].text.lower() == "kính"
    )
    return c.statements_only and kindly


def _issuer_statement(c: Candidate) -> bool:
    """The issuer as the subject states what it did, does or plans ("Sở Y tế cử lãnh đạo tham gia …" in its
    công văn), except in a directive document, where it is given its own part ("Ban Thường trực Ủy ban MTTQ
    Việt Nam xã xây dựng kế hoạch …" in the Ban Thường trực's Hướng dẫn)."""
    return c.trigger is None and agencies.is_issuer(c.agency, c.info) and c.info.doc_type not in _SELF_ASSIGNING


def _issuing_act(c: Candidate) -> bool:
    """The issuer issuing this very document, in the lead-in to its body: "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng
    ban hành Kế hoạch cải cách hành chính … như sau:", "Ban Thường trực Ủy ban Mặt trận Tổ quốc (MTTQ) Việt Nam xã
    ban hành kế hoạch thực hiện công tác bầu cử …, cụ thể như sau:" (a document of its own type, or by its issuer)."""
    act = _ISSUING_ACT.search(c.sentence)
    if c.trigger is not None or not act:
        return False
    own_type = bool(c.info.doc_type) and act["object"].lower().startswith(c.info.doc_type.lower())
    return own_type or agencies.is_issuer(c.agency, c.info)


# The issuer issuing the document itself: "… ban hành Kế hoạch khảo sát … như sau:", "… xây dựng kế hoạch triển
# khai thực hiện như sau:".
_ISSUING_ACT = regex.compile(r"(?is)(?:" + alternation(_LEX["issuing_verbs"]) + r")\s+(?P<object>[^.;]*):\s*$")


def _roster_entry(c: Candidate) -> bool:
    """A person named by name, then a post, lists a member, not an agency given a task: "- Bà Trần Thị Như Ngọc - Phó
    Trưởng phòng Quản lý xử lý vi phạm hành chính …", "2- Đồng chí Hà Sỹ Tuấn, Phó Giám đốc Công ty In Tiến Bộ."."""
    return c.trigger is None and bool(_PERSON_BY_NAME.match(c.agency))


# An honorific and a person's name, then a dash or comma before the post: "Bà Trần Thị Như Ngọc - …".
_PERSON_BY_NAME = regex.compile(r"(?:Ông|Bà|Đồng\s+chí|đồng\s+chí)(?:\s+\p{Lu}\p{Ll}*){2,4}\s*[-–,]")


VETOES: dict[str, Callable[[Candidate], bool]] = {
    "past act": _past_act,
    "request upward": _request_upward,
    "report asks": _report_asks,
    "issuer statement": _issuer_statement,
    "issuing act": _issuing_act,
    "roster entry": _roster_entry,
}
"""The named rules by which a matched form assigns nothing (tests/test_duties.py shows each on real strings)."""


def vetoed(c: Candidate) -> str | None:
    """The name of the veto that applies to ``c``, if any."""
    return next((name for name, rule in VETOES.items() if rule(c)), None)


# --- a sentence -------------------------------------------------------------------------------


@dataclass
class Found:
    agency: str
    task_start: int  # offset in the sentence
    supports: list[str] = field(default_factory=list)
    support_task_start: int | None = None
    form: str = ""


def _candidate(sentence: str, begin: int) -> bool:
    """Worth segmenting: opens with an agency word, or holds a trigger word."""
    rest = sentence[begin:].lstrip(" -–+•*")
    prefix = agencies.PREFIX_RE.match(rest)
    rest = rest[prefix.end() :] if prefix else rest
    return bool(agencies.HEAD_RE.match(rest)) or bool(TRIGGER_RE.search(sentence))


def assigning(
    sentence: str, info: DocumentInfo, statements_only: bool, subject_only: bool = False, list_item: bool = False
) -> Found | None:
    """The agency a sentence assigns a task to, by trigger ("giao X …"), label ("X: …") or subject ("X chủ trì …");
    ``subject_only`` under an agency heading, where a trigger would re-assign; ``list_item`` for a list item's
    first sentence, where a label may open it."""
    begin = subject_start(sentence)
    if closing := _CLOSING.match(sentence, begin):
        agency = agencies.clean(closing["agency"])
        if agencies.looks_like_agency(agency, max_words=120):
            return Found(agency, closing.start("task"), form="closing")
    if not _candidate(sentence, begin):
        return None
    words = tokens(opening(sentence))
    first = next((i for i, w in enumerate(words) if w.start >= begin), None)
    if first is None:
        return None
    if found := _role_subject(sentence, words, first, info):
        return found
    matches = [m for m in _matches(sentence, words) if m.start >= first]
    if not subject_only:
        outcome = _assigned_by_trigger(sentence, words, first, begin, matches, info, statements_only)
        if outcome is not _NO_TRIGGER:
            return outcome
    if statements_only:
        return None
    if list_item and (found := _labelled(sentence, words, first, info)):
        return found
    return _subject(sentence, words, first, matches, info)


_NO_TRIGGER = Found("", 0, form="none")  # no trigger decided the sentence: read its subject


def _role_subject(sentence: str, words: tuple[Word, ...], first: int, info: DocumentInfo) -> Found | None:
    """People named by their work before the duty frame: "Cán bộ, nhân viên làm nhiệm vụ văn thư cơ quan có trách
    nhiệm kiểm tra …"."""
    role = _ROLE_SUBJECT.match(sentence, words[first].start)
    if (
        not role
        or len(role["agency"].split()) > 12
        or first_verb(tokens(role["agency"])) is not None
        or not agencies.looks_like_agency(role["agency"])
    ):
        return None
    if vetoed(Candidate(sentence, words, info, role["agency"])):
        return None
    return Found(agencies.clean(role["agency"] + " " + role["clause"]), role.end(), form="role")


def _assigned_by_trigger(
    sentence: str,
    words: tuple[Word, ...],
    first: int,
    begin: int,
    matches: list[_Match],
    info: DocumentInfo,
    statements_only: bool,
) -> Found | None:
    """The ``assign`` form: the first trigger that stands as one (at the start, in lower case, or after a colon)
    decides the sentence — it assigns to the agency after it, or it recites someone else's request, or its
    speaker is the subject of a duty verb; :data:`_NO_TRIGGER` when no trigger stands."""
    for i, w in enumerate(words):
        low = w.text.lower()
        if i < first or low not in TRIGGERS:
            continue
        if not (i == first or w.text[:1].islower() or sentence[begin : w.start].rstrip().endswith(":")):
            continue  # "3. Đối với hạng mục …: Giao Ban Quản lý … chủ trì"
        if i > first and (_paper(words[i - 1]) or words[i - 1].text.lower() == "có"):
            continue  # "người nộp đơn đề nghị kiểm tra …", "hàng hóa … có yêu cầu bảo hộ": a noun, no request
        if _inside_name(words, i, 1):
            continue  # "tham mưu cho Ban chỉ đạo tỉnh triển khai …": part of a name ("Giám đốc sở yêu cầu" is not)
        before = sentence[begin : w.start]
        candidate = Candidate(sentence, words, info, "", before, low, i, statements_only)
        if _past_act(candidate):
            return None
        if not before.rstrip().endswith(":") and _subject_verb_before(sentence, words, first, i):
            return _NO_TRIGGER  # "X chủ động đề nghị và thống nhất …": the subject's verb comes first
        if not before.rstrip().endswith(":") and not agencies.speaker_is_issuer(before, info):
            return _speaker_acts(sentence, words, i, before)
        match = next((m for m in matches if m.form == "assign" and m.start == i), None)
        if match is None:
            continue
        found = _assigned_agency(sentence, words, match)
        if found is None:
            continue
        agency, task = found
        if not agencies.looks_like_agency(agency) or agencies.is_issuer(agency, info):
            continue
        candidate.agency = agency
        if _request_upward(candidate) or _report_asks(candidate):
            return None
        supports, support_start = _partners(sentence, words, matches)
        return Found(agency, _without_frame(sentence, task), supports, support_start, form="assign")
    return _NO_TRIGGER


def _subject_verb_before(sentence: str, words: tuple[Word, ...], first: int, i: int) -> bool:
    """An agency and its duty verb stand before word ``i``: the trigger there is inside that subject's task
    ("Ban Thường trực Ủy ban MTTQ Việt Nam xã chủ động đề nghị và thống nhất với …")."""
    k = first_verb(words, first + 1)
    return k is not None and k < i and agencies.looks_like_agency(sentence[words[first].start : words[k].start])


def _speaker_acts(sentence: str, words: tuple[Word, ...], i: int, before: str) -> Found | None:
    """Another body than the issuer stands before the trigger. When the trigger is also a duty verb and that body
    its subject, the body is given the duty ("…, Ủy ban nhân dân tỉnh, thành phố chỉ đạo các Hội Công chứng viên …");
    a duty verb before it makes the sentence the subject's ("Ủy ban nhân dân cấp tỉnh chịu trách nhiệm chỉ đạo …");
    otherwise the sentence recites that body's request ("trong đó, Bộ Nội vụ đề nghị …"): no duty."""
    speaker = agencies.speaker(before)
    if (
        words[i].text.lower() in VERBS
        and speaker
        and first_verb(tokens(speaker)) is None
        and not before.rstrip().endswith((",", ";"))
    ):
        supports, support_start = _partners(sentence, words, _matches(sentence, words))
        return Found(agencies.clean(speaker), words[i].start, supports, support_start, form="assign")
    if verb_at(words, i):
        return _NO_TRIGGER
    return None


def _assigned_agency(sentence: str, words: tuple[Word, ...], match: _Match) -> tuple[str, int] | None:
    """The agency an ``assign`` match names and where its task starts: up to its verb, or up to "về việc"."""
    a = match.start + 1
    if a < len(words) and words[a].text.lower() == "cho":
        a += 1
    if a >= len(words) or a >= match.end - 1:
        return None
    verb = words[match.end - 1]
    about = _ABOUT.search(sentence, words[a].start)
    if about and about.start() < verb.start:
        return agencies.clean(sentence[words[a].start : about.start()]), about.end()
    return agencies.clean(sentence[words[a].start : verb.start]), verb.start


def _labelled(sentence: str, words: tuple[Word, ...], first: int, info: DocumentInfo) -> Found | None:
    """The ``label`` form: "Sở Xây dựng: Tiếp tục duy trì …" (a label that is an agency heading of its own brings
    its partners: "Sở Tài chính chủ trì, phối hợp Sở Nội vụ: Tham mưu …")."""
    labelled = _LABELLED.match(sentence, words[first].start)
    if not labelled or not agencies.looks_like_agency(labelled["agency"]):
        return None
    task = labelled.start("task")
    if not verb_at(tokens(sentence[task : task + 40]), 0):
        return None
    if vetoed(Candidate(sentence, words, info, labelled["agency"])):
        return None
    agency, heading_supports = agency_heading(labelled["agency"]) or (labelled["agency"], [])
    if heading_supports:
        return Found(agencies.clean(agency), task, heading_supports, task, form="label")
    supports, support_start = _partners(sentence, words, _matches(sentence, words))
    return Found(agencies.clean(agency), task, supports, support_start, form="label")


# An agency label before its task: "e) Sở Xây dựng: Tiếp tục duy trì chế độ họp giao ban …".
_LABELLED = regex.compile(r"(?P<agency>[^:;.\n]{3,120}?)\s*:\s+(?P<task>\p{Lu})")


def _subject(
    sentence: str, words: tuple[Word, ...], first: int, matches: list[_Match], info: DocumentInfo
) -> Found | None:
    """The ``subject`` form, from the sentence's first word to its first duty verb. A verb after a paper's name or
    a comma may sit inside a long subject that ends at "có trách nhiệm" ("…, người nộp đơn đề nghị kiểm tra …, cá
    nhân có liên quan có trách nhiệm thực hiện …", "Các cấp uỷ, thủ trưởng cơ quan, tổ chức đảng có trách nhiệm …")."""
    match = next((m for m in matches if m.form == "subject" and m.start == first), None)
    if match is None:
        return None
    k = match.end - 1
    if _paper(words[k - 1]) or (k >= 2 and _paper(words[k - 2]) and words[k - 1].text.lower() in TRIGGERS):
        frame = _DUTY_FRAME.search(sentence, words[k].end, len(opening(sentence)))
        if frame is None:
            return None
        k = next(j for j, w in enumerate(words) if w.start >= frame.start())
    elif words[k - 1].text == "," and (frame := _DUTY_FRAME.match(sentence, _after_list_item(sentence, words[k].end))):
        k = next(j for j, w in enumerate(words) if w.start >= frame.start())
    task = words[k].start
    if passive := _PASSIVE_FRAME.match(sentence, words[k - 1].start):  # "… xã được phân công phụ trách …"
        task, k = passive.end(), k - 1
    agency = agencies.clean(sentence[words[first].start : words[k].start])
    if not agencies.looks_like_agency(agency) or vetoed(Candidate(sentence, words, info, agency)):
        return None
    supports, support_start = _partners(sentence, words, matches)
    return Found(agency, _without_frame(sentence, task), supports, support_start, form="subject")


# A passive frame between a subject and its task: "các Chuyên viên cơ quan MTTQ xã được phân công phụ trách thực hiện
# các nhiệm vụ", "Sở Nội vụ được giao chủ trì …".
_PASSIVE_FRAME = regex.compile(r"(?i)(?:" + alternation(_LEX["passive_frames"]) + r")\s+(?=\S)")


def _after_list_item(sentence: str, pos: int) -> int:
    """Where a duty frame starts within three words after ``pos``, else ``pos``."""
    m = _LIST_ITEM_TAIL.match(sentence, pos)
    return m.end() if m else pos


def _without_frame(sentence: str, pos: int) -> int:
    """Skip "có trách nhiệm" / "có nhiệm vụ" before the task's own verb. A ground before the verb stays in
    the task: it says how to do it ("căn cứ các qui định hiện hành tại Nghị định số 126/2024/NĐ-CP … để xem xét …")."""
    m = _DUTY_FRAME_WORDS.match(sentence, pos)
    return m.end() if m else pos


def _partners(sentence: str, words: tuple[Word, ...], matches: list[_Match]) -> tuple[list[str], int | None]:
    """The ``partners`` forms: agencies after "chủ trì, phối hợp (với)", or between "chủ trì," and "phối hợp", when
    a verb follows them (they share the task from that verb). "X phối hợp với Y thực hiện …" without "chủ trì" gives
    Y nothing: the task is X's, Y named only as its partner (CONTRACT, duties.role)."""
    for m in matches:
        if m.form == "partners_between" and m.end - m.start > 4:
            named = agencies.split_list(agencies.clean(sentence[words[m.start + 1].end : words[m.end - 2].start]))
            if named:  # "Sở Nội vụ chủ trì, Sở Tài chính, Sở Tư pháp phối hợp tham mưu …"
                return named, words[m.end - 1].start
        if m.form not in ("partners", "partners_listed") or words[m.start].text.lower() != "chủ trì":
            continue  # "Sở Nội vụ phối hợp với Công an tỉnh nghiên cứu …": Công an tỉnh is no support
        if _embedded(words, m.start + 2):
            continue
        names_from = m.start + 3
        while words[names_from].text.lower() in {"chặt chẽ", "với"}:
            names_from += 1
        last = words[m.end - 1]
        if last.text == ":" and sentence[last.end :].strip():
            continue  # "phối hợp với các Sở: Tài chính, Kế hoạch và Đầu tư …": the colon lists the partners
        segment = sentence[words[names_from].start : last.start]
        if _PURPOSE.search(segment):
            return [], None  # "phối hợp với Bộ Nội vụ trong việc …": no shared task
        return agencies.split_list(agencies.clean(segment)), last.end if last.text == ":" else last.start
    return [], None


def _embedded(words: tuple[Word, ...], i: int) -> bool:
    """ "phối hợp" at word ``i`` has its own subject inside another verb's object ("Hướng dẫn các cơ sở giáo dục
    phối hợp với Ủy ban nhân dân các cấp …"), so its partners do not support the sentence's task."""
    for h in range(i - 1, -1, -1):
        if n := verb_at(words, h):
            if words[h].text.lower() in TRIGGERS or words[h].text.lower() in _FRAME_VERBS:
                return False
            return any(w.text not in {",", "và"} for w in words[h + n : i])
    return False


# --- headings ---------------------------------------------------------------------------------

# "e) Đối với Nhà đầu tư Dự án …:" — a heading that names its agency after "Đối với".
FOR_AGENCY = regex.compile(r"(?i)^đối\s+với\s+")

# A topic label before an item's task: "Đối với dự án …:", "Về công tác …:".
TOPIC = regex.compile(r"(?i)^(?:đối\s+với|về)\s+")

# A request opening an agency heading: "3.8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, …".
_HEADING_REQUEST = regex.compile(r"^(?:Đề\s+nghị|Kính\s+đề\s+nghị|Yêu\s+cầu|Giao)\s+(?=\p{Lu})")

# An apposed role after a heading's agency: "a) Bộ Nội vụ, cơ quan chủ trì triển khai Đề án:".
_HEADING_ROLE = regex.compile(r",\s*(?:cơ quan|đơn vị)\s+(?:chủ trì|thường trực|đầu mối)")

# "chủ trì, phối hợp (với) Y" closing an agency heading: "8.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành".
_HEADING_SUPPORTS = regex.compile(r"(?i)^chủ\s+trì\s*,?\s*phối\s+hợp\s+(?:với\s+)?(?P<supports>.+)$")


def _heading_agency(title: str) -> str:
    """ "a) Bộ Nội vụ, cơ quan chủ trì triển khai Đề án:" → "Bộ Nội vụ"."""
    title = FOR_AGENCY.sub("", title.rstrip(" :."))
    title = _HEADING_REQUEST.sub("", title)
    return _HEADING_ROLE.split(title)[0]


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
    if supports:
        return agency, agencies.split_list(supports["supports"])
    if k + verb_at(words, k) == len(words):
        return agency, []  # the verb alone ends the heading: "… cấp xã chỉ đạo"
    return name, []  # a verb with its object qualifies the name: "Các khoa tham gia khảo sát"


def lead_in_kind(task: str) -> str:
    """What a lead-in's own words (its task, up to the colon) make of the items below it:

    * ``"list"`` — they only announce them ("thực hiện các nội dung cụ thể như sau", "chủ trì"): each item is a
      task of its own;
    * ``"verb"`` — they end with the verb the items complete ("chỉ đạo đơn vị chức năng tập trung, khẩn trương thực
      hiện"): each item is a task, after those words;
    * ``"task"`` — they are a task already, the items its details ("tiếp nhận, phân loại, xử lý … theo quy trình cụ
      thể như sau"): one task, items included."""
    words = agencies.norm(task)
    if not words or _ANNOUNCED_LIST.search(words) or all(w in _FRAME_VERBS for w in regex.split(r"\s*,\s*", words)):
        return "list"
    last = tokens(words)
    if last and any(
        verb_at(last, i) and i + verb_at(last, i) == len(last) for i in range(max(0, len(last) - 3), len(last))
    ):
        return "verb"
    return "task"


# The end of a lead-in that announces a list of tasks: "… các nhiệm vụ, biện pháp trọng tâm như sau", "… một số
# nội dung sau".
_ANNOUNCED_LIST = regex.compile(
    r"(?i)(?<!\w)(?:"
    + alternation(_LEX["list_nouns"])
    + r")(?!\w)[^:]{0,60}?(?<!\w)(?:"
    + alternation(_LEX["list_announcers"])
    + r")$"
)


def trim(task: str) -> str:
    """A task as stored: single spaces, no trailing full stop or semicolon."""
    return regex.sub(r"\s+", " ", task).strip().rstrip("./;: ").strip()


# --- tasks written as records ----------------------------------------------------------------


class BlockLike(Protocol):
    """A paragraph of the outline (:class:`vanban.extractors.outline.Block`)."""

    start: int
    end: int
    content: int
    kind: str | None
    level: int


@dataclass
class TaskRecord:
    """A task written as a table row in running text: numbered task paragraphs, then labelled lines
    ("- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …", "- Thời gian hoàn thành: …"). ``tasks`` are the spans of
    the task texts with the deadline each states itself; ``blocks`` the indices of the paragraphs it covers."""

    tasks: list[tuple[int, int, str | None]]
    leads: list[str]
    supports: list[str]
    deadline: str | None
    blocks: range


_COLUMNS = _SECTIONS["table_columns"]
# The fields a record's lines label, as the columns of a duty table: what it yields ("Kết quả: …") is read and left.
_RECORD_FIELDS = ("task", "lead", "support", "deadline", "result")
_LABEL_KIND = {name: kind for kind in _RECORD_FIELDS for name in _COLUMNS[kind]}
# A labelled line of a record: "Đơn vị chủ trì: Đồng chí Phó chủ tịch Thường trực …", "Thời gian hoàn thành: Quý I/2026".
_RECORD_LABEL = regex.compile(r"(?is)^(?P<label>" + alternation(_LABEL_KIND) + r")\s*:\s*(?P<value>\S.*?)[\s.;]*$")
# A task's own deadline after a colon: "(1) Tổ chức hiệp thương lần thứ nhất: Chậm nhất ngày 10/12/2025 (…)".
_DEADLINE_AFTER_COLON = regex.compile(r"(?i):\s*(?=(?:chậm\s+nhất|trước|trong|hoàn\s+thành)\b)")
# A task paragraph that is a title, completed by the items below it: "7.1 Tổng kết công tác bầu cử".
_TITLE_WORDS = 8


def is_record_label(line: str) -> bool:
    """The line labels a field of a task record: "Đơn vị chủ trì: …", "Thời gian hoàn thành: …"."""
    return bool(_RECORD_LABEL.match(line.strip()))


def _label(text: str, block: BlockLike) -> tuple[str, str] | None:
    """(column kind, value) of a labelled line."""
    if block.kind not in (None, "dash", "plus"):
        return None
    m = _RECORD_LABEL.match(regex.sub(r"\s+", " ", text[block.content : block.end]).strip())
    return (_LABEL_KIND[m["label"].lower()], m["value"]) if m else None


def task_records(text: str, blocks: list[BlockLike]) -> list[TaskRecord]:
    """The tasks written as records among ``blocks``: each run of labelled lines naming a lead (the Chủ trì line)
    belongs to the numbered paragraphs above it at the deepest level since the previous record or heading
    (``3.1.``, ``3.2.``, ``3.3.`` then the labels: three tasks), with their "(1)" items."""
    records: list[TaskRecord] = []
    done = -1  # last block of the previous record
    i = 0
    while i < len(blocks):
        if _label(text, blocks[i]) is None:
            i += 1
            continue
        labels: dict[str, str] = {}
        j = i
        while j < len(blocks) and (found := _label(text, blocks[j])):
            labels.setdefault(found[0], found[1])
            j += 1
        head = next((k for k in range(i - 1, done, -1) if blocks[k].kind == "num"), None)
        if "lead" in labels and head is not None:
            first = head
            while first - 1 > done and (
                blocks[first - 1].level > blocks[head].level
                and blocks[first - 1].kind is not None
                or blocks[first - 1].kind == "num"
                and blocks[first - 1].level == blocks[head].level
            ):
                first -= 1
            records.append(
                TaskRecord(
                    _record_tasks(text, blocks, first, i, blocks[head].level),
                    [c for c in _CELL_LIST.split(labels["lead"]) if c.strip()],
                    [c for c in _CELL_LIST.split(labels.get("support", "")) if c.strip()],
                    find_cell_deadline(labels["deadline"]) if "deadline" in labels else None,
                    range(first, j),
                )
            )
            done = j - 1
        i = j
    return records


def _record_tasks(
    text: str, blocks: list[BlockLike], first: int, labels: int, level: int
) -> list[tuple[int, int, str | None]]:
    """The task spans of a record: its numbered paragraphs at ``level`` and their "(1)" items. A paragraph that
    ends in a colon, or is a bare title, takes the bullets below it as its content ("6.1. Tham gia thực hiện các
    nhiệm vụ:" + "- Tham gia các phiên họp …"); an item's own deadline after a colon is no part of its task."""
    tasks: list[tuple[int, int, str | None]] = []
    for k in range(first, labels):
        block = blocks[k]
        if not (block.kind == "num" and block.level == level or block.kind == "paren"):
            continue
        body = text[block.content : block.end].rstrip()
        end = block.end
        title = not body.endswith((".", ";", ":", "?")) and len(body.split()) <= _TITLE_WORDS
        if body.endswith(":") or title:
            items = [b for b in blocks[k + 1 : labels] if b.kind in ("dash", "plus")]
            end = items[-1].end if items and items[0] is blocks[k + 1] else end
        own = _DEADLINE_AFTER_COLON.search(text, block.content, block.end)
        deadline = find_deadline(text[own.end() : block.end]) if own else None
        tasks.append((block.content, own.start() if own else end, deadline))
    return tasks


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
    """One duty per row of a Nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian table, for each agency of
    its Chủ trì cell (``Sở Tư pháp; UBND các xã, phường, đặc khu``: two) and of its Phối hợp cell. A row whose
    Nhiệm vụ cell is empty continues the task above it (a cell merged down: the same task, another lead)."""
    cols = _SECTIONS["table_columns"]
    for h, header in enumerate(table.rows[:3]):  # noqa: B007 (h is the header row, used below)
        task_col, lead_col = _column(header, cols["task"]), _column(header, cols["lead"])
        if task_col is not None and lead_col is not None and task_col != lead_col:
            break
    else:
        return []
    support_col, deadline_col = _column(header, cols["support"]), _column(header, cols["deadline"])
    duties: list[Duty] = []
    task = ""
    for row in table.rows[h + 1 :]:
        if max(task_col, lead_col) >= len(row):
            continue
        task = trim(row[task_col]) or (task if row[lead_col].strip() else "")
        leads = [agencies.clean(cell) for cell in _CELL_LIST.split(row[lead_col]) if cell.strip()]
        if not task or not leads or regex.fullmatch(r"[\d\s.()IVX]*", task):
            continue
        readable = len(row) if len(row) >= len(header) else lead_col + 1  # a short row lost a merged cell
        due = row[deadline_col].strip() if deadline_col is not None and deadline_col < readable else ""
        deadline = find_cell_deadline(due) if due else find_deadline(task)
        at = doc.text.find(task[:40])
        span = [at, at + len(task)] if at >= 0 else ([table.start, table.end] if table.start is not None else None)
        recurrence = find_cell_recurrence(due) or find_recurrence(task)
        for lead in leads:
            if lead and not agencies.is_generic(lead) and not _CELL_REFERENCE.match(lead):
                duties.append(Duty(lead, "lead", task, deadline, recurrence, list(span) if span else None))
        if support_col is not None and support_col < readable:
            for agency in agencies.split_list(row[support_col]):
                duties.append(Duty(agency, "support", task, deadline, recurrence, list(span) if span else None))
    return duties


# The agencies of a Chủ trì cell, one a line or between semicolons: "Sở Tư pháp; UBND các xã, phường, đặc khu".
_CELL_LIST = regex.compile(r"\s*[;\n]\s*")
