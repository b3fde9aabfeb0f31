"""``make bench``: how fast vanban is on this machine, against the tools it is built on.

    python scripts/bench.py            # full run: realdocs, 2,000 generated documents, a 100,000-document database
    python scripts/bench.py --quick    # 200 generated documents, a 10,000-document database: to iterate

Real documents (../shared/realdocs) and generated ones (``tests/synth.py``) are
reported apart: the generated corpus is most of the files, and real PDFs cost
many times more per page. One run prints, on one machine:

- CPU per page of vanban's extraction of each text-layer PDF against raw
  pypdfium2 text extraction of the same file, one process, the two interleaved
  file by file, with a cold and then a warm OCR cache;
- pages/s of raw pypdfium2 (the faster of 1 and N processes) against
  ``vanban.batch.extract_many`` (N worker processes, their start-up included)
  over the same files, interleaved A B A B, median and spread;
- files/s of the Dask path (``vanban.cluster.extract_on_cluster`` on a LocalCluster
  of N one-thread workers, started once) against the process pool
  (``extract_many``, N workers) on the same files, A B A B, with the records of
  both compared (target: Dask ≥ 0.9 of the pool); then the cluster's documents
  and pages per worker core-second on text-layer PDFs and on scans (OCR);
- OCR on real scans: vanban's extraction of each scan (cold OCR cache), and its
  OCR alone (less a run with the cache full), against raw ``tesseract -l vie`` on
  the pages vanban reads, rendered as vanban renders them, interleaved file by file;
- the store: documents/s of ``vanban.store.StoreWriter`` over the extracted
  records (and of ``ingest_file``, one transaction per file), then a no-op reindex;
- the latency of each canned query through a real Datasette on a database of
  100,000 generated records written by the store's writer, after the build and
  not under its load;
- peak memory (ru_maxrss of this process and of its largest child).

CPU figures are process time (``resource.getrusage`` of this process and its
reaped children), which other work on a shared machine moves much less than
wall-clock figures. The generated corpus and the 100k database are cached
under ``bench/out/`` (see bench/README.md), so a re-run only measures.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # the generator (tests/synth.py) is test tooling
SHARED = Path(os.environ.get("VANBAN_SHARED", REPO.parent / "shared"))
OUT = REPO / "bench" / "out"

# Bump when the bench corpus (CORPUS_RECIPE) or the synthetic database (DB_RECIPE) is built differently.
CORPUS_RECIPE = "1"
DB_RECIPE = "2"  # 2: written by vanban.store.StoreWriter
BENCH_SEED = 20250901
DOCX_SHARE = 0.3  # the rest of the generated documents are PDFs
DRAFT_SHARE = 0.03  # blank Số/ngày, as unsigned drafts print them
ERROR_SHARE = 0.005  # synthetic database: files that failed, as the errors table holds them

# docs: generated documents; db_docs: the synthetic database; ocr_pages: real scan pages OCR'd (None: all);
# rounds: A B rounds of the throughput figures; sample: generated text-layer PDFs in the CPU-per-page figure.
# dask_generated: generated files beside the real text-layer PDFs in the Dask-against-the-pool figure.
FULL = {"docs": 2000, "db_docs": 100_000, "ocr_pages": None, "rounds": 3, "sample": 200, "dask_generated": 400}
QUICK = {"docs": 200, "db_docs": 10_000, "ocr_pages": 6, "rounds": 2, "sample": 40, "dask_generated": 100}
STORE_ROUNDS = 3
PER_FILE_STORE = 200  # records stored one transaction each, for comparison with the writer


# ---------------------------------------------------------------- reporting


def say(line: str) -> None:
    print(line, flush=True)


def note(line: str) -> None:
    """Progress for the person waiting, on stderr: the figures go to stdout."""
    print(f"  … {line}", file=sys.stderr, flush=True)


def machine() -> str:
    """CPU model, cores, RAM and Python: what the figures were measured on."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True, timeout=10).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except (OSError, subprocess.SubprocessError):
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{model}, {os.cpu_count()} cores ({_workers()} usable), {ram:.1f} GiB RAM, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def load() -> str:
    """The 1-minute load average against the cores: how shared the machine is right now."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (5 min: {five:.1f}) on {os.cpu_count()} cores"


def _workers() -> int:
    from vanban.batch import default_workers

    return default_workers()


@dataclass
class Runs:
    """Repeated measurements of one figure: shown as the median and the spread."""

    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    def show(self, digits: int = 0) -> str:
        spread = f" [{min(self.values):,.{digits}f}–{max(self.values):,.{digits}f}]" if len(self.values) > 1 else ""
        return f"{self.median:,.{digits}f}{spread}"


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and its reaped children (workers, Tesseract, LibreOffice)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass
class Cost:
    """Wall and CPU seconds spent on some work."""

    wall: float = 0.0
    cpu: float = 0.0

    def add(self, work: Callable, *args) -> Any:
        """Run ``work(*args)`` and add what it cost; return its result."""
        wall, cpu = time.perf_counter(), cpu_seconds()
        result = work(*args)
        self.wall += time.perf_counter() - wall
        self.cpu += cpu_seconds() - cpu
        return result

    def include(self, other: Cost) -> None:
        self.wall += other.wall
        self.cpu += other.cpu


# ---------------------------------------------------------------- the bench corpus


def generator_key(recipe: str) -> str:
    """Version of what the generator writes: synth.py's source and the recipe."""
    import synth

    digest = hashlib.sha256(Path(synth.__file__).read_bytes())
    digest.update(recipe.encode())
    return digest.hexdigest()[:10]


