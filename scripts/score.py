"""The per-document scoreboard: every gold document scored, and what changed.

    python scripts/score.py              score, print each document and the gains and losses
    python scripts/score.py --update     … and write bench/scoreboard.json (commit it with the change)
    python scripts/score.py --check      exit 1 when a document lost on any measure

Every document that has a gold record in ``../shared/gold`` is read and
extracted (on every core), scored by ``../shared/eval/score.py`` (the
project's official scorer, loaded as it is), and compared with the committed
scoreboard ``bench/scoreboard.json``, like eyecite's gains-and-losses report:
for each header field, each document's citations, recipients and duties, which
documents gained, which lost, how many stayed the same. Summaries are given for
the text-layer documents, the scans (``../shared/eval/scanned.txt``) and the
documents from offices new to the project (``realdocs/dev2``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VANBAN_SHARED", REPO.parent / "shared"))
SCOREBOARD = REPO / "bench" / "scoreboard.json"
MEASURES = ("fields", "citations", "recipients", "duties")
# Per document too, compared like the measures but not printed as columns: the share of matched citations
# whose issuer / role is right, and of matched duties whose deadline is.
ATTRIBUTES = ("citation_issuer", "citation_role", "duty_deadline")
# A per-document measure that moves by less than this is unchanged (F1 rounding).
EPSILON = 1e-4


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def load_scorer(shared: Path = SHARED) -> ModuleType:
    """``../shared/eval/score.py``, imported as a module."""
    spec = importlib.util.spec_from_file_location("vanban_gold_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class GoldDocument:
    name: str  # the gold file's name without .json: the document's file name
    path: Path  # the document, in ../shared/seeds or ../shared/realdocs/*
    gold: Path  # its gold record
    scanned: bool
    new_office: bool  # from realdocs/dev2: an office new to the project


def gold_documents(shared: Path = SHARED) -> list[GoldDocument]:
    """Every gold record's document; a gold file without its document is an error, never skipped."""
    scanned = {nfc(n) for n in (shared / "eval" / "scanned.txt").read_text(encoding="utf-8").splitlines() if n}
    files: dict[str, Path] = {}
    for folder in [shared / "seeds", *sorted(p for p in (shared / "realdocs").iterdir() if p.is_dir())]:
        for path in folder.iterdir():
            files.setdefault(nfc(path.name), path)
    documents, missing = [], []
    for gold in sorted((shared / "gold").glob("*.json")):
        name = nfc(gold.name[: -len(".json")])
        if name not in files:
            missing.append(name)
            continue
        documents.append(GoldDocument(name, files[name], gold, name in scanned, files[name].parent.name == "dev2"))
    if missing:
        raise SystemExit(f"gold records without their document: {', '.join(missing)}")
    return documents


def extract_records(documents: list[GoldDocument], workers: int | None = None) -> dict[str, dict]:
    """name → contract record (a failed read gives an empty record, scored as all misses)."""
    from vanban.batch import extract_many

    records = {}
    for doc, outcome in zip(documents, extract_many([str(d.path) for d in documents], workers=workers)):
        if outcome.error is not None:
            print(f"score: {doc.name}: {outcome.error}", file=sys.stderr)
            records[doc.name] = {"source": {"path": str(doc.path)}}
        else:
            records[doc.name] = outcome.record.to_dict()
    return records


