"""Generated documents (:mod:`synth`) as the extractors would give them, ready for the store.

The benchmark's 100,000-document database and the canned-query tests are written from these, so the SQL is
measured and checked on the same kind of rows.
"""

from __future__ import annotations

import hashlib
import random

import synth


def stored_record(index: int, seed: int, draft_share: float = 0.03, docx_share: float = 0.3):
    """Generated document ``index`` as the extractors would give it, ready for the store: (Record, text).

    Citations and duties carry the spans where their text stands; the source is a made-up archive path (PDF,
    or DOCX for ``docx_share`` of them). The benchmark's database and the canned-query tests are built from these.
    """
    from vanban.record import Citation, DocumentInfo, Duty, Record, Signer, Source
    from vanban.version import EXTRACTOR_VERSION

    rng = random.Random(seed + index)
    spec = synth.random_spec(rng, index, draft=rng.random() < draft_share)
    expected = synth.expected_record(spec)
    text = synth.render_txt(spec)
    doc = dict(expected["document"])
    signer = Signer(**doc.pop("signer"))
    info = DocumentInfo(**doc, signer=signer)
    citations = []
    for c in expected["citations"]:
        found = text.find(c["symbol"] or c["title"] or "\0")
        spans = [[found, found + len(c["symbol"] or c["title"])]] if found >= 0 else []
        citations.append(Citation(**c, mentions=max(1, len(spans)), spans=spans))
    duties = []
    for d in expected["duties"]:
        found = text.find(d["task"][:40])
        duties.append(Duty(**d, span=[found, found + len(d["task"])] if found >= 0 else None))
    ext = "docx" if rng.random() < docx_share else "pdf"
    source = Source(
        path=f"/srv/vanban/archive/{synth.file_stem(spec, index)}.{ext}",
        sha256=hashlib.sha256(f"bench-{index}".encode() + text.encode()).hexdigest(),
        format=ext,
        pages=1 + len(text) // 3000,
        size=20_000 + len(text) * 4,
    )
    record = Record(
        source=source,
        document=info,
        citations=citations,
        recipients=expected["recipients"],
        duties=duties,
        extractor_version=EXTRACTOR_VERSION,
    )
    return record, text
