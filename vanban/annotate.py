"""A document with its citations and duties highlighted: spaCy span groups drawn by displaCy.

The spans are the record's own offsets into the text (``vanban text``
output). Each line of the text becomes a spaCy ``Doc`` of its
whitespace-separated words (so ``02/KH-UBND`` stays one token and the line
reads as printed), the spans that touch the line go into its span group
``sc`` (overlaps allowed: a citation inside a duty's task), and displaCy's
span renderer draws them. displaCy escapes the text, which is untrusted.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

import regex
import spacy
from spacy import displacy
from spacy.tokens import Doc, Span

SPAN_GROUP = "sc"
COLOURS = {
    "BASIS": "#93c5fd",  # a citation given as ground for issuing (Căn cứ …)
    "CITATION": "#bfdbfe",
    "DUTY LEAD": "#fcd34d",
    "DUTY SUPPORT": "#bef264",
}
_WORDS = regex.compile(r"\S+")


@lru_cache(maxsize=1)
def _vocab():
    return spacy.blank("xx").vocab  # no model: nothing is downloaded


def record_spans(record: dict) -> list[tuple[int, int, str]]:
    """(start, end, label) of every citation mention and duty in the record."""
    spans = []
    for citation in record.get("citations") or []:
        label = "BASIS" if citation.get("role") == "basis" else "CITATION"
        spans += [(start, end, label) for start, end in citation.get("spans") or []]
    for duty in record.get("duties") or []:
        if duty.get("span"):
            spans.append((duty["span"][0], duty["span"][1], f"DUTY {str(duty.get('role', 'lead')).upper()}"))
    return spans


def line_doc(line: str, offset: int, spans: list[tuple[int, int, str]]) -> Doc:
    """One line as a Doc of its words, with the spans that overlap it (clipped) in group ``sc``."""
    words = [(m.start() + offset, m.end() + offset, m.group()) for m in _WORDS.finditer(line)]
    doc = Doc(_vocab(), words=[w for _, _, w in words])
    group = []
    for start, end, label in spans:
        inside = [i for i, (ws, we, _) in enumerate(words) if ws < end and we > start]
        if inside:
            group.append(Span(doc, inside[0], inside[-1] + 1, label=label))
    doc.spans[SPAN_GROUP] = group
    return doc


def render_text(text: str, record: dict) -> str:
    """The text as HTML, one block per line; lines holding a span are drawn by displaCy."""
    spans = sorted(record_spans(record))
    out, offset = [], 0
    for line in text.split("\n"):
        end = offset + len(line)
        touching = [s for s in spans if s[0] < end and s[1] > offset]
        if touching and line.strip():
            out.append(
                displacy.render(
                    line_doc(line, offset, touching),
                    style="span",
                    page=False,
                    options={"spans_key": SPAN_GROUP, "colors": COLOURS},
                )
            )
        else:
            out.append(f"<div class=\"line\">{escape(line) or '&nbsp;'}</div>")
        offset = end + 1
    return "\n".join(out)


def _title(record: dict) -> str:
    info = record.get("document") or {}
    name = " ".join(x for x in (info.get("doc_type"), info.get("symbol")) if x)
    return name or (record.get("source") or {}).get("path", "document")


def render_html(text: str, record: dict) -> str:
    """A whole HTML page: title, trích yếu, a legend, and the highlighted text."""
    info = record.get("document") or {}
    legend = " ".join(
        f'<span style="background:{c};padding:1px 6px">{escape(k.lower())}</span>' for k, c in COLOURS.items()
    )
    return (
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(_title(record))}</title>"
        "<style>body{font-family:serif;max-width:62em;margin:2em auto;padding:0 1em}"
        ".line{line-height:1.6}.spans{line-height:2.5!important}</style></head><body>"
        f"<h1>{escape(_title(record))}</h1><p>{escape(info.get('subject') or '')}</p><p>{legend}</p>"
        f"{render_text(text, record)}</body></html>"
    )
