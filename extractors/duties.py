"""Duties: who must do what, by when.

The document's outline (:mod:`.outline`) says where duties may stand and which agency heading or duty
article each paragraph falls under; the assignment forms (:mod:`.duty_forms`) find, in each paragraph,
the sentences that assign and their agencies, or give the paragraph to the agency it stands under; the
appendix tables give one duty per row. :mod:`.agencies` cleans and names the agencies.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import regex

from vanban.pipeline.document import TextDocument
from vanban.record import DocumentInfo, Duty

from . import agencies, knowledge, outline
from . import duty_forms as forms
from .deadlines import find_deadline, find_recurrence

_LEX = knowledge.table("duty_lexicon")


def extract_duties(doc: TextDocument, info: DocumentInfo) -> list[Duty]:
    """Every duty the document assigns, in document order."""
    if info.doc_type in _LEX["non_assigning_doc_types"]:
        return []
    duties = _dedupe(_body_duties(doc, info))
    for table in doc.tables:
        duties += forms.table_duties(doc, table)
    locality = agencies.document_locality(info)
    for duty in duties:
        duty.canonical_agency = agencies.canonical(duty.agency, locality)
    return duties


def _body_duties(doc: TextDocument, info: DocumentInfo) -> list[Duty]:
    flat = doc.match_text.replace("\n", " ")
    statements_only = info.doc_type in _LEX["statement_doc_types"]
    parts = list(outline.parts(doc, info))
    records = {record.blocks.start: record for record in forms.task_records(doc.text, [p.block for p in parts])}
    duties: list[Duty] = []
    last_agency: str | None = None  # for a following paragraph that starts with a verb
    lead_in: _LeadIn | None = None  # "X chủ trì, phối hợp với Y:" — its items are X's duties
    colon: _Colon | None = None  # a duty whose task ends at a colon: the items below complete it
    skip_to = 0
    for index, part in enumerate(parts):
        block = part.block
        if index in records:
            duties += _record_duties(doc, records[index])
            skip_to, last_agency, lead_in, colon = records[index].blocks.stop, None, None, None
        if index < skip_to:
            continue
        if colon and (not colon.holds(doc, block) or part.after and not _nested(part.after, colon.opener)):
            colon = None
        if lead_in and (not lead_in.holds(block) or part.after and not _nested(part.after, lead_in.opener)):
            duties += lead_in.unused()
            lead_in = None
        if colon:
            colon.add(doc, block)
            continue
        if part.fresh:
            last_agency = None
        found = _block_duties(doc, flat, block, info, part.owner, last_agency, statements_only, part.owner_supports)
        if lead_in and part.owner is None:
            found = found or lead_in.item(doc, block)
            lead_in.items += 1
        text = doc.text[block.content : block.end].rstrip()
        if text.endswith(":") and part.owner is None and (opened := _lead_in(doc, flat, block, info, statements_only)):
            own = [d for d in found if d.span and d.span[0] >= opened.start]
            duties += [d for d in found if d not in own]
            duties += lead_in.unused() if lead_in else []
            lead_in, found = opened, []
            lead_in.pending = own
        elif text.endswith(":") and found:
            colon = _Colon(found[-1:] + [d for d in found[:-1] if d.span == found[-1].span], block)
        duties += found
        last_agency = found[0].agency if found and part.owner is None else None
    if lead_in:
        duties += lead_in.unused()
    return duties


def _nested(block: outline.Block, opener: outline.Block) -> bool:
    """``block`` is an item under ``opener``: deeper in the outline, or a list item under an unnumbered paragraph
    (a section heading, "II." or "Điều 3.", ends its list)."""
    if opener.kind is None:
        return block.kind not in (None, "roman", "article")
    return block.level > opener.level


@dataclass
class _Colon:
    """Duties whose task ends at a colon: the items that follow are part of the task
    ("Nắm chắc cơ sở dữ liệu … Trong đó, lưu ý các dữ liệu về:" + "+ Tiến độ thực hiện dự án; …"), unless an item
    opens with a duty verb: a list of tasks, each its own ("… bao gồm:" + "+ Tổng hợp, xử lý số liệu …")."""

    duties: list[Duty]
    opener: outline.Block
    items: int = 0

    def holds(self, doc: TextDocument, block: outline.Block) -> bool:
        text = doc.text[block.content : min(block.end, block.content + 60)]
        return _nested(block, self.opener) and forms.first_verb(forms.tokens(text)) != 0

    def add(self, doc: TextDocument, block: outline.Block) -> None:
        glue = "; " if self.items else ": "
        self.items += 1
        for duty in self.duties:
            duty.task = duty.task + glue + forms.trim(doc.text[block.content : block.end])
            if duty.span:
                duty.span[1] = block.end


@dataclass
class _LeadIn:
    """A sentence that gives an agency the items below it: "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở,
    ngành và địa phương:", "UBND huyện Nghĩa Hành chịu trách nhiệm thực hiện các nội dung cụ thể như sau:". An item
    that names no agency of its own is a duty of that agency (and its partners), its task the item, after the
    lead-in's own words unless they only announce a list ("chỉ đạo đơn vị chức năng … thực hiện: <item>")."""

    agency: str
    supports: list[str]
    prefix: str  # the lead-in's own task words, "" when they only announce the list
    opener: outline.Block
    start: int  # where the lead-in sentence starts
    pending: list[Duty] = field(default_factory=list)  # the lead-in as a duty, should no item follow
    items: int = 0

    def holds(self, block: outline.Block) -> bool:
        return _nested(block, self.opener)

    def item(self, doc: TextDocument, block: outline.Block) -> list[Duty]:
        text = forms.trim(doc.text[block.content : block.end])
        if not text or _topic_title(block, text):
            return []
        task = f"{self.prefix}: {text}" if self.prefix else text
        span = [block.start, block.end]
        deadline, recurrence = find_deadline(text), find_recurrence(text)
        return [Duty(self.agency, "lead", task, deadline, recurrence, list(span))] + [
            Duty(s, "support", task, deadline, recurrence, list(span)) for s in self.supports
        ]

    def unused(self) -> list[Duty]:
        return [] if self.items or not self.prefix else self.pending


