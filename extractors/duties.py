"""Duties: who must do what, by when.

The document's outline (:mod:`.outline`) says where duties may stand and which agency heading or duty
article each paragraph falls under; the assignment forms (:mod:`.duty_forms`) find, in each paragraph,
the sentences that assign and their agencies, or give the paragraph to the agency it stands under; the
appendix tables give one duty per row. :mod:`.agencies` cleans and names the agencies.
"""

from __future__ import annotations

import difflib

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
    skip_to = 0
    for index, part in enumerate(parts):
        if index in records:
            duties += _record_duties(doc, records[index])
            skip_to, last_agency = records[index].blocks.stop, None
        if index < skip_to:
            continue
        if part.fresh:
            last_agency = None
        found = _block_duties(
            doc, flat, part.block, info, part.owner, last_agency, statements_only, part.owner_supports
        )
        duties += found
        last_agency = found[0].agency if found and part.owner is None else None
    return duties


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
            return _duties_from(doc, found, first_sentence[0], block.end)
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
            open_duty = _duties_from(doc, found, a, b)
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


def _duties_from(doc: TextDocument, found: forms.Found, sentence_start: int, end: int) -> list[Duty]:
    return _make(
        doc,
        found.agency,
        sentence_start + found.task_start,
        end,
        found.supports,
        sentence_start + found.support_task_start if found.support_task_start is not None else None,
        span_start=sentence_start,
    )


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
        shared = forms.trim(doc.text[support_start:end])
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
