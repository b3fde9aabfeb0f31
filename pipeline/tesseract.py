"""Tesseract: the one place that runs it, and its TSV output read as words.

Tesseract runs in this process through tesserocr when tesserocr wraps the
system's own Tesseract (the version ``tesseract --version`` prints, so the words
are exactly the command's): an engine is initialised once per process and
language, reused for every image, and fed the raw gray pixels (no image file in
between). Without tesserocr, or when it bundles another Tesseract, each image
goes to a ``tesseract stdin stdout … tsv`` subprocess as a PNG instead.

Either way Tesseract is limited to one thread (``OMP_THREAD_LIMIT=1``): callers
read one image per core at a time, and on two cores that is ~1 s/page against
~5 s with Tesseract's own threads fighting each other.
"""

from __future__ import annotations

import csv
import ctypes
import ctypes.util
import io
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from vanban.errors import ReadError

from .page_image import DPI, GrayImage

LANG = "vie"
# Page segmentation: 3 = automatic layout, no orientation detection. The header
# columns are rebuilt from word boxes, so Tesseract's own block order does not matter.
PSM_PAGE = 3
TESSERACT_TIMEOUT = 180  # seconds for one page
INSTALL_HINT = "OCR needs tesseract-ocr-vie: apt-get install tesseract-ocr tesseract-ocr-vie"
# The first line of the command's TSV; the in-process engine's TSV gets it too, so
# both read (and are cached) alike.
TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"

# Images read by Tesseract in this process (the tests count them to see cache hits).
tesseract_runs = 0
_runs_lock = threading.Lock()


class OcrUnavailable(ReadError):
    """Tesseract or its Vietnamese model is not installed (or Tesseract failed to run)."""


@dataclass(frozen=True)
class Reading:
    """How Tesseract is asked to read: the model and the variables set on it."""

    lang: str = LANG
    variables: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        """As the command line would say it (``-l eng -c tessedit_char_whitelist=0123456789``); ``vie`` alone."""
        if not self.variables and self.lang == LANG:
            return LANG
        return " ".join(["-l", self.lang, *(f"-c {name}={value}" for name, value in self.variables)])

    def arguments(self) -> list[str]:
        """The command-line options that ask for this reading."""
        return ["-l", self.lang, *(part for name, value in self.variables for part in ("-c", f"{name}={value}"))]


VIE = Reading()


@dataclass
class OcrWord:
    """One word Tesseract read, with its box in pixels and confidence 0–100."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float
    line_key: tuple[int, int, int]  # (block, paragraph, line) as Tesseract numbered them

    def placed(self, left: int, top: int, block: int) -> OcrWord:
        """This word of a region's own reading in page pixels (the region's corner at ``left``, ``top``), its
        Tesseract blocks numbered after the page's first ``block``."""
        return OcrWord(
            self.text,
            self.left + left,
            self.top + top,
            self.right + left,
            self.bottom + top,
            self.confidence,
            (block + self.line_key[0], self.line_key[1], self.line_key[2]),
        )


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    """``tesseract 5.3.0``; raises :class:`OcrUnavailable` if Tesseract or ``vie`` is missing."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise OcrUnavailable("tesseract", INSTALL_HINT)
    try:
        version = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30)
        langs = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrUnavailable("tesseract", f"{INSTALL_HINT} ({exc})") from None
    if LANG not in (langs.stdout + langs.stderr).split():
        raise OcrUnavailable("tesseract", f"{INSTALL_HINT} (language {LANG!r} not installed)")
    first = (version.stdout or version.stderr).strip().splitlines()
    return first[0] if first else "tesseract"


@lru_cache(maxsize=1)
def installed_languages() -> frozenset[str]:
    """The language models Tesseract has (``vie``, ``eng`` …)."""
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    return frozenset((done.stdout + done.stderr).split())


def recognize(image: GrayImage, psm: int, reading: Reading = VIE, dpi: int = DPI) -> str:
    """Tesseract's TSV for an 8-bit gray image at ``dpi`` (a page at :data:`DPI`), one thread."""
    global tesseract_runs
    tesseract_version()
    with _runs_lock:
        tesseract_runs += 1
    if in_process() is not None:
        with _engines.engine(reading) as api:
            api.SetPageSegMode(psm)
            api.SetVariable("user_defined_dpi", str(dpi))  # what the command's --dpi sets
            api.SetImageBytes(image.pixels, image.width, image.height, 1, image.width)
            api.SetSourceResolution(dpi)
            try:
                api.Recognize()
                return TSV_HEADER + (api.GetTSVText(0) or "")
            finally:
                api.Clear()
    return _run_command(image.png(), psm, reading, dpi)