def recipe_key() -> str:
    """Version of the bench corpus."""
    return generator_key(CORPUS_RECIPE)


def _fill(template: str, ident, rng: random.Random) -> str:
    """A synth sentence template with the document's topic, province and figures."""
    return template.format(
        topic=ident.topic.phrase,
        short=ident.topic.short,
        cap=ident.province.kind,
        year=ident.year_scope,
        pct=rng.randrange(90, 100),
        pct2=rng.randrange(40, 95),
        n=rng.randrange(3, 30),
    )


def bench_spec(index: int):
    """Generated document ``index``, lengthened with extra body sections: 1–6 pages, mostly 2–4.

    synth's documents are one or two pages; real plans and reports run longer,
    and the per-page cost of a reader only shows on longer files.
    """
    import synth

    rng = random.Random(BENCH_SEED + index)
    spec = synth.random_spec(rng, index, draft=rng.random() < DRAFT_SHARE)
    ident = synth.identity(index)
    headings = [
        "TÌNH HÌNH, KẾT QUẢ THỰC HIỆN",
        "NỘI DUNG TRỌNG TÂM",
        "GIẢI PHÁP THỰC HIỆN",
        "ĐÁNH GIÁ CHUNG",
        "PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "KINH PHÍ THỰC HIỆN",
    ]
    for n in range(rng.choice([0, 1, 2, 2, 3, 4, 5, 6])):
        templates = synth.RESULTS + synth.PURPOSES + [t + "." for t in synth.TASKS]
        paragraphs = [_fill(t, ident, rng) for t in rng.sample(templates, rng.randint(5, 9))]
        spec.sections.append(synth.Section(f"{n + 1}. {rng.choice(headings).capitalize()}", paragraphs))
    return spec, ("docx" if rng.random() < DOCX_SHARE else "pdf")


def _render_one(job: tuple[int, str]) -> str:
    import synth

    index, folder = job
    spec, ext = bench_spec(index)
    return str(synth.render(spec, Path(folder) / f"{synth.file_stem(spec, index)}.{ext}"))