def _lead_in(
    doc: TextDocument, flat: str, block: outline.Block, info: DocumentInfo, statements_only: bool
) -> _LeadIn | None:
    """The lead-in a paragraph ending at a colon makes, when its last sentence assigns to a named agency."""
    sentences = forms.sentences(flat, block.content, block.end)
    if not sentences:
        return None
    a, b = sentences[-1]
    found = forms.assigning(flat[a:b], info, statements_only, list_item=block.kind is not None and len(sentences) == 1)
    if found is None or found.form == "closing":
        return None
    task_start = a + (found.support_task_start if found.support_task_start is not None else found.task_start)
    prefix = forms.trim(doc.text[task_start:b]).rstrip(" :")
    kind = forms.lead_in_kind(prefix)
    if kind == "task":
        return None  # one task with its details: the items complete it (a colon's items)
    return _LeadIn(found.agency, found.supports, "" if kind == "list" else prefix, block, a)


def _topic_title(block: outline.Block, text: str) -> bool:
    """A numbered title naming a topic, not a task: "1. Công tác phòng ngừa sự cố" (short, no closing stop, no verb
    first)."""
    return (
        block.kind in ("num", "roman", "letter", "paren")
        and not text.endswith((".", ";", ":"))
        and len(text.split()) <= 12
        and forms.first_verb(forms.tokens(text[:60])) != 0
    )


def _record_duties(doc: TextDocument, record: forms.TaskRecord) -> list[Duty]:
    """A task written as a record: each task for each lead, and for each supporting agency."""
    duties = []
    for start, end, own_deadline in record.tasks:
        task = forms.trim(doc.text[start:end])
        if not _readable(task):
            continue
        deadline = own_deadline or record.deadline
        recurrence = find_recurrence(task)
        for role, names in (("lead", record.leads), ("support", record.supports)):
            for name in names:
                agency = agencies.clean(name)
                if agency and not agencies.is_generic(agency):
                    duties.append(Duty(agency, role, task, deadline, recurrence, [start, end]))
    return duties