def _run_command(png: bytes, psm: int, reading: Reading, dpi: int = DPI) -> str:
    """TSV from a ``tesseract`` subprocess reading a PNG from stdin."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    command = ["tesseract", "stdin", "stdout", *reading.arguments(), "--psm", str(psm), "--dpi", str(dpi), "tsv"]
    try:
        done = subprocess.run(command, input=png, capture_output=True, env=env, timeout=TESSERACT_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise OcrUnavailable("tesseract", f"tesseract took longer than {TESSERACT_TIMEOUT} s on one page") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrUnavailable("tesseract", f"tesseract failed: {message[-1] if message else done.returncode}")
    return done.stdout.decode("utf-8", "replace")


# --- The in-process engine -------------------------------------------------------------


@lru_cache(maxsize=1)
def in_process():
    """The tesserocr module when it can stand in for the command, else None.

    It must wrap the same Tesseract as the command (a tesserocr wheel bundles its
    own, whose readings differ) and run one thread per engine: ``OMP_THREAD_LIMIT``
    is read once, when OpenMP loads, so it is set before tesserocr is imported.
    """
    _limit_openmp_threads()
    try:
        import tesserocr
    except ImportError:
        return None
    wrapped = tesserocr.tesseract_version().split()[:2]
    if wrapped != tesseract_version().split()[:2] or _openmp_thread_limit() > 1:
        return None
    return tesserocr


def _openmp_loaded() -> bool:
    """True when the OpenMP runtime Tesseract links, the system's ``libgomp.so``, is loaded in this process; a
    copy another package bundles under its own name (scikit-learn's ``libgomp-e985bcbb.so``, loaded by the
    pen-digit reader) is another runtime, with its own thread limit."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            return any("/libgomp.so" in line for line in maps)
    except OSError:
        return False


def _limit_openmp_threads() -> None:
    """``OMP_THREAD_LIMIT=1`` for the OpenMP runtime Tesseract links, unless it is loaded already (it reads the
    limit once, when it loads) or the limit is set. Done when this module is imported too, before anything
    loads OpenMP: a process that loaded it first without the limit reads every image with the command."""
    if not _openmp_loaded():
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def _openmp_thread_limit() -> int:
    """OpenMP's thread limit in this process (1 when OpenMP is absent)."""
    name = ctypes.util.find_library("gomp")
    if name is None:
        return 1
    try:
        return int(ctypes.CDLL(name).omp_get_thread_limit())
    except (OSError, AttributeError):
        return 1


class _EnginePool:
    """Initialised Tesseract engines by reading, each used by one thread at a time.

    There are never more engines of a reading than threads that asked for one at
    once (one per core), and they live as long as the process.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: dict[Reading, list] = {}

    @contextmanager
    def engine(self, reading: Reading) -> Iterator:
        with self._lock:
            idle = self._idle.setdefault(reading, [])
            api = idle.pop() if idle else None
        if api is None:
            api = self._start(reading)
        try:
            yield api
        finally:
            with self._lock:
                self._idle[reading].append(api)

    @staticmethod
    def _start(reading: Reading):
        tesserocr = in_process()
        try:
            api = tesserocr.PyTessBaseAPI(lang=reading.lang, init=True)
        except RuntimeError as exc:
            raise OcrUnavailable("tesseract", f"{INSTALL_HINT} ({exc})") from None
        for name, value in reading.variables:
            api.SetVariable(name, value)
        return api


_engines = _EnginePool()
_limit_openmp_threads()


def _forget_engines() -> None:
    """A forked worker starts its own engines (the parent's may be mid-use in another thread)."""
    global _engines, _runs_lock
    _engines = _EnginePool()
    _runs_lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_engines)


# --- Reading the TSV -------------------------------------------------------------------


def parse_tsv(tsv: str) -> list[OcrWord]:
    """The words (level 5 rows with text) of Tesseract's TSV output."""
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top = int(row["left"]), int(row["top"])
        words.append(
            OcrWord(
                text=text,
                left=left,
                top=top,
                right=left + int(row["width"]),
                bottom=top + int(row["height"]),
                confidence=float(row["conf"]),
                line_key=(int(row["block_num"]), int(row["par_num"]), int(row["line_num"])),
            )
        )
    return words


def mean_confidence(words: list[OcrWord]) -> float | None:
    """Mean word confidence, rounded to 0.1; None for no words."""
    scores = [w.confidence for w in words if w.confidence >= 0]
    return round(sum(scores) / len(scores), 1) if scores else None