def bench_corpus(n: int, workers: int) -> Path:
    """``n`` generated documents under bench/out/, rendered once per generator version."""
    folder = OUT / f"corpus-{recipe_key()}-{n}"
    if (folder / ".complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    started = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_render_one, [(i, str(partial)) for i in range(n)], chunksize=8))
    (partial / ".complete").write_text(f"{n} documents, recipe {recipe_key()}\n")
    partial.rename(folder)
    note(f"rendered {n} documents in {time.perf_counter() - started:.0f} s")
    return folder


@dataclass
class PdfFile:
    path: str
    pages: int
    ocr_pages: list[int] = field(default_factory=list)  # 0-based pages the reader sends to OCR


def classify_pdfs(paths: list[Path]) -> tuple[list[PdfFile], list[PdfFile]]:
    """(text-layer PDFs, scans): by the reader's own test (``pages_needing_ocr``: a scan, outlined text, or a
    font that lost its letters), so text-layer figures compare text-layer reading with text-layer reading."""
    import pypdfium2 as pdfium

    from vanban.pipeline.pdf import _read_page, pages_needing_ocr

    text, scans = [], []
    for path in paths:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError:
            continue
        try:
            pages = [_read_page(pdf, i) for i in range(len(pdf))]
        finally:
            pdf.close()
        needing = sorted(pages_needing_ocr(pages)) if pages else []
        if pages and not needing and all(p.chars for p in pages):
            text.append(PdfFile(str(path), len(pages)))
        elif needing:
            scans.append(PdfFile(str(path), len(pages), needing))
    return text, scans


def realdocs() -> list[Path]:
    """../shared/realdocs files vanban reads (none when ../shared is absent)."""
    from vanban.store import iter_files

    folder = SHARED / "realdocs"
    return iter_files([folder]) if folder.is_dir() else []


def gold_scans() -> set[str]:
    """File names of the gold documents that are scans (../shared/eval/scanned.txt)."""
    listed = SHARED / "eval" / "scanned.txt"
    return set(listed.read_text(encoding="utf-8").split("\n")) - {""} if listed.exists() else set()


# ---------------------------------------------------------------- text-layer PDFs: raw pypdfium2 against vanban


def _pdfium_pages(path: str) -> int:
    """What any pypdfium2 text extraction does: every page's text layer."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            page.get_textpage().get_text_range()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def _extract(path: str) -> None:
    from vanban.extraction import extract_file

    extract_file(path)


@dataclass
class CpuPerPage:
    """CPU seconds of raw pypdfium2 and of vanban over the same pages, one process."""

    pages: int = 0
    raw: Cost = field(default_factory=Cost)
    vanban: Cost = field(default_factory=Cost)
    ratios: list[float] = field(default_factory=list)  # per file: raw CPU / vanban CPU

    @property
    def ratio(self) -> float:
        return self.raw.cpu / self.vanban.cpu if self.vanban.cpu else float("nan")

    def show(self) -> str:
        per_page = 1000 / max(1, self.pages)
        spread = Runs(self.ratios)
        return (
            f"raw pypdfium2 {self.raw.cpu * per_page:.2f} ms CPU/page, vanban {self.vanban.cpu * per_page:.1f} ms "
            f"CPU/page ({self.vanban.cpu / max(self.raw.cpu, 1e-9):.1f}× raw; ratio {self.ratio:.2f}, per file "
            f"{spread.show(2)}) over {self.pages} pages"
        )


def cpu_per_page(files: list[PdfFile], ocr_cache: Path) -> CpuPerPage:
    """Each file read by raw pypdfium2, then extracted by vanban, in this process, with ``ocr_cache`` as the
    OCR cache: the two interleaved file by file, so a change of load touches both."""
    os.environ["VANBAN_OCR_CACHE"] = str(ocr_cache)
    result = CpuPerPage()
    for f in files:
        raw, vanban = Cost(), Cost()
        raw.add(_pdfium_pages, f.path)
        vanban.add(_extract, f.path)
        result.pages += f.pages
        result.raw.include(raw)
        result.vanban.include(vanban)
        if vanban.cpu:
            result.ratios.append(raw.cpu / vanban.cpu)
    return result


def raw_pdfium_rate(files: list[PdfFile], workers: int) -> float:
    """Pages per second of plain pypdfium2 text extraction with ``workers`` processes."""
    import multiprocessing

    paths = [f.path for f in files]
    started = time.perf_counter()
    if workers == 1:
        pages = sum(_pdfium_pages(p) for p in paths)
    else:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            pages = sum(pool.map(_pdfium_pages, paths, chunksize=8))
    return pages / (time.perf_counter() - started)


def vanban_extract(paths: list[str], workers: int, ocr_cache: Path) -> tuple[list, Cost]:
    """(outcomes, cost) of ``vanban.batch.extract_many`` over ``paths`` (worker start-up included), texts kept
    for storing, with ``ocr_cache`` as the workers' OCR cache."""
    from vanban.batch import extract_many

    os.environ["VANBAN_OCR_CACHE"] = str(ocr_cache)
    cost = Cost()
    outcomes = cost.add(lambda: list(extract_many(paths, workers=workers, keep_text=True)))
    return outcomes, cost


@dataclass
class Throughput:
    """Pages/s of raw pypdfium2 (N processes and 1) and of vanban, round after round."""

    raw_n: Runs = field(default_factory=Runs)
    raw_1: Runs = field(default_factory=Runs)
    vanban: Runs = field(default_factory=Runs)
    vanban_cpu: Runs = field(default_factory=Runs)  # pages per CPU second, workers included
    outcomes: list = field(default_factory=list)

    @property
    def baseline(self) -> float:
        return max(self.raw_n.median, self.raw_1.median)


def throughput(files: list[PdfFile], workers: int, rounds: int, run_dir: Path) -> Throughput:
    """A B A B: raw pypdfium2 (N processes, then 1), then vanban (a cold OCR cache each round), ``rounds`` times."""
    pages = sum(f.pages for f in files)
    result = Throughput()
    for round_ in range(rounds):
        result.raw_n.values.append(raw_pdfium_rate(files, workers))
        result.raw_1.values.append(raw_pdfium_rate(files, 1))
        outcomes, cost = vanban_extract([f.path for f in files], workers, run_dir / f"ocr-cache-{time.time_ns()}")
        result.vanban.values.append(pages / cost.wall)
        result.vanban_cpu.values.append(pages / cost.cpu)
        result.outcomes = outcomes
        note(f"round {round_ + 1}/{rounds}: vanban {pages / cost.wall:,.1f} pages/s")
    return result


def show_throughput(label: str, files: list[PdfFile], result: Throughput, workers: int) -> None:
    pages = sum(f.pages for f in files)
    failed = sum(1 for o in result.outcomes if o.error)
    say(
        f"{label}: raw pypdfium2 {workers} processes {result.raw_n.show()} pages/s, 1 process "
        f"{result.raw_1.show()} pages/s; vanban extract_many ({workers} processes, start-up included) "
        f"{result.vanban.show(1)} pages/s, {result.vanban_cpu.show(1)} pages per CPU second; "
        f"{len(files)} files, {pages} pages, {failed} failed; ratio to the faster raw "
        f"{result.vanban.median / result.baseline:.3f}"
    )


# ---------------------------------------------------------------- Dask against the process pool


def _live_descendants_cpu() -> float:
    """CPU seconds of this process's live descendants and of the children they reaped (a Dask worker's readers)."""
    import psutil

    total = 0.0
    for process in psutil.Process().children(recursive=True):
        try:
            t = process.cpu_times()
        except psutil.Error:
            continue
        total += t.user + t.system + t.children_user + t.children_system
    return total


@dataclass
class DaskThroughput:
    """Files/s of the process pool and of a LocalCluster over the same files, round after round."""

    start_up: float = 0.0  # seconds to start the LocalCluster (scheduler, workers, their warm readers)
    pool: Runs = field(default_factory=Runs)
    dask: Runs = field(default_factory=Runs)
    pool_cpu: Runs = field(default_factory=Runs)  # files per CPU second, every process included
    dask_cpu: Runs = field(default_factory=Runs)
    same: bool = True  # both sides gave the same records, failures and texts
    per_core: list[PerCore] = field(default_factory=list)


def _comparable(outcomes: list) -> list:
    return [(o.path, o.error, o.text, o.record.to_dict() if o.record else None) for o in outcomes]


@dataclass
class PerCore:
    """What the cluster's workers did with one kind of PDF: documents, pages, pages OCR'd, and CPU seconds."""

    label: str
    documents: int
    pages: int
    ocr_pages: int
    cpu: float

    def show(self) -> str:
        pages = self.ocr_pages or self.pages
        kind = "OCR'd pages" if self.ocr_pages else "pages"
        return (
            f"{self.label}: {self.documents / self.cpu:,.3f} documents and {pages / self.cpu:,.2f} {kind} per "
            f"core-second ({self.cpu / self.documents:,.2f} s CPU a document, {self.cpu / pages:,.3f} s a page; "
            f"{self.documents} files, {self.pages} pages, {self.ocr_pages} OCR'd)"
        )


def dask_against_pool(
    paths: list[str], workers: int, rounds: int, run_dir: Path, kinds: dict[str, list[PdfFile]]
) -> DaskThroughput:
    """A B A B: ``extract_many`` (N worker processes, start-up included), then ``extract_on_cluster`` on a
    LocalCluster of N one-thread workers started once before the rounds (its readers started again each round, as
    the pool's are: each round has a cold OCR cache of its own, which the task carries to the workers). Then each
    of ``kinds`` (text-layer PDFs, scans) once more on the cluster alone, cold OCR cache: its cost per core."""
    from distributed import Client, LocalCluster

    from vanban.batch import extract_many
    from vanban.cluster import PRELOAD, extract_on_cluster

    result = DaskThroughput()
    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, preload=[PRELOAD], dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(lambda: None)  # every worker up
        result.start_up = time.perf_counter() - started
        for round_ in range(rounds):
            os.environ["VANBAN_OCR_CACHE"] = str(run_dir / f"ocr-cache-pool-{round_}")
            pool_cost = Cost()
            pooled = pool_cost.add(lambda: list(extract_many(paths, workers=workers, keep_text=True)))
            dask_cost, before = Cost(), _live_descendants_cpu()
            cache = str(run_dir / f"ocr-cache-dask-{round_}")
            clustered = dask_cost.add(
                lambda c=cache: list(extract_on_cluster(paths, client, keep_text=True, ocr_cache=c))
            )
            dask_cost.cpu += _live_descendants_cpu() - before
            result.pool.values.append(len(paths) / pool_cost.wall)
            result.dask.values.append(len(paths) / dask_cost.wall)
            result.pool_cpu.values.append(len(paths) / pool_cost.cpu)
            result.dask_cpu.values.append(len(paths) / dask_cost.cpu)
            result.same = result.same and _comparable(pooled) == _comparable(clustered)
            note(
                f"round {round_ + 1}/{rounds}: process pool {result.pool.values[-1]:,.2f} files/s, "
                f"Dask {result.dask.values[-1]:,.2f} files/s"
            )
        for label, files in kinds.items():
            cost, before = Cost(), _live_descendants_cpu()
            cache = str(run_dir / f"ocr-cache-per-core-{label}")
            cost.add(lambda f=files, c=cache: list(extract_on_cluster([x.path for x in f], client, ocr_cache=c)))
            cost.cpu += _live_descendants_cpu() - before
            pages, ocr_pages = sum(f.pages for f in files), sum(len(f.ocr_pages) for f in files)
            result.per_core.append(PerCore(label, len(files), pages, ocr_pages, cost.cpu))
    return result


def show_dask(label: str, paths: list[str], result: DaskThroughput, workers: int) -> None:
    pool = statistics.median(result.pool.values)
    with_start = len(paths) / (len(paths) / statistics.median(result.dask.values) + result.start_up)
    say(
        f"Dask against the process pool, {label} ({len(paths)} files), {workers} workers: process pool "
        f"{result.pool.show(2)} files/s ({result.pool_cpu.show(2)} per CPU second); Dask LocalCluster "
        f"{result.dask.show(2)} files/s ({result.dask_cpu.show(2)} per CPU second); same records: "
        f"{'yes' if result.same else 'NO'}; cluster start-up {result.start_up:.1f} s (once; "
        f"{with_start:,.2f} files/s with it)"
    )
    for kind in result.per_core:
        say(f"Dask, per worker core, {kind.show()}")
    say(f"ratio Dask/process pool files/s: {result.dask.median / pool:.2f} (target ≥ 0.9)")


# ---------------------------------------------------------------- OCR on scans


def _page_images(scan: PdfFile, folder: Path) -> list[Path]:
    """The pages of ``scan`` that vanban OCRs, rendered as vanban renders them (gray, its DPI), as PNG files."""
    import pypdfium2 as pdfium

    from vanban.pipeline.ocr import DPI

    folder.mkdir(parents=True, exist_ok=True)
    pngs = []
    pdf = pdfium.PdfDocument(scan.path)
    try:
        for index in scan.ocr_pages:
            page = pdf[index]
            png = folder / f"{hashlib.sha256(scan.path.encode()).hexdigest()[:12]}-{index + 1}.png"
            page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L").save(png)
            page.close()
            pngs.append(png)
    finally:
        pdf.close()
    return pngs


def _tesseract(png: Path) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    done = subprocess.run(
        ["tesseract", str(png), "stdout", "-l", "vie", "--psm", "3", "--dpi", "300"],
        capture_output=True,
        env=env,
        check=True,
    )
    return done.stdout.decode("utf-8", "replace")


def _tesseract_all(pngs: list[Path], workers: int) -> None:
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(_tesseract, pngs))