def _block_duties(
    doc: TextDocument,
    flat: str,
    block: outline.Block,
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
        if colon and forms.first_verb(forms.tokens(colon[2][:80])) == 0:
            label = forms.FOR_AGENCY.sub("", colon[1])
            if agencies.looks_like_agency(label):  # "e) Đối với Nhà đầu tư Dự án …: Khẩn trương nộp …"
                return _make(doc, agencies.clean(label), block.content + colon.start(2), block.end, [], None)
            if forms.TOPIC.match(colon[1]):  # "+ Đối với dự án cao tốc …: Tập trung …": the task starts at its verb
                return _make(doc, owner, block.content + colon.start(2), block.end, [], None)
        if head.rstrip().endswith(":") and block.kind is None:
            return []  # an unnumbered lead-in introduces the items below it
        first_sentence = forms.sentences(text, block.content, block.end)[0]
        if block.kind is None and _generic_subject(text[first_sentence[0] : first_sentence[1]]):
            return []  # "Các cơ quan, đơn vị tiếp tục thực hiện …" after the heading's items: not the heading's
        if (
            block.kind is None
            and (trigger := forms.TRIGGER_RE.search(head))
            and agencies.looks_like_agency(head[: trigger.start()])
            and agencies.is_issuer(head[: trigger.start()], info)
        ):
            return _block_duties(doc, flat, block, info, None, None, statements_only)  # "Sở Tư pháp đề nghị …"
        found = forms.assigning(text[first_sentence[0] : first_sentence[1]], info, False, subject_only=True)
        if (
            found and found.task_start > 0 and agencies.norm(found.agency) not in forms.VERBS
        ):  # "c) Thanh tra, kiểm tra, …": a verb
            return _duties_from(doc, flat, info, found, first_sentence[0], block.end)
        return _make(doc, owner, block.content, block.end, owner_supports or [], block.content)
    duties: list[Duty] = []
    sentences = forms.sentences(text, block.content, block.end)
    if (
        sentences
        and (body := outline.after_heading(doc.text, block)) is not None
        and not forms.assigning(text[sentences[0][0] : sentences[0][1]], info, statements_only, list_item=True)
    ):
        sentences = forms.sentences(text, body, block.end)  # "2. Tăng cường công tác tuyên truyền\nCác bộ … tổ chức …"
    open_duty: list[Duty] = []
    for a, b in sentences:
        sentence = text[a:b]
        found = forms.assigning(
            sentence, info, statements_only, list_item=block.kind is not None and (a, b) == sentences[0]
        )
        if found:
            open_duty = _duties_from(doc, flat, info, found, a, b)
            duties += open_duty
        elif open_duty:
            for duty in open_duty:  # a following sentence without its own subject continues the task
                duty.task = (duty.task + " " + forms.trim(doc.text[a:b])).strip()
                duty.span[1] = b
        elif (
            not duties
            and last_agency
            and block.kind is None
            and (a, b) == sentences[0]
            and text[block.content : block.end].rstrip().endswith(".")
        ):
            opener = forms.OPENER.match(sentence)
            rest = forms.tokens(sentence[opener.end() :]) if opener else forms.tokens(sentence)
            if (
                rest and forms.first_verb(rest) == 0
            ):  # "Đồng thời, tổ chức …" continues; "Trong quá trình …, nếu …" does not
                start = a + (opener.end() if opener else 0)
                open_duty = _make(doc, last_agency, start, b, [], None)
                duties += open_duty
    return duties


def _generic_subject(sentence: str) -> bool:
    """The sentence's subject, before its first verb, is a generic group ("Các cơ quan, đơn vị tiếp tục …")."""
    words = forms.tokens(forms.opening(sentence, 120))
    if not words or forms.first_verb(words) == 0:
        return False
    k = forms.first_verb(words, 1)
    return k is not None and agencies.is_generic(sentence[: words[k].start])


def _duties_from(
    doc: TextDocument, flat: str, info: DocumentInfo, found: forms.Found, sentence_start: int, end: int
) -> list[Duty]:
    """The duties a sentence's assignment gives, up to ``end``; a clause after a semicolon with a subject of its
    own is another duty ("Các đồng chí Phó Chủ tịch … chỉ đạo thực hiện; các Chuyên viên cơ quan MTTQ xã được phân
    công phụ trách thực hiện các nhiệm vụ theo Kế hoạch")."""
    task_start = sentence_start + found.task_start
    for clause in _CLAUSE.finditer(flat, task_start, end):
        other = forms.assigning(flat[clause.end() : end], info, False, subject_only=True)
        if other and other.form == "subject" and other.task_start > 0:
            return _duties_from(doc, flat, info, found, sentence_start, clause.start()) + _duties_from(
                doc, flat, info, other, clause.end(), end
            )
    return _make(
        doc,
        found.agency,
        task_start,
        end,
        found.supports,
        sentence_start + found.support_task_start if found.support_task_start is not None else None,
        span_start=sentence_start,
    )


# The frame of a task shared with partners: "chủ trì, phối hợp với …", "phối hợp với …".
_FRAME_WORD = regex.compile(r"(?i)(?<!\w)(?:chủ\s+trì|phối\s+hợp)(?!\w)")

# A lead-in to a colon before the frame that opens the task: the task is the item after it ("chỉ đạo lực lượng Bộ
# đội Biên phòng: Phối hợp với cấp ủy, chính quyền địa phương … đẩy mạnh …"), as an item on a line of its own is.
_LEAD_IN_TO_FRAME = regex.compile(
    r"""(?xi)
    [^:;.\n]{1,160}:\s+                      # chỉ đạo lực lượng Bộ đội Biên phòng:
    (?=(?:chủ\s+trì|phối\s+hợp)(?!\w))       # Phối hợp với …
    """
)

# A clause boundary inside a sentence: "…; các Chuyên viên …".
_CLAUSE = regex.compile(r";\s+(?=\S)")


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
    if lead_in := _LEAD_IN_TO_FRAME.match(doc.text, task_start, end):
        task_start = lead_in.end()
    task = forms.trim(doc.text[task_start:end])
    if not task or not agency or agencies.norm(agency) in agencies.BARE_HEADS or not _readable(task):
        return []
    if doc.text[task_start:end].rstrip().endswith(":") and len(task.split()) <= 8:
        return []  # "… quan tâm thực hiện một số nội dung:": a lead-in, its items are the duties
    whole = doc.text[span_start if span_start is not None else task_start : end]
    deadline, recurrence = find_deadline(whole), find_recurrence(whole)  # "Hằng năm, Công an tỉnh … xây dựng dự toán"
    span = [span_start if span_start is not None else task_start, end]
    duties = [Duty(agency=agency, role="lead", task=task, deadline=deadline, recurrence=recurrence, span=span)]
    if supports and support_start is not None:
        frame = _FRAME_WORD.search(doc.text, task_start, support_start)
        # What the lead and its partners share is printed from the lead's verb, its frame included, as the gold
        # records have it ("chủ trì, phối hợp với các cơ quan, đơn vị và địa phương tham gia góp ý …"; "liên hệ Cục
        # C04 …; chủ trì, phối hợp với các sở, ngành chuẩn bị …")
        shared_start = support_start if frame is None else task_start
        shared = forms.trim(doc.text[shared_start:end])
        duties[0].task = shared
        duties += [
            Duty(agency=s, role="support", task=shared, deadline=deadline, recurrence=recurrence, span=list(span))
            for s in supports
        ]
    return duties


def _dedupe(duties: list[Duty]) -> list[Duty]:
    """One entry for a duty reported twice (a news title or lead repeating its body): the same agency and
    role, and one task's words are the other's, in order, over about the same stretch. Two duties whose
    tasks differ in their object ("chỉ đạo các Hội Công chứng viên …" / "chỉ đạo các Đoàn Luật sư …"),
    or a short task whose words a long one happens to hold, are both kept."""
    kept: list[Duty] = []
    for duty in duties:
        if not _merge_into(kept, duty):
            kept.append(duty)
    return kept


def _merge_into(kept: list[Duty], duty: Duty) -> bool:
    """Whether ``duty`` repeats one of ``kept``; the body's bullet and its appendix row: the row's time cell
    completes the bullet."""
    agency = frozenset(_WORD.findall(duty.agency.lower()))
    task = _WORD.findall(agencies.expand(duty.task).lower())
    for k in kept:
        if (
            k.role == duty.role
            and _near(frozenset(_WORD.findall(k.agency.lower())), agency)
            and _repeats(_WORD.findall(agencies.expand(k.task).lower()), task)
        ):
            k.deadline = k.deadline or duty.deadline
            k.recurrence = k.recurrence or duty.recurrence
            return True
    return False


def _near(a: frozenset[str], b: frozenset[str]) -> bool:
    """Four in five words of the smaller bag are in the other."""
    return bool(a and b) and len(a & b) >= 0.8 * min(len(a), len(b))


def _repeats(a: list[str], b: list[str]) -> bool:
    """The shorter word list is found in the longer one, in order and within one stretch of about its
    own length, but for one word in twenty, none in a short task ("tiếp tục chấn chỉnh … hành chính" in a title, then in the
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
    return sum(block.size for block in blocks) >= len(short) - int(0.05 * len(short))


_WORD = regex.compile(r"\w+")
