"""The public API (``import vanban``): one function per command, cheap to import, the same records as the CLI."""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import shared_path

import vanban

# What must not load before a file is read or extracted: the language models, the format libraries, the store's.
HEAVY = ("spacy", "underthesea", "pdfplumber", "pypdfium2", "docx", "PIL", "numpy", "sqlite_utils", "datasette")
API = ("read", "text_document", "extract", "extract_file", "extract_files", "highlight")
DB_API = ("ingest", "reindex", "watch", "status", "serve")

# The head of seed 003 (Kế hoạch 02/KH-UBND of Lạng Sơn) as a text file lays it out: two columns by spaces.
PLAN_HEAD = (
    "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH LẠNG SƠN                             Độc lập - Tự do - Hạnh phúc\n"
    "Số: 02 /KH-UBND                         Lạng Sơn, ngày 04 tháng 01 năm 2023\n"
    "\n"
    "KẾ HOẠCH\n"
    "Cải cách hành chính tỉnh Lạng Sơn năm 2023\n"
    "\n"
    "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể"
    " cải cách hành chính nhà nước giai đoạn 2021 - 2030;\n"
)


def _modules_loaded(code: str) -> set[str]:
    """Top-level packages loaded by a fresh interpreter running ``code``."""
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return {name.split(".")[0] for name in done.stdout.split()}