def generated_scan(corpus: Path, n: int, folder: Path) -> PdfFile:
    """A scanned PDF of ``n`` pages (page 1 of generated PDFs, as image-only JPEG pages at 300 dpi): what OCR
    is measured on when ../shared/realdocs is absent."""
    import pypdfium2 as pdfium

    from vanban.pipeline.ocr import DPI

    folder.mkdir(parents=True, exist_ok=True)
    images = []
    for pdf_path in sorted(corpus.glob("*.pdf"))[:n]:
        pdf = pdfium.PdfDocument(str(pdf_path))
        try:
            page = pdf[0]
            images.append(page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L"))
            page.close()
        finally:
            pdf.close()
    scan = folder / "scan.pdf"
    images[0].save(scan, resolution=DPI, save_all=True, append_images=images[1:])
    return PdfFile(str(scan), len(images), list(range(len(images))))


@dataclass
class OcrCost:
    pages: int = 0
    files: int = 0
    raw: Cost = field(default_factory=Cost)
    vanban: Cost = field(default_factory=Cost)  # the whole extraction, empty OCR cache
    warm: Cost = field(default_factory=Cost)  # the same extraction again, every OCR result in the cache
    ratios: list[float] = field(default_factory=list)  # per file: vanban's OCR CPU / raw CPU

    @property
    def ocr_cpu(self) -> float:
        """vanban's CPU for OCR alone: the cold extraction less the warm one."""
        return self.vanban.cpu - self.warm.cpu


def ocr_costs(scans: list[PdfFile], workers: int, folder: Path) -> OcrCost:
    """Per scan: raw ``tesseract -l vie`` (psm 3, one thread each, ``workers`` pages at a time) on the pages
    vanban OCRs, then vanban's whole extraction of the file in this process with an empty OCR cache, then
    again with that cache full (what the extraction costs besides OCR: the text-layer pages of a mixed
    file, the extractors)."""
    from vanban.pipeline.ocr import tesseract_version

    tesseract_version()  # its one-time check, before the clocks
    result = OcrCost()
    for number, scan in enumerate(scans):
        pngs = _page_images(scan, folder / "pages")
        raw, vanban, warm = Cost(), Cost(), Cost()
        raw.add(_tesseract_all, pngs, workers)
        os.environ["VANBAN_OCR_CACHE"] = str(folder / f"ocr-cache-{number}")
        vanban.add(_extract, scan.path)
        warm.add(_extract, scan.path)
        result.pages += len(pngs)
        result.files += 1
        result.raw.include(raw)
        result.vanban.include(vanban)
        result.warm.include(warm)
        ratio = (vanban.cpu - warm.cpu) / max(raw.cpu, 1e-9)
        result.ratios.append(ratio)
        note(f"OCR {number + 1}/{len(scans)}: {Path(scan.path).name[:50]}: {ratio:.2f}× raw")
    return result


def show_ocr(label: str, ocr: OcrCost, workers: int) -> None:
    per = 1 / max(1, ocr.pages)
    raw_cpu = max(ocr.raw.cpu, 1e-9)
    say(
        f"OCR, {label}: raw tesseract -l vie (psm 3, {workers} at a time) {ocr.raw.wall * per:.2f} s/page wall, "
        f"{ocr.raw.cpu * per:.2f} s CPU/page; vanban extract, empty OCR cache, {ocr.vanban.wall * per:.2f} s/page "
        f"wall, {ocr.vanban.cpu * per:.2f} s CPU/page ({ocr.vanban.cpu / raw_cpu:.2f}× raw CPU, "
        f"{ocr.vanban.wall / max(ocr.raw.wall, 1e-9):.2f}× raw wall), of which OCR (less a full-cache run) "
        f"{ocr.ocr_cpu * per:.2f} s CPU/page: {ocr.ocr_cpu / raw_cpu:.2f}× raw CPU, per file "
        f"{Runs(ocr.ratios).show(2)}× ({ocr.files} files, {ocr.pages} pages; target ≤ 1.2×)"
    )


# ---------------------------------------------------------------- the store and reindex


def _fresh_db(path: Path):
    from vanban.store import open_db

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return open_db(path)


def store_rates(outcomes: list, folder: Path) -> tuple[Runs, Runs, float, Path]:
    """(writer docs/s, writer docs per CPU second, ingest_file docs/s, the writer's database): the extracted
    records stored into a fresh database by ``StoreWriter`` :data:`STORE_ROUNDS` times, and the first
    :data:`PER_FILE_STORE` of them by ``ingest_file``, one transaction each."""
    import copy

    from vanban.store import StoreWriter, ingest_file

    records = [(o.path, o.record, o.text) for o in outcomes if o.record is not None]
    wall, cpu = Runs(), Runs()
    path = folder / "store.db"
    for _ in range(STORE_ROUNDS):
        batch = copy.deepcopy(records)
        db = _fresh_db(path)
        cost = Cost()

        def write(db=db, batch=batch) -> None:
            with StoreWriter(db) as writer:
                for file, record, text in batch:
                    writer.add(file, record=record, text_doc=text)

        cost.add(write)
        db.close()
        wall.values.append(len(records) / cost.wall)
        cpu.values.append(len(records) / cost.cpu)
    few = copy.deepcopy(records[:PER_FILE_STORE])
    db = _fresh_db(folder / "per-file.db")
    cost = Cost()
    cost.add(lambda: [ingest_file(db, file, record=record, text_doc=text) for file, record, text in few])
    db.close()
    return wall, cpu, len(few) / cost.wall, path


def reindex_rates(path: Path, workers: int, repeats: int = 3) -> tuple[float, float, int]:
    """(first reindex files/s, no-op reindex files/s, files) on the store's database: the first reindex hashes
    every file and fills the stat cache; the no-op reindex then only stats them (median of ``repeats``)."""
    from vanban.reindexing import reindex_db
    from vanban.store import open_db

    db = open_db(path)
    try:
        first = reindex_db(db, workers=workers, progress=False)
        assert first.extracted == 0, f"first reindex re-extracted {first.extracted} files"
        noop = []
        for _ in range(repeats):
            report = reindex_db(db, workers=workers, progress=False)
            assert report.extracted == 0 and report.unchanged == report.checked
            noop.append(report.checked / report.seconds)
        return first.checked / first.seconds, statistics.median(noop), first.checked
    finally:
        db.close()


# ---------------------------------------------------------------- the synthetic database


def _synthetic_record(index: int) -> tuple:
    """Generated document ``index`` as the extractors would give it: (record, text)."""
    import synth_records

    return synth_records.stored_record(index, BENCH_SEED * 7, DRAFT_SHARE, DOCX_SHARE)


def _records(n: int, workers: int) -> Iterator[tuple]:
    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(_synthetic_record, range(n), chunksize=200)


def build_synthetic_db(path: Path, n: int, workers: int) -> None:
    """``n`` generated records written by the store's ``StoreWriter``, as an ingest writes them; a few of
    the files failed instead (rows in ``errors``)."""
    from vanban.store import StoreWriter, open_db

    db = open_db(path)
    started = time.perf_counter()
    try:
        with StoreWriter(db) as writer:
            for index, (record, text) in enumerate(_records(n, workers), start=1):
                if random.Random(index).random() < ERROR_SHARE:
                    writer.add(
                        record.source.path,
                        sha256=record.source.sha256,
                        error="encrypted PDF: a password is needed to open it",
                    )
                else:
                    writer.add(record.source.path, record=record, text_doc=text)
                if index % 5000 == 0:
                    note(f"{index:,} documents written ({index / (time.perf_counter() - started):,.0f}/s)")
    finally:
        db.close()


def synthetic_db(n: int, workers: int) -> Path:
    """The cached ``n``-document database under bench/out/, built when missing."""
    from vanban.migrations import MIGRATIONS

    path = OUT / f"synthetic-{generator_key(DB_RECIPE + str(len(MIGRATIONS)))}-{n}.db"
    if path.exists():
        return path
    partial = path.with_suffix(".partial.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    build_synthetic_db(partial, n, workers)
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    partial.rename(path)
    note(f"built the {n:,}-document database in {time.perf_counter() - started:.0f} s")
    return path


# ---------------------------------------------------------------- canned queries


def query_parameters(path: Path) -> dict[str, list[dict]]:
    """Realistic parameters for each canned query, some taken from the database itself."""
    conn = sqlite3.connect(path)
    try:
        mid = conn.execute("SELECT max(id) / 2 FROM documents").fetchone()[0]
        local_symbol = conn.execute(
            "SELECT symbol FROM citations WHERE cited_document_id IS NOT NULL AND citing_document_id >= ? LIMIT 1",
            [mid],
        ).fetchone()
        cited_doc = conn.execute(
            "SELECT cited_document_id FROM citations WHERE cited_document_id IS NOT NULL "
            "AND citing_document_id >= ? LIMIT 1",
            [mid],
        ).fetchone()
        locality = conn.execute(
            "SELECT locality FROM agencies WHERE canonical_name = 'Sở Nội vụ' AND locality IS NOT NULL LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    no_range = {"locality": "", "from": "", "to": ""}
    return {
        "search": [{"q": "cai cach hanh chinh"}, {"q": "chuyển đổi số"}, {"q": "lưu trữ"}],
        "search_duties": [{"q": "tong hop ket qua"}, {"q": "tuyên truyền"}],
        "citing_symbol": [{"symbol": "45/2020/NĐ-CP"}, {"symbol": local_symbol[0] if local_symbol else "02/KH-UBND"}],
        "document_citations": [{"id": str(mid)}, {"id": str(cited_doc[0] if cited_doc else 1)}],
        "agency_duties": [
            dict(no_range, agency="Sở Nội vụ", **{"from": "2025-01-01", "to": "2025-12-31"}),
            dict(no_range, agency="so tu phap", locality=locality[0] if locality else ""),
        ],
        "missing_cited": [{}],
        "recent_ingests": [{}],
        "recent_failures": [{}],
    }


async def _time_queries(path: Path, repeats: int) -> list[tuple[str, str, float, int, str]]:
    from vanban.publish import load_metadata, make_datasette

    # The served limit is 3 s; the bench lifts it to see how far past it a query goes.
    ds = make_datasette(path, settings={"sql_time_limit_ms": 120_000})
    await ds.invoke_startup()
    queries = load_metadata()["databases"]["vanban"]["queries"]
    params = query_parameters(path)
    results = []
    for name in queries:
        for values in params.get(name, [{}]):
            url = f"/vanban/{name}.json?_shape=objects&" + urllib.parse.urlencode(values)
            times, rows, status = [], 0, ""
            for attempt in range(repeats + 1):  # the first run warms SQLite's page cache
                started = time.perf_counter()
                response = await ds.client.get(url)
                elapsed = time.perf_counter() - started
                if response.status_code != 200:
                    status = f"HTTP {response.status_code}: {response.text[:120]}"
                    break
                rows = len(response.json()["rows"])
                if attempt:
                    times.append(elapsed)
            shown = " ".join(f"{k}={v!r}" for k, v in values.items() if v) or "-"
            results.append((name, shown, statistics.median(times) if times else float("nan"), rows, status))
    return results


# ---------------------------------------------------------------- the run


def peak_memory() -> tuple[float, float]:
    """(this process, largest child) peak resident set in MiB; ru_maxrss is in KiB on Linux."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def pick_scans(scans: list[PdfFile], pages: int | None) -> list[PdfFile]:
    """Whole scans, smallest first, while their OCR pages fit in ``pages`` (all when None; at least one)."""
    if pages is None:
        return scans
    picked, total = [], 0
    for scan in sorted(scans, key=lambda s: (len(s.ocr_pages), s.path)):
        if picked and total + len(scan.ocr_pages) > pages:
            break
        picked.append(scan)
        total += len(scan.ocr_pages)
    return picked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small run to iterate: 200 documents, 10k database")
    parser.add_argument("--docs", type=int, help="generated documents in the bench corpus")
    parser.add_argument("--db-docs", type=int, help="documents in the synthetic database")
    parser.add_argument("--ocr-pages", type=int, help="at most this many scan pages for the OCR figures (0 skips)")
    parser.add_argument("--rounds", type=int, help="A B rounds of the pages/s figures")
    parser.add_argument("--no-realdocs", action="store_true", help="leave ../shared/realdocs out")
    parser.add_argument("--out", type=Path, help="cache folder (default bench/out)")
    args = parser.parse_args(argv)
    global OUT
    OUT = (args.out or OUT).resolve()
    sizes = dict(QUICK if args.quick else FULL)
    for key in ("docs", "db_docs", "ocr_pages", "rounds"):
        if getattr(args, key) is not None:
            sizes[key] = getattr(args, key)
    OUT.mkdir(parents=True, exist_ok=True)
    workers = _workers()
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=OUT))

    say(f"machine: {machine()}")
    say(f"load at the start: {load()} (CPU figures hold on a shared machine; wall-clock figures move with the load)")
    os.environ["VANBAN_OCR_CACHE"] = str(run_dir / "ocr-cache-warm-up")
    import vanban.extraction  # noqa: F401  (imported before any timing, as a long-running ingest has it)

    corpus = bench_corpus(sizes["docs"], workers)
    generated = sorted(p for p in corpus.iterdir() if p.suffix in (".pdf", ".docx"))
    real = [] if args.no_realdocs else realdocs()
    real_text, real_scans = classify_pdfs([p for p in real if p.suffix.lower() == ".pdf"])
    gen_text, _ = classify_pdfs([p for p in generated if p.suffix == ".pdf"])
    real_other = [str(p) for p in real if p.suffix.lower() != ".pdf"]
    gen_docx = [str(p) for p in generated if p.suffix == ".docx"]
    listed = gold_scans()
    say(
        f"corpus: realdocs {len(real)} files — {len(real_text)} text-layer PDFs ({sum(f.pages for f in real_text)} "
        f"pages), {len(real_scans)} scans ({sum(len(f.ocr_pages) for f in real_scans)} pages to OCR, "
        f"{sum(Path(f.path).name in listed for f in real_scans)} in eval/scanned.txt), {len(real_other)} Word/web "
        f"pages; generated {len(generated)} files — {len(gen_text)} text-layer PDFs "
        f"({sum(f.pages for f in gen_text)} pages), {len(gen_docx)} DOCX"
    )
    if gen_text:
        _extract(gen_text[0].path)  # first-use work (tables, models) before the clocks

    # CPU per page, one process: the figure the last line reports, on real documents when there are any.
    ratio_files, ratio_label = (real_text, "real") if real_text else (gen_text, "generated (no realdocs)")
    cache = run_dir / "ocr-cache-cpu"
    cold = cpu_per_page(ratio_files, cache)
    warm = cpu_per_page(ratio_files, cache)
    say(f"{ratio_label} text-layer PDFs, CPU per page, one process, cold OCR cache: {cold.show()}")
    say(f"{ratio_label} text-layer PDFs, CPU per page, one process, warm OCR cache: {warm.show()}")
    if real_text and gen_text:
        sample = random.Random(BENCH_SEED).sample(gen_text, min(sizes["sample"], len(gen_text)))
        say(f"generated text-layer PDFs, CPU per page, one process: {cpu_per_page(sample, cache).show()}")

    # Pages/s on every core, A B A B.
    outcomes = []
    for label, files in (("real text-layer PDFs", real_text), ("generated text-layer PDFs", gen_text)):
        if files:
            result = throughput(files, workers, sizes["rounds"], run_dir)
            show_throughput(label, files, result, workers)
            outcomes += result.outcomes
    dask_files = [f.path for f in real_text] + [str(p) for p in generated[: sizes["dask_generated"]]]
    if dask_files and sizes["rounds"]:
        kinds = {"real text-layer PDFs" if real_text else "generated text-layer PDFs": real_text or gen_text}
        if sizes["ocr_pages"] != 0 and shutil.which("tesseract") and real_scans:
            kinds["real scans"] = pick_scans(real_scans, sizes["ocr_pages"])
        result = dask_against_pool(dask_files, workers, sizes["rounds"], run_dir, kinds)
        show_dask("real text-layer PDFs and generated files", dask_files, result, workers)
    for label, files in (("real Word and web pages", real_other), ("generated DOCX", gen_docx)):
        if files:
            found, cost = vanban_extract(files, workers, run_dir / "ocr-cache-other")
            outcomes += found
            say(
                f"{label}: vanban extract_many {len(files) / cost.wall:,.1f} files/s, "
                f"{len(files) / cost.cpu:,.1f} files per CPU second ({len(files)} files)"
            )

    if sizes["ocr_pages"] != 0 and shutil.which("tesseract"):
        scans = pick_scans(real_scans, sizes["ocr_pages"])
        label = "real scans"
        if not scans:
            scans = [generated_scan(corpus, sizes["ocr_pages"] or 3, run_dir / "scans")]
            label = "a generated scan (no realdocs)"
        show_ocr(label, ocr_costs(scans, workers, run_dir / "ocr"), workers)
    else:
        say(
            "OCR: skipped"
            + ("" if sizes["ocr_pages"] != 0 else " (--ocr-pages 0)")
            + ("" if shutil.which("tesseract") else " (tesseract not installed)")
        )

    wall, cpu, per_file, store_db = store_rates(outcomes, run_dir)
    stored = sum(1 for o in outcomes if o.record is not None)
    say(
        f"store, StoreWriter: {wall.show()} documents/s, {cpu.show()} per CPU second ({stored} extracted records "
        f"of the runs above, {STORE_ROUNDS} rounds; target ≥ 500); ingest_file, one transaction per file: "
        f"{per_file:,.0f} documents/s"
    )
    first, noop, files = reindex_rates(store_db, workers)
    say(f"reindex, first run (hashes every file): {first:,.0f} files/s over {files} files")
    say(f"reindex, no-op: {noop:,.0f} files/s over {files} files  (target ≥ 2,000)")
    own, child = peak_memory()
    say(
        f"peak memory (extract, store, reindex, OCR): {own:,.0f} MiB this process, {child:,.0f} MiB largest "
        f"child  (target < 1 GiB each; measured before the synthetic database)"
    )

    started = time.perf_counter()
    db_path = synthetic_db(sizes["db_docs"], workers)
    counts = (
        sqlite3.connect(db_path)
        .execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM citations), (SELECT count(*) FROM duties)"
        )
        .fetchone()
    )
    say(
        f"synthetic database: {counts[0]:,} documents, {counts[1]:,} citations, {counts[2]:,} duties, "
        f"{db_path.stat().st_size / 2**20:,.0f} MiB ({time.perf_counter() - started:.0f} s to build or load)"
    )
    say(f"load before the queries: {load()}")
    for name, shown, seconds, rows, status in asyncio.run(_time_queries(db_path, repeats=3)):
        flag = status or ("" if seconds < 0.2 else "  (over 200 ms)")
        say(f"query {name} [{shown}]: {seconds * 1000:,.0f} ms, {rows} rows{flag}")

    shutil.rmtree(run_dir, ignore_errors=True)
    say(
        f"the ratio below: pages per CPU second, vanban over raw pypdfium2, {ratio_label} text-layer PDFs, cold "
        f"OCR cache (target ≥ 0.2)"
    )
    say(f"ratio vanban/pypdfium2 text-layer pages/s: {cold.ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