def _score_subset(scorer: ModuleType, documents: list[GoldDocument], records: dict[str, dict]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        for doc in documents:
            (Path(tmp) / f"{doc.name}.json").symlink_to(doc.gold)
        return scorer.score(tmp, {doc.name: records[doc.name] for doc in documents}, verbose=True)


def scoreboard(documents: list[GoldDocument], records: dict[str, dict], shared: Path = SHARED) -> dict:
    """The scoreboard: per document its measures and each header field's hit or miss; per set its totals."""
    scorer = load_scorer(shared)
    board: dict = {"documents": {}, "sets": {}}
    for doc in documents:
        gold = json.loads(doc.gold.read_text(encoding="utf-8"))
        pred = records[doc.name]
        gdoc, pdoc = gold.get("document") or {}, pred.get("document") or {}
        fields = {}
        for field in scorer.DOC_FIELDS:
            gv, pv = scorer.get(gdoc, field), scorer.get(pdoc, field)
            if gv in (None, "") and pv in (None, ""):
                continue
            fields[field] = bool(scorer.field_ok(field, gv, pv))
        one = _score_subset(scorer, [doc], records)
        per = one["per_document"][doc.name]
        board["documents"][doc.name] = {
            "set": "scan" if doc.scanned else "text",
            "new_office": doc.new_office,
            **{m: per[m] for m in MEASURES},
            "citation_issuer": one["citation_attributes"].get("issuer"),
            "citation_role": one["citation_attributes"].get("role"),
            "duty_deadline": one["duty_attributes"].get("deadline"),
            "field_hits": fields,
            "counts": per["counts"],
            "misses": one.get("errors", {}).get(doc.name, []),
        }
    subsets = {
        "all": documents,
        "text": [d for d in documents if not d.scanned],
        "scan": [d for d in documents if d.scanned],
        "new_office": [d for d in documents if d.new_office],
    }
    for label, subset in subsets.items():
        if not subset:
            continue
        result = _score_subset(scorer, subset, records)
        board["sets"][label] = {
            "documents": len(subset),
            "fields": result["fields"],
            "citations": result["citations"]["f1"],
            "citation_issuer": result["citation_attributes"].get("issuer"),
            "citation_role": result["citation_attributes"].get("role"),
            "recipients": result["recipients"]["f1"],
            "duties": result["duties"]["f1"],
            "duty_deadline": result["duty_attributes"].get("deadline"),
            "field_accuracy": result["field_accuracy"],
        }
    return board


@dataclass
class Change:
    measure: str  # "fields", "citations", … or "field:symbol"
    gained: list[str]
    lost: list[str]
    unchanged: int


def compare(old: dict, new: dict) -> list[Change]:
    """Per measure and per header field: the documents that gained, lost or stayed."""
    changes = []
    names = [n for n in new["documents"] if n in old.get("documents", {})]
    for measure in (*MEASURES, *ATTRIBUTES):
        gained, lost, same = [], [], 0
        for name in names:
            a, b = old["documents"][name].get(measure), new["documents"][name].get(measure)
            a, b = (a if a is not None else 1.0), (b if b is not None else 1.0)
            if b > a + EPSILON:
                gained.append(name)
            elif b < a - EPSILON:
                lost.append(name)
            else:
                same += 1
        changes.append(Change(measure, gained, lost, same))
    fields = sorted(
        {f for n in names for f in (*old["documents"][n]["field_hits"], *new["documents"][n]["field_hits"])}
    )
    for field in fields:
        gained, lost, same = [], [], 0
        for name in names:
            a = old["documents"][name]["field_hits"].get(field, True)
            b = new["documents"][name]["field_hits"].get(field, True)
            if b and not a:
                gained.append(name)
            elif a and not b:
                lost.append(name)
            else:
                same += 1
        changes.append(Change(f"field:{field}", gained, lost, same))
    return changes


def _fmt(value: float | None) -> str:
    return "  —  " if value is None else f"{value:.3f}"


def _delta(old: float | None, new: float | None) -> str:
    if old is None or new is None or abs(new - old) < EPSILON:
        return "      "
    return f"{new - old:+.3f}"


def report(board: dict, old: dict | None) -> str:
    lines = [f"{'document':58} {'set':4} " + " ".join(f"{m[:9]:>15}" for m in MEASURES)]
    for name, row in sorted(board["documents"].items(), key=lambda kv: (kv[1]["set"], kv[0].casefold())):
        before = (old or {}).get("documents", {}).get(name, {})
        cells = " ".join(f"{_fmt(row[m])} {_delta(before.get(m), row[m]) if before else '  new '}" for m in MEASURES)
        label = name if len(name) <= 58 else name[:55] + "…"
        lines.append(f"{label:58} {row['set']:4} {cells}")
    lines.append("")
    for label, s in board["sets"].items():
        before = (old or {}).get("sets", {}).get(label, {})
        parts = []
        for key in ("fields", "citations", "citation_issuer", "citation_role", "recipients", "duties"):
            parts.append(
                f"{key}={_fmt(s.get(key))}{_delta(before.get(key), s.get(key)).strip() and ' (' + _delta(before.get(key), s.get(key)) + ')'}"
            )
        lines.append(f"{label:10} ({s['documents']:2} documents): " + " ".join(parts))
    if old:
        lines.append("")
        lines.append("against bench/scoreboard.json:")
        for change in compare(old, board):
            if change.gained or change.lost:
                lines.append(
                    f"  {change.measure:24} gained {len(change.gained)}, lost {len(change.lost)}, "
                    f"unchanged {change.unchanged}"
                )
                lines += [f"      + {n}" for n in change.gained]
                lines += [f"      - {n}" for n in change.lost]
        if not any(c.gained or c.lost for c in compare(old, board)):
            lines.append("  no document gained or lost on any measure")
    return "\n".join(lines)


def losses(old: dict, new: dict) -> list[str]:
    """Each (measure, document) that scores below the committed scoreboard."""
    return [f"{c.measure}: {name}" for c in compare(old, new) for name in c.lost]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="write bench/scoreboard.json")
    parser.add_argument("--check", action="store_true", help="exit 1 when a document lost on any measure")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--pred", help="also write the records here (JSON Lines)")
    parser.add_argument("--misses", action="store_true", help="list each document's misses")
    args = parser.parse_args(argv)

    documents = gold_documents()
    records = extract_records(documents, workers=args.workers)
    if args.pred:
        with open(args.pred, "w", encoding="utf-8") as fh:
            for doc in documents:
                fh.write(json.dumps(records[doc.name], ensure_ascii=False) + "\n")
    board = scoreboard(documents, records)
    old = json.loads(SCOREBOARD.read_text(encoding="utf-8")) if SCOREBOARD.exists() else None
    print(report(board, old))
    if args.misses:
        for name, row in sorted(board["documents"].items()):
            if row["misses"]:
                print(f"== {name}")
                print("\n".join(f"    {m}" for m in row["misses"]))
    if args.update:
        SCOREBOARD.write_text(json.dumps(board, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {SCOREBOARD.relative_to(REPO)}")
    if args.check and old and (lost := losses(old, board)):
        print("lost against the committed scoreboard:\n  " + "\n  ".join(lost), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