def _imported_by_command(args: list[str], cwd: Path) -> set[str]:
    """Top-level packages a ``vanban`` command imports, from ``python -X importtime`` (the real start-up)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "vanban", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    assert lines, "python -X importtime printed nothing"
    return {line.rsplit("|", 1)[1].strip().split(".")[0] for line in lines[1:]}


def test_import_vanban_loads_nothing_heavy() -> None:
    assert not _modules_loaded("import vanban") & set(HEAVY)


def test_the_api_names_stay_functions_whatever_is_imported() -> None:
    """No submodule is named like a function: importing one would rebind the package attribute to it."""
    for module in pkgutil.iter_modules(vanban.__path__):
        if module.name != "__main__":
            importlib.import_module(f"vanban.{module.name}")
    for name in API + DB_API:
        assert callable(vanban.__dict__[name]) and type(vanban.__dict__[name]).__name__ == "function", name
        assert vanban.__dict__[name].__doc__, name
    assert set(API + DB_API) <= set(vanban.__all__)
    for name in vanban.__all__:
        assert getattr(vanban, name) is not None, name


def test_the_cli_calls_only_the_public_api() -> None:
    """cli.py parses arguments and prints: its work is done by ``vanban.<function>``, plus argument types and
    defaults (workers' limits), printable names (clerk) and the error it reports (errors)."""
    tree = ast.parse((Path(vanban.__file__).parent / "cli.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert {m for m in imported if m and m.startswith("vanban")} <= {"vanban.clerk", "vanban.errors", "vanban.workers"}
    used = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "vanban"
    }
    assert used and used <= set(vanban.__all__), used - set(vanban.__all__)
    assert set(API + DB_API) - {"text_document", "extract", "extract_file"} <= used


def test_an_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        vanban.nothing_here  # noqa: B018


@pytest.mark.parametrize(
    "args",
    [["--help"], ["status", "--db", "status.db"], ["status", "--db", "status.db", "--inbox", "inbox"]],
    ids=["help", "status", "status-inbox"],
)
def test_commands_that_do_not_extract_load_no_language_model(args, tmp_path) -> None:
    (tmp_path / "inbox").mkdir()
    loaded = _imported_by_command(args, tmp_path)
    assert not loaded & {"spacy", "underthesea", "pdfplumber", "pypdfium2"}


def test_text_of_a_word_file_loads_no_language_model(tmp_path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in PLAN_HEAD.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "plan.docx")
    loaded = _imported_by_command(["text", "plan.docx"], tmp_path)
    assert "docx" in loaded
    assert not loaded & {"spacy", "underthesea", "pdfplumber"}


def test_ingest_loads_the_extractors_only_in_its_workers(tmp_path) -> None:
    """The main process hashes and stores; reading is the workers' (here: nothing new to read at all)."""
    (tmp_path / "plan.txt").write_text(PLAN_HEAD, encoding="utf-8")
    assert vanban.ingest(tmp_path / "v.db", tmp_path / "plan.txt", workers=1).ingested == 1
    loaded = _imported_by_command(["ingest", "plan.txt", "--db", "v.db", "--quiet"], tmp_path)
    assert "sqlite_utils" in loaded
    assert not loaded & {"spacy", "underthesea", "pdfplumber", "pypdfium2"}


def test_serving_pages_loads_no_language_model(tmp_path) -> None:
    """What ``vanban serve`` runs for a table page (the annotated page alone draws with spaCy)."""
    code = (
        "import asyncio\n"
        "from vanban.publish import make_datasette\n"
        "from vanban.store import open_db\n"
        f"open_db({str(tmp_path / 'v.db')!r}).close()\n"
        f"ds = make_datasette({str(tmp_path / 'v.db')!r})\n"
        "assert asyncio.run(ds.client.get('/vanban/documents')).status_code == 200"
    )
    assert not _modules_loaded(code) & {"spacy", "underthesea", "pdfplumber", "pypdfium2"}


# ---------------------------------------------------------------- text and documents


def test_text_document_reads_a_string_as_the_txt_reader_reads_a_file(tmp_path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN_HEAD, encoding="utf-8")
    from_string, from_file = vanban.text_document(PLAN_HEAD), vanban.read(path)
    assert from_string == from_file
    # the columns split: the left one (issuer, Số) first, then the right one, then the body
    assert from_string.header.splitlines() == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LẠNG SƠN",
        "Số: 02 /KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lạng Sơn, ngày 04 tháng 01 năm 2023",
    ]
    assert from_string.body.lstrip().startswith("KẾ HOẠCH\nCải cách hành chính")


def test_text_document_normalises() -> None:
    decomposed = "Quy\u00ea\u0301t \u0111i\u0323nh\u00a0so\u0302\u0301 12/QĐ-UBND"  # marks apart, a no-break space
    doc = vanban.text_document(decomposed)
    assert doc.text == "Quyết định số 12/QĐ-UBND"
    assert doc.format == "txt" and doc.page_count == 1 and doc.header_end == 0


def test_extract_of_a_string_is_the_record_of_the_same_text_file(tmp_path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN_HEAD, encoding="utf-8")
    from_string = vanban.extract(PLAN_HEAD, path=path).to_dict()
    from_file = vanban.extract_file(path).to_dict()
    assert from_string == from_file  # same bytes: same hash, size, fields, spans
    info = from_string["document"]
    assert (info["symbol"], info["doc_type"], info["issuer"], info["issued_date"]) == (
        "02/KH-UBND",
        "Kế hoạch",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "2023-01-04",
    )
    assert [c["symbol"] for c in from_string["citations"]] == ["76/NQ-CP"]


@pytest.mark.realdocs
def test_extract_of_a_read_document_is_the_record_of_the_file() -> None:
    path = shared_path("realdocs", "vbai", "Công văn số 11902 của BNV.pdf")
    from_file = vanban.extract_file(path).to_dict()
    from_document = vanban.extract(vanban.read(path), path=path).to_dict()
    del from_file["source"]["sha256"], from_file["source"]["size"]
    del from_document["source"]["sha256"], from_document["source"]["size"]  # of the text, not the file
    assert from_document == from_file
    assert from_file["document"]["symbol"]


def test_extract_file_raises_read_error_with_a_reason(tmp_path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(vanban.ReadError) as caught:
        vanban.extract_file(path)
    assert caught.value.reason == "empty file (0 bytes)"


def test_extract_files_keeps_order_and_names_each_failure(tmp_path) -> None:
    good, bad = tmp_path / "plan.txt", tmp_path / "scan.pdf"
    good.write_text(PLAN_HEAD, encoding="utf-8")
    bad.write_bytes(b"not a pdf at all")
    outcomes = list(vanban.extract_files([bad, good, str(good)], workers=1))
    assert [o.path for o in outcomes] == [str(bad), str(good), str(good)]
    assert outcomes[0].record is None and outcomes[0].error.startswith("not a PDF")
    assert outcomes[1].record == outcomes[2].record == vanban.extract_file(good)
    assert [o.path for o in vanban.extract_files(good, workers=1)] == [str(good)]  # one path, not its letters


def test_highlight_draws_the_citations(tmp_path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN_HEAD, encoding="utf-8")
    html = vanban.highlight(path)
    assert html.startswith("<!DOCTYPE html>") and "<title>Kế hoạch 02/KH-UBND</title>" in html
    assert "76/NQ-CP" in html and "BASIS" in html  # displaCy's label of a span (the legend is in lower case)


# ---------------------------------------------------------------- the database


@pytest.fixture
def folder(tmp_path, seeds) -> Path:
    """The five seeds, and a copy of the first under another name."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for seed in sorted(seeds.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    shutil.copy(sorted(seeds.glob("*.txt"))[0], folder / "copy.txt")
    return folder


def test_ingest_status_reindex(folder, tmp_path) -> None:
    db = tmp_path / "vanban.db"
    report = vanban.ingest(db, folder, workers=1)
    assert (report.ingested, report.duplicates, report.unchanged, report.failed) == (5, 1, 0, [])
    counts = vanban.status(db)
    assert counts["documents"] == 5 and counts["errors"] == 0 and counts["ingested_today"] == 5
    again = vanban.ingest(db, [folder], workers=1)
    assert (again.ingested, again.unchanged) == (0, 5)
    unchanged = vanban.reindex(db, workers=1)
    assert (unchanged.checked, unchanged.unchanged, unchanged.extracted) == (5, 5, 0)
    forced = vanban.reindex(db, workers=1, force=True)
    assert (forced.extracted, forced.failed) == (5, [])
    assert vanban.status(db)["documents"] == 5


def test_watch_once_stores_and_archives(tmp_path, seeds, capsys) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    seed = sorted(seeds.glob("*.txt"))[3]
    shutil.copy(seed, inbox / "kh.txt")
    (inbox / "broken.pdf").write_bytes(b"not a pdf")
    stats = vanban.watch(inbox, tmp_path / "vanban.db", once=True, settle=0.0, workers=1)
    assert (stats.ingested, stats.failed, stats.all_stored) == (1, 1, False)
    assert not list(inbox.iterdir())
    assert [p.name for p in (tmp_path / "archive").rglob("*.txt")] == ["kh.txt"]
    assert (tmp_path / "failed" / "broken.pdf").exists()
    assert "02/KH-UBND" in capsys.readouterr().out
    assert vanban.status(tmp_path / "vanban.db", inbox=inbox)["pending"] == 0


def test_watch_refuses_a_missing_inbox(tmp_path) -> None:
    with pytest.raises(vanban.InboxError, match=r"không tồn tại \[inbox .* is not a folder\]"):
        vanban.watch(tmp_path / "nowhere", tmp_path / "vanban.db", once=True)


def test_the_cli_prints_what_the_api_returns(tmp_path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN_HEAD, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "vanban", "extract", str(path), "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == vanban.extract_file(path).to_dict()


# ---------------------------------------------------------------- the extractor version


def test_the_version_covers_every_module_an_extraction_runs(tmp_path) -> None:
    """Each module of the readers and extractors that extracting real files loads is in the digest, and so is
    every knowledge table: a change to any of them changes EXTRACTOR_VERSION."""
    from vanban.version import EXTRACTOR_VERSION, digest, record_code_files

    code = (
        "import sys, vanban\n"
        f"vanban.extract_file({str(tmp_path / 'plan.txt')!r})\n"
        f"vanban.extract_file({str(tmp_path / 'plan.docx')!r})\n"
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items() if n.startswith('vanban.') and m.__file__))"
    )
    (tmp_path / "plan.txt").write_text(PLAN_HEAD, encoding="utf-8")
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in PLAN_HEAD.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "plan.docx")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    loaded = {Path(line).resolve() for line in done.stdout.split()}
    covered = {path.resolve() for _, path in record_code_files()}
    outside = {"__init__.py", "errors.py", "identity.py", "version.py"}  # the package, its error, hashing, this
    assert {p for p in loaded if p.name not in outside or p.parent.name != "vanban"} <= covered
    data = Path(vanban.__file__).parent.parent / "extractors" / "data"
    assert {p.resolve() for p in data.glob("*.json")} <= covered
    assert EXTRACTOR_VERSION == f"{vanban.__version__}+{digest(record_code_files())}"
    assert vanban.extract("Số: 02/KH-UBND").extractor_version == EXTRACTOR_VERSION


def test_the_digest_changes_with_any_byte(tmp_path) -> None:
    from vanban.version import digest, record_code_files

    copies = []
    for name, path in record_code_files():
        copy = tmp_path / name.replace("/", "__")
        copy.write_bytes(path.read_bytes())
        copies.append((name, copy))
    assert digest(copies) == digest(record_code_files())
    name, table = next((n, p) for n, p in copies if n.endswith("data/provinces.json"))
    table.write_bytes(table.read_bytes().replace("Lâm Đồng".encode(), "Lâm  Đồng".encode(), 1))
    assert digest(copies) != digest(record_code_files())
