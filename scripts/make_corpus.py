"""Write the sample corpus (corpus/) or a benchmark corpus of synthetic documents.

    python scripts/make_corpus.py                 # corpus/: the seeds + ~12 generated PDF/DOCX
    python scripts/make_corpus.py --bench N DIR   # N generated documents (PDF and DOCX) in DIR

Deterministic: the same command writes byte-identical files.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # the generator (tests/synth.py) is test tooling

import synth  # noqa: E402

SEEDS = Path(os.environ.get("VANBAN_SHARED", REPO.parent / "shared")) / "seeds"
BENCH_DOCX_SHARE = 0.3  # the rest are PDFs
BENCH_SEED = 20250701


def make_corpus(out: Path) -> list[Path]:
    """The five seed texts plus the rendered :func:`synth.corpus_specs` (tests/synth.py); old files are replaced."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        if old.is_file() and old.suffix in (".pdf", ".docx", ".txt"):
            old.unlink()
    written = []
    if SEEDS.is_dir():
        for seed in sorted(SEEDS.glob("*.txt")):
            written.append(Path(shutil.copyfile(seed, out / seed.name)))
    else:
        print(f"warning: {SEEDS} not found, seeds not copied", file=sys.stderr)
    for name, spec in synth.corpus_specs():
        written.append(synth.render(spec, out / name))
    return written


def _bench_one(args: tuple[int, str]) -> str:
    index, out = args
    rng = random.Random(BENCH_SEED + index)
    spec = synth.random_spec(rng, index, draft=rng.random() < 0.03)
    ext = "docx" if rng.random() < BENCH_DOCX_SHARE else "pdf"
    return str(synth.render(spec, Path(out) / f"{synth.file_stem(spec, index)}.{ext}"))


def make_bench(n: int, out: Path, workers: int | None = None) -> list[str]:
    """``n`` generated documents in ``out``, rendered by one process per core."""
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(i, str(out)) for i in range(n)]
    workers = workers or os.cpu_count() or 1
    if workers == 1:
        return [_bench_one(job) for job in jobs]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(_bench_one, jobs, chunksize=max(1, n // (workers * 8))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", nargs=2, metavar=("N", "OUT_DIR"), help="write N benchmark documents to OUT_DIR")
    parser.add_argument("--out", default=str(REPO / "corpus"), help="sample corpus directory (default: corpus/)")
    parser.add_argument("--workers", type=int, default=None, help="processes for --bench (default: all cores)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.bench:
        files = make_bench(int(args.bench[0]), Path(args.bench[1]), args.workers)
    else:
        files = make_corpus(Path(args.out))
    size = sum(Path(f).stat().st_size for f in files)
    print(f"{len(files)} files, {size / 1e6:.2f} MB, {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
