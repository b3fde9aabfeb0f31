"""The dev gold, scored end to end against the committed scoreboard (bench/scoreboard.json).

Every gold document is read and extracted; no document may score below what
the scoreboard holds for it on any measure (header fields one by one,
citations with their issuers and roles, recipients, duties with their deadlines). A change that gains is recorded by
``make score-update``; a change that loses fails here and shows which document
lost what.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import score  # noqa: E402

pytestmark = [pytest.mark.realdocs, pytest.mark.slow]


@pytest.fixture(scope="module")
def board(shared_dir, gold_dir):
    documents = score.gold_documents(shared_dir)
    records = score.extract_records(documents)
    return documents, score.scoreboard(documents, records, shared_dir)


def test_every_gold_document_is_scored(board, gold_dir) -> None:
    documents, result = board
    assert len(documents) == len(list(gold_dir.glob("*.json")))
    assert set(result["documents"]) == {d.name for d in documents}


def test_no_document_loses_against_the_scoreboard(board) -> None:
    _, result = board
    committed = json.loads(score.SCOREBOARD.read_text(encoding="utf-8"))
    assert set(committed["documents"]) <= set(result["documents"]), "a scored document went missing"
    lost = score.losses(committed, result)
    assert not lost, "\n".join(lost) + "\n\n" + score.report(result, committed)


def test_compare_reports_gains_and_losses() -> None:
    old = {
        "documents": {
            "a": {
                "fields": 1.0,
                "citations": 0.5,
                "recipients": None,
                "duties": 1.0,
                "citation_role": 1.0,
                "citation_issuer": 0.5,
                "field_hits": {"symbol": True, "subject": False},
            }
        }
    }
    new = {
        "documents": {
            "a": {
                "fields": 0.9,
                "citations": 0.75,
                "recipients": None,
                "duties": 1.0,
                "citation_role": 0.5,  # a citation's role lost while the document's citations stay found
                "citation_issuer": 1.0,
                "field_hits": {"symbol": False, "subject": True},
            }
        }
    }
    changes = {c.measure: (c.gained, c.lost) for c in score.compare(old, new)}
    assert changes["fields"] == ([], ["a"])
    assert changes["citations"] == (["a"], [])
    assert changes["duties"] == ([], [])
    assert changes["field:symbol"] == ([], ["a"])
    assert changes["field:subject"] == (["a"], [])
    assert changes["citation_role"] == ([], ["a"])
    assert changes["citation_issuer"] == (["a"], [])
    assert score.losses(old, new) == ["fields: a", "citation_role: a", "field:symbol: a"]
